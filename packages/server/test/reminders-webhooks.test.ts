// Programme webhooks for reminders (issue 15): real HTTP receivers (node:http on 127.0.0.1, allowed
// by the outbound guard's allowlist) get Slack, Teams and generic (HMAC-signed) posts; two server
// instances scan at once and each nudge reaches each webhook once; 503s are retried, a 400 is not.
// The setup follows reminders.test.ts (SMTP on loopback, the servers' clock chosen by the test).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { seedDemoProgram } from '../src/demo-program.js';
import { createMentorKitServer, type MentorKitServer } from '../src/server.js';
import { createPostgresStorage } from '../src/store.js';
import { as, asService, eventually, JWT_SECRET, SERVICE_TOKEN, skipReason, startTestBackend, type TestBackend } from './support.js';
import { noahAgreement } from './reminder-fixtures.js';

const skip = skipReason();
const MARIA = 'maria-gonzalez'; // lead mentor of pairing-noah (America/Mexico_City)
const NOAH = 'noah-johnson'; // her mentee (America/Chicago)
const HOOK_ADMIN = 'hanna-hooks'; // admin of the programme pairing-noah is moved into
const OTHER_ADMIN = 'priya-raman'; // admin of the demo programme only
const PROGRAM = 'program-hooks';
const HOSTILE_NAME = 'Noah <!channel> <https://evil.example|click> & "Johnson"';

type Received = { path: string; headers: http.IncomingHttpHeaders; body: string; status: number; at: number };

/** One receiver, several paths: /slack, /teams, /generic answer 200; /flaky 503 twice per delivery, then 200; /limited 429 with Retry-After: 1 once, then 200; /bad 400. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const key = String(request.headers['idempotency-key']);
      const before = received.filter((entry) => entry.path === path && entry.headers['idempotency-key'] === key).length;
      const status = path === '/bad' ? 400 : path === '/flaky' && before < 2 ? 503 : path === '/limited' && before < 1 ? 429 : 200;
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), status, at: Date.now() });
      response.writeHead(status, { 'content-type': 'text/plain', ...(status === 429 ? { 'retry-after': '1' } : {}) });
      response.end(status === 400 ? 'channel_not_found' : status === 503 ? 'busy' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('reminders: programme webhooks', { skip: skip ?? false, timeout: 4 * 60_000 }, () => {
  let first: TestBackend;
  let second: MentorKitServer;
  let secondPool: pg.Pool;
  const secondLogs: string[] = [];
  let smtp: SMTPServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const hooks: Record<string, { id: string; secret?: string }> = {};
  let offset = 0;
  const clock = () => new Date(Date.now() + offset);
  const setClock = (instant: string) => {
    offset = Date.parse(instant) - Date.now();
  };
  const endpoint = (path = '') => `${first.url}/programs/${PROGRAM}/webhooks${path}`;
  const post = (body: unknown, headers: Record<string, string> = as(HOOK_ADMIN)) =>
    fetch(endpoint(), { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const webhookDeliveries = async () =>
    (
      await first.pool.query<{
        id: string;
        person_id: string;
        channel: string;
        webhook_id: string;
        status: string;
        attempts: number;
        last_error: string | null;
      }>(
        'SELECT id, person_id, channel, webhook_id, status, attempts, last_error FROM mk_notification_deliveries WHERE webhook_id IS NOT NULL ORDER BY created_at, id',
      )
    ).rows;
  const at = (path: string) => receiver.received.filter((entry) => entry.path === path);

  before(async () => {
    receiver = await startReceiver();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => stream.on('end', () => callback()).resume(),
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const options = {
      smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      publicUrl: 'https://mentoring.example.edu',
      reminderRetryDelaySeconds: 1,
      fetchAllowHosts: ['127.0.0.1'],
      now: clock,
    };
    first = await startTestBackend(options);
    secondPool = new pg.Pool({ connectionString: first.postgres.connectionString, max: 6 });
    second = createMentorKitServer({ pool: secondPool, jwtSecret: JWT_SECRET, serviceToken: SERVICE_TOKEN, ...options, log: (line) => secondLogs.push(line) });
    await second.listen(0);

    const storage = createPostgresStorage(first.pool);
    await seedDemoProgram(storage);
    const update = async (collection: string, id: string, change: Record<string, unknown>) => {
      const current = (await storage.get(collection, id))!;
      await storage.put(collection, { ...current, ...change }, { expectedRevision: current.revision });
    };
    await storage.put(
      'programs',
      { id: PROGRAM, name: 'Hooks programme', adminIds: [HOOK_ADMIN], startDate: '2026-09-01', endDate: '2027-02-28' },
      { expectedRevision: null },
    );
    await update('pairings', 'pairing-noah', { programId: PROGRAM });
    await update('people', MARIA, { email: 'maria@example.org' });
    await update('people', NOAH, { displayName: HOSTILE_NAME });
    await storage.put('agreements', noahAgreement(), { expectedRevision: null });
    await storage.put(
      'messages',
      {
        id: 'message-noah',
        pairingId: 'pairing-noah',
        authorId: NOAH,
        kind: 'text',
        text: 'Hola',
        mentorsOnly: false,
        history: [],
        sentAt: '2026-10-10T16:00:00Z',
        createdAt: '2026-10-10T16:00:00Z',
      },
      { expectedRevision: null },
    );
  });
  after(async () => {
    await second?.close();
    await secondPool?.end().catch(() => undefined);
    await first?.close();
    await receiver?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  test('only admins of the programme (and the service) manage its webhooks; bad input is refused naming the field', async () => {
    assert.equal((await post({ kind: 'slack', url: `${receiver.url}/slack` }, as(OTHER_ADMIN))).status, 403, 'admin of another programme');
    assert.equal((await fetch(endpoint(), { headers: as(OTHER_ADMIN) })).status, 403);
    assert.equal((await fetch(endpoint('/anything'), { method: 'DELETE', headers: as(OTHER_ADMIN) })).status, 403);
    assert.equal((await fetch(endpoint(), { headers: as(MARIA) })).status, 403, 'a mentor of the pairing');
    assert.equal((await fetch(endpoint())).status, 401);
    assert.equal((await fetch(`${first.url}/programs/no-such-program/webhooks`, { headers: asService })).status, 404);
    for (const [body, path] of [
      [{ kind: 'sms', url: `${receiver.url}/x` }, 'kind'],
      [{ kind: 'slack' }, 'url'],
      [{ kind: 'slack', url: 'not a url' }, 'url'],
      [{ kind: 'slack', url: 'http://hooks.example.com/x' }, 'url'],
      [{ kind: 'slack', url: 'ftp://127.0.0.1/x' }, 'url'],
      [{ kind: 'slack', url: 'https://user:pw@hooks.example.com/x' }, 'url'],
      [{ kind: 'slack', url: 'https://hooks.example.com/x', description: 7 }, 'description'],
      [{ kind: 'slack', url: 'https://hooks.example.com/x', channel: '#x' }, 'channel'],
      [{ kind: 'slack', url: 'https://hooks.example.com/x', language: 'fr' }, 'language'],
      [[], 'body'],
    ] as const) {
      const response = await post(body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal((await response.json()).path, path, JSON.stringify(body));
    }
    for (const [name, kind] of [
      ['slack', 'slack'],
      ['teams', 'teams'],
      ['generic', 'generic'],
      ['flaky', 'slack'],
      ['limited', 'teams'],
      ['bad', 'generic'],
    ] as const) {
      // The Teams channel is a Spanish-speaking team's: its messages are worded in Spanish.
      const response = await post(
        { kind, url: `${receiver.url}/${name}`, description: name, ...(name === 'teams' ? { language: 'es' } : {}) },
        name === 'teams' ? asService : as(HOOK_ADMIN),
      );
      assert.equal(response.status, 201, name);
      const created = await response.json();
      assert.equal(created.kind, kind);
      assert.equal(created.language, name === 'teams' ? 'es' : 'en');
      assert.equal(created.host, new URL(receiver.url).host);
      assert.equal(typeof created.secret === 'string', kind === 'generic', 'a signing secret for generic webhooks only');
      hooks[name] = { id: created.id, ...(created.secret ? { secret: created.secret } : {}) };
    }
    const listed = await (await fetch(endpoint(), { headers: as(HOOK_ADMIN) })).json();
    assert.deepEqual(
      listed.webhooks.map((hook: { description: string }) => hook.description),
      ['slack', 'teams', 'generic', 'flaky', 'limited', 'bad'],
    );
    assert.ok(
      listed.webhooks.every((hook: Record<string, unknown>) => !('secret' in hook) && !('url' in hook)),
      'the secret is shown once; the URL (a credential) never',
    );
    const { rows } = await first.pool.query<{ url_sealed: string; secret_sealed: string | null }>('SELECT url_sealed, secret_sealed FROM mk_program_webhooks');
    assert.ok(
      rows.every((row) => row.url_sealed.startsWith('v1.') && !row.url_sealed.includes('127.0.0.1')),
      'the URL is stored encrypted',
    );
    assert.ok(rows.every((row) => !row.secret_sealed?.includes(hooks.generic!.secret!)));
    // One to delete: gone from the list, 404 the second time.
    const extra = await (await post({ kind: 'slack', url: `${receiver.url}/extra` })).json();
    assert.equal((await fetch(endpoint(`/${extra.id}`), { method: 'DELETE', headers: as(HOOK_ADMIN) })).status, 204);
    assert.equal((await fetch(endpoint(`/${extra.id}`), { method: 'DELETE', headers: asService })).status, 404);
  });

  test('two instances scanning at once: each nudge reaches each webhook once; Slack text escaped, generic signed, Teams a MessageCard', async () => {
    // Noah turned reminder emails off: the programme's webhooks still carry nudges about him.
    assert.equal(
      (
        await fetch(`${first.url}/notifications/preferences`, {
          method: 'PUT',
          headers: { ...as(NOAH), 'content-type': 'application/json' },
          body: '{"email":false}',
        })
      ).status,
      200,
    );
    // Wednesday 14 October 2026, 08:59:57 in Mexico City: María's overdue nudge is due in three seconds; Noah's now.
    setClock('2026-10-14T14:59:57Z');
    const runs = await Promise.all([first.backend.reminders.runNow(), second.reminders.runNow(), first.backend.reminders.runNow(), second.reminders.runNow()]);
    const queued = runs.reduce((sum, run) => sum + run.queued, 0);
    const rows = await webhookDeliveries();
    const people = [...new Set(rows.map((row) => row.person_id))].sort();
    assert.deepEqual(people, [MARIA, NOAH]);
    assert.equal(rows.length, 2 * 6, 'one delivery per nudge and webhook');
    const emails = (
      await first.pool.query<{ person_id: string; kind: string }>("SELECT person_id, kind FROM mk_notification_deliveries WHERE channel = 'email'")
    ).rows;
    assert.ok(
      emails.every((row) => row.person_id === MARIA),
      'email only to the one person with an address',
    );
    assert.equal(queued, rows.length + emails.length, 'each queued once across both instances');
    assert.ok(
      rows.every(
        (row) =>
          row.channel ===
          {
            [hooks.slack!.id]: 'slack',
            [hooks.teams!.id]: 'teams',
            [hooks.generic!.id]: 'webhook',
            [hooks.flaky!.id]: 'slack',
            [hooks.limited!.id]: 'teams',
            [hooks.bad!.id]: 'webhook',
          }[row.webhook_id],
      ),
    );
    await eventually(
      webhookDeliveries,
      (found) => found.every((row) => row.status === 'sent' || (row.webhook_id === hooks.bad!.id && row.status === 'failed')),
      'every webhook delivery done',
      60_000,
    );
    const again = await Promise.all([first.backend.reminders.runNow(), second.reminders.runNow()]);
    assert.deepEqual(
      again.map((run) => run.queued),
      [0, 0],
    );

    for (const path of ['/slack', '/teams', '/generic']) {
      const posts = at(path);
      assert.equal(posts.length, 2, `${path}: one post per nudge`);
      assert.equal(new Set(posts.map((entry) => entry.headers['idempotency-key'])).size, 2);
      assert.ok(
        posts.every((entry) => rows.some((row) => row.id === entry.headers['idempotency-key'])),
        'Idempotency-Key is the delivery id',
      );
    }
    // Slack: the hostile name cannot mention @channel or make a link; the only link is the app's.
    for (const entry of at('/slack')) {
      const { text } = JSON.parse(entry.body) as { text: string };
      assert.ok(text.includes('Noah &lt;!channel&gt; &lt;https://evil.example|click&gt; &amp; "Johnson"'), text);
      assert.deepEqual(text.match(/<[^>]*>/g), ['<https://mentoring.example.edu/|Open MentorKit>'], text);
    }
    assert.ok(at('/slack').some((entry) => JSON.parse(entry.body).text.startsWith('Reminder for María González: ')));
    // Teams: a MessageCard, the name as text.
    for (const entry of at('/teams')) {
      const card = JSON.parse(entry.body);
      assert.equal(card['@type'], 'MessageCard');
      assert.equal(card['@context'], 'https://schema.org/extensions');
      assert.equal(typeof card.summary, 'string');
      assert.ok(!card.text.includes('<!channel>') && !card.text.includes('<https'), card.text);
      // In the webhook's language (Spanish), as the mails word it.
      assert.match(card.summary, /^Recordatorio para /);
      assert.equal(card.potentialAction[0].name, 'Abrir MentorKit');
    }
    assert.ok(
      at('/teams').some((entry) => /seguimiento/.test(JSON.parse(entry.body).text)),
      at('/teams')
        .map((entry) => entry.body)
        .join('\n'),
    );
    assert.ok(
      at('/slack').every((entry) => !/seguimiento/.test(JSON.parse(entry.body).text)),
      'the English ones stay English',
    );
    // Generic: verified with the secret shown at creation.
    for (const entry of at('/generic')) {
      const timestamp = String(entry.headers['x-mentorkit-timestamp']);
      const expected = `sha256=${createHmac('sha256', hooks.generic!.secret!).update(`${timestamp}.${entry.body}`).digest('hex')}`;
      assert.equal(entry.headers['x-mentorkit-signature'], expected);
      assert.notEqual(entry.headers['x-mentorkit-signature'], `sha256=${createHmac('sha256', 'wrong').update(`${timestamp}.${entry.body}`).digest('hex')}`);
      const payload = JSON.parse(entry.body);
      assert.deepEqual(Object.keys(payload).sort(), ['code', 'id', 'kind', 'message', 'pairingId', 'params', 'personId', 'programId', 'sendAt']);
      assert.equal(payload.id, entry.headers['idempotency-key']);
      assert.equal(payload.programId, PROGRAM);
      assert.equal(payload.pairingId, 'pairing-noah');
      assert.equal(payload.kind, 'check-in-overdue');
    }
    const maria = at('/generic')
      .map((entry) => JSON.parse(entry.body))
      .find((payload) => payload.personId === MARIA);
    assert.equal(maria.sendAt, '2026-10-14T15:00:00.000Z');
  });

  test('503 twice then 200: retried with backoff and delivered once', async () => {
    const flaky = (await webhookDeliveries()).filter((row) => row.webhook_id === hooks.flaky!.id);
    assert.equal(flaky.length, 2);
    for (const row of flaky) {
      assert.equal(row.status, 'sent');
      assert.equal(row.attempts, 3);
      assert.deepEqual(
        at('/flaky')
          .filter((entry) => entry.headers['idempotency-key'] === row.id)
          .map((entry) => entry.status),
        [503, 503, 200],
      );
    }
  });

  test('429 with Retry-After: 1: tried again after it, and delivered once', async () => {
    const limited = (await webhookDeliveries()).filter((row) => row.webhook_id === hooks.limited!.id);
    assert.equal(limited.length, 2);
    for (const row of limited) {
      assert.equal(row.status, 'sent');
      assert.equal(row.attempts, 2);
      const posts = at('/limited').filter((entry) => entry.headers['idempotency-key'] === row.id);
      assert.deepEqual(
        posts.map((entry) => entry.status),
        [429, 200],
      );
      assert.ok(posts[1]!.at - posts[0]!.at >= 900, `waited ${posts[1]!.at - posts[0]!.at} ms`);
    }
  });

  test('400: not retried, and the delivery log says failed and why', async () => {
    await new Promise((resolve) => setTimeout(resolve, 3000)); // beyond the first retries' backoff (1 s, 2 s)
    const bad = (await webhookDeliveries()).filter((row) => row.webhook_id === hooks.bad!.id);
    assert.equal(bad.length, 2);
    assert.ok(bad.every((row) => row.status === 'failed' && row.attempts === 1));
    assert.equal(at('/bad').length, 2, 'one attempt each');
    const log = (await (await fetch(`${first.url}/notifications?personId=${MARIA}`, { headers: asService })).json()).deliveries as Array<
      Record<string, unknown>
    >;
    const entry = log.find((delivery) => delivery.webhookId === hooks.bad!.id)!;
    assert.equal(entry.status, 'failed');
    assert.equal(entry.channel, 'webhook');
    assert.match(String(entry.error), /^HTTP 400 from 127\.0\.0\.1:\d+$/);
    assert.ok(
      [...first.logs, ...secondLogs].some((line) =>
        /posting check-in-overdue about maria-gonzalez to generic webhook \S+ \(127\.0\.0\.1:\d+\) failed \(attempt 1\): HTTP 400 from 127\.0\.0\.1:\d+; not retried$/.test(
          line,
        ),
      ),
      'the operator log says so',
    );
  });

  test('a nudge kind the person turned off is sent nowhere about them: no email, no webhook', async () => {
    assert.equal(
      (
        await fetch(`${first.url}/notifications/preferences`, {
          method: 'PUT',
          headers: { ...as(MARIA), 'content-type': 'application/json' },
          body: '{"kinds":{"check-in-overdue":false}}',
        })
      ).status,
      200,
    );
    // A check-in on 28 September makes the next one due on 12 October: overdue again, a new period. Found at
    // 19:00 in Mexico City (the deliveries wait for the morning).
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
    const before = (await first.pool.query('SELECT count(*)::int AS n FROM mk_notification_deliveries')).rows[0].n as number;
    setClock('2026-10-15T01:00:00Z');
    const run = await second.reminders.runNow();
    assert.equal(run.turnedOff, 1, JSON.stringify(run));
    assert.equal(run.queued, 0, JSON.stringify(run));
    assert.equal((await first.pool.query('SELECT count(*)::int AS n FROM mk_notification_deliveries')).rows[0].n, before);
    // Turned on again, her new nudge goes to the email and to each of the six webhooks.
    assert.equal(
      (
        await fetch(`${first.url}/notifications/preferences`, {
          method: 'PUT',
          headers: { ...as(MARIA), 'content-type': 'application/json' },
          body: '{"kinds":{"check-in-overdue":true}}',
        })
      ).status,
      200,
    );
    assert.equal((await first.backend.reminders.runNow()).queued, 7);
  });
});
