import { randomBytes, randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Pool, PoolClient } from 'pg';
import {
  CALENDAR_BUSY_LIMITS,
  Collections,
  MentorKitError,
  isMentorKitError,
  nextStoredRecord,
  pairingMembers,
  prepareRecord,
  type CalendarConnection,
  type StoredRecord,
} from '@mentorkit/core';
import { busyFromICalendar } from '@mentorkit/core/calendar';
import { toICalendar, type ICalSession } from '@mentorkit/core/ical';
import { HttpError } from '../input.js';
import { SecretUnreadable, type ServerSecrets } from '../secrets.js';
import { readCurrent, readRecord, withRecordLock, writeRecord, writeTombstone } from '../store.js';
import { deleteCalDavEvent, fetchBusy, putCalDavEvent, type CalendarSource } from './sources.js';

/**
 * People's own calendars on the server (issue 16, docs/calendars.md):
 *
 * - **Import**: a person connects an iCalendar address or a CalDAV account (`POST /calendars`); the
 *   server — never the browser — reads it through the outbound guard (no private addresses unless the
 *   operator allows them, size and time limits, redirects re-checked), keeps only merged busy
 *   intervals, and publishes them as the person's `calendar-busy` record, which they and their
 *   partners read. The address and credentials are stored encrypted. Calendars are read again every
 *   `refreshMinutes` (ETag / If-Modified-Since: an unchanged feed costs a 304), claimed row by row so
 *   several instances share the work without reading one calendar twice.
 * - **Write-back**: a CalDAV calendar connected with `writeBack` gets every session its owner takes
 *   part in — booked, moved (same UID, higher SEQUENCE), cancelled (STATUS:CANCELLED), removed
 *   (deleted). Each change of a session queues a write in the same transaction (`mk_calendar_writes`),
 *   so a write is never lost to a restart; failures are retried with backoff.
 * - **Feed**: `POST /calendars/feed` gives a person a signed, revocable address of their booked
 *   sessions (`GET /feeds/<id>.<signature>.ics`) for any calendar app to subscribe to.
 */

export interface CalendarServiceOptions {
  pool: Pool;
  secrets: ServerSecrets;
  /** The guarded fetch (outbound.ts). */
  fetch: typeof fetch;
  /** The server's public URL (feed links); without it, links are built from the request's Host. */
  publicUrl?: string;
  /** Domain of the UIDs of written sessions (`<session id>@<domain>`). */
  uidDomain: string;
  /** Minutes between two reads of a calendar (default 30). */
  refreshMinutes?: number;
  /** Days ahead the busy window reaches (default 56). */
  windowDays?: number;
  log(line: string): void;
  /** Tells change streams about a record the service wrote. */
  publish(change: { collection: string; id: string; record?: StoredRecord; previous?: StoredRecord }): void;
  /** The JSON body of a request (within `limitBytes`). */
  readJson(request: http.IncomingMessage, limitBytes: number): Promise<unknown>;
  send(response: http.ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void;
  /** Whether the server can still take work (false while closing). */
  running(): boolean;
  now?: () => Date;
}

type ConnectionRow = {
  id: string;
  person_id: string;
  kind: 'ics-feed' | 'caldav';
  label: string;
  secret: string;
  place: string;
  write_back: boolean;
  etag: string | null;
  last_modified: string | null;
  intervals: Array<{ start: string; end: string }>;
  status: 'ok' | 'failing';
  problem: string | null;
  checked_at: Date | null;
  read_at: Date | null;
};

/** What is stored encrypted for a connection. */
type SecretPart = { url: string; username?: string; password?: string; calendarUrl?: string };

const LIMITS = {
  url: 2048,
  username: 200,
  password: 1000,
  /** A person may ask for a refresh this often (s); more often answers what is known. */
  manualRefreshSeconds: 30,
  /** Connection attempts per person in 10 minutes (each makes the server read an address). */
  connectsPer10Minutes: 10,
  /** Write-back attempts before a write is given up (it stays listed as failing on the connection). */
  writeAttempts: 8,
};

const DAY = 86_400_000;
const isoSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const bad = (path: string, message: string) => new MentorKitError('invalid-input', message, { path });

/** Scheme, host and a hint of the path: what a person sees of an address (no query, no credentials). */
export function placeOf(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname.length > 1 ? '/…' : '/'}`;
}

/** The address a person typed, checked and normalised (webcal:// is https://). */
export function calendarAddress(value: unknown, path = 'url'): URL {
  if (typeof value !== 'string' || value.trim() === '') throw bad(path, "Paste the calendar's address, e.g. https://calendar.example.com/feeds/…/basic.ics.");
  if (value.length > LIMITS.url) throw bad(path, `The address is longer than ${LIMITS.url} characters; check that you pasted only the address.`);
  let url: URL;
  try {
    url = new URL(value.trim().replace(/^webcals?:\/\//i, 'https://'));
  } catch {
    throw bad(path, 'This is not a web address; a calendar address starts with https:// (or webcal://).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw bad(path, `A calendar address starts with https:// (or webcal://), not ${url.protocol}.`);
  if (url.username || url.password) throw bad(path, 'Put the user name and password in their own fields, not in the address.');
  url.hash = '';
  return url;
}

const textField = (input: Record<string, unknown>, key: string, max: number, required: boolean): string | undefined => {
  const value = input[key];
  if (value === undefined || value === null || value === '') {
    if (required) throw bad(key, `\`${key}\` is needed.`);
    return undefined;
  }
  if (typeof value !== 'string') throw bad(key, `\`${key}\` must be text.`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) throw bad(key, `\`${key}\` must be one line of text.`);
  if (value.length > max) throw bad(key, `\`${key}\` must be at most ${max} characters.`);
  return value;
};

/** Sorted, merged intervals (touching ones joined), clipped to [from, to). */
export function mergeIntervals(
  lists: ReadonlyArray<ReadonlyArray<{ start: string; end: string }>>,
  from: number,
  to: number,
): Array<{ start: string; end: string }> {
  const all: Array<[number, number]> = [];
  for (const list of lists)
    for (const interval of list) {
      const start = Math.max(Date.parse(interval.start), from);
      const end = Math.min(Date.parse(interval.end), to);
      if (end > start) all.push([start, end]);
    }
  all.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of all) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged.map(([start, end]) => ({ start: isoSeconds(start), end: isoSeconds(Math.ceil(end / 1000) * 1000) }));
}

const describe = (error: unknown) => (isMentorKitError(error) ? error.message : error instanceof Error ? error.message : String(error));

export function createCalendarService(options: CalendarServiceOptions) {
  const { pool, secrets } = options;
  const now = () => options.now?.() ?? new Date();
  const refreshMinutes = options.refreshMinutes ?? 30;
  const windowDays = options.windowDays ?? 56;
  const windowNow = () => {
    const at = now().getTime();
    const from = Math.floor((at - DAY) / 3_600_000) * 3_600_000;
    return { from, to: from + (windowDays + 1) * DAY };
  };
  const windowIso = () => {
    const { from, to } = windowNow();
    return { from: isoSeconds(from), to: isoSeconds(to) };
  };

  const toConnection = (row: ConnectionRow): CalendarConnection => ({
    id: row.id,
    kind: row.kind,
    label: row.label,
    where: row.place,
    writeBack: row.write_back,
    status: row.status,
    ...(row.checked_at ? { checkedAt: isoSeconds(row.checked_at.getTime()) } : {}),
    ...(row.read_at ? { readAt: isoSeconds(row.read_at.getTime()) } : {}),
    ...(row.problem ? { problem: row.problem } : {}),
    busyCount: row.intervals.length,
  });

  const secretOf = (row: Pick<ConnectionRow, 'id' | 'secret'>): SecretPart => JSON.parse(secrets.decrypt(row.secret, `calendar:${row.id}`)) as SecretPart;
  const sourceOf = (row: ConnectionRow, secret: SecretPart): CalendarSource =>
    row.kind === 'caldav'
      ? { kind: 'caldav', url: secret.calendarUrl ?? secret.url, username: secret.username ?? '', password: secret.password ?? '' }
      : { kind: 'ics-feed', url: secret.url };

  const personZone = async (personId: string): Promise<string | undefined> => {
    const person = await readRecord(pool, Collections.people, personId).catch(() => undefined);
    return typeof person?.timeZone === 'string' ? person.timeZone : undefined;
  };

  /** Reads a source now. */
  const read = async (source: CalendarSource, personId: string, cached?: { etag?: string; lastModified?: string }) => {
    const timeZone = await personZone(personId);
    return fetchBusy(source, windowIso(), {
      fetch: options.fetch,
      busyFromICalendar,
      ...(timeZone ? { timeZone } : {}),
      ...(cached?.etag ? { etag: cached.etag } : {}),
      ...(cached?.lastModified ? { lastModified: cached.lastModified } : {}),
    });
  };

  // ─── the person's calendar-busy record ──────────────────────────────────────────────────────

  /** Rewrites the person's `calendar-busy` record from their connections (removes it when none). */
  const publishBusy = async (personId: string) => {
    const { from, to } = windowNow();
    const outcome = await withRecordLock(pool, Collections.calendarBusy, personId, async (client) => {
      // Read under the record's lock: two refreshes finishing together write in turn, the last from the latest rows.
      const { rows } = await client.query<ConnectionRow>('SELECT * FROM mk_calendar_connections WHERE person_id = $1 ORDER BY created_at, id', [personId]);
      const current = await readCurrent(client, Collections.calendarBusy, personId);
      if (rows.length === 0) {
        if (!current.record) return undefined;
        await writeTombstone(client, Collections.calendarBusy, personId, new Date().toISOString());
        return { previous: current.record };
      }
      const intervals = mergeIntervals(
        rows.map((row) => row.intervals),
        from,
        to,
      ).slice(0, CALENDAR_BUSY_LIMITS.intervals);
      const record = prepareRecord(Collections.calendarBusy, {
        id: personId,
        personId,
        intervals,
        from: isoSeconds(from),
        to: isoSeconds(to),
        calendars: rows.slice(0, CALENDAR_BUSY_LIMITS.calendars).map((row) => ({
          id: row.id,
          kind: row.kind,
          label: row.label,
          status: row.status,
          checkedAt: isoSeconds((row.checked_at ?? now()).getTime()),
          ...(row.read_at ? { readAt: isoSeconds(row.read_at.getTime()) } : {}),
          ...(row.problem ? { problem: row.problem.slice(0, CALENDAR_BUSY_LIMITS.problem) } : {}),
        })),
      });
      const stored = nextStoredRecord(Collections.calendarBusy, current.record, record, undefined, new Date().toISOString(), current.tombstoneRevision);
      await writeRecord(client, Collections.calendarBusy, stored);
      return { record: stored };
    });
    if (outcome) options.publish({ collection: Collections.calendarBusy, id: personId, ...outcome });
  };

  // ─── refreshing ─────────────────────────────────────────────────────────────────────────────

  /** Reads one connection again and stores what it holds (or why it failed); then the person's record. */
  const refreshRow = async (row: ConnectionRow): Promise<ConnectionRow> => {
    let next: ConnectionRow;
    try {
      const secret = secretOf(row);
      const result = await read(sourceOf(row, secret), row.person_id, {
        ...(row.etag ? { etag: row.etag } : {}),
        ...(row.last_modified ? { lastModified: row.last_modified } : {}),
      });
      const intervals = result.status === 'not-modified' ? row.intervals : result.intervals;
      const { rows } = await pool.query<ConnectionRow>(
        `UPDATE mk_calendar_connections SET intervals = $2, etag = $3, last_modified = $4, status = 'ok', problem = NULL, checked_at = now(), read_at = now(), refreshing_until = NULL
         WHERE id = $1 RETURNING *`,
        [
          row.id,
          JSON.stringify(intervals),
          result.status === 'not-modified' ? row.etag : (result.etag ?? null),
          result.status === 'not-modified' ? row.last_modified : (result.lastModified ?? null),
        ],
      );
      if (!rows[0]) return row; // disconnected meanwhile
      next = rows[0];
    } catch (error) {
      const problem = error instanceof SecretUnreadable ? 'This calendar was connected with another server key; connect it again.' : describe(error);
      const { rows } = await pool.query<ConnectionRow>(
        "UPDATE mk_calendar_connections SET status = 'failing', problem = $2, checked_at = now(), refreshing_until = NULL WHERE id = $1 RETURNING *",
        [row.id, problem.slice(0, CALENDAR_BUSY_LIMITS.problem)],
      );
      options.log(`calendar ${row.id} of ${row.person_id} (${row.place}) could not be read: ${problem}`);
      if (!rows[0]) return row;
      next = rows[0];
    }
    await publishBusy(row.person_id);
    return next;
  };

  /** Claims connections not read for `refreshMinutes` (each by one instance) and reads them. */
  const refreshDue = async (limit = 10): Promise<number> => {
    const { rows } = await pool.query<ConnectionRow>(
      `UPDATE mk_calendar_connections SET refreshing_until = now() + interval '2 minutes'
       WHERE id IN (
         SELECT id FROM mk_calendar_connections
         WHERE (checked_at IS NULL OR checked_at < now() - make_interval(mins => $1))
           AND (refreshing_until IS NULL OR refreshing_until < now())
         ORDER BY checked_at NULLS FIRST LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [refreshMinutes, limit],
    );
    for (const row of rows) await refreshRow(row);
    return rows.length;
  };

  // ─── write-back ─────────────────────────────────────────────────────────────────────────────

  /**
   * Queues the session for every write-back calendar of the people taking part, in the caller's
   * transaction (`client`). `session`: the stored record, or undefined when it was deleted
   * (`previous` then says who took part).
   */
  const queueSessionWrite = async (client: PoolClient, sessionId: string, session: StoredRecord | undefined, previous: StoredRecord | undefined) => {
    const subject = session ?? previous;
    if (!subject || typeof subject.pairingId !== 'string') return;
    // Everyone of the pairing who takes part now or took part before (a person left out gets the
    // event removed): never anyone outside the pairing, whatever participantIds says.
    const members = await pairingMembersOf(client, subject.pairingId);
    const people = new Set<string>();
    for (const record of [session, previous]) if (record) for (const personId of participantsOf(record, members)) people.add(personId);
    if (people.size === 0) return;
    await client.query(
      `INSERT INTO mk_calendar_writes (connection_id, session_id)
       SELECT id, $1 FROM mk_calendar_connections WHERE write_back AND person_id = ANY($2)
       ON CONFLICT (connection_id, session_id) DO UPDATE SET due_at = now(), attempts = 0, last_error = NULL, claimed_until = NULL, generation = mk_calendar_writes.generation + 1`,
      [sessionId, [...people]],
    );
  };

  const pairingMembersOf = async (client: Pool | PoolClient, pairingId: string): Promise<string[]> => {
    const pairing = await readRecord(client, Collections.pairings, pairingId);
    if (!pairing) return [];
    try {
      return pairingMembers(pairing as never).map((member) => member.personId);
    } catch {
      return [];
    }
  };
  /** Who takes part in a session: its `participantIds` within the pairing, else every member. */
  const participantsOf = (session: StoredRecord, members: readonly string[]): string[] =>
    Array.isArray(session.participantIds) ? members.filter((personId) => (session.participantIds as unknown[]).includes(personId)) : [...members];

  /** Sessions a person takes part in (their pairings' sessions, `participantIds` respected). */
  const sessionsOf = async (personId: string, sinceMs: number): Promise<StoredRecord[]> => {
    // The person's pairings (mentee, or among the mentors: ids never hold \u0000, so the jsonb cast is safe).
    const pairings = await pool.query<{ id: string; data: Record<string, unknown> }>(
      "SELECT id, data FROM mk_records WHERE collection = 'pairings' AND NOT deleted AND (filter->>'menteeId' = $1 OR (data->'mentorIds')::jsonb ? $1)",
      [personId],
    );
    const mine = pairings.rows
      .filter((row) => {
        try {
          return pairingMembers(row.data as never).some((member) => member.personId === personId);
        } catch {
          return false;
        }
      })
      .map((row) => row.id);
    if (mine.length === 0) return [];
    const { rows } = await pool.query<{ data: StoredRecord }>(
      "SELECT data FROM mk_records WHERE collection = 'sessions' AND NOT deleted AND filter->>'pairingId' = ANY($1)",
      [mine],
    );
    return rows
      .map((row) => row.data)
      .filter((session) => (!Array.isArray(session.participantIds) || session.participantIds.includes(personId)) && Date.parse(String(session.end)) >= sinceMs)
      .sort((a, b) => String(a.start).localeCompare(String(b.start)));
  };

  const icalSession = (session: StoredRecord): ICalSession => ({
    id: session.id,
    title: String(session.title ?? 'Mentoring session'),
    start: String(session.start),
    end: String(session.end),
    timeZone: String(session.timeZone ?? 'UTC'),
    ...(typeof session.agenda === 'string' ? { agenda: session.agenda } : {}),
    ...(typeof session.meetingUrl === 'string' ? { meetingUrl: session.meetingUrl } : {}),
    ...(session.status ? { status: session.status as ICalSession['status'] } : {}),
    revision: session.revision,
  });

  /** Writes due sessions into write-back calendars (each row claimed by one instance). */
  const writeDue = async (limit = 20): Promise<number> => {
    const { rows } = await pool.query<{ connection_id: string; session_id: string; attempts: number; generation: number }>(
      `UPDATE mk_calendar_writes SET claimed_until = now() + interval '2 minutes'
       WHERE (connection_id, session_id) IN (
         SELECT connection_id, session_id FROM mk_calendar_writes
         WHERE due_at <= now() AND attempts < $1 AND (claimed_until IS NULL OR claimed_until < now())
         ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING connection_id, session_id, attempts, generation`,
      [LIMITS.writeAttempts, limit],
    );
    for (const write of rows) {
      const connection = (await pool.query<ConnectionRow>('SELECT * FROM mk_calendar_connections WHERE id = $1', [write.connection_id])).rows[0];
      if (!connection || !connection.write_back) continue; // cascade / turned off
      try {
        const secret = secretOf(connection);
        const source = {
          kind: 'caldav' as const,
          url: secret.url,
          username: secret.username ?? '',
          password: secret.password ?? '',
          ...(secret.calendarUrl ? { calendarUrl: secret.calendarUrl } : {}),
        };
        const session = await readRecord(pool, Collections.sessions, write.session_id);
        const uid = `${write.session_id}@${options.uidDomain}`;
        const takesPart =
          session !== undefined &&
          typeof session.pairingId === 'string' &&
          participantsOf(session, await pairingMembersOf(pool, session.pairingId)).includes(connection.person_id);
        if (!takesPart) await deleteCalDavEvent(source, uid, { fetch: options.fetch });
        else {
          // Every event written carries the same zone span (the year before to three years ahead), so
          // a calendar server joining them under one VTIMEZONE per zone reads every one right.
          const year = now().getUTCFullYear();
          const timeZoneSpan = { from: `${year - 1}-01-01T00:00:00Z`, to: `${year + 3}-01-01T00:00:00Z` };
          await putCalDavEvent(
            source,
            { uid, ics: toICalendar([icalSession(session)], { uidDomain: options.uidDomain, method: null, name: 'Mentoring', timeZoneSpan }) },
            { fetch: options.fetch },
          );
        }
        // A change made while this one was written queued a newer generation: that one stays due.
        await pool.query('DELETE FROM mk_calendar_writes WHERE connection_id = $1 AND session_id = $2 AND generation = $3', [
          write.connection_id,
          write.session_id,
          write.generation,
        ]);
        // The calendar changed: read it again soon, so a moved session's old time stops counting as busy.
        await pool.query("UPDATE mk_calendar_connections SET checked_at = now() - interval '1 day' WHERE id = $1", [write.connection_id]);
        again = true;
      } catch (error) {
        const attempts = write.attempts + 1;
        const problem = error instanceof SecretUnreadable ? 'connected with another server key' : describe(error);
        // Backoff: 1, 2, 4 … minutes.
        await pool.query(
          'UPDATE mk_calendar_writes SET attempts = $3, last_error = $4, claimed_until = NULL, due_at = now() + make_interval(mins => $5) WHERE connection_id = $1 AND session_id = $2 AND generation = $6',
          [write.connection_id, write.session_id, attempts, problem.slice(0, 300), 2 ** (attempts - 1), write.generation],
        );
        options.log(
          `writing session ${write.session_id} into calendar ${write.connection_id} failed (attempt ${attempts} of ${LIMITS.writeAttempts}): ${problem}`,
        );
      }
    }
    return rows.length;
  };

  // ─── background work ────────────────────────────────────────────────────────────────────────

  let timer: NodeJS.Timeout | undefined;
  let working: Promise<void> | undefined;
  let again = false;
  /** Runs due refreshes and writes now (coalesced: one run at a time, one more if asked meanwhile). */
  const kick = (): Promise<void> => {
    if (working) {
      again = true;
      return working;
    }
    working = (async () => {
      do {
        again = false;
        if (!options.running()) return;
        try {
          await writeDue();
          await refreshDue();
        } catch (error) {
          options.log(`calendar work failed: ${describe(error)}`);
        }
      } while (again);
    })().finally(() => (working = undefined));
    return working;
  };

  // ─── HTTP ───────────────────────────────────────────────────────────────────────────────────

  // Reads a person starts (connecting, refreshing by hand) are limited, so nobody makes the server
  // fetch addresses over and over on their behalf: one at a time, and CONNECTS_PER_10_MINUTES attempts.
  const readingFor = new Set<string>();
  const attempts = new Map<string, number[]>();
  const startRead = (personId: string, counts: boolean): (() => void) => {
    if (readingFor.has(personId))
      throw new HttpError(429, new MentorKitError('forbidden', 'One of your calendars is being read right now; try again when it is done.', { path: 'url' }), {
        'Retry-After': '5',
      });
    if (counts) {
      const since = now().getTime() - 600_000;
      const recent = (attempts.get(personId) ?? []).filter((at) => at > since);
      if (recent.length >= LIMITS.connectsPer10Minutes)
        throw new HttpError(
          429,
          new MentorKitError(
            'forbidden',
            `You tried to connect ${LIMITS.connectsPer10Minutes} calendars in the last 10 minutes; wait a few minutes before trying again.`,
            { path: 'url' },
          ),
          { 'Retry-After': '120' },
        );
      recent.push(now().getTime());
      attempts.set(personId, recent);
    }
    readingFor.add(personId);
    return () => readingFor.delete(personId);
  };

  const connectionOf = async (personId: string, id: string): Promise<ConnectionRow> => {
    const { rows } = await pool.query<ConnectionRow>('SELECT * FROM mk_calendar_connections WHERE id = $1 AND person_id = $2', [id, personId]);
    if (!rows[0]) throw new MentorKitError('not-found', `You have no calendar "${id.slice(0, 100)}".`, { path: 'id' });
    return rows[0];
  };

  const connect = async (personId: string, input: unknown): Promise<CalendarConnection> => {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      throw bad('body', 'Send { kind: "ics-feed", url } or { kind: "caldav", url, username, password }.');
    const body = input as Record<string, unknown>;
    if (body.kind !== 'ics-feed' && body.kind !== 'caldav') throw bad('kind', '`kind` must be "ics-feed" (a calendar address) or "caldav" (a CalDAV account).');
    const url = calendarAddress(body.url);
    const label = (textField(body, 'label', CALENDAR_BUSY_LIMITS.label, false) ?? '').trim() || (body.kind === 'caldav' ? 'CalDAV calendar' : url.hostname);
    const username = body.kind === 'caldav' ? textField(body, 'username', LIMITS.username, true) : undefined;
    const password = body.kind === 'caldav' ? textField(body, 'password', LIMITS.password, true) : undefined;
    if (body.kind === 'ics-feed' && (body.username !== undefined || body.password !== undefined))
      throw bad('username', 'A calendar address needs no user name or password; for an account, choose CalDAV.');
    if (body.writeBack !== undefined && typeof body.writeBack !== 'boolean') throw bad('writeBack', '`writeBack` must be true or false.');
    if (body.writeBack === true && body.kind !== 'caldav')
      throw bad('writeBack', 'Sessions can be written only into a CalDAV calendar; a calendar address is read-only.');
    const { rows: counted } = await pool.query<{ count: string }>('SELECT count(*) FROM mk_calendar_connections WHERE person_id = $1', [personId]);
    if (Number(counted[0]!.count) >= CALENDAR_BUSY_LIMITS.calendars)
      throw new HttpError(
        409,
        new MentorKitError('conflict', `You have ${CALENDAR_BUSY_LIMITS.calendars} calendars connected, the most there can be; disconnect one first.`, {
          path: 'kind',
        }),
      );

    const source: CalendarSource =
      body.kind === 'caldav' ? { kind: 'caldav', url: url.href, username: username!, password: password! } : { kind: 'ics-feed', url: url.href };
    let result: Awaited<ReturnType<typeof read>>;
    const done = startRead(personId, true);
    try {
      result = await read(source, personId);
    } catch (error) {
      // Nothing is kept of a calendar that could not be read: the person fixes the address and tries again.
      const reason = isMentorKitError(error) ? error : new MentorKitError('invalid-input', describe(error), { path: 'url' });
      throw new HttpError(
        422,
        new MentorKitError(reason.code, `This calendar could not be read: ${reason.message}`, {
          path: reason.path && reason.path !== '' ? reason.path : 'url',
        }),
      );
    } finally {
      done();
    }
    const id = randomUUID();
    const secret: SecretPart = {
      url: url.href,
      ...(username ? { username } : {}),
      ...(password ? { password } : {}),
      ...(result.calendarUrl ? { calendarUrl: result.calendarUrl } : {}),
    };
    const writeBack = body.writeBack === true;
    const { rows } = await pool.query<ConnectionRow>(
      `INSERT INTO mk_calendar_connections (id, person_id, kind, label, secret, place, write_back, etag, last_modified, intervals, status, checked_at, read_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'ok', now(), now()) RETURNING *`,
      [
        id,
        personId,
        body.kind,
        label,
        secrets.encrypt(JSON.stringify(secret), `calendar:${id}`),
        placeOf(url),
        writeBack,
        result.etag ?? null,
        result.lastModified ?? null,
        JSON.stringify(result.status === 'fetched' ? result.intervals : []),
      ],
    );
    if (writeBack) {
      // The sessions already booked go in too.
      const upcoming = await sessionsOf(personId, now().getTime() - DAY);
      if (upcoming.length > 0)
        await pool.query('INSERT INTO mk_calendar_writes (connection_id, session_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [
          id,
          upcoming.map((session) => session.id),
        ]);
    }
    options.log(
      `${personId} connected a calendar (${body.kind}, ${placeOf(url)}${writeBack ? ', write-back' : ''}): ${rows[0]!.intervals.length} busy intervals`,
    );
    await publishBusy(personId);
    if (writeBack) void kick();
    return toConnection(rows[0]!);
  };

  const feedBase = (request: http.IncomingMessage) => {
    if (options.publicUrl) return options.publicUrl.replace(/\/+$/, '');
    const host = typeof request.headers.host === 'string' && /^[A-Za-z0-9.:[\]-]{1,300}$/.test(request.headers.host) ? request.headers.host : 'localhost';
    return `http://${host}`;
  };
  const feedUrl = (request: http.IncomingMessage, feedId: string) => `${feedBase(request)}/feeds/${feedId}.${secrets.sign(`feed:${feedId}`)}.ics`;
  const newFeedId = () => randomBytes(18).toString('base64url');

  /** `/calendars…` for a signed-in person. Returns false when the path is not the service's. */
  const handle = async (
    personId: string | undefined,
    segments: readonly string[],
    method: string,
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): Promise<boolean> => {
    if (segments[0] !== 'calendars' || segments.length > 3) return false;
    if (personId === undefined)
      throw new MentorKitError('forbidden', 'Calendars belong to people: call this as the person (a service token has no calendars).', {
        path: 'Authorization',
      });
    const notAllowed = (allow: string) => {
      throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use ${allow}.`, { path: 'method' }), { Allow: allow });
    };
    if (segments.length === 1) {
      if (method === 'GET') {
        const { rows } = await pool.query<ConnectionRow>('SELECT * FROM mk_calendar_connections WHERE person_id = $1 ORDER BY created_at, id', [personId]);
        options.send(response, 200, { calendars: rows.map(toConnection) });
        return true;
      }
      if (method === 'POST') {
        options.send(response, 201, await connect(personId, await options.readJson(request, 8 * 1024)));
        return true;
      }
      notAllowed('GET, POST');
    }
    if (segments[1] === 'feed') {
      if (segments.length === 2) {
        if (method === 'GET') {
          const { rows } = await pool.query<{ feed_id: string }>('SELECT feed_id FROM mk_calendar_feeds WHERE person_id = $1', [personId]);
          options.send(response, 200, { url: rows[0] ? feedUrl(request, rows[0].feed_id) : null });
          return true;
        }
        if (method === 'POST') {
          await pool.query('INSERT INTO mk_calendar_feeds (person_id, feed_id) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING', [personId, newFeedId()]);
          const { rows } = await pool.query<{ feed_id: string }>('SELECT feed_id FROM mk_calendar_feeds WHERE person_id = $1', [personId]);
          options.send(response, 200, { url: feedUrl(request, rows[0]!.feed_id) });
          return true;
        }
        if (method === 'DELETE') {
          await pool.query('DELETE FROM mk_calendar_feeds WHERE person_id = $1', [personId]);
          options.log(`${personId} stopped their session feed`);
          options.send(response, 200, { deleted: true });
          return true;
        }
        notAllowed('GET, POST, DELETE');
      }
      if (segments.length === 3 && segments[2] === 'rotate') {
        if (method !== 'POST') notAllowed('POST');
        const feedId = newFeedId();
        await pool.query(
          'INSERT INTO mk_calendar_feeds (person_id, feed_id) VALUES ($1, $2) ON CONFLICT (person_id) DO UPDATE SET feed_id = EXCLUDED.feed_id, created_at = now()',
          [personId, feedId],
        );
        options.log(`${personId} made a new session feed address (the old one no longer works)`);
        options.send(response, 200, { url: feedUrl(request, feedId) });
        return true;
      }
      return false;
    }
    const id = segments[1]!;
    if (segments.length === 2) {
      if (method === 'GET') {
        options.send(response, 200, toConnection(await connectionOf(personId, id)));
        return true;
      }
      if (method === 'DELETE') {
        const row = await connectionOf(personId, id);
        await pool.query('DELETE FROM mk_calendar_connections WHERE id = $1', [row.id]);
        options.log(`${personId} disconnected calendar ${row.id} (${row.place})`);
        await publishBusy(personId);
        options.send(response, 200, { deleted: true });
        return true;
      }
      notAllowed('GET, DELETE');
    }
    if (segments.length === 3 && segments[2] === 'refresh') {
      if (method !== 'POST') notAllowed('POST');
      const row = await connectionOf(personId, id);
      const recently = row.checked_at && now().getTime() - row.checked_at.getTime() < LIMITS.manualRefreshSeconds * 1000;
      if (recently) {
        options.send(response, 200, toConnection(row));
        return true;
      }
      const done = startRead(personId, false);
      try {
        options.send(response, 200, toConnection(await refreshRow(row)));
      } finally {
        done();
      }
      return true;
    }
    return false;
  };

  /** `GET /feeds/<feed id>.<signature>.ics`: a person's sessions, for calendar apps (no sign-in: the link is the key). */
  const handleFeed = async (segments: readonly string[], method: string, response: http.ServerResponse): Promise<boolean> => {
    if (segments[0] !== 'feeds' || segments.length !== 2) return false;
    if (method !== 'GET' && method !== 'HEAD')
      throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use GET.`, { path: 'method' }), { Allow: 'GET' });
    const match = /^([A-Za-z0-9_-]{24})\.([A-Za-z0-9_-]{22})(?:\.ics)?$/.exec(segments[1]!);
    const gone = () =>
      new MentorKitError('not-found', 'This calendar address does not work (any more); ask for the current one in MentorKit.', { path: 'url' });
    if (!match || !secrets.verify(`feed:${match[1]}`, match[2]!)) throw gone();
    const { rows } = await pool.query<{ person_id: string }>('SELECT person_id FROM mk_calendar_feeds WHERE feed_id = $1', [match[1]]);
    if (!rows[0]) throw gone();
    const sessions = (await sessionsOf(rows[0].person_id, now().getTime() - 90 * DAY)).slice(-1000);
    const text = toICalendar(sessions.map(icalSession), { uidDomain: options.uidDomain, name: 'Mentoring sessions' });
    response.writeHead(200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'private, max-age=300',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Content-Disposition': 'inline; filename="mentoring.ics"',
    });
    response.end(method === 'HEAD' ? undefined : text);
    return true;
  };

  return {
    handle,
    handleFeed,
    queueSessionWrite,
    kick,
    refreshDue,
    writeDue,
    publishBusy,
    start(intervalMs = 60_000) {
      if (timer) return;
      timer = setInterval(() => void kick(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await working;
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
