import { MentorKitError } from '../model/errors.js';
import { formatMessage } from '../model/message-format.js';
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
  return formatMessage(template, values);
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
  /**
   * What the moment says as data: which of the catalogue's celebration variants (celebrations only)
   * and the values of its placeholders. `wordGoalMoment(moment, catalogue)` words the same moment
   * in another catalogue (another language) from these alone. Moments core makes always carry it;
   * a moment a host wrote itself may leave it out, and is then shown as written.
   */
  wording?: { variant?: number; parameters: Record<string, string | number> } | undefined;
}

const hash = (text: string) => [...text].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) >>> 0, 7);

/** The celebration of a goal's milestone (`milestoneId` must be one of its milestones). A variant is picked per milestone. */
export function celebrationMoment(goal: Goal, milestoneId: string, catalogue: Pick<GoalMessages, 'celebration'>): GoalMoment {
  const milestone = goal.milestones.find((candidate) => candidate.id === milestoneId);
  if (!milestone) throw new MentorKitError('not-found', `Goal "${goal.title}" has no milestone "${milestoneId}".`, { path: 'milestoneId' });
  const done = goal.milestones.filter((candidate) => candidate.done).length;
  const wording = {
    variant: hash(milestone.id ?? milestone.title),
    parameters: { milestone: milestone.title, goal: goal.title, done, total: goal.milestones.length },
  };
  return wordGoalMoment(
    { kind: 'celebration', goalId: goal.id, goalTitle: goal.title, milestoneId, heading: '', message: '', suggestions: [], wording },
    catalogue,
  );
}

/** The moment a goal is achieved. */
export function achievementMoment(goal: Goal, catalogue: Pick<GoalMessages, 'celebration'>): GoalMoment {
  const wording = { parameters: { goal: goal.title } };
  return wordGoalMoment({ kind: 'achievement', goalId: goal.id, goalTitle: goal.title, heading: '', message: '', suggestions: [], wording }, catalogue);
}

/** Reassurance for a missed goal at `percent` done, with the ways to re-plan it (lowering the target only when it has a metric). */
export function reassuranceMoment(goal: Goal, percent: number, catalogue: Pick<GoalMessages, 'reassurance'>): GoalMoment {
  const kinds: ReplanSuggestion[] = ['split', 'move-date', ...(goal.metric ? (['lower-target'] as const) : [])];
  const wording = { parameters: { goal: goal.title, percent: Math.round(percent), dueDate: goal.dueDate ?? '' } };
  const suggestions = kinds.map((kind) => ({ kind, text: '' }));
  const moment: GoalMoment = { kind: 'reassurance', goalId: goal.id, goalTitle: goal.title, heading: '', message: '', suggestions, wording };
  return wordReassurance(moment, wording.parameters, catalogue.reassurance);
}

/** A reassurance moment worded in `reassurance` words (what `reassuranceMoment` and `wordGoalMoment` share). */
const wordReassurance = (moment: GoalMoment, parameters: Record<string, string | number>, reassurance: GoalMessages['reassurance']): GoalMoment => ({
  ...moment,
  heading: reassurance.heading,
  message: formatMessage(reassurance.missed, parameters),
  suggestions: moment.suggestions.map(({ kind }) => ({ kind, text: reassurance.suggestions[kind] })),
});

/**
 * The same moment worded in `catalogue` (e.g. `kit.goals.messagesFor('es')`) from its `wording`
 * alone — no goal needed, so a page in another language re-words moments it receives in events.
 * A moment without `wording` (written by a host) comes back as it is.
 */
export function wordGoalMoment(moment: GoalMoment, catalogue: Partial<Pick<GoalMessages, 'celebration' | 'reassurance'>>): GoalMoment {
  const wording = moment.wording;
  if (!wording) return moment;
  const { celebration, reassurance } = catalogue;
  if (moment.kind === 'reassurance') return reassurance ? wordReassurance(moment, wording.parameters, reassurance) : moment;
  if (!celebration) return moment;
  if (moment.kind === 'achievement')
    return { ...moment, heading: celebration.achievedHeading, message: formatMessage(celebration.achieved, wording.parameters) };
  const variants = celebration.milestone;
  const template = variants[(wording.variant ?? 0) % variants.length] ?? variants[0] ?? '';
  return { ...moment, heading: celebration.heading, message: formatMessage(template, wording.parameters) };
}
