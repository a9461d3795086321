import { ContextRoot } from '@lit/context';

const ATTACHED = Symbol.for('mentorkit.context-root');

/**
 * Attaches a lit `ContextRoot` to the document once, so an element that upgrades before its
 * `<mk-provider>` is defined (e.g. `pairing-card/define.js` loaded first) still receives the
 * client when the provider arrives. Called by the `define.ts` modules before they register.
 */
export function ensureContextRoot(target: Document = document): void {
  const flagged = target as Document & { [ATTACHED]?: true };
  if (flagged[ATTACHED]) return;
  flagged[ATTACHED] = true;
  new ContextRoot().attach(target as unknown as HTMLElement);
}
