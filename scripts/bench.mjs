#!/usr/bin/env node
// `npm run bench`: the performance budgets of DESIGN.md, measured against references in the same run.
//
//   npm run bench                  every bench/*.bench.{ts,mjs}
//   npm run bench -- pairing       only the files whose name contains "pairing"
//
// Each bench file is a standalone Node script (TypeScript through tsx, workspace packages from source
// via the `source` condition). It prints its cases, each figure beside its reference and the ratio,
// and sets a non-zero exit code when a budget is broken. Browser benches drive Debian's Chromium with
// playwright-core (CHROME_PATH is exported here). This script runs them one after another (never in
// parallel: they measure time), prints a summary and exits 1 when any file failed or broke a budget.
import path from 'node:path';
import { ensureChromium } from './lib/chromium.mjs';
import { formatDuration, runNode } from './lib/process.mjs';
import { globFiles, relativeToRoot, repoRoot } from './lib/workspace.mjs';

const filters = process.argv.slice(2).filter((argument) => !argument.startsWith('-'));
const files = [...globFiles('bench/*.bench.ts'), ...globFiles('bench/*.bench.mjs')]
  .sort()
  .filter((file) => filters.length === 0 || filters.some((filter) => path.basename(file).includes(filter)));

if (files.length === 0) {
  console.error(filters.length ? `No bench file matches ${filters.join(', ')} (looked in bench/).` : 'No bench files in bench/.');
  process.exit(1);
}

const chromePath = ensureChromium({ log: (line) => console.log(line) });
if (chromePath) process.env.CHROME_PATH = chromePath;

const results = [];
for (const file of files) {
  const name = relativeToRoot(file);
  console.log(`\n━━━ ${name}`);
  const result = await runNode(['--conditions=source', '--import', 'tsx', '--expose-gc', path.relative(repoRoot, file)], {
    env: { ...process.env, NODE_ENV: 'production' },
  });
  results.push({ name, ok: result.ok, milliseconds: result.milliseconds, code: result.code });
}

console.log('\n━━━ bench summary');
for (const result of results) {
  console.log(`  ${result.ok ? 'within budget' : 'OVER BUDGET or failed'}  ${result.name}  (${formatDuration(result.milliseconds)})`);
}
const failed = results.filter((result) => !result.ok).length;
console.log(failed === 0 ? `all ${results.length} bench files within budget` : `${failed} of ${results.length} bench files over budget or failed`);
process.exit(failed === 0 ? 0 : 1);
