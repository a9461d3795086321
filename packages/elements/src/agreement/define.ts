import { ensureContextRoot } from '../internal/context-root.js';
import { MkAgreement } from './agreement.js';

ensureContextRoot();
if (!customElements.get('mk-agreement')) customElements.define('mk-agreement', MkAgreement);

declare global {
  interface HTMLElementTagNameMap {
    'mk-agreement': MkAgreement;
  }
}

export { MkAgreement };
