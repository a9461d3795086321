// Plain checks of the formats core stores (dates, instants, time zones, URLs, working hours), with no
// schema library: what a page needs to read and show records. The valibot schemas built on them are
// in primitives.ts, loaded where records are validated (writes).

/** Weekdays as ISO numbers: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const timeZoneCache = new Map<string, boolean>();

/** True when `name` is an IANA time-zone name this runtime knows (e.g. `Asia/Kathmandu`, `UTC`). */
export function isTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 64) return false;
  const cached = timeZoneCache.get(name);
  if (cached !== undefined) return cached;
  // Offsets like "+05:30" are accepted by some Intl versions but are not IANA names.
  let known = /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name);
  if (known) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
    } catch {
      known = false;
    }
  }
  timeZoneCache.set(name, known);
  return known;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** True for a calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  return isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** True for an ISO 8601 instant with `Z` or an offset, e.g. `2026-03-29T08:00:00Z`, `2026-03-29T10:00+02:00`. */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = INSTANT_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute, second, , offsetHours, offsetMinutes] = match;
  if (!isRealDate(Number(year), Number(month), Number(day))) return false;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return false;
  if (offsetHours !== undefined && (Number(offsetHours) > 18 || Number(offsetMinutes) > 59)) return false;
  return Number.isFinite(Date.parse(value));
}

/** True for an absolute `http:` or `https:` URL. Everything else (javascript:, data:, relative) is refused. */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const TIME_RANGE_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)-(([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** Parses `'09:00-17:30'` into minutes since local midnight `[540, 1050]`; `'24:00'` may end a range. */
export function parseTimeRange(range: string): [start: number, end: number] | undefined {
  const match = TIME_RANGE_PATTERN.exec(range);
  if (!match) return undefined;
  const start = Number(match[1]) * 60 + Number(match[2]);
  const end = match[3] === '24:00' ? 1440 : Number(match[4]) * 60 + Number(match[5]);
  return start < end ? [start, end] : undefined;
}

export type WorkingHours = Partial<Record<Weekday, string[]>>;
