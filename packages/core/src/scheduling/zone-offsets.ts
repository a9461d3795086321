import { invalidInput } from '../model/validate.js';
import { IANAZone } from 'luxon';

/**
 * UTC offsets of IANA zones, from luxon's zone rules, cached per zone and day.
 *
 * A time-zone lookup costs a few microseconds (luxon asks `Intl.DateTimeFormat`), which is the
 * whole cost of a slot search done naively. So each zone is sampled once per UTC day (at 00:00)
 * and, where two consecutive samples differ, the change is found to the minute by bisection and
 * cached too. Offsets are whole minutes (floored; only pre-1900 local mean times have seconds).
 *
 * Assumes at most one offset change per zone in any UTC day. Checked for every zone the runtime
 * knows from 1970 to 2040 (sampled every 6 hours): no two changes are even 3 days apart.
 */

/** Minutes in one sampling window (a UTC day). */
export const SAMPLE_MINUTES = 1440;

interface ZoneCache {
  zone: IANAZone;
  /** Offset at the start of window k (k * 720 epoch minutes). */
  samples: Map<number, number>;
  /** Epoch minute of the transition inside window k, when its two samples differ. */
  transitions: Map<number, number>;
}

const caches = new Map<string, ZoneCache>();
const MAX_CACHED_WINDOWS = 200_000;

function cacheFor(timeZone: string): ZoneCache {
  let cache = caches.get(timeZone);
  if (!cache) {
    cache = { zone: IANAZone.create(timeZone), samples: new Map(), transitions: new Map() };
    caches.set(timeZone, cache);
  }
  return cache;
}

/** Forgets every cached offset (benchmarks use it to measure a cold start). */
export function clearZoneOffsetCache(): void {
  caches.clear();
}

/** Whether luxon knows this IANA zone. */
export function isKnownZone(timeZone: string): boolean {
  return IANAZone.isValidZone(timeZone);
}

function rawOffset(cache: ZoneCache, epochMinute: number): number {
  return Math.floor(cache.zone.offset(epochMinute * 60_000));
}

function sample(cache: ZoneCache, window: number): number {
  let offset = cache.samples.get(window);
  if (offset === undefined) {
    if (cache.samples.size > MAX_CACHED_WINDOWS) {
      cache.samples.clear();
      cache.transitions.clear();
    }
    offset = rawOffset(cache, window * SAMPLE_MINUTES);
    cache.samples.set(window, offset);
  }
  return offset;
}

/** The first epoch minute of window `window` that has the next window's offset. */
function transitionIn(cache: ZoneCache, window: number, after: number): number {
  let found = cache.transitions.get(window);
  if (found === undefined) {
    let low = window * SAMPLE_MINUTES; // has the old offset
    let high = (window + 1) * SAMPLE_MINUTES; // has the new offset
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if (rawOffset(cache, middle) === after) high = middle;
      else low = middle;
    }
    found = high;
    cache.transitions.set(window, found);
  }
  return found;
}

/** The zone's UTC offset (minutes, east positive) at an epoch minute. */
export function offsetAt(timeZone: string, epochMinute: number): number {
  // NaN or Infinity would send the transition search into a loop that never ends.
  if (!Number.isFinite(epochMinute)) invalidInput('epochMinute', '`epochMinute` must be a finite number of minutes since the epoch.');
  const cache = cacheFor(timeZone);
  const window = Math.floor(epochMinute / SAMPLE_MINUTES);
  const before = sample(cache, window);
  const after = sample(cache, window + 1);
  if (before === after) return before;
  return epochMinute < transitionIn(cache, window, after) ? before : after;
}

/** A stretch of epoch minutes `[start, end)` with one UTC offset. */
export interface OffsetPiece {
  start: number;
  end: number;
  offset: number;
}

/** The constant-offset pieces covering `[start, end)` epoch minutes, in order. */
export function offsetPieces(timeZone: string, start: number, end: number): OffsetPiece[] {
  const cache = cacheFor(timeZone);
  const pieces: OffsetPiece[] = [];
  if (!Number.isFinite(start) || !Number.isFinite(end))
    invalidInput(Number.isFinite(start) ? 'end' : 'start', '`start` and `end` must be finite numbers of minutes since the epoch.');
  if (end <= start) return pieces;
  let pieceStart = start;
  let current = offsetAt(timeZone, start);
  const lastWindow = Math.floor((end - 1) / SAMPLE_MINUTES);
  for (let window = Math.floor(start / SAMPLE_MINUTES); window <= lastWindow; window++) {
    const after = sample(cache, window + 1);
    const before = sample(cache, window);
    if (before === after) {
      if (after !== current && window * SAMPLE_MINUTES > pieceStart) {
        // Only reachable when the window start itself is the change (caught by the previous window).
        pieces.push({ start: pieceStart, end: window * SAMPLE_MINUTES, offset: current });
        pieceStart = window * SAMPLE_MINUTES;
        current = after;
      }
      continue;
    }
    const change = transitionIn(cache, window, after);
    if (change > pieceStart && change < end) {
      pieces.push({ start: pieceStart, end: change, offset: current });
      pieceStart = change;
    }
    if (change < end) current = after;
  }
  pieces.push({ start: pieceStart, end, offset: current });
  return pieces;
}

/**
 * Every offset change of the zone in `[start, end)` epoch minutes: the epoch minute it happens,
 * and the offsets before and after (used to write VTIMEZONE blocks).
 */
export function offsetTransitions(timeZone: string, start: number, end: number): Array<{ at: number; from: number; to: number }> {
  const pieces = offsetPieces(timeZone, start, end);
  const transitions: Array<{ at: number; from: number; to: number }> = [];
  for (let index = 1; index < pieces.length; index++)
    transitions.push({ at: pieces[index]!.start, from: pieces[index - 1]!.offset, to: pieces[index]!.offset });
  return transitions;
}
