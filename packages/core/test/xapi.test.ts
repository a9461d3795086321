import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Agent as LibraryAgent, Result as LibraryResult, Verb as LibraryVerb } from '@xapi/xapi';
import { createMemoryStorage, createMentorKit, isMentorKitError } from '@mentorkit/core';
import {
  DEFAULT_VERBS,
  XAPI_EVENT_VERBS,
  isXapiEventType,
  stableUuid,
  toXapiStatement,
  validateXapiStatement,
  assertValidXapiStatement,
  xapiLookupFromKit,
  type XapiAgent,
  type XapiGroup,
  type XapiLookup,
  type XapiStatement,
} from '@mentorkit/core/xapi';
import { seedDemoProgram } from '../../../examples/shared/demo-program.js';
import { event, everyEvent, lookup, options } from './xapi-fixtures.js';

const account = (statement: XapiStatement) => (statement.actor as XapiAgent).account;

describe('toXapiStatement', () => {
  test('every supported event becomes a statement that follows the xAPI 1.0.3 rules', () => {
    assert.deepEqual(Object.keys(everyEvent).sort(), Object.keys(XAPI_EVENT_VERBS).sort());
    for (const [type, domainEvent] of Object.entries(everyEvent)) {
      const statement = toXapiStatement(domainEvent, { ...options, lookup });
      const { valid, errors } = validateXapiStatement(statement);
      assert.ok(valid, `${type}: ${errors.map((error) => error.message).join('; ')}`);
      assert.equal(statement.version, '1.0.3');
      assert.equal(statement.timestamp, '2026-10-01T10:30:00.000Z');
      assert.equal(statement.context?.platform, 'MentorKit');
      assert.ok((statement.object as { id: string }).id.startsWith(`${options.activityBase}/`), `${type}: activity ids live under activityBase`);
      assert.deepEqual(statement.verb, DEFAULT_VERBS[XAPI_EVENT_VERBS[type as keyof typeof XAPI_EVENT_VERBS]]);
    }
  });

  test('ADL verbs where they exist, registry verbs otherwise', () => {
    const verbOf = (type: string) => toXapiStatement(everyEvent[type]!, options).verb.id;
    assert.equal(verbOf('session-held'), 'http://adlnet.gov/expapi/verbs/attended');
    assert.equal(verbOf('milestone-completed'), 'http://adlnet.gov/expapi/verbs/completed');
    assert.equal(verbOf('feedback-given'), 'http://adlnet.gov/expapi/verbs/commented');
    assert.equal(verbOf('goal-progress-recorded'), 'http://adlnet.gov/expapi/verbs/progressed');
    assert.equal(verbOf('agreement-confirmed'), 'http://activitystrea.ms/schema/1.0/accept');
    assert.equal(verbOf('pairing-started'), 'http://activitystrea.ms/schema/1.0/start');
  });

  test('the actor is an account agent on the LMS; the mentor is the instructor; the pairing is the registration', () => {
    const goalSet = toXapiStatement(everyEvent['goal-set']!, { ...options, lookup });
    assert.deepEqual(goalSet.actor, { objectType: 'Agent', name: 'Lucía Fernández', account: { homePage: 'https://lms.example.com', name: 'lucia' } });
    assert.deepEqual(goalSet.context?.instructor, {
      objectType: 'Agent',
      name: 'Kenji Watanabe',
      account: { homePage: 'https://lms.example.com', name: 'kenji' },
    });
    const registrations = new Set(Object.values(everyEvent).map((domainEvent) => toXapiStatement(domainEvent, { ...options, lookup }).context?.registration));
    assert.deepEqual([...registrations], [stableUuid('mentorkit:pairing:p1')], 'every statement of one pairing shares its registration');
    assert.deepEqual(
      goalSet.context?.contextActivities?.grouping?.map((activity) => activity.id),
      [`${options.activityBase}/pairings/p1`, `${options.activityBase}/programs/prog`],
    );
    const held = toXapiStatement(everyEvent['session-held']!, { ...options, lookup });
    assert.equal(account(held)?.name, 'lucia', "a held session records the mentee's learning, whoever marked it held");
    const started = toXapiStatement(everyEvent['pairing-started']!, { ...options, lookup });
    assert.equal(account(started)?.name, 'lucia');
    const mentorsFeedback = toXapiStatement(
      event('feedback-given', { actorId: 'kenji', collection: 'feedback', recordId: 'f2', data: { sessionId: 's1', rating: 5 } }),
      { ...options, lookup },
    );
    assert.equal(mentorsFeedback.context?.instructor, undefined, 'a mentor is not their own instructor');
  });

  test('co-mentored pairings name both mentors as an anonymous Group instructor', () => {
    const statement = toXapiStatement(event('goal-set', { actorId: 'ravi', pairingId: 'p2' }), { ...options, lookup });
    const instructor = statement.context?.instructor as XapiGroup;
    assert.equal(instructor.objectType, 'Group');
    assert.deepEqual(
      instructor.member?.map((member) => member.account?.name),
      ['kenji', 'arjun'],
    );
    assert.ok(validateXapiStatement(statement).valid);
  });

  test('milestones have their goal as parent; results where they apply', () => {
    const milestone = toXapiStatement(everyEvent['milestone-completed']!, { ...options, lookup });
    assert.equal((milestone.object as { id: string }).id, `${options.activityBase}/goals/g1/milestones/m1`);
    assert.deepEqual(
      milestone.context?.contextActivities?.parent?.map((activity) => [activity.id, activity.definition?.name]),
      [[`${options.activityBase}/goals/g1`, { 'en-US': 'Lead the design review' }]],
    );
    assert.deepEqual(milestone.result, { completion: true });
    assert.deepEqual(toXapiStatement(everyEvent['goal-achieved']!, options).result, { completion: true, success: true });
    assert.deepEqual(toXapiStatement(everyEvent['goal-missed']!, options).result, { completion: false, success: false, score: { scaled: 0.6 } });
    assert.deepEqual(toXapiStatement(everyEvent['goal-progress-recorded']!, options).result, { score: { scaled: 0.4 }, completion: false });
    assert.deepEqual(toXapiStatement(everyEvent['feedback-given']!, options).result, { score: { raw: 4, min: 1, max: 5, scaled: 0.75 } });
    assert.deepEqual(toXapiStatement(everyEvent['session-held']!, options).result, { completion: true, duration: 'PT1H30M' });
    assert.equal(
      (toXapiStatement(everyEvent['feedback-given']!, options).object as { id: string }).id,
      `${options.activityBase}/sessions/s1`,
      'feedback is a comment on the session',
    );
  });

  test('session-held carries the hours rule as result.duration: the recorded length, else the booked length', () => {
    const held = (data: Record<string, unknown>, withLookup?: XapiLookup) =>
      toXapiStatement(event('session-held', { actorId: 'kenji', collection: 'sessions', recordId: 's1', data }), {
        ...options,
        ...(withLookup ? { lookup: withLookup } : {}),
      }).result;
    // Recorded as 45 minutes though booked for 90.
    assert.deepEqual(held({ start: '2026-10-01T09:00:00Z', end: '2026-10-01T10:30:00Z', heldMinutes: 45 }), { completion: true, duration: 'PT45M' });
    assert.deepEqual(held({ start: '2026-10-01T09:00:00Z', end: '2026-10-01T10:30:00Z', heldMinutes: 120 }), { completion: true, duration: 'PT2H' });
    assert.deepEqual(held({ start: '2026-10-01T09:00:00Z', end: '2026-10-01T10:30:00Z', heldMinutes: 61 }), { completion: true, duration: 'PT1H1M' });
    // Booked length in whole minutes when nothing was recorded (seconds do not count).
    assert.deepEqual(held({ start: '2026-10-01T09:00:00Z', end: '2026-10-01T09:50:40Z' }), { completion: true, duration: 'PT50M' });
    // The length the lookup knows (recorded after the event) is used when the event has none.
    const withLength: XapiLookup = {
      ...lookup,
      session: (id) => (id === 's1' ? { title: 'Weekly check-in', start: '2026-10-01T09:00:00Z', end: '2026-10-01T10:30:00Z', heldMinutes: 30 } : undefined),
    };
    assert.deepEqual(held({}, withLength), { completion: true, duration: 'PT30M' });
    assert.deepEqual(held({}), { completion: true }, 'no times, no length: no duration');
    const statement = toXapiStatement(
      event('session-held', {
        actorId: 'kenji',
        collection: 'sessions',
        recordId: 's1',
        data: { start: '2026-10-01T09:00:00Z', end: '2026-10-01T10:30:00Z', heldMinutes: 45 },
      }),
      options,
    );
    assertValidXapiStatement(statement);
  });

  test('ids are UUIDs derived from the event: a resent event is the same statement, another revision is not', () => {
    const first = toXapiStatement(everyEvent['goal-set']!, options);
    const again = toXapiStatement({ ...everyEvent['goal-set']! }, options);
    const other = toXapiStatement({ ...everyEvent['goal-set']!, revision: 4 }, options);
    assert.equal(first.id, again.id);
    assert.notEqual(first.id, other.id);
    assert.match(first.id!, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('the verb map is configurable (an LRS with a fixed verb list) and validated', () => {
    const experienced = { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced', es: 'experimentó' } };
    const statement = toXapiStatement(everyEvent['session-held']!, { ...options, verbs: { attended: experienced } });
    assert.deepEqual(statement.verb, experienced);
    assert.deepEqual(
      toXapiStatement(everyEvent['goal-set']!, { ...options, verbs: { attended: experienced } }).verb,
      DEFAULT_VERBS.set,
      'other verbs keep their defaults',
    );
    assert.throws(
      () => toXapiStatement(everyEvent['goal-set']!, { ...options, verbs: { attended: { id: 'attended', display: { 'en-US': 'x' } } } }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'options.verbs.attended.id',
    );
    assert.throws(
      () => toXapiStatement(everyEvent['goal-set']!, { ...options, verbs: { joined: experienced } as never }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && /no verb "joined"/.test((error as Error).message),
    );
    assert.throws(
      () => toXapiStatement(everyEvent['goal-set']!, { ...options, verbs: { attended: { id: experienced.id, display: {} } } }),
      (error: unknown) => isMentorKitError(error, 'invalid-input'),
    );
  });

  test('events that are not learning records are refused with "unsupported"; bad options and events with "invalid-input"', () => {
    assert.equal(isXapiEventType('profile-saved'), false);
    assert.equal(isXapiEventType('goal-set'), true);
    assert.throws(
      () => toXapiStatement(event('profile-saved'), options),
      (error: unknown) => isMentorKitError(error, 'unsupported'),
    );
    assert.throws(
      () => toXapiStatement(everyEvent['goal-set']!, { ...options, homePage: 'javascript:alert(1)' }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'options.homePage',
    );
    assert.throws(
      () => toXapiStatement(everyEvent['goal-set']!, { homePage: options.homePage } as never),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'options.activityBase',
    );
    assert.throws(
      () => toXapiStatement({ ...everyEvent['goal-set']!, at: 'yesterday' }, options),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'event.at',
    );
    assert.throws(
      () => toXapiStatement(null as never, options),
      (error: unknown) => isMentorKitError(error, 'invalid-input'),
    );
  });

  test('property: any supported event with any ids and text gives a valid statement', () => {
    const text = fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom('<img src=x onerror=alert(1)>', 'ünïcødé 🎯', 'a/b?c#d', ' ', '..'));
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(XAPI_EVENT_VERBS)),
        text,
        text,
        text,
        fc.integer({ min: 1, max: 1e6 }),
        fc.option(fc.double({ min: -50, max: 150, noNaN: true })),
        fc.option(fc.integer({ min: -3, max: 9 })),
        (type, actorId, recordId, pairingId, revision, percent, rating) => {
          const statement = toXapiStatement(
            {
              type,
              at: '2026-03-29T01:30:00+01:00',
              actorId,
              collection: 'goals',
              recordId,
              revision,
              pairingId,
              data: {
                title: recordId,
                milestoneId: pairingId,
                percent: percent ?? undefined,
                rating: rating ?? undefined,
                sessionId: recordId,
                start: '2026-03-29T00:00:00Z',
                end: '2026-03-29T00:45:10Z',
              },
            },
            { ...options, lookup: { pairing: () => ({ menteeId: pairingId, mentorIds: [actorId === pairingId ? `${actorId}-mentor` : actorId] }) } },
          );
          const { valid, errors } = validateXapiStatement(statement);
          if (!valid) throw new Error(errors.map((error) => error.message).join('; '));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("from a real client: kit.on('*') events of a MentorKit client become valid statements with the mentor as instructor", async () => {
    const storage = createMemoryStorage();
    await seedDemoProgram(storage);
    const kit = createMentorKit({ storage, user: 'priya-raman', now: () => '2026-09-01T09:00:00Z' });
    await kit.ready;
    const statements: XapiStatement[] = [];
    kit.on('*', (domainEvent) => {
      if (isXapiEventType(domainEvent.type)) statements.push(toXapiStatement(domainEvent, { ...options, lookup: xapiLookupFromKit(kit) }));
    });
    await kit.pairings.setStatus('pairing-ravi', 'active');
    assert.equal(statements.length, 1);
    const [started] = statements;
    assertValidXapiStatement(started);
    assert.equal(account(started!)?.name, 'ravi-patel');
    assert.equal((started!.context?.instructor as XapiAgent).account?.name, 'kenji-watanabe');
    assert.equal((started!.context?.instructor as XapiAgent).name, 'Kenji Watanabe');
    await kit.dispose();
  });

  test("the statement shapes are compatible with @xapi/xapi's types", () => {
    const statement = toXapiStatement(everyEvent['feedback-given']!, { ...options, lookup });
    // Compile-time checks: core declares its own types (no dependency), assignable to the library's.
    const actor: LibraryAgent = statement.actor as XapiAgent;
    const accountOfActor: NonNullable<LibraryAgent['account']> = (statement.actor as XapiAgent).account!;
    const result: LibraryResult = { ...statement.result!, score: { scaled: statement.result!.score!.scaled!, raw: 4, min: 1, max: 5 } };
    const verb: Omit<LibraryVerb, 'display'> = { id: statement.verb.id };
    assert.ok(actor && accountOfActor && result && verb);
  });
});

describe('validateXapiStatement', () => {
  const valid = (): Record<string, unknown> =>
    JSON.parse(JSON.stringify(toXapiStatement(everyEvent['feedback-given']!, { ...options, lookup }))) as Record<string, unknown>;
  const broken = (change: (statement: Record<string, any>) => void) => {
    const statement = valid();
    change(statement);
    return validateXapiStatement(statement);
  };
  const cases: Array<[string, (statement: Record<string, any>) => void, string]> = [
    ['a verb id that is not an IRI', (s) => (s.verb.id = 'commented'), 'verb.id'],
    ['a verb display keyed by something that is not a language tag', (s) => (s.verb.display = { en_US: 'commented' }), 'verb.display.en_US'],
    ['an actor with two identifiers', (s) => (s.actor.mbox = 'mailto:lucia@example.org'), 'actor'],
    ['an actor with no identifier', (s) => delete s.actor.account, 'actor'],
    ['an mbox that is not a mailto IRI', (s) => (s.actor = { mbox: 'lucia@example.org' }), 'actor.mbox'],
    ['an account without a home page IRL', (s) => (s.actor.account.homePage = 'lms.example.com'), 'actor.account.homePage'],
    ['a statement id that is not a UUID', (s) => (s.id = 'statement-1'), 'id'],
    ['a timestamp without a time zone', (s) => (s.timestamp = '2026-10-01T10:30:00'), 'timestamp'],
    ['a scaled score above 1', (s) => (s.result.score.scaled = 1.5), 'result.score.scaled'],
    ['a raw score below min', (s) => (s.result.score.raw = 0), 'result.score.raw'],
    ['min not below max', (s) => (s.result.score.min = 5), 'result.score.min'],
    ['a duration that is not ISO 8601', (s) => (s.result = { duration: '90 minutes' }), 'result.duration'],
    ['a registration that is not a UUID', (s) => (s.context.registration = 'p1'), 'context.registration'],
    ['an extension key that is not an IRI', (s) => (s.context.extensions = { rating: 4 }), 'context.extensions.rating'],
    [
      'platform when the object is an Agent',
      (s) => (s.object = { objectType: 'Agent', account: { homePage: 'https://lms.example.com', name: 'kenji' } }),
      'context.platform',
    ],
    ['an anonymous Group without members', (s) => (s.context.instructor = { objectType: 'Group', name: 'Mentors' }), 'context.instructor.member'],
    ['a property xAPI does not define', (s) => (s.mood = 'great'), 'mood'],
    ['a missing verb', (s) => delete s.verb, 'verb'],
    ['an activity id that is not an IRI', (s) => (s.object.id = 'session 1'), 'object.id'],
    ['a version other than 1.0.x or 2.0.x', (s) => (s.version = '1.1.0'), 'version'],
  ];
  for (const [label, change, path] of cases) {
    test(`refuses ${label} (at ${path})`, () => {
      const { valid: ok, errors } = broken(change);
      assert.equal(ok, false);
      assert.ok(
        errors.some((error) => error.path === path),
        `expected an error at ${path}, got ${JSON.stringify(errors)}`,
      );
    });
  }

  test('assertValidXapiStatement throws invalid-input listing every problem', () => {
    const statement = valid();
    (statement as Record<string, any>).id = 'x';
    (statement as Record<string, any>).timestamp = 'y';
    assert.throws(
      () => assertValidXapiStatement(statement),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { issues: unknown[] }).issues.length === 2,
    );
    assert.doesNotThrow(() => assertValidXapiStatement(valid()));
  });
});
