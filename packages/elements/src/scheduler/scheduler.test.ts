import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMentorKit, type MentorKit } from '@mentorkit/core';
import { failingStorage, pendingStorage, languagesReady } from '../testing/fixtures.js';
import { HOSTILE_NAME, kitOn, planningStorage } from '../testing/planning-fixtures.js';
import './define.js';
import type { MkScheduler } from './scheduler.js';
import { disposeKitsAfterEach, focused, part, parts, text } from '../testing/queries.js';

const waitForState = (element: MkScheduler, state: string) =>
  waitUntil(() => part(element, 'base')?.dataset.state === state, `state ${state}`, { timeout: 4000 });

async function schedulerFor(kit: MentorKit | undefined, pairingId = 'p-daniel', theme?: string): Promise<MkScheduler> {
  const wrapper = await fixture<HTMLElement>(
    html`<div data-mk-theme=${theme ?? 'light'}><mk-scheduler .kit=${kit} pairing-id=${pairingId} locale="en-GB"></mk-scheduler></div>`,
  );
  const element = wrapper.querySelector('mk-scheduler')!;
  await element.updateComplete;
  return element;
}

describe('<mk-scheduler>', () => {
  const track = disposeKitsAfterEach();

  it('loading, error and not-found states pass axe', async () => {
    const loading = await schedulerFor(track(createMentorKit({ storage: pendingStorage(), user: 'daniel' })));
    expect(text(part(loading, 'loading'))).to.equal('Loading schedules…');
    await expect(loading).to.be.accessible();
    const failing = track(createMentorKit({ storage: failingStorage('Backend down (HTTP 503).'), user: 'daniel' }));
    await failing.ready.catch(() => undefined);
    const error = await schedulerFor(failing);
    expect(part(error, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(error).to.be.accessible();
    const missing = await schedulerFor(track(await kitOn(await planningStorage({ agreement: false }), 'daniel')), 'p-sofia');
    await waitForState(missing, 'not-found');
    await expect(missing).to.be.accessible();
  });

  it("shows local times side by side and fair suggestions with each person's local time, respecting the agreement", async () => {
    const kit = track(await kitOn(await planningStorage(), 'daniel'));
    const element = await schedulerFor(kit);
    await waitForState(element, 'ready');
    await waitUntil(() => parts(element, 'slot').length > 0, 'slots appear');
    const clocks = parts(element, 'clock');
    expect(clocks.map((clock) => clock.dataset.person)).to.deep.equal(['daniel', 'kenji']);
    expect(text(clocks[1])).to.contain('Asia/Tokyo · UTC+09:00');
    expect(text(clocks[1])).to.contain('Mon 30 Mar, 06:10');
    const slots = parts(element, 'slot');
    for (const slot of slots) {
      const [daniel, kenji] = [...slot.querySelectorAll<HTMLElement>('[part~="slot-local"]')];
      expect(daniel!.dataset.person).to.equal('daniel');
      expect(text(kenji)).to.not.contain('Fri', "Kenji's Fridays are off-limits");
      expect(text(kenji)).to.not.contain('Tue 7 Apr', 'the agreed off-limits date');
    }
    // Los Angeles 15:00-18:00 is Tokyo 07:00-10:00 the next morning: early for Kenji, fair overall.
    expect(text(slots[0])).to.match(/Daniel Kim.*Kenji Watanabe/);
    await expect(element).to.be.accessible();
  });

  it('keyboard: choose a time with the arrow keys, book a series, download the .ics (TZID and local times)', async () => {
    const storage = await planningStorage();
    const kit = track(await kitOn(storage, 'daniel'));
    const element = await schedulerFor(kit);
    await waitUntil(() => parts(element, 'slot').length > 1, 'slots appear');
    const firstRadio = element.shadowRoot!.querySelector<HTMLInputElement>('input[name="slot"]')!;
    firstRadio.focus();
    await sendKeys({ press: 'ArrowDown' });
    await element.updateComplete;
    const selected = element.shadowRoot!.querySelector<HTMLInputElement>('input[name="slot"]:checked')!;
    expect(selected).to.not.equal(null);
    expect(focused()).to.equal(selected);
    const start = selected.value;
    const booked = oneEvent(element, 'mk-session-booked');
    const button = part(element, 'book-button')!;
    expect(text(button)).to.equal('Book 6 sessions');
    button.focus();
    await sendKeys({ press: 'Enter' });
    const event = await booked;
    expect(event.detail.sessionIds).to.have.length(6);
    expect(event.detail.seriesId).to.be.a('string');
    await waitForState(element, 'booked');
    expect(focused()).to.equal(part(element, 'booked'));
    expect(text(part(element, 'booked'))).to.contain('6 sessions booked: Every other');
    // Capture the file instead of saving it.
    const files: Blob[] = [];
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => (files.push(blob as Blob), createObjectURL(blob));
    const clicks: string[] = [];
    const stopDownloads = (clickEvent: Event) => {
      const anchor = clickEvent.composedPath()[0] as HTMLAnchorElement;
      if (anchor.tagName === 'A') (clicks.push(anchor.download), clickEvent.preventDefault());
    };
    element.shadowRoot!.addEventListener('click', stopDownloads, true);
    try {
      const downloaded = oneEvent(element, 'mk-calendar-download');
      const button = part(element, 'download')!;
      expect(button.dataset.file).to.equal('mentoring-series.ics');
      button.click();
      expect((await downloaded).detail.fileName).to.equal('mentoring-series.ics');
    } finally {
      URL.createObjectURL = createObjectURL;
      element.shadowRoot!.removeEventListener('click', stopDownloads, true);
    }
    expect(clicks).to.deep.equal(['mentoring-series.ics']);
    const ics = await files[0]!.text();
    expect(ics).to.contain('BEGIN:VTIMEZONE\r\nTZID:America/Los_Angeles');
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Los_Angeles', hour: '2-digit', minute: '2-digit', hour12: false })
      .format(new Date(start))
      .replace(':', '');
    expect(ics).to.match(new RegExp(`DTSTART;TZID=America/Los_Angeles:\\d{8}T${local}00`));
    expect(ics.match(/BEGIN:VEVENT/g)).to.have.length(6);
    expect((await storage.query('sessions')).length).to.equal(6);
    expect(parts(element, 'upcoming').length).to.equal(1);
    await expect(element).to.be.accessible();
  });

  it('dates of another year say the year: upcoming sessions after New Year', async () => {
    // 29 March 2026: a session next January shows 2027; one this year does not.
    const kit = track(
      await kitOn(
        await planningStorage({
          sessions: [
            { start: '2026-04-14T01:00:00Z', end: '2026-04-14T02:00:00Z' },
            { start: '2027-01-12T02:00:00Z', end: '2027-01-12T03:00:00Z' },
          ],
        }),
        'daniel',
      ),
    );
    const element = await schedulerFor(kit);
    await waitUntil(() => parts(element, 'upcoming').length > 0, 'upcoming sessions');
    const rows = [...part(element, 'upcoming')!.querySelectorAll('li')].map((row) => text(row));
    expect(rows[0]).to.match(/Mon 13 Apr, 18:00/);
    expect(rows[0]).to.not.contain('2026');
    expect(rows[1]).to.match(/Mon,? 11 Jan 2027, 18:00/);
  });

  it('the "Book N sessions" label follows the number while it is typed, within 2–26', async () => {
    const kit = track(await kitOn(await planningStorage(), 'daniel'));
    const element = await schedulerFor(kit);
    await waitUntil(() => parts(element, 'slot').length > 0, 'slots appear');
    const count = element.shadowRoot!.querySelector<HTMLInputElement>('input[name="count"]')!;
    const book = part(element, 'book-button')!;
    expect(text(book)).to.equal('Book 6 sessions');
    count.focus();
    count.select();
    await sendKeys({ type: '8' });
    await element.updateComplete;
    expect(text(book), 'while typing, before leaving the field').to.equal('Book 8 sessions');
    await sendKeys({ type: '0' });
    await element.updateComplete;
    expect(text(book), '80 is more than a series holds').to.equal('Book 26 sessions');
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(count.value, 'leaving the field writes what will be booked').to.equal('26');
    count.focus();
    count.select();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect([count.value, text(book)]).to.deep.equal(['6', 'Book 6 sessions']);
  });

  it('books one session with a hostile title shown as text; dark theme passes axe', async () => {
    const kit = track(await kitOn(await planningStorage(), 'kenji'));
    const element = await schedulerFor(kit, 'p-daniel', 'dark');
    await waitUntil(() => parts(element, 'slot').length > 0, 'slots appear');
    element.shadowRoot!.querySelector<HTMLInputElement>('input[name="slot"]')!.click();
    element.shadowRoot!.querySelector<HTMLInputElement>('input[name="repeat"][value="once"]')!.click();
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLInputElement>('input[name="title"]')!.value = HOSTILE_NAME;
    const booked = oneEvent(element, 'mk-session-booked');
    part(element, 'book-button')!.click();
    expect((await booked).detail.sessionIds).to.have.length(1);
    await waitForState(element, 'booked');
    expect(text(element.shadowRoot!.querySelector('.upcoming-title'))).to.equal(HOSTILE_NAME);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
    await expect(element.parentElement!).to.be.accessible();
  });

  it('title and agenda: no maxlength, counters from 80 %, an over-limit paste kept whole and marked, booking waits; passes axe', async () => {
    const kit = track(await kitOn(await planningStorage(), 'kenji'));
    const element = await schedulerFor(kit);
    await waitUntil(() => parts(element, 'slot').length > 0, 'slots appear');
    element.shadowRoot!.querySelector<HTMLInputElement>('input[name="slot"]')!.click();
    element.shadowRoot!.querySelector<HTMLInputElement>('input[name="repeat"][value="once"]')!.click();
    await element.updateComplete;
    expect(element.shadowRoot!.querySelectorAll('[maxlength]').length).to.equal(0);
    const paste = async (name: string, value: string) => {
      const control = element.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)!;
      control.value = value;
      control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
      await element.updateComplete;
      return control;
    };
    const counter = (name: string) => element.shadowRoot!.getElementById(`booking-${name}-counter`);
    const agenda = await paste('agenda', 'a'.repeat(3200));
    expect(text(counter('agenda'))).to.equal('800 characters left');
    expect(agenda.getAttribute('aria-describedby')).to.equal('booking-agenda-counter');
    const long = `${HOSTILE_NAME} ${'t'.repeat(200)}`;
    const title = await paste('title', long);
    await paste('agenda', 'a'.repeat(4001));
    expect(title.value).to.equal(long, 'nothing cut');
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(agenda.getAttribute('aria-invalid')).to.equal('true');
    expect(text(counter('title'))).to.contain(`${long.length - 200} characters too many: the most is 200`);
    expect(text(counter('agenda'))).to.contain('1 character too many: the most is 4,000');
    let booked = false;
    element.addEventListener('mk-session-booked', () => (booked = true));
    part(element, 'book-button')!.click();
    await waitUntil(() => part(element, 'error') !== null, 'booking is refused');
    expect(text(part(element, 'error'))).to.contain('Shorten the fields marked');
    expect(booked).to.equal(false);
    expect(kit.$status.get()).to.equal('ready');
    expect(focused()?.getAttribute('name')).to.equal('title');
    expect(title.value).to.equal(long);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null, 'hostile text stays text');
    await expect(element.parentElement!).to.be.accessible();

    await paste('title', 'Design review');
    await paste('agenda', 'The payments API');
    expect(part(element, 'error'), 'the refusal goes once both fit').to.equal(null);
    const done = oneEvent(element, 'mk-session-booked');
    part(element, 'book-button')!.click();
    expect((await done).detail.sessionIds).to.have.length(1);
    await waitForState(element, 'booked');
    expect(text(element.shadowRoot!.querySelector('.upcoming-title'))).to.equal('Design review');
  });

  it('no common working time: offers the fairest out-of-hours times by itself, never at night; a series takes turns; passes axe', async () => {
    const storage = await planningStorage({ agreement: false });
    const kit = track(await kitOn(storage, 'daniel'));
    const element = await schedulerFor(kit);
    await waitUntil(() => parts(element, 'slot').length > 0, 'profile hours overlap one hour a day');
    expect(text(part(element, 'hint'))).to.contain('No working agreement yet');
    expect(part(element, 'out-of-hours'), 'within working hours there is a common hour').to.equal(null);
    const length = element.shadowRoot!.querySelector<HTMLSelectElement>('[part~="controls"] select')!;
    length.value = '90';
    length.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(part(element, 'no-slots'), 'not a dead end').to.equal(null);
    expect(text(part(element, 'out-of-hours'))).to.contain('No common working time in this window');
    expect(text(part(element, 'out-of-hours'))).to.contain('between 07:00 and 22:00');
    const slots = parts(element, 'slot');
    expect(slots.length).to.be.greaterThan(0);
    for (const slot of slots) expect(text(slot.querySelector('[part~="slot-note"]'))).to.not.contain('at night');
    await expect(element.parentElement!).to.be.accessible();

    // Choose the fairest and book a series: it takes turns with the early and late times.
    element.shadowRoot!.querySelector<HTMLInputElement>('input[name="slot"]')!.click();
    await element.updateComplete;
    const rotate = element.shadowRoot!.querySelector<HTMLInputElement>('input[name="rotate"]')!;
    expect(rotate.checked, 'on by default outside working hours').to.equal(true);
    expect(text(part(element, 'rotate'))).to.equal('Take turns with the early and late times');
    await expect(element.parentElement!).to.be.accessible();
    const count = element.shadowRoot!.querySelector<HTMLInputElement>('input[name="count"]')!;
    count.value = '4';
    count.dispatchEvent(new Event('input'));
    const booked = oneEvent(element, 'mk-session-booked');
    part(element, 'book-button')!.click();
    expect((await booked).detail.sessionIds).to.have.length(4);
    await waitForState(element, 'booked');
    expect(text(part(element, 'booked'))).to.match(/4 sessions booked: Every other \w+, taking turns with early and late times/);
    expect(text(part(element, 'ledger'))).to.match(/^Early and late turns so far: Daniel Kim \d+ sessions? and Kenji Watanabe \d+ sessions?$/);
    await expect(element.parentElement!).to.be.accessible();
  });

  it('says so when not even the reachable day (07:00–22:00 on working days) leaves a time, and passes axe', async () => {
    const storage = await planningStorage({ agreement: false });
    const kenji = (await storage.get('people', 'kenji'))!;
    await storage.put('people', { ...kenji, workingHours: {} });
    const kit = track(await kitOn(storage, 'daniel'));
    const element = await schedulerFor(kit);
    await waitUntil(() => part(element, 'no-slots') !== null, 'no time at all');
    expect(text(part(element, 'no-slots'))).to.contain('No common time in this window');
    expect(part(element, 'book-button')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('speaks Spanish under lang="es": labels, notes, booking a series, and passes axe', async () => {
    const kit = track(await kitOn(await planningStorage(), 'daniel'));
    const wrapper = await fixture<HTMLElement>(html`<div lang="es"><mk-scheduler .kit=${kit} pairing-id="p-daniel"></mk-scheduler></div>`);
    await languagesReady(wrapper);
    const element = wrapper.querySelector('mk-scheduler')!;
    await waitUntil(() => parts(element, 'slot').length > 1, 'slots appear');
    expect(text(part(element, 'heading'))).to.equal('Buscar un horario con Kenji Watanabe');
    expect(part(element, 'clocks')!.getAttribute('aria-label')).to.equal('Hora local ahora');
    expect(text(part(element, 'controls'))).to.contain('Duración');
    expect(text(part(element, 'controls'))).to.contain('Más equitativos primero');
    expect(text(element.shadowRoot!.querySelector('.slots-fieldset legend'))).to.match(/^Horarios sugeridos \(\d+ encontrados, los más equitativos primero\)$/);
    expect(text(part(element, 'book-button'))).to.equal('Reservar 6 sesiones');
    expect(element.shadowRoot!.querySelector<HTMLInputElement>('input[name="title"]')!.value).to.equal('Sesión de mentoría');
    await expect(wrapper).to.be.accessible();
    element.shadowRoot!.querySelector<HTMLInputElement>('input[name="slot"]')!.click();
    await element.updateComplete;
    part(element, 'book-button')!.click();
    await waitForState(element, 'booked');
    expect(text(part(element, 'booked'))).to.match(/6 sesiones reservadas: Un \S+ de cada dos, a las \d\d:\d\d/);
    expect(text(part(element, 'booked'))).to.contain('Descargar .ics');
    expect(text(part(element, 'base'))).not.to.match(/\b(?:Find a time|Book|Length|Download)\b/);
    await expect(wrapper).to.be.accessible();
  });
});
