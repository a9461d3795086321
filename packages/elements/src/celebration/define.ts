import { ensureContextRoot } from '../internal/context-root.js';
import { MkCelebration } from './celebration.js';

ensureContextRoot();
if (!customElements.get('mk-celebration')) customElements.define('mk-celebration', MkCelebration);

declare global {
  interface HTMLElementTagNameMap {
    'mk-celebration': MkCelebration;
  }
}

export { MkCelebration };
