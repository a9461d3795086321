/**
 * Right-to-left layout of every element, in the `ar-XB` pseudo-locale (each element's English
 * catalogue with its words shown right to left; see `stories/rtl-support.ts`), on the demo programme.
 *
 * For each element: the pseudo-locale's text is what renders (translations flow through), the
 * layout is the mirror image of the same element laid out left to right (each styleable part's
 * distance from the right edge in RTL equals its distance from the left edge in LTR), a few
 * direction-sensitive pieces are checked by name (progress fills anchored at the right, the coaching
 * stepper flowing right to left, charts drawn from the right), keyboard arrows follow the visual
 * direction, and axe passes.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../define-all.js';
import { ELEMENT_GALLERY, type GalleryEntry, type GalleryLoaded } from '../../../../stories/gallery.js';
import { ENGLISH_CATALOGUES, PSEUDO_BIDI_LOCALE, RLO, pseudoBidi, pseudoBidiMessage, registerPseudoBidi } from '../../../../stories/rtl-support.js';
import { animationsFinished } from '../testing/fixtures.js';
import { text } from '../testing/queries.js';

registerPseudoBidi();

type Box = { start: number; width: number; top: number; height: number };

const shadow = (element: HTMLElement) => element.shadowRoot!;
const part = (element: HTMLElement, name: string) => shadow(element).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (element: HTMLElement, name: string) => [...shadow(element).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

/** Renders `template` inside a container with `dir` and the pseudo-locale, and waits until the element has settled. */
async function show(template: TemplateResult, tag: string, dir: 'rtl' | 'ltr'): Promise<HTMLElement> {
  const container = await fixture<HTMLDivElement>(html`<div dir=${dir} lang=${PSEUDO_BIDI_LOCALE} style="inline-size: 60rem">${template}</div>`);
  const element = container.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>(tag)!;
  await waitUntil(
    () => {
      const root = element.shadowRoot;
      if (!root) return false;
      if (root.querySelector('[aria-busy="true"], [data-state="loading"]')) return false;
      // Text or an accessible name in the pseudo-locale: the element has rendered its content.
      return root.innerHTML.includes(RLO);
    },
    `${tag} did not finish loading in ${dir}`,
    { timeout: 10_000 },
  );
  await element.updateComplete;
  // Some elements resolve more data a moment later (the board's proposal, scheduler suggestions): wait until the DOM is quiet.
  await quiet(shadow(element));
  // Entrance animations (the celebration fades in) finish before anything is measured or checked by axe.
  await animationsFinished();
  return element;
}

/** Resolves once nothing in `root` has changed for `ms` milliseconds (at most `timeout`). */
async function quiet(root: ShadowRoot, ms = 150, timeout = 5_000): Promise<void> {
  let last = performance.now();
  const observer = new MutationObserver(() => (last = performance.now()));
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  const started = performance.now();
  try {
    while (performance.now() - last < ms && performance.now() - started < timeout) await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    observer.disconnect();
  }
}

/** The box of `node`'s text (not of its block). */
function textBox(node: Node): DOMRect {
  const range = document.createRange();
  range.selectNodeContents(node);
  return range.getBoundingClientRect();
}

/** Where `node` sits in `host`, measured from the host's start edge (left in LTR, right in RTL). */
function box(node: Element, host: Element, dir: 'rtl' | 'ltr'): Box {
  const rect = node.getBoundingClientRect();
  const frame = host.getBoundingClientRect();
  return {
    start: Math.round(dir === 'ltr' ? rect.left - frame.left : frame.right - rect.right),
    width: Math.round(rect.width),
    top: Math.round(rect.top - frame.top),
    height: Math.round(rect.height),
  };
}

/** Every visible, block-level styleable part of `element` (in document order), keyed by its position among parts. */
function blockParts(element: HTMLElement): HTMLElement[] {
  // Long lists skip laying out rows off screen (`content-visibility: auto`): lay them all out to measure them.
  for (const node of shadow(element).querySelectorAll<HTMLElement>('*'))
    if (getComputedStyle(node).contentVisibility === 'auto') node.style.contentVisibility = 'visible';
  return [...shadow(element).querySelectorAll<HTMLElement>('[part]')].filter((node) => {
    const style = getComputedStyle(node);
    if (style.display === 'inline' || style.display === 'contents' || style.visibility === 'hidden') return false;
    if (node.closest('svg') && node.tagName.toLowerCase() !== 'svg') return false;
    const rect = node.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  });
}

const loadedData = new Map<string, GalleryLoaded>();
async function render(entry: GalleryEntry, dir: 'rtl' | 'ltr'): Promise<HTMLElement> {
  // A fresh client for each rendering: the two layouts must not share state (e.g. a scroll position).
  const loaded = await entry.load();
  loadedData.set(`${entry.tag}:${dir}`, loaded);
  return show(entry.render(loaded), entry.tag, dir);
}

describe('right-to-left layout (ar-XB pseudo-locale)', () => {
  afterEach(async () => {
    await Promise.all([...loadedData.values()].map((loaded) => loaded.kit?.dispose()));
    loadedData.clear();
  });

  describe('the pseudo-locale', () => {
    it('shows Latin words right to left and keeps placeholders, digits and parameter values', () => {
      expect(pseudoBidi('Since {date}')).to.equal('\u200F\u202ESince\u202C\u200F {date}');
      expect(pseudoBidi('3 of 5')).to.equal('3 \u200F\u202Eof\u202C\u200F 5');
      expect(pseudoBidi('{before} → {after}')).to.equal('{before} ← {after}');
      const pair = pseudoBidiMessage(ENGLISH_CATALOGUES['mk-pairing-board']!['pair.label']!) as (parameters: Record<string, string>, locale?: string) => string;
      expect(pair({ mentee: 'Lucía Fernández', mentors: 'Kenji Watanabe' }, PSEUDO_BIDI_LOCALE)).to.equal(
        'Lucía Fernández \u200F\u202Ewith\u202C\u200F Kenji Watanabe',
      );
    });

    it('covers every message of every element', () => {
      expect(Object.keys(ENGLISH_CATALOGUES)).to.have.members(ELEMENT_GALLERY.map((entry) => entry.tag));
      for (const [tag, catalogue] of Object.entries(ENGLISH_CATALOGUES)) {
        for (const [id, message] of Object.entries(catalogue)) {
          if (typeof message === 'string' && /[A-Za-z]/.test(message.replace(/\{\w+\}/g, ''))) expect(pseudoBidi(message), `${tag}.${id}`).to.include(RLO);
        }
      }
    });
  });

  for (const entry of ELEMENT_GALLERY) {
    describe(`<${entry.tag}>`, () => {
      it('renders in the pseudo-locale, right to left, and passes axe', async () => {
        const element = await render(entry, 'rtl');
        expect(getComputedStyle(element).direction).to.equal('rtl');
        const heading = shadow(element).querySelector('h1, h2, h3, h4, h5, h6, [part~="heading"]');
        expect(heading, 'a heading').to.exist;
        // The celebration's heading is core's sentence (core has no ar-XB); its own labels are the element's.
        if (entry.tag === 'mk-celebration') expect(part(element, 'close')!.getAttribute('aria-label'), 'close label in ar-XB').to.include(RLO);
        else expect(heading!.textContent, 'heading in ar-XB').to.include(RLO);
        const shown = text(shadow(element));
        expect(shown, 'no message id shown instead of text').to.not.match(/(^|\s)[a-z]+(\.[a-z-]+)+(\s|$)/);
        await expect(element).to.be.accessible();
      });

      it('mirrors the left-to-right layout', async () => {
        const rtl = await render(entry, 'rtl');
        const rtlParts = blockParts(rtl);
        const rtlBoxes = rtlParts.map((node) => ({ name: node.getAttribute('part')!, box: box(node, rtl, 'rtl') }));
        const ltr = await render(entry, 'ltr');
        const ltrBoxes = blockParts(ltr).map((node) => ({ name: node.getAttribute('part')!, box: box(node, ltr, 'ltr') }));
        expect(
          rtlBoxes.map((item) => item.name),
          'the same parts in both directions',
        ).to.deep.equal(ltrBoxes.map((item) => item.name));
        expect(rtlBoxes.length, 'parts measured').to.be.greaterThan(2);
        const mismatches = rtlBoxes
          .map((item, index) => ({ ...item, ltr: ltrBoxes[index]!.box }))
          .filter(
            ({ box: mirrored, ltr: reference }) =>
              Math.abs(mirrored.start - reference.start) > 2 || Math.abs(mirrored.width - reference.width) > 2 || Math.abs(mirrored.top - reference.top) > 2,
          )
          .map(({ name, box: mirrored, ltr: reference }) => `${name}: ${JSON.stringify(mirrored)} in RTL, ${JSON.stringify(reference)} in LTR`);
        expect(mismatches, 'parts whose RTL position is not the mirror of the LTR one').to.deep.equal([]);
      });
    });
  }

  describe('direction-sensitive pieces', () => {
    const entry = (tag: string) => ELEMENT_GALLERY.find((item) => item.tag === tag)!;

    it('the heading of a card starts at the right edge', async () => {
      const element = await render(entry('mk-pairing-card'), 'rtl');
      const frame = part(element, 'base')!.getBoundingClientRect();
      const heading = textBox(part(element, 'heading')!);
      expect(frame.right - heading.right).to.be.lessThan(40);
      expect(heading.left - frame.left).to.be.greaterThan(frame.width / 2);
      const avatar = part(element, 'avatar')!.getBoundingClientRect();
      const name = textBox(part(element, 'person-name')!);
      expect(avatar.left, 'avatar to the right of the name').to.be.greaterThan(name.right);
    });

    it('goal progress fills from the right, and the expected marker is measured from the right', async () => {
      const element = await render(entry('mk-goal-tracker'), 'rtl');
      const filled = parts(element, 'progress').find((bar) => bar.querySelector<HTMLElement>('[part~="progress-fill"]')!.getBoundingClientRect().width > 4)!;
      expect(filled, 'a goal with progress').to.exist;
      const bar = filled.getBoundingClientRect();
      const fill = filled.querySelector('[part~="progress-fill"]')!.getBoundingClientRect();
      expect(Math.abs(bar.right - 1 - fill.right), 'fill anchored at the right edge').to.be.lessThan(2);
      expect(fill.left - bar.left).to.be.greaterThan(4);
      const marker = filled.querySelector('[part~="progress-expected"]');
      if (marker) {
        const expected = Number(filled.getAttribute('aria-valuetext')?.match(/(\d+)%\D*(\d+)%/)?.[2] ?? Number.NaN);
        const fromRight = bar.right - marker.getBoundingClientRect().right;
        if (Number.isFinite(expected)) expect(Math.abs(fromRight - ((bar.width - 2) * expected) / 100)).to.be.lessThan(4);
      }
    });

    it('the coaching stepper flows right to left, and the 0–10 scale starts at the right', async () => {
      const element = await render(entry('mk-coaching-flow'), 'rtl');
      const steps = parts(element, 'stepper-item').map((item) => item.getBoundingClientRect());
      expect(steps.length).to.be.greaterThan(2);
      for (let index = 1; index < steps.length; index++)
        expect(steps[index]!.right, `step ${index + 1} left of step ${index}`).to.be.at.most(steps[index - 1]!.left + 1);
      const options = parts(element, 'scale-option').map((option) => option.getBoundingClientRect());
      expect(options[0]!.left, '0 to the right of 10').to.be.greaterThan(options[options.length - 1]!.right);
    });

    it('arrow keys on the 0–10 scale follow what the eye sees: Left goes up, Right goes down', async () => {
      const element = await render(entry('mk-coaching-flow'), 'rtl');
      const checked = () => shadow(element).querySelector<HTMLInputElement>('[part~="scale-option"] input:checked, input[type="radio"]:checked');
      const first = checked() ?? shadow(element).querySelector<HTMLInputElement>('[part~="scale-option"] input')!;
      first.focus();
      const before = Number(first.value);
      await sendKeys({ press: 'ArrowLeft' });
      expect(Number(checked()!.value), 'ArrowLeft moves to the option on the left (higher)').to.equal(before + 1);
      await sendKeys({ press: 'ArrowRight' });
      expect(Number(checked()!.value)).to.equal(before);
    });

    it('the rating trend and the themes are drawn from the right', async () => {
      const element = await render(entry('mk-feedback-insights'), 'rtl');
      const chart = part(element, 'trend-chart')!;
      const points = [...chart.querySelectorAll('circle')].map((point) => point.getBoundingClientRect());
      expect(points.length).to.be.greaterThan(2);
      expect(points[0]!.left, 'the first session is on the right').to.be.greaterThan(points[points.length - 1]!.right);
      const axisLabel = chart.querySelector('.axis-label')!.getBoundingClientRect();
      expect(axisLabel.left, 'the axis labels are on the right').to.be.greaterThan(points[0]!.left);
      const themes = part(element, 'themes-chart')!;
      const frame = themes.getBoundingClientRect();
      const label = themes.querySelector('text')!.getBoundingClientRect();
      const bar = themes.querySelector('rect')!.getBoundingClientRect();
      expect(label.left, 'theme label to the right of its bar').to.be.greaterThan(bar.right);
      expect(frame.right - label.right, 'theme labels start at the right edge').to.be.lessThan(8);
      expect(label.left, 'theme labels are drawn inside the chart').to.be.at.least(frame.left);
    });

    it('what people write keeps its own direction: an English message reads left to right on an Arabic page', async () => {
      const element = await render(entry('mk-thread'), 'rtl');
      const message = parts(element, 'text').find((node) => text(node) === 'Thanks!')!;
      expect(message, 'a message "Thanks!"').to.exist;
      expect(getComputedStyle(message).unicodeBidi).to.equal('plaintext');
      // "!" ends the sentence on the right, as in English: the text starts at the left edge of its bubble.
      const bubble = message.getBoundingClientRect();
      expect(textBox(message).left - bubble.left).to.be.lessThan(2);
      expect(getComputedStyle(shadow(element).querySelector('textarea')!).unicodeBidi).to.equal('plaintext');
    });

    it('the weight sliders of the pairing board fill from the right and ArrowLeft raises them', async () => {
      const element = await render(entry('mk-pairing-board'), 'rtl');
      const slider = shadow(element).querySelector<HTMLInputElement>('input[type="range"]')!;
      slider.focus();
      const before = Number(slider.value);
      await sendKeys({ press: before < 10 ? 'ArrowLeft' : 'ArrowRight' });
      expect(Number(slider.value)).to.equal(before < 10 ? before + 1 : before - 1);
    });
  });
});
