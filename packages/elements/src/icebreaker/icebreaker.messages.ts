import type { CatalogueLoaders, ElementMessages } from '../internal/localize.js';

/**
 * `<mk-icebreaker>`'s messages, in English (Spanish in `icebreaker.messages.es.ts`, loaded on first use). The prompts and formats come from core's deck
 * (English); hosts reword or add languages with `registerMessages(locale, { 'mk-icebreaker.<id>': … })`.
 */
export const icebreakerMessages = {
  en: {
    heading: 'Open with a question',
    with: 'with {names}',
    loading: 'Loading…',
    'error.title': 'The icebreaker could not be loaded.',
    'error.fallback': 'Something went wrong while loading.',
    unavailable: 'Choose one of your pairings to get a question for it.',
    'empty.title': 'Start your session with a question for both of you.',
    'empty.hint': 'A new one each time; no repeats until you have had them all.',
    deal: 'Deal a question',
    another: 'Another one',
    dealing: 'Dealing…',
    'topic.label': 'Topic',
    'topic.any': 'Any topic',
    'topic.work': 'Work',
    'topic.non-work': 'Not about work',
    'tone.light': 'Light',
    'tone.playful': 'Playful',
    'tone.reflective': 'Reflective',
    'kind.icebreaker': 'Icebreaker',
    'kind.check-in': 'Check-in',
    tags: 'Tags',
    'dealt-by': 'Dealt by {name}',
    round: (parameters) =>
      Number(parameters.remaining) === 1 ? `1 new question left in this round` : `${parameters.remaining} new questions left in this round`,
    'formats.heading': 'Informal formats',
    'formats.minutes': '{minutes} min',
  },
} as const satisfies ElementMessages;

/** Other bundled languages of `icebreakerMessages`, loaded on first use (`LocaleController`). */
export const icebreakerLanguages: CatalogueLoaders = {
  es: () => import('./icebreaker.messages.es.js').then((module) => module.icebreakerMessagesEs),
};
