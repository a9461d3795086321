/**
 * Every element's catalogues by tag — English and the loaders of its other languages — for the tests
 * and stories that check or transform them all (localize.test.ts, the ar-XB pseudo-locale). Not part
 * of the public API; generated from the element table (`src/elements.ts`).
 */
// @generated:start — from src/elements.ts by src/generate-elements.ts; do not edit by hand
import type { CatalogueLoaders, ElementMessages } from '../internal/localize.js';
import { agreementLanguages, agreementMessages } from '../agreement/agreement.messages.js';
import { calendarConnectionsLanguages, calendarConnectionsMessages } from '../calendar-connections/calendar-connections.messages.js';
import { celebrationLanguages, celebrationMessages } from '../celebration/celebration.messages.js';
import { certificateLanguages, certificateMessages } from '../certificate/certificate.messages.js';
import { checkinLanguages, checkinMessages } from '../checkin/checkin.messages.js';
import { coachingFlowLanguages, coachingFlowMessages } from '../coaching-flow/coaching-flow.messages.js';
import { concernQueueLanguages, concernQueueMessages } from '../concern-queue/concern-queue.messages.js';
import { escalationLadderLanguages, escalationLadderMessages } from '../escalation-ladder/escalation-ladder.messages.js';
import { feedbackInsightsLanguages, feedbackInsightsMessages } from '../feedback-insights/feedback-insights.messages.js';
import { goalEditorLanguages, goalEditorMessages } from '../goal-editor/goal-editor.messages.js';
import { goalTrackerLanguages, goalTrackerMessages } from '../goal-tracker/goal-tracker.messages.js';
import { icebreakerLanguages, icebreakerMessages } from '../icebreaker/icebreaker.messages.js';
import { notificationPreferencesLanguages, notificationPreferencesMessages } from '../notification-preferences/notification-preferences.messages.js';
import { pairingBoardLanguages, pairingBoardMessages } from '../pairing-board/pairing-board.messages.js';
import { pairingCardLanguages, pairingCardMessages } from '../pairing-card/pairing-card.messages.js';
import { programmeReportLanguages, programmeReportMessages } from '../programme-report/programme-report.messages.js';
import { raiseConcernLanguages, raiseConcernMessages } from '../raise-concern/raise-concern.messages.js';
import { schedulerLanguages, schedulerMessages } from '../scheduler/scheduler.messages.js';
import { sessionFeedbackLanguages, sessionFeedbackMessages } from '../session-feedback/session-feedback.messages.js';
import { threadLanguages, threadMessages } from '../thread/thread.messages.js';

export const ELEMENT_CATALOGUES: Readonly<Record<string, { messages: ElementMessages; languages: CatalogueLoaders }>> = {
  'mk-agreement': { messages: agreementMessages, languages: agreementLanguages },
  'mk-calendar-connections': { messages: calendarConnectionsMessages, languages: calendarConnectionsLanguages },
  'mk-celebration': { messages: celebrationMessages, languages: celebrationLanguages },
  'mk-certificate': { messages: certificateMessages, languages: certificateLanguages },
  'mk-checkin': { messages: checkinMessages, languages: checkinLanguages },
  'mk-coaching-flow': { messages: coachingFlowMessages, languages: coachingFlowLanguages },
  'mk-concern-queue': { messages: concernQueueMessages, languages: concernQueueLanguages },
  'mk-escalation-ladder': { messages: escalationLadderMessages, languages: escalationLadderLanguages },
  'mk-feedback-insights': { messages: feedbackInsightsMessages, languages: feedbackInsightsLanguages },
  'mk-goal-editor': { messages: goalEditorMessages, languages: goalEditorLanguages },
  'mk-goal-tracker': { messages: goalTrackerMessages, languages: goalTrackerLanguages },
  'mk-icebreaker': { messages: icebreakerMessages, languages: icebreakerLanguages },
  'mk-notification-preferences': { messages: notificationPreferencesMessages, languages: notificationPreferencesLanguages },
  'mk-pairing-board': { messages: pairingBoardMessages, languages: pairingBoardLanguages },
  'mk-pairing-card': { messages: pairingCardMessages, languages: pairingCardLanguages },
  'mk-programme-report': { messages: programmeReportMessages, languages: programmeReportLanguages },
  'mk-raise-concern': { messages: raiseConcernMessages, languages: raiseConcernLanguages },
  'mk-scheduler': { messages: schedulerMessages, languages: schedulerLanguages },
  'mk-session-feedback': { messages: sessionFeedbackMessages, languages: sessionFeedbackLanguages },
  'mk-thread': { messages: threadMessages, languages: threadLanguages },
};
// @generated:end
