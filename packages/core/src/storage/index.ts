export * from './adapter.js';
export { createMemoryStorage } from './memory.js';
export type { MemoryStorageOptions } from './memory.js';
