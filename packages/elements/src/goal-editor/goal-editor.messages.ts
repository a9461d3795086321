import type { CatalogueLoaders, ElementMessages } from '../internal/localize.js';

/**
 * `<mk-goal-editor>`'s messages, in English (Spanish in `goal-editor.messages.es.ts`, loaded on first use). The SMART letters, their explanations and the
 * hints of what a draft misses come from the goals catalogue in core (`kit.goals.messagesFor(locale)`).
 * Hosts reword or add languages with `registerMessages(locale, { 'mk-goal-editor.<id>': … })`.
 */
export const goalEditorMessages = {
  en: {
    'heading.new': 'New goal',
    'heading.edit': 'Edit goal',
    with: 'with {names}',
    'not-found': 'This goal is not available: it may have been removed, or it is not shared with you.',
    'error.not-connected': 'MentorKit is not connected yet; try again in a moment.',
    'error.no-pairing': 'You have no pairing to set goals in yet.',
    'error.conflict':
      'Someone else changed this goal while you were editing. Your edits are still here: use "Load latest" to see theirs, or save again to replace them.',
    'error.failed': 'Saving failed: {reason}',
    'load-latest': 'Load latest',
    'title.label': 'What do you want to achieve?',
    'title.hint': 'e.g. "Run 3 team retrospectives"',
    'description.label': 'Details (optional)',
    'skill.label': 'Skill or development area',
    'skill.hint': 'e.g. time management, self-management, agility',
    'measure.legend': 'Measure (optional)',
    'metric-name.label': 'What you count',
    'metric-unit.label': 'Unit',
    'metric-start.label': 'Start',
    'metric-target.label': 'Target',
    'metric-current.label': 'Now',
    'start-date.label': 'Start date',
    'due-date.label': 'Due date',
    'milestones.legend': 'Milestones',
    'milestones.hint': 'Steps on the way, each with a date if you like. Each one ticked gets celebrated.',
    'milestone.label': 'Milestone {number}',
    'milestone.due': 'Due',
    'milestone.remove': 'Remove',
    'milestone.remove-which': 'milestone {number}',
    'milestone.add': 'Add milestone',
    private: 'Keep this goal private (your mentors will not see it)',
    save: 'Save changes',
    create: 'Set goal',
    cancel: 'Cancel',
    saved: 'Saved "{goal}".',
    created: 'Goal "{goal}" is set.',
    'checklist.heading': 'SMART checklist',
    'checklist.summary': '{met} of {total} SMART letters met',
    'confirm.weak':
      'This goal meets {met} of {total} SMART letters, so it may be hard to tell when it is done. Save it anyway, or make it more specific first?',
    'confirm.save': 'Save anyway',
    'confirm.keep': 'Keep editing',
    'criterion.met': 'met',
    'criterion.missing': 'missing',
    'verdict.met': '✓ Met',
    'invalid.title': 'Give the goal a title.',
    'invalid.metric-name': 'Say what you will count, e.g. "retrospectives run".',
    'invalid.metric-target': 'Enter the number you want to reach.',
    'invalid.metric-start': 'Enter a number, or leave it empty for 0.',
    'invalid.metric-current': 'Enter a number.',
    'invalid.milestone-title': 'Give this milestone a title, or remove it.',
    'invalid.due-date': 'The due date must not be before the start date.',
  },
} as const satisfies ElementMessages;

/** Other bundled languages of `goalEditorMessages`, loaded on first use (`LocaleController`). */
export const goalEditorLanguages: CatalogueLoaders = {
  es: () => import('./goal-editor.messages.es.js').then((module) => module.goalEditorMessagesEs),
};
