import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultGoalMessages, goalMessagesEs, wordGoalMoment, type Goal, type GoalMoment } from '@mentorkit/core/goals';
import { createGoalsFeature } from '@mentorkit/core/goals';
import { createMentorKit } from '@mentorkit/core';
import { anaAndKenjiStorage } from './programme-fixtures.js';

const goal = (overrides: Partial<Goal> = {}): Goal =>
  ({
    id: 'goal-1',
    pairingId: 'pairing-1',
    ownerId: 'ana',
    title: 'Give a talk at the guild',
    dueDate: '2026-11-30',
    milestones: [
      { id: 'm1', title: 'Pick a topic', done: true },
      { id: 'm2', title: 'Write the outline', done: false },
    ],
    visibility: 'pairing',
    revision: 1,
    createdAt: '2026-10-01T09:00:00Z',
    updatedAt: '2026-10-01T09:00:00Z',
    ...overrides,
  }) as Goal;

const moments = () => {
  const kit = createMentorKit({ storage: anaAndKenjiStorage(), user: 'ana', now: () => '2026-10-14T09:00:00Z' });
  const goals = kit.use(createGoalsFeature());
  return { kit, goals };
};

test('a moment core makes, worded again in Spanish, matches the moment core makes in Spanish', async () => {
  const { kit, goals } = moments();
  const g = goal({ metric: { unit: 'talks', start: 0, current: 0, target: 1 } } as Partial<Goal>);
  const pairs: Array<[GoalMoment, GoalMoment]> = [
    [goals.celebrationFor(g, 'm1'), goals.celebrationFor(g, 'm1', goalMessagesEs)],
    [goals.celebrationFor(g, 'm2'), goals.celebrationFor(g, 'm2', goalMessagesEs)],
    [goals.achievementFor(g), goals.achievementFor(g, goalMessagesEs)],
    [goals.reassuranceFor(g), goals.reassuranceFor(g, goalMessagesEs)],
  ];
  for (const [english, spanish] of pairs) {
    assert.notEqual(english.message, spanish.message);
    assert.deepEqual(wordGoalMoment(english, goalMessagesEs), spanish);
    assert.deepEqual(wordGoalMoment(spanish, defaultGoalMessages), english);
  }
  assert.equal(pairs[3]![0].suggestions.length, 3, 'a goal with a metric may lower its target');
  kit.dispose?.();
});

test('the wording carries values, not the goal: the title shows as the person wrote it, hostile text included', () => {
  const { goals } = moments();
  const hostile = goal({ title: '<img src=x onerror=alert(1)> {goal}' });
  const moment = goals.achievementFor(hostile);
  assert.deepEqual(moment.wording, { parameters: { goal: hostile.title } });
  assert.match(wordGoalMoment(moment, goalMessagesEs).message, /<img src=x onerror=alert\(1\)> \{goal\}/);
});

test('a moment a host wrote itself (no wording) comes back unchanged', () => {
  const written: GoalMoment = { kind: 'celebration', goalId: 'g', goalTitle: 'T', heading: 'Yay', message: 'Well done', suggestions: [] };
  assert.equal(wordGoalMoment(written, goalMessagesEs), written);
  const reassurance: GoalMoment = { ...written, kind: 'reassurance', wording: { parameters: { goal: 'T', percent: 10, dueDate: '' } } };
  assert.equal(wordGoalMoment(reassurance, { celebration: goalMessagesEs.celebration }), reassurance, 'no reassurance words in the catalogue given');
});

test('a catalogue with fewer celebration variants still words every milestone', () => {
  const { goals } = moments();
  const moment = goals.celebrationFor(goal(), 'm2');
  const one = { celebration: { ...defaultGoalMessages.celebration, milestone: ['Done: {milestone} ({done}/{total})'] } };
  assert.equal(wordGoalMoment(moment, one).message, 'Done: Write the outline (1/2)');
});
