/**
 * Goal data for the goal stories: the demo programme with goals for Lucía (pairing-lucia), in
 * every state, viewed on STORY_NOW (14 October 2026).
 */
import type { MentorKit } from '@mentorkit/core';
import { goalsOf, type GoalCreateInput } from '@mentorkit/core/goals';
import { DEMO_VIEWERS, demoKit } from './support.js';

const base: Omit<GoalCreateInput, 'title'> = { pairingId: 'pairing-lucia', startDate: '2026-09-14' };

export const STORY_GOALS: GoalCreateInput[] = [
  {
    ...base,
    title: 'Run 3 team retrospectives',
    skill: 'facilitation',
    dueDate: '2026-11-30',
    milestones: [{ title: 'Book a room', done: true }, { title: 'Run the first retro', dueDate: '2026-10-20' }, { title: 'Share the notes' }],
  },
  {
    ...base,
    title: 'Reduce median review time to 4 hours',
    skill: 'code review',
    dueDate: '2026-12-15',
    metric: { name: 'median review time', unit: 'hours', start: 20, target: 4, current: 14 },
  },
  {
    ...base,
    title: 'Give one lightning talk at the guild',
    skill: 'public speaking',
    dueDate: '2026-10-30',
    milestones: [
      { title: 'Pick a topic', dueDate: '2026-09-30' },
      { title: 'Rehearse with Kenji', dueDate: '2026-10-10' },
    ],
  },
  {
    ...base,
    title: 'Block two focus mornings a week',
    skill: 'time management',
    dueDate: '2026-10-01',
    milestones: [
      { title: 'Agree with the team', done: true },
      { title: 'Four weeks in a row', done: true },
    ],
  },
];

/** Lucía's goals in every state: on track, behind, at risk (an overdue milestone), achieved — plus `extra`. */
export async function goalsKit(options: { viewer?: string; goals?: GoalCreateInput[]; missed?: boolean } = {}): Promise<MentorKit> {
  const setup = await demoKit(DEMO_VIEWERS.mentee, { now: '2026-09-14T09:00:00Z' });
  for (const goal of options.goals ?? STORY_GOALS) await goalsOf(setup).create(goal);
  if (options.missed)
    await goalsOf(setup).create({
      ...base,
      title: 'Read two books on system design',
      skill: 'system design',
      dueDate: '2026-10-01',
      metric: { name: 'books read', start: 0, target: 2, current: 1 },
    });
  return demoKit(options.viewer ?? DEMO_VIEWERS.mentee, { storage: setup.storage });
}

/** `count` goals, for the "many goals" story. */
export const manyGoals = (count: number): GoalCreateInput[] =>
  Array.from({ length: count }, (_, index) => ({
    ...base,
    title: `Goal ${index + 1}: practise ${['agility', 'time management', 'self-management'][index % 3]}`,
    skill: ['agility', 'time management', 'self-management'][index % 3]!,
    dueDate: `2026-1${index % 3}-2${index % 9}`,
    milestones: [{ title: 'First step', done: index % 2 === 0 }, { title: 'Second step' }],
  }));
