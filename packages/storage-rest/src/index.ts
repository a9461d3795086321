/**
 * @mentorkit/storage-rest — MentorKit's storage adapter for a host backend over HTTP. The contract is
 * docs/openapi.yaml; examples/rest-backend is a reference server on PostgreSQL.
 */
export { createRestStorage, encodeIdSegment, localStorageQueue } from './rest-storage.js';
export type {
  FlushResult,
  GetTokenOptions,
  OfflineQueueOptions,
  PendingWrite,
  QueuePersistence,
  ReplayFailure,
  RestStorage,
  RestStorageOptions,
  RetryOptions,
} from './rest-storage.js';
export { readServerSentEvents } from './sse.js';
export type { ServerSentEvent } from './sse.js';
