import * as v from 'valibot';
import { CalendarDateSchema, IdSchema, InstantSchema, longText, shortText } from './primitives.js';
import type { RecordMeta } from './collections.js';

/** SMART goals and their milestones. */

export const MilestoneSchema = v.object({
  id: v.optional(IdSchema),
  title: shortText(200),
  dueDate: v.optional(CalendarDateSchema),
  done: v.optional(v.boolean('must be true or false'), false),
  doneAt: v.optional(InstantSchema),
});
export type Milestone = v.InferOutput<typeof MilestoneSchema>;

export const GoalMetricSchema = v.object({
  name: shortText(120),
  unit: v.optional(shortText(40)),
  start: v.pipe(v.number('must be a number'), v.finite('must be a finite number')),
  target: v.pipe(v.number('must be a number'), v.finite('must be a finite number')),
  current: v.optional(v.pipe(v.number('must be a number'), v.finite('must be a finite number'))),
});

/** The `GoalDraft` of DESIGN.md. */
export const GoalDraftSchema = v.object({
  title: shortText(200),
  description: v.optional(longText(4000)),
  skill: v.optional(shortText(100)),
  metric: v.optional(GoalMetricSchema),
  startDate: v.optional(CalendarDateSchema),
  dueDate: v.optional(CalendarDateSchema),
  milestones: v.optional(v.pipe(v.array(MilestoneSchema, 'must be a list of milestones'), v.maxLength(100, 'must have at most 100 milestones')), []),
});
export type GoalDraft = v.InferInput<typeof GoalDraftSchema>;

export const GoalInputSchema = v.object({
  ...GoalDraftSchema.entries,
  id: IdSchema,
  pairingId: IdSchema,
  ownerId: IdSchema,
  /** `private`: only the owner; `pairing`: the owner and the pairing's mentor(s). */
  visibility: v.optional(v.picklist(['private', 'pairing'], 'must be "private" or "pairing"'), 'pairing'),
  archived: v.optional(v.boolean(), false),
});
export type GoalInput = v.InferInput<typeof GoalInputSchema>;
export type GoalData = v.InferOutput<typeof GoalInputSchema>;

/** A stored goal record. */
export type Goal = GoalData & RecordMeta;
