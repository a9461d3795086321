import type { CatalogueLoaders, ElementMessages } from '../internal/localize.js';

/**
 * `<mk-celebration>`'s own messages, in English (Spanish in `celebration.messages.es.ts`, loaded on first use). The moment's heading, message and re-plan
 * choices come from the goals catalogue in core (`kit.goals.messagesFor(locale)`). Hosts reword or
 * add languages with `registerMessages(locale, { 'mk-celebration.<id>': … })`.
 */
export const celebrationMessages = {
  en: {
    close: 'Close',
  },
} as const satisfies ElementMessages;

/** Other bundled languages of `celebrationMessages`, loaded on first use (`LocaleController`). */
export const celebrationLanguages: CatalogueLoaders = {
  es: () => import('./celebration.messages.es.js').then((module) => module.celebrationMessagesEs),
};
