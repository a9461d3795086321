import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MentorKitError, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { sessionsFeature } from '@mentorkit/core/scheduling';
import { languagesReady } from '../testing/fixtures.js';
import { HOSTILE_NAME, kitOn, planningStorage, refusingStorage } from '../testing/planning-fixtures.js';
import './define.js';
import type { MkScheduler } from './scheduler.js';
import { disposeKitsAfterEach, focused, part, text } from '../testing/queries.js';

const rows = (element: MkScheduler) => [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="past"] > li')];
/** A notice's title and text, as a person reads them. */
const notice = (node: Element | null | undefined) => [...(node?.querySelectorAll('p') ?? [])].map(text).join(' ');
const inRow = <T extends HTMLElement = HTMLElement>(row: HTMLElement, name: string) => row.querySelector<T>(`[part~="${name}"]`);

/** Daniel's (Los Angeles) past sessions with Kenji: Monday 16 March at 18:00 (held, an hour) and Monday 23 March at 18:00 (45 minutes booked, not answered yet). */
const HELD_START = '2026-03-17T01:00:00Z';
const OPEN_START = '2026-03-24T01:00:00Z';

async function pastStorage(title?: string): Promise<{ storage: StorageAdapter; heldId: string; openId: string }> {
  const storage = await planningStorage({
    sessions: [
      { start: HELD_START, end: '2026-03-17T02:00:00Z', status: 'held' },
      { start: OPEN_START, end: '2026-03-24T01:45:00Z' },
    ],
  });
  const sessions = (await storage.query('sessions')) as unknown as Array<{ id: string; start: string }>;
  const heldId = sessions.find((session) => session.start === HELD_START)!.id;
  const openId = sessions.find((session) => session.start === OPEN_START)!.id;
  if (title)
    for (const id of [heldId, openId]) {
      const record = (await storage.get('sessions', id))!;
      await storage.put('sessions', { ...record, title }, { expectedRevision: record.revision });
    }
  return { storage, heldId, openId };
}

async function schedulerFor(kit: MentorKit, options: { lang?: string; width?: number } = {}): Promise<{ wrapper: HTMLElement; element: MkScheduler }> {
  const lang = options.lang ?? 'en';
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang} style=${options.width ? `width: ${options.width}px` : ''}><mk-scheduler .kit=${kit} pairing-id="p-daniel" locale=${lang === 'en' ? 'en-GB' : 'es-ES'}></mk-scheduler></div>`,
  );
  await languagesReady(wrapper);
  const element = wrapper.querySelector('mk-scheduler')!;
  await waitUntil(() => rows(element).length === 2, 'two past sessions', { timeout: 4000 });
  return { wrapper, element };
}

async function typeLength(field: HTMLInputElement, value: string): Promise<void> {
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

describe('<mk-scheduler> past sessions: did it take place, and how long', () => {
  const track = disposeKitsAfterEach();

  it('lists started sessions, most recent first; Held records it, the length defaults to the booked one and can be changed; events, announcements, axe', async () => {
    const { storage, heldId, openId } = await pastStorage();
    const kit = track(await kitOn(storage, 'daniel'));
    const { wrapper, element } = await schedulerFor(kit);
    const [open, held] = rows(element) as [HTMLElement, HTMLElement];
    expect(open.dataset.session).to.equal(openId);
    expect(held.dataset.session).to.equal(heldId);
    expect(text(element.shadowRoot!.getElementById('past-heading'))).to.equal('Past sessions');
    expect(text(open)).to.contain('Mon 23 Mar, 18:00–18:45');

    // Not answered yet: nothing pressed, no length.
    const group = inRow(open, 'attendance')!;
    expect(group.getAttribute('role')).to.equal('group');
    expect(text(element.shadowRoot!.getElementById(group.getAttribute('aria-labelledby')!.split(' ')[0]!))).to.equal('Did it take place?');
    expect(
      group
        .getAttribute('aria-labelledby')!
        .split(' ')
        .map((id) => text(element.shadowRoot!.getElementById(id)))
        .join(' '),
    ).to.contain('Mentoring session');
    expect(text(inRow(open, 'held-button'))).to.equal('Held');
    expect(text(inRow(open, 'missed-button'))).to.equal('Didn’t happen');
    expect([inRow(open, 'held-button')!.getAttribute('aria-pressed'), inRow(open, 'missed-button')!.getAttribute('aria-pressed')]).to.deep.equal([
      'false',
      'false',
    ]);
    expect(inRow(open, 'length')).to.equal(null);
    // Held earlier, length not recorded: the booked hour.
    expect(inRow(held, 'held-button')!.getAttribute('aria-pressed')).to.equal('true');
    expect(inRow<HTMLInputElement>(held, 'length')!.value).to.equal('60');
    expect(text(held.querySelector('.length-field .hint'))).to.equal('Booked for 60 minutes; change it if it was longer or shorter.');
    await expect(wrapper).to.be.accessible();

    const attended = oneEvent(element, 'mk-session-attendance');
    inRow(open, 'held-button')!.click();
    expect((await attended).detail).to.deep.equal({ sessionId: openId, status: 'held' });
    await waitUntil(() => inRow(rows(element)[0]!, 'length') !== null, 'the length field appears');
    expect((await storage.get('sessions', openId))!.status).to.equal('held');
    expect((await storage.get('sessions', openId))!.heldMinutes).to.equal(undefined, 'the booked length counts until someone says otherwise');
    expect(text(part(element, 'announcement'))).to.equal('Session on Mon 23 Mar, 18:00 marked as held.');
    const field = inRow<HTMLInputElement>(rows(element)[0]!, 'length')!;
    expect(field.value).to.equal('45');
    expect(text(element.shadowRoot!.querySelector(`label[for="${field.id}"]`))).to.equal('How long? (minutes)');
    expect([field.type, field.min, field.max, field.step]).to.deep.equal(['number', '1', '600', '1']);
    await expect(wrapper).to.be.accessible();

    const recorded = oneEvent(element, 'mk-session-attendance');
    await typeLength(field, '50');
    inRow(rows(element)[0]!, 'length-save')!.click();
    expect((await recorded).detail).to.deep.equal({ sessionId: openId, status: 'held', minutes: 50 });
    await waitUntil(async () => (await storage.get('sessions', openId))!.heldMinutes === 50, 'stored');
    await waitUntil(
      () => text(rows(element)[0]!.querySelector('.length-field .hint')) === 'Recorded: 50 minutes (booked for 45).',
      'the hint says what is recorded',
    );
    expect(text(part(element, 'announcement'))).to.equal('Length of the session on Mon 23 Mar, 18:00 saved: 50 minutes.');
    expect((await storage.get('sessions', openId))!.updatedBy).to.equal('daniel');
    await expect(wrapper).to.be.accessible();
  });

  it('keyboard only: Enter on Didn’t happen, then on Held; a length typed and saved with Enter; a wrong length is refused in words, focus on the field', async () => {
    const { storage, heldId } = await pastStorage();
    const kit = track(await kitOn(storage, 'daniel'));
    const { wrapper, element } = await schedulerFor(kit);
    const held = () => rows(element)[1]!;
    inRow(held(), 'held-button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(inRow(held(), 'missed-button'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await storage.get('sessions', heldId))!.status === 'missed', 'marked missed');
    await waitUntil(() => inRow(held(), 'length') === null, 'no length for a session that did not happen');
    expect(inRow(held(), 'missed-button')!.getAttribute('aria-pressed')).to.equal('true');
    expect(focused(), 'focus stays on the button').to.equal(inRow(held(), 'missed-button'));
    expect(text(part(element, 'announcement'))).to.equal('Session on Mon 16 Mar, 18:00 marked as not held.');

    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused()).to.equal(inRow(held(), 'held-button'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => inRow(held(), 'length') !== null, 'held again: the length field');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    const field = inRow<HTMLInputElement>(held(), 'length')!;
    expect(focused()).to.equal(field);

    for (const wrong of ['0', '601', '']) {
      field.select();
      if (wrong === '') await sendKeys({ press: 'Backspace' });
      else await sendKeys({ type: wrong });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => inRow(held(), 'past-error') !== null, `refused: "${wrong}"`);
      expect(notice(inRow(held(), 'past-error'))).to.equal('This was not saved. Enter how many minutes it lasted: a whole number from 1 to 600.');
      expect(inRow(held(), 'past-error')!.getAttribute('role')).to.equal('alert');
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(field.getAttribute('aria-describedby')!.split(' ')).to.include(inRow(held(), 'past-error')!.id);
      expect(focused()).to.equal(field);
      expect((await storage.get('sessions', heldId))!.heldMinutes).to.equal(undefined);
    }
    await expect(wrapper).to.be.accessible();
    field.select();
    await sendKeys({ type: '75' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await storage.get('sessions', heldId))!.heldMinutes === 75, 'saved with Enter');
    await waitUntil(() => inRow(held(), 'past-error') === null, 'the error goes');
    expect(field.getAttribute('aria-invalid')).to.equal('false');
  });

  it('a refusal (a stale revision, the storage offline) stays in the row, worded, with focus on it; the typed length is kept', async () => {
    const { storage: base, heldId } = await pastStorage();
    const { storage, refuse } = refusingStorage(base);
    const kit = track(await kitOn(storage, 'daniel'));
    const { wrapper, element } = await schedulerFor(kit);
    const held = () => rows(element)[1]!;
    let events = 0;
    element.addEventListener('mk-session-attendance', () => events++);
    refuse(new MentorKitError('conflict', 'The sessions record was changed by someone else (HTTP 412).', { path: 'expectedRevision' }));
    await typeLength(inRow<HTMLInputElement>(held(), 'length')!, '40');
    inRow(held(), 'length-save')!.click();
    await waitUntil(() => inRow(held(), 'past-error') !== null, 'the refusal is shown');
    expect(notice(inRow(held(), 'past-error'))).to.equal(
      'This was not saved. Someone changed this while you were working on it. Your changes are still here: check the latest version and save again.',
    );
    expect(focused()).to.equal(inRow(held(), 'past-error'));
    expect(inRow<HTMLInputElement>(held(), 'length')!.value).to.equal('40');
    await expect(wrapper).to.be.accessible();
    refuse(new MentorKitError('storage-error', 'You are offline: the change could not be sent.', { path: '' }));
    inRow(held(), 'missed-button')!.click();
    await waitUntil(() => text(inRow(held(), 'past-error')).includes('You are offline'), "the storage's own words");
    expect((await base.get('sessions', heldId))!.status).to.equal('held');
    expect(events).to.equal(0);
    refuse(undefined);
    inRow(held(), 'length-save')!.click();
    await waitUntil(async () => (await base.get('sessions', heldId))!.heldMinutes === 40, 'saved once the storage takes it');
    expect(events).to.equal(1);
  });

  it('the programme admin reads what was recorded, with no buttons', async () => {
    const { storage, openId } = await pastStorage();
    const kenji = track(await kitOn(storage, 'kenji'));
    await kenji.use(sessionsFeature);
    await kenji.refresh();
    await kenji.use(sessionsFeature).markMissed(openId);
    const kit = track(await kitOn(storage, 'priya'));
    const { wrapper, element } = await schedulerFor(kit);
    expect(rows(element).map((row) => text(inRow(row, 'past-status')))).to.deep.equal(['Didn’t happen', 'Held · 60 minutes']);
    expect(element.shadowRoot!.querySelector('[part~="past"] button, [part~="past"] input')).to.equal(null);
    await expect(wrapper).to.be.accessible();
  });

  it('speaks Spanish under lang="es"', async () => {
    const { storage } = await pastStorage();
    const kit = track(await kitOn(storage, 'daniel'));
    const { wrapper, element } = await schedulerFor(kit, { lang: 'es' });
    const [open, held] = rows(element) as [HTMLElement, HTMLElement];
    expect(text(element.shadowRoot!.getElementById('past-heading'))).to.equal('Sesiones pasadas');
    expect(text(open.querySelector('.attendance-question'))).to.equal('¿Se celebró?');
    expect(text(inRow(open, 'held-button'))).to.equal('Sí, se celebró');
    expect(text(inRow(open, 'missed-button'))).to.equal('No se celebró');
    expect(text(held.querySelector('.length-field label'))).to.equal('¿Cuánto duró? (minutos)');
    expect(text(inRow(held, 'length-save'))).to.equal('Guardar la duración');
    expect(text(held.querySelector('.length-field .hint'))).to.equal('Reservada para 60 minutos; cámbiala si duró más o menos.');
    await typeLength(inRow<HTMLInputElement>(held, 'length')!, '700');
    inRow(held, 'length-save')!.click();
    await waitUntil(() => inRow(held, 'past-error') !== null, 'refused');
    expect(notice(inRow(held, 'past-error'))).to.equal('No se guardó. Escribe cuántos minutos duró: un número entero del 1 al 600.');
    await expect(wrapper).to.be.accessible();
    inRow(open, 'held-button')!.click();
    await waitUntil(() => text(part(element, 'announcement')).startsWith('Sesión del'), 'announced');
    expect(text(part(element, 'announcement'))).to.match(/^Sesión del lun, 23 mar, 18:00 marcada como celebrada\.$/);
    expect(text(element.shadowRoot!.querySelector('[part~="past"]'))).not.to.match(/\b(?:Held|How long|Save length|Booked for)\b/);
  });

  it('a hostile title stays text; nothing sticks out at 320 px', async () => {
    const long = `${HOSTILE_NAME} ${'Supercalifragilisticexpialidocious'.repeat(4)}`;
    const { storage } = await pastStorage(long);
    const kit = track(await kitOn(storage, 'daniel'));
    const { wrapper, element } = await schedulerFor(kit, { width: 320 });
    expect(text(rows(element)[0]!.querySelector('.upcoming-title'))).to.equal(long);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
    const limit = wrapper.getBoundingClientRect().right + 1;
    const problems: string[] = [];
    for (const node of element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="past"], [part~="past"] *')) {
      const style = getComputedStyle(node);
      if (style.display === 'none') continue;
      const rect = node.getBoundingClientRect();
      if (rect.width > 0 && rect.right > limit)
        problems.push(`${node.localName}[part=${node.getAttribute('part')}].${node.className} ends at ${Math.round(rect.right)}`);
    }
    expect(problems).to.deep.equal([]);
    expect(element.scrollWidth).to.be.at.most(320);
    await expect(wrapper).to.be.accessible();
  });
});
