import { ensureContextRoot } from '../internal/context-root.js';
import { MkScheduler } from './scheduler.js';

ensureContextRoot();
if (!customElements.get('mk-scheduler')) customElements.define('mk-scheduler', MkScheduler);

declare global {
  interface HTMLElementTagNameMap {
    'mk-scheduler': MkScheduler;
  }
}

export { MkScheduler };
