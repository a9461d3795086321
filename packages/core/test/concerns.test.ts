import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryStorage, createMentorKit, isMentorKitError, type DomainEvent, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { concernsFeature, ConcernEventType, type ConcernsApi } from '@mentorkit/core/concerns';
import { isXapiEventType, toXapiStatement } from '@mentorkit/core/xapi';
import { internalsOf } from '../src/client/internals.js';

const PROGRAM = { id: 'prog', name: 'Mentoring 2026', adminIds: ['priya'] };
const OTHER = { id: 'other', name: 'Other programme', adminIds: ['olga'] };
const person = (id: string, roles: Array<'mentee' | 'mentor' | 'admin'>, programIds = ['prog']) => ({
  id,
  displayName: id.toUpperCase(),
  roles,
  timeZone: 'Europe/Madrid',
  programIds,
});
const SECRET = 'He asked me to keep our chats off the record.';

function seededStorage(pairingStatus = 'active'): StorageAdapter {
  return createMemoryStorage({
    seed: {
      programs: [PROGRAM, OTHER],
      people: [
        person('priya', ['admin']),
        person('olga', ['admin'], ['other']),
        person('ana', ['mentee']),
        person('kenji', ['mentor']),
        person('arjun', ['mentor']),
        person('dan', ['mentee']),
        person('maria', ['mentor']),
      ],
      pairings: [
        { id: 'p-ana', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji', 'arjun'], status: pairingStatus, kind: 'official', reasons: [] },
        { id: 'p-dan', programId: 'prog', menteeId: 'dan', mentorIds: ['maria'], status: 'active', kind: 'official', reasons: [] },
      ],
      messages: [
        {
          id: 'm-kenji',
          pairingId: 'p-ana',
          authorId: 'kenji',
          kind: 'text',
          text: 'Let us keep this between us, <b>ok</b>?',
          sentAt: '2026-10-13T20:00:00Z',
          history: [],
        },
        { id: 'm-ana', pairingId: 'p-ana', authorId: 'ana', kind: 'text', text: 'Thanks!', sentAt: '2026-10-13T20:05:00Z', history: [] },
        { id: 'm-dan', pairingId: 'p-dan', authorId: 'maria', kind: 'text', text: 'See you', sentAt: '2026-10-13T20:05:00Z', history: [] },
      ],
    },
  });
}

const clock = '2026-10-14T09:00:00.000Z';
let ids = 0;
async function client(storage: StorageAdapter, userId: string): Promise<{ kit: MentorKit; concerns: ConcernsApi; events: DomainEvent[] }> {
  const kit = createMentorKit({ storage, user: userId, now: () => clock, generateId: () => `id-${++ids}` });
  const concerns = kit.use(concernsFeature);
  const events: DomainEvent[] = [];
  kit.on('*', (event) => events.push(event));
  await kit.ready;
  await concerns.ready;
  return { kit, concerns, events };
}

async function rejectsWith(promise: Promise<unknown>, code: string, pattern?: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isMentorKitError(error, code as never), `expected ${code}, got ${String(error)}`);
    if (pattern) assert.match((error as Error).message, pattern);
    return true;
  });
}

describe('concerns feature', () => {
  test('the mentee raises a concern: open, trail, event without text; only she and the admin see it', async () => {
    const storage = seededStorage();
    const { concerns, events } = await client(storage, 'ana');
    const { concern, pause } = await concerns.raise({ pairingId: 'p-ana', text: SECRET });
    assert.equal(pause, 'not-requested');
    assert.equal(concern.status, 'open');
    assert.equal(concern.reporterId, 'ana');
    assert.equal(concern.programId, 'prog');
    assert.equal(concern.about, 'pairing');
    assert.equal(concern.pauseRequested, false);
    assert.deepEqual(concern.history, [{ at: clock, by: 'ana', action: 'raised' }]);
    assert.deepEqual(
      concerns.$concerns.get().map((entry) => entry.id),
      [concern.id],
    );
    const raised = events.find((event) => event.type === ConcernEventType.concernRaised)!;
    assert.equal(raised.pairingId, 'p-ana');
    assert.ok(!JSON.stringify(raised).includes('off the record'), 'the event carries no text');

    for (const other of ['kenji', 'arjun', 'dan', 'olga']) {
      const { concerns: theirs } = await client(storage, other);
      assert.deepEqual(theirs.$concerns.get(), [], `${other} sees nothing`);
      assert.throws(
        () => theirs.get(concern.id),
        (error: unknown) => isMentorKitError(error, 'not-found'),
        other,
      );
    }
    const { concerns: admin } = await client(storage, 'priya');
    assert.deepEqual(
      admin.$concerns.get().map((entry) => entry.text),
      [SECRET],
    );
    assert.equal(admin.canHandle(concern.id), true);
    assert.equal(concerns.canHandle(concern.id), false, 'the reporter does not handle her own concern');
  });

  test('the admin reviews and closes it with notes; the trail grows; the reporter adds a note and cannot change the status', async () => {
    const storage = seededStorage();
    const { concerns: ana } = await client(storage, 'ana');
    const { concern } = await ana.raise({ pairingId: 'p-ana', text: SECRET });
    const { concerns: admin, events } = await client(storage, 'priya');
    const reviewing = await admin.setStatus(concern.id, 'in-review', { note: 'Calling Ana tomorrow.' });
    assert.equal(reviewing.status, 'in-review');
    const changed = events.find((event) => event.type === ConcernEventType.concernStatusChanged)!;
    assert.deepEqual(changed.data, { from: 'open', to: 'in-review' });
    assert.ok(!JSON.stringify(changed).includes('Calling'), 'no note in the event');
    await rejectsWith(admin.setStatus(concern.id, 'in-review'), 'invalid-input', /already in review/);
    await admin.addNote(concern.id, 'Spoke to both.');
    const closed = await admin.setStatus(concern.id, 'closed');
    assert.deepEqual(
      closed.history.map((entry) => [entry.action, entry.by, entry.status ?? null, entry.note ?? null]),
      [
        ['raised', 'ana', null, null],
        ['status', 'priya', 'in-review', 'Calling Ana tomorrow.'],
        ['note', 'priya', null, 'Spoke to both.'],
        ['status', 'priya', 'closed', null],
      ],
    );
    await ana.ready;
    await rejectsWith(ana.setStatus(concern.id, 'open'), 'forbidden');
    const noted = await ana.addNote(concern.id, 'Thank you.');
    assert.equal(noted.history.at(-1)!.by, 'ana');
    await rejectsWith(ana.addNote(concern.id, '  '), 'invalid-input', /Say what happened/);
    await rejectsWith(admin.setStatus(concern.id, 'done' as never), 'invalid-input', /"open", "in-review" or "closed"/);
  });

  test('pause: the pairing is paused at once and the trail says so; already paused; a refused pause still raises the concern', async () => {
    const storage = seededStorage();
    const { kit, concerns } = await client(storage, 'ana');
    const result = await concerns.raise({ pairingId: 'p-ana', text: SECRET, pause: true });
    assert.equal(result.pause, 'paused');
    assert.equal(kit.pairings.get('p-ana').status, 'paused');
    assert.deepEqual(
      result.concern.history.map((entry) => entry.action),
      ['raised', 'paused'],
    );
    const again = await concerns.raise({ pairingId: 'p-ana', text: 'And again.', pause: true });
    assert.equal(again.pause, 'already-paused');
    assert.deepEqual(
      again.concern.history.map((entry) => entry.action),
      ['raised'],
    );

    // A closed pairing cannot be paused, but its members may still raise a concern about it.
    const closedStorage = seededStorage('closed');
    const { concerns: late } = await client(closedStorage, 'ana');
    const afterwards = await late.raise({ pairingId: 'p-ana', text: 'It ended, but I want you to know.', pause: true });
    assert.equal(afterwards.pause, 'refused');
    assert.match(afterwards.pauseRefusal!, /closed|cannot/i);
    assert.equal(afterwards.concern.status, 'open');
    assert.equal((await closedStorage.query('concerns')).length, 1);
  });

  test('reportMessage snapshots the message for the admins (who cannot read the conversation)', async () => {
    const storage = seededStorage();
    const { concerns } = await client(storage, 'ana');
    assert.equal(concerns.canReport({ pairingId: 'p-ana', authorId: 'kenji' }), true);
    assert.equal(concerns.canReport({ pairingId: 'p-ana', authorId: 'ana' }), false, 'not her own');
    assert.equal(concerns.canReport({ pairingId: 'p-dan', authorId: 'maria' }), false, 'not another pair');
    const { concern } = await concerns.reportMessage({ messageId: 'm-kenji', text: 'This made me uncomfortable.' });
    assert.equal(concern.about, 'message');
    assert.equal(concern.messageId, 'm-kenji');
    assert.deepEqual(concern.quote, { authorId: 'kenji', sentAt: '2026-10-13T20:00:00Z', text: 'Let us keep this between us, <b>ok</b>?' });
    const { concerns: admin, kit: adminKit } = await client(storage, 'priya');
    assert.equal(admin.get(concern.id).quote!.text, 'Let us keep this between us, <b>ok</b>?');
    internalsOf(adminKit).track('messages');
    await adminKit.ready;
    assert.equal(internalsOf(adminKit).track('messages').get().length, 0, 'the admin still reads no messages');
    await rejectsWith(concerns.reportMessage({ messageId: 'm-ana', text: 'x' }), 'invalid-input', /your own message/);
    await rejectsWith(concerns.reportMessage({ messageId: 'm-dan', text: 'x' }), 'not-found');
    await rejectsWith(concerns.reportMessage({ messageId: 'nope', text: 'x' }), 'not-found');
  });

  test('input is validated and nothing is written on bad input', async () => {
    const storage = seededStorage();
    const { concerns } = await client(storage, 'ana');
    await rejectsWith(concerns.raise(null as never), 'invalid-input');
    await rejectsWith(concerns.raise({ pairingId: 'p-ana', text: '' }), 'invalid-input', /Say what happened/);
    await rejectsWith(concerns.raise({ pairingId: 'p-ana', text: 'x'.repeat(4001) }), 'invalid-input', /keep it to 4000/);
    await rejectsWith(concerns.raise({ pairingId: 'p-ana', text: 'ok', pause: 'yes' as never }), 'invalid-input', /true or false/);
    await rejectsWith(concerns.raise({ pairingId: 'p-dan', text: 'not mine' }), 'forbidden', /pairing you are in/);
    await rejectsWith(concerns.raise({ pairingId: ' bad', text: 'x' }), 'invalid-input');
    assert.deepEqual(await storage.query('concerns'), []);
  });

  test('concern events are not learning records: xAPI leaves them alone', () => {
    for (const type of Object.values(ConcernEventType)) {
      assert.equal(isXapiEventType(type), false, type);
      assert.throws(
        () =>
          toXapiStatement(
            { type, collection: 'concerns', recordId: 'c1', revision: 1, at: clock, actorId: 'ana', pairingId: 'p-ana', data: {} },
            { homePage: 'https://lms.example', activityBase: 'https://lms.example/xapi' },
          ),
        (error: unknown) => isMentorKitError(error, 'unsupported'),
      );
    }
  });

  test('the queue: open first, then in review, then closed; newest first within each', async () => {
    const storage = seededStorage();
    const times = ['2026-10-14T09:00:00Z', '2026-10-14T10:00:00Z', '2026-10-14T11:00:00Z'];
    const made: string[] = [];
    for (const at of times) {
      const kit = createMentorKit({ storage, user: 'ana', now: () => at, generateId: () => `id-${++ids}` });
      const concerns = kit.use(concernsFeature);
      await kit.ready;
      made.push((await concerns.raise({ pairingId: 'p-ana', text: `Raised at ${at}` })).concern.id);
    }
    const { concerns: admin } = await client(storage, 'priya');
    await admin.setStatus(made[2]!, 'closed');
    await admin.setStatus(made[0]!, 'in-review');
    assert.deepEqual(
      admin.$concerns.get().map((concern) => concern.id),
      [made[1], made[0], made[2]],
    );
  });
});
