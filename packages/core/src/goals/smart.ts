import * as v from 'valibot';
import { CalendarDateSchema, isCalendarDate } from '../model/primitives.js';
import { GoalMetricSchema } from '../model/goal.js';
import { invalidInput, parseOrThrow } from '../model/validate.js';
import { calendarDateOf, dayDiff } from './dates.js';
import { defaultGoalMessages, formatGoalMessage, type GoalMessages, type SmartCriterion } from './messages.js';

/**
 * The SMART check's heuristics. Each is a documented constant (docs/goals.md), so a host can
 * explain them and tests pin them down.
 */
export const SMART_RULES = {
  /** Specific: a title needs at least this many words. */
  specificMinWords: 3,
  /**
   * Specific: words that say nothing concrete on their own. A title made only of these (and
   * numbers) is vague: "Get better at things", "Improve my skills".
   */
  vagueWords: [
    'a',
    'an',
    'the',
    'my',
    'our',
    'your',
    'some',
    'more',
    'better',
    'best',
    'good',
    'great',
    'improve',
    'improving',
    'get',
    'getting',
    'be',
    'become',
    'learn',
    'learning',
    'work',
    'working',
    'on',
    'at',
    'in',
    'of',
    'to',
    'and',
    'with',
    'things',
    'stuff',
    'skills',
    'skill',
    'general',
    'generally',
    'overall',
    'myself',
    'self',
    'do',
    'doing',
    'well',
    'grow',
    'growth',
    'develop',
    'development',
    'etc',
    'lot',
    'lots',
    'really',
    'very',
    'much',
  ] as readonly string[],
  /** Achievable: the pace is judged only after this many days since the start. */
  paceMinElapsedDays: 14,
  /** Achievable: the pace needed for the rest may be at most this many times the pace so far. */
  maxPaceRatio: 3,
  /** Achievable: more open goals than this (besides the one checked) is too many at once. */
  maxOpenGoals: 5,
  /** Achievable: with fewer days left than this, at most `rushedMaxRemainingPercent` of the work may remain. */
  rushedDays: 7,
  rushedMaxRemainingPercent: 50,
  /** Time-bound: a due date at most this many days after today. */
  maxDaysAhead: 366,
  /** Saving a draft that meets fewer SMART letters than this asks the person to confirm first (`<mk-goal-editor>`). */
  confirmBelowMet: 3,
} as const;

/** Days in the units a pace is said in ("about 2 a week"). */
export const PACE_UNIT_DAYS = { day: 1, week: 7, month: 30 } as const;

export interface SmartIssue {
  criterion: SmartCriterion;
  message: string;
}

export interface SmartCheck {
  ok: boolean;
  issues: SmartIssue[];
}

export interface SmartCheckOptions {
  /** The date to judge against (`YYYY-MM-DD`, or an ISO instant read in UTC). Default: today in UTC. */
  today?: string;
  /** How many other open (not achieved, not archived) goals the owner has; enables the "too many at once" rule. */
  openGoals?: number;
  /** The message catalogue (default: English). */
  messages?: GoalMessages;
}

export const SMART_CRITERIA: readonly SmartCriterion[] = ['specific', 'measurable', 'achievable', 'relevant', 'time-bound'];

/**
 * A draft as a person is typing it: like `GoalDraft`, but the title may still be empty, and no text
 * is refused for its length — a pasted title over `TEXT_LIMITS.goal.title` still gets its SMART
 * advice; the length is refused when the goal is saved.
 */
const SmartDraftSchema = v.object({
  title: v.string('must be text'),
  description: v.optional(v.string('must be text')),
  skill: v.optional(v.string('must be text')),
  metric: v.optional(v.object({ ...GoalMetricSchema.entries, name: v.string('must be text') })),
  startDate: v.optional(CalendarDateSchema),
  dueDate: v.optional(CalendarDateSchema),
  milestones: v.optional(
    v.array(
      v.object({
        id: v.optional(v.string()),
        title: v.string('must be text'),
        dueDate: v.optional(CalendarDateSchema),
        done: v.optional(v.boolean('must be true or false')),
      }),
      'must be a list of milestones',
    ),
    [],
  ),
});

const words = (text: string) =>
  text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter(Boolean);
const round = (value: number) => (Math.abs(value) >= 10 ? Math.round(value) : Math.round(value * 10) / 10);

/**
 * Checks a goal draft against SMART and explains what it misses: at most one issue per criterion
 * (the most important one), each with a message that says how to fix it. The heuristics are the
 * `SMART_RULES` constants; see docs/goals.md.
 *
 * ```ts
 * checkSmartGoal({ title: 'Get better' }, { today: '2026-10-14' }).issues.map((issue) => issue.criterion);
 * // ['specific', 'measurable', 'relevant', 'time-bound']
 * ```
 */
export function checkSmartGoal(draft: unknown, options: SmartCheckOptions = {}): SmartCheck {
  if (typeof options !== 'object' || options === null) invalidInput('options', 'Options must be an object such as { today: "2026-10-14" }.');
  const today = options.today === undefined ? new Date().toISOString().slice(0, 10) : calendarDateOf(options.today, 'UTC', 'options.today');
  if (options.openGoals !== undefined && (!Number.isInteger(options.openGoals) || options.openGoals < 0))
    invalidInput('options.openGoals', '`openGoals` must be a whole number, 0 or more.');
  const goal = parseOrThrow(SmartDraftSchema, draft, 'draft');
  const text = (options.messages ?? defaultGoalMessages).smart;
  const found = new Map<SmartCriterion, string>();
  const add = (criterion: SmartCriterion, message: string) => {
    if (!found.has(criterion)) found.set(criterion, message);
  };

  // Specific
  const title = goal.title.trim();
  const titleWords = words(title);
  if (title === '') add('specific', text.specificEmpty);
  else if (titleWords.length < SMART_RULES.specificMinWords) add('specific', formatGoalMessage(text.specificShort, { min: SMART_RULES.specificMinWords }));
  else if (titleWords.every((word) => SMART_RULES.vagueWords.includes(word) || /^\d+$/.test(word))) add('specific', text.specificVague);

  // Measurable
  const metric = goal.metric;
  const milestones = goal.milestones.filter((milestone) => milestone.title.trim() !== '');
  if (metric && metric.target === metric.start && milestones.length === 0)
    add('measurable', formatGoalMessage(text.measurableNoChange, { start: metric.start }));
  else if (!metric && milestones.length === 0) add('measurable', text.measurableMissing);

  // Achievable — the pace and the time left are judged only once there is a history to judge: progress
  // recorded on the metric, or a milestone ticked. A goal nobody has recorded anything on yet is not
  // "behind pace"; it has simply not been updated.
  const due = goal.dueDate;
  const hasHistory =
    (metric !== undefined && metric.current !== undefined && metric.current !== metric.start) || milestones.some((milestone) => milestone.done === true);
  if (metric && metric.target !== metric.start && goal.startDate && due && metric.current !== undefined && hasHistory) {
    const elapsed = dayDiff(goal.startDate, today);
    const left = dayDiff(today, due);
    const direction = Math.sign(metric.target - metric.start);
    const doneSoFar = (metric.current - metric.start) * direction;
    const remaining = (metric.target - metric.current) * direction;
    if (elapsed >= SMART_RULES.paceMinElapsedDays && left > 0 && remaining > 0 && doneSoFar > 0) {
      const pace = doneSoFar / elapsed;
      const requiredPace = remaining / left;
      if (requiredPace > SMART_RULES.maxPaceRatio * pace) {
        // In the unit people count in: per day when it is at least one a day so far, else per week, else per month.
        const per = pace >= 1 ? 'day' : pace * 7 >= 1 ? 'week' : 'month';
        const days = PACE_UNIT_DAYS[per];
        const words = text.paceUnits ?? defaultGoalMessages.smart.paceUnits;
        add(
          'achievable',
          formatGoalMessage(text.achievablePace, {
            target: metric.target,
            unit: metric.unit ?? '',
            requiredPace: round(requiredPace * days),
            ratio: SMART_RULES.maxPaceRatio,
            pace: round(pace * days),
            per: words[per],
          }).replace(/ {2,}/g, ' '),
        );
      }
    }
  }
  if (due && hasHistory && !found.has('achievable')) {
    const left = dayDiff(today, due);
    const remainingPercent = remainingWorkPercent(goal);
    if (
      left >= 0 &&
      left < SMART_RULES.rushedDays &&
      remainingPercent > SMART_RULES.rushedMaxRemainingPercent &&
      goal.startDate !== undefined &&
      dayDiff(goal.startDate, due) >= SMART_RULES.rushedDays
    ) {
      add('achievable', formatGoalMessage(text.achievableRushed, { days: left, remaining: Math.round(remainingPercent) }));
    }
  }
  if (options.openGoals !== undefined && options.openGoals > SMART_RULES.maxOpenGoals - 1) {
    add('achievable', formatGoalMessage(text.achievableTooMany, { count: options.openGoals, max: SMART_RULES.maxOpenGoals }));
  }

  // Relevant
  if (!goal.skill || goal.skill.trim() === '') add('relevant', text.relevantMissing);

  // Time-bound
  if (!due) add('time-bound', text.timeBoundMissing);
  else if (due < today) add('time-bound', formatGoalMessage(text.timeBoundPast, { dueDate: due, today }));
  else if (goal.startDate && goal.startDate > due) add('time-bound', text.timeBoundStartAfterDue);
  else if (dayDiff(today, due) > SMART_RULES.maxDaysAhead) add('time-bound', formatGoalMessage(text.timeBoundTooFar, { maxDays: SMART_RULES.maxDaysAhead }));
  else {
    const late = milestones.find((milestone) => milestone.dueDate !== undefined && isCalendarDate(milestone.dueDate) && milestone.dueDate > due);
    if (late) add('time-bound', formatGoalMessage(text.timeBoundMilestoneLate, { milestone: late.title.trim(), dueDate: due }));
  }

  const issues = SMART_CRITERIA.filter((criterion) => found.has(criterion)).map((criterion) => ({ criterion, message: found.get(criterion)! }));
  return { ok: issues.length === 0, issues };
}

/** Percentage of work not done yet, from the metric or the milestones (0 when unknown). */
function remainingWorkPercent(goal: {
  metric?: { start: number; target: number; current?: number | undefined } | undefined;
  milestones: Array<{ done?: boolean | undefined; title: string }>;
}): number {
  const metric = goal.metric;
  if (metric && metric.target !== metric.start) {
    const done = ((metric.current ?? metric.start) - metric.start) / (metric.target - metric.start);
    return Math.min(Math.max(1 - done, 0), 1) * 100;
  }
  if (goal.milestones.length > 0) return (goal.milestones.filter((milestone) => !milestone.done).length / goal.milestones.length) * 100;
  return 0;
}
