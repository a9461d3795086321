import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MentorKit } from '@mentorkit/core';
import '@mentorkit/elements/define-all.js';
import { DEMO_VIEWERS, demoKit, loadErrorStory, loadingStory } from './support.js';
import { CONCERN_PAIRING, REPORTED_MESSAGE, concernKit } from './concerns-support.js';
import { longText, paste, press } from './limits-support.js';

interface RaiseConcernArgs {
  pairingId?: string | undefined;
  messageId?: string | undefined;
  lang: string;
}

const meta = {
  title: 'Elements/Raise a concern',
  component: 'mk-raise-concern',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'A safe place to raise a concern about one’s pairing or to report a message: it goes to the programme’s admins only. The form asks what it is about, what happened, and whether to pause the pairing now (and says what pausing does), and says who will see it. ' +
          'Stories: Lucía Fernández (mentee of Kenji Watanabe and Arjun Shrestha), Wednesday 14 October 2026, 21:10 UTC.',
      },
    },
  },
  args: { pairingId: CONCERN_PAIRING, lang: 'en-GB' },
  argTypes: { lang: { control: 'select', options: ['en-GB', 'es'] } },
  render: (args, { loaded }) => html`<div lang=${args.lang} style="max-width: 40rem">
    <mk-raise-concern .kit=${(loaded as { kit?: MentorKit }).kit} pairing-id=${ifDefined(args.pairingId)} message-id=${ifDefined(args.messageId)}
      @mk-concern-raise=${(event: CustomEvent) => console.info('mk-concern-raise', event.detail)}></mk-raise-concern>
  </div>`,
} satisfies Meta<RaiseConcernArgs>;

export default meta;
type Story = StoryObj<RaiseConcernArgs>;

/** About her pairing: what happened, the pause choice and who will see it. */
export const AboutThePairing: Story = { loaders: [async () => ({ kit: await concernKit(DEMO_VIEWERS.mentee) })] };

/** Reporting one of Kenji's messages (opened from the conversation's "Report" action): the message is quoted. */
export const ReportAMessage: Story = { args: { messageId: REPORTED_MESSAGE }, loaders: [async () => ({ kit: await concernKit(DEMO_VIEWERS.mentee) })] };

/** Hostile text in the quoted message and a long word, at 320 px: shown as text, wrapped. */
export const HostileTextAt320: Story = {
  args: { messageId: REPORTED_MESSAGE },
  parameters: { viewport: { defaultViewport: 'mobile1' } },
  render: (args, { loaded }) =>
    html`<div lang=${args.lang} style="width: 320px"><mk-raise-concern .kit=${(loaded as { kit?: MentorKit }).kit} message-id=${ifDefined(args.messageId)}></mk-raise-concern></div>`,
  loaders: [async () => ({ kit: await concernKit(DEMO_VIEWERS.mentee, { hostile: true }) })],
};

/** Sent: the confirmation says what happens next, and that the pairing is paused. */
export const Sent: Story = {
  loaders: [async () => ({ kit: await concernKit(DEMO_VIEWERS.mentee) })],
  play: async ({ canvasElement }) => {
    await paste(canvasElement, 'mk-raise-concern', 'textarea[name="text"]', 'He keeps asking about my private life in our sessions.');
    await press(canvasElement, 'mk-raise-concern', 'input[name="pause"]');
    await press(canvasElement, 'mk-raise-concern', '[part~="submit"]');
  },
};

/** Sending with nothing written: the error is said as text beside the field. */
export const NothingWritten: Story = {
  loaders: [async () => ({ kit: await concernKit(DEMO_VIEWERS.mentee) })],
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'mk-raise-concern', '[part~="submit"]');
  },
};

/** Over the length limit: the counter says by how much, and sending waits. */
export const TooLong: Story = {
  loaders: [async () => ({ kit: await concernKit(DEMO_VIEWERS.mentee) })],
  play: async ({ canvasElement }) => {
    await paste(canvasElement, 'mk-raise-concern', 'textarea[name="text"]', longText('What happened', 4100));
  },
};

/** An admin, who is in no pairing. */
export const NoPairing: Story = { args: { pairingId: undefined }, loaders: [async () => ({ kit: await demoKit(DEMO_VIEWERS.admin) })] };

/** While the client loads. */
export const Loading: Story = loadingStory();

/** When the storage fails. */
export const LoadError: Story = loadErrorStory();

/** In Spanish. */
export const Spanish: Story = { args: { lang: 'es', messageId: REPORTED_MESSAGE }, loaders: [async () => ({ kit: await concernKit(DEMO_VIEWERS.mentee) })] };

/** The dark theme. */
export const Dark: Story = { globals: { theme: 'dark' }, loaders: [async () => ({ kit: await concernKit(DEMO_VIEWERS.mentee) })] };
