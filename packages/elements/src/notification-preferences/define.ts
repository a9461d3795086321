import { ensureContextRoot } from '../internal/context-root.js';
import { MkNotificationPreferences } from './notification-preferences.js';

ensureContextRoot();
if (!customElements.get('mk-notification-preferences')) customElements.define('mk-notification-preferences', MkNotificationPreferences);

declare global {
  interface HTMLElementTagNameMap {
    'mk-notification-preferences': MkNotificationPreferences;
  }
}

export { MkNotificationPreferences };
