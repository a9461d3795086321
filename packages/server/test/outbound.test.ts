/**
 * The outbound-fetch guard (src/outbound.ts) against the class of server-side request forgery holes:
 * every hostile spelling of a non-public target, redirects, DNS answers, size and time limits — on
 * real HTTP servers on 127.0.0.1 (reached only when the test allowlists them).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import zlib from 'node:zlib';
import { classifyAddress, createOutboundFetch, isOutboundRefused, type OutboundRefused, parseAllowHosts, type OutboundReason } from '../src/outbound.js';

interface TestServer {
  url: string;
  port: number;
  /** `METHOD path` of every request received. */
  requests: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }>;
  /** Sockets the server saw closed so far. */
  closedSockets: number;
  close(): Promise<void>;
}

async function startServer(handler: (request: http.IncomingMessage, response: http.ServerResponse, body: string) => void): Promise<TestServer> {
  const state: TestServer = { url: '', port: 0, requests: [], closedSockets: 0, close: async () => undefined };
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      state.requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      handler(request, response, body);
    });
  });
  server.on('connection', (socket: Socket) => socket.on('close', () => (state.closedSockets += 1)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  state.url = `http://127.0.0.1:${state.port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

/** Waits (without a time assertion) until `condition` holds. */
async function until(condition: () => boolean, what: string, limitMs = 20_000) {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Asserts `promise` rejects with an OutboundRefused of `reason`; returns it. */
async function refused(promise: Promise<unknown>, reason: OutboundReason, message?: RegExp): Promise<OutboundRefused> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(
    isOutboundRefused(caught),
    `expected OutboundRefused (${reason}), got ${caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught)}`,
  );
  assert.equal(caught.reason, reason, caught.message);
  assert.equal(caught.name, 'MentorKitError');
  assert.equal(caught.code, reason === 'scheme' || reason === 'credentials' || reason === 'address' ? 'forbidden' : 'storage-error');
  if (message) assert.match(caught.message, message);
  return caught;
}

describe('outbound guard', () => {
  let target: TestServer;
  before(async () => {
    target = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('reached');
    });
  });
  after(() => target.close());

  describe('hostile targets are refused, without an allowlist', () => {
    // [url, reason, what the message says]
    const table: Array<[string, OutboundReason, RegExp]> = [
      ['http://127.0.0.1:PORT/', 'address', /127\.0\.0\.1 is a loopback address/],
      ['http://localhost:PORT/', 'address', /localhost resolves to (127\.0\.0\.1|::1), a loopback address/],
      ['http://2130706433:PORT/', 'address', /127\.0\.0\.1 is a loopback/],
      ['http://0x7f.1:PORT/', 'address', /127\.0\.0\.1 is a loopback/],
      ['http://017700000001:PORT/', 'address', /127\.0\.0\.1 is a loopback/],
      ['http://127.1:PORT/', 'address', /127\.0\.0\.1 is a loopback/],
      ['http://0177.0.0.01:PORT/', 'address', /127\.0\.0\.1 is a loopback/],
      ['http://[::1]:PORT/', 'address', /::1 is a loopback/],
      ['http://[::ffff:127.0.0.1]:PORT/', 'address', /a loopback address \(127\.0\.0\.1\) in IPv4-mapped form/],
      ['http://[::ffff:7f00:1]/', 'address', /loopback address \(127\.0\.0\.1\) in IPv4-mapped form/],
      ['http://[0:0:0:0:0:ffff:a00:5]/', 'address', /private address \(10\.0\.0\.5\)/],
      ['http://[::127.0.0.1]/', 'address', /deprecated IPv4-compatible/],
      ['http://[::7f00:1]/', 'address', /deprecated IPv4-compatible/],
      ['http://[64:ff9b::10.0.0.5]/', 'address', /private address \(10\.0\.0\.5\) behind NAT64/],
      ['http://[64:ff9b::a9fe:a9fe]/', 'address', /link-local address .*\(169\.254\.169\.254\) behind NAT64/],
      ['http://[2002:7f00:1::1]/', 'address', /loopback address \(127\.0\.0\.1\) behind 6to4/],
      ['http://[2002:c0a8:101::]/', 'address', /private address \(192\.168\.1\.1\) behind 6to4/],
      ['http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', 'address', /Teredo/],
      ['http://10.0.0.5/', 'address', /10\.0\.0\.5 is a private address/],
      ['http://172.16.0.1/', 'address', /private/],
      ['http://172.31.255.254/', 'address', /private/],
      ['http://192.168.1.1/', 'address', /private/],
      ['http://169.254.169.254/latest/meta-data/', 'address', /link-local/],
      ['http://100.64.0.1/', 'address', /carrier-grade NAT/],
      ['http://100.127.255.254/', 'address', /carrier-grade NAT/],
      ['http://0.0.0.0/', 'address', /unspecified/],
      ['http://0/', 'address', /0\.0\.0\.0 is an unspecified/],
      ['http://0.1.2.3/', 'address', /unspecified/],
      ['http://224.0.0.1/', 'address', /multicast/],
      ['http://239.255.255.250/', 'address', /multicast/],
      ['http://255.255.255.255/', 'address', /broadcast/],
      ['http://240.0.0.1/', 'address', /reserved/],
      ['http://198.18.0.1/', 'address', /benchmarking/],
      ['http://198.19.255.1/', 'address', /benchmarking/],
      ['http://192.0.2.1/', 'address', /documentation/],
      ['http://198.51.100.7/', 'address', /documentation/],
      ['http://203.0.113.9/', 'address', /documentation/],
      ['http://192.0.0.8/', 'address', /reserved/],
      ['http://[::]/', 'address', /unspecified/],
      ['http://[fc00::1]/', 'address', /unique local/],
      ['http://[fd12:3456::1]/', 'address', /unique local/],
      ['http://[fe80::1]/', 'address', /link-local/],
      ['http://[fec0::1]/', 'address', /site-local/],
      ['http://[ff02::1]/', 'address', /multicast/],
      ['http://[2001:db8::1]/', 'address', /documentation/],
      ['http://[100::1]/', 'address', /discard/],
      ['http://[4000::1]/', 'address', /reserved/],
      ['file:///etc/passwd', 'scheme', /Only http and https/],
      ['ftp://calendar.example.com/feed.ics', 'scheme', /not "ftp:"/],
      ['gopher://calendar.example.com/', 'scheme', /not "gopher:"/],
      ['data:text/calendar,BEGIN:VCALENDAR', 'scheme', /not "data:"/],
      ['javascript:alert(1)', 'scheme', /Only http and https/],
      ['webcal://calendar.example.com/feed.ics', 'scheme', /not "webcal:"/],
      ['https://ana:secret@calendar.example.com/feed.ics', 'credentials', /user name or password/],
      ['https://ana@calendar.example.com/feed.ics', 'credentials', /user name or password/],
    ];
    const guarded = createOutboundFetch();
    for (const [url, reason, message] of table) {
      it(`${url} → ${reason}`, async () => {
        const requestsBefore = target.requests.length;
        const error = await refused(guarded(url.replace('PORT', String(target.port))), reason, message);
        if (reason === 'address') assert.match(error.message, /MENTORKIT_FETCH_ALLOW_HOSTS/);
        assert.doesNotMatch(error.message, /secret/);
        assert.equal(target.requests.length, requestsBefore, 'the local server was not reached');
      });
    }
  });

  it('classifyAddress: public addresses pass, in every family and wrapping', () => {
    for (const address of [
      '8.8.8.8',
      '1.1.1.1',
      '93.184.215.14',
      '172.32.0.1',
      '100.128.0.1',
      '2606:4700:4700::1111',
      '2a00:1450:4001:80b::200e',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
      '2002:808:808::1',
    ]) {
      assert.equal(classifyAddress(address), undefined, address);
    }
    assert.equal(classifyAddress('calendar.example.com'), 'not an IP address');
  });

  it('the local server is reached when the allowlist holds its address, its CIDR or its host name', async () => {
    for (const [allowHosts, url] of [
      [['127.0.0.1'], `${target.url}/feed`],
      [['127.0.0.0/8'], `${target.url}/feed`],
      [['localhost'], `http://localhost:${target.port}/feed`],
      [['::1', '127.0.0.1'], `http://localhost:${target.port}/feed`],
    ] as const) {
      const response = await createOutboundFetch({ allowHosts }).call(undefined, url);
      assert.equal(response.status, 200, `${allowHosts.join(',')} ${url}`);
      assert.equal(await response.text(), 'reached');
      assert.equal(response.url, url);
    }
    // An allowlisted address does not open the others.
    await refused(createOutboundFetch({ allowHosts: ['127.0.0.2', '10.0.0.0/8', 'calendar.intranet'] })(`${target.url}/feed`), 'address');
  });

  it('DNS: every address a name resolves to is checked, on the connection itself (no rebinding window)', async () => {
    const calls: string[] = [];
    const privateName = createOutboundFetch({
      resolve: async (host) => {
        calls.push(host);
        return ['10.0.0.5'];
      },
    });
    await refused(
      privateName('https://calendar.example.com/feed.ics?token=abc123'),
      'address',
      /^calendar\.example\.com resolves to 10\.0\.0\.5, a private address; MentorKit does not fetch private/,
    );
    assert.deepEqual(calls, ['calendar.example.com'], 'resolved once, by the connection');

    // One private address among public ones is enough to refuse.
    await refused(
      createOutboundFetch({ resolve: async () => ['93.184.215.14', '127.0.0.1'] })('http://mixed.example.com/'),
      'address',
      /127\.0\.0\.1, a loopback/,
    );
    await refused(createOutboundFetch({ resolve: async () => ['::ffff:169.254.169.254'] })('http://metadata.example.com/'), 'address', /link-local/);
    await refused(createOutboundFetch({ resolve: async () => [] })('http://nothing.example.com/'), 'unreachable', /nothing\.example\.com was not found/);
    await refused(createOutboundFetch({ resolve: async () => ['not-an-ip'] })('http://odd.example.com/'), 'address', /not an IP address/);

    // Rebinding: the name answers an allowed address first, a private one next; each connection is
    // checked against its own answer, and connects to the address that was checked.
    let answer = 0;
    const rebinding = createOutboundFetch({ allowHosts: ['127.0.0.1'], resolve: async () => (answer++ === 0 ? ['127.0.0.1'] : ['10.0.0.5']) });
    const first = await rebinding(`http://rebind.example.com:${target.port}/`);
    assert.equal(await first.text(), 'reached');
    await refused(rebinding(`http://rebind.example.com:${target.port}/`), 'address', /rebind\.example\.com resolves to 10\.0\.0\.5/);
  });

  it('error messages name the scheme and host only, never the path or query', async () => {
    const guarded = createOutboundFetch({ resolve: async () => ['192.168.0.10'] });
    const error = await refused(guarded('https://calendar.example.com/private/ana-7f3k9/basic.ics?token=TOPSECRET'), 'address');
    assert.doesNotMatch(error.message, /TOPSECRET|ana-7f3k9|basic\.ics/);
    assert.equal(error.target, 'https://calendar.example.com');
    assert.doesNotMatch(JSON.stringify(error.toJSON()), /TOPSECRET/);
  });

  it('parseAllowHosts reads the environment variable and names an invalid entry', () => {
    assert.deepEqual(parseAllowHosts(undefined), []);
    assert.deepEqual(parseAllowHosts(''), []);
    assert.deepEqual(parseAllowHosts('127.0.0.1, Calendar.Intranet.,10.20.0.0/16  [::1] fd00::/8'), [
      '127.0.0.1',
      'calendar.intranet',
      '10.20.0.0/16',
      '::1',
      'fd00::/8',
    ]);
    for (const bad of ['http://calendar.intranet', '10.0.0.0/33', 'fd00::/129', 'bad_host!', 'exa$mple.com', '10.0.0.0/x']) {
      assert.throws(
        () => parseAllowHosts(`127.0.0.1,${bad}`),
        (error: Error) => error.message.includes(`"${bad}"`) && /MENTORKIT_FETCH_ALLOW_HOSTS/.test(error.message),
        bad,
      );
    }
    assert.throws(() => createOutboundFetch({ allowHosts: ['not a host'] }), /not a host/);
  });

  describe('redirects', () => {
    let redirector: TestServer;
    let other: TestServer;
    before(async () => {
      other = await startServer((request, response, body) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ method: request.method, authorization: request.headers.authorization ?? null, body }));
      });
      redirector = await startServer((request, response, body) => {
        const url = new URL(request.url ?? '/', 'http://x');
        const to = url.searchParams.get('to');
        const status = Number(url.searchParams.get('status') ?? 302);
        const loop = /^\/loop\/(\d+)$/.exec(url.pathname);
        if (loop) {
          response.writeHead(302, { location: `/loop/${Number(loop[1]) + 1}` });
          return response.end();
        }
        if (to) {
          response.writeHead(status, { location: to });
          return response.end();
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ method: request.method, authorization: request.headers.authorization ?? null, body }));
      });
    });
    after(async () => {
      await redirector.close();
      await other.close();
    });

    it('a redirect from an allowed server to a forbidden address is refused', async () => {
      const guarded = createOutboundFetch({ allowHosts: ['127.0.0.1'] });
      for (const [to, reason, message] of [
        ['http://10.0.0.5/feed.ics', 'address', /10\.0\.0\.5 is a private address/],
        ['http://169.254.169.254/latest/meta-data/', 'address', /link-local/],
        [`http://[::1]:${other.port}/`, 'address', /::1 is a loopback/],
        [`http://0x7f000002:${other.port}/`, 'address', /127\.0\.0\.2 is a loopback/],
        ['file:///etc/passwd', 'scheme', /Only http and https/],
        ['http://ana:pw@calendar.example.com/', 'credentials', /user name or password/],
      ] as const) {
        const requestsBefore = other.requests.length;
        await refused(guarded(`${redirector.url}/?to=${encodeURIComponent(to)}`), reason, message);
        assert.equal(other.requests.length, requestsBefore);
      }
      // 2130706433 is 127.0.0.1 — allowed by address when the allowlist holds it (the check is on the address).
      const allowed = await guarded(`${redirector.url}/?to=${encodeURIComponent(`http://2130706433:${other.port}/x`)}`);
      assert.equal(allowed.status, 200);
      assert.equal(allowed.redirected, true);
    });

    it('at most maxRedirects hops are followed', async () => {
      const guarded = createOutboundFetch({ allowHosts: ['127.0.0.1'], maxRedirects: 3 });
      const before = redirector.requests.length;
      await refused(guarded(`${redirector.url}/loop/0`), 'redirects', /redirected more than 3 times/);
      assert.equal(redirector.requests.length - before, 4, 'the first request and 3 redirects');
      // Three hops are fine.
      const chain = (hops: number) => {
        let url = `${redirector.url}/end`;
        for (let index = 0; index < hops; index += 1) url = `${redirector.url}/?to=${encodeURIComponent(url)}`;
        return url;
      };
      assert.equal((await guarded(chain(3))).status, 200);
      await refused(guarded(chain(4)), 'redirects');
      await refused(createOutboundFetch({ allowHosts: ['127.0.0.1'], maxRedirects: 0 })(chain(1)), 'redirects');
      // redirect: 'manual' hands the 3xx back.
      const manual = await guarded(chain(1), { redirect: 'manual' });
      assert.equal(manual.status, 302);
      assert.equal(manual.headers.get('location'), `${redirector.url}/end`);
    });

    it('Authorization is dropped on a cross-origin hop and kept on a same-origin one; 303 turns into GET, 307 keeps the method and body', async () => {
      const guarded = createOutboundFetch({ allowHosts: ['127.0.0.1'] });
      const headers = { authorization: 'Basic YW5hOnNlY3JldA==' };
      const cross = await guarded(`${redirector.url}/?to=${encodeURIComponent(`${other.url}/x`)}`, { headers });
      assert.equal((await cross.json()).authorization, null);
      const same = await guarded(`${redirector.url}/?to=${encodeURIComponent('/x')}`, { headers });
      assert.equal((await same.json()).authorization, headers.authorization);

      const seeOther = await guarded(`${redirector.url}/?status=303&to=${encodeURIComponent('/x')}`, { method: 'POST', body: 'hello' });
      assert.deepEqual(await seeOther.json(), { method: 'GET', authorization: null, body: '' });
      const temporary = await guarded(`${redirector.url}/?status=307&to=${encodeURIComponent('/x')}`, { method: 'PUT', body: 'hello' });
      assert.deepEqual(await temporary.json(), { method: 'PUT', authorization: null, body: 'hello' });
      const permanent = await guarded(`${redirector.url}/?status=308&to=${encodeURIComponent('/x')}`, { method: 'REPORT', body: '<x/>' });
      assert.deepEqual(await permanent.json(), { method: 'REPORT', authorization: null, body: '<x/>' });
    });
  });

  describe('size and time limits', () => {
    let server: TestServer;
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    before(async () => {
      server = await startServer((incoming, response) => {
        const request = { url: new URL(incoming.url ?? '/', 'http://x').pathname };
        if (request.url === '/endless') {
          response.writeHead(200, { 'content-type': 'text/calendar' });
          const chunk = Buffer.alloc(64 * 1024, 'A');
          const pump = () => {
            while (!response.destroyed && response.write(chunk));
            if (!response.destroyed) response.once('drain', pump);
          };
          pump();
        } else if (request.url === '/declared') {
          response.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
          response.write('BEGIN');
        } else if (request.url === '/bomb') {
          response.writeHead(200, { 'content-encoding': 'gzip' });
          response.end(zlib.gzipSync(zeros));
        } else if (request.url === '/gzip' || request.url === '/br' || request.url === '/deflate') {
          const text = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'.repeat(100);
          const encoded = request.url === '/gzip' ? zlib.gzipSync(text) : request.url === '/br' ? zlib.brotliCompressSync(text) : zlib.deflateSync(text);
          response.writeHead(200, { 'content-encoding': request.url.slice(1), 'content-length': String(encoded.length) });
          response.end(encoded);
        } else if (request.url === '/silent') {
          // never answers
        } else if (request.url === '/trickle') {
          response.writeHead(200, { 'content-type': 'text/plain' });
          response.write('BEGIN');
          const timer = setInterval(() => (response.destroyed ? clearInterval(timer) : response.write('.')), 50);
        } else if (request.url === '/bad-gzip') {
          response.writeHead(200, { 'content-encoding': 'gzip' });
          response.end('this is not gzip');
        } else if (request.url === '/cut') {
          response.writeHead(200, { 'content-type': 'text/calendar', 'content-length': '1000' });
          response.write('BEGIN:VCALENDAR');
          setImmediate(() => response.destroy());
        } else if (request.url === '/not-modified') {
          response.writeHead(304, { etag: '"v1"' });
          response.end();
        } else {
          response.writeHead(200, { 'content-type': 'text/plain' });
          response.end('small');
        }
      });
    });
    after(() => server.close());

    it('a body beyond maxBytes is refused and the connection closed', async () => {
      const guarded = createOutboundFetch({ allowHosts: ['127.0.0.1'], maxBytes: 100_000 });
      const closedBefore = server.closedSockets;
      await refused(
        guarded(`${server.url}/endless?token=SECRET`),
        'too-large',
        /^127\.0\.0\.1:\d+ sent more than 97\.7 KiB; MentorKit reads at most 97\.7 KiB from it\.$/,
      );
      await until(() => server.closedSockets > closedBefore, "the endless response's connection to close");
      await refused(guarded(`${server.url}/declared`), 'too-large');
      // Decompressed bytes count: 8 MiB of zeros gzipped to ~8 KiB is refused under a 1 MiB cap.
      await refused(createOutboundFetch({ allowHosts: ['127.0.0.1'], maxBytes: 1024 * 1024 })(`${server.url}/bomb`), 'too-large', /1 MiB/);
      // The default cap is 5 MiB.
      await refused(createOutboundFetch({ allowHosts: ['127.0.0.1'] })(`${server.url}/bomb`), 'too-large', /5 MiB/);
      assert.equal(await (await guarded(`${server.url}/small`)).text(), 'small');
    });

    it('gzip, deflate and br bodies are decoded', async () => {
      const guarded = createOutboundFetch({ allowHosts: ['127.0.0.1'] });
      for (const encoding of ['gzip', 'deflate', 'br']) {
        const response = await guarded(`${server.url}/${encoding}`);
        assert.equal(response.headers.get('content-encoding'), null);
        const text = await response.text();
        assert.equal(text.length, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'.length * 100, encoding);
      }
      assert.match(String(server.requests.at(-1)?.headers['accept-encoding']), /gzip/);
    });

    it('a server that never answers, or never finishes its body, is given up on after timeoutMs', async () => {
      const guarded = createOutboundFetch({ allowHosts: ['127.0.0.1'], timeoutMs: 300 });
      await refused(guarded(`${server.url}/silent?token=SECRET`), 'timeout', /^127\.0\.0\.1:\d+ did not answer within 0\.3 s; try again later\.$/);
      await refused(guarded(`${server.url}/trickle`), 'timeout');
    });

    it('an abort signal ends the request as fetch does', async () => {
      const guarded = createOutboundFetch({ allowHosts: ['127.0.0.1'] });
      const controller = new AbortController();
      const pending = guarded(`${server.url}/silent`, { signal: controller.signal });
      await until(() => server.requests.some((request) => request.url.startsWith('/silent')), 'the request to arrive');
      controller.abort();
      await assert.rejects(pending, { name: 'AbortError' });
    });

    it('304, HEAD and headers come back as fetch gives them; the user agent is sent', async () => {
      const guarded = createOutboundFetch({ allowHosts: ['127.0.0.1'], userAgent: 'MentorKit test' });
      const notModified = await guarded(`${server.url}/not-modified`, { headers: { 'if-none-match': '"v1"' } });
      assert.equal(notModified.status, 304);
      assert.equal(notModified.headers.get('etag'), '"v1"');
      assert.equal(notModified.body, null);
      assert.equal(server.requests.at(-1)?.headers['user-agent'], 'MentorKit test');
      assert.equal(server.requests.at(-1)?.headers['if-none-match'], '"v1"');
      const head = await guarded(`${server.url}/small`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(await head.text(), '');
    });

    it("https: the same checks, through the TLS connection's own lookup; an untrusted certificate is refused", async (t) => {
      const directory = mkdtempSync(path.join(os.tmpdir(), 'mentorkit-tls-'));
      try {
        const made = spawnSync(
          'openssl',
          [
            'req',
            '-x509',
            '-newkey',
            'rsa:2048',
            '-nodes',
            '-subj',
            '/CN=calendar.test',
            '-addext',
            'subjectAltName=DNS:calendar.test',
            '-days',
            '1',
            '-keyout',
            path.join(directory, 'key.pem'),
            '-out',
            path.join(directory, 'cert.pem'),
          ],
          { stdio: 'ignore' },
        );
        if (made.status !== 0) return t.skip('openssl is not available to make a certificate');
        const tls = https.createServer(
          { key: readFileSync(path.join(directory, 'key.pem')), cert: readFileSync(path.join(directory, 'cert.pem')) },
          (_request, response) => response.end('secure'),
        );
        await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
        const tlsPort = (tls.address() as AddressInfo).port;
        try {
          await refused(createOutboundFetch()(`https://127.0.0.1:${tlsPort}/`), 'address', /127\.0\.0\.1 is a loopback/);
          await refused(
            createOutboundFetch({ resolve: async () => ['127.0.0.1'] })(`https://calendar.test:${tlsPort}/`),
            'address',
            /calendar\.test resolves to 127\.0\.0\.1/,
          );
          // Allowed: the connection is made (to the resolved address) and the self-signed certificate refused.
          await refused(
            createOutboundFetch({ allowHosts: ['127.0.0.1'], resolve: async () => ['127.0.0.1'] })(`https://calendar.test:${tlsPort}/`),
            'unreachable',
            /calendar\.test:\d+ failed the secure connection check \(DEPTH_ZERO_SELF_SIGNED_CERT\)/,
          );
        } finally {
          tls.closeAllConnections();
          await new Promise<void>((resolve) => tls.close(() => resolve()));
        }
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });

    it('a response cut off mid-body, or a body that does not decode, is reported as unreachable (not as a short body)', async () => {
      await refused(createOutboundFetch({ allowHosts: ['127.0.0.1'] })(`${server.url}/cut`), 'unreachable', /closed the connection/);
      await refused(
        createOutboundFetch({ allowHosts: ['127.0.0.1'] })(`${server.url}/bad-gzip`),
        'unreachable',
        /sent a body that could not be decoded \(gzip\)/,
      );
    });

    it('a refused connection is reported as unreachable', async () => {
      const closed = await startServer(() => undefined);
      await closed.close();
      await refused(createOutboundFetch({ allowHosts: ['127.0.0.1'] })(`${closed.url}/`), 'unreachable', /refused the connection/);
    });
  });
});
