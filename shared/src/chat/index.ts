export * from './state.js';
export * from './core.js';
export * from './links.js';
