/**
 * `@mentorkit/core/testing`: the storage conformance suite every `StorageAdapter` must pass, and the
 * framework-agnostic checks it is built from.
 */
export { storageConformanceCases } from './conformance/index.js';
export type { ConformanceCase, ConformanceRunContext, StorageConformanceOptions } from './conformance/index.js';
export { ConformanceFailure, check, checkEqual, checkRefused, findDifference, formatValue } from './assertions.js';
