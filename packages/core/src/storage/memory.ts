import { MentorKitError } from '../model/errors.js';
import {
  assertCollectionName,
  assertDeleteOptions,
  assertPutOptions,
  assertRecordId,
  assertStorableRecord,
  assertWhereClause,
  byId,
  matchesWhere,
  nextStoredRecord,
  reportStorageError,
  revisionConflict,
  type BlobInfo,
  type RecordInput,
  type StorageAdapter,
  type StorageChange,
  type StoredRecord,
} from './adapter.js';

export interface MemoryStorageOptions {
  /** Shown in errors and dev tools. Default `memory`. */
  name?: string;
  /** Records to start with, per collection. They are validated and stored at revision 1. */
  seed?: Record<string, RecordInput[]>;
  /** Clock for `updatedAt`; defaults to the system clock. */
  now?: () => Date;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * An in-memory `StorageAdapter`: for tests, Storybook and server-side rendering. Data lives as long
 * as the adapter object. Implements `watch` (changes made through this adapter) and blobs.
 *
 * Deleted ids keep a tombstone (their last revision) for the adapter's lifetime, so a re-created
 * record continues from it and revisions never repeat. A listener that throws is reported with
 * `reportError` (or `console.error` where there is none); the write and other listeners go on.
 */
export function createMemoryStorage(options: MemoryStorageOptions = {}): StorageAdapter {
  const collections = new Map<string, Map<string, StoredRecord>>();
  /** Per collection: id → the revision the record had when it was deleted. */
  const tombstones = new Map<string, Map<string, number>>();
  const blobs = new Map<string, Blob>();
  const listeners = new Set<(change: StorageChange) => void>();
  const now = () => (options.now ? options.now() : new Date()).toISOString();
  let disposed = false;

  const collectionOf = (name: string) => {
    let collection = collections.get(name);
    if (!collection) collections.set(name, (collection = new Map()));
    return collection;
  };
  const tombstonesOf = (name: string) => {
    let collection = tombstones.get(name);
    if (!collection) tombstones.set(name, (collection = new Map()));
    return collection;
  };
  const ensureOpen = () => {
    if (disposed) throw new MentorKitError('storage-error', 'This memory storage was disposed; create a new one.');
  };
  const notify = (change: StorageChange) => {
    for (const listener of [...listeners]) {
      try {
        listener(change.record ? { ...change, record: clone(change.record) } : change);
      } catch (error) {
        // A failing listener must not break the write or other listeners, nor crash a Node process.
        reportStorageError(
          error,
          `A storage watch listener threw while handling a change to ${change.collection}/${change.id}; the write succeeded and the other listeners were notified.`,
        );
      }
    }
  };

  for (const [collection, records] of Object.entries(options.seed ?? {})) {
    assertCollectionName(collection);
    for (const record of records) {
      assertStorableRecord(record);
      collectionOf(collection).set(record.id, nextStoredRecord(collection, undefined, record, undefined, now()));
    }
  }

  const adapter: StorageAdapter = {
    name: options.name ?? 'memory',

    async get(collection, id) {
      ensureOpen();
      assertCollectionName(collection);
      assertRecordId(id);
      const record = collections.get(collection)?.get(id);
      return record ? clone(record) : undefined;
    },

    async query(collection, where) {
      ensureOpen();
      assertCollectionName(collection);
      assertWhereClause(where);
      const records = [...(collections.get(collection)?.values() ?? [])].filter((record) => matchesWhere(record, where));
      return records.sort(byId).map(clone);
    },

    async put(collection, record, putOptions) {
      ensureOpen();
      assertCollectionName(collection);
      assertStorableRecord(record);
      assertPutOptions(putOptions);
      const store = collectionOf(collection);
      const deleted = tombstones.get(collection);
      const stored = nextStoredRecord(collection, store.get(record.id), record, putOptions, now(), deleted?.get(record.id));
      store.set(stored.id, stored);
      deleted?.delete(stored.id);
      notify({ collection, id: stored.id, record: stored });
      return clone(stored);
    },

    async delete(collection, id, deleteOptions) {
      ensureOpen();
      assertCollectionName(collection);
      assertRecordId(id);
      assertDeleteOptions(deleteOptions);
      const store = collections.get(collection);
      const current = store?.get(id);
      const expected = deleteOptions?.expectedRevision;
      if (expected !== undefined && current?.revision !== expected) throw revisionConflict(collection, id, expected, current?.revision);
      if (!current || !store) return false;
      store.delete(id);
      tombstonesOf(collection).set(id, current.revision);
      notify({ collection, id });
      return true;
    },

    watch(listener) {
      if (typeof listener !== 'function') throw new MentorKitError('invalid-input', '`watch` needs a listener function.', { path: 'listener' });
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async dispose() {
      disposed = true;
      listeners.clear();
    },

    async putBlob(id, blob): Promise<BlobInfo> {
      ensureOpen();
      assertRecordId(id);
      if (!(blob instanceof Blob)) throw new MentorKitError('invalid-input', '`blob` must be a Blob (e.g. the output of MediaRecorder).', { path: 'blob' });
      blobs.set(id, blob);
      return { id, size: blob.size, type: blob.type };
    },

    async getBlob(id) {
      ensureOpen();
      assertRecordId(id);
      return blobs.get(id);
    },

    async deleteBlob(id) {
      ensureOpen();
      assertRecordId(id);
      return blobs.delete(id);
    },
  };
  return adapter;
}
