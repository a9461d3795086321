// Two instances of the server on one PostgreSQL (issue 15, "any number of instances"): a change
// stream connected to one hears what the other writes — each reader only what the policy lets them
// read, once, deletes included — and streams are told to resync when the connection that hears the
// other instance is lost, then hear it again.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { seedDemoProgram } from '../src/demo-program.js';
import { createMentorKitServer, type MentorKitServer } from '../src/server.js';
import { createPostgresStorage } from '../src/store.js';
import { as, eventually, JWT_SECRET, openChangeStream, SERVICE_TOKEN, skipReason, startTestBackend, type TestBackend } from './support.js';

const skip = skipReason();
const LUCIA = 'lucia-fernandez'; // mentee of pairing-lucia (mentors kenji-watanabe, arjun-shrestha)
const KENJI = 'kenji-watanabe';
const DANIEL = 'daniel-kim'; // another pair's mentee

describe('two instances on one database', { skip: skip ?? false, timeout: 3 * 60_000 }, () => {
  let first: TestBackend;
  let second: MentorKitServer;
  let secondUrl: string;
  let secondPool: pg.Pool;
  const controller = new AbortController();

  before(async () => {
    first = await startTestBackend();
    secondPool = new pg.Pool({ connectionString: first.postgres.connectionString, max: 6 });
    second = createMentorKitServer({ pool: secondPool, jwtSecret: JWT_SECRET, serviceToken: SERVICE_TOKEN });
    secondUrl = await second.listen(0);
    await seedDemoProgram(createPostgresStorage(first.pool));
  });
  after(async () => {
    controller.abort();
    await second?.close();
    await secondPool?.end().catch(() => undefined);
    await first?.close();
  });

  /** Opens a change stream on `base`; `events` collects what arrives (`id` or `-id` for a delete, `resync`). */
  const open = async (base: string, personId: string) => {
    const events: string[] = [];
    await openChangeStream(base, as(personId), controller.signal, ({ name, data }) => {
      if (name === 'change' && data) {
        const change = JSON.parse(data) as { id: string; record?: { revision: number } };
        events.push(change.record ? `${change.id}@${change.record.revision}` : `-${change.id}`);
      } else if (name === 'resync') events.push('resync');
    });
    return events;
  };

  const put = (base: string, personId: string, path: string, body: unknown, revision?: number) =>
    fetch(`${base}${path}`, {
      method: 'PUT',
      headers: { ...as(personId), 'Content-Type': 'application/json', ...(revision !== undefined ? { 'If-Match': `"${revision}"` } : {}) },
      body: JSON.stringify(body),
    });

  test("a stream on one instance hears the other instance's writes live, under the reader's policy, once; deletes too", async () => {
    const lucia = await open(first.url, LUCIA);
    const daniel = await open(first.url, DANIEL);
    const kenjiOnSecond = await open(secondUrl, KENJI);
    const session = {
      id: 'session-two-instances',
      pairingId: 'pairing-lucia',
      title: 'Across instances',
      start: '2026-12-07T09:00:00.000Z',
      end: '2026-12-07T10:00:00.000Z',
      timeZone: 'Europe/Madrid',
      organizerId: KENJI,
    };
    const created = await put(secondUrl, KENJI, `/collections/sessions/records/${session.id}`, session);
    assert.equal(created.status, 201, await created.text());
    await eventually(
      () => lucia,
      (events) => events.includes(`${session.id}@1`),
      "Lucía (on the first instance) hears Kenji's session written on the second",
    );
    await eventually(
      () => kenjiOnSecond,
      (events) => events.includes(`${session.id}@1`),
      'Kenji hears it on his own instance',
    );

    // Lucía changes it on the first instance: Kenji, on the second, hears it.
    const changed = await put(first.url, LUCIA, `/collections/sessions/records/${session.id}`, { ...session, title: 'Moved' }, 1);
    assert.equal(changed.status, 200, await changed.text());
    await eventually(
      () => kenjiOnSecond,
      (events) => events.includes(`${session.id}@2`),
      "Kenji hears Lucía's change",
    );

    const removed = await fetch(`${secondUrl}/collections/sessions/records/${session.id}`, { method: 'DELETE', headers: as(KENJI) });
    assert.equal(removed.status, 200, await removed.text());
    await eventually(
      () => lucia,
      (events) => events.includes(`-${session.id}`),
      'Lucía hears the delete made on the other instance',
    );

    // Each change reached each stream once (no echo of an instance's own announcement), and Daniel, of another pair, heard none.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(
      lucia.filter((event) => event.includes(session.id)),
      [`${session.id}@1`, `${session.id}@2`, `-${session.id}`],
    );
    assert.deepEqual(
      kenjiOnSecond.filter((event) => event.includes(session.id)),
      [`${session.id}@1`, `${session.id}@2`, `-${session.id}`],
    );
    assert.deepEqual(
      daniel.filter((event) => event.includes(session.id)),
      [],
    );
  });

  test('the access rules see a change to pairings at once, on every instance, whoever made it (the server caches them by version)', async () => {
    const storage = createPostgresStorage(first.pool);
    const session = {
      id: 'session-policy-cache',
      pairingId: 'pairing-lucia',
      title: 'Cached rules',
      start: '2026-12-09T09:00:00.000Z',
      end: '2026-12-09T10:00:00.000Z',
      timeZone: 'Europe/Madrid',
      organizerId: KENJI,
    };
    assert.equal((await put(first.url, KENJI, `/collections/sessions/records/${session.id}`, session)).status, 201);
    const read = (base: string) => fetch(`${base}/collections/sessions/records/${session.id}`, { headers: as(DANIEL) }).then((response) => response.status);
    assert.deepEqual([await read(first.url), await read(secondUrl)], [404, 404], 'Daniel is not in the pairing');
    // Written straight into the database (not through either instance): both see it at the next request.
    const pairing = (await storage.get('pairings', 'pairing-lucia'))!;
    await storage.put('pairings', { ...pairing, mentorIds: [...(pairing.mentorIds as string[]), DANIEL] }, { expectedRevision: pairing.revision });
    assert.deepEqual([await read(first.url), await read(secondUrl)], [200, 200], 'now he is');
    const widened = (await storage.get('pairings', 'pairing-lucia'))!;
    await storage.put('pairings', { ...widened, mentorIds: pairing.mentorIds }, { expectedRevision: widened.revision });
    assert.deepEqual([await read(first.url), await read(secondUrl)], [404, 404], 'and no longer');
  });

  test('when the connection that hears the other instance is lost, streams resync; then they hear it again', async () => {
    const lucia = await open(first.url, LUCIA);
    await first.pool.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN mentorkit_changes' AND pid <> pg_backend_pid()");
    await eventually(
      () => lucia,
      (events) => events.includes('resync'),
      'the stream is told to re-read',
    );
    await eventually(
      () => first.logs.join('\n') + second.stats().changeStreams,
      (text) => /hearing other instances' changes again/.test(text),
      'the first instance listens again',
      20_000,
    );
    const again = await open(first.url, LUCIA);
    const session = {
      id: 'session-after-loss',
      pairingId: 'pairing-lucia',
      title: 'After the loss',
      start: '2026-12-08T09:00:00.000Z',
      end: '2026-12-08T10:00:00.000Z',
      timeZone: 'Europe/Madrid',
      organizerId: KENJI,
    };
    assert.equal((await put(secondUrl, KENJI, `/collections/sessions/records/${session.id}`, session)).status, 201);
    await eventually(
      () => again,
      (events) => events.includes(`${session.id}@1`),
      'a new stream hears the other instance again',
    );
  });
});
