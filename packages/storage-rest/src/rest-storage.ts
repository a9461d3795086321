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
  type CalendarConnection,
  type CalendarConnections,
  type ConnectCalendarInput,
  type DeleteOptions,
  type ErrorCode,
  type EscalationSettings,
  type NotificationDelivery,
  type NotificationPreferences,
  type ManagerDigestChange,
  type ManagerDigestSettings,
  type NotificationPreferencesChange,
  type NotificationsService,
  type ProgramEscalationSettings,
  type ProgramEscalations,
  type ReportsService,
  type CertificatesService,
  type IssuedCertificate,
  type PairingCertificateEntry,
  type PutOptions,
  type RecordInput,
  type StorageAdapter,
  type StorageChange,
  type StorageWriteFailure,
  type StoredRecord,
} from '@mentorkit/core';
import type { ProgrammeReport, ReportPeriod } from '@mentorkit/core/report';
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
  /**
   * How many replays of this write the server answered with an error such as 500, 502 or 504 (not
   * 503: that one says nothing was applied). After `maxServerErrorReplays` the write is failed.
   */
  serverErrors?: number;
}

/** Where the offline queue survives a reload (localStorage, IndexedDB, a file). */
export interface QueuePersistence {
  load(): readonly PendingWrite[] | undefined | Promise<readonly PendingWrite[] | undefined>;
  /** Called with the whole queue after every change, before the write's promise resolves. */
  save(writes: readonly PendingWrite[]): void | Promise<void>;
}

/**
 * A queued write the server refused when it was replayed (or whose outcome is unknown): the core
 * contract's `StorageWriteFailure` (collection, id, kind, record, error, queuedAt) plus the queue
 * entry itself.
 */
export interface ReplayFailure extends StorageWriteFailure {
  write: PendingWrite;
}

export interface OfflineQueueOptions {
  persistence?: QueuePersistence;
  /** First delay before trying the queue again while offline; doubles up to `maxRetryDelayMs`. Default 1000 ms. */
  retryDelayMs?: number;
  /** Default 30 000 ms. */
  maxRetryDelayMs?: number;
  /**
   * Replays of one write that may end in a server error (500, 502, 504…: the outcome is unknown)
   * before the write is failed with `storage-error`, so a write the server keeps failing on cannot
   * hold up the writes queued after it. Default 5.
   */
  maxServerErrorReplays?: number;
  /** Told about every queued write the server refused on replay (conflict, forbidden, invalid-input…). Same as `watchFailures`. */
  onReplayFailure?(failure: ReplayFailure): void;
}

/** `getToken`'s argument: `refresh` is true when the server refused the last token (401) and a new one is needed. */
export interface GetTokenOptions {
  refresh: boolean;
}

export interface RestStorageOptions {
  /** The API root, e.g. `https://lms.example.com/api/mentorkit` (paths like `/collections/goals/records/g1` are appended). */
  baseUrl: string;
  /**
   * The signed-in person's token, sent as `Authorization: Bearer <token>` on every request and on the
   * change stream. Called with `{ refresh: false }` before each request (return a cached token); after
   * a 401 it is called once with `{ refresh: true }` (get a new one) and the request is sent again
   * once. A second 401 is a `forbidden` error with `details.status` 401. Concurrent 401s share one
   * refresh. `undefined`: send no token. Takes precedence over an `authorization` in `headers`.
   */
  getToken?: (options: GetTokenOptions) => string | undefined | Promise<string | undefined>;
  /** Headers sent with every request, e.g. `{ 'x-tenant': 'north' }`. */
  headers?: Record<string, string>;
  /** Called before every request: its headers are added to `headers`. */
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
  /**
   * The largest record body the server accepts, in bytes of JSON (UTF-8). A `put` over it is refused
   * at once with `invalid-input`, and a queued write over it whose sending fails (a server that
   * resets the connection instead of answering 413) is failed instead of retried. Default 1 000 000,
   * the reference server's limit; set the smallest limit on the way (server, proxy). `Infinity`: no
   * check.
   */
  maxRecordBytes?: number;
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
  /** The signed-in person's own calendars on the MentorKit server (`/calendars`; see docs/calendars.md). */
  readonly calendars: CalendarConnections;
  /** The signed-in person's reminder preferences and what was sent to them, and a programme's escalation ladder (`/notifications`, `/programs/<id>/escalation`; see docs/reminders.md). */
  readonly notifications: NotificationsService;
  /** Programme reports computed by the server, response times included (`GET /programs/<id>/report`; see docs/programme-report.md). */
  readonly reports: ReportsService;
  /** Certificates of participation: where each member stands, issuing, the PDF, revoking (`/pairings/<id>/certificates`, `/certificates/<id>`; see docs/certificates.md). */
  readonly certificates: CertificatesService;
  /** Writes waiting for the server, oldest first. */
  pendingWrites(): readonly PendingWrite[];
  /** Queued writes the server refused on replay (or whose outcome became unknown), oldest first. */
  failedWrites(): readonly ReplayFailure[];
  /** Calls `listener` once for each queued write refused from now on. Returns the unsubscribe function. */
  watchFailures(listener: (failure: StorageWriteFailure) => void): () => void;
  /** Tries to send the queue now; resolves when the queue is empty or the server is still unreachable. */
  flush(): Promise<FlushResult>;
  /** False after a request failed to reach the server, until one succeeds again. */
  readonly online: boolean;
  /** Resolves once the change stream is connected (immediately when `watch: false`). */
  watching(): Promise<void>;
}

/**
 * A request that did not get a usable answer. `mayHaveApplied`: whether a write may have taken
 * effect. `status`: the HTTP status when the server answered (5xx, 503, 429, 408); absent when no
 * answer came (network failure, reset, timeout) or no request was sent.
 */
class TransportFailure extends Error {
  override readonly name = 'TransportFailure';
  constructor(
    message: string,
    readonly mayHaveApplied: boolean,
    readonly retryAfterMs?: number,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const KNOWN_CODES: readonly ErrorCode[] = ['invalid-input', 'conflict', 'not-found', 'forbidden', 'unsupported', 'storage-error'];

const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A report period's dates, checked before anything is sent (the server checks them again and says which is wrong). */
function checkReportPeriod(period: unknown): ReportPeriod {
  if (typeof period !== 'object' || period === null || Array.isArray(period)) throw new MentorKitError('invalid-input', 'Pass the report period as { from: "2026-01-01", to: "2026-03-31" } (calendar dates, both included).', { path: 'period' });
  const { from, to } = period as { from?: unknown; to?: unknown };
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (typeof value !== 'string' || !CALENDAR_DATE.test(value)) throw new MentorKitError('invalid-input', `\`period.${name}\` must be a calendar date YYYY-MM-DD (got ${JSON.stringify(value)?.slice(0, 40) ?? String(value)}).`, { path: `period.${name}` });
  }
  if ((from as string) > (to as string)) throw new MentorKitError('invalid-input', `The period ends (${to as string}) before it starts (${from as string}).`, { path: 'period.to' });
  return { from: from as string, to: to as string };
}

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

/**
 * The UTF-8 size of `text` when it is over `limit` bytes, otherwise undefined. Counts without
 * encoding (a lone surrogate counts as the 3 bytes of U+FFFD, as `TextEncoder` writes it).
 */
function utf8LengthOver(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes > limit ? bytes : undefined;
}

/** The `invalid-input` refusal of a record too large for the server. */
function recordTooLarge(collection: string, id: string, bytes: number, limit: number, transportError?: string): MentorKitError {
  const sent = transportError === undefined ? '' : ` Sending it failed (${transportError}), as a server does when a body passes its limit, so it is not sent again.`;
  return new MentorKitError(
    'invalid-input',
    `${collection}/${id} is ${bytes} bytes as JSON, over the ${limit}-byte limit for one record (maxRecordBytes); the server would refuse it.${sent} Keep the record smaller (shorter text, less history) or move large content to an attachment.`,
    { path: 'record', details: { collection, id, bytes, maxRecordBytes: limit } },
  );
}

/** The error code an answer means when its body does not say (a proxy's page, an empty body). */
function codeOfStatus(status: number): ErrorCode {
  if (status === 400 || status === 413 || status === 422) return 'invalid-input';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  return 'storage-error';
}

/** What to tell a person when the server's answer carries no message. */
function messageOfStatus(status: number, statusText: string): string {
  const answered = `The server answered ${status}${statusText ? ` ${statusText}` : ''}`;
  if (status === 413) return `${answered}: the change is too large for it. Make it smaller (shorter text, less history) and try again.`;
  if (status === 401) return `${answered}: it did not accept the sign-in. Sign in again.`;
  if (status === 403) return `${answered}: you may not make this change.`;
  if (status === 400 || status === 422) return `${answered}: it did not accept the data of this change.`;
  return `${answered}.`;
}

/** The server's JSON error as a MentorKitError (a body without a known code: the code the status means). */
async function errorFromResponse(response: Response): Promise<MentorKitError> {
  let body: { code?: unknown; message?: unknown; path?: unknown; details?: unknown; issues?: unknown } = {};
  try {
    const parsed = (await response.json()) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as typeof body;
  } catch {
    // not JSON
  }
  const code = KNOWN_CODES.includes(body.code as ErrorCode) ? (body.code as ErrorCode) : codeOfStatus(response.status);
  const message = typeof body.message === 'string' && body.message !== '' ? body.message : messageOfStatus(response.status, response.statusText);
  return new MentorKitError(code, message, {
    path: typeof body.path === 'string' ? body.path : '',
    ...(Array.isArray(body.issues) ? { issues: body.issues as MentorKitError['issues'] } : {}),
    details: { ...(typeof body.details === 'object' && body.details !== null ? (body.details as Record<string, unknown>) : {}), status: response.status },
  });
}

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
  if (typeof options !== 'object' || options === null) throw new MentorKitError('invalid-input', 'createRestStorage needs options: { baseUrl }.', { path: 'options' });
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    throw new MentorKitError('invalid-input', `\`baseUrl\` must be an absolute http(s) URL such as https://lms.example.com/api/mentorkit (got ${JSON.stringify(options.baseUrl)}).`, { path: 'baseUrl' });
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new MentorKitError('invalid-input', '`baseUrl` must use http: or https:.', { path: 'baseUrl' });
  if (options.getHeaders !== undefined && typeof options.getHeaders !== 'function') throw new MentorKitError('invalid-input', '`getHeaders` must be a function returning headers.', { path: 'getHeaders' });
  if (options.getToken !== undefined && typeof options.getToken !== 'function') {
    throw new MentorKitError('invalid-input', '`getToken` must be a function returning the sign-in token, e.g. getToken: ({ refresh }) => session.accessToken({ refresh }).', { path: 'getToken' });
  }
  const maxRecordBytes = options.maxRecordBytes ?? 1_000_000;
  if (!(maxRecordBytes === Infinity || (Number.isSafeInteger(maxRecordBytes) && maxRecordBytes > 0))) {
    throw new MentorKitError('invalid-input', `\`maxRecordBytes\` must be a whole number of bytes above 0 (the server's body limit, e.g. 1000000) or Infinity (got ${String(options.maxRecordBytes)}).`, { path: 'maxRecordBytes' });
  }
  const fetchImpl = options.fetch ?? (globalThis.fetch?.bind(globalThis) as typeof fetch | undefined);
  if (typeof fetchImpl !== 'function') throw new MentorKitError('unsupported', 'No fetch implementation: pass `fetch` in the options.', { path: 'fetch' });
  const root = base.href.replace(/\/+$/, '');
  const retry = options.retry === false ? { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 } : { attempts: 4, baseDelayMs: 250, maxDelayMs: 4000, ...options.retry };
  const queueOptions: OfflineQueueOptions | undefined = options.offlineQueue === true ? {} : options.offlineQueue || undefined;
  const queueEnabled = queueOptions !== undefined;
  const maxServerErrorReplays = queueOptions?.maxServerErrorReplays ?? 5;
  if (!(Number.isSafeInteger(maxServerErrorReplays) && maxServerErrorReplays >= 1)) {
    throw new MentorKitError('invalid-input', `\`offlineQueue.maxServerErrorReplays\` must be a whole number, 1 or more (got ${String(queueOptions?.maxServerErrorReplays)}).`, { path: 'offlineQueue.maxServerErrorReplays' });
  }
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const instanceId = randomKey();

  const listeners = new Set<(change: StorageChange) => void>();
  let queue: PendingWrite[] = [];
  const failures: ReplayFailure[] = [];
  const failureListeners = new Set<(failure: StorageWriteFailure) => void>();
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

  // The sign-in token (getToken): every request takes the current one; after a 401, one refresh is
  // shared by every request refused meanwhile. `tokenGeneration` counts completed refreshes, so a
  // request that took its token before a refresh retries with the new token instead of refreshing again.
  let tokenGeneration = 0;
  let refreshedToken: string | undefined;
  let refreshing: Promise<string | undefined> | undefined;

  const callGetToken = async (refresh: boolean): Promise<string | undefined> => {
    let token: unknown;
    try {
      token = await options.getToken!({ refresh });
    } catch (error) {
      throw new TransportFailure(`Could not get a sign-in token (getToken({ refresh: ${refresh} }) failed: ${error instanceof Error ? error.message : String(error)}); nothing was sent.`, false, undefined, undefined, { cause: error });
    }
    if (token === undefined || token === null) return undefined;
    if (typeof token !== 'string' || token === '' || !/^[\x21-\x7e]+$/.test(token)) {
      const failure = new TransportFailure(`getToken must return the token as a non-empty string of visible ASCII characters, or undefined (got ${typeof token === 'string' ? `a string of ${token.length} characters with spaces or other characters a header cannot carry` : typeof token}); nothing was sent.`, false);
      reportStorageError(failure, 'getToken returned something that is not a token.');
      throw failure;
    }
    return token;
  };

  /** The token to send now, and the refresh generation it belongs to. */
  const currentToken = async (): Promise<{ token: string | undefined; generation: number }> => {
    const generation = tokenGeneration;
    return { token: options.getToken ? await callGetToken(false) : undefined, generation };
  };

  /** After a 401: the token to try once more (one refresh shared by every request refused meanwhile). */
  const tokenAfterRefusal = (generation: number): Promise<string | undefined> => {
    if (refreshing) return refreshing;
    if (generation !== tokenGeneration) return Promise.resolve(refreshedToken); // refreshed since this request took its token
    refreshing = callGetToken(true)
      .then((token) => {
        refreshedToken = token;
        tokenGeneration++;
        return token;
      })
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  };

  const headersFor = async (extra: Record<string, string>, token: string | undefined): Promise<Record<string, string>> => {
    const merged: Record<string, string> = { ...options.headers, ...(options.getHeaders ? await options.getHeaders() : {}) };
    if (token !== undefined) {
      for (const name of Object.keys(merged)) if (name.toLowerCase() === 'authorization') delete merged[name];
      merged.Authorization = `Bearer ${token}`;
    }
    return { ...merged, 'MentorKit-Client': instanceId, ...extra };
  };

  /**
   * One fetch with the current token; after a 401 (with `getToken`), once more with a refreshed one.
   * Resolves to the response, or to a TransportFailure when no answer came.
   */
  const fetchWithToken = async (url: string, init: { method: string; headers: Record<string, string>; body?: BodyInit; signal: () => AbortSignal; changeStream?: boolean }): Promise<Response | TransportFailure> => {
    const exchange = async (token: string | undefined): Promise<Response | TransportFailure> => {
      let headers: Record<string, string>;
      try {
        headers = await headersFor(init.headers, token);
      } catch (error) {
        return new TransportFailure(`getHeaders failed (${error instanceof Error ? error.message : String(error)}); nothing was sent.`, false, undefined, undefined, { cause: error });
      }
      try {
        return await fetchImpl(url, { method: init.method, headers, ...(init.body === undefined ? {} : { body: init.body }), signal: init.signal() });
      } catch (error) {
        if (!init.changeStream) online = false;
        return new TransportFailure(`Cannot reach ${root}: ${error instanceof Error ? error.message : String(error)}`, true, undefined, undefined, { cause: error });
      }
    };
    let taken: { token: string | undefined; generation: number };
    try {
      taken = await currentToken();
    } catch (error) {
      if (error instanceof TransportFailure) return error;
      throw error;
    }
    const first = await exchange(taken.token);
    if (first instanceof TransportFailure || first.status !== 401 || !options.getToken) return first;
    await first.body?.cancel().catch(() => undefined);
    let token: string | undefined;
    try {
      token = await tokenAfterRefusal(taken.generation);
    } catch (error) {
      if (error instanceof TransportFailure) return error;
      throw error;
    }
    return exchange(token);
  };

  /**
   * One HTTP exchange with retries by `safety`. Resolves to the response (any status but 5xx, 429
   * and 408; a 401 only after the token was refreshed once); rejects with TransportFailure.
   */
  const request = async (method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string>; safety: Safety; attempts?: number }): Promise<Response> => {
    const attempts = init.attempts ?? retry.attempts;
    let failure: TransportFailure | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 2));
        await sleep(Math.min(retry.maxDelayMs, failure?.retryAfterMs ?? backoff / 2 + Math.random() * (backoff / 2)));
      }
      const outcome = await fetchWithToken(`${root}${path}`, { method, headers: init.headers ?? {}, ...(init.body === undefined ? {} : { body: init.body }), signal: () => AbortSignal.timeout(requestTimeoutMs) });
      if (outcome instanceof TransportFailure) {
        failure = outcome;
        if (init.safety === 'unconditional-write' && outcome.mayHaveApplied) break;
        continue;
      }
      const response = outcome;
      if (response.status === 503 || response.status === 429 || response.status === 408) {
        online = response.status !== 503;
        const what = response.status === 503 ? 'is unavailable' : response.status === 429 ? 'asks to slow down' : 'timed out waiting for the request';
        failure = new TransportFailure(`The server ${what} (${response.status}); nothing was applied.`, false, retryAfterMs(response), response.status);
        await response.body?.cancel().catch(() => undefined);
        continue;
      }
      if (response.status >= 500) {
        const error = await errorFromResponse(response);
        failure = new TransportFailure(`The server failed (${response.status}): ${error.message}`, true, undefined, response.status);
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

  /** One call of the server's person-facing APIs (`/calendars`, `/notifications`, a programme's escalation ladder): the JSON answer, or a MentorKitError in words. */
  const calendarCall = async (method: string, path: string, safety: Safety, what: string, body?: unknown): Promise<unknown> => {
    let response: Response;
    try {
      response = await request(method, path, {
        safety,
        ...(safety === 'unconditional-write' ? { attempts: 1 } : {}),
        ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
      });
    } catch (error) {
      if (error instanceof TransportFailure) throw asStorageError(error, `${what} failed`);
      throw error;
    }
    if (!response.ok) throw await errorFromResponse(response);
    return response.json();
  };

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
      const body = JSON.stringify(write.record);
      const oversize = utf8LengthOver(body, maxRecordBytes);
      let response: Response;
      try {
        response = await request('PUT', recordPath(write.collection, write.id), { body, headers, safety, ...(oversize !== undefined ? { attempts: 1 } : attempts === undefined ? {} : { attempts }) });
      } catch (error) {
        // A body over the limit whose sending failed: the server cut it off (no 413 answer). Repeating it cannot help.
        if (oversize !== undefined && error instanceof TransportFailure && error.mayHaveApplied) throw recordTooLarge(write.collection, write.id, oversize, maxRecordBytes, error.message);
        throw error;
      }
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

  /** Queued writes not to send: an earlier queued write to the same record was refused. */
  const doomed = new Set<string>();

  /** A write given up after `maxServerErrorReplays` server errors: it may or may not have been applied. */
  const outcomeUnknown = (write: PendingWrite, failure: TransportFailure) =>
    new MentorKitError(
      'storage-error',
      `A change to ${write.collection}/${write.id} was sent ${write.serverErrors ?? 1} times and the server failed each time (last: ${failure.message}). Whether it was saved is unknown, and it is not sent again so the changes after it can go through. Check the record and make the change again if it is missing.`,
      { details: { collection: write.collection, id: write.id, status: failure.status, mayHaveApplied: true, serverErrors: write.serverErrors ?? 1 }, cause: failure },
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
            error = isMentorKitError(caught) ? (caught as MentorKitError) : new MentorKitError('storage-error', `Replaying a write to ${write.collection}/${write.id} failed: ${caught instanceof Error ? caught.message : String(caught)}`, { cause: caught });
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
      let lastResyncAt = Number.NEGATIVE_INFINITY;
      while (!signal.aborted) {
        let resync = false;
        try {
          // With getToken, a 401 refreshes the token once (shared with requests) and connects again at once.
          const outcome = await fetchWithToken(`${root}/changes`, { method: 'GET', headers: { Accept: 'text/event-stream' }, signal: () => signal, changeStream: true });
          if (outcome instanceof TransportFailure) throw outcome;
          const response = outcome;
          if (!response.ok || !response.body) {
            await response.body?.cancel().catch(() => undefined);
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
            if (change.record) learn(change.collection, change.record);
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
      const json = JSON.stringify(record);
      const oversize = utf8LengthOver(json, maxRecordBytes);
      if (oversize !== undefined) throw recordTooLarge(collection, record.id, oversize, maxRecordBytes);
      const pending: PendingWrite = { key: randomKey(), kind: 'put', collection, id: record.id, record: JSON.parse(json) as RecordInput, queuedAt: new Date().toISOString() };
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
      failureListeners.clear();
      streamAbort?.abort();
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      retryTimer = undefined;
      eventTarget.removeEventListener?.('online', onBrowserOnline);
    },

    pendingWrites: () => queue.map((pending) => ({ ...pending })),
    failedWrites: () => [...failures],
    watchFailures(listener) {
      if (typeof listener !== 'function') throw new MentorKitError('invalid-input', '`watchFailures` needs a function to call with each refused write.', { path: 'listener' });
      failureListeners.add(listener);
      return () => {
        failureListeners.delete(listener);
      };
    },
    flush,
    watching: () => streamConnected,

    calendars: {
      list: async () => ((await calendarCall('GET', '/calendars', 'read', 'Reading your calendars')) as { calendars: CalendarConnection[] }).calendars,
      connect: async (input: ConnectCalendarInput) => {
        if (typeof input !== 'object' || input === null) throw new MentorKitError('invalid-input', 'Pass { kind: "ics-feed", url } or { kind: "caldav", url, username, password }.', { path: 'input' });
        return (await calendarCall('POST', '/calendars', 'unconditional-write', 'Connecting the calendar', input)) as CalendarConnection;
      },
      refresh: async (id: string) => {
        assertRecordId(id);
        return (await calendarCall('POST', `/calendars/${encodeIdSegment(id)}/refresh`, 'conditional-write', 'Reading the calendar again')) as CalendarConnection;
      },
      disconnect: async (id: string) => {
        assertRecordId(id);
        await calendarCall('DELETE', `/calendars/${encodeIdSegment(id)}`, 'conditional-write', 'Disconnecting the calendar');
      },
      feed: async () => {
        const { url } = (await calendarCall('GET', '/calendars/feed', 'read', 'Reading your feed address')) as { url: string | null };
        return url ? { url } : null;
      },
      startFeed: async () => (await calendarCall('POST', '/calendars/feed', 'conditional-write', 'Making your feed address')) as { url: string },
      rotateFeed: async () => (await calendarCall('POST', '/calendars/feed/rotate', 'unconditional-write', 'Making a new feed address')) as { url: string },
      revokeFeed: async () => {
        await calendarCall('DELETE', '/calendars/feed', 'conditional-write', 'Stopping the feed');
      },
    },

    notifications: {
      preferences: async () => (await calendarCall('GET', '/notifications/preferences', 'read', 'Reading your reminder settings')) as NotificationPreferences,
      setPreferences: async (change: NotificationPreferencesChange) => {
        if (typeof change !== 'object' || change === null || Array.isArray(change)) throw new MentorKitError('invalid-input', 'Pass the settings to change, e.g. { email: false } or { kinds: { "pair-inactive": false } }.', { path: 'change' });
        // A PUT of the same fields twice leaves the same settings: safe to retry.
        return (await calendarCall('PUT', '/notifications/preferences', 'conditional-write', 'Saving your reminder settings', change)) as NotificationPreferences;
      },
      sent: async (options?: { limit?: number }) => {
        const limit = options?.limit;
        if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 200)) throw new MentorKitError('invalid-input', '`limit` must be a whole number from 1 to 200.', { path: 'limit' });
        const query = limit === undefined ? '' : `?limit=${limit}`;
        return ((await calendarCall('GET', `/notifications${query}`, 'read', 'Reading the reminders sent to you')) as { deliveries: NotificationDelivery[] }).deliveries;
      },
      escalationSettings: async (programId: string) => {
        assertRecordId(programId, 'programId');
        return (await calendarCall('GET', `/programs/${encodeIdSegment(programId)}/escalation`, 'read', 'Reading the programme\'s escalation ladder')) as ProgramEscalationSettings;
      },
      setEscalationSettings: async (programId: string, settings: EscalationSettings) => {
        assertRecordId(programId, 'programId');
        if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) throw new MentorKitError('invalid-input', 'Pass the ladder\'s settings: { quietDays, alertAdminDays, close: null | { afterDays, noticeDays } }.', { path: 'settings' });
        return (await calendarCall('PUT', `/programs/${encodeIdSegment(programId)}/escalation`, 'conditional-write', 'Saving the programme\'s escalation ladder', settings)) as ProgramEscalationSettings;
      },
      escalations: async (programId: string) => {
        assertRecordId(programId, 'programId');
        return (await calendarCall('GET', `/programs/${encodeIdSegment(programId)}/escalations`, 'read', 'Reading where the programme\'s quiet pairs are')) as ProgramEscalations;
      },
      managerDigest: async () => (await calendarCall('GET', '/notifications/manager-digest', 'read', 'Reading the summary for your manager')) as ManagerDigestSettings,
      setManagerDigest: async (change: ManagerDigestChange) => {
        if (typeof change !== 'object' || change === null || Array.isArray(change)) throw new MentorKitError('invalid-input', 'Pass the settings to change, e.g. { enabled: true, managerEmail: "dana@example.org" }.', { path: 'change' });
        // The same fields twice leave the same settings: safe to retry.
        return (await calendarCall('PUT', '/notifications/manager-digest', 'conditional-write', 'Saving the summary for your manager', change)) as ManagerDigestSettings;
      },
      removeManagerDigest: async () => (await calendarCall('DELETE', '/notifications/manager-digest', 'conditional-write', 'Turning off the summary for your manager')) as ManagerDigestSettings,
    },

    reports: {
      programme: async (programId: string, period: ReportPeriod, options?: { timeZone?: string }) => {
        assertRecordId(programId, 'programId');
        const { from, to } = checkReportPeriod(period);
        const timeZone = options?.timeZone;
        if (options !== undefined && (typeof options !== 'object' || options === null)) throw new MentorKitError('invalid-input', 'Report options must be an object such as { timeZone: "Europe/Madrid" }.', { path: 'options' });
        if (timeZone !== undefined && (typeof timeZone !== 'string' || timeZone === '' || timeZone.length > 64)) throw new MentorKitError('invalid-input', '`timeZone` must be an IANA time zone name such as "Europe/Madrid".', { path: 'timeZone' });
        const query = new URLSearchParams({ from, to, ...(timeZone === undefined ? {} : { timeZone }) });
        return (await calendarCall('GET', `/programs/${encodeIdSegment(programId)}/report?${query.toString()}`, 'read', 'Reading the programme report')) as ProgrammeReport;
      },
    },

    certificates: {
      list: async (pairingId: string) => {
        assertRecordId(pairingId, 'pairingId');
        return (await calendarCall('GET', `/pairings/${encodeIdSegment(pairingId)}/certificates`, 'read', 'Reading the certificates of this pairing')) as PairingCertificateEntry[];
      },
      issue: async (pairingId: string, personId: string, options?: { reason?: string }) => {
        assertRecordId(pairingId, 'pairingId');
        assertRecordId(personId, 'personId');
        const reason = options?.reason;
        if (reason !== undefined && (typeof reason !== 'string' || reason.trim() === '' || reason.length > 500)) throw new MentorKitError('invalid-input', '`reason` must be text of 1–500 characters saying why the certificate is issued by hand.', { path: 'reason' });
        // The server gives the certificate a person already has instead of a second one: safe to retry.
        return (await calendarCall('POST', `/pairings/${encodeIdSegment(pairingId)}/certificates`, 'conditional-write', 'Issuing the certificate', { personId, ...(reason === undefined ? {} : { reason }) })) as IssuedCertificate;
      },
      download: async (certificateId: string, options?: { language?: 'en' | 'es' }) => {
        assertRecordId(certificateId, 'certificateId');
        const language = options?.language;
        if (language !== undefined && language !== 'en' && language !== 'es') throw new MentorKitError('invalid-input', '`language` must be "en" or "es".', { path: 'language' });
        let response: Response;
        try {
          response = await request('GET', `/certificates/${encodeIdSegment(certificateId)}.pdf${language ? `?lang=${language}` : ''}`, { safety: 'read' });
        } catch (error) {
          if (error instanceof TransportFailure) throw asStorageError(error, 'Downloading the certificate failed');
          throw error;
        }
        if (!response.ok) throw await errorFromResponse(response);
        return response.blob();
      },
      revoke: async (certificateId: string) => {
        assertRecordId(certificateId, 'certificateId');
        return (await calendarCall('DELETE', `/certificates/${encodeIdSegment(certificateId)}`, 'conditional-write', 'Revoking the certificate')) as IssuedCertificate;
      },
    },

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
