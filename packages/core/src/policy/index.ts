export * from './policy.js';
export { BUILT_IN_POLICIES, changedFields, sameValue } from './rules.js';
export * from './records.js';
