import { concernsPolicy } from './concerns-rule.js';
import { addBuiltInPolicy } from './policy.js';
import { FIRST_LOAD_POLICIES, type CollectionPolicy } from './rules.js';

/** Built-in rules a browser loads with their feature (`defineFeature({ policy })`) rather than first. */
const ON_DEMAND_POLICIES: readonly CollectionPolicy[] = [concernsPolicy];

/**
 * The built-in descriptions, by collection: every MentorKit collection's access rules (a server checks
 * them all). Importing this module registers the ones that load on demand, so `decide` on a server
 * (which imports `@mentorkit/core`, and with it this module) covers every built-in collection — a
 * browser's first load leaves this module out and gets those rules from their features.
 */
export const BUILT_IN_POLICIES: readonly CollectionPolicy[] = [...FIRST_LOAD_POLICIES, ...ON_DEMAND_POLICIES];

for (const policy of ON_DEMAND_POLICIES) addBuiltInPolicy(policy);
