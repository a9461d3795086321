import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createMentorKit, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { feedbackFeature } from '@mentorkit/core/feedback';
import { FIXED_NOW, HOSTILE_NAME, failingStorage, pendingStorage, readyKit, seededStorage, languagesReady } from '../testing/fixtures.js';
import './define.js';
import type { MkSessionFeedback } from './session-feedback.js';
import { disposeKitsAfterEach, part, text } from '../testing/queries.js';

const state = (element: MkSessionFeedback) => part(element, 'base')!.dataset.state;

/** A session of Lucía's pairing that ended at 20:00Z (FIXED_NOW is 21:10Z), and one still to come. */
async function storageWithSessions(): Promise<StorageAdapter> {
  const storage = await seededStorage();
  await storage.put('sessions', {
    id: 's-done',
    pairingId: 'p-lucia',
    title: 'System design review',
    start: '2026-03-29T19:00:00Z',
    end: '2026-03-29T20:00:00Z',
    timeZone: 'Europe/London',
    status: 'scheduled',
  });
  await storage.put('sessions', {
    id: 's-next',
    pairingId: 'p-lucia',
    title: 'Next session',
    start: '2026-04-05T19:00:00Z',
    end: '2026-04-05T20:00:00Z',
    timeZone: 'Europe/London',
    status: 'scheduled',
  });
  return storage;
}

async function formFor(kit: MentorKit | undefined, sessionId?: string): Promise<MkSessionFeedback> {
  const element = await fixture<MkSessionFeedback>(
    html`<mk-session-feedback .kit=${kit} session-id=${ifDefined(sessionId)} locale="en-GB"></mk-session-feedback>`,
  );
  if (kit) await kit.use(feedbackFeature).ready.catch(() => undefined);
  await element.updateComplete;
  return element;
}

describe('<mk-session-feedback>', () => {
  const track = disposeKitsAfterEach();

  it('loading: busy, and passes axe', async () => {
    const element = await fixture<MkSessionFeedback>(
      html`<mk-session-feedback .kit=${track(createMentorKit({ storage: pendingStorage(), user: 'lucia' }))}></mk-session-feedback>`,
    );
    expect(state(element)).to.equal('loading');
    expect(part(element, 'base')!.getAttribute('aria-busy')).to.equal('true');
    await expect(element).to.be.accessible();
  });

  it('error: an alert with the load error, and passes axe', async () => {
    const kit = track(createMentorKit({ storage: failingStorage('Backend down (HTTP 503).'), user: 'lucia' }));
    await kit.ready.catch(() => undefined);
    const element = await formFor(kit);
    await waitUntil(() => state(element) === 'error');
    expect(part(element, 'error')!.getAttribute('role')).to.equal('alert');
    expect(text(part(element, 'error'))).to.contain('Backend down (HTTP 503).');
    await expect(element).to.be.accessible();
  });

  it('empty: nothing asked yet, and passes axe', async () => {
    const element = await formFor(track(await readyKit(await seededStorage(), 'lucia')));
    expect(state(element)).to.equal('empty');
    expect(text(part(element, 'empty'))).to.contain('A request appears here when a session ends');
    await expect(element).to.be.accessible();
  });

  it('not ended yet, and an unknown session', async () => {
    const kit = track(await readyKit(await storageWithSessions(), 'lucia'));
    const upcoming = await formFor(kit, 's-next');
    expect(state(upcoming)).to.equal('not-ended');
    expect(text(part(upcoming, 'empty'))).to.contain('opens when the session ends');
    await expect(upcoming).to.be.accessible();
    const unknown = await formFor(kit, 'nope');
    expect(state(unknown)).to.equal('unavailable');
  });

  it('the request opens when the session ends; the form is keyboard-complete and sends; thank-you state; passes axe', async () => {
    const kit = track(await readyKit(await storageWithSessions(), 'lucia'));
    const element = await formFor(kit);
    expect(state(element)).to.equal('form');
    expect(text(part(element, 'heading'))).to.equal('How did the session go? with Kenji Watanabe and Arjun Shrestha');
    expect(text(part(element, 'session'))).to.contain('System design review');
    await expect(element).to.be.accessible();

    // Keyboard only: Tab into the rating group, arrows choose, Space ticks a tag, type, Enter submits.
    const firstRadio = element.shadowRoot!.querySelector<HTMLInputElement>('input[name="rating"]')!;
    firstRadio.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(element.shadowRoot!.querySelector<HTMLInputElement>('input[name="rating"]:checked')!.value).to.equal('4');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    element.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[name="missed"]')!.focus();
    await sendKeys({ type: `We ran out of time ${HOSTILE_NAME}` });
    const submit = part(element, 'submit') as HTMLButtonElement;
    submit.focus();
    const submitted = oneEvent(element, 'mk-feedback-submit');
    await sendKeys({ press: 'Enter' });
    const event = await submitted;
    expect(event.detail).to.include({ sessionId: 's-done', rating: 4, edited: false });
    await waitUntil(() => state(element) === 'submitted');
    expect(text(part(element, 'thanks'))).to.contain('Thank you');
    const summary = text(part(element, 'summary'));
    expect(summary).to.contain('4 of 5');
    expect(summary).to.contain('Clear next steps');
    expect(summary).to.contain(HOSTILE_NAME);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null, 'hostile text is shown as text');
    expect(element.shadowRoot!.activeElement).to.equal(part(element, 'heading'), 'focus moves to the thank-you heading');
    await expect(element).to.be.accessible();

    // Edit until the deadline.
    (part(element, 'edit') as HTMLButtonElement).click();
    await element.updateComplete;
    expect(state(element)).to.equal('form');
    expect(text(part(element, 'heading'))).to.equal('Edit your feedback with Kenji Watanabe and Arjun Shrestha');
    expect(element.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[name="missed"]')!.value).to.contain('We ran out of time');
    await expect(element).to.be.accessible();
    element.shadowRoot!.querySelector<HTMLInputElement>('input[name="rating"][value="5"]')!.click();
    const edited = oneEvent(element, 'mk-feedback-submit');
    (part(element, 'submit') as HTMLButtonElement).click();
    expect((await edited).detail.edited).to.equal(true);
    await waitUntil(() => state(element) === 'submitted');
    expect(text(part(element, 'summary'))).to.contain('5 of 5');
  });

  it('shows the validation error at the field and passes axe', async () => {
    const kit = track(await readyKit(await storageWithSessions(), 'lucia'));
    const element = await formFor(kit, 's-done');
    (part(element, 'submit') as HTMLButtonElement).click();
    await waitUntil(() => element.shadowRoot!.querySelector('#rating-error') !== null);
    expect(text(element.shadowRoot!.querySelector('#rating-error')), "core's rule in people's words, not its path").to.equal('Choose one of the options.');
    expect(part(element, 'rating')!.getAttribute('aria-invalid')).to.equal('true');
    expect(element.shadowRoot!.activeElement?.getAttribute('name')).to.equal('rating');
    await expect(element).to.be.accessible();
  });

  it('reveal when both submit: held for the mentor, then both see both', async () => {
    const storage = await storageWithSessions();
    const lucia = track(await readyKit(storage, 'lucia'));
    const element = await formFor(lucia, 's-done');
    element.shadowRoot!.querySelector<HTMLInputElement>('input[name="rating"][value="3"]')!.click();
    element.shadowRoot!.querySelector<HTMLInputElement>('input[name="reveal"]')!.click();
    (part(element, 'submit') as HTMLButtonElement).click();
    await waitUntil(() => state(element) === 'submitted');
    expect(text(part(element, 'held'))).to.contain('held until the other side has sent theirs');
    await expect(element).to.be.accessible();

    const kenji = track(await readyKit(storage, 'kenji'));
    kenji.use(feedbackFeature).configure({ askMentors: true });
    const mentorForm = await formFor(kenji, 's-done');
    expect(state(mentorForm)).to.equal('form');
    expect(part(mentorForm, 'others')).to.equal(null);
    mentorForm.shadowRoot!.querySelector<HTMLInputElement>('input[name="rating"][value="4"]')!.click();
    (part(mentorForm, 'submit') as HTMLButtonElement).click();
    await waitUntil(() => state(mentorForm) === 'submitted' && part(mentorForm, 'others') !== null, 'the mentee note is revealed');
    expect(text(part(mentorForm, 'others'))).to.contain('Lucía Fernández');
    expect(text(part(mentorForm, 'others'))).to.contain('3 of 5');
    await expect(mentorForm).to.be.accessible();
  });

  it('a note sent earlier is there after a reload: summary and Edit until its deadline, then read-only with the date; passes axe', async () => {
    const storage = await storageWithSessions();
    const before = track(await readyKit(storage, 'lucia'));
    const feedback = before.use(feedbackFeature);
    await feedback.ready;
    const sent = await feedback.submit({ sessionId: 's-done', rating: 4, helped: `The diagram ${HOSTILE_NAME}`, revealWhenBothSubmitted: true });
    await before.dispose();

    // "Reload": a new client on the same storage, an element told no session.
    const element = await formFor(track(await readyKit(storage, 'lucia', '2026-03-30T09:00:00Z')));
    expect(state(element)).to.equal('submitted');
    expect(text(part(element, 'summary'))).to.contain('4 of 5');
    expect(text(part(element, 'summary'))).to.contain(HOSTILE_NAME);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null, 'hostile text is shown as text');
    expect(text(part(element, 'held'))).to.contain('held until the other side');
    expect(part(element, 'edit'), 'Edit until the deadline').to.not.equal(null);
    expect(text(element.shadowRoot!.querySelector('#edit-until'))).to.contain('You can change it until');
    await expect(element).to.be.accessible();
    (part(element, 'edit') as HTMLButtonElement).click();
    await element.updateComplete;
    expect(state(element)).to.equal('form');
    expect(element.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[name="helped"]')!.value).to.equal(`The diagram ${HOSTILE_NAME}`);

    // After editableUntil: still shown, read-only, with the date (named: by then the next session asks for feedback).
    const late = await formFor(track(await readyKit(storage, 'lucia', '2026-04-10T00:00:00Z')), 's-done');
    expect(state(late)).to.equal('submitted');
    expect(part(late, 'edit')).to.equal(null);
    expect(text(part(late, 'final'))).to.contain('It could be changed until');
    expect(text(part(late, 'final'))).to.contain('2026');
    expect(sent.editableUntil).to.be.a('string');
    await expect(late).to.be.accessible();
  });

  it('reveal after both, across reloads: the mentee sees the mentor note once the mentor sends theirs', async () => {
    const storage = await storageWithSessions();
    const lucia = track(await readyKit(storage, 'lucia'));
    await lucia.use(feedbackFeature).ready;
    await lucia.use(feedbackFeature).submit({ sessionId: 's-done', rating: 3, revealWhenBothSubmitted: true });
    const kenji = track(await readyKit(storage, 'kenji'));
    kenji.use(feedbackFeature).configure({ askMentors: true });
    // Kenji mentors Daniel too: the form is about the pairing he is looking at, Lucía's.
    kenji.selectPairing('p-lucia');
    const mentorForm = await formFor(kenji);
    expect(state(mentorForm), 'the mentor is asked for the same session').to.equal('form');
    expect(text(part(mentorForm, 'session'))).to.contain('System design review');
    mentorForm.shadowRoot!.querySelector<HTMLInputElement>('input[name="rating"][value="5"]')!.click();
    (part(mentorForm, 'submit') as HTMLButtonElement).click();
    await waitUntil(() => state(mentorForm) === 'submitted' && part(mentorForm, 'others') !== null, 'the mentee note is revealed to the mentor');

    const reloaded = await formFor(track(await readyKit(storage, 'lucia')));
    expect(state(reloaded)).to.equal('submitted');
    expect(part(reloaded, 'held')).to.equal(null);
    expect(text(part(reloaded, 'others'))).to.contain('Kenji Watanabe');
    expect(text(part(reloaded, 'others'))).to.contain('5 of 5');
    await expect(reloaded).to.be.accessible();
  });

  describe('length limits', () => {
    const paste = async (element: MkSessionFeedback, name: string, value: string) => {
      const box = element.shadowRoot!.querySelector<HTMLTextAreaElement>(`textarea[name="${name}"]`)!;
      box.focus();
      box.value = value;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
      await element.updateComplete;
      return box;
    };
    const counter = (element: MkSessionFeedback, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`#field-${name}-counter`);

    it('no maxlength cuts a paste; the counter shows from 80 % with an accessible description', async () => {
      const element = await formFor(track(await readyKit(await storageWithSessions(), 'lucia')), 's-done');
      expect(element.shadowRoot!.querySelectorAll('[maxlength]').length).to.equal(0);
      const box = await paste(element, 'toolSuggestion', 'x'.repeat(799));
      expect(counter(element, 'toolSuggestion'), 'below 80 % of 1000: no counter').to.equal(null);
      await paste(element, 'toolSuggestion', 'x'.repeat(800));
      expect(text(counter(element, 'toolSuggestion'))).to.equal('200 characters left');
      expect(counter(element, 'toolSuggestion')!.dataset.state).to.equal('near');
      expect(box.getAttribute('aria-describedby')).to.contain('field-toolSuggestion-counter');
      expect(box.getAttribute('aria-invalid')).to.equal('false');
      await expect(element).to.be.accessible();
    });

    it('over the limit: the text is kept whole, marked invalid with a message, sending waits; fixing it sends; passes axe', async () => {
      const storage = await storageWithSessions();
      const kit = track(await readyKit(storage, 'lucia'));
      const element = await formFor(kit, 's-done');
      element.shadowRoot!.querySelector<HTMLInputElement>('input[name="rating"][value="4"]')!.click();
      const long = `${HOSTILE_NAME} ${'y'.repeat(2001)}`;
      const helped = await paste(element, 'helped', long);
      const other = await paste(element, 'other', 'z'.repeat(4005));
      expect(helped.value).to.equal(long, 'nothing cut');
      expect(helped.getAttribute('aria-invalid')).to.equal('true');
      expect(other.getAttribute('aria-invalid')).to.equal('true');
      expect(counter(element, 'helped')!.dataset.state).to.equal('over');
      expect(text(counter(element, 'helped'))).to.contain(`${long.length - 2000} characters too many`);
      expect(text(counter(element, 'other'))).to.contain('5 characters too many: the most is 4,000');
      expect(element.shadowRoot!.querySelector('img')).to.equal(null, 'hostile text stays text');

      let sent = false;
      element.addEventListener('mk-feedback-submit', () => (sent = true));
      (part(element, 'submit') as HTMLButtonElement).click();
      await waitUntil(() => part(element, 'error') !== null);
      expect(text(part(element, 'error'))).to.contain('Shorten the fields marked');
      expect(sent).to.equal(false);
      expect(await storage.query('feedback')).to.have.length(0, 'nothing written');
      expect(element.shadowRoot!.activeElement?.getAttribute('name')).to.equal('helped', 'focus on the first box over its limit');
      expect(helped.value).to.equal(long, 'still whole after the refusal');
      await expect(element).to.be.accessible();

      await paste(element, 'helped', 'The diagram helped');
      await paste(element, 'other', 'z'.repeat(4000));
      const submitted = oneEvent(element, 'mk-feedback-submit');
      (part(element, 'submit') as HTMLButtonElement).click();
      await submitted;
      await waitUntil(() => state(element) === 'submitted');
      expect(text(part(element, 'summary'))).to.contain('The diagram helped');
    });

    it('speaks Spanish: the counter and the refusal; passes axe', async () => {
      const kit = track(await readyKit(await storageWithSessions(), 'lucia'));
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><mk-session-feedback .kit=${kit} session-id="s-done"></mk-session-feedback></div>`);
      await languagesReady(wrapper);
      const element = wrapper.querySelector<MkSessionFeedback>('mk-session-feedback')!;
      await kit.use(feedbackFeature).ready;
      await element.updateComplete;
      await paste(element, 'missed', 'x'.repeat(1999));
      expect(text(counter(element, 'missed'))).to.equal('Queda 1 carácter');
      await paste(element, 'missed', 'x'.repeat(2002));
      expect(text(counter(element, 'missed'))).to.contain('Sobran 2 caracteres');
      element.shadowRoot!.querySelector<HTMLInputElement>('input[name="rating"][value="4"]')!.click();
      (part(element, 'submit') as HTMLButtonElement).click();
      await waitUntil(() => part(element, 'error') !== null);
      expect(text(part(element, 'error'))).to.contain('Acorta los campos marcados');
      await expect(element).to.be.accessible();
    });
  });

  it('closed after the deadline', async () => {
    const kit = track(await readyKit(await storageWithSessions(), 'lucia', '2026-04-10T00:00:00Z'));
    const element = await formFor(kit, 's-done');
    expect(state(element)).to.equal('closed');
    expect(text(part(element, 'empty'))).to.contain('closed on');
    await expect(element).to.be.accessible();
    void FIXED_NOW;
  });
  describe('language', () => {
    it('speaks Spanish under lang="es": form, thank-you and empty states; passes axe', async () => {
      const kit = track(await readyKit(await storageWithSessions(), 'lucia'));
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><mk-session-feedback .kit=${kit}></mk-session-feedback></div>`);
      await languagesReady(wrapper);
      const element = wrapper.querySelector<MkSessionFeedback>('mk-session-feedback')!;
      await kit.use(feedbackFeature).ready;
      await element.updateComplete;
      expect(state(element)).to.equal('form');
      expect(text(part(element, 'heading'))).to.equal('¿Qué tal fue la sesión? con Kenji Watanabe y Arjun Shrestha');
      expect(text(part(element, 'session'))).to.contain('puedes enviarla o cambiarla hasta el');
      expect(text(part(element, 'rating'))).to.contain('¿Qué tan útil fue la sesión?');
      expect(text(part(element, 'rating'))).to.contain('5 · Excelente');
      expect(text(part(element, 'tags'))).to.contain('Próximos pasos claros');
      expect(text(part(element, 'submit'))).to.equal('Enviar valoración');
      expect(element.shadowRoot!.querySelector('option[value="anonymous"]')!.textContent).to.equal('Sin mi nombre');
      expect(text(part(element, 'base'))).not.to.match(/\b(?:field|rating|tag|anonymity)\.[a-z]/, 'no message id shows');
      await expect(element).to.be.accessible();

      element.shadowRoot!.querySelector<HTMLInputElement>('input[name="rating"][value="4"]')!.click();
      element.shadowRoot!.querySelector<HTMLInputElement>('input[name="tags"][value="ran-out-of-time"]')!.click();
      (part(element, 'submit') as HTMLButtonElement).click();
      await waitUntil(() => state(element) === 'submitted');
      expect(text(part(element, 'heading'))).to.equal('Gracias por tu valoración con Kenji Watanabe y Arjun Shrestha');
      expect(text(part(element, 'thanks'))).to.contain('tu valoración se ha enviado');
      expect(text(part(element, 'summary'))).to.contain('4 de 5 · Muy buena');
      expect(text(part(element, 'summary'))).to.contain('Faltó tiempo');
      expect(text(part(element, 'edit'))).to.equal('Editar valoración');
      await expect(element).to.be.accessible();

      const empty = await fixture<HTMLDivElement>(
        html`<div lang="es"><mk-session-feedback .kit=${track(await readyKit(await seededStorage(), 'lucia'))}></mk-session-feedback></div>`,
      );

      await languagesReady(empty);
      const emptyElement = empty.querySelector<MkSessionFeedback>('mk-session-feedback')!;
      await waitUntil(() => state(emptyElement) === 'empty');
      expect(text(part(emptyElement, 'empty'))).to.contain('no tienes ninguna valoración pendiente');
      await expect(emptyElement).to.be.accessible();
    });
  });
});
