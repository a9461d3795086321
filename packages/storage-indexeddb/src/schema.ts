/**
 * The IndexedDB layout of `@mentorkit/storage-indexeddb` and the migrations between its versions.
 *
 * ## Version 3 (current)
 *
 * | object store | key                          | value                                            | indexes                          |
 * |--------------|------------------------------|--------------------------------------------------|----------------------------------|
 * | `records`    | `[collection, id]` (keyPath) | `{ collection, id, record }` — `record` is the   | `by-collection` on `collection`  |
 * |              |                              | `StoredRecord` (with `revision` and `updatedAt`) |                                  |
 * | `tombstones` | `[collection, id]` (keyPath) | `{ collection, id, revision, deletedAt }`: the   |                                  |
 * |              |                              | revision a record had when it was deleted        |                                  |
 * | `blobs`      | `id` (keyPath)               | `{ id, blob, size, type, updatedAt }`            |                                  |
 * | `meta`       | out-of-line string           | `schema`: `{ version, createdAt, upgrades[] }`;  |                                  |
 * |              |                              | `unreadable-v1-entries`: v1 entries the upgrade  |                                  |
 * |              |                              | could not interpret, kept verbatim (rare)        |                                  |
 *
 * The record sits inside an envelope so that a record's own fields (a goal may well have a field
 * called `collection` or `key`) never collide with the key path. `[collection, id]` keys sort by
 * collection, then by id in code-unit order — the order `query` returns.
 *
 * A key is in `records` or in `tombstones`, never in both: `delete` moves the record's revision into
 * a tombstone and a re-create continues from it + 1 and removes the tombstone, both in one
 * transaction over the two stores. So revisions of an id never repeat, while `get`, `query` and the
 * `by-collection` index only ever see live records. Tombstones are kept for good (one small entry
 * per deleted id): a client may hold an old revision for any length of time.
 *
 * ## Version 2
 *
 * Version 3 without `tombstones`: a re-created record restarted at revision 1.
 *
 * ## Version 1 (MentorKit 0.0.x prototype)
 *
 * | object store | key                                  | value                               | indexes                   |
 * |--------------|--------------------------------------|-------------------------------------|---------------------------|
 * | `entries`    | `key` (keyPath): `"<collection>/<id>"` | `{ key, collection, record }`      | `collection` on `collection` |
 *
 * No blob or meta store. Collection names cannot contain `/`, so the key splits at its first `/`.
 *
 * ## Upgrading
 *
 * `openDB` runs every migration whose version is above the database's version, in order, inside the
 * single `versionchange` transaction: a new database runs all of them (so the upgrade path is
 * exercised on every first open), and a failure aborts the transaction, leaving the old data and
 * version untouched. Add a version by appending to `migrations`; never edit a released one.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import type { StoredRecord } from '@mentorkit/core/storage';

/** Store and index names of the current layout. */
export const StoreName = {
  records: 'records',
  tombstones: 'tombstones',
  blobs: 'blobs',
  meta: 'meta',
} as const;

export const RecordIndexName = {
  byCollection: 'by-collection',
} as const;

/** Keys of the `meta` store. */
export const MetaKey = {
  schema: 'schema',
  unreadableVersion1Entries: 'unreadable-v1-entries',
} as const;

/** Names in the version-1 layout, kept for the upgrade (and for tests that build a version-1 database). */
export const Version1Name = {
  entriesStore: 'entries',
  collectionIndex: 'collection',
} as const;

/** One record in the `records` store. */
export interface RecordEntry {
  collection: string;
  id: string;
  record: StoredRecord;
}

/** One deleted id in the `tombstones` store: what a re-create continues from. */
export interface TombstoneEntry {
  collection: string;
  id: string;
  /** The revision the record had when it was deleted. */
  revision: number;
  /** When it was deleted (ISO instant), for support and diagnostics. */
  deletedAt: string;
}

/** One attachment in the `blobs` store. */
export interface BlobEntry {
  id: string;
  blob: Blob;
  size: number;
  type: string;
  updatedAt: string;
}

/** `meta` → `schema`: which layout the database has and how it got there. */
export interface SchemaInfo {
  version: number;
  /** When this database was created by a version that kept meta data; null when it predates that (upgraded from version 1). */
  createdAt: string | null;
  upgrades: Array<{ from: number; to: number; at: string }>;
}

/** A version-1 entry the upgrade could not interpret, kept as it was. */
export interface UnreadableEntry {
  key: unknown;
  value: unknown;
}

/** The typed layout of the current version, for idb. */
export interface MentorKitDatabaseSchema extends DBSchema {
  records: {
    key: [string, string];
    value: RecordEntry;
    indexes: { 'by-collection': string };
  };
  tombstones: {
    key: [string, string];
    value: TombstoneEntry;
  };
  blobs: {
    key: string;
    value: BlobEntry;
  };
  meta: {
    key: string;
    value: SchemaInfo | UnreadableEntry[];
  };
}

/** An untyped view of the database during an upgrade: older layouts have other stores. */
export type UpgradingDatabase = IDBPDatabase<unknown>;
export type UpgradeTransaction = IDBPTransaction<unknown, string[], 'versionchange'>;

export interface MigrationContext {
  /** The ISO instant of this upgrade, for timestamps the migration writes. */
  now: string;
}

/** One step of the schema history. */
export interface Migration {
  /** The version this migration produces. */
  version: number;
  /** What changes, for people reading the code and the upgrade log. */
  description: string;
  migrate(database: UpgradingDatabase, transaction: UpgradeTransaction, context: MigrationContext): Promise<void>;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/**
 * Turns a version-1 entry into a version-2 one, or `undefined` when it cannot be interpreted.
 * The record data is kept as it was; only a missing `revision` or `updatedAt` is filled in.
 */
export function convertVersion1Entry(key: unknown, value: unknown, now: string): RecordEntry | undefined {
  if (!isPlainObject(value) || !isPlainObject(value.record)) return undefined;
  const keyText = typeof key === 'string' ? key : typeof value.key === 'string' ? value.key : undefined;
  const separator = keyText?.indexOf('/') ?? -1;
  const collection =
    typeof value.collection === 'string' && value.collection !== '' ? value.collection : separator > 0 ? keyText!.slice(0, separator) : undefined;
  const record = value.record;
  const id = typeof record.id === 'string' && record.id !== '' ? record.id : separator > 0 ? keyText!.slice(separator + 1) : undefined;
  if (collection === undefined || id === undefined || id === '') return undefined;
  const revision = typeof record.revision === 'number' && Number.isInteger(record.revision) && record.revision >= 1 ? record.revision : 1;
  const updatedAt = typeof record.updatedAt === 'string' && Number.isFinite(Date.parse(record.updatedAt)) ? record.updatedAt : now;
  return { collection, id, record: { ...record, id, revision, updatedAt } };
}

/** The schema history, oldest first. The last entry's version is the current version. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'Prototype layout: one "entries" store keyed by "<collection>/<id>", with a "collection" index.',
    async migrate(database) {
      const entries = database.createObjectStore(Version1Name.entriesStore, { keyPath: 'key' });
      entries.createIndex(Version1Name.collectionIndex, 'collection');
    },
  },
  {
    version: 2,
    description:
      'One "records" store keyed by [collection, id] with a "by-collection" index; "blobs" for attachments; "meta" for the schema history. Moves every version-1 entry across.',
    async migrate(database, transaction, context) {
      const records = database.createObjectStore(StoreName.records, { keyPath: ['collection', 'id'] });
      records.createIndex(RecordIndexName.byCollection, 'collection');
      database.createObjectStore(StoreName.blobs, { keyPath: 'id' });
      const meta = database.createObjectStore(StoreName.meta);
      const unreadable: UnreadableEntry[] = [];
      let cursor = await transaction.objectStore(Version1Name.entriesStore).openCursor();
      while (cursor) {
        const converted = convertVersion1Entry(cursor.key, cursor.value, context.now);
        if (converted) await records.put(converted);
        else unreadable.push({ key: cursor.key, value: cursor.value });
        cursor = await cursor.continue();
      }
      // Nothing is dropped: entries the upgrade cannot read stay available for support and recovery.
      if (unreadable.length > 0) await meta.put(unreadable, MetaKey.unreadableVersion1Entries);
      database.deleteObjectStore(Version1Name.entriesStore);
    },
  },
  {
    version: 3,
    description:
      'A "tombstones" store keyed by [collection, id] that remembers the revision of every deleted record, so a re-created record continues from it + 1 and revisions never repeat. Records, blobs and meta stay as they are.',
    async migrate(database) {
      // Version 2 kept nothing about deleted records, so there is nothing to move: ids deleted before
      // this upgrade start again at revision 1 when re-created, as they did under version 2.
      database.createObjectStore(StoreName.tombstones, { keyPath: ['collection', 'id'] });
    },
  },
];

/** The schema version this code opens databases with. */
export const databaseVersion: number = migrations[migrations.length - 1]!.version;

/**
 * Brings a database from `oldVersion` to `newVersion` inside the upgrade transaction and records the
 * upgrade in `meta`. Rejects when a migration fails; the caller then aborts the transaction.
 */
export async function upgradeDatabase(
  database: UpgradingDatabase,
  transaction: UpgradeTransaction,
  oldVersion: number,
  newVersion: number,
  now: string,
): Promise<void> {
  for (const migration of migrations) {
    if (migration.version > oldVersion && migration.version <= newVersion) await migration.migrate(database, transaction, { now });
  }
  const meta = transaction.objectStore(StoreName.meta);
  const previous = (await meta.get(MetaKey.schema)) as SchemaInfo | undefined;
  const info: SchemaInfo = {
    version: newVersion,
    createdAt: previous?.createdAt ?? (oldVersion === 0 ? now : null),
    upgrades: [...(previous?.upgrades ?? []), { from: oldVersion, to: newVersion, at: now }],
  };
  await meta.put(info, MetaKey.schema);
}
