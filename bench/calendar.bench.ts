// Calendars budget of DESIGN.md: busyFromICalendar on a generated calendar of 5,000 events (200
// recurring series: weekly, fortnightly, monthly on the 2nd Tuesday / last Friday / a month day, with
// EXDATEs and RECURRENCE-ID overrides, moved or cancelled), spread over 2024-2028, in four TZIDs with
// their VTIMEZONEs, for a 6-week window across the 2026 DST changes. Ours must take ≤ 0.3× the
// reference: ical.js parsing the whole text and expanding every event with its own iterator
// (ICAL.Event + relateException, zones registered in its TimezoneService) over the calendar's whole
// span, filtered to the window and merged. Both answers must be equal.
// Also: findCommonSlots for 5 people, each with such a calendar's busy intervals, within the
// scheduling budget (≤ 10 ms) once the busy intervals are known.
import ICAL from 'ical.js';
import { busyFromICalendar, type BusyInterval } from '@mentorkit/core/calendar';
import { findCommonSlots, type SlotParticipant } from '@mentorkit/core/scheduling';
import { budget, finish, formatMs, measure, seededRandom } from './support.js';

const WINDOW = { from: '2026-03-02T00:00:00Z', to: '2026-04-13T00:00:00Z' }; // 6 weeks: US, EU and Sydney changes
const SPAN_FROM = Date.UTC(2024, 0, 1);
const SPAN_TO = Date.UTC(2029, 0, 1);
const DAY = 86_400_000;

/** VTIMEZONEs as Outlook and Google write them (yearly rules). */
const VTIMEZONES: Record<string, string[]> = {
  'Europe/Berlin': [
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Berlin',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'TZNAME:CEST',
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'TZNAME:CET',
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
  ],
  'America/New_York': [
    'BEGIN:VTIMEZONE',
    'TZID:America/New_York',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:-0500',
    'TZOFFSETTO:-0400',
    'TZNAME:EDT',
    'DTSTART:20070311T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:-0400',
    'TZOFFSETTO:-0500',
    'TZNAME:EST',
    'DTSTART:20071104T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
  ],
  'Australia/Sydney': [
    'BEGIN:VTIMEZONE',
    'TZID:Australia/Sydney',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+1100',
    'TZOFFSETTO:+1000',
    'TZNAME:AEST',
    'DTSTART:20080406T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+1000',
    'TZOFFSETTO:+1100',
    'TZNAME:AEDT',
    'DTSTART:20081005T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
  ],
  'Asia/Kolkata': [
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Kolkata',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0530',
    'TZOFFSETTO:+0530',
    'TZNAME:IST',
    'DTSTART:19700101T000000',
    'END:STANDARD',
    'END:VTIMEZONE',
  ],
};
const ZONES = Object.keys(VTIMEZONES);

const random = seededRandom;

const pad = (value: number) => String(value).padStart(2, '0');
/** `YYYYMMDDTHHMMSS` of wall-clock milliseconds (fields read as UTC). */
const local = (wall: number) => {
  const date = new Date(wall);
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}00`;
};
const dateOnly = (wall: number) => local(wall).slice(0, 8);
const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The wall-clock day (00:00) of the n-th `weekday` (0 = Sunday) of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
    return Date.UTC(year, month, 1 + ((weekday - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month + 1, 0) - ((lastDay.getUTCDay() - weekday + 7) % 7) * DAY;
}

/** A calendar of `total` events of which `series` recur. Occurrences stay in daytime hours (no DST-change ambiguity). */
function generateCalendar(seed: number, total = 5000, series = 200): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//MentorKit bench//EN', 'CALSCALE:GREGORIAN'];
  for (const zone of ZONES) lines.push(...VTIMEZONES[zone]!);
  const stamp = 'DTSTAMP:20260101T000000Z';
  for (let index = 0; index < series; index++) {
    const zone = pick(ZONES);
    const uid = `series-${seed}-${index}@bench`;
    const hour = 8 + Math.floor(next() * 9);
    const minutes = pick([0, 15, 30, 45]);
    const length = pick([30, 45, 60, 90]);
    const kind = pick(['weekly', 'weekly', 'fortnightly', 'monthly-2tu', 'monthly-lastfr', 'monthly-day']);
    const startDay = SPAN_FROM + Math.floor(next() * 900) * DAY; // 2024 … mid 2026
    let first: number;
    let rule: string;
    const occurrences: number[] = []; // wall-clock starts, for EXDATEs and overrides
    if (kind === 'weekly' || kind === 'fortnightly') {
      const weekday = new Date(startDay).getUTCDay() || 1;
      first = Date.UTC(
        new Date(startDay).getUTCFullYear(),
        new Date(startDay).getUTCMonth(),
        new Date(startDay).getUTCDate() + ((weekday - new Date(startDay).getUTCDay() + 7) % 7),
        hour,
        minutes,
      );
      const interval = kind === 'fortnightly' ? 2 : 1;
      const second = (weekday % 5) + 1; // another weekday, Monday to Friday
      rule = `RRULE:FREQ=WEEKLY;INTERVAL=${interval};BYDAY=${WEEKDAY_CODES[weekday]},${WEEKDAY_CODES[second === weekday ? ((weekday + 1) % 5) + 1 : second]}`;
      for (let week = 0; week < 260; week += interval) occurrences.push(first + week * 7 * DAY);
    } else {
      const date = new Date(startDay);
      const year = date.getUTCFullYear();
      const month = date.getUTCMonth();
      if (kind === 'monthly-2tu') {
        first = nthWeekday(year, month, 2, 2) + (hour * 60 + minutes) * 60_000;
        rule = 'RRULE:FREQ=MONTHLY;BYDAY=2TU';
        for (let offset = 0; offset < 60; offset++) occurrences.push(nthWeekday(year, month + offset, 2, 2) + (hour * 60 + minutes) * 60_000);
      } else if (kind === 'monthly-lastfr') {
        first = nthWeekday(year, month, 5, -1) + (hour * 60 + minutes) * 60_000;
        rule = 'RRULE:FREQ=MONTHLY;BYDAY=-1FR';
        for (let offset = 0; offset < 60; offset++) occurrences.push(nthWeekday(year, month + offset, 5, -1) + (hour * 60 + minutes) * 60_000);
      } else {
        const day = 1 + Math.floor(next() * 28);
        first = Date.UTC(year, month, day, hour, minutes);
        rule = `RRULE:FREQ=MONTHLY;BYMONTHDAY=${day}`;
        for (let offset = 0; offset < 60; offset++) occurrences.push(Date.UTC(year, month + offset, day, hour, minutes));
      }
    }
    const until = next() < 0.5 ? ';UNTIL=20281231T235959Z' : next() < 0.5 ? `;COUNT=${20 + Math.floor(next() * 150)}` : '';
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}`,
      stamp,
      `SUMMARY:Series ${index}`,
      `DTSTART;TZID=${zone}:${local(first)}`,
      `DTEND;TZID=${zone}:${local(first + length * 60_000)}`,
      rule + until,
    );
    if (next() < 0.2) lines.push('TRANSP:TRANSPARENT');
    // Only occurrences that certainly exist (the first weekday of weekly rules, within COUNT) get EXDATEs and overrides.
    const known = occurrences.slice(0, 20);
    const excluded = new Set<number>();
    for (let count = 0; count < 3; count++) excluded.add(pick(known));
    lines.push(`EXDATE;TZID=${zone}:${[...excluded].map(local).join(',')}`);
    lines.push('END:VEVENT');
    const overridden = known
      .filter((wall) => !excluded.has(wall))
      .filter(() => next() < 0.15)
      .slice(0, 3);
    // One override per series lands near the window to exercise moves into and out of it.
    const nearWindow = occurrences.find((wall) => wall >= Date.parse(WINDOW.from) - 3 * DAY && wall < Date.parse(WINDOW.to));
    if (nearWindow !== undefined && !excluded.has(nearWindow) && occurrences.indexOf(nearWindow) < 20) overridden.push(nearWindow);
    for (const wall of new Set(overridden)) {
      const moved = wall + (Math.floor(next() * 7) - 3) * DAY + (Math.floor(next() * 4) - 2) * 3_600_000;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${uid}`,
        stamp,
        `RECURRENCE-ID;TZID=${zone}:${local(wall)}`,
        `SUMMARY:Series ${index} (moved)`,
        `DTSTART;TZID=${zone}:${local(moved)}`,
        `DTEND;TZID=${zone}:${local(moved + length * 60_000)}`,
      );
      if (next() < 0.25) lines.push('STATUS:CANCELLED');
      lines.push('END:VEVENT');
    }
  }
  for (let index = 0; index < total - series; index++) {
    const uid = `single-${seed}-${index}@bench`;
    const day = SPAN_FROM + Math.floor(next() * ((SPAN_TO - SPAN_FROM) / DAY)) * DAY;
    const shape = next();
    lines.push('BEGIN:VEVENT', `UID:${uid}`, stamp, `SUMMARY:Event ${index}`);
    if (shape < 0.08) {
      lines.push(`DTSTART;VALUE=DATE:${dateOnly(day)}`, `DTEND;VALUE=DATE:${dateOnly(day + (1 + Math.floor(next() * 3)) * DAY)}`);
      if (next() < 0.8) lines.push('TRANSP:TRANSPARENT'); // all-day entries are mostly reminders and holidays, shown as free
    } else {
      const start = day + (7 * 60 + Math.floor(next() * 40) * 15) * 60_000;
      const length = (1 + Math.floor(next() * 8)) * 15 * 60_000;
      if (shape < 0.4) lines.push(`DTSTART:${local(start)}Z`, `DTEND:${local(start + length)}Z`);
      else {
        const zone = pick(ZONES);
        lines.push(`DTSTART;TZID=${zone}:${local(start)}`);
        lines.push(next() < 0.5 ? `DTEND;TZID=${zone}:${local(start + length)}` : `DURATION:PT${length / 60_000}M`);
      }
      const transparent = next() < 0.05;
      if (transparent) lines.push('TRANSP:TRANSPARENT');
      else if (next() < 0.05) lines.push('STATUS:CANCELLED');
    }
    lines.push('LOCATION:Room 1', 'DESCRIPTION:Agenda: a few lines of text as real calendars have\\, with commas\\; and more.', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}

/** The reference: ical.js end to end, every event expanded over the calendar's whole span. */
function referenceBusy(ics: string, window: { from: string; to: string }): BusyInterval[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const registered: string[] = [];
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    const zone = new ICAL.Timezone(vtimezone);
    ICAL.TimezoneService.register(zone);
    registered.push(zone.tzid);
  }
  try {
    const from = Date.parse(window.from) / 1000;
    const to = Date.parse(window.to) / 1000;
    const spanEnd = SPAN_TO / 1000;
    const events = calendar.getAllSubcomponents('vevent');
    // Overrides by UID, given to each ICAL.Event explicitly: without `exceptions`, ICAL.Event relates
    // EVERY override of the parent calendar to the event, whatever its UID (strictExceptions is off).
    const exceptionsByUid = new Map<string, ICAL.Component[]>();
    const masterComponents: ICAL.Component[] = [];
    for (const component of events) {
      if (!component.hasProperty('recurrence-id')) masterComponents.push(component);
      else {
        const uid = String(component.getFirstPropertyValue('uid'));
        exceptionsByUid.set(uid, [...(exceptionsByUid.get(uid) ?? []), component]);
      }
    }
    const masters = masterComponents.map(
      (component) =>
        new ICAL.Event(component, { strictExceptions: true, exceptions: exceptionsByUid.get(String(component.getFirstPropertyValue('uid'))) ?? [] }),
    );
    const intervals: Array<[number, number]> = [];
    const busy = (component: ICAL.Component) =>
      String(component.getFirstPropertyValue('transp') ?? '').toUpperCase() !== 'TRANSPARENT' &&
      String(component.getFirstPropertyValue('status') ?? '').toUpperCase() !== 'CANCELLED';
    const add = (start: number, end: number) => {
      if (end > from && start < to && end > start) intervals.push([Math.max(start, from), Math.min(end, to)]);
    };
    for (const event of masters) {
      if (!event.isRecurring()) {
        if (busy(event.component)) add(event.startDate.toUnixTime(), event.endDate.toUnixTime());
        continue;
      }
      const iterator = event.iterator();
      for (let next = iterator.next(); next; next = iterator.next()) {
        if (next.toUnixTime() > spanEnd) break;
        const details = event.getOccurrenceDetails(next);
        if (busy(details.item.component)) add(details.startDate.toUnixTime(), details.endDate.toUnixTime());
      }
    }
    intervals.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const interval of intervals) {
      const last = merged[merged.length - 1];
      if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
      else merged.push([...interval]);
    }
    const format = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 19) + 'Z';
    return merged.map(([start, end]) => ({ start: format(start), end: format(end) }));
  } finally {
    for (const tzid of registered) ICAL.TimezoneService.remove(tzid);
  }
}

const ics = generateCalendar(2026);
console.log(
  `calendars: ${(ics.length / 1024 / 1024).toFixed(1)} MiB of iCalendar, 5,000 events (200 recurring series with EXDATEs and overrides), 2024-2028, ${ZONES.length} TZIDs with VTIMEZONEs; window ${WINDOW.from.slice(0, 10)} → ${WINDOW.to.slice(0, 10)} (6 weeks)`,
);

const ours = await measure(() => busyFromICalendar(ics, WINDOW), { runs: 7, warmup: 2 });
const reference = await measure(() => referenceBusy(ics, WINDOW), { runs: 3, warmup: 1 });
const same = JSON.stringify(ours.result) === JSON.stringify(reference.result);
if (!same) {
  const key = (interval: BusyInterval) => `${interval.start}/${interval.end}`;
  const theirs = new Set(reference.result.map(key));
  const mine = new Set(ours.result.map(key));
  console.log(
    `  only ours: ${ours.result
      .map(key)
      .filter((entry) => !theirs.has(entry))
      .slice(0, 5)
      .join(', ')}`,
  );
  console.log(
    `  only the reference's: ${reference.result
      .map(key)
      .filter((entry) => !mine.has(entry))
      .slice(0, 5)
      .join(', ')}`,
  );
}
console.log(`  ${ours.result.length} busy intervals in the window`);
budget({
  name: 'busyFromICalendar, 5,000 events, 6-week window',
  ours: ours.milliseconds,
  reference: { name: 'ical.js parse + iterator over the whole span', milliseconds: reference.milliseconds },
  limit: 0.3,
  same,
  note: `samples ${ours.samples.map(formatMs).join(', ')}`,
});

// Five people, each with such a calendar, looking for an hour together.
const people: SlotParticipant[] = ['America/New_York', 'America/Sao_Paulo', 'Europe/London', 'Europe/Berlin', 'Africa/Lagos'].map((timeZone, index) => ({
  id: `person-${index + 1}`,
  timeZone,
  workingHours: { 1: ['06:00-22:00'], 2: ['06:00-22:00'], 3: ['06:00-22:00'], 4: ['06:00-22:00'], 5: ['06:00-22:00'], 6: ['08:00-14:00'] },
  busy: busyFromICalendar(index === 0 ? ics : generateCalendar(2026 + index), WINDOW),
}));
const slotsRequest = { participants: people, from: WINDOW.from, to: WINDOW.to, durationMinutes: 60, stepMinutes: 15 };
const slots = await measure(() => findCommonSlots(slotsRequest), { runs: 15, warmup: 3 });
console.log(`  ${people.map((person) => person.busy!.length).join(' + ')} busy intervals; ${slots.result.length} common 60-minute slots`);
budget({ name: 'findCommonSlots, 5 people with calendar busy times', ours: slots.milliseconds, maxMilliseconds: 10 });
finish();
