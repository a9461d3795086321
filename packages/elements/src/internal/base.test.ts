import { expect, fixture, html, waitUntil, aTimeout } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { atom } from 'nanostores';
import type { MentorKit } from '@mentorkit/core';
import { ContextProvider } from '@lit/context';
import { darkColors, lightColors, themeCssText, themeTokens } from '../theme/tokens.js';
import { readyKit, seededStorage } from '../testing/fixtures.js';
import { ClockController } from './clock-controller.js';
import { mentorKitContext } from './context.js';
import { emit } from './emit.js';
import { formatDateList, formatDayTime, initialsOf, resolveLocale } from './format.js';
import { MkElement } from './mk-element.js';
import { StoreController } from './store-controller.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-test-ping': CustomEvent<{ count: number }>;
  }
}

const $count = atom(0);
const $other = atom('other');

class StoreProbe extends LitElement {
  @property({ type: Boolean }) useOther = false;
  renders = 0;
  readonly count = new StoreController(this, $count);
  readonly picked = new StoreController<number | string>(this, () => (this.useOther ? $other : $count));
  override render(): TemplateResult {
    this.renders++;
    return html`${this.count.value}|${this.picked.value}`;
  }
}
customElements.define('mk-test-store-probe', StoreProbe);

class ClockProbe extends LitElement {
  renders = 0;
  readonly clock = new ClockController(this, { periodMs: 40 });
  override render(): TemplateResult {
    this.renders++;
    return html``;
  }
}
customElements.define('mk-test-clock-probe', ClockProbe);

class KitProbe extends MkElement {
  get usedKit(): MentorKit | undefined {
    return this.currentKit;
  }
  override render(): TemplateResult {
    return html`<p>${this.currentKit?.user.id ?? 'none'}</p>`;
  }
}
customElements.define('mk-test-kit-probe', KitProbe);

class KitHost extends LitElement {
  readonly provider = new ContextProvider(this, { context: mentorKitContext });
  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
customElements.define('mk-test-kit-host', KitHost);

class ShadowHost extends LitElement {
  override render(): TemplateResult {
    return html`<div data-mk-theme="dark"><mk-test-kit-probe></mk-test-kit-probe></div>`;
  }
}
customElements.define('mk-test-shadow-host', ShadowHost);

/** WCAG relative luminance contrast of two #rrggbb colours. */
function contrast(foreground: string, background: string): number {
  const luminance = (hex: string) => {
    const channels = [1, 3, 5]
      .map((index) => Number.parseInt(hex.slice(index, index + 2), 16) / 255)
      .map((value) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4));
    return 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!;
  };
  const [lighter, darker] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

describe('base', () => {
  const kits: MentorKit[] = [];
  afterEach(async () => {
    await Promise.all(kits.splice(0).map((kit) => kit.dispose()));
    $count.set(0);
  });

  describe('dates and lists that read naturally', () => {
    it('a day and time carries its year only when it is not this year', () => {
      const now = '2026-12-20T10:00:00Z';
      expect(formatDayTime('2026-12-28T09:00:00Z', 'Europe/Madrid', 'en-GB', now)).to.equal('Mon 28 Dec, 10:00');
      expect(formatDayTime('2027-01-04T09:00:00Z', 'Europe/Madrid', 'en-GB', now)).to.equal('Mon, 4 Jan 2027, 10:00');
      expect(formatDayTime('2027-01-04T09:00:00Z', 'Europe/Madrid', 'es', now)).to.equal('lun, 4 ene 2027, 10:00');
      // New Year's Eve in Tokyo is already the new year.
      expect(formatDayTime('2026-12-31T16:00:00Z', 'Asia/Tokyo', 'en-GB', now)).to.contain('2027');
    });

    it("dates as a list, the language's way", () => {
      expect(formatDateList(['2026-10-07', '2026-10-14', '2026-10-21'], 'en-GB')).to.equal('7 Oct 2026, 14 Oct 2026 and 21 Oct 2026');
      expect(formatDateList(['2026-10-07', '2026-10-14'], 'es')).to.equal('7 oct 2026 y 14 oct 2026');
    });
  });

  describe('emit', () => {
    it('dispatches a bubbling, composed CustomEvent with the detail, across shadow roots', async () => {
      const host = await fixture<HTMLElement>(html`<div></div>`);
      const root = host.attachShadow({ mode: 'open' });
      const inner = document.createElement('span');
      root.append(inner);
      const received: Array<CustomEvent<{ count: number }>> = [];
      document.addEventListener('mk-test-ping', (event) => received.push(event), { once: true });
      const event = emit(inner, 'mk-test-ping', { count: 3 });
      expect(received).to.have.length(1);
      expect(received[0]).to.equal(event);
      expect(event.detail).to.deep.equal({ count: 3 });
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.cancelable).to.equal(false);
      // Retargeted to the shadow host outside the shadow root.
      expect(event.target).to.equal(host);
    });

    it('can make the event cancelable and reports preventDefault', async () => {
      const element = await fixture<HTMLElement>(html`<div></div>`);
      element.addEventListener('mk-test-ping', (event) => event.preventDefault(), { once: true });
      expect(emit(element, 'mk-test-ping', { count: 1 }, { cancelable: true }).defaultPrevented).to.equal(true);
    });
  });

  describe('StoreController', () => {
    it('renders the store value and re-renders when it changes', async () => {
      const probe = await fixture<StoreProbe>(html`<mk-test-store-probe></mk-test-store-probe>`);
      expect(probe.shadowRoot!.textContent).to.equal('0|0');
      $count.set(5);
      await probe.updateComplete;
      expect(probe.shadowRoot!.textContent).to.equal('5|5');
    });

    it('stops listening while disconnected and catches up when reconnected', async () => {
      const probe = await fixture<StoreProbe>(html`<mk-test-store-probe></mk-test-store-probe>`);
      const parent = probe.parentElement!;
      probe.remove();
      const renders = probe.renders;
      $count.set(7);
      await aTimeout(10);
      expect(probe.renders).to.equal(renders);
      parent.append(probe);
      await probe.updateComplete;
      expect(probe.shadowRoot!.textContent).to.equal('7|7');
    });

    it('follows the store its source picks', async () => {
      const probe = await fixture<StoreProbe>(html`<mk-test-store-probe></mk-test-store-probe>`);
      probe.useOther = true;
      await probe.updateComplete;
      expect(probe.shadowRoot!.textContent).to.equal('0|other');
      $other.set('changed');
      await probe.updateComplete;
      expect(probe.shadowRoot!.textContent).to.equal('0|changed');
      // The store it no longer picks does not cause renders through the picked controller.
      probe.useOther = false;
      await probe.updateComplete;
      $other.set('ignored');
      const renders = probe.renders;
      await aTimeout(10);
      expect(probe.renders).to.equal(renders);
    });
  });

  describe('ClockController', () => {
    it('updates the host every period while connected, and stops when disconnected', async () => {
      const probe = await fixture<ClockProbe>(html`<mk-test-clock-probe></mk-test-clock-probe>`);
      const first = probe.renders;
      await waitUntil(() => probe.renders >= first + 2, 'two ticks', { timeout: 2000 });
      probe.remove();
      const stopped = probe.renders;
      await aTimeout(150);
      expect(probe.renders).to.equal(stopped);
    });

    it('refuses a nonsensical period', () => {
      expect(() => new ClockController(document.createElement('mk-test-clock-probe') as ClockProbe, { periodMs: 0 })).to.throw(RangeError);
    });
  });

  describe('MkElement', () => {
    it('uses the provided client, and its own .kit over it', async () => {
      const storage = await seededStorage();
      const lucia = await readyKit(storage, 'lucia');
      const kenji = await readyKit(storage, 'kenji');
      kits.push(lucia, kenji);
      const host = await fixture<KitHost>(html`<mk-test-kit-host><div><mk-test-kit-probe></mk-test-kit-probe></div></mk-test-kit-host>`);
      const probe = host.querySelector<KitProbe>('mk-test-kit-probe')!;
      expect(probe.usedKit).to.equal(undefined);
      host.provider.setValue(lucia);
      await probe.updateComplete;
      expect(probe.usedKit).to.equal(lucia);
      expect(probe.shadowRoot!.textContent).to.equal('lucia');
      probe.kit = kenji;
      await probe.updateComplete;
      expect(probe.usedKit).to.equal(kenji);
      host.provider.setValue(undefined);
      await probe.updateComplete;
      expect(probe.usedKit, 'the property still wins').to.equal(kenji);
      probe.kit = undefined;
      await probe.updateComplete;
      expect(probe.usedKit).to.equal(undefined);
    });

    it('adopts the theme tokens into the document once', async () => {
      await fixture(html`<mk-test-kit-probe></mk-test-kit-probe><mk-test-kit-probe></mk-test-kit-probe>`);
      expect(document.adoptedStyleSheets.filter((sheet) => sheet === themeTokens.styleSheet)).to.have.length(1);
      expect(getComputedStyle(document.documentElement).getPropertyValue('--mk-color-text').trim()).to.equal(lightColors['--mk-color-text']);
    });

    it('adopts the tokens into an enclosing shadow root too, so data-mk-theme works there', async () => {
      const host = await fixture<ShadowHost>(html`<mk-test-shadow-host></mk-test-shadow-host>`);
      const probe = host.shadowRoot!.querySelector('mk-test-kit-probe')!;
      expect(host.shadowRoot!.adoptedStyleSheets).to.include(themeTokens.styleSheet);
      expect(getComputedStyle(probe).getPropertyValue('--mk-color-surface').trim()).to.equal(darkColors['--mk-color-surface']);
    });

    it('lets host CSS override any token', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div><style>.brand { --mk-color-accent: #0a7d5a; }</style><div class="brand" data-mk-theme="dark"><mk-test-kit-probe></mk-test-kit-probe></div></div>`,
      );
      const probe = wrapper.querySelector('mk-test-kit-probe')!;
      expect(getComputedStyle(probe).getPropertyValue('--mk-color-accent').trim()).to.equal('#0a7d5a');
      expect(getComputedStyle(probe).getPropertyValue('--mk-color-surface').trim()).to.equal(darkColors['--mk-color-surface']);
    });
  });

  describe('theme', () => {
    it('ships theme.css with exactly the rules of the lit tokens', async () => {
      const response = await fetch(new URL('../theme/theme.css', import.meta.url));
      expect(response.ok).to.equal(true);
      const shipped = await response.text();
      expect(shipped === themeCssText, 'theme.css is out of date: run `npx tsx packages/elements/src/theme/generate-theme-css.ts`').to.equal(true);
    });

    for (const [name, colors] of [
      ['light', lightColors],
      ['dark', darkColors],
    ] as const) {
      it(`meets WCAG AA contrast in the ${name} theme`, () => {
        for (const background of ['--mk-color-surface', '--mk-color-surface-raised'] as const) {
          for (const foreground of [
            '--mk-color-text',
            '--mk-color-text-muted',
            '--mk-color-accent',
            '--mk-color-success',
            '--mk-color-warning',
            '--mk-color-danger',
          ] as const) {
            expect(contrast(colors[foreground], colors[background]), `${foreground} on ${background}`).to.be.at.least(4.5);
          }
          expect(contrast(colors['--mk-color-border'], colors[background]), `border on ${background}`).to.be.at.least(3);
          expect(contrast(colors['--mk-color-focus'], colors[background]), `focus ring on ${background}`).to.be.at.least(3);
        }
        expect(contrast(colors['--mk-color-accent-contrast'], colors['--mk-color-accent']), 'accent-contrast on accent').to.be.at.least(4.5);
      });
    }
  });

  describe('format', () => {
    it('makes initials', () => {
      expect(initialsOf('Lucía Fernández')).to.equal('LF');
      expect(initialsOf('  kenji  ')).to.equal('K');
      expect(initialsOf('Ōtani Shōhei Jr')).to.equal('ŌJ');
    });

    it('finds the locale from the nearest lang, across shadow roots', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="fr-CA"><mk-test-shadow-host></mk-test-shadow-host></div>`);
      const probe = wrapper.querySelector('mk-test-shadow-host')!.shadowRoot!.querySelector('mk-test-kit-probe')!;
      expect(resolveLocale(probe)).to.equal('fr-CA');
      expect(resolveLocale(probe, 'de')).to.equal('de');
      expect(resolveLocale(probe, 'not a locale!')).to.equal(undefined);
    });
  });
});
