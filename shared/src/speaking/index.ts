export * from './state.js';
export * from './commands.js';
export * from './order.js';
export * from './stats.js';
export { applySpeakingCommand } from './apply.js';
