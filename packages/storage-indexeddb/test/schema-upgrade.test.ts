/**
 * The versioned schema: a real version-1 database (written with the native IndexedDB API, not with
 * the adapter's own migration code) is upgraded with every record intact; new databases get the
 * documented layout; newer and damaged databases are refused without being changed.
 */
import { expect } from '@open-wc/testing';
import { isMentorKitError } from '@mentorkit/core/model';
import { createIndexedDbStorage, indexedDbMigrations, indexedDbSchemaVersion } from '@mentorkit/storage-indexeddb';
import { after, describe, it } from './mocha.js';
import { deleteDatabase, requestResult, uniqueDatabaseName } from './helpers.js';

const databasesToDelete: string[] = [];
const newDatabaseName = (purpose: string) => {
  const name = uniqueDatabaseName(purpose);
  databasesToDelete.push(name);
  return name;
};

/** Opens `name` at `version` with the native API, running `upgrade` if the version is new; closes it afterwards. */
async function withNativeDatabase(name: string, version: number | undefined, upgrade: (database: IDBDatabase, transaction: IDBTransaction) => void, work?: (database: IDBDatabase) => Promise<void>): Promise<void> {
  const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
  request.addEventListener('upgradeneeded', () => upgrade(request.result, request.transaction!));
  const database = await requestResult(request);
  try {
    await work?.(database);
  } finally {
    database.close();
  }
}

/** Reads every value of a store with the native API. */
async function readAll(database: IDBDatabase, storeName: string): Promise<unknown[]> {
  return requestResult(database.transaction(storeName).objectStore(storeName).getAll());
}

const version1Entries = [
  {
    key: 'goals/g1',
    collection: 'goals',
    record: {
      id: 'g1',
      title: 'Present at the team meeting',
      skill: 'communication',
      milestones: [
        { id: 'm1', title: 'Outline', done: true },
        { id: 'm2', title: 'Rehearse with mentor', done: false, dueDate: '2024-06-01' },
      ],
      metric: { name: 'talks', start: 0, target: 2, current: 1 },
      notes: '<b>bold?</b> 🎤 Grüße',
      revision: 3,
      updatedAt: '2024-05-01T10:00:00.000Z',
    },
  },
  { key: 'goals/g2', collection: 'goals', record: { id: 'g2', title: 'Second goal', archived: false, revision: 1, updatedAt: '2024-05-02T08:30:00.000Z' } },
  { key: 'notes/2024/05/n1', collection: 'notes', record: { id: '2024/05/n1', body: 'an id with slashes', revision: 7, updatedAt: '2024-05-03T12:00:00.000+02:00' } },
  // Written by an early build that did not set revision/updatedAt yet, and without `collection` on the entry.
  { key: 'coaching-runs/r1', record: { id: 'r1', model: 'grow', answers: { goal: 'x' } } },
];

describe('IndexedDB storage: schema versions and upgrades', () => {
  after(async () => {
    for (const name of databasesToDelete) await deleteDatabase(name);
  });

  it('declares a migration for every version up to the current one', () => {
    expect(indexedDbMigrations.map((migration) => migration.version)).to.deep.equal([1, 2]);
    expect(indexedDbSchemaVersion).to.equal(2);
    for (const migration of indexedDbMigrations) expect(migration.description).to.be.a('string').and.not.equal('');
  });

  it('upgrades a version-1 database written with the native API and keeps every record intact', async () => {
    const name = newDatabaseName('upgrade-v1');
    await withNativeDatabase(
      name,
      1,
      (database) => {
        const entries = database.createObjectStore('entries', { keyPath: 'key' });
        entries.createIndex('collection', 'collection');
      },
      async (database) => {
        const transaction = database.transaction('entries', 'readwrite');
        for (const entry of version1Entries) transaction.objectStore('entries').put(entry);
        // An entry the upgrade cannot interpret: kept in meta, never dropped.
        transaction.objectStore('entries').put({ key: 'junk', scribble: [1, 2, 3] });
        await new Promise<void>((resolve, reject) => {
          transaction.addEventListener('complete', () => resolve());
          transaction.addEventListener('error', () => reject(transaction.error));
        });
      },
    );

    const storage = createIndexedDbStorage({ databaseName: name });
    try {
      const goal = await storage.get('goals', 'g1');
      expect(goal).to.deep.equal(version1Entries[0]!.record);
      expect(await storage.get('goals', 'g2')).to.deep.equal(version1Entries[1]!.record);
      expect(await storage.get('notes', '2024/05/n1')).to.deep.equal(version1Entries[2]!.record);
      const run = await storage.get('coaching-runs', 'r1');
      expect(run).to.include({ id: 'r1', model: 'grow', revision: 1 });
      expect(run?.answers).to.deep.equal({ goal: 'x' });
      expect(Number.isFinite(Date.parse(run!.updatedAt))).to.equal(true);
      expect((await storage.query('goals')).map((record) => record.id)).to.deep.equal(['g1', 'g2']);
      expect((await storage.query('goals', { skill: 'communication' })).map((record) => record.id)).to.deep.equal(['g1']);

      // Revisions continue from the upgraded ones; conflicts still work.
      let conflict: unknown;
      await storage.put('goals', { id: 'g1', title: 'stale' }, { expectedRevision: 2 }).catch((error: unknown) => (conflict = error));
      expect(isMentorKitError(conflict, 'conflict'), 'stale write after the upgrade must conflict').to.equal(true);
      expect((await storage.put('goals', { id: 'g1', title: 'edited' }, { expectedRevision: 3 })).revision).to.equal(4);
    } finally {
      await storage.dispose();
    }

    await withNativeDatabase(name, undefined, () => undefined, async (database) => {
      expect(database.version).to.equal(2);
      expect([...database.objectStoreNames].sort()).to.deep.equal(['blobs', 'meta', 'records']);
      const meta = database.transaction('meta').objectStore('meta');
      const schema = (await requestResult(meta.get('schema'))) as { version: number; createdAt: string | null; upgrades: Array<{ from: number; to: number }> };
      expect(schema.version).to.equal(2);
      expect(schema.createdAt).to.equal(null);
      expect(schema.upgrades.map(({ from, to }) => [from, to])).to.deep.equal([[1, 2]]);
      const unreadable = await requestResult(database.transaction('meta').objectStore('meta').get('unreadable-v1-entries'));
      expect(unreadable).to.deep.equal([{ key: 'junk', value: { key: 'junk', scribble: [1, 2, 3] } }]);
      expect(await readAll(database, 'records')).to.have.length(version1Entries.length);
    });
  });

  it('creates a new database at the current version with the documented layout', async () => {
    const name = newDatabaseName('fresh');
    const storage = createIndexedDbStorage({ databaseName: name });
    await storage.put('goals', { id: 'g1', collection: 'a field, not the key' });
    await storage.dispose();
    await withNativeDatabase(name, undefined, () => undefined, async (database) => {
      expect(database.version).to.equal(indexedDbSchemaVersion);
      expect([...database.objectStoreNames].sort()).to.deep.equal(['blobs', 'meta', 'records']);
      const records = database.transaction('records').objectStore('records');
      expect(records.keyPath).to.deep.equal(['collection', 'id']);
      expect([...records.indexNames]).to.deep.equal(['by-collection']);
      expect(records.index('by-collection').keyPath).to.equal('collection');
      const stored = (await requestResult(records.get(['goals', 'g1']))) as { collection: string; id: string; record: Record<string, unknown> };
      expect(stored.collection).to.equal('goals');
      expect(stored.record).to.include({ id: 'g1', collection: 'a field, not the key', revision: 1 });
      expect(database.transaction('blobs').objectStore('blobs').keyPath).to.equal('id');
      const schema = (await requestResult(database.transaction('meta').objectStore('meta').get('schema'))) as { version: number; createdAt: string; upgrades: Array<{ from: number; to: number }> };
      expect(schema.version).to.equal(2);
      expect(Number.isFinite(Date.parse(schema.createdAt))).to.equal(true);
      expect(schema.upgrades.map(({ from, to }) => [from, to])).to.deep.equal([[0, 2]]);
    });
  });

  it('refuses a database from a newer MentorKit with storage-error and leaves it alone', async () => {
    const name = newDatabaseName('newer');
    await withNativeDatabase(name, 3, (database) => database.createObjectStore('future'));
    const storage = createIndexedDbStorage({ databaseName: name });
    let failure: unknown;
    await storage.get('goals', 'g1').catch((error: unknown) => (failure = error));
    await storage.dispose();
    expect(isMentorKitError(failure, 'storage-error'), String(failure)).to.equal(true);
    expect((failure as Error).message).to.contain('newer layout');
    await withNativeDatabase(name, undefined, () => undefined, async (database) => {
      expect(database.version).to.equal(3);
      expect([...database.objectStoreNames]).to.deep.equal(['future']);
    });
  });

  it('rolls a failed upgrade back: a damaged version-1 database stays at version 1, unchanged', async () => {
    const name = newDatabaseName('damaged');
    // Version 1 without its "entries" store: the upgrade cannot read it and must abort.
    await withNativeDatabase(name, 1, (database) => database.createObjectStore('something-else'));
    const storage = createIndexedDbStorage({ databaseName: name });
    let failure: unknown;
    await storage.put('goals', { id: 'g1' }).catch((error: unknown) => (failure = error));
    await storage.dispose();
    expect(isMentorKitError(failure, 'storage-error'), String(failure)).to.equal(true);
    expect((failure as Error).message).to.contain('from version 1 to 2 failed');
    await withNativeDatabase(name, undefined, () => undefined, async (database) => {
      expect(database.version).to.equal(1);
      expect([...database.objectStoreNames]).to.deep.equal(['something-else']);
    });
  });

  it('steps aside when another tab upgrades the database, then reports the newer layout', async () => {
    const name = newDatabaseName('upgraded-elsewhere');
    const storage = createIndexedDbStorage({ databaseName: name });
    try {
      await storage.put('goals', { id: 'g1' });
      // A "newer tab" upgrades to version 3. If the adapter kept its connection open, this would be blocked forever.
      let blocked = false;
      const request = indexedDB.open(name, 3);
      request.addEventListener('blocked', () => (blocked = true));
      request.addEventListener('upgradeneeded', () => request.result.createObjectStore('added-by-v3'));
      const upgraded = await requestResult(request);
      upgraded.close();
      expect(blocked, 'the adapter must close its connection on versionchange').to.equal(false);
      let failure: unknown;
      await storage.get('goals', 'g1').catch((error: unknown) => (failure = error));
      expect(isMentorKitError(failure, 'storage-error'), String(failure)).to.equal(true);
      expect((failure as Error).message).to.contain('Reload the page');
    } finally {
      await storage.dispose();
    }
  });
});
