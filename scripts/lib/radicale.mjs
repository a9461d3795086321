// A throwaway CalDAV server for tests: Radicale (https://radicale.org), found on this machine or — on a
// Debian CI box running as root — installed from Debian's `radicale` package, started on a free loopback
// port with filesystem storage in a temporary folder and htpasswd users, and deleted afterwards. No mock
// CalDAV: the server's calendar tests run on this.
//
//   const radicale = await startRadicale({ users: { ana: 'secret' } });   // { url, users, directory, stop() }
//   …                                                                      // url: http://127.0.0.1:<port>/
//   await radicale.stop();                                                 // kills it and deletes its folder
//
// Set MK_RADICALE to the radicale executable to choose one. Radicale runs as the current user (it does
// not refuse root); the storage lives in a 0700 temporary folder.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canInstallWithApt, freePort, installDebianPackage, isExecutable, stoppedOnExit } from './provision.mjs';

/** The radicale executable: MK_RADICALE, Debian's /usr/bin/radicale, or one on PATH; undefined when none. */
export function findRadicale({ env = process.env } = {}) {
  if (env.MK_RADICALE) {
    if (!isExecutable(env.MK_RADICALE)) throw new Error(`MK_RADICALE is set to "${env.MK_RADICALE}", which is not an executable. Fix or unset it.`);
    return env.MK_RADICALE;
  }
  // Debian's script first: its shebang is the system Python that has the `radicale` module (a pyenv
  // `python3` on PATH does not).
  const candidates = [
    '/usr/bin/radicale',
    ...(env.PATH ?? '')
      .split(path.delimiter)
      .filter(Boolean)
      .map((directory) => path.join(directory, 'radicale')),
    '/usr/local/bin/radicale',
  ];
  for (const candidate of [...new Set(candidates)]) if (existsSync(candidate) && isExecutable(candidate)) return candidate;
  return undefined;
}

const howToGetRadicale = `No Radicale (CalDAV server) found for the calendar tests.
  Either install it:
    Debian/Ubuntu:  sudo apt-get install -y radicale
    elsewhere:      python3 -m pip install radicale   (then put its "radicale" command on PATH)
  or point MK_RADICALE at the radicale executable.`;

/** Why Radicale cannot be used here (missing and no way to install it), or undefined. Tests skip with it. */
export function radicaleUnavailableReason() {
  try {
    if (findRadicale()) return undefined;
  } catch (error) {
    return error.message;
  }
  if (canInstallWithApt()) return undefined;
  return howToGetRadicale;
}

/**
 * Finds radicale; when there is none and we run as root with apt-get, installs Debian's `radicale`
 * package (saying so). Otherwise throws an Error explaining how to get it. Returns the executable.
 */
export function ensureRadicale({ log = console.log } = {}) {
  // No recommended packages: no systemd unit pulling in a service that would listen on 5232.
  return installDebianPackage({ packageName: 'radicale', find: () => findRadicale(), howTo: howToGetRadicale, log });
}

const liveServers = stoppedOnExit();

const sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Resolves once `url` answers HTTP at all (any status); rejects when the process died or after `timeoutMs`. */
async function waitUntilAnswering(url, { child, logFile, timeoutMs = 60_000 }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Radicale exited (${child.exitCode ?? child.signalCode}) before answering.\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Radicale did not answer at ${url} within ${timeoutMs / 1000} s.\n${tail(logFile)}`);
    await sleep(100);
  }
}

const tail = (file) => (existsSync(file) ? `Radicale log:\n${readFileSync(file, 'utf8').split('\n').slice(-30).join('\n')}` : '');

/**
 * Starts a fresh Radicale on a free loopback port: htpasswd authentication (plain passwords) with
 * `users` (default `{ mentor: 'mentor-password' }`), each user may read and write only their own
 * collections (`/<user>/…`), filesystem storage in a temporary folder. Resolves to
 * `{ url, host, port, users, directory, stop() }` once it answers HTTP.
 */
export async function startRadicale({ users = { mentor: 'mentor-password' }, log = () => undefined } = {}) {
  for (const [name, password] of Object.entries(users)) {
    if (!/^[A-Za-z0-9._-]+$/.test(name) || /[:\n\r]/.test(password) || password === '')
      throw new Error(`startRadicale: user "${name}" needs a name of letters, digits, "._-" and a non-empty password without ":" or line breaks.`);
  }
  const executable = ensureRadicale({ log });
  const directory = mkdtempSync(path.join(os.tmpdir(), 'mentorkit-radicale-'));
  const storage = path.join(directory, 'collections');
  const htpasswd = path.join(directory, 'users');
  const configFile = path.join(directory, 'config');
  const logFile = path.join(directory, 'server.log');
  const port = await freePort();
  writeFileSync(
    htpasswd,
    Object.entries(users)
      .map(([name, password]) => `${name}:${password}\n`)
      .join(''),
    { mode: 0o600 },
  );
  writeFileSync(
    configFile,
    `[server]
hosts = 127.0.0.1:${port}

[auth]
type = htpasswd
htpasswd_filename = ${htpasswd}
htpasswd_encryption = plain
delay = 0

[rights]
type = owner_only

[storage]
filesystem_folder = ${storage}

[web]
type = none

[logging]
level = warning
mask_passwords = True
`,
  );
  const logFd = openSync(logFile, 'a');
  const child = spawn(executable, ['--config', configFile], { stdio: ['ignore', logFd, logFd], detached: false });
  closeSync(logFd);
  child.unref();
  let running = true;
  child.once('exit', () => {
    running = false;
  });

  const server = {
    stopNow() {
      if (running) {
        try {
          child.kill('SIGKILL');
        } catch {
          // already gone
        }
      }
      rmSync(directory, { recursive: true, force: true });
      liveServers.delete(server);
    },
  };
  liveServers.add(server);

  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitUntilAnswering(url, { child, logFile });
  } catch (error) {
    server.stopNow();
    throw error;
  }
  return {
    url,
    host: '127.0.0.1',
    port,
    users: { ...users },
    directory,
    /** The last lines Radicale logged (warnings and errors). */
    log: () => tail(logFile),
    /** Kills the server and deletes its folder. */
    async stop() {
      if (running) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        // Radicale waits for open keep-alive connections on SIGTERM: its data is thrown away, so 1 s is plenty.
        const killed = await Promise.race([exited.then(() => true), sleep(1_000).then(() => false)]);
        if (!killed) {
          child.kill('SIGKILL');
          await exited;
        }
      }
      running = false;
      rmSync(directory, { recursive: true, force: true });
      liveServers.delete(server);
    },
  };
}
