import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AgreementInputSchema,
  MentorKitError,
  PairingInputSchema,
  PersonInputSchema,
  SessionInputSchema,
  GoalInputSchema,
  MessageInputSchema,
  FeedbackInputSchema,
  isCalendarDate,
  isHttpUrl,
  isInstant,
  isMentorKitError,
  isTimeZone,
  parseOrThrow,
  toMentorKitError,
  parseTimeRange,
} from '@mentorkit/core';

const validPerson = {
  id: 'ana',
  displayName: 'Ana Souza',
  roles: ['mentee'],
  timeZone: 'America/Sao_Paulo',
  workingHours: { 1: ['09:00-12:00', '13:00-17:30'], 5: ['10:00-24:00'] },
};

function invalid(fn: () => unknown): MentorKitError {
  try {
    fn();
  } catch (error) {
    assert.ok(isMentorKitError(error, 'invalid-input'), `expected invalid-input, got ${String(error)}`);
    return error as MentorKitError;
  }
  assert.fail('expected a MentorKitError');
}

describe('primitives', () => {
  test('time zones: IANA names only', () => {
    for (const zone of ['Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Auckland', 'UTC', 'America/Argentina/Buenos_Aires'])
      assert.ok(isTimeZone(zone), zone);
    for (const zone of ['', 'Mars/Base', '+05:30', 'GMT+3 ', 42, null, 'Europe/Paris<script>']) assert.ok(!isTimeZone(zone), String(zone));
  });

  test('instants need Z or an offset and a real date', () => {
    for (const value of ['2026-03-29T08:00:00Z', '2026-03-29T08:00Z', '2026-03-29T10:00:00.123+02:00', '2026-12-31T23:59:59-05:45'])
      assert.ok(isInstant(value), value);
    for (const value of ['2026-03-29T08:00:00', '2026-02-30T08:00:00Z', '2026-03-29 08:00Z', '2026-03-29T24:00:00Z', 'yesterday', 1711699200000])
      assert.ok(!isInstant(value), String(value));
  });

  test('calendar dates are YYYY-MM-DD and exist', () => {
    assert.ok(isCalendarDate('2028-02-29'));
    assert.ok(!isCalendarDate('2027-02-29'));
    assert.ok(!isCalendarDate('2026-3-1'));
    assert.ok(!isCalendarDate('2026-03-01T00:00:00Z'));
  });

  test('links: http and https only', () => {
    assert.ok(isHttpUrl('https://drive.example.com/folder?id=1'));
    assert.ok(isHttpUrl('http://localhost:8000/'));
    for (const value of ['javascript:alert(1)', 'data:text/html,<b>x</b>', '/relative', 'ftp://example.com', 'https://', 'JAVASCRIPT:alert(1)'])
      assert.ok(!isHttpUrl(value), value);
  });

  test('time ranges: start inclusive, 24:00 may end a range', () => {
    assert.deepEqual(parseTimeRange('09:00-17:30'), [540, 1050]);
    assert.deepEqual(parseTimeRange('22:00-24:00'), [1320, 1440]);
    assert.equal(parseTimeRange('17:00-09:00'), undefined);
    assert.equal(parseTimeRange('24:00-24:00'), undefined);
    assert.equal(parseTimeRange('9:00-17:00'), undefined);
  });
});

describe('entity schemas', () => {
  test('a valid person gets defaults', () => {
    const person = parseOrThrow(PersonInputSchema, validPerson);
    assert.deepEqual(person.offLimitsDays, []);
    assert.deepEqual(person.languages, []);
    assert.equal(person.capacity, 1);
  });

  test('errors carry the path and an actionable message', () => {
    const error = invalid(() => parseOrThrow(PersonInputSchema, { ...validPerson, timeZone: 'Mars/Base' }, 'person'));
    assert.equal(error.path, 'person.timeZone');
    assert.match(error.message, /IANA time-zone name/);
    assert.match(error.message, /Mars\/Base/);

    const hours = invalid(() => parseOrThrow(PersonInputSchema, { ...validPerson, workingHours: { 1: ['17:00-09:00'] } }));
    assert.equal(hours.path, 'workingHours.1[0]');
    assert.match(hours.message, /start before end/);

    const overlap = invalid(() => parseOrThrow(PersonInputSchema, { ...validPerson, workingHours: { 2: ['09:00-12:00', '11:00-13:00'] } }));
    assert.equal(overlap.path, 'workingHours.2');
    assert.match(overlap.message, /overlap/);

    const weekday = invalid(() => parseOrThrow(PersonInputSchema, { ...validPerson, offLimitsDays: [8] }));
    assert.equal(weekday.path, 'offLimitsDays[0]');
    assert.match(weekday.message, /1 \(Monday\) to 7 \(Sunday\)/);

    const missing = invalid(() => parseOrThrow(PersonInputSchema, { id: 'x', roles: ['mentee'], timeZone: 'UTC' }));
    assert.equal(missing.path, 'displayName');
    assert.match(missing.message, /required/);
  });

  test('every problem is listed in issues', () => {
    const error = invalid(() => parseOrThrow(PersonInputSchema, { ...validPerson, id: '', timeZone: 'nowhere', roles: [] }));
    const paths = error.issues.map((issue) => issue.path);
    assert.deepEqual(paths.sort(), ['id', 'roles', 'timeZone']);
    assert.match(error.message, /There are 2 more problems/);
  });

  test('each issue names its rule and limit, for elements to word it for people in their language', () => {
    const error = invalid(() =>
      parseOrThrow(PersonInputSchema, {
        ...validPerson,
        id: undefined,
        displayName: 'x'.repeat(201),
        timeZone: 'Mars/Base',
        workingHours: { 1: ['9-17'], 2: ['09:00-12:00', '11:00-13:00'] },
      }),
    );
    const rules = Object.fromEntries(error.issues.map((issue) => [issue.path, [issue.rule, issue.requirement]]));
    assert.deepEqual(rules, {
      id: ['required', undefined],
      displayName: ['max_length', 120],
      timeZone: ['time-zone', undefined],
      'workingHours.1[0]': ['time-range', undefined],
      'workingHours.2': ['overlapping-ranges', undefined],
    });
    assert.equal(
      invalid(() =>
        parseOrThrow(AgreementInputSchema, {
          pairingId: 'p1',
          cadence: 'weekly',
          channels: [{ kind: 'video' }],
          responseTimeHours: 24,
          participants: [],
          offLimitsDates: ['2026-02-30'],
          meetingUrl: 'javascript:alert(1)',
        }),
      )
        .issues.map((issue) => issue.rule)
        .filter((rule) => rule === 'calendar-date' || rule === 'http-url')
        .sort()
        .join(),
      'calendar-date,http-url',
    );
  });

  test('pairings: one or two distinct mentors, not the mentee', () => {
    const base = { id: 'p1', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji'] };
    assert.equal(parseOrThrow(PairingInputSchema, base).status, 'proposed');
    assert.equal(invalid(() => parseOrThrow(PairingInputSchema, { ...base, mentorIds: [] })).path, 'mentorIds');
    assert.equal(invalid(() => parseOrThrow(PairingInputSchema, { ...base, mentorIds: ['a', 'b', 'c'] })).path, 'mentorIds');
    assert.match(invalid(() => parseOrThrow(PairingInputSchema, { ...base, mentorIds: ['kenji', 'kenji'] })).message, /two different mentors/);
    assert.match(invalid(() => parseOrThrow(PairingInputSchema, { ...base, mentorIds: ['ana'] })).message, /own mentor/);
    assert.equal(invalid(() => parseOrThrow(PairingInputSchema, { ...base, status: 'done' })).path, 'status');
  });

  test('agreements: shared documents link must be http(s)', () => {
    const agreement = {
      id: 'a1',
      pairingId: 'p1',
      cadence: 'fortnightly',
      channels: [{ kind: 'video' }],
      responseTimeHours: 48,
      participants: [
        { personId: 'ana', timeZone: 'America/Sao_Paulo', workingHours: { 1: ['09:00-17:00'] } },
        { personId: 'kenji', timeZone: 'Asia/Tokyo', workingHours: { 1: ['08:00-18:00'] } },
      ],
      sharedDocumentsUrl: 'https://docs.example.com/mentoring',
    };
    assert.equal(parseOrThrow(AgreementInputSchema, agreement).checkInLevel, 'regular');
    const error = invalid(() => parseOrThrow(AgreementInputSchema, { ...agreement, sharedDocumentsUrl: 'javascript:alert(1)' }));
    assert.equal(error.path, 'sharedDocumentsUrl');
    assert.equal(invalid(() => parseOrThrow(AgreementInputSchema, { ...agreement, cadence: 'daily' })).path, 'cadence');
  });

  test('sessions end after they start; goals, feedback and messages validate', () => {
    const session = { id: 's1', pairingId: 'p1', title: 'Kick-off', start: '2026-03-29T08:00:00Z', end: '2026-03-29T07:00:00Z', timeZone: 'Europe/Madrid' };
    assert.equal(invalid(() => parseOrThrow(SessionInputSchema, session)).path, 'end');
    assert.equal(invalid(() => parseOrThrow(GoalInputSchema, { id: 'g', pairingId: 'p', ownerId: 'ana', title: '  ' })).path, 'title');
    assert.equal(invalid(() => parseOrThrow(FeedbackInputSchema, { id: 'f', pairingId: 'p', sessionId: 's', authorId: 'ana', rating: 6 })).path, 'rating');
    assert.match(
      invalid(() => parseOrThrow(MessageInputSchema, { id: 'm', pairingId: 'p', authorId: 'ana', kind: 'text', text: ' ' })).message,
      /needs `text`/,
    );
  });

  test("a session's heldMinutes: a whole number of minutes from 1 to 600, or unset", () => {
    const session = {
      id: 's1',
      pairingId: 'p1',
      title: 'Kick-off',
      start: '2026-03-29T08:00:00Z',
      end: '2026-03-29T09:00:00Z',
      timeZone: 'Europe/Madrid',
      status: 'held',
    };
    assert.equal(parseOrThrow(SessionInputSchema, session).heldMinutes, undefined);
    assert.equal(parseOrThrow(SessionInputSchema, { ...session, heldMinutes: 1 }).heldMinutes, 1);
    assert.equal(parseOrThrow(SessionInputSchema, { ...session, heldMinutes: 600 }).heldMinutes, 600);
    for (const [value, message] of [
      [0, /at least 1 minute/],
      [601, /at most 600 minutes/],
      [44.5, /whole number of minutes/],
      ['45', /whole number of minutes/],
    ] as const) {
      const error = invalid(() => parseOrThrow(SessionInputSchema, { ...session, heldMinutes: value }));
      assert.equal(error.path, 'heldMinutes', String(value));
      assert.match(error.message, message);
    }
  });

  test('MentorKitError serialises for logs and HTTP responses', () => {
    const error = new MentorKitError('conflict', 'Reload and try again.', { path: 'expectedRevision', details: { actualRevision: 4 } });
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      name: 'MentorKitError',
      code: 'conflict',
      path: 'expectedRevision',
      message: 'Reload and try again.',
      issues: [{ path: 'expectedRevision', message: 'Reload and try again.' }],
      details: { actualRevision: 4 },
    });
    assert.ok(isMentorKitError({ name: 'MentorKitError', code: 'conflict' }, 'conflict'));
    assert.ok(!isMentorKitError(new Error('x')));
  });

  test('toMentorKitError keeps MentorKitErrors and wraps anything else as storage-error', () => {
    const conflict = new MentorKitError('conflict', 'Reload.');
    assert.equal(toMentorKitError(conflict, 'ignored'), conflict);
    const cause = new Error('disk full');
    const wrapped = toMentorKitError(cause, 'Saving failed');
    assert.equal(wrapped.code, 'storage-error');
    assert.equal(wrapped.message, 'Saving failed: disk full');
    assert.equal(wrapped.cause, cause);
    assert.equal(toMentorKitError('plain').message, 'plain');
  });
});
