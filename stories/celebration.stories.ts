import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { createGoalMessages, type GoalMoment } from '@mentorkit/core/goals';
import '@mentorkit/elements/define-all.js';
import type { MkCelebration } from '@mentorkit/elements';

const messages = createGoalMessages();
const moments: Record<string, GoalMoment> = {
  celebration: {
    kind: 'celebration',
    goalId: 'g',
    goalTitle: 'Run 3 team retrospectives',
    milestoneId: 'm',
    heading: messages.celebration.heading,
    message: 'You did it: "Book a room" is done. That is 1 of 3 milestones for "Run 3 team retrospectives".',
    suggestions: [],
  },
  achievement: {
    kind: 'achievement',
    goalId: 'g',
    goalTitle: 'Run 3 team retrospectives',
    heading: messages.celebration.achievedHeading,
    message: 'You reached "Run 3 team retrospectives". Take a moment to notice how far you have come, and tell your mentor.',
    suggestions: [],
  },
  reassurance: {
    kind: 'reassurance',
    goalId: 'g',
    goalTitle: 'Read two books on system design',
    heading: messages.reassurance.heading,
    message:
      '"Read two books on system design" reached its date (2026-10-01) at 50%. That happens to everyone, and what you did still counts. Talk it over with your mentor and choose a new plan:',
    suggestions: (['split', 'move-date', 'lower-target'] as const).map((kind) => ({ kind, text: messages.reassurance.suggestions[kind] })),
  },
};

interface CelebrationArgs {
  kind: 'celebration' | 'achievement' | 'reassurance';
}

const meta = {
  title: 'Elements/Celebration',
  component: 'mk-celebration',
  tags: ['autodocs'],
  args: { kind: 'celebration' },
  argTypes: { kind: { control: 'inline-radio', options: ['celebration', 'achievement', 'reassurance'] } },
  render: (args) => html`<mk-celebration
    style="--mk-celebration-position: static"
    duration="0"
    ${ref((element) => {
      if (element) queueMicrotask(() => (element as MkCelebration).show(moments[args.kind]!));
    })}
  ></mk-celebration>`,
} satisfies Meta<CelebrationArgs>;

export default meta;
type Story = StoryObj<CelebrationArgs>;

export const Celebration: Story = {};
export const Achievement: Story = { args: { kind: 'achievement' } };
/** Reassurance, not blame, with ways to re-plan; it stays until closed. */
export const Reassurance: Story = { args: { kind: 'reassurance' } };
export const Dark: Story = { args: { kind: 'reassurance' }, globals: { theme: 'dark' } };
