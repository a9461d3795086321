import { ensureContextRoot } from '../internal/context-root.js';
import { MkPairingBoard } from './pairing-board.js';

ensureContextRoot();
if (!customElements.get('mk-pairing-board')) customElements.define('mk-pairing-board', MkPairingBoard);

declare global {
  interface HTMLElementTagNameMap {
    'mk-pairing-board': MkPairingBoard;
  }
}

export { MkPairingBoard };
