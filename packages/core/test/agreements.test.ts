import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryStorage, createMentorKit, isMentorKitError, type DomainEvent } from '@mentorkit/core';
import {
  agreementCheckInInput,
  agreementSlotParticipants,
  agreementsFeature,
  diffAgreementTerms,
  draftAgreement,
  type AgreementProposal,
} from '@mentorkit/core/agreements';
import { findCommonSlots } from '@mentorkit/core/scheduling';

const seed = {
  programs: [{ id: 'prog', name: 'Mentoring', adminIds: ['priya'] }],
  people: [
    { id: 'priya', displayName: 'Priya', roles: ['admin'], timeZone: 'Europe/London', programIds: ['prog'], workingHours: {} },
    { id: 'hana', displayName: 'Hana', roles: ['mentee'], timeZone: 'Asia/Tokyo', programIds: ['prog'], workingHours: { 1: ['09:00-18:00'] } },
    {
      id: 'sarah',
      displayName: 'Sarah',
      roles: ['mentor'],
      timeZone: 'America/New_York',
      programIds: ['prog'],
      workingHours: { 1: ['09:00-17:00'] },
      offLimitsDays: [5],
    },
    { id: 'arjun', displayName: 'Arjun', roles: ['mentor'], timeZone: 'Asia/Kathmandu', programIds: ['prog'], workingHours: {} },
    { id: 'zed', displayName: 'Zed', roles: ['mentee'], timeZone: 'UTC', programIds: ['prog'], workingHours: {} },
  ],
  pairings: [{ id: 'p1', programId: 'prog', menteeId: 'hana', mentorIds: ['sarah', 'arjun'], status: 'active', kind: 'official', reasons: [] }],
};

const morning = { 1: ['07:00-09:00'], 2: ['07:00-09:00'], 3: ['07:00-09:00'], 4: ['07:00-09:00'], 5: ['07:00-09:00'] };
const evening = { 1: ['17:00-20:00'], 2: ['17:00-20:00'], 3: ['17:00-20:00'], 4: ['17:00-20:00'], 5: ['17:00-20:00'] };
const proposal: AgreementProposal = {
  pairingId: 'p1',
  cadence: 'fortnightly',
  channels: [{ kind: 'video', detail: 'Meet' }, { kind: 'chat' }],
  responseTimeHours: 48,
  participants: [
    { personId: 'hana', timeZone: 'Asia/Tokyo', workingHours: morning },
    { personId: 'sarah', timeZone: 'America/New_York', workingHours: evening, offLimitsDays: [5] },
  ],
  sharedDocumentsUrl: 'https://drive.example.com/hana-sarah',
  checkInLevel: 'regular',
};

async function kitFor(user: string, storage = createMemoryStorage({ seed }), now = '2026-10-01T12:00:00Z') {
  const kit = createMentorKit({ storage, user, now: () => now, features: [agreementsFeature] });
  await kit.ready;
  const events: DomainEvent[] = [];
  kit.on('*', (event) => events.push(event));
  return { kit, storage, agreements: kit.use(agreementsFeature), events };
}

describe('agreements feature', () => {
  test('propose → the other confirms → a change asks for re-confirmation, with the diff since the last confirmed version', async () => {
    const hana = await kitFor('hana');
    const proposed = await hana.agreements.propose(proposal);
    assert.equal(proposed.version, 1);
    assert.equal(proposed.id, 'p1.agreement');
    assert.deepEqual(hana.agreements.status(proposed.id), { version: 1, confirmedBy: ['hana'], waitingFor: ['sarah'], confirmed: false });
    assert.deepEqual(
      hana.events.map((e) => e.type),
      ['agreement-proposed', 'agreement-confirmed'],
    );
    assert.equal(hana.agreements.changesSinceConfirmed(proposed.id).length > 0, true, 'nothing confirmed yet: all terms are new');

    const sarah = await kitFor('sarah', hana.storage);
    await sarah.kit.use(agreementsFeature); // idempotent
    await new Promise((resolve) => setTimeout(resolve, 0));
    const confirmed = await sarah.agreements.confirm(proposed.id, { version: 1 });
    assert.equal(confirmed.lastConfirmed?.version, 1);
    assert.equal(sarah.agreements.status(proposed.id).confirmed, true);
    assert.deepEqual(sarah.agreements.changesSinceConfirmed(proposed.id), []);
    assert.equal(sarah.events.at(-1)!.data.fullyConfirmed, true);

    const changed = await sarah.agreements.update(proposed.id, {
      cadence: 'weekly',
      participants: [proposal.participants[0]!, { ...proposal.participants[1]!, timeZone: 'America/Chicago' }],
    });
    assert.equal(changed.version, 2);
    assert.deepEqual(sarah.agreements.status(proposed.id), {
      version: 2,
      confirmedBy: ['sarah'],
      waitingFor: ['hana'],
      confirmed: false,
      lastConfirmedVersion: 1,
    });
    assert.deepEqual(
      sarah.agreements.changesSinceConfirmed(proposed.id).map((change) => [change.path, change.before, change.after]),
      [
        ['cadence', 'fortnightly', 'weekly'],
        ['participants.sarah.timeZone', 'America/New_York', 'America/Chicago'],
      ],
    );
    assert.equal(sarah.events.at(-1)!.type, 'agreement-changed');
    assert.deepEqual(
      changed.history.map((entry) => [entry.version, entry.by, entry.changed]),
      [
        [
          1,
          'hana',
          [
            'cadence',
            'sessionMinutes',
            'channels',
            'responseTimeHours',
            'offLimitsDays',
            'offLimitsDates',
            'participants',
            'sharedDocumentsUrl',
            'coachingModel',
            'checkInLevel',
          ],
        ],
        [2, 'sarah', ['cadence', 'participants']],
      ],
    );
    // No change, no new version.
    assert.equal((await sarah.agreements.update(proposed.id, { cadence: 'weekly' })).version, 2);

    // Hana confirming what she reviewed as version 1 is refused: it changed.
    await hana.kit.refresh();
    await assert.rejects(hana.agreements.confirm(proposed.id, { version: 1 }), (error: unknown) => isMentorKitError(error, 'conflict'));
    const final = await hana.agreements.confirm(proposed.id, { version: 2 });
    assert.equal(final.lastConfirmed?.version, 2);
    assert.equal(final.lastConfirmed?.terms.cadence, 'weekly');
  });

  test('refuses bad input and outsiders, writing nothing', async () => {
    const hana = await kitFor('hana');
    const invalid = async (input: unknown, path: string) => {
      await assert.rejects(hana.agreements.propose(input as AgreementProposal), (error: unknown) => {
        assert.ok(isMentorKitError(error, 'invalid-input'), String(error));
        assert.equal((error as { path: string }).path, path);
        return true;
      });
    };
    await invalid({ ...proposal, sharedDocumentsUrl: 'javascript:alert(1)' }, 'agreement.sharedDocumentsUrl');
    await invalid({ ...proposal, sharedDocumentsUrl: 'ftp://files.example.com/x' }, 'agreement.sharedDocumentsUrl');
    await invalid({ ...proposal, cadence: 'daily' }, 'agreement.cadence');
    await invalid({ ...proposal, participants: [proposal.participants[0]] }, 'agreement.participants');
    await invalid(
      { ...proposal, participants: [proposal.participants[0], { ...proposal.participants[1], personId: 'zed' }] },
      'agreement.participants[1].personId',
    );
    await invalid({ ...proposal, participants: [proposal.participants[0], { ...proposal.participants[1], personId: 'arjun' }] }, 'agreement.participants');
    await invalid({ ...proposal, version: 7 }, 'agreement.version');
    const zed = await kitFor('zed', hana.storage);
    await assert.rejects(zed.agreements.propose(proposal), (error: unknown) => isMentorKitError(error, 'not-found'));
    assert.deepEqual(await hana.storage.query('agreements'), []);
    // A second client of Hana's whose change feed is late: it has not seen the agreement when it proposes.
    const late = await kitFor('hana', Object.assign(Object.create(hana.storage), { watch: () => () => undefined }) as typeof hana.storage);
    await hana.agreements.propose(proposal);
    await assert.rejects(hana.agreements.propose(proposal), (error: unknown) => isMentorKitError(error, 'conflict'));
    await assert.rejects(
      late.agreements.propose(proposal),
      (error: unknown) => isMentorKitError(error, 'conflict') && /already has an agreement/.test((error as Error).message),
    );
    assert.equal((await hana.storage.query('agreements')).length, 1);
    await assert.rejects(hana.agreements.update('p1.agreement', { sharedDocumentsUrl: 'data:text/html,x' }), (error: unknown) =>
      isMentorKitError(error, 'invalid-input'),
    );
    await assert.rejects(
      hana.agreements.update('p1.agreement', { version: 3 } as never),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'changes.version',
    );
    const priya = await kitFor('priya', hana.storage);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await assert.rejects(priya.agreements.confirm('p1.agreement'), (error: unknown) => isMentorKitError(error, 'forbidden'));
  });

  test('a draft comes from the profiles; the agreement drives scheduling and check-ins', async () => {
    const hana = await kitFor('hana');
    const draft = hana.agreements.draftFor('p1', { includeCoMentor: false });
    assert.deepEqual(
      draft.participants.map((p) => [p.personId, p.timeZone, p.offLimitsDays]),
      [
        ['hana', 'Asia/Tokyo', []],
        ['sarah', 'America/New_York', [5]],
      ],
    );
    assert.equal(draftAgreement({ id: 'x', menteeId: 'a', mentorIds: ['b'] }, {}).participants[0]!.timeZone, 'UTC');
    const stored = await hana.agreements.propose(proposal);
    const participants = agreementSlotParticipants({ ...stored, offLimitsDates: ['2026-10-07'] });
    assert.deepEqual(participants[1]!.offLimitsDays, [5]);
    assert.deepEqual(participants[0]!.offLimitsDates, ['2026-10-07']);
    const slots = findCommonSlots({ participants, from: '2026-10-05T00:00:00Z', to: '2026-10-12T00:00:00Z', durationMinutes: 60 });
    // Tokyo 07:00-09:00 = NY 18:00-20:00 (EDT) the evening before; NY Friday and Tokyo's 7 October are off.
    assert.ok(slots.length > 0);
    for (const slot of slots) {
      assert.notEqual(new Date(slot.local.sarah!.start.slice(0, 10)).getUTCDay(), 5);
      assert.notEqual(slot.local.hana!.start.slice(0, 10), '2026-10-07');
    }
    const input = agreementCheckInInput(stored);
    assert.equal(input.cadence, 'fortnightly');
    assert.equal(input.since, '2026-10-01T12:00:00.000Z');
  });

  test('diffAgreementTerms compares people, hours and lists', () => {
    const before = { cadence: 'weekly', participants: [{ personId: 'a', timeZone: 'UTC', workingHours: { 1: ['09:00-10:00'] } }], offLimitsDays: [] };
    const after = {
      cadence: 'weekly',
      participants: [
        { personId: 'a', timeZone: 'UTC', workingHours: { '1': ['09:00-10:00'], 2: [] } },
        { personId: 'b', timeZone: 'UTC', workingHours: {} },
      ],
      offLimitsDays: [5],
      sharedDocumentsUrl: 'https://x.example',
    };
    assert.deepEqual(
      diffAgreementTerms(before, after).map((change) => [change.path, change.kind]),
      [
        ['offLimitsDays', 'added'],
        ['participants.b', 'added'],
        ['sharedDocumentsUrl', 'added'],
      ],
    );
  });
});
