// The words of check-ins and nudges (English; other languages register theirs), and the template filler.
import { formatMessage } from '../model/message-format.js';
import { languageCatalogue, languageOf } from '../model/languages.js';
import type { CheckInLevel } from './levels.js';

/** The words of check-ins and nudges; hosts pass their own catalogue (same keys) to translate them. */
export const CHECKIN_MESSAGES = {
  levels: { 'high-touch': 'High-touch', regular: 'Regular', 'light-touch': 'Light-touch' } as Record<CheckInLevel, string>,
  reasons: {
    lowRatings: 'Recent session ratings average {average} of 5.',
    goalsBehind: '{count} {count|goal is|goals are} behind or {count|was|were} missed.',
    goalsAtRisk: 'Half or more of the open goals are at risk.',
    missedSessions: '{count} recent {count|session was|sessions were} missed.',
    thriving: 'Ratings average {average} of 5 and every open goal is on track.',
    steady: 'Feedback and goals look steady: no change needed.',
    noData: 'Not enough feedback or goal updates yet to suggest a change.',
    alreadyHighest: 'Already at the most hands-on level.',
    alreadyLightest: 'Already at the lightest level.',
    overridden: 'Kept at {level} by choice (the suggestion was {suggested}).',
  },
  nudges: {
    'check-in-due-soon': 'A check-in with {other} is due on {date}. Book a session or send a quick note.',
    'check-in-overdue': 'Your check-in with {other} is {days} {days|day|days} overdue. A short message today keeps things moving.',
    'check-in-overdue-mentee': 'It has been a while since your last check-in. You could suggest a time to {other}.',
    'pair-inactive': 'No sessions, messages or goal updates with {other} for {days} {days|day|days}. Is everything OK?',
    // The practice nudges (practice-nudges.ts): sessions, feedback, goals.
    'session-in-24h': 'Reminder: your session “{title}” with {other} is on {date} at {time}.',
    'session-in-1h': 'Your session “{title}” with {other} starts in {minutes} {minutes|minute|minutes}, at {time}.',
    'feedback-requested':
      'How did your session “{title}” with {other} go? A few words of feedback help make the next one better; you can give it until {date}.',
    'goal-due': 'Your goal “{goal}” is due on {date}. What is the next step you can take?',
    'goal-due-mentor': '{owner}’s goal “{goal}” is due on {date}. A word of encouragement could help.',
    'goal-missed': 'The date for your goal “{goal}” ({date}) has passed. That is fine: you can set a new date or adjust the goal.',
    'goal-missed-mentor': 'The date for {owner}’s goal “{goal}” ({date}) has passed. You could help them set a new date or adjust it.',
  },
};
export type CheckInMessages = typeof CHECKIN_MESSAGES;

/**
 * The catalogue for a locale: the one registered for its language (Spanish once `registerSpanish()` from
 * `@mentorkit/core/es` has run), else English (`CHECKIN_MESSAGES`).
 */
export function checkInMessagesFor(locale: string | undefined): CheckInMessages {
  return languageCatalogue<CheckInMessages>('checkins', locale) ?? CHECKIN_MESSAGES;
}

/** Names joined for `{other}` as the language lists them (`Intl.ListFormat`): "A and B", "A, B and C", "A, B y C"; English without `locale`. */
export function joinNames(names: string[], locale: string | undefined): string {
  if (typeof Intl.ListFormat !== 'function') return names.join(' and ');
  try {
    return new Intl.ListFormat(languageOf(locale) === '' ? 'en' : locale, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(' and ');
  }
}

/** Fills `{name}` and `{name|one|other}` placeholders: core's one message format (`formatMessage`). */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return formatMessage(template, values);
}
