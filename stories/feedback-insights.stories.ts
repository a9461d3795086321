import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MentorKit } from '@mentorkit/core';
import '@mentorkit/elements/define-all.js';
import { DEMO_VIEWERS, loadErrorStory, loadingStory } from './support.js';
import { PAIRING, storyKit } from './conversation-support.js';

interface FeedbackInsightsArgs {
  personId?: string | undefined;
  pairingId?: string | undefined;
  programId?: string | undefined;
  view: 'chart' | 'table';
  headingLevel: number;
  locale?: string | undefined;
}

const meta = {
  title: 'Elements/Feedback insights',
  component: 'mk-feedback-insights',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Rating trend, response rate, recurring themes, sessions without feedback and recommended mentor training (with the reason) — for a mentor, a pairing or a programme. ' +
          'Charts are accessible SVG with a data-table view. Stories: seven sessions of Lucía with falling ratings and "ran out of time" recurring.',
      },
    },
  },
  args: { headingLevel: 2, locale: 'en-GB', view: 'chart' },
  argTypes: {
    view: { control: 'inline-radio', options: ['chart', 'table'] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
  },
  render: (args, { loaded }) => html`
    <mk-feedback-insights
      style="max-width: 48rem"
      .kit=${(loaded as { kit?: MentorKit }).kit}
      person-id=${ifDefined(args.personId || undefined)}
      pairing-id=${ifDefined(args.pairingId || undefined)}
      program-id=${ifDefined(args.programId || undefined)}
      view=${args.view}
      heading-level=${args.headingLevel}
      locale=${ifDefined(args.locale)}
    ></mk-feedback-insights>
  `,
} satisfies Meta<FeedbackInsightsArgs>;

export default meta;
type Story = StoryObj<FeedbackInsightsArgs>;

/** A mentor's insights: falling trend, recurring "ran out of time", two courses recommended with reasons. */
export const Mentor: Story = {
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentor, { history: true }) })],
};

/** The same as data tables (the chart fallback). */
export const AsTables: Story = {
  args: { view: 'table' },
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentor, { history: true }) })],
};

/** One pairing. */
export const Pairing: Story = {
  args: { pairingId: PAIRING },
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentor, { history: true }) })],
};

/** The admins' programme roll-up, with a row per mentor. */
export const Programme: Story = {
  args: { programId: 'acme-eng-2026' },
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.admin, { history: true }) })],
};

/** No session has ended yet. */
export const Empty: Story = {
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentor) })],
};

/** While the client loads. */
export const Loading: Story = loadingStory();

/** When the storage fails. */
export const LoadError: Story = loadErrorStory();

/** The dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentor, { history: true }) })],
};
