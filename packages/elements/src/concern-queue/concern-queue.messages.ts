import { plural, parameterText as p, type CatalogueLoaders, type ElementMessages } from '../internal/localize.js';

/**
 * `<mk-concern-queue>`'s messages, in English (Spanish in `concern-queue.messages.es.ts`, loaded on first
 * use). Hosts reword or add languages with `registerMessages(locale, { 'mk-concern-queue.<id>': … })`.
 */
export const concernQueueMessages = {
  en: {
    heading: 'Concerns',
    'heading.mine': 'Your concerns',
    loading: 'Loading concerns…',
    'error.title': 'Concerns could not be loaded.',
    'error.fallback': 'Something went wrong while loading.',
    'empty.title': 'No concerns',
    'empty.admin': "When someone in your programme raises a concern, it appears here. Only the programme's admins see it.",
    'empty.mine': 'You have not raised any concerns. If something does not feel right, you can raise one at any time.',
    summary: (parameters) => `${p(parameters, 'open')} open · ${p(parameters, 'review')} in review · ${p(parameters, 'closed')} closed`,
    'status.open': 'Open',
    'status.in-review': 'In review',
    'status.closed': 'Closed',
    'title.pairing': 'About the pairing of {mentee} with {mentors}',
    'title.message': 'A message from {author}, in the pairing of {mentee} with {mentors}',
    'raised-by': 'Raised by {name}, {time}',
    'raised-by.you': 'Raised by you, {time}',
    'pause.requested': 'Pause requested',
    'pause.done': 'Pairing paused',
    'quote.label': 'The reported message',
    'quote.by': '{name} wrote, {time}:',
    'quote.voice': 'A voice note (its recording is not attached).',
    'text.label': 'What happened',
    'trail.label': 'History',
    'trail.raised': '{name} raised it.',
    'trail.status': '{name} moved it to {status}.',
    'trail.note': '{name} added a note.',
    'trail.paused': "The pairing was paused at {name}'s request.",
    'trail.count': (parameters) => `History (${p(parameters, 'count')} ${plural(parameters.count, 'entry', 'entries')})`,
    'form.status': 'Status',
    'form.keep': 'Keep as {status}',
    'form.move': 'Move to {status}',
    'form.note': 'Note (optional)',
    'form.note.reporter': 'Add something to your concern',
    'form.save': 'Save',
    'form.add': 'Add note',
    'form.saving': 'Saving…',
    'form.nothing': 'Choose another status or write a note.',
    'done.status': 'Moved to {status}.',
    'done.note': 'Note added.',
    'error.action': 'That was not saved.',
  },
} as const satisfies ElementMessages;

/** Other bundled languages of `concernQueueMessages`, loaded on first use (`LocaleController`). */
export const concernQueueLanguages: CatalogueLoaders = {
  es: () => import('./concern-queue.messages.es.js').then((module) => module.concernQueueMessagesEs),
};
