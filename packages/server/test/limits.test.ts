// Limits and hostile input: a body over the limit is refused with a 413 the client actually receives
// (Content-Length and chunked), malformed text and deep JSON are 400 with a path (never 500), an
// Idempotency-Key raced on two paths never 500s, the attachment quota holds under parallel uploads,
// change streams are capped per person, a subscriber that does not read is dropped, attachments
// are served so they can never render as a page (no uploader-chosen charset or file name), and a
// filter on a field named __proto__ filters.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { asService, as, skipReason, startTestBackend, type TestBackend } from './support.js';

const skip = skipReason();
const RECORD_LIMIT = 64 * 1024;
const MiB = 1024 * 1024;

interface RawResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Bytes of the body the client had written when the answer arrived. */
  sentWhenAnswered: number;
}

/**
 * Sends a body of `total` bytes (or, chunked, without end) in pieces until the server answers, then
 * stops; resolves with the answer. The point: the answer must reach the client although it was
 * still sending.
 */
function uploadUntilAnswered(
  url: string,
  path: string,
  headers: Record<string, string>,
  options: { total?: number; chunkBytes?: number; method?: string },
): Promise<RawResult> {
  const { total, chunkBytes = 16 * 1024, method = 'PUT' } = options;
  return new Promise((resolve, reject) => {
    const target = new URL(path, url);
    const request = http.request({
      host: target.hostname,
      port: target.port,
      path: target.pathname + target.search,
      method,
      headers: { ...headers, ...(total === undefined ? {} : { 'content-length': String(total) }) },
    });
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(chunkBytes, 0x61);
    const pump = () => {
      while (!answered && (total === undefined || sent < total)) {
        const size = total === undefined ? chunk.length : Math.min(chunk.length, total - sent);
        sent += size;
        if (!request.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
          request.once('drain', pump);
          return;
        }
      }
      if (!answered && total !== undefined) request.end();
    };
    request.on('response', (response) => {
      answered = true;
      const sentWhenAnswered = sent;
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(parts).toString('utf8'), sentWhenAnswered });
        request.destroy();
      });
      response.on('error', reject);
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    request.flushHeaders();
    pump();
  });
}

describe('limits and hostile input', { skip: skip ?? false }, () => {
  let backend: TestBackend;

  before(async () => {
    backend = await startTestBackend({
      // Six uploads at once by one person below (the quota under concurrency): over the default cap of 4
      // and the default share of the body budget (a quarter).
      limits: {
        recordBytes: RECORD_LIMIT,
        attachmentQuotaBytesPerPerson: 50 * MiB,
        attachmentUploadsPerPerson: 8,
        bodyBufferBytesPerPerson: 200_000_000,
        changeStreamsPerPerson: 2,
        changeStreams: 6,
        changeStreamBufferBytes: 64 * 1024,
      },
    });
  });
  after(async () => {
    await backend?.close();
  });

  const call = async (method: string, path: string, options: { headers?: Record<string, string>; body?: string | Uint8Array } = {}) => {
    const response = await fetch(`${backend.url}${path}`, {
      method,
      headers: options.headers ?? {},
      ...(options.body === undefined ? {} : { body: options.body as BodyInit }),
    });
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // not JSON
    }
    return { status: response.status, json, headers: response.headers, text };
  };

  test('a Content-Length over the limit is answered 413 at once, and the client receives it', async () => {
    const result = await uploadUntilAnswered(
      backend.url,
      '/collections/notes/records/big',
      { ...asService, 'content-type': 'application/json' },
      { total: 64 * MiB },
    );
    assert.equal(result.status, 413);
    assert.equal(JSON.parse(result.body).code, 'invalid-input');
    assert.match(JSON.parse(result.body).message, /larger than the limit of 64 kB|larger than the limit/);
    assert.equal(result.headers.connection, 'close');
    assert.ok(result.sentWhenAnswered < 64 * MiB, `answered before the body was sent (${result.sentWhenAnswered} bytes sent)`);
    assert.equal((await call('GET', '/health/live')).status, 200, 'the server is fine');
  });

  test('a chunked body over the limit: buffering stops, 413 with Connection: close reaches the client', async () => {
    const result = await uploadUntilAnswered(backend.url, '/collections/notes/records/big', { ...asService, 'content-type': 'application/json' }, {});
    assert.equal(result.status, 413);
    assert.equal(result.headers.connection, 'close');
    assert.equal(JSON.parse(result.body).path, 'body');
    const attachment = await uploadUntilAnswered(
      backend.url,
      '/blobs/huge',
      { ...as('lucia-fernandez'), 'content-type': 'audio/webm' },
      { chunkBytes: 256 * 1024 },
    );
    assert.equal(attachment.status, 413, 'an attachment over 25 MB');
    assert.match(JSON.parse(attachment.body).message, /The attachment is larger than the limit of 25 MB/);
  });

  test('Expect: 100-continue with a body over the limit is refused before the body is sent', async () => {
    const result = await new Promise<{ status: number; continued: boolean }>((resolve, reject) => {
      const target = new URL(backend.url);
      let continued = false;
      const request = http.request({
        host: target.hostname,
        port: target.port,
        path: '/collections/notes/records/big',
        method: 'PUT',
        headers: { ...asService, 'content-length': String(10 * MiB), expect: '100-continue' },
      });
      request.on('continue', () => {
        continued = true;
      });
      request.on('response', (response) => {
        response.resume();
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, continued });
          request.destroy();
        });
      });
      request.on('error', reject);
      request.flushHeaders();
    });
    assert.equal(result.status, 413);
    assert.equal(result.continued, false);
  });

  test('a request that is not HTTP gets a 400 JSON answer; oversized headers 431', async () => {
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const target = new URL(backend.url);
        const socket = net.connect(Number(target.port), target.hostname, () => socket.write(text));
        let answer = '';
        socket.on('data', (data: Buffer) => (answer += data.toString('utf8')));
        socket.on('close', () => resolve(answer));
        socket.on('error', reject);
      });
    const garbage = await raw('HELLO THERE\r\n\r\n');
    assert.match(garbage, /^HTTP\/1.1 400 /);
    assert.match(garbage, /"code":"invalid-input"/);
    const huge = await raw(`GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.match(huge, /^HTTP\/1.1 431 /);
  });

  test('text that is not well-formed UTF-16 or UTF-8, and JSON nested too deep, are 400 with a path, never 500', async () => {
    const put = (path: string, body: string | Uint8Array) => call('PUT', path, { headers: { ...asService, 'content-type': 'application/json' }, body });
    const loneValue = await put('/collections/notes/records/n1', '{"id":"n1","title":"broken \\ud800 text"}');
    assert.equal(loneValue.status, 400);
    assert.equal(loneValue.json.code, 'invalid-input');
    assert.equal(loneValue.json.path, 'record.title');
    const loneKey = await put('/collections/notes/records/n1', '{"id":"n1","nested":{"list":[1,{"\\udc00key":true}]}}');
    assert.equal(loneKey.status, 400);
    assert.match(String(loneKey.json.path), /^record\.nested\.list\[1\]\[key /);
    const lowAlone = await put('/collections/notes/records/n1', '{"id":"n1","items":["ok","\\udfff"]}');
    assert.equal(lowAlone.json.path, 'record.items[1]');
    assert.equal((await put('/collections/notes/records/n1', '{"id":"n1","pair":"\\ud83d\\ude00"}')).status, 201, 'a surrogate pair (an emoji) is fine');

    const deep = await put('/collections/notes/records/n2', `{"id":"n2","deep":${'['.repeat(200)}${']'.repeat(200)}}`);
    assert.equal(deep.status, 400);
    assert.match(String(deep.json.message), /nested deeper than 100 levels/);
    assert.equal(deep.json.path, 'record');
    const hostile = await put('/collections/notes/records/n2', `{"id":"n2","deep":${'['.repeat(60_000)}`);
    assert.equal(hostile.status, 400, 'sixty thousand open brackets: refused before parsing');
    const invalidUtf8 = await put('/collections/notes/records/n3', new Uint8Array([...Buffer.from('{"id":"n3","title":"'), 0xc3, 0x28, ...Buffer.from('"}')]));
    assert.equal(invalidUtf8.status, 400);
    assert.match(String(invalidUtf8.json.message), /not valid UTF-8/);

    const badId = await call('GET', '/collections/notes/records/%ED%A0%80', { headers: asService });
    assert.equal(badId.status, 400);
    assert.equal(badId.json.path, 'url');
    const badFilter = await call('GET', `/collections/notes/records?title=${encodeURIComponent('"\\ud800"')}`, { headers: asService });
    assert.equal(badFilter.status, 400);
    assert.equal(badFilter.json.path, 'where.title');
    const stored = await backend.pool.query("SELECT count(*)::int AS count FROM mk_records WHERE id IN ('n2', 'n3')");
    assert.equal(stored.rows[0].count, 0, 'nothing refused was stored');
  });

  test('a filter on a field named __proto__ filters (it is not swallowed as the prototype of the filter)', async () => {
    const put = (id: string, body: string) =>
      call('PUT', `/collections/protos/records/${id}`, { headers: { ...asService, 'content-type': 'application/json' }, body });
    assert.equal((await put('p1', '{"id":"p1","__proto__":1,"kind":"a"}')).status, 201);
    assert.equal((await put('p2', '{"id":"p2","__proto__":2,"kind":"a"}')).status, 201);
    assert.equal((await put('p3', '{"id":"p3","kind":"a"}')).status, 201);
    const ids = async (query: string) => {
      const answer = await call('GET', `/collections/protos/records?${query}`, { headers: asService });
      assert.equal(answer.status, 200, `${query}: ${answer.text}`);
      return (answer.json.records as Array<{ id: string }>).map((record) => record.id);
    };
    assert.deepEqual(await ids('__proto__=1'), ['p1'], '?__proto__=1 matches only the record whose __proto__ field is 1');
    assert.deepEqual(await ids('__proto__=1&kind=%22a%22'), ['p1'], 'with another filter too');
    assert.deepEqual(await ids('__proto__=3'), [], 'no record has 3');
    assert.deepEqual(await ids('__proto__=%221%22'), [], 'the text "1" is not the number 1');
    assert.deepEqual(await ids('kind=%22a%22'), ['p1', 'p2', 'p3']);
    const twice = await call('GET', '/collections/protos/records?__proto__=1&__proto__=2', { headers: asService });
    assert.equal(twice.status, 400, 'given twice is refused like any field');
    assert.equal(twice.json.path, 'where.__proto__');
    const read = await call('GET', '/collections/protos/records/p1', { headers: asService });
    assert.equal(JSON.parse(read.text).__proto__, 1, 'the field is stored and read back as data');
  });

  test('one Idempotency-Key on two paths at the same moment: one write wins, the other is 422, never 500', async () => {
    for (let round = 0; round < 10; round++) {
      const key = `race-${round}`;
      const write = (id: string) =>
        call('PUT', `/collections/notes/records/${id}`, {
          headers: { ...asService, 'content-type': 'application/json', 'idempotency-key': key, 'if-none-match': '*' },
          body: JSON.stringify({ id, round }),
        });
      const answers = await Promise.all([write(`race-${round}-a`), write(`race-${round}-b`)]);
      const statuses = answers.map((answer) => answer.status).sort();
      assert.deepEqual(statuses, [201, 422], `round ${round}: ${JSON.stringify(answers.map((answer) => answer.json))}`);
      const { rows } = await backend.pool.query<{ count: number }>('SELECT count(*)::int AS count FROM mk_records WHERE id LIKE $1', [`race-${round}-%`]);
      assert.equal(rows[0]!.count, 1, 'only the winner is stored');
    }
  });

  test('the attachment quota holds under parallel uploads: six 23 MiB uploads against 50 MiB, at most two accepted', async () => {
    const bytes = new Uint8Array(23 * MiB);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        call('PUT', `/blobs/voice-quota-${index}`, { headers: { ...as('daniel-kim'), 'content-type': 'audio/webm' }, body: bytes }),
      ),
    );
    const accepted = results.filter((result) => result.status === 200);
    const refused = results.filter((result) => result.status === 413);
    assert.equal(accepted.length + refused.length, 6, `only 200 and 413: ${results.map((result) => result.status).join(', ')}`);
    assert.ok(accepted.length <= 2 && accepted.length >= 1, `${accepted.length} accepted`);
    for (const result of refused) assert.match(String(result.json.message), /past your quota of 50 MiB/);
    const { rows } = await backend.pool.query<{ total: string }>(
      "SELECT COALESCE(SUM(size), 0)::bigint AS total FROM mk_blobs WHERE owner = 'person:daniel-kim'",
    );
    assert.ok(Number(rows[0]!.total) <= 50 * MiB, `stored ${rows[0]!.total} bytes`);
    console.log(
      `quota: ${accepted.length} of 6 parallel 23 MiB uploads accepted, ${refused.length} refused with 413; ${(Number(rows[0]!.total) / MiB).toFixed(0)} MiB stored of 50 MiB`,
    );
    // Replacing one's own attachment counts its old size out.
    const replaced = await call('PUT', '/blobs/voice-quota-replace', {
      headers: { ...as('daniel-kim'), 'content-type': 'audio/webm' },
      body: new Uint8Array(1024),
    });
    assert.equal(replaced.status, 200);
    await backend.pool.query("DELETE FROM mk_blobs WHERE owner = 'person:daniel-kim'");
  });

  test('two people uploading one new attachment id at once: the first keeps it, the other is refused (never last writer wins)', async () => {
    for (let round = 0; round < 8; round++) {
      const id = `voice-contested-${round}`;
      const [lucia, daniel] = await Promise.all([
        call('PUT', `/blobs/${id}`, { headers: { ...as('lucia-fernandez'), 'content-type': 'audio/webm' }, body: new Uint8Array([1, 1, 1]) }),
        call('PUT', `/blobs/${id}`, { headers: { ...as('daniel-kim'), 'content-type': 'audio/webm' }, body: new Uint8Array([2, 2, 2]) }),
      ]);
      assert.deepEqual(
        [lucia.status, daniel.status].sort(),
        [200, 412],
        `round ${round}: one stored, one refused as taken (${lucia.status}, ${daniel.status})`,
      );
      const { rows } = await backend.pool.query<{ owner: string; data: Buffer }>('SELECT owner, data FROM mk_blobs WHERE id = $1', [id]);
      const winner = lucia.status === 200 ? 'lucia-fernandez' : 'daniel-kim';
      assert.equal(rows[0]!.owner, `person:${winner}`);
      assert.deepEqual([...rows[0]!.data], winner === 'lucia-fernandez' ? [1, 1, 1] : [2, 2, 2], "the bytes are the owner's");
    }
  });

  test('an attachment id stays its first uploader\'s after a delete; another person is told "taken" alike for a live and a deleted id', async () => {
    const put = (id: string, personId: string, byte: number) =>
      call('PUT', `/blobs/${id}`, { headers: { ...as(personId), 'content-type': 'audio/webm' }, body: new Uint8Array([byte, byte]) });
    assert.equal((await put('n16-live', 'lucia-fernandez', 1)).status, 200);
    assert.equal((await put('n16-retired', 'lucia-fernandez', 1)).status, 200);
    assert.equal((await call('DELETE', '/blobs/n16-retired', { headers: as('lucia-fernandez') })).status, 200);
    const live = await put('n16-live', 'daniel-kim', 2);
    const retired = await put('n16-retired', 'daniel-kim', 2);
    assert.equal(live.status, 412, live.text);
    assert.deepEqual(
      [retired.status, retired.json.code, String(retired.json.message).replace('n16-retired', 'ID')],
      [live.status, live.json.code, String(live.json.message).replace('n16-live', 'ID')],
      'a live and a deleted id of someone else answer alike',
    );
    assert.match(String(live.json.message), /The attachment id "n16-live" is taken; upload under another id \(a new random UUID\)\./);
    assert.equal((await put(`n16-free-${Date.now()}`, 'daniel-kim', 2)).status, 200, 'a free id is his');
    // Lucía's own id is still hers: she uploads it again; Daniel never got it.
    assert.equal((await put('n16-retired', 'lucia-fernandez', 3)).status, 200);
    const { rows } = await backend.pool.query<{ owner: string; data: Buffer }>('SELECT owner, data FROM mk_blobs WHERE id = $1', ['n16-retired']);
    assert.deepEqual([rows[0]!.owner, [...rows[0]!.data]], ['person:lucia-fernandez', [3, 3]]);
    assert.equal((await call('GET', '/blobs/n16-live', { headers: as('lucia-fernandez') })).text, '\u0001\u0001', 'untouched');
  });

  test('attachments never render as a page: nosniff, an allowlisted type or octet-stream, a download, a sandbox', async () => {
    const upload = async (id: string, type: string, body: string) =>
      (await call('PUT', `/blobs/${encodeURIComponent(id)}`, { headers: { ...as('lucia-fernandez'), 'content-type': type }, body })).status;
    assert.equal(await upload('page.html', 'text/html', '<script>alert(1)</script>'), 200);
    assert.equal(await upload('voice-1', 'audio/webm;codecs=opus', 'OggS'), 200);
    assert.equal(await upload('drawing.svg', 'image/svg+xml', '<svg onload="alert(1)"/>'), 200);
    assert.equal(await upload('photo "1".png', 'image/png', 'PNG'), 200);
    assert.equal(await upload('bad-type', 'not a media type', 'x'), 400);

    const html = await call('GET', '/blobs/page.html', { headers: as('lucia-fernandez') });
    assert.equal(html.status, 200);
    assert.equal(html.headers.get('content-type'), 'application/octet-stream', 'uploaded text/html never comes back as text/html');
    assert.equal(html.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(html.headers.get('content-security-policy'), "sandbox; default-src 'none'");
    assert.equal(
      html.headers.get('content-disposition'),
      'attachment; filename="attachment.bin"',
      'the download name is neutral: never the id the uploader chose',
    );
    const voice = await call('GET', '/blobs/voice-1', { headers: as('lucia-fernandez') });
    assert.equal(voice.headers.get('content-type'), 'audio/webm;codecs=opus', 'a voice note keeps its type and plays');
    assert.equal(
      (await call('GET', '/blobs/drawing.svg', { headers: as('lucia-fernandez') })).headers.get('content-type'),
      'application/octet-stream',
      'SVG can run script: never served as an image',
    );
    assert.equal(voice.headers.get('content-disposition'), 'attachment; filename="attachment.webm"');
    const png = await call('GET', `/blobs/${encodeURIComponent('photo "1".png')}`, { headers: as('lucia-fernandez') });
    assert.equal(png.headers.get('content-type'), 'image/png');
    assert.equal(png.headers.get('content-disposition'), 'attachment; filename="attachment.png"');

    // The id chooses nothing: évil.html stored as text/plain downloads as attachment.txt.
    assert.equal(await upload('évil.html', 'text/plain', '<script>alert(1)</script>'), 200);
    const evil = await call('GET', `/blobs/${encodeURIComponent('évil.html')}`, { headers: as('lucia-fernandez') });
    assert.equal(evil.headers.get('content-type'), 'text/plain');
    assert.equal(evil.headers.get('content-disposition'), 'attachment; filename="attachment.txt"');
    assert.doesNotMatch(evil.headers.get('content-disposition') ?? '', /html|filename\*/);
    assert.equal(await upload('no-type', '', 'x'), 200);
    const untyped = await call('GET', '/blobs/no-type', { headers: as('lucia-fernandez') });
    assert.equal(untyped.headers.get('content-disposition'), 'attachment; filename="attachment.bin"');

    // Only allowlisted parameters are served: no UTF-7 (or any charset but UTF-8), no made-up parameters.
    const served = async (id: string, type: string) => {
      assert.equal(await upload(id, type, 'text'), 200, `${type} is stored`);
      return (await call('GET', `/blobs/${id}`, { headers: as('lucia-fernandez') })).headers.get('content-type');
    };
    assert.equal(await served('utf7', 'text/plain; charset=utf-7'), 'text/plain', 'charset=utf-7 is dropped');
    assert.equal(await served('utf7-quoted', 'text/plain; charset="UTF-7"'), 'text/plain');
    assert.equal(await served('latin1', 'text/csv;charset=iso-8859-1'), 'text/csv');
    assert.equal(await served('utf8', 'text/plain; charset=UTF-8'), 'text/plain;charset=utf-8', 'UTF-8 is kept');
    assert.equal(await served('md-extra', 'text/markdown; variant=GFM; charset=utf-8'), 'text/markdown;charset=utf-8');
    assert.equal(await served('png-params', 'image/png; charset=utf-7; foo=bar'), 'image/png', 'no parameter on an image');
    assert.equal(await served('voice-params', 'audio/ogg; codecs=opus; charset=utf-7'), 'audio/ogg;codecs=opus', 'codecs is kept for audio, nothing else');
    assert.equal(await served('video-codecs', 'video/webm; codecs="vp8, vorbis"'), 'video/webm;codecs="vp8, vorbis"');

    for (const answer of [
      await call('GET', '/nowhere', { headers: asService }),
      await call('GET', '/collections/goals/records'),
      await call('GET', '/health/live'),
    ]) {
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', `nosniff on ${answer.status}`);
    }
  });

  /** Opens a change stream over a raw socket; resolves once the headers are in. */
  const openRawStream = (authorization: string) =>
    new Promise<{ socket: net.Socket; head: string }>((resolve, reject) => {
      const target = new URL(backend.url);
      const socket = net.connect(Number(target.port), target.hostname);
      let head = '';
      const onData = (data: Buffer) => {
        head += data.toString('latin1');
        if (head.includes('\r\n\r\n')) {
          socket.off('data', onData);
          resolve({ socket, head });
        }
      };
      socket.on('data', onData);
      socket.on('error', reject);
      socket.write(`GET /changes HTTP/1.1\r\nHost: ${target.host}\r\nAuthorization: ${authorization}\r\nAccept: text/event-stream\r\n\r\n`);
    });

  test('change streams: over the per-person cap is 429 with Retry-After; closing one makes room', async () => {
    const lucia = as('lucia-fernandez').authorization;
    const first = await openRawStream(lucia);
    const second = await openRawStream(lucia);
    assert.match(first.head, /^HTTP\/1.1 200/);
    assert.match(second.head, /^HTTP\/1.1 200/);
    const third = await call('GET', '/changes', { headers: as('lucia-fernandez') });
    assert.equal(third.status, 429);
    assert.ok(Number(third.headers.get('retry-after')) > 0);
    assert.match(String(third.json.message), /already have 2 change streams open/);
    first.socket.destroy();
    const deadline = Date.now() + 10_000;
    while (backend.backend.stats().changeStreams > 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await openRawStream(lucia);
    assert.match(again.head, /^HTTP\/1.1 200/);
    second.socket.destroy();
    again.socket.destroy();
    while (backend.backend.stats().changeStreams > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(backend.backend.stats().changeStreams, 0);
  });

  test('a change-stream subscriber that does not read is sent resync and dropped; server memory stays bounded', async () => {
    const slow = await openRawStream(asService.authorization);
    slow.socket.pause(); // never reads: the kernel buffers fill, then the server's
    const received: string[] = [];
    // A subscriber that reads keeps its stream.
    const reader = await fetch(`${backend.url}/changes`, { headers: asService });
    const readerBody = reader.body!.getReader();
    let readerBytes = 0;
    void (async () => {
      for (;;) {
        const { done, value } = await readerBody.read().catch(() => ({ done: true, value: undefined }));
        if (done) return;
        readerBytes += value?.length ?? 0;
      }
    })();
    while (backend.backend.stats().changeStreams < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    const filler = 'x'.repeat(60 * 1024);
    const heapBefore = process.memoryUsage().heapUsed;
    let writes = 0;
    while (backend.backend.stats().changeStreams > 1 && writes < 1000) {
      const answer = await call('PUT', `/collections/notes/records/flood-${writes % 10}`, {
        headers: { ...asService, 'content-type': 'application/json' },
        body: JSON.stringify({ id: `flood-${writes % 10}`, filler }),
      });
      assert.ok(answer.status === 200 || answer.status === 201);
      writes++;
    }
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    assert.equal(backend.backend.stats().changeStreams, 1, `the slow subscriber was dropped (after ${writes} writes of 60 kB)`);
    assert.ok(
      backend.logs.some((line) => /change stream of service dropped: \d+ bytes waiting/.test(line)),
      'the operator log says so',
    );
    assert.ok(readerBytes > 0, 'the reading subscriber kept receiving');
    console.log(
      `slow subscriber: dropped after ${writes} writes of 60 kB (${((writes * 60) / 1024).toFixed(1)} MB published; the server holds at most 64 kB for it beyond the kernel's buffers); heap growth in this process ${(heapGrowth / MiB).toFixed(1)} MiB`,
    );
    // It reads again: what is left ends with the resync (best effort), then the server closes.
    slow.socket.on('data', (data: Buffer) => received.push(data.toString('utf8')));
    slow.socket.resume();
    await new Promise<void>((resolve) => slow.socket.once('close', () => resolve()));
    const tail = received.join('').slice(-200);
    console.log(`slow subscriber: the stream ${tail.includes('event: resync') ? 'ended with event: resync' : 'was cut before the resync could be read'}`);
    await readerBody.cancel();
  });
});
