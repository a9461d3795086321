import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMentorKitError } from '@mentorkit/core';
import { findCommonSlots, type SlotParticipant } from '@mentorkit/core/scheduling';
import { bruteForceSlots, intlLocal, minuteIsFree } from './scheduling-brute.js';

const ZONES = [
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Pacific/Auckland',
  'Australia/Lord_Howe',
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'America/Sao_Paulo',
  'Asia/Tokyo',
  'UTC',
  'America/St_Johns',
  'Asia/Kolkata',
  'Pacific/Kiritimati',
  'America/Los_Angeles',
  'Africa/Casablanca',
];
/** Instants near DST changes of 2026 (US, EU, southern hemisphere, Lord Howe) and one quiet week. */
const ANCHORS = [
  '2026-03-08T00:00:00Z',
  '2026-03-28T12:00:00Z',
  '2026-04-04T12:00:00Z',
  '2026-09-26T12:00:00Z',
  '2026-10-03T12:00:00Z',
  '2026-10-24T12:00:00Z',
  '2026-10-31T12:00:00Z',
  '2026-06-15T00:00:00Z',
];

const ms = (iso: string) => Date.parse(iso);
const minute = 60_000;

function assertInvalid(fn: () => unknown, path: string) {
  assert.throws(fn, (error: unknown) => {
    assert.ok(isMentorKitError(error, 'invalid-input'), `expected invalid-input, got ${String(error)}`);
    assert.equal((error as { path: string }).path, path);
    return true;
  });
}

const timeText = (minutes: number) =>
  minutes === 1440 ? '24:00' : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Random working hours: per weekday, up to three ranges (possibly overlapping, possibly ending at 24:00). */
const rangeArbitrary = fc
  .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 48 }), fc.constantFrom(1, 5, 15, 30))
  .map(([startQuarter, lengthQuarters, granularity]) => {
    const start = Math.floor((startQuarter * 15) / granularity) * granularity;
    const end = Math.min(1440, start + lengthQuarters * 15 + (granularity === 1 ? 7 : 0));
    return `${timeText(start)}-${timeText(end)}`;
  });
const workingHoursArbitrary = fc.dictionary(fc.constantFrom('1', '2', '3', '4', '5', '6', '7'), fc.array(rangeArbitrary, { minLength: 0, maxLength: 3 }), {
  minKeys: 3,
});

function participantArbitrary(windowStart: number) {
  return fc.record({
    timeZone: fc.constantFrom(...ZONES),
    workingHours: workingHoursArbitrary,
    offLimitsDays: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 2 }), { nil: undefined }),
    offLimitsDates: fc.option(
      fc.array(
        fc.integer({ min: -1, max: 5 }).map((days) => new Date(windowStart + days * 86_400_000).toISOString().slice(0, 10)),
        { maxLength: 2 },
      ),
      { nil: undefined },
    ),
    busy: fc.option(
      fc.array(
        fc.tuple(fc.integer({ min: 0, max: 4 * 1440 }), fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 59 })).map(([offset, length, seconds]) => ({
          start: new Date(windowStart + offset * minute + seconds * 1000).toISOString(),
          end: new Date(windowStart + (offset + length) * minute + seconds * 1000).toISOString(),
        })),
        { maxLength: 4 },
      ),
      { nil: undefined },
    ),
  });
}

const requestArbitrary = fc
  .tuple(fc.constantFrom(...ANCHORS), fc.integer({ min: -36 * 60, max: 36 * 60 }), fc.integer({ min: 0, max: 59 }))
  .chain(([anchor, shift, seconds]) => {
    const windowStart = ms(anchor) + shift * minute + seconds * 1000;
    return fc.record({
      participants: fc
        .array(participantArbitrary(windowStart), { minLength: 2, maxLength: 5 })
        .map((list) => list.map((participant, index) => ({ id: `p${index}`, ...participant }) as SlotParticipant)),
      from: fc.constant(new Date(windowStart).toISOString()),
      to: fc.integer({ min: 30, max: 3 * 1440 }).map((length) => new Date(windowStart + length * minute + 17_000).toISOString()),
      durationMinutes: fc.integer({ min: 1, max: 240 }),
      stepMinutes: fc.constantFrom(1, 5, 10, 15, 20, 30, 45, 60, 90),
    });
  });

describe('findCommonSlots: properties (fast-check)', () => {
  test('returns exactly the grid starts a minute-by-minute brute force (Intl) accepts', () => {
    fc.assert(
      fc.property(requestArbitrary, (request) => {
        const ours = findCommonSlots(request).map((slot) => ms(slot.start));
        const expected = bruteForceSlots(request);
        assert.deepEqual(ours, expected);
      }),
      { numRuns: 120 },
    );
  });

  test('every returned slot satisfies the contract, with local times that match Intl', () => {
    fc.assert(
      fc.property(requestArbitrary, (request) => {
        const slots = findCommonSlots(request);
        const step = (request.stepMinutes ?? 15) * minute;
        let previous = -Infinity;
        for (const slot of slots) {
          const start = ms(slot.start);
          const end = ms(slot.end);
          assert.match(slot.start, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
          assert.match(slot.end, /Z$/);
          assert.ok(start > previous, 'chronological');
          previous = start;
          assert.equal(start % step, 0, 'on the grid');
          assert.equal(end - start, request.durationMinutes * minute);
          assert.ok(start >= ms(request.from) && end <= ms(request.to), 'inside [from, to]');
          for (const participant of request.participants) {
            for (let m = start; m < end; m += minute) assert.ok(minuteIsFree(participant, m), `${participant.id} is free at ${new Date(m).toISOString()}`);
            const local = slot.local[participant.id]!;
            for (const [iso, instant] of [
              [local.start, start],
              [local.end, end],
            ] as const) {
              assert.equal(Date.parse(iso), instant, `${iso} is the same instant`);
              const reading = intlLocal(participant.timeZone, instant);
              const sign = reading.offsetMinutes < 0 ? '-' : '+';
              const offset = `${sign}${String(Math.floor(Math.abs(reading.offsetMinutes) / 60)).padStart(2, '0')}:${String(Math.abs(reading.offsetMinutes) % 60).padStart(2, '0')}`;
              assert.equal(iso, `${reading.date}T${timeText(reading.minuteOfDay)}:00${offset}`);
            }
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  test('limit returns the earliest slots', () => {
    fc.assert(
      fc.property(requestArbitrary, fc.integer({ min: 0, max: 5 }), (request, limit) => {
        assert.deepEqual(findCommonSlots({ ...request, limit }), findCommonSlots(request).slice(0, limit));
      }),
      { numRuns: 40 },
    );
  });
});

const weekdaysAll = (ranges: string[]) => ({ 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges, 6: ranges, 7: ranges });

describe('findCommonSlots: named cases', () => {
  test('Kathmandu (+05:45) and London: the offset is honoured to the minute', () => {
    const slots = findCommonSlots({
      participants: [
        { id: 'arjun', timeZone: 'Asia/Kathmandu', workingHours: { 1: ['14:00-17:00'] } },
        { id: 'james', timeZone: 'Europe/London', workingHours: { 1: ['09:00-12:00'] } },
      ],
      from: '2026-06-15T00:00:00Z',
      to: '2026-06-16T00:00:00Z',
      durationMinutes: 60,
    });
    // Kathmandu 14:00-17:00 = 08:15-11:15 UTC; London (BST) 09:00-12:00 = 08:00-11:00 UTC.
    assert.deepEqual(
      slots.map((slot) => slot.start),
      [
        '2026-06-15T08:15:00Z',
        '2026-06-15T08:30:00Z',
        '2026-06-15T08:45:00Z',
        '2026-06-15T09:00:00Z',
        '2026-06-15T09:15:00Z',
        '2026-06-15T09:30:00Z',
        '2026-06-15T09:45:00Z',
        '2026-06-15T10:00:00Z',
      ],
    );
    assert.deepEqual(slots[0]!.local, {
      arjun: { start: '2026-06-15T14:00:00+05:45', end: '2026-06-15T15:00:00+05:45' },
      james: { start: '2026-06-15T09:15:00+01:00', end: '2026-06-15T10:15:00+01:00' },
    });
  });

  test('Chatham (+13:45 in summer) and Apia (+13:00): a Monday morning for both is Sunday in UTC', () => {
    const slots = findCommonSlots({
      participants: [
        { id: 'chatham', timeZone: 'Pacific/Chatham', workingHours: { 1: ['09:45-11:45'] } },
        { id: 'apia', timeZone: 'Pacific/Apia', workingHours: { 1: ['09:00-10:00'] } },
      ],
      from: '2026-01-01T00:00:00Z',
      to: '2026-01-08T00:00:00Z',
      durationMinutes: 60,
      stepMinutes: 60,
    });
    assert.deepEqual(
      slots.map((slot) => slot.start),
      ['2026-01-04T20:00:00Z'],
    );
    assert.equal(slots[0]!.local.chatham!.start, '2026-01-05T09:45:00+13:45');
    assert.equal(slots[0]!.local.apia!.start, '2026-01-05T09:00:00+13:00');
  });

  test("Lord Howe's 30-minute DST change (5 April 2026: +11:00 → +10:30)", () => {
    const request = {
      participants: [
        { id: 'lord-howe', timeZone: 'Australia/Lord_Howe', workingHours: weekdaysAll(['01:00-03:00']) },
        { id: 'utc', timeZone: 'UTC', workingHours: weekdaysAll(['00:00-24:00']) },
      ],
      from: '2026-04-04T12:00:00Z',
      to: '2026-04-05T12:00:00Z',
      durationMinutes: 30,
      stepMinutes: 30,
    };
    const slots = findCommonSlots(request);
    // At 02:00 local (+11:00) clocks go back to 01:30 (+10:30): 01:30-02:00 happens twice, 01:00-03:00 lasts 2h30.
    assert.deepEqual(
      slots.map((slot) => slot.local['lord-howe']!.start),
      ['2026-04-05T01:00:00+11:00', '2026-04-05T01:30:00+11:00', '2026-04-05T01:30:00+10:30', '2026-04-05T02:00:00+10:30', '2026-04-05T02:30:00+10:30'],
    );
    assert.deepEqual(
      slots.map((slot) => ms(slot.start)),
      bruteForceSlots(request),
    );
  });

  test('a DST gap: 02:00-03:00 does not exist in New York on 8 March 2026', () => {
    const slots = findCommonSlots({
      participants: [
        { id: 'ny', timeZone: 'America/New_York', workingHours: { 7: ['01:00-04:00'] } },
        { id: 'utc', timeZone: 'UTC', workingHours: weekdaysAll(['00:00-24:00']) },
      ],
      from: '2026-03-08T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      durationMinutes: 60,
      stepMinutes: 60,
    });
    // 01:00 EST (06:00Z) → 03:00 EDT (07:00Z): the three local hours are only two real ones.
    assert.deepEqual(
      slots.map((slot) => [slot.start, slot.local.ny!.start, slot.local.ny!.end]),
      [
        ['2026-03-08T06:00:00Z', '2026-03-08T01:00:00-05:00', '2026-03-08T03:00:00-04:00'],
        ['2026-03-08T07:00:00Z', '2026-03-08T03:00:00-04:00', '2026-03-08T04:00:00-04:00'],
      ],
    );
  });

  test('a DST overlap: 01:00-02:00 happens twice in New York on 1 November 2026', () => {
    const slots = findCommonSlots({
      participants: [
        { id: 'ny', timeZone: 'America/New_York', workingHours: { 7: ['01:00-02:00'] } },
        { id: 'utc', timeZone: 'UTC', workingHours: weekdaysAll(['00:00-24:00']) },
      ],
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-02T00:00:00Z',
      durationMinutes: 60,
      stepMinutes: 60,
    });
    assert.deepEqual(
      slots.map((slot) => slot.local.ny!.start),
      ['2026-11-01T01:00:00-04:00', '2026-11-01T01:00:00-05:00'],
    );
  });

  test("'24:00' ends a range, and a meeting may run across local midnight into the next day's hours", () => {
    const slots = findCommonSlots({
      participants: [
        { id: 'a', timeZone: 'Europe/Berlin', workingHours: { 1: ['23:00-24:00'], 2: ['00:00-00:30'] } },
        { id: 'b', timeZone: 'UTC', workingHours: weekdaysAll(['00:00-24:00']) },
      ],
      from: '2026-06-01T00:00:00Z',
      to: '2026-06-03T00:00:00Z',
      durationMinutes: 90,
      stepMinutes: 30,
    });
    assert.deepEqual(
      slots.map((slot) => slot.local.a!.start),
      ['2026-06-01T23:00:00+02:00'],
    );
    assert.equal(slots[0]!.local.a!.end, '2026-06-02T00:30:00+02:00');
  });

  test('end of a range is exclusive, start inclusive; off-limits days and dates are local', () => {
    const base = { from: '2026-06-01T00:00:00Z', to: '2026-06-08T00:00:00Z', durationMinutes: 60, stepMinutes: 60 } as const;
    const tokyo = { id: 'tokyo', timeZone: 'Asia/Tokyo', workingHours: { 1: ['09:00-10:00'], 2: ['09:00-10:00'], 5: ['09:00-10:00'] } };
    const utc = { id: 'utc', timeZone: 'UTC', workingHours: weekdaysAll(['00:00-24:00']) };
    assert.deepEqual(
      findCommonSlots({ ...base, participants: [tokyo, utc] }).map((slot) => slot.local.tokyo!.start.slice(0, 10)),
      ['2026-06-01', '2026-06-02', '2026-06-05'],
    );
    assert.deepEqual(
      findCommonSlots({ ...base, participants: [{ ...tokyo, offLimitsDays: [5], offLimitsDates: ['2026-06-02'] }, utc] }).map((slot) =>
        slot.local.tokyo!.start.slice(0, 10),
      ),
      ['2026-06-01'],
    );
    // The UTC participant's off-limits Sunday 31 May covers Tokyo's Monday 09:00 (00:00Z Monday is not Sunday): nothing removed.
    assert.equal(findCommonSlots({ ...base, participants: [tokyo, { ...utc, offLimitsDays: [7] }] }).length, 3);
    // ...but an off-limits Monday in UTC removes Tokyo's Monday 09:00 (Monday 00:00Z).
    assert.equal(findCommonSlots({ ...base, participants: [tokyo, { ...utc, offLimitsDays: [1] }] }).length, 2);
  });

  test('busy intervals block minutes start <= m < end, to the second', () => {
    const participants = (busy: Array<{ start: string; end: string }>) => [
      { id: 'a', timeZone: 'UTC', workingHours: { 1: ['09:00-12:00'] }, busy },
      { id: 'b', timeZone: 'UTC', workingHours: { 1: ['09:00-12:00'] } },
    ];
    const request = { from: '2026-06-01T09:00:00Z', to: '2026-06-01T12:00:00Z', durationMinutes: 60, stepMinutes: 60 };
    assert.deepEqual(
      findCommonSlots({ ...request, participants: participants([{ start: '2026-06-01T10:00:00Z', end: '2026-06-01T11:00:00Z' }]) }).map((slot) => slot.start),
      ['2026-06-01T09:00:00Z', '2026-06-01T11:00:00Z'],
    );
    // Ends 30 s into 11:00: minute 11:00 is busy.
    assert.deepEqual(
      findCommonSlots({ ...request, participants: participants([{ start: '2026-06-01T10:00:00Z', end: '2026-06-01T11:00:30Z' }]) }).map((slot) => slot.start),
      ['2026-06-01T09:00:00Z'],
    );
    // Starts 30 s into 09:59: minute 09:59 itself is free (09:00-10:00 fits), minute 10:00 is busy.
    assert.deepEqual(
      findCommonSlots({ ...request, participants: participants([{ start: '2026-06-01T09:59:30+00:00', end: '2026-06-01T10:00:10Z' }]) }).map(
        (slot) => slot.start,
      ),
      ['2026-06-01T09:00:00Z', '2026-06-01T11:00:00Z'],
    );
  });

  test('from/to bound the candidates; the grid is counted from the Unix epoch', () => {
    const participants = [
      { id: 'a', timeZone: 'UTC', workingHours: weekdaysAll(['00:00-24:00']) },
      { id: 'b', timeZone: 'Asia/Kathmandu', workingHours: weekdaysAll(['00:00-24:00']) },
    ];
    const slots = findCommonSlots({ participants, from: '2026-06-01T09:00:01Z', to: '2026-06-01T11:00:00+00:00', durationMinutes: 45, stepMinutes: 45 });
    // 45-minute grid from the epoch: 09:45 is on it (1780306200 s / 2700 = whole); 09:00 is not reached because from is 09:00:01.
    for (const slot of slots) assert.equal(ms(slot.start) % (45 * minute), 0);
    assert.ok(slots.every((slot) => ms(slot.start) >= ms('2026-06-01T09:00:01Z') && ms(slot.end) <= ms('2026-06-01T11:00:00Z')));
    assert.deepEqual(findCommonSlots({ participants, from: '2026-06-01T09:00:00Z', to: '2026-06-01T09:00:00Z', durationMinutes: 15 }), []);
    assert.deepEqual(findCommonSlots({ participants, from: '2026-06-01T09:00:00Z', to: '2026-06-01T09:10:00Z', durationMinutes: 15 }), []);
    assert.deepEqual(
      findCommonSlots({ participants, from: '2026-06-01T09:00:00Z', to: '2026-06-01T09:15:00Z', durationMinutes: 15 }).map((slot) => slot.start),
      ['2026-06-01T09:00:00Z'],
    );
  });

  test('5 people in 5 zones across both 2026 DST changes matches the brute force', () => {
    const office = { 1: ['07:00-12:00', '13:00-21:00'], 2: ['07:00-21:00'], 3: ['07:00-21:00'], 4: ['07:00-21:00'], 5: ['07:00-16:00'] };
    const request = {
      participants: [
        { id: 'ny', timeZone: 'America/New_York', workingHours: office },
        { id: 'london', timeZone: 'Europe/London', workingHours: office, offLimitsDays: [5] },
        { id: 'berlin', timeZone: 'Europe/Berlin', workingHours: office, busy: [{ start: '2026-03-10T14:00:00Z', end: '2026-03-10T15:30:00Z' }] },
        { id: 'sao', timeZone: 'America/Sao_Paulo', workingHours: office, offLimitsDates: ['2026-03-17'] },
        { id: 'ktm', timeZone: 'Asia/Kathmandu', workingHours: { ...office, 1: ['15:00-23:00'], 2: ['15:00-23:00'], 3: ['15:00-23:00'] } },
      ],
      from: '2026-03-02T00:00:00Z',
      to: '2026-04-13T00:00:00Z',
      durationMinutes: 60,
      stepMinutes: 15,
    };
    const slots = findCommonSlots(request);
    assert.ok(slots.length > 50, `found ${slots.length}`);
    assert.deepEqual(
      slots.map((slot) => ms(slot.start)),
      bruteForceSlots(request),
    );
  });

  test('working hours keys may be numbers or numeric strings; overlapping ranges are a union', () => {
    const request = (workingHours: SlotParticipant['workingHours']) => ({
      participants: [{ id: 'a', timeZone: 'UTC', workingHours }],
      from: '2026-06-01T00:00:00Z',
      to: '2026-06-02T00:00:00Z',
      durationMinutes: 120,
      stepMinutes: 60,
    });
    assert.deepEqual(
      findCommonSlots(request({ '1': ['09:00-10:30', '10:00-11:00'] })).map((slot) => slot.start),
      ['2026-06-01T09:00:00Z'],
    );
    assert.deepEqual(
      findCommonSlots(request({ 1: ['09:00-10:00', '10:00-11:00'] })).map((slot) => slot.start),
      ['2026-06-01T09:00:00Z'],
    );
  });

  test('an id such as "__proto__" is an ordinary key of local', () => {
    const [slot] = findCommonSlots({
      participants: [{ id: '__proto__', timeZone: 'UTC', workingHours: weekdaysAll(['00:00-24:00']) }],
      from: '2026-06-01T00:00:00Z',
      to: '2026-06-01T01:00:00Z',
      durationMinutes: 60,
    });
    assert.ok(Object.prototype.hasOwnProperty.call(slot!.local, '__proto__'));
    assert.equal(Object.getPrototypeOf(slot!.local), Object.prototype);
  });
});

describe('findCommonSlots: validation', () => {
  const good = {
    participants: [
      { id: 'a', timeZone: 'UTC', workingHours: { 1: ['09:00-17:00'] } },
      { id: 'b', timeZone: 'Asia/Tokyo', workingHours: {} },
    ],
    from: '2026-06-01T00:00:00Z',
    to: '2026-06-02T00:00:00Z',
    durationMinutes: 30,
  };
  const withParticipant = (changes: Record<string, unknown>) => ({ ...good, participants: [{ ...good.participants[0], ...changes }, good.participants[1]] });
  test('names the offending path', () => {
    assertInvalid(() => findCommonSlots(undefined as never), '');
    assertInvalid(() => findCommonSlots({ ...good, participants: [] }), 'participants');
    assertInvalid(() => findCommonSlots({ ...good, from: '2026-06-01' }), 'from');
    assertInvalid(() => findCommonSlots({ ...good, to: 'tomorrow' }), 'to');
    assertInvalid(() => findCommonSlots({ ...good, to: '2026-05-01T00:00:00Z' }), 'to');
    assertInvalid(() => findCommonSlots({ ...good, durationMinutes: 0 }), 'durationMinutes');
    assertInvalid(() => findCommonSlots({ ...good, durationMinutes: 12.5 }), 'durationMinutes');
    assertInvalid(() => findCommonSlots({ ...good, stepMinutes: -15 }), 'stepMinutes');
    assertInvalid(() => findCommonSlots({ ...good, limit: -1 }), 'limit');
    assertInvalid(() => findCommonSlots(withParticipant({ timeZone: 'Mars/Olympus' }) as never), 'participants[0].timeZone');
    assertInvalid(() => findCommonSlots(withParticipant({ timeZone: '+05:45' }) as never), 'participants[0].timeZone');
    assertInvalid(() => findCommonSlots(withParticipant({ id: '' }) as never), 'participants[0].id');
    assertInvalid(() => findCommonSlots({ ...good, participants: [good.participants[0]!, { ...good.participants[1]!, id: 'a' }] }), 'participants[1].id');
    assertInvalid(() => findCommonSlots(withParticipant({ workingHours: { 8: ['09:00-10:00'] } }) as never), 'participants[0].workingHours.8');
    assertInvalid(() => findCommonSlots(withParticipant({ workingHours: { 1: ['17:00-09:00'] } }) as never), 'participants[0].workingHours.1[0]');
    assertInvalid(
      () => findCommonSlots(withParticipant({ workingHours: { 1: ['09:00-10:00', '24:00-24:00'] } }) as never),
      'participants[0].workingHours.1[1]',
    );
    assertInvalid(() => findCommonSlots(withParticipant({ workingHours: { 1: '09:00-17:00' } }) as never), 'participants[0].workingHours.1');
    assertInvalid(() => findCommonSlots(withParticipant({ offLimitsDays: [0] }) as never), 'participants[0].offLimitsDays[0]');
    assertInvalid(() => findCommonSlots(withParticipant({ offLimitsDates: ['2026-02-30'] }) as never), 'participants[0].offLimitsDates[0]');
    assertInvalid(() => findCommonSlots(withParticipant({ busy: [{ start: '2026-06-01T10:00:00Z' }] }) as never), 'participants[0].busy[0].end');
    assertInvalid(
      () => findCommonSlots(withParticipant({ busy: [{ start: '2026-06-01T10:00:00Z', end: '2026-06-01T09:00:00Z' }] }) as never),
      'participants[0].busy[0].end',
    );
    assertInvalid(() => findCommonSlots({ ...good, to: '2030-01-01T00:00:00Z' }), 'to');
  });
});
