/**
 * For tests and stories: a storage adapter that can accept writes early and refuse them later, the
 * way the REST adapter's offline queue does when the server says no after coming back. Not part of
 * the public API.
 */
import type { MentorKitError, StorageAdapter, StorageWriteFailure, StoredRecord } from '@mentorkit/core';

export interface RefusingStorage extends StorageAdapter {
  failedWrites(): readonly StorageWriteFailure[];
  watchFailures(listener: (failure: StorageWriteFailure) => void): () => void;
  /** From now on, writes are answered at once with what would be stored, and held. */
  holdWrites(): void;
  /** Refuses every held write with `error` (and stops holding). */
  refuseHeld(error: MentorKitError): void;
  /** Reports a refused write directly, as if it had been held. */
  report(failure: StorageWriteFailure): void;
}

export function refusingStorage(inner: StorageAdapter, options: { queuedAt?: string | undefined } = {}): RefusingStorage {
  const failures: StorageWriteFailure[] = [];
  const listeners = new Set<(failure: StorageWriteFailure) => void>();
  const held: Array<Omit<StorageWriteFailure, 'error'>> = [];
  const queuedAt = options.queuedAt ?? '2026-03-29T21:00:00.000Z';
  let holding = false;
  const report = (failure: StorageWriteFailure) => {
    failures.push(failure);
    for (const listener of [...listeners]) listener(failure);
  };
  return {
    ...inner,
    name: 'refusing',
    async put(collection, record, putOptions) {
      if (!holding) return inner.put(collection, record, putOptions);
      const current = await inner.get(collection, record.id);
      held.push({ collection, id: record.id, kind: 'put', record, queuedAt });
      return { ...record, revision: (current?.revision ?? 0) + 1, updatedAt: queuedAt } as StoredRecord;
    },
    async delete(collection, id, deleteOptions) {
      if (!holding) return inner.delete(collection, id, deleteOptions);
      held.push({ collection, id, kind: 'delete', queuedAt });
      return true;
    },
    failedWrites: () => [...failures],
    watchFailures(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    holdWrites() {
      holding = true;
    },
    refuseHeld(error) {
      holding = false;
      for (const write of held.splice(0)) report({ ...write, error });
    },
    report,
  };
}
