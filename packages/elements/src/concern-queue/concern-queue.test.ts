import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMentorKit, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { concernsFeature } from '@mentorkit/core/concerns';
import { FIXED_NOW, HOSTILE_NAME, failingStorage, pendingStorage, readyKit, seededStorage } from '../testing/fixtures.js';
import './define.js';
import type { MkConcernQueue } from './concern-queue.js';
import { disposeKitsAfterEach, focused, part, parts, text } from '../testing/queries.js';

const waitForState = (element: MkConcernQueue, state: string) =>
  waitUntil(() => part(element, 'base')?.dataset.state === state, `state ${state}`, { timeout: 4000 });
const LONG = `${HOSTILE_NAME} <script>alert("x")</script> ${'Averyveryverylongwordwithoutanyspacesthatcouldbreakthelayout'.repeat(10)}`;

/** Lucía raises two concerns (one about Kenji's message, pausing the pairing); Daniel one. */
async function storageWithConcerns(): Promise<StorageAdapter> {
  const storage = await seededStorage();
  await storage.put(
    'messages',
    { id: 'm-kenji', pairingId: 'p-lucia', authorId: 'kenji', kind: 'text', text: LONG, sentAt: '2026-03-29T20:00:00Z', history: [] },
    { expectedRevision: null },
  );
  const raise = async (userId: string, at: string, action: (kit: MentorKit) => Promise<unknown>) => {
    const kit = createMentorKit({ storage, user: userId, now: () => at });
    kit.use(concernsFeature);
    await kit.ready;
    await action(kit);
    await kit.dispose();
  };
  await raise('lucia', '2026-03-29T20:30:00Z', (kit) => kit.use(concernsFeature).reportMessage({ messageId: 'm-kenji', text: LONG, pause: true }));
  await raise('daniel', '2026-03-29T20:40:00Z', (kit) => kit.use(concernsFeature).raise({ pairingId: 'p-daniel', text: 'Sessions keep being cancelled.' }));
  await raise('lucia', '2026-03-29T20:50:00Z', (kit) => kit.use(concernsFeature).raise({ pairingId: 'p-lucia', text: 'A second thing.' }));
  return storage;
}

async function queueFor(kit: MentorKit | undefined, options: { lang?: string; width?: number } = {}): Promise<MkConcernQueue> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${options.lang ?? 'en-GB'} style=${options.width ? `width:${options.width}px` : ''}><mk-concern-queue .kit=${kit}></mk-concern-queue></div>`,
  );
  const element = wrapper.querySelector('mk-concern-queue')!;
  await element.updateComplete;
  return element;
}

describe('<mk-concern-queue>', () => {
  const track = disposeKitsAfterEach();

  it('loading, error and empty states pass axe', async () => {
    const loading = await queueFor(track(createMentorKit({ storage: pendingStorage(), user: 'priya' })));
    expect(text(part(loading, 'loading'))).to.equal('Loading concerns…');
    await expect(loading).to.be.accessible();
    const failing = track(createMentorKit({ storage: failingStorage(), user: 'priya' }));
    await failing.ready.catch(() => undefined);
    const error = await queueFor(failing);
    await waitForState(error, 'error');
    expect(part(error, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(error).to.be.accessible();
    const empty = await queueFor(track(await readyKit(await seededStorage(), 'priya')));
    await waitForState(empty, 'empty');
    expect(text(part(empty, 'heading'))).to.equal('Concerns');
    expect(text(part(empty, 'empty'))).to.contain("Only the programme's admins see it.");
    await expect(empty).to.be.accessible();
    const mine = await queueFor(track(await readyKit(await seededStorage(), 'lucia')));
    await waitForState(mine, 'empty');
    expect(text(part(mine, 'heading'))).to.equal('Your concerns');
  });

  it("the admin's queue: open first, reporter, pair, quote, text as text, trail; moves one to in review with a note, then closes it", async () => {
    const storage = await storageWithConcerns();
    const kit = track(await readyKit(storage, 'priya'));
    const element = await queueFor(kit, { width: 320 });
    await waitForState(element, 'list');
    expect(text(part(element, 'summary'))).to.equal('3 open · 0 in review · 0 closed');
    const items = parts(element, 'concern');
    expect(items.map((item) => text(item.querySelector('[role="heading"]')))).to.deep.equal([
      'About the pairing of Lucía Fernández with Kenji Watanabe and Arjun Shrestha',
      'About the pairing of Daniel Kim with Kenji Watanabe',
      'A message from Kenji Watanabe, in the pairing of Lucía Fernández with Kenji Watanabe and Arjun Shrestha',
    ]);
    const reported = items[2]!;
    expect(text(reported)).to.contain('Raised by Lucía Fernández');
    expect(text(reported.querySelector('[part~="pause"]'))).to.equal('Pairing paused');
    expect(reported.querySelector('[part~="quote"] blockquote')!.textContent).to.equal(LONG);
    expect(reported.querySelector('[part~="text"]')!.textContent).to.equal(LONG);
    expect(reported.querySelector('img, script')).to.equal(null);
    expect([...reported.querySelectorAll('[part~="trail"] li')].map((item) => item.getAttribute('data-action'))).to.deep.equal(['raised', 'paused']);
    const limit = element.getBoundingClientRect().right + 1;
    const problems: string[] = [];
    for (const node of [element, ...element.shadowRoot!.querySelectorAll<HTMLElement>('*')]) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || node.closest('.visually-hidden') || node.closest('details:not([open])') || ['style', 'option'].includes(node.localName))
        continue;
      const rect = node.getBoundingClientRect();
      if (rect.width > 0 && rect.right > limit) problems.push(`${node.localName}[part=${node.getAttribute('part')}] ends at ${Math.round(rect.right)}`);
    }
    expect(problems).to.deep.equal([]);
    await expect(element).to.be.accessible();

    // Saving with nothing chosen says so, as text, focused.
    const form = reported.querySelector('form')!;
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => reported.querySelector('[part~="item-error"]') !== null, 'the nothing-to-save message');
    expect(text(reported.querySelector('[part~="item-error"]'))).to.equal('Choose another status or write a note.');
    expect(focused()).to.equal(reported.querySelector('[part~="item-error"]'));
    await expect(element).to.be.accessible();

    // The keyboard path: the status select, then the note, then Save.
    const select = form.querySelector('select')!;
    select.focus();
    select.value = 'in-review';
    select.dispatchEvent(new Event('change'));
    await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('name')).to.equal('note');
    await sendKeys({ type: 'Calling Lucía tomorrow.' });
    await sendKeys({ press: 'Tab' });
    const changed = oneEvent(element, 'mk-concern-change');
    await sendKeys({ press: 'Enter' });
    expect((await changed).detail).to.deep.equal({ concernId: reported.dataset.concernId, change: 'status', status: 'in-review' });
    await waitUntil(() => text(part(element, 'announcement')) === 'Moved to In review.', 'the announcement');
    expect(focused()?.getAttribute('part')).to.equal('announcement');
    expect(text(part(element, 'summary'))).to.equal('2 open · 1 in review · 0 closed');
    const moved = parts(element, 'concern').find((item) => item.dataset.concernId === reported.dataset.concernId)!;
    expect(moved.dataset.status).to.equal('in-review');
    expect(parts(element, 'concern').at(-1)).to.equal(moved, 'after the open ones');
    expect(text(moved.querySelector('[part~="trail"] li:last-child'))).to.contain('Priya Raman moved it to In review.');
    expect(text(moved.querySelector('[part~="trail"] li:last-child'))).to.contain('Calling Lucía tomorrow.');
    await expect(element).to.be.accessible();

    const closeSelect = moved.querySelector('select')!;
    closeSelect.value = 'closed';
    closeSelect.dispatchEvent(new Event('change'));
    moved.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => text(part(element, 'summary')) === '2 open · 0 in review · 1 closed', 'closed');
    const stored = await storage.get('concerns', reported.dataset.concernId!);
    expect((stored!.history as Array<{ action: string; status?: string }>).map((entry) => entry.status ?? entry.action)).to.deep.equal([
      'raised',
      'paused',
      'in-review',
      'closed',
    ]);
  });

  it('the reporter sees only her own concerns, adds a note, and cannot change the status; her mentor sees nothing', async () => {
    const storage = await storageWithConcerns();
    const element = await queueFor(track(await readyKit(storage, 'lucia')));
    await waitForState(element, 'list');
    expect(parts(element, 'concern')).to.have.length(2);
    expect(element.shadowRoot!.querySelector('select')).to.equal(null);
    expect(text(parts(element, 'concern')[0])).to.contain('Raised by you');
    const first = parts(element, 'concern')[0]!;
    const textarea = first.querySelector('textarea')!;
    textarea.value = 'It happened again today.';
    textarea.dispatchEvent(new Event('input'));
    first.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => text(part(element, 'announcement')) === 'Note added.', 'the note');
    await expect(element).to.be.accessible();
    const mentor = await queueFor(track(await readyKit(storage, 'kenji')));
    await waitForState(mentor, 'empty');
  });

  it('Spanish', async () => {
    const element = await queueFor(track(await readyKit(await storageWithConcerns(), 'priya', FIXED_NOW)), { lang: 'es' });
    await waitForState(element, 'list');
    await element.updateComplete;
    expect(text(part(element, 'heading'))).to.equal('Preocupaciones');
    expect(text(part(element, 'summary'))).to.equal('3 abiertas · 0 en revisión · 0 cerradas');
    expect(text(part(element, 'status'))).to.equal('Abierta');
    await expect(element).to.be.accessible();
  });
});
