import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createMemoryStorage, createMentorKit, type MentorKit } from '@mentorkit/core';
import { pairingFeature } from '@mentorkit/core/pairing';
import '@mentorkit/elements/define-all.js';
import { DEMO_PROGRAM_ID, seedDemoProgram } from '../examples/shared/demo-program.js';
import { DEMO_VIEWERS, demoKit, loadErrorStory, loadingStory, STORY_NOW } from './support.js';

interface PairingBoardArgs {
  programId: string;
  locale?: string | undefined;
}

/** The demo programme seen by its admin, with a matching round already proposed (and optionally adjusted). */
async function boardKit(options: { run?: boolean; veto?: boolean; hostile?: boolean; aishaAway?: boolean } = {}): Promise<MentorKit> {
  const storage = createMemoryStorage();
  await seedDemoProgram(storage);
  if (options.aishaAway) {
    const aisha = await storage.get('people', 'aisha-bello');
    await storage.put('people', { ...aisha!, availability: { status: 'away', until: '2026-12-31' } });
  }
  if (options.hostile) {
    const zara = await storage.get('people', 'zara-ahmed');
    await storage.put('people', { ...zara!, displayName: '<img src=x onerror=alert(1)>' });
    const grace = await storage.get('people', 'grace-mensah');
    await storage.put('people', { ...grace!, displayName: 'Maximiliane Alexandra von Hohenzollern-Sigmaringen-Wittelsbach' });
  }
  const kit = createMentorKit({ storage, user: DEMO_VIEWERS.admin, now: () => STORY_NOW });
  await kit.ready;
  if (options.run) {
    const pairing = kit.use(pairingFeature);
    const round = await pairing.propose({ programId: DEMO_PROGRAM_ID });
    if (options.aishaAway) await pairing.adjust(round.id, { pin: ['zara-ahmed', 'aisha-bello'] });
    if (options.veto) {
      const first = round.proposal.assignments[0]!;
      await pairing.adjust(round.id, { veto: [first.menteeId, first.mentorIds[0]!] });
      const next = pairing.get(round.id).proposal.assignments[1]!;
      await pairing.adjust(round.id, { pin: [next.menteeId, next.mentorIds[0]!] });
    }
  }
  return kit;
}

const meta = {
  title: 'Elements/Pairing board',
  component: 'mk-pairing-board',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          "The programme admin's matching board: weights with live re-runs, proposed pairs with per-criterion meters and reasons, pin/veto/swap, unmatched mentees with why, and each mentor's seat use. " +
          'Stories use the demo programme (7 mentees waiting, 6 free seats) in a memory adapter.',
      },
    },
  },
  args: { programId: DEMO_PROGRAM_ID, locale: 'en-GB' },
  argTypes: {
    programId: { control: 'text' },
    locale: { control: 'select', options: ['en-GB', 'es-ES'] },
  },
  render: (args, { loaded }) => html`
    <mk-pairing-board
      style="max-width: 60rem"
      .kit=${(loaded as { kit?: MentorKit }).kit}
      program-id=${args.programId}
      locale=${ifDefined(args.locale)}
      @mk-pairing-round-change=${(event: CustomEvent) => console.info('mk-pairing-round-change', event.detail)}
      @mk-pairing-round-activate=${(event: CustomEvent) => console.info('mk-pairing-round-activate', event.detail)}
    ></mk-pairing-board>
  `,
} satisfies Meta<PairingBoardArgs>;

export default meta;
type Story = StoryObj<PairingBoardArgs>;

/** Before matching: the cohort, the weight sliders and the mentors' seats. */
export const BeforeMatching: Story = {
  loaders: [async () => ({ kit: await boardKit() })],
};

/** A proposed round: six pairs with reasons; Mateo (Portuguese and Spanish only) unmatched, with why. */
export const Proposed: Story = {
  loaders: [async () => ({ kit: await boardKit({ run: true }) })],
};

/** After a veto (matching ran again) and a pinned pair. */
export const VetoedAndPinned: Story = {
  loaders: [async () => ({ kit: await boardKit({ run: true, veto: true }) })],
};

/**
 * Mentors who are away or not taking mentees: Kenji (away until 12 January) and Tom (not taking mentees)
 * in the mentor list, and Aisha away until 31 December but pinned for Zara by hand — the pair warns.
 */
export const MentorsAway: Story = {
  loaders: [async () => ({ kit: await boardKit({ run: true, aishaAway: true }) })],
};

/** Names that are very long or look like HTML are shown as text. */
export const AwkwardNames: Story = {
  loaders: [async () => ({ kit: await boardKit({ run: true, hostile: true }) })],
};

/** In Spanish. */
export const Spanish: Story = {
  args: { locale: 'es-ES' },
  loaders: [async () => ({ kit: await boardKit({ run: true }) })],
};

/** A mentee opening the board: only programme admins may match. */
export const NotAnAdmin: Story = {
  loaders: [async () => ({ kit: await demoKit(DEMO_VIEWERS.mentee) })],
};

/** While the client loads. */
export const Loading: Story = loadingStory();

/** When the host's storage fails. */
export const LoadError: Story = loadErrorStory();

/** The dark theme (the toolbar's Theme switch does the same for every story). */
export const Dark: Story = {
  globals: { theme: 'dark' },
  loaders: [async () => ({ kit: await boardKit({ run: true }) })],
};
