/**
 * The versioned schema: real version-1 and version-2 databases (written with the native IndexedDB
 * API, not with the adapter's own migration code) are upgraded with every record intact; new
 * databases get the documented layout; newer and damaged databases are refused without being changed.
 */
import { expect } from '@open-wc/testing';
import { isMentorKitError } from '@mentorkit/core/model';
import { createIndexedDbStorage, indexedDbMigrations, indexedDbSchemaVersion } from '@mentorkit/storage-indexeddb';
import { deleteDatabase, requestResult, uniqueDatabaseName } from './helpers.js';

const databasesToDelete: string[] = [];
const newDatabaseName = (purpose: string) => {
  const name = uniqueDatabaseName(purpose);
  databasesToDelete.push(name);
  return name;
};

/** Opens `name` at `version` with the native API, running `upgrade` if the version is new; closes it afterwards. */
async function withNativeDatabase(
  name: string,
  version: number | undefined,
  upgrade: (database: IDBDatabase, transaction: IDBTransaction) => void,
  work?: (database: IDBDatabase) => Promise<void>,
): Promise<void> {
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
  {
    key: 'notes/2024/05/n1',
    collection: 'notes',
    record: { id: '2024/05/n1', body: 'an id with slashes', revision: 7, updatedAt: '2024-05-03T12:00:00.000+02:00' },
  },
  // Written by an early build that did not set revision/updatedAt yet, and without `collection` on the entry.
  { key: 'coaching-runs/r1', record: { id: 'r1', model: 'grow', answers: { goal: 'x' } } },
];

/** The version-2 layout, built with the native API as version 2 of the adapter created it. */
function createVersion2Layout(database: IDBDatabase): void {
  const records = database.createObjectStore('records', { keyPath: ['collection', 'id'] });
  records.createIndex('by-collection', 'collection');
  database.createObjectStore('blobs', { keyPath: 'id' });
  database.createObjectStore('meta');
}

const version2Records = [
  {
    collection: 'goals',
    id: 'g1',
    record: {
      id: 'g1',
      title: 'Lead the onboarding pilot',
      skill: 'leadership',
      collection: 'a field, not the key',
      milestones: [
        { id: 'm1', title: 'Draft plan', done: true, dueDate: '2024-09-01' },
        { id: 'm2', title: 'Review with mentor', done: false, dueDate: null },
      ],
      notes: '<img src=x onerror=alert(1)> 🎯 Grüße',
      revision: 5,
      updatedAt: '2024-09-10T08:00:00.000Z',
    },
  },
  { collection: 'goals', id: 'g2', record: { id: 'g2', title: 'Second goal', skill: 'communication', revision: 1, updatedAt: '2024-09-11T08:00:00.000Z' } },
  { collection: 'notes', id: '2024/09/n1', record: { id: '2024/09/n1', body: 'an id with slashes', revision: 2, updatedAt: '2024-09-12T12:00:00.000+02:00' } },
];

const version2Schema = { version: 2, createdAt: '2024-06-01T09:00:00.000Z', upgrades: [{ from: 0, to: 2, at: '2024-06-01T09:00:00.000Z' }] };
const version2Unreadable = [{ key: 'junk', value: { key: 'junk', scribble: [1, 2, 3] } }];
const version2VoiceNote = new Uint8Array([0, 1, 2, 128, 254, 255]);

/** Writes the version-2 fixture (records, one blob, meta) with the native API. */
async function fillVersion2Database(database: IDBDatabase): Promise<void> {
  const transaction = database.transaction(['records', 'blobs', 'meta'], 'readwrite');
  for (const entry of version2Records) transaction.objectStore('records').put(entry);
  const blob = new Blob([version2VoiceNote], { type: 'audio/webm;codecs=opus' });
  transaction.objectStore('blobs').put({ id: 'voice-1', blob, size: blob.size, type: blob.type, updatedAt: '2024-09-10T08:00:00.000Z' });
  transaction.objectStore('meta').put(version2Schema, 'schema');
  transaction.objectStore('meta').put(version2Unreadable, 'unreadable-v1-entries');
  await new Promise<void>((resolve, reject) => {
    transaction.addEventListener('complete', () => resolve());
    transaction.addEventListener('error', () => reject(transaction.error));
  });
}

describe('IndexedDB storage: schema versions and upgrades', () => {
  after(async () => {
    for (const name of databasesToDelete) await deleteDatabase(name);
  });

  it('declares a migration for every version up to the current one', () => {
    expect(indexedDbMigrations.map((migration) => migration.version)).to.deep.equal([1, 2, 3]);
    expect(indexedDbSchemaVersion).to.equal(3);
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

    await withNativeDatabase(
      name,
      undefined,
      () => undefined,
      async (database) => {
        expect(database.version).to.equal(3);
        expect([...database.objectStoreNames].sort()).to.deep.equal(['blobs', 'meta', 'records', 'tombstones']);
        const meta = database.transaction('meta').objectStore('meta');
        const schema = (await requestResult(meta.get('schema'))) as {
          version: number;
          createdAt: string | null;
          upgrades: Array<{ from: number; to: number }>;
        };
        expect(schema.version).to.equal(3);
        expect(schema.createdAt).to.equal(null);
        expect(schema.upgrades.map(({ from, to }) => [from, to])).to.deep.equal([[1, 3]]);
        const unreadable = await requestResult(database.transaction('meta').objectStore('meta').get('unreadable-v1-entries'));
        expect(unreadable).to.deep.equal([{ key: 'junk', value: { key: 'junk', scribble: [1, 2, 3] } }]);
        expect(await readAll(database, 'records')).to.have.length(version1Entries.length);
      },
    );
  });

  it('upgrades a version-2 database written with the native API to version 3: records, blobs and meta survive, revisions continue and never repeat', async () => {
    const name = newDatabaseName('upgrade-v2');
    await withNativeDatabase(name, 2, createVersion2Layout, fillVersion2Database);

    const storage = createIndexedDbStorage({ databaseName: name });
    try {
      for (const entry of version2Records) expect(await storage.get(entry.collection, entry.id), `${entry.collection}/${entry.id}`).to.deep.equal(entry.record);
      expect(await storage.query('goals')).to.deep.equal([version2Records[0]!.record, version2Records[1]!.record]);
      expect((await storage.query('goals', { skill: 'communication' })).map((record) => record.id)).to.deep.equal(['g2']);
      expect(await storage.query('notes')).to.deep.equal([version2Records[2]!.record]);
      const voiceNote = await storage.getBlob('voice-1');
      expect(voiceNote?.type).to.equal('audio/webm;codecs=opus');
      expect([...new Uint8Array(await voiceNote!.arrayBuffer())]).to.deep.equal([...version2VoiceNote]);

      // Revisions continue from the upgraded ones; conflicts still work.
      let conflict: unknown;
      await storage.put('goals', { id: 'g1', title: 'stale' }, { expectedRevision: 4 }).catch((error: unknown) => (conflict = error));
      expect(isMentorKitError(conflict, 'conflict'), 'a stale write after the upgrade must conflict').to.equal(true);
      expect((await storage.put('goals', { id: 'g1', title: 'edited' }, { expectedRevision: 5 })).revision).to.equal(6);

      // Deleting and re-creating on the upgraded database continues from the deleted revision.
      expect(await storage.delete('goals', 'g1', { expectedRevision: 6 })).to.equal(true);
      expect((await storage.put('goals', { id: 'g1', title: 'new' }, { expectedRevision: null })).revision).to.equal(7);
      conflict = undefined;
      await storage.put('goals', { id: 'g1', title: 'stale' }, { expectedRevision: 6 }).catch((error: unknown) => (conflict = error));
      expect(isMentorKitError(conflict, 'conflict'), 'a writer holding the deleted revision must conflict with the re-created record').to.equal(true);
      expect(await storage.delete('notes', '2024/09/n1')).to.equal(true);
    } finally {
      await storage.dispose();
    }

    await withNativeDatabase(
      name,
      undefined,
      () => undefined,
      async (database) => {
        expect(database.version).to.equal(3);
        expect([...database.objectStoreNames].sort()).to.deep.equal(['blobs', 'meta', 'records', 'tombstones']);
        const schema = (await requestResult(database.transaction('meta').objectStore('meta').get('schema'))) as {
          version: number;
          createdAt: string | null;
          upgrades: Array<{ from: number; to: number; at: string }>;
        };
        expect(schema.version).to.equal(3);
        expect(schema.createdAt, 'the creation time of the version-2 database is kept').to.equal(version2Schema.createdAt);
        expect(schema.upgrades.map(({ from, to }) => [from, to])).to.deep.equal([
          [0, 2],
          [2, 3],
        ]);
        expect(schema.upgrades[0]!.at).to.equal(version2Schema.upgrades[0]!.at);
        expect(await requestResult(database.transaction('meta').objectStore('meta').get('unreadable-v1-entries'))).to.deep.equal(version2Unreadable);
        const records = (await readAll(database, 'records')) as Array<{ collection: string; id: string; record: { revision: number } }>;
        expect(records.map((entry) => [entry.collection, entry.id, entry.record.revision])).to.deep.equal([
          ['goals', 'g1', 7],
          ['goals', 'g2', 1],
        ]);
        expect(
          ((await readAll(database, 'tombstones')) as Array<{ collection: string; id: string; revision: number }>).map((entry) => [
            entry.collection,
            entry.id,
            entry.revision,
          ]),
        ).to.deep.equal([['notes', '2024/09/n1', 2]]);
      },
    );
  });

  it('rolls a failed upgrade to version 3 back: the version-2 database keeps its version, stores and records', async () => {
    const name = newDatabaseName('damaged-v2');
    // A version-2 database that already has a "tombstones" store (written by something else): creating it fails, the upgrade must abort.
    await withNativeDatabase(
      name,
      2,
      (database) => {
        createVersion2Layout(database);
        database.createObjectStore('tombstones');
      },
      fillVersion2Database,
    );
    const storage = createIndexedDbStorage({ databaseName: name });
    let failure: unknown;
    await storage.get('goals', 'g1').catch((error: unknown) => (failure = error));
    await storage.dispose();
    expect(isMentorKitError(failure, 'storage-error'), String(failure)).to.equal(true);
    expect((failure as Error).message).to.contain('from version 2 to 3 failed');
    await withNativeDatabase(
      name,
      undefined,
      () => undefined,
      async (database) => {
        expect(database.version).to.equal(2);
        expect([...database.objectStoreNames].sort()).to.deep.equal(['blobs', 'meta', 'records', 'tombstones']);
        expect(await readAll(database, 'records')).to.deep.equal(version2Records);
        expect(await requestResult(database.transaction('meta').objectStore('meta').get('schema'))).to.deep.equal(version2Schema);
      },
    );
  });

  it('creates a new database at the current version with the documented layout', async () => {
    const name = newDatabaseName('fresh');
    const storage = createIndexedDbStorage({ databaseName: name, now: () => new Date('2030-01-02T03:04:05.000Z') });
    await storage.put('goals', { id: 'g1', collection: 'a field, not the key' });
    await storage.put('goals', { id: 'deleted' });
    await storage.put('goals', { id: 'deleted' });
    await storage.delete('goals', 'deleted');
    await storage.put('goals', { id: 'recreated' });
    await storage.delete('goals', 'recreated');
    await storage.put('goals', { id: 'recreated' });
    await storage.dispose();
    await withNativeDatabase(
      name,
      undefined,
      () => undefined,
      async (database) => {
        expect(database.version).to.equal(indexedDbSchemaVersion);
        expect([...database.objectStoreNames].sort()).to.deep.equal(['blobs', 'meta', 'records', 'tombstones']);
        // A key is a record or a tombstone, never both: the deleted id left a tombstone, the re-created one took its tombstone back.
        const tombstones = database.transaction('tombstones').objectStore('tombstones');
        expect(tombstones.keyPath).to.deep.equal(['collection', 'id']);
        expect([...tombstones.indexNames]).to.deep.equal([]);
        expect(await readAll(database, 'tombstones')).to.deep.equal([
          { collection: 'goals', id: 'deleted', revision: 2, deletedAt: '2030-01-02T03:04:05.000Z' },
        ]);
        expect(
          ((await readAll(database, 'records')) as Array<{ id: string; record: { revision: number } }>).map((entry) => [entry.id, entry.record.revision]),
        ).to.deep.equal([
          ['g1', 1],
          ['recreated', 2],
        ]);
        const records = database.transaction('records').objectStore('records');
        expect(records.keyPath).to.deep.equal(['collection', 'id']);
        expect([...records.indexNames]).to.deep.equal(['by-collection']);
        expect(records.index('by-collection').keyPath).to.equal('collection');
        const stored = (await requestResult(records.get(['goals', 'g1']))) as { collection: string; id: string; record: Record<string, unknown> };
        expect(stored.collection).to.equal('goals');
        expect(stored.record).to.include({ id: 'g1', collection: 'a field, not the key', revision: 1 });
        expect(database.transaction('blobs').objectStore('blobs').keyPath).to.equal('id');
        const schema = (await requestResult(database.transaction('meta').objectStore('meta').get('schema'))) as {
          version: number;
          createdAt: string;
          upgrades: Array<{ from: number; to: number }>;
        };
        expect(schema.version).to.equal(3);
        expect(Number.isFinite(Date.parse(schema.createdAt))).to.equal(true);
        expect(schema.upgrades.map(({ from, to }) => [from, to])).to.deep.equal([[0, 3]]);
      },
    );
  });

  it('refuses a database from a newer MentorKit with storage-error and leaves it alone', async () => {
    const name = newDatabaseName('newer');
    await withNativeDatabase(name, indexedDbSchemaVersion + 1, (database) => database.createObjectStore('future'));
    const storage = createIndexedDbStorage({ databaseName: name });
    let failure: unknown;
    await storage.get('goals', 'g1').catch((error: unknown) => (failure = error));
    await storage.dispose();
    expect(isMentorKitError(failure, 'storage-error'), String(failure)).to.equal(true);
    expect((failure as Error).message).to.contain('newer layout');
    await withNativeDatabase(
      name,
      undefined,
      () => undefined,
      async (database) => {
        expect(database.version).to.equal(indexedDbSchemaVersion + 1);
        expect([...database.objectStoreNames]).to.deep.equal(['future']);
      },
    );
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
    expect((failure as Error).message).to.contain('from version 1 to 3 failed');
    await withNativeDatabase(
      name,
      undefined,
      () => undefined,
      async (database) => {
        expect(database.version).to.equal(1);
        expect([...database.objectStoreNames]).to.deep.equal(['something-else']);
      },
    );
  });

  it('steps aside when another tab upgrades the database, then reports the newer layout', async () => {
    const name = newDatabaseName('upgraded-elsewhere');
    const storage = createIndexedDbStorage({ databaseName: name });
    try {
      await storage.put('goals', { id: 'g1' });
      // A "newer tab" upgrades to the next version. If the adapter kept its connection open, this would be blocked forever.
      let blocked = false;
      const request = indexedDB.open(name, indexedDbSchemaVersion + 1);
      request.addEventListener('blocked', () => (blocked = true));
      request.addEventListener('upgradeneeded', () => request.result.createObjectStore('added-by-a-newer-version'));
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
