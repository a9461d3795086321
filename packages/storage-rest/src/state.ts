/**
 * What the parts of one REST adapter share: whether the server was reachable at the last request,
 * whether the adapter was disposed, the offline queue's writes, the revisions it last saw per record,
 * the `watch` listeners and the collections read whole (read again when the change stream reconnects).
 */
import { reportStorageError, type StorageChange, type StoredRecord } from '@mentorkit/core';
import { recordKeyOf } from './encoding.js';
import type { PendingWrite } from './options.js';

export interface RestStorageState {
  /** The API root without a trailing slash. */
  readonly root: string;
  /** Sent as `MentorKit-Client`, so this adapter's own changes are not reported twice by the change stream. */
  readonly instanceId: string;
  /** False after a request failed to reach the server, until one succeeds again. */
  online: boolean;
  disposed: boolean;
  /** The offline queue: writes waiting for the server, oldest first. */
  readonly queue: PendingWrite[];
  /** Revisions this adapter last saw per record (for optimistic answers); `0` after a delete. */
  readonly knownRevisions: Map<string, number>;
  readonly listeners: Set<(change: StorageChange) => void>;
  /** Collections read whole (`query` without a filter): read again when the change stream reconnects. */
  readonly readWhole: Set<string>;
}

export function createRestStorageState(root: string, instanceId: string): RestStorageState {
  return { root, instanceId, online: true, disposed: false, queue: [], knownRevisions: new Map(), listeners: new Set(), readWhole: new Set() };
}

/** Tells every `watch` listener (each gets its own copy of the record). */
export function emitChange(state: RestStorageState, change: StorageChange): void {
  for (const listener of [...state.listeners]) {
    try {
      listener(change.record ? { ...change, record: structuredClone(change.record) } : change);
    } catch (error) {
      reportStorageError(error, 'A storage watch listener threw.');
    }
  }
}

/** Notes the revision of a record the server returned. */
export function learnRevision(state: RestStorageState, collection: string, record: StoredRecord): void {
  state.knownRevisions.set(recordKeyOf(collection, record.id), record.revision);
}
