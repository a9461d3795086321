import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@mentorkit/elements/define-all.js';
import '../examples/brand/northwind.css';
import { ELEMENT_GALLERY, type GalleryEntry, type GalleryLoaded } from './gallery.js';

interface BrandArgs {
  /** Wear the brand (off: MentorKit's default look, to compare). */
  branded: boolean;
}

const meta = {
  title: 'Theming/Bring your brand',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Every element inside `<div class="northwind">`, the brand of the [brand example](../examples/brand/README.md): nine tokens (`--mk-font-family`, `--mk-color-accent`, surfaces, border, ' +
          'square corners) and a few `::part` rules, all in `examples/brand/northwind.css` — no element options, no forked styles. Switch `branded` off to compare with the default look. ' +
          'See docs/theming.md for every token.',
      },
    },
  },
  args: { branded: true },
  render: ({ branded }, { loaded }) => {
    const { entries, data } = loaded as { entries: GalleryEntry[]; data: GalleryLoaded[] };
    return html`<div class=${branded ? 'northwind' : ''} style="display: grid; gap: var(--mk-space-5); grid-template-columns: repeat(auto-fit, minmax(min(100%, 28rem), 1fr)); align-items: start">
      ${entries.map((entry, index) => entry.render(data[index] ?? {}))}
    </div>`;
  },
  loaders: [async () => ({ entries: ELEMENT_GALLERY, data: await Promise.all(ELEMENT_GALLERY.map((entry) => entry.load())) })],
} satisfies Meta<BrandArgs>;

export default meta;
type Story = StoryObj<BrandArgs>;

/** Every element wearing Northwind University's brand. */
export const EveryElement: Story = { name: 'Every element, branded' };

/** The same elements without the brand, for comparison. */
export const Unbranded: Story = { name: 'Every element, default look', args: { branded: false } };
