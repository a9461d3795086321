/**
 * Every MentorKit element with the demo programme, in a state that shows most of its layout, for
 * the right-to-left and brand stories (`stories/rtl.stories.ts`, `stories/brand.stories.ts`) and the RTL test
 * (`packages/elements/src/internal/rtl.test.ts`). Each entry loads its own client on a fresh memory
 * adapter and renders the element without a `locale`, so it follows the nearest `lang`/`dir`.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import type { MentorKit } from '@mentorkit/core';
import { coachingFeature, GROW } from '@mentorkit/core/coaching';
import { createGoalMessages, goalsOf, type GoalMoment } from '@mentorkit/core/goals';
import { pairingFeature } from '@mentorkit/core/pairing';
import { rapportFeature } from '@mentorkit/core/rapport';
import type { MkCelebration } from '@mentorkit/elements';
import { DEMO_PROGRAM_ID } from '../examples/shared/demo-program.js';
import { PAIRING, storyKit } from './conversation-support.js';
import { STORY_CALENDARS, calendarKit, storyCalendars } from './calendar-connections-support.js';
import { notificationsKit, storyNotifications } from './notifications-support.js';
import { CERTIFICATE_PAIRING, STORY_ENTRIES, certificateKit, storyCertificates } from './certificate-support.js';
import { goalsKit } from './goals-support.js';
import { REPORTED_MESSAGE, concernKit } from './concerns-support.js';
import { PLANNING_PAIRING, planningKit } from './planning-support.js';
import { reportKit } from './report-support.js';
import { DEMO_VIEWERS, demoKit } from './support.js';

export interface GalleryLoaded {
  kit?: MentorKit | undefined;
  runId?: string | undefined;
  goalId?: string | undefined;
}

export interface GalleryEntry {
  /** The element's tag. */
  tag: string;
  /** Story name. */
  name: string;
  load: () => Promise<GalleryLoaded>;
  render: (loaded: GalleryLoaded) => TemplateResult;
}

const goalMessages = createGoalMessages();

/** A reassurance moment: heading, message and re-plan suggestions (the celebration's busiest state). */
export const GALLERY_MOMENT: GoalMoment = {
  kind: 'reassurance',
  goalId: 'g',
  goalTitle: 'Read two books on system design',
  heading: goalMessages.reassurance.heading,
  message:
    '"Read two books on system design" reached its date (2026-10-01) at 50%. That happens to everyone, and what you did still counts. Talk it over with your mentor and choose a new plan:',
  suggestions: (['split', 'move-date', 'lower-target'] as const).map((kind) => ({ kind, text: goalMessages.reassurance.suggestions[kind] })),
};

/** The mentee's GROW session at the Reality step (the 0–10 scale and the stepper half done). */
async function growAtReality(): Promise<GalleryLoaded> {
  const kit = await demoKit(DEMO_VIEWERS.mentee);
  const coaching = kit.use(coachingFeature);
  const run = await coaching.start({ pairingId: PAIRING, model: GROW.id });
  await coaching.answer(run.id, 'goal-what', 'Lead the design review of the payments API');
  await coaching.answer(run.id, 'goal-success', 'The team adopts the review checklist I draft');
  await coaching.next(run.id);
  await coaching.answer(run.id, 'reality-position', 3);
  return { kit, runId: run.id };
}

export const ELEMENT_GALLERY: readonly GalleryEntry[] = [
  {
    tag: 'mk-pairing-card',
    name: 'Pairing card',
    load: async () => ({ kit: await demoKit(DEMO_VIEWERS.mentee) }),
    render: ({ kit }) => html`<mk-pairing-card style="max-width: 44rem" .kit=${kit}></mk-pairing-card>`,
  },
  {
    tag: 'mk-goal-tracker',
    name: 'Goal tracker',
    load: async () => ({ kit: await goalsKit() }),
    render: ({ kit }) => html`<mk-goal-tracker style="max-width: 48rem" .kit=${kit}></mk-goal-tracker>`,
  },
  {
    tag: 'mk-goal-editor',
    name: 'Goal editor',
    load: async () => {
      const kit = await goalsKit();
      return {
        kit,
        goalId: goalsOf(kit)
          .$goals.get()
          .find((goal) => goal.milestones.length === 3)?.id,
      };
    },
    render: ({ kit, goalId }) => html`<mk-goal-editor style="max-width: 60rem" .kit=${kit} goal-id=${ifDefined(goalId)}></mk-goal-editor>`,
  },
  {
    tag: 'mk-celebration',
    name: 'Celebration',
    load: async () => ({}),
    render: () => html`<mk-celebration
      style="--mk-celebration-position: static"
      duration="0"
      ${ref((element) => {
        if (element) queueMicrotask(() => (element as MkCelebration).show(GALLERY_MOMENT));
      })}
    ></mk-celebration>`,
  },
  {
    tag: 'mk-coaching-flow',
    name: 'Coaching flow',
    load: growAtReality,
    render: ({ kit, runId }) =>
      html`<mk-coaching-flow style="max-width: 48rem" .kit=${kit} model="grow" pairing-id=${PAIRING} run-id=${ifDefined(runId)}></mk-coaching-flow>`,
  },
  {
    tag: 'mk-icebreaker',
    name: 'Icebreaker',
    load: async () => {
      const kit = await demoKit(DEMO_VIEWERS.mentee);
      await kit.use(rapportFeature).deal(PAIRING);
      return { kit };
    },
    render: ({ kit }) => html`<mk-icebreaker style="max-width: 36rem" .kit=${kit} pairing-id=${PAIRING} show-formats></mk-icebreaker>`,
  },
  {
    tag: 'mk-session-feedback',
    name: 'Session feedback',
    load: async () => ({ kit: await storyKit(DEMO_VIEWERS.mentee, { sessions: true }) }),
    render: ({ kit }) => html`<mk-session-feedback style="max-width: 48rem" .kit=${kit}></mk-session-feedback>`,
  },
  {
    tag: 'mk-feedback-insights',
    name: 'Feedback insights',
    load: async () => ({ kit: await storyKit(DEMO_VIEWERS.mentor, { history: true }) }),
    render: ({ kit }) => html`<mk-feedback-insights style="max-width: 48rem" .kit=${kit} view="chart"></mk-feedback-insights>`,
  },
  {
    tag: 'mk-thread',
    name: 'Thread',
    load: async () => ({ kit: await storyKit(DEMO_VIEWERS.mentee, { messages: 8 }) }),
    render: ({ kit }) => html`<mk-thread style="max-width: 48rem" .kit=${kit} pairing-id=${PAIRING}></mk-thread>`,
  },
  {
    tag: 'mk-agreement',
    name: 'Agreement',
    load: async () => ({ kit: await planningKit({ agreement: 'changed', viewer: DEMO_VIEWERS.mentee }) }),
    render: ({ kit }) => html`<mk-agreement style="max-width: 48rem" .kit=${kit} pairing-id=${PLANNING_PAIRING}></mk-agreement>`,
  },
  {
    tag: 'mk-scheduler',
    name: 'Scheduler',
    load: async () => ({ kit: await planningKit() }),
    render: ({ kit }) => html`<mk-scheduler style="max-width: 52rem" .kit=${kit} pairing-id=${PLANNING_PAIRING}></mk-scheduler>`,
  },
  {
    tag: 'mk-calendar-connections',
    name: 'Calendar connections',
    load: async () => ({ kit: await calendarKit(storyCalendars(STORY_CALENDARS)) }),
    render: ({ kit }) => html`<mk-calendar-connections style="max-width: 44rem" .kit=${kit}></mk-calendar-connections>`,
  },
  {
    tag: 'mk-notification-preferences',
    name: 'Notification preferences',
    load: async () => ({ kit: await notificationsKit(storyNotifications()) }),
    render: ({ kit }) => html`<mk-notification-preferences style="max-width: 44rem" .kit=${kit}></mk-notification-preferences>`,
  },
  {
    tag: 'mk-escalation-ladder',
    name: 'Escalation ladder',
    load: async () => ({ kit: await notificationsKit(storyNotifications(), DEMO_VIEWERS.admin) }),
    render: ({ kit }) => html`<mk-escalation-ladder style="max-width: 48rem" .kit=${kit} program-id=${DEMO_PROGRAM_ID}></mk-escalation-ladder>`,
  },
  {
    tag: 'mk-certificate',
    name: 'Certificate',
    load: async () => ({ kit: await certificateKit(storyCertificates(DEMO_VIEWERS.mentee, STORY_ENTRIES), DEMO_VIEWERS.mentee) }),
    render: ({ kit }) => html`<mk-certificate style="max-width: 40rem" .kit=${kit} pairing-id=${CERTIFICATE_PAIRING}></mk-certificate>`,
  },
  {
    tag: 'mk-programme-report',
    name: 'Programme report',
    load: async () => ({ kit: await reportKit(DEMO_VIEWERS.admin, { server: true }) }),
    render: ({ kit }) =>
      html`<mk-programme-report style="max-width: 64rem" .kit=${kit} program-id=${DEMO_PROGRAM_ID} pair-href="#pair={id}"></mk-programme-report>`,
  },
  {
    tag: 'mk-raise-concern',
    name: 'Raise a concern',
    load: async () => ({ kit: await concernKit(DEMO_VIEWERS.mentee) }),
    render: ({ kit }) => html`<mk-raise-concern style="max-width: 40rem" .kit=${kit} message-id=${REPORTED_MESSAGE}></mk-raise-concern>`,
  },
  {
    tag: 'mk-concern-queue',
    name: 'Concern queue',
    load: async () => ({ kit: await concernKit(DEMO_VIEWERS.admin, { concerns: true }) }),
    render: ({ kit }) => html`<mk-concern-queue style="max-width: 48rem" .kit=${kit}></mk-concern-queue>`,
  },
  {
    tag: 'mk-checkin',
    name: 'Check-in',
    load: async () => ({
      kit: await planningKit({ ratings: [2, 3, 2], sessions: [{ start: '2026-10-06T22:00:00Z', end: '2026-10-06T23:00:00Z', status: 'held' }] }),
    }),
    render: ({ kit }) => html`<mk-checkin style="max-width: 44rem" .kit=${kit} pairing-id=${PLANNING_PAIRING}></mk-checkin>`,
  },
  {
    tag: 'mk-pairing-board',
    name: 'Pairing board',
    load: async () => {
      const kit = await demoKit(DEMO_VIEWERS.admin);
      await kit.use(pairingFeature).propose({ programId: DEMO_PROGRAM_ID });
      return { kit };
    },
    render: ({ kit }) => html`<mk-pairing-board style="max-width: 60rem" .kit=${kit} program-id=${DEMO_PROGRAM_ID}></mk-pairing-board>`,
  },
];
