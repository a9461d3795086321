import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createMentorKit, isMentorKitError, type DomainEvent } from '@mentorkit/core';
import { ICEBREAKER_DECK, INFORMAL_FORMATS, dealIcebreaker, filterDeck, rapportFeature, rapportRecordId } from '@mentorkit/core/rapport';
import { londonStorage } from './programme-fixtures.js';

const storageWithPairs = () => londonStorage({ danPaired: false });

/** Deals `count` prompts in a row, feeding the history back. */
function dealMany(count: number, seed: string, filter?: Parameters<typeof dealIcebreaker>[0]['filter']) {
  const history: string[] = [];
  for (let index = 0; index < count; index++) history.push(dealIcebreaker({ seed, history, ...(filter ? { filter } : {}) }).prompt.id);
  return history;
}

describe('icebreaker deck', () => {
  test('has a good number of real prompts, work and non-work, in every tone, with unique ids', () => {
    assert.ok(ICEBREAKER_DECK.length >= 40);
    assert.equal(new Set(ICEBREAKER_DECK.map((item) => item.id)).size, ICEBREAKER_DECK.length);
    assert.equal(new Set(ICEBREAKER_DECK.map((item) => item.text)).size, ICEBREAKER_DECK.length);
    for (const topic of ['work', 'non-work'] as const)
      for (const tone of ['light', 'playful', 'reflective'] as const)
        assert.ok(filterDeck(ICEBREAKER_DECK, { topic, tones: [tone] }).length >= 3, `${topic}/${tone}`);
    assert.ok(filterDeck(ICEBREAKER_DECK, { kind: 'check-in' }).length >= 5);
    for (const item of ICEBREAKER_DECK) assert.match(item.text, /[?.]$/);
  });

  test('informal formats: a virtual lunch and a team-building exercise, with short instructions', () => {
    const kinds = INFORMAL_FORMATS.map((format) => format.kind);
    assert.ok(kinds.includes('virtual-lunch') && kinds.includes('team-building'));
    for (const format of INFORMAL_FORMATS) {
      assert.ok(format.instructions.length >= 3 && format.instructions.length <= 6, format.id);
      assert.ok(format.durationMinutes > 0);
    }
  });

  test('deals deterministically, differently per pair, with no repeat until the deck is exhausted', () => {
    const first = dealMany(ICEBREAKER_DECK.length, 'p-ana');
    assert.deepEqual(dealMany(ICEBREAKER_DECK.length, 'p-ana'), first, 'same seed and history: same cards');
    assert.notDeepEqual(dealMany(10, 'p-dan'), first.slice(0, 10), 'another pair gets another order');
    assert.equal(new Set(first).size, ICEBREAKER_DECK.length, 'a whole round without repeats');
    const second = dealMany(ICEBREAKER_DECK.length * 2, 'p-ana').slice(ICEBREAKER_DECK.length);
    assert.equal(new Set(second).size, ICEBREAKER_DECK.length, 'the second round is complete too');
    assert.notDeepEqual(second, first, 'in another order');
    const dealt = dealIcebreaker({ seed: 'p-ana', history: first });
    assert.equal(dealt.round, 2);
    assert.equal(dealt.remaining, ICEBREAKER_DECK.length - 1);
  });

  test('filters (topic, tones, kind) and refuses bad input', () => {
    const nonWork = dealMany(5, 'p-ana', { topic: 'non-work', tones: ['light'] }).map((id) => ICEBREAKER_DECK.find((item) => item.id === id)!);
    assert.ok(nonWork.every((item) => item.topic === 'non-work' && item.tone === 'light'));
    assert.throws(
      () => dealIcebreaker({ seed: '' }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'seed',
    );
    assert.throws(
      () => dealIcebreaker({ seed: 'x', filter: { tones: ['grumpy' as never] } }),
      (error: unknown) => (error as { path: string }).path === 'filter.tones',
    );
    assert.throws(
      () =>
        dealIcebreaker({
          seed: 'x',
          filter: { topic: 'work', kind: 'check-in', tones: ['playful'] },
          deck: ICEBREAKER_DECK.filter((item) => item.kind === 'icebreaker'),
        }),
      (error: unknown) => (error as { path: string }).path === 'filter',
    );
    assert.throws(
      () => dealIcebreaker({ seed: 'x', history: 'small-win' as never }),
      (error: unknown) => (error as { path: string }).path === 'history',
    );
  });

  test('property: over k full rounds every prompt of the (filtered) deck is dealt exactly k times, and each prefix of a round has no repeats', () => {
    const filters = fc.constantFrom(
      undefined,
      { topic: 'work' as const },
      { topic: 'non-work' as const, tones: ['playful' as const, 'reflective' as const] },
      { kind: 'check-in' as const },
    );
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), filters, fc.integer({ min: 1, max: 3 }), (seed, filter, rounds) => {
        const size = filterDeck(ICEBREAKER_DECK, filter ?? {}).length;
        const history = dealMany(size * rounds, seed, filter);
        const counts = new Map<string, number>();
        for (const id of history) counts.set(id, (counts.get(id) ?? 0) + 1);
        assert.equal(counts.size, size);
        for (const count of counts.values()) assert.equal(count, rounds);
        for (let round = 0; round < rounds; round++) assert.equal(new Set(history.slice(round * size, (round + 1) * size)).size, size);
      }),
      { numRuns: 60 },
    );
  });

  test('property: prompts dealt outside the filter or unknown ids in the history do not break the no-repeat rule', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ICEBREAKER_DECK.map((item) => item.id), 'retired-prompt'), { maxLength: 30 }),
        fc.string({ minLength: 1 }),
        (noise, seed) => {
          const history = [...noise];
          const dealtNow: string[] = [];
          const size = ICEBREAKER_DECK.length;
          for (let index = 0; index < size; index++) {
            const { prompt } = dealIcebreaker({ seed, history });
            history.push(prompt.id);
            dealtNow.push(prompt.id);
          }
          // Whatever came before, the next `size` deals cover every prompt the noise left behind first.
          const before = new Map<string, number>();
          for (const id of noise) before.set(id, (before.get(id) ?? 0) + 1);
          const neverDealt = ICEBREAKER_DECK.filter((item) => !before.has(item.id)).map((item) => item.id);
          assert.deepEqual(new Set(dealtNow.slice(0, neverDealt.length)), new Set(neverDealt));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('rapportFeature', () => {
  test('deals per pairing, remembers it in the rapport collection, and both members see the same card', async () => {
    const storage = storageWithPairs();
    const ana = createMentorKit({ storage, user: 'ana', now: () => '2026-03-30T09:00:00Z' });
    const kenji = createMentorKit({ storage, user: 'kenji', now: () => '2026-03-30T09:01:00Z' });
    const events: DomainEvent[] = [];
    ana.on('icebreaker-dealt', (event) => events.push(event));
    const rapport = ana.use(rapportFeature);
    assert.equal(ana.use(rapportFeature), rapport);
    await rapport.ready;
    assert.equal(rapport.current('p-ana'), undefined);
    const first = await rapport.deal('p-ana');
    assert.equal(first.round, 1);
    assert.deepEqual(first.entry, { promptId: first.prompt.id, at: '2026-03-30T09:00:00.000Z', by: 'ana' });
    assert.equal(rapport.current('p-ana')!.prompt.id, first.prompt.id);
    assert.equal(events[0]!.type, 'icebreaker-dealt');
    assert.equal(events[0]!.data.promptId, first.prompt.id);

    const kenjiRapport = kenji.use(rapportFeature);
    await kenjiRapport.ready;
    assert.equal(kenjiRapport.current('p-ana')!.prompt.id, first.prompt.id, 'the mentor sees the same card');
    const second = await kenjiRapport.deal('p-ana');
    assert.notEqual(second.prompt.id, first.prompt.id);
    const stored = await storage.get('rapport', rapportRecordId('p-ana'));
    assert.deepEqual(
      (stored!.dealt as Array<{ promptId: string }>).map((entry) => entry.promptId),
      [first.prompt.id, second.prompt.id],
    );
    await Promise.all([ana.dispose(), kenji.dispose()]);
  });

  test('a whole deck without repeats through the feature, then a new round; two people dealing at once both succeed', async () => {
    const storage = storageWithPairs();
    const ana = createMentorKit({ storage, user: 'ana' });
    const kenji = createMentorKit({ storage, user: 'kenji' });
    const rapport = ana.use(rapportFeature);
    const other = kenji.use(rapportFeature);
    await Promise.all([rapport.ready, other.ready]);
    const seen = new Set<string>();
    for (let index = 0; index < ICEBREAKER_DECK.length - 2; index++) seen.add((await rapport.deal('p-ana')).prompt.id);
    // Both deal at the same moment: one write conflicts, is re-dealt on the latest history.
    const [left, right] = await Promise.all([rapport.deal('p-ana'), other.deal('p-ana')]);
    seen.add(left.prompt.id);
    seen.add(right.prompt.id);
    assert.equal(seen.size, ICEBREAKER_DECK.length, 'no repeats until the deck is exhausted');
    assert.equal((await rapport.deal('p-ana')).round, 2);
    await Promise.all([ana.dispose(), kenji.dispose()]);
  });

  test('refuses pairings you are not in, and bad filters, writing nothing', async () => {
    const storage = storageWithPairs();
    const dan = createMentorKit({ storage, user: 'dan' });
    const rapport = dan.use(rapportFeature);
    await assert.rejects(rapport.deal('p-ana'), (error: unknown) => isMentorKitError(error, 'not-found'));
    await assert.rejects(rapport.deal(''), (error: unknown) => isMentorKitError(error, 'invalid-input'));
    const ana = createMentorKit({ storage, user: 'ana' });
    await assert.rejects(
      ana.use(rapportFeature).deal('p-ana', { topic: 'gossip' as never }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'filter.topic',
    );
    assert.deepEqual(await storage.query('rapport'), []);
    const admin = createMentorKit({ storage, user: 'priya' });
    await assert.rejects(admin.use(rapportFeature).deal('p-ana'), (error: unknown) => isMentorKitError(error, 'forbidden'), 'admins read, members deal');
    await Promise.all([dan.dispose(), ana.dispose(), admin.dispose()]);
  });
});
