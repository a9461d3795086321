import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MentorKit } from '@mentorkit/core';
import '@mentorkit/elements/define-all.js';
import { loadErrorStory, loadingStory } from './support.js';
import { PLANNING_PAIRING, planningKit } from './planning-support.js';

interface CheckinArgs {
  pairingId: string;
  inactiveAfterDays: number;
  locale?: string | undefined;
}

const meta = {
  title: 'Elements/Check-in',
  component: 'mk-checkin',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'When the next check-in is due (from the agreement’s cadence and check-in level), overdue and inactivity warnings, the reminders MentorKit would send at a sensible local hour, and a suggested check-in level with its reasons. ' +
          'Stories: Kenji’s view of his pairing with Lucía, at Wednesday 14 October 2026, 21:10 UTC.',
      },
    },
  },
  args: { pairingId: PLANNING_PAIRING, inactiveAfterDays: 21, locale: 'en-GB' },
  argTypes: {
    inactiveAfterDays: { control: { type: 'number', min: 1, max: 365 } },
    locale: { control: 'select', options: ['en-GB', 'en-US', 'de-DE', 'ja-JP'] },
  },
  render: (
    args,
    { loaded },
  ) => html`<mk-checkin style="max-width: 44rem" .kit=${(loaded as { kit?: MentorKit }).kit} pairing-id=${args.pairingId} inactive-after-days=${args.inactiveAfterDays} locale=${args.locale ?? 'en-GB'}
    @mk-checkin-level-change=${(event: CustomEvent) => console.info('mk-checkin-level-change', event.detail)}></mk-checkin>`,
} satisfies Meta<CheckinArgs>;

export default meta;
type Story = StoryObj<CheckinArgs>;

/** A session held last week: the next check-in is due in a week, covered by the next booked session. */
export const OnTrack: Story = {
  loaders: [
    async () => ({
      kit: await planningKit({
        sessions: [
          { start: '2026-10-06T22:00:00Z', end: '2026-10-06T23:00:00Z', status: 'held' },
          { start: '2026-10-20T22:00:00Z', end: '2026-10-20T23:00:00Z' },
        ],
      }),
    }),
  ],
};

/** Due in two days. */
export const DueSoon: Story = {
  loaders: [async () => ({ kit: await planningKit({ sessions: [{ start: '2026-10-02T22:00:00Z', end: '2026-10-02T23:00:00Z', status: 'held' }] }) })],
};

/** No check-in since the agreement: overdue, with a reminder for the mentor. */
export const Overdue: Story = { loaders: [async () => ({ kit: await planningKit() })] };

/** Gone quiet: no session, message or goal update for longer than the threshold. */
export const Inactive: Story = { args: { inactiveAfterDays: 14 }, loaders: [async () => ({ kit: await planningKit() })] };

/** Low ratings: more hand-holding is suggested, with the reason. */
export const SuggestsMoreSupport: Story = {
  loaders: [
    async () => ({
      kit: await planningKit({ ratings: [2, 3, 2], sessions: [{ start: '2026-10-06T22:00:00Z', end: '2026-10-06T23:00:00Z', status: 'held' }] }),
    }),
  ],
};

/** No agreement yet. */
export const NoAgreement: Story = { loaders: [async () => ({ kit: await planningKit({ agreement: 'none' }) })] };

/** While the client loads. */
export const Loading: Story = loadingStory();

/** When the storage fails. */
export const LoadError: Story = loadErrorStory();

/** The dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { inactiveAfterDays: 14 },
  loaders: [async () => ({ kit: await planningKit({ ratings: [2, 2] }) })],
};
