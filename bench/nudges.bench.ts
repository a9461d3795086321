// Reminder nudges for a programme of 10,000 people (issue 15): one scan of the server's reminders
// (every active pairing's check-in and activity computed with core's pairingCheckIn, due nudges
// queued once each), printed beside one SQL read of the same rows (the floor: what reading costs).
// A second scan, with everything queued already, is what every later interval costs. No budget in
// DESIGN yet: printed. SMTP points at a port nobody listens on — the scan queues; nothing is sent.
import { performance } from 'node:perf_hooks';
import { DEMO_PROGRAM_ID, seedDemoProgram } from '../packages/server/src/demo-program.js';
import { startTestBackend } from '../packages/server/test/support.js';
import { formatMs, finish } from './support.js';

const PEOPLE = 10_000;
const PAIRINGS = PEOPLE / 2;
const NOW = new Date('2026-11-16T08:00:00Z');

const backend = await startTestBackend({ smtpUrl: 'smtp://127.0.0.1:9', publicUrl: 'https://mentoring.example.edu', now: () => NOW });
try {
  await seedDemoProgram((await import('../packages/server/src/store.js')).createPostgresStorage(backend.pool));
  // Rows straight into the table (what a programme of this size holds), half the pairs with an agreement.
  const zones = ['Europe/Madrid', 'America/New_York', 'Asia/Tokyo', 'America/Mexico_City', 'Africa/Lagos'];
  const week = { 1: ['09:00-17:00'], 2: ['09:00-17:00'], 3: ['09:00-17:00'], 4: ['09:00-17:00'], 5: ['09:00-17:00'] };
  const rows: Array<[string, string, Record<string, unknown>]> = [];
  for (let index = 0; index < PAIRINGS; index++) {
    const mentee = `scale-mentee-${index}`;
    const mentor = `scale-mentor-${index}`;
    const zone = zones[index % zones.length]!;
    rows.push([
      'people',
      mentee,
      {
        id: mentee,
        displayName: `Mentee ${index}`,
        email: `${mentee}@example.edu`,
        roles: ['mentee'],
        timeZone: zone,
        workingHours: week,
        languages: [index % 3 === 0 ? 'es' : 'en'],
        programIds: [DEMO_PROGRAM_ID],
      },
    ]);
    rows.push([
      'people',
      mentor,
      {
        id: mentor,
        displayName: `Mentor ${index}`,
        email: `${mentor}@example.edu`,
        roles: ['mentor'],
        timeZone: zones[(index + 2) % zones.length]!,
        workingHours: week,
        languages: ['en'],
        programIds: [DEMO_PROGRAM_ID],
      },
    ]);
    rows.push([
      'pairings',
      `scale-pairing-${index}`,
      {
        id: `scale-pairing-${index}`,
        programId: DEMO_PROGRAM_ID,
        menteeId: mentee,
        mentorIds: [mentor],
        status: 'active',
        kind: 'formal',
        startedOn: '2026-09-01',
        reasons: [],
      },
    ]);
    if (index % 2 === 0) {
      rows.push([
        'agreements',
        `scale-agreement-${index}`,
        {
          id: `scale-agreement-${index}`,
          pairingId: `scale-pairing-${index}`,
          cadence: 'fortnightly',
          channels: [{ kind: 'video' }],
          responseTimeHours: 48,
          offLimitsDays: [],
          offLimitsDates: [],
          participants: [
            { personId: mentee, timeZone: zone, workingHours: week, offLimitsDays: [], offLimitsDates: [] },
            { personId: mentor, timeZone: zones[(index + 2) % zones.length]!, workingHours: week, offLimitsDays: [], offLimitsDates: [] },
          ],
          sessionMinutes: 60,
          coachingModel: 'grow',
          checkInLevel: 'regular',
          version: 1,
          confirmations: [
            { personId: mentee, version: 1, at: '2026-09-02T10:00:00Z' },
            { personId: mentor, version: 1, at: '2026-09-02T11:00:00Z' },
          ],
          history: [],
        },
      ]);
    }
  }
  const insert = async (batch: typeof rows) => {
    await backend.pool.query(
      `INSERT INTO mk_records (collection, id, revision, updated_at, deleted, data, filter, unfilterable)
       SELECT c, i, 1, now()::text, false, d::json, '{}'::jsonb, false FROM unnest($1::text[], $2::text[], $3::text[]) AS t(c, i, d)`,
      [batch.map((row) => row[0]), batch.map((row) => row[1]), batch.map((row) => JSON.stringify(row[2]))],
    );
  };
  for (let start = 0; start < rows.length; start += 2000) await insert(rows.slice(start, start + 2000));
  await backend.pool.query(
    "UPDATE mk_records SET filter = jsonb_strip_nulls(jsonb_build_object('pairingId', data->>'pairingId', 'programId', data->>'programId', 'menteeId', data->>'menteeId', 'status', data->>'status')) WHERE id LIKE 'scale-%'",
  );

  const readStarted = performance.now();
  const read = await backend.pool.query(
    "SELECT collection, id, data FROM mk_records WHERE NOT deleted AND collection IN ('people', 'pairings', 'agreements', 'sessions', 'messages', 'goals')",
  );
  const readMs = performance.now() - readStarted;

  const firstStarted = performance.now();
  const first = await backend.backend.reminders.runNow();
  const firstMs = performance.now() - firstStarted;
  const againStarted = performance.now();
  const again = await backend.backend.reminders.runNow();
  const againMs = performance.now() - againStarted;

  console.log(`${PEOPLE} people in ${PAIRINGS} pairings (half with an agreement); one SQL read of the same rows: ${formatMs(readMs)} (${read.rowCount} rows)`);
  console.log(
    `first scan (computes every pairing and queues what is due): ${formatMs(firstMs)}, ${(firstMs / PEOPLE).toFixed(2)} ms per person; ${JSON.stringify(first)}`,
  );
  console.log(
    `next scan (everything queued already): ${formatMs(againMs)}, ${(againMs / PEOPLE).toFixed(2)} ms per person, ${(againMs / readMs).toFixed(1)}× the read; ${JSON.stringify(again)}`,
  );
} finally {
  await backend.close();
}
finish();
