// MentorKit as an LTI 1.3 tool, on this machine: a throwaway PostgreSQL, MentorKit's server (a random
// secret key and service token, dev-auth on loopback, so it takes its URL from the request's Host), the
// test LMS of examples/lti-platform (written to the IMS specs), the LMS registered with the service
// token, and — unless `seed: false` — a small programme: the course opened once by its teacher (the
// LMS launches the tool over HTTP, as a browser would), its roster synced, Amara (learner) paired with
// Tomás (mentor) and a goal for Amara. Used by `npm run demo:lti` (scripts/demo-lti.mjs) and by the
// end-to-end test test/e2e/lti.test.mjs, so the demo stays covered.
//
// Imports TypeScript (the server's sources, the test platform): run under `node --import tsx`.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startTestPlatform } from '../../examples/lti-platform/platform.ts';
import { createMentorKitServer } from '../../packages/server/src/server.ts';
import { startPostgres } from './postgres.mjs';

/** The test LMS's people (examples/lti-platform): who opens the course as whom. */
export const LTI_DEMO_PEOPLE = Object.freeze({
  learner: { sub: 'u-learner-1', name: 'Amara Okafor' },
  mentor: { sub: 'u-mentor-1', name: 'Tomás Rivera' },
  teacher: { sub: 'u-teacher-1', name: 'Grace Lee' },
});
export const LTI_DEMO_PAIRING_ID = 'lti-demo-pairing-amara';
export const LTI_DEMO_GOAL_ID = 'lti-demo-goal-amara';
export const LTI_DEMO_GOAL_TITLE = "Lead the course project's weekly stand-up";

/**
 * Starts everything; `close()` stops it all (and deletes the database).
 * @param {{ log?: (line: string) => void, port?: number, platformPort?: number, seed?: boolean }} [options]
 */
export async function startLtiDemo(options = {}) {
  const log = options.log ?? (() => undefined);
  const serviceToken = randomBytes(24).toString('hex');
  const secretKey = randomBytes(32).toString('base64');
  const serverLogs = [];
  const stops = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const postgres = await startPostgres({ log });
    stops.push(() => postgres.stop());
    const pool = new pg.Pool({ connectionString: postgres.connectionString, max: 12, connectionTimeoutMillis: 2000 });
    stops.push(() => pool.end());
    const server = createMentorKitServer({
      pool,
      serviceToken,
      devAuth: true,
      secretKey,
      // The test LMS (its keys, token and roster endpoints) runs on this machine.
      fetchAllowHosts: ['127.0.0.1'],
      log: (line) => {
        serverLogs.push(line);
        log(line);
      },
    });
    const toolUrl = await server.listen(options.port ?? 0, '127.0.0.1');
    stops.push(() => server.close());
    const platform = await startTestPlatform({ toolUrl, ...(options.platformPort ? { port: options.platformPort } : {}) });
    stops.push(() => platform.close());

    const asService = { authorization: `Bearer ${serviceToken}` };
    const call = async (method, path, body) => {
      const response = await fetch(`${toolUrl}${path}`, {
        method,
        headers: { ...asService, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
      return text ? JSON.parse(text) : undefined;
    };
    const registered = await call('POST', '/lti/platforms', platform.registration());
    const platformId = registered.platform.id;
    log(`registered the test LMS ${platform.url} as ${platformId}`);

    const demo = {
      toolUrl,
      platform,
      platformId,
      pool,
      serviceToken,
      asService,
      serverLogs,
      /** Service-token REST call on the tool (JSON in and out); throws on an error status. */
      call,
      /** The course page of the test LMS, signed in as `sub`, with MentorKit in an iframe. */
      courseUrl: (sub, courseOptions) => platform.courseUrl(sub, courseOptions),
      /** The course's programme and the MentorKit person id of each platform user (after a first launch). */
      async course() {
        const contexts = await pool.query('SELECT program_id FROM mk_lti_contexts WHERE platform_id = $1', [platformId]);
        const people = await pool.query('SELECT subject, person_id FROM mk_lti_people WHERE platform_id = $1', [platformId]);
        return { programId: contexts.rows[0]?.program_id, personIds: Object.fromEntries(people.rows.map((row) => [row.subject, row.person_id])) };
      },
      close,
    };
    if (options.seed !== false) await seedLtiDemo(demo, log);
    return demo;
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The course opened once by the teacher (the LMS's login, authentication and form post, over HTTP),
 * which makes its programme; the roster synced (every member a MentorKit person); then Amara paired
 * with Tomás and a goal for her, written with the service token.
 */
async function seedLtiDemo(demo, log) {
  const { platform, toolUrl } = demo;
  const started = await fetch(platform.loginUrl(LTI_DEMO_PEOPLE.teacher.sub), { redirect: 'manual' });
  if (started.status !== 302) throw new Error(`the teacher's login answered ${started.status}: ${(await started.text()).slice(0, 300)}`);
  const authorized = await platform.authorize(started.headers.get('location'));
  const launched = await fetch(`${toolUrl}/lti/launch`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ id_token: authorized.idToken, state: authorized.state }).toString(),
  });
  if (launched.status !== 200) throw new Error(`the teacher's launch answered ${launched.status}: ${(await launched.text()).slice(0, 300)}`);
  const { rows } = await demo.pool.query('SELECT context_id FROM mk_lti_contexts WHERE platform_id = $1', [demo.platformId]);
  const contextId = rows[0]?.context_id;
  if (!contextId) throw new Error("the teacher's launch made no course programme");
  await demo.call('POST', `/lti/rosters/${encodeURIComponent(demo.platformId)}/${encodeURIComponent(contextId)}`);
  const { programId, personIds } = await demo.course();
  const menteeId = personIds[LTI_DEMO_PEOPLE.learner.sub];
  const mentorId = personIds[LTI_DEMO_PEOPLE.mentor.sub];
  if (!programId || !menteeId || !mentorId) throw new Error(`the roster did not bring the learner and the mentor (${JSON.stringify(personIds)})`);
  const today = new Date().toISOString().slice(0, 10);
  const inWeeks = (weeks) => new Date(Date.now() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
  await demo.call('PUT', `/collections/pairings/records/${LTI_DEMO_PAIRING_ID}`, {
    id: LTI_DEMO_PAIRING_ID,
    programId,
    menteeId,
    mentorIds: [mentorId],
    status: 'active',
    kind: 'official',
    startedOn: today,
    reasons: [],
  });
  await demo.call('PUT', `/collections/goals/records/${LTI_DEMO_GOAL_ID}`, {
    id: LTI_DEMO_GOAL_ID,
    pairingId: LTI_DEMO_PAIRING_ID,
    ownerId: menteeId,
    title: LTI_DEMO_GOAL_TITLE,
    description: "Run the team's stand-up every Monday for the rest of the term, with Tomás's feedback after each.",
    skill: 'Facilitation',
    metric: { name: 'stand-ups run', start: 0, target: 8, current: 2 },
    startDate: today,
    dueDate: inWeeks(8),
    milestones: [
      { id: 'm1', title: 'Agree the format with the team', done: true },
      { id: 'm2', title: 'Run four stand-ups', dueDate: inWeeks(4) },
    ],
    visibility: 'pairing',
  });
  log(`seeded programme ${programId}: ${LTI_DEMO_PEOPLE.learner.name} paired with ${LTI_DEMO_PEOPLE.mentor.name}, one goal`);
}
