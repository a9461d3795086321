import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MentorKit } from '@mentorkit/core';
import { GROW, OSKAR, coachingFeature, defineCoachingModel, type CoachingModel } from '@mentorkit/core/coaching';
import '@mentorkit/elements/define-all.js';
import { DEMO_VIEWERS, demoKit, loadErrorStory, loadingStory } from './support.js';
import { longText, paste, press } from './limits-support.js';

interface CoachingFlowArgs {
  model: string;
  headingLevel: number;
  locale?: string | undefined;
}

interface Loaded {
  kit?: MentorKit | undefined;
  runId?: string | undefined;
  models?: CoachingModel[] | undefined;
}

const PAIRING = 'pairing-lucia';

/** Answers that walk each built-in model, step by step. */
const ANSWERS: Record<string, Record<string, unknown>> = {
  goal: { 'goal-what': 'Lead the design review of the payments API', 'goal-success': 'The team adopts the review checklist I draft' },
  reality: {
    'reality-now': 'I review code every day but have never led a design review.',
    'reality-obstacles': ['Nervous about disagreeing with senior engineers', 'No template for reviews'],
    'reality-position': 3,
  },
  options: {
    'options-list': ['Shadow Kenji at the next review', 'Write a review checklist', 'Run a practice review with my team'],
    'options-best': 'Shadowing first: I learn the format with a safety net.',
  },
  will: { 'will-actions': ['Shadow Kenji at the review on 14 April', 'Draft the review checklist by Friday'], 'will-commitment': 8 },
  outcome: {
    'outcome-what': 'I speak up in architecture meetings without rehearsing for hours',
    'outcome-miracle': 'I would ask my question in the meeting, not afterwards in chat.',
  },
  scaling: { 'scaling-now': 4, 'scaling-target': 6, 'scaling-why': 'I already speak up in my own team’s meetings.' },
  'know-how': { 'know-how-working': 'Writing my points down before the meeting', 'know-how-resources': ['Kenji', 'The meeting agenda, shared a day ahead'] },
  'affirm-action': {
    'affirm-strengths': 'Clear thinking, and you already prepare better than most.',
    'action-steps': ['Ask one question in Tuesday’s meeting', 'Share my notes in the channel afterwards'],
  },
  review: { 'review-better': 'I asked two questions last Tuesday.' },
};

/** A client for the mentee with a run of `model` on `stepId` (answers of the earlier steps filled in); `'summary'` finishes it. */
async function runAt(model: CoachingModel, stepId: string, options: { complete?: boolean; previous?: boolean } = {}): Promise<Loaded> {
  const kit = await demoKit(DEMO_VIEWERS.mentee);
  const coaching = kit.use(coachingFeature);
  const walk = async (until: string) => {
    const run = await coaching.start({ pairingId: PAIRING, model: model.id });
    for (const step of model.steps) {
      if (step.id === until) break;
      for (const [promptId, value] of Object.entries(ANSWERS[step.id] ?? {})) await coaching.answer(run.id, promptId, value as never);
      await coaching.next(run.id);
    }
    return run;
  };
  if (options.previous) await coaching.complete((await walk('__end__')).id);
  const run = await walk(stepId);
  if (options.complete) await coaching.complete(run.id);
  return { kit, runId: run.id };
}

const meta = {
  title: 'Elements/Coaching flow',
  component: 'mk-coaching-flow',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'A coaching session through GROW, OSKAR or a custom model: a stepper, one step at a time, text, list and 0–10 scale prompts, autosave, resume, and a summary whose actions become goals. ' +
          'Stories use the demo programme (Lucía Fernández and her mentors) in a memory adapter.',
      },
    },
  },
  args: { model: 'grow', headingLevel: 2, locale: 'en-GB' },
  argTypes: {
    model: { control: 'select', options: ['grow', 'oskar', 'check-in'] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    locale: { control: 'select', options: ['en-GB', 'es-ES'] },
  },
  render: (args, { loaded }) => {
    const data = loaded as Loaded;
    return html`
      <mk-coaching-flow
        style="max-width: 48rem"
        .kit=${data.kit}
        .models=${data.models ?? []}
        model=${args.model}
        pairing-id=${PAIRING}
        run-id=${ifDefined(data.runId)}
        heading-level=${args.headingLevel}
        locale=${ifDefined(args.locale)}
        @mk-turn-into-goals=${(event: CustomEvent) => console.info('mk-turn-into-goals', event.detail)}
      ></mk-coaching-flow>
    `;
  },
} satisfies Meta<CoachingFlowArgs>;

export default meta;
type Story = StoryObj<CoachingFlowArgs>;

/** Before a session: the model, its steps, and Start. */
export const GrowIntro: Story = { loaders: [async () => ({ kit: await demoKit(DEMO_VIEWERS.mentee) })] };
/** GROW, step 1: Goal. */
export const GrowGoal: Story = { loaders: [async () => runAt(GROW, 'goal')] };
/** GROW, step 2: Reality, with the 0–10 scale. */
export const GrowReality: Story = { loaders: [async () => runAt(GROW, 'reality')] };
/** GROW, step 3: Options. */
export const GrowOptions: Story = { loaders: [async () => runAt(GROW, 'options')] };
/** GROW, step 4: Will — its actions become goals. */
export const GrowWill: Story = { loaders: [async () => runAt(GROW, 'will')] };
/** GROW finished: the summary with "Turn into goals". */
export const GrowSummary: Story = { loaders: [async () => runAt(GROW, '__end__', { complete: true })] };

/** OSKAR, step 1: Outcome. */
export const OskarOutcome: Story = { args: { model: 'oskar' }, loaders: [async () => runAt(OSKAR, 'outcome')] };
/** OSKAR, step 2: Scaling — where you are today and where you want to be, 0–10. */
export const OskarScaling: Story = { args: { model: 'oskar' }, loaders: [async () => runAt(OSKAR, 'scaling')] };
/** OSKAR, step 3: Know-how. */
export const OskarKnowHow: Story = { args: { model: 'oskar' }, loaders: [async () => runAt(OSKAR, 'know-how')] };
/** OSKAR, step 4: Affirm + Action. */
export const OskarAffirmAction: Story = { args: { model: 'oskar' }, loaders: [async () => runAt(OSKAR, 'affirm-action')] };
/** OSKAR, step 5: Review, looking back at the previous OSKAR session. */
export const OskarReview: Story = { args: { model: 'oskar' }, loaders: [async () => runAt(OSKAR, 'review', { previous: true })] };
/** OSKAR finished. */
export const OskarSummary: Story = { args: { model: 'oskar' }, loaders: [async () => runAt(OSKAR, '__end__', { complete: true })] };

/** A custom three-step model defined in JSON (see docs/coaching.md), rendered with no extra code. */
export const CustomModel: Story = {
  args: { model: 'check-in' },
  loaders: [
    async () => ({
      kit: await demoKit(DEMO_VIEWERS.mentee),
      models: [
        defineCoachingModel({
          id: 'check-in',
          name: 'Weekly check-in',
          steps: [
            {
              id: 'wins',
              title: 'Wins',
              purpose: 'Start from what went well.',
              prompts: [{ id: 'wins', kind: 'list', text: 'What went well this week?', required: true }],
            },
            {
              id: 'energy',
              title: 'Energy',
              purpose: 'Take a reading.',
              prompts: [{ id: 'energy', kind: 'scale', text: 'How is your energy?', min: 1, max: 5, minLabel: 'Drained', maxLabel: 'Full' }],
            },
            {
              id: 'next',
              title: 'Next',
              purpose: 'Choose what to try before we meet again.',
              prompts: [{ id: 'try', kind: 'list', text: 'What will you try?', actions: true }],
            },
          ],
        }),
      ],
    }),
  ],
};

/** The dark theme, on OSKAR's Scaling step. */
export const Dark: Story = { args: { model: 'oskar' }, globals: { theme: 'dark' }, loaders: [async () => runAt(OSKAR, 'scaling')] };

/** In Spanish (the questions come from the model's data). */
export const Spanish: Story = { args: { locale: 'es-ES' }, loaders: [async () => runAt(GROW, 'reality')] };

/** While the client loads. */
export const Loading: Story = loadingStory();

/** When the storage fails. */
export const LoadError: Story = loadErrorStory();

/**
 * Over the limits: the goal answered with 4,030 characters (kept whole, marked, not saved) and the
 * next question at 85 % of its 4,000 (a counter); Next refused with a message.
 */
export const GrowAnswerOverLimit: Story = {
  loaders: [async () => runAt(GROW, 'goal')],
  play: async ({ canvasElement }) => {
    await paste(canvasElement, 'mk-coaching-flow', '#prompt-goal-what', longText('Lead the design review of the payments API', 4030));
    await paste(canvasElement, 'mk-coaching-flow', '#prompt-goal-success', longText('The team adopts the checklist', 3400));
    await press(canvasElement, 'mk-coaching-flow', '[part~="next-button"]');
  },
};
