// The mentorkit-server command, started as a child process the way an operator starts it: bad
// configuration exits with code 2 and says what to change; a good one migrates, seeds, listens and
// answers /health/live and /health/ready (503 while PostgreSQL is away), and SIGTERM stops it cleanly.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
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
      [
        'no identity',
        [],
        { DATABASE_URL: postgres.connectionString },
        /No identity is configured: set MENTORKIT_JWT_SECRET .* or MENTORKIT_JWKS_URL .* --dev-auth/,
      ],
      ['an unknown flag', ['--prot', '80'], { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: JWT_SECRET }, /Unknown option "--prot"/],
      ['a bad port', ['--port', 'eighty'], { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: JWT_SECRET }, /--port must be a whole number/],
      [
        'dev-auth on every interface',
        ['--dev-auth', '--host', '0.0.0.0'],
        { DATABASE_URL: postgres.connectionString },
        /--dev-auth .* refused on 0\.0\.0\.0, which is not a loopback address/,
      ],
      ['a short secret', [], { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: 'short' }, /at least 32 characters/],
      ['CORS wildcard', [], { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: JWT_SECRET, MENTORKIT_CORS_ORIGINS: '*' }, /never \*/],
      [
        'a bad SMTP URL',
        [],
        { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: JWT_SECRET, MENTORKIT_SMTP_URL: 'mail.example.com:25' },
        /MENTORKIT_SMTP_URL/,
      ],
      [
        'a bad connection cap',
        [],
        { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: JWT_SECRET, MENTORKIT_MAX_CONNECTIONS: 'lots' },
        /MENTORKIT_MAX_CONNECTIONS must be a whole number of 1 or more, e\.g\. MENTORKIT_MAX_CONNECTIONS=5000 \(got "lots"\)/,
      ],
      [
        'a bad per-address cap',
        [],
        { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: JWT_SECRET, MENTORKIT_MAX_CONNECTIONS_PER_ADDRESS: '-1' },
        /MENTORKIT_MAX_CONNECTIONS_PER_ADDRESS must be a whole number \(0 turns the limit off\)/,
      ],
      [
        'a reminder interval that is not a number',
        [],
        { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: JWT_SECRET, MENTORKIT_REMINDER_INTERVAL_MINUTES: 'often' },
        /MENTORKIT_REMINDER_INTERVAL_MINUTES must be a whole number of minutes/,
      ],
      [
        'a reminder interval that divides no hour',
        [],
        { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: JWT_SECRET, MENTORKIT_REMINDER_INTERVAL_MINUTES: '7' },
        /MENTORKIT_REMINDER_INTERVAL_MINUTES \(reminderIntervalMinutes\) must divide an hour/,
      ],
      [
        'a bad reminder retry',
        [],
        { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: JWT_SECRET, MENTORKIT_REMINDER_RETRY_SECONDS: '0' },
        /MENTORKIT_REMINDER_RETRY_SECONDS must be a whole number of seconds from 1 to 86400/,
      ],
      [
        'a bad allow-list entry',
        [],
        { DATABASE_URL: postgres.connectionString, MENTORKIT_JWT_SECRET: JWT_SECRET, MENTORKIT_FETCH_ALLOW_HOSTS: '127.0.0.1, not a host' },
        /MENTORKIT_FETCH_ALLOW_HOSTS: "not a host"/,
      ],
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

  test("configured from env and flags, it seeds, listens, answers health and people's requests, and stops on SIGTERM", async () => {
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
      const pairings = await fetch(`${url}/collections/pairings/records`, {
        headers: { authorization: `Bearer ${signToken({ sub: 'lucia-fernandez' })}`, origin: 'https://lms.example.edu' },
      });
      assert.equal(pairings.status, 200);
      assert.equal(pairings.headers.get('access-control-allow-origin'), 'https://lms.example.edu');
      assert.deepEqual(
        ((await pairings.json()) as { records: Array<{ id: string }> }).records.map((record) => record.id),
        ['pairing-lucia', 'pairing-lucia-speaking'],
        'her pairing and her finished one (seedFinishedPairing)',
      );
      assert.equal(
        (await fetch(`${url}/collections/pairings/records`, { headers: { authorization: 'Bearer dev:lucia-fernandez' } })).status,
        401,
        'no dev sign-in without --dev-auth',
      );

      // PostgreSQL away: ready says so, live does not care; back: ready again, on its own.
      await postgres.pause();
      const notReady = await fetch(`${url}/health/ready`);
      assert.equal(notReady.status, 503);
      assert.ok(Number(notReady.headers.get('retry-after')) > 0);
      assert.equal((await fetch(`${url}/health/live`)).status, 200);
      const write = await fetch(`${url}/collections/notes/records/n1`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${SERVICE_TOKEN}`, 'content-type': 'application/json' },
        body: '{"id":"n1"}',
      });
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

  test('lti add-platform, platforms, remove-platform and invite work on the database; bad input exits 2 naming the flag', async () => {
    const secretKey = Buffer.alloc(32, 7).toString('base64');
    const env = { DATABASE_URL: postgres.connectionString, MENTORKIT_SECRET_KEY: secretKey };
    const run = async (args: string[], extra: Record<string, string> = {}) => {
      const cli = await startCli(['lti', ...args], { ...env, ...extra });
      const { code } = await cli.exited;
      return { code, output: cli.output() };
    };
    const moodle = [
      '--issuer',
      'https://moodle.example.edu',
      '--client-id',
      'mk-client-1',
      '--deployment-id',
      '3',
      '--deployment-id',
      '4',
      '--auth-endpoint',
      'https://moodle.example.edu/mod/lti/auth.php',
      '--token-endpoint',
      'https://moodle.example.edu/mod/lti/token.php',
      '--jwks-url',
      'https://moodle.example.edu/mod/lti/certs.php',
      '--name',
      'Moodle',
    ];

    const added = await run(['add-platform', ...moodle], { MENTORKIT_PUBLIC_URL: 'https://mentoring.example.edu' });
    assert.equal(added.code, 0, added.output);
    assert.match(added.output, /^Registered platform-\S+ {2}Moodle — https:\/\/moodle\.example\.edu/m);
    assert.match(added.output, /deployment ids {2}3, 4/);
    assert.match(added.output, /login \(OIDC initiation\) +https:\/\/mentoring\.example\.edu\/lti\/login/);
    assert.match((await run(['add-platform', ...moodle, '--program-id', 'leadership'])).output, /^Updated platform-/m, 'the same issuer and client id update');

    const listed = await run(['platforms', '--json']);
    assert.equal(listed.code, 0, listed.output);
    const { platforms } = JSON.parse(listed.output.slice(listed.output.indexOf('{'))) as {
      platforms: Array<{ id: string; issuer: string; clientId: string; deploymentIds: string[]; programId?: string }>;
    };
    assert.equal(platforms.length, 1);
    assert.deepEqual(
      [platforms[0]!.issuer, platforms[0]!.clientId, platforms[0]!.deploymentIds, platforms[0]!.programId],
      ['https://moodle.example.edu', 'mk-client-1', ['3', '4'], 'leadership'],
    );
    assert.match((await run(['platforms'])).output, /client id {7}mk-client-1/);

    const bad: Array<[string, string[], Record<string, string>, RegExp]> = [
      ['an ftp key set', ['add-platform', ...moodle.slice(0, -4), '--jwks-url', 'ftp://keys.example/jwks'], {}, /--jwks-url must use https:\/\//],
      ['no issuer', ['add-platform', ...moodle.slice(2)], {}, /--issuer is required/],
      ['roles not JSON', ['add-platform', ...moodle, '--roles', '{mentor'], {}, /--roles must be JSON/],
      ['roles of the wrong shape', ['add-platform', ...moodle, '--roles', '{"mentors":"jo"}'], {}, /--roles: roles\.mentors must be a list/],
      ['an unknown flag', ['add-platform', ...moodle, '--secret', 'x'], {}, /Unknown option "--secret" for lti add-platform/],
      ['an unknown command', ['add-platfrom'], {}, /lti add-platfrom: unknown command/],
      [
        'hours out of range',
        ['invite', '--hours', '0'],
        { MENTORKIT_PUBLIC_URL: 'https://mentoring.example.edu' },
        /--hours must be a whole number of hours from 1 to 720/,
      ],
      ['an invitation without the public URL', ['invite'], {}, /set MENTORKIT_PUBLIC_URL/],
      ['removing an unknown platform', ['remove-platform', 'platform-nope'], {}, /No platform platform-nope is registered/],
      ['a bad secret key', ['platforms'], { MENTORKIT_SECRET_KEY: 'short' }, /MENTORKIT_SECRET_KEY .* at least 32 random bytes/],
    ];
    for (const [what, args, extra, message] of bad) {
      const { code, output } = await run(args, extra);
      assert.equal(code, 2, `${what}: exit code 2\n${output}`);
      assert.match(output, message, what);
      assert.match(output, /^\[mentorkit-server\] lti [a-z-]+: /m, `${what}: one operator line`);
      assert.doesNotMatch(output, /\n\s+at /, `${what}: no stack`);
    }

    const invite = await run(['invite', '--hours', '2', '--program-id', 'leadership'], { MENTORKIT_PUBLIC_URL: 'https://mentoring.example.edu/' });
    assert.equal(invite.code, 0, invite.output);
    const registrationUrl = /^(https:\S+)$/m.exec(invite.output)?.[1];
    assert.match(registrationUrl ?? '', /^https:\/\/mentoring\.example\.edu\/lti\/register\?invite=[\w-]{20,}$/);
    const client = new pg.Client({ connectionString: postgres.connectionString });
    await client.connect();
    try {
      const { rows } = await client.query<{ program_id: string; hours: number; used_at: Date | null }>(
        'SELECT program_id, round(extract(epoch FROM expires_at - now()) / 3600)::int AS hours, used_at FROM mk_lti_invites WHERE id = $1',
        [new URL(registrationUrl!).searchParams.get('invite')],
      );
      assert.deepEqual(rows, [{ program_id: 'leadership', hours: 2, used_at: null }], 'a single-use invitation for 2 hours, tied to the programme');
    } finally {
      await client.end();
    }

    const removed = await run(['remove-platform', platforms[0]!.id]);
    assert.equal(removed.code, 0, removed.output);
    assert.match(removed.output, /Removed platform-/);
    assert.match((await run(['platforms'])).output, /No LTI platform is registered/);
  });

  test("an LTI-only server (secret key and public URL, no JWT identity) starts and publishes the tool's configuration", async () => {
    const cli = await startCli(['--port', '0'], {
      DATABASE_URL: postgres.connectionString,
      MENTORKIT_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
      MENTORKIT_PUBLIC_URL: 'https://mentoring.example.edu',
    });
    try {
      const url = await cli.listening();
      const configuration = await fetch(`${url}/lti/configuration`);
      assert.equal(configuration.status, 200);
      assert.deepEqual(await configuration.json(), {
        toolUrl: 'https://mentoring.example.edu',
        loginUrl: 'https://mentoring.example.edu/lti/login',
        redirectUrl: 'https://mentoring.example.edu/lti/launch',
        targetLinkUri: 'https://mentoring.example.edu/lti/launch',
        deepLinkingUrl: 'https://mentoring.example.edu/lti/launch',
        jwksUrl: 'https://mentoring.example.edu/lti/jwks',
        registrationUrl: 'https://mentoring.example.edu/lti/register',
      });
      assert.equal((await fetch(`${url}/collections/goals/records`)).status, 401, 'nobody is signed in without a launch');
    } finally {
      assert.equal((await cli.stop()).code, 0);
    }
  });

  test('--dev-auth on loopback: a loud warning, dev tokens from POST /dev/token, loopback pages allowed', async () => {
    const cli = await startCli(['--port', '0', '--dev-auth'], { DATABASE_URL: postgres.connectionString });
    try {
      const url = await cli.listening();
      assert.match(cli.output(), /\[mentorkit-server\] WARNING: --dev-auth is on/);
      const issued = await fetch(`${url}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:4173' },
        body: JSON.stringify({ personId: 'kenji-watanabe' }),
      });
      assert.equal(issued.status, 200);
      assert.equal(issued.headers.get('access-control-allow-origin'), 'http://127.0.0.1:4173');
      const { token } = (await issued.json()) as { token: string };
      assert.equal((await fetch(`${url}/collections/goals/records`, { headers: { authorization: `Bearer ${token}` } })).status, 200);
    } finally {
      assert.equal((await cli.stop()).code, 0);
    }
  });
});
