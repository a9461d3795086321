import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  createMemoryStorage,
  createMentorKit,
  isMentorKitError,
  localTimeOf,
  type DomainEvent,
  type Message,
  type MentorKit,
  type StorageAdapter,
} from '@mentorkit/core';
import {
  countUnread,
  linkify,
  messagingFeature,
  unreadCountsOf,
  nextWorkingStart,
  notificationPlan,
  quietHoursFor,
  readReceipts,
  searchMessages,
  unreadCount,
  zonedWallClockToEpoch,
  type MessageNotification,
} from '@mentorkit/core/messaging';

const PROGRAM = { id: 'prog', name: 'Mentoring 2026', adminIds: ['priya'] };
const weekdays = (ranges: string[]) => ({ 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges });
const person = (id: string, roles: Array<'mentee' | 'mentor' | 'admin'>, timeZone: string, extra: Record<string, unknown> = {}) => ({
  id,
  displayName: id.toUpperCase(),
  roles,
  timeZone,
  programIds: ['prog'],
  workingHours: weekdays(['09:00-17:00']),
  ...extra,
});
const KENJI = person('kenji', ['mentor'], 'Asia/Tokyo', { workingHours: weekdays(['08:00-12:00', '13:00-18:00']) });
const ARJUN = person('arjun', ['mentor'], 'Asia/Kathmandu', { workingHours: weekdays(['10:00-17:00']), offLimitsDays: [6] });

function seededStorage(): StorageAdapter {
  return createMemoryStorage({
    seed: {
      programs: [PROGRAM],
      people: [
        person('priya', ['admin'], 'Europe/London'),
        person('ana', ['mentee'], 'Europe/Madrid'),
        person('dan', ['mentee'], 'America/Los_Angeles'),
        KENJI,
        ARJUN,
      ],
      pairings: [
        { id: 'p-ana', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji', 'arjun'], status: 'active', kind: 'official', reasons: [] },
        { id: 'p-dan', programId: 'prog', menteeId: 'dan', mentorIds: ['kenji'], status: 'closed', kind: 'official', reasons: [] },
      ],
    },
  });
}

type Kit = MentorKit & { messaging: ReturnType<typeof messagingFeature.install> };
class Clock {
  constructor(public value: string) {}
  now = () => this.value;
}
async function kitFor(storage: StorageAdapter, user: string, clock: Clock): Promise<Kit> {
  const kit = createMentorKit({ storage, user, now: clock.now, features: [messagingFeature] }) as Kit;
  await kit.ready;
  await kit.messaging.ready;
  return kit;
}
async function rejectsWith(promise: Promise<unknown>, code: string, path?: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isMentorKitError(error, code as never), `expected ${code}, got ${String(error)}`);
    if (path !== undefined) assert.equal((error as { path: string }).path, path);
    return;
  }
  assert.fail(`expected a ${code} MentorKitError`);
}

describe('linkify', () => {
  test('only http(s) URLs become links; the tokens give back the text', () => {
    const text =
      'See https://docs.example.org/plan?a=1&b=2. Or (https://example.com/x_(y)) and javascript:alert(1), data:text/html,hi, ftp://x.org, <img src=x onerror=alert(1)>';
    const tokens = linkify(text);
    assert.equal(tokens.map((token) => token.text).join(''), text);
    assert.deepEqual(
      tokens.filter((token) => token.kind === 'link').map((token) => (token as { href: string }).href),
      ['https://docs.example.org/plan?a=1&b=2', 'https://example.com/x_(y)'],
    );
    assert.deepEqual(linkify('JAVASCRIPT:alert(1)'), [{ kind: 'text', text: 'JAVASCRIPT:alert(1)' }]);
    assert.deepEqual(linkify('http://'), [{ kind: 'text', text: 'http://' }]);
    assert.deepEqual(linkify(''), []);
  });

  test('property: concatenation is the input; every href is http(s)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab :/.()hjtpsx?#&"\'<>'.split('')), maxLength: 60 }), (text) => {
        const tokens = linkify(text);
        assert.equal(tokens.map((token) => token.text).join(''), text);
        for (const token of tokens) if (token.kind === 'link') assert.match(token.href, /^https?:\/\//);
      }),
    );
  });
});

describe('quiet hours', () => {
  test('23:00 in Tokyo is outside; the next working hour is 08:00 the next morning', () => {
    // Tuesday 2026-11-24 14:00Z = 23:00 in Tokyo.
    const quiet = quietHoursFor(KENJI, '2026-11-24T14:00:00Z');
    assert.equal(quiet.local.time, '23:00');
    assert.equal(quiet.outsideWorkingHours, true);
    assert.equal(quiet.nextWorkingStart, '2026-11-24T23:00:00.000Z');
    assert.equal(quiet.nextWorkingLocal!.time, '08:00');
    assert.equal(quietHoursFor(KENJI, '2026-11-24T03:30:00Z').nextWorkingStart, '2026-11-24T04:00:00.000Z', 'lunch break: back at 13:00');
    assert.equal(quietHoursFor(KENJI, '2026-11-24T01:00:00Z').outsideWorkingHours, false);
  });

  test('weekends and off-limits days are skipped; no working hours means no notice', () => {
    // Friday 2026-11-27 12:00Z = 17:45 Kathmandu; Saturday is off-limits anyway, Sunday has no hours: Monday 10:00.
    assert.equal(localTimeOf('Asia/Kathmandu', nextWorkingStart(ARJUN, '2026-11-27T12:00:00Z')!).date, '2026-11-30');
    const none = quietHoursFor({ id: 'x', timeZone: 'UTC', workingHours: {} }, '2026-11-27T12:00:00Z');
    assert.equal(none.outsideWorkingHours, false);
    assert.equal(none.nextWorkingStart, undefined);
    assert.throws(
      () => quietHoursFor(KENJI, 'tonight'),
      (error: unknown) => (error as { path: string }).path === 'instant',
    );
  });

  test('across DST: the next working start is 09:00 local on the day after the change', () => {
    const london = { id: 'l', timeZone: 'Europe/London', workingHours: weekdays(['09:00-17:00']) };
    // Friday 27 March 2026 18:00 GMT → Monday 30 March 09:00 BST = 08:00Z.
    assert.equal(nextWorkingStart(london, '2026-03-27T18:00:00Z'), '2026-03-30T08:00:00.000Z');
  });

  test('property: the wall clock of zonedWallClockToEpoch is the one asked for (outside DST gaps)', () => {
    const zones = ['Asia/Kathmandu', 'Australia/Lord_Howe', 'America/New_York', 'Europe/Madrid', 'Pacific/Auckland', 'Asia/Tokyo'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }), (zone, epoch) => {
        const local = localTimeOf(zone, new Date(Math.floor(epoch / 60_000) * 60_000));
        const back = zonedWallClockToEpoch(zone, local.date, local.minuteOfDay);
        const again = localTimeOf(zone, new Date(back));
        assert.equal(`${again.date} ${again.time}`, `${local.date} ${local.time}`);
      }),
      { numRuns: 400 },
    );
  });

  test('notification plan: deferred to the working hour, immediate when working', () => {
    const plan = notificationPlan('2026-11-24T14:00:00Z', [KENJI, person('ana', ['mentee'], 'Europe/Madrid')]);
    assert.deepEqual(
      plan.map((entry) => [entry.recipientId, entry.deliverAt, entry.deferred]),
      [
        ['kenji', '2026-11-24T23:00:00.000Z', true],
        ['ana', '2026-11-24T14:00:00.000Z', false],
      ],
    );
  });
});

describe('threads (pure)', () => {
  const message = (id: string, authorId: string, sentAt: string, text = 'hi', extra: Partial<Message> = {}) =>
    ({ id, pairingId: 'p', authorId, kind: 'text', text, mentorsOnly: false, sentAt, history: [], revision: 1, updatedAt: sentAt, ...extra }) as Message;
  const messages = [
    message('m1', 'ana', '2026-11-01T10:00:00Z', 'Hola Lucía, ¿qué tal el DISEÑO?'),
    message('m2', 'kenji', '2026-11-01T11:00:00Z', 'Design doc: https://x.org'),
    message('m3', 'kenji', '2026-11-01T12:00:00Z', 'gone', { deletedAt: '2026-11-01T12:01:00Z' }),
  ];

  test('unread counts ignore your own and deleted messages', () => {
    assert.equal(unreadCount(messages, 'ana', undefined), 1);
    assert.equal(unreadCount(messages, 'ana', '2026-11-01T11:00:00Z'), 0);
    assert.equal(unreadCount(messages, 'kenji', undefined), 1);
  });

  test('read receipts from read markers', () => {
    const reads = [{ id: 'p~kenji', pairingId: 'p', personId: 'kenji', lastReadAt: '2026-11-01T10:30:00Z', revision: 1, updatedAt: 'x' }];
    assert.deepEqual(readReceipts(messages[0]!, reads), [{ personId: 'kenji', readUpTo: '2026-11-01T10:30:00Z' }]);
    assert.deepEqual(readReceipts(messages[1]!, reads), []);
  });

  test('search ignores case and accents, needs every word, skips deleted messages, gives ranges', () => {
    const hits = searchMessages(messages, 'lucia diseno');
    assert.deepEqual(
      hits.map((hit) => hit.message.id),
      ['m1'],
    );
    const text = messages[0]!.text!;
    assert.deepEqual(
      hits[0]!.ranges.map(([start, end]) => text.slice(start, end)),
      ['Lucía', 'DISEÑO'],
    );
    assert.deepEqual(searchMessages(messages, 'gone'), []);
    assert.deepEqual(searchMessages(messages, '   '), []);
  });
});

describe('messagingFeature', () => {
  test('send, members from the policy, unread counts and read receipts across clients', async () => {
    const storage = seededStorage();
    const clock = new Clock('2026-11-24T14:00:00Z');
    const ana = await kitFor(storage, 'ana', clock);
    const kenji = await kitFor(storage, 'kenji', clock);
    const sent: DomainEvent[] = [];
    ana.on('message-sent', (event) => sent.push(event));
    assert.deepEqual(
      ana.messaging.members('p-ana').map((member) => member.personId),
      ['ana', 'kenji', 'arjun'],
    );
    assert.deepEqual(
      ana.messaging.members('p-ana', { notes: true }).map((member) => member.personId),
      ['kenji', 'arjun'],
    );

    const first = await ana.messaging.send({ pairingId: 'p-ana', text: 'Hi! <img src=x onerror=alert(1)> notes: https://docs.example.org' });
    const second = await ana.messaging.send({ pairingId: 'p-ana', text: 'Second, same instant' });
    assert.ok(Date.parse(second.sentAt!) > Date.parse(first.sentAt!), 'order survives a fixed clock');
    assert.equal(sent.length, 2);
    assert.deepEqual(
      (sent[0]!.data.recipients as Array<{ personId: string; deferred: boolean }>).map((recipient) => [recipient.personId, recipient.deferred]),
      [
        ['kenji', true],
        ['arjun', true],
      ],
    );

    await kenji.refresh();
    assert.equal(kenji.messaging.unreadCount('p-ana'), 2);
    assert.equal(kenji.messaging.thread('p-ana')!.unreadCount, 2);
    await kenji.messaging.markRead('p-ana');
    assert.equal(kenji.messaging.unreadCount('p-ana'), 0);
    await ana.refresh();
    assert.deepEqual(ana.messaging.readBy(second.id), [{ personId: 'kenji', readUpTo: second.sentAt! }]);

    const before = JSON.stringify(await storage.query('messages'));
    await rejectsWith(ana.messaging.send({ pairingId: 'p-ana', text: '   ' }), 'invalid-input', 'message.text');
    await rejectsWith(ana.messaging.send({ pairingId: 'p-ana', text: 'x'.repeat(10_001) }), 'invalid-input', 'message.text');
    await rejectsWith(ana.messaging.send({ pairingId: 'p-dan', text: 'not mine' }), 'not-found');
    await rejectsWith(ana.messaging.send({ pairingId: 'p-ana', text: 'secret', mentorsOnly: true }), 'forbidden');
    assert.equal(JSON.stringify(await storage.query('messages')), before, 'bad input writes nothing');

    const dan = await kitFor(storage, 'dan', clock);
    await rejectsWith(dan.messaging.send({ pairingId: 'p-dan', text: 'closed pairing' }), 'forbidden');
    assert.deepEqual(dan.messaging.$messages.get(), [], 'another pair cannot read');
    assert.equal(dan.messaging.thread('p-dan')!.canPost, false);
    await Promise.all([ana.dispose(), kenji.dispose(), dan.dispose()]);
  });

  test('unread counts per pairing and per person, without the commands (unreadCountsOf), agreeing with unreadCount', async () => {
    const storage = seededStorage();
    const clock = new Clock('2026-11-24T14:00:00Z');
    const ana = await kitFor(storage, 'ana', clock);
    const arjun = await kitFor(storage, 'arjun', clock);
    await ana.messaging.send({ pairingId: 'p-ana', text: 'One' });
    await ana.messaging.send({ pairingId: 'p-ana', text: 'Two' });
    await arjun.messaging.send({ pairingId: 'p-ana', text: 'Note for Kenji', mentorsOnly: true });
    const gone = await arjun.messaging.send({ pairingId: 'p-ana', text: 'Deleted before Kenji saw it' });
    await arjun.messaging.delete(gone.id);
    // Kenji's page shows counts before it ever loads the messaging commands.
    const kenji = createMentorKit({ storage, user: 'kenji', now: clock.now });
    const $unread = unreadCountsOf(kenji);
    await kenji.ready;
    assert.deepEqual($unread.get(), {
      total: 3,
      pairings: { 'p-ana': { conversation: 2, notes: 1, total: 3 }, 'p-dan': { conversation: 0, notes: 0, total: 0 } },
      people: { ana: 2, arjun: 1 },
    });
    assert.equal(unreadCountsOf(kenji), $unread, 'one store per client');
    const messaging = kenji.use(messagingFeature);
    await messaging.ready;
    assert.equal(messaging.$unread, $unread);
    assert.equal(messaging.unreadCount('p-ana'), $unread.get().pairings['p-ana']!.conversation);
    await messaging.markRead('p-ana');
    assert.deepEqual($unread.get().pairings['p-ana'], { conversation: 0, notes: 1, total: 1 });
    assert.deepEqual($unread.get().people, { arjun: 1 });
    // The mentee counts only the conversation: the notes are not hers.
    await ana.refresh();
    assert.deepEqual(unreadCountsOf(ana).get(), { total: 0, pairings: { 'p-ana': { conversation: 0, notes: 0, total: 0 } }, people: {} });
    assert.deepEqual(countUnread([], [], ['p-x'], 'someone'), { total: 0, pairings: { 'p-x': { conversation: 0, notes: 0, total: 0 } }, people: {} });
    await Promise.all([ana.dispose(), arjun.dispose(), kenji.dispose()]);
  });

  test('markRead up to a message marks only what was seen, and never moves back', async () => {
    const storage = seededStorage();
    const clock = new Clock('2026-11-24T14:00:00Z');
    const ana = await kitFor(storage, 'ana', clock);
    const sent = [];
    for (const text of ['first', 'second', 'third']) sent.push(await ana.messaging.send({ pairingId: 'p-ana', text }));
    const kenji = await kitFor(storage, 'kenji', clock);
    await kenji.messaging.markRead('p-ana', { upTo: sent[1]!.id });
    assert.equal(kenji.messaging.unreadCount('p-ana'), 1, 'the third is not seen yet');
    assert.equal(kenji.messaging.lastRead('p-ana'), sent[1]!.sentAt);
    await kenji.messaging.markRead('p-ana', { upTo: sent[0]!.id });
    assert.equal(kenji.messaging.lastRead('p-ana'), sent[1]!.sentAt, 'a marker never moves back');
    await rejectsWith(kenji.messaging.markRead('p-ana', { upTo: 'no-such-message' }), 'not-found', 'upTo');
    await rejectsWith(kenji.messaging.markRead('p-ana', { upTo: sent[2]!.id, notes: true }), 'not-found', 'upTo');
    await kenji.messaging.markRead('p-ana', { upTo: sent[2]!.id });
    assert.equal(kenji.messaging.unreadCount('p-ana'), 0);
    await Promise.all([ana.dispose(), kenji.dispose()]);
  });

  test('edits and deletes keep an audit trail; only the author may', async () => {
    const storage = seededStorage();
    const clock = new Clock('2026-11-24T14:00:00Z');
    const ana = await kitFor(storage, 'ana', clock);
    const kenji = await kitFor(storage, 'kenji', clock);
    const message = await ana.messaging.send({ pairingId: 'p-ana', text: 'Frist draft' });
    clock.value = '2026-11-24T14:05:00Z';
    const edited = await ana.messaging.edit(message.id, 'First draft');
    assert.equal(edited.text, 'First draft');
    assert.equal(edited.editedAt, '2026-11-24T14:05:00.000Z');
    assert.deepEqual(edited.history, [{ action: 'edited', at: '2026-11-24T14:05:00.000Z', by: 'ana', previousText: 'Frist draft' }]);
    await kenji.refresh();
    await rejectsWith(kenji.messaging.edit(message.id, 'hijack'), 'forbidden');
    await rejectsWith(kenji.messaging.delete(message.id), 'forbidden');
    const deleted = await ana.messaging.delete(message.id);
    assert.equal(deleted.text, undefined);
    assert.ok(deleted.deletedAt);
    assert.deepEqual(
      deleted.history.map((entry) => entry.action),
      ['edited', 'deleted'],
    );
    await rejectsWith(ana.messaging.edit(message.id, 'again'), 'invalid-input');
    assert.deepEqual(ana.messaging.search('p-ana', 'draft'), []);
    await Promise.all([ana.dispose(), kenji.dispose()]);
  });

  test('co-mentor notes: private from the mentee until shared', async () => {
    const storage = seededStorage();
    const clock = new Clock('2026-11-24T14:00:00Z');
    const ana = await kitFor(storage, 'ana', clock);
    const kenji = await kitFor(storage, 'kenji', clock);
    const arjun = await kitFor(storage, 'arjun', clock);
    const note = await kenji.messaging.send({ pairingId: 'p-ana', text: 'She could lead the next incident review', mentorsOnly: true });
    await Promise.all([ana.refresh(), arjun.refresh()]);
    assert.deepEqual(ana.messaging.$messages.get(), []);
    assert.equal(ana.messaging.thread('p-ana')!.hasNotes, false);
    assert.deepEqual(
      arjun.messaging
        .messages('p-ana', { notes: true })
        .get()
        .map((message) => message.id),
      [note.id],
    );
    assert.equal(arjun.messaging.thread('p-ana')!.notesUnreadCount, 1);
    await arjun.messaging.markRead('p-ana', { notes: true });
    assert.equal(arjun.messaging.unreadCount('p-ana', { notes: true }), 0);
    await kenji.messaging.share(note.id);
    await ana.refresh();
    assert.deepEqual(
      ana.messaging
        .messages('p-ana')
        .get()
        .map((message) => message.id),
      [note.id],
    );
    assert.deepEqual(
      ana.messaging
        .messages('p-ana')
        .get()[0]!
        .history.map((entry) => entry.action),
      ['shared'],
    );
    await Promise.all([ana.dispose(), kenji.dispose(), arjun.dispose()]);
  });

  test('voice notes go through putBlob/getBlob; adapters without blobs say unsupported', async () => {
    const storage = seededStorage();
    const clock = new Clock('2026-11-24T14:00:00Z');
    const ana = await kitFor(storage, 'ana', clock);
    const audio = new Blob([new Uint8Array([1, 2, 3, 4])], { type: 'audio/webm;codecs=opus' });
    const voice = await ana.messaging.sendVoice({ pairingId: 'p-ana', audio, durationSeconds: 3.2 });
    assert.deepEqual(voice.voice, { blobId: `voice-${voice.id}`, durationSeconds: 3.2, contentType: 'audio/webm;codecs=opus' });
    const kenji = await kitFor(storage, 'kenji', clock);
    const back = await kenji.messaging.voiceAudio(voice.id);
    assert.equal(back?.size, 4);
    await rejectsWith(ana.messaging.sendVoice({ pairingId: 'p-ana', audio: new Blob([]), durationSeconds: 1 }), 'invalid-input', 'message.audio');
    await rejectsWith(
      ana.messaging.sendVoice({ pairingId: 'p-ana', audio: new Blob(['x'], { type: 'text/html' }), durationSeconds: 1 }),
      'invalid-input',
      'message.voice.contentType',
    );
    await rejectsWith(ana.messaging.sendVoice({ pairingId: 'p-ana', audio, durationSeconds: -1 }), 'invalid-input', 'message.voice.durationSeconds');
    await ana.messaging.delete(voice.id);
    assert.equal(await storage.getBlob!(`voice-${voice.id}`), undefined, 'the audio goes with the message');

    const { putBlob: _p, getBlob: _g, deleteBlob: _d, ...withoutBlobs } = seededStorage();
    const plain = await kitFor(withoutBlobs as StorageAdapter, 'ana', clock);
    await rejectsWith(plain.messaging.sendVoice({ pairingId: 'p-ana', audio, durationSeconds: 1 }), 'unsupported');
    await Promise.all([ana.dispose(), kenji.dispose(), plain.dispose()]);
  });

  test('quiet hours per recipient and notification hooks delivering at their next working hour', async () => {
    const storage = seededStorage();
    const clock = new Clock('2026-11-24T14:00:00Z');
    const ana = await kitFor(storage, 'ana', clock);
    const quiet = ana.messaging.quietHours('p-ana');
    assert.deepEqual(
      quiet.map((entry) => [entry.personId, entry.local.time, entry.outsideWorkingHours]),
      [
        ['kenji', '23:00', true],
        ['arjun', '19:45', true],
      ],
    );
    const immediate: MessageNotification[] = [];
    const scheduled: MessageNotification[] = [];
    const stopImmediate = ana.messaging.onNotify((notification) => immediate.push(notification), { deliver: 'immediately' });
    const stopScheduled = ana.messaging.onNotify((notification) => scheduled.push(notification));
    await ana.messaging.send({ pairingId: 'p-ana', text: 'Late thought' });
    assert.deepEqual(
      immediate.map((entry) => [entry.recipientId, entry.deliverAt]),
      [
        ['kenji', '2026-11-24T23:00:00.000Z'],
        ['arjun', '2026-11-25T04:15:00.000Z'],
      ],
    );
    assert.deepEqual(scheduled, [], 'waits for their working hours');
    stopScheduled();
    stopImmediate();
    assert.throws(
      () => ana.messaging.onNotify(() => undefined, { deliver: 'never' as never }),
      (error: unknown) => (error as { path: string }).path === 'options.deliver',
    );
    await ana.dispose();
  });

  test('5,000 messages: thread summary and unread count stay fast', async () => {
    const records = Array.from({ length: 5000 }, (_, index) => ({
      id: `m${String(index).padStart(5, '0')}`,
      pairingId: 'p-ana',
      authorId: index % 2 ? 'kenji' : 'ana',
      kind: 'text',
      text: `Message ${index}`,
      mentorsOnly: false,
      history: [],
      sentAt: new Date(Date.UTC(2026, 9, 1) + index * 60_000).toISOString(),
    }));
    const storage = seededStorage();
    for (const record of records) await storage.put('messages', record);
    const ana = await kitFor(storage, 'ana', new Clock('2026-11-24T14:00:00Z'));
    // How fast is measured in `npm run bench` (bench/messaging.bench.ts, the same 5,000-message thread
    // against a straightforward pass over its records), not timed here: a wall-clock limit fails on a
    // loaded machine.
    assert.equal(ana.messaging.thread('p-ana')!.unreadCount, 2500);
    assert.equal(ana.messaging.messages('p-ana').get().length, 5000);
    assert.equal(ana.messaging.search('p-ana', 'message 4999').length, 1);
    await ana.dispose();
  });
});
