import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MentorKit } from '@mentorkit/core';
import '@mentorkit/elements/define-all.js';
import { DEMO_VIEWERS, demoKit, loadErrorStory, loadingStory } from './support.js';
import { concernKit } from './concerns-support.js';
import { press } from './limits-support.js';

interface ConcernQueueArgs {
  lang: string;
}

const meta = {
  title: 'Elements/Concern queue',
  component: 'mk-concern-queue',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The programme admin’s queue of concerns, open first: who raised each, about which pair, the quoted message, what happened, status changes (open, in review, closed) with an optional note, and the audit trail. A mentee or mentor sees the concerns they raised and may add to them. ' +
          'Stories: Priya Raman (programme lead), Wednesday 14 October 2026, 21:10 UTC.',
      },
    },
  },
  args: { lang: 'en-GB' },
  argTypes: { lang: { control: 'select', options: ['en-GB', 'es'] } },
  render: (args, { loaded }) => html`<div lang=${args.lang} style="max-width: 48rem">
    <mk-concern-queue .kit=${(loaded as { kit?: MentorKit }).kit} @mk-concern-change=${(event: CustomEvent) => console.info('mk-concern-change', event.detail)}></mk-concern-queue>
  </div>`,
} satisfies Meta<ConcernQueueArgs>;

export default meta;
type Story = StoryObj<ConcernQueueArgs>;

/** Two open concerns (one a reported message, with the pairing paused) and a closed one with its trail. */
export const Queue: Story = { loaders: [async () => ({ kit: await concernKit(DEMO_VIEWERS.admin, { concerns: true }) })] };

/** Saving with no new status and no note: the queue says what to do, as text. */
export const NothingToSave: Story = {
  loaders: [async () => ({ kit: await concernKit(DEMO_VIEWERS.admin, { concerns: true }) })],
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'mk-concern-queue', '[part~="form"] button[type="submit"]');
  },
};

/** Hostile text and long words, at 320 px: shown as text, wrapped. */
export const HostileTextAt320: Story = {
  render: (args, { loaded }) =>
    html`<div lang=${args.lang} style="width: 320px"><mk-concern-queue .kit=${(loaded as { kit?: MentorKit }).kit}></mk-concern-queue></div>`,
  loaders: [async () => ({ kit: await concernKit(DEMO_VIEWERS.admin, { concerns: true, hostile: true }) })],
};

/** Lucía's own concerns: no status control, a note she may add. */
export const ReportersView: Story = { loaders: [async () => ({ kit: await concernKit(DEMO_VIEWERS.mentee, { concerns: true }) })] };

/** Nothing raised. */
export const Empty: Story = { loaders: [async () => ({ kit: await demoKit(DEMO_VIEWERS.admin) })] };

/** While the client loads. */
export const Loading: Story = loadingStory();

/** When the storage fails. */
export const LoadError: Story = loadErrorStory();

/** In Spanish. */
export const Spanish: Story = { args: { lang: 'es' }, loaders: [async () => ({ kit: await concernKit(DEMO_VIEWERS.admin, { concerns: true }) })] };

/** The dark theme. */
export const Dark: Story = { globals: { theme: 'dark' }, loaders: [async () => ({ kit: await concernKit(DEMO_VIEWERS.admin, { concerns: true }) })] };
