import type { MentorKit } from '../client/client.js';

/** Resolves when the client's caches of `collections` are loaded (uses `internals.loaded` when the client has it). */
export function whenCollectionsLoaded(kit: MentorKit, collections: readonly string[]): Promise<void> {
  const loaded = (kit.internals as { loaded?: (collection: string) => Promise<void> }).loaded;
  if (typeof loaded === 'function') return Promise.all(collections.map((collection) => loaded(collection))).then(() => undefined);
  // Clients without `internals.loaded`: a refresh re-reads every tracked collection, so afterwards these are loaded too.
  return kit.ready.then(() => kit.refresh());
}
