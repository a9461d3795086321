export * from './policy.js';
export { changedFields, sameValue } from './rules.js';
export { BUILT_IN_POLICIES } from './built-in.js';
export * from './records.js';
