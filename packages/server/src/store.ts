import type { Pool, PoolClient } from 'pg';
import {
  MentorKitError,
  assertCollectionName,
  assertDeleteOptions,
  assertPutOptions,
  assertRecordId,
  assertStorableRecord,
  assertWhereClause,
  matchesWhere,
  nextStoredRecord,
  revisionConflict,
  type BlobInfo,
  type DeleteOptions,
  type PutOptions,
  type RecordInput,
  type StorageAdapter,
  type StorageChange,
  type StoredRecord,
} from '@mentorkit/core';
import { inTransaction } from './schema.js';

/**
 * PostgreSQL access for the reference backend: records with tombstones (revisions never repeat),
 * one atomic step per write (a transaction holding an advisory lock on the record's key), blobs.
 * The HTTP layer (server.ts) adds authentication, policy and idempotency on top of these helpers;
 * `createPostgresStorage` wraps them as a plain `StorageAdapter` for seeding and admin scripts.
 */

interface RecordRow {
  revision: number;
  updated_at: string;
  deleted: boolean;
  data: Record<string, unknown> | null;
}

/** The stored record, or the revision of its tombstone. */
export interface CurrentRow {
  record?: StoredRecord;
  /** Revision the id had when it was deleted (undefined: never stored, or stored now). */
  tombstoneRevision?: number;
}

const byId = (left: StoredRecord, right: StoredRecord) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0);

/** PostgreSQL text cannot hold U+0000; such ids and names are refused up front. */
export function assertNoNul(value: string, path: string): void {
  if (value.includes('\u0000')) throw new MentorKitError('invalid-input', `\`${path}\` must not contain the NUL character (U+0000).`, { path });
}

function toStored(row: RecordRow & { id: string }): StoredRecord {
  // pg parsed the json column with JSON.parse: a "__proto__" key stays plain data.
  return { ...(row.data as Record<string, unknown>), id: row.id, revision: row.revision, updatedAt: row.updated_at } as StoredRecord;
}

/** Takes the per-record lock for the rest of the transaction (writers of one record queue up here). */
export async function lockRecord(client: PoolClient, collection: string, id: string): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1 || E'\\n' || $2, 0))", [collection, id]);
}

export async function readCurrent(client: Pool | PoolClient, collection: string, id: string): Promise<CurrentRow> {
  const { rows } = await client.query<RecordRow & { id: string }>(
    'SELECT id, revision, updated_at, deleted, data FROM mk_records WHERE collection = $1 AND id = $2',
    [collection, id],
  );
  const row = rows[0];
  if (!row) return {};
  return row.deleted ? { tombstoneRevision: row.revision } : { record: toStored(row) };
}

export async function readRecord(client: Pool | PoolClient, collection: string, id: string): Promise<StoredRecord | undefined> {
  return (await readCurrent(client, collection, id)).record;
}

/** Top-level scalar fields jsonb can hold, and whether some field could not be included. */
function filterColumns(data: Record<string, unknown>): { filter: Record<string, string | number | boolean>; unfilterable: boolean } {
  // No prototype: a field named "__proto__" is a field like any other.
  const filter: Record<string, string | number | boolean> = Object.create(null) as Record<string, string | number | boolean>;
  let unfilterable = false;
  for (const [field, value] of Object.entries(data)) {
    if (!(typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) continue;
    if (field.includes('\u0000') || (typeof value === 'string' && value.includes('\u0000'))) unfilterable = true;
    else filter[field] = value;
  }
  return { filter, unfilterable };
}

/**
 * Records of a collection whose top-level fields strictly equal `where`, sorted by id (code units).
 * PostgreSQL narrows them down with the `filter` jsonb column (GIN-indexed containment); the
 * strict check (`"1"` is not `1`, `true` is not `"true"`) is core's `matchesWhere`.
 */
export async function queryRecords(
  client: Pool | PoolClient,
  collection: string,
  where: Record<string, string | number | boolean> = {},
): Promise<StoredRecord[]> {
  const expressible = Object.entries(where).every(([field, value]) => !field.includes('\u0000') && !(typeof value === 'string' && value.includes('\u0000')));
  // "__proto__" is filtered by matchesWhere alone: rows stored before filter columns kept it lack it there.
  const narrowing = Object.entries(where).filter(([field]) => field !== '__proto__');
  const narrow = expressible && narrowing.length > 0;
  const { rows } = await client.query<RecordRow & { id: string }>(
    `SELECT id, revision, updated_at, deleted, data FROM mk_records WHERE collection = $1 AND NOT deleted${narrow ? ' AND (filter @> $2::jsonb OR unfilterable)' : ''}`,
    narrow ? [collection, JSON.stringify(Object.fromEntries(narrowing))] : [collection],
  );
  return rows
    .map(toStored)
    .filter((record) => matchesWhere(record, where))
    .sort(byId);
}

/**
 * Records of a collection matching any of `wheres` (each strictly, as `queryRecords`), in one query:
 * the related records of many readers' policy decisions at once. Unsorted; each record once.
 */
export async function queryRecordsMatchingAny(
  client: Pool | PoolClient,
  collection: string,
  wheres: ReadonlyArray<Record<string, string | number | boolean>>,
): Promise<StoredRecord[]> {
  if (wheres.length === 0) return [];
  const narrowings: string[] = [];
  for (const where of wheres) {
    const expressible = Object.entries(where).every(([field, value]) => !field.includes('\u0000') && !(typeof value === 'string' && value.includes('\u0000')));
    const narrowing = Object.entries(where).filter(([field]) => field !== '__proto__');
    // One where that cannot be narrowed down in SQL: read the collection and match in JavaScript.
    if (!expressible || narrowing.length === 0)
      return queryRecords(client, collection).then((records) => records.filter((record) => wheres.some((each) => matchesWhere(record, each))));
    narrowings.push(JSON.stringify(Object.fromEntries(narrowing)));
  }
  const { rows } = await client.query<RecordRow & { id: string }>(
    'SELECT id, revision, updated_at, deleted, data FROM mk_records WHERE collection = $1 AND NOT deleted AND (filter @> ANY($2::jsonb[]) OR unfilterable)',
    [collection, narrowings],
  );
  return rows.map(toStored).filter((record) => wheres.some((where) => matchesWhere(record, where)));
}

/** Writes (or re-creates) a record row. */
export async function writeRecord(client: PoolClient, collection: string, stored: StoredRecord): Promise<void> {
  const { revision, updatedAt, ...data } = stored;
  const { filter, unfilterable } = filterColumns(stored);
  await client.query(
    `INSERT INTO mk_records (collection, id, revision, updated_at, deleted, data, filter, unfilterable) VALUES ($1, $2, $3, $4, false, $5::json, $6::jsonb, $7)
     ON CONFLICT (collection, id) DO UPDATE SET revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at, deleted = false, data = EXCLUDED.data, filter = EXCLUDED.filter, unfilterable = EXCLUDED.unfilterable`,
    [collection, stored.id, revision, updatedAt, JSON.stringify(data), JSON.stringify(filter), unfilterable],
  );
}

/** Turns a record into its tombstone (keeps the revision). */
export async function writeTombstone(client: PoolClient, collection: string, id: string, now: string): Promise<void> {
  await client.query(
    "UPDATE mk_records SET deleted = true, data = NULL, filter = '{}', unfilterable = false, updated_at = $3 WHERE collection = $1 AND id = $2",
    [collection, id, now],
  );
}

/** Checks `expectedRevision` for a delete; returns whether there is a record to delete. */
export function checkDelete(collection: string, id: string, current: StoredRecord | undefined, options: DeleteOptions | undefined): boolean {
  const expected = options?.expectedRevision;
  if (expected !== undefined && current?.revision !== expected) throw revisionConflict(collection, id, expected, current?.revision);
  return current !== undefined;
}

/** Runs `body` in a transaction that holds the lock of one record. */
export async function withRecordLock<T>(pool: Pool, collection: string, id: string, body: (client: PoolClient) => Promise<T>): Promise<T> {
  return withClient(pool, (client) =>
    inTransaction(client, async () => {
      await lockRecord(client, collection, id);
      return body(client);
    }),
  );
}

/**
 * Runs `body` with a client checked out of the pool. A client whose connection failed is discarded
 * (release with the error), never handed to the next request.
 */
export async function withClient<T>(pool: Pool, body: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failure: unknown;
  try {
    return await body(client);
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    client.release(failure === undefined ? undefined : isConnectionError(failure) ? (failure instanceof Error ? failure : true) : undefined);
  }
}

/** Errors that mean the connection itself is gone or unusable (as opposed to a refused statement). */
export function isConnectionError(error: unknown): boolean {
  const cause = (error as { cause?: unknown } | null)?.cause;
  const code = (error as { code?: unknown } | null)?.code ?? (cause as { code?: unknown } | null)?.code;
  if (
    typeof code === 'string' &&
    (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code) ||
      code.startsWith('08') ||
      code === '57P01' ||
      code === '57P02' ||
      code === '57P03')
  )
    return true;
  const message = `${error instanceof Error ? error.message : ''} ${cause instanceof Error ? cause.message : ''}`;
  // Waiting too long for a free client of a full pool is not a lost connection: see isPoolBusy.
  if (isPoolBusy(error)) return false;
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable|the database system is (starting up|shutting down|in recovery mode)|terminating connection/i.test(
    message,
  );
}

/**
 * pg-pool's answer when every client of the pool stayed checked out for `connectionTimeoutMillis`
 * (the pool is saturated, PostgreSQL may be fine): "timeout exceeded when trying to connect". A new
 * connection that does not connect in time is "Connection terminated due to connection timeout".
 */
export function isPoolBusy(error: unknown): boolean {
  return error instanceof Error && error.message === 'timeout exceeded when trying to connect';
}

// ─── blobs ──────────────────────────────────────────────────────────────────────────────────────

/** A person's upload would take their attachments past their quota (nothing was stored). */
export class AttachmentQuotaExceeded extends Error {
  override readonly name = 'AttachmentQuotaExceeded';
  constructor(
    readonly used: number,
    readonly adding: number,
    readonly quota: number,
  ) {
    super(`Attachments would use ${used + adding} of ${quota} bytes.`);
  }
}

/**
 * Stores a person's blob unless their attachments (without the one it replaces) plus this one pass
 * `quota` bytes. One transaction holding a per-owner lock: parallel uploads by one person queue up,
 * so the quota holds under any concurrency.
 */
export async function putOwnedBlobRow(pool: Pool, id: string, type: string, bytes: Uint8Array, owner: string, quota: number): Promise<BlobInfo> {
  return withClient(pool, (client) =>
    inTransaction(client, async () => {
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended('mk_blobs owner' || E'\\n' || $1, 0))", [owner]);
      // Who owns the id is decided here, under a lock on the id: of two people uploading one new id at
      // once, the second finds the first's attachment and is refused (never last-writer-wins).
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended('mk_blobs id' || E'\\n' || $1, 0))", [id]);
      // An id belongs to whoever stored it first, live or deleted (mk_blob_ids): never another person's.
      const current = await client.query<{ owner: string }>('SELECT owner FROM mk_blobs WHERE id = $1 UNION ALL SELECT owner FROM mk_blob_ids WHERE id = $1', [
        id,
      ]);
      if (current.rows.some((row) => row.owner !== owner)) throw attachmentIdTaken(id);
      await client.query('INSERT INTO mk_blob_ids (id, owner) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, owner]);
      const { rows } = await client.query<{ used: string }>('SELECT COALESCE(SUM(size), 0)::bigint AS used FROM mk_blobs WHERE owner = $1 AND id <> $2', [
        owner,
        id,
      ]);
      const used = Number(rows[0]?.used ?? 0);
      if (used + bytes.byteLength > quota) throw new AttachmentQuotaExceeded(used, bytes.byteLength, quota);
      return putBlobRow(client, id, type, bytes, owner);
    }),
  );
}

/** Bytes of `owner`'s attachments other than `exceptId` (the quota's pre-check; the transaction decides). */
export async function attachmentBytesUsed(pool: Pool, owner: string, exceptId: string): Promise<number> {
  const { rows } = await pool.query<{ used: string }>('SELECT COALESCE(SUM(size), 0)::bigint AS used FROM mk_blobs WHERE owner = $1 AND id <> $2', [
    owner,
    exceptId,
  ]);
  return Number(rows[0]?.used ?? 0);
}

/**
 * The answer to an upload at an attachment id that is someone else's, live or deleted: the same for
 * both (it says nothing about whether the attachment exists). Ids should be random (UUIDs).
 */
export function attachmentIdTaken(id: string): MentorKitError {
  return new MentorKitError('conflict', `The attachment id "${id}" is taken; upload under another id (a new random UUID).`, { path: 'id', details: { id } });
}

/** Who stored the attachment id first ('person:<id>' or 'service'), whether it is stored now or was deleted; undefined for an id never used. */
export async function blobIdOwner(pool: Pool, id: string): Promise<string | undefined> {
  const { rows } = await pool.query<{ owner: string }>(
    'SELECT owner FROM mk_blob_ids WHERE id = $1 UNION ALL SELECT owner FROM mk_blobs WHERE id = $1 LIMIT 1',
    [id],
  );
  return rows[0]?.owner;
}

export async function putBlobRow(pool: Pool | PoolClient, id: string, type: string, bytes: Uint8Array, owner = 'service'): Promise<BlobInfo> {
  await pool.query('INSERT INTO mk_blob_ids (id, owner) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, owner]);
  await pool.query(
    `INSERT INTO mk_blobs (id, owner, type, size, data) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET owner = EXCLUDED.owner, type = EXCLUDED.type, size = EXCLUDED.size, data = EXCLUDED.data, updated_at = now()`,
    [id, owner, type, bytes.byteLength, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)],
  );
  return { id, size: bytes.byteLength, type };
}

export async function getBlobRow(pool: Pool, id: string): Promise<{ owner: string; type: string; data: Buffer } | undefined> {
  const { rows } = await pool.query<{ owner: string; type: string; data: Buffer }>('SELECT owner, type, data FROM mk_blobs WHERE id = $1', [id]);
  return rows[0];
}

/** An attachment without its bytes: who uploaded it, its type and size, and its version (`updated_at`). */
export async function getBlobMeta(pool: Pool, id: string): Promise<{ owner: string; type: string; size: number; version: string } | undefined> {
  const { rows } = await pool.query<{ owner: string; type: string; size: number; version: string }>(
    "SELECT owner, type, size, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') AS version FROM mk_blobs WHERE id = $1",
    [id],
  );
  return rows[0];
}

/**
 * Bytes `offset` to `offset + length` of the attachment as it was at `version` (a download reads it
 * piece by piece, one short query each); undefined when it was replaced or deleted meanwhile.
 */
export async function readBlobChunk(pool: Pool, id: string, version: string, offset: number, length: number): Promise<Buffer | undefined> {
  const { rows } = await pool.query<{ chunk: Buffer }>(
    "SELECT substring(data FROM $2::integer FOR $3::integer) AS chunk FROM mk_blobs WHERE id = $1 AND to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') = $4",
    [id, offset + 1, length, version],
  );
  return rows[0]?.chunk;
}

export async function getBlobOwner(pool: Pool, id: string): Promise<string | undefined> {
  const { rows } = await pool.query<{ owner: string }>('SELECT owner FROM mk_blobs WHERE id = $1', [id]);
  return rows[0]?.owner;
}

export async function deleteBlobRow(pool: Pool, id: string): Promise<boolean> {
  const result = await pool.query('DELETE FROM mk_blobs WHERE id = $1', [id]);
  return (result.rowCount ?? 0) > 0;
}

/**
 * The PostgreSQL tables as a plain `StorageAdapter`, with no policy: for seeding and admin scripts on
 * the server (`seedDemoProgram(createPostgresStorage(pool))`). `watch` reports this instance's own
 * writes and those `notify` is given (the server passes every change it makes).
 */
export function createPostgresStorage(
  pool: Pool,
  hooks: { onChange?(change: StorageChange): void } = {},
): StorageAdapter & { notify(change: StorageChange): void } {
  const listeners = new Set<(change: StorageChange) => void>();
  const notify = (change: StorageChange) => {
    for (const listener of [...listeners]) listener(change.record ? { ...change, record: structuredClone(change.record) } : change);
  };
  const changed = (change: StorageChange) => {
    notify(change);
    hooks.onChange?.(change);
  };
  return {
    name: 'postgres',
    notify,
    async get(collection, id) {
      assertCollectionName(collection);
      assertRecordId(id);
      assertNoNul(id, 'id');
      return readRecord(pool, collection, id);
    },
    async query(collection, where) {
      assertCollectionName(collection);
      assertWhereClause(where);
      return queryRecords(pool, collection, where);
    },
    async put(collection, record: RecordInput, options?: PutOptions) {
      assertCollectionName(collection);
      assertStorableRecord(record);
      assertPutOptions(options);
      assertNoNul(record.id, 'record.id');
      const copy = JSON.parse(JSON.stringify(record)) as RecordInput;
      const stored = await withRecordLock(pool, collection, copy.id, async (client) => {
        const current = await readCurrent(client, collection, copy.id);
        const next = nextStoredRecord(collection, current.record, copy, options, new Date().toISOString(), current.tombstoneRevision);
        await writeRecord(client, collection, next);
        return next;
      });
      changed({ collection, id: stored.id, record: stored });
      return structuredClone(stored);
    },
    async delete(collection, id, options?: DeleteOptions) {
      assertCollectionName(collection);
      assertRecordId(id);
      assertDeleteOptions(options);
      assertNoNul(id, 'id');
      const deleted = await withRecordLock(pool, collection, id, async (client) => {
        const current = await readCurrent(client, collection, id);
        if (!checkDelete(collection, id, current.record, options)) return false;
        await writeTombstone(client, collection, id, new Date().toISOString());
        return true;
      });
      if (deleted) changed({ collection, id });
      return deleted;
    },
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      listeners.clear();
    },
    async putBlob(id, blob) {
      assertRecordId(id);
      assertNoNul(id, 'id');
      if (!(blob instanceof Blob)) throw new MentorKitError('invalid-input', '`blob` must be a Blob.', { path: 'blob' });
      return putBlobRow(pool, id, blob.type, new Uint8Array(await blob.arrayBuffer()));
    },
    async getBlob(id) {
      assertRecordId(id);
      assertNoNul(id, 'id');
      const row = await getBlobRow(pool, id);
      return row ? new Blob([new Uint8Array(row.data)], { type: row.type }) : undefined;
    },
    async deleteBlob(id) {
      assertRecordId(id);
      assertNoNul(id, 'id');
      return deleteBlobRow(pool, id);
    },
  };
}
