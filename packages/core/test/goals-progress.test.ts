import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PROGRESS_THRESHOLDS, STATUS_RANK, addDays, goalProgress } from '@mentorkit/core/goals';
import { isMentorKitError } from '@mentorkit/core';

const base = { startDate: '2026-10-01', dueDate: '2026-10-30' }; // 30 days, inclusive

describe('goalProgress', () => {
  test('percent from a metric, expected percent from the calendar, days left', () => {
    const progress = goalProgress({ ...base, metric: { start: 0, target: 10, current: 5 } }, '2026-10-15T12:00:00Z');
    assert.deepEqual(progress, { percent: 50, expectedPercent: 50, status: 'on-track', daysLeft: 15, overdueMilestones: 0 });
  });

  test('a decreasing metric ("reduce review time") counts down towards its target', () => {
    const metric = { start: 20, target: 4, current: 12 };
    assert.equal(goalProgress({ ...base, metric }, '2026-10-15').percent, 50);
    assert.equal(goalProgress({ ...base, metric: { ...metric, current: 3 } }, '2026-10-15').status, 'achieved');
    assert.equal(goalProgress({ ...base, metric: { ...metric, current: 25 } }, '2026-10-15').percent, 0, 'worse than the start clamps to 0');
  });

  test('percent from milestones, and both weighted', () => {
    const milestones = [{ done: true }, { done: false }, { done: false }, { done: true }];
    assert.equal(goalProgress({ ...base, milestones }, '2026-10-15').percent, 50);
    const both = goalProgress({ ...base, milestones, metric: { start: 0, target: 10, current: 10 } }, '2026-10-15');
    assert.equal(both.percent, 100 * (PROGRESS_THRESHOLDS.metricWeight + (1 - PROGRESS_THRESHOLDS.metricWeight) * 0.5));
  });

  test('statuses by the gap between expected and actual', () => {
    const at = (current: number, date: string) => goalProgress({ ...base, metric: { start: 0, target: 100, current } }, date).status;
    assert.equal(at(0, '2026-10-01'), 'not-started');
    assert.equal(at(0, '2026-10-10'), 'behind');
    assert.equal(at(40, '2026-10-15'), 'on-track'); // expected 50, gap 10
    assert.equal(at(30, '2026-10-15'), 'at-risk'); // gap 20
    assert.equal(at(20, '2026-10-15'), 'behind'); // gap 30
    assert.equal(at(100, '2026-10-15'), 'achieved');
    assert.equal(at(99, '2026-10-31'), 'missed');
    assert.equal(at(100, '2026-11-30'), 'achieved', 'achieved stays achieved after the date');
  });

  test("a short goal is not at risk on its first day: one day's share of slack", () => {
    // A 6-day goal set today: 17 % of the time has begun, nothing done yet.
    const sixDays = { startDate: '2026-10-01', dueDate: '2026-10-06', milestones: [{ done: false }, { done: false }, { done: false }] };
    assert.equal(goalProgress(sixDays, '2026-10-01').expectedPercent, 16.7);
    assert.equal(goalProgress(sixDays, '2026-10-01').status, 'not-started', 'was "at-risk" on day one');
    assert.equal(goalProgress(sixDays, '2026-10-02').status, 'at-risk', 'two days in, nothing done');
    assert.equal(goalProgress(sixDays, '2026-10-04').status, 'behind');
    assert.equal(goalProgress({ ...sixDays, milestones: [{ done: true }, { done: false }, { done: false }] }, '2026-10-03').status, 'on-track');
  });

  test('an overdue open milestone makes an on-track goal at risk', () => {
    const progress = goalProgress({ ...base, milestones: [{ done: true }, { done: false, dueDate: '2026-10-10' }] }, '2026-10-15');
    assert.equal(progress.overdueMilestones, 1);
    assert.equal(progress.status, 'at-risk');
  });

  test('edge cases: due today, no milestones, no due date, start = due', () => {
    const dueToday = goalProgress({ ...base, metric: { start: 0, target: 4, current: 2 } }, '2026-10-30T23:59:00Z');
    assert.equal(dueToday.daysLeft, 0);
    assert.equal(dueToday.expectedPercent, 100);
    assert.equal(dueToday.status, 'behind', 'due today and half done is behind, not yet missed');
    assert.deepEqual(goalProgress({ ...base, milestones: [] }, '2026-10-15'), {
      percent: 0,
      expectedPercent: 50,
      status: 'behind',
      daysLeft: 15,
      overdueMilestones: 0,
    });
    const open = goalProgress({ milestones: [{ done: true }, { done: false }] }, '2026-10-15');
    assert.equal(open.daysLeft, Number.POSITIVE_INFINITY);
    assert.equal(open.expectedPercent, 0);
    assert.equal(open.status, 'on-track');
    assert.equal(goalProgress({ startDate: '2026-10-15', dueDate: '2026-10-15', milestones: [{ done: false }] }, '2026-10-15').expectedPercent, 100);
    assert.equal(
      goalProgress({ dueDate: '2026-10-20', createdAt: '2026-10-11T08:00:00Z' }, '2026-10-15').expectedPercent,
      50,
      'createdAt stands in for a missing start date',
    );
  });

  test("reads an instant in the owner's time zone", () => {
    const goal = { ...base, metric: { start: 0, target: 1, current: 0 } };
    assert.equal(goalProgress(goal, '2026-10-30T23:30:00Z').status, 'behind');
    assert.equal(goalProgress(goal, '2026-10-30T23:30:00Z', { timeZone: 'Europe/Madrid' }).status, 'missed', 'already 31 October in Madrid');
  });

  test('validates its input', () => {
    assert.throws(
      () => goalProgress(null as never, '2026-10-15'),
      (error: unknown) => isMentorKitError(error, 'invalid-input'),
    );
    assert.throws(
      () => goalProgress(base, 'soon'),
      (error: unknown) => (error as { path: string }).path === 'now',
    );
    assert.throws(
      () => goalProgress({ dueDate: '2026-13-01' }, '2026-10-15'),
      (error: unknown) => (error as { path: string }).path === 'goal.dueDate',
    );
    assert.throws(
      () => goalProgress({ metric: { start: 0, target: Number.NaN } }, '2026-10-15'),
      (error: unknown) => (error as { path: string }).path === 'goal.metric',
    );
  });
});

describe('goalProgress properties', () => {
  const date = fc.integer({ min: 0, max: 400 }).map((offset) => addDays('2026-01-01', offset));
  const metric = fc.record({
    start: fc.integer({ min: -1000, max: 1000 }),
    target: fc.integer({ min: -1000, max: 1000 }),
    current: fc.integer({ min: -1500, max: 1500 }),
  });

  test('percent and expected percent stay within 0–100; days left matches the calendar', () => {
    fc.assert(
      fc.property(metric, date, date, date, (m, start, due, now) => {
        const [s, d] = start <= due ? [start, due] : [due, start];
        const progress = goalProgress({ startDate: s, dueDate: d, metric: m }, now);
        assert.ok(progress.percent >= 0 && progress.percent <= 100);
        assert.ok(progress.expectedPercent >= 0 && progress.expectedPercent <= 100);
        assert.equal(progress.daysLeft, Math.round((Date.parse(d) - Date.parse(now)) / 86_400_000));
        if (now > d) assert.ok(progress.status === 'missed' || progress.status === 'achieved');
        if (now === d) assert.ok(progress.status !== 'missed', 'due today is never missed');
      }),
    );
  });

  test('moving the metric towards its target never lowers percent or worsens status (increasing and decreasing)', () => {
    fc.assert(
      fc.property(metric, fc.integer({ min: 0, max: 500 }), date, date, date, (m, step, start, due, now) => {
        fc.pre(m.start !== m.target);
        const [s, d] = start <= due ? [start, due] : [due, start];
        const towards = m.current + Math.sign(m.target - m.start) * step;
        const before = goalProgress({ startDate: s, dueDate: d, metric: m }, now);
        const after = goalProgress({ startDate: s, dueDate: d, metric: { ...m, current: towards } }, now);
        assert.ok(after.percent >= before.percent);
        assert.ok(STATUS_RANK[after.status] <= STATUS_RANK[before.status], `${before.status} → ${after.status}`);
      }),
    );
  });

  test('ticking a milestone never lowers percent; time passing never raises expected percent backwards or improves status', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
        fc.nat({ max: 11 }),
        date,
        date,
        fc.integer({ min: 0, max: 60 }),
        (done, index, start, due, wait) => {
          const [s, d] = start <= due ? [start, due] : [due, start];
          const milestones = done.map((value) => ({ done: value }));
          const ticked = milestones.map((milestone, position) => (position === index % milestones.length ? { done: true } : milestone));
          const now = addDays(s, 3);
          assert.ok(
            goalProgress({ startDate: s, dueDate: d, milestones: ticked }, now).percent >= goalProgress({ startDate: s, dueDate: d, milestones }, now).percent,
          );
          const early = goalProgress({ startDate: s, dueDate: d, milestones }, now);
          const late = goalProgress({ startDate: s, dueDate: d, milestones }, addDays(now, wait));
          assert.ok(late.expectedPercent >= early.expectedPercent);
          assert.ok(
            STATUS_RANK[late.status] >= STATUS_RANK[early.status] || (early.status === 'not-started' && late.status === 'on-track'),
            `${early.status} → ${late.status}`,
          );
        },
      ),
    );
  });

  test('no milestones and no metric: 0%, and no due date means never missed', () => {
    fc.assert(
      fc.property(date, date, (start, now) => {
        const progress = goalProgress({ startDate: start }, now);
        assert.equal(progress.percent, 0);
        assert.equal(progress.status, 'not-started');
        assert.equal(progress.daysLeft, Number.POSITIVE_INFINITY);
      }),
    );
  });
});
