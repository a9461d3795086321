// The classes of holes the access matrix does not walk cell by cell, over real HTTP on PostgreSQL:
// what is stored is the validated record and nothing more; a record one may not read cannot be found
// out by writing to its id; a deleted pairing's id is never reused; held feedback is revealed on the
// server only once the revealer has submitted theirs; a refusal reaches no one's change stream.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { seedDemoProgram } from '../src/demo-program.js';
import { createPostgresStorage } from '../src/store.js';
import { as, skipReason, startTestBackend, type TestBackend } from './support.js';

const skip = skipReason();
const LUCIA = 'lucia-fernandez'; // mentee of pairing-lucia (mentors kenji-watanabe, arjun-shrestha)
const DANIEL = 'daniel-kim'; // mentee of pairing-daniel (mentor kenji-watanabe)
const KENJI = 'kenji-watanabe';
const PRIYA = 'priya-raman'; // programme admin

describe('access classes over HTTP on PostgreSQL', { skip: skip ?? false }, () => {
  let backend: TestBackend;
  before(async () => {
    backend = await startTestBackend();
  });
  after(async () => {
    await backend?.close();
  });
  beforeEach(async () => {
    await backend.reset();
    await seedDemoProgram(createPostgresStorage(backend.pool));
  });

  const call = async (method: string, path: string, personId: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${backend.url}${path}`, {
      method,
      headers: { ...as(personId), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  const stored = (collection: string, id: string) => createPostgresStorage(backend.pool).get(collection, id);
  const goal = (id: string, pairingId: string, ownerId: string, extra: Record<string, unknown> = {}) => ({
    id,
    pairingId,
    ownerId,
    title: `Goal ${id}`,
    dueDate: '2027-03-01',
    ...extra,
  });

  test('the server stores the validated record: unknown fields (900 kB of padding, a forged revision or author) are dropped, defaults filled in', async () => {
    const body = {
      ...goal('goal-padded', 'pairing-lucia', LUCIA),
      padding: 'x'.repeat(900_000),
      isAdmin: true,
      updatedBy: KENJI,
      createdAt: '1999-01-01T00:00:00.000Z',
      revision: 99,
    };
    const answer = await call('PUT', '/collections/goals/records/goal-padded', LUCIA, body);
    assert.equal(answer.status, 201);
    const record = (await stored('goals', 'goal-padded'))!;
    assert.equal(record.padding, undefined);
    assert.equal(record.isAdmin, undefined);
    assert.equal(record.revision, 1);
    assert.equal(record.updatedBy, LUCIA, 'the caller, not the body');
    assert.notEqual(record.createdAt, '1999-01-01T00:00:00.000Z', "the server's clock, not the body");
    assert.equal(record.visibility, 'pairing', 'defaults filled in');
    assert.ok(JSON.stringify(record).length < 1000);
    assert.equal(answer.json.padding, undefined, 'the answer is what was stored');
  });

  test('a record one may not read cannot be found out by writing to its id: the same refusal as a free id', async () => {
    await createPostgresStorage(backend.pool).put('goals', goal('goal-daniel-private', 'pairing-daniel', DANIEL, { visibility: 'private' }));
    // Lucía writes a goal into Daniel's pairing: refused with the same words whether the id is taken or free.
    const taken = await call('PUT', '/collections/goals/records/goal-daniel-private', LUCIA, goal('goal-daniel-private', 'pairing-daniel', LUCIA));
    const free = await call('PUT', '/collections/goals/records/goal-free', LUCIA, goal('goal-free', 'pairing-daniel', LUCIA));
    assert.equal(taken.status, 403);
    assert.deepEqual([taken.status, taken.json.code, taken.json.message], [free.status, free.json.code, free.json.message]);
    assert.doesNotMatch(String(taken.json.message), /private/, 'nothing about the hidden goal');
    // With If-Match, both are the precondition failure of a record that is not there.
    const takenIfMatch = await call('PUT', '/collections/goals/records/goal-daniel-private', LUCIA, goal('goal-daniel-private', 'pairing-lucia', LUCIA), {
      'if-match': '"1"',
    });
    const freeIfMatch = await call('PUT', '/collections/goals/records/goal-free-2', LUCIA, goal('goal-free-2', 'pairing-lucia', LUCIA), { 'if-match': '"1"' });
    assert.deepEqual([takenIfMatch.status, takenIfMatch.json.code], [freeIfMatch.status, freeIfMatch.json.code]);
    // Her mentor cannot read a private goal of Daniel's either, nor learn it by deleting it.
    const deleteTaken = await call('DELETE', '/collections/goals/records/goal-daniel-private', KENJI);
    const deleteFree = await call('DELETE', '/collections/goals/records/goal-nothing', KENJI);
    assert.deepEqual([deleteTaken.status, deleteTaken.json.code], [deleteFree.status, deleteFree.json.code]);
    assert.equal((await stored('goals', 'goal-daniel-private'))?.title, 'Goal goal-daniel-private', 'untouched');
  });

  test("a deleted pairing's id is never created again, so nobody inherits its records", async () => {
    const database = createPostgresStorage(backend.pool);
    await database.put('goals', goal('goal-old', 'pairing-daniel', DANIEL));
    const pairing = (await stored('pairings', 'pairing-daniel'))!;
    assert.equal((await call('DELETE', '/collections/pairings/records/pairing-daniel', PRIYA, undefined, { 'if-match': `"${pairing.revision}"` })).status, 200);
    const { revision: _revision, updatedAt: _updatedAt, createdAt: _createdAt, updatedBy: _updatedBy, ...fields } = pairing;
    const again = await call('PUT', '/collections/pairings/records/pairing-daniel', PRIYA, { ...fields, menteeId: LUCIA, mentorIds: [KENJI] });
    assert.equal(again.status, 412);
    assert.equal(again.json.code, 'conflict');
    assert.match(String(again.json.message), /never used again/);
    assert.equal(await stored('pairings', 'pairing-daniel'), undefined);
    assert.equal((await call('GET', '/collections/goals/records/goal-old', LUCIA)).status, 404, "the old pairing's goal stays out of reach");
  });

  test('held feedback is revealed on the server only by a member who submitted theirs for the same session', async () => {
    const database = createPostgresStorage(backend.pool);
    const session = {
      id: 'session-1',
      pairingId: 'pairing-lucia',
      title: 'Review',
      start: '2026-11-03T09:00:00.000Z',
      end: '2026-11-03T10:00:00.000Z',
      timeZone: 'Europe/Madrid',
    };
    await database.put('sessions', session);
    const held = {
      id: 'feedback-lucia',
      pairingId: 'pairing-lucia',
      sessionId: 'session-1',
      authorId: LUCIA,
      rating: 5,
      helped: 'Everything',
      revealWhenBothSubmitted: true,
      submittedAt: '2026-11-03T10:05:00.000Z',
      editableUntil: '2027-01-01T00:00:00.000Z',
    };
    await database.put('feedback', held);
    assert.equal((await call('GET', '/collections/feedback/records/feedback-lucia', KENJI)).status, 404, 'held from her mentor');
    const early = await call(
      'PUT',
      '/collections/feedback/records/feedback-lucia',
      KENJI,
      { ...held, revealedAt: '2026-11-04T00:00:00.000Z', revealedBy: KENJI },
      { 'if-match': '"1"' },
    );
    assert.equal(early.status, 403, 'he has not submitted his, so he may not even see it');
    assert.doesNotMatch(String(early.json.message), /held|both sides|revealed/, 'the refusal says nothing about a note he may not see');
    assert.equal((await stored('feedback', 'feedback-lucia'))?.revealedAt, undefined);
    // A note of his on another session does not count.
    await database.put('sessions', { ...session, id: 'session-2' });
    assert.equal(
      (
        await call('PUT', '/collections/feedback/records/feedback-kenji-2', KENJI, {
          id: 'feedback-kenji-2',
          pairingId: 'pairing-lucia',
          sessionId: 'session-2',
          authorId: KENJI,
          rating: 3,
          submittedAt: new Date().toISOString(),
        })
      ).status,
      201,
    );
    assert.equal((await call('GET', '/collections/feedback/records/feedback-lucia', KENJI)).status, 404);
    const mine = {
      id: 'feedback-kenji',
      pairingId: 'pairing-lucia',
      sessionId: 'session-1',
      authorId: KENJI,
      rating: 4,
      submittedAt: new Date().toISOString(),
    };
    assert.equal((await call('PUT', '/collections/feedback/records/feedback-kenji', KENJI, mine)).status, 201);
    assert.equal((await call('GET', '/collections/feedback/records/feedback-lucia', KENJI)).status, 200, 'both submitted: he sees hers');
    const listed = await call('GET', `/collections/feedback/records?sessionId=${encodeURIComponent('"session-1"')}`, KENJI);
    assert.deepEqual((listed.json.records as Array<{ id: string }>).map((note) => note.id).sort(), ['feedback-kenji', 'feedback-lucia']);
    assert.equal((await call('GET', '/collections/feedback/records/feedback-lucia', 'arjun-shrestha')).status, 404, 'the co-mentor has not submitted his');
    const reveal = await call(
      'PUT',
      '/collections/feedback/records/feedback-lucia',
      KENJI,
      { ...held, revealedAt: '2026-11-04T09:01:00.000Z', revealedBy: KENJI },
      { 'if-match': '"1"' },
    );
    assert.equal(reveal.status, 200);
    assert.equal((await call('GET', '/collections/feedback/records/feedback-lucia', KENJI)).status, 200);
  });

  test("a message or a feedback note cannot be moved into another pairing, and the other pair's change stream hears nothing", async () => {
    const events: string[] = [];
    const controller = new AbortController();
    const stream = await fetch(`${backend.url}/changes`, { headers: { ...as(DANIEL), accept: 'text/event-stream' }, signal: controller.signal });
    const reader = (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of stream.body!) events.push(decoder.decode(chunk as Uint8Array));
      } catch {
        // aborted
      }
    })();
    const message = { id: 'message-1', pairingId: 'pairing-lucia', authorId: LUCIA, kind: 'text', text: 'For Kenji only', sentAt: new Date().toISOString() };
    assert.equal((await call('PUT', '/collections/messages/records/message-1', LUCIA, message)).status, 201);
    const moved = await call('PUT', '/collections/messages/records/message-1', LUCIA, { ...message, pairingId: 'pairing-daniel' }, { 'if-match': '"1"' });
    assert.equal(moved.status, 403);
    assert.equal((await stored('messages', 'message-1'))?.pairingId, 'pairing-lucia');
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    await reader;
    assert.ok(!events.join('').includes('message-1'), "Daniel's stream never carried the message");
  });

  describe('what the red team found (each reproduced as they sent it)', () => {
    const now = () => new Date().toISOString();
    const hours = { 1: ['09:00-17:00'], 2: ['09:00-17:00'] };
    const proposedAt = now();
    const agreement = (extra: Record<string, unknown> = {}) => ({
      id: 'pairing-lucia.agreement',
      pairingId: 'pairing-lucia',
      cadence: 'weekly',
      channels: [{ kind: 'video' }],
      responseTimeHours: 24,
      participants: [
        { personId: LUCIA, timeZone: 'Europe/Madrid', workingHours: hours },
        { personId: KENJI, timeZone: 'Asia/Tokyo', workingHours: hours },
      ],
      version: 1,
      confirmations: [],
      history: [{ version: 1, at: proposedAt, by: LUCIA, changed: ['cadence'] }],
      proposedBy: LUCIA,
      ...extra,
    });

    test('F1: an admin cannot put herself into a pairing to read it, nor change a closed one', async () => {
      const pairing = (await stored('pairings', 'pairing-daniel'))!;
      const { revision, updatedAt: _u, createdAt: _c, updatedBy: _b, ...fields } = pairing;
      const joined = await call(
        'PUT',
        '/collections/pairings/records/pairing-daniel',
        PRIYA,
        { ...fields, mentorIds: [KENJI, PRIYA] },
        { 'if-match': `"${revision}"` },
      );
      assert.equal(joined.status, 403);
      assert.match(String(joined.json.message), /cannot add yourself|mentor role/);
      await createPostgresStorage(backend.pool).put('pairings', { ...fields, status: 'closed' });
      const closed = (await stored('pairings', 'pairing-daniel'))!;
      const changed = await call(
        'PUT',
        '/collections/pairings/records/pairing-daniel',
        PRIYA,
        { ...fields, status: 'closed', reasons: ['edited after the end'] },
        { 'if-match': `"${closed.revision}"` },
      );
      assert.equal(changed.status, 403);
      assert.match(String(changed.json.message), /final/);
    });

    test("F4: nobody creates another pair's agreement, rapport record or read marker id first", async () => {
      const squats: Array<[string, string, Record<string, unknown>]> = [
        ['message-reads', 'pairing-lucia~lucia-fernandez', { pairingId: 'pairing-daniel', personId: DANIEL, lastReadAt: now() }],
        ['rapport', 'rapport-pairing-lucia', { pairingId: 'pairing-daniel', dealt: [] }],
        [
          'agreements',
          'pairing-lucia.agreement',
          {
            ...agreement({
              pairingId: 'pairing-daniel',
              participants: [
                { personId: DANIEL, timeZone: 'Europe/Madrid', workingHours: hours },
                { personId: KENJI, timeZone: 'Asia/Tokyo', workingHours: hours },
              ],
              history: [{ version: 1, at: now(), by: DANIEL, changed: ['cadence'] }],
              proposedBy: DANIEL,
            }),
          },
        ],
      ];
      for (const [collection, id, body] of squats) {
        const answer = await call('PUT', `/collections/${collection}/records/${encodeURIComponent(id)}`, DANIEL, { id, ...body }, { 'if-none-match': '*' });
        assert.equal(answer.status, 403, `${collection}/${id}: ${String(answer.json.message)}`);
        assert.match(String(answer.json.message), /belongs to another pairing/);
      }
      const own = await call('PUT', '/collections/agreements/records/pairing-lucia.agreement', LUCIA, agreement(), { 'if-none-match': '*' });
      assert.equal(own.status, 201, 'the pair creates its own');
    });

    test("F5: an agreement is confirmed by each person for themself, proposed under one's name, and keeps its history", async () => {
      assert.equal((await call('PUT', '/collections/agreements/records/pairing-lucia.agreement', LUCIA, agreement(), { 'if-none-match': '*' })).status, 201);
      const forged = await call(
        'PUT',
        '/collections/agreements/records/pairing-lucia.agreement',
        LUCIA,
        agreement({
          confirmations: [
            { personId: LUCIA, version: 1, at: now() },
            { personId: KENJI, version: 1, at: now() },
          ],
        }),
        { 'if-match': '"1"' },
      );
      assert.equal(forged.status, 403);
      assert.match(String(forged.json.message), /for themself/);
      assert.equal(
        (await call('PUT', '/collections/agreements/records/pairing-lucia.agreement', LUCIA, agreement({ proposedBy: KENJI }), { 'if-match': '"1"' })).status,
        403,
      );
      assert.equal(
        (await call('PUT', '/collections/agreements/records/pairing-lucia.agreement', LUCIA, agreement({ history: [] }), { 'if-match': '"1"' })).status,
        403,
      );
      const lastConfirmed = await call(
        'PUT',
        '/collections/agreements/records/pairing-lucia.agreement',
        LUCIA,
        agreement({ confirmations: [{ personId: LUCIA, version: 1, at: now() }], lastConfirmed: { version: 1, at: now(), terms: {} } }),
        { 'if-match': '"1"' },
      );
      assert.equal(lastConfirmed.status, 403, 'lastConfirmed before the mentor confirmed');
      const mine = await call(
        'PUT',
        '/collections/agreements/records/pairing-lucia.agreement',
        LUCIA,
        agreement({ confirmations: [{ personId: LUCIA, version: 1, at: now() }] }),
        { 'if-match': '"1"' },
      );
      assert.equal(mine.status, 200, 'her own confirmation');
    });

    test('F6: a message changes only through its audit trail; a new one has no history and a plausible sentAt', async () => {
      const message = { id: 'm-silent', pairingId: 'pairing-lucia', authorId: LUCIA, kind: 'text', text: 'I agree to the plan', sentAt: now() };
      assert.equal((await call('PUT', '/collections/messages/records/m-silent', LUCIA, message)).status, 201);
      const silent = await call(
        'PUT',
        '/collections/messages/records/m-silent',
        LUCIA,
        { ...message, text: 'I never agreed to anything' },
        { 'if-match': '"1"' },
      );
      assert.equal(silent.status, 403, 'an edit without a history entry');
      const edited = await call(
        'PUT',
        '/collections/messages/records/m-silent',
        LUCIA,
        {
          ...message,
          text: 'I agree to most of the plan',
          editedAt: now(),
          history: [{ action: 'edited', at: now(), by: LUCIA, previousText: 'I agree to the plan' }],
        },
        { 'if-match': '"1"' },
      );
      assert.equal(edited.status, 200, `an edit that keeps the previous text: ${String(edited.json.message)}`);
      const deletedHistory = [...(edited.json.history as unknown[]), { action: 'deleted', at: now(), by: LUCIA }];
      const { revision: _revision, updatedAt: _updatedAt, createdAt: _createdAt, updatedBy: _updatedBy, ...current } = edited.json;
      const deleted = await call(
        'PUT',
        '/collections/messages/records/m-silent',
        LUCIA,
        { ...current, text: undefined, deletedAt: now(), history: deletedHistory },
        { 'if-match': '"2"' },
      );
      assert.equal(deleted.status, 200);
      const undeleted = await call(
        'PUT',
        '/collections/messages/records/m-silent',
        LUCIA,
        { ...message, text: 'back from the dead', history: [...deletedHistory, { action: 'edited', at: now(), by: LUCIA, previousText: '' }] },
        { 'if-match': '"3"' },
      );
      assert.equal(undeleted.status, 403, 'a deleted message is final');
      const invented = await call('PUT', '/collections/messages/records/m-invented', LUCIA, {
        ...message,
        id: 'm-invented',
        history: [{ action: 'edited', at: now(), by: KENJI, previousText: 'something rude' }],
      });
      assert.equal(invented.status, 403, 'no history at creation');
      const backdated = await call('PUT', '/collections/messages/records/m-old', LUCIA, { ...message, id: 'm-old', sentAt: '2020-01-01T00:00:00.000Z' });
      assert.equal(backdated.status, 403, 'sentAt about now');
    });

    test('F7: a draft does not open held feedback, a sent note cannot be removed, deadlines are bounded', async () => {
      const database = createPostgresStorage(backend.pool);
      await database.put('sessions', {
        id: 'session-9',
        pairingId: 'pairing-lucia',
        title: 'Review',
        start: now(),
        end: new Date(Date.now() + 3_600_000).toISOString(),
        timeZone: 'Europe/Madrid',
      });
      await database.put('feedback', {
        id: 'f-lucia-held',
        pairingId: 'pairing-lucia',
        sessionId: 'session-9',
        authorId: LUCIA,
        rating: 5,
        helped: 'HELD',
        revealWhenBothSubmitted: true,
        submittedAt: now(),
      });
      assert.equal(
        (
          await call('PUT', '/collections/feedback/records/f-kenji-draft', KENJI, {
            id: 'f-kenji-draft',
            pairingId: 'pairing-lucia',
            sessionId: 'session-9',
            authorId: KENJI,
            rating: 1,
          })
        ).status,
        201,
      );
      assert.equal((await call('GET', '/collections/feedback/records/f-lucia-held', KENJI)).status, 404, 'a draft he never sent does not count');
      assert.equal((await call('DELETE', '/collections/feedback/records/f-lucia-held', LUCIA)).status, 403, 'a sent note stays');
      const forever = await call('PUT', '/collections/feedback/records/f-forever', LUCIA, {
        id: 'f-forever',
        pairingId: 'pairing-lucia',
        sessionId: 'session-9',
        authorId: LUCIA,
        rating: 4,
        submittedAt: now(),
        editableUntil: '2099-01-01T00:00:00.000Z',
      });
      assert.equal(forever.status, 403);
      assert.match(String(forever.json.message), /60 days/);
    });

    test("F9: sessions, coaching runs and dealt prompts are written under one's own name", async () => {
      const session = {
        id: 'session-forged',
        pairingId: 'pairing-lucia',
        title: 'Review',
        start: now(),
        end: new Date(Date.now() + 3_600_000).toISOString(),
        timeZone: 'Europe/Madrid',
        organizerId: LUCIA,
      };
      assert.equal((await call('PUT', '/collections/sessions/records/session-forged', KENJI, session)).status, 403);
      assert.equal(
        (
          await call('PUT', '/collections/coaching-runs/records/run-forged', KENJI, {
            id: 'run-forged',
            pairingId: 'pairing-lucia',
            modelId: 'grow',
            state: {},
            startedBy: LUCIA,
            startedAt: now(),
          })
        ).status,
        403,
      );
      assert.equal(
        (
          await call('PUT', '/collections/rapport/records/rapport-pairing-lucia', KENJI, {
            id: 'rapport-pairing-lucia',
            pairingId: 'pairing-lucia',
            dealt: [{ promptId: 'two-truths', at: now(), by: LUCIA }],
          })
        ).status,
        403,
      );
      assert.equal(
        (
          await call('PUT', '/collections/rapport/records/rapport-pairing-lucia', KENJI, {
            id: 'rapport-pairing-lucia',
            pairingId: 'pairing-lucia',
            dealt: [{ promptId: 'two-truths', at: now(), by: KENJI }],
          })
        ).status,
        201,
      );
    });
  });

  describe('what the second red team found', () => {
    const now = () => new Date().toISOString();
    const hours = { 1: ['09:00-17:00'], 2: ['09:00-17:00'] };
    const strip = (record: Record<string, unknown>) => {
      const { revision: _r, updatedAt: _u, createdAt: _c, updatedBy: _b, ...rest } = record;
      return rest;
    };

    test('N1: a message is never removed, so it cannot be re-created with other words in its place', async () => {
      const message = { id: 'n1-m', pairingId: 'pairing-lucia', authorId: KENJI, kind: 'text', text: 'I will review your plan by Friday.', sentAt: now() };
      assert.equal((await call('PUT', '/collections/messages/records/n1-m', KENJI, message)).status, 201);
      const removed = await call('DELETE', '/collections/messages/records/n1-m', KENJI, undefined, { 'if-match': '"1"' });
      assert.equal(removed.status, 403);
      assert.equal((await stored('messages', 'n1-m'))?.text, 'I will review your plan by Friday.');
      const old = await call('PUT', '/collections/messages/records/n1-old', KENJI, {
        ...message,
        id: 'n1-old',
        sentAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
      });
      assert.equal(old.status, 403, 'at most a week back');
    });

    test('N2/N3: the terms change only with a new version; history and lastConfirmed cannot be wiped or dropped', async () => {
      const at = now();
      const base = {
        id: 'pairing-lucia.agreement',
        pairingId: 'pairing-lucia',
        cadence: 'weekly',
        channels: [{ kind: 'video' }],
        responseTimeHours: 24,
        participants: [
          { personId: LUCIA, timeZone: 'Europe/Madrid', workingHours: hours },
          { personId: KENJI, timeZone: 'Asia/Tokyo', workingHours: hours },
        ],
        version: 1,
        confirmations: [
          { personId: LUCIA, version: 1, at },
          { personId: KENJI, version: 1, at },
        ],
        history: [
          { version: 1, at, by: LUCIA, changed: ['cadence'] },
          { version: 1, at, by: KENJI, changed: ['notes'] },
        ],
        proposedBy: LUCIA,
      };
      const terms = {
        cadence: 'weekly',
        channels: [{ kind: 'video' }],
        responseTimeHours: 24,
        participants: base.participants,
        sessionMinutes: 60,
        offLimitsDays: [],
        offLimitsDates: [],
        coachingModel: 'grow',
        checkInLevel: 'regular',
      };
      await createPostgresStorage(backend.pool).put('agreements', { ...base, lastConfirmed: { version: 1, at, terms } });
      const current = strip((await stored('agreements', 'pairing-lucia.agreement'))!);
      const quiet = await call(
        'PUT',
        '/collections/agreements/records/pairing-lucia.agreement',
        LUCIA,
        {
          ...current,
          cadence: 'ad-hoc',
          responseTimeHours: 1,
          lastConfirmed: { version: 1, at, terms: { ...terms, cadence: 'ad-hoc', responseTimeHours: 1 } },
        },
        { 'if-match': '"1"' },
      );
      assert.equal(quiet.status, 403, 'new terms under the confirmed version');
      assert.match(String(quiet.json.message), /new version/);
      const jump = await call(
        'PUT',
        '/collections/agreements/records/pairing-lucia.agreement',
        LUCIA,
        { ...current, version: 1_000_000_000 },
        { 'if-match': '"1"' },
      );
      assert.equal(jump.status, 403);
      const unconfirmed = await call(
        'PUT',
        '/collections/agreements/records/pairing-lucia.agreement',
        LUCIA,
        { ...current, lastConfirmed: undefined },
        { 'if-match': '"1"' },
      );
      assert.equal(unconfirmed.status, 403);
      const flood = Array.from({ length: 100 }, (_, index) => ({ version: 1, at, by: LUCIA, changed: [`x${index}`] }));
      const wiped = await call('PUT', '/collections/agreements/records/pairing-lucia.agreement', LUCIA, { ...current, history: flood }, { 'if-match': '"1"' });
      assert.equal(wiped.status, 403, 'a full history is not replaced in one write');
    });

    test('N8: a sent note without its own deadline is editable for 60 days, not forever', async () => {
      const old = new Date(Date.now() - 61 * 86_400_000).toISOString();
      await createPostgresStorage(backend.pool).put('feedback', {
        id: 'n8-f',
        pairingId: 'pairing-lucia',
        sessionId: 's-x',
        authorId: LUCIA,
        rating: 3,
        submittedAt: old,
      });
      const edit = await call(
        'PUT',
        '/collections/feedback/records/n8-f',
        LUCIA,
        { id: 'n8-f', pairingId: 'pairing-lucia', sessionId: 's-x', authorId: LUCIA, rating: 5, submittedAt: old },
        { 'if-match': '"1"' },
      );
      assert.equal(edit.status, 403);
      assert.match(String(edit.json.message), /could be edited until/);
    });

    test("N9: an edited mentors' note is not shared, so its earlier wording never reaches the mentee", async () => {
      const t0 = now();
      const note = {
        id: 'n9-note',
        pairingId: 'pairing-lucia',
        authorId: KENJI,
        kind: 'text',
        text: 'Lucía could use support on planning.',
        mentorsOnly: true,
        sentAt: t0,
        editedAt: t0,
        history: [{ action: 'edited', at: t0, by: KENJI, previousText: 'Something said in confidence.' }],
      };
      await createPostgresStorage(backend.pool).put('messages', note);
      const shared = await call(
        'PUT',
        '/collections/messages/records/n9-note',
        KENJI,
        { ...note, mentorsOnly: false, sentAt: now(), history: [...note.history, { action: 'shared', at: now(), by: KENJI }] },
        { 'if-match': '"1"' },
      );
      assert.equal(shared.status, 403);
      assert.equal((await call('GET', '/collections/messages/records/n9-note', LUCIA)).status, 404);
    });

    test("N10/N11: a person in two programmes is changed only by an admin of both; a new profile of one's own is a mentee", async () => {
      const database = createPostgresStorage(backend.pool);
      await database.put('programs', { id: 'n10-other', name: 'Other', adminIds: ['zed'] });
      await database.put('people', { id: 'zed', displayName: 'Zed', roles: ['admin'], timeZone: 'UTC', programIds: ['n10-other'] });
      const both = { id: 'n10-x', displayName: 'X', roles: ['mentee'], timeZone: 'UTC', programIds: ['acme-eng-2026', 'n10-other'] };
      await database.put('people', both);
      assert.equal((await call('PUT', '/collections/people/records/n10-x', 'zed', { ...both, roles: ['admin', 'mentor'] }, { 'if-match': '"1"' })).status, 403);
      assert.equal(
        (await call('PUT', '/collections/people/records/n10-x', 'zed', { ...both, email: 'attacker@evil.example' }, { 'if-match': '"1"' })).status,
        403,
      );
      const self = await call(
        'PUT',
        '/collections/people/records/n11-self',
        'n11-self',
        { id: 'n11-self', displayName: 'Self', roles: ['mentor', 'mentee'], timeZone: 'UTC' },
        { 'if-none-match': '*' },
      );
      assert.equal(self.status, 403);
      assert.equal(
        (
          await call(
            'PUT',
            '/collections/people/records/n11-self',
            'n11-self',
            { id: 'n11-self', displayName: 'Self', roles: ['mentee'], timeZone: 'UTC' },
            { 'if-none-match': '*' },
          )
        ).status,
        201,
      );
    });

    test('N15: an edit made only of invisible characters, or stamped in the past, is refused', async () => {
      const message = { id: 'n15-m', pairingId: 'pairing-lucia', authorId: LUCIA, kind: 'text', text: 'Hello', sentAt: now() };
      assert.equal((await call('PUT', '/collections/messages/records/n15-m', LUCIA, message)).status, 201);
      const invisible = await call(
        'PUT',
        '/collections/messages/records/n15-m',
        LUCIA,
        { ...message, text: '\u200B', editedAt: now(), history: [{ action: 'edited', at: now(), by: LUCIA, previousText: 'Hello' }] },
        { 'if-match': '"1"' },
      );
      assert.equal(invisible.status, 403);
      const backdated = await call(
        'PUT',
        '/collections/messages/records/n15-m',
        LUCIA,
        {
          ...message,
          text: 'Hello there',
          editedAt: '2001-01-01T00:00:00.000Z',
          history: [{ action: 'edited', at: '2001-01-01T00:00:00.000Z', by: LUCIA, previousText: 'Hello' }],
        },
        { 'if-match': '"1"' },
      );
      assert.equal(backdated.status, 403);
    });
  });
});
