/**
 * @mentorkit/elements — MentorKit's web components. Importing this module registers nothing:
 * import `@mentorkit/elements/define-all.js` (or one element's `…/<element>/define.js`) to define
 * the tags, or register the classes under names of your own.
 */
export { MkElement, StoreController, ClockController, emit, mentorKitContext, ensureContextRoot, baseStyles } from './internal/index.js';
export type { ClockControllerOptions, EmitOptions, LoadRetry, LoadState, MentorKitContext, MkEventDetail, MkEventName, StoreSource } from './internal/index.js';
export {
  browserTimeZone,
  formatCalendarDate,
  formatList,
  formatRelativeDays,
  formatWallClock,
  initialsOf,
  resolveLocale,
  supportedLocale,
} from './internal/index.js';
export { BUNDLED_LANGUAGES, LocaleController, provideLanguage, registerMessages, translate } from './internal/index.js';
export type { ElementMessages, Message, MessageCatalogue, MessageParameters } from './internal/index.js';
export { pairingCardMessages } from './pairing-card/pairing-card.messages.js';
export { lightColors, darkColors, sharedTokens, themeCssText, themeTokens, adoptThemeTokens } from './theme/index.js';
export type { MentorKitTokenName } from './theme/index.js';
export { MkProvider, ProviderStorage } from './provider/provider.js';
export type { MkErrorDetail, MkReadyDetail } from './provider/provider.js';
export { providerMessages } from './provider/provider.messages.js';
export { failedWriteText } from './provider/failed-writes.js';
export { MkPairingCard } from './pairing-card/pairing-card.js';
export type { MkPairingSelectDetail } from './pairing-card/pairing-card.js';
export { MkGoalTracker, GoalFilter } from './goal-tracker/goal-tracker.js';
export type { MkGoalNewDetail, MkGoalEditDetail, MkMilestoneToggleDetail } from './goal-tracker/goal-tracker.js';
export { MkGoalEditor } from './goal-editor/goal-editor.js';
export type { MkGoalSaveDetail, MkGoalCancelDetail } from './goal-editor/goal-editor.js';
export { MkCelebration } from './celebration/celebration.js';
export type { MkGoalReplanDetail, MkCelebrationCloseDetail } from './celebration/celebration.js';
export { MkCoachingFlow } from './coaching-flow/coaching-flow.js';
export type { MkTurnIntoGoalsDetail, MkCoachingRunDetail } from './coaching-flow/coaching-flow.js';
export { MkIcebreaker } from './icebreaker/icebreaker.js';
export type { MkIcebreakerDealDetail } from './icebreaker/icebreaker.js';
export { MkSessionFeedback } from './session-feedback/session-feedback.js';
export type { MkFeedbackSubmitDetail } from './session-feedback/session-feedback.js';
export { MkFeedbackInsights } from './feedback-insights/feedback-insights.js';
export { MkThread, THREAD_PAGE_SIZE, THREAD_MAX_RENDERED } from './thread/thread.js';
export type { MkMessageDetail } from './thread/thread.js';
export { MkAgreement } from './agreement/agreement.js';
export type { MkAgreementEventDetail } from './agreement/agreement.js';
export { MkScheduler } from './scheduler/scheduler.js';
export type { MkCalendarDownloadDetail, MkSessionBookedDetail, MkSessionCancelledDetail } from './scheduler/scheduler.js';
export { MkCalendarConnections } from './calendar-connections/calendar-connections.js';
export type { MkCalendarConnectedDetail, MkCalendarDisconnectedDetail, MkCalendarFeedChangedDetail } from './calendar-connections/calendar-connections.js';
export { MkNotificationPreferences } from './notification-preferences/notification-preferences.js';
export type { MkNotificationPreferencesChangeDetail } from './notification-preferences/notification-preferences.js';
export { MkEscalationLadder } from './escalation-ladder/escalation-ladder.js';
export { MkCertificate } from './certificate/certificate.js';
export type { MkCertificateDownloadDetail, MkCertificateIssueDetail, MkCertificateRevokeDetail } from './certificate/certificate.js';
export type { MkEscalationSettingsChangeDetail } from './escalation-ladder/escalation-ladder.js';
export { MkProgrammeReport } from './programme-report/programme-report.js';
export type { MkPairOpenDetail, MkReportExportDetail, MkReportPeriodChangeDetail } from './programme-report/programme-report.js';
export { MkCheckin } from './checkin/checkin.js';
export { MkRaiseConcern } from './raise-concern/raise-concern.js';
export type { MkConcernRaiseDetail } from './raise-concern/raise-concern.js';
export { MkConcernQueue } from './concern-queue/concern-queue.js';
export type { MkConcernChangeDetail } from './concern-queue/concern-queue.js';
export type { MkCheckInLevelChangeDetail } from './checkin/checkin.js';
export { MkPairingBoard } from './pairing-board/pairing-board.js';
export type { MkPairingRoundActivateDetail, MkPairingRoundChangeDetail } from './pairing-board/pairing-board.js';
