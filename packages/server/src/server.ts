import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pool, PoolClient } from 'pg';
import {
  MentorKitError,
  assertCollectionName,
  assertRecordId,
  assertStorableRecord,
  isMentorKitError,
  nextStoredRecord,
  parseOrThrow,
  type PolicyContext,
  type RecordInput,
  type StoredRecord,
} from '@mentorkit/core';
import { allowed, authorizePersonPut, blobOwnerCheck, loadPolicyContext, preparePersonRecord } from './access.js';
import type { Authenticate, Caller } from './identity.js';
import { CommitOutcomeUnknown, migrate } from './schema.js';
import { assertNoNul, checkDelete, deleteBlobRow, getBlobOwner, getBlobRow, putBlobRow, queryRecords, readCurrent, readRecord, withRecordLock, writeRecord, writeTombstone } from './store.js';

/**
 * The reference backend of MentorKit's REST storage contract (docs/openapi.yaml) on PostgreSQL.
 *
 * Every request is authenticated; a person's reads and writes go through `@mentorkit/core`'s policy
 * (`decide`) with a `PolicyContext` built from the database, and their records through the entity
 * schemas, so a tampered browser cannot read or change another pair's data. A service token (admin
 * tools, seeding, the conformance suite) bypasses the policy: it is the raw storage contract.
 */

export type { Authenticate, Caller } from './identity.js';

export interface RestBackendOptions {
  pool: Pool;
  /**
   * How callers are identified. Default: `devAuthentication({ serviceToken })` — the development
   * scheme `Authorization: Bearer dev:<personId>`, which trusts the id it is given. Replace it with
   * your session or JWT check in production.
   */
  authenticate?: Authenticate;
  /** A secret that identifies trusted services (`Authorization: Bearer <serviceToken>`) for the default authenticate. */
  serviceToken?: string;
  /** `Access-Control-Allow-Origin`. Default `*` (the API uses a header, not cookies). */
  corsOrigin?: string;
  /** Largest record body accepted, in bytes. Default 1 MB. */
  maxRecordBytes?: number;
  /** Largest blob accepted, in bytes. Default 25 MB. */
  maxBlobBytes?: number;
  /** Apply the entity schemas to people's writes (default true). */
  validateRecords?: boolean;
  log?: (message: string) => void;
}

export interface RestBackend {
  /** The request handler, for `http.createServer(backend.handle)` or an existing server. */
  handle(request: http.IncomingMessage, response: http.ServerResponse): void;
  /** Applies migrations, then listens. Resolves to the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops listening and cuts every open connection (including change streams). Leaves the pool open. */
  close(): Promise<void>;
  readonly server: http.Server | undefined;
}

/**
 * The development authentication scheme: `Authorization: Bearer dev:<personId>` signs in as that
 * person (no password: for local development and tests only), `Authorization: Bearer <serviceToken>`
 * as the trusted service.
 */
export function devAuthentication(options: { serviceToken?: string } = {}): Authenticate {
  return (request) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer (.+)$/i.exec(header.trim());
    if (!match) return undefined;
    const token = match[1]!;
    if (options.serviceToken && token === options.serviceToken) return { kind: 'service' };
    if (token.startsWith('dev:')) {
      const personId = decodeURIComponent(token.slice(4));
      if (personId !== '' && personId.length <= 200 && !personId.includes('\u0000')) return { kind: 'person', personId };
    }
    return undefined;
  };
}

const STATUS_BY_CODE: Record<string, number> = { 'invalid-input': 400, forbidden: 403, 'not-found': 404, conflict: 412, unsupported: 501, 'storage-error': 500 };

/** An error answered with a specific status (401, 405, 413, 415, 422, 503). */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: MentorKitError,
    readonly headers: Record<string, string> = {},
  ) {
    super(error.message);
  }
}

/** PostgreSQL connection failures before COMMIT: nothing was applied, so the client may retry. */
function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(code) || code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03')) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(message);
}

/**
 * Decodes one path segment. Ids travel percent-encoded (encodeURIComponent), and a segment that
 * starts with `~` loses that one `~`: clients send `.` and `..` (which URLs would swallow as dot
 * segments) as `~.` and `~..`, and ids that start with `~` with one more `~`.
 */
export function decodeIdSegment(segment: string): string {
  const decoded = decodeURIComponent(segment);
  return decoded.startsWith('~') ? decoded.slice(1) : decoded;
}

const ETAG = /^\s*"(\d{1,9})"\s*$/;

/** `expectedRevision` from If-Match / If-None-Match. */
function preconditionOf(request: http.IncomingMessage, allowCreate: boolean): number | null | undefined {
  const ifMatch = request.headers['if-match'];
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifMatch !== undefined && ifNoneMatch !== undefined) throw new MentorKitError('invalid-input', 'Send either If-Match (update) or If-None-Match: * (create), not both.', { path: 'If-Match' });
  if (ifNoneMatch !== undefined) {
    if (!allowCreate || ifNoneMatch.trim() !== '*') throw new MentorKitError('invalid-input', 'If-None-Match must be "*" (create: the record must not exist yet).', { path: 'If-None-Match' });
    return null;
  }
  if (ifMatch !== undefined) {
    const match = ETAG.exec(ifMatch);
    const revision = match ? Number(match[1]) : Number.NaN;
    if (!Number.isInteger(revision) || revision < 1) throw new MentorKitError('invalid-input', 'If-Match must be the quoted revision the change is based on, e.g. If-Match: "3".', { path: 'If-Match' });
    return revision;
  }
  return undefined;
}

function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, new MentorKitError('invalid-input', `The body is larger than ${limit} bytes.`, { path: 'body' })));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

interface ChangeEvent {
  collection: string;
  id: string;
  record?: StoredRecord;
  /** The record before a delete (for the read check; never sent). */
  previous?: StoredRecord;
  origin?: string;
}

interface Subscriber {
  caller: Caller;
  response: http.ServerResponse;
}

export function createRestBackend(options: RestBackendOptions): RestBackend {
  const { pool } = options;
  const authenticate = options.authenticate ?? devAuthentication({ serviceToken: options.serviceToken });
  const corsOrigin = options.corsOrigin ?? '*';
  const maxRecordBytes = options.maxRecordBytes ?? 1_000_000;
  const maxBlobBytes = options.maxBlobBytes ?? 25_000_000;
  const validateRecords = options.validateRecords ?? true;
  const log = options.log ?? (() => undefined);
  const subscribers = new Set<Subscriber>();
  const sockets = new Set<import('node:net').Socket>();
  let server: http.Server | undefined;
  let eventSequence = 0;
  let publishing: Promise<void> = Promise.resolve();

  // An idle client losing its connection (database restart) must not crash the server.
  pool.on('error', (error) => log(`[rest-backend] idle database connection lost: ${error.message}`));

  const corsHeaders = {
    'Access-Control-Allow-Origin': corsOrigin,
    'Access-Control-Allow-Methods': 'GET, PUT, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, MentorKit-Client, Last-Event-ID',
    'Access-Control-Expose-Headers': 'ETag, Idempotent-Replayed, Retry-After',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };

  const send = (response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    response.writeHead(status, { ...corsHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
    response.end(text);
  };

  const sendError = (response: http.ServerResponse, error: unknown) => {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    if (error instanceof HttpError) return send(response, error.status, error.error.toJSON(), error.headers);
    if (isMentorKitError(error)) return send(response, STATUS_BY_CODE[error.code] ?? 500, (error as MentorKitError).toJSON());
    if (error instanceof CommitOutcomeUnknown) {
      log(`[rest-backend] ${error.message}`);
      return send(response, 500, new MentorKitError('storage-error', 'The database connection failed while saving; the change may or may not be stored. Read the record before trying again.').toJSON());
    }
    if (isDatabaseUnavailable(error)) {
      log(`[rest-backend] database unavailable: ${(error as Error).message}`);
      return send(response, 503, new MentorKitError('storage-error', 'The database is unavailable; nothing was changed. Try again shortly.').toJSON(), { 'Retry-After': '1' });
    }
    log(`[rest-backend] unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return send(response, 500, new MentorKitError('storage-error', 'The server failed unexpectedly; nothing is known to have changed.').toJSON());
  };

  /** Sends committed changes to change streams, in commit order, each to the callers who may read it. */
  const publish = (change: ChangeEvent) => {
    publishing = publishing.then(async () => {
      if (subscribers.size === 0) return;
      let context: PolicyContext | undefined;
      const data = `id: ${++eventSequence}\nevent: change\ndata: ${JSON.stringify({ collection: change.collection, id: change.id, ...(change.record ? { record: change.record } : {}), ...(change.origin ? { origin: change.origin } : {}) })}\n\n`;
      for (const subscriber of subscribers) {
        if (subscriber.caller.kind === 'person') {
          context ??= await loadPolicyContext(pool).catch(() => undefined);
          const subject = change.record ?? change.previous;
          if (!context || !subject || !allowed(context, subscriber.caller.personId, 'read', change.collection, subject).allowed) continue;
        }
        subscriber.response.write(data);
      }
    }).catch((error: unknown) => log(`[rest-backend] publishing a change failed: ${String(error)}`));
  };

  const originOf = (request: http.IncomingMessage) => {
    const origin = request.headers['mentorkit-client'];
    return typeof origin === 'string' && origin.length <= 100 ? origin : undefined;
  };

  const idempotencyKeyOf = (request: http.IncomingMessage) => {
    const key = request.headers['idempotency-key'];
    if (key === undefined) return undefined;
    if (typeof key !== 'string' || key.length === 0 || key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
      throw new MentorKitError('invalid-input', 'Idempotency-Key must be 1–200 visible ASCII characters (a UUID is ideal).', { path: 'Idempotency-Key' });
    }
    return key;
  };

  const actorKey = (caller: Caller) => (caller.kind === 'service' ? 'service' : `person:${caller.personId}`);

  /** Within a write's transaction: the stored answer to an earlier request with the same key, if any. */
  const replayed = async (client: PoolClient, caller: Caller, key: string | undefined, method: string, path: string) => {
    if (!key) return undefined;
    const { rows } = await client.query<{ method: string; path: string; status: number; body: string }>('SELECT method, path, status, body FROM mk_idempotency WHERE actor = $1 AND key = $2', [actorKey(caller), key]);
    const row = rows[0];
    if (!row) return undefined;
    if (row.method !== method || row.path !== path) {
      throw new HttpError(422, new MentorKitError('invalid-input', `This Idempotency-Key was already used for ${row.method} ${row.path}; use a new key for every different write.`, { path: 'Idempotency-Key' }));
    }
    return row;
  };

  const remember = async (client: PoolClient, caller: Caller, key: string | undefined, method: string, path: string, status: number, body: string) => {
    if (!key) return;
    await client.query('INSERT INTO mk_idempotency (actor, key, method, path, status, body) VALUES ($1, $2, $3, $4, $5, $6)', [actorKey(caller), key, method, path, status, body]);
  };

  // ─── records ────────────────────────────────────────────────────────────────────────────────

  const getRecord = async (caller: Caller, collection: string, id: string, response: http.ServerResponse) => {
    const record = await readRecord(pool, collection, id);
    if (record && caller.kind === 'person') {
      const context = await loadPolicyContext(pool);
      if (!allowed(context, caller.personId, 'read', collection, record).allowed) return notFound(collection, id);
    }
    if (!record) return notFound(collection, id);
    send(response, 200, record, { ETag: `"${record.revision}"` });
  };

  const notFound = (collection: string, id: string): never => {
    throw new MentorKitError('not-found', `There is no ${collection} record "${id}" (or you may not see it).`, { path: 'id' });
  };

  const queryCollection = async (caller: Caller, collection: string, url: URL, response: http.ServerResponse) => {
    const where: Record<string, string | number | boolean> = {};
    for (const [field, raw] of url.searchParams) {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        value = undefined;
      }
      if (!(typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))) {
        throw new MentorKitError('invalid-input', `Filter \`${field}\` must be a JSON string, number or boolean, e.g. ?${field}=%22ana%22 for the text "ana" or ?${field}=3 for the number 3 (got ${JSON.stringify(raw.slice(0, 40))}).`, { path: `where.${field}` });
      }
      if (Object.hasOwn(where, field)) throw new MentorKitError('invalid-input', `Filter \`${field}\` is given twice.`, { path: `where.${field}` });
      where[field] = value;
    }
    let records = await queryRecords(pool, collection, where);
    if (caller.kind === 'person') {
      const context = await loadPolicyContext(pool);
      records = records.filter((record) => allowed(context, caller.personId, 'read', collection, record).allowed);
    }
    send(response, 200, { records });
  };

  const putRecord = async (caller: Caller, collection: string, id: string, request: http.IncomingMessage, response: http.ServerResponse, path: string) => {
    const expectedRevision = preconditionOf(request, true);
    const key = idempotencyKeyOf(request);
    const body = await readBody(request, maxRecordBytes);
    let input: unknown;
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      throw new MentorKitError('invalid-input', 'The body must be the record as JSON.', { path: 'body' });
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new MentorKitError('invalid-input', 'The body must be a JSON object (the record).', { path: 'record' });
    const candidate = input as Record<string, unknown>;
    if (candidate.id === undefined) candidate.id = id;
    if (candidate.id !== id) throw new MentorKitError('invalid-input', `The record's id (${JSON.stringify(candidate.id)}) differs from the id in the URL (${JSON.stringify(id)}).`, { path: 'record.id' });
    assertStorableRecord(candidate);
    const record = candidate as RecordInput;
    const prepared = caller.kind === 'person' ? preparePersonRecord(collection, record, validateRecords) : record;

    const outcome = await withRecordLock(pool, collection, id, async (client) => {
      const earlier = await replayed(client, caller, key, 'PUT', path);
      if (earlier) return { replay: earlier };
      const current = await readCurrent(client, collection, id);
      const toStore = caller.kind === 'person' ? await authorizePersonPut(client, caller.personId, collection, prepared, current, expectedRevision) : prepared;
      const stored = nextStoredRecord(collection, current.record, toStore, expectedRevision === undefined ? undefined : { expectedRevision }, new Date().toISOString(), current.tombstoneRevision);
      await writeRecord(client, collection, stored);
      const status = current.record ? 200 : 201;
      const text = JSON.stringify(stored);
      await remember(client, caller, key, 'PUT', path, status, text);
      return { stored, status, text };
    });
    if ('replay' in outcome) {
      const replay = outcome.replay!;
      return send(response, replay.status, replay.body, { ETag: `"${(JSON.parse(replay.body) as StoredRecord).revision}"`, 'Idempotent-Replayed': 'true' });
    }
    publish({ collection, id, record: outcome.stored, origin: originOf(request) });
    send(response, outcome.status, outcome.text, { ETag: `"${outcome.stored.revision}"` });
  };

  const deleteRecord = async (caller: Caller, collection: string, id: string, request: http.IncomingMessage, response: http.ServerResponse, path: string) => {
    const expectedRevision = preconditionOf(request, false) as number | undefined;
    const key = idempotencyKeyOf(request);
    const outcome = await withRecordLock(pool, collection, id, async (client) => {
      const earlier = await replayed(client, caller, key, 'DELETE', path);
      if (earlier) return { replay: earlier };
      const current = await readCurrent(client, collection, id);
      let visible = current.record;
      if (caller.kind === 'person' && visible) {
        const context = await loadPolicyContext(client);
        if (!allowed(context, caller.personId, 'read', collection, visible).allowed) visible = undefined; // as if missing: do not reveal it
        else {
          const decision = allowed(context, caller.personId, 'delete', collection, visible, visible);
          if (!decision.allowed) throw new MentorKitError('forbidden', decision.reason, { path: collection, details: { action: 'delete', collection, id } });
        }
      }
      if (!checkDelete(collection, id, visible, expectedRevision === undefined ? undefined : { expectedRevision })) {
        return { missing: true as const };
      }
      await writeTombstone(client, collection, id, new Date().toISOString());
      const text = JSON.stringify({ deleted: true });
      await remember(client, caller, key, 'DELETE', path, 200, text);
      return { previous: visible!, text };
    });
    if ('replay' in outcome) return send(response, outcome.replay!.status, outcome.replay!.body, { 'Idempotent-Replayed': 'true' });
    if ('missing' in outcome) return notFound(collection, id);
    publish({ collection, id, previous: outcome.previous, origin: originOf(request) });
    send(response, 200, outcome.text);
  };

  // ─── blobs ──────────────────────────────────────────────────────────────────────────────────

  const putBlob = async (caller: Caller, id: string, request: http.IncomingMessage, response: http.ServerResponse) => {
    const type = request.headers['content-type'] ?? '';
    const bytes = await readBody(request, maxBlobBytes);
    if (!(await blobOwnerCheck(pool, caller, id, 'write'))) throw new MentorKitError('forbidden', 'Only the person who uploaded this attachment can replace it.', { path: 'id' });
    const info = await putBlobRow(pool, id, type, bytes, actorKey(caller));
    send(response, 200, info);
  };

  const getBlob = async (caller: Caller, id: string, response: http.ServerResponse) => {
    const row = await getBlobRow(pool, id);
    if (!row || !(await blobOwnerCheck(pool, caller, id, 'read'))) throw new MentorKitError('not-found', `There is no attachment "${id}" (or you may not see it).`, { path: 'id' });
    response.writeHead(200, { ...corsHeaders, ...(row.type ? { 'Content-Type': row.type } : {}), 'Content-Length': String(row.data.length), 'Cache-Control': 'private, no-store' });
    response.end(row.data);
  };

  const deleteBlob = async (caller: Caller, id: string, response: http.ServerResponse) => {
    const owner = await getBlobOwner(pool, id);
    if (owner === undefined || !(await blobOwnerCheck(pool, caller, id, 'read'))) throw new MentorKitError('not-found', `There is no attachment "${id}" (or you may not see it).`, { path: 'id' });
    if (!(await blobOwnerCheck(pool, caller, id, 'write'))) throw new MentorKitError('forbidden', 'Only the person who uploaded this attachment can delete it.', { path: 'id' });
    await deleteBlobRow(pool, id);
    send(response, 200, { deleted: true });
  };

  // ─── change stream ──────────────────────────────────────────────────────────────────────────

  const openChangeStream = (caller: Caller, request: http.IncomingMessage, response: http.ServerResponse) => {
    response.writeHead(200, { ...corsHeaders, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    response.write('retry: 1000\n: connected\n\n');
    const subscriber: Subscriber = { caller, response };
    subscribers.add(subscriber);
    const heartbeat = setInterval(() => response.write(': ping\n\n'), 15_000);
    heartbeat.unref();
    request.on('close', () => {
      clearInterval(heartbeat);
      subscribers.delete(subscriber);
    });
  };

  // ─── routing ────────────────────────────────────────────────────────────────────────────────

  const route = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const method = request.method ?? 'GET';
    if (method === 'OPTIONS') {
      response.writeHead(204, corsHeaders);
      return response.end();
    }
    const url = new URL(request.url ?? '/', 'http://backend.invalid');
    let segments: string[];
    try {
      segments = url.pathname.split('/').filter((segment, index, all) => !(segment === '' && (index === 0 || index === all.length - 1))).map(decodeIdSegment);
    } catch {
      throw new MentorKitError('invalid-input', 'The URL path is not valid percent-encoding.', { path: 'url' });
    }
    if (method === 'GET' && segments.length === 1 && segments[0] === 'health') return send(response, 200, { ok: true });

    const caller = await authenticate(request);
    if (!caller) {
      throw new HttpError(401, new MentorKitError('forbidden', 'Sign in first: send Authorization: Bearer <token> (development: Bearer dev:<personId>).', { path: 'Authorization' }), { 'WWW-Authenticate': 'Bearer' });
    }
    const methodNotAllowed = (allowedMethods: string) => {
      throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use ${allowedMethods}.`, { path: 'method' }), { Allow: allowedMethods });
    };

    if (segments[0] === 'collections' && segments[2] === 'records' && (segments.length === 3 || segments.length === 4)) {
      const collection = segments[1]!;
      assertCollectionName(collection);
      if (segments.length === 3) {
        if (method !== 'GET') return methodNotAllowed('GET');
        return queryCollection(caller, collection, url, response);
      }
      const id = segments[3]!;
      assertRecordId(id);
      assertNoNul(id, 'id');
      const path = `/collections/${collection}/records/${id}`;
      if (method === 'GET') return getRecord(caller, collection, id, response);
      if (method === 'PUT') return putRecord(caller, collection, id, request, response, path);
      if (method === 'DELETE') return deleteRecord(caller, collection, id, request, response, path);
      return methodNotAllowed('GET, PUT, DELETE');
    }
    if (segments[0] === 'blobs' && segments.length === 2) {
      const id = segments[1]!;
      assertRecordId(id);
      assertNoNul(id, 'id');
      if (method === 'GET') return getBlob(caller, id, response);
      if (method === 'PUT') return putBlob(caller, id, request, response);
      if (method === 'DELETE') return deleteBlob(caller, id, response);
      return methodNotAllowed('GET, PUT, DELETE');
    }
    if (segments.length === 1 && segments[0] === 'changes') {
      if (method !== 'GET') return methodNotAllowed('GET');
      return openChangeStream(caller, request, response);
    }
    throw new MentorKitError('not-found', `Nothing is served at ${url.pathname}; see docs/openapi.yaml.`, { path: 'url' });
  };

  const handle = (request: http.IncomingMessage, response: http.ServerResponse) => {
    route(request, response).catch((error: unknown) => sendError(response, error));
  };

  return {
    handle,
    get server() {
      return server;
    },
    async listen(port = 0, host = '127.0.0.1') {
      if (server) throw new Error('The backend is already listening; close() it first.');
      await migrate(pool);
      await pool.query("DELETE FROM mk_idempotency WHERE created_at < now() - interval '1 day'");
      const created = http.createServer(handle);
      created.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve, reject) => {
        created.once('error', reject);
        created.listen(port, host, () => resolve());
      });
      server = created;
      const address = created.address() as AddressInfo;
      return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    },
    async close() {
      const current = server;
      server = undefined;
      if (!current) return;
      for (const subscriber of subscribers) subscriber.response.destroy();
      subscribers.clear();
      const closed = new Promise<void>((resolve) => current.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await closed;
    },
  };
}
