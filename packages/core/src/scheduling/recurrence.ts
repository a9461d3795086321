import { DateTime } from 'luxon';
import { invalidInput } from '../model/validate.js';
import { languageCatalogue } from '../model/languages.js';
import { formatMessage } from '../model/message-format.js';
import { isCalendarDate, isInstant, isTimeZone } from '../model/formats.js';
import { epochDayOf, localIsoOf, weekdayOfEpochDay } from './slots.js';
import { isKnownZone, offsetAt } from './zone-offsets.js';

/** Cadences that repeat (an `ad-hoc` agreement books single sessions). */
export const RECURRING_CADENCES = ['weekly', 'fortnightly', 'monthly'] as const;
export type RecurringCadence = (typeof RECURRING_CADENCES)[number];

export interface RecurrenceRequest {
  /** The first session's start (instant); its wall-clock time in `timeZone` is kept for every session. */
  firstStart: string;
  durationMinutes: number;
  /** The organiser's IANA zone: the series keeps its local wall-clock time across DST changes. */
  timeZone: string;
  cadence: RecurringCadence;
  /** Sessions to produce (skipped dates do not count). Default 6; at most 104. */
  count?: number;
  /** Last local date (organiser's calendar, inclusive) a session may fall on. */
  until?: string;
  /**
   * Monthly only: which weekday of the month — 1…4 (first…fourth) or -1 (last). Default: the first
   * session's, e.g. the 2nd Tuesday; a 5th weekday becomes "last".
   */
  monthlyWeek?: 1 | 2 | 3 | 4 | -1;
  /** Off-limits weekdays and dates in the organiser's calendar (e.g. the agreement's). */
  offLimitsDays?: readonly number[];
  offLimitsDates?: readonly string[];
  /** Everyone else: a session is skipped when it touches an off-limits day or date in their own calendar. */
  participants?: ReadonlyArray<{ id: string; timeZone: string; offLimitsDays?: readonly number[]; offLimitsDates?: readonly string[] }>;
  /** The language of `description`, e.g. `es` (once `registerSpanish()` from `@mentorkit/core/es` has run); default English. */
  locale?: string;
}

export interface Occurrence {
  /** UTC instant. */
  start: string;
  end: string;
  /** The organiser's local start with offset, e.g. `2026-11-03T18:00:00-05:00`. */
  localStart: string;
  /** The organiser's local date `YYYY-MM-DD`. */
  localDate: string;
  /** True when the wall-clock time did not exist that day (a DST gap) and was moved forward. */
  shifted: boolean;
}

export interface SkippedOccurrence {
  localDate: string;
  start: string;
  /** `off-limits-day` or `off-limits-date`, and whose (`participantId`, absent for the organiser's rules). */
  reason: 'off-limits-day' | 'off-limits-date';
  participantId?: string;
}

export interface RecurrenceResult {
  occurrences: Occurrence[];
  skipped: SkippedOccurrence[];
  /** The rule in words, e.g. "Every 2nd Tuesday at 18:00 (America/New_York)". */
  description: string;
  /** The iCalendar RRULE equivalent (without exceptions), e.g. `FREQ=MONTHLY;BYDAY=2TU;COUNT=6`. */
  rrule: string;
}

/**
 * The words of a series (its description, the default session title). Placeholders: `{weekday}`,
 * `{time}`, `{zone}`, `{ordinal}`. `schedulingMessagesFor(locale)` gives another registered language.
 */
export const SCHEDULING_MESSAGES = {
  weekdays: { 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday', 6: 'Saturday', 7: 'Sunday' } as Record<number, string>,
  /** Which weekday of the month: 1…4 and `last` (-1). */
  ordinals: { 1: '1st', 2: '2nd', 3: '3rd', 4: '4th', last: 'last' } as Record<'1' | '2' | '3' | '4' | 'last', string>,
  weekly: 'Every {weekday} at {time} ({zone})',
  fortnightly: 'Every other {weekday} at {time} ({zone})',
  monthly: 'Every {ordinal} {weekday} of the month at {time} ({zone})',
  /** A series whose sessions take turns with the early and late hours (`rotatingSessionTimes`). */
  rotating: {
    weekly: 'Every {weekday}, taking turns with early and late times ({zone})',
    fortnightly: 'Every other {weekday}, taking turns with early and late times ({zone})',
    monthly: 'Every {ordinal} {weekday} of the month, taking turns with early and late times ({zone})',
  },
  /** The title of booked sessions when none is given. */
  sessionTitle: 'Mentoring session',
};
export type SchedulingMessages = typeof SCHEDULING_MESSAGES;

/** The series words for a locale: the catalogue registered for its language (Spanish once `registerSpanish()` has run), else English. */
export function schedulingMessagesFor(locale: string | undefined): SchedulingMessages {
  return languageCatalogue<SchedulingMessages>('scheduling', locale) ?? SCHEDULING_MESSAGES;
}

const ICAL_DAYS = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
export const MAX_SERIES_LENGTH = 104;

function checkDays(value: unknown, path: string): readonly number[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) invalidInput(path, `\`${path}\` must be a list of ISO weekdays, e.g. [5] for Fridays.`);
  value.forEach((day, index) => {
    if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 7)
      invalidInput(`${path}[${index}]`, `\`${path}[${index}]\` must be an ISO weekday, 1 (Monday) to 7 (Sunday).`);
  });
  return value as number[];
}

function checkDates(value: unknown, path: string): ReadonlySet<number> {
  if (value === undefined) return new Set();
  if (!Array.isArray(value)) invalidInput(path, `\`${path}\` must be a list of dates "YYYY-MM-DD".`);
  return new Set(
    value.map((date, index) => {
      if (!isCalendarDate(date)) invalidInput(`${path}[${index}]`, `\`${path}[${index}]\` must be a real calendar date written YYYY-MM-DD.`);
      return epochDayOf(date);
    }),
  );
}

/** Local epoch days touched by `[start, end)` epoch minutes in a zone. */
function localDaysOf(timeZone: string, start: number, end: number): number[] {
  const first = Math.floor((start + offsetAt(timeZone, start)) / 1440);
  const last = Math.floor((end - 1 + offsetAt(timeZone, end - 1)) / 1440);
  const days: number[] = [];
  for (let day = first; day <= last; day++) days.push(day);
  return days;
}

/**
 * The sessions of a recurring series: weekly, fortnightly, or monthly by weekday ("2nd Tuesday"),
 * anchored in the organiser's zone — every session starts at the same local wall-clock time, so a
 * series at 18:00 in New York stays at 18:00 when the clocks change (and moves in UTC). A time that
 * does not exist on a DST-change day is moved forward by the gap (`shifted`). Sessions that touch an
 * off-limits day or date (the organiser's, or any participant's in their own calendar) are skipped
 * and listed in `skipped`; the rhythm continues after them.
 */
export function recurringSessionTimes(request: RecurrenceRequest): RecurrenceResult {
  if (typeof request !== 'object' || request === null)
    invalidInput('', 'recurringSessionTimes needs { firstStart, durationMinutes, timeZone, cadence, count? }.');
  const { firstStart, durationMinutes, timeZone, cadence } = request;
  if (!isInstant(firstStart)) invalidInput('firstStart', '`firstStart` must be an ISO 8601 instant, e.g. "2026-10-06T22:00:00Z".');
  if (typeof durationMinutes !== 'number' || !Number.isInteger(durationMinutes) || durationMinutes < 1 || durationMinutes > 1440)
    invalidInput('durationMinutes', '`durationMinutes` must be a whole number of minutes from 1 to 1440.');
  if (!isTimeZone(timeZone) || !isKnownZone(timeZone))
    invalidInput('timeZone', '`timeZone` must be the organiser\'s IANA time-zone name, e.g. "America/New_York".');
  if (!(RECURRING_CADENCES as readonly string[]).includes(cadence))
    invalidInput('cadence', '`cadence` must be "weekly", "fortnightly" or "monthly" (book ad-hoc sessions one at a time).');
  const count = request.count ?? (request.until === undefined ? 6 : MAX_SERIES_LENGTH);
  if (!Number.isInteger(count) || count < 1 || count > MAX_SERIES_LENGTH)
    invalidInput('count', `\`count\` must be a whole number of sessions from 1 to ${MAX_SERIES_LENGTH}.`);
  if (request.until !== undefined && !isCalendarDate(request.until)) invalidInput('until', '`until` must be a calendar date "YYYY-MM-DD".');
  if (request.monthlyWeek !== undefined && ![1, 2, 3, 4, -1].includes(request.monthlyWeek))
    invalidInput('monthlyWeek', '`monthlyWeek` must be 1, 2, 3, 4 or -1 (last).');
  const offDays = checkDays(request.offLimitsDays, 'offLimitsDays');
  const offDates = checkDates(request.offLimitsDates, 'offLimitsDates');
  const participants = (request.participants ?? []).map((participant, index) => {
    const path = `participants[${index}]`;
    if (typeof participant !== 'object' || participant === null || typeof participant.id !== 'string' || participant.id === '')
      invalidInput(`${path}.id`, `\`${path}\` needs an \`id\`.`);
    if (!isTimeZone(participant.timeZone) || !isKnownZone(participant.timeZone))
      invalidInput(`${path}.timeZone`, `\`${path}.timeZone\` must be an IANA time-zone name.`);
    return {
      id: participant.id,
      timeZone: participant.timeZone,
      days: checkDays(participant.offLimitsDays, `${path}.offLimitsDays`),
      dates: checkDates(participant.offLimitsDates, `${path}.offLimitsDates`),
    };
  });

  const first = DateTime.fromISO(firstStart, { setZone: true }).setZone(timeZone);
  const wall = { hour: first.hour, minute: first.minute };
  const weekday = first.weekday;
  const monthlyWeek = request.monthlyWeek ?? (Math.ceil(first.day / 7) >= 5 ? -1 : (Math.ceil(first.day / 7) as 1 | 2 | 3 | 4));
  const firstDate = first.toISODate()!;
  const untilDay = request.until === undefined ? Number.POSITIVE_INFINITY : epochDayOf(request.until);

  /** Local calendar date of the k-th occurrence. */
  const dateOf = (k: number): DateTime => {
    const day = first.startOf('day');
    if (cadence === 'weekly') return day.plus({ days: 7 * k });
    if (cadence === 'fortnightly') return day.plus({ days: 14 * k });
    const month = day.startOf('month').plus({ months: k });
    if (monthlyWeek === -1) {
      const last = month.endOf('month').startOf('day');
      return last.minus({ days: (last.weekday - weekday + 7) % 7 });
    }
    const firstOfMonth = month.plus({ days: (weekday - month.weekday + 7) % 7 });
    return firstOfMonth.plus({ days: 7 * (monthlyWeek - 1) });
  };

  const occurrences: Occurrence[] = [];
  const skipped: SkippedOccurrence[] = [];
  const maxScan = count * 4 + 60;
  for (let k = 0; k < maxScan && occurrences.length < count; k++) {
    const date = dateOf(k);
    const localDate = date.toISODate()!;
    if (epochDayOf(localDate) > untilDay) break;
    const local = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour: wall.hour, minute: wall.minute }, { zone: timeZone });
    if (localDate < firstDate) continue; // a monthly week chosen before the first session's date
    // The first session is exactly `firstStart` (which may be the second 01:30 of a DST overlap).
    const startMinute = localDate === firstDate ? Math.floor(Date.parse(firstStart) / 60_000) : Math.floor(local.toMillis() / 60_000);
    const end = startMinute + durationMinutes;
    const shifted = local.hour !== wall.hour || local.minute !== wall.minute;
    const startIso = new Date(startMinute * 60_000).toISOString().replace('.000Z', 'Z');
    let reason: SkippedOccurrence | undefined;
    for (const day of localDaysOf(timeZone, startMinute, end)) {
      if (offDates.has(day)) reason = { localDate, start: startIso, reason: 'off-limits-date' };
      else if (offDays.includes(weekdayOfEpochDay(day))) reason = { localDate, start: startIso, reason: 'off-limits-day' };
      if (reason) break;
    }
    for (const participant of participants) {
      if (reason) break;
      for (const day of localDaysOf(participant.timeZone, startMinute, end)) {
        if (participant.dates.has(day)) reason = { localDate, start: startIso, reason: 'off-limits-date', participantId: participant.id };
        else if (participant.days.includes(weekdayOfEpochDay(day)))
          reason = { localDate, start: startIso, reason: 'off-limits-day', participantId: participant.id };
        if (reason) break;
      }
    }
    if (reason) {
      skipped.push(reason);
      continue;
    }
    occurrences.push({
      start: startIso,
      end: new Date(end * 60_000).toISOString().replace('.000Z', 'Z'),
      localStart: localIsoOf(timeZone, startMinute),
      localDate,
      shifted,
    });
  }

  const time = `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
  const zoneText = timeZone.replaceAll('_', ' ');
  const words = schedulingMessagesFor(request.locale);
  const description = formatMessage(words[cadence], {
    weekday: words.weekdays[weekday] ?? '',
    time,
    zone: zoneText,
    ordinal: cadence === 'monthly' ? words.ordinals[monthlyWeek === -1 ? 'last' : (String(monthlyWeek) as '1')] : '',
  });
  const rrule =
    cadence === 'monthly'
      ? `FREQ=MONTHLY;BYDAY=${monthlyWeek}${ICAL_DAYS[weekday]}`
      : `FREQ=WEEKLY;INTERVAL=${cadence === 'fortnightly' ? 2 : 1};BYDAY=${ICAL_DAYS[weekday]}`;
  return { occurrences, skipped, description, rrule: `${rrule};COUNT=${occurrences.length + skipped.length}` };
}
