// Change streams behind a burst of held feedback notes (red team 2, N6; the bound that
// packages/server/test/change-streams.test.ts no longer times): 200+ change streams open on one
// in-process server (26 people × 8, plus the pairing's two mentors), a burst of 120 feedback notes held
// until both submitted — whose read rule needs each reader's own notes — then a message; the time from
// the burst's first write to the message's event on a mentor's stream (the writes, and every change
// decided and sent to every stream before the message). Reference, same streams and run: the same
// burst made of 120 plain messages (a read rule with no related records), then a message. Rounds
// alternate the two.
import { performance } from 'node:perf_hooks';
import { seedDemoProgram } from '../packages/server/src/demo-program.js';
import { createPostgresStorage } from '../packages/server/src/store.js';
import { as, openChangeStream, startTestBackend } from '../packages/server/test/support.js';
import { budget, finish, median } from './support.js';

const LUCIA = 'lucia-fernandez'; // mentee of pairing-lucia (mentors kenji-watanabe, arjun-shrestha)
const KENJI = 'kenji-watanabe';
const ARJUN = 'arjun-shrestha';
const BURST = 120;
const WORKERS = 12;
const ROUNDS = 3;

const backend = await startTestBackend();
const controller = new AbortController();
try {
  const database = createPostgresStorage(backend.pool);
  await seedDemoProgram(database);
  await database.put('sessions', {
    id: 'session-bench',
    pairingId: 'pairing-lucia',
    title: 'Review',
    start: '2026-11-03T09:00:00.000Z',
    end: '2026-11-03T10:00:00.000Z',
    timeZone: 'Europe/Madrid',
  });
  // Kenji has submitted his note (so he may read Lucía's held ones); Arjun has not.
  await database.put('feedback', {
    id: 'feedback-kenji-bench',
    pairingId: 'pairing-lucia',
    sessionId: 'session-bench',
    authorId: KENJI,
    rating: 4,
    submittedAt: new Date().toISOString(),
  });

  /** When each change id reached Kenji's streams; how many resyncs any stream got. */
  const arrivals = new Map<string, number>();
  let resyncs = 0;
  const { rows } = await backend.pool.query<{ id: string }>("SELECT id FROM mk_records WHERE collection = 'people' AND NOT deleted ORDER BY id");
  const others = rows
    .map((row) => row.id)
    .filter((id) => id !== KENJI && id !== ARJUN)
    .slice(0, 26);
  const listen = (personId: string) =>
    openChangeStream(backend.url, as(personId), controller.signal, ({ name, data }) => {
      if (name === 'resync') resyncs++;
      else if (name === 'change' && data && personId === KENJI) arrivals.set((JSON.parse(data) as { id: string }).id, performance.now());
    });
  await Promise.all(others.flatMap((personId) => Array.from({ length: 8 }, () => listen(personId))));
  await listen(KENJI);
  await listen(ARJUN);
  const streams = others.length * 8 + 2;
  await new Promise((resolve) => setTimeout(resolve, 300));

  const write = async (collection: string, record: Record<string, unknown>) => {
    const answer = await fetch(`${backend.url}/collections/${collection}/records/${String(record.id)}`, {
      method: 'PUT',
      headers: { ...as(LUCIA), 'content-type': 'application/json', 'if-none-match': '*' },
      body: JSON.stringify(record),
    });
    if (answer.status !== 201) throw new Error(`${collection}/${String(record.id)}: ${answer.status} ${await answer.text()}`);
  };
  const message = (id: string) => ({ id, pairingId: 'pairing-lucia', authorId: LUCIA, kind: 'text', text: id, sentAt: new Date().toISOString() });
  const heldNote = (id: string) => ({
    id,
    pairingId: 'pairing-lucia',
    sessionId: 'session-bench',
    authorId: LUCIA,
    rating: 3,
    helped: 'x',
    revealWhenBothSubmitted: true,
    submittedAt: new Date().toISOString(),
    editableUntil: '2027-01-01T00:00:00.000Z',
  });

  /** Writes the burst (12 writers at once), then a message; resolves with the time from the burst's start to the message on Kenji's stream. */
  const burstThenMessage = async (name: string, burst: (id: string) => [string, Record<string, unknown>]) => {
    const started = performance.now();
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        for (let index = worker; index < BURST; index += WORKERS) await write(...burst(`${name}-${index}`));
      }),
    );
    const marker = `${name}-marker`;
    await write('messages', message(marker));
    const deadline = performance.now() + 60_000;
    while (!arrivals.has(marker)) {
      if (performance.now() > deadline) throw new Error(`${marker} did not reach Kenji's stream within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return arrivals.get(marker)! - started;
  };

  const plain: number[] = [];
  const held: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const plainMs = await burstThenMessage(`plain-${round}`, (id) => ['messages', message(id)]);
    const heldMs = await burstThenMessage(`held-${round}`, (id) => ['feedback', heldNote(id)]);
    if (round === 0) continue; // warm-up
    plain.push(plainMs);
    held.push(heldMs);
  }
  const heldSeen = [...arrivals.keys()].filter((id) => id.startsWith('held-') && !id.endsWith('-marker')).length;
  console.log(`change streams: ${streams} open on one instance; a message written after ${BURST} changes, medians of ${ROUNDS} rounds`);
  // Budget 10×: measured 2026-12-06 on the 2-core machine, ~760–800 ms vs ~140 ms, 5.36–5.46× over two
  // runs (a held note costs more to write, and one query more per change to decide: every reader's own
  // notes, in one query). 10× leaves about twice that for a loaded machine; before N6 was fixed (a
  // decision per stream) the message came 12.9 s after 64 notes, some ninety times the reference.
  budget({
    name: `${BURST} held feedback notes then a message: first write → the message on Kenji's stream`,
    ours: median(held),
    reference: { name: `${BURST} plain messages then a message`, milliseconds: median(plain) },
    limit: 10,
    same: resyncs === 0 && heldSeen === BURST * (ROUNDS + 1),
    note: `${resyncs} resyncs; Kenji saw ${heldSeen} of ${BURST * (ROUNDS + 1)} held notes`,
  });
} finally {
  controller.abort();
  await backend.close();
}
finish();
