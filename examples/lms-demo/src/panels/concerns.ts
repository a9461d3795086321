import { html, nothing, render } from 'lit';
import { DEMO_PROGRAM_ID } from '../../../shared/demo-program.js';
import type { DemoPanel } from './panel.js';

/**
 * The demo's "Raise a concern" place (issue 18). A mentee or mentor sees <mk-raise-concern> about
 * their current pairing and, below it, the concerns they raised (<mk-concern-queue>, where they may
 * add a note); a message is reported from the conversation's "Report" button. The programme admin
 * sees the queue of concerns of the programme, open first, and moves them to in review and closed.
 * Only the reporter and the programme's admins ever read a concern (core's access rule, enforced by
 * the server too). The host only listens to the events to update its status line.
 */
export const concernsPanel: DemoPanel = {
  id: 'concerns-panel',
  visible: () => true,
  mount(container, context) {
    const admin = context.viewAs === 'admin';
    render(
      html`<div class="concerns-panel" style="display: grid; gap: 1.25rem">
        ${
          admin
            ? nothing
            : html`<mk-raise-concern heading-level="3"
              @mk-concern-raise=${(event: CustomEvent<{ pause: string }>) =>
                context.setStatus(
                  event.detail.pause === 'paused'
                    ? 'Your concern was sent to the programme admins, and your pairing is paused.'
                    : 'Your concern was sent to the programme admins.',
                )}></mk-raise-concern>`
        }
        <mk-concern-queue heading-level="3" program-id=${admin ? DEMO_PROGRAM_ID : nothing}
          @mk-concern-change=${(event: CustomEvent<{ change: string; status: string }>) => context.setStatus(event.detail.change === 'status' ? `Concern moved to ${event.detail.status}.` : 'Note added to the concern.')}></mk-concern-queue>
      </div>`,
      container,
    );
    return () => render(nothing, container);
  },
};
