import * as v from 'valibot';
import { IdSchema, InstantSchema } from './primitives.js';
import type { RecordMeta } from './collections.js';

/** How many dealt prompts a pairing's record keeps (the oldest are dropped beyond this). */
export const RAPPORT_HISTORY_LIMIT = 1000;

/** One record per pairing in the `rapport` collection: the prompts dealt to the pair, oldest first. */
export const RapportRecordSchema = v.object({
  id: IdSchema,
  pairingId: IdSchema,
  dealt: v.pipe(
    v.array(v.object({ promptId: IdSchema, at: InstantSchema, by: IdSchema }), 'must be a list of dealt prompts'),
    v.maxLength(RAPPORT_HISTORY_LIMIT, `must have at most ${RAPPORT_HISTORY_LIMIT} entries`),
  ),
});
export type RapportRecordData = v.InferOutput<typeof RapportRecordSchema>;
export type RapportRecord = RapportRecordData & RecordMeta;
