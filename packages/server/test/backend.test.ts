// The reference backend on a real PostgreSQL: core's policy and schemas on the server, so a tampered
// client (raw HTTP, no MentorKit client in between) cannot read or write another pair's data.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Collections, GoalInputSchema, SessionInputSchema, createMentorKit, parseOrThrow, type StorageChange, type StoredRecord } from '@mentorkit/core';
import { createRestStorage, type RestStorage } from '@mentorkit/storage-rest';
import { seedDemoProgram } from '../../../examples/shared/demo-program.js';
import { MIGRATIONS, migrate } from '../src/schema.js';
import { createPostgresStorage } from '../src/store.js';
import { as, asService, skipReason, startTestBackend, type TestBackend } from './support.js';

const skip = skipReason();
const LUCIA = 'lucia-fernandez'; // mentee of pairing-lucia (mentors kenji-watanabe, arjun-shrestha)
const DANIEL = 'daniel-kim'; // mentee of pairing-daniel (mentor kenji-watanabe)
const KENJI = 'kenji-watanabe';
const PRIYA = 'priya-raman'; // programme admin

describe('reference backend: policy, validation and contract on PostgreSQL', { skip: skip ?? false }, () => {
  let backend: TestBackend;
  const adapters: RestStorage[] = [];

  const goal = (id: string, pairingId: string, ownerId: string, extra: Record<string, unknown> = {}) =>
    parseOrThrow(GoalInputSchema, { id, pairingId, ownerId, title: `Goal ${id}`, dueDate: '2026-12-01', ...extra }, 'goal') as { id: string };

  before(async () => {
    backend = await startTestBackend();
    const database = createPostgresStorage(backend.pool);
    assert.equal(await seedDemoProgram(database), true);
    await database.put(Collections.goals, { ...goal('goal-lucia', 'pairing-lucia', LUCIA), createdAt: '2026-09-01T10:00:00.000Z', updatedBy: LUCIA });
    await database.put(Collections.goals, goal('goal-lucia-private', 'pairing-lucia', LUCIA, { visibility: 'private' }));
    await database.put(Collections.goals, goal('goal-daniel', 'pairing-daniel', DANIEL));
  });
  after(async () => {
    for (const adapter of adapters) await adapter.dispose?.();
    await backend?.close();
  });

  /** A raw HTTP call: what a tampered client can send. */
  const call = async (method: string, path: string, options: { headers?: Record<string, string>; body?: unknown } = {}) => {
    const response = await fetch(`${backend.url}${path}`, {
      method,
      headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
      ...(options.body === undefined ? {} : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
    });
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // not JSON
    }
    return { status: response.status, json, headers: response.headers };
  };
  const stored = (collection: string, id: string) => createPostgresStorage(backend.pool).get(collection, id);
  const restAs = (personId: string) => {
    const adapter = createRestStorage({ baseUrl: backend.url, headers: as(personId), retry: false });
    adapters.push(adapter);
    return adapter;
  };

  test("a person cannot read another pair's records, by id, by query or by filter", async () => {
    assert.equal(
      (await call('GET', '/collections/goals/records/goal-daniel', { headers: as(LUCIA) })).status,
      404,
      'another pair\'s goal is "not found", not "forbidden" (its existence is not revealed)',
    );
    assert.equal((await call('GET', '/collections/goals/records/goal-lucia', { headers: as(LUCIA) })).status, 200);
    const mine = await call('GET', '/collections/goals/records', { headers: as(LUCIA) });
    assert.deepEqual(
      (mine.json.records as StoredRecord[]).map((record) => record.id),
      ['goal-lucia', 'goal-lucia-private'],
    );
    const filtered = await call('GET', `/collections/goals/records?pairingId=${encodeURIComponent('"pairing-daniel"')}`, { headers: as(LUCIA) });
    assert.deepEqual(filtered.json.records, []);
    assert.equal((await call('GET', '/collections/pairings/records/pairing-daniel', { headers: as(LUCIA) })).status, 404);
    assert.equal((await call('GET', `/collections/people/records/${DANIEL}`, { headers: as(LUCIA) })).status, 404, 'people one is not paired with are hidden');
    assert.equal((await call('GET', `/collections/people/records/${DANIEL}`, { headers: as(KENJI) })).status, 200, 'Kenji mentors Daniel');
    assert.equal(
      (await call('GET', '/collections/goals/records/goal-lucia-private', { headers: as(KENJI) })).status,
      404,
      'a private goal stays private, even from the mentor',
    );
    const kenjiGoals = await call('GET', '/collections/goals/records', { headers: as(KENJI) });
    assert.deepEqual(
      (kenjiGoals.json.records as StoredRecord[]).map((record) => record.id),
      ['goal-daniel', 'goal-lucia'],
    );
    const admin = await call('GET', '/collections/pairings/records', { headers: as(PRIYA) });
    assert.equal((admin.json.records as StoredRecord[]).length, 15, 'the programme admin sees every pairing of the programme');
  });

  test("a person cannot write another pair's records: edit, create inside, forge an owner, delete, or change a pairing or their own role", async () => {
    const before = await stored('goals', 'goal-daniel');
    const edit = await call('PUT', '/collections/goals/records/goal-daniel', {
      headers: { ...as(LUCIA), 'if-match': '"1"' },
      body: { ...before, title: 'hacked' },
    });
    assert.equal(edit.status, 403);
    assert.equal(edit.json.code, 'forbidden');
    assert.deepEqual(await stored('goals', 'goal-daniel'), before, 'the refused write changed nothing');

    const inside = await call('PUT', '/collections/goals/records/planted', {
      headers: { ...as(LUCIA), 'if-none-match': '*' },
      body: goal('planted', 'pairing-daniel', LUCIA),
    });
    assert.equal(inside.status, 403, 'a goal in a pairing one is not a member of');
    const forged = await call('PUT', '/collections/goals/records/planted', {
      headers: { ...as(LUCIA), 'if-none-match': '*' },
      body: goal('planted', 'pairing-daniel', DANIEL),
    });
    assert.equal(forged.status, 403, 'a goal "owned" by someone else');
    assert.equal(await stored('goals', 'planted'), undefined);

    const removal = await call('DELETE', '/collections/goals/records/goal-daniel', { headers: as(LUCIA) });
    assert.equal(removal.status, 404);
    assert.deepEqual(await stored('goals', 'goal-daniel'), before);

    const pairing = await stored('pairings', 'pairing-lucia');
    const swapMentor = await call('PUT', '/collections/pairings/records/pairing-lucia', {
      headers: { ...as(LUCIA), 'if-match': `"${pairing!.revision}"` },
      body: { ...pairing, mentorIds: ['olivia-martin'] },
    });
    assert.equal(swapMentor.status, 403);
    assert.match(String(swapMentor.json.message), /programme admin/);

    const me = await stored('people', LUCIA);
    const promote = await call('PUT', `/collections/people/records/${LUCIA}`, {
      headers: { ...as(LUCIA), 'if-match': `"${me!.revision}"` },
      body: { ...me, roles: ['mentee', 'admin'] },
    });
    assert.equal(promote.status, 403, 'nobody makes themself an admin');
    const someoneElse = await stored('people', DANIEL);
    assert.equal(
      (await call('PUT', `/collections/people/records/${DANIEL}`, { headers: as(LUCIA), body: { ...someoneElse, displayName: 'hacked' } })).status,
      403,
    );
    assert.equal(
      (await call('PUT', '/collections/audit/records/x', { headers: as(LUCIA), body: { id: 'x' } })).status,
      403,
      'collections without a rule are closed to people',
    );
  });

  test('the server says who wrote a record and keeps createdAt; the owner and mentors may edit a shared goal', async () => {
    const current = await stored('goals', 'goal-lucia');
    const result = await call('PUT', '/collections/goals/records/goal-lucia', {
      headers: { ...as(LUCIA), 'if-match': `"${current!.revision}"` },
      body: { ...current, title: 'Ship the design review', updatedBy: KENJI, createdAt: '1999-01-01T00:00:00.000Z' },
    });
    assert.equal(result.status, 200);
    assert.equal(result.json.updatedBy, LUCIA, 'updatedBy comes from the authenticated caller, not the body');
    assert.equal(result.json.createdAt, '2026-09-01T10:00:00.000Z', 'createdAt cannot be rewritten');
    assert.equal(result.headers.get('etag'), `"${current!.revision + 1}"`);
    const byMentor = await call('PUT', '/collections/goals/records/goal-lucia', {
      headers: { ...as(KENJI), 'if-match': `"${current!.revision + 1}"` },
      body: { ...result.json, title: 'Ship the design review by December' },
    });
    assert.equal(byMentor.status, 200);
    const stale = await call('PUT', '/collections/goals/records/goal-lucia', {
      headers: { ...as(LUCIA), 'if-match': `"${current!.revision}"` },
      body: { ...current, title: 'stale' },
    });
    assert.equal(stale.status, 412, 'a stale revision is a 412 conflict');
    assert.equal(stale.json.code, 'conflict');
  });

  test("people's records are validated with core's schemas; errors are JSON { code, message, path }", async () => {
    const noTitle = await call('PUT', '/collections/goals/records/bad', {
      headers: as(LUCIA),
      body: { id: 'bad', pairingId: 'pairing-lucia', ownerId: LUCIA },
    });
    assert.equal(noTitle.status, 400);
    assert.equal(noTitle.json.code, 'invalid-input');
    assert.equal(noTitle.json.path, 'goals.title');
    const session = parseOrThrow(
      SessionInputSchema,
      { id: 's1', pairingId: 'pairing-lucia', title: 'Kick-off', start: '2026-10-01T09:00:00Z', end: '2026-10-01T10:00:00Z', timeZone: 'Europe/Madrid' },
      'session',
    );
    const hostileLink = await call('PUT', '/collections/sessions/records/s1', { headers: as(LUCIA), body: { ...session, meetingUrl: 'javascript:alert(1)' } });
    assert.equal(hostileLink.status, 400);
    assert.equal(hostileLink.json.path, 'sessions.meetingUrl');
    assert.equal((await call('PUT', '/collections/sessions/records/s1', { headers: as(LUCIA), body: session })).status, 201);
    const mismatch = await call('PUT', '/collections/sessions/records/s2', { headers: as(LUCIA), body: session });
    assert.equal(mismatch.json.path, 'record.id');
    assert.equal((await call('PUT', '/collections/sessions/records/s3', { headers: as(LUCIA), body: '{not json' })).status, 400);
    assert.equal((await call('PUT', '/collections/Bad_Name/records/x', { headers: as(LUCIA), body: { id: 'x' } })).json.path, 'collection');
    assert.equal(
      (await call('GET', '/collections/goals/records?owner=ana', { headers: as(LUCIA) })).json.path,
      'where.owner',
      'filter values are JSON: strings are quoted',
    );
    assert.equal(
      (await call('PUT', '/collections/goals/records/goal-lucia', { headers: { ...as(LUCIA), 'if-match': 'W/"1"' }, body: {} })).json.path,
      'If-Match',
    );
  });

  test('requests without a valid sign-in get 401; unknown routes and methods get JSON errors', async () => {
    const anonymous = await call('GET', '/collections/goals/records');
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.json.code, 'forbidden');
    assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer realm="mentorkit"', 'no credentials: a challenge without an error code');
    assert.equal((await call('GET', '/collections/goals/records', { headers: { authorization: 'Bearer dev:' } })).status, 401);
    assert.equal((await call('GET', '/collections/goals/records', { headers: { authorization: 'Bearer wrong-service-token' } })).status, 401);
    assert.equal((await call('GET', '/nowhere', { headers: as(LUCIA) })).json.code, 'not-found');
    const post = await call('POST', '/collections/goals/records/x', { headers: as(LUCIA), body: {} });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, PUT, DELETE');
    assert.equal((await call('GET', '/health')).json.ok, true);
    const preflight = await fetch(`${backend.url}/collections/goals/records/x`, { method: 'OPTIONS' });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /If-Match/);
  });

  test('a repeated write with the same Idempotency-Key is applied once and answered with the first result', async () => {
    const headers = { ...asService, 'idempotency-key': 'key-1', 'if-none-match': '*' };
    const first = await call('PUT', '/collections/notes/records/n1', { headers, body: { id: 'n1', text: 'once' } });
    const second = await call('PUT', '/collections/notes/records/n1', { headers, body: { id: 'n1', text: 'once' } });
    assert.equal(first.status, 201);
    assert.equal(second.status, 201, 'the replay is answered with the first status, not 412');
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(second.json, first.json);
    assert.equal((await stored('notes', 'n1'))?.revision, 1);
    const reused = await call('PUT', '/collections/notes/records/n2', { headers, body: { id: 'n2' } });
    assert.equal(reused.status, 422, 'a key reused for another write is refused');
  });

  test('the change stream carries only what the person may read', async () => {
    const lucia = restAs(LUCIA);
    const seen: StorageChange[] = [];
    lucia.watch((change) => seen.push(change));
    await lucia.watching();
    const database = createRestStorage({ baseUrl: backend.url, headers: asService, watch: false });
    adapters.push(database);
    const daniels = await database.get('goals', 'goal-daniel');
    await database.put('goals', { ...daniels!, title: "Daniel's private business" });
    const hers = await database.get('goals', 'goal-lucia');
    await database.put('goals', { ...hers!, title: 'Seen by Lucia' });
    const deadline = Date.now() + 3000;
    while (!seen.some((change) => change.id === 'goal-lucia') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(
      seen.map((change) => `${change.collection}/${change.id}`),
      ['goals/goal-lucia'],
    );
    assert.equal(seen[0]?.record?.title, 'Seen by Lucia');
  });

  test('attachments are read through the records that reference them: the uploader, and whoever may read a message its uploader wrote with it', async () => {
    const lucia = restAs(LUCIA);
    await lucia.putBlob!('voice-lucia-1', new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/webm' }));
    assert.equal(
      await restAs(KENJI).getBlob!('voice-lucia-1'),
      undefined,
      "an attachment no message references yet is the uploader's alone, even for her mentor",
    );
    const message = {
      id: 'message-voice-1',
      pairingId: 'pairing-lucia',
      authorId: LUCIA,
      kind: 'voice',
      voice: { blobId: 'voice-lucia-1', durationSeconds: 3, contentType: 'audio/webm' },
      sentAt: new Date().toISOString(),
    };
    assert.equal((await call('PUT', '/collections/messages/records/message-voice-1', { headers: as(LUCIA), body: message })).status, 201);
    const kenjiCopy = await restAs(KENJI).getBlob!('voice-lucia-1');
    assert.deepEqual([...new Uint8Array(await kenjiCopy!.arrayBuffer())], [1, 2, 3], 'her mentor reads it through her message');
    assert.equal(kenjiCopy!.type, 'audio/webm');
    assert.equal(await restAs(PRIYA).getBlob!('voice-lucia-1'), undefined, 'admins do not read conversations, so not their audio either');
    assert.equal(await restAs(DANIEL).getBlob!('voice-lucia-1'), undefined, 'someone from another pair gets "not found"');

    // Referencing someone else's audio from a record of one's own grants nothing.
    const planted = { ...message, id: 'message-planted', pairingId: 'pairing-daniel', authorId: DANIEL };
    assert.equal((await call('PUT', '/collections/messages/records/message-planted', { headers: as(DANIEL), body: planted })).status, 201);
    assert.equal(await restAs(DANIEL).getBlob!('voice-lucia-1'), undefined, "a message of Daniel's naming Lucía's audio does not open it");

    await assert.rejects(
      () => restAs(DANIEL).putBlob!('voice-lucia-1', new Blob(['overwrite'])),
      (error: unknown) => (error as { code?: string }).code === 'conflict',
      'the id is taken (412), as for any id someone else stored',
    );
    assert.equal(await restAs(DANIEL).deleteBlob!('voice-lucia-1'), false);
    await assert.rejects(
      () => restAs(KENJI).deleteBlob!('voice-lucia-1'),
      (error: unknown) => (error as { code?: string }).code === 'forbidden',
      'a reader is not the uploader',
    );
    assert.equal(await lucia.deleteBlob!('voice-lucia-1'), true);
  });

  test("a MentorKit client on the REST adapter shows each person only their own pairings, and pairing commands pass the server's policy", async () => {
    const luciaKit = createMentorKit({ storage: restAs(LUCIA), user: LUCIA });
    await luciaKit.ready;
    assert.deepEqual(
      luciaKit.$myPairings.get().map((pairing) => pairing.id),
      ['pairing-lucia'],
    );
    assert.ok(!luciaKit.$pairings.get().some((pairing) => pairing.id === 'pairing-daniel'));
    assert.equal(luciaKit.$me.get()?.displayName, 'Lucía Fernández');

    const kenjiKit = createMentorKit({ storage: restAs(KENJI), user: KENJI });
    await kenjiKit.ready;
    const paused = await kenjiKit.pairings.setStatus('pairing-daniel', 'paused');
    assert.equal(paused.status, 'paused');
    assert.equal((await stored('pairings', 'pairing-daniel'))?.updatedBy, KENJI);

    const adminKit = createMentorKit({ storage: restAs(PRIYA), user: PRIYA });
    await adminKit.ready;
    assert.equal(adminKit.$pairings.get().length, 15);
    await Promise.all([luciaKit.dispose(), kenjiKit.dispose(), adminKit.dispose()]);
  });

  test('migrations run once: starting again applies nothing', async () => {
    assert.deepEqual(await migrate(backend.pool), []);
    const { rows } = await backend.pool.query<{ version: number }>('SELECT version FROM mk_schema_migrations ORDER BY version');
    assert.deepEqual(
      rows.map((row) => row.version),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
    );
    assert.deepEqual(
      MIGRATIONS.map((migration) => migration.version),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
      'numbered in order, none skipped',
    );
  });
});
