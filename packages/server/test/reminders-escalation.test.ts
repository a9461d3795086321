// The escalation ladder for silent pairs (issue 15 "Silent mentors"): a real PostgreSQL, a real SMTP
// server (smtp-server, mail read back with mailparser), a generic webhook receiver on loopback, and two
// server instances on one database. The servers' clock is the test's (`now`): the test walks a quiet
// spell day by day — both nudged at quietDays, the admins alerted at alertAdminDays, activity bringing
// the pair back, and (closing on) the notice, then the close after the full notice with a re-pairing
// suggestion. No fixed sleeps: every wait polls for its condition.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { sendTimeFor } from '../src/reminders/escalation.js';
import { createMentorKitServer, type MentorKitServer } from '../src/server.js';
import { createPostgresStorage } from '../src/store.js';
import {
  as,
  asService,
  eventually as eventuallyWithin,
  JWT_SECRET,
  SERVICE_TOKEN,
  skipReason,
  startSmtp,
  startTestBackend,
  type TestBackend,
} from './support.js';

const skip = skipReason();
const eventually = <T>(read: () => T | Promise<T>, check: (value: T) => boolean, what: string) => eventuallyWithin(read, check, what, 45_000);
const PROGRAM = 'quiet-2026'; // closing off: nudge at 14 days, admins at 28
const CLOSING = 'closing-2026'; // closing on: 40 days, 7 days' notice
const OTHER = 'other-2026';
const UNREACHABLE = 'unreachable-2026'; // closing on, but nobody in it has an email address (and no webhook)
const PUBLIC_URL = 'https://mentoring.example.edu';
const LAST = '2026-09-01T15:00:00Z'; // a Tuesday: both pairs' last message

const person = (id: string, displayName: string, fields: Record<string, unknown>) => ({
  id,
  displayName,
  email: `${id}@example.org`,
  roles: ['mentee'],
  workingHours: {},
  offLimitsDays: [],
  offLimitsDates: [],
  languages: ['en'],
  skills: [],
  wantsToLearn: [],
  interests: [],
  capacity: 1,
  ...fields,
});

describe('the escalation ladder for silent pairs', { skip: skip ?? false, timeout: 6 * 60_000 }, () => {
  let first: TestBackend;
  let second: MentorKitServer;
  let secondUrl: string;
  const secondLogs: string[] = [];
  let secondPool: pg.Pool;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let hookServer: http.Server;
  const posts: Array<Record<string, unknown>> = [];
  let offset = 0;
  const clock = () => new Date(Date.now() + offset);
  const setClock = (instant: string) => {
    offset = Date.parse(instant) - Date.now();
  };
  const storage = () => createPostgresStorage(first.pool);
  const update = async (collection: string, id: string, change: Record<string, unknown>) => {
    const current = (await storage().get(collection, id))!;
    await storage().put(collection, { ...current, ...change }, { expectedRevision: current.revision });
  };
  const mailsTo = (personId: string) =>
    smtp.mails.filter((mail) =>
      (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) => to?.value.some((entry) => entry.address === `${personId}@example.org`)),
    );
  const deliveries = async (kind: string) =>
    (
      await first.pool.query<{ person_id: string; pairing_id: string; channel: string; status: string; skipped_reason: string | null; send_at: Date }>(
        'SELECT person_id, pairing_id, channel, status, skipped_reason, send_at FROM mk_notification_deliveries WHERE kind = $1 ORDER BY person_id, channel, send_at',
        [kind],
      )
    ).rows;
  /**
   * The servers' clock moves on 20 minutes and a scan runs: what fell due in between (nudges are sent at
   * the next quarter hour) is queued again by the scan (late by more than a minute) and sent now,
   * however long the scans before took.
   */
  const passQuarterHour = async () => {
    offset += 20 * 60_000;
    await first.backend.reminders.runNow();
  };
  const scanBoth = () =>
    Promise.all([first.backend.reminders.runNow(), second.reminders.runNow(), first.backend.reminders.runNow(), second.reminders.runNow()]);
  const ladder = async (programId: string, headers: Record<string, string> = asService) => {
    const response = await fetch(`${first.url}/programs/${programId}/escalations`, { headers });
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as { programId: string; settings: unknown; asOf: string; pairs: Array<Record<string, any>> };
  };
  const putSettings = (programId: string, body: unknown, headers: Record<string, string> = asService) =>
    fetch(`${first.url}/programs/${programId}/escalation`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  before(async () => {
    smtp = await startSmtp();
    hookServer = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        posts.push(JSON.parse(body) as Record<string, unknown>);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', () => resolve()));
    setClock('2026-09-14T15:30:00Z');
    const options = {
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      mailFrom: 'Mentoring <mentoring@example.edu>',
      publicUrl: PUBLIC_URL,
      reminderRetryDelaySeconds: 1,
      fetchAllowHosts: ['127.0.0.1'],
      now: clock,
    };
    first = await startTestBackend(options);
    secondPool = new pg.Pool({ connectionString: first.postgres.connectionString, max: 6 });
    second = createMentorKitServer({ pool: secondPool, jwtSecret: JWT_SECRET, serviceToken: SERVICE_TOKEN, ...options, log: (line) => secondLogs.push(line) });
    secondUrl = await second.listen(0);

    const put = (collection: string, record: Record<string, unknown> & { id: string }) =>
      storage().put(collection, { createdAt: '2026-08-20T09:00:00Z', ...record }, { expectedRevision: null });
    await put('programs', { id: PROGRAM, name: 'Quiet pairs 2026', adminIds: ['ines-romero', 'paul-tanaka'] });
    await put('programs', { id: CLOSING, name: 'Closing pairs 2026', adminIds: ['ines-romero'] });
    await put('programs', { id: OTHER, name: 'Another programme', adminIds: ['olga-petrova'] });
    await put('programs', { id: UNREACHABLE, name: 'Nobody to tell', adminIds: [] });
    const people = [
      person('ines-romero', 'Inés Romero', { roles: ['admin'], timeZone: 'Europe/Madrid', languages: ['es', 'en'], programIds: [PROGRAM, CLOSING] }),
      person('paul-tanaka', 'Paul Tanaka', { roles: ['admin'], timeZone: 'Asia/Tokyo', programIds: [PROGRAM] }),
      person('olga-petrova', 'Olga Petrova', { roles: ['admin'], timeZone: 'Europe/Berlin', programIds: [OTHER] }),
      person('mia-clarke', 'Mia Clarke', { timeZone: 'Europe/London', programIds: [PROGRAM] }),
      person('marc-dubois', 'Marc Dubois', { roles: ['mentor'], timeZone: 'America/New_York', programIds: [PROGRAM] }),
      person('cleo-ramos', 'Cleo Ramos', {
        timeZone: 'Europe/Madrid',
        languages: ['es'],
        programIds: [CLOSING],
        wantsToLearn: [
          { name: 'data science', priority: 3 },
          { name: 'Python', priority: 2 },
        ],
      }),
      person('dan-okafor', 'Dan Okafor', { roles: ['mentor'], timeZone: 'Europe/London', programIds: [CLOSING], capacity: 2 }),
      // Mentors the suggestion may (Sam, Ron) or may not (Kai: away; Zoe: no free seat) name.
      person('sam-lee', 'Sam Lee', {
        roles: ['mentor'],
        timeZone: 'Europe/Lisbon',
        languages: ['es', 'en'],
        programIds: [CLOSING],
        capacity: 2,
        skills: [
          { name: 'data science', level: 4 },
          { name: 'Python', level: 4 },
        ],
      }),
      person('ron-vale', 'Ron Vale', {
        roles: ['mentor'],
        timeZone: 'Pacific/Auckland',
        languages: ['en'],
        programIds: [CLOSING],
        capacity: 1,
        skills: [{ name: 'sales', level: 3 }],
      }),
      person('kai-berg', 'Kai Berg', {
        roles: ['mentor'],
        timeZone: 'Europe/Madrid',
        languages: ['es'],
        programIds: [CLOSING],
        capacity: 3,
        skills: [
          { name: 'data science', level: 5 },
          { name: 'Python', level: 5 },
        ],
        availability: { status: 'away', until: '2027-03-01' },
      }),
      person('zoe-park', 'Zoe Park', {
        roles: ['mentor'],
        timeZone: 'Europe/Madrid',
        languages: ['es'],
        programIds: [CLOSING],
        capacity: 1,
        skills: [
          { name: 'data science', level: 5 },
          { name: 'Python', level: 5 },
        ],
      }),
      person('bea-nunez', 'Bea Núñez', { timeZone: 'Europe/Madrid', programIds: [CLOSING] }),
      person('una-ito', 'Una Ito', { email: undefined, timeZone: 'Europe/Rome', programIds: [UNREACHABLE] }),
      person('ugo-rossi', 'Ugo Rossi', { email: undefined, roles: ['mentor'], timeZone: 'Europe/Rome', programIds: [UNREACHABLE] }),
    ];
    for (const record of people) await put('people', record);
    await put('pairings', {
      id: 'pairing-a',
      programId: PROGRAM,
      menteeId: 'mia-clarke',
      mentorIds: ['marc-dubois'],
      status: 'active',
      kind: 'official',
      startedOn: '2026-08-25',
      reasons: [],
    });
    await put('pairings', {
      id: 'pairing-c',
      programId: CLOSING,
      menteeId: 'cleo-ramos',
      mentorIds: ['dan-okafor'],
      status: 'active',
      kind: 'official',
      startedOn: '2026-08-25',
      reasons: [],
    });
    await put('pairings', {
      id: 'pairing-d',
      programId: UNREACHABLE,
      menteeId: 'una-ito',
      mentorIds: ['ugo-rossi'],
      status: 'active',
      kind: 'official',
      startedOn: '2026-08-25',
      reasons: [],
    });
    await put('pairings', {
      id: 'pairing-zoe',
      programId: CLOSING,
      menteeId: 'bea-nunez',
      mentorIds: ['zoe-park'],
      status: 'proposed',
      kind: 'official',
      reasons: [],
    });
    for (const [id, pairingId, authorId] of [
      ['message-a', 'pairing-a', 'mia-clarke'],
      ['message-c', 'pairing-c', 'dan-okafor'],
      ['message-d', 'pairing-d', 'una-ito'],
    ] as const) {
      await put('messages', { id, pairingId, authorId, kind: 'text', text: 'See you soon', mentorsOnly: false, history: [], sentAt: LAST });
    }
    const hook = await fetch(`${first.url}/programs/${PROGRAM}/webhooks`, {
      method: 'POST',
      headers: { ...asService, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'generic', url: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook` }),
    });
    assert.equal(hook.status, 201, await hook.text());
  });
  after(async () => {
    await second?.close();
    await secondPool?.end().catch(() => undefined);
    await first?.close();
    await smtp?.close();
    await new Promise((resolve) => hookServer?.close(resolve));
  });

  test('settings: defaults, a partial PUT kept, every bad value a 400 naming the field, others 403', async () => {
    const initial = await (await fetch(`${first.url}/programs/${PROGRAM}/escalation`, { headers: as('ines-romero') })).json();
    assert.deepEqual(initial, { programId: PROGRAM, quietDays: 21, alertAdminDays: 35, close: null });
    for (const [body, path] of [
      [{ quietDays: 0 }, 'quietDays'],
      [{ quietDays: 14.5 }, 'quietDays'],
      [{ quietDays: '14' }, 'quietDays'],
      [{ alertAdminDays: 10 }, 'alertAdminDays'],
      [{ close: { afterDays: 30, noticeDays: 7 } }, 'close.afterDays'],
      [{ close: { afterDays: 40, noticeDays: 30 } }, 'close.noticeDays'],
      [{ close: { afterDays: 2000, noticeDays: 7 } }, 'close.afterDays'],
      [{ close: 'never' }, 'close'],
      [{ quietdays: 14 }, 'quietdays'],
      [[], 'body'],
    ] as const) {
      const response = await putSettings(PROGRAM, body, as('ines-romero'));
      assert.equal(response.status, 400, JSON.stringify(body));
      const error = await response.json();
      assert.equal(error.path, path, JSON.stringify(error));
      assert.ok(error.message.length > 20, error.message);
    }
    const broken = await fetch(`${first.url}/programs/${PROGRAM}/escalation`, {
      method: 'PUT',
      headers: { ...as('ines-romero'), 'content-type': 'application/json' },
      body: '{"quietDays":',
    });
    assert.equal(broken.status, 400);
    // Mentors, mentees and another programme's admin may neither read nor change it; nor the ladder.
    for (const personId of ['marc-dubois', 'mia-clarke', 'olga-petrova']) {
      assert.equal((await putSettings(PROGRAM, { quietDays: 14 }, as(personId))).status, 403, personId);
      assert.equal((await fetch(`${first.url}/programs/${PROGRAM}/escalation`, { headers: as(personId) })).status, 403, personId);
      assert.equal((await fetch(`${first.url}/programs/${PROGRAM}/escalations`, { headers: as(personId) })).status, 403, personId);
    }
    assert.equal((await fetch(`${first.url}/programs/${PROGRAM}/escalation`)).status, 401);
    assert.equal((await fetch(`${first.url}/programs/no-such-programme/escalation`, { headers: asService })).status, 404);
    assert.equal((await fetch(`${first.url}/programs/${PROGRAM}/escalations`, { method: 'POST', headers: asService })).status, 405);
    // Unchanged by all of that.
    assert.deepEqual(await (await fetch(`${first.url}/programs/${PROGRAM}/escalation`, { headers: asService })).json(), initial);

    const saved = await (await putSettings(PROGRAM, { quietDays: 14, alertAdminDays: 28 }, as('ines-romero'))).json();
    assert.equal(saved.quietDays, 14);
    assert.equal(saved.alertAdminDays, 28);
    assert.equal(saved.close, null);
    assert.match(saved.updatedAt, /^2026-09-14T15:30/);
    assert.deepEqual(
      await (await fetch(`${secondUrl}/programs/${PROGRAM}/escalation`, { headers: as('paul-tanaka') })).json(),
      saved,
      'the other admin reads the same, through the other instance',
    );
    assert.equal((await putSettings(CLOSING, { quietDays: 14, alertAdminDays: 28 })).status, 200, 'a service may set it');
  });

  test("day 13: nothing; day 14 (the programme's quietDays, not the default 21): both members nudged once", async () => {
    assert.equal((await first.backend.reminders.runNow()).queued, 0);
    assert.deepEqual(await deliveries('pair-inactive'), []);
    setClock('2026-09-15T15:20:00Z');
    await scanBoth();
    await passQuarterHour();
    const nudged = await eventually(
      () => deliveries('pair-inactive'),
      (rows) => rows.filter((row) => row.channel === 'email' && row.status === 'sent').length === 4,
      'four members nudged',
    );
    assert.deepEqual(
      nudged.filter((row) => row.channel === 'email').map((row) => `${row.pairing_id} ${row.person_id}`),
      ['pairing-c cleo-ramos', 'pairing-c dan-okafor', 'pairing-a marc-dubois', 'pairing-a mia-clarke'],
    );
    assert.equal(nudged.filter((row) => row.channel === 'webhook').length, 2, "pairing-a's programme webhook: one post per member nudge");
    const [mail] = await eventually(
      () => mailsTo('mia-clarke'),
      (mails) => mails.length === 1,
      "Mia's mail",
    );
    assert.equal(mail!.subject, 'It has been quiet with Marc Dubois');
    assert.match(mail!.text!, /for 14 days/);

    const { pairs, settings } = await ladder(PROGRAM, as('ines-romero'));
    assert.deepEqual(settings, { quietDays: 14, alertAdminDays: 28, close: null });
    assert.equal(pairs.length, 1);
    const [pair] = pairs;
    assert.equal(pair!.pairingId, 'pairing-a');
    assert.equal(pair!.stage, 'nudged');
    assert.equal(pair!.quietDays, 14);
    assert.equal(pair!.lastActivityAt, '2026-09-01T15:00:00.000Z');
    assert.equal(pair!.lastActivityKind, 'message');
    assert.equal(pair!.stageSince, '2026-09-15T15:00:00.000Z');
    assert.deepEqual(pair!.next, { stage: 'admin-alerted', at: '2026-09-29T15:00:00.000Z' });
    assert.deepEqual(pair!.history, [{ stage: 'nudged', at: '2026-09-15T15:00:00.000Z' }]);
    assert.deepEqual(pair!.members, [
      { personId: 'mia-clarke', lastActiveAt: '2026-09-01T15:00:00.000Z' },
      { personId: 'marc-dubois', lastActiveAt: null },
    ]);
  });

  test('day 28: each admin alerted once — in Spanish for Inés — and the programme webhook once, with two instances scanning the same slot', async () => {
    // Due now: sent at the next quarter hour, 15:30.
    setClock('2026-09-29T15:20:00Z');
    const runs = await scanBoth();
    await passQuarterHour();
    assert.ok(
      runs.every((run) => run.pairings === 3),
      JSON.stringify(runs),
    );
    // Inés is admin of both programmes; Paul (Tokyo, 00:30 there) waits for his morning.
    const alerts = await eventually(
      () => deliveries('pair-at-risk'),
      (rows) => rows.filter((row) => row.status === 'sent').length === 3,
      'the alerts sent',
    );
    assert.deepEqual(alerts.map((row) => `${row.pairing_id} ${row.person_id} ${row.channel} ${row.status}`).sort(), [
      'pairing-a ines-romero email sent',
      'pairing-a ines-romero webhook sent',
      'pairing-a paul-tanaka email queued',
      'pairing-c ines-romero email sent',
    ]);
    assert.equal(alerts.find((row) => row.person_id === 'paul-tanaka')!.send_at.toISOString(), '2026-09-30T00:00:00.000Z', '09:00 in Tokyo');
    const mails = await eventually(
      () => mailsTo('ines-romero'),
      (found) => found.length === 2,
      "Inés's two alerts",
    );
    const mail = mails.find((candidate) => candidate.subject?.includes('Mia'))!;
    assert.equal(mail.subject, 'Mentoría en riesgo: Mia Clarke y Marc Dubois');
    assert.equal(mail.headers.get('content-language'), 'es');
    assert.equal(mail.headers.get('x-mentorkit-nudge'), 'pair-at-risk');
    assert.match(mail.text!, /^Hola, Inés Romero:/);
    assert.ok(mail.text!.includes('La mentoría de Mia Clarke con Marc Dubois lleva 28 días sin sesiones, mensajes ni avances en los objetivos.'), mail.text);
    assert.match(mail.text!, /Última actividad: martes, 1 de septiembre de 2026, 17:00 \(hora de Europa central, Madrid\)/);
    assert.ok(String(mail.html).includes('<html lang="es">'));
    const posted = await eventually(
      () => posts.filter((post) => post.kind === 'pair-at-risk'),
      (found) => found.length === 1,
      'one webhook post',
    );
    assert.equal(posted[0]!.pairingId, 'pairing-a');
    assert.match(String(posted[0]!.message), /^The pairing of Mia Clarke with Marc Dubois has had no sessions, messages or goal updates for 28 days\./);
    // Later scans, on either instance, add nothing.
    assert.deepEqual(
      (await scanBoth()).map((run) => run.queued),
      [0, 0, 0, 0],
    );
    assert.equal((await deliveries('pair-at-risk')).length, 4);

    const [pair] = (await ladder(PROGRAM)).pairs;
    assert.equal(pair!.stage, 'admin-alerted');
    assert.equal(pair!.next, undefined, 'closing is off: the top of this ladder');
    assert.deepEqual(pair!.history, [
      { stage: 'nudged', at: '2026-09-15T15:00:00.000Z' },
      { stage: 'admin-alerted', at: '2026-09-29T15:00:00.000Z' },
    ]);
  });

  test('activity resumes: the pair is active again, and the alert still waiting for Paul is skipped', async () => {
    await storage().put(
      'messages',
      {
        id: 'message-a2',
        pairingId: 'pairing-a',
        authorId: 'marc-dubois',
        kind: 'text',
        text: 'Sorry, busy weeks. Thursday?',
        mentorsOnly: false,
        history: [],
        sentAt: '2026-09-29T16:00:00Z',
        createdAt: '2026-09-29T16:00:00Z',
      },
      { expectedRevision: null },
    );
    // Past Paul's 09:00 in Tokyo: the scan finds his delivery late and queues it again; it no longer holds.
    setClock('2026-09-30T00:05:00Z');
    await first.backend.reminders.runNow();
    const [paul] = await eventually(
      () => deliveries('pair-at-risk').then((rows) => rows.filter((row) => row.person_id === 'paul-tanaka')),
      (rows) => rows[0]?.status === 'skipped',
      "Paul's alert skipped",
    );
    assert.match(paul!.skipped_reason!, /^resolved/);
    assert.equal(mailsTo('paul-tanaka').length, 0);
    const [pair] = (await ladder(PROGRAM)).pairs;
    assert.equal(pair!.stage, 'active');
    assert.equal(pair!.quietDays, 0);
    assert.deepEqual(pair!.next, { stage: 'nudged', at: '2026-10-13T16:00:00.000Z' });
    assert.deepEqual(pair!.history.at(-1), { stage: 'active', at: '2026-09-29T16:00:00.000Z' });
    assert.deepEqual(
      pair!.members.find((member: { personId: string }) => member.personId === 'marc-dubois'),
      { personId: 'marc-dubois', lastActiveAt: '2026-09-29T16:00:00.000Z' },
    );
  });

  test('closing on: the notice first (never a close without it), the close after the full notice — once — with a re-pairing suggestion', async () => {
    const response = await putSettings(CLOSING, { close: { afterDays: 40, noticeDays: 7 } }, as('ines-romero'));
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal((await putSettings(UNREACHABLE, { quietDays: 14, alertAdminDays: 28, close: { afterDays: 40, noticeDays: 7 } })).status, 200);
    // Day 50 of silence: past afterDays, but no notice was given yet — it is given now; the pairing stays open.
    // Marc (pairing-a, quiet again since 29 September) is away until Friday 23 October.
    await update('people', 'marc-dubois', { availability: { status: 'away', until: '2026-10-23', note: 'Conference' } });
    setClock('2026-10-21T15:20:00Z');
    await scanBoth();
    await passQuarterHour();
    const pairing = async () => (await storage().get('pairings', 'pairing-c'))!;
    const marcsNudge = (await deliveries('pair-inactive')).filter((row) => row.person_id === 'marc-dubois' && row.channel === 'email').at(-1)!;
    assert.equal(marcsNudge.send_at.toISOString(), '2026-10-26T13:00:00.000Z', 'away until Friday: Monday 09:00 in New York');
    assert.equal((await pairing()).status, 'active');
    const notices = await eventually(
      () => deliveries('pairing-closing'),
      (rows) => rows.filter((row) => row.status === 'sent').length === 2,
      'the notice to both',
    );
    assert.deepEqual(
      notices.map((row) => row.person_id),
      ['cleo-ramos', 'dan-okafor'],
    );
    const [notice] = await eventually(
      () => mailsTo('cleo-ramos').filter((mail) => mail.headers.get('x-mentorkit-nudge') === 'pairing-closing'),
      (mails) => mails.length === 1,
      "Cleo's notice",
    );
    assert.equal(notice!.subject, 'Tu mentoría con Dan Okafor se cerrará el miércoles, 28 de octubre de 2026 si no hay actividad');
    assert.ok(
      notice!.text!.includes(
        'Lleváis 50 días sin sesiones, mensajes ni avances en los objetivos con Dan Okafor. Si no hay actividad antes del miércoles, 28 de octubre de 2026, la mentoría se cerrará; cualquier mensaje o sesión la mantiene abierta.',
      ),
      notice!.text,
    );
    assert.match(notice!.text!, /Se cierra: miércoles, 28 de octubre de 2026, 16:30 \(hora de Europa central, Madrid\)/);
    const [danNotice] = await eventually(
      () => mailsTo('dan-okafor').filter((mail) => mail.headers.get('x-mentorkit-nudge') === 'pairing-closing'),
      (mails) => mails.length === 1,
      "Dan's notice",
    );
    assert.match(danNotice!.text!, /If there is no activity by Wednesday, 28 October 2026, the pairing will be closed; any message or session keeps it open\./);
    let [pair] = (await ladder(CLOSING)).pairs;
    assert.equal(pair!.stage, 'closing');
    assert.equal(pair!.closesAt, '2026-10-28T15:30:00.000Z', 'seven days after the notice reached them, not on day 40');

    // A quarter of an hour before the notice runs out: still open.
    setClock('2026-10-28T15:15:00Z');
    await first.backend.reminders.runNow();
    assert.equal((await pairing()).status, 'active');

    setClock('2026-10-28T15:45:00Z');
    const revisionBefore = (await pairing()).revision;
    await scanBoth();
    const closed = await pairing();
    assert.equal(closed.status, 'closed');
    assert.equal(closed.endedOn, '2026-10-28');
    assert.equal(closed.revision, revisionBefore + 1, 'written once');
    await passQuarterHour();
    const sent = await eventually(
      () => deliveries('pairing-closed'),
      (rows) => rows.filter((row) => row.status === 'sent').length === 3,
      'the closing mails',
    );
    assert.deepEqual(
      sent.map((row) => row.person_id),
      ['cleo-ramos', 'dan-okafor', 'ines-romero'],
    );
    const [closedMail] = await eventually(
      () => mailsTo('cleo-ramos').filter((mail) => mail.headers.get('x-mentorkit-nudge') === 'pairing-closed'),
      (mails) => mails.length === 1,
      "Cleo's mail",
    );
    assert.equal(closedMail!.subject, 'Tu mentoría con Dan Okafor se ha cerrado');
    assert.match(closedMail!.text!, /Persona mentora sugerida: Sam Lee/);
    const [adminMail] = await eventually(
      () => mailsTo('ines-romero').filter((mail) => mail.headers.get('x-mentorkit-nudge') === 'pairing-closed'),
      (mails) => mails.length === 1,
      "Inés's mail",
    );
    assert.equal(adminMail!.subject, 'Mentoría cerrada: Cleo Ramos y Dan Okafor');
    assert.match(adminMail!.text!, /Persona mentora sugerida: Sam Lee/);
    const [dansMail] = await eventually(
      () => mailsTo('dan-okafor').filter((mail) => mail.headers.get('x-mentorkit-nudge') === 'pairing-closed'),
      (mails) => mails.length === 1,
      "Dan's mail",
    );
    assert.doesNotMatch(dansMail!.text!, /Suggested/, 'the mentor is not told who replaces them');
    // A pairing whose notice reached nobody (no email address, no webhook) is not closed: it waits.
    assert.equal((await storage().get('pairings', 'pairing-d'))!.status, 'active');
    const [unreached] = (await ladder(UNREACHABLE)).pairs;
    assert.equal(unreached!.stage, 'closing');
    assert.ok([...first.logs, ...secondLogs].some((line) => line.includes('pairing pairing-d is due to close, but its notice reached nobody')));
    // More scans: nothing more.
    await scanBoth();
    assert.equal((await deliveries('pairing-closed')).length, 3);

    [pair] = (await ladder(CLOSING, as('ines-romero'))).pairs;
    assert.equal(pair!.pairingId, 'pairing-c');
    assert.equal(pair!.stage, 'closed-due');
    assert.deepEqual(pair!.suggestion, { menteeId: 'cleo-ramos', mentorIds: ['sam-lee'] }, 'not Kai (away), not Zoe (no free seat), not Dan');
    assert.match(pair!.closedAt, /^2026-10-28T15:45/);
    assert.deepEqual(
      pair!.history.map((entry: { stage: string }) => entry.stage),
      ['nudged', 'admin-alerted', 'closing', 'closed-due'],
    );
  });

  test('a closed pairing an admin opens again starts the ladder over: not closed again at once, no mails repeated', async () => {
    setClock('2026-10-28T16:10:00Z');
    const current = (await storage().get('pairings', 'pairing-c'))!;
    const { endedOn: _endedOn, ...reopened } = current;
    await storage().put('pairings', { ...reopened, status: 'active' }, { expectedRevision: current.revision });
    await scanBoth();
    assert.equal((await storage().get('pairings', 'pairing-c'))!.status, 'active');
    let [pair] = (await ladder(CLOSING)).pairs;
    assert.equal(pair!.stage, 'active');
    assert.deepEqual(pair!.history.slice(-2), [
      { stage: 'closed-due', at: '2026-10-28T15:30:00.000Z' },
      { stage: 'active', at: pair!.history.at(-1).at },
    ]);
    assert.match(pair!.history.at(-1).at, /^2026-10-28T16:10/);
    assert.deepEqual(pair!.next, { stage: 'nudged', at: new Date(Date.parse(pair!.history.at(-1).at) + 14 * 86_400_000).toISOString() });
    assert.equal(pair!.suggestion, undefined, 'the old suggestion went with the close');
    // A day later: still open, nothing more sent about it.
    setClock('2026-10-29T00:00:00Z');
    await first.backend.reminders.runNow();
    [pair] = (await ladder(CLOSING)).pairs;
    assert.equal(pair!.stage, 'active');
    assert.equal((await deliveries('pairing-closing')).length, 2);
    assert.equal((await deliveries('pairing-closed')).length, 3);
  });

  test('away after a reminder was queued: it waits until they are back', async () => {
    // Day 28 of pairing-a's second quiet spell (since 29 September, 16:00): Paul's alert waits for 09:00 in Tokyo.
    const [queued] = (await deliveries('pair-at-risk')).filter((row) => row.person_id === 'paul-tanaka' && row.status === 'queued');
    assert.ok(queued, 'an alert waiting for Paul');
    assert.equal(queued.send_at.toISOString(), '2026-10-29T00:00:00.000Z');
    await update('people', 'paul-tanaka', { availability: { status: 'away', until: '2026-10-30' } });
    setClock('2026-10-29T00:05:00Z');
    await first.backend.reminders.runNow();
    await eventually(
      () =>
        [...first.logs, ...secondLogs].filter((line) =>
          line.includes('pair-at-risk for paul-tanaka (pairing pairing-a) waits until 2026-11-02T00:00:00Z: they are away'),
        ),
      (lines) => lines.length === 1,
      'the postponement logged',
    );
    const [waiting] = (await deliveries('pair-at-risk')).filter((row) => row.person_id === 'paul-tanaka' && row.status === 'queued');
    assert.equal(waiting!.send_at.toISOString(), '2026-11-02T00:00:00.000Z', 'Monday 09:00 in Tokyo, after Friday 30 October');
    assert.equal(mailsTo('paul-tanaka').length, 0);
  });

  test('someone away until a day that has not passed is nudged the first sensible time after it', () => {
    const nudgePerson = { personId: 'kai', timeZone: 'Asia/Tokyo' };
    // Away until Friday 2 October (Tokyo): the next working morning after it is Monday 5 October, 09:00 there.
    assert.deepEqual(sendTimeFor({ timeZone: 'Asia/Tokyo', availability: { status: 'away', until: '2026-10-02' } }, nudgePerson, '2026-09-30T01:00:00Z'), {
      sendAt: '2026-10-05T00:00:00Z',
      localSendAt: '2026-10-05T09:00:00+09:00',
    });
    // Back already, away without a date, or no availability at all: unchanged.
    for (const record of [
      { timeZone: 'Asia/Tokyo', availability: { status: 'away', until: '2026-09-29' } },
      { availability: { status: 'away' } },
      { availability: 'away' },
      null,
      { availability: { status: 'away', until: 'soon' } },
    ]) {
      assert.deepEqual(sendTimeFor(record, nudgePerson, '2026-09-30T01:00:00Z'), { sendAt: '2026-09-30T01:00:00Z' }, JSON.stringify(record));
    }
    // A zone that cannot be read does not hold a reminder back (nor break the scan).
    assert.deepEqual(
      sendTimeFor(
        { timeZone: 'Mars/Olympus', availability: { status: 'away', until: '2026-10-02' } },
        { personId: 'x', timeZone: 'Mars/Olympus' },
        '2026-09-30T01:00:00Z',
      ),
      { sendAt: '2026-09-30T01:00:00Z' },
    );
  });
});
