/**
 * The `mentorkit-server` command's logic (DESIGN "The server"); cli.ts runs it.
 *
 *   npx mentorkit-server [--port 8787] [--host 127.0.0.1] [--seed-demo] [--dev-auth]
 *
 * Configuration comes from the environment (see USAGE). Bad configuration exits with code 2 and a
 * message saying what to change; SIGINT/SIGTERM stop it gracefully (open requests finish, then the
 * pool closes).
 */
import { parseOriginList } from './cors.js';
import { seedDemoProgram } from './demo-program.js';
import { ServerConfigurationError, isLoopbackHost } from './identity.js';
import { createMentorKitServer, isHostOrCidr, type MentorKitServer, type MentorKitServerOptions } from './server.js';
import { createPostgresStorage, isConnectionError } from './store.js';

export const USAGE = `Usage: mentorkit-server [--port 8787] [--host 127.0.0.1] [--seed-demo] [--dev-auth]

MentorKit's server: the REST storage contract on PostgreSQL (docs/openapi.yaml).

Options
  --port <n>      TCP port (default 8787; 0 picks a free one)
  --host <addr>   address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --seed-demo     write the demo programme (Acme Learning) when it is not there yet
  --dev-auth      local development only: accept "Bearer dev:<personId>" and POST /dev/token,
                  allow http://127.0.0.1:* and http://localhost:* pages; refused off loopback
  --help          this text

Environment
  DATABASE_URL                 postgres://… (required); migrations run at start
  MENTORKIT_JWT_SECRET         HS256 shared secret for host-minted tokens (32+ characters), or
  MENTORKIT_JWKS_URL           the host's JWKS (RS256/ES256), https://
  MENTORKIT_JWT_ISSUER         when set, a token's "iss" must equal it
  MENTORKIT_JWT_AUDIENCE       when set, a token's "aud" must include it
  MENTORKIT_SERVICE_TOKEN      server-to-server calls (Authorization: Bearer <token>), 16+ characters
  MENTORKIT_CORS_ORIGINS       comma-separated allowlist of origins; unset = no cross-origin access
  MENTORKIT_PUBLIC_URL         the URL people reach it at (links in emails, feeds, LTI)
  MENTORKIT_SMTP_URL           outgoing mail, smtp://host:port
  MENTORKIT_MAIL_FROM          the From address of outgoing mail
  MENTORKIT_FETCH_ALLOW_HOSTS  comma-separated hosts/CIDRs the outbound-fetch guard lets through although
                               private or loopback (e.g. 127.0.0.1 for a local calendar server); unset = none
  MENTORKIT_SECRET_KEY         32+ random bytes (base64 or hex): encrypts calendar addresses and passwords,
                               signs feed links; unset = calendars off (with --dev-auth: a per-process key)
  MENTORKIT_CALENDAR_REFRESH_MINUTES
                               minutes between two reads of a connected calendar (default 30)
  MENTORKIT_MAX_CONNECTIONS    open connections at most (default 5000; keep it well below ulimit -n)
  MENTORKIT_MAX_CONNECTIONS_PER_ADDRESS
                               open connections from one client address at most (default 2000; 0 = off,
                               e.g. behind a reverse proxy, which should limit per-client connections)

Health: GET /health/live (200 while the process runs), GET /health/ready (200 while PostgreSQL answers).
Exit codes: 0 stopped by a signal, 1 failed while running, 2 bad configuration.`;

export interface CommandLine {
  help: boolean;
  port: number;
  host: string;
  seedDemo: boolean;
  devAuth: boolean;
}

/** Parses the flags; throws ServerConfigurationError on an unknown flag or a bad value. */
export function parseArguments(argv: readonly string[]): CommandLine {
  const result: CommandLine = { help: false, port: 8787, host: '127.0.0.1', seedDemo: false, devAuth: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const [flag, inlineValue] = argument.startsWith('--') && argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    const value = () => {
      const given = inlineValue ?? argv[++index];
      if (given === undefined || given === '' || (inlineValue === undefined && given.startsWith('--'))) throw new ServerConfigurationError(`${flag} needs a value, e.g. ${flag === '--port' ? '--port 8787' : '--host 127.0.0.1'}.`);
      return given;
    };
    if (flag === '--help' || flag === '-h') result.help = true;
    else if (flag === '--seed-demo' && inlineValue === undefined) result.seedDemo = true;
    else if (flag === '--dev-auth' && inlineValue === undefined) result.devAuth = true;
    else if (flag === '--port') {
      const text = value();
      const port = Number(text);
      if (!/^\d+$/.test(text) || port > 65_535) throw new ServerConfigurationError(`--port must be a whole number from 0 to 65535 (got ${JSON.stringify(text)}).`);
      result.port = port;
    } else if (flag === '--host') {
      const host = value();
      if (!isHostOrCidr(host.replace(/^\[(.*)\]$/, '$1')) || host.includes('/')) throw new ServerConfigurationError(`--host must be an IP address or host name, e.g. 127.0.0.1 or 0.0.0.0 (got ${JSON.stringify(host)}).`);
      result.host = host.replace(/^\[(.*)\]$/, '$1');
    } else throw new ServerConfigurationError(`Unknown option ${JSON.stringify(argument)}; see mentorkit-server --help.`);
  }
  return result;
}

const listOf = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.split(',').map((entry) => entry.trim()).filter(Boolean));
const setting = (env: NodeJS.ProcessEnv, name: string) => {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
};

/** The server's options from the command line and the environment; throws ServerConfigurationError. */
export function optionsFromEnvironment(commandLine: CommandLine, env: NodeJS.ProcessEnv): MentorKitServerOptions {
  const databaseUrl = setting(env, 'DATABASE_URL');
  if (!databaseUrl) throw new ServerConfigurationError('DATABASE_URL is not set: point it at PostgreSQL, e.g. DATABASE_URL=postgres://mentorkit@127.0.0.1:5432/mentorkit (migrations run at start).');
  if (commandLine.devAuth && !isLoopbackHost(commandLine.host)) {
    throw new ServerConfigurationError(`--dev-auth lets anyone sign in as anyone, so it is refused on ${commandLine.host}, which is not a loopback address. Use --host 127.0.0.1 for local development, or drop --dev-auth and set MENTORKIT_JWT_SECRET / MENTORKIT_JWKS_URL.`);
  }
  const jwtSecret = setting(env, 'MENTORKIT_JWT_SECRET');
  const jwksUrl = setting(env, 'MENTORKIT_JWKS_URL');
  if (!jwtSecret && !jwksUrl && !commandLine.devAuth) {
    throw new ServerConfigurationError('No identity is configured: set MENTORKIT_JWT_SECRET (HS256 tokens your host signs) or MENTORKIT_JWKS_URL (your host\'s key set, RS256/ES256); for local development only, pass --dev-auth.');
  }
  const options: MentorKitServerOptions = { databaseUrl, devAuth: commandLine.devAuth, corsOrigins: parseOriginList(env.MENTORKIT_CORS_ORIGINS) };
  const optional: Array<[keyof MentorKitServerOptions, string]> = [
    ['jwtSecret', 'MENTORKIT_JWT_SECRET'],
    ['jwksUrl', 'MENTORKIT_JWKS_URL'],
    ['jwtIssuer', 'MENTORKIT_JWT_ISSUER'],
    ['jwtAudience', 'MENTORKIT_JWT_AUDIENCE'],
    ['serviceToken', 'MENTORKIT_SERVICE_TOKEN'],
    ['publicUrl', 'MENTORKIT_PUBLIC_URL'],
    ['smtpUrl', 'MENTORKIT_SMTP_URL'],
    ['mailFrom', 'MENTORKIT_MAIL_FROM'],
    ['secretKey', 'MENTORKIT_SECRET_KEY'],
  ];
  for (const [option, name] of optional) {
    const value = setting(env, name);
    if (value !== undefined) (options as Record<string, unknown>)[option] = value;
  }
  const allowHosts = listOf(env.MENTORKIT_FETCH_ALLOW_HOSTS);
  if (allowHosts) options.fetchAllowHosts = allowHosts;
  const limits: Record<string, number> = {};
  for (const [limit, name, least] of [['connections', 'MENTORKIT_MAX_CONNECTIONS', 1], ['connectionsPerAddress', 'MENTORKIT_MAX_CONNECTIONS_PER_ADDRESS', 0]] as const) {
    const value = setting(env, name);
    if (value === undefined) continue;
    if (!/^\d{1,9}$/.test(value) || Number(value) < least) throw new ServerConfigurationError(`${name} must be a whole number${least === 0 ? ' (0 turns the limit off)' : ' of 1 or more'}, e.g. ${name}=${least === 0 ? 2000 : 5000} (got ${JSON.stringify(value)}).`);
    limits[limit] = Number(value);
  }
  if (Object.keys(limits).length > 0) options.limits = limits;
  const refresh = setting(env, 'MENTORKIT_CALENDAR_REFRESH_MINUTES');
  if (refresh !== undefined) {
    if (!/^\d{1,4}$/.test(refresh) || Number(refresh) < 1 || Number(refresh) > 1440) throw new ServerConfigurationError(`MENTORKIT_CALENDAR_REFRESH_MINUTES must be a whole number of minutes from 1 to 1440 (got ${JSON.stringify(refresh)}).`);
    options.calendarRefreshMinutes = Number(refresh);
  }
  return options;
}

const line = (message: string) => console.log(`[mentorkit-server] ${message}`);

/** Waits for PostgreSQL at start (it may still be starting next to us), up to `ms`. */
async function migrateWhenReachable(server: MentorKitServer, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  let said = false;
  for (;;) {
    try {
      await server.migrate();
      return;
    } catch (error) {
      if (!isConnectionError(error) || Date.now() > deadline) throw error;
      if (!said) line(`waiting for PostgreSQL (${error instanceof Error ? error.message.split('\n')[0] : String(error)})…`);
      said = true;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** Runs the command; resolves to the exit code when it should exit at once (help, bad configuration). */
export async function main(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<number | undefined> {
  let server: MentorKitServer;
  let commandLine: CommandLine;
  try {
    commandLine = parseArguments(argv);
    if (commandLine.help) {
      console.log(USAGE);
      return 0;
    }
    server = createMentorKitServer({ ...optionsFromEnvironment(commandLine, env), log: (message) => console.log(message) });
  } catch (error) {
    if (error instanceof ServerConfigurationError) {
      console.error(`[mentorkit-server] configuration: ${error.message}`);
      return 2;
    }
    throw error;
  }
  try {
    await migrateWhenReachable(server, 30_000);
    if (commandLine.seedDemo) line((await seedDemoProgram(createPostgresStorage(server.pool))) ? 'seeded the demo programme' : 'the demo programme is already there');
    await server.listen(commandLine.port, commandLine.host);
  } catch (error) {
    if (error instanceof ServerConfigurationError) {
      console.error(`[mentorkit-server] configuration: ${error.message}`);
      await server.dispose();
      return 2;
    }
    const code = (error as { code?: unknown }).code;
    console.error(`[mentorkit-server] could not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}${code === 'EADDRINUSE' ? ` (port ${commandLine.port} is taken; choose another with --port)` : ''}`);
    await server.dispose();
    return 1;
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      line(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    line(`${signal}: stopping (open requests get 10 s to finish)`);
    server.dispose({ graceMs: 10_000 }).then(
      () => {
        line('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`[mentorkit-server] stopping failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return undefined;
}

