// The forwarder against a small LRS stub: a real node:http server (the peer, not the unit under test)
// that records what it receives and answers as told.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, test } from 'node:test';
import { createMemoryStorage, createMentorKit, type DomainEvent } from '@mentorkit/core';
import { toXapiStatement, validateXapiStatement, type XapiStatement } from '@mentorkit/core/xapi';
import { basicAuth, createXapiForwarder, type ForwarderProblem, type XapiForwarder } from '@mentorkit/xapi-forwarder';
import { seedDemoProgram } from '../../../examples/shared/demo-program.js';

interface Received {
  headers: http.IncomingHttpHeaders;
  statements: XapiStatement[];
  url: string;
}

/** The LRS stub: `answers` is consumed one per request (default 200); `delayMs` holds each answer. */
const lrs = {
  received: [] as Received[],
  answers: [] as number[],
  delayMs: 0,
  url: '',
  server: undefined as http.Server | undefined,
};

const conversion = { homePage: 'https://lms.example.com', activityBase: 'https://lms.example.com/xapi/mentoring' };
const goalSet = (index: number): DomainEvent => ({
  type: 'goal-set',
  at: '2026-10-01T10:30:00.000Z',
  actorId: 'lucia',
  collection: 'goals',
  recordId: `g${index}`,
  revision: 1,
  pairingId: 'p1',
  data: { title: `Goal ${index}` },
});
const statement = (index: number) => toXapiStatement(goalSet(index), conversion);

async function waitFor(condition: () => boolean, what: string, timeoutMs = 4000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('xAPI forwarder', () => {
  const forwarders: XapiForwarder[] = [];
  const open = (options: Partial<Parameters<typeof createXapiForwarder>[0]> = {}) => {
    const forwarder = createXapiForwarder({
      endpoint: `${lrs.url}/xapi/`,
      auth: basicAuth('key', 'sécret'),
      ...conversion,
      flushIntervalMs: 0,
      retryDelayMs: 20,
      maxRetryDelayMs: 100,
      onError: () => undefined,
      ...options,
    });
    forwarders.push(forwarder);
    return forwarder;
  };

  before(async () => {
    lrs.server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const entry: Received = { headers: request.headers, statements: JSON.parse(body || '[]') as XapiStatement[], url: request.url ?? '' };
        lrs.received.push(entry);
        const status = lrs.answers.shift() ?? 200;
        setTimeout(() => {
          response.writeHead(status, { 'content-type': 'application/json' });
          response.end(status === 200 ? JSON.stringify(entry.statements.map((item) => item.id)) : '{}');
        }, lrs.delayMs);
      });
    });
    await new Promise<void>((resolve) => lrs.server!.listen(0, '127.0.0.1', resolve));
    lrs.url = `http://127.0.0.1:${(lrs.server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    for (const forwarder of forwarders.splice(0)) await forwarder.dispose();
    lrs.received = [];
    lrs.answers = [];
    lrs.delayMs = 0;
  });
  after(async () => {
    lrs.server?.closeAllConnections();
    await new Promise<void>((resolve) => lrs.server!.close(() => resolve()));
  });

  test('sends batches to POST {endpoint}/statements with the xAPI version header and the credentials', async () => {
    const forwarder = open({ batchSize: 25 });
    for (let index = 0; index < 60; index++) forwarder.push(statement(index));
    await forwarder.flush();
    assert.deepEqual(
      lrs.received.map((request) => request.statements.length),
      [25, 25, 10],
    );
    const [first] = lrs.received;
    assert.equal(first!.url, '/xapi/statements');
    assert.equal(first!.headers['x-experience-api-version'], '1.0.3');
    assert.equal(first!.headers['content-type'], 'application/json');
    assert.equal(first!.headers.authorization, `Basic ${Buffer.from('key:sécret').toString('base64')}`);
    assert.deepEqual(
      lrs.received.flatMap((request) => request.statements.map((item) => item.object)),
      Array.from({ length: 60 }, (_, index) => statement(index).object),
      'in order',
    );
    assert.ok(lrs.received.every((request) => request.statements.every((item) => validateXapiStatement(item).valid)));
    assert.equal(forwarder.sent, 60);
    assert.equal(forwarder.pending, 0);
  });

  test('never blocks the caller: pushing is synchronous even while the LRS is slow', async () => {
    lrs.delayMs = 500;
    const forwarder = open({ batchSize: 10 });
    // Structural, not timed (timings flake on a shared machine; speed lives in `npm run bench`): push
    // returns nothing to wait for, and all 1000 are queued before anything reaches the slow LRS.
    for (let index = 0; index < 1000; index++) assert.equal(forwarder.push(statement(index)), undefined, 'push returns nothing to await');
    assert.equal(forwarder.pending, 1000, "every statement is queued on the caller's stack");
    assert.equal(lrs.received.length, 0, "nothing is sent on the caller's stack");
    await waitFor(() => lrs.received.length >= 1, 'the first full batch to go out in the background');
  });

  test('a full batch or the interval triggers sending without flush()', async () => {
    const byInterval = open({ flushIntervalMs: 30, batchSize: 100 });
    byInterval.push(statement(1));
    await waitFor(() => lrs.received.length === 1, 'the interval flush');
    const bySize = open({ batchSize: 3 });
    for (let index = 0; index < 3; index++) bySize.push(statement(index));
    await waitFor(() => lrs.received.length === 2, 'the batch-size flush');
  });

  test('retries with backoff after 503, 429 and network errors, keeping order; 409 counts as delivered', async () => {
    const problems: ForwarderProblem[] = [];
    lrs.answers = [503, 429, 409];
    const forwarder = open({ batchSize: 2, onError: (problem) => problems.push(problem) });
    forwarder.push(statement(1));
    forwarder.push(statement(2));
    forwarder.push(statement(3));
    await forwarder.flush();
    await waitFor(() => forwarder.pending === 0, 'the retries to deliver everything');
    assert.deepEqual(
      lrs.received.map((request) => request.statements.map((item) => (item.object as { id: string }).id.split('/').pop())),
      [['g1', 'g2'], ['g1', 'g2'], ['g1', 'g2'], ['g3']],
    );
    assert.deepEqual(
      problems.map((problem) => [problem.kind, problem.status]),
      [
        ['retrying', 503],
        ['retrying', 429],
      ],
    );
    assert.equal(forwarder.sent, 3);

    const unreachable = open({ endpoint: 'http://127.0.0.1:9/xapi/', onError: (problem) => problems.push(problem) });
    unreachable.push(statement(4));
    await unreachable.flush();
    assert.equal(unreachable.pending, 1, 'kept for a later retry');
    assert.equal(problems.at(-1)?.kind, 'retrying');
  });

  test('a batch the LRS refuses (400) is dropped and reported, the rest goes on; invalid statements are never queued', async () => {
    const problems: ForwarderProblem[] = [];
    lrs.answers = [400];
    const forwarder = open({ batchSize: 1, onError: (problem) => problems.push(problem) });
    forwarder.push(statement(1));
    forwarder.push(statement(2));
    forwarder.push({ ...statement(3), id: 'not-a-uuid' });
    await forwarder.flush();
    assert.deepEqual(
      problems.map((problem) => problem.kind),
      ['invalid-statement', 'rejected-by-lrs'],
    );
    assert.equal(problems[1]!.statements[0]!.id, statement(1).id);
    assert.equal(lrs.received.length, 2);
    assert.equal(forwarder.sent, 1);
  });

  test('the auth hook runs before every request, so a refreshed token is used after a 401', async () => {
    let token = 'expired';
    lrs.answers = [401];
    const forwarder = open({
      auth: () => `Bearer ${token}`,
      onError: (problem) => {
        if (problem.status === 401) token = 'fresh';
      },
    });
    forwarder.push(statement(1));
    await forwarder.flush();
    await waitFor(() => forwarder.pending === 0, 'the retry with the fresh token');
    assert.deepEqual(
      lrs.received.map((request) => request.headers.authorization),
      ['Bearer expired', 'Bearer fresh'],
    );
  });

  test("connect(kit) forwards a client's learning events (with its mentors as instructor) and ignores the rest", async () => {
    const storage = createMemoryStorage();
    await seedDemoProgram(storage);
    const kit = createMentorKit({ storage, user: 'priya-raman' });
    await kit.ready;
    const forwarder = open({ batchSize: 1 });
    const disconnect = forwarder.connect(kit);
    await kit.pairings.setStatus('pairing-ravi', 'active'); // pairing-started: a learning record
    await kit.pairings.update('pairing-ravi', { reasons: ['Re-planned'] }); // pairing-updated: not one
    await forwarder.flush();
    await waitFor(() => lrs.received.length === 1, 'the pairing-started statement');
    const [sentStatement] = lrs.received[0]!.statements;
    assert.equal(sentStatement!.verb.id, 'http://activitystrea.ms/schema/1.0/start');
    assert.equal((sentStatement!.actor as { account: { name: string } }).account.name, 'ravi-patel');
    assert.equal((sentStatement!.context!.instructor as { account: { name: string } }).account.name, 'kenji-watanabe');
    disconnect();
    await kit.pairings.setStatus('pairing-ravi', 'paused');
    await forwarder.flush();
    assert.equal(lrs.received.length, 1);
    await kit.dispose();
  });

  test('version 2.0.0: the X-Experience-API-Version header says 2.0.0 and events become 2.0 statements naming mentee and mentor', async () => {
    const lookup = { pairing: (id: string) => (id === 'p1' ? { menteeId: 'lucia', mentorIds: ['kenji'] } : undefined) };
    const forwarder = open({ version: '2.0.0', lookup, batchSize: 10 });
    assert.equal(forwarder.pushEvent(goalSet(1)), true);
    forwarder.push(toXapiStatement(goalSet(2), { ...conversion, lookup, version: '2.0.0' }));
    forwarder.push(statement(3)); // a statement declaring 1.0.3: a 2.0 LRS takes it too
    await forwarder.flush();
    assert.equal(lrs.received.length, 1);
    const [request] = lrs.received;
    assert.equal(request!.headers['x-experience-api-version'], '2.0.0');
    assert.deepEqual(
      request!.statements.map((item) => item.version),
      ['2.0.0', '2.0.0', '1.0.3'],
    );
    const [converted] = request!.statements;
    assert.deepEqual(
      converted!.context!.contextAgents!.map((item) => [item.agent.account!.name, item.relevantTypes]),
      [
        ['lucia', [`${conversion.activityBase}/roles/mentee`]],
        ['kenji', [`${conversion.activityBase}/roles/mentor`]],
      ],
    );
    assert.ok(request!.statements.every((item) => validateXapiStatement(item).valid));
  });

  test('version 1.0.3 (the default) refuses 2.0 statements before they reach the LRS; 2.0.0 refuses malformed 2.0 ones', async () => {
    const problems: ForwarderProblem[] = [];
    const old = open({ onError: (problem) => problems.push(problem) });
    old.push(toXapiStatement(goalSet(1), { ...conversion, lookup: { pairing: () => ({ menteeId: 'lucia', mentorIds: ['kenji'] }) }, version: '2.0.0' }));
    assert.equal(old.pending, 0);
    assert.equal(problems[0]?.kind, 'invalid-statement');
    assert.match(problems[0]!.message, /version/);
    const current = open({ version: '2.0.0', onError: (problem) => problems.push(problem) });
    current.push({ ...toXapiStatement(goalSet(2), { ...conversion, version: '2.0.0' }), timestamp: '2026-10-01T10:30:00.000-00:00' });
    assert.equal(current.pending, 0);
    assert.match(problems[1]!.message, /`timestamp`.*-00:00/);
    await old.flush();
    await current.flush();
    assert.equal(lrs.received.length, 0);
    assert.throws(() => createXapiForwarder({ endpoint: lrs.url, version: '2.0' as never }), /version/);
  });

  test('bad options are refused with invalid-input', () => {
    assert.throws(() => createXapiForwarder({ endpoint: 'not a url' }), /endpoint/);
    assert.throws(() => createXapiForwarder({ endpoint: 'ftp://lrs.example.com/' }), /http/);
    assert.throws(() => createXapiForwarder({ endpoint: 'https://lrs.example.com/', homePage: 'x', activityBase: conversion.activityBase }), /homePage/);
  });
});
