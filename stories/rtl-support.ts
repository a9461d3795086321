/**
 * The `ar-XB` pseudo-locale ("pseudo-bidi"), built from each element's English catalogue, for
 * checking right-to-left layout without waiting for an Arabic translation.
 *
 * The transform is the one Android and Chromium use for `ar-XB`: every run of Latin letters is
 * shown right to left (wrapped in RIGHT-TO-LEFT OVERRIDE … POP DIRECTIONAL FORMATTING, with a
 * RIGHT-TO-LEFT MARK on each side), so "Your goals" reads "sruoY slaog" in an order that flows from
 * the right. Digits, punctuation, `{placeholders}` and the values put into them (names, titles,
 * dates) are left as they are — exactly as real Arabic text would hold a Latin name or a number.
 * Arrows in a message ("{before} → {after}") are turned round, as a translator would.
 * Function messages (plurals, lists) keep working: the English function runs, then its output is
 * transformed around the parameter values it contains.
 *
 * Used by `stories/rtl.stories.ts` and `packages/elements/src/internal/rtl.test.ts`.
 */
import { ELEMENT_CATALOGUES } from '../packages/elements/src/testing/catalogues.js';
import { registerMessages, type Message, type MessageCatalogue, type MessageParameters } from '@mentorkit/elements';

/** The conventional pseudo-bidi locale id (Android, Chromium). */
export const PSEUDO_BIDI_LOCALE = 'ar-XB';

export const RLM = '\u200F';
export const RLO = '\u202E';
export const PDF = '\u202C';

/** Every element's tag and its English catalogue. */
export const ENGLISH_CATALOGUES: Readonly<Record<string, MessageCatalogue>> = Object.fromEntries(
  Object.entries(ELEMENT_CATALOGUES).map(([tag, { messages }]) => [tag, messages.en]),
);

const latinRun = /[A-Za-z]+(?:['’][A-Za-z]+)*/g;
const placeholder = /(\{\w+\})/;

const mirroredArrows: Readonly<Record<string, string>> = { '→': '←', '←': '→', '⟶': '⟵', '⟵': '⟶' };

/**
 * Latin letter runs of `text` shown right to left, and arrows that say "from … to …" turned round
 * (as a translator into a right-to-left language would); everything else untouched.
 */
function flipLatin(text: string): string {
  return text.replace(latinRun, (run) => `${RLM}${RLO}${run}${PDF}${RLM}`).replace(/[→←⟶⟵]/g, (arrow) => mirroredArrows[arrow] ?? arrow);
}

/**
 * `text` in pseudo-bidi. Pieces listed in `keep` (values put into the message) and `{placeholders}`
 * are left as they are.
 */
export function pseudoBidi(text: string, keep: readonly string[] = []): string {
  const kept = [...new Set(keep.filter((piece) => /[A-Za-z]/.test(piece)))].sort((a, b) => b.length - a.length);
  const pieces = kept.length > 0 ? text.split(new RegExp(`(${kept.map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`)) : [text];
  return pieces
    .map((piece, index) =>
      index % 2 === 1
        ? piece
        : piece
            .split(placeholder)
            .map((part, inner) => (inner % 2 === 1 ? part : flipLatin(part)))
            .join(''),
    )
    .join('');
}

/** A message in pseudo-bidi: templates keep their `{placeholders}`, functions have their output transformed. */
export function pseudoBidiMessage(message: Message): Message {
  if (typeof message === 'string') return pseudoBidi(message);
  return (parameters: MessageParameters, locale: string | undefined) => pseudoBidi(message(parameters, locale), Object.values(parameters).map(String));
}

/** An element's English catalogue as `registerMessages` keys (`mk-<tag>.<id>`), in pseudo-bidi. */
export function pseudoBidiCatalogue(tag: string, english: MessageCatalogue): Record<string, Message> {
  return Object.fromEntries(Object.entries(english).map(([id, message]) => [`${tag}.${id}`, pseudoBidiMessage(message)]));
}

let registered = false;

/** Registers `ar-XB` for every element (once). Elements under `lang="ar-XB"` then render in it. */
export function registerPseudoBidi(): void {
  if (registered) return;
  registered = true;
  const all: Record<string, Message> = {};
  for (const [tag, english] of Object.entries(ENGLISH_CATALOGUES)) Object.assign(all, pseudoBidiCatalogue(tag, english));
  registerMessages(PSEUDO_BIDI_LOCALE, all);
}
