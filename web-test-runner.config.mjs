// @web/test-runner: element, IndexedDB adapter and cross-package tests in real headless Chromium.
// The browser is Debian's `chromium` (or CHROME_PATH); scripts/test.mjs installs it when missing.
//
//   npm run test:browser                    every group, with counts in .test-results/ (via scripts/test.mjs)
//   npx wtr --group elements                one group (elements | indexeddb | integration)
//   npx wtr --group elements --watch        re-run on change
//   MK_WTR_FILES='packages/elements/src/goal-tracker/*.test.ts' npx wtr --group focus   just those files
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, findChromium } from './scripts/lib/chromium.mjs';
import { resultsFileReporter } from './scripts/lib/wtr-results-reporter.mjs';
import { browserTestGroups } from './scripts/lib/test-locations.mjs';
import { globFiles } from './scripts/lib/workspace.mjs';

// elements: packages/elements/src/**/*.test.ts, indexeddb: packages/storage-indexeddb/test/**/*.test.ts,
// integration: test/browser/**/*.test.ts (see scripts/lib/test-locations.mjs).
const groups = browserTestGroups;

// Only groups that have test files: web-test-runner refuses to start when any group matches nothing.
// (Groups only — no top-level `files`, which would run every test a second time as the "default" group.)
// MK_WTR_FILES="packages/elements/src/goal-tracker/*.test.ts" runs just those files (one group, "focus"),
// for quick runs while working on one element.
const focusFiles = process.env.MK_WTR_FILES?.split(',')
  .map((pattern) => pattern.trim())
  .filter(Boolean);
const groupsWithTests = focusFiles?.length
  ? [{ name: 'focus', files: focusFiles }]
  : Object.entries(groups)
      .filter(([, pattern]) => globFiles(pattern).length > 0)
      .map(([name, files]) => ({ name, files }));

const chromePath = findChromium();
const resultsFile = process.env.MENTORKIT_WTR_RESULTS;

export default {
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  groups: groupsWithTests,
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 20_000 } },
  // Lit's development build announces itself in every test file: not worth reading each time.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' })],
  reporters: [defaultReporter(), ...(resultsFile ? [resultsFileReporter({ outputFile: resultsFile })] : [])],
  browsers: [
    chromeLauncher({
      launchOptions: {
        ...(chromePath ? { executablePath: chromePath } : {}),
        headless: true,
        args: chromiumArgs(),
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
