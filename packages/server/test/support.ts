/**
 * Test support: a real PostgreSQL (scripts/lib/postgres.mjs — installed from Debian's packages when
 * missing and we are root) with MentorKit's server on a free loopback port, started the way a host
 * starts it: createMentorKitServer with a JWT secret and the service token (plus dev-auth where the
 * browser demo needs it). No mock database.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import pg from 'pg';
import { postgresUnavailableReason, startPostgres, type RunningPostgres } from '../../../scripts/lib/postgres.mjs';
import type { ServerLimits } from '../src/limits.js';
import { createMentorKitServer, type MentorKitServer } from '../src/server.js';

export const SERVICE_TOKEN = 'test-service-token';
/** The HS256 secret the test server verifies people's tokens with (as a host would share it). */
export const JWT_SECRET = 'test-jwt-secret-shared-with-the-host-0123456789';

export interface TestBackend {
  url: string;
  pool: pg.Pool;
  postgres: RunningPostgres;
  backend: MentorKitServer;
  /** Operator log lines the server wrote so far. */
  logs: string[];
  /** Empties every table (records, tombstones, blobs, idempotency keys). */
  reset(): Promise<void>;
  /** Cuts the HTTP server (every open connection too). */
  stopHttp(): Promise<void>;
  /** Listens again on the same port (nothing when it is listening). */
  startHttp(): Promise<void>;
  close(): Promise<void>;
}

export interface TestBackendOptions {
  /** Dev sign-in (Bearer dev:<personId>, POST /dev/token, loopback pages allowed by CORS), as the demo uses it. */
  devAuth?: boolean;
  limits?: Partial<ServerLimits>;
  corsOrigins?: string[];
  /** PostgreSQL options (e.g. durable commits for crash tests). */
  postgres?: Parameters<typeof startPostgres>[0];
  /** Calendars: the server's secret key, the outbound guard's allowlist, how often calendar work runs. */
  secretKey?: string;
  fetchAllowHosts?: string[];
  calendarWorkIntervalMs?: number;
  publicUrl?: string;
  /** Reminders by email: the SMTP server, the From address, the first retry's delay, the server's clock. */
  smtpUrl?: string;
  mailFrom?: string;
  reminderRetryDelaySeconds?: number;
  now?: () => Date;
}

/** Why these tests cannot run here (no PostgreSQL and no way to install it), or undefined. */
export const skipReason = (): string | undefined => {
  const reason = postgresUnavailableReason();
  return reason ? `PostgreSQL is not available and cannot be installed here (not root, or no apt-get):\n${reason}` : undefined;
};

export async function startTestBackend(options: TestBackendOptions = {}): Promise<TestBackend> {
  const postgres = await startPostgres({ log: (message) => console.log(message), ...options.postgres });
  const pool = new pg.Pool({ connectionString: postgres.connectionString, max: 12, connectionTimeoutMillis: 2000 });
  const logs: string[] = [];
  const backend = createMentorKitServer({
    pool,
    jwtSecret: JWT_SECRET,
    serviceToken: SERVICE_TOKEN,
    devAuth: options.devAuth ?? false,
    ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.secretKey ? { secretKey: options.secretKey } : {}),
    ...(options.fetchAllowHosts ? { fetchAllowHosts: options.fetchAllowHosts } : {}),
    ...(options.calendarWorkIntervalMs ? { calendarWorkIntervalMs: options.calendarWorkIntervalMs } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}),
    ...(options.mailFrom ? { mailFrom: options.mailFrom } : {}),
    ...(options.reminderRetryDelaySeconds !== undefined ? { reminderRetryDelaySeconds: options.reminderRetryDelaySeconds } : {}),
    ...(options.now ? { now: options.now } : {}),
    log: (line) => logs.push(line),
  });
  const url = await backend.listen(0);
  const port = Number(new URL(url).port);
  return {
    url,
    pool,
    postgres,
    backend,
    logs,
    async reset() {
      await pool.query(
        'TRUNCATE mk_records, mk_blobs, mk_blob_ids, mk_idempotency, mk_calendar_connections, mk_calendar_feeds, mk_calendar_writes, mk_notification_preferences, mk_notification_deliveries, mk_escalation_settings, mk_escalations',
      );
    },
    stopHttp: () => backend.close(),
    async startHttp() {
      if (!backend.server) await backend.listen(port);
    },
    async close() {
      await backend.close();
      await pool.end().catch(() => undefined);
      await postgres.stop();
    },
  };
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * An HS256 JWT signed with `secret` (default: the test server's), as a host mints it: `sub` is the
 * person, `exp` in ten minutes unless `claims` says otherwise (`undefined` removes a claim).
 */
export function signToken(
  claims: Record<string, unknown>,
  secret: string | Buffer = JWT_SECRET,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = Object.fromEntries(Object.entries({ iat: now, exp: now + 600, ...claims }).filter(([, value]) => value !== undefined));
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

/** `Authorization` for a person: a token the host signed for them. */
export const as = (personId: string) => ({ authorization: `Bearer ${signToken({ sub: personId })}` });
export const asService = { authorization: `Bearer ${SERVICE_TOKEN}` };

/** A `mentorkit-server` process started as an operator would (bin/mentorkit-server.js, env and flags). */
export interface CliProcess {
  child: import('node:child_process').ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or the signal) when it exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the base URL once it logs `listening on …`; rejects if it exits first. */
  listening(timeoutMs?: number): Promise<string>;
  /** SIGTERM, then the exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const CLI = new URL('../bin/mentorkit-server.js', import.meta.url);

/**
 * Starts the CLI with only the given MentorKit settings in its environment (none inherited). It runs
 * the sources (MENTORKIT_SERVER_SOURCE=1): a build in packages/server/dist may be stale, or being
 * rewritten by a build running beside the tests.
 */
export async function startCli(args: string[], env: Record<string, string>, options: { fromSource?: boolean } = {}): Promise<CliProcess> {
  const { spawn } = await import('node:child_process');
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('MENTORKIT_') && name !== 'DATABASE_URL' && name !== 'NODE_OPTIONS'),
  );
  const child = spawn(process.execPath, [CLI.pathname, ...args], {
    env: { ...inherited, ...(options.fromSource === false ? {} : { MENTORKIT_SERVER_SOURCE: '1' }), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (data: Buffer) => (output += data.toString('utf8')));
  child.stderr!.on('data', (data: Buffer) => (output += data.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  return {
    child,
    output: () => output,
    exited,
    async listening(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = /listening on (http:\/\/\S+?);/.exec(output);
        if (match) return match[1]!;
        if (hasExited) throw new Error(`mentorkit-server exited before listening:\n${output}`);
        if (Date.now() > deadline) throw new Error(`mentorkit-server did not listen within ${timeoutMs} ms:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async stop() {
      if (!hasExited) child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * Polls `read` until `check` holds (a read that throws counts as not yet), every 50 ms; fails with the
 * last value (or error) after `timeoutMs`. Every wait in the server's tests goes through it: no fixed sleeps.
 */
export async function eventually<T>(read: () => T | Promise<T>, check: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await read();
      last = value;
      if (check(value)) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      assert.fail(`${what}: still not so after ${timeoutMs} ms (last: ${String(last instanceof Error ? last.message : JSON.stringify(last)).slice(0, 600)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A real SMTP server (smtp-server) on loopback that keeps every message it accepts, parsed with mailparser. */
export async function startSmtp(port = 0): Promise<{ port: number; mails: ParsedMail[]; close(): Promise<void> }> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { port: (server.server.address() as AddressInfo).port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** One server-sent event of a change stream: its `event:` name (`change`, `resync`…), its `data:` line, and the raw text. */
export interface StreamEvent {
  name: string | undefined;
  data: string | undefined;
  raw: string;
}

/**
 * Opens `GET /changes` at `base` with `headers` and calls `onEvent` for each server-sent event as it
 * arrives, until `signal` aborts. Resolves once the stream answered 200; throws with the answer otherwise.
 */
export async function openChangeStream(
  base: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  onEvent: (event: StreamEvent) => void,
): Promise<void> {
  const response = await fetch(`${base}/changes`, { headers: { ...headers, accept: 'text/event-stream' }, signal });
  if (response.status !== 200) throw new Error(`GET /changes answered ${response.status}: ${await response.text()}`);
  void (async () => {
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of response.body!) {
        buffered += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const raw = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          onEvent({ name: /^event: (.*)$/m.exec(raw)?.[1], data: /^data: (.*)$/m.exec(raw)?.[1], raw });
        }
      }
    } catch {
      // aborted
    }
  })();
}
