// Slow connections cannot take the server down (red team F3: ~20,000 slow-header connections from an
// outsider exhausted file descriptors, then PostgreSQL connects failed). Connections from one address
// past limits.connectionsPerAddress are closed at once, connections past limits.connections too, a
// client that does not finish its headers within limits.headersTimeoutMs (or its request within
// limits.requestTimeoutMs) is cut, and through all of it /health/live and real requests from
// elsewhere still answer. The attackers connect from other loopback addresses (127.0.0.2, …).
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { as, skipReason, startTestBackend, type TestBackend } from './support.js';

const skip = skipReason();
const PER_ADDRESS = 50;
const CONNECTIONS = 400;
const HEADERS_TIMEOUT_MS = 3000;
const REQUEST_TIMEOUT_MS = 5000;

interface SlowClient {
  socket: net.Socket;
  closed: boolean;
  /** Milliseconds from connecting to closed. */
  closedAfter?: number;
  received: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('slow connections: capped per address and in all, cut when too slow', { skip: skip ?? false, timeout: 5 * 60_000 }, () => {
  let backend: TestBackend;
  let port: number;

  before(async () => {
    backend = await startTestBackend({
      limits: { connectionsPerAddress: PER_ADDRESS, connections: CONNECTIONS, headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS },
    });
    port = Number(new URL(backend.url).port);
  });
  after(async () => {
    await backend?.close();
  });

  /** Connects from `localAddress` and starts a request whose headers never end (one more header every 500 ms). */
  const slowloris = (localAddress: string, count: number): Promise<SlowClient[]> =>
    Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<SlowClient>((resolve) => {
            const started = Date.now();
            const socket = net.connect({ port, host: '127.0.0.1', localAddress });
            const client: SlowClient = { socket, closed: false, received: '' };
            let dribble: NodeJS.Timeout | undefined;
            socket.on('data', (data: Buffer) => (client.received += data.toString('latin1')));
            socket.on('error', () => undefined);
            socket.on('close', () => {
              clearInterval(dribble);
              client.closed = true;
              client.closedAfter = Date.now() - started;
              resolve(client);
            });
            socket.on('connect', () => {
              socket.write('GET /health/live HTTP/1.1\r\nHost: mentorkit\r\n');
              dribble = setInterval(() => socket.writable && socket.write(`X-Slow-${Date.now()}: 1\r\n`), 500);
              resolve(client);
            });
          }),
      ),
    );

  const waitFor = async (what: string, condition: () => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(20);
    }
  };
  const live = async () => (await fetch(`${backend.url}/health/live`, { signal: AbortSignal.timeout(5000) })).status;
  const realRequest = async () =>
    (await fetch(`${backend.url}/collections/goals/records`, { headers: as('lucia-fernandez'), signal: AbortSignal.timeout(5000) })).status;

  test(`300 slow-header connections from one address: ${300 - PER_ADDRESS} closed at once, the rest cut after ${HEADERS_TIMEOUT_MS / 1000} s; the server answers everyone else throughout`, async () => {
    const refusedBefore = backend.backend.stats().connectionsRefused;
    const clients = await slowloris('127.0.0.2', 300);
    await waitFor(`${300 - PER_ADDRESS} closed`, () => clients.filter((client) => client.closed).length >= 300 - PER_ADDRESS, 5000);
    await sleep(300);
    const open = clients.filter((client) => !client.closed);
    assert.equal(open.length, PER_ADDRESS, `${PER_ADDRESS} stay open from 127.0.0.2 (for now)`);
    assert.equal(backend.backend.stats().connectionsRefused - refusedBefore, 300 - PER_ADDRESS);
    assert.ok(
      backend.logs.some((line) =>
        /^\[mentorkit-server\] connections: \d+ refused since the last such line from one address \(the last 127\.0\.0\.2\): 50 are open from it \(limits\.connectionsPerAddress, MENTORKIT_MAX_CONNECTIONS_PER_ADDRESS\)$/.test(
          line,
        ),
      ),
      backend.logs.join('\n'),
    );
    assert.ok(backend.logs.filter((line) => /connections: /.test(line)).length <= 2, 'a line every 10 s at most, not one per connection');

    assert.equal(await live(), 200, '/health/live answers');
    assert.equal(await realRequest(), 200, 'a real request answers');

    // Still dribbling headers: cut once headersTimeout has passed (checked every second). Waited for up to
    // 30 s — ten times the limit, so load cannot break it, and half Node's default headersTimeout (60 s),
    // so a limit not applied still fails it — rather than the limit plus a few seconds.
    await waitFor('the slow ones cut by limits.headersTimeoutMs', () => open.every((client) => client.closed), 30_000);
    const cutAfter = Math.max(...open.map((client) => client.closedAfter!));
    assert.ok(cutAfter >= HEADERS_TIMEOUT_MS - 100, `cut after ${cutAfter} ms, not before the headers timeout`);
    assert.ok(
      open.some((client) => /^HTTP\/1\.1 408 /.test(client.received)),
      'answered 408 Request Timeout',
    );
    console.log(
      `slowloris: 300 slow-header connections from 127.0.0.2 → ${300 - PER_ADDRESS} closed at once (per-address cap ${PER_ADDRESS}), ${PER_ADDRESS} cut with 408 after at most ${cutAfter} ms (headersTimeout ${HEADERS_TIMEOUT_MS} ms); /health/live and a signed request answered 200 meanwhile`,
    );
    assert.equal(await realRequest(), 200);
  });

  test(`past limits.connections (${CONNECTIONS}) connections are closed at once; the server answers again as soon as they go`, async () => {
    const refusedBefore = backend.backend.stats().connectionsRefused;
    // Ten addresses of 50 each (within the per-address cap): 500 connections against a cap of 400.
    const clients = (await Promise.all(Array.from({ length: 10 }, (_, index) => slowloris(`127.0.0.${index + 3}`, PER_ADDRESS)))).flat();
    await waitFor('the extra ones closed', () => clients.filter((client) => client.closed).length >= 500 - CONNECTIONS, 5000);
    await sleep(300);
    const open = clients.filter((client) => !client.closed).length;
    assert.ok(open <= CONNECTIONS && open >= CONNECTIONS - 5, `${open} open (cap ${CONNECTIONS})`);
    assert.ok(backend.backend.stats().connectionsRefused - refusedBefore >= 500 - CONNECTIONS);
    assert.ok(
      backend.logs.some((line) =>
        /^\[mentorkit-server\] connections: \d+ refused since the last such line: 400 are open \(limits\.connections, MENTORKIT_MAX_CONNECTIONS\)$/.test(line),
      ),
      backend.logs.join('\n'),
    );
    assert.equal(backend.backend.stats().databaseAvailable, true, 'PostgreSQL is not starved of descriptors');
    for (const client of clients) client.socket.destroy();
    await waitFor('the server free again', () => backend.backend.stats().connections === 0, 5000);
    assert.equal(await live(), 200);
    assert.equal(await realRequest(), 200);
    assert.equal((await fetch(`${backend.url}/health/ready`)).status, 200);
  });

  test(`a body that trickles in is cut after limits.requestTimeoutMs (${REQUEST_TIMEOUT_MS / 1000} s) and its upload slot comes free`, async () => {
    const socket = net.connect({ port, host: '127.0.0.1', localAddress: '127.0.0.20' });
    socket.on('error', () => undefined);
    let received = '';
    socket.on('data', (data: Buffer) => (received += data.toString('latin1')));
    const started = Date.now();
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    socket.write(
      `PUT /blobs/trickle HTTP/1.1\r\nHost: mentorkit\r\nAuthorization: ${as('priya-raman').authorization}\r\nContent-Type: audio/webm\r\nContent-Length: 100000\r\n\r\n`,
    );
    const trickle = setInterval(() => socket.writable && socket.write('x'), 200);
    await waitFor('the upload in progress', () => backend.backend.stats().uploadsInProgress === 1, 5000);
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    clearInterval(trickle);
    const after = Date.now() - started;
    // Not before the limit (a lower bound a loaded machine cannot break), and by this limit rather than
    // Node's default request timeout (300 s): the upper bound is 60 s, twelve times the limit and five
    // times below the default, so load cannot break it and a limit not applied still fails it. The 408
    // (Request Timeout) is the request timeout's answer.
    assert.ok(after >= REQUEST_TIMEOUT_MS - 100, `cut after ${after} ms, before the ${REQUEST_TIMEOUT_MS} ms limit`);
    assert.ok(after < 60_000, `cut after ${after} ms: not by limits.requestTimeoutMs (${REQUEST_TIMEOUT_MS} ms)`);
    assert.match(received, /^HTTP\/1\.1 408 /);
    await waitFor('the slot free', () => backend.backend.stats().uploadsInProgress === 0 && backend.backend.stats().bodyBytesBuffered === 0, 5000);
  });
});
