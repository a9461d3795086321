/**
 * The write path and the offline queue: writes go to the server, or — when the queue is on and the
 * server is unreachable or the queue not empty — into an ordered queue (persisted through the optional
 * hook), answered optimistically and replayed in order when the server is back. A replayed write the
 * server refuses for good leaves the queue for `failedWrites()`; `watchFailures` listeners and
 * `onReplayFailure` are told, and `watch` listeners get the record as the server holds it. Also
 * `localStorageQueue`, the persistence hook for browsers.
 */
import { MentorKitError, isMentorKitError, reportStorageError, type StorageWriteFailure, type StoredRecord } from '@mentorkit/core';
import { jsonCopy, recordKeyOf } from './encoding.js';
import { TransportFailure } from './errors.js';
import type { HttpClient } from './http.js';
import type { FlushResult, OfflineQueueOptions, PendingWrite, QueuePersistence, ReplayFailure } from './options.js';
import type { RecordRequests } from './records.js';
import { emitChange, type RestStorageState } from './state.js';

export interface OfflineQueue {
  /** Writes go to the server, or — when the queue is on and the server is unreachable or the queue not empty — to the queue. */
  write(pending: PendingWrite): Promise<StoredRecord | boolean>;
  flush(): Promise<FlushResult>;
  pendingWrites(): readonly PendingWrite[];
  failedWrites(): readonly ReplayFailure[];
  watchFailures(listener: (failure: StorageWriteFailure) => void): () => void;
  /** Forgets the failure listeners, stops the retry timer and the browser's `online` listener. */
  dispose(): void;
}

export function createOfflineQueue(
  queueOptions: OfflineQueueOptions | undefined,
  maxServerErrorReplays: number,
  state: RestStorageState,
  http: HttpClient,
  records: RecordRequests,
): OfflineQueue {
  const queueEnabled = queueOptions !== undefined;
  const { knownRevisions, queue } = state;
  const { asStorageError } = http;
  const { send, get } = records;
  const emit = (change: Parameters<typeof emitChange>[1]) => emitChange(state, change);

  const failures: ReplayFailure[] = [];
  const failureListeners = new Set<(failure: StorageWriteFailure) => void>();
  let draining: Promise<FlushResult> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let queueRetryDelay = queueOptions?.retryDelayMs ?? 1000;

  const loaded: Promise<void> = (async () => {
    const stored = await queueOptions?.persistence?.load();
    if (Array.isArray(stored) && stored.length > 0) {
      for (const write of stored) queue.push({ ...write }); // the queue is still empty: nothing is queued before this has run
      state.online = false;
      scheduleDrain(0);
    }
  })();
  loaded.catch((error: unknown) => reportStorageError(error, 'Loading the offline queue failed; starting with an empty queue.'));

  const persist = async () => {
    await queueOptions?.persistence?.save(queue.map((write) => ({ ...write })));
  };

  /** What a queued write will have done, as far as this adapter can tell. */
  const optimisticPut = (write: PendingWrite): StoredRecord => {
    const known = knownRevisions.get(recordKeyOf(write.collection, write.id));
    const revision = typeof write.expectedRevision === 'number' ? write.expectedRevision + 1 : write.expectedRevision === null ? 1 : (known ?? 0) + 1;
    const stored = { ...jsonCopy(write.record!), id: write.id, revision, updatedAt: new Date().toISOString() } as StoredRecord;
    knownRevisions.set(recordKeyOf(write.collection, write.id), revision);
    return stored;
  };

  const enqueue = async (write: PendingWrite): Promise<StoredRecord | boolean> => {
    queue.push(write);
    await persist();
    state.online = false;
    scheduleDrain(queueRetryDelay);
    if (write.kind === 'put') {
      const stored = optimisticPut(write);
      emit({ collection: write.collection, id: write.id, record: stored });
      return stored;
    }
    knownRevisions.set(recordKeyOf(write.collection, write.id), 0);
    emit({ collection: write.collection, id: write.id });
    return true;
  };

  function scheduleDrain(delay: number) {
    if (state.disposed || retryTimer !== undefined) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void flush();
    }, delay);
    (retryTimer as { unref?: () => void }).unref?.();
  }

  /** After a refused replay: tell listeners what the server really holds, so optimistic state is undone. */
  const resync = async (collection: string, id: string) => {
    try {
      const current = await get(collection, id);
      emit(current ? { collection, id, record: current } : { collection, id });
    } catch {
      // still offline: the next successful read corrects it
    }
  };

  /** Queued writes not to send: an earlier queued write to the same record was refused. */
  const doomed = new Set<string>();

  /** A write given up after `maxServerErrorReplays` server errors: it may or may not have been applied. */
  const outcomeUnknown = (write: PendingWrite, failure: TransportFailure) =>
    new MentorKitError(
      'storage-error',
      `A change to ${write.collection}/${write.id} was sent ${write.serverErrors ?? 1} times and the server failed each time (last: ${failure.message}). Whether it was saved is unknown, and it is not sent again so the changes after it can go through. Check the record and make the change again if it is missing.`,
      {
        details: { collection: write.collection, id: write.id, status: failure.status, mayHaveApplied: true, serverErrors: write.serverErrors ?? 1 },
        cause: failure,
      },
    );

  /** Lists a refused queued write in `failedWrites()` and tells `onReplayFailure` and `watchFailures` listeners. */
  const reportFailure = (write: PendingWrite, error: MentorKitError) => {
    const failure: ReplayFailure = {
      collection: write.collection,
      id: write.id,
      kind: write.kind,
      ...(write.record === undefined ? {} : { record: jsonCopy(write.record) }),
      error,
      queuedAt: write.queuedAt,
      write: { ...write },
    };
    failures.push(failure);
    try {
      queueOptions?.onReplayFailure?.(failure);
    } catch (hookError) {
      reportStorageError(hookError, 'onReplayFailure threw.');
    }
    for (const listener of [...failureListeners]) {
      try {
        listener(failure);
      } catch (listenerError) {
        reportStorageError(listenerError, 'A watchFailures listener threw.');
      }
    }
  };

  const drain = async (): Promise<FlushResult> => {
    await loaded;
    let sent = 0;
    let failed = 0;
    while (queue.length > 0 && !state.disposed) {
      const write = queue[0]!;
      const recordKey = recordKeyOf(write.collection, write.id);
      let error: MentorKitError | undefined;
      let result: StoredRecord | boolean | undefined;
      if (doomed.has(write.key)) {
        error = new MentorKitError(
          'conflict',
          `Not sent: an earlier queued change to ${write.collection}/${write.id} was refused, and this one was based on it.`,
          { path: 'expectedRevision', details: { collection: write.collection, id: write.id } },
        );
      } else if (write.expectedRevision === undefined && write.sent) {
        error = new MentorKitError(
          'storage-error',
          `An unconditional write to ${write.collection}/${write.id} was sent before the page closed and its outcome is unknown; it is not sent again. Check the record.`,
          { details: { collection: write.collection, id: write.id } },
        );
      } else {
        try {
          if (write.expectedRevision === undefined) {
            write.sent = true;
            await persist();
          }
          result = await send(write, 1);
        } catch (caught) {
          // Which failures keep the write (try again later) and which fail it:
          // - no answer (offline, reset, timeout) for a write that is safe to repeat, or an answer saying nothing was
          //   applied (503, 429, 408): keep it;
          // - a server error (500, 502, 504…) for a write that is safe to repeat: keep it, up to maxServerErrorReplays;
          // - a 401 after the token was refreshed (the sign-in expired): keep it until a token works;
          // - any other answer (4xx: conflict, forbidden, invalid-input, not-found…) is a refusal: fail it, go on.
          let keep = false;
          if (caught instanceof TransportFailure) {
            const repeatable = write.expectedRevision !== undefined;
            if (!caught.mayHaveApplied) keep = true;
            else if (repeatable && caught.status === undefined) keep = true;
            else if (repeatable) {
              write.serverErrors = (write.serverErrors ?? 0) + 1;
              if (write.serverErrors < maxServerErrorReplays) keep = true;
              else error = outcomeUnknown(write, caught);
            }
            if (!keep && !error) error = asStorageError(caught, `Replaying a write to ${write.collection}/${write.id}`);
          } else if (isMentorKitError(caught) && (caught as MentorKitError).details?.status === 401) {
            // Not a refusal of the change: the sign-in expired and no new token was had. Keep it (and the
            // ones after it) until a token works again; nothing is lost while the person signs in again.
            keep = true;
          } else {
            error = isMentorKitError(caught)
              ? (caught as MentorKitError)
              : new MentorKitError(
                  'storage-error',
                  `Replaying a write to ${write.collection}/${write.id} failed: ${caught instanceof Error ? caught.message : String(caught)}`,
                  { cause: caught },
                );
          }
          if (keep) {
            if (write.expectedRevision === undefined) write.sent = false;
            await persist();
            queueRetryDelay = Math.min(queueOptions?.maxRetryDelayMs ?? 30_000, queueRetryDelay * 2);
            scheduleDrain(queueRetryDelay);
            return { sent, failed, remaining: queue.length };
          }
        }
      }
      queue.shift();
      await persist();
      if (error) {
        failed++;
        doomed.delete(write.key);
        // Later queued writes to the same record were based on this one: never apply them over someone else's change.
        for (const later of queue) if (recordKeyOf(later.collection, later.id) === recordKey) doomed.add(later.key);
        reportFailure(write, error);
        if (!queue.some((later) => recordKeyOf(later.collection, later.id) === recordKey)) await resync(write.collection, write.id);
        continue;
      }
      sent++;
      state.online = true;
      queueRetryDelay = queueOptions?.retryDelayMs ?? 1000;
      if (typeof result === 'object') emit({ collection: write.collection, id: write.id, record: result });
    }
    return { sent, failed, remaining: queue.length };
  };

  const flush = (): Promise<FlushResult> => {
    if (!draining) {
      draining = drain().finally(() => {
        draining = undefined;
      });
    }
    return draining;
  };

  const onBrowserOnline = () => void flush();
  const eventTarget = globalThis as {
    addEventListener?: (type: string, listener: () => void) => void;
    removeEventListener?: (type: string, listener: () => void) => void;
  };
  eventTarget.addEventListener?.('online', onBrowserOnline);

  const write = async (pending: PendingWrite): Promise<StoredRecord | boolean> => {
    await loaded;
    if (queueEnabled && queue.length > 0) return enqueue(pending); // keep the order
    try {
      const result = await send(pending, queueEnabled && !state.online ? 1 : undefined);
      if (typeof result === 'object') emit({ collection: pending.collection, id: pending.id, record: result });
      else if (result) emit({ collection: pending.collection, id: pending.id });
      return result;
    } catch (error) {
      if (error instanceof TransportFailure) {
        // Safe to queue: the server applied nothing (503/429/408), or a repeat cannot apply it twice (conditional + Idempotency-Key).
        if (queueEnabled && (!error.mayHaveApplied || pending.expectedRevision !== undefined)) {
          if (error.mayHaveApplied && error.status !== undefined) pending.serverErrors = 1; // counts towards maxServerErrorReplays
          return enqueue(pending);
        }
        throw asStorageError(error, `Writing ${pending.collection}/${pending.id} failed`);
      }
      throw error;
    }
  };

  return {
    write,
    pendingWrites: () => queue.map((pending) => ({ ...pending })),
    failedWrites: () => [...failures],
    watchFailures(listener) {
      if (typeof listener !== 'function')
        throw new MentorKitError('invalid-input', '`watchFailures` needs a function to call with each refused write.', { path: 'listener' });
      failureListeners.add(listener);
      return () => {
        failureListeners.delete(listener);
      };
    },
    flush,
    dispose() {
      failureListeners.clear();
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      retryTimer = undefined;
      eventTarget.removeEventListener?.('online', onBrowserOnline);
    },
  };
}

/**
 * A `QueuePersistence` on `localStorage` (browsers): the queue survives a reload. Keep one key per
 * signed-in person.
 */
export function localStorageQueue(
  key: string,
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = (globalThis as { localStorage?: Storage }).localStorage,
): QueuePersistence {
  return {
    load() {
      const text = storage?.getItem(key);
      if (!text) return undefined;
      try {
        const parsed = JSON.parse(text) as unknown;
        return Array.isArray(parsed) ? (parsed as PendingWrite[]) : undefined;
      } catch {
        return undefined;
      }
    },
    save(writes) {
      if (writes.length === 0) storage?.removeItem(key);
      else storage?.setItem(key, JSON.stringify(writes));
    },
  };
}
