// Change streams at scale (issue 15): 1,000 open change streams on one `mentorkit-server` process,
// a second process on the same PostgreSQL. Printed (no budget in DESIGN yet): the server's memory
// per open stream (RSS of the server process before and after), and the time from a write to the
// event reaching the LAST of the 1,000 streams — p50 and p99 over writes made through the same
// instance and through the other one (the change then travels by NOTIFY and is read back).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { seedDemoProgram, DEMO_PROGRAM_ID } from '../packages/server/src/demo-program.js';
import { createPostgresStorage } from '../packages/server/src/store.js';
import { JWT_SECRET, openChangeStream, signToken, startCli, startTestBackend } from '../packages/server/test/support.js';
import { finish, formatMs } from './support.js';

const STREAMS = 1000;
const PEOPLE = 125; // 8 streams each (the per-person limit)
const WRITES = 30;

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

const database = await startTestBackend();
const storage = createPostgresStorage(database.pool);
await seedDemoProgram(storage);
const people = Array.from({ length: PEOPLE }, (_, index) => `bench-person-${String(index).padStart(3, '0')}`);
for (const id of people) await storage.put('people', { id, displayName: id, roles: ['mentee'], timeZone: 'Europe/Madrid', programIds: [DEMO_PROGRAM_ID] });
await database.backend.close();

const env = {
  DATABASE_URL: database.postgres.connectionString,
  MENTORKIT_JWT_SECRET: JWT_SECRET,
  MENTORKIT_SERVICE_TOKEN: 'bench-service-token-0123456789',
  MENTORKIT_MAX_CONNECTIONS_PER_ADDRESS: '0',
};
const first = await startCli(['--port', '0'], env);
const second = await startCli(['--port', '0'], env);
const firstUrl = await first.listening();
const secondUrl = await second.listening();

try {
  // Warm up the server (its first requests load modules and fill the pool), then measure its RSS.
  for (let index = 0; index < 20; index++)
    await fetch(`${firstUrl}/collections/programs/records/${DEMO_PROGRAM_ID}`, { headers: { authorization: `Bearer ${signToken({ sub: people[0]! })}` } });
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const rssBefore = rssOf(first.child.pid!);

  const controller = new AbortController();
  /** Arrival time of each write's event, per stream. */
  const arrivals: Array<Map<number, number>> = [];
  await Promise.all(
    Array.from({ length: STREAMS }, async (_, index) => {
      const personId = people[index % PEOPLE]!;
      const seen = new Map<number, number>();
      arrivals.push(seen);
      await openChangeStream(
        firstUrl,
        { authorization: `Bearer ${signToken({ sub: personId, exp: Math.floor(Date.now() / 1000) + 3600 })}` },
        controller.signal,
        ({ raw }) => {
          const marker = /"description":"bench-(\d+)"/.exec(raw);
          if (marker) seen.set(Number(marker[1]), performance.now());
        },
      );
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 1000));
  (globalThis as { gc?: () => void }).gc?.();
  const rssAfter = rssOf(first.child.pid!);
  console.log(
    `${STREAMS} open change streams on one instance: server RSS ${mib(rssBefore)} → ${mib(rssAfter)}, ${((rssAfter - rssBefore) / STREAMS / 1024).toFixed(1)} KiB per stream`,
  );

  const service = { authorization: 'Bearer bench-service-token-0123456789', 'content-type': 'application/json' };
  const lags: Record<'same instance' | 'other instance', number[]> = { 'same instance': [], 'other instance': [] };
  for (let write = 0; write < WRITES * 2; write++) {
    const through = write % 2 === 0 ? 'same instance' : 'other instance';
    const base = through === 'same instance' ? firstUrl : secondUrl;
    const current = (await (await fetch(`${base}/collections/programs/records/${DEMO_PROGRAM_ID}`, { headers: service })).json()) as Record<string, unknown>;
    const started = performance.now();
    const answer = await fetch(`${base}/collections/programs/records/${DEMO_PROGRAM_ID}`, {
      method: 'PUT',
      headers: { ...service, 'if-match': `"${String(current.revision)}"` },
      body: JSON.stringify({ ...current, description: `bench-${write}` }),
    });
    if (answer.status !== 200) throw new Error(`write ${write}: ${answer.status} ${await answer.text()}`);
    const deadline = performance.now() + 30_000;
    while (arrivals.some((seen) => !seen.has(write))) {
      if (performance.now() > deadline)
        throw new Error(`write ${write} (${through}) reached ${arrivals.filter((seen) => seen.has(write)).length} of ${STREAMS} streams within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    lags[through].push(Math.max(...arrivals.map((seen) => seen.get(write)!)) - started);
  }
  for (const [through, values] of Object.entries(lags)) {
    console.log(
      `write → the last of ${STREAMS} streams, through the ${through}: p50 ${formatMs(percentile(values, 50))}, p99 ${formatMs(percentile(values, 99))} (${values.length} writes)`,
    );
  }
  controller.abort();
} finally {
  await first.stop();
  await second.stop();
  await database.pool.end().catch(() => undefined);
  await database.postgres.stop();
}
finish();
