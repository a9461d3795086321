/**
 * Spanish for every MentorKit element and for core's sentences, at once. Elements load a page's
 * language on first use, showing English until it arrives; a page that is in Spanish from the start
 * imports this before the elements render, and they render in Spanish the first time:
 *
 * ```ts
 * import '@mentorkit/elements/locales/es';
 * import '@mentorkit/elements/define-all.js';
 * ```
 *
 * It is the text Spanish pages load on first use anyway (about 19 kB gzipped as one file), paid up front.
 */
import { registerSpanish } from '@mentorkit/core/es';
import { provideLanguage } from '../internal/localize.js';
// @generated:start — from src/elements.ts by src/generate-elements.ts; do not edit by hand
import { agreementMessagesEs } from '../agreement/agreement.messages.es.js';
import { calendarConnectionsMessagesEs } from '../calendar-connections/calendar-connections.messages.es.js';
import { celebrationMessagesEs } from '../celebration/celebration.messages.es.js';
import { certificateMessagesEs } from '../certificate/certificate.messages.es.js';
import { checkinMessagesEs } from '../checkin/checkin.messages.es.js';
import { coachingFlowMessagesEs } from '../coaching-flow/coaching-flow.messages.es.js';
import { escalationLadderMessagesEs } from '../escalation-ladder/escalation-ladder.messages.es.js';
import { feedbackInsightsMessagesEs } from '../feedback-insights/feedback-insights.messages.es.js';
import { goalEditorMessagesEs } from '../goal-editor/goal-editor.messages.es.js';
import { goalTrackerMessagesEs } from '../goal-tracker/goal-tracker.messages.es.js';
import { icebreakerMessagesEs } from '../icebreaker/icebreaker.messages.es.js';
import { notificationPreferencesMessagesEs } from '../notification-preferences/notification-preferences.messages.es.js';
import { pairingBoardMessagesEs } from '../pairing-board/pairing-board.messages.es.js';
import { pairingCardMessagesEs } from '../pairing-card/pairing-card.messages.es.js';
import { programmeReportMessagesEs } from '../programme-report/programme-report.messages.es.js';
import { schedulerMessagesEs } from '../scheduler/scheduler.messages.es.js';
import { sessionFeedbackMessagesEs } from '../session-feedback/session-feedback.messages.es.js';
import { threadMessagesEs } from '../thread/thread.messages.es.js';
import { raiseConcernMessagesEs } from '../raise-concern/raise-concern.messages.es.js';
import { concernQueueMessagesEs } from '../concern-queue/concern-queue.messages.es.js';
import { textLimitMessagesEs } from '../text-limit/text-limit.messages.es.js';
import { fieldErrorMessagesEs } from '../field-errors/field-errors.messages.es.js';

/** Every element's Spanish catalogue, by tag (a test holds it to the elements that have one). */
export const elementCataloguesEs = {
  'mk-agreement': agreementMessagesEs,
  'mk-calendar-connections': calendarConnectionsMessagesEs,
  'mk-celebration': celebrationMessagesEs,
  'mk-certificate': certificateMessagesEs,
  'mk-checkin': checkinMessagesEs,
  'mk-coaching-flow': coachingFlowMessagesEs,
  'mk-escalation-ladder': escalationLadderMessagesEs,
  'mk-feedback-insights': feedbackInsightsMessagesEs,
  'mk-goal-editor': goalEditorMessagesEs,
  'mk-goal-tracker': goalTrackerMessagesEs,
  'mk-icebreaker': icebreakerMessagesEs,
  'mk-notification-preferences': notificationPreferencesMessagesEs,
  'mk-pairing-board': pairingBoardMessagesEs,
  'mk-pairing-card': pairingCardMessagesEs,
  'mk-programme-report': programmeReportMessagesEs,
  'mk-scheduler': schedulerMessagesEs,
  'mk-session-feedback': sessionFeedbackMessagesEs,
  'mk-thread': threadMessagesEs,
  'mk-raise-concern': raiseConcernMessagesEs,
  'mk-concern-queue': concernQueueMessagesEs,
} as const;

/** Catalogues several elements share, by the tag they are registered under (the length counters of every form). */
export const sharedCataloguesEs = {
  'mk-text-limit': textLimitMessagesEs,
  'mk-field-errors': fieldErrorMessagesEs,
} as const;
// @generated:end

registerSpanish();
provideLanguage('es', { ...elementCataloguesEs, ...sharedCataloguesEs }, { core: true });
