import { html, nothing, render } from 'lit';
import { DEMO_PROGRAM_ID } from '../../../shared/demo-program.js';
import type { DemoPanel } from './panel.js';

/**
 * The demo's "Programme report" place, for the programme admin: <mk-programme-report> over the demo
 * programme. On MentorKit's server (`?storage=rest`) the server computes the report over every record,
 * message metadata included, so the median response time is there; on IndexedDB the element computes it
 * in the browser from the records the admin's client holds and says response time is not available
 * here. Opening a pair from the report shows its details (main.ts listens to `mk-pair-open`); the host
 * only says in its status line what was exported.
 */
export const reportPanel: DemoPanel = {
  id: 'report-panel',
  visible: (context) => context.viewAs === 'admin',
  mount(container, context) {
    render(
      html`<mk-programme-report heading-level="3" program-id=${DEMO_PROGRAM_ID} pair-href="#pair={id}"
        @mk-report-export=${(event: CustomEvent<{ filename: string }>) => context.setStatus(`Exported ${event.detail.filename}.`)}></mk-programme-report>`,
      container,
    );
    return () => render(nothing, container);
  },
};
