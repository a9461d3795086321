import * as v from 'valibot';
import { IdSchema, InstantSchema, longText, shortText, uniqueList } from './primitives.js';
import { TEXT_LIMITS } from './limits.js';
import type { RecordMeta } from './collections.js';

/** Feedback after a session. */

/** Who wrote a feedback note, in the pairing: the mentee, the lead mentor or the co-mentor. */
export const FEEDBACK_AUTHOR_ROLES = ['mentee', 'mentor', 'co-mentor'] as const;
export type FeedbackAuthorRole = (typeof FEEDBACK_AUTHOR_ROLES)[number];

/**
 * How a note may appear in programme-level reports (admins' roll-up):
 * - `named`: with the author's name;
 * - `anonymous`: its text without the author, the pairing, the mentor or the session;
 * - `numbers-only`: only in counts and averages, never its text.
 */
export const FEEDBACK_ANONYMITY = ['named', 'anonymous', 'numbers-only'] as const;
export type FeedbackAnonymity = (typeof FEEDBACK_ANONYMITY)[number];

const RatingSchema = v.pipe(
  v.number('must be a rating from 1 to 5'),
  v.integer('must be a whole number from 1 to 5'),
  v.minValue(1, 'must be at least 1'),
  v.maxValue(5, 'must be at most 5'),
);

/** What a person fills in: the structured note of DESIGN.md ("Feedback"). */
export const FeedbackNoteSchema = v.object({
  rating: RatingSchema,
  helped: v.optional(longText(TEXT_LIMITS.feedback.helped)),
  missed: v.optional(longText(TEXT_LIMITS.feedback.missed)),
  toolSuggestion: v.optional(longText(TEXT_LIMITS.feedback.toolSuggestion)),
  other: v.optional(longText(TEXT_LIMITS.feedback.other)),
  /** Chosen themes, e.g. `ran-out-of-time` (see `FEEDBACK_TAGS` in `@mentorkit/core/feedback`) or the person's own words. */
  tags: v.optional(uniqueList(shortText(TEXT_LIMITS.feedback.tag), 'tags', 20), []),
  /** Hide from the other side until both have submitted. */
  revealWhenBothSubmitted: v.optional(v.boolean('must be true or false'), false),
  anonymity: v.optional(v.picklist(FEEDBACK_ANONYMITY, 'must be "named", "anonymous" or "numbers-only"'), 'named'),
});
export type FeedbackNote = v.InferInput<typeof FeedbackNoteSchema>;

export const FeedbackInputSchema = v.object({
  id: IdSchema,
  pairingId: IdSchema,
  sessionId: IdSchema,
  authorId: IdSchema,
  ...FeedbackNoteSchema.entries,
  authorRole: v.optional(v.picklist(FEEDBACK_AUTHOR_ROLES, 'must be "mentee", "mentor" or "co-mentor"')),
  /** When it was first submitted. */
  submittedAt: v.optional(InstantSchema),
  /** Edits are accepted until this instant (the request's deadline). */
  editableUntil: v.optional(InstantSchema),
  /** Last edit after the first submission. */
  editedAt: v.optional(InstantSchema),
  /** Set once both sides submitted, on notes held with `revealWhenBothSubmitted`: from then on the other members may read it. */
  revealedAt: v.optional(InstantSchema),
  /** Who completed the pair of notes that revealed this one. */
  revealedBy: v.optional(IdSchema),
});
export type FeedbackInput = v.InferInput<typeof FeedbackInputSchema>;
export type FeedbackData = v.InferOutput<typeof FeedbackInputSchema>;

/** A stored feedback record. */
export type Feedback = FeedbackData & RecordMeta & { submittedAt?: string | undefined };
