import { ensureContextRoot } from '../internal/context-root.js';
import { MkIcebreaker } from './icebreaker.js';

ensureContextRoot();
if (!customElements.get('mk-icebreaker')) customElements.define('mk-icebreaker', MkIcebreaker);

declare global {
  interface HTMLElementTagNameMap {
    'mk-icebreaker': MkIcebreaker;
  }
}

export { MkIcebreaker };
