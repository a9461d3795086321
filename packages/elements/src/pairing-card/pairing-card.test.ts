import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { Collections, createMentorKit, type MentorKit } from '@mentorkit/core';
import { messagingFeature } from '@mentorkit/core/messaging';
import { darkColors, lightColors } from '../theme/tokens.js';
import { FIXED_NOW, HOSTILE_NAME, failingStorage, gatedStorage, pendingStorage, readyKit, seededStorage, languagesReady } from '../testing/fixtures.js';
import '../provider/define.js';
import './define.js';
import type { MkPairingCard } from './pairing-card.js';
import { disposeKitsAfterEach, text } from '../testing/queries.js';

const shadow = (element: MkPairingCard) => element.shadowRoot!;
const part = (element: MkPairingCard, name: string) => shadow(element).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (element: MkPairingCard, name: string) => [...shadow(element).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
/** The rendered person entry with this name. */
const personNamed = (element: MkPairingCard, name: string) =>
  parts(element, 'person').find((person) => text(person.querySelector('[part~="person-name"]')) === name);

const rgb = (hex: string) => {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255})`;
};

async function cardFor(kit: MentorKit | undefined, attributes: { pairingId?: string; locale?: string } = {}): Promise<MkPairingCard> {
  const element = await fixture<MkPairingCard>(
    html`<mk-pairing-card .kit=${kit} pairing-id=${ifDefined(attributes.pairingId)} locale=${attributes.locale ?? 'en-GB'}></mk-pairing-card>`,
  );
  await element.updateComplete;
  return element;
}

describe('<mk-pairing-card>', () => {
  const track = disposeKitsAfterEach();

  describe('loading', () => {
    it('is busy and says so while the client loads, and passes axe', async () => {
      const element = await cardFor(track(createMentorKit({ storage: pendingStorage(), user: 'lucia' })));
      expect(part(element, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(part(element, 'base')!.dataset.state).to.equal('loading');
      expect(text(part(element, 'loading'))).to.equal('Loading your pairings…');
      expect(parts(element, 'skeleton')).to.have.length(2);
      expect(part(element, 'list')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('pulses the placeholders, except when the user prefers reduced motion', async () => {
      const element = await cardFor(track(createMentorKit({ storage: pendingStorage(), user: 'lucia' })));
      const skeleton = part(element, 'skeleton')!;
      expect(getComputedStyle(skeleton).animationName).to.equal('mk-pulse');
      expect(getComputedStyle(skeleton).animationIterationCount).to.equal('infinite');
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        expect(getComputedStyle(skeleton).animationIterationCount).to.equal('1');
        expect(Number.parseFloat(getComputedStyle(skeleton).animationDuration)).to.be.below(0.001);
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('shows the loading state while it has no client at all', async () => {
      const element = await cardFor(undefined);
      expect(part(element, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(part(element, 'loading')).to.not.equal(null);
      await expect(element).to.be.accessible();
    });

    it('moves from loading to the list when the client becomes ready', async () => {
      const gated = gatedStorage(await seededStorage());
      const kit = track(createMentorKit({ storage: gated.storage, user: 'daniel', now: () => FIXED_NOW }));
      const element = await cardFor(kit);
      expect(part(element, 'base')!.dataset.state).to.equal('loading');
      gated.open();
      await kit.ready;
      await waitUntil(() => part(element, 'list') !== null, 'the list should appear once the client is ready');
      expect(part(element, 'base')!.getAttribute('aria-busy')).to.equal('false');
    });
  });

  describe('error', () => {
    it('shows the load error in an alert, and passes axe', async () => {
      const kit = track(createMentorKit({ storage: failingStorage('The storage service is unreachable (HTTP 503).'), user: 'lucia' }));
      await kit.ready.catch(() => undefined);
      const element = await cardFor(kit);
      const alert = part(element, 'error')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(text(alert)).to.contain('Your pairings could not be loaded.');
      expect(text(part(element, 'error-message'))).to.contain('The storage service is unreachable (HTTP 503).');
      expect(part(element, 'base')!.getAttribute('aria-busy')).to.equal('false');
      await expect(element).to.be.accessible();
    });
  });

  describe('empty', () => {
    it('tells a person without pairings so, with a hint, and passes axe', async () => {
      const element = await cardFor(track(await readyKit(await seededStorage(), 'mateo')));
      expect(part(element, 'base')!.dataset.state).to.equal('empty');
      expect(text(part(element, 'empty-title'))).to.equal('You have no pairings yet');
      expect(text(part(element, 'hint'))).to.contain('When your programme pairs you with a mentor or a mentee');
      expect(part(element, 'list')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('lists only pairings the user is a member of (an admin who mentors nobody sees none)', async () => {
      const element = await cardFor(track(await readyKit(await seededStorage(), 'priya')));
      expect(text(part(element, 'empty-title'))).to.equal('You have no pairings yet');
    });

    it("says a pairing is not available when pairing-id names none of the user's pairings", async () => {
      const element = await cardFor(track(await readyKit(await seededStorage(), 'daniel')), { pairingId: 'p-sofia' });
      expect(text(part(element, 'empty-title'))).to.equal('This pairing is not available.');
      expect(text(part(element, 'heading'))).to.equal('Your pairing');
      await expect(element).to.be.accessible();
    });
  });

  describe('one pairing', () => {
    it('shows the mentor with role, time zone, offset and local time now, and passes axe', async () => {
      const element = await cardFor(track(await readyKit(await seededStorage(), 'daniel')));
      const items = parts(element, 'pairing');
      expect(items).to.have.length(1);
      expect(items[0]!.dataset.status).to.equal('active');
      expect(text(part(element, 'pairing-button'))).to.equal('Kenji Watanabe');
      expect(text(part(element, 'status'))).to.equal('Active');
      expect(text(part(element, 'kind'))).to.equal('Informal');
      expect(text(part(element, 'program'))).to.equal('Spring Mentoring 2026');
      expect(text(part(element, 'since'))).to.equal('Since 9 Mar 2026');
      expect(text(part(element, 'your-role'))).to.equal('You are the mentee');

      const kenji = personNamed(element, 'Kenji Watanabe')!;
      expect(kenji.dataset.role).to.equal('mentor');
      expect(text(kenji.querySelector('[part~="person-role"]'))).to.equal('Mentor');
      expect(text(kenji.querySelector('[part~="person-headline"]'))).to.equal('Principal engineer');
      expect(text(kenji.querySelector('[part~="time-zone"]'))).to.equal('Asia/Tokyo');
      expect(text(kenji.querySelector('[part~="offset"]'))).to.equal('UTC+09:00');
      const time = kenji.querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal('2026-03-30T06:10+09:00');
      // Daniel is in Los Angeles (Sunday 14:10); it is already Monday in Tokyo.
      expect(text(time)).to.equal('Mon 06:10');
      expect(text(kenji.querySelector('[part~="day"]'))).to.equal('(tomorrow)');
      expect(text(kenji.querySelector('[part~="availability"]'))).to.equal('outside working hours');
      await expect(element).to.be.accessible();
    });

    it('structures the card as a heading and a list with one heading per pairing', async () => {
      const element = await cardFor(track(await readyKit(await seededStorage(), 'daniel')));
      expect(part(element, 'heading')!.tagName).to.equal('H2');
      expect(text(part(element, 'heading'))).to.equal('Your pairings');
      expect(part(element, 'list')!.tagName).to.equal('UL');
      expect(part(element, 'pairing')!.tagName).to.equal('LI');
      expect(part(element, 'pairing-heading')!.tagName).to.equal('H3');
      const button = part(element, 'pairing-button')!;
      expect(button.tagName).to.equal('BUTTON');
      expect(button.getAttribute('type')).to.equal('button');
      // The button is described by the pairing's status line.
      const description = shadow(element).getElementById(button.getAttribute('aria-describedby')!);
      expect(description).to.equal(part(element, 'pairing-meta'));
    });

    it('follows heading-level and label', async () => {
      const element = await cardFor(track(await readyKit(await seededStorage(), 'daniel')));
      element.headingLevel = 3;
      element.label = 'Mentoring';
      await element.updateComplete;
      expect(part(element, 'heading')!.tagName).to.equal('H3');
      expect(text(part(element, 'heading'))).to.equal('Mentoring');
      expect(part(element, 'pairing-heading')!.tagName).to.equal('H4');
    });

    it('says "within working hours" when it is', async () => {
      // 10:00 on Monday in Tokyo.
      const element = await cardFor(track(await readyKit(await seededStorage(), 'daniel', '2026-03-30T01:00:00Z')));
      const kenji = personNamed(element, 'Kenji Watanabe')!;
      // Sunday 18:00 for Daniel in Los Angeles.
      expect(text(kenji.querySelector('time'))).to.equal('Mon 10:00');
      expect(text(kenji.querySelector('[part~="availability"]'))).to.equal('within working hours');
      expect(kenji.querySelector<HTMLElement>('[part~="availability"]')!.dataset.availability).to.equal('working');
    });

    it('says "off-limits day" on a recurring off-limits weekday', async () => {
      // Saturday 11:45 in Kathmandu; Arjun keeps Saturdays free.
      const element = await cardFor(track(await readyKit(await seededStorage(), 'mallory', '2026-03-28T06:00:00Z')));
      const arjun = personNamed(element, 'Arjun Shrestha')!;
      expect(text(arjun.querySelector('time'))).to.equal('11:45');
      expect(text(arjun.querySelector('[part~="availability"]'))).to.equal('off-limits day');
    });

    it('formats in the locale attribute, or the nearest lang', async () => {
      const kit = track(await readyKit(await seededStorage(), 'daniel'));
      const american = await cardFor(kit, { locale: 'en-US' });
      expect(text(personNamed(american, 'Kenji Watanabe')!.querySelector('time'))).to.match(/^Mon 06:10\sAM$/);
      const wrapper = await fixture<HTMLElement>(html`<div lang="de-DE"><mk-pairing-card .kit=${kit}></mk-pairing-card></div>`);
      const german = wrapper.querySelector('mk-pairing-card')!;
      await german.updateComplete;
      expect(text(personNamed(german, 'Kenji Watanabe')!.querySelector('time'))).to.equal('Mo., 06:10');
      expect(text(personNamed(german, 'Kenji Watanabe')!.querySelector('[part~="day"]'))).to.equal('(morgen)');
    });
  });

  describe('co-mentoring', () => {
    it('shows both mentors with their roles and local times (Tokyo 06:10, Kathmandu 02:55 next day), and passes axe', async () => {
      const element = await cardFor(track(await readyKit(await seededStorage(), 'lucia')));
      expect(parts(element, 'pairing')).to.have.length(1);
      expect(text(part(element, 'pairing-button'))).to.equal('Kenji Watanabe and Arjun Shrestha');
      expect(parts(element, 'person')).to.have.length(2);

      const kenji = personNamed(element, 'Kenji Watanabe')!;
      expect(text(kenji.querySelector('[part~="person-role"]'))).to.equal('Mentor');
      expect(kenji.querySelector('time')!.getAttribute('datetime')).to.equal('2026-03-30T06:10+09:00');
      expect(text(kenji.querySelector('time'))).to.equal('Mon 06:10');

      const arjun = personNamed(element, 'Arjun Shrestha')!;
      expect(arjun.dataset.role).to.equal('co-mentor');
      expect(text(arjun.querySelector('[part~="person-role"]'))).to.equal('Co-mentor');
      expect(arjun.querySelector('time')!.getAttribute('datetime')).to.equal('2026-03-30T02:55+05:45');
      expect(text(arjun.querySelector('time'))).to.equal('Mon 02:55');
      expect(text(arjun.querySelector('[part~="day"]'))).to.equal('(tomorrow)');
      expect(text(arjun.querySelector('[part~="offset"]'))).to.equal('UTC+05:45');
      expect(text(arjun.querySelector('[part~="time-zone"]'))).to.equal('Asia/Kathmandu');
      expect(text(arjun.querySelector('[part~="availability"]'))).to.equal('outside working hours');
      await expect(element).to.be.accessible();
    });

    it('shows the co-mentor their mentee and the lead mentor', async () => {
      const element = await cardFor(track(await readyKit(await seededStorage(), 'arjun')));
      const coMentored = parts(element, 'pairing').find(
        (item) => text(item.querySelector('[part~="pairing-button"]')) === 'Lucía Fernández and Kenji Watanabe',
      )!;
      expect(coMentored, 'the co-mentored pairing').to.exist;
      expect(text(coMentored.querySelector('[part~="your-role"]'))).to.equal('You are the co-mentor');
      const lucia = [...coMentored.querySelectorAll<HTMLElement>('[part~="person"]')].find((person) => person.dataset.role === 'mentee')!;
      // Lucía is in London: Sunday 22:10, which is yesterday for Arjun (Monday 02:55 in Kathmandu).
      expect(text(lucia.querySelector('time'))).to.equal('Sun 22:10');
      expect(text(lucia.querySelector('[part~="day"]'))).to.equal('(yesterday)');
      expect(text(lucia.querySelector('[part~="offset"]'))).to.equal('UTC+01:00');
    });
  });

  describe('several pairings', () => {
    it('lists every pairing, active first, paused marked as such, and passes axe', async () => {
      const element = await cardFor(track(await readyKit(await seededStorage(), 'kenji')));
      const items = parts(element, 'pairing');
      expect(items.map((item) => item.dataset.status)).to.deep.equal(['active', 'active', 'paused']);
      expect(items.map((item) => text(item.querySelector('[part~="pairing-button"]')))).to.deep.equal([
        'Daniel Kim',
        'Lucía Fernández and Arjun Shrestha',
        'Sofia Rossi',
      ]);
      expect(text(items[2]!.querySelector('[part~="status"]'))).to.equal('Paused');
      const sofia = personNamed(element, 'Sofia Rossi')!;
      // Sofia is in Rome: 23:10 on Sunday, the day before Kenji's Monday.
      expect(text(sofia.querySelector('time'))).to.equal('Sun 23:10');
      expect(text(sofia.querySelector('[part~="availability"]'))).to.equal('outside working hours');
      expect(parts(element, 'pairing-button').every((button) => button.getAttribute('aria-describedby'))).to.equal(true);
      const describedBy = parts(element, 'pairing-button').map((button) => button.getAttribute('aria-describedby'));
      expect(new Set(describedBy).size).to.equal(3);
      await expect(element).to.be.accessible();
    });

    it('shows a closed pairing with the day it ended', async () => {
      const kit = track(await readyKit(await seededStorage(), 'kenji'));
      const element = await cardFor(kit);
      await kit.pairings.setStatus('p-sofia', 'closed');
      await element.updateComplete;
      const closed = parts(element, 'pairing').find((item) => item.dataset.status === 'closed')!;
      expect(text(closed.querySelector('[part~="status"]'))).to.equal('Closed');
      // The client dates it by Kenji's calendar (Monday 30 March in Tokyo).
      expect(text(closed.querySelector('[part~="since"]'))).to.equal('Ended 30 Mar 2026');
      await expect(element).to.be.accessible();
    });

    it('limits the list to pairing-id', async () => {
      const element = await cardFor(track(await readyKit(await seededStorage(), 'kenji')), { pairingId: 'p-sofia' });
      expect(parts(element, 'pairing')).to.have.length(1);
      expect(text(part(element, 'pairing-button'))).to.equal('Sofia Rossi');
      element.pairingId = undefined;
      await element.updateComplete;
      expect(parts(element, 'pairing')).to.have.length(3);
    });
  });

  describe('dark theme', () => {
    it('uses the dark tokens under data-mk-theme="dark", and passes axe', async () => {
      const kit = track(await readyKit(await seededStorage(), 'kenji'));
      const wrapper = await fixture<HTMLElement>(html`<div data-mk-theme="dark"><mk-pairing-card .kit=${kit} locale="en-GB"></mk-pairing-card></div>`);
      const element = wrapper.querySelector('mk-pairing-card')!;
      await element.updateComplete;
      const base = part(element, 'base')!;
      expect(getComputedStyle(base).backgroundColor).to.equal(rgb(darkColors['--mk-color-surface']));
      expect(getComputedStyle(base).color).to.equal(rgb(darkColors['--mk-color-text']));
      expect(getComputedStyle(part(element, 'pairing-button')!).color).to.equal(rgb(darkColors['--mk-color-accent']));
      await expect(wrapper).to.be.accessible();
    });

    it('also switches with mk-theme="dark" on the element itself, and back with "light"', async () => {
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      const element = await fixture<MkPairingCard>(html`<mk-pairing-card mk-theme="dark" .kit=${kit}></mk-pairing-card>`);
      await element.updateComplete;
      expect(getComputedStyle(part(element, 'base')!).backgroundColor).to.equal(rgb(darkColors['--mk-color-surface']));
      await expect(element).to.be.accessible();
      element.setAttribute('mk-theme', 'light');
      expect(getComputedStyle(part(element, 'base')!).backgroundColor).to.equal(rgb(lightColors['--mk-color-surface']));
    });

    it('follows the system preference, unless the page asks for light', async () => {
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      await emulateMedia({ colorScheme: 'dark' });
      try {
        const element = await cardFor(kit);
        expect(getComputedStyle(part(element, 'base')!).backgroundColor).to.equal(rgb(darkColors['--mk-color-surface']));
        await expect(element).to.be.accessible();
        document.documentElement.dataset.mkTheme = 'light';
        expect(getComputedStyle(part(element, 'base')!).backgroundColor).to.equal(rgb(lightColors['--mk-color-surface']));
      } finally {
        delete document.documentElement.dataset.mkTheme;
        await emulateMedia({ colorScheme: 'light' });
      }
    });

    it('shows the error and empty states accessibly in the dark theme', async () => {
      const failing = track(createMentorKit({ storage: failingStorage(), user: 'lucia' }));
      await failing.ready.catch(() => undefined);
      const empty = track(await readyKit(await seededStorage(), 'mateo'));
      const wrapper = await fixture<HTMLElement>(html`<div data-mk-theme="dark">
        <mk-pairing-card .kit=${failing}></mk-pairing-card>
        <mk-pairing-card .kit=${empty} label="Mentoring"></mk-pairing-card>
        <mk-pairing-card label="Pending"></mk-pairing-card>
      </div>`);
      await Promise.all([...wrapper.querySelectorAll('mk-pairing-card')].map((card) => card.updateComplete));
      await expect(wrapper).to.be.accessible();
    });
  });

  describe('hostile text', () => {
    it('renders names and headlines as text, never as HTML', async () => {
      const element = await cardFor(track(await readyKit(await seededStorage(), 'arjun')));
      const mallory = personNamed(element, HOSTILE_NAME);
      expect(mallory, 'the hostile name is shown literally').to.exist;
      expect(text(mallory!.querySelector('[part~="person-headline"]'))).to.equal('<script>alert("headline")</script>');
      expect(parts(element, 'pairing-button').map((button) => text(button))).to.include(HOSTILE_NAME);
      expect(shadow(element).querySelectorAll('img')).to.have.length(0);
      expect(shadow(element).querySelectorAll('script')).to.have.length(0);
      expect(element.querySelectorAll('img')).to.have.length(0);
      await expect(element).to.be.accessible();
    });

    it('shows an http(s) avatar as a decorative image, and refuses any other URL', async () => {
      const storage = await seededStorage();
      const daniel = (await storage.get(Collections.people, 'daniel'))!;
      await storage.put(Collections.people, { ...daniel, avatarUrl: 'https://images.example/daniel.png' });
      const sofia = (await storage.get(Collections.people, 'sofia'))!;
      // Written behind the client's back: the element must not trust stored data either.
      await storage.put(Collections.people, { ...sofia, avatarUrl: 'javascript:alert(1)' });
      const element = await cardFor(track(await readyKit(storage, 'kenji')));
      const images = [...shadow(element).querySelectorAll('img')];
      expect(images).to.have.length(1);
      expect(images[0]!.getAttribute('src')).to.equal('https://images.example/daniel.png');
      expect(shadow(element).innerHTML).to.not.contain('javascript:');
      expect(images[0]!.getAttribute('alt')).to.equal('');
    });
  });

  describe('selecting a pairing', () => {
    it('fires mk-pairing-select (bubbling, composed) when the pairing button is activated with Enter', async () => {
      const element = await cardFor(track(await readyKit(await seededStorage(), 'kenji')));
      const buttons = parts(element, 'pairing-button');
      buttons[1]!.focus();
      expect(shadow(element).activeElement).to.equal(buttons[1]);
      const selected = oneEvent(document, 'mk-pairing-select');
      await sendKeys({ press: 'Enter' });
      const event = await selected;
      expect(event.detail).to.deep.equal({ pairingId: 'p-lucia' });
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
    });

    it('fires it with Space and with a click, and reaches every button with Tab', async () => {
      const element = await cardFor(track(await readyKit(await seededStorage(), 'kenji')));
      const received: string[] = [];
      element.addEventListener('mk-pairing-select', (event) => received.push(event.detail.pairingId));
      const buttons = parts(element, 'pairing-button');
      buttons[0]!.focus();
      await sendKeys({ press: 'Tab' });
      expect(shadow(element).activeElement).to.equal(buttons[1]);
      await sendKeys({ press: 'Tab' });
      expect(shadow(element).activeElement).to.equal(buttons[2]);
      await sendKeys({ press: 'Space' });
      buttons[0]!.click();
      expect(received).to.deep.equal(['p-sofia', 'p-daniel']);
    });

    it('does not fire when the code changes properties', async () => {
      const element = await cardFor(track(await readyKit(await seededStorage(), 'kenji')));
      let fired = 0;
      element.addEventListener('mk-pairing-select', () => fired++);
      element.pairingId = 'p-lucia';
      await element.updateComplete;
      expect(fired).to.equal(0);
    });
  });

  describe('live data', () => {
    it('shows a pairing as soon as an admin creates it through a client', async () => {
      const storage = await seededStorage();
      const mateo = track(await readyKit(storage, 'mateo'));
      const priya = track(await readyKit(storage, 'priya'));
      const element = await cardFor(mateo);
      expect(text(part(element, 'empty-title'))).to.equal('You have no pairings yet');
      await priya.pairings.create({ id: 'p-mateo', programId: 'spring-2026', menteeId: 'mateo', mentorIds: ['arjun'], status: 'active' });
      await waitUntil(() => parts(element, 'pairing').length === 1, 'the new pairing should appear');
      expect(text(part(element, 'pairing-button'))).to.equal('Arjun Shrestha');
      expect(text(personNamed(element, 'Arjun Shrestha')!.querySelector('time'))).to.equal('Mon 02:55');
      await expect(element).to.be.accessible();
    });

    it('follows status changes and profile edits', async () => {
      const storage = await seededStorage();
      const daniel = track(await readyKit(storage, 'daniel'));
      const kenji = track(await readyKit(storage, 'kenji'));
      const element = await cardFor(daniel);
      await daniel.pairings.setStatus('p-daniel', 'paused');
      await element.updateComplete;
      expect(text(part(element, 'status'))).to.equal('Paused');
      await kenji.people.save({ ...kenji.people.get('kenji'), displayName: 'Kenji W.', timeZone: 'Asia/Seoul' });
      await waitUntil(() => text(part(element, 'pairing-button')) === 'Kenji W.', 'the new name should appear');
      expect(text(part(element, 'time-zone'))).to.equal('Asia/Seoul');
    });

    it('shows the time of the moment it renders (the clock re-renders it every minute)', async () => {
      let now = FIXED_NOW;
      const kit = track(createMentorKit({ storage: await seededStorage(), user: 'daniel', now: () => now }));
      await kit.ready;
      const element = await cardFor(kit);
      expect(text(part(element, 'local-time'))).to.equal('Mon 06:10');
      now = '2026-03-29T21:11:00Z';
      element.requestUpdate();
      await element.updateComplete;
      expect(text(part(element, 'local-time'))).to.equal('Mon 06:11');
    });

    it('names a member whose profile is missing "Unknown person"', async () => {
      const storage = await seededStorage();
      await storage.delete(Collections.people, 'kenji');
      const element = await cardFor(track(await readyKit(storage, 'daniel')));
      expect(text(part(element, 'pairing-button'))).to.equal('Unknown person');
      expect(text(part(element, 'person-name'))).to.equal('Unknown person');
      expect(part(element, 'local-time')).to.equal(null);
      await expect(element).to.be.accessible();
    });
  });

  describe('unread messages', () => {
    it("shows each pairing's unread messages and who wrote them, and drops them once read; passes axe", async () => {
      const storage = await seededStorage();
      const lucia = track(await readyKit(storage, 'lucia'));
      const arjun = track(await readyKit(storage, 'arjun'));
      await lucia.use(messagingFeature).ready;
      await arjun.use(messagingFeature).ready;
      await lucia.use(messagingFeature).send({ pairingId: 'p-lucia', text: 'Can we move Thursday?' });
      await lucia.use(messagingFeature).send({ pairingId: 'p-lucia', text: 'Or Friday morning' });
      await arjun.use(messagingFeature).send({ pairingId: 'p-lucia', text: 'She is ready to lead it', mentorsOnly: true });
      const kenji = track(await readyKit(storage, 'kenji'));
      const element = await cardFor(kenji);
      const entry = (names: string) => parts(element, 'pairing').find((pairing) => text(pairing.querySelector('[part~="pairing-button"]')) === names)!;
      await waitUntil(
        () => text(entry('Lucía Fernández and Arjun Shrestha').querySelector('[part~="unread"]')) === '3 unread messages',
        "the pairing's conversation and notes",
      );
      expect(entry('Daniel Kim').querySelector('[part~="unread"]'), 'nothing unread there').to.equal(null);
      expect(text(personNamed(element, 'Lucía Fernández')!.querySelector('[part~="person-unread"]'))).to.equal('2 unread');
      expect(text(personNamed(element, 'Arjun Shrestha')!.querySelector('[part~="person-unread"]'))).to.equal('1 unread');
      await expect(element).to.be.accessible();
      const messaging = kenji.use(messagingFeature);
      await messaging.ready;
      await messaging.markRead('p-lucia');
      await waitUntil(
        () => text(entry('Lucía Fernández and Arjun Shrestha').querySelector('[part~="unread"]')) === '1 unread message',
        'the notes are still unread',
      );
      expect(personNamed(element, 'Lucía Fernández')!.querySelector('[part~="person-unread"]')).to.equal(null);
    });
  });

  describe('where the client comes from', () => {
    it('uses the client of the enclosing <mk-provider>', async () => {
      const lucia = track(await readyKit(await seededStorage(), 'lucia'));
      const provider = await fixture(html`<mk-provider .kit=${lucia}><section><mk-pairing-card locale="en-GB"></mk-pairing-card></section></mk-provider>`);
      const element = provider.querySelector('mk-pairing-card')!;
      await waitUntil(() => parts(element, 'pairing').length === 1, "the provider's client should be used");
      expect(text(part(element, 'pairing-button'))).to.equal('Kenji Watanabe and Arjun Shrestha');
    });

    it("prefers its own .kit over the provider's, and falls back when .kit is cleared", async () => {
      const storage = await seededStorage();
      const lucia = track(await readyKit(storage, 'lucia'));
      const daniel = track(await readyKit(storage, 'daniel'));
      const provider = await fixture(html`<mk-provider .kit=${lucia}><mk-pairing-card .kit=${daniel} locale="en-GB"></mk-pairing-card></mk-provider>`);
      const element = provider.querySelector('mk-pairing-card')!;
      await element.updateComplete;
      expect(text(part(element, 'pairing-button'))).to.equal('Kenji Watanabe');
      element.kit = undefined;
      await element.updateComplete;
      expect(text(part(element, 'pairing-button'))).to.equal('Kenji Watanabe and Arjun Shrestha');
    });

    it('follows the provider when its client changes', async () => {
      const storage = await seededStorage();
      const lucia = track(await readyKit(storage, 'lucia'));
      const kenji = track(await readyKit(storage, 'kenji'));
      const provider = await fixture<HTMLElementTagNameMap['mk-provider']>(
        html`<mk-provider .kit=${lucia}><mk-pairing-card locale="en-GB"></mk-pairing-card></mk-provider>`,
      );
      const element = provider.querySelector('mk-pairing-card')!;
      await waitUntil(() => parts(element, 'pairing').length === 1);
      provider.kit = kenji;
      await waitUntil(() => parts(element, 'pairing').length === 3, 'the card should follow the new client');
    });
  });

  describe('language', () => {
    it('speaks Spanish under lang="es", follows <html lang> changes, and passes axe', async () => {
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><mk-pairing-card .kit=${kit}></mk-pairing-card></div>`);
      await languagesReady(wrapper);
      const element = wrapper.querySelector<MkPairingCard>('mk-pairing-card')!;
      await waitUntil(() => parts(element, 'pairing').length > 0, 'pairings render');
      expect(text(part(element, 'heading'))).to.equal('Tus emparejamientos');
      expect(text(part(element, 'status'))).to.equal('Activo');
      expect(text(part(element, 'your-role'))).to.equal('Eres la persona mentorizada');
      expect(parts(element, 'fact-label').map(text)).to.include('Hora local');
      await expect(element).to.be.accessible();

      // Without a lang of its own, the card follows the page's <html lang>, live.
      wrapper.removeAttribute('lang');
      const previous = document.documentElement.getAttribute('lang');
      try {
        document.documentElement.setAttribute('lang', 'es-MX');
        await waitUntil(() => text(part(element, 'heading')) === 'Tus emparejamientos', 'es-MX falls back to es');
        document.documentElement.setAttribute('lang', 'en-GB');
        await waitUntil(() => text(part(element, 'heading')) === 'Your pairings', 'back to English when <html lang> changes');
      } finally {
        if (previous === null) document.documentElement.removeAttribute('lang');
        else document.documentElement.setAttribute('lang', previous);
      }
    });

    it('uses messages a host registers, for a new language or to reword one', async () => {
      const { registerMessages } = await import('../internal/localize.js');
      registerMessages('fr', { 'mk-pairing-card.heading.all': 'Vos binômes', 'mk-pairing-card.status.active': 'Actif' });
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      const element = await cardFor(kit, { locale: 'fr' });
      await waitUntil(() => parts(element, 'pairing').length > 0, 'pairings render');
      expect(text(part(element, 'heading'))).to.equal('Vos binômes');
      expect(text(part(element, 'status'))).to.equal('Actif');
      expect(text(part(element, 'fact-label'))).to.equal('Local time', 'messages French lacks fall back to English');
    });
  });
});
