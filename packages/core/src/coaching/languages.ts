import { languageCatalogue } from '../model/languages.js';
import { BUILT_IN_MODELS } from './builtin.js';
import type { CoachingModel, CoachingPrompt, CoachingStep } from './model.js';

/**
 * A coaching model's words in another language, keyed by the ids of its steps and prompts. Ids, kinds,
 * scales and `required` never change with the language, so a flow saved in one language stays valid
 * (and its answers keep their keys) when shown in another.
 *
 * ```ts
 * const { registerSpanish } = await import('@mentorkit/core/es');
 * registerSpanish();
 * coachingModelIn(GROW, 'es').steps[0].title;   // 'Meta'
 * ```
 */
export interface CoachingModelTexts {
  name?: string | undefined;
  description?: string | undefined;
  steps?: Record<string, { title?: string | undefined; purpose?: string | undefined }> | undefined;
  prompts?: Record<string, { text?: string | undefined; help?: string | undefined; minLabel?: string | undefined; maxLabel?: string | undefined }> | undefined;
}

/** The words of a model as a `CoachingModelTexts` (what a translation of it has to cover). */
export function coachingModelTexts(model: CoachingModel): CoachingModelTexts {
  const prompts: NonNullable<CoachingModelTexts['prompts']> = {};
  const steps: NonNullable<CoachingModelTexts['steps']> = {};
  for (const step of model.steps) {
    steps[step.id] = { title: step.title, purpose: step.purpose };
    for (const prompt of step.prompts) {
      prompts[prompt.id] = {
        text: prompt.text,
        ...(prompt.help !== undefined ? { help: prompt.help } : {}),
        ...(prompt.minLabel !== undefined ? { minLabel: prompt.minLabel } : {}),
        ...(prompt.maxLabel !== undefined ? { maxLabel: prompt.maxLabel } : {}),
      };
    }
  }
  return { name: model.name, ...(model.description !== undefined ? { description: model.description } : {}), steps, prompts };
}

const cache = new WeakMap<CoachingModel, Map<CoachingModelTexts, CoachingModel>>();

/**
 * The model with `texts` laid over its words (by step and prompt id; anything not given keeps its
 * text). Ids and structure are untouched. The result is frozen and cached per model and texts.
 */
export function translateCoachingModel(model: CoachingModel, texts: CoachingModelTexts | undefined): CoachingModel {
  if (!texts) return model;
  const byTexts = cache.get(model) ?? new Map<CoachingModelTexts, CoachingModel>();
  const hit = byTexts.get(texts);
  if (hit) return hit;
  const promptIn = (prompt: CoachingPrompt): CoachingPrompt => {
    const words = texts.prompts?.[prompt.id];
    if (!words) return prompt;
    return Object.freeze({
      ...prompt,
      ...(words.text ? { text: words.text } : {}),
      ...(words.help && prompt.help !== undefined ? { help: words.help } : {}),
      ...(words.minLabel && prompt.minLabel !== undefined ? { minLabel: words.minLabel } : {}),
      ...(words.maxLabel && prompt.maxLabel !== undefined ? { maxLabel: words.maxLabel } : {}),
    });
  };
  const stepIn = (step: CoachingStep): CoachingStep => {
    const words = texts.steps?.[step.id];
    return Object.freeze({
      ...step,
      ...(words?.title ? { title: words.title } : {}),
      ...(words?.purpose ? { purpose: words.purpose } : {}),
      prompts: Object.freeze(step.prompts.map(promptIn)),
    });
  };
  const translated: CoachingModel = Object.freeze({
    ...model,
    ...(texts.name ? { name: texts.name } : {}),
    ...(texts.description && model.description !== undefined ? { description: texts.description } : {}),
    steps: Object.freeze(model.steps.map(stepIn)),
  });
  byTexts.set(texts, translated);
  cache.set(model, byTexts);
  return translated;
}

/**
 * A model in the language of `locale`: for the built-in models (GROW, OSKAR, by id) the texts registered
 * for that language (Spanish once `registerSpanish()` from `@mentorkit/core/es` has run), laid over the
 * model by step and prompt id; any other model, or a language with no texts, comes back unchanged.
 * Works on a flow's saved model too: `coachingModelIn(flow.model, 'es')`.
 */
export function coachingModelIn(model: CoachingModel, locale: string | undefined): CoachingModel {
  const texts = languageCatalogue<Record<string, CoachingModelTexts>>('coaching-models', locale);
  return translateCoachingModel(model, texts?.[model.id]);
}

/** GROW and OSKAR in the language of `locale` (English when none is registered for it). */
export function localizedBuiltInModels(locale: string | undefined): Readonly<Record<'grow' | 'oskar', CoachingModel>> {
  return { grow: coachingModelIn(BUILT_IN_MODELS.grow, locale), oskar: coachingModelIn(BUILT_IN_MODELS.oskar, locale) };
}
