import { randomUUID } from 'node:crypto';
import pg, { type Pool } from 'pg';
import type { StoredRecord } from '@mentorkit/core';
import { readCurrent } from './store.js';

/**
 * Change streams across instances (DESIGN "The server": stateless, any number of instances on one
 * database). Every committed change is announced with PostgreSQL's NOTIFY, carrying ids only
 * (collection, id, revision; for a delete, the sequence number of the record as it was, kept a while
 * in `mk_change_log` because the policy needs it to decide who may hear of the delete). Every other
 * instance LISTENs, reads the record back and hands it to its own change streams, where each reader's
 * policy decides as for a local change. Records are always read back as they are now: a notification
 * that arrives late never shows an older state than the database holds.
 *
 * While the listening connection is lost, notifications are lost with it: every stream is told to
 * resync (re-read) when it goes and again once listening works again.
 */

export const CHANGE_CHANNEL = 'mentorkit_changes';

export interface BusChange {
  collection: string;
  id: string;
  record?: StoredRecord;
  previous?: StoredRecord;
  origin?: string | undefined;
}

export interface ChangeBusOptions {
  pool: Pool;
  /** A change another instance made, read back (record: now; previous: before a delete). */
  onRemote(change: BusChange): void;
  /** Changes may have been missed (the listening connection was lost): streams should re-read. */
  onGap(reason: string): void;
  log(line: string): void;
  /** How long a deleted record is kept for other instances' read checks (ms, default 1 hour). */
  keepDeletedMs?: number;
}

export interface ChangeBus {
  /** This instance's id (announcements carry it; its own come back and are ignored). */
  readonly instance: string;
  /** Tells other instances about a committed change (never throws; failures are logged). */
  announce(change: BusChange): void;
  /**
   * Tells other instances about a change inside the transaction that makes it: PostgreSQL delivers
   * the notification when (and only if) the transaction commits. One round trip fewer than `announce`.
   */
  announceIn(client: { query: Pool['query'] }, change: BusChange): Promise<void>;
  /** Starts listening (once); resolves when listening, or after `timeoutMs` (then keeps trying). */
  listen(timeoutMs?: number): Promise<boolean>;
  /** Whether the instance is listening right now. */
  readonly listening: boolean;
  /** Announcements sent / received from other instances, for stats. */
  readonly counts: { announced: number; received: number; failed: number };
  /** Stops listening (a later `listen()` after `resume()` starts again). */
  stop(): Promise<void>;
  resume(): void;
}

type Payload = { v: 1; i: string; c: string; id: string; r?: number; d?: number; o?: string };

export function createChangeBus(options: ChangeBusOptions): ChangeBus {
  const { pool } = options;
  const instance = randomUUID();
  const keepDeletedMs = options.keepDeletedMs ?? 3_600_000;
  const counts = { announced: 0, received: 0, failed: 0 };
  let client: pg.Client | undefined;
  let connecting: Promise<void> | undefined;
  let listening = false;
  let stopped = false;
  let retryMs = 250;
  let retryTimer: NodeJS.Timeout | undefined;
  let cleanupTimer: NodeJS.Timeout | undefined;
  let lastFailureLogged = 0;
  /** Notifications are handled one at a time, in the order they came. */
  let chain: Promise<void> = Promise.resolve();

  const handle = async (payload: Payload) => {
    if (payload.d !== undefined) {
      // A delete: announce it only if the record is still gone (not re-created since).
      const now = await readCurrent(pool, payload.c, payload.id);
      if (now.record) return;
      const { rows } = await pool.query<{ previous: StoredRecord }>('SELECT previous FROM mk_change_log WHERE seq = $1', [payload.d]);
      if (!rows[0]) return;
      options.onRemote({ collection: payload.c, id: payload.id, previous: rows[0].previous, ...(payload.o ? { origin: payload.o } : {}) });
      return;
    }
    const now = await readCurrent(pool, payload.c, payload.id);
    if (!now.record) return; // deleted since: its delete is announced on its own
    options.onRemote({ collection: payload.c, id: payload.id, record: now.record, ...(payload.o ? { origin: payload.o } : {}) });
  };

  const onNotification = (message: pg.Notification) => {
    if (message.channel !== CHANGE_CHANNEL || !message.payload) return;
    let payload: Payload;
    try {
      payload = JSON.parse(message.payload) as Payload;
    } catch {
      return;
    }
    if (payload.v !== 1 || payload.i === instance || typeof payload.c !== 'string' || typeof payload.id !== 'string') return;
    counts.received += 1;
    chain = chain
      .then(() => handle(payload))
      .catch((error: unknown) => {
        options.log(`change from another instance could not be read back (${payload.c}/${payload.id}): ${(error as Error).message}; streams resync`);
        options.onGap('a change from another instance could not be read back');
      });
  };

  const lost = (why: string) => {
    if (!listening && !client) return;
    listening = false;
    const old = client;
    client = undefined;
    old?.removeAllListeners('notification');
    void old?.end().catch(() => undefined);
    if (stopped) return;
    options.log(`stopped hearing other instances' changes (${why}); change streams resync, listening again shortly`);
    options.onGap("the connection that hears other instances' changes was lost");
    scheduleRetry();
  };

  const scheduleRetry = () => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect().catch(() => undefined);
    }, retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, 10_000);
  };

  const connect = () => {
    connecting ??= (async () => {
      const Client = (pool as unknown as { Client?: typeof pg.Client }).Client ?? pg.Client;
      const settings = (pool as unknown as { options?: pg.ClientConfig }).options ?? {};
      const next = new Client({ ...settings, connectionTimeoutMillis: 5000, keepAlive: true });
      next.on('error', (error) => lost(error.message));
      next.on('end', () => lost('the connection ended'));
      try {
        await next.connect();
        await next.query(`LISTEN ${CHANGE_CHANNEL}`);
      } catch (error) {
        next.removeAllListeners('error');
        next.on('error', () => undefined);
        void next.end().catch(() => undefined);
        if (Date.now() - lastFailureLogged > 60_000) {
          lastFailureLogged = Date.now();
          options.log(`cannot listen for other instances' changes yet: ${(error as Error).message}`);
        }
        scheduleRetry();
        throw error;
      }
      if (stopped) {
        void next.end().catch(() => undefined);
        return;
      }
      const wasGap = retryMs > 250;
      client = next;
      listening = true;
      retryMs = 250;
      next.on('notification', onNotification);
      if (wasGap) {
        options.log("hearing other instances' changes again");
        options.onGap("listening for other instances' changes again");
      }
      cleanupTimer ??= setInterval(
        () => {
          void pool.query('DELETE FROM mk_change_log WHERE at < $1', [new Date(Date.now() - keepDeletedMs)]).catch(() => undefined);
        },
        Math.min(keepDeletedMs, 600_000),
      );
      cleanupTimer.unref();
    })().finally(() => {
      connecting = undefined;
    });
    return connecting;
  };

  const notify = async (client: { query: Pool['query'] }, change: BusChange) => {
    const base: Payload = { v: 1, i: instance, c: change.collection, id: change.id, ...(change.origin ? { o: change.origin } : {}) };
    if (change.record) {
      await client.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, JSON.stringify({ ...base, r: change.record.revision })]);
      return;
    }
    // One round trip: keep the record as it was, and announce its sequence number.
    await client.query(
      `WITH kept AS (INSERT INTO mk_change_log (collection, id, previous) VALUES ($1, $2, $3::json) RETURNING seq)
       SELECT pg_notify($4, json_build_object('v', 1, 'i', $5::text, 'c', $1::text, 'id', $2::text, 'd', seq, 'o', $6::text)::text) FROM kept`,
      [change.collection, change.id, JSON.stringify(change.previous ?? null), CHANGE_CHANNEL, instance, change.origin ?? null],
    );
  };

  return {
    instance,
    counts,
    get listening() {
      return listening;
    },
    async announceIn(client, change) {
      await notify(client, change);
      counts.announced += 1;
    },
    announce(change) {
      const send = async () => {
        await notify(pool, change);
        counts.announced += 1;
      };
      send().catch((error: unknown) => {
        counts.failed += 1;
        if (Date.now() - lastFailureLogged > 60_000) {
          lastFailureLogged = Date.now();
          options.log(
            `could not tell other instances about a change (${change.collection}/${change.id}): ${(error as Error).message}; their streams resync when the database is back`,
          );
        }
      });
    },
    async listen(timeoutMs = 3000) {
      if (listening) return true;
      if (stopped) return false;
      let timer: NodeJS.Timeout | undefined;
      const result = await Promise.race([
        connect().then(
          () => true,
          () => false,
        ),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      return result && listening;
    },
    resume() {
      stopped = false;
    },
    async stop() {
      stopped = true;
      listening = false;
      if (retryTimer) clearTimeout(retryTimer);
      if (cleanupTimer) clearInterval(cleanupTimer);
      const old = client;
      client = undefined;
      if (old) {
        old.removeAllListeners('end');
        old.removeAllListeners('notification');
        await old.end().catch(() => undefined);
      }
    },
  };
}
