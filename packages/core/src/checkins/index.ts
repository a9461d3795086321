// @mentorkit/core/checkins — when the next check-in is due, overdue and inactive pairs, nudges at a
// sensible local hour, and a suggested check-in level that adapts to feedback and goals: pure
// functions over plain data (sessions, messages, goals, feedback passed in; `check-ins.ts`), and the
// check-ins feature that computes them from a client's collections (`kit.use(checkInsFeature)`,
// `feature.ts`). See docs/scheduling.md.
export { CADENCE_DAYS, CHECK_IN_INTERVAL_DAYS, DEFAULT_INACTIVE_AFTER_DAYS, DUE_SOON_DAYS, type CheckInLevel } from './levels.js';
export { CHECKIN_MESSAGES, checkInMessagesFor, fillTemplate, type CheckInMessages } from './messages.js';
export { NUDGE_HOURS, nudgePersonOf, sensibleSendTime, type Nudge, type NudgePerson } from './nudge.js';
export {
  checkInNudges,
  checkInPeople,
  checkInReasonText,
  nextCheckIn,
  pairActivity,
  pairingCheckIn,
  relationshipHealth,
  sessionHeld,
  suggestCheckInLevel,
  type CheckInFeedback,
  type CheckInGoal,
  type CheckInMessage,
  type CheckInReason,
  type CheckInSession,
  type LevelSuggestion,
  type NextCheckIn,
  type NextCheckInRequest,
  type NudgeRequest,
  type PairActivity,
  type PairActivityRequest,
  type PairingCheckIn,
  type PairingCheckInRequest,
  type SuggestLevelRequest,
} from './check-ins.js';
export {
  checkInsFeature,
  type CheckInsApi,
  type CheckInView,
  type CheckInViewNudge,
  type CheckInViewOptions,
  type CheckInViewState,
  type CheckInViewSuggestion,
  type ReadyCheckInView,
} from './feature.js';
export {
  DEFAULT_ESCALATION_SETTINGS,
  ESCALATION_STAGES,
  escalationRank,
  escalationStage,
  validateEscalationSettings,
  type EscalationRequest,
  type EscalationSettings,
  type EscalationStage,
  type EscalationStageName,
} from './escalation.js';
export {
  feedbackRequestNudges,
  goalNudges,
  GOAL_DUE_SOON_DAYS,
  GOAL_MISSED_WITHIN_DAYS,
  practiceNudges,
  PRACTICE_NUDGE_KINDS,
  SESSION_REMINDER_LOOKAHEAD_MINUTES,
  SESSION_REMINDER_NIGHT,
  SESSION_REMINDERS,
  sessionReminderNudges,
  sessionReminderTime,
  type PracticeFeedback,
  type PracticeGoal,
  type PracticeNudge,
  type PracticeNudgeKind,
  type PracticeNudgeRequest,
  type PracticeSession,
} from './practice-nudges.js';
export { DIGEST_FREQUENCIES, digestSlot, type DigestFrequency, type DigestSlot } from './digest.js';
