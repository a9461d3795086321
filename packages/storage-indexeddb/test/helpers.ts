/** Shared helpers of the IndexedDB adapter's browser tests. Not a test file itself. */
import { deleteDB } from 'idb';
import type { StorageConformanceOptions } from '@mentorkit/core/testing';
import { createIndexedDbStorage, type IndexedDbStorage } from '@mentorkit/storage-indexeddb';
import type { StorageAdapter } from '@mentorkit/core/storage';

let counter = 0;

/** A database name no other test (or earlier run in the same browser profile) uses. */
export function uniqueDatabaseName(purpose: string): string {
  counter += 1;
  return `mentorkit-test-${purpose}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Deletes a database; open connections of our adapters close themselves when asked (versionchange). */
export async function deleteDatabase(databaseName: string): Promise<void> {
  await deleteDB(databaseName, {
    blocked() {
      // A connection that does not close would hang the test; the test timeout reports it.
    },
  });
}

const databaseNameOf = (adapter: StorageAdapter): string => (adapter as IndexedDbStorage).databaseName;

/** Conformance-suite options: a fresh database per case, reopen and a second instance on the same database, deletion afterwards. */
export function indexedDbConformanceOptions(): StorageConformanceOptions {
  return {
    createAdapter: () => createIndexedDbStorage({ databaseName: uniqueDatabaseName('conformance') }),
    async reopen(previous) {
      await previous.dispose?.();
      return createIndexedDbStorage({ databaseName: databaseNameOf(previous) });
    },
    async openSecondInstance(first) {
      return createIndexedDbStorage({ databaseName: databaseNameOf(first) });
    },
    async cleanup(adapter) {
      await adapter.dispose?.();
      await deleteDatabase(databaseNameOf(adapter));
    },
  };
}

/** Resolves when `condition()` is true; rejects with `message` after `timeoutMilliseconds`. */
export async function eventually(condition: () => boolean, message: string, timeoutMilliseconds = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${message} (waited ${timeoutMilliseconds} ms)`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Wraps an IDBRequest in a promise (for tests that use the native API on purpose). */
export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.addEventListener('success', () => resolve(request.result));
    request.addEventListener('error', () => reject(request.error));
  });
}
