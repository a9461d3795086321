import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMentorKitError } from '@mentorkit/core';
import { toICalendar, type ICalSession } from '@mentorkit/core/ical';
import { intlLocal } from './scheduling-brute.js';

/** Unfolds RFC 5545 content lines. */
const unfold = (text: string) =>
  text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '');

/** Parses `YYYYMMDDTHHMMSS` as if UTC, in ms. */
const wallMs = (value: string) =>
  Date.UTC(
    Number(value.slice(0, 4)),
    Number(value.slice(4, 6)) - 1,
    Number(value.slice(6, 8)),
    Number(value.slice(9, 11)),
    Number(value.slice(11, 13)),
    Number(value.slice(13, 15)),
  );
const offsetMinutes = (value: string) => (value.startsWith('-') ? -1 : 1) * (Number(value.slice(1, 3)) * 60 + Number(value.slice(3, 5)));

/** Observances of each VTIMEZONE: onset instant (ms) and the offset after it. */
function timeZonesOf(lines: string[]) {
  const zones = new Map<string, Array<{ onset: number; to: number }>>();
  let zone: string | undefined;
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line.startsWith('TZID:')) zone = line.slice(5);
    else if (line === 'BEGIN:STANDARD' || line === 'BEGIN:DAYLIGHT') current = {};
    else if ((line === 'END:STANDARD' || line === 'END:DAYLIGHT') && current && zone) {
      const list = zones.get(zone) ?? [];
      list.push({ onset: wallMs(current.DTSTART!) - offsetMinutes(current.TZOFFSETFROM!) * 60_000, to: offsetMinutes(current.TZOFFSETTO!) });
      zones.set(zone, list);
      current = undefined;
    } else if (current) {
      const [key, value] = line.split(':') as [string, string];
      current[key] = value;
    }
  }
  for (const list of zones.values()) list.sort((a, b) => a.onset - b.onset);
  return zones;
}

/** The instant a `TZID=zone:local` value means according to the file's own VTIMEZONE. */
function resolve(zones: ReturnType<typeof timeZonesOf>, zone: string, local: string): number {
  const observances = zones.get(zone)!;
  const candidates = observances
    .map((observance, index) => ({ utc: wallMs(local) - observance.to * 60_000, from: observance.onset, until: observances[index + 1]?.onset ?? Infinity }))
    .filter((candidate) => candidate.utc >= candidate.from && candidate.utc < candidate.until);
  assert.ok(candidates.length >= 1, `${zone} ${local} is covered by the VTIMEZONE`);
  return candidates[0]!.utc;
}

const events = (lines: string[]) => {
  const list: Array<Record<string, string>> = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') (list.push(current!), (current = undefined));
    else if (current) {
      const index = line.indexOf(':');
      current[line.slice(0, index)] = line.slice(index + 1);
    }
  }
  return list;
};

const session: ICalSession = {
  id: 'session-1',
  title: 'Mentoring: Hana & Sarah',
  start: '2026-10-20T22:00:00Z',
  end: '2026-10-20T23:00:00Z',
  timeZone: 'America/New_York',
  agenda: 'Goals; next steps, and a plan',
  meetingUrl: 'https://meet.example.com/abc',
  attendees: [
    { name: 'Hana Sato', email: 'hana@example.org' },
    { name: 'Sarah Cohen', email: 'sarah@example.org' },
  ],
};

describe('toICalendar', () => {
  test('writes valid RFC 5545: CRLF, folded lines ≤ 75 octets, one VTIMEZONE per TZID, UTC stamps', () => {
    const text = toICalendar([session, { ...session, id: 'session-2', start: '2026-11-03T23:00:00Z', end: '2026-11-04T00:00:00Z' }], {
      stamp: '2026-10-01T08:00:00Z',
    });
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:'));
    assert.ok(text.trimEnd().endsWith('END:VCALENDAR'));
    for (const line of text.split('\r\n')) assert.ok(new TextEncoder().encode(line).length <= 75, `line too long: ${line}`);
    assert.ok(!/[^\r]\n/.test(text), 'only CRLF line ends');
    const lines = unfold(text);
    assert.equal(lines.filter((line) => line === 'BEGIN:VTIMEZONE').length, 1);
    assert.ok(lines.includes('TZID:America/New_York'));
    const [first, second] = events(lines);
    assert.equal(first!['DTSTART;TZID=America/New_York'], '20261020T180000');
    assert.equal(first!['DTEND;TZID=America/New_York'], '20261020T190000');
    // After the clocks change the session stays at 18:00 New York time.
    assert.equal(second!['DTSTART;TZID=America/New_York'], '20261103T180000');
    assert.equal(first!.DTSTAMP, '20261001T080000Z');
    assert.equal(first!.UID, 'session-1@mentorkit.invalid');
    assert.equal(first!.SUMMARY, 'Mentoring: Hana & Sarah');
    assert.equal(first!.DESCRIPTION, 'Goals\\; next steps\\, and a plan\\n\\nJoin: https://meet.example.com/abc');
    assert.equal(first!['URL;VALUE=URI'], 'https://meet.example.com/abc');
    assert.equal(first!['ATTENDEE;ROLE=REQ-PARTICIPANT;CN="Hana Sato"'], 'MAILTO:hana@example.org');
    const zones = timeZonesOf(lines);
    assert.equal(resolve(zones, 'America/New_York', '20261020T180000'), Date.parse('2026-10-20T22:00:00Z'));
    assert.equal(resolve(zones, 'America/New_York', '20261103T180000'), Date.parse('2026-11-03T23:00:00Z'));
  });

  test("property: every DTSTART/DTEND, read through the file's own VTIMEZONE, is the session's instant", () => {
    const zones = [
      'America/New_York',
      'Europe/London',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Pacific/Apia',
      'Asia/Tokyo',
      'America/Sao_Paulo',
      'Africa/Casablanca',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...zones), fc.integer({ min: 0, max: 2 * 365 * 96 }), fc.integer({ min: 1, max: 16 })), {
          minLength: 1,
          maxLength: 6,
        }),
        (specs) => {
          const sessions = specs.map(([timeZone, quarter, length], index) => {
            const start = Date.parse('2026-01-01T00:00:00Z') + quarter * 15 * 60_000;
            return {
              id: `s${index}`,
              title: `Session ${index}`,
              timeZone,
              start: new Date(start).toISOString(),
              end: new Date(start + length * 15 * 60_000).toISOString(),
            };
          });
          const lines = unfold(toICalendar(sessions, { stamp: '2026-01-01T00:00:00Z' }));
          const timeZones = timeZonesOf(lines);
          events(lines).forEach((event, index) => {
            const source = sessions[index]!;
            const key = `DTSTART;TZID=${source.timeZone}`;
            if (event[key] === undefined) {
              // Written in UTC: the session starts or ends in the repeated hour of a change back.
              assert.equal(wallMs(event.DTSTART!), Date.parse(source.start));
              assert.ok(event.DTSTART!.endsWith('Z'));
              assert.equal(wallMs(event.DTEND!), Date.parse(source.end));
              return;
            }
            const local = intlLocal(source.timeZone, Date.parse(source.start));
            assert.equal(event[key]!.slice(0, 8), local.date.replaceAll('-', ''));
            assert.equal(resolve(timeZones, source.timeZone, event[key]!), Date.parse(source.start), `${source.timeZone} ${event[key]}`);
            assert.equal(resolve(timeZones, source.timeZone, event[`DTEND;TZID=${source.timeZone}`]!), Date.parse(source.end));
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  test('a session in the repeated hour of a change back is written in UTC (a TZID time means the first occurrence)', () => {
    // New York, 1 November 2026: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    const [first, second] = events(
      unfold(
        toICalendar(
          [
            { id: 'a', title: 'First 01:30', start: '2026-11-01T05:30:00Z', end: '2026-11-01T05:45:00Z', timeZone: 'America/New_York' },
            { id: 'b', title: 'Second 01:30', start: '2026-11-01T06:30:00Z', end: '2026-11-01T06:45:00Z', timeZone: 'America/New_York' },
          ],
          { stamp: '2026-10-01T08:00:00Z' },
        ),
      ),
    );
    assert.equal(first!['DTSTART;TZID=America/New_York'], '20261101T013000');
    assert.equal(second!.DTSTART, '20261101T063000Z');
    assert.equal(second!.DTEND, '20261101T064500Z');
  });

  test('cancelled sessions say so; revisions bump SEQUENCE; hostile text stays text', () => {
    const lines = unfold(toICalendar([{ ...session, title: 'BEGIN:VEVENT\r\nX-EVIL:1', status: 'cancelled', revision: 3 }], { stamp: '2026-10-01T08:00:00Z' }));
    const [event] = events(lines);
    assert.equal(event!.STATUS, 'CANCELLED');
    assert.equal(event!.SEQUENCE, '2');
    assert.equal(lines.filter((line) => line === 'BEGIN:VEVENT').length, 1);
    assert.ok(!lines.includes('X-EVIL:1'));
  });

  test('validates its input', () => {
    const invalid = (sessions: unknown, path: string, options?: unknown) =>
      assert.throws(
        () => toICalendar(sessions as never, options as never),
        (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === path,
      );
    invalid('nope', 'sessions');
    invalid([{ ...session, id: '' }], 'sessions[0].id');
    invalid([{ ...session, start: 'now' }], 'sessions[0].start');
    invalid([{ ...session, end: '2026-10-20T21:00:00Z' }], 'sessions[0].end');
    invalid([{ ...session, timeZone: 'Mars/Base' }], 'sessions[0].timeZone');
    invalid([{ ...session, meetingUrl: 'javascript:alert(1)' }], 'sessions[0].meetingUrl');
    invalid([{ ...session, attendees: [{ name: 'X', email: 'not an email' }] }], 'sessions[0].attendees[0].email');
    invalid([session], 'options.method', { method: 'DELETE' });
  });

  test('timeZoneSpan: each VTIMEZONE covers the span, so separately written events joined under one zone still read right', () => {
    const later: ICalSession = { id: 'late', title: 'Check-in', start: '2027-11-08T08:00:00Z', end: '2027-11-08T09:00:00Z', timeZone: 'Europe/Madrid' };
    const early: ICalSession = { id: 'early', title: 'Check-in', start: '2026-07-06T07:00:00Z', end: '2026-07-06T08:00:00Z', timeZone: 'Europe/Madrid' };
    const span = { from: '2026-01-01T00:00:00Z', to: '2029-01-01T00:00:00Z' };
    const narrow = timeZonesOf(unfold(toICalendar([later])));
    assert.ok(
      narrow.get('Europe/Madrid')!.every((observance) => observance.onset > Date.parse('2027-01-01T00:00:00Z')),
      'without a span, the zone covers about the session only',
    );
    const lines = unfold(toICalendar([later], { timeZoneSpan: span }));
    const zones = timeZonesOf(lines);
    const madrid = zones.get('Europe/Madrid')!;
    assert.ok(madrid[0]!.onset <= Date.parse(span.from), 'starts at the span');
    assert.ok(
      madrid.some((observance) => observance.onset === Date.parse('2028-10-29T01:00:00Z')),
      "reaches the span's end",
    );
    // The earlier event, read with the later one's zone (as a CalDAV server joins them), is right.
    const earlyStart = unfold(toICalendar([early], { timeZoneSpan: span })).find((line) => line.startsWith('DTSTART;TZID='))!;
    assert.equal(resolve(zones, 'Europe/Madrid', earlyStart.split(':')[1]!), Date.parse(early.start));
    const invalid = (options: unknown) =>
      assert.throws(
        () => toICalendar([later], options as never),
        (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'options.timeZoneSpan',
      );
    invalid({ timeZoneSpan: { from: 'then', to: span.to } });
    invalid({ timeZoneSpan: { from: span.to, to: span.from } });
    invalid({ timeZoneSpan: { from: '2000-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' } });
  });

  test('method: null writes no METHOD (a calendar object stored on a CalDAV server must not have one)', () => {
    const session: ICalSession = { id: 's1', title: 'Check-in', start: '2026-10-20T22:00:00Z', end: '2026-10-20T23:00:00Z', timeZone: 'Europe/Madrid' };
    assert.ok(unfold(toICalendar([session])).includes('METHOD:PUBLISH'));
    const lines = unfold(toICalendar([session], { method: null }));
    assert.equal(
      lines.some((line) => line.startsWith('METHOD')),
      false,
    );
    assert.ok(lines.includes('BEGIN:VEVENT'));
  });
});
