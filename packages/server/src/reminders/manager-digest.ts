import type http from 'node:http';
import type { Pool } from 'pg';
import { DateTime } from 'luxon';
import { MentorKitError, formatMessage } from '@mentorkit/core';
import { digestSlot, type NudgePerson } from '@mentorkit/core/checkins';
import { sessionMinutesHeld } from '@mentorkit/core/report';
import { isAcceptablePersonId, type Caller } from '../identity.js';
import { HttpError } from '../input.js';
import type { ServerSecrets } from '../secrets.js';
import { escapeHtml, type MailLanguage } from './mail.js';

/**
 * The manager digest (docs/reminders.md, "A summary for your manager"): a mentee may ask MentorKit to
 * send their manager a summary every other Monday — the sessions they held, the hours, and the goals
 * they reached that their pairing can see — and nothing private: no notes, no agendas, no feedback, no
 * messages, no private goals (not even how many). It is the mentee's choice (opt-in, off by default,
 * stopped at any time by the mentee or by the manager's one-click link), and it is sent at the first
 * sensible moment of that Monday on the mentee's clock.
 *
 * Routes: `GET | PUT | DELETE /notifications/manager-digest` (the signed-in person; a service names
 * `?personId=`), and `GET | POST /notifications/manager-digest/stop?token=…` (the manager's link, no
 * sign-in; GET shows a page and never changes anything, POST stops it — RFC 8058 one-click).
 */

export const MANAGER_DIGEST_KIND = 'manager-digest';
/** Every fortnight starts on a Monday an even number of weeks after Monday 5 January 1970. */
const EPOCH_MONDAY = DateTime.fromISO('1970-01-05', { zone: 'UTC' });

export interface ManagerDigestSettings {
  personId: string;
  enabled: boolean;
  managerEmail?: string;
  managerName?: string;
  /** The language of the manager's mail. */
  language: MailLanguage;
  /** When the mentee turned it on (last time). */
  consentedAt?: string;
  /** When it was stopped, and by whom ('mentee' or 'manager'), while off. */
  stoppedAt?: string;
  stoppedBy?: 'mentee' | 'manager';
  updatedAt?: string;
}

/** What the manager is told: counts and the titles of goals the pairing can see. Nothing else. */
export interface ManagerSummary {
  from: string;
  to: string;
  sessionsHeld: number;
  mentoringMinutes: number;
  goalsReached: string[];
  /** The mentee's programmes in those two weeks (names). */
  programmes: string[];
}

export interface ManagerDigestView extends ManagerDigestSettings {
  /** What the next mail would say if it went now (the last two weeks). */
  preview: ManagerSummary;
  /** When the next one goes (while on). */
  nextSendAt?: string;
}

type SummaryRecords = {
  pairings: ReadonlyArray<{ id: string; programId?: string; menteeId: string; status?: string }>;
  sessions: ReadonlyArray<{ pairingId: string; status?: string; start: string; end: string; heldMinutes?: number }>;
  goals: ReadonlyArray<{ pairingId: string; ownerId?: string; title: string; visibility?: string; achievedAt?: string }>;
  programs: ReadonlyArray<{ id: string; name: string }>;
};

/**
 * The summary of `personId`'s mentoring as a mentee in [`from`, `to`): held sessions (by their start)
 * with their minutes (the report's hours rule), and the goals of their pairings reached in that time
 * that are not private. Pure: the records are all it reads.
 */
export function managerSummary(records: SummaryRecords, personId: string, window: { from: string; to: string }): ManagerSummary {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const pairings = records.pairings.filter((pairing) => pairing.menteeId === personId && pairing.status !== 'proposed');
  const pairingIds = new Set(pairings.map((pairing) => pairing.id));
  const within = (instant: string | undefined) => instant !== undefined && Date.parse(instant) >= from && Date.parse(instant) < to;
  const held = records.sessions.filter((session) => pairingIds.has(session.pairingId) && session.status === 'held' && within(session.start));
  const goalsReached = records.goals
    .filter((goal) => pairingIds.has(goal.pairingId) && goal.visibility !== 'private' && within(goal.achievedAt))
    .sort((a, b) => Date.parse(a.achievedAt!) - Date.parse(b.achievedAt!))
    .map((goal) => goal.title);
  const programmeIds = new Set(pairings.map((pairing) => pairing.programId).filter((id): id is string => typeof id === 'string'));
  return {
    from: window.from,
    to: window.to,
    sessionsHeld: held.length,
    mentoringMinutes: held.reduce((sum, session) => sum + sessionMinutesHeld(session as Parameters<typeof sessionMinutesHeld>[0]), 0),
    goalsReached,
    programmes: records.programs.filter((program) => programmeIds.has(program.id)).map((program) => program.name),
  };
}

/** The Monday (a calendar date) that starts the fortnight holding `date` (YYYY-MM-DD). */
export function fortnightStart(date: string): string {
  const day = DateTime.fromISO(date, { zone: 'UTC' });
  const weeks = Math.floor(day.diff(EPOCH_MONDAY, 'days').days / 7);
  return EPOCH_MONDAY.plus({ weeks: weeks - (((weeks % 2) + 2) % 2) }).toISODate()!;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export const MANAGER_TEXTS = {
  en: {
    subject: 'Mentoring update from {mentee}',
    greeting: 'Hello {name},',
    greetingNoName: 'Hello,',
    intro: '{mentee} asked MentorKit to send you a short update on their mentoring every two weeks. From {from} to {to}:',
    sessions: 'Sessions held: {count}',
    hours: 'Time spent in sessions: {hours}',
    goals: 'Goals reached: {count}',
    noGoals: 'No goals reached in these two weeks.',
    programme: 'Programme: {names}',
    private: 'Notes, messages and feedback stay between {mentee} and their mentor: they are never part of this update.',
    footer: 'You get this email because {mentee} chose to share this summary with you.',
    stop: 'Stop these updates',
    pageTitle: 'Mentoring updates',
    ask: 'Stop the mentoring updates {mentee} shares with you? They will be told that you stopped them.',
    button: 'Stop the updates',
    done: 'Done: you will get no more mentoring updates about {mentee}.',
    invalid: 'This link is not valid (it may be incomplete, or the updates were sent to another address since). Copy the whole link from the email.',
  },
  es: {
    subject: 'Novedades de la mentoría de {mentee}',
    greeting: 'Hola, {name}:',
    greetingNoName: 'Hola:',
    intro: '{mentee} pidió a MentorKit que te envíe un breve resumen de su mentoría cada dos semanas. Del {from} al {to}:',
    sessions: 'Sesiones realizadas: {count}',
    hours: 'Tiempo en sesiones: {hours}',
    goals: 'Objetivos alcanzados: {count}',
    noGoals: 'Ningún objetivo alcanzado en estas dos semanas.',
    programme: 'Programa: {names}',
    private: 'Las notas, los mensajes y las valoraciones quedan entre {mentee} y su mentor: nunca forman parte de este resumen.',
    footer: 'Recibes este correo porque {mentee} decidió compartir este resumen contigo.',
    stop: 'Dejar de recibir estos resúmenes',
    pageTitle: 'Resúmenes de mentoría',
    ask: '¿Dejar de recibir los resúmenes de mentoría que {mentee} comparte contigo? Se le dirá que los detuviste.',
    button: 'Dejar de recibirlos',
    done: 'Listo: ya no recibirás resúmenes de mentoría sobre {mentee}.',
    invalid: 'Este enlace no es válido (puede estar incompleto, o los resúmenes se envían ahora a otra dirección). Copia el enlace completo del correo.',
  },
} as const;

/** "1 h 30 min" / "45 min" (the same in both languages). */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours === 0 ? `${rest} min` : rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** The manager's mail: a plain-text and an HTML part with the same words; every value escaped in HTML. */
export function composeManagerMail(input: {
  menteeName: string;
  managerName?: string;
  summary: ManagerSummary;
  timeZone: string;
  language: MailLanguage;
  stopUrl: string;
}): { subject: string; text: string; html: string } {
  const words = MANAGER_TEXTS[input.language];
  const { summary } = input;
  const day = (instant: string) =>
    DateTime.fromISO(instant, { zone: input.timeZone })
      .setLocale(input.language === 'es' ? 'es' : 'en-GB')
      .toLocaleString(DateTime.DATE_FULL);
  // `to` is the Monday the fortnight after ends on: the last day shown is the Sunday before it.
  const lastDay = DateTime.fromISO(summary.to, { zone: input.timeZone }).minus({ days: 1 }).toISO()!;
  const values = { mentee: input.menteeName, from: day(summary.from), to: day(lastDay) };
  const lines = [
    formatMessage(words.sessions, { count: summary.sessionsHeld }),
    formatMessage(words.hours, { hours: formatMinutes(summary.mentoringMinutes) }),
    summary.goalsReached.length === 0 ? words.noGoals : formatMessage(words.goals, { count: summary.goalsReached.length }),
  ];
  const greeting = input.managerName ? formatMessage(words.greeting, { name: input.managerName }) : words.greetingNoName;
  const subject = formatMessage(words.subject, values);
  const programme = summary.programmes.length > 0 ? formatMessage(words.programme, { names: summary.programmes.join(', ') }) : undefined;
  const text = [
    greeting,
    '',
    formatMessage(words.intro, values),
    '',
    ...lines.map((line) => `- ${line}`),
    ...summary.goalsReached.map((title) => `  - ${title}`),
    ...(programme ? ['', programme] : []),
    '',
    formatMessage(words.private, values),
    '',
    `${formatMessage(words.footer, values)}`,
    `${words.stop}: ${input.stopUrl}`,
    '',
  ].join('\n');
  const html = [
    `<!doctype html><html lang="${input.language}"><body style="font-family: system-ui, sans-serif; line-height: 1.5;">`,
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(formatMessage(words.intro, values))}</p>`,
    '<ul>',
    `<li>${escapeHtml(lines[0]!)}</li>`,
    `<li>${escapeHtml(lines[1]!)}</li>`,
    `<li>${escapeHtml(lines[2]!)}${summary.goalsReached.length > 0 ? `<ul>${summary.goalsReached.map((title) => `<li>${escapeHtml(title)}</li>`).join('')}</ul>` : ''}</li>`,
    '</ul>',
    ...(programme ? [`<p>${escapeHtml(programme)}</p>`] : []),
    `<p>${escapeHtml(formatMessage(words.private, values))}</p>`,
    `<p style="color: #555; font-size: 0.875em;">${escapeHtml(formatMessage(words.footer, values))} <a href="${escapeHtml(input.stopUrl)}">${escapeHtml(words.stop)}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

type Row = {
  person_id: string;
  manager_email: string | null;
  manager_name: string | null;
  language: MailLanguage;
  enabled: boolean;
  consented_at: Date | null;
  stopped_at: Date | null;
  stopped_by: 'mentee' | 'manager' | null;
  updated_at: Date;
};
type PersonRecord = {
  id: string;
  displayName?: string;
  timeZone?: string;
  languages?: string[];
  workingHours?: NudgePerson['workingHours'];
  offLimitsDays?: number[];
  offLimitsDates?: string[];
};

/** What the reminder routes get from the server: the database, the log, and its request and response helpers. */
export interface ReminderRouteIo {
  pool: Pool;
  log(line: string): void;
  send(response: http.ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void;
  readJson(request: http.IncomingMessage, limitBytes: number): Promise<unknown>;
  /** The raw body (the one-click POST's form body, read and ignored). */
  readBody(request: http.IncomingMessage, limitBytes: number): Promise<Buffer>;
  /** Signs and verifies unsubscribe tokens. */
  secrets: ServerSecrets;
}

export interface ManagerDigestOptions extends ReminderRouteIo {
  /** The server's address (base of the stop link). */
  serverUrl: string;
  now(): Date;
  whose(caller: Caller, url: URL): string;
  nudgePerson(personId: string, person: PersonRecord | undefined): NudgePerson;
}

export function createManagerDigests(options: ManagerDigestOptions) {
  const { pool, send, now } = options;

  const toSettings = (personId: string, row: Row | undefined): ManagerDigestSettings => ({
    personId,
    enabled: row?.enabled ?? false,
    ...(row?.manager_email ? { managerEmail: row.manager_email } : {}),
    ...(row?.manager_name ? { managerName: row.manager_name } : {}),
    language: row?.language ?? 'en',
    ...(row?.consented_at ? { consentedAt: row.consented_at.toISOString() } : {}),
    ...(row?.stopped_at && !row.enabled ? { stoppedAt: row.stopped_at.toISOString() } : {}),
    ...(row?.stopped_by && !row.enabled ? { stoppedBy: row.stopped_by } : {}),
    ...(row ? { updatedAt: row.updated_at.toISOString() } : {}),
  });

  const readRow = async (personId: string) => (await pool.query<Row>('SELECT * FROM mk_manager_digests WHERE person_id = $1', [personId])).rows[0];
  const readPerson = async (personId: string) =>
    (await pool.query<{ data: PersonRecord }>("SELECT data FROM mk_records WHERE collection = 'people' AND NOT deleted AND id = $1", [personId])).rows[0]?.data;

  /** The records the summary reads: the person's pairings as a mentee, their held sessions and goals. */
  const readRecords = async (personId: string): Promise<SummaryRecords> => {
    const { rows: pairingRows } = await pool.query<{ data: SummaryRecords['pairings'][number] }>(
      "SELECT data FROM mk_records WHERE collection = 'pairings' AND NOT deleted AND data->>'menteeId' = $1",
      [personId],
    );
    const pairings = pairingRows.map((row) => row.data);
    const ids = pairings.map((pairing) => pairing.id);
    const programIds = [...new Set(pairings.map((pairing) => pairing.programId).filter((id): id is string => typeof id === 'string'))];
    const [sessions, goals, programs] = await Promise.all([
      pool.query<{ data: SummaryRecords['sessions'][number] }>(
        "SELECT data FROM mk_records WHERE collection = 'sessions' AND NOT deleted AND data->>'pairingId' = ANY($1) AND data->>'status' = 'held'",
        [ids],
      ),
      pool.query<{ data: SummaryRecords['goals'][number] }>(
        "SELECT data FROM mk_records WHERE collection = 'goals' AND NOT deleted AND data->>'pairingId' = ANY($1) AND data->>'achievedAt' IS NOT NULL",
        [ids],
      ),
      pool.query<{ data: SummaryRecords['programs'][number] }>("SELECT data FROM mk_records WHERE collection = 'programs' AND NOT deleted AND id = ANY($1)", [
        programIds,
      ]),
    ]);
    return {
      pairings,
      sessions: sessions.rows.map((row) => row.data),
      goals: goals.rows.map((row) => row.data),
      programs: programs.rows.map((row) => row.data),
    };
  };

  /** The fortnight's digest slot for a mentee on their clock: the Monday that starts the fortnight holding `at`, or the next one once that went by. */
  const slotOf = (person: NudgePerson, at: Date): { period: string; sendAt: string } => {
    const today = DateTime.fromJSDate(at, { zone: person.timeZone }).toISODate()!;
    let monday = fortnightStart(today);
    for (let step = 0; step < 3; step++) {
      const slot = digestSlot(person, DateTime.fromISO(monday, { zone: person.timeZone }).toISO()!, 'weekly');
      if (Date.parse(slot.sendAt) + 60_000 >= at.getTime() || step === 2) return { period: monday, sendAt: slot.sendAt };
      monday = DateTime.fromISO(monday).plus({ weeks: 2 }).toISODate()!;
    }
    throw new Error('unreachable');
  };

  /** The two weeks a digest of the fortnight starting `monday` covers (the two weeks before it), as instants on the mentee's clock. */
  const windowOf = (monday: string, timeZone: string) => {
    const end = DateTime.fromISO(monday, { zone: timeZone });
    return { from: end.minus({ weeks: 2 }).toUTC().toISO()!, to: end.toUTC().toISO()! };
  };

  const view = async (personId: string): Promise<ManagerDigestView> => {
    const [row, person] = await Promise.all([readRow(personId), readPerson(personId)]);
    const settings = toSettings(personId, row);
    const at = now();
    const preview = managerSummary(await readRecords(personId), personId, {
      from: DateTime.fromJSDate(at).minus({ weeks: 2 }).toUTC().toISO()!,
      to: at.toISOString(),
    });
    return {
      ...settings,
      preview,
      ...(settings.enabled ? { nextSendAt: new Date(slotOf(options.nudgePerson(personId, person), at).sendAt).toISOString() } : {}),
    };
  };

  const parsePut = (body: unknown, current: ManagerDigestSettings): ManagerDigestSettings => {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new MentorKitError(
        'invalid-input',
        'Send a JSON object: { "enabled": boolean, "managerEmail"?: string, "managerName"?: string, "language"?: "en" | "es" }.',
        { path: 'body' },
      );
    const next: ManagerDigestSettings = { ...current };
    for (const [key, value] of Object.entries(body)) {
      if (key === 'enabled') {
        if (typeof value !== 'boolean') throw new MentorKitError('invalid-input', '`enabled` must be true or false.', { path: 'enabled' });
        next.enabled = value;
      } else if (key === 'managerEmail') {
        if (typeof value !== 'string' || value.length > 254 || !EMAIL.test(value.trim()))
          throw new MentorKitError('invalid-input', '`managerEmail` must be an email address such as name@example.com.', { path: 'managerEmail' });
        next.managerEmail = value.trim();
      } else if (key === 'managerName') {
        if (value === null || value === '') {
          delete next.managerName;
          continue;
        }
        // eslint-disable-next-line no-control-regex
        if (typeof value !== 'string' || value.trim().length === 0 || value.length > 120 || /[\u0000-\u001f\u007f]/.test(value))
          throw new MentorKitError('invalid-input', "`managerName` must be your manager's name, up to 120 characters on one line.", { path: 'managerName' });
        next.managerName = value.trim();
      } else if (key === 'language') {
        if (value !== 'en' && value !== 'es') throw new MentorKitError('invalid-input', '`language` must be "en" or "es".', { path: 'language' });
        next.language = value;
      } else if (
        key !== 'personId' &&
        key !== 'updatedAt' &&
        key !== 'preview' &&
        key !== 'nextSendAt' &&
        key !== 'consentedAt' &&
        key !== 'stoppedAt' &&
        key !== 'stoppedBy'
      ) {
        throw new MentorKitError(
          'invalid-input',
          `\`${key.slice(0, 50)}\` is not a setting of the manager summary; send enabled, managerEmail, managerName or language.`,
          { path: key.slice(0, 50) },
        );
      }
    }
    if (next.enabled && !next.managerEmail)
      throw new MentorKitError('invalid-input', "To turn the summary on, give your manager's email address (`managerEmail`).", { path: 'managerEmail' });
    return next;
  };

  // ─── the manager's stop link ────────────────────────────────────────────────────────────────

  // Bound to the address it was sent to: a link from before the mentee changed it stops nothing.
  const tokenContext = (personId: string, email: string) => `mentorkit manager-digest stop v1\u0000${personId}\u0000${email.toLowerCase()}`;
  const stopUrlOf = (personId: string, email: string) => {
    const url = new URL('notifications/manager-digest/stop', options.serverUrl.endsWith('/') ? options.serverUrl : `${options.serverUrl}/`);
    url.searchParams.set('token', `${Buffer.from(personId, 'utf8').toString('base64url')}.${options.secrets.sign(tokenContext(personId, email))}`);
    return url.toString();
  };
  const verifyStop = async (token: string | null): Promise<{ personId: string; row: Row } | undefined> => {
    if (!token || token.length > 600) return undefined;
    const dot = token.lastIndexOf('.');
    if (dot < 1) return undefined;
    const personId = Buffer.from(token.slice(0, dot), 'base64url').toString('utf8');
    if (!isAcceptablePersonId(personId)) return undefined;
    const row = await readRow(personId);
    if (!row?.manager_email || !options.secrets.verify(tokenContext(personId, row.manager_email), token.slice(dot + 1))) return undefined;
    return { personId, row };
  };

  const page = (response: http.ServerResponse, status: number, language: MailLanguage, body: string) => {
    const words = MANAGER_TEXTS[language];
    send(
      response,
      status,
      `<!doctype html>\n<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,"><title>${escapeHtml(words.pageTitle)}</title></head>\n<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5;"><main>\n<h1 style="font-size: 1.25rem;">${escapeHtml(words.pageTitle)}</h1>\n${body}\n</main></body></html>\n`,
      {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      },
    );
  };

  return {
    /** `/notifications/manager-digest/stop` (no sign-in). True when it answered. */
    async handleUnsigned(segments: string[], method: string, request: http.IncomingMessage, url: URL, response: http.ServerResponse): Promise<boolean> {
      if (!(segments.length === 3 && segments[0] === 'notifications' && segments[1] === 'manager-digest' && segments[2] === 'stop')) return false;
      if (method !== 'GET' && method !== 'HEAD' && method !== 'POST')
        throw new HttpError(
          405,
          new MentorKitError('unsupported', `${method} is not supported here; use GET (the page) or POST (one-click stop).`, { path: 'method' }),
          { Allow: 'GET, POST' },
        );
      if (method === 'POST') await options.readBody(request, 4096);
      const token = url.searchParams.get('token');
      const found = await verifyStop(token);
      if (!found) return (page(response, 400, 'en', `<p>${escapeHtml(MANAGER_TEXTS.en.invalid)}</p>`), true);
      const { personId, row } = found;
      const words = MANAGER_TEXTS[row.language];
      const mentee = (await readPerson(personId))?.displayName ?? personId;
      if (method !== 'POST') {
        // Never on GET: mail scanners follow links.
        page(
          response,
          200,
          row.language,
          `<p>${escapeHtml(formatMessage(words.ask, { mentee }))}</p>\n<form method="post" action="?token=${escapeHtml(encodeURIComponent(token!))}"><button type="submit" style="font: inherit; padding: 0.5rem 1rem;">${escapeHtml(words.button)}</button></form>`,
        );
        return true;
      }
      const at = now();
      await pool.query("UPDATE mk_manager_digests SET enabled = false, stopped_at = $2, stopped_by = 'manager', updated_at = $2 WHERE person_id = $1", [
        personId,
        at,
      ]);
      await pool.query(
        "UPDATE mk_notification_deliveries SET status = 'skipped', skipped_reason = 'stopped by the manager', updated_at = $2 WHERE person_id = $1 AND kind = $3 AND status IN ('queued', 'failed')",
        [personId, at, MANAGER_DIGEST_KIND],
      );
      options.log(`reminders: the manager of ${personId} stopped their mentoring updates (one-click link)`);
      page(response, 200, row.language, `<p>${escapeHtml(formatMessage(words.done, { mentee }))}</p>`);
      return true;
    },

    /** `/notifications/manager-digest` for the signed-in person. True when it answered. */
    async handle(caller: Caller, segments: string[], method: string, request: http.IncomingMessage, url: URL, response: http.ServerResponse): Promise<boolean> {
      if (!(segments.length === 2 && segments[0] === 'notifications' && segments[1] === 'manager-digest')) return false;
      const personId = options.whose(caller, url);
      if (method === 'GET') return (send(response, 200, await view(personId)), true);
      if (method === 'DELETE') {
        await pool.query('DELETE FROM mk_manager_digests WHERE person_id = $1', [personId]);
        await pool.query(
          "UPDATE mk_notification_deliveries SET status = 'skipped', skipped_reason = 'turned off by the mentee', updated_at = $2 WHERE person_id = $1 AND kind = $3 AND status IN ('queued', 'failed')",
          [personId, now(), MANAGER_DIGEST_KIND],
        );
        send(response, 200, await view(personId));
        return true;
      }
      if (method !== 'PUT')
        throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use GET, PUT or DELETE.`, { path: 'method' }), {
          Allow: 'GET, PUT, DELETE',
        });
      const body = await options.readJson(request, 4096);
      const current = toSettings(personId, await readRow(personId));
      const next = parsePut(body, current);
      if (next.enabled) {
        const { rows } = await pool.query(
          "SELECT 1 FROM mk_records WHERE collection = 'pairings' AND NOT deleted AND data->>'menteeId' = $1 AND data->>'status' IN ('active', 'paused') LIMIT 1",
          [personId],
        );
        if (rows.length === 0)
          throw new HttpError(
            409,
            new MentorKitError('conflict', 'A summary for your manager is about mentoring you receive: you have no active pairing as a mentee.', {
              path: 'enabled',
            }),
          );
      }
      const at = now();
      const turnedOn = next.enabled && !current.enabled;
      const turnedOff = !next.enabled && current.enabled;
      await pool.query(
        `INSERT INTO mk_manager_digests (person_id, manager_email, manager_name, language, enabled, consented_at, stopped_at, stopped_by, updated_at) VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 THEN $6::timestamptz END, CASE WHEN NOT $5 THEN $6::timestamptz END, CASE WHEN NOT $5 THEN 'mentee' END, $6)
         ON CONFLICT (person_id) DO UPDATE SET manager_email = $2, manager_name = $3, language = $4, enabled = $5,
           consented_at = CASE WHEN $7 THEN $6::timestamptz ELSE mk_manager_digests.consented_at END,
           stopped_at = CASE WHEN $8 THEN $6::timestamptz WHEN $5 THEN NULL ELSE mk_manager_digests.stopped_at END,
           stopped_by = CASE WHEN $8 THEN 'mentee' WHEN $5 THEN NULL ELSE mk_manager_digests.stopped_by END,
           updated_at = $6`,
        [personId, next.managerEmail ?? null, next.managerName ?? null, next.language, next.enabled, at, turnedOn, turnedOff],
      );
      // Off: what was queued will not go. (A new address while on needs nothing: a summary goes to the address of the moment it is sent.)
      if (!next.enabled) {
        await pool.query(
          "UPDATE mk_notification_deliveries SET status = 'skipped', skipped_reason = 'turned off by the mentee', updated_at = $2 WHERE person_id = $1 AND kind = $3 AND status IN ('queued', 'failed')",
          [personId, at, MANAGER_DIGEST_KIND],
        );
      }
      options.log(`reminders: ${personId} ${turnedOn ? 'turned on' : turnedOff ? 'turned off' : 'changed'} the summary for their manager`);
      send(response, 200, await view(personId));
      return true;
    },

    /** The digests the scan should queue now: one per mentee who has it on, per fortnight. */
    async due(at: Date): Promise<Array<{ personId: string; period: string; sendAt: string; key: string }>> {
      const { rows } = await pool.query<{ person_id: string; consented_at: Date | null; data: PersonRecord | null }>(
        "SELECT d.person_id, d.consented_at, p.data FROM mk_manager_digests d LEFT JOIN mk_records p ON p.collection = 'people' AND p.id = d.person_id AND NOT p.deleted WHERE d.enabled AND d.manager_email IS NOT NULL ORDER BY d.person_id",
      );
      return rows.map((row) => {
        const slot = slotOf(options.nudgePerson(row.person_id, row.data ?? undefined), at);
        // The consent's time in the key: turned off (or stopped by the manager) and on again, the fortnight's summary is queued anew.
        return { personId: row.person_id, ...slot, key: `${MANAGER_DIGEST_KIND}|${row.person_id}|${slot.period}|${row.consented_at?.getTime() ?? 0}` };
      });
    },

    /**
     * The mail of a queued manager digest, or why it no longer goes: off, another address since it was
     * queued is fine (it goes to the current one), no pairing as a mentee in those two weeks.
     */
    async compose(delivery: {
      person_id: string;
      period: string;
    }): Promise<
      | { skip: string }
      | { to: { name: string; address: string }; mail: { subject: string; text: string; html: string }; stopUrl: string; language: MailLanguage }
    > {
      const row = await readRow(delivery.person_id);
      if (!row?.enabled || !row.manager_email) return { skip: row?.stopped_by === 'manager' ? 'stopped by the manager' : 'turned off by the mentee' };
      const person = await readPerson(delivery.person_id);
      if (!person) return { skip: 'the mentee is no longer known' };
      const timeZone = person.timeZone ?? 'UTC';
      const records = await readRecords(delivery.person_id);
      const window = windowOf(delivery.period, timeZone);
      const active = records.pairings.some((pairing) => pairing.status === 'active' || pairing.status === 'paused');
      if (!active) return { skip: 'no active pairing as a mentee' };
      const summary = managerSummary(records, delivery.person_id, window);
      const stopUrl = stopUrlOf(delivery.person_id, row.manager_email);
      const mail = composeManagerMail({
        menteeName: person.displayName ?? person.id,
        ...(row.manager_name ? { managerName: row.manager_name } : {}),
        summary,
        timeZone,
        language: row.language,
        stopUrl,
      });
      return { to: { name: row.manager_name ?? '', address: row.manager_email }, mail, stopUrl, language: row.language };
    },
  };
}

export type ManagerDigests = ReturnType<typeof createManagerDigests>;
