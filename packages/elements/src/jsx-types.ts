// Generated from custom-elements.json by `npm run analyze` (scripts/lib/jsx-types.mjs). Do not edit.
import type { MkAgreementEventDetail } from './agreement/agreement.js';
import type { MkCalendarConnectedDetail, MkCalendarDisconnectedDetail, MkCalendarFeedChangedDetail } from './calendar-connections/calendar-connections.js';
import type { MkCelebrationCloseDetail, MkGoalReplanDetail } from './celebration/celebration.js';
import type { MkCertificateDownloadDetail, MkCertificateIssueDetail, MkCertificateRevokeDetail } from './certificate/certificate.js';
import type { MkCheckInLevelChangeDetail } from './checkin/checkin.js';
import type { MkCoachingRunDetail, MkTurnIntoGoalsDetail } from './coaching-flow/coaching-flow.js';
import type { MkConcernChangeDetail } from './concern-queue/concern-queue.js';
import type { MkEscalationSettingsChangeDetail } from './escalation-ladder/escalation-ladder.js';
import type { MkGoalCancelDetail, MkGoalSaveDetail } from './goal-editor/goal-editor.js';
import type { MkGoalEditDetail, MkGoalNewDetail, MkMilestoneToggleDetail } from './goal-tracker/goal-tracker.js';
import type { MkIcebreakerDealDetail } from './icebreaker/icebreaker.js';
import type { MkNotificationPreferencesChangeDetail } from './notification-preferences/notification-preferences.js';
import type { MkPairingRoundActivateDetail, MkPairingRoundChangeDetail } from './pairing-board/pairing-board.js';
import type { MkAvailabilityChangeDetail, MkPairingSelectDetail } from './pairing-card/pairing-card.js';
import type { MkPairOpenDetail, MkReportExportDetail, MkReportPeriodChangeDetail } from './programme-report/programme-report.js';
import type { MkErrorDetail, MkReadyDetail } from './provider/provider.js';
import type { MkConcernRaiseDetail } from './raise-concern/raise-concern.js';
import type { MkCalendarDownloadDetail, MkSessionAttendanceDetail, MkSessionBookedDetail, MkSessionCancelledDetail } from './scheduler/scheduler.js';
import type { MkFeedbackSubmitDetail } from './session-feedback/session-feedback.js';
import type { MkMessageDetail } from './thread/thread.js';
import type { GoalDraft, MentorKit } from '@mentorkit/core';
import type { AgreementMessages } from '@mentorkit/core/agreements';
import type { CheckInMessages } from '@mentorkit/core/checkins';
import type { CoachingModel, GoalHandOffContext } from '@mentorkit/core/coaching';

/**
 * Every MentorKit element with its attributes (as written in markup), properties and events
 * (`on` + event name, as React 19 attaches listeners to custom elements). Framework bindings build on
 * it: `@mentorkit/elements/react` declares these tags for React's JSX.
 */
export interface MentorKitElements {
  /** The pair's working agreement: fill it in, review it, confirm it, and see what changed since the last version everyone confirmed. */
  'mk-agreement': {
    /** The pairing whose agreement to show. Default: the client's current pairing (`kit.$currentPairingId`). */
    'pairing-id'?: string | undefined | undefined;
    /** Level of the heading (1–6). */
    'heading-level'?: number | string;
    /** BCP 47 locale for dates. Default: the nearest `lang`, else the browser's. */
    locale?: string | undefined | undefined;
    /** The pairing whose agreement to show. Default: the client's current pairing (`kit.$currentPairingId`). */
    pairingId?: string | undefined | undefined;
    /** Level of the heading (1–6). */
    headingLevel?: number;
    /** Words shown (labels of terms, cadences, channels…); defaults to core's `AGREEMENT_MESSAGES`. */
    messages?: AgreementMessages;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** The user proposed the first version. */
    'onmk-agreement-proposed'?: (event: CustomEvent<MkAgreementEventDetail>) => void;
    /** The user saved changes (a new version). */
    'onmk-agreement-changed'?: (event: CustomEvent<MkAgreementEventDetail>) => void;
    /** The user confirmed the current version. */
    'onmk-agreement-confirmed'?: (event: CustomEvent<MkAgreementEventDetail>) => void;
  };
  /** The signed-in person's own calendars: connect an iCalendar address or a CalDAV account so the scheduler leaves out the times they are busy, and subscribe to a feed of their booked sessions. */
  'mk-calendar-connections': {
    /** Level of the heading (1–6); the sections' headings are one level below. */
    'heading-level'?: number | string;
    /** BCP 47 locale for times and dates. Default: the nearest `lang`, else the browser's. */
    locale?: string | undefined | undefined;
    /** Level of the heading (1–6); the sections' headings are one level below. */
    headingLevel?: number;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** The person connected a calendar. */
    'onmk-calendar-connected'?: (event: CustomEvent<MkCalendarConnectedDetail>) => void;
    /** The person disconnected a calendar. */
    'onmk-calendar-disconnected'?: (event: CustomEvent<MkCalendarDisconnectedDetail>) => void;
    /** The person made a new feed address, stopped the feed or started it again. */
    'onmk-calendar-feed-changed'?: (event: CustomEvent<MkCalendarFeedChangedDetail>) => void;
  };
  /** The moment after a milestone is ticked (a celebration) or a goal slips past its date (reassurance with ways to re-plan) — a polite, non-blocking toast. */
  'mk-celebration': {
    /** Show the moments of the client's own goal events automatically. */
    auto?: boolean;
    /** How long a celebration stays, in milliseconds (0: until closed). Reassurance always stays until closed. */
    duration?: number | string;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** The person chose a re-plan suggestion (split, move-date, lower-target). */
    'onmk-goal-replan'?: (event: CustomEvent<MkGoalReplanDetail>) => void;
    /** The person closed the moment. */
    'onmk-celebration-close'?: (event: CustomEvent<MkCelebrationCloseDetail>) => void;
  };
  /** A pairing's certificates of participation: for the signed-in member, their own (download it with its verification link, or what is still missing); for a programme admin, every member's, with "Issue by hand" (with a reason) and "Revoke". */
  'mk-certificate': {
    /** The pairing whose certificates are shown. */
    'pairing-id'?: string;
    /** Level of the heading (1–6). */
    'heading-level'?: number | string;
    /** BCP 47 locale for dates. Default: the nearest `lang`, else the browser's. */
    locale?: string | undefined | undefined;
    /** The pairing whose certificates are shown. */
    pairingId?: string;
    /** Level of the heading (1–6). */
    headingLevel?: number;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** A certificate was issued (by its holder, or by an admin). */
    'onmk-certificate-issue'?: (event: CustomEvent<MkCertificateIssueDetail>) => void;
    /** An admin revoked a certificate. */
    'onmk-certificate-revoke'?: (event: CustomEvent<MkCertificateRevokeDetail>) => void;
    /** The PDF was fetched and handed to the browser to save. */
    'onmk-certificate-download'?: (event: CustomEvent<MkCertificateDownloadDetail>) => void;
  };
  /** When the pair's next check-in is due, warnings when it is overdue or the pair has gone quiet, and a suggested check-in level with the reasons for it. */
  'mk-checkin': {
    /** The pairing to show. Default: the client's current pairing (`kit.$currentPairingId`). */
    'pairing-id'?: string | undefined | undefined;
    /** Days without a session, message or goal update before the pair counts as inactive. */
    'inactive-after-days'?: number | string;
    /** Level of the heading (1–6). */
    'heading-level'?: number | string;
    /** BCP 47 locale for dates. Default: the nearest `lang`, else the browser's. */
    locale?: string | undefined | undefined;
    /** The pairing to show. Default: the client's current pairing (`kit.$currentPairingId`). */
    pairingId?: string | undefined | undefined;
    /** Days without a session, message or goal update before the pair counts as inactive. */
    inactiveAfterDays?: number;
    /** Level of the heading (1–6). */
    headingLevel?: number;
    /** Words (reasons, nudges, level names); defaults to core's `CHECKIN_MESSAGES`. */
    messages?: CheckInMessages;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** The user adopted the suggested level. */
    'onmk-checkin-level-change'?: (event: CustomEvent<MkCheckInLevelChangeDetail>) => void;
  };
  /** A coaching session walked through GROW, OSKAR or an organisation's own model: one step at a time, every answer saved as you go, resumable anywhere, ending in a summary whose actions become goals. */
  'mk-coaching-flow': {
    /** `grow`, `oskar`, or the id of a custom model (from `.models` or `kit.coaching.registerModel`). */
    model?: string;
    /** The pairing the session belongs to. Default: the client's current pairing (`kit.$currentPairingId`). */
    'pairing-id'?: string | undefined | undefined;
    /** Show this run (e.g. from a link); otherwise the pairing's unfinished run of the model is resumed. */
    'run-id'?: string | undefined | undefined;
    /** Level of the card's heading (1–6); steps are one level below. */
    'heading-level'?: number | string;
    /** BCP 47 locale for dates and messages. Default: the nearest `lang`, else the browser's. */
    locale?: string | undefined | undefined;
    /** The pairing the session belongs to. Default: the client's current pairing (`kit.$currentPairingId`). */
    pairingId?: string | undefined | undefined;
    /** Show this run (e.g. from a link); otherwise the pairing's unfinished run of the model is resumed. */
    runId?: string | undefined | undefined;
    /** Custom coaching models (from `defineCoachingModel`), looked up by `model` before the client's registry. */
    models?: readonly CoachingModel[];
    /** The hand-off to goals: called with each goal draft when the user turns the actions into goals, e.g. `(draft, { pairingId }) => kit.goals.create({ ...draft, pairingId })`. Without it the element only fires `mk-turn-into-goals` and the host does the rest. */
    createGoal?: (draft: GoalDraft, context: GoalHandOffContext) => Promise<unknown> | unknown | undefined;
    /** Level of the card's heading (1–6); steps are one level below. */
    headingLevel?: number;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** The user asked to turn the actions into goals: `detail.drafts`. Cancelable: `preventDefault()` stops the element's own `.createGoal` hand-off. */
    'onmk-turn-into-goals'?: (event: CustomEvent<MkTurnIntoGoalsDetail>) => void;
    /** The user started a run. */
    'onmk-coaching-run-start'?: (event: CustomEvent<MkCoachingRunDetail>) => void;
    /** The user finished a run. */
    'onmk-coaching-run-complete'?: (event: CustomEvent<MkCoachingRunDetail>) => void;
  };
  /** The programme admin's queue of concerns — open first — with who raised each, about which pair, the quoted message, what happened, status changes with an optional note, and the audit trail. */
  'mk-concern-queue': {
    /** Show only the concerns of this programme. Default: every programme the person administers (or their own concerns). */
    'program-id'?: string | undefined | undefined;
    /** Level of the heading (1–6); each concern's title is one level below. */
    'heading-level'?: number | string;
    /** BCP 47 locale for dates. Default: the nearest `lang`, else the browser's. */
    locale?: string | undefined | undefined;
    /** Show only the concerns of this programme. Default: every programme the person administers (or their own concerns). */
    programId?: string | undefined | undefined;
    /** Level of the heading (1–6); each concern's title is one level below. */
    headingLevel?: number;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** The person changed a concern's status or added a note. */
    'onmk-concern-change'?: (event: CustomEvent<MkConcernChangeDetail>) => void;
  };
  /** A programme admin's escalation ladder for quiet pairs: its settings (nudge both, alert the admins, optionally close with notice) and where each quiet pair is on it, worst first. */
  'mk-escalation-ladder': {
    /** The programme whose ladder is shown. */
    'program-id'?: string;
    /** Level of the heading (1–6); the sections' headings are one level below. */
    'heading-level'?: number | string;
    /** BCP 47 locale for times and dates. Default: the nearest `lang`, else the browser's. */
    locale?: string | undefined | undefined;
    /** The programme whose ladder is shown. */
    programId?: string;
    /** Level of the heading (1–6); the sections' headings are one level below. */
    headingLevel?: number;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** The admin saved new ladder settings. */
    'onmk-escalation-settings-change'?: (event: CustomEvent<MkEscalationSettingsChangeDetail>) => void;
  };
  /** What feedback says over time — for a mentor, a pairing or a whole programme: rating trend, response rate, recurring themes, sessions without feedback, and mentor training recommended from the host's catalogue with the reason shown. */
  'mk-feedback-insights': {
    /** Show charts (default) or data tables. */
    view?: string;
    /** A mentor's insights (default: the signed-in person). */
    'person-id'?: string | undefined | undefined;
    /** One pairing's insights. */
    'pairing-id'?: string | undefined | undefined;
    /** A programme's roll-up (admins). */
    'program-id'?: string | undefined | undefined;
    /** Level of the heading (1–6); sections are one level below. */
    'heading-level'?: number | string;
    /** BCP 47 locale for texts, dates and numbers, e.g. `es`. Default: the nearest `lang`, else the browser's. */
    locale?: string | undefined | undefined;
    /** A mentor's insights (default: the signed-in person). */
    personId?: string | undefined | undefined;
    /** One pairing's insights. */
    pairingId?: string | undefined | undefined;
    /** A programme's roll-up (admins). */
    programId?: string | undefined | undefined;
    /** Level of the heading (1–6); sections are one level below. */
    headingLevel?: number;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
  };
  /** Create or edit a goal, with a live SMART checklist beside the form that explains what each letter needs and what the draft still misses. */
  'mk-goal-editor': {
    /** Edit this goal (by id); without it the editor sets a new goal. */
    'goal-id'?: string | undefined | undefined;
    /** The pairing a new goal belongs to. Default: the client's current pairing (`kit.$currentPairingId`). */
    'pairing-id'?: string | undefined | undefined;
    /** Level of the heading (1–6). */
    'heading-level'?: number | string;
    /** Edit this goal (by id); without it the editor sets a new goal. */
    goalId?: string | undefined | undefined;
    /** The pairing a new goal belongs to. Default: the client's current pairing (`kit.$currentPairingId`). */
    pairingId?: string | undefined | undefined;
    /** Level of the heading (1–6). */
    headingLevel?: number;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** A goal was saved: `detail.goalId`, `detail.created`. */
    'onmk-goal-save'?: (event: CustomEvent<MkGoalSaveDetail>) => void;
    /** The person cancelled an edit. */
    'onmk-goal-cancel'?: (event: CustomEvent<MkGoalCancelDetail>) => void;
  };
  /** A pairing's goals: progress bars, status, due dates, milestones to tick in place, celebration when one is done and reassurance when a goal slips. */
  'mk-goal-tracker': {
    /** Show this pairing's goals. Default: the client's current pairing (`kit.$currentPairingId`); every visible goal when there is none. */
    'pairing-id'?: string | undefined | undefined;
    /** Which goals to list: `active` (default; not yet achieved, missed ones included), `achieved` or `all`. */
    filter?: string;
    /** Id of an `<mk-goal-editor>` in the same document (or shadow root) that "New goal" and "Edit" open. */
    editor?: string | undefined | undefined;
    /** Level of the heading (1–6); goal titles are one level below. */
    'heading-level'?: number | string;
    /** Text of the heading. Default "Goals". */
    label?: string | undefined | undefined;
    /** BCP 47 locale for dates, e.g. `en-GB`. Default: the nearest `lang`, else the browser's. */
    locale?: string | undefined | undefined;
    /** Do not record missed goals automatically; the host calls `kit.goals.reviewDueGoals()` itself. */
    'manual-review'?: boolean;
    /** Show this pairing's goals. Default: the client's current pairing (`kit.$currentPairingId`); every visible goal when there is none. */
    pairingId?: string | undefined | undefined;
    /** Level of the heading (1–6); goal titles are one level below. */
    headingLevel?: number;
    /** Do not record missed goals automatically; the host calls `kit.goals.reviewDueGoals()` itself. */
    manualReview?: boolean;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** The person asked to set a new goal (also when splitting a missed goal). Cancelable: prevents driving the editor. */
    'onmk-goal-new'?: (event: CustomEvent<MkGoalNewDetail>) => void;
    /** The person asked to edit a goal (also "move the date" and "lower the target"). Cancelable. */
    'onmk-goal-edit'?: (event: CustomEvent<MkGoalEditDetail>) => void;
    /** The person ticked or unticked a milestone (after it was saved). */
    'onmk-milestone-toggle'?: (event: CustomEvent<MkMilestoneToggleDetail>) => void;
    /** The person chose a re-plan suggestion for a missed goal. */
    'onmk-goal-replan'?: (event: CustomEvent<MkGoalReplanDetail>) => void;
  };
  /** A card that opens a meeting with a question for the pair, and deals another one on request. */
  'mk-icebreaker': {
    /** The pairing the card deals for. Default: the client's current pairing (`kit.$currentPairingId`). */
    'pairing-id'?: string | undefined | undefined;
    /** Deal only prompts about work, or only about other things. Default: any (the user can change it). */
    topic?: string;
    /** Show the informal formats (virtual lunch, team-building, …) under the card. */
    'show-formats'?: boolean;
    /** Level of the card's heading (1–6). */
    'heading-level'?: number | string;
    /** BCP 47 locale for messages. Default: the nearest `lang`, else the browser's. */
    locale?: string | undefined | undefined;
    /** The pairing the card deals for. Default: the client's current pairing (`kit.$currentPairingId`). */
    pairingId?: string | undefined | undefined;
    /** Show the informal formats (virtual lunch, team-building, …) under the card. */
    showFormats?: boolean;
    /** Level of the card's heading (1–6). */
    headingLevel?: number;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** The user dealt a prompt. */
    'onmk-icebreaker-deal'?: (event: CustomEvent<MkIcebreakerDealDetail>) => void;
  };
  /** The signed-in person's reminder settings — email on or off, each kind of reminder, one email per reminder or a summary — and the list of reminders sent to them. */
  'mk-notification-preferences': {
    /** Level of the heading (1–6); the sections' headings are one level below. */
    'heading-level'?: number | string;
    /** BCP 47 locale for times and dates. Default: the nearest `lang`, else the browser's. */
    locale?: string | undefined | undefined;
    /** How many reminders "Sent to you" lists (1–200). */
    'sent-limit'?: number | string;
    /** Level of the heading (1–6); the sections' headings are one level below. */
    headingLevel?: number;
    /** How many reminders "Sent to you" lists (1–200). */
    sentLimit?: number;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** The server saved a change the person made. */
    'onmk-notification-preferences-change'?: (event: CustomEvent<MkNotificationPreferencesChangeDetail>) => void;
  };
  /** The programme admin's matching board: tune the weights, run the whole-cohort matching, review every proposed pair with its breakdown and reasons, pin, veto or swap, and approve. */
  'mk-pairing-board': {
    /** Id of the programme whose cohort to match. */
    'program-id'?: string;
    /** BCP 47 locale of the labels. Default: the nearest `lang` attribute, else the browser's. */
    locale?: string | undefined | undefined;
    /** Id of the programme whose cohort to match. */
    programId?: string;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** The admin proposed or adjusted a round. */
    'onmk-pairing-round-change'?: (event: CustomEvent<MkPairingRoundChangeDetail>) => void;
    /** The admin approved the round and its pairings were created. */
    'onmk-pairing-round-activate'?: (event: CustomEvent<MkPairingRoundActivateDetail>) => void;
  };
  /** The signed-in person's mentoring pairings: who they are paired with, in which role, and what time it is for each of them right now. */
  'mk-pairing-card': {
    /** Show only this pairing (by id) instead of all of the user's pairings. */
    'pairing-id'?: string | undefined | undefined;
    /** Level of the card's heading (1–6); each pairing's heading is one level below. */
    'heading-level'?: number | string;
    /** Text of the card's heading. Default: "Your pairings" (or "Your pairing" with `pairing-id`). */
    label?: string | undefined | undefined;
    /** BCP 47 locale for times and dates, e.g. `en-GB`. Default: the nearest `lang` attribute, else the browser's. */
    locale?: string | undefined | undefined;
    /** Show only this pairing (by id) instead of all of the user's pairings. */
    pairingId?: string | undefined | undefined;
    /** Level of the card's heading (1–6); each pairing's heading is one level below. */
    headingLevel?: number;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** The user activated a pairing: `detail.pairingId`. Cancelable: prevents making it the current pairing. */
    'onmk-pairing-select'?: (event: CustomEvent<MkPairingSelectDetail>) => void;
    /** The signed-in mentor saved their availability: `detail.availability`. */
    'onmk-availability-change'?: (event: CustomEvent<MkAvailabilityChangeDetail>) => void;
  };
  /** A programme admin's report for HR: pairs by status, sessions held and missed, mentoring hours, goals, feedback ratings by month, response time, the pairs at risk and why, mentor load and every pair — for a period they choose — with CSV and JSON exports. */
  'mk-programme-report': {
    /** The programme reported on. */
    'program-id'?: string;
    /** The period shown first: a preset, or `custom` with `from` and `to`. */
    period?: string;
    /** Start of a custom period (`YYYY-MM-DD`, with `period="custom"`). */
    from?: string | undefined | undefined;
    /** End of a custom period (`YYYY-MM-DD`, included). */
    to?: string | undefined | undefined;
    /** IANA zone the period's dates are read in. Default: the signed-in person's zone, else the browser's. */
    'time-zone'?: string | undefined | undefined;
    /** Where a pair opens: a URL template whose `{id}` becomes the pairing's id, e.g. `#pair={id}`. Without it pairs are buttons (listen to `mk-pair-open`). */
    'pair-href'?: string | undefined | undefined;
    /** Level of the heading (1–6); sections are one level below. */
    'heading-level'?: number | string;
    /** BCP 47 locale for texts, dates and numbers. Default: the nearest `lang`, else the browser's. */
    locale?: string | undefined | undefined;
    /** The programme reported on. */
    programId?: string;
    /** IANA zone the period's dates are read in. Default: the signed-in person's zone, else the browser's. */
    timeZone?: string | undefined | undefined;
    /** Where a pair opens: a URL template whose `{id}` becomes the pairing's id, e.g. `#pair={id}`. Without it pairs are buttons (listen to `mk-pair-open`). */
    pairHref?: string | undefined | undefined;
    /** Level of the heading (1–6); sections are one level below. */
    headingLevel?: number;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** The admin chose another period. */
    'onmk-report-period-change'?: (event: CustomEvent<MkReportPeriodChangeDetail>) => void;
    /** The admin opened a pair from the at-risk list or the pairs table. Cancelable: `preventDefault()` keeps the link from being followed. */
    'onmk-pair-open'?: (event: CustomEvent<MkPairOpenDetail>) => void;
    /** The admin exported a table or the report. Cancelable: `preventDefault()` stops the download (the host saves `content` itself). */
    'onmk-report-export'?: (event: CustomEvent<MkReportExportDetail>) => void;
  };
  /** Owns a MentorKit client and hands it to every MentorKit element inside it. */
  'mk-provider': {
    /** Id of the signed-in person. Required unless `.kit` is set. */
    'user-id'?: string | undefined | undefined;
    /** Where a client built from attributes stores data: `indexeddb` (default, persists) or `memory`. */
    storage?: string;
    /** IndexedDB database name, to keep several independent data sets on one origin. Default: the adapter's own. */
    'database-name'?: string | undefined | undefined;
    /** The current pairing, which every widget inside without its own `pairing-id` shows (`kit.selectPairing`): a host page about one pairing sets it; `<mk-pairing-card>` changes the client's current pairing when the person picks another. Unset: the person's first pairing. */
    'pairing-id'?: string | undefined | undefined;
    /** Id of the signed-in person. Required unless `.kit` is set. */
    userId?: string | undefined | undefined;
    /** IndexedDB database name, to keep several independent data sets on one origin. Default: the adapter's own. */
    databaseName?: string | undefined | undefined;
    /** The current pairing, which every widget inside without its own `pairing-id` shows (`kit.selectPairing`): a host page about one pairing sets it; `<mk-pairing-card>` changes the client's current pairing when the person picks another. Unset: the person's first pairing. */
    pairingId?: string | undefined | undefined;
    /** A client the host created (with its own storage adapter). When set, the attributes are ignored and the provider neither builds nor disposes a client. */
    kit?: MentorKit | undefined | undefined;
    /** The client finished loading: `detail.kit`. */
    'onmk-ready'?: (event: CustomEvent<MkReadyDetail>) => void;
    /** The client could not be built or loaded (e.g. no `user-id`): `detail.error`, a `MentorKitError`. The message is also logged to the console. */
    'onmk-error'?: (event: CustomEvent<MkErrorDetail>) => void;
  };
  /** A safe place to raise a concern about one's pairing, or to report a message: it goes to the programme's admins only. */
  'mk-raise-concern': {
    /** The pairing the concern is about. Default: the client's current pairing, if the person is in it (else their first). */
    'pairing-id'?: string | undefined | undefined;
    /** Report this message (someone else's, in one of the person's pairings): it is quoted for the admins. */
    'message-id'?: string | undefined | undefined;
    /** Level of the heading (1–6). */
    'heading-level'?: number | string;
    /** BCP 47 locale for dates. Default: the nearest `lang`, else the browser's. */
    locale?: string | undefined | undefined;
    /** The pairing the concern is about. Default: the client's current pairing, if the person is in it (else their first). */
    pairingId?: string | undefined | undefined;
    /** Report this message (someone else's, in one of the person's pairings): it is quoted for the admins. */
    messageId?: string | undefined | undefined;
    /** Level of the heading (1–6). */
    headingLevel?: number;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** The person sent a concern. */
    'onmk-concern-raise'?: (event: CustomEvent<MkConcernRaiseDetail>) => void;
  };
  /** Find a time that suits everyone in a pairing, across time zones, and book it — once or as a recurring series — then download it as an `.ics` file. */
  'mk-scheduler': {
    /** The pairing to schedule for. Default: the client's current pairing (`kit.$currentPairingId`). */
    'pairing-id'?: string | undefined | undefined;
    /** Level of the heading (1–6). */
    'heading-level'?: number | string;
    /** BCP 47 locale for times and dates. Default: the nearest `lang`, else the browser's. */
    locale?: string | undefined | undefined;
    /** The pairing to schedule for. Default: the client's current pairing (`kit.$currentPairingId`). */
    pairingId?: string | undefined | undefined;
    /** Level of the heading (1–6). */
    headingLevel?: number;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** The user booked a session or a series. */
    'onmk-session-booked'?: (event: CustomEvent<MkSessionBookedDetail>) => void;
    /** The user downloaded an .ics file. */
    'onmk-calendar-download'?: (event: CustomEvent<MkCalendarDownloadDetail>) => void;
    /** The user cancelled an upcoming session (only that one, also in a series). */
    'onmk-session-cancelled'?: (event: CustomEvent<MkSessionCancelledDetail>) => void;
    /** The user said a past session took place or not, or recorded how long it lasted. */
    'onmk-session-attendance'?: (event: CustomEvent<MkSessionAttendanceDetail>) => void;
  };
  /** The quick note after a session: a rating, what helped, what was missed, a tool that would help, anything else, and tags — in under a minute, with the keyboard alone. */
  'mk-session-feedback': {
    /** The session to give feedback on. Default: your first open request. */
    'session-id'?: string | undefined | undefined;
    /** Level of the heading (1–6). */
    'heading-level'?: number | string;
    /** BCP 47 locale for texts and dates, e.g. `en-GB`, `es`. Default: the nearest `lang`, else the browser's. */
    locale?: string | undefined | undefined;
    /** The session to give feedback on. Default: your first open request. */
    sessionId?: string | undefined | undefined;
    /** Level of the heading (1–6). */
    headingLevel?: number;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** The person sent or edited their note. */
    'onmk-feedback-submit'?: (event: CustomEvent<MkFeedbackSubmitDetail>) => void;
  };
  /** A pairing's conversation: text and voice notes, the recipient's local time and a quiet-hours notice before sending, unread markers, and history that stays smooth with thousands of messages. */
  'mk-thread': {
    /** The pairing whose conversation to show. Default: the client's current pairing (`kit.$currentPairingId`). */
    'pairing-id'?: string | undefined | undefined;
    /** Show the mentors' shared notes instead of the conversation (mentors only). */
    notes?: boolean;
    /** Level of the heading (1–6). */
    'heading-level'?: number | string;
    /** BCP 47 locale for texts and times, e.g. `en-GB`, `es`. Default: the nearest `lang`, else the browser's. */
    locale?: string | undefined | undefined;
    /** The pairing whose conversation to show. Default: the client's current pairing (`kit.$currentPairingId`). */
    pairingId?: string | undefined | undefined;
    /** Level of the heading (1–6). */
    headingLevel?: number;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined | undefined;
    /** You sent a message or voice note. */
    'onmk-message-send'?: (event: CustomEvent<MkMessageDetail>) => void;
    /** You edited a message. */
    'onmk-message-edit'?: (event: CustomEvent<MkMessageDetail>) => void;
    /** You deleted a message. */
    'onmk-message-delete'?: (event: CustomEvent<MkMessageDetail>) => void;
  };
}
