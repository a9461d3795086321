import * as v from 'valibot';
import { HttpUrlSchema, IdSchema, InstantSchema, TimeZoneSchema, longText, shortText } from './primitives.js';
import type { RecordMeta } from './collections.js';

/** Mentoring sessions (meetings). */

export const SessionInputSchema = v.pipe(
  v.object({
    id: IdSchema,
    pairingId: IdSchema,
    title: shortText(200),
    start: InstantSchema,
    end: InstantSchema,
    /** Organiser's IANA zone. */
    timeZone: TimeZoneSchema,
    meetingUrl: v.optional(HttpUrlSchema),
    agenda: v.optional(longText(4000)),
    status: v.optional(v.picklist(['scheduled', 'held', 'cancelled', 'missed'], 'must be "scheduled", "held", "cancelled" or "missed"'), 'scheduled'),
    coachingRunId: v.optional(IdSchema),
  }),
  v.forward(v.check((session) => Date.parse(session.end) > Date.parse(session.start), 'must be after `start`'), ['end']),
);
export type SessionInput = v.InferInput<typeof SessionInputSchema>;
export type SessionData = v.InferOutput<typeof SessionInputSchema>;

/** A stored session record. */
export type Session = SessionData & RecordMeta;
