// Concerns (issue 18) over real HTTP on PostgreSQL: the server enforces core's access rule for the
// `concerns` collection. Lucía (mentee of pairing-lucia, mentors Kenji and Arjun) raises one; her
// mentors cannot read it by id, by list or through the change stream; the admin of another programme
// cannot either; the programme's admin moves it to in review and closed; forged fields and a huge
// text are refused and nothing is stored.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { seedDemoProgram } from '../src/demo-program.js';
import { createPostgresStorage } from '../src/store.js';
import { as, openChangeStream, skipReason, startTestBackend, type TestBackend } from './support.js';

const skip = skipReason();
const LUCIA = 'lucia-fernandez';
const KENJI = 'kenji-watanabe';
const ARJUN = 'arjun-shrestha';
const PRIYA = 'priya-raman'; // admin of the demo programme
const OLGA = 'olga-other-admin'; // admin of another programme
const PAIRING = 'pairing-lucia';
const PROGRAM = 'acme-eng-2026';
const TEXT = 'Kenji asked me to keep our chats <script>alert(1)</script> off the record.';

describe('concerns over HTTP on PostgreSQL', { skip: skip ?? false, timeout: 120_000 }, () => {
  let backend: TestBackend;
  const streams = new AbortController();
  before(async () => {
    backend = await startTestBackend();
  });
  after(async () => {
    streams.abort();
    await backend?.close();
  });
  beforeEach(async () => {
    await backend.reset();
    const database = createPostgresStorage(backend.pool);
    await seedDemoProgram(database);
    await database.put('programs', { id: 'other-programme', name: 'Other programme', adminIds: [OLGA] });
    await database.put('people', { id: OLGA, displayName: 'Olga', roles: ['admin'], timeZone: 'Europe/Madrid', programIds: ['other-programme'] });
  });

  const call = async (method: string, path: string, personId: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${backend.url}${path}`, {
      method,
      headers: { ...as(personId), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  const stored = (id: string) => createPostgresStorage(backend.pool).get('concerns', id);
  const concern = (id: string, overrides: Record<string, unknown> = {}) => {
    const now = new Date().toISOString();
    return {
      id,
      programId: PROGRAM,
      pairingId: PAIRING,
      reporterId: LUCIA,
      about: 'pairing',
      text: TEXT,
      pauseRequested: true,
      status: 'open',
      raisedAt: now,
      history: [{ at: now, by: LUCIA, action: 'raised' }],
      ...overrides,
    };
  };
  const path = (id: string) => `/collections/concerns/records/${id}`;

  /** Opens a change stream; `seen` collects the ids of the changes it receives. */
  const open = async (personId: string) => {
    const seen: string[] = [];
    await openChangeStream(backend.url, as(personId), streams.signal, ({ name, data }) => {
      if (name === 'change' && data) seen.push((JSON.parse(data) as { id: string }).id);
    });
    return seen;
  };
  const until = async (condition: () => boolean, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!condition()) {
      if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  test('the mentee raises a concern; only she and the programme admin read it (by id, by list, through the change stream)', async () => {
    const kenjiStream = await open(KENJI);
    const priyaStream = await open(PRIYA);
    const olgaStream = await open(OLGA);
    const luciaStream = await open(LUCIA);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const raised = await call('PUT', path('concern-1'), LUCIA, concern('concern-1'));
    assert.equal(raised.status, 201, JSON.stringify(raised.json));
    // A marker every stream may see, written after the concern: once it arrives, the concern would have too.
    const message = { id: 'after-concern', pairingId: PAIRING, authorId: LUCIA, kind: 'text', text: 'See you Monday', sentAt: new Date().toISOString() };
    assert.equal((await call('PUT', '/collections/messages/records/after-concern', LUCIA, message)).status, 201);
    await until(() => kenjiStream.includes('after-concern'), "the message on Kenji's stream");
    await until(() => priyaStream.includes('concern-1') && luciaStream.includes('concern-1'), 'the concern on the streams of Priya and Lucía');
    assert.ok(!kenjiStream.includes('concern-1'), 'the mentor never hears of it');

    for (const [who, personId] of [
      ['the mentor', KENJI],
      ['the co-mentor', ARJUN],
      ['the admin of another programme', OLGA],
    ] as const) {
      const byId = await call('GET', path('concern-1'), personId);
      const missing = await call('GET', path('concern-nothing'), personId);
      assert.equal(byId.status, 404, who);
      assert.deepEqual([byId.status, byId.json.code], [missing.status, missing.json.code], `${who}: answers like a concern that does not exist`);
      const list = await call('GET', `/collections/concerns/records?pairingId=${encodeURIComponent(JSON.stringify(PAIRING))}`, personId);
      assert.equal(list.status, 200);
      assert.deepEqual(list.json.records, [], `${who}: an empty list`);
    }
    assert.ok(!olgaStream.includes('concern-1'));
    for (const personId of [LUCIA, PRIYA]) {
      const byId = await call('GET', path('concern-1'), personId);
      assert.equal(byId.status, 200);
      assert.equal(byId.json.text, TEXT, 'stored as text, exactly as written');
      const list = await call('GET', '/collections/concerns/records', personId);
      assert.deepEqual(
        (list.json.records as Array<{ id: string }>).map((record) => record.id),
        ['concern-1'],
      );
    }
  });

  test('the programme admin moves it to in review and closed; the trail grows; the mentor cannot change it', async () => {
    assert.equal((await call('PUT', path('concern-2'), LUCIA, concern('concern-2'))).status, 201);
    let current = (await stored('concern-2'))!;
    const { revision: _r, updatedAt: _u, createdAt: _c, updatedBy: _b, ...fields } = current;
    const step = (record: Record<string, unknown>, entry: Record<string, unknown>, status?: string) => ({
      ...record,
      ...(status ? { status } : {}),
      history: [...(record.history as unknown[]), { at: new Date().toISOString(), ...entry }],
    });

    const byMentor = await call('PUT', path('concern-2'), KENJI, step(fields, { by: KENJI, action: 'status', status: 'closed' }, 'closed'), {
      'if-match': `"${current.revision}"`,
    });
    assert.ok([403, 404, 412].includes(byMentor.status), `the mentor is refused (${byMentor.status})`);
    const byOtherAdmin = await call('PUT', path('concern-2'), OLGA, step(fields, { by: OLGA, action: 'status', status: 'closed' }, 'closed'), {
      'if-match': `"${current.revision}"`,
    });
    assert.ok([403, 404, 412].includes(byOtherAdmin.status), `the other programme's admin is refused (${byOtherAdmin.status})`);
    assert.equal((await stored('concern-2'))!.revision, current.revision, 'unchanged');

    const review = step(fields, { by: PRIYA, action: 'status', status: 'in-review', note: 'Calling Lucía tomorrow.' }, 'in-review');
    const reviewing = await call('PUT', path('concern-2'), PRIYA, review, { 'if-match': `"${current.revision}"` });
    assert.equal(reviewing.status, 200, JSON.stringify(reviewing.json));
    current = (await stored('concern-2'))!;
    const closed = step(review, { by: PRIYA, action: 'status', status: 'closed' }, 'closed');
    assert.equal((await call('PUT', path('concern-2'), PRIYA, closed, { 'if-match': `"${current.revision}"` })).status, 200);
    const final = (await stored('concern-2'))!;
    assert.equal(final.status, 'closed');
    assert.deepEqual(
      (final.history as Array<{ action: string; by: string; status?: string }>).map((entry) => [entry.action, entry.by, entry.status ?? null]),
      [
        ['raised', LUCIA, null],
        ['status', PRIYA, 'in-review'],
        ['status', PRIYA, 'closed'],
      ],
    );
    assert.equal((await call('DELETE', path('concern-2'), PRIYA, undefined, { 'if-match': `"${final.revision}"` })).status, 403, 'never removed');
  });

  test('forged fields are refused and nothing is stored', async () => {
    const forged: Array<[string, Record<string, unknown>]> = [
      ['another reporter', { reporterId: KENJI }],
      ['a programme the pairing is not in', { programId: 'other-programme' }],
      ['born closed', { status: 'closed' }],
      [
        'a trail written in advance',
        {
          history: [
            { at: new Date().toISOString(), by: LUCIA, action: 'raised' },
            { at: new Date().toISOString(), by: PRIYA, action: 'status', status: 'closed' },
          ],
        },
      ],
    ];
    for (const [what, overrides] of forged) {
      const answer = await call('PUT', path('forged'), LUCIA, concern('forged', overrides));
      assert.equal(answer.status, 403, `${what}: ${JSON.stringify(answer.json)}`);
    }
    assert.equal(await stored('forged'), undefined);

    // The trail rewritten, and the reporter's words changed, on a stored concern.
    assert.equal((await call('PUT', path('concern-3'), LUCIA, concern('concern-3'))).status, 201);
    const current = (await stored('concern-3'))!;
    const { revision: _r, updatedAt: _u, createdAt: _c, updatedBy: _b, ...fields } = current;
    const rewritten = { ...fields, status: 'closed', history: [{ at: new Date().toISOString(), by: PRIYA, action: 'status', status: 'closed' }] };
    assert.equal((await call('PUT', path('concern-3'), PRIYA, rewritten, { 'if-match': `"${current.revision}"` })).status, 403);
    const reworded = {
      ...fields,
      text: 'Nothing happened.',
      history: [...(fields.history as unknown[]), { at: new Date().toISOString(), by: PRIYA, action: 'note', note: 'Reworded' }],
    };
    assert.equal((await call('PUT', path('concern-3'), PRIYA, reworded, { 'if-match': `"${current.revision}"` })).status, 403);
    const byReporter = {
      ...fields,
      text: 'Something else.',
      history: [...(fields.history as unknown[]), { at: new Date().toISOString(), by: LUCIA, action: 'note', note: 'Changed my words' }],
    };
    assert.equal((await call('PUT', path('concern-3'), LUCIA, byReporter, { 'if-match': `"${current.revision}"` })).status, 403);
    assert.deepEqual(await stored('concern-3'), current, 'untouched');
  });

  test('a huge text is refused (400 past the schema limit, 413 past the body limit) and nothing is stored', async () => {
    const long = await call('PUT', path('huge'), LUCIA, concern('huge', { text: 'x'.repeat(4001) }));
    assert.equal(long.status, 400);
    assert.equal(long.json.code, 'invalid-input');
    assert.match(String(long.json.message), /4000/);
    const enormous = await call('PUT', path('enormous'), LUCIA, concern('enormous', { text: 'x'.repeat(2_000_000) }));
    assert.equal(enormous.status, 413);
    assert.equal(await stored('huge'), undefined);
    assert.equal(await stored('enormous'), undefined);
  });

  test('a member of a closed pairing may still raise a concern about it', async () => {
    const database = createPostgresStorage(backend.pool);
    const pairing = (await database.get('pairings', PAIRING))!;
    const { revision: _r, updatedAt: _u, ...fields } = pairing;
    await database.put('pairings', { ...fields, status: 'closed', endedOn: '2026-11-30' });
    const answer = await call('PUT', path('after-the-end'), LUCIA, concern('after-the-end'));
    assert.equal(answer.status, 201, JSON.stringify(answer.json));
    const session = await call('PUT', '/collections/goals/records/goal-after', LUCIA, {
      id: 'goal-after',
      pairingId: PAIRING,
      ownerId: LUCIA,
      title: 'Late goal',
    });
    assert.equal(session.status, 403, 'other records of a closed pairing stay read-only');
  });
});
