import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isMentorKitError } from '@mentorkit/core';
import { builtInModelTextsEs, coachingMessagesEs, coachingRecommendMessagesEs, registerSpanish } from '@mentorkit/core/es';
import {
  COACHING_QUESTIONNAIRE,
  GROW,
  OSKAR,
  actionsFromFlow,
  answer,
  coachingMessages,
  coachingMessagesFor,
  coachingModelIn,
  coachingModelTexts,
  coachingQuestionnaireIn,
  coachingRecommendMessages,
  coachingRecommendMessagesFor,
  goTo,
  localizedBuiltInModels,
  next,
  recommendCoachingModel,
  restoreFlow,
  startFlow,
  summarize,
  translateCoachingModel,
} from '@mentorkit/core/coaching';
import { leaves, placeholders } from './catalogue-checks.js';

/** Each catalogue function called with sample values, in both languages. */
const samples = (messages: typeof coachingMessages) => ({
  requiredMissing1: messages.requiredMissing('Goal', ['What do you want?']),
  requiredMissing2: messages.requiredMissing('Goal', ['A?', 'B?']),
  alreadyFinished: messages.alreadyFinished(),
  atFirstStep: messages.atFirstStep(),
  stepNotReachable: messages.stepNotReachable('Will', 'Reality'),
  summaryTitle: messages.summaryTitle('GROW', 'Lead reviews'),
  summaryTitleNoTopic: messages.summaryTitle('GROW', undefined),
  scaleValue: messages.scaleValue(7, 0, 10),
  actionsHeading: messages.actionsHeading(),
  actionGoalDescription: messages.actionGoalDescription('GROW', '2026-03-29', 'Lead reviews'),
  milestoneGoalTitle: messages.milestoneGoalTitle('GROW', '2026-03-29'),
  inProgress: messages.inProgress(),
  finishedOn: messages.finishedOn('2026-03-29'),
});

const AT = '2026-03-29T09:00:00.000Z';

describe('Spanish coaching messages', () => {
  test('the sentence catalogue is complete: same keys, every sentence translated, values carried over', () => {
    assert.deepEqual(Object.keys(coachingMessagesEs).sort(), Object.keys(coachingMessages).sort());
    const en = samples(coachingMessages);
    const es = samples(coachingMessagesEs);
    for (const [key, text] of Object.entries(en)) {
      const spanish = es[key as keyof typeof es];
      assert.notEqual(spanish, text, `${key} is not translated`);
      for (const value of ['Goal', 'Will', 'Reality', 'GROW', 'Lead reviews', '2026-03-29', '7', 'A?', 'B?']) {
        if (text.includes(value)) assert.ok(spanish.includes(value), `${key} drops "${value}"`);
      }
    }
  });

  test('GROW and OSKAR texts: every step and prompt id, every text translated, nothing extra', () => {
    for (const model of [GROW, OSKAR]) {
      const en = leaves(coachingModelTexts(model));
      const es = leaves(builtInModelTextsEs[model.id as 'grow' | 'oskar']);
      assert.deepEqual([...es.keys()].sort(), [...en.keys()].sort(), model.id);
      for (const [key, text] of en) {
        assert.deepEqual(placeholders(es.get(key)!), placeholders(text), key);
        if (key !== 'name') assert.notEqual(es.get(key), text, `${model.id}.${key} is not translated`);
      }
    }
  });

  test('questionnaire and reasons: same questions, options and reasons, all translated', () => {
    const en = leaves(coachingRecommendMessages);
    const es = leaves(coachingRecommendMessagesEs);
    assert.deepEqual([...es.keys()].sort(), [...en.keys()].sort());
    for (const [key, text] of en) assert.notEqual(es.get(key), text, `${key} is not translated`);
  });

  test('English until @mentorkit/core/es is registered; English outputs unchanged', () => {
    assert.equal(coachingMessagesFor('es'), coachingMessages);
    assert.equal(coachingModelIn(GROW, 'es'), GROW);
    assert.equal(localizedBuiltInModels('es').oskar, OSKAR);
    assert.equal(coachingQuestionnaireIn('es'), COACHING_QUESTIONNAIRE);
    assert.equal(coachingRecommendMessagesFor('es-MX'), coachingRecommendMessages);
    assert.equal(COACHING_QUESTIONNAIRE[0]!.text, 'How do you like a mentoring conversation to go?');
    assert.deepEqual(
      COACHING_QUESTIONNAIRE[2]!.options.map((option) => option.value),
      ['yes', 'partly', 'no'],
    );
    assert.equal(COACHING_QUESTIONNAIRE[1]!.options[4]!.label, 'Recognition of my progress and strengths');
    assert.deepEqual(recommendCoachingModel({ structure: 3, affirmation: 3 }).reasons, [
      'Structure or exploration: either suits you.',
      'A mix of challenge and encouragement suits you: both models offer it.',
      'Your answers balance out; GROW is suggested as the more widely known model, and OSKAR suits you just as well.',
    ]);
    const flow = answer(startFlow(GROW, { at: AT }), 'goal-what', 'Lead the design review', { at: AT });
    assert.equal(summarize(flow, { locale: 'es' }).title, 'GROW session: Lead the design review');
  });

  test('after registerSpanish: models, flows, summaries, drafts, refusals and recommendations in Spanish', () => {
    registerSpanish();
    assert.equal(coachingMessagesFor('es-MX'), coachingMessagesEs);
    assert.equal(coachingMessagesFor('en'), coachingMessages);

    // Models: same ids, kinds and scales; Spanish words; cached; other models untouched.
    const grow = coachingModelIn(GROW, 'es');
    assert.equal(grow, coachingModelIn(GROW, 'es-ES'), 'cached');
    assert.deepEqual(
      grow.steps.map((step) => step.title),
      ['Meta', 'Realidad', 'Opciones', 'Voluntad'],
    );
    assert.deepEqual(
      JSON.stringify(grow.steps.map((step) => step.prompts.map((prompt) => [prompt.id, prompt.kind, prompt.required, prompt.min, prompt.max, prompt.actions]))),
      JSON.stringify(GROW.steps.map((step) => step.prompts.map((prompt) => [prompt.id, prompt.kind, prompt.required, prompt.min, prompt.max, prompt.actions]))),
    );
    assert.equal(grow.steps[0]!.prompts[0]!.text, '¿Qué quieres lograr?');
    assert.equal(localizedBuiltInModels('es').oskar.steps[1]!.prompts[0]!.minLabel, 'Todavía en ningún punto');
    assert.equal(coachingModelIn(GROW, 'fr'), GROW);
    assert.ok(Object.isFrozen(grow.steps[0]!.prompts[0]));
    const custom = { ...GROW, id: 'team-grow' };
    assert.equal(coachingModelIn(custom, 'es'), custom, 'custom models keep their own words');
    assert.equal(translateCoachingModel(GROW, { steps: { goal: { title: 'Objetivo' } } }).steps[0]!.title, 'Objetivo');

    // A flow saved in English shows in Spanish and stays valid.
    let flow = startFlow(GROW, { by: 'ana', at: AT });
    flow = answer(flow, 'goal-what', 'Dirigir la revisión de diseño', { by: 'ana', at: AT });
    flow = restoreFlow(JSON.parse(JSON.stringify(flow)));
    const summary = summarize(flow, { locale: 'es' });
    assert.equal(summary.title, 'Sesión GROW: Dirigir la revisión de diseño');
    assert.equal(summary.steps[0]!.title, 'Meta');
    assert.equal(summary.steps[0]!.answers[0]!.question, '¿Qué quieres lograr?');
    assert.match(summary.text, /^Sesión GROW: Dirigir la revisión de diseño\nEn curso\n\nMeta\n- ¿Qué quieres lograr\? Dirigir la revisión de diseño/);
    assert.equal(summarize(flow).title, 'GROW session: Dirigir la revisión de diseño', 'English without a locale');

    // Refusals quote the Spanish titles and questions.
    assert.throws(
      () => next(startFlow(GROW, { at: AT }), { locale: 'es' }),
      (error: unknown) =>
        isMentorKitError(error, 'invalid-input') && error.message === 'Antes de salir de Meta, responde esta pregunta: «¿Qué quieres lograr?».',
    );
    assert.throws(
      () => goTo(flow, 'will', { locale: 'es' }),
      (error: unknown) =>
        isMentorKitError(error, 'invalid-input') && error.message === 'Voluntad se abre cuando respondas las preguntas obligatorias de Realidad.',
    );

    // Scale answers and drafts.
    let oskar = startFlow(OSKAR, { at: AT });
    oskar = answer(oskar, 'outcome-what', 'Presentar con confianza', { at: AT });
    oskar = next(oskar, { at: AT });
    oskar = answer(oskar, 'scaling-now', 4, { at: AT });
    assert.equal(summarize(oskar, { locale: 'es' }).steps[1]!.answers[0]!.text, '4 en una escala de 0 a 10');
    oskar = answer(oskar, 'scaling-target', 6, { at: AT });
    oskar = next(oskar, { at: AT });
    oskar = answer(oskar, 'know-how-working', 'Ensayar', { at: AT });
    oskar = next(oskar, { at: AT });
    oskar = answer(oskar, 'action-steps', ['Ensayar dos veces'], { at: AT });
    const [draft] = actionsFromFlow(oskar, { locale: 'es' });
    assert.equal(draft!.description, 'Acordado en una sesión de coaching OSKAR el 2026-03-29, con el objetivo de: Presentar con confianza.');
    assert.equal(actionsFromFlow(oskar)[0]!.description, 'Agreed in a OSKAR coaching session on 2026-03-29, working towards: Presentar con confianza.');

    // Questionnaire and recommendation.
    const questionnaire = coachingQuestionnaireIn('es');
    assert.deepEqual(
      questionnaire.map((question) => question.id),
      COACHING_QUESTIONNAIRE.map((question) => question.id),
    );
    assert.deepEqual(
      questionnaire.map((question) => question.options.map((option) => option.value)),
      COACHING_QUESTIONNAIRE.map((question) => question.options.map((option) => option.value)),
    );
    assert.equal(questionnaire[2]!.options[1]!.label, 'Más o menos');
    const recommendation = recommendCoachingModel({ structure: 2, affirmation: 5, goalClarity: 'no' }, { locale: 'es' });
    assert.equal(recommendation.modelId, 'oskar');
    assert.deepEqual(recommendation.reasons, [
      coachingRecommendMessagesEs.reasons.prefersExploring,
      coachingRecommendMessagesEs.reasons.affirmationHelps,
      coachingRecommendMessagesEs.reasons.goalTakingShape,
    ]);
    assert.equal(
      recommendCoachingModel({ structure: 4, affirmation: 2 }).reasons[0],
      'You prefer structure: GROW walks four clear steps from a goal to committed actions.',
    );
    assert.throws(
      () => recommendCoachingModel({ structure: 4, affirmation: 2 }, null as never),
      (error: unknown) => isMentorKitError(error, 'invalid-input'),
    );
  });
});
