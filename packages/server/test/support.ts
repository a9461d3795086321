/**
 * Test support: a real PostgreSQL (scripts/lib/postgres.mjs — installed from Debian's packages when
 * missing and we are root) with the reference backend on a free loopback port. No mock database.
 */
import pg from 'pg';
import { postgresUnavailableReason, startPostgres, type RunningPostgres } from '../../../scripts/lib/postgres.mjs';
import { createRestBackend, type RestBackend } from '../src/server.js';

export const SERVICE_TOKEN = 'test-service-token';

export interface TestBackend {
  url: string;
  pool: pg.Pool;
  postgres: RunningPostgres;
  backend: RestBackend;
  /** Empties every table (records, tombstones, blobs, idempotency keys). */
  reset(): Promise<void>;
  /** Cuts the HTTP server (every open connection too). */
  stopHttp(): Promise<void>;
  /** Listens again on the same port (nothing when it is listening). */
  startHttp(): Promise<void>;
  close(): Promise<void>;
}

/** Why these tests cannot run here (no PostgreSQL and no way to install it), or undefined. */
export const skipReason = (): string | undefined => {
  const reason = postgresUnavailableReason();
  return reason ? `PostgreSQL is not available and cannot be installed here (not root, or no apt-get):\n${reason}` : undefined;
};

export async function startTestBackend(): Promise<TestBackend> {
  const postgres = await startPostgres({ log: (message) => console.log(message) });
  const pool = new pg.Pool({ connectionString: postgres.connectionString, max: 12, connectionTimeoutMillis: 2000 });
  const backend = createRestBackend({ pool, serviceToken: SERVICE_TOKEN, log: () => undefined });
  const url = await backend.listen(0);
  const port = Number(new URL(url).port);
  return {
    url,
    pool,
    postgres,
    backend,
    async reset() {
      await pool.query('TRUNCATE mk_records, mk_blobs, mk_idempotency');
    },
    stopHttp: () => backend.close(),
    async startHttp() {
      if (!backend.server) await backend.listen(port);
    },
    async close() {
      await backend.close();
      await pool.end().catch(() => undefined);
      await postgres.stop();
    },
  };
}

/** `Authorization` for the development scheme. */
export const as = (personId: string) => ({ authorization: `Bearer dev:${personId}` });
export const asService = { authorization: `Bearer ${SERVICE_TOKEN}` };
