// Does not define <mk-celebration> (it would double this element's size): the tracker renders one in
// its shadow root, which toasts its celebrations once '@mentorkit/elements/celebration/define.js' (or
// define-all / the CDN bundle) is loaded. See docs/goals.md.
import { ensureContextRoot } from '../internal/context-root.js';
import { MkGoalTracker } from './goal-tracker.js';

ensureContextRoot();
if (!customElements.get('mk-goal-tracker')) customElements.define('mk-goal-tracker', MkGoalTracker);

declare global {
  interface HTMLElementTagNameMap {
    'mk-goal-tracker': MkGoalTracker;
  }
}

export { MkGoalTracker };
