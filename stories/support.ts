/**
 * Data for the stories: the demo programme ("Engineering Mentoring 2026", 10 mentors, 22 mentees,
 * 17 time zones) seeded into a fresh memory adapter, and clients on it with a fixed clock so the
 * local times in every story are the same each time.
 */
import { createMemoryStorage, createMentorKit, type MentorKit, type StorageAdapter, type StoredRecord } from '@mentorkit/core';
import { seedDemoProgram } from '../examples/shared/demo-program.js';

export { DEMO_VIEWERS } from '../examples/shared/demo-program.js';

/**
 * Wednesday 14 October 2026, 21:10 UTC: 23:10 for Lucía in Madrid, 06:10 Thursday for Kenji in
 * Tokyo, 02:55 Thursday for Arjun in Kathmandu.
 */
export const STORY_NOW = '2026-10-14T21:10:00Z';

/** A ready client for `viewerId` on a freshly seeded memory adapter. */
export async function demoKit(viewerId: string, options: { now?: string; storage?: StorageAdapter } = {}): Promise<MentorKit> {
  const storage = options.storage ?? createMemoryStorage();
  await seedDemoProgram(storage);
  const now = options.now ?? STORY_NOW;
  const kit = createMentorKit({ storage, user: { id: viewerId }, now: () => now });
  await kit.ready;
  return kit;
}

/** A client whose storage never answers: it stays `loading`. */
export function loadingKit(): MentorKit {
  const never = new Promise<never>(() => undefined);
  const storage: StorageAdapter = { name: 'never-answers', get: () => never, query: () => never, put: () => never, delete: () => never };
  return createMentorKit({ storage, user: { id: 'lucia-fernandez' } });
}

/** A client whose storage fails (as a host backend that is down would). */
export async function failingKit(message = 'The mentoring service did not answer (HTTP 503). Try again in a minute.'): Promise<MentorKit> {
  const fail = async (): Promise<never> => {
    throw new Error(message);
  };
  const storage: StorageAdapter = { name: 'acme-backend', get: fail, query: fail as () => Promise<StoredRecord[]>, put: fail, delete: fail };
  const kit = createMentorKit({ storage, user: { id: 'lucia-fernandez' } });
  await kit.ready.catch(() => undefined);
  return kit;
}

/** The story every element has for "the client is still loading" (a fresh object each time). */
export const loadingStory = () => ({ loaders: [async () => ({ kit: loadingKit() })] });

/** The story every element has for "the storage failed" (a fresh object each time). */
export const loadErrorStory = () => ({ loaders: [async () => ({ kit: await failingKit() })] });

/**
 * In a story's `play`: the element `tag` in the canvas and the first match of `selector` in its shadow
 * root, once it rendered (waits up to two seconds).
 */
export async function shadowPart<T extends HTMLElement>(canvasElement: HTMLElement, tag: string, selector: string): Promise<{ host: T; found: HTMLElement }> {
  const host = canvasElement.querySelector<T>(tag)!;
  for (let attempt = 0; attempt < 100 && !host.shadowRoot?.querySelector(selector); attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
  return { host, found: host.shadowRoot!.querySelector<HTMLElement>(selector)! };
}

/** Gives people of the demo programme very long names, and one a name that looks like HTML (shown as text). */
export async function giveAwkwardNames(storage: StorageAdapter): Promise<void> {
  for (const [id, displayName] of [
    ['kenji-watanabe', 'Maximiliane Alexandra von Hohenzollern-Sigmaringen-Wittelsbach'],
    ['daniel-kim', 'Daniel Alejandro Kim-Fernández de la Cruz y Santamaría'],
    ['arjun-shrestha', '<img src=x onerror=alert(1)>'],
  ] as const) {
    const record = await storage.get('people', id);
    if (record) await storage.put('people', { ...record, displayName });
  }
}

/** The demo programme where two people have awkward names: very long, and one that looks like HTML. */
export async function awkwardNamesKit(): Promise<MentorKit> {
  const storage = createMemoryStorage();
  await seedDemoProgram(storage);
  const rename = async (id: string, displayName: string, headline?: string) => {
    const record = await storage.get('people', id);
    if (record) await storage.put('people', { ...record, displayName, ...(headline ? { headline } : {}) });
  };
  await rename(
    'kenji-watanabe',
    'Maximiliane Alexandra von Hohenzollern-Sigmaringen-Wittelsbach',
    'Principal engineer, platform reliability and developer experience',
  );
  await rename('arjun-shrestha', '<img src=x onerror=alert(1)>', '<script>alert("headline")</script>');
  const kit = createMentorKit({ storage, user: { id: 'lucia-fernandez' }, now: () => STORY_NOW });
  await kit.ready;
  return kit;
}
