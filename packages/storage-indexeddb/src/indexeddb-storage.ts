import { openDB, type IDBPDatabase } from 'idb';
import {
  assertCollectionName,
  assertDeleteOptions,
  assertPutOptions,
  assertRecordId,
  assertStorableRecord,
  assertWhereClause,
  byId,
  matchesWhere,
  nextStoredRecord,
  reportStorageError,
  revisionConflict,
  type BlobInfo,
  type DeleteOptions,
  type PutOptions,
  type RecordInput,
  type StorageAdapter,
  type StorageChange,
  type StoredRecord,
  type Unsubscribe,
} from '@mentorkit/core/storage';
import { isMentorKitError, MentorKitError } from '@mentorkit/core/model';
import {
  databaseVersion,
  StoreName,
  RecordIndexName,
  upgradeDatabase,
  type BlobEntry,
  type MentorKitDatabaseSchema,
  type RecordEntry,
  type TombstoneEntry,
  type UpgradeTransaction,
  type UpgradingDatabase,
} from './schema.js';

export interface IndexedDbStorageOptions {
  /** The IndexedDB database. Default `mentorkit`. Use one per application (or per signed-in person) on a shared origin. */
  databaseName?: string;
  /** The adapter's name in errors and dev tools. Default `indexeddb`. */
  name?: string;
  /**
   * The BroadcastChannel that carries change notices between tabs. Default `mentorkit:<databaseName>`.
   * Instances see each other's changes only when they share it.
   */
  channelName?: string;
  /** Clock for `updatedAt`; defaults to the system clock. */
  now?: (() => Date) | undefined;
}

/** The IndexedDB adapter: a `StorageAdapter` whose optional parts are all present. */
export interface IndexedDbStorage extends StorageAdapter {
  readonly databaseName: string;
  readonly channelName: string;
  watch(listener: (change: StorageChange) => void): Unsubscribe;
  dispose(): Promise<void>;
  putBlob(id: string, blob: Blob): Promise<BlobInfo>;
  getBlob(id: string): Promise<Blob | undefined>;
  deleteBlob(id: string): Promise<boolean>;
}

/** What one instance posts on the BroadcastChannel after a committed write. Only a notice: receivers re-read the record. */
interface ChangeNotice {
  type: typeof CHANGE_NOTICE_TYPE;
  /** The posting instance, so an instance can ignore its own notices. */
  source: string;
  collection: string;
  id: string;
  /** The revision written, or null after a delete. */
  revision: number | null;
}

const CHANGE_NOTICE_TYPE = 'mentorkit-storage-change';
type Database = IDBPDatabase<MentorKitDatabaseSchema>;
type RecordsTransaction = ReturnType<typeof openRecordsTransaction>;

function openRecordsTransaction(database: Database) {
  return database.transaction([StoreName.records, StoreName.tombstones], 'readwrite');
}

/**
 * Runs `body` in one readwrite transaction over records and tombstones, so reading, checking and
 * writing cannot interleave with another writer (in this tab or another). When `body` refuses
 * (throws a MentorKitError, e.g. a conflict) the transaction is aborted and nothing is written;
 * otherwise the result is returned once the transaction has committed.
 */
async function atomically<T>(database: Database, body: (transaction: RecordsTransaction) => Promise<T>): Promise<T> {
  const transaction = openRecordsTransaction(database);
  let outcome: { value: T } | { refused: unknown };
  try {
    outcome = { value: await body(transaction) };
  } catch (error) {
    outcome = { refused: error };
    if (isMentorKitError(error)) transaction.abort();
  }
  await transaction.done.catch((error: unknown) => {
    if (!('refused' in outcome)) throw error;
  });
  if ('refused' in outcome) throw outcome.refused;
  return outcome.value;
}

function readOptions(options: unknown): Required<Omit<IndexedDbStorageOptions, 'now'>> & Pick<IndexedDbStorageOptions, 'now'> {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null) {
    throw new MentorKitError('invalid-input', 'createIndexedDbStorage options must be an object such as { databaseName: "my-app" }.', { path: 'options' });
  }
  const { databaseName = 'mentorkit', name = 'indexeddb', channelName, now } = options as IndexedDbStorageOptions;
  if (typeof databaseName !== 'string' || databaseName.trim() === '') {
    throw new MentorKitError('invalid-input', `\`databaseName\` must be a non-empty string (got ${JSON.stringify(databaseName)}).`, {
      path: 'options.databaseName',
    });
  }
  if (typeof name !== 'string' || name === '') throw new MentorKitError('invalid-input', '`name` must be a non-empty string.', { path: 'options.name' });
  if (channelName !== undefined && (typeof channelName !== 'string' || channelName === '')) {
    throw new MentorKitError('invalid-input', '`channelName` must be a non-empty string.', { path: 'options.channelName' });
  }
  if (now !== undefined && typeof now !== 'function')
    throw new MentorKitError('invalid-input', '`now` must be a function returning a Date.', { path: 'options.now' });
  return { databaseName, name, channelName: channelName ?? `mentorkit:${databaseName}`, now };
}

function unsupported(reason: string, cause?: unknown): MentorKitError {
  return new MentorKitError(
    'unsupported',
    `IndexedDB is not available here (${reason}); this happens in some private browsing modes, with storage blocked, and outside browsers. Pass another storage adapter instead, e.g. createMemoryStorage() from @mentorkit/core/storage or your own backend adapter.`,
    { cause },
  );
}

function indexedDbFactory(): IDBFactory {
  let factory: IDBFactory | undefined;
  try {
    factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  } catch (error) {
    // Some browsers throw a SecurityError on access when site data is blocked.
    throw unsupported('access to indexedDB was refused', error);
  }
  if (!factory) throw unsupported('there is no indexedDB object');
  return factory;
}

function randomInstanceId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return crypto?.randomUUID ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string' ? (error as { name: string }).name : '';
}

function errorMessage(error: unknown): string {
  return error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
    ? String((error as { message: unknown }).message)
    : String(error);
}

function readChangeNotice(data: unknown): ChangeNotice | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const notice = data as Partial<ChangeNotice>;
  if (notice.type !== CHANGE_NOTICE_TYPE || typeof notice.source !== 'string') return undefined;
  if (notice.revision !== null && !(typeof notice.revision === 'number' && Number.isInteger(notice.revision) && notice.revision >= 1)) return undefined;
  try {
    assertCollectionName(notice.collection);
    assertRecordId(notice.id);
  } catch {
    return undefined;
  }
  return { type: CHANGE_NOTICE_TYPE, source: notice.source, collection: notice.collection, id: notice.id, revision: notice.revision };
}

/**
 * MentorKit's embedded default storage: records and attachments in the browser's IndexedDB, kept
 * in sync across tabs.
 *
 * - Writes are compare-and-set inside ONE readwrite transaction (read, check `expectedRevision`,
 *   write), so of two writers — in this tab or another — exactly one wins and the other gets `conflict`.
 * - Revisions never repeat: `delete` leaves a tombstone with the record's last revision (in the same
 *   transaction) and a re-create continues from it + 1, so a writer holding a revision of the deleted
 *   record gets `conflict` against the new one.
 * - Values are checked with the shared contract rules before any transaction opens: IndexedDB's
 *   structured clone would silently accept a `Date` or `Map`, which other adapters cannot store.
 * - `watch` reports this instance's changes and, through a BroadcastChannel, those of other tabs
 *   and instances on the same database. A notice only says which record changed; the receiver
 *   re-reads it from IndexedDB and reports what is actually stored.
 * - The database opens on first use; see `schema.ts` for the layout and the upgrade path.
 *
 * Throws `unsupported` when IndexedDB is missing (pass another adapter then), and `invalid-input`
 * for bad options.
 *
 * ```ts
 * import { createIndexedDbStorage } from '@mentorkit/storage-indexeddb';
 * const storage = createIndexedDbStorage({ databaseName: 'acme-mentoring' });
 * const kit = createMentorKit({ storage, user: { id: 'ana' } });
 * ```
 */
export function createIndexedDbStorage(options?: IndexedDbStorageOptions): IndexedDbStorage {
  const { databaseName, name, channelName, now: clock } = readOptions(options);
  indexedDbFactory();
  const instanceId = randomInstanceId();
  const listeners = new Set<(change: StorageChange) => void>();
  const now = () => (clock ? clock() : new Date()).toISOString();
  let connection: Promise<Database> | undefined;
  let disposed = false;
  /** Remote notices are handled one after another so listeners see changes in the order they were posted. */
  let remoteQueue: Promise<void> = Promise.resolve();

  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : undefined;
  channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
    const notice = readChangeNotice(event.data);
    if (!notice || notice.source === instanceId || disposed || listeners.size === 0) return;
    remoteQueue = remoteQueue.then(() => deliverRemoteChange(notice));
  });

  const ensureNotDisposed = () => {
    if (disposed)
      throw new MentorKitError('storage-error', `This IndexedDB storage ("${databaseName}") was disposed; create a new one with createIndexedDbStorage().`);
  };

  function openDatabase(): Promise<Database> {
    if (connection) return connection;
    let migrationError: unknown;
    const opening: Promise<Database> = openDB<MentorKitDatabaseSchema>(databaseName, databaseVersion, {
      upgrade(database, oldVersion, newVersion, transaction) {
        const target = newVersion ?? databaseVersion;
        // The open request reports a failed upgrade; the transaction's own promise must not go unhandled.
        transaction.done.catch(() => undefined);
        upgradeDatabase(database as unknown as UpgradingDatabase, transaction as unknown as UpgradeTransaction, oldVersion, target, now()).catch(
          (error: unknown) => {
            migrationError = new MentorKitError(
              'storage-error',
              `Upgrading the IndexedDB database "${databaseName}" from version ${oldVersion} to ${target} failed, so it was left at version ${oldVersion} with its data untouched: ${errorMessage(error)}`,
              { cause: error },
            );
            try {
              transaction.abort();
            } catch {
              // Already finished or aborted: the open request reports the failure.
            }
          },
        );
      },
      blocking() {
        // Another tab wants a newer version (or to delete the database): step aside.
        // The next operation opens a fresh connection.
        if (connection === opening) connection = undefined;
        void opening.then((database) => database.close());
      },
      terminated() {
        // The browser closed the connection (storage cleared, disk trouble): reopen on next use.
        if (connection === opening) connection = undefined;
      },
    }).catch((error: unknown) => {
      if (connection === opening) connection = undefined;
      throw migrationError ?? openFailure(error);
    });
    connection = opening;
    return opening;
  }

  function openFailure(error: unknown): MentorKitError {
    const errorKind = errorName(error);
    if (errorKind === 'VersionError') {
      return new MentorKitError(
        'storage-error',
        `The IndexedDB database "${databaseName}" has a newer layout than this version of MentorKit understands (it opens version ${databaseVersion}). Reload the page to run the newest version of the app.`,
        { cause: error },
      );
    }
    if (errorKind === 'InvalidStateError' || errorKind === 'SecurityError') return unsupported(`opening "${databaseName}" failed with ${errorKind}`, error);
    return new MentorKitError('storage-error', `Opening the IndexedDB database "${databaseName}" failed: ${errorKind || 'Error'}: ${errorMessage(error)}`, {
      cause: error,
    });
  }

  /**
   * Runs `action` on an open database. If the connection was closed underneath it (another tab
   * upgraded, storage was cleared) it retries once on a fresh connection. Backend errors become
   * `storage-error`; MentorKit errors (conflicts) pass through.
   */
  async function withDatabase<T>(what: string, action: (database: Database) => Promise<T>): Promise<T> {
    ensureNotDisposed();
    for (let attempt = 1; ; attempt++) {
      const database = await openDatabase();
      try {
        return await action(database);
      } catch (error) {
        if (isMentorKitError(error)) throw error;
        if (errorName(error) === 'InvalidStateError' && attempt === 1 && !disposed) {
          if (connection !== undefined && (await connection.catch(() => undefined)) === database) connection = undefined;
          continue;
        }
        if (disposed) ensureNotDisposed();
        const kind = errorName(error);
        const hint =
          kind === 'QuotaExceededError' ? " The browser's storage quota for this site is full; free some space or ask the person to allow more storage." : '';
        throw new MentorKitError('storage-error', `IndexedDB could not ${what} in "${databaseName}": ${kind || 'Error'}: ${errorMessage(error)}.${hint}`, {
          cause: error,
        });
      }
    }
  }

  function notify(change: StorageChange): void {
    for (const listener of [...listeners]) {
      try {
        listener(change.record ? { ...change, record: structuredClone(change.record) } : { ...change });
      } catch (error) {
        // A failing listener must not break the write or the other listeners.
        reportStorageError(
          error,
          `A storage watch listener threw while handling a change to ${change.collection}/${change.id} in the IndexedDB database "${databaseName}"; the write succeeded and the other listeners were notified.`,
        );
      }
    }
  }

  function announce(collection: string, id: string, revision: number | null): void {
    const notice: ChangeNotice = { type: CHANGE_NOTICE_TYPE, source: instanceId, collection, id, revision };
    try {
      channel?.postMessage(notice);
    } catch (error) {
      reportStorageError(
        error,
        `Telling other tabs about the change to ${collection}/${id} in the IndexedDB database "${databaseName}" failed; the write succeeded.`,
      );
    }
  }

  async function readRecord(collection: string, id: string): Promise<StoredRecord | undefined> {
    const entry = await withDatabase('read a record', (database) => database.get(StoreName.records, [collection, id]));
    return entry?.record;
  }

  /**
   * Reports a change another instance announced. The notice is never trusted: the record is re-read
   * from IndexedDB. When the stored state no longer matches the notice, a later change has happened
   * and its own event (local, or another notice) reports it, so this one is dropped.
   */
  async function deliverRemoteChange(notice: ChangeNotice): Promise<void> {
    let record: StoredRecord | undefined;
    try {
      record = await readRecord(notice.collection, notice.id);
    } catch (error) {
      if (!disposed)
        reportStorageError(
          error,
          `Reading ${notice.collection}/${notice.id}, which another tab changed, from the IndexedDB database "${databaseName}" failed; watch listeners were not told about that change.`,
        );
      return;
    }
    if (disposed) return;
    const stillCurrent = notice.revision === null ? record === undefined : record?.revision === notice.revision;
    if (stillCurrent) notify(record ? { collection: notice.collection, id: notice.id, record } : { collection: notice.collection, id: notice.id });
  }

  const storage: IndexedDbStorage = {
    name,
    databaseName,
    channelName,

    async get(collection: string, id: string): Promise<StoredRecord | undefined> {
      ensureNotDisposed();
      assertCollectionName(collection);
      assertRecordId(id);
      // Every read is a fresh structured clone, so the caller gets its own copy.
      return readRecord(collection, id);
    },

    async query(collection: string, where?: Record<string, string | number | boolean>): Promise<StoredRecord[]> {
      ensureNotDisposed();
      assertCollectionName(collection);
      assertWhereClause(where);
      const entries = await withDatabase('query records', (database) => database.getAllFromIndex(StoreName.records, RecordIndexName.byCollection, collection));
      return entries
        .map((entry) => entry.record)
        .filter((record) => matchesWhere(record, where))
        .sort(byId);
    },

    async put(collection: string, record: RecordInput, putOptions?: PutOptions): Promise<StoredRecord> {
      ensureNotDisposed();
      assertCollectionName(collection);
      assertStorableRecord(record);
      assertPutOptions(putOptions);
      const stored = await withDatabase('write a record', (database) =>
        atomically(database, async (transaction) => {
          const records = transaction.objectStore(StoreName.records);
          const tombstones = transaction.objectStore(StoreName.tombstones);
          const key: [string, string] = [collection, record.id];
          const current = await records.get(key);
          // A deleted id continues from its last revision, so revisions never repeat.
          const tombstone = current ? undefined : await tombstones.get(key);
          // Compare and compute inside the transaction: no other writer can slip in between.
          const next = nextStoredRecord(collection, current?.record, record, putOptions, now(), tombstone?.revision);
          const entry: RecordEntry = { collection, id: next.id, record: next };
          await records.put(entry);
          if (tombstone) await tombstones.delete(key);
          return next;
        }),
      );
      notify({ collection, id: stored.id, record: stored });
      announce(collection, stored.id, stored.revision);
      return stored;
    },

    async delete(collection: string, id: string, deleteOptions?: DeleteOptions): Promise<boolean> {
      ensureNotDisposed();
      assertCollectionName(collection);
      assertRecordId(id);
      assertDeleteOptions(deleteOptions);
      const deleted = await withDatabase('delete a record', (database) =>
        atomically(database, async (transaction) => {
          const records = transaction.objectStore(StoreName.records);
          const key: [string, string] = [collection, id];
          const current = await records.get(key);
          const expected = deleteOptions?.expectedRevision;
          if (expected !== undefined && current?.record.revision !== expected) throw revisionConflict(collection, id, expected, current?.record.revision);
          if (!current) return false;
          // Record and tombstone change in one transaction: the key moves from one store to the other.
          const tombstone: TombstoneEntry = { collection, id, revision: current.record.revision, deletedAt: now() };
          await records.delete(key);
          await transaction.objectStore(StoreName.tombstones).put(tombstone);
          return true;
        }),
      );
      if (deleted) {
        notify({ collection, id });
        announce(collection, id, null);
      }
      return deleted;
    },

    watch(listener: (change: StorageChange) => void): Unsubscribe {
      ensureNotDisposed();
      if (typeof listener !== 'function') throw new MentorKitError('invalid-input', '`watch` needs a listener function.', { path: 'listener' });
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    async dispose(): Promise<void> {
      if (disposed) return;
      disposed = true;
      listeners.clear();
      channel?.close();
      const pending = connection;
      connection = undefined;
      if (pending) {
        const database = await pending.catch(() => undefined);
        database?.close();
      }
    },

    async putBlob(id: string, blob: Blob): Promise<BlobInfo> {
      ensureNotDisposed();
      assertRecordId(id);
      if (typeof Blob !== 'function' || !(blob instanceof Blob)) {
        throw new MentorKitError('invalid-input', '`blob` must be a Blob (e.g. the output of MediaRecorder or a File from an <input type="file">).', {
          path: 'blob',
        });
      }
      const entry: BlobEntry = { id, blob, size: blob.size, type: blob.type, updatedAt: now() };
      await withDatabase('store an attachment', (database) => database.put(StoreName.blobs, entry));
      return { id, size: entry.size, type: entry.type };
    },

    async getBlob(id: string): Promise<Blob | undefined> {
      ensureNotDisposed();
      assertRecordId(id);
      const entry = await withDatabase('read an attachment', (database) => database.get(StoreName.blobs, id));
      return entry?.blob;
    },

    async deleteBlob(id: string): Promise<boolean> {
      ensureNotDisposed();
      assertRecordId(id);
      return withDatabase('delete an attachment', async (database) => {
        const transaction = database.transaction(StoreName.blobs, 'readwrite');
        const existing = await transaction.store.getKey(id);
        if (existing !== undefined) await transaction.store.delete(id);
        await transaction.done;
        return existing !== undefined;
      });
    },
  };
  return storage;
}
