import { MentorKitError } from '../model/errors.js';
import type { GoalMessages, ReplanSuggestion } from './messages.js';
import type { Goal } from '../model/goal.js';

/**
 * The part of the goals catalogue a page needs to show goals: status names and the reassurance of a
 * missed goal. Celebrations follow a change and the SMART hints help write one, so those live with
 * the commands (`defaultGoalMessages`), not here.
 */
export type GoalViewMessages = Pick<GoalMessages, 'status' | 'reassurance'>;

/** The English status names and reassurance (part of `defaultGoalMessages`). */
export const englishGoalViewMessages: GoalViewMessages = {
  status: {
    'not-started': 'Not started',
    'on-track': 'On track',
    'at-risk': 'At risk',
    behind: 'Behind',
    achieved: 'Achieved',
    missed: 'Missed',
  },
  reassurance: {
    heading: 'Time to re-plan',
    missed:
      '"{goal}" reached its date ({dueDate}) at {percent}%. That happens to everyone, and what you did still counts. Talk it over with your mentor and choose a new plan:',
    suggestions: {
      split: 'Split the goal into smaller goals, and start with the next one.',
      'move-date': 'Move the due date to one that fits what you have learned about the pace.',
      'lower-target': 'Lower the target to what still matters most.',
    },
  },
};

/** Fills `{name}` placeholders; unknown placeholders stay as written. */
export function formatGoalMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/**
 * A moment to show a person: a celebration (a milestone done), an achievement (the goal done) or
 * reassurance (a goal missed, with ways to re-plan). Text comes from the message catalogue.
 */
export interface GoalMoment {
  kind: 'celebration' | 'achievement' | 'reassurance';
  goalId: string;
  goalTitle: string;
  milestoneId?: string;
  heading: string;
  message: string;
  /** Re-plan suggestions (reassurance only; empty otherwise). */
  suggestions: Array<{ kind: ReplanSuggestion; text: string }>;
}

const hash = (text: string) => [...text].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) >>> 0, 7);

/** The celebration of a goal's milestone (`milestoneId` must be one of its milestones). A variant is picked per milestone. */
export function celebrationMoment(goal: Goal, milestoneId: string, catalogue: Pick<GoalMessages, 'celebration'>): GoalMoment {
  const milestone = goal.milestones.find((candidate) => candidate.id === milestoneId);
  if (!milestone) throw new MentorKitError('not-found', `Goal "${goal.title}" has no milestone "${milestoneId}".`, { path: 'milestoneId' });
  const variants = catalogue.celebration.milestone;
  const template = variants[hash(milestone.id ?? milestone.title) % variants.length] ?? variants[0] ?? '';
  const done = goal.milestones.filter((candidate) => candidate.done).length;
  return {
    kind: 'celebration',
    goalId: goal.id,
    goalTitle: goal.title,
    milestoneId,
    heading: catalogue.celebration.heading,
    message: formatGoalMessage(template, { milestone: milestone.title, goal: goal.title, done, total: goal.milestones.length }),
    suggestions: [],
  };
}

/** The moment a goal is achieved. */
export function achievementMoment(goal: Goal, catalogue: Pick<GoalMessages, 'celebration'>): GoalMoment {
  return {
    kind: 'achievement',
    goalId: goal.id,
    goalTitle: goal.title,
    heading: catalogue.celebration.achievedHeading,
    message: formatGoalMessage(catalogue.celebration.achieved, { goal: goal.title }),
    suggestions: [],
  };
}

/** Reassurance for a missed goal at `percent` done, with the ways to re-plan it (lowering the target only when it has a metric). */
export function reassuranceMoment(goal: Goal, percent: number, catalogue: Pick<GoalMessages, 'reassurance'>): GoalMoment {
  const kinds: ReplanSuggestion[] = ['split', 'move-date', ...(goal.metric ? (['lower-target'] as const) : [])];
  return {
    kind: 'reassurance',
    goalId: goal.id,
    goalTitle: goal.title,
    heading: catalogue.reassurance.heading,
    message: formatGoalMessage(catalogue.reassurance.missed, { goal: goal.title, percent: Math.round(percent), dueDate: goal.dueDate ?? '' }),
    suggestions: kinds.map((kind) => ({ kind, text: catalogue.reassurance.suggestions[kind] })),
  };
}
