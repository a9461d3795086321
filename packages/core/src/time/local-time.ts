import { MentorKitError } from '../model/errors.js';
import { isCalendarDate, isInstant, isTimeZone, parseTimeRange, type Weekday, type WorkingHours } from '../model/formats.js';

/** A wall-clock reading of an instant in one time zone. */
export interface LocalTime {
  timeZone: string;
  /** Local calendar date `YYYY-MM-DD`. */
  date: string;
  /** Local wall-clock time `HH:MM` (24-hour). */
  time: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: Weekday;
  /** Minutes since local midnight. */
  minuteOfDay: number;
  /** UTC offset in minutes, e.g. 345 for Asia/Kathmandu, -240 for New York in summer. */
  offsetMinutes: number;
  /** Offset as `+05:45` / `-04:00`. */
  offset: string;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAY_NUMBERS: Record<string, Weekday> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Formats an offset in minutes as `+05:45`. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/**
 * The wall-clock date, time, weekday and UTC offset of `instant` in `timeZone`, using the
 * runtime's time-zone database (Intl). No luxon, so it stays in the small core bundle.
 */
export function localTimeOf(timeZone: string, instant: string | Date): LocalTime {
  if (!isTimeZone(timeZone))
    throw new MentorKitError('invalid-input', `\`timeZone\` must be an IANA time-zone name such as "Asia/Tokyo" (got ${JSON.stringify(timeZone)}).`, {
      path: 'timeZone',
    });
  if (typeof instant === 'string' && !isInstant(instant))
    throw new MentorKitError('invalid-input', `\`instant\` must be an ISO 8601 instant such as "2026-03-29T08:00:00Z" (got ${JSON.stringify(instant)}).`, {
      path: 'instant',
    });
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (!(date instanceof Date) || Number.isNaN(date.getTime()))
    throw new MentorKitError('invalid-input', '`instant` must be a valid date.', { path: 'instant' });
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) parts[part.type] = part.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  const second = Number(parts.second);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const offsetMinutes = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  return {
    timeZone,
    date: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`,
    time: `${pad(hour)}:${pad(minute)}`,
    weekday: WEEKDAY_NUMBERS[parts.weekday ?? ''] ?? 1,
    minuteOfDay: hour * 60 + minute,
    offsetMinutes,
    offset: formatOffset(offsetMinutes),
  };
}

/** What someone's calendar says about a moment: `no-hours` when they have not set any working hours. */
export type Availability = 'working' | 'outside' | 'off-limits' | 'no-hours';

/** The parts of a profile or agreement participant that say when someone can be reached. */
export interface AvailabilityRules {
  workingHours?: WorkingHours | undefined;
  offLimitsDays?: readonly number[] | undefined;
  offLimitsDates?: readonly string[] | undefined;
}

function rangesOn(workingHours: WorkingHours | undefined, weekday: Weekday): readonly string[] {
  return workingHours?.[weekday] ?? (workingHours as Record<string, string[]> | undefined)?.[String(weekday)] ?? [];
}

/**
 * Classifies a local reading against a person's rules: an off-limits weekday or date wins, then
 * working hours (start inclusive, end exclusive); `no-hours` when no working hours are set at all.
 */
export function availabilityAt(local: LocalTime, rules: AvailabilityRules): Availability {
  if (rules.offLimitsDays?.includes(local.weekday) || rules.offLimitsDates?.includes(local.date)) return 'off-limits';
  const hasHours = Object.values(rules.workingHours ?? {}).some((ranges) => Array.isArray(ranges) && ranges.length > 0);
  if (!hasHours) return 'no-hours';
  for (const range of rangesOn(rules.workingHours, local.weekday)) {
    const parsed = parseTimeRange(range);
    if (parsed && local.minuteOfDay >= parsed[0] && local.minuteOfDay < parsed[1]) return 'working';
  }
  return 'outside';
}

/**
 * Whether a local reading falls inside the person's working hours (start inclusive, end exclusive)
 * on a day that is not off-limits.
 */
export function isWithinWorkingHours(local: LocalTime, rules: AvailabilityRules): boolean {
  return availabilityAt(local, rules) === 'working';
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`): `1` when `to` is the next day. */
export function daysBetween(from: string, to: string): number {
  for (const [path, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isCalendarDate(value))
      throw new MentorKitError('invalid-input', `\`${path}\` must be a calendar date written YYYY-MM-DD (got ${JSON.stringify(value)}).`, { path });
  }
  const toUtc = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}
