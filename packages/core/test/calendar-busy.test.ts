import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isMentorKitError } from '@mentorkit/core';
import { busyFromICalendar, ICALENDAR_BUSY_LIMITS, readICalendarBusy } from '@mentorkit/core/calendar';

/** A VCALENDAR around the given VEVENT/VFREEBUSY/VTIMEZONE lines (CRLF, like real files). */
const calendar = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//MentorKit tests//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const vevent = (...lines: string[]) => ['BEGIN:VEVENT', `DTSTAMP:20260101T000000Z`, ...lines, 'END:VEVENT'];
const span = (start: string, end: string) => ({ start, end });
const WINDOW = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };

function expectInvalid(run: () => unknown, path: string) {
  assert.throws(run, (error: unknown) => {
    assert.ok(isMentorKitError(error), `expected a MentorKitError, got ${String(error)}`);
    assert.equal(error.code, 'invalid-input');
    assert.equal(error.path, path);
    assert.ok(error.message.length > 20, 'a message a person can act on');
    return true;
  });
}

describe('busyFromICalendar: times and zones', () => {
  test('weekly 09:00 Europe/Berlin moves an hour in UTC at the March and October changes', () => {
    const ics = calendar(
      ...vevent(
        'UID:berlin',
        'DTSTART;TZID=Europe/Berlin:20260323T090000',
        'DTEND;TZID=Europe/Berlin:20260323T100000',
        'RRULE:FREQ=WEEKLY;UNTIL=20261102T235959Z',
      ),
    );
    const busy = busyFromICalendar(ics, { from: '2026-03-20T00:00:00Z', to: '2026-04-03T00:00:00Z' });
    assert.deepEqual(busy, [span('2026-03-23T08:00:00Z', '2026-03-23T09:00:00Z'), span('2026-03-30T07:00:00Z', '2026-03-30T08:00:00Z')]);
    const autumn = busyFromICalendar(ics, { from: '2026-10-18T00:00:00Z', to: '2026-11-10T00:00:00Z' });
    assert.deepEqual(autumn, [
      span('2026-10-19T07:00:00Z', '2026-10-19T08:00:00Z'),
      span('2026-10-26T08:00:00Z', '2026-10-26T09:00:00Z'),
      span('2026-11-02T08:00:00Z', '2026-11-02T09:00:00Z'),
    ]);
  });

  test('America/New_York across 8 March 2026 (EST → EDT)', () => {
    const ics = calendar(...vevent('UID:ny', 'DTSTART;TZID=America/New_York:20260302T090000', 'DURATION:PT30M', 'RRULE:FREQ=WEEKLY;COUNT=2'));
    assert.deepEqual(busyFromICalendar(ics, WINDOW), [
      span('2026-03-02T14:00:00Z', '2026-03-02T14:30:00Z'),
      span('2026-03-09T13:00:00Z', '2026-03-09T13:30:00Z'),
    ]);
  });

  test('Australia/Lord_Howe: the 30-minute change on 5 April 2026', () => {
    const ics = calendar(
      ...vevent('UID:lh', 'DTSTART;TZID=Australia/Lord_Howe:20260404T090000', 'DTEND;TZID=Australia/Lord_Howe:20260404T093000', 'RRULE:FREQ=DAILY;COUNT=2'),
    );
    assert.deepEqual(busyFromICalendar(ics, WINDOW), [
      span('2026-04-03T22:00:00Z', '2026-04-03T22:30:00Z'),
      span('2026-04-04T22:30:00Z', '2026-04-04T23:00:00Z'),
    ]);
  });

  test('Asia/Kathmandu (+05:45)', () => {
    const ics = calendar(...vevent('UID:ktm', 'DTSTART;TZID=Asia/Kathmandu:20260310T090000', 'DTEND;TZID=Asia/Kathmandu:20260310T100000'));
    assert.deepEqual(busyFromICalendar(ics, WINDOW), [span('2026-03-10T03:15:00Z', '2026-03-10T04:15:00Z')]);
  });

  test('a local time skipped by the spring change is read with the offset before it; a repeated one is the first', () => {
    const ics = calendar(
      ...vevent('UID:gap', 'DTSTART;TZID=Europe/Berlin:20260329T023000', 'DURATION:PT10M'),
      ...vevent('UID:overlap', 'DTSTART;TZID=Europe/Berlin:20261025T023000', 'DURATION:PT10M'),
    );
    assert.deepEqual(busyFromICalendar(ics, WINDOW), [
      span('2026-03-29T01:30:00Z', '2026-03-29T01:40:00Z'),
      span('2026-10-25T00:30:00Z', '2026-10-25T00:40:00Z'),
    ]);
  });

  test('all-day events are whole local days of options.timeZone (DTEND exclusive; none = one day; 23-hour day in March)', () => {
    const ics = calendar(...vevent('UID:one', 'DTSTART;VALUE=DATE:20260320'), ...vevent('UID:two', 'DTSTART;VALUE=DATE:20260401', 'DTEND;VALUE=DATE:20260403'));
    assert.deepEqual(busyFromICalendar(ics, WINDOW, { timeZone: 'Asia/Tokyo' }), [
      span('2026-03-19T15:00:00Z', '2026-03-20T15:00:00Z'),
      span('2026-03-31T15:00:00Z', '2026-04-02T15:00:00Z'),
    ]);
    assert.deepEqual(busyFromICalendar(ics, WINDOW), [
      span('2026-03-20T00:00:00Z', '2026-03-21T00:00:00Z'),
      span('2026-04-01T00:00:00Z', '2026-04-03T00:00:00Z'),
    ]);
    const dst = calendar(...vevent('UID:dst', 'DTSTART;VALUE=DATE:20260329'));
    assert.deepEqual(busyFromICalendar(dst, WINDOW, { timeZone: 'Europe/Berlin' }), [span('2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z')]);
  });

  test('recurring all-day events: weekly DATE series with a DATE EXDATE', () => {
    const ics = calendar(...vevent('UID:allday', 'DTSTART;VALUE=DATE:20260302', 'RRULE:FREQ=WEEKLY;COUNT=3', 'EXDATE;VALUE=DATE:20260309'));
    assert.deepEqual(busyFromICalendar(ics, WINDOW, { timeZone: 'America/New_York' }), [
      span('2026-03-02T05:00:00Z', '2026-03-03T05:00:00Z'),
      span('2026-03-16T04:00:00Z', '2026-03-17T04:00:00Z'),
    ]);
  });

  test('floating times are read in options.timeZone', () => {
    const ics = calendar(...vevent('UID:float', 'DTSTART:20260310T090000', 'DTEND:20260310T100000'));
    assert.deepEqual(busyFromICalendar(ics, WINDOW, { timeZone: 'America/New_York' }), [span('2026-03-10T13:00:00Z', '2026-03-10T14:00:00Z')]);
    assert.deepEqual(busyFromICalendar(ics, WINDOW), [span('2026-03-10T09:00:00Z', '2026-03-10T10:00:00Z')]);
  });

  test('DURATION: exact hours, nominal days (P1D across the March change lasts 23 hours)', () => {
    const ics = calendar(
      ...vevent('UID:d1', 'DTSTART;TZID=Europe/Berlin:20260310T090000', 'DURATION:PT1H30M'),
      ...vevent('UID:d2', 'DTSTART;TZID=Europe/Berlin:20260328T120000', 'DURATION:P1D'),
    );
    assert.deepEqual(busyFromICalendar(ics, WINDOW), [
      span('2026-03-10T08:00:00Z', '2026-03-10T09:30:00Z'),
      span('2026-03-28T11:00:00Z', '2026-03-29T10:00:00Z'),
    ]);
  });

  test('a VTIMEZONE in the file wins over the IANA zone of the same name, and a custom TZID works', () => {
    const fixed = [
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Berlin',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0500',
      'TZOFFSETTO:+0500',
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
    const custom = [
      'BEGIN:VTIMEZONE',
      'TZID:My Office',
      'BEGIN:DAYLIGHT',
      'DTSTART:19810329T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:19961027T030000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
    const ics = calendar(
      ...fixed,
      ...custom,
      ...vevent('UID:a', 'DTSTART;TZID=Europe/Berlin:20260310T090000', 'DURATION:PT1H'),
      ...vevent('UID:b', 'DTSTART;TZID="My Office":20260323T090000', 'DURATION:PT1H', 'RRULE:FREQ=WEEKLY;COUNT=2'),
    );
    assert.deepEqual(busyFromICalendar(ics, WINDOW), [
      span('2026-03-10T04:00:00Z', '2026-03-10T05:00:00Z'),
      span('2026-03-23T08:00:00Z', '2026-03-23T09:00:00Z'),
      span('2026-03-30T07:00:00Z', '2026-03-30T08:00:00Z'),
    ]);
  });

  test('before the first onset of a cut-down VTIMEZONE, the IANA zone of the same name answers', () => {
    // As a CalDAV server exports a collection: one VTIMEZONE per TZID, starting the day before its last event.
    const late = [
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Berlin',
      'BEGIN:STANDARD',
      'DTSTART:20261109T000000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
    const ics = calendar(
      ...late,
      ...vevent('UID:summer', 'DTSTART;TZID=Europe/Berlin:20260710T090000', 'DURATION:PT1H'),
      ...vevent('UID:winter', 'DTSTART;TZID=Europe/Berlin:20261110T090000', 'DURATION:PT1H'),
    );
    assert.deepEqual(busyFromICalendar(ics, WINDOW), [
      span('2026-07-10T07:00:00Z', '2026-07-10T08:00:00Z'),
      span('2026-11-10T08:00:00Z', '2026-11-10T09:00:00Z'),
    ]);
  });

  test('Windows and prefixed zone names without a VTIMEZONE', () => {
    const ics = calendar(
      ...vevent('UID:win', 'DTSTART;TZID=W. Europe Standard Time:20260701T090000', 'DURATION:PT1H'),
      ...vevent('UID:moz', 'DTSTART;TZID=/mozilla.org/20050126_1/America/New_York:20260702T090000', 'DURATION:PT1H'),
    );
    assert.deepEqual(busyFromICalendar(ics, WINDOW), [
      span('2026-07-01T07:00:00Z', '2026-07-01T08:00:00Z'),
      span('2026-07-02T13:00:00Z', '2026-07-02T14:00:00Z'),
    ]);
  });

  test('window instants with an offset; output to the second without milliseconds', () => {
    const ics = calendar(...vevent('UID:o', 'DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z'));
    const busy = busyFromICalendar(ics, { from: '2026-03-10T10:30:00+01:00', to: '2026-03-10T12:00:00.750+01:00' });
    assert.deepEqual(busy, [span('2026-03-10T09:30:00Z', '2026-03-10T10:00:00Z')]);
    assert.match(busy[0]!.start, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });
});

describe('busyFromICalendar: recurrence', () => {
  const weekly = ['UID:series', 'DTSTART;TZID=Europe/Berlin:20260302T090000', 'DTEND;TZID=Europe/Berlin:20260302T100000', 'RRULE:FREQ=WEEKLY;COUNT=4'];
  const march = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };

  test('EXDATE in another zone (UTC, New York) removes the occurrence at that instant', () => {
    const ics = calendar(...vevent(...weekly, 'EXDATE:20260309T080000Z', 'EXDATE;TZID=America/New_York:20260316T040000'));
    assert.deepEqual(busyFromICalendar(ics, march), [
      span('2026-03-02T08:00:00Z', '2026-03-02T09:00:00Z'),
      span('2026-03-23T08:00:00Z', '2026-03-23T09:00:00Z'),
    ]);
  });

  test('an EXDATE that matches no occurrence changes nothing; a DATE EXDATE removes that local day', () => {
    const ics = calendar(...vevent(...weekly, 'EXDATE;TZID=Europe/Berlin:20260309T091500', 'EXDATE;VALUE=DATE:20260316'));
    assert.deepEqual(busyFromICalendar(ics, march).length, 3);
    assert.ok(!busyFromICalendar(ics, march).some((interval) => interval.start.startsWith('2026-03-16')));
  });

  test('RDATE adds occurrences (date-time with the series length, or a PERIOD)', () => {
    const ics = calendar(
      ...vevent(
        'UID:r',
        'DTSTART;TZID=Europe/Berlin:20260302T090000',
        'DTEND;TZID=Europe/Berlin:20260302T100000',
        'RDATE;TZID=Europe/Berlin:20260305T150000',
        'RDATE;VALUE=PERIOD:20260306T120000Z/PT2H,20260307T120000Z/20260307T121500Z',
      ),
    );
    assert.deepEqual(busyFromICalendar(ics, march), [
      span('2026-03-02T08:00:00Z', '2026-03-02T09:00:00Z'),
      span('2026-03-05T14:00:00Z', '2026-03-05T15:00:00Z'),
      span('2026-03-06T12:00:00Z', '2026-03-06T14:00:00Z'),
      span('2026-03-07T12:00:00Z', '2026-03-07T12:15:00Z'),
    ]);
  });

  test('an override moves its occurrence: out of the window, and into it from outside', () => {
    const ics = calendar(
      ...vevent('UID:m', 'DTSTART;TZID=Europe/Berlin:20260302T090000', 'DTEND;TZID=Europe/Berlin:20260302T100000', 'RRULE:FREQ=WEEKLY'),
      ...vevent(
        'UID:m',
        'RECURRENCE-ID;TZID=Europe/Berlin:20260309T090000',
        'DTSTART;TZID=Europe/Berlin:20260501T090000',
        'DTEND;TZID=Europe/Berlin:20260501T100000',
      ),
      ...vevent(
        'UID:m',
        'RECURRENCE-ID;TZID=Europe/Berlin:20261005T090000',
        'DTSTART;TZID=Europe/Berlin:20260311T170000',
        'DTEND;TZID=Europe/Berlin:20260311T180000',
      ),
    );
    const busy = busyFromICalendar(ics, { from: '2026-03-08T00:00:00Z', to: '2026-03-15T00:00:00Z' });
    assert.deepEqual(busy, [span('2026-03-11T16:00:00Z', '2026-03-11T17:00:00Z')]);
    const may = busyFromICalendar(ics, { from: '2026-05-01T00:00:00Z', to: '2026-05-02T00:00:00Z' });
    assert.deepEqual(may, [span('2026-05-01T07:00:00Z', '2026-05-01T08:00:00Z')]);
    const october = busyFromICalendar(ics, { from: '2026-10-04T00:00:00Z', to: '2026-10-07T00:00:00Z' });
    assert.deepEqual(october, [], 'the occurrence the override moved away is gone');
  });

  test('a cancelled or transparent override removes its occurrence; the rest stay', () => {
    const ics = calendar(
      ...vevent(...weekly),
      ...vevent(
        'UID:series',
        'RECURRENCE-ID;TZID=Europe/Berlin:20260309T090000',
        'DTSTART;TZID=Europe/Berlin:20260309T090000',
        'DTEND;TZID=Europe/Berlin:20260309T100000',
        'STATUS:CANCELLED',
      ),
      ...vevent(
        'UID:series',
        'RECURRENCE-ID:20260316T080000Z',
        'DTSTART;TZID=Europe/Berlin:20260316T090000',
        'DTEND;TZID=Europe/Berlin:20260316T100000',
        'TRANSP:TRANSPARENT',
      ),
    );
    assert.deepEqual(busyFromICalendar(ics, march), [
      span('2026-03-02T08:00:00Z', '2026-03-02T09:00:00Z'),
      span('2026-03-23T08:00:00Z', '2026-03-23T09:00:00Z'),
    ]);
  });

  test('a busy override of a transparent series counts', () => {
    const ics = calendar(
      ...vevent(...weekly, 'TRANSP:TRANSPARENT'),
      ...vevent(
        'UID:series',
        'RECURRENCE-ID;TZID=Europe/Berlin:20260309T090000',
        'DTSTART;TZID=Europe/Berlin:20260309T110000',
        'DTEND;TZID=Europe/Berlin:20260309T120000',
      ),
    );
    assert.deepEqual(busyFromICalendar(ics, march), [span('2026-03-09T10:00:00Z', '2026-03-09T11:00:00Z')]);
  });

  test('RANGE=THISANDFUTURE moves that occurrence and every later one', () => {
    const ics = calendar(
      ...vevent(...weekly),
      ...vevent(
        'UID:series',
        'RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20260316T090000',
        'DTSTART;TZID=Europe/Berlin:20260316T140000',
        'DTEND;TZID=Europe/Berlin:20260316T143000',
      ),
    );
    assert.deepEqual(busyFromICalendar(ics, march), [
      span('2026-03-02T08:00:00Z', '2026-03-02T09:00:00Z'),
      span('2026-03-09T08:00:00Z', '2026-03-09T09:00:00Z'),
      span('2026-03-16T13:00:00Z', '2026-03-16T13:30:00Z'),
      span('2026-03-23T13:00:00Z', '2026-03-23T13:30:00Z'),
    ]);
  });

  test('two RANGE=THISANDFUTURE overrides: each governs the occurrences up to the next', () => {
    const ics = calendar(
      ...vevent('UID:tf', 'DTSTART:20260302T090000Z', 'DTEND:20260302T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=6'),
      ...vevent('UID:tf', 'RECURRENCE-ID;RANGE=THISANDFUTURE:20260316T090000Z', 'DTSTART:20260316T100000Z', 'DTEND:20260316T110000Z'),
      ...vevent('UID:tf', 'RECURRENCE-ID;RANGE=THISANDFUTURE:20260330T090000Z', 'DTSTART:20260330T120000Z', 'DTEND:20260330T123000Z'),
    );
    assert.deepEqual(
      busyFromICalendar(ics, WINDOW).map((interval) => `${interval.start.slice(5, 16)}-${interval.end.slice(11, 16)}`),
      ['03-02T09:00-10:00', '03-09T09:00-10:00', '03-16T10:00-11:00', '03-23T10:00-11:00', '03-30T12:00-12:30', '04-06T12:00-12:30'],
    );
  });

  test('an override without its series in the text stands alone', () => {
    const ics = calendar(...vevent('UID:lonely', 'RECURRENCE-ID:20260309T080000Z', 'DTSTART:20260310T080000Z', 'DTEND:20260310T090000Z'));
    assert.deepEqual(busyFromICalendar(ics, march), [span('2026-03-10T08:00:00Z', '2026-03-10T09:00:00Z')]);
  });

  test('monthly by weekday (2nd Tuesday) with UNTIL in UTC', () => {
    const ics = calendar(
      ...vevent(
        'UID:2tu',
        'DTSTART;TZID=America/New_York:20260113T170000',
        'DTEND;TZID=America/New_York:20260113T180000',
        'RRULE:FREQ=MONTHLY;BYDAY=2TU;UNTIL=20260414T210000Z',
      ),
    );
    assert.deepEqual(busyFromICalendar(ics, WINDOW), [
      span('2026-01-13T22:00:00Z', '2026-01-13T23:00:00Z'),
      span('2026-02-10T22:00:00Z', '2026-02-10T23:00:00Z'),
      span('2026-03-10T21:00:00Z', '2026-03-10T22:00:00Z'),
      span('2026-04-14T21:00:00Z', '2026-04-14T22:00:00Z'),
    ]);
  });

  test('DTSTART is always the first occurrence and counts towards COUNT (RFC 5545), also off the rule', () => {
    // Sunday 1 March; the rule says Mondays. Occurrences: 1 March (DTSTART), 2 March, 9 March (COUNT=3).
    const ics = calendar(...vevent('UID:off', 'DTSTART:20260301T090000Z', 'DTEND:20260301T100000Z', 'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3'));
    assert.deepEqual(
      busyFromICalendar(ics, WINDOW).map((interval) => interval.start),
      ['2026-03-01T09:00:00Z', '2026-03-02T09:00:00Z', '2026-03-09T09:00:00Z'],
    );
    const rdateOnly = calendar(...vevent('UID:rd', 'DTSTART:20260301T090000Z', 'DTEND:20260301T100000Z', 'RDATE:20260305T090000Z'));
    assert.deepEqual(
      busyFromICalendar(rdateOnly, WINDOW).map((interval) => interval.start),
      ['2026-03-01T09:00:00Z', '2026-03-05T09:00:00Z'],
    );
  });

  test('a DATE UNTIL on a timed series includes that whole local day', () => {
    const ics = calendar(...vevent('UID:u', 'DTSTART;TZID=Europe/Berlin:20260302T180000', 'DURATION:PT1H', 'RRULE:FREQ=DAILY;UNTIL=20260304'));
    assert.deepEqual(
      busyFromICalendar(ics, WINDOW).map((interval) => interval.start),
      ['2026-03-02T17:00:00Z', '2026-03-03T17:00:00Z', '2026-03-04T17:00:00Z'],
    );
  });

  test('monthly and yearly series started long ago (skipped ahead whole months and years)', () => {
    const ics = calendar(
      ...vevent('UID:lastfri', 'DTSTART;TZID=America/New_York:20100129T160000', 'DURATION:PT1H', 'RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR'),
      ...vevent('UID:day31', 'DTSTART:20100131T120000Z', 'DURATION:PT1H', 'RRULE:FREQ=MONTHLY'),
      ...vevent('UID:birthday', 'DTSTART;VALUE=DATE:19500305', 'RRULE:FREQ=YEARLY'),
      ...vevent('UID:leap', 'DTSTART;VALUE=DATE:20000229', 'RRULE:FREQ=YEARLY'),
    );
    // Every other month from January 2010: March 2026 is one (2026-01 is +96 months); last Friday = 27 March.
    assert.deepEqual(busyFromICalendar(ics, { from: '2026-02-01T00:00:00Z', to: '2026-06-01T00:00:00Z' }), [
      span('2026-03-05T00:00:00Z', '2026-03-06T00:00:00Z'),
      span('2026-03-27T20:00:00Z', '2026-03-27T21:00:00Z'),
      span('2026-03-31T12:00:00Z', '2026-03-31T13:00:00Z'),
      span('2026-05-29T20:00:00Z', '2026-05-29T21:00:00Z'),
      span('2026-05-31T12:00:00Z', '2026-05-31T13:00:00Z'),
    ]);
    assert.deepEqual(busyFromICalendar(ics, { from: '2028-02-28T00:00:00Z', to: '2028-03-02T00:00:00Z' }), [
      span('2028-02-29T00:00:00Z', '2028-03-01T00:00:00Z'),
    ]);
  });

  test('a long-running daily series started years ago gives the same occurrences in the window', () => {
    const ics = calendar(
      ...vevent('UID:old', 'DTSTART;TZID=Europe/London:20010105T100000', 'DTEND;TZID=Europe/London:20010105T101500', 'RRULE:FREQ=DAILY;INTERVAL=3'),
    );
    const busy = busyFromICalendar(ics, { from: '2026-03-26T00:00:00Z', to: '2026-04-03T00:00:00Z' });
    // 2001-01-05 + 3k days: 2026-03-27 is day 9212 = 3 × 3070 + 2 → the series falls on 03-25, 03-28, 03-31, 04-03.
    assert.deepEqual(busy, [span('2026-03-28T10:00:00Z', '2026-03-28T10:15:00Z'), span('2026-03-31T09:00:00Z', '2026-03-31T09:15:00Z')]);
  });
});

describe('busyFromICalendar: what counts as busy, merging and clipping', () => {
  test('TRANSP:TRANSPARENT and STATUS:CANCELLED events are not busy', () => {
    const ics = calendar(
      ...vevent('UID:t', 'DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z', 'TRANSP:TRANSPARENT'),
      ...vevent('UID:c', 'DTSTART:20260311T090000Z', 'DTEND:20260311T100000Z', 'STATUS:CANCELLED'),
      ...vevent('UID:b', 'DTSTART:20260312T090000Z', 'DTEND:20260312T100000Z', 'TRANSP:OPAQUE', 'STATUS:CONFIRMED'),
    );
    assert.deepEqual(busyFromICalendar(ics, WINDOW), [span('2026-03-12T09:00:00Z', '2026-03-12T10:00:00Z')]);
  });

  test('zero-length events (no end, or end = start) contribute nothing', () => {
    const ics = calendar(
      ...vevent('UID:z1', 'DTSTART:20260310T090000Z'),
      ...vevent('UID:z2', 'DTSTART:20260311T090000Z', 'DTEND:20260311T090000Z'),
      ...vevent('UID:z3', 'DTSTART:20260312T090000Z', 'DURATION:PT0S'),
    );
    assert.deepEqual(busyFromICalendar(ics, WINDOW), []);
  });

  test('touching and overlapping intervals merge; results are sorted', () => {
    const ics = calendar(
      ...vevent('UID:3', 'DTSTART:20260310T120000Z', 'DTEND:20260310T130000Z'),
      ...vevent('UID:1', 'DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z'),
      ...vevent('UID:2', 'DTSTART:20260310T100000Z', 'DTEND:20260310T110000Z'),
      ...vevent('UID:4', 'DTSTART:20260310T123000Z', 'DTEND:20260310T124500Z'),
      ...vevent('UID:5', 'DTSTART:20260310T125900Z', 'DTEND:20260310T140000Z'),
    );
    assert.deepEqual(busyFromICalendar(ics, WINDOW), [
      span('2026-03-10T09:00:00Z', '2026-03-10T11:00:00Z'),
      span('2026-03-10T12:00:00Z', '2026-03-10T14:00:00Z'),
    ]);
  });

  test('clipped to [from, to); an empty window gives nothing', () => {
    const ics = calendar(
      ...vevent('UID:long', 'DTSTART:20260310T090000Z', 'DTEND:20260312T090000Z'),
      ...vevent('UID:after', 'DTSTART:20260311T120000Z', 'DTEND:20260311T130000Z'),
    );
    assert.deepEqual(busyFromICalendar(ics, { from: '2026-03-11T00:00:00Z', to: '2026-03-11T12:00:00Z' }), [
      span('2026-03-11T00:00:00Z', '2026-03-11T12:00:00Z'),
    ]);
    assert.deepEqual(busyFromICalendar(ics, { from: '2026-03-11T00:00:00Z', to: '2026-03-11T00:00:00Z' }), []);
  });

  test('VFREEBUSY: BUSY, BUSY-UNAVAILABLE and BUSY-TENTATIVE count, FREE does not (a CalDAV free-busy-query answer)', () => {
    const ics = calendar(
      'METHOD:REPLY',
      'BEGIN:VFREEBUSY',
      'DTSTART:20260310T000000Z',
      'DTEND:20260311T000000Z',
      'FREEBUSY:20260310T080000Z/PT1H',
      'FREEBUSY;FBTYPE=FREE:20260310T100000Z/20260310T110000Z',
      'FREEBUSY;FBTYPE=BUSY-TENTATIVE:20260310T120000Z/20260310T123000Z,20260310T140000Z/PT15M',
      'FREEBUSY;FBTYPE=BUSY-UNAVAILABLE:20260310T123000Z/20260310T130000Z',
      'END:VFREEBUSY',
    );
    assert.deepEqual(busyFromICalendar(ics, WINDOW), [
      span('2026-03-10T08:00:00Z', '2026-03-10T09:00:00Z'),
      span('2026-03-10T12:00:00Z', '2026-03-10T13:00:00Z'),
      span('2026-03-10T14:00:00Z', '2026-03-10T14:15:00Z'),
    ]);
  });

  test('VTODO and VJOURNAL are not busy; VALARM inside an event is ignored', () => {
    const ics = calendar(
      'BEGIN:VTODO',
      'UID:todo',
      'DTSTART:20260310T090000Z',
      'DUE:20260310T100000Z',
      'END:VTODO',
      'BEGIN:VJOURNAL',
      'UID:j',
      'DTSTART:20260310T090000Z',
      'END:VJOURNAL',
      ...vevent(
        'UID:e',
        'DTSTART:20260311T090000Z',
        'DTEND:20260311T100000Z',
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'TRIGGER:-PT15M',
        'DESCRIPTION:x',
        'END:VALARM',
      ),
    );
    assert.deepEqual(busyFromICalendar(ics, WINDOW), [span('2026-03-11T09:00:00Z', '2026-03-11T10:00:00Z')]);
  });

  test('folded lines, LF line endings and a byte-order mark are read', () => {
    const ics =
      '\uFEFF' +
      calendar(...vevent('UID:fold', 'DTSTART;TZID=Europe/', ' Berlin:20260310T090000', 'DTEND;TZID=Europe/Berlin:20260310T100000')).replace(/\r\n/g, '\n');
    assert.deepEqual(busyFromICalendar(ics, WINDOW), [span('2026-03-10T08:00:00Z', '2026-03-10T09:00:00Z')]);
  });
});

describe('busyFromICalendar: broken events, hostile rules, invalid input', () => {
  test('an event with a broken property is skipped and listed; the others count', () => {
    const ics = calendar(
      ...vevent('UID:bad-rule', 'DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z', 'RRULE:FREQ=SOMETIMES'),
      ...vevent('UID:bad-start', 'DTSTART:2026-03-10', 'DTEND:20260310T100000Z'),
      ...vevent('UID:no-start', 'DTEND:20260310T100000Z'),
      ...vevent('UID:bad-line', 'DTSTART:20260310T090000Z', 'this line has no colon', 'DTEND:20260310T100000Z'),
      // ical.js reads parameters in quadratic time: 2.5 million in 10 MiB would take minutes.
      ...vevent('UID:many-params', `DTSTART${';X-P=1'.repeat(20_000)}:20260310T090000Z`, 'DTEND:20260310T100000Z'),
      ...vevent('UID:good', 'DTSTART:20260311T090000Z', 'DTEND:20260311T100000Z'),
    );
    const result = readICalendarBusy(ics, WINDOW);
    assert.deepEqual(result.busy, [span('2026-03-11T09:00:00Z', '2026-03-11T10:00:00Z')]);
    assert.deepEqual(
      result.notes.map((note) => [note.uid, note.kind]),
      [
        ['bad-rule', 'skipped'],
        ['bad-start', 'skipped'],
        ['no-start', 'skipped'],
        ['bad-line', 'skipped'],
        ['many-params', 'skipped'],
      ],
    );
    assert.ok(result.notes.every((note) => note.reason.length > 5));
  });

  test('hostile rules finish: SECONDLY until 2100, COUNT of a billion, an impossible rule', () => {
    const ics = calendar(
      ...vevent('UID:seconds', 'DTSTART:20000101T000000Z', 'DURATION:PT1S', 'RRULE:FREQ=SECONDLY;UNTIL=21000101T000000Z'),
      ...vevent('UID:count', 'DTSTART:20200101T000000Z', 'DURATION:PT1S', 'RRULE:FREQ=SECONDLY;COUNT=1000000000'),
      ...vevent('UID:never', 'DTSTART:20200101T000000Z', 'DURATION:PT1H', 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31'),
    );
    const result = readICalendarBusy(ics, { from: '2026-03-10T00:00:00Z', to: '2026-03-11T00:00:00Z' });
    // The SECONDLY series skips ahead to the window, then stops at the per-series cap (contiguous seconds, merged).
    const cap = ICALENDAR_BUSY_LIMITS.maxOccurrencesPerSeries;
    assert.equal(result.busy.length, 1);
    assert.equal(result.busy[0]!.start, '2026-03-10T00:00:00Z');
    assert.ok(Date.parse(result.busy[0]!.end) - Date.parse('2026-03-10T00:00:00Z') < cap * 1000);
    assert.deepEqual(
      result.notes
        .filter((note) => note.kind === 'truncated')
        .map((note) => note.uid)
        .sort(),
      ['count', 'seconds'],
    );
  });

  test('impossible rules stop after a bounded number of steps (ical.js alone would search for minutes)', () => {
    const ics = calendar(
      ...vevent('UID:feb30', 'DTSTART:20200101T000000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'),
      ...vevent('UID:feb30-hourly', 'DTSTART:20200101T000000Z', 'DURATION:PT1H', 'RRULE:FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30;UNTIL=20300101T000000Z'),
      ...vevent('UID:fine', 'DTSTART:20260310T090000Z', 'DURATION:PT1H'),
      // Once in 2.7 million years: only DTSTART (ical.js takes minutes to add 999999999 days to a date).
      ...vevent('UID:rare', 'DTSTART:20260312T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY;INTERVAL=999999999'),
      // A VTIMEZONE whose observance rule never matches: its other onsets still count.
      'BEGIN:VTIMEZONE',
      'TZID:Hostile',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0300',
      'TZOFFSETTO:+0300',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:19700101T000000',
      'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31',
      'TZOFFSETFROM:+0300',
      'TZOFFSETTO:+0400',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
      ...vevent('UID:in-hostile-zone', 'DTSTART;TZID=Hostile:20260311T090000', 'DURATION:PT1H'),
    );
    const result = readICalendarBusy(ics, { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' });
    assert.deepEqual(result.busy, [
      span('2026-03-10T09:00:00Z', '2026-03-10T10:00:00Z'),
      span('2026-03-11T05:00:00Z', '2026-03-11T06:00:00Z'),
      span('2026-03-12T09:00:00Z', '2026-03-12T10:00:00Z'),
    ]);
    assert.deepEqual(
      result.notes.map((note) => [note.uid, note.kind]),
      [
        ['feb30', 'truncated'],
        ['feb30-hourly', 'truncated'],
      ],
    );
  });

  test('extreme values stay finite: durations of millions of weeks, years 0001 and 9999, offsets of 99 hours', () => {
    const ics = calendar(
      'BEGIN:VTIMEZONE',
      'TZID:Weird',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+9959',
      'TZOFFSETTO:-9959',
      'END:STANDARD',
      'END:VTIMEZONE',
      ...vevent('UID:long', 'DTSTART;TZID=Europe/Berlin:20260310T090000', 'DURATION:P99999999W'),
      ...vevent('UID:ages', 'DTSTART:00010101T000000Z', 'DTEND:99991231T235959Z', 'TRANSP:TRANSPARENT'),
      ...vevent('UID:far', 'DTSTART;TZID=Europe/Berlin:99991231T235959', 'RRULE:FREQ=DAILY', 'DURATION:PT1H'),
      ...vevent('UID:weird-zone', 'DTSTART;TZID=Weird:20260305T090000', 'DURATION:PT1H'),
      ...vevent('UID:feb30', 'DTSTART:20260230T090000Z', 'DURATION:PT1H'),
      ...vevent('UID:birthday', 'DTSTART;VALUE=DATE:00010304', 'RRULE:FREQ=YEARLY'),
    );
    const result = readICalendarBusy(ics, { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' });
    assert.deepEqual(result.busy, [
      span('2026-03-04T00:00:00Z', '2026-03-05T00:00:00Z'),
      span('2026-03-05T09:00:00Z', '2026-03-05T10:00:00Z'),
      span('2026-03-10T08:00:00Z', '2026-04-01T00:00:00Z'),
    ]);
    assert.deepEqual(
      result.notes.map((note) => [note.uid, note.kind]),
      [['feb30', 'skipped']],
    );
  });

  test('many hostile series stop at the per-calendar cap', () => {
    const events: string[] = [];
    for (let index = 0; index < 15; index++)
      events.push(...vevent(`UID:h${index}`, 'DTSTART:20200101T000000Z', 'DURATION:PT1S', 'RRULE:FREQ=SECONDLY;COUNT=1000000000'));
    const result = readICalendarBusy(calendar(...events), { from: '2026-03-10T00:00:00Z', to: '2026-03-11T00:00:00Z' });
    assert.deepEqual(result.busy, []);
    assert.equal(result.notes.length, 15);
    assert.ok(result.notes.some((note) => note.reason.includes(String(ICALENDAR_BUSY_LIMITS.maxOccurrencesPerCalendar))));
  });

  test('invalid input raises invalid-input at its path', () => {
    const ok = calendar(...vevent('UID:x', 'DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z'));
    expectInvalid(() => busyFromICalendar(42 as unknown as string, WINDOW), 'ics');
    expectInvalid(() => busyFromICalendar('<html>Sign in</html>', WINDOW), 'ics');
    expectInvalid(() => busyFromICalendar('', WINDOW), 'ics');
    expectInvalid(() => busyFromICalendar('BEGIN:VEVENT\r\nDTSTART:20260310T090000Z\r\nEND:VEVENT', WINDOW), 'ics');
    expectInvalid(() => busyFromICalendar('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260310T090000Z\r\n', WINDOW), 'ics');
    expectInvalid(() => busyFromICalendar('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR', WINDOW), 'ics');
    expectInvalid(() => busyFromICalendar('BEGIN:VCALENDAR\r\nnot a property\r\nEND:VCALENDAR', WINDOW), 'ics');
    expectInvalid(() => busyFromICalendar('x'.repeat(ICALENDAR_BUSY_LIMITS.maxTextLength + 1), WINDOW), 'ics');
    expectInvalid(() => busyFromICalendar(ok, null as unknown as typeof WINDOW), 'window');
    expectInvalid(() => busyFromICalendar(ok, { from: '2026-03-10', to: '2026-03-11T00:00:00Z' }), 'window.from');
    expectInvalid(() => busyFromICalendar(ok, { from: '2026-03-10T00:00:00', to: '2026-03-11T00:00:00Z' }), 'window.from');
    expectInvalid(() => busyFromICalendar(ok, { from: '2026-03-10T00:00:00Z', to: 'tomorrow' }), 'window.to');
    expectInvalid(() => busyFromICalendar(ok, { from: '2026-03-10T00:00:00Z', to: '2026-03-09T00:00:00Z' }), 'window.to');
    expectInvalid(() => busyFromICalendar(ok, { from: '2026-01-01T00:00:00Z', to: '2027-01-03T00:00:00Z' }), 'window.to');
    expectInvalid(() => busyFromICalendar(ok, WINDOW, { timeZone: 'Mars/Olympus' }), 'options.timeZone');
    expectInvalid(() => busyFromICalendar(ok, WINDOW, { timeZone: '+02:00' }), 'options.timeZone');
    expectInvalid(() => busyFromICalendar(ok, WINDOW, 'UTC' as unknown as { timeZone: string }), 'options');
  });

  test('a calendar with nothing busy is an empty list, not an error', () => {
    assert.deepEqual(busyFromICalendar(calendar(), WINDOW), []);
    assert.deepEqual(busyFromICalendar('BEGIN:VCALENDAR\r\nEND:VCALENDAR', WINDOW), []);
  });
});
