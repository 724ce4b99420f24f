export * from './common.js';
export * from './auth.js';
export * from './team.js';
export * from './admin.js';
export * from './accounts.js';
export * from './primitives.js';
