import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryStorage, createMentorKit, isMentorKitError, type DomainEvent, type StorageAdapter } from '@mentorkit/core';
import { internalsOf } from '../src/client/internals.js';
import { PROGRAM, person, twoPairingsStorage } from './programme-fixtures.js';

const seededStorage = () => twoPairingsStorage('America/Sao_Paulo');

/** Everything in storage, to prove a refused command wrote nothing. */
async function snapshot(storage: StorageAdapter): Promise<string> {
  const collections = ['people', 'programs', 'pairings', 'agreements', 'sessions', 'goals', 'feedback', 'messages'];
  return JSON.stringify(await Promise.all(collections.map((collection) => storage.query(collection))));
}

async function rejectsWith(promise: Promise<unknown>, code: string, pattern?: RegExp): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isMentorKitError(error, code as never), `expected ${code}, got ${String(error)}`);
    if (pattern) assert.match((error as Error).message, pattern);
    return error as Error;
  }
  assert.fail(`expected a ${code} MentorKitError`);
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 200) assert.fail('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('createMentorKit', () => {
  test('validates its options', () => {
    assert.throws(
      () => createMentorKit(undefined as never),
      (error: unknown) => isMentorKitError(error, 'invalid-input'),
    );
    assert.throws(
      () => createMentorKit({ storage: {} as never, user: 'ana' }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'storage',
    );
    assert.throws(
      () => createMentorKit({ storage: createMemoryStorage(), user: '' }),
      (error: unknown) => (error as { path: string }).path === 'user',
    );
    assert.throws(
      () => createMentorKit({ storage: createMemoryStorage(), user: 'ana', now: 'today' as never }),
      (error: unknown) => (error as { path: string }).path === 'now',
    );
  });

  test('installs feature modules once, by option or with use(), and refuses clashes', async () => {
    let installs = 0;
    const notes = { name: 'notes', install: (kit: { user: { id: string } }) => ({ owner: kit.user.id, count: ++installs }) } as const;
    const kit = createMentorKit({ storage: seededStorage(), user: 'ana', features: [notes] });
    const api = (kit as unknown as { notes: { owner: string; count: number } }).notes;
    assert.deepEqual(api, { owner: 'ana', count: 1 });
    assert.equal(kit.use(notes), api, 'use() again returns the installed API');
    assert.equal(installs, 1);
    assert.throws(
      () => kit.use({ name: 'notes', install: () => ({}) }),
      (error: unknown) => isMentorKitError(error, 'conflict'),
    );
    assert.throws(
      () => kit.use({ name: 'pairings', install: () => ({}) }),
      (error: unknown) => isMentorKitError(error, 'invalid-input'),
    );
    assert.throws(
      () => kit.use(undefined as never),
      (error: unknown) => isMentorKitError(error, 'invalid-input'),
    );
    assert.throws(
      () => createMentorKit({ storage: seededStorage(), user: 'ana', features: [{} as never] }),
      (error: unknown) => (error as { path: string }).path === 'features',
    );
    await kit.dispose();
  });

  test('loads the stores a mentee may see', async () => {
    const kit = createMentorKit({ storage: seededStorage(), user: { id: 'ana' } });
    assert.equal(kit.$status.get(), 'loading');
    await kit.ready;
    assert.equal(kit.$status.get(), 'ready');
    assert.equal(kit.$me.get()?.displayName, 'ANA');
    assert.deepEqual(
      kit.$myPairings.get().map((pairing) => pairing.id),
      ['p-ana'],
    );
    assert.deepEqual(
      kit.$pairings.get().map((pairing) => pairing.id),
      ['p-ana'],
    );
    assert.deepEqual(Object.keys(kit.$people.get()).sort(), ['ana', 'arjun', 'kenji']);
    assert.deepEqual(
      kit.$programs.get().map((program) => program.id),
      ['prog'],
    );
    await rejectsWith(
      Promise.resolve().then(() => kit.pairings.get('p-dan')),
      'not-found',
    );
  });

  test('an admin sees the whole programme but has no pairings of their own', async () => {
    const kit = createMentorKit({ storage: seededStorage(), user: 'priya' });
    await kit.ready;
    assert.equal(kit.$pairings.get().length, 2);
    assert.equal(kit.$myPairings.get().length, 0);
    assert.equal(Object.keys(kit.$people.get()).length, 6);
  });

  test("the current pairing: the first of one's own by default, the chosen one while it is visible, back to the default when it goes", async () => {
    const storage = createMemoryStorage({
      seed: {
        programs: [PROGRAM],
        people: [
          person('priya', ['admin'], 'Europe/London'),
          person('ana', ['mentee'], 'America/Sao_Paulo'),
          person('dan', ['mentee'], 'America/Los_Angeles'),
          person('kenji', ['mentor'], 'Asia/Tokyo'),
        ],
        pairings: [
          { id: 'p-ana', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji'], status: 'active', kind: 'official', reasons: [] },
          { id: 'p-dan', programId: 'prog', menteeId: 'dan', mentorIds: ['kenji'], status: 'active', kind: 'official', reasons: [] },
          { id: 'p-old', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji'], status: 'closed', kind: 'official', reasons: [] },
        ],
      },
    });
    const kit = createMentorKit({ storage, user: 'kenji' });
    assert.equal(kit.$currentPairingId.get(), undefined, 'nothing before the pairings load');
    await kit.ready;
    assert.equal(kit.$currentPairingId.get(), 'p-ana', 'the first active pairing');
    const seen: Array<string | undefined> = [];
    const off = kit.$currentPairingId.listen((id) => seen.push(id));
    kit.selectPairing('p-dan');
    assert.equal(kit.$currentPairingId.get(), 'p-dan');
    kit.selectPairing('p-nobody-sees');
    assert.equal(kit.$currentPairingId.get(), 'p-ana', 'a pairing the person cannot see is not current');
    kit.selectPairing('p-dan');
    kit.selectPairing(undefined);
    assert.equal(kit.$currentPairingId.get(), 'p-ana', 'undefined goes back to the default');
    assert.deepEqual(seen, ['p-dan', 'p-ana', 'p-dan', 'p-ana']);
    assert.throws(
      () => kit.selectPairing('' as never),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'pairingId',
    );
    off();
    // An admin has no pairing of their own: none is current until they choose one of their programme's.
    const admin = createMentorKit({ storage, user: 'priya' });
    await admin.ready;
    assert.equal(admin.$currentPairingId.get(), undefined);
    admin.selectPairing('p-dan');
    assert.equal(admin.$currentPairingId.get(), 'p-dan');
    await Promise.all([kit.dispose(), admin.dispose()]);
  });

  test('a failing storage puts the client in the error state with a MentorKitError', async () => {
    const storage = {
      ...createMemoryStorage(),
      name: 'broken',
      query: async () => {
        throw new Error('disk on fire');
      },
    };
    const kit = createMentorKit({ storage, user: 'ana' });
    await rejectsWith(kit.ready, 'storage-error', /disk on fire/);
    assert.equal(kit.$status.get(), 'error');
    assert.match(kit.$error.get()?.message ?? '', /broken/);
  });
});

describe('commands', () => {
  test('saving a profile validates, writes with a revision, emits an event and updates stores', async () => {
    const kit = createMentorKit({ storage: seededStorage(), user: 'ana', now: () => '2026-03-29T08:00:00Z' });
    await kit.ready;
    const events: DomainEvent[] = [];
    kit.on('*', (event) => events.push(event));
    const seen: string[] = [];
    const unsubscribe = kit.$me.listen((me) => seen.push(me?.headline ?? ''));
    const saved = await kit.people.save({ ...person('ana', ['mentee'], 'America/Sao_Paulo'), headline: 'Product designer' });
    unsubscribe();
    assert.equal(saved.revision, 2);
    assert.equal(saved.updatedBy, 'ana');
    assert.deepEqual(seen, ['Product designer']);
    assert.equal(kit.$me.get()?.headline, 'Product designer');
    assert.equal(events.length, 1);
    assert.deepEqual(
      { type: events[0]!.type, actorId: events[0]!.actorId, recordId: events[0]!.recordId, at: events[0]!.at, revision: events[0]!.revision },
      { type: 'profile-saved', actorId: 'ana', recordId: 'ana', at: '2026-03-29T08:00:00.000Z', revision: 2 },
    );
  });

  test('invalid input to any command raises invalid-input and writes nothing', async () => {
    const storage = seededStorage();
    const admin = createMentorKit({ storage, user: 'priya' });
    await admin.ready;
    const before = await snapshot(storage);
    const attempts: Array<[string, () => Promise<unknown>, string]> = [
      ['profile with bad zone', () => admin.people.save({ ...person('ana', ['mentee'], 'Nowhere/City') }), 'person.timeZone'],
      ['profile with script avatar', () => admin.people.save({ ...person('ana', ['mentee'], 'UTC'), avatarUrl: 'javascript:alert(1)' }), 'person.avatarUrl'],
      ['profile that is not an object', () => admin.people.save('ana' as never), 'person'],
      ['pairing without mentors', () => admin.pairings.create({ programId: 'prog', menteeId: 'ana', mentorIds: [] }), 'pairing.mentorIds'],
      ['pairing with the mentee as mentor', () => admin.pairings.create({ programId: 'prog', menteeId: 'ana', mentorIds: ['ana'] }), 'pairing.mentorIds'],
      [
        'pairing with a bad status',
        () => admin.pairings.create({ programId: 'prog', menteeId: 'ana', mentorIds: ['maria'], status: 'closed' }),
        'pairing.status',
      ],
      ['status change to nonsense', () => admin.pairings.setStatus('p-ana', 'finished' as never), 'status'],
      [
        'closed pairing back to active',
        async () => {
          await admin.pairings.setStatus('p-dan', 'closed');
          return admin.pairings.setStatus('p-dan', 'active');
        },
        'status',
      ],
      ['update that sneaks a status in', () => admin.pairings.update('p-ana', { status: 'closed' } as never), 'changes.status'],
      ['bad expectedRevision', () => admin.pairings.update('p-ana', { kind: 'informal' }, { expectedRevision: 0 }), 'options.expectedRevision'],
      ['programme ending before it starts', () => admin.programs.save({ ...PROGRAM, startDate: '2026-09-01', endDate: '2026-08-01' }), 'program.endDate'],
      ['programme with an impossible date', () => admin.programs.save({ ...PROGRAM, startDate: '2026-02-30' }), 'program.startDate'],
    ];
    let expectedSnapshot = before;
    for (const [name, attempt, path] of attempts) {
      const error = await rejectsWith(attempt(), 'invalid-input');
      assert.equal((error as unknown as { path: string }).path, path, name);
      if (name === 'closed pairing back to active') expectedSnapshot = await snapshot(storage); // the close itself was legitimate
      assert.equal(await snapshot(storage), expectedSnapshot, `${name} wrote something`);
    }
  });

  test('forbidden commands raise forbidden and write nothing', async () => {
    const storage = seededStorage();
    const ana = createMentorKit({ storage, user: 'ana' });
    await ana.ready;
    const before = await snapshot(storage);
    await rejectsWith(ana.pairings.create({ programId: 'prog', menteeId: 'ana', mentorIds: ['maria'] }), 'forbidden', /programme admin/);
    await rejectsWith(ana.people.save(person('dan', ['mentee'], 'UTC')), 'forbidden');
    await rejectsWith(ana.people.save({ ...person('ana', ['mentee'], 'UTC'), roles: ['mentee', 'admin'] }), 'forbidden', /admin/);
    await rejectsWith(ana.pairings.setStatus('p-dan', 'paused'), 'not-found');
    await rejectsWith(ana.programs.save({ ...PROGRAM, name: 'Hijacked' }), 'forbidden');
    assert.equal(await snapshot(storage), before);
  });

  test('pairings move proposed → active ⇄ paused → closed with events', async () => {
    const storage = seededStorage();
    const admin = createMentorKit({ storage, user: 'priya', now: () => new Date('2026-03-29T23:30:00Z') });
    await admin.ready;
    const types: string[] = [];
    admin.on('*', (event) => types.push(`${event.type}:${String(event.data.to ?? '')}`));
    const created = await admin.pairings.create({ programId: 'prog', menteeId: 'dan', mentorIds: ['kenji', 'arjun'] });
    assert.equal(created.status, 'proposed');
    assert.deepEqual(admin.pairings.allowedStatusChanges(created.id), ['active', 'closed']);
    assert.equal(created.revision, 1);
    const active = await admin.pairings.setStatus(created.id, 'active');
    assert.equal(active.startedOn, '2026-03-30', 'local date of the admin: London switched to BST that morning, so 23:30Z is 00:30 on the 30th');
    const mentee = createMentorKit({ storage, user: 'dan' });
    await mentee.ready;
    assert.ok(
      mentee.$myPairings.get().some((pairing) => pairing.id === created.id),
      'dan sees his new pairing',
    );
    assert.deepEqual(mentee.pairings.allowedStatusChanges(created.id), ['paused', 'closed']);
    await mentee.pairings.setStatus(created.id, 'paused');
    assert.deepEqual(mentee.pairings.allowedStatusChanges(created.id), ['active', 'closed']);
    await admin.pairings.setStatus(created.id, 'active');
    const closed = await admin.pairings.setStatus(created.id, 'closed');
    assert.equal(closed.endedOn, '2026-03-30');
    assert.equal(closed.revision, 5);
    assert.deepEqual(admin.pairings.allowedStatusChanges(closed.id), [], 'closed is final');
    assert.deepEqual(types, ['pairing-proposed:', 'pairing-started:active', 'pairing-resumed:active', 'pairing-closed:closed']);
    await rejectsWith(admin.pairings.create({ programId: 'prog', menteeId: 'nobody', mentorIds: ['kenji'] }), 'not-found', /nobody/);
    await rejectsWith(admin.pairings.create({ programId: 'nope', menteeId: 'ana', mentorIds: ['kenji'] }), 'not-found', /nope/);
  });
});

describe('concurrency and other tabs', () => {
  test('a second client on the same storage sees writes through watch', async () => {
    const storage = seededStorage();
    const admin = createMentorKit({ storage, user: 'priya' });
    const ana = createMentorKit({ storage, user: 'ana' });
    await Promise.all([admin.ready, ana.ready]);
    const statuses: string[] = [];
    ana.$myPairings.listen((pairings) => statuses.push(pairings[0]?.status ?? 'none'));
    await admin.pairings.setStatus('p-ana', 'paused');
    assert.deepEqual(statuses, ['paused']);
    await ana.dispose();
    await admin.pairings.setStatus('p-ana', 'active');
    assert.deepEqual(statuses, ['paused'], 'a disposed client stops listening');
  });

  test('a write re-checks only that record: inserted in id order, dropped when it turns unreadable, re-filtered when a pairing changes', async () => {
    const storage = seededStorage();
    const ana = createMentorKit({ storage, user: 'ana' });
    const kenji = createMentorKit({ storage, user: 'kenji' });
    await Promise.all([ana.ready, kenji.ready]);
    const goalsOfAna = internalsOf(ana).track('goals');
    const goalsOfKenji = internalsOf(kenji).track('goals');
    const goal = (id: string, visibility: 'pairing' | 'private') => ({
      id,
      pairingId: 'p-ana',
      ownerId: 'ana',
      visibility,
      archived: false,
      title: id,
      milestones: [],
    });
    await internalsOf(ana).write('goals', goal('g-2', 'pairing'), { action: 'create' });
    await internalsOf(ana).write('goals', goal('g-3', 'pairing'), { action: 'create' });
    await internalsOf(ana).write('goals', goal('g-1', 'pairing'), { action: 'create' });
    const ids = (list: readonly { id: string }[]) => list.map((record) => record.id).join(',');
    assert.equal(ids(goalsOfAna.get()), 'g-1,g-2,g-3');
    assert.equal(ids(goalsOfKenji.get()), 'g-1,g-2,g-3');
    const before = goalsOfAna.get();
    await internalsOf(ana).write('goals', goal('g-2', 'private'), { action: 'update' });
    assert.equal(ids(goalsOfAna.get()), 'g-1,g-2,g-3');
    assert.equal(goalsOfAna.get()[0], before[0], 'unchanged records keep their identity');
    assert.notEqual(goalsOfAna.get()[1], before[1]);
    assert.equal(ids(goalsOfKenji.get()), 'g-1,g-3', "a goal made private leaves the mentor's list");
    await internalsOf(ana).remove('goals', 'g-1');
    assert.equal(ids(goalsOfAna.get()), 'g-2,g-3');
    await waitFor(() => ids(goalsOfKenji.get()) === 'g-3');
    const admin = createMentorKit({ storage, user: 'priya' });
    await admin.ready;
    await admin.pairings.update('p-ana', { mentorIds: ['arjun'] });
    await waitFor(() => goalsOfKenji.get().length === 0);
    await Promise.all([ana.dispose(), kenji.dispose(), admin.dispose()]);
  });

  test('an edit based on a stale revision is refused with conflict, never lost', async () => {
    const shared = seededStorage();
    // A client whose adapter cannot watch keeps its stale view, like a tab that was asleep.
    const { watch: _watch, ...withoutWatch } = shared;
    const stale = createMentorKit({ storage: withoutWatch as StorageAdapter, user: 'ana' });
    const fresh = createMentorKit({ storage: shared, user: 'ana' });
    await Promise.all([stale.ready, fresh.ready]);
    await fresh.people.save({ ...person('ana', ['mentee'], 'America/Sao_Paulo'), headline: 'First edit' });
    await rejectsWith(stale.people.save({ ...person('ana', ['mentee'], 'America/Sao_Paulo'), headline: 'Second edit' }), 'conflict', /changed by someone else/);
    assert.equal((await shared.get('people', 'ana'))?.headline, 'First edit');
    await stale.refresh();
    const retried = await stale.people.save({ ...person('ana', ['mentee'], 'America/Sao_Paulo'), headline: 'Second edit' });
    assert.equal(retried.revision, 3);
  });

  test('explicit expectedRevision is honoured', async () => {
    const kit = createMentorKit({ storage: seededStorage(), user: 'priya' });
    await kit.ready;
    await rejectsWith(kit.pairings.update('p-ana', { kind: 'informal' }, { expectedRevision: 7 }), 'conflict');
    const updated = await kit.pairings.update('p-ana', { kind: 'informal' }, { expectedRevision: 1 });
    assert.equal(updated.kind, 'informal');
    await rejectsWith(kit.pairings.setStatus('p-ana', 'paused', { expectedRevision: 1 }), 'conflict', /revision 1/);
  });

  test('listeners that throw do not break commands; the error is reported', async () => {
    const reported: Array<[string, string]> = [];
    const kit = createMentorKit({
      storage: seededStorage(),
      user: 'priya',
      onListenerError: (error, event) => reported.push([(error as Error).message, event.type]),
    });
    await kit.ready;
    const delivered: string[] = [];
    kit.on('pairing-paused', () => {
      throw new Error('listener bug');
    });
    kit.on('pairing-paused', (event) => delivered.push(event.recordId));
    const paused = await kit.pairings.setStatus('p-ana', 'paused');
    assert.equal(paused.status, 'paused');
    assert.deepEqual(delivered, ['p-ana'], 'other listeners still run');
    assert.deepEqual(reported, [['listener bug', 'pairing-paused']]);
  });
});
