import { type CatalogueLoaders, type ElementMessages } from '../internal/localize.js';

/**
 * `<mk-raise-concern>`'s messages, in English (Spanish in `raise-concern.messages.es.ts`, loaded on first
 * use). Hosts reword or add languages with `registerMessages(locale, { 'mk-raise-concern.<id>': … })`.
 */
export const raiseConcernMessages = {
  en: {
    heading: 'Raise a concern',
    loading: 'Loading…',
    'error.title': 'This could not be loaded.',
    'error.fallback': 'Something went wrong while loading.',
    'no-pairing.title': 'You are not in a pairing',
    'no-pairing.hint': 'You can raise a concern about a pairing you are in, or about a message someone sent you.',
    intro: "If something in your mentoring does not feel right, tell the programme's admins. You do not need to be sure; they will listen.",
    'about.legend': 'What is it about?',
    'about.pairing': 'Our pairing',
    'about.pairing-with': 'Your pairing with {names}',
    'about.closed': '(ended)',
    'about.paused': '(paused)',
    'about.message': 'This message',
    'quote.label': 'The message you are reporting',
    'quote.by': '{name} wrote, {time}:',
    'quote.voice': 'A voice note (its recording is not attached to the report).',
    'text.label': 'What happened?',
    'text.hint': 'In your own words. Say what happened and, if you can, when.',
    'pause.label': 'Pause our pairing now',
    'pause.hint': 'Pausing puts the pairing on hold at once, until it is resumed. Everyone in the pairing sees that it is paused, but not why.',
    'pause.closed': 'This pairing has ended, so there is nothing to pause.',
    'pause.paused': 'Your pairing is already paused.',
    'who.title': 'Who will see this',
    'who.admins': "Only the programme's admins. {names} will not see it, and neither will anyone else.",
    'who.admins-nobody': "Only the programme's admins.",
    submit: 'Send to the admins',
    sending: 'Sending…',
    'error.action': 'Your concern was not sent.',
    'error.empty': 'Say what happened, in a few words.',
    'done.title': "Your concern was sent to the programme's admins.",
    'done.next': 'They will read it and may contact you. You can follow it, and add to it, under "Your concerns".',
    'done.paused': 'Your pairing is paused now.',
    'done.already-paused': 'Your pairing was already paused.',
    'done.refused': 'Your pairing could not be paused: {reason} Ask an admin to pause it.',
    another: 'Raise another concern',
  },
} as const satisfies ElementMessages;

/** Other bundled languages of `raiseConcernMessages`, loaded on first use (`LocaleController`). */
export const raiseConcernLanguages: CatalogueLoaders = {
  es: () => import('./raise-concern.messages.es.js').then((module) => module.raiseConcernMessagesEs),
};
