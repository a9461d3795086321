import { ensureContextRoot } from '../internal/context-root.js';
import { MkGoalEditor } from './goal-editor.js';

ensureContextRoot();
if (!customElements.get('mk-goal-editor')) customElements.define('mk-goal-editor', MkGoalEditor);

declare global {
  interface HTMLElementTagNameMap {
    'mk-goal-editor': MkGoalEditor;
  }
}

export { MkGoalEditor };
