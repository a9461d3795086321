import { concernsPolicy } from './concerns-rule.js';
import { FIRST_LOAD_POLICIES, type CollectionPolicy } from './rules.js';

/** The built-in descriptions, by collection: every MentorKit collection's access rules (a server checks them all). */
export const BUILT_IN_POLICIES: readonly CollectionPolicy[] = [...FIRST_LOAD_POLICIES, concernsPolicy];
