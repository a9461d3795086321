import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MentorKit } from '@mentorkit/core';
import '@mentorkit/elements/define-all.js';
import type { MkNotificationPreferences } from '@mentorkit/elements';
import { loadingStory, shadowPart } from './support.js';
import { notificationsKit, storyNotifications } from './notifications-support.js';

interface NotificationPreferencesArgs {
  headingLevel: number;
  locale?: string | undefined;
}

const meta = {
  title: 'Elements/Notification preferences',
  component: 'mk-notification-preferences',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The signed-in person’s reminder settings — email on or off, each kind of reminder, one email per reminder or a summary — and what was sent to them, on the MentorKit server. ' +
          'These stories use a stand-in for the server kept in memory that answers as the server does: a daily or weekly summary is refused (digests are not built yet) and the choice goes back.',
      },
    },
  },
  args: { headingLevel: 2, locale: 'en-GB' },
  argTypes: { locale: { control: 'select', options: ['en-GB', 'en-US', 'es-ES'] } },
  render: (
    args,
    { loaded },
  ) => html`<mk-notification-preferences style="max-width: 44rem" .kit=${(loaded as { kit?: MentorKit }).kit} heading-level=${args.headingLevel} locale=${args.locale ?? 'en-GB'}
    @mk-notification-preferences-change=${(event: CustomEvent) => console.info('mk-notification-preferences-change', event.detail)}></mk-notification-preferences>`,
} satisfies Meta<NotificationPreferencesArgs>;

export default meta;
type Story = StoryObj<NotificationPreferencesArgs>;

const element = (canvasElement: HTMLElement, selector: string) => shadowPart<MkNotificationPreferences>(canvasElement, 'mk-notification-preferences', selector);

/** Lucía's settings (one kind off) and the five reminders queued for her: waiting, being retried, sent, skipped. */
export const Settings: Story = { loaders: [async () => ({ kit: await notificationsKit(storyNotifications()) })] };

/** Nothing sent yet. */
export const NothingSent: Story = { loaders: [async () => ({ kit: await notificationsKit(storyNotifications({ deliveries: [] })) })] };

/** Storage without the notifications service (memory, IndexedDB): reminders by email need the MentorKit server. */
export const WithoutServer: Story = { loaders: [async () => ({ kit: await notificationsKit() })] };

/** While the settings load. */
export const Loading: Story = loadingStory();

/** The server could not be reached. */
export const LoadError: Story = {
  loaders: [
    async () => ({
      kit: await notificationsKit(
        storyNotifications({ failWith: 'Reading your reminder settings failed: The server is unavailable (503); nothing was applied.' }),
      ),
    }),
  ],
};

/** A kind being saved: "Saving…" beside it. */
export const Saving: Story = {
  loaders: [async () => ({ kit: await notificationsKit(storyNotifications({ delayMs: 600_000 })) })],
  play: async ({ canvasElement }) => (await element(canvasElement, '[name="kind-check-in-overdue"]')).found.click(),
};

/** A daily summary the server refuses: back to one email per reminder, with the server’s words. */
export const DigestRefused: Story = {
  loaders: [async () => ({ kit: await notificationsKit(storyNotifications({ delayMs: 50 })) })],
  play: async ({ canvasElement }) => (await element(canvasElement, 'input[name="digest"][value="daily"]')).found.click(),
};

/** A kind the element has no words for (added by a newer server) shows its id; a long subject wraps. */
export const UnknownKindAndLongText: Story = {
  loaders: [
    async () => ({
      kit: await notificationsKit(
        storyNotifications({
          kinds: ['check-in-overdue', 'mentor-availability-changed'],
          deliveries: [
            {
              id: 'n-long',
              kind: 'mentor-availability-changed',
              pairingId: 'pairing-lucia',
              channel: 'email',
              subject:
                'Maximiliane Alexandra von Hohenzollern-Sigmaringen-Wittelsbach is away until 12 January 2027 and suggests a co-mentor for the weeks in between',
              status: 'skipped',
              sendAt: '2026-10-13T07:00:00Z',
              sentAt: null,
              attempts: 1,
              createdAt: '2026-10-13T06:00:00Z',
              reason: 'the pairing is no longer active',
            },
          ],
        }),
      ),
    }),
  ],
};

/** In Spanish. */
export const Spanish: Story = { args: { locale: 'es-ES' }, loaders: [async () => ({ kit: await notificationsKit(storyNotifications()) })] };

/** The dark theme. */
export const Dark: Story = { globals: { theme: 'dark' }, loaders: [async () => ({ kit: await notificationsKit(storyNotifications()) })] };
