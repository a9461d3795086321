#!/usr/bin/env node
// `npm start`: build everything, then serve the repository root so the examples work:
//   http://localhost:<port>/examples/lms-demo/          the LMS demo (the root redirects here)
//   http://localhost:<port>/examples/<other example>/   e.g. the plain-HTML intranet goal tracker
//   http://localhost:<port>/packages/elements/dist/cdn/mentorkit.js   the CDN bundle they load
// Port: $PORT, else 8000; when it is taken, a free port is used instead. Runs until Ctrl-C.
//
//   npm start -- --no-build     serve the existing build
import { buildOrExit } from './build.mjs';
import { startServer } from './lib/serve.mjs';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { globFiles, relativeToRoot, repoRoot } from './lib/workspace.mjs';

const args = new Set(process.argv.slice(2));
for (const arg of args) {
  if (arg !== '--no-build') {
    console.error(`Unknown option ${arg}. Usage: npm start [-- --no-build]   (PORT=8080 npm start picks the port)`);
    process.exit(2);
  }
}

if (!args.has('--no-build')) {
  await buildOrExit('there is nothing to serve');
}

const wantedPort = process.env.PORT ? Number(process.env.PORT) : 8000;
let server;
try {
  server = await startServer({ port: wantedPort, fallback: true });
} catch (error) {
  console.error(`Could not start the server: ${error?.message ?? error}`);
  process.exit(1);
}

// Examples built with Vite (a vite.config.mjs beside index.html) are served from their dist/.
const examples = globFiles('examples/*/index.html').map((file) => {
  const directory = relativeToRoot(file).replace(/index\.html$/, '');
  return existsSync(path.join(repoRoot, directory, 'vite.config.mjs')) ? `${directory}dist/` : directory;
});
const line = '─'.repeat(64);
console.log(line);
if (server.port !== wantedPort) console.log(`Port ${wantedPort} is in use; using ${server.port} instead.`);
console.log(`MentorKit demo:  ${server.demoUrl}`);
for (const example of examples.filter((example) => `/${example}` !== new URL(server.demoUrl).pathname)) {
  console.log(`also:            ${server.url}/${example}`);
}
console.log(`serving:         the repository root, at ${server.url}/`);
console.log('Press Ctrl-C to stop.');
console.log(line);

let stopping = false;
const stop = async (signal) => {
  if (stopping) process.exit(1);
  stopping = true;
  console.log(`\n${signal}: stopping the server…`);
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
