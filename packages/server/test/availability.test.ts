// Availability under one person's flood (red team F2): a person's parallel uploads past their cap are
// 429 with Retry-After before a byte of them is read, the bytes of request bodies held across all
// requests never pass limits.bodyBufferBytes (503 with Retry-After before reading more), an upload
// past the quota is 413 before its body is read, and a saturated pool is 503 "busy" with readiness
// still 200 (never "database unavailable"). Figures are counted by the server's stats() and, for the
// flood as reported, measured as the peak memory of a mentorkit-server process.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { PoolClient } from 'pg';
import { JWT_SECRET, SERVICE_TOKEN, as, asService, skipReason, startCli, startTestBackend, type TestBackend } from './support.js';

const skip = skipReason();
const MiB = 1024 * 1024;
const UPLOADS_PER_PERSON = 3;
const RECORD_WRITES_PER_PERSON = 2;
const BODY_BUFFER = 40 * MiB;
const QUOTA = 30 * MiB;
const PER_PERSON = 30 * MiB;
const DOWNLOADS = 6;
/** What attachment bodies may hold of BODY_BUFFER: a tenth is kept for record bodies. */
const ATTACHMENT_ROOM = BODY_BUFFER - BODY_BUFFER / 10;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown>;
  /** Body bytes the client had written when the answer arrived. */
  sentWhenAnswered: number;
  /** Whether the server asked for the body (100 Continue) before answering. */
  continued: boolean;
}

interface PendingRequest {
  answer: Promise<Answer>;
  /** Sends the body (all of `body`, or its first `upTo` bytes; endless: `body` again and again until the server answers). */
  send(upTo?: number): void;
  answered(): boolean;
}

/**
 * A PUT whose headers go out at once and whose body waits for `send()`: the server sees the request
 * (and takes what it takes: a slot, budget) while the client holds the body back.
 */
function startPut(
  url: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
  options: { chunked?: boolean; endless?: boolean; expectContinue?: boolean } = {},
): PendingRequest {
  const target = new URL(path, url);
  const request = http.request({
    host: target.hostname,
    port: target.port,
    path: target.pathname + target.search,
    method: 'PUT',
    agent: false,
    headers: {
      ...headers,
      ...(options.chunked ? {} : { 'content-length': String(body.length) }),
      ...(options.expectContinue ? { expect: '100-continue' } : {}),
    },
  });
  let sent = 0;
  let answered = false;
  let continued = false;
  request.on('continue', () => (continued = true));
  const answer = new Promise<Answer>((resolve, reject) => {
    request.on('response', (response) => {
      answered = true;
      const sentWhenAnswered = sent;
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        let json: Record<string, unknown> = {};
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          // not JSON
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text, json, sentWhenAnswered, continued });
        request.destroy();
      });
      response.on('error', reject);
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
  });
  request.flushHeaders();
  const chunk = 256 * 1024;
  let until = body.length;
  const pump = () => {
    while (!answered && (options.endless || sent < until)) {
      const piece = body.subarray(sent % body.length, Math.min(options.endless ? body.length : until, (sent % body.length) + chunk));
      sent += piece.length;
      if (!request.write(piece)) {
        request.once('drain', pump);
        return;
      }
    }
    if (!answered && !options.endless && sent >= body.length) request.end();
  };
  return {
    answer,
    send: (upTo = body.length) => {
      until = Math.min(upTo, body.length);
      pump();
    },
    answered: () => answered,
  };
}

const until = async (what: string, condition: () => boolean, ms = 15_000) => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('availability: one person cannot take the server down with uploads', { skip: skip ?? false, timeout: 5 * 60_000 }, () => {
  let backend: TestBackend;

  before(async () => {
    backend = await startTestBackend({
      limits: {
        attachmentUploadsPerPerson: UPLOADS_PER_PERSON,
        recordWritesPerPerson: RECORD_WRITES_PER_PERSON,
        bodyBufferBytes: BODY_BUFFER,
        bodyBufferBytesPerPerson: PER_PERSON,
        attachmentQuotaBytesPerPerson: QUOTA,
        attachmentDownloads: DOWNLOADS,
      },
    });
  });
  after(async () => {
    await backend?.close();
  });

  const stats = () => backend.backend.stats();
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${backend.url}${path}`, { headers });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: (text.startsWith('{') ? JSON.parse(text) : {}) as Record<string, unknown> };
  };

  test(`one person's parallel uploads past the cap (${UPLOADS_PER_PERSON}) are 429 with Retry-After before their bodies are read; at most the cap's bodies are held`, async () => {
    const size = 8 * MiB;
    const body = Buffer.alloc(size, 0x61);
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 5);
    const uploads = Array.from({ length: 12 }, (_, index) =>
      startPut(backend.url, `/blobs/flood-${index}`, { ...as('daniel-kim'), 'content-type': 'audio/webm' }, body),
    );
    const withContinue = startPut(backend.url, '/blobs/flood-continue', { ...as('daniel-kim'), 'content-type': 'audio/webm' }, body, { expectContinue: true });
    // The server sees every request while the bodies are held back: three take a slot (and their
    // declared bytes from the person's share; the instance holds nothing yet), the other ten are answered at once.
    await until(
      'ten answers and three uploads in progress',
      () =>
        [...uploads, withContinue].filter((upload) => upload.answered()).length === 10 &&
        stats().uploadsInProgress === UPLOADS_PER_PERSON &&
        stats().bodyBytesDeclaredByPeople === UPLOADS_PER_PERSON * size,
    );
    const refused = await Promise.all([...uploads, withContinue].filter((upload) => upload.answered()).map((upload) => upload.answer));
    for (const answer of refused) {
      assert.equal(answer.status, 429, answer.body);
      assert.ok(Number(answer.headers['retry-after']) > 0, 'Retry-After');
      assert.equal(answer.json.code, 'forbidden');
      assert.match(String(answer.json.message), /You already have 3 attachment uploads in progress; wait for one to finish, then send this one again\./);
      assert.equal(answer.sentWhenAnswered, 0, 'answered before a byte of the body was sent');
    }
    assert.ok(withContinue.answered() && !(await withContinue.answer).continued, 'Expect: 100-continue: refused without asking for the body');
    assert.equal(stats().bodyBytesDeclaredByPeople, UPLOADS_PER_PERSON * size, 'only the three bodies in progress are counted');
    assert.equal(stats().bodyBytesBuffered, 0, 'nothing has arrived, so nothing is held');

    const accepted = uploads.filter((upload) => !upload.answered());
    for (const upload of accepted) upload.send();
    for (const answer of await Promise.all(accepted.map((upload) => upload.answer))) assert.equal(answer.status, 200, answer.body);
    clearInterval(sampler);
    await until('the bodies given back', () => stats().bodyBytesBuffered === 0 && stats().bodyBytesDeclaredByPeople === 0 && stats().uploadsInProgress === 0);
    assert.ok(stats().bodyBytesBufferedPeak <= UPLOADS_PER_PERSON * size, `peak held ${stats().bodyBytesBufferedPeak} bytes`);
    console.log(
      `upload flood: 13 parallel 8 MiB uploads by one person: ${accepted.length} stored, ${refused.length} answered 429 before their bodies were sent; at most ${(stats().bodyBytesBufferedPeak / MiB).toFixed(0)} MiB of bodies held (client and server share this process: RSS +${((rssPeak - rssBefore) / MiB).toFixed(0)} MiB at the peak)`,
    );
    // A slot comes free when an upload ends: the next one goes through.
    assert.equal((await get('/health/live')).status, 200);
    const next = startPut(backend.url, '/blobs/flood-after', { ...as('daniel-kim'), 'content-type': 'audio/webm' }, Buffer.from('ok'));
    next.send();
    assert.equal((await next.answer).status, 200);
    await backend.pool.query("DELETE FROM mk_blobs WHERE owner = 'person:daniel-kim'");
  });

  test(`one person's parallel record writes past the cap (${RECORD_WRITES_PER_PERSON}) are 429; a service is not capped`, async () => {
    const record = (id: string) => Buffer.from(JSON.stringify({ id, title: 'A goal', ownerId: 'lucia-fernandez' }));
    const writes = ['w1', 'w2', 'w3'].map((id) =>
      startPut(backend.url, `/collections/notes/records/${id}`, { ...as('lucia-fernandez'), 'content-type': 'application/json' }, record(id)),
    );
    await until(
      'one answer and two writes in progress',
      () => writes.filter((write) => write.answered()).length === 1 && stats().recordWritesInProgress === RECORD_WRITES_PER_PERSON,
    );
    const refused = await writes.find((write) => write.answered())!.answer;
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.match(String(refused.json.message), /You already have 2 record writes in progress/);
    for (const write of writes.filter((write) => !write.answered())) write.send();
    await Promise.all(writes.map((write) => write.answer));
    await until('the writes done', () => stats().recordWritesInProgress === 0);
    const service = ['s1', 's2', 's3', 's4'].map((id) =>
      startPut(backend.url, `/collections/notes/records/${id}`, { ...asService, 'content-type': 'application/json' }, record(id)),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(service.filter((write) => write.answered()).length, 0, 'the service is trusted: no cap');
    for (const write of service) write.send();
    for (const answer of await Promise.all(service.map((write) => write.answer))) assert.equal(answer.status, 201, answer.body);
  });

  test(`bodies held across all requests never pass limits.bodyBufferBytes (${BODY_BUFFER / MiB} MiB): what arrived is counted; 503 with Retry-After before reading more`, async () => {
    const size = 8 * MiB;
    const body = Buffer.alloc(size, 0x62);
    const refusedBefore = stats().bodiesRefused;
    // Four people send most of an 8 MiB upload and stall: 30 MiB held of the 36 MiB attachments may use.
    const held = ['p-1', 'p-2', 'p-3', 'p-4'].map((person) =>
      startPut(backend.url, `/blobs/budget-${person}`, { ...as(person), 'content-type': 'image/png' }, body),
    );
    for (const upload of held) upload.send(size - MiB / 2);
    await until('30 MiB held', () => stats().bodyBytesBuffered === 4 * (size - MiB / 2));
    // A fifth declares 8 MiB: it does not fit in what is free now, so it is refused before a byte is read.
    const refused = startPut(backend.url, '/blobs/budget-p-5', { ...as('p-5'), 'content-type': 'image/png' }, body);
    const answer = await refused.answer;
    assert.equal(answer.status, 503, answer.body);
    assert.ok(Number(answer.headers['retry-after']) > 0, 'Retry-After');
    assert.equal(answer.json.code, 'storage-error');
    assert.match(
      String(answer.json.message),
      /already receiving as much as it holds at once \(40 MiB of request bodies\); nothing was stored\. Send this again in a few seconds\./,
    );
    assert.equal(answer.sentWhenAnswered, 0);
    // Another person's record write still has room: attachments never take the last tenth.
    const note = await fetch(`${backend.url}/collections/goals/records/budget-goal`, {
      method: 'PUT',
      headers: { ...as('lucia-fernandez'), 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'budget-goal', pairingId: 'pairing-lucia', ownerId: 'lucia-fernandez', title: 'Still writes', visibility: 'private' }),
    });
    assert.notEqual(note.status, 503, await note.text());
    // A chunked body (no Content-Length) is taken chunk by chunk until it stops fitting.
    const chunked = startPut(backend.url, '/blobs/budget-chunked', { ...as('p-9'), 'content-type': 'image/png' }, Buffer.alloc(64 * 1024, 0x63), {
      chunked: true,
      endless: true,
    });
    chunked.send();
    const chunkedAnswer = await chunked.answer;
    assert.equal(chunkedAnswer.status, 503, chunkedAnswer.body);
    assert.equal(chunkedAnswer.headers.connection, 'close', 'the rest of the body is drained, the connection then closed');
    assert.ok(
      chunkedAnswer.sentWhenAnswered >= ATTACHMENT_ROOM - 4 * (size - MiB / 2) - 64 * 1024,
      `it was read until the room ran out (${chunkedAnswer.sentWhenAnswered} bytes)`,
    );
    assert.equal(stats().bodiesRefused - refusedBefore, 2);
    assert.ok(stats().bodyBytesBufferedPeak <= ATTACHMENT_ROOM, `peak ${stats().bodyBytesBufferedPeak}`);
    // The four finish and are stored; then the budget is free again.
    for (const upload of held) upload.send();
    for (const done of await Promise.all(held.map((upload) => upload.answer))) assert.equal(done.status, 200, done.body);
    await until('the budget free', () => stats().bodyBytesBuffered === 0);
    const again = startPut(backend.url, '/blobs/budget-again', { ...as('p-9'), 'content-type': 'image/png' }, body);
    again.send();
    assert.equal((await again.answer).status, 200);
    await backend.pool.query("DELETE FROM mk_blobs WHERE id LIKE 'budget-%'");
    await backend.pool.query("DELETE FROM mk_records WHERE id = 'budget-goal'");
  });

  test('slow uploads by two people (declaring 25 MB, sending a byte a second) hold almost nothing; each person holds at most their share; another person keeps writing records and uploading', async () => {
    const net = await import('node:net');
    const port = Number(new URL(backend.url).port);
    const answers: string[] = [];
    const sockets = ['mallory-1', 'mallory-2'].flatMap((person) =>
      Array.from({ length: 3 }, (_, index) => {
        const socket = net.connect(port, '127.0.0.1');
        socket.on('error', () => undefined);
        socket.on('data', (data: Buffer) => answers.push(String(data).split('\r\n')[0]!));
        socket.on('connect', () =>
          socket.write(
            `PUT /blobs/slow-${person}-${index} HTTP/1.1\r\nHost: x\r\nAuthorization: ${as(person).authorization}\r\nContent-Type: audio/ogg\r\nContent-Length: 25000000\r\n\r\nx`,
          ),
        );
        return socket;
      }),
    );
    const drip = setInterval(() => {
      for (const socket of sockets) if (!socket.destroyed) socket.write('x');
    }, 1000);
    try {
      // One 25 MB upload per person fits their 30 MiB share; the other two are 429 at once.
      await until('four answers', () => answers.length === 4);
      assert.deepEqual(answers, Array(4).fill('HTTP/1.1 429 Too Many Requests'));
      assert.equal(stats().bodyBytesDeclaredByPeople, 2 * 25_000_000);
      for (let round = 0; round < 3; round++) {
        const write = await fetch(`${backend.url}/collections/goals/records/slow-goal-${round}`, {
          method: 'PUT',
          headers: { ...as('lucia-fernandez'), 'content-type': 'application/json' },
          body: JSON.stringify({
            id: `slow-goal-${round}`,
            pairingId: 'pairing-lucia',
            ownerId: 'lucia-fernandez',
            title: 'Still writes',
            visibility: 'private',
          }),
        });
        assert.notEqual(write.status, 503, await write.text());
        assert.ok(stats().bodyBytesBuffered < 1024, `the slow uploads hold what they sent (${stats().bodyBytesBuffered} bytes)`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      const upload = startPut(backend.url, '/blobs/slow-other', { ...as('kenji-watanabe'), 'content-type': 'audio/webm' }, Buffer.alloc(8 * MiB, 7));
      upload.send();
      assert.equal((await upload.answer).status, 200);
      // A person who sends most of a body and stalls holds it, within their share; the next such
      // upload by someone else that would not fit is 503 before it is read, and records still go through.
      const stalled = startPut(backend.url, '/blobs/slow-stalled', { ...as('mallory-3'), 'content-type': 'audio/webm' }, Buffer.alloc(23 * MiB, 8));
      stalled.send(22 * MiB);
      await until('22 MiB held', () => stats().bodyBytesBuffered >= 22 * MiB);
      const second = startPut(backend.url, '/blobs/slow-stalled-2', { ...as('mallory-4'), 'content-type': 'audio/webm' }, Buffer.alloc(16 * MiB, 9));
      assert.equal((await second.answer).status, 503);
      const write = await fetch(`${backend.url}/collections/goals/records/slow-goal-last`, {
        method: 'PUT',
        headers: { ...as('lucia-fernandez'), 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'slow-goal-last', pairingId: 'pairing-lucia', ownerId: 'lucia-fernandez', title: 'Still writes', visibility: 'private' }),
      });
      assert.notEqual(write.status, 503, await write.text());
      stalled.send();
      assert.equal((await stalled.answer).status, 200);
    } finally {
      clearInterval(drip);
      for (const socket of sockets) socket.destroy();
    }
    await until('the budget free', () => stats().bodyBytesBuffered === 0 && stats().bodyBytesDeclaredByPeople === 0);
    await backend.pool.query("DELETE FROM mk_blobs WHERE id LIKE 'slow-%'");
    await backend.pool.query("DELETE FROM mk_records WHERE id LIKE 'slow-goal-%'");
  });

  test(`downloads that are not read hold no database connection and one piece each: 4 per person (429), ${DOWNLOADS} on the instance (503); others are served`, async () => {
    const net = await import('node:net');
    const port = Number(new URL(backend.url).port);
    const bytes = Buffer.alloc(20 * MiB);
    for (let index = 0; index < bytes.length; index += 4096) bytes[index] = index % 251;
    const upload = startPut(backend.url, '/blobs/download-big', { ...as('james-wilson'), 'content-type': 'audio/ogg' }, bytes);
    upload.send();
    assert.equal((await upload.answer).status, 200);
    const statuses: string[] = [];
    const open = (personId: string) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      let first = true;
      socket.on('data', (data: Buffer) => {
        if (first) statuses.push(`${personId} ${String(data).split('\r\n')[0]}${/retry-after: \d+/i.test(String(data)) ? ' Retry-After' : ''}`);
        first = false;
        socket.pause(); // takes the first bytes, then reads nothing more
      });
      socket.on('connect', () => socket.write(`GET /blobs/download-big HTTP/1.1\r\nHost: x\r\nAuthorization: ${as(personId).authorization}\r\n\r\n`));
      return socket;
    };
    const sockets = Array.from({ length: 30 }, () => open('james-wilson'));
    try {
      await until('30 answers', () => statuses.length === 30);
      assert.equal(statuses.filter((line) => line === 'james-wilson HTTP/1.1 200 OK').length, 4, statuses.join('\n'));
      assert.equal(statuses.filter((line) => line === 'james-wilson HTTP/1.1 429 Too Many Requests Retry-After').length, 26, statuses.join('\n'));
      assert.equal(stats().downloadsInProgress, 4);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(backend.pool.totalCount - backend.pool.idleCount, 0, 'no database connection is held while the clients do not read');
      // Another person's requests are served meanwhile, their own downloads too, until the instance's cap.
      // Served, not queued behind the stalled downloads: checked by what it means, not by milliseconds
      // (how fast the server answers under load is bench/server.bench.ts's business). No request waits
      // for a database connection meanwhile (the pool's waiting count, sampled until the answer), and
      // the answer is 200, not the 503 "busy" a wait for a connection ends in.
      let answered = false;
      let mostWaiting = 0;
      const served = get('/collections/goals/records', as('lucia-fernandez')).finally(() => (answered = true));
      await until('her answer while the downloads stall', () => ((mostWaiting = Math.max(mostWaiting, backend.pool.waitingCount)), answered));
      assert.equal((await served).status, 200);
      assert.equal(mostWaiting, 0, 'no request waited for a database connection');
      // Another person downloads too, until the instance's cap: two more fit, the third is 503.
      const hers = startPut(backend.url, '/blobs/download-hana', { ...as('hana-sato'), 'content-type': 'audio/ogg' }, bytes);
      hers.send();
      assert.equal((await hers.answer).status, 200);
      statuses.length = 0;
      const path = '/blobs/download-hana';
      for (let index = 0; index < 3; index++) {
        const socket = net.connect(port, '127.0.0.1');
        socket.on('error', () => undefined);
        socket.once('data', (data: Buffer) => {
          statuses.push(String(data).split('\r\n')[0]!);
          socket.pause();
        });
        socket.on('connect', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: ${as('hana-sato').authorization}\r\n\r\n`));
        sockets.push(socket);
        await until(`answer ${index + 1}`, () => statuses.length === index + 1);
      }
      assert.deepEqual(statuses, ['HTTP/1.1 200 OK', 'HTTP/1.1 200 OK', 'HTTP/1.1 503 Service Unavailable']);
      assert.equal(stats().downloadsInProgress, DOWNLOADS);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
    await until('the downloads ended', () => stats().downloadsInProgress === 0);
    // A client that reads gets every byte, in order.
    const whole = await fetch(`${backend.url}/blobs/download-big`, { headers: as('james-wilson') });
    assert.equal(whole.status, 200);
    assert.ok(Buffer.from(await whole.arrayBuffer()).equals(bytes), 'the same bytes');
    await backend.pool.query("DELETE FROM mk_blobs WHERE id LIKE 'download-%'");
  });

  test(`an upload past the quota (${QUOTA / MiB} MiB) is 413 before its body is read; the transaction stays the guarantee`, async () => {
    const first = startPut(backend.url, '/blobs/quota-1', { ...as('kenji-watanabe'), 'content-type': 'audio/webm' }, Buffer.alloc(20 * MiB, 1));
    first.send();
    assert.equal((await first.answer).status, 200);
    const peakBefore = stats().bodyBytesBufferedPeak;
    const refusedBefore = stats().bodiesRefused;
    // Declared 16 MiB more: 36 MiB past 30 MiB. The body is never sent: the answer comes first.
    const over = startPut(backend.url, '/blobs/quota-2', { ...as('kenji-watanabe'), 'content-type': 'audio/webm' }, Buffer.alloc(16 * MiB, 2));
    const answer = await over.answer;
    assert.equal(answer.status, 413, answer.body);
    assert.equal(answer.sentWhenAnswered, 0, 'nothing of the body was sent, so nothing was read');
    assert.match(
      String(answer.json.message),
      /This attachment \(16 MiB\) would take your attachments to 36 MiB, past your quota of 30 MiB; delete attachments you no longer need first\./,
    );
    assert.deepEqual(answer.json.details, { quota: QUOTA, used: 20 * MiB, size: 16 * MiB });
    assert.equal(stats().bodyBytesBuffered, 0, 'no budget was taken for it');
    assert.equal(stats().bodiesRefused, refusedBefore);
    assert.ok(stats().bodyBytesBufferedPeak <= peakBefore);
    // Expect: 100-continue: the body is not even asked for.
    const expecting = startPut(backend.url, '/blobs/quota-3', { ...as('kenji-watanabe'), 'content-type': 'audio/webm' }, Buffer.alloc(16 * MiB, 3), {
      expectContinue: true,
    });
    const expectingAnswer = await expecting.answer;
    assert.equal(expectingAnswer.status, 413);
    assert.equal(expectingAnswer.continued, false, 'no 100 Continue');
    // Replacing one's own attachment counts its old size out (pre-check and transaction alike).
    const replace = startPut(backend.url, '/blobs/quota-1', { ...as('kenji-watanabe'), 'content-type': 'audio/webm' }, Buffer.alloc(24_000_000, 4), {
      expectContinue: true,
    });
    replace.send();
    const replaced = await replace.answer;
    assert.equal(replaced.status, 200, replaced.body);
    assert.equal(replaced.continued, true, 'an upload that passes every check is asked for its body');
    // A chunked upload (no Content-Length) cannot be pre-checked: the transaction refuses it.
    const chunkedOver = startPut(backend.url, '/blobs/quota-4', { ...as('kenji-watanabe'), 'content-type': 'audio/webm' }, Buffer.alloc(10 * MiB, 5), {
      chunked: true,
    });
    chunkedOver.send();
    const chunkedAnswer = await chunkedOver.answer;
    assert.equal(chunkedAnswer.status, 413);
    const { rows } = await backend.pool.query<{ total: string }>(
      "SELECT COALESCE(SUM(size), 0)::bigint AS total FROM mk_blobs WHERE owner = 'person:kenji-watanabe'",
    );
    assert.equal(Number(rows[0]!.total), 24_000_000, 'the replacement only');
    await backend.pool.query("DELETE FROM mk_blobs WHERE owner = 'person:kenji-watanabe'");
  });

  test('a saturated pool is 503 "busy" with Retry-After and a distinct log line; readiness stays 200, the database is not reported down', async () => {
    const max = (backend.pool as unknown as { options: { max: number } }).options.max;
    const held: PoolClient[] = [];
    try {
      for (let index = 0; index < max; index++) held.push(await backend.pool.connect());
      const started = Date.now();
      const busy = await get('/collections/goals/records', asService);
      assert.equal(busy.status, 503);
      assert.ok(Number(busy.headers.get('retry-after')) > 0, 'Retry-After');
      assert.equal(busy.json.code, 'storage-error');
      assert.match(String(busy.json.message), /The server is busy: every database connection is in use\. Nothing was changed; try again in a moment\./);
      console.log(`saturated pool: answered 503 busy after ${Date.now() - started} ms (the pool's checkout timeout)`);
      const ready = await get('/health/ready');
      assert.equal(ready.status, 200, 'readiness asks PostgreSQL over a connection of its own');
      assert.equal(ready.json.status, 'ready');
      assert.equal((await get('/health/live')).status, 200);
      assert.equal(stats().databaseAvailable, true);
      assert.ok(stats().poolBusyAnswers >= 1);
      assert.ok(
        backend.logs.some((line) =>
          new RegExp(
            `^\\[mentorkit-server\\] busy: all ${max} database connections in use \\(\\d+ requests waiting\\); answered 503 with Retry-After to \\d+ requests? since the last such line$`,
          ).test(line),
        ),
        backend.logs.join('\n'),
      );
      assert.ok(!backend.logs.some((line) => /database unavailable/.test(line)), 'never logged as the database being down');
      // Readiness asked again and again while saturated shares one probe (at most one connection per 2 s).
      const burst = await Promise.all(Array.from({ length: 20 }, () => get('/health/ready')));
      assert.ok(burst.every((answer) => answer.status === 200));
    } finally {
      for (const client of held) client.release();
    }
    assert.equal((await get('/collections/goals/records', asService)).status, 200, 'answers again once connections come free');
  });

  test('the flood as reported, against mentorkit-server with its default limits: 100 parallel 24 MB uploads by one person; peak memory stays bounded', async () => {
    const cli = await startCli(['--port', '0'], {
      DATABASE_URL: backend.postgres.connectionString,
      MENTORKIT_JWT_SECRET: JWT_SECRET,
      MENTORKIT_SERVICE_TOKEN: SERVICE_TOKEN,
    });
    try {
      const url = await cli.listening();
      const pid = cli.child.pid!;
      const memory = (field: 'VmRSS' | 'VmHWM') =>
        Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
      const before = memory('VmRSS');
      const body = Buffer.alloc(24_000_000, 0x64);
      const uploads = Array.from({ length: 100 }, (_, index) =>
        startPut(url, `/blobs/reported-${index}`, { ...as('mallory'), 'content-type': 'audio/webm' }, body),
      );
      for (const upload of uploads) upload.send();
      const answers = await Promise.all(uploads.map((upload) => upload.answer));
      const counts = new Map<number, number>();
      for (const answer of answers) counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
      const peak = memory('VmHWM');
      const summary = [...counts].map(([status, count]) => `${count}× ${status}`).join(', ');
      console.log(
        `reported flood: 100 parallel 24 MB uploads by one person → ${summary}; mentorkit-server RSS ${(before / MiB).toFixed(0)} MiB before, peak ${(peak / MiB).toFixed(0)} MiB (unbounded it held every body: ~2.4 GB of bodies, RSS 4.4 GB in the report)`,
      );
      assert.ok(
        [...counts.keys()].every((status) => status === 200 || status === 429),
        summary,
      );
      assert.ok((counts.get(429) ?? 0) >= 90, summary);
      assert.ok(peak - before < 600 * MiB, `peak growth ${((peak - before) / MiB).toFixed(0)} MiB`);
      const ready = await fetch(`${url}/health/ready`);
      assert.equal(ready.status, 200);
      assert.doesNotMatch(cli.output(), /database unavailable/);
    } finally {
      await cli.stop();
      await backend.pool.query("DELETE FROM mk_blobs WHERE owner = 'person:mallory'");
    }
  });
});
