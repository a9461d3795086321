import { ensureContextRoot } from '../internal/context-root.js';
import { MkProvider } from './provider.js';

ensureContextRoot();
if (!customElements.get('mk-provider')) customElements.define('mk-provider', MkProvider);

declare global {
  interface HTMLElementTagNameMap {
    'mk-provider': MkProvider;
  }
}

export { MkProvider };
