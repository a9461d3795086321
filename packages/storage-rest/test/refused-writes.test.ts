// Writes the reference backend (real PostgreSQL) refuses for good must never block the offline queue:
// a message whose edit history outgrows the server's body limit, a string with a lone surrogate, a
// person's write the policy forbids. Each refused write lands in failedWrites() with its reason,
// watchFailures is told once, watchers get the server's record back, and the writes after it go on.
// A token that expired, by contrast, is refreshed once and is not a refusal.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { describe, test } from 'node:test';
import { isMentorKitError, type MentorKitError, type StorageChange, type StorageWriteFailure, type StoredRecord } from '@mentorkit/core';
import type { RestStorageOptions, PendingWrite, QueuePersistence, RestStorage } from '@mentorkit/storage-rest';
import { as, signToken, skipReason } from '../../server/test/support.js';
import { useRestBackend } from './support.js';

const skip = skipReason();

/** The reference server's default body limit (and the adapter's default `maxRecordBytes`). */
const SERVER_LIMIT = 1_000_000;

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000, state?: () => string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}${state ? ` (${state()})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What the queue is stuck on, for a timeout's message. */
function queueState(storage: RestStorage): string {
  const pending = storage.pendingWrites();
  const head = pending[0];
  return `${pending.length} pending${head ? `, first ${head.kind} ${head.collection}/${head.id} (${jsonBytes(head.record ?? null)} bytes, ${head.serverErrors ?? 0} server errors)` : ''}; online: ${storage.online}`;
}

/** 10,000 characters of CJK text (3 bytes each in UTF-8), different for each `version`. */
function cjkText(version: number): string {
  const characters = '日本語中文한국어漢字學習指導';
  let text = `第${version}版 `;
  for (let index = 0; text.length < 10_000; index++) text += characters[(index + version) % characters.length];
  return text.slice(0, 10_000);
}

interface MessageRecord {
  id: string;
  pairingId: string;
  authorId: string;
  kind: 'text';
  text: string;
  history: Array<{ action: 'edited'; at: string; by: string; previousText: string }>;
  [key: string]: unknown;
}

/** The message after one more edit: the new text, the old one kept in its history (as the client's edit command does). */
function edited(message: MessageRecord, version: number): MessageRecord {
  return {
    ...message,
    text: cjkText(version),
    history: [...message.history, { action: 'edited', at: new Date(Date.UTC(2026, 0, 1, 0, version)).toISOString(), by: 'ana', previousText: message.text }],
  };
}

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** A persistence hook holding a queue, like localStorage would. */
function memoryPersistence(initial: PendingWrite[] = []): QueuePersistence & { current: PendingWrite[] } {
  const persistence = {
    current: initial,
    load: () => persistence.current,
    save(writes: readonly PendingWrite[]) {
      persistence.current = JSON.parse(JSON.stringify(writes)) as PendingWrite[];
    },
  };
  return persistence;
}

describe('REST storage: writes the server refuses for good never block the queue', { skip: skip ?? false }, () => {
  const rest = useRestBackend();
  const open = (options: Partial<RestStorageOptions> = {}) => rest.open(options);
  const database = () => rest.database();

  /** Writes a message, then edits it offline until its body passes the server's limit; returns the edits' results. */
  const editUntilOverLimit = async (storage: RestStorage) => {
    let message: MessageRecord = { id: 'm1', pairingId: 'p1', authorId: 'ana', kind: 'text', text: cjkText(0), history: [] };
    let stored = await storage.put('messages', message, { expectedRevision: null });
    await rest.backend.stopHttp();
    const editsUnderLimit: number[] = [];
    for (let version = 1; ; version++) {
      const next = edited(message, version);
      if (jsonBytes(next) > SERVER_LIMIT) return { message, next, stored, editsUnderLimit };
      stored = await storage.put('messages', next, { expectedRevision: stored.revision });
      message = next;
      editsUnderLimit.push(stored.revision);
    }
  };

  test("a CJK message edited until its history passes the server's body limit: that edit fails as invalid-input, the write after it reaches the server, watchFailures is told once", async () => {
    // This client believes the server takes 8 MB; the server's real limit is 1 MB (it answers 413), so only the
    // queue-level rule can stop the edit from blocking everything after it.
    const storage = open({ maxRecordBytes: 8_000_000, offlineQueue: { retryDelayMs: 30, maxRetryDelayMs: 100 } });
    const told: StorageWriteFailure[] = [];
    storage.watchFailures((failure) => told.push(failure));
    const changes: StorageChange[] = [];
    storage.watch((change) => changes.push(change));

    const { next, editsUnderLimit } = await editUntilOverLimit(storage);
    assert.equal(editsUnderLimit.length, 32, 'a 10,000-character CJK message passes 1 MB on its 33rd edit');
    const optimistic = await storage.put('messages', next, { expectedRevision: 33 });
    assert.equal(optimistic.revision, 34, 'queued and answered optimistically');
    await storage.put(
      'messages',
      { id: 'm2', pairingId: 'p1', authorId: 'ana', kind: 'text', text: 'sent after the big edit', history: [] },
      { expectedRevision: null },
    );
    assert.equal(storage.pendingWrites().length, 34);

    await rest.backend.startHttp();
    await waitFor(
      () => storage.pendingWrites().length === 0,
      'the queue to drain past the refused edit',
      30_000,
      () => queueState(storage),
    );
    assert.equal(told.length, 1, 'watchFailures is told once, about the edit over the limit');
    const [failure] = storage.failedWrites();
    assert.ok(failure);
    assert.equal(failure, told[0]);
    assert.deepEqual(
      [failure.collection, failure.id, failure.kind, failure.record?.history && (failure.record.history as unknown[]).length],
      ['messages', 'm1', 'put', 33],
    );
    assert.equal(typeof failure.queuedAt, 'string');
    assert.ok(isMentorKitError(failure.error, 'invalid-input'), `invalid-input expected, got ${failure.error.code}: ${failure.error.message}`);
    assert.equal(failure.error.details.status, 413);
    const stored = database();
    assert.equal((await stored.get('messages', 'm2'))?.text, 'sent after the big edit', 'the write queued after the refused one reached the server');
    const m1 = (await stored.get('messages', 'm1')) as StoredRecord | undefined;
    assert.equal(m1?.revision, 33, 'the 32 edits under the limit were applied');
    // Watchers saw the optimistic revision 34; after the refusal the adapter reads m1 again and reports the server's
    // revision 33 (once as the last edit's confirmation, once more as the correction).
    const m1Revisions = () => changes.filter((change) => change.id === 'm1').map((change) => change.record?.revision);
    const afterOptimistic = () => m1Revisions().slice(m1Revisions().indexOf(34) + 1);
    await waitFor(
      () => afterOptimistic().filter((revision) => revision === 33).length === 2,
      "watchers to get the server's m1 back (the optimistic edit undone)",
      5000,
      () => `m1 revisions seen: ${m1Revisions().join(' ')}`,
    );
    assert.equal(changes.filter((change) => change.id === 'm1').at(-1)?.record?.revision, 33);
  });

  test('with the default maxRecordBytes, the edit that passes the limit is refused at once (invalid-input naming the size and the limit) and is never queued', async () => {
    const storage = open({ offlineQueue: { retryDelayMs: 30, maxRetryDelayMs: 100 } });
    const { next, editsUnderLimit } = await editUntilOverLimit(storage);
    const bytes = jsonBytes(next);
    await assert.rejects(
      () => storage.put('messages', next, { expectedRevision: editsUnderLimit.at(-1)! }),
      (error: unknown) => {
        assert.ok(isMentorKitError(error, 'invalid-input'));
        const refusal = error as MentorKitError;
        assert.match(refusal.message, new RegExp(`messages/m1 is ${bytes} bytes .* ${SERVER_LIMIT}-byte limit`));
        assert.deepEqual([refusal.path, refusal.details.bytes, refusal.details.maxRecordBytes], ['record', bytes, SERVER_LIMIT]);
        return true;
      },
    );
    assert.equal(storage.pendingWrites().length, 32, 'the refused edit was not queued');
    await storage.put('messages', { id: 'm2', pairingId: 'p1', authorId: 'ana', kind: 'text', text: 'after', history: [] }, { expectedRevision: null });
    await rest.backend.startHttp();
    assert.deepEqual(await storage.flush(), { sent: 33, failed: 0, remaining: 0 });
    assert.equal((await database().get('messages', 'm2'))?.text, 'after');
  });

  test('an oversize write already in a persisted queue (from an older client) is failed as invalid-input when sending it fails, not retried forever', async () => {
    await database().put('messages', { id: 'm1', pairingId: 'p1', authorId: 'ana', kind: 'text', text: cjkText(0), history: [] });
    let message: MessageRecord = { id: 'm1', pairingId: 'p1', authorId: 'ana', kind: 'text', text: cjkText(0), history: [] };
    for (let version = 1; version <= 33; version++) message = edited(message, version);
    assert.ok(jsonBytes(message) > SERVER_LIMIT);
    const persistence = memoryPersistence([
      { key: 'older-client-1', kind: 'put', collection: 'messages', id: 'm1', record: message, expectedRevision: 1, queuedAt: '2026-12-01T10:00:00.000Z' },
      {
        key: 'older-client-2',
        kind: 'put',
        collection: 'notes',
        id: 'n1',
        record: { id: 'n1', body: 'queued after it' },
        expectedRevision: null,
        queuedAt: '2026-12-01T10:00:01.000Z',
      },
    ]);
    const storage = open({ offlineQueue: { persistence, retryDelayMs: 30, maxRetryDelayMs: 100 } });
    const told: StorageWriteFailure[] = [];
    storage.watchFailures((failure) => told.push(failure));
    await waitFor(
      () => persistence.current.length === 0,
      'the reloaded queue to drain',
      15_000,
      () => queueState(storage),
    );
    assert.equal(told.length, 1);
    assert.ok(isMentorKitError(told[0]!.error, 'invalid-input'), `invalid-input expected, got ${told[0]!.error.code}: ${told[0]!.error.message}`);
    assert.deepEqual([told[0]!.id, told[0]!.queuedAt], ['m1', '2026-12-01T10:00:00.000Z']);
    assert.equal((await database().get('messages', 'm1'))?.revision, 1, 'the oversize edit was not applied');
    assert.equal((await database().get('notes', 'n1'))?.body, 'queued after it');
  });

  test('a string with a lone surrogate is refused up front; one already in a saved queue is refused as invalid-input on replay and the writes after it go on', async () => {
    // A string cut in the middle of an emoji (its high surrogate without the low one), as `text.slice(0, n)` does.
    const cut = 'Great session 🎉'.slice(0, -1);
    const fresh = open({ offlineQueue: true });
    await assert.rejects(
      () => fresh.put('notes', { id: 'n0', body: cut }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as MentorKitError).path === 'record.body',
    );
    assert.deepEqual(fresh.pendingWrites(), [], 'nothing queued');

    // A queue saved by an older page (before the check) still holds such a write: the server refuses it, the rest goes on.
    await database().put('notes', { id: 'n3', body: 'to delete' });
    const saved: PendingWrite[] = [
      { key: 'k1', kind: 'put', collection: 'notes', id: 'n1', record: { id: 'n1', body: cut }, expectedRevision: null, queuedAt: '2026-12-04T10:00:00.000Z' },
      {
        key: 'k2',
        kind: 'put',
        collection: 'notes',
        id: 'n2',
        record: { id: 'n2', body: 'fine' },
        expectedRevision: null,
        queuedAt: '2026-12-04T10:00:01.000Z',
      },
      { key: 'k3', kind: 'delete', collection: 'notes', id: 'n3', expectedRevision: 1, queuedAt: '2026-12-04T10:00:02.000Z' },
    ];
    const persistence: QueuePersistence = { load: () => saved, save: () => undefined };
    const told: StorageWriteFailure[] = [];
    const storage = open({
      offlineQueue: { persistence, retryDelayMs: 20, maxRetryDelayMs: 50, maxServerErrorReplays: 2, onReplayFailure: (failure) => told.push(failure) },
    });
    await storage.flush(); // after the saved queue is loaded
    await waitFor(
      () => storage.pendingWrites().length === 0,
      'the queue to drain past the refused write',
      15_000,
      () => queueState(storage),
    );
    assert.deepEqual(
      told.map((failure) => [failure.id, failure.error.code, failure.error.details.status]),
      [['n1', 'invalid-input', 400]],
      told[0] ? `got: ${told[0].error.message}` : '',
    );
    assert.equal(await database().get('notes', 'n1'), undefined);
    assert.equal((await database().get('notes', 'n2'))?.body, 'fine');
    assert.equal(await database().get('notes', 'n3'), undefined, 'the delete after it went through too');
  });

  test("a person's queued write the policy forbids (403) is failed as forbidden, and watchers see the optimistic record go", async () => {
    await database().put('people', { id: 'ana', displayName: 'Ana', roles: ['mentee'], programIds: [] });
    const storage = open({ headers: as('ana'), offlineQueue: { retryDelayMs: 20, maxRetryDelayMs: 50 } });
    const told: StorageWriteFailure[] = [];
    storage.watchFailures((failure) => told.push(failure));
    const changes: StorageChange[] = [];
    storage.watch((change) => changes.push(change));
    await rest.backend.stopHttp();
    const optimistic = await storage.put('scratch', { id: 's1', body: 'no rule covers this collection' }, { expectedRevision: null });
    assert.equal(optimistic.revision, 1);
    await rest.backend.startHttp();
    await waitFor(() => storage.pendingWrites().length === 0, 'the queue to drain');
    assert.deepEqual(
      told.map((failure) => [failure.collection, failure.id, failure.error.code, failure.error.details.status]),
      [['scratch', 's1', 'forbidden', 403]],
    );
    assert.match(told[0]!.error.message, /No access rule covers the collection "scratch"/);
    await waitFor(() => changes.some((change) => change.id === 's1' && change.record === undefined), 'watchers to see the optimistic record go');
    assert.deepEqual(
      storage.failedWrites().map((failure) => failure.write.key),
      told.map((failure) => (failure as { write?: PendingWrite }).write?.key),
    );
  });

  test('a token that expired (the server answers 401) is refreshed once through getToken, for requests, the change stream and queued writes alike; nothing is refused', async () => {
    await database().put('people', { id: 'ana', displayName: 'Ana', roles: ['mentee'], programIds: [] });
    const expired = signToken({ sub: 'ana', iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 });
    let current = expired;
    const tokenCalls: boolean[] = [];
    const storage = open({
      headers: {},
      watch: true,
      offlineQueue: { retryDelayMs: 20, maxRetryDelayMs: 50 },
      getToken({ refresh }) {
        tokenCalls.push(refresh);
        if (refresh) current = signToken({ sub: 'ana' });
        return current;
      },
    });
    const told: StorageWriteFailure[] = [];
    storage.watchFailures((failure) => told.push(failure));
    await storage.watching();
    assert.equal((await storage.get('people', 'ana'))?.displayName, 'Ana', 'the read went through with the new token');
    assert.equal(tokenCalls.filter((refresh) => refresh).length, 1, 'the stream and the read shared one refresh');

    // Offline, and the token expires meanwhile: the queued write is replayed with a refreshed token, not refused.
    await rest.backend.stopHttp();
    await storage.put('people', { id: 'ana', displayName: 'Ana María', timeZone: 'Europe/Madrid', roles: ['mentee'], programIds: [] }, { expectedRevision: 1 });
    current = expired;
    await rest.backend.startHttp();
    await waitFor(
      () => storage.pendingWrites().length === 0,
      'the queue to drain',
      10_000,
      () => queueState(storage),
    );
    assert.deepEqual(
      told.map((failure) => `${failure.error.code}: ${failure.error.message}`),
      [],
      'nothing refused',
    );
    assert.equal((await database().get('people', 'ana'))?.displayName, 'Ana María');
    assert.equal(tokenCalls.filter((refresh) => refresh).length, 2, 'one more refresh after the token expired again');
  });
});
