import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  collectionPolicy,
  createMemoryStorage,
  createMentorKit,
  defineFeature,
  installedFeature,
  isMentorKitError,
  registerCollectionPolicy,
  withFeatures,
  type CollectionPolicy,
  type DomainEvent,
  type FeaturePolicy,
  type MentorKitError,
  type PolicyRule,
  type StorageAdapter,
} from '@mentorkit/core';
import { goalsFeature } from '@mentorkit/core/goals';
import { internalsOf } from '../src/client/internals.js';
import { anaPairingStorage } from './programme-fixtures.js';

const PROGRAM = { id: 'prog', name: 'Mentoring 2026', adminIds: ['priya'] };
const person = (id: string, roles: Array<'mentee' | 'mentor' | 'admin'>) => ({
  id,
  displayName: id.toUpperCase(),
  roles,
  timeZone: 'Europe/Madrid',
  programIds: ['prog'],
  workingHours: { 1: ['09:00-17:00'] },
});

const seededStorage = (): StorageAdapter => anaPairingStorage({ notes: [{ id: 'n-1', authorId: 'ana', text: 'Hello' }] });

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

// A feature that brings its own access rule (`policy`): reflections are pairing-scoped, read by the
// pairing's members (not its programme's admins), written by their author.
type Reflection = {
  id: string;
  pairingId: string;
  authorId: string;
  text: string;
  revision: number;
  updatedAt: string;
  createdAt?: string;
  updatedBy?: string;
};
const reflectionRule: FeaturePolicy<'reflections'> = {
  scope: 'pairing',
  immutable: ['authorId'],
  read: ({ roles }) => (roles.some((role) => role !== 'admin') ? true : 'Reflections stay inside the pairing.'),
  create: ({ actorId, record }) => (record.authorId === actorId ? true : 'You write only your own reflections.'),
  update: ({ actorId, target }) => (target.authorId === actorId ? true : 'Only the author changes a reflection.'),
  delete: ({ actorId, target }) => (target.authorId === actorId ? true : 'Only the author removes a reflection.'),
};
const reflectionsFeature = defineFeature({
  name: 'reflections',
  collections: ['reflections'],
  policy: { reflections: reflectionRule },
  install(kit, host) {
    const reflections = host.collection<Reflection>('reflections');
    return {
      $reflections: reflections.$records,
      reflections,
      add: (pairingId: string, text: string, authorId = kit.user.id) => reflections.create({ id: host.newId(), pairingId, authorId, text }),
    };
  },
});

function reflectionStorage(): StorageAdapter {
  return createMemoryStorage({
    seed: {
      programs: [PROGRAM],
      people: [person('priya', ['admin']), person('ana', ['mentee']), person('kenji', ['mentor']), person('dan', ['mentee']), person('maria', ['mentor'])],
      pairings: [
        { id: 'p-ana', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji'], status: 'active', kind: 'official', reasons: [] },
        { id: 'p-dan', programId: 'prog', menteeId: 'dan', mentorIds: ['maria'], status: 'active', kind: 'official', reasons: [] },
      ],
      reflections: [
        { id: 'r-ana', pairingId: 'p-ana', authorId: 'ana', text: 'I said yes to too much.' },
        { id: 'r-kenji', pairingId: 'p-ana', authorId: 'kenji', text: 'Ana plans well.' },
        { id: 'r-dan', pairingId: 'p-dan', authorId: 'dan', text: 'Slow week.' },
      ],
    },
  });
}

/** The parts of a refusal a person and a program see: code, message, path and details. */
const refusal = async (write: Promise<unknown>): Promise<Pick<MentorKitError, 'code' | 'message' | 'path' | 'details'>> => {
  try {
    await write;
  } catch (error) {
    assert.ok(isMentorKitError(error), `expected a MentorKitError, got ${String(error)}`);
    return { code: error.code, message: error.message, path: error.path, details: error.details };
  }
  assert.fail('the write was allowed');
};

describe("a feature's own access rules (defineFeature({ policy }))", () => {
  test('the rule is registered when the feature is installed, and the client checks reads and writes of its collection with it', async () => {
    assert.equal(collectionPolicy('reflections'), undefined, 'defining a feature registers nothing');
    const storage = reflectionStorage();
    const ana = createMentorKit({ storage, user: 'ana', features: [reflectionsFeature] });
    assert.equal(collectionPolicy('reflections')?.read, reflectionRule.read, 'installed: the policy has the rule, under its collection');
    assert.equal(collectionPolicy('reflections')?.collection, 'reflections');
    await ana.ready;
    const ids = (kit: { reflections: { $reflections: { get(): readonly Reflection[] } } }) =>
      kit.reflections.$reflections
        .get()
        .map((reflection) => reflection.id)
        .sort();
    assert.deepEqual(ids(ana), ['r-ana', 'r-kenji'], 'members read their pairing’s reflections, not another pairing’s');
    const kenji = createMentorKit({ storage, user: 'kenji', features: [reflectionsFeature] });
    const priya = createMentorKit({ storage, user: 'priya', features: [reflectionsFeature] });
    await Promise.all([kenji.ready, priya.ready]);
    assert.deepEqual(ids(kenji), ['r-ana', 'r-kenji']);
    assert.deepEqual(ids(priya), [], "the rule refuses the programme's admin");

    const added = await ana.reflections.add('p-ana', 'Said no twice this week.');
    assert.equal(added.revision, 1);
    assert.deepEqual(await refusal(ana.reflections.reflections.create({ id: 'r-forged', pairingId: 'p-ana', authorId: 'kenji', text: 'In his name' })), {
      code: 'forbidden',
      message: 'You write only your own reflections.',
      path: 'reflections',
      details: { action: 'create', collection: 'reflections', id: 'r-forged' },
    });
    await assert.rejects(
      kenji.reflections.reflections.update({ ...added, text: 'Edited by the mentor' }),
      (error) => isMentorKitError(error, 'forbidden') && error.message === 'Only the author changes a reflection.',
    );
    await assert.rejects(
      ana.reflections.reflections.update({ ...added, authorId: 'kenji' }),
      (error) => isMentorKitError(error, 'forbidden') && error.message === '`authorId` cannot change once the record exists.',
    );
    assert.equal(kenji.reflections.reflections.readable('r-dan'), undefined);

    // Outside the pairing: refused exactly as a built-in collection refuses (goals here).
    const dan = createMentorKit({ storage, user: 'dan', features: [reflectionsFeature] });
    await dan.ready;
    const ownRule = await refusal(dan.reflections.add('p-ana', 'Not my pairing'));
    const builtIn = await refusal(
      internalsOf(dan).write('goals', { id: 'g-x', pairingId: 'p-ana', ownerId: 'dan', title: 'Not my pairing', visibility: 'private' }, { action: 'create' }),
    );
    assert.equal(ownRule.code, 'forbidden');
    assert.equal(ownRule.code, builtIn.code);
    assert.equal(ownRule.message, builtIn.message);
    assert.equal(ownRule.message, 'You can change only records of your own pairings.');
    assert.equal((ownRule.details as { action: string }).action, (builtIn.details as { action: string }).action);
    assert.equal(ownRule.path, 'reflections');
    assert.equal(builtIn.path, 'goals');
    assert.equal((await storage.query('reflections')).length, 4, 'refused writes stored nothing');
  });

  test('a list read before the feature brought its rule is filtered again when it is installed', async () => {
    const storage = createMemoryStorage({ seed: { people: [person('ana', ['mentee'])], scribbles: [{ id: 's-1', authorId: 'ana', text: 'Draft' }] } });
    const kit = createMentorKit({ storage, user: 'ana' });
    const scribbles = kit.collection('scribbles');
    await scribbles.loaded();
    assert.deepEqual(scribbles.$records.get(), [], 'no rule yet: nobody reads a scribble');
    const scribblesFeature = defineFeature({
      name: 'scribbles',
      collections: ['scribbles'],
      policy: { scribbles: { scope: 'none', read: authorOnly, create: authorOnly, update: authorOnly, delete: authorOnly } },
      install: () => ({}),
    });
    kit.use(scribblesFeature);
    assert.deepEqual(
      scribbles.$records.get().map((record) => record.id),
      ['s-1'],
    );
  });

  test('defineFeature refuses a rule for a collection the feature does not declare (and so does the type checker)', () => {
    const rule = reflectionRule as FeaturePolicy;
    const undeclared = (definition: unknown, collection: string) =>
      assert.throws(
        () => defineFeature(definition as never),
        (error: unknown) =>
          isMentorKitError(error, 'invalid-input') &&
          error.path === `feature.policy.${collection}` &&
          error.message === `The feature "journal" brings an access rule for "${collection}", which is not one of its \`collections\`.`,
        collection,
      );
    const install = () => ({});
    undeclared({ name: 'journal', collections: ['journal'], policy: { diary: rule }, install }, 'diary');
    undeclared({ name: 'journal', policy: { journal: rule }, install }, 'journal');
    undeclared({ name: 'journal', collections: ['journal'], policy: { journal: rule, diary: rule }, install }, 'diary');
    assert.equal(collectionPolicy('journal'), undefined);
    assert.equal(collectionPolicy('diary'), undefined);

    // Typed: a rule for a collection the feature does not declare does not compile either.
    // @ts-expect-error — "diary" is not one of the feature's collections
    assert.throws(() => defineFeature({ name: 'journal', collections: ['journal'], policy: { diary: rule }, install }));

    // The key is the collection a rule governs: a rule that names another one is registered under its key.
    const keyed = defineFeature({
      name: 'journal',
      collections: ['journal', 'diary'],
      policy: { journal: { ...rule, collection: 'diary' } as never },
      install,
    });
    createMentorKit({ storage: createMemoryStorage(), user: 'ana', features: [keyed] });
    assert.equal(collectionPolicy('journal')?.collection, 'journal');
    assert.equal(collectionPolicy('journal')?.read, reflectionRule.read);
    assert.equal(collectionPolicy('diary'), undefined);
  });

  test('a second rule for a collection that already has one is refused when the feature is installed, and nothing is installed', async () => {
    const kit = createMentorKit({ storage: reflectionStorage(), user: 'ana' });
    const rule = reflectionRule as FeaturePolicy;
    const conflict = (feature: ReturnType<typeof defineFeature>, message: RegExp, path: string) =>
      assert.throws(
        () => kit.use(feature),
        (error: unknown) => isMentorKitError(error, 'conflict') && error.path === path && message.test(error.message),
        message.source,
      );
    let installs = 0;
    const bringing = (name: string, policy: Record<string, FeaturePolicy>) =>
      defineFeature({ name, collections: Object.keys(policy), policy, install: () => ({ installs: ++installs }) });

    kit.use(reflectionsFeature);
    const second = (feature: string, collection: string) =>
      new RegExp(`^The feature "${feature}" brings a second access rule for "${collection}" \\(built-in, the host's or another feature's is there\\)\\.$`);
    conflict(bringing('notebook', { notes: rule }), second('notebook', 'notes'), 'feature.policy.notes'); // registerCollectionPolicy's
    conflict(bringing('journal', { reflections: rule }), second('journal', 'reflections'), 'feature.policy.reflections'); // another feature's
    conflict(bringing('my-goals', { goals: rule }), second('my-goals', 'goals'), 'feature.policy.goals'); // built-in, first load
    conflict(bringing('my-concerns', { concerns: rule }), second('my-concerns', 'concerns'), 'feature.policy.concerns'); // built-in, on demand
    // All or nothing: a fresh collection next to a taken one is not registered either.
    conflict(bringing('scrapbook', { scraps: rule, goals: rule }), second('scrapbook', 'goals'), 'feature.policy.goals');
    assert.equal(collectionPolicy('scraps'), undefined);
    assert.equal(installs, 0, 'no install ran');
    for (const name of ['journal', 'notebook', 'my-goals', 'my-concerns', 'scrapbook']) assert.equal(installedFeature(kit, name), undefined, name);
    assert.equal(collectionPolicy('goals')?.collection, 'goals');
    assert.equal(collectionPolicy('reflections')?.read, reflectionRule.read, "the feature's rule stands");

    // The same rule again is fine: the feature on another client; the host registering that very rule (a module a server shares).
    const other = createMentorKit({ storage: reflectionStorage(), user: 'kenji', features: [reflectionsFeature] });
    await other.ready;
    assert.equal(other.reflections.$reflections.get().length, 2);
    registerCollectionPolicy(collectionPolicy('reflections')!);
    // …but the host cannot replace it with another one.
    assert.throws(
      () => registerCollectionPolicy({ ...(reflectionRule as CollectionPolicy), collection: 'reflections', read: () => true }),
      (error: unknown) => isMentorKitError(error, 'conflict') && /The feature "reflections" brings the access rule of "reflections"/.test(error.message),
    );
    assert.equal(collectionPolicy('reflections')?.read, reflectionRule.read);
  });
});
