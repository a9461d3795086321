import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing, type CSSResultGroup, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { MentorKit, Pairing } from '@mentorkit/core';
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
 * store controllers the base holds (with `kitPeople` and `kitPairings`, which most elements read),
 * and the markup of the two states, in `frame.ts` (plain functions, so a bundle carries only the ones
 * its elements call): `renderLoading(…)` and `renderLoadError(…)`.
 */
export class MkElement extends LitElement {
  static override styles: CSSResultGroup = [baseStyles];
  // Declared without decorators: the base of every element stays out of the decorator runtime.
  static override properties: PropertyDeclarations = { kit: { attribute: false } };

  private readonly kitConsumer = new ContextConsumer(this, { context: mentorKitContext, subscribe: true });
  private readonly currentPairing = new StoreController(this, () => this.currentKit?.$currentPairingId);
  private readonly frameStatus = new StoreController(this, () => this.currentKit?.$status);
  private readonly frameError = new StoreController(this, () => this.currentKit?.$error);
  /** The people the client knows, by id (`kit.$people`): the element re-renders when they change. */
  protected readonly kitPeople = new StoreController(this, () => this.currentKit?.$people);
  /** The pairings the client knows (`kit.$pairings`): the element re-renders when they change. */
  protected readonly kitPairings = new StoreController(this, () => this.currentKit?.$pairings);

  /**
   * The MentorKit client this element uses. Takes precedence over the client of an enclosing
   * `<mk-provider>`; leave it unset to use the provider's.
   */
  kit?: MentorKit;

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
    return this.kit ?? this.kitConsumer.value;
  }

  /** Whether the client has loaded: `'loading'` while there is no client or it is loading, then `'ready'` or `'error'`. */
  protected get loadState(): LoadState {
    return this.currentKit ? (this.frameStatus.value ?? 'loading') : 'loading';
  }

  /** Why the client could not load (its `$error`'s message), when `loadState` is `'error'`. */
  protected get loadErrorMessage(): string | undefined {
    return this.frameError.value?.message;
  }

  /** The pairing to show: the element's own `pairing-id` when set, else the client's current pairing. */
  protected get shownPairingId(): string | undefined {
    return (this as { pairingId?: string }).pairingId || this.currentPairing.value;
  }

  /** The shown pairing (`shownPairingId`) among the client's pairings; `undefined` while unknown. */
  protected get shownPairing(): Pairing | undefined {
    return this.kitPairings.value?.find((pairing) => pairing.id === this.shownPairingId);
  }

  /** A person's display name, or their id when the client does not know them. */
  protected nameOf(personId: string): string {
    return this.kitPeople.value?.[personId]?.displayName ?? personId;
  }

  /**
   * Whose pairing this is, for the end of a heading: ` <span part="pairing-with">with Lucía Fernández</span>`
   * — the other members by name, listed in `locale` and worded by `words` (the element's own `with`
   * message) — or nothing when the pairing is not known.
   */
  protected renderPairingWith(pairingId: string | undefined, locale: string | undefined, words: (names: string) => string): TemplateResult | typeof nothing {
    const kit = this.currentKit;
    const pairing = this.kitPairings.value?.find((candidate) => candidate.id === pairingId);
    if (!kit || !pairing) return nothing;
    const people = this.kitPeople.value ?? {};
    const names = formatList([pairing.menteeId, ...pairing.mentorIds].filter((id) => id !== kit.user.id).map((id) => people[id]?.displayName ?? id), locale);
    return html` <span part="pairing-with" class="pairing-with">${words(names)}</span>`;
  }
}
