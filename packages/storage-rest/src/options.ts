/**
 * The REST adapter's public shapes: its options (retries, sign-in, the offline queue), a queued write
 * and its persistence, a replayed write the server refused, a flush's outcome, and `RestStorage`
 * itself. The behaviour is described on `createRestStorage` (rest-storage.ts); the HTTP contract is
 * docs/openapi.yaml.
 */
import type {
  BlobInfo,
  CalendarConnections,
  CertificatesService,
  NotificationsService,
  RecordInput,
  ReportsService,
  StorageAdapter,
  StorageChange,
  StorageWriteFailure,
} from '@mentorkit/core';

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
  getToken?: ((options: GetTokenOptions) => string | undefined | Promise<string | undefined>) | undefined;
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
