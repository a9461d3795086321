// A node:test reporter that emits one JSON object with the counts, for scripts/test.mjs:
//   node --test --test-reporter=spec --test-reporter-destination=stdout \
//               --test-reporter=./scripts/lib/node-test-reporter.mjs --test-reporter-destination=out.json
// Counting follows node's own summary: every test that is not a `describe` suite counts; skipped and
// todo tests count as skipped; cancelled tests count as failed. A suite (or a test with subtests)
// counts as a failure only when it failed for its own reason (a hook threw, its body threw) rather
// than because a test inside it failed — that test is counted already.
// A test file that cannot load appears as one failed test named after the file.
export default async function* countingReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { name, file, skip, todo, details } = event.data;
    const isSuite = details?.type === 'suite';
    if (event.type === 'test:pass') {
      if (isSuite) continue;
      if (skip || todo) counts.skipped++;
      else counts.passed++;
      continue;
    }
    const failureType = details?.error?.failureType;
    if (failureType === 'subtestsFailed') continue; // the failing subtest is counted itself
    if (!isSuite && todo) {
      counts.skipped++;
      continue;
    }
    counts.failed++;
    const cause = details?.error?.cause;
    counts.failures.push({ file, name, failureType, error: String(cause?.message ?? details?.error?.message ?? 'failed').slice(0, 500) });
  }
  yield `${JSON.stringify(counts, null, 2)}\n`;
}
