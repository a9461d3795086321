// Where each kind of test lives. One list, read by scripts/test.mjs and web-test-runner.config.mjs.

/** Browser tests (web-test-runner, headless Chromium), one group per entry. */
export const browserTestGroups = {
  elements: 'packages/elements/src/**/*.test.ts',
  indexeddb: 'packages/storage-indexeddb/test/**/*.test.ts',
  integration: 'test/browser/**/*.test.ts',
};

/** Node unit tests (node:test, sources through the `source` condition). */
export const nodeTestPatterns = ['packages/*/test/**/*.test.{ts,mjs}', 'examples/*/test/**/*.test.{ts,mjs}', 'test/node/**/*.test.{ts,mjs}'];

/** Package test folders that hold browser-only tests and must never run under node. */
export const browserOnlyTestDirectories = ['packages/storage-indexeddb/test/'];

/** End-to-end tests: node:test files that drive the built demo in Chromium with playwright-core. */
export const e2eTestPatterns = ['test/e2e/*.test.{ts,mjs}'];
