import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MentorKit } from '@mentorkit/core';
import { rapportFeature } from '@mentorkit/core/rapport';
import '@mentorkit/elements/define-all.js';
import { DEMO_VIEWERS, demoKit, loadErrorStory, loadingStory } from './support.js';

interface IcebreakerArgs {
  showFormats: boolean;
  topic: '' | 'work' | 'non-work';
  locale?: string | undefined;
}

const PAIRING = 'pairing-lucia';

/** A client for the mentee whose pair has already been dealt `count` prompts. */
async function dealtKit(count: number, viewer: string = DEMO_VIEWERS.mentee): Promise<{ kit: MentorKit }> {
  const kit = await demoKit(viewer);
  for (let index = 0; index < count; index++) await kit.use(rapportFeature).deal(PAIRING);
  return { kit };
}

const meta = {
  title: 'Elements/Icebreaker',
  component: 'mk-icebreaker',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Opens a meeting with a question for the pair; "Another one" deals the next, never repeating until the deck is exhausted. Optional informal formats (virtual lunch, team-building).',
      },
    },
  },
  args: { showFormats: false, topic: '', locale: 'en-GB' },
  argTypes: {
    showFormats: { control: 'boolean' },
    topic: { control: 'select', options: ['', 'work', 'non-work'] },
    locale: { control: 'select', options: ['en-GB', 'es-ES'] },
  },
  render: (args, { loaded }) => html`
    <mk-icebreaker
      style="max-width: 36rem"
      .kit=${(loaded as { kit?: MentorKit }).kit}
      pairing-id=${PAIRING}
      topic=${args.topic}
      ?show-formats=${args.showFormats}
      locale=${ifDefined(args.locale)}
      @mk-icebreaker-deal=${(event: CustomEvent) => console.info('mk-icebreaker-deal', event.detail)}
    ></mk-icebreaker>
  `,
} satisfies Meta<IcebreakerArgs>;

export default meta;
type Story = StoryObj<IcebreakerArgs>;

/** Nothing dealt yet. */
export const FirstQuestion: Story = { loaders: [async () => dealtKit(0)] };
/** A question on the table. */
export const Dealt: Story = { loaders: [async () => dealtKit(1)] };
/** Dealt by the mentor: the mentee sees who dealt it. */
export const DealtByTheOtherPerson: Story = {
  loaders: [
    async () => {
      const { kit } = await dealtKit(1, DEMO_VIEWERS.mentor);
      const mentee = await demoKit(DEMO_VIEWERS.mentee, { storage: kit.storage });
      return { kit: mentee };
    },
  ],
};
/** Only prompts about work. */
export const WorkOnly: Story = { args: { topic: 'work' }, loaders: [async () => dealtKit(1)] };
/** With the informal formats (virtual lunch, two truths and a lie, …). */
export const WithFormats: Story = { args: { showFormats: true }, loaders: [async () => dealtKit(1)] };
/** The dark theme. */
export const Dark: Story = { args: { showFormats: true }, globals: { theme: 'dark' }, loaders: [async () => dealtKit(1)] };
/** In Spanish. */
export const Spanish: Story = { args: { locale: 'es-ES' }, loaders: [async () => dealtKit(1)] };
/** While the client loads. */
export const Loading: Story = loadingStory();
/** When the storage fails. */
export const LoadError: Story = loadErrorStory();
