// A server that stays up: under continuous write load (concurrent writers through real HTTP, each
// write with If-Match or If-None-Match and an Idempotency-Key), PostgreSQL is killed with an immediate
// shutdown (pg_ctl stop -m immediate, like a crash) and started again, ten times in a row. The
// mentorkit-server process never dies, /health/ready goes 503 and back to 200 on its own, and every
// write that was answered 2xx is in the database afterwards. The figures are printed for the record.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { startPostgres, type RunningPostgres } from '../../../scripts/lib/postgres.mjs';
import { createMentorKitServer } from '../src/server.js';
import { JWT_SECRET, SERVICE_TOKEN, skipReason, startCli, type CliProcess } from './support.js';

const skip = skipReason();
const CYCLES = 10;
const UPDATERS = 3;
const CREATORS = 3;

interface Figures {
  acknowledged: number;
  replayed: number;
  unavailable503: number;
  outcomeUnknown500: number;
  networkErrors: number;
  unexpected: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the server stays up while PostgreSQL crashes and restarts', { skip: skip ?? false, timeout: 15 * 60_000 }, () => {
  let postgres: RunningPostgres;
  let cli: CliProcess;
  let url: string;

  before(async () => {
    // Durable commits: an acknowledged commit must survive the crash (the server's promise, and the database's).
    postgres = await startPostgres({ durable: true });
    cli = await startCli(['--port', '0'], {
      DATABASE_URL: postgres.connectionString,
      MENTORKIT_JWT_SECRET: JWT_SECRET,
      MENTORKIT_SERVICE_TOKEN: SERVICE_TOKEN,
    });
    url = await cli.listening();
  });
  after(async () => {
    await cli?.stop();
    await postgres?.stop();
  });

  test(`${UPDATERS + CREATORS} writers, ${CYCLES} immediate shutdowns: the process lives, readiness follows, 0 acknowledged writes lost`, async () => {
    const figures: Figures = { acknowledged: 0, replayed: 0, unavailable503: 0, outcomeUnknown500: 0, networkErrors: 0, unexpected: [] };
    let died: string | undefined;
    void cli.exited.then(({ code, signal }) => (died = `exited with ${code ?? signal}`));
    const headers = { authorization: `Bearer ${SERVICE_TOKEN}`, 'content-type': 'application/json' };

    /** Sends one write until it is acknowledged, repeating it with the same Idempotency-Key. */
    const writeUntilAcknowledged = async (
      path: string,
      body: unknown,
      precondition: Record<string, string>,
      key: string,
      running: () => boolean,
    ): Promise<{ revision: number } | undefined> => {
      while (running()) {
        let status: number;
        let text: string;
        let replayed = false;
        try {
          const response = await fetch(`${url}${path}`, {
            method: 'PUT',
            headers: { ...headers, ...precondition, 'idempotency-key': key },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(30_000),
          });
          status = response.status;
          text = await response.text();
          replayed = response.headers.get('idempotent-replayed') === 'true';
        } catch {
          figures.networkErrors++;
          await sleep(100);
          continue;
        }
        if (status === 200 || status === 201) {
          figures.acknowledged++;
          if (replayed) figures.replayed++;
          return { revision: (JSON.parse(text) as { revision: number }).revision };
        }
        if (status === 503) figures.unavailable503++;
        else if (status === 500 && /may or may not be stored/.test(text)) figures.outcomeUnknown500++;
        else figures.unexpected.push(`${status} ${path}: ${text.slice(0, 200)}`);
        await sleep(100);
      }
      return undefined;
    };

    // What each writer had acknowledged: updaters their record's revision and value, creators their ids.
    const updated = Array.from({ length: UPDATERS }, () => ({ revision: 0, value: -1 }));
    const created: Array<Array<{ id: string; value: number }>> = Array.from({ length: CREATORS }, () => []);
    for (let index = 0; index < UPDATERS; index++) {
      const first = await writeUntilAcknowledged(
        `/collections/notes/records/counter-${index}`,
        { id: `counter-${index}`, value: 0 },
        { 'if-none-match': '*' },
        `counter-${index}-create`,
        () => true,
      );
      updated[index] = { revision: first!.revision, value: 0 };
    }

    let load = true;
    const running = () => load;
    const updater = async (index: number) => {
      for (let step = 1; running(); step++) {
        const acknowledged = await writeUntilAcknowledged(
          `/collections/notes/records/counter-${index}`,
          { id: `counter-${index}`, value: step },
          { 'if-match': `"${updated[index]!.revision}"` },
          `counter-${index}-step-${step}`,
          running,
        );
        if (acknowledged) updated[index] = { revision: acknowledged.revision, value: step };
      }
    };
    const creator = async (index: number) => {
      for (let step = 1; running(); step++) {
        const id = `created-${index}-${step}`;
        if (await writeUntilAcknowledged(`/collections/notes/records/${id}`, { id, value: step }, { 'if-none-match': '*' }, `${id}-create`, running))
          created[index]!.push({ id, value: step });
      }
    };
    const writers = [...Array.from({ length: UPDATERS }, (_, index) => updater(index)), ...Array.from({ length: CREATORS }, (_, index) => creator(index))];

    const ready = async () => {
      try {
        return (await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(10_000) })).status;
      } catch {
        return 0;
      }
    };
    const waitFor = async (what: string, condition: () => boolean | Promise<boolean>, ms: number) => {
      const deadline = Date.now() + ms;
      while (!(await condition())) {
        if (died) assert.fail(`mentorkit-server ${died} while waiting for ${what}:\n${cli.output()}`);
        if (Date.now() > deadline) assert.fail(`timed out after ${ms} ms waiting for ${what}\n${cli.output().slice(-3000)}`);
        await sleep(50);
      }
    };

    const downtimes: number[] = [];
    const started = Date.now();
    try {
      for (let cycle = 1; cycle <= CYCLES; cycle++) {
        const before = figures.acknowledged;
        await waitFor(`writes to be acknowledged before crash ${cycle}`, () => figures.acknowledged >= before + 15, 120_000);
        const unavailableBefore = figures.unavailable503 + figures.outcomeUnknown500 + figures.networkErrors;
        const crashedAt = Date.now();
        await postgres.crash();
        await waitFor(`/health/ready to answer 503 after crash ${cycle}`, async () => (await ready()) === 503, 60_000);
        await waitFor(
          `a writer to be refused while PostgreSQL is down (crash ${cycle})`,
          () => figures.unavailable503 + figures.outcomeUnknown500 + figures.networkErrors > unavailableBefore,
          60_000,
        );
        assert.equal((await fetch(`${url}/health/live`)).status, 200, 'live while the database is away');
        await postgres.resume();
        await waitFor(`/health/ready to answer 200 after restart ${cycle}`, async () => (await ready()) === 200, 120_000);
        downtimes.push(Date.now() - crashedAt);
        assert.equal(died, undefined, `the process is alive after cycle ${cycle}`);
      }
      const afterLast = figures.acknowledged;
      await waitFor('writes to be acknowledged after the last restart', () => figures.acknowledged >= afterLast + 15, 120_000);
    } catch (error) {
      console.log(
        `PostgreSQL crash test failed after ${downtimes.length} cycles; figures so far: ${JSON.stringify(figures)}\nserver output (last lines):\n${cli.output().slice(-4000)}`,
      );
      throw error;
    } finally {
      // Writers retry until told to stop: stop them whatever happened, or they keep the test alive.
      load = false;
      await Promise.all(writers);
    }
    const elapsed = Date.now() - started;

    // Every acknowledged write is in the database.
    const { Pool } = (await import('pg')).default;
    const pool = new Pool({ connectionString: postgres.connectionString, max: 2 });
    let lost = 0;
    const losses: string[] = [];
    try {
      for (let index = 0; index < UPDATERS; index++) {
        const { rows } = await pool.query<{ revision: number; data: { value: number } }>(
          "SELECT revision, data FROM mk_records WHERE collection = 'notes' AND id = $1",
          [`counter-${index}`],
        );
        const row = rows[0];
        // Each acknowledged update moved the revision by one from the one acknowledged before it.
        if (!row || row.revision !== updated[index]!.revision || row.data.value !== updated[index]!.value) {
          lost++;
          losses.push(
            `counter-${index}: acknowledged revision ${updated[index]!.revision} value ${updated[index]!.value}, stored ${row ? `revision ${row.revision} value ${row.data.value}` : 'nothing'}`,
          );
        }
      }
      const ids = created.flat();
      const { rows } = await pool.query<{ id: string; data: { value: number } }>(
        "SELECT id, data FROM mk_records WHERE collection = 'notes' AND id = ANY($1::text[]) AND NOT deleted",
        [ids.map((entry) => entry.id)],
      );
      const stored = new Map(rows.map((row) => [row.id, row.data.value]));
      for (const entry of ids) {
        if (stored.get(entry.id) !== entry.value) {
          lost++;
          losses.push(`${entry.id}: acknowledged, stored ${stored.has(entry.id) ? `value ${stored.get(entry.id)}` : 'nothing'}`);
        }
      }
    } finally {
      await pool.end();
    }

    const average = downtimes.reduce((sum, each) => sum + each, 0) / downtimes.length;
    console.log(
      [
        `PostgreSQL crash test: ${CYCLES} immediate shutdowns under ${UPDATERS + CREATORS} concurrent writers (${UPDATERS} If-Match updaters, ${CREATORS} If-None-Match creators, every write with an Idempotency-Key) over ${(elapsed / 1000).toFixed(1)} s`,
        `  acknowledged writes (2xx): ${figures.acknowledged} (${figures.replayed} of them replays of a write whose first answer was lost)`,
        `  503 answers (nothing applied, retried): ${figures.unavailable503}`,
        `  500 outcome-unknown answers (retried with the same key): ${figures.outcomeUnknown500}`,
        `  connection errors at the client (retried): ${figures.networkErrors}`,
        `  downtime per crash, from pg_ctl stop -m immediate to /health/ready 200: min ${Math.min(...downtimes)} ms, avg ${average.toFixed(0)} ms, max ${Math.max(...downtimes)} ms`,
        `  acknowledged writes missing afterwards: ${lost}`,
        `  mentorkit-server process: ${died ?? 'alive throughout'}`,
      ].join('\n'),
    );
    assert.deepEqual(figures.unexpected, [], 'only 2xx, 503 and outcome-unknown 500 answers');
    assert.deepEqual(losses, [], 'every acknowledged write is in the database');
    assert.equal(died, undefined);
    assert.match(cli.output(), /\[mentorkit-server\] database unavailable/);
    assert.match(cli.output(), /\[mentorkit-server\] database answers again/);
  });
});

describe('a pg client losing its connection never ends the process', { skip: skip ?? false }, () => {
  test("on the host's pool, a client connected before the server existed, checked out and cut, is handled; the server notices and recovers", async () => {
    const postgres = await startPostgres();
    const pool = new pg.Pool({ connectionString: postgres.connectionString, max: 4 });
    try {
      // A client the pool connected before the server was created (the host used the pool already).
      (await pool.connect()).release();
      const logs: string[] = [];
      const server = createMentorKitServer({ pool, jwtSecret: JWT_SECRET, serviceToken: SERVICE_TOKEN, log: (line) => logs.push(line) });
      const url = await server.listen(0);
      const held = await pool.connect(); // checked out and idle, as a host holds one between queries
      const { rows } = await held.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const killer = new pg.Client({ connectionString: postgres.connectionString });
      await killer.connect();
      await killer.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      await killer.end();
      // The cut client emits 'error' (an uncaught exception without a handler, which would end this test process).
      const deadline = Date.now() + 10_000;
      while (!logs.some((line) => /database unavailable/.test(line)) && Date.now() < deadline) await sleep(20);
      assert.ok(
        logs.some((line) => /database unavailable \(.*terminat/i.test(line)),
        logs.join('\n'),
      );
      held.release(true);
      while (!logs.some((line) => /database answers again/.test(line)) && Date.now() < deadline) await sleep(50);
      assert.ok(
        logs.some((line) => /database answers again/.test(line)),
        'the probe sees it answer again',
      );
      assert.equal((await fetch(`${url}/health/ready`)).status, 200);
      await server.close();
    } finally {
      await pool.end();
      await postgres.stop();
    }
  });
});
