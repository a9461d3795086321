#!/usr/bin/env node
// Writes packages/elements/src/jsx-types.ts from packages/elements/custom-elements.json (run by
// `npm run analyze` after the analyzer). `--check` only compares, and exits 1 when the file is stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { jsxTypesFile, jsxTypesFromManifest } from './lib/jsx-types.mjs';
import { repoRoot } from './lib/workspace.mjs';

const manifestFile = path.join(repoRoot, 'packages/elements/custom-elements.json');
if (!existsSync(manifestFile)) {
  console.error('packages/elements/custom-elements.json is missing: run `npm run analyze` first.');
  process.exit(1);
}
const text = jsxTypesFromManifest(JSON.parse(readFileSync(manifestFile, 'utf8')));
const current = existsSync(jsxTypesFile) ? readFileSync(jsxTypesFile, 'utf8') : '';
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error('packages/elements/src/jsx-types.ts is out of date with the elements: run `npm run analyze` and commit it.');
    process.exit(1);
  }
} else if (current !== text) {
  writeFileSync(jsxTypesFile, text);
  console.log('wrote packages/elements/src/jsx-types.ts');
}
