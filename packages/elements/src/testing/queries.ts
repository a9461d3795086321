// What the element tests share to read a rendered element: its parts and their text, the element that
// really has the focus (through shadow roots), and clients that are disposed after each test.
import type { MentorKit } from '@mentorkit/core';

/** The first element of `host`'s shadow root whose `part` holds `name`. */
export const part = (host: Element, name: string) => host.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Every element of `host`'s shadow root whose `part` holds `name`. */
export const parts = (host: Element, name: string) => [...host.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

/** A node's text with runs of white space folded to one space, trimmed ('' for none). */
export const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The element that has the focus, looked for through every shadow root. */
export function focused(): HTMLElement | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element as HTMLElement | null;
}

/**
 * Registers an `afterEach` that disposes the clients a test made; returns `track`, which hands a client
 * back after noting it: `const kit = track(createMentorKit(…))`.
 */
export function disposeKitsAfterEach(): (kit: MentorKit) => MentorKit {
  const kits: MentorKit[] = [];
  afterEach(async () => {
    await Promise.all(kits.splice(0).map((kit) => kit.dispose()));
  });
  return (kit) => {
    kits.push(kit);
    return kit;
  };
}

/** `value` without the fields that are undefined (what a server does with a change that leaves a field out). */
export const definedFields = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
