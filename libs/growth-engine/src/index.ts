export * from './engagement.js';
export * from './types.js';
