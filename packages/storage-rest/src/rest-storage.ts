import {
  MentorKitError,
  assertCollectionName,
  assertDeleteOptions,
  assertPutOptions,
  assertRecordId,
  assertStorableRecord,
  assertWhereClause,
  isMentorKitError,
  matchesWhere,
  reportStorageError,
  type BlobInfo,
  type DeleteOptions,
  type ErrorCode,
  type PutOptions,
  type RecordInput,
  type StorageAdapter,
  type StorageChange,
  type StoredRecord,
} from '@mentorkit/core';
import { readServerSentEvents } from './sse.js';

/** Backoff for retried requests. */
export interface RetryOptions {
  /** Tries in all, the first included. Default 4. */
  attempts?: number;
  /** Delay before the first retry; doubles each time (with jitter). Default 250 ms. */
  baseDelayMs?: number;
  /** Longest delay between tries (also caps `Retry-After`). Default 4000 ms. */
  maxDelayMs?: number;
}

/** A write waiting in the offline queue. Plain JSON, so a persistence hook can store it as is. */
export interface PendingWrite {
  /** The write's `Idempotency-Key`: the same on every try, so the server applies it once. */
  key: string;
  kind: 'put' | 'delete';
  collection: string;
  id: string;
  /** The record to put (already a JSON copy). */
  record?: RecordInput;
  /** As given to put/delete; `null`: create. Absent: unconditional. */
  expectedRevision?: number | null;
  /** ISO instant it was queued. */
  queuedAt: string;
  /** Set before an unconditional write is sent: after a reload, its outcome is unknown and it is not sent again. */
  sent?: boolean;
}

/** Where the offline queue survives a reload (localStorage, IndexedDB, a file). */
export interface QueuePersistence {
  load(): readonly PendingWrite[] | undefined | Promise<readonly PendingWrite[] | undefined>;
  /** Called with the whole queue after every change, before the write's promise resolves. */
  save(writes: readonly PendingWrite[]): void | Promise<void>;
}

/** A queued write the server refused when it was replayed (or whose outcome is unknown). */
export interface ReplayFailure {
  write: PendingWrite;
  error: MentorKitError;
}

export interface OfflineQueueOptions {
  persistence?: QueuePersistence;
  /** First delay before trying the queue again while offline; doubles up to `maxRetryDelayMs`. Default 1000 ms. */
  retryDelayMs?: number;
  /** Default 30 000 ms. */
  maxRetryDelayMs?: number;
  /** Told about every queued write the server refused on replay (conflict, forbidden, invalid-input…). */
  onReplayFailure?(failure: ReplayFailure): void;
}

export interface RestStorageOptions {
  /** The API root, e.g. `https://lms.example.com/api/mentorkit` (paths like `/collections/goals/records/g1` are appended). */
  baseUrl: string;
  /** Headers sent with every request, e.g. `{ authorization: 'Bearer …' }`. */
  headers?: Record<string, string>;
  /** Called before every request (token refresh): its headers are added to `headers`. */
  getHeaders?: () => Record<string, string> | Promise<Record<string, string>>;
  /** A fetch implementation. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Backoff for retries, or `false` to never retry. */
  retry?: RetryOptions | false;
  /**
   * Keep writes made while the server cannot be reached in an ordered queue, answer them
   * optimistically, and replay them in order when it is back. `true` keeps the queue in memory.
   */
  offlineQueue?: boolean | OfflineQueueOptions;
  /** Report other clients' changes through `watch` (a server-sent event stream, `GET /changes`). Default true. */
  watch?: boolean;
  /** Abort a request that takes longer. Default 30 000 ms. */
  requestTimeoutMs?: number;
}

export interface FlushResult {
  /** Writes the server accepted during this flush. */
  sent: number;
  /** Writes it refused (see `failedWrites()`). */
  failed: number;
  /** Writes still waiting (the server is still unreachable). */
  remaining: number;
}

/** The REST adapter: a `StorageAdapter` plus its offline queue. */
export interface RestStorage extends StorageAdapter {
  watch(listener: (change: StorageChange) => void): () => void;
  dispose(): Promise<void>;
  putBlob(id: string, blob: Blob): Promise<BlobInfo>;
  getBlob(id: string): Promise<Blob | undefined>;
  deleteBlob(id: string): Promise<boolean>;
  /** Writes waiting for the server, oldest first. */
  pendingWrites(): readonly PendingWrite[];
  /** Queued writes the server refused on replay, oldest first. */
  failedWrites(): readonly ReplayFailure[];
  /** Tries to send the queue now; resolves when the queue is empty or the server is still unreachable. */
  flush(): Promise<FlushResult>;
  /** False after a request failed to reach the server, until one succeeds again. */
  readonly online: boolean;
  /** Resolves once the change stream is connected (immediately when `watch: false`). */
  watching(): Promise<void>;
}

/** A request that did not get a usable answer. `applied`: whether a write may have taken effect. */
class TransportFailure extends Error {
  override readonly name = 'TransportFailure';
  constructor(
    message: string,
    readonly mayHaveApplied: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

const KNOWN_CODES: readonly ErrorCode[] = ['invalid-input', 'conflict', 'not-found', 'forbidden', 'unsupported', 'storage-error'];

/**
 * A path segment for an id: percent-encoded, with `.`/`..` (which URLs would swallow) and ids that
 * start with `~` prefixed by one `~` that the server strips (see docs/openapi.yaml).
 */
export function encodeIdSegment(id: string): string {
  return encodeURIComponent(id === '.' || id === '..' || id.startsWith('~') ? `~${id}` : id);
}

function randomKey(): string {
  const cryptoObject = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (cryptoObject?.randomUUID) return cryptoObject.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

const sleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));
const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const recordKeyOf = (collection: string, id: string) => `${collection}\n${id}`;

function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/** The server's JSON error as a MentorKitError (unknown shapes become `storage-error`). */
async function errorFromResponse(response: Response): Promise<MentorKitError> {
  let body: { code?: unknown; message?: unknown; path?: unknown; details?: unknown; issues?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // not JSON
  }
  const code = KNOWN_CODES.includes(body.code as ErrorCode) ? (body.code as ErrorCode) : response.status === 412 ? 'conflict' : response.status === 404 ? 'not-found' : response.status === 403 || response.status === 401 ? 'forbidden' : 'storage-error';
  const message = typeof body.message === 'string' && body.message !== '' ? body.message : `The server answered ${response.status} ${response.statusText}.`;
  return new MentorKitError(code, message, {
    path: typeof body.path === 'string' ? body.path : '',
    ...(Array.isArray(body.issues) ? { issues: body.issues as MentorKitError['issues'] } : {}),
    details: { ...(typeof body.details === 'object' && body.details !== null ? (body.details as Record<string, unknown>) : {}), status: response.status },
  });
}

/**
 * A `StorageAdapter` over HTTP, for a host's own backend (the contract: docs/openapi.yaml; a reference
 * server: examples/rest-backend).
 *
 * - Revisions travel as `ETag`; `expectedRevision` as `If-Match: "3"` (or `If-None-Match: *` to
 *   create); a 412 answer is a `conflict`.
 * - Reads are retried with backoff. A write is retried only when a retry cannot apply it twice:
 *   after a 503/429 (the contract says nothing was applied), or when it is conditional (a repeat
 *   would fail with 412 rather than overwrite) — and every write carries an `Idempotency-Key`, so a
 *   server that honours it answers the repeat with the first result. An unconditional write whose
 *   outcome is unknown is never retried: the caller gets `storage-error`.
 * - With `offlineQueue`, writes made while the server cannot be reached are queued (persisted through
 *   the optional hook), answered optimistically, and replayed in order when it is back.
 *
 * ```ts
 * const storage = createRestStorage({
 *   baseUrl: 'https://lms.example.com/api/mentorkit',
 *   getHeaders: async () => ({ authorization: `Bearer ${await session.token()}` }),
 *   offlineQueue: { persistence: localStorageQueue('mentorkit-queue') },
 * });
 * const kit = createMentorKit({ storage, user: session.userId });
 * ```
 */
export function createRestStorage(options: RestStorageOptions): RestStorage {
  if (typeof options !== 'object' || options === null) throw new MentorKitError('invalid-input', 'createRestStorage needs options: { baseUrl }.', { path: 'options' });
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    throw new MentorKitError('invalid-input', `\`baseUrl\` must be an absolute http(s) URL such as https://lms.example.com/api/mentorkit (got ${JSON.stringify(options.baseUrl)}).`, { path: 'baseUrl' });
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new MentorKitError('invalid-input', '`baseUrl` must use http: or https:.', { path: 'baseUrl' });
  if (options.getHeaders !== undefined && typeof options.getHeaders !== 'function') throw new MentorKitError('invalid-input', '`getHeaders` must be a function returning headers.', { path: 'getHeaders' });
  const fetchImpl = options.fetch ?? (globalThis.fetch?.bind(globalThis) as typeof fetch | undefined);
  if (typeof fetchImpl !== 'function') throw new MentorKitError('unsupported', 'No fetch implementation: pass `fetch` in the options.', { path: 'fetch' });
  const root = base.href.replace(/\/+$/, '');
  const retry = options.retry === false ? { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 } : { attempts: 4, baseDelayMs: 250, maxDelayMs: 4000, ...options.retry };
  const queueOptions: OfflineQueueOptions | undefined = options.offlineQueue === true ? {} : options.offlineQueue || undefined;
  const queueEnabled = queueOptions !== undefined;
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const instanceId = randomKey();

  const listeners = new Set<(change: StorageChange) => void>();
  let queue: PendingWrite[] = [];
  const failures: ReplayFailure[] = [];
  /** Revisions this adapter last saw per record (for optimistic answers); `0` after a delete. */
  const knownRevisions = new Map<string, number>();
  let online = true;
  let disposed = false;
  let draining: Promise<FlushResult> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let queueRetryDelay = queueOptions?.retryDelayMs ?? 1000;

  const loaded: Promise<void> = (async () => {
    const stored = await queueOptions?.persistence?.load();
    if (Array.isArray(stored) && stored.length > 0) {
      queue = stored.map((write) => ({ ...write }));
      online = false;
      scheduleDrain(0);
    }
  })();
  loaded.catch((error: unknown) => reportStorageError(error, 'Loading the offline queue failed; starting with an empty queue.'));

  const persist = async () => {
    await queueOptions?.persistence?.save(queue.map((write) => ({ ...write })));
  };

  const emit = (change: StorageChange) => {
    for (const listener of [...listeners]) {
      try {
        listener(change.record ? { ...change, record: structuredClone(change.record) } : change);
      } catch (error) {
        reportStorageError(error, 'A storage watch listener threw.');
      }
    }
  };

  const learn = (collection: string, record: StoredRecord) => knownRevisions.set(recordKeyOf(collection, record.id), record.revision);
  /** Collections read whole (`query` without a filter): read again when the change stream reconnects. */
  const readWhole = new Set<string>();

  // ─── requests ───────────────────────────────────────────────────────────────────────────────

  type Safety = 'read' | 'conditional-write' | 'unconditional-write';

  const headersFor = async (extra: Record<string, string>): Promise<Record<string, string>> => ({
    ...options.headers,
    ...(options.getHeaders ? await options.getHeaders() : {}),
    'MentorKit-Client': instanceId,
    ...extra,
  });

  /** One HTTP exchange with retries by `safety`. Resolves to the response (any status but 5xx/429); rejects with TransportFailure. */
  const request = async (method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string>; safety: Safety; attempts?: number }): Promise<Response> => {
    const attempts = init.attempts ?? retry.attempts;
    let failure: TransportFailure | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 2));
        await sleep(Math.min(retry.maxDelayMs, failure?.retryAfterMs ?? backoff / 2 + Math.random() * (backoff / 2)));
      }
      let response: Response;
      try {
        response = await fetchImpl(`${root}${path}`, { method, headers: await headersFor(init.headers ?? {}), ...(init.body === undefined ? {} : { body: init.body }), signal: AbortSignal.timeout(requestTimeoutMs) });
      } catch (error) {
        online = false;
        failure = new TransportFailure(`Cannot reach ${root}: ${error instanceof Error ? error.message : String(error)}`, true);
        if (init.safety === 'unconditional-write') break;
        continue;
      }
      if (response.status === 503 || response.status === 429) {
        online = response.status === 429;
        failure = new TransportFailure(`The server is unavailable (${response.status}); nothing was applied.`, false, retryAfterMs(response));
        await response.body?.cancel().catch(() => undefined);
        continue;
      }
      if (response.status >= 500) {
        const error = await errorFromResponse(response);
        failure = new TransportFailure(`The server failed (${response.status}): ${error.message}`, true);
        if (init.safety === 'unconditional-write') break;
        continue;
      }
      online = true;
      return response;
    }
    throw failure ?? new TransportFailure('The request was not sent.', false);
  };

  const asStorageError = (failure: TransportFailure, what: string) =>
    new MentorKitError('storage-error', `${what}: ${failure.message}${failure.mayHaveApplied ? ' It may or may not have been applied; read the record before trying again.' : ''}`, {
      details: { offline: !online, mayHaveApplied: failure.mayHaveApplied },
      cause: failure,
    });

  const recordPath = (collection: string, id: string) => `/collections/${encodeURIComponent(collection)}/records/${encodeIdSegment(id)}`;

  /** Sends one write; resolves to the stored record (put) or whether something was deleted. Rejects with MentorKitError or TransportFailure. */
  const send = async (write: PendingWrite, attempts?: number): Promise<StoredRecord | boolean> => {
    const conditional = write.expectedRevision !== undefined;
    const headers: Record<string, string> = { 'Idempotency-Key': write.key };
    if (typeof write.expectedRevision === 'number') headers['If-Match'] = `"${write.expectedRevision}"`;
    if (write.expectedRevision === null) headers['If-None-Match'] = '*';
    const safety: Safety = conditional ? 'conditional-write' : 'unconditional-write';
    if (write.kind === 'put') {
      headers['Content-Type'] = 'application/json';
      const response = await request('PUT', recordPath(write.collection, write.id), { body: JSON.stringify(write.record), headers, safety, ...(attempts === undefined ? {} : { attempts }) });
      if (!response.ok) throw await errorFromResponse(response);
      const stored = (await response.json()) as StoredRecord;
      learn(write.collection, stored);
      return stored;
    }
    const response = await request('DELETE', recordPath(write.collection, write.id), { headers, safety, ...(attempts === undefined ? {} : { attempts }) });
    if (response.status === 404) {
      const error = await errorFromResponse(response);
      if (error.code !== 'not-found') throw error;
      knownRevisions.delete(recordKeyOf(write.collection, write.id));
      return false;
    }
    if (!response.ok) throw await errorFromResponse(response);
    await response.body?.cancel().catch(() => undefined);
    knownRevisions.set(recordKeyOf(write.collection, write.id), 0);
    return true;
  };

  // ─── offline queue ──────────────────────────────────────────────────────────────────────────

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
    online = false;
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
    if (disposed || retryTimer !== undefined) return;
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

  const drain = async (): Promise<FlushResult> => {
    await loaded;
    let sent = 0;
    let failed = 0;
    const doomed = new Set<string>();
    while (queue.length > 0 && !disposed) {
      const write = queue[0]!;
      const recordKey = recordKeyOf(write.collection, write.id);
      let error: MentorKitError | undefined;
      let result: StoredRecord | boolean | undefined;
      if (doomed.has(write.key)) {
        error = new MentorKitError('conflict', `Not sent: an earlier queued change to ${write.collection}/${write.id} was refused, and this one was based on it.`, { path: 'expectedRevision', details: { collection: write.collection, id: write.id } });
      } else if (write.expectedRevision === undefined && write.sent) {
        error = new MentorKitError('storage-error', `An unconditional write to ${write.collection}/${write.id} was sent before the page closed and its outcome is unknown; it is not sent again. Check the record.`, { details: { collection: write.collection, id: write.id } });
      } else {
        try {
          if (write.expectedRevision === undefined) {
            write.sent = true;
            await persist();
          }
          result = await send(write, 1);
        } catch (caught) {
          if (caught instanceof TransportFailure && (!caught.mayHaveApplied || write.expectedRevision !== undefined)) {
            // Still unreachable (or unknown outcome of a write that is safe to repeat): keep it, try later.
            if (write.expectedRevision === undefined) {
              write.sent = false;
              await persist();
            }
            queueRetryDelay = Math.min(queueOptions?.maxRetryDelayMs ?? 30_000, queueRetryDelay * 2);
            scheduleDrain(queueRetryDelay);
            return { sent, failed, remaining: queue.length };
          }
          error = caught instanceof TransportFailure ? asStorageError(caught, `Replaying a write to ${write.collection}/${write.id}`) : isMentorKitError(caught) ? (caught as MentorKitError) : new MentorKitError('storage-error', String(caught), { cause: caught });
        }
      }
      queue.shift();
      await persist();
      if (error) {
        failed++;
        // Later queued writes to the same record were based on this one: never apply them over someone else's change.
        for (const later of queue) if (recordKeyOf(later.collection, later.id) === recordKey) doomed.add(later.key);
        const failure = { write, error };
        failures.push(failure);
        try {
          queueOptions?.onReplayFailure?.(failure);
        } catch (hookError) {
          reportStorageError(hookError, 'onReplayFailure threw.');
        }
        if (!queue.some((later) => recordKeyOf(later.collection, later.id) === recordKey)) await resync(write.collection, write.id);
        continue;
      }
      sent++;
      online = true;
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
  const eventTarget = globalThis as { addEventListener?: (type: string, listener: () => void) => void; removeEventListener?: (type: string, listener: () => void) => void };
  eventTarget.addEventListener?.('online', onBrowserOnline);

  /** Writes go to the server, or — when the queue is on and the server is unreachable or the queue not empty — to the queue. */
  const write = async (pending: PendingWrite): Promise<StoredRecord | boolean> => {
    await loaded;
    if (queueEnabled && queue.length > 0) return enqueue(pending); // keep the order
    try {
      const result = await send(pending, queueEnabled && !online ? 1 : undefined);
      if (typeof result === 'object') emit({ collection: pending.collection, id: pending.id, record: result });
      else if (result) emit({ collection: pending.collection, id: pending.id });
      return result;
    } catch (error) {
      if (error instanceof TransportFailure) {
        // Safe to queue: the server applied nothing (503/429), or a repeat cannot apply it twice (conditional + Idempotency-Key).
        if (queueEnabled && (!error.mayHaveApplied || pending.expectedRevision !== undefined)) return enqueue(pending);
        throw asStorageError(error, `Writing ${pending.collection}/${pending.id} failed`);
      }
      throw error;
    }
  };

  // ─── reads ──────────────────────────────────────────────────────────────────────────────────

  /** Pending writes of one record, applied to what the server returned. */
  const overlay = (collection: string, id: string, fromServer: StoredRecord | undefined): StoredRecord | undefined => {
    let current = fromServer;
    for (const pending of queue) {
      if (pending.collection !== collection || pending.id !== id) continue;
      current = pending.kind === 'delete' ? undefined : ({ ...jsonCopy(pending.record!), id, revision: (current?.revision ?? 0) + 1, updatedAt: pending.queuedAt } as StoredRecord);
    }
    return current;
  };

  const get = async (collection: string, id: string): Promise<StoredRecord | undefined> => {
    assertCollectionName(collection);
    assertRecordId(id);
    let response: Response;
    try {
      response = await request('GET', recordPath(collection, id), { safety: 'read' });
    } catch (error) {
      if (error instanceof TransportFailure) throw asStorageError(error, `Reading ${collection}/${id} failed`);
      throw error;
    }
    if (response.status === 404) {
      const error = await errorFromResponse(response);
      if (error.code !== 'not-found') throw error;
      return overlay(collection, id, undefined);
    }
    if (!response.ok) throw await errorFromResponse(response);
    const record = (await response.json()) as StoredRecord;
    learn(collection, record);
    return overlay(collection, id, record);
  };

  const query = async (collection: string, where?: Record<string, string | number | boolean>): Promise<StoredRecord[]> => {
    assertCollectionName(collection);
    assertWhereClause(where);
    const search = Object.entries(where ?? {})
      .map(([field, value]) => `${encodeURIComponent(field)}=${encodeURIComponent(JSON.stringify(value))}`)
      .join('&');
    let response: Response;
    try {
      response = await request('GET', `/collections/${encodeURIComponent(collection)}/records${search ? `?${search}` : ''}`, { safety: 'read' });
    } catch (error) {
      if (error instanceof TransportFailure) throw asStorageError(error, `Querying ${collection} failed`);
      throw error;
    }
    if (!response.ok) throw await errorFromResponse(response);
    const { records } = (await response.json()) as { records: StoredRecord[] };
    for (const record of records) learn(collection, record);
    if (search === '') readWhole.add(collection);
    if (!queue.some((pending) => pending.collection === collection)) return records;
    // Writes still queued: answer what the server will hold once they are replayed.
    const ids = new Set(records.map((record) => record.id));
    for (const pending of queue) if (pending.collection === collection) ids.add(pending.id);
    const result: StoredRecord[] = [];
    for (const id of ids) {
      const current = overlay(collection, id, records.find((record) => record.id === id));
      if (current && matchesWhere(current, where)) result.push(current);
    }
    return result.sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
  };

  // ─── change stream ──────────────────────────────────────────────────────────────────────────

  /**
   * After the change stream reconnects: reads every collection read whole again and reports what
   * changed while it was down (newer revisions, new records, records gone or no longer readable), so
   * watchers do not miss other people's changes made during the gap. The stream is connected first,
   * so nothing falls between this read and the live events; repeats are harmless (revisions decide).
   */
  const catchUp = async (signal: AbortSignal) => {
    for (const collection of [...readWhole]) {
      if (signal.aborted || disposed) return;
      const prefix = recordKeyOf(collection, '');
      const before = new Map([...knownRevisions].filter(([key]) => key.startsWith(prefix)));
      let records: StoredRecord[];
      try {
        records = await query(collection);
      } catch {
        return; // the stream will drop too, and the next reconnect catches up
      }
      if (signal.aborted || disposed) return;
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
  const startStream = () => {
    if (options.watch === false) return;
    streamAbort = new AbortController();
    const signal = streamAbort.signal;
    let markConnected!: () => void;
    streamConnected = new Promise<void>((resolve) => (markConnected = resolve));
    void (async () => {
      let delay = 500;
      let connectedBefore = false;
      while (!signal.aborted) {
        try {
          const response = await fetchImpl(`${root}/changes`, { headers: await headersFor({ Accept: 'text/event-stream' }), signal });
          if (!response.ok || !response.body) throw new Error(`change stream answered ${response.status}`);
          markConnected();
          delay = 500;
          if (queue.length > 0) void flush(); // the server is back
          if (connectedBefore) void catchUp(signal); // changes made while the stream was down
          connectedBefore = true;
          for await (const event of readServerSentEvents(response.body, signal)) {
            if (event.event !== 'change') continue;
            let change: StorageChange & { origin?: string };
            try {
              change = JSON.parse(event.data) as StorageChange & { origin?: string };
            } catch {
              continue;
            }
            if (change.origin === instanceId || typeof change.collection !== 'string' || typeof change.id !== 'string') continue; // our own writes are reported locally
            if (change.record) learn(change.collection, change.record);
            emit(change.record ? { collection: change.collection, id: change.id, record: change.record } : { collection: change.collection, id: change.id });
          }
        } catch {
          // disconnected: try again below
        }
        if (signal.aborted) break;
        await sleep(delay);
        delay = Math.min(10_000, delay * 2);
      }
    })();
  };
  startStream();

  return {
    name: `rest(${root})`,
    get online() {
      return online;
    },
    get,
    query,

    async put(collection: string, record: RecordInput, putOptions?: PutOptions): Promise<StoredRecord> {
      assertCollectionName(collection);
      assertStorableRecord(record);
      assertPutOptions(putOptions);
      const pending: PendingWrite = { key: randomKey(), kind: 'put', collection, id: record.id, record: jsonCopy(record), queuedAt: new Date().toISOString() };
      if (putOptions?.expectedRevision !== undefined) pending.expectedRevision = putOptions.expectedRevision;
      return (await write(pending)) as StoredRecord;
    },

    async delete(collection: string, id: string, deleteOptions?: DeleteOptions): Promise<boolean> {
      assertCollectionName(collection);
      assertRecordId(id);
      assertDeleteOptions(deleteOptions);
      const pending: PendingWrite = { key: randomKey(), kind: 'delete', collection, id, queuedAt: new Date().toISOString() };
      if (deleteOptions?.expectedRevision !== undefined) pending.expectedRevision = deleteOptions.expectedRevision;
      return (await write(pending)) as boolean;
    },

    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async dispose() {
      disposed = true;
      listeners.clear();
      streamAbort?.abort();
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      retryTimer = undefined;
      eventTarget.removeEventListener?.('online', onBrowserOnline);
    },

    pendingWrites: () => queue.map((pending) => ({ ...pending })),
    failedWrites: () => [...failures],
    flush,
    watching: () => streamConnected,

    async putBlob(id: string, blob: Blob): Promise<BlobInfo> {
      assertRecordId(id);
      if (typeof Blob === 'undefined' || !(blob instanceof Blob)) throw new MentorKitError('invalid-input', '`blob` must be a Blob (e.g. a recorded voice note).', { path: 'blob' });
      let response: Response;
      try {
        response = await request('PUT', `/blobs/${encodeIdSegment(id)}`, { body: blob, headers: { 'Idempotency-Key': randomKey(), ...(blob.type ? { 'Content-Type': blob.type } : {}) }, safety: 'unconditional-write' });
      } catch (error) {
        if (error instanceof TransportFailure) throw asStorageError(error, `Uploading attachment ${id} failed`);
        throw error;
      }
      if (!response.ok) throw await errorFromResponse(response);
      await response.body?.cancel().catch(() => undefined);
      return { id, size: blob.size, type: blob.type };
    },

    async getBlob(id: string): Promise<Blob | undefined> {
      assertRecordId(id);
      let response: Response;
      try {
        response = await request('GET', `/blobs/${encodeIdSegment(id)}`, { safety: 'read' });
      } catch (error) {
        if (error instanceof TransportFailure) throw asStorageError(error, `Downloading attachment ${id} failed`);
        throw error;
      }
      if (response.status === 404) {
        await response.body?.cancel().catch(() => undefined);
        return undefined;
      }
      if (!response.ok) throw await errorFromResponse(response);
      return new Blob([await response.arrayBuffer()], { type: response.headers.get('content-type') ?? '' });
    },

    async deleteBlob(id: string): Promise<boolean> {
      assertRecordId(id);
      let response: Response;
      try {
        response = await request('DELETE', `/blobs/${encodeIdSegment(id)}`, { headers: { 'Idempotency-Key': randomKey() }, safety: 'unconditional-write' });
      } catch (error) {
        if (error instanceof TransportFailure) throw asStorageError(error, `Deleting attachment ${id} failed`);
        throw error;
      }
      if (response.status === 404) {
        await response.body?.cancel().catch(() => undefined);
        return false;
      }
      if (!response.ok) throw await errorFromResponse(response);
      await response.body?.cancel().catch(() => undefined);
      return true;
    },
  };
}

/**
 * A `QueuePersistence` on `localStorage` (browsers): the queue survives a reload. Keep one key per
 * signed-in person.
 */
export function localStorageQueue(key: string, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = (globalThis as { localStorage?: Storage }).localStorage): QueuePersistence {
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
