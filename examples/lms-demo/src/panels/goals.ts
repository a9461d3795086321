import { html, render } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { DemoPanel } from './panel.js';

/**
 * The demo's goals panel: the mentee sets and tracks her SMART goals (tracker beside the editor,
 * "New goal" and "Edit" in the tracker drive the editor); a mentor sees the shared goals of every
 * mentee he mentors and can tick milestones and set shared goals with them.
 */
export const goalsPanel: DemoPanel = {
  id: 'goals-panel',
  visible: (context) => context.viewAs !== 'admin' && context.pairingId !== undefined,
  mount(container, context) {
    const mentor = context.viewAs === 'mentor';
    const offs = [
      context.kit.on('goal-set', (event) => context.setStatus(`Goal set: ${String(event.data.title)}`)),
    ];
    render(
      html`<div class="lms-goals" style="display: grid; gap: 1.25rem">
        <mk-goal-tracker
          id="goal-tracker"
          editor="goal-editor"
          heading-level="3"
          label=${ifDefined(mentor ? "Your mentees' goals" : undefined)}
          pairing-id=${ifDefined(mentor ? undefined : context.pairingId)}
        ></mk-goal-tracker>
        <mk-goal-editor id="goal-editor" heading-level="3" pairing-id=${context.pairingId ?? ''}></mk-goal-editor>
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
