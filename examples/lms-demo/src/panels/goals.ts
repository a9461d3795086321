import type { DemoPanel } from './panel.js';

/** The demo's goals panel (being built; see its issue). */
export const goalsPanel: DemoPanel = {
  id: 'goals-panel',
  visible: () => false,
  mount: () => () => undefined,
};
