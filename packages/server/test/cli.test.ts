// The mentorkit-server command, started as a child process the way an operator starts it: bad
// configuration exits with code 2 and says what to change; a good one migrates, seeds, listens and
// answers /health/live and /health/ready (503 while PostgreSQL is away), and SIGTERM stops it cleanly.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startPostgres, type RunningPostgres } from '../../../scripts/lib/postgres.mjs';
import { JWT_SECRET, SERVICE_TOKEN, signToken, skipReason, startCli } from './support.js';

const skip = skipReason();

describe('the mentorkit-server command', { skip: skip ?? false }, () => {
  let postgres: RunningPostgres;
  before(async () => {
    postgres = await startPostgres();
  });
  after(async () => {
    await postgres?.stop();
  });

  test('bad configuration exits with code 2 and a message saying what to change', async () => {
    const cases: Array<[string, string[], Record<string, string>, RegExp]> = [
      ['no DATABASE_URL', [], { MENTORKIT_JWT_SECRET: JWT_SECRET }, /DATABASE_URL is not set/],
      ['no identity', [], { DATABASE_URL: postgres.connectionString }, /No identity is configured: set MENTORKIT_JWT_SECRET .* or MENTORKIT_JWKS_URL .* --dev-auth/],
      ['an unknown flag', ['--prot', '80'], { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: JWT_SECRET }, /Unknown option "--prot"/],
      ['a bad port', ['--port', 'eighty'], { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: JWT_SECRET }, /--port must be a whole number/],
      ['dev-auth on every interface', ['--dev-auth', '--host', '0.0.0.0'], { DATABASE_URL: postgres.connectionString }, /--dev-auth .* refused on 0\.0\.0\.0, which is not a loopback address/],
      ['a short secret', [], { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: 'short' }, /at least 32 characters/],
      ['CORS wildcard', [], { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: JWT_SECRET, MENTORKIT_CORS_ORIGINS: '*' }, /never \*/],
      ['a bad SMTP URL', [], { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: JWT_SECRET, MENTORKIT_SMTP_URL: 'mail.example.com:25' }, /MENTORKIT_SMTP_URL/],
      ['a bad connection cap', [], { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: JWT_SECRET, MENTORKIT_MAX_CONNECTIONS: 'lots' }, /MENTORKIT_MAX_CONNECTIONS must be a whole number of 1 or more, e\.g\. MENTORKIT_MAX_CONNECTIONS=5000 \(got "lots"\)/],
      ['a bad per-address cap', [], { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: JWT_SECRET, MENTORKIT_MAX_CONNECTIONS_PER_ADDRESS: '-1' }, /MENTORKIT_MAX_CONNECTIONS_PER_ADDRESS must be a whole number \(0 turns the limit off\)/],
      ['a bad allow-list entry', [], { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: JWT_SECRET, MENTORKIT_FETCH_ALLOW_HOSTS: '127.0.0.1, not a host' }, /MENTORKIT_FETCH_ALLOW_HOSTS: "not a host"/],
    ];
    for (const [what, args, env, message] of cases) {
      const cli = await startCli(args, env);
      const { code } = await cli.exited;
      assert.equal(code, 2, `${what}: exit code 2\n${cli.output()}`);
      assert.match(cli.output(), message, what);
      assert.match(cli.output(), /^\[mentorkit-server\] configuration: /m, `${what}: one operator line`);
      assert.doesNotMatch(cli.output(), /\n\s+at /, `${what}: no stack`);
    }
    const help = await startCli(['--help'], {}, { fromSource: false }); // the bin as installed: dist/cli.js when built, else the sources
    assert.equal((await help.exited).code, 0);
    assert.match(help.output(), /MENTORKIT_JWKS_URL/);
  });

  test('configured from env and flags, it seeds, listens, answers health and people\'s requests, and stops on SIGTERM', async () => {
    const cli = await startCli(['--port', '0', '--host', '127.0.0.1', '--seed-demo'], {
      DATABASE_URL: postgres.connectionString,
      MENTORKIT_JWT_SECRET: JWT_SECRET,
      MENTORKIT_SERVICE_TOKEN: SERVICE_TOKEN,
      MENTORKIT_CORS_ORIGINS: 'https://lms.example.edu, https://intranet.example.com',
      MENTORKIT_PUBLIC_URL: 'https://mentoring.example.edu',
      MENTORKIT_FETCH_ALLOW_HOSTS: '127.0.0.1,10.0.0.0/8',
    });
    try {
      const url = await cli.listening();
      assert.match(cli.output(), /\[mentorkit-server\] applied schema migrations 1/);
      assert.match(cli.output(), /\[mentorkit-server\] seeded the demo programme/);
      const live = await fetch(`${url}/health/live`);
      assert.equal(live.status, 200);
      assert.deepEqual(await live.json(), { ok: true, status: 'live' });
      assert.equal((await fetch(`${url}/health/ready`)).status, 200);
      assert.equal((await fetch(`${url}/health`)).status, 200, '/health still answers');
      const pairings = await fetch(`${url}/collections/pairings/records`, { headers: { authorization: `Bearer ${signToken({ sub: 'lucia-fernandez' })}`, origin: 'https://lms.example.edu' } });
      assert.equal(pairings.status, 200);
      assert.equal(pairings.headers.get('access-control-allow-origin'), 'https://lms.example.edu');
      assert.deepEqual(((await pairings.json()) as { records: Array<{ id: string }> }).records.map((record) => record.id), ['pairing-lucia']);
      assert.equal((await fetch(`${url}/collections/pairings/records`, { headers: { authorization: 'Bearer dev:lucia-fernandez' } })).status, 401, 'no dev sign-in without --dev-auth');

      // PostgreSQL away: ready says so, live does not care; back: ready again, on its own.
      await postgres.pause();
      const notReady = await fetch(`${url}/health/ready`);
      assert.equal(notReady.status, 503);
      assert.ok(Number(notReady.headers.get('retry-after')) > 0);
      assert.equal((await fetch(`${url}/health/live`)).status, 200);
      const write = await fetch(`${url}/collections/notes/records/n1`, { method: 'PUT', headers: { authorization: `Bearer ${SERVICE_TOKEN}`, 'content-type': 'application/json' }, body: '{"id":"n1"}' });
      assert.equal(write.status, 503);
      assert.ok(write.headers.get('retry-after'));
      await postgres.resume();
      const deadline = Date.now() + 30_000;
      let ready = 0;
      while (ready !== 200 && Date.now() < deadline) {
        ready = (await fetch(`${url}/health/ready`)).status;
        if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(ready, 200);
      assert.match(cli.output(), /\[mentorkit-server\] database unavailable \(.*\); answering 503/);
    } finally {
      const { code, signal } = await cli.stop();
      assert.equal(code, 0, `SIGTERM exits 0 (signal ${signal})\n${cli.output()}`);
      assert.match(cli.output(), /\[mentorkit-server\] SIGTERM: stopping/);
      assert.match(cli.output(), /\[mentorkit-server\] stopped/);
    }
  });

  test('--dev-auth on loopback: a loud warning, dev tokens from POST /dev/token, loopback pages allowed', async () => {
    const cli = await startCli(['--port', '0', '--dev-auth'], { DATABASE_URL: postgres.connectionString });
    try {
      const url = await cli.listening();
      assert.match(cli.output(), /\[mentorkit-server\] WARNING: --dev-auth is on/);
      const issued = await fetch(`${url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:4173' }, body: JSON.stringify({ personId: 'kenji-watanabe' }) });
      assert.equal(issued.status, 200);
      assert.equal(issued.headers.get('access-control-allow-origin'), 'http://127.0.0.1:4173');
      const { token } = (await issued.json()) as { token: string };
      assert.equal((await fetch(`${url}/collections/goals/records`, { headers: { authorization: `Bearer ${token}` } })).status, 200);
    } finally {
      assert.equal((await cli.stop()).code, 0);
    }
  });
});
