/**
 * `@mentorkit/core/xapi`: learning records. `toXapiStatement(event, options)` turns a domain event into
 * an xAPI statement — 1.0.3 by default, xAPI 2.0 (IEEE 9274.1.1) with `{ version: '2.0.0' }`;
 * `validateXapiStatement` checks any statement against the rules of either version.
 * `@mentorkit/xapi-forwarder` sends them to an LRS in batches.
 */
export { toXapiStatement, isXapiEventType, stableUuid, xapiLookupFromKit, DEFAULT_VERBS, XAPI_EVENT_VERBS } from './statements.js';
export type { VerbMap, XapiVerbKey, XapiEventType, XapiLookup, XapiOptions, XapiRelevantTypes } from './statements.js';
export {
  validateXapiStatement,
  assertValidXapiStatement,
  isXapiIri,
  isXapiUuid,
  isXapiTimestamp,
  isXapiDuration,
  isLanguageTag,
  XAPI_VERSIONS,
} from './validate.js';
export type { XapiValidationResult, XapiValidationOptions, XapiVersion } from './validate.js';
export type * from './statement-types.js';
