import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  MentorKitError,
  createMemoryStorage,
  createMentorKit,
  type CalendarConnection,
  type CalendarConnections,
  type ConnectCalendarInput,
  type MentorKit,
} from '@mentorkit/core';
import { HOSTILE_NAME, languagesReady } from '../testing/fixtures.js';
import './define.js';
import type { MkCalendarConnections } from './calendar-connections.js';
import { focused, part, parts, text } from '../testing/queries.js';
import { HeldCalls } from '../testing/held-calls.js';

const NOW = '2026-12-05T09:00:00Z';

/**
 * The `CalendarConnections` service as the server offers it, kept in memory for these tests: the
 * seven methods with their state; `failNext` makes the next connect (or refresh…) throw the server's
 * `MentorKitError`; `hold()` keeps the next call pending until released (to see progress).
 */
class InMemoryCalendars extends HeldCalls implements CalendarConnections {
  calendars: CalendarConnection[] = [];
  feedUrl: string | null = null;
  feedCount = 0;
  connectInputs: ConnectCalendarInput[] = [];
  failList: MentorKitError | undefined;
  private nextId = 1;

  /** `feed`: whether the person already made a feed address (reading never makes one). */
  constructor(calendars: CalendarConnection[] = [], { feed = true }: { feed?: boolean } = {}) {
    super();
    this.calendars = calendars.map((calendar) => ({ ...calendar }));
    if (feed) this.feedUrl = `https://mentorkit.example.com/calendars/feed/${++this.feedCount}-signed.ics`;
  }

  async list(): Promise<CalendarConnection[]> {
    if (this.failList) throw this.failList;
    await this.enter();
    return this.calendars.map((calendar) => ({ ...calendar }));
  }

  async connect(input: ConnectCalendarInput): Promise<CalendarConnection> {
    this.connectInputs.push(input);
    await this.enter();
    const url = new URL(input.url);
    const calendar: CalendarConnection = {
      id: `cal-${this.nextId++}`,
      kind: input.kind,
      label: input.label ?? url.hostname,
      where: `${url.protocol}//${url.host}/…`,
      writeBack: input.kind === 'caldav' && input.writeBack === true,
      status: 'ok',
      checkedAt: NOW,
      busyCount: 7,
    };
    this.calendars.push(calendar);
    return { ...calendar };
  }

  async refresh(id: string): Promise<CalendarConnection> {
    await this.enter();
    const calendar = this.calendars.find((candidate) => candidate.id === id);
    if (!calendar) throw new MentorKitError('not-found', 'This calendar is no longer connected.', { path: 'id' });
    const { problem: _problem, ...rest } = calendar;
    Object.assign(calendar, rest, { status: 'ok', checkedAt: NOW, busyCount: calendar.busyCount + 1 });
    delete calendar.problem;
    return { ...calendar };
  }

  async disconnect(id: string): Promise<void> {
    await this.enter();
    this.calendars = this.calendars.filter((calendar) => calendar.id !== id);
  }

  async feed(): Promise<{ url: string } | null> {
    await this.enter();
    return this.feedUrl ? { url: this.feedUrl } : null;
  }

  async startFeed(): Promise<{ url: string }> {
    await this.enter();
    this.feedUrl ??= `https://mentorkit.example.com/calendars/feed/${++this.feedCount}-signed.ics`;
    return { url: this.feedUrl };
  }

  async rotateFeed(): Promise<{ url: string }> {
    await this.enter();
    this.feedUrl = `https://mentorkit.example.com/calendars/feed/${++this.feedCount}-signed.ics`;
    return { url: this.feedUrl };
  }

  async revokeFeed(): Promise<void> {
    await this.enter();
    this.feedUrl = null;
  }
}

const work: CalendarConnection = {
  id: 'cal-work',
  kind: 'caldav',
  label: 'Work',
  where: 'https://cal.example.com/…',
  writeBack: true,
  status: 'ok',
  checkedAt: '2026-12-05T08:55:00Z',
  busyCount: 12,
};
const home: CalendarConnection = {
  id: 'cal-home',
  kind: 'ics-feed',
  label: 'Home',
  where: 'https://calendar.google.com/…',
  writeBack: false,
  status: 'failing',
  checkedAt: '2026-12-04T09:00:00Z',
  problem: 'The calendar address answered 404 (not found).',
  busyCount: 3,
};

const $ = <T extends Element = HTMLElement>(element: MkCalendarConnections, selector: string) => element.shadowRoot!.querySelector<T>(selector);
const stateOf = (element: MkCalendarConnections) => part(element, 'base')?.dataset.state;
const waitForState = (element: MkCalendarConnections, state: string) =>
  waitUntil(() => stateOf(element) === state, `state ${state} (is ${stateOf(element)})`, { timeout: 4000 });

async function typeInto(element: MkCalendarConnections, name: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(element, `[name="${name}"]`)!;
  input.focus();
  input.select();
  await sendKeys({ type: value });
  await element.updateComplete;
}

describe('<mk-calendar-connections>', () => {
  const kits: MentorKit[] = [];
  const kitWith = (calendars?: CalendarConnections) => {
    const storage = calendars ? Object.assign(createMemoryStorage(), { calendars }) : createMemoryStorage();
    const kit = createMentorKit({ storage, user: { id: 'daniel' }, now: () => NOW });
    kits.push(kit);
    return kit;
  };
  async function mount(calendars?: CalendarConnections, lang = 'en', width?: number): Promise<{ wrapper: HTMLElement; element: MkCalendarConnections }> {
    const kit = kitWith(calendars);
    const wrapper = await fixture<HTMLElement>(
      html`<div lang=${lang} style=${width ? `width:${width}px` : ''}><mk-calendar-connections .kit=${kit} heading-level="3" locale=${lang === 'es' ? 'es-ES' : 'en-GB'}></mk-calendar-connections></div>`,
    );
    await languagesReady(wrapper);
    return { wrapper, element: wrapper.querySelector('mk-calendar-connections')! };
  }
  afterEach(async () => {
    await Promise.all(kits.splice(0).map((kit) => kit.dispose()));
  });

  it('loading, load error (with its message) and retry, each passing axe', async () => {
    const service = new InMemoryCalendars([work]);
    const release = service.hold();
    const { element } = await mount(service);
    expect(stateOf(element)).to.equal('loading');
    expect(text(part(element, 'loading'))).to.equal('Loading your calendars…');
    expect(part(element, 'heading')!.getAttribute('aria-level')).to.equal('3');
    await expect(element).to.be.accessible();
    release();
    await waitForState(element, 'list');

    const broken = new InMemoryCalendars();
    broken.failList = new MentorKitError('storage-error', 'The MentorKit server could not be reached (HTTP 503).');
    const failed = (await mount(broken)).element;
    await waitForState(failed, 'error');
    expect(part(failed, 'error')!.getAttribute('role')).to.equal('alert');
    expect(text(part(failed, 'error'))).to.contain('The MentorKit server could not be reached (HTTP 503).');
    await expect(failed).to.be.accessible();
    broken.failList = undefined;
    $<HTMLButtonElement>(failed, '[part~="error"] button')!.click();
    await waitForState(failed, 'empty');
  });

  it('without a server (no `calendars` on the storage): says so, shows no form, passes axe', async () => {
    const { element } = await mount(undefined);
    await waitForState(element, 'unavailable');
    expect(text(part(element, 'unavailable'))).to.equal(
      'Connecting your calendar needs the MentorKit server; your scheduler uses your working hours and the times you mark busy.',
    );
    expect(part(element, 'form')).to.equal(null);
    expect(part(element, 'feed')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('empty, then connects an iCalendar link by keyboard: progress, hostile label as text, focus on the new row, event; passes axe', async () => {
    const service = new InMemoryCalendars();
    const { element } = await mount(service);
    await waitForState(element, 'empty');
    expect(text(part(element, 'empty'))).to.match(/^No calendar connected yet\./);
    expect(element.shadowRoot!.querySelector<HTMLInputElement>('input[name="kind"]:checked')!.value).to.equal('ics-feed');
    expect($(element, '[name="password"]'), 'no password for a link').to.equal(null);
    await waitUntil(() => part(element, 'feed-url') !== null, 'the feed address');
    await expect(element).to.be.accessible();

    await typeInto(element, 'url', 'webcal://calendar.example.com/secret/basic.ics');
    await typeInto(element, 'label', HOSTILE_NAME);
    const release = service.hold();
    const connected = oneEvent(element, 'mk-calendar-connected');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(element, 'progress') !== null, 'progress shows');
    expect(text(part(element, 'progress'))).to.equal('Connecting… reading the calendar once');
    expect(part(element, 'form')!.getAttribute('aria-busy')).to.equal('true');
    await expect(element).to.be.accessible();
    release();
    const event = await connected;
    expect(event.detail.calendar.label).to.equal(HOSTILE_NAME);
    expect(service.connectInputs).to.deep.equal([{ kind: 'ics-feed', url: 'https://calendar.example.com/secret/basic.ics', label: HOSTILE_NAME }]);
    await waitForState(element, 'list');
    const row = part(element, 'calendar')!;
    await waitUntil(() => focused() === row, 'focus on the new calendar');
    expect(text(row.querySelector('.calendar-name'))).to.equal(HOSTILE_NAME);
    expect(element.shadowRoot!.querySelector('img'), 'shown as text').to.equal(null);
    expect(text(part(element, 'status'))).to.equal('Read now (Sat 5 Dec, 09:00) · 7 busy times in the next weeks');
    expect($<HTMLInputElement>(element, '[name="url"]')!.value, 'the form is cleared for the next one').to.equal('');
    expect(text(part(element, 'announcement'))).to.equal(`“${HOSTILE_NAME}” is connected.`);
    await expect(element).to.be.accessible();
  });

  it('CalDAV: arrow keys choose it, its fields say what is missing, server errors keep everything typed; passes axe', async () => {
    const service = new InMemoryCalendars();
    const { element } = await mount(service);
    await waitForState(element, 'empty');
    const first = $<HTMLInputElement>(element, 'input[name="kind"]')!;
    first.focus();
    await sendKeys({ press: 'ArrowRight' });
    await element.updateComplete;
    expect(focused()!.getAttribute('value')).to.equal('caldav');
    const password = $<HTMLInputElement>(element, '[name="password"]')!;
    expect(password.type).to.equal('password');
    expect(password.autocomplete).to.equal('new-password');
    expect($<HTMLInputElement>(element, '[name="username"]')!.autocomplete).to.equal('off');
    expect(text(part(element, 'form'))).to.contain('Write booked sessions into this calendar');

    // Nothing typed: every missing field is said at the field, focus on the first.
    part(element, 'submit')!.click();
    await waitUntil(() => parts(element, 'field-error').length === 3, 'three field errors');
    expect(parts(element, 'field-error').map(text)).to.deep.equal(['Enter the calendar’s address.', 'Enter your user name.', 'Enter your password.']);
    expect(focused()).to.equal($(element, '[name="url"]'));
    expect($(element, '[name="url"]')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(element, '[name="url"]')!.getAttribute('aria-describedby')).to.contain('connect-url-error');
    expect(service.connectInputs).to.have.length(0);
    await expect(element).to.be.accessible();

    await typeInto(element, 'url', 'https://dav.example.com/daniel/');
    await typeInto(element, 'username', 'daniel');
    await typeInto(element, 'password', 'app-password-1');
    await typeInto(element, 'label', 'Work');
    $<HTMLInputElement>(element, '[name="writeBack"]')!.click();
    await element.updateComplete;

    // The server refuses the password: said at the password field, everything kept.
    service.failNext = new MentorKitError('invalid-input', 'The CalDAV server refused the user name or password.', { path: 'password' });
    part(element, 'submit')!.click();
    await waitUntil(() => text(part(element, 'field-error')) === 'The CalDAV server refused the user name or password.', 'the error at the password');
    await waitUntil(() => focused() === $(element, '[name="password"]'), 'focus on the password');
    const kept = () => ['url', 'username', 'password', 'label'].map((name) => $<HTMLInputElement>(element, `[name="${name}"]`)!.value);
    expect(kept()).to.deep.equal(['https://dav.example.com/daniel/', 'daniel', 'app-password-1', 'Work']);
    expect($<HTMLInputElement>(element, '[name="writeBack"]')!.checked).to.equal(true);
    expect(element.shadowRoot!.querySelector<HTMLInputElement>('input[name="kind"]:checked')!.value).to.equal('caldav');
    await expect(element).to.be.accessible();

    // A private address: no field named, so above the form, focused.
    service.failNext = new MentorKitError('forbidden', 'dav.example.com resolves to a private address, which MentorKit does not fetch.');
    part(element, 'submit')!.click();
    await waitUntil(() => part(element, 'form-error') !== null, 'the error above the form');
    expect(part(element, 'form-error')!.getAttribute('role')).to.equal('alert');
    expect([...part(element, 'form-error')!.querySelectorAll('p')].map(text)).to.deep.equal([
      'The calendar was not connected.',
      'dav.example.com resolves to a private address, which MentorKit does not fetch.',
    ]);
    await waitUntil(() => focused() === part(element, 'form-error'), 'focus on the error');
    expect(kept()).to.deep.equal(['https://dav.example.com/daniel/', 'daniel', 'app-password-1', 'Work']);
    await expect(element).to.be.accessible();

    // Then it works.
    part(element, 'submit')!.click();
    await waitForState(element, 'list');
    expect(service.connectInputs.at(-1)).to.deep.equal({
      kind: 'caldav',
      url: 'https://dav.example.com/daniel/',
      username: 'daniel',
      password: 'app-password-1',
      writeBack: true,
      label: 'Work',
    });
    expect(part(element, 'form-error')).to.equal(null);
    expect(text(part(element, 'calendar'))).to.contain('Booked sessions are written into it.');
  });

  it('a list with a failing calendar: the problem in words; Refresh reads it again', async () => {
    const service = new InMemoryCalendars([work, home]);
    const { element } = await mount(service);
    await waitForState(element, 'list');
    const [workRow, homeRow] = parts(element, 'calendar');
    expect(workRow!.dataset.status).to.equal('ok');
    expect(text(workRow)).to.contain('CalDAV account · https://cal.example.com/…');
    expect(text(workRow!.querySelector('[part~="status"]'))).to.equal('Read 5 minutes ago (Sat 5 Dec, 08:55) · 12 busy times in the next weeks');
    expect(homeRow!.dataset.status).to.equal('failing');
    expect(text(homeRow!.querySelector('[part~="status"]'))).to.equal(
      'Could not be read: The calendar address answered 404 (not found). Last tried yesterday (Fri 4 Dec, 09:00); the busy times from the last read that worked are used.',
    );
    await expect(element).to.be.accessible();
    homeRow!.querySelector<HTMLButtonElement>('[part~="refresh"]')!.click();
    await waitUntil(() => part(element, 'calendar')!.parentElement!.querySelectorAll('[data-status="failing"]').length === 0, 'read again');
    expect(text(parts(element, 'calendar')[1]!.querySelector('[part~="status"]'))).to.contain('4 busy times');
    expect(text(part(element, 'announcement'))).to.equal('“Home” was read: 4 busy times.');
  });

  it('Disconnect asks first: focus on "Keep it", Escape cancels back to Disconnect; confirming removes it and focus moves on', async () => {
    const service = new InMemoryCalendars([work, home]);
    const { element } = await mount(service);
    await waitForState(element, 'list');
    const disconnectWork = () => parts(element, 'calendar')[0]!.querySelector<HTMLButtonElement>('[part~="disconnect"]')!;
    disconnectWork().focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(element, 'confirm') !== null, 'the question');
    expect(part(element, 'confirm')!.getAttribute('role')).to.equal('group');
    expect(text(part(element, 'confirm'))).to.contain('Disconnect “Work”? Its busy times are forgotten; sessions already written into it stay there.');
    await waitUntil(() => focused()?.dataset.action === 'cancel', 'focus on Keep it');
    expect(text(focused())).to.equal('Keep it');
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => part(element, 'confirm') === null, 'cancelled');
    await waitUntil(() => focused() === disconnectWork(), 'focus back on Disconnect');
    expect(service.calendars).to.have.length(2);

    // "Keep it" by keyboard also returns focus.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.dataset.action === 'cancel', 'asked again');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === disconnectWork(), 'focus back on Disconnect after Keep it');

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.dataset.action === 'cancel', 'asked a third time');
    const disconnected = oneEvent(element, 'mk-calendar-disconnected');
    $<HTMLButtonElement>(element, '[part~="confirm"] [data-action="confirm"]')!.click();
    expect((await disconnected).detail).to.deep.equal({ calendarId: 'cal-work', label: 'Work' });
    await waitUntil(() => parts(element, 'calendar').length === 1, 'one left');
    await waitUntil(() => focused() === part(element, 'calendar'), 'focus on the calendar now in its place');
    expect(text(part(element, 'announcement'))).to.equal('“Work” is disconnected.');

    // The last one: focus goes to the list's heading, and the empty state says so.
    part(element, 'disconnect')!.click();
    await waitUntil(() => part(element, 'confirm') !== null, 'the question');
    $<HTMLButtonElement>(element, '[part~="confirm"] [data-action="confirm"]')!.click();
    await waitForState(element, 'empty');
    await waitUntil(() => focused()?.id === 'list-heading', 'focus on the heading');
    await expect(element).to.be.accessible();
  });

  it('opening it makes no feed address: a person without one is offered to make one', async () => {
    const service = new InMemoryCalendars([work], { feed: false });
    const { element } = await mount(service);
    await waitForState(element, 'list');
    await waitUntil(() => $(element, '[data-action="start"]') !== null, 'Make an address');
    expect(text(part(element, 'feed'))).to.contain('No address yet');
    expect(part(element, 'feed-url')).to.equal(null);
    expect([service.feedUrl, service.feedCount]).to.deep.equal([null, 0]);
    await expect(element).to.be.accessible();
    $<HTMLButtonElement>(element, '[data-action="start"]')!.click();
    await waitUntil(() => part(element, 'feed-url') !== null, 'the new address');
    expect(service.feedCount).to.equal(1);
  });

  it('the feed: copy, a new address (confirmed; the old one stops), stop and start again, with events and focus', async () => {
    const service = new InMemoryCalendars([work]);
    const { element } = await mount(service);
    await waitUntil(() => part(element, 'feed-url') !== null, 'the feed address');
    const field = () => part(element, 'feed-url') as HTMLInputElement;
    expect(field().readOnly).to.equal(true);
    expect(field().value).to.equal('https://mentorkit.example.com/calendars/feed/1-signed.ics');
    expect(text(part(element, 'feed'))).to.contain('Add this address to your calendar app as a subscription');
    await expect(element).to.be.accessible();

    $<HTMLButtonElement>(element, '[data-action="copy"]')!.click();
    await waitUntil(() => text(part(element, 'announcement')) !== '', 'copied or selected');
    const said = text(part(element, 'announcement'));
    expect(['Address copied.', 'The address is selected: press Ctrl+C (⌘C on a Mac) to copy it.']).to.include(said);
    if (said !== 'Address copied.') expect([field().selectionStart, field().selectionEnd]).to.deep.equal([0, field().value.length]);

    $<HTMLButtonElement>(element, '[data-action="rotate"]')!.click();
    await waitUntil(() => focused()?.dataset.action === 'cancel', 'asked, focus on Cancel');
    expect(text(part(element, 'confirm'))).to.contain('The old one stops working at once');
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focused()?.dataset.action === 'rotate', 'focus back on New address');
    expect(service.feedCount).to.equal(1);
    $<HTMLButtonElement>(element, '[data-action="rotate"]')!.click();
    await waitUntil(() => part(element, 'confirm') !== null, 'asked again');
    const rotated = oneEvent(element, 'mk-calendar-feed-changed');
    $<HTMLButtonElement>(element, '[part~="confirm"] [data-action="confirm"]')!.click();
    expect((await rotated).detail).to.deep.equal({ action: 'rotated', url: 'https://mentorkit.example.com/calendars/feed/2-signed.ics' });
    await waitUntil(() => focused() === field() && field().value.endsWith('2-signed.ics'), 'the new address, focused');

    $<HTMLButtonElement>(element, '[data-action="revoke"]')!.click();
    await waitUntil(() => part(element, 'confirm') !== null, 'asked');
    const stopped = oneEvent(element, 'mk-calendar-feed-changed');
    $<HTMLButtonElement>(element, '[part~="confirm"] [data-action="confirm"]')!.click();
    expect((await stopped).detail).to.deep.equal({ action: 'stopped' });
    expect(service.feedUrl).to.equal(null);
    await waitUntil(() => focused()?.dataset.action === 'start', 'focus on Make an address');
    expect(part(element, 'feed-url')).to.equal(null);
    expect(text(part(element, 'feed'))).to.contain('No address yet');
    await expect(element).to.be.accessible();
    const started = oneEvent(element, 'mk-calendar-feed-changed');
    await sendKeys({ press: 'Enter' });
    expect((await started).detail.action).to.equal('started');
    await waitUntil(() => focused() === field(), 'the new address, focused');
  });

  it('speaks Spanish, and passes axe', async () => {
    const service = new InMemoryCalendars([home]);
    const { wrapper, element } = await mount(service, 'es');
    await waitForState(element, 'list');
    await waitUntil(() => part(element, 'feed-url') !== null, 'the feed address');
    expect(text(part(element, 'heading'))).to.equal('Tus calendarios');
    expect(text(part(element, 'status'))).to.contain('No se pudo leer: The calendar address answered 404 (not found).');
    expect(text(part(element, 'form'))).to.contain('Dirección de calendario (enlace iCalendar)');
    expect(text(part(element, 'feed'))).to.contain('Suscríbete a tus sesiones');
    expect(text(part(element, 'base'))).to.not.match(/\b(?:Refresh|Disconnect|Connect|Copy|Your calendars)\b/);
    await expect(wrapper).to.be.accessible();
    const unavailable = (await mount(undefined, 'es')).element;
    await waitForState(unavailable, 'unavailable');
    expect(text(part(unavailable, 'unavailable'))).to.match(/^Conectar tu calendario requiere el servidor de MentorKit/);
  });

  it('nothing sticks out at 320 px with a 200-character label, address and problem', async () => {
    const long = `Supercalifragilistic${'x'.repeat(160)}expialidocious!!`.slice(0, 200);
    const service = new InMemoryCalendars([
      { ...work, label: long, where: `https://${long}.example.com/…` },
      { ...home, label: long, problem: long },
    ]);
    const { wrapper, element } = await mount(service, 'en', 320);
    await waitForState(element, 'list');
    await waitUntil(() => part(element, 'feed-url') !== null, 'the feed address');
    // The CalDAV form too, with a long address typed, and the disconnect question.
    $<HTMLInputElement>(element, 'input[value="caldav"]')!.click();
    await element.updateComplete;
    await typeInto(element, 'url', `https://${long}.example.com/`);
    parts(element, 'disconnect')[0]!.click();
    await waitUntil(() => part(element, 'confirm') !== null, 'the question');
    const limit = wrapper.getBoundingClientRect().right + 1;
    const problems: string[] = [];
    for (const node of [element, ...element.shadowRoot!.querySelectorAll<HTMLElement>('*')]) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || node.closest('.visually-hidden') || ['input', 'style'].includes(node.localName)) continue;
      const rect = node.getBoundingClientRect();
      if (rect.width > 0 && rect.right > limit)
        problems.push(`${node.localName}[part=${node.getAttribute('part')}].${node.className} ends at ${Math.round(rect.right)}`);
      else if (style.overflowX !== 'visible' && node.scrollWidth > node.clientWidth + 1) problems.push(`${node.localName}.${node.className} scrolls sideways`);
    }
    expect(problems).to.deep.equal([]);
    expect(element.scrollWidth).to.be.at.most(320);
    await expect(element).to.be.accessible();
  });
});
