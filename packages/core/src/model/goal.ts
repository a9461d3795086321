import * as v from 'valibot';
import { CalendarDateSchema, IdSchema, InstantSchema, longText, shortText } from './primitives.js';
import { TEXT_LIMITS } from './limits.js';
import type { RecordMeta } from './collections.js';

/** SMART goals and their milestones (see `@mentorkit/core/goals` for the logic and docs/goals.md). */

export const MilestoneSchema = v.object({
  id: v.optional(IdSchema),
  title: shortText(TEXT_LIMITS.goal.milestoneTitle),
  dueDate: v.optional(CalendarDateSchema),
  done: v.optional(v.boolean('must be true or false'), false),
  /** When it was ticked (set by `completeMilestone`). */
  doneAt: v.optional(InstantSchema),
});
export type Milestone = v.InferOutput<typeof MilestoneSchema>;

const finiteNumber = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));

export const GoalMetricSchema = v.object({
  /** What is counted, e.g. "retrospectives run" or "median review time". */
  name: shortText(TEXT_LIMITS.goal.metricName),
  /** e.g. "hours", "%", "talks". */
  unit: v.optional(shortText(TEXT_LIMITS.goal.metricUnit)),
  /** The value when the goal was set. */
  start: finiteNumber,
  /** The value that means done. Lower than `start` for a metric that should go down ("reduce review time"). */
  target: finiteNumber,
  /** The latest value (`recordProgress`); `start` when omitted. */
  current: v.optional(finiteNumber),
});
export type GoalMetric = v.InferOutput<typeof GoalMetricSchema>;

/** The `GoalDraft` of DESIGN.md. */
export const GoalDraftSchema = v.object({
  title: shortText(TEXT_LIMITS.goal.title),
  description: v.optional(longText(TEXT_LIMITS.goal.description)),
  skill: v.optional(shortText(TEXT_LIMITS.goal.skill)),
  metric: v.optional(GoalMetricSchema),
  startDate: v.optional(CalendarDateSchema),
  dueDate: v.optional(CalendarDateSchema),
  milestones: v.optional(v.pipe(v.array(MilestoneSchema, 'must be a list of milestones'), v.maxLength(100, 'must have at most 100 milestones')), []),
});
export type GoalDraft = v.InferInput<typeof GoalDraftSchema>;

export const GoalVisibility = { private: 'private', pairing: 'pairing' } as const;
export type GoalVisibility = (typeof GoalVisibility)[keyof typeof GoalVisibility];

export const GoalInputSchema = v.object({
  ...GoalDraftSchema.entries,
  id: IdSchema,
  pairingId: IdSchema,
  ownerId: IdSchema,
  /** `private`: only the owner; `pairing`: the owner and the pairing's mentor(s). */
  visibility: v.optional(v.picklist(['private', 'pairing'], 'must be "private" or "pairing"'), 'pairing'),
  archived: v.optional(v.boolean(), false),
  /** When the goal was first seen achieved (set by the goals commands). */
  achievedAt: v.optional(InstantSchema),
  /** When `reviewDueGoals` recorded the goal as missed, and for which due date (a new date can be missed again). */
  missedAt: v.optional(InstantSchema),
  missedDueDate: v.optional(CalendarDateSchema),
});
export type GoalInput = v.InferInput<typeof GoalInputSchema>;
export type GoalData = v.InferOutput<typeof GoalInputSchema>;

/** A stored goal record. Milestones of stored goals always carry an `id`. */
export type Goal = GoalData & RecordMeta;
