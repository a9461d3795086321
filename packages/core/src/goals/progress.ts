import { isCalendarDate } from '../model/formats.js';
import { invalidInput } from '../model/validate.js';
import { calendarDateOf, dayDiff } from './dates.js';
import type { GoalStatusName } from './messages.js';

/**
 * Thresholds of `goalProgress`, in percentage points of "where you are" behind "where the
 * calendar says you would be" (see docs/goals.md).
 */
export const PROGRESS_THRESHOLDS = {
  /** Up to this many points behind the expected percent is still on track. */
  onTrackGap: 10,
  /** Up to this many points behind is at risk; more is behind. */
  atRiskGap: 25,
  /** With both a metric and milestones, the metric's share of the percent (milestones get the rest). */
  metricWeight: 0.5,
} as const;

export type GoalStatus = GoalStatusName;

export interface GoalProgress {
  /** How much is done, 0–100 (rounded to one decimal). */
  percent: number;
  /** How much would be done by now at an even pace from the start date to the due date, 0–100. */
  expectedPercent: number;
  status: GoalStatus;
  /** Days from today to the due date: 0 when due today, negative when overdue, `Infinity` without a due date. */
  daysLeft: number;
  /** Open milestones whose own due date has passed. */
  overdueMilestones: number;
}

/** The parts of a goal progress is computed from (a stored `Goal` has them all). */
export interface ProgressInput {
  metric?: { start: number; target: number; current?: number | undefined } | undefined;
  milestones?: ReadonlyArray<{ done?: boolean | undefined; dueDate?: string | undefined }> | undefined;
  startDate?: string | undefined;
  dueDate?: string | undefined;
  /** ISO instant; its date is the start when `startDate` is absent. */
  createdAt?: string | undefined;
}

const clampPercent = (value: number) => Math.min(Math.max(value, 0), 100);
const round1 = (value: number) => Math.round(value * 10) / 10;

/** The done fraction (0–1) of a metric, for increasing and decreasing metrics alike; undefined when it cannot move. */
export function metricFraction(metric: { start: number; target: number; current?: number | undefined }): number | undefined {
  if (metric.target === metric.start) return undefined;
  const current = metric.current ?? metric.start;
  return Math.min(Math.max((current - metric.start) / (metric.target - metric.start), 0), 1);
}

/**
 * Where a goal stands at `now`: percent done (from the metric, the milestones, or both weighted by
 * `PROGRESS_THRESHOLDS.metricWeight`), the percent expected from the time elapsed, a status and
 * the days left.
 *
 * Status, in order: `achieved` at 100%; `missed` once the due date has passed; `not-started` at 0%
 * while nothing is expected beyond the on-track gap; then `on-track`, `at-risk` or `behind` by how
 * many points the percent trails the expected percent. The on-track gap is at least one day's share of
 * the span (a short goal is not "at risk" on its first day) and the at-risk gap at least twice that. An open milestone past its own date makes an
 * on-track goal at-risk.
 *
 * @param now an ISO instant (its date in `options.timeZone`, default UTC) or a calendar date.
 */
export function goalProgress(goal: ProgressInput, now: string, options: { timeZone?: string } = {}): GoalProgress {
  if (typeof goal !== 'object' || goal === null) invalidInput('goal', 'goalProgress needs a goal (or a draft with metric/milestones and dates).');
  const today = calendarDateOf(now, options.timeZone, 'now');
  for (const key of ['startDate', 'dueDate'] as const) {
    if (goal[key] !== undefined && !isCalendarDate(goal[key]))
      invalidInput(`goal.${key}`, `\`goal.${key}\` must be a calendar date YYYY-MM-DD (got ${JSON.stringify(goal[key])}).`);
  }
  const metric = goal.metric;
  if (
    metric !== undefined &&
    (typeof metric !== 'object' ||
      metric === null ||
      !Number.isFinite(metric.start) ||
      !Number.isFinite(metric.target) ||
      (metric.current !== undefined && !Number.isFinite(metric.current)))
  ) {
    invalidInput('goal.metric', '`goal.metric` needs finite numbers `start`, `target` and (optionally) `current`.');
  }
  const milestones = goal.milestones ?? [];
  if (!Array.isArray(milestones)) invalidInput('goal.milestones', '`goal.milestones` must be a list.');

  const metricDone = metric ? metricFraction(metric) : undefined;
  const milestonesDone = milestones.length > 0 ? milestones.filter((milestone) => milestone.done === true).length / milestones.length : undefined;
  let fraction = 0;
  if (metricDone !== undefined && milestonesDone !== undefined)
    fraction = PROGRESS_THRESHOLDS.metricWeight * metricDone + (1 - PROGRESS_THRESHOLDS.metricWeight) * milestonesDone;
  else fraction = metricDone ?? milestonesDone ?? 0;
  const percent = round1(clampPercent(fraction * 100));

  const due = goal.dueDate;
  const start =
    goal.startDate ?? (typeof goal.createdAt === 'string' && isCalendarDate(goal.createdAt.slice(0, 10)) ? goal.createdAt.slice(0, 10) : undefined) ?? today;
  let expectedPercent = 0;
  // Being one day's share behind is no cause for alarm: a 6-day goal expects 17 % on its first day.
  let onTrackGap: number = PROGRESS_THRESHOLDS.onTrackGap;
  if (due) {
    // Days counted inclusively: on the start date one day of the span has begun, on the due date all of it.
    const span = Math.max(dayDiff(start, due) + 1, 1);
    onTrackGap = Math.max(onTrackGap, round1(100 / span));
    const elapsed = dayDiff(start, today) + 1;
    expectedPercent = round1(clampPercent((elapsed / span) * 100));
  }
  const daysLeft = due ? dayDiff(today, due) : Number.POSITIVE_INFINITY;
  const overdueMilestones = milestones.filter(
    (milestone) => milestone.done !== true && typeof milestone.dueDate === 'string' && milestone.dueDate < today,
  ).length;

  const gap = round1(expectedPercent - percent);
  let status: GoalStatus;
  if (percent >= 100) status = 'achieved';
  else if (due && today > due) status = 'missed';
  else if (percent === 0 && gap <= onTrackGap && overdueMilestones === 0) status = 'not-started';
  else if (gap <= onTrackGap) status = overdueMilestones > 0 ? 'at-risk' : 'on-track';
  else if (gap <= Math.max(PROGRESS_THRESHOLDS.atRiskGap, 2 * onTrackGap)) status = 'at-risk';
  else status = 'behind';
  return { percent, expectedPercent, status, daysLeft, overdueMilestones };
}

/** Statuses from best to worst, for sorting and monotonicity checks. */
export const STATUS_RANK: Readonly<Record<GoalStatus, number>> = { achieved: 0, 'on-track': 1, 'not-started': 1, 'at-risk': 2, behind: 3, missed: 4 };
