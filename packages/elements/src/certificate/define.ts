import { ensureContextRoot } from '../internal/context-root.js';
import { MkCertificate } from './certificate.js';

ensureContextRoot();
if (!customElements.get('mk-certificate')) customElements.define('mk-certificate', MkCertificate);

declare global {
  interface HTMLElementTagNameMap {
    'mk-certificate': MkCertificate;
  }
}

export { MkCertificate };
