// Busy intervals from iCalendar text (RFC 5545): what a person's calendar feed or CalDAV calendar says
// they are busy, for findCommonSlots. See docs/calendars.md, "Reading busy times from iCalendar".
//
// ical.js parses each component and expands every RRULE (its recurrence iterator, on local wall-clock
// times); this module turns local times into instants itself (VTIMEZONE of the file, else luxon's IANA
// rules, RFC 5545's rules for repeated and skipped local times), applies RDATE, EXDATE and
// RECURRENCE-ID overrides by instant, and stops each series at the window's end. Nothing here touches
// ical.js's global TimezoneService.
import ICAL from 'ical.js';
import { MentorKitError } from '../model/errors.js';
import { isInstant, isTimeZone } from '../model/formats.js';
import { guardIterator, RecurrenceStepLimit } from './recur-guard.js';
import { ianaNameOf, ianaZoneRules, UTC_RULES, vtimezoneRules, wallOf, wallToUtc, utcToWall, type ZoneRules } from './zones.js';

/** A busy interval: UTC instants `YYYY-MM-DDTHH:MM:SSZ`, start inclusive, end exclusive. */
export interface BusyInterval {
  start: string;
  end: string;
}

export interface BusyWindow {
  /** Instant (ISO 8601 with `Z` or an offset). Taken to the whole second (milliseconds dropped). */
  from: string;
  to: string;
}

export interface BusyFromICalendarOptions {
  /** IANA zone for floating times and all-day (DATE) events. Default `UTC`. */
  timeZone?: string;
}

/** What was left out while reading a calendar, for logs (`readICalendarBusy`). */
export interface ICalendarBusyNote {
  /** The event's UID when it had one. */
  uid?: string | undefined;
  /** `skipped`: the event was broken and left out; `truncated`: its recurrence was cut at a limit. */
  kind: 'skipped' | 'truncated';
  reason: string;
}

export interface ICalendarBusyResult {
  busy: BusyInterval[];
  notes: ICalendarBusyNote[];
}

/** The limits `busyFromICalendar` works within (documented in docs/calendars.md). */
export const ICALENDAR_BUSY_LIMITS = {
  /** Longest text accepted, in characters (10 MiB). */
  maxTextLength: 10 * 1024 * 1024,
  /** Longest window, in days. */
  maxWindowDays: 366,
  /** Occurrences one recurring event may produce on the way to the window's end; later ones are not read. */
  maxOccurrencesPerSeries: 20_000,
  /** Occurrences all recurring events of one calendar together may produce; series after that are not read. */
  maxOccurrencesPerCalendar: 200_000,
  /**
   * Candidates ical.js's iterator may look at for one series (a DAILY rule limited to February looks at
   * every day of the year): impossible rules (BYMONTH=2;BYMONTHDAY=30) stop here instead of running on.
   */
  maxRuleStepsPerSeries: 50_000,
  /** Candidates for all series of one calendar together. */
  maxRuleStepsPerCalendar: 250_000,
} as const;

const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Slack for the text pre-scan: a local time is within ±26 h of its instant in any zone. */
const ZONE_SLACK = 2 * DAY;

function invalid(path: string, message: string, cause?: unknown): never {
  throw new MentorKitError('invalid-input', message, { path, issues: [{ path, message }], ...(cause === undefined ? {} : { cause }) });
}

/** `2026-03-08T10:00:00Z` (whole seconds, like findCommonSlots' output). */
export function formatBusyInstant(milliseconds: number): string {
  return new Date(milliseconds).toISOString().slice(0, 19) + 'Z';
}

// ───────────────────────── values ─────────────────────────

type JCalProperty = [string, Record<string, unknown>, string, ...unknown[]];
type JCalComponent = [string, JCalProperty[], JCalComponent[]];

/** A DATE or DATE-TIME value: local wall-clock milliseconds and the zone that reads them. */
interface IcsTime {
  wall: number;
  isDate: boolean;
  /** UTC for `Z` values; the TZID's rules; the floating zone for floating times and DATE values. */
  zone: ZoneRules;
}

/** A DURATION: whole days (nominal: added on the local clock) and the rest (exact). */
interface IcsDuration {
  days: number;
  exact: number;
}

interface Context {
  floating: ZoneRules;
  vtimezones: Map<string, JCalComponent>;
  zones: Map<string, ZoneRules>;
  from: number;
  to: number;
  notes: ICalendarBusyNote[];
  occurrenceBudget: number;
  stepBudget: number;
  intervals: number[];
}

const MAX_DURATION_DAYS = 366_000;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(Z)?)?$/;
/** ical.js reads `RECURRENCE-ID:20260301` (a date without VALUE=DATE) as `2026-03-01T::`. */
const MANGLED_DATE = /^(\d{4})-(\d{2})-(\d{2})T::$/;

function zoneOf(tzid: string, context: Context): ZoneRules {
  let zone = context.zones.get(tzid);
  if (zone) return zone;
  const component = context.vtimezones.get(tzid);
  const iana = ianaNameOf(tzid);
  const ianaRules = iana === undefined ? undefined : ianaZoneRules(iana);
  if (component) zone = vtimezoneRules(tzid, component, ianaRules);
  zone ??= ianaRules;
  // An unknown TZID without a VTIMEZONE: read like a floating time (options.timeZone).
  zone ??= context.floating;
  context.zones.set(tzid, zone);
  return zone;
}

function timeOf(value: unknown, params: Record<string, unknown>, context: Context): IcsTime | undefined {
  if (typeof value !== 'string') return undefined;
  let match = DATE_TIME.exec(value);
  if (!match) {
    match = MANGLED_DATE.exec(value);
    if (!match) return undefined;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || (day > 28 && day > new Date(wallOf(year, month + 1, 0)).getUTCDate())) return undefined; // no 30 February
  if (match[4] === undefined) return { wall: wallOf(year, month, day), isDate: true, zone: context.floating };
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6]);
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const wall = wallOf(year, month, day, hour, minute, Math.min(second, 59));
  if (match[7] === 'Z') return { wall, isDate: false, zone: UTC_RULES };
  const tzid = params.tzid;
  if (typeof tzid === 'string' && tzid !== '') return { wall, isDate: false, zone: zoneOf(tzid, context) };
  return { wall, isDate: false, zone: context.floating };
}

const instantOf = (time: IcsTime) => wallToUtc(time.zone, time.wall);

function durationOf(value: unknown): IcsDuration | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value);
  if (!match || value.endsWith('P') || value.endsWith('T')) return undefined;
  const sign = match[1] === '-' ? -1 : 1;
  // Longer than 1,000 years is as good as 1,000 years for a window of at most 366 days.
  const days = Math.min(MAX_DURATION_DAYS, Number(match[2] ?? 0) * 7 + Number(match[3] ?? 0)) * sign;
  const exact = Math.min(MAX_DURATION_DAYS * DAY, Number(match[4] ?? 0) * HOUR + Number(match[5] ?? 0) * 60_000 + Number(match[6] ?? 0) * SECOND) * sign;
  return { days, exact };
}

/** The instant a DURATION after `start` ends: days on the local clock, then the rest exactly. */
function endAfter(start: IcsTime, startInstant: number, duration: IcsDuration): number {
  if (duration.days === 0) return startInstant + duration.exact;
  return wallToUtc(start.zone, start.wall + duration.days * DAY) + duration.exact;
}

// ───────────────────────── events ─────────────────────────

interface IcsEvent {
  uid: string | undefined;
  start: IcsTime;
  startInstant: number;
  /** How long each occurrence lasts. */
  length: { kind: 'days'; days: number } | { kind: 'exact'; milliseconds: number } | { kind: 'duration'; duration: IcsDuration };
  busy: boolean;
  rrules: JCalProperty[];
  rdates: Array<{ time: IcsTime; end?: number }>;
  exdates: Set<number>;
  /** EXDATEs given as DATE on a DATE-TIME series: local days (wall day numbers) excluded whole. */
  exdays: Set<number>;
  recurrenceId?: number | undefined;
  thisAndFuture: boolean;
}

/** Reads one VEVENT; throws an Error with a reason when it is broken. */
function readEvent(component: JCalComponent, context: Context): IcsEvent {
  let uid: string | undefined;
  let startProperty: JCalProperty | undefined;
  let endProperty: JCalProperty | undefined;
  let durationProperty: JCalProperty | undefined;
  let recurrenceIdProperty: JCalProperty | undefined;
  let transparent = false;
  let cancelled = false;
  const rrules: JCalProperty[] = [];
  const rdateProperties: JCalProperty[] = [];
  const exdateProperties: JCalProperty[] = [];
  for (const property of component[1]) {
    switch (property[0]) {
      case 'uid':
        uid = String(property[3]);
        break;
      case 'dtstart':
        startProperty = property;
        break;
      case 'dtend':
        endProperty = property;
        break;
      case 'duration':
        durationProperty = property;
        break;
      case 'recurrence-id':
        recurrenceIdProperty = property;
        break;
      case 'transp':
        transparent = String(property[3]).trim().toUpperCase() === 'TRANSPARENT';
        break;
      case 'status':
        cancelled = String(property[3]).trim().toUpperCase() === 'CANCELLED';
        break;
      case 'rrule':
        rrules.push(property);
        break;
      case 'rdate':
        rdateProperties.push(property);
        break;
      case 'exdate':
        exdateProperties.push(property);
        break;
    }
  }
  if (!startProperty) throw new Error('it has no DTSTART');
  const start = timeOf(startProperty[3], startProperty[1], context);
  if (!start) throw new Error(`its DTSTART "${String(startProperty[3])}" is not a date or date-time`);
  const startInstant = instantOf(start);

  let length: IcsEvent['length'];
  if (endProperty) {
    const end = timeOf(endProperty[3], endProperty[1], context);
    if (!end) throw new Error(`its DTEND "${String(endProperty[3])}" is not a date or date-time`);
    if (start.isDate && end.isDate) length = { kind: 'days', days: Math.max(0, Math.round((end.wall - start.wall) / DAY)) };
    else length = { kind: 'exact', milliseconds: Math.max(0, instantOf(end) - startInstant) };
  } else if (durationProperty) {
    const duration = durationOf(durationProperty[3]);
    if (!duration) throw new Error(`its DURATION "${String(durationProperty[3])}" is not a duration`);
    length =
      duration.days < 0 || duration.exact < 0 || (duration.days === 0 && duration.exact < 0)
        ? { kind: 'exact', milliseconds: 0 }
        : { kind: 'duration', duration };
  } else {
    // RFC 5545 3.6.1: a DATE start lasts one day; a DATE-TIME start without an end lasts nothing.
    length = start.isDate ? { kind: 'days', days: 1 } : { kind: 'exact', milliseconds: 0 };
  }

  const rdates: IcsEvent['rdates'] = [];
  for (const property of rdateProperties) {
    for (const value of property.slice(3)) {
      if (Array.isArray(value)) {
        const time = timeOf(value[0], property[1], context);
        if (!time) throw new Error(`its RDATE period "${String(value[0])}" is not a date-time`);
        const startOfPeriod = instantOf(time);
        const duration = durationOf(value[1]);
        const endTime = duration ? undefined : timeOf(value[1], property[1], context);
        if (!duration && !endTime) throw new Error(`its RDATE period ends with "${String(value[1])}", neither a date-time nor a duration`);
        const end = duration ? endAfter(time, startOfPeriod, duration) : instantOf(endTime!);
        rdates.push({ time, end: Math.max(startOfPeriod, end) });
      } else {
        const time = timeOf(value, property[1], context);
        if (!time) throw new Error(`its RDATE "${String(value)}" is not a date or date-time`);
        rdates.push({ time });
      }
    }
  }
  const exdates = new Set<number>();
  const exdays = new Set<number>();
  for (const property of exdateProperties) {
    for (const value of property.slice(3)) {
      const time = timeOf(value, property[1], context);
      if (!time) throw new Error(`its EXDATE "${String(value)}" is not a date or date-time`);
      if (time.isDate && !start.isDate) exdays.add(Math.floor(time.wall / DAY));
      else exdates.add(instantOf(time));
    }
  }
  let recurrenceId: number | undefined;
  let thisAndFuture = false;
  if (recurrenceIdProperty) {
    const time = timeOf(recurrenceIdProperty[3], recurrenceIdProperty[1], context);
    if (!time) throw new Error(`its RECURRENCE-ID "${String(recurrenceIdProperty[3])}" is not a date or date-time`);
    recurrenceId = instantOf(time);
    thisAndFuture = String(recurrenceIdProperty[1].range ?? '').toUpperCase() === 'THISANDFUTURE';
  }
  return { uid, start, startInstant, length, busy: !transparent && !cancelled, rrules, rdates, exdates, exdays, recurrenceId, thisAndFuture };
}

/** The instant an occurrence starting at local `wall` (in the event's zone) ends. */
function occurrenceEnd(event: IcsEvent, wall: number, startInstant: number): number {
  const length = event.length;
  if (length.kind === 'exact') return startInstant + length.milliseconds;
  if (length.kind === 'days') return wallToUtc(event.start.zone, wall + length.days * DAY);
  return endAfter({ wall, isDate: event.start.isDate, zone: event.start.zone }, startInstant, length.duration);
}

/** The longest an occurrence of the event can last (for bounding the search), with 2 hours of slack for offset changes. */
function longestLength(event: IcsEvent): number {
  const length = event.length;
  if (length.kind === 'exact') return length.milliseconds;
  if (length.kind === 'days') return length.days * DAY + 2 * HOUR;
  return Math.max(0, length.duration.days) * DAY + Math.max(0, length.duration.exact) + 2 * HOUR;
}

function addInterval(context: Context, start: number, end: number): void {
  if (!(end > start) || !(end > context.from) || !(start < context.to)) return; // (NaN-safe)
  context.intervals.push(Math.max(start, context.from), Math.min(end, context.to));
}

/** A standalone event or override: its own interval. */
function addOwnInterval(event: IcsEvent, context: Context): void {
  if (!event.busy) return;
  addInterval(context, event.startInstant, occurrenceEnd(event, event.start.wall, event.startInstant));
}

/** Days in one period of each FREQ (months and years at their longest). */
const DAYS_PER_PERIOD: Record<string, number> = { SECONDLY: 1 / 86_400, MINUTELY: 1 / 1440, HOURLY: 1 / 24, DAILY: 1, WEEKLY: 7, MONTHLY: 31, YEARLY: 366 };
const FREQUENCY_MILLISECONDS: Record<string, number> = { SECONDLY: SECOND, MINUTELY: 60_000, HOURLY: HOUR, DAILY: DAY, WEEKLY: 7 * DAY };

const timeFromWall = (wall: number, isDate: boolean) => {
  const date = new Date(wall);
  return ICAL.Time.fromData(
    isDate
      ? { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), isDate: true }
      : {
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
          hour: date.getUTCHours(),
          minute: date.getUTCMinutes(),
          second: date.getUTCSeconds(),
          isDate: false,
        },
  );
};

/**
 * Every occurrence of a recurring (or overridden) event that can touch the window: DTSTART (always the
 * first instance, RFC 5545), the RRULEs' occurrences (ical.js's iterator, on the local clock), RDATEs;
 * EXDATEs removed; an occurrence named by an override's RECURRENCE-ID replaced by the override
 * (RANGE=THISANDFUTURE: that one and every later one, moved by the same amount).
 */
/** The overrides of one UID, prepared once for every master with that UID. */
interface OverrideSet {
  count: number;
  byRecurrenceId: Map<number, IcsEvent>;
  /** RANGE=THISANDFUTURE overrides by RECURRENCE-ID. */
  future: IcsEvent[];
  /** Occurrences from `needFrom` to `needUntil` (instants) can matter. */
  needFrom: number;
  needUntil: number;
}

function prepareOverrides(overrides: IcsEvent[], context: Context): OverrideSet {
  const byRecurrenceId = new Map<number, IcsEvent>();
  const future: IcsEvent[] = [];
  // Overrides that can matter although their occurrence is outside the window: moved into it, or ranges.
  let needUntil = context.to;
  let needFrom = context.from;
  for (const override of overrides) {
    byRecurrenceId.set(override.recurrenceId!, override);
    const ownEnd = occurrenceEnd(override, override.start.wall, override.startInstant);
    if (override.thisAndFuture) {
      future.push(override);
      const shift = override.startInstant - override.recurrenceId!;
      needFrom = Math.min(needFrom, override.recurrenceId!);
      if (shift < 0) needUntil = Math.max(needUntil, context.to - shift + 1);
    } else if (ownEnd > context.from && override.startInstant < context.to) {
      needFrom = Math.min(needFrom, override.recurrenceId!);
      needUntil = Math.max(needUntil, override.recurrenceId! + 1);
    }
  }
  future.sort((a, b) => a.recurrenceId! - b.recurrenceId!);
  return { count: overrides.length, byRecurrenceId, future, needFrom, needUntil };
}

function expandSeries(master: IcsEvent, prepared: OverrideSet, context: Context): void {
  const { byRecurrenceId, future, needFrom, needUntil } = prepared;
  if (!master.busy && prepared.count === 0) return;

  const zone = master.start.zone;
  const isDate = master.start.isDate;
  const emit = (wall: number, explicitEnd?: number, zoneOfWall: ZoneRules = zone) => {
    const startInstant = wallToUtc(zoneOfWall, wall);
    if (master.exdates.has(startInstant)) return;
    if (master.exdays.size > 0 && master.exdays.has(Math.floor(wall / DAY))) return;
    const override = byRecurrenceId.get(startInstant);
    if (override) {
      addOwnInterval(override, context);
      return;
    }
    if (future.length > 0 && startInstant > future[0]!.recurrenceId!) {
      // The latest RANGE=THISANDFUTURE override before this occurrence (binary search: there may be many).
      let low = 0;
      let high = future.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (future[middle]!.recurrenceId! < startInstant) low = middle;
        else high = middle - 1;
      }
      const governing = future[low]!.recurrenceId! < startInstant ? future[low] : undefined;
      if (governing) {
        if (!governing.busy) return;
        const shift = governing.startInstant - governing.recurrenceId!;
        const ownLength = occurrenceEnd(governing, governing.start.wall, governing.startInstant) - governing.startInstant;
        addInterval(context, startInstant + shift, startInstant + shift + ownLength);
        return;
      }
    }
    if (!master.busy) return;
    addInterval(context, startInstant, explicitEnd ?? occurrenceEnd(master, wall, startInstant));
  };

  emit(master.start.wall);
  for (const rdate of master.rdates) emit(rdate.time.wall, rdate.end, rdate.time.zone);

  const iterateUntil = needUntil; // occurrences starting at or after this cannot matter
  for (const property of master.rrules) {
    let recur: ICAL.Recur;
    try {
      recur = new ICAL.Property(property as never).getFirstValue() as unknown as ICAL.Recur;
    } catch (error) {
      throw new Error(`its RRULE cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!recur || typeof recur.iterator !== 'function') throw new Error('its RRULE cannot be read');
    if (recur.until) {
      // UNTIL in UTC is compared with local occurrences: move it to the series' clock.
      const until = recur.until;
      if (until.zone?.tzid === 'UTC' && !until.isDate) {
        const untilInstant = wallOf(until.year, until.month, until.day, until.hour, until.minute, until.second);
        recur.until = timeFromWall(utcToWall(zone, untilInstant), false);
      } else if (until.isDate && !isDate) {
        // A DATE UNTIL on a timed series (not RFC 5545, but written): that whole local day is included.
        recur.until = timeFromWall(wallOf(until.year, until.month, until.day, 23, 59, 59), false);
      }
    }
    // COUNT includes DTSTART (RFC 5545); ical.js counts only what the rule produces, so when DTSTART is
    // not one of those, the rule may give one occurrence fewer.
    let ruleLimit = recur.count ? Number(recur.count) : Infinity;
    let firstFromRule = true;
    // A rule repeating less than once in 200 years has only DTSTART in reach (and ical.js takes minutes to
    // step a date by INTERVAL=999999999 days): it adds nothing.
    const interval = Math.max(1, Number(recur.interval) || 1);
    if (interval * (DAYS_PER_PERIOD[String(recur.freq)] ?? 1) > 200 * 366) continue;
    // Skip ahead whole periods when nothing before can matter (no COUNT; periods of fixed length on the local clock).
    let firstWall = master.start.wall;
    const period = FREQUENCY_MILLISECONDS[String(recur.freq)];
    // Local time of the first instant that matters, less the longest occurrence and 3 hours for offset changes.
    const target = recur.count ? -Infinity : utcToWall(zone, needFrom) - 3 * HOUR - longestLength(master);
    if (period !== undefined && target > firstWall) {
      const step = period * interval;
      const periods = Math.floor((target - firstWall) / step);
      if (periods > 0) firstWall += periods * step;
    } else if ((recur.freq === 'MONTHLY' || recur.freq === 'YEARLY') && target > firstWall) {
      // Whole months (years) keep every BY* rule's meaning; a start after the 28th could land on a day
      // that month lacks, so those series are not moved.
      const start = new Date(firstWall);
      if (start.getUTCDate() <= 28) {
        const months = (recur.freq === 'MONTHLY' ? 1 : 12) * interval;
        const end = new Date(target);
        const shifted = (count: number) =>
          wallOf(
            start.getUTCFullYear(),
            start.getUTCMonth() + 1 + count * months,
            start.getUTCDate(),
            start.getUTCHours(),
            start.getUTCMinutes(),
            start.getUTCSeconds(),
          );
        let periods = Math.floor(((end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth()) / months);
        while (periods > 0 && shifted(periods) > target) periods--;
        if (periods > 0) firstWall = shifted(periods);
      }
    }
    const startDate = new Date(master.start.wall);
    const startMonth = startDate.getUTCMonth() + 1;
    const startDay = startDate.getUTCDate();
    const plainYearly = recur.freq === 'YEARLY' && Object.keys((recur as unknown as { parts?: object }).parts ?? {}).length === 0;
    let iterator: ICAL.RecurIterator;
    try {
      iterator = guardIterator(recur.iterator(timeFromWall(firstWall, isDate)), ICALENDAR_BUSY_LIMITS.maxRuleStepsPerSeries, () => --context.stepBudget >= 0);
    } catch (error) {
      throw new Error(`its RRULE cannot be expanded (${error instanceof Error ? error.message : String(error)})`);
    }
    let produced = 0;
    for (;;) {
      if (produced >= ICALENDAR_BUSY_LIMITS.maxOccurrencesPerSeries || context.occurrenceBudget <= 0) {
        context.notes.push({
          uid: master.uid,
          kind: 'truncated',
          reason:
            context.occurrenceBudget <= 0
              ? `the calendar's recurring events produce more than ${ICALENDAR_BUSY_LIMITS.maxOccurrencesPerCalendar} occurrences before the window ends; later ones were not read`
              : `its recurrence produces more than ${ICALENDAR_BUSY_LIMITS.maxOccurrencesPerSeries} occurrences before the window ends; later ones were not read`,
        });
        break;
      }
      let next: ICAL.Time | null;
      try {
        next = iterator.next();
      } catch (error) {
        if (error instanceof RecurrenceStepLimit) {
          context.notes.push({
            uid: master.uid,
            kind: 'truncated',
            reason:
              context.stepBudget < 0
                ? `the calendar's recurrence rules need more than ${ICALENDAR_BUSY_LIMITS.maxRuleStepsPerCalendar} steps before the window ends; later occurrences were not read`
                : `${error.message} (at most ${ICALENDAR_BUSY_LIMITS.maxRuleStepsPerSeries}) before the window ends; later occurrences were not read`,
          });
          break;
        }
        throw new Error(`its RRULE cannot be expanded (${error instanceof Error ? error.message : String(error)})`);
      }
      if (!next) break;
      produced++;
      context.occurrenceBudget--;
      const wall = wallOf(next.year, next.month, next.day, isDate ? 0 : next.hour, isDate ? 0 : next.minute, isDate ? 0 : next.second);
      if (firstFromRule) {
        firstFromRule = false;
        if (wall !== master.start.wall) ruleLimit -= 1;
      }
      if (produced > ruleLimit) break;
      if (wall - ZONE_SLACK >= iterateUntil) break;
      if (wall === master.start.wall) continue; // DTSTART was emitted already
      // ical.js moves a plain yearly 29 February to 1 March in other years; RFC 5545 skips dates that do not exist.
      if (plainYearly && (next.month !== startMonth || next.day !== startDay)) continue;
      if (wallToUtc(zone, wall) >= iterateUntil) break;
      emit(wall);
    }
  }
}

// ───────────────────────── text ─────────────────────────

interface Block {
  name: string;
  /** Line indices, inclusive. */
  begin: number;
  end: number;
}

/** Splits the text into top-level components of its VCALENDARs; refuses text that is not iCalendar. */
function scan(lines: string[]): Block[] {
  const blocks: Block[] = [];
  const stack: string[] = [];
  let calendars = 0;
  let blockBegin = -1;
  const where = (index: number) => `line ${index + 1}`;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line === '') continue;
    const first = line.charCodeAt(0);
    if (first === 32 || first === 9) {
      if (stack.length === 0 && line.trim() !== '')
        invalid('ics', `The calendar text is not iCalendar: ${where(index)} is outside BEGIN:VCALENDAR … END:VCALENDAR.`);
      continue; // a folded continuation
    }
    if ((first === 66 || first === 98) && /^BEGIN:/i.test(line)) {
      const name = line.slice(6).trim().toUpperCase();
      if (stack.length === 0 && name !== 'VCALENDAR')
        invalid('ics', `The calendar text is not iCalendar: ${where(index)} begins ${name || 'a component'} outside BEGIN:VCALENDAR.`);
      if (stack.length === 1) blockBegin = index;
      stack.push(name);
      continue;
    }
    if ((first === 69 || first === 101) && /^END:/i.test(line)) {
      const name = line.slice(4).trim().toUpperCase();
      const open = stack.pop();
      if (open !== name)
        invalid(
          'ics',
          `The calendar text is not iCalendar: ${where(index)} ends ${name || 'nothing'}${open ? ` where ${open} is open` : ' that was never begun'}.`,
        );
      if (stack.length === 1) blocks.push({ name, begin: blockBegin, end: index });
      if (stack.length === 0) calendars++;
      continue;
    }
    if (stack.length === 0) {
      if (line.trim() === '') continue;
      invalid('ics', `The calendar text is not iCalendar: ${where(index)} is outside BEGIN:VCALENDAR … END:VCALENDAR.`);
    }
    if (stack.length === 1 && !/^[A-Za-z0-9-]+[;:]/.test(line))
      invalid('ics', `The calendar text is not iCalendar: ${where(index)} is not a property ("NAME:value").`);
  }
  if (stack.length > 0) invalid('ics', `The calendar text is not iCalendar: it ends before END:${stack[stack.length - 1]} (was it cut off?).`);
  if (calendars === 0) invalid('ics', 'The calendar text has no BEGIN:VCALENDAR … END:VCALENDAR; it is not an iCalendar file.');
  return blocks;
}

const RAW_TIME = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/;

/**
 * Whether a VEVENT that neither recurs nor overrides clearly lies outside the window, read from its
 * raw lines without parsing (local times taken within ±2 days of their instant). Unsure → false.
 */
function clearlyOutside(lines: string[], block: Block, from: number, to: number): boolean {
  let start: RegExpExecArray | undefined;
  let end: RegExpExecArray | undefined;
  let duration: IcsDuration | undefined;
  let depth = 0;
  for (let index = block.begin + 1; index < block.end; index++) {
    const line = lines[index]!;
    const first = line.charCodeAt(0);
    if (first === 66 && line.startsWith('BEGIN:')) depth++;
    else if (first === 69 && line.startsWith('END:')) depth--;
    if (depth > 0) continue;
    const upper = first >= 97 ? line.toUpperCase() : line;
    if (upper.startsWith('RRULE') || upper.startsWith('RDATE') || upper.startsWith('RECURRENCE-ID') || upper.startsWith('EXRULE')) return false;
    const isStart = upper.startsWith('DTSTART');
    const isEnd = !isStart && upper.startsWith('DTEND');
    const isDuration = !isStart && !isEnd && upper.startsWith('DURATION');
    if (!isStart && !isEnd && !isDuration) continue;
    const next = lines[index + 1];
    if (next !== undefined && (next.charCodeAt(0) === 32 || next.charCodeAt(0) === 9)) return false; // folded: let the parser read it
    const value = line.slice(line.lastIndexOf(':') + 1).trim();
    if (isDuration) {
      duration = durationOf(value);
      if (!duration) return false;
      continue;
    }
    const match = RAW_TIME.exec(value);
    if (!match) return false;
    if (isStart) start = match;
    else end = match;
  }
  if (!start) return false;
  const rawWall = (match: RegExpExecArray) =>
    wallOf(Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0));
  const startWall = rawWall(start);
  const earliestStart = start[7] ? startWall : startWall - ZONE_SLACK;
  let latestEnd: number;
  if (end) latestEnd = end[7] ? rawWall(end) : rawWall(end) + ZONE_SLACK;
  else if (duration) latestEnd = startWall + ZONE_SLACK + Math.max(0, duration.days) * DAY + Math.max(0, duration.exact) + 2 * HOUR;
  else latestEnd = startWall + ZONE_SLACK + (start[4] === undefined ? DAY : 0);
  return earliestStart >= to || latestEnd <= from;
}

/** More property parameters than this in one component are refused before ical.js reads them (its parameter parsing is quadratic: 400,000 took 3.4 s). */
const MAX_SEMICOLONS_PER_COMPONENT = 10_000;

function parseBlock(lines: string[], block: Block): JCalComponent {
  let semicolons = 0;
  for (let index = block.begin; index <= block.end; index++) {
    const line = lines[index]!;
    for (let at = line.indexOf(';'); at !== -1; at = line.indexOf(';', at + 1)) {
      if (line.charCodeAt(at - 1) !== 92) semicolons++; // not an escaped "\;" in text
    }
    if (semicolons > MAX_SEMICOLONS_PER_COMPONENT) throw new Error(`it has more than ${MAX_SEMICOLONS_PER_COMPONENT} property parameters`);
  }
  const parsed = ICAL.parse(lines.slice(block.begin, block.end + 1).join('\r\n')) as unknown;
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') throw new Error('it cannot be parsed');
  return parsed as JCalComponent;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const uidIn = (lines: string[], block: Block): string | undefined => {
  for (let index = block.begin + 1; index < block.end; index++) {
    const line = lines[index]!;
    if (/^UID[;:]/i.test(line)) return line.slice(line.indexOf(':') + 1).trim();
  }
  return undefined;
};

/** FREEBUSY periods of a VFREEBUSY (FBTYPE BUSY, BUSY-UNAVAILABLE, BUSY-TENTATIVE; not FREE). */
function addFreeBusy(component: JCalComponent, context: Context): void {
  for (const property of component[1]) {
    if (property[0] !== 'freebusy') continue;
    const type = String(property[1].fbtype ?? 'BUSY').toUpperCase();
    if (type === 'FREE') continue;
    for (const value of property.slice(3)) {
      if (!Array.isArray(value)) continue;
      const start = timeOf(value[0], property[1], context);
      if (!start) continue;
      const startInstant = instantOf(start);
      const duration = durationOf(value[1]);
      const endTime = duration ? undefined : timeOf(value[1], property[1], context);
      if (!duration && !endTime) continue;
      addInterval(context, startInstant, duration ? endAfter(start, startInstant, duration) : instantOf(endTime!));
    }
  }
}

// ───────────────────────── the entry points ─────────────────────────

function checkInput(ics: unknown, window: unknown, options: unknown): { from: number; to: number; floating: ZoneRules } {
  if (typeof ics !== 'string') invalid('ics', '`ics` must be the text of an iCalendar file (a string).');
  if (ics.length > ICALENDAR_BUSY_LIMITS.maxTextLength)
    invalid(
      'ics',
      `\`ics\` is ${ics.length} characters; at most ${ICALENDAR_BUSY_LIMITS.maxTextLength} (10 MiB) are read. Ask for a shorter range or split the calendar.`,
    );
  if (typeof window !== 'object' || window === null) invalid('window', '`window` must be { from, to }, two ISO 8601 instants.');
  const { from, to } = window as Record<string, unknown>;
  if (!isInstant(from)) invalid('window.from', '`window.from` must be an ISO 8601 instant with Z or an offset, e.g. "2026-03-02T00:00:00Z".');
  if (!isInstant(to)) invalid('window.to', '`window.to` must be an ISO 8601 instant with Z or an offset, e.g. "2026-04-13T00:00:00Z".');
  const fromMs = Math.floor(Date.parse(from) / SECOND) * SECOND;
  const toMs = Math.floor(Date.parse(to) / SECOND) * SECOND;
  if (toMs < fromMs) invalid('window.to', '`window.to` must not be before `window.from`.');
  if (toMs - fromMs > ICALENDAR_BUSY_LIMITS.maxWindowDays * DAY)
    invalid('window.to', `The window must span at most ${ICALENDAR_BUSY_LIMITS.maxWindowDays} days; ask for busy times in parts.`);
  if (options !== undefined && (typeof options !== 'object' || options === null))
    invalid('options', '`options` must be an object such as { timeZone: "Europe/Berlin" }, or left out.');
  const timeZone = (options as BusyFromICalendarOptions | undefined)?.timeZone;
  let floating = UTC_RULES;
  if (timeZone !== undefined) {
    const rules = isTimeZone(timeZone) ? ianaZoneRules(timeZone) : undefined;
    if (!rules)
      invalid('options.timeZone', '`options.timeZone` must be an IANA time-zone name, e.g. "Europe/Berlin" (it reads floating times and all-day events).');
    floating = rules;
  }
  return { from: fromMs, to: toMs, floating };
}

/**
 * `busyFromICalendar` with what was left out: broken events (skipped, each with a reason) and series
 * cut at a limit. Same validation and errors.
 */
export function readICalendarBusy(ics: string, window: BusyWindow, options?: BusyFromICalendarOptions): ICalendarBusyResult {
  const { from, to, floating } = checkInput(ics, window, options);
  const text = ics.charCodeAt(0) === 0xfeff ? ics.slice(1) : ics;
  const lines = text.split(/\r\n|\n|\r/);
  const blocks = scan(lines);
  const context: Context = {
    floating,
    vtimezones: new Map(),
    zones: new Map(),
    from,
    to,
    notes: [],
    occurrenceBudget: ICALENDAR_BUSY_LIMITS.maxOccurrencesPerCalendar,
    stepBudget: ICALENDAR_BUSY_LIMITS.maxRuleStepsPerCalendar,
    intervals: [],
  };
  if (to === from) return { busy: [], notes: [] };

  const eventBlocks: Block[] = [];
  for (const block of blocks) {
    if (block.name === 'VTIMEZONE') {
      try {
        const component = parseBlock(lines, block);
        const tzid = component[1].find((property) => property[0] === 'tzid')?.[3];
        if (typeof tzid === 'string') context.vtimezones.set(tzid, component);
      } catch {
        // A broken VTIMEZONE: its TZID is read as an IANA name when it is one.
      }
    } else if (block.name === 'VEVENT') {
      if (!clearlyOutside(lines, block, from, to)) eventBlocks.push(block);
    } else if (block.name === 'VFREEBUSY') {
      try {
        addFreeBusy(parseBlock(lines, block), context);
      } catch (error) {
        context.notes.push({ uid: uidIn(lines, block), kind: 'skipped', reason: `VFREEBUSY: ${reasonOf(error)}` });
      }
    }
  }

  const masters: IcsEvent[] = [];
  const overridesByUid = new Map<string, IcsEvent[]>();
  for (const block of eventBlocks) {
    let event: IcsEvent;
    try {
      event = readEvent(parseBlock(lines, block), context);
    } catch (error) {
      context.notes.push({ uid: uidIn(lines, block), kind: 'skipped', reason: reasonOf(error) });
      continue;
    }
    if (event.recurrenceId !== undefined && event.uid !== undefined) {
      const list = overridesByUid.get(event.uid);
      if (list) list.push(event);
      else overridesByUid.set(event.uid, [event]);
    } else masters.push(event);
  }

  const preparedByUid = new Map<string, OverrideSet>();
  for (const master of masters) {
    const overrides = master.uid === undefined ? undefined : overridesByUid.get(master.uid);
    if (master.rrules.length === 0 && master.rdates.length === 0 && !overrides) {
      addOwnInterval(master, context);
      continue;
    }
    try {
      const key = master.uid ?? '\u0000(no UID)';
      let prepared = preparedByUid.get(key);
      if (!prepared) {
        prepared = prepareOverrides(overrides ?? [], context);
        preparedByUid.set(key, prepared);
      }
      expandSeries(master, prepared, context);
    } catch (error) {
      context.notes.push({ uid: master.uid, kind: 'skipped', reason: reasonOf(error) });
    }
  }
  // Overrides without a master in the text (a single invited instance): each stands alone.
  const seenMasters = new Set(masters.map((master) => master.uid));
  for (const [uid, overrides] of overridesByUid) {
    if (seenMasters.has(uid)) continue;
    for (const override of overrides) addOwnInterval(override, context);
  }
  return { busy: merge(context.intervals), notes: context.notes };
}

/** Sorts [start, end) pairs (flat array) and merges those that overlap or touch. */
function merge(flat: number[]): BusyInterval[] {
  const count = flat.length / 2;
  const order = Array.from({ length: count }, (_, index) => index);
  order.sort((a, b) => flat[2 * a]! - flat[2 * b]! || flat[2 * a + 1]! - flat[2 * b + 1]!);
  const result: BusyInterval[] = [];
  let currentStart = NaN;
  let currentEnd = NaN;
  for (const index of order) {
    const start = flat[2 * index]!;
    const end = flat[2 * index + 1]!;
    if (start <= currentEnd) {
      if (end > currentEnd) currentEnd = end;
      continue;
    }
    if (currentEnd > currentStart) result.push({ start: formatBusyInstant(currentStart), end: formatBusyInstant(currentEnd) });
    currentStart = start;
    currentEnd = end;
  }
  if (currentEnd > currentStart) result.push({ start: formatBusyInstant(currentStart), end: formatBusyInstant(currentEnd) });
  return result;
}

/**
 * The busy intervals an iCalendar text gives for a window: every VEVENT occurrence (RRULE, RDATE,
 * EXDATE and RECURRENCE-ID overrides applied, times in their TZID, floating times and all-day events in
 * `options.timeZone`) that is neither TRANSP:TRANSPARENT nor STATUS:CANCELLED, and every busy FREEBUSY
 * period of a VFREEBUSY; merged where they touch or overlap, clipped to `[from, to)`, sorted, UTC
 * instants to the second (`2026-03-08T10:00:00Z`). Broken events are skipped (see readICalendarBusy).
 *
 * @throws MentorKitError `invalid-input` at `ics`, `window`, `window.from`, `window.to`, `options` or
 *   `options.timeZone` when the input is not as documented or not iCalendar at all.
 */
export function busyFromICalendar(ics: string, window: BusyWindow, options?: BusyFromICalendarOptions): BusyInterval[] {
  return readICalendarBusy(ics, window, options).busy;
}
