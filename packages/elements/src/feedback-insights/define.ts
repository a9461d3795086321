import { ensureContextRoot } from '../internal/context-root.js';
import { MkFeedbackInsights } from './feedback-insights.js';

ensureContextRoot();
if (!customElements.get('mk-feedback-insights')) customElements.define('mk-feedback-insights', MkFeedbackInsights);

declare global {
  interface HTMLElementTagNameMap {
    'mk-feedback-insights': MkFeedbackInsights;
  }
}

export { MkFeedbackInsights };
