import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MentorKit } from '@mentorkit/core';
import '@mentorkit/elements/define-all.js';
import type { MkAgreement } from '@mentorkit/elements';
import { longText, paste, press } from './limits-support.js';
import { DEMO_VIEWERS, loadErrorStory, loadingStory } from './support.js';
import { PLANNING_PAIRING, planningKit } from './planning-support.js';

interface AgreementArgs {
  pairingId: string;
  locale?: string | undefined;
}

const meta = {
  title: 'Elements/Agreement',
  component: 'mk-agreement',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The working agreement of a pair: cadence, channels, response time, off-limits days and dates, time zones and hours, links, coaching model and check-in level. ' +
          'Both parties confirm each version; changes since the last confirmed version are listed. Stories: Lucía (Tokyo) and Kenji (New York, off-limits Fridays) in the demo programme.',
      },
    },
  },
  args: { pairingId: PLANNING_PAIRING, locale: 'en-GB' },
  argTypes: { locale: { control: 'select', options: ['en-GB', 'en-US', 'de-DE', 'ja-JP'] } },
  render: (
    args,
    { loaded },
  ) => html`<mk-agreement style="max-width: 48rem" .kit=${(loaded as { kit?: MentorKit }).kit} pairing-id=${args.pairingId} locale=${args.locale ?? 'en-GB'}
    @mk-agreement-proposed=${(event: CustomEvent) => console.info('mk-agreement-proposed', event.detail)}
    @mk-agreement-changed=${(event: CustomEvent) => console.info('mk-agreement-changed', event.detail)}
    @mk-agreement-confirmed=${(event: CustomEvent) => console.info('mk-agreement-confirmed', event.detail)}></mk-agreement>`,
} satisfies Meta<AgreementArgs>;

export default meta;
type Story = StoryObj<AgreementArgs>;

const openForm: Story['play'] = async ({ canvasElement }) => {
  const element = canvasElement.querySelector<MkAgreement>('mk-agreement')!;
  await element.updateComplete;
  for (let attempt = 0; attempt < 50 && element.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('data-state') === 'loading'; attempt++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  element.edit();
};

/** No agreement yet: the pair is invited to draft one. */
export const NoAgreement: Story = { loaders: [async () => ({ kit: await planningKit({ agreement: 'none', viewer: DEMO_VIEWERS.mentee }) })] };

/** Filling in a first draft (from the profiles). */
export const Drafting: Story = { loaders: [async () => ({ kit: await planningKit({ agreement: 'none', viewer: DEMO_VIEWERS.mentee }) })], play: openForm };

/** Lucía proposed it; Kenji is asked to confirm. */
export const WaitingForConfirmation: Story = { loaders: [async () => ({ kit: await planningKit({ agreement: 'pending' }) })] };

/** Both confirmed. */
export const Confirmed: Story = { loaders: [async () => ({ kit: await planningKit({ agreement: 'confirmed' }) })] };

/** Kenji changed the cadence and added dates: Lucía sees what changed since version 1 and confirms again. */
export const ChangedSinceConfirmed: Story = { loaders: [async () => ({ kit: await planningKit({ agreement: 'changed', viewer: DEMO_VIEWERS.mentee }) })] };

/** Changing the terms of a confirmed agreement. */
export const Editing: Story = { loaders: [async () => ({ kit: await planningKit({ agreement: 'confirmed' }) })], play: openForm };

/** Not one of the viewer's pairings. */
export const NotAvailable: Story = { args: { pairingId: 'pairing-hana' }, loaders: [async () => ({ kit: await planningKit() })] };

/** While the client loads. */
export const Loading: Story = loadingStory();

/** When the storage fails. */
export const LoadError: Story = loadErrorStory();

/** Notes that look like HTML stay text. */
export const HostileText: Story = {
  loaders: [async () => ({ kit: await planningKit({ agreement: 'confirmed', notes: '<img src=x onerror=alert(1)> <script>alert("notes")</script>' }) })],
};

/** The dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  loaders: [async () => ({ kit: await planningKit({ agreement: 'changed', viewer: DEMO_VIEWERS.mentee }) })],
};

/** Notes pasted over their 2,000 characters: kept whole, marked with what is too much, saving refused with a message. */
export const NotesOverLimit: Story = {
  loaders: [async () => ({ kit: await planningKit({ agreement: 'none', viewer: DEMO_VIEWERS.mentee }) })],
  play: async (context) => {
    await openForm!(context);
    await paste(context.canvasElement, 'mk-agreement', 'textarea[name="notes"]', longText('Cameras on', 2040));
    await press(context.canvasElement, 'mk-agreement', '[part~="save-button"]');
  },
};
