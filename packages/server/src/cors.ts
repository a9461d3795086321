import type http from 'node:http';
import { ServerConfigurationError, isLoopbackHost } from './identity.js';

/**
 * Cross-origin access from an allowlist: the request's Origin is reflected only when it is listed
 * (`MENTORKIT_CORS_ORIGINS`), every answer varies by Origin, and the wildcard is never sent (the API
 * takes Authorization headers). With dev-auth, any http://127.0.0.1:<port>, http://localhost:<port>
 * and http://[::1]:<port> page is allowed too, so the local demo works.
 */

const ALLOWED_METHODS = 'GET, PUT, DELETE, POST, OPTIONS';
const ALLOWED_HEADERS = 'Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, MentorKit-Client, Last-Event-ID';
const EXPOSED_HEADERS = 'ETag, Idempotent-Replayed, Retry-After, WWW-Authenticate, Content-Disposition';

/** `https://lms.example.edu` from a listed origin; throws ServerConfigurationError when it is not an origin. */
export function normalizeOrigin(origin: string): string {
  const trimmed = origin.trim();
  if (trimmed === '*')
    throw new ServerConfigurationError(
      'MENTORKIT_CORS_ORIGINS: list the origins allowed to call the server (e.g. https://lms.example.edu), never *: the API takes Authorization headers.',
    );
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new ServerConfigurationError(
      `MENTORKIT_CORS_ORIGINS: ${JSON.stringify(trimmed)} is not an origin; list origins as scheme://host[:port], e.g. https://lms.example.edu.`,
    );
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username ||
    url.password ||
    (url.pathname !== '/' && url.pathname !== '') ||
    url.search ||
    url.hash ||
    trimmed.endsWith('/')
  ) {
    throw new ServerConfigurationError(
      `MENTORKIT_CORS_ORIGINS: ${JSON.stringify(trimmed)} is not an origin; list origins as scheme://host[:port] without a path or a trailing slash, e.g. https://lms.example.edu.`,
    );
  }
  return url.origin;
}

/** Parses `MENTORKIT_CORS_ORIGINS` (comma-separated). */
export function parseOriginList(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map(normalizeOrigin);
}

export interface Cors {
  /** Headers for an answer to this request (the Origin reflected only when allowed). */
  headersFor(request: http.IncomingMessage): Record<string, string>;
  /** Whether the request comes from an allowed origin (or from no browser page at all). */
  allows(request: http.IncomingMessage): boolean;
  /** Headers for a preflight from an allowed origin. */
  preflightHeaders(request: http.IncomingMessage): Record<string, string>;
}

export function createCors(options: { origins: readonly string[]; allowLoopbackOrigins: boolean }): Cors {
  const listed = new Set(options.origins.map(normalizeOrigin));
  const originOf = (request: http.IncomingMessage) => {
    const origin = request.headers.origin;
    return typeof origin === 'string' && origin !== '' ? origin : undefined;
  };
  const allowedOrigin = (origin: string) => {
    if (listed.has(origin)) return true;
    if (!options.allowLoopbackOrigins) return false;
    try {
      const url = new URL(origin);
      return url.protocol === 'http:' && url.origin === origin && isLoopbackHost(url.hostname);
    } catch {
      return false;
    }
  };
  return {
    allows(request) {
      const origin = originOf(request);
      return origin === undefined || allowedOrigin(origin);
    },
    headersFor(request): Record<string, string> {
      const origin = originOf(request);
      if (origin === undefined || !allowedOrigin(origin)) return { Vary: 'Origin' };
      return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSED_HEADERS, Vary: 'Origin' };
    },
    preflightHeaders(request) {
      return {
        ...this.headersFor(request),
        'Access-Control-Allow-Methods': ALLOWED_METHODS,
        'Access-Control-Allow-Headers': ALLOWED_HEADERS,
        'Access-Control-Max-Age': '600',
      };
    },
  };
}
