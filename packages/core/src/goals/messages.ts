import { invalidInput } from '../model/validate.js';
import { englishGoalViewMessages } from './moments.js';

export { formatGoalMessage } from './moments.js';

/**
 * Every sentence the goals module says to a person — SMART hints, status names, celebrations and
 * reassurance — in one catalogue that hosts override or translate. Messages are plain strings with
 * `{placeholders}` (so a translation is a JSON file); `formatGoalMessage` fills them in.
 *
 * ```ts
 * const es = createGoalMessages({ status: { 'on-track': 'Va bien' }, celebration: { heading: '¡Hito cumplido!' } });
 * kit.use(createGoalsFeature({ messages: es }));      // or: kit.goals.setMessages(es)
 * ```
 */
export interface GoalMessages {
  /** What each SMART letter asks for, shown beside the form (`letter`, `name`, `explain`). */
  criteria: Record<SmartCriterion, { letter: string; name: string; explain: string }>;
  /** One hint per way a draft can miss a criterion. Placeholders in braces. */
  smart: {
    /** The title is empty. */
    specificEmpty: string;
    /** Fewer than {min} words. */
    specificShort: string;
    /** Only vague words ("get better at things"). */
    specificVague: string;
    /** No metric and no milestones. */
    measurableMissing: string;
    /** The metric's target equals its start. */
    measurableNoChange: string;
    /** Needs {requiredPace} {unit} {per} but the pace so far is {pace} {per} ({per}: one of `paceUnits`). */
    achievablePace: string;
    /** How a pace is said: "a day", "a week", "a month". */
    paceUnits: { day: string; week: string; month: string };
    /** {count} other open goals (more than {max}). */
    achievableTooMany: string;
    /** Due in fewer than {min} days but {remaining} of the work remains. */
    achievableRushed: string;
    /** No skill or development area. */
    relevantMissing: string;
    /** No due date. */
    timeBoundMissing: string;
    /** Due date {dueDate} before today {today}. */
    timeBoundPast: string;
    /** Start date after the due date. */
    timeBoundStartAfterDue: string;
    /** Milestone "{milestone}" due after the goal. */
    timeBoundMilestoneLate: string;
    /** Due more than {maxDays} days away. */
    timeBoundTooFar: string;
  };
  /** Status names for badges and screen readers. */
  status: Record<GoalStatusName, string>;
  celebration: {
    heading: string;
    /** Variants, picked per milestone so repeated ticks do not read the same. {milestone}, {goal}, {done}, {total}. */
    milestone: string[];
    /** When the goal itself is achieved. {goal}. */
    achievedHeading: string;
    achieved: string;
  };
  reassurance: {
    heading: string;
    /** {goal}, {percent}, {dueDate}. */
    missed: string;
    /** Re-plan suggestions, in the order offered. */
    suggestions: Record<ReplanSuggestion, string>;
  };
}

export type SmartCriterion = 'specific' | 'measurable' | 'achievable' | 'relevant' | 'time-bound';
export type GoalStatusName = 'not-started' | 'on-track' | 'at-risk' | 'behind' | 'achieved' | 'missed';
/** How a missed goal can be re-planned. */
export type ReplanSuggestion = 'split' | 'move-date' | 'lower-target';

/** The English catalogue. */
export const defaultGoalMessages: GoalMessages = {
  criteria: {
    specific: { letter: 'S', name: 'Specific', explain: 'Say exactly what you will do, in a short sentence with a verb and an object.' },
    measurable: { letter: 'M', name: 'Measurable', explain: 'Give it a number to reach, or milestones you can tick off.' },
    achievable: { letter: 'A', name: 'Achievable', explain: 'Keep the pace realistic and the number of open goals small.' },
    relevant: { letter: 'R', name: 'Relevant', explain: 'Link it to a skill or development area you are working on.' },
    'time-bound': { letter: 'T', name: 'Time-bound', explain: 'Set a due date from today on, within about a year.' },
  },
  smart: {
    specificEmpty: 'Write what you want to achieve, e.g. "Run 3 team retrospectives".',
    specificShort: 'Say a little more: use at least {min} words with a verb and what it applies to, e.g. "Run 3 team retrospectives".',
    specificVague: 'Name the exact outcome instead of general words, e.g. "Answer review requests within one working day" rather than "get better".',
    measurableMissing: 'Add a target, such as "run 3 retrospectives" (a metric from 0 to 3), or break the goal into milestones you can tick off.',
    measurableNoChange: 'The target equals the starting value ({start}); set the value you want to reach.',
    achievablePace:
      'Reaching {target} {unit} needs about {requiredPace} {per}, over {ratio} times the pace so far ({pace} {per}). Lower the target or move the date.',
    paceUnits: { day: 'a day', week: 'a week', month: 'a month' },
    achievableTooMany: 'There are already {count} open goals; more than {max} at once spreads attention thin. Finish or archive one first.',
    achievableRushed: 'Only {days} days are left for {remaining}% of the work; move the date or reduce the scope.',
    relevantMissing: "Link it to a skill or the mentee's development area, e.g. time management or system design.",
    timeBoundMissing: 'Add a due date, so you both know when to look back at it.',
    timeBoundPast: 'The due date ({dueDate}) is in the past; pick a date from today on.',
    timeBoundStartAfterDue: 'The start date comes after the due date; swap them or pick a later due date.',
    timeBoundMilestoneLate: 'The milestone "{milestone}" is due after the goal itself; move it to {dueDate} or earlier.',
    timeBoundTooFar: 'The due date is more than {maxDays} days away; set a nearer date, or make this a milestone of a shorter goal.',
  },
  status: englishGoalViewMessages.status,
  celebration: {
    heading: 'Milestone reached!',
    milestone: [
      'You did it: "{milestone}" is done. That is {done} of {total} milestones for "{goal}".',
      'Well done! "{milestone}" is ticked off — {done} of {total} on the way to "{goal}".',
      '"{milestone}": done. Every step counts; {done} of {total} for "{goal}".',
    ],
    achievedHeading: 'Goal achieved!',
    achieved: 'You reached "{goal}". Take a moment to notice how far you have come, and tell your mentor.',
  },
  reassurance: englishGoalViewMessages.reassurance,
};

type DeepPartial<T> = T extends string ? string : T extends readonly string[] ? string[] : { [K in keyof T]?: DeepPartial<T[K]> };
export type GoalMessageOverrides = DeepPartial<GoalMessages>;

function merge(base: unknown, overrides: unknown, path: string): unknown {
  if (overrides === undefined) return base;
  if (typeof base === 'string') {
    if (typeof overrides !== 'string') invalidInput(path, `\`${path}\` must be a message string.`);
    return overrides;
  }
  if (Array.isArray(base)) {
    if (!Array.isArray(overrides) || overrides.length === 0 || overrides.some((item) => typeof item !== 'string'))
      invalidInput(path, `\`${path}\` must be a non-empty list of message strings.`);
    return [...overrides];
  }
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) invalidInput(path, `\`${path}\` must be an object of messages.`);
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(base as object))
    result[key] = merge((base as Record<string, unknown>)[key], (overrides as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
  for (const key of Object.keys(overrides))
    if (!(key in (base as object)))
      invalidInput(path ? `${path}.${key}` : key, `There is no goal message "${path ? `${path}.` : ''}${key}"; see defaultGoalMessages for the keys.`);
  return result;
}

/** The English catalogue with your overrides (any subset; unknown keys are refused with `invalid-input`). */
export function createGoalMessages(overrides: GoalMessageOverrides = {}, base: GoalMessages = defaultGoalMessages): GoalMessages {
  return merge(base, overrides, '') as GoalMessages;
}
