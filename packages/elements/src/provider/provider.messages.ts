import { parameterNumber, type CatalogueLoaders, type ElementMessages } from '../internal/localize.js';

/**
 * `<mk-provider>`'s messages, in English (Spanish in `provider.messages.es.ts`, loaded on first use):
 * the notice that lists changes which were not saved. Hosts reword or add languages with
 * `registerMessages(locale, { 'mk-provider.<id>': … })`.
 *
 * A change is named by `subject.<subject>` (core's `describeFailedWrite`) with `{title}` (what the
 * person called it, e.g. a goal's title) or `{people}` (the other people, as a list); when that is
 * unknown, `subject.<subject>.unnamed` is used instead. The name then goes into `not-saved` or
 * `not-deleted` as `{what}`.
 */
export const providerMessages = {
  en: {
    heading: (parameters) => (parameterNumber(parameters, 'count') === 1 ? 'A change was not saved' : `${parameters.count} changes were not saved`),
    'not-saved': '{what} was not saved.',
    'not-deleted': '{what} was not deleted.',
    dismiss: 'Dismiss',
    'dismiss-all': 'Dismiss all',
    'all-dismissed': 'All notices dismissed.',
    'subject.message': 'Your message in the conversation with {people}',
    'subject.message.unnamed': 'Your message in the conversation',
    'subject.mentor-note': 'Your note to {people} in the mentors’ notes',
    'subject.mentor-note.unnamed': 'Your note in the mentors’ notes',
    'subject.read-marker': 'Marking the conversation with {people} as read',
    'subject.read-marker.unnamed': 'Marking the conversation as read',
    'subject.goal': 'The goal “{title}”',
    'subject.goal.unnamed': 'A goal',
    'subject.feedback': 'Your feedback on the session “{title}”',
    'subject.feedback.unnamed': 'Your session feedback',
    'subject.session': 'The session “{title}”',
    'subject.session.unnamed': 'A session',
    'subject.agreement': 'The working agreement with {people}',
    'subject.agreement.unnamed': 'The working agreement',
    'subject.coaching-session': 'Your coaching session with {people}',
    'subject.coaching-session.unnamed': 'Your coaching session',
    'subject.icebreaker': 'The icebreaker drawn with {people}',
    'subject.icebreaker.unnamed': 'The icebreaker you drew',
    'subject.pairing': 'The pairing with {people}',
    'subject.pairing.unnamed': 'A pairing',
    'subject.matching-round.unnamed': 'The matching round',
    'subject.profile': 'The profile of {people}',
    'subject.profile.unnamed': 'A profile',
    'subject.profile.own': 'Your profile',
    'subject.programme': 'The programme “{title}”',
    'subject.programme.unnamed': 'A programme',
    'subject.other.unnamed': 'A change',
  },
} as const satisfies ElementMessages;

/** Other bundled languages of `providerMessages`, loaded on first use (`LocaleController`). */
export const providerLanguages: CatalogueLoaders = {
  es: () => import('./provider.messages.es.js').then((module) => module.providerMessagesEs),
};
