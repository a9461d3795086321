// xAPI 2.0 (IEEE 9274.1.1): toXapiStatement(event, { version: '2.0.0' }) and the validator's 2.0 rules.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createMemoryStorage, createMentorKit, isMentorKitError } from '@mentorkit/core';
import {
  XAPI_EVENT_VERBS,
  assertValidXapiStatement,
  isXapiTimestamp,
  toXapiStatement,
  validateXapiStatement,
  xapiLookupFromKit,
  type XapiAgent,
  type XapiContextAgent,
  type XapiStatement,
} from '@mentorkit/core/xapi';
import { seedDemoProgram } from '../../../examples/shared/demo-program.js';
import { event, everyEvent, lookup, options } from './xapi-fixtures.js';

const v2 = { ...options, version: '2.0.0' as const };
const MENTOR = `${options.activityBase}/roles/mentor`;
const MENTEE = `${options.activityBase}/roles/mentee`;

const people = (statement: XapiStatement) => statement.context?.contextAgents?.map((item) => [item.agent.account?.name, item.relevantTypes]);
const json = (value: unknown): Record<string, any> => JSON.parse(JSON.stringify(value)) as Record<string, any>;
const failsAt = (statement: unknown, path: string, pattern?: RegExp, version?: '1.0.3' | '2.0.0') => {
  const { valid, errors } = validateXapiStatement(statement, version ? { version } : {});
  assert.equal(valid, false, `expected a failure at ${path}`);
  const error = errors.find((item) => item.path === path);
  assert.ok(error, `expected an error at ${path}, got ${JSON.stringify(errors)}`);
  assert.ok(error.message.includes(`\`${path}\``), `the message names the path: ${error.message}`);
  if (pattern) assert.match(error.message, pattern);
};

describe('toXapiStatement with version 2.0.0', () => {
  test('every mapped event type gives a statement valid under the xAPI 2.0 rules, with version "2.0.0"', () => {
    assert.deepEqual(Object.keys(everyEvent).sort(), Object.keys(XAPI_EVENT_VERBS).sort());
    for (const [type, domainEvent] of Object.entries(everyEvent)) {
      for (const withLookup of [true, false]) {
        const statement = toXapiStatement(domainEvent, { ...v2, ...(withLookup ? { lookup } : {}) });
        assert.equal(statement.version, '2.0.0', type);
        for (const check of [validateXapiStatement(statement), validateXapiStatement(statement, { version: '2.0.0' })]) {
          assert.ok(check.valid, `${type} (lookup: ${withLookup}): ${check.errors.map((error) => error.message).join('; ')}`);
        }
        assert.equal(validateXapiStatement(statement, { version: '1.0.3' }).valid, false, `${type}: a 2.0.0 statement is not a 1.0.3 one`);
        assert.equal(statement.context?.contextAgents !== undefined, withLookup, `${type}: contextAgents only when the lookup knows the pairing`);
      }
    }
  });

  test('contextAgents names the mentee and the mentor with their roles; the instructor stays', () => {
    const statement = toXapiStatement(everyEvent['goal-set']!, { ...v2, lookup });
    assert.deepEqual(statement.context?.contextAgents, [
      {
        objectType: 'contextAgent',
        agent: { objectType: 'Agent', name: 'Lucía Fernández', account: { homePage: 'https://lms.example.com', name: 'lucia' } },
        relevantTypes: [MENTEE],
      },
      {
        objectType: 'contextAgent',
        agent: { objectType: 'Agent', name: 'Kenji Watanabe', account: { homePage: 'https://lms.example.com', name: 'kenji' } },
        relevantTypes: [MENTOR],
      },
    ] satisfies XapiContextAgent[]);
    assert.deepEqual(
      statement.context?.instructor,
      { objectType: 'Agent', name: 'Kenji Watanabe', account: { homePage: 'https://lms.example.com', name: 'kenji' } },
      'instructor is still a 2.0 property; kept as in 1.0.3',
    );
    assert.deepEqual(Object.keys(statement.context!), [
      'registration',
      'instructor',
      'contextAgents',
      'contextActivities',
      'platform',
      'language',
      'extensions',
    ]);
  });

  test('co-mentored pairings: both mentors, each with the mentor role; a mentor acting is listed once, as mentor', () => {
    const coMentored = toXapiStatement(event('goal-set', { actorId: 'ravi', pairingId: 'p2' }), { ...v2, lookup });
    assert.deepEqual(people(coMentored), [
      ['ravi', [MENTEE]],
      ['kenji', [MENTOR]],
      ['arjun', [MENTOR]],
    ]);
    const byMentor = toXapiStatement(
      event('feedback-given', { actorId: 'kenji', collection: 'feedback', recordId: 'f2', data: { sessionId: 's1', rating: 5 } }),
      { ...v2, lookup },
    );
    assert.deepEqual(people(byMentor), [
      ['lucia', [MENTEE]],
      ['kenji', [MENTOR]],
    ]);
    assert.equal(byMentor.context?.instructor, undefined, 'a mentor is not their own instructor, in 2.0 as in 1.0.3');
    const odd = toXapiStatement(everyEvent['goal-set']!, { ...v2, lookup: { pairing: () => ({ menteeId: 'sam', mentorIds: ['sam', 'kenji', 'kenji'] }) } });
    assert.deepEqual(
      people(odd),
      [
        ['sam', [MENTEE, MENTOR]],
        ['kenji', [MENTOR]],
      ],
      'one entry per person, roles merged',
    );
    assert.ok(validateXapiStatement(odd).valid);
  });

  test("relevantTypes can be replaced (e.g. with a profile's concepts) and are validated", () => {
    const custom = {
      mentor: ['https://profiles.example.org/mentoring/roles/mentor', 'https://profiles.example.org/roles/instructor'],
      mentee: ['https://profiles.example.org/mentoring/roles/mentee'],
    };
    const statement = toXapiStatement(everyEvent['goal-set']!, { ...v2, lookup, relevantTypes: custom });
    assert.deepEqual(people(statement), [
      ['lucia', custom.mentee],
      ['kenji', custom.mentor],
    ]);
    const onlyMentor = toXapiStatement(everyEvent['goal-set']!, { ...v2, lookup, relevantTypes: { mentor: custom.mentor } });
    assert.deepEqual(
      people(onlyMentor),
      [
        ['lucia', [MENTEE]],
        ['kenji', custom.mentor],
      ],
      'the other role keeps its default',
    );
    const pathOf = (relevantTypes: unknown) => {
      try {
        toXapiStatement(everyEvent['goal-set']!, { ...v2, lookup, relevantTypes: relevantTypes as never });
      } catch (error) {
        assert.ok(isMentorKitError(error, 'invalid-input'));
        return (error as { path: string }).path;
      }
      return 'accepted';
    };
    assert.equal(pathOf({ mentor: [] }), 'options.relevantTypes.mentor');
    assert.equal(pathOf({ mentee: ['mentee'] }), 'options.relevantTypes.mentee');
    assert.equal(pathOf({ coach: [MENTOR] }), 'options.relevantTypes.coach');
    assert.equal(pathOf('mentor'), 'options.relevantTypes');
  });

  test('a version other than 1.0.3 or 2.0.0 is refused', () => {
    for (const version of ['2.0', '1.0.2', '3.0.0', 2]) {
      assert.throws(
        () => toXapiStatement(everyEvent['goal-set']!, { ...options, version: version as never }),
        (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'options.version',
      );
    }
  });

  test('1.0.3 stays the default and unchanged: no contextAgents, version "1.0.3", same id and content', () => {
    for (const [type, domainEvent] of Object.entries(everyEvent)) {
      const byDefault = toXapiStatement(domainEvent, { ...options, lookup });
      assert.deepEqual(toXapiStatement(domainEvent, { ...options, lookup, version: '1.0.3' }), byDefault, `${type}: version '1.0.3' is the default`);
      assert.equal(byDefault.version, '1.0.3');
      assert.equal(byDefault.context?.contextAgents, undefined);
      assert.equal(JSON.stringify(byDefault).includes('contextAgent'), false);
      assert.equal(
        toXapiStatement(domainEvent, { ...options, lookup, relevantTypes: { mentor: ['https://x.example/r'] } }).context?.contextAgents,
        undefined,
        'relevantTypes do nothing in 1.0.3',
      );
      // The 2.0 statement is the 1.0.3 one plus contextAgents and the version.
      const two = json(toXapiStatement(domainEvent, { ...v2, lookup }));
      delete two.context.contextAgents;
      assert.deepEqual(two, { ...json(byDefault), version: '2.0.0' }, type);
    }
    // One 1.0.3 statement spelled out, as it was before 2.0 support.
    assert.equal(
      JSON.stringify(toXapiStatement(everyEvent['goal-set']!, { ...options, lookup })),
      '{"id":"' +
        toXapiStatement(everyEvent['goal-set']!, options).id +
        '","actor":{"objectType":"Agent","name":"Lucía Fernández","account":{"homePage":"https://lms.example.com","name":"lucia"}},"verb":{"id":"http://activitystrea.ms/schema/1.0/create","display":{"en-US":"created"}},"object":{"objectType":"Activity","id":"https://lms.example.com/xapi/mentoring/goals/g1","definition":{"type":"http://adlnet.gov/expapi/activities/objective","name":{"en-US":"Lead the design review"}}},"context":{"registration":"' +
        toXapiStatement(everyEvent['goal-set']!, options).context!.registration +
        '","instructor":{"objectType":"Agent","name":"Kenji Watanabe","account":{"homePage":"https://lms.example.com","name":"kenji"}},"contextActivities":{"grouping":[{"objectType":"Activity","id":"https://lms.example.com/xapi/mentoring/pairings/p1","definition":{"type":"https://lms.example.com/xapi/mentoring/activity-types/mentoring-relationship","name":{"en-US":"Mentoring relationship"}}},{"objectType":"Activity","id":"https://lms.example.com/xapi/mentoring/programs/prog","definition":{"type":"https://lms.example.com/xapi/mentoring/activity-types/mentoring-programme"}}]},"platform":"MentorKit","language":"en-US","extensions":{"https://lms.example.com/xapi/mentoring/extensions/event-type":"goal-set","https://lms.example.com/xapi/mentoring/extensions/record":"goals/g1@3"}},"timestamp":"2026-10-01T10:30:00.000Z","version":"1.0.3"}',
    );
  });

  test('timestamps: the event instant in UTC with milliseconds, whatever offset the event had', () => {
    const cases: Array<[string, string]> = [
      ['2026-10-01T10:30:00.000Z', '2026-10-01T10:30:00.000Z'],
      ['2026-10-01T12:30:00+02:00', '2026-10-01T10:30:00.000Z'],
      ['2026-03-29T01:30:00.5-05:30', '2026-03-29T07:00:00.500Z'],
      ['2026-10-01T10:30:00.123456Z', '2026-10-01T10:30:00.123Z'], // an LRS keeps at least ms; more may be truncated
      ['2026-10-01T10:30:00-00:00', '2026-10-01T10:30:00.000Z'], // "offset unknown" is still the same instant, written Z
    ];
    for (const [at, expected] of cases) {
      const statement = toXapiStatement({ ...everyEvent['goal-set']!, at }, { ...v2, lookup });
      assert.equal(statement.timestamp, expected, at);
      assert.match(statement.timestamp!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      assert.ok(validateXapiStatement(statement).valid);
    }
  });

  test('property: any supported event with any ids and text gives a valid 2.0 statement', () => {
    const text = fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom('<img src=x onerror=alert(1)>', 'ünïcødé 🎯', 'a/b?c#d', ' ', '..'));
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(XAPI_EVENT_VERBS)),
        text,
        text,
        text,
        fc.array(text, { maxLength: 3 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (type, actorId, recordId, menteeId, mentorIds, revision, offsetMinutes) => {
          const sign = offsetMinutes < 0 ? '-' : '+';
          const offset = `${sign}${String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0')}:${String(Math.abs(offsetMinutes) % 60).padStart(2, '0')}`;
          const statement = toXapiStatement(
            {
              type,
              at: `2026-03-29T01:30:00.25${offset === '-00:00' ? 'Z' : offset}`,
              actorId,
              collection: 'goals',
              recordId,
              revision,
              pairingId: 'p',
              data: { title: recordId, milestoneId: menteeId, sessionId: recordId },
            },
            { ...v2, lookup: { pairing: () => ({ menteeId, mentorIds }), person: (id) => ({ displayName: id }) } },
          );
          const { valid, errors } = validateXapiStatement(statement);
          if (!valid) throw new Error(errors.map((error) => error.message).join('; '));
          const named = new Set(statement.context!.contextAgents!.map((item) => item.agent.account!.name));
          assert.deepEqual(named, new Set([menteeId, ...mentorIds]));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("from a real client: a 2.0 statement names the pairing's mentee and mentor", async () => {
    const storage = createMemoryStorage();
    await seedDemoProgram(storage);
    const kit = createMentorKit({ storage, user: 'priya-raman', now: () => '2026-09-01T09:00:00Z' });
    await kit.ready;
    const statements: XapiStatement[] = [];
    kit.on('pairing-started', (domainEvent) => statements.push(toXapiStatement(domainEvent, { ...v2, lookup: xapiLookupFromKit(kit) })));
    await kit.pairings.setStatus('pairing-ravi', 'active');
    assert.equal(statements.length, 1);
    const [started] = statements;
    assertValidXapiStatement(started, { version: '2.0.0' });
    assert.equal((started!.actor as XapiAgent).account?.name, 'ravi-patel');
    assert.deepEqual(people(started!), [
      ['ravi-patel', [MENTEE]],
      ['kenji-watanabe', [MENTOR]],
    ]);
    await kit.dispose();
  });
});

describe('validateXapiStatement: choosing the rules', () => {
  const statement2 = () => json(toXapiStatement(everyEvent['feedback-given']!, { ...v2, lookup }));
  const statement1 = () => json(toXapiStatement(everyEvent['feedback-given']!, { ...options, lookup }));

  test("the statement's own version picks the rules; the version option overrides it", () => {
    assert.ok(validateXapiStatement(statement2()).valid, 'version 2.0.0 → 2.0 rules');
    assert.ok(validateXapiStatement(statement1()).valid, 'version 1.0.3 → 1.0.3 rules');
    const unversioned = statement2();
    delete unversioned.version;
    failsAt(unversioned, 'context.contextAgents', /xAPI 2\.0 property/); // no version: 1.0.3 rules
    assert.ok(validateXapiStatement(unversioned, { version: '2.0.0' }).valid, 'no version, checked as 2.0.0');
    failsAt(statement2(), 'version', /1\.0\.x/, '1.0.3');
    failsAt(statement1(), 'version', /2\.0\.x/, '2.0.0');
    const plain = statement1();
    delete plain.version;
    assert.ok(validateXapiStatement(plain, { version: '2.0.0' }).valid, 'a statement without 2.0 properties or version is valid under both');
    assert.ok(validateXapiStatement({ ...statement2(), version: '2.0' }).valid, '"2.0" is a 2.0.x version');
    assert.throws(
      () => validateXapiStatement(statement2(), { version: '2.1.0' as never }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'options.version',
    );
  });

  test('contextAgents and contextGroups are refused in a 1.0.3 statement, with one clear error each', () => {
    const statement = statement1();
    statement.context.contextAgents = statement2().context.contextAgents;
    statement.context.contextGroups = [
      { objectType: 'contextGroup', group: { objectType: 'Group', member: [{ account: { homePage: 'https://lms.example.com', name: 'x' } }] } },
    ];
    const { valid, errors } = validateXapiStatement(statement);
    assert.equal(valid, false);
    assert.deepEqual(
      errors.map((error) => error.path),
      ['context.contextAgents', 'context.contextGroups'],
    );
    assert.match(errors[0]!.message, /^`context\.contextAgents` is an xAPI 2\.0 property; a 1\.0\.3 statement cannot carry it/);
  });
});

describe('validateXapiStatement: the xAPI 2.0 rules', () => {
  const valid = () => json(toXapiStatement(everyEvent['feedback-given']!, { ...v2, lookup }));
  const agent = { objectType: 'Agent', account: { homePage: 'https://lms.example.com', name: 'kenji' } };
  const group = { objectType: 'Group', name: 'Mentors', member: [agent] };
  const cases: Array<[string, (statement: Record<string, any>) => void, string, RegExp?]> = [
    ['contextAgents that is not a list', (s) => (s.context.contextAgents = s.context.contextAgents[0]), 'context.contextAgents', /list of Context Agents/],
    ['a context agent that is not an object', (s) => (s.context.contextAgents[1] = 'kenji'), 'context.contextAgents[1]'],
    ['a context agent without objectType', (s) => delete s.context.contextAgents[0].objectType, 'context.contextAgents[0].objectType', /"contextAgent"/],
    [
      'a context agent whose objectType is "Agent"',
      (s) => (s.context.contextAgents[0].objectType = 'Agent'),
      'context.contextAgents[0].objectType',
      /"contextAgent"/,
    ],
    ['a context agent without agent', (s) => delete s.context.contextAgents[0].agent, 'context.contextAgents[0].agent', /required/],
    ['a context agent whose agent has no identifier', (s) => delete s.context.contextAgents[0].agent.account, 'context.contextAgents[0].agent', /identifier/],
    [
      'a context agent whose agent has a bad account',
      (s) => (s.context.contextAgents[0].agent.account.homePage = 'lms'),
      'context.contextAgents[0].agent.account.homePage',
    ],
    ['a context agent whose agent is a Group', (s) => (s.context.contextAgents[0].agent = group), 'context.contextAgents[0].agent', /not a Group/],
    ['empty relevantTypes', (s) => (s.context.contextAgents[0].relevantTypes = []), 'context.contextAgents[0].relevantTypes', /one or more IRIs/],
    ['relevantTypes that is a string', (s) => (s.context.contextAgents[0].relevantTypes = 'https://x.example/r'), 'context.contextAgents[0].relevantTypes'],
    ['a relevant type that is not an IRI', (s) => (s.context.contextAgents[1].relevantTypes = ['abc']), 'context.contextAgents[1].relevantTypes[0]', /IRI/],
    ['an unknown property in a context agent', (s) => (s.context.contextAgents[0].role = 'mentee'), 'context.contextAgents[0].role', /xAPI 2\.0\.0 allows/],
    ['contextGroups that is not a list', (s) => (s.context.contextGroups = { objectType: 'contextGroup', group }), 'context.contextGroups'],
    [
      'a context group whose objectType is wrong',
      (s) => (s.context.contextGroups = [{ objectType: 'Should fail', group }]),
      'context.contextGroups[0].objectType',
      /"contextGroup"/,
    ],
    ['a context group without group', (s) => (s.context.contextGroups = [{ objectType: 'contextGroup' }]), 'context.contextGroups[0].group', /required/],
    [
      'a context group whose group is an Agent',
      (s) => (s.context.contextGroups = [{ objectType: 'contextGroup', group: agent }]),
      'context.contextGroups[0].group',
      /Group/,
    ],
    [
      'a context group whose anonymous group has no members',
      (s) => (s.context.contextGroups = [{ objectType: 'contextGroup', group: { objectType: 'Group', name: 'x' } }]),
      'context.contextGroups[0].group.member',
    ],
    [
      'a context group with empty relevantTypes',
      (s) => (s.context.contextGroups = [{ objectType: 'contextGroup', group, relevantTypes: [] }]),
      'context.contextGroups[0].relevantTypes',
    ],
    ['a timestamp without a time zone', (s) => (s.timestamp = '2026-10-01T10:30:00.000'), 'timestamp', /time zone.*xAPI 2\.0/],
    ['a timestamp with the offset -00:00', (s) => (s.timestamp = '2008-09-15T15:53:00.601-00:00'), 'timestamp', /-00:00/],
    ['a timestamp in the basic format with -0000', (s) => (s.timestamp = '2008-09-15T15:53:00.601-0000'), 'timestamp'],
    ['a timestamp with the offset -00', (s) => (s.timestamp = '2008-09-15T15:53:00.601-00'), 'timestamp'],
    ['a timestamp on 30 February', (s) => (s.timestamp = '2026-02-30T10:00:00.000Z'), 'timestamp', /calendar date/],
    ['a timestamp on 29 February of a common year', (s) => (s.timestamp = '2026-02-29T10:00:00.000Z'), 'timestamp', /calendar date/],
    ['a timestamp at 24:00', (s) => (s.timestamp = '2026-10-01T24:00:00.000Z'), 'timestamp', /time of day/],
    ['a timestamp with an offset of +24:00', (s) => (s.timestamp = '2026-10-01T10:00:00.000+24:00'), 'timestamp', /offset/],
    ['a timestamp that is a date only', (s) => (s.timestamp = '2026-10-01'), 'timestamp'],
    ['a stored time that is not a timestamp', (s) => (s.stored = '01/011/2015'), 'stored'],
    ['a version other than 2.0.x', (s) => (s.version = '2.1.0'), 'version', /2\.0\.x/],
    [
      'contextAgents in a SubStatement, malformed',
      (s) =>
        (s.object = {
          objectType: 'SubStatement',
          actor: agent,
          verb: s.verb,
          object: { id: 'https://lms.example.com/x' },
          context: { contextAgents: [{ objectType: 'contextAgent' }] },
        }),
      'object.context.contextAgents[0].agent',
    ],
  ];
  for (const [label, change, path, pattern] of cases) {
    test(`refuses ${label} (at ${path})`, () => {
      const statement = valid();
      change(statement);
      failsAt(statement, path, pattern);
    });
  }

  test('accepts what 2.0 allows: contextGroups, relevantTypes left out, offsets, any fraction digits, contextAgents in a SubStatement', () => {
    const statement = valid();
    statement.context.contextAgents.push({ objectType: 'contextAgent', agent: { mbox: 'mailto:coach@example.org' } });
    statement.context.contextGroups = [
      { objectType: 'contextGroup', group, relevantTypes: ['https://example.com/xapi/activity-types/team/a'] },
      { objectType: 'contextGroup', group: { objectType: 'Group', mbox: 'mailto:team-2@example.com' } },
    ];
    assertValidXapiStatement(statement);
    for (const timestamp of ['2008-09-15T15:53:00.601+00:00', '2008-09-15T15:53:00Z', '2008-09-15T15:53:00.123456789+05:45', '2024-02-29T23:59:59.999-12:00']) {
      assert.ok(isXapiTimestamp(timestamp), timestamp);
      assertValidXapiStatement({ ...statement, timestamp });
    }
    const { platform: _platform, ...contextWithoutPlatform } = statement.context; // platform needs an Activity object
    assertValidXapiStatement({
      ...statement,
      context: contextWithoutPlatform,
      object: {
        objectType: 'SubStatement',
        actor: agent,
        verb: statement.verb,
        object: { id: 'https://lms.example.com/x' },
        context: { contextAgents: [{ objectType: 'contextAgent', agent, relevantTypes: [MENTOR] }] },
      },
    });
  });

  test('assertValidXapiStatement takes the version option and lists every problem', () => {
    const statement = valid();
    statement.context.contextAgents[0].objectType = 'x';
    statement.timestamp = '2026-10-01T10:30:00-00:00';
    assert.throws(
      () => assertValidXapiStatement(statement),
      (error: unknown) =>
        isMentorKitError(error, 'invalid-input') &&
        (error as { issues: unknown[] }).issues.length === 2 &&
        (error as { path: string }).path === 'context.contextAgents[0].objectType',
    );
    assert.throws(
      () => assertValidXapiStatement(valid(), { version: '1.0.3' }),
      (error: unknown) => isMentorKitError(error, 'invalid-input'),
    );
  });
});

describe('timestamps under the 1.0.3 rules', () => {
  test('the same strictness applies (ISO 8601 forbids -00:00 and impossible dates; the ADL 1.0.3 conformance suite refuses -00:00 too)', () => {
    const statement = json(toXapiStatement(everyEvent['goal-set']!, { ...options, lookup }));
    failsAt({ ...statement, timestamp: '2008-09-15T15:53:00.601-00:00' }, 'timestamp', /-00:00/);
    failsAt({ ...statement, timestamp: '2026-04-31T10:00:00Z' }, 'timestamp', /calendar date/);
    const { errors } = validateXapiStatement({ ...statement, timestamp: '2026-10-01T10:30:00' });
    assert.equal(
      errors[0]!.message,
      '`timestamp` must be an ISO 8601 timestamp with a time zone such as 2026-09-01T10:00:00.000Z (got "2026-10-01T10:30:00").',
      'the 1.0.3 message is as before',
    );
  });
});
