import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryStorage, createMentorKit, isMentorKitError, type DomainEvent, type MentorKit } from '@mentorkit/core';
import { pairingFeature } from '@mentorkit/core/pairing';
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

describe('pairingFeature', () => {
  test('an admin proposes, vetoes, swaps, approves and activates a round; both sides are notified', async () => {
    const { kitFor } = await setup();
    const admin = await kitFor('priya-raman');
    const pairing = admin.use(pairingFeature);
    const events: DomainEvent[] = [];
    admin.on('*', (event) => events.push(event));

    const cohort = pairing.cohort(DEMO_PROGRAM_ID);
    assert.deepEqual(cohort.mentees.map((mentee) => mentee.id), ['chloe-dubois', 'ella-brown', 'grace-mensah', 'lukas-schmidt', 'mateo-silva', 'omar-haddad', 'zara-ahmed']);
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
