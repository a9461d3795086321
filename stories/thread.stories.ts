import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MentorKit } from '@mentorkit/core';
import '@mentorkit/elements/define-all.js';
import { DEMO_VIEWERS, demoKit, loadErrorStory, loadingStory } from './support.js';
import { PAIRING, storyKit, storyStorage } from './conversation-support.js';
import { longText, paste, press } from './limits-support.js';

interface ThreadArgs {
  pairingId: string;
  notes: boolean;
  headingLevel: number;
  locale?: string | undefined;
}

const meta = {
  title: 'Elements/Thread',
  component: 'mk-thread',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'A pairing’s conversation: text and voice notes (recorded with the microphone), the recipients’ local time and a quiet-hours notice before sending, unread markers, search, edits and deletes, and the mentors’ shared notes. ' +
          'At 21:10 UTC it is 06:10 Thursday for Kenji in Tokyo and 02:55 for Arjun in Kathmandu: both outside their working hours.',
      },
    },
  },
  args: { pairingId: PAIRING, notes: false, headingLevel: 2, locale: 'en-GB' },
  argTypes: { headingLevel: { control: { type: 'number', min: 1, max: 6 } } },
  render: (args, { loaded }) => html`
    <mk-thread
      style="max-width: 48rem"
      .kit=${(loaded as { kit?: MentorKit }).kit}
      pairing-id=${args.pairingId}
      ?notes=${args.notes}
      heading-level=${args.headingLevel}
      locale=${ifDefined(args.locale)}
      @mk-message-send=${(event: CustomEvent) => console.info('mk-message-send', event.detail)}
    ></mk-thread>
  `,
} satisfies Meta<ThreadArgs>;

export default meta;
type Story = StoryObj<ThreadArgs>;

/** A conversation with three unread messages and the quiet-hours notice. */
export const Conversation: Story = {
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentee, { messages: 8 }) })],
};

/** No messages yet. */
export const Empty: Story = {
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentee) })],
};

/** Within working hours for the recipients (Wednesday 03:00 UTC: 12:00 in Tokyo). */
export const WithinWorkingHours: Story = {
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentee, { messages: 4 }, '2026-10-14T03:00:00Z') })],
};

/** 5,000 messages: a window is rendered, older history loads as you scroll up. */
export const LongHistory: Story = {
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentee, { messages: 5000 }) })],
};

/** Hostile text and a javascript: "link": shown as text; only the https link is a link. */
export const HostileText: Story = {
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentee, { messages: 4, hostile: true }) })],
};

/** A mentor's view of the mentors' shared notes (private from the mentee unless shared). */
export const MentorsNotes: Story = {
  args: { notes: true },
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentor, { messages: 4, notes: true }) })],
};

/** A closed pairing: the conversation is kept but read-only. */
export const ReadOnly: Story = {
  loaders: [
    async () => {
      const storage = await storyStorage({ messages: 4 });
      const pairing = await storage.get('pairings', PAIRING);
      await storage.put('pairings', { ...pairing!, status: 'closed', endedOn: '2026-10-10' });
      return { kit: await demoKit(DEMO_VIEWERS.mentee, { storage }) };
    },
  ],
};

/** Not one of your pairings. */
export const Unavailable: Story = {
  args: { pairingId: 'pairing-hana' },
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentee) })],
};

/** While the client loads. */
export const Loading: Story = loadingStory();

/** When the storage fails. */
export const LoadError: Story = loadErrorStory();

/** The dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentee, { messages: 8 }) })],
};

/** A message pasted 10,050 characters long: kept whole, marked with what is too much, sending refused with a message. */
export const OverLimit: Story = {
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentee, { messages: 4 }) })],
  play: async ({ canvasElement }) => {
    await paste(canvasElement, 'mk-thread', 'textarea[name="message"]', longText('Notes from the incident review', 10_050));
    await press(canvasElement, 'mk-thread', '[part~="send"]');
  },
};
