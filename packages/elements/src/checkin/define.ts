import { ensureContextRoot } from '../internal/context-root.js';
import { MkCheckin } from './checkin.js';

ensureContextRoot();
if (!customElements.get('mk-checkin')) customElements.define('mk-checkin', MkCheckin);

declare global {
  interface HTMLElementTagNameMap {
    'mk-checkin': MkCheckin;
  }
}

export { MkCheckin };
