import * as v from 'valibot';
import { TEXT_LIMITS } from './limits.js';
import { CalendarDateSchema, shortText } from './primitives.js';

/**
 * Whether a mentor takes new mentees: `taking-mentees` (the default when a person has no
 * `availability`), `not-taking-mentees`, or `away` — until a date (`until`, the last day away, in
 * the person's own zone) or, without one, until further notice.
 */
export const MentorAvailabilityStatus = { takingMentees: 'taking-mentees', notTakingMentees: 'not-taking-mentees', away: 'away' } as const;
export type MentorAvailabilityStatus = (typeof MentorAvailabilityStatus)[keyof typeof MentorAvailabilityStatus];

export const MentorAvailabilitySchema = v.pipe(
  v.object(
    {
      status: v.picklist(['taking-mentees', 'not-taking-mentees', 'away'], 'must be "taking-mentees", "not-taking-mentees" or "away"'),
      /** `away` only: the last day away (`YYYY-MM-DD`, the person's own calendar). Absent: away until further notice. */
      until: v.optional(CalendarDateSchema),
      /** A short note people see beside it, e.g. "Parental leave" or "Full until the spring cohort". */
      note: v.optional(shortText(TEXT_LIMITS.person.availabilityNote)),
    },
    'must be an object such as { status: "away", until: "2027-01-12" }',
  ),
  v.forward(
    v.check(
      (availability) => availability.until === undefined || availability.status === 'away',
      'goes only with status "away" (the last day away); leave it out otherwise',
    ),
    ['until'],
  ),
);
export type MentorAvailability = v.InferOutput<typeof MentorAvailabilitySchema>;

export { availabilityOf, takesMenteesOn, type MentorAvailabilityNow } from './availability-of.js';
