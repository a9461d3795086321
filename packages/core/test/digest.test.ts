// digestSlot: which daily or weekly digest a reminder goes into, and when that digest is sent, on the
// person's own clock (working hours, 09:00–18:00, off-limits days), across zones and DST.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { digestSlot, type NudgePerson } from '@mentorkit/core/checkins';

const weekdays = (ranges: string[]) => ({ 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges });
const maria: NudgePerson = { personId: 'maria', timeZone: 'America/Mexico_City', workingHours: weekdays(['09:00-12:30', '13:30-17:30']) };
const kenji: NudgePerson = { personId: 'kenji', timeZone: 'Asia/Tokyo', workingHours: weekdays(['08:00-12:00', '13:00-18:00']) };
const local = (instant: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );

describe('digestSlot', () => {
  test("daily: a reminder due in the night goes into that morning's digest", () => {
    // Tuesday 8 December 2026, 03:00 in Mexico City.
    const slot = digestSlot(maria, '2026-12-08T09:00:00Z', 'daily');
    assert.deepEqual(slot, { period: '2026-12-08', sendAt: '2026-12-08T15:00:00Z' });
    assert.equal(local(slot.sendAt, maria.timeZone), 'Tue 08, 09:00');
  });

  test("daily: due after the morning's digest went out, it waits for the next morning's", () => {
    const slot = digestSlot(maria, '2026-12-08T20:00:00Z', 'daily'); // Tuesday 14:00 local
    assert.deepEqual(slot, { period: '2026-12-09', sendAt: '2026-12-09T15:00:00Z' });
    // Due exactly when the digest goes: still in it.
    assert.equal(digestSlot(maria, '2026-12-08T15:00:00Z', 'daily').period, '2026-12-08');
    assert.equal(digestSlot(maria, '2026-12-08T15:00:01Z', 'daily').period, '2026-12-09');
  });

  test("daily: Friday evening's, Saturday's and Sunday's reminders share Monday's digest (no working hours at the weekend)", () => {
    const periods = ['2026-12-12T02:00:00Z', '2026-12-12T18:00:00Z', '2026-12-13T18:00:00Z', '2026-12-14T10:00:00Z'].map((due) =>
      digestSlot(maria, due, 'daily'),
    );
    assert.deepEqual(new Set(periods.map((slot) => slot.period)), new Set(['2026-12-14']));
    assert.ok(periods.every((slot) => slot.sendAt === '2026-12-14T15:00:00Z'));
  });

  test('daily: off-limits days have no digest; within working hours first (Kenji starts at 08:00, a digest not before 09:00)', () => {
    const withFridaysOff: NudgePerson = { ...maria, offLimitsDays: [5] };
    assert.equal(digestSlot(withFridaysOff, '2026-12-10T20:00:00Z', 'daily').period, '2026-12-14'); // Thursday afternoon → Monday
    const slot = digestSlot(kenji, '2026-12-07T20:00:00Z', 'daily'); // Tuesday 05:00 in Tokyo
    assert.equal(local(slot.sendAt, kenji.timeZone), 'Tue 08, 09:00');
  });

  test('weekly: one digest on Monday morning for the whole week, named by its Monday', () => {
    const tuesday = digestSlot(maria, '2026-12-08T20:00:00Z', 'weekly');
    const sunday = digestSlot(maria, '2026-12-13T20:00:00Z', 'weekly');
    assert.deepEqual(tuesday, { period: '2026-12-14', sendAt: '2026-12-14T15:00:00Z' });
    assert.deepEqual(sunday, tuesday);
    // Before this Monday's digest went out: into this Monday's.
    assert.deepEqual(digestSlot(maria, '2026-12-14T12:00:00Z', 'weekly'), { period: '2026-12-14', sendAt: '2026-12-14T15:00:00Z' });
    // A Monday off: the week's digest is on Tuesday, still named by the Monday.
    const mondaysOff: NudgePerson = { ...maria, offLimitsDays: [1] };
    assert.deepEqual(digestSlot(mondaysOff, '2026-12-13T20:00:00Z', 'weekly'), { period: '2026-12-14', sendAt: '2026-12-15T15:00:00Z' });
  });

  test('across a DST change the digest stays at 09:00 on the clock (New York, 8 March 2026)', () => {
    const ny: NudgePerson = { personId: 'sarah', timeZone: 'America/New_York', workingHours: weekdays(['09:00-17:00']) };
    const before = digestSlot(ny, '2026-03-06T20:00:00Z', 'daily'); // Friday → Monday 9 March, after the change
    assert.equal(before.period, '2026-03-09');
    assert.equal(before.sendAt, '2026-03-09T13:00:00Z'); // 09:00 EDT (UTC−4)
  });

  test('bad input is refused with the field named', () => {
    assert.throws(
      () => digestSlot(maria, 'yesterday', 'daily'),
      (error: { code?: string; path?: string }) => error.code === 'invalid-input' && error.path === 'dueAt',
    );
    assert.throws(
      () => digestSlot({ ...maria, timeZone: 'Mars/Olympus' }, '2026-12-08T20:00:00Z', 'daily'),
      (error: { path?: string }) => error.path === 'person.timeZone',
    );
    assert.throws(
      () => digestSlot(maria, '2026-12-08T20:00:00Z', 'hourly' as 'daily'),
      (error: { path?: string }) => error.path === 'frequency',
    );
  });
});
