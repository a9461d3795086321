import { isCalendarDate, isTimeZone } from '../model/formats.js';
import { invalidInput } from '../model/validate.js';
import { localTimeOf } from '../time/local-time.js';
import type { ReportPeriod } from './types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function utcMidnight(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** The calendar date after `date` (`YYYY-MM-DD`). */
export function nextDate(date: string): string {
  return new Date(utcMidnight(date) + 24 * HOUR).toISOString().slice(0, 10);
}

/**
 * The first instant (ms) whose local date in `timeZone` is `date` or later: local midnight, or the
 * first minute of the day when a daylight-saving change skips midnight. Found by bisection over the
 * ±14 h band where it must lie, to the minute.
 */
export function startOfLocalDay(date: string, timeZone: string): number {
  if (timeZone === 'UTC') return utcMidnight(date);
  let low = utcMidnight(date) - 15 * HOUR; // local date is before `date` here
  let high = utcMidnight(date) + 15 * HOUR; // and `date` or later here
  while (high - low > MINUTE) {
    const middle = low + Math.floor((high - low) / MINUTE / 2) * MINUTE;
    if (localTimeOf(timeZone, new Date(middle)).date >= date) high = middle;
    else low = middle;
  }
  return high;
}

/** The period as half-open instants `[fromMs, toMs)`: from the start of `from` to the start of the day after `to`, in `timeZone`. */
export interface PeriodBounds {
  fromMs: number;
  toMs: number;
  /** Months of the period, `YYYY-MM`, with the instant each starts (the first clipped to `fromMs`). */
  months: Array<{ month: string; startMs: number }>;
}

export function checkPeriod(period: unknown, path = 'period'): ReportPeriod {
  if (typeof period !== 'object' || period === null) invalidInput(path, `\`${path}\` must be { from, to }: calendar dates written YYYY-MM-DD, both inclusive.`);
  const { from, to } = period as Record<string, unknown>;
  if (!isCalendarDate(from)) invalidInput(`${path}.from`, `\`${path}.from\` must be a calendar date written YYYY-MM-DD (got ${JSON.stringify(from)}).`);
  if (!isCalendarDate(to)) invalidInput(`${path}.to`, `\`${path}.to\` must be a calendar date written YYYY-MM-DD (got ${JSON.stringify(to)}).`);
  if (to < from) invalidInput(`${path}.to`, `\`${path}.to\` (${to}) must be on or after \`${path}.from\` (${from}).`);
  if (utcMidnight(to) - utcMidnight(from) > 3660 * 24 * HOUR)
    invalidInput(`${path}.to`, `The period must be at most ten years long (${from} to ${to} is longer).`);
  return { from, to };
}

export function checkTimeZone(timeZone: unknown, path = 'timeZone'): string {
  if (timeZone === undefined) return 'UTC';
  if (!isTimeZone(timeZone)) invalidInput(path, `\`${path}\` must be an IANA time-zone name such as "Europe/Madrid" (got ${JSON.stringify(timeZone)}).`);
  return timeZone;
}

export function periodBounds(period: ReportPeriod, timeZone: string): PeriodBounds {
  const fromMs = startOfLocalDay(period.from, timeZone);
  const toMs = startOfLocalDay(nextDate(period.to), timeZone);
  const months: PeriodBounds['months'] = [{ month: period.from.slice(0, 7), startMs: fromMs }];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  for (;;) {
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
    const first = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
    if (first > period.to) break;
    months.push({ month: first.slice(0, 7), startMs: startOfLocalDay(first, timeZone) });
  }
  return { fromMs, toMs, months };
}

/** The index in `months` of the month containing `at` (which must be inside the period). */
export function monthIndexOf(months: PeriodBounds['months'], at: number): number {
  let low = 0;
  let high = months.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (months[middle]!.startMs <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}
