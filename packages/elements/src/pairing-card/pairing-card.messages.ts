import { plural, parameterText as p, type CatalogueLoaders, type ElementMessages } from '../internal/localize.js';

/**
 * `<mk-pairing-card>`'s messages, in English (Spanish in `pairing-card.messages.es.ts`, loaded on first use). Hosts reword or add languages with
 * `registerMessages(locale, { 'mk-pairing-card.<id>': … })`.
 */
export const pairingCardMessages = {
  en: {
    'heading.all': 'Your pairings',
    current: 'Shown in every panel',
    'person.unread': '{count} unread',
    unread: (parameters) => `${p(parameters, 'count')} unread ${plural(parameters.count, 'message', 'messages')}`,
    'heading.one': 'Your pairing',
    loading: 'Loading your pairings…',
    'error.title': 'Your pairings could not be loaded.',
    'error.fallback': 'Something went wrong while loading.',
    'empty.one.title': 'This pairing is not available.',
    'empty.one.hint': 'It may have been removed, or it is not one of your pairings.',
    'empty.all.title': 'You have no pairings yet',
    'empty.all.hint': 'When your programme pairs you with a mentor or a mentee, they appear here, with their local time.',
    'person.unknown': 'Unknown person',
    'role.mentee': 'Mentee',
    'role.mentor': 'Mentor',
    'role.co-mentor': 'Co-mentor',
    'you-are.mentee': 'You are the mentee',
    'you-are.mentor': 'You are the mentor',
    'you-are.co-mentor': 'You are the co-mentor',
    'status.proposed': 'Proposed',
    'status.active': 'Active',
    'status.paused': 'Paused',
    'status.closed': 'Closed',
    'kind.official': 'Official',
    'kind.informal': 'Informal',
    'availability.working': 'within working hours',
    'availability.outside': 'outside working hours',
    'availability.off-limits': 'off-limits day',
    'mentoring.taking-mentees': 'Taking mentees',
    'mentoring.not-taking-mentees': 'Not taking mentees',
    'mentoring.away': 'Away until further notice',
    'mentoring.away-until': 'Away until {date}',
    'mentoring.back-today': 'Back today',
    'mine.label': 'Your availability for new mentees',
    'mine.change': 'Change',
    'mine.legend': 'Are you taking new mentees?',
    'mine.away': 'Away',
    'mine.until': 'Last day away (optional)',
    'mine.until-hint': 'Leave it empty for “until further notice”. Matching proposes you again from the day after.',
    'mine.note': 'Note (optional)',
    'mine.save': 'Save',
    'mine.cancel': 'Cancel',
    'fact.local-time': 'Local time',
    'fact.time-zone': 'Time zone',
    since: 'Since {date}',
    ended: 'Ended {date}',
  },
} as const satisfies ElementMessages;

/** Other bundled languages of `pairingCardMessages`, loaded on first use (`LocaleController`). */
export const pairingCardLanguages: CatalogueLoaders = {
  es: () => import('./pairing-card.messages.es.js').then((module) => module.pairingCardMessagesEs),
};
