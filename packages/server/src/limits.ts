import { ServerConfigurationError } from './identity.js';

/** What one request, person or instance may use. Every field has a documented default. */
export interface ServerLimits {
  /** Largest record body (PUT /collections/…/records/…), in bytes. Default 1 000 000 (1 MB). */
  recordBytes: number;
  /** Deepest JSON nesting accepted in a record body (the record itself is level 1). Default 100. */
  jsonDepth: number;
  /** Largest attachment (PUT /blobs/…), in bytes. Default 25 000 000 (25 MB). */
  attachmentBytes: number;
  /** Total size of one person's attachments, in bytes (services: no quota). Default 250 000 000 (250 MB). */
  attachmentQuotaBytesPerPerson: number;
  /** Open change streams (GET /changes) per person; more are 429. Default 8. */
  changeStreamsPerPerson: number;
  /** Open change streams on this instance; more are 503. Default 2000. */
  changeStreams: number;
  /**
   * Bytes a change stream may have waiting to be sent (a subscriber that does not read). Past it the
   * subscriber is sent `event: resync` (best effort) and dropped. Default 1 048 576 (1 MiB).
   */
  changeStreamBufferBytes: number;
  /** Body of POST /dev/token, in bytes. Default 4096. */
  smallBodyBytes: number;
}

export const DEFAULT_LIMITS: Readonly<ServerLimits> = Object.freeze({
  recordBytes: 1_000_000,
  jsonDepth: 100,
  attachmentBytes: 25_000_000,
  attachmentQuotaBytesPerPerson: 250_000_000,
  changeStreamsPerPerson: 8,
  changeStreams: 2000,
  changeStreamBufferBytes: 1_048_576,
  smallBodyBytes: 4096,
});

/** The defaults with `given` on top; throws ServerConfigurationError on a value that is not a positive integer. */
export function resolveLimits(given: Partial<ServerLimits> = {}): ServerLimits {
  const limits: ServerLimits = { ...DEFAULT_LIMITS };
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (!(name in DEFAULT_LIMITS)) throw new ServerConfigurationError(`limits.${name} is not a limit; the limits are ${Object.keys(DEFAULT_LIMITS).join(', ')}.`);
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw new ServerConfigurationError(`limits.${name} must be a positive whole number (got ${JSON.stringify(value)}).`);
    limits[name as keyof ServerLimits] = value;
  }
  return limits;
}
