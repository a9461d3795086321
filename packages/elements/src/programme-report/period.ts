/**
 * The period picker's presets as calendar dates, from "today" in the report's time zone. Pure date
 * arithmetic on `YYYY-MM-DD` (no time zones after `todayIn`), so a preset never slips a day.
 */

export const PERIOD_PRESETS = ['this-month', 'last-month', 'this-quarter', 'last-quarter', 'year-to-date', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const CALENDAR_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True for a real calendar date `YYYY-MM-DD` (not 2026-02-30). */
export function isCalendarDateText(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return day <= daysInMonth(year, month);
}

/** Today's date `YYYY-MM-DD` at `instant` in `timeZone` (UTC when the zone is unknown). */
export function todayIn(instant: string, timeZone: string): string {
  const date = new Date(instant);
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (value: number) => String(value).padStart(2, '0');
const dateOf = (year: number, month: number, day: number) => `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;

/** The dates of a preset (not `custom`) for `today`. */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const quarterStart = Math.floor((month - 1) / 3) * 3 + 1;
  switch (preset) {
    case 'this-month':
      return { from: dateOf(year, month, 1), to: today };
    case 'last-month': {
      const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
      return { from: dateOf(y, m, 1), to: dateOf(y, m, daysInMonth(y, m)) };
    }
    case 'this-quarter':
      return { from: dateOf(year, quarterStart, 1), to: today };
    case 'last-quarter': {
      const [y, start] = quarterStart === 1 ? [year - 1, 10] : [year, quarterStart - 3];
      return { from: dateOf(y, start, 1), to: dateOf(y, start + 2, daysInMonth(y, start + 2)) };
    }
    case 'year-to-date':
      return { from: dateOf(year, 1, 1), to: today };
  }
}
