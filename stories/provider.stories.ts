import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MentorKitError, createMemoryStorage, type MentorKit, type StorageWriteFailure } from '@mentorkit/core';
import '@mentorkit/elements/define-all.js';
import type { MkErrorDetail, MkProvider, MkReadyDetail } from '@mentorkit/elements';
import { seedDemoProgram } from '../examples/shared/demo-program.js';
import { refusingStorage } from '../packages/elements/src/provider/refusing-storage.js';
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
          "`<mk-provider>` owns a MentorKit client and hands it to every widget inside it. It renders no box of its own — only, when the storage refuses a change it had accepted (the REST adapter's offline queue), a notice in the corner of the window saying which change was not saved and why. The stories show it with a pairing card inside.",
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

const PAIRING = 'pairing-lucia';
const refused = (
  collection: string,
  id: string,
  record: StorageWriteFailure['record'],
  error: MentorKitError,
  kind: 'put' | 'delete' = 'put',
): StorageWriteFailure => ({ collection, id, kind, record, error, queuedAt: '2026-10-14T20:55:00.000Z' });
const conflictError = new MentorKitError(
  'conflict',
  'Kenji Watanabe changed this goal while you were offline. Your version was not kept; open the goal to see his.',
);

/** Lucía's client on storage that refuses the given changes after accepting them (as the REST offline queue does). */
async function kitWithRefusals(failures: readonly StorageWriteFailure[]): Promise<MentorKit> {
  const storage = refusingStorage(createMemoryStorage());
  const kit = await demoKit(DEMO_VIEWERS.mentee, { storage });
  for (const failure of failures) storage.report(failure);
  return kit;
}

const withNotice = (kit: MentorKit, lang = 'en') => html`
  <div lang=${lang}>
    <mk-provider .kit=${kit}>
      <mk-pairing-card style="max-width: 44rem" pairing-id=${PAIRING}></mk-pairing-card>
    </mk-provider>
  </div>
`;

/** One change was not saved: what it was, why, and a Dismiss button (a polite `role="status"` region). */
export const OneUnsavedChange: Story = {
  loaders: [
    async () => ({
      kit: await kitWithRefusals([
        refused(
          'goals',
          'goal-review',
          { id: 'goal-review', pairingId: PAIRING, ownerId: DEMO_VIEWERS.mentee, title: 'Ship the design review' },
          conflictError,
        ),
      ]),
    }),
  ],
  render: (_args, { loaded }) => withNotice((loaded as { kit: MentorKit }).kit),
};

/** Several: a message, session feedback and a deleted goal, each with its reason, and Dismiss all. */
export const SeveralUnsavedChanges: Story = {
  loaders: [
    async () => ({
      kit: await kitWithRefusals([
        refused(
          'messages',
          'message-offline',
          { id: 'message-offline', pairingId: PAIRING, authorId: DEMO_VIEWERS.mentee, kind: 'text', text: 'See you on Monday!' },
          new MentorKitError('forbidden', 'This pairing was paused while you were offline, so new messages are not accepted.'),
        ),
        refused(
          'feedback',
          'feedback-offline',
          { id: 'feedback-offline', pairingId: PAIRING, sessionId: 'session-unknown', authorId: DEMO_VIEWERS.mentee, rating: 5 },
          new MentorKitError('invalid-input', 'Feedback can be given for 14 days after a session; this one ended earlier.'),
        ),
        refused('goals', 'goal-old', undefined, new MentorKitError('forbidden', 'Only the goal’s owner may delete it.'), 'delete'),
      ]),
    }),
  ],
  render: (_args, { loaded }) => withNotice((loaded as { kit: MentorKit }).kit),
};

/** The same notice on a Spanish page (`lang="es"`): the words are the provider's Spanish catalogue; the reasons are the server's. */
export const UnsavedChangesInSpanish: Story = {
  loaders: [
    async () => ({
      kit: await kitWithRefusals([
        refused(
          'goals',
          'goal-charla',
          { id: 'goal-charla', pairingId: PAIRING, ownerId: DEMO_VIEWERS.mentee, title: 'Dar una charla interna' },
          new MentorKitError('conflict', 'Kenji Watanabe cambió este objetivo mientras no tenías conexión.'),
        ),
        refused('people', DEMO_VIEWERS.mentee, { id: DEMO_VIEWERS.mentee }, new MentorKitError('invalid-input', 'La zona horaria no es válida.')),
      ]),
    }),
  ],
  render: (_args, { loaded }) => withNotice((loaded as { kit: MentorKit }).kit, 'es'),
};

/** Titles people typed and reasons a server sent are shown as text, never as HTML. */
export const HostileText: Story = {
  loaders: [
    async () => ({
      kit: await kitWithRefusals([
        refused(
          'goals',
          'goal-hostile',
          { id: 'goal-hostile', pairingId: PAIRING, ownerId: DEMO_VIEWERS.mentee, title: '<img src=x onerror=alert(1)> Ship it' },
          new MentorKitError('conflict', '<script>alert("reason")</script> was refused.'),
        ),
      ]),
    }),
  ],
  render: (_args, { loaded }) => withNotice((loaded as { kit: MentorKit }).kit),
};

/**
 * After Dismiss all with nowhere to send focus back to, focus lands on a short "All notices
 * dismissed." line (never on the page's body); it goes away when focus leaves it.
 */
export const AllDismissed: Story = {
  loaders: [
    async () => ({
      kit: await kitWithRefusals([
        refused('goals', 'goal-a', { id: 'goal-a', pairingId: PAIRING, title: 'Read two books on system design' }, conflictError),
        refused('goals', 'goal-b', { id: 'goal-b', pairingId: PAIRING, title: 'Give an internal talk' }, conflictError),
      ]),
    }),
  ],
  render: (_args, { loaded }) => withNotice((loaded as { kit: MentorKit }).kit),
  play: async ({ canvasElement }) => {
    const provider = canvasElement.querySelector<MkProvider>('mk-provider');
    for (let tries = 0; tries < 50 && !provider?.shadowRoot?.querySelector('[part~="dismiss-all"]'); tries++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    provider?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="dismiss-all"]')?.click();
  },
};
