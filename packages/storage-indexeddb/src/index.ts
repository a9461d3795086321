/**
 * `@mentorkit/storage-indexeddb`: MentorKit's embedded default storage for browsers — records and
 * attachments in IndexedDB, atomic compare-and-set writes, and change notices across tabs.
 */
export { createIndexedDbStorage } from './indexeddb-storage.js';
export type { IndexedDbStorage, IndexedDbStorageOptions } from './indexeddb-storage.js';
export { databaseVersion as indexedDbSchemaVersion, migrations as indexedDbMigrations } from './schema.js';
export type { Migration as IndexedDbMigration, SchemaInfo as IndexedDbSchemaInfo } from './schema.js';
