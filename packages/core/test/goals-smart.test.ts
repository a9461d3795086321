import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SMART_RULES, checkSmartGoal, createGoalMessages, defaultGoalMessages, formatGoalMessage, findSkill, SKILL_CATALOGUE } from '@mentorkit/core/goals';
import { isMentorKitError } from '@mentorkit/core';

const TODAY = '2026-10-14';
const criteria = (draft: unknown, options: Parameters<typeof checkSmartGoal>[1] = {}) =>
  checkSmartGoal(draft, { today: TODAY, ...options }).issues.map((issue) => issue.criterion);
const messageFor = (draft: unknown, criterion: string, options: Parameters<typeof checkSmartGoal>[1] = {}) =>
  checkSmartGoal(draft, { today: TODAY, ...options }).issues.find((issue) => issue.criterion === criterion)?.message ?? '';

const GOOD = {
  title: 'Run 3 team retrospectives',
  skill: 'facilitation',
  metric: { name: 'retrospectives run', start: 0, target: 3 },
  startDate: '2026-10-01',
  dueDate: '2026-12-15',
};

describe('checkSmartGoal', () => {
  test('a SMART goal passes', () => {
    assert.deepEqual(checkSmartGoal(GOOD, { today: TODAY }), { ok: true, issues: [] });
    // Milestones instead of a metric make it measurable too; a decreasing metric is fine.
    assert.equal(checkSmartGoal({ ...GOOD, metric: undefined, milestones: [{ title: 'Book the room', dueDate: '2026-10-20' }] }, { today: TODAY }).ok, true);
    assert.equal(
      checkSmartGoal(
        { ...GOOD, title: 'Reduce median review time to 4 hours', metric: { name: 'median review time', unit: 'hours', start: 20, target: 4, current: 18 } },
        { today: TODAY },
      ).ok,
      true,
    );
  });

  test('a vague draft misses every letter it should, each once, in SMART order, with a fix', () => {
    const result = checkSmartGoal({ title: 'Get better' }, { today: TODAY });
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.issues.map((issue) => issue.criterion),
      ['specific', 'measurable', 'relevant', 'time-bound'],
    );
    for (const issue of result.issues) assert.ok(issue.message.length > 20, issue.message);
    assert.match(messageFor({ title: 'Get better' }, 'measurable'), /add a target, such as "run 3 retrospectives"/i);
    assert.match(messageFor({ title: 'Get better' }, 'relevant'), /link it to a skill or the mentee's development area/i);
  });

  describe('specific', () => {
    test('empty, too short, and vague titles fail; concrete ones pass', () => {
      assert.match(messageFor({ ...GOOD, title: '   ' }, 'specific'), /Write what you want to achieve/);
      assert.match(messageFor({ ...GOOD, title: 'Retros' }, 'specific'), new RegExp(`at least ${SMART_RULES.specificMinWords} words`));
      assert.match(messageFor({ ...GOOD, title: 'Get better at things' }, 'specific'), /exact outcome/);
      assert.match(messageFor({ ...GOOD, title: 'Improve my skills' }, 'specific'), /exact outcome/);
      assert.deepEqual(criteria({ ...GOOD, title: 'Get better at time management' }), []);
      assert.deepEqual(criteria({ ...GOOD, title: 'Présenter 2 démos internes' }), []);
    });
  });

  describe('measurable', () => {
    test('needs a metric that moves, or milestones', () => {
      assert.deepEqual(criteria({ ...GOOD, metric: undefined }), ['measurable']);
      assert.match(messageFor({ ...GOOD, metric: { name: 'talks', start: 2, target: 2 } }, 'measurable'), /target equals the starting value \(2\)/);
      assert.deepEqual(criteria({ ...GOOD, metric: undefined, milestones: [{ title: '  ' }] }), ['measurable'], 'blank milestones do not count');
    });
  });

  describe('achievable', () => {
    test('a pace far above the pace so far fails', () => {
      // 30 days in, 1 of 20 done, 20 days left: needs 0.95/day vs 0.033/day so far.
      const draft = {
        ...GOOD,
        title: 'Write 20 blog posts',
        metric: { name: 'posts', start: 0, target: 20, current: 1 },
        startDate: '2026-09-14',
        dueDate: '2026-11-03',
      };
      assert.match(messageFor(draft, 'achievable'), /over 3 times the pace so far/);
      // Same goal with steady progress passes.
      assert.deepEqual(criteria({ ...draft, metric: { ...draft.metric, current: 12 } }), []);
      // Too early to judge the pace.
      assert.deepEqual(criteria({ ...draft, startDate: '2026-10-05' }), []);
    });

    test('the pace works for a decreasing metric', () => {
      const draft = {
        ...GOOD,
        title: 'Reduce median review time to 4 hours',
        metric: { name: 'review time', unit: 'hours', start: 20, target: 4, current: 19 },
        startDate: '2026-09-01',
        dueDate: '2026-10-24',
      };
      assert.deepEqual(criteria(draft), ['achievable']);
      assert.deepEqual(criteria({ ...draft, metric: { ...draft.metric, current: 8 } }), []);
    });

    test('too many open goals at once fails', () => {
      assert.deepEqual(criteria(GOOD, { openGoals: SMART_RULES.maxOpenGoals - 1 }), []);
      assert.match(messageFor(GOOD, 'achievable', { openGoals: SMART_RULES.maxOpenGoals }), /already 5 open goals/);
    });

    test('most of the work left in the last days fails — once something was recorded', () => {
      assert.match(
        messageFor({ ...GOOD, dueDate: '2026-10-17', metric: { ...GOOD.metric, current: 1 } }, 'achievable'),
        /Only 3 days are left for 67% of the work/,
      );
      assert.deepEqual(criteria({ ...GOOD, dueDate: '2026-10-17' }), [], 'nothing recorded yet: no history to judge');
    });

    test('no false alarm before anything is recorded: the pace is judged only with a history', () => {
      // 30 days in, 0 of 20 recorded (the form's "current" equals the start): realistic, just not updated yet.
      const fresh = {
        ...GOOD,
        title: 'Write 20 blog posts',
        metric: { name: 'posts', start: 0, target: 20, current: 0 },
        startDate: '2026-09-14',
        dueDate: '2027-03-14',
      };
      assert.deepEqual(criteria(fresh), [], 'was "needs about 0.1 a day, over 3 times the pace so far (0 a day)"');
      assert.deepEqual(criteria({ ...fresh, metric: { ...fresh.metric, current: undefined } }), []);
    });

    test('the pace is said in units people use: per day, per week or per month', () => {
      // 30 days in, 1 of 20 done, 20 days left: about 29 a month needed (0.95 a day) vs 1 a month so far.
      const slow = {
        ...GOOD,
        title: 'Write 20 blog posts',
        metric: { name: 'posts', start: 0, target: 20, current: 1 },
        startDate: '2026-09-14',
        dueDate: '2026-11-03',
      };
      assert.match(messageFor(slow, 'achievable'), /needs about 29 a month, over 3 times the pace so far \(1 a month\)/);
      // 30 days in, 6 done: about 1.4 a week so far, 4.9 a week needed.
      assert.match(
        messageFor({ ...slow, metric: { ...slow.metric, current: 6 } }, 'achievable'),
        /needs about 4\.9 a week, over 3 times the pace so far \(1\.4 a week\)/,
      );
      // 15 days in, 30 of 300 done: 2 a day so far, 9 a day needed.
      assert.match(
        messageFor({ ...slow, metric: { name: 'pages', start: 0, target: 300, current: 30 }, startDate: '2026-09-29', dueDate: '2026-11-13' }, 'achievable'),
        /needs about 9 a day, over 3 times the pace so far \(2 a day\)/,
      );
      assert.doesNotMatch(messageFor(slow, 'achievable'), /\b0 a (day|week|month)/);
    });
  });

  describe('relevant', () => {
    test('needs a skill', () => {
      assert.deepEqual(criteria({ ...GOOD, skill: undefined }), ['relevant']);
      assert.deepEqual(criteria({ ...GOOD, skill: ' ' }), ['relevant']);
    });
    test('the catalogue has the soft skills', () => {
      for (const name of ['self-management', 'agility', 'time management']) assert.equal(findSkill(name)?.kind, 'soft');
      assert.equal(findSkill('Time Management')?.name, 'time management');
      assert.equal(new Set(SKILL_CATALOGUE.map((skill) => skill.name)).size, SKILL_CATALOGUE.length);
    });
  });

  describe('time-bound', () => {
    test('needs a due date from today on, after the start, within a year, after its milestones', () => {
      assert.match(messageFor({ ...GOOD, dueDate: undefined }, 'time-bound'), /Add a due date/);
      assert.match(messageFor({ ...GOOD, dueDate: '2026-10-13' }, 'time-bound'), /the due date \(2026-10-13\) is in the past/i);
      assert.deepEqual(criteria({ ...GOOD, startDate: '2026-10-14', dueDate: '2026-10-14', metric: { ...GOOD.metric, current: 3 } }), [], 'due today is fine');
      assert.match(messageFor({ ...GOOD, startDate: '2027-01-01' }, 'time-bound'), /start date comes after the due date/);
      assert.match(messageFor({ ...GOOD, dueDate: '2027-12-01' }, 'time-bound'), /more than 366 days away/);
      assert.match(messageFor({ ...GOOD, milestones: [{ title: 'Last retro', dueDate: '2027-01-10' }] }, 'time-bound'), /"Last retro" is due after the goal/);
    });
  });

  test('validates its input and changes nothing', () => {
    assert.throws(
      () => checkSmartGoal(undefined),
      (error: unknown) => isMentorKitError(error, 'invalid-input'),
    );
    assert.throws(
      () => checkSmartGoal({ title: 3 }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'draft.title',
    );
    assert.throws(
      () => checkSmartGoal({ ...GOOD, dueDate: '2026-02-30' }),
      (error: unknown) => (error as { path: string }).path === 'draft.dueDate',
    );
    assert.throws(
      () => checkSmartGoal(GOOD, { today: 'tomorrow' }),
      (error: unknown) => (error as { path: string }).path === 'options.today',
    );
    assert.throws(
      () => checkSmartGoal(GOOD, { openGoals: -1 }),
      (error: unknown) => (error as { path: string }).path === 'options.openGoals',
    );
  });

  test('speaks the host catalogue', () => {
    const spanish = createGoalMessages({ smart: { relevantMissing: 'Vincúlalo a una habilidad.' } });
    assert.equal(messageFor({ ...GOOD, skill: undefined }, 'relevant', { messages: spanish }), 'Vincúlalo a una habilidad.');
    assert.equal(spanish.smart.timeBoundMissing, defaultGoalMessages.smart.timeBoundMissing, 'the rest stays English');
    assert.throws(
      () => createGoalMessages({ smart: { nope: 'x' } } as never),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'smart.nope',
    );
    assert.throws(
      () => createGoalMessages({ celebration: { milestone: [] } }),
      (error: unknown) => (error as { path: string }).path === 'celebration.milestone',
    );
    assert.equal(formatGoalMessage('{a} and {b} and {c}', { a: 1, b: 'two' }), '1 and two and {c}');
  });
});
