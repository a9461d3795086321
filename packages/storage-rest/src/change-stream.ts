/**
 * The change stream behind `watch`: `GET /changes` as server-sent events, reconnected with backoff.
 * After a reconnect, or at once after `event: resync` (the server dropped a subscriber that fell
 * behind), the collections read whole are read again and what changed meanwhile is reported. This
 * adapter's own writes are reported locally, not from the stream.
 */
import type { StorageChange, StoredRecord } from '@mentorkit/core';
import { recordKeyOf } from './encoding.js';
import { TransportFailure } from './errors.js';
import { discardBody, sleep, type HttpClient } from './http.js';
import type { FlushResult } from './options.js';
import { readServerSentEvents } from './sse.js';
import { emitChange, learnRevision, type RestStorageState } from './state.js';

export interface ChangeStream {
  /** Resolves once the stream is connected (immediately when watching is off). */
  connected(): Promise<void>;
  stop(): void;
}

/** Starts the change stream (unless `watch` is false). `query` re-reads a collection; `flush` replays the offline queue. */
export function startChangeStream(
  watch: boolean | undefined,
  state: RestStorageState,
  http: HttpClient,
  query: (collection: string) => Promise<StoredRecord[]>,
  flush: () => Promise<FlushResult>,
): ChangeStream {
  const { knownRevisions, root, instanceId, queue } = state;
  const emit = (change: StorageChange) => emitChange(state, change);

  /**
   * After the change stream reconnects: reads every collection read whole again and reports what
   * changed while it was down (newer revisions, new records, records gone or no longer readable), so
   * watchers do not miss other people's changes made during the gap. The stream is connected first,
   * so nothing falls between this read and the live events; repeats are harmless (revisions decide).
   */
  const catchUp = async (signal: AbortSignal) => {
    for (const collection of [...state.readWhole]) {
      if (signal.aborted || state.disposed) return;
      const prefix = recordKeyOf(collection, '');
      const before = new Map([...knownRevisions].filter(([key]) => key.startsWith(prefix)));
      let records: StoredRecord[];
      try {
        records = await query(collection);
      } catch {
        return; // the stream will drop too, and the next reconnect catches up
      }
      if (signal.aborted || state.disposed) return;
      const present = new Set<string>();
      for (const record of records) {
        const key = recordKeyOf(collection, record.id);
        present.add(key);
        const known = before.get(key);
        if (known === undefined || record.revision > known) emit({ collection, id: record.id, record });
      }
      for (const [key, revision] of before) {
        // Gone from the server's answer and not touched meanwhile (by a write of ours or a live event).
        if (revision > 0 && !present.has(key) && knownRevisions.get(key) === revision) {
          knownRevisions.set(key, 0);
          emit({ collection, id: key.slice(prefix.length) });
        }
      }
    }
  };

  let streamAbort: AbortController | undefined;
  let streamConnected: Promise<void> = Promise.resolve();
  if (watch !== false) {
    streamAbort = new AbortController();
    const signal = streamAbort.signal;
    let markConnected!: () => void;
    streamConnected = new Promise<void>((resolve) => (markConnected = resolve));
    void (async () => {
      let delay = 500;
      let connectedBefore = false;
      let lastResyncAt = Number.NEGATIVE_INFINITY;
      while (!signal.aborted) {
        let resync = false;
        try {
          // With getToken, a 401 refreshes the token once (shared with requests) and connects again at once.
          const outcome = await http.fetchWithToken(`${root}/changes`, {
            method: 'GET',
            headers: { Accept: 'text/event-stream' },
            signal: () => signal,
            changeStream: true,
          });
          if (outcome instanceof TransportFailure) throw outcome;
          const response = outcome;
          if (!response.ok || !response.body) {
            await discardBody(response);
            throw new Error(`change stream answered ${response.status}`);
          }
          markConnected();
          delay = 500;
          if (queue.length > 0) void flush(); // the server is back
          if (connectedBefore) void catchUp(signal); // changes made while the stream was down
          connectedBefore = true;
          for await (const event of readServerSentEvents(response.body, signal)) {
            if (event.event === 'resync') {
              // The server dropped this stream (it fell behind): events may be missing. Reconnect and catch up.
              resync = true;
              break;
            }
            if (event.event !== 'change') continue;
            let change: StorageChange & { origin?: string };
            try {
              change = JSON.parse(event.data) as StorageChange & { origin?: string };
            } catch {
              continue;
            }
            if (change.origin === instanceId || typeof change.collection !== 'string' || typeof change.id !== 'string') continue; // our own writes are reported locally
            if (change.record) learnRevision(state, change.collection, change.record);
            emit(change.record ? { collection: change.collection, id: change.id, record: change.record } : { collection: change.collection, id: change.id });
          }
          if (resync) await response.body.cancel().catch(() => undefined);
        } catch {
          // disconnected: try again below
        }
        if (signal.aborted) break;
        if (resync && Date.now() - lastResyncAt > 1000) {
          lastResyncAt = Date.now();
          continue; // at once, unless the server keeps dropping us
        }
        await sleep(delay);
        delay = Math.min(10_000, delay * 2);
      }
    })();
  }

  return {
    connected: () => streamConnected,
    stop: () => streamAbort?.abort(),
  };
}
