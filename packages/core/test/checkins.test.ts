import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isMentorKitError } from '@mentorkit/core';
import {
  CHECKIN_MESSAGES,
  checkInNudges,
  fillTemplate,
  nextCheckIn,
  pairActivity,
  pairingCheckIn,
  relationshipHealth,
  sensibleSendTime,
  suggestCheckInLevel,
} from '@mentorkit/core/checkins';

const agreement = { cadence: 'fortnightly' as const, checkInLevel: 'regular' as const, since: '2026-09-07T09:00:00Z' };
const now = '2026-10-14T21:10:00Z';

describe('fillTemplate', () => {
  test('{name|one|other} reads naturally: no "day(s)"', () => {
    assert.equal(fillTemplate('{days} {days|day|days} overdue', { days: 1 }), '1 day overdue');
    assert.equal(fillTemplate('{days} {days|day|days} overdue', { days: 3 }), '3 days overdue');
    assert.equal(fillTemplate('{count} {count|goal is|goals are} behind', { count: 0 }), '0 goals are behind');
    assert.equal(fillTemplate('{missing|a|b} {x}', {}), '{missing|a|b} {x}', 'unknown placeholders stay');
    for (const template of [...Object.values(CHECKIN_MESSAGES.reasons), ...Object.values(CHECKIN_MESSAGES.nudges)])
      assert.doesNotMatch(template, /\(s\)|\(es\)/);
  });
});

describe('nextCheckIn', () => {
  test("counts from the last held session (or a mentor's message) by the shorter of level and cadence", () => {
    const sessions = [
      { id: 's1', start: '2026-09-22T22:00:00Z', end: '2026-09-22T23:00:00Z', status: 'held' as const },
      { id: 's2', start: '2026-10-06T22:00:00Z', end: '2026-10-06T23:00:00Z', status: 'cancelled' as const },
      { id: 's3', start: '2026-10-20T22:00:00Z', end: '2026-10-20T23:00:00Z', status: 'scheduled' as const },
    ];
    const result = nextCheckIn({ agreement, sessions, now });
    assert.equal(result.intervalDays, 14);
    assert.equal(result.lastCheckInAt, '2026-09-22T23:00:00.000Z');
    assert.equal(result.dueAt, '2026-10-06T23:00:00.000Z');
    assert.equal(result.overdue, true);
    // Due 6 October, today 14 October (UTC): 8 calendar days, the same figure for "was due 8 days ago".
    assert.equal(result.overdueDays, 8);
    assert.equal(result.dueInDays, -8);
    assert.deepEqual(result.nextSession, { id: 's3', start: '2026-10-20T22:00:00Z' });
    assert.equal(result.coveredByNextSession, false);
    // A mentor's message is a check-in too; the mentee's is not.
    const withMessage = nextCheckIn({
      agreement,
      sessions,
      now,
      mentorIds: ['sarah'],
      messages: [
        { authorId: 'hana', sentAt: '2026-10-12T10:00:00Z' },
        { authorId: 'sarah', sentAt: '2026-10-10T10:00:00Z' },
      ],
    });
    assert.equal(withMessage.lastCheckInKind, 'message');
    assert.equal(withMessage.dueAt, '2026-10-24T10:00:00.000Z');
    assert.equal(withMessage.overdue, false);
    assert.equal(withMessage.coveredByNextSession, true);
  });

  test('one count of days for "was due N days ago" and "overdue by N days": calendar days on the viewer\'s calendar', () => {
    // Due Monday 5 October 23:00 UTC; now Wednesday 7 October 13:00 UTC — 38 hours later.
    const sessions = [{ start: '2026-09-21T22:00:00Z', end: '2026-09-21T23:00:00Z', status: 'held' as const }];
    const late = nextCheckIn({ agreement, sessions, now: '2026-10-07T13:00:00Z' });
    assert.equal(late.dueAt, '2026-10-05T23:00:00.000Z');
    assert.deepEqual(
      [late.dueInDays, late.overdueDays],
      [-2, 2],
      'Monday to Wednesday: 2 days ago, overdue by 2 (not 1 whole day of hours beside "2 days ago")',
    );
    // In Tokyo the due time is Tuesday 08:00 and now is Wednesday 22:00: 1 day.
    const tokyo = nextCheckIn({ agreement, sessions, now: '2026-10-07T13:00:00Z', timeZone: 'Asia/Tokyo' });
    assert.deepEqual([tokyo.dueInDays, tokyo.overdueDays], [-1, 1]);
    // Overdue since earlier today: "today", overdue by less than a day.
    const today = nextCheckIn({ agreement, sessions, now: '2026-10-05T23:30:00Z' });
    assert.deepEqual([today.overdue, today.dueInDays, today.overdueDays], [true, 0, 0]);
    const ahead = nextCheckIn({ agreement, sessions, now: '2026-10-03T12:00:00Z' });
    assert.deepEqual([ahead.overdue, ahead.dueInDays, ahead.overdueDays], [false, 2, 0]);
    assert.throws(
      () => nextCheckIn({ agreement, sessions, now, timeZone: 'Mars/Olympus' }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'timeZone',
    );
  });

  test('levels: high-touch weekly, light-touch capped by the cadence; a session past its end counts as held', () => {
    const sessions = [{ start: '2026-10-13T22:00:00Z', end: '2026-10-13T23:00:00Z' }];
    assert.equal(nextCheckIn({ agreement, level: 'high-touch', sessions, now }).dueAt, '2026-10-20T23:00:00.000Z');
    assert.equal(nextCheckIn({ agreement: { ...agreement, cadence: 'monthly', checkInLevel: 'light-touch' }, sessions, now }).intervalDays, 28);
    assert.equal(nextCheckIn({ agreement: { ...agreement, cadence: 'ad-hoc', checkInLevel: 'light-touch' }, sessions, now }).intervalDays, 28);
    assert.equal(nextCheckIn({ agreement: { ...agreement, cadence: 'weekly', checkInLevel: 'light-touch' }, sessions, now }).intervalDays, 7);
    const fresh = nextCheckIn({ agreement, now });
    assert.equal(fresh.dueAt, '2026-09-21T09:00:00.000Z', 'no check-in yet: from the agreement');
  });

  test('validates', () => {
    assert.throws(
      () => nextCheckIn({ agreement, now: 'today' }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'now',
    );
    assert.throws(
      () => nextCheckIn({ agreement: { ...agreement, cadence: 'daily' as never }, now }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'agreement.cadence',
    );
    assert.throws(
      () => nextCheckIn({ agreement, level: 'max' as never, now }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'level',
    );
  });
});

describe('pairActivity and relationshipHealth', () => {
  test('the last session held, message or goal update; inactive after N days (configurable)', () => {
    const activity = pairActivity({
      sessions: [{ start: '2026-09-10T10:00:00Z', end: '2026-09-10T11:00:00Z', status: 'held' }],
      messages: [{ authorId: 'a', createdAt: '2026-09-15T10:00:00Z' }],
      goals: [{ updatedAt: '2026-09-20T08:00:00Z' }],
      now,
    });
    assert.deepEqual(activity, {
      lastActivityAt: '2026-09-20T08:00:00.000Z',
      lastActivityKind: 'goal',
      daysInactive: 24,
      inactive: true,
      inactiveAfterDays: 21,
    });
    assert.equal(pairActivity({ goals: [{ updatedAt: '2026-09-20T08:00:00Z' }], now, inactiveAfterDays: 30 }).inactive, false);
    assert.equal(pairActivity({ startedAt: '2026-09-07T00:00:00Z', now }).lastActivityKind, 'start');
    assert.throws(
      () => pairActivity({ now, inactiveAfterDays: 0 }),
      (error: unknown) => isMentorKitError(error, 'invalid-input'),
    );
    const ranked = relationshipHealth([
      { pairingId: 'quiet', activity },
      { pairingId: 'fine', activity: pairActivity({ goals: [{ updatedAt: '2026-10-13T08:00:00Z' }], now }) },
    ]);
    assert.deepEqual(
      ranked.map((pair) => [pair.pairingId, pair.attention]),
      [
        ['quiet', true],
        ['fine', false],
      ],
    );
  });
});

describe('nudges', () => {
  const people = [
    {
      personId: 'hana',
      displayName: 'Hana',
      timeZone: 'Asia/Tokyo',
      workingHours: { 1: ['07:00-09:00', '10:00-18:00'], 2: ['10:00-18:00'], 3: ['10:00-18:00'], 4: ['10:00-18:00'], 5: ['10:00-18:00'] },
    },
    {
      personId: 'sarah',
      displayName: 'Sarah',
      timeZone: 'America/New_York',
      workingHours: { 1: ['08:00-17:00'], 2: ['08:00-17:00'], 3: ['08:00-17:00'], 4: ['08:00-17:00'], 5: ['08:00-17:00'] },
      offLimitsDays: [5],
    },
  ];
  test('overdue check-ins nudge the lead mentor at a sensible local hour; very overdue nudges the mentee too', () => {
    const checkIn = nextCheckIn({ agreement, sessions: [{ start: '2026-09-08T22:00:00Z', end: '2026-09-08T23:00:00Z', status: 'held' }], now });
    const nudges = checkInNudges({ pairingId: 'p1', menteeId: 'hana', mentorIds: ['sarah'], people, checkIn, now });
    assert.deepEqual(
      nudges.map((nudge) => [nudge.kind, nudge.personId]),
      [
        ['check-in-overdue', 'sarah'],
        ['check-in-overdue', 'hana'],
      ],
    );
    // Wednesday 21:10Z is 17:10 in New York (after Sarah's hours): Thursday 09:00 (within hours and 09:00-18:00).
    assert.equal(nudges[0]!.localSendAt, '2026-10-15T09:00:00-04:00');
    // Due 22 September, today 14 October: 22 calendar days (21.9 days of hours, which used to say 21 beside "22 days ago").
    assert.match(nudges[0]!.message, /Hana is 22 days overdue/);
    // 06:10 Thursday in Tokyo: 10:00 the same day.
    assert.equal(nudges[1]!.localSendAt, '2026-10-15T10:00:00+09:00');
  });

  test('a quiet pair nudges everyone; a session booked before the due date covers the check-in', () => {
    const activity = pairActivity({ startedAt: '2026-09-01T00:00:00Z', now });
    const checkIn = nextCheckIn({
      agreement,
      sessions: [
        { start: '2026-10-15T22:00:00Z', end: '2026-10-15T23:00:00Z', status: 'scheduled' },
        { start: '2026-10-06T22:00:00Z', end: '2026-10-06T23:00:00Z', status: 'held' },
      ],
      now,
    });
    const nudges = checkInNudges({ pairingId: 'p1', menteeId: 'hana', mentorIds: ['sarah'], people, checkIn, activity, now });
    assert.deepEqual(
      nudges.map((nudge) => [nudge.kind, nudge.personId]),
      [
        ['pair-inactive', 'hana'],
        ['pair-inactive', 'sarah'],
      ],
    );
    assert.match(nudges[0]!.message, /with Sarah for 43 days/);
    // Off-limits Friday: Sarah's nudge on a Thursday evening waits for Monday.
    assert.equal(sensibleSendTime(people[1]!, '2026-10-15T22:00:00Z').localSendAt, '2026-10-19T09:00:00-04:00');
  });

  test('messages come from a catalogue hosts can replace', () => {
    const checkIn = nextCheckIn({ agreement, sessions: [{ start: '2026-10-01T22:00:00Z', end: '2026-10-01T23:00:00Z', status: 'held' }], now });
    const messages = { ...CHECKIN_MESSAGES, nudges: { ...CHECKIN_MESSAGES.nudges, 'check-in-due-soon': 'Bald fällig: Check-in mit {other} am {date}.' } };
    const [nudge] = checkInNudges({ pairingId: 'p1', menteeId: 'hana', mentorIds: ['sarah'], people, checkIn, now, messages });
    assert.equal(nudge!.message, 'Bald fällig: Check-in mit Hana am 2026-10-15.');
  });
});

describe('suggestCheckInLevel', () => {
  test('more hand-holding when ratings are low or goals slip, explained', () => {
    const result = suggestCheckInLevel({
      current: 'regular',
      feedback: [
        { rating: 2, submittedAt: '2026-10-01T00:00:00Z' },
        { rating: 3, submittedAt: '2026-10-08T00:00:00Z' },
        { rating: 5, submittedAt: '2026-08-01T00:00:00Z' },
      ],
      goals: [{ status: 'behind' }, { status: 'on-track' }],
    });
    assert.equal(result.change, 'more');
    assert.equal(result.level, 'high-touch');
    // The latest three ratings average 3.3 (not low); the goal behind is the reason.
    assert.deepEqual(result.reasons, ['1 goal is behind or was missed.']);
    const low = suggestCheckInLevel({ current: 'light-touch', feedback: [{ rating: 2 }, { rating: 2 }, { rating: 3 }] });
    assert.deepEqual([low.level, low.reasons], ['regular', ['Recent session ratings average 2.3 of 5.']]);
    assert.equal(
      suggestCheckInLevel({
        current: 'regular',
        sessions: [
          { start: '2026-10-01T00:00:00Z', end: '2026-10-01T01:00:00Z', status: 'missed' },
          { start: '2026-10-08T00:00:00Z', end: '2026-10-08T01:00:00Z', status: 'missed' },
        ],
      }).change,
      'more',
    );
    assert.deepEqual(suggestCheckInLevel({ current: 'high-touch', goals: [{ status: 'missed' }] }).reasons.at(-1), 'Already at the most hands-on level.');
  });

  test('less when thriving; keep when steady or without data; an override wins and is explained', () => {
    const thriving = suggestCheckInLevel({
      current: 'regular',
      feedback: [{ rating: 5 }, { rating: 4.5 }],
      goals: [{ status: 'on-track' }, { status: 'achieved' }],
    });
    assert.equal(thriving.change, 'less');
    assert.equal(thriving.level, 'light-touch');
    assert.equal(suggestCheckInLevel({ current: 'regular', feedback: [{ rating: 4 }], goals: [{ status: 'on-track' }] }).change, 'keep');
    assert.deepEqual(suggestCheckInLevel({ current: 'regular' }).reasons, ['Not enough feedback or goal updates yet to suggest a change.']);
    const overridden = suggestCheckInLevel({
      current: 'regular',
      feedback: [{ rating: 5 }, { rating: 5 }],
      goals: [{ status: 'on-track' }],
      override: 'regular',
    });
    assert.equal(overridden.level, 'regular');
    assert.equal(overridden.suggested, 'light-touch');
    assert.equal(overridden.overridden, true);
    assert.equal(overridden.reasons.at(-1), 'Kept at Regular by choice (the suggestion was Light-touch).');
    assert.throws(
      () => suggestCheckInLevel({ current: 'regular', feedback: [{ rating: 9 }] }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'feedback[0].rating',
    );
  });
});

describe('pairingCheckIn', () => {
  const pairing = { id: 'p1', menteeId: 'mentee', mentorIds: ['lead', 'co'], startedOn: '2026-09-07' };
  const people = [
    { personId: 'mentee', displayName: 'Mia', timeZone: 'Europe/Madrid' },
    {
      personId: 'lead',
      displayName: 'Leo',
      timeZone: 'America/Mexico_City',
      workingHours: { 1: ['09:00-17:00'], 2: ['09:00-17:00'], 3: ['09:00-17:00'], 4: ['09:00-17:00'], 5: ['09:00-17:00'] },
    },
    { personId: 'co', displayName: 'Cy', timeZone: 'Asia/Kathmandu' },
  ];
  const checkInAgreement = {
    ...agreement,
    responseTimeHours: 48,
    participants: [{ personId: 'lead', timeZone: 'America/Mexico_City', workingHours: { 1: ['10:00-12:00'] }, offLimitsDays: [], offLimitsDates: [] }],
  };

  test("the same figures as nextCheckIn, pairActivity and checkInNudges over the pair's records (others ignored)", () => {
    const messages = [
      { pairingId: 'p1', authorId: 'mentee', sentAt: '2026-10-12T10:00:00Z' },
      { pairingId: 'other', authorId: 'lead', sentAt: '2026-10-13T10:00:00Z' },
    ];
    const result = pairingCheckIn({ pairing, agreement: checkInAgreement, messages, people, now });
    const expected = nextCheckIn({
      agreement: checkInAgreement,
      messages: [messages[0]!],
      mentorIds: ['lead', 'co'],
      startedAt: '2026-09-07T00:00:00Z',
      now,
      timeZone: 'America/Mexico_City',
    });
    assert.deepEqual(result.checkIn, expected);
    assert.equal(result.activity.inactive, false, "the mentee's message is activity");
    // Overdue by more than an interval: the mentee is nudged to suggest a time too.
    assert.deepEqual(
      result.nudges.map((nudge) => [nudge.personId, nudge.kind, nudge.code]),
      [
        ['lead', 'check-in-overdue', 'check-in-overdue'],
        ['mentee', 'check-in-overdue', 'check-in-overdue-mentee'],
      ],
    );
    // The agreement's terms time the lead mentor's nudge (Mondays 10:00-12:00 in Mexico City), profiles the others.
    const nudge = result.nudges[0]!;
    assert.match(nudge.localSendAt, /T1[01]:\d\d:00-0[56]:00$/);
    assert.equal(new Date(nudge.sendAt).getUTCDay(), 1);
    assert.deepEqual(
      result.people.map((person) => [person.personId, person.timeZone, person.displayName]),
      [
        ['lead', 'America/Mexico_City', 'Leo'],
        ['mentee', 'Europe/Madrid', 'Mia'],
        ['co', 'Asia/Kathmandu', 'Cy'],
      ],
    );
  });

  test('without an agreement only activity counts: a pair quiet since its start nudges everyone in it, in the language asked for', () => {
    const result = pairingCheckIn({ pairing, people, now, locale: 'en' });
    assert.equal(result.checkIn, undefined);
    assert.equal(result.activity.lastActivityKind, 'start');
    assert.deepEqual(result.nudges.map((nudge) => nudge.personId).sort(), ['co', 'lead', 'mentee']);
    assert.match(result.nudges.find((nudge) => nudge.personId === 'mentee')!.message, /with Leo and Cy for 37 days/);
    assert.throws(
      () => pairingCheckIn({ pairing: null as never, now }),
      (error: unknown) => isMentorKitError(error, 'invalid-input'),
    );
  });
});
