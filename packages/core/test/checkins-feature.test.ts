import { afterEach, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryStorage, createMentorKit, installedFeature, isMentorKitError, withFeatures, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { agreementCheckInInput, agreementsFeature, type AgreementProposal } from '@mentorkit/core/agreements';
import { checkInReasonText, checkInsFeature, nextCheckIn, pairActivity, type CheckInView, type ReadyCheckInView } from '@mentorkit/core/checkins';

// Hana (mentee, Tokyo) has Sarah (New York) and Arjun (Kathmandu, not in the agreement) as mentors in
// p1, started 1 September; Priya administers the programme; Zed and María are another pair (p2).
const seed = {
  programs: [{ id: 'prog', name: 'Mentoring', adminIds: ['priya'] }],
  people: [
    { id: 'priya', displayName: 'Priya', roles: ['admin'], timeZone: 'Europe/London', programIds: ['prog'], workingHours: {} },
    { id: 'hana', displayName: 'Hana', roles: ['mentee'], timeZone: 'Asia/Tokyo', programIds: ['prog'], workingHours: {} },
    { id: 'sarah', displayName: 'Sarah', roles: ['mentor'], timeZone: 'America/New_York', programIds: ['prog'], workingHours: {} },
    { id: 'arjun', displayName: 'Arjun', roles: ['mentor'], timeZone: 'Asia/Kathmandu', programIds: ['prog'], workingHours: {} },
    { id: 'zed', displayName: 'Zed', roles: ['mentee'], timeZone: 'UTC', programIds: ['prog'], workingHours: {} },
    { id: 'maria', displayName: 'María', roles: ['mentor'], timeZone: 'UTC', programIds: ['prog'], workingHours: {} },
  ],
  pairings: [
    { id: 'p1', programId: 'prog', menteeId: 'hana', mentorIds: ['sarah', 'arjun'], status: 'active', kind: 'official', reasons: [], startedOn: '2026-09-01' },
    { id: 'p2', programId: 'prog', menteeId: 'zed', mentorIds: ['maria'], status: 'active', kind: 'official', reasons: [] },
  ],
};

const proposal: AgreementProposal = {
  pairingId: 'p1',
  cadence: 'fortnightly',
  channels: [{ kind: 'video', detail: 'Meet' }],
  responseTimeHours: 48,
  participants: [
    {
      personId: 'hana',
      timeZone: 'Asia/Tokyo',
      workingHours: { 1: ['09:00-18:00'], 2: ['09:00-18:00'], 3: ['09:00-18:00'], 4: ['09:00-18:00'], 5: ['09:00-18:00'] },
    },
    {
      personId: 'sarah',
      timeZone: 'America/New_York',
      workingHours: { 1: ['09:00-17:00'], 2: ['09:00-17:00'], 3: ['09:00-17:00'], 4: ['09:00-17:00'], 5: ['09:00-17:00'] },
    },
  ],
  checkInLevel: 'regular',
};

/** One clock for the storage and every client of a test. */
function clock(start: string) {
  let current = start;
  return {
    now: () => current,
    set: (instant: string) => {
      current = instant;
    },
  };
}

/** The programme, with p1's agreement proposed by Hana on 1 October (regular, fortnightly: due every 14 days from then). */
async function programme(options: { agreement?: boolean } = {}) {
  const time = clock('2026-10-01T12:00:00Z');
  const storage = createMemoryStorage({ seed, now: () => new Date(time.now()) });
  if (options.agreement !== false) {
    const hana = createMentorKit({ storage, user: 'hana', now: time.now, features: [agreementsFeature] });
    await hana.ready;
    await hana.agreements.propose(proposal);
    hana.dispose?.();
  }
  time.set('2026-10-10T12:00:00Z');
  return { storage, time };
}

/** Lets the client take in the storage's change notices. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

const kits: MentorKit[] = [];
async function viewerOn(storage: StorageAdapter, user: string, now: () => string) {
  const kit = withFeatures(createMentorKit({ storage, user, now }), checkInsFeature);
  kits.push(kit);
  await kit.ready;
  await settle(); // `$status` turns `ready` just after `kit.ready` resolves
  return kit;
}
afterEach(() => {
  for (const kit of kits.splice(0)) kit.dispose?.();
});

function ready(view: CheckInView): ReadyCheckInView {
  assert.equal(view.state, 'ready', `expected a ready view, got ${JSON.stringify(view)}`);
  return view as ReadyCheckInView;
}

const put = (storage: StorageAdapter, collection: string, record: { id: string } & Record<string, unknown>) =>
  storage.put(collection, record, { expectedRevision: null });

/** Hana's feedback on sessions s0, s1…, one a day from 2 October, with these ratings. */
async function rateSessions(storage: Parameters<typeof put>[0], ratings: number[]): Promise<void> {
  for (const [index, rating] of ratings.entries())
    await put(storage, 'feedback', {
      id: `f${index}`,
      pairingId: 'p1',
      sessionId: `s${index}`,
      authorId: 'hana',
      rating,
      helped: '',
      missed: '',
      tags: [],
      revealWhenBothSubmitted: false,
      submittedAt: `2026-10-0${index + 2}T10:00:00Z`,
    });
}

describe('check-ins feature', () => {
  test('kit.checkins after kit.use; the same arguments give the same store; the element-level functions stay exported', async () => {
    const { storage, time } = await programme();
    const kit = await viewerOn(storage, 'hana', time.now);
    assert.equal(kit.use(checkInsFeature), kit.checkins, 'idempotent');
    assert.ok(installedFeature(kit, 'agreements'), 'it installs the agreements feature it changes levels through');
    assert.equal(kit.checkins.viewFor('p1'), kit.checkins.viewFor('p1'));
    assert.equal(kit.checkins.viewFor('p1', { inactiveAfterDays: 21 }), kit.checkins.viewFor('p1'), 'the defaults are the same store');
    assert.notEqual(kit.checkins.viewFor('p1', { inactiveAfterDays: 14 }), kit.checkins.viewFor('p1'));
    assert.notEqual(kit.checkins.viewFor('p1', { keptLevel: 'regular' }), kit.checkins.viewFor('p1'));
    assert.equal(typeof nextCheckIn, 'function');
    assert.equal(typeof pairActivity, 'function');
  });

  test('refuses bad input with invalid-input, and changes nothing', async () => {
    const { storage, time } = await programme();
    const kit = await viewerOn(storage, 'hana', time.now);
    const invalid = (path: string) => (error: unknown) => isMentorKitError(error, 'invalid-input') && error.path === path;
    for (const pairingId of [undefined, null, '', 42, {}, 'x'.repeat(201)])
      assert.throws(() => kit.checkins.viewFor(pairingId as string), invalid('pairingId'));
    assert.throws(() => kit.checkins.viewFor('p1', 'soon' as never), invalid('options'));
    assert.throws(() => kit.checkins.viewFor('p1', null as never), invalid('options'));
    for (const days of [0, 366, 2.5, '14', Number.NaN])
      assert.throws(() => kit.checkins.viewFor('p1', { inactiveAfterDays: days as number }), invalid('options.inactiveAfterDays'));
    assert.throws(() => kit.checkins.viewFor('p1', { keptLevel: 'extreme' as never }), invalid('options.keptLevel'));
    for (const locale of ['', 5, 'not a locale!']) assert.throws(() => kit.checkins.viewFor('p1', { locale: locale as string }), invalid('options.locale'));

    const before = await storage.get('agreements', 'p1.agreement');
    await assert.rejects(kit.checkins.adoptLevel('', 'high-touch'), invalid('pairingId'));
    await assert.rejects(kit.checkins.adoptLevel(7 as never, 'high-touch'), invalid('pairingId'));
    await assert.rejects(kit.checkins.adoptLevel('p1', 'sometimes' as never), invalid('level'));
    await assert.rejects(kit.checkins.adoptLevel('p1', 'high-touch', { expectedRevision: 0 }), invalid('options.expectedRevision'));
    await assert.rejects(kit.checkins.adoptLevel('p1', 'high-touch', 'yes' as never), invalid('options'));
    assert.deepEqual(await storage.get('agreements', 'p1.agreement'), before);
  });

  test('loading until the collections it reads have loaded; unknown and invisible pairings are not-found; no agreement, no schedule', async () => {
    const { storage, time } = await programme();
    const kit = createMentorKit({ storage, user: 'hana', now: time.now });
    kits.push(kit);
    const checkins = kit.use(checkInsFeature);
    const view = checkins.viewFor('p1');
    assert.deepEqual(view.get(), { state: 'loading', pairingId: 'p1' });
    await kit.ready;
    await settle();
    assert.equal(view.get().state, 'ready');
    assert.deepEqual(checkins.viewFor('p-unknown').get(), { state: 'not-found', pairingId: 'p-unknown' });
    assert.deepEqual(checkins.viewFor('p2').get(), { state: 'not-found', pairingId: 'p2' }, "Hana cannot see Zed's pairing");

    const zed = await viewerOn(storage, 'zed', time.now);
    const none = zed.checkins.viewFor('p2').get();
    assert.equal(none.state, 'no-agreement');
    assert.equal(none.state === 'no-agreement' && none.pairing.menteeId, 'zed');
    await assert.rejects(zed.checkins.adoptLevel('p2', 'high-touch'), (error: unknown) => isMentorKitError(error, 'not-found'));
    await assert.rejects(zed.checkins.adoptLevel('p1', 'high-touch'), (error: unknown) => isMentorKitError(error, 'not-found'));
  });

  test('a load error is the error state', async () => {
    const storage: StorageAdapter = {
      ...createMemoryStorage({ seed }),
      query: () => Promise.reject(new Error('the disk is gone')),
    };
    const kit = createMentorKit({ storage, user: 'hana' });
    kits.push(kit);
    const view = kit.use(checkInsFeature).viewFor('p1');
    await kit.ready.catch(() => undefined);
    assert.equal(view.get().state, 'error');
  });

  test('records that cannot be read as check-ins (a rating out of range from another writer) are the error state, with the reason', async () => {
    const { storage, time } = await programme();
    await put(storage, 'feedback', {
      id: 'f9',
      pairingId: 'p1',
      sessionId: 's9',
      authorId: 'hana',
      rating: 9,
      helped: '',
      missed: '',
      tags: [],
      revealWhenBothSubmitted: false,
    });
    const kit = await viewerOn(storage, 'hana', time.now);
    const view = kit.checkins.viewFor('p1').get();
    assert.equal(view.state, 'error');
    assert.ok(view.state === 'error' && isMentorKitError(view.error, 'invalid-input'));
  });

  test('the empty pair: due from the agreement, quiet since the start, everyone nudged — codes and parameters, no sentences', async () => {
    const { storage, time } = await programme();
    const kit = await viewerOn(storage, 'hana', time.now);
    const view = ready(kit.checkins.viewFor('p1').get());
    assert.equal(view.now, '2026-10-10T12:00:00.000Z');
    assert.equal(view.timeZone, 'Asia/Tokyo', "Hana's zone in the agreement");
    assert.equal(view.agreement.id, 'p1.agreement');
    // Agreed 1 October 12:00Z, regular and fortnightly: due 14 days later; 5 days ahead on Hana's calendar.
    assert.equal(view.next.dueAt, '2026-10-15T12:00:00.000Z');
    assert.deepEqual([view.next.overdue, view.next.dueSoon, view.next.dueInDays, view.next.lastCheckInAt], [false, false, 5, undefined]);
    assert.deepEqual(view.activity, {
      lastActivityAt: '2026-09-01T00:00:00.000Z',
      lastActivityKind: 'start',
      daysInactive: 39,
      inactive: true,
      inactiveAfterDays: 21,
    });
    assert.deepEqual(
      { suggested: view.suggestion.suggested, change: view.suggestion.change, codes: view.suggestion.reasonCodes },
      { suggested: 'regular', change: 'keep', codes: [{ code: 'noData', params: {} }] },
    );
    assert.equal(view.canAdopt, false);
    assert.deepEqual(
      view.nudges.map((nudge) => [nudge.code, nudge.personId, nudge.displayName, nudge.timeZone, nudge.params]),
      [
        ['pair-inactive', 'hana', 'Hana', 'Asia/Tokyo', { other: 'Sarah and Arjun', days: 39 }],
        ['pair-inactive', 'sarah', 'Sarah', 'America/New_York', { other: 'Hana and Arjun', days: 39 }],
        ['pair-inactive', 'arjun', 'Arjun', 'Asia/Kathmandu', { other: 'Hana and Sarah', days: 39 }],
      ],
    );
    // No sentences in the view: codes and parameters only.
    assert.equal('reasons' in view.suggestion, false);
    assert.equal(
      view.nudges.some((nudge) => 'message' in nudge),
      false,
    );
    // The same as the public functions over the same records.
    assert.deepEqual(
      view.next,
      nextCheckIn({
        agreement: agreementCheckInInput(view.agreement),
        mentorIds: ['sarah', 'arjun'],
        startedAt: '2026-09-01T00:00:00Z',
        now: view.now,
        timeZone: 'Asia/Tokyo',
      }),
    );
    // `locale` words the joined names; `inactiveAfterDays` moves the threshold.
    const spanish = ready(kit.checkins.viewFor('p1', { locale: 'es' }).get());
    assert.equal(spanish.nudges[0]!.params.other, 'Sarah y Arjun');
    const patient = ready(kit.checkins.viewFor('p1', { inactiveAfterDays: 60 }).get());
    assert.deepEqual([patient.activity.inactive, patient.nudges.length], [false, 0]);
  });

  test('follows the records: a mentor message, a held session and a goal update move the check-in and the activity', async () => {
    const { storage, time } = await programme();
    const kit = await viewerOn(storage, 'hana', time.now);
    const store = kit.checkins.viewFor('p1');
    const seen: CheckInView[] = [];
    const stop = store.listen((view) => seen.push(view));
    try {
      await put(storage, 'messages', { id: 'm1', pairingId: 'p1', authorId: 'hana', body: 'Hi!', sentAt: '2026-10-08T09:00:00Z' });
      await settle();
      let view = ready(store.get());
      assert.equal(view.next.lastCheckInAt, undefined, "the mentee's message is activity, not a check-in");
      assert.deepEqual([view.activity.lastActivityKind, view.activity.inactive], ['message', false]);

      await put(storage, 'messages', { id: 'm2', pairingId: 'p1', authorId: 'sarah', body: 'How is it going?', sentAt: '2026-10-09T15:00:00Z' });
      await settle();
      view = ready(store.get());
      assert.deepEqual([view.next.lastCheckInKind, view.next.dueAt], ['message', '2026-10-23T15:00:00.000Z']);

      await put(storage, 'sessions', {
        id: 's1',
        pairingId: 'p1',
        title: 'Catch-up',
        start: '2026-10-09T22:00:00Z',
        end: '2026-10-09T23:00:00Z',
        status: 'held',
        organizerId: 'sarah',
        participantIds: ['hana', 'sarah'],
      });
      await settle();
      view = ready(store.get());
      assert.deepEqual([view.next.lastCheckInKind, view.next.dueAt], ['session', '2026-10-23T23:00:00.000Z']);

      time.set('2026-10-10T12:30:00Z');
      await put(storage, 'goals', { id: 'g1', pairingId: 'p1', ownerId: 'hana', title: 'Give a talk', visibility: 'pairing', archived: false, milestones: [] });
      await settle();
      view = ready(store.get());
      assert.deepEqual([view.activity.lastActivityKind, view.activity.lastActivityAt], ['goal', '2026-10-10T12:30:00.000Z']);
      assert.ok(seen.length >= 4, 'every change reached the listener');
    } finally {
      stop();
    }
  });

  test('each viewer sees it from their side: their zone, what they may read, whether they may adopt', async () => {
    const { storage, time } = await programme();
    await put(storage, 'messages', { id: 'm1', pairingId: 'p1', authorId: 'sarah', body: 'Checking in', sentAt: '2026-10-09T15:00:00Z' });
    await rateSessions(storage, [2, 2, 3]);
    const views = new Map<string, ReadyCheckInView>();
    for (const user of ['hana', 'sarah', 'arjun', 'priya']) views.set(user, ready((await viewerOn(storage, user, time.now)).checkins.viewFor('p1').get()));
    assert.deepEqual(
      [...views].map(([user, view]) => [user, view.timeZone, view.canAdopt]),
      [
        ['hana', 'Asia/Tokyo', true],
        ['sarah', 'America/New_York', true],
        ['arjun', 'Asia/Kathmandu', true], // not in the agreement: his profile's zone
        ['priya', 'Europe/London', false], // an admin reads, and does not adopt
      ],
    );
    for (const view of views.values()) {
      assert.equal(view.suggestion.suggested, 'high-touch');
      assert.deepEqual(view.suggestion.reasonCodes, [{ code: 'lowRatings', params: { average: 2.3 } }]);
    }
    // Members see Sarah's message as the last check-in; the admin cannot read the pair's messages.
    assert.equal(views.get('sarah')!.next.lastCheckInKind, 'message');
    assert.equal(views.get('priya')!.next.lastCheckInKind, undefined);
    assert.equal(views.get('priya')!.activity.inactive, true);
  });

  test('a kept level is explained and leaves nothing to adopt; adopting changes the agreement and the view follows', async () => {
    const { storage, time } = await programme();
    await rateSessions(storage, [1, 2]);
    const kit = await viewerOn(storage, 'sarah', time.now);
    const kept = ready(kit.checkins.viewFor('p1', { keptLevel: 'regular' }).get());
    assert.deepEqual([kept.suggestion.level, kept.suggestion.overridden, kept.canAdopt], ['regular', true, false]);
    assert.deepEqual(kept.suggestion.reasonCodes.at(-1), { code: 'overridden', params: { level: 'regular', suggested: 'high-touch' } });
    // Hosts word the codes with the catalogue's sentences.
    assert.deepEqual(
      kept.suggestion.reasonCodes.map((reason) => checkInReasonText(reason)),
      ['Recent session ratings average 1.5 of 5.', 'Kept at Regular by choice (the suggestion was High-touch).'],
    );

    const store = kit.checkins.viewFor('p1');
    const shown = ready(store.get());
    assert.equal(shown.canAdopt, true);
    await assert.rejects(kit.checkins.adoptLevel('p1', 'high-touch', { expectedRevision: shown.agreement.revision + 1 }), (error: unknown) =>
      isMentorKitError(error, 'conflict'),
    );
    const events: string[] = [];
    kit.on('*', (event) => events.push(event.type));
    const adopted = await kit.checkins.adoptLevel('p1', 'high-touch', { expectedRevision: shown.agreement.revision });
    assert.deepEqual([adopted.checkInLevel, adopted.version], ['high-touch', 2]);
    assert.deepEqual(events, ['agreement-changed']);
    const after = ready(store.get());
    assert.deepEqual([after.next.level, after.next.intervalDays, after.next.dueAt], ['high-touch', 7, '2026-10-08T12:00:00.000Z']);
    assert.deepEqual([after.next.overdue, after.suggestion.change, after.canAdopt], [true, 'keep', false]);
  });

  test('computes again at every new minute while watched', async () => {
    const { storage, time } = await programme();
    const kit = await viewerOn(storage, 'hana', time.now);
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const store = kit.checkins.viewFor('p1');
      const stop = store.listen(() => undefined);
      assert.equal(ready(store.get()).next.overdue, false);
      time.set('2026-10-16T12:00:00Z');
      assert.equal(ready(store.get()).now, '2026-10-10T12:00:00.000Z', 'nothing changed yet');
      mock.timers.tick(60_005);
      const later = ready(store.get());
      assert.deepEqual([later.now, later.next.overdue, later.next.overdueDays], ['2026-10-16T12:00:00.000Z', true, 1]);
      stop();
    } finally {
      mock.timers.reset();
    }
  });
});
