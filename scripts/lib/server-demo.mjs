// The LMS demo on MentorKit's server, with reminders that reach people: a throwaway PostgreSQL, a
// mailbox (a real SMTP server and a page that shows what it received: scripts/lib/mailbox.mjs),
// MentorKit's server (dev sign-in on loopback, reminders on, a scan every minute, a clock the demo can
// move forward) and the static server for the demo page. The demo programme is seeded, with
// everyone's email address and a little history relative to the clock:
//   - Chen Wei (Shanghai, English) and María González (Mexico City, Spanish) agreed fortnightly
//     check-ins with Mei and Noah 20 days ago and have not checked in since: each gets a reminder at
//     their next working morning, in their language;
//   - Tane Parata and Liam O'Connor have been quiet for 25 days: both are nudged, and the programme's
//     admins see the pair on the escalation ladder (35 days quiet: the admins are alerted);
//   - every other active pair wrote to each other two days ago;
//   - Lucía's finished pairing with Aisha Bello (six sessions, both sides' feedback): both can
//     download a certificate of participation.
// Used by `npm run demo:server` (scripts/demo-server.mjs) and by the end-to-end test
// test/e2e/reminders.test.mjs, so the demo stays covered.
//
// Imports TypeScript (the server's sources): run under `node --import tsx`.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DEMO_PROGRAM_ID, demoPairings, demoPeople, seedDemoProgram, seedFinishedPairing } from '../../packages/server/src/demo-program.ts';
import { createMentorKitServer } from '../../packages/server/src/server.ts';
import { createPostgresStorage } from '../../packages/server/src/store.ts';
import { startMailbox } from './mailbox.mjs';
import { startPostgres } from './postgres.mjs';
import { findFreePort, startServer } from './serve.mjs';

const DAY = 86_400_000;

/** Who the reminder demo is about. */
export const SERVER_DEMO = Object.freeze({
  programId: DEMO_PROGRAM_ID,
  /** Mentors whose fortnightly check-in is overdue: a reminder each, at their local morning. */
  overdue: [
    { mentorId: 'chen-wei', menteeId: 'mei-lin', pairingId: 'pairing-mei' },
    { mentorId: 'maria-gonzalez', menteeId: 'noah-johnson', pairingId: 'pairing-noah' },
  ],
  /** A pair quiet for 25 days: on the escalation ladder. */
  quiet: { pairingId: 'pairing-tane', memberIds: ['tane-parata', 'liam-oconnor'], quietDays: 25 },
  admins: ['priya-raman', 'marcus-lee'],
});

/** The demo's address for a person: `acme.example` is reserved for examples, so nothing could ever leave. */
export const demoEmailOf = (personId) => `${personId}@acme.example`;

/**
 * Starts everything; `close()` stops it all and deletes the database.
 * @param {{ at?: string, log?: (line: string) => void, port?: number, pagePort?: number, intervalMinutes?: number }} [options]
 *   at: the server's clock at start (an ISO instant; it keeps running from there); default the real time.
 */
export async function startServerDemo(options = {}) {
  const log = options.log ?? (() => undefined);
  if (options.at !== undefined && Number.isNaN(Date.parse(options.at)))
    throw new Error(`--at must be an instant such as 2026-10-14T14:55:00Z (got ${JSON.stringify(options.at)}).`);
  let offset = options.at === undefined ? 0 : Date.parse(options.at) - Date.now();
  const clock = () => new Date(Date.now() + offset);
  const stops = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const postgres = await startPostgres({ log });
    stops.push(() => postgres.stop());
    const pool = new pg.Pool({ connectionString: postgres.connectionString, max: 12, connectionTimeoutMillis: 2000 });
    stops.push(() => pool.end());
    const mailbox = await startMailbox();
    stops.push(() => mailbox.close());
    const page = await startServer({ port: options.pagePort ?? 0 });
    stops.push(() => page.close());

    const apiPort = options.port ?? (await findFreePort());
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const appUrl = `${page.demoUrl}?storage=rest&api=${encodeURIComponent(apiUrl)}`;
    const serviceToken = randomBytes(24).toString('hex');
    const serverLogs = [];
    const server = createMentorKitServer({
      pool,
      devAuth: true,
      serviceToken,
      secretKey: randomBytes(32).toString('base64'),
      smtpUrl: mailbox.smtpUrl,
      publicUrl: apiUrl,
      appUrl,
      mailFrom: 'Acme Learning mentoring <mentoring@acme.example>',
      reminderIntervalMinutes: options.intervalMinutes ?? 1,
      now: clock,
      log: (line) => {
        serverLogs.push(line);
        log(line);
      },
    });
    await server.listen(apiPort, '127.0.0.1');
    stops.push(() => server.close());

    const storage = createPostgresStorage(pool);
    await seedDemoProgram(storage);
    // Lucía's finished pairing with Aisha Bello: both can download a certificate of participation.
    await seedFinishedPairing(storage);
    await seedReminderHistory(storage, clock());
    log(`seeded the demo programme with email addresses and history relative to ${clock().toISOString()}`);

    return {
      apiUrl,
      /** The LMS demo on this server, as `as` (mentee, mentor or admin: the demo's "view as"). */
      demoUrl: (as) => `${appUrl}${as ? `&as=${encodeURIComponent(as)}` : ''}`,
      mailbox,
      pool,
      server,
      serviceToken,
      serverLogs,
      /** The server's clock now. */
      now: clock,
      /** Moves the server's clock to `instant` (it keeps running from there). */
      setClock(instant) {
        offset = Date.parse(instant) - Date.now();
      },
      /** Moves the server's clock forward by `milliseconds`. */
      advance(milliseconds) {
        offset += milliseconds;
      },
      /** One reminder scan now (what the scheduled job does every minute). */
      scan: () => server.reminders.runNow(),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Email addresses for everyone, and activity relative to `now` (see the top of this file). */
async function seedReminderHistory(storage, now) {
  const at = (daysAgo) => new Date(now.getTime() - daysAgo * DAY).toISOString();
  for (const person of demoPeople) {
    const current = await storage.get('people', person.id);
    if (current && !current.email) await storage.put('people', { ...current, email: demoEmailOf(person.id) }, { expectedRevision: current.revision });
  }
  const people = new Map(demoPeople.map((person) => [person.id, person]));
  const participant = (personId) => {
    const person = people.get(personId);
    return { personId, timeZone: person.timeZone, workingHours: person.workingHours ?? {}, offLimitsDays: person.offLimitsDays ?? [], offLimitsDates: [] };
  };
  const create = async (collection, record) => {
    if (!(await storage.get(collection, record.id))) await storage.put(collection, record, { expectedRevision: null });
  };
  for (const { mentorId, menteeId, pairingId } of SERVER_DEMO.overdue) {
    await create('agreements', {
      id: `agreement-${pairingId}`,
      pairingId,
      cadence: 'fortnightly',
      channels: [{ kind: 'video' }],
      responseTimeHours: 48,
      offLimitsDays: [],
      offLimitsDates: [],
      participants: [participant(mentorId), participant(menteeId)],
      sessionMinutes: 60,
      coachingModel: 'grow',
      checkInLevel: 'regular',
      version: 1,
      proposedBy: mentorId,
      history: [],
      confirmations: [
        { personId: mentorId, version: 1, at: at(20) },
        { personId: menteeId, version: 1, at: at(20) },
      ],
      createdAt: at(21),
    });
  }
  // A message is activity; a mentee's message is not a check-in, so the overdue check-ins stay overdue.
  const message = (pairingId, authorId, daysAgo, text) =>
    create('messages', {
      id: `demo-message-${pairingId}`,
      pairingId,
      authorId,
      kind: 'text',
      text,
      mentorsOnly: false,
      history: [],
      sentAt: at(daysAgo),
      createdAt: at(daysAgo),
    });
  for (const pairing of demoPairings) {
    if (pairing.status !== 'active') continue;
    if (pairing.id === SERVER_DEMO.quiet.pairingId)
      await message(pairing.id, pairing.menteeId, SERVER_DEMO.quiet.quietDays, 'Thanks for the session! I will try the release checklist this sprint.');
    else
      await message(
        pairing.id,
        pairing.menteeId,
        2,
        pairing.id === 'pairing-noah' || pairing.id === 'pairing-isabella'
          ? 'Hola, ¿cómo vas? Te cuento cómo fue la semana.'
          : 'A quick update on my week, when you have a moment.',
      );
  }
}
