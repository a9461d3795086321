// The registry of access rules, by collection: the built-in first-load rules (policy.ts puts them
// here), the host's (registerCollectionPolicy) and the ones features bring (defineFeature's policy).
// Its own module, so a feature's code registers its rules without importing every built-in rule.
import { MentorKitError } from '../model/errors.js';
import type { CollectionPolicy } from './rules.js';

/** The registered description of each collection's access rules. */
export const policies = new Map<string, CollectionPolicy>();
/** Every built-in collection, also those whose rule loads on demand (a host cannot take their names). */
export const builtIn = new Set<string>();
/** Built-in rules that load with their feature rather than first (the concerns rule): the only rules a feature may bring for a built-in collection. */
const onDemand = new WeakSet<CollectionPolicy>();
/** The feature that brought each collection's rule (`defineFeature({ policy })`). */
export const broughtBy = new Map<string, string>();

/**
 * Marks a built-in rule that loads on demand with its feature (`defineFeature({ policy })`) rather
 * than in every client's first load; returns it. Not for hosts.
 */
export function onDemandPolicy<TPolicy extends CollectionPolicy>(policy: TPolicy): TPolicy {
  onDemand.add(policy);
  return policy;
}

/**
 * Registers the access rules a feature brings (`defineFeature({ policy })`), when it is installed:
 * from then on `decide` checks that collection's reads and writes with them, for every client of the
 * page (or process). All or nothing: throws `conflict` (nothing registered) when a collection already
 * has another rule — built-in, the host's (`registerCollectionPolicy`) or another feature's. The same
 * description again is fine (the feature on a second client; a rule a server or shared module
 * registered). For a built-in collection a feature may bring only its built-in rule (`onDemandPolicy`).
 * Kept small: it ships in the CDN's runtime chunk with the client.
 */
export function registerFeaturePolicies(feature: string, rules: readonly CollectionPolicy[]): void {
  for (const rule of rules) {
    const { collection } = rule;
    const existing = policies.get(collection);
    if (existing !== rule && (existing || (builtIn.has(collection) && !onDemand.has(rule))))
      throw new MentorKitError(
        'conflict',
        `The feature "${feature}" brings a second access rule for "${collection}" (built-in, the host's or another feature's is there).`,
        { path: `feature.policy.${collection}` },
      );
  }
  for (const rule of rules) {
    if (policies.get(rule.collection) !== rule && !builtIn.has(rule.collection)) broughtBy.set(rule.collection, feature);
    policies.set(rule.collection, rule);
  }
}
