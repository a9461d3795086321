// Concerns (issue 18): who may read and change a concern, every role × action, and the closed-pairing
// exception. The world: programme prog (admin priya) with pair-a (mentee ana, mentor kenji, co-mentor
// arjun), pair-b (mentee dan, mentor maria) and pair-closed (mentee ana, mentor maria, closed);
// programme other (admin olga). sam is an admin of prog who is also a mentor in pair-sam.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BUILT_IN_POLICIES, collectionPolicy, createPolicyContext, decide, prepareRecord, isMentorKitError, type PolicyAction } from '@mentorkit/core';
import { concernsPolicy } from '../src/policy/concerns-rule.js';

const NOW = new Date().toISOString();
const context = createPolicyContext({
  programs: [
    { id: 'prog', adminIds: ['priya', 'sam'] },
    { id: 'other', adminIds: ['olga'] },
  ],
  pairings: [
    { id: 'pair-a', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji', 'arjun'], status: 'active' },
    { id: 'pair-b', programId: 'prog', menteeId: 'dan', mentorIds: ['maria'], status: 'active' },
    { id: 'pair-closed', programId: 'prog', menteeId: 'ana', mentorIds: ['maria'], status: 'closed' },
    { id: 'pair-sam', programId: 'prog', menteeId: 'lea', mentorIds: ['sam'], status: 'active' },
  ],
  people: [
    { id: 'ana', roles: ['mentee'], programIds: ['prog'] },
    { id: 'dan', roles: ['mentee'], programIds: ['prog'] },
    { id: 'lea', roles: ['mentee'], programIds: ['prog'] },
    { id: 'kenji', roles: ['mentor'], programIds: ['prog'] },
    { id: 'arjun', roles: ['mentor'], programIds: ['prog'] },
    { id: 'maria', roles: ['mentor'], programIds: ['prog'] },
    { id: 'sam', roles: ['mentor', 'admin'], programIds: ['prog'] },
    { id: 'priya', roles: ['admin'], programIds: ['prog'] },
    { id: 'olga', roles: ['admin'], programIds: ['other'] },
  ],
  now: () => NOW,
});
type AnyRecord = { id: string; [key: string]: unknown };
const can = (actor: string, action: PolicyAction, record: AnyRecord, previous?: AnyRecord) =>
  decide(context, { id: actor }, action, 'concerns', record, previous);
const allowed = (actor: string, action: PolicyAction, record: AnyRecord, previous?: AnyRecord) => can(actor, action, record, previous).allowed;

/** A concern ana raised about pair-a (as stored: schema-valid). */
const concern = (overrides: Partial<AnyRecord> = {}): AnyRecord =>
  prepareRecord('concerns', {
    id: 'concern-1',
    programId: 'prog',
    pairingId: 'pair-a',
    reporterId: 'ana',
    about: 'pairing',
    text: 'Kenji keeps cancelling at the last minute.',
    pauseRequested: true,
    status: 'open',
    raisedAt: NOW,
    history: [{ at: NOW, by: 'ana', action: 'raised' }],
    ...overrides,
  });
const withEntry = (record: AnyRecord, entry: Record<string, unknown>, changes: Partial<AnyRecord> = {}): AnyRecord => ({
  ...record,
  ...changes,
  history: [...(record.history as unknown[]), entry],
});

// Everyone of the world, by what they are to pair-a and its concern.
const ROLES = {
  reporter: 'ana',
  mentor: 'kenji',
  'co-mentor': 'arjun',
  admin: 'priya',
  'other-admin': 'olga',
  'other-pair mentee': 'dan',
  'other-pair mentor': 'maria',
  'admin who is a mentor elsewhere': 'sam',
} as const;
const everyone = Object.entries(ROLES);
const expect = (action: string, who: readonly string[], decideFor: (actorId: string) => boolean) => {
  for (const [role, actorId] of everyone)
    assert.equal(decideFor(actorId), who.includes(role), `${action}: ${role} (${actorId}) ${who.includes(role) ? 'may' : 'may not'}`);
};

describe('policy: concerns, every role × action', () => {
  test("read: the reporter and the programme's admins only — never the mentor or co-mentor of the pairing", () => {
    expect('read', ['reporter', 'admin', 'admin who is a mentor elsewhere'], (actorId) => allowed(actorId, 'read', concern()));
    assert.match(can('kenji', 'read', concern()).reason, /Only the person who raised this concern and the programme's admins/);
  });

  test('create: a member of the pairing, as reporter, open, trail starting with raised', () => {
    expect('create', ['reporter', 'mentor', 'co-mentor'], (actorId) =>
      allowed(actorId, 'create', concern({ id: 'new', reporterId: actorId, history: [{ at: NOW, by: actorId, action: 'raised' }] })),
    );
  });

  test('update: the admins move the status (one entry, under their name); the reporter adds a note', () => {
    const stored = concern();
    expect('status change', ['admin', 'admin who is a mentor elsewhere'], (actorId) =>
      allowed(actorId, 'update', withEntry(stored, { at: NOW, by: actorId, action: 'status', status: 'in-review' }, { status: 'in-review' }), stored),
    );
    expect('note', ['reporter', 'admin', 'admin who is a mentor elsewhere'], (actorId) =>
      allowed(actorId, 'update', withEntry(stored, { at: NOW, by: actorId, action: 'note', note: 'I spoke to Kenji.' }), stored),
    );
  });

  test('delete: nobody', () => {
    expect('delete', [], (actorId) => allowed(actorId, 'delete', concern(), concern()));
  });
});

describe('policy: concerns, what may not happen', () => {
  const stored = concern();

  test('an admin who is a member of the pairing does not read or handle its concerns (it may be about them)', () => {
    const aboutSam = concern({ pairingId: 'pair-sam', reporterId: 'lea', history: [{ at: NOW, by: 'lea', action: 'raised' }] });
    assert.equal(allowed('lea', 'read', aboutSam), true);
    assert.equal(allowed('sam', 'read', aboutSam), false, 'sam is an admin of prog but the mentor of pair-sam');
    assert.equal(allowed('priya', 'read', aboutSam), true);
    assert.equal(
      allowed('sam', 'update', withEntry(aboutSam, { at: NOW, by: 'sam', action: 'status', status: 'closed' }, { status: 'closed' }), aboutSam),
      false,
    );
  });

  test('forged creations are refused', () => {
    const create = (overrides: Partial<AnyRecord>, actor = 'ana') => can(actor, 'create', concern({ id: 'new', ...overrides }));
    assert.match(create({ reporterId: 'kenji', history: [{ at: NOW, by: 'kenji', action: 'raised' }] }).reason, /your own name/);
    assert.match(create({ programId: 'other' }).reason, /pairing's programme/);
    assert.match(create({ status: 'closed' }).reason, /open/);
    assert.match(
      create({
        history: [
          { at: NOW, by: 'ana', action: 'raised' },
          { at: NOW, by: 'ana', action: 'status', status: 'closed' },
        ],
      }).reason,
      /one entry/,
    );
    assert.match(create({ history: [{ at: NOW, by: 'ana', action: 'note', note: 'x' }] }).reason, /one entry/);
    assert.match(create({ raisedAt: '2020-01-01T00:00:00Z', history: [{ at: '2020-01-01T00:00:00Z', by: 'ana', action: 'raised' }] }).reason, /about now/);
    assert.equal(create({ pairingId: 'pair-b' }).allowed, false, 'ana is not in pair-b');
    assert.equal(
      create({ pairingId: 'pair-b', reporterId: 'olga', history: [{ at: NOW, by: 'olga', action: 'raised' }] }, 'olga').allowed,
      false,
      'an admin of another programme',
    );
  });

  test('what the reporter wrote never changes, and the trail only grows', () => {
    for (const field of ['text', 'reporterId', 'pauseRequested', 'about', 'raisedAt', 'programId']) {
      const changed = {
        ...withEntry(stored, { at: NOW, by: 'priya', action: 'note', note: 'Edited' }),
        [field]: field === 'pauseRequested' ? false : field === 'raisedAt' ? '2026-01-01T00:00:00Z' : field === 'programId' ? 'other' : 'changed',
      };
      assert.equal(allowed('priya', 'update', changed, stored), false, field);
      assert.equal(
        allowed('ana', 'update', { ...changed, history: [...(stored.history as unknown[]), { at: NOW, by: 'ana', action: 'note', note: 'x' }] }, stored),
        false,
        `${field} (reporter)`,
      );
    }
    assert.equal(allowed('priya', 'update', { ...stored, pairingId: 'pair-b' }, stored), false, 'moved to another pairing');
    assert.match(
      can('priya', 'update', { ...stored, status: 'closed', history: [{ at: NOW, by: 'priya', action: 'status', status: 'closed' }] }, stored).reason,
      /keeps every earlier entry/,
    );
    assert.match(can('priya', 'update', { ...stored, status: 'closed' }, stored).reason, /one entry/, 'a status change without its entry');
    assert.match(
      can('priya', 'update', withEntry(stored, { at: NOW, by: 'olga', action: 'status', status: 'closed' }, { status: 'closed' }), stored).reason,
      /your own name/,
    );
    assert.match(
      can('priya', 'update', withEntry(stored, { at: NOW, by: 'priya', action: 'status', status: 'in-review' }, { status: 'closed' }), stored).reason,
      /names the status/,
    );
    assert.match(
      can('priya', 'update', withEntry(stored, { at: NOW, by: 'priya', action: 'note', note: 'x' }, { status: 'closed' }), stored).reason,
      /changes nothing else/,
    );
    assert.equal(
      allowed(
        'priya',
        'update',
        withEntry(withEntry(stored, { at: NOW, by: 'priya', action: 'note', note: 'a' }), { at: NOW, by: 'priya', action: 'note', note: 'b' }),
        stored,
      ),
      false,
      'two entries at once',
    );
    assert.equal(
      allowed('priya', 'update', withEntry(stored, { at: '2020-01-01T00:00:00Z', by: 'priya', action: 'note', note: 'old' }), stored),
      false,
      'back-dated entry',
    );
  });

  test('the reporter adds notes and the pause they asked for, and cannot change the status', () => {
    assert.match(
      can('ana', 'update', withEntry(stored, { at: NOW, by: 'ana', action: 'status', status: 'closed' }, { status: 'closed' }), stored).reason,
      /never changes|admins change/,
    );
    assert.equal(allowed('ana', 'update', withEntry(stored, { at: NOW, by: 'ana', action: 'paused' }), stored), true);
    const paused = withEntry(stored, { at: NOW, by: 'ana', action: 'paused' });
    assert.match(can('ana', 'update', withEntry(paused, { at: NOW, by: 'ana', action: 'paused' }), paused).reason, /already/);
    const noPause = concern({ pauseRequested: false });
    assert.match(can('ana', 'update', withEntry(noPause, { at: NOW, by: 'ana', action: 'paused' }), noPause).reason, /asked for one/);
    assert.equal(
      allowed('kenji', 'update', withEntry(stored, { at: NOW, by: 'kenji', action: 'note', note: 'It was not me' }), stored),
      false,
      'the mentor cannot write into it',
    );
  });

  test('a closed pairing: its members may still raise a concern, and admins handle it; other collections stay read-only', () => {
    const closed = concern({ id: 'c-closed', pairingId: 'pair-closed' });
    assert.equal(allowed('ana', 'create', closed), true, 'the mentee reports after the pairing ended');
    assert.equal(allowed('maria', 'create', { ...closed, reporterId: 'maria', history: [{ at: NOW, by: 'maria', action: 'raised' }] }), true);
    assert.equal(
      allowed('priya', 'update', withEntry(closed, { at: NOW, by: 'priya', action: 'status', status: 'in-review' }, { status: 'in-review' }), closed),
      true,
    );
    assert.equal(allowed('maria', 'read', closed), false, 'the other member still cannot read it');
    // The shared rule still holds for every other pairing-scoped collection.
    assert.equal(
      decide(context, { id: 'ana' }, 'create', 'sessions', { id: 's-new', pairingId: 'pair-closed', title: 'Catch-up', start: NOW, end: NOW, timeZone: 'UTC' })
        .allowed,
      false,
    );
    assert.match(decide(context, { id: 'ana' }, 'create', 'goals', { id: 'g-new', pairingId: 'pair-closed', ownerId: 'ana', title: 'x' }).reason, /closed/);
  });

  test('the schema: readable messages, and a huge text refused', () => {
    assert.throws(
      () => concern({ text: 'x'.repeat(4001) }),
      (error: unknown) => isMentorKitError(error) && error.code === 'invalid-input' && /at most 4000 characters/.test(error.message),
    );
    assert.throws(
      () => concern({ text: '   ' }),
      (error: unknown) => isMentorKitError(error) && /must say what happened/.test(error.message),
    );
    assert.throws(
      () => concern({ about: 'message' }),
      (error: unknown) => isMentorKitError(error) && /names `messageId`/.test(error.message),
    );
    assert.throws(
      () => concern({ status: 'resolved' }),
      (error: unknown) => isMentorKitError(error) && /"open", "in-review" or "closed"/.test(error.message),
    );
    assert.throws(
      () => concern({ history: [] }),
      (error: unknown) => isMentorKitError(error) && /raised/.test(error.message),
    );
  });
});

// Where the rule comes from (issue 20). A server imports every rule (`@mentorkit/core` loads
// BUILT_IN_POLICIES, as this file does). A browser's first load does not: there the concerns feature
// brings the rule (`defineFeature({ policy })`) — checked in a process that, like a page, imports the
// client and the concerns feature but not the policy index.
const source = (path: string) => JSON.stringify(fileURLToPath(new URL(`../src/${path}`, import.meta.url)));
const PAGE = `
import { createMentorKit } from ${source('client/client.ts')};
import { createMemoryStorage } from ${source('storage/memory.ts')};
import { collectionPolicy } from ${source('policy/policy.ts')};
import { internalsOf } from ${source('client/internals.ts')};
const now = new Date().toISOString();
const person = (id, roles) => ({ id, displayName: id, roles, timeZone: 'UTC', programIds: ['prog'] });
const storage = createMemoryStorage({ seed: {
  programs: [{ id: 'prog', name: 'Programme', adminIds: ['priya'] }],
  people: [person('priya', ['admin']), person('ana', ['mentee']), person('kenji', ['mentor'])],
  pairings: [{ id: 'pair-a', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji'], status: 'active', kind: 'official', reasons: [] }],
  concerns: [{ id: 'concern-1', programId: 'prog', pairingId: 'pair-a', reporterId: 'ana', about: 'pairing', text: 'Cancelled again.',
    pauseRequested: false, status: 'open', raisedAt: now, history: [{ at: now, by: 'ana', action: 'raised' }] }],
} });
const readers = async (features) => {
  const seen = {};
  for (const user of ['ana', 'kenji', 'priya']) {
    const kit = createMentorKit({ storage, user, features });
    const concerns = kit.collection('concerns');
    await kit.ready;
    seen[user] = concerns.$records.get().map((concern) => concern.id);
  }
  return seen;
};
const out = { ruleBeforeFeature: collectionPolicy('concerns') !== undefined, withoutFeature: await readers([]) };
const { defineFeature } = await import(${source('client/feature-host.ts')});
const open = () => true;
const lookalike = defineFeature({ name: 'open-concerns', collections: ['concerns'], policy: { concerns: { scope: 'none', read: open, create: open, update: open, delete: open } }, install: () => ({}) });
try { createMentorKit({ storage, user: 'kenji', features: [lookalike] }); out.lookalike = 'installed'; } catch (error) { out.lookalike = [error.code, error.path]; }
const { concernsFeature } = await import(${source('concerns/feature.ts')});
out.ruleOnceLoaded = collectionPolicy('concerns') !== undefined;
out.withFeature = await readers([concernsFeature]);
out.ruleInstalled = collectionPolicy('concerns')?.collection;
const kenji = createMentorKit({ storage, user: 'kenji', features: [concernsFeature] });
await kenji.ready;
const refusal = (write) => write.then(() => 'written', (error) => [error.code, error.message]);
out.kenjiNote = await refusal(kenji.concerns.addNote('concern-1', 'Mine too'));
const stored = await storage.get('concerns', 'concern-1');
const { revision, updatedAt, ...concern } = stored;
const entry = { at: now, by: 'kenji', action: 'note', note: 'Mine too' };
out.kenjiUpdate = await refusal(internalsOf(kenji).write('concerns', { ...concern, history: [...concern.history, entry] }, { action: 'update', expectedRevision: revision }));
out.kenjiCreate = await refusal(internalsOf(kenji).write('concerns', { ...concern, id: 'concern-2', reporterId: 'kenji', history: [{ at: now, by: 'kenji', action: 'raised' }] }, { action: 'create' }));
console.log(JSON.stringify(out));
`;

describe('concerns rule: brought by the concerns feature in a browser, every rule on a server', () => {
  test('a server (which imports @mentorkit/core) has the concerns rule, and BUILT_IN_POLICIES lists it', () => {
    assert.equal(collectionPolicy('concerns'), concernsPolicy);
    assert.ok(BUILT_IN_POLICIES.includes(concernsPolicy));
    assert.deepEqual(
      BUILT_IN_POLICIES.map((policy) => policy.collection).filter((name, index, all) => all.indexOf(name) !== index),
      [],
      'one rule per collection',
    );
  });

  test("a page's clients: no concerns until the feature is installed; then the reporter and the admin read, the pairing's mentor neither reads nor writes", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', PAGE], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
    });
    assert.deepEqual(JSON.parse(stdout), {
      ruleBeforeFeature: false,
      withoutFeature: { ana: [], kenji: [], priya: [] },
      lookalike: ['conflict', 'feature.policy.concerns'], // only the built-in rule may be brought for a built-in collection
      ruleOnceLoaded: false,
      withFeature: { ana: ['concern-1'], kenji: [], priya: ['concern-1'] },
      ruleInstalled: 'concerns',
      kenjiNote: ['not-found', 'No concern "concern-1" is visible to you.'],
      kenjiUpdate: ['forbidden', "Only the programme's admins handle a concern; the person who raised it may add a note."],
      kenjiCreate: 'written', // a member of the pairing raises one under his own name
    });
  });
});
