import { html, render } from 'lit';
import { DEMO_PROGRAM_ID } from '../../../shared/demo-program.js';
import type { DemoPanel } from './panel.js';

/**
 * The admin's matching board for the demo programme: the waiting mentees, the mentors with free
 * seats, weights, the proposed pairs with their reasons, pin/veto/swap, and approval (which creates
 * the pairings the mentees then see on their card).
 */
export const pairingBoardPanel: DemoPanel = {
  id: 'pairing-board-panel',
  visible: (context) => context.viewAs === 'admin',
  mount(container, context) {
    const onActivate = (event: CustomEvent<{ pairingIds: string[] }>) =>
      context.setStatus(
        `${event.detail.pairingIds.length} new pairing${event.detail.pairingIds.length === 1 ? '' : 's'} activated; the mentees and mentors have been notified.`,
      );
    render(html`<mk-pairing-board program-id=${DEMO_PROGRAM_ID} @mk-pairing-round-activate=${onActivate}></mk-pairing-board>`, container);
    return () => render(html``, container);
  },
};
