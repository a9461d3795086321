// MentorKit as an LTI 1.3 tool (issue 17) on the real server and a real PostgreSQL, driven over HTTP
// by a test platform written to the IMS specifications (examples/lti-platform): registration, the
// OIDC login and launch, roles, a programme per course, Deep Linking, the roster (NRPS) and dynamic
// registration — and every kind of forged launch refused with a clear page.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { SignJWT, generateKeyPair, UnsecuredJWT } from 'jose';
import { ROLES, startTestPlatform, type TestPlatform } from '../../../examples/lti-platform/platform.js';
import { asService, skipReason, startCli, startTestBackend, type TestBackend } from './support.js';

const skip = skipReason();

/** Pulls the hidden form fields of an auto-posting page. */
const formFields = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((match) => [
      match[1]!,
      match[2]!.replace(/&#(\d+);|&amp;|&quot;|&lt;|&gt;|&#39;/g, (entity, code) =>
        code ? String.fromCharCode(Number(code)) : ({ '&amp;': '&', '&quot;': '"', '&lt;': '<', '&gt;': '>', '&#39;': "'" } as Record<string, string>)[entity]!,
      ),
    ]),
  );
const launchData = (html: string) =>
  JSON.parse(/<script type="application\/json" id="mentorkit-launch">([^<]*)<\/script>/.exec(html)![1]!) as {
    token: string;
    personId: string;
    programId: string;
    roles: string[];
    widget: string;
    expiresAt: string;
    refreshUrl: string;
    firstLaunch: boolean;
  };

describe('LTI 1.3: MentorKit as a tool of any LMS', { skip: skip ?? false }, () => {
  let backend: TestBackend;
  let platform: TestPlatform;
  const secretKey = randomBytes(32).toString('base64');

  before(async () => {
    platform = await startTestPlatform();
    // No public URL: on loopback with dev-auth the tool takes its address from the request.
    backend = await startTestBackend({ secretKey, devAuth: true, fetchAllowHosts: ['127.0.0.1'] });
    platform.setTool(backend.url);
  });
  after(async () => {
    await backend?.close();
    await platform?.close();
  });

  const call = async (method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; form?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    if (options.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(path.startsWith('http') ? path : `${backend.url}${path}`, {
      method,
      headers,
      redirect: 'manual',
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json, headers: response.headers };
  };

  /** The LMS starts a launch; the tool answers with the authentication request; the LMS signs. */
  const login = async (sub: string, message: Parameters<TestPlatform['loginUrl']>[1] = {}) => {
    const started = await call('GET', platform.loginUrl(sub, message));
    assert.equal(started.status, 302, started.text);
    return new URL(started.headers.get('location')!);
  };
  const launchAs = async (sub: string, message: Parameters<TestPlatform['loginUrl']>[1] = {}) => {
    const authorized = await platform.authorize(await login(sub, message));
    return call('POST', '/lti/launch', { form: { id_token: authorized.idToken, state: authorized.state } });
  };
  const asToken = (token: string) => ({ authorization: `Bearer ${token}` });

  test('the operator registers the LMS with the service token; nobody else can', async () => {
    assert.equal((await call('POST', '/lti/platforms', { body: platform.registration() })).status, 401);
    assert.equal((await call('POST', '/lti/platforms', { body: platform.registration(), headers: { authorization: 'Bearer dev:grace' } })).status, 403);
    const bad = await call('POST', '/lti/platforms', { body: { ...platform.registration(), jwksUrl: 'ftp://keys.example/jwks' }, headers: asService });
    assert.equal(bad.status, 400, bad.text);
    assert.equal(bad.json.path, 'jwksUrl');
    const unknownField = await call('POST', '/lti/platforms', { body: { ...platform.registration(), secret: 'x' }, headers: asService });
    assert.equal(unknownField.status, 400);
    assert.match(unknownField.json.message, /Unknown field "secret"/);
    const registered = await call('POST', '/lti/platforms', { body: platform.registration(), headers: asService });
    assert.equal(registered.status, 201, registered.text);
    assert.equal(registered.json.platform.issuer, platform.url);
    assert.equal(registered.json.tool.loginUrl, `${backend.url}/lti/login`);
    assert.equal((await call('POST', '/lti/platforms', { body: platform.registration(), headers: asService })).status, 200, 'registering again updates');
    const listed = await call('GET', '/lti/platforms', { headers: asService });
    assert.equal(listed.json.platforms.length, 1);
  });

  test('the tool publishes its public keys (RS256, never a private part)', async () => {
    const jwks = await call('GET', '/lti/jwks');
    assert.equal(jwks.status, 200);
    assert.equal(jwks.json.keys.length, 1);
    const [key] = jwks.json.keys;
    assert.equal(key.kty, 'RSA');
    assert.equal(key.alg, 'RS256');
    assert.ok(key.kid);
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) assert.equal(key[secret], undefined, `no "${secret}" in the public key`);
    const { rows } = await backend.pool.query<{ private_jwk: string }>('SELECT private_jwk FROM mk_lti_keys');
    assert.match(rows[0]!.private_jwk, /^v1\./, 'the private key is stored encrypted');
  });

  test('login answers with the OIDC authentication request (state and nonce), and refuses what is not a login', async () => {
    const redirect = await login('u-learner-1');
    assert.equal(redirect.origin + redirect.pathname, `${platform.url}/auth`);
    for (const [name, value] of Object.entries({
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: platform.state.clientId,
      redirect_uri: `${backend.url}/lti/launch`,
      login_hint: 'u-learner-1',
    })) {
      assert.equal(redirect.searchParams.get(name), value, name);
    }
    assert.ok((redirect.searchParams.get('state') ?? '').length >= 32);
    assert.ok((redirect.searchParams.get('nonce') ?? '').length >= 32);
    const unknown = await call(
      'GET',
      `/lti/login?iss=${encodeURIComponent('https://evil.example')}&login_hint=x&target_link_uri=${encodeURIComponent(`${backend.url}/lti/launch`)}`,
    );
    assert.equal(unknown.status, 400);
    assert.match(unknown.headers.get('content-type')!, /text\/html/);
    assert.match(unknown.text, /This LMS is not registered/);
    const elsewhere = await call(
      'GET',
      `/lti/login?iss=${encodeURIComponent(platform.url)}&login_hint=x&client_id=${platform.state.clientId}&target_link_uri=${encodeURIComponent('https://evil.example/phish')}`,
    );
    assert.equal(elsewhere.status, 400);
    assert.match(elsewhere.text, /Not a MentorKit link/);
  });

  test("a learner launches: a MentorKit person in the course's programme, a mentee, signed in by a short-lived token (no cookie)", async () => {
    const launched = await launchAs('u-learner-1', { widget: 'goal-tracker' });
    assert.equal(launched.status, 200, launched.text);
    assert.equal(launched.headers.get('set-cookie'), null, 'no cookie');
    const csp = launched.headers.get('content-security-policy')!;
    assert.match(csp, new RegExp(`frame-ancestors 'self' ${platform.url.replace(/[.]/g, '\\.')}`), 'the LMS may frame the page');
    assert.match(launched.text, /<mk-goal-tracker/);
    const data = launchData(launched.text);
    assert.deepEqual(data.roles, ['mentee']);
    assert.equal(data.widget, 'goal-tracker');
    assert.equal(data.firstLaunch, true);
    assert.ok(Date.parse(data.expiresAt) - Date.now() <= 3_600_000 + 5000, 'the token lasts an hour at most');

    const me = await call('GET', `/collections/people/records/${encodeURIComponent(data.personId)}`, { headers: asToken(data.token) });
    assert.equal(me.status, 200, me.text);
    assert.equal(me.json.displayName, 'Amara Okafor');
    assert.equal(me.json.email, 'amara@lms.example');
    assert.deepEqual(me.json.roles, ['mentee']);
    assert.deepEqual(me.json.programIds, [data.programId]);
    const programme = await call('GET', `/collections/programs/records/${encodeURIComponent(data.programId)}`, { headers: asToken(data.token) });
    assert.equal(programme.status, 200, programme.text);
    assert.equal(programme.json.name, 'Leadership 101');
    // The token is hers alone: she cannot make herself an admin, and others' records stay hidden.
    const promoted = await call('PUT', `/collections/people/records/${encodeURIComponent(data.personId)}`, {
      body: { ...me.json, roles: ['mentee', 'admin'] },
      headers: { ...asToken(data.token), 'If-Match': `"${me.json.revision}"` },
    });
    assert.equal(promoted.status, 403, promoted.text);

    // A second launch: the same person, not a new one.
    const again = launchData((await launchAs('u-learner-1')).text);
    assert.equal(again.personId, data.personId);
    assert.equal(again.firstLaunch, false);
    assert.equal(again.widget, 'home');

    // The page renews its token while open; a forged token is refused.
    const renewed = await call('POST', '/lti/session', { headers: asToken(data.token) });
    assert.equal(renewed.status, 200, renewed.text);
    assert.ok(renewed.json.token && renewed.json.token !== data.token);
    assert.equal((await call('GET', `/collections/people/records/${encodeURIComponent(data.personId)}`, { headers: asToken(renewed.json.token) })).status, 200);
    const forged = `${data.token.slice(0, -4)}AAAA`;
    assert.equal((await call('GET', `/collections/people/records/${encodeURIComponent(data.personId)}`, { headers: asToken(forged) })).status, 401);
    assert.equal((await call('POST', '/lti/session', { headers: asToken(forged) })).status, 401);
  });

  test("roles: an instructor becomes the programme's admin, an LTI mentor a mentor; a role with no place is refused", async () => {
    const teacher = launchData((await launchAs('u-teacher-1')).text);
    assert.deepEqual(teacher.roles, ['admin']);
    assert.equal(teacher.widget, 'pairing-board', 'a teacher lands on the pairing board');
    const programme = await call('GET', `/collections/programs/records/${encodeURIComponent(teacher.programId)}`, { headers: asToken(teacher.token) });
    assert.deepEqual(programme.json.adminIds, [teacher.personId]);
    const mentor = launchData((await launchAs('u-mentor-1')).text);
    assert.deepEqual(mentor.roles, ['mentor']);
    assert.equal(mentor.programId, teacher.programId, 'one course, one programme');
    // The teacher (programme admin) sees the course's people.
    assert.equal((await call('GET', `/collections/people/records/${encodeURIComponent(mentor.personId)}`, { headers: asToken(teacher.token) })).status, 200);

    platform.state.users.push({ sub: 'u-observer', name: 'Olga Observer', roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Observer'] });
    const observer = await launchAs('u-observer');
    assert.equal(observer.status, 403);
    assert.match(observer.text, /No MentorKit role for you here/);
  });

  test('forged, replayed, expired, wrong-audience, wrong-deployment and unsigned launches are refused with a clear page', async () => {
    const cases: Array<{ name: string; make: (nonce: string) => Promise<string>; status: number; says: RegExp }> = [
      {
        name: 'tampered (sub changed after signing)',
        make: async (nonce) => tamper(await platform.sign(platform.idTokenClaims('u-learner-1', nonce)), { sub: 'u-teacher-1' }),
        status: 401,
        says: /not genuine/,
      },
      {
        name: 'signed by another key',
        make: async (nonce) => signWithStranger(platform.idTokenClaims('u-teacher-1', nonce)),
        status: 401,
        says: /not genuine/,
      },
      {
        name: 'expired',
        make: (nonce) =>
          platform.sign({
            ...platform.idTokenClaims('u-learner-1', nonce),
            iat: Math.floor(Date.now() / 1000) - 3600,
            exp: Math.floor(Date.now() / 1000) - 600,
          }),
        status: 401,
        says: /expired/,
      },
      {
        name: 'wrong audience',
        make: (nonce) => platform.sign({ ...platform.idTokenClaims('u-learner-1', nonce), aud: 'another-tool' }),
        status: 401,
        says: /another tool/,
      },
      {
        name: 'wrong deployment',
        make: (nonce) =>
          platform.sign({ ...platform.idTokenClaims('u-learner-1', nonce), 'https://purl.imsglobal.org/spec/lti/claim/deployment_id': 'deployment-evil' }),
        status: 403,
        says: /Unknown deployment/,
      },
      {
        name: 'unsigned (alg none)',
        make: async (nonce) => new UnsecuredJWT({ ...platform.idTokenClaims('u-teacher-1', nonce) }).setIssuedAt().setExpirationTime('5m').encode(),
        status: 401,
        says: /not signed/,
      },
      { name: 'wrong nonce', make: (nonce) => platform.sign(platform.idTokenClaims('u-learner-1', `${nonce}x`)), status: 401, says: /nonce/ },
      {
        name: 'wrong LTI version',
        make: (nonce) => platform.sign({ ...platform.idTokenClaims('u-learner-1', nonce), 'https://purl.imsglobal.org/spec/lti/claim/version': '1.1' }),
        status: 400,
        says: /LTI 1\.3\.0/,
      },
    ];
    for (const each of cases) {
      const redirect = await login('u-learner-1');
      const refused = await call('POST', '/lti/launch', {
        form: { id_token: await each.make(redirect.searchParams.get('nonce')!), state: redirect.searchParams.get('state')! },
      });
      assert.equal(refused.status, each.status, `${each.name}: ${refused.text.slice(0, 300)}`);
      assert.match(refused.headers.get('content-type')!, /text\/html/, each.name);
      assert.match(refused.text, each.says, each.name);
      assert.doesNotMatch(refused.text, /mentorkit-launch/, `${each.name}: no token handed out`);
    }

    // Replayed: the same id_token and state a second time; then the same id_token with a fresh state.
    const authorized = await platform.authorize(await login('u-learner-1'));
    assert.equal((await call('POST', '/lti/launch', { form: { id_token: authorized.idToken, state: authorized.state } })).status, 200);
    const replayed = await call('POST', '/lti/launch', { form: { id_token: authorized.idToken, state: authorized.state } });
    assert.equal(replayed.status, 401);
    assert.match(replayed.text, /expired or was already used/);
    // A refusal whose LMS is unknown may show in any LMS's iframe (static text, nothing to click); one
    // whose LMS is known, only in that LMS.
    assert.match(replayed.headers.get('content-security-policy')!, /frame-ancestors \*/);
    assert.doesNotMatch(replayed.headers.get('content-security-policy')!, /script-src[^;]*unsafe/);
    const fresh = await login('u-learner-1');
    const withFreshState = await call('POST', '/lti/launch', { form: { id_token: authorized.idToken, state: fresh.searchParams.get('state')! } });
    assert.equal(withFreshState.status, 401);
    assert.match(withFreshState.text, /nonce/);
    // Not a launch at all.
    const nothing = await call('POST', '/lti/launch', { form: {} });
    assert.equal(nothing.status, 400);
    assert.match(nothing.text, /not an LTI launch/);
    // Hostile text in a refusal is shown as text.
    const hostile = await call('POST', '/lti/launch', { form: { error: '<script>alert(1)</script>', error_description: '<img src=x onerror=alert(1)>' } });
    assert.equal(hostile.status, 400);
    assert.doesNotMatch(hostile.text, /<script>alert|<img src=x/);
    assert.match(hostile.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  test("the LMS that may frame the page includes where the launch returns to (a school's Canvas is not its issuer)", async () => {
    const launched = await launchAs('u-learner-1', {
      claims: {
        'https://purl.imsglobal.org/spec/lti/claim/launch_presentation': {
          document_target: 'iframe',
          return_url: 'https://school.instructure.example/courses/7',
        },
      },
    });
    assert.equal(launched.status, 200, launched.text);
    assert.match(launched.headers.get('content-security-policy')!, /frame-ancestors 'self' [^;]*https:\/\/school\.instructure\.example/);
    assert.doesNotMatch(launched.headers.get('content-security-policy')!, /courses\/7/, 'origins only');
  });

  test('pending logins are capped: a flood of login starts gets a clear 503 page, not a full table', async () => {
    const { rows } = await backend.pool.query<{ id: string }>('SELECT id FROM mk_lti_platforms LIMIT 1');
    await backend.pool.query(
      "INSERT INTO mk_lti_states (state, nonce, platform_id, expires_at) SELECT 'flood-' || n, 'x', $1, now() + interval '5 minutes' FROM generate_series(1, 20000) AS n",
      [rows[0]!.id],
    );
    try {
      const refused = await call('GET', platform.loginUrl('u-learner-1'));
      assert.equal(refused.status, 503, refused.text.slice(0, 200));
      assert.match(refused.text, /Too many launches at once/);
    } finally {
      await backend.pool.query("DELETE FROM mk_lti_states WHERE state LIKE 'flood-%'");
    }
    assert.equal((await call('GET', platform.loginUrl('u-learner-1'))).status, 302, 'logins work again');
  });

  test('deep linking: a teacher picks a widget and the LMS gets a signed resource link for it; a learner cannot', async () => {
    const picker = await launchAs('u-teacher-1', { messageType: 'LtiDeepLinkingRequest' });
    assert.equal(picker.status, 200, picker.text);
    assert.match(picker.text, /Add MentorKit to the course/);
    assert.match(picker.text, /Pairing board/);
    const { token } = formFields(picker.text);
    const returned = await call('POST', '/lti/deep-link', { form: { token: token!, widget: 'goal-tracker' } });
    assert.equal(returned.status, 200, returned.text);
    const fields = formFields(returned.text);
    assert.ok(fields.JWT);
    assert.match(returned.text, new RegExp(`action="${platform.url.replace(/[.]/g, '\\.')}/deep-link-return"`));
    // The LMS verifies the response with the tool's published keys.
    const accepted = await call('POST', `${platform.url}/deep-link-return`, { form: { JWT: fields.JWT! } });
    assert.equal(accepted.status, 200, accepted.text);
    const [item] = platform.state.deepLinks;
    assert.equal(item!.type, 'ltiResourceLink');
    assert.deepEqual(item!.custom, { mentorkit_widget: 'goal-tracker' });
    assert.equal(item!.url, `${backend.url}/lti/launch`);
    assert.equal(item!.data, 'opaque-dl-data-42', "the platform's data comes back");
    // A launch of that link opens the goal tracker.
    assert.equal(
      launchData((await launchAs('u-learner-1', { widget: String((item!.custom as Record<string, string>).mentorkit_widget) })).text).widget,
      'goal-tracker',
    );

    const learner = await launchAs('u-learner-1', { messageType: 'LtiDeepLinkingRequest' });
    assert.equal(learner.status, 403);
    assert.match(learner.text, /Only teachers/);
    const expired = await call('POST', '/lti/deep-link', { form: { token: 'forged', widget: 'goal-tracker' } });
    assert.equal(expired.status, 401);
  });

  test('the roster flows in (NRPS, with a signed client assertion): joiners added, leavers marked inactive and kept', async () => {
    const teacher = launchData((await launchAs('u-teacher-1')).text);
    platform.state.users.push({ sub: 'u-learner-2', name: 'Bilal Haddad', email: 'bilal@lms.example', roles: [ROLES.learner] });
    const { rows } = await backend.pool.query<{ platform_id: string; context_id: string }>('SELECT platform_id, context_id FROM mk_lti_contexts');
    const synced = await call('POST', `/lti/rosters/${rows[0]!.platform_id}/${encodeURIComponent(rows[0]!.context_id)}`, { headers: asService });
    assert.equal(synced.status, 200, synced.text);
    assert.ok(synced.json.members >= 5, 'every page of the roster was read (rel="next")');
    assert.ok(
      platform.state.tokenRequests.some((request) => request.ok),
      "the token endpoint accepted the tool's client assertion",
    );
    const people = await call('GET', `/collections/people/records`, { headers: asToken(teacher.token) });
    const bilal = (people.json.records ?? people.json).find?.((person: { displayName: string }) => person.displayName === 'Bilal Haddad');
    assert.ok(bilal, `Bilal joined without launching: ${people.text.slice(0, 300)}`);
    assert.deepEqual(bilal.roles, ['mentee']);

    // Bilal's first launch, after the roster brought him in, is his first: the page saves his browser's zone.
    assert.equal(launchData((await launchAs('u-learner-2')).text).firstLaunch, true);
    assert.equal(launchData((await launchAs('u-learner-2')).text).firstLaunch, false);

    // Amara leaves the course: still there, with everything she did, but inactive in the programme.
    platform.state.users.find((user) => user.sub === 'u-learner-1')!.status = false;
    assert.equal((await call('POST', `/lti/rosters/${rows[0]!.platform_id}/${encodeURIComponent(rows[0]!.context_id)}`, { headers: asService })).status, 200);
    const amaraId = (await backend.pool.query<{ person_id: string }>("SELECT person_id FROM mk_lti_people WHERE subject = 'u-learner-1'")).rows[0]!.person_id;
    const amara = await call('GET', `/collections/people/records/${encodeURIComponent(amaraId)}`, { headers: asToken(teacher.token) });
    assert.equal(amara.status, 200);
    assert.deepEqual(amara.json.inactiveProgramIds, [teacher.programId]);
    assert.deepEqual(amara.json.programIds, [teacher.programId], 'never deleted');
    // She comes back (launches again): active again.
    platform.state.users.find((user) => user.sub === 'u-learner-1')!.status = 'Active';
    await launchAs('u-learner-1');
    assert.deepEqual(
      (await call('GET', `/collections/people/records/${encodeURIComponent(amaraId)}`, { headers: asToken(teacher.token) })).json.inactiveProgramIds,
      [],
    );
  });

  test('a platform whose token endpoint wants another audience (Brightspace\'s "OAuth2 Audience") gets it in the client assertion', async () => {
    const { rows } = await backend.pool.query<{ platform_id: string; context_id: string }>('SELECT platform_id, context_id FROM mk_lti_contexts');
    const sync = () => call('POST', `/lti/rosters/${rows[0]!.platform_id}/${encodeURIComponent(rows[0]!.context_id)}`, { headers: asService });
    platform.state.tokenAudience = 'https://auth.brightspace.example/core/connect/token';
    try {
      // Registering again forgets the access token the tool holds, so the next sync asks anew.
      assert.equal((await call('POST', '/lti/platforms', { body: platform.registration(), headers: asService })).status, 200);
      const refused = await sync();
      assert.equal(refused.status, 502, 'the assertion names the token URL: refused');
      assert.match(refused.json.message, /token endpoint answered 400/);
      assert.equal(
        (await call('POST', '/lti/platforms', { body: { ...platform.registration(), tokenAudience: platform.state.tokenAudience }, headers: asService }))
          .status,
        200,
      );
      const synced = await sync();
      assert.equal(synced.status, 200, synced.text);
    } finally {
      platform.state.tokenAudience = undefined;
      await call('POST', '/lti/platforms', { body: platform.registration(), headers: asService });
    }
  });

  test('dynamic registration: the LMS registers itself with an invitation the operator made, once', async () => {
    const other = await startTestPlatform({ toolUrl: backend.url });
    try {
      assert.equal((await call('POST', '/lti/invites', { body: {} })).status, 401);
      const invite = await call('POST', '/lti/invites', { body: { hours: 2 }, headers: asService });
      assert.equal(invite.status, 201, invite.text);
      assert.match(invite.json.registrationUrl, /\/lti\/register\?invite=/);
      const done = await call('GET', other.registrationStart(invite.json.registrationUrl));
      assert.equal(done.status, 200, done.text);
      assert.match(done.text, /org\.imsglobal\.lti\.close/);
      const registration = other.state.registered!;
      assert.equal(registration.initiate_login_uri, `${backend.url}/lti/login`);
      assert.deepEqual(registration.redirect_uris, [`${backend.url}/lti/launch`]);
      assert.equal(registration.jwks_uri, `${backend.url}/lti/jwks`);
      const listed = await call('GET', '/lti/platforms', { headers: asService });
      assert.ok(
        listed.json.platforms.some((each: { issuer: string; clientId: string }) => each.issuer === other.url && each.clientId === other.state.clientId),
      );
      // The newly registered LMS launches.
      const started = await call('GET', other.loginUrl('u-learner-1'));
      const authorized = await other.authorize(new URL(started.headers.get('location')!));
      const launched = await call('POST', '/lti/launch', { form: { id_token: authorized.idToken, state: authorized.state } });
      assert.equal(launched.status, 200);
      // The invitation works once; without one, nobody registers.
      const again = await call('GET', other.registrationStart(invite.json.registrationUrl));
      assert.equal(again.status, 403);
      assert.equal((await call('GET', other.registrationStart(`${backend.url}/lti/register`))).status, 403);
      // The operator removes the LMS: no new launches, and open pages cannot renew their tokens.
      const token = launchData(launched.text).token;
      assert.equal((await call('POST', '/lti/session', { headers: asToken(token) })).status, 200);
      const id = listed.json.platforms.find((each: { issuer: string }) => each.issuer === other.url).id;
      assert.equal((await call('DELETE', `/lti/platforms/${id}`, { headers: asService })).status, 200);
      const renewal = await call('POST', '/lti/session', { headers: asToken(token) });
      assert.equal(renewal.status, 401);
      assert.match(renewal.json.message, /no longer registered/);
      assert.equal((await call('GET', other.loginUrl('u-learner-1'))).status, 400);
    } finally {
      await other.close();
    }
  });
});

describe(
  "LTI as an operator starts the server: the command line with DESIGN's environment only (no secret key, no dev sign-in)",
  { skip: skip ?? false },
  () => {
    test('an LMS registered with a programme signs a learner into that programme as a mentee; a tampered launch is refused', async () => {
      const backend = await startTestBackend();
      const platform = await startTestPlatform();
      const cli = await startCli(['--port', '0'], {
        DATABASE_URL: backend.postgres.connectionString,
        MENTORKIT_JWT_SECRET: randomBytes(36).toString('base64'),
        MENTORKIT_SERVICE_TOKEN: 'operator-service-token-0123456789',
        MENTORKIT_FETCH_ALLOW_HOSTS: '127.0.0.1',
      });
      try {
        const url = await cli.listening();
        platform.setTool(url);
        const service = { authorization: 'Bearer operator-service-token-0123456789' };
        const registered = await fetch(`${url}/lti/platforms`, {
          method: 'POST',
          headers: { ...service, 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...platform.registration(), programId: 'acme-mentoring' }),
        });
        assert.equal(registered.status, 201, await registered.clone().text());
        const started = await fetch(platform.loginUrl('u-learner-1'), { redirect: 'manual' });
        assert.equal(started.status, 302, await started.text());
        const authorized = await platform.authorize(new URL(started.headers.get('location')!));
        const launched = await fetch(`${url}/lti/launch`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ id_token: authorized.idToken, state: authorized.state }).toString(),
        });
        const html = await launched.text();
        assert.equal(launched.status, 200, html.slice(0, 500));
        const data = launchData(html);
        assert.equal(data.programId, 'acme-mentoring');
        const found = await fetch(`${url}/collections/people/records?email=${encodeURIComponent(JSON.stringify('amara@lms.example'))}`, { headers: service });
        const [person] = ((await found.json()) as { records: Array<{ id: string; roles: string[]; programIds: string[] }> }).records;
        assert.equal(person!.id, data.personId);
        assert.deepEqual(person!.roles, ['mentee']);
        assert.deepEqual(person!.programIds, ['acme-mentoring']);
        const programme = await fetch(`${url}/collections/programs/records/acme-mentoring`, { headers: service });
        assert.equal(programme.status, 200, 'the programme named at registration exists');
        // Tampered: the learner's launch rewritten to say Instructor.
        const again = await fetch(platform.loginUrl('u-learner-1'), { redirect: 'manual' });
        const nonce = new URL(again.headers.get('location')!).searchParams;
        const forged = tamper(await platform.sign(platform.idTokenClaims('u-learner-1', nonce.get('nonce')!)), {
          'https://purl.imsglobal.org/spec/lti/claim/roles': [ROLES.instructor],
        });
        const refused = await fetch(`${url}/lti/launch`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ id_token: forged, state: nonce.get('state')! }).toString(),
        });
        assert.equal(refused.status, 401);
        assert.match(await refused.text(), /not genuine/);
        assert.match(cli.output(), /MENTORKIT_PUBLIC_URL is not set/, 'the operator is told where the addresses come from');
      } finally {
        await cli.stop();
        await platform.close();
        await backend.close();
      }
    });
  },
);

/** Changes claims of a signed JWT without re-signing it. */
function tamper(jwt: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = jwt.split('.');
  const changed = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')), ...claims };
  return [header, Buffer.from(JSON.stringify(changed)).toString('base64url'), signature].join('.');
}

async function signWithStranger(claims: Record<string, unknown>): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'platform-key-0000' }).setIssuedAt().setExpirationTime('5m').sign(privateKey);
}
