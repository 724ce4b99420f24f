export * from './engagement.js';
