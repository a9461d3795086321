import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createMemoryStorage,
  createMentorKit,
  defineFeature,
  installedFeature,
  isMentorKitError,
  registerCollectionPolicy,
  withFeatures,
  type DomainEvent,
  type PolicyRule,
  type StorageAdapter,
} from '@mentorkit/core';
import { goalsFeature } from '@mentorkit/core/goals';

const PROGRAM = { id: 'prog', name: 'Mentoring 2026', adminIds: ['priya'] };
const person = (id: string, roles: Array<'mentee' | 'mentor' | 'admin'>) => ({
  id,
  displayName: id.toUpperCase(),
  roles,
  timeZone: 'Europe/Madrid',
  programIds: ['prog'],
  workingHours: { 1: ['09:00-17:00'] },
});

function seededStorage(): StorageAdapter {
  return createMemoryStorage({
    seed: {
      programs: [PROGRAM],
      people: [person('priya', ['admin']), person('ana', ['mentee']), person('kenji', ['mentor'])],
      pairings: [{ id: 'p-ana', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji'], status: 'active', kind: 'official', reasons: [] }],
      notes: [{ id: 'n-1', authorId: 'ana', text: 'Hello' }],
    },
  });
}

/** A host's own record type and collection, with its own access rule (the author reads and writes). */
type Note = { id: string; authorId: string; text: string; revision: number; updatedAt: string; createdAt?: string; updatedBy?: string };
const authorOnly: PolicyRule = ({ actorId, target }) => target.authorId === actorId || 'Only the author may.';
registerCollectionPolicy({
  collection: 'notes',
  scope: 'none',
  immutable: ['authorId'],
  read: authorOnly,
  create: authorOnly,
  update: authorOnly,
  delete: authorOnly,
});

declare module '@mentorkit/core' {
  interface DomainEventMap {
    'note-added': { text: string };
  }
}

const notesFeature = defineFeature({
  name: 'notes',
  collections: ['notes'],
  install(kit, host) {
    const notes = host.collection<Note>('notes');
    return {
      $notes: notes.$records,
      $status: notes.$status,
      notes,
      async add(text: string) {
        const stored = await notes.create({ id: host.newId(), authorId: kit.user.id, text });
        host.emit({ type: 'note-added', collection: 'notes', recordId: stored.id, revision: stored.revision, data: { text } });
        return stored;
      },
      pairing: (id: unknown) => host.readablePairing(id),
      goalsInstalled: () => host.installed('goals') !== undefined,
    };
  },
});

describe('defineFeature and the feature host', () => {
  test('a feature made with defineFeature installs like any MentorKitFeature, typed on the client', async () => {
    const kit = createMentorKit({ storage: seededStorage(), user: 'ana', features: [notesFeature] });
    await kit.ready;
    assert.equal(kit.notes.$status.get(), 'ready');
    assert.deepEqual(
      kit.notes.$notes.get().map((note) => note.text),
      ['Hello'],
    );
    assert.equal(kit.use(notesFeature), kit.notes, 'installing again gives the same API');
    assert.equal((await kit.notes.pairing('p-ana')).menteeId, 'ana');
    await assert.rejects(kit.notes.pairing('p-none'), (error) => isMentorKitError(error, 'not-found'));
  });

  test('typed collections strip stored-only fields, check options and revisions once, and emit typed events', async () => {
    const kit = createMentorKit({ storage: seededStorage(), user: 'ana', features: [notesFeature] });
    await kit.ready;
    const events: Array<DomainEvent<'note-added'>> = [];
    kit.on('note-added', (event) => events.push(event));
    const added = await kit.notes.add('Second');
    assert.equal(added.revision, 1);
    assert.deepEqual(
      events.map((event) => event.data.text),
      ['Second'],
    );
    const updated = await kit.notes.notes.update({ ...added, text: 'Second, edited' });
    assert.equal(updated.revision, 2, 'revision and updatedAt of the record passed in are not written back');
    await assert.rejects(kit.notes.notes.update({ ...added, text: 'stale' }, { expectedRevision: 1 }), (error) => isMentorKitError(error, 'conflict'));
    await assert.rejects(
      kit.notes.notes.update(updated, { expectedRevision: 0 }),
      (error) => isMentorKitError(error, 'invalid-input') && error.path === 'options.expectedRevision',
    );
    await assert.rejects(kit.notes.notes.create({ id: added.id, authorId: 'ana', text: 'again' }), (error) => isMentorKitError(error, 'conflict'));
    assert.equal(await kit.notes.notes.remove(added.id), true);
    assert.equal(kit.notes.notes.cached(added.id), undefined);
  });

  test('kit.collection reads a collection with its own status and loaded()', async () => {
    const kit = createMentorKit({ storage: seededStorage(), user: 'kenji' });
    const notes = kit.collection<Note>('notes');
    assert.equal(notes.$status.get(), 'loading');
    await notes.loaded();
    assert.equal(notes.$status.get(), 'ready');
    assert.deepEqual(notes.$records.get(), [], "the policy applies: kenji reads none of ana's notes");
    assert.equal(kit.collection('pairings').$records.get()[0]?.menteeId, 'ana');
  });

  test('the client knows which features it installed (no duck-typing), and internals are not a property', async () => {
    const kit = createMentorKit({ storage: seededStorage(), user: 'ana', features: [notesFeature] });
    assert.equal(kit.notes.goalsInstalled(), false);
    assert.equal(installedFeature(kit, 'goals'), undefined);
    const typed = withFeatures(kit, goalsFeature);
    assert.equal(installedFeature(kit, 'goals'), typed.goals);
    assert.equal(kit.notes.goalsInstalled(), true);
    assert.equal('internals' in kit, false);
    assert.equal(installedFeature({ goals: {} } as never, 'goals'), undefined, 'a look-alike object is not a client');
  });
});
