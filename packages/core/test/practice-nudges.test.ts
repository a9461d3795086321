import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isMentorKitError } from '@mentorkit/core';
import { registerSpanish } from '@mentorkit/core/es';
import {
  CHECKIN_MESSAGES,
  feedbackRequestNudges,
  goalNudges,
  practiceNudges,
  sessionReminderNudges,
  type PracticeNudge,
  type PracticeNudgeRequest,
} from '@mentorkit/core/checkins';

// Sarah (mentee) in New York, Hana (lead mentor) in Tokyo, Omar (co-mentor) in Madrid. 2026-10-19 is a Monday.
const weekdays = (range: string) => ({ 1: [range], 2: [range], 3: [range], 4: [range], 5: [range] });
const people = [
  { personId: 'sarah', displayName: 'Sarah', timeZone: 'America/New_York', workingHours: weekdays('08:00-17:00') },
  { personId: 'hana', displayName: 'Hana', timeZone: 'Asia/Tokyo', workingHours: weekdays('10:00-18:00') },
  { personId: 'omar', displayName: 'Omar', timeZone: 'Europe/Madrid' },
];
const pairing = { id: 'p-1', menteeId: 'sarah', mentorIds: ['hana'] };
const request = (extra: Partial<PracticeNudgeRequest>): PracticeNudgeRequest => ({ pairing, people, now: '2026-10-19T12:00:00Z', ...extra });
const session = (id: string, start: string, extra: Record<string, unknown> = {}) => ({
  id,
  pairingId: 'p-1',
  title: 'Career plan',
  start,
  end: new Date(Date.parse(start) + 3_600_000).toISOString(),
  status: 'scheduled' as const,
  ...extra,
});
const summary = (nudges: PracticeNudge[]) => nudges.map((nudge) => `${nudge.code} ${nudge.personId} ${nudge.sendAt} ${nudge.localSendAt}`).sort();

describe('session reminders (24 h and 1 h before)', () => {
  // 09:00 in New York (EDT), 22:00 in Tokyo.
  const sessions = [session('s-1', '2026-10-20T13:00:00Z')];

  test('24 h before, on each participant’s clock (22:00 in Tokyo is night: 21:00); queued up to an hour ahead', () => {
    const nudges = sessionReminderNudges(request({ sessions, now: '2026-10-19T12:00:00Z' }));
    assert.deepEqual(summary(nudges), [
      'session-in-24h hana 2026-10-19T12:00:00Z 2026-10-19T21:00:00+09:00',
      'session-in-24h sarah 2026-10-19T13:00:00Z 2026-10-19T09:00:00-04:00',
    ]);
    const sarah = nudges.find((nudge) => nudge.personId === 'sarah')!;
    assert.equal(sarah.kind, 'session-soon');
    assert.equal(sarah.period, 's-1@2026-10-20T13:00:00.000Z/24h');
    assert.deepEqual({ date: sarah.params.date, time: sarah.params.time, other: sarah.params.other }, { date: '2026-10-20', time: '09:00', other: 'Hana' });
    assert.equal(sarah.message, 'Reminder: your session “Career plan” with Hana is on 2026-10-20 at 09:00.');
    const hana = nudges.find((nudge) => nudge.personId === 'hana')!;
    assert.deepEqual({ date: hana.params.date, time: hana.params.time }, { date: '2026-10-20', time: '22:00' });
  });

  test('boundaries: exactly the look-ahead is in, a minute more is not; none once the session started', () => {
    assert.equal(sessionReminderNudges(request({ sessions, now: '2026-10-19T12:00:00Z' })).length, 2);
    assert.deepEqual(
      sessionReminderNudges(request({ sessions, now: '2026-10-19T11:59:00Z' })).map((nudge) => nudge.personId),
      ['hana'],
    );
    assert.equal(sessionReminderNudges(request({ sessions, now: '2026-10-19T11:00:00Z', lookaheadMinutes: 120 })).length, 2);
    assert.equal(sessionReminderNudges(request({ sessions, now: '2026-10-19T10:59:00Z', lookaheadMinutes: 120 })).length, 1);
    assert.equal(sessionReminderNudges(request({ sessions, now: '2026-10-20T13:00:00Z' })).length, 0);
  });

  test('1 h before: the 24 h one is over by then', () => {
    const nudges = sessionReminderNudges(request({ sessions, now: '2026-10-20T11:30:00Z' }));
    assert.deepEqual(summary(nudges), [
      'session-in-1h hana 2026-10-20T12:00:00Z 2026-10-20T21:00:00+09:00',
      'session-in-1h sarah 2026-10-20T12:00:00Z 2026-10-20T08:00:00-04:00',
    ]);
    const sarah = nudges.find((nudge) => nudge.personId === 'sarah')!;
    assert.equal(sarah.message, 'Your session “Career plan” with Hana starts in 60 minutes, at 09:00.');
    assert.equal(sarah.period, 's-1@2026-10-20T13:00:00.000Z/1h');
    // Computed again a moment after its time (as a sender re-checks before sending): the same words.
    const again = sessionReminderNudges(request({ sessions, now: '2026-10-20T12:00:00.400Z' })).find((nudge) => nudge.personId === 'sarah')!;
    assert.equal(again.message, sarah.message);
    assert.equal(again.period, sarah.period);
  });

  test('not moved to working hours: a 1 h reminder at 07:00 for an 08:00 session', () => {
    // 08:00 in Tokyo, 19:00 the day before in New York.
    const nudges = sessionReminderNudges(request({ sessions: [session('s-2', '2026-10-20T23:00:00Z')], now: '2026-10-20T21:30:00Z' }));
    assert.deepEqual(summary(nudges), [
      'session-in-1h hana 2026-10-20T22:00:00Z 2026-10-21T07:00:00+09:00',
      'session-in-1h sarah 2026-10-20T22:00:00Z 2026-10-20T18:00:00-04:00',
    ]);
  });

  test('never in the night (22:00–07:00): the nearer of 07:00 and 21:00 the evening before', () => {
    // 07:30 in Tokyo: the 1 h reminder would be 06:30 → 07:00, 30 minutes before.
    const at0730 = sessionReminderNudges(request({ sessions: [session('s-3', '2026-10-20T22:30:00Z')], now: '2026-10-20T21:30:00Z' })).find(
      (nudge) => nudge.personId === 'hana',
    )!;
    assert.equal(at0730.localSendAt, '2026-10-21T07:00:00+09:00');
    assert.equal(at0730.params.minutes, 30);
    assert.equal(at0730.message, 'Your session “Career plan” with Sarah starts in 30 minutes, at 07:30.');
    // 07:00 in Tokyo: 07:00 is the start itself, so 21:00 the evening before.
    const at0700 = sessionReminderNudges(request({ sessions: [session('s-4', '2026-10-20T22:00:00Z')], now: '2026-10-20T11:30:00Z' }));
    assert.deepEqual(summary(at0700), ['session-in-1h hana 2026-10-20T12:00:00Z 2026-10-20T21:00:00+09:00']);
    assert.equal(at0700[0]!.params.minutes, 600);
    // Sarah's own 1 h reminder (17:00 in New York) is untouched.
    assert.deepEqual(summary(sessionReminderNudges(request({ sessions: [session('s-4', '2026-10-20T22:00:00Z')], now: '2026-10-20T20:30:00Z' }))), [
      'session-in-1h sarah 2026-10-20T21:00:00Z 2026-10-20T17:00:00-04:00',
    ]);
  });

  test('a session in the person’s night keeps its 1 h reminder at night (they will be up for it)', () => {
    // 23:00 in Tokyo: Hana's 1 h reminder at 22:00 Tokyo.
    const nudges = sessionReminderNudges(request({ sessions: [session('s-5', '2026-10-20T14:00:00Z')], now: '2026-10-20T12:30:00Z' }));
    assert.deepEqual(summary(nudges), [
      'session-in-1h hana 2026-10-20T13:00:00Z 2026-10-20T22:00:00+09:00',
      'session-in-1h sarah 2026-10-20T13:00:00Z 2026-10-20T09:00:00-04:00',
    ]);
  });

  test('working hours in the night count as awake', () => {
    const nightShift = [
      { personId: 'sarah', displayName: 'Sarah', timeZone: 'America/New_York', workingHours: { 1: ['05:00-13:00'], 2: ['05:00-13:00'] } },
      people[1]!,
    ];
    // 07:30 in New York on Tuesday: the 1 h reminder stays at 06:30, within Sarah's hours.
    const nudges = sessionReminderNudges(request({ people: nightShift, sessions: [session('s-6', '2026-10-20T11:30:00Z')], now: '2026-10-20T10:00:00Z' }));
    assert.equal(nudges.find((nudge) => nudge.personId === 'sarah')!.localSendAt, '2026-10-20T06:30:00-04:00');
  });

  test('DST: spring forward in New York — the night rule on the clock of each day', () => {
    // Sunday 8 March 2026, 07:30 EDT (11:30Z). 24 h before is Saturday 06:30 EST → 07:00 EST (12:00Z).
    const sessions = [session('s-7', '2026-03-08T11:30:00Z', { participantIds: ['sarah'] })];
    assert.deepEqual(summary(sessionReminderNudges(request({ sessions, now: '2026-03-07T11:30:00Z' }))), [
      'session-in-24h sarah 2026-03-07T12:00:00Z 2026-03-07T07:00:00-05:00',
    ]);
    // 1 h before is 06:30 EDT → 07:00 EDT (11:00Z), 30 minutes before.
    const soon = sessionReminderNudges(request({ sessions, now: '2026-03-08T10:15:00Z' }));
    assert.deepEqual(summary(soon), ['session-in-1h sarah 2026-03-08T11:00:00Z 2026-03-08T07:00:00-04:00']);
  });

  test('DST: fall back — 24 real hours before a Sunday 09:00 EST session is Saturday 10:00 EDT', () => {
    const sessions = [session('s-8', '2026-11-01T14:00:00Z')];
    const sarah = sessionReminderNudges(request({ sessions, now: '2026-10-31T13:30:00Z' })).find((nudge) => nudge.personId === 'sarah')!;
    assert.equal(sarah.localSendAt, '2026-10-31T10:00:00-04:00');
    assert.equal(sarah.params.time, '09:00');
    assert.equal(sarah.params.date, '2026-11-01');
  });

  test('cancelled, held or missed sessions get none; only the session’s participants get them', () => {
    for (const status of ['cancelled', 'held', 'missed'])
      assert.deepEqual(
        sessionReminderNudges(request({ sessions: [session('s-1', '2026-10-20T13:00:00Z', { status })], now: '2026-10-19T12:30:00Z' })),
        [],
        status,
      );
    const trio = { ...pairing, mentorIds: ['hana', 'omar'] };
    const nudges = sessionReminderNudges(
      request({ pairing: trio, sessions: [session('s-1', '2026-10-20T13:00:00Z', { participantIds: ['sarah', 'omar'] })], now: '2026-10-19T12:30:00Z' }),
    );
    assert.deepEqual(nudges.map((nudge) => nudge.personId).sort(), ['omar', 'sarah']);
    assert.equal(nudges.find((nudge) => nudge.personId === 'sarah')!.params.other, 'Omar');
    const all = sessionReminderNudges(request({ pairing: trio, sessions, now: '2026-10-19T12:30:00Z' }));
    assert.equal(all.find((nudge) => nudge.personId === 'sarah')!.params.other, 'Hana and Omar');
    // Another pairing's session is ignored.
    assert.deepEqual(
      sessionReminderNudges(request({ sessions: [session('s-9', '2026-10-20T13:00:00Z', { pairingId: 'p-2' })], now: '2026-10-19T12:30:00Z' })),
      [],
    );
  });

  test('rescheduled: a new start is a new period (new reminders)', () => {
    const before = sessionReminderNudges(request({ sessions, now: '2026-10-19T12:30:00Z' }))[0]!;
    const moved = sessionReminderNudges(request({ sessions: [session('s-1', '2026-10-20T15:00:00Z')], now: '2026-10-19T14:30:00Z' }))[0]!;
    assert.notEqual(before.period, moved.period);
    assert.equal(moved.period, 's-1@2026-10-20T15:00:00.000Z/24h');
  });

  test('booked late: the 24 h reminder goes now while it is less than 12 h late; after that only the 1 h one', () => {
    // Booked 20 h before (late by 4 h): sent now.
    const late = sessionReminderNudges(request({ sessions, now: '2026-10-19T17:00:30Z' }));
    // For Hana it is 02:01 in Tokyo: not back to the evening (past), so 07:00.
    assert.deepEqual(summary(late), [
      'session-in-24h hana 2026-10-19T22:00:00Z 2026-10-20T07:00:00+09:00',
      'session-in-24h sarah 2026-10-19T17:00:00Z 2026-10-19T13:00:00-04:00',
    ]);
    // 11 h before: the 24 h reminder is 13 h late — none; the 1 h one not yet.
    assert.deepEqual(sessionReminderNudges(request({ sessions, now: '2026-10-20T02:00:00Z' })), []);
  });
});

describe('feedback requested after a session', () => {
  // Held Tuesday 13:00–14:00Z (09:00–10:00 in New York).
  const held = [session('s-1', '2026-10-20T13:00:00Z', { status: 'held' })];

  test('the mentee (the feedback policy asks mentees by default), at their next sensible time, until the deadline', () => {
    const nudges = feedbackRequestNudges(request({ sessions: held, now: '2026-10-20T14:05:00Z' }));
    assert.deepEqual(summary(nudges), ['feedback-requested sarah 2026-10-20T14:15:00Z 2026-10-20T10:15:00-04:00']);
    assert.equal(nudges[0]!.period, 's-1');
    assert.equal(nudges[0]!.params.date, '2026-10-27');
    assert.equal(
      nudges[0]!.message,
      'How did your session “Career plan” with Hana go? A few words of feedback help make the next one better; you can give it until 2026-10-27.',
    );
  });

  test('mentors too with askMentors; a scheduled session counts once it has ended; not before', () => {
    const scheduled = [session('s-1', '2026-10-20T13:00:00Z')];
    assert.deepEqual(feedbackRequestNudges(request({ sessions: scheduled, now: '2026-10-20T13:59:00Z' })), []);
    const nudges = feedbackRequestNudges(request({ sessions: scheduled, now: '2026-10-20T14:00:00Z', feedbackOptions: { askMentors: true } }));
    assert.deepEqual(nudges.map((nudge) => nudge.personId).sort(), ['hana', 'sarah']);
    // Hana's next sensible time: Wednesday 10:00 in Tokyo.
    assert.equal(nudges.find((nudge) => nudge.personId === 'hana')!.localSendAt, '2026-10-21T10:00:00+09:00');
  });

  test('none once given, for missed or cancelled sessions, or after the deadline', () => {
    assert.deepEqual(
      feedbackRequestNudges(request({ sessions: held, feedback: [{ id: 'f-1', sessionId: 's-1', authorId: 'sarah' }], now: '2026-10-20T15:00:00Z' })),
      [],
    );
    assert.deepEqual(feedbackRequestNudges(request({ sessions: held, feedback: [{ sessionId: 's-1', authorId: 'sarah' }], now: '2026-10-20T15:00:00Z' })), []);
    for (const status of ['missed', 'cancelled'])
      assert.deepEqual(
        feedbackRequestNudges(request({ sessions: [session('s-1', '2026-10-20T13:00:00Z', { status })], now: '2026-10-20T15:00:00Z' })),
        [],
        status,
      );
    // Deadline: 7 days after the end (2026-10-27T14:00Z). Just before: a nudge sendable before it; after: none.
    assert.equal(feedbackRequestNudges(request({ sessions: held, now: '2026-10-27T13:00:00Z' })).length, 1);
    assert.deepEqual(feedbackRequestNudges(request({ sessions: held, now: '2026-10-27T14:00:00Z' })), []);
    // A next sensible time after the deadline: none (Tuesday 22:30 in New York, deadline 23:30; next sensible Wednesday 09:00).
    assert.deepEqual(
      feedbackRequestNudges(
        request({
          sessions: [session('s-1', '2026-10-21T02:00:00Z', { status: 'held' })],
          now: '2026-10-28T02:30:00Z',
          feedbackOptions: { editWindowHours: 168.5 },
        }),
      ),
      [],
    );
  });

  test('only participants who attended', () => {
    const trio = { ...pairing, mentorIds: ['hana', 'omar'] };
    const nudges = feedbackRequestNudges(
      request({
        pairing: trio,
        sessions: [session('s-1', '2026-10-20T13:00:00Z', { status: 'held', participantIds: ['sarah', 'hana'] })],
        now: '2026-10-20T14:05:00Z',
        feedbackOptions: { askMentors: true },
      }),
    );
    assert.deepEqual(nudges.map((nudge) => nudge.personId).sort(), ['hana', 'sarah']);
  });
});

describe('goals due or missed', () => {
  const goal = (extra: Record<string, unknown> = {}) => ({
    id: 'g-1',
    pairingId: 'p-1',
    ownerId: 'sarah',
    title: 'Lead a retro',
    dueDate: '2026-10-22',
    milestones: [{ title: 'Draft', done: false }],
    ...extra,
  });

  test('due within 3 days (owner’s calendar): the owner and, for a shared goal, the mentors', () => {
    const nudges = goalNudges(request({ goals: [goal()], now: '2026-10-19T13:00:00Z' }));
    assert.deepEqual(nudges.map((nudge) => `${nudge.kind} ${nudge.code} ${nudge.personId}`).sort(), [
      'goal-due goal-due sarah',
      'goal-due goal-due-mentor hana',
    ]);
    const sarah = nudges.find((nudge) => nudge.personId === 'sarah')!;
    assert.equal(sarah.message, 'Your goal “Lead a retro” is due on 2026-10-22. What is the next step you can take?');
    assert.equal(sarah.period, 'g-1@2026-10-22');
    assert.equal(sarah.params.days, 3);
    assert.equal(
      nudges.find((nudge) => nudge.personId === 'hana')!.message,
      'Sarah’s goal “Lead a retro” is due on 2026-10-22. A word of encouragement could help.',
    );
    // Sarah's next sensible time (09:00 on her clock), Hana's (10:00 on hers).
    assert.equal(sarah.localSendAt, '2026-10-19T09:00:00-04:00');
    assert.equal(nudges.find((nudge) => nudge.personId === 'hana')!.localSendAt, '2026-10-20T10:00:00+09:00');
  });

  test('a private goal is only the owner’s', () => {
    assert.deepEqual(
      goalNudges(request({ goals: [goal({ visibility: 'private' })], now: '2026-10-19T13:00:00Z' })).map((nudge) => nudge.personId),
      ['sarah'],
    );
    assert.deepEqual(
      goalNudges(request({ goals: [goal({ visibility: 'private', dueDate: '2026-10-15' })], now: '2026-10-19T13:00:00Z' })).map(
        (nudge) => `${nudge.kind} ${nudge.personId}`,
      ),
      ['goal-missed sarah'],
    );
  });

  test('boundaries: 4 days ahead is not due yet; achieved, archived or without a date get none', () => {
    assert.deepEqual(goalNudges(request({ goals: [goal({ dueDate: '2026-10-23' })], now: '2026-10-19T13:00:00Z' })), []);
    assert.equal(goalNudges(request({ goals: [goal({ dueDate: '2026-10-23' })], now: '2026-10-19T13:00:00Z', goalDueSoonDays: 4 })).length, 2);
    assert.deepEqual(goalNudges(request({ goals: [goal({ milestones: [{ title: 'Draft', done: true }] })], now: '2026-10-19T13:00:00Z' })), []);
    assert.deepEqual(goalNudges(request({ goals: [goal({ archived: true })], now: '2026-10-19T13:00:00Z' })), []);
    assert.deepEqual(goalNudges(request({ goals: [goal({ dueDate: undefined })], now: '2026-10-19T13:00:00Z' })), []);
  });

  test('missed once the due date has passed on the owner’s calendar, and only for 7 days', () => {
    // 22:00 on 22 October in New York: still due today for Sarah (0 days left)...
    const dueToday = goalNudges(request({ goals: [goal()], now: '2026-10-23T02:00:00Z' }));
    assert.deepEqual(dueToday.map((nudge) => `${nudge.code} ${nudge.personId} ${nudge.params.days}`).sort(), ['goal-due sarah 0', 'goal-due-mentor hana 0']);
    // ...while for a goal of Hana's it is already 23 October in Tokyo: missed.
    const hanas = goalNudges(request({ goals: [goal({ ownerId: 'hana' })], now: '2026-10-23T02:00:00Z' }));
    assert.deepEqual(
      hanas.map((nudge) => `${nudge.code} ${nudge.personId} ${nudge.params.days}`),
      ['goal-missed hana 1'],
    );
    assert.equal(hanas[0]!.message, 'The date for your goal “Lead a retro” (2026-10-22) has passed. That is fine: you can set a new date or adjust the goal.');
    const mentorSide = goalNudges(request({ goals: [goal()], now: '2026-10-24T13:00:00Z' }));
    assert.deepEqual(mentorSide.map((nudge) => nudge.code).sort(), ['goal-missed', 'goal-missed-mentor']);
    assert.equal(goalNudges(request({ goals: [goal()], now: '2026-10-29T13:00:00Z' })).length, 2);
    assert.deepEqual(goalNudges(request({ goals: [goal()], now: '2026-10-30T13:00:00Z' })), []);
  });

  test('a new due date is a new period', () => {
    const first = goalNudges(request({ goals: [goal()], now: '2026-10-24T13:00:00Z' }))[0]!;
    const moved = goalNudges(request({ goals: [goal({ dueDate: '2026-10-26' })], now: '2026-10-24T13:00:00Z' }))[0]!;
    assert.notEqual(first.period, moved.period);
    assert.equal(moved.kind, 'goal-due');
  });
});

describe('practiceNudges', () => {
  test('all three together; Spanish words and names joined the Spanish way', () => {
    registerSpanish();
    const trio = { ...pairing, mentorIds: ['hana', 'omar'] };
    const nudges = practiceNudges(
      request({
        pairing: trio,
        locale: 'es',
        sessions: [session('s-1', '2026-10-20T13:00:00Z'), session('s-0', '2026-10-19T11:00:00Z', { status: 'held' })],
        goals: [{ id: 'g-1', pairingId: 'p-1', ownerId: 'sarah', title: 'Dirigir una retro', dueDate: '2026-10-22' }],
        now: '2026-10-19T12:30:00Z',
      }),
    );
    assert.deepEqual([...new Set(nudges.map((nudge) => nudge.kind))].sort(), ['feedback-requested', 'goal-due', 'session-soon']);
    const reminder = nudges.find((nudge) => nudge.kind === 'session-soon' && nudge.personId === 'sarah')!;
    assert.equal(reminder.message, 'Recordatorio: tu sesión «Career plan» con Hana y Omar es el 2026-10-20 a las 09:00.');
    assert.equal(
      nudges.find((nudge) => nudge.code === 'goal-due-mentor' && nudge.personId === 'omar')!.message,
      'La meta «Dirigir una retro» de Sarah vence el 2026-10-22. Unas palabras de ánimo pueden ayudar.',
    );
  });

  test('every code has English words; bad input is refused with a path', () => {
    for (const code of ['session-in-24h', 'session-in-1h', 'feedback-requested', 'goal-due', 'goal-due-mentor', 'goal-missed', 'goal-missed-mentor'] as const)
      assert.equal(typeof CHECKIN_MESSAGES.nudges[code], 'string');
    assert.throws(
      () => practiceNudges(request({ now: 'yesterday' })),
      (error) => isMentorKitError(error, 'invalid-input') && error.path === 'now',
    );
    assert.throws(
      () => practiceNudges(request({ goalDueSoonDays: -1 })),
      (error) => isMentorKitError(error, 'invalid-input') && error.path === 'goalDueSoonDays',
    );
    assert.throws(
      () => practiceNudges(request({ sessions: 'x' as never })),
      (error) => isMentorKitError(error, 'invalid-input') && error.path === 'sessions',
    );
  });
});
