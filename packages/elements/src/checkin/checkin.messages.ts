import { plural, parameterText as p, type CatalogueLoaders, type ElementMessages } from '../internal/localize.js';

/**
 * `<mk-checkin>`'s messages, in English (Spanish in `checkin.messages.es.ts`, loaded on first use). Hosts reword or add languages with
 * `registerMessages(locale, { 'mk-checkin.<id>': … })`. Reasons and nudges are core's codes
 * (`LevelSuggestion.reasonCodes`, `Nudge.code`) under `reason.*` and `nudge.*`.
 */
export const checkinMessages = {
  en: {
    heading: 'Check-ins',
    with: 'with {names}',
    loading: 'Loading check-ins…',
    'error.title': 'Check-ins could not be loaded.',
    'error.fallback': 'Something went wrong while loading.',
    'error.action': 'That did not work.',
    'not-found.title': 'This pairing is not available.',
    'not-found.hint': 'It may have been removed, or it is not one of your pairings.',
    'no-agreement.title': 'No working agreement yet',
    'no-agreement.hint': 'Once the pair agrees a cadence and a check-in level, this shows when the next check-in is due.',
    'level.high-touch': 'High-touch',
    'level.regular': 'Regular',
    'level.light-touch': 'Light-touch',
    'due.heading': 'Next check-in',
    'due.due': 'Due',
    'due.was-due': 'Was due',
    interval: (parameters) => `${p(parameters, 'level')}: every ${p(parameters, 'days')} ${plural(parameters.days, 'day', 'days')}.`,
    'last.session': 'Last check-in: a session on {date}.',
    'last.message': 'Last check-in: a message on {date}.',
    'last.none': 'No check-in yet: counted from the agreement.',
    'next-session': 'Next session: {date}.',
    'next-session.covers': 'Next session: {date} — it covers this check-in.',
    'overdue.title': (parameters) =>
      `Check-in overdue by ${Number(parameters.days) === 0 ? 'less than a day' : `${p(parameters, 'days')} ${plural(parameters.days, 'day', 'days')}`}`,
    'overdue.hint': 'A short message or a session gets things moving again.',
    'due-soon.title': 'Check-in due soon',
    'inactive.title': (parameters) => `No activity for ${p(parameters, 'days')} ${plural(parameters.days, 'day', 'days')}`,
    'inactive.hint': 'No session, message or goal update since {date}.',
    'level.heading': 'Check-in level',
    'level.agreed': 'Agreed:',
    'level.suggested': 'suggested:',
    'level.keep-it': 'suggestion: keep it',
    'level.adopt': 'Switch to {level}',
    'level.keep': 'Keep {level}',
    'notice.adopted': 'Check-in level changed to {level} (agreement version {version}; the others are asked to confirm).',
    'notice.kept': 'Kept at {level}.',
    'nudges.heading': 'Reminders',
    'nudges.when': '{time} their time:',
    'reason.lowRatings': 'Recent session ratings average {average} of 5.',
    'reason.goalsBehind': (parameters) =>
      `${p(parameters, 'count')} ${plural(parameters.count, 'goal is', 'goals are')} behind or ${plural(parameters.count, 'was', 'were')} missed.`,
    'reason.goalsAtRisk': 'Half or more of the open goals are at risk.',
    'reason.missedSessions': (parameters) => `${p(parameters, 'count')} recent ${plural(parameters.count, 'session was', 'sessions were')} missed.`,
    'reason.thriving': 'Ratings average {average} of 5 and every open goal is on track.',
    'reason.steady': 'Feedback and goals look steady: no change needed.',
    'reason.noData': 'Not enough feedback or goal updates yet to suggest a change.',
    'reason.alreadyHighest': 'Already at the most hands-on level.',
    'reason.alreadyLightest': 'Already at the lightest level.',
    'reason.overridden': 'Kept at {level} by choice (the suggestion was {suggested}).',
    'nudge.check-in-due-soon': 'A check-in with {other} is due on {date}. Book a session or send a quick note.',
    'nudge.check-in-overdue': (parameters) =>
      `Your check-in with ${p(parameters, 'other')} is ${p(parameters, 'days')} ${plural(parameters.days, 'day', 'days')} overdue. A short message today keeps things moving.`,
    'nudge.check-in-overdue-mentee': 'It has been a while since your last check-in. You could suggest a time to {other}.',
    'nudge.pair-inactive': (parameters) =>
      `No sessions, messages or goal updates with ${p(parameters, 'other')} for ${p(parameters, 'days')} ${plural(parameters.days, 'day', 'days')}. Is everything OK?`,
  },
} as const satisfies ElementMessages;

/** Other bundled languages of `checkinMessages`, loaded on first use (`LocaleController`). */
export const checkinLanguages: CatalogueLoaders = {
  es: () => import('./checkin.messages.es.js').then((module) => module.checkinMessagesEs),
};
