export * from './state.js';
export * from './apply.js';
