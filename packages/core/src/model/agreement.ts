import * as v from 'valibot';
import { CalendarDateSchema, HttpUrlSchema, IdSchema, InstantSchema, TimeZoneSchema, WeekdaySchema, WorkingHoursSchema, shortText, uniqueList } from './primitives.js';
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
    v.array(v.object({ kind: v.picklist(CHANNEL_KINDS, 'must be "email", "chat", "video", "phone" or "in-person"'), detail: v.optional(shortText(200)) }), 'must be a list of channels'),
    v.minLength(1, 'must name at least one channel'),
    v.maxLength(10, 'must have at most 10 channels'),
  ),
  /** Expected answer time for async messages, in hours. */
  responseTimeHours: v.pipe(v.number('must be a number of hours'), v.minValue(1, 'must be at least 1 hour'), v.maxValue(24 * 14, 'must be at most two weeks (336 hours)')),
  offLimitsDays: v.optional(uniqueList(WeekdaySchema, 'weekdays', 7), []),
  offLimitsDates: v.optional(uniqueList(CalendarDateSchema, 'dates', 366), []),
  participants: v.pipe(
    v.array(v.object({ personId: IdSchema, timeZone: TimeZoneSchema, workingHours: WorkingHoursSchema }), 'must be a list of participants'),
    v.minLength(2, 'must list at least the mentee and one mentor'),
    v.maxLength(5, 'must list at most 5 participants'),
  ),
  /** The one shared place for documents. http: and https: only. */
  sharedDocumentsUrl: v.optional(HttpUrlSchema),
  coachingModel: v.optional(IdSchema, 'grow'),
  checkInLevel: v.optional(v.picklist(CHECK_IN_LEVELS, 'must be "high-touch", "regular" or "light-touch"'), 'regular'),
  /** Version of the terms; every change makes a new version that both parties confirm again. */
  version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  confirmations: v.optional(v.array(v.object({ personId: IdSchema, version: v.pipe(v.number(), v.integer(), v.minValue(1)), at: InstantSchema })), []),
});
export type AgreementInput = v.InferInput<typeof AgreementInputSchema>;
export type AgreementData = v.InferOutput<typeof AgreementInputSchema>;

/** A stored agreement record. */
export type Agreement = AgreementData & RecordMeta;
