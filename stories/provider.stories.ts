import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MentorKit } from '@mentorkit/core';
import '@mentorkit/elements/define-all.js';
import type { MkErrorDetail, MkProvider, MkReadyDetail } from '@mentorkit/elements';
import { seedDemoProgram } from '../examples/shared/demo-program.js';
import { DEMO_VIEWERS, demoKit } from './support.js';

interface ProviderArgs {
  userId: string;
}

const meta = {
  title: 'Elements/Provider',
  component: 'mk-provider',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          '`<mk-provider>` owns a MentorKit client and hands it to every widget inside it. It renders nothing of its own: the stories show it with a pairing card inside.',
      },
    },
  },
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

/** The host page's own status line (next to the provider), filled from the provider's events. */
const statusLine = (near: EventTarget | Element | null, text: string, role: 'status' | 'alert' = 'status') => {
  const line = (near as Element | null)?.closest('.host-page')?.querySelector<HTMLElement>('.host-status');
  if (line) {
    line.textContent = text;
    line.setAttribute('role', role);
  }
};

/** Seeds the demo programme into the provider's IndexedDB on first use, as the LMS demo does. */
async function seedOnReady(event: CustomEvent<MkReadyDetail>): Promise<void> {
  const { kit } = event.detail;
  if (await seedDemoProgram(kit.storage)) await kit.refresh();
  statusLine(event.target, `Connected as ${kit.user.id} (${kit.storage.name}).`);
}

/**
 * No JavaScript set-up: `user-id` and the IndexedDB default. Changing `user-id` (the control, or
 * "view as" in a host) builds a new client for that person on the same database.
 */
export const FromAttributes: Story = {
  args: { userId: DEMO_VIEWERS.mentee },
  argTypes: {
    userId: {
      control: 'select',
      options: [DEMO_VIEWERS.mentee, DEMO_VIEWERS.mentor, 'arjun-shrestha', 'sofia-rossi', DEMO_VIEWERS.admin],
      description: 'The signed-in person',
    },
  },
  render: (args) => html`
    <div class="host-page">
      <p class="host-status" role="status">Connecting…</p>
      <mk-provider user-id=${args.userId} storage="indexeddb" database-name="mentorkit-storybook" @mk-ready=${seedOnReady}>
        <mk-pairing-card style="max-width: 44rem" locale="en-GB"></mk-pairing-card>
      </mk-provider>
    </div>
  `,
};

/** A host that brings its own adapter creates the client and sets `.kit` (here: memory, seeded). */
export const WithHostClient: Story = {
  loaders: [async () => ({ kit: await demoKit(DEMO_VIEWERS.mentor) })],
  render: (_args, { loaded }) => html`
    <mk-provider .kit=${(loaded as { kit: MentorKit }).kit}>
      <mk-pairing-card style="max-width: 44rem" locale="en-GB"></mk-pairing-card>
    </mk-provider>
  `,
};

/** Several widgets share one provider and one client. */
export const SharedByWidgets: Story = {
  loaders: [async () => ({ kit: await demoKit(DEMO_VIEWERS.mentor) })],
  render: (_args, { loaded }) => html`
    <mk-provider .kit=${(loaded as { kit: MentorKit }).kit}>
      <div style="display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr))">
        <mk-pairing-card pairing-id="pairing-lucia" label="Co-mentoring" locale="en-GB"></mk-pairing-card>
        <mk-pairing-card pairing-id="pairing-daniel" label="One-to-one" locale="en-GB"></mk-pairing-card>
      </div>
    </mk-provider>
  `,
};

/**
 * Without `user-id` the provider cannot build a client: it logs a clear message and fires
 * `mk-error`, which this host shows in its own alert. The widget inside stays in its loading state.
 */
export const MissingUserId: Story = {
  render: () => html`
    <div class="host-page">
      <p class="host-status" role="status">Connecting…</p>
      <mk-provider storage="memory" @mk-error=${(event: CustomEvent<MkErrorDetail>) => statusLine(event.target, `Host page: MentorKit could not start. ${event.detail.error.message}`, 'alert')}>
        <mk-pairing-card style="max-width: 44rem"></mk-pairing-card>
      </mk-provider>
    </div>
  `,
  play: async ({ canvasElement }) => {
    // A host that attaches its listener late can still read the provider's `error`.
    const provider = canvasElement.querySelector<MkProvider>('mk-provider');
    await provider?.updateComplete;
    if (provider?.error) statusLine(provider, `Host page: MentorKit could not start. ${provider.error.message}`, 'alert');
  },
};
