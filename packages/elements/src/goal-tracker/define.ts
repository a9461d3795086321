import { ensureContextRoot } from '../base/context-root.js';
import '../celebration/define.js';
import { MkGoalTracker } from './goal-tracker.js';

ensureContextRoot();
if (!customElements.get('mk-goal-tracker')) customElements.define('mk-goal-tracker', MkGoalTracker);

declare global {
  interface HTMLElementTagNameMap {
    'mk-goal-tracker': MkGoalTracker;
  }
}

export { MkGoalTracker };
