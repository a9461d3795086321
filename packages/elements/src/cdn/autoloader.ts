/**
 * Loads each MentorKit element the first time the page uses it (the way Shoelace's autoloader works):
 * the CDN script stays small, and a page with only `<mk-goal-tracker>` downloads only the goal
 * tracker (plus what it shares with the provider). Elements already in the page are found at start;
 * elements added later (by a framework, `innerHTML`, a template) are found by a MutationObserver.
 *
 * Elements created inside another component's shadow root are out of the observer's sight: call
 * `loadElement('mk-thread')` (or `loadAllElements()`) before creating them there.
 */

// @generated:start — from src/elements.ts by src/generate-elements.ts; do not edit by hand
/** Tag → the module that defines it (every element but the provider, which the CDN entry defines at once). */
export const ELEMENT_LOADERS: Readonly<Record<string, () => Promise<unknown>>> = {
  'mk-agreement': () => import('../agreement/define.js'),
  'mk-calendar-connections': () => import('../calendar-connections/define.js'),
  'mk-celebration': () => import('../celebration/define.js'),
  'mk-certificate': () => import('../certificate/define.js'),
  'mk-checkin': () => import('../checkin/define.js'),
  'mk-coaching-flow': () => import('../coaching-flow/define.js'),
  'mk-concern-queue': () => import('../concern-queue/define.js'),
  'mk-escalation-ladder': () => import('../escalation-ladder/define.js'),
  'mk-feedback-insights': () => import('../feedback-insights/define.js'),
  'mk-goal-editor': () => import('../goal-editor/define.js'),
  'mk-goal-tracker': () => import('../goal-tracker/define.js'),
  'mk-icebreaker': () => import('../icebreaker/define.js'),
  'mk-notification-preferences': () => import('../notification-preferences/define.js'),
  'mk-pairing-board': () => import('../pairing-board/define.js'),
  'mk-pairing-card': () => import('../pairing-card/define.js'),
  'mk-programme-report': () => import('../programme-report/define.js'),
  'mk-raise-concern': () => import('../raise-concern/define.js'),
  'mk-scheduler': () => import('../scheduler/define.js'),
  'mk-session-feedback': () => import('../session-feedback/define.js'),
  'mk-thread': () => import('../thread/define.js'),
};

/**
 * Elements another element renders inside its shadow root without importing them (so that npm users
 * who do not want them do not pay for them); the autoloader cannot see into shadow roots, so it loads
 * them together.
 */
export const ELEMENT_COMPANIONS: Readonly<Record<string, readonly string[]>> = {
  'mk-goal-tracker': ['mk-celebration'],
};
// @generated:end

const loading = new Map<string, Promise<void>>();
const warned = new Set<string>();

/**
 * Defines `tag` (e.g. `'mk-goal-tracker'`) if it is not defined yet; resolves once it is. Rejects for a
 * tag MentorKit does not have, and when its module cannot be loaded (e.g. the network failed — a later
 * call tries again).
 */
export function loadElement(tag: string): Promise<void> {
  const name = String(tag).toLowerCase();
  if (customElements.get(name)) return Promise.resolve();
  const loader = ELEMENT_LOADERS[name];
  if (!loader) return Promise.reject(new Error(`MentorKit has no element <${name}>. Known elements: ${Object.keys(ELEMENT_LOADERS).join(', ')}.`));
  let pending = loading.get(name);
  if (!pending) {
    pending = Promise.all([loader(), ...(ELEMENT_COMPANIONS[name] ?? []).map(loadElement)]).then(
      () => undefined,
      (error: unknown) => {
        loading.delete(name);
        throw error;
      },
    );
    loading.set(name, pending);
  }
  return pending;
}

/** Defines every MentorKit element now (for pages that create elements where the autoloader cannot see). */
export function loadAllElements(): Promise<void> {
  return Promise.all(Object.keys(ELEMENT_LOADERS).map(loadElement)).then(() => undefined);
}

function discover(root: ParentNode): void {
  const candidates =
    root instanceof Element && root.localName.startsWith('mk-')
      ? [root, ...root.querySelectorAll(':not(:defined)')]
      : [...root.querySelectorAll(':not(:defined)')];
  for (const element of candidates) {
    const tag = element.localName;
    if (!tag.startsWith('mk-') || customElements.get(tag)) continue;
    if (!ELEMENT_LOADERS[tag]) {
      if (!warned.has(tag)) {
        warned.add(tag);
        console.warn(`[mentorkit] <${tag}> is not a MentorKit element (a typo?). Known elements: ${Object.keys(ELEMENT_LOADERS).join(', ')}.`);
      }
      continue;
    }
    loadElement(tag).catch((error: unknown) => console.error(`[mentorkit] could not load <${tag}>:`, error));
  }
}

let observer: MutationObserver | undefined;

/** Starts watching `root` (default: the document) for MentorKit tags. Idempotent; returns a stop function. */
export function startAutoloader(root: Document | Element = document): () => void {
  if (observer) return () => stopAutoloader();
  discover(root);
  observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) if (node instanceof Element) discover(node);
    }
  });
  observer.observe(root instanceof Document ? root.documentElement : root, { childList: true, subtree: true });
  return () => stopAutoloader();
}

function stopAutoloader(): void {
  observer?.disconnect();
  observer = undefined;
}
