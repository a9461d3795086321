import { parameterNumber as n, parameterText as p, type CatalogueLoaders, type ElementMessages } from '../internal/localize.js';
import { feedbackTagMessages } from '../session-feedback/session-feedback.messages.js';

/**
 * `<mk-feedback-insights>`'s messages, in English (Spanish in `feedback-insights.messages.es.ts`, loaded on first use). Hosts reword or add languages with
 * `registerMessages(locale, { 'mk-feedback-insights.<id>': … })`. Training reasons (`reason.<need>`,
 * with `{mentions}`, `{considered}`, `{recent}`, `{previous}`) and tag labels (`tag.<id>`) are used
 * unless the host reworded them in core with `kit.feedback.configure({ text })`.
 */
export const feedbackInsightsMessages = {
  en: {
    heading: 'Feedback insights',
    'title.program': 'Feedback across {name}',
    'title.program.unknown': 'Feedback across the programme',
    'title.pairing': "Feedback in {name}'s pairing",
    'title.pairing.unknown': 'Feedback in this pairing',
    'title.mine': 'Feedback on your mentoring',
    'title.mentor': "Feedback on {name}'s mentoring",
    someone: 'Someone',
    loading: 'Loading insights…',
    'error.title': 'Insights could not be loaded.',
    'error.fallback': 'Something went wrong while loading.',
    empty: 'No session has ended yet. Insights appear once mentees send feedback after their sessions.',
    'trend.rising': 'Rising',
    'trend.falling': 'Falling',
    'trend.steady': 'Steady',
    'trend.not-enough-data': 'Not enough data yet',
    'stat.average': 'Average rating',
    'stat.trend': 'Trend',
    'stat.response-rate': 'Response rate',
    'stat.feedback': 'Notes received',
    /** The same requests as the response rate: answered of answered-or-closed; the open ones apart. */
    'stat.feedback.value': '{count} of {total}',
    'stat.feedback.open': (parameters) => `${p(parameters, 'count')} more may still come`,
    'rating.value': '{rating} / 5',
    'based-on': (parameters) => `Based on ${n(parameters, 'count')} mentee note${n(parameters, 'count') === 1 ? '' : 's'} you can see.`,
    'view.table': 'Show as table',
    'trend.heading': 'Rating over sessions',
    'trend.title': 'Rating per session',
    'trend.description': (parameters) =>
      `Ratings of ${n(parameters, 'count')} session${n(parameters, 'count') === 1 ? '' : 's'}, oldest first: ${parameters.ratings}. Trend: ${String(parameters.trend).toLowerCase()}.`,
    'trend.caption': 'Rating per session, oldest first',
    'table.session': 'Session',
    'table.date': 'Date',
    'table.rating': 'Rating',
    'themes.heading': 'Recurring themes',
    'themes.title': 'Recurring themes, by number of notes',
    'themes.caption': 'Recurring themes',
    'table.theme': 'Theme',
    'table.notes': 'Notes',
    'training.heading': 'Recommended training',
    'training.heading.none': 'What the feedback suggests',
    'training.minutes': '{minutes} min',
    'training.why': 'Why: {reason}',
    'missing.heading': 'Sessions without feedback ({count})',
    'missing.open': 'still open',
    'missing.closed': 'closed',
    'mentors.heading': 'By mentor',
    'mentors.caption': 'Feedback by mentor, lowest average first',
    'table.mentor': 'Mentor',
    'table.average': 'Average',
    'table.trend': 'Trend',
    'table.response-rate': 'Response rate',
    'table.needs': 'Needs',
    'need.time-management': 'time management',
    'need.falling-rating': 'falling rating',
    'need.low-rating': 'low rating',
    'need.preparation': 'preparation',
    'need.follow-up': 'follow up',
    'need.listening': 'listening',
    'need.goal-setting': 'goal setting',
    'reason.time-management': '"Ran out of time" keeps coming up: {mentions} of the last {considered} feedback notes.',
    'reason.falling-rating': 'Ratings are falling: {recent} on average lately, down from {previous}.',
    'reason.low-rating': 'Recent sessions are rated {recent} out of 5 on average.',
    'reason.preparation': 'Mentees felt sessions were unprepared: {mentions} of the last {considered} feedback notes.',
    'reason.follow-up': 'Promised follow-ups were forgotten: {mentions} of the last {considered} feedback notes.',
    'reason.listening': 'Mentees did not always feel heard: {mentions} of the last {considered} feedback notes.',
    'reason.goal-setting': 'Next steps were unclear: {mentions} of the last {considered} feedback notes.',
    ...feedbackTagMessages.en,
  },
} as const satisfies ElementMessages;

/** Other bundled languages of `feedbackInsightsMessages`, loaded on first use (`LocaleController`). */
export const feedbackInsightsLanguages: CatalogueLoaders = {
  es: () => import('./feedback-insights.messages.es.js').then((module) => module.feedbackInsightsMessagesEs),
};
