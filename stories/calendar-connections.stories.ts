import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MentorKit } from '@mentorkit/core';
import '@mentorkit/elements/define-all.js';
import type { MkCalendarConnections } from '@mentorkit/elements';
import { loadingStory, shadowPart } from './support.js';
import { STORY_CALENDARS, calendarKit, storyCalendars } from './calendar-connections-support.js';

interface CalendarConnectionsArgs {
  headingLevel: number;
  locale?: string | undefined;
}

const meta = {
  title: 'Elements/Calendar connections',
  component: 'mk-calendar-connections',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The person’s own calendars (an iCalendar “secret address” or a CalDAV account), read by the MentorKit server so the scheduler leaves out the times they are busy, and a subscribable feed of their booked sessions. ' +
          'These stories use a stand-in for the server kept in memory: an address ending in /fail fails like a private address, and the CalDAV password “wrong” is refused.',
      },
    },
  },
  args: { headingLevel: 2, locale: 'en-GB' },
  argTypes: { locale: { control: 'select', options: ['en-GB', 'en-US', 'es-ES'] } },
  render: (
    args,
    { loaded },
  ) => html`<mk-calendar-connections style="max-width: 44rem" .kit=${(loaded as { kit?: MentorKit }).kit} heading-level=${args.headingLevel} locale=${args.locale ?? 'en-GB'}
    @mk-calendar-connected=${(event: CustomEvent) => console.info('mk-calendar-connected', event.detail)}
    @mk-calendar-disconnected=${(event: CustomEvent) => console.info('mk-calendar-disconnected', event.detail)}
    @mk-calendar-feed-changed=${(event: CustomEvent) => console.info('mk-calendar-feed-changed', event.detail)}></mk-calendar-connections>`,
} satisfies Meta<CalendarConnectionsArgs>;

export default meta;
type Story = StoryObj<CalendarConnectionsArgs>;

const element = (canvasElement: HTMLElement, selector: string) => shadowPart<MkCalendarConnections>(canvasElement, 'mk-calendar-connections', selector);

/** Two calendars: a CalDAV account that writes sessions back, and a Google address that could not be read lately. */
export const Connected: Story = { loaders: [async () => ({ kit: await calendarKit(storyCalendars(STORY_CALENDARS)) })] };

/** Nothing connected yet: the form and the feed. */
export const Empty: Story = { loaders: [async () => ({ kit: await calendarKit(storyCalendars()) })] };

/** Storage without the calendar service (memory, IndexedDB): connecting needs the MentorKit server. */
export const WithoutServer: Story = { loaders: [async () => ({ kit: await calendarKit() })] };

/** While the calendars load. */
export const Loading: Story = loadingStory();

/** The CalDAV form after the server refused the password: said at the field, everything typed kept. */
export const PasswordRefused: Story = {
  loaders: [async () => ({ kit: await calendarKit(storyCalendars([], { delayMs: 50 })) })],
  play: async ({ canvasElement }) => {
    const { host } = await element(canvasElement, 'input[value="caldav"]');
    host.shadowRoot!.querySelector<HTMLInputElement>('input[value="caldav"]')!.click();
    await host.updateComplete;
    const fill = (name: string, value: string) => {
      const input = host.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    fill('url', 'https://dav.example.com/lucia/');
    fill('username', 'lucia');
    fill('password', 'wrong');
    fill('label', 'Work');
    await host.updateComplete;
    host.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
  },
};

/** Disconnect asks first; focus is on "Keep it" and Escape cancels. */
export const ConfirmDisconnect: Story = {
  loaders: [async () => ({ kit: await calendarKit(storyCalendars(STORY_CALENDARS)) })],
  play: async ({ canvasElement }) => (await element(canvasElement, '[part~="disconnect"]')).found.click(),
};

/** In Spanish. */
export const Spanish: Story = { args: { locale: 'es-ES' }, loaders: [async () => ({ kit: await calendarKit(storyCalendars(STORY_CALENDARS)) })] };

/** The dark theme. */
export const Dark: Story = { globals: { theme: 'dark' }, loaders: [async () => ({ kit: await calendarKit(storyCalendars(STORY_CALENDARS)) })] };
