// The page the thread bench loads (bench/thread.bench.ts, opened by bench/browser.ts): a 5,000-message
// conversation (the elements tests' seeded programme, pairing p-lucia); <mk-thread> on it, and a bare
// lit-html list of the same window of messages (the last page, then two pages after "load older").
import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MentorKit, Message } from '@mentorkit/core';
import { messagingFeature } from '@mentorkit/core/messaging';
import '@mentorkit/elements/thread/define.js';
import type { MkThread } from '@mentorkit/elements';
import { readyKit, seededStorage } from '../../packages/elements/src/testing/fixtures.js';
import { THREAD_PAGE_SIZE } from '../../packages/elements/src/thread/thread.js';
import { layout, settle, stage } from './support.js';

let kit: MentorKit;
let total = 0;

async function setup(count: number): Promise<number> {
  const storage = await seededStorage();
  for (let index = 0; index < count; index++)
    await storage.put('messages', {
      id: `m${String(index).padStart(5, '0')}`,
      pairingId: 'p-lucia',
      authorId: index % 2 ? 'kenji' : 'lucia',
      kind: 'text',
      text: `Message number ${index}`,
      mentorsOnly: false,
      history: [],
      sentAt: new Date(Date.UTC(2026, 2, 1) + index * 60_000).toISOString(),
    });
  kit = await readyKit(storage, 'lucia');
  await kit.use(messagingFeature).ready;
  total = kit.use(messagingFeature).messages('p-lucia').get().length;
  return total;
}

const rendered = (root: ParentNode) => root.querySelectorAll('[part~="message"], article[data-message-id]').length;

/** Ours: a fresh <mk-thread> on the loaded kit until its first render is laid out; then "load older". */
async function renderOurs(): Promise<{ first: number; older: number; firstRows: number; olderRows: number }> {
  stage().replaceChildren();
  await settle();
  let started = performance.now();
  const thread = document.createElement('mk-thread') as MkThread;
  thread.kit = kit;
  thread.setAttribute('pairing-id', 'p-lucia');
  thread.locale = 'en-GB';
  stage().append(thread);
  await thread.updateComplete;
  await thread.updateComplete;
  layout();
  const first = performance.now() - started;
  const firstRows = rendered(thread.shadowRoot!);
  await settle();
  started = performance.now();
  thread.shadowRoot!.querySelector<HTMLButtonElement>('[part~="load-older"]')!.click();
  await thread.updateComplete;
  layout();
  const older = performance.now() - started;
  const olderRows = rendered(thread.shadowRoot!);
  stage().replaceChildren();
  return { first, older, firstRows, olderRows };
}

const bareTemplate = (messages: readonly Message[]) => html`<div style="overflow-y: auto; max-block-size: 30rem"><div role="feed">
  ${repeat(
    messages,
    (message) => message.id,
    (message, index) => html`<article data-message-id=${message.id} aria-posinset=${total - messages.length + index + 1} aria-setsize=${total} tabindex="-1">
      <p><span>${kit.$people.get()[message.authorId]?.displayName ?? message.authorId}</span> <time datetime=${message.sentAt ?? ''}>${new Date(message.sentAt ?? 0).toLocaleString('en-GB')}</time></p>
      <p>${message.text}</p>
    </article>`,
  )}
</div></div>`;

/** The reference: the same windows of the same message list, as a bare lit-html list. */
async function renderBare(): Promise<{ first: number; older: number; firstRows: number; olderRows: number }> {
  stage().replaceChildren();
  await settle();
  let started = performance.now();
  const host = document.createElement('div');
  stage().append(host);
  const all = kit.use(messagingFeature).messages('p-lucia').get();
  render(bareTemplate(all.slice(-THREAD_PAGE_SIZE)), host);
  layout();
  const first = performance.now() - started;
  const firstRows = rendered(host);
  await settle();
  started = performance.now();
  render(
    bareTemplate(
      kit
        .use(messagingFeature)
        .messages('p-lucia')
        .get()
        .slice(-2 * THREAD_PAGE_SIZE),
    ),
    host,
  );
  layout();
  const older = performance.now() - started;
  const olderRows = rendered(host);
  stage().replaceChildren();
  return { first, older, firstRows, olderRows };
}

Object.assign(globalThis, { threadBench: { setup, renderOurs, renderBare, pageSize: () => THREAD_PAGE_SIZE } });
