import type { MentorKit } from './client.js';

/**
 * Resolves when the client's caches of `collections` are loaded (tracking them if needed), with the
 * people, programmes and pairings the policy reads: `kit.ready` covers every tracked collection.
 */
export function whenCollectionsLoaded(kit: MentorKit, collections: readonly string[]): Promise<void> {
  for (const collection of collections) kit.collection(collection);
  return kit.ready;
}
