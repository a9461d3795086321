// @mentorkit/core/scheduling — common free slots across time zones, fair suggestions, recurring
// sessions and the sessions feature (booking). See docs/scheduling.md.
export { findCommonSlots, SLOT_SEARCH_LIMITS } from './slots.js';
export type { CommonSlot, FindCommonSlotsRequest, LocalSlot, SlotParticipant } from './slots.js';
export { clearZoneOffsetCache, offsetAt, offsetTransitions } from './zone-offsets.js';
export { suggestMeetingTimes, inconvenienceOf, inconvenienceAt, minuteCost, isNightMinute, notesAt, DEFAULT_INCONVENIENCE } from './fairness.js';
export type { InconvenienceNote, InconvenienceOptions, SuggestedSlot, SuggestMeetingTimesRequest } from './fairness.js';
export { recurringSessionTimes, RECURRING_CADENCES, MAX_SERIES_LENGTH, SCHEDULING_MESSAGES, schedulingMessagesFor } from './recurrence.js';
export type { Occurrence, RecurrenceRequest, RecurrenceResult, RecurringCadence, SchedulingMessages, SkippedOccurrence } from './recurrence.js';
export { sessionsFeature, SessionEventType } from './sessions-feature.js';
export type { BookedSeries, BookSeriesInput, BookSessionInput, SessionsApi } from './sessions-feature.js';
export { localIsoOf, instantOfEpochMinute } from './slots.js';
export { OUT_OF_HOURS_REACH, outsideWorkingHoursAt, suggestOutOfHoursTimes, suggestMeetingTimesOrOutOfHours, widenToReach } from './out-of-hours.js';
export type { FairSlot, MeetingTimesOrOutOfHours, OutOfHoursReach } from './out-of-hours.js';
export { addToLedger, inconvenienceLedger, ledgerPoints, rotatingSessionTimes } from './rotation.js';
export type {
  InconvenienceLedger,
  LedgerEntry,
  RotatingOccurrence,
  RotatingSeriesRequest,
  RotatingSeriesResult,
  RotatingSkippedOccurrence,
} from './rotation.js';
export { calendarBusyFeature, calendarBlockedSlots, withCalendarBusy } from './calendar-busy.js';
export type { BusyInterval, CalendarBlockedSlot, CalendarBusyApi } from './calendar-busy.js';
