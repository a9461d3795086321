import type { MentorKit } from '@mentorkit/core';

/** Who the demo is viewing as. */
export type DemoViewAs = 'mentee' | 'mentor' | 'admin';

/**
 * What every feature panel of the demo gets. A panel renders into its own `<section>` (its container),
 * which sits inside `<mk-provider>`, so elements find the client through context; `kit` is there for
 * the host-side parts (commands, stores, events).
 */
export interface DemoPanelContext {
  kit: MentorKit;
  viewAs: DemoViewAs;
  /** The pairing the page is about: the viewer's first active pairing (admins: the selected one, if any). */
  pairingId: string | undefined;
  /** Shows a line in the page's status bar (errors as alerts). */
  setStatus(message: string, kind?: 'info' | 'error'): void;
}

/**
 * A feature panel of the demo. `mount` renders into the container and returns a cleanup function,
 * called before the viewer changes. The container's section is hidden when `mount` returns `false`
 * from `visible` (e.g. the pairing board is for admins only).
 */
export interface DemoPanel {
  /** The section id in index.html, e.g. "goals-panel". */
  id: string;
  visible(context: DemoPanelContext): boolean;
  mount(container: HTMLElement, context: DemoPanelContext): () => void;
}
