// A throwaway PostgreSQL for tests: finds the server binaries (or, on a Debian CI box running as root,
// installs Debian's `postgresql` package), creates a cluster in a temporary directory, starts it on a
// free loopback port and removes it afterwards. No mock database: the REST backend's tests run on this.
//
//   const postgres = await startPostgres();          // { connectionString, host, port, stop(), pause(), crash(), resume() }
//   …
//   await postgres.stop();                           // stops the server and deletes the cluster
//
// As root, PostgreSQL refuses to run, so the cluster belongs to an unprivileged user (`postgres` when
// the Debian package created it, otherwise `nobody`) and every server command runs through `runuser`
// (or `setpriv`/`su`). Set MK_PG_BIN to a directory holding initdb/pg_ctl/postgres to choose a version.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canInstallWithApt, freePort, hasCommand, installDebianPackage, isExecutable, runningAsRoot, stoppedOnExit } from './provision.mjs';

export { freePort, runningAsRoot };

/** Directories that may hold initdb, pg_ctl and postgres, most specific first. */
export function postgresBinaryDirectoryCandidates({ env = process.env } = {}) {
  const candidates = [];
  if (env.MK_PG_BIN) candidates.push(env.MK_PG_BIN);
  for (const directory of (env.PATH ?? '').split(path.delimiter)) if (directory) candidates.push(directory);
  // Debian/Ubuntu keep the server binaries off PATH, one folder per major version: newest first.
  try {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((left, right) => Number.parseFloat(right) - Number.parseFloat(left));
    for (const version of versions) candidates.push(`/usr/lib/postgresql/${version}/bin`);
  } catch {
    // not Debian, or PostgreSQL is not installed
  }
  candidates.push('/usr/local/bin', '/usr/local/pgsql/bin', '/opt/homebrew/bin', '/opt/homebrew/opt/postgresql/bin', '/usr/bin');
  return [...new Set(candidates)];
}

/** `{ directory, initdb, pgCtl, postgres }` of the first directory holding all three, or undefined. */
export function findPostgres({ env = process.env } = {}) {
  if (env.MK_PG_BIN && !['initdb', 'pg_ctl', 'postgres'].every((name) => isExecutable(path.join(env.MK_PG_BIN, name)))) {
    throw new Error(`MK_PG_BIN is set to "${env.MK_PG_BIN}", which does not hold initdb, pg_ctl and postgres. Fix or unset it.`);
  }
  for (const directory of postgresBinaryDirectoryCandidates({ env })) {
    const files = { initdb: path.join(directory, 'initdb'), pgCtl: path.join(directory, 'pg_ctl'), postgres: path.join(directory, 'postgres') };
    if (Object.values(files).every((file) => existsSync(file) && isExecutable(file))) return { directory, ...files };
  }
  return undefined;
}

const howToGetPostgres = `No PostgreSQL server binaries (initdb, pg_ctl, postgres) found for the REST backend tests.
  Either install them:
    Debian/Ubuntu:  sudo apt-get install -y postgresql
    Fedora:         sudo dnf install postgresql-server
    macOS:          brew install postgresql
  or point MK_PG_BIN at the folder that holds initdb, pg_ctl and postgres:
    MK_PG_BIN=/usr/lib/postgresql/15/bin npm test`;

/**
 * Why PostgreSQL cannot be used here (binaries missing and no way to install them), or undefined when
 * `ensurePostgres` will succeed or at least try. Tests skip with this message.
 */
export function postgresUnavailableReason() {
  if (findPostgres()) return undefined;
  if (canInstallWithApt()) return undefined;
  return howToGetPostgres;
}

/**
 * Finds the PostgreSQL binaries; when there are none and we run as root with apt-get, installs
 * Debian's `postgresql` package (saying so). Otherwise throws an Error explaining how to get them.
 */
export function ensurePostgres({ log = console.log } = {}) {
  return installDebianPackage({ packageName: 'postgresql', find: findPostgres, howTo: howToGetPostgres, log });
}

/** The unprivileged account that owns the cluster when we run as root. */
function serverAccount() {
  for (const name of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0) return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error('Running as root, but neither a "postgres" nor a "nobody" account exists to run PostgreSQL as (it refuses to run as root).');
}

/** Runs a server command, as the unprivileged account when we are root. Throws with the output on failure. */
function runServerCommand(command, args, { account, what, logFile }) {
  let result;
  if (!account) result = spawnSync(command, args, { encoding: 'utf8' });
  else if (hasCommand('runuser')) result = spawnSync('runuser', ['-u', account.name, '--', command, ...args], { encoding: 'utf8' });
  else if (hasCommand('setpriv'))
    result = spawnSync('setpriv', [`--reuid=${account.uid}`, `--regid=${account.gid}`, '--clear-groups', command, ...args], { encoding: 'utf8' });
  else
    result = spawnSync('su', ['-s', '/bin/sh', account.name, '-c', [command, ...args].map((arg) => `'${String(arg).replaceAll("'", "'\\''")}'`).join(' ')], {
      encoding: 'utf8',
    });
  if (result.status !== 0) {
    let serverLog = '';
    if (logFile && existsSync(logFile)) serverLog = `\nServer log:\n${readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n')}`;
    throw new Error(
      `${what} failed (exit ${result.status ?? result.signal}): ${command} ${args.join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}${serverLog}`,
    );
  }
  return result;
}

const liveClusters = stoppedOnExit();

/**
 * Starts a fresh PostgreSQL cluster on a free loopback port (trust authentication, user
 * `mentorkit`, database `postgres`) tuned for tests (no fsync). Resolves to
 * `{ connectionString, host, port, user, database, directory, stop(), pause(), resume() }`:
 * `pause()` stops the server keeping its data, `crash()` stops it immediately (as a crash would),
 * `resume()` starts it again on the same port, `stop()` stops it and deletes the cluster. With
 * `durable: true`, commits are synchronous (an acknowledged commit survives `crash()`).
 */
export async function startPostgres({ log = () => undefined, durable = false } = {}) {
  const binaries = ensurePostgres({ log });
  const account = runningAsRoot ? serverAccount() : undefined;
  const directory = mkdtempSync(path.join(os.tmpdir(), 'mentorkit-pg-'));
  const dataDirectory = path.join(directory, 'data');
  const logFile = path.join(directory, 'server.log');
  if (account) {
    chownSync(directory, account.uid, account.gid);
    chmodSync(directory, 0o700);
  }
  const port = await freePort();
  const user = 'mentorkit';
  const database = 'postgres'; // the cluster's default database: a throwaway cluster needs no other
  const options = { account, logFile };

  runServerCommand(binaries.initdb, ['-D', dataDirectory, '-U', user, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions'], {
    ...options,
    what: 'initdb',
  });
  // Tuned for speed: no fsync (the machine does not crash mid-test). `durable` keeps commits synchronous,
  // so a commit that was acknowledged survives an immediate shutdown (`crash()`); without it, the last
  // commits may be lost on a crash (asynchronous commit), which is fine for every other test.
  const serverOptions = `-p ${port} -h 127.0.0.1 -k ${directory} -c fsync=off -c synchronous_commit=${durable ? 'on' : 'off'} -c full_page_writes=off -c max_connections=50`;
  const start = () =>
    runServerCommand(binaries.pgCtl, ['-D', dataDirectory, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start'], {
      ...options,
      what: 'Starting PostgreSQL',
    });
  const halt = (mode) =>
    runServerCommand(binaries.pgCtl, ['-D', dataDirectory, '-m', mode, '-w', '-t', '60', 'stop'], { ...options, what: 'Stopping PostgreSQL' });
  start();
  let running = true;

  const cluster = {
    stopNow() {
      if (running) {
        try {
          halt('immediate');
        } catch {
          // best effort while exiting
        }
        running = false;
      }
      rmSync(directory, { recursive: true, force: true });
      liveClusters.delete(cluster);
    },
  };
  liveClusters.add(cluster);

  return {
    host: '127.0.0.1',
    port,
    user,
    database,
    directory,
    connectionString: `postgres://${user}@127.0.0.1:${port}/${database}`,
    /** Stops the server (fast shutdown: open connections are cut); the data stays for `resume()`. */
    async pause() {
      if (!running) return;
      halt('fast');
      running = false;
    },
    /**
     * Stops the server the hard way (`pg_ctl stop -m immediate`: every process quits at once, like a
     * crash; the next start runs crash recovery); the data stays for `resume()`.
     */
    async crash() {
      if (!running) return;
      halt('immediate');
      running = false;
    },
    /** Starts the paused (or crashed) server again on the same port. */
    async resume() {
      if (running) return;
      start();
      running = true;
    },
    /** Stops the server and deletes the cluster. */
    async stop() {
      if (running) halt('fast');
      running = false;
      rmSync(directory, { recursive: true, force: true });
      liveClusters.delete(cluster);
    },
  };
}
