import { MentorKitError } from '../model/errors.js';
import type { ProgrammeReport, ReportPeriod } from '../report/types.js';
import type { CertificateEligibility } from '../certificates/eligibility.js';

/** A JSON-compatible value: what every adapter can store and return unchanged. */
export type StorableValue = string | number | boolean | null | StorableValue[] | { [key: string]: StorableValue };

/** What callers pass to `put`: any record with a string `id`. */
export interface RecordInput {
  id: string;
  [key: string]: unknown;
}

/**
 * A record as stored: the input plus `revision` and `updatedAt` (ISO instant). `revision` is 1 when
 * an id is first created and +1 on every put; after a delete, a re-create continues from the deleted
 * revision + 1, so a revision number of an id is never used twice (see `StorageAdapter`).
 */
export interface StoredRecord extends RecordInput {
  revision: number;
  updatedAt: string;
}

export interface PutOptions {
  /**
   * Optimistic concurrency. `null`: the record must not exist yet (create). A number: the stored
   * record must have exactly this revision. Omitted: unconditional write (seeding, admin tools).
   * A mismatch raises `MentorKitError` code `conflict` and writes nothing.
   */
  expectedRevision?: number | null | undefined;
}

export interface DeleteOptions {
  /** The stored record must have exactly this revision, otherwise `conflict` and nothing is deleted. */
  expectedRevision?: number | undefined;
}

/** One change seen by `watch`: `record` is the new stored record, or `undefined` after a delete. */
export interface StorageChange {
  collection: string;
  id: string;
  record?: StoredRecord | undefined;
}

export type Unsubscribe = () => void;

/**
 * A write the adapter accepted (answered optimistically, e.g. from an offline queue) that the backend
 * later refused for good: a `conflict` because someone else changed the record meanwhile,
 * `forbidden`, `invalid-input`, or an outcome that can no longer be known. The change is not kept;
 * the person who made it must be told (the client's `$failedWrites`, `<mk-provider>`'s notice).
 */
export interface StorageWriteFailure {
  collection: string;
  /** The record's id. */
  id: string;
  kind: 'put' | 'delete';
  /** The record the refused `put` would have stored (absent for a delete). */
  record?: RecordInput | undefined;
  /** Why it was refused, with a stable `code` and a message a person can act on. */
  error: MentorKitError;
  /** ISO instant the write was first accepted. */
  queuedAt: string;
}

/** Metadata of a stored attachment (voice note, file). */
export interface BlobInfo {
  id: string;
  size: number;
  type: string;
}

/**
 * The storage contract. A host implements `get`, `query`, `put`, `delete` (and optionally `watch`,
 * `dispose`, the blob pair, and `failedWrites`/`watchFailures` when it answers writes before its
 * backend has kept them), passes the conformance suite from `@mentorkit/core/testing`, and
 * MentorKit does the rest.
 *
 * Rules every adapter keeps:
 * - Records are JSON-compatible values; anything else (functions, `undefined` inside arrays,
 *   `NaN`, `Infinity`, `Date`, `Map`, class instances, cycles) is refused with `invalid-input`
 *   and nothing is written. Use `assertStorableRecord` to check.
 * - `put` ignores any `revision`/`updatedAt` in its input and sets them; the returned record is
 *   what a later `get` returns.
 * - Writes are atomic per record: of two writers with the same `expectedRevision`, exactly one wins
 *   and the other gets `conflict`.
 * - Revisions of an id in a collection never repeat, not even across a delete. The adapter remembers
 *   the revision a record had when it was deleted (a tombstone: a soft-deleted row, a
 *   `(collection, id) -> last revision` table, a map) and a re-create continues from that revision
 *   + 1. Otherwise a client still holding revision 1 of a record that someone else deleted and
 *   re-created could overwrite the new record with `expectedRevision: 1` — a conflicting write
 *   silently accepted. A deleted record still does not exist: `get` and `query` do not return it,
 *   `expectedRevision: null` creates it again, and a numeric `expectedRevision` against it is a
 *   `conflict`. Keep tombstones for as long as any client may hold an old revision — in practice
 *   for good: they are one small row per deleted id. Read the tombstone in the same atomic step as
 *   the record and pass its revision to `nextStoredRecord` as `previousRevision`; delete the record
 *   and write the tombstone in one atomic step too. The conformance case "revisions never repeat
 *   after delete and re-create" checks this (and, for persistent adapters, across a reopen and a
 *   second instance).
 * - `query` matches top-level fields by strict equality and returns records sorted by `id`.
 * - Returned records are copies: mutating them never changes storage.
 */
export interface StorageAdapter {
  readonly name: string;
  get(collection: string, id: string): Promise<StoredRecord | undefined>;
  query(collection: string, where?: Record<string, string | number | boolean>): Promise<StoredRecord[]>;
  put(collection: string, record: RecordInput, options?: PutOptions): Promise<StoredRecord>;
  delete(collection: string, id: string, options?: DeleteOptions): Promise<boolean>;
  /** Changes from this adapter and, where the backend allows, from other tabs or processes. */
  watch?(listener: (change: StorageChange) => void): Unsubscribe;
  dispose?(): Promise<void>;
  /**
   * Optional, for adapters that accept writes before the backend has them (an offline queue): the
   * writes the backend refused for good, oldest first. A write listed here was already answered as
   * saved; it must not also be reported as saved later. Adapters that answer every write only after
   * the backend kept it (memory, IndexedDB) leave both members out.
   */
  failedWrites?(): readonly StorageWriteFailure[];
  /**
   * Optional, with `failedWrites`: calls `listener` once for each write refused from now on (not for
   * the ones already listed by `failedWrites()`). Returns the unsubscribe function. A throwing
   * listener must not break the adapter (report it with `reportStorageError`).
   */
  watchFailures?(listener: (failure: StorageWriteFailure) => void): Unsubscribe;
  /** Optional attachments (voice notes). Both or neither. */
  putBlob?(id: string, blob: Blob): Promise<BlobInfo>;
  getBlob?(id: string): Promise<Blob | undefined>;
  deleteBlob?(id: string): Promise<boolean>;
  /**
   * Optional: the signed-in person's own calendars, where a server fetches them (the MentorKit
   * server's `/calendars`; `@mentorkit/storage-rest` offers it). Busy times from them arrive as the
   * `calendar-busy` collection. Adapters without a server (memory, IndexedDB) leave it out.
   */
  readonly calendars?: CalendarConnections | undefined;
  /**
   * Optional: reminders the server sends (the MentorKit server's `/notifications` and a programme's
   * escalation ladder; `@mentorkit/storage-rest` offers it). Adapters without a server (memory,
   * IndexedDB) leave it out: nothing is sent from a browser.
   */
  readonly notifications?: NotificationsService | undefined;
  /**
   * Optional: programme reports computed where every record is (the MentorKit server's
   * `GET /programs/<id>/report`; `@mentorkit/storage-rest` offers it). A server has the message
   * metadata a browser may not read, so its report includes response times. Adapters without a
   * server (memory, IndexedDB) leave it out: `<mk-programme-report>` then computes the report with
   * core's `programmeReport` over the records the client holds.
   */
  readonly reports?: ReportsService | undefined;
  /**
   * Optional: certificates of participation (the MentorKit server's `/pairings/<id>/certificates`,
   * `/certificates/<id>.pdf` and `/verify/<id>`; `@mentorkit/storage-rest` offers it). Adapters
   * without a server (memory, IndexedDB) leave it out: a certificate needs an address anyone can
   * verify, which only a server gives.
   */
  readonly certificates?: CertificatesService | undefined;
}

/** A certificate that was issued (`StorageAdapter.certificates`; docs/certificates.md). */
export interface IssuedCertificate {
  /** 128 random bits, base64url: also the verification address's last part. */
  id: string;
  issuedAt: string;
  /** The PDF (needs sign-in: the holder or a programme admin); `download()` fetches it. */
  pdfUrl: string;
  /** The public page that says whether it is valid (printed on the PDF). */
  verifyUrl: string;
  /** Set when an admin issued it by hand: why, and who. */
  reason?: string | undefined;
  issuedBy?: string | undefined;
  /** Set once revoked. */
  revokedAt?: string | undefined;
}

/** One member of a pairing as `certificates.list()` gives it: where they stand, and their certificate once issued. */
export interface PairingCertificateEntry {
  personId: string;
  eligibility: CertificateEligibility;
  certificate?: IssuedCertificate | undefined;
}

/** Certificates of participation on a server (`StorageAdapter.certificates`). */
export interface CertificatesService {
  /** A member: their own entry; a programme admin: every member's. Anyone else: `not-found`. */
  list(pairingId: string): Promise<PairingCertificateEntry[]>;
  /** Issues `personId`'s certificate (or gives the one they have): a member for themself when eligible; a programme admin for any member, with `reason` when not eligible. */
  issue(pairingId: string, personId: string, options?: { reason?: string }): Promise<IssuedCertificate>;
  /** The PDF (the holder or a programme admin), in English or Spanish. */
  download(certificateId: string, options?: { language?: 'en' | 'es' }): Promise<Blob>;
  /** A programme admin revokes it: its verification page then says so. */
  revoke(certificateId: string): Promise<IssuedCertificate>;
}

/** Programme reports from a server (`StorageAdapter.reports`; see docs/programme-report.md). */
export interface ReportsService {
  /**
   * The programme's report for `period` (calendar dates, both inclusive, read in `options.timeZone`,
   * default UTC). Programme admins only: anyone else gets `not-found`, as if the programme did not
   * exist; bad dates or zone get `invalid-input` naming the field.
   */
  programme(programId: string, period: ReportPeriod, options?: { timeZone?: string }): Promise<ProgrammeReport>;
}

/** A calendar a person connected, as its owner sees it: never the secret part of its address, never a password. */
export interface CalendarConnection {
  id: string;
  /** `ics-feed`: an iCalendar address (Google's, Outlook's or Apple's "secret address"); `caldav`: a CalDAV account. */
  kind: 'ics-feed' | 'caldav';
  /** The person's name for it ("Work"). */
  label: string;
  /** Where it is, without secrets: scheme and host, e.g. `https://calendar.google.com/…`. */
  where: string;
  /** CalDAV: booked, moved and cancelled sessions are written into it. */
  writeBack: boolean;
  /** `failing`: the last refresh did not work (`problem` says why); the busy times of the last one that did stay. */
  status: 'ok' | 'failing';
  /** When it was last tried (instant). */
  checkedAt?: string | undefined;
  /** When it was last read successfully: while failing, "since" this. */
  readAt?: string | undefined;
  problem?: string | undefined;
  /** Busy intervals it holds in the window the server keeps (about eight weeks ahead). */
  busyCount: number;
}

export type ConnectCalendarInput =
  { kind: 'ics-feed'; url: string; label?: string } | { kind: 'caldav'; url: string; username: string; password: string; label?: string; writeBack?: boolean };

/** The signed-in person's calendars on a server that fetches them (`StorageAdapter.calendars`). */
export interface CalendarConnections {
  /** Their connected calendars. */
  list(): Promise<CalendarConnection[]>;
  /** Reads the calendar once (so a wrong address or password is said at once), then keeps it. */
  connect(input: ConnectCalendarInput): Promise<CalendarConnection>;
  /** Reads it again now. */
  refresh(id: string): Promise<CalendarConnection>;
  /** Forgets it and its busy times (events written into it stay there). */
  disconnect(id: string): Promise<void>;
  /** The address of their own feed of booked sessions, for a calendar app to subscribe to; null while they have none (reading makes none). */
  feed(): Promise<{ url: string } | null>;
  /** Makes their feed's address (or gives the one they have). */
  startFeed(): Promise<{ url: string }>;
  /** A new feed address; the old one stops working at once. */
  rotateFeed(): Promise<{ url: string }>;
  /** Stops the feed (its address stops working); `startFeed()` makes a new one. */
  revokeFeed(): Promise<void>;
}

/** How a person wants reminders: `GET|PUT /notifications/preferences` on the MentorKit server (docs/reminders.md). */
export interface NotificationPreferences {
  personId: string;
  /** Reminder emails at all (the one-click unsubscribe turns this off). */
  email: boolean;
  /** Each nudge kind on or off, as the server lists them (`check-in-overdue`, `pair-inactive`, …). */
  kinds: Record<string, boolean>;
  /** `none`: one email per reminder; `daily` and `weekly` digests only where the server offers them (it answers 400 otherwise). */
  digest: 'none' | 'daily' | 'weekly';
  /** When they were last changed (instant). */
  updatedAt?: string | undefined;
}

/** A change to the preferences: only the fields given change (a `kinds` entry changes that kind only). */
export interface NotificationPreferencesChange {
  email?: boolean | undefined;
  kinds?: Record<string, boolean> | undefined;
  digest?: NotificationPreferences['digest'] | undefined;
}

/** One reminder queued for the person (`GET /notifications`), newest first. */
export interface NotificationDelivery {
  id: string;
  /** The nudge kind, e.g. `check-in-overdue`. */
  kind: string;
  pairingId: string;
  /** `email`, or a programme webhook (`webhook`). */
  channel: string;
  webhookId?: string | undefined;
  /** The email's subject once composed; null before. */
  subject: string | null;
  /** `queued`, `sending`, `sent`, `failed` (being retried) or `skipped` (with `reason`). */
  status: 'queued' | 'sending' | 'sent' | 'failed' | 'skipped' | (string & {});
  /** When it is (or was) due to go (instant). */
  sendAt: string;
  sentAt: string | null;
  attempts: number;
  createdAt: string;
  /** Why it was skipped, in the server's words. */
  reason?: string | undefined;
  /** The last failure while being retried. */
  error?: string | undefined;
}

/** A programme's escalation ladder for quiet pairs (`GET|PUT /programs/<id>/escalation`). */
export interface EscalationSettings {
  /** Days without activity before both are nudged. */
  quietDays: number;
  /** Days without activity before the programme's admins are alerted. */
  alertAdminDays: number;
  /** Closing quiet pairings: off (`null`, the default), or after `afterDays` quiet with `noticeDays` of notice. */
  close: null | { afterDays: number; noticeDays: number };
}

/** The ladder's settings as the server keeps them. */
export interface ProgramEscalationSettings extends EscalationSettings {
  programId: string;
  updatedAt?: string | undefined;
}

/** A step of the escalation ladder, lowest first. */
export type EscalationStage = 'active' | 'nudged' | 'admin-alerted' | 'closing' | 'closed-due';

/** One pair on the ladder. */
export interface PairEscalation {
  pairingId: string;
  menteeId: string;
  mentorIds: string[];
  members: Array<{ personId: string; lastActiveAt: string | null }>;
  /** The pair's last activity (instant), null when nothing ever happened. */
  lastActivityAt: string | null;
  /** What it was (`session`, `message`, `goal`, `start` when nothing happened since the pairing started), as the server says. */
  lastActivityKind?: string | null | undefined;
  /** Whole days quiet. */
  quietDays: number;
  stage: EscalationStage;
  stageSince: string;
  /** The next step and when it comes, unless the pair is active again first. */
  next?: { stage: EscalationStage; at: string } | undefined;
  /** When the pairing closes (only with closing on). */
  closesAt?: string | undefined;
  /** The steps it went through, oldest first. */
  history: Array<{ stage: EscalationStage; at: string }>;
  /** Who the mentee might be paired with instead. */
  suggestion?: { menteeId: string; mentorIds: string[] } | undefined;
  /** When the server closed the pairing (recently closed pairs stay listed a while). */
  closedAt?: string | undefined;
}

/** A programme's quiet pairs, worst first (`GET /programs/<id>/escalations`). */
export interface ProgramEscalations {
  programId: string;
  settings: EscalationSettings;
  /** When this was computed (instant). */
  asOf: string;
  pairs: PairEscalation[];
}

/** The signed-in person's reminders, and a programme admin's escalation ladder, on a server that sends them (`StorageAdapter.notifications`). */
export interface NotificationsService {
  /** Their reminder preferences (everything on by default). */
  preferences(): Promise<NotificationPreferences>;
  /** Changes the fields given; the server refuses what it does not offer (e.g. a digest) with `invalid-input` naming the field. */
  setPreferences(change: NotificationPreferencesChange): Promise<NotificationPreferences>;
  /** What was queued for them, newest first (the server's default: 50). */
  sent(options?: { limit?: number }): Promise<NotificationDelivery[]>;
  /** A programme's ladder settings (programme admins). */
  escalationSettings(programId: string): Promise<ProgramEscalationSettings>;
  /** Changes a programme's ladder settings; the server validates them and names the field it refuses. */
  setEscalationSettings(programId: string, settings: EscalationSettings): Promise<ProgramEscalationSettings>;
  /** Where each quiet pair of the programme is on the ladder, worst first. */
  escalations(programId: string): Promise<ProgramEscalations>;
  /** The signed-in mentee's summary for their manager (`GET /notifications/manager-digest`); absent on servers without it. */
  managerDigest?(): Promise<ManagerDigestSettings>;
  /** Turns the summary on or off, or changes the manager's address, name or language; the server names the field it refuses. */
  setManagerDigest?(change: ManagerDigestChange): Promise<ManagerDigestSettings>;
  /** Turns it off and forgets the manager's address and name. */
  removeManagerDigest?(): Promise<ManagerDigestSettings>;
}

/** What a manager's summary says: counts and the titles of goals the pairing can see — nothing private. */
export interface ManagerDigestSummary {
  /** The two weeks it covers (instants; `to` excluded). */
  from: string;
  to: string;
  sessionsHeld: number;
  /** Time in held sessions (the report's hours rule). */
  mentoringMinutes: number;
  /** Titles of the goals reached that are not private. */
  goalsReached: string[];
  /** The mentee's programmes. */
  programmes: string[];
}

/** A mentee's summary for their manager, every other Monday (docs/reminders.md, "A summary for your manager"). */
export interface ManagerDigestSettings {
  personId: string;
  /** The mentee's consent: off by default. */
  enabled: boolean;
  managerEmail?: string | undefined;
  managerName?: string | undefined;
  /** The language of the manager's mail. */
  language: 'en' | 'es';
  /** When it was last turned on. */
  consentedAt?: string | undefined;
  /** While off: when it was stopped, and by whom (the manager has a one-click link in every mail). */
  stoppedAt?: string | undefined;
  stoppedBy?: 'mentee' | 'manager' | undefined;
  updatedAt?: string | undefined;
  /** What a summary sent now would say (the last two weeks). */
  preview: ManagerDigestSummary;
  /** When the next one goes, while on. */
  nextSendAt?: string | undefined;
}

/** A change to the manager's summary: only the fields given change. `managerName: null` removes the name. */
export interface ManagerDigestChange {
  enabled?: boolean | undefined;
  managerEmail?: string | undefined;
  managerName?: string | null | undefined;
  language?: 'en' | 'es' | undefined;
}

const COLLECTION_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;

/** Throws `invalid-input` unless `collection` is a lowercase name like `goals` or `coaching-runs`. */
export function assertCollectionName(collection: unknown): asserts collection is string {
  if (typeof collection !== 'string' || !COLLECTION_PATTERN.test(collection)) {
    throw new MentorKitError(
      'invalid-input',
      `The collection name must be lowercase letters, digits and dashes, starting with a letter, e.g. "goals" (got ${JSON.stringify(collection)}).`,
      { path: 'collection' },
    );
  }
}

/** Throws `invalid-input` unless `id` is a non-empty string of at most 200 characters. */
export function assertRecordId(id: unknown, path = 'id'): asserts id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) {
    throw new MentorKitError('invalid-input', `\`${path}\` must be a non-empty string of at most 200 characters (got ${describe(id)}).`, { path });
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol' || typeof value === 'bigint') return `a ${typeof value}`;
  const name = (value as object).constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : 'an object';
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Half of a UTF-16 surrogate pair on its own: not text any server, file or database can keep. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NOT_WELL_FORMED =
  'is not well-formed text: it holds half of a character (a lone UTF-16 surrogate), which cannot be stored; remove it or paste the text again';

/**
 * Throws `invalid-input` (with the path of the first bad value) unless `value` is JSON-compatible:
 * well-formed strings, finite numbers, booleans, null, arrays and plain objects, without cycles.
 * `undefined` object properties are allowed (they are dropped on store), as in JSON.
 */
export function assertStorableValue(value: unknown, path = 'record'): asserts value is StorableValue {
  const seen = new Set<object>();
  const visit = (current: unknown, at: string): void => {
    switch (typeof current) {
      case 'string':
        if (LONE_SURROGATE.test(current)) fail(at, NOT_WELL_FORMED);
        return;
      case 'boolean':
        return;
      case 'number':
        if (!Number.isFinite(current)) fail(at, `${String(current)} cannot be stored; use a finite number or null`);
        return;
      case 'object': {
        if (current === null) return;
        if (seen.has(current)) fail(at, 'contains a cycle (a value that refers to itself)');
        if (Array.isArray(current)) {
          seen.add(current);
          for (let index = 0; index < current.length; index++) {
            if (current[index] === undefined) fail(`${at}[${index}]`, 'undefined cannot be stored in a list; use null');
            visit(current[index], `${at}[${index}]`);
          }
          seen.delete(current);
          return;
        }
        if (!isPlainObject(current)) fail(at, `${describe(current)} cannot be stored; convert it to plain JSON (dates as ISO strings)`);
        seen.add(current);
        for (const [key, entry] of Object.entries(current)) {
          if (LONE_SURROGATE.test(key)) fail(at, `has a field name that ${NOT_WELL_FORMED}`);
          if (entry !== undefined) visit(entry, `${at}.${key}`);
        }
        seen.delete(current);
        return;
      }
      default:
        fail(at, `${describe(current)} cannot be stored; records hold JSON values only`);
    }
  };
  visit(value, path);
}

function fail(path: string, message: string): never {
  throw new MentorKitError('invalid-input', `\`${path}\` ${message}.`, { path });
}

/** Validates a record for `put`: a plain object with a valid `id` and only storable values. */
export function assertStorableRecord(record: unknown): asserts record is RecordInput {
  if (typeof record !== 'object' || record === null || Array.isArray(record) || !isPlainObject(record)) {
    throw new MentorKitError('invalid-input', `A record must be a plain object with an \`id\` (got ${describe(record)}).`, { path: 'record' });
  }
  assertRecordId((record as { id?: unknown }).id, 'record.id');
  assertStorableValue(record, 'record');
}

/** Validates a `where` clause: top-level field names to string, finite number or boolean values. */
export function assertWhereClause(where: unknown): asserts where is Record<string, string | number | boolean> | undefined {
  if (where === undefined) return;
  if (typeof where !== 'object' || where === null || Array.isArray(where)) {
    throw new MentorKitError('invalid-input', 'A query filter must be an object of field names to values, e.g. { pairingId: "p1" }.', { path: 'where' });
  }
  for (const [key, value] of Object.entries(where)) {
    const ok = typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    if (!ok)
      throw new MentorKitError('invalid-input', `Query filter \`${key}\` must be a string, a finite number or a boolean (got ${describe(value)}).`, {
        path: `where.${key}`,
      });
  }
}

/** Checks `expectedRevision` in put options. */
export function assertPutOptions(options: unknown): asserts options is PutOptions | undefined {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null)
    throw new MentorKitError('invalid-input', 'Put options must be an object such as { expectedRevision: 3 }.', { path: 'options' });
  const expected = (options as PutOptions).expectedRevision;
  if (expected === undefined || expected === null) return;
  if (!Number.isInteger(expected) || expected < 1) {
    throw new MentorKitError('invalid-input', `\`expectedRevision\` must be null (create) or a revision number 1 or higher (got ${describe(expected)}).`, {
      path: 'options.expectedRevision',
    });
  }
}

/** Checks `expectedRevision` in delete options. */
export function assertDeleteOptions(options: unknown): asserts options is DeleteOptions | undefined {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null)
    throw new MentorKitError('invalid-input', 'Delete options must be an object such as { expectedRevision: 3 }.', { path: 'options' });
  const expected = (options as DeleteOptions).expectedRevision;
  if (expected === undefined) return;
  if (!Number.isInteger(expected) || expected < 1) {
    throw new MentorKitError('invalid-input', `\`expectedRevision\` must be a revision number 1 or higher (got ${describe(expected)}).`, {
      path: 'options.expectedRevision',
    });
  }
}

/** The `conflict` error adapters raise when `expectedRevision` does not match. */
export function revisionConflict(collection: string, id: string, expected: number | null, actual: number | undefined): MentorKitError {
  const message =
    expected === null
      ? `Cannot create ${collection}/${id}: it already exists (revision ${actual}). Load it and edit that instead.`
      : actual === undefined
        ? `Cannot write ${collection}/${id}: it no longer exists (expected revision ${expected}). It was deleted by someone else.`
        : `Cannot write ${collection}/${id}: it was changed by someone else (expected revision ${expected}, found ${actual}). Reload it and apply your change again.`;
  return new MentorKitError('conflict', message, {
    path: 'expectedRevision',
    details: { collection, id, expectedRevision: expected, actualRevision: actual ?? null },
  });
}

/**
 * Shared write rule: given the currently stored record (or undefined), checks the options and
 * returns the new stored record. Adapters call this inside their own atomic section.
 *
 * `previousRevision`: when no record is stored, the revision the id had when it was last deleted
 * (its tombstone), or undefined when the id was never stored. The new record then gets
 * `previousRevision + 1`, so revisions never repeat across a delete (see `StorageAdapter`). It is
 * ignored while a record is stored. The check of `expectedRevision` is unchanged: `null` succeeds
 * (the record does not exist), a number is a `conflict`.
 *
 * ```ts
 * // inside one transaction:
 * const current = await readRecord(collection, record.id);
 * const tombstone = current ? undefined : await readTombstone(collection, record.id);
 * const next = nextStoredRecord(collection, current, record, options, new Date().toISOString(), tombstone?.revision);
 * await writeRecord(collection, next);
 * if (tombstone) await deleteTombstone(collection, record.id);
 * ```
 */
export function nextStoredRecord(
  collection: string,
  current: StoredRecord | undefined,
  record: RecordInput,
  options: PutOptions | undefined,
  now: string,
  previousRevision?: number,
): StoredRecord {
  if (previousRevision !== undefined && !(Number.isInteger(previousRevision) && previousRevision >= 0)) {
    throw new TypeError(
      `nextStoredRecord: \`previousRevision\` must be the revision of the deleted record (an integer of 0 or more) or undefined (got ${describe(previousRevision)}).`,
    );
  }
  const expected = options?.expectedRevision;
  if (expected === null && current !== undefined) throw revisionConflict(collection, record.id, null, current.revision);
  if (typeof expected === 'number' && current?.revision !== expected) throw revisionConflict(collection, record.id, expected, current?.revision);
  const copy = JSON.parse(JSON.stringify(record)) as RecordInput;
  const base = current !== undefined ? current.revision : (previousRevision ?? 0);
  return { ...copy, id: record.id, revision: base + 1, updatedAt: now };
}

/**
 * Hands an error that has no caller to return to (a throwing watch listener, a failed background
 * read) to the host without breaking anything: `globalThis.reportError` where it exists (browsers,
 * Deno: the page's `error` event), otherwise `console.error` with a `[mentorkit]` message. Never
 * throws, and never rethrows asynchronously (that would crash a Node process).
 */
export function reportStorageError(error: unknown, context: string): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof report === 'function') {
    try {
      report(error);
      return;
    } catch {
      // A host's reportError replacement failed: fall through to the console.
    }
  }
  try {
    console.error(`[mentorkit] ${context}`, error);
  } catch {
    // No usable console: nothing more can be done without breaking the caller.
  }
}

/** True when every key of `where` equals the record's top-level field. */
export function matchesWhere(record: StoredRecord, where: Record<string, string | number | boolean> | undefined): boolean {
  if (!where) return true;
  for (const [key, value] of Object.entries(where)) if (record[key] !== value) return false;
  return true;
}

/** Sorts records by `id` (code-unit order), the order `query` returns. */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
