import * as v from 'valibot';
import { IdSchema, InstantSchema } from './primitives.js';
import type { RecordMeta } from './collections.js';

/** Coaching runs: a session walked through a coaching model. */

export const CoachingRunInputSchema = v.object({
  id: IdSchema,
  pairingId: IdSchema,
  modelId: IdSchema,
  sessionId: v.optional(IdSchema),
  /** Serialisable flow state owned by the coaching module. */
  state: v.record(v.string(), v.unknown()),
  completedAt: v.optional(InstantSchema),
});
export type CoachingRunInput = v.InferInput<typeof CoachingRunInputSchema>;
export type CoachingRunData = v.InferOutput<typeof CoachingRunInputSchema>;

/** A stored coaching run record. */
export type CoachingRun = CoachingRunData & RecordMeta;
