/**
 * Helpers for the over-limit stories: a paste into a field of an element's shadow root (the way a
 * person pastes: the value, then an `input` event), and a click on one of its controls, each after
 * waiting for the control to appear.
 */

/** Waits (up to ~4 s) for `selector` in the shadow root of the first `tag` in `canvas`. */
export async function control<T extends HTMLElement>(canvas: HTMLElement, tag: string, selector: string): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const found = canvas.querySelector(tag)?.shadowRoot?.querySelector<T>(selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${tag} never showed ${selector}`);
}

/** Pastes `text` into the field `selector` of `tag` and waits for the element to render it. */
export async function paste(canvas: HTMLElement, tag: string, selector: string, text: string): Promise<void> {
  const field = await control<HTMLInputElement | HTMLTextAreaElement>(canvas, tag, selector);
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
  await (canvas.querySelector(tag) as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
}

/** Clicks the control `selector` of `tag` and waits for the element to render. */
export async function press(canvas: HTMLElement, tag: string, selector: string): Promise<void> {
  (await control<HTMLElement>(canvas, tag, selector)).click();
  await (canvas.querySelector(tag) as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
}

/** Text of `length` characters starting with `start`, for over-limit pastes. */
export const longText = (start: string, length: number): string => `${start} ${'lorem ipsum dolor sit amet '.repeat(Math.ceil(length / 27))}`.slice(0, length);
