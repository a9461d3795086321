/**
 * A host's own Node app (node:http) with MentorKit's server mounted under /mentorkit/. The host keeps
 * its sign-in: a session cookie it signs itself (HMAC-SHA256). MentorKit is told who is calling through
 * `authenticate(request)`, so it needs no JWT configuration of its own.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { Pool } from 'pg';
import { createMentorKitServer, type Caller } from '@mentorkit/server';

const MOUNT = '/mentorkit';
const COOKIE = 'acme_session';

export function createHostApp(options: { pool: Pool; sessionSecret: string; log?: (line: string) => void }) {
  const sign = (personId: string) =>
    `${Buffer.from(personId).toString('base64url')}.${createHmac('sha256', options.sessionSecret).update(personId).digest('base64url')}`;
  /** The person of a valid session cookie, or undefined. */
  const sessionOf = (request: http.IncomingMessage): string | undefined => {
    const cookie = (request.headers.cookie ?? '').split(/;\s*/).find((part) => part.startsWith(`${COOKIE}=`));
    const [encoded, mac] = (cookie?.slice(COOKIE.length + 1) ?? '').split('.');
    if (!encoded || !mac) return undefined;
    const personId = Buffer.from(encoded, 'base64url').toString('utf8');
    const expected = Buffer.from(sign(personId).split('.')[1]!);
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected) ? personId : undefined;
  };

  const mentorkit = createMentorKitServer({
    pool: options.pool,
    authenticate: (request): Caller | undefined => {
      const personId = sessionOf(request);
      return personId ? { kind: 'person', personId } : undefined;
    },
    ...(options.log ? { log: options.log } : {}),
  });

  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    if (url === MOUNT || url.startsWith(`${MOUNT}/`)) {
      request.url = url.slice(MOUNT.length) || '/'; // MentorKit's routes start at its mount point
      return mentorkit.handle(request, response);
    }
    // The host's own sign-in (a real one checks a password or an SSO assertion here).
    if (request.method === 'POST' && url.startsWith('/login?person=')) {
      const personId = decodeURIComponent(url.slice('/login?person='.length));
      response.writeHead(204, { 'Set-Cookie': `${COOKIE}=${sign(personId)}; Path=/; HttpOnly; SameSite=Strict` });
      return response.end();
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('Acme Learning: not found\n');
  });

  return {
    server,
    async listen(port: number, host = '127.0.0.1') {
      await mentorkit.migrate();
      await new Promise<void>((resolve) => server.listen(port, host, resolve));
      const address = server.address() as import('node:net').AddressInfo;
      return `http://${host}:${address.port}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
