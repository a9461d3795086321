import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createMemoryStorage, createMentorKit, isMentorKitError, type DomainEvent } from '@mentorkit/core';
import { findCommonSlots, inconvenienceOf, recurringSessionTimes, sessionsFeature, suggestMeetingTimes } from '@mentorkit/core/scheduling';
import { intlLocal } from './scheduling-brute.js';

const wall = (timeZone: string, iso: string) => {
  const local = intlLocal(timeZone, Date.parse(iso));
  return `${String(Math.floor(local.minuteOfDay / 60)).padStart(2, '0')}:${String(local.minuteOfDay % 60).padStart(2, '0')}`;
};

describe('recurringSessionTimes', () => {
  test("property: every session keeps the organiser's local wall-clock time across DST changes", () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kathmandu', 'America/Sao_Paulo', 'Pacific/Apia'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 364 }),
        fc.integer({ min: 4 * 4, max: 22 * 4 }),
        fc.constantFrom('weekly', 'fortnightly', 'monthly') as fc.Arbitrary<'weekly' | 'fortnightly' | 'monthly'>,
        fc.integer({ min: 1, max: 26 }),
        (timeZone, dayOfYear, quarter, cadence, count) => {
          // A first start at a wall-clock time outside 00:00-04:00 (where DST changes happen).
          const date = new Date(Date.UTC(2026, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
          const firstLocal = `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;
          const guess = Date.parse(`${date}T${firstLocal}:00Z`);
          const offset = intlLocal(timeZone, guess).offsetMinutes;
          const firstStart = new Date(guess - offset * 60_000).toISOString();
          if (wall(timeZone, firstStart) !== firstLocal) return; // a guess that crossed a change; skip
          const result = recurringSessionTimes({ firstStart, durationMinutes: 45, timeZone, cadence, count });
          assert.equal(result.occurrences.length, count);
          let previousDate = '';
          for (const occurrence of result.occurrences) {
            assert.equal(wall(timeZone, occurrence.start), firstLocal, `${occurrence.localStart} keeps ${firstLocal}`);
            assert.equal(Date.parse(occurrence.end) - Date.parse(occurrence.start), 45 * 60_000);
            assert.equal(intlLocal(timeZone, Date.parse(occurrence.start)).date, occurrence.localDate);
            assert.ok(occurrence.localDate > previousDate);
            previousDate = occurrence.localDate;
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  test('weekly at 18:00 New York across 1 November 2026: same local time, UTC moves by an hour', () => {
    const { occurrences } = recurringSessionTimes({
      firstStart: '2026-10-20T22:00:00Z',
      durationMinutes: 60,
      timeZone: 'America/New_York',
      cadence: 'weekly',
      count: 3,
    });
    assert.deepEqual(
      occurrences.map((o) => [o.start, o.localStart]),
      [
        ['2026-10-20T22:00:00Z', '2026-10-20T18:00:00-04:00'],
        ['2026-10-27T22:00:00Z', '2026-10-27T18:00:00-04:00'],
        ['2026-11-03T23:00:00Z', '2026-11-03T18:00:00-05:00'],
      ],
    );
  });

  test("fortnightly skips off-limits dates and the participants' off-limits days in their own calendars", () => {
    // Tuesday 18:00 New York is Wednesday 07:00/08:00 in Tokyo.
    const result = recurringSessionTimes({
      firstStart: '2026-10-06T22:00:00Z',
      durationMinutes: 60,
      timeZone: 'America/New_York',
      cadence: 'fortnightly',
      count: 4,
      offLimitsDates: ['2026-10-20'],
      participants: [{ id: 'hana', timeZone: 'Asia/Tokyo', offLimitsDates: ['2026-11-18'] }],
    });
    assert.deepEqual(
      result.occurrences.map((o) => o.localDate),
      ['2026-10-06', '2026-11-03', '2026-12-01', '2026-12-15'],
    );
    assert.deepEqual(
      result.skipped.map((s) => [s.localDate, s.reason, s.participantId]),
      [
        ['2026-10-20', 'off-limits-date', undefined],
        ['2026-11-17', 'off-limits-date', 'hana'],
      ],
    );
    assert.equal(result.description, 'Every other Tuesday at 18:00 (America/New York)');
    const weekdays = recurringSessionTimes({
      firstStart: '2026-10-09T22:00:00Z',
      durationMinutes: 60,
      timeZone: 'America/New_York',
      cadence: 'weekly',
      count: 2,
      participants: [{ id: 'kenji', timeZone: 'Asia/Tokyo', offLimitsDays: [6] }],
    });
    assert.equal(weekdays.occurrences.length, 0, 'Friday 18:00 in New York is Saturday in Tokyo');
    assert.ok(weekdays.skipped.length > 0);
  });

  test('monthly by weekday: the 2nd Tuesday, and the last Friday', () => {
    const second = recurringSessionTimes({ firstStart: '2026-10-13T16:00:00Z', durationMinutes: 60, timeZone: 'Europe/Berlin', cadence: 'monthly', count: 4 });
    assert.deepEqual(
      second.occurrences.map((o) => o.localStart),
      ['2026-10-13T18:00:00+02:00', '2026-11-10T18:00:00+01:00', '2026-12-08T18:00:00+01:00', '2027-01-12T18:00:00+01:00'],
    );
    assert.equal(second.description, 'Every 2nd Tuesday of the month at 18:00 (Europe/Berlin)');
    assert.match(second.rrule, /^FREQ=MONTHLY;BYDAY=2TU;COUNT=4$/);
    const last = recurringSessionTimes({ firstStart: '2026-10-30T09:00:00Z', durationMinutes: 30, timeZone: 'UTC', cadence: 'monthly', count: 3 });
    assert.deepEqual(
      last.occurrences.map((o) => o.localDate),
      ['2026-10-30', '2026-11-27', '2026-12-25'],
    );
  });

  test('a wall-clock time inside a DST gap is moved forward and flagged', () => {
    const { occurrences } = recurringSessionTimes({
      firstStart: '2026-03-01T07:30:00Z',
      durationMinutes: 30,
      timeZone: 'America/New_York',
      cadence: 'weekly',
      count: 2,
    });
    assert.equal(occurrences[0]!.localStart, '2026-03-01T02:30:00-05:00');
    assert.equal(occurrences[1]!.localStart, '2026-03-08T03:30:00-04:00');
    assert.equal(occurrences[1]!.shifted, true);
  });

  test('validates its input', () => {
    for (const [input, path] of [
      [{ firstStart: 'soon', durationMinutes: 60, timeZone: 'UTC', cadence: 'weekly' }, 'firstStart'],
      [{ firstStart: '2026-10-13T16:00:00Z', durationMinutes: 60, timeZone: 'UTC', cadence: 'ad-hoc' }, 'cadence'],
      [{ firstStart: '2026-10-13T16:00:00Z', durationMinutes: 60, timeZone: 'Nowhere', cadence: 'weekly' }, 'timeZone'],
      [{ firstStart: '2026-10-13T16:00:00Z', durationMinutes: 60, timeZone: 'UTC', cadence: 'weekly', count: 500 }, 'count'],
      [{ firstStart: '2026-10-13T16:00:00Z', durationMinutes: 60, timeZone: 'UTC', cadence: 'weekly', offLimitsDays: [9] }, 'offLimitsDays[0]'],
    ] as const) {
      assert.throws(
        () => recurringSessionTimes(input as never),
        (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === path,
      );
    }
  });
});

describe('suggestMeetingTimes', () => {
  const tokyo = { id: 'kenji', timeZone: 'Asia/Tokyo', workingHours: { 1: ['06:00-23:00'], 2: ['06:00-23:00'], 3: ['06:00-23:00'] } };
  const newYork = { id: 'sarah', timeZone: 'America/New_York', workingHours: { 1: ['06:00-23:00'], 2: ['06:00-23:00'], 3: ['06:00-23:00'] } };
  const request = { participants: [tokyo, newYork], from: '2026-10-05T00:00:00Z', to: '2026-10-08T00:00:00Z', durationMinutes: 60, stepMinutes: 30 };

  test('ranks the same slots as findCommonSlots, fairest first, and explains who pays', () => {
    const suggestions = suggestMeetingTimes(request);
    const slots = findCommonSlots(request);
    assert.deepEqual(suggestions.map((s) => s.start).sort(), slots.map((s) => s.start).sort());
    for (let index = 1; index < suggestions.length; index++) assert.ok(suggestions[index - 1]!.score <= suggestions[index]!.score);
    const best = suggestions[0]!;
    // The fairest hour splits the 13-hour gap: early for one, late for the other, nobody at night.
    assert.ok(
      best.notes.every((note) => note.kind !== 'night'),
      JSON.stringify(best),
    );
    assert.ok(Math.abs(best.inconvenience.kenji! - best.inconvenience.sarah!) <= 1.5, JSON.stringify(best.inconvenience));
    assert.deepEqual(best.burdenAfter, best.inconvenience);
  });

  test('history moves the burden to the person who has carried less', () => {
    const first = suggestMeetingTimes({ ...request, history: { kenji: 10, sarah: 0 } })[0]!;
    const second = suggestMeetingTimes({ ...request, history: { kenji: 0, sarah: 10 } })[0]!;
    assert.ok(first.inconvenience.kenji! <= first.inconvenience.sarah!, JSON.stringify(first));
    assert.ok(second.inconvenience.sarah! <= second.inconvenience.kenji!, JSON.stringify(second));
    assert.equal(suggestMeetingTimes({ ...request, limit: 3 }).length, 3);
  });

  test('inconvenienceOf scores a session per person', () => {
    // 08:00-09:00 in Tokyo (0.5 early average... 1 hour before 09:00 → average 0.5), 19:00-20:00 in New York.
    const scores = inconvenienceOf({ start: '2026-10-05T23:00:00Z', end: '2026-10-06T00:00:00Z' }, [tokyo, newYork]);
    assert.equal(scores.kenji, 0.5);
    assert.equal(scores.sarah, 1.5);
    assert.throws(
      () => suggestMeetingTimes({ ...request, history: { nobody: 1 } }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'history.nobody',
    );
  });
});

describe('sessionsFeature', () => {
  const seed = {
    programs: [{ id: 'prog', name: 'Mentoring', adminIds: ['priya'] }],
    people: [
      { id: 'priya', displayName: 'Priya', roles: ['admin'], timeZone: 'Europe/London', programIds: ['prog'], workingHours: {} },
      { id: 'hana', displayName: 'Hana', roles: ['mentee'], timeZone: 'Asia/Tokyo', programIds: ['prog'], workingHours: {} },
      { id: 'sarah', displayName: 'Sarah', roles: ['mentor'], timeZone: 'America/New_York', programIds: ['prog'], workingHours: {} },
      { id: 'zed', displayName: 'Zed', roles: ['mentee'], timeZone: 'UTC', programIds: ['prog'], workingHours: {} },
    ],
    pairings: [{ id: 'p1', programId: 'prog', menteeId: 'hana', mentorIds: ['sarah'], status: 'active', kind: 'official', reasons: [] }],
  };
  const kitFor = async (user: string, now = '2026-10-01T12:00:00Z', storage = createMemoryStorage({ seed })) => {
    let counter = 0;
    const kit = createMentorKit({ storage, user, now: () => now, generateId: () => `${user}-${++counter}`, features: [sessionsFeature] });
    await kit.ready;
    return { kit, storage, sessions: kit.use(sessionsFeature) };
  };

  test("books one session and a fortnightly series in the organiser's zone, with events", async () => {
    const { kit, sessions } = await kitFor('sarah');
    const events: DomainEvent[] = [];
    kit.on('*', (event) => events.push(event));
    const one = await sessions.book({
      pairingId: 'p1',
      start: '2026-10-06T22:00:00Z',
      durationMinutes: 45,
      meetingUrl: 'https://meet.example.com/abc',
      agenda: 'Goals',
    });
    assert.equal(one.timeZone, 'America/New_York');
    assert.equal(one.end, '2026-10-06T22:45:00.000Z');
    assert.deepEqual(one.participantIds, ['hana', 'sarah']);
    const series = await sessions.bookSeries({
      pairingId: 'p1',
      firstStart: '2026-10-13T22:00:00Z',
      durationMinutes: 60,
      cadence: 'fortnightly',
      count: 4,
      offLimitsDates: ['2026-10-27'],
    });
    assert.equal(series.sessions.length, 4);
    assert.deepEqual(
      series.sessions.map((s) => s.start),
      ['2026-10-13T22:00:00Z', '2026-11-10T23:00:00Z', '2026-11-24T23:00:00Z', '2026-12-08T23:00:00Z'],
    );
    assert.deepEqual(
      series.skipped.map((s) => s.localDate),
      ['2026-10-27'],
    );
    assert.ok(series.sessions.every((s) => s.seriesId === series.seriesId));
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(sessions.$sessions.get().length, 5);
    assert.deepEqual(
      events.map((e) => e.type),
      ['session-booked', 'session-booked', 'session-booked', 'session-booked', 'session-booked', 'session-series-booked'],
    );
  });

  test('held/missed only after the start; cancel only when scheduled; session-held is emitted', async () => {
    const storage = createMemoryStorage({ seed });
    const before = await kitFor('hana', '2026-10-01T12:00:00Z', storage);
    const session = await before.sessions.book({ pairingId: 'p1', start: '2026-10-06T22:00:00Z', durationMinutes: 60 });
    await assert.rejects(before.sessions.markHeld(session.id), (error: unknown) => isMentorKitError(error, 'invalid-input'));
    const after = await kitFor('sarah', '2026-10-06T23:30:00Z', storage);
    const held: DomainEvent[] = [];
    after.kit.on('session-held', (event) => held.push(event));
    const stored = await after.sessions.markHeld(session.id);
    assert.equal(stored.status, 'held');
    assert.equal(held.length, 1);
    assert.equal(held[0]!.pairingId, 'p1');
    await assert.rejects(after.sessions.cancel(session.id), (error: unknown) => isMentorKitError(error, 'invalid-input'));
  });

  test('hours: markHeld takes the real length; recordLength corrects it later (either member, with the revision); admins only read', async () => {
    const storage = createMemoryStorage({ seed });
    const booking = await kitFor('hana', '2026-10-01T12:00:00Z', storage);
    const session = await booking.sessions.book({ pairingId: 'p1', start: '2026-10-06T22:00:00Z', durationMinutes: 60 });
    await assert.rejects(
      booking.sessions.recordLength(session.id, 45),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && /mark it held/.test((error as Error).message),
      'not held yet',
    );

    const mentor = await kitFor('sarah', '2026-10-06T23:30:00Z', storage);
    const events: DomainEvent[] = [];
    mentor.kit.on('*', (event) => events.push(event));
    for (const minutes of [0, -5, 601, 44.5, Number.NaN, '45' as unknown as number]) {
      await assert.rejects(
        mentor.sessions.markHeld(session.id, { minutes }),
        (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'minutes',
        `minutes ${String(minutes)}`,
      );
    }
    assert.equal(((await storage.get('sessions', session.id)) as unknown as { status: string }).status, 'scheduled', 'nothing written on bad input');

    const held = await mentor.sessions.markHeld(session.id, { minutes: 50 });
    assert.equal(held.status, 'held');
    assert.equal(held.heldMinutes, 50);
    assert.deepEqual(
      events.map((event) => [event.type, (event.data as { heldMinutes?: number }).heldMinutes]),
      [['session-held', 50]],
    );

    // The mentee corrects it later; a stale revision is refused.
    const mentee = await kitFor('hana', '2026-10-09T08:00:00Z', storage);
    const menteeEvents: DomainEvent[] = [];
    mentee.kit.on('*', (event) => menteeEvents.push(event));
    await assert.rejects(mentee.sessions.recordLength(session.id, 40, { expectedRevision: held.revision - 1 }), (error: unknown) =>
      isMentorKitError(error, 'conflict'),
    );
    const corrected = await mentee.sessions.recordLength(session.id, 40);
    assert.equal(corrected.heldMinutes, 40);
    assert.equal(corrected.revision, held.revision + 1);
    assert.deepEqual(
      menteeEvents.map((event) => [event.type, event.data]),
      [['session-length-recorded', { start: session.start, end: session.end, minutes: 40, previousMinutes: 50 }]],
    );
    assert.equal((await mentee.sessions.recordLength(session.id, 40)).revision, corrected.revision, 'the same length writes nothing');
    await assert.rejects(
      mentee.sessions.recordLength(session.id, 601),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'minutes',
    );
    // markHeld on a held session with minutes records the length too, without a second session-held.
    const again = await mentee.sessions.markHeld(session.id, { minutes: 35 });
    assert.equal(again.heldMinutes, 35);
    assert.deepEqual(
      menteeEvents.map((event) => event.type),
      ['session-length-recorded', 'session-length-recorded'],
    );

    // The programme admin reads but does not change it.
    const admin = await kitFor('priya', '2026-10-09T08:00:00Z', storage);
    await assert.rejects(admin.sessions.recordLength(session.id, 60), (error: unknown) => isMentorKitError(error, 'forbidden'));
    // Marked missed after all: the length is dropped.
    const missed = await mentee.sessions.markMissed(session.id);
    assert.equal(missed.status, 'missed');
    assert.equal(missed.heldMinutes, undefined);
    const outsider = await kitFor('zed', '2026-10-09T08:00:00Z', storage);
    await assert.rejects(outsider.sessions.recordLength(session.id, 30), (error: unknown) => isMentorKitError(error, 'not-found'));
  });

  test('refuses bad input and outsiders, writing nothing', async () => {
    const { sessions, storage } = await kitFor('sarah');
    await assert.rejects(
      sessions.book({ pairingId: 'p1', start: 'tomorrow', durationMinutes: 60 }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'start',
    );
    await assert.rejects(
      sessions.book({ pairingId: 'p1', start: '2026-10-06T22:00:00Z', durationMinutes: 60, meetingUrl: 'javascript:alert(1)' }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'meetingUrl',
    );
    await assert.rejects(sessions.book({ pairingId: 'p1', start: '2026-10-06T22:00:00Z', end: '2026-10-06T21:00:00Z' }), (error: unknown) =>
      isMentorKitError(error, 'invalid-input'),
    );
    const outsider = await kitFor('zed', '2026-10-01T12:00:00Z', storage);
    await assert.rejects(outsider.sessions.book({ pairingId: 'p1', start: '2026-10-06T22:00:00Z', durationMinutes: 60 }), (error: unknown) =>
      isMentorKitError(error, 'not-found'),
    );
    assert.deepEqual(await storage.query('sessions'), []);
  });
});
