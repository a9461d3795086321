import * as v from 'valibot';
import { IdSchema, InstantSchema } from './primitives.js';
import type { RecordMeta } from './collections.js';

/**
 * Coaching runs: a session walked through a coaching model (`@mentorkit/core/coaching`). One record
 * per run in the `coaching-runs` collection; readable and writable by the pairing's members
 * (admins read). The flow state is saved after every answer, with the record's revision, so a run
 * resumes on another device and two people answering at once never overwrite each other silently.
 */
export const CoachingRunInputSchema = v.object({
  id: IdSchema,
  pairingId: IdSchema,
  /** `grow`, `oskar`, or a custom model's id. */
  modelId: IdSchema,
  sessionId: v.optional(IdSchema),
  /** Serialisable flow state owned by the coaching module (`CoachingFlow`, including a copy of the model). */
  state: v.record(v.string(), v.unknown()),
  /** Who started the run, and when. */
  startedBy: v.optional(IdSchema),
  startedAt: v.optional(InstantSchema),
  /** The earlier completed run of the same model this one follows up (OSKAR's Review). */
  previousRunId: v.optional(IdSchema),
  /** Set by `complete`: the run is finished and its summary final. */
  completedAt: v.optional(InstantSchema),
  /** Set by `turnIntoGoals`: when the actions were handed to the goals module, by whom, and how many goals that made. */
  actionsHandedOffAt: v.optional(InstantSchema),
  actionsHandedOffBy: v.optional(IdSchema),
  actionsHandedOffCount: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
export type CoachingRunInput = v.InferInput<typeof CoachingRunInputSchema>;
export type CoachingRunData = v.InferOutput<typeof CoachingRunInputSchema>;

/** A stored coaching run record. */
export type CoachingRun = CoachingRunData & RecordMeta;
