import { ensureContextRoot } from '../internal/context-root.js';
import { MkCalendarConnections } from './calendar-connections.js';

ensureContextRoot();
if (!customElements.get('mk-calendar-connections')) customElements.define('mk-calendar-connections', MkCalendarConnections);

declare global {
  interface HTMLElementTagNameMap {
    'mk-calendar-connections': MkCalendarConnections;
  }
}

export { MkCalendarConnections };
