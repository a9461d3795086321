// Reminders of the practice (issue 15): a session in 24 h and in 1 h, feedback asked for after a
// session, a goal due or missed — computed by core's practiceNudges, mailed through a real SMTP
// server (smtp-server), read back with mailparser. The server's clock is the test's (`now`); a
// delivery waiting for a later time is run by moving the clock past it and scanning (the scan queues
// late deliveries again), so no test waits for wall-clock time beyond a few seconds.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { seedDemoProgram } from '../src/demo-program.js';
import { createPostgresStorage } from '../src/store.js';
import { as, asService, eventually, skipReason, startSmtp, startTestBackend, type TestBackend } from './support.js';

const skip = skipReason();
const MARIA = 'maria-gonzalez'; // lead mentor of pairing-noah; languages ['es', 'en']; America/Mexico_City (UTC-6 all year), 09:00-12:30 and 13:30-17:30 on weekdays
const NOAH = 'noah-johnson'; // her mentee (America/Chicago, UTC-5 in October; the same hours); languages ['en']
const PUBLIC_URL = 'https://mentoring.example.edu';
const PROGRAM = 'program-practice';

/** A host's endpoint for the programme's generic webhook: keeps every JSON body it receives. */
async function startReceiver(): Promise<{ url: string; bodies: Array<Record<string, unknown>>; close(): Promise<void> }> {
  const bodies: Array<Record<string, unknown>> = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const localTime = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);

type Row = {
  id: string;
  person_id: string;
  kind: string;
  code: string;
  period: string;
  status: string;
  skipped_reason: string | null;
  send_at: Date;
  sent_at: Date | null;
};

describe('reminders: sessions, feedback and goals', { skip: skip ?? false, timeout: 4 * 60_000 }, () => {
  let backend: TestBackend;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let offset = 0;
  const clock = () => new Date(Date.now() + offset);
  const setClock = (instant: string) => {
    offset = Date.parse(instant) - Date.now();
  };
  const storage = () => createPostgresStorage(backend.pool);
  const rows = async (kind: string) =>
    (
      await backend.pool.query<Row>(
        "SELECT id, person_id, kind, code, period, status, skipped_reason, send_at, sent_at FROM mk_notification_deliveries WHERE kind = $1 AND channel = 'email' ORDER BY created_at, person_id",
        [kind],
      )
    ).rows;
  const mailsOf = (nudge: string, address: string) =>
    smtp.mails.filter(
      (mail) =>
        mail.headers.get('x-mentorkit-nudge') === nudge &&
        (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) => to?.value.some((entry) => entry.address === address)),
    );
  const scan = () => backend.backend.reminders.runNow();
  const update = async (collection: string, id: string, change: Record<string, unknown>) => {
    const current = (await storage().get(collection, id))!;
    await storage().put(collection, { ...current, ...change }, { expectedRevision: current.revision });
  };
  const session = (id: string, start: string, extra: Record<string, unknown> = {}) => ({
    id,
    pairingId: 'pairing-noah',
    title: 'Roadmap review',
    start,
    end: new Date(Date.parse(start) + 3_600_000).toISOString(),
    timeZone: 'America/Mexico_City',
    status: 'scheduled',
    participantIds: [MARIA, NOAH],
    createdAt: '2026-10-12T10:00:00Z',
    ...extra,
  });

  before(async () => {
    smtp = await startSmtp();
    receiver = await startReceiver();
    backend = await startTestBackend({
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      mailFrom: 'Mentoring <mentoring@example.edu>',
      publicUrl: PUBLIC_URL,
      reminderRetryDelaySeconds: 1,
      fetchAllowHosts: ['127.0.0.1'],
      now: clock,
    });
    await seedDemoProgram(storage());
    // pairing-noah in a programme of its own, so its webhook hears only about this pair.
    await storage().put(
      'programs',
      { id: PROGRAM, name: 'Practice programme', adminIds: ['priya-raman'], startDate: '2026-09-01', endDate: '2027-02-28' },
      { expectedRevision: null },
    );
    await update('pairings', 'pairing-noah', { programId: PROGRAM });
    const hook = await fetch(`${backend.url}/programs/${PROGRAM}/webhooks`, {
      method: 'POST',
      headers: { ...asService, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'generic', url: receiver.url }),
    });
    assert.equal(hook.status, 201, await hook.clone().text());
    await update('people', MARIA, { email: 'maria@example.org' });
    await update('people', NOAH, { email: 'noah@example.org' });
    // A message on 15 October: the pair is active (no pair-inactive nudge in these weeks); no agreement, so no check-in nudges.
    await storage().put(
      'messages',
      {
        id: 'message-noah',
        pairingId: 'pairing-noah',
        authorId: NOAH,
        kind: 'text',
        text: 'See you Tuesday!',
        mentorsOnly: false,
        history: [],
        sentAt: '2026-10-15T16:00:00Z',
        createdAt: '2026-10-15T16:00:00Z',
      },
      { expectedRevision: null },
    );
    // Tuesday 20 October, 09:00 in Mexico City, 10:00 in Chicago.
    await storage().put('sessions', session('session-1', '2026-10-20T15:00:00Z', { meetingUrl: 'https://meet.example.org/roadmap' }), {
      expectedRevision: null,
    });
  });
  after(async () => {
    await backend?.close();
    await smtp?.close();
    await receiver?.close();
  });

  test("24 h before the session: one mail each, at the time on each recipient's clock, María's in Spanish", async () => {
    setClock('2026-10-19T14:59:57Z');
    const run = await scan();
    assert.ok(run.queued >= 2, JSON.stringify(run));
    const sent = await eventually(
      () => rows('session-soon'),
      (found) => found.length === 2 && found.every((row) => row.status === 'sent'),
      'both 24 h reminders sent',
    );
    assert.deepEqual(
      sent.map((row) => [row.person_id, row.code, row.period]),
      [
        [MARIA, 'session-in-24h', 'session-1@2026-10-20T15:00:00.000Z/24h'],
        [NOAH, 'session-in-24h', 'session-1@2026-10-20T15:00:00.000Z/24h'],
      ],
    );
    assert.equal(localTime(sent[0]!.sent_at!, 'America/Mexico_City'), 'Mon 09:00');
    assert.equal(localTime(sent[1]!.sent_at!, 'America/Chicago'), 'Mon 10:00');
    const [maria] = await eventually(
      () => mailsOf('session-soon', 'maria@example.org'),
      (mails) => mails.length === 1,
      "María's mail",
    );
    assert.equal(maria!.subject, 'Se acerca tu sesión con Noah Johnson');
    assert.equal(maria!.headers.get('content-language'), 'es');
    assert.ok(maria!.text!.includes('Recordatorio: tu sesión «Roadmap review» con Noah Johnson es el martes, 20 de octubre de 2026 a las 09:00.'), maria!.text);
    assert.match(maria!.text!, /Empieza: martes, 20 de octubre de 2026, 9:00 \(hora estándar central, Mexico City\)/);
    assert.ok(maria!.text!.includes('https://meet.example.org/roadmap'), maria!.text);
    const [noah] = await eventually(
      () => mailsOf('session-soon', 'noah@example.org'),
      (mails) => mails.length === 1,
      "Noah's mail",
    );
    assert.equal(noah!.subject, 'Your session with María González is coming up');
    assert.ok(noah!.text!.includes('Reminder: your session “Roadmap review” with María González is on Tuesday, 20 October 2026 at 10:00.'), noah!.text);
    assert.match(noah!.text!, /Starts: Tuesday, 20 October 2026 at 10:00 \(Central Time, Chicago\)/);
    // The programme's generic webhook gets each reminder once too, with the session in its params.
    const posted = await eventually(
      () => receiver.bodies.filter((body) => body.kind === 'session-soon'),
      (bodies) => bodies.length === 2,
      'both posted to the webhook',
    );
    assert.deepEqual(
      posted
        .map((body) => [body.personId, body.code, (body.params as Record<string, unknown>).sessionId, (body.params as Record<string, unknown>).start])
        .sort(),
      [
        [MARIA, 'session-in-24h', 'session-1', '2026-10-20T15:00:00.000Z'],
        [NOAH, 'session-in-24h', 'session-1', '2026-10-20T15:00:00.000Z'],
      ],
    );
    assert.match(
      String(posted.find((body) => body.personId === NOAH)!.message),
      /^Reminder: your session “Roadmap review” with María González is on Tuesday, 20 October 2026 at 10:00\.$/,
    );
    // Later scans queue nothing more about it.
    setClock('2026-10-19T18:00:00Z');
    await scan();
    assert.equal((await rows('session-soon')).length, 2);
  });

  test('1 h before: one more mail each, 08:00 in Mexico City and 09:00 in Chicago', async () => {
    setClock('2026-10-20T13:59:57Z');
    await scan();
    const sent = await eventually(
      () => rows('session-soon'),
      (found) => found.length === 4 && found.every((row) => row.status === 'sent'),
      'the 1 h reminders sent',
    );
    const oneHour = sent.filter((row) => row.code === 'session-in-1h');
    assert.deepEqual(
      oneHour.map((row) => row.person_id),
      [MARIA, NOAH],
    );
    assert.equal(localTime(oneHour[0]!.sent_at!, 'America/Mexico_City'), 'Tue 08:00');
    assert.equal(localTime(oneHour[1]!.sent_at!, 'America/Chicago'), 'Tue 09:00');
    const [noah] = await eventually(
      () => mailsOf('session-soon', 'noah@example.org'),
      (mails) => mails.length === 2,
      "Noah's second mail",
    );
    assert.ok(noah, 'the first mail stays');
    const last = mailsOf('session-soon', 'noah@example.org').find((mail) => mail.subject === 'Your session with María González starts soon')!;
    assert.ok(last.text!.includes('Your session “Roadmap review” with María González starts in 60 minutes, at 10:00.'), last.text);
    await scan();
    assert.equal((await rows('session-soon')).length, 4);
  });

  test('feedback requested once the session ended: the mentee, once', async () => {
    await update('sessions', 'session-1', { status: 'held', statusChangedAt: '2026-10-20T16:00:00Z' });
    setClock('2026-10-20T16:00:00Z');
    await scan();
    const [row] = await eventually(
      () => rows('feedback-requested'),
      (found) => found.length === 1 && found[0]!.status === 'sent',
      'the feedback request sent',
    );
    assert.equal(row!.person_id, NOAH, "feedback is asked of the mentee (core's default policy)");
    assert.equal(row!.period, 'session-1');
    const [mail] = await eventually(
      () => mailsOf('feedback-requested', 'noah@example.org'),
      (mails) => mails.length === 1,
      'the mail',
    );
    assert.equal(mail!.subject, 'How was your session with María González?');
    assert.ok(mail!.text!.includes('How did your session “Roadmap review” with María González go?'), mail!.text);
    assert.match(mail!.text!, /Feedback open until: Tuesday, 27 October 2026 at 11:00 \(Central Time, Chicago\)/);
    setClock('2026-10-21T16:00:00Z');
    await scan();
    assert.equal((await rows('feedback-requested')).length, 1, 'asked once');
  });

  test('a cancelled session: its queued reminders are skipped, saying why; none are queued after', async () => {
    await storage().put('sessions', session('session-2', '2026-10-22T15:00:00Z'), { expectedRevision: null });
    // 55 minutes before the 24 h reminders' time: queued, waiting.
    setClock('2026-10-21T14:05:00Z');
    await scan();
    const waiting = (await rows('session-soon')).filter((row) => row.period.startsWith('session-2@'));
    assert.deepEqual(
      waiting.map((row) => [row.person_id, row.status]),
      [
        [MARIA, 'queued'],
        [NOAH, 'queued'],
      ],
    );
    await update('sessions', 'session-2', { status: 'cancelled', cancellationReason: 'Travelling' });
    // Past their time: the next scan runs them; they find the session cancelled.
    setClock('2026-10-21T15:02:00Z');
    await scan();
    const skipped = await eventually(
      async () => (await rows('session-soon')).filter((row) => row.period.startsWith('session-2@')),
      (found) => found.every((row) => row.status === 'skipped'),
      'both skipped',
    );
    assert.deepEqual(
      skipped.map((row) => row.skipped_reason),
      ['the session was cancelled, moved or has started', 'the session was cancelled, moved or has started'],
    );
    setClock('2026-10-22T14:00:00Z');
    await scan();
    assert.equal((await rows('session-soon')).filter((row) => row.period.startsWith('session-2@')).length, 2, 'no 1 h reminders');
    assert.equal(mailsOf('session-soon', 'noah@example.org').length, 2);
  });

  test('goals: a private goal due soon to its owner only; a shared goal missed to the owner and the mentor (in Spanish)', async () => {
    await storage().put(
      'goals',
      {
        id: 'goal-private',
        pairingId: 'pairing-noah',
        ownerId: NOAH,
        title: 'Speak up in planning',
        visibility: 'private',
        dueDate: '2026-10-26',
        milestones: [],
        archived: false,
        createdAt: '2026-10-01T10:00:00Z',
      },
      { expectedRevision: null },
    );
    await storage().put(
      'goals',
      {
        id: 'goal-shared',
        pairingId: 'pairing-noah',
        ownerId: NOAH,
        title: 'Ship the pricing page',
        visibility: 'pairing',
        dueDate: '2026-10-20',
        milestones: [
          { id: 'm-1', title: 'Draft', done: true },
          { id: 'm-2', title: 'Launch', done: false },
        ],
        archived: false,
        createdAt: '2026-10-01T10:00:00Z',
      },
      { expectedRevision: null },
    );
    // Friday 23 October, 09:59:57 in Chicago (08:59:57 in Mexico City).
    setClock('2026-10-23T14:59:57Z');
    await scan();
    const due = await eventually(
      () => rows('goal-due'),
      (found) => found.length === 1 && found[0]!.status === 'sent',
      "the private goal's nudge sent",
    );
    assert.deepEqual(
      due.map((row) => [row.person_id, row.code, row.period]),
      [[NOAH, 'goal-due', 'goal-private@2026-10-26']],
    );
    const missed = await eventually(
      () => rows('goal-missed'),
      (found) => found.length === 2 && found.every((row) => row.status === 'sent'),
      "the shared goal's nudges sent",
    );
    assert.deepEqual(
      missed.map((row) => [row.person_id, row.code]),
      [
        [MARIA, 'goal-missed-mentor'],
        [NOAH, 'goal-missed'],
      ],
    );
    assert.equal(localTime(missed[0]!.sent_at!, 'America/Mexico_City'), 'Fri 09:00');
    assert.equal(localTime(missed[1]!.sent_at!, 'America/Chicago'), 'Fri 10:00');
    const [dueMail] = await eventually(
      () => mailsOf('goal-due', 'noah@example.org'),
      (mails) => mails.length === 1,
      'the goal-due mail',
    );
    assert.equal(dueMail!.subject, 'Your goal “Speak up in planning” is due soon');
    assert.ok(dueMail!.text!.includes('Your goal “Speak up in planning” is due on Monday, 26 October 2026.'), dueMail!.text);
    assert.equal(mailsOf('goal-due', 'maria@example.org').length, 0, "a private goal is only its owner's");
    const [mentorMail] = await eventually(
      () => mailsOf('goal-missed', 'maria@example.org'),
      (mails) => mails.length === 1,
      "María's goal mail",
    );
    assert.equal(mentorMail!.subject, 'Ya pasó la fecha de la meta «Ship the pricing page» de Noah Johnson');
    assert.ok(
      mentorMail!.text!.includes('Ya pasó la fecha de la meta «Ship the pricing page» de Noah Johnson (martes, 20 de octubre de 2026).'),
      mentorMail!.text,
    );
    await scan();
    assert.equal((await rows('goal-missed')).length, 2);
  });

  test("feedback given before the reminder's time: skipped, saying why", async () => {
    // Friday 17:00–18:00 in Chicago: Noah's next working hour is Monday 09:00.
    await storage().put('sessions', session('session-3', '2026-10-23T22:00:00Z', { status: 'held' }), { expectedRevision: null });
    setClock('2026-10-23T23:00:00Z');
    await scan();
    const [waiting] = (await rows('feedback-requested')).filter((row) => row.period === 'session-3');
    assert.equal(waiting!.status, 'queued');
    assert.equal(localTime(waiting!.send_at, 'America/Chicago'), 'Mon 09:00');
    await storage().put(
      'feedback',
      {
        id: 'feedback-3',
        pairingId: 'pairing-noah',
        sessionId: 'session-3',
        authorId: NOAH,
        rating: 5,
        tags: [],
        revealWhenBothSubmitted: false,
        anonymity: 'named',
        submittedAt: '2026-10-24T10:00:00Z',
        createdAt: '2026-10-24T10:00:00Z',
      },
      { expectedRevision: null },
    );
    setClock('2026-10-26T14:02:00Z');
    await scan();
    const [skipped] = await eventually(
      async () => (await rows('feedback-requested')).filter((row) => row.period === 'session-3'),
      (found) => found[0]?.status === 'skipped',
      'skipped',
    );
    assert.equal(skipped!.skipped_reason, 'feedback given, or its deadline passed');
    assert.equal(mailsOf('feedback-requested', 'noah@example.org').length, 1);
    // What was sent, in the person's log.
    const log = (await (await fetch(`${backend.url}/notifications`, { headers: as(NOAH) })).json()).deliveries as Array<{ kind: string; status: string }>;
    assert.deepEqual([...new Set(log.map((entry) => entry.kind))].sort(), ['feedback-requested', 'goal-due', 'goal-missed', 'session-soon']);
  });
});
