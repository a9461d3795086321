import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MentorKit } from '@mentorkit/core';
import { feedbackFeature } from '@mentorkit/core/feedback';
import '@mentorkit/elements/define-all.js';
import { DEMO_VIEWERS, loadErrorStory, loadingStory } from './support.js';
import { storyKit } from './conversation-support.js';
import { longText, paste, press } from './limits-support.js';

interface SessionFeedbackArgs {
  sessionId?: string | undefined;
  headingLevel: number;
  locale?: string | undefined;
}

const meta = {
  title: 'Elements/Session feedback',
  component: 'mk-session-feedback',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The quick note after a session: rating, tags, what helped, what was missed, a tool that would help, anything else; a thank-you state with editing until the deadline; "reveal when both submit". ' +
          'Stories use the demo programme in a memory adapter at Wednesday 14 October 2026, 21:10 UTC; Lucía’s session ended at 19:45 UTC.',
      },
    },
  },
  args: { headingLevel: 2, locale: 'en-GB' },
  argTypes: {
    sessionId: { control: 'text', description: 'The session (default: your first open request)' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    locale: { control: 'select', options: ['en-GB', 'en-US', 'de-DE', 'es-ES'] },
  },
  render: (args, { loaded }) => html`
    <mk-session-feedback
      style="max-width: 48rem"
      .kit=${(loaded as { kit?: MentorKit }).kit}
      session-id=${ifDefined(args.sessionId || undefined)}
      heading-level=${args.headingLevel}
      locale=${ifDefined(args.locale)}
      @mk-feedback-submit=${(event: CustomEvent) => console.info('mk-feedback-submit', event.detail)}
    ></mk-session-feedback>
  `,
} satisfies Meta<SessionFeedbackArgs>;

export default meta;
type Story = StoryObj<SessionFeedbackArgs>;

/** A session just ended: the mentee's request is open. */
export const Form: Story = {
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentee, { sessions: true }) })],
};

/** After sending: the thank-you state, with editing until the deadline. */
export const ThankYou: Story = {
  loaders: [
    async () => {
      const kit = await storyKit(DEMO_VIEWERS.mentee, { sessions: true });
      const feedback = kit.use(feedbackFeature);
      await feedback.ready;
      await feedback.submit({
        sessionId: 's-latest',
        rating: 5,
        helped: 'The system design sketch',
        missed: 'Time for the code review',
        toolSuggestion: 'Excalidraw',
        tags: ['clear-next-steps', 'ran-out-of-time'],
      });
      return { kit };
    },
  ],
  args: { sessionId: 's-latest' },
};

/** "Reveal when both submit": the mentee's note is held until a mentor sends theirs. */
export const HeldUntilBothSubmit: Story = {
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentee, { sessions: true, held: true }) })],
  args: { sessionId: 's-latest' },
};

/** The mentor (asked too) sends theirs, and sees the mentee's note. */
export const RevealedToTheMentor: Story = {
  loaders: [
    async () => {
      const kit = await storyKit(DEMO_VIEWERS.mentor, { sessions: true, held: true });
      const feedback = kit.use(feedbackFeature);
      feedback.configure({ askMentors: true });
      await feedback.ready;
      await feedback.submit({ sessionId: 's-latest', rating: 4, helped: 'Her load-test results', revealWhenBothSubmitted: true });
      await kit.refresh();
      return { kit };
    },
  ],
  args: { sessionId: 's-latest' },
};

/** A session that has not ended yet. */
export const NotEndedYet: Story = {
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentee, { sessions: true }) })],
  args: { sessionId: 's-next' },
};

/** The deadline passed without feedback. */
export const Closed: Story = {
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentee, { sessions: true }, '2026-10-30T09:00:00Z') })],
  args: { sessionId: 's-latest' },
};

/** Nothing asked right now. */
export const NothingAsked: Story = {
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentee) })],
};

/** A session that is not yours (or was removed). */
export const Unavailable: Story = {
  loaders: [async () => ({ kit: await storyKit('daniel-kim', { sessions: true }) })],
  args: { sessionId: 's-latest' },
};

/** While the client loads. */
export const Loading: Story = loadingStory();

/** When the storage fails. */
export const LoadError: Story = loadErrorStory();

/** The dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentee, { sessions: true }) })],
};

/**
 * Over the limits: "What helped?" pasted 2,010 characters long (kept whole, marked, with what is too
 * much), "Anything else" at 85 % of its 4,000 (a counter), and sending refused with a message.
 */
export const OverLimit: Story = {
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentee, { sessions: true }) })],
  args: { sessionId: 's-latest' },
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'mk-session-feedback', 'input[name="rating"][value="4"]');
    await paste(canvasElement, 'mk-session-feedback', 'textarea[name="helped"]', longText('The system design sketch', 2010));
    await paste(canvasElement, 'mk-session-feedback', 'textarea[name="other"]', longText('Next time', 3400));
    await press(canvasElement, 'mk-session-feedback', '[part~="submit"]');
  },
};

/** After the deadline: the note stays on show, read-only, with the date it became final. */
export const FinalAfterDeadline: Story = {
  loaders: [async () => ({ kit: await storyKit(DEMO_VIEWERS.mentee, { sessions: true, held: true }, '2026-10-30T09:00:00Z') })],
  args: { sessionId: 's-latest' },
};
