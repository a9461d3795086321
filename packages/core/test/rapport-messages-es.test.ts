import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMentorKit } from '@mentorkit/core';
import { rapportTextsEs, registerSpanish } from '@mentorkit/core/es';
import {
  ICEBREAKER_DECK,
  INFORMAL_FORMATS,
  dealIcebreaker,
  icebreakerDeckIn,
  icebreakerIn,
  informalFormatsIn,
  rapportFeature,
  rapportTexts,
} from '@mentorkit/core/rapport';
import { anaAndKenjiStorage } from './programme-fixtures.js';

const storage = anaAndKenjiStorage;

describe('Spanish rapport deck', () => {
  test('complete: every one of the 45 prompts and every format, by id, translated', () => {
    assert.equal(ICEBREAKER_DECK.length, 45);
    assert.deepEqual(Object.keys(rapportTextsEs.prompts).sort(), Object.keys(rapportTexts.prompts).sort());
    for (const [id, text] of Object.entries(rapportTexts.prompts)) {
      const spanish = rapportTextsEs.prompts[id]!;
      assert.notEqual(spanish, text, `${id} is not translated`);
      assert.ok(spanish.trim().length > 0 && spanish.length <= 300, id);
    }
    assert.equal(new Set(Object.values(rapportTextsEs.prompts)).size, 45, 'no two prompts read the same');
    assert.deepEqual(Object.keys(rapportTextsEs.formats).sort(), Object.keys(rapportTexts.formats).sort());
    for (const [id, format] of Object.entries(rapportTexts.formats)) {
      const spanish = rapportTextsEs.formats[id]!;
      assert.equal(spanish.instructions.length, format.instructions.length, `${id}: same number of steps`);
      assert.notEqual(spanish.name, format.name);
      assert.notEqual(spanish.summary, format.summary);
      spanish.instructions.forEach((line, index) => assert.notEqual(line, format.instructions[index], `${id}[${index}]`));
    }
  });

  test('English until @mentorkit/core/es is registered', () => {
    assert.equal(icebreakerDeckIn('es'), ICEBREAKER_DECK);
    assert.equal(informalFormatsIn('es'), INFORMAL_FORMATS);
    assert.equal(icebreakerIn(ICEBREAKER_DECK[0]!, 'es'), ICEBREAKER_DECK[0]);
  });

  test('after registerSpanish: the deck, the formats and the card the pair sees in Spanish, with the same ids and tags', async () => {
    registerSpanish();
    const deck = icebreakerDeckIn('es-MX');
    assert.equal(deck, icebreakerDeckIn('es'), 'cached');
    assert.deepEqual(
      deck.map(({ id, topic, tone, kind }) => [id, topic, tone, kind]),
      ICEBREAKER_DECK.map(({ id, topic, tone, kind }) => [id, topic, tone, kind]),
    );
    assert.equal(deck[0]!.text, '¿Cuál es un pequeño logro de tu semana?');
    assert.ok(Object.isFrozen(deck) && Object.isFrozen(deck[0]));
    assert.equal(icebreakerDeckIn('en'), ICEBREAKER_DECK);
    assert.equal(icebreakerDeckIn(undefined), ICEBREAKER_DECK);
    const custom = { id: 'own', text: 'Our own question?', topic: 'work', tone: 'light', kind: 'icebreaker' } as const;
    assert.equal(icebreakerIn(custom, 'es'), custom, 'prompts the deck does not know keep their words');
    // Dealing in Spanish deals the same prompt as in English (the order depends on ids only).
    assert.equal(dealIcebreaker({ seed: 'p-ana', deck }).prompt.id, dealIcebreaker({ seed: 'p-ana' }).prompt.id);
    const formats = informalFormatsIn('es');
    assert.deepEqual(
      formats.map(({ id, kind, durationMinutes }) => [id, kind, durationMinutes]),
      INFORMAL_FORMATS.map(({ id, kind, durationMinutes }) => [id, kind, durationMinutes]),
    );
    assert.equal(formats[0]!.name, 'Almuerzo virtual');

    const kit = createMentorKit({ storage: storage(), user: 'ana', now: () => '2026-10-14T09:00:00Z' });
    const rapport = kit.use(rapportFeature);
    await rapport.ready;
    const { prompt } = await rapport.deal('p-ana');
    assert.equal(rapport.current('p-ana')!.prompt.text, prompt.text, 'English without a locale');
    const spanish = rapport.current('p-ana', 'es')!;
    assert.equal(spanish.promptId, prompt.id);
    assert.equal(spanish.prompt.text, rapportTextsEs.prompts[prompt.id]);
  });
});
