// Running child processes and reporting timings, for the build and test scripts.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './workspace.mjs';

const require = createRequire(path.join(repoRoot, 'package.json'));

/** The package.json of an installed package (found through node_modules, like Node does). */
function packageManifestPath(packageName) {
  for (const directory of require.resolve.paths(packageName) ?? []) {
    const candidate = path.join(directory, packageName, 'package.json');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${packageName} is not installed: run \`npm install\`.`);
}

/** The absolute path of an installed package's CLI script (its package.json `bin`). */
export function binPath(packageName, binName = packageName.split('/').pop()) {
  const manifestPath = packageManifestPath(packageName);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[binName];
  if (!bin) throw new Error(`${packageName} has no "${binName}" executable.`);
  return path.join(path.dirname(manifestPath), bin);
}

/**
 * Runs a command. Output is streamed to this process's stdout/stderr unless `capture` is set, in
 * which case it is collected (and still returned on failure for the error message).
 * Never rejects for a non-zero exit: resolves { code, signal, output, ok, milliseconds }.
 * Rejects only when the command cannot be started at all.
 */
export function run(command, args, { cwd = repoRoot, env = process.env, capture = false } = {}) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (capture) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    child.once('error', (error) => {
      reject(new Error(`Could not start "${command}": ${error.message}`));
    });
    child.once('close', (code, signal) => {
      resolve({ code, signal, output, ok: code === 0, milliseconds: performance.now() - started });
    });
  });
}

/** Runs a Node script with this Node binary. */
export function runNode(args, options) {
  return run(process.execPath, args, options);
}

/** "850 ms", "4.2 s", "2 min 05 s". */
export function formatDuration(milliseconds) {
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = milliseconds / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds - minutes * 60)).padStart(2, '0')} s`;
}

/** Measures an async step. Resolves { value, milliseconds } or rejects with the step's error. */
export async function timed(step) {
  const started = performance.now();
  const value = await step();
  return { value, milliseconds: performance.now() - started };
}

/** True when the module at `moduleUrl` is the script Node was started with. */
export function isMainModule(moduleUrl) {
  return Boolean(process.argv[1]) && path.resolve(process.argv[1]) === path.resolve(new URL(moduleUrl).pathname);
}
