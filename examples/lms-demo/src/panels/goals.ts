import { html, render } from 'lit';
import type { DemoPanel } from './panel.js';

/**
 * The demo's goals panel: the mentee sets and tracks her SMART goals (tracker beside the editor,
 * "New goal" and "Edit" in the tracker drive the editor); a mentor sees the shared goals of the
 * mentee he is working with (the current pairing, "with Lucía Fernández") and can tick milestones and
 * set shared goals with them. Both elements follow the current pairing: no `pairing-id` here.
 */
export const goalsPanel: DemoPanel = {
  id: 'goals-panel',
  visible: (context) => context.viewAs !== 'admin' && context.pairingId !== undefined,
  mount(container, context) {
    const offs = [context.kit.on('goal-set', (event) => context.setStatus(`Goal set: ${String(event.data.title)}`))];
    render(
      html`<div class="lms-goals" style="display: grid; gap: 1.25rem">
        <mk-goal-tracker id="goal-tracker" editor="goal-editor" heading-level="3"></mk-goal-tracker>
        <mk-goal-editor id="goal-editor" heading-level="3"></mk-goal-editor>
      </div>`,
      container,
    );
    // Goals that slipped while nobody looked are recorded by the tracker when it opens
    // (goals.reviewDueGoals()), which also shows the reassurance; the host only listens.
    return () => {
      for (const off of offs) off();
      render(html``, container);
    };
  },
};
