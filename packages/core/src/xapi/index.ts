/**
 * `@mentorkit/core/xapi`: learning records. `toXapiStatement(event, options)` turns a domain event into
 * an xAPI 1.0.3 statement; `validateXapiStatement` checks any statement against the xAPI rules.
 * `@mentorkit/xapi-forwarder` sends them to an LRS in batches.
 */
export { toXapiStatement, isXapiEventType, stableUuid, xapiLookupFromKit, DEFAULT_VERBS, XAPI_EVENT_VERBS } from './statements.js';
export type { VerbMap, XapiVerbKey, XapiEventType, XapiLookup, XapiOptions } from './statements.js';
export { validateXapiStatement, assertValidXapiStatement, isXapiIri, isXapiUuid, isXapiTimestamp, isXapiDuration, isLanguageTag } from './validate.js';
export type { XapiValidationResult } from './validate.js';
export type * from './statement-types.js';
