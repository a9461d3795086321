import { ensureContextRoot } from '../internal/context-root.js';
import { MkPairingCard } from './pairing-card.js';

ensureContextRoot();
if (!customElements.get('mk-pairing-card')) customElements.define('mk-pairing-card', MkPairingCard);

declare global {
  interface HTMLElementTagNameMap {
    'mk-pairing-card': MkPairingCard;
  }
}

export { MkPairingCard };
