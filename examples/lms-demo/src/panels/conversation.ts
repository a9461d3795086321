import type { DemoPanel } from './panel.js';

/** The demo's conversation panel (being built; see its issue). */
export const conversationPanel: DemoPanel = {
  id: 'conversation-panel',
  visible: () => false,
  mount: () => () => undefined,
};
