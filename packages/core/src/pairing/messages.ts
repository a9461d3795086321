import { languageCatalogue } from '../model/languages.js';

/**
 * Every sentence the pairing module shows people (reasons, unmatched explanations, component names).
 * Hosts translate or reword them by passing `messages: { …overrides }` to `scoreMatch`/`matchMentors`
 * (or to the pairing board). Each entry is a function of plain values, so a translation can reorder.
 * Other languages: `pairingMessagesFor(locale)`, or `locale` on `scoreMatch` and `kit.pairing.propose`.
 */
export const pairingMessages = {
  component: {
    skills: 'Skills',
    availability: 'Working-hours overlap',
    language: 'Shared language',
    interests: 'Interests',
    rules: 'Programme rules',
    complementarity: 'Complementary co-mentors',
    host: 'Host score',
  } as Record<string, string>,
  priority: (priority: number): string => (priority >= 3 ? 'must have' : priority === 2 ? 'important' : 'nice to have'),
  level: (level: number): string =>
    level >= 5 ? 'expert' : level === 4 ? 'advanced' : level === 3 ? 'intermediate' : level === 2 ? 'working knowledge' : 'beginner',
  skillHeld: (mentor: string, skill: string, priority: string, level: string, value: number) =>
    `Wants ${skill} (${priority}): ${mentor} is ${level} (${value}/5)`,
  skillMissing: (mentor: string, skills: string[]) => `${mentor} does not list ${skills.join(', ')}`,
  noWantedSkills: (mentee: string) => `${mentee} lists no skills to learn yet, so skills count as neutral`,
  overlap: (hours: string, window: string) => `${hours} h/week overlap: ${window}`,
  overlapWindow: (days: string, firstTimes: string, firstPlace: string, secondTimes: string, secondPlace: string, dayShift: number) =>
    `${days} ${firstTimes} ${firstPlace} = ${secondTimes}${dayShift > 0 ? ' (next day)' : dayShift < 0 ? ' (previous day)' : ''} ${secondPlace}`,
  moreWindows: (count: number) => ` (+${count} more window${count === 1 ? '' : 's'})`,
  noOverlap: (mentee: string, mentor: string) => `No common working hours: ${mentee} and ${mentor} never work at the same time`,
  noCommonDay: (days: string) => `No common working day once off-limits days are kept free (${days})`,
  sharedLanguages: (languages: string[]) => `Shared language${languages.length > 1 ? 's' : ''}: ${languages.join(', ')}`,
  noSharedLanguage: (menteeLanguages: string[], mentorLanguages: string[]) =>
    `No shared language (${menteeLanguages.join(', ') || 'none listed'} vs ${mentorLanguages.join(', ') || 'none listed'})`,
  languagesUnknown: 'Languages not listed on both profiles, so language counts as neutral',
  sharedInterests: (interests: string[]) => `Shared interests: ${interests.join(', ')}`,
  complementary: (skills: string[]) => `The co-mentor adds ${skills.join(', ')}`,
  hostScore: (score: number) => `Compatibility from the host: ${Number.isInteger(score) ? score : score.toFixed(3)}`,
  groupTheme: (theme: string) => `Circle theme: ${theme}`,
  unmatchedNoCandidate: (why: string) => `No compatible mentor: ${why}`,
  unmatchedCapacity: 'Every compatible mentor is at capacity with mentees who fit them as well or better',
  unmatchedCoMentor: 'Only one compatible mentor had room; co-mentoring needs two different mentors',
  unmatchedFiltered: {
    forbidden: 'every possible pair is forbidden',
    minScore: (minScore: number) => `no pair reaches the minimum score ${minScore}`,
    language: 'no mentor shares a language',
    rules: 'programme rules exclude every mentor',
    unavailable: 'the mentors who would fit are away or not taking mentees',
    capacity: 'no mentor has any capacity',
    candidates: 'no candidate mentors were given',
    theme: 'no circle theme matches what the mentee wants to learn',
  },
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

export type PairingMessages = typeof pairingMessages;

/**
 * The catalogue for a locale: the one registered for its language (Spanish once `registerSpanish()` from
 * `@mentorkit/core/es` has run), else English. Pass it as `messages` to `matchMentors` for reasons in
 * that language: `matchMentors({ …, messages: pairingMessagesFor('es') })`.
 */
export function pairingMessagesFor(locale: string | undefined): PairingMessages {
  return languageCatalogue<PairingMessages>('pairing', locale) ?? pairingMessages;
}

/** The catalogue (English, or the one of `locale`'s language) with a host's overrides applied (shallow, plus the nested groups). */
export function withMessages(overrides?: Partial<PairingMessages>, locale?: string): PairingMessages {
  const base = locale === undefined ? pairingMessages : pairingMessagesFor(locale);
  if (!overrides) return base;
  return {
    ...base,
    ...overrides,
    component: { ...base.component, ...(overrides.component ?? {}) },
    unmatchedFiltered: { ...base.unmatchedFiltered, ...(overrides.unmatchedFiltered ?? {}) },
  };
}
