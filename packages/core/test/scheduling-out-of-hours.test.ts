// Issue 19, item 3: far-apart time zones get fair out-of-hours options by themselves, a series takes
// turns with the early and late hours (a per-pair ledger), and "night" means 22:00–06:00.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryStorage, createMentorKit, isMentorKitError } from '@mentorkit/core';
import {
  findCommonSlots,
  inconvenienceLedger,
  recurringSessionTimes,
  rotatingSessionTimes,
  sessionsFeature,
  suggestMeetingTimes,
  suggestMeetingTimesOrOutOfHours,
  suggestOutOfHoursTimes,
} from '@mentorkit/core/scheduling';
import { registerSpanish } from '@mentorkit/core/es';
import { intlLocal } from './scheduling-brute.js';

const WEEKDAYS_9_TO_5 = { 1: ['09:00-17:00'], 2: ['09:00-17:00'], 3: ['09:00-17:00'], 4: ['09:00-17:00'], 5: ['09:00-17:00'] };
const kenji = { id: 'kenji', timeZone: 'Asia/Tokyo', workingHours: WEEKDAYS_9_TO_5 };
const sarah = { id: 'sarah', timeZone: 'America/New_York', workingHours: WEEKDAYS_9_TO_5 };
const minuteOfDay = (timeZone: string, iso: string) => intlLocal(timeZone, Date.parse(iso)).minuteOfDay;
const localWeekday = (timeZone: string, iso: string) => intlLocal(timeZone, Date.parse(iso)).weekday;

describe('night is 22:00–06:00', () => {
  const everyHour = {
    1: ['00:00-24:00'],
    2: ['00:00-24:00'],
    3: ['00:00-24:00'],
    4: ['00:00-24:00'],
    5: ['00:00-24:00'],
    6: ['00:00-24:00'],
    7: ['00:00-24:00'],
  };
  const tokyo = { id: 'kenji', timeZone: 'Asia/Tokyo', workingHours: everyHour };
  const london = { id: 'lucia', timeZone: 'Europe/London', workingHours: everyHour };
  const notesFor = (tokyoStart: string, minutes = 60) => {
    // Monday 2026-11-02 in Tokyo; London is 9 hours behind (GMT).
    const start = new Date(Date.parse(`2026-11-02T${tokyoStart}:00+09:00`)).toISOString();
    const end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
    const [slot] = suggestMeetingTimes({ participants: [tokyo, london], from: start, to: end, durationMinutes: minutes, stepMinutes: 15 });
    return slot!.notes.filter((note) => note.participantId === 'kenji').map((note) => note.kind);
  };

  test('a meeting 21:00–22:00 is late, not at night', () => {
    assert.deepEqual(notesFor('21:00'), ['late']);
    assert.deepEqual(notesFor('20:00'), ['late']);
  });

  test('a meeting that reaches 22:00, or starts before 06:00, is at night; 06:00–07:00 is early', () => {
    assert.deepEqual(notesFor('21:30'), ['night']);
    assert.deepEqual(notesFor('22:00'), ['night']);
    assert.deepEqual(notesFor('05:30'), ['night']);
    assert.deepEqual(notesFor('06:00'), ['early']);
    assert.deepEqual(notesFor('12:00'), []);
  });
});

describe('no common working time: fair out-of-hours slots by themselves', () => {
  const request = { participants: [kenji, sarah], from: '2026-01-05T00:00:00Z', to: '2026-01-19T00:00:00Z', durationMinutes: 60 };

  test('Tokyo and New York, 09:00–17:00 each: no common working time, yet fair options outside it', () => {
    assert.equal(findCommonSlots(request).length, 0);
    const { slots, outOfHours } = suggestMeetingTimesOrOutOfHours(request);
    assert.equal(outOfHours, true);
    assert.ok(slots.length > 0);
    for (const slot of slots) {
      for (const person of [kenji, sarah]) {
        const start = minuteOfDay(person.timeZone, slot.start);
        // Within the reachable day, 07:00–22:00, on a weekday the person works; never at night.
        assert.ok(start >= 7 * 60 && start + 60 <= 22 * 60, `${person.id} at ${slot.local[person.id]!.start}`);
        assert.ok(localWeekday(person.timeZone, slot.start) <= 5, `${person.id} works Monday to Friday: ${slot.local[person.id]!.start}`);
        assert.ok(slot.notes.every((note) => note.kind !== 'night'));
      }
      assert.ok(slot.outsideWorkingHours.length > 0, 'someone is outside their own hours');
    }
    // The fairest splits the 14 hours: 18:00 in New York is 08:00 in Tokyo, half a point each.
    const best = slots[0]!;
    assert.equal(best.local.sarah!.start.slice(11, 16), '18:00');
    assert.equal(best.local.kenji!.start.slice(11, 16), '08:00');
    assert.deepEqual(best.inconvenience, { kenji: 0.5, sarah: 0.5 });
    assert.deepEqual(best.outsideWorkingHours, ['kenji', 'sarah']);
    for (let index = 1; index < slots.length; index++) assert.ok(slots[index - 1]!.score <= slots[index]!.score);
  });

  test('off-limits days and busy times still count; a day nobody works gives nothing', () => {
    const busySarah = { ...sarah, offLimitsDays: [1], busy: [{ start: '2026-01-06T23:00:00Z', end: '2026-01-07T01:00:00Z' }] };
    const { slots } = suggestMeetingTimesOrOutOfHours({ ...request, participants: [kenji, busySarah] });
    assert.ok(slots.length > 0);
    for (const slot of slots) {
      assert.notEqual(localWeekday('America/New_York', slot.start), 1, 'no Monday in New York');
      assert.ok(Date.parse(slot.end) <= Date.parse('2026-01-06T23:00:00Z') || Date.parse(slot.start) >= Date.parse('2026-01-07T01:00:00Z'));
    }
    const weekend = suggestOutOfHoursTimes({ ...request, from: '2026-01-10T15:00:00Z', to: '2026-01-11T15:00:00Z' });
    assert.deepEqual(weekend, []);
  });

  test('with common working time, the working-hours slots come back and nothing is out of hours', () => {
    const london = { id: 'lucia', timeZone: 'Europe/London', workingHours: WEEKDAYS_9_TO_5 };
    const { slots, outOfHours } = suggestMeetingTimesOrOutOfHours({ ...request, participants: [london, sarah] });
    assert.equal(outOfHours, false);
    assert.deepEqual(
      slots.map((slot) => slot.start),
      suggestMeetingTimes({ ...request, participants: [london, sarah] }).map((slot) => slot.start),
    );
    assert.ok(slots.every((slot) => slot.outsideWorkingHours.length === 0));
  });

  test('another reach, and bad input refused with its path', () => {
    const { slots } = suggestMeetingTimesOrOutOfHours({ ...request, reach: { earliest: '08:00', latest: '20:00' } });
    for (const slot of slots)
      for (const person of [kenji, sarah])
        assert.ok(minuteOfDay(person.timeZone, slot.start) >= 8 * 60 && minuteOfDay(person.timeZone, slot.start) + 60 <= 20 * 60);
    assert.throws(
      () => suggestMeetingTimesOrOutOfHours({ ...request, reach: { earliest: '22:00', latest: '07:00' } }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'reach',
    );
  });
});

describe('taking turns over a year (a per-pair ledger)', () => {
  // Weekly on Mondays in New York from 5 January 2026: across the US change on 8 March and back on
  // 1 November (Tokyo has none), so the gap is 14 hours in winter and 13 in summer. Meetings on the hour.
  const firstStart = '2026-01-05T23:00:00Z'; // 18:00 New York, 08:00 Tokyo
  const year = rotatingSessionTimes({
    participants: [kenji, sarah],
    firstStart,
    durationMinutes: 60,
    timeZone: 'America/New_York',
    cadence: 'weekly',
    count: 52,
    stepMinutes: 60,
  });

  test("52 sessions, every one inside both people's reachable day, on their working days, never at night", () => {
    assert.equal(year.occurrences.length, 52);
    assert.equal(year.occurrences[0]!.start, firstStart, 'the first session is the one chosen');
    for (const occurrence of year.occurrences) {
      assert.equal(localWeekday('America/New_York', occurrence.start), 1, `a Monday in New York: ${occurrence.localStart}`);
      for (const person of [kenji, sarah]) {
        const start = minuteOfDay(person.timeZone, occurrence.start);
        assert.ok(start >= 7 * 60 && start + 60 <= 22 * 60, `${person.id}: ${occurrence.start}`);
        assert.ok(localWeekday(person.timeZone, occurrence.start) <= 5);
      }
      assert.ok(occurrence.notes.every((note) => note.kind !== 'night'));
      assert.equal(occurrence.outOfHours, true);
    }
  });

  test('the ledger stays balanced after every session, and in summer the heavier hour alternates', () => {
    let kenjiPoints = 0;
    let sarahPoints = 0;
    let previousHeavier: string | undefined;
    let alternations = 0;
    for (const occurrence of year.occurrences) {
      kenjiPoints += occurrence.inconvenience.kenji!;
      sarahPoints += occurrence.inconvenience.sarah!;
      assert.ok(Math.abs(kenjiPoints - sarahPoints) <= 1, `after ${occurrence.localDate}: kenji ${kenjiPoints}, sarah ${sarahPoints}`);
      const { kenji: k, sarah: s } = occurrence.inconvenience;
      const heavier = k! > s! ? 'kenji' : s! > k! ? 'sarah' : undefined;
      if (heavier && previousHeavier && heavier !== previousHeavier) alternations++;
      if (heavier) {
        // In summer (13 hours apart, on the hour) nobody gets the heavier hour twice in a row.
        assert.notEqual(heavier, previousHeavier, `${occurrence.localDate}: ${heavier} again`);
        previousHeavier = heavier;
      }
    }
    assert.ok(alternations >= 20, `${alternations} turns`);
    assert.deepEqual(year.ledger.kenji!.points, year.ledger.sarah!.points);
    // Winter: 18:00 New York = 08:00 Tokyo suits both equally (and DST back in November returns to it).
    const december = year.occurrences.find((occurrence) => occurrence.localDate === '2026-12-07')!;
    assert.deepEqual(december.inconvenience, { kenji: 0.5, sarah: 0.5 });
  });

  test('the same year at one fixed wall-clock time would leave Tokyo carrying far more', () => {
    const fixed = recurringSessionTimes({ firstStart, durationMinutes: 60, timeZone: 'America/New_York', cadence: 'weekly', count: 52 });
    const ledger = inconvenienceLedger(fixed.occurrences, [kenji, sarah]);
    assert.ok(ledger.kenji!.points - ledger.sarah!.points > 20, JSON.stringify(ledger));
    assert.ok(Math.abs(year.ledger.kenji!.points - year.ledger.sarah!.points) < 1);
  });

  test('a time that costs nobody anything stays put; the ledger a pair already has carries on', () => {
    const london = { id: 'lucia', timeZone: 'Europe/London', workingHours: WEEKDAYS_9_TO_5 };
    const calm = rotatingSessionTimes({
      participants: [london, sarah],
      firstStart: '2026-01-06T15:00:00Z',
      durationMinutes: 60,
      timeZone: 'Europe/London',
      cadence: 'fortnightly',
      count: 8,
    });
    for (const occurrence of calm.occurrences) assert.equal(occurrence.localStart.slice(11, 16), '15:00', occurrence.localStart);
    // Kenji has carried 10 points more than Sarah: the next sessions spare him until it evens out.
    const ledger = inconvenienceLedger([], [kenji, sarah]);
    ledger.kenji!.points = 10;
    const after = rotatingSessionTimes({
      participants: [kenji, sarah],
      firstStart: '2026-06-01T23:00:00Z',
      durationMinutes: 60,
      timeZone: 'America/New_York',
      cadence: 'weekly',
      count: 6,
      stepMinutes: 60,
      ledger,
    });
    for (const occurrence of after.occurrences.slice(1))
      assert.ok(occurrence.inconvenience.sarah! >= occurrence.inconvenience.kenji!, JSON.stringify(occurrence.inconvenience));
  });

  test('Spanish description; a date with no time for anyone is skipped and said why', () => {
    registerSpanish();
    const sarahAway = { ...sarah, offLimitsDates: ['2026-01-12'] };
    const result = rotatingSessionTimes({
      participants: [kenji, sarahAway],
      firstStart,
      durationMinutes: 60,
      timeZone: 'America/New_York',
      cadence: 'weekly',
      count: 3,
      locale: 'es',
    });
    assert.deepEqual(
      result.skipped.map((skip) => [skip.localDate, skip.reason]),
      [['2026-01-12', 'no-common-time']],
    );
    assert.equal(result.occurrences.length, 3);
    assert.equal(result.description, 'Cada lunes, por turnos en los horarios tempranos y tardíos (America/New York)');
  });
});

describe("sessionsFeature: rotating series and the pair's ledger", () => {
  const seed = {
    programs: [{ id: 'prog', name: 'Mentoring', adminIds: ['priya'] }],
    people: [
      { id: 'kenji', displayName: 'Kenji', roles: ['mentee'], timeZone: 'Asia/Tokyo', programIds: ['prog'], workingHours: WEEKDAYS_9_TO_5 },
      { id: 'sarah', displayName: 'Sarah', roles: ['mentor'], timeZone: 'America/New_York', programIds: ['prog'], workingHours: WEEKDAYS_9_TO_5 },
    ],
    pairings: [{ id: 'p1', programId: 'prog', menteeId: 'kenji', mentorIds: ['sarah'], status: 'active', kind: 'official', reasons: [] }],
  };

  test('bookSeries({ rotate }) continues the ledger of the sessions the pair already has', async () => {
    let counter = 0;
    const kit = createMentorKit({
      storage: createMemoryStorage({ seed }),
      user: 'sarah',
      now: () => '2026-05-01T12:00:00Z',
      generateId: () => `id-${++counter}`,
      features: [sessionsFeature],
    });
    await kit.ready;
    const sessions = kit.use(sessionsFeature);
    // Kenji already took two 07:00 meetings (19:00 the day before... no: 18:00 New York = 07:00 Tokyo in May).
    await sessions.book({ pairingId: 'p1', start: '2026-05-04T22:00:00Z', durationMinutes: 60 });
    await sessions.book({ pairingId: 'p1', start: '2026-05-11T22:00:00Z', durationMinutes: 60 });
    const before = sessions.ledger('p1', [kenji, sarah]);
    assert.deepEqual([before.kenji!.points, before.kenji!.early, before.sarah!.points, before.sarah!.late], [3, 2, 1, 2]);
    const series = await sessions.bookSeries({
      pairingId: 'p1',
      firstStart: '2026-05-18T23:00:00Z',
      durationMinutes: 60,
      cadence: 'weekly',
      count: 4,
      participants: [kenji, sarah],
      rotate: true,
      stepMinutes: 60,
    });
    assert.equal(series.sessions.length, 4);
    assert.match(series.description, /taking turns/);
    const after = sessions.ledger('p1', [kenji, sarah]);
    assert.deepEqual(after, series.ledger);
    assert.ok(Math.abs(after.kenji!.points - after.sarah!.points) <= 1, JSON.stringify(after));
    await assert.rejects(
      sessions.bookSeries({ pairingId: 'p1', firstStart: '2026-09-07T22:00:00Z', durationMinutes: 60, cadence: 'weekly', count: 2, rotate: true }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'participants',
    );
    await kit.dispose();
  });
});
