import { html, nothing, render } from 'lit';
import { agreementsFeature } from '@mentorkit/core/agreements';
import { sessionsFeature } from '@mentorkit/core/scheduling';
import type { DemoPanel, DemoPanelContext } from './panel.js';

/**
 * The demo's "Agreement and meetings" panel for mentees and mentors: the pair's working agreement
 * (<mk-agreement>), finding a time across time zones and booking it (<mk-scheduler>, with .ics
 * download), and when the next check-in is due (<mk-checkin>). Mentors with several mentees pick
 * the pairing. The host only listens to the elements' events to update its status line.
 */
export const schedulePanel: DemoPanel = {
  id: 'schedule-panel',
  visible: (context) => context.viewAs !== 'admin' && context.pairingId !== undefined,
  mount(container, context: DemoPanelContext) {
    const { kit } = context;
    if (!context.pairingId) return () => undefined;
    kit.use(agreementsFeature);
    kit.use(sessionsFeature);
    const say = (message: string) => () => context.setStatus(message);
    const choices = kit.$myPairings.get().filter((pairing) => pairing.status === 'active' || pairing.status === 'paused');
    const nameOf = (id: string) => kit.$people.get()[id]?.displayName ?? id;
    let pairingId = context.pairingId;
    const draw = () =>
      render(
        html`<div class="schedule-panel" style="display: grid; gap: 1.25rem">
          ${choices.length > 1
            ? html`<label style="display: flex; gap: 0.5rem; align-items: center">Pairing with
                <select data-testid="schedule-pairing" @change=${(event: Event) => ((pairingId = (event.target as HTMLSelectElement).value), draw())}>
                  ${choices.map((pairing) => html`<option value=${pairing.id} ?selected=${pairing.id === pairingId}>${pairing.menteeId === kit.user.id ? pairing.mentorIds.map(nameOf).join(' and ') : nameOf(pairing.menteeId)}</option>`)}
                </select></label>`
            : nothing}
          <mk-agreement pairing-id=${pairingId} heading-level="3"
            @mk-agreement-proposed=${say('Working agreement proposed: the others are asked to confirm it.')}
            @mk-agreement-changed=${say('Working agreement changed: a new version to confirm.')}
            @mk-agreement-confirmed=${say('You confirmed the working agreement.')}></mk-agreement>
          <mk-scheduler pairing-id=${pairingId} heading-level="3"
            @mk-session-booked=${(event: CustomEvent<{ sessionIds: string[] }>) => context.setStatus(`${event.detail.sessionIds.length === 1 ? 'Session' : `${event.detail.sessionIds.length} sessions`} booked.`)}
            @mk-calendar-download=${say('Calendar file downloaded: open it to add the sessions to your calendar.')}></mk-scheduler>
          <mk-checkin pairing-id=${pairingId} heading-level="3"
            @mk-checkin-level-change=${say('Check-in level change proposed in the agreement.')}></mk-checkin>
        </div>`,
        container,
      );
    draw();
    return () => render(nothing, container);
  },
};
