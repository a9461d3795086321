export * from './client.js';
export * from './events.js';
export * from './failed-writes.js';
export * from './feature-host.js';
