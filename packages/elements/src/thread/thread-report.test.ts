// The "Report" action of <mk-thread> (issue 18): on messages from someone else only, it opens
// <mk-raise-concern> about that message in a modal dialog (ARIA APG dialog: focus moves in, Escape
// closes, focus returns to the button), and the concern quotes the message for the admins.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MentorKit, StorageAdapter } from '@mentorkit/core';
import { messagingFeature } from '@mentorkit/core/messaging';
import { HOSTILE_NAME, readyKit, seededStorage } from '../testing/fixtures.js';
import './define.js';
import type { MkThread } from './thread.js';
import { focused, part, text } from '../testing/queries.js';

async function storageWithMessages(): Promise<StorageAdapter> {
  const storage = await seededStorage();
  await storage.put('messages', {
    id: 'm-kenji',
    pairingId: 'p-lucia',
    authorId: 'kenji',
    kind: 'text',
    text: `Keep this between us ${HOSTILE_NAME}`,
    mentorsOnly: false,
    history: [],
    sentAt: '2026-03-29T20:00:00Z',
  });
  await storage.put('messages', {
    id: 'm-lucia',
    pairingId: 'p-lucia',
    authorId: 'lucia',
    kind: 'text',
    text: 'OK…',
    mentorsOnly: false,
    history: [],
    sentAt: '2026-03-29T20:05:00Z',
  });
  return storage;
}

async function threadFor(kit: MentorKit, width?: number): Promise<MkThread> {
  const wrapper = await fixture<HTMLElement>(
    html`<div style=${width ? `width:${width}px` : ''}><mk-thread .kit=${kit} pairing-id="p-lucia" locale="en-GB"></mk-thread></div>`,
  );
  const element = wrapper.querySelector('mk-thread')!;
  await kit.use(messagingFeature).ready;
  await element.updateComplete;
  await waitUntil(() => part(element, 'base')?.dataset.state === 'ready', 'the thread');
  return element;
}

describe('<mk-thread>: report a message', () => {
  const kits: MentorKit[] = [];
  afterEach(async () => {
    await Promise.all(kits.splice(0).map((kit) => kit.dispose()));
  });

  it('a Report button on messages from someone else only; the dialog reports the message and focus returns to the button', async () => {
    const storage = await storageWithMessages();
    const kit = await readyKit(storage, 'lucia');
    kits.push(kit);
    const element = await threadFor(kit, 320);
    const article = (id: string) => element.shadowRoot!.querySelector<HTMLElement>(`article[data-message-id="${id}"]`)!;
    expect(article('m-lucia').querySelector('[data-action="report"]')).to.equal(null, 'not on her own message');
    const button = article('m-kenji').querySelector<HTMLButtonElement>('[data-action="report"]')!;
    expect(text(button)).to.equal('Report the message from Kenji Watanabe at 21:00');
    expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
    await expect(element).to.be.accessible();

    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(element, 'report-dialog') !== null && (part(element, 'report-dialog') as HTMLDialogElement).open, 'the dialog');
    const dialog = part(element, 'report-dialog') as HTMLDialogElement;
    expect(dialog.getAttribute('aria-label')).to.equal('Report a message');
    const form = dialog.querySelector('mk-raise-concern')!;
    await waitUntil(() => part(form, 'quote') !== null, 'the quoted message');
    expect(part(form, 'quote')!.querySelector('blockquote')!.textContent).to.equal(`Keep this between us ${HOSTILE_NAME}`);
    expect(dialog.contains(focused()) || form.shadowRoot!.contains(focused()), 'focus is inside the dialog').to.equal(true);
    await expect(element).to.be.accessible();

    // Escape closes it, and focus is back on the Report button.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => part(element, 'report-dialog') === null, 'the dialog closed');
    await waitUntil(() => focused() === article('m-kenji').querySelector('[data-action="report"]'), 'focus back on Report');

    // Again, and send it this time.
    article('m-kenji').querySelector<HTMLButtonElement>('[data-action="report"]')!.click();
    await waitUntil(() => (part(element, 'report-dialog') as HTMLDialogElement | null)?.open === true, 'the dialog again');
    const again = part(element, 'report-dialog')!.querySelector('mk-raise-concern')!;
    await waitUntil(() => part(again, 'form') !== null, 'the form');
    const textarea = again.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'This made me uncomfortable.';
    textarea.dispatchEvent(new Event('input'));
    await again.updateComplete;
    part(again, 'submit')!.click();
    await waitUntil(() => part(again, 'done') !== null, 'sent');
    const [concern] = await storage.query('concerns');
    expect(concern!.about).to.equal('message');
    expect(concern!.messageId).to.equal('m-kenji');
    // The close button closes it too.
    part(element, 'report-dialog')!.querySelector<HTMLButtonElement>('.report-dialog-header button')!.click();
    await waitUntil(() => part(element, 'report-dialog') === null, 'closed');
    await waitUntil(() => focused() === article('m-kenji').querySelector('[data-action="report"]'), 'focus back on Report');
  });

  it('Spanish', async () => {
    const kit = await readyKit(await storageWithMessages(), 'lucia');
    kits.push(kit);
    const wrapper = await fixture<HTMLElement>(html`<div lang="es"><mk-thread .kit=${kit} pairing-id="p-lucia"></mk-thread></div>`);
    const element = wrapper.querySelector('mk-thread')!;
    await kit.use(messagingFeature).ready;
    await waitUntil(() => part(element, 'base')?.dataset.state === 'ready', 'the thread');
    await element.updateComplete;
    const button = element.shadowRoot!.querySelector<HTMLButtonElement>('article[data-message-id="m-kenji"] [data-action="report"]')!;
    expect(text(button)).to.contain('Comunicar el mensaje de Kenji Watanabe');
  });
});
