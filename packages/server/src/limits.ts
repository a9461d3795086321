import { ServerConfigurationError } from './identity.js';

/** What one request, person, remote address or instance may use. Every field has a documented default. */
export interface ServerLimits {
  /** Largest record body (PUT /collections/…/records/…), in bytes. Default 1 000 000 (1 MB). */
  recordBytes: number;
  /** Deepest JSON nesting accepted in a record body (the record itself is level 1). Default 100. */
  jsonDepth: number;
  /** Largest attachment (PUT /blobs/…), in bytes. Default 25 000 000 (25 MB). */
  attachmentBytes: number;
  /** Total size of one person's attachments, in bytes (services: no quota). Default 250 000 000 (250 MB). */
  attachmentQuotaBytesPerPerson: number;
  /** Attachment uploads (PUT /blobs/…) one person may have in progress at once; more are 429. Default 4. */
  attachmentUploadsPerPerson: number;
  /** Attachment downloads (GET /blobs/…) one person may have in progress at once; more are 429 with Retry-After. Default 4. */
  attachmentDownloadsPerPerson: number;
  /**
   * Attachment downloads in progress on this instance, all callers together; more are 503 with
   * Retry-After. Each holds at most one piece (128 KiB) of the attachment in memory and no database
   * connection while the client reads. Default 256.
   */
  attachmentDownloads: number;
  /** Record writes (PUT/DELETE /collections/…/records/…) one person may have in progress at once; more are 429. Default 16. */
  recordWritesPerPerson: number;
  /**
   * Bytes of request bodies this instance holds in memory at once, across all requests: what has
   * arrived (a declared Content-Length must fit in what is free when the request starts). A body
   * that does not fit is refused with 503 and Retry-After before more of it is read. Attachment
   * bodies leave a tenth of it (at least `recordBytes`, as far as `attachmentBytes` leaves room) to
   * record bodies, so uploads never crowd out record writes. At least `attachmentBytes` and
   * `recordBytes`. Default 200 000 000 (200 MB), or `attachmentBytes` when that is larger.
   */
  bodyBufferBytes: number;
  /**
   * Bytes of request bodies one person may have declared (or, chunked, sent) at once, all their
   * requests together; past it 429 with Retry-After before the body is read. At least the largest
   * body, at most `bodyBufferBytes`. Default a quarter of `bodyBufferBytes` (50 MB), or the largest
   * body when that is larger.
   */
  bodyBufferBytesPerPerson: number;
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
  /**
   * Open TCP connections of the server `listen()` starts (`server.maxConnections`); more are closed at
   * once. Keep it well below the process's open-file limit (`ulimit -n`): PostgreSQL connections need
   * descriptors too. Default 5000 (MENTORKIT_MAX_CONNECTIONS).
   */
  connections: number;
  /**
   * Open TCP connections from one remote address (`listen()` only); more are closed at once. `0` turns
   * it off. Behind a reverse proxy every connection comes from the proxy: raise it or turn it off there,
   * and limit per-client connections at the proxy. Default 2000 (MENTORKIT_MAX_CONNECTIONS_PER_ADDRESS).
   */
  connectionsPerAddress: number;
  /** Time a client has to send a request's headers, in ms (`server.headersTimeout`, `listen()` only). Default 15 000. */
  headersTimeoutMs: number;
  /**
   * Time a client has to send a whole request, headers and body, in ms (`server.requestTimeout`,
   * `listen()` only; change streams are not cut by it). Default 120 000 (25 MB at ~2 Mbit/s).
   */
  requestTimeoutMs: number;
}

/**
 * Bytes of `bodyBufferBytes` attachment bodies never take (kept for record and small bodies): a
 * tenth of it, at least `recordBytes`, but never so much that one largest attachment cannot fit.
 */
export function recordReserveBytes(limits: Pick<ServerLimits, 'bodyBufferBytes' | 'recordBytes' | 'attachmentBytes'>): number {
  return Math.max(0, Math.min(Math.max(Math.floor(limits.bodyBufferBytes / 10), limits.recordBytes), limits.bodyBufferBytes - limits.attachmentBytes));
}

export const DEFAULT_LIMITS: Readonly<ServerLimits> = Object.freeze({
  recordBytes: 1_000_000,
  jsonDepth: 100,
  attachmentBytes: 25_000_000,
  attachmentQuotaBytesPerPerson: 250_000_000,
  attachmentUploadsPerPerson: 4,
  attachmentDownloadsPerPerson: 4,
  attachmentDownloads: 256,
  recordWritesPerPerson: 16,
  bodyBufferBytes: 200_000_000,
  bodyBufferBytesPerPerson: 50_000_000,
  changeStreamsPerPerson: 8,
  changeStreams: 2000,
  changeStreamBufferBytes: 1_048_576,
  smallBodyBytes: 4096,
  connections: 5000,
  connectionsPerAddress: 2000,
  headersTimeoutMs: 15_000,
  requestTimeoutMs: 120_000,
});

/** Limits where `0` means "off". */
const ZERO_MEANS_OFF: ReadonlySet<string> = new Set(['connectionsPerAddress']);

/**
 * The defaults with `given` on top; throws ServerConfigurationError on a value that is not a positive
 * integer (or 0 where that means off), or on limits that contradict each other.
 */
export function resolveLimits(given: Partial<ServerLimits> = {}): ServerLimits {
  const limits: ServerLimits = { ...DEFAULT_LIMITS };
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(DEFAULT_LIMITS, name))
      throw new ServerConfigurationError(`limits.${name} is not a limit; the limits are ${Object.keys(DEFAULT_LIMITS).join(', ')}.`);
    const least = ZERO_MEANS_OFF.has(name) ? 0 : 1;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < least) {
      throw new ServerConfigurationError(
        `limits.${name} must be a ${least === 0 ? 'whole number, 0 for off' : 'positive whole number'} (got ${JSON.stringify(value)}).`,
      );
    }
    limits[name as keyof ServerLimits] = value;
  }
  const largestBody = Math.max(limits.attachmentBytes, limits.recordBytes);
  // Not given: at least one largest body fits (a host that raised attachmentBytes keeps working).
  if (given.bodyBufferBytes === undefined) limits.bodyBufferBytes = Math.max(limits.bodyBufferBytes, largestBody);
  if (limits.bodyBufferBytes < largestBody) {
    throw new ServerConfigurationError(
      `limits.bodyBufferBytes (${limits.bodyBufferBytes}) is smaller than the largest body the server accepts (${largestBody} bytes, limits.${limits.attachmentBytes >= limits.recordBytes ? 'attachmentBytes' : 'recordBytes'}): such a body could never be received. Raise bodyBufferBytes or lower that limit.`,
    );
  }
  if (given.bodyBufferBytesPerPerson === undefined)
    limits.bodyBufferBytesPerPerson = Math.min(limits.bodyBufferBytes, Math.max(Math.floor(limits.bodyBufferBytes / 4), largestBody));
  if (limits.bodyBufferBytesPerPerson < largestBody || limits.bodyBufferBytesPerPerson > limits.bodyBufferBytes) {
    throw new ServerConfigurationError(
      `limits.bodyBufferBytesPerPerson (${limits.bodyBufferBytesPerPerson}) must be at least the largest body the server accepts (${largestBody} bytes) and at most limits.bodyBufferBytes (${limits.bodyBufferBytes}).`,
    );
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new ServerConfigurationError(
      `limits.headersTimeoutMs (${limits.headersTimeoutMs}) must not be longer than limits.requestTimeoutMs (${limits.requestTimeoutMs}): the headers are part of the request.`,
    );
  }
  return limits;
}
