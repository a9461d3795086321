/**
 * @mentorkit/server — the REST storage contract (docs/openapi.yaml) on PostgreSQL, enforcing core's
 * validation and access policy on every request.
 */
export { createRestBackend, devAuthentication, decodeIdSegment, type Authenticate, type Caller, type RestBackend, type RestBackendOptions } from './server.js';
export { createPostgresStorage } from './store.js';
export { migrate, MIGRATIONS } from './schema.js';
