import { ContextConsumer } from '@lit/context';
import { LitElement, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import type { MentorKit } from '@mentorkit/core';
import { adoptThemeTokens } from '../theme/tokens.js';
import { baseStyles } from './base.styles.js';
import { hasPendingLanguageLoads, localesLoaded } from './localize.js';
import { mentorKitContext } from './context.js';

/**
 * The base class of MentorKit's widgets. It finds the client — the `.kit` property when the host
 * sets one, otherwise the one provided by the nearest `<mk-provider>` (followed when it changes) —
 * and exposes it to subclasses as `currentKit`. It also applies the theme tokens and the shared
 * base styles. Subclasses read the client's stores through `StoreController`. `updateComplete`
 * also waits for a language the element started loading (`LocaleController`), so after it the
 * element shows its final text.
 */
export class MkElement extends LitElement {
  static override styles: CSSResultGroup = [baseStyles];
  // Declared without decorators: the base of every element stays out of the decorator runtime.
  static override properties: PropertyDeclarations = { kit: { attribute: false } };

  private readonly kitConsumer = new ContextConsumer(this, { context: mentorKitContext, subscribe: true });

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
}

