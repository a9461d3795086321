import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MentorKit } from '@mentorkit/core';
import { goalsOf } from '@mentorkit/core/goals';
import '@mentorkit/elements/define-all.js';
import { DEMO_VIEWERS, demoKit } from './support.js';
import { goalsKit } from './goals-support.js';
import { longText, paste, press } from './limits-support.js';

interface GoalEditorArgs {
  goalId?: string | undefined;
}

const meta = {
  title: 'Elements/Goal editor',
  component: 'mk-goal-editor',
  tags: ['autodocs'],
  parameters: { docs: { description: { component: 'Create or edit a goal with a live SMART checklist beside the form; errors appear inline.' } } },
  render: (args, { loaded }) =>
    html`<mk-goal-editor style="max-width: 60rem" .kit=${(loaded as { kit?: MentorKit }).kit} goal-id=${ifDefined((loaded as { goalId?: string }).goalId ?? args.goalId)}></mk-goal-editor>`,
} satisfies Meta<GoalEditorArgs>;

export default meta;
type Story = StoryObj<GoalEditorArgs>;

/** A new goal: the checklist says what an empty draft needs. */
export const NewGoal: Story = { loaders: [async () => ({ kit: await demoKit(DEMO_VIEWERS.mentee) })] };

/** Editing a goal with a metric and milestones. */
export const EditGoal: Story = {
  loaders: [
    async () => {
      const kit = await goalsKit();
      return {
        kit,
        goalId: goalsOf(kit)
          .$goals.get()
          .find((goal) => goal.milestones.length === 3)?.id,
      };
    },
  ],
};

/** A mentor sets a shared goal for the mentee (no "private" choice). */
export const Mentor: Story = { loaders: [async () => ({ kit: await demoKit(DEMO_VIEWERS.mentor) })] };

export const Dark: Story = { globals: { theme: 'dark' }, loaders: [async () => ({ kit: await demoKit(DEMO_VIEWERS.mentee) })] };

/**
 * Over the limits: a pasted title of 230 characters and a milestone of 205 (kept whole, marked), the
 * details near theirs (a counter), "Set goal" refused with a message — and the checklist still answers.
 */
export const OverLimit: Story = {
  loaders: [async () => ({ kit: await demoKit(DEMO_VIEWERS.mentee) })],
  play: async ({ canvasElement }) => {
    await paste(canvasElement, 'mk-goal-editor', '#title', longText('Run three team retrospectives', 230));
    await paste(canvasElement, 'mk-goal-editor', '#description', longText('Why it matters', 3500));
    await press(canvasElement, 'mk-goal-editor', '[part~="add-milestone"]');
    await paste(canvasElement, 'mk-goal-editor', '.milestone-row input[type="text"]', longText('First retrospective', 205));
    await press(canvasElement, 'mk-goal-editor', '[part~="save"]');
  },
};
