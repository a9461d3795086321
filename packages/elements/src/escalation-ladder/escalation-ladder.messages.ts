import { plural, parameterText as p, type CatalogueLoaders, type ElementMessages } from '../internal/localize.js';

/**
 * `<mk-escalation-ladder>`'s messages, in English (Spanish in `escalation-ladder.messages.es.ts`, loaded on
 * first use). Hosts reword or add languages with `registerMessages(locale, { 'mk-escalation-ladder.<id>': … })`.
 */
export const escalationLadderMessages = {
  en: {
    heading: 'Quiet pairs',
    intro:
      'When a pair goes quiet, MentorKit nudges both, then alerts the programme’s admins, and — only if you turn it on — closes the pairing after a notice period, suggesting a new match.',
    loading: 'Loading the programme’s quiet pairs…',
    'error.title': 'The escalation ladder could not be loaded.',
    'error.retry': 'Try again',
    unavailable: 'The escalation ladder needs the MentorKit server, which watches pairs and sends the nudges.',
    'settings.heading': 'The ladder',
    'settings.quiet': 'Nudge both',
    'settings.quiet-value': (parameters) => `after ${p(parameters, 'days')} ${plural(parameters.days, 'day', 'days')} quiet`,
    'settings.alert': 'Alert the admins',
    'settings.alert-value': (parameters) => `after ${p(parameters, 'days')} ${plural(parameters.days, 'day', 'days')} quiet`,
    'settings.close': 'Close the pairing',
    'settings.close-off': 'never (off)',
    'settings.close-value': (parameters) =>
      `after ${p(parameters, 'days')} ${plural(parameters.days, 'day', 'days')} quiet, with ${p(parameters, 'notice')} ${plural(parameters.notice, 'day', 'days')}’ notice`,
    'settings.edit': 'Change the ladder',
    'form.quietDays': 'Nudge both after (days quiet)',
    'form.alertAdminDays': 'Alert the admins after (days quiet)',
    'form.close': 'Close quiet pairings',
    'form.close-hint': 'Off by default. Both are told first; the pairing closes at the end of the notice period unless they get going again.',
    'form.afterDays': 'Close after (days quiet)',
    'form.noticeDays': 'Notice before closing (days)',
    'form.whole-number': 'Enter a whole number of days.',
    'form.save': 'Save the ladder',
    'form.saving': 'Saving…',
    'form.cancel': 'Cancel',
    'form.error': 'The ladder was not changed.',
    'announce.saved': 'The ladder is saved.',
    'announce.refreshed': 'The list is up to date.',
    'pairs.heading': 'Pairs on the ladder',
    'pairs.as-of': 'As of {when}, worst first.',
    'pairs.refresh': 'Refresh',
    'pairs.active-count': (parameters) => `${p(parameters, 'count')} other ${plural(parameters.count, 'pair is', 'pairs are')} active.`,
    empty: 'No pairs are quiet.',
    'pair.title': '{mentee} with {mentors}',
    'pair.quiet': (parameters) => `Quiet for ${p(parameters, 'days')} ${plural(parameters.days, 'day', 'days')}`,
    'pair.last': 'last activity: {what}, {when}',
    'pair.never': 'nothing has happened since it started',
    'activity.session': 'a session',
    'activity.message': 'a message',
    'activity.goal': 'a goal update',
    'activity.start': 'the pairing started',
    'pair.stage': 'Step',
    'pair.stage-since': '{stage} since {when}',
    'pair.next': 'Next',
    'pair.next-value': '{stage} on {when}',
    'pair.next-none': 'nothing more',
    'pair.closes': 'Closes',
    'pair.closed': 'Closed',
    'pair.history': 'What happened',
    'pair.history-empty': 'No steps yet.',
    'pair.suggestion': 'Suggested instead',
    'pair.suggestion-value': '{mentee} with {mentors}',
    'pair.members': 'Last active',
    'pair.member-last': '{name}: {when}',
    'pair.member-never': '{name}: not yet',
    'steps.label': 'Steps of the ladder',
    'step.done': 'done',
    'stage.active': 'Active',
    'stage.nudged': 'Both nudged',
    'stage.admin-alerted': 'Admins alerted',
    'stage.closing': 'Closing (notice given)',
    'stage.closed-due': 'Due to close',
  },
} as const satisfies ElementMessages;

/** Other bundled languages of `escalationLadderMessages`, loaded on first use (`LocaleController`). */
export const escalationLadderLanguages: CatalogueLoaders = {
  es: () => import('./escalation-ladder.messages.es.js').then((module) => module.escalationLadderMessagesEs),
};
