// watchDueGoals: the review of missed goals a page runs while it shows them (what <mk-goal-tracker> used to decide itself).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryStorage, createMentorKit, installedFeature, isMentorKitError, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { goalsFeature, watchDueGoals, type GoalsApi } from '@mentorkit/core/goals';
import { PROGRAM, person } from './programme-fixtures.js';

/** Ana (Madrid) with Kenji (Tokyo) in `p-ana`; Dan (London) with Kenji too in `p-dan`. */
const storageWithTwoPairings = (): StorageAdapter =>
  createMemoryStorage({
    seed: {
      programs: [PROGRAM],
      people: [person('ana', ['mentee'], 'Europe/Madrid'), person('dan', ['mentee'], 'Europe/London'), person('kenji', ['mentor'], 'Asia/Tokyo')],
      pairings: [
        { id: 'p-ana', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji'], status: 'active', kind: 'official', reasons: [] },
        { id: 'p-dan', programId: 'prog', menteeId: 'dan', mentorIds: ['kenji'], status: 'active', kind: 'official', reasons: [] },
      ],
    },
  });

let clock = '2026-10-14T09:00:00Z';
const kitFor = (storage: StorageAdapter, user: string): MentorKit => createMentorKit({ storage, user, now: () => clock });
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
/** Waits (polling, up to 5 s: other suites may be loading the machine) until `condition()` holds. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (const started = Date.now(); !condition(); await new Promise((resolve) => setTimeout(resolve, 5)))
    if (Date.now() - started > 5000) assert.fail(`timed out waiting until ${what}`);
}

/** A goal due on 20 October, set on the 14th by the mentee. */
async function goalDueOn20October(storage: StorageAdapter, mentee: string, pairingId: string, title = 'Run 3 team retrospectives'): Promise<void> {
  clock = '2026-10-14T09:00:00Z';
  const kit = kitFor(storage, mentee);
  await kit.use(goalsFeature).create({ pairingId, title, dueDate: '2026-10-20' });
  await kit.dispose();
}

/** Counts the reviews the write path runs on this client. */
function countReviews(goals: GoalsApi): { count: number } {
  const counter = { count: 0 };
  const review = goals.reviewDueGoals.bind(goals);
  (goals as { reviewDueGoals: GoalsApi['reviewDueGoals'] }).reviewDueGoals = (options) => {
    counter.count += 1;
    return review(options);
  };
  return counter;
}

describe('watchDueGoals', () => {
  test('records a slipped goal once the client has loaded, reports its reassurance, and stops on unsubscribe', async (t) => {
    const storage = storageWithTwoPairings();
    await goalDueOn20October(storage, 'ana', 'p-ana');
    clock = '2026-10-21T09:00:00Z';
    const kit = kitFor(storage, 'ana');
    const reported: Array<{ title: string; kind: string }> = [];
    const stop = watchDueGoals(kit, {
      onMissed: (missed) => reported.push(...missed.map(({ goal, reassurance }) => ({ title: goal.title, kind: reassurance.kind }))),
    });
    t.after(stop);
    await until(() => reported.length > 0, 'the miss is reported');
    assert.deepEqual(reported, [{ title: 'Run 3 team retrospectives', kind: 'reassurance' }]);
    assert.equal((await storage.query('goals'))[0]!.missedDueDate, '2026-10-20', 'recorded in storage');
    stop();
    stop(); // twice is harmless
  });

  test('runs at most once per hour and number of goals; a new hour or a new goal reviews again', async (t) => {
    t.mock.timers.enable({ apis: ['setInterval'] });
    const storage = storageWithTwoPairings();
    await goalDueOn20October(storage, 'ana', 'p-ana');
    clock = '2026-10-21T09:00:00Z';
    const kit = kitFor(storage, 'ana');
    const goals = kit.use(goalsFeature);
    const reviews = countReviews(goals);
    const missed: string[] = [];
    const stop = watchDueGoals(kit, { pairingId: 'p-ana', onMissed: (list) => missed.push(...list.map(({ goal }) => goal.title)) });
    t.after(stop);
    await until(() => missed.length === 1, 'the first review reports');
    assert.equal(reviews.count, 1);
    assert.deepEqual(missed, ['Run 3 team retrospectives']);

    // Re-planned to today; the next day it has slipped again: the minute's check sees the new hour.
    const [goal] = goals.$goals.get();
    await goals.update(goal!.id, { dueDate: '2026-10-21' });
    clock = '2026-10-22T09:30:00Z';
    t.mock.timers.tick(60_000);
    await until(() => missed.length === 2, 'the new hour reviews');
    assert.equal(reviews.count, 2, 'the day (so the hour) changed: reviewed');
    // Re-planned again, to a date already past: due again at once, but this hour and these goals were reviewed.
    clock = '2026-10-22T09:45:00Z';
    await goals.update(goal!.id, { dueDate: '2026-10-19' });
    assert.equal(goals.progress(goal!.id).status, 'missed');
    t.mock.timers.tick(60_000);
    await settle();
    assert.equal(reviews.count, 2, 'same hour, same goals: not again');

    // A new goal changes the key at once: both are recorded.
    await goals.create({ pairingId: 'p-ana', title: 'Give a lightning talk', dueDate: '2026-10-01', startDate: '2026-09-01' });
    await until(() => missed.length === 4, 'the new goal is reviewed');
    assert.equal(reviews.count, 3);
    assert.deepEqual(missed, ['Run 3 team retrospectives', 'Run 3 team retrospectives', 'Give a lightning talk', 'Run 3 team retrospectives']);

    stop();
    clock = '2026-10-22T11:00:00Z';
    t.mock.timers.tick(60_000);
    await settle();
    assert.equal(reviews.count, 3, 'nothing after unsubscribe');
  });

  test('never loads the write path when nothing is due, and loads it when something is', async (t) => {
    const storage = storageWithTwoPairings();
    await goalDueOn20October(storage, 'ana', 'p-ana');
    clock = '2026-10-15T09:00:00Z';
    const onTime = kitFor(storage, 'ana');
    const stop = watchDueGoals(onTime, { onMissed: () => assert.fail('nothing is due') });
    t.after(stop);
    await onTime.ready;
    await settle();
    assert.equal(installedFeature(onTime, 'goals'), undefined, 'kit.goals was never installed');
    stop();

    clock = '2026-10-21T09:00:00Z';
    const late = kitFor(storage, 'ana');
    let reported = 0;
    const stopLate = watchDueGoals(late, { onMissed: (missed) => (reported += missed.length) });
    t.after(stopLate);
    await until(() => reported > 0, 'the late goal is reported');
    assert.notEqual(installedFeature(late, 'goals'), undefined, 'the write path loaded for the review');
    assert.equal(reported, 1);
    stopLate();
  });

  test('the pairing filter: a mentor of two pairs reviews only the pairing it watches', async (t) => {
    const storage = storageWithTwoPairings();
    await goalDueOn20October(storage, 'ana', 'p-ana', "Ana's goal");
    await goalDueOn20October(storage, 'dan', 'p-dan', "Dan's goal");
    clock = '2026-10-21T09:00:00Z';
    const kenji = kitFor(storage, 'kenji');
    const reported: string[] = [];
    const stop = watchDueGoals(kenji, { pairingId: 'p-dan', onMissed: (missed) => reported.push(...missed.map(({ goal }) => goal.title)) });
    t.after(stop);
    await until(() => reported.length > 0, "Dan's goal is reported");
    await settle();
    assert.deepEqual(reported, ["Dan's goal"]);
    const stored = await storage.query('goals');
    assert.deepEqual(stored.map((goal) => [goal.title, goal.missedDueDate ?? null]).sort(), [
      ["Ana's goal", null],
      ["Dan's goal", '2026-10-20'],
    ]);
    stop();
  });

  test('a failed write goes to onError, and nothing is reported as missed', async (t) => {
    const storage = storageWithTwoPairings();
    await goalDueOn20October(storage, 'ana', 'p-ana');
    clock = '2026-10-21T09:00:00Z';
    const broken: StorageAdapter = {
      name: 'broken',
      get: (collection, id) => storage.get(collection, id),
      query: (collection, where) => storage.query(collection, where),
      put: () => Promise.reject(new Error('disk full')),
      delete: (collection, id, options) => storage.delete(collection, id, options),
    };
    const kit = kitFor(broken, 'ana');
    const errors: unknown[] = [];
    const stop = watchDueGoals(kit, { onMissed: () => assert.fail('nothing was recorded'), onError: (error) => errors.push(error) });
    t.after(stop);
    await until(() => errors.length > 0, 'the failure is reported');
    await settle();
    assert.equal(errors.length, 1);
    stop();
  });

  test('invalid input is refused with invalid-input and its path, and nothing is watched', () => {
    const kit = kitFor(storageWithTwoPairings(), 'ana');
    const refuses = (call: () => unknown, path: string) =>
      assert.throws(call, (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === path);
    const onMissed = () => undefined;
    refuses(() => watchDueGoals(undefined as never, { onMissed }), 'kit');
    refuses(() => watchDueGoals({} as never, { onMissed }), 'kit');
    refuses(() => watchDueGoals(kit, undefined as never), 'options.onMissed');
    refuses(() => watchDueGoals(kit, {} as never), 'options.onMissed');
    refuses(() => watchDueGoals(kit, { onMissed: 'show' as never }), 'options.onMissed');
    refuses(() => watchDueGoals(kit, { onMissed, onError: 42 as never }), 'options.onError');
    refuses(() => watchDueGoals(kit, { onMissed, pairingId: '' }), 'options.pairingId');
    refuses(() => watchDueGoals(kit, { onMissed, pairingId: 7 as never }), 'options.pairingId');
  });
});
