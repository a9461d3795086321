import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMentorKit, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { messagingFeature } from '@mentorkit/core/messaging';
import { HOSTILE_NAME, failingStorage, pendingStorage, readyKit, seededStorage, languagesReady } from '../testing/fixtures.js';
import './define.js';
import { THREAD_PAGE_SIZE, type MkThread } from './thread.js';
import { disposeKitsAfterEach, part, parts, text } from '../testing/queries.js';

const state = (element: MkThread) => part(element, 'base')!.dataset.state;

async function threadFor(kit: MentorKit | undefined, pairingId = 'p-lucia', notes = false): Promise<MkThread> {
  const element = await fixture<MkThread>(html`<mk-thread .kit=${kit} pairing-id=${pairingId} ?notes=${notes} locale="en-GB"></mk-thread>`);
  if (kit) await kit.use(messagingFeature).ready.catch(() => undefined);
  await element.updateComplete;
  await element.updateComplete;
  return element;
}

async function storageWithMessages(count: number, options: { authors?: string[] } = {}): Promise<StorageAdapter> {
  const storage = await seededStorage();
  const authors = options.authors ?? ['lucia', 'kenji'];
  for (let index = 0; index < count; index++) {
    await storage.put('messages', {
      id: `m${String(index).padStart(5, '0')}`,
      pairingId: 'p-lucia',
      authorId: authors[index % authors.length]!,
      kind: 'text',
      text: `Message number ${index}`,
      mentorsOnly: false,
      history: [],
      sentAt: new Date(Date.UTC(2026, 2, 1) + index * 60_000).toISOString(),
    });
  }
  return storage;
}

describe('<mk-thread>', () => {
  const track = disposeKitsAfterEach();

  it('loading and error states pass axe', async () => {
    const loading = await fixture<MkThread>(
      html`<mk-thread .kit=${track(createMentorKit({ storage: pendingStorage(), user: 'lucia' }))} pairing-id="p-lucia"></mk-thread>`,
    );
    expect(state(loading)).to.equal('loading');
    await expect(loading).to.be.accessible();
    const kit = track(createMentorKit({ storage: failingStorage('Backend down (HTTP 503).'), user: 'lucia' }));
    await kit.ready.catch(() => undefined);
    const failed = await threadFor(kit);
    await waitUntil(() => state(failed) === 'error');
    expect(text(part(failed, 'error'))).to.contain('Backend down (HTTP 503).');
    await expect(failed).to.be.accessible();
  });

  it('unavailable for a pairing that is not yours', async () => {
    const element = await threadFor(track(await readyKit(await seededStorage(), 'lucia')), 'p-daniel');
    expect(state(element)).to.equal('unavailable');
    await expect(element).to.be.accessible();
  });

  it("empty: the recipients' local time and a quiet-hours notice before sending; passes axe", async () => {
    const element = await threadFor(track(await readyKit(await seededStorage(), 'lucia')));
    expect(state(element)).to.equal('empty');
    expect(text(part(element, 'heading'))).to.equal('Conversation with Kenji Watanabe and Arjun Shrestha');
    const notice = part(element, 'quiet-hours')!;
    expect(notice.hasAttribute('data-outside')).to.equal(true);
    // FIXED_NOW: Sunday 21:10 UTC = Monday 06:10 in Tokyo, 02:55 in Kathmandu.
    expect(text(notice)).to.contain('It is Mon 06:10 for Kenji Watanabe — outside their working hours. They will be notified at 08:00 their time.');
    expect(text(notice)).to.contain('It is Mon 02:55 for Arjun Shrestha');
    await expect(element).to.be.accessible();
  });

  it('sends with the keyboard; hostile text and javascript: links are text, https links are links', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    const element = await threadFor(kit);
    const textarea = element.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[name="message"]')!;
    textarea.focus();
    await sendKeys({ type: `${HOSTILE_NAME} javascript:alert(1) see https://docs.example.org/plan.` });
    const sent = oneEvent(element, 'mk-message-send');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    expect((await sent).detail).to.include({ pairingId: 'p-lucia', kind: 'text' });
    await waitUntil(() => parts(element, 'message').length === 1);
    const message = part(element, 'message')!;
    expect(text(message.querySelector('[part~="text"]'))).to.equal(`${HOSTILE_NAME} javascript:alert(1) see https://docs.example.org/plan.`);
    expect(message.querySelector('img')).to.equal(null);
    const links = [...message.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['https://docs.example.org/plan']);
    expect(links[0]!.getAttribute('rel')).to.contain('noopener');
    expect(textarea.value).to.equal('');
    await expect(element).to.be.accessible();
  });

  it('unread marker and badge for messages from the others, then marked read', async () => {
    const storage = await storageWithMessages(4, { authors: ['kenji'] });
    const kit = track(await readyKit(storage, 'lucia'));
    const element = await threadFor(kit);
    expect(text(part(element, 'unread-divider'))).to.equal('New messages');
    // Four weeks old: the date, not a bare weekday that reads as this week.
    expect(text(part(element, 'time'))).to.equal('Sun 1 Mar, 00:00');
    await expect(element).to.be.accessible();
    await waitUntil(() => kit.use(messagingFeature).unreadCount('p-lucia') === 0, 'opening the thread marks it read');
    await element.updateComplete;
    expect(part(element, 'unread-count')).to.equal(null);
    expect(part(element, 'unread-divider'), 'the divider stays until the thread is reopened').to.not.equal(null);
  });

  it('marks messages read only once they are seen: not while the thread is below the fold, nor those scrolled out of view', async () => {
    const storage = await storageWithMessages(30, { authors: ['kenji'] });
    const kit = track(await readyKit(storage, 'lucia'));
    const api = kit.use(messagingFeature);
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><div style="height: 3000px">Other content of the page</div><mk-thread .kit=${kit} pairing-id="p-lucia" locale="en-GB" style="--mk-thread-height: 12rem"></mk-thread></div>`,
    );
    const element = wrapper.querySelector<MkThread>('mk-thread')!;
    await api.ready;
    await element.updateComplete;
    await waitUntil(() => parts(element, 'message').length > 0, 'the thread renders');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(api.unreadCount('p-lucia'), 'rendered far below the fold: nothing seen').to.equal(30);
    expect(text(part(element, 'unread-count'))).to.equal('30');
    // Scrolled into view: the log shows the first unread (the "New messages" divider) and a few after it.
    element.scrollIntoView({ block: 'start' });
    await waitUntil(() => api.unreadCount('p-lucia') < 30, 'the messages in view are marked read', { timeout: 4000 });
    const left = api.unreadCount('p-lucia');
    expect(left, "the ones below the log's visible area are still unread").to.be.greaterThan(0);
    const seen = parts(element, 'message').filter((message) => !message.hasAttribute('data-unread'));
    expect(seen.length).to.be.greaterThan(0);
    // Scrolling the log to its end shows the rest.
    const log = part(element, 'log')!;
    log.scrollTop = log.scrollHeight;
    await waitUntil(() => api.unreadCount('p-lucia') === 0, 'all read once seen', { timeout: 4000 });
    await element.updateComplete;
    expect(part(element, 'unread-count')).to.equal(null);
  });

  it('5,000 messages: a window in the DOM, older history on demand, feed keyboard; fast', async () => {
    const storage = await storageWithMessages(5000);
    const kit = track(await readyKit(storage, 'lucia'));
    await kit.use(messagingFeature).ready;
    // How fast the first render and "load older" are is measured in `npm run bench` (bench/thread.bench.ts:
    // the same 5,000 messages against a bare lit-html list of the same windows), not timed here: a
    // wall-clock limit fails on a loaded machine. "Fast" here is what makes it so: one page in the DOM.
    const element = await threadFor(kit);
    expect(parts(element, 'message').length).to.equal(THREAD_PAGE_SIZE);
    const log = part(element, 'log')!;
    expect(part(element, 'feed')!.getAttribute('role')).to.equal('feed');
    expect(log.scrollTop + log.clientHeight).to.be.closeTo(log.scrollHeight, 30);
    const last = parts(element, 'message').at(-1)!;
    expect(last.getAttribute('aria-setsize')).to.equal('5000');
    expect(last.getAttribute('aria-posinset')).to.equal('5000');
    await expect(element).to.be.accessible();

    (part(element, 'load-older') as HTMLButtonElement).click();
    await element.updateComplete;
    expect(parts(element, 'message').length).to.equal(2 * THREAD_PAGE_SIZE);

    // Page Up from the first rendered message loads older ones and moves on.
    const first = parts(element, 'message')[0]!;
    first.focus();
    await sendKeys({ press: 'PageUp' });
    await waitUntil(() => parts(element, 'message').length === 3 * THREAD_PAGE_SIZE);
    await element.updateComplete;
    const focused = element.shadowRoot!.activeElement as HTMLElement;
    expect(Number(focused.getAttribute('aria-posinset'))).to.equal(Number(first.getAttribute('aria-posinset')) - 1);
  });

  it('search highlights matches, ignoring case and accents', async () => {
    const storage = await storageWithMessages(30);
    const kit = track(await readyKit(storage, 'lucia'));
    const element = await threadFor(kit);
    const search = part(element, 'search') as HTMLInputElement;
    search.focus();
    await sendKeys({ type: 'NUMBER 17' });
    await element.updateComplete;
    expect(text(part(element, 'search-status'))).to.equal('1 message match.');
    expect([...element.shadowRoot!.querySelectorAll('mark')].map((mark) => mark.textContent)).to.deep.equal(['number', '17']);
    await expect(element).to.be.accessible();
  });

  it('edits and deletes your own messages, with a confirmation; passes axe in each state', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    const api = kit.use(messagingFeature);
    await api.ready;
    await api.send({ pairingId: 'p-lucia', text: 'Frist draft' });
    const element = await threadFor(kit);
    const editButton = [...part(element, 'message')!.querySelectorAll('button')].find((button) => text(button).startsWith('Edit'))!;
    editButton.click();
    await element.updateComplete;
    const editor = element.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[data-edit]')!;
    await waitUntil(() => element.shadowRoot!.activeElement === editor);
    await expect(element).to.be.accessible();
    editor.value = 'First draft';
    const edited = oneEvent(element, 'mk-message-edit');
    [...part(element, 'message')!.querySelectorAll('button')].find((button) => text(button) === 'Save')!.click();
    await edited;
    await waitUntil(() => part(element, 'edited') !== null);
    expect(text(part(element, 'text'))).to.equal('First draft');

    [...part(element, 'message')!.querySelectorAll('button')].find((button) => text(button).startsWith('Delete'))!.click();
    await element.updateComplete;
    expect(text(part(element, 'message'))).to.contain('Delete this message?');
    await expect(element).to.be.accessible();
    const deleted = oneEvent(element, 'mk-message-delete');
    [...part(element, 'message')!.querySelectorAll('button')].find((button) => text(button) === 'Delete')!.click();
    await deleted;
    await waitUntil(() => part(element, 'deleted') !== null);
    expect(text(part(element, 'deleted'))).to.equal('Message deleted');
    await expect(element).to.be.accessible();
  });

  it('keyboard focus follows edit, cancel, delete and keep: never left on <body>', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    const api = kit.use(messagingFeature);
    await api.ready;
    await api.send({ pairingId: 'p-lucia', text: 'A note to edit' });
    const element = await threadFor(kit);
    const active = () => element.shadowRoot!.activeElement as HTMLElement | null;
    const button = (action: string) => part(element, 'message')!.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
    button('edit').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active()?.matches('textarea[data-edit]'), 'the editor takes focus');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => active() === button('edit'), 'Escape: back on Edit');
    button('delete').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active() === button('keep'), 'the question: focus on Keep');
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active() === button('delete'), 'kept: back on Delete');
    expect(text(part(element, 'text'))).to.equal('A note to edit');
  });

  it('message box: no maxlength, a counter from 80 %, an over-limit paste kept whole and marked, sending and saving an edit wait; passes axe', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    const api = kit.use(messagingFeature);
    await api.ready;
    await api.send({ pairingId: 'p-lucia', text: 'First draft' });
    const element = await threadFor(kit);
    expect(element.shadowRoot!.querySelectorAll('[maxlength]').length).to.equal(0);
    const paste = async (box: HTMLTextAreaElement, value: string) => {
      box.value = value;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
      await element.updateComplete;
    };
    const composer = element.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[name="message"]')!;
    const counter = (id: string) => element.shadowRoot!.getElementById(`${id}-counter`);
    await paste(composer, 'm'.repeat(7999));
    expect(counter('composer-text')).to.equal(null);
    await paste(composer, 'm'.repeat(8000));
    expect(text(counter('composer-text'))).to.equal('2,000 characters left');
    expect(composer.getAttribute('aria-describedby')).to.equal('composer-hint composer-text-counter');
    const long = `${HOSTILE_NAME} ${'m'.repeat(10_000)}`;
    await paste(composer, long);
    expect(composer.getAttribute('aria-invalid')).to.equal('true');
    expect(text(counter('composer-text'))).to.contain(`${long.length - 10_000} characters too many: the most is 10,000`);
    let sent = false;
    element.addEventListener('mk-message-send', () => (sent = true));
    part(element, 'send')!.click();
    await waitUntil(() => part(element, 'error') !== null, 'sending is refused');
    expect(text(part(element, 'error'))).to.contain('Shorten the fields marked');
    expect(sent).to.equal(false);
    expect(composer.value).to.equal(long, 'nothing cut');
    expect(element.shadowRoot!.activeElement).to.equal(composer);
    expect(api.$messages.get().length).to.equal(1, 'nothing sent');
    await expect(element).to.be.accessible();

    // Editing a message: the same counter and refusal.
    [...part(element, 'message')!.querySelectorAll('button')].find((button) => text(button).startsWith('Edit'))!.click();
    await element.updateComplete;
    const editor = element.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[data-edit]')!;
    await paste(editor, 'e'.repeat(10_001));
    expect(editor.getAttribute('aria-invalid')).to.equal('true');
    expect(text(counter(editor.id))).to.contain('1 character too many');
    [...part(element, 'message')!.querySelectorAll('button')].find((button) => text(button) === 'Save')!.click();
    await element.updateComplete;
    expect(editor.value).to.have.length(10_001);
    expect(api.$messages.get()[0]!.text).to.equal('First draft', 'the edit waits');
    await expect(element).to.be.accessible();

    await paste(composer, 'Short and sweet');
    const done = oneEvent(element, 'mk-message-send');
    part(element, 'send')!.click();
    await done;
    expect(composer.value).to.equal('');
  });

  it('records a voice note with the microphone, previews, sends and plays it back', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    const element = await threadFor(kit);
    (part(element, 'record') as HTMLButtonElement).click();
    await waitUntil(() => part(element, 'recording') !== null, 'recording starts (fake microphone)', { timeout: 5000 });
    await expect(element).to.be.accessible();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    (part(element, 'record') as HTMLButtonElement).click();
    await waitUntil(() => part(element, 'voice-preview') !== null, 'the recording is ready', { timeout: 5000 });
    await expect(element).to.be.accessible();
    const sent = oneEvent(element, 'mk-message-send');
    [...part(element, 'voice-preview')!.querySelectorAll('button')].find((button) => text(button) === 'Send voice note')!.click();
    expect((await sent).detail.kind).to.equal('voice');
    await waitUntil(() => part(element, 'voice')?.querySelector('audio') !== null, 'the player appears', { timeout: 5000 });
    const audio = part(element, 'voice')!.querySelector('audio')!;
    expect(audio.src).to.match(/^blob:/);
    expect(text(part(element, 'duration'))).to.match(/Duration 0:0[1-2]/);
    await expect(element).to.be.accessible();
  });

  it("mentors switch to the mentors' notes; the mentee never sees them", async () => {
    const storage = await seededStorage();
    const kenji = track(await readyKit(storage, 'kenji'));
    await kenji.use(messagingFeature).ready;
    await kenji.use(messagingFeature).send({ pairingId: 'p-lucia', text: 'Suggest the incident review', mentorsOnly: true });
    const element = await threadFor(kenji);
    const [conversation, notes] = [...part(element, 'channels')!.querySelectorAll('button')];
    expect(conversation!.getAttribute('aria-pressed')).to.equal('true');
    notes!.click();
    await element.updateComplete;
    await element.updateComplete;
    expect(text(part(element, 'heading'))).to.equal("Mentors' notes");
    expect(text(part(element, 'text'))).to.equal('Suggest the incident review');
    await expect(element).to.be.accessible();
    // Sharing the only note takes its button away: focus goes to the composer, not to <body>.
    await kenji.use(messagingFeature).send({ pairingId: 'p-lucia', text: 'Keep this one private', mentorsOnly: true });
    await waitUntil(() => parts(element, 'message').length === 2);
    const share = [...parts(element, 'message')[0]!.querySelectorAll('button')].find((candidate) => text(candidate) === 'Share with the mentee')!;
    share.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => parts(element, 'message').length === 1, 'shared');
    await waitUntil(() => element.shadowRoot!.activeElement === parts(element, 'message')[0], 'focus on the note beside it');

    const lucia = track(await readyKit(storage, 'lucia'));
    const menteeView = await threadFor(lucia);
    expect(part(menteeView, 'channels')).to.equal(null);
    // Only the note that was shared, never the one kept in the mentors' notes.
    expect(parts(menteeView, 'message').map((message) => text(message.querySelector('[part~="text"]')))).to.deep.equal(['Suggest the incident review']);
  });

  it('a closed pairing is read-only', async () => {
    const storage = await seededStorage({
      pairings: [{ id: 'p-lucia', programId: 'spring-2026', menteeId: 'lucia', mentorIds: ['kenji'], status: 'closed', kind: 'official' }],
    });
    const element = await threadFor(track(await readyKit(storage, 'lucia')));
    expect(part(element, 'composer')).to.equal(null);
    expect(text(part(element, 'base'))).to.contain('This pairing is closed; the conversation is kept but read-only.');
    await expect(element).to.be.accessible();
  });
  describe('language', () => {
    it('speaks Spanish under lang="es": heading, quiet hours, composer, recording and unread marker; passes axe', async () => {
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      await kit.use(messagingFeature).ready;
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><mk-thread .kit=${kit} pairing-id="p-lucia"></mk-thread></div>`);
      await languagesReady(wrapper);
      const element = wrapper.querySelector<MkThread>('mk-thread')!;
      await waitUntil(() => state(element) === 'empty');
      expect(text(part(element, 'heading'))).to.equal('Conversación con Kenji Watanabe y Arjun Shrestha');
      expect(text(part(element, 'empty'))).to.equal('Todavía no hay mensajes. Saluda: lo leerán cuando puedan.');
      const notice = part(element, 'quiet-hours')!;
      expect(notice.getAttribute('aria-label')).to.equal('Hora local de los destinatarios');
      expect(text(notice)).to.contain('Hora local de Kenji Watanabe: lun, 06:10 — fuera de su horario laboral. Se le avisará a su hora local: 08:00.');
      expect(text(part(element, 'send'))).to.equal('Enviar');
      expect(text(element.shadowRoot!.querySelector('label[for="composer-text"]'))).to.equal('Mensaje');
      expect(element.shadowRoot!.querySelector<HTMLInputElement>('[part~="search"]')!.placeholder).to.equal('Buscar mensajes');
      expect(text(part(element, 'record'))).to.equal('Grabar una nota de voz');
      await expect(element).to.be.accessible();

      (part(element, 'send') as HTMLButtonElement).click();
      await element.updateComplete;
      expect(text(part(element, 'error'))).to.equal('Escribe algo antes de enviar.');

      const storage = await storageWithMessages(3, { authors: ['kenji'] });
      const other = track(await readyKit(storage, 'lucia'));
      await other.use(messagingFeature).ready;
      const wrapped = await fixture<HTMLDivElement>(html`<div lang="es"><mk-thread .kit=${other} pairing-id="p-lucia"></mk-thread></div>`);
      await languagesReady(wrapped);
      const thread = wrapped.querySelector<MkThread>('mk-thread')!;
      await waitUntil(() => state(thread) === 'ready');
      expect(text(part(thread, 'unread-divider'))).to.equal('Mensajes nuevos');
      expect(part(thread, 'feed')!.getAttribute('aria-label')).to.equal('Conversación con Kenji Watanabe y Arjun Shrestha, 3 mensajes');
      await expect(thread).to.be.accessible();
    });
  });
});
