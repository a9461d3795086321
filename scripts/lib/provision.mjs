// What the real parts the tests start (PostgreSQL, Radicale, Chromium) share: finding executables, and —
// on a Debian box running as root, like CI — installing the missing Debian package once even when several
// test processes ask at the same moment; a free port; and stopping what a crashed test left running.
// This is the whole of the environment-specific provisioning: everything else is npm's and node's.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Whether `file` exists and may be executed. */
export function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether `name` is a command on PATH. */
export const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

/** Whether a missing package can be installed here: root on a system with apt-get. */
export const canInstallWithApt = () => runningAsRoot && hasCommand('apt-get');

const INSTALL_WAIT_MS = 15 * 60_000;

/**
 * Returns `find()`'s answer; when it has none, installs Debian's `packageName` with apt-get (saying so
 * through `log`) and returns `find()` again. `howTo` is the message for a machine where that cannot be
 * done. node --test runs test files in parallel: one process installs under a lock folder, the others
 * wait for it (a lock older than the wait belongs to a process that died mid-install and is taken over).
 */
export function installDebianPackage({ packageName, find, howTo, log = console.log, noRecommends = true }) {
  let found = find();
  if (found) return found;
  if (!canInstallWithApt()) throw new Error(howTo);
  const lock = path.join(os.tmpdir(), `mentorkit-${packageName}-install.lock`);
  const deadline = Date.now() + INSTALL_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      found = find();
      if (found) return found;
      if (Date.now() > deadline || Date.now() - statSync(lock).mtimeMs > INSTALL_WAIT_MS) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    found = find();
    if (found) return found;
    log(`No ${packageName} found: installing Debian's "${packageName}" package with apt-get (running as root)…`);
    const environment = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const install = ['install', '-y', ...(noRecommends ? ['--no-install-recommends'] : []), '-o', 'DPkg::Lock::Timeout=300', packageName];
    let result = spawnSync('apt-get', install, { stdio: 'inherit', env: environment });
    if (result.status !== 0) {
      // Stale or missing package lists (a fresh container): update once, then try again.
      spawnSync('apt-get', ['update'], { stdio: 'inherit', env: environment });
      result = spawnSync('apt-get', install, { stdio: 'inherit', env: environment });
    }
    if (result.status !== 0) throw new Error(`"apt-get ${install.join(' ')}" failed (exit ${result.status ?? result.signal}).\n${howTo}`);
    found = find();
    if (!found) throw new Error(`apt-get installed "${packageName}" but it was still not found.\n${howTo}`);
    log(`Installed Debian's "${packageName}".`);
    return found;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A TCP port nobody listens on right now, on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Running servers that are stopped (each with its `stopNow()`) when the process exits or is killed by a
 * signal (a timeout, Ctrl-C), which then dies of the same signal: nothing outlives a test. The hooks are
 * installed when the first server is added, so a script that only imports the module keeps its defaults.
 */
export function stoppedOnExit() {
  const live = new Set();
  let hooked = false;
  const stopAll = () => {
    for (const server of [...live]) server.stopNow();
  };
  return {
    add(server) {
      live.add(server);
      if (hooked) return;
      hooked = true;
      process.on('exit', stopAll);
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
        process.once(signal, () => {
          stopAll();
          process.kill(process.pid, signal);
        });
      }
    },
    delete: (server) => live.delete(server),
  };
}
