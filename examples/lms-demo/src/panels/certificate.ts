import { html, nothing, render } from 'lit';
import type { Pairing } from '@mentorkit/core';
import type { DemoPanel } from './panel.js';

/**
 * The demo's "Certificates" place: `<mk-certificate>` for each finished (closed) pairing the viewer
 * sees — the mentee's and mentor's own, every one of the programme for its admin. Certificates are
 * issued by MentorKit's server: on `?storage=rest` (or `npm run demo:server`, which seeds Lucía's
 * finished pairing with Aisha Bello) Lucía downloads hers and its verification address answers; on
 * IndexedDB the element says certificates need the server. With no finished pairing, it shows the
 * current pairing's (what is still missing).
 */
export const certificatePanel: DemoPanel = {
  id: 'certificate-panel',
  visible: () => true,
  mount(container, context) {
    const { kit } = context;
    const draw = (pairings: readonly Pairing[]) => {
      const me = kit.user.id;
      const finished = pairings.filter(
        (pairing) => pairing.status === 'closed' && (context.viewAs === 'admin' || pairing.menteeId === me || pairing.mentorIds.includes(me)),
      );
      const shown = finished.length > 0 ? finished.map((pairing) => pairing.id) : context.pairingId ? [context.pairingId] : [];
      render(
        html`<div class="certificate-panel" style="display: grid; gap: 1.25rem">
          ${shown.length === 0 ? html`<p>A certificate of participation appears here when a pairing ends.</p>` : nothing}
          ${shown.map(
            (pairingId) => html`<mk-certificate heading-level="3" pairing-id=${pairingId}
              @mk-certificate-issue=${() => context.setStatus('Certificate issued.')}
              @mk-certificate-revoke=${() => context.setStatus('Certificate revoked.')}
              @mk-certificate-download=${() => context.setStatus('Certificate downloaded.')}></mk-certificate>`,
          )}
        </div>`,
        container,
      );
    };
    draw(kit.$pairings.get());
    const unsubscribe = kit.$pairings.listen(draw);
    return () => {
      unsubscribe();
      render(nothing, container);
    };
  },
};
