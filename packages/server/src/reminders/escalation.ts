import type http from 'node:http';
import type { Pool, PoolClient } from 'pg';
import { MentorKitError, isCalendarDate, isInstant, isProgramAdmin, localTimeOf, nextStoredRecord, prepareRecord, type StoredRecord } from '@mentorkit/core';
import {
  DEFAULT_ESCALATION_SETTINGS,
  escalationRank,
  escalationStage,
  fillTemplate,
  sensibleSendTime,
  sessionHeld,
  validateEscalationSettings,
  type EscalationSettings,
  type EscalationStage,
  type EscalationStageName,
  type NudgePerson,
  type CheckInGoal,
  type CheckInMessage,
  type CheckInSession,
  type PairingCheckIn,
} from '@mentorkit/core/checkins';
import { matchMentors, type MentorProfile } from '@mentorkit/core/pairing';
import { loadPolicyContext, requireProgramAdmin } from '../access.js';
import type { Caller } from '../identity.js';
import { HttpError } from '../input.js';
import { readCurrent, withRecordLock, writeRecord } from '../store.js';
import { MAIL_TEXTS } from './mail.js';

/**
 * The escalation ladder for silent pairs (issue 15 "Silent mentors", docs/reminders.md "Silent pairs:
 * the escalation ladder"). Each scan, for every active pairing, core's `escalationStage` places the
 * pair on its programme's ladder from the pair's activity (`pairingCheckIn(...).activity`, the same
 * the check-in nudges use). This file records where each pair stands (`mk_escalations`, with the
 * stages it went through) and adds the ladder's nudges to the scan, each once per quiet spell (the
 * dedupe period is the spell's start, as for `pair-inactive`):
 *
 * - `nudged`: core's own `pair-inactive` nudge, with the programme's `quietDays` (service.ts passes it);
 * - `admin-alerted`: `pair-at-risk` to every admin of the programme, and once to its webhooks;
 * - closing on, `closing`: `pairing-closing` to both members with the day it closes;
 * - `closed-due`: the server closes the pairing (a record write like any other: change streams and
 *   the policy's version follow) and sends `pairing-closed` to members and admins, naming the best
 *   mentor with room for the mentee (core's `matchMentors`), which the ladder's state keeps too.
 *
 * `GET|PUT /programs/<id>/escalation` (the settings) and `GET /programs/<id>/escalations` (every pair's
 * place, worst first) answer programme admins and services.
 */

export const LADDER_NUDGE_KINDS = ['pair-at-risk', 'pairing-closing', 'pairing-closed'] as const;
export type LadderNudgeKind = (typeof LADDER_NUDGE_KINDS)[number];
export type LadderCode = 'pair-at-risk' | 'pairing-closing' | 'pairing-closed' | 'pairing-closed-mentee' | 'pairing-closed-admin';

export const isLadderKind = (kind: string): kind is LadderNudgeKind => (LADDER_NUDGE_KINDS as readonly string[]).includes(kind);

/** A nudge of the ladder, shaped like core's check-in nudges (the scan and the delivery treat both alike). */
export interface LadderNudge {
  kind: LadderNudgeKind;
  code: LadderCode;
  personId: string;
  pairingId: string;
  sendAt: string;
  localSendAt: string;
  /** In English (what webhooks carry); mails word it in the recipient's language from `code` and `params`. */
  message: string;
  params: Record<string, string | number>;
  /** The start of the quiet spell: the dedupe period. */
  period: string;
  /** `each`: one webhook post per nudge (as check-in nudges); `once`: one per pairing, kind and spell, for the first admin who wants it. */
  webhooks: 'each' | 'once';
}

type HistoryEntry = { stage: EscalationStageName; at: string };
type EscalationRow = {
  pairing_id: string;
  program_id: string;
  stage: EscalationStageName;
  quiet_since: Date | null;
  stage_since: Date | null;
  notice_sent_at: Date | null;
  closed_at: Date | null;
  history: HistoryEntry[];
  suggestion: { menteeId: string; mentorIds: string[] } | null;
  revision: number;
};
type LadderPerson = {
  id: string;
  displayName?: string;
  timeZone?: string;
  languages?: string[];
  roles?: string[];
  programIds?: string[];
  inactiveProgramIds?: string[];
  capacity?: number;
  availability?: unknown;
  [field: string]: unknown;
};
type LadderPairing = { id: string; programId?: string; menteeId: string; mentorIds: string[]; status?: string; startedOn?: string };
type Computed = { pairing: LadderPairing; computed: PairingCheckIn; messages: CheckInMessage[]; sessions: CheckInSession[]; goals: CheckInGoal[] };

/** History entries kept per pairing (the oldest are dropped). */
const HISTORY_LIMIT = 50;
/** Pairings closed by the ladder stay in `GET …/escalations` this long (so admins see them and the suggestion). */
const SHOW_CLOSED_DAYS = 90;
const DAY = 86_400_000;
const iso = (date: Date | null | undefined) => (date ? date.toISOString() : undefined);
const sameInstant = (left: string | undefined, right: string | undefined) =>
  left === undefined || right === undefined ? left === right : Date.parse(left) === Date.parse(right);
/**
 * Whether a pairing's ladder row belongs to its current quiet spell (started at `since`, its last
 * activity). A row of a pairing the ladder closed does not: a pairing an admin opened again starts
 * over (a new notice before any new close), even without activity since.
 */
const inSpell = (row: { quiet_since: Date | null; closed_at: Date | null } | undefined, since: string | undefined): boolean =>
  row !== undefined && !row.closed_at && sameInstant(iso(row.quiet_since), since);
const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/**
 * The last day a person is away (`availability: { status: 'away', until: 'YYYY-MM-DD' }`, the day on
 * their own calendar) when that day has not passed at `at`; otherwise undefined. Read defensively:
 * records written before the field existed, or by a service, may hold anything.
 */
export function awayUntil(person: unknown, at: string): string | undefined {
  const record = asRecord(person);
  const availability = asRecord(record?.availability);
  if (!availability || availability.status !== 'away' || !isCalendarDate(availability.until)) return undefined;
  const zone = typeof record!.timeZone === 'string' ? record!.timeZone : 'UTC';
  let today: string;
  try {
    today = localTimeOf(zone, at).date;
  } catch {
    today = at.slice(0, 10);
  }
  return availability.until >= today ? availability.until : undefined;
}

/**
 * When a nudge reaches a person: `sendAt` as computed, unless their record says they are away until a
 * day that has not passed — then the first sensible time (their working hours, 09:00–18:00 local) on
 * the day after it, on their clock.
 */
export function sendTimeFor(person: unknown, nudgePerson: NudgePerson, sendAt: string): { sendAt: string; localSendAt?: string } {
  const until = awayUntil(person, sendAt);
  if (!until) return { sendAt };
  try {
    // The first quarter hour whose local date is after `until` (local midnight is at most 14 h before UTC midnight).
    let instant = Date.parse(`${until}T00:00:00Z`) + DAY - 14 * 3_600_000;
    while (localTimeOf(nudgePerson.timeZone, new Date(instant).toISOString()).date <= until) instant += 15 * 60_000;
    return sensibleSendTime(nudgePerson, new Date(instant).toISOString());
  } catch {
    // A zone that cannot be read (a record a service wrote): the reminder is not held back.
    return { sendAt };
  }
}

/**
 * Whether a mentor takes mentees at `at` (read defensively, as `awayUntil`): not when
 * `not-taking-mentees`, nor when away until further notice or until a day that has not passed.
 */
function takingMentees(person: unknown, at: Date): boolean {
  const availability = asRecord(asRecord(person)?.availability);
  if (!availability || availability.status === 'taking-mentees') return true;
  if (availability.status !== 'away') return false;
  return isCalendarDate(availability.until) && awayUntil(person, at.toISOString()) === undefined;
}

export interface EscalationLadderOptions {
  pool: Pool;
  log(line: string): void;
  send(response: http.ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void;
  readJson(request: http.IncomingMessage, limitBytes: number): Promise<unknown>;
  now(): Date;
  /** Tells change streams (and other instances) about a record the ladder wrote. */
  publish(change: { collection: string; id: string; record?: StoredRecord; previous?: StoredRecord }): void;
  readPeople(personIds: string[]): Promise<Map<string, LadderPerson>>;
  nudgePerson(personId: string, person: LadderPerson | undefined): NudgePerson;
  /** The active pairings among these ids, with what core computes from their records at `at` (with each programme's `quietDays`). */
  computeActive(pairingIds: string[] | undefined, at: Date, settings: Map<string, EscalationSettings>): Promise<Computed[]>;
}

export function createEscalationLadder(options: EscalationLadderOptions) {
  const { pool, log, send } = options;
  /** Pairings this instance said it holds open (logged once per pairing, spell and notice state, not every scan). */
  const heldOpen = new Set<string>();

  // ─── settings ───────────────────────────────────────────────────────────────────────────────

  const settingsOf = async (programIds: string[]): Promise<Map<string, EscalationSettings>> => {
    const { rows } = await pool.query<{ program_id: string; settings: unknown }>(
      'SELECT program_id, settings FROM mk_escalation_settings WHERE program_id = ANY($1)',
      [programIds],
    );
    const found = new Map<string, EscalationSettings>();
    for (const row of rows) {
      try {
        found.set(row.program_id, validateEscalationSettings(row.settings));
      } catch (error) {
        // Written by hand in SQL? The defaults apply, and the log says so.
        log(
          `reminders: the escalation settings of programme ${row.program_id} are not valid (${error instanceof Error ? error.message : String(error)}); the defaults apply`,
        );
      }
    }
    return new Map(programIds.map((programId) => [programId, found.get(programId) ?? { ...DEFAULT_ESCALATION_SETTINGS }]));
  };
  const settingsFor = (settings: Map<string, EscalationSettings>, programId: string | undefined) =>
    (programId ? settings.get(programId) : undefined) ?? { ...DEFAULT_ESCALATION_SETTINGS };

  const readPrograms = async (programIds: string[]): Promise<Map<string, { id: string; adminIds: string[] }>> => {
    const { rows } = await pool.query<{ id: string; data: { adminIds?: unknown } }>(
      "SELECT id, data FROM mk_records WHERE collection = 'programs' AND NOT deleted AND id = ANY($1)",
      [programIds],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        { id: row.id, adminIds: Array.isArray(row.data?.adminIds) ? row.data.adminIds.filter((id): id is string => typeof id === 'string') : [] },
      ]),
    );
  };

  const readRows = async (pairingIds: string[], client: Pool | PoolClient = pool): Promise<Map<string, EscalationRow>> => {
    const { rows } = await client.query<EscalationRow>('SELECT * FROM mk_escalations WHERE pairing_id = ANY($1)', [pairingIds]);
    return new Map(rows.map((row) => [row.pairing_id, row]));
  };

  /**
   * The pair's activity as the ladder counts it: its last activity starts the quiet spell — except for a
   * pairing the ladder closed and an admin opened again, whose spell starts when the ladder first sees
   * it open (kept as `quiet_since` until there is activity), so it gets a new notice, with new mails,
   * before any new close.
   */
  const ladderActivity = (entry: Computed, row: EscalationRow | undefined, at: Date): PairingCheckIn['activity'] => {
    const activity = entry.computed.activity;
    const last = activity.lastActivityAt !== undefined ? Date.parse(activity.lastActivityAt) : Number.NEGATIVE_INFINITY;
    let start = activity.lastActivityAt;
    if (row?.closed_at) start = last > row.closed_at.getTime() ? activity.lastActivityAt : at.toISOString();
    else if (row?.quiet_since && row.quiet_since.getTime() > last) start = row.quiet_since.toISOString();
    return start === activity.lastActivityAt ? activity : { ...activity, lastActivityAt: start!, lastActivityKind: 'start' };
  };

  /** Where a pair stands: core's stage over its activity, with this spell's notice (a notice of an earlier spell does not count). */
  const stageOf = (entry: Computed, settings: EscalationSettings, row: EscalationRow | undefined, at: Date): EscalationStage => {
    const activity = ladderActivity(entry, row, at);
    const sameSpell = inSpell(row, activity.lastActivityAt);
    return escalationStage({
      activity,
      settings,
      now: at.toISOString(),
      ...(sameSpell && row?.notice_sent_at ? { noticeSentAt: row.notice_sent_at.toISOString() } : {}),
    });
  };

  // ─── closing a pairing and the suggestion ──────────────────────────────────────────────────

  /**
   * Why a pairing due to close stays open: its notice is still on its way (queued, or being retried),
   * or reached nobody (no email address, no webhook, or the kind turned off) — a silent close is what
   * the notice prevents. Undefined: it may close.
   */
  const noticeHoldsOpen = async (pairingId: string, since: string): Promise<'pending' | 'nobody' | undefined> => {
    const {
      rows: [notice],
    } = await pool.query<{ pending: string; sent: string }>(
      "SELECT count(*) FILTER (WHERE status IN ('queued', 'sending', 'failed')) AS pending, count(*) FILTER (WHERE status = 'sent') AS sent FROM mk_notification_deliveries WHERE pairing_id = $1 AND kind = 'pairing-closing' AND period = $2",
      [pairingId, since],
    );
    if (Number(notice?.pending ?? 0) > 0) return 'pending';
    return Number(notice?.sent ?? 0) === 0 ? 'nobody' : undefined;
  };
  const heldAtClosing = (stage: EscalationStage): EscalationStage => ({ ...stage, stage: 'closing', next: { stage: 'closed-due', at: stage.closesAt! } });

  /** Writes the pairing as closed (when it is still active), as the server, and publishes the change. */
  const closePairing = async (pairingId: string, at: Date): Promise<StoredRecord | undefined> => {
    const outcome = await withRecordLock(pool, 'pairings', pairingId, async (client) => {
      const current = await readCurrent(client, 'pairings', pairingId);
      if (!current.record || current.record.status !== 'active') return undefined;
      const { revision: _revision, updatedAt: _updatedAt, createdAt, ...input } = current.record;
      const record = {
        ...prepareRecord('pairings', { ...input, status: 'closed', endedOn: at.toISOString().slice(0, 10) }),
        ...(typeof createdAt === 'string' ? { createdAt } : {}),
        updatedBy: 'mentorkit-escalation',
      };
      const stored = nextStoredRecord('pairings', current.record, record, undefined, at.toISOString(), current.tombstoneRevision);
      await writeRecord(client, 'pairings', stored);
      return { record: stored, previous: current.record };
    });
    if (!outcome) return undefined;
    options.publish({ collection: 'pairings', id: pairingId, ...outcome });
    return outcome.record;
  };

  /**
   * The best mentor for the mentee among the programme's mentors with a free seat (capacity minus
   * their open pairings in it), not the ones just closed, not away or not taking mentees — by core's
   * `matchMentors`, the solver the pairing rounds use. Undefined when nobody fits.
   */
  const suggestMentor = async (pairing: LadderPairing, at: Date): Promise<{ menteeId: string; mentorIds: string[] } | undefined> => {
    const programId = pairing.programId;
    if (!programId) return undefined;
    const [{ rows: people }, { rows: pairings }] = await Promise.all([
      pool.query<{ data: LadderPerson }>(
        "SELECT data FROM mk_records WHERE collection = 'people' AND NOT deleted AND (data->'programIds')::jsonb @> to_jsonb($1::text)",
        [programId],
      ),
      pool.query<{ data: LadderPairing }>(
        "SELECT data FROM mk_records WHERE collection = 'pairings' AND NOT deleted AND data->>'programId' = $1 AND data->>'status' IN ('proposed', 'active', 'paused')",
        [programId],
      ),
    ]);
    const used = new Map<string, number>();
    for (const { data } of pairings)
      for (const mentorId of Array.isArray(data.mentorIds) ? data.mentorIds : []) used.set(mentorId, (used.get(mentorId) ?? 0) + 1);
    const mentee = people.find(({ data }) => data.id === pairing.menteeId)?.data;
    if (!mentee) return undefined;
    const profile = (person: LadderPerson, capacity?: number): MentorProfile => {
      const fields = ['id', 'displayName', 'timeZone', 'workingHours', 'offLimitsDays', 'languages', 'skills', 'wantsToLearn', 'interests'] as const;
      return {
        ...Object.fromEntries(fields.filter((field) => person[field] !== undefined).map((field) => [field, person[field]])),
        ...(capacity !== undefined ? { capacity } : {}),
      } as unknown as MentorProfile;
    };
    const mentors = people
      .map(({ data }) => data)
      .filter(
        (person) => person.id !== pairing.menteeId && !pairing.mentorIds.includes(person.id) && Array.isArray(person.roles) && person.roles.includes('mentor'),
      )
      .filter((person) => !(Array.isArray(person.inactiveProgramIds) && person.inactiveProgramIds.includes(programId)))
      .filter((person) => takingMentees(person, at))
      .map((person) => ({ person, seats: (typeof person.capacity === 'number' ? person.capacity : 1) - (used.get(person.id) ?? 0) }))
      .filter(({ seats }) => seats > 0)
      .map(({ person, seats }) => profile(person, seats));
    if (mentors.length === 0) return undefined;
    try {
      const { assignments } = matchMentors({ mentees: [profile(mentee)], mentors });
      const best = assignments[0];
      return best ? { menteeId: pairing.menteeId, mentorIds: best.mentorIds } : undefined;
    } catch (error) {
      log(`reminders: no re-pairing suggestion for ${pairing.menteeId} (pairing ${pairing.id}): ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };

  // ─── the scan ───────────────────────────────────────────────────────────────────────────────

  /** Names joined the language's way: "A and B", "A y B". */
  const names = (ids: readonly string[], people: Map<string, LadderPerson>, language = 'en') =>
    new Intl.ListFormat(language, { type: 'conjunction' }).format(ids.map((id) => people.get(id)?.displayName ?? id));
  const sentence = (code: LadderCode, params: Record<string, string | number>) => fillTemplate(MAIL_TEXTS.en.sentences[code], params);

  /**
   * One scan's step of the ladder for these active pairings (computed by the scan): records stage
   * changes, sends the notice, closes what is due, and returns the ladder's nudges (the scan queues them
   * like any other, once per key).
   */
  const advance = async (entries: Computed[], settings: Map<string, EscalationSettings>, at: Date): Promise<LadderNudge[]> => {
    if (entries.length === 0) return [];
    const rows = await readRows(entries.map((entry) => entry.pairing.id));
    const programs = await readPrograms([...new Set(entries.map((entry) => entry.pairing.programId).filter((id): id is string => typeof id === 'string'))]);
    const nudges: LadderNudge[] = [];
    // Who the ladder may write to: members and the programmes' admins (read once).
    const adminIds = [...new Set([...programs.values()].flatMap((program) => program.adminIds))];
    const memberIds = [...new Set(entries.flatMap((entry) => [entry.pairing.menteeId, ...entry.pairing.mentorIds]))];
    let people: Map<string, LadderPerson> | undefined;
    const peopleNow = async () => (people ??= await options.readPeople([...new Set([...adminIds, ...memberIds])]));

    for (const entry of entries) {
      const { pairing } = entry;
      const ladder = settingsFor(settings, pairing.programId);
      const row = rows.get(pairing.id);
      const activity = ladderActivity(entry, row, at);
      const since = activity.lastActivityAt;
      let stage = stageOf(entry, ladder, row, at);
      if (stage.stage === 'active' && (!row || (row.stage === 'active' && !row.closed_at))) continue;
      const sameSpell = inSpell(row, since);
      const all = await peopleNow();
      const members = [pairing.menteeId, ...pairing.mentorIds];
      const memberPerson = (personId: string) =>
        entry.computed.people.find((person) => person.personId === personId) ?? options.nudgePerson(personId, all.get(personId));
      const timed = (personId: string, nudgePerson: NudgePerson) => {
        const sensible = sensibleSendTime(nudgePerson, at.toISOString());
        const adjusted = sendTimeFor(all.get(personId), nudgePerson, sensible.sendAt);
        return { sendAt: adjusted.sendAt, localSendAt: adjusted.localSendAt ?? sensible.localSendAt };
      };

      // The notice: stamped once per spell with the moment it reaches the last member (their sendAt),
      // so the full notice runs from when it arrives, not from when it was decided.
      let noticeSentAt = sameSpell && row?.notice_sent_at ? row.notice_sent_at.toISOString() : undefined;
      const noticeTimes = new Map<string, ReturnType<typeof timed>>();
      if (escalationRank(stage.stage) >= escalationRank('closing') && ladder.close && since) {
        for (const personId of members) noticeTimes.set(personId, timed(personId, memberPerson(personId)));
        if (!noticeSentAt) {
          noticeSentAt = new Date(Math.max(...[...noticeTimes.values()].map((time) => Date.parse(time.sendAt)))).toISOString();
          stage = escalationStage({ activity, settings: ladder, now: at.toISOString(), noticeSentAt });
        }
      }
      // Never closed while the notice is still on its way (queued, or being retried), nor when it reached
      // nobody (no email address, no webhook, or the kind turned off): a silent close is what the notice prevents.
      if (stage.stage === 'closed-due') {
        const held = await noticeHoldsOpen(pairing.id, since!);
        if (held) {
          const said = `${pairing.id}|${since}|${held}`;
          if (!heldOpen.has(said) && heldOpen.add(said))
            log(
              `reminders: pairing ${pairing.id} is due to close, but its notice ${held === 'nobody' ? 'reached nobody (no email address or webhook, or turned off)' : 'has not reached everyone yet'}; it stays open`,
            );
          stage = heldAtClosing(stage);
        }
      }

      // The stage change, recorded (optimistically: another instance scanning the same slot may have done it).
      const history = [...(row?.history ?? [])];
      const previousStage: EscalationStageName = sameSpell ? row!.stage : 'active';
      // Back to active: since the activity that ended the spell, or since now for a closed pairing opened again.
      if (row && !sameSpell && (row.stage !== 'active' || row.closed_at))
        history.push({ stage: 'active', at: since && !(row.closed_at && Date.parse(since) <= row.closed_at.getTime()) ? since : at.toISOString() });
      if (stage.stage !== previousStage) history.push({ stage: stage.stage, at: stage.stageSince ?? at.toISOString() });
      let closed: StoredRecord | undefined;
      let suggestion = sameSpell ? (row?.suggestion ?? undefined) : undefined;
      const changed =
        history.length !== (row?.history.length ?? 0) ||
        (noticeSentAt !== undefined && !sameInstant(noticeSentAt, sameSpell ? iso(row?.notice_sent_at) : undefined));
      if (changed) {
        const won = await saveRow(
          row,
          {
            pairing_id: pairing.id,
            program_id: pairing.programId ?? '',
            stage: stage.stage,
            quiet_since: since ?? null,
            stage_since: stage.stageSince ?? null,
            notice_sent_at: noticeSentAt ?? null,
            history: history.slice(-HISTORY_LIMIT),
          },
          at,
        );
        // Lost: another instance scanning the same slot recorded this step (the nudges below are deduplicated by key).
        if (!won) log(`reminders: pairing ${pairing.id}: the ladder's step was recorded by another instance`);
      }
      // Closed by whichever instance takes the pairing's lock first while it is still active: that one tells everyone.
      if (stage.stage === 'closed-due') {
        closed = await closePairing(pairing.id, at);
        if (closed) {
          suggestion = await suggestMentor(pairing, at);
          await pool.query('UPDATE mk_escalations SET closed_at = $2, suggestion = $3, updated_at = $2, revision = revision + 1 WHERE pairing_id = $1', [
            pairing.id,
            at,
            suggestion ? JSON.stringify(suggestion) : null,
          ]);
          log(
            `reminders: pairing ${pairing.id} closed after ${stage.quietDays} days without activity and the full notice${suggestion ? `; suggested for ${suggestion.menteeId}: ${suggestion.mentorIds.join(', ')}` : '; no mentor with a free seat to suggest'}`,
          );
        }
      }
      if (stage.stage === 'active' || !since) continue;

      // The ladder's nudges for every rung reached (deduplicated by key across scans and instances).
      const program = pairing.programId ? programs.get(pairing.programId) : undefined;
      const admins = (program?.adminIds ?? []).filter((id) => !members.includes(id));
      const rank = escalationRank(stage.stage);
      const add = (
        kind: LadderNudgeKind,
        code: LadderCode,
        personId: string,
        nudgePerson: NudgePerson,
        params: Record<string, string | number>,
        webhooks: LadderNudge['webhooks'],
        time = timed(personId, nudgePerson),
      ) => nudges.push({ kind, code, personId, pairingId: pairing.id, ...time, message: sentence(code, params), params, period: since, webhooks });
      const pairNames = { mentee: all.get(pairing.menteeId)?.displayName ?? pairing.menteeId, mentors: names(pairing.mentorIds, all) };
      if (rank >= escalationRank('admin-alerted') && !closed) {
        for (const adminId of admins)
          add('pair-at-risk', 'pair-at-risk', adminId, options.nudgePerson(adminId, all.get(adminId)), { ...pairNames, days: stage.quietDays }, 'once');
      }
      if (stage.stage === 'closing' && ladder.close && stage.closesAt) {
        for (const personId of members) {
          const nudgePerson = memberPerson(personId);
          const others = names(
            members.filter((id) => id !== personId),
            all,
          );
          add(
            'pairing-closing',
            'pairing-closing',
            personId,
            nudgePerson,
            { other: others, days: stage.quietDays, date: localTimeOf(nudgePerson.timeZone, stage.closesAt).date, closesAt: stage.closesAt },
            'each',
            noticeTimes.get(personId),
          );
        }
      }
      if (closed) {
        const suggested = suggestion ? names(suggestion.mentorIds, await options.readPeople(suggestion.mentorIds)) : undefined;
        for (const personId of members) {
          const others = names(
            members.filter((id) => id !== personId),
            all,
          );
          const mentee = personId === pairing.menteeId;
          add(
            'pairing-closed',
            mentee ? 'pairing-closed-mentee' : 'pairing-closed',
            personId,
            memberPerson(personId),
            { other: others, days: stage.quietDays, ...(mentee && suggested ? { suggested } : {}) },
            'each',
          );
        }
        for (const adminId of admins)
          add(
            'pairing-closed',
            'pairing-closed-admin',
            adminId,
            options.nudgePerson(adminId, all.get(adminId)),
            { ...pairNames, days: stage.quietDays, ...(suggested ? { suggested } : {}) },
            'once',
          );
      }
    }
    return nudges;
  };

  /** Inserts or updates a pairing's ladder row if nobody changed it since `row` was read. True when this call wrote it. */
  const saveRow = async (
    row: EscalationRow | undefined,
    next: Omit<EscalationRow, 'revision' | 'closed_at' | 'suggestion' | 'quiet_since' | 'stage_since' | 'notice_sent_at'> & {
      quiet_since: string | null;
      stage_since: string | null;
      notice_sent_at: string | null;
    },
    at: Date,
  ): Promise<boolean> => {
    const values = [next.pairing_id, next.program_id, next.stage, next.quiet_since, next.stage_since, next.notice_sent_at, JSON.stringify(next.history), at];
    if (!row) {
      const { rowCount } = await pool.query(
        `INSERT INTO mk_escalations (pairing_id, program_id, stage, quiet_since, stage_since, notice_sent_at, history, updated_at, revision) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1) ON CONFLICT (pairing_id) DO NOTHING`,
        values,
      );
      return rowCount === 1;
    }
    const sameSpell = inSpell(row, next.quiet_since ?? undefined);
    const { rowCount } = await pool.query(
      `UPDATE mk_escalations SET program_id = $2, stage = $3, quiet_since = $4, stage_since = $5, notice_sent_at = $6, history = $7, updated_at = $8, revision = revision + 1${sameSpell ? '' : ', closed_at = NULL, suggestion = NULL'}
       WHERE pairing_id = $1 AND revision = $9`,
      [...values, row.revision],
    );
    return rowCount === 1;
  };

  // ─── the delivery's second look ─────────────────────────────────────────────────────────────

  /**
   * What a queued ladder nudge says now, or why it no longer holds: the pair was active again (a new
   * spell), or is no longer on that rung, the pairing was closed or reopened, or the recipient is no
   * longer an admin of the programme.
   */
  const recheck = async (
    delivery: { kind: string; person_id: string; pairing_id: string; period: string },
    at: Date,
    language = 'en',
  ): Promise<{ nudge: LadderNudge; activity?: PairingCheckIn['activity'] } | { skip: string }> => {
    const resolved = { skip: 'resolved before it was due (activity since, or the pair moved off that step)' };
    const pairingRecord = (await readCurrent(pool, 'pairings', delivery.pairing_id)).record as (StoredRecord & LadderPairing) | undefined;
    if (!pairingRecord) return { skip: 'the pairing no longer exists' };
    const programId = typeof pairingRecord.programId === 'string' ? pairingRecord.programId : undefined;
    const members = [pairingRecord.menteeId, ...(Array.isArray(pairingRecord.mentorIds) ? pairingRecord.mentorIds : [])];
    const isMember = members.includes(delivery.person_id);
    if (!isMember && !(programId && isProgramAdmin(await loadPolicyContext(pool), delivery.person_id, programId)))
      return { skip: 'no longer an admin of the programme' };
    const people = await options.readPeople([...new Set([...members, delivery.person_id])]);
    const settings = await settingsOf(programId ? [programId] : []);
    const ladder = settingsFor(settings, programId);
    const row = (await readRows([delivery.pairing_id])).get(delivery.pairing_id);
    const pairNames = {
      mentee: people.get(pairingRecord.menteeId)?.displayName ?? pairingRecord.menteeId,
      mentors: names(pairingRecord.mentorIds, people, language),
    };
    const others = names(
      members.filter((id) => id !== delivery.person_id),
      people,
      language,
    );
    const base = {
      personId: delivery.person_id,
      pairingId: delivery.pairing_id,
      sendAt: at.toISOString(),
      localSendAt: at.toISOString(),
      period: delivery.period,
      webhooks: 'each' as const,
    };

    if (delivery.kind === 'pairing-closed') {
      if (pairingRecord.status !== 'closed' || !row?.closed_at || !sameInstant(iso(row.quiet_since), delivery.period))
        return { skip: 'the pairing is open again' };
      const days = Math.floor((row.closed_at.getTime() - Date.parse(delivery.period)) / DAY);
      const suggested = row.suggestion ? names(row.suggestion.mentorIds, await options.readPeople(row.suggestion.mentorIds), language) : undefined;
      const code: LadderCode = !isMember ? 'pairing-closed-admin' : delivery.person_id === pairingRecord.menteeId ? 'pairing-closed-mentee' : 'pairing-closed';
      const params =
        code === 'pairing-closed-admin'
          ? { ...pairNames, days, ...(suggested ? { suggested } : {}) }
          : { other: others, days, ...(code === 'pairing-closed-mentee' && suggested ? { suggested } : {}) };
      return { nudge: { ...base, kind: 'pairing-closed', code, message: sentence(code, params), params } };
    }
    if (pairingRecord.status !== 'active') return { skip: 'the pairing is no longer active' };
    const [entry] = await options.computeActive([delivery.pairing_id], at, settings);
    if (!entry || !sameInstant(ladderActivity(entry, row, at).lastActivityAt, delivery.period)) return resolved;
    const stage = stageOf(entry, ladder, row, at);
    const activity = entry.computed.activity;
    if (delivery.kind === 'pair-at-risk') {
      if (escalationRank(stage.stage) < escalationRank('admin-alerted')) return resolved;
      const params = { ...pairNames, days: stage.quietDays };
      return { nudge: { ...base, kind: 'pair-at-risk', code: 'pair-at-risk', message: sentence('pair-at-risk', params), params }, activity };
    }
    if (delivery.kind === 'pairing-closing') {
      if (escalationRank(stage.stage) < escalationRank('closing') || !stage.closesAt) return resolved;
      const zone = entry.computed.people.find((person) => person.personId === delivery.person_id)?.timeZone ?? 'UTC';
      const params = { other: others, days: stage.quietDays, date: localTimeOf(zone, stage.closesAt).date, closesAt: stage.closesAt };
      return { nudge: { ...base, kind: 'pairing-closing', code: 'pairing-closing', message: sentence('pairing-closing', params), params }, activity };
    }
    return { skip: `${delivery.kind} is not a step of the ladder` };
  };

  // ─── the admin's view and the settings ──────────────────────────────────────────────────────

  const authorize = (caller: Caller, programId: string) => requireProgramAdmin(pool, caller, programId, 'sees and sets its escalation ladder');

  const readSettingsRow = async (programId: string) => {
    const { rows } = await pool.query<{ updated_at: Date }>('SELECT updated_at FROM mk_escalation_settings WHERE program_id = $1', [programId]);
    const settings = (await settingsOf([programId])).get(programId)!;
    return { programId, ...settings, ...(rows[0] ? { updatedAt: rows[0].updated_at.toISOString() } : {}) };
  };

  /** Each person's last own activity in the pair: their messages, and every held session (both were there); goal updates count for the mentee, whose goals they are. */
  const lastActiveOf = (entry: Computed, personId: string, at: Date): string | null => {
    let last = Number.NaN;
    const consider = (value: string | undefined) => {
      const time = value !== undefined && isInstant(value) ? Date.parse(value) : Number.NaN;
      if (time <= at.getTime() && !(time <= last)) last = time;
    };
    for (const message of entry.messages) if (message.authorId === personId) consider(message.sentAt ?? message.createdAt);
    for (const session of entry.sessions) if (sessionHeld(session, at.getTime())) consider(session.end);
    if (personId === entry.pairing.menteeId) for (const goal of entry.goals) consider(goal.updatedAt);
    return Number.isFinite(last) ? new Date(last).toISOString() : null;
  };

  const escalations = async (programId: string) => {
    const at = options.now();
    const settings = await settingsOf([programId]);
    const ladder = settings.get(programId)!;
    const { rows: active } = await pool.query<{ id: string }>(
      "SELECT id FROM mk_records WHERE collection = 'pairings' AND NOT deleted AND data->>'programId' = $1 AND data->>'status' = 'active'",
      [programId],
    );
    const entries = await options.computeActive(
      active.map((row) => row.id),
      at,
      settings,
    );
    const rows = await readRows(entries.map((entry) => entry.pairing.id));
    const { rows: closedRows } = await pool.query<EscalationRow>(
      'SELECT * FROM mk_escalations WHERE program_id = $1 AND closed_at IS NOT NULL AND closed_at > $2',
      [programId, new Date(at.getTime() - SHOW_CLOSED_DAYS * DAY)],
    );
    const pairs = await Promise.all(
      entries.map(async (entry) => {
        const row = rows.get(entry.pairing.id);
        let stage = stageOf(entry, ladder, row, at);
        // As the scan decides: a pairing whose notice is on its way or reached nobody stays at closing.
        if (stage.stage === 'closed-due' && (await noticeHoldsOpen(entry.pairing.id, ladderActivity(entry, row, at).lastActivityAt!)))
          stage = heldAtClosing(stage);
        const sameSpell = inSpell(row, ladderActivity(entry, row, at).lastActivityAt);
        const members = [entry.pairing.menteeId, ...entry.pairing.mentorIds];
        return {
          pairingId: entry.pairing.id,
          menteeId: entry.pairing.menteeId,
          mentorIds: entry.pairing.mentorIds,
          members: members.map((personId) => ({ personId, lastActiveAt: lastActiveOf(entry, personId, at) })),
          lastActivityAt: entry.computed.activity.lastActivityAt ?? null,
          lastActivityKind: entry.computed.activity.lastActivityKind ?? null,
          quietDays: stage.quietDays,
          stage: stage.stage,
          stageSince: stage.stageSince ?? entry.computed.activity.lastActivityAt ?? at.toISOString(),
          ...(stage.next ? { next: stage.next } : {}),
          ...(stage.closesAt ? { closesAt: stage.closesAt } : {}),
          history: row?.history ?? [],
          ...(sameSpell && row?.suggestion ? { suggestion: row.suggestion } : {}),
        };
      }),
    );
    const closedPairings =
      closedRows.length > 0
        ? await pool.query<{ data: LadderPairing }>(
            "SELECT data FROM mk_records WHERE collection = 'pairings' AND NOT deleted AND id = ANY($1) AND data->>'status' = 'closed'",
            [closedRows.map((row) => row.pairing_id)],
          )
        : { rows: [] };
    for (const { data: pairing } of closedPairings.rows) {
      const row = closedRows.find((candidate) => candidate.pairing_id === pairing.id)!;
      pairs.push({
        pairingId: pairing.id,
        menteeId: pairing.menteeId,
        mentorIds: pairing.mentorIds,
        members: [pairing.menteeId, ...pairing.mentorIds].map((personId) => ({ personId, lastActiveAt: null })),
        lastActivityAt: iso(row.quiet_since) ?? null,
        lastActivityKind: null,
        quietDays: row.quiet_since ? Math.floor((row.closed_at!.getTime() - row.quiet_since.getTime()) / DAY) : 0,
        stage: 'closed-due',
        stageSince: iso(row.stage_since) ?? row.closed_at!.toISOString(),
        history: row.history,
        ...(row.suggestion ? { suggestion: row.suggestion } : {}),
        closedAt: row.closed_at!.toISOString(),
      } as (typeof pairs)[number]);
    }
    pairs.sort(
      (left, right) =>
        escalationRank(right.stage) - escalationRank(left.stage) || right.quietDays - left.quietDays || (left.pairingId < right.pairingId ? -1 : 1),
    );
    return { programId, settings: ladder, asOf: at.toISOString(), pairs };
  };

  const parseSettingsPut = (body: unknown, current: EscalationSettings): EscalationSettings => {
    const record = asRecord(body);
    if (!record)
      throw new MentorKitError(
        'invalid-input',
        'Send a JSON object: { "quietDays": 21, "alertAdminDays": 35, "close": null | { "afterDays": 90, "noticeDays": 7 } } (fields left out keep their value).',
        { path: 'body' },
      );
    // What GET answers may be sent back as it is.
    const { programId: _programId, updatedAt: _updatedAt, ...fields } = record;
    return validateEscalationSettings({ ...current, ...fields });
  };

  /** `/programs/<id>/escalation` and `/programs/<id>/escalations`. True when it answered. */
  const handle = async (caller: Caller, segments: string[], method: string, request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> => {
    if (!(segments.length === 3 && segments[0] === 'programs' && (segments[2] === 'escalation' || segments[2] === 'escalations'))) return false;
    const programId = segments[1]!;
    if (segments[2] === 'escalations') {
      if (method !== 'GET' && method !== 'HEAD')
        throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use GET.`, { path: 'method' }), { Allow: 'GET' });
      await authorize(caller, programId);
      send(response, 200, await escalations(programId));
      return true;
    }
    if (method !== 'GET' && method !== 'HEAD' && method !== 'PUT')
      throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use GET or PUT.`, { path: 'method' }), {
        Allow: 'GET, PUT',
      });
    await authorize(caller, programId);
    if (method !== 'PUT') return (send(response, 200, await readSettingsRow(programId)), true);
    const body = await options.readJson(request, 4096);
    const next = parseSettingsPut(body, (await settingsOf([programId])).get(programId)!);
    const at = options.now();
    await pool.query(
      'INSERT INTO mk_escalation_settings (program_id, settings, updated_at) VALUES ($1, $2, $3) ON CONFLICT (program_id) DO UPDATE SET settings = $2, updated_at = $3',
      [programId, JSON.stringify(next), at],
    );
    log(`reminders: escalation ladder of programme ${programId} set to ${JSON.stringify(next)} by ${caller.kind === 'person' ? caller.personId : 'a service'}`);
    send(response, 200, { programId, ...next, updatedAt: at.toISOString() });
    return true;
  };

  return {
    settingsOf,
    quietDaysOf: (settings: Map<string, EscalationSettings>, programId: string | undefined) => settingsFor(settings, programId).quietDays,
    advance,
    recheck,
    handle,
  };
}

export type EscalationLadder = ReturnType<typeof createEscalationLadder>;
