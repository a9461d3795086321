// Reliability of the REST adapter against the real reference backend on PostgreSQL: cutting the HTTP
// server and the database mid-session, replay order, conflicts on replay, a persisted queue, and
// which requests are retried (reads; writes only when a repeat cannot apply them twice).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isMentorKitError, type StorageChange } from '@mentorkit/core';
import type { RestStorageOptions, PendingWrite, QueuePersistence, ReplayFailure } from '@mentorkit/storage-rest';
import { skipReason } from '../../server/test/support.js';
import { useRestBackend } from './support.js';

const skip = skipReason();

/** A persistence hook that keeps every saved queue, like localStorage would. */
function memoryPersistence(): QueuePersistence & { saved: PendingWrite[][]; current: PendingWrite[] } {
  const persistence = {
    saved: [] as PendingWrite[][],
    current: [] as PendingWrite[],
    load: () => persistence.current,
    save(writes: readonly PendingWrite[]) {
      persistence.current = JSON.parse(JSON.stringify(writes)) as PendingWrite[];
      persistence.saved.push(persistence.current);
    },
  };
  return persistence;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('REST storage: offline queue and retries against the reference backend', { skip: skip ?? false }, () => {
  const rest = useRestBackend();
  const open = (options: Partial<RestStorageOptions> = {}) => rest.open(options);
  const database = () => rest.database();

  test('cutting the HTTP server mid-session: writes are queued, answered at once, replayed in order when it is back; nothing is lost', async () => {
    const persistence = memoryPersistence();
    // Every request the adapter sends, by the write it carries (its Idempotency-Key).
    const sent: Array<{ key: string | undefined }> = [];
    const recordingFetch: typeof fetch = (input, init) => {
      sent.push({ key: (init?.headers as Record<string, string> | undefined)?.['Idempotency-Key'] });
      return fetch(input, init);
    };
    const storage = open({ fetch: recordingFetch, offlineQueue: { persistence, retryDelayMs: 30, maxRetryDelayMs: 100 } });
    const changes: StorageChange[] = [];
    storage.watch((change) => changes.push(change));
    await storage.put('goals', { id: 'g1', title: 'v1' }, { expectedRevision: null });
    await storage.put('goals', { id: 'old', title: 'to delete' }, { expectedRevision: null });

    await rest.backend.stopHttp();
    sent.length = 0;
    // "Answered at once instead of waiting for the server" is checked by what it means, not by a
    // duration: the writes are answered while the server is still down (the wait only fails after 20 s,
    // for a write that hangs), the first one after its own tries (retry.attempts is 2 here) and the
    // ones after it from the queue, without a request of their own.
    const offlineWrites = (async () => {
      const v2 = await storage.put('goals', { id: 'g1', title: 'v2' }, { expectedRevision: 1 });
      const triesOfTheFirst = sent.length;
      const created = await storage.put('goals', { id: 'g2', title: 'made offline' }, { expectedRevision: null });
      const v3 = await storage.put('goals', { id: 'g1', title: 'v3' }, { expectedRevision: 2 });
      const deleted = await storage.delete('goals', 'old', { expectedRevision: 1 });
      const unconditional = await storage.put('notes', { id: 'n1', body: 'written while offline, never sent yet' });
      return { v2, created, v3, deleted, unconditional, triesOfTheFirst };
    })();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const { v2, created, v3, deleted, unconditional, triesOfTheFirst } = await Promise.race([
      offlineWrites,
      new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new Error('the offline writes were not answered while the server was down')), 20_000)),
      ),
    ]).finally(() => clearTimeout(timer));
    assert.ok(
      triesOfTheFirst >= 1 && triesOfTheFirst <= 2,
      `the first offline write was queued after its own tries (retry.attempts 2), not more: ${triesOfTheFirst}`,
    );
    const firstKey = storage.pendingWrites()[0]!.key;
    assert.deepEqual(
      sent.filter((request) => request.key !== firstKey),
      [],
      'the writes after it were answered from the queue, without sending anything (only the head of the queue is retried)',
    );
    assert.equal(storage.online, false);
    assert.deepEqual(
      [v2.revision, created.revision, v3.revision, deleted, unconditional.revision],
      [2, 1, 3, true, 1],
      'optimistic answers predict the revisions',
    );
    assert.deepEqual(
      storage.pendingWrites().map((write) => `${write.kind} ${write.collection}/${write.id}@${write.expectedRevision}`),
      ['put goals/g1@1', 'put goals/g2@null', 'put goals/g1@2', 'delete goals/old@1', 'put notes/n1@undefined'],
      'the queue keeps the writes in the order they were made',
    );
    assert.equal(persistence.current.length, 5, 'every queued write is persisted before its promise resolves');
    assert.deepEqual(
      changes.slice(-5).map((change) => `${change.id}@${change.record?.revision ?? 'deleted'}`),
      ['g1@2', 'g2@1', 'g1@3', 'old@deleted', 'n1@1'],
      'watchers see the optimistic changes',
    );
    assert.equal((await database().get('goals', 'g1'))?.title, 'v1', 'nothing reached the server yet');

    await rest.backend.startHttp();
    const result = await storage.flush();
    assert.deepEqual(result, { sent: 5, failed: 0, remaining: 0 });
    assert.equal(storage.online, true);
    assert.deepEqual(persistence.current, [], 'the persisted queue is emptied as writes are confirmed');
    const stored = database();
    const g1 = await stored.get('goals', 'g1');
    assert.equal(g1?.title, 'v3', 'v2 then v3 were applied, in that order (v3 was conditional on v2)');
    assert.equal(g1?.revision, 3);
    assert.equal((await stored.get('goals', 'g2'))?.title, 'made offline');
    assert.equal(await stored.get('goals', 'old'), undefined);
    assert.equal((await stored.get('notes', 'n1'))?.body, 'written while offline, never sent yet');
    assert.deepEqual(storage.failedWrites(), []);
    const confirmed = changes.slice(-4).map((change) => `${change.id}@${change.record?.revision ?? 'deleted'}`);
    assert.deepEqual(confirmed, ['g1@2', 'g2@1', 'g1@3', 'n1@1'], "watchers get the server's records once confirmed");
  });

  test("a queued write that conflicts on replay is reported and never applied over the other person's change; later writes to that record are held back, other records go through", async () => {
    const failures: ReplayFailure[] = [];
    const storage = open({ offlineQueue: { retryDelayMs: 30, onReplayFailure: (failure) => failures.push(failure) } });
    const changes: StorageChange[] = [];
    storage.watch((change) => changes.push(change));
    await storage.put('goals', { id: 'g1', title: 'v1' }, { expectedRevision: null });
    await rest.backend.stopHttp();
    await storage.put('goals', { id: 'g1', title: 'mine, offline' }, { expectedRevision: 1 });
    await storage.put('goals', { id: 'g1', title: 'mine again, offline' }, { expectedRevision: 2 });
    await storage.put('goals', { id: 'g2', title: 'unrelated' }, { expectedRevision: null });
    // Meanwhile someone else changes g1 (straight in the database: the HTTP server is down for us).
    const theirs = await database().put('goals', { id: 'g1', title: 'theirs' }, { expectedRevision: 1 });

    await rest.backend.startHttp();
    const result = await storage.flush();
    assert.deepEqual(result, { sent: 1, failed: 2, remaining: 0 });
    assert.deepEqual(
      failures.map((failure) => [failure.write.record?.title, failure.error.code]),
      [
        ['mine, offline', 'conflict'],
        ['mine again, offline', 'conflict'],
      ],
    );
    assert.deepEqual(
      storage.failedWrites().map((failure) => failure.write.key),
      failures.map((failure) => failure.write.key),
    );
    const g1 = await database().get('goals', 'g1');
    assert.deepEqual(g1, theirs, "the other person's change survives: the second queued write (based on revision 2) must not land on their revision 2");
    assert.equal((await database().get('goals', 'g2'))?.title, 'unrelated');
    await waitFor(() => changes.some((change) => change.id === 'g1' && change.record?.title === 'theirs'), "a watch event that puts the server's g1 back");
  });

  test('the queue survives a reload: a new adapter with the same persistence replays what the old one queued', async () => {
    const persistence = memoryPersistence();
    const first = open({ offlineQueue: { persistence, retryDelayMs: 30 } });
    await rest.backend.stopHttp();
    await first.put('goals', { id: 'g1', title: 'queued before the reload' }, { expectedRevision: null });
    await first.put('goals', { id: 'g1', title: 'edited before the reload' }, { expectedRevision: 1 });
    await first.dispose?.();
    assert.equal(persistence.current.length, 2);

    await rest.backend.startHttp();
    const second = open({ offlineQueue: { persistence, retryDelayMs: 30 } });
    await waitFor(() => second.pendingWrites().length === 0 && persistence.current.length === 0, 'the reloaded queue to drain by itself');
    const g1 = await database().get('goals', 'g1');
    assert.equal(g1?.title, 'edited before the reload');
    assert.equal(g1?.revision, 2);
  });

  test('cutting PostgreSQL: the backend answers 503 (nothing applied), writes are queued and replayed once the database is back', async () => {
    const storage = open({ offlineQueue: { retryDelayMs: 50 } });
    await storage.put('goals', { id: 'g1', title: 'v1' }, { expectedRevision: null });
    await rest.backend.postgres.pause();
    try {
      const optimistic = await storage.put('goals', { id: 'g1', title: 'while the database was down' }, { expectedRevision: 1 });
      assert.equal(optimistic.revision, 2);
      await storage.put('goals', { id: 'g3', title: 'unconditional, but the server said nothing was applied' });
      assert.equal(storage.pendingWrites().length, 2);
      await assert.rejects(
        () => open().query('goals'),
        (error: unknown) => isMentorKitError(error, 'storage-error'),
        'a read while the database is down fails with storage-error after its retries',
      );
    } finally {
      await rest.backend.postgres.resume();
    }
    const result = await storage.flush();
    assert.deepEqual(result, { sent: 2, failed: 0, remaining: 0 });
    assert.equal((await database().get('goals', 'g1'))?.title, 'while the database was down');
    assert.equal((await database().get('goals', 'g3'))?.revision, 1);
  });

  test('without the queue, an unreachable server is a storage-error and nothing is queued', async () => {
    const storage = open();
    await rest.backend.stopHttp();
    await assert.rejects(
      () => storage.put('goals', { id: 'g1' }, { expectedRevision: null }),
      (error: unknown) => isMentorKitError(error, 'storage-error') && /Cannot reach/.test((error as Error).message),
    );
    await assert.rejects(
      () => storage.get('goals', 'g1'),
      (error: unknown) => isMentorKitError(error, 'storage-error'),
    );
    assert.deepEqual(storage.pendingWrites(), []);
  });

  /** A fetch that delivers the request to the real server but loses the answer the first `times` times. */
  const losingAnswers = (times: number, methods: string[]) => {
    const calls: Array<{ method: string; key: string | null }> = [];
    let lost = 0;
    const flaky: typeof fetch = async (input, init) => {
      const method = init?.method ?? 'GET';
      const headers = new Headers(init?.headers);
      calls.push({ method, key: headers.get('idempotency-key') });
      const response = await fetch(input, init);
      if (methods.includes(method) && lost < times) {
        lost++;
        await response.body?.cancel();
        throw new TypeError('fetch failed: the connection dropped after the request was sent');
      }
      return response;
    };
    return { flaky, calls };
  };

  test('a conditional write whose answer was lost is retried with the same Idempotency-Key, and the server applies it once', async () => {
    const { flaky, calls } = losingAnswers(1, ['PUT']);
    const storage = open({ fetch: flaky });
    const stored = await storage.put('goals', { id: 'g1', title: 'once' }, { expectedRevision: null });
    assert.equal(stored.revision, 1, 'the retry is answered with the first result, not a conflict and not revision 2');
    const puts = calls.filter((call) => call.method === 'PUT');
    assert.equal(puts.length, 2);
    assert.equal(puts[0]!.key, puts[1]!.key, 'both tries carry the same Idempotency-Key');
    assert.equal((await database().get('goals', 'g1'))?.revision, 1);
  });

  test('an unconditional write whose answer was lost is never retried: storage-error says it may have been applied', async () => {
    const { flaky, calls } = losingAnswers(1, ['PUT']);
    const storage = open({ fetch: flaky, offlineQueue: true });
    await assert.rejects(
      () => storage.put('goals', { id: 'g1', title: 'blind?' }),
      (error: unknown) => isMentorKitError(error, 'storage-error') && (error as { details: { mayHaveApplied?: boolean } }).details.mayHaveApplied === true,
    );
    assert.equal(calls.filter((call) => call.method === 'PUT').length, 1, 'sent once, not repeated');
    assert.deepEqual(storage.pendingWrites(), [], 'and not queued for a blind repeat either');
    assert.equal((await database().get('goals', 'g1'))?.revision, 1, 'the server did apply it, exactly once');
  });

  test('reads are retried after lost answers; a conflict (412) is surfaced at once and never retried', async () => {
    const { flaky, calls } = losingAnswers(1, ['GET']);
    const storage = open({ fetch: flaky });
    await database().put('goals', { id: 'g1', title: 'v1' });
    assert.equal((await storage.get('goals', 'g1'))?.title, 'v1');
    assert.equal(calls.filter((call) => call.method === 'GET').length, 2);
    calls.length = 0;
    await assert.rejects(
      () => storage.put('goals', { id: 'g1', title: 'stale' }, { expectedRevision: 7 }),
      (error: unknown) => isMentorKitError(error, 'conflict') && /expected revision 7, found 1/.test((error as Error).message),
    );
    assert.equal(calls.length, 1, 'a conflict is an answer, not a failure to retry');
  });

  test('changes missed while the change stream was down are reported when it reconnects (and only those)', async () => {
    await database().put('goals', { id: 'changed', title: 'v1' });
    await database().put('goals', { id: 'gone', title: 'to delete' });
    await database().put('goals', { id: 'same', title: 'untouched' });
    const watcher = open({ watch: true });
    const changes: StorageChange[] = [];
    watcher.watch((change) => changes.push(change));
    await watcher.watching();
    assert.equal((await watcher.query('goals')).length, 3);

    // While the stream is cut, the data changes behind its back (straight in PostgreSQL: no event).
    await rest.backend.stopHttp();
    await database().put('goals', { id: 'changed', title: 'v2' });
    await database().put('goals', { id: 'new', title: 'made meanwhile' });
    await database().delete('goals', 'gone');
    await rest.backend.startHttp();

    await waitFor(() => changes.length >= 3, 'the catch-up after the reconnect', 15_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const seen = changes.map((change) => `${change.id}@${change.record ? `${change.record.revision}:${String(change.record.title)}` : 'deleted'}`).sort();
    assert.deepEqual(seen, ['changed@2:v2', 'gone@deleted', 'new@1:made meanwhile'], 'the untouched record is not reported again');
  });
});
