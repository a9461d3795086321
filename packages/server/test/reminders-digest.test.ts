// Digests (issue 15): a person who chose a daily or weekly summary gets their reminders in one mail at
// the first sensible moment of the day (or Monday) on their clock, in their language; reminders resolved
// before it goes are left out with their reason; two instances scanning at once make one digest. A real
// SMTP server (scripts/lib/mailbox.mjs) receives the mail; the servers' clock is the test's.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { startMailbox, type Mailbox } from '../../../scripts/lib/mailbox.mjs';
import { seedDemoProgram } from '../src/demo-program.js';
import { createMentorKitServer, type MentorKitServer } from '../src/server.js';
import { createPostgresStorage } from '../src/store.js';
import { as, eventually, JWT_SECRET, SERVICE_TOKEN, skipReason, startTestBackend, type TestBackend } from './support.js';

const skip = skipReason();
const MARIA = 'maria-gonzalez'; // Mexico City (UTC−6), Spanish first; mentor of pairing-noah and pairing-isabella
const OLIVIA = 'olivia-martin'; // Sydney (AEDT, UTC+11 in October), English; mentor of pairing-hana and pairing-ana
const PUBLIC_URL = 'https://mentoring.example.edu';

const wallClock = (instant: string | Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));

describe('reminder digests', { skip: skip ?? false, timeout: 4 * 60_000 }, () => {
  let first: TestBackend;
  let second: MentorKitServer;
  let secondPool: pg.Pool;
  let mailbox: Mailbox;
  let offset = 0;
  const clock = () => new Date(Date.now() + offset);
  const setClock = (instant: string) => {
    offset = Date.parse(instant) - Date.now();
  };
  type Row = {
    id: string;
    kind: string;
    code: string;
    status: string;
    send_at: Date;
    period: string;
    digest_id: string | null;
    skipped_reason: string | null;
    pairing_id: string;
  };
  const rowsOf = async (personId: string) =>
    (
      await first.pool.query<Row>(
        'SELECT id, kind, code, status, send_at, period, digest_id, skipped_reason, pairing_id FROM mk_notification_deliveries WHERE person_id = $1 ORDER BY created_at, id',
        [personId],
      )
    ).rows;
  const putPreferences = async (personId: string, body: unknown) => {
    const response = await fetch(`${first.url}/notifications/preferences`, {
      method: 'PUT',
      headers: { ...as(personId), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await response.json();
    assert.equal(response.status, 200, JSON.stringify(answer));
    return answer;
  };

  before(async () => {
    mailbox = await startMailbox();
    const reminderOptions = {
      smtpUrl: mailbox.smtpUrl,
      mailFrom: 'Mentoring <mentoring@example.edu>',
      publicUrl: PUBLIC_URL,
      reminderRetryDelaySeconds: 1,
      now: clock,
    };
    first = await startTestBackend(reminderOptions);
    secondPool = new pg.Pool({ connectionString: first.postgres.connectionString, max: 6 });
    second = createMentorKitServer({ pool: secondPool, jwtSecret: JWT_SECRET, serviceToken: SERVICE_TOKEN, ...reminderOptions, log: () => undefined });
    await second.listen(0);

    const storage = createPostgresStorage(first.pool);
    await seedDemoProgram(storage);
    const people = new Map<string, { timeZone: string; workingHours: Record<string, string[]> }>();
    for (const personId of [MARIA, OLIVIA]) {
      const current = (await storage.get('people', personId))!;
      await storage.put('people', { ...current, email: `${personId}@example.org` }, { expectedRevision: current.revision });
    }
    // Fortnightly check-ins agreed on 10 September and none since: each pairing's check-in is overdue. A
    // mentee's message on 10 October keeps the pairs from looking quiet (and is not a check-in).
    for (const [pairingId, mentorId, menteeId] of [
      ['pairing-noah', MARIA, 'noah-johnson'],
      ['pairing-isabella', MARIA, 'isabella-garcia'],
      ['pairing-hana', OLIVIA, 'hana-sato'],
      ['pairing-ana', OLIVIA, 'ana-souza'],
    ] as const) {
      for (const personId of [mentorId, menteeId]) {
        if (!people.has(personId)) {
          const person = (await storage.get('people', personId))! as unknown as { timeZone: string; workingHours: Record<string, string[]> };
          people.set(personId, { timeZone: person.timeZone, workingHours: person.workingHours });
        }
      }
      const participant = (personId: string) => ({ personId, ...people.get(personId)!, offLimitsDays: [], offLimitsDates: [] });
      await storage.put(
        'agreements',
        {
          id: `agreement-${pairingId}`,
          pairingId,
          cadence: 'fortnightly',
          channels: [{ kind: 'video' }],
          responseTimeHours: 48,
          offLimitsDays: [],
          offLimitsDates: [],
          participants: [participant(mentorId), participant(menteeId)],
          sessionMinutes: 60,
          coachingModel: 'grow',
          checkInLevel: 'regular',
          version: 1,
          proposedBy: mentorId,
          history: [],
          confirmations: [
            { personId: mentorId, version: 1, at: '2026-09-10T15:00:00Z' },
            { personId: menteeId, version: 1, at: '2026-09-10T15:00:00Z' },
          ],
          createdAt: '2026-09-10T14:00:00Z',
        },
        { expectedRevision: null },
      );
      await storage.put(
        'messages',
        {
          id: `message-${pairingId}`,
          pairingId,
          authorId: menteeId,
          kind: 'text',
          text: 'A quick update on my week.',
          mentorsOnly: false,
          history: [],
          sentAt: '2026-10-10T16:00:00Z',
          createdAt: '2026-10-10T16:00:00Z',
        },
        { expectedRevision: null },
      );
    }
  });
  after(async () => {
    await second?.close();
    await secondPool?.end().catch(() => undefined);
    await first?.close();
    await mailbox?.close();
  });

  test('the choice is kept: daily and weekly are accepted, anything else refused with the field named', async () => {
    assert.equal((await putPreferences(MARIA, { digest: 'daily' })).digest, 'daily');
    assert.equal((await putPreferences(OLIVIA, { digest: 'weekly' })).digest, 'weekly');
    const refused = await fetch(`${first.url}/notifications/preferences`, {
      method: 'PUT',
      headers: { ...as(MARIA), 'content-type': 'application/json' },
      body: JSON.stringify({ digest: 'hourly' }),
    });
    assert.equal(refused.status, 400);
    assert.equal((await refused.json()).path, 'digest');
  });

  test("two instances scanning at once: María's two overdue check-ins go into one daily digest, sent at 09:00 the next morning on her clock, in Spanish", async () => {
    setClock('2026-10-13T20:00:00Z'); // Tuesday 14:00 in Mexico City: today's digest time has passed
    const runs = await Promise.all([first.backend.reminders.runNow(), second.reminders.runNow(), first.backend.reminders.runNow(), second.reminders.runNow()]);
    assert.equal(
      runs.reduce((sum, run) => sum + run.queued, 0),
      4,
      "María's two and Olivia's two reminders, queued once across both instances",
    );
    const rows = await rowsOf(MARIA);
    const digests = rows.filter((row) => row.kind === 'digest');
    assert.equal(digests.length, 1, 'one digest');
    const [digest] = digests;
    assert.equal(digest!.code, 'daily');
    assert.equal(digest!.period, '2026-10-14');
    assert.equal(digest!.send_at.toISOString(), '2026-10-14T15:00:00.000Z', 'Wednesday 09:00 in Mexico City');
    const items = rows.filter((row) => row.kind !== 'digest');
    assert.deepEqual(items.map((row) => [row.pairing_id, row.kind, row.digest_id, row.status]).sort(), [
      ['pairing-isabella', 'check-in-overdue', digest!.id, 'queued'],
      ['pairing-noah', 'check-in-overdue', digest!.id, 'queued'],
    ]);
    assert.equal(mailbox.mails.length, 0, 'nothing is sent before the digest');

    // Wednesday 09:01:30 on her clock (the clock jumped: the next scan queues the waiting digest again).
    setClock('2026-10-14T15:01:30Z');
    await first.backend.reminders.runNow();
    const mail = await mailbox.waitFor((candidate) => candidate.to.includes(`${MARIA}@example.org`));
    assert.equal(mail.nudge, 'digest');
    assert.equal(mail.language, 'es');
    assert.equal(mail.subject, 'Tus recordatorios de MentorKit del miércoles, 14 de octubre de 2026');
    assert.match(wallClock(mail.date!, 'America/Mexico_City'), /^Wed 09:0[12]$/);
    assert.match(mail.text, /^Hola, María González:\n\nRecordatorios en este correo: 2\./);
    assert.ok(
      mail.text.includes('## Tu seguimiento con Noah Johnson está pendiente') && mail.text.includes('## Tu seguimiento con Isabella García está pendiente'),
      mail.text,
    );
    assert.match(mail.text, /Estaba previsto para: jueves, 24 de septiembre de 2026/);
    assert.equal(mail.listUnsubscribePost, 'List-Unsubscribe=One-Click');
    assert.ok(mail.unsubscribeUrl?.startsWith(`${PUBLIC_URL}/notifications/unsubscribe?token=`));
    assert.ok(mail.html.includes('<h2') && mail.html.includes('<html lang="es">'));
    const after = await eventually(
      () => rowsOf(MARIA),
      (current) => current.every((row) => row.status === 'sent'),
      'the digest and both reminders marked sent',
    );
    assert.equal(after.length, 3);
    // Scans after it find nothing new and send no copy.
    const again = await Promise.all([first.backend.reminders.runNow(), second.reminders.runNow()]);
    assert.deepEqual(
      again.map((run) => run.queued),
      [0, 0],
    );
    assert.equal(mailbox.mails.filter((candidate) => candidate.to.includes(`${MARIA}@example.org`)).length, 1);

    // What was sent, as she reads it: the digest (with its frequency) and the reminders it carried.
    const log = await (await fetch(`${first.url}/notifications`, { headers: as(MARIA) })).json();
    const listed = log.deliveries.find((entry: { kind: string }) => entry.kind === 'digest');
    assert.equal(listed.frequency, 'daily');
    assert.equal(listed.subject, mail.subject);
    assert.equal(log.deliveries.filter((entry: { digestId?: string }) => entry.digestId === listed.id).length, 2);
  });

  test("weekly: Olivia's digest comes on Monday at 09:00 in Sydney, without the check-in that happened in between", async () => {
    const rows = await rowsOf(OLIVIA);
    const digest = rows.find((row) => row.kind === 'digest')!;
    assert.equal(digest.code, 'weekly');
    assert.equal(digest.period, '2026-10-19');
    assert.equal(wallClock(digest.send_at, 'Australia/Sydney'), 'Mon 09:00');
    // Olivia checks in with Ana on Thursday: that reminder no longer holds.
    const storage = createPostgresStorage(first.pool);
    await storage.put(
      'sessions',
      {
        id: 'session-ana-1',
        pairingId: 'pairing-ana',
        start: '2026-10-15T22:00:00Z',
        end: '2026-10-15T23:00:00Z',
        status: 'held',
        participantIds: [OLIVIA, 'ana-souza'],
        createdAt: '2026-10-14T10:00:00Z',
      },
      { expectedRevision: null },
    );

    setClock('2026-10-18T22:01:30Z'); // Monday 09:01:30 in Sydney
    await second.reminders.runNow();
    const mail = await mailbox.waitFor((candidate) => candidate.to.includes(`${OLIVIA}@example.org`));
    assert.equal(mail.language, 'en');
    assert.equal(mail.subject, 'Your MentorKit reminders for the week of Monday, 19 October 2026');
    assert.match(mail.text, /^Hello Olivia Martin,\n\nReminders in this email: 1\./);
    assert.ok(mail.text.includes('## Your check-in with Hana Sato is overdue'), mail.text);
    assert.ok(!mail.text.includes('Ana Souza'), 'the resolved reminder is left out');
    const after = await eventually(
      () => rowsOf(OLIVIA),
      (current) => current.every((row) => row.status !== 'queued' && row.status !== 'sending'),
      'every row settled',
    );
    const ana = after.find((row) => row.pairing_id === 'pairing-ana')!;
    assert.equal(ana.status, 'skipped');
    assert.match(ana.skipped_reason ?? '', /resolved/);
    assert.equal(after.find((row) => row.pairing_id === 'pairing-hana')!.status, 'sent');
    assert.equal(after.find((row) => row.kind === 'digest')!.status, 'sent');
  });

  test('a reminder found late, in the middle of the night on her clock, waits for her morning instead', async () => {
    // As if the queue had been stopped for a day: one of María's reminders is still queued since Sunday 09:00.
    await putPreferences(MARIA, { digest: 'none' });
    const [noah] = (await rowsOf(MARIA)).filter((row) => row.pairing_id === 'pairing-noah');
    await first.pool.query(
      "UPDATE mk_notification_deliveries SET status = 'queued', digest_id = NULL, send_at = '2026-10-18T15:00:00Z', sent_at = NULL WHERE id = $1",
      [noah!.id],
    );
    const before = mailbox.mails.length;
    setClock('2026-10-19T08:00:00Z'); // Monday 02:00 in Mexico City
    await first.backend.reminders.runNow();
    const waiting = await eventually(
      async () => (await rowsOf(MARIA)).find((row) => row.id === noah!.id)!,
      (row) => row.status === 'queued' && row.send_at.toISOString() === '2026-10-19T15:00:00.000Z',
      'moved to 09:00 on her clock',
    );
    assert.equal(waiting.status, 'queued');
    assert.equal(mailbox.mails.length, before, 'nothing sent in her night');
    assert.ok(
      first.logs.some((line) => line.includes('is late and would arrive outside their hours: it waits until 2026-10-19T15:00:00')),
      first.logs.slice(-5).join('\n'),
    );

    setClock('2026-10-19T15:01:30Z');
    await first.backend.reminders.runNow();
    const mail = await mailbox.waitFor((candidate) => candidate.to.includes(`${MARIA}@example.org`) && candidate.nudge === 'check-in-overdue');
    assert.match(wallClock(mail.date!, 'America/Mexico_City'), /^Mon 09:0[12]$/);
  });
});
