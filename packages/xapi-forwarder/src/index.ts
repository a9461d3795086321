/**
 * @mentorkit/xapi-forwarder — sends MentorKit's learning records (xAPI 1.0.3 or 2.0 statements
 * from `@mentorkit/core/xapi`) to a learning record store in batches, with retries, off the UI path.
 */
export { createXapiForwarder, basicAuth } from './forwarder.js';
export type { ForwarderProblem, XapiForwarder, XapiForwarderOptions } from './forwarder.js';
