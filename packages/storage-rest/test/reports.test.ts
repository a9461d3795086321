// `@mentorkit/storage-rest`'s `reports` service against a small node:http server inside the test that answers
// `GET /programs/<id>/report` as the MentorKit server does (a real HTTP peer, not a mock of fetch): the period and
// zone travel as query parameters, the id is encoded, the token is sent, a 503 is retried (a read), and the
// server's refusals (404 for anyone not an admin, 400 naming the field) arrive as MentorKitError in its words.
// Bad input is refused before anything is sent.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, test } from 'node:test';
import { isMentorKitError, type MentorKitError } from '@mentorkit/core';
import type { ProgrammeReport } from '@mentorkit/core/report';
import { createRestStorage, type RestStorage, type RestStorageOptions } from '@mentorkit/storage-rest';

interface Exchange {
  method: string;
  url: URL;
  authorization: string | undefined;
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function startServer(handler: (exchange: Exchange, response: http.ServerResponse) => void): Promise<{ url: string; exchanges: Exchange[] }> {
  const exchanges: Exchange[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((request, response) => {
    const exchange: Exchange = {
      method: request.method ?? 'GET',
      url: new URL(request.url ?? '/', 'http://test'),
      authorization: request.headers.authorization,
    };
    exchanges.push(exchange);
    request.resume();
    request.on('end', () => handler(exchange, response));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, exchanges };
}

function answer(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function open(url: string, options: Partial<RestStorageOptions> = {}): RestStorage {
  const adapter = createRestStorage({ baseUrl: url, retry: false, watch: false, ...options });
  closers.push(() => adapter.dispose());
  return adapter;
}

async function refusal(promise: Promise<unknown>): Promise<MentorKitError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isMentorKitError(error), `a MentorKitError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a refusal');
}

const REPORT: ProgrammeReport = {
  programId: 'spring/2026',
  programName: 'Spring Mentoring 2026',
  period: { from: '2026-01-01', to: '2026-03-31' },
  timeZone: 'Europe/Madrid',
  generatedAt: '2026-04-01T08:00:00.000Z',
  totals: {
    pairs: { total: 2, proposed: 0, active: 1, paused: 0, closed: 1 },
    sessions: { held: 5, missed: 1, cancelled: 0, scheduled: 2 },
    mentoringMinutes: 290,
    goals: { set: 3, achieved: 1, missed: 1 },
    feedback: { notes: 4, averageRating: 4.25 },
    responseTime: { medianMinutes: 95, replies: 12 },
    pairsAtRisk: 1,
  },
  ratingTrend: [{ month: '2026-01', notes: 4, averageRating: 4.25 }],
  atRisk: [{ pairingId: 'p1', menteeId: 'lucia', mentorIds: ['kenji'], reasons: [{ code: 'sessions-missed', count: 2 }] }],
  mentors: [],
  pairs: [],
};

describe('REST storage: programme reports', () => {
  test('GET /programs/<id>/report with the period and zone as parameters; the id encoded; the token sent; the report as the server sent it', async () => {
    const server = await startServer((exchange, response) => answer(response, 200, REPORT));
    const storage = open(server.url, { getToken: () => 'token-1' });
    const report = await storage.reports.programme('spring/2026', { from: '2026-01-01', to: '2026-03-31' }, { timeZone: 'Europe/Madrid' });
    assert.deepEqual(report, REPORT);
    assert.equal(server.exchanges.length, 1);
    const [exchange] = server.exchanges;
    assert.equal(exchange!.method, 'GET');
    assert.equal(exchange!.url.pathname, '/api/programs/spring%2F2026/report');
    assert.deepEqual(Object.fromEntries(exchange!.url.searchParams), { from: '2026-01-01', to: '2026-03-31', timeZone: 'Europe/Madrid' });
    assert.equal(exchange!.authorization, 'Bearer token-1');

    await storage.reports.programme('p', { from: '2026-02-01', to: '2026-02-28' });
    assert.deepEqual(
      Object.fromEntries(server.exchanges[1]!.url.searchParams),
      { from: '2026-02-01', to: '2026-02-28' },
      'no zone: the server’s default (UTC)',
    );
  });

  test('a read: retried after a 503 with Retry-After', async () => {
    let calls = 0;
    const server = await startServer((exchange, response) => {
      calls++;
      if (calls === 1)
        return answer(
          response,
          503,
          { code: 'storage-error', message: 'The database is unavailable; nothing was changed. Try again shortly.' },
          { 'Retry-After': '0' },
        );
      answer(response, 200, REPORT);
    });
    const storage = open(server.url, { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 } });
    assert.equal((await storage.reports.programme('p', { from: '2026-01-01', to: '2026-03-31' })).programName, 'Spring Mentoring 2026');
    assert.equal(calls, 2);
  });

  test('the server’s refusals in its words: 404 for anyone not an admin (not-found), 400 naming the field (invalid-input)', async () => {
    const server = await startServer((exchange, response) => {
      if (exchange.url.searchParams.get('timeZone') === 'Mars/Olympus')
        return answer(response, 400, { code: 'invalid-input', message: '`timeZone` must be an IANA time zone such as "Europe/Madrid".', path: 'timeZone' });
      answer(response, 404, { code: 'not-found', message: 'There is no programme "spring".', path: 'programId' });
    });
    const storage = open(server.url);
    const notAdmin = await refusal(storage.reports.programme('spring', { from: '2026-01-01', to: '2026-03-31' }));
    assert.equal(notAdmin.code, 'not-found');
    assert.equal(notAdmin.message, 'There is no programme "spring".');
    const badZone = await refusal(storage.reports.programme('spring', { from: '2026-01-01', to: '2026-03-31' }, { timeZone: 'Mars/Olympus' }));
    assert.equal(badZone.code, 'invalid-input');
    assert.equal(badZone.path, 'timeZone');
    assert.match(badZone.message, /IANA/);
  });

  test('bad input is refused before anything is sent, naming the field', async () => {
    const server = await startServer((exchange, response) => answer(response, 200, REPORT));
    const storage = open(server.url);
    const cases: Array<[Promise<unknown>, string]> = [
      [storage.reports.programme('', { from: '2026-01-01', to: '2026-03-31' }), 'programId'],
      [storage.reports.programme('p', null as never), 'period'],
      [storage.reports.programme('p', { from: '2026-1-1', to: '2026-03-31' }), 'period.from'],
      [storage.reports.programme('p', { from: '2026-01-01', to: '2026-02-30x' }), 'period.to'],
      [storage.reports.programme('p', { from: '2026-04-01', to: '2026-03-31' }), 'period.to'],
      [storage.reports.programme('p', { from: '2026-01-01', to: '2026-03-31' }, { timeZone: '' }), 'timeZone'],
      [storage.reports.programme('p', { from: '2026-01-01', to: '2026-03-31' }, 'UTC' as never), 'options'],
    ];
    for (const [promise, path] of cases) {
      const error = await refusal(promise);
      assert.equal(error.code, 'invalid-input', path);
      assert.equal(error.path, path);
    }
    assert.equal(server.exchanges.length, 0, 'nothing was sent');
  });
});
