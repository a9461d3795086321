import { createHash, randomUUID } from 'node:crypto';
import type http from 'node:http';
import PgBoss from 'pg-boss';
import nodemailer, { type Transporter } from 'nodemailer';
import type { PoolClient } from 'pg';
import { MentorKitError } from '@mentorkit/core';
import { agreementCheckInInput, type Agreement } from '@mentorkit/core/agreements';
import {
  digestSlot,
  pairingCheckIn,
  practiceNudges,
  sensibleSendTime,
  PRACTICE_NUDGE_KINDS,
  SESSION_REMINDER_LOOKAHEAD_MINUTES,
  type CheckInGoal,
  type CheckInMessage,
  type CheckInSession,
  type NextCheckIn,
  type Nudge,
  nudgePersonOf,
  type NudgePerson,
  type PairActivity,
  type PairingCheckIn,
  type PracticeFeedback,
  type PracticeGoal,
  type PracticeNudge,
  type PracticeNudgeKind,
  type PracticeSession,
} from '@mentorkit/core/checkins';
import { registerSpanish } from '@mentorkit/core/es';
import { ServerConfigurationError, isAcceptablePersonId, type Caller } from '../identity.js';
import { HttpError } from '../input.js';
import { composeDigestMail, composeReminderMail, escapeHtml, mailLanguageOf, reminderParts, type MailLanguage, type ReminderParts } from './mail.js';
import { createOutboundFetch, isOutboundRefused } from '../outbound.js';
import { createWebhookStore, retryAfterSeconds, retryableStatus, webhookRequest, type WebhookKind } from './webhooks.js';
import { MANAGER_DIGEST_KIND, createManagerDigests, type ReminderRouteIo } from './manager-digest.js';
import { LADDER_NUDGE_KINDS, createEscalationLadder, isLadderKind, sendTimeFor, type LadderCode, type LadderNudge } from './escalation.js';
import type { StoredRecord } from '@mentorkit/core';

/**
 * Reminders by email (issue 15, docs/reminders.md). A scheduled job (pg-boss 10 on the server's own
 * PostgreSQL, every `intervalMinutes`; pg-boss runs each scheduled slot once across instances)
 * computes every active pairing's nudges with core's own functions (`pairingCheckIn`: check-in due
 * soon or overdue, pair gone quiet; `practiceNudges`: a session in 24 h and 1 h, feedback asked for
 * after a session, a goal due or missed) and queues one delivery per (person, kind, pairing, period) —
 * the period being the check-in's due time or the start of the quiet spell. The delivery's dedupe
 * key is UNIQUE in `mk_notification_deliveries`, so however many instances scan at once, a nudge is
 * queued once; the delivery row and its pg-boss job are written in one transaction. The delivery job
 * starts at the nudge's `sendAt` (the person's next working hour, 09:00–18:00 local, outside
 * off-limits days), claims its row (one UPDATE: a second worker finds nothing to do), checks the
 * person's preferences and that the nudge still holds, sends over SMTP (nodemailer), and marks it
 * sent; an SMTP failure leaves it `failed` and pg-boss retries it with exponential backoff.
 *
 * Programme webhooks (webhooks.ts): besides the email, each nudge gets one delivery per webhook of the
 * pairing's programme (Slack, Teams, generic signed with HMAC), its dedupe key the email one plus the
 * webhook id, posted through the outbound guard; retried with backoff on 5xx, 408, 429 and timeouts.
 *
 * Routes: `GET /notifications` (the caller's delivery log; a service names `?personId=`),
 * `GET|PUT /notifications/preferences`, and — before sign-in, the signed token being the authority —
 * `GET|POST /notifications/unsubscribe?token=…` (RFC 8058 one-click: POST turns reminder emails off;
 * GET only shows a page with the button).
 */

export const CHECK_IN_NUDGE_KINDS = ['check-in-due-soon', 'check-in-overdue', 'pair-inactive'] as const satisfies ReadonlyArray<Nudge['kind']>;
/** Every kind a person can turn on or off: core's check-in nudges, core's practice nudges (sessions, feedback, goals) and the escalation ladder's (escalation.ts). */
export const NUDGE_KINDS = [...CHECK_IN_NUDGE_KINDS, ...PRACTICE_NUDGE_KINDS, ...LADDER_NUDGE_KINDS] as const;
const isPracticeKind = (kind: string): kind is PracticeNudgeKind => (PRACTICE_NUDGE_KINDS as readonly string[]).includes(kind);
/** Why a practice nudge queued earlier no longer holds when its time comes. */
const PRACTICE_RESOLVED: Record<PracticeNudgeKind, string> = {
  'session-soon': 'the session was cancelled, moved or has started',
  'feedback-requested': 'feedback given, or its deadline passed',
  'goal-due': 'the goal was achieved or archived, or its due date changed or passed',
  'goal-missed': 'the goal was achieved or archived, or its due date changed',
};
export type NudgeKind = (typeof NUDGE_KINDS)[number];
export const DIGESTS = ['none', 'daily', 'weekly'] as const;
/** Reminders that cannot wait for a digest: they are sent on their own whatever the person's digest choice. */
const IMMEDIATE_KINDS: ReadonlySet<string> = new Set(['session-soon']);

const SCAN_QUEUE = 'mentorkit-reminders-scan';
const DELIVER_QUEUE = 'mentorkit-reminders-deliver';
/** A delivery left `sending` this long (a crashed instance) may be claimed again. */
const SENDING_STALE_MINUTES = 10;

export interface NotificationPreferences {
  personId: string;
  /** Reminder emails at all (the one-click unsubscribe turns this off). */
  email: boolean;
  /** Each nudge kind on or off (all on by default). */
  kinds: Record<NudgeKind, boolean>;
  /**
   * `none`: one email per reminder; `daily` / `weekly`: the reminders of a day (or week) in one email at
   * the first sensible moment of the day (of Monday) on the person's clock. Session reminders are
   * always sent on their own (a digest would bring them too late).
   */
  digest: (typeof DIGESTS)[number];
  updatedAt?: string;
}

export interface ReminderRun {
  pairings: number;
  nudges: number;
  /** Deliveries queued by this run (the others were queued before, or by another instance). */
  queued: number;
  /** Nudges for people without an email address. */
  withoutEmail: number;
  /** Nudges the person has turned off (email off, or that kind off). */
  turnedOff: number;
  /** Deliveries queued again because their time passed more than a minute ago and they were still waiting. */
  late: number;
  ms: number;
}

export interface ReminderServiceOptions extends ReminderRouteIo {
  /** The app's address: the link in every mail and the base of unsubscribe links. Without it, reminders are off. */
  publicUrl?: string;
  /** `smtp://host:port` or `smtps://user:password@host:465`. Without it, reminders are off. */
  smtpUrl?: string;
  mailFrom?: string;
  /** The app's address, linked from every mail as "Open MentorKit" (default: `publicUrl`). */
  appUrl?: string;
  /** Minutes between two scans (default 15): 1–60 dividing 60, or whole hours dividing 24. */
  intervalMinutes?: number;
  /** Seconds before the first retry of a failed send; doubled each time (default 60). */
  retryDelaySeconds?: number;
  /** Retries of a failed send before it stays failed (default 10). */
  retryLimit?: number;
  /** The outbound guard's allowlist (`MENTORKIT_FETCH_ALLOW_HOSTS`): webhook URLs may be http:// only for these. */
  allowHosts?: readonly string[];
  /** Whether the server can still take work (false while closing). */
  running(): boolean;
  now?: () => Date;
  /** Tells change streams (and other instances) about a record written here (a pairing the escalation ladder closes). */
  publish?(change: { collection: string; id: string; record?: StoredRecord; previous?: StoredRecord }): void;
}

export interface ReminderService {
  /** Whether reminders are sent (SMTP and a public URL configured). */
  readonly enabled: boolean;
  /** Starts the job queue, the schedule and the workers (after migrations). */
  start(): void;
  /** One scan now (what the scheduled job does); resolves with what it found. */
  runNow(): Promise<ReminderRun>;
  stop(): Promise<void>;
  /** `/notifications/unsubscribe` (no sign-in). True when it answered. */
  handleUnsigned(segments: string[], method: string, request: http.IncomingMessage, url: URL, response: http.ServerResponse): Promise<boolean>;
  /** The rest of `/notifications`, `/programs/<id>/webhooks` and the escalation ladder's `/programs/<id>/escalation(s)`. True when it answered. */
  handle(caller: Caller, segments: string[], method: string, request: http.IncomingMessage, url: URL, response: http.ServerResponse): Promise<boolean>;
}

/** The cron of a scan every `minutes` (UTC). */
export function reminderCron(minutes: number): string {
  if (Number.isInteger(minutes) && minutes >= 1 && minutes <= 60 && 60 % minutes === 0) return minutes === 60 ? '0 * * * *' : `*/${minutes} * * * *`;
  if (Number.isInteger(minutes) && minutes > 60 && minutes % 60 === 0 && 24 % (minutes / 60) === 0) return `0 */${minutes / 60} * * *`;
  throw new ServerConfigurationError(
    `MENTORKIT_REMINDER_INTERVAL_MINUTES (reminderIntervalMinutes) must divide an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60) or be whole hours dividing a day (120, 180, 240, 360, 480, 720, 1440); got ${String(minutes)}.`,
  );
}

type PersonRecord = {
  id: string;
  displayName?: string;
  email?: string;
  timeZone?: string;
  languages?: string[];
  workingHours?: NudgePerson['workingHours'];
  offLimitsDays?: number[];
  offLimitsDates?: string[];
};
type PairingRecord = { id: string; programId?: string; menteeId: string; mentorIds: string[]; startedOn?: string; status?: string };
type PreferenceRow = {
  person_id: string;
  email: boolean;
  kinds: Partial<Record<NudgeKind, boolean>>;
  digest: NotificationPreferences['digest'];
  updated_at: Date;
};
/** A delivery: one reminder to one channel, or (kind `digest`, code `daily`/`weekly`) a person's digest mail. */
type DeliveryRow = {
  id: string;
  dedupe_key: string;
  person_id: string;
  pairing_id: string;
  kind: NudgeKind | 'digest' | typeof MANAGER_DIGEST_KIND;
  code: Nudge['code'] | LadderCode | 'daily' | 'weekly' | 'fortnightly';
  channel: string;
  period: string;
  send_at: Date;
  status: string;
  attempts: number;
  subject: string | null;
  created_at: Date;
  sent_at: Date | null;
  last_error: string | null;
  skipped_reason: string | null;
  webhook_id: string | null;
  digest_id: string | null;
};

interface PairingInputs {
  pairing: PairingRecord;
  agreement?: Agreement;
  sessions: Array<CheckInSession & Partial<PracticeSession>>;
  messages: CheckInMessage[];
  goals: Array<CheckInGoal & Partial<PracticeGoal>>;
  feedback: PracticeFeedback[];
}

/** The dedupe key of a nudge: one delivery per person, kind, pairing and period (due time, or start of the quiet spell). */
export function dedupeKeyOf(nudge: { kind: string; personId: string; pairingId: string }, period: string): string {
  return `${nudge.kind}|${nudge.pairingId}|${nudge.personId}|${period}`;
}

function periodOf(nudge: Nudge, computed: PairingCheckIn): string | undefined {
  return nudge.kind === 'pair-inactive' ? computed.activity.lastActivityAt : computed.checkIn?.dueAt;
}

/** A nudge as the scan queues it and the delivery sends it: core's check-in nudges and the escalation ladder's alike. */
type ReminderNudge = Omit<Nudge, 'kind' | 'code'> & { kind: NudgeKind; code: Nudge['code'] | LadderCode };

function toPreferences(personId: string, row: PreferenceRow | undefined): NotificationPreferences {
  const kinds = Object.fromEntries(NUDGE_KINDS.map((kind) => [kind, row?.kinds?.[kind] !== false])) as Record<NudgeKind, boolean>;
  return { personId, email: row?.email ?? true, kinds, digest: row?.digest ?? 'none', ...(row ? { updatedAt: row.updated_at.toISOString() } : {}) };
}

export function createReminderService(options: ReminderServiceOptions): ReminderService {
  registerSpanish();
  const { pool, log, send } = options;
  const now = options.now ?? (() => new Date());
  const intervalMinutes = options.intervalMinutes ?? 15;
  const cron = reminderCron(intervalMinutes);
  const retryDelay = options.retryDelaySeconds ?? 60;
  if (!(Number.isInteger(retryDelay) && retryDelay >= 1 && retryDelay <= 3600))
    throw new ServerConfigurationError(`reminderRetryDelaySeconds must be a whole number of seconds from 1 to 3600; got ${String(retryDelay)}.`);
  const retryLimit = options.retryLimit ?? 10;
  const enabled = Boolean(options.smtpUrl && options.publicUrl);
  // The server's own address (unsubscribe links) and the app's (the mail's "Open MentorKit"; the
  // server's address unless the app lives elsewhere, e.g. a host's page embedding the elements).
  const serverUrl = options.publicUrl ? new URL(options.publicUrl).toString() : 'http://localhost/';
  const appUrl = options.appUrl ? new URL(options.appUrl).toString() : serverUrl;
  const mailFrom = options.mailFrom ?? `MentorKit <mentorkit@${options.publicUrl ? new URL(options.publicUrl).hostname : 'localhost'}>`;
  const db = { executeSql: (text: string, values: unknown[]) => pool.query(text, values) };
  let boss: PgBoss | undefined;
  let started: Promise<void> | undefined;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let transport: Transporter | undefined;
  let lastErrorLine = 0;
  const webhooks = createWebhookStore({ pool, secrets: options.secrets, allowHosts: options.allowHosts ?? [], send, readJson: options.readJson, log, now });
  const webhookFetch = createOutboundFetch({
    allowHosts: options.allowHosts ?? [],
    userAgent: 'MentorKit webhooks',
    timeoutMs: 10_000,
    maxBytes: 64 * 1024,
    maxRedirects: 0,
  });
  const channelOf = (kind: WebhookKind) => (kind === 'generic' ? 'webhook' : kind);

  if (!options.smtpUrl) log('reminders by email are off: MENTORKIT_SMTP_URL (smtpUrl) is not set');
  else if (!options.publicUrl)
    log('reminders by email are off: MENTORKIT_PUBLIC_URL (publicUrl) is not set (every mail links to the app and to its unsubscribe page)');

  // ─── reading the records ────────────────────────────────────────────────────────────────────

  const readPairings = async (pairingIds?: string[]): Promise<PairingInputs[]> => {
    const { rows: pairingRows } = await pool.query<{ data: PairingRecord }>(
      `SELECT data FROM mk_records WHERE collection = 'pairings' AND NOT deleted AND data->>'status' = 'active'${pairingIds ? ' AND id = ANY($1)' : ''} ORDER BY id`,
      pairingIds ? [pairingIds] : [],
    );
    const pairings = pairingRows.map((row) => row.data).filter((pairing) => typeof pairing?.menteeId === 'string' && Array.isArray(pairing.mentorIds));
    const ids = pairings.map((pairing) => pairing.id);
    const ofPairings = (collection: string, columns = 'data') =>
      pool.query(`SELECT ${columns} FROM mk_records WHERE collection = $1 AND NOT deleted AND data->>'pairingId' = ANY($2)`, [collection, ids]);
    const [agreements, sessions, messages, goals, feedback] = await Promise.all([
      ofPairings('agreements'),
      ofPairings(
        'sessions',
        "id, data->>'pairingId' AS \"pairingId\", data->>'title' AS title, data->>'start' AS start, data->>'end' AS \"end\", data->>'status' AS status, data->'participantIds' AS \"participantIds\", data->>'meetingUrl' AS \"meetingUrl\"",
      ),
      ofPairings(
        'messages',
        'data->>\'pairingId\' AS "pairingId", data->>\'authorId\' AS "authorId", data->>\'sentAt\' AS "sentAt", data->>\'createdAt\' AS "createdAt"',
      ),
      ofPairings(
        'goals',
        "id, data->>'pairingId' AS \"pairingId\", COALESCE(data->>'updatedAt', updated_at) AS \"updatedAt\", data->>'status' AS status, (data->>'archived') = 'true' AS archived, data->>'ownerId' AS \"ownerId\", data->>'title' AS title, data->>'visibility' AS visibility, data->>'startDate' AS \"startDate\", data->>'dueDate' AS \"dueDate\", data->>'createdAt' AS \"createdAt\", data->'metric' AS metric, data->'milestones' AS milestones",
      ),
      ofPairings('feedback', 'data->>\'pairingId\' AS "pairingId", data->>\'sessionId\' AS "sessionId", data->>\'authorId\' AS "authorId"'),
    ]);
    const byPairing = new Map<string, PairingInputs>(pairings.map((pairing) => [pairing.id, { pairing, sessions: [], messages: [], goals: [], feedback: [] }]));
    for (const { data } of agreements.rows as Array<{ data: Agreement }>) {
      const entry = byPairing.get(data.pairingId);
      if (entry && (!entry.agreement || String(data.updatedAt ?? '') > String(entry.agreement.updatedAt ?? ''))) entry.agreement = data;
    }
    const clean = <T extends object>(row: T) => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as T;
    for (const row of sessions.rows as Array<CheckInSession & { pairingId: string }>) byPairing.get(row.pairingId)?.sessions.push(clean(row));
    for (const row of messages.rows as Array<CheckInMessage & { pairingId: string }>) byPairing.get(row.pairingId)?.messages.push(clean(row));
    for (const row of goals.rows as Array<CheckInGoal & { pairingId: string }>) byPairing.get(row.pairingId)?.goals.push(clean(row));
    for (const row of feedback.rows as Array<PracticeFeedback & { pairingId: string }>)
      if (typeof row.sessionId === 'string' && typeof row.authorId === 'string') byPairing.get(row.pairingId)?.feedback.push(clean(row));
    return [...byPairing.values()];
  };

  const readPeople = async (personIds: string[]): Promise<Map<string, PersonRecord>> => {
    const { rows } = await pool.query<{ id: string; data: PersonRecord }>(
      `SELECT id, data FROM mk_records WHERE collection = 'people' AND NOT deleted AND id = ANY($1)`,
      [personIds],
    );
    return new Map(rows.map((row) => [row.id, row.data]));
  };

  const readPreferences = async (personIds: string[]): Promise<Map<string, NotificationPreferences>> => {
    const { rows } = await pool.query<PreferenceRow>('SELECT * FROM mk_notification_preferences WHERE person_id = ANY($1)', [personIds]);
    const found = new Map(rows.map((row) => [row.person_id, row]));
    return new Map(personIds.map((personId) => [personId, toPreferences(personId, found.get(personId))]));
  };

  // A mentee's summary for their manager (manager-digest.ts): its routes, its slot and its mail.
  const managerDigests = createManagerDigests({
    pool,
    log,
    send,
    readJson: options.readJson,
    readBody: options.readBody,
    secrets: options.secrets,
    serverUrl,
    now,
    whose: (caller, url) => whose(caller, url),
    nudgePerson: nudgePersonOf,
  });

  const compute = (
    inputs: PairingInputs,
    people: Map<string, PersonRecord>,
    at: string,
    locale: string | undefined,
    inactiveAfterDays: number,
  ): PairingCheckIn =>
    pairingCheckIn({
      inactiveAfterDays,
      pairing: inputs.pairing,
      ...(inputs.agreement ? { agreement: agreementCheckInInput(inputs.agreement) } : {}),
      sessions: inputs.sessions,
      messages: inputs.messages,
      goals: inputs.goals,
      people: [inputs.pairing.menteeId, ...inputs.pairing.mentorIds].map((personId) => nudgePersonOf(personId, people.get(personId))),
      now: at,
      ...(locale ? { locale } : {}),
    });

  /**
   * The practice's nudges of a pairing (core's `practiceNudges`): a session in 24 h and in 1 h, feedback
   * asked for after a session, a goal due or missed — timed for the same people as the check-in nudges
   * (`computed.people`). Session reminders are found up to two scan intervals ahead (at least an hour),
   * so they are queued before their time and go out on time.
   */
  const practiceOf = (inputs: PairingInputs, computed: PairingCheckIn, at: string, locale: string | undefined): PracticeNudge[] =>
    practiceNudges({
      pairing: inputs.pairing,
      people: computed.people,
      sessions: inputs.sessions.filter((session): session is PracticeSession & CheckInSession => typeof session.id === 'string'),
      feedback: inputs.feedback,
      goals: inputs.goals.filter(
        (goal): goal is PracticeGoal & CheckInGoal => typeof goal.id === 'string' && typeof goal.ownerId === 'string' && typeof goal.title === 'string',
      ),
      now: at,
      lookaheadMinutes: Math.min(24 * 60, Math.max(SESSION_REMINDER_LOOKAHEAD_MINUTES, 2 * intervalMinutes)),
      ...(locale ? { locale } : {}),
    });

  // ─── the escalation ladder (escalation.ts) ──────────────────────────────────────────────────

  const ladder = createEscalationLadder({
    pool,
    log,
    send,
    readJson: options.readJson,
    now,
    publish: (change) => options.publish?.(change),
    readPeople,
    nudgePerson: nudgePersonOf,
    computeActive: async (pairingIds, at, settings) => {
      const pairings = await readPairings(pairingIds);
      const people = await readPeople([...new Set(pairings.flatMap((entry) => [entry.pairing.menteeId, ...entry.pairing.mentorIds]))]);
      return pairings.flatMap((inputs) => {
        try {
          return [
            {
              pairing: inputs.pairing,
              computed: compute(inputs, people, at.toISOString(), undefined, ladder.quietDaysOf(settings, inputs.pairing.programId)),
              messages: inputs.messages,
              sessions: inputs.sessions,
              goals: inputs.goals,
            },
          ];
        } catch {
          return [];
        }
      });
    },
  });

  // ─── the scan ───────────────────────────────────────────────────────────────────────────────

  const withTransaction = async <T>(work: (client: PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  /** Queues the job that sends delivery `id` at `sendAt` as the server's clock (`at`) sees it, in the scan's transaction. */
  const queueDeliveryJob = async (client: PoolClient, id: string, sendAt: string, at: Date) => {
    const startAfter = new Date(Date.now() + Math.max(0, Date.parse(sendAt) - at.getTime()));
    await boss!.send(
      DELIVER_QUEUE,
      { deliveryId: id },
      {
        startAfter,
        singletonKey: id,
        retryLimit,
        retryDelay,
        retryBackoff: true,
        db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) },
      },
    );
  };

  /**
   * The digest row a reminder goes into (created, with its job, when it is the first of its period), or
   * undefined when that digest is no longer waiting (being sent or sent). In the scan's transaction.
   */
  const digestFor = async (
    client: PoolClient,
    personId: string,
    digest: { frequency: 'daily' | 'weekly'; period: string; sendAt: string },
    at: Date,
  ): Promise<string | undefined> => {
    const key = `digest|${personId}|${digest.frequency}|${digest.period}`;
    const id = randomUUID();
    const { rowCount } = await client.query(
      `INSERT INTO mk_notification_deliveries (id, dedupe_key, person_id, pairing_id, kind, code, channel, period, send_at, created_at, updated_at)
       VALUES ($1, $2, $3, '', 'digest', $4, 'email', $5, $6, $7, $7) ON CONFLICT (dedupe_key) DO NOTHING`,
      [id, key, personId, digest.frequency, digest.period, digest.sendAt, at],
    );
    if (rowCount === 1) {
      await queueDeliveryJob(client, id, digest.sendAt, at);
      return id;
    }
    // Another scan made it: join it while it waits (FOR SHARE keeps its job from claiming it until this commits).
    const { rows } = await client.query<{ id: string; status: string }>('SELECT id, status FROM mk_notification_deliveries WHERE dedupe_key = $1 FOR SHARE', [
      key,
    ]);
    return rows[0]?.status === 'queued' ? rows[0].id : undefined;
  };

  const scan = async (): Promise<ReminderRun> => {
    const began = Date.now();
    const at = now();
    const pairings = await readPairings();
    const memberIds = [...new Set(pairings.flatMap((entry) => [entry.pairing.menteeId, ...entry.pairing.mentorIds]))];
    const [people, preferences] = await Promise.all([readPeople(memberIds), readPreferences(memberIds)]);
    const run: ReminderRun = { pairings: pairings.length, nudges: 0, queued: 0, withoutEmail: 0, turnedOff: 0, late: 0, ms: 0 };
    const candidates: Array<{
      nudge: ReminderNudge;
      key: string;
      period: string;
      channel: string;
      webhookId?: string;
      digest?: { frequency: 'daily' | 'weekly'; period: string; sendAt: string };
    }> = [];
    const programIds = [...new Set(pairings.map((entry) => entry.pairing.programId).filter((id): id is string => typeof id === 'string'))];
    const [hooks, settings] = await Promise.all([webhooks.ofPrograms(programIds), ladder.settingsOf(programIds)]);
    // Core's check-in nudges (a pair goes quiet after its programme's `quietDays`), then the ladder's.
    const found: Array<{ nudge: ReminderNudge; period: string; programId: string | undefined; webhooks: LadderNudge['webhooks'] }> = [];
    const computedPairs: Parameters<typeof ladder.advance>[0] = [];
    for (const inputs of pairings) {
      let computed: PairingCheckIn;
      try {
        computed = compute(inputs, people, at.toISOString(), undefined, ladder.quietDaysOf(settings, inputs.pairing.programId));
      } catch (error) {
        log(`reminders: pairing ${inputs.pairing.id} skipped: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      computedPairs.push({ pairing: inputs.pairing, computed, messages: inputs.messages, sessions: inputs.sessions, goals: inputs.goals });
      for (const nudge of computed.nudges) {
        const period = periodOf(nudge, computed);
        if (period) found.push({ nudge, period, programId: inputs.pairing.programId, webhooks: 'each' });
      }
      try {
        for (const nudge of practiceOf(inputs, computed, at.toISOString(), undefined))
          found.push({ nudge, period: nudge.period, programId: inputs.pairing.programId, webhooks: 'each' });
      } catch (error) {
        log(`reminders: pairing ${inputs.pairing.id}'s sessions, feedback and goals skipped: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    let ladderNudges: LadderNudge[] = [];
    try {
      ladderNudges = await ladder.advance(computedPairs, settings, at);
    } catch (error) {
      log(`reminders: the escalation ladder's step failed (check-in nudges go on): ${error instanceof Error ? error.message : String(error)}`);
    }
    const programOf = new Map(pairings.map((entry) => [entry.pairing.id, entry.pairing.programId]));
    for (const nudge of ladderNudges) found.push({ nudge, period: nudge.period, programId: programOf.get(nudge.pairingId), webhooks: nudge.webhooks });
    // Admins the ladder alerts are not members of the pairings: read them too.
    const others = [...new Set(found.map((entry) => entry.nudge.personId).filter((personId) => !people.has(personId)))];
    if (others.length > 0) {
      const [morePeople, morePreferences] = await Promise.all([readPeople(others), readPreferences(others)]);
      for (const [personId, person] of morePeople) people.set(personId, person);
      for (const [personId, wants] of morePreferences) preferences.set(personId, wants);
    }
    const postedOnce = new Set<string>();
    for (const { nudge: found_, period, programId, webhooks: webhookRule } of found) {
      run.nudges++;
      const person = people.get(found_.personId);
      const wants = preferences.get(found_.personId)!;
      // A kind the person turned off is sent nowhere about them; their email switch is for email only.
      if (!wants.kinds[found_.kind]) {
        run.turnedOff++;
        continue;
      }
      // Someone away until a day that has not passed hears from us the first sensible time after it.
      const nudge = { ...found_, ...sendTimeFor(person, nudgePersonOf(found_.personId, person), found_.sendAt) };
      const key = dedupeKeyOf(nudge, period);
      // An alert to admins goes to the programme's webhooks once (for the first admin who wants it), not once per admin.
      const onceKey = `${nudge.kind}|${nudge.pairingId}|programme|${period}`;
      if (webhookRule === 'each' || !postedOnce.has(onceKey)) {
        postedOnce.add(onceKey);
        for (const hook of hooks.get(programId ?? '') ?? [])
          candidates.push({
            nudge,
            key: `${webhookRule === 'each' ? key : onceKey}|webhook:${hook.id}`,
            period,
            channel: channelOf(hook.kind),
            webhookId: hook.id,
          });
      }
      if (!person?.email) {
        run.withoutEmail++;
        continue;
      }
      if (!wants.email) {
        run.turnedOff++;
        continue;
      }
      // A person who takes a digest gets this reminder in their day's (or week's) mail, unless it cannot wait.
      const frequency = wants.digest;
      const digest =
        frequency !== 'none' && !IMMEDIATE_KINDS.has(nudge.kind)
          ? { frequency, ...digestSlot(nudgePersonOf(nudge.personId, person), nudge.sendAt, frequency) }
          : undefined;
      candidates.push({ nudge, key, period, channel: 'email', ...(digest ? { digest } : {}) });
    }
    // Most nudges of a scan were queued by an earlier one: one read leaves only the new ones (the
    // UNIQUE key still decides between instances scanning at once).
    const { rows: existing } = await pool.query<{ dedupe_key: string }>('SELECT dedupe_key FROM mk_notification_deliveries WHERE dedupe_key = ANY($1)', [
      candidates.map((candidate) => candidate.key),
    ]);
    const known = new Set(existing.map((row) => row.dedupe_key));
    for (const { nudge, key, period, channel, webhookId, digest } of candidates) {
      if (known.has(key)) continue;
      const id = randomUUID();
      const queued = await withTransaction(async (client) => {
        if (digest) {
          const digestId = await digestFor(client, nudge.personId, digest, at);
          if (digestId) {
            const { rowCount } = await client.query(
              `INSERT INTO mk_notification_deliveries (id, dedupe_key, person_id, pairing_id, kind, code, channel, period, send_at, created_at, updated_at, digest_id)
               VALUES ($1, $2, $3, $4, $5, $6, 'email', $7, $8, $9, $9, $10) ON CONFLICT (dedupe_key) DO NOTHING`,
              [id, key, nudge.personId, nudge.pairingId, nudge.kind, nudge.code, period, digest.sendAt, at, digestId],
            );
            return rowCount === 1;
          }
          // That digest went out already: this reminder goes on its own.
        }
        const { rowCount } = await client.query(
          `INSERT INTO mk_notification_deliveries (id, dedupe_key, person_id, pairing_id, kind, code, channel, period, send_at, created_at, updated_at, webhook_id)
           VALUES ($1, $2, $3, $4, $5, $6, $10, $7, $8, $9, $9, $11) ON CONFLICT (dedupe_key) DO NOTHING`,
          [id, key, nudge.personId, nudge.pairingId, nudge.kind, nudge.code, period, nudge.sendAt, at, channel, webhookId ?? null],
        );
        if (rowCount !== 1) return false;
        await queueDeliveryJob(client, id, nudge.sendAt, at);
        return true;
      });
      if (queued) run.queued++;
    }
    // Summaries for managers: one per mentee who turned it on, per fortnight (the UNIQUE key decides).
    for (const due of await managerDigests.due(at)) {
      const id = randomUUID();
      const queued = await withTransaction(async (client) => {
        const { rowCount } = await client.query(
          `INSERT INTO mk_notification_deliveries (id, dedupe_key, person_id, pairing_id, kind, code, channel, period, send_at, created_at, updated_at)
           VALUES ($1, $2, $3, '', $4, 'fortnightly', 'email', $5, $6, $7, $7) ON CONFLICT (dedupe_key) DO NOTHING`,
          [id, due.key, due.personId, MANAGER_DIGEST_KIND, due.period, due.sendAt, at],
        );
        if (rowCount !== 1) return false;
        await queueDeliveryJob(client, id, due.sendAt, at);
        return true;
      });
      if (queued) run.queued++;
    }
    // A delivery still queued a minute after its time has lost its job or is waiting on a job timed
    // by another clock (the server's clock moved forward, as demos and tests do): queue it again. The
    // claim in `deliver` lets only one job send it.
    const { rows: late } = await pool.query<{ id: string }>(
      `SELECT id FROM mk_notification_deliveries WHERE status = 'queued' AND digest_id IS NULL AND send_at < $1::timestamptz - interval '1 minute' ORDER BY send_at LIMIT 1000`,
      [at],
    );
    for (const { id } of late) await boss!.send(DELIVER_QUEUE, { deliveryId: id }, { singletonKey: `${id}|late`, retryLimit, retryDelay, retryBackoff: true });
    run.late = late.length;
    run.ms = Date.now() - began;
    log(
      `reminders: scanned ${run.pairings} active pairings: ${run.nudges} nudges, ${run.queued} newly queued (email and webhooks), ${run.withoutEmail} for people without an email address, ${run.turnedOff} turned off by the person${run.late ? `, ${run.late} late deliveries queued again` : ''} (${run.ms} ms)`,
    );
    return run;
  };

  // ─── delivery ───────────────────────────────────────────────────────────────────────────────

  const finish = (id: string, status: 'sent' | 'failed' | 'skipped', fields: { subject?: string; messageId?: string; error?: string; reason?: string }) =>
    pool.query(
      "UPDATE mk_notification_deliveries SET status = $2, subject = COALESCE($3, subject), message_id = COALESCE($4, message_id), last_error = $5, skipped_reason = $6, sent_at = CASE WHEN $2 = 'sent' THEN $7::timestamptz ELSE sent_at END, updated_at = $7 WHERE id = $1",
      [id, status, fields.subject ?? null, fields.messageId ?? null, fields.error ?? null, fields.reason ?? null, now()],
    );

  const unsubscribeUrlOf = (personId: string) => {
    const url = new URL('notifications/unsubscribe', serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`);
    url.searchParams.set('token', signToken(personId));
    return url.toString();
  };

  /**
   * What a queued delivery stands for now, or why it no longer holds. The ladder's nudges are looked at
   * again by the ladder (their recipient may be an admin outside the pairing, and `pairing-closed` is
   * about a pairing no longer active); check-in nudges are computed again from the pairing's records,
   * with its programme's `quietDays`, and must still carry the delivery's dedupe key.
   */
  const currentNudge = async (
    delivery: DeliveryRow,
    at: Date,
    language: MailLanguage | undefined,
  ): Promise<{ nudge: ReminderNudge; checkIn?: NextCheckIn; activity?: PairActivity; timeZone?: string } | { skip: string }> => {
    if (isLadderKind(delivery.kind)) return ladder.recheck(delivery, at, language);
    const [inputs] = await readPairings([delivery.pairing_id]);
    if (!inputs) return { skip: 'the pairing is no longer active' };
    const people = await readPeople([inputs.pairing.menteeId, ...inputs.pairing.mentorIds]);
    const programId = inputs.pairing.programId;
    const settings = await ladder.settingsOf(programId ? [programId] : []);
    let computed: PairingCheckIn;
    try {
      computed = compute(inputs, people, at.toISOString(), language, ladder.quietDaysOf(settings, programId));
    } catch (error) {
      return { skip: `the pairing's records cannot be read as a check-in (${error instanceof Error ? error.message : String(error)})` };
    }
    // A webhook's delivery carries the email's key plus `|webhook:<id>`.
    const key = delivery.webhook_id ? delivery.dedupe_key.slice(0, delivery.dedupe_key.lastIndexOf('|webhook:')) : delivery.dedupe_key;
    if (isPracticeKind(delivery.kind)) {
      // A session cancelled or moved, feedback given, a goal achieved: no nudge with this key any more.
      let practice: PracticeNudge[];
      try {
        practice = practiceOf(inputs, computed, at.toISOString(), language);
      } catch (error) {
        return { skip: `the pairing's sessions, feedback or goals cannot be read (${error instanceof Error ? error.message : String(error)})` };
      }
      const found = practice.find(
        (candidate) => candidate.personId === delivery.person_id && candidate.kind === delivery.kind && dedupeKeyOf(candidate, candidate.period) === key,
      );
      if (!found) return { skip: PRACTICE_RESOLVED[delivery.kind] };
      const zone = computed.people.find((entry) => entry.personId === delivery.person_id)?.timeZone;
      return { nudge: found, ...(zone ? { timeZone: zone } : {}) };
    }
    const nudge = computed.nudges.find(
      (candidate) =>
        candidate.personId === delivery.person_id && candidate.kind === delivery.kind && dedupeKeyOf(candidate, periodOf(candidate, computed) ?? '') === key,
    );
    if (!nudge) return { skip: 'resolved before it was due (a check-in or activity since)' };
    const timeZone = computed.people.find((entry) => entry.personId === delivery.person_id)?.timeZone;
    return { nudge, ...(computed.checkIn ? { checkIn: computed.checkIn } : {}), activity: computed.activity, ...(timeZone ? { timeZone } : {}) };
  };

  /**
   * Someone who went away after a reminder was queued: it waits for the first sensible time after their
   * absence (queued again, with that time). True when it was postponed.
   */
  const postponedWhileAway = async (delivery: DeliveryRow, person: PersonRecord | undefined, at: Date): Promise<boolean> => {
    const { sendAt } = sendTimeFor(person, nudgePersonOf(delivery.person_id, person), at.toISOString());
    if (Date.parse(sendAt) <= at.getTime() + 60_000) return false;
    await pool.query(
      "UPDATE mk_notification_deliveries SET status = 'queued', send_at = $2, attempts = attempts - 1, updated_at = $3 WHERE id = $1 AND status = 'sending'",
      [delivery.id, sendAt, at],
    );
    await boss?.send(
      DELIVER_QUEUE,
      { deliveryId: delivery.id },
      {
        startAfter: new Date(Date.now() + Date.parse(sendAt) - at.getTime()),
        singletonKey: `${delivery.id}|${sendAt}`,
        retryLimit,
        retryDelay,
        retryBackoff: true,
      },
    );
    log(`reminders: ${delivery.kind} for ${delivery.person_id} (pairing ${delivery.pairing_id}) waits until ${sendAt}: they are away`);
    return true;
  };

  const deliver = async (deliveryId: string): Promise<void> => {
    const at = now();
    const { rows } = await pool.query<DeliveryRow>(
      `UPDATE mk_notification_deliveries SET status = 'sending', attempts = attempts + 1, updated_at = $2
       WHERE id = $1 AND digest_id IS NULL AND (status IN ('queued', 'failed') OR (status = 'sending' AND updated_at < $2::timestamptz - interval '${SENDING_STALE_MINUTES} minutes')) RETURNING *`,
      [deliveryId, at],
    );
    const delivery = rows[0];
    if (!delivery) return; // sent, skipped, or being sent by another instance
    const skip = (reason: string) => {
      log(`reminders: ${delivery.kind} for ${delivery.person_id} (pairing ${delivery.pairing_id}) not sent: ${reason}`);
      return finish(delivery.id, 'skipped', { reason });
    };
    if (delivery.channel !== 'email') return deliverToWebhook(delivery, skip);
    if (delivery.kind === MANAGER_DIGEST_KIND) return deliverToManager(delivery, skip);
    const [person] = [(await readPeople([delivery.person_id])).get(delivery.person_id)];
    const wants = (await readPreferences([delivery.person_id])).get(delivery.person_id)!;
    if (!person?.email) return void (await skip('no email address any more'));
    if (!wants.email) return void (await skip('reminder emails turned off'));
    if (delivery.kind !== 'digest' && !wants.kinds[delivery.kind]) return void (await skip(`${delivery.kind} turned off`));
    if (await postponedWhileAway(delivery, person, at)) return;
    if (await postponedWhenLate(delivery, person, at)) return;
    if (delivery.kind === 'digest') return deliverDigest(delivery, person as PersonRecord & { email: string }, wants, at, skip);
    const language: MailLanguage = mailLanguageOf(person.languages);
    const current = await currentNudge(delivery, at, language);
    if ('skip' in current) return void (await skip(current.skip));
    const unsubscribeUrl = unsubscribeUrlOf(delivery.person_id);
    const recipient = person as PersonRecord & { email: string };
    const mail = composeReminderMail({
      nudge: current.nudge,
      recipient: { displayName: person.displayName ?? person.id, timeZone: current.timeZone ?? person.timeZone ?? 'UTC', language },
      ...(current.checkIn ? { checkIn: current.checkIn } : {}),
      ...(current.activity ? { activity: current.activity } : {}),
      appUrl,
      unsubscribeUrl,
    });
    await sendMail(delivery, recipient, language, mail, unsubscribeUrl);
    await finish(delivery.id, 'sent', { subject: mail.subject, messageId: messageIdOf(delivery) });
    log(`reminders: sent ${delivery.kind} to ${delivery.person_id} (pairing ${delivery.pairing_id}, ${language}, attempt ${delivery.attempts})`);
  };

  /** A mentee's fortnightly summary, to their manager's address as it is now (not the mentee's inbox: their own switch does not stop it). */
  const deliverToManager = async (delivery: DeliveryRow, skip: (reason: string) => Promise<unknown>): Promise<void> => {
    const composed = await managerDigests.compose(delivery);
    if ('skip' in composed) return void (await skip(composed.skip));
    await sendMail(
      delivery,
      { id: delivery.person_id, displayName: composed.to.name, email: composed.to.address },
      composed.language,
      composed.mail,
      composed.stopUrl,
    );
    await finish(delivery.id, 'sent', { subject: composed.mail.subject, messageId: messageIdOf(delivery) });
    log(`reminders: sent the summary of ${delivery.person_id} to their manager (${delivery.period}, ${composed.language}, attempt ${delivery.attempts})`);
  };

  // The same Message-ID on every attempt: a receiving server can drop a copy if an attempt's outcome was lost.
  const messageIdOf = (delivery: DeliveryRow) =>
    `<${createHash('sha256').update(delivery.dedupe_key).digest('hex').slice(0, 32)}@${new URL(serverUrl).hostname}>`;

  /** Sends one mail of `delivery` over SMTP; on failure marks it failed (pg-boss retries it) and throws. */
  const sendMail = async (
    delivery: DeliveryRow,
    person: PersonRecord & { email: string },
    language: MailLanguage,
    mail: { subject: string; text: string; html: string },
    unsubscribeUrl: string,
  ): Promise<void> => {
    // The URL gives host, port, TLS and credentials; the time limits keep a stuck SMTP server from holding a worker.
    transport ??= nodemailer.createTransport({ url: options.smtpUrl!, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    try {
      await transport.sendMail({
        from: mailFrom,
        to: { name: person.displayName ?? '', address: person.email },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        date: now(),
        messageId: messageIdOf(delivery),
        headers: {
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'Auto-Submitted': 'auto-generated',
          'Content-Language': language,
          'X-MentorKit-Nudge': delivery.kind,
        },
      });
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
      await finish(delivery.id, 'failed', { subject: mail.subject, error: reason });
      log(
        `reminders: sending ${delivery.kind} to ${delivery.person_id} failed (attempt ${delivery.attempts}): ${reason}; ${delivery.attempts <= retryLimit ? 'retried with backoff' : 'no more retries'}`,
      );
      throw error;
    }
  };

  /**
   * A person's daily or weekly digest: every reminder gathered into it that still holds, in one mail;
   * the ones resolved since (or of a kind turned off since) are skipped with their reason. Nothing left:
   * the digest is skipped. Its reminders are marked sent with it.
   */
  const deliverDigest = async (
    delivery: DeliveryRow,
    person: PersonRecord & { email: string },
    wants: NotificationPreferences,
    at: Date,
    skip: (reason: string) => Promise<unknown>,
  ): Promise<void> => {
    const language: MailLanguage = mailLanguageOf(person.languages);
    const { rows: gathered } = await pool.query<DeliveryRow>(
      "SELECT * FROM mk_notification_deliveries WHERE digest_id = $1 AND status IN ('queued', 'failed', 'sending') ORDER BY created_at, id",
      [delivery.id],
    );
    const items: Array<{ row: DeliveryRow; parts: ReminderParts }> = [];
    const skipItem = (row: DeliveryRow, reason: string) => {
      log(`reminders: ${row.kind} for ${row.person_id} (pairing ${row.pairing_id}) left out of their digest: ${reason}`);
      return finish(row.id, 'skipped', { reason });
    };
    for (const row of gathered) {
      if (!wants.kinds[row.kind as NudgeKind]) {
        await skipItem(row, `${row.kind} turned off`);
        continue;
      }
      const current = await currentNudge(row, at, language);
      if ('skip' in current) {
        await skipItem(row, current.skip);
        continue;
      }
      const parts = reminderParts({
        nudge: current.nudge,
        recipient: { displayName: person.displayName ?? person.id, timeZone: current.timeZone ?? person.timeZone ?? 'UTC', language },
        ...(current.checkIn ? { checkIn: current.checkIn } : {}),
        ...(current.activity ? { activity: current.activity } : {}),
      });
      items.push({ row, parts });
    }
    if (items.length === 0)
      return void (await skip(gathered.length === 0 ? 'nothing was gathered into it' : 'every reminder in it was resolved before it was due'));
    const unsubscribeUrl = unsubscribeUrlOf(delivery.person_id);
    const mail = composeDigestMail({
      recipient: { displayName: person.displayName ?? person.id, timeZone: person.timeZone ?? 'UTC', language },
      frequency: delivery.code === 'weekly' ? 'weekly' : 'daily',
      period: delivery.period,
      items: items.map((item) => item.parts),
      appUrl,
      unsubscribeUrl,
    });
    await sendMail(delivery, person, language, mail, unsubscribeUrl);
    for (const { row, parts } of items) await finish(row.id, 'sent', { subject: parts.subject });
    await finish(delivery.id, 'sent', { subject: mail.subject, messageId: messageIdOf(delivery) });
    log(
      `reminders: sent the ${delivery.code} digest to ${delivery.person_id} (${items.length} reminder${items.length === 1 ? '' : 's'}, ${language}, attempt ${delivery.attempts})`,
    );
  };

  /**
   * A mail whose time passed more than half an hour ago (the server was down, the queue was behind, the
   * clock moved) is not sent in the person's night: it waits for their next sensible time.
   */
  const postponedWhenLate = async (delivery: DeliveryRow, person: PersonRecord | undefined, at: Date): Promise<boolean> => {
    // A session reminder is about a time of its own: it is sent late or not at all (its re-check drops it once the session started).
    if (IMMEDIATE_KINDS.has(delivery.kind) || at.getTime() - delivery.send_at.getTime() <= 30 * 60_000) return false;
    // Sensible times are quarter hours: now is sensible when its quarter hour is.
    const quarter = new Date(Math.floor(at.getTime() / (15 * 60_000)) * 15 * 60_000).toISOString();
    const { sendAt } = sensibleSendTime(nudgePersonOf(delivery.person_id, person), quarter);
    if (Date.parse(sendAt) <= at.getTime() + 60_000) return false;
    await pool.query(
      "UPDATE mk_notification_deliveries SET status = 'queued', send_at = $2, attempts = attempts - 1, updated_at = $3 WHERE id = $1 AND status = 'sending'",
      [delivery.id, sendAt, at],
    );
    await boss?.send(
      DELIVER_QUEUE,
      { deliveryId: delivery.id },
      {
        startAfter: new Date(Date.now() + Date.parse(sendAt) - at.getTime()),
        singletonKey: `${delivery.id}|${sendAt}`,
        retryLimit,
        retryDelay,
        retryBackoff: true,
      },
    );
    log(`reminders: ${delivery.kind} for ${delivery.person_id} is late and would arrive outside their hours: it waits until ${sendAt}`);
    return true;
  };

  /** One nudge to one programme webhook: not stopped by the person's email switch, only by the kind being off. */
  const deliverToWebhook = async (delivery: DeliveryRow, skip: (reason: string) => Promise<unknown>): Promise<void> => {
    const at = now();
    const webhook = delivery.webhook_id ? await webhooks.get(delivery.webhook_id).catch(() => undefined) : undefined;
    if (!webhook) return void (await skip('the webhook was removed (or cannot be read with this server key)'));
    const wants = (await readPreferences([delivery.person_id])).get(delivery.person_id)!;
    if (!wants.kinds[delivery.kind as NudgeKind]) return void (await skip(`${delivery.kind} turned off`));
    if (await postponedWhileAway(delivery, (await readPeople([delivery.person_id])).get(delivery.person_id), at)) return;
    const current = await currentNudge(delivery, at, webhook.language);
    if ('skip' in current) return void (await skip(current.skip));
    const { nudge } = current;
    const person = (await readPeople([delivery.person_id])).get(delivery.person_id);
    const personName = person?.displayName ?? delivery.person_id;
    // The webhook's language, worded as the mails are (dates in words, on the person's clock).
    const { sentence } = reminderParts({
      nudge,
      recipient: { displayName: personName, timeZone: current.timeZone ?? person?.timeZone ?? 'UTC', language: webhook.language },
      ...(current.checkIn ? { checkIn: current.checkIn } : {}),
      ...(current.activity ? { activity: current.activity } : {}),
    });
    const { body, headers } = webhookRequest(
      webhook,
      {
        deliveryId: delivery.id,
        kind: nudge.kind,
        code: nudge.code,
        params: nudge.params,
        personId: nudge.personId,
        personName,
        pairingId: nudge.pairingId,
        programId: webhook.programId,
        sendAt: delivery.send_at.toISOString(),
        message: sentence,
        appUrl,
      },
      at,
    );
    const subject = `${webhook.kind} webhook: reminder for ${personName}`.slice(0, 300);
    const target = `${webhook.kind} webhook ${webhook.id} (${new URL(webhook.url).host})`;
    let failure: { reason: string; retry: boolean; afterSeconds?: number };
    try {
      const response = await webhookFetch(webhook.url, { method: 'POST', headers, body, redirect: 'manual' });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) {
        await finish(delivery.id, 'sent', { subject });
        log(`reminders: sent ${delivery.kind} about ${delivery.person_id} to ${target} (attempt ${delivery.attempts})`);
        return;
      }
      const afterSeconds = retryAfterSeconds(response.headers.get('retry-after'), at);
      failure = {
        reason: `HTTP ${response.status} from ${new URL(webhook.url).host}`,
        retry: retryableStatus(response.status),
        ...(afterSeconds !== undefined ? { afterSeconds } : {}),
      };
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
      // Down, slow or unreachable: retried. Refused by the guard (scheme, address) or redirected: not.
      failure = {
        reason,
        retry: !(
          isOutboundRefused(error, 'scheme') ||
          isOutboundRefused(error, 'credentials') ||
          isOutboundRefused(error, 'address') ||
          isOutboundRefused(error, 'redirects')
        ),
      };
    }
    await finish(delivery.id, 'failed', { subject, error: failure.reason });
    const more = failure.retry && delivery.attempts <= retryLimit;
    log(
      `reminders: posting ${delivery.kind} about ${delivery.person_id} to ${target} failed (attempt ${delivery.attempts}): ${failure.reason}; ${more ? 'retried with backoff' : failure.retry ? 'no more retries' : 'not retried'}`,
    );
    if (!more) return;
    // A small Retry-After (429, 503) is respected: the next attempt starts then, instead of at the backoff's time.
    if (failure.afterSeconds !== undefined && failure.afterSeconds >= 1 && failure.afterSeconds <= 600 && boss) {
      await boss.send(DELIVER_QUEUE, { deliveryId: delivery.id }, { startAfter: failure.afterSeconds, retryLimit, retryDelay, retryBackoff: true });
      return;
    }
    throw new Error(`${target}: ${failure.reason}`);
  };

  // ─── the job queue ──────────────────────────────────────────────────────────────────────────

  const startQueue = async () => {
    const created = new PgBoss({
      db,
      schema: 'mk_jobs',
      pollingIntervalSeconds: 1,
      cronMonitorIntervalSeconds: 30,
      cronWorkerIntervalSeconds: 5,
    } as PgBoss.ConstructorOptions);
    created.on('error', (error: unknown) => {
      if (Date.now() - lastErrorLine < 10_000) return;
      lastErrorLine = Date.now();
      log(`reminders: job queue: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
    });
    // pg-boss creates its schema before taking its own lock: instances starting at once would race
    // (duplicate pg_namespace key). One instance at a time installs it, under an advisory lock.
    const lock = await pool.connect();
    try {
      await lock.query('SELECT pg_advisory_lock(727275)');
      await created.start();
      boss = created;
      await created.createQueue(SCAN_QUEUE, { name: SCAN_QUEUE, policy: 'singleton' });
      await created.createQueue(DELIVER_QUEUE, { name: DELIVER_QUEUE, retryLimit, retryDelay, retryBackoff: true });
      await created.schedule(SCAN_QUEUE, cron, {}, { tz: 'UTC' });
    } finally {
      await lock.query('SELECT pg_advisory_unlock(727275)').catch(() => undefined);
      lock.release();
    }
    await created.work(SCAN_QUEUE, async () => {
      if (options.running()) await scan();
    });
    await created.work<{ deliveryId: string }>(DELIVER_QUEUE, { pollingIntervalSeconds: 1, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) await deliver(job.data.deliveryId);
    });
    log(
      `reminders by email are on: a scan every ${intervalMinutes} min (${cron}, UTC), mail through ${options.smtpUrl!.replace(/\/\/[^@/]*@/, '//…@')} from ${mailFrom}`,
    );
  };

  const start = () => {
    if (!enabled || stopped || started) return;
    started = startQueue().catch(async (error: unknown) => {
      log(`reminders: the job queue did not start (${error instanceof Error ? error.message : String(error)}); trying again in 30 s`);
      await boss?.stop({ graceful: false, wait: false }).catch(() => undefined);
      boss = undefined;
      started = undefined;
      retryTimer = setTimeout(start, 30_000);
      retryTimer.unref();
      throw error;
    });
    started.catch(() => undefined);
  };

  // ─── unsubscribe tokens ─────────────────────────────────────────────────────────────────────

  function signToken(personId: string): string {
    return `${Buffer.from(personId, 'utf8').toString('base64url')}.${options.secrets.sign(`mentorkit unsubscribe v1\u0000${personId}`)}`;
  }
  const verifyToken = (token: string | null): string | undefined => {
    if (!token || token.length > 600) return undefined;
    const dot = token.lastIndexOf('.');
    if (dot < 1) return undefined;
    const personId = Buffer.from(token.slice(0, dot), 'base64url').toString('utf8');
    return isAcceptablePersonId(personId) && options.secrets.verify(`mentorkit unsubscribe v1\u0000${personId}`, token.slice(dot + 1)) ? personId : undefined;
  };

  const PAGE_TEXTS = {
    en: {
      title: 'Reminder emails',
      ask: 'Stop reminder emails from MentorKit? You can turn them on again in your notification settings.',
      button: 'Unsubscribe',
      done: 'Done: you will get no more reminder emails from MentorKit.',
      invalid:
        'This unsubscribe link is not valid (it may be incomplete). Copy the whole link from the email, or change your notification settings in MentorKit.',
    },
    es: {
      title: 'Correos de recordatorio',
      ask: '¿Dejar de recibir correos de recordatorio de MentorKit? Puedes volver a activarlos en tu configuración de notificaciones.',
      button: 'Darse de baja',
      done: 'Listo: ya no recibirás correos de recordatorio de MentorKit.',
      invalid:
        'Este enlace para darse de baja no es válido (puede estar incompleto). Copia el enlace completo del correo o cambia tu configuración de notificaciones en MentorKit.',
    },
  } as const;
  const page = (response: http.ServerResponse, status: number, language: MailLanguage, body: string) => {
    const words = PAGE_TEXTS[language];
    send(
      response,
      status,
      `<!doctype html>\n<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,"><title>${escapeHtml(words.title)}</title></head>\n<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5;"><main>\n<h1 style="font-size: 1.25rem;">${escapeHtml(words.title)}</h1>\n${body}\n</main></body></html>\n`,
      {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      },
    );
  };

  const handleUnsigned: ReminderService['handleUnsigned'] = async (segments, method, request, url, response) => {
    if (await managerDigests.handleUnsigned(segments, method, request, url, response)) return true;
    if (!(segments.length === 2 && segments[0] === 'notifications' && segments[1] === 'unsubscribe')) return false;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST')
      throw new HttpError(
        405,
        new MentorKitError('unsupported', `${method} is not supported here; use GET (the page) or POST (one-click unsubscribe).`, { path: 'method' }),
        { Allow: 'GET, POST' },
      );
    if (method === 'POST') await options.readBody(request, 4096);
    const token = url.searchParams.get('token');
    const personId = verifyToken(token);
    if (!personId) return (page(response, 400, 'en', `<p>${escapeHtml(PAGE_TEXTS.en.invalid)}</p>`), true);
    const language = mailLanguageOf((await readPeople([personId])).get(personId)?.languages);
    const words = PAGE_TEXTS[language];
    if (method !== 'POST') {
      // Never unsubscribe on GET: mail scanners follow links.
      page(
        response,
        200,
        language,
        `<p>${escapeHtml(words.ask)}</p>\n<form method="post" action="?token=${escapeHtml(encodeURIComponent(token!))}"><button type="submit" style="font: inherit; padding: 0.5rem 1rem;">${escapeHtml(words.button)}</button></form>`,
      );
      return true;
    }
    const at = now();
    await withTransaction(async (client) => {
      await client.query(
        `INSERT INTO mk_notification_preferences (person_id, email, unsubscribed_at, updated_at) VALUES ($1, false, $2, $2) ON CONFLICT (person_id) DO UPDATE SET email = false, unsubscribed_at = $2, updated_at = $2`,
        [personId, at],
      );
      // Email only: programme webhooks are the programme's channel, not the person's inbox.
      await client.query(
        `UPDATE mk_notification_deliveries SET status = 'skipped', skipped_reason = 'unsubscribed', updated_at = $2 WHERE person_id = $1 AND channel = 'email' AND status IN ('queued', 'failed')`,
        [personId, at],
      );
    });
    log(`reminders: ${personId} unsubscribed from reminder emails (one-click link)`);
    page(response, 200, language, `<p>${escapeHtml(words.done)}</p>`);
    return true;
  };

  // ─── the log and preferences ────────────────────────────────────────────────────────────────

  const whose = (caller: Caller, url: URL): string => {
    const asked = url.searchParams.get('personId');
    if (caller.kind === 'service') {
      if (asked === null) throw new MentorKitError('invalid-input', 'A service names the person: ?personId=<id>.', { path: 'personId' });
      if (!isAcceptablePersonId(asked)) throw new MentorKitError('invalid-input', '`personId` must be a person id (1–200 characters).', { path: 'personId' });
      return asked;
    }
    if (asked !== null && asked !== caller.personId)
      throw new HttpError(403, new MentorKitError('forbidden', 'You can only see and change your own notifications.', { path: 'personId' }));
    return caller.personId;
  };

  const readPreferencesOf = async (personId: string) => (await readPreferences([personId])).get(personId)!;

  const parsePreferencesPut = (body: unknown, current: NotificationPreferences): NotificationPreferences => {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new MentorKitError(
        'invalid-input',
        'Send a JSON object: { "email"?: boolean, "kinds"?: { "<kind>": boolean }, "digest"?: "none" | "daily" | "weekly" }.',
        { path: 'body' },
      );
    const next: NotificationPreferences = { ...current, kinds: { ...current.kinds } };
    for (const [key, value] of Object.entries(body)) {
      if (key === 'email') {
        if (typeof value !== 'boolean') throw new MentorKitError('invalid-input', '`email` must be true or false.', { path: 'email' });
        next.email = value;
      } else if (key === 'kinds') {
        if (typeof value !== 'object' || value === null || Array.isArray(value))
          throw new MentorKitError('invalid-input', `\`kinds\` must be an object of nudge kinds (${NUDGE_KINDS.join(', ')}) to true or false.`, {
            path: 'kinds',
          });
        for (const [kind, on] of Object.entries(value)) {
          if (!(NUDGE_KINDS as readonly string[]).includes(kind))
            throw new MentorKitError('invalid-input', `\`kinds.${kind.slice(0, 50)}\` is not a nudge kind; the kinds are ${NUDGE_KINDS.join(', ')}.`, {
              path: `kinds.${kind.slice(0, 50)}`,
            });
          if (typeof on !== 'boolean') throw new MentorKitError('invalid-input', `\`kinds.${kind}\` must be true or false.`, { path: `kinds.${kind}` });
          next.kinds[kind as NudgeKind] = on;
        }
      } else if (key === 'digest') {
        if (!(DIGESTS as readonly unknown[]).includes(value))
          throw new MentorKitError('invalid-input', '`digest` must be "none", "daily" or "weekly".', { path: 'digest' });
        next.digest = value;
      } else if (key !== 'personId' && key !== 'updatedAt') {
        throw new MentorKitError('invalid-input', `\`${key.slice(0, 50)}\` is not a preference; send email, kinds or digest.`, { path: key.slice(0, 50) });
      }
    }
    return next;
  };

  const handle: ReminderService['handle'] = async (caller, segments, method, request, url, response) => {
    if (segments[0] === 'programs')
      return (await ladder.handle(caller, segments, method, request, response)) || webhooks.handle(caller, segments, method, request, response);
    if (segments[0] !== 'notifications') return false;
    if (await managerDigests.handle(caller, segments, method, request, url, response)) return true;
    if (segments.length === 1) {
      if (method !== 'GET')
        throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use GET.`, { path: 'method' }), { Allow: 'GET' });
      const personId = whose(caller, url);
      const limitText = url.searchParams.get('limit');
      const limit = limitText === null ? 50 : Number(limitText);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200)
        throw new MentorKitError('invalid-input', '`limit` must be a whole number from 1 to 200.', { path: 'limit' });
      const { rows } = await pool.query<DeliveryRow>('SELECT * FROM mk_notification_deliveries WHERE person_id = $1 ORDER BY created_at DESC, id LIMIT $2', [
        personId,
        limit,
      ]);
      send(response, 200, {
        personId,
        deliveries: rows.map((row) => ({
          id: row.id,
          kind: row.kind,
          pairingId: row.pairing_id,
          channel: row.channel,
          ...(row.webhook_id ? { webhookId: row.webhook_id } : {}),
          ...(row.digest_id ? { digestId: row.digest_id } : {}),
          ...(row.kind === 'digest' ? { frequency: row.code } : {}),
          subject: row.subject ?? null,
          status: row.status,
          sendAt: row.send_at.toISOString(),
          sentAt: row.sent_at ? row.sent_at.toISOString() : null,
          attempts: row.attempts,
          createdAt: row.created_at.toISOString(),
          ...(row.skipped_reason ? { reason: row.skipped_reason } : {}),
          ...(row.status === 'failed' && row.last_error ? { error: row.last_error } : {}),
        })),
      });
      return true;
    }
    if (segments.length === 2 && segments[1] === 'preferences') {
      const personId = whose(caller, url);
      if (method === 'GET') return (send(response, 200, await readPreferencesOf(personId)), true);
      if (method !== 'PUT')
        throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use GET or PUT.`, { path: 'method' }), {
          Allow: 'GET, PUT',
        });
      const body = await options.readJson(request, 4096);
      const next = parsePreferencesPut(body, await readPreferencesOf(personId));
      const at = now();
      await pool.query(
        `INSERT INTO mk_notification_preferences (person_id, email, kinds, digest, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (person_id) DO UPDATE SET email = $2, kinds = $3, digest = $4, updated_at = $5, unsubscribed_at = CASE WHEN $2 THEN NULL ELSE mk_notification_preferences.unsubscribed_at END`,
        [personId, next.email, JSON.stringify(next.kinds), next.digest, at],
      );
      send(response, 200, { ...next, updatedAt: at.toISOString() });
      return true;
    }
    return false;
  };

  return {
    enabled,
    start,
    async runNow() {
      if (!enabled)
        throw new MentorKitError('unsupported', 'Reminders by email are off: set MENTORKIT_SMTP_URL (smtpUrl) and MENTORKIT_PUBLIC_URL (publicUrl).');
      start();
      await started;
      return scan();
    },
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      await started?.catch(() => undefined);
      await boss?.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
      boss = undefined;
      transport?.close();
    },
    handleUnsigned,
    handle,
  };
}
