import { ContextProvider } from '@lit/context';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { MentorKitError, createMemoryStorage, createMentorKit, toMentorKitError, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { createIndexedDbStorage } from '@mentorkit/storage-indexeddb';
import { emit } from '../internal/emit.js';
import { mentorKitContext } from '../internal/context.js';
import type { FailedWritesNotice } from './failed-writes.js';

/** Where a client built from attributes keeps its data. */
export const ProviderStorage = { indexeddb: 'indexeddb', memory: 'memory' } as const;
export type ProviderStorage = (typeof ProviderStorage)[keyof typeof ProviderStorage];

export interface MkReadyDetail {
  /** The client, loaded and ready. */
  kit: MentorKit;
}

export interface MkErrorDetail {
  /** What went wrong: `invalid-input` for a missing or bad attribute, `storage-error` when loading failed. */
  error: MentorKitError;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-ready': CustomEvent<MkReadyDetail>;
    'mk-error': CustomEvent<MkErrorDetail>;
  }
}

/**
 * @summary Owns a MentorKit client and hands it to every MentorKit element inside it.
 *
 * @description Without any JavaScript, `<mk-provider user-id="ana">` builds a client on the
 * browser's IndexedDB (`storage="memory"` keeps data in memory instead, e.g. for previews).
 * A host with its own storage adapter creates the client itself and sets the `.kit` property;
 * the provider then uses it as is and never disposes it. Either way every descendant widget
 * receives the client through `@lit/context`, and follows it when it changes.
 *
 * A bare `<mk-provider>` (no `user-id`, `storage` or `database-name`) waits quietly for the host
 * to set `.kit`; with `storage` or `database-name` but no `user-id` it reports `mk-error`.
 *
 * **The current pairing.** Widgets about one pairing (goals, coaching, icebreaker, agreement,
 * scheduling, check-ins, the conversation, feedback) show the client's current pairing
 * (`kit.$currentPairingId`) unless their own `pairing-id` pins them, and say whose it is ("with
 * Lucía Fernández"). `pairing-id` on the provider sets it; `<mk-pairing-card>` changes it when the
 * person picks another pairing, and every panel follows at once.
 *
 * The provider rebuilds its client when `user-id`, `storage` or `database-name` change (for
 * example when another person signs in), and disposes the client and storage it built when it is
 * removed from the page. It renders its children, with no box of its own — and one thing more:
 *
 * **Changes that were not saved.** When the client's storage accepted a change early (the REST
 * adapter's offline queue) and its backend refused it later, the client lists it in `$failedWrites`,
 * and the provider tells the person in a polite live region (`role="status"`, in the corner of the
 * window): which change it was, in words ("Your message in the conversation with Kenji was not
 * saved."), why (the error's message), and a Dismiss button for each (Dismiss all for several). Focus
 * moves to the next notice when one is dismissed, and back where it was after the last. This part
 * loads on demand, only for a client whose storage can refuse a change after accepting it.
 *
 * ```html
 * <mk-provider user-id="lucia-fernandez" storage="indexeddb">
 *   <mk-pairing-card></mk-pairing-card>
 * </mk-provider>
 * ```
 *
 * @fires {CustomEvent<MkReadyDetail>} mk-ready - The client finished loading: `detail.kit`.
 * @fires {CustomEvent<MkErrorDetail>} mk-error - The client could not be built or loaded (e.g. no `user-id`): `detail.error`, a `MentorKitError`. The message is also logged to the console.
 *
 * @slot - The page content; MentorKit elements anywhere inside receive the client.
 *
 * @csspart failed-writes - The notice listing changes that were not saved.
 * @csspart failed-writes-heading - Its title ("2 changes were not saved").
 * @csspart failed-writes-list - The list of changes.
 * @csspart failed-write - One change: what it was, why, and its Dismiss button.
 * @csspart failed-write-what - The sentence naming the change ("The goal “…” was not saved.").
 * @csspart failed-write-reason - Why it was refused (the error's message).
 * @csspart dismiss - A change's Dismiss button.
 * @csspart dismiss-all - The Dismiss all button (two changes or more).
 * @csspart failed-writes-done - The "All notices dismissed." line focus moves to when it has nowhere else to go.
 *
 * @cssprop --mk-provider-notice-position - `fixed` (default: the corner of the window) or `static` (in the page, before the content).
 * @cssprop --mk-provider-notice-inset - Distance from the window's bottom and end edges. Default `var(--mk-space-4)`.
 * @cssprop --mk-provider-notice-width - Width of the notice. Default `24rem` (never wider than the window).
 * @cssprop --mk-provider-notice-z-index - Stacking order of the notice. Default `1000`.
 * @cssprop --mk-provider-notice-background - Default `var(--mk-color-surface)`.
 * @cssprop --mk-provider-notice-border-color - Default `var(--mk-color-border)`.
 * @cssprop --mk-provider-notice-accent-color - The stripe at its start edge. Default `var(--mk-color-danger)`.
 * @cssprop --mk-provider-notice-radius - Default `var(--mk-radius-md)`.
 * @cssprop --mk-provider-notice-padding - Default `var(--mk-space-4)`.
 * @cssprop --mk-provider-notice-shadow - Default a soft shadow.
 * @cssprop --mk-provider-notice-max-height - Beyond it the list scrolls. Default `60vh`.
 */
export class MkProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }

    :host([hidden]) {
      display: none;
    }

    /* The live region: always there (so a change is announced), out of the flow of the host's layout. */
    .region {
      position: var(--mk-provider-notice-position, fixed);
      inset-block-end: var(--mk-provider-notice-inset, var(--mk-space-4, 1rem));
      inset-inline-end: var(--mk-provider-notice-inset, var(--mk-space-4, 1rem));
      z-index: var(--mk-provider-notice-z-index, 1000);
      inline-size: min(var(--mk-provider-notice-width, 24rem), calc(100vw - 2 * var(--mk-provider-notice-inset, var(--mk-space-4, 1rem))));
    }
  `;

  private readonly contextProvider = new ContextProvider(this, { context: mentorKitContext });
  private activeKit: MentorKit | undefined;
  private ownedKit: MentorKit | undefined;
  /** What the owned client was built from (or failed to be built from), to rebuild only on change. */
  private builtFrom: string | undefined;
  private lastError: MentorKitError | undefined;
  /** The notice of changes that were not saved, once loaded (`failed-writes.ts`). */
  private notice: FailedWritesNotice | undefined;
  private noticeLoad: Promise<void> | undefined;
  private stopFollowingFailures: (() => void) | undefined;

  /** Id of the signed-in person. Required unless `.kit` is set. */
  @property({ attribute: 'user-id', reflect: true }) userId?: string | undefined;

  /** Where a client built from attributes stores data: `indexeddb` (default, persists) or `memory`. */
  @property() storage: ProviderStorage = 'indexeddb';

  /** IndexedDB database name, to keep several independent data sets on one origin. Default: the adapter's own. */
  @property({ attribute: 'database-name', reflect: true }) databaseName?: string | undefined;

  /**
   * The current pairing, which every widget inside without its own `pairing-id` shows
   * (`kit.selectPairing`): a host page about one pairing sets it; `<mk-pairing-card>` changes the
   * client's current pairing when the person picks another. Unset: the person's first pairing.
   */
  @property({ attribute: 'pairing-id', reflect: true }) pairingId?: string | undefined;

  /**
   * A client the host created (with its own storage adapter). When set, the attributes are
   * ignored and the provider neither builds nor disposes a client.
   */
  @property({ attribute: false }) kit?: MentorKit | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // After a reconnect nothing else schedules an update; the update (re)builds the client.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Moving the provider elsewhere in the page (removed and re-inserted in one task) keeps the client.
    queueMicrotask(() => {
      if (!this.isConnected) this.release();
    });
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    const kitBefore = this.activeKit;
    this.synchronize();
    // Another `pairing-id`, or a new client while one is set: the client's current pairing follows the attribute.
    if (this.activeKit && (changed.has('pairingId') || (this.activeKit !== kitBefore && this.pairingId)))
      this.activeKit.selectPairing(this.pairingId || undefined);
  }

  /** Brings the provided client in line with `.kit` and the attributes. */
  private synchronize(): void {
    if (this.kit) {
      if (this.activeKit !== this.kit) {
        this.disposeOwned();
        this.activate(this.kit);
      }
      return;
    }
    const configuration = JSON.stringify([this.userId ?? '', this.storage, this.databaseName ?? '']);
    if (!this.userId?.trim() && !this.hasAttribute('storage') && !this.hasAttribute('database-name')) {
      // A bare <mk-provider> is waiting for the host to set `.kit` (often after async set-up):
      // nothing to build and nothing wrong yet. Widgets show their loading state meanwhile.
      this.disposeOwned();
      this.builtFrom = configuration;
      if (this.activeKit) this.activate(undefined);
      return;
    }
    if (configuration === this.builtFrom) {
      if (this.ownedKit && this.activeKit !== this.ownedKit) this.activate(this.ownedKit);
      return;
    }
    this.disposeOwned();
    this.builtFrom = configuration;
    try {
      this.ownedKit = this.build();
      this.activate(this.ownedKit);
    } catch (error) {
      this.activate(undefined);
      this.report(toMentorKitError(error));
    }
  }

  private build(): MentorKit {
    const userId = this.userId?.trim();
    if (!userId) {
      throw new MentorKitError(
        'invalid-input',
        "<mk-provider> needs a `user-id` attribute with the signed-in person's id (or a `.kit` property set to a client you created).",
        { path: 'user-id' },
      );
    }
    const storage = this.createStorage();
    try {
      return createMentorKit({ storage, user: { id: userId } });
    } catch (error) {
      void storage.dispose?.();
      throw error;
    }
  }

  private createStorage(): StorageAdapter {
    switch (this.storage) {
      case ProviderStorage.indexeddb:
        return createIndexedDbStorage(this.databaseName ? { databaseName: this.databaseName } : {});
      case ProviderStorage.memory:
        return createMemoryStorage();
      default:
        throw new MentorKitError(
          'invalid-input',
          `<mk-provider storage="${String(this.storage)}"> is not supported; use "indexeddb" (the default, keeps data in this browser) or "memory", or set the \`.kit\` property to a client with your own adapter.`,
          { path: 'storage' },
        );
    }
  }

  private activate(kit: MentorKit | undefined): void {
    this.activeKit = kit;
    this.lastError = undefined;
    this.contextProvider.setValue(kit);
    this.followFailedWrites(kit);
    if (!kit) return;
    kit.ready.then(
      () => {
        if (this.activeKit === kit) emit(this, 'mk-ready', { kit });
      },
      (error: unknown) => {
        if (this.activeKit === kit) this.report(toMentorKitError(error));
      },
    );
  }

  /** Re-renders when the client's changes that were not saved change; loads the notice when it may be needed. */
  private followFailedWrites(kit: MentorKit | undefined): void {
    this.stopFollowingFailures?.();
    this.stopFollowingFailures = undefined;
    const failures = kit?.$failedWrites;
    if (!kit || !failures) return;
    this.stopFollowingFailures = failures.listen(() => {
      this.loadNotice();
      this.requestUpdate();
    });
    if (failures.get().length > 0) this.loadNotice();
    else if (kit.storage.watchFailures) (globalThis.requestIdleCallback ?? setTimeout)(() => this.loadNotice());
  }

  private loadNotice(): void {
    this.noticeLoad ??= import('./failed-writes.js').then(
      (module) => {
        this.notice = new module.FailedWritesNotice(this);
        this.requestUpdate();
      },
      (error: unknown) => {
        // Offline or a missing chunk: try again on the next change.
        this.noticeLoad = undefined;
        console.warn('<mk-provider>: the notice of changes that were not saved could not be loaded.', error);
      },
    );
  }

  private report(error: MentorKitError): void {
    this.lastError = error;
    console.error(`<mk-provider>: ${error.message}`, error);
    emit(this, 'mk-error', { error });
  }

  /** Disposes the client (and its storage) this provider built; a host's `.kit` is left alone. */
  private disposeOwned(): void {
    const kit = this.ownedKit;
    this.ownedKit = undefined;
    this.builtFrom = undefined;
    if (!kit) return;
    void kit
      .dispose()
      .then(() => kit.storage.dispose?.())
      .catch((error: unknown) => console.warn('<mk-provider>: disposing the previous client failed.', error));
  }

  private release(): void {
    this.disposeOwned();
    this.activate(undefined);
  }

  /** The client in use: the `.kit` property, or the one built from the attributes. */
  get currentKit(): MentorKit | undefined {
    return this.activeKit;
  }

  /** The last building or loading error of the current configuration, if any. */
  get error(): MentorKitError | undefined {
    return this.lastError;
  }

  override render(): TemplateResult {
    const kit = this.activeKit;
    return html`<div class="region" role="status" aria-live="polite" aria-atomic="false">${kit && this.notice ? this.notice.render(kit, kit.$failedWrites?.get() ?? []) : nothing}</div><slot></slot>`;
  }
}
