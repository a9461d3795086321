/**
 * Two instances on one database behave like two tabs: each sees the other's changes through watch,
 * notices never carry trusted data, and instances on other databases stay silent.
 */
import { expect } from '@open-wc/testing';
import type { StorageChange } from '@mentorkit/core/storage';
import { createIndexedDbStorage, type IndexedDbStorage } from '@mentorkit/storage-indexeddb';
import { deleteDatabase, eventually, uniqueDatabaseName } from './helpers.js';

const describeChange = (change: StorageChange) => `${change.collection}/${change.id}@${change.record?.revision ?? 'deleted'}`;
const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('IndexedDB storage: two instances on one database (two tabs)', () => {
  let opened: IndexedDbStorage[] = [];
  const open = (databaseName: string) => {
    const storage = createIndexedDbStorage({ databaseName });
    opened.push(storage);
    return storage;
  };

  afterEach(async () => {
    const names = new Set(opened.map((storage) => storage.databaseName));
    for (const storage of opened) await storage.dispose();
    for (const name of names) await deleteDatabase(name);
    opened = [];
  });

  it("each instance sees the other's puts and deletes through watch, with the stored record", async () => {
    const name = uniqueDatabaseName('two-tabs');
    const first = open(name);
    const second = open(name);
    const seenByFirst: StorageChange[] = [];
    const seenBySecond: StorageChange[] = [];
    first.watch((change) => seenByFirst.push(change));
    second.watch((change) => seenBySecond.push(change));

    const created = await first.put('goals', { id: 'g1', title: 'from the first tab' });
    await eventually(() => seenBySecond.length === 1, "the second instance must see the first instance's put");
    expect(seenBySecond[0]).to.deep.equal({ collection: 'goals', id: 'g1', record: created });

    const edited = await second.put('goals', { id: 'g1', title: 'edited in the second tab' }, { expectedRevision: 1 });
    await eventually(() => seenByFirst.length === 2, "the first instance must see the second instance's edit");
    expect(seenByFirst[1]).to.deep.equal({ collection: 'goals', id: 'g1', record: edited });

    await second.delete('goals', 'g1', { expectedRevision: 2 });
    await eventually(() => seenByFirst.length === 3, "the first instance must see the second instance's delete");
    expect(seenByFirst[2]).to.deep.equal({ collection: 'goals', id: 'g1' });

    await pause(100);
    expect(seenByFirst.map(describeChange)).to.deep.equal(['goals/g1@1', 'goals/g1@2', 'goals/g1@deleted']);
    expect(seenBySecond.map(describeChange)).to.deep.equal(['goals/g1@1', 'goals/g1@2', 'goals/g1@deleted']);
  });

  it("instances on different databases do not see each other's changes", async () => {
    const first = open(uniqueDatabaseName('tab-a'));
    const other = open(uniqueDatabaseName('tab-b'));
    const seenByOther: StorageChange[] = [];
    other.watch((change) => seenByOther.push(change));
    await first.put('goals', { id: 'g1' });
    await pause(150);
    expect(seenByOther).to.deep.equal([]);
    expect(await other.get('goals', 'g1')).to.equal(undefined);
  });

  it('never trusts a notice: forged or stale notices are checked against IndexedDB, garbage is ignored', async () => {
    const name = uniqueDatabaseName('forged');
    const storage = open(name);
    const writer = open(name);
    const seen: StorageChange[] = [];
    storage.watch((change) => seen.push(change));
    const forger = new BroadcastChannel(storage.channelName);
    try {
      // A notice about a record that does not exist, with a payload a naive receiver might use.
      forger.postMessage({
        type: 'mentorkit-storage-change',
        source: 'forger',
        collection: 'goals',
        id: 'g1',
        revision: 1,
        record: { id: 'g1', title: 'forged', revision: 1 },
      });
      // Garbage of every shape.
      for (const garbage of [
        null,
        'goals/g1',
        42,
        { type: 'mentorkit-storage-change' },
        { type: 'mentorkit-storage-change', source: 'x', collection: 'Bad Name', id: 'g1', revision: 1 },
        { type: 'mentorkit-storage-change', source: 'x', collection: 'goals', id: '', revision: 1 },
        { type: 'mentorkit-storage-change', source: 'x', collection: 'goals', id: 'g1', revision: 0 },
      ]) {
        forger.postMessage(garbage);
      }
      await pause(150);
      expect(seen, 'a notice about a record that is not stored must report nothing').to.deep.equal([]);

      const stored = await writer.put('goals', { id: 'g1', title: 'real' });
      await eventually(() => seen.length === 1, 'the real change must be reported');
      expect(seen[0]?.record).to.deep.equal(stored);

      // A forged notice that matches the stored revision only makes the receiver re-read the real record.
      forger.postMessage({
        type: 'mentorkit-storage-change',
        source: 'forger',
        collection: 'goals',
        id: 'g1',
        revision: 1,
        record: { id: 'g1', title: 'forged' },
      });
      await eventually(() => seen.length === 2, 'a notice matching the stored revision is delivered (re-read)');
      expect(seen[1]?.record).to.deep.equal(stored);
      // A forged "deleted" notice for a record that still exists reports nothing.
      forger.postMessage({ type: 'mentorkit-storage-change', source: 'forger', collection: 'goals', id: 'g1', revision: null });
      await pause(150);
      expect(seen).to.have.length(2);
      expect(await storage.get('goals', 'g1')).to.deep.equal(stored);
    } finally {
      forger.close();
    }
  });

  it('an instance reports its own write once: locally, never again through the channel', async () => {
    const name = uniqueDatabaseName('own-notices');
    const storage = open(name);
    open(name); // a second instance on the channel, as in a real second tab
    const seen: StorageChange[] = [];
    storage.watch((change) => seen.push(change));
    await storage.put('goals', { id: 'g1' });
    await pause(150);
    expect(seen.map(describeChange), 'its own write is reported once, locally').to.deep.equal(['goals/g1@1']);
  });

  it('a throwing listener breaks neither the write nor the other listeners', async () => {
    const storage = open(uniqueDatabaseName('throwing-listener'));
    const reported: unknown[] = [];
    const originalReportError = globalThis.reportError;
    globalThis.reportError = (error: unknown) => reported.push(error);
    try {
      const seen: StorageChange[] = [];
      storage.watch(() => {
        throw new Error('listener bug');
      });
      storage.watch((change) => seen.push(change));
      const stored = await storage.put('goals', { id: 'g1' });
      expect(stored.revision).to.equal(1);
      expect(seen).to.have.length(1);
      expect(reported.map((error) => (error as Error).message)).to.deep.equal(['listener bug']);
    } finally {
      globalThis.reportError = originalReportError;
    }
  });

  it('concurrent compare-and-set from two instances: exactly one writer wins each round', async () => {
    const name = uniqueDatabaseName('cas');
    const first = open(name);
    const second = open(name);
    await first.put('goals', { id: 'g1', round: 0 });
    for (let round = 1; round <= 10; round++) {
      const results = await Promise.allSettled([
        first.put('goals', { id: 'g1', round, by: 'first' }, { expectedRevision: round }),
        second.put('goals', { id: 'g1', round, by: 'second' }, { expectedRevision: round }),
      ]);
      expect(
        results.filter((result) => result.status === 'fulfilled'),
        `round ${round}`,
      ).to.have.length(1);
    }
    expect((await second.get('goals', 'g1'))?.revision).to.equal(11);
  });
});
