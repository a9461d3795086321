import * as v from 'valibot';
import { IdSchema, longText, shortText, uniqueList } from './primitives.js';
import type { RecordMeta } from './collections.js';

/** Feedback after a session. */

export const FeedbackInputSchema = v.object({
  id: IdSchema,
  pairingId: IdSchema,
  sessionId: IdSchema,
  authorId: IdSchema,
  rating: v.pipe(v.number('must be a rating from 1 to 5'), v.integer('must be a whole number from 1 to 5'), v.minValue(1, 'must be at least 1'), v.maxValue(5, 'must be at most 5')),
  helped: v.optional(longText(2000)),
  missed: v.optional(longText(2000)),
  toolSuggestion: v.optional(longText(1000)),
  other: v.optional(longText(4000)),
  tags: v.optional(uniqueList(shortText(60), 'tags', 20), []),
  /** Hide from the other side until both have submitted. */
  revealWhenBothSubmitted: v.optional(v.boolean(), false),
});
export type FeedbackInput = v.InferInput<typeof FeedbackInputSchema>;
export type FeedbackData = v.InferOutput<typeof FeedbackInputSchema>;

/** A stored feedback record. */
export type Feedback = FeedbackData & RecordMeta & { submittedAt?: string };
