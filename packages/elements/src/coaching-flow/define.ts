import { ensureContextRoot } from '../internal/context-root.js';
import { MkCoachingFlow } from './coaching-flow.js';

ensureContextRoot();
if (!customElements.get('mk-coaching-flow')) customElements.define('mk-coaching-flow', MkCoachingFlow);

declare global {
  interface HTMLElementTagNameMap {
    'mk-coaching-flow': MkCoachingFlow;
  }
}

export { MkCoachingFlow };
