export * from './rules.js';
export * from './admission.js';
export * from './media.js';
export * from './abilities.js';
