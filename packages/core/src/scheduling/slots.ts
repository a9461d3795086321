import { invalidInput } from '../model/validate.js';
import { isCalendarDate, isInstant, isTimeZone, parseTimeRange, type Weekday } from '../model/formats.js';
import { formatOffset } from '../time/local-time.js';
import { isKnownZone, offsetAt, offsetPieces } from './zone-offsets.js';

/** One person whose calendar a slot must fit. */
export interface SlotParticipant {
  id: string;
  /** IANA zone, e.g. `Asia/Tokyo`. */
  timeZone: string;
  /** Local wall-clock ranges per ISO weekday, e.g. `{ 1: ['09:00-12:00', '13:00-17:30'] }`; `'24:00'` may end a range. */
  workingHours: Partial<Record<Weekday, readonly string[]>>;
  /** Recurring local weekdays that are off-limits (1 = Monday … 7 = Sunday). */
  offLimitsDays?: readonly number[];
  /** Local calendar dates `YYYY-MM-DD` that are off-limits. */
  offLimitsDates?: readonly string[];
  /** Busy intervals (instants); a minute `m` is busy when `start <= m < end`. */
  busy?: ReadonlyArray<{ start: string; end: string }>;
}

export interface FindCommonSlotsRequest {
  participants: readonly SlotParticipant[];
  /** Instant: no slot starts before it. */
  from: string;
  /** Instant: no slot ends after it. */
  to: string;
  durationMinutes: number;
  /** Candidate starts are whole multiples of this many minutes since the Unix epoch. Default 15. */
  stepMinutes?: number;
  /** At most this many slots (the earliest). Default: all. */
  limit?: number | undefined;
}

/** A participant's wall-clock view of a slot: ISO local date-times with their UTC offset. */
export interface LocalSlot {
  /** e.g. `2026-03-30T08:00:00+09:00` */
  start: string;
  end: string;
}

export interface CommonSlot {
  /** UTC instant, e.g. `2026-03-29T23:00:00Z`. */
  start: string;
  /** UTC instant. */
  end: string;
  /** Each participant's local start and end, by participant id. */
  local: Record<string, LocalSlot>;
}

/** Limits that keep one search bounded (documented in docs/scheduling.md). */
export const SLOT_SEARCH_LIMITS = {
  maxParticipants: 50,
  maxWindowDays: 731,
  maxDurationMinutes: 7 * 1440,
  maxStepMinutes: 7 * 1440,
  maxBusyPerParticipant: 10_000,
} as const;

const MINUTE = 60_000;
const DAY_MINUTES = 1440;

/** A sorted list of disjoint half-open intervals of epoch minutes, as a flat array [s0, e0, s1, e1, …]. */
type Intervals = number[];

/** Participant rules in the form the search uses. */
interface CompiledParticipant {
  id: string;
  timeZone: string;
  /** Merged local minute-of-day ranges per weekday index 1..7. */
  ranges: Array<Array<[number, number]>>;
  offDays: boolean[];
  offDates: Set<number>;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function epochDayOf(date: string): number {
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000);
}

/** ISO weekday (1 = Monday) of an epoch day (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(day: number): Weekday {
  return (((((day + 3) % 7) + 7) % 7) + 1) as Weekday;
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));

/** `YYYY-MM-DDTHH:MM:SS` of an epoch minute read as UTC (or as local minutes). */
function wallClock(epochMinute: number): string {
  const date = new Date(epochMinute * MINUTE);
  const year = date.getUTCFullYear();
  const yearText = year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : String(year);
  return `${yearText}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}T${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:00`;
}

/** UTC ISO instant `YYYY-MM-DDTHH:MM:00Z` of an epoch minute. */
export function instantOfEpochMinute(epochMinute: number): string {
  return `${wallClock(epochMinute)}Z`;
}

/** Local ISO date-time with offset (`2026-03-30T08:00:00+09:00`) of an epoch minute in a zone. */
export function localIsoOf(timeZone: string, epochMinute: number): string {
  const offset = offsetAt(timeZone, epochMinute);
  return `${wallClock(epochMinute + offset)}${formatOffset(offset)}`;
}

// ---- validation ------------------------------------------------------------------------------

const describe = (value: unknown) =>
  typeof value === 'string'
    ? JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)
    : Array.isArray(value)
      ? 'a list'
      : value === null
        ? 'null'
        : typeof value === 'object'
          ? 'an object'
          : String(value);

function requireInteger(value: unknown, path: string, min: number, max: number, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    invalidInput(path, `\`${path}\` must be a whole number of ${what} from ${min} to ${max} (got ${describe(value)}).`);
  return value;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Epoch milliseconds of an ISO instant, or NaN. Accepts exactly what `isInstant` accepts, without its
 * extra `Date` allocations (busy lists can hold thousands of instants).
 */
export function instantMs(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  const match = INSTANT.exec(value);
  if (!match) return Number.NaN;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const leap = month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return Number.NaN;
  let offset = 0;
  if (match[8] !== 'Z') {
    const offsetHours = Number(match[10]);
    const offsetMinutes = Number(match[11]);
    if (offsetHours > 18 || offsetMinutes > 59) return Number.NaN;
    offset = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  }
  const fraction = match[7] === undefined ? 0 : Math.floor(Number(match[7]) * 1000);
  const date = Date.UTC(year, month - 1, day, hour, minute, second) + fraction - offset * MINUTE;
  // Date.UTC maps years 0-99 to 1900-1999; isInstant (Date.parse) does not.
  return year < 100 ? (isInstant(value) ? Date.parse(value) : Number.NaN) : date;
}

function requireInstant(value: unknown, path: string): number {
  const ms = instantMs(value);
  if (Number.isNaN(ms))
    invalidInput(path, `\`${path}\` must be an ISO 8601 instant with "Z" or an offset, e.g. "2026-03-29T08:00:00Z" (got ${describe(value)}).`);
  return ms;
}

function compileParticipant(input: unknown, index: number, seenIds: Set<string>): { compiled: CompiledParticipant; busy: Array<[number, number]> } {
  const path = `participants[${index}]`;
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    invalidInput(path, `\`${path}\` must be an object { id, timeZone, workingHours, offLimitsDays?, offLimitsDates?, busy? }.`);
  const participant = input as Partial<SlotParticipant>;
  if (typeof participant.id !== 'string' || participant.id.trim() === '' || participant.id.length > 200)
    invalidInput(`${path}.id`, `\`${path}.id\` must be a non-empty string that names the participant (got ${describe(participant.id)}).`);
  if (seenIds.has(participant.id)) invalidInput(`${path}.id`, `\`${path}.id\` repeats "${participant.id}"; every participant needs their own id.`);
  seenIds.add(participant.id);
  if (!isTimeZone(participant.timeZone) || !isKnownZone(participant.timeZone))
    invalidInput(
      `${path}.timeZone`,
      `\`${path}.timeZone\` must be an IANA time-zone name such as "Asia/Tokyo" or "America/New_York" (got ${describe(participant.timeZone)}).`,
    );

  const workingHours = participant.workingHours;
  if (typeof workingHours !== 'object' || workingHours === null || Array.isArray(workingHours))
    invalidInput(
      `${path}.workingHours`,
      `\`${path}.workingHours\` must map ISO weekdays (1 = Monday … 7 = Sunday) to lists of "HH:MM-HH:MM" ranges, e.g. { 1: ["09:00-17:00"] }.`,
    );
  const ranges: Array<Array<[number, number]>> = Array.from({ length: 8 }, () => []);
  for (const [key, list] of Object.entries(workingHours)) {
    const keyPath = `${path}.workingHours.${key}`;
    if (!/^[1-7]$/.test(key))
      invalidInput(keyPath, `\`${path}.workingHours\` keys must be ISO weekdays 1 (Monday) to 7 (Sunday) (got ${JSON.stringify(key)}).`);
    if (list === undefined) continue;
    if (!Array.isArray(list)) invalidInput(keyPath, `\`${keyPath}\` must be a list of "HH:MM-HH:MM" ranges such as ["09:00-12:00", "13:00-17:30"].`);
    if (list.length > 48) invalidInput(keyPath, `\`${keyPath}\` must have at most 48 ranges.`);
    const day: Array<[number, number]> = [];
    list.forEach((range: unknown, rangeIndex: number) => {
      const parsed = typeof range === 'string' ? parseTimeRange(range) : undefined;
      if (!parsed)
        invalidInput(
          `${keyPath}[${rangeIndex}]`,
          `\`${keyPath}[${rangeIndex}]\` must be a local time range "HH:MM-HH:MM" with start before end, e.g. "09:00-17:30" ('24:00' may end a range) (got ${describe(range)}).`,
        );
      day.push(parsed);
    });
    // Overlapping or touching ranges are merged: a minute counts when it is inside any range.
    day.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const range of day) {
      const last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push([range[0], range[1]]);
    }
    ranges[Number(key)] = merged;
  }

  const offDays = Array.from({ length: 8 }, () => false);
  if (participant.offLimitsDays !== undefined) {
    if (!Array.isArray(participant.offLimitsDays))
      invalidInput(`${path}.offLimitsDays`, `\`${path}.offLimitsDays\` must be a list of ISO weekdays, e.g. [5] for Fridays.`);
    participant.offLimitsDays.forEach((day: unknown, dayIndex: number) => {
      if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 7)
        invalidInput(
          `${path}.offLimitsDays[${dayIndex}]`,
          `\`${path}.offLimitsDays[${dayIndex}]\` must be an ISO weekday, 1 (Monday) to 7 (Sunday) (got ${describe(day)}).`,
        );
      offDays[day] = true;
    });
  }
  const offDates = new Set<number>();
  if (participant.offLimitsDates !== undefined) {
    if (!Array.isArray(participant.offLimitsDates))
      invalidInput(`${path}.offLimitsDates`, `\`${path}.offLimitsDates\` must be a list of local dates "YYYY-MM-DD".`);
    if (participant.offLimitsDates.length > 5000) invalidInput(`${path}.offLimitsDates`, `\`${path}.offLimitsDates\` must have at most 5000 dates.`);
    participant.offLimitsDates.forEach((date: unknown, dateIndex: number) => {
      if (!isCalendarDate(date))
        invalidInput(
          `${path}.offLimitsDates[${dateIndex}]`,
          `\`${path}.offLimitsDates[${dateIndex}]\` must be a real calendar date written YYYY-MM-DD, e.g. "2026-12-25" (got ${describe(date)}).`,
        );
      offDates.add(epochDayOf(date));
    });
  }
  const busy: Array<[number, number]> = [];
  if (participant.busy !== undefined) {
    if (!Array.isArray(participant.busy)) invalidInput(`${path}.busy`, `\`${path}.busy\` must be a list of { start, end } instants.`);
    if (participant.busy.length > SLOT_SEARCH_LIMITS.maxBusyPerParticipant)
      invalidInput(`${path}.busy`, `\`${path}.busy\` must have at most ${SLOT_SEARCH_LIMITS.maxBusyPerParticipant} intervals.`);
    participant.busy.forEach((interval: unknown, busyIndex: number) => {
      const busyPath = `${path}.busy[${busyIndex}]`;
      if (typeof interval !== 'object' || interval === null) invalidInput(busyPath, `\`${busyPath}\` must be an object { start, end } with two instants.`);
      const start = requireInstant((interval as { start?: unknown }).start, `${busyPath}.start`);
      const end = requireInstant((interval as { end?: unknown }).end, `${busyPath}.end`);
      if (end < start) invalidInput(`${busyPath}.end`, `\`${busyPath}.end\` must not be before its start.`);
      // Minutes m with start <= m < end: from ceil(start) to ceil(end) (exclusive).
      const first = Math.ceil(start / MINUTE);
      const last = Math.ceil(end / MINUTE);
      if (last > first) busy.push([first, last]);
    });
  }
  return { compiled: { id: participant.id, timeZone: participant.timeZone, ranges, offDays, offDates }, busy };
}

interface CompiledRequest {
  participants: CompiledParticipant[];
  busy: Array<[number, number]>;
  /** First and last allowed candidate start (epoch minutes, multiples of step). */
  firstStart: number;
  lastStart: number;
  duration: number;
  step: number;
  limit: number;
}

function compileRequest(request: unknown): CompiledRequest {
  if (typeof request !== 'object' || request === null || Array.isArray(request))
    invalidInput('', 'findCommonSlots needs a request { participants, from, to, durationMinutes, stepMinutes?, limit? }.');
  const input = request as Partial<FindCommonSlotsRequest>;
  if (!Array.isArray(input.participants) || input.participants.length === 0)
    invalidInput('participants', '`participants` must be a list of at least one person { id, timeZone, workingHours } (usually 2 to 5).');
  if (input.participants.length > SLOT_SEARCH_LIMITS.maxParticipants)
    invalidInput('participants', `\`participants\` must have at most ${SLOT_SEARCH_LIMITS.maxParticipants} people.`);
  const from = requireInstant(input.from, 'from');
  const to = requireInstant(input.to, 'to');
  if (to < from) invalidInput('to', '`to` must not be before `from`.');
  if ((to - from) / 86_400_000 > SLOT_SEARCH_LIMITS.maxWindowDays)
    invalidInput('to', `The search window from \`from\` to \`to\` must be at most ${SLOT_SEARCH_LIMITS.maxWindowDays} days; search in smaller windows.`);
  const duration = requireInteger(input.durationMinutes, 'durationMinutes', 1, SLOT_SEARCH_LIMITS.maxDurationMinutes, 'minutes');
  const step = input.stepMinutes === undefined ? 15 : requireInteger(input.stepMinutes, 'stepMinutes', 1, SLOT_SEARCH_LIMITS.maxStepMinutes, 'minutes');
  const limit = input.limit === undefined ? Number.POSITIVE_INFINITY : requireInteger(input.limit, 'limit', 0, Number.MAX_SAFE_INTEGER, 'slots');
  const seen = new Set<string>();
  const participants: CompiledParticipant[] = [];
  const busy: Array<[number, number]> = [];
  input.participants.forEach((participant, index) => {
    const compiled = compileParticipant(participant, index, seen);
    participants.push(compiled.compiled);
    for (const interval of compiled.busy) busy.push(interval);
  });
  const firstStart = Math.ceil(from / (step * MINUTE)) * step;
  const lastStart = Math.floor((to - duration * MINUTE) / (step * MINUTE)) * step;
  return { participants, busy, firstStart, lastStart, duration, step, limit };
}

// ---- interval maths in epoch minutes ----------------------------------------------------------

/** Minutes in `[start, end)` when the participant is available (working hours, not off-limits). */
function availableMinutes(participant: CompiledParticipant, start: number, end: number): Intervals {
  const result: Intervals = [];
  const push = (from: number, to: number) => {
    if (to <= from) return;
    const last = result.length - 1;
    if (last > 0 && result[last] === from) result[last] = to;
    else result.push(from, to);
  };
  for (const piece of offsetPieces(participant.timeZone, start, end)) {
    const offset = piece.offset;
    const localStart = piece.start + offset;
    const localEnd = piece.end + offset;
    const lastDay = Math.floor((localEnd - 1) / DAY_MINUTES);
    for (let day = Math.floor(localStart / DAY_MINUTES); day <= lastDay; day++) {
      if (participant.offDates.has(day)) continue;
      const weekday = weekdayOfEpochDay(day);
      if (participant.offDays[weekday]) continue;
      const dayStart = day * DAY_MINUTES;
      for (const [rangeStart, rangeEnd] of participant.ranges[weekday]!) {
        const from = Math.max(dayStart + rangeStart, localStart);
        const to = Math.min(dayStart + rangeEnd, localEnd);
        push(from - offset, to - offset);
      }
    }
  }
  return result;
}

function intersect(a: Intervals, b: Intervals): Intervals {
  const result: Intervals = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!, b[j]!);
    const end = Math.min(a[i + 1]!, b[j + 1]!);
    if (start < end) result.push(start, end);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return result;
}

function subtract(free: Intervals, busy: Array<[number, number]>): Intervals {
  if (busy.length === 0) return free;
  busy.sort((x, y) => x[0] - y[0]);
  const result: Intervals = [];
  let j = 0;
  for (let i = 0; i < free.length; i += 2) {
    let start = free[i]!;
    const end = free[i + 1]!;
    while (j < busy.length && busy[j]![1] <= start) j++;
    let k = j;
    while (start < end && k < busy.length && busy[k]![0] < end) {
      const [busyStart, busyEnd] = busy[k]!;
      if (busyStart > start) result.push(start, busyStart);
      if (busyEnd > start) start = busyEnd;
      k++;
    }
    if (start < end) result.push(start, end);
  }
  return result;
}

/**
 * The free stretches (epoch minutes) shared by everyone within the search window, and the compiled
 * request. Exposed for `suggestMeetingTimes` and the element's "how much overlap" hint.
 */
export function commonFreeMinutes(request: FindCommonSlotsRequest): { free: Intervals; compiled: CompiledRequest } {
  const compiled = compileRequest(request);
  if (compiled.lastStart < compiled.firstStart || compiled.limit === 0) return { free: [], compiled };
  const windowStart = compiled.firstStart;
  const windowEnd = compiled.lastStart + compiled.duration;
  let free: Intervals = [windowStart, windowEnd];
  for (const participant of compiled.participants) {
    free = intersect(free, availableMinutes(participant, windowStart, windowEnd));
    if (free.length === 0) break;
  }
  return { free: subtract(free, compiled.busy), compiled };
}

/**
 * Common free slots of 2–5 people (up to 50) in their own time zones — see the contract in
 * docs/DESIGN.md. A candidate start `t` is a whole multiple of `stepMinutes` since the Unix epoch
 * with `from <= t` and `t + durationMinutes <= to`; it is returned when, for every participant and
 * every minute `m` in `[t, t + duration)`, their local wall-clock time at `m` is inside one of that
 * local weekday's working-hours ranges (start inclusive, end exclusive), the local weekday and the
 * local date are not off-limits, and `m` is in none of the busy intervals.
 *
 * Slots come in chronological order with UTC `start`/`end` and each participant's local start and
 * end with their offset. Offsets come from luxon's zone rules, cached per zone and half day, and
 * the rest is interval arithmetic in epoch minutes, so DST changes and offsets such as +05:45,
 * +13:00 or Lord Howe's 30-minute DST need no special cases.
 *
 * ```ts
 * findCommonSlots({
 *   participants: [
 *     { id: 'kenji', timeZone: 'Asia/Tokyo', workingHours: { 1: ['08:00-12:00'], 2: ['08:00-12:00'] } },
 *     { id: 'sarah', timeZone: 'America/New_York', workingHours: { 1: ['17:00-21:00'], 2: ['17:00-21:00'] }, offLimitsDays: [5] },
 *   ],
 *   from: '2026-10-05T00:00:00Z', to: '2026-10-19T00:00:00Z', durationMinutes: 45,
 * });
 * ```
 *
 * @throws MentorKitError `invalid-input` (with `path`) when the request is malformed.
 */
export function findCommonSlots(request: FindCommonSlotsRequest): CommonSlot[] {
  const { free, compiled } = commonFreeMinutes(request);
  const starts = slotStarts(free, compiled);
  return starts.map((start) => slotAt(start, compiled.duration, compiled.participants));
}

/** Candidate starts on the grid that fit inside the free stretches. */
export function slotStarts(free: Intervals, compiled: Pick<CompiledRequest, 'firstStart' | 'lastStart' | 'duration' | 'step' | 'limit'>): number[] {
  const starts: number[] = [];
  const { step, duration, limit } = compiled;
  for (let index = 0; index < free.length && starts.length < limit; index += 2) {
    const first = Math.max(Math.ceil(free[index]! / step) * step, compiled.firstStart);
    const last = Math.min(free[index + 1]! - duration, compiled.lastStart);
    for (let start = first; start <= last && starts.length < limit; start += step) starts.push(start);
  }
  return starts;
}

/** Builds the public slot object for a start (epoch minutes). */
export function slotAt(start: number, duration: number, participants: ReadonlyArray<{ id: string; timeZone: string }>): CommonSlot {
  const local: Record<string, LocalSlot> = {};
  for (const participant of participants) {
    // defineProperty: an id such as "__proto__" stays an ordinary key.
    Object.defineProperty(local, participant.id, {
      value: { start: localIsoOf(participant.timeZone, start), end: localIsoOf(participant.timeZone, start + duration) },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { start: instantOfEpochMinute(start), end: instantOfEpochMinute(start + duration), local };
}
