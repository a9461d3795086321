import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PersonInputSchema,
  TEXT_LIMITS,
  availabilityOf,
  createMemoryStorage,
  createMentorKit,
  createPolicyContext,
  decide,
  isMentorKitError,
  parseOrThrow,
  takesMenteesOn,
  type MentorKit,
} from '@mentorkit/core';
import { matchMentors, pairingFeature, pairingMessagesFor } from '@mentorkit/core/pairing';
import { registerSpanish } from '@mentorkit/core/es';
import { DEMO_PROGRAM_ID, seedDemoProgram } from '../../../examples/shared/demo-program.js';

const base = { id: 'kenji', displayName: 'Kenji', roles: ['mentor'], timeZone: 'Asia/Tokyo' };
const invalidAt = (path: string) => (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path?: string }).path === path;

describe('availability on the person record', () => {
  test('optional: records without it stay valid; each status, a date and a short note are accepted', () => {
    assert.equal(parseOrThrow(PersonInputSchema, base).availability, undefined);
    for (const availability of [
      { status: 'taking-mentees' },
      { status: 'not-taking-mentees', note: 'Full until the spring cohort' },
      { status: 'away' },
      { status: 'away', until: '2027-01-12', note: 'Parental leave' },
    ]) {
      assert.deepEqual(parseOrThrow(PersonInputSchema, { ...base, availability }).availability, availability);
    }
  });

  test('refused with a path and a message a person can act on', () => {
    assert.throws(
      () => parseOrThrow(PersonInputSchema, { ...base, availability: { status: 'busy' } }),
      (error: unknown) => invalidAt('availability.status')(error) && /"taking-mentees", "not-taking-mentees" or "away"/.test((error as Error).message),
    );
    assert.throws(() => parseOrThrow(PersonInputSchema, { ...base, availability: { status: 'away', until: '12/01/2027' } }), invalidAt('availability.until'));
    assert.throws(
      () => parseOrThrow(PersonInputSchema, { ...base, availability: { status: 'taking-mentees', until: '2027-01-12' } }),
      (error: unknown) => invalidAt('availability.until')(error) && /only with status "away"/.test((error as Error).message),
    );
    assert.throws(() => parseOrThrow(PersonInputSchema, { ...base, availability: 'away' }), invalidAt('availability'));
    const limit = TEXT_LIMITS.person.availabilityNote;
    assert.equal(limit, 200);
    parseOrThrow(PersonInputSchema, { ...base, availability: { status: 'away', note: 'x'.repeat(limit) } });
    assert.throws(
      () => parseOrThrow(PersonInputSchema, { ...base, availability: { status: 'away', note: 'x'.repeat(limit + 1) } }),
      (error: unknown) => invalidAt('availability.note')(error) && /at most 200 characters/.test((error as Error).message),
    );
    assert.throws(() => parseOrThrow(PersonInputSchema, { ...base, availability: { status: 'away', note: '  ' } }), invalidAt('availability.note'));
  });
});

describe('availabilityOf(person, now)', () => {
  const away = { ...base, availability: { status: 'away' as const, until: '2027-01-12', note: 'Parental leave' } };

  test('absent means taking mentees; the other statuses as they are', () => {
    assert.deepEqual(availabilityOf(base, '2027-01-01T00:00:00Z'), { status: 'taking-mentees' });
    assert.deepEqual(availabilityOf({ ...base, availability: { status: 'not-taking-mentees', note: 'Full' } }, '2027-01-01T00:00:00Z'), {
      status: 'not-taking-mentees',
      note: 'Full',
    });
    assert.deepEqual(availabilityOf({ ...base, availability: { status: 'away' } }, '2099-01-01T00:00:00Z'), { status: 'away' }, 'until further notice');
  });

  test("away through `until` (the last day away), back the day after — on the person's own calendar", () => {
    assert.deepEqual(
      availabilityOf(away, '2027-01-12T14:00:00Z'),
      { status: 'away', until: '2027-01-12', note: 'Parental leave' },
      '23:00 on the 12th in Tokyo',
    );
    // 15:00 UTC on the 12th is already the 13th in Tokyo: back. In New York it is still the 12th.
    assert.deepEqual(availabilityOf(away, '2027-01-12T15:00:00Z'), { status: 'taking-mentees', until: '2027-01-12', back: true });
    assert.equal(availabilityOf({ ...away, timeZone: 'America/New_York' }, '2027-01-12T15:00:00Z').status, 'away');
    assert.equal(availabilityOf({ ...away, timeZone: 'America/New_York' }, '2027-01-13T05:00:00Z').back, true);
    assert.equal(availabilityOf(away, new Date('2027-02-01T00:00:00Z')).back, true, 'a Date works too');
  });

  test("a calendar date is read as the person's day (e.g. when pairings start)", () => {
    assert.equal(availabilityOf(away, '2027-01-12').status, 'away');
    assert.deepEqual(availabilityOf(away, '2027-01-13'), { status: 'taking-mentees', until: '2027-01-12', back: true });
    assert.equal(takesMenteesOn(away, '2027-01-12'), false);
    assert.equal(takesMenteesOn(away, '2027-01-13'), true);
    assert.equal(takesMenteesOn(base, '2027-01-13'), true);
  });
});

describe('matchMentors leaves out mentors who are away or not taking mentees', () => {
  const hours = { 1: ['09:00-17:00'], 2: ['09:00-17:00'], 3: ['09:00-17:00'], 4: ['09:00-17:00'], 5: ['09:00-17:00'] };
  const mentee = { id: 'ana', timeZone: 'Europe/Madrid', workingHours: hours, languages: ['en'], wantsToLearn: [{ name: 'TypeScript', priority: 3 }] };
  const kenji = {
    id: 'kenji',
    displayName: 'Kenji',
    timeZone: 'Europe/Madrid',
    workingHours: hours,
    languages: ['en'],
    skills: [{ name: 'TypeScript', level: 5 }],
    capacity: 2,
    availability: { status: 'away' as const, until: '2027-01-12' },
  };
  const maria = {
    id: 'maria',
    displayName: 'María',
    timeZone: 'Europe/Madrid',
    workingHours: hours,
    languages: ['en'],
    skills: [{ name: 'TypeScript', level: 2 }],
    capacity: 1,
    availability: { status: 'not-taking-mentees' as const },
  };
  const tom = {
    id: 'tom',
    displayName: 'Tom',
    timeZone: 'Europe/Madrid',
    workingHours: hours,
    languages: ['en'],
    skills: [{ name: 'cooking', level: 2 }],
    capacity: 1,
  };

  test('the best mentor is away: the next one who takes mentees is proposed; back by the start, the best one is', () => {
    const during = matchMentors({ mentees: [mentee], mentors: [kenji, tom], availableOn: '2027-01-10' });
    assert.deepEqual(
      during.assignments.map((assignment) => assignment.mentorIds),
      [['tom']],
    );
    const after = matchMentors({ mentees: [mentee], mentors: [kenji, tom], availableOn: '2027-01-13' });
    assert.deepEqual(
      after.assignments.map((assignment) => assignment.mentorIds),
      [['kenji']],
    );
    // an instant: Kenji's own day there
    assert.deepEqual(
      matchMentors({ mentees: [mentee], mentors: [kenji, tom], availableOn: '2027-01-12T23:30:00Z' }).assignments[0]!.mentorIds,
      ['kenji'],
      '23:30 UTC is 00:30 on the 13th in Madrid',
    );
    assert.deepEqual(
      matchMentors({ mentees: [mentee], mentors: [kenji, tom], availableOn: '2027-01-12T22:30:00Z' }).assignments[0]!.mentorIds,
      ['tom'],
      '22:30 UTC is still the 12th in Madrid',
    );
  });

  test('nobody available: unmatched because of it, in English and Spanish', () => {
    const result = matchMentors({ mentees: [mentee], mentors: [kenji, maria], availableOn: '2027-01-01' });
    assert.equal(result.assignments.length, 0);
    assert.equal(result.unmatched[0]!.reason, 'No compatible mentor: the mentors who would fit are away or not taking mentees');
    registerSpanish();
    const spanish = matchMentors({ mentees: [mentee], mentors: [kenji, maria], availableOn: '2027-01-01', messages: pairingMessagesFor('es') });
    assert.equal(spanish.unmatched[0]!.reason, 'Ningún mentor compatible: los mentores que encajarían están ausentes o no aceptan mentees');
    // a host's scores do not bring them back
    const hosted = matchMentors({ mentees: [mentee], mentors: [kenji, maria], scoreMatrix: [[0.9, 0.8]], availableOn: '2027-01-01' });
    assert.equal(hosted.assignments.length, 0);
    assert.match(hosted.unmatched[0]!.reason, /away or not taking mentees/);
    const sparse = matchMentors({
      mentees: [mentee],
      mentors: [kenji, tom],
      scoreCandidates: [
        [
          [0, 0.9],
          [1, 0.1],
        ],
      ],
      availableOn: '2027-01-01',
    });
    assert.deepEqual(sparse.assignments[0]!.mentorIds, ['tom']);
  });

  test('an admin can still require the pair by hand (a pin); it uses a seat', () => {
    const result = matchMentors({
      mentees: [mentee, { ...mentee, id: 'dan' }],
      mentors: [kenji, tom],
      required: [['ana', 'kenji']],
      availableOn: '2027-01-01',
    });
    assert.deepEqual(
      result.assignments.map((assignment) => [assignment.menteeId, assignment.mentorIds[0], assignment.required ?? false]),
      [
        ['ana', 'kenji', true],
        ['dan', 'tom', false],
      ],
    );
    assert.ok(result.assignments[0]!.score > 0.5, 'scored as usual');
  });

  test('bad input is refused at its path', () => {
    assert.throws(() => matchMentors({ mentees: [mentee], mentors: [kenji], availableOn: 'next week' }), invalidAt('availableOn'));
    assert.throws(
      () => matchMentors({ mentees: [mentee], mentors: [{ ...tom, availability: { status: 'gone' } as never }] }),
      invalidAt('mentors[0].availability.status'),
    );
    assert.throws(
      () => matchMentors({ mentees: [mentee], mentors: [{ ...tom, availability: { status: 'gone' } as never }], scoreMatrix: [[1]] }),
      invalidAt('mentors[0].availability.status'),
    );
  });
});

describe('pairing rounds and who sets availability', () => {
  async function setup() {
    const storage = createMemoryStorage();
    await seedDemoProgram(storage);
    const kitFor = async (userId: string): Promise<MentorKit> => {
      const kit = createMentorKit({ storage, user: userId, now: () => '2026-10-14T09:00:00Z' });
      await kit.ready;
      return kit;
    };
    return { storage, kitFor };
  }

  test('the demo shows both: Kenji is away until 12 January, Tom is not taking mentees', async () => {
    const { kitFor } = await setup();
    const admin = await kitFor('priya-raman');
    const people = admin.$people.get();
    assert.deepEqual(availabilityOf(people['kenji-watanabe']!, admin.now()), { status: 'away', until: '2027-01-12', note: 'Parental leave' });
    assert.equal(availabilityOf(people['tom-becker']!, admin.now()).status, 'not-taking-mentees');
    assert.equal(availabilityOf(people['aisha-bello']!, admin.now()).status, 'taking-mentees');
  });

  test('a mentor sets their own availability; a round does not propose them until they are back', async () => {
    const { kitFor } = await setup();
    const aisha = await kitFor('aisha-bello');
    await aisha.people.save({ ...aisha.people.get('aisha-bello'), availability: { status: 'away', until: '2026-12-31' } });
    const admin = await kitFor('priya-raman');
    const pairing = admin.use(pairingFeature);
    const mentorsOf = (round: { proposal: { assignments: Array<{ mentorIds: string[] }> } }) =>
      round.proposal.assignments.flatMap((assignment) => assignment.mentorIds);
    const now = await pairing.propose({ programId: DEMO_PROGRAM_ID });
    assert.equal(mentorsOf(now).includes('aisha-bello'), false, mentorsOf(now).join());
    const january = await pairing.propose({ programId: DEMO_PROGRAM_ID, startsOn: '2027-01-04' });
    assert.equal(mentorsOf(january).includes('aisha-bello'), true, mentorsOf(january).join());
    // the admin pins her anyway: allowed, and she is in the proposal
    const zaraPin = await pairing.adjust(now.id, { pin: ['zara-ahmed', 'aisha-bello'] });
    assert.ok(
      zaraPin.proposal.assignments.some(
        (assignment) => assignment.menteeId === 'zara-ahmed' && assignment.mentorIds[0] === 'aisha-bello' && assignment.required,
      ),
    );
  });

  test("the policy: the person, and an admin of their programmes, may set it; a mentee or another programme's admin may not", async () => {
    const { kitFor } = await setup();
    const lucia = await kitFor('lucia-fernandez');
    const kenji = lucia.people.get('kenji-watanabe');
    await assert.rejects(lucia.people.save({ ...kenji, availability: { status: 'taking-mentees' } }), (error: unknown) => isMentorKitError(error, 'forbidden'));
    const admin = await kitFor('priya-raman');
    const saved = await admin.people.save({ ...admin.people.get('kenji-watanabe'), availability: { status: 'not-taking-mentees' } });
    assert.deepEqual(saved.availability, { status: 'not-taking-mentees' });
    const self = await kitFor('kenji-watanabe');
    const own = await self.people.save({ ...self.people.get('kenji-watanabe'), availability: { status: 'taking-mentees' } });
    assert.deepEqual(own.availability, { status: 'taking-mentees' });

    const context = createPolicyContext({
      programs: [
        { id: 'prog', adminIds: ['priya'] },
        { id: 'other', adminIds: ['olga'] },
      ],
      pairings: [],
      people: [
        { id: 'kenji', roles: ['mentor'], programIds: ['prog'] },
        { id: 'priya', roles: ['admin'], programIds: ['prog'] },
        { id: 'olga', roles: ['admin'], programIds: ['other'] },
      ],
    });
    const before = { id: 'kenji', roles: ['mentor'], programIds: ['prog'] };
    const after = { ...before, availability: { status: 'away', until: '2027-01-12' } };
    assert.equal(decide(context, { id: 'kenji' }, 'update', 'people', after, before).allowed, true);
    assert.equal(decide(context, { id: 'priya' }, 'update', 'people', after, before).allowed, true);
    assert.equal(decide(context, { id: 'olga' }, 'update', 'people', after, before).allowed, false);
  });
});
