/**
 * `@mentorkit/storage-rest`'s `reports` service against the real server on PostgreSQL: what
 * `<mk-programme-report>` reads when the storage has a server. The programme's admin gets the report
 * (response time included: the server reads the messages' metadata, which the browser may not); anyone
 * else gets `not-found`, as if the programme did not exist; the server's refusals arrive as
 * MentorKitError naming the field; the adapter checks the dates before sending.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PROGRAM_ID, seedDemoProgram } from '../../../examples/shared/demo-program.js';
import { createPostgresStorage } from '../src/store.js';
import { refusal, restAdapters } from './rest-support.js';
import { skipReason, startTestBackend, type TestBackend } from './support.js';

const skip = skipReason();
const LUCIA = 'lucia-fernandez';
const KENJI = 'kenji-watanabe';
const PRIYA = 'priya-raman'; // the demo programme's admin

describe('storage-rest reports: the programme report from the server', { skip: skip ?? false }, () => {
  let backend: TestBackend;
  const rest = restAdapters(() => backend);
  const restAs = rest.as;

  before(async () => {
    backend = await startTestBackend();
    const store = createPostgresStorage(backend.pool);
    await seedDemoProgram(store);
    const session = (id: string, start: string, status: string, extra: Record<string, unknown> = {}) =>
      store.put('sessions', {
        id,
        pairingId: 'pairing-lucia',
        title: `Session ${id}`,
        start,
        end: new Date(Date.parse(start) + 60 * 60_000).toISOString(),
        timeZone: 'Europe/Madrid',
        status,
        createdAt: '2026-10-01T08:00:00.000Z',
        ...extra,
      });
    await session('report-s1', '2026-10-06T08:00:00.000Z', 'held');
    await session('report-s2', '2026-10-13T08:00:00.000Z', 'held', { heldMinutes: 40 });
    await session('report-s3', '2026-10-20T08:00:00.000Z', 'missed');
    await session('report-s4', '2026-12-20T08:00:00.000Z', 'scheduled');
    const message = (id: string, authorId: string, sentAt: string) =>
      store.put('messages', { id, pairingId: 'pairing-lucia', authorId, text: 'Not read by the report', sentAt, createdAt: sentAt });
    await message('report-m1', LUCIA, '2026-10-07T09:00:00.000Z');
    await message('report-m2', KENJI, '2026-10-07T10:30:00.000Z'); // answers after 90 minutes
    await message('report-m3', LUCIA, '2026-10-08T09:00:00.000Z'); // answers Kenji after 22 h 30 min
    await message('report-m4', KENJI, '2026-10-08T09:30:00.000Z'); // 30 minutes
    await message('report-m5', KENJI, '2026-10-08T09:45:00.000Z'); // the same side again: not a reply
  });
  after(async () => {
    await rest.disposeAll();
    await backend?.close();
  });

  test('the admin reads the report: figures from every record, response time included (the browser cannot have it)', async () => {
    const report = await restAs(PRIYA).reports.programme(DEMO_PROGRAM_ID, { from: '2026-10-01', to: '2026-10-31' }, { timeZone: 'Europe/Madrid' });
    assert.equal(report.programId, DEMO_PROGRAM_ID);
    assert.equal(report.programName, 'Engineering Mentoring 2026');
    assert.deepEqual(report.period, { from: '2026-10-01', to: '2026-10-31' });
    assert.equal(report.timeZone, 'Europe/Madrid');
    assert.deepEqual(report.totals.sessions, { held: 2, missed: 1, cancelled: 0, scheduled: 0 });
    assert.equal(report.totals.mentoringMinutes, 100, '60 booked + 40 recorded');
    assert.deepEqual(
      report.totals.responseTime,
      { medianMinutes: 90, replies: 3 },
      'the median of 90, 1350 and 30 minutes (a message by the same side again is no reply)',
    );
    const lucias = report.pairs.find((pair) => pair.pairingId === 'pairing-lucia')!;
    assert.equal(lucias.menteeName, 'Lucía Fernández');
    assert.equal(lucias.sessionsHeld, 2);
    assert.ok(report.pairs.length > 1, 'every pair of the programme');
    assert.equal(JSON.stringify(report).includes('Not read by the report'), false, 'no message text');
  });

  test('anyone who is not an admin of the programme: not-found in the server’s words; the server’s 400 names the field; bad dates are refused before sending', async () => {
    for (const personId of [LUCIA, KENJI]) {
      const hidden = await refusal(restAs(personId).reports.programme(DEMO_PROGRAM_ID, { from: '2026-10-01', to: '2026-10-31' }));
      assert.equal(hidden.code, 'not-found', personId);
      assert.match(hidden.message, /programme/);
    }
    const priya = restAs(PRIYA).reports;
    assert.equal((await refusal(priya.programme('no-such-programme', { from: '2026-10-01', to: '2026-10-31' }))).code, 'not-found');
    const zone = await refusal(priya.programme(DEMO_PROGRAM_ID, { from: '2026-10-01', to: '2026-10-31' }, { timeZone: 'Mars/Olympus_Mons' }));
    assert.equal(zone.code, 'invalid-input');
    assert.equal(zone.path, 'timeZone');
    assert.equal((await refusal(priya.programme(DEMO_PROGRAM_ID, { from: '2026-10-31', to: '2026-10-01' }))).path, 'period.to');
    assert.equal((await refusal(priya.programme(DEMO_PROGRAM_ID, { from: '2026-02-30', to: '2026-03-01' } as never))).code, 'invalid-input');
  });
});
