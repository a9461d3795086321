/**
 * @mentorkit/server — the REST storage contract (docs/openapi.yaml) on PostgreSQL, enforcing core's
 * validation and access policy on every request, with verified identity, limits and health checks.
 * Mount it in a host's Node app (`createMentorKitServer(...).handle`) or run `mentorkit-server`.
 */
export {
  createMentorKitServer,
  createRestBackend,
  decodeIdSegment,
  type MentorKitServer,
  type MentorKitServerOptions,
  type RestBackend,
  type RestBackendOptions,
} from './server.js';
export { ServerConfigurationError, devAuthentication, isLoopbackHost, type Authenticate, type Caller, type IdentityOptions } from './identity.js';
export { DEFAULT_LIMITS, type ServerLimits } from './limits.js';
export { createPostgresStorage } from './store.js';
export { migrate, MIGRATIONS } from './schema.js';
export type { NotificationPreferences, ReminderRun } from './reminders/service.js';
