// Identity on the server: who a request is comes from a verified token (HS256 with the shared secret,
// RS256/ES256 from the host's JWKS), the service token, the host's own authenticate, or — for local
// development on loopback only — dev sign-in. Every refusal is a 401 that says what to fix. CORS
// reflects only listed origins.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair, type CryptoKey as JoseKey } from 'jose';
import pg from 'pg';
import { startPostgres, type RunningPostgres } from '../../../scripts/lib/postgres.mjs';
import { ServerConfigurationError } from '../src/identity.js';
import { createMentorKitServer, type MentorKitServer, type MentorKitServerOptions } from '../src/server.js';
import { JWT_SECRET, SERVICE_TOKEN, signToken, skipReason } from './support.js';

const skip = skipReason();
const now = () => Math.floor(Date.now() / 1000);

describe('identity: verified tokens, service token, dev sign-in, CORS', { skip: skip ?? false }, () => {
  let postgres: RunningPostgres;
  let pool: pg.Pool;
  let jwksServer: http.Server;
  let jwksUrl: string;
  let rsa: { privateKey: JoseKey; publicKey: JoseKey };
  let ec: { privateKey: JoseKey; publicKey: JoseKey };
  let otherRsa: { privateKey: JoseKey; publicKey: JoseKey };
  const servers: MentorKitServer[] = [];

  before(async () => {
    postgres = await startPostgres();
    pool = new pg.Pool({ connectionString: postgres.connectionString, max: 6 });
    rsa = await generateKeyPair('RS256', { extractable: true });
    ec = await generateKeyPair('ES256', { extractable: true });
    otherRsa = await generateKeyPair('RS256', { extractable: true });
    const keys = [
      { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ];
    // The host's key set, served by a local node:http server as an identity provider would.
    jwksServer = http.createServer((request, response) => {
      response.writeHead(request.url === '/.well-known/jwks.json' ? 200 : 404, { 'content-type': 'application/json' });
      response.end(request.url === '/.well-known/jwks.json' ? JSON.stringify({ keys }) : '{}');
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  after(async () => {
    for (const server of servers) await server.close();
    await new Promise((resolve) => jwksServer?.close(resolve));
    await pool?.end();
    await postgres?.stop();
  });

  const start = async (options: Omit<MentorKitServerOptions, 'pool'>) => {
    const server = createMentorKitServer({ pool, ...options });
    servers.push(server);
    return server.listen(0, '127.0.0.1');
  };
  const call = async (url: string, authorization?: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) => {
    const response = await fetch(`${url}${init.method === 'POST' ? '/dev/token' : '/collections/goals/records'}`, {
      method: init.method ?? 'GET',
      headers: { ...(authorization ? { authorization } : {}), ...init.headers },
      ...(init.body ? { body: init.body } : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: (text.startsWith('{') ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  /** A 401 that names the problem, with the invalid_token challenge and no stack. */
  const assertRefused = async (url: string, token: string, message: RegExp, what: string) => {
    const result = await call(url, `Bearer ${token}`);
    assert.equal(result.status, 401, what);
    assert.equal(result.json.code, 'forbidden', what);
    assert.match(String(result.json.message), message, what);
    assert.match(result.headers.get('www-authenticate') ?? '', /^Bearer realm="mentorkit", error="invalid_token"/, what);
    assert.doesNotMatch(result.text, /\n\s+at |node_modules|\.ts:\d+/, `${what}: no stack in the answer`);
  };
  const signRs = (claims: Record<string, unknown>, key = rsa.privateKey, kid = 'rsa-1') =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(key);

  test('HS256 with the shared secret: a valid token is the person; forged, expired, not yet valid, missing exp or sub are 401 saying why', async () => {
    const url = await start({ jwtSecret: JWT_SECRET, serviceToken: SERVICE_TOKEN });
    assert.equal((await call(url, `Bearer ${signToken({ sub: 'lucia-fernandez' })}`)).status, 200);
    assert.equal((await call(url, `Bearer ${SERVICE_TOKEN}`)).status, 200, 'the service token');
    await assertRefused(
      url,
      signToken({ sub: 'lucia-fernandez' }, 'another-secret-of-the-same-length-0123456789'),
      /signature does not verify/,
      'a forged signature',
    );
    const valid = signToken({ sub: 'lucia-fernandez' });
    const [header, , signature] = valid.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ sub: 'priya-raman', exp: now() + 600 })).toString('base64url')}.${signature}`;
    await assertRefused(url, tampered, /signature does not verify/, 'claims changed after signing');
    await assertRefused(url, signToken({ sub: 'lucia-fernandez', exp: now() - 3600 }), /expired at .*get a new token/, 'expired an hour ago');
    await assertRefused(url, signToken({ sub: 'lucia-fernandez', nbf: now() + 3600 }), /not valid yet/, 'not valid for another hour');
    await assertRefused(url, signToken({ sub: 'lucia-fernandez', exp: undefined }), /no "exp" claim/, 'no exp');
    await assertRefused(url, signToken({ sub: undefined }), /no "sub" claim/, 'no sub');
    await assertRefused(url, signToken({ sub: '' }), /"sub" must be the person's id/, 'an empty sub');
    await assertRefused(url, 'not-a-jwt', /not a well-formed signed JWT/, 'garbage');
    const anonymous = await call(url);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer realm="mentorkit"');
    const basic = await call(url, 'Basic bHVjaWE6cGFzcw==');
    assert.equal(basic.status, 401);
    assert.match(String(basic.json.message), /Authorization: Bearer <token>/);
  });

  test('60 s of clock tolerance: a token that expired 30 s ago or starts in 30 s still works', async () => {
    const url = await start({ jwtSecret: JWT_SECRET });
    assert.equal((await call(url, `Bearer ${signToken({ sub: 'lucia-fernandez', exp: now() - 30 })}`)).status, 200);
    assert.equal((await call(url, `Bearer ${signToken({ sub: 'lucia-fernandez', nbf: now() + 30 })}`)).status, 200);
    assert.equal((await call(url, `Bearer ${signToken({ sub: 'lucia-fernandez', iat: now() + 30 })}`)).status, 200, 'issued 30 s ahead: within the tolerance');
    await assertRefused(url, signToken({ sub: 'lucia-fernandez', exp: now() - 120 }), /expired/, 'two minutes past exp');
  });

  test('a token issued in the future (iat past the 60 s tolerance) is refused, HS256 and RS256 alike', async () => {
    const url = await start({ jwtSecret: JWT_SECRET, jwksUrl });
    await assertRefused(
      url,
      signToken({ sub: 'lucia-fernandez', iat: now() + 120 }),
      /issued in the future \("iat" is .*more than 60 s ahead of this server's clock\); check the clock of the host/,
      'iat two minutes ahead',
    );
    await assertRefused(
      url,
      signToken({ sub: 'lucia-fernandez', iat: now() + 365 * 86_400, exp: now() + 2 * 365 * 86_400 }),
      /issued in the future/,
      'iat a year ahead, exp after it',
    );
    await assertRefused(url, signToken({ sub: 'lucia-fernandez', iat: 1e20 }), /issued in the future/, 'an absurd iat (no date to print)');
    await assertRefused(url, signToken({ sub: 'lucia-fernandez', iat: 'yesterday' }), /"iat" must be a number/, 'iat that is not a number');
    await assertRefused(
      url,
      await signRs({ sub: 'kenji-watanabe', iat: now() + 3600, exp: now() + 7200 }),
      /issued in the future/,
      'RS256 with iat an hour ahead',
    );
    assert.equal((await call(url, `Bearer ${signToken({ sub: 'lucia-fernandez', iat: now() - 3600 })}`)).status, 200, 'issued an hour ago: fine');
    assert.equal((await call(url, `Bearer ${signToken({ sub: 'lucia-fernandez', iat: undefined })}`)).status, 200, 'no iat: fine (it is optional)');
  });

  test('issuer and audience are checked when configured', async () => {
    const url = await start({ jwtSecret: JWT_SECRET, jwtIssuer: 'https://lms.example.edu', jwtAudience: 'mentorkit' });
    assert.equal((await call(url, `Bearer ${signToken({ sub: 'lucia-fernandez', iss: 'https://lms.example.edu', aud: 'mentorkit' })}`)).status, 200);
    assert.equal(
      (await call(url, `Bearer ${signToken({ sub: 'lucia-fernandez', iss: 'https://lms.example.edu', aud: ['other', 'mentorkit'] })}`)).status,
      200,
      'aud may be a list',
    );
    await assertRefused(
      url,
      signToken({ sub: 'lucia-fernandez', iss: 'https://evil.example', aud: 'mentorkit' }),
      /issuer \("iss"\) is not "https:\/\/lms.example.edu"/,
      'a wrong issuer',
    );
    await assertRefused(
      url,
      signToken({ sub: 'lucia-fernandez', iss: 'https://lms.example.edu', aud: 'another-app' }),
      /audience \("aud"\) does not include "mentorkit"/,
      'a wrong audience',
    );
    await assertRefused(url, signToken({ sub: 'lucia-fernandez', aud: 'mentorkit' }), /no "iss" claim/, 'no issuer');
  });

  test('the algorithm comes from the key: alg none and HS256 signed with the RSA public key are refused', async () => {
    const url = await start({ jwksUrl });
    assert.equal((await call(url, `Bearer ${await signRs({ sub: 'kenji-watanabe', exp: now() + 600 })}`)).status, 200, 'RS256 from the JWKS');
    const es = await new SignJWT({ sub: 'kenji-watanabe', exp: now() + 600 }).setProtectedHeader({ alg: 'ES256', kid: 'ec-1' }).sign(ec.privateKey);
    assert.equal((await call(url, `Bearer ${es}`)).status, 200, 'ES256 from the JWKS');

    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'priya-raman', exp: now() + 600 })).toString('base64url')}.`;
    await assertRefused(url, none, /algorithm "none" is not accepted/, 'alg none');
    // The classic confusion: the attacker signs HS256 with the (public) RSA key as the HMAC secret.
    const publicPem = await exportSPKI(rsa.publicKey);
    const confused = signToken({ sub: 'priya-raman' }, publicPem, { alg: 'HS256', typ: 'JWT', kid: 'rsa-1' });
    await assertRefused(url, confused, /algorithm "HS256" is not accepted.*RS256\/ES256/, 'HS256 signed with the RSA public key');
    await assertRefused(
      url,
      await signRs({ sub: 'priya-raman', exp: now() + 600 }, otherRsa.privateKey),
      /signature does not verify/,
      'RS256 with a key not in the set',
    );
    await assertRefused(
      url,
      await signRs({ sub: 'priya-raman', exp: now() + 600 }, otherRsa.privateKey, 'unknown-kid'),
      /No key in the host's key set .*matches/,
      'an unknown kid',
    );
    await assertRefused(url, await signRs({ sub: 'priya-raman' }), /no "exp" claim/, 'RS256 without exp');

    // With the secret and the key set both configured, the secret verifies HS256 only.
    const both = await start({ jwksUrl, jwtSecret: JWT_SECRET });
    await assertRefused(both, confused, /signature does not verify with the shared secret/, 'HS256 signed with the RSA public key, secret configured');
    assert.equal((await call(both, `Bearer ${signToken({ sub: 'lucia-fernandez' })}`)).status, 200);
    assert.equal((await call(both, `Bearer ${await signRs({ sub: 'lucia-fernandez', exp: now() + 600 })}`)).status, 200);
  });

  test('an unreachable key set is 503 (try again), not a refusal of the person', async () => {
    const url = await start({ jwksUrl: 'http://127.0.0.1:9/.well-known/jwks.json' });
    const result = await call(url, `Bearer ${await signRs({ sub: 'kenji-watanabe', exp: now() + 600 })}`);
    assert.equal(result.status, 503);
    assert.ok(result.headers.get('retry-after'));
    assert.match(String(result.json.message), /key set .* could not be fetched/);
  });

  test('dev sign-in is refused without dev-auth; with it, Bearer dev:<id> and POST /dev/token work on loopback', async () => {
    const strict = await start({ jwtSecret: JWT_SECRET });
    await assertRefused(strict, 'dev:lucia-fernandez', /Development sign-in .* is off/, 'dev token without dev-auth');
    assert.equal(
      (await call(strict, undefined, { method: 'POST', body: '{"personId":"lucia-fernandez"}' })).status,
      401,
      'no /dev/token without dev-auth (it is not served)',
    );

    const dev = await start({ devAuth: true });
    assert.equal((await call(dev, 'Bearer dev:lucia-fernandez')).status, 200);
    const issued = await call(dev, undefined, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"personId":"lucia-fernandez"}' });
    assert.equal(issued.status, 200);
    const { token, expiresAt } = issued.json as { token: string; expiresAt: string };
    assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string; exp: number };
    assert.equal(payload.sub, 'lucia-fernandez');
    assert.equal(new Date(payload.exp * 1000).toISOString(), expiresAt);
    assert.ok(payload.exp - now() <= 15 * 60 && payload.exp - now() > 60, 'short-lived');
    assert.equal((await call(dev, `Bearer ${token}`)).status, 200, 'the issued token signs in');
    const badBody = await call(dev, undefined, { method: 'POST', body: '{"personId":42}' });
    assert.equal(badBody.status, 400);
    assert.equal(badBody.json.path, 'personId');
    // A token of another process's dev secret does not verify here.
    await assertRefused(dev, signToken({ sub: 'lucia-fernandez' }), /signature does not verify/, 'a token signed with another secret');
  });

  test('dev-auth is refused on a non-loopback address; a server needs some way for people to sign in', async () => {
    const server = createMentorKitServer({ pool, devAuth: true });
    await assert.rejects(
      () => server.listen(0, '0.0.0.0'),
      (error: unknown) => error instanceof ServerConfigurationError && /not a loopback address/.test(error.message),
    );
    assert.equal(server.server, undefined);
    assert.throws(
      () => createMentorKitServer({ pool }),
      (error: unknown) => error instanceof ServerConfigurationError && /No way for people to sign in/.test(error.message),
    );
    assert.throws(() => createMentorKitServer({ pool, serviceToken: SERVICE_TOKEN }), /No way for people to sign in/);
    assert.throws(() => createMentorKitServer({ pool, jwtSecret: 'short' }), /at least 32 characters/);
    assert.throws(() => createMentorKitServer({ pool, jwksUrl: 'http://idp.example.com/jwks' }), /must use https/);
    assert.throws(() => createMentorKitServer({ pool, jwtSecret: JWT_SECRET, corsOrigins: ['*'] }), /never \*/);
    assert.throws(() => createMentorKitServer({ jwtSecret: JWT_SECRET }), /No database/);
    assert.throws(() => createMentorKitServer({ pool, jwtSecret: JWT_SECRET, smtpUrl: 'mail.example.com' }), /MENTORKIT_SMTP_URL/);
    assert.throws(() => createMentorKitServer({ pool, jwtSecret: JWT_SECRET, fetchAllowHosts: ['10.0.0.0/99'] }), /MENTORKIT_FETCH_ALLOW_HOSTS/);
    assert.throws(
      () => createMentorKitServer({ pool, jwtSecret: JWT_SECRET, limits: { recordBytes: -1 } }),
      /limits.recordBytes must be a positive whole number/,
    );
  });

  test("the host's own authenticate runs first (a header its gateway sets), and bearer tokens still work after it", async () => {
    const url = await start({
      jwtSecret: JWT_SECRET,
      authenticate: (request) => {
        const user = request.headers['x-gateway-user'];
        return typeof user === 'string' ? { kind: 'person', personId: user } : undefined;
      },
    });
    assert.equal((await call(url, undefined, { headers: { 'x-gateway-user': 'kenji-watanabe' } })).status, 200);
    assert.equal((await call(url, `Bearer ${signToken({ sub: 'lucia-fernandez' })}`)).status, 200);
    assert.equal((await call(url)).status, 401);
  });

  test('CORS: only listed origins are reflected (never *), every answer varies by Origin, preflights are answered', async () => {
    const url = await start({ jwtSecret: JWT_SECRET, corsOrigins: ['https://lms.example.edu', 'http://localhost:3000'] });
    const token = `Bearer ${signToken({ sub: 'lucia-fernandez' })}`;
    const listed = await call(url, token, { headers: { origin: 'https://lms.example.edu' } });
    assert.equal(listed.headers.get('access-control-allow-origin'), 'https://lms.example.edu');
    assert.equal(listed.headers.get('vary'), 'Origin');
    assert.match(listed.headers.get('access-control-expose-headers') ?? '', /ETag/);
    const other = await call(url, token, { headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    assert.equal(other.headers.get('vary'), 'Origin');
    const sameOrigin = await call(url, token);
    assert.equal(sameOrigin.headers.get('access-control-allow-origin'), null);

    const preflight = await fetch(`${url}/collections/goals/records/g1`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization, if-match, content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://localhost:3000');
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /PUT/);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /If-Match/);
    const refused = await fetch(`${url}/collections/goals/records/g1`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'PUT' },
    });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    assert.match(((await refused.json()) as { message: string }).message, /MENTORKIT_CORS_ORIGINS/);
    const loopbackPage = await call(url, token, { headers: { origin: 'http://127.0.0.1:5173' } });
    assert.equal(loopbackPage.headers.get('access-control-allow-origin'), null, 'loopback pages are not allowed without dev-auth');

    const dev = await start({ devAuth: true });
    const devPage = await call(dev, 'Bearer dev:lucia-fernandez', { headers: { origin: 'http://127.0.0.1:5173' } });
    assert.equal(devPage.headers.get('access-control-allow-origin'), 'http://127.0.0.1:5173', 'with dev-auth, local pages may call it');
    assert.equal(
      (await call(dev, 'Bearer dev:lucia-fernandez', { headers: { origin: 'http://localhost:8000' } })).headers.get('access-control-allow-origin'),
      'http://localhost:8000',
    );
    assert.equal(
      (await call(dev, 'Bearer dev:lucia-fernandez', { headers: { origin: 'https://evil.example' } })).headers.get('access-control-allow-origin'),
      null,
    );
  });
});
