import { isCalendarDate, isInstant } from '../model/formats.js';
import { invalidInput } from '../model/validate.js';
import { localTimeOf } from '../time/local-time.js';

const toUtcMidnight = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/** Whole days from `from` to `to` (calendar dates); negative when `to` is earlier. */
export function dayDiff(from: string, to: string): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / 86_400_000);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(toUtcMidnight(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The calendar date of `now` — an ISO instant (read in `timeZone`, default UTC) or already a
 * calendar date — validated; `path` names it in the error.
 */
export function calendarDateOf(now: unknown, timeZone: string | undefined, path: string): string {
  if (isCalendarDate(now)) return now;
  if (isInstant(now)) return localTimeOf(timeZone ?? 'UTC', now).date;
  if (now instanceof Date && !Number.isNaN(now.getTime())) return localTimeOf(timeZone ?? 'UTC', now).date;
  return invalidInput(path, `\`${path}\` must be an ISO instant such as "2026-10-14T09:00:00Z" or a calendar date "2026-10-14" (got ${JSON.stringify(now)}).`);
}
