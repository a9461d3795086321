// What the bench pages share: the stage they render into, a forced layout, and a settled frame.

/** The page's `#stage` element. */
export const stage = (): HTMLElement => document.getElementById('stage')!;
/** Forces layout (reads offsetHeight), so a measured render includes it. */
export const layout = (): number => document.body.offsetHeight;
/** Lets the browser finish a frame (paint, content-visibility bookkeeping) before the next measurement. */
export const settle = (): Promise<void> => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))));
