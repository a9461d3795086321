/**
 * The length limits of the text people type, in characters as JavaScript counts them
 * (`String.prototype.length`, UTF-16 code units — an emoji may count as two). The schemas of this
 * folder are built from these numbers, so a form can show a counter and refuse before it saves, with
 * the same limit the schema enforces, without keeping a second copy:
 *
 * ```ts
 * import { TEXT_LIMITS } from '@mentorkit/core';
 * TEXT_LIMITS.goal.title;        // 200
 * TEXT_LIMITS.feedback.other;    // 4000
 * ```
 *
 * Coaching answers have their own limits in `COACHING_LIMITS` (`@mentorkit/core/coaching`).
 */
export const TEXT_LIMITS = {
  /** SMART goals (`GoalDraftSchema`, `MilestoneSchema`, `GoalMetricSchema`). */
  goal: {
    title: 200,
    description: 4000,
    skill: 100,
    metricName: 120,
    metricUnit: 40,
    milestoneTitle: 200,
  },
  /** The structured note after a session (`FeedbackNoteSchema`). */
  feedback: {
    helped: 2000,
    missed: 2000,
    toolSuggestion: 1000,
    other: 4000,
    tag: 60,
  },
  /** Mentoring sessions (`SessionInputSchema`). */
  session: {
    title: 200,
    agenda: 4000,
    cancellationReason: 500,
  },
  /** The working agreement (`AgreementInputSchema`). */
  agreement: {
    notes: 2000,
    channelDetail: 200,
  },
  /** Asynchronous messages (`MessageInputSchema`). */
  message: {
    text: 10_000,
  },
  /** People (`PersonInputSchema`): the note beside a mentor's availability ("Parental leave"). */
  person: {
    availabilityNote: 200,
  },
  /** Concerns raised about a pairing or a message (`ConcernInputSchema`): what happened, and a note in its trail. */
  concern: {
    text: 4000,
    note: 2000,
  },
} as const;

export type TextLimits = typeof TEXT_LIMITS;
