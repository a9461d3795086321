import { plural, type CatalogueLoaders, type ElementMessages } from '../internal/localize.js';

/**
 * The words of the length counters every form element shows (`text-limit.ts`), in English (Spanish in
 * `text-limit.messages.es.ts`, loaded on first use). One catalogue for all elements, under the tag
 * `mk-text-limit`: hosts reword or add languages with
 * `registerMessages(locale, { 'mk-text-limit.limit.over': … })`.
 */
export const textLimitMessages = {
  en: {
    'limit.left': (parameters) => plural(parameters.left, '1 character left', `${parameters.left} characters left`),
    'limit.over': (parameters) =>
      `${plural(parameters.excess, '1 character too many', `${parameters.excess} characters too many`)}: the most is ${parameters.max}. Shorten it to save; nothing is cut.`,
    'limit.blocked': 'Some text is too long. Shorten the fields marked, then try again; your text is kept as you wrote it.',
  },
} as const satisfies ElementMessages;

/** Other bundled languages of `textLimitMessages`, loaded on first use. */
export const textLimitLanguages: CatalogueLoaders = {
  es: () => import('./text-limit.messages.es.js').then((module) => module.textLimitMessagesEs),
};
