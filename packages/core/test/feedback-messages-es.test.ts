import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryStorage, createMentorKit } from '@mentorkit/core';
import { feedbackTextEs, registerSpanish } from '@mentorkit/core/es';
import {
  feedbackFeature,
  FEEDBACK_TAGS,
  TRAINING_NEEDS,
  defaultFeedbackText,
  detectTrainingNeeds,
  feedbackText,
  feedbackTextFor,
  tagLabel,
  type NeedEvidence,
} from '@mentorkit/core/feedback';

const evidence: NeedEvidence = { mentions: 3, considered: 6, recentAverage: 2.25, previousAverage: 4.75 };
const notes = [
  { rating: 5, tags: [] },
  { rating: 5, tags: [] },
  { rating: 4, tags: ['ran-out-of-time'] },
  { rating: 3, tags: [], missed: 'We RAN OUT OF TIME before the code review' },
  { rating: 2, tags: [], other: 'felt rushed' },
  { rating: 2, tags: [] },
];

describe('Spanish feedback words', () => {
  test('complete: a label for every tag and a reason for every need, translated, with the evidence', () => {
    assert.deepEqual(Object.keys(feedbackTextEs.tagLabels).sort(), FEEDBACK_TAGS.map((tag) => tag.id).sort());
    for (const tag of FEEDBACK_TAGS) assert.notEqual(feedbackTextEs.tagLabels[tag.id], tag.label, tag.id);
    assert.deepEqual(Object.keys(feedbackTextEs.needReasons).sort(), [...TRAINING_NEEDS].sort());
    for (const need of TRAINING_NEEDS) {
      const en = defaultFeedbackText.needReasons[need](evidence);
      const es = feedbackTextEs.needReasons[need](evidence);
      assert.notEqual(es, en, need);
      for (const value of ['3', '6', '2.3', '4.8']) if (en.includes(value)) assert.ok(es.includes(value), `${need} drops ${value}`);
    }
  });

  test('English until @mentorkit/core/es is registered', () => {
    assert.equal(feedbackTextFor('es'), defaultFeedbackText);
    assert.equal(feedbackText(undefined, 'es'), defaultFeedbackText);
  });

  test('after registerSpanish: tag labels and need reasons in Spanish; English stays the default', () => {
    registerSpanish();
    assert.equal(feedbackTextFor('es-CO'), feedbackTextEs);
    assert.equal(feedbackTextFor('en'), defaultFeedbackText);
    assert.equal(tagLabel('ran-out-of-time', feedbackTextFor('es')), 'Faltó tiempo');
    assert.equal(tagLabel('mi propia palabra', feedbackTextFor('es')), 'mi propia palabra');
    // Host overrides on top of the Spanish.
    assert.equal(feedbackText({ tagLabels: { encouraging: 'Animó' } }, 'es').tagLabels.encouraging, 'Animó');
    assert.equal(feedbackText({ tagLabels: { encouraging: 'Animó' } }, 'es').tagLabels['felt-rushed'], 'Fue con prisas');
    const needs = detectTrainingNeeds(notes, feedbackTextFor('es'));
    assert.equal(needs.find((need) => need.need === 'time-management')!.reason, '«Faltó tiempo» se repite: 3 de las últimas 6 valoraciones.');
    assert.match(needs.find((need) => need.need === 'falling-rating')!.reason, /2\.3 de media últimamente, frente a 4\.7 antes/);
    assert.equal(
      detectTrainingNeeds(notes).find((need) => need.need === 'time-management')!.reason,
      '"Ran out of time" keeps coming up: 3 of the last 6 feedback notes.',
    );
  });

  test('the feature: textFor(locale) gives the registered language until the host sets its own words', async () => {
    registerSpanish();
    const kit = createMentorKit({
      storage: createMemoryStorage({ seed: { people: [{ id: 'ana', displayName: 'Ana', roles: ['mentee'], timeZone: 'Europe/Madrid', programIds: [] }] } }),
      user: 'ana',
    });
    const feedback = kit.use(feedbackFeature);
    assert.equal(feedback.text, defaultFeedbackText);
    assert.equal(feedback.textFor('es'), feedbackTextEs);
    assert.equal(feedback.textFor('en'), defaultFeedbackText);
    feedback.configure({ text: { tagLabels: { encouraging: 'Cheering' } } });
    assert.equal(feedback.textFor('es').tagLabels.encouraging, 'Cheering');
  });
});
