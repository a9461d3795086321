import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MentorKitError, TEXT_LIMITS, type MentorKit, type Session, type StorageAdapter } from '@mentorkit/core';
import { sessionsFeature } from '@mentorkit/core/scheduling';
import { languagesReady } from '../testing/fixtures.js';
import { FIXED_NOW, HOSTILE_NAME, kitOn, planningStorage, refusingStorage } from '../testing/planning-fixtures.js';
import './define.js';
import type { MkScheduler } from './scheduler.js';
import { disposeKitsAfterEach, focused, part, parts, text } from '../testing/queries.js';

const row = (element: MkScheduler, id: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part~="upcoming"] li[data-session="${id}"]`);
const cancelButton = (element: MkScheduler, id: string) => row(element, id)?.querySelector<HTMLButtonElement>('[part~="cancel"]') ?? null;
const action = (element: MkScheduler, name: 'confirm' | 'keep') =>
  element.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="cancel-confirm"] [data-action="${name}"]`)!;

/** Daniel's (Los Angeles) view of a weekly series Kenji booked: Mondays 13, 20 and 27 April at 18:00. */
const SERIES_START = '2026-04-14T01:00:00Z';

/** The planning fixtures plus a weekly series of three sessions (Kenji books it, titled `title`). */
async function withSeries(title = 'Design review', base?: StorageAdapter): Promise<{ storage: StorageAdapter; sessions: Session[] }> {
  const storage = base ?? (await planningStorage());
  const kenji = await kitOn(storage, 'kenji');
  const series = await kenji
    .use(sessionsFeature)
    .bookSeries({ pairingId: 'p-daniel', title, firstStart: SERIES_START, durationMinutes: 60, cadence: 'weekly', count: 3, timeZone: 'Asia/Tokyo' });
  await kenji.dispose();
  expect(series.sessions).to.have.length(3);
  return { storage, sessions: series.sessions };
}

async function schedulerFor(kit: MentorKit, options: { lang?: string; width?: number } = {}): Promise<{ wrapper: HTMLElement; element: MkScheduler }> {
  const lang = options.lang ?? 'en';
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang} style=${options.width ? `width: ${options.width}px` : ''}><mk-scheduler .kit=${kit} pairing-id="p-daniel" locale=${lang === 'en' ? 'en-GB' : 'es-ES'}></mk-scheduler></div>`,
  );
  await languagesReady(wrapper);
  const element = wrapper.querySelector('mk-scheduler')!;
  await waitUntil(() => parts(element, 'cancel').length > 0, 'upcoming sessions with Cancel…', { timeout: 4000 });
  return { wrapper, element };
}

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

async function openConfirm(element: MkScheduler, id: string): Promise<void> {
  cancelButton(element, id)!.click();
  await waitUntil(() => focused() === action(element, 'keep'), 'the confirmation opens with focus on Keep it');
}

async function typeReason(element: MkScheduler, value: string): Promise<HTMLTextAreaElement> {
  const field = part(element, 'cancel-reason') as HTMLTextAreaElement;
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await element.updateComplete;
  return field;
}

describe('<mk-scheduler> cancelling an upcoming session', () => {
  const track = disposeKitsAfterEach();

  it('cancels one session of a series with a reason: stored cancelled, announced, event, focus on the next; axe on the list and the confirmation', async () => {
    const { storage, sessions } = await withSeries();
    const kit = track(await kitOn(storage, 'daniel'));
    const { wrapper, element } = await schedulerFor(kit);
    const [first, second, third] = sessions.map((session) => session.id) as [string, string, string];
    expect(cancelButton(element, second)!.getAttribute('aria-label')).to.equal('Cancel the session on Mon 20 Apr, 18:00');
    expect(text(cancelButton(element, second))).to.equal('Cancel…');
    expect(cancelButton(element, second)!.getAttribute('aria-expanded')).to.equal('false');
    await expect(wrapper).to.be.accessible();

    await openConfirm(element, second);
    const confirm = part(element, 'cancel-confirm')!;
    expect(row(element, second)!.contains(confirm), 'inline, in its row').to.equal(true);
    expect(confirm.getAttribute('role')).to.equal('group');
    expect(text(element.shadowRoot!.getElementById(confirm.getAttribute('aria-labelledby')!))).to.equal('Cancel “Design review” on Mon 20 Apr, 18:00?');
    expect(cancelButton(element, second)!.getAttribute('aria-expanded')).to.equal('true');
    expect(cancelButton(element, second)!.getAttribute('aria-controls')).to.equal(confirm.id);
    expect(text(confirm.querySelector('label'))).to.equal('Reason (the others see it)');
    expect(text(action(element, 'confirm'))).to.equal('Cancel the session');
    expect(text(action(element, 'keep'))).to.equal('Keep it');
    await expect(wrapper).to.be.accessible();

    await typeReason(element, '  Conference trip  ');
    const cancelled = oneEvent(element, 'mk-session-cancelled');
    action(element, 'confirm').click();
    expect((await cancelled).detail).to.deep.equal({ sessionId: second });
    await waitUntil(() => row(element, second) === null, 'the session leaves the list');
    await waitUntil(() => focused() === cancelButton(element, third), "focus on the next session's Cancel…");
    expect(text(part(element, 'announcement'))).to.equal('Session on Mon 20 Apr, 18:00 cancelled.');
    expect(part(element, 'announcement')!.getAttribute('aria-live')).to.equal('polite');
    expect(part(element, 'cancel-confirm')).to.equal(null);

    const stored = (await storage.get('sessions', second))!;
    expect(stored.status).to.equal('cancelled');
    expect(stored.cancellationReason).to.equal('Conference trip');
    expect(Date.parse(String(stored.statusChangedAt))).to.equal(Date.parse(FIXED_NOW));
    expect(stored.updatedBy).to.equal('daniel');
    for (const id of [first, third]) expect((await storage.get('sessions', id))!.status, 'only that one of the series').to.equal('scheduled');
    await expect(wrapper).to.be.accessible();
  });

  it('keyboard only: Enter opens (focus on Keep it), Escape and Keep it close (focus back on Cancel…), Tab to the reason and confirm; focus goes to the previous, then the heading', async () => {
    const { storage, sessions } = await withSeries();
    const kit = track(await kitOn(storage, 'daniel'));
    const { element } = await schedulerFor(kit);
    const [first, second, third] = sessions.map((session) => session.id) as [string, string, string];
    const events: string[] = [];
    element.addEventListener('mk-session-cancelled', (event) => events.push(event.detail.sessionId));

    cancelButton(element, third)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === action(element, 'keep'), 'Enter opens, focus on Keep it');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => part(element, 'cancel-confirm') === null, 'Escape closes');
    await waitUntil(() => focused() === cancelButton(element, third), 'focus back on Cancel…');
    expect(cancelButton(element, third)!.getAttribute('aria-expanded')).to.equal('false');

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === action(element, 'keep'), 'open again');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(element, 'cancel-confirm') === null, 'Keep it closes');
    await waitUntil(() => focused() === cancelButton(element, third), 'focus back on Cancel… after Keep it');
    expect(events).to.deep.equal([]);

    // The last session: focus goes to the one before.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === action(element, 'keep'), 'open a third time');
    await shiftTab();
    expect(focused()).to.equal(action(element, 'confirm'));
    await shiftTab();
    expect(focused()).to.equal(part(element, 'cancel-reason'));
    await sendKeys({ type: 'Sick' });
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(action(element, 'confirm'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => row(element, third) === null, 'the last session leaves');
    await waitUntil(() => focused() === cancelButton(element, second), "focus on the previous session's Cancel…");
    expect((await storage.get('sessions', third))!.cancellationReason).to.equal('Sick');

    // No reason: none stored. Then the first, the only one left: focus on the heading.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === action(element, 'keep'), 'open on the second');
    await shiftTab();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === cancelButton(element, first), 'focus on the first (the only one left)');
    expect((await storage.get('sessions', second))!.cancellationReason).to.equal(undefined);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === action(element, 'keep'), 'open on the first');
    await shiftTab();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => parts(element, 'cancel').length === 0, 'none left');
    const heading = element.shadowRoot!.getElementById('upcoming-heading')!;
    await waitUntil(() => focused() === heading, 'focus on the upcoming heading, never <body>');
    expect(text(heading.parentElement)).to.contain('No upcoming sessions.');
    expect(events).to.deep.equal([third, second, first]);
    await expect(element).to.be.accessible();
  });

  it('a refusal (conflict, storage error) keeps the confirmation, the reason and says why; then it goes through', async () => {
    const { storage: base, sessions } = await withSeries();
    const { storage, refuse } = refusingStorage(base);
    const kit = track(await kitOn(storage, 'daniel'));
    const { wrapper, element } = await schedulerFor(kit);
    const [first, second] = sessions.map((session) => session.id) as [string, string];
    let events = 0;
    element.addEventListener('mk-session-cancelled', () => events++);

    await openConfirm(element, first);
    await typeReason(element, 'Conference trip');
    refuse(new MentorKitError('conflict', 'The sessions record was changed by someone else (HTTP 412).', { path: 'expectedRevision' }));
    action(element, 'confirm').click();
    await waitUntil(() => part(element, 'cancel-error') !== null, 'the refusal is shown');
    expect(text(part(element, 'cancel-error')!.querySelector('.notice-title'))).to.equal('The session could not be cancelled.');
    expect(text(part(element, 'cancel-error')!.querySelector('p:last-child'))).to.equal(
      'Someone changed this while you were working on it. Your changes are still here: check the latest version and save again.',
    );
    expect(part(element, 'cancel-error')!.getAttribute('role')).to.equal('alert');
    expect(focused()).to.equal(part(element, 'cancel-error'));
    expect((part(element, 'cancel-reason') as HTMLTextAreaElement).value).to.equal('Conference trip');
    expect(action(element, 'confirm').getAttribute('aria-disabled')).to.equal('false');
    expect(row(element, first)!.contains(part(element, 'cancel-confirm'))).to.equal(true);
    await expect(wrapper).to.be.accessible();

    refuse(new MentorKitError('storage-error', 'You are offline: the change could not be sent.', { path: '' }));
    action(element, 'confirm').click();
    await waitUntil(() => text(part(element, 'cancel-error')).includes('You are offline'), "the storage's own words");
    expect((part(element, 'cancel-reason') as HTMLTextAreaElement).value).to.equal('Conference trip');
    expect((await base.get('sessions', first))!.status).to.equal('scheduled');
    expect(events).to.equal(0);

    refuse(undefined);
    action(element, 'confirm').click();
    await waitUntil(() => row(element, first) === null, 'cancelled once the storage takes it');
    await waitUntil(() => focused() === cancelButton(element, second), 'focus on the next');
    expect((await base.get('sessions', first))!.cancellationReason).to.equal('Conference trip');
    expect(events).to.equal(1);
  });

  it('while it runs the buttons are aria-disabled and the group busy', async () => {
    const { storage: base, sessions } = await withSeries();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const storage: StorageAdapter = {
      ...base,
      put: async (collection, record, options) => (collection === 'sessions' ? await gate : undefined, base.put(collection, record, options)),
    };
    const kit = track(await kitOn(storage, 'daniel'));
    const { element } = await schedulerFor(kit);
    const id = sessions[0]!.id;
    await openConfirm(element, id);
    action(element, 'confirm').click();
    await waitUntil(() => part(element, 'cancel-confirm')?.getAttribute('aria-busy') === 'true', 'busy');
    expect(action(element, 'confirm').getAttribute('aria-disabled')).to.equal('true');
    expect(action(element, 'keep').getAttribute('aria-disabled')).to.equal('true');
    expect(cancelButton(element, id)!.getAttribute('aria-disabled')).to.equal('true');
    action(element, 'keep').click();
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(part(element, 'cancel-confirm'), 'Keep it and Escape wait while it runs').to.not.equal(null);
    release();
    await waitUntil(() => row(element, id) === null, 'cancelled');
  });

  it('a hostile title stays text; a long reason gets the counter and is refused over the limit; nothing sticks out at 320 px', async () => {
    const long = `${HOSTILE_NAME} ${'Supercalifragilisticexpialidocious'.repeat(5)}`.slice(0, 200);
    const { storage, sessions } = await withSeries(long);
    const kit = track(await kitOn(storage, 'daniel'));
    const { wrapper, element } = await schedulerFor(kit, { width: 320 });
    const id = sessions[0]!.id;
    expect(text(row(element, id)!.querySelector('.upcoming-title'))).to.equal(long);
    await openConfirm(element, id);
    expect(text(element.shadowRoot!.getElementById('cancel-question'))).to.contain(HOSTILE_NAME);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
    const max = TEXT_LIMITS.session.cancellationReason;
    const field = await typeReason(element, 'r'.repeat(max - 20));
    expect(text(part(element, 'counter'))).to.equal('20 characters left');
    expect(field.getAttribute('aria-describedby')).to.equal('cancel-reason-counter');
    expect(field.hasAttribute('maxlength')).to.equal(false);
    await typeReason(element, 'r'.repeat(max + 1));
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    action(element, 'confirm').click();
    await waitUntil(() => part(element, 'cancel-error') !== null, 'refused over the limit');
    expect(text(part(element, 'cancel-error'))).to.contain('Shorten the fields marked');
    expect(focused()).to.equal(field);
    expect((await storage.get('sessions', id))!.status).to.equal('scheduled');

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
    await expect(wrapper).to.be.accessible();
  });

  it('speaks Spanish under lang="es" and passes axe', async () => {
    const { storage, sessions } = await withSeries();
    const kit = track(await kitOn(storage, 'daniel'));
    const { wrapper, element } = await schedulerFor(kit, { lang: 'es' });
    const [first, second] = sessions.map((session) => session.id) as [string, string];
    expect(text(cancelButton(element, first))).to.equal('Cancelar…');
    expect(cancelButton(element, first)!.getAttribute('aria-label')).to.match(/^Cancelar la sesión del lun, 13 abr, 18:00$/);
    await openConfirm(element, first);
    expect(text(element.shadowRoot!.getElementById('cancel-question'))).to.match(/^¿Cancelar «Design review» del lun, 13 abr, 18:00\?$/);
    expect(text(part(element, 'cancel-confirm')!.querySelector('label'))).to.equal('Motivo (las demás personas lo ven)');
    expect(text(action(element, 'confirm'))).to.equal('Cancelar la sesión');
    expect(text(action(element, 'keep'))).to.equal('Mantenerla');
    await expect(wrapper).to.be.accessible();
    action(element, 'confirm').click();
    await waitUntil(() => focused() === cancelButton(element, second), 'cancelled, focus on the next');
    expect(text(part(element, 'announcement'))).to.match(/^Sesión del lun, 13 abr, 18:00 cancelada\.$/);
    expect(text(part(element, 'base'))).not.to.match(/\b(?:Cancel the session|Keep it|Reason)\b/);
  });
});
