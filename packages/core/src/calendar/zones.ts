// Time zones for reading iCalendar: a TZID becomes rules that give the UTC offset at any instant, and
// local wall-clock times become instants the way RFC 5545 (3.3.5) says.
//
// Wall-clock times are carried as "wall milliseconds": Date.UTC(year, month - 1, day, hour, minute,
// second) of the local fields, so that local arithmetic is plain integer arithmetic.
import ICAL from 'ical.js';
import { isKnownZone, offsetAt } from '../scheduling/zone-offsets.js';
import { guardIterator } from './recur-guard.js';

/** UTC offset rules of one zone. */
export interface ZoneRules {
  /** A label for messages (the TZID or IANA name). */
  readonly name: string;
  /** Offset east of UTC, in milliseconds, in force at the UTC instant `utcMs`. */
  offsetAt(utcMs: number): number;
}

const HOUR = 3_600_000;
/** Offsets this far before and after a wall-clock time bracket any change near it (offsets are within ±26 h). */
const PROBE = 26 * HOUR;

export const UTC_RULES: ZoneRules = { name: 'UTC', offsetAt: () => 0 };

/** Wall milliseconds of local fields (Date.UTC, without its reading of years 0-99 as 1900-1999). */
export function wallOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const milliseconds = Date.UTC(year, month - 1, day, hour, minute, second);
  if (year < 0 || year > 99) return milliseconds;
  const date = new Date(milliseconds);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** Instants outside years 1-9999 are read with the offsets at those ends (luxon and Intl stop somewhere beyond). */
const FIRST_INSTANT = -62_135_596_800_000; // 0001-01-01T00:00:00Z
const LAST_INSTANT = 253_402_300_799_000; // 9999-12-31T23:59:59Z

const ianaRules = new Map<string, ZoneRules>();

/** Rules of an IANA zone from luxon (through core's per-day offset cache), or undefined when unknown. */
export function ianaZoneRules(name: string): ZoneRules | undefined {
  let rules = ianaRules.get(name);
  if (!rules) {
    if (!isKnownZone(name)) return undefined;
    rules = {
      name,
      offsetAt: (utcMs: number) => {
        if (!Number.isFinite(utcMs)) return 0;
        const clamped = Math.min(LAST_INSTANT, Math.max(FIRST_INSTANT, utcMs));
        return offsetAt(name, Math.floor(clamped / 60_000)) * 60_000;
      },
    };
    ianaRules.set(name, rules);
  }
  return rules;
}

/**
 * The instant of a local wall-clock time (RFC 5545 3.3.5): a time that occurs twice (clocks going
 * back) is the first of the two; a time that does not occur (clocks going forward) is read with the
 * offset in force before the gap, so 02:30 in a 02:00→03:00 gap is 03:30 after it.
 */
export function wallToUtc(zone: ZoneRules, wall: number): number {
  if (zone === UTC_RULES) return wall;
  const early = zone.offsetAt(wall - PROBE);
  const late = zone.offsetAt(wall + PROBE);
  if (early === late) return wall - early;
  const first = wall - early;
  const second = wall - late;
  const firstValid = zone.offsetAt(first) === early;
  const secondValid = zone.offsetAt(second) === late;
  if (firstValid && secondValid) return Math.min(first, second);
  if (firstValid) return first;
  if (secondValid) return second;
  return first; // in a gap: the offset before it
}

/** The local wall-clock time (wall milliseconds) of an instant. */
export function utcToWall(zone: ZoneRules, utcMs: number): number {
  return utcMs + zone.offsetAt(utcMs);
}

/** Common Windows time-zone names (Outlook, Exchange) and the IANA zone they stand for (CLDR's "001" territory). */
export const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'Dateline Standard Time': 'Etc/GMT+12',
  'UTC-11': 'Etc/GMT+11',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Alaskan Standard Time': 'America/Anchorage',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Pacific Standard Time (Mexico)': 'America/Tijuana',
  'US Mountain Standard Time': 'America/Phoenix',
  'Mountain Standard Time': 'America/Denver',
  'Central America Standard Time': 'America/Guatemala',
  'Central Standard Time': 'America/Chicago',
  'Central Standard Time (Mexico)': 'America/Mexico_City',
  'Canada Central Standard Time': 'America/Regina',
  'SA Pacific Standard Time': 'America/Bogota',
  'Eastern Standard Time': 'America/New_York',
  'US Eastern Standard Time': 'America/Indianapolis',
  'Venezuela Standard Time': 'America/Caracas',
  'Atlantic Standard Time': 'America/Halifax',
  'SA Western Standard Time': 'America/La_Paz',
  'Pacific SA Standard Time': 'America/Santiago',
  'Newfoundland Standard Time': 'America/St_Johns',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Argentina Standard Time': 'America/Buenos_Aires',
  'SA Eastern Standard Time': 'America/Cayenne',
  'Greenland Standard Time': 'America/Godthab',
  'UTC-02': 'Etc/GMT+2',
  'Azores Standard Time': 'Atlantic/Azores',
  'Cape Verde Standard Time': 'Atlantic/Cape_Verde',
  UTC: 'Etc/UTC',
  'Coordinated Universal Time': 'Etc/UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'Morocco Standard Time': 'Africa/Casablanca',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'Central European Standard Time': 'Europe/Warsaw',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'GTB Standard Time': 'Europe/Bucharest',
  'Middle East Standard Time': 'Asia/Beirut',
  'Egypt Standard Time': 'Africa/Cairo',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'FLE Standard Time': 'Europe/Kiev',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Jordan Standard Time': 'Asia/Amman',
  'Arabic Standard Time': 'Asia/Baghdad',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Arab Standard Time': 'Asia/Riyadh',
  'Russian Standard Time': 'Europe/Moscow',
  'E. Africa Standard Time': 'Africa/Nairobi',
  'Iran Standard Time': 'Asia/Tehran',
  'Arabian Standard Time': 'Asia/Dubai',
  'Afghanistan Standard Time': 'Asia/Kabul',
  'Pakistan Standard Time': 'Asia/Karachi',
  'West Asia Standard Time': 'Asia/Tashkent',
  'India Standard Time': 'Asia/Calcutta',
  'Sri Lanka Standard Time': 'Asia/Colombo',
  'Nepal Standard Time': 'Asia/Katmandu',
  'Central Asia Standard Time': 'Asia/Almaty',
  'Bangladesh Standard Time': 'Asia/Dhaka',
  'Myanmar Standard Time': 'Asia/Rangoon',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'W. Australia Standard Time': 'Australia/Perth',
  'Taipei Standard Time': 'Asia/Taipei',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'Cen. Australia Standard Time': 'Australia/Adelaide',
  'AUS Central Standard Time': 'Australia/Darwin',
  'E. Australia Standard Time': 'Australia/Brisbane',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'Tasmania Standard Time': 'Australia/Hobart',
  'Lord Howe Standard Time': 'Australia/Lord_Howe',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'Tonga Standard Time': 'Pacific/Tongatapu',
  'Line Islands Standard Time': 'Pacific/Kiritimati',
};

/**
 * The IANA zone a TZID names when it is not one itself: a Windows name ("W. Europe Standard Time"),
 * or an IANA name behind a prefix ("/mozilla.org/20050126_1/Europe/Berlin", "/citadel.org/.../Europe/Paris").
 */
export function ianaNameOf(tzid: string): string | undefined {
  const trimmed = tzid.trim().replace(/^"|"$/g, '');
  if (isKnownZone(trimmed)) return trimmed;
  const windows = WINDOWS_ZONES[trimmed];
  if (windows && isKnownZone(windows)) return windows;
  const parts = trimmed.split('/').filter((part) => part !== '');
  for (let count = Math.min(3, parts.length - 1); count >= 2; count--) {
    const candidate = parts.slice(parts.length - count).join('/');
    if (isKnownZone(candidate)) return candidate;
  }
  return undefined;
}

type JCalComponent = [string, Array<[string, Record<string, unknown>, string, ...unknown[]]>, JCalComponent[]];

const wallOfJCalDateTime = (value: unknown): number | undefined => {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(value);
  if (!match) return undefined;
  return wallOf(Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0));
};

const offsetOfJCal = (value: unknown): number | undefined => {
  if (typeof value !== 'string') return undefined;
  const match = /^([+-])(\d{2}):?(\d{2})(?::?(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const milliseconds = (Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0)) * 1000;
  if (milliseconds > 24 * HOUR) return undefined; // no zone is a day away from UTC
  return match[1] === '-' ? -milliseconds : milliseconds;
};

/** Observance changes are expanded up to this year at most (later instants keep the last offset). */
const LAST_EXPANDED_YEAR = 2200;

/**
 * Rules of a VTIMEZONE (jCal from ICAL.parse): every STANDARD/DAYLIGHT observance onset (DTSTART,
 * RDATE, RRULE expanded with ical.js's recurrence iterator) as a UTC instant with the offset it
 * starts. Expanded lazily, fifty years at a time, as far as instants are asked for. `before` answers
 * for instants before the first onset (the IANA zone of the same name, when there is one).
 */
export function vtimezoneRules(name: string, component: JCalComponent, before?: ZoneRules): ZoneRules | undefined {
  interface Observance {
    offsetFrom: number;
    offsetTo: number;
    start: number;
    rdates: number[];
    rrule?: unknown;
  }
  const observances: Observance[] = [];
  for (const sub of component[2] ?? []) {
    const kind = String(sub[0]).toLowerCase();
    if (kind !== 'standard' && kind !== 'daylight') continue;
    let offsetFrom: number | undefined;
    let offsetTo: number | undefined;
    let start: number | undefined;
    const rdates: number[] = [];
    let rrule: unknown;
    for (const property of sub[1]) {
      const [propertyName, , , ...values] = property;
      if (propertyName === 'tzoffsetfrom') offsetFrom = offsetOfJCal(values[0]);
      else if (propertyName === 'tzoffsetto') offsetTo = offsetOfJCal(values[0]);
      else if (propertyName === 'dtstart') start = wallOfJCalDateTime(values[0]);
      else if (propertyName === 'rdate') {
        for (const value of values) {
          const wall = wallOfJCalDateTime(Array.isArray(value) ? value[0] : value);
          if (wall !== undefined) rdates.push(wall);
        }
      } else if (propertyName === 'rrule' && rrule === undefined) rrule = property;
    }
    if (offsetTo === undefined || start === undefined) continue;
    observances.push({ offsetFrom: offsetFrom ?? offsetTo, offsetTo, start, rdates, rrule });
  }
  if (observances.length === 0) return undefined;

  /** Onsets as [utc, offset] pairs, sorted; built up to `expandedUntil` (a year). */
  let onsets: Array<[number, number]> = [];
  let expandedUntil = -Infinity;
  const expand = (year: number) => {
    // Fifty years at a time, so that a calendar asking year after year expands a handful of times.
    const untilYear = Math.min(LAST_EXPANDED_YEAR, Math.max(year + 50, expandedUntil));
    const untilWall = Date.UTC(untilYear + 1, 0, 1);
    const found: Array<[number, number]> = [];
    for (const observance of observances) {
      // Onsets are local times on the clock in force before them (TZOFFSETFROM).
      found.push([observance.start - observance.offsetFrom, observance.offsetTo]);
      for (const rdate of observance.rdates) found.push([rdate - observance.offsetFrom, observance.offsetTo]);
      if (observance.rrule !== undefined) {
        try {
          const recur = new ICAL.Property(observance.rrule as never).getFirstValue() as unknown as ICAL.Recur;
          if (recur.until) {
            // A UTC UNTIL is compared with local onsets: move it to the local clock.
            const until = recur.until;
            const untilWallMs =
              wallOf(until.year, until.month, until.day, until.hour, until.minute, until.second) + (until.zone?.tzid === 'UTC' ? observance.offsetFrom : 0);
            const local = new Date(untilWallMs);
            recur.until = ICAL.Time.fromData({
              year: local.getUTCFullYear(),
              month: local.getUTCMonth() + 1,
              day: local.getUTCDate(),
              hour: local.getUTCHours(),
              minute: local.getUTCMinutes(),
              second: local.getUTCSeconds(),
              isDate: false,
            });
          }
          const first = new Date(observance.start);
          const iterator = guardIterator(
            recur.iterator(
              ICAL.Time.fromData({
                year: first.getUTCFullYear(),
                month: first.getUTCMonth() + 1,
                day: first.getUTCDate(),
                hour: first.getUTCHours(),
                minute: first.getUTCMinutes(),
                second: first.getUTCSeconds(),
                isDate: false,
              }),
            ),
            20_000,
          );
          for (let count = 0; count < 10_000; count++) {
            const next = iterator.next();
            if (!next) break;
            const wall = wallOf(next.year, next.month, next.day, next.hour, next.minute, next.second);
            if (wall >= untilWall) break;
            found.push([wall - observance.offsetFrom, observance.offsetTo]);
          }
        } catch {
          // A broken or endless RRULE in an observance: the onsets found so far count.
        }
      }
    }
    found.sort((a, b) => a[0] - b[0]);
    onsets = found;
    expandedUntil = untilYear;
  };
  const firstOffset = observances.reduce((earliest, observance) => (observance.start < earliest.start ? observance : earliest)).offsetFrom;

  return {
    name,
    offsetAt(utcMs: number): number {
      const year = new Date(utcMs).getUTCFullYear();
      if (year > expandedUntil && expandedUntil < LAST_EXPANDED_YEAR) expand(year);
      let low = 0;
      let high = onsets.length - 1;
      // Before its first onset a VTIMEZONE says nothing (servers cut them to the events they stored):
      // the IANA zone of the same name then, else the first observance's TZOFFSETFROM.
      if (high < 0 || utcMs < onsets[0]![0]) return before ? before.offsetAt(utcMs) : firstOffset;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (onsets[middle]![0] <= utcMs) low = middle;
        else high = middle - 1;
      }
      return onsets[low]![1];
    },
  };
}
