import type { DemoPanel } from './panel.js';

/** The demo's schedule panel (being built; see its issue). */
export const schedulePanel: DemoPanel = {
  id: 'schedule-panel',
  visible: () => false,
  mount: () => () => undefined,
};
