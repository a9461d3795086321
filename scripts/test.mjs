#!/usr/bin/env node
// `npm test`: every test suite, with counts.
//
//   node scripts/test.mjs                   core, browser and e2e
//   node scripts/test.mjs core              one suite (or several: `browser e2e`)
//   node scripts/test.mjs e2e --no-build    e2e against the existing build
//
// Suites
//   core     node:test over packages/*/test/**/*.test.{ts,mjs} and test/node/** (not the browser-only
//            packages/storage-indexeddb/test), TypeScript through tsx, workspace packages from source.
//   browser  web-test-runner in headless Chromium, every group of web-test-runner.config.mjs.
//   e2e      builds everything, then node:test over test/e2e/*.test.{ts,mjs}; those tests drive the
//            built demo with playwright-core (executablePath: process.env.CHROME_PATH).
//
// Before a browser suite runs, Chromium is located (CHROME_PATH, then the usual paths) or — as root
// with apt-get — installed; CHROME_PATH is exported to every child.
//
// Counts come from machine-readable reporters (scripts/lib/node-test-reporter.mjs for node:test,
// scripts/lib/wtr-results-reporter.mjs for web-test-runner), while normal output streams to the
// console. A suite that crashes counts as failed. Results go to .test-results/summary.json
// ({ suites: { core: { passed, failed, skipped, … } }, passed, failed, skipped }) and the last line
// printed is exactly `N passed, N failed`. The exit code is 1 when anything failed.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureChromium } from './lib/chromium.mjs';
import { ensurePostgres } from './lib/postgres.mjs';
import { ensureRadicale } from './lib/radicale.mjs';
import { binPath, formatDuration, runNode } from './lib/process.mjs';
import { browserOnlyTestDirectories, browserTestGroups, e2eTestPatterns, nodeTestPatterns } from './lib/test-locations.mjs';
import { globFiles, relativeToRoot, repoRoot } from './lib/workspace.mjs';

const resultsDirectory = path.join(repoRoot, '.test-results');
const summaryFile = path.join(resultsDirectory, 'summary.json');

const filesMatching = (patterns) => [...new Set(patterns.flatMap((pattern) => globFiles(pattern)))].sort();

/** Reads a reporter's JSON file; undefined when it is missing or unreadable (a crash). */
function readCounts(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Combines a reporter's counts with the process result. A non-zero exit with no failing test, or no
 * counts at all, is a crash and counts as one failure.
 */
function settle(counts, processResult, what) {
  if (!counts) {
    return {
      passed: 0,
      failed: 1,
      skipped: 0,
      status: 'crashed',
      note: `${what} exited (${exitDescription(processResult)}) without reporting results`,
      failures: [],
    };
  }
  const result = { passed: counts.passed, failed: counts.failed, skipped: counts.skipped, failures: counts.failures ?? [] };
  if (counts.groups) result.groups = counts.groups;
  if (!processResult.ok && result.failed === 0) {
    return { ...result, failed: 1, status: 'crashed', note: `${what} exited (${exitDescription(processResult)}) although no test failed` };
  }
  return { ...result, status: result.failed > 0 ? 'failed' : 'passed' };
}

const exitDescription = ({ code, signal }) => (signal ? `signal ${signal}` : `code ${code}`);

/** node --test with a human reporter on stdout and the counting reporter into a file. */
async function runNodeTests(files, { name, conditions = [] }) {
  const resultsFile = path.join(resultsDirectory, `${name}.json`);
  mkdirSync(resultsDirectory, { recursive: true });
  rmSync(resultsFile, { force: true });
  const args = [
    ...conditions.map((condition) => `--conditions=${condition}`),
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${path.join(repoRoot, 'scripts/lib/node-test-reporter.mjs')}`,
    `--test-reporter-destination=${resultsFile}`,
    ...files.map(relativeToRoot),
  ];
  const processResult = await runNode(args);
  return settle(readCounts(resultsFile), processResult, 'node --test');
}

const suites = {
  core: {
    title: 'core — unit tests under node:test',
    needsBrowser: false,
    files: () => filesMatching(nodeTestPatterns).filter((file) => !browserOnlyTestDirectories.some((directory) => relativeToRoot(file).startsWith(directory))),
    run: (files) => runNodeTests(files, { name: 'core', conditions: ['source'] }),
  },
  browser: {
    title: 'browser — web-test-runner in headless Chromium',
    needsBrowser: true,
    files: () => filesMatching(Object.values(browserTestGroups)),
    async run() {
      const resultsFile = path.join(resultsDirectory, 'browser.json');
      rmSync(resultsFile, { force: true });
      const processResult = await runNode([binPath('@web/test-runner', 'wtr'), '--config', 'web-test-runner.config.mjs'], {
        env: { ...process.env, MENTORKIT_WTR_RESULTS: resultsFile },
      });
      return settle(readCounts(resultsFile), processResult, 'web-test-runner');
    },
  },
  e2e: {
    title: 'e2e — the built demo in Chromium (playwright-core)',
    needsBrowser: true,
    files: () => filesMatching(e2eTestPatterns),
    async run(files, { build }) {
      if (build) {
        console.log('Building first (the end-to-end tests use the built packages and demo)…');
        const buildResult = await runNode([path.join(repoRoot, 'scripts/build.mjs')]);
        if (!buildResult.ok) {
          return { passed: 0, failed: 1, skipped: 0, status: 'crashed', note: 'the build failed, so the end-to-end tests could not run', failures: [] };
        }
      }
      return runNodeTests(files, { name: 'e2e' });
    },
  },
};

function usage() {
  return `Usage: node scripts/test.mjs [${Object.keys(suites).join('|')} …] [--no-build]\n  With no suite named, runs all of them.`;
}

function parseArguments(argv) {
  const selected = [];
  let build = true;
  for (const arg of argv) {
    if (arg === '--no-build') build = false;
    else if (arg === '--help' || arg === '-h') {
      console.log(usage());
      process.exit(0);
    } else if (arg in suites) selected.push(arg);
    else {
      console.error(`Unknown suite or option "${arg}".\n${usage()}`);
      process.exit(2);
    }
  }
  return { selected: selected.length > 0 ? [...new Set(selected)] : Object.keys(suites), build };
}

function writeSummary(results) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const result of Object.values(results)) for (const key of Object.keys(total)) total[key] += result[key];
  mkdirSync(resultsDirectory, { recursive: true });
  writeFileSync(summaryFile, `${JSON.stringify({ suites: results, ...total }, null, 2)}\n`);
  return total;
}

function printSummary(results, total) {
  console.log('\n────────── test summary ──────────');
  for (const [name, result] of Object.entries(results)) {
    const counts = `${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`;
    const extra = [result.status === 'crashed' ? 'CRASHED' : '', result.note ?? '', result.milliseconds != null ? formatDuration(result.milliseconds) : '']
      .filter(Boolean)
      .join(' — ');
    console.log(`  ${result.failed > 0 ? '✗' : '✓'} ${name.padEnd(8)} ${counts}${extra ? `  (${extra})` : ''}`);
    for (const failure of (result.failures ?? []).slice(0, 20)) {
      const firstLine = String(failure.error).split('\n')[0];
      const error = firstLine.length > 160 ? `${firstLine.slice(0, 160)}…` : firstLine;
      console.log(`      ✗ ${failure.file ? `${relativeToRoot(path.resolve(repoRoot, failure.file))}: ` : ''}${failure.name} — ${error}`);
    }
    if ((result.failures ?? []).length > 20) console.log(`      … and ${result.failures.length - 20} more (see ${relativeToRoot(summaryFile)})`);
  }
  console.log(`  results: ${relativeToRoot(summaryFile)}`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
}

async function main() {
  const { selected, build } = parseArguments(process.argv.slice(2));
  const results = {};
  const plan = selected.map((name) => ({ name, suite: suites[name], files: suites[name].files() }));

  if (plan.some(({ suite, files }) => suite.needsBrowser && files.length > 0)) {
    try {
      console.log(`Chromium: ${ensureChromium()}`);
    } catch (error) {
      console.error(`\n${error.message}`);
      for (const { name, suite, files } of plan) {
        if (suite.needsBrowser && files.length > 0) {
          results[name] = { passed: 0, failed: 1, skipped: 0, status: 'crashed', note: 'no browser', failures: [] };
        }
      }
      const total = writeSummary(results);
      console.log(`${total.passed} passed, ${total.failed} failed`);
      process.exit(1);
    }
  }

  // The REST adapter's and reference backend's tests (core suite) run on a real PostgreSQL: find or
  // install it up front, so an apt-get install shows here rather than inside a test. When it cannot be
  // had, those tests skip and say why.
  if (selected.includes('core')) {
    try {
      console.log(`PostgreSQL: ${ensurePostgres().directory}`);
    } catch (error) {
      console.log(`PostgreSQL: not available (${error.message.split('\n')[0]}); the tests that need it will skip.`);
    }
    // The server's calendar tests read and write a real CalDAV server: Radicale, found or installed the same way.
    try {
      console.log(`Radicale: ${ensureRadicale()}`);
    } catch (error) {
      console.log(`Radicale: not available (${error.message.split('\n')[0]}); the tests that need it will skip.`);
    }
  }

  for (const { name, suite, files } of plan) {
    console.log(`\n━━━━━━━━━━ ${suite.title} ━━━━━━━━━━`);
    if (files.length === 0) {
      console.log(`No ${name} test files yet — nothing to run.`);
      results[name] = { passed: 0, failed: 0, skipped: 0, status: 'no-tests', note: 'no test files yet', failures: [] };
      continue;
    }
    console.log(`${files.length} test file${files.length === 1 ? '' : 's'}`);
    const started = performance.now();
    let result;
    try {
      result = await suite.run(files, { build });
    } catch (error) {
      console.error(error?.stack ?? error);
      result = { passed: 0, failed: 1, skipped: 0, status: 'crashed', note: String(error?.message ?? error), failures: [] };
    }
    result.milliseconds = Math.round(performance.now() - started);
    results[name] = result;
    console.log(`${name}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped (${formatDuration(result.milliseconds)})`);
  }

  const total = writeSummary(results);
  printSummary(results, total);
  process.exitCode = total.failed > 0 ? 1 : 0;
}

if (!existsSync(path.join(repoRoot, 'node_modules'))) {
  console.error('Dependencies are not installed: run `npm install` (or `npm ci`) first.');
  process.exit(1);
}
await main();
