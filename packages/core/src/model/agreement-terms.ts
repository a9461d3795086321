/** The terms of a working agreement: what both parties confirm (and what a new version changes). */
export const AGREEMENT_TERM_KEYS = [
  'cadence',
  'sessionMinutes',
  'plannedSessions',
  'channels',
  'responseTimeHours',
  'offLimitsDays',
  'offLimitsDates',
  'participants',
  'meetingUrl',
  'sharedDocumentsUrl',
  'coachingModel',
  'checkInLevel',
  'notes',
] as const;
export type AgreementTermKey = (typeof AGREEMENT_TERM_KEYS)[number];
