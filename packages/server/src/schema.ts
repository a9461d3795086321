import type { Pool, PoolClient } from 'pg';

/**
 * Schema migrations, applied in order on start (`migrate`). Each runs once, in its own transaction,
 * recorded in `mk_schema_migrations`; an advisory lock keeps two servers starting at once from
 * racing. Append new migrations; never edit an applied one.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; description: string; sql: string }> = [
  {
    version: 1,
    description: 'records with tombstones, blobs, idempotency keys',
    sql: `
      -- One row per (collection, id). A deleted record stays as a tombstone (deleted = true, data null)
      -- so its revision is remembered and a re-create continues from it: revisions never repeat.
      -- data is json (not jsonb): it keeps the text exactly as written (key order, \\u0000 in strings).
      CREATE TABLE mk_records (
        collection text NOT NULL,
        id text NOT NULL,
        revision integer NOT NULL CHECK (revision >= 1),
        updated_at text NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        data json,
        -- The top-level text, number and boolean fields again, for queries (jsonb cannot hold
        -- \\u0000: a record with such a field sets unfilterable and is matched in JavaScript).
        filter jsonb NOT NULL DEFAULT '{}',
        unfilterable boolean NOT NULL DEFAULT false,
        PRIMARY KEY (collection, id),
        CHECK (deleted = (data IS NULL))
      );
      CREATE INDEX mk_records_live ON mk_records (collection) WHERE NOT deleted;
      CREATE INDEX mk_records_filter ON mk_records USING gin (filter jsonb_path_ops) WHERE NOT deleted;

      CREATE TABLE mk_blobs (
        id text PRIMARY KEY,
        owner text NOT NULL,           -- who uploaded it ('service' for admin tools); see server.ts for who may read it
        type text NOT NULL,
        size integer NOT NULL,
        data bytea NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- The response of every successful write, by (who, Idempotency-Key): a retried write is answered
      -- from here instead of being applied twice.
      CREATE TABLE mk_idempotency (
        actor text NOT NULL,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        status integer NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (actor, key)
      );
      CREATE INDEX mk_idempotency_age ON mk_idempotency (created_at);
    `,
  },
  {
    version: 2,
    description: 'attachment ids keep their first uploader (also after a delete)',
    sql: `
      -- Every attachment id ever stored, with who stored it first: a deleted attachment's id is not
      -- free for someone else (no squatting, and its uploader can upload it again).
      CREATE TABLE mk_blob_ids (
        id text PRIMARY KEY,
        owner text NOT NULL,
        first_stored_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO mk_blob_ids (id, owner) SELECT id, owner FROM mk_blobs ON CONFLICT (id) DO NOTHING;
    `,
  },
];

/** Applies the migrations not applied yet. Returns the versions it applied. */
export async function migrate(pool: Pool): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(727274)');
    await client.query('CREATE TABLE IF NOT EXISTS mk_schema_migrations (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM mk_schema_migrations');
    const done = new Set(rows.map((row) => row.version));
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await inTransaction(client, async () => {
        await client.query(migration.sql);
        await client.query('INSERT INTO mk_schema_migrations (version, description) VALUES ($1, $2)', [migration.version, migration.description]);
      });
      applied.push(migration.version);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(727274)').catch(() => undefined);
    client.release();
  }
  return applied;
}

/** Runs `body` in a transaction on `client`: COMMIT when it resolves, ROLLBACK when it throws. */
export async function inTransaction<T>(client: PoolClient, body: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  let result: T;
  try {
    result = await body();
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  try {
    await client.query('COMMIT');
  } catch (error) {
    // The outcome of a failed COMMIT is unknown to us: say so (see `CommitOutcomeUnknown`).
    throw new CommitOutcomeUnknown(error);
  }
  return result;
}

/** A COMMIT that failed (connection lost): the write may or may not be stored. The server answers 500, not 503. */
export class CommitOutcomeUnknown extends Error {
  override readonly name = 'CommitOutcomeUnknown';
  constructor(cause: unknown) {
    super(`The database connection failed during COMMIT: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
