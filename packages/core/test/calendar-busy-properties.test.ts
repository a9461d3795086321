// Property tests of busyFromICalendar against an independent brute force written here with luxon:
// recurring series are expanded by stepping local calendar dates one by one (no ical.js), local times
// become instants by checking luxon's wall clock (RFC 5545 3.3.5: a repeated time is the first, a
// skipped one is read with the offset before the gap), and the intervals are clipped and merged.
// Random daily and weekly series in zones with DST, odd offsets and 30-minute DST, random windows
// across DST changes; equal to the second.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { busyFromICalendar, type BusyInterval } from '@mentorkit/core/calendar';
import { vtimezone } from '@mentorkit/core/ical';

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Pacific/Chatham',
  'Australia/Adelaide',
  'America/Santiago',
  'Europe/London',
  'Asia/Tehran',
  'UTC',
] as const;
const DAY = 86_400_000;
const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const; // luxon weekday 1..7

interface Series {
  zone: string;
  /** Local start date (days since the epoch, as a UTC date) and time. */
  startDay: number;
  hour: number;
  minute: number;
  minutes: number;
  useDuration: boolean;
  frequency: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  /** MONTHLY: the DTSTART's weekday in its month, 1-4 or -1 (last), as BYDAY=2TU / -1FR. */
  nth?: number;
  interval: number;
  /** Extra weekdays (luxon numbers) besides DTSTART's, for WEEKLY. */
  extraDays: number[];
  count?: number;
  /** UNTIL: 12:00Z of this day. */
  untilDay?: number;
  /** Occurrence indexes to exclude with an EXDATE. */
  excluded: number[];
  transparent: boolean;
  /** Overrides (RECURRENCE-ID) of occurrence `index`: moved by `shiftMinutes`, lasting `minutes`, maybe cancelled. */
  moved: Array<{ index: number; shiftMinutes: number; minutes: number; cancelled: boolean }>;
  /** Write the zone as a VTIMEZONE under a made-up TZID (built from luxon's rules by core's ical module). */
  ownVtimezone: boolean;
}

const localFields = (day: number, hour: number, minute: number) => {
  const date = new Date(day * DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour, minute, second: 0 };
};
const pad = (value: number) => String(value).padStart(2, '0');
const icsLocal = (fields: ReturnType<typeof localFields>) => `${fields.year}${pad(fields.month)}${pad(fields.day)}T${pad(fields.hour)}${pad(fields.minute)}00`;

/** The instant of a local wall-clock time, by RFC 5545 3.3.5, found with luxon's wall clock. */
function instantOfLocal(zone: string, fields: ReturnType<typeof localFields>): number {
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute);
  const iana = IANAZone.create(zone);
  // Every offset the zone has within a day and a half either side; keep those that give back this wall time.
  const offsets = new Set<number>();
  for (let hours = -36; hours <= 36; hours += 6) offsets.add(iana.offset(wall + hours * 3_600_000));
  const matches: number[] = [];
  for (const offset of offsets) {
    const candidate = wall - offset * 60_000;
    const back = DateTime.fromMillis(candidate, { zone });
    if (back.year === fields.year && back.month === fields.month && back.day === fields.day && back.hour === fields.hour && back.minute === fields.minute)
      matches.push(candidate);
  }
  if (matches.length > 0) return Math.min(...matches);
  // Skipped by a change: read with the offset in force before the gap (a day and a half earlier).
  return wall - iana.offset(wall - 36 * 3_600_000) * 60_000;
}

/** Occurrence starts (instants) of a series by stepping local dates. */
function bruteOccurrences(series: Series, lastDay: number, maxIndex = Infinity): Array<{ start: number; index: number }> {
  const occurrences: Array<{ start: number; index: number }> = [];
  const startWeekday = DateTime.fromMillis(series.startDay * DAY, { zone: 'utc' }).weekday;
  const weekdays = new Set([startWeekday, ...series.extraDays]);
  const startMonday = series.startDay - (startWeekday - 1);
  const until = series.untilDay === undefined ? Infinity : series.untilDay * DAY + 12 * 3_600_000;
  let index = 0;
  for (let day = series.startDay; day <= lastDay; day++) {
    if (series.frequency === 'DAILY') {
      if ((day - series.startDay) % series.interval !== 0) continue;
    } else if (series.frequency === 'MONTHLY') {
      const date = DateTime.fromMillis(day * DAY, { zone: 'utc' });
      const start = DateTime.fromMillis(series.startDay * DAY, { zone: 'utc' });
      if (date.weekday !== start.weekday) continue;
      if (((date.year - start.year) * 12 + date.month - start.month) % series.interval !== 0) continue;
      const nth = series.nth!;
      if (nth > 0 ? Math.ceil(date.day / 7) !== nth : date.day + 7 <= date.daysInMonth!) continue;
    } else {
      const weekday = DateTime.fromMillis(day * DAY, { zone: 'utc' }).weekday;
      if (!weekdays.has(weekday)) continue;
      if (Math.floor((day - startMonday) / 7) % series.interval !== 0) continue;
    }
    const start = instantOfLocal(series.zone, localFields(day, series.hour, series.minute));
    if (start > until && index > 0) break; // DTSTART is always the first instance (RFC 5545), even after UNTIL
    if (series.count !== undefined && index >= series.count) break;
    if (index > maxIndex) break;
    occurrences.push({ start, index });
    index++;
  }
  return occurrences;
}

function bruteBusy(seriesList: Series[], from: number, to: number): BusyInterval[] {
  const intervals: Array<[number, number]> = [];
  const lastDay = Math.floor(to / DAY) + 2;
  for (const series of seriesList) {
    if (series.transparent && series.moved.length === 0) continue;
    const maxShift = Math.max(0, ...series.moved.map((move) => -move.shiftMinutes)) * 60_000;
    for (const occurrence of bruteOccurrences(series, lastDay + Math.ceil(maxShift / DAY) + 2)) {
      if (series.excluded.includes(occurrence.index)) continue;
      const move = series.moved.find((candidate) => candidate.index === occurrence.index);
      if (move?.cancelled) continue;
      if (series.transparent && !move) continue;
      const start = move ? occurrence.start + move.shiftMinutes * 60_000 : occurrence.start;
      const end = start + (move ? move.minutes : series.minutes) * 60_000;
      if (end > from && start < to) intervals.push([Math.max(start, from), Math.min(end, to)]);
    }
  }
  intervals.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else merged.push([...interval]);
  }
  const format = (milliseconds: number) => new Date(milliseconds).toISOString().slice(0, 19) + 'Z';
  return merged.filter(([start, end]) => end > start).map(([start, end]) => ({ start: format(start), end: format(end) }));
}

function toIcs(seriesList: Series[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//MentorKit properties//EN'];
  const written = new Set<string>();
  for (const series of seriesList) {
    if (!series.ownVtimezone || series.zone === 'UTC' || written.has(series.zone)) continue;
    written.add(series.zone);
    // Every change from two years before the first possible DTSTART to two years after the last window.
    const text = vtimezone(series.zone, (FIRST_DAY - 800) * 1440, (LAST_DAY + 800) * 1440).replace(`TZID:${series.zone}`, `TZID:Own ${series.zone}`);
    lines.push(...text.split('\r\n'));
  }
  seriesList.forEach((series, number) => {
    const start = localFields(series.startDay, series.hour, series.minute);
    const tz = series.zone === 'UTC' ? '' : series.ownVtimezone ? `;TZID="Own ${series.zone}"` : `;TZID=${series.zone}`;
    const startValue = series.zone === 'UTC' ? `${icsLocal(start)}Z` : icsLocal(start);
    lines.push('BEGIN:VEVENT', `UID:series-${number}@properties`, 'DTSTAMP:20260101T000000Z', `DTSTART${tz}:${startValue}`);
    if (series.useDuration) lines.push(`DURATION:PT${series.minutes}M`);
    else {
      // DTEND: the exact length after the start's instant, written in UTC (an exact duration, RFC 5545 3.8.5.3).
      const end = new Date(instantOfLocal(series.zone, start) + series.minutes * 60_000);
      lines.push(`DTEND:${end.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`);
    }
    const startWeekday = DateTime.fromMillis(series.startDay * DAY, { zone: 'utc' }).weekday;
    let rule = `RRULE:FREQ=${series.frequency};INTERVAL=${series.interval}`;
    if (series.frequency === 'WEEKLY')
      rule += `;BYDAY=${[...new Set([startWeekday, ...series.extraDays])]
        .sort()
        .map((day) => WEEKDAY_CODES[day - 1])
        .join(',')}`;
    if (series.frequency === 'MONTHLY') rule += `;BYDAY=${series.nth}${WEEKDAY_CODES[startWeekday - 1]}`;
    if (series.count !== undefined) rule += `;COUNT=${series.count}`;
    else if (series.untilDay !== undefined) rule += `;UNTIL=${icsLocal(localFields(series.untilDay, 12, 0))}Z`;
    lines.push(rule);
    if (series.excluded.length > 0) {
      const all = bruteOccurrences(series, series.startDay + 3000, Math.max(...series.excluded));
      const excluded = all.filter((occurrence) => series.excluded.includes(occurrence.index));
      for (const occurrence of excluded) lines.push(`EXDATE:${new Date(occurrence.start).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`);
    }
    if (series.transparent) lines.push('TRANSP:TRANSPARENT');
    lines.push('END:VEVENT');
    if (series.moved.length > 0) {
      const all = bruteOccurrences(series, series.startDay + 3000, Math.max(...series.moved.map((move) => move.index)));
      const utc = (milliseconds: number) => `${new Date(milliseconds).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
      for (const move of series.moved) {
        const occurrence = all.find((candidate) => candidate.index === move.index);
        if (!occurrence) continue;
        const moved = occurrence.start + move.shiftMinutes * 60_000;
        lines.push(
          'BEGIN:VEVENT',
          `UID:series-${number}@properties`,
          'DTSTAMP:20260101T000000Z',
          `RECURRENCE-ID:${utc(occurrence.start)}`,
          `DTSTART:${utc(moved)}`,
          `DTEND:${utc(moved + move.minutes * 60_000)}`,
        );
        if (move.cancelled) lines.push('STATUS:CANCELLED');
        lines.push('END:VEVENT');
      }
    }
  });
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}

// 2025-01-01 .. 2027-12-31 as epoch days.
const FIRST_DAY = Date.UTC(2025, 0, 1) / DAY;
const LAST_DAY = Date.UTC(2027, 11, 31) / DAY;

/** The epoch day of the nth (1-4, or -1 for last) occurrence, in `day`'s month, of `day`'s weekday. */
function nthWeekdayDay(day: number, nth: number): number {
  const date = DateTime.fromMillis(day * DAY, { zone: 'utc' });
  const first = date.startOf('month');
  const offset = (date.weekday - first.weekday + 7) % 7;
  let target = first.plus({ days: offset });
  if (nth > 0) target = target.plus({ weeks: nth - 1 });
  else while (target.plus({ weeks: 1 }).month === date.month) target = target.plus({ weeks: 1 });
  return Math.round(target.toMillis() / DAY);
}

const seriesArbitrary: fc.Arbitrary<Series> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    startDay: fc.integer({ min: FIRST_DAY, max: LAST_DAY - 100 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.constantFrom(0, 15, 30, 45),
    minutes: fc.integer({ min: 5, max: 600 }),
    useDuration: fc.boolean(),
    frequency: fc.constantFrom('DAILY' as const, 'WEEKLY' as const, 'MONTHLY' as const),
    nth: fc.constantFrom(1, 2, 3, 4, -1),
    moved: fc.uniqueArray(
      fc.record({
        index: fc.integer({ min: 0, max: 40 }),
        shiftMinutes: fc.oneof(fc.integer({ min: -600, max: 600 }), fc.integer({ min: -400 * 1440, max: 400 * 1440 })),
        minutes: fc.integer({ min: 5, max: 300 }),
        cancelled: fc.boolean(),
      }),
      { maxLength: 3, selector: (move) => move.index },
    ),
    ownVtimezone: fc.boolean(),
    interval: fc.integer({ min: 1, max: 3 }),
    extraDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 3 }),
    end: fc.oneof(fc.constant({}), fc.record({ count: fc.integer({ min: 1, max: 400 }) }), fc.record({ untilOffset: fc.integer({ min: 0, max: 700 }) })),
    excluded: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 3 }),
    transparent: fc.integer({ min: 0, max: 9 }).map((value) => value === 0),
  })
  .map(({ end, ...rest }) => {
    // MONTHLY: DTSTART moved onto the nth weekday of its month, so that it is one of the rule's occurrences.
    const startDay = rest.frequency === 'MONTHLY' ? nthWeekdayDay(rest.startDay, rest.nth) : rest.startDay;
    return {
      ...rest,
      startDay,
      ...('count' in end ? { count: end.count } : {}),
      // UNTIL on or after DTSTART's day (an UNTIL before DTSTART is left undefined by RFC 5545).
      ...('untilOffset' in end ? { untilDay: startDay + end.untilOffset } : {}),
    };
  });

const windowArbitrary = fc
  .record({
    startDay: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
    startHour: fc.integer({ min: 0, max: 23 }),
    lengthHours: fc.integer({ min: 1, max: 24 * 60 }),
  })
  .map(({ startDay, startHour, lengthHours }) => {
    const from = startDay * DAY + startHour * 3_600_000;
    return { from, to: from + lengthHours * 3_600_000 };
  });

describe('busyFromICalendar agrees with a luxon brute force', () => {
  test('random daily and weekly series in DST and odd-offset zones, random windows (to the second)', () => {
    fc.assert(
      fc.property(fc.array(seriesArbitrary, { minLength: 1, maxLength: 4 }), windowArbitrary, (seriesList, window) => {
        const ics = toIcs(seriesList);
        const iso = (milliseconds: number) => new Date(milliseconds).toISOString();
        const ours = busyFromICalendar(ics, { from: iso(window.from), to: iso(window.to) });
        assert.deepEqual(ours, bruteBusy(seriesList, window.from, window.to));
      }),
      { numRuns: 150 },
    );
  });

  test('windows around DST changes of the series zone', () => {
    const changes = [
      Date.UTC(2026, 2, 29, 1),
      Date.UTC(2026, 9, 25, 1),
      Date.UTC(2026, 2, 8, 7),
      Date.UTC(2026, 10, 1, 6),
      Date.UTC(2026, 3, 4, 15),
      Date.UTC(2026, 9, 3, 15),
    ];
    fc.assert(
      fc.property(
        seriesArbitrary,
        fc.constantFrom(...changes),
        fc.integer({ min: -72, max: 24 }),
        fc.integer({ min: 1, max: 24 * 10 }),
        (series, change, startHours, lengthHours) => {
          const from = change + startHours * 3_600_000;
          const to = from + lengthHours * 3_600_000;
          // Moved to start up to 200 days before the window (onto its nth weekday for MONTHLY), UNTIL moved alike.
          let startDay = Math.floor(from / DAY) - (series.startDay % 200);
          if (series.frequency === 'MONTHLY') startDay = nthWeekdayDay(startDay, series.nth!);
          const placed = { ...series, startDay, ...(series.untilDay === undefined ? {} : { untilDay: series.untilDay - series.startDay + startDay }) };
          const ics = toIcs([placed]);
          const ours = busyFromICalendar(ics, { from: new Date(from).toISOString(), to: new Date(to).toISOString() });
          assert.deepEqual(ours, bruteBusy([placed], from, to));
        },
      ),
      { numRuns: 150 },
    );
  });

  test('all-day weekly series are whole local days of options.timeZone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: FIRST_DAY, max: LAST_DAY - 100 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 20 }),
        windowArbitrary,
        (zone, startDay, days, count, window) => {
          const date = (day: number) => new Date(day * DAY).toISOString().slice(0, 10).replace(/-/g, '');
          const ics = [
            'BEGIN:VCALENDAR',
            'VERSION:2.0',
            'BEGIN:VEVENT',
            'UID:allday',
            `DTSTART;VALUE=DATE:${date(startDay)}`,
            `DTEND;VALUE=DATE:${date(startDay + days)}`,
            `RRULE:FREQ=WEEKLY;COUNT=${count}`,
            'END:VEVENT',
            'END:VCALENDAR',
          ].join('\r\n');
          const intervals: Array<[number, number]> = [];
          for (let week = 0; week < count; week++) {
            const first = startDay + week * 7;
            const start = instantOfLocal(zone, localFields(first, 0, 0));
            const end = instantOfLocal(zone, localFields(first + days, 0, 0));
            if (end > window.from && start < window.to) intervals.push([Math.max(start, window.from), Math.min(end, window.to)]);
          }
          const merged: Array<[number, number]> = [];
          for (const interval of intervals) {
            const last = merged[merged.length - 1];
            if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
            else merged.push([...interval]);
          }
          const format = (milliseconds: number) => new Date(milliseconds).toISOString().slice(0, 19) + 'Z';
          const expected = merged.map(([start, end]) => ({ start: format(start), end: format(end) }));
          assert.deepEqual(
            busyFromICalendar(ics, { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() }, { timeZone: zone }),
            expected,
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
