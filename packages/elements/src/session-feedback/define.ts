import { ensureContextRoot } from '../internal/context-root.js';
import { MkSessionFeedback } from './session-feedback.js';

ensureContextRoot();
if (!customElements.get('mk-session-feedback')) customElements.define('mk-session-feedback', MkSessionFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'mk-session-feedback': MkSessionFeedback;
  }
}

export { MkSessionFeedback };
