// The writes on a coaching run wait for each other inside core (issue 20): whoever calls — an element,
// a host script, two quick answers — each write starts from the revision the one before it left; a
// refused write is reported to its own caller and does not hold up the next; runs do not wait for
// each other; a conflict with another client is reported, never dropped.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { COACHING_LIMITS, coachingFeature, restoreFlow, type CoachingRun } from '@mentorkit/core/coaching';
import { createMentorKit, isMentorKitError, MentorKitError, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { londonStorage } from './programme-fixtures.js';

let minute = 0;
const clock = () => new Date(Date.UTC(2026, 2, 30, 9, minute++)).toISOString();
const kitFor = (storage: StorageAdapter, user: string) => createMentorKit({ storage, user, now: clock, features: [coachingFeature] });
const coachingOf = (kit: MentorKit) => kit.use(coachingFeature);
/** Ana's client on storage whose writes a test can hold back (`control`), with a GROW run started. */
async function anaWithRun() {
  const control = controlledStorage(londonStorage({ danPaired: false }));
  const ana = kitFor(control.storage, 'ana');
  const coaching = coachingOf(ana);
  return { control, ana, coaching, run: await coaching.start({ pairingId: 'p-ana', model: 'grow' }) };
}
const storedRun = async (storage: StorageAdapter, runId: string) => (await storage.get('coaching-runs', runId)) as CoachingRun;
const answersOf = (run: CoachingRun) => Object.fromEntries(Object.entries(restoreFlow(run.state).answers).map(([id, entry]) => [id, entry.value]));

/**
 * The storage with the writes of the runs in `held` kept back until `release(runId)` — as a slow
 * network would — and the next write of coaching runs refused once with `refuseNext(error)`.
 */
function controlledStorage(inner: StorageAdapter) {
  const held = new Map<string, { promise: Promise<void>; release: () => void }>();
  const started: string[] = [];
  let refusal: Error | undefined;
  const storage: StorageAdapter = {
    ...inner,
    name: 'controlled',
    async put(collection, record, options) {
      if (collection === 'coaching-runs') {
        started.push(record.id);
        await held.get(record.id)?.promise;
        if (refusal) {
          const error = refusal;
          refusal = undefined;
          throw error;
        }
      }
      return inner.put(collection, record, options);
    },
  };
  return {
    storage,
    /** Ids of the runs whose writes reached storage, in order. */
    started,
    hold(runId: string) {
      let release = () => {};
      const promise = new Promise<void>((resolve) => (release = resolve));
      held.set(runId, { promise, release });
    },
    release(runId: string) {
      held.get(runId)?.release();
      held.delete(runId);
    },
    refuseNext(error: Error) {
      refusal = error;
    },
  };
}

/** Lets every pending promise callback run (the memory storage answers within a few turns). */
const settle = async () => {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
};

describe('coaching writes on a run wait for each other in core', () => {
  test('two answers fired without awaiting both land: revision n+2, both values kept (and the same prompt twice keeps the later)', async () => {
    const storage = londonStorage({ danPaired: false });
    const ana = kitFor(storage, 'ana');
    const coaching = coachingOf(ana);
    const run = await coaching.start({ pairingId: 'p-ana', model: 'grow' });
    const n = run.revision;

    const [first, second] = await Promise.all([
      coaching.answer(run.id, 'goal-what', 'Lead a design review'),
      coaching.answer(run.id, 'goal-session', 'A plan for the first one'),
    ]);
    assert.equal(first.revision, n + 1);
    assert.equal(second.revision, n + 2, 'the second write started from the revision the first left');
    const stored = await storedRun(storage, run.id);
    assert.equal(stored.revision, n + 2);
    assert.deepEqual(answersOf(stored), { 'goal-what': 'Lead a design review', 'goal-session': 'A plan for the first one' });

    // The same prompt twice in a row (typing, then leaving the field): no conflict with itself; the later wins.
    const both = await Promise.all([coaching.answer(run.id, 'goal-why', 'It matters'), coaching.answer(run.id, 'goal-why', 'It matters a lot')]);
    assert.deepEqual(
      both.map((saved) => saved.revision),
      [n + 3, n + 4],
    );
    assert.equal(answersOf(await storedRun(storage, run.id))['goal-why'], 'It matters a lot');
    await ana.dispose();
  });

  test('answer then next without awaiting: next sees the answer and moves on; back, goTo and complete queue the same way', async () => {
    const storage = londonStorage({ danPaired: false });
    const ana = kitFor(storage, 'ana');
    const coaching = coachingOf(ana);
    const run = await coaching.start({ pairingId: 'p-ana', model: 'grow' });

    const answered = coaching.answer(run.id, 'goal-what', 'Lead a design review');
    const moved = coaching.next(run.id);
    const [afterAnswer, afterNext] = await Promise.all([answered, moved]);
    assert.equal(afterAnswer.revision, 2);
    assert.equal(afterNext.revision, 3);
    assert.equal(coaching.flowOf(afterNext).stepIndex, 1, 'next was not refused for the missing answer');

    // A whole run fired at once, in order: every write lands, the last one completes the run.
    const writes = [
      coaching.answer(run.id, 'reality-now', 'I have never led one'),
      coaching.next(run.id),
      coaching.back(run.id),
      coaching.goTo(run.id, 'options'),
      coaching.answer(run.id, 'options-list', ['Shadow Kenji']),
      coaching.next(run.id),
      coaching.answer(run.id, 'will-actions', ['Shadow Kenji on 14 April']),
      coaching.complete(run.id),
    ];
    const results = await Promise.all(writes);
    assert.deepEqual(
      results.map((saved) => [coaching.flowOf(saved).stepIndex, saved.revision]),
      [
        [1, 4],
        [2, 5],
        [1, 6],
        [2, 7],
        [2, 8],
        [3, 9],
        [3, 10],
        [4, 11],
      ],
    );
    const completed = await storedRun(storage, run.id);
    assert.ok(completed.completedAt, 'completed');
    assert.equal(completed.revision, 11);
    assert.deepEqual(answersOf(completed)['will-actions'], ['Shadow Kenji on 14 April']);
    await ana.dispose();
  });

  test('a refused write rejects its own promise, and the next queued write still succeeds', async () => {
    const { control, ana, coaching, run } = await anaWithRun();

    // Over the text limit: refused by core before anything is written.
    const tooLong = coaching.answer(run.id, 'goal-what', 'x'.repeat(COACHING_LIMITS.textAnswer + 1));
    const after = coaching.answer(run.id, 'goal-session', 'Still saved');
    await assert.rejects(tooLong, (error: unknown) => isMentorKitError(error, 'invalid-input'));
    assert.equal((await after).revision, 2, 'the write after the refused one is saved');

    // Refused by storage (a server answering 503): that caller is told, the next write goes through.
    control.refuseNext(new MentorKitError('storage-error', 'The storage service is unreachable (HTTP 503).'));
    const refused = coaching.answer(run.id, 'goal-why', 'Lost in the outage');
    const next = coaching.answer(run.id, 'goal-success', 'Saved after the outage');
    const outcomes = await Promise.allSettled([refused, next]);
    assert.equal(outcomes[0].status, 'rejected', 'the refused write is reported as failed, never as saved');
    assert.ok(isMentorKitError((outcomes[0] as PromiseRejectedResult).reason, 'storage-error'));
    assert.equal(outcomes[1].status, 'fulfilled');
    assert.equal((outcomes[1] as PromiseFulfilledResult<CoachingRun>).value.revision, 3);

    const stored = await storedRun(control.storage, run.id);
    assert.deepEqual(answersOf(stored), { 'goal-session': 'Still saved', 'goal-success': 'Saved after the outage' });
    assert.equal(coaching.get(run.id).revision, 3, 'the client shows what storage kept');
    await ana.dispose();
  });

  test('writes on different runs do not wait for each other', async () => {
    const control = controlledStorage(londonStorage({ danPaired: false }));
    const ana = kitFor(control.storage, 'ana');
    const coaching = coachingOf(ana);
    const grow = await coaching.start({ pairingId: 'p-ana', model: 'grow' });
    const oskar = await coaching.start({ pairingId: 'p-ana', model: 'oskar' });

    control.started.length = 0;
    control.hold(grow.id);
    let growSaved = false;
    const slow = coaching.answer(grow.id, 'goal-what', 'Held back').then((saved) => ((growSaved = true), saved));
    const queuedBehind = coaching.answer(grow.id, 'goal-session', 'Waits for the held one');
    const other = await coaching.answer(oskar.id, 'outcome-what', 'Speak up');
    assert.equal(other.revision, 2, 'the other run saved while the first run’s write is held');
    assert.equal(growSaved, false, 'the held write has not finished');
    await settle();
    assert.deepEqual(
      control.started.filter((id) => id === grow.id),
      [grow.id],
      'the write queued behind the held one on the same run has not started',
    );

    control.release(grow.id);
    const [first, second] = await Promise.all([slow, queuedBehind]);
    assert.deepEqual([first.revision, second.revision], [2, 3]);
    await ana.dispose();
  });

  test('a conflict with another client is reported as conflict, not dropped; the next queued write lands on top of theirs', async () => {
    const shared = londonStorage({ danPaired: false });
    const control = controlledStorage(shared);
    const ana = kitFor(control.storage, 'ana');
    const kenji = kitFor(shared, 'kenji');
    const run = await coachingOf(ana).start({ pairingId: 'p-ana', model: 'oskar' });
    await coachingOf(kenji).ready;

    // Ana's answer is on its way (held) when Kenji answers the same question from his device.
    control.hold(run.id);
    const anas = coachingOf(ana).answer(run.id, 'outcome-what', 'Speak up in meetings');
    const anasNext = coachingOf(ana).answer(run.id, 'outcome-today', 'A plan for Monday');
    await settle();
    const kenjis = await coachingOf(kenji).answer(run.id, 'outcome-what', 'Lead the stand-up');
    assert.equal(kenjis.revision, 2);
    control.release(run.id);

    await assert.rejects(anas, (error: unknown) => {
      assert.ok(isMentorKitError(error, 'conflict'), `expected conflict, got ${String(error)}`);
      assert.match((error as Error).message, /kenji changed this answer at the same time/);
      return true;
    });
    const landed = await anasNext;
    assert.equal(landed.revision, 3, 'on top of Kenji’s save');
    const stored = await storedRun(shared, run.id);
    assert.deepEqual(answersOf(stored), { 'outcome-what': 'Lead the stand-up', 'outcome-today': 'A plan for Monday' });
    await Promise.all([ana.dispose(), kenji.dispose()]);
  });

  test('a second hand-off to goals started before the first finished is refused, and goals are made once', async () => {
    const storage = londonStorage({ danPaired: false });
    const ana = kitFor(storage, 'ana');
    const coaching = coachingOf(ana);
    const run = await coaching.start({ pairingId: 'p-ana', model: 'grow' });
    const steps = [
      coaching.answer(run.id, 'goal-what', 'Lead a design review'),
      coaching.next(run.id),
      coaching.answer(run.id, 'reality-now', 'Never led one'),
      coaching.next(run.id),
      coaching.answer(run.id, 'options-list', ['Shadow Kenji']),
      coaching.next(run.id),
      coaching.answer(run.id, 'will-actions', ['Shadow Kenji on 14 April', 'Draft a checklist']),
      coaching.complete(run.id),
    ];
    const created: string[] = [];
    const create = async (draft: { title: string }) => {
      await settle();
      created.push(draft.title);
      return draft.title;
    };
    const [first, second] = await Promise.allSettled([coaching.turnIntoGoals(run.id, create), coaching.turnIntoGoals(run.id, create)]);
    await Promise.all(steps);
    assert.equal(first.status, 'fulfilled');
    assert.equal(second.status, 'rejected');
    assert.ok(isMentorKitError((second as PromiseRejectedResult).reason, 'conflict'));
    assert.deepEqual(created, ['Shadow Kenji on 14 April', 'Draft a checklist'], 'each action became one goal');
    assert.equal((await storedRun(storage, run.id)).actionsHandedOffCount, 2);
    await ana.dispose();
  });

  test('invalid options are refused at once, without waiting for the writes queued before them', async () => {
    const { control, ana, coaching, run } = await anaWithRun();
    control.hold(run.id);
    const held = coaching.answer(run.id, 'goal-what', 'Held back');
    await assert.rejects(coaching.next(run.id, { expectedRevision: 0 }), (error: unknown) => isMentorKitError(error, 'invalid-input'));
    await assert.rejects(coaching.answer(42 as never, 'goal-what', 'x'), (error: unknown) => isMentorKitError(error, 'invalid-input'));
    control.release(run.id);
    assert.equal((await held).revision, 2);
    await ana.dispose();
  });
});

describe('answersOverLimit', () => {
  test('names the prompts whose typed answer is over its limit, of one step or of all, in the model’s order', async () => {
    const { GROW, answersOverLimit, startFlow } = await import('@mentorkit/core/coaching');
    const flow = startFlow(GROW, { at: '2026-03-30T09:00:00Z' });
    const typed = {
      'will-actions': 'fine\n' + 'y'.repeat(COACHING_LIMITS.listItem + 1),
      'goal-why': 'x'.repeat(COACHING_LIMITS.textAnswer + 1),
      'goal-what': 'x'.repeat(COACHING_LIMITS.textAnswer),
    };
    assert.deepEqual(
      answersOverLimit(flow, typed).map((prompt) => prompt.id),
      ['goal-why', 'will-actions'],
    );
    assert.deepEqual(
      answersOverLimit(flow, typed, 'goal').map((prompt) => prompt.id),
      ['goal-why'],
    );
    assert.deepEqual(answersOverLimit(flow, {}, 'reality'), []);
    assert.throws(
      () => answersOverLimit(flow, typed, 'nope'),
      (error: unknown) => isMentorKitError(error, 'invalid-input'),
    );
  });
});
