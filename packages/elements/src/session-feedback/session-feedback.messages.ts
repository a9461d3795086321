import type { CatalogueLoaders, ElementMessages } from '../internal/localize.js';

/** Labels of core's suggested feedback tags (`FEEDBACK_TAGS`), shared with `<mk-feedback-insights>`. */
export const feedbackTagMessages = {
  en: {
    'tag.clear-next-steps': 'Clear next steps',
    'tag.good-listener': 'Listened well',
    'tag.useful-resources': 'Useful resources',
    'tag.encouraging': 'Encouraging',
    'tag.ran-out-of-time': 'Ran out of time',
    'tag.felt-rushed': 'Felt rushed',
    'tag.unprepared': 'Felt unprepared',
    'tag.unclear-next-steps': 'Unclear next steps',
    'tag.forgot-follow-up': 'Follow-up forgotten',
    'tag.interrupted': 'Did not feel heard',
  },
} as const satisfies ElementMessages;

/**
 * `<mk-session-feedback>`'s messages, in English (Spanish in `session-feedback.messages.es.ts`, loaded on first use). Hosts reword or add languages with
 * `registerMessages(locale, { 'mk-session-feedback.<id>': … })`. Tag labels (`tag.<id>`) are used
 * unless the host reworded them in core with `kit.feedback.configure({ text: { tagLabels } })`.
 */
export const sessionFeedbackMessages = {
  en: {
    heading: 'Session feedback',
    with: 'with {names}',
    'heading.thanks': 'Thank you for your feedback',
    'heading.edit': 'Edit your feedback',
    'heading.form': 'How did the session go?',
    loading: 'Loading feedback…',
    'error.title': 'Feedback could not be loaded.',
    'error.fallback': 'Something went wrong while loading.',
    'error.not-sent': 'Your feedback was not sent.',
    empty: 'No feedback is asked of you right now. A request appears here when a session ends.',
    unavailable: 'This session is not available. It may have been removed, or it is not one of your sessions.',
    'not-ended': 'Feedback on “{title}” opens when the session ends, at {time}.',
    'not-requested': 'Feedback on “{title}” is asked from the mentee.',
    closed: 'Feedback on “{title}” closed on {time}.',
    'session-line': '{title} · you can send or change this until {time}',
    'rating.1': 'Poor',
    'rating.2': 'Fair',
    'rating.3': 'Good',
    'rating.4': 'Very good',
    'rating.5': 'Excellent',
    'rating.legend': 'How useful was the session?',
    'rating.value': '{rating} of 5 · {label}',
    'tags.legend': 'What stood out?',
    optional: '(optional)',
    'field.helped': 'What helped?',
    'field.missed': 'What was missed or forgotten?',
    'field.toolSuggestion': 'A tool or resource that would help',
    'field.other': 'Anything else',
    'summary.rating': 'Rating',
    'summary.tags': 'Tags',
    reveal: 'Reveal when both submit',
    'reveal.hint': '— the other side sees your note only after sending theirs.',
    'anonymity.label': 'In programme reports, show my note',
    'anonymity.named': 'With my name',
    'anonymity.anonymous': 'Without my name',
    'anonymity.numbers-only': 'Only in counts and averages',
    save: 'Save changes',
    send: 'Send feedback',
    cancel: 'Cancel',
    thanks: 'Thank you — your feedback was sent.',
    held: 'Your note is held until the other side has sent theirs; then you both see both.',
    others: 'Their feedback',
    someone: 'Someone',
    edit: 'Edit feedback',
    'edit.until': 'You can change it until {time}.',
    'edit.closed': 'It could be changed until {time}; it is final now.',
    ...feedbackTagMessages.en,
  },
} as const satisfies ElementMessages;

/** Other bundled languages of `sessionFeedbackMessages`, loaded on first use (`LocaleController`). */
export const sessionFeedbackLanguages: CatalogueLoaders = {
  es: () => import('./session-feedback.messages.es.js').then((module) => module.sessionFeedbackMessagesEs),
};
