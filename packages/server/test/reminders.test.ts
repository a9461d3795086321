// Reminders by email (issue 15): a real SMTP server (smtp-server) receives the mail, read back with
// mailparser; two server instances on one PostgreSQL run the jobs (pg-boss) and each nudge is sent
// once; the server's clock is the test's (`now`), so "the lead mentor's local morning" is a moment
// the test chooses. No fixed sleeps: every wait polls for its condition.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ParsedMail } from 'mailparser';
import pg from 'pg';
import { seedDemoProgram } from '../src/demo-program.js';
import { createMentorKitServer, type MentorKitServer } from '../src/server.js';
import { createPostgresStorage } from '../src/store.js';
import { as, asService, eventually, JWT_SECRET, SERVICE_TOKEN, skipReason, startSmtp, startTestBackend, type TestBackend } from './support.js';
import { noahAgreement } from './reminder-fixtures.js';

const skip = skipReason();
const MARIA = 'maria-gonzalez'; // lead mentor of pairing-noah and pairing-isabella; languages ['es', 'en']; America/Mexico_City, 09:00-12:30 and 13:30-17:30 on weekdays
const NOAH = 'noah-johnson'; // her mentee in pairing-noah (America/Chicago)
const TOM = 'tom-becker'; // mentor of pairing-james (Europe/Berlin, 08:30-16:30); languages ['de', 'en']
const HOSTILE_NAME = 'Noah <img src=x onerror=alert(1)> & "Johnson"';
const PUBLIC_URL = 'https://mentoring.example.edu';

/** A header as it was sent (mailparser turns List-* headers into an object), unfolded. */
const rawHeader = (mail: ParsedMail, name: string) => mail.headerLines.find((line) => line.key === name)?.line.replace(/\r?\n[ \t]+/g, ' ') ?? '';

const localTime = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);

describe('reminders by email', { skip: skip ?? false, timeout: 4 * 60_000 }, () => {
  let first: TestBackend;
  let second: MentorKitServer;
  let secondUrl: string;
  let secondPool: pg.Pool;
  const secondLogs: string[] = [];
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const delivered: ParsedMail[] = [];
  /** The servers' clock: the real one shifted to what `setClock` chose (it keeps running). */
  let offset = 0;
  const clock = () => new Date(Date.now() + offset);
  const setClock = (instant: string) => {
    offset = Date.parse(instant) - Date.now();
  };

  const mailsTo = (address: string) =>
    delivered.filter((mail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) => to?.value.some((entry) => entry.address === address)));
  const deliveries = async (personId: string) =>
    (
      await first.pool.query<{ status: string; attempts: number; kind: string; sent_at: Date | null; send_at: Date }>(
        'SELECT status, attempts, kind, sent_at, send_at FROM mk_notification_deliveries WHERE person_id = $1 ORDER BY created_at',
        [personId],
      )
    ).rows;

  const update = async (collection: string, id: string, change: Record<string, unknown>) => {
    const storage = createPostgresStorage(first.pool);
    const current = (await storage.get(collection, id))!;
    await storage.put(collection, { ...current, ...change }, { expectedRevision: current.revision });
  };

  before(async () => {
    smtp = await startSmtp();
    const collect = setInterval(() => delivered.push(...smtp.mails.splice(0)), 20);
    collect.unref();
    const reminderOptions = {
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      mailFrom: 'Mentoring <mentoring@example.edu>',
      publicUrl: PUBLIC_URL,
      reminderRetryDelaySeconds: 1,
      now: clock,
    };
    first = await startTestBackend(reminderOptions);
    secondPool = new pg.Pool({ connectionString: first.postgres.connectionString, max: 6 });
    second = createMentorKitServer({
      pool: secondPool,
      jwtSecret: JWT_SECRET,
      serviceToken: SERVICE_TOKEN,
      ...reminderOptions,
      log: (line) => secondLogs.push(line),
    });
    secondUrl = await second.listen(0);

    const storage = createPostgresStorage(first.pool);
    await seedDemoProgram(storage);
    await update('people', MARIA, { email: 'maria@example.org' });
    await update('people', NOAH, { displayName: HOSTILE_NAME });
    // pairing-noah agreed fortnightly check-ins, confirmed on 10 September; no check-in since: due on 24 September.
    await storage.put('agreements', noahAgreement(), { expectedRevision: null });
    // Both of María's pairs are active (a mentee's message is activity, not a check-in): only the overdue check-in nudges her.
    for (const [id, pairingId, authorId] of [
      ['message-noah', 'pairing-noah', NOAH],
      ['message-isabella', 'pairing-isabella', 'isabella-garcia'],
    ] as const) {
      await storage.put(
        'messages',
        {
          id,
          pairingId,
          authorId,
          kind: 'text',
          text: 'Hola, ¿cómo vas?',
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
    await smtp?.close();
  });

  test('reminders are on with SMTP and a public URL, and say so once', async () => {
    assert.equal(first.backend.reminders.enabled, true);
    assert.equal(second.reminders.enabled, true);
    // The job queue starts after the migrations, beside the first requests.
    await eventually(
      () => first.logs.filter((line) => line.includes('reminders by email are on: a scan every 15 min (*/15 * * * *, UTC), mail through smtp://127.0.0.1:')),
      (lines) => lines.length === 1,
      'the line saying reminders are on',
    );
    await eventually(
      () => secondLogs.filter((line) => line.includes('reminders by email are on')),
      (lines) => lines.length === 1,
      "the second instance's line",
    );
    // Two instances starting at once both install and start the job queue (pg-boss's schema is created under a lock).
    assert.ok(![...first.logs, ...secondLogs].some((line) => line.includes('did not start')), [...first.logs, ...secondLogs].join('\n'));
  });

  test('two instances scanning at once: the overdue lead mentor gets one email, at her local working morning, in Spanish', async () => {
    // Wednesday 14 October 2026, 08:59:57 in Mexico City: María's working day starts in three seconds.
    setClock('2026-10-14T14:59:57Z');
    const runs = await Promise.all([first.backend.reminders.runNow(), second.reminders.runNow(), first.backend.reminders.runNow(), second.reminders.runNow()]);
    assert.equal(
      runs.reduce((sum, run) => sum + run.queued, 0),
      1,
      'one delivery queued across both instances',
    );
    assert.ok(
      runs.every((run) => run.pairings === 13 && run.withoutEmail > 0),
      JSON.stringify(runs),
    );
    const [sent] = await eventually(
      () => deliveries(MARIA),
      (rows) => rows.length === 1 && rows[0]!.status === 'sent',
      "María's reminder sent",
    );
    assert.equal(sent!.kind, 'check-in-overdue');
    assert.equal(sent!.attempts, 1);
    assert.equal(sent!.send_at.toISOString(), '2026-10-14T15:00:00.000Z');
    assert.equal(localTime(sent!.sent_at!, 'America/Mexico_City'), 'Wed 09:00', 'sent at 09:00 on her clock');
    const [mail] = await eventually(
      () => mailsTo('maria@example.org'),
      (mails) => mails.length === 1,
      'the mail in the SMTP server',
    );
    // Scans after it (either instance) queue nothing new; no second copy arrives.
    const again = await Promise.all([first.backend.reminders.runNow(), second.reminders.runNow()]);
    assert.deepEqual(
      again.map((run) => run.queued),
      [0, 0],
    );
    assert.equal(mailsTo('maria@example.org').length, 1);
    assert.equal(delivered.length, 1, 'no one else in the programme has an email address');

    assert.equal(localTime(mail!.date!, 'America/Mexico_City'), 'Wed 09:00', 'the Date header: her local morning');
    assert.equal(mail!.from?.value[0]?.address, 'mentoring@example.edu');
    assert.equal(mail!.subject, `Tu seguimiento con ${HOSTILE_NAME} está pendiente`);
    assert.equal(mail!.headers.get('content-language'), 'es');
    const text = mail!.text!;
    assert.match(text, /^Hola, María González:/);
    assert.ok(text.includes(`Tu seguimiento con ${HOSTILE_NAME} lleva 20 días de retraso.`), text);
    assert.match(
      text,
      /Estaba previsto para: jueves, 24 de septiembre de 2026, 9:00 \(hora estándar central, Mexico City\)/,
      'the due time on her clock, in Spanish',
    );
    assert.ok(text.includes(`Abrir MentorKit: ${PUBLIC_URL}/`), text);
    const html = String(mail!.html);
    assert.ok(html.includes('<html lang="es">'));
    assert.ok(html.includes('Noah &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Johnson&quot;'), 'the hostile name as text');
    assert.ok(!html.includes('<img'), 'no markup from the name');
    assert.ok(html.includes(`href="${PUBLIC_URL}/"`));
    const unsubscribe = /^List-Unsubscribe: <(https:\/\/mentoring\.example\.edu\/notifications\/unsubscribe\?token=[^>]+)>$/.exec(
      rawHeader(mail!, 'list-unsubscribe'),
    );
    assert.ok(unsubscribe, rawHeader(mail!, 'list-unsubscribe'));
    assert.equal(rawHeader(mail!, 'list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    assert.ok(html.includes(unsubscribe[1]!.replace(/&/g, '&amp;')) && text.includes(unsubscribe[1]!), 'the unsubscribe link in both parts');
  });

  test('GET /notifications: what was sent to the person, and only to them', async () => {
    const mine = await (await fetch(`${first.url}/notifications`, { headers: as(MARIA) })).json();
    assert.equal(mine.personId, MARIA);
    assert.equal(mine.deliveries.length, 1);
    const [entry] = mine.deliveries;
    assert.equal(entry.kind, 'check-in-overdue');
    assert.equal(entry.channel, 'email');
    assert.equal(entry.status, 'sent');
    assert.equal(entry.pairingId, 'pairing-noah');
    assert.match(entry.subject, /^Tu seguimiento con /);
    assert.equal(localTime(new Date(entry.sentAt), 'America/Mexico_City'), 'Wed 09:00');
    const noah = await (await fetch(`${secondUrl}/notifications`, { headers: as(NOAH) })).json();
    assert.deepEqual(noah, { personId: NOAH, deliveries: [] });
    const prying = await fetch(`${first.url}/notifications?personId=${MARIA}`, { headers: as(NOAH) });
    assert.equal(prying.status, 403);
    const service = await (await fetch(`${first.url}/notifications?personId=${MARIA}`, { headers: asService })).json();
    assert.deepEqual(service, mine);
    const noPerson = await fetch(`${first.url}/notifications`, { headers: asService });
    assert.equal(noPerson.status, 400);
    assert.equal((await noPerson.json()).path, 'personId');
    assert.equal((await fetch(`${first.url}/notifications?limit=0`, { headers: as(MARIA) })).status, 400);
    assert.equal((await fetch(`${first.url}/notifications`)).status, 401);
  });

  test('preferences: read, change, and every bad input refused with the field named', async () => {
    const url = `${first.url}/notifications/preferences`;
    const initial = await (await fetch(url, { headers: as(TOM) })).json();
    assert.deepEqual(initial, {
      personId: TOM,
      email: true,
      kinds: {
        'check-in-due-soon': true,
        'check-in-overdue': true,
        'pair-inactive': true,
        'session-soon': true,
        'feedback-requested': true,
        'goal-due': true,
        'goal-missed': true,
        'pair-at-risk': true,
        'pairing-closing': true,
        'pairing-closed': true,
      },
      digest: 'none',
    });
    const put = (body: unknown, headers = as(TOM)) =>
      fetch(url, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (const [body, path] of [
      [{ email: 'no' }, 'email'],
      [{ kinds: { bogus: false } }, 'kinds.bogus'],
      [{ kinds: { 'pair-inactive': 'off' } }, 'kinds.pair-inactive'],
      [{ kinds: [] }, 'kinds'],
      [{ digest: 'hourly' }, 'digest'],
      [{ digest: 'fortnightly' }, 'digest'],
      [{ sms: true }, 'sms'],
      [[], 'body'],
    ] as const) {
      const response = await put(body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal((await response.json()).path, path, JSON.stringify(body));
    }
    const changed = await (await put({ kinds: { 'check-in-due-soon': false } })).json();
    assert.equal(changed.kinds['check-in-due-soon'], false);
    assert.equal(changed.kinds['pair-inactive'], true);
    assert.deepEqual((await (await fetch(url, { headers: as(TOM) })).json()).kinds, changed.kinds, 'kept (read through the other instance too)');
    assert.deepEqual((await (await fetch(`${secondUrl}/notifications/preferences`, { headers: as(TOM) })).json()).kinds, changed.kinds);
    assert.equal((await put({ email: false }, as(NOAH))).status, 200);
    assert.equal(
      (await fetch(`${url}?personId=${TOM}`, { method: 'PUT', headers: { ...as(NOAH), 'content-type': 'application/json' }, body: '{"email":false}' })).status,
      403,
    );
    assert.equal((await (await fetch(`${url}?personId=${TOM}`, { headers: asService })).json()).email, true);
  });

  test('one-click unsubscribe: GET shows a button and changes nothing, POST turns reminder emails off, no further mail', async () => {
    const [mail] = mailsTo('maria@example.org');
    const link = /<(.+)>$/.exec(rawHeader(mail!, 'list-unsubscribe'))![1]!;
    const local = `${first.url}${new URL(link).pathname}${new URL(link).search}`;
    const page = await fetch(local);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type')!, /^text\/html/);
    assert.match(page.headers.get('content-security-policy')!, /default-src 'none'/);
    const body = await page.text();
    assert.match(body, /<form method="post" action="\?token=[^"]+"><button type="submit"[^>]*>Darse de baja<\/button><\/form>/);
    assert.equal((await (await fetch(`${first.url}/notifications/preferences`, { headers: as(MARIA) })).json()).email, true, 'GET unsubscribes no one');

    const tampered = await fetch(
      local.replace(/token=([^&]+)/, (_match, token: string) => `token=${Buffer.from(NOAH).toString('base64url')}.${token.split('.')[1]}`),
      { method: 'POST' },
    );
    assert.equal(tampered.status, 400);
    assert.equal((await fetch(`${first.url}/notifications/unsubscribe`, { method: 'POST' })).status, 400);

    // A check-in on 28 September makes the next one due on 12 October: overdue again, a new period. Found at
    // 19:00 in Mexico City, it waits for her 09:00 tomorrow.
    await createPostgresStorage(first.pool).put(
      'sessions',
      {
        id: 'session-noah-1',
        pairingId: 'pairing-noah',
        start: '2026-09-28T15:00:00Z',
        end: '2026-09-28T16:00:00Z',
        status: 'held',
        participantIds: [MARIA, NOAH],
        createdAt: '2026-09-20T10:00:00Z',
      },
      { expectedRevision: null },
    );
    setClock('2026-10-15T01:00:00Z');
    assert.equal((await second.reminders.runNow()).queued, 1);
    const waiting = (await deliveries(MARIA))[1]!;
    assert.equal(waiting.status, 'queued');
    assert.equal(localTime(waiting.send_at, 'America/Mexico_City'), 'Thu 09:00');

    // What a mail client sends (RFC 8058), to the other instance: the signed token is the authority.
    const oneClick = await fetch(local.replace(first.url, secondUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(oneClick.status, 200);
    assert.match(await oneClick.text(), /ya no recibirás correos de recordatorio/);
    assert.equal((await (await fetch(`${first.url}/notifications/preferences`, { headers: as(MARIA) })).json()).email, false);
    assert.ok([...first.logs, ...secondLogs].some((line) => line.includes(`${MARIA} unsubscribed from reminder emails`)));
    const log = (await (await fetch(`${first.url}/notifications`, { headers: as(MARIA) })).json()).deliveries;
    assert.deepEqual(
      log.map((entry: { status: string; reason?: string }) => [entry.status, entry.reason]),
      [
        ['skipped', 'unsubscribed'],
        ['sent', undefined],
      ],
      'what was waiting is not sent',
    );

    // Later scans find her nudges turned off; no further mail reaches her.
    const run = await first.backend.reminders.runNow();
    assert.equal(run.queued, 0);
    assert.ok(run.turnedOff >= 1, JSON.stringify(run));
    assert.equal((await deliveries(MARIA)).length, 2);
    assert.equal(mailsTo('maria@example.org').length, 1);
  });

  test('SMTP down: the delivery is retried with backoff and sent once it is back — once', async () => {
    const port = smtp.port;
    await smtp.close();
    await update('people', TOM, { email: 'tom@example.org' });
    // Thursday 15 October, 11:59:58 in Berlin: pairing-james has been quiet since 7 September; Tom's nudge is due at 12:00.
    setClock('2026-10-15T09:59:58Z');
    const runs = await Promise.all([first.backend.reminders.runNow(), second.reminders.runNow()]);
    assert.equal(
      runs.reduce((sum, run) => sum + run.queued, 0),
      1,
    );
    const failing = await eventually(
      () => deliveries(TOM),
      (rows) => rows.length === 1 && rows[0]!.attempts >= 2 && rows[0]!.status === 'failed',
      'two failed attempts',
    );
    assert.equal(failing[0]!.kind, 'pair-inactive');
    assert.ok(
      [...first.logs, ...secondLogs].some((line) => /reminders: sending pair-inactive to tom-becker failed \(attempt 1\): .*retried with backoff/.test(line)),
    );
    smtp = await startSmtp(port);
    const collect = setInterval(() => delivered.push(...smtp.mails.splice(0)), 20);
    collect.unref();
    const [sent] = await eventually(
      () => deliveries(TOM),
      (rows) => rows[0]?.status === 'sent',
      'sent once SMTP is back',
      60_000,
    );
    assert.ok(sent!.attempts >= 3, `attempts: ${sent!.attempts}`);
    const mails = await eventually(
      () => mailsTo('tom@example.org'),
      (found) => found.length === 1,
      "Tom's mail",
    );
    assert.equal(mails[0]!.subject, 'It has been quiet with James Wilson');
    assert.equal(mails[0]!.headers.get('content-language'), 'en');
    assert.match(mails[0]!.text!, /Nothing recorded since your pairing started on Monday, 7 September 2026\./);
    const later = await Promise.all([first.backend.reminders.runNow(), second.reminders.runNow()]);
    assert.deepEqual(
      later.map((run) => run.queued),
      [0, 0],
    );
    assert.equal(mailsTo('tom@example.org').length, 1);
  });
});
