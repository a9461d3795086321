import { plural, parameterText as p, type CatalogueLoaders, type ElementMessages } from '../internal/localize.js';

/**
 * `<mk-coaching-flow>`'s messages, in English (Spanish in `coaching-flow.messages.es.ts`, loaded on first use). The questions themselves come from the
 * coaching model (data in core; a host translates them by defining its own model). Hosts reword
 * or add languages with `registerMessages(locale, { 'mk-coaching-flow.<id>': … })`.
 */
export const coachingFlowMessages = {
  en: {
    heading: '{model} session',
    with: 'with {names}',
    loading: 'Loading the coaching session…',
    'error.title': 'The coaching session could not be loaded.',
    'error.fallback': 'Something went wrong while loading.',
    'unavailable.pairing': 'Choose one of your pairings to run a coaching session.',
    'unavailable.model': 'There is no coaching model “{model}”.',
    'unavailable.run': 'This coaching session is not available to you.',
    'intro.steps': 'Steps',
    'intro.start': 'Start a new {model} session',
    'intro.previous': 'Your last {model} session was on {date}.',
    stepper: 'Steps of the session',
    'stepper.summary': 'Summary',
    'step.count': 'Step {n} of {total}',
    required: 'required',
    'list.hint': 'One item per line.',
    'scale.ends': '{min}: {minLabel}. {max}: {maxLabel}.',
    'answered-by': 'Answered by {name}',
    back: 'Back',
    next: 'Next: {step}',
    finish: 'Finish',
    'save.saving': 'Saving…',
    'save.saved': 'Saved',
    'save.failed': 'Not saved: {message}',
    'save.too-long': 'Not saved: an answer is too long.',
    'limit.item-over': (parameters) =>
      `Line ${parameters.line}: ${plural(parameters.excess, '1 character', `${parameters.excess} characters`)} too many (the most is ${parameters.max} per item).`,
    'limit.items-over': (parameters) => `${parameters.count} items: the most is ${parameters.max}. Remove ${parameters.excess} or combine some.`,
    'limit.item-left': (parameters) => `Longest item: ${plural(parameters.left, '1 character left', `${parameters.left} characters left`)}`,
    'previous.heading': 'Last time ({date})',
    'previous.actions': 'Actions you chose',
    'summary.heading': 'Summary',
    'summary.finished': 'Finished on {date}',
    'summary.in-progress': 'Not completed yet',
    'summary.actions': 'Actions',
    'summary.no-answers': 'No answers in this step.',
    'summary.turn-into-goals': 'Turn into goals',
    'summary.handed-off': (parameters) =>
      Number(parameters.count) === 1 ? `Turned into 1 goal on ${parameters.date}.` : `Turned into ${parameters.count} goals on ${parameters.date}.`,
    'summary.handing-off': 'Creating goals…',
    'hand-off.title': (parameters) =>
      `Before ${plural(parameters.count, 'this action becomes a goal', `these ${p(parameters, 'count')} actions become goals`)}: when should ${plural(parameters.count, 'it', 'they')} be done, and which skill ${plural(parameters.count, 'does it', 'do they')} serve?`,
    'hand-off.due': 'Due date',
    'hand-off.skill': 'Skill or development area',
    'hand-off.skill-hint': 'e.g. time management, system design',
    'hand-off.create': (parameters) => `Create ${p(parameters, 'count')} ${plural(parameters.count, 'goal', 'goals')}`,
    'hand-off.cancel': 'Cancel',
    'hand-off.error.due': 'Choose a due date from today on.',
    'hand-off.error.skill': 'Name the skill or development area these goals serve.',
    'summary.new-session': 'Start a new session',
    'summary.complete': 'Complete the session',
    'summary.edit': 'Back to the last step',
  },
} as const satisfies ElementMessages;

/** Other bundled languages of `coachingFlowMessages`, loaded on first use (`LocaleController`). */
export const coachingFlowLanguages: CatalogueLoaders = {
  es: () => import('./coaching-flow.messages.es.js').then((module) => module.coachingFlowMessagesEs),
};
