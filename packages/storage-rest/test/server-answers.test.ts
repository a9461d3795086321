// How the REST adapter treats each kind of answer, against a small node:http server inside the test that
// answers exactly what each case needs (a real HTTP peer, not a mock of fetch): refusals (401 after a
// token refresh, 403, 404, 413, 422) fail the queued write and the queue goes on; 408/429/503 keep it;
// a 5xx loop is bounded; a 401 refreshes the token once, shared by concurrent requests; the change
// stream reconnects and catches up after `event: resync`.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, test } from 'node:test';
import { isMentorKitError, type MentorKitError, type StorageChange, type StorageWriteFailure, type StoredRecord } from '@mentorkit/core';
import { createRestStorage, type ReplayFailure, type RestStorage, type RestStorageOptions } from '@mentorkit/storage-rest';

interface Exchange {
  method: string;
  path: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  body: string;
}

type Handler = (exchange: Exchange, response: http.ServerResponse) => void | Promise<void>;

interface ScriptedServer {
  url: string;
  exchanges: Exchange[];
  close(): Promise<void>;
}

const servers: ScriptedServer[] = [];
const adapters: RestStorage[] = [];

afterEach(async () => {
  for (const adapter of adapters.splice(0)) await adapter.dispose();
  for (const server of servers.splice(0)) await server.close();
});

/** A loopback HTTP server that records every exchange and answers through `handler`. */
async function startScriptedServer(handler: Handler): Promise<ScriptedServer> {
  const exchanges: Exchange[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    };
    const exchange: Exchange = {
      method: request.method ?? 'GET',
      path: decodeURIComponent(request.url ?? '/'),
      authorization: header('authorization'),
      idempotencyKey: header('idempotency-key'),
      body: Buffer.concat(chunks).toString('utf8'),
    };
    exchanges.push(exchange);
    try {
      await handler(exchange, response);
    } catch (error) {
      if (!response.headersSent) response.writeHead(599);
      response.end(String(error));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const scripted: ScriptedServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
    exchanges,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
  servers.push(scripted);
  return scripted;
}

function answer(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/html' : 'application/json', ...headers });
  response.end(text);
}

/** Answers a PUT as the contract does: 201 with the stored record (revision 1). */
function stored(response: http.ServerResponse, exchange: Exchange, revision = 1) {
  const record = { ...(JSON.parse(exchange.body) as object), revision, updatedAt: '2026-12-04T10:00:00.000Z' };
  answer(response, revision === 1 ? 201 : 200, record, { ETag: `"${revision}"` });
}

const notFound = (response: http.ServerResponse) => answer(response, 404, { code: 'not-found', message: 'There is no such record.' });
const idOf = (exchange: Exchange) => exchange.path.split('/').at(-1)!;
/**
 * The real timers, kept before any test freezes them: a test that checks the adapter goes on "at once"
 * freezes setTimeout (node:test's mock timers, never advanced) while the adapter works, and waits with
 * these.
 */
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
const sleep = (milliseconds: number) => new Promise((resolve) => realSetTimeout(resolve, milliseconds));

async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** `promise`, or a rejection after `timeoutMs` (a test fails instead of hanging). */
async function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = realSetTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), timeoutMs)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    realClearTimeout(timer);
  }
}

function open(server: ScriptedServer, options: Partial<RestStorageOptions> = {}): RestStorage {
  const adapter = createRestStorage({ baseUrl: server.url, retry: false, watch: false, ...options });
  adapters.push(adapter);
  return adapter;
}

describe('REST storage: answers of the server', () => {
  test('refusals on replay (403, 404, 413, 422) fail only the refused write, with its reason; the writes after it go on', async () => {
    let up = false;
    const server = await startScriptedServer((exchange, response) => {
      if (exchange.method === 'GET') return notFound(response);
      if (!up) return answer(response, 503, { code: 'storage-error', message: 'The database is unavailable; nothing was changed.' }, { 'Retry-After': '0' });
      switch (idOf(exchange)) {
        case 'forbidden':
          return answer(response, 403, { code: 'forbidden', message: "Only the pairing's mentors may change this goal." });
        case 'missing-route':
          return answer(response, 404, '<h1>Not Found</h1>'); // a proxy's page, not the contract's JSON
        case 'too-big':
          return answer(response, 413, '');
        case 'unprocessable':
          return answer(response, 422, { message: 'The title must be at most 200 characters.' });
        default:
          return stored(response, exchange);
      }
    });
    const replayFailures: ReplayFailure[] = [];
    const storage = open(server, { offlineQueue: { retryDelayMs: 10, maxRetryDelayMs: 20, onReplayFailure: (failure) => replayFailures.push(failure) } });
    const told: StorageWriteFailure[] = [];
    storage.watchFailures((failure) => told.push(failure));
    const changes: StorageChange[] = [];
    storage.watch((change) => changes.push(change));

    const ids = ['forbidden', 'missing-route', 'fine', 'too-big', 'unprocessable', 'also-fine'];
    for (const id of ids) await storage.put('goals', { id, title: `goal ${id}` }, { expectedRevision: null });
    assert.equal(storage.pendingWrites().length, ids.length, 'all queued while the server answered 503');
    up = true;
    assert.deepEqual(await storage.flush(), { sent: 2, failed: 4, remaining: 0 });

    assert.deepEqual(
      told.map((failure) => [failure.id, failure.error.code, failure.error.details.status]),
      [
        ['forbidden', 'forbidden', 403],
        ['missing-route', 'not-found', 404],
        ['too-big', 'invalid-input', 413],
        ['unprocessable', 'invalid-input', 422],
      ],
    );
    assert.match(told[0]!.error.message, /Only the pairing's mentors/, "the server's own message when it sends one");
    assert.match(told[1]!.error.message, /404/);
    assert.match(told[2]!.error.message, /too large/);
    assert.match(told[3]!.error.message, /at most 200 characters/);
    for (const failure of told) {
      assert.equal(failure.collection, 'goals');
      assert.equal(failure.kind, 'put');
      assert.deepEqual(failure.record, { id: failure.id, title: `goal ${failure.id}` });
      assert.ok(!Number.isNaN(Date.parse(failure.queuedAt)));
    }
    assert.deepEqual(storage.failedWrites(), told, 'failedWrites() lists the same failures, oldest first');
    assert.deepEqual(replayFailures, told, 'onReplayFailure keeps working');
    assert.deepEqual(
      replayFailures.map((failure) => failure.write.id),
      told.map((failure) => failure.id),
    );

    const putsOf = (id: string) => server.exchanges.filter((exchange) => exchange.method === 'PUT' && idOf(exchange) === id);
    assert.equal(putsOf('fine').length, 1, 'the write after the refusals went through');
    assert.equal(putsOf('also-fine').length, 1);
    assert.equal(putsOf('forbidden').length, 2, 'forbidden: its 503 while the server was down, then refused once, never repeated');
    for (const id of ['missing-route', 'too-big', 'unprocessable']) assert.equal(putsOf(id).length, 1, `${id}: refused once, never repeated`);
    // Watchers saw the optimistic records; after each refusal the adapter reads the record again (404: it does not exist) and reports that.
    for (const failure of told)
      assert.ok(
        changes.some((change) => change.id === failure.id && change.record === undefined),
        `the optimistic ${failure.id} is undone`,
      );
  });

  test('a sign-in that expired while offline (401 even after one refresh) is not a refusal: the writes wait, in order, until a token works again', async () => {
    let up = false;
    let firstValidToken = Number.POSITIVE_INFINITY; // tokens issued from this number on are valid (the person signed in again)
    const valid = (authorization: string | undefined) => Number(/^Bearer token-(\d+)$/.exec(authorization ?? '')?.[1]) >= firstValidToken;
    const server = await startScriptedServer((exchange, response) => {
      if (exchange.method === 'GET') return notFound(response);
      if (!up) return answer(response, 503, { code: 'storage-error', message: 'down' }, { 'Retry-After': '0' });
      if (!valid(exchange.authorization)) return answer(response, 401, { code: 'forbidden', message: 'Sign in first.' }, { 'WWW-Authenticate': 'Bearer' });
      return stored(response, exchange);
    });
    let issued = 0;
    const storage = open(server, { getToken: () => `token-${++issued}`, offlineQueue: { retryDelayMs: 10, maxRetryDelayMs: 20 } });
    const told: StorageWriteFailure[] = [];
    storage.watchFailures((failure) => told.push(failure));
    for (const id of ['first', 'second']) await storage.put('goals', { id, title: id }, { expectedRevision: null });
    up = true;
    const stuck = await storage.flush();
    assert.deepEqual(stuck, { sent: 0, failed: 0, remaining: 2 }, 'nothing failed, nothing sent');
    assert.deepEqual(told, []);
    assert.deepEqual(
      storage.pendingWrites().map((write) => write.id),
      ['first', 'second'],
    );
    firstValidToken = issued + 1; // the person signed in again: the next token works
    const deadline = Date.now() + 5000;
    while (storage.pendingWrites().length > 0 && Date.now() < deadline) await sleep(20);
    assert.deepEqual(storage.pendingWrites(), []);
    assert.deepEqual(told, []);
    const puts = server.exchanges.filter((exchange) => exchange.method === 'PUT' && valid(exchange.authorization)).map(idOf);
    assert.deepEqual(puts, ['first', 'second'], 'sent in order once a token works');
  });

  test('408, 429 and 503 keep the write and retry it (same Idempotency-Key), nothing is reported failed, and the write after it follows in order', async () => {
    const script = [408, 429, 503];
    const server = await startScriptedServer((exchange, response) => {
      if (exchange.method === 'PUT' && idOf(exchange) === 'g1' && script.length > 0) {
        const status = script.shift()!;
        return answer(
          response,
          status,
          { code: 'storage-error', message: `not now (${status})` },
          status === 408 ? { Connection: 'close' } : { 'Retry-After': '0' },
        );
      }
      if (exchange.method === 'PUT') return stored(response, exchange);
      return notFound(response);
    });
    const storage = open(server, { offlineQueue: { retryDelayMs: 10, maxRetryDelayMs: 20 } });
    const told: StorageWriteFailure[] = [];
    storage.watchFailures((failure) => told.push(failure));
    const first = await storage.put('goals', { id: 'g1', title: 'kept through 408, 429 and 503' }, { expectedRevision: null });
    assert.equal(first.revision, 1, 'a 408 is "not applied, try again": the write is queued and answered');
    await storage.put('goals', { id: 'g2', title: 'after it' }, { expectedRevision: null });
    await waitFor(() => storage.pendingWrites().length === 0, 'the queue to drain');
    const puts = server.exchanges.filter((exchange) => exchange.method === 'PUT');
    assert.deepEqual(puts.map(idOf), ['g1', 'g1', 'g1', 'g1', 'g2']);
    assert.equal(new Set(puts.slice(0, 4).map((exchange) => exchange.idempotencyKey)).size, 1, 'every try of g1 carries the same Idempotency-Key');
    assert.deepEqual(storage.failedWrites(), []);
    assert.deepEqual(told, []);
  });

  test('a write the server keeps failing with 500/502/504 is given up after maxServerErrorReplays (storage-error, outcome unknown); the writes after it go on', async () => {
    const errors = [500, 502, 504];
    let failedAnswers = 0;
    const server = await startScriptedServer((exchange, response) => {
      if (exchange.method === 'PUT' && idOf(exchange) === 'stuck') {
        const status = errors[failedAnswers++ % errors.length]!;
        return answer(
          response,
          status,
          status === 500 ? { code: 'storage-error', message: 'The server failed unexpectedly; nothing is known to have changed.' } : 'Bad gateway',
        );
      }
      if (exchange.method === 'PUT') return stored(response, exchange);
      return notFound(response);
    });
    const storage = open(server, { offlineQueue: { retryDelayMs: 10, maxRetryDelayMs: 20, maxServerErrorReplays: 3 } });
    const told: StorageWriteFailure[] = [];
    storage.watchFailures((failure) => told.push(failure));
    await storage.put('goals', { id: 'stuck', title: 'the server fails on this one' }, { expectedRevision: null });
    await storage.put('goals', { id: 'after', title: 'after it' }, { expectedRevision: null });
    await waitFor(() => storage.pendingWrites().length === 0, 'the queue to drain past the failing write');
    assert.equal(failedAnswers, 3, 'sent three times in all (the first try and two replays), then given up');
    assert.equal(told.length, 1);
    const error = told[0]!.error;
    assert.ok(isMentorKitError(error, 'storage-error'));
    assert.match(error.message, /goals\/stuck was sent 3 times .* unknown/);
    assert.deepEqual([error.details.mayHaveApplied, error.details.serverErrors, error.details.status], [true, 3, 504]);
    assert.ok(
      server.exchanges.some((exchange) => exchange.method === 'PUT' && idOf(exchange) === 'after'),
      'the write after it reached the server',
    );
  });

  test('a 401 asks getToken once with { refresh: true } and sends the request once more; concurrent 401s share that one refresh; a second 401 is forbidden', async () => {
    let acceptedToken = 'token-2';
    const server = await startScriptedServer((exchange, response) => {
      if (exchange.authorization !== `Bearer ${acceptedToken}`)
        return answer(response, 401, { code: 'forbidden', message: 'Sign in first.' }, { 'WWW-Authenticate': 'Bearer' });
      if (exchange.method === 'GET')
        return answer(response, 200, { id: idOf(exchange), title: 'read', revision: 1, updatedAt: '2026-12-04T10:00:00.000Z' }, { ETag: '"1"' });
      return stored(response, exchange);
    });
    let current = 'token-1';
    const tokenCalls: boolean[] = [];
    const storage = open(server, {
      headers: { authorization: 'Bearer from-headers', 'x-tenant': 'north' },
      async getToken({ refresh }) {
        tokenCalls.push(refresh);
        if (refresh) {
          await sleep(50); // a token endpoint takes a moment: the other 401s arrive meanwhile
          current = 'token-2';
        }
        return current;
      },
    });

    const records = await Promise.all(['a', 'b', 'c'].map((id) => storage.get('goals', id)));
    assert.deepEqual(
      records.map((record) => record?.id),
      ['a', 'b', 'c'],
    );
    assert.equal(tokenCalls.filter((refresh) => refresh).length, 1, 'one refresh for three concurrent 401s');
    for (const id of ['a', 'b', 'c']) {
      assert.deepEqual(
        server.exchanges.filter((exchange) => idOf(exchange) === id).map((exchange) => exchange.authorization),
        ['Bearer token-1', 'Bearer token-2'],
        `${id}: refused once, then sent with the new token`,
      );
    }
    assert.ok(
      !server.exchanges.some((exchange) => exchange.authorization?.includes('from-headers')),
      'the token replaces an authorization in `headers`, and is not sent beside it',
    );

    server.exchanges.length = 0;
    await storage.put('goals', { id: 'd', title: 'with the current token' }, { expectedRevision: null });
    assert.deepEqual(
      server.exchanges.map((exchange) => exchange.authorization),
      ['Bearer token-2'],
      'no refresh while the token is accepted',
    );

    // The server no longer accepts anything this person has: one refresh, one more try, then forbidden.
    acceptedToken = 'revoked';
    server.exchanges.length = 0;
    tokenCalls.length = 0;
    await assert.rejects(
      () => storage.get('goals', 'e'),
      (error: unknown) => isMentorKitError(error, 'forbidden') && (error as MentorKitError).details.status === 401,
    );
    assert.equal(server.exchanges.length, 2, 'refused, refreshed, refused again: no loop');
    assert.deepEqual(tokenCalls, [false, true]);
  });

  test('the change stream sends the token, and after a 401 refreshes it and connects again at once', async (t) => {
    const streams: http.ServerResponse[] = [];
    const server = await startScriptedServer((exchange, response) => {
      if (exchange.authorization !== 'Bearer token-2')
        return answer(response, 401, { code: 'forbidden', message: 'Sign in first.' }, { 'WWW-Authenticate': 'Bearer' });
      if (exchange.path === '/api/changes') {
        response.writeHead(200, { 'Content-Type': 'text/event-stream' });
        response.write(': connected\n\n');
        streams.push(response);
        return;
      }
      return notFound(response);
    });
    const tokenCalls: boolean[] = [];
    // "At once" is checked by what it means, not by how long it took: setTimeout is frozen while the
    // adapter connects, refused and refreshed, so a reconnection that waited for the backoff (or for any
    // timer) would never come, and the wait below fails after 10 s, far beyond any load.
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const storage = open(server, { watch: true, getToken: ({ refresh }) => (tokenCalls.push(refresh), refresh ? 'token-2' : 'token-1') });
    await within(storage.watching(), 10_000, 'the change stream to connect again with no timer firing (did it wait for the reconnection backoff?)');
    t.mock.timers.reset();
    assert.deepEqual(
      server.exchanges.map((exchange) => [exchange.path, exchange.authorization]),
      [
        ['/api/changes', 'Bearer token-1'],
        ['/api/changes', 'Bearer token-2'],
      ],
    );
    assert.deepEqual(tokenCalls, [false, true]);
    assert.equal(streams.length, 1);
  });

  test('`event: resync` on the change stream (the server dropped us): the adapter reconnects at once and reports what changed meanwhile in the collections it read whole', async (t) => {
    let goals: StoredRecord[] = [{ id: 'g1', title: 'v1', revision: 1, updatedAt: '2026-12-04T10:00:00.000Z' }];
    const streams: Array<{ response: http.ServerResponse; closed: boolean }> = [];
    const server = await startScriptedServer((exchange, response) => {
      if (exchange.path === '/api/changes') {
        response.writeHead(200, { 'Content-Type': 'text/event-stream' });
        response.write(': connected\n\n');
        const stream = { response, closed: false };
        response.on('close', () => (stream.closed = true));
        streams.push(stream);
        return;
      }
      if (exchange.method === 'GET' && exchange.path === '/api/collections/goals/records') return answer(response, 200, { records: goals });
      return notFound(response);
    });
    const storage = open(server, { watch: true });
    const changes: StorageChange[] = [];
    storage.watch((change) => changes.push(change));
    await within(storage.watching(), 3000, 'the change stream to connect');
    assert.deepEqual(
      (await storage.query('goals')).map((record) => record.id),
      ['g1'],
    );

    // Changes whose events this subscriber never got (it fell behind and the server dropped them).
    goals = [
      { id: 'g1', title: 'v2', revision: 2, updatedAt: '2026-12-04T10:01:00.000Z' },
      { id: 'g2', title: 'new', revision: 1, updatedAt: '2026-12-04T10:01:00.000Z' },
    ];
    // "At once, not after the reconnection backoff" is checked by what it means, not by how long it
    // took: setTimeout is frozen from here until the catch-up, so a reconnection that waited for the
    // backoff (or for any timer) would never come, and the wait below fails after 10 s.
    t.mock.timers.enable({ apis: ['setTimeout'] });
    // The server may not close the connection after `resync`: the adapter must not wait for it to.
    streams[0]!.response.write('event: resync\n\n');

    await waitFor(() => changes.length >= 2, 'the catch-up after the resync with no timer firing (did it wait for the reconnection backoff?)', 10_000);
    t.mock.timers.reset();
    assert.equal(streams.length, 2, 'a new change stream');
    await waitFor(() => streams[0]!.closed, 'the dropped stream to be closed by the adapter');
    assert.deepEqual(changes.map((change) => `${change.id}@${change.record?.revision}:${String(change.record?.title)}`).sort(), ['g1@2:v2', 'g2@1:new']);
  });

  test('options are checked: getToken must be a function, maxRecordBytes a positive whole number, maxServerErrorReplays 1 or more', () => {
    const baseUrl = 'http://127.0.0.1:9/api';
    const refused = (options: Partial<RestStorageOptions>, path: string) =>
      assert.throws(
        () => createRestStorage({ baseUrl, watch: false, ...options } as RestStorageOptions),
        (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as MentorKitError).path === path,
      );
    refused({ getToken: 'Bearer abc' as unknown as RestStorageOptions['getToken'] }, 'getToken');
    refused({ maxRecordBytes: 0 }, 'maxRecordBytes');
    refused({ maxRecordBytes: 1.5 }, 'maxRecordBytes');
    refused({ maxRecordBytes: Number.NaN }, 'maxRecordBytes');
    refused({ offlineQueue: { maxServerErrorReplays: 0 } }, 'offlineQueue.maxServerErrorReplays');
    const storage = createRestStorage({ baseUrl, watch: false, maxRecordBytes: Infinity, getToken: () => undefined });
    adapters.push(storage);
    assert.throws(
      () => storage.watchFailures('not a function' as unknown as () => void),
      (error: unknown) => isMentorKitError(error, 'invalid-input'),
    );
  });
});
