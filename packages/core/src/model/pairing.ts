import * as v from 'valibot';
import { CalendarDateSchema, IdSchema, shortText } from './primitives.js';
import type { RecordMeta } from './collections.js';

/** Pairings: a mentee with one mentor, or two for co-mentoring. */

export const PairingStatus = { proposed: 'proposed', active: 'active', paused: 'paused', closed: 'closed' } as const;
export type PairingStatus = (typeof PairingStatus)[keyof typeof PairingStatus];
export const PairingKind = { official: 'official', informal: 'informal' } as const;
export type PairingKind = (typeof PairingKind)[keyof typeof PairingKind];

export const PairingInputSchema = v.pipe(
  v.object({
    id: IdSchema,
    programId: IdSchema,
    menteeId: IdSchema,
    /** One mentor, or two for co-mentoring. The first is the lead mentor; the second the co-mentor. */
    mentorIds: v.pipe(
      v.array(IdSchema, 'must be a list of one or two mentor ids'),
      v.minLength(1, 'must name at least one mentor'),
      v.maxLength(2, 'must name at most two mentors (co-mentoring)'),
      v.check((ids) => new Set(ids).size === ids.length, 'must name two different mentors'),
    ),
    status: v.optional(v.picklist(['proposed', 'active', 'paused', 'closed'], 'must be "proposed", "active", "paused" or "closed"'), 'proposed'),
    kind: v.optional(v.picklist(['official', 'informal'], 'must be "official" or "informal"'), 'official'),
    startedOn: v.optional(CalendarDateSchema),
    endedOn: v.optional(CalendarDateSchema),
    /** Matching score and reasons when the pairing came from `matchMentors`. */
    score: v.optional(v.pipe(v.number(), v.finite('must be a finite number'))),
    reasons: v.optional(v.pipe(v.array(shortText(300)), v.maxLength(20, 'must have at most 20 reasons')), []),
  }),
  v.forward(
    v.check((pairing) => !pairing.mentorIds.includes(pairing.menteeId), 'the mentee cannot also be their own mentor'),
    ['mentorIds'],
  ),
);
export type PairingInput = v.InferInput<typeof PairingInputSchema>;
export type PairingData = v.InferOutput<typeof PairingInputSchema>;

/** A stored pairing record. */
export type Pairing = PairingData & RecordMeta;
