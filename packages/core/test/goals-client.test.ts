import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMentorKit, isMentorKitError, type DomainEvent, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import {
  createGoalsFeature,
  englishGoalViewMessages,
  goalMessagesEs,
  goalsFeature,
  goalsOf,
  goalsViewOf,
  loadGoals,
  type GoalsApi,
} from '@mentorkit/core/goals';
import { twoPairingsStorage } from './programme-fixtures.js';

const seededStorage = () => twoPairingsStorage('Europe/Madrid');

let clock = '2026-10-14T09:00:00Z';
let ids = 0;
async function client(storage: StorageAdapter, userId: string): Promise<{ kit: MentorKit; goals: GoalsApi; events: DomainEvent[] }> {
  const kit = createMentorKit({ storage, user: userId, now: () => clock, generateId: () => `id-${++ids}` });
  const goals = kit.use(goalsFeature);
  const events: DomainEvent[] = [];
  kit.on('*', (event) => events.push(event));
  await kit.ready;
  return { kit, goals, events };
}

async function rejectsWith(promise: Promise<unknown>, code: string, path?: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isMentorKitError(error, code as never), `expected ${code}, got ${String(error)}`);
    if (path !== undefined) assert.equal((error as { path: string }).path, path);
    return true;
  });
}

const snapshot = async (storage: StorageAdapter) => JSON.stringify(await storage.query('goals'));
const RETROS = {
  pairingId: 'p-ana',
  title: 'Run 3 team retrospectives',
  skill: 'facilitation',
  dueDate: '2026-11-30',
  milestones: [{ title: 'Book a room' }, { title: 'Run the first retro', dueDate: '2026-10-31' }],
};

describe('goals feature', () => {
  test('installs once; goalsOf finds a host catalogue feature', async () => {
    const { kit, goals } = await client(seededStorage(), 'ana');
    assert.equal(kit.use(goalsFeature), goals);
    assert.equal(goalsOf(kit), goals);
    const spanish = createMentorKit({
      storage: seededStorage(),
      user: 'ana',
      features: [createGoalsFeature({ messages: { status: { 'on-track': 'Va bien' } } })],
    });
    assert.equal(goalsOf(spanish).messages.status['on-track'], 'Va bien');
  });

  test('the mentee creates a goal: defaults, milestone ids, goal-set, $goals', async () => {
    clock = '2026-10-14T09:00:00Z';
    const { goals, events } = await client(seededStorage(), 'ana');
    const goal = await goals.create(RETROS);
    assert.equal(goal.ownerId, 'ana');
    assert.equal(goal.visibility, 'pairing');
    assert.equal(goal.startDate, '2026-10-14');
    assert.equal(goal.revision, 1);
    assert.ok(goal.milestones.every((milestone) => typeof milestone.id === 'string' && milestone.done === false));
    assert.deepEqual(
      goals.$goals.get().map((candidate) => candidate.id),
      [goal.id],
    );
    assert.equal(events.at(-1)?.type, 'goal-set');
    assert.equal(events.at(-1)?.pairingId, 'p-ana');
    assert.equal(events.at(-1)?.programId, 'prog');
    assert.equal(goals.progress(goal).status, 'not-started');
  });

  test('bad input is refused with a path and writes nothing', async () => {
    const storage = seededStorage();
    const { goals } = await client(storage, 'ana');
    const before = await snapshot(storage);
    await rejectsWith(goals.create({ ...RETROS, title: '' }), 'invalid-input', 'goal.title');
    await rejectsWith(goals.create({ ...RETROS, startDate: '2026-12-01' }), 'invalid-input', 'goal.dueDate');
    await rejectsWith(goals.create({ ...RETROS, pairingId: 'p-dan' }), 'not-found', 'goal.pairingId');
    await rejectsWith(
      goals.create({
        ...RETROS,
        milestones: [
          { id: 'm', title: 'a' },
          { id: 'm', title: 'b' },
        ],
      }),
      'invalid-input',
      'goal.milestones[1].id',
    );
    const goal = await goals.create(RETROS);
    const after = await snapshot(storage);
    await rejectsWith(goals.update(goal.id, { ownerId: 'kenji' } as never), 'invalid-input', 'changes.ownerId');
    await rejectsWith(goals.update(goal.id, { archived: true } as never), 'invalid-input', 'changes.archived');
    await rejectsWith(goals.recordProgress(goal.id, 3), 'invalid-input', 'goalId');
    await rejectsWith(goals.recordProgress(goal.id, Number.NaN), 'invalid-input', 'current');
    await rejectsWith(goals.completeMilestone(goal.id, 'nope'), 'not-found', 'milestoneId');
    await rejectsWith(goals.update('missing', { title: 'x y z' }), 'not-found');
    assert.notEqual(before, after);
    assert.equal(await snapshot(storage), after);
  });

  test("privacy: a private goal is the mentee's alone; the mentors see and help with shared ones; other pairs see nothing", async () => {
    const storage = seededStorage();
    const ana = await client(storage, 'ana');
    const secret = await ana.goals.create({ ...RETROS, title: 'Apply for the staff engineer role', visibility: 'private' });
    const shared = await ana.goals.create(RETROS);
    const kenji = await client(storage, 'kenji');
    assert.deepEqual(
      kenji.goals.$goals.get().map((goal) => goal.id),
      [shared.id],
    );
    await rejectsWith(kenji.goals.update(secret.id, { title: 'Peek at the secret goal' }), 'not-found');
    // The mentor may tick a milestone of a shared goal and set a shared goal for the mentee.
    await kenji.goals.completeMilestone(shared.id, shared.milestones[0]!.id!);
    const set = await kenji.goals.create({ ...RETROS, title: 'Pair on one design review' });
    assert.equal(set.ownerId, 'ana');
    await rejectsWith(kenji.goals.create({ ...RETROS, title: 'A private goal for Ana', visibility: 'private' }), 'forbidden');
    const maria = await client(storage, 'maria');
    assert.deepEqual(maria.goals.$goals.get(), []);
    const dan = await client(storage, 'dan');
    assert.deepEqual(dan.goals.$goals.get(), []);
    const priya = await client(storage, 'priya');
    assert.equal(priya.goals.$goals.get().length, 2, 'the admin sees shared goals, not private ones');
  });

  test('update with a stale revision is a conflict; nothing is lost', async () => {
    const storage = seededStorage();
    const ana = await client(storage, 'ana');
    const kenji = await client(storage, 'kenji');
    const goal = await ana.goals.create(RETROS);
    await kenji.kit.refresh();
    await kenji.goals.update(goal.id, { dueDate: '2026-12-15' }, { expectedRevision: 1 });
    await rejectsWith(ana.goals.update(goal.id, { title: 'Run 4 team retrospectives' }, { expectedRevision: 1 }), 'conflict');
    const stored = await storage.get('goals', goal.id);
    assert.equal(stored?.dueDate, '2026-12-15');
    assert.equal(stored?.title, RETROS.title);
    // Ana's client followed the change (the adapter watches), so her next edit builds on it.
    assert.equal(ana.goals.get(goal.id).revision, 2);
    const edited = await ana.goals.update(goal.id, { title: 'Run 4 team retrospectives' });
    assert.equal(edited.dueDate, '2026-12-15');
  });

  test('milestones: add, complete with a celebration, reopen; the last one achieves the goal', async () => {
    clock = '2026-10-20T10:00:00Z';
    const { goals, events } = await client(seededStorage(), 'ana');
    const goal = await goals.create({ ...RETROS, milestones: [{ title: 'Book a room' }] });
    const { milestone } = await goals.addMilestone(goal.id, { title: 'Run the first retro', dueDate: '2026-10-31' });
    assert.equal(goals.get(goal.id).milestones.length, 2);
    const first = await goals.completeMilestone(goal.id, goal.milestones[0]!.id!);
    assert.equal(first.milestone.done, true);
    assert.equal(first.milestone.doneAt, '2026-10-20T10:00:00.000Z');
    assert.equal(first.celebration.kind, 'celebration');
    assert.equal(first.celebration.heading, 'Milestone reached!');
    assert.match(first.celebration.message, /"Book a room"/);
    assert.match(first.celebration.message, /1 of 2/);
    assert.equal(first.achievement, undefined);
    const completed = events.find((event) => event.type === 'milestone-completed')!;
    assert.deepEqual(completed.data.celebration, first.celebration);
    const reopened = await goals.reopenMilestone(goal.id, goal.milestones[0]!.id!);
    assert.equal(reopened.milestones[0]!.done, false);
    assert.equal(reopened.milestones[0]!.doneAt, undefined);
    await goals.completeMilestone(goal.id, goal.milestones[0]!.id!);
    const last = await goals.completeMilestone(goal.id, milestone.id!);
    assert.equal(last.goal.achievedAt, '2026-10-20T10:00:00.000Z');
    assert.equal(last.achievement?.heading, 'Goal achieved!');
    assert.equal(events.filter((event) => event.type === 'goal-achieved').length, 1);
    assert.equal(goals.progress(last.goal).status, 'achieved');
    // Completing it again changes nothing.
    const again = await goals.completeMilestone(goal.id, milestone.id!);
    assert.equal(again.goal.revision, last.goal.revision);
  });

  test('recordProgress on a decreasing metric, up to achievement', async () => {
    clock = '2026-10-14T09:00:00Z';
    const { goals, events } = await client(seededStorage(), 'ana');
    const goal = await goals.create({
      pairingId: 'p-ana',
      title: 'Reduce median review time to 4 hours',
      skill: 'code review',
      dueDate: '2026-12-01',
      metric: { name: 'median review time', unit: 'hours', start: 20, target: 4 },
    });
    assert.equal(goal.metric?.current, 20);
    const halfway = await goals.recordProgress(goal.id, 12);
    assert.equal(halfway.progress.percent, 50);
    assert.equal(halfway.achievement, undefined);
    const done = await goals.recordProgress(goal.id, 3.5);
    assert.equal(done.progress.status, 'achieved');
    assert.ok(done.achievement);
    assert.deepEqual(
      events.filter((event) => event.type.startsWith('goal-')).map((event) => event.type),
      ['goal-set', 'goal-progress-recorded', 'goal-progress-recorded', 'goal-achieved'],
    );
  });

  test('a missed goal is recorded once per due date, with reassurance and re-plan suggestions', async () => {
    clock = '2026-10-14T09:00:00Z';
    const storage = seededStorage();
    const ana = await client(storage, 'ana');
    const goal = await ana.goals.create({ ...RETROS, dueDate: '2026-10-20', metric: { name: 'retrospectives', start: 0, target: 3 } });
    assert.deepEqual(await ana.goals.reviewDueGoals(), [], 'not due yet');
    clock = '2026-10-21T09:00:00Z';
    const [missed, ...rest] = await ana.goals.reviewDueGoals();
    assert.equal(rest.length, 0);
    assert.equal(missed!.goal.missedDueDate, '2026-10-20');
    assert.equal(missed!.reassurance.kind, 'reassurance');
    assert.match(missed!.reassurance.message, /That happens to everyone/);
    assert.deepEqual(
      missed!.reassurance.suggestions.map((suggestion) => suggestion.kind),
      ['split', 'move-date', 'lower-target'],
    );
    assert.equal(ana.events.filter((event) => event.type === 'goal-missed').length, 1);
    assert.deepEqual(await ana.goals.reviewDueGoals(), [], 'recorded once');
    // The mentor's client has nothing left to record either.
    const kenji = await client(storage, 'kenji');
    assert.deepEqual(await kenji.goals.reviewDueGoals(), []);
    // Re-planned with a new date, it can be missed again later.
    await ana.goals.update(goal.id, { dueDate: '2026-11-15' });
    assert.equal(ana.goals.progress(goal.id).status, 'at-risk');
    clock = '2026-11-16T09:00:00Z';
    assert.equal((await ana.goals.reviewDueGoals()).length, 1);
  });

  test('archive hides a goal from $goals and emits goal-archived', async () => {
    const { goals, events } = await client(seededStorage(), 'ana');
    const goal = await goals.create(RETROS);
    await goals.archive(goal.id);
    assert.deepEqual(goals.$goals.get(), []);
    assert.equal(goals.$allGoals.get().length, 1);
    assert.equal(events.at(-1)?.type, 'goal-archived');
  });

  test("check() counts the owner's other open goals and uses the owner's today", async () => {
    clock = '2026-10-14T23:30:00Z'; // already 15 October in Madrid
    const { goals } = await client(seededStorage(), 'ana');
    assert.equal(goals.today('ana'), '2026-10-15');
    const draft = { title: 'Run 3 team retrospectives', skill: 'facilitation', metric: { name: 'retros', start: 0, target: 3 }, dueDate: '2026-10-14' };
    assert.deepEqual(
      goals.check(draft).issues.map((issue) => issue.criterion),
      ['time-bound'],
    );
    for (let index = 0; index < 5; index++) await goals.create({ ...RETROS, title: `Run ${index + 3} team retrospectives` });
    assert.deepEqual(
      goals.check({ ...draft, dueDate: '2026-11-01' }).issues.map((issue) => issue.criterion),
      ['achievable'],
    );
  });
});

describe('goals view (the read side, without the write path)', () => {
  test('shows goals without installing the feature; loadGoals installs it and shares the same stores', async () => {
    clock = '2026-10-14T09:00:00Z';
    const storage = seededStorage();
    const writer = await client(storage, 'ana');
    const goal = await writer.goals.create(RETROS);
    const kit = createMentorKit({ storage, user: 'kenji', now: () => clock });
    await kit.ready;
    const view = goalsViewOf(kit);
    assert.equal(goalsViewOf(kit), view, 'one view per client');
    assert.equal((kit as unknown as { goals?: unknown }).goals, undefined, 'the view installs nothing');
    const seen: string[][] = [];
    const stop = view.$goals.subscribe((list) => seen.push(list.map((item) => item.title)));
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.deepEqual(
      view.$goals.get().map((item) => item.id),
      [goal.id],
    );
    assert.equal(view.mayUpdate(view.$goals.get()[0]!), true, 'a mentor of the pairing may help with a shared goal');
    assert.equal(view.today('kenji'), '2026-10-14');
    const goals = await loadGoals(kit);
    assert.equal(goals, (kit as unknown as { goals?: unknown }).goals, 'loadGoals installs kit.goals');
    assert.equal(await loadGoals(kit), goals, 'and resolves to the same one later');
    assert.equal(goals.$goals, view.$goals, 'the feature and the view share one store');
    assert.equal(goals.$allGoals, view.$allGoals);
    await goals.completeMilestone(goal.id, goal.milestones[0]!.id!);
    assert.equal(view.$goals.get()[0]!.milestones[0]!.done, true);
    stop();
    assert.ok(seen.length >= 2);
  });

  test('dueForReview lists exactly what reviewDueGoals records; reassurance matches the feature', async () => {
    clock = '2026-10-14T09:00:00Z';
    const storage = seededStorage();
    const ana = await client(storage, 'ana');
    const goal = await ana.goals.create({ ...RETROS, dueDate: '2026-10-20', metric: { name: 'retrospectives', start: 0, target: 3, current: 1 } });
    await ana.goals.create({ ...RETROS, title: 'Pair on 5 code reviews with a senior', pairingId: 'p-ana', dueDate: '2026-12-20' });
    const view = goalsViewOf(ana.kit);
    assert.deepEqual(view.dueForReview(), [], 'nothing is due yet');
    clock = '2026-10-21T09:00:00Z';
    assert.deepEqual(
      view.dueForReview().map((item) => item.id),
      [goal.id],
    );
    assert.deepEqual(view.dueForReview({ pairingId: 'p-dan' }), [], 'filtered by pairing');
    const reassurance = view.reassuranceFor(view.$goals.get().find((item) => item.id === goal.id)!);
    assert.deepEqual(reassurance, ana.goals.reassuranceFor(view.$goals.get().find((item) => item.id === goal.id)!));
    assert.match(reassurance.message, /at 17%/, 'a third of the metric, no milestone done: half of 33%');
    const recorded = await ana.goals.reviewDueGoals();
    assert.deepEqual(
      recorded.map((item) => item.goal.id),
      [goal.id],
    );
    assert.deepEqual(view.dueForReview(), [], 'recorded once: nothing left to review');
    // A mentee of another pair may not change it, so it is never due for them.
    const dan = createMentorKit({ storage, user: 'dan', now: () => clock });
    await dan.ready;
    assert.deepEqual(goalsViewOf(dan).dueForReview(), []);
  });

  test('a client is required: anything else is refused with invalid-input', async () => {
    for (const bad of [undefined, null, {}, 'kit', { internals: {} }]) {
      assert.throws(
        () => goalsViewOf(bad as never),
        (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'kit',
      );
      await rejectsWith(loadGoals(bad as never), 'invalid-input', 'kit');
    }
  });

  test('messagesFor: English by default, the registered language, and the host catalogue once kit.goals is installed', async () => {
    const kit = createMentorKit({ storage: seededStorage(), user: 'ana', now: () => clock });
    const view = goalsViewOf(kit);
    assert.equal(view.messagesFor('en-GB').status['on-track'], 'On track');
    assert.deepEqual(view.messagesFor(undefined), englishGoalViewMessages);
    const { registerSpanish } = await import('@mentorkit/core/es');
    registerSpanish();
    assert.equal(view.messagesFor('es-MX').status['on-track'], goalMessagesEs.status['on-track']);
    kit.use(createGoalsFeature({ messages: { status: { 'on-track': 'Going well' } } }));
    assert.equal(view.messagesFor('en').status['on-track'], 'Going well', "the host's catalogue wins");
  });
});
