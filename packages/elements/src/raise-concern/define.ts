import { ensureContextRoot } from '../internal/context-root.js';
import { MkRaiseConcern } from './raise-concern.js';

ensureContextRoot();
if (!customElements.get('mk-raise-concern')) customElements.define('mk-raise-concern', MkRaiseConcern);

declare global {
  interface HTMLElementTagNameMap {
    'mk-raise-concern': MkRaiseConcern;
  }
}

export { MkRaiseConcern };
