import type { CatalogueLoaders, ElementMessages } from '../internal/localize.js';

/**
 * `<mk-goal-tracker>`'s messages, in English (Spanish in `goal-tracker.messages.es.ts`, loaded on first use). Status names, celebrations and re-plan texts
 * come from the goals catalogue in core (`kit.goals.messagesFor(locale)`). Hosts reword or add
 * languages with `registerMessages(locale, { 'mk-goal-tracker.<id>': … })`.
 */
export const goalTrackerMessages = {
  en: {
    heading: 'Goals',
    with: 'with {names}',
    loading: 'Loading goals…',
    'error.load': 'Goals could not be loaded.',
    'error.conflict': 'This goal was just changed elsewhere; here is the latest version. Please tick it again.',
    'error.save': 'This change could not be saved. Check your connection and try again; if it keeps failing, reload the page.',
    'filters.label': 'Show goals',
    'filter.active': 'Active',
    'filter.achieved': 'Achieved',
    'filter.all': 'All',
    'new-goal': 'New goal',
    'empty.title': 'No goals yet — set your first one',
    'empty.hint':
      'A good goal is specific, measurable, achievable, relevant to a skill you are growing, and has a date. Your mentor sees it once you share it, and every milestone you tick gets celebrated.',
    'empty.action': 'Set your first goal',
    'empty.active.title': 'No active goals',
    'empty.active.hint': 'Everything here is achieved. Time to set the next goal?',
    'empty.achieved.title': 'No achieved goals yet',
    'empty.achieved.hint': 'Achieved goals appear here. Every milestone on the way counts.',
    due: 'Due {date}',
    'no-due': 'No due date',
    private: 'Private',
    'progress.label': 'Progress of {goal}',
    'progress.value': '{percent}% done',
    'progress.value-expected': '{percent}% done, {expected}% expected by today',
    'milestones.label': 'Milestones of {goal}',
    /** The metric: its name, current value and target (with units). Right-to-left translations turn the arrow round. */
    measure: '{name}: {current} → {target}',
    overdue: 'overdue',
    'replan.label': 'Re-plan',
    edit: 'Edit',
    archive: 'Archive',
  },
} as const satisfies ElementMessages;

/** Other bundled languages of `goalTrackerMessages`, loaded on first use (`LocaleController`). */
export const goalTrackerLanguages: CatalogueLoaders = {
  es: () => import('./goal-tracker.messages.es.js').then((module) => module.goalTrackerMessagesEs),
};
