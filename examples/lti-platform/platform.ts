/**
 * A small LTI 1.3 platform (an "LMS") written to the IMS specifications, for the tests and the demo's
 * "launch from an LMS" page: it has a course with people, its own signing keys (JWKS), the OIDC
 * authentication endpoint (third-party-initiated login), a token endpoint that checks the tool's
 * signed client assertion, a Names and Role Provisioning Service, a Deep Linking return address,
 * and dynamic registration (OpenID configuration + registration endpoint).
 *
 * It is not MentorKit code: it talks to MentorKit only over HTTP, as Moodle or Canvas would.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, type JWTPayload } from 'jose';

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/';
export const ROLES = {
  learner: `${LIS}membership#Learner`,
  instructor: `${LIS}membership#Instructor`,
  mentor: `${LIS}membership#Mentor`,
  administrator: `${LIS}institution/person#Administrator`,
} as const;

export interface PlatformUser {
  sub: string;
  name: string;
  email?: string;
  roles: string[];
  /** In the roster (NRPS) with this status; default Active. `false`: not in the roster at all. */
  status?: 'Active' | 'Inactive' | 'Deleted' | false;
}

export interface TestPlatformOptions {
  /** The tool's base URL (MentorKit server), e.g. http://127.0.0.1:8787. Can be set later with `setTool`. */
  toolUrl?: string;
  clientId?: string;
  deploymentId?: string;
  course?: { id: string; title: string; label?: string };
  users?: PlatformUser[];
  port?: number;
}

/** What a launch of the platform produced (for tests that drive it without a browser). */
export interface AuthorizedLaunch {
  idToken: string;
  state: string;
  redirectUri: string;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
const autoPost = (action: string, fields: Record<string, string>, title = 'Launching…') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><form method="post" action="${escape(action)}">${Object.entries(
    fields,
  )
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join('')}<noscript><button type="submit">Continue</button></noscript></form><script>document.forms[0].submit()</script></body></html>`;

export async function startTestPlatform(options: TestPlatformOptions = {}) {
  const keys = await generateKeyPair('RS256', { extractable: true });
  const kid = `platform-key-${randomBytes(4).toString('hex')}`;
  const publicJwk = { ...(await exportJWK(keys.publicKey)), kid, alg: 'RS256', use: 'sig' };
  const state = {
    toolUrl: options.toolUrl?.replace(/\/$/, '') ?? '',
    clientId: options.clientId ?? `mentorkit-${randomBytes(4).toString('hex')}`,
    deploymentId: options.deploymentId ?? 'deployment-1',
    course: options.course ?? { id: 'course-101', title: 'Leadership 101', label: 'LEAD101' },
    users: options.users ?? [
      { sub: 'u-learner-1', name: 'Amara Okafor', email: 'amara@lms.example', roles: [ROLES.learner] },
      { sub: 'u-mentor-1', name: 'Tomás Rivera', email: 'tomas@lms.example', roles: [ROLES.mentor] },
      { sub: 'u-teacher-1', name: 'Grace Lee', email: 'grace@lms.example', roles: [ROLES.instructor] },
    ],
    /** Messages hinted at login, by lti_message_hint. */
    pending: new Map<
      string,
      {
        sub: string;
        messageType: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';
        widget?: string;
        resourceLinkId: string;
        claims?: Record<string, unknown>;
      }
    >(),
    accessTokens: new Set<string>(),
    /** Content items the tool returned by deep linking. */
    deepLinks: [] as Array<Record<string, unknown>>,
    /** Client assertions the token endpoint accepted / refused. */
    tokenRequests: [] as Array<{ ok: boolean; reason?: string }>,
    nrpsRequests: 0,
    registered: undefined as undefined | Record<string, unknown>,
    registrationToken: randomBytes(12).toString('hex'),
    /** The audience the token endpoint wants in client assertions (default: its own URL); Brightspace has a separate one. */
    tokenAudience: undefined as string | undefined,
  };
  let base = '';
  let toolKeys: ReturnType<typeof createRemoteJWKSet> | undefined;
  const toolJwks = () => (toolKeys ??= createRemoteJWKSet(new URL(`${state.toolUrl}/lti/jwks`)));

  /** Signs with the platform's key; `iat` now and `exp` in five minutes unless the claims say otherwise. */
  const sign = (claims: JWTPayload, header: Record<string, unknown> = {}) => {
    let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT', ...header });
    if (claims.iat === undefined) jwt = jwt.setIssuedAt();
    if (claims.exp === undefined) jwt = jwt.setExpirationTime('5m');
    return jwt.sign(keys.privateKey);
  };

  /** The id_token of a launch: every claim LTI 1.3 asks for. */
  const idTokenClaims = (
    user: PlatformUser,
    message: { messageType: string; widget?: string; resourceLinkId: string; claims?: Record<string, unknown> },
    nonce: string,
  ): JWTPayload => ({
    iss: base,
    aud: state.clientId,
    sub: user.sub,
    nonce,
    name: user.name,
    given_name: user.name.split(' ')[0],
    family_name: user.name.split(' ').slice(1).join(' '),
    ...(user.email ? { email: user.email } : {}),
    'https://purl.imsglobal.org/spec/lti/claim/message_type': message.messageType,
    'https://purl.imsglobal.org/spec/lti/claim/version': '1.3.0',
    'https://purl.imsglobal.org/spec/lti/claim/deployment_id': state.deploymentId,
    'https://purl.imsglobal.org/spec/lti/claim/target_link_uri': `${state.toolUrl}/lti/launch`,
    'https://purl.imsglobal.org/spec/lti/claim/roles': user.roles,
    'https://purl.imsglobal.org/spec/lti/claim/context': {
      id: state.course.id,
      title: state.course.title,
      label: state.course.label,
      type: ['http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering'],
    },
    'https://purl.imsglobal.org/spec/lti/claim/launch_presentation': { document_target: 'iframe', locale: 'en-GB', return_url: `${base}/course` },
    'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice': {
      context_memberships_url: `${base}/nrps/${encodeURIComponent(state.course.id)}/memberships`,
      service_versions: ['2.0'],
    },
    ...(message.messageType === 'LtiResourceLinkRequest'
      ? {
          'https://purl.imsglobal.org/spec/lti/claim/resource_link': { id: message.resourceLinkId, title: 'Mentoring' },
          ...(message.widget ? { 'https://purl.imsglobal.org/spec/lti/claim/custom': { mentorkit_widget: message.widget } } : {}),
        }
      : {
          'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings': {
            deep_link_return_url: `${base}/deep-link-return`,
            accept_types: ['ltiResourceLink'],
            accept_presentation_document_targets: ['iframe', 'window'],
            accept_multiple: false,
            data: 'opaque-dl-data-42',
          },
        }),
    ...(message.claims ?? {}),
  });

  /** Starts a launch as the LMS does when someone opens the link: the tool's login URL with its hints. */
  const loginUrl = (
    sub: string,
    message: {
      messageType?: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';
      widget?: string;
      resourceLinkId?: string;
      claims?: Record<string, unknown>;
    } = {},
  ) => {
    const hint = randomBytes(8).toString('hex');
    state.pending.set(hint, {
      sub,
      messageType: message.messageType ?? 'LtiResourceLinkRequest',
      resourceLinkId: message.resourceLinkId ?? 'link-1',
      ...(message.widget ? { widget: message.widget } : {}),
      ...(message.claims ? { claims: message.claims } : {}),
    });
    const url = new URL(`${state.toolUrl}/lti/login`);
    url.searchParams.set('iss', base);
    url.searchParams.set('login_hint', sub);
    url.searchParams.set('target_link_uri', `${state.toolUrl}/lti/launch`);
    url.searchParams.set('lti_message_hint', hint);
    url.searchParams.set('client_id', state.clientId);
    url.searchParams.set('lti_deployment_id', state.deploymentId);
    return url.href;
  };

  /** The OIDC authentication endpoint: checks the tool's request, signs the id_token. */
  const authorize = async (url: URL): Promise<AuthorizedLaunch> => {
    const params = url.searchParams;
    const problems = [
      params.get('scope') !== 'openid' && 'scope must be openid',
      params.get('response_type') !== 'id_token' && 'response_type must be id_token',
      params.get('response_mode') !== 'form_post' && 'response_mode must be form_post',
      params.get('prompt') !== 'none' && 'prompt must be none',
      params.get('client_id') !== state.clientId && 'unknown client_id',
      params.get('redirect_uri') !== `${state.toolUrl}/lti/launch` && 'redirect_uri is not registered',
      !params.get('nonce') && 'nonce missing',
      !params.get('state') && 'state missing',
    ].filter(Boolean);
    if (problems.length > 0) throw new Error(`invalid_request: ${problems.join('; ')}`);
    const message = state.pending.get(params.get('lti_message_hint') ?? '');
    if (!message || message.sub !== params.get('login_hint')) throw new Error('login_required: unknown login_hint or lti_message_hint');
    state.pending.delete(params.get('lti_message_hint')!);
    const user = state.users.find((candidate) => candidate.sub === message.sub);
    if (!user) throw new Error('login_required: no such user');
    return { idToken: await sign(idTokenClaims(user, message, params.get('nonce')!)), state: params.get('state')!, redirectUri: params.get('redirect_uri')! };
  };

  const readForm = (request: http.IncomingMessage) =>
    new Promise<URLSearchParams>((resolve, reject) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
      request.on('error', reject);
    });

  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', base);
    const html = (status: number, body: string) => response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
    try {
      if (url.pathname === '/jwks') return json(200, { keys: [publicJwk] });
      if (url.pathname === '/auth') {
        try {
          const launch = await authorize(url);
          return html(200, autoPost(launch.redirectUri, { id_token: launch.idToken, state: launch.state }));
        } catch (error) {
          const [code, description] = (error as Error).message.split(': ');
          const redirect = url.searchParams.get('redirect_uri');
          if (redirect === `${state.toolUrl}/lti/launch`)
            return html(200, autoPost(redirect, { error: code!, error_description: description ?? '', state: url.searchParams.get('state') ?? '' }));
          return html(400, `<p>${escape((error as Error).message)}</p>`);
        }
      }
      if (url.pathname === '/token' && request.method === 'POST') {
        const form = await readForm(request);
        try {
          if (form.get('grant_type') !== 'client_credentials') throw new Error('unsupported_grant_type');
          if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
            throw new Error('invalid_client: client_assertion_type');
          const { payload } = await jwtVerify(form.get('client_assertion') ?? '', toolJwks(), {
            issuer: state.clientId,
            subject: state.clientId,
            audience: state.tokenAudience ?? `${base}/token`,
            algorithms: ['RS256'],
          });
          if (!payload.jti) throw new Error('invalid_client: jti missing');
          if (!(form.get('scope') ?? '').split(' ').includes('https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly'))
            throw new Error('invalid_scope');
          const token = randomBytes(16).toString('hex');
          state.accessTokens.add(token);
          state.tokenRequests.push({ ok: true });
          return json(200, { access_token: token, token_type: 'Bearer', expires_in: 3600, scope: form.get('scope') });
        } catch (error) {
          state.tokenRequests.push({ ok: false, reason: (error as Error).message });
          return json(400, { error: (error as Error).message.split(':')[0] });
        }
      }
      if (url.pathname === `/nrps/${encodeURIComponent(state.course.id)}/memberships`) {
        const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
        if (!token || !state.accessTokens.has(token)) return json(401, { error: 'invalid_token' });
        if (!String(request.headers.accept ?? '').includes('application/vnd.ims.lti-nrps.v2.membershipcontainer+json'))
          return json(406, { error: 'not acceptable' });
        state.nrpsRequests += 1;
        const members = state.users
          .filter((user) => user.status !== false)
          .map((user) => ({
            user_id: user.sub,
            status: user.status ?? 'Active',
            name: user.name,
            ...(user.email ? { email: user.email } : {}),
            roles: user.roles,
          }));
        // Two members a page: the tool follows rel="next".
        const offset = Number(url.searchParams.get('offset') ?? '0');
        const pageOf = members.slice(offset, offset + 2);
        const headers: Record<string, string> = { 'Content-Type': 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json' };
        if (offset + 2 < members.length) headers.Link = `<${base}${url.pathname}?offset=${offset + 2}>; rel="next"`;
        return response
          .writeHead(200, headers)
          .end(JSON.stringify({ id: `${base}${url.pathname}`, context: { id: state.course.id, title: state.course.title }, members: pageOf }));
      }
      if (url.pathname === '/deep-link-return' && request.method === 'POST') {
        const form = await readForm(request);
        const { payload } = await jwtVerify(form.get('JWT') ?? '', toolJwks(), { issuer: state.clientId, audience: base, algorithms: ['RS256'] });
        if (payload['https://purl.imsglobal.org/spec/lti/claim/message_type'] !== 'LtiDeepLinkingResponse') throw new Error('not a deep linking response');
        if (payload['https://purl.imsglobal.org/spec/lti/claim/deployment_id'] !== state.deploymentId) throw new Error('wrong deployment');
        const items = (payload['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'] as Array<Record<string, unknown>>) ?? [];
        state.deepLinks.push(...items.map((item) => ({ ...item, data: payload['https://purl.imsglobal.org/spec/lti-dl/claim/data'] })));
        return html(
          200,
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Added</title></head><body><h1>Added to the course</h1><ul>${items.map((item) => `<li>${escape(String(item.title))}</li>`).join('')}</ul></body></html>`,
        );
      }
      if (url.pathname === '/.well-known/openid-configuration') {
        return json(200, {
          issuer: base,
          authorization_endpoint: `${base}/auth`,
          token_endpoint: `${base}/token`,
          jwks_uri: `${base}/jwks`,
          registration_endpoint: `${base}/register`,
          scopes_supported: ['openid', 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly'],
          response_types_supported: ['id_token'],
          id_token_signing_alg_values_supported: ['RS256'],
          'https://purl.imsglobal.org/spec/lti-platform-configuration': {
            product_family_code: 'test-lms',
            version: '1.0',
            messages_supported: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
          },
        });
      }
      if (url.pathname === '/register' && request.method === 'POST') {
        if (request.headers.authorization !== `Bearer ${state.registrationToken}`) return json(401, { error: 'invalid_token' });
        const body = JSON.parse(
          await new Promise<string>((resolve) => {
            let text = '';
            request.on('data', (chunk) => (text += chunk));
            request.on('end', () => resolve(text));
          }),
        ) as Record<string, unknown>;
        state.registered = body;
        state.toolUrl = String((body['https://purl.imsglobal.org/spec/lti-tool-configuration'] as { target_link_uri: string }).target_link_uri).replace(
          /\/lti\/launch$/,
          '',
        );
        toolKeys = undefined;
        return json(200, {
          ...body,
          client_id: state.clientId,
          'https://purl.imsglobal.org/spec/lti-tool-configuration': {
            ...(body['https://purl.imsglobal.org/spec/lti-tool-configuration'] as object),
            deployment_id: state.deploymentId,
          },
        });
      }
      if (url.pathname === '/course') {
        // The LMS's course page: the tool in an iframe, opened as the person picked.
        const sub = url.searchParams.get('as') ?? state.users[0]!.sub;
        const deepLink = url.searchParams.get('deep-link') === '1';
        const src = loginUrl(sub, {
          messageType: deepLink ? 'LtiDeepLinkingRequest' : 'LtiResourceLinkRequest',
          ...(url.searchParams.get('widget') ? { widget: url.searchParams.get('widget')! } : {}),
        });
        return html(
          200,
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(state.course.title)} · Test LMS</title><link rel="icon" href="data:,"><style>body{font-family:system-ui;margin:1rem}iframe{width:100%;height:80vh;border:1px solid #999}</style></head><body><h1>${escape(state.course.title)}</h1><p>Signed in to the test LMS as ${escape(state.users.find((user) => user.sub === sub)?.name ?? sub)}.</p><iframe title="MentorKit" src="${escape(src)}"></iframe></body></html>`,
        );
      }
      return json(404, { error: 'not found' });
    } catch (error) {
      return json(500, { error: (error as Error).message });
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    get url() {
      return base;
    },
    state,
    /** What MentorKit's operator registers (POST /lti/platforms). */
    registration: () => ({
      issuer: base,
      clientId: state.clientId,
      deploymentIds: [state.deploymentId],
      authEndpoint: `${base}/auth`,
      tokenEndpoint: `${base}/token`,
      jwksUrl: `${base}/jwks`,
      name: 'Test LMS',
    }),
    setTool(url: string) {
      state.toolUrl = url.replace(/\/$/, '');
      toolKeys = undefined;
    },
    loginUrl,
    authorize: (url: string | URL) => authorize(new URL(url)),
    /** Signs any claims with the platform's key (for tests of forged or odd launches). */
    sign,
    idTokenClaims: (sub: string, nonce: string, message: { messageType?: string; widget?: string; claims?: Record<string, unknown> } = {}) =>
      idTokenClaims(
        state.users.find((user) => user.sub === sub)!,
        {
          messageType: message.messageType ?? 'LtiResourceLinkRequest',
          resourceLinkId: 'link-1',
          ...(message.widget ? { widget: message.widget } : {}),
          ...(message.claims ? { claims: message.claims } : {}),
        },
        nonce,
      ),
    courseUrl: (sub: string, options: { deepLink?: boolean; widget?: string } = {}) =>
      `${base}/course?as=${encodeURIComponent(sub)}${options.deepLink ? '&deep-link=1' : ''}${options.widget ? `&widget=${encodeURIComponent(options.widget)}` : ''}`,
    registrationStart: (registrationUrl: string) =>
      `${registrationUrl}${registrationUrl.includes('?') ? '&' : '?'}openid_configuration=${encodeURIComponent(`${base}/.well-known/openid-configuration`)}&registration_token=${state.registrationToken}`,
    newRandomId: () => randomUUID(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestPlatform = Awaited<ReturnType<typeof startTestPlatform>>;
