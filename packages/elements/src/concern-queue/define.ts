import { ensureContextRoot } from '../internal/context-root.js';
import { MkConcernQueue } from './concern-queue.js';

ensureContextRoot();
if (!customElements.get('mk-concern-queue')) customElements.define('mk-concern-queue', MkConcernQueue);

declare global {
  interface HTMLElementTagNameMap {
    'mk-concern-queue': MkConcernQueue;
  }
}

export { MkConcernQueue };
