import * as v from 'valibot';
import { CalendarDateSchema, IdSchema, longText, shortText, uniqueList } from './primitives.js';
import type { RecordMeta } from './collections.js';

/** Programmes: a cohort with its admins. */

export const ProgramInputSchema = v.object({
  id: IdSchema,
  name: shortText(160),
  description: v.optional(longText(4000)),
  startDate: v.optional(CalendarDateSchema),
  endDate: v.optional(CalendarDateSchema),
  adminIds: uniqueList(IdSchema, 'admin ids', 50),
  /** Default coaching model for new agreements: `grow`, `oskar` or a custom model id. */
  defaultCoachingModel: v.optional(IdSchema, 'grow'),
  /** Held sessions with the person's feedback a certificate of participation asks for when the pair's agreement plans none (`plannedSessions`); default 6 (`@mentorkit/core/certificates`). */
  certificateSessions: v.optional(
    v.pipe(
      v.number('must be a number of sessions'),
      v.integer('must be a whole number of sessions'),
      v.minValue(1, 'must be at least 1 session'),
      v.maxValue(100, 'must be at most 100 sessions'),
    ),
  ),
});
export type ProgramInput = v.InferInput<typeof ProgramInputSchema>;
export type ProgramData = v.InferOutput<typeof ProgramInputSchema>;

/** A stored program record. */
export type Program = ProgramData & RecordMeta;
