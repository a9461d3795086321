// @web/test-runner: element, IndexedDB adapter and cross-package tests in real headless Chromium.
// The browser is Debian's `chromium` (or CHROME_PATH); scripts/test.mjs installs it when missing.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { existsSync } from 'node:fs';

const chromePath = process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((candidate) => existsSync(candidate));
const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const groups = {
  elements: 'packages/elements/src/**/*.test.ts',
  indexeddb: 'packages/storage-indexeddb/test/**/*.test.ts',
  integration: 'test/browser/**/*.test.ts',
};

export default {
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  files: Object.values(groups),
  groups: Object.entries(groups).map(([name, files]) => ({ name, files })),
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromePath,
        headless: true,
        args: [
          ...(runningAsRoot ? ['--no-sandbox'] : []),
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
  // nanostores' development build reads process.env.NODE_ENV: define it before any module loads.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><script>window.process = { env: { NODE_ENV: 'development' } };</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
};
