import { MentorKitError } from '../model/errors.js';
import { isInstant, isTimeZone, parseTimeRange, type Weekday, type WorkingHours } from '../model/primitives.js';

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
  if (!isTimeZone(timeZone)) throw new MentorKitError('invalid-input', `\`timeZone\` must be an IANA time-zone name such as "Asia/Tokyo" (got ${JSON.stringify(timeZone)}).`, { path: 'timeZone' });
  if (typeof instant === 'string' && !isInstant(instant)) throw new MentorKitError('invalid-input', `\`instant\` must be an ISO 8601 instant such as "2026-03-29T08:00:00Z" (got ${JSON.stringify(instant)}).`, { path: 'instant' });
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new MentorKitError('invalid-input', '`instant` must be a valid date.', { path: 'instant' });
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

/**
 * Whether a local reading falls inside the person's working hours (start inclusive, end exclusive)
 * on a day that is not off-limits.
 */
export function isWithinWorkingHours(local: LocalTime, availability: { workingHours?: WorkingHours; offLimitsDays?: readonly number[]; offLimitsDates?: readonly string[] }): boolean {
  if (availability.offLimitsDays?.includes(local.weekday)) return false;
  if (availability.offLimitsDates?.includes(local.date)) return false;
  const ranges = availability.workingHours?.[local.weekday] ?? (availability.workingHours as Record<string, string[]> | undefined)?.[String(local.weekday)] ?? [];
  for (const range of ranges) {
    const parsed = parseTimeRange(range);
    if (parsed && local.minuteOfDay >= parsed[0] && local.minuteOfDay < parsed[1]) return true;
  }
  return false;
}
