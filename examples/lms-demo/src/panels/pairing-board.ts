import type { DemoPanel } from './panel.js';

/** The demo's pairing-board panel (being built; see its issue). */
export const pairingBoardPanel: DemoPanel = {
  id: 'pairing-board-panel',
  visible: () => false,
  mount: () => () => undefined,
};
