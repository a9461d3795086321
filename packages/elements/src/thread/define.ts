import { ensureContextRoot } from '../internal/context-root.js';
import { MkThread } from './thread.js';

ensureContextRoot();
if (!customElements.get('mk-thread')) customElements.define('mk-thread', MkThread);

declare global {
  interface HTMLElementTagNameMap {
    'mk-thread': MkThread;
  }
}

export { MkThread };
