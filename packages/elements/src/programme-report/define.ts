import { ensureContextRoot } from '../internal/context-root.js';
import { MkProgrammeReport } from './programme-report.js';

ensureContextRoot();
if (!customElements.get('mk-programme-report')) customElements.define('mk-programme-report', MkProgrammeReport);

declare global {
  interface HTMLElementTagNameMap {
    'mk-programme-report': MkProgrammeReport;
  }
}

export { MkProgrammeReport };
