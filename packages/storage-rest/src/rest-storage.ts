/**
 * `createRestStorage`: the REST adapter's factory. It checks the options and composes the parts, one
 * concept per file: HTTP with the sign-in token and retries (`http.ts`), records (`records.ts`), the
 * write path and offline queue with its failed writes (`offline-queue.ts`), the change stream behind
 * `watch` (`change-stream.ts`), attachments (`blobs.ts`) and the server's services — calendars,
 * notifications, reports, certificates (`services.ts`). Shared state: `state.ts`; public shapes:
 * `options.ts`.
 */
import { MentorKitError } from '@mentorkit/core';
import { createBlobMethods } from './blobs.js';
import { startChangeStream } from './change-stream.js';
import { randomKey } from './encoding.js';
import { createHttpClient } from './http.js';
import { createOfflineQueue } from './offline-queue.js';
import type { OfflineQueueOptions, RestStorage, RestStorageOptions } from './options.js';
import { createRecordRequests, createRecordWriteMethods } from './records.js';
import { createServices } from './services.js';
import { createRestStorageState } from './state.js';

export { encodeIdSegment } from './encoding.js';
export { localStorageQueue } from './offline-queue.js';
export type {
  FlushResult,
  GetTokenOptions,
  OfflineQueueOptions,
  PendingWrite,
  QueuePersistence,
  ReplayFailure,
  RestStorage,
  RestStorageOptions,
  RetryOptions,
} from './options.js';

/**
 * A `StorageAdapter` over HTTP, for a host's own backend (the contract: docs/openapi.yaml; a reference
 * server: @mentorkit/server).
 *
 * - Revisions travel as `ETag`; `expectedRevision` as `If-Match: "3"` (or `If-None-Match: *` to
 *   create); a 412 (or 409) answer is a `conflict`.
 * - Sign-in: `getToken` is sent as `Authorization: Bearer <token>`; after a 401 the adapter asks
 *   `getToken({ refresh: true })` once (one refresh shared by every request refused meanwhile) and
 *   sends the request once more. A second 401 is `forbidden` (`details.status` 401).
 * - Reads are retried with backoff. A write is retried only when a retry cannot apply it twice:
 *   after a 503/429/408 (nothing was applied), or when it is conditional (a repeat would fail with
 *   412 rather than overwrite) — and every write carries an `Idempotency-Key`, so a server that
 *   honours it answers the repeat with the first result. An unconditional write whose outcome is
 *   unknown is never retried: the caller gets `storage-error`.
 * - A `put` whose JSON is larger than `maxRecordBytes` (default 1 000 000, the reference server's
 *   limit) is refused at once with `invalid-input`.
 * - With `offlineQueue`, writes made while the server cannot be reached are queued (persisted through
 *   the optional hook), answered optimistically, and replayed in order when it is back. A replayed
 *   write the server refuses for good (any 4xx but 401, 408 and 429; a body over `maxRecordBytes` whose
 *   sending fails; a server error repeated `maxServerErrorReplays` times) never blocks the writes
 *   after it: it leaves the queue for `failedWrites()`, `watchFailures` listeners and
 *   `onReplayFailure` are told, and `watch` listeners get the record as the server holds it, so
 *   the optimistic change is undone. Tell the person which change was not kept. A 401 even after a
 *   token refresh (the sign-in expired) keeps the queue waiting until a token works again.
 * - `watch` follows `GET /changes`; after a reconnect, or at once after `event: resync` (the
 *   server dropped a subscriber that fell behind), it reads the collections read whole again and
 *   reports what changed meanwhile.
 *
 * ```ts
 * const storage = createRestStorage({
 *   baseUrl: 'https://lms.example.com/api/mentorkit',
 *   getToken: ({ refresh }) => session.accessToken({ forceRefresh: refresh }),
 *   offlineQueue: { persistence: localStorageQueue(`mentorkit-queue:${session.userId}`) },
 * });
 * storage.watchFailures((failure) => notify(`Your change to ${failure.collection} was not kept: ${failure.error.message}`));
 * const kit = createMentorKit({ storage, user: session.userId });
 * ```
 */
export function createRestStorage(options: RestStorageOptions): RestStorage {
  if (typeof options !== 'object' || options === null)
    throw new MentorKitError('invalid-input', 'createRestStorage needs options: { baseUrl }.', { path: 'options' });
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    throw new MentorKitError(
      'invalid-input',
      `\`baseUrl\` must be an absolute http(s) URL such as https://lms.example.com/api/mentorkit (got ${JSON.stringify(options.baseUrl)}).`,
      { path: 'baseUrl' },
    );
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:')
    throw new MentorKitError('invalid-input', '`baseUrl` must use http: or https:.', { path: 'baseUrl' });
  if (options.getHeaders !== undefined && typeof options.getHeaders !== 'function')
    throw new MentorKitError('invalid-input', '`getHeaders` must be a function returning headers.', { path: 'getHeaders' });
  if (options.getToken !== undefined && typeof options.getToken !== 'function') {
    throw new MentorKitError(
      'invalid-input',
      '`getToken` must be a function returning the sign-in token, e.g. getToken: ({ refresh }) => session.accessToken({ refresh }).',
      { path: 'getToken' },
    );
  }
  const maxRecordBytes = options.maxRecordBytes ?? 1_000_000;
  if (!(maxRecordBytes === Infinity || (Number.isSafeInteger(maxRecordBytes) && maxRecordBytes > 0))) {
    throw new MentorKitError(
      'invalid-input',
      `\`maxRecordBytes\` must be a whole number of bytes above 0 (the server's body limit, e.g. 1000000) or Infinity (got ${String(options.maxRecordBytes)}).`,
      { path: 'maxRecordBytes' },
    );
  }
  const fetchImpl = options.fetch ?? (globalThis.fetch?.bind(globalThis) as typeof fetch | undefined);
  if (typeof fetchImpl !== 'function') throw new MentorKitError('unsupported', 'No fetch implementation: pass `fetch` in the options.', { path: 'fetch' });
  const root = base.href.replace(/\/+$/, '');
  const retry =
    options.retry === false ? { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 } : { attempts: 4, baseDelayMs: 250, maxDelayMs: 4000, ...options.retry };
  const queueOptions: OfflineQueueOptions | undefined = options.offlineQueue === true ? {} : options.offlineQueue || undefined;
  const maxServerErrorReplays = queueOptions?.maxServerErrorReplays ?? 5;
  if (!(Number.isSafeInteger(maxServerErrorReplays) && maxServerErrorReplays >= 1)) {
    throw new MentorKitError(
      'invalid-input',
      `\`offlineQueue.maxServerErrorReplays\` must be a whole number, 1 or more (got ${String(queueOptions?.maxServerErrorReplays)}).`,
      { path: 'offlineQueue.maxServerErrorReplays' },
    );
  }
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const state = createRestStorageState(root, randomKey());

  const http = createHttpClient(options, fetchImpl, retry, requestTimeoutMs, state);
  const records = createRecordRequests(http, state, maxRecordBytes);
  const queue = createOfflineQueue(queueOptions, maxServerErrorReplays, state, http, records);
  const stream = startChangeStream(options.watch, state, http, records.query, queue.flush);
  const { write, dispose: disposeQueue, ...queueMethods } = queue;

  return {
    name: `rest(${root})`,
    get online() {
      return state.online;
    },
    get: records.get,
    query: records.query,
    ...createRecordWriteMethods(maxRecordBytes, write),

    watch(listener) {
      state.listeners.add(listener);
      return () => state.listeners.delete(listener);
    },

    async dispose() {
      state.disposed = true;
      state.listeners.clear();
      disposeQueue();
      stream.stop();
    },

    ...queueMethods,
    watching: stream.connected,
    ...createServices(http),
    ...createBlobMethods(http),
  };
}
