import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMentorKit, type MentorKit } from '@mentorkit/core';
import { darkColors } from '../theme/tokens.js';
import { failingStorage, pendingStorage, languagesReady } from '../testing/fixtures.js';
import { HOSTILE_NAME, kitOn, planningStorage } from '../testing/planning-fixtures.js';
import './define.js';
import type { MkAgreement } from './agreement.js';
import { disposeKitsAfterEach, focused, part, parts, text } from '../testing/queries.js';

const rgb = (hex: string) => {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255})`;
};
/** The element's deepest focused node. */

async function agreementFor(kit: MentorKit | undefined, pairingId = 'p-daniel'): Promise<MkAgreement> {
  const element = await fixture<MkAgreement>(html`<mk-agreement .kit=${kit} pairing-id=${pairingId} locale="en-GB"></mk-agreement>`);
  await element.updateComplete;
  return element;
}

const waitForState = (element: MkAgreement, state: string) =>
  waitUntil(() => part(element, 'base')?.dataset.state === state, `state ${state}`, { timeout: 4000 });

describe('<mk-agreement>', () => {
  const track = disposeKitsAfterEach();

  it('loading and error states are announced and pass axe', async () => {
    const loading = await agreementFor(track(createMentorKit({ storage: pendingStorage(), user: 'daniel' })));
    expect(part(loading, 'base')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(part(loading, 'loading'))).to.equal('Loading the agreement…');
    await expect(loading).to.be.accessible();
    const failing = track(createMentorKit({ storage: failingStorage('Backend down (HTTP 503).'), user: 'daniel' }));
    await failing.ready.catch(() => undefined);
    const error = await agreementFor(failing);
    expect(part(error, 'error')!.getAttribute('role')).to.equal('alert');
    expect(text(part(error, 'error'))).to.contain('Backend down (HTTP 503).');
    await expect(error).to.be.accessible();
  });

  it('without an agreement offers a draft from the profiles; an unknown pairing says so', async () => {
    const kit = track(await kitOn(await planningStorage({ agreement: false }), 'daniel'));
    const element = await agreementFor(kit);
    await waitForState(element, 'empty');
    expect(text(part(element, 'empty'))).to.contain('No working agreement yet');
    await expect(element).to.be.accessible();
    const other = await agreementFor(kit, 'p-sofia');
    await waitForState(other, 'not-found');
    await expect(other).to.be.accessible();
  });

  it('fill in and propose with the keyboard: the draft has both zones; mk-agreement-proposed fires', async () => {
    const kit = track(await kitOn(await planningStorage({ agreement: false }), 'daniel'));
    const element = await agreementFor(kit);
    await waitForState(element, 'empty');
    part(element, 'edit-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitForState(element, 'editing');
    await element.updateComplete;
    expect(focused()?.getAttribute('name')).to.equal('cadence', 'focus moves into the form');
    const form = part(element, 'form')!;
    expect([...form.querySelectorAll<HTMLSelectElement>('select[name^="timeZone."]')].map((select) => select.value)).to.deep.equal([
      'America/Los_Angeles',
      'Asia/Tokyo',
    ]);
    await expect(element).to.be.accessible();
    const cadence = form.querySelector<HTMLSelectElement>('select[name="cadence"]')!;
    cadence.value = 'weekly';
    form.querySelector<HTMLTextAreaElement>('textarea[name="notes"]')!.value = HOSTILE_NAME;
    const proposed = oneEvent(element, 'mk-agreement-proposed');
    part(element, 'save-button')!.click();
    const event = await proposed;
    expect(event.detail).to.deep.equal({ agreementId: 'p-daniel.agreement', pairingId: 'p-daniel', version: 1 });
    await waitForState(element, 'pending');
    expect(text(part(element, 'status'))).to.contain('Version 1');
    expect(text(part(element, 'status'))).to.contain('Confirmed by Daniel Kim');
    expect(text(part(element, 'status'))).to.contain('Waiting for Kenji Watanabe');
    const notes = element.shadowRoot!.querySelector('[data-term="notes"]')!;
    expect(notes.textContent).to.equal(HOSTILE_NAME);
    expect(notes.querySelector('img')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('refuses a javascript: link with the message beside the field, writing nothing', async () => {
    const storage = await planningStorage({ agreement: false });
    const kit = track(await kitOn(storage, 'daniel'));
    const element = await agreementFor(kit);
    await waitForState(element, 'empty');
    part(element, 'edit-button')!.click();
    await waitForState(element, 'editing');
    const form = part(element, 'form')!;
    form.querySelector<HTMLInputElement>('input[name="sharedDocumentsUrl"]')!.value = 'javascript:alert(1)';
    part(element, 'save-button')!.click();
    await waitUntil(() => part(element, 'error') !== null, 'an error appears');
    expect(text(part(element, 'error'))).to.contain('One field needs your attention');
    expect(form.querySelector('input[name="sharedDocumentsUrl"]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text(element.shadowRoot!.getElementById('field-sharedDocumentsUrl-error'))).to.equal('Give a full link starting with https://');
    expect(await storage.query('agreements')).to.deep.equal([]);
    await expect(element).to.be.accessible();
  });

  it('flags every invalid field at once, worded for people (no paths), focuses the first; in Spanish too; passes axe', async () => {
    const storage = await planningStorage({ agreement: false });
    const kit = track(await kitOn(storage, 'daniel'));
    const wrapper = await fixture<HTMLElement>(html`<div lang="en-GB"><mk-agreement .kit=${kit} pairing-id="p-daniel"></mk-agreement></div>`);
    const element = wrapper.querySelector('mk-agreement')!;
    await waitForState(element, 'empty');
    const fillInvalid = async () => {
      part(element, 'edit-button')!.click();
      await waitForState(element, 'editing');
      const form = part(element, 'form')!;
      // Kenji is the second participant: core says `participants[1]`, the form marks his own inputs.
      form.querySelector<HTMLInputElement>('input[name="hours.kenji.1"]')!.value = '9-17';
      form.querySelector<HTMLInputElement>('input[name="hours.kenji.3"]')!.value = '18:00-09:00';
      form.querySelector<HTMLInputElement>('input[name="offLimitsDates"]')!.value = '2026-13-45, tomorrow';
      form.querySelector<HTMLInputElement>('input[name="meetingUrl"]')!.value = 'javascript:alert(1)';
      part(element, 'save-button')!.click();
      await waitUntil(() => part(element, 'error') !== null, 'an error appears');
      await element.updateComplete;
      return form;
    };
    const form = await fillInvalid();
    const invalid = [...form.querySelectorAll('[aria-invalid="true"]')].map((control) => control.getAttribute('name'));
    expect(invalid).to.deep.equal(['offLimitsDates', 'hours.kenji.1', 'hours.kenji.3', 'meetingUrl'], 'every invalid field, not only the first');
    expect(focused()?.getAttribute('name')).to.equal('offLimitsDates', 'focus on the first invalid field');
    expect(text(part(element, 'error'))).to.contain('4 fields need your attention: they are marked below.');
    const described = (name: string) => {
      const control = form.querySelector(`[name="${name}"]`)!;
      return (control.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => text(element.shadowRoot!.getElementById(id)))
        .join(' ');
    };
    expect(described('hours.kenji.1')).to.equal('Write working hours as 09:00-17:30, start before end; separate several ranges with commas.');
    expect(described('hours.kenji.3')).to.contain('start before end');
    expect(described('offLimitsDates')).to.contain('Write dates as YYYY-MM-DD, for example 2026-12-25.');
    expect(described('meetingUrl')).to.equal('Give a full link starting with https://');
    const shown = text(part(element, 'base'));
    expect(shown).to.not.match(/`|see issues|agreement\.|participants\[|There are \d+ more problems/);
    expect(await storage.query('agreements')).to.deep.equal([]);
    await expect(element).to.be.accessible();
    // Fixing the fields and saving again clears every mark.
    form.querySelector<HTMLInputElement>('input[name="hours.kenji.1"]')!.value = '09:00-17:00';
    form.querySelector<HTMLInputElement>('input[name="hours.kenji.3"]')!.value = '';
    form.querySelector<HTMLInputElement>('input[name="offLimitsDates"]')!.value = '2026-12-25';
    form.querySelector<HTMLInputElement>('input[name="meetingUrl"]')!.value = 'https://meet.example.com/x';
    part(element, 'save-button')!.click();
    await waitForState(element, 'pending');
    expect((await storage.query('agreements')).length).to.equal(1);
    // In Spanish: the same marks, in Spanish words.
    wrapper.lang = 'es';
    await languagesReady(wrapper);
    part(element, 'edit-button')!.click();
    await waitForState(element, 'editing');
    const spanishForm = part(element, 'form')!;
    spanishForm.querySelector<HTMLInputElement>('input[name="hours.daniel.2"]')!.value = '9 a 5';
    spanishForm.querySelector<HTMLInputElement>('input[name="sharedDocumentsUrl"]')!.value = 'nope';
    part(element, 'save-button')!.click();
    await waitUntil(() => part(element, 'error') !== null, 'an error appears');
    await languagesReady(wrapper);
    await element.updateComplete;
    expect(
      [...spanishForm.querySelectorAll('[aria-invalid="true"]')].map((control) => control.getAttribute('name')),
      'an edit (core says `changes.`) marks its fields too',
    ).to.deep.equal(['hours.daniel.2', 'sharedDocumentsUrl']);
    expect(text(part(element, 'error'))).to.contain('2 campos necesitan tu atención: están marcados abajo.');
    expect(text(element.shadowRoot!.getElementById('hours-daniel-2-error'))).to.equal(
      'Escribe el horario como 09:00-17:30, con el inicio antes del final; separa varios tramos con comas.',
    );
    expect(text(element.shadowRoot!.getElementById('field-sharedDocumentsUrl-error'))).to.equal('Escribe un enlace completo que empiece por https://');
    await expect(wrapper).to.be.accessible();
  });

  it('notes: a counter from 80 %, an over-limit paste kept whole and marked, saving waits with a message; passes axe', async () => {
    const storage = await planningStorage({ agreement: false });
    const kit = track(await kitOn(storage, 'daniel'));
    const element = await agreementFor(kit);
    await waitForState(element, 'empty');
    part(element, 'edit-button')!.click();
    await waitForState(element, 'editing');
    expect(element.shadowRoot!.querySelectorAll('[maxlength]').length).to.equal(0);
    const notes = element.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[name="notes"]')!;
    const paste = async (value: string) => {
      notes.value = value;
      notes.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
      await element.updateComplete;
    };
    const counter = () => element.shadowRoot!.getElementById(`${notes.id}-counter`);
    await paste('n'.repeat(1599));
    expect(counter()).to.equal(null);
    await paste('n'.repeat(1600));
    expect(text(counter())).to.equal('400 characters left');
    expect(notes.getAttribute('aria-describedby')).to.contain(`${notes.id}-counter`);
    const long = `${HOSTILE_NAME} ${'n'.repeat(2000)}`;
    await paste(long);
    expect(notes.getAttribute('aria-invalid')).to.equal('true');
    expect(text(counter())).to.contain(`${long.length - 2000} characters too many: the most is 2,000`);
    part(element, 'save-button')!.click();
    await waitUntil(() => part(element, 'error') !== null, 'saving is refused');
    expect(text(part(element, 'error'))).to.contain('Shorten the fields marked');
    expect(focused()?.getAttribute('name')).to.equal('notes');
    expect(notes.value).to.equal(long, 'nothing cut');
    expect(await storage.query('agreements')).to.deep.equal([]);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null, 'hostile text stays text');
    await expect(element).to.be.accessible();

    await paste('Camera on, please');
    expect(part(element, 'error'), 'the refusal goes once the notes fit').to.equal(null);
    const proposed = oneEvent(element, 'mk-agreement-proposed');
    part(element, 'save-button')!.click();
    await proposed;
    expect(((await storage.query('agreements'))[0] as { notes?: string }).notes).to.equal('Camera on, please');
  });

  it('the other party confirms; then it shows as confirmed by everyone', async () => {
    const storage = await planningStorage({ confirmed: false });
    const kit = track(await kitOn(storage, 'kenji'));
    const element = await agreementFor(kit);
    await waitForState(element, 'pending');
    expect(text(part(element, 'changes'))).to.contain('terms to review');
    const button = part(element, 'confirm-button')!;
    expect(text(button)).to.equal('Confirm version 1');
    await expect(element).to.be.accessible();
    const confirmed = oneEvent(element, 'mk-agreement-confirmed');
    button.focus();
    await sendKeys({ press: 'Space' });
    expect((await confirmed).detail.version).to.equal(1);
    await waitForState(element, 'confirmed');
    expect(part(element, 'status')!.dataset.confirmed).to.equal('true');
    expect(part(element, 'confirm-button')).to.equal(null);
    expect(text(element.shadowRoot!.querySelector('[data-term="sharedDocumentsUrl"] a'))).to.equal('https://drive.example.com/daniel-kenji');
    await expect(element).to.be.accessible();
  });

  it('a change asks for re-confirmation and lists what changed since the last confirmed version', async () => {
    const kit = track(await kitOn(await planningStorage({ changed: true }), 'daniel'));
    const element = await agreementFor(kit);
    await waitForState(element, 'pending');
    const changes = parts(element, 'change').map(text);
    expect(changes).to.deep.equal(['Meeting cadence: Every two weeks → Weekly', 'Off-limits days: Saturday (new)']);
    expect(text(element.shadowRoot!.querySelector('#changes-heading'))).to.equal('Changes since version 1 (last confirmed)');
    expect(text(part(element, 'confirm-button'))).to.equal('Confirm version 2');
    await expect(element).to.be.accessible();
  });

  it('edits the terms as a new version (mk-agreement-changed), and passes axe in the dark theme', async () => {
    const kit = track(await kitOn(await planningStorage(), 'kenji'));
    const wrapper = await fixture<HTMLElement>(
      html`<div data-mk-theme="dark"><mk-agreement .kit=${kit} pairing-id="p-daniel" locale="en-GB"></mk-agreement></div>`,
    );
    const element = wrapper.querySelector('mk-agreement')!;
    await waitForState(element, 'confirmed');
    expect(getComputedStyle(part(element, 'base')!).backgroundColor).to.equal(rgb(darkColors['--mk-color-surface']));
    await expect(wrapper).to.be.accessible();
    part(element, 'edit-button')!.click();
    await waitForState(element, 'editing');
    await expect(wrapper).to.be.accessible();
    const form = part(element, 'form')!;
    form.querySelector<HTMLSelectElement>('select[name="timeZone.kenji"]')!.value = 'America/New_York';
    const changed = oneEvent(element, 'mk-agreement-changed');
    part(element, 'save-button')!.click();
    expect((await changed).detail.version).to.equal(2);
    await waitForState(element, 'pending');
    expect(parts(element, 'change').map(text)).to.deep.equal(['Kenji Watanabe’s time zone: Asia/Tokyo → America/New_York']);
    await expect(wrapper).to.be.accessible();
  });

  it('planned sessions (for certificates): optional, edited as a term of a new version, then shown with the terms; out of range is refused at the field', async () => {
    const kit = track(await kitOn(await planningStorage(), 'kenji'));
    const element = await agreementFor(kit);
    await waitForState(element, 'confirmed');
    expect(element.shadowRoot!.querySelector('[data-term="plannedSessions"]'), 'not shown while unset').to.equal(null);
    part(element, 'edit-button')!.click();
    await waitForState(element, 'editing');
    const input = part(element, 'form')!.querySelector<HTMLInputElement>('input[name="plannedSessions"]')!;
    expect(input.value).to.equal('');
    expect(text(element.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!))).to.contain('certificate of participation');
    input.value = '101';
    part(element, 'save-button')!.click();
    await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'refused at the field');
    await expect(element).to.be.accessible();
    input.value = '8';
    const changed = oneEvent(element, 'mk-agreement-changed');
    part(element, 'save-button')!.click();
    expect((await changed).detail.version).to.equal(2);
    await waitForState(element, 'pending');
    expect(parts(element, 'change').map(text)).to.deep.equal(['Planned sessions: 8 (new)']);
    expect(text(element.shadowRoot!.querySelector('[data-term="plannedSessions"]'))).to.equal('8');
    await expect(element).to.be.accessible();
  });

  it('shows hostile names as text', async () => {
    const kit = track(await kitOn(await planningStorage({ agreement: false }), 'mallory'));
    const element = await agreementFor(kit, 'p-mallory');
    await waitForState(element, 'empty');
    part(element, 'edit-button')!.click();
    await waitForState(element, 'editing');
    expect(element.shadowRoot!.querySelector('[part~="participant"] legend')!.textContent).to.equal(HOSTILE_NAME);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
  });
  it('speaks Spanish under lang="es": terms, status, form labels and weekday names, and passes axe', async () => {
    const kit = track(await kitOn(await planningStorage(), 'daniel'));
    const wrapper = await fixture<HTMLElement>(html`<div lang="es"><mk-agreement .kit=${kit} pairing-id="p-daniel"></mk-agreement></div>`);
    await languagesReady(wrapper);
    const element = wrapper.querySelector('mk-agreement')!;
    await waitUntil(() => element.shadowRoot!.querySelector('[part~="terms"]'), 'terms appear', { timeout: 4000 });
    const root = element.shadowRoot!;
    const all = (root.querySelector('[part~="base"]')?.textContent ?? '').replace(/\s+/g, ' ');
    expect(all).to.contain('Acuerdo de trabajo');
    expect(all).to.contain('Frecuencia de las reuniones');
    expect(all).to.contain('Cada dos semanas · 60 min');
    expect(all).to.contain('Videollamada');
    expect(all).to.match(/Versión 1 · (?:pendiente de confirmación|confirmada por todas las personas)/);
    expect(all).to.contain('viernes');
    expect(all).not.to.match(/\b(?:Working agreement|Meeting cadence|Version|Friday)\b/);
    await expect(wrapper).to.be.accessible();
    (root.querySelector('[part~="edit-button"]') as HTMLButtonElement).click();
    await waitUntil(() => root.querySelector('[part~="form"]'), 'the form opens');
    const form = (root.querySelector('[part~="form"]')?.textContent ?? '').replace(/\s+/g, ' ');
    expect(form).to.contain('Duración de la sesión (minutos)');
    expect(form).to.contain('Días no disponibles (para todas las personas)');
    expect(form).to.contain('lunes');
    expect(root.querySelector('[part~="save-button"]')!.textContent!.trim()).to.equal('Guardar como nueva versión');
    await expect(wrapper).to.be.accessible();
  });
});
