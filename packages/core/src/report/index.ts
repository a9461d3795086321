/**
 * @mentorkit/core/report — the programme report: one computation (`programmeReport`) over a
 * programme's records that every figure on screen and in every export uses, plus CSV and JSON
 * exports and the hours rule (`sessionMinutesHeld`). Pure functions: no DOM, no storage.
 */
export * from './types.js';
export { sessionMinutesHeld } from './hours.js';
export { programmeReport, QUIET_AFTER_DAYS, MISSED_SESSIONS_AT_RISK, LOW_RATING_AT_RISK, LOW_RATING_MIN_NOTES, OPEN_CONCERN_STATUSES } from './report.js';
export { reportColumns, reportCsv, reportJson } from './export.js';
