import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import http from 'node:http';
import { isIP, type AddressInfo, type Socket } from 'node:net';
import pg, { type Pool, type PoolClient } from 'pg';
import {
  MentorKitError,
  assertCollectionName,
  assertRecordId,
  assertStorableRecord,
  isMentorKitError,
  nextStoredRecord,
  type RecordInput,
  type StoredRecord,
} from '@mentorkit/core';
import {
  allowed,
  authorizePersonPut,
  blobOwnerCheck,
  loadPolicyBase,
  preparePersonRecord,
  readContext,
  readNeeds,
  withNeeds,
  type Need,
  type PolicyBase,
} from './access.js';
import { createCors } from './cors.js';
import { ServerConfigurationError, createIdentity, isAcceptablePersonId, isLoopbackHost, type Caller, type IdentityOptions } from './identity.js';
import {
  HttpError,
  attachmentDisposition,
  bodyStillArriving,
  bodyTooLarge,
  createBodyBudget,
  formatBytes,
  isValidMediaType,
  isWellFormedText,
  lingerAfterResponse,
  parseJsonBody,
  readBody,
  servedAttachmentType,
  type BodyLease,
} from './input.js';
import { recordReserveBytes, resolveLimits, type ServerLimits } from './limits.js';
import { CommitOutcomeUnknown, migrate } from './schema.js';
import { createCalendarService, type CalendarService } from './calendars/service.js';
import { createCertificateService } from './certificates/service.js';
import { createChangeBus } from './change-bus.js';
import { createLtiService, type LtiService } from './lti/service.js';
import { createReminderService, type ReminderRun, type ReminderService } from './reminders/service.js';
import { createReportService } from './reports.js';
import { createOutboundFetch } from './outbound.js';
import { createSecrets, type ServerSecrets } from './secrets.js';
import {
  AttachmentQuotaExceeded,
  assertNoNul,
  attachmentBytesUsed,
  checkDelete,
  attachmentIdTaken,
  blobIdOwner,
  deleteBlobRow,
  getBlobMeta,
  getBlobOwner,
  isConnectionError,
  isPoolBusy,
  putBlobRow,
  putOwnedBlobRow,
  queryRecords,
  queryRecordsMatchingAny,
  readBlobChunk,
  readCurrent,
  readRecord,
  withRecordLock,
  writeRecord,
  writeTombstone,
} from './store.js';

/**
 * MentorKit's server: the REST storage contract (docs/openapi.yaml) on PostgreSQL, mountable in a
 * host's Node app (`handle`) or listening on its own (`listen`, the `mentorkit-server` command).
 *
 * Every request is identified (identity.ts: a JWT the host signed, the service token, the host's own
 * `authenticate`, or dev sign-in on loopback); a person's reads and writes go through access.ts
 * (core's policy over a `PolicyContext` read from the database), so a tampered browser cannot read or
 * change another pair's data. A service (admin tools, seeding, the conformance suite) bypasses the
 * policy: it is the raw storage contract. The server stays up when PostgreSQL goes away (503 with
 * Retry-After, recovery on its own), caps bodies, attachments, quotas and change streams, and serves
 * attachments so they never render as a page.
 */

export type { Authenticate, Caller, IdentityOptions } from './identity.js';
export { devAuthentication } from './identity.js';

let elementsCdn: string | null | undefined;
/** `@mentorkit/elements`' CDN build next to this package (the LTI launch page's scripts), when installed and built. */
function findElementsCdn(): string | undefined {
  if (elementsCdn === undefined) {
    try {
      const directory = join(dirname(createRequire(import.meta.url).resolve('@mentorkit/elements/package.json')), 'dist', 'cdn');
      elementsCdn = existsSync(join(directory, 'mentorkit.js')) ? directory : null;
    } catch {
      elementsCdn = null;
    }
  }
  return elementsCdn ?? undefined;
}

export interface MentorKitServerOptions extends IdentityOptions {
  /** The PostgreSQL pool to use (the host's). Give this or `databaseUrl`. */
  pool?: Pool;
  /** `postgres://…`: the server creates (and on `dispose()` ends) its own pool. */
  databaseUrl?: string;
  /** Origins allowed cross-origin access (`https://lms.example.edu`); none by default. */
  corsOrigins?: readonly string[];
  /** Limits (see `ServerLimits` for the defaults). */
  limits?: Partial<ServerLimits>;
  /** Apply the entity schemas to people's writes (default true). */
  validateRecords?: boolean;
  /** The URL people reach the server at (links in emails, feeds, LTI). Feed links use it (and the UIDs of written sessions its host name). */
  publicUrl?: string;
  /**
   * Outgoing mail, `smtp://host:port` or `smtps://user:password@host:465`: reminders by email
   * (docs/reminders.md) are on when this and `publicUrl` are set, off otherwise (one log line says so).
   */
  smtpUrl?: string;
  /** The From address of reminder emails (default `MentorKit <mentorkit@<publicUrl's host>>`). */
  mailFrom?: string;
  /**
   * The app's address, linked from reminder emails as "Open MentorKit" (`MENTORKIT_APP_URL`): the
   * page where people use the elements, when it is not this server (default: `publicUrl`).
   */
  appUrl?: string;
  /**
   * Minutes between two reminder scans (default 15): 1–60 dividing an hour, or whole hours dividing a
   * day. The scan runs once per slot whatever the number of instances.
   */
  reminderIntervalMinutes?: number;
  /** Seconds before a failed reminder email is tried again, doubled each time (default 60; 10 retries). */
  reminderRetryDelaySeconds?: number;
  /** The server's clock for reminders (when nudges are due and sent). Default: the system clock. For tests and demos. */
  now?: () => Date;
  /**
   * Hosts/CIDRs the outbound-fetch guard lets through although private or loopback (calendar
   * addresses and CalDAV servers people connect). Default: none.
   */
  fetchAllowHosts?: readonly string[];
  /**
   * The key secrets at rest are encrypted with and links are signed with (`MENTORKIT_SECRET_KEY`: 32+
   * random bytes as base64 or hex). Without it, calendars are off — except with `devAuth`, where a
   * random key lives as long as the process (connected calendars must then be connected again after
   * a restart).
   */
  secretKey?: string;
  /** Minutes between two reads of a connected calendar (default 30). */
  calendarRefreshMinutes?: number;
  /** Calendar work (due refreshes and write-backs) runs this often (ms; default 60 000). */
  calendarWorkIntervalMs?: number;
  /**
   * LTI 1.3 (docs/lti.md): on whenever the server has its secret key (`secretKey`, or dev-auth) — the
   * tool's signing key is stored encrypted with it. Where the launch page loads the elements from
   * (default: this server's `/lti/assets`, served from `@mentorkit/elements`' CDN build).
   */
  ltiAssetsUrl?: string;
  /** The directory of `@mentorkit/elements/dist/cdn` served at `/lti/assets` (default: found next to this package). */
  ltiAssetsDir?: string;
  /** Minutes between two roster syncs of a course (NRPS; default 360). */
  ltiRosterMinutes?: number;
  /** Operator log lines (one line each, prefixed `[mentorkit-server]`). Default: none. */
  log?: (line: string) => void;
  /** @deprecated Use `corsOrigins`. One allowed origin (`*` is not accepted any more and means none). */
  corsOrigin?: string;
  /** @deprecated Use `limits.recordBytes`. */
  maxRecordBytes?: number;
  /** @deprecated Use `limits.attachmentBytes`. */
  maxBlobBytes?: number;
}

export interface MentorKitServer {
  /** The request handler, for `http.createServer(server.handle)` or a route of the host's server. */
  handle(request: http.IncomingMessage, response: http.ServerResponse): void;
  /** Applies migrations, then listens (default 127.0.0.1, a free port). Resolves to the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /**
   * Stops listening. Open requests get `graceMs` (default 0) to finish; then every connection is cut,
   * change streams included. The pool stays open (`listen` may be called again).
   */
  close(options?: { graceMs?: number }): Promise<void>;
  /** `close()`, then ends the pool when the server created it from `databaseUrl`. */
  dispose(options?: { graceMs?: number }): Promise<void>;
  /** Applies the schema migrations not applied yet (`listen` and the first request do it too). */
  migrate(): Promise<number[]>;
  /** Whether PostgreSQL answers right now (what GET /health/ready reports). */
  databaseReady(): Promise<boolean>;
  /** Figures for operators and tests. */
  stats(): ServerStats;
  /** Reminders by email: whether they are on, and one scan now (what the scheduled job does every `reminderIntervalMinutes`). */
  readonly reminders: { readonly enabled: boolean; runNow(): Promise<ReminderRun> };
  readonly server: http.Server | undefined;
  readonly pool: Pool;
  readonly limits: Readonly<ServerLimits>;
}

/** What `stats()` reports. */
export interface ServerStats {
  /** Open change streams. */
  changeStreams: number;
  /** False from a lost database connection until PostgreSQL answers again. */
  databaseAvailable: boolean;
  /** Bytes of request bodies held right now (what has arrived of bodies not answered yet). */
  bodyBytesBuffered: number;
  /** The most `bodyBytesBuffered` has been since the server was created. */
  bodyBytesBufferedPeak: number;
  /** Bytes of request bodies people have declared (chunked: sent) and not finished yet (`limits.bodyBufferBytesPerPerson` caps each person's). */
  bodyBytesDeclaredByPeople: number;
  /** Requests refused (503, or 429 past a person's share) because their body would not fit in `limits.bodyBufferBytes`. */
  bodiesRefused: number;
  /** Attachment uploads in progress (all people). */
  uploadsInProgress: number;
  /** Attachment downloads in progress (all callers). */
  downloadsInProgress: number;
  /** Record writes in progress by people. */
  recordWritesInProgress: number;
  /** Requests answered 503 because every database connection of the pool was in use. */
  poolBusyAnswers: number;
  /** Open connections of the server `listen()` started. */
  connections: number;
  /** Connections closed at once: over `limits.connections` or `limits.connectionsPerAddress`. */
  connectionsRefused: number;
}

/** @deprecated The earlier names: `createRestBackend` is `createMentorKitServer`. */
export type RestBackendOptions = MentorKitServerOptions;
/** @deprecated See `MentorKitServer`. */
export type RestBackend = MentorKitServer;

const STATUS_BY_CODE: Record<string, number> = {
  'invalid-input': 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 412,
  unsupported: 501,
  'storage-error': 500,
};

/** The readiness check's own timeout (not a connection error). */
const READY_TIMEOUT = new Error('PostgreSQL did not answer SELECT 1 within 3 s');

/** Seconds a client should wait before retrying while PostgreSQL is unreachable. */
const DATABASE_RETRY_AFTER_SECONDS = 2;

/** Seconds a client should wait while every database connection is in use. */
const BUSY_RETRY_AFTER_SECONDS = 2;

/** Seconds a person should wait when they have too many uploads or writes in progress. */
const IN_PROGRESS_RETRY_AFTER_SECONDS = 2;

/** Change-stream publishing falls behind past this many changes waiting: they are dropped and every stream is sent resync. */
const PUBLISH_BACKLOG = 1000;

/** … or when the oldest change has waited this long (ms). */
const PUBLISH_LAG_MS = 5000;

/** An attachment is sent in pieces of this many bytes (one short query each). */
const DOWNLOAD_CHUNK_BYTES = 128 * 1024;

/** A download whose client takes nothing for this long is cut (ms). */
const DOWNLOAD_STALL_MS = 30_000;

/** Repeated operator lines (pool busy, refused connections) are written at most this often. */
const REPEATED_LINE_MS = 10_000;

/**
 * The key connections are counted under: the address, IPv4-mapped IPv6 as IPv4. (An IPv6 address
 * counts on its own; a client with a whole prefix is for the reverse proxy to limit.)
 */
function remoteAddressKey(address: string | undefined): string | undefined {
  if (!address) return undefined;
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** The soft open-file limit of this process (Linux), or undefined. */
function openFileLimit(): number | undefined {
  try {
    const match = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decodes one path segment. Ids travel percent-encoded (encodeURIComponent), and a segment that
 * starts with `~` loses that one `~`: clients send `.` and `..` (which URLs would swallow as dot
 * segments) as `~.` and `~..`, and ids that start with `~` with one more `~`.
 */
export function decodeIdSegment(segment: string): string {
  const decoded = decodeURIComponent(segment);
  return decoded.startsWith('~') ? decoded.slice(1) : decoded;
}

const ETAG = /^\s*"(\d{1,9})"\s*$/;

/** `expectedRevision` from If-Match / If-None-Match. */
function preconditionOf(request: http.IncomingMessage, allowCreate: boolean): number | null | undefined {
  const ifMatch = request.headers['if-match'];
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifMatch !== undefined && ifNoneMatch !== undefined)
    throw new MentorKitError('invalid-input', 'Send either If-Match (update) or If-None-Match: * (create), not both.', { path: 'If-Match' });
  if (ifNoneMatch !== undefined) {
    if (!allowCreate || ifNoneMatch.trim() !== '*')
      throw new MentorKitError('invalid-input', 'If-None-Match must be "*" (create: the record must not exist yet).', { path: 'If-None-Match' });
    return null;
  }
  if (ifMatch !== undefined) {
    const match = ETAG.exec(ifMatch);
    const revision = match ? Number(match[1]) : Number.NaN;
    if (!Number.isInteger(revision) || revision < 1)
      throw new MentorKitError('invalid-input', 'If-Match must be the quoted revision the change is based on, e.g. If-Match: "3".', { path: 'If-Match' });
    return revision;
  }
  return undefined;
}

interface ChangeEvent {
  collection: string;
  id: string;
  record?: StoredRecord;
  /** The record before a delete (for the read check; never sent). */
  previous?: StoredRecord;
  origin?: string | undefined;
}

interface Subscriber {
  caller: Caller;
  /** `person:<id>` or `service`. */
  actor: string;
  response: http.ServerResponse;
  closed: boolean;
}

/** Checks the options the server accepts but does not use yet (so a typo shows at start, not later). */
function checkReservedOptions(options: MentorKitServerOptions): void {
  const httpUrl = (name: string, value: string | undefined) => {
    if (value === undefined) return;
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
      throw new ServerConfigurationError(`${name} must be an absolute http(s) URL, e.g. https://mentoring.example.edu (got ${JSON.stringify(value)}).`);
  };
  httpUrl('MENTORKIT_PUBLIC_URL (publicUrl)', options.publicUrl);
  httpUrl('MENTORKIT_APP_URL (appUrl)', options.appUrl);
  if (options.smtpUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(options.smtpUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname)
      throw new ServerConfigurationError(
        `MENTORKIT_SMTP_URL (smtpUrl) must look like smtp://host:port or smtps://user:password@host:465 (got ${JSON.stringify(options.smtpUrl.replace(/\/\/[^@/]*@/, '//…@'))}).`,
      );
  }
  if (options.mailFrom !== undefined && !/^(?:[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+|[^<>]*<[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>)$/.test(options.mailFrom.trim())) {
    throw new ServerConfigurationError(
      `MENTORKIT_MAIL_FROM (mailFrom) must be an email address, e.g. mentoring@example.edu or "Mentoring <mentoring@example.edu>" (got ${JSON.stringify(options.mailFrom)}).`,
    );
  }
  for (const entry of options.fetchAllowHosts ?? []) {
    if (!isHostOrCidr(entry))
      throw new ServerConfigurationError(
        `MENTORKIT_FETCH_ALLOW_HOSTS: ${JSON.stringify(entry)} is not a host name, IP address or CIDR range (e.g. 127.0.0.1, 10.0.0.0/8, calendar.internal).`,
      );
  }
}

/** `calendar.internal`, `127.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`. */
export function isHostOrCidr(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  if (rest.length > 0 || !address) return false;
  const version = isIP(address);
  if (bits !== undefined) return version !== 0 && /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
  return version !== 0 || /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(address);
}

/**
 * Creates MentorKit's server. Throws `ServerConfigurationError` when the options cannot work (no
 * database, no way for people to sign in, a malformed setting), with what to change.
 */
export function createMentorKitServer(options: MentorKitServerOptions): MentorKitServer {
  if (!options || typeof options !== 'object')
    throw new ServerConfigurationError('createMentorKitServer needs options: { pool | databaseUrl, jwtSecret | jwksUrl | authenticate | devAuth, … }.');
  if (!options.pool && !options.databaseUrl)
    throw new ServerConfigurationError(
      'No database: pass `pool` (a pg.Pool) or `databaseUrl` (postgres://user@host:5432/database; the CLI reads DATABASE_URL).',
    );
  if (options.databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(options.databaseUrl))
    throw new ServerConfigurationError(
      'DATABASE_URL (databaseUrl) must start with postgres:// or postgresql://, e.g. postgres://mentorkit@127.0.0.1:5432/mentorkit.',
    );
  const identity = createIdentity(options);
  // With a secret key and a public URL, people can sign in through LTI launches alone.
  if (!identity.identifiesPeople && !(options.secretKey !== undefined && options.publicUrl)) {
    throw new ServerConfigurationError(
      'No way for people to sign in: set MENTORKIT_JWT_SECRET (jwtSecret) or MENTORKIT_JWKS_URL (jwksUrl), pass your own authenticate(request), or use --dev-auth (devAuth: true) for local development.',
    );
  }
  checkReservedOptions(options);
  const limits = resolveLimits({
    ...(options.maxRecordBytes ? { recordBytes: options.maxRecordBytes } : {}),
    ...(options.maxBlobBytes ? { attachmentBytes: options.maxBlobBytes } : {}),
    ...options.limits,
  });
  const corsOrigins = [...(options.corsOrigins ?? []), ...(options.corsOrigin && options.corsOrigin !== '*' ? [options.corsOrigin] : [])];
  const cors = createCors({ origins: corsOrigins, allowLoopbackOrigins: identity.devAuth });
  const ownsPool = !options.pool;
  const pool: Pool =
    options.pool ??
    new pg.Pool({ connectionString: options.databaseUrl, max: 10, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000, allowExitOnIdle: true });
  const validateRecords = options.validateRecords ?? true;
  const log = (line: string) => options.log?.(`[mentorkit-server] ${line}`);
  if (
    options.calendarRefreshMinutes !== undefined &&
    !(Number.isInteger(options.calendarRefreshMinutes) && options.calendarRefreshMinutes >= 1 && options.calendarRefreshMinutes <= 1440)
  ) {
    throw new ServerConfigurationError('calendarRefreshMinutes must be a whole number of minutes from 1 to 1440.');
  }
  const secrets: ServerSecrets | undefined = options.secretKey !== undefined || identity.devAuth ? createSecrets(options.secretKey) : undefined;
  let calendars: CalendarService | undefined;
  let lti: LtiService | undefined;
  let reminders: ReminderService | undefined;
  const subscribers = new Set<Subscriber>();
  const streamsByActor = new Map<string, number>();
  const sockets = new Set<Socket>();
  const requestOf = new WeakMap<http.ServerResponse, http.IncomingMessage>();
  let server: http.Server | undefined;
  let eventSequence = 0;
  let migrated: Promise<number[]> | undefined;

  // ─── what is in progress ────────────────────────────────────────────────────────────────────
  // Request bodies held in memory across all requests (limits.bodyBufferBytes): each request takes a
  // lease, given back when its handling is done. Uploads and record writes in progress per person.
  const bodyBudget = createBodyBudget(limits.bodyBufferBytes, { perPerson: limits.bodyBufferBytesPerPerson, recordReserve: recordReserveBytes(limits) });
  const leases = new WeakMap<http.IncomingMessage, BodyLease>();
  /** Requests with `Expect: 100-continue` not told to send their body yet: told when it is read. */
  const awaitingContinue = new WeakMap<http.IncomingMessage, http.ServerResponse>();
  const uploadsByActor = new Map<string, number>();
  const writesByActor = new Map<string, number>();
  const downloadsByActor = new Map<string, number>();
  let uploadsInProgress = 0;
  let downloadsInProgress = 0;
  let recordWritesInProgress = 0;
  let poolBusyAnswers = 0;
  let connectionsRefused = 0;

  /** One more in progress for `actor`, or HttpError 429 when `limit` are already; returns the release. */
  const startInProgress = (
    counts: Map<string, number>,
    actor: string,
    limit: number,
    refusal: () => HttpError,
    onChange: (delta: number) => void,
  ): (() => void) => {
    const open = counts.get(actor) ?? 0;
    if (open >= limit) throw refusal();
    counts.set(actor, open + 1);
    onChange(1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      onChange(-1);
      const left = (counts.get(actor) ?? 1) - 1;
      if (left > 0) counts.set(actor, left);
      else counts.delete(actor);
    };
  };

  /**
   * The body of a request, within its limit, the person's share and the instance's body budget (then
   * `Expect: 100-continue` is answered). `actor`: the person sending it (services have no share).
   */
  const readRequestBody = (
    request: http.IncomingMessage,
    limit: number,
    what: string,
    options: { actor?: string; kind?: 'attachment' | 'record' | 'other' } = {},
  ): Promise<Buffer> => {
    let lease = leases.get(request);
    if (!lease) {
      lease = bodyBudget.lease(options);
      leases.set(request, lease);
    }
    const body = readBody(request, limit, what, lease);
    // Only a body that will be read is asked for: readBody has admitted it by now (its declared
    // length within the person's share and what the instance has free), or refused it.
    const waiting = awaitingContinue.get(request);
    if (waiting && !waiting.headersSent && lease.admitted) {
      awaitingContinue.delete(request);
      waiting.writeContinue();
    }
    return body;
  };

  /** Operator lines that could repeat many times a second: at most one per REPEATED_LINE_MS and key. */
  const lastLine = new Map<string, { at: number; since: number }>();
  const logRepeated = (key: string, line: (since: number) => string) => {
    const now = Date.now();
    const entry = lastLine.get(key);
    if (entry && now - entry.at < REPEATED_LINE_MS) {
      entry.since++;
      return;
    }
    log(line((entry?.since ?? 0) + 1));
    lastLine.set(key, { at: now, since: 0 });
  };

  // ─── database availability ──────────────────────────────────────────────────────────────────
  // A client losing its connection (PostgreSQL restarting) emits 'error'; unhandled, that ends the
  // process. Every client gets a handler as it connects (covering it idle and checked out), the pool
  // one for idle clients; queries on a dead client fail and are answered 503.
  let databaseAvailable = true;
  let probe: NodeJS.Timeout | undefined;
  const unwatchPool = watchPool(pool, (error) => databaseDown(error));

  function databaseDown(error: unknown) {
    if (!databaseAvailable) return;
    databaseAvailable = false;
    log(`database unavailable (${describeError(error)}); answering 503 with Retry-After until it answers again`);
    if (!probe) {
      probe = setInterval(() => {
        void databaseReady();
      }, 1000);
      probe.unref();
    }
  }
  function databaseUp() {
    if (probe) {
      clearInterval(probe);
      probe = undefined;
    }
    if (databaseAvailable) return;
    databaseAvailable = true;
    log('database answers again');
  }
  /** The pool's size (pg-pool's `options.max`, 10 when not set). */
  const poolMax = (pool as unknown as { options?: { max?: number } }).options?.max ?? 10;
  /** Every client of the pool is checked out: a query would wait for one to come free. */
  const poolSaturated = () => pool.totalCount >= poolMax && pool.idleCount === 0;

  async function databaseReady(): Promise<boolean> {
    // A saturated pool says nothing about PostgreSQL: ask it over a connection of its own.
    if (poolSaturated()) return probeOutsidePool();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        pool.query('SELECT 1'),
        new Promise((_resolve, reject) => {
          timer = setTimeout(() => reject(READY_TIMEOUT), 3000);
        }),
      ]);
      databaseUp();
      return true;
    } catch (error) {
      if ((error === READY_TIMEOUT || isPoolBusy(error)) && poolSaturated()) return probeOutsidePool();
      // No answer within 3 s is "not ready" (it may only be busy); a failed connection is "down".
      if (error !== READY_TIMEOUT && isConnectionError(error)) databaseDown(error);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * SELECT 1 over a connection outside the pool (the pool's settings), while the pool is saturated. At
   * most one at a time and one per 2 s whoever asks (/health/ready needs no token): the answer is shared.
   * An error PostgreSQL sends (too many connections, say) is an answer too: it is up.
   */
  let outsideProbe: { at: number; result: Promise<boolean> } | undefined;
  function probeOutsidePool(): Promise<boolean> {
    if (outsideProbe && Date.now() - outsideProbe.at < 2000) return outsideProbe.result;
    const result = (async () => {
      const Client = (pool as unknown as { Client?: typeof pg.Client }).Client ?? pg.Client;
      const settings = (pool as unknown as { options?: pg.ClientConfig }).options ?? {};
      const client = new Client({ ...settings, connectionTimeoutMillis: 3000 });
      client.on('error', () => undefined);
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          client.connect().then(() => client.query('SELECT 1')),
          new Promise((_resolve, reject) => {
            timer = setTimeout(() => reject(READY_TIMEOUT), 3000);
          }),
        ]);
        databaseUp();
        return true;
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        const answered = error !== READY_TIMEOUT && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !isConnectionError(error);
        if (!answered && error !== READY_TIMEOUT && isConnectionError(error)) databaseDown(error);
        return answered;
      } finally {
        clearTimeout(timer);
        void client.end().catch(() => undefined);
      }
    })();
    outsideProbe = { at: Date.now(), result };
    return result;
  }

  const ensureMigrated = () => {
    migrated ??= migrate(pool).then(
      async (applied) => {
        if (applied.length > 0) log(`applied schema migrations ${applied.join(', ')}`);
        await pool.query("DELETE FROM mk_idempotency WHERE created_at < now() - interval '1 day'");
        calendars?.start(options.calendarWorkIntervalMs);
        lti?.start(options.calendarWorkIntervalMs);
        reminders?.start();
        return applied;
      },
      (error: unknown) => {
        migrated = undefined; // try again with the next request
        throw error;
      },
    );
    return migrated;
  };

  // ─── answers ────────────────────────────────────────────────────────────────────────────────

  const baseHeaders = (response: http.ServerResponse): Record<string, string> => {
    const request = requestOf.get(response);
    return { ...(request ? cors.headersFor(request) : { Vary: 'Origin' }), 'X-Content-Type-Options': 'nosniff' };
  };

  /** Before an answer: a body still arriving is drained after it, on a connection then closed. */
  const beforeAnswer = (response: http.ServerResponse) => {
    const request = requestOf.get(response);
    if (!request) return;
    if (bodyStillArriving(request)) lingerAfterResponse(request, response);
    // Answered without asking for the body (Expect: 100-continue): it may still come, so the
    // connection cannot carry another request.
    else if (awaitingContinue.has(request) && !response.headersSent) response.setHeader('Connection', 'close');
  };

  const send = (response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    beforeAnswer(response);
    response.writeHead(status, { ...baseHeaders(response), 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
    response.end(text);
  };

  /** Answers with a body as it is (a PDF, an HTML page): the caller gives its Content-Type. */
  const sendBody = (response: http.ServerResponse, status: number, body: string | Uint8Array, headers: Record<string, string>) => {
    beforeAnswer(response);
    response.writeHead(status, { ...baseHeaders(response), 'Cache-Control': 'no-store', ...headers });
    response.end(body);
  };

  const sendError = (response: http.ServerResponse, error: unknown) => {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    if (error instanceof HttpError) return send(response, error.status, error.error.toJSON(), error.headers);
    if (error instanceof AttachmentQuotaExceeded) {
      return send(
        response,
        413,
        new MentorKitError(
          'invalid-input',
          `This attachment (${formatBytes(error.adding)}) would take your attachments to ${formatBytes(error.used + error.adding)}, past your quota of ${formatBytes(error.quota)}; delete attachments you no longer need first.`,
          { path: 'body', details: { quota: error.quota, used: error.used, size: error.adding } },
        ).toJSON(),
      );
    }
    if (isMentorKitError(error)) return send(response, STATUS_BY_CODE[error.code] ?? 500, (error as MentorKitError).toJSON());
    if (error instanceof CommitOutcomeUnknown) {
      databaseDown(error);
      log(`outcome unknown: ${error.message}`);
      return send(
        response,
        500,
        new MentorKitError(
          'storage-error',
          'The database connection failed while saving; the change may or may not be stored. Read the record before trying again (or repeat the request with the same Idempotency-Key).',
        ).toJSON(),
      );
    }
    if (isPoolBusy(error) && databaseAvailable) {
      // Every connection is checked out and none came free in time: busy, not down (readiness holds).
      poolBusyAnswers++;
      logRepeated(
        'pool busy',
        (times) =>
          `busy: all ${poolMax} database connections in use (${pool.waitingCount} requests waiting); answered 503 with Retry-After to ${times} ${times === 1 ? 'request' : 'requests'} since the last such line`,
      );
      return send(
        response,
        503,
        new MentorKitError('storage-error', 'The server is busy: every database connection is in use. Nothing was changed; try again in a moment.').toJSON(),
        { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS) },
      );
    }
    if (isConnectionError(error) || isPoolBusy(error)) {
      databaseDown(error);
      return send(response, 503, new MentorKitError('storage-error', 'The database is unavailable; nothing was changed. Try again shortly.').toJSON(), {
        'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS),
      });
    }
    log(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error)}`);
    return send(response, 500, new MentorKitError('storage-error', 'The server failed unexpectedly; nothing is known to have changed.').toJSON());
  };

  // ─── change streams ─────────────────────────────────────────────────────────────────────────

  const removeSubscriber = (subscriber: Subscriber) => {
    if (subscriber.closed) return;
    subscriber.closed = true;
    subscribers.delete(subscriber);
    const open = (streamsByActor.get(subscriber.actor) ?? 1) - 1;
    if (open > 0) streamsByActor.set(subscriber.actor, open);
    else streamsByActor.delete(subscriber.actor);
  };

  /** Tells a subscriber to reconnect and re-read (best effort), then drops it. `why` undefined: logged by the caller. */
  const resync = (subscriber: Subscriber, why: string | undefined) => {
    if (subscriber.closed) return;
    removeSubscriber(subscriber);
    if (why !== undefined) log(`change stream of ${subscriber.actor} dropped: ${why}; sent resync`);
    const { response } = subscriber;
    response.write('event: resync\ndata: {}\n\n');
    response.end();
    // A subscriber that does not read never lets the end through: cut it after a moment.
    setTimeout(() => response.destroy(), 2000).unref();
  };

  /** Writes to a change stream unless too much is already waiting for it (then resync and drop). */
  const deliver = (subscriber: Subscriber, data: string) => {
    if (subscriber.closed) return;
    const waiting = subscriber.response.writableLength;
    if (waiting > limits.changeStreamBufferBytes) return resync(subscriber, `${waiting} bytes waiting (it does not read)`);
    subscriber.response.write(data);
  };

  // Committed changes waiting to be sent to change streams, oldest first. One change is decided for
  // all subscribers at once: the pairings, programmes and people once, the related records every
  // reader's decision needs (held feedback: the reader's own notes) in one query per collection, one
  // decision per person (not per stream). When the queue falls behind (PUBLISH_BACKLOG changes, or the
  // oldest waiting PUBLISH_LAG_MS), what is queued is dropped and every stream is sent resync.
  const pendingChanges: Array<{ change: ChangeEvent; at: number }> = [];
  let publishRunning = false;

  /** Sends committed changes to change streams, in commit order, each to the callers who may read it. */
  /** A committed change for the change streams; `announced`: other instances know already (it came from one, or its transaction told them). */
  const publish = (change: ChangeEvent, announced = false) => {
    if (!announced) bus.announce(change);
    if (subscribers.size === 0) return;
    pendingChanges.push({ change, at: Date.now() });
    if (publishRunning) return;
    publishRunning = true;
    void drainChanges().finally(() => (publishRunning = false));
  };

  const drainChanges = async () => {
    while (pendingChanges.length > 0) {
      const behind = pendingChanges.length;
      const waited = Date.now() - pendingChanges[0]!.at;
      if (behind > PUBLISH_BACKLOG || waited > PUBLISH_LAG_MS) {
        pendingChanges.length = 0;
        const dropped = [...subscribers];
        log(`change streams fell behind (${behind} changes waiting, the oldest for ${waited} ms): sent resync to ${dropped.length} streams`);
        for (const subscriber of dropped) resync(subscriber, undefined);
        continue;
      }
      const { change } = pendingChanges.shift()!;
      await publishOne(change).catch((error: unknown) => log(`publishing a change failed: ${describeError(error)}`));
    }
  };

  const publishOne = async (change: ChangeEvent) => {
    if (subscribers.size === 0) return;
    const data = `id: ${++eventSequence}\nevent: change\ndata: ${JSON.stringify({ collection: change.collection, id: change.id, ...(change.record ? { record: change.record } : {}), ...(change.origin ? { origin: change.origin } : {}) })}\n\n`;
    const subject = change.record ?? change.previous;
    const readers = new Map<string, Subscriber[]>();
    for (const subscriber of [...subscribers]) {
      if (subscriber.caller.kind !== 'person') deliver(subscriber, data);
      else if (subject) readers.set(subscriber.caller.personId, [...(readers.get(subscriber.caller.personId) ?? []), subscriber]);
    }
    if (readers.size === 0 || !subject) return;
    let base: PolicyBase | undefined;
    try {
      base = await loadPolicyBase(pool);
    } catch {
      // Without the policy's view (database gone) nobody can be told what changed: re-read later.
      for (const subscriber of [...readers.values()].flat()) resync(subscriber, 'the access rules could not be read to filter a change');
      return;
    }
    // Rules over related records (held feedback) need each reader's own records too: one query per collection for all of them.
    const needsOf = new Map<string, Need[]>();
    const wheres = new Map<string, Map<string, Need['where']>>();
    for (const personId of readers.keys()) {
      const needs = readNeeds(personId, change.collection, [subject]);
      needsOf.set(personId, needs);
      for (const need of needs) {
        const byKey = wheres.get(need.collection) ?? new Map<string, Need['where']>();
        byKey.set(JSON.stringify(need.where), need.where);
        wheres.set(need.collection, byKey);
      }
    }
    const loaded = new Map<string, StoredRecord[]>();
    let relatedFailed = false;
    try {
      for (const [collection, byKey] of wheres) loaded.set(collection, await queryRecordsMatchingAny(pool, collection, [...byKey.values()]));
    } catch {
      relatedFailed = true;
    }
    const shared = withNeeds(base, [], loaded);
    for (const [personId, streams] of readers) {
      const needs = needsOf.get(personId)!;
      if (needs.length > 0 && relatedFailed) {
        for (const subscriber of streams) resync(subscriber, 'the records the access rules need could not be read to filter a change');
        continue;
      }
      const context = needs.length === 0 ? shared : withNeeds(base, needs, loaded);
      if (!allowed(context, personId, 'read', change.collection, subject).allowed) continue;
      for (const subscriber of streams) deliver(subscriber, data);
    }
  };

  const originOf = (request: http.IncomingMessage) => {
    const origin = request.headers['mentorkit-client'];
    return typeof origin === 'string' && origin.length <= 100 ? origin : undefined;
  };

  const idempotencyKeyOf = (request: http.IncomingMessage) => {
    const key = request.headers['idempotency-key'];
    if (key === undefined) return undefined;
    if (typeof key !== 'string' || key.length === 0 || key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
      throw new MentorKitError('invalid-input', 'Idempotency-Key must be 1–200 visible ASCII characters (a UUID is ideal).', { path: 'Idempotency-Key' });
    }
    return key;
  };

  const actorKey = (caller: Caller) => (caller.kind === 'service' ? 'service' : `person:${caller.personId}`);

  /** Within a write's transaction: the stored answer to an earlier request with the same key, if any. */
  const replayed = async (client: PoolClient, caller: Caller, key: string | undefined, method: string, path: string) => {
    if (!key) return undefined;
    const { rows } = await client.query<{ method: string; path: string; status: number; body: string }>(
      'SELECT method, path, status, body FROM mk_idempotency WHERE actor = $1 AND key = $2',
      [actorKey(caller), key],
    );
    const row = rows[0];
    if (!row) return undefined;
    if (row.method !== method || row.path !== path) {
      throw new HttpError(
        422,
        new MentorKitError('invalid-input', `This Idempotency-Key was already used for ${row.method} ${row.path}; use a new key for every different write.`, {
          path: 'Idempotency-Key',
        }),
      );
    }
    return row;
  };

  const remember = async (client: PoolClient, caller: Caller, key: string | undefined, method: string, path: string, status: number, body: string) => {
    if (!key) return;
    try {
      await client.query('INSERT INTO mk_idempotency (actor, key, method, path, status, body) VALUES ($1, $2, $3, $4, $5, $6)', [
        actorKey(caller),
        key,
        method,
        path,
        status,
        body,
      ]);
    } catch (error) {
      // Another write with this key (on another path) committed first: this one is rolled back.
      if ((error as { code?: unknown }).code === '23505') {
        throw new HttpError(
          422,
          new MentorKitError(
            'invalid-input',
            'This Idempotency-Key is used by another write at the same moment; nothing was changed. Use a new key for every different write.',
            { path: 'Idempotency-Key' },
          ),
        );
      }
      throw error;
    }
  };

  // ─── records ────────────────────────────────────────────────────────────────────────────────

  const getRecord = async (caller: Caller, collection: string, id: string, response: http.ServerResponse) => {
    const record = await readRecord(pool, collection, id);
    if (record && caller.kind === 'person') {
      const context = await readContext(pool, caller.personId, collection, [record]);
      if (!allowed(context, caller.personId, 'read', collection, record).allowed) return notFound(collection, id);
    }
    if (!record) return notFound(collection, id);
    send(response, 200, record, { ETag: `"${record.revision}"` });
  };

  const notFound = (collection: string, id: string): never => {
    throw new MentorKitError('not-found', `There is no ${collection} record "${id}" (or you may not see it).`, { path: 'id' });
  };

  const queryCollection = async (caller: Caller, collection: string, url: URL, response: http.ServerResponse) => {
    // No prototype: ?__proto__=1 is a filter on a field named "__proto__", not a silent no-op.
    const where = Object.create(null) as Record<string, string | number | boolean>;
    for (const [field, raw] of url.searchParams) {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        value = undefined;
      }
      if (!(typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))) {
        throw new MentorKitError(
          'invalid-input',
          `Filter \`${field}\` must be a JSON string, number or boolean, e.g. ?${field}=%22ana%22 for the text "ana" or ?${field}=3 for the number 3 (got ${JSON.stringify(raw.slice(0, 40))}).`,
          { path: `where.${field}` },
        );
      }
      if (!isWellFormedText(field) || (typeof value === 'string' && !isWellFormedText(value)))
        throw new MentorKitError('invalid-input', `Filter \`${field.slice(0, 40)}\` holds text that is not well-formed Unicode (a lone surrogate).`, {
          path: `where.${field}`,
        });
      if (Object.hasOwn(where, field)) throw new MentorKitError('invalid-input', `Filter \`${field}\` is given twice.`, { path: `where.${field}` });
      where[field] = value;
    }
    let records = await queryRecords(pool, collection, where);
    if (caller.kind === 'person') {
      const context = await readContext(pool, caller.personId, collection, records);
      records = records.filter((record) => allowed(context, caller.personId, 'read', collection, record).allowed);
    }
    send(response, 200, { records });
  };

  /** A person's record write in progress (limits.recordWritesPerPerson); services are not counted. */
  const startRecordWrite = (caller: Caller) => {
    if (caller.kind !== 'person') return () => undefined;
    return startInProgress(
      writesByActor,
      actorKey(caller),
      limits.recordWritesPerPerson,
      () =>
        new HttpError(
          429,
          new MentorKitError(
            'forbidden',
            `You already have ${limits.recordWritesPerPerson} record writes in progress; wait for them to finish, then send this one again.`,
            { path: 'record', details: { limit: limits.recordWritesPerPerson } },
          ),
          { 'Retry-After': String(IN_PROGRESS_RETRY_AFTER_SECONDS) },
        ),
      (delta) => (recordWritesInProgress += delta),
    );
  };

  const putRecord = async (caller: Caller, collection: string, id: string, request: http.IncomingMessage, response: http.ServerResponse, path: string) => {
    const expectedRevision = preconditionOf(request, true);
    const key = idempotencyKeyOf(request);
    const finished = startRecordWrite(caller);
    try {
      await putRecordInProgress(caller, collection, id, request, response, path, expectedRevision, key);
    } finally {
      finished();
    }
  };

  const putRecordInProgress = async (
    caller: Caller,
    collection: string,
    id: string,
    request: http.IncomingMessage,
    response: http.ServerResponse,
    path: string,
    expectedRevision: number | null | undefined,
    key: string | undefined,
  ) => {
    const input = parseJsonBody(
      await readRequestBody(request, limits.recordBytes, 'The record', { kind: 'record', ...(caller.kind === 'person' ? { actor: actorKey(caller) } : {}) }),
      { maxDepth: limits.jsonDepth, path: 'record' },
    );
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      throw new MentorKitError('invalid-input', 'The body must be a JSON object (the record).', { path: 'record' });
    const candidate = input as Record<string, unknown>;
    if (candidate.id === undefined) candidate.id = id;
    if (candidate.id !== id)
      throw new MentorKitError('invalid-input', `The record's id (${JSON.stringify(candidate.id)}) differs from the id in the URL (${JSON.stringify(id)}).`, {
        path: 'record.id',
      });
    assertStorableRecord(candidate);
    const record = candidate as RecordInput;
    const prepared = caller.kind === 'person' ? preparePersonRecord(collection, record, validateRecords) : record;

    const outcome = await withRecordLock(pool, collection, id, async (client) => {
      const earlier = await replayed(client, caller, key, 'PUT', path);
      if (earlier) return { replay: earlier };
      const current = await readCurrent(client, collection, id);
      const toStore = caller.kind === 'person' ? await authorizePersonPut(client, caller.personId, collection, prepared, current, expectedRevision) : prepared;
      const stored = nextStoredRecord(
        collection,
        current.record,
        toStore,
        expectedRevision === undefined ? undefined : { expectedRevision },
        new Date().toISOString(),
        current.tombstoneRevision,
      );
      await writeRecord(client, collection, stored);
      if (collection === 'sessions') await calendars?.queueSessionWrite(client, id, stored, current.record);
      await bus.announceIn(client, { collection, id, record: stored, ...(originOf(request) ? { origin: originOf(request)! } : {}) });
      const status = current.record ? 200 : 201;
      const text = JSON.stringify(stored);
      await remember(client, caller, key, 'PUT', path, status, text);
      return { stored, status, text };
    });
    if ('replay' in outcome) {
      const replay = outcome.replay!;
      return send(response, replay.status, replay.body, { ETag: `"${(JSON.parse(replay.body) as StoredRecord).revision}"`, 'Idempotent-Replayed': 'true' });
    }
    publish({ collection, id, record: outcome.stored, origin: originOf(request) }, true);
    if (collection === 'sessions') void calendars?.kick();
    send(response, outcome.status, outcome.text, { ETag: `"${outcome.stored.revision}"` });
  };

  const deleteRecord = async (caller: Caller, collection: string, id: string, request: http.IncomingMessage, response: http.ServerResponse, path: string) => {
    const expectedRevision = preconditionOf(request, false) as number | undefined;
    const key = idempotencyKeyOf(request);
    const finished = startRecordWrite(caller);
    try {
      await deleteRecordInProgress(caller, collection, id, request, response, path, expectedRevision, key);
    } finally {
      finished();
    }
  };

  const deleteRecordInProgress = async (
    caller: Caller,
    collection: string,
    id: string,
    request: http.IncomingMessage,
    response: http.ServerResponse,
    path: string,
    expectedRevision: number | undefined,
    key: string | undefined,
  ) => {
    const outcome = await withRecordLock(pool, collection, id, async (client) => {
      const earlier = await replayed(client, caller, key, 'DELETE', path);
      if (earlier) return { replay: earlier };
      const current = await readCurrent(client, collection, id);
      let visible = current.record;
      if (caller.kind === 'person' && visible) {
        const context = await readContext(client, caller.personId, collection, [visible]);
        if (!allowed(context, caller.personId, 'read', collection, visible).allowed)
          visible = undefined; // as if missing: do not reveal it
        else {
          const decision = allowed(context, caller.personId, 'delete', collection, visible, visible);
          if (!decision.allowed) throw new MentorKitError('forbidden', decision.reason, { path: collection, details: { action: 'delete', collection, id } });
        }
      }
      if (!checkDelete(collection, id, visible, expectedRevision === undefined ? undefined : { expectedRevision })) {
        return { missing: true as const };
      }
      await writeTombstone(client, collection, id, new Date().toISOString());
      if (collection === 'sessions') await calendars?.queueSessionWrite(client, id, undefined, current.record);
      await bus.announceIn(client, { collection, id, previous: current.record!, ...(originOf(request) ? { origin: originOf(request)! } : {}) });
      const text = JSON.stringify({ deleted: true });
      await remember(client, caller, key, 'DELETE', path, 200, text);
      return { previous: visible!, text };
    });
    if ('replay' in outcome) return send(response, outcome.replay!.status, outcome.replay!.body, { 'Idempotent-Replayed': 'true' });
    if ('missing' in outcome) return notFound(collection, id);
    publish({ collection, id, previous: outcome.previous, origin: originOf(request) }, true);
    if (collection === 'sessions') void calendars?.kick();
    send(response, 200, outcome.text);
  };

  // ─── blobs ──────────────────────────────────────────────────────────────────────────────────

  const putBlob = async (caller: Caller, id: string, request: http.IncomingMessage, response: http.ServerResponse) => {
    const type = request.headers['content-type'] ?? '';
    if (type !== '' && !isValidMediaType(type))
      throw new MentorKitError(
        'invalid-input',
        `Content-Type ${JSON.stringify(type.slice(0, 80))} is not a media type; send the attachment's type, e.g. audio/webm or image/png.`,
        { path: 'Content-Type' },
      );
    const finished =
      caller.kind === 'person'
        ? startInProgress(
            uploadsByActor,
            actorKey(caller),
            limits.attachmentUploadsPerPerson,
            () =>
              new HttpError(
                429,
                new MentorKitError(
                  'forbidden',
                  `You already have ${limits.attachmentUploadsPerPerson} attachment uploads in progress; wait for one to finish, then send this one again.`,
                  { path: 'body', details: { limit: limits.attachmentUploadsPerPerson } },
                ),
                { 'Retry-After': String(IN_PROGRESS_RETRY_AFTER_SECONDS) },
              ),
            (delta) => (uploadsInProgress += delta),
          )
        : () => undefined;
    try {
      // Everything that can refuse the upload is asked before a byte of it is read.
      const declared = Number(request.headers['content-length'] ?? Number.NaN);
      const known = Number.isSafeInteger(declared) && declared >= 0;
      if (known && declared > limits.attachmentBytes) throw bodyTooLarge(limits.attachmentBytes, 'The attachment');
      // An id someone else stored, now or before they deleted it, is taken (the same answer for both).
      if (caller.kind === 'person') {
        const owner = await blobIdOwner(pool, id);
        if (owner !== undefined && owner !== actorKey(caller)) throw attachmentIdTaken(id);
      }
      if (caller.kind === 'person' && known) {
        // The quota's pre-check (413 at once, nothing read); the transaction below is the guarantee.
        const used = await attachmentBytesUsed(pool, actorKey(caller), id);
        if (used + declared > limits.attachmentQuotaBytesPerPerson) throw new AttachmentQuotaExceeded(used, declared, limits.attachmentQuotaBytesPerPerson);
      }
      const bytes = await readRequestBody(request, limits.attachmentBytes, 'The attachment', {
        kind: 'attachment',
        ...(caller.kind === 'person' ? { actor: actorKey(caller) } : {}),
      });
      const info =
        caller.kind === 'person'
          ? await putOwnedBlobRow(pool, id, type, bytes, actorKey(caller), limits.attachmentQuotaBytesPerPerson)
          : await putBlobRow(pool, id, type, bytes, actorKey(caller));
      send(response, 200, info);
    } finally {
      finished();
    }
  };

  /**
   * Sends an attachment piece by piece: each piece (DOWNLOAD_CHUNK_BYTES) is one short query (no
   * database connection is held while the client reads), the next is read once the client has taken
   * the last (back-pressure), so a download holds at most one piece in memory. Per person at most
   * limits.attachmentDownloadsPerPerson at once (429), on the instance limits.attachmentDownloads (503).
   */
  const getBlob = async (caller: Caller, id: string, request: http.IncomingMessage, response: http.ServerResponse) => {
    if (downloadsInProgress >= limits.attachmentDownloads) {
      throw new HttpError(
        503,
        new MentorKitError('storage-error', `The server is already sending ${limits.attachmentDownloads} attachments; try again in a few seconds.`, {
          path: 'id',
          details: { limit: limits.attachmentDownloads },
        }),
        { 'Retry-After': String(IN_PROGRESS_RETRY_AFTER_SECONDS) },
      );
    }
    const finished =
      caller.kind === 'person'
        ? startInProgress(
            downloadsByActor,
            actorKey(caller),
            limits.attachmentDownloadsPerPerson,
            () =>
              new HttpError(
                429,
                new MentorKitError(
                  'forbidden',
                  `You already have ${limits.attachmentDownloadsPerPerson} attachment downloads in progress; wait for one to finish, then ask again.`,
                  { path: 'id', details: { limit: limits.attachmentDownloadsPerPerson } },
                ),
                { 'Retry-After': String(IN_PROGRESS_RETRY_AFTER_SECONDS) },
              ),
            (delta) => (downloadsInProgress += delta),
          )
        : (() => {
            downloadsInProgress++;
            let done = false;
            return () => {
              if (!done) downloadsInProgress--;
              done = true;
            };
          })();
    try {
      const meta = await getBlobMeta(pool, id);
      if (!meta || !(await blobOwnerCheck(pool, caller, id, 'read')))
        throw new MentorKitError('not-found', `There is no attachment "${id}" (or you may not see it).`, { path: 'id' });
      // Never a page: a safe type (else application/octet-stream), a download, no sniffing, no script.
      const type = servedAttachmentType(meta.type);
      const first = await readBlobChunk(pool, id, meta.version, 0, DOWNLOAD_CHUNK_BYTES);
      if (first === undefined) throw new MentorKitError('not-found', `There is no attachment "${id}" (or you may not see it).`, { path: 'id' });
      response.writeHead(200, {
        ...baseHeaders(response),
        ...(type ? { 'Content-Type': type } : {}),
        'Content-Length': String(meta.size),
        // A neutral name (attachment.<extension of the served type>), never the uploader's id.
        'Content-Disposition': attachmentDisposition(type),
        'Content-Security-Policy': "sandbox; default-src 'none'",
        'Cache-Control': 'private, no-store',
      });
      let sent = 0;
      let chunk: Buffer | undefined = first;
      for (;;) {
        sent += chunk.length;
        if (sent >= meta.size || chunk.length === 0) {
          response.end(chunk);
          return;
        }
        if (!response.write(chunk) && !(await drained(request, response))) {
          response.destroy();
          return;
        }
        chunk = await readBlobChunk(pool, id, meta.version, sent, DOWNLOAD_CHUNK_BYTES);
        // Replaced or deleted meanwhile: the download cannot be completed consistently.
        if (chunk === undefined) {
          response.destroy();
          return;
        }
      }
    } finally {
      finished();
    }
  };

  /** Waits until the client has taken what was written (true), or went away or read nothing for DOWNLOAD_STALL_MS (false). */
  const drained = (request: http.IncomingMessage, response: http.ServerResponse) =>
    new Promise<boolean>((resolve) => {
      if (response.destroyed) return resolve(false);
      const done = (result: boolean) => {
        clearTimeout(timer);
        response.off('drain', onDrain);
        response.off('close', onClose);
        request.off('close', onClose);
        resolve(result);
      };
      const onDrain = () => done(true);
      const onClose = () => done(false);
      const timer = setTimeout(() => done(false), DOWNLOAD_STALL_MS);
      response.on('drain', onDrain);
      response.on('close', onClose);
    });

  const deleteBlob = async (caller: Caller, id: string, response: http.ServerResponse) => {
    const owner = await getBlobOwner(pool, id);
    if (owner === undefined || !(await blobOwnerCheck(pool, caller, id, 'read')))
      throw new MentorKitError('not-found', `There is no attachment "${id}" (or you may not see it).`, { path: 'id' });
    if (!(await blobOwnerCheck(pool, caller, id, 'write')))
      throw new MentorKitError('forbidden', 'Only the person who uploaded this attachment can delete it.', { path: 'id' });
    await deleteBlobRow(pool, id);
    send(response, 200, { deleted: true });
  };

  // ─── change stream ──────────────────────────────────────────────────────────────────────────

  // Other instances' changes reach this instance's streams through PostgreSQL (change-bus.ts).
  const bus = createChangeBus({
    pool,
    log,
    onRemote: (change) => publish(change, true),
    onGap: (reason) => {
      if (subscribers.size > 0) log(`${reason}: ${subscribers.size} change streams resync`);
      for (const subscriber of [...subscribers]) resync(subscriber, undefined);
    },
  });

  const openChangeStream = async (caller: Caller, request: http.IncomingMessage, response: http.ServerResponse) => {
    // Listen for other instances' changes before the stream starts (what they write from now on reaches it).
    if (!bus.listening) await bus.listen();
    const actor = actorKey(caller);
    if (subscribers.size >= limits.changeStreams) {
      throw new HttpError(
        503,
        new MentorKitError('storage-error', `This server already serves ${limits.changeStreams} change streams; try again shortly.`, { path: 'changes' }),
        { 'Retry-After': '10' },
      );
    }
    if (caller.kind === 'person' && (streamsByActor.get(actor) ?? 0) >= limits.changeStreamsPerPerson) {
      throw new HttpError(
        429,
        new MentorKitError(
          'forbidden',
          `You already have ${limits.changeStreamsPerPerson} change streams open (one per open page); close one, or try again shortly.`,
          { path: 'changes', details: { limit: limits.changeStreamsPerPerson } },
        ),
        { 'Retry-After': '10' },
      );
    }
    response.writeHead(200, {
      ...baseHeaders(response),
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.write('retry: 1000\n: connected\n\n');
    const subscriber: Subscriber = { caller, actor, response, closed: false };
    subscribers.add(subscriber);
    streamsByActor.set(actor, (streamsByActor.get(actor) ?? 0) + 1);
    const heartbeat = setInterval(() => deliver(subscriber, ': ping\n\n'), 15_000);
    heartbeat.unref();
    const stop = () => {
      clearInterval(heartbeat);
      removeSubscriber(subscriber);
    };
    request.on('close', stop);
    response.on('close', stop);
    response.on('error', stop);
  };

  // ─── development sign-in ────────────────────────────────────────────────────────────────────

  const issueDevToken = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (!isLoopbackHost(request.socket.localAddress ?? ''))
      throw new HttpError(403, new MentorKitError('forbidden', 'Development tokens are only issued on a loopback address.', { path: 'url' }));
    const input = parseJsonBody(await readRequestBody(request, limits.smallBodyBytes, 'The body'), { maxDepth: 4, path: 'body' });
    const personId = (input as { personId?: unknown } | null)?.personId;
    if (!isAcceptablePersonId(personId))
      throw new MentorKitError('invalid-input', 'Send { "personId": "<the person\'s id>" } (1–200 characters).', { path: 'personId' });
    send(response, 200, await identity.issueDevToken(personId));
  };

  // ─── calendars (calendars/service.ts) ───────────────────────────────────────────────────────

  let disposed = false;
  if (secrets) {
    if (secrets.ephemeral)
      log(
        'WARNING: MENTORKIT_SECRET_KEY is not set: calendar addresses and passwords are encrypted with a key that lives only as long as this process (--dev-auth); connected calendars must be connected again after a restart.',
      );
    calendars = createCalendarService({
      pool,
      secrets,
      fetch: createOutboundFetch({ allowHosts: options.fetchAllowHosts ?? [], userAgent: 'MentorKit calendar reader' }),
      ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      uidDomain: options.publicUrl ? new URL(options.publicUrl).hostname : 'mentorkit.invalid',
      ...(options.calendarRefreshMinutes !== undefined ? { refreshMinutes: options.calendarRefreshMinutes } : {}),
      log,
      publish: (change) => publish(change),
      readJson: async (request, limitBytes) => parseJsonBody(await readRequestBody(request, limitBytes, 'The body'), { maxDepth: 4, path: 'body' }),
      send,
      running: () => !disposed,
    });
  }
  // Keys for what must work without MENTORKIT_SECRET_KEY (LTI's signing key and launch tokens, signed
  // links in emails): MENTORKIT_SECRET_KEY; without it, a key derived from MENTORKIT_JWT_SECRET
  // (HKDF-separated); without either, a key of this process only.
  const signingSecrets =
    secrets ??
    (options.jwtSecret
      ? createSecrets(createHash('sha256').update(`mentorkit lti\u0000${options.jwtSecret}`, 'utf8').digest('hex'))
      : createSecrets(undefined));
  if (!secrets && !options.jwtSecret)
    log(
      "WARNING: neither MENTORKIT_SECRET_KEY nor MENTORKIT_JWT_SECRET is set: LTI launch tokens and the tool's signing key use a key of this process only (one instance; people launch again after a restart, and the tool publishes a new key). Set MENTORKIT_SECRET_KEY.",
    );
  {
    lti = createLtiService({
      pool,
      secrets: signingSecrets,
      fetch: createOutboundFetch({ allowHosts: options.fetchAllowHosts ?? [], userAgent: 'MentorKit LTI tool' }),
      ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      devAuth: identity.devAuth,
      ...(options.ltiAssetsUrl ? { assetsUrl: options.ltiAssetsUrl } : {}),
      ...((options.ltiAssetsDir ?? findElementsCdn()) ? { assetsDir: options.ltiAssetsDir ?? findElementsCdn()! } : {}),
      ...(options.ltiRosterMinutes !== undefined ? { rosterMinutes: options.ltiRosterMinutes } : {}),
      log,
      publish: (change) => publish(change),
      readBody: (request, limitBytes) => readRequestBody(request, limitBytes, 'The body'),
      readJson: async (request, limitBytes) => {
        const bytes = await readRequestBody(request, limitBytes, 'The body');
        return bytes.length === 0 ? undefined : parseJsonBody(bytes, { maxDepth: 6, path: 'body' });
      },
      send,
      identify: (request) => identity.identify(request),
      running: () => !disposed,
    });
  }
  // ─── reminders by email (reminders/service.ts) ──────────────────────────────────────────────
  reminders = createReminderService({
    pool,
    log,
    send,
    readJson: async (request, limitBytes) => parseJsonBody(await readRequestBody(request, limitBytes, 'The body'), { maxDepth: 4, path: 'body' }),
    readBody: (request, limitBytes) => readRequestBody(request, limitBytes, 'The body'),
    secrets: signingSecrets,
    allowHosts: options.fetchAllowHosts ?? [],
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}),
    ...(options.mailFrom ? { mailFrom: options.mailFrom } : {}),
    ...(options.appUrl ? { appUrl: options.appUrl } : {}),
    ...(options.reminderIntervalMinutes !== undefined ? { intervalMinutes: options.reminderIntervalMinutes } : {}),
    ...(options.reminderRetryDelaySeconds !== undefined ? { retryDelaySeconds: options.reminderRetryDelaySeconds } : {}),
    ...(options.now ? { now: options.now } : {}),
    // The escalation ladder closes silent pairings (when a programme turns that on): streams hear of it.
    publish: (change) => publish(change),
    running: () => !disposed,
  });
  // ─── the programme report for its admins (reports.ts) ───────────────────────────────────────
  const reports = createReportService({ pool, send, ...(options.now ? { now: options.now } : {}) });
  // ─── certificates of participation (certificates/service.ts) ─────────────────────────────────
  const certificates = createCertificateService({
    pool,
    log,
    send,
    sendBody,
    readJson: async (request, limitBytes) => parseJsonBody(await readRequestBody(request, limitBytes, 'The body'), { maxDepth: 4, path: 'body' }),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const calendarsOff = () =>
    new MentorKitError('unsupported', 'Calendars are off on this server: the operator sets MENTORKIT_SECRET_KEY (secretKey) to turn them on.', { path: 'url' });

  // ─── routing ────────────────────────────────────────────────────────────────────────────────

  const route = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://server.invalid');
    let segments: string[];
    try {
      segments = url.pathname
        .split('/')
        .filter((segment, index, all) => !(segment === '' && (index === 0 || index === all.length - 1)))
        .map(decodeIdSegment);
    } catch {
      throw new MentorKitError('invalid-input', 'The URL path is not valid percent-encoding of UTF-8.', { path: 'url' });
    }
    if (method === 'OPTIONS') {
      if (!cors.allows(request)) {
        throw new HttpError(
          403,
          new MentorKitError(
            'forbidden',
            `The origin ${String(request.headers.origin).slice(0, 100)} may not call this server from a browser; add it to MENTORKIT_CORS_ORIGINS (corsOrigins).`,
            { path: 'Origin' },
          ),
        );
      }
      beforeAnswer(response);
      response.writeHead(204, { ...cors.preflightHeaders(request), 'X-Content-Type-Options': 'nosniff', Allow: 'GET, PUT, DELETE, POST, OPTIONS' });
      return response.end();
    }
    if (segments[0] === 'health' && segments.length <= 2) {
      if (method !== 'GET' && method !== 'HEAD')
        throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use GET.`, { path: 'method' }), { Allow: 'GET' });
      if (segments.length === 1 || segments[1] === 'live') return send(response, 200, { ok: true, status: 'live' });
      if (segments[1] === 'ready') {
        if (await databaseReady()) return send(response, 200, { ok: true, status: 'ready' });
        return send(
          response,
          503,
          {
            ...new MentorKitError('storage-error', 'PostgreSQL does not answer; requests that need it are answered 503 until it does.').toJSON(),
            status: 'not-ready',
          },
          { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
        );
      }
    }
    if (segments[0] === 'feeds') {
      if (!calendars) throw calendarsOff();
      await ensureMigrated();
      if (await calendars.handleFeed(segments, method, response)) return;
    }
    if (segments[0] === 'lti') {
      await ensureMigrated();
      if (await lti!.handle(segments, method, request, url, response)) return;
    }
    if (segments[0] === 'notifications' && (segments[1] === 'unsubscribe' || (segments[1] === 'manager-digest' && segments[2] === 'stop'))) {
      await ensureMigrated();
      if (await reminders!.handleUnsigned(segments, method, request, url, response)) return;
    }
    if (segments[0] === 'verify') {
      await ensureMigrated();
      if (await certificates.handlePublic(segments, method, request, url, response)) return;
    }
    if (segments.length === 2 && segments[0] === 'dev' && segments[1] === 'token' && identity.devAuth) {
      if (method !== 'POST')
        throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use POST.`, { path: 'method' }), { Allow: 'POST' });
      return issueDevToken(request, response);
    }

    const identification = (await lti?.identify(request)) ?? (await identity.identify(request));
    if (identification.kind === 'anonymous') {
      throw new HttpError(
        401,
        new MentorKitError(
          'forbidden',
          `Sign in first: send Authorization: Bearer <token>${identity.devAuth ? ' (development: a token from POST /dev/token, or Bearer dev:<personId>)' : ''}.`,
          { path: 'Authorization' },
        ),
        { 'WWW-Authenticate': 'Bearer realm="mentorkit"' },
      );
    }
    if (identification.kind === 'refused') {
      throw new HttpError(401, new MentorKitError('forbidden', identification.reason, { path: 'Authorization' }), {
        'WWW-Authenticate': `Bearer realm="mentorkit", error="invalid_token", error_description="${identification.reason.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?')}"`,
      });
    }
    if (identification.kind === 'unavailable') {
      throw new HttpError(503, new MentorKitError('storage-error', identification.reason, { path: 'Authorization' }), { 'Retry-After': '5' });
    }
    const caller = identification.caller;
    const methodNotAllowed = (allowedMethods: string) => {
      throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use ${allowedMethods}.`, { path: 'method' }), {
        Allow: allowedMethods,
      });
    };
    await ensureMigrated();

    if (segments[0] === 'collections' && segments[2] === 'records' && (segments.length === 3 || segments.length === 4)) {
      const collection = segments[1]!;
      assertCollectionName(collection);
      if (segments.length === 3) {
        if (method !== 'GET') return methodNotAllowed('GET');
        return queryCollection(caller, collection, url, response);
      }
      const id = segments[3]!;
      assertRecordId(id);
      assertNoNul(id, 'id');
      assertWellFormed(id, 'id');
      const path = `/collections/${collection}/records/${id}`;
      if (method === 'GET') return getRecord(caller, collection, id, response);
      if (method === 'PUT') return putRecord(caller, collection, id, request, response, path);
      if (method === 'DELETE') return deleteRecord(caller, collection, id, request, response, path);
      return methodNotAllowed('GET, PUT, DELETE');
    }
    if (segments[0] === 'blobs' && segments.length === 2) {
      const id = segments[1]!;
      assertRecordId(id);
      assertNoNul(id, 'id');
      assertWellFormed(id, 'id');
      if (method === 'GET') return getBlob(caller, id, request, response);
      if (method === 'PUT') return putBlob(caller, id, request, response);
      if (method === 'DELETE') return deleteBlob(caller, id, response);
      return methodNotAllowed('GET, PUT, DELETE');
    }
    if (segments.length === 1 && segments[0] === 'changes') {
      if (method !== 'GET') return methodNotAllowed('GET');
      return openChangeStream(caller, request, response);
    }
    if (segments[0] === 'calendars') {
      if (!calendars) throw calendarsOff();
      if (await calendars.handle(caller.kind === 'person' ? caller.personId : undefined, segments, method, request, response)) return;
    }
    if (segments[0] === 'programs' && (await reports.handle(caller, segments, method, url, response))) return;
    if ((segments[0] === 'pairings' || segments[0] === 'certificates') && (await certificates.handle(caller, segments, method, request, url, response))) return;
    if ((segments[0] === 'notifications' || segments[0] === 'programs') && (await reminders!.handle(caller, segments, method, request, url, response))) return;
    throw new MentorKitError('not-found', `Nothing is served at ${url.pathname}; see docs/openapi.yaml.`, { path: 'url' });
  };

  const handle = (request: http.IncomingMessage, response: http.ServerResponse) => {
    requestOf.set(response, request);
    // A socket error (the client went away) must not surface as an unhandled 'error'.
    request.on('error', () => undefined);
    response.on('error', () => undefined);
    route(request, response)
      .catch((error: unknown) => sendError(response, error))
      .finally(() => leases.get(request)?.release());
  };

  const close = async ({ graceMs = 0 }: { graceMs?: number } = {}) => {
    await calendars?.stop();
    await lti?.stop();
    await reminders?.stop();
    await bus.stop();
    const current = server;
    server = undefined;
    if (!current) return;
    for (const subscriber of [...subscribers]) {
      removeSubscriber(subscriber);
      subscriber.response.destroy();
    }
    const closed = new Promise<void>((resolve) => current.close(() => resolve()));
    const deadline = Date.now() + graceMs;
    // Idle keep-alive connections go at once; busy ones may finish their request within the grace.
    while (sockets.size > 0 && Date.now() < deadline) {
      current.closeIdleConnections();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await closed;
  };

  return {
    handle,
    pool,
    limits,
    get server() {
      return server;
    },
    migrate: ensureMigrated,
    databaseReady,
    reminders: {
      get enabled() {
        return reminders!.enabled;
      },
      runNow: () => reminders!.runNow(),
    },
    stats: () => ({
      changeStreams: subscribers.size,
      databaseAvailable,
      bodyBytesBuffered: bodyBudget.used,
      bodyBytesBufferedPeak: bodyBudget.peak,
      bodyBytesDeclaredByPeople: bodyBudget.declaredByPeople,
      bodiesRefused: bodyBudget.refused,
      uploadsInProgress,
      downloadsInProgress,
      recordWritesInProgress,
      poolBusyAnswers,
      connections: sockets.size,
      connectionsRefused,
    }),
    async listen(port = 0, host = '127.0.0.1') {
      bus.resume();
      if (server) throw new Error('The server is already listening; close() it first.');
      if (identity.devAuth && !isLoopbackHost(host)) {
        throw new ServerConfigurationError(
          `--dev-auth (devAuth) lets anyone sign in as anyone: it is refused on ${host}, which is not a loopback address. Listen on 127.0.0.1 (or ::1), or configure MENTORKIT_JWT_SECRET / MENTORKIT_JWKS_URL instead.`,
        );
      }
      await ensureMigrated();
      // Slow clients cannot hold connections for long: headers within headersTimeoutMs, the whole
      // request within requestTimeoutMs, checked every second (Node's default is every 30 s).
      const created = http.createServer(
        { headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: 1000 },
        handle,
      );
      created.maxConnections = limits.connections;
      created.on('drop', () => {
        connectionsRefused++;
        logRepeated(
          'connections',
          (times) => `connections: ${times} refused since the last such line: ${limits.connections} are open (limits.connections, MENTORKIT_MAX_CONNECTIONS)`,
        );
      });
      // Expect: 100-continue with a body over the limit is refused before the body is sent; otherwise
      // the body is asked for once the request has passed every check (identity, caps, quota).
      created.on('checkContinue', (request: http.IncomingMessage, response: http.ServerResponse) => {
        const declared = Number(request.headers['content-length'] ?? Number.NaN);
        const limit = (request.url ?? '').startsWith('/blobs/') ? limits.attachmentBytes : limits.recordBytes;
        if (Number.isFinite(declared) && declared > limit) {
          requestOf.set(response, request);
          return send(
            response,
            413,
            new MentorKitError('invalid-input', `The body is larger than the limit of ${formatBytes(limit)}; send at most ${limit} bytes.`, {
              path: 'body',
              details: { limit },
            }).toJSON(),
            { Connection: 'close' },
          );
        }
        awaitingContinue.set(request, response);
        handle(request, response);
      });
      created.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
        // An answer already under way (a response started before the request timed out) cannot be replaced.
        const answering = (socket as Socket & { _httpMessage?: http.ServerResponse | null })._httpMessage;
        if (!socket.writable || socket.destroyed || answering?.headersSent) return socket.destroy();
        const [status, message] =
          error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? [
                '408 Request Timeout',
                `The request did not arrive in time (headers within ${limits.headersTimeoutMs / 1000} s, all of it within ${limits.requestTimeoutMs / 1000} s); send it again.`,
              ]
            : error.code === 'HPE_HEADER_OVERFLOW'
              ? ['431 Request Header Fields Too Large', 'The request headers are too large.']
              : ['400 Bad Request', 'The request is not valid HTTP/1.1.'];
        const body = JSON.stringify(new MentorKitError('invalid-input', message).toJSON());
        socket.end(
          `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\n\r\n${body}`,
        );
        // A client that does not read the answer does not keep the connection either.
        setTimeout(() => socket.destroy(), 2000).unref();
      });
      const connectionsByAddress = new Map<string, number>();
      created.on('connection', (socket: Socket) => {
        const address = remoteAddressKey(socket.remoteAddress);
        if (limits.connectionsPerAddress > 0 && address !== undefined) {
          const open = connectionsByAddress.get(address) ?? 0;
          if (open >= limits.connectionsPerAddress) {
            connectionsRefused++;
            logRepeated(
              'connections per address',
              (times) =>
                `connections: ${times} refused since the last such line from one address (the last ${address}): ${limits.connectionsPerAddress} are open from it (limits.connectionsPerAddress, MENTORKIT_MAX_CONNECTIONS_PER_ADDRESS)`,
            );
            socket.destroy();
            return;
          }
          connectionsByAddress.set(address, open + 1);
          socket.once('close', () => {
            const left = (connectionsByAddress.get(address) ?? 1) - 1;
            if (left > 0) connectionsByAddress.set(address, left);
            else connectionsByAddress.delete(address);
          });
        }
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve, reject) => {
        created.once('error', reject);
        created.listen(port, host, () => {
          created.off('error', reject);
          resolve();
        });
      });
      server = created;
      const address = created.address() as AddressInfo;
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
      // The warning before the "listening" line: whoever waits for that line has seen the warning too.
      if (identity.devAuth)
        log(
          'WARNING: --dev-auth is on: anyone who reaches this address can sign in as anyone (Bearer dev:<personId>, POST /dev/token). For local development only.',
        );
      log(
        `listening on ${url}; ${identity.describe()}; cross-origin: ${corsOrigins.length > 0 ? corsOrigins.join(', ') : 'none'}${identity.devAuth ? ' (+ loopback pages, dev-auth)' : ''}`,
      );
      const files = openFileLimit();
      if (files !== undefined && limits.connections + poolMax + 100 > files) {
        log(
          `WARNING: up to ${limits.connections} connections (limits.connections, MENTORKIT_MAX_CONNECTIONS) and ${poolMax} database connections come close to this process's open-file limit of ${files} (ulimit -n): clients could leave none for PostgreSQL. Raise the limit or lower MENTORKIT_MAX_CONNECTIONS.`,
        );
      }
      return url;
    },
    close,
    async dispose(closeOptions) {
      disposed = true;
      await close(closeOptions);
      if (probe) clearInterval(probe);
      unwatchPool();
      if (ownsPool) await pool.end().catch(() => undefined);
    },
  };
}

/** Servers watching each pool; one set of listeners per pool however many servers share it. */
const poolWatchers = new WeakMap<Pool, Set<(error: unknown) => void>>();

/**
 * Keeps a lost connection from ending the process: pg emits 'error' on a client whose connection
 * fails (idle in the pool, or checked out between queries) and on the pool; unhandled, that is an
 * uncaught exception. Every client gets a handler when it connects and when it is checked out (so a
 * host's pool with clients connected before the server existed is covered too), the pool one for
 * idle clients. Returns a function that stops telling `onError` (the handlers stay: harmless).
 */
function watchPool(pool: Pool, onError: (error: unknown) => void): () => void {
  let watchers = poolWatchers.get(pool);
  if (!watchers) {
    const registered = new Set<(error: unknown) => void>();
    watchers = registered;
    poolWatchers.set(pool, registered);
    const notify = (error: unknown) => {
      for (const watcher of registered) watcher(error);
    };
    const handled = new WeakSet<object>();
    const cover = (client: PoolClient) => {
      if (handled.has(client)) return;
      handled.add(client);
      client.on('error', notify);
    };
    pool.on('error', notify);
    pool.on('connect', cover);
    pool.on('acquire', cover);
  }
  watchers.add(onError);
  const current = watchers;
  return () => current.delete(onError);
}

/** @deprecated The earlier name of `createMentorKitServer`. */
export const createRestBackend = createMentorKitServer;

/** Ids must be well-formed text (they are stored as PostgreSQL text and sent back as UTF-8). */
function assertWellFormed(value: string, path: string): void {
  if (!isWellFormedText(value))
    throw new MentorKitError('invalid-input', `\`${path}\` holds text that is not well-formed Unicode (a lone surrogate).`, { path });
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 200);
}
