import type { CatalogueLoaders, ElementMessages } from '../internal/localize.js';

/**
 * `<mk-pairing-board>`'s own labels, in English (Spanish in `pairing-board.messages.es.ts`, loaded on first use). The reasons and unmatched explanations
 * come from core (`pairingMessages` in `@mentorkit/core/pairing`). Hosts reword or add languages with
 * `registerMessages(locale, { 'mk-pairing-board.<id>': … })`.
 */
export const pairingBoardMessages = {
  en: {
    heading: 'Match the cohort',
    loading: 'Loading the cohort…',
    'error.title': 'The cohort could not be loaded.',
    'no-program': 'Set program-id to the programme you administer.',
    forbidden: 'Only admins of this programme can match its cohort.',
    cohort: ({ mentees, mentors, seats }) =>
      `${mentees} mentee${mentees === 1 ? '' : 's'} waiting · ${mentors} mentor${mentors === 1 ? '' : 's'} with ${seats} free seat${seats === 1 ? '' : 's'}`,
    weights: 'Weights',
    'weights.hint': 'Move a slider to change how much a criterion counts; the proposal updates as you go.',
    'criterion.skills': 'Skills',
    'criterion.availability': 'Working-hours overlap',
    'criterion.language': 'Shared language',
    'criterion.interests': 'Interests',
    'criterion.rules': 'Programme rules',
    'criterion.complementarity': 'Complementary co-mentors',
    'criterion.host': 'Host score',
    'starts-on': 'Pairings start on',
    run: 'Run matching',
    rerun: 'Run matching again',
    approve: 'Approve and activate',
    working: 'Matching…',
    'proposal.heading': 'Proposed pairs',
    'proposal.empty': 'Run matching to see proposed pairs.',
    'proposal.none': 'No pair can be proposed: see why below.',
    'proposal.summary': ({ pairs, total }) => `${pairs} pair${pairs === 1 ? '' : 's'} proposed · total score ${total}`,
    score: ({ percent }) => `${percent} % match`,
    why: 'Why this pair',
    pin: 'Pin',
    pinned: 'Pinned',
    veto: 'Veto',
    'swap.label': 'Swap mentor with',
    'swap.choose': 'Choose a mentee…',
    swap: 'Swap',
    'unmatched.heading': 'Not matched',
    'unmatched.none': 'Everyone waiting has a proposed mentor.',
    'capacity.heading': 'Mentor capacity',
    'capacity.used': ({ used, total }) => `${used} of ${total} seats`,
    'availability.away-until': 'Away until {date}',
    'availability.away': 'Away until further notice',
    'availability.not-taking': 'Not taking mentees',
    'warning.away-until': ({ name, date }) => `${name} is away until ${date}`,
    'warning.away': ({ name }) => `${name} is away until further notice`,
    'warning.not-taking': ({ name }) => `${name} is not taking mentees`,
    done: ({ count }) => `${count} pairing${count === 1 ? '' : 's'} activated. Both sides have been notified.`,
    vetoed: ({ mentee, mentor }) => `Vetoed ${mentor} for ${mentee}; matching ran again.`,
    'pinned.status': ({ mentee, mentor }) => `Pinned ${mentor} for ${mentee}.`,
    'unpinned.status': ({ mentee, mentor }) => `Unpinned ${mentor} for ${mentee}.`,
    swapped: ({ first, second }) => `Swapped the mentors of ${first} and ${second}.`,
    'proposed.status': ({ pairs }) => `Matching done: ${pairs} pair${pairs === 1 ? '' : 's'} proposed.`,
    'pair.label': ({ mentee, mentors }) => `${mentee} with ${mentors}`,
    and: ' and ',
  },
} satisfies ElementMessages;

/** Other bundled languages of `pairingBoardMessages`, loaded on first use (`LocaleController`). */
export const pairingBoardLanguages: CatalogueLoaders = {
  es: () => import('./pairing-board.messages.es.js').then((module) => module.pairingBoardMessagesEs),
};
