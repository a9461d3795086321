/**
 * Entity schemas of the mentoring domain live one per module (person.ts, pairing.ts, …) so a
 * bundler keeps only those a page uses. Each `*InputSchema` validates what a command accepts; the
 * stored record is that input plus `id`, timestamps and the storage `revision`.
 */

/** Collections MentorKit stores through the adapter. Hosts' backends see these names. */
export const Collections = {
  people: 'people',
  programs: 'programs',
  pairings: 'pairings',
  agreements: 'agreements',
  sessions: 'sessions',
  goals: 'goals',
  coachingRuns: 'coaching-runs',
  feedback: 'feedback',
  messages: 'messages',
  /** Icebreaker prompts dealt to a pair (rapport), so the deck does not repeat. */
  rapport: 'rapport',
  /** Matching rounds a programme admin proposes, adjusts and activates (pairing). */
  pairingRounds: 'pairing-rounds',
  /** Busy times from each person's connected calendars, written by the MentorKit server (calendar-busy.ts). */
  calendarBusy: 'calendar-busy',
  /** Concerns raised about a pairing or a message: the reporter's and the programme admins' only (concern.ts). */
  concerns: 'concerns',
} as const;
export type CollectionName = (typeof Collections)[keyof typeof Collections];

/**
 * The record type stored in each collection, for typed reads (`kit.collection('goals')`) and the
 * feature host's typed collections. A feature with a collection of its own adds it by declaration
 * merging (`declare module '../model/collections.js' { interface CollectionRecords { … } }`).
 */
export interface CollectionRecords {
  people: import('./person.js').Person;
  programs: import('./program.js').Program;
  pairings: import('./pairing.js').Pairing;
  agreements: import('./agreement.js').Agreement;
  sessions: import('./session.js').Session;
  goals: import('./goal.js').Goal;
  'coaching-runs': import('./coaching-run.js').CoachingRun;
  feedback: import('./feedback.js').Feedback;
  messages: import('./message.js').Message;
  rapport: import('./rapport.js').RapportRecord;
  'calendar-busy': import('./calendar-busy.js').CalendarBusy;
  concerns: import('./concern.js').Concern;
}

/** Fields every stored record carries. `revision` starts at 1, increments on every put, and never repeats for an id (a re-create after a delete continues from the deleted revision). */
export type RecordMeta = {
  revision: number;
  /** ISO instant of the last write. */
  updatedAt: string;
  /** ISO instant of creation (set by the client). */
  createdAt?: string | undefined;
  /** Person who last wrote the record (set by the client). */
  updatedBy?: string | undefined;
};
