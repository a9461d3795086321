import { DateTime, IANAZone } from 'luxon';
import { parseTimeRange } from '../model/formats.js';

/**
 * Weekly working-hours overlap of two people in different time zones, computed — not guessed from
 * offsets. Each person's working hours (local wall-clock ranges per ISO weekday, minus off-limits
 * weekdays) are placed on the calendar of a reference week, converted to UTC with the zone rules of
 * that week (luxon), and laid on a cyclic UTC week (so a Monday morning in Tokyo meets a Sunday
 * evening in New York). The intersection gives the real hours per week both are working.
 */

const WEEK = 7 * 24 * 60;
const cache = new WeakMap<object, Map<string, { key: string; intervals: Interval[] }>>();

/** A UTC interval in minutes since the start of the cyclic UTC week (Monday 00:00 UTC). */
export type Interval = [start: number, end: number];

export interface AvailabilityProfile {
  timeZone?: string | undefined;
  workingHours?: Partial<Record<number | string, readonly string[]>> | undefined;
  offLimitsDays?: readonly number[] | undefined;
}

/** The default reference week (a Monday): a week without daylight-saving changes on either hemisphere's usual dates. */
export const DEFAULT_REFERENCE_WEEK = '2026-06-15';

/** Working intervals of a person on the cyclic UTC week, sorted and merged. */
export function weeklyUtcIntervals(profile: AvailabilityProfile, referenceWeek = DEFAULT_REFERENCE_WEEK): Interval[] {
  const timeZone = profile.timeZone ?? 'UTC';
  // cached per profile object and week (profiles are treated as immutable values; the zone guards the common mutation)
  let perWeek = cache.get(profile);
  const hit = perWeek?.get(referenceWeek);
  if (hit && hit.key === timeZone) return hit.intervals;
  const key = timeZone;
  const monday = DateTime.fromISO(referenceWeek, { zone: 'UTC' }).startOf('week'); // ISO weeks start on Monday
  const weekStartUtc = monday.toMillis();
  const off = new Set(profile.offLimitsDays ?? []);
  const pieces: Interval[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    if (off.has(weekday)) continue;
    const ranges = profile.workingHours?.[weekday] ?? profile.workingHours?.[String(weekday)] ?? [];
    const day = monday.plus({ days: weekday - 1 });
    for (const range of ranges) {
      const parsed = parseTimeRange(range);
      if (!parsed) continue;
      const toUtcMinute = (minuteOfDay: number) => {
        const local = DateTime.fromObject(
          { year: day.year, month: day.month, day: day.day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 },
          { zone: timeZone },
        );
        const instant =
          minuteOfDay === 1440 ? DateTime.fromObject({ year: day.year, month: day.month, day: day.day }, { zone: timeZone }).plus({ days: 1 }) : local;
        return Math.round((instant.toMillis() - weekStartUtc) / 60_000);
      };
      const start = toUtcMinute(parsed[0]);
      const end = toUtcMinute(parsed[1]);
      if (end <= start) continue;
      // wrap onto the cyclic week
      let s = ((start % WEEK) + WEEK) % WEEK;
      let e = s + (end - start);
      if (e > WEEK) {
        pieces.push([s, WEEK]);
        s = 0;
        e -= WEEK;
      }
      pieces.push([s, e]);
    }
  }
  pieces.sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && piece[0] <= last[1]) last[1] = Math.max(last[1], piece[1]);
    else merged.push([piece[0], piece[1]]);
  }
  if (!perWeek) cache.set(profile, (perWeek = new Map()));
  perWeek.set(referenceWeek, { key, intervals: merged });
  return merged;
}

/** Intersection of two sorted, merged interval lists. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]![0], b[j]![0]);
    const end = Math.min(a[i]![1], b[j]![1]);
    if (start < end) out.push([start, end]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

export interface OverlapWindow {
  /** ISO weekdays (of the first person) on which this window recurs. */
  weekdays: number[];
  /** Local wall-clock start and end for each person, `HH:MM`. */
  first: { start: string; end: string; dayShift: number };
  second: { start: string; end: string; dayShift: number };
  minutesPerDay: number;
}

/** Minutes per week both people work, and the shared windows grouped by identical local times. */
export function weeklyOverlap(
  first: AvailabilityProfile,
  second: AvailabilityProfile,
  referenceWeek = DEFAULT_REFERENCE_WEEK,
  options: { windows?: boolean } = {},
): { minutes: number; windows: OverlapWindow[] } {
  const shared = intersect(weeklyUtcIntervals(first, referenceWeek), weeklyUtcIntervals(second, referenceWeek));
  let minutes = 0;
  for (const [start, end] of shared) minutes += end - start;
  if (minutes === 0 || options.windows === false) return { minutes, windows: [] };
  const weekStart = DateTime.fromISO(referenceWeek, { zone: 'UTC' }).startOf('week').toMillis();
  const groups = new Map<string, OverlapWindow>();
  const firstZone = first.timeZone ?? 'UTC';
  const secondZone = second.timeZone ?? 'UTC';
  for (const [start, end] of shared) {
    const a0 = localAt(firstZone, weekStart, start);
    const a1 = localAt(firstZone, weekStart, end);
    const b0 = localAt(secondZone, weekStart, start);
    const b1 = localAt(secondZone, weekStart, end);
    const dayShift = b0.day - a0.day;
    const endText = (time: LocalPoint, startTime: LocalPoint) => (time.day === startTime.day ? hhmm(time.minuteOfDay) : '24:00');
    const firstPart = { start: hhmm(a0.minuteOfDay), end: endText(a1, a0), dayShift: 0 };
    const secondPart = { start: hhmm(b0.minuteOfDay), end: endText(b1, b0), dayShift };
    const groupKey = `${firstPart.start}-${firstPart.end}|${secondPart.start}-${secondPart.end}|${dayShift}`;
    const weekday = (((a0.day % 7) + 7) % 7) + 1;
    const group = groups.get(groupKey);
    if (group) group.weekdays.push(weekday);
    else groups.set(groupKey, { weekdays: [weekday], first: firstPart, second: secondPart, minutesPerDay: end - start });
  }
  const windows = [...groups.values()].sort(
    (a, b) => b.weekdays.length * b.minutesPerDay - a.weekdays.length * a.minutesPerDay || a.weekdays[0]! - b.weekdays[0]!,
  );
  for (const window of windows) window.weekdays.sort((a, b) => a - b);
  return { minutes, windows };
}

interface LocalPoint {
  /** Days since the reference Monday (may be -1 or 7 at the edges of the week). */
  day: number;
  minuteOfDay: number;
}

const offsetSlots = new Map<string, Int16Array>();
const UNKNOWN = 32767;
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Local day and minute of a minute of the reference week, with zone offsets cached per 15-minute slot. */
function localAt(zone: string, weekStart: number, minute: number): LocalPoint {
  const key = `${zone}|${weekStart}`;
  let slots = offsetSlots.get(key);
  if (!slots) {
    slots = new Int16Array(WEEK / 15 + 1).fill(UNKNOWN);
    offsetSlots.set(key, slots);
    if (offsetSlots.size > 1000) offsetSlots.delete(offsetSlots.keys().next().value!);
  }
  const slot = Math.min(slots.length - 1, Math.floor(minute / 15));
  let offset = slots[slot]!;
  if (offset === UNKNOWN) slots[slot] = offset = IANAZone.create(zone).offset(weekStart + slot * 15 * 60_000);
  const local = minute + offset;
  const day = Math.floor(local / 1440);
  return { day, minuteOfDay: local - day * 1440 };
}
