import * as v from 'valibot';
import {
  CalendarDateSchema,
  HttpUrlSchema,
  IdSchema,
  InstantSchema,
  TimeZoneSchema,
  WeekdaySchema,
  WorkingHoursSchema,
  longText,
  shortText,
  uniqueList,
} from './primitives.js';
import { TEXT_LIMITS } from './limits.js';
import type { RecordMeta } from './collections.js';

/** The working agreement a pair sets at the start. */

export const CADENCES = ['weekly', 'fortnightly', 'monthly', 'ad-hoc'] as const;
export const CHANNEL_KINDS = ['email', 'chat', 'video', 'phone', 'in-person'] as const;
export const CHECK_IN_LEVELS = ['high-touch', 'regular', 'light-touch'] as const;

export const AgreementInputSchema = v.object({
  id: IdSchema,
  pairingId: IdSchema,
  cadence: v.picklist(CADENCES, 'must be "weekly", "fortnightly", "monthly" or "ad-hoc"'),
  channels: v.pipe(
    v.array(
      v.object({
        kind: v.picklist(CHANNEL_KINDS, 'must be "email", "chat", "video", "phone" or "in-person"'),
        detail: v.optional(shortText(TEXT_LIMITS.agreement.channelDetail)),
      }),
      'must be a list of channels',
    ),
    v.minLength(1, 'must name at least one channel'),
    v.maxLength(10, 'must have at most 10 channels'),
  ),
  /** Expected answer time for async messages, in hours. */
  responseTimeHours: v.pipe(
    v.number('must be a number of hours'),
    v.minValue(1, 'must be at least 1 hour'),
    v.maxValue(24 * 14, 'must be at most two weeks (336 hours)'),
  ),
  offLimitsDays: v.optional(uniqueList(WeekdaySchema, 'weekdays', 7), []),
  offLimitsDates: v.optional(uniqueList(CalendarDateSchema, 'dates', 366), []),
  /** The people who meet (the mentee, the lead mentor, and the co-mentor when they join sessions), with the hours they offer for mentoring. */
  participants: v.pipe(
    v.array(
      v.object({
        personId: IdSchema,
        timeZone: TimeZoneSchema,
        workingHours: WorkingHoursSchema,
        /** This person's own off-limits weekdays and dates (the agreement-wide ones apply to everyone). */
        offLimitsDays: v.optional(uniqueList(WeekdaySchema, 'weekdays', 7), []),
        offLimitsDates: v.optional(uniqueList(CalendarDateSchema, 'dates', 366), []),
      }),
      'must be a list of participants',
    ),
    v.minLength(2, 'must list at least the mentee and one mentor'),
    v.maxLength(5, 'must list at most 5 participants'),
    v.check((list) => new Set(list.map((participant) => participant.personId)).size === list.length, 'must not list a person twice'),
  ),
  /** Usual length of a session, in minutes. */
  sessionMinutes: v.optional(
    v.pipe(
      v.number('must be a number of minutes'),
      v.integer('must be a whole number of minutes'),
      v.minValue(15, 'must be at least 15 minutes'),
      v.maxValue(240, 'must be at most 240 minutes'),
    ),
    60,
  ),
  /** How many sessions the pair plans to hold; a certificate of participation asks for this many held sessions with the person's feedback (`@mentorkit/core/certificates`). Unset: the programme's `certificateSessions`. */
  plannedSessions: v.optional(
    v.pipe(
      v.number('must be a number of sessions'),
      v.integer('must be a whole number of sessions'),
      v.minValue(1, 'must be at least 1 session'),
      v.maxValue(100, 'must be at most 100 sessions'),
    ),
  ),
  /** The usual video-call link. http: and https: only. */
  meetingUrl: v.optional(HttpUrlSchema),
  /** Anything else the pair agreed, in their words. */
  notes: v.optional(longText(TEXT_LIMITS.agreement.notes)),
  /** The one shared place for documents. http: and https: only. */
  sharedDocumentsUrl: v.optional(HttpUrlSchema),
  coachingModel: v.optional(IdSchema, 'grow'),
  checkInLevel: v.optional(v.picklist(CHECK_IN_LEVELS, 'must be "high-touch", "regular" or "light-touch"'), 'regular'),
  /** Version of the terms; every change makes a new version that both parties confirm again. */
  version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  confirmations: v.optional(v.array(v.object({ personId: IdSchema, version: v.pipe(v.number(), v.integer(), v.minValue(1)), at: InstantSchema })), []),
  /** Who proposed the first version. */
  proposedBy: v.optional(IdSchema),
  /** The terms as of the last version everyone required confirmed (for "changes since"). */
  lastConfirmed: v.optional(v.object({ version: v.pipe(v.number(), v.integer(), v.minValue(1)), at: InstantSchema, terms: v.record(v.string(), v.unknown()) })),
  /** One line per version: who changed what, when (newest last; at most 100 kept). */
  history: v.optional(
    v.pipe(
      v.array(v.object({ version: v.pipe(v.number(), v.integer(), v.minValue(1)), at: InstantSchema, by: IdSchema, changed: v.array(v.string()) })),
      v.maxLength(100),
    ),
    [],
  ),
});
export type AgreementInput = v.InferInput<typeof AgreementInputSchema>;
export type AgreementData = v.InferOutput<typeof AgreementInputSchema>;

/** A stored agreement record. */
export type Agreement = AgreementData & RecordMeta;
