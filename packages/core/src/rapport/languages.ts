import { languageCatalogue } from '../model/languages.js';
import { ICEBREAKER_DECK, INFORMAL_FORMATS, type Icebreaker, type InformalFormat } from './deck.js';

/**
 * The words of the deck and the informal formats in one language, keyed by prompt and format id. Ids,
 * topics, tones and kinds never change with the language, so what a pair was dealt stays valid.
 */
export interface RapportTexts {
  prompts: Record<string, string>;
  formats: Record<string, { name: string; summary: string; instructions: readonly string[] }>;
}

/** The English words (those of `ICEBREAKER_DECK` and `INFORMAL_FORMATS`), as a catalogue a translation follows. */
export const rapportTexts: RapportTexts = Object.freeze({
  prompts: Object.fromEntries(ICEBREAKER_DECK.map((prompt) => [prompt.id, prompt.text])),
  formats: Object.fromEntries(INFORMAL_FORMATS.map((format) => [format.id, { name: format.name, summary: format.summary, instructions: format.instructions }])),
});

/** The registered words for the language of `locale` (Spanish once `registerSpanish()` from `@mentorkit/core/es` has run), or undefined. */
const textsFor = (locale: string | undefined) => languageCatalogue<RapportTexts>('rapport', locale);

/** A prompt in the language of `locale`: its registered text by id, else the prompt as it is (English, or a host's own prompt). */
export function icebreakerIn(prompt: Icebreaker, locale: string | undefined): Icebreaker {
  const text = textsFor(locale)?.prompts[prompt.id];
  return text === undefined || text === prompt.text ? prompt : Object.freeze({ ...prompt, text });
}

const decks = new WeakMap<RapportTexts, readonly Icebreaker[]>();
const formatLists = new WeakMap<RapportTexts, readonly InformalFormat[]>();

/** The built-in deck in the language of `locale` (same ids, order and tags); `ICEBREAKER_DECK` itself when no language is registered. */
export function icebreakerDeckIn(locale: string | undefined): readonly Icebreaker[] {
  const texts = textsFor(locale);
  if (!texts) return ICEBREAKER_DECK;
  let deck = decks.get(texts);
  if (!deck) decks.set(texts, (deck = Object.freeze(ICEBREAKER_DECK.map((prompt) => icebreakerIn(prompt, locale)))));
  return deck;
}

/** The informal formats in the language of `locale` (same ids, kinds and durations); `INFORMAL_FORMATS` itself when no language is registered. */
export function informalFormatsIn(locale: string | undefined): readonly InformalFormat[] {
  const texts = textsFor(locale);
  if (!texts) return INFORMAL_FORMATS;
  let formats = formatLists.get(texts);
  if (!formats) {
    formats = Object.freeze(
      INFORMAL_FORMATS.map((format) => {
        const words = texts.formats[format.id];
        return words
          ? (Object.freeze({ ...format, name: words.name, summary: words.summary, instructions: Object.freeze([...words.instructions]) }) as InformalFormat)
          : format;
      }),
    );
    formatLists.set(texts, formats);
  }
  return formats;
}
