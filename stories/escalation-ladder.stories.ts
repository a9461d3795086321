import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MentorKit } from '@mentorkit/core';
import '@mentorkit/elements/define-all.js';
import type { MkEscalationLadder } from '@mentorkit/elements';
import { DEMO_VIEWERS, loadingStory, shadowPart } from './support.js';
import { DEMO_PROGRAM_ID, STORY_ESCALATIONS, notificationsKit, storyNotifications } from './notifications-support.js';

interface EscalationLadderArgs {
  headingLevel: number;
  locale?: string | undefined;
}

const meta = {
  title: 'Elements/Escalation ladder',
  component: 'mk-escalation-ladder',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'A programme admin’s escalation ladder for quiet pairs — nudge both, alert the admins, optionally close with notice and a re-pair suggestion — and where each quiet pair is on it, worst first. ' +
          'These stories use a stand-in for the MentorKit server kept in memory that validates the settings as the server does (try alerting the admins before the nudge).',
      },
    },
  },
  args: { headingLevel: 2, locale: 'en-GB' },
  argTypes: { locale: { control: 'select', options: ['en-GB', 'en-US', 'es-ES'] } },
  render: (
    args,
    { loaded },
  ) => html`<mk-escalation-ladder style="max-width: 48rem" .kit=${(loaded as { kit?: MentorKit }).kit} program-id=${DEMO_PROGRAM_ID} heading-level=${args.headingLevel} locale=${args.locale ?? 'en-GB'}
    @mk-escalation-settings-change=${(event: CustomEvent) => console.info('mk-escalation-settings-change', event.detail)}></mk-escalation-ladder>`,
} satisfies Meta<EscalationLadderArgs>;

export default meta;
type Story = StoryObj<EscalationLadderArgs>;

const admin = DEMO_VIEWERS.admin;
const element = (canvasElement: HTMLElement, selector: string) => shadowPart<MkEscalationLadder>(canvasElement, 'mk-escalation-ladder', selector);

/** Three quiet pairs of the demo programme, worst first: one closing (with a re-pair suggestion), one with the admins alerted, one nudged. */
export const QuietPairs: Story = { loaders: [async () => ({ kit: await notificationsKit(storyNotifications(), admin) })] };

/** No pair is quiet. */
export const NoneQuiet: Story = {
  loaders: [async () => ({ kit: await notificationsKit(storyNotifications({ pairs: STORY_ESCALATIONS.filter((pair) => pair.stage === 'active') }), admin) })],
};

/** Closing off (the default): the steps end at "Admins alerted". */
export const ClosingOff: Story = {
  loaders: [
    async () => ({
      kit: await notificationsKit(
        storyNotifications({
          settings: { quietDays: 14, alertAdminDays: 28, close: null },
          pairs: STORY_ESCALATIONS.filter((pair) => pair.stage !== 'closing'),
        }),
        admin,
      ),
    }),
  ],
};

/** Storage without the notifications service (memory, IndexedDB): the ladder needs the MentorKit server. */
export const WithoutServer: Story = { loaders: [async () => ({ kit: await notificationsKit(undefined, admin) })] };

/** While the ladder loads. */
export const Loading: Story = loadingStory();

/** The server refused (not an admin of this programme). */
export const LoadError: Story = {
  loaders: [async () => ({ kit: await notificationsKit(storyNotifications({ failWith: 'Only the programme’s admins see its escalation ladder.' }), admin) })],
};

/** Editing, after the server refused alerting the admins before the nudge: said at the field, everything typed kept. */
export const SettingsRefused: Story = {
  loaders: [async () => ({ kit: await notificationsKit(storyNotifications({ delayMs: 50 }), admin) })],
  play: async ({ canvasElement }) => {
    const { host, found } = await element(canvasElement, '[part~="edit"]');
    found.click();
    await host.updateComplete;
    const input = host.shadowRoot!.querySelector<HTMLInputElement>('[name="alertAdminDays"]')!;
    input.value = '10';
    input.dispatchEvent(new Event('input'));
    await host.updateComplete;
    host.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
  },
};

/** Very long names and one that looks like HTML (shown as text), with a pair's history open. */
export const LongNames: Story = {
  loaders: [async () => ({ kit: await notificationsKit(storyNotifications(), admin, { awkwardNames: true }) })],
  play: async ({ canvasElement }) => {
    const { found } = await element(canvasElement, '[part~="history"]');
    (found as HTMLDetailsElement).open = true;
  },
};

/** In Spanish. */
export const Spanish: Story = { args: { locale: 'es-ES' }, loaders: [async () => ({ kit: await notificationsKit(storyNotifications(), admin) })] };

/** The dark theme. */
export const Dark: Story = { globals: { theme: 'dark' }, loaders: [async () => ({ kit: await notificationsKit(storyNotifications(), admin) })] };
