import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryStorage, createMentorKit, isMentorKitError, type DomainEvent, type MentorKit } from '@mentorkit/core';
import { explainPairing, mondayOf, pairingFeature } from '@mentorkit/core/pairing';
import { registerSpanish } from '@mentorkit/core/es';
import { DEMO_PROGRAM_ID, seedDemoProgram } from '../../../examples/shared/demo-program.js';

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

describe('reasons for the weeks the pairing runs, worded when shown', () => {
  const office = {
    1: ['09:00-12:30', '13:30-17:30'],
    2: ['09:00-12:30', '13:30-17:30'],
    3: ['09:00-12:30', '13:30-17:30'],
    4: ['09:00-12:30', '13:30-17:30'],
    5: ['09:00-12:30', '13:30-17:30'],
  };
  const zara = {
    id: 'zara',
    displayName: 'Zara Ahmed',
    timeZone: 'Europe/London',
    workingHours: office,
    languages: ['en'],
    wantsToLearn: [{ name: 'leadership', priority: 3 }],
  };
  const aisha = {
    id: 'aisha',
    displayName: 'Aisha Bello',
    timeZone: 'Africa/Lagos',
    workingHours: office,
    languages: ['en'],
    skills: [{ name: 'leadership', level: 5 }],
  };

  test('London and Lagos share clocks in June but not in December: the reasons say which', () => {
    assert.equal(mondayOf('2026-12-09'), '2026-12-07');
    const june = explainPairing({ mentee: zara, mentors: [aisha], weekOf: '2026-06-17' });
    const december = explainPairing({ mentee: zara, mentors: [aisha], weekOf: '2026-12-09' });
    assert.ok(june.includes('37.5 h/week overlap: Mon–Fri 13:30–17:30 London = 13:30–17:30 Lagos (+1 more window)'), june.join(' | '));
    // Was: December pairings quoting the June sentence above.
    assert.ok(december.includes('27.5 h/week overlap: Mon–Fri 13:30–16:30 London = 14:30–17:30 Lagos (+1 more window)'), december.join(' | '));
    registerSpanish();
    const spanish = explainPairing({ mentee: zara, mentors: [aisha], weekOf: '2026-12-09', locale: 'es' });
    assert.ok(
      spanish.some((reason) => reason.includes('13:30–16:30') && reason.includes('14:30–17:30') && !reason.includes('overlap')),
      spanish.join(' | '),
    );
    assert.throws(
      () => explainPairing({ mentee: zara, mentors: [aisha], weekOf: 'next week' }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'weekOf',
    );
  });

  test("a round starting in December scores and explains December; a pairing's reasons are re-worded per language when read", async () => {
    const { kitFor } = await setup();
    const admin = await kitFor('priya-raman');
    const pairing = admin.use(pairingFeature);
    const round = await pairing.propose({ programId: DEMO_PROGRAM_ID, startsOn: '2026-12-07' });
    assert.equal(round.startsOn, '2026-12-07');
    const zaraAssignment = round.proposal.assignments.find((assignment) => assignment.menteeId === 'zara-ahmed');
    if (zaraAssignment?.mentorIds[0] === 'aisha-bello')
      assert.ok(
        zaraAssignment.reasons.some((reason) => reason.includes('13:30–16:30 London = 14:30–17:30 Lagos')),
        zaraAssignment.reasons.join(' | '),
      );
    const rerun = await pairing.propose({ programId: DEMO_PROGRAM_ID, carryOverFrom: round.id });
    assert.equal(rerun.startsOn, '2026-12-07', 'a re-run keeps the start');
    await assert.rejects(
      pairing.propose({ programId: DEMO_PROGRAM_ID, startsOn: 'soon' }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'startsOn',
    );
    // An existing pairing: its stored reasons were written once, in English; read in Spanish for this week.
    registerSpanish();
    const lucia = (await kitFor('lucia-fernandez')).use(pairingFeature);
    const stored = (await kitFor('lucia-fernandez')).pairings.get('pairing-lucia').reasons;
    const english = lucia.reasonsFor('pairing-lucia');
    const spanish = lucia.reasonsFor('pairing-lucia', { locale: 'es' });
    assert.notDeepEqual(english, stored, 'computed from the profiles, not the stored sentences');
    assert.ok(
      english.some((reason) => /h\/week overlap/.test(reason)),
      english.join(' | '),
    );
    assert.ok(spanish.length > 0 && spanish.every((reason) => !/overlap|Wants/.test(reason)), spanish.join(' | '));
    assert.ok(
      spanish.some((reason) => reason.startsWith('Arjun Shrestha: ')),
      'the co-mentor too',
    );
  });
});

describe('pairingFeature', () => {
  test('an admin proposes, vetoes, swaps, approves and activates a round; both sides are notified', async () => {
    const { kitFor } = await setup();
    const admin = await kitFor('priya-raman');
    const pairing = admin.use(pairingFeature);
    const events: DomainEvent[] = [];
    admin.on('*', (event) => events.push(event));

    const cohort = pairing.cohort(DEMO_PROGRAM_ID);
    assert.deepEqual(
      cohort.mentees.map((mentee) => mentee.id),
      ['chloe-dubois', 'ella-brown', 'grace-mensah', 'lukas-schmidt', 'mateo-silva', 'omar-haddad', 'zara-ahmed'],
    );
    assert.equal(cohort.mentors.find((mentor) => mentor.id === 'kenji-watanabe')!.capacity, 0);

    let round = await pairing.propose({ programId: DEMO_PROGRAM_ID });
    assert.equal(round.status, 'draft');
    assert.equal(round.proposal.assignments.length, 6);
    assert.ok(round.proposal.assignments.every((assignment) => assignment.reasons.length > 0));
    assert.equal(round.proposal.unmatched.length, 1);

    const first = round.proposal.assignments[0]!;
    round = await pairing.adjust(round.id, { veto: [first.menteeId, first.mentorIds[0]!] });
    assert.ok(!round.proposal.assignments.some((assignment) => assignment.menteeId === first.menteeId && assignment.mentorIds[0] === first.mentorIds[0]));

    const [a, b] = round.proposal.assignments;
    round = await pairing.adjust(round.id, { swap: [a!.menteeId, b!.menteeId] });
    const after = (id: string) => round.proposal.assignments.find((assignment) => assignment.menteeId === id)!.mentorIds[0];
    assert.equal(after(a!.menteeId), b!.mentorIds[0]);
    assert.equal(after(b!.menteeId), a!.mentorIds[0]);
    assert.equal(round.pins.length, 2);

    round = await pairing.adjust(round.id, { weights: { availability: 10 } });
    assert.equal(round.weights.availability, 10);

    // re-running carries the vetoes and pins over and discards the old draft
    const rerun = await pairing.propose({ programId: DEMO_PROGRAM_ID, weights: round.weights, carryOverFrom: round.id });
    assert.deepEqual(rerun.vetoes, round.vetoes);
    assert.deepEqual(rerun.pins, round.pins);
    assert.equal(pairing.get(round.id).status, 'discarded');
    round = rerun;

    await assert.rejects(pairing.activate(round.id), (error: unknown) => isMentorKitError(error, 'invalid-input'));
    round = await pairing.approve(round.id);
    const { round: done, pairings } = await pairing.activate(round.id);
    assert.equal(done.status, 'activated');
    assert.equal(pairings.length, round.proposal.assignments.length);
    assert.ok(pairings.every((created) => created.status === 'active' && created.reasons.length > 0 && typeof created.score === 'number'));
    const matched = events.filter((event) => event.type === 'pairing-matched');
    assert.equal(matched.length, pairings.length);
    assert.deepEqual(matched[0]!.data.notify, [pairings[0]!.menteeId, ...pairings[0]!.mentorIds]);
    assert.ok(events.some((event) => event.type === 'pairing-round-activated'));

    // the mentee sees their new pairing
    const mentee = await kitFor(pairings[0]!.menteeId);
    assert.ok(mentee.$myPairings.get().some((visible) => visible.id === pairings[0]!.id && visible.status === 'active'));
    assert.equal(admin.use(pairingFeature).cohort(DEMO_PROGRAM_ID).mentees.length, 7 - pairings.length);
  });

  test('people inactive in the programme (they left the LMS course) are not offered for pairing; their records stay', async () => {
    const { storage, kitFor } = await setup();
    const zara = (await storage.get('people', 'zara-ahmed'))!;
    await storage.put('people', { ...zara, inactiveProgramIds: [DEMO_PROGRAM_ID] }, { expectedRevision: zara.revision });
    const admin = await kitFor('priya-raman');
    const cohort = admin.use(pairingFeature).cohort(DEMO_PROGRAM_ID);
    assert.equal(
      cohort.mentees.some((mentee) => mentee.id === 'zara-ahmed'),
      false,
    );
    assert.equal(cohort.mentees.length, 6);
    assert.ok(admin.$people.get()['zara-ahmed'], 'she is still there');
  });

  test('only admins of the programme may match; bad adjustments change nothing', async () => {
    const { kitFor } = await setup();
    const mentee = await kitFor('lucia-fernandez');
    await assert.rejects(mentee.use(pairingFeature).propose({ programId: DEMO_PROGRAM_ID }), (error: unknown) => isMentorKitError(error, 'forbidden'));
    const admin = await kitFor('priya-raman');
    const pairing = admin.use(pairingFeature);
    await assert.rejects(pairing.propose({ programId: 'nope' }), (error: unknown) => isMentorKitError(error, 'not-found'));
    const round = await pairing.propose({ programId: DEMO_PROGRAM_ID });
    // pinning a pair without a shared language (Mateo speaks pt/es, Aisha en/yo) is impossible
    await assert.rejects(pairing.adjust(round.id, { pin: ['mateo-silva', 'aisha-bello'] }), (error: unknown) => isMentorKitError(error, 'invalid-input'));
    assert.equal(pairing.get(round.id).revision, round.revision);
    await assert.rejects(pairing.adjust(round.id, { weights: { skills: -2 } }), (error: unknown) => isMentorKitError(error, 'invalid-input'));
  });

  test('re-pair: closing a relationship proposes a new mentor, never the previous one', async () => {
    const { kitFor } = await setup();
    const admin = await kitFor('priya-raman');
    const pairing = admin.use(pairingFeature);
    const round = await pairing.rePair('pairing-hana');
    assert.equal(admin.pairings.get('pairing-hana').status, 'closed');
    assert.deepEqual(round.menteeIds, ['hana-sato']);
    assert.equal(round.replacesPairingId, 'pairing-hana');
    const proposed = round.proposal.assignments[0];
    assert.ok(proposed, JSON.stringify(round.proposal.unmatched));
    assert.notEqual(proposed.mentorIds[0], 'olivia-martin');
  });
});
