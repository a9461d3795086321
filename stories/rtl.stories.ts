import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@mentorkit/elements/define-all.js';
import { ELEMENT_GALLERY, type GalleryEntry, type GalleryLoaded } from './gallery.js';
import { PSEUDO_BIDI_LOCALE, registerPseudoBidi } from './rtl-support.js';

registerPseudoBidi();

interface RtlArgs {
  tags: string[];
}

/** The elements of `entries` inside a right-to-left container in the `ar-XB` pseudo-locale. */
const rtlPage = (entries: readonly GalleryEntry[], loaded: GalleryLoaded[]) => html`
  <div dir="rtl" lang=${PSEUDO_BIDI_LOCALE} style="display: grid; gap: var(--mk-space-5)">
    ${entries.map((entry, index) => entry.render(loaded[index] ?? {}))}
  </div>
`;

const meta = {
  title: 'Right-to-left (ar-XB)',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Every element inside `<div dir="rtl" lang="ar-XB">`: `ar-XB` is the pseudo-bidi locale, each element’s English catalogue with every Latin word shown right to left ' +
          '(registered with `registerMessages`; see `stories/rtl-support.ts`). Layout, progress bars, the coaching stepper and keyboard order should all mirror; names, numbers and dates stay as they are. ' +
          'Dates and numbers are formatted by `Intl` for Arabic. Demo programme in a memory adapter at Wednesday 14 October 2026, 21:10 UTC.',
      },
    },
  },
  args: { tags: [] },
  render: (_args, { loaded }) => {
    const { entries, data } = loaded as { entries: GalleryEntry[]; data: GalleryLoaded[] };
    return rtlPage(entries, data);
  },
} satisfies Meta<RtlArgs>;

export default meta;
type Story = StoryObj<RtlArgs>;

const storyOf = (tags: string[], extra: Partial<Story> = {}): Story => ({
  loaders: [
    async () => {
      const entries = ELEMENT_GALLERY.filter((entry) => tags.includes(entry.tag));
      return { entries, data: await Promise.all(entries.map((entry) => entry.load())) };
    },
  ],
  ...extra,
});

const one = (tag: string): Story => storyOf([tag], { name: ELEMENT_GALLERY.find((entry) => entry.tag === tag)!.name });

export const PairingCard = one('mk-pairing-card');
export const GoalTracker = one('mk-goal-tracker');
export const GoalEditor = one('mk-goal-editor');
export const Celebration = one('mk-celebration');
export const CoachingFlow = one('mk-coaching-flow');
export const Icebreaker = one('mk-icebreaker');
export const SessionFeedback = one('mk-session-feedback');
export const FeedbackInsights = one('mk-feedback-insights');
export const Thread = one('mk-thread');
export const Agreement = one('mk-agreement');
export const Scheduler = one('mk-scheduler');
export const Checkin = one('mk-checkin');
export const PairingBoard = one('mk-pairing-board');

const everyTag = ELEMENT_GALLERY.map((entry) => entry.tag);

/** Every element, light theme. */
export const EveryElement = storyOf(everyTag, { name: 'Every element' });

/** Every element, dark theme. */
export const EveryElementDark = storyOf(everyTag, { name: 'Every element (dark)', globals: { theme: 'dark' } });
