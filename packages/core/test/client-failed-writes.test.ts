import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MentorKitError,
  createMemoryStorage,
  createMentorKit,
  describeFailedWrite,
  isMentorKitError,
  type DomainEvent,
  type StorageAdapter,
  type StorageWriteFailure,
  type StoredRecord,
} from '@mentorkit/core';
import { goalsFeature } from '@mentorkit/core/goals';
import { internalsOf } from '../src/client/internals.js';
import { PROGRAM, person as programmePerson } from './programme-fixtures.js';

const person = (id: string, roles: Array<'mentee' | 'mentor' | 'admin'>) => programmePerson(id, roles, 'Europe/Madrid');
const goal = (id: string, title: string) => ({
  id,
  pairingId: 'p-ana',
  ownerId: 'ana',
  visibility: 'pairing',
  archived: false,
  title,
  milestones: [],
  createdAt: '2026-10-01T09:00:00Z',
});

/**
 * A small adapter with an "offline queue" of its own: while `offline`, writes are answered at once
 * with the record storage would keep and held; `refuseHeld(error)` then refuses them for good, as a
 * backend that comes back and says no (the REST adapter's own behaviour is tested in its package).
 */
function queueingStorage(earlier: StorageWriteFailure[] = []) {
  const inner = createMemoryStorage({
    seed: {
      programs: [PROGRAM],
      people: [person('ana', ['mentee']), person('kenji', ['mentor'])],
      pairings: [{ id: 'p-ana', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji'], status: 'active', kind: 'official', reasons: [] }],
      goals: [goal('g-ship', 'Ship the design review')],
    },
  });
  const failures: StorageWriteFailure[] = [...earlier];
  const listeners = new Set<(failure: StorageWriteFailure) => void>();
  const held: Array<Omit<StorageWriteFailure, 'error'>> = [];
  let offline = false;
  const storage: StorageAdapter = {
    ...inner,
    name: 'queueing',
    async put(collection, record, options) {
      if (!offline) return inner.put(collection, record, options);
      const current = await inner.get(collection, record.id);
      held.push({ collection, id: record.id, kind: 'put', record, queuedAt: '2026-10-02T10:00:00.000Z' });
      return { ...record, revision: (current?.revision ?? 0) + 1, updatedAt: '2026-10-02T10:00:00.000Z' } as StoredRecord;
    },
    async delete(collection, id, options) {
      if (!offline) return inner.delete(collection, id, options);
      held.push({ collection, id, kind: 'delete', queuedAt: '2026-10-02T10:05:00.000Z' });
      return true;
    },
    failedWrites: () => [...failures],
    watchFailures(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    storage,
    inner,
    goOffline: () => (offline = true),
    refuseHeld(error: MentorKitError) {
      offline = false;
      for (const write of held.splice(0)) {
        const failure = { ...write, error };
        failures.push(failure);
        for (const listener of [...listeners]) listener(failure);
      }
    },
    listenerCount: () => listeners.size,
  };
}

const conflict = () => new MentorKitError('conflict', 'Kenji changed this goal in the meantime.', { path: 'expectedRevision' });

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 200) assert.fail(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('writes storage accepted early and refused later', () => {
  test('reach $failedWrites and a write-failed event, and the stored record is shown again', async () => {
    const queue = queueingStorage();
    const kit = createMentorKit({ storage: queue.storage, user: 'ana' });
    const goals = kit.use(goalsFeature);
    await kit.ready;
    const events: DomainEvent[] = [];
    kit.on('write-failed', (event) => events.push(event));
    assert.deepEqual(kit.$failedWrites.get(), []);

    queue.goOffline();
    const saved = await goals.update('g-ship', { title: 'Ship the design review by Friday' });
    assert.equal(saved.title, 'Ship the design review by Friday', 'answered at once');
    assert.equal(goals.$goals.get()[0]!.title, 'Ship the design review by Friday');

    queue.refuseHeld(conflict());
    const [failure] = kit.$failedWrites.get();
    assert.ok(failure);
    assert.deepEqual(
      { collection: failure.collection, id: failure.id, kind: failure.kind, title: failure.record?.title },
      { collection: 'goals', id: 'g-ship', kind: 'put', title: 'Ship the design review by Friday' },
    );
    assert.ok(isMentorKitError(failure.error, 'conflict'));
    assert.equal(events.length, 1);
    assert.deepEqual(
      { type: events[0]!.type, collection: events[0]!.collection, recordId: events[0]!.recordId, actorId: events[0]!.actorId, data: events[0]!.data },
      {
        type: 'write-failed',
        collection: 'goals',
        recordId: 'g-ship',
        actorId: 'ana',
        data: { kind: 'put', code: 'conflict', message: 'Kenji changed this goal in the meantime.', queuedAt: '2026-10-02T10:00:00.000Z' },
      },
    );
    await waitFor(() => goals.$goals.get()[0]!.title === 'Ship the design review', 'the stored title is back');
    assert.equal(goals.$goals.get()[0]!.revision, 1);
    const retried = await goals.update('g-ship', { title: 'Ship it' });
    assert.equal(retried.revision, 2, 'the next change is based on the stored revision');
  });

  test('a refused delete brings the record back; a refused create takes it away', async () => {
    const queue = queueingStorage();
    const kit = createMentorKit({ storage: queue.storage, user: 'ana' });
    const goals = kit.use(goalsFeature);
    await kit.ready;
    queue.goOffline();
    await internalsOf(kit).remove('goals', 'g-ship');
    await internalsOf(kit).write('goals', goal('g-new', 'Mentor a newcomer'), { action: 'create' });
    assert.deepEqual(
      goals.$allGoals.get().map((candidate) => candidate.id),
      ['g-new'],
    );
    queue.refuseHeld(new MentorKitError('forbidden', 'This pairing is closed.'));
    assert.deepEqual(
      kit.$failedWrites.get().map((failure) => `${failure.kind} ${failure.id} ${failure.error.code}`),
      ['delete g-ship forbidden', 'put g-new forbidden'],
    );
    await waitFor(
      () =>
        goals.$allGoals
          .get()
          .map((candidate) => candidate.id)
          .join() === 'g-ship',
      'g-ship back, g-new gone',
    );
  });

  test('lists the failures the adapter already had; dismiss one, dismiss all; refuses what is not a failure', async () => {
    const earlier: StorageWriteFailure = {
      collection: 'messages',
      id: 'msg-1',
      kind: 'put',
      record: { id: 'msg-1', pairingId: 'p-ana', authorId: 'ana', kind: 'text', text: 'See you Monday' },
      error: conflict(),
      queuedAt: '2026-10-01T08:00:00.000Z',
    };
    const queue = queueingStorage([earlier]);
    const kit = createMentorKit({ storage: queue.storage, user: 'ana' });
    await kit.ready;
    assert.deepEqual(kit.$failedWrites.get(), [earlier]);
    queue.goOffline();
    await internalsOf(kit).write('goals', goal('g-new', 'Mentor a newcomer'), { action: 'create' });
    queue.refuseHeld(conflict());
    assert.equal(kit.$failedWrites.get().length, 2);
    const seen: number[] = [];
    kit.$failedWrites.listen((list) => seen.push(list.length));
    kit.dismissFailedWrite(kit.$failedWrites.get()[0]!);
    assert.deepEqual(
      kit.$failedWrites.get().map((failure) => failure.id),
      ['g-new'],
    );
    kit.dismissFailedWrite({ ...kit.$failedWrites.get()[0]! });
    assert.equal(kit.$failedWrites.get().length, 1, 'a copy is not the failure');
    kit.dismissAllFailedWrites();
    assert.deepEqual(kit.$failedWrites.get(), []);
    assert.deepEqual(seen, [1, 0]);
    assert.throws(
      () => kit.dismissFailedWrite(undefined as never),
      (error: unknown) => isMentorKitError(error, 'invalid-input'),
    );
  });

  test('a failure whose error is not a MentorKitError is still reported with a code; a disposed client stops listening', async () => {
    const queue = queueingStorage();
    const kit = createMentorKit({ storage: queue.storage, user: 'ana' });
    await kit.ready;
    assert.equal(queue.listenerCount(), 1);
    queue.goOffline();
    await internalsOf(kit).write('goals', goal('g-new', 'Mentor a newcomer'), { action: 'create' });
    queue.refuseHeld(new Error('HTTP 500') as MentorKitError);
    assert.equal(kit.$failedWrites.get()[0]!.error.code, 'storage-error');
    assert.equal(kit.$failedWrites.get()[0]!.error.message, 'HTTP 500');
    await kit.dispose();
    assert.equal(queue.listenerCount(), 0);
  });

  test('adapters without the optional members: $failedWrites stays empty', async () => {
    const kit = createMentorKit({ storage: createMemoryStorage(), user: 'ana' });
    await kit.ready;
    assert.deepEqual(kit.$failedWrites.get(), []);
    kit.dismissAllFailedWrites();
  });

  test('describeFailedWrite says what the change was, whose, with its title, and why', async () => {
    const queue = queueingStorage();
    await queue.inner.put('sessions', {
      id: 's1',
      pairingId: 'p-ana',
      title: 'Review <b>#3</b>',
      start: '2026-10-01T09:00:00Z',
      end: '2026-10-01T10:00:00Z',
      timeZone: 'UTC',
    });
    const kit = createMentorKit({ storage: queue.storage, user: 'ana' });
    internalsOf(kit).track('sessions');
    internalsOf(kit).track('goals');
    await kit.ready;
    const error = conflict();
    const describe = (failure: Omit<StorageWriteFailure, 'error' | 'queuedAt'>) =>
      describeFailedWrite(kit, { ...failure, error, queuedAt: '2026-10-02T10:00:00.000Z' });
    const hostile = '<img src=x onerror=alert(1)> Ship it';
    assert.deepEqual(
      describe({ collection: 'messages', id: 'm1', kind: 'put', record: { id: 'm1', pairingId: 'p-ana', authorId: 'ana', kind: 'text', text: 'Hi' } }),
      { subject: 'message', kind: 'put', own: false, people: ['KENJI'], code: 'conflict', reason: 'Kenji changed this goal in the meantime.' },
    );
    assert.equal(
      describe({ collection: 'messages', id: 'm2', kind: 'put', record: { id: 'm2', pairingId: 'p-ana', authorId: 'kenji', kind: 'text', mentorsOnly: true } })
        .subject,
      'mentor-note',
    );
    assert.deepEqual(
      describe({ collection: 'goals', id: 'g9', kind: 'put', record: { ...goal('g9', hostile) } }).title,
      hostile,
      'the title as typed, for the element to render as text',
    );
    const deleted = describe({ collection: 'goals', id: 'g-ship', kind: 'delete' });
    assert.deepEqual(
      [deleted.subject, deleted.kind, deleted.title],
      ['goal', 'delete', 'Ship the design review'],
      'a delete is described from the cached record',
    );
    assert.equal(
      describe({ collection: 'feedback', id: 'f1', kind: 'put', record: { id: 'f1', pairingId: 'p-ana', sessionId: 's1', authorId: 'ana', rating: 4 } }).title,
      'Review <b>#3</b>',
      "feedback carries its session's title",
    );
    assert.deepEqual(describe({ collection: 'people', id: 'ana', kind: 'put', record: person('ana', ['mentee']) }), {
      subject: 'profile',
      kind: 'put',
      own: true,
      people: [],
      code: 'conflict',
      reason: error.message,
    });
    assert.deepEqual(describe({ collection: 'people', id: 'kenji', kind: 'put' }).people, ['KENJI']);
    assert.deepEqual(describe({ collection: 'pairings', id: 'p-ana', kind: 'put' }).people, ['KENJI']);
    assert.equal(describe({ collection: 'programs', id: 'prog', kind: 'put', record: PROGRAM }).title, 'Mentoring 2026');
    assert.equal(describe({ collection: 'message-reads', id: 'r1', kind: 'put', record: { id: 'r1', pairingId: 'p-ana' } }).subject, 'read-marker');
    assert.deepEqual(describe({ collection: 'host-notes', id: 'n1', kind: 'put', record: { id: 'n1', pairingId: 'nowhere' } }), {
      subject: 'other',
      kind: 'put',
      own: false,
      people: [],
      code: 'conflict',
      reason: error.message,
    });
  });
});
