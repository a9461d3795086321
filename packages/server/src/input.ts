import type http from 'node:http';
import { MentorKitError } from '@mentorkit/core';

/**
 * Reading what a request sends, defensively: bodies under a size limit (a refusal is delivered before
 * the connection closes), JSON that is valid UTF-8, not nested too deep and holds only well-formed
 * text, and media types that are safe to send back.
 */

/** An error answered with a specific status (401, 405, 413, 415, 422, 429, 503). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: MentorKitError,
    readonly headers: Record<string, string> = {},
  ) {
    super(error.message);
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether the text is well-formed UTF-16 (no lone surrogate), so it can be stored and sent as UTF-8. */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** `record.title`, `record.items[2]`, `record["a b"]`: a path a person can follow. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** The path of the first key or string that is not well-formed text, or undefined. */
export function findMalformedText(value: unknown, path: string): string | undefined {
  // Iterative: the depth is bounded already, but a wide value must not cost a deep stack either.
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length > 0) {
    const [current, where] = stack.pop()!;
    if (typeof current === 'string') {
      if (!isWellFormedText(current)) return where;
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) stack.push([current[index], childPath(where, index)]);
    } else if (current !== null && typeof current === 'object') {
      for (const key of Object.keys(current)) {
        if (!isWellFormedText(key)) return `${where}[key ${JSON.stringify(key)}]`;
        stack.push([(current as Record<string, unknown>)[key], childPath(where, key)]);
      }
    }
  }
  return undefined;
}

/** The deepest nesting of `[`/`{` in JSON text (strings skipped), stopping once past `limit`. */
export function jsonNestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return deepest;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Parses a request body as JSON: valid UTF-8, nested at most `maxDepth` levels, every key and string
 * well-formed. Anything else is `invalid-input` (400) with a path, never a server error.
 */
export function parseJsonBody(bytes: Uint8Array, options: { maxDepth: number; path: string }): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new MentorKitError('invalid-input', 'The body is not valid UTF-8; send JSON encoded as UTF-8.', { path: 'body' });
  }
  if (jsonNestingDepth(text, options.maxDepth) > options.maxDepth) {
    throw new MentorKitError('invalid-input', `The JSON is nested deeper than ${options.maxDepth} levels; flatten it.`, { path: options.path });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message.slice(0, 120)})` : '';
    throw new MentorKitError('invalid-input', `The body must be the record as JSON${detail}.`, { path: 'body' });
  }
  const malformed = findMalformedText(value, options.path);
  if (malformed !== undefined) {
    throw new MentorKitError(
      'invalid-input',
      `\`${malformed}\` holds text that is not well-formed Unicode (a lone surrogate such as \\ud800); send each character whole.`,
      { path: malformed },
    );
  }
  return value;
}

/**
 * Refusing a request whose body is still arriving: the answer goes out with `Connection: close`,
 * then the rest of the body is read and thrown away for up to `ms` (the client is still writing;
 * closing with unread data would reset the connection and could destroy the answer before the client
 * reads it), then the socket is closed.
 */
export function lingerAfterResponse(request: http.IncomingMessage, response: http.ServerResponse, ms = 5000): void {
  const socket = request.socket as (typeof request.socket & { destroySoon?: () => void; mentorkitLingering?: boolean }) | null;
  if (!socket || socket.mentorkitLingering) return;
  socket.mentorkitLingering = true;
  response.setHeader('Connection', 'close');
  // Node's server calls destroySoon() once the last response is written: half-close instead, and
  // keep reading (the body is discarded) until the client closes or the time is up.
  socket.destroySoon = () => {
    if (!socket.destroyed) socket.end();
    const timer = setTimeout(() => socket.destroy(), ms);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    socket.once('end', () => socket.destroy());
  };
  request.resume();
}

/**
 * Whether an answer now would leave a large body unread: a chunked body, or a Content-Length over
 * 64 KiB not read to its end. (A small unread body is read and discarded by Node after the answer,
 * and the connection is kept.)
 */
export function bodyStillArriving(request: http.IncomingMessage): boolean {
  if (request.complete || request.readableEnded) return false;
  const length = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(length)) return length > 64 * 1024;
  return request.headers['transfer-encoding'] !== undefined;
}

/**
 * The bytes of request bodies an instance holds at once (`limits.bodyBufferBytes`). Each request
 * takes a lease; what it took goes back when the lease is released (when its answer is done).
 *
 * - The instance counts the bytes that have **arrived** (a slow upload declaring 25 MB holds only
 *   what it sent so far), after checking up front that a declared length would fit right now.
 * - A person counts what they **declared** (`limits.bodyBufferBytesPerPerson`; a chunked body as it
 *   arrives): one person's uploads, slow or fast, never hold more than their share.
 * - Attachment bodies never take the last `recordReserve` bytes: a record body (at most
 *   `limits.recordBytes`) still finds room while uploads fill the rest.
 */
export interface BodyBudget {
  readonly capacity: number;
  /** Bytes taken now (arrived and held). */
  readonly used: number;
  /** The most ever taken at once. */
  readonly peak: number;
  /** Requests refused because their body would not fit (the instance's budget or the person's share). */
  readonly refused: number;
  /** Bytes declared or held by people now, all of them together. */
  readonly declaredByPeople: number;
  lease(options?: { actor?: string; kind?: 'attachment' | 'record' | 'other' }): BodyLease;
}

export interface BodyLease {
  readonly capacity: number;
  /** Bytes this lease holds (arrived). */
  readonly held: number;
  /** Whether `admit` let the body in (then it may be asked for with 100 Continue). */
  readonly admitted: boolean;
  /**
   * Before a byte is read: whether a body of `declared` bytes (undefined: chunked) may start. Takes
   * the declared length from the person's share; refuses (429 person, 503 instance) when it does not
   * fit now. Undefined when admitted.
   */
  admit(declared: number | undefined): HttpError | undefined;
  /** Takes `bytes` more as they arrive; the refusal (nothing taken) when they do not fit. */
  take(bytes: number): HttpError | undefined;
  /** Gives back everything this lease took (again: nothing). */
  release(): void;
}

export interface BodyBudgetOptions {
  /** What one person may have declared or held at once (default: `capacity`). */
  perPerson?: number;
  /** Bytes attachment bodies never take, kept for records and small bodies (default 0). */
  recordReserve?: number;
}

export function createBodyBudget(capacity: number, options: BodyBudgetOptions = {}): BodyBudget {
  const perPerson = options.perPerson ?? capacity;
  const recordReserve = Math.max(0, Math.min(options.recordReserve ?? 0, capacity));
  let used = 0;
  let peak = 0;
  let refused = 0;
  let declaredByPeople = 0;
  const byPerson = new Map<string, number>();
  const personUsed = (actor: string) => byPerson.get(actor) ?? 0;
  const addPerson = (actor: string, bytes: number) => {
    const next = personUsed(actor) + bytes;
    if (next > 0) byPerson.set(actor, next);
    else byPerson.delete(actor);
    declaredByPeople += bytes;
  };
  return {
    capacity,
    get used() {
      return used;
    },
    get peak() {
      return peak;
    },
    get refused() {
      return refused;
    },
    get declaredByPeople() {
      return declaredByPeople;
    },
    lease({ actor, kind = 'other' } = {}) {
      let held = 0;
      let personHeld = 0;
      let admitted = false;
      const room = kind === 'attachment' ? capacity - recordReserve : capacity;
      const refuse = (error: HttpError) => {
        refused++;
        return error;
      };
      return {
        capacity,
        get held() {
          return held;
        },
        get admitted() {
          return admitted;
        },
        admit(declared) {
          if (declared !== undefined && actor !== undefined) {
            if (personUsed(actor) + declared - personHeld > perPerson) return refuse(personBodyShareExceeded(perPerson));
          }
          if (declared !== undefined && used + declared - held > room) return refuse(bodyBudgetExceeded(capacity));
          if (declared !== undefined && actor !== undefined && declared > personHeld) {
            addPerson(actor, declared - personHeld);
            personHeld = declared;
          }
          admitted = true;
          return undefined;
        },
        take(bytes) {
          if (used + bytes > room) return refuse(bodyBudgetExceeded(capacity));
          // A declared body was counted against the person's share when it was admitted; a chunked one counts as it arrives.
          const personBytes = actor === undefined ? 0 : Math.max(0, held + bytes - personHeld);
          if (personBytes > 0 && personUsed(actor!) + personBytes > perPerson) return refuse(personBodyShareExceeded(perPerson));
          if (personBytes > 0) {
            addPerson(actor!, personBytes);
            personHeld += personBytes;
          }
          used += bytes;
          held += bytes;
          if (used > peak) peak = used;
          return undefined;
        },
        release() {
          used -= held;
          held = 0;
          if (actor !== undefined && personHeld > 0) addPerson(actor, -personHeld);
          personHeld = 0;
        },
      };
    },
  };
}

/** 413 for a body over `limit` (`what`: "The record", "The attachment"). */
export function bodyTooLarge(limit: number, what: string): HttpError {
  return new HttpError(
    413,
    new MentorKitError('invalid-input', `${what} is larger than the limit of ${formatBytes(limit)}; send at most ${limit} bytes.`, {
      path: 'body',
      details: { limit },
    }),
  );
}

/** 503 for a body that does not fit in what the instance may hold now (nothing was applied). */
export function bodyBudgetExceeded(capacity: number): HttpError {
  return new HttpError(
    503,
    new MentorKitError(
      'storage-error',
      `The server is already receiving as much as it holds at once (${formatBytes(capacity)} of request bodies); nothing was stored. Send this again in a few seconds.`,
      { path: 'body', details: { limit: capacity } },
    ),
    { 'Retry-After': '5' },
  );
}

/** 429 for a body that would take a person past their share of the instance's body budget (nothing was applied). */
export function personBodyShareExceeded(share: number): HttpError {
  return new HttpError(
    429,
    new MentorKitError(
      'forbidden',
      `You are already sending as much as one person may at once (${formatBytes(share)} of request bodies); nothing was stored. Wait for your other uploads to finish, then send this again.`,
      { path: 'body', details: { limit: share } },
    ),
    { 'Retry-After': '5' },
  );
}

/**
 * Reads the body up to `limit` bytes. A declared Content-Length over the limit is refused before
 * reading; a chunked body is read until it passes the limit, then refused (413) and the rest drained.
 * With a `lease`, the body is admitted first (a declared length taken from the person's share and
 * checked against the instance's free room: 429/503 before a byte is read), then every chunk is
 * taken from the instance's budget as it arrives (503 once it stops fitting; the rest is drained).
 */
export function readBody(request: http.IncomingMessage, limit: number, what: string, lease?: BodyLease): Promise<Buffer> {
  const tooLarge = () => bodyTooLarge(limit, what);
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  const known = Number.isSafeInteger(declared) && declared >= 0;
  if (known && declared > limit) return Promise.reject(tooLarge());
  const refusal = lease?.admit(known ? declared : undefined);
  if (refusal) return Promise.reject(refusal);
  return new Promise((resolve, reject) => {
    // Chunks as they arrive (memory grows with what was sent, as the budget counts it), joined at the end.
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: HttpError) => {
      // Stop buffering; the rest is drained (and discarded) while the answer goes out.
      request.off('data', onData);
      chunks.length = 0;
      request.resume();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      // Node ends a declared body at Content-Length; anything past it would be the next request.
      if (known && size + chunk.length > declared) chunk = chunk.subarray(0, declared - size);
      size += chunk.length;
      if (size > limit) return stop(tooLarge());
      const full = lease?.take(chunk.length);
      if (full) return stop(full);
      chunks.push(chunk);
    };
    const cutOff = () => reject(new HttpError(400, new MentorKitError('invalid-input', 'The request body was cut off before its end.', { path: 'body' })));
    request.on('data', onData);
    request.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    request.on('error', reject);
    request.on('aborted', cutOff);
    request.on('close', () => {
      if (!request.complete) cutOff();
    });
  });
}

/** `1 MB`, `25 MiB`-style figure for messages (decimal megabytes, as people read them). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(bytes % 1_000_000 === 0 ? 0 : 1)} MB`;
  if (bytes >= 1000) return `${(bytes / 1000).toFixed(bytes % 1000 === 0 ? 0 : 1)} kB`;
  return `${bytes} bytes`;
}

// ─── attachments ────────────────────────────────────────────────────────────────────────────────

const TOKEN = '[A-Za-z0-9!#$&^_.+-]+';
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(\\s*;\\s*${TOKEN}=(?:${TOKEN}|"[^"\\\\\\r\\n]*"))*$`);

/** Whether `type` is a syntactically valid media type (what may be stored and sent back). */
export function isValidMediaType(type: string): boolean {
  return type.length <= 200 && MEDIA_TYPE.test(type);
}

/**
 * Types an attachment may be served as: none of them renders as a page or runs script. SVG, HTML,
 * XML and everything else go out as application/octet-stream.
 */
const SAFE_ESSENCES = [
  /^audio\/[a-z0-9.+-]+$/,
  /^video\/(mp4|webm|ogg|quicktime)$/,
  /^image\/(png|jpeg|gif|webp|avif)$/,
  /^application\/pdf$/,
  /^text\/(plain|markdown|csv)$/,
];

/** Parameters kept when an attachment is served (the rest are dropped), by the essence's top-level type. */
const SAFE_PARAMETERS: Record<string, (name: string, value: string) => string | undefined> = {
  // `codecs` lets a voice note play (audio/webm;codecs=opus); nothing else.
  audio: (name, value) => (name === 'codecs' && /^[A-Za-z0-9.,+ -]{1,100}$/.test(value) ? value : undefined),
  video: (name, value) => (name === 'codecs' && /^[A-Za-z0-9.,+ -]{1,100}$/.test(value) ? value : undefined),
  // Only UTF-8 (or its ASCII subset): charsets such as UTF-7 can smuggle markup past filters.
  text: (name, value) => (name === 'charset' && /^(utf-8|us-ascii)$/i.test(value) ? value.toLowerCase() : undefined),
};

/** `audio/webm;codecs=opus` → essence and parameters (names lower-cased, quotes removed). */
function parseMediaType(type: string): { essence: string; parameters: Array<[string, string]> } {
  const [essence, ...rest] = type.split(';');
  const parameters: Array<[string, string]> = [];
  for (const part of rest) {
    const equals = part.indexOf('=');
    if (equals < 0) continue;
    const name = part.slice(0, equals).trim().toLowerCase();
    let value = part.slice(equals + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    parameters.push([name, value]);
  }
  return { essence: essence!.trim().toLowerCase(), parameters };
}

/**
 * The Content-Type an attachment stored as `type` is served with: an allowlisted essence with only
 * allowlisted parameters (`codecs` for audio and video, `charset=utf-8` for text), otherwise
 * application/octet-stream; undefined when none was stored.
 */
export function servedAttachmentType(type: string): string | undefined {
  if (type === '') return undefined;
  if (!isValidMediaType(type)) return 'application/octet-stream';
  const { essence, parameters } = parseMediaType(type);
  if (!SAFE_ESSENCES.some((pattern) => pattern.test(essence))) return 'application/octet-stream';
  const keep = SAFE_PARAMETERS[essence.split('/')[0]!];
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const [name, value] of parameters) {
    const safe = keep?.(name, value);
    if (safe === undefined || seen.has(name)) continue;
    seen.add(name);
    kept.push(`${name}=${/^[A-Za-z0-9.+-]+$/.test(safe) ? safe : `"${safe}"`}`);
  }
  return [essence, ...kept].join(';');
}

const EXTENSIONS: Record<string, string> = {
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/opus': 'opus',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/flac': 'flac',
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/ogg': 'ogv',
  'video/quicktime': 'mov',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/markdown': 'md',
  'text/csv': 'csv',
};

/**
 * `attachment; filename="attachment.webm"`: the download name never comes from the uploader (an id
 * such as `évil.html` would otherwise choose how the file opens); its extension follows the type the
 * attachment is served as (`.bin` for application/octet-stream or none).
 */
export function attachmentDisposition(servedType: string | undefined): string {
  const essence = servedType === undefined ? '' : servedType.split(';')[0]!.trim().toLowerCase();
  return `attachment; filename="attachment.${EXTENSIONS[essence] ?? 'bin'}"`;
}
