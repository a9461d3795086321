import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPolicyContext, decide, assertAllowed, rolesInPairing, isMentorKitError } from '@mentorkit/core';

// Two pairings in one programme: ana ← kenji (+ co-mentor arjun), and dan ← maria. Priya administers.
const context = createPolicyContext({
  programs: [
    { id: 'prog', adminIds: ['priya'] },
    { id: 'other', adminIds: ['olga'] },
  ],
  pairings: [
    { id: 'p-ana', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji', 'arjun'], status: 'active' },
    { id: 'p-dan', programId: 'prog', menteeId: 'dan', mentorIds: ['maria'], status: 'active' },
  ],
  people: [
    { id: 'ana', roles: ['mentee'], programIds: ['prog'] },
    { id: 'dan', roles: ['mentee'], programIds: ['prog'] },
    { id: 'kenji', roles: ['mentor'], programIds: ['prog'] },
    { id: 'arjun', roles: ['mentor'], programIds: ['prog'] },
    { id: 'maria', roles: ['mentor'], programIds: ['prog'] },
    { id: 'priya', roles: ['admin'], programIds: ['prog'] },
    { id: 'olga', roles: ['admin'], programIds: ['other'] },
  ],
});
const can = (
  actor: string,
  action: 'read' | 'create' | 'update' | 'delete',
  collection: string,
  record: { id: string; [k: string]: unknown },
  previous?: { id: string; [k: string]: unknown },
) => decide(context, { id: actor }, action, collection, record, previous).allowed;

const danRecords = {
  agreements: { id: 'a-dan', pairingId: 'p-dan' },
  sessions: { id: 's-dan', pairingId: 'p-dan' },
  'coaching-runs': { id: 'c-dan', pairingId: 'p-dan' },
  goals: { id: 'g-dan', pairingId: 'p-dan', ownerId: 'dan', visibility: 'pairing' },
  feedback: { id: 'f-dan', pairingId: 'p-dan', sessionId: 's-dan', authorId: 'dan' },
  messages: { id: 'm-dan', pairingId: 'p-dan', authorId: 'dan' },
};

describe('policy: a mentee never sees or changes another pair', () => {
  for (const [collection, record] of Object.entries(danRecords)) {
    test(`${collection}: ana cannot read, create, update or delete dan's record`, () => {
      assert.equal(can('ana', 'read', collection, record), false);
      assert.equal(can('ana', 'create', collection, { ...record, id: 'new', authorId: 'ana', ownerId: 'ana' }), false);
      assert.equal(can('ana', 'update', collection, record, record), false);
      assert.equal(can('ana', 'delete', collection, record, record), false);
      assert.equal(can('dan', 'read', collection, record), true, 'dan reads his own');
      assert.equal(can('maria', 'read', collection, record), true, 'his mentor reads it');
      assert.equal(can('kenji', 'read', collection, record), false, "another pair's mentor does not");
    });
  }

  test('ana cannot move her record into dan’s pairing, nor dan’s into hers', () => {
    const mine = { id: 's-ana', pairingId: 'p-ana' };
    assert.equal(can('ana', 'update', 'sessions', { ...mine, pairingId: 'p-dan' }, mine), false);
    assert.equal(can('ana', 'update', 'sessions', { id: 's-dan', pairingId: 'p-ana' }, { id: 's-dan', pairingId: 'p-dan' }), false);
  });

  test('people: ana sees herself and her mentors, not dan or maria', () => {
    for (const id of ['ana', 'kenji', 'arjun']) assert.equal(can('ana', 'read', 'people', { id, programIds: ['prog'] }), true, id);
    for (const id of ['dan', 'maria', 'priya']) assert.equal(can('ana', 'read', 'people', { id, programIds: ['prog'] }), false, id);
    assert.equal(can('ana', 'update', 'people', { id: 'ana', roles: ['mentee'] }, { id: 'ana', roles: ['mentee'] }), true);
    assert.equal(can('ana', 'update', 'people', { id: 'dan', roles: ['mentee'] }, { id: 'dan', roles: ['mentee'] }), false);
    assert.equal(can('ana', 'update', 'people', { id: 'ana', roles: ['mentee', 'admin'] }, { id: 'ana', roles: ['mentee'] }), false, 'no self-promotion');
  });

  test('pairings: members read theirs; only admins create; members may pause but not rewire', () => {
    const pairing = { id: 'p-ana', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji', 'arjun'], status: 'active' };
    assert.equal(can('ana', 'read', 'pairings', pairing), true);
    assert.equal(can('dan', 'read', 'pairings', pairing), false);
    assert.equal(can('ana', 'create', 'pairings', { ...pairing, id: 'p-new' }), false);
    assert.equal(can('priya', 'create', 'pairings', { ...pairing, id: 'p-new' }), true);
    assert.equal(can('olga', 'create', 'pairings', { ...pairing, id: 'p-new' }), false, 'admin of another programme');
    assert.equal(can('ana', 'update', 'pairings', { ...pairing, status: 'paused' }, pairing), true);
    assert.equal(can('ana', 'update', 'pairings', { ...pairing, mentorIds: ['maria'] }, pairing), false);
    assert.equal(can('ana', 'update', 'pairings', { ...pairing, programId: 'other' }, pairing), false);
    const proposed = { ...pairing, status: 'proposed' };
    assert.equal(can('ana', 'update', 'pairings', { ...proposed, status: 'active' }, proposed), false, 'members cannot accept a proposal');
    assert.equal(can('kenji', 'update', 'pairings', { ...proposed, status: 'closed' }, proposed), false, 'nor withdraw it');
    assert.equal(can('priya', 'update', 'pairings', { ...proposed, status: 'closed' }, proposed), true);
  });
});

describe('policy: roles and private data', () => {
  test('roles in a pairing', () => {
    assert.deepEqual(rolesInPairing(context, 'ana', 'p-ana'), ['mentee']);
    assert.deepEqual(rolesInPairing(context, 'kenji', 'p-ana'), ['mentor']);
    assert.deepEqual(rolesInPairing(context, 'arjun', 'p-ana'), ['co-mentor']);
    assert.deepEqual(rolesInPairing(context, 'priya', 'p-ana'), ['admin']);
    assert.deepEqual(rolesInPairing(context, 'dan', 'p-ana'), []);
    assert.deepEqual(rolesInPairing(context, 'ana', 'missing'), []);
  });

  test('private goals stay private, even from mentors and admins', () => {
    const goal = { id: 'g1', pairingId: 'p-ana', ownerId: 'ana', visibility: 'private' };
    assert.equal(can('ana', 'read', 'goals', goal), true);
    for (const actor of ['kenji', 'arjun', 'priya', 'dan']) assert.equal(can(actor, 'read', 'goals', goal), false, actor);
    assert.equal(can('kenji', 'update', 'goals', goal, goal), false);
    const shared = { ...goal, visibility: 'pairing' };
    for (const actor of ['kenji', 'arjun', 'priya']) assert.equal(can(actor, 'read', 'goals', shared), true, actor);
    assert.equal(can('kenji', 'update', 'goals', shared, shared), true, 'a mentor ticks a shared milestone');
    assert.equal(can('priya', 'update', 'goals', shared, shared), false, 'admins read, not edit');
    assert.equal(can('ana', 'update', 'goals', { ...shared, ownerId: 'kenji' }, shared), false, 'owner cannot change');
  });

  test('co-mentor notes are shared between the mentors only', () => {
    const note = { id: 'n1', pairingId: 'p-ana', authorId: 'kenji', mentorsOnly: true };
    assert.equal(can('arjun', 'read', 'messages', note), true);
    assert.equal(can('ana', 'read', 'messages', note), false);
    assert.equal(can('ana', 'create', 'messages', { ...note, id: 'n2', authorId: 'ana' }), false);
  });

  test('messages: post as yourself, edit only your own', () => {
    const message = { id: 'm1', pairingId: 'p-ana', authorId: 'ana' };
    assert.equal(can('ana', 'create', 'messages', message), true);
    assert.equal(can('ana', 'create', 'messages', { ...message, authorId: 'kenji' }), false, 'no impersonation');
    assert.equal(can('kenji', 'update', 'messages', { ...message, text: 'edited' }, message), false);
  });

  test('feedback held until both submit is hidden from the other side', () => {
    const feedback = { id: 'f1', pairingId: 'p-ana', sessionId: 's1', authorId: 'ana', revealWhenBothSubmitted: true };
    assert.equal(can('ana', 'read', 'feedback', feedback), true);
    assert.equal(can('kenji', 'read', 'feedback', feedback), false);
    assert.equal(can('kenji', 'read', 'feedback', { ...feedback, revealWhenBothSubmitted: false }), true);
    assert.equal(can('kenji', 'create', 'feedback', { ...feedback, id: 'f2' }), false, 'cannot write as ana');
  });

  test('collections without a registered rule are closed to everyone; assertAllowed throws forbidden with the reason', () => {
    assert.equal(can('ana', 'read', 'secrets', { id: 'x' }), false);
    assert.throws(
      () => assertAllowed(context, { id: 'ana' }, 'read', 'sessions', danRecords.sessions),
      (error: unknown) => isMentorKitError(error, 'forbidden') && /your own pairings/.test((error as Error).message),
    );
  });
});

describe('policy: a session takes part only people of its pairing', () => {
  // Their calendars get the session written into them: nobody may list a stranger.
  const session = {
    id: 's-ana',
    pairingId: 'p-ana',
    organizerId: 'ana',
    title: 'Review',
    start: '2026-12-07T09:00:00Z',
    end: '2026-12-07T10:00:00Z',
    timeZone: 'Europe/Madrid',
  };
  test('participantIds within the pairing are fine; anyone else is refused, on create and on update', () => {
    assert.equal(can('ana', 'create', 'sessions', { ...session, participantIds: ['ana', 'kenji'] }), true);
    assert.equal(can('ana', 'create', 'sessions', { ...session, participantIds: ['ana', 'dan'] }), false);
    assert.equal(can('kenji', 'update', 'sessions', { ...session, participantIds: ['ana', 'maria'] }, session), false);
    assert.equal(can('kenji', 'update', 'sessions', { ...session, participantIds: ['arjun'] }, session), true);
    assert.match(decide(context, { id: 'ana' }, 'create', 'sessions', { ...session, participantIds: ['priya'] }).reason, /Only people of this pairing/);
    // Someone already listed who has since left the pairing does not block changing (e.g. cancelling) the session.
    const withFormer = { ...session, participantIds: ['ana', 'kenji', 'dan'] };
    assert.equal(can('kenji', 'update', 'sessions', { ...withFormer, status: 'cancelled' }, withFormer), true);
  });
});

describe('policy: how long a held session lasted (heldMinutes)', () => {
  const held = {
    id: 's-ana',
    pairingId: 'p-ana',
    organizerId: 'kenji',
    title: 'Review',
    start: '2026-12-07T09:00:00Z',
    end: '2026-12-07T10:00:00Z',
    timeZone: 'Europe/Madrid',
    status: 'held',
  };
  test('the mentee, the mentor and the co-mentor record or change it; the admin only reads; another pair cannot', () => {
    for (const member of ['ana', 'kenji', 'arjun']) assert.equal(can(member, 'update', 'sessions', { ...held, heldMinutes: 45 }, held), true, member);
    assert.equal(can('ana', 'update', 'sessions', { ...held, heldMinutes: 50 }, { ...held, heldMinutes: 45 }), true, 'changed later');
    assert.equal(can('priya', 'read', 'sessions', { ...held, heldMinutes: 45 }), true);
    assert.equal(can('priya', 'update', 'sessions', { ...held, heldMinutes: 45 }, held), false);
    assert.equal(can('dan', 'update', 'sessions', { ...held, heldMinutes: 45 }, held), false);
  });
  test('once the pairing is closed, nobody changes it', () => {
    const closed = createPolicyContext({
      programs: [{ id: 'prog', adminIds: ['priya'] }],
      pairings: [{ id: 'p-ana', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji'], status: 'closed' }],
      people: [
        { id: 'ana', roles: ['mentee'], programIds: ['prog'] },
        { id: 'kenji', roles: ['mentor'], programIds: ['prog'] },
      ],
    });
    assert.equal(decide(closed, { id: 'ana' }, 'update', 'sessions', { ...held, heldMinutes: 45 }, held).allowed, false);
  });
});

describe('policy: who marks a person inactive in a programme', () => {
  const ana = { id: 'ana', roles: ['mentee'], programIds: ['prog'] };
  test('an admin of the programme can; the person cannot (not to leave, not to come back); an admin of another programme cannot', () => {
    assert.equal(can('priya', 'update', 'people', { ...ana, inactiveProgramIds: ['prog'] }, ana), true);
    assert.equal(can('ana', 'update', 'people', { ...ana, inactiveProgramIds: ['prog'] }, ana), false);
    assert.equal(can('ana', 'update', 'people', ana, { ...ana, inactiveProgramIds: ['prog'] }), false);
    assert.equal(can('olga', 'update', 'people', { ...ana, inactiveProgramIds: ['prog'] }, ana), false);
    assert.match(decide(context, { id: 'ana' }, 'update', 'people', { ...ana, inactiveProgramIds: ['prog'] }, ana).reason, /Only an admin of programme "prog"/);
  });
});
