import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createMemoryStorage, type MentorKit } from '@mentorkit/core';
import { seedDemoProgram } from '../examples/shared/demo-program.js';
import '@mentorkit/elements/define-all.js';
import { awkwardNamesKit, DEMO_VIEWERS, demoKit, loadErrorStory, loadingStory } from './support.js';

interface PairingCardArgs {
  pairingId?: string | undefined;
  headingLevel: number;
  label?: string | undefined;
  locale?: string | undefined;
}

const meta = {
  title: 'Elements/Pairing card',
  component: 'mk-pairing-card',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          "The signed-in person's pairings: the other members, their roles, time zones and local time now (updated every minute), with status and kind. " +
          'Stories use the demo programme in a memory adapter, viewed at Wednesday 14 October 2026, 21:10 UTC.',
      },
    },
  },
  args: { headingLevel: 2, locale: 'en-GB' },
  argTypes: {
    pairingId: { control: 'text', description: 'Show only this pairing' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    label: { control: 'text', description: 'Text of the heading' },
    locale: { control: 'select', options: ['en-GB', 'en-US', 'de-DE', 'es-ES', 'ja-JP'] },
  },
  render: (args, { loaded }) => html`
    <mk-pairing-card
      style="max-width: 44rem"
      .kit=${(loaded as { kit?: MentorKit }).kit}
      pairing-id=${ifDefined(args.pairingId || undefined)}
      heading-level=${args.headingLevel}
      label=${args.label || nothing}
      locale=${ifDefined(args.locale)}
      @mk-pairing-select=${(event: CustomEvent<{ pairingId: string }>) => console.info('mk-pairing-select', event.detail)}
      @mk-availability-change=${(event: CustomEvent<{ availability: unknown }>) => console.info('mk-availability-change', event.detail)}
    ></mk-pairing-card>
  `,
} satisfies Meta<PairingCardArgs>;

export default meta;
type Story = StoryObj<PairingCardArgs>;

/** A mentee with a lead mentor in Tokyo and a co-mentor in Kathmandu: 06:10 and 02:55 tomorrow for them. */
export const CoMentoring: Story = {
  loaders: [async () => ({ kit: await demoKit(DEMO_VIEWERS.mentee) })],
};

/** One mentee, one mentor. */
export const OnePairing: Story = {
  loaders: [async () => ({ kit: await demoKit('daniel-kim') })],
};

/** A mentor's view: a co-mentored mentee, a one-to-one mentee and a proposed pairing. */
export const SeveralPairings: Story = {
  loaders: [async () => ({ kit: await demoKit(DEMO_VIEWERS.mentor) })],
};

/** Mentors' availability: Kenji is away until 12 January (parental leave), Arjun takes mentees. */
export const MentorAway: Story = {
  loaders: [async () => ({ kit: await demoKit(DEMO_VIEWERS.mentee) })],
};

/** The day after an absence: "Back today" (Kenji's last day away was yesterday in Tokyo). */
export const MentorBackToday: Story = {
  loaders: [
    async () => {
      const storage = createMemoryStorage();
      await seedDemoProgram(storage);
      const kenji = (await storage.get('people', 'kenji-watanabe'))!;
      await storage.put('people', { ...kenji, availability: { status: 'away', until: '2026-10-14' } }, { expectedRevision: kenji.revision });
      return { kit: await demoKit(DEMO_VIEWERS.mentee, { storage }) };
    },
  ],
};

/** A mentor not taking mentees (Tom), seen by his mentee. */
export const MentorNotTakingMentees: Story = {
  loaders: [async () => ({ kit: await demoKit('james-wilson') })],
};

/** A signed-in mentor sets their own availability: "Change" opens the form above the list. */
export const OwnAvailability: Story = {
  loaders: [async () => ({ kit: await demoKit(DEMO_VIEWERS.mentor) })],
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('mk-pairing-card');
    await card?.updateComplete;
    card?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="availability-change"]')?.click();
  },
};

/** The same in Spanish. */
export const AvailabilitySpanish: Story = {
  args: { locale: 'es-ES' },
  loaders: [async () => ({ kit: await demoKit(DEMO_VIEWERS.mentee) })],
};

/** A paused pairing beside an active one (the mentor of both). */
export const PausedPairing: Story = {
  loaders: [async () => ({ kit: await demoKit('tom-becker') })],
};

/** `pairing-id` limits the card to one pairing. */
export const SinglePairingById: Story = {
  args: { pairingId: 'pairing-ravi' },
  loaders: [async () => ({ kit: await demoKit(DEMO_VIEWERS.mentor) })],
};

/** A mentee still waiting for a match. */
export const Empty: Story = {
  loaders: [async () => ({ kit: await demoKit('mateo-silva') })],
};

/** While the client loads (this storage never answers). */
export const Loading: Story = loadingStory();

/** When the storage fails. */
export const LoadError: Story = loadErrorStory();

/** The dark theme (the toolbar's Theme switch does the same for every story). */
export const Dark: Story = {
  globals: { theme: 'dark' },
  loaders: [async () => ({ kit: await demoKit(DEMO_VIEWERS.mentor) })],
};

/** A very long name, and one that looks like HTML: both shown as plain text. */
export const AwkwardNames: Story = {
  loaders: [async () => ({ kit: await awkwardNamesKit() })],
};

/** Times in the viewer's locale: here American English (12-hour clock). */
export const AmericanEnglish: Story = {
  args: { locale: 'en-US' },
  loaders: [async () => ({ kit: await demoKit(DEMO_VIEWERS.mentee) })],
};
