/**
 * The `mentorkit-server` command's logic (DESIGN "The server"); cli.ts runs it.
 *
 *   npx mentorkit-server [--port 8787] [--host 127.0.0.1] [--seed-demo] [--dev-auth]
 *
 * Configuration comes from the environment (see USAGE). Bad configuration exits with code 2 and a
 * message saying what to change; SIGINT/SIGTERM stop it gracefully (open requests finish, then the
 * pool closes).
 */
import pg from 'pg';
import { MentorKitError } from '@mentorkit/core';
import { parseOriginList } from './cors.js';
import { seedDemoProgram, seedFinishedPairing } from './demo-program.js';
import { ServerConfigurationError, isLoopbackHost } from './identity.js';
import { createLtiAdmin } from './lti/admin.js';
import type { LtiPlatform } from './lti/service.js';
import { migrate } from './schema.js';
import { createSecrets } from './secrets.js';
import { createMentorKitServer, isHostOrCidr, type MentorKitServer, type MentorKitServerOptions } from './server.js';
import { createPostgresStorage, isConnectionError } from './store.js';

export const USAGE = `Usage: mentorkit-server [--port 8787] [--host 127.0.0.1] [--seed-demo] [--dev-auth]
       mentorkit-server lti <add-platform|platforms|remove-platform|invite> …   (LTI 1.3, below)

MentorKit's server: the REST storage contract on PostgreSQL (docs/openapi.yaml), and an LTI 1.3 tool
(docs/lti.md).

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
  MENTORKIT_PUBLIC_URL         the URL people reach it at (links in emails, feeds, the URLs an LMS is given
                               for LTI); unset = taken from each request's Host
  MENTORKIT_SMTP_URL           outgoing mail, smtp://host:port; with MENTORKIT_PUBLIC_URL it turns on
                               reminders by email (docs/reminders.md); unset = no reminders
  MENTORKIT_MAIL_FROM          the From address of outgoing mail
  MENTORKIT_APP_URL            the app's page, linked from reminder mails (default: MENTORKIT_PUBLIC_URL)
  MENTORKIT_FETCH_ALLOW_HOSTS  comma-separated hosts/CIDRs the outbound-fetch guard lets through although
                               private or loopback (e.g. 127.0.0.1 for a local calendar server); unset = none
  MENTORKIT_SECRET_KEY         32+ random bytes (base64 or hex): encrypts calendar addresses and passwords
                               and the LTI tool's private key, signs feed links and LTI launch tokens;
                               unset = calendars off (with --dev-auth: a per-process key) and LTI keys
                               derived from MENTORKIT_JWT_SECRET (or a per-process key, with a warning)
  MENTORKIT_CALENDAR_REFRESH_MINUTES
                               minutes between two reads of a connected calendar (default 30)
  MENTORKIT_REMINDER_INTERVAL_MINUTES
                               minutes between two scans for due reminders (default 15; a divisor of
                               an hour, or whole hours dividing a day)
  MENTORKIT_REMINDER_RETRY_SECONDS
                               first wait before sending a reminder again after an SMTP failure
                               (default 60; doubled each time)
  MENTORKIT_MAX_CONNECTIONS    open connections at most (default 5000; keep it well below ulimit -n)
  MENTORKIT_MAX_CONNECTIONS_PER_ADDRESS
                               open connections from one client address at most (default 2000; 0 = off,
                               e.g. behind a reverse proxy, which should limit per-client connections)

LTI 1.3 (docs/lti.md): always on; set MENTORKIT_SECRET_KEY and MENTORKIT_PUBLIC_URL in production. With
both, people can sign in through LTI launches alone (no MENTORKIT_JWT_SECRET needed).
The operator registers each LMS with these commands (on the database of DATABASE_URL; the server
may be running) or with POST /lti/platforms and the service token:
  lti add-platform --issuer <url> --client-id <id> --deployment-id <id> [--deployment-id <id> …]
                   --auth-endpoint <url> --jwks-url <url> [--token-endpoint <url>]
                   [--token-audience <aud>] [--program-id <id>] [--name <text>] [--roles <json>]
                               register an LMS, or update it (same issuer and client id); the token
                               endpoint is needed for the roster (NRPS); --token-audience when the
                               LMS wants another audience there (Brightspace's OAuth2 Audience)
  lti platforms [--json]       list the registered LMSs
  lti remove-platform <id>     remove one: its launches stop; its people and programmes stay
  lti invite [--hours 72] [--program-id <id>]
                               a single-use dynamic registration URL (needs MENTORKIT_PUBLIC_URL)
                               to paste into the LMS's "register a tool" page

Health: GET /health/live (200 while the process runs), GET /health/ready (200 while PostgreSQL answers).
Exit codes: 0 stopped by a signal (lti commands: done), 1 failed while running, 2 bad configuration
or input.`;

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
    const [flag, inlineValue] =
      argument.startsWith('--') && argument.includes('=')
        ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)]
        : [argument, undefined];
    const value = () => {
      const given = inlineValue ?? argv[++index];
      if (given === undefined || given === '' || (inlineValue === undefined && given.startsWith('--')))
        throw new ServerConfigurationError(`${flag} needs a value, e.g. ${flag === '--port' ? '--port 8787' : '--host 127.0.0.1'}.`);
      return given;
    };
    if (flag === '--help' || flag === '-h') result.help = true;
    else if (flag === '--seed-demo' && inlineValue === undefined) result.seedDemo = true;
    else if (flag === '--dev-auth' && inlineValue === undefined) result.devAuth = true;
    else if (flag === '--port') {
      const text = value();
      const port = Number(text);
      if (!/^\d+$/.test(text) || port > 65_535)
        throw new ServerConfigurationError(`--port must be a whole number from 0 to 65535 (got ${JSON.stringify(text)}).`);
      result.port = port;
    } else if (flag === '--host') {
      const host = value();
      if (!isHostOrCidr(host.replace(/^\[(.*)\]$/, '$1')) || host.includes('/'))
        throw new ServerConfigurationError(`--host must be an IP address or host name, e.g. 127.0.0.1 or 0.0.0.0 (got ${JSON.stringify(host)}).`);
      result.host = host.replace(/^\[(.*)\]$/, '$1');
    } else throw new ServerConfigurationError(`Unknown option ${JSON.stringify(argument)}; see mentorkit-server --help.`);
  }
  return result;
}

const listOf = (value: string | undefined) =>
  value === undefined || value.trim() === ''
    ? undefined
    : value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
const setting = (env: NodeJS.ProcessEnv, name: string) => {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
};

/** The server's options from the command line and the environment; throws ServerConfigurationError. */
export function optionsFromEnvironment(commandLine: CommandLine, env: NodeJS.ProcessEnv): MentorKitServerOptions {
  const databaseUrl = setting(env, 'DATABASE_URL');
  if (!databaseUrl)
    throw new ServerConfigurationError(
      'DATABASE_URL is not set: point it at PostgreSQL, e.g. DATABASE_URL=postgres://mentorkit@127.0.0.1:5432/mentorkit (migrations run at start).',
    );
  if (commandLine.devAuth && !isLoopbackHost(commandLine.host)) {
    throw new ServerConfigurationError(
      `--dev-auth lets anyone sign in as anyone, so it is refused on ${commandLine.host}, which is not a loopback address. Use --host 127.0.0.1 for local development, or drop --dev-auth and set MENTORKIT_JWT_SECRET / MENTORKIT_JWKS_URL.`,
    );
  }
  const jwtSecret = setting(env, 'MENTORKIT_JWT_SECRET');
  const jwksUrl = setting(env, 'MENTORKIT_JWKS_URL');
  // An LTI-only server (people sign in by launching from the LMS) needs the secret key and the public URL.
  const ltiOnly = setting(env, 'MENTORKIT_SECRET_KEY') !== undefined && setting(env, 'MENTORKIT_PUBLIC_URL') !== undefined;
  if (!jwtSecret && !jwksUrl && !commandLine.devAuth && !ltiOnly) {
    throw new ServerConfigurationError(
      "No identity is configured: set MENTORKIT_JWT_SECRET (HS256 tokens your host signs) or MENTORKIT_JWKS_URL (your host's key set, RS256/ES256); for local development only, pass --dev-auth. (A server people reach only through LTI launches needs MENTORKIT_SECRET_KEY and MENTORKIT_PUBLIC_URL instead.)",
    );
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
    ['appUrl', 'MENTORKIT_APP_URL'],
    ['secretKey', 'MENTORKIT_SECRET_KEY'],
  ];
  for (const [option, name] of optional) {
    const value = setting(env, name);
    if (value !== undefined) (options as Record<string, unknown>)[option] = value;
  }
  const allowHosts = listOf(env.MENTORKIT_FETCH_ALLOW_HOSTS);
  if (allowHosts) options.fetchAllowHosts = allowHosts;
  const limits: Record<string, number> = {};
  for (const [limit, name, least] of [
    ['connections', 'MENTORKIT_MAX_CONNECTIONS', 1],
    ['connectionsPerAddress', 'MENTORKIT_MAX_CONNECTIONS_PER_ADDRESS', 0],
  ] as const) {
    const value = setting(env, name);
    if (value === undefined) continue;
    if (!/^\d{1,9}$/.test(value) || Number(value) < least)
      throw new ServerConfigurationError(
        `${name} must be a whole number${least === 0 ? ' (0 turns the limit off)' : ' of 1 or more'}, e.g. ${name}=${least === 0 ? 2000 : 5000} (got ${JSON.stringify(value)}).`,
      );
    limits[limit] = Number(value);
  }
  if (Object.keys(limits).length > 0) options.limits = limits;
  const refresh = setting(env, 'MENTORKIT_CALENDAR_REFRESH_MINUTES');
  if (refresh !== undefined) {
    if (!/^\d{1,4}$/.test(refresh) || Number(refresh) < 1 || Number(refresh) > 1440)
      throw new ServerConfigurationError(
        `MENTORKIT_CALENDAR_REFRESH_MINUTES must be a whole number of minutes from 1 to 1440 (got ${JSON.stringify(refresh)}).`,
      );
    options.calendarRefreshMinutes = Number(refresh);
  }
  const interval = setting(env, 'MENTORKIT_REMINDER_INTERVAL_MINUTES');
  if (interval !== undefined) {
    if (!/^\d{1,4}$/.test(interval) || Number(interval) < 1 || Number(interval) > 1440)
      throw new ServerConfigurationError(
        `MENTORKIT_REMINDER_INTERVAL_MINUTES must be a whole number of minutes from 1 to 1440 (got ${JSON.stringify(interval)}).`,
      );
    options.reminderIntervalMinutes = Number(interval);
  }
  const retry = setting(env, 'MENTORKIT_REMINDER_RETRY_SECONDS');
  if (retry !== undefined) {
    if (!/^\d{1,5}$/.test(retry) || Number(retry) < 1 || Number(retry) > 86_400)
      throw new ServerConfigurationError(`MENTORKIT_REMINDER_RETRY_SECONDS must be a whole number of seconds from 1 to 86400 (got ${JSON.stringify(retry)}).`);
    options.reminderRetryDelaySeconds = Number(retry);
  }
  return options;
}

// ─── lti … (operator commands on the database) ──────────────────────────────────────────────────

/** The flags of `lti add-platform`, and the field of POST /lti/platforms each one fills. */
const PLATFORM_FLAGS: Record<string, string> = {
  '--issuer': 'issuer',
  '--client-id': 'clientId',
  '--deployment-id': 'deploymentIds',
  '--auth-endpoint': 'authEndpoint',
  '--token-endpoint': 'tokenEndpoint',
  '--token-audience': 'tokenAudience',
  '--jwks-url': 'jwksUrl',
  '--program-id': 'programId',
  '--name': 'name',
  '--roles': 'roles',
};
const flagOfField = (field: string) => Object.entries(PLATFORM_FLAGS).find(([, name]) => name === field || field.startsWith(`${name}.`))?.[0];

/** `--flag value` / `--flag=value` pairs and positionals; throws ServerConfigurationError naming the flag. */
function parseSubcommandFlags(argv: readonly string[], known: Record<string, 'value' | 'values' | 'switch'>, command: string) {
  const flags = new Map<string, string[]>();
  const positionals: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (!argument.startsWith('--')) {
      positionals.push(argument);
      continue;
    }
    const [flag, inlineValue] = argument.includes('=')
      ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)]
      : [argument, undefined];
    const kind = known[flag];
    if (!kind)
      throw new ServerConfigurationError(
        `Unknown option ${JSON.stringify(flag)} for lti ${command}; it takes ${Object.keys(known).join(', ') || 'no options'} (mentorkit-server --help).`,
      );
    if (kind === 'switch') {
      if (inlineValue !== undefined) throw new ServerConfigurationError(`${flag} takes no value.`);
      flags.set(flag, ['true']);
      continue;
    }
    const value = inlineValue ?? argv[++index];
    if (value === undefined || value.trim() === '' || (inlineValue === undefined && value.startsWith('--')))
      throw new ServerConfigurationError(`${flag} needs a value.`);
    if (kind === 'value' && flags.has(flag)) throw new ServerConfigurationError(`${flag} is given twice; give it once.`);
    flags.set(flag, [...(flags.get(flag) ?? []), value]);
  }
  return { flags, positionals };
}

const describePlatform = (platform: LtiPlatform) =>
  [
    `${platform.id}  ${platform.name ? `${platform.name} — ` : ''}${platform.issuer}`,
    `  client id       ${platform.clientId}`,
    `  deployment ids  ${platform.deploymentIds.join(', ')}`,
    `  auth endpoint   ${platform.authEndpoint}`,
    `  token endpoint  ${platform.tokenEndpoint ?? '(none: no roster sync)'}`,
    `  JWKS URL        ${platform.jwksUrl}`,
    `  programme       ${platform.programId ?? '(one per course)'}`,
    ...(Object.keys(platform.roles).length > 0 ? [`  roles           ${JSON.stringify(platform.roles)}`] : []),
  ].join('\n');

/**
 * `mentorkit-server lti <command>`: registers, lists and removes LTI platforms and makes dynamic
 * registration invitations, on the database (DATABASE_URL; migrations applied first). Exit 0 done,
 * 1 the database failed, 2 bad configuration or input (one line naming the flag).
 */
export async function runLtiCommand(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [command = '', ...rest] = argv;
  const fail = (message: string) => {
    console.error(`[mentorkit-server] lti ${command}: ${message}`);
    return 2;
  };
  const commands: Record<string, Record<string, 'value' | 'values' | 'switch'>> = {
    'add-platform': {
      '--issuer': 'value',
      '--client-id': 'value',
      '--deployment-id': 'values',
      '--auth-endpoint': 'value',
      '--token-endpoint': 'value',
      '--token-audience': 'value',
      '--jwks-url': 'value',
      '--program-id': 'value',
      '--name': 'value',
      '--roles': 'value',
    },
    platforms: { '--json': 'switch' },
    'remove-platform': {},
    invite: { '--hours': 'value', '--program-id': 'value', '--json': 'switch' },
  };
  if (command === '' || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command === '' ? 2 : 0;
  }
  if (!commands[command])
    return fail(`unknown command; use lti add-platform, lti platforms, lti remove-platform <id> or lti invite (mentorkit-server --help).`);
  let parsed: ReturnType<typeof parseSubcommandFlags>;
  let secrets: ReturnType<typeof createSecrets>;
  const databaseUrl = setting(env, 'DATABASE_URL');
  const publicUrl = setting(env, 'MENTORKIT_PUBLIC_URL');
  try {
    parsed = parseSubcommandFlags(rest, commands[command]!, command);
    if (!databaseUrl)
      throw new ServerConfigurationError(
        "DATABASE_URL is not set: point it at the server's PostgreSQL, e.g. DATABASE_URL=postgres://mentorkit@127.0.0.1:5432/mentorkit.",
      );
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ServerConfigurationError('DATABASE_URL must start with postgres:// or postgresql://.');
    if (publicUrl !== undefined && !/^https?:\/\/[^/]/.test(publicUrl))
      throw new ServerConfigurationError(
        `MENTORKIT_PUBLIC_URL must be an absolute http(s) URL, e.g. https://mentoring.example.edu (got ${JSON.stringify(publicUrl)}).`,
      );
    // The commands sign nothing; a key that is set is checked so a typo shows here, as the server would refuse it.
    const secretKey = setting(env, 'MENTORKIT_SECRET_KEY');
    secrets = createSecrets(secretKey);
    if (command === 'remove-platform' && parsed.positionals.length !== 1)
      throw new ServerConfigurationError("give the platform's id: mentorkit-server lti remove-platform <id> (lti platforms lists them).");
    if (command !== 'remove-platform' && parsed.positionals.length > 0)
      throw new ServerConfigurationError(`unexpected argument ${JSON.stringify(parsed.positionals[0])}.`);
    if (command === 'invite' && !publicUrl)
      throw new ServerConfigurationError('an invitation is a URL of this server: set MENTORKIT_PUBLIC_URL (e.g. https://mentoring.example.edu).');
  } catch (error) {
    if (error instanceof ServerConfigurationError) return fail(error.message);
    throw error;
  }
  const { flags, positionals } = parsed;
  const one = (flag: string) => flags.get(flag)?.[0];

  // Input checks that need no database, so a mistake exits 2 before anything is touched.
  let platformInput: Record<string, unknown> | undefined;
  let hours: number | undefined;
  if (command === 'add-platform') {
    for (const required of ['--issuer', '--client-id', '--deployment-id', '--auth-endpoint', '--jwks-url']) {
      if (!flags.has(required))
        return fail(
          `${required} is required (${{ '--issuer': 'the platform\'s issuer, e.g. Moodle\'s "Platform ID"', '--client-id': 'the client id the LMS gave MentorKit', '--deployment-id': 'the deployment id, repeatable', '--auth-endpoint': "the LMS's OIDC authentication request URL", '--jwks-url': "the LMS's public keyset URL" }[required]}).`,
        );
    }
    platformInput = {};
    for (const [flag, field] of Object.entries(PLATFORM_FLAGS)) {
      const values = flags.get(flag);
      if (!values) continue;
      if (field === 'roles') {
        try {
          platformInput.roles = JSON.parse(values[0]!);
        } catch {
          return fail(
            `--roles must be JSON, e.g. --roles '{"mentor":["http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper"],"mentors":["jo@example.edu"]}'.`,
          );
        }
      } else platformInput[field] = field === 'deploymentIds' ? values : values[0];
    }
  }
  if (command === 'invite' && one('--hours') !== undefined) {
    const text = one('--hours')!;
    hours = Number(text);
    if (!/^\d{1,3}$/.test(text) || hours < 1 || hours > 720)
      return fail(`--hours must be a whole number of hours from 1 to 720 (got ${JSON.stringify(text)}).`);
  }

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, connectionTimeoutMillis: 10_000, allowExitOnIdle: true });
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
    const admin = createLtiAdmin({ pool, secrets, ...(publicUrl ? { publicUrl } : {}) });
    if (command === 'add-platform') {
      const { platform, created } = await admin.addPlatform(platformInput);
      console.log(`${created ? 'Registered' : 'Updated'} ${describePlatform(platform)}`);
      const urls = admin.toolUrls();
      console.log(
        urls
          ? `\nThe tool, as the LMS needs it:\n  login (OIDC initiation)   ${urls.loginUrl}\n  redirect / launch         ${urls.redirectUrl}\n  target link / deep link   ${urls.targetLinkUri}\n  public keyset (JWKS)      ${urls.jwksUrl}`
          : "\nSet MENTORKIT_PUBLIC_URL to print the tool's URLs for the LMS (or GET <server>/lti/configuration).",
      );
    } else if (command === 'platforms') {
      const platforms = await admin.listPlatforms();
      if (flags.has('--json')) console.log(JSON.stringify({ platforms }, null, 2));
      else
        console.log(
          platforms.length === 0
            ? 'No LTI platform is registered (lti add-platform, or lti invite for dynamic registration).'
            : platforms.map(describePlatform).join('\n\n'),
        );
    } else if (command === 'remove-platform') {
      const platform = await admin.removePlatform(positionals[0]!);
      console.log(
        `Removed ${platform.id} (${platform.issuer}, client ${platform.clientId}): its launches are refused from now on. Its people and programmes stay; registering the same issuer and client id again finds them.`,
      );
    } else {
      const invite = await admin.createInvite({
        ...(hours !== undefined ? { hours } : {}),
        ...(one('--program-id') !== undefined ? { programId: one('--program-id')! } : {}),
      });
      if (flags.has('--json')) console.log(JSON.stringify(invite));
      else
        console.log(
          `${invite.registrationUrl}\n\nPaste it into the LMS's "register a tool" page (Moodle: Tool registration URL). It works once, until ${invite.expiresAt}.`,
        );
    }
    return 0;
  } catch (error) {
    if (error instanceof MentorKitError) {
      const field = error.path ?? '';
      const flag = flagOfField(field) ?? (field === 'hours' ? '--hours' : field === 'programId' ? '--program-id' : undefined);
      let message = error.message;
      for (const [each, name] of Object.entries(PLATFORM_FLAGS)) message = message.replaceAll(`\`${name}\``, each);
      if (field === 'hours') message = message.replaceAll('`hours`', '--hours');
      return fail(flag && !message.includes(flag) ? `${flag}: ${message}` : message);
    }
    console.error(
      `[mentorkit-server] lti ${command} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}${isConnectionError(error) ? ' (is PostgreSQL at DATABASE_URL running?)' : ''}`,
    );
    return 1;
  } finally {
    await pool.end().catch(() => undefined);
  }
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
  if (argv[0] === 'lti') return runLtiCommand(argv.slice(1), env);
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
    if (commandLine.seedDemo) {
      const demoStorage = createPostgresStorage(server.pool);
      line((await seedDemoProgram(demoStorage)) ? 'seeded the demo programme' : 'the demo programme is already there');
      // A finished pairing whose members can download a certificate of participation.
      await seedFinishedPairing(demoStorage);
    }
    await server.listen(commandLine.port, commandLine.host);
  } catch (error) {
    if (error instanceof ServerConfigurationError) {
      console.error(`[mentorkit-server] configuration: ${error.message}`);
      await server.dispose();
      return 2;
    }
    const code = (error as { code?: unknown }).code;
    console.error(
      `[mentorkit-server] could not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}${code === 'EADDRINUSE' ? ` (port ${commandLine.port} is taken; choose another with --port)` : ''}`,
    );
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
