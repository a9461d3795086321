import { html, nothing, render } from 'lit';
import { DEMO_PROGRAM_ID } from '../../../shared/demo-program.js';
import type { DemoPanel } from './panel.js';

/**
 * The demo's "Notifications" place: the viewer's own reminder settings and what was sent to them
 * (<mk-notification-preferences>), and for the programme admin the escalation ladder of quiet pairs
 * (<mk-escalation-ladder>). Reminders are sent by MentorKit's server: on `?storage=rest` (or
 * `npm run demo:server`) both work; on IndexedDB each says it needs the server. The host only listens
 * to the elements' events to update its status line.
 */
export const notificationsPanel: DemoPanel = {
  id: 'notifications-panel',
  visible: () => true,
  mount(container, context) {
    const admin = context.viewAs === 'admin';
    render(
      html`<div class="notifications-panel" style="display: grid; gap: 1.25rem">
        <mk-notification-preferences heading-level="3"
          @mk-notification-preferences-change=${() => context.setStatus('Reminder settings saved.')}></mk-notification-preferences>
        ${
          admin
            ? html`<mk-escalation-ladder heading-level="3" program-id=${DEMO_PROGRAM_ID}
              @mk-escalation-settings-change=${() => context.setStatus('Escalation ladder saved: quiet pairs are placed on it again.')}></mk-escalation-ladder>`
            : nothing
        }
      </div>`,
      container,
    );
    return () => render(nothing, container);
  },
};
