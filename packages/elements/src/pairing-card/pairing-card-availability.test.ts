import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Collections, type MentorAvailability, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { FIXED_NOW, languagesReady, readyKit, seededStorage } from '../testing/fixtures.js';
import './define.js';
import type { MkPairingCard } from './pairing-card.js';
import { disposeKitsAfterEach, text } from '../testing/queries.js';

// FIXED_NOW is Sunday 29 March 2026, 21:10 UTC: already Monday 30 March, 06:10, in Tokyo (Kenji).
const shadow = (element: MkPairingCard) => element.shadowRoot!;
const part = (root: ParentNode, name: string) => root.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (root: ParentNode, name: string) => [...root.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const personNamed = (element: MkPairingCard, name: string) =>
  parts(shadow(element), 'person').find((person) => text(person.querySelector('[part~="person-name"]')) === name);
const mentoringOf = (element: MkPairingCard, name: string) => personNamed(element, name)?.querySelector<HTMLElement>('[part~="mentoring"]') ?? null;

async function withAvailability(storage: StorageAdapter, personId: string, availability: MentorAvailability): Promise<StorageAdapter> {
  const stored = (await storage.get(Collections.people, personId))!;
  await storage.put(Collections.people, { ...stored, availability }, { expectedRevision: stored.revision });
  return storage;
}

async function cardFor(kit: MentorKit, locale = 'en-GB'): Promise<MkPairingCard> {
  const element = await fixture<MkPairingCard>(html`<mk-pairing-card .kit=${kit} locale=${locale}></mk-pairing-card>`);
  await element.updateComplete;
  return element;
}

describe("<mk-pairing-card>: a mentor's availability", () => {
  const track = disposeKitsAfterEach();

  it('shows "Away until Tuesday 14 April" with the note beside a mentor, "Taking mentees" beside the other, with decorative icons; passes axe', async () => {
    const storage = await withAvailability(await seededStorage(), 'kenji', { status: 'away', until: '2026-04-14', note: 'Parental leave' });
    const element = await cardFor(track(await readyKit(storage, 'lucia')));
    const kenji = mentoringOf(element, 'Kenji Watanabe')!;
    expect(kenji.dataset.status).to.equal('away');
    expect(text(kenji)).to.equal('Away until Tuesday 14 April · Parental leave');
    const arjun = mentoringOf(element, 'Arjun Shrestha')!;
    expect(arjun.dataset.status).to.equal('taking-mentees', 'no availability on the record: taking mentees');
    expect(text(arjun)).to.equal('Taking mentees');
    for (const icon of parts(shadow(element), 'mentoring-icon')) {
      expect(icon.getAttribute('aria-hidden')).to.equal('true', 'the icon carries no meaning of its own');
      expect(icon.getAttribute('focusable')).to.equal('false');
    }
    expect(part(shadow(element), 'my-availability')).to.equal(null, 'a mentee has no availability of their own to set');
    await expect(element).to.be.accessible();
  });

  it('says "Not taking mentees", and "Away until further notice" without a date', async () => {
    const storage = await withAvailability(await seededStorage(), 'kenji', { status: 'not-taking-mentees' });
    const element = await cardFor(track(await readyKit(storage, 'daniel')));
    expect(text(mentoringOf(element, 'Kenji Watanabe'))).to.equal('Not taking mentees');
    await withAvailability(storage, 'kenji', { status: 'away' });
    await waitUntil(() => text(mentoringOf(element, 'Kenji Watanabe')) === 'Away until further notice', 'follows the profile live');
    await expect(element).to.be.accessible();
  });

  it('reads the date on the mentor\'s own calendar: away through the last day, "Back today" the day after, then taking mentees', async () => {
    const storage = await seededStorage();
    const element = await cardFor(track(await readyKit(storage, 'daniel')));
    // Monday 30 March in Tokyo, while it is still Sunday in Los Angeles.
    await withAvailability(storage, 'kenji', { status: 'away', until: '2026-03-30' });
    await waitUntil(() => text(mentoringOf(element, 'Kenji Watanabe')) === 'Away until Monday 30 March', text(mentoringOf(element, 'Kenji Watanabe')));
    await withAvailability(storage, 'kenji', { status: 'away', until: '2026-03-29' });
    await waitUntil(() => text(mentoringOf(element, 'Kenji Watanabe')) === 'Back today', text(mentoringOf(element, 'Kenji Watanabe')));
    expect(mentoringOf(element, 'Kenji Watanabe')!.dataset.status).to.equal('back');
    await expect(element).to.be.accessible();
    await withAvailability(storage, 'kenji', { status: 'away', until: '2026-03-28' });
    await waitUntil(() => text(mentoringOf(element, 'Kenji Watanabe')) === 'Taking mentees', text(mentoringOf(element, 'Kenji Watanabe')));
    // A date in another year says the year.
    await withAvailability(storage, 'kenji', { status: 'away', until: '2027-01-12' });
    await waitUntil(() => text(mentoringOf(element, 'Kenji Watanabe')) === 'Away until Tuesday, 12 January 2027', text(mentoringOf(element, 'Kenji Watanabe')));
  });

  it('speaks Spanish under lang="es"', async () => {
    const storage = await withAvailability(await seededStorage(), 'kenji', { status: 'away', until: '2026-04-14' });
    const kit = track(await readyKit(storage, 'lucia'));
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><mk-pairing-card .kit=${kit}></mk-pairing-card></div>`);
    await languagesReady(wrapper);
    const element = wrapper.querySelector<MkPairingCard>('mk-pairing-card')!;
    await waitUntil(() => text(mentoringOf(element, 'Kenji Watanabe')).startsWith('Ausente'), 'Spanish');
    expect(text(mentoringOf(element, 'Kenji Watanabe'))).to.equal('Ausente hasta el martes, 14 de abril');
    expect(text(mentoringOf(element, 'Arjun Shrestha'))).to.equal('Acepta personas mentorizadas');
    await expect(element).to.be.accessible();
  });

  it('lets the signed-in mentor set their own: Change opens a form, Save writes the profile and fires mk-availability-change; passes axe open', async () => {
    const kit = track(await readyKit(await seededStorage(), 'kenji'));
    const element = await cardFor(kit);
    const mine = part(shadow(element), 'my-availability')!;
    expect(text(part(mine, 'mentoring'))).to.equal('Taking mentees');
    const change = part(mine, 'availability-change') as HTMLButtonElement;
    expect(change.getAttribute('aria-expanded')).to.equal('false');
    change.click();
    await element.updateComplete;
    await waitUntil(() => shadow(element).activeElement?.getAttribute('name') === 'status', 'focus moves to the chosen option');
    expect(change.getAttribute('aria-expanded')).to.equal('true');
    const form = part(shadow(element), 'availability-form')!;
    expect(text(form.querySelector('legend'))).to.equal('Are you taking new mentees?');
    expect((shadow(element).activeElement as HTMLInputElement).value).to.equal('taking-mentees');
    await expect(element).to.be.accessible();

    // Away, until a date, with a note: by keyboard for the choice.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await element.updateComplete;
    const until = form.querySelector<HTMLInputElement>('input[name="until"]')!;
    expect(until, 'the date appears once "Away" is chosen').to.exist;
    until.value = '2026-04-14';
    until.dispatchEvent(new Event('change'));
    const note = form.querySelector<HTMLInputElement>('input[name="note"]')!;
    note.value = '  Parental leave ';
    note.dispatchEvent(new Event('input'));
    await element.updateComplete;
    await expect(element).to.be.accessible();
    const changed = oneEvent(element, 'mk-availability-change');
    part(form, 'availability-save')!.click();
    const event = await changed;
    expect(event.detail.availability).to.deep.equal({ status: 'away', until: '2026-04-14', note: 'Parental leave' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(kit.people.get('kenji').availability).to.deep.equal({ status: 'away', until: '2026-04-14', note: 'Parental leave' });
    await waitUntil(() => part(shadow(element), 'availability-form') === null, 'the form closes');
    expect(text(part(part(shadow(element), 'my-availability')!, 'mentoring'))).to.equal('Away until Tuesday 14 April · Parental leave');
    await waitUntil(() => shadow(element).activeElement === part(shadow(element), 'availability-change'), 'focus returns to Change');

    // Back to taking mentees: the date goes away with "Away".
    part(shadow(element), 'availability-change')!.click();
    await element.updateComplete;
    const taking = shadow(element).querySelector<HTMLInputElement>('input[name="status"][value="taking-mentees"]')!;
    taking.click();
    await element.updateComplete;
    expect(shadow(element).querySelector('input[name="until"]')).to.equal(null);
    const note2 = shadow(element).querySelector<HTMLInputElement>('input[name="note"]')!;
    note2.value = '';
    note2.dispatchEvent(new Event('input'));
    part(shadow(element), 'availability-save')!.click();
    await waitUntil(() => kit.people.get('kenji').availability?.status === 'taking-mentees', 'saved');
    expect(kit.people.get('kenji').availability).to.deep.equal({ status: 'taking-mentees' });
  });

  it('Cancel closes the form without saving; a failed save says why and keeps the form open', async () => {
    const storage = await seededStorage();
    const kit = track(await readyKit(storage, 'kenji'));
    const element = await cardFor(kit);
    part(shadow(element), 'availability-change')!.click();
    await element.updateComplete;
    shadow(element).querySelector<HTMLInputElement>('input[name="status"][value="not-taking-mentees"]')!.click();
    await element.updateComplete;
    [...shadow(element).querySelectorAll<HTMLButtonElement>('.form-actions button')].find((button) => text(button) === 'Cancel')!.click();
    await element.updateComplete;
    expect(part(shadow(element), 'availability-form')).to.equal(null);
    expect(kit.people.get('kenji').availability).to.equal(undefined);

    // The storage fails: the reason shows, the form stays open with the choice.
    const originalPut = storage.put.bind(storage);
    storage.put = async () => {
      throw Object.assign(new Error('The storage service is unreachable (HTTP 503).'), { code: 'storage-error' });
    };
    try {
      part(shadow(element), 'availability-change')!.click();
      await element.updateComplete;
      shadow(element).querySelector<HTMLInputElement>('input[name="status"][value="not-taking-mentees"]')!.click();
      await element.updateComplete;
      part(shadow(element), 'availability-save')!.click();
      await waitUntil(() => part(shadow(element), 'availability-error') !== null, 'the error shows');
      expect(part(shadow(element), 'availability-error')!.getAttribute('role')).to.equal('alert');
      expect(part(shadow(element), 'availability-form')).to.not.equal(null);
      await expect(element).to.be.accessible();
    } finally {
      storage.put = originalPut;
    }
  });

  it('shows no form with pairing-id (one pairing), nor for a mentee', async () => {
    const kit = track(await readyKit(await seededStorage(), 'kenji', FIXED_NOW));
    const element = await fixture<MkPairingCard>(html`<mk-pairing-card .kit=${kit} pairing-id="p-daniel" locale="en-GB"></mk-pairing-card>`);
    await element.updateComplete;
    expect(part(shadow(element), 'my-availability')).to.equal(null);
  });
});
