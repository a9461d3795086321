import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { isIP } from 'node:net';
import { SignJWT, createRemoteJWKSet, decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { isWellFormedText } from './input.js';

/** Who is calling: a person (policy applies) or a trusted service (no policy). */
export type Caller = { kind: 'person'; personId: string } | { kind: 'service' };

/** Identifies the caller from the request, or returns undefined (answered with 401). */
export type Authenticate = (request: http.IncomingMessage) => Caller | undefined | Promise<Caller | undefined>;

/** How the server verifies who is calling (see DESIGN "Identity"). */
export interface IdentityOptions {
  /** HS256 shared secret for host-minted tokens (MENTORKIT_JWT_SECRET); at least 32 characters. */
  jwtSecret?: string;
  /** The host's JWKS (MENTORKIT_JWKS_URL): tokens signed RS256 or ES256 with one of its keys. */
  jwksUrl?: string | URL;
  /** When set, a token's `iss` must equal it (MENTORKIT_JWT_ISSUER). */
  jwtIssuer?: string;
  /** When set, a token's `aud` must contain it (MENTORKIT_JWT_AUDIENCE). */
  jwtAudience?: string;
  /** `Authorization: Bearer <serviceToken>` is a trusted service (MENTORKIT_SERVICE_TOKEN); at least 16 characters. */
  serviceToken?: string;
  /**
   * Local development only: also accept `Bearer dev:<personId>` and serve `POST /dev/token`. Refused
   * on a non-loopback address, and a dev sign-in is only accepted from a request that reached the
   * server on a loopback interface.
   */
  devAuth?: boolean;
  /**
   * The host's own check (a session cookie, a header its gateway sets). Runs first; when it returns
   * undefined, the bearer schemes above are tried.
   */
  authenticate?: Authenticate;
}

/** The outcome of identifying a request. */
export type Identification =
  | { kind: 'caller'; caller: Caller }
  /** No credentials at all. */
  | { kind: 'anonymous' }
  /** Credentials that do not verify: 401 with the reason (what to fix). */
  | { kind: 'refused'; reason: string }
  /** The keys could not be fetched (JWKS unreachable): 503, try again. */
  | { kind: 'unavailable'; reason: string };

export interface Identity {
  identify(request: http.IncomingMessage): Promise<Identification>;
  /** A short-lived HS256 token for `personId` (dev-auth only). */
  issueDevToken(personId: string): Promise<{ token: string; expiresAt: string }>;
  readonly devAuth: boolean;
  /** Whether people can sign in at all (a JWT key, dev-auth or the host's authenticate). */
  readonly identifiesPeople: boolean;
  /** One line for the operator: which schemes are on. */
  describe(): string;
}

/** Lifetime of a token from `POST /dev/token`. */
export const DEV_TOKEN_SECONDS = 15 * 60;
const CLOCK_TOLERANCE_SECONDS = 60;
const JWKS_ALGORITHMS = ['RS256', 'ES256'];

/** An error in the server's configuration: the CLI prints the message and exits with code 2. */
export class ServerConfigurationError extends Error {
  override readonly name = 'ServerConfigurationError';
}

/** Whether `host` is a loopback address or name (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const lower = bare.toLowerCase();
  if (lower === 'localhost' || lower.endsWith('.localhost')) return true;
  if (isIP(lower) === 4) return lower.startsWith('127.');
  if (isIP(lower) === 6) return lower === '::1' || lower === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(lower);
  return false;
}

/** A person id as the records use it: 1–200 characters, no NUL, well-formed Unicode. */
export function isAcceptablePersonId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 && !value.includes('\u0000') && isWellFormedText(value);
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Constant-time comparison of two secrets (of any lengths). */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected)) && given.length === expected.length;
}

/** Checks identity options; throws ServerConfigurationError with what to change. */
export function checkIdentityOptions(options: IdentityOptions): void {
  if (options.jwtSecret !== undefined && (typeof options.jwtSecret !== 'string' || options.jwtSecret.length < 32)) {
    throw new ServerConfigurationError(
      'MENTORKIT_JWT_SECRET (jwtSecret) must be at least 32 characters: a random secret shared with the host that mints the tokens, e.g. `openssl rand -base64 48`.',
    );
  }
  if (options.serviceToken !== undefined && (typeof options.serviceToken !== 'string' || options.serviceToken.length < 16 || /\s/.test(options.serviceToken))) {
    throw new ServerConfigurationError('MENTORKIT_SERVICE_TOKEN (serviceToken) must be at least 16 characters without spaces, e.g. `openssl rand -hex 32`.');
  }
  if (options.jwksUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(String(options.jwksUrl));
    } catch {
      throw new ServerConfigurationError(
        `MENTORKIT_JWKS_URL (jwksUrl) must be an absolute https:// URL of the host's JSON Web Key Set (got ${JSON.stringify(String(options.jwksUrl))}).`,
      );
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
      throw new ServerConfigurationError(
        `MENTORKIT_JWKS_URL (jwksUrl) must use https:// (plain http:// only on a loopback address); got ${url.protocol}//${url.host}.`,
      );
    }
  }
  for (const [name, value] of [
    ['MENTORKIT_JWT_ISSUER (jwtIssuer)', options.jwtIssuer],
    ['MENTORKIT_JWT_AUDIENCE (jwtAudience)', options.jwtAudience],
  ] as const) {
    if (value !== undefined && (typeof value !== 'string' || value.trim() === ''))
      throw new ServerConfigurationError(`${name} must be a non-empty string when set.`);
  }
  if (options.authenticate !== undefined && typeof options.authenticate !== 'function') {
    throw new ServerConfigurationError('`authenticate` must be a function (request) => { kind: "person", personId } | { kind: "service" } | undefined.');
  }
  if (
    (options.jwtIssuer !== undefined || options.jwtAudience !== undefined) &&
    options.jwtSecret === undefined &&
    options.jwksUrl === undefined &&
    !options.devAuth
  ) {
    throw new ServerConfigurationError(
      'MENTORKIT_JWT_ISSUER / MENTORKIT_JWT_AUDIENCE are set, but no key verifies tokens: set MENTORKIT_JWT_SECRET or MENTORKIT_JWKS_URL.',
    );
  }
}

/** What a jose error means for the person who sent the token. */
function explainTokenError(error: unknown, context: { issuer?: string | undefined; audience?: string | undefined; keySource: string }): Identification {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof joseErrors.JWTExpired) {
    const exp = typeof error.payload.exp === 'number' ? new Date(error.payload.exp * 1000).toISOString() : 'an earlier time';
    return { kind: 'refused', reason: `The token expired at ${exp}; get a new token from the host and send it again.` };
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.reason === 'missing')
      return { kind: 'refused', reason: `The token has no "${error.claim}" claim; tokens need "sub" (the person's id) and "exp" (when it expires).` };
    if (error.claim === 'nbf')
      return { kind: 'refused', reason: 'The token is not valid yet (its "nbf" is in the future); check the clock of the host that minted it.' };
    if (error.claim === 'iat')
      return {
        kind: 'refused',
        reason:
          error.reason === 'check_failed'
            ? 'The token was issued in the future (its "iat"); check the clock of the host that minted it.'
            : 'The token\'s "iat" must be a number of seconds since 1970 (when it was issued).',
      };
    if (error.claim === 'iss')
      return {
        kind: 'refused',
        reason: `The token's issuer ("iss") is not ${JSON.stringify(context.issuer)}, which this server is configured to accept (MENTORKIT_JWT_ISSUER).`,
      };
    if (error.claim === 'aud')
      return {
        kind: 'refused',
        reason: `The token's audience ("aud") does not include ${JSON.stringify(context.audience)}, which this server is configured to require (MENTORKIT_JWT_AUDIENCE).`,
      };
    return { kind: 'refused', reason: `The token's "${error.claim}" claim is not acceptable.` };
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed)
    return { kind: 'refused', reason: `The token's signature does not verify with ${context.keySource}; it was signed with another key, or changed.` };
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return { kind: 'refused', reason: 'The token is signed with an algorithm this key does not verify.' };
  if (error instanceof joseErrors.JWKSNoMatchingKey)
    return { kind: 'refused', reason: 'No key in the host\'s key set (MENTORKIT_JWKS_URL) matches the token\'s "kid" and algorithm.' };
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid || (error instanceof TypeError && !code)) {
    return {
      kind: 'unavailable',
      reason: "The host's key set (MENTORKIT_JWKS_URL) could not be fetched, so the token cannot be checked now. Try again shortly.",
    };
  }
  return { kind: 'refused', reason: 'The bearer token is not a well-formed signed JWT (three base64url parts: header, claims, signature).' };
}

/**
 * The server's identity check: the host's `authenticate` first, then `Authorization: Bearer` as the
 * service token, a JWT verified with the configured key (HS256 with the secret, RS256/ES256 with the
 * JWKS; the algorithm comes from the key, never from the token), or — with dev-auth, from loopback
 * only — `dev:<personId>`.
 */
export function createIdentity(options: IdentityOptions): Identity {
  checkIdentityOptions(options);
  const devAuth = options.devAuth === true;
  // Dev tokens are signed with the configured secret, or a random one for this process.
  const hmacSecret = options.jwtSecret ?? (devAuth ? randomBytes(32).toString('base64url') : undefined);
  const hmacKey = hmacSecret === undefined ? undefined : new TextEncoder().encode(hmacSecret);
  const jwks =
    options.jwksUrl === undefined
      ? undefined
      : createRemoteJWKSet(new URL(String(options.jwksUrl)), { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
  const accepted = [
    hmacKey ? `HS256 (${options.jwtSecret ? 'MENTORKIT_JWT_SECRET' : 'a random secret of this process, for dev tokens'})` : '',
    jwks ? 'RS256/ES256 (MENTORKIT_JWKS_URL)' : '',
  ]
    .filter(Boolean)
    .join(' or ');

  const verifyJwt = async (token: string): Promise<Identification> => {
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      return { kind: 'refused', reason: 'The bearer token is not a well-formed signed JWT (three base64url parts: header, claims, signature).' };
    }
    const claimOptions = {
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'sub'],
      ...(options.jwtIssuer ? { issuer: options.jwtIssuer } : {}),
      ...(options.jwtAudience ? { audience: options.jwtAudience } : {}),
    };
    const context = { issuer: options.jwtIssuer, audience: options.jwtAudience };
    let payload: JWTPayload;
    try {
      // Each key verifies its own algorithms only: the secret HS256, the key set RS256/ES256.
      if (alg === 'HS256' && hmacKey) payload = (await jwtVerify(token, hmacKey, { ...claimOptions, algorithms: ['HS256'] })).payload;
      else if (typeof alg === 'string' && JWKS_ALGORITHMS.includes(alg) && jwks)
        payload = (await jwtVerify(token, jwks, { ...claimOptions, algorithms: JWKS_ALGORITHMS })).payload;
      else {
        return {
          kind: 'refused',
          reason: `The token's algorithm ${JSON.stringify(alg)} is not accepted here: this server verifies ${accepted || 'no JWTs (no key is configured)'}.`,
        };
      }
    } catch (error) {
      return explainTokenError(error, {
        ...context,
        keySource: alg === 'HS256' ? 'the shared secret (MENTORKIT_JWT_SECRET)' : "the host's key set (MENTORKIT_JWKS_URL)",
      });
    }
    // jose checks "iat" only against a maximum age: a token minted in the future is refused here.
    if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS) {
      return {
        kind: 'refused',
        reason: `The token was issued in the future ("iat" is ${Math.abs(payload.iat) < 8.64e12 ? new Date(payload.iat * 1000).toISOString() : payload.iat}, more than ${CLOCK_TOLERANCE_SECONDS} s ahead of this server's clock); check the clock of the host that minted it.`,
      };
    }
    if (!isAcceptablePersonId(payload.sub)) return { kind: 'refused', reason: 'The token\'s "sub" must be the person\'s id: 1–200 characters, no NUL.' };
    return { kind: 'caller', caller: { kind: 'person', personId: payload.sub } };
  };

  return {
    devAuth,
    identifiesPeople: Boolean(hmacKey || jwks || options.authenticate),
    describe() {
      const schemes = [
        options.authenticate ? "the host's authenticate()" : '',
        accepted ? `JWTs ${accepted}` : '',
        options.serviceToken ? 'the service token' : '',
        devAuth ? 'dev sign-in (Bearer dev:<personId>, POST /dev/token)' : '',
      ].filter(Boolean);
      return `identity: ${schemes.join(', ') || 'none'}${options.jwtIssuer ? `; iss must be ${options.jwtIssuer}` : ''}${options.jwtAudience ? `; aud must include ${options.jwtAudience}` : ''}`;
    },
    async identify(request) {
      if (options.authenticate) {
        const caller = await options.authenticate(request);
        if (caller) return { kind: 'caller', caller };
      }
      const header = request.headers.authorization;
      if (header === undefined || header.trim() === '') return { kind: 'anonymous' };
      const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
      if (!match) return { kind: 'refused', reason: 'Send the token as `Authorization: Bearer <token>`.' };
      const token = match[1]!;
      if (options.serviceToken && sameSecret(token, options.serviceToken)) return { kind: 'caller', caller: { kind: 'service' } };
      if (token.startsWith('dev:')) {
        if (!devAuth)
          return {
            kind: 'refused',
            reason:
              'Development sign-in (Bearer dev:<personId>) is off on this server; send a JWT minted by the host (start the server with --dev-auth for local development).',
          };
        if (!isLoopbackHost(request.socket.localAddress ?? ''))
          return { kind: 'refused', reason: 'Development sign-in is only accepted on a loopback address.' };
        let personId: string;
        try {
          personId = decodeURIComponent(token.slice(4));
        } catch {
          return { kind: 'refused', reason: 'The person id after "dev:" is not valid percent-encoding.' };
        }
        if (!isAcceptablePersonId(personId))
          return { kind: 'refused', reason: "Send `Bearer dev:<personId>` with the person's id (1–200 characters, percent-encoded)." };
        return { kind: 'caller', caller: { kind: 'person', personId } };
      }
      if (!hmacKey && !jwks)
        return { kind: 'refused', reason: 'This bearer token is not accepted here (the server verifies no JWTs; only its service token).' };
      return verifyJwt(token);
    },
    async issueDevToken(personId) {
      if (!devAuth || !hmacKey) throw new Error('Dev tokens need dev-auth.');
      const now = Math.floor(Date.now() / 1000);
      let builder = new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(personId)
        .setIssuedAt(now)
        .setExpirationTime(now + DEV_TOKEN_SECONDS);
      if (options.jwtIssuer) builder = builder.setIssuer(options.jwtIssuer);
      if (options.jwtAudience) builder = builder.setAudience(options.jwtAudience);
      return { token: await builder.sign(hmacKey), expiresAt: new Date((now + DEV_TOKEN_SECONDS) * 1000).toISOString() };
    },
  };
}

/**
 * The earlier development scheme on its own: `Authorization: Bearer dev:<personId>` signs in as that
 * person (no password), `Bearer <serviceToken>` as the trusted service. Kept for hosts that passed it
 * as `authenticate`; prefer `devAuth: true`, which is refused off loopback.
 */
export function devAuthentication(options: { serviceToken?: string } = {}): Authenticate {
  return (request) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer (.+)$/i.exec(header.trim());
    if (!match) return undefined;
    const token = match[1]!;
    if (options.serviceToken && sameSecret(token, options.serviceToken)) return { kind: 'service' };
    if (token.startsWith('dev:')) {
      let personId: string;
      try {
        personId = decodeURIComponent(token.slice(4));
      } catch {
        return undefined;
      }
      if (isAcceptablePersonId(personId)) return { kind: 'person', personId };
    }
    return undefined;
  };
}
