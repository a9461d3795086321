import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Pool, PoolClient } from 'pg';
import { Collections, MentorKitError, nextStoredRecord, prepareRecord, type StoredRecord } from '@mentorkit/core';
import {
  SignJWT,
  createRemoteJWKSet,
  customFetch,
  decodeProtectedHeader,
  errors as joseErrors,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  type JWK,
  type JWTPayload,
} from 'jose';
import type { Identification } from '../identity.js';
import { HttpError, isWellFormedText } from '../input.js';
import type { ServerSecrets } from '../secrets.js';
import { readCurrent, withRecordLock, writeRecord } from '../store.js';
import { LTI_WIDGETS, deepLinkPickerPage, deepLinkReturnPage, escapeHtml, isWidget, launchPage, page, problemPage, registrationDonePage } from './pages.js';
import { mentorKitRoles, parseRoleSettings, type LtiRoleSettings, type MentorKitRole } from './roles.js';

/**
 * MentorKit as an LTI 1.3 tool (issue 17, docs/lti.md), implemented on `jose` to the IMS
 * specifications (Core 1.3, Security Framework 1.0, Deep Linking 2.0, Names and Role Provisioning
 * Services 2.0, Dynamic Registration 1.0):
 *
 * - **Login** (`GET|POST /lti/login`): the platform's third-party-initiated login; the tool answers
 *   with the OIDC authentication request (state and nonce kept server-side, single use, 10 minutes).
 * - **Launch** (`POST /lti/launch`): the id_token verified with the platform's key set (fetched
 *   through the outbound guard), issuer, audience / azp, expiry, nonce (once), deployment, version,
 *   message type and roles checked; the course becomes a programme, the person a MentorKit person
 *   with their mapped roles; the page shows the widget with a short-lived token (no cookie).
 * - **Deep Linking**: a teacher picks the widget; the tool returns a signed LtiDeepLinkingResponse.
 * - **Roster** (NRPS): on launch and on a schedule, with an access token got by a signed client
 *   assertion; joiners added, leavers marked inactive in the programme (never deleted).
 * - **Registration**: by the operator (`POST /lti/platforms`, service token; the CLI) or dynamic
 *   (`/lti/register`, opened by the LMS with an invitation the operator made).
 */

export const LTI_CLAIM = {
  messageType: 'https://purl.imsglobal.org/spec/lti/claim/message_type',
  version: 'https://purl.imsglobal.org/spec/lti/claim/version',
  deploymentId: 'https://purl.imsglobal.org/spec/lti/claim/deployment_id',
  targetLinkUri: 'https://purl.imsglobal.org/spec/lti/claim/target_link_uri',
  resourceLink: 'https://purl.imsglobal.org/spec/lti/claim/resource_link',
  roles: 'https://purl.imsglobal.org/spec/lti/claim/roles',
  context: 'https://purl.imsglobal.org/spec/lti/claim/context',
  custom: 'https://purl.imsglobal.org/spec/lti/claim/custom',
  launchPresentation: 'https://purl.imsglobal.org/spec/lti/claim/launch_presentation',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  deepLinkingData: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
} as const;
export const NRPS_SCOPE = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';
const NRPS_MEDIA_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';
/** Algorithms accepted on a platform's id_token (LTI requires RS256; never HS* or none). */
const PLATFORM_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256'];
const CLOCK_TOLERANCE_SECONDS = 60;
const STATE_MINUTES = 10;
/** Logins started and not launched yet, at most (each is a row; they expire after STATE_MINUTES). */
const MAX_PENDING_LOGINS = 20_000;
const SESSION_ISSUER = 'mentorkit-lti';
const SESSION_TYPE = 'mentorkit-lti+jwt';
const DEEP_LINK_TYPE = 'mentorkit-lti-dl+jwt';

export interface LtiServiceOptions {
  pool: Pool;
  secrets: ServerSecrets;
  /** The guarded fetch (outbound.ts): platform key sets, token and roster endpoints, registration. */
  fetch: typeof fetch;
  /** The tool's public URL (`MENTORKIT_PUBLIC_URL`); without it (development only) the request's Host is used on loopback. */
  publicUrl?: string;
  /** Whether a missing public URL may be taken from a loopback request's Host (dev-auth). */
  devAuth: boolean;
  /** Where the launch page loads the elements from (default: this server's `/lti/assets`, served from `assetsDir`). */
  assetsUrl?: string;
  /** The CDN build of `@mentorkit/elements` (`dist/cdn`) served at `/lti/assets`. */
  assetsDir?: string;
  /** Minutes a launch's token lasts (renewed while the page is open, up to `sessionHours`). Default 60. */
  tokenMinutes?: number;
  /** Hours after a launch its token can still be renewed. Default 8. */
  sessionHours?: number;
  /** Minutes between two roster syncs of a course (default 360). */
  rosterMinutes?: number;
  log(line: string): void;
  publish(change: { collection: string; id: string; record?: StoredRecord; previous?: StoredRecord }): void;
  readBody(request: http.IncomingMessage, limitBytes: number): Promise<Buffer>;
  readJson(request: http.IncomingMessage, limitBytes: number): Promise<unknown>;
  send(response: http.ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void;
  /** Who is calling (for the service-token endpoints). */
  identify(request: http.IncomingMessage): Promise<Identification>;
  running(): boolean;
  now?: () => Date;
}

/** A registered platform (LMS). */
export interface LtiPlatform {
  id: string;
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  authEndpoint: string;
  tokenEndpoint?: string;
  /** The audience of the tool's client assertions when it is not `tokenEndpoint` (Brightspace shows it as "OAuth2 Audience"). */
  tokenAudience?: string;
  jwksUrl: string;
  programId?: string;
  roles: LtiRoleSettings;
  name?: string;
  createdAt?: string;
}

/** A row of mk_lti_platforms. */
export type PlatformRow = {
  id: string;
  issuer: string;
  client_id: string;
  deployment_ids: string[];
  auth_endpoint: string;
  token_endpoint: string | null;
  token_audience: string | null;
  jwks_url: string;
  program_id: string | null;
  roles: LtiRoleSettings;
  name: string | null;
  created_at: Date;
};

/** A platform as the API shows it, from its row. */
export const toPlatform = (row: PlatformRow): LtiPlatform => ({
  id: row.id,
  issuer: row.issuer,
  clientId: row.client_id,
  deploymentIds: row.deployment_ids,
  authEndpoint: row.auth_endpoint,
  ...(row.token_endpoint ? { tokenEndpoint: row.token_endpoint } : {}),
  ...(row.token_audience ? { tokenAudience: row.token_audience } : {}),
  jwksUrl: row.jwks_url,
  ...(row.program_id ? { programId: row.program_id } : {}),
  roles: row.roles ?? {},
  ...(row.name ? { name: row.name } : {}),
  createdAt: row.created_at.toISOString(),
});

/** A refused launch: the page says `title` and `message` with `status`. */
class LaunchRefused extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('base64url').slice(0, 22);
const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max && !value.includes('\u0000') && isWellFormedText(value);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks an endpoint URL of a platform: https (http only on loopback with dev-auth). */
function checkUrl(value: unknown, field: string, devAuth: boolean): string {
  if (!isText(value, 2000)) throw new MentorKitError('invalid-input', `\`${field}\` must be the platform's URL (https://…).`, { path: field });
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new MentorKitError('invalid-input', `\`${field}\` must be an absolute URL (https://…); got ${JSON.stringify(value.slice(0, 200))}.`, { path: field });
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || url.hostname.startsWith('127.');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (devAuth || loopback)))
    throw new MentorKitError('invalid-input', `\`${field}\` must use https:// (got ${url.protocol}//${url.host}).`, { path: field });
  if (url.username || url.password) throw new MentorKitError('invalid-input', `\`${field}\` must not carry a user name or password.`, { path: field });
  return url.href;
}

/** Validates `POST /lti/platforms`' body. */
export function parsePlatformInput(input: unknown, devAuth: boolean): Omit<LtiPlatform, 'id' | 'createdAt'> {
  if (!isObject(input))
    throw new MentorKitError(
      'invalid-input',
      'Send the platform as JSON: { issuer, clientId, deploymentIds, authEndpoint, tokenEndpoint, jwksUrl, programId?, roles?, name? }.',
      { path: 'body' },
    );
  const known = ['issuer', 'clientId', 'deploymentIds', 'authEndpoint', 'tokenEndpoint', 'tokenAudience', 'jwksUrl', 'programId', 'roles', 'name'];
  const unknown = Object.keys(input).filter((key) => !known.includes(key));
  if (unknown.length > 0)
    throw new MentorKitError(
      'invalid-input',
      `Unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => JSON.stringify(key)).join(', ')}; a platform has ${known.join(', ')}.`,
      { path: unknown[0]! },
    );
  if (!isText(input.issuer, 500))
    throw new MentorKitError(
      'invalid-input',
      '`issuer` must be the platform\'s issuer, exactly as its id_tokens say it ("iss"), e.g. https://moodle.example.edu.',
      { path: 'issuer' },
    );
  if (!isText(input.clientId, 500))
    throw new MentorKitError('invalid-input', '`clientId` must be the client id the platform gave this tool.', { path: 'clientId' });
  const deploymentIds = input.deploymentIds;
  if (!Array.isArray(deploymentIds) || deploymentIds.length === 0 || deploymentIds.length > 100 || !deploymentIds.every((id) => isText(id, 255))) {
    throw new MentorKitError('invalid-input', '`deploymentIds` must list the deployment ids the platform uses for this tool (1–100 strings).', {
      path: 'deploymentIds',
    });
  }
  if (input.programId !== undefined && !isText(input.programId, 200))
    throw new MentorKitError(
      'invalid-input',
      '`programId` must be the id of the programme every course of this platform goes to (or leave it out: one programme per course).',
      { path: 'programId' },
    );
  if (input.tokenAudience !== undefined && !isText(input.tokenAudience, 500))
    throw new MentorKitError(
      'invalid-input',
      '`tokenAudience` must be the audience the platform expects in the tool\'s client assertions (Brightspace: its "OAuth2 Audience"); leave it out to use tokenEndpoint.',
      { path: 'tokenAudience' },
    );
  if (input.name !== undefined && !isText(input.name, 200))
    throw new MentorKitError('invalid-input', '`name` must be a short name for the platform (up to 200 characters).', { path: 'name' });
  let roles: LtiRoleSettings;
  try {
    roles = parseRoleSettings(input.roles);
  } catch (error) {
    throw new MentorKitError('invalid-input', (error as Error).message, { path: 'roles' });
  }
  return {
    issuer: input.issuer.trim(),
    clientId: input.clientId.trim(),
    deploymentIds: [...new Set(deploymentIds as string[])],
    authEndpoint: checkUrl(input.authEndpoint, 'authEndpoint', devAuth),
    ...(input.tokenEndpoint !== undefined ? { tokenEndpoint: checkUrl(input.tokenEndpoint, 'tokenEndpoint', devAuth) } : {}),
    ...(input.tokenAudience !== undefined ? { tokenAudience: (input.tokenAudience as string).trim() } : {}),
    jwksUrl: checkUrl(input.jwksUrl, 'jwksUrl', devAuth),
    ...(input.programId !== undefined ? { programId: (input.programId as string).trim() } : {}),
    roles,
    ...(input.name !== undefined ? { name: (input.name as string).trim() } : {}),
  };
}

export type LtiService = ReturnType<typeof createLtiService>;

export function createLtiService(options: LtiServiceOptions) {
  const { pool, secrets } = options;
  const now = options.now ?? (() => new Date());
  const tokenMinutes = options.tokenMinutes ?? 60;
  const sessionHours = options.sessionHours ?? 8;
  const rosterMinutes = options.rosterMinutes ?? 360;
  const sessionKey = secrets.key('lti session tokens v1');
  const deepLinkKey = secrets.key('lti deep linking v1');
  const jwksByPlatform = new Map<string, { url: string; keys: ReturnType<typeof createRemoteJWKSet> }>();
  const accessTokens = new Map<string, { token: string; until: number }>();
  let timer: NodeJS.Timeout | undefined;
  let syncing = false;
  let warnedNoPublicUrl = false;

  // ─── the tool's keys ────────────────────────────────────────────────────────────────────────

  let signingKey: Promise<{ kid: string; key: CryptoKey }> | undefined;
  /** The newest key (made on first use; one per database, whichever instance comes first). */
  const toolKey = () => {
    signingKey ??= (async () => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query("SELECT pg_advisory_xact_lock(hashtextextended('mentorkit lti keys', 0))");
        const stored = await client.query<{ kid: string; private_jwk: string }>('SELECT kid, private_jwk FROM mk_lti_keys ORDER BY created_at DESC, kid');
        // The newest key this server can read (a key sealed with another secret key — the operator
        // changed it, or a development key of an earlier process — stays published but is not used).
        let rows = stored.rows
          .filter((row) => {
            try {
              secrets.decrypt(row.private_jwk, `lti-key:${row.kid}`);
              return true;
            } catch {
              return false;
            }
          })
          .slice(0, 1);
        if (rows.length === 0) {
          const pair = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
          const publicJwk = await exportJWK(pair.publicKey);
          const privateJwk = await exportJWK(pair.privateKey);
          const kid = hash(JSON.stringify([publicJwk.n, publicJwk.e]));
          const sealed = secrets.encrypt(JSON.stringify(privateJwk), `lti-key:${kid}`);
          await client.query('INSERT INTO mk_lti_keys (kid, private_jwk, public_jwk) VALUES ($1, $2, $3)', [
            kid,
            sealed,
            JSON.stringify({ ...publicJwk, kid, alg: 'RS256', use: 'sig' }),
          ]);
          options.log(`LTI: made the tool's signing key ${kid} (published at /lti/jwks)`);
          rows = [{ kid, private_jwk: sealed }];
        }
        await client.query('COMMIT');
        const row = rows[0]!;
        const jwk = JSON.parse(secrets.decrypt(row.private_jwk, `lti-key:${row.kid}`)) as JWK;
        return { kid: row.kid, key: (await importJWK(jwk, 'RS256')) as CryptoKey };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        signingKey = undefined;
        throw error;
      } finally {
        client.release();
      }
    })();
    return signingKey;
  };

  const publicKeys = async () => {
    await toolKey();
    const { rows } = await pool.query<{ public_jwk: JWK }>('SELECT public_jwk FROM mk_lti_keys ORDER BY created_at DESC, kid');
    return { keys: rows.map((row) => row.public_jwk) };
  };

  const signWithToolKey = async (claims: JWTPayload, seconds: number) => {
    const { kid, key } = await toolKey();
    const issuedAt = Math.floor(now().getTime() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + seconds)
      .sign(key);
  };

  // ─── platforms ──────────────────────────────────────────────────────────────────────────────

  const platformById = async (id: string): Promise<LtiPlatform | undefined> => {
    const { rows } = await pool.query<PlatformRow>('SELECT * FROM mk_lti_platforms WHERE id = $1', [id]);
    return rows[0] ? toPlatform(rows[0]) : undefined;
  };

  const registerPlatform = async (input: Omit<LtiPlatform, 'id' | 'createdAt'>): Promise<{ platform: LtiPlatform; created: boolean }> => {
    const id = `platform-${hash(input.issuer, input.clientId)}`;
    const { rows } = await pool.query<PlatformRow & { inserted: boolean }>(
      `INSERT INTO mk_lti_platforms (id, issuer, client_id, deployment_ids, auth_endpoint, token_endpoint, jwks_url, program_id, roles, name, token_audience)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (issuer, client_id) DO UPDATE SET deployment_ids = EXCLUDED.deployment_ids, auth_endpoint = EXCLUDED.auth_endpoint, token_endpoint = EXCLUDED.token_endpoint,
         jwks_url = EXCLUDED.jwks_url, program_id = EXCLUDED.program_id, roles = EXCLUDED.roles, name = EXCLUDED.name, token_audience = EXCLUDED.token_audience
       RETURNING *, (xmax = 0) AS inserted`,
      [
        id,
        input.issuer,
        input.clientId,
        input.deploymentIds,
        input.authEndpoint,
        input.tokenEndpoint ?? null,
        input.jwksUrl,
        input.programId ?? null,
        JSON.stringify(input.roles),
        input.name ?? null,
        input.tokenAudience ?? null,
      ],
    );
    jwksByPlatform.delete(id);
    for (const key of [...accessTokens.keys()]) if (key.startsWith(`${id} `)) accessTokens.delete(key);
    const row = rows[0]!;
    options.log(`LTI: platform ${row.issuer} (client ${row.client_id}) ${row.inserted ? 'registered' : 'updated'}`);
    return { platform: toPlatform(row), created: row.inserted };
  };

  const platformKeys = (platform: LtiPlatform) => {
    const cached = jwksByPlatform.get(platform.id);
    if (cached && cached.url === platform.jwksUrl) return cached.keys;
    const keys = createRemoteJWKSet(new URL(platform.jwksUrl), {
      timeoutDuration: 5000,
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
      [customFetch]: (url, init) => options.fetch(url, { headers: init.headers, method: 'GET', signal: init.signal }),
    });
    jwksByPlatform.set(platform.id, { url: platform.jwksUrl, keys });
    return keys;
  };

  // ─── where the tool is ──────────────────────────────────────────────────────────────────────

  const toolUrl = (request: http.IncomingMessage): string => {
    if (options.publicUrl) return options.publicUrl.replace(/\/$/, '');
    // Without MENTORKIT_PUBLIC_URL: the address the request came to (what the LMS was told must match it).
    const host = request.headers.host ?? '';
    if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)) {
      throw new HttpError(
        501,
        new MentorKitError(
          'unsupported',
          "LTI needs the tool's public URL: the operator sets MENTORKIT_PUBLIC_URL (publicUrl), e.g. https://mentoring.example.edu.",
          { path: 'url' },
        ),
      );
    }
    if (!warnedNoPublicUrl) {
      warnedNoPublicUrl = true;
      options.log(
        `LTI: MENTORKIT_PUBLIC_URL is not set; the tool's addresses are taken from each request (now ${'encrypted' in request.socket ? 'https' : 'http'}://${host}). Set it when the server is behind a proxy or reached by another name.`,
      );
    }
    return `${'encrypted' in request.socket ? 'https' : 'http'}://${host}`;
  };

  // ─── answers ────────────────────────────────────────────────────────────────────────────────

  /** Sends an HTML page with a CSP that allows only its own scripts, framed by `frameAncestors` ('*': by any page). */
  const sendPage = (
    response: http.ServerResponse,
    status: number,
    html: (nonce: string) => string,
    csp: { frameAncestors?: string[] | '*'; formAction?: string[]; scriptOrigins?: string[] } = {},
  ) => {
    const nonce = randomBytes(16).toString('base64');
    const body = html(nonce);
    const origins = (list: string[] | undefined) =>
      [...new Set(list ?? [])]
        .map((url) => {
          try {
            return new URL(url).origin;
          } catch {
            return '';
          }
        })
        .filter(Boolean);
    const policy = [
      "default-src 'none'",
      `script-src 'self' 'nonce-${nonce}' ${origins(csp.scriptOrigins).join(' ')}`.trim(),
      `style-src 'self' 'unsafe-inline' ${origins(csp.scriptOrigins).join(' ')}`.trim(),
      "connect-src 'self'",
      "img-src 'self' data: blob:",
      "media-src 'self' blob:",
      `form-action 'self' ${origins(csp.formAction).join(' ')}`.trim(),
      csp.frameAncestors === '*' ? 'frame-ancestors *' : `frame-ancestors 'self' ${origins(csp.frameAncestors).join(' ')}`.trim(),
      "base-uri 'none'",
    ].join('; ');
    response.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': policy,
    });
    response.end(body);
  };

  /**
   * A refused launch or login. Its page shows where the LMS opened the tool, in its iframe; when the
   * platform is not known (an unknown or used login state, an unregistered LMS) any page may frame it:
   * it holds only static text (no form, no button, nothing secret), so framing cannot be abused.
   */
  const sendProblem = (response: http.ServerResponse, problem: LaunchRefused, frameAncestors?: string[]) =>
    sendPage(response, problem.status, (nonce) => problemPage(nonce, problem.title, problem.message, problem.hint), { frameAncestors: frameAncestors ?? '*' });

  /** The parameters of a GET query or a form-encoded POST body. */
  const readParams = async (request: http.IncomingMessage, url: URL): Promise<URLSearchParams> => {
    if (request.method !== 'POST') return url.searchParams;
    const type = String(request.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    const body = (await options.readBody(request, 64 * 1024)).toString('utf8');
    if (type === 'application/json') {
      const parsed = JSON.parse(body) as unknown;
      if (!isObject(parsed)) throw new LaunchRefused(400, 'Not a launch', "The request's body must be a form or a JSON object.");
      return new URLSearchParams(Object.entries(parsed).filter(([, value]) => typeof value === 'string') as Array<[string, string]>);
    }
    const params = new URLSearchParams(body);
    for (const [key, value] of url.searchParams) if (!params.has(key)) params.set(key, value);
    return params;
  };

  // ─── login (OIDC third-party-initiated) ─────────────────────────────────────────────────────

  const login = async (request: http.IncomingMessage, url: URL, response: http.ServerResponse) => {
    const params = await readParams(request, url);
    const issuer = params.get('iss');
    const loginHint = params.get('login_hint');
    const target = params.get('target_link_uri');
    if (!issuer || !loginHint || !target) {
      throw new LaunchRefused(
        400,
        'This is not an LTI login',
        `The LMS must send iss, login_hint and target_link_uri to /lti/login (missing: ${[!issuer && 'iss', !loginHint && 'login_hint', !target && 'target_link_uri'].filter(Boolean).join(', ')}).`,
        'Open MentorKit from a link in your course.',
      );
    }
    const clientId = params.get('client_id');
    const { rows } = await pool.query<PlatformRow>(
      'SELECT * FROM mk_lti_platforms WHERE issuer = $1 AND ($2::text IS NULL OR client_id = $2) ORDER BY created_at',
      [issuer, clientId],
    );
    if (rows.length === 0)
      throw new LaunchRefused(
        400,
        'This LMS is not registered',
        `No platform with issuer ${issuer}${clientId ? ` and client id ${clientId}` : ''} is registered with MentorKit.`,
        'Ask the MentorKit operator to register the LMS (see docs/lti.md).',
      );
    if (rows.length > 1)
      throw new LaunchRefused(400, 'Which registration?', `Several registrations of ${issuer} exist; the LMS must send client_id with its login.`);
    const platform = toPlatform(rows[0]!);
    const deploymentId = params.get('lti_deployment_id');
    if (deploymentId && !platform.deploymentIds.includes(deploymentId))
      throw new LaunchRefused(
        403,
        'Unknown deployment',
        `The deployment ${deploymentId} of ${issuer} is not registered with MentorKit.`,
        "Ask the MentorKit operator to add the deployment id to the platform's registration.",
      );
    const base = toolUrl(request);
    let targetUrl: URL;
    try {
      targetUrl = new URL(target);
    } catch {
      throw new LaunchRefused(400, 'Not a MentorKit link', 'target_link_uri is not a URL.');
    }
    if (targetUrl.origin !== new URL(base).origin)
      throw new LaunchRefused(400, 'Not a MentorKit link', `The link points to ${targetUrl.origin}, not to this MentorKit (${new URL(base).origin}).`);
    // Anyone can start a login: pending ones are capped (they expire within minutes).
    const pending = await pool.query<{ count: string }>('SELECT count(*) FROM (SELECT 1 FROM mk_lti_states WHERE expires_at > now() LIMIT $1) AS live', [
      MAX_PENDING_LOGINS,
    ]);
    if (Number(pending.rows[0]!.count) >= MAX_PENDING_LOGINS) {
      await pool.query('DELETE FROM mk_lti_states WHERE expires_at <= now()');
      options.log(`LTI: ${MAX_PENDING_LOGINS} logins are waiting for their launch; refusing more until some finish or expire`);
      throw new LaunchRefused(503, 'Too many launches at once', 'MentorKit is handling too many launches right now.', 'Try again in a minute.');
    }
    const state = randomBytes(24).toString('base64url');
    const nonce = randomBytes(24).toString('base64url');
    await pool.query(`INSERT INTO mk_lti_states (state, nonce, platform_id, expires_at) VALUES ($1, $2, $3, now() + interval '${STATE_MINUTES} minutes')`, [
      state,
      nonce,
      platform.id,
    ]);
    const redirect = new URL(platform.authEndpoint);
    const query = {
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: platform.clientId,
      redirect_uri: `${base}/lti/launch`,
      login_hint: loginHint,
      state,
      nonce,
      ...(params.get('lti_message_hint') ? { lti_message_hint: params.get('lti_message_hint')! } : {}),
    };
    for (const [key, value] of Object.entries(query)) redirect.searchParams.set(key, value);
    response.writeHead(302, { Location: redirect.href, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    response.end();
  };

  // ─── launch ─────────────────────────────────────────────────────────────────────────────────

  const verifyIdToken = async (idToken: string, platform: LtiPlatform, expectedNonce: string): Promise<JWTPayload> => {
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(idToken).alg;
    } catch {
      throw new LaunchRefused(400, 'This launch is not valid', 'The id_token is not a signed JWT.');
    }
    if (typeof alg !== 'string' || !PLATFORM_ALGORITHMS.includes(alg))
      throw new LaunchRefused(
        401,
        'This launch is not signed',
        `The id_token is signed with ${JSON.stringify(alg)}; LTI launches must be signed with the platform's key (RS256).`,
      );
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(idToken, platformKeys(platform), {
        issuer: platform.issuer,
        audience: platform.clientId,
        algorithms: PLATFORM_ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iat', 'nonce'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired)
        throw new LaunchRefused(401, 'This launch has expired', 'The LMS signed this launch too long ago.', 'Open MentorKit from the course again.');
      if (error instanceof joseErrors.JWTClaimValidationFailed) {
        if (error.claim === 'aud')
          throw new LaunchRefused(401, 'This launch is for another tool', `The id_token's audience is not this tool's client id (${platform.clientId}).`);
        if (error.claim === 'iss')
          throw new LaunchRefused(401, 'This launch is not valid', 'The id_token was issued by another platform than the one the login started with.');
        throw new LaunchRefused(401, 'This launch is not valid', `The id_token's "${error.claim}" claim is not acceptable (${error.reason}).`);
      }
      if (error instanceof joseErrors.JWSSignatureVerificationFailed || error instanceof joseErrors.JWKSNoMatchingKey)
        throw new LaunchRefused(
          401,
          'This launch is not genuine',
          "Its signature does not verify with the LMS's published keys: it was signed by someone else, or changed on the way.",
        );
      if (
        error instanceof joseErrors.JWKSTimeout ||
        error instanceof joseErrors.JWKSInvalid ||
        error instanceof TypeError ||
        (error as { code?: string }).code === 'forbidden' ||
        error instanceof MentorKitError
      ) {
        options.log(`LTI: the key set of ${platform.issuer} (${platform.jwksUrl}) could not be read: ${(error as Error).message}`);
        throw new LaunchRefused(
          503,
          "The LMS's keys could not be read",
          "MentorKit could not fetch the LMS's public keys to check this launch.",
          "Try again in a moment; if it goes on, the operator checks the platform's JWKS URL.",
        );
      }
      throw new LaunchRefused(401, 'This launch is not valid', 'The id_token could not be verified.');
    }
    if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== platform.clientId)
      throw new LaunchRefused(401, 'This launch is for another tool', 'The id_token names several audiences but its "azp" is not this tool.');
    if (payload.azp !== undefined && payload.azp !== platform.clientId)
      throw new LaunchRefused(401, 'This launch is for another tool', 'The id_token\'s "azp" is not this tool\'s client id.');
    if (typeof payload.iat === 'number' && payload.iat > now().getTime() / 1000 + CLOCK_TOLERANCE_SECONDS)
      throw new LaunchRefused(401, 'This launch is not valid', "The id_token was issued in the future; the LMS's clock is wrong.");
    if (payload.nonce !== expectedNonce) throw new LaunchRefused(401, 'This launch is not valid', "The id_token's nonce is not the one this login asked for.");
    // The nonce once: a replayed id_token (with a fresh state) is refused.
    const expires =
      typeof payload.exp === 'number' ? new Date(Math.min(payload.exp * 1000 + 120_000, Date.now() + 86_400_000)) : new Date(Date.now() + 3_600_000);
    const stored = await pool.query('INSERT INTO mk_lti_nonces (platform_id, nonce, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      platform.id,
      String(payload.nonce),
      expires,
    ]);
    if (stored.rowCount === 0)
      throw new LaunchRefused(
        401,
        'This launch was already used',
        'Each launch can be used once; this one has been used before.',
        'Open MentorKit from the course again.',
      );
    return payload;
  };

  /** The claims MentorKit needs, checked. */
  const readClaims = (payload: JWTPayload, platform: LtiPlatform, base: string) => {
    const version = payload[LTI_CLAIM.version];
    if (version !== '1.3.0') throw new LaunchRefused(400, 'Unsupported LTI version', `This tool speaks LTI 1.3.0; the launch says ${JSON.stringify(version)}.`);
    const messageType = payload[LTI_CLAIM.messageType];
    if (messageType !== 'LtiResourceLinkRequest' && messageType !== 'LtiDeepLinkingRequest')
      throw new LaunchRefused(
        400,
        'Unsupported message',
        `MentorKit handles resource link launches and deep linking; this launch is ${JSON.stringify(messageType)}.`,
      );
    const deploymentId = payload[LTI_CLAIM.deploymentId];
    if (!isText(deploymentId, 255) || !platform.deploymentIds.includes(deploymentId))
      throw new LaunchRefused(
        403,
        'Unknown deployment',
        `The deployment ${JSON.stringify(deploymentId)} of ${platform.issuer} is not registered with MentorKit.`,
        "Ask the MentorKit operator to add the deployment id to the platform's registration.",
      );
    if (!isText(payload.sub, 255))
      throw new LaunchRefused(
        400,
        'Who is launching?',
        'The launch does not say who you are (no "sub"): anonymous launches cannot use MentorKit.',
        "Ask the LMS administrator to share the user's identity with MentorKit.",
      );
    const roles = payload[LTI_CLAIM.roles];
    if (!Array.isArray(roles)) throw new LaunchRefused(400, 'This launch is not valid', 'The launch has no roles claim.');
    const target = payload[LTI_CLAIM.targetLinkUri];
    if (messageType === 'LtiResourceLinkRequest') {
      const link = payload[LTI_CLAIM.resourceLink];
      if (!isObject(link) || !isText(link.id, 255))
        throw new LaunchRefused(400, 'This launch is not valid', 'A resource link launch must name its resource link (resource_link.id).');
      if (typeof target === 'string') {
        try {
          if (new URL(target).origin !== new URL(base).origin) throw new Error('elsewhere');
        } catch {
          throw new LaunchRefused(400, 'Not a MentorKit link', "The launch's target_link_uri is not on this MentorKit.");
        }
      }
    }
    const context = payload[LTI_CLAIM.context];
    const contextId = isObject(context) && isText(context.id, 255) ? context.id : undefined;
    if (!contextId && !platform.programId)
      throw new LaunchRefused(
        400,
        'Open MentorKit from a course',
        'This launch is not from a course (no context), and the platform is not tied to one programme.',
      );
    const custom = isObject(payload[LTI_CLAIM.custom]) ? (payload[LTI_CLAIM.custom] as Record<string, unknown>) : {};
    const presentation = isObject(payload[LTI_CLAIM.launchPresentation]) ? (payload[LTI_CLAIM.launchPresentation] as Record<string, unknown>) : {};
    const nrps = payload[LTI_CLAIM.nrps];
    const name = [payload.name, [payload.given_name, payload.family_name].filter((part) => isText(part, 100)).join(' ')].find((candidate) =>
      isText(candidate, 120),
    ) as string | undefined;
    const email = typeof payload.email === 'string' && /^[^\s@]+@[^\s@]+$/.test(payload.email) && payload.email.length <= 254 ? payload.email : undefined;
    return {
      messageType: messageType as 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest',
      deploymentId,
      subject: payload.sub,
      roles: roles.filter((role): role is string => typeof role === 'string'),
      contextId,
      contextTitle: isObject(context) ? ([context.title, context.label].find((candidate) => isText(candidate, 160)) as string | undefined) : undefined,
      widget: [custom.mentorkit_widget, custom.widget].find(isWidget),
      locale: isText(presentation.locale, 35) ? presentation.locale : undefined,
      returnUrl: isText(presentation.return_url, 2000) ? presentation.return_url : undefined,
      membershipsUrl: isObject(nrps) && isText(nrps.context_memberships_url, 2000) ? nrps.context_memberships_url : undefined,
      deepLinking: isObject(payload[LTI_CLAIM.deepLinkingSettings]) ? (payload[LTI_CLAIM.deepLinkingSettings] as Record<string, unknown>) : undefined,
      name,
      email,
    };
  };

  /** Writes a record as the server (no policy: the launch is the authority), publishing the change. */
  const upsert = async (collection: string, id: string, change: (current: StoredRecord | undefined) => Record<string, unknown> | undefined) => {
    const outcome = await withRecordLock(pool, collection, id, async (client: PoolClient) => {
      const current = await readCurrent(client, collection, id);
      const next = change(current.record);
      if (!next) return undefined;
      const { revision: _revision, updatedAt: _updatedAt, ...input } = next as StoredRecord;
      const record = prepareRecord(collection, { ...input, id });
      if (current.record && JSON.stringify({ ...current.record, revision: 0, updatedAt: '' }) === JSON.stringify({ ...record, revision: 0, updatedAt: '' }))
        return undefined;
      const stored = nextStoredRecord(collection, current.record, record, undefined, now().toISOString(), current.tombstoneRevision);
      await writeRecord(client, collection, stored);
      return { record: stored, ...(current.record ? { previous: current.record } : {}) };
    });
    if (outcome) options.publish({ collection, id, ...outcome });
    return outcome?.record;
  };

  /** The programme of a course (made on its first launch). */
  const programOf = async (
    platform: LtiPlatform,
    contextId: string | undefined,
    title: string | undefined,
    membershipsUrl: string | undefined,
  ): Promise<string> => {
    if (platform.programId) {
      const fixed = platform.programId;
      await upsert(Collections.programs, fixed, (current) =>
        current ? undefined : { id: fixed, name: title ?? platform.name ?? 'Mentoring programme', adminIds: [] },
      );
      if (contextId)
        await pool.query(
          'INSERT INTO mk_lti_contexts (platform_id, context_id, program_id, title, memberships_url) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (platform_id, context_id) DO UPDATE SET title = EXCLUDED.title, memberships_url = COALESCE(EXCLUDED.memberships_url, mk_lti_contexts.memberships_url)',
          [platform.id, contextId, platform.programId, title ?? null, membershipsUrl ?? null],
        );
      return platform.programId;
    }
    const programId = `lti-${hash(platform.id, contextId!)}`;
    const { rows } = await pool.query<{ program_id: string }>(
      `INSERT INTO mk_lti_contexts (platform_id, context_id, program_id, title, memberships_url) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (platform_id, context_id) DO UPDATE SET title = EXCLUDED.title, memberships_url = COALESCE(EXCLUDED.memberships_url, mk_lti_contexts.memberships_url)
       RETURNING program_id`,
      [platform.id, contextId, programId, title ?? null, membershipsUrl ?? null],
    );
    const id = rows[0]!.program_id;
    await upsert(Collections.programs, id, (current) => (current ? undefined : { id, name: title ?? 'Course mentoring programme', adminIds: [] }));
    return id;
  };

  /** The MentorKit person of a platform's user (made on first sight), their roles and programme brought up to date. */
  const personOf = async (
    platform: LtiPlatform,
    person: { subject: string; name?: string; email?: string; roles: MentorKitRole[] },
    programId: string,
    active: boolean,
    launching = false,
  ) => {
    const personId = `lti-${hash(platform.id, person.subject)}`;
    await pool.query('INSERT INTO mk_lti_people (platform_id, subject, person_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      platform.id,
      person.subject,
      personId,
    ]);
    // Whether this is the person's first launch (a roster may have brought them in before): once only.
    let firstLaunch = false;
    if (launching) {
      const { rowCount } = await pool.query('UPDATE mk_lti_people SET launched_at = now() WHERE platform_id = $1 AND subject = $2 AND launched_at IS NULL', [
        platform.id,
        person.subject,
      ]);
      firstLaunch = rowCount === 1;
    }
    let created = false;
    await upsert(Collections.people, personId, (current) => {
      created = !current;
      const programIds = [...new Set([...((current?.programIds as string[] | undefined) ?? []), programId])];
      const inactive = ((current?.inactiveProgramIds as string[] | undefined) ?? []).filter((id) => id !== programId);
      if (!active) inactive.push(programId);
      const roles = [...new Set([...((current?.roles as string[] | undefined) ?? []), ...person.roles])];
      return {
        ...(current ?? { timeZone: 'UTC' }),
        displayName: person.name ?? (current?.displayName as string | undefined) ?? 'Course member',
        ...(person.email ? { email: person.email } : {}),
        roles: roles.length > 0 ? roles : ['mentee'],
        programIds,
        ...(inactive.length > 0 || current?.inactiveProgramIds ? { inactiveProgramIds: inactive } : {}),
      };
    });
    // Programme admins follow the course: an Instructor or Administrator is one; someone who no longer is, is not.
    await upsert(Collections.programs, programId, (current) => {
      if (!current) return undefined;
      const admins = (current.adminIds as string[]) ?? [];
      const isAdmin = person.roles.includes('admin') && active;
      if (isAdmin === admins.includes(personId)) return undefined;
      return { ...current, adminIds: isAdmin ? [...admins, personId].slice(0, 50) : admins.filter((id) => id !== personId) };
    });
    return { personId, created, firstLaunch };
  };

  const issueSessionToken = async (personId: string, launchedAt: number, platformId: string) => {
    const issuedAt = Math.floor(now().getTime() / 1000);
    const expiresAt = Math.min(issuedAt + tokenMinutes * 60, launchedAt + sessionHours * 3600);
    const token = await new SignJWT({ launched: launchedAt, platform: platformId })
      .setProtectedHeader({ alg: 'HS256', typ: SESSION_TYPE })
      .setIssuer(SESSION_ISSUER)
      .setAudience('mentorkit')
      .setSubject(personId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID())
      .sign(sessionKey);
    return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
  };

  const launch = async (request: http.IncomingMessage, url: URL, response: http.ServerResponse) => {
    const params = await readParams(request, url);
    if (params.get('error'))
      throw new LaunchRefused(
        400,
        'The LMS refused the launch',
        `${params.get('error')}${params.get('error_description') ? `: ${params.get('error_description')}` : ''}`.slice(0, 500),
        'Try again from the course; if it goes on, ask the LMS administrator.',
      );
    const idToken = params.get('id_token');
    const state = params.get('state');
    if (!idToken || !state)
      throw new LaunchRefused(
        400,
        'This is not an LTI launch',
        'A launch must carry id_token and state (posted by the LMS).',
        'Open MentorKit from a link in your course.',
      );
    const { rows } = await pool.query<{ nonce: string; platform_id: string; expired: boolean }>(
      'DELETE FROM mk_lti_states WHERE state = $1 RETURNING nonce, platform_id, expires_at < now() AS expired',
      [state],
    );
    const started = rows[0];
    if (!started)
      throw new LaunchRefused(
        401,
        'This launch has expired or was already used',
        'The login this launch belongs to is unknown, already used, or too old.',
        'Open MentorKit from the course again.',
      );
    if (started.expired)
      throw new LaunchRefused(
        401,
        'This launch has expired',
        `A launch must follow its login within ${STATE_MINUTES} minutes.`,
        'Open MentorKit from the course again.',
      );
    const platform = await platformById(started.platform_id);
    if (!platform) throw new LaunchRefused(401, 'This LMS is not registered', 'The platform of this login was removed.');
    // The LMS may frame the page: its issuer and login addresses, and (once the launch is verified) the
    // addresses it returns to — Canvas' issuer is canvas.instructure.com while a school's Canvas is elsewhere.
    const frameAncestors = [platform.issuer, platform.authEndpoint];
    try {
      const payload = await verifyIdToken(idToken, platform, started.nonce);
      const base = toolUrl(request);
      const claims = readClaims(payload, platform, base);
      for (const url of [claims.returnUrl, claims.deepLinking?.deep_link_return_url])
        if (typeof url === 'string' && /^https?:\/\//.test(url)) frameAncestors.push(url);
      const roles = mentorKitRoles(claims.roles, platform.roles, { subject: claims.subject, ...(claims.email ? { email: claims.email } : {}) });
      if (roles.length === 0)
        throw new LaunchRefused(
          403,
          'No MentorKit role for you here',
          `Your role in this course (${claims.roles.map((role) => role.replace(/^.*[#/]/, '')).join(', ') || 'none'}) has no place in the mentoring programme.`,
          "Ask the course's teacher to add you as a learner, mentor or teacher.",
        );
      const programId = await programOf(platform, claims.contextId, claims.contextTitle, claims.membershipsUrl);
      const { personId, firstLaunch } = await personOf(
        platform,
        { subject: claims.subject, ...(claims.name ? { name: claims.name } : {}), ...(claims.email ? { email: claims.email } : {}), roles },
        programId,
        true,
        true,
      );
      options.log(
        `LTI: ${claims.messageType === 'LtiDeepLinkingRequest' ? 'deep linking' : 'launch'} by ${personId} (${roles.join(', ')}) in programme ${programId} from ${platform.issuer}`,
      );
      if (claims.contextId && claims.membershipsUrl) void syncSoon(platform.id, claims.contextId);

      if (claims.messageType === 'LtiDeepLinkingRequest') {
        if (!roles.includes('admin'))
          throw new LaunchRefused(
            403,
            'Only teachers add MentorKit to a course',
            "Placing MentorKit in a course is for the course's teachers and administrators.",
          );
        const settings = claims.deepLinking ?? {};
        const returnUrl = settings.deep_link_return_url;
        if (!isText(returnUrl, 2000) || !/^https?:\/\//.test(returnUrl))
          throw new LaunchRefused(400, 'This launch is not valid', 'A deep linking request must say where to return (deep_link_return_url).');
        const acceptTypes = Array.isArray(settings.accept_types) ? settings.accept_types : [];
        if (acceptTypes.length > 0 && !acceptTypes.includes('ltiResourceLink'))
          throw new LaunchRefused(
            400,
            'Nothing MentorKit can add here',
            `The LMS accepts ${acceptTypes.join(', ')} here; MentorKit adds LTI resource links (ltiResourceLink).`,
          );
        const token = await new SignJWT({
          platform: platform.id,
          deployment: claims.deploymentId,
          returnUrl,
          data: typeof settings.data === 'string' ? settings.data : null,
          multiple: settings.accept_multiple === true,
        })
          .setProtectedHeader({ alg: 'HS256', typ: DEEP_LINK_TYPE })
          .setIssuer(SESSION_ISSUER)
          .setSubject(personId)
          .setIssuedAt()
          .setExpirationTime('30m')
          .sign(deepLinkKey);
        return sendPage(
          response,
          200,
          (nonce) =>
            deepLinkPickerPage({
              nonce,
              action: `${base}/lti/deep-link`,
              token,
              multiple: settings.accept_multiple === true,
              ...(isText(settings.title, 200) ? { title: settings.title } : {}),
            }),
          { frameAncestors },
        );
      }

      const widget = claims.widget ?? (roles.includes('admin') && !roles.includes('mentee') && !roles.includes('mentor') ? 'pairing-board' : 'home');
      const launchedAt = Math.floor(now().getTime() / 1000);
      const session = await issueSessionToken(personId, launchedAt, platform.id);
      const assetsUrl = options.assetsUrl ?? `${base}/lti/assets`;
      sendPage(
        response,
        200,
        (nonce) =>
          launchPage({
            nonce,
            assetsUrl,
            heading: claims.contextTitle ? `${LTI_WIDGETS[widget]!.title} · ${claims.contextTitle}` : LTI_WIDGETS[widget]!.title,
            data: {
              token: session.token,
              expiresAt: session.expiresAt,
              refreshUrl: `${base}/lti/session`,
              personId,
              programId,
              roles,
              widget,
              baseUrl: base,
              firstLaunch,
              ...(claims.locale ? { locale: claims.locale } : {}),
            },
          }),
        { frameAncestors, scriptOrigins: options.assetsUrl ? [options.assetsUrl] : [] },
      );
    } catch (caught) {
      // What the LMS sent that MentorKit cannot store (e.g. a course title or name it refuses) is a refusal page too.
      const error =
        caught instanceof MentorKitError && caught.code === 'invalid-input'
          ? new LaunchRefused(
              400,
              'MentorKit could not use this launch',
              `The LMS sent something MentorKit cannot store: ${caught.message}`,
              'Ask the LMS administrator to check what the LMS shares with MentorKit.',
            )
          : caught;
      if (error instanceof LaunchRefused) {
        options.log(`LTI: launch refused (${platform.issuer}): ${error.title}: ${error.message}`);
        return sendProblem(response, error, frameAncestors);
      }
      throw error;
    }
  };

  // ─── the launch's token ─────────────────────────────────────────────────────────────────────

  /** Identifies a request carrying a launch's token; undefined when the request carries another kind of credential. */
  const identify = async (request: http.IncomingMessage): Promise<Identification | undefined> => {
    const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match) return undefined;
    let typ: unknown;
    try {
      typ = decodeProtectedHeader(match[1]!).typ;
    } catch {
      return undefined;
    }
    if (typ !== SESSION_TYPE) return undefined;
    try {
      const { payload } = await jwtVerify(match[1]!, sessionKey, {
        algorithms: ['HS256'],
        issuer: SESSION_ISSUER,
        audience: 'mentorkit',
        typ: SESSION_TYPE,
        clockTolerance: 5,
        requiredClaims: ['exp', 'sub'],
      });
      return { kind: 'caller', caller: { kind: 'person', personId: payload.sub! } };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired)
        return { kind: 'refused', reason: 'Your MentorKit session from the course has ended; open MentorKit from the course again.' };
      return { kind: 'refused', reason: 'This MentorKit session token is not valid (changed, or from another server).' };
    }
  };

  const renewSession = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match)
      throw new HttpError(401, new MentorKitError('forbidden', "Send the launch's token as Authorization: Bearer <token>.", { path: 'Authorization' }));
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1]!, sessionKey, {
        algorithms: ['HS256'],
        issuer: SESSION_ISSUER,
        audience: 'mentorkit',
        typ: SESSION_TYPE,
        clockTolerance: 5,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch {
      throw new HttpError(
        401,
        new MentorKitError('forbidden', 'Your MentorKit session from the course has ended; open MentorKit from the course again.', { path: 'Authorization' }),
      );
    }
    const launched = typeof payload.launched === 'number' ? payload.launched : 0;
    if (now().getTime() / 1000 - launched > sessionHours * 3600 - 60)
      throw new HttpError(
        401,
        new MentorKitError('forbidden', `A session from the course lasts ${sessionHours} hours; open MentorKit from the course again.`, {
          path: 'Authorization',
        }),
      );
    // A removed platform's launches end: their pages cannot renew.
    if (typeof payload.platform !== 'string' || !(await platformById(payload.platform)))
      throw new HttpError(
        401,
        new MentorKitError('forbidden', 'The LMS this session came from is no longer registered with MentorKit.', { path: 'Authorization' }),
      );
    options.send(response, 200, await issueSessionToken(payload.sub!, launched, payload.platform));
  };

  // ─── deep linking ───────────────────────────────────────────────────────────────────────────

  const deepLink = async (request: http.IncomingMessage, url: URL, response: http.ServerResponse) => {
    const params = await readParams(request, url);
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(params.get('token') ?? '', deepLinkKey, {
        algorithms: ['HS256'],
        issuer: SESSION_ISSUER,
        typ: DEEP_LINK_TYPE,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch {
      throw new LaunchRefused(
        401,
        'This page has expired',
        'Choosing a widget must finish within 30 minutes of opening the page.',
        'Start again from the course\'s "add an activity" page.',
      );
    }
    const platform = await platformById(String(claims.platform));
    if (!platform) throw new LaunchRefused(401, 'This LMS is not registered', 'The platform of this page was removed.');
    const chosen = params.getAll('widget').filter(isWidget);
    if (chosen.length === 0) throw new LaunchRefused(400, 'Choose a widget', 'Pick at least one widget to add to the course, then press "Add to the course".');
    const items = (claims.multiple ? chosen : chosen.slice(0, 1)).map((key) => ({
      type: 'ltiResourceLink',
      title: `MentorKit: ${LTI_WIDGETS[key]!.title}`,
      text: LTI_WIDGETS[key]!.description,
      url: `${toolUrl(request)}/lti/launch`,
      custom: { mentorkit_widget: key },
    }));
    const jwt = await signWithToolKey(
      {
        iss: platform.clientId,
        aud: platform.issuer,
        nonce: randomBytes(16).toString('base64url'),
        [LTI_CLAIM.messageType]: 'LtiDeepLinkingResponse',
        [LTI_CLAIM.version]: '1.3.0',
        [LTI_CLAIM.deploymentId]: String(claims.deployment),
        [LTI_CLAIM.contentItems]: items,
        ...(typeof claims.data === 'string' ? { [LTI_CLAIM.deepLinkingData]: claims.data } : {}),
      },
      300,
    );
    const returnUrl = String(claims.returnUrl);
    options.log(`LTI: deep link of ${items.map((item) => item.custom.mentorkit_widget).join(', ')} returned to ${platform.issuer}`);
    sendPage(
      response,
      200,
      (nonce) =>
        deepLinkReturnPage({
          nonce,
          returnUrl,
          jwt,
          summary: `Adding ${items.map((item) => item.title.replace(/^MentorKit: /, '')).join(', ')} to the course…`,
        }),
      { frameAncestors: [platform.issuer, platform.authEndpoint], formAction: [returnUrl] },
    );
  };

  // ─── roster (Names and Role Provisioning Services 2.0) ──────────────────────────────────────

  const accessToken = async (platform: LtiPlatform, scope: string): Promise<string> => {
    const cached = accessTokens.get(`${platform.id} ${scope}`);
    if (cached && cached.until > Date.now()) return cached.token;
    if (!platform.tokenEndpoint) throw new Error(`the platform ${platform.issuer} has no token endpoint registered`);
    const assertion = await signWithToolKey(
      { iss: platform.clientId, sub: platform.clientId, aud: platform.tokenAudience ?? platform.tokenEndpoint, jti: randomUUID() },
      300,
    );
    const answer = await options.fetch(platform.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
        scope,
      }).toString(),
    });
    const body = (await answer.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown };
    if (!answer.ok || typeof body.access_token !== 'string')
      throw new Error(
        `the token endpoint answered ${answer.status}${body.error ? ` ${String(body.error)}` : ''}${body.error_description ? `: ${String(body.error_description).slice(0, 200)}` : ''}`,
      );
    const seconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600;
    accessTokens.set(`${platform.id} ${scope}`, { token: body.access_token, until: Date.now() + Math.max(0, seconds - 60) * 1000 });
    return body.access_token;
  };

  /** Reads a course's roster and brings its programme up to date. Returns what changed. */
  const syncRoster = async (platformId: string, contextId: string): Promise<{ members: number; joined: number; inactive: number }> => {
    const platform = await platformById(platformId);
    const { rows } = await pool.query<{ program_id: string; memberships_url: string | null }>(
      'SELECT program_id, memberships_url FROM mk_lti_contexts WHERE platform_id = $1 AND context_id = $2',
      [platformId, contextId],
    );
    const context = rows[0];
    if (!platform || !context?.memberships_url) throw new Error('this course has no roster service');
    const token = await accessToken(platform, NRPS_SCOPE);
    const members: Array<Record<string, unknown>> = [];
    let next: string | undefined = context.memberships_url;
    for (let pageCount = 0; next && pageCount < 100; pageCount += 1) {
      const answer: Response = await options.fetch(next, { headers: { Authorization: `Bearer ${token}`, Accept: NRPS_MEDIA_TYPE } });
      if (!answer.ok) throw new Error(`the roster service answered ${answer.status}`);
      const body = (await answer.json()) as { members?: unknown };
      if (!Array.isArray(body.members)) throw new Error('the roster service answered without "members"');
      for (const member of body.members) if (isObject(member)) members.push(member);
      if (members.length > 20_000) throw new Error('the roster has more than 20,000 members');
      const link: string | undefined = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(answer.headers.get('link') ?? '')?.[1];
      next = link ? new URL(link, next).href : undefined;
    }
    const listed = new Set<string>();
    let joined = 0;
    let inactive = 0;
    for (const member of members) {
      if (!isText(member.user_id, 255)) continue;
      const roles = mentorKitRoles(Array.isArray(member.roles) ? (member.roles as string[]) : [], platform.roles, {
        subject: member.user_id,
        ...(typeof member.email === 'string' ? { email: member.email } : {}),
      });
      if (roles.length === 0) continue;
      const active = member.status === undefined || member.status === 'Active';
      if (active) listed.add(member.user_id);
      const name = [member.name, [member.given_name, member.family_name].filter((part) => isText(part, 100)).join(' ')].find((candidate) =>
        isText(candidate, 120),
      ) as string | undefined;
      const email = typeof member.email === 'string' && /^[^\s@]+@[^\s@]+$/.test(member.email) && member.email.length <= 254 ? member.email : undefined;
      const { created } = await personOf(
        platform,
        { subject: member.user_id, ...(name ? { name } : {}), ...(email ? { email } : {}), roles },
        context.program_id,
        active,
      );
      if (created && active) joined += 1;
      if (!active) inactive += 1;
    }
    // People of this platform in the programme whom the roster no longer lists: inactive, never deleted.
    // When several courses feed one programme (the platform's programId), one course's roster does not
    // say who left the programme: only people in none of them are marked, by a sync of each course.
    const courses = await pool.query<{ context_id: string }>('SELECT context_id FROM mk_lti_contexts WHERE platform_id = $1 AND program_id = $2', [
      platformId,
      context.program_id,
    ]);
    const known =
      courses.rows.length > 1
        ? { rows: [] as Array<{ subject: string; person_id: string }> }
        : await pool.query<{ subject: string; person_id: string }>('SELECT subject, person_id FROM mk_lti_people WHERE platform_id = $1', [platformId]);
    if (courses.rows.length > 1)
      options.log(
        `LTI: ${courses.rows.length} courses of ${platform.issuer} feed programme ${context.program_id}: leavers are not marked inactive from one course's roster`,
      );
    for (const row of known.rows) {
      if (listed.has(row.subject)) continue;
      const changed = await upsert(Collections.people, row.person_id, (current) => {
        if (!current || !((current.programIds as string[] | undefined) ?? []).includes(context.program_id)) return undefined;
        const already = (current.inactiveProgramIds as string[] | undefined) ?? [];
        return already.includes(context.program_id) ? undefined : { ...current, inactiveProgramIds: [...already, context.program_id] };
      });
      if (changed) inactive += 1;
    }
    await pool.query('UPDATE mk_lti_contexts SET synced_at = now(), sync_problem = NULL WHERE platform_id = $1 AND context_id = $2', [platformId, contextId]);
    options.log(`LTI: roster of ${contextId} (${platform.issuer}) synced: ${members.length} members, ${joined} joined, ${inactive} inactive`);
    return { members: members.length, joined, inactive };
  };

  /** Syncs a course's roster unless it was synced in the last 10 minutes (claimed, so one instance does it). */
  const syncSoon = async (platformId: string, contextId: string) => {
    const { rowCount } = await pool.query(
      "UPDATE mk_lti_contexts SET synced_at = now() WHERE platform_id = $1 AND context_id = $2 AND memberships_url IS NOT NULL AND (synced_at IS NULL OR synced_at < now() - interval '10 minutes')",
      [platformId, contextId],
    );
    if (!rowCount) return;
    try {
      await syncRoster(platformId, contextId);
    } catch (error) {
      const problem = (error as Error).message.slice(0, 500);
      options.log(`LTI: roster of ${contextId} could not be synced: ${problem}`);
      await pool
        .query('UPDATE mk_lti_contexts SET sync_problem = $3 WHERE platform_id = $1 AND context_id = $2', [platformId, contextId, problem])
        .catch(() => undefined);
    }
  };

  /** Scheduled: every course whose roster is due. */
  const syncDue = async () => {
    if (syncing || !options.running()) return;
    syncing = true;
    try {
      await pool.query("DELETE FROM mk_lti_states WHERE expires_at < now() - interval '1 hour'");
      await pool.query('DELETE FROM mk_lti_nonces WHERE expires_at < now()');
      const { rows } = await pool.query<{ platform_id: string; context_id: string }>(
        `UPDATE mk_lti_contexts SET synced_at = now() WHERE (platform_id, context_id) IN (
           SELECT platform_id, context_id FROM mk_lti_contexts WHERE memberships_url IS NOT NULL AND (synced_at IS NULL OR synced_at < now() - make_interval(mins => $1)) LIMIT 20 FOR UPDATE SKIP LOCKED)
         RETURNING platform_id, context_id`,
        [rosterMinutes],
      );
      for (const row of rows) {
        if (!options.running()) break;
        await syncRoster(row.platform_id, row.context_id).catch(async (error: Error) => {
          options.log(`LTI: roster of ${row.context_id} could not be synced: ${error.message}`);
          await pool
            .query('UPDATE mk_lti_contexts SET sync_problem = $3 WHERE platform_id = $1 AND context_id = $2', [
              row.platform_id,
              row.context_id,
              error.message.slice(0, 500),
            ])
            .catch(() => undefined);
        });
      }
    } catch (error) {
      options.log(`LTI: scheduled roster sync failed: ${(error as Error).message}`);
    } finally {
      syncing = false;
    }
  };

  // ─── dynamic registration ───────────────────────────────────────────────────────────────────

  const createInvite = async (programId: string | undefined, hours: number) => {
    const id = randomBytes(18).toString('base64url');
    await pool.query(`INSERT INTO mk_lti_invites (id, program_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))`, [
      id,
      programId ?? null,
      hours,
    ]);
    const { rows } = await pool.query<{ expires_at: Date }>('SELECT expires_at FROM mk_lti_invites WHERE id = $1', [id]);
    return { id, expiresAt: rows[0]!.expires_at.toISOString() };
  };

  const register = async (request: http.IncomingMessage, url: URL, response: http.ServerResponse) => {
    const params = await readParams(request, url);
    const invite = params.get('invite') ?? '';
    const configurationUrl = params.get('openid_configuration');
    const registrationToken = params.get('registration_token');
    if (!configurationUrl)
      throw new LaunchRefused(
        400,
        'Not a registration',
        'Dynamic registration is started by the LMS, which adds openid_configuration (and registration_token) to this address.',
        'Paste the registration URL the MentorKit operator gave you into the LMS\'s "register a tool" page.',
      );
    const { rows: invites } = await pool.query<{ program_id: string | null }>(
      'UPDATE mk_lti_invites SET used_at = now() WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING program_id',
      [invite],
    );
    if (invites.length === 0)
      throw new LaunchRefused(
        403,
        'This registration link is not valid',
        'The invitation in this registration URL is unknown, already used or expired.',
        'Ask the MentorKit operator for a new registration URL (mentorkit-server lti invite).',
      );
    const base = toolUrl(request);
    try {
      const configUrl = checkUrl(configurationUrl, 'openid_configuration', options.devAuth);
      const configAnswer = await options.fetch(configUrl, { headers: { Accept: 'application/json' } });
      if (!configAnswer.ok) throw new Error(`the LMS's configuration (${configUrl}) answered ${configAnswer.status}`);
      const config = (await configAnswer.json()) as Record<string, unknown>;
      const issuer = config.issuer;
      if (!isText(issuer, 500) || !configUrl.startsWith(issuer.replace(/\/$/, '')))
        throw new Error("the configuration's issuer does not match the address it was read from");
      const platformConfig = isObject(config['https://purl.imsglobal.org/spec/lti-platform-configuration'])
        ? (config['https://purl.imsglobal.org/spec/lti-platform-configuration'] as Record<string, unknown>)
        : {};
      const registration = {
        application_type: 'web',
        response_types: ['id_token'],
        grant_types: ['implicit', 'client_credentials'],
        initiate_login_uri: `${base}/lti/login`,
        redirect_uris: [`${base}/lti/launch`],
        client_name: 'MentorKit',
        jwks_uri: `${base}/lti/jwks`,
        token_endpoint_auth_method: 'private_key_jwt',
        scope: NRPS_SCOPE,
        'https://purl.imsglobal.org/spec/lti-tool-configuration': {
          domain: new URL(base).host,
          target_link_uri: `${base}/lti/launch`,
          claims: ['iss', 'sub', 'name', 'given_name', 'family_name', 'email'],
          messages: [
            { type: 'LtiDeepLinkingRequest', target_link_uri: `${base}/lti/launch`, label: 'MentorKit', placements: ['ContentArea'] },
            { type: 'LtiResourceLinkRequest', target_link_uri: `${base}/lti/launch`, label: 'MentorKit' },
          ],
          description: 'Mentoring: pairing, goals, scheduling across time zones, coaching sessions and messages.',
        },
      };
      const registrationEndpoint = checkUrl(config.registration_endpoint, 'registration_endpoint', options.devAuth);
      const answer = await options.fetch(registrationEndpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          ...(registrationToken ? { Authorization: `Bearer ${registrationToken}` } : {}),
        },
        body: JSON.stringify(registration),
      });
      const registered = (await answer.json().catch(() => ({}))) as Record<string, unknown>;
      if (!answer.ok || !isText(registered.client_id, 500))
        throw new Error(`the LMS's registration endpoint answered ${answer.status}${registered.error ? ` ${String(registered.error)}` : ''}`);
      const toolConfig = isObject(registered['https://purl.imsglobal.org/spec/lti-tool-configuration'])
        ? (registered['https://purl.imsglobal.org/spec/lti-tool-configuration'] as Record<string, unknown>)
        : {};
      const deploymentId = toolConfig.deployment_id;
      const { platform } = await registerPlatform(
        parsePlatformInput(
          {
            issuer,
            clientId: registered.client_id,
            deploymentIds: isText(deploymentId, 255) ? [deploymentId] : ['1'],
            authEndpoint: config.authorization_endpoint,
            tokenEndpoint: config.token_endpoint,
            jwksUrl: config.jwks_uri,
            ...(invites[0]!.program_id ? { programId: invites[0]!.program_id } : {}),
            ...(isText(platformConfig.product_family_code, 100) ? { name: platformConfig.product_family_code } : {}),
          },
          options.devAuth,
        ),
      );
      sendPage(response, 200, (nonce) => registrationDonePage({ nonce, platformName: platform.name ?? platform.issuer, clientId: platform.clientId }), {
        frameAncestors: [platform.issuer],
      });
    } catch (error) {
      // The invitation stays usable after a failure that was not the LMS's answer to a good request.
      await pool.query('UPDATE mk_lti_invites SET used_at = NULL WHERE id = $1', [invite]).catch(() => undefined);
      if (error instanceof LaunchRefused) throw error;
      throw new LaunchRefused(
        502,
        'Registration did not finish',
        `MentorKit could not register with the LMS: ${(error as Error).message}.`,
        "Check the LMS's address and try again; the registration URL can be used again.",
      );
    }
  };

  // ─── operator endpoints (service token) ─────────────────────────────────────────────────────

  const requireService = async (request: http.IncomingMessage) => {
    const identification = await options.identify(request);
    if (identification.kind === 'caller' && identification.caller.kind === 'service') return;
    throw new HttpError(
      identification.kind === 'anonymous' || identification.kind === 'refused' ? 401 : 403,
      new MentorKitError('forbidden', 'Registering LMS platforms needs the service token (Authorization: Bearer <MENTORKIT_SERVICE_TOKEN>).', {
        path: 'Authorization',
      }),
    );
  };

  // ─── assets ─────────────────────────────────────────────────────────────────────────────────

  const serveAsset = async (segments: string[], response: http.ServerResponse) => {
    const { readFile } = await import('node:fs/promises');
    const path = await import('node:path');
    if (!options.assetsDir)
      throw new MentorKitError(
        'not-found',
        "The elements are not served here: build @mentorkit/elements (npm run build) or set the launch page's assets URL.",
        { path: 'url' },
      );
    const relative = segments.slice(2);
    // eslint-disable-next-line no-control-regex -- a NUL in a path segment is refused on purpose
    if (relative.length === 0 || relative.some((part) => part === '' || part === '.' || part === '..' || /[\\/\u0000]/.test(part)))
      throw new MentorKitError('not-found', 'No such asset.', { path: 'url' });
    const file = path.join(options.assetsDir, ...relative);
    if (!file.startsWith(path.resolve(options.assetsDir) + path.sep)) throw new MentorKitError('not-found', 'No such asset.', { path: 'url' });
    const types: Record<string, string> = {
      '.js': 'text/javascript; charset=utf-8',
      '.css': 'text/css; charset=utf-8',
      '.map': 'application/json; charset=utf-8',
    };
    const type = types[path.extname(file)];
    if (!type) throw new MentorKitError('not-found', 'No such asset.', { path: 'url' });
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      throw new MentorKitError('not-found', `No asset ${relative.join('/')}.`, { path: 'url' });
    }
    response.writeHead(200, {
      'Content-Type': type,
      'Cache-Control': 'public, max-age=300',
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    response.end(body);
  };

  // ─── routing ────────────────────────────────────────────────────────────────────────────────

  /** Handles `/lti/…`; returns false when the path is not one of these. */
  const handle = async (segments: string[], method: string, request: http.IncomingMessage, url: URL, response: http.ServerResponse): Promise<boolean> => {
    const where = segments.slice(1).join('/');
    const methods = (allowed: string) => {
      if (!allowed.split(', ').includes(method))
        throw new HttpError(405, new MentorKitError('unsupported', `${method} is not supported here; use ${allowed}.`, { path: 'method' }), { Allow: allowed });
    };
    try {
      if (where === 'jwks') {
        methods('GET, HEAD');
        options.send(response, 200, await publicKeys(), { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' });
        return true;
      }
      if (segments[1] === 'assets') {
        methods('GET, HEAD');
        await serveAsset(segments, response);
        return true;
      }
      if (where === 'login') {
        methods('GET, POST');
        await login(request, url, response);
        return true;
      }
      if (where === 'launch') {
        methods('POST');
        await launch(request, url, response);
        return true;
      }
      if (where === 'deep-link') {
        methods('POST');
        await deepLink(request, url, response);
        return true;
      }
      if (where === 'register') {
        methods('GET, POST');
        await register(request, url, response);
        return true;
      }
      if (where === 'session') {
        methods('POST');
        await renewSession(request, response);
        return true;
      }
      if (where === 'platforms') {
        methods('GET, POST');
        await requireService(request);
        if (method === 'GET') {
          const { rows } = await pool.query<PlatformRow>('SELECT * FROM mk_lti_platforms ORDER BY created_at, id');
          options.send(response, 200, { platforms: rows.map(toPlatform) });
          return true;
        }
        const input = parsePlatformInput(await options.readJson(request, 64 * 1024), options.devAuth);
        const { platform, created } = await registerPlatform(input);
        options.send(response, created ? 201 : 200, { platform, tool: toolConfiguration(request) });
        return true;
      }
      if (segments[1] === 'platforms' && segments.length === 3) {
        methods('GET, DELETE');
        await requireService(request);
        const platform = await platformById(segments[2]!);
        if (!platform) throw new MentorKitError('not-found', `No platform ${segments[2]} is registered.`, { path: 'id' });
        if (method === 'DELETE') {
          await pool.query('DELETE FROM mk_lti_platforms WHERE id = $1', [platform.id]);
          options.log(`LTI: platform ${platform.issuer} (client ${platform.clientId}) removed`);
          options.send(response, 200, { removed: platform.id });
          return true;
        }
        options.send(response, 200, { platform });
        return true;
      }
      if (where === 'invites') {
        methods('POST');
        await requireService(request);
        const input = (await options.readJson(request, 4096)) ?? {};
        const programId = isObject(input) && input.programId !== undefined ? input.programId : undefined;
        if (programId !== undefined && !isText(programId, 200))
          throw new MentorKitError('invalid-input', '`programId` must be a programme id.', { path: 'programId' });
        const hours = isObject(input) && input.hours !== undefined ? input.hours : 72;
        if (!(typeof hours === 'number' && Number.isInteger(hours) && hours >= 1 && hours <= 720))
          throw new MentorKitError('invalid-input', '`hours` must be a whole number of hours from 1 to 720.', { path: 'hours' });
        const invite = await createInvite(programId as string | undefined, hours);
        options.send(response, 201, { registrationUrl: `${toolUrl(request)}/lti/register?invite=${invite.id}`, expiresAt: invite.expiresAt });
        return true;
      }
      if (segments[1] === 'rosters' && segments.length === 4) {
        methods('POST');
        await requireService(request);
        try {
          options.send(response, 200, await syncRoster(segments[2]!, segments[3]!));
        } catch (error) {
          if (error instanceof MentorKitError || error instanceof HttpError) throw error;
          throw new HttpError(502, new MentorKitError('storage-error', `The roster could not be synced: ${(error as Error).message}.`, { path: 'url' }));
        }
        return true;
      }
      if (where === 'configuration') {
        methods('GET');
        options.send(response, 200, toolConfiguration(request));
        return true;
      }
    } catch (error) {
      if (error instanceof LaunchRefused) {
        sendProblem(response, error);
        return true;
      }
      if (error instanceof SyntaxError) {
        sendProblem(response, new LaunchRefused(400, 'Not a launch', "The request's body is not valid."));
        return true;
      }
      throw error;
    }
    return false;
  };

  /** What an LMS administrator types into the LMS (docs/lti.md names each field per LMS). */
  const toolConfiguration = (request: http.IncomingMessage) => {
    const base = toolUrl(request);
    return {
      toolUrl: base,
      loginUrl: `${base}/lti/login`,
      redirectUrl: `${base}/lti/launch`,
      targetLinkUri: `${base}/lti/launch`,
      deepLinkingUrl: `${base}/lti/launch`,
      jwksUrl: `${base}/lti/jwks`,
      registrationUrl: `${base}/lti/register`,
    };
  };

  return {
    handle,
    identify,
    registerPlatform,
    createInvite,
    syncRoster,
    publicKeys,
    start(intervalMs = 60_000) {
      if (timer) return;
      timer = setInterval(() => void syncDue(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

export { escapeHtml, page };
