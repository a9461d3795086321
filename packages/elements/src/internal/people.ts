import type { Pairing, Person } from '@mentorkit/core';

/**
 * Lookups over the client's people and pairings (an element's `people` and `pairings` store
 * controllers), as plain functions so that a bundle carries them only when its elements call them.
 */

/** A person's display name, or their id when `people` does not know them: `nameOf(this.people.value, id)`. */
export function nameOf(people: Readonly<Record<string, Person>> | undefined, personId: string): string {
  return people?.[personId]?.displayName ?? personId;
}

/** The pairing with `id`: `pairingById(this.pairings.value, this.shownPairingId)` for the one an element shows. */
export function pairingById(pairings: readonly Pairing[] | undefined, id: string | undefined): Pairing | undefined {
  return pairings?.find((pairing) => pairing.id === id);
}
