// A @web/test-runner reporter that writes pass/fail/skip counts as JSON, for scripts/test.mjs.
// web-test-runner's own closing line is a progress summary, not something to parse; this reporter
// counts every test of every session, and counts a session that failed outside any test (a file
// that does not load, an uncaught error, a browser crash) as one failure, so it is never lost.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function countSuite(suite, counts, trail, failures, file) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    const name = [...trail, test.name].join(' › ');
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else {
      counts.failed++;
      failures.push({ file, name, error: test.error?.message ?? 'failed' });
    }
  }
  for (const child of suite.suites ?? []) countSuite(child, counts, [...trail, child.name], failures, file);
}

/** Tallies sessions into { passed, failed, skipped, groups, failures }. */
export function tallySessions(sessions, rootDir = process.cwd()) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  const groups = {};
  const failures = [];
  for (const session of sessions) {
    const file = path.relative(rootDir, session.testFile);
    const groupName = session.group?.name ?? 'default';
    const group = (groups[groupName] ??= { passed: 0, failed: 0, skipped: 0 });
    const counts = { passed: 0, failed: 0, skipped: 0 };
    countSuite(session.testResults, counts, [], failures, file);
    if (!session.passed && counts.failed === 0) {
      // The file failed without a failing test: it did not load, threw outside a test, or timed out.
      counts.failed = 1;
      const reasons = (session.errors ?? []).map((error) => error?.message ?? String(error));
      failures.push({ file, name: '(test file)', error: reasons.join('; ') || 'the test file failed outside any test' });
    }
    for (const key of Object.keys(counts)) {
      group[key] += counts[key];
      total[key] += counts[key];
    }
  }
  return { ...total, groups, failures };
}

/** The reporter. `outputFile`: where to write the JSON. */
export function resultsFileReporter({ outputFile }) {
  let rootDir = process.cwd();
  const write = (sessions) => {
    mkdirSync(path.dirname(outputFile), { recursive: true });
    writeFileSync(outputFile, `${JSON.stringify(tallySessions(sessions, rootDir), null, 2)}\n`);
  };
  return {
    start({ config }) {
      rootDir = config.rootDir ?? rootDir;
    },
    onTestRunFinished({ sessions }) {
      write(sessions);
    },
    stop({ sessions }) {
      write(sessions);
    },
  };
}
