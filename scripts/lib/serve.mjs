// A static server for the examples, shared by `npm start` and the end-to-end tests.
// It serves the repository root so that /examples/lms-demo/, /examples/intranet-goal-tracker/ and the
// built packages (/packages/elements/dist/cdn/mentorkit.js) are all reachable. The bundles are
// self-contained, so no bare-import resolution is needed.
import { startDevServer } from '@web/dev-server';
import net from 'node:net';
import { repoRoot } from './workspace.mjs';

/** The page `npm start` opens first. */
export const demoPath = '/examples/lms-demo/';

/** Resolves true when nothing listens on `port` (checked the way the dev server will bind it). */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.once('listening', () => probe.close(() => resolve(true)));
    probe.listen({ port });
  });
}

/** A port the operating system reports free right now. */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ port: 0 }, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the server.
 *   port:        the wanted port; 0 (the default) picks a random free one.
 *   fallback:    when the wanted port is taken, use a free one instead of failing (default true).
 *   rootDir:     what to serve (default: the repository root).
 * Resolves { url, demoUrl, port, server, close }; `close()` stops the server (tests must call it).
 */
export async function startServer({ port = 0, fallback = true, rootDir = repoRoot, quiet = true } = {}) {
  let chosenPort = Number(port);
  if (!Number.isInteger(chosenPort) || chosenPort < 0 || chosenPort > 65535) {
    throw new Error(`Invalid port "${port}": use a number between 0 and 65535.`);
  }
  if (chosenPort !== 0 && !(await isPortFree(chosenPort))) {
    if (!fallback) throw new Error(`Port ${chosenPort} is already in use.`);
    chosenPort = await findFreePort();
  }
  if (chosenPort === 0) chosenPort = await findFreePort();

  const server = await startDevServer({
    config: {
      rootDir,
      port: chosenPort,
      hostname: 'localhost',
      nodeResolve: false,
      watch: false,
      middleware: [
        // The bare root has nothing to show: send visitors to the demo.
        function redirectRootToDemo(context, next) {
          if (context.path === '/' || context.path === '/index.html') {
            context.redirect(demoPath);
            return undefined;
          }
          return next();
        },
      ],
    },
    readCliArgs: false,
    readFileConfig: false,
    autoExitProcess: false,
    logStartMessage: !quiet,
  });
  const boundPort = server.server?.address()?.port ?? chosenPort;
  const url = `http://localhost:${boundPort}`;
  return {
    url,
    demoUrl: `${url}${demoPath}`,
    port: boundPort,
    server,
    close: () => server.stop(),
  };
}
