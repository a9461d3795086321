import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMentorKit, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { HOSTILE_NAME, failingStorage, pendingStorage, readyKit, seededStorage } from '../testing/fixtures.js';
import './define.js';
import type { MkRaiseConcern } from './raise-concern.js';
import { disposeKitsAfterEach, focused, part, text } from '../testing/queries.js';

const waitForState = (element: MkRaiseConcern, state: string) =>
  waitUntil(() => part(element, 'base')?.dataset.state === state, `state ${state}`, { timeout: 4000 });
const HOSTILE_TEXT = `${HOSTILE_NAME} <script>alert("x")</script> ${'Averyveryverylongwordwithoutanyspacesthatcouldbreakthelayout'.repeat(8)}`;

async function storageWithMessages(): Promise<StorageAdapter> {
  const storage = await seededStorage();
  await storage.put(
    'messages',
    { id: 'm-kenji', pairingId: 'p-lucia', authorId: 'kenji', kind: 'text', text: HOSTILE_TEXT, sentAt: '2026-03-29T20:00:00Z', history: [] },
    { expectedRevision: null },
  );
  await storage.put(
    'messages',
    { id: 'm-lucia', pairingId: 'p-lucia', authorId: 'lucia', kind: 'text', text: 'My own message', sentAt: '2026-03-29T20:05:00Z', history: [] },
    { expectedRevision: null },
  );
  return storage;
}

async function formFor(
  kit: MentorKit | undefined,
  attributes: { pairingId?: string; messageId?: string; lang?: string; width?: number } = {},
): Promise<MkRaiseConcern> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${attributes.lang ?? 'en-GB'} style=${attributes.width ? `width:${attributes.width}px` : ''}><mk-raise-concern .kit=${kit} pairing-id=${attributes.pairingId ?? ''} message-id=${attributes.messageId ?? ''}></mk-raise-concern></div>`,
  );
  const element = wrapper.querySelector('mk-raise-concern')!;
  if (!attributes.pairingId) element.removeAttribute('pairing-id');
  if (!attributes.messageId) element.removeAttribute('message-id');
  await element.updateComplete;
  return element;
}

const typeText = async (element: MkRaiseConcern, value: string) => {
  const textarea = element.shadowRoot!.querySelector('textarea')!;
  textarea.value = value;
  textarea.dispatchEvent(new Event('input'));
  await element.updateComplete;
};

describe('<mk-raise-concern>', () => {
  const track = disposeKitsAfterEach();

  it('loading, error and no-pairing states pass axe', async () => {
    const loading = await formFor(track(createMentorKit({ storage: pendingStorage(), user: 'lucia' })));
    expect(text(part(loading, 'loading'))).to.equal('Loading…');
    await expect(loading).to.be.accessible();
    const failing = track(createMentorKit({ storage: failingStorage(), user: 'lucia' }));
    await failing.ready.catch(() => undefined);
    const error = await formFor(failing);
    expect(part(error, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(error).to.be.accessible();
    const admin = await formFor(track(await readyKit(await seededStorage(), 'priya')));
    await waitForState(admin, 'no-pairing');
    expect(text(part(admin, 'empty'))).to.contain('You are not in a pairing');
    await expect(admin).to.be.accessible();
  });

  it('the form says who will see it and what pausing does; empty text is refused as text; sending pauses and confirms', async () => {
    const storage = await seededStorage();
    const kit = track(await readyKit(storage, 'lucia'));
    const element = await formFor(kit, { pairingId: 'p-lucia' });
    await waitForState(element, 'form');
    expect(text(part(element, 'who'))).to.contain("Only the programme's admins. Kenji Watanabe and Arjun Shrestha will not see it");
    expect(text(part(element, 'pause'))).to.contain('Pause our pairing now');
    expect(text(part(element, 'pause'))).to.contain('Everyone in the pairing sees that it is paused, but not why.');
    await expect(element).to.be.accessible();

    part(element, 'submit')!.click();
    await waitUntil(() => element.shadowRoot!.querySelector('#text-error') !== null, 'the empty-text error');
    const textarea = element.shadowRoot!.querySelector('textarea')!;
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(textarea.getAttribute('aria-describedby')).to.contain('text-error');
    expect(focused()).to.equal(textarea);
    await expect(element).to.be.accessible();
    expect(await storage.query('concerns')).to.deep.equal([]);

    // The keyboard path: type, Tab to the pause box, Space, Tab to send, Enter.
    await sendKeys({ type: 'He keeps asking about my private life.' });
    await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('name')).to.equal('pause');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('part')).to.equal('submit');
    const raised = oneEvent(element, 'mk-concern-raise');
    await sendKeys({ press: 'Enter' });
    const { detail } = await raised;
    expect(detail.pause).to.equal('paused');
    expect(detail.about).to.equal('pairing');
    await waitForState(element, 'done');
    expect(focused()?.getAttribute('part')).to.equal('done');
    expect(text(part(element, 'done'))).to.contain("Your concern was sent to the programme's admins.");
    expect(text(part(element, 'done'))).to.contain('Your pairing is paused now.');
    expect(kit.pairings.get('p-lucia').status).to.equal('paused');
    const stored = await storage.query('concerns');
    expect(stored.map((concern) => [concern.text, concern.pauseRequested, concern.reporterId])).to.deep.equal([
      ['He keeps asking about my private life.', true, 'lucia'],
    ]);
    await expect(element).to.be.accessible();

    part(element, 'another')!.click();
    await waitForState(element, 'form');
    expect(text(part(element, 'pause'))).to.contain('Your pairing is already paused.');
  });

  it('reports a message: quotes it (hostile text stays text), and a closed pairing cannot be paused', async () => {
    const storage = await storageWithMessages();
    const kit = track(await readyKit(storage, 'lucia'));
    const element = await formFor(kit, { messageId: 'm-kenji', width: 320 });
    await waitForState(element, 'form');
    await waitUntil(() => part(element, 'quote') !== null, 'the quote');
    const quote = part(element, 'quote')!;
    expect(text(quote)).to.contain('Kenji Watanabe wrote');
    expect(quote.querySelector('blockquote')!.textContent).to.contain(HOSTILE_NAME);
    expect(quote.querySelector('img, script')).to.equal(null);
    await typeText(element, HOSTILE_TEXT);
    const limit = element.getBoundingClientRect().right + 1;
    const problems: string[] = [];
    for (const node of [element, ...element.shadowRoot!.querySelectorAll<HTMLElement>('*')]) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || ['style', 'input'].includes(node.localName)) continue;
      const rect = node.getBoundingClientRect();
      if (rect.width > 0 && rect.right > limit) problems.push(`${node.localName}[part=${node.getAttribute('part')}] ends at ${Math.round(rect.right)}`);
    }
    expect(problems).to.deep.equal([]);
    await expect(element).to.be.accessible();
    const raised = oneEvent(element, 'mk-concern-raise');
    part(element, 'submit')!.click();
    expect((await raised).detail.about).to.equal('message');
    const [concern] = await storage.query('concerns');
    expect((concern!.quote as { text: string }).text).to.equal(HOSTILE_TEXT);

    // Her own message cannot be reported: the form is about the pairing.
    const own = await formFor(kit, { messageId: 'm-lucia' });
    await waitForState(own, 'form');
    expect(part(own, 'quote')).to.equal(null);

    const closedStorage = await seededStorage({
      pairings: [
        {
          id: 'p-old',
          programId: 'spring-2026',
          menteeId: 'lucia',
          mentorIds: ['kenji'],
          status: 'closed',
          kind: 'official',
          startedOn: '2025-09-01',
          endedOn: '2026-01-31',
        },
      ],
    });
    const late = await formFor(track(await readyKit(closedStorage, 'lucia')));
    await waitForState(late, 'form');
    expect(text(part(late, 'about'))).to.contain('(ended)');
    expect(text(part(late, 'pause'))).to.contain('This pairing has ended');
    expect(late.shadowRoot!.querySelector('input[name="pause"]')).to.equal(null);
    await typeText(late, 'It ended, but you should know.');
    part(late, 'submit')!.click();
    await waitForState(late, 'done');
    expect(part(late, 'done')!.dataset.tone).to.equal('success');
  });

  it('errors from core are shown as text, and a text over the limit cannot be sent', async () => {
    const storage = await seededStorage();
    const kit = track(await readyKit(storage, 'lucia'));
    const element = await formFor(kit, { pairingId: 'p-lucia' });
    await waitForState(element, 'form');
    await typeText(element, 'x'.repeat(4001));
    expect(part(element, 'counter')!.dataset.state).to.equal('over');
    expect((part(element, 'submit') as HTMLButtonElement).disabled).to.equal(true);
    await expect(element).to.be.accessible();
    // Storage refuses the write: the error is shown, focused, and nothing is confirmed.
    await typeText(element, 'Something happened.');
    storage.put = async () => {
      throw new Error('The storage service is unreachable (HTTP 503).');
    };
    part(element, 'submit')!.click();
    await waitUntil(() => part(element, 'error') !== null, 'the error');
    expect(text(part(element, 'error'))).to.contain('Your concern was not sent.');
    expect(focused()?.getAttribute('part')).to.equal('error');
    expect(part(element, 'base')!.dataset.state).to.equal('form');
    await expect(element).to.be.accessible();
  });

  it('Spanish', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    const element = await formFor(kit, { pairingId: 'p-lucia', lang: 'es' });
    await waitForState(element, 'form');
    await element.updateComplete;
    expect(text(part(element, 'heading'))).to.equal('Comunicar una preocupación');
    expect(text(part(element, 'who'))).to.contain('Solo quienes administran el programa.');
    expect(text(part(element, 'submit'))).to.equal('Enviar a la administración');
    await expect(element).to.be.accessible();
  });
});
