import * as v from 'valibot';
import { HttpUrlSchema, IdSchema, InstantSchema, TimeZoneSchema, longText, shortText, uniqueList } from './primitives.js';
import { TEXT_LIMITS } from './limits.js';
import type { RecordMeta } from './collections.js';

/** Mentoring sessions (meetings). */

export const SessionInputSchema = v.pipe(
  v.object({
    id: IdSchema,
    pairingId: IdSchema,
    title: shortText(TEXT_LIMITS.session.title),
    start: InstantSchema,
    end: InstantSchema,
    /** Organiser's IANA zone. */
    timeZone: TimeZoneSchema,
    meetingUrl: v.optional(HttpUrlSchema),
    agenda: v.optional(longText(TEXT_LIMITS.session.agenda)),
    status: v.optional(v.picklist(['scheduled', 'held', 'cancelled', 'missed'], 'must be "scheduled", "held", "cancelled" or "missed"'), 'scheduled'),
    coachingRunId: v.optional(IdSchema),
    /** Sessions booked together as a recurring series share this id. */
    seriesId: v.optional(IdSchema),
    /** Position in the series, from 1. */
    sequence: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    /** Who attends (person ids); defaults to every member of the pairing. */
    participantIds: v.optional(uniqueList(IdSchema, 'person ids', 5)),
    /** Who organised it (their zone is `timeZone`). */
    organizerId: v.optional(IdSchema),
    /** When it was marked held, missed or cancelled. */
    statusChangedAt: v.optional(InstantSchema),
    /** Why it was cancelled (shown to the other side). */
    cancellationReason: v.optional(longText(TEXT_LIMITS.session.cancellationReason)),
    /** How long a held session really lasted, in whole minutes (1–600). Unset: the booked length counts (see `sessionMinutesHeld`). */
    heldMinutes: v.optional(
      v.pipe(
        v.number('must be a whole number of minutes'),
        v.integer('must be a whole number of minutes'),
        v.minValue(1, 'must be at least 1 minute'),
        v.maxValue(600, 'must be at most 600 minutes (10 hours)'),
      ),
    ),
  }),
  v.forward(
    v.check((session) => Date.parse(session.end) > Date.parse(session.start), 'must be after `start`'),
    ['end'],
  ),
);
export type SessionInput = v.InferInput<typeof SessionInputSchema>;
export type SessionData = v.InferOutput<typeof SessionInputSchema>;

/** A stored session record. */
export type Session = SessionData & RecordMeta;
