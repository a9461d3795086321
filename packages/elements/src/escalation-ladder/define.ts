import { ensureContextRoot } from '../internal/context-root.js';
import { MkEscalationLadder } from './escalation-ladder.js';

ensureContextRoot();
if (!customElements.get('mk-escalation-ladder')) customElements.define('mk-escalation-ladder', MkEscalationLadder);

declare global {
  interface HTMLElementTagNameMap {
    'mk-escalation-ladder': MkEscalationLadder;
  }
}

export { MkEscalationLadder };
