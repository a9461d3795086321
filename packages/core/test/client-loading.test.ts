import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMentorKit, isMentorKitError, type MentorKit, type StorageAdapter, type StoredRecord } from '@mentorkit/core';
import { goalsFeature, type Goal } from '@mentorkit/core/goals';
import { internalsOf } from '../src/client/internals.js';
import { anaPairingStorage, person as programmePerson } from './programme-fixtures.js';

const person = (id: string, roles: Array<'mentee' | 'mentor' | 'admin'>) => programmePerson(id, roles, 'Europe/Madrid');
const goal = (id: string, title: string) => ({
  id,
  pairingId: 'p-ana',
  ownerId: 'ana',
  visibility: 'pairing',
  archived: false,
  title,
  milestones: [{ id: `${id}-m1`, title: 'First step', done: false }],
  createdAt: '2026-10-01T09:00:00Z',
});

const seededStorage = (): StorageAdapter => anaPairingStorage({ goals: [goal('g-ship', 'Ship the design review'), goal('g-talk', 'Give an internal talk')] });

/**
 * A storage whose reads of the collections in `slow` take their snapshot at once but answer only
 * when released: a write made meanwhile completes before the (older) read resolves.
 */
function slowReads(inner: StorageAdapter) {
  const held: Array<() => void> = [];
  const slow = new Set<string>();
  const storage: StorageAdapter = {
    ...inner,
    name: 'slow-reads',
    async query(collection, where) {
      const snapshot = await inner.query(collection, where);
      if (slow.has(collection)) await new Promise<void>((resolve) => held.push(resolve));
      return snapshot;
    },
    async get(collection, id) {
      const snapshot = await inner.get(collection, id);
      if (slow.has(collection)) await new Promise<void>((resolve) => held.push(resolve));
      return snapshot;
    },
  };
  return {
    storage,
    /** From now on, reads of these collections wait for `release()`. */
    hold: (...collections: string[]) => collections.forEach((collection) => slow.add(collection)),
    /** Answers every read waiting so far and stops holding. */
    release: async () => {
      slow.clear();
      for (const resolve of held.splice(0)) resolve();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    waiting: () => held.length,
  };
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 200) assert.fail(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const titles = (kit: MentorKit) => (internalsOf(kit).track('goals').get() as unknown as Goal[]).map((candidate) => `${candidate.id}:${candidate.title}`);

describe('kit.ready', () => {
  test('covers a feature installed after the client was created: goal commands right after it find the goals', async () => {
    const slow = slowReads(seededStorage());
    const kit = createMentorKit({ storage: slow.storage, user: 'ana' });
    await kit.ready;
    slow.hold('goals');
    const goals = kit.use(goalsFeature);
    let settled = false;
    const ready = kit.ready.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(settled, false, 'ready waits for the goals');
    await slow.release();
    await ready;
    assert.deepEqual(
      goals.$goals
        .get()
        .map((candidate) => candidate.id)
        .sort(),
      ['g-ship', 'g-talk'],
    );
    const completion = await goals.completeMilestone('g-ship', 'g-ship-m1');
    assert.equal(completion.goal.milestones[0]!.done, true);
    assert.equal(kit.$status.get(), 'ready', 'a feature installed later never turned the client back to loading');
  });

  test('covers the features given as an option, and the status turns ready only after them', async () => {
    const slow = slowReads(seededStorage());
    slow.hold('goals');
    const kit = createMentorKit({ storage: slow.storage, user: 'ana', features: [goalsFeature] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(kit.$status.get(), 'loading');
    await slow.release();
    await kit.ready;
    assert.equal(kit.$status.get(), 'ready');
    assert.equal(kit.use(goalsFeature).$goals.get().length, 2);
  });

  test('a promise taken before a collection is tracked still covers it when it is tracked before the promise resolves', async () => {
    const slow = slowReads(seededStorage());
    slow.hold('people');
    const kit = createMentorKit({ storage: slow.storage, user: 'ana' });
    const ready = kit.ready;
    assert.equal(kit.ready, ready, 'the same promise while nothing new is tracked');
    slow.hold('goals');
    kit.use(goalsFeature);
    await slow.release();
    await ready;
    assert.equal(kit.use(goalsFeature).$goals.get().length, 2);
  });

  test('a collection that fails to load rejects ready and sets the error state; a refresh that succeeds recovers', async () => {
    const inner = seededStorage();
    let broken = true;
    const storage: StorageAdapter = {
      ...inner,
      name: 'flaky',
      query: async (collection, where) =>
        broken && collection === 'goals' ? Promise.reject(new Error('goals table offline')) : inner.query(collection, where),
    };
    const kit = createMentorKit({ storage, user: 'ana' });
    await kit.ready;
    kit.use(goalsFeature);
    await assert.rejects(
      kit.ready,
      (error: unknown) => isMentorKitError(error, 'storage-error') && /flaky failed: goals table offline/.test((error as Error).message),
    );
    assert.equal(kit.$status.get(), 'error');
    broken = false;
    await kit.refresh();
    await kit.ready;
    assert.equal(kit.$status.get(), 'ready');
    assert.equal(kit.$error.get(), undefined);
    assert.equal(kit.use(goalsFeature).$goals.get().length, 2);
  });

  test('a load that failed is tried again by the next kit.ready, and the client recovers on its own', async () => {
    const inner = seededStorage();
    let failures = 1;
    const storage: StorageAdapter = {
      ...inner,
      name: 'flaky',
      query: async (collection, where) => (collection === 'goals' && failures-- > 0 ? Promise.reject(new Error('timeout')) : inner.query(collection, where)),
    };
    const kit = createMentorKit({ storage, user: 'ana' });
    await kit.ready;
    const goals = kit.use(goalsFeature);
    await assert.rejects(kit.ready, /timeout/);
    assert.equal(kit.$status.get(), 'error');
    await kit.ready; // tries the goals again
    assert.equal(kit.$status.get(), 'ready');
    assert.equal(kit.$error.get(), undefined);
    assert.equal(goals.$goals.get().length, 2);
    await goals.completeMilestone('g-ship', 'g-ship-m1');
  });

  test('internals.loaded tracks a collection and resolves once it is loaded', async () => {
    const kit = createMentorKit({ storage: seededStorage(), user: 'ana' });
    await internalsOf(kit).loaded('goals');
    assert.equal(internalsOf(kit).track('goals').get().length, 2);
  });
});

describe('a write racing a read is never dropped', () => {
  async function readyWithGoals(storage: StorageAdapter, user = 'ana') {
    const kit = createMentorKit({ storage, user });
    internalsOf(kit).track('goals');
    await kit.ready;
    return kit;
  }

  test('put: a change written while a refresh is in flight survives the older read', async () => {
    const slow = slowReads(seededStorage());
    const kit = await readyWithGoals(slow.storage);
    const goals = kit.use(goalsFeature);
    slow.hold('goals', 'people');
    const refreshing = kit.refresh();
    await waitFor(() => slow.waiting() === 2, 'the refresh reads goals and people');
    await goals.update('g-ship', { title: 'Ship the design review by Friday' });
    await kit.people.save({ ...person('ana', ['mentee']), headline: 'Designer' });
    await slow.release();
    await refreshing;
    assert.deepEqual(titles(kit), ['g-ship:Ship the design review by Friday', 'g-talk:Give an internal talk']);
    assert.equal(kit.$me.get()?.headline, 'Designer');
    // And the next edit is based on the revision written, not on the older one the read returned.
    const next = await goals.update('g-ship', { title: 'Ship it' });
    assert.equal(next.revision, 3);
  });

  test('first load: a record another client creates while the collection is loading is kept (writes of this client wait for the load)', async () => {
    const shared = seededStorage();
    const slow = slowReads(shared);
    const ana = createMentorKit({ storage: slow.storage, user: 'ana' });
    const kenji = await readyWithGoals(shared, 'kenji');
    await ana.ready;
    slow.hold('goals');
    internalsOf(ana).track('goals');
    const loading = ana.ready;
    await waitFor(() => slow.waiting() === 1, 'the goals load');
    await internalsOf(kenji).write('goals', { ...goal('g-new', 'Mentor a newcomer'), ownerId: 'ana' }, { action: 'create' });
    await internalsOf(kenji).remove('goals', 'g-talk');
    await slow.release();
    await loading;
    assert.deepEqual(titles(ana), ['g-new:Mentor a newcomer', 'g-ship:Ship the design review']);
  });

  test('delete: a record deleted while a refresh is in flight is not brought back by the older read', async () => {
    const slow = slowReads(seededStorage());
    const kit = await readyWithGoals(slow.storage);
    slow.hold('goals');
    const refreshing = kit.refresh();
    await waitFor(() => slow.waiting() === 1, 'the refresh reads goals');
    await internalsOf(kit).remove('goals', 'g-talk');
    await slow.release();
    await refreshing;
    assert.deepEqual(titles(kit), ['g-ship:Ship the design review']);
    assert.equal(internalsOf(kit).cached('goals', 'g-talk'), undefined);
  });

  test('watch: changes and deletes another client made while the read was in flight are kept', async () => {
    const shared = seededStorage();
    const slow = slowReads(shared);
    const ana = await readyWithGoals(slow.storage);
    const kenji = await readyWithGoals(shared, 'kenji');
    slow.hold('goals');
    const refreshing = ana.refresh();
    await waitFor(() => slow.waiting() === 1, 'the refresh reads goals');
    await kenji.use(goalsFeature).update('g-ship', { title: 'Ship the review (Kenji)' });
    await internalsOf(kenji).remove('goals', 'g-talk');
    await internalsOf(kenji).write('goals', { ...goal('g-kenji', 'Pair on a review'), ownerId: 'ana' }, { action: 'create' });
    assert.deepEqual(titles(ana), ['g-kenji:Pair on a review', 'g-ship:Ship the review (Kenji)'], 'heard through watch');
    await slow.release();
    await refreshing;
    assert.deepEqual(titles(ana), ['g-kenji:Pair on a review', 'g-ship:Ship the review (Kenji)']);
  });

  test('the read still brings what changed unheard, and a newer revision it returned wins over an older local one', async () => {
    const shared = seededStorage();
    // Ana's adapter cannot watch: she learns of Kenji's changes only by reading.
    const { watch: _watch, ...withoutWatch } = shared;
    const slow = slowReads(withoutWatch as StorageAdapter);
    const ana = await readyWithGoals(slow.storage);
    const kenji = await readyWithGoals(shared, 'kenji');
    await internalsOf(kenji).remove('goals', 'g-talk');
    await kenji.use(goalsFeature).update('g-ship', { title: 'Renamed by Kenji' });
    await ana.refresh();
    assert.deepEqual(titles(ana), ['g-ship:Renamed by Kenji'], 'unheard change and delete arrive with the read');

    // Ana writes while a read is in flight; Kenji then writes again before the read takes its snapshot.
    const anaGoals = ana.use(goalsFeature);
    const held = slow.storage.query;
    let snapshotTaken!: () => void;
    const gate = new Promise<void>((resolve) => (snapshotTaken = resolve));
    slow.storage.query = async (collection, where) => {
      if (collection === 'goals') await gate;
      return held(collection, where);
    };
    const refreshing = ana.refresh();
    await anaGoals.update('g-ship', { title: 'Ana’s title' });
    await kenji.use(goalsFeature).update('g-ship', { title: 'Kenji’s newer title' });
    snapshotTaken();
    await refreshing;
    const shown = internalsOf(ana).cached('goals', 'g-ship') as StoredRecord;
    assert.equal(shown.title, 'Kenji’s newer title');
    assert.equal(shown.revision, 4);
  });

  test('a refresh keeps the objects of records that did not change', async () => {
    const kit = await readyWithGoals(seededStorage());
    const before = internalsOf(kit).track('goals').get();
    await kit.refresh();
    assert.equal(internalsOf(kit).track('goals').get(), before, 'same list: nothing re-renders');
  });
});
