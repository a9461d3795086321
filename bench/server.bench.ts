// The server under load (issue 15): 50 concurrent clients against a `mentorkit-server` process on a
// real PostgreSQL, beside a bare node:http + pg handler doing the same SQL without identity, policy,
// validation or JSON shaping (the floor: bench/lib/floor-server.mjs) in the same run, on the same
// database. For each case — read one record, query a pairing's goals, update with If-Match, open a
// change stream — throughput and p50/p99 latency of both. Budget: ours ≥ 0.6× the floor's throughput
// and ours' p99 ≤ 2× the floor's.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DEMO_PROGRAM_ID, seedDemoProgram } from '../packages/server/src/demo-program.js';
import { createPostgresStorage } from '../packages/server/src/store.js';
import { JWT_SECRET, signToken, startCli, startTestBackend } from '../packages/server/test/support.js';
import { finish, formatMs } from './support.js';

const CLIENTS = 50;
const SECONDS = Number(process.env.MK_BENCH_SECONDS ?? 4);

const database = await startTestBackend();
const storage = createPostgresStorage(database.pool);
await seedDemoProgram(storage);
// Each client is its own mentee with a pairing of their own (10 goals) and a goal they keep updating.
const menteeOf = (client: number) => `bench-mentee-${client}`;
const pairingOf = (client: number) => `bench-pairing-${client}`;
for (let client = 0; client < CLIENTS; client++) {
  await storage.put('people', {
    id: menteeOf(client),
    displayName: `Mentee ${client}`,
    roles: ['mentee'],
    timeZone: 'Europe/Madrid',
    programIds: [DEMO_PROGRAM_ID],
  });
  await storage.put('pairings', {
    id: pairingOf(client),
    programId: DEMO_PROGRAM_ID,
    menteeId: menteeOf(client),
    mentorIds: ['kenji-watanabe'],
    status: 'active',
    kind: 'informal',
    startedOn: '2026-10-05',
    reasons: [],
  });
  for (let index = 0; index < 10; index++)
    await storage.put('goals', {
      id: `bench-goal-${client}-${index}`,
      pairingId: pairingOf(client),
      ownerId: menteeOf(client),
      title: `Goal ${index}`,
      milestones: [],
    });
  await storage.put('goals', { id: `bench-write-${client}`, pairingId: pairingOf(client), ownerId: menteeOf(client), title: 'Write target', milestones: [] });
}
await database.backend.close();

const ours = await startCli(['--port', '0'], {
  DATABASE_URL: database.postgres.connectionString,
  MENTORKIT_JWT_SECRET: JWT_SECRET,
  MENTORKIT_SERVICE_TOKEN: 'bench-service-token-0123456789',
  MENTORKIT_MAX_CONNECTIONS_PER_ADDRESS: '0',
});
const ourUrl = await ours.listening();
const floorProcess = spawn(process.execPath, [fileURLToPath(new URL('./lib/floor-server.mjs', import.meta.url)), database.postgres.connectionString], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const floorUrl = await new Promise<string>((resolve, reject) => {
  let output = '';
  floorProcess.stdout!.on('data', (data: Buffer) => {
    output += data.toString('utf8');
    const match = /listening on (http:\/\/\S+?);/.exec(output);
    if (match) resolve(match[1]!);
  });
  floorProcess.on('exit', () => reject(new Error(`the floor server exited: ${output}`)));
});

const tokens = Array.from({ length: CLIENTS }, (_, client) => signToken({ sub: menteeOf(client), exp: Math.floor(Date.now() / 1000) + 3600 }));
const authOf = (client: number) => ({ authorization: `Bearer ${tokens[client]}` });

type Case = { name: string; request: (base: string, client: number, state: Map<number, number>) => Promise<void> };
const expectOk = async (response: Response, what: string) => {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${(await response.text()).slice(0, 200)}`);
  await response.arrayBuffer();
};
const cases: Case[] = [
  {
    name: 'read one record',
    request: async (base, client) => expectOk(await fetch(`${base}/collections/pairings/records/${pairingOf(client)}`, { headers: authOf(client) }), 'read'),
  },
  {
    name: "query a pairing's goals",
    request: async (base, client) =>
      expectOk(
        await fetch(`${base}/collections/goals/records?pairingId=${encodeURIComponent(JSON.stringify(pairingOf(client)))}`, { headers: authOf(client) }),
        'query',
      ),
  },
  {
    name: 'update with If-Match',
    request: async (base, client, revisions) => {
      const id = `bench-write-${client}`;
      let revision = revisions.get(client);
      if (revision === undefined) {
        const current = (await (await fetch(`${base}/collections/goals/records/${id}`, { headers: authOf(client) })).json()) as { revision: number };
        revision = current.revision;
      }
      const response = await fetch(`${base}/collections/goals/records/${id}`, {
        method: 'PUT',
        headers: { ...authOf(client), 'content-type': 'application/json', 'if-match': `"${revision}"` },
        body: JSON.stringify({ id, pairingId: pairingOf(client), ownerId: menteeOf(client), title: `Write target ${revision}`, milestones: [] }),
      });
      if (!response.ok) throw new Error(`update: ${response.status} ${(await response.text()).slice(0, 200)}`);
      revisions.set(client, ((await response.json()) as { revision: number }).revision);
    },
  },
  {
    name: 'open a change stream',
    request: async (base, client) => {
      const controller = new AbortController();
      const response = await fetch(`${base}/changes`, { headers: { ...authOf(client), accept: 'text/event-stream' }, signal: controller.signal });
      if (!response.ok) throw new Error(`changes: ${response.status}`);
      const reader = response.body!.getReader();
      await reader.read(); // the first bytes: the stream is open
      controller.abort();
      await reader.cancel().catch(() => undefined);
    },
  },
];

const percentile = (values: number[], p: number) => values[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

async function load(base: string, entry: Case) {
  const revisions = new Map<number, number>();
  // Warm-up: a second at full concurrency, not measured.
  const run = async (until: number, latencies: number[] | undefined) => {
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        while (performance.now() < until) {
          const started = performance.now();
          await entry.request(base, client, revisions);
          latencies?.push(performance.now() - started);
        }
      }),
    );
  };
  await run(performance.now() + 1000, undefined);
  const latencies: number[] = [];
  const started = performance.now();
  await run(started + SECONDS * 1000, latencies);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { throughput: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

let broken = 0;
try {
  console.log(`${CLIENTS} concurrent clients, each a mentee with a pairing of their own (policy applies on ours), ${SECONDS} s per case after 1 s of warm-up`);
  for (const entry of cases) {
    const floor = await load(floorUrl, entry);
    const ourFigures = await load(ourUrl, entry);
    const ratio = ourFigures.throughput / floor.throughput;
    const p99Ratio = ourFigures.p99 / floor.p99;
    const ok = ratio >= 0.6 && p99Ratio <= 2;
    if (!ok) broken += 1;
    console.log(
      `${entry.name}: ours ${ourFigures.throughput.toFixed(0)}/s (p50 ${formatMs(ourFigures.p50)}, p99 ${formatMs(ourFigures.p99)}); floor ${floor.throughput.toFixed(0)}/s (p50 ${formatMs(floor.p50)}, p99 ${formatMs(floor.p99)}); throughput ${ratio.toFixed(2)}× (budget ≥ 0.6×), p99 ${p99Ratio.toFixed(2)}× (budget ≤ 2×) ${ok ? 'ok' : 'OVER BUDGET'}`,
    );
  }
} finally {
  await ours.stop();
  floorProcess.kill('SIGTERM');
  await database.pool.end().catch(() => undefined);
  await database.postgres.stop();
}
if (broken > 0) {
  console.log(`${broken} case(s) over budget`);
  process.exitCode = 1;
}
finish();
