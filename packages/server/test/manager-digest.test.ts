// The summary for a mentee's manager (issue 18): opt-in by the mentee, every other Monday at the first
// sensible moment on the mentee's clock, to the manager's address — sessions held, time in sessions and
// the goals the pairing can see that were reached, and nothing private (no agenda, note, feedback,
// message or private goal). The manager stops it with a one-click link (GET changes nothing); a link sent
// to an earlier address stops nothing. A real SMTP server receives the mail; the server's clock is the test's.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startMailbox, type Mailbox } from '../../../scripts/lib/mailbox.mjs';
import { seedDemoProgram } from '../src/demo-program.js';
import { fortnightStart } from '../src/reminders/manager-digest.js';
import { createPostgresStorage } from '../src/store.js';
import { as, asService, skipReason, startTestBackend, type TestBackend } from './support.js';

const skip = skipReason();
const NOAH = 'noah-johnson'; // mentee of pairing-noah (America/Chicago, office hours Monday to Friday)
const MARIA = 'maria-gonzalez'; // a mentor only
const PUBLIC_URL = 'https://mentoring.example.edu';
const SECRETS = ['SECRET-AGENDA', 'SECRET-FEEDBACK', 'SECRET-MESSAGE', 'Ask for a raise', 'SECRET-NOTE'];

describe('the summary for a manager', { skip: skip ?? false, timeout: 3 * 60_000 }, () => {
  let backend: TestBackend;
  let mailbox: Mailbox;
  let offset = 0;
  const clock = () => new Date(Date.now() + offset);
  const setClock = (instant: string) => {
    offset = Date.parse(instant) - Date.now();
  };
  const call = async (personId: string | null, method: string, body?: unknown, query = '') => {
    const response = await fetch(`${backend.url}/notifications/manager-digest${query}`, {
      method,
      headers: { ...(personId === null ? asService : as(personId)), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json() };
  };
  type Row = { id: string; kind: string; code: string; status: string; send_at: Date; period: string; skipped_reason: string | null };
  const rowsOf = async (personId: string) =>
    (
      await backend.pool.query<Row>(
        "SELECT id, kind, code, status, send_at, period, skipped_reason FROM mk_notification_deliveries WHERE person_id = $1 AND kind = 'manager-digest' ORDER BY created_at, id",
        [personId],
      )
    ).rows;

  before(async () => {
    mailbox = await startMailbox();
    backend = await startTestBackend({
      smtpUrl: mailbox.smtpUrl,
      mailFrom: 'Mentoring <mentoring@example.edu>',
      publicUrl: PUBLIC_URL,
      reminderRetryDelaySeconds: 1,
      now: clock,
    });
    const storage = createPostgresStorage(backend.pool);
    await seedDemoProgram(storage);
    const put = (collection: string, record: Record<string, unknown>) =>
      storage.put(collection, { createdAt: '2026-12-01T10:00:00Z', ...record } as never, { expectedRevision: null });
    const session = (id: string, start: string, minutes: number, status: string, extra: Record<string, unknown> = {}) =>
      put('sessions', {
        id,
        pairingId: 'pairing-noah',
        title: 'Catch-up',
        start,
        end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
        timeZone: 'America/Chicago',
        status,
        agenda: 'SECRET-AGENDA',
        ...extra,
      });
    // The fortnight from Monday 7 December to Sunday 20 December (Chicago) is what the 21 December summary covers.
    await session('s-before', '2026-12-01T16:00:00Z', 60, 'held'); // the fortnight before: left out
    await session('s-held-1', '2026-12-08T16:00:00Z', 60, 'held'); // booked length: 60 min
    await session('s-held-2', '2026-12-15T16:00:00Z', 60, 'held', { heldMinutes: 45 }); // as recorded: 45 min
    await session('s-missed', '2026-12-17T16:00:00Z', 60, 'missed');
    await session('s-other-pair', '2026-12-09T16:00:00Z', 60, 'held', { pairingId: 'pairing-isabella' });
    const goal = (id: string, title: string, achievedAt: string, visibility: string) =>
      put('goals', { id, pairingId: 'pairing-noah', ownerId: NOAH, title, visibility, status: 'achieved', achievedAt, milestones: [], archived: false });
    await goal('g-shared', 'Run the quarterly roadmap review', '2026-12-10T20:00:00Z', 'pairing');
    await goal('g-private', 'Ask for a raise', '2026-12-11T20:00:00Z', 'private');
    await goal('g-earlier', 'An older goal', '2026-11-20T20:00:00Z', 'pairing');
    await put('feedback', {
      id: 'f-1',
      pairingId: 'pairing-noah',
      sessionId: 's-held-1',
      authorId: NOAH,
      rating: 2,
      helped: 'SECRET-FEEDBACK',
      tags: [],
      submittedAt: '2026-12-08T18:00:00Z',
    });
    await put('messages', {
      id: 'm-1',
      pairingId: 'pairing-noah',
      authorId: NOAH,
      kind: 'text',
      text: 'SECRET-MESSAGE',
      mentorsOnly: false,
      history: [],
      sentAt: '2026-12-09T16:00:00Z',
    });
  });
  after(async () => {
    await backend?.close();
    await mailbox?.close();
  });

  test('fortnights start on every other Monday', () => {
    assert.equal(fortnightStart('2026-12-07'), '2026-12-07');
    assert.equal(fortnightStart('2026-12-13'), '2026-12-07');
    assert.equal(fortnightStart('2026-12-20'), '2026-12-07');
    assert.equal(fortnightStart('2026-12-21'), '2026-12-21');
    assert.equal(fortnightStart('2027-01-03'), '2026-12-21');
  });

  test('off by default; refused with the field named: a bad address, on without an address, an unknown setting, a person who is not a mentee, someone else’s settings', async () => {
    setClock('2026-12-16T18:00:00Z');
    const initial = await call(NOAH, 'GET');
    assert.equal(initial.status, 200);
    assert.equal(initial.body.enabled, false);
    assert.equal(initial.body.managerEmail, undefined);
    // The preview is what a mail would say now: counts, and only the goal the pairing can see.
    assert.equal(initial.body.preview.sessionsHeld, 2);
    assert.equal(initial.body.preview.mentoringMinutes, 105);
    assert.deepEqual(initial.body.preview.goalsReached, ['Run the quarterly roadmap review']);
    for (const secret of SECRETS) assert.ok(!JSON.stringify(initial.body).includes(secret), `${secret} is not in the preview`);

    const badAddress = await call(NOAH, 'PUT', { enabled: true, managerEmail: 'not an address' });
    assert.equal(badAddress.status, 400);
    assert.equal(badAddress.body.path, 'managerEmail');
    const headerInjection = await call(NOAH, 'PUT', { enabled: true, managerEmail: 'boss@example.org\r\nBcc: everyone@example.org' });
    assert.equal(headerInjection.status, 400);
    const noAddress = await call(NOAH, 'PUT', { enabled: true });
    assert.equal(noAddress.status, 400);
    assert.match(noAddress.body.message, /email address/);
    const unknown = await call(NOAH, 'PUT', { enabled: true, managerEmail: 'boss@example.org', notes: true });
    assert.equal(unknown.body.path, 'notes');
    const longName = await call(NOAH, 'PUT', { enabled: true, managerEmail: 'boss@example.org', managerName: 'x'.repeat(121) });
    assert.equal(longName.body.path, 'managerName');
    const mentorOnly = await call(MARIA, 'PUT', { enabled: true, managerEmail: 'boss@example.org' });
    assert.equal(mentorOnly.status, 409);
    assert.match(mentorOnly.body.message, /no active pairing as a mentee/);
    const someoneElse = await call(MARIA, 'GET', undefined, `?personId=${NOAH}`);
    assert.equal(someoneElse.status, 403);
    const huge = await fetch(`${backend.url}/notifications/manager-digest`, {
      method: 'PUT',
      headers: { ...as(NOAH), 'content-type': 'application/json' },
      body: JSON.stringify({ enabled: true, managerEmail: 'boss@example.org', managerName: 'x'.repeat(10_000) }),
    });
    assert.equal(huge.status, 413);
    assert.equal((await call(NOAH, 'GET')).body.enabled, false, 'nothing refused was kept');
    assert.equal((await rowsOf(NOAH)).length, 0);
  });

  test('on: the scan queues one summary per fortnight, sent on Monday 21 December at 09:00 in Chicago to the manager, with counts and the shared goal only', async () => {
    setClock('2026-12-16T18:00:00Z');
    const on = await call(NOAH, 'PUT', { enabled: true, managerEmail: 'Boss@Example.org', managerName: 'Dana <Boss> "Lee"' });
    assert.equal(on.status, 200, JSON.stringify(on.body));
    assert.equal(on.body.enabled, true);
    assert.equal(on.body.nextSendAt, '2026-12-21T15:00:00.000Z');
    assert.match(on.body.consentedAt, /^2026-12-16T18:00/);

    const runs = await Promise.all([backend.backend.reminders.runNow(), backend.backend.reminders.runNow()]);
    assert.ok(runs.every((run) => run.queued >= 0));
    const rows = await rowsOf(NOAH);
    assert.equal(rows.length, 1, 'one summary, however many scans');
    assert.equal(rows[0]!.period, '2026-12-21');
    assert.equal(rows[0]!.send_at.toISOString(), '2026-12-21T15:00:00.000Z');
    assert.equal(mailbox.mails.filter((mail) => mail.nudge === 'manager-digest').length, 0, 'nothing before Monday');

    setClock('2026-12-21T15:01:30Z');
    await backend.backend.reminders.runNow();
    const mail = await mailbox.waitFor((candidate) => candidate.nudge === 'manager-digest');
    assert.deepEqual(
      mail.to.map((address) => address.toLowerCase()),
      ['boss@example.org'],
    );
    assert.match(mail.subject, /Mentoring update from Noah Johnson/);
    assert.match(mail.text, /Hello Dana <Boss> "Lee",/);
    assert.match(mail.text, /Sessions held: 2/);
    assert.match(mail.text, /Time spent in sessions: 1 h 45 min/);
    assert.match(mail.text, /Goals reached: 1/);
    assert.match(mail.text, /Run the quarterly roadmap review/);
    assert.match(mail.text, /7 December 2026 to 20 December 2026/);
    assert.ok(mail.html.includes('Dana &lt;Boss&gt; &quot;Lee&quot;'), 'the name is text in the HTML part');
    for (const secret of [...SECRETS, 'An older goal']) {
      assert.ok(!mail.text.includes(secret) && !mail.html.includes(secret), `${secret} is not in the mail`);
    }
    assert.equal(mail.listUnsubscribePost, 'List-Unsubscribe=One-Click');
    assert.match(mail.listUnsubscribe, /\/notifications\/manager-digest\/stop\?token=/);
    // The mail arrives just before the row is marked sent.
    for (const deadline = Date.now() + 10_000; (await rowsOf(NOAH))[0]!.status !== 'sent';) {
      assert.ok(Date.now() < deadline, `the summary is marked sent (is ${(await rowsOf(NOAH))[0]!.status})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  test('the manager’s link: GET only asks, POST stops it (and what was queued); the mentee sees who stopped it; a link to an earlier address stops nothing', async () => {
    setClock('2026-12-22T15:00:00Z');
    await backend.backend.reminders.runNow();
    const queued = (await rowsOf(NOAH)).filter((row) => row.status === 'queued');
    assert.deepEqual(
      queued.map((row) => row.period),
      ['2027-01-04'],
      'the next fortnight is queued',
    );

    const mail = mailbox.mails.find((candidate) => candidate.nudge === 'manager-digest')!;
    const stopUrl = new URL(mail.listUnsubscribe.slice(1, -1));
    const local = `${backend.url}${stopUrl.pathname}${stopUrl.search}`;
    const page = await fetch(local);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<main>/);
    assert.match(html, /Stop the mentoring updates Noah Johnson shares with you\?/);
    assert.equal((await call(NOAH, 'GET')).body.enabled, true, 'a GET (a mail scanner) changes nothing');

    const stopped = await fetch(local, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(stopped.status, 200);
    const after = await call(NOAH, 'GET');
    assert.equal(after.body.enabled, false);
    assert.equal(after.body.stoppedBy, 'manager');
    const skipped = (await rowsOf(NOAH)).find((row) => row.period === '2027-01-04')!;
    assert.equal(skipped.status, 'skipped');
    assert.equal(skipped.skipped_reason, 'stopped by the manager');

    // The mentee turns it on again for another manager: the first manager's link no longer works.
    assert.equal((await call(NOAH, 'PUT', { enabled: true, managerEmail: 'new.boss@example.org' })).status, 200);
    const old = await fetch(local, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    assert.equal(old.status, 400);
    assert.equal((await call(NOAH, 'GET')).body.enabled, true);
    const forged = await fetch(`${backend.url}/notifications/manager-digest/stop?token=${Buffer.from(NOAH).toString('base64url')}.AAAA`, { method: 'POST' });
    assert.equal(forged.status, 400);

    // Turned off by the mentee: what was queued is skipped with that reason, and DELETE forgets the address.
    await backend.backend.reminders.runNow();
    assert.equal((await call(NOAH, 'PUT', { enabled: false })).body.stoppedBy, 'mentee');
    assert.ok((await rowsOf(NOAH)).filter((row) => row.status === 'queued').length === 0);
    const removed = await call(NOAH, 'DELETE');
    assert.equal(removed.body.managerEmail, undefined);
  });
});
