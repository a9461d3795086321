import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { availabilityAt, daysBetween, isMentorKitError, isWithinWorkingHours, localTimeOf } from '@mentorkit/core';

describe('local time', () => {
  test('wall clock and offsets, including +05:45 and the next day', () => {
    const kathmandu = localTimeOf('Asia/Kathmandu', '2026-03-29T21:10:00Z');
    assert.deepEqual([kathmandu.date, kathmandu.time, kathmandu.weekday, kathmandu.offset], ['2026-03-30', '02:55', 1, '+05:45']);
    const newYork = localTimeOf('America/New_York', '2026-07-01T12:00:00Z');
    assert.deepEqual([newYork.time, newYork.offsetMinutes], ['08:00', -240]);
    assert.throws(
      () => localTimeOf('Mars/Base', '2026-07-01T12:00:00Z'),
      (error: unknown) => isMentorKitError(error, 'invalid-input'),
    );
  });

  test('availability: off-limits wins, then working hours (end exclusive), no-hours when none are set', () => {
    const rules = { workingHours: { 1: ['09:00-17:00'] }, offLimitsDates: ['2026-03-31'] };
    const at = (instant: string) => availabilityAt(localTimeOf('UTC', instant), rules);
    assert.equal(at('2026-03-30T09:00:00Z'), 'working');
    assert.equal(at('2026-03-30T17:00:00Z'), 'outside');
    assert.equal(at('2026-03-31T10:00:00Z'), 'off-limits');
    assert.equal(availabilityAt(localTimeOf('UTC', '2026-03-30T10:00:00Z'), { workingHours: { 1: ['09:00-17:00'] }, offLimitsDays: [1] }), 'off-limits');
    assert.equal(availabilityAt(localTimeOf('UTC', '2026-03-30T10:00:00Z'), {}), 'no-hours');
    assert.equal(isWithinWorkingHours(localTimeOf('UTC', '2026-03-30T10:00:00Z'), rules), true);
  });

  test('counts calendar days', () => {
    assert.equal(daysBetween('2026-03-29', '2026-03-30'), 1);
    assert.equal(daysBetween('2026-03-30', '2026-03-29'), -1);
    assert.equal(daysBetween('2026-12-31', '2027-01-01'), 1);
    assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2, 'across a DST change');
    assert.throws(
      () => daysBetween('2026-02-30', '2026-03-01'),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'from',
    );
  });
});
