#!/usr/bin/env node
// `npm run check:packages`: what a consumer of each published package would hit, checked on the built
// packages (run `npm run build` first):
//   publint                 package.json fields, exports map, files that exist in the packed tarball
//   @arethetypeswrong/cli   every exports subpath resolves to types under node16 (ESM) and bundlers
//                           (the packages are ESM-only, so the CommonJS/node10 resolutions are ignored)
// Exits 1 when any package has a problem.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { binPath, runNode } from './lib/process.mjs';
import { relativeToRoot, workspacePackages } from './lib/workspace.mjs';

const publint = binPath('publint');
const attw = binPath('@arethetypeswrong/cli', 'attw');
let failures = 0;

for (const pkg of workspacePackages()) {
  if (pkg.manifest.private) continue;
  const where = relativeToRoot(pkg.directory);
  console.log(`\n━━━ ${pkg.name} (${where})`);
  const lint = await runNode([publint, '--strict', pkg.directory], { capture: true });
  console.log(
    lint.output
      .trim()
      .split('\n')
      .filter((line) => !line.includes('Unknown user config'))
      .join('\n'),
  );
  if (!lint.ok) failures++;
  // attw cannot expand `./*/define.js` wildcards or resolve CSS: name each element's define entry, skip CSS.
  const exportKeys = Object.keys(pkg.manifest.exports ?? {});
  const cssEntries = exportKeys.filter((key) => key.endsWith('.css'));
  const wildcardDefines = exportKeys.includes('./*/define.js')
    ? readdirSync(path.join(pkg.directory, 'src'), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(path.join(pkg.directory, 'src', entry.name, 'define.ts')))
        .map((entry) => `./${entry.name}/define.js`)
    : [];
  const attwArgs = ['--pack', '.', '--profile', 'esm-only', '--format', 'table-flipped', '--quiet'];
  if (cssEntries.length) attwArgs.push('--exclude-entrypoints', ...cssEntries);
  if (wildcardDefines.length) attwArgs.push('--include-entrypoints', ...wildcardDefines);
  const types = await runNode([attw, ...attwArgs], { capture: true, cwd: pkg.directory });
  console.log(types.ok ? '@arethetypeswrong: no problems' : types.output.trim());
  if (!types.ok) failures++;
}

console.log(failures === 0 ? '\nEvery package is clean (publint, arethetypeswrong).' : `\n${failures} package check(s) failed.`);
process.exit(failures === 0 ? 0 : 1);
