import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing, type CSSResultGroup, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { MentorKit } from '@mentorkit/core';
import { adoptThemeTokens } from '../theme/tokens.js';
import { baseStyles } from './base.styles.js';
import { hasPendingLanguageLoads, localesLoaded } from './localize.js';
import { mentorKitContext } from './context.js';
import { formatList } from './format.js';
import { StoreController } from './store-controller.js';

/** The client's loading state, as the frame shows it. */
export type LoadState = 'loading' | 'ready' | 'error';

/**
 * The base class of MentorKit's widgets. It finds the client — the `.kit` property when the host
 * sets one, otherwise the one provided by the nearest `<mk-provider>` (followed when it changes) —
 * and exposes it to subclasses as `currentKit`. It also applies the theme tokens and the shared
 * base styles. Subclasses read the client's stores through `StoreController`. `updateComplete`
 * also waits for a language the element started loading (`LocaleController`), so after it the
 * element shows its final text.
 *
 * Elements about one pairing follow the client's **current pairing** (`kit.$currentPairingId`, which
 * `<mk-provider pairing-id>` and `<mk-pairing-card>` set) unless their own `pairing-id` pins them:
 * `shownPairingId`. They re-render when it changes, and say whose they are with
 * `renderPairingWith(…)` ("with Lucía Fernández", "with Kenji Watanabe and Arjun Shrestha").
 *
 * It also owns the **frame** every element shows before its content: `loadState` (the client's
 * `$status`, `'loading'` while there is no client) and `loadErrorMessage` (its `$error`), read through
 * store controllers the base holds. The markup of the two states is in `frame.ts` — `renderLoading(…)`
 * and `renderLoadError(…)`, plain functions so that a bundle carries only the ones its elements call.
 * Keep this class small: every element's first load pays for each byte of it.
 */
export class MkElement extends LitElement {
  static override styles: CSSResultGroup = [baseStyles];
  // Declared without decorators: the base of every element stays out of the decorator runtime.
  static override properties: PropertyDeclarations = { kit: { attribute: false } };

  // ES private fields (#): bundlers shorten their names, which the base of every element pays for.
  readonly #kitConsumer = new ContextConsumer(this, { context: mentorKitContext, subscribe: true });
  readonly #currentPairing = new StoreController(this, () => this.currentKit?.$currentPairingId);
  readonly #frameStatus = new StoreController(this, () => this.currentKit?.$status);
  readonly #frameError = new StoreController(this, () => this.currentKit?.$error);

  /**
   * The MentorKit client this element uses. Takes precedence over the client of an enclosing
   * `<mk-provider>`; leave it unset to use the provider's.
   */
  kit?: MentorKit | undefined;

  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (hasPendingLanguageLoads()) {
      await localesLoaded();
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptThemeTokens(this);
  }

  /** The client in use: `.kit` when set, otherwise the provider's; `undefined` while there is none. */
  protected get currentKit(): MentorKit | undefined {
    return this.kit ?? this.#kitConsumer.value;
  }

  /** Whether the client has loaded: `'loading'` while there is no client or it is loading, then `'ready'` or `'error'`. */
  protected get loadState(): LoadState {
    return this.#frameStatus.value ?? 'loading'; // no client, no store: 'loading'
  }

  /** Why the client could not load (its `$error`'s message), when `loadState` is `'error'`. */
  protected get loadErrorMessage(): string | undefined {
    return this.#frameError.value?.message;
  }

  /** The pairing to show: the element's own `pairing-id` when set, else the client's current pairing. */
  protected get shownPairingId(): string | undefined {
    return (this as { pairingId?: string | undefined }).pairingId || this.#currentPairing.value;
  }

  /**
   * Whose pairing this is, for the end of a heading: ` <span part="pairing-with">with Lucía Fernández</span>`
   * — the other members by name, listed in `locale` and worded by `words` (the element's own `with`
   * message) — or nothing when the pairing is not known.
   */
  protected renderPairingWith(pairingId: string | undefined, locale: string | undefined, words: (names: string) => string): TemplateResult | typeof nothing {
    const kit = this.currentKit;
    const pairing = kit?.$pairings.get().find((candidate) => candidate.id === pairingId);
    if (!kit || !pairing) return nothing;
    const people = kit.$people.get();
    const names = formatList(
      [pairing.menteeId, ...pairing.mentorIds].filter((id) => id !== kit.user.id).map((id) => people[id]?.displayName ?? id),
      locale,
    );
    return html` <span part="pairing-with" class="pairing-with">${words(names)}</span>`;
  }
}
