import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MentorKit } from '@mentorkit/core';
import '@mentorkit/elements/define-all.js';
import type { MkScheduler } from '@mentorkit/elements';
import { DEMO_VIEWERS, loadErrorStory, loadingStory, STORY_NOW } from './support.js';
import { PLANNING_PAIRING, planningKit } from './planning-support.js';
import { longText, paste, press } from './limits-support.js';

interface SchedulerArgs {
  pairingId: string;
  locale?: string | undefined;
}

const meta = {
  title: 'Elements/Scheduler',
  component: 'mk-scheduler',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Find a time across time zones: everyone’s local time now, common free times ranked so early and late hours are shared fairly, each with every person’s local time; book once or a recurring series; download .ics; cancel an upcoming session (inline confirmation, optional reason); say whether a past session took place and how long it lasted. ' +
          'Stories: Lucía in Tokyo and Kenji in New York (off-limits Fridays), fortnightly.',
      },
    },
  },
  args: { pairingId: PLANNING_PAIRING, locale: 'en-GB' },
  argTypes: { locale: { control: 'select', options: ['en-GB', 'en-US', 'de-DE', 'ja-JP'] } },
  render: (
    args,
    { loaded },
  ) => html`<mk-scheduler style="max-width: 52rem" .kit=${(loaded as { kit?: MentorKit }).kit} pairing-id=${args.pairingId} locale=${args.locale ?? 'en-GB'}
    @mk-session-booked=${(event: CustomEvent) => console.info('mk-session-booked', event.detail)}
    @mk-calendar-download=${(event: CustomEvent) => console.info('mk-calendar-download', event.detail)}
    @mk-session-cancelled=${(event: CustomEvent) => console.info('mk-session-cancelled', event.detail)}
    @mk-session-attendance=${(event: CustomEvent) => console.info('mk-session-attendance', event.detail)}></mk-scheduler>`,
} satisfies Meta<SchedulerArgs>;

export default meta;
type Story = StoryObj<SchedulerArgs>;

const ready = async (canvasElement: HTMLElement) => {
  const element = canvasElement.querySelector<MkScheduler>('mk-scheduler')!;
  for (let attempt = 0; attempt < 100 && !element.shadowRoot?.querySelector('input[name="slot"]'); attempt++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return element;
};

/** Suggested times, fairest first, for the mentor. */
export const Suggestions: Story = { loaders: [async () => ({ kit: await planningKit() })] };

/** A time picked: the booking form is ready. */
export const TimeSelected: Story = {
  loaders: [async () => ({ kit: await planningKit() })],
  play: async ({ canvasElement }) => (await ready(canvasElement)).shadowRoot!.querySelector<HTMLInputElement>('input[name="slot"]')!.click(),
};

/** A fortnightly series booked, with the .ics download. */
export const SeriesBooked: Story = {
  loaders: [async () => ({ kit: await planningKit() })],
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    element.shadowRoot!.querySelector<HTMLInputElement>('input[name="slot"]')!.click();
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="book-button"]')!.click();
  },
};

/** Without an agreement: profile hours (Madrid, Tokyo, Kathmandu) are used. */
export const FromProfiles: Story = { loaders: [async () => ({ kit: await planningKit({ agreement: 'none', viewer: DEMO_VIEWERS.mentee }) })] };

/**
 * No common working time: Daniel (Los Angeles) and Kenji (Tokyo) share one hour a day, too short for
 * 90 minutes — the scheduler offers the fairest times outside working hours by itself (07:00–22:00, never at night).
 */
export const NoCommonTime: Story = {
  args: { pairingId: 'pairing-daniel' },
  loaders: [async () => ({ kit: await planningKit({ agreement: 'none' }) })],
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    const select = element.shadowRoot!.querySelector<HTMLSelectElement>('[part~="controls"] select')!;
    select.value = '90';
    select.dispatchEvent(new Event('change'));
  },
};

/** An out-of-hours series booked with "Take turns with the early and late times": the early and late turns so far. */
export const TakingTurnsBooked: Story = {
  args: { pairingId: 'pairing-daniel' },
  loaders: [async () => ({ kit: await planningKit({ agreement: 'none' }) })],
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    const select = element.shadowRoot!.querySelector<HTMLSelectElement>('[part~="controls"] select')!;
    select.value = '90';
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLInputElement>('input[name="slot"]')!.click();
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="book-button"]')!.click();
  },
};

/** Upcoming sessions already booked (they count as busy). */
export const WithUpcomingSessions: Story = {
  loaders: [
    async () => ({
      kit: await planningKit({
        sessions: [
          { start: '2026-10-20T22:00:00Z', end: '2026-10-20T23:00:00Z' },
          { start: '2026-11-03T23:00:00Z', end: '2026-11-04T00:00:00Z' },
        ],
        now: '2026-10-14T21:10:00Z',
      }),
    }),
  ],
};

/** "Cancel…" pressed on the first upcoming session: the inline confirmation with a reason typed, "Keep it" in focus. */
export const CancelConfirmation: Story = {
  loaders: WithUpcomingSessions.loaders ?? [],
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="cancel"]')!.click();
    await element.updateComplete;
    const reason = element.shadowRoot!.querySelector<HTMLTextAreaElement>('[part~="cancel-reason"]')!;
    reason.value = 'I am travelling that week.';
    reason.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  },
};

/**
 * Past sessions: "Did it take place?" for the one not answered yet (Tuesday 13 October), and for the held one
 * (6 October) "How long? (minutes)" — the booked hour until someone records another length.
 */
export const PastSessions: Story = {
  loaders: [
    async () => ({
      kit: await planningKit({
        sessions: [
          { start: '2026-10-06T22:00:00Z', end: '2026-10-06T23:00:00Z', status: 'held' },
          { start: '2026-10-13T22:00:00Z', end: '2026-10-13T22:45:00Z' },
          { start: '2026-10-20T22:00:00Z', end: '2026-10-20T23:00:00Z' },
        ],
        now: STORY_NOW,
      }),
    }),
  ],
};

/** Not one of the viewer's pairings. */
export const NotAvailable: Story = { args: { pairingId: 'pairing-hana' }, loaders: [async () => ({ kit: await planningKit() })] };

/** While the client loads. */
export const Loading: Story = loadingStory();

/** When the storage fails. */
export const LoadError: Story = loadErrorStory();

/** The dark theme. */
export const Dark: Story = { globals: { theme: 'dark' }, loaders: [async () => ({ kit: await planningKit() })] };

/** American English (12-hour clock). */
export const AmericanEnglish: Story = { args: { locale: 'en-US' }, loaders: [async () => ({ kit: await planningKit() })] };

/** A title pasted 215 characters long and an agenda of 4,020 (kept whole, marked), booking refused with a message. */
export const OverLimit: Story = {
  loaders: [async () => ({ kit: await planningKit() })],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await press(canvasElement, 'mk-scheduler', 'input[name="slot"]');
    await paste(canvasElement, 'mk-scheduler', 'input[name="title"]', longText('Design review of the payments API', 215));
    await paste(canvasElement, 'mk-scheduler', 'textarea[name="agenda"]', longText('Agenda', 4020));
    await press(canvasElement, 'mk-scheduler', '[part~="book-button"]');
  },
};
