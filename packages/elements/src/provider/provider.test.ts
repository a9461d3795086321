import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import {
  Collections,
  MentorKitError,
  PairingInputSchema,
  PersonInputSchema,
  ProgramInputSchema,
  createMemoryStorage,
  createMentorKit,
  isMentorKitError,
  parseOrThrow,
  type MentorKit,
  type StorageWriteFailure,
} from '@mentorkit/core';
import { goalsFeature } from '@mentorkit/core/goals';
import { localesLoaded } from '../internal/localize.js';
import { MkElement } from '../internal/mk-element.js';
import { FIXED_NOW, failingStorage, pairings, people, program, readyKit, seededStorage } from '../testing/fixtures.js';
import '../pairing-card/define.js';
import './define.js';
import type { MkErrorDetail } from './provider.js';
import { MkProvider } from './provider.js';
import { providerMessages } from './provider.messages.js';
import { providerMessagesEs } from './provider.messages.es.js';
import { refusingStorage, type RefusingStorage } from './refusing-storage.js';
import { failedWriteText } from './failed-writes.js';

/** A widget that shows which client it received. */
class KitProbe extends MkElement {
  get usedKit(): MentorKit | undefined {
    return this.currentKit;
  }
}
customElements.define('mk-test-provider-probe', KitProbe);

const probeIn = (provider: MkProvider) => provider.querySelector<KitProbe>('mk-test-provider-probe')!;
const isDisposed = async (kit: MentorKit) =>
  kit.refresh().then(
    () => false,
    (error: unknown) => isMentorKitError(error) && /disposed/.test(error.message),
  );

/** A promise of the next event detail, for listeners bound in the template (before the element connects). */
function nextDetail<TDetail>(): { promise: Promise<TDetail>; listener: (event: CustomEvent<TDetail>) => void } {
  let resolve!: (detail: TDetail) => void;
  const promise = new Promise<TDetail>((settle) => (resolve = settle));
  return { promise, listener: (event) => resolve(event.detail) };
}

/** Captures console.error while a test runs (the provider reports errors there). */
function captureConsoleErrors(): { messages: string[]; restore(): void } {
  const original = console.error;
  const messages: string[] = [];
  console.error = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return { messages, restore: () => (console.error = original) };
}

describe('<mk-provider>', () => {
  const kits: MentorKit[] = [];
  let consoleErrors: ReturnType<typeof captureConsoleErrors>;
  beforeEach(() => {
    consoleErrors = captureConsoleErrors();
  });
  afterEach(async () => {
    consoleErrors.restore();
    await Promise.all(kits.splice(0).map((kit) => kit.dispose()));
  });

  describe('built from attributes', () => {
    it('builds a client on memory storage for user-id, provides it and fires mk-ready', async () => {
      const events: MentorKit[] = [];
      const provider = await fixture<MkProvider>(
        html`<mk-provider user-id="lucia" storage="memory" @mk-ready=${(event: CustomEvent<{ kit: MentorKit }>) => events.push(event.detail.kit)}><mk-test-provider-probe></mk-test-provider-probe></mk-provider>`,
      );
      await waitUntil(() => events.length === 1, 'mk-ready should fire');
      const kit = provider.currentKit!;
      expect(events[0]).to.equal(kit);
      expect(kit.user.id).to.equal('lucia');
      expect(kit.storage.name).to.equal('memory');
      expect(kit.$status.get()).to.equal('ready');
      expect(probeIn(provider).usedKit).to.equal(kit);
      expect(provider.error).to.equal(undefined);
      expect(consoleErrors.messages).to.deep.equal([]);
    });

    it('builds on IndexedDB (storage="indexeddb", database-name), which keeps the data for the next client', async () => {
      const databaseName = `mk-provider-test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const firstReady = nextDetail<{ kit: MentorKit }>();
      const first = await fixture<MkProvider>(
        html`<mk-provider user-id="lucia" storage="indexeddb" database-name=${databaseName} @mk-ready=${firstReady.listener}><mk-pairing-card locale="en-GB"></mk-pairing-card></mk-provider>`,
      );
      const detail = await firstReady.promise;
      expect(detail.kit.storage.name).to.equal('indexeddb');
      // Seed the programme the way a host's sync would, then let the client re-read.
      const put = (collection: string, record: { id: string }) =>
        detail.kit.storage.put(collection, { ...record, createdAt: '2026-02-01T09:00:00Z' }, { expectedRevision: null });
      for (const person of people) await put(Collections.people, parseOrThrow(PersonInputSchema, person));
      await put(Collections.programs, parseOrThrow(ProgramInputSchema, program));
      for (const pairing of pairings) await put(Collections.pairings, parseOrThrow(PairingInputSchema, pairing));
      await detail.kit.refresh();
      const card = first.querySelector('mk-pairing-card')!;
      await waitUntil(() => card.shadowRoot!.querySelectorAll('[part~="pairing"]').length === 1, "the card should show Lucía's pairing");
      first.remove();
      await aTimeout(0);
      expect(await isDisposed(detail.kit), 'the provider disposes the client it built').to.equal(true);

      const secondReady = nextDetail<{ kit: MentorKit }>();
      const second = await fixture<MkProvider>(
        html`<mk-provider user-id="kenji" database-name=${databaseName} @mk-ready=${secondReady.listener}><mk-pairing-card locale="en-GB"></mk-pairing-card></mk-provider>`,
      );
      await secondReady.promise;
      expect(second.storage, 'indexeddb is the default').to.equal('indexeddb');
      const secondCard = second.querySelector('mk-pairing-card')!;
      await waitUntil(() => secondCard.shadowRoot!.querySelectorAll('[part~="pairing"]').length === 3, 'Kenji sees his three pairings from IndexedDB');
      await expect(second).to.be.accessible();
      second.remove();
      await aTimeout(0);
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(databaseName);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      });
    });

    it('a bare provider waits quietly for .kit: no error, no client, widgets loading', async () => {
      const errors: MkErrorDetail[] = [];
      const provider = await fixture<MkProvider>(
        html`<mk-provider @mk-error=${(event: CustomEvent<MkErrorDetail>) => errors.push(event.detail)}><mk-test-provider-probe></mk-test-provider-probe></mk-provider>`,
      );
      await provider.updateComplete;
      expect(errors).to.have.length(0);
      expect(consoleErrors.messages).to.have.length(0);
      expect(provider.currentKit).to.equal(undefined);
      expect(provider.error).to.equal(undefined);
      const kit = createMentorKit({ storage: createMemoryStorage(), user: 'lucia' });
      provider.kit = kit;
      await provider.updateComplete;
      expect(provider.currentKit).to.equal(kit);
      expect(probeIn(provider).usedKit).to.equal(kit);
    });

    it('reports a missing user-id on the console and with mk-error, then builds once it is set', async () => {
      const errors: MkErrorDetail[] = [];
      const provider = await fixture<MkProvider>(
        html`<mk-provider storage="memory" @mk-error=${(event: CustomEvent<MkErrorDetail>) => errors.push(event.detail)}><mk-test-provider-probe></mk-test-provider-probe></mk-provider>`,
      );
      expect(errors).to.have.length(1);
      expect(errors[0]!.error.code).to.equal('invalid-input');
      expect(errors[0]!.error.path).to.equal('user-id');
      expect(errors[0]!.error.message).to.contain('needs a `user-id` attribute');
      expect(provider.error).to.equal(errors[0]!.error);
      expect(consoleErrors.messages).to.have.length(1);
      expect(consoleErrors.messages[0]).to.contain('<mk-provider>: <mk-provider> needs a `user-id` attribute');
      expect(provider.currentKit).to.equal(undefined);
      expect(probeIn(provider).usedKit).to.equal(undefined);

      // Re-rendering with the same configuration does not report again.
      provider.requestUpdate();
      await provider.updateComplete;
      expect(errors).to.have.length(1);

      provider.setAttribute('user-id', 'daniel');
      await oneEvent(provider, 'mk-ready');
      expect(provider.currentKit!.user.id).to.equal('daniel');
      expect(probeIn(provider).usedKit).to.equal(provider.currentKit);
      expect(provider.error).to.equal(undefined);
    });

    it('refuses an unknown storage with mk-error', async () => {
      const provider = await fixture<MkProvider>(html`<mk-provider user-id="lucia" storage="localstorage"></mk-provider>`);
      expect(provider.error?.code).to.equal('invalid-input');
      expect(provider.error?.path).to.equal('storage');
      expect(provider.error?.message).to.contain('"indexeddb"');
      expect(provider.currentKit).to.equal(undefined);
      expect(consoleErrors.messages).to.have.length(1);
    });

    it('builds a new client when user-id changes and disposes the old one', async () => {
      const ready = nextDetail<{ kit: MentorKit }>();
      const provider = await fixture<MkProvider>(
        html`<mk-provider user-id="lucia" storage="memory" @mk-ready=${ready.listener}><mk-test-provider-probe></mk-test-provider-probe></mk-provider>`,
      );
      const before = (await ready.promise).kit;
      provider.userId = 'kenji';
      const { detail } = await oneEvent(provider, 'mk-ready');
      expect(detail.kit).to.not.equal(before);
      expect(detail.kit.user.id).to.equal('kenji');
      expect(probeIn(provider).usedKit).to.equal(detail.kit);
      expect(await isDisposed(before)).to.equal(true);
      expect(await isDisposed(detail.kit)).to.equal(false);
    });

    it('disposes the client it built when removed, but keeps it when only moved', async () => {
      const ready = nextDetail<{ kit: MentorKit }>();
      const wrapper = await fixture<HTMLElement>(
        html`<div><mk-provider user-id="lucia" storage="memory" @mk-ready=${ready.listener}></mk-provider><section></section></div>`,
      );
      const provider = wrapper.querySelector('mk-provider')!;
      await ready.promise;
      const kit = provider.currentKit!;
      wrapper.querySelector('section')!.append(provider);
      await aTimeout(0);
      expect(provider.currentKit).to.equal(kit);
      expect(await isDisposed(kit)).to.equal(false);
      provider.remove();
      await aTimeout(0);
      expect(provider.currentKit).to.equal(undefined);
      expect(await isDisposed(kit)).to.equal(true);
    });
  });

  describe('with a .kit from the host', () => {
    it('provides that client, fires mk-ready, and never disposes it', async () => {
      const kit = await readyKit(await seededStorage(), 'lucia');
      kits.push(kit);
      const ready = nextDetail<{ kit: MentorKit }>();
      const provider = await fixture<MkProvider>(
        html`<mk-provider .kit=${kit} user-id="ignored" @mk-ready=${ready.listener}><mk-test-provider-probe></mk-test-provider-probe></mk-provider>`,
      );
      const detail = await ready.promise;
      expect(detail.kit).to.equal(kit);
      expect(provider.currentKit).to.equal(kit);
      expect(probeIn(provider).usedKit).to.equal(kit);
      provider.remove();
      await aTimeout(0);
      expect(await isDisposed(kit)).to.equal(false);
    });

    it('switches from the attributes to .kit and back', async () => {
      const kit = await readyKit(await seededStorage(), 'kenji');
      kits.push(kit);
      const ready = nextDetail<{ kit: MentorKit }>();
      const provider = await fixture<MkProvider>(
        html`<mk-provider user-id="lucia" storage="memory" @mk-ready=${ready.listener}><mk-test-provider-probe></mk-test-provider-probe></mk-provider>`,
      );
      const built = (await ready.promise).kit;
      provider.kit = kit;
      await provider.updateComplete;
      expect(probeIn(provider).usedKit).to.equal(kit);
      expect(await isDisposed(built), 'the built client is disposed once the host supplies its own').to.equal(true);
      provider.kit = undefined;
      const { detail } = await oneEvent(provider, 'mk-ready');
      expect(detail.kit.user.id).to.equal('lucia');
      expect(probeIn(provider).usedKit).to.equal(detail.kit);
    });

    it('fires mk-error when that client fails to load, and its widgets show the error', async () => {
      const kit = createMentorKit({ storage: failingStorage('Backend said 503.'), user: 'lucia' });
      kits.push(kit);
      const failed = nextDetail<MkErrorDetail>();
      const provider = await fixture<MkProvider>(html`<mk-provider .kit=${kit} @mk-error=${failed.listener}><mk-pairing-card></mk-pairing-card></mk-provider>`);
      const detail = await failed.promise;
      expect(detail.error.code).to.equal('storage-error');
      expect(detail.error.message).to.contain('Backend said 503.');
      const card = provider.querySelector('mk-pairing-card')!;
      await card.updateComplete;
      expect(card.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('Backend said 503.');
      await expect(provider).to.be.accessible();
    });
  });

  it('events bubble and cross shadow roots', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const provider = document.createElement('mk-provider');
    provider.setAttribute('storage', 'memory');
    const received = oneEvent(document, 'mk-error');
    root.append(provider);
    const event = await received;
    expect(event.target).to.equal(host);
    expect(event.composed).to.equal(true);
    expect(event.detail.error.path).to.equal('user-id');
  });

  it('renders its children only: no box, no text of its own, and passes axe', async () => {
    const ready = nextDetail<{ kit: MentorKit }>();
    const provider = await fixture<MkProvider>(
      html`<mk-provider user-id="lucia" storage="memory" @mk-ready=${ready.listener}><p>Host content</p></mk-provider>`,
    );
    await ready.promise;
    expect(getComputedStyle(provider).display).to.equal('contents');
    expect(provider.shadowRoot!.textContent!.trim()).to.equal('');
    expect(provider.shadowRoot!.querySelectorAll('slot')).to.have.length(1);
    await expect(provider).to.be.accessible();
  });

  it('reaches widgets that upgraded before the provider was defined', async () => {
    const kit = await readyKit(await seededStorage(), 'lucia');
    kits.push(kit);
    const tag = `mk-test-late-provider-${Math.random().toString(36).slice(2)}`;
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    wrapper.innerHTML = `<${tag}><mk-test-provider-probe></mk-test-provider-probe></${tag}>`;
    const late = wrapper.firstElementChild as MkProvider;
    const probe = wrapper.querySelector<KitProbe>('mk-test-provider-probe')!;
    expect(probe.usedKit).to.equal(undefined);
    late.kit = kit; // set before the upgrade: picked up by the element once defined
    customElements.define(tag, class extends MkProvider {});
    await waitUntil(() => probe.usedKit === kit, 'the late provider should reach the widget');
  });

  describe('changes that were not saved', () => {
    const HOSTILE_TITLE = '<img src=x onerror="window.hacked=1">Ship the design review';
    const HOSTILE_REASON = '<b>Kenji</b> changed this goal in the meantime. <script>window.hacked=1</script>';
    const failure = (
      collection: string,
      id: string,
      record: StorageWriteFailure['record'],
      error = new MentorKitError('conflict', HOSTILE_REASON),
      kind: 'put' | 'delete' = 'put',
    ): StorageWriteFailure => ({ collection, id, kind, record, error, queuedAt: '2026-03-29T21:00:00.000Z' });
    const goalRecord = (id: string, title: string) => ({
      id,
      pairingId: 'p-lucia',
      ownerId: 'lucia',
      visibility: 'pairing',
      archived: false,
      title,
      milestones: [],
    });

    async function providerWithRefusals(
      user = 'lucia',
      lang?: string,
    ): Promise<{ provider: MkProvider; kit: MentorKit; storage: RefusingStorage; host: HTMLElement }> {
      const storage = refusingStorage(await seededStorage());
      const kit = createMentorKit({ storage, user, now: () => FIXED_NOW });
      kits.push(kit);
      await kit.ready;
      const host = await fixture<HTMLElement>(
        html`<div lang=${lang ?? 'en'}><mk-provider .kit=${kit}><button type="button" id="host-button">Host action</button></mk-provider></div>`,
      );
      const provider = host.querySelector('mk-provider')!;
      return { provider, kit, storage, host };
    }
    const region = (provider: MkProvider) => provider.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;
    const items = (provider: MkProvider) => [...provider.shadowRoot!.querySelectorAll<HTMLElement>('[part~="failed-write"]')];
    const dismissButtons = (provider: MkProvider) => [...provider.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="dismiss"]')];
    const settle = async (provider: MkProvider) => {
      await waitUntil(() => (provider as unknown as { notice?: unknown }).notice !== undefined, 'the notice loads');
      await localesLoaded();
      await provider.updateComplete;
    };

    it('loads nothing for storage that never refuses later: an empty polite live region, out of the layout', async () => {
      const kit = await readyKit(await seededStorage(), 'lucia');
      kits.push(kit);
      const provider = await fixture<MkProvider>(html`<mk-provider .kit=${kit}><p>Content</p></mk-provider>`);
      await aTimeout(20);
      const live = region(provider);
      expect(live.getAttribute('aria-live')).to.equal('polite');
      expect(live.textContent!.trim()).to.equal('');
      expect(getComputedStyle(live).position).to.equal('fixed');
      expect((provider as unknown as { notice?: unknown }).notice, 'the notice is not loaded').to.equal(undefined);
      await expect(provider).to.be.accessible();
    });

    it('one refused change: says which, why, as text (hostile title and reason stay text), and passes axe', async () => {
      const { provider, kit, storage } = await providerWithRefusals();
      const goals = kit.use(goalsFeature);
      await kit.ready;
      const created = await goals.create({ pairingId: 'p-lucia', title: 'Draft', dueDate: '2026-06-30' });
      storage.holdWrites();
      await goals.update(created.id, { title: HOSTILE_TITLE });
      storage.refuseHeld(new MentorKitError('conflict', HOSTILE_REASON));
      await settle(provider);
      const live = region(provider);
      expect(live.getAttribute('role')).to.equal('status');
      expect(items(provider)).to.have.length(1);
      expect(provider.shadowRoot!.querySelector('[part~="failed-writes-heading"]')!.textContent!.trim()).to.equal('A change was not saved');
      expect(provider.shadowRoot!.querySelector('[part~="failed-write-what"]')!.textContent!.trim()).to.equal(`The goal “${HOSTILE_TITLE}” was not saved.`);
      expect(provider.shadowRoot!.querySelector('[part~="failed-write-reason"]')!.textContent!.trim()).to.equal(HOSTILE_REASON);
      expect(live.querySelector('img, b, script'), 'user text is never HTML').to.equal(null);
      expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
      expect(dismissButtons(provider)).to.have.length(1);
      expect(provider.shadowRoot!.querySelector('[part~="dismiss-all"]')).to.equal(null);
      await waitUntil(() => goals.$goals.get().find((goal) => goal.id === created.id)?.title === 'Draft', 'the stored title is shown again');
      await expect(provider).to.be.accessible();
    });

    it('several: a message, feedback and a delete, in words, with Dismiss all, and passes axe in the dark theme', async () => {
      const { provider, storage, host } = await providerWithRefusals();
      host.setAttribute('data-mk-theme', 'dark');
      storage.report(failure('messages', 'm1', { id: 'm1', pairingId: 'p-lucia', authorId: 'lucia', kind: 'text', text: 'See you Monday' }));
      storage.report(
        failure(
          'feedback',
          'f1',
          { id: 'f1', pairingId: 'p-lucia', sessionId: 's-unknown', authorId: 'lucia', rating: 4 },
          new MentorKitError('forbidden', 'This pairing is closed.'),
        ),
      );
      storage.report(failure('goals', 'g-gone', undefined, new MentorKitError('forbidden', 'Only the goal’s owner may delete it.'), 'delete'));
      await settle(provider);
      expect(provider.shadowRoot!.querySelector('[part~="failed-writes-heading"]')!.textContent!.trim()).to.equal('3 changes were not saved');
      expect(items(provider).map((item) => item.querySelector('[part~="failed-write-what"]')!.textContent!.trim())).to.deep.equal([
        'Your message in the conversation with Kenji Watanabe and Arjun Shrestha was not saved.',
        'Your session feedback was not saved.',
        'A goal was not deleted.',
      ]);
      expect(provider.shadowRoot!.querySelector('[part~="dismiss-all"]')).to.exist;
      await expect(provider).to.be.accessible();
    });

    it('in Spanish under lang="es", and passes axe', async () => {
      const { provider, storage } = await providerWithRefusals('lucia', 'es');
      storage.report(failure('goals', 'g1', goalRecord('g1', 'Dar una charla')));
      storage.report(failure('people', 'lucia', { id: 'lucia' }));
      await settle(provider);
      await waitUntil(() => provider.shadowRoot!.querySelector('[part~="failed-writes-heading"]')!.textContent!.includes('cambios'), 'Spanish loaded');
      expect(provider.shadowRoot!.querySelector('[part~="failed-writes-heading"]')!.textContent!.trim()).to.equal('2 cambios no se guardaron');
      expect(items(provider).map((item) => item.querySelector('[part~="failed-write-what"]')!.textContent!.trim())).to.deep.equal([
        'El objetivo «Dar una charla» no se guardó.',
        'Tu perfil no se guardó.',
      ]);
      expect(dismissButtons(provider)[0]!.textContent!.trim()).to.equal('Descartar');
      await expect(provider).to.be.accessible();
    });

    it('Dismiss moves focus to the next notice, then the previous, then back where focus was: never to <body>', async () => {
      const { provider, kit, storage, host } = await providerWithRefusals();
      const hostButton = host.querySelector<HTMLButtonElement>('#host-button')!;
      hostButton.focus();
      for (const id of ['g1', 'g2', 'g3']) storage.report(failure('goals', id, goalRecord(id, `Goal ${id}`)));
      await settle(provider);
      const focusedText = () =>
        (provider.shadowRoot!.activeElement as HTMLElement | null)
          ?.closest('[part~="failed-write"]')
          ?.querySelector('[part~="failed-write-what"]')
          ?.textContent?.trim();
      dismissButtons(provider)[0]!.focus();
      dismissButtons(provider)[0]!.click();
      await provider.updateComplete;
      expect(kit.$failedWrites.get().map((entry) => entry.id)).to.deep.equal(['g2', 'g3']);
      expect(focusedText(), 'the next notice').to.equal('The goal “Goal g2” was not saved.');
      dismissButtons(provider)[1]!.focus();
      dismissButtons(provider)[1]!.click();
      await provider.updateComplete;
      expect(focusedText(), 'the previous one, when the last was dismissed').to.equal('The goal “Goal g2” was not saved.');
      dismissButtons(provider)[0]!.click();
      await provider.updateComplete;
      expect(items(provider)).to.have.length(0);
      expect(document.activeElement === hostButton, `focus is back on the host page's button, not on ${document.activeElement?.tagName}`).to.equal(true);
      await expect(provider).to.be.accessible();
    });

    it('with nowhere to go back to, focus lands on "All notices dismissed.", which goes away on blur; Dismiss all too', async () => {
      const { provider, kit, storage, host } = await providerWithRefusals();
      host.querySelector('#host-button')!.remove();
      storage.report(failure('goals', 'g1', goalRecord('g1', 'One')));
      storage.report(failure('goals', 'g2', goalRecord('g2', 'Two')));
      await settle(provider);
      provider.shadowRoot!.querySelector<HTMLButtonElement>('[part~="dismiss-all"]')!.click();
      await provider.updateComplete;
      expect(kit.$failedWrites.get()).to.deep.equal([]);
      const done = provider.shadowRoot!.querySelector<HTMLElement>('[part~="failed-writes-done"]')!;
      expect(done.textContent!.trim()).to.equal('All notices dismissed.');
      expect(provider.shadowRoot!.activeElement === done, 'focus on the line').to.equal(true);
      expect(document.activeElement === document.body, 'focus is not on <body>').to.equal(false);
      await expect(provider).to.be.accessible();
      done.blur();
      await provider.updateComplete;
      expect(provider.shadowRoot!.querySelector('[part~="failed-writes-done"]')).to.equal(null);
    });

    it('failedWriteText gives a host the same words for its own status line', async () => {
      const { kit, storage } = await providerWithRefusals();
      storage.report(failure('goals', 'g1', goalRecord('g1', HOSTILE_TITLE), new MentorKitError('conflict', 'Kenji changed it.')));
      expect(failedWriteText(kit, kit.$failedWrites.get()[0]!)).to.equal(`The goal “${HOSTILE_TITLE}” was not saved. Kenji changed it.`);
    });

    it('the Spanish catalogue has every English message id, translated, with the same placeholders', () => {
      const placeholders = (message: unknown) => (typeof message === 'string' ? [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort() : []);
      const text = (message: unknown, count: number) =>
        typeof message === 'function' ? (message as (parameters: Record<string, number>) => string)({ count }) : String(message);
      expect(Object.keys(providerMessagesEs).sort()).to.deep.equal(Object.keys(providerMessages.en).sort());
      for (const [id, message] of Object.entries(providerMessages.en)) {
        const spanish = providerMessagesEs[id as keyof typeof providerMessagesEs];
        expect(placeholders(spanish), id).to.deep.equal(placeholders(message));
        for (const count of [1, 3]) expect(text(spanish, count), `${id} is translated`).to.not.equal(text(message, count));
      }
    });
  });
});
