import type { DemoPanel } from './panel.js';

/** The demo's coaching panel (being built; see its issue). */
export const coachingPanel: DemoPanel = {
  id: 'coaching-panel',
  visible: () => false,
  mount: () => () => undefined,
};
