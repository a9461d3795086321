import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MentorKit } from '@mentorkit/core';
import '@mentorkit/elements/define-all.js';
import { DEMO_VIEWERS, loadErrorStory, loadingStory } from './support.js';
import { goalsKit, manyGoals } from './goals-support.js';

interface GoalTrackerArgs {
  filter: 'active' | 'achieved' | 'all';
  locale: string;
}

const meta = {
  title: 'Elements/Goal tracker',
  component: 'mk-goal-tracker',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          "A pairing's SMART goals with progress bars, status, due dates in the viewer's locale and milestones to tick in place (ticking one is celebrated). " +
          'Stories use the demo programme in a memory adapter, viewed on 14 October 2026.',
      },
    },
  },
  args: { filter: 'all', locale: 'en-GB' },
  argTypes: {
    filter: { control: 'inline-radio', options: ['active', 'achieved', 'all'] },
    locale: { control: 'select', options: ['en-GB', 'en-US', 'de-DE', 'es-ES', 'ja-JP'] },
  },
  render: (args, { loaded }) =>
    html`<mk-goal-tracker style="max-width: 48rem" .kit=${(loaded as { kit?: MentorKit }).kit} filter=${args.filter} locale=${args.locale}></mk-goal-tracker>`,
} satisfies Meta<GoalTrackerArgs>;

export default meta;
type Story = StoryObj<GoalTrackerArgs>;

/** On track, behind, at risk (an overdue milestone) and achieved. */
export const EveryStatus: Story = { loaders: [async () => ({ kit: await goalsKit() })] };

/** No goals yet: the tracker invites a first one. */
export const Empty: Story = { loaders: [async () => ({ kit: await goalsKit({ goals: [] }) })] };

/** A goal past its date: recorded once as missed, with reassurance and ways to re-plan. */
export const Missed: Story = { loaders: [async () => ({ kit: await goalsKit({ goals: [], missed: true }) })] };

/** Overdue milestones make a goal at risk. */
export const Overdue: Story = { args: { filter: 'active' }, loaders: [async () => ({ kit: await goalsKit() })] };

/** Only the achieved goals. */
export const Achieved: Story = { args: { filter: 'achieved' }, loaders: [async () => ({ kit: await goalsKit() })] };

/** A thousand goals: keyed, memoised rows that skip layout off screen. */
export const ManyGoals: Story = { loaders: [async () => ({ kit: await goalsKit({ goals: manyGoals(1000) }) })] };

/** The mentor's view: Lucía's shared goals with her name. */
export const MentorView: Story = { loaders: [async () => ({ kit: await goalsKit({ viewer: DEMO_VIEWERS.mentor }) })] };

/** An admin may look but not tick. */
export const AdminReadOnly: Story = { loaders: [async () => ({ kit: await goalsKit({ viewer: DEMO_VIEWERS.admin }) })] };

/** A title that looks like HTML is shown as text. */
export const HostileTitle: Story = {
  loaders: [
    async () => ({
      kit: await goalsKit({
        goals: [
          {
            pairingId: 'pairing-lucia',
            title: '<img src=x onerror=alert(1)>',
            skill: '<b>bold</b>',
            dueDate: '2026-12-01',
            milestones: [{ title: '<script>alert(1)</script>' }],
          },
        ],
      }),
    }),
  ],
};

export const Loading: Story = loadingStory();
export const LoadError: Story = loadErrorStory();
export const Dark: Story = { globals: { theme: 'dark' }, loaders: [async () => ({ kit: await goalsKit({ missed: true }) })] };
