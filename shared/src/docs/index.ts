export * from './names.js';
export * from './agenda.js';
export * from './minutes.js';
export * from './endpoint.js';
export * from './minutes-schema.js';
