import { plural, parameterText as p, type CatalogueLoaders, type ElementMessages } from '../internal/localize.js';

/**
 * The words of field errors every form element shows (`field-errors.ts`): core's error rules
 * (`MentorKitErrorIssue.rule`) said for people, in English (Spanish in `field-errors.messages.es.ts`,
 * loaded on first use). One catalogue for all elements, under the tag `mk-field-errors`: hosts reword or
 * add languages with `registerMessages(locale, { 'mk-field-errors.required': … })`.
 */
export const fieldErrorMessages = {
  en: {
    required: 'Fill this in.',
    'time-range': 'Write working hours as 09:00-17:30, start before end; separate several ranges with commas.',
    'overlapping-ranges': 'The ranges of one day overlap: make each start after the one before ends.',
    date: 'Write dates as YYYY-MM-DD, for example 2026-12-25.',
    'date-time': 'Give a date and a time.',
    choice: 'Choose one of the options.',
    url: 'Give a full link starting with https://',
    'time-zone': 'Choose a time zone from the list.',
    number: 'Enter a number.',
    'max-length': (parameters) => `At most ${p(parameters, 'max')} ${plural(parameters.max, 'character', 'characters')}.`,
    'min-length': (parameters) => `Too short: at least ${p(parameters, 'min')}.`,
    'min-value': (parameters) => `At least ${p(parameters, 'min')}.`,
    'max-value': (parameters) => `At most ${p(parameters, 'max')}.`,
    conflict: 'Someone changed this while you were working on it. Your changes are still here: check the latest version and save again.',
    'not-found': 'This is no longer there: it may have been removed. Reload the page to see what is left.',
    forbidden: 'You cannot do this here. Ask the programme’s admins if you think you should.',
    unsupported: 'This is not available here.',
    'storage-error': 'Could not reach the server, so nothing was saved. Try again in a moment.',
    summary: (parameters) =>
      `${plural(parameters.count, 'One field needs', `${p(parameters, 'count')} fields need`)} your attention: ${plural(parameters.count, 'it is', 'they are')} marked below.`,
  },
} as const satisfies ElementMessages;

/** Other bundled languages of `fieldErrorMessages`, loaded on first use. */
export const fieldErrorLanguages: CatalogueLoaders = {
  es: () => import('./field-errors.messages.es.js').then((module) => module.fieldErrorMessagesEs),
};
