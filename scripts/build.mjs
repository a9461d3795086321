#!/usr/bin/env node
// `npm run build`: everything a release or the demo needs, from a clean slate.
//
//   1. clean   packages/*/dist, examples/*/dist, packages/elements/custom-elements.json
//   2. in parallel:
//        rollup  npm builds (ESM, preserveModules, dependencies external) for every workspace package,
//                the CDN bundle packages/elements/dist/cdn/mentorkit.js, examples/*/dist/main.js
//                (see rollup.config.mjs)
//        tsc     one --emitDeclarationOnly pass over the exports' modules → packages/<pkg>/dist/**/*.d.ts
//        cem     the custom-elements manifest → packages/elements/custom-elements.json
//   3. theme CSS: packages/elements/src/theme/theme.css → dist/theme.css and dist/cdn/theme.css
//   4. verify that every `types`/`default` target of every package.json `exports` map now exists
//
// Options: --no-types (skip declarations), --no-manifest (skip the manifest).
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { cdnBundle, exampleBundles, packageBuild } from '../rollup.config.mjs';
import { jsxTypesFile, jsxTypesFromManifest } from './lib/jsx-types.mjs';
import { binPath, formatDuration, isMainModule, runNode, timed } from './lib/process.mjs';
import picomatch from 'picomatch';
import { exportEntries, fileExports, findFiles, globFiles, relativeToRoot, repoRoot, workspacePackages } from './lib/workspace.mjs';

const cacheDirectory = path.join(repoRoot, 'node_modules/.cache/mentorkit-build');

class BuildError extends Error {}

/** Sources that never ship: tests and stories next to the code. */
const excludedFromPackages = ['**/*.test.ts', '**/*.stories.ts', '**/stories/**'];
const isExcludedFromPackages = picomatch(excludedFromPackages);
const isExcludedDeclaration = (relative) =>
  isExcludedFromPackages(
    relative
      .split(path.sep)
      .join('/')
      .replace(/\.d\.ts$/, '.ts'),
  );

/** Removes every build output so nothing stale survives. */
function clean(packages) {
  const targets = [
    ...packages.map((pkg) => path.join(pkg.directory, 'dist')),
    ...findExampleDirectories().map((directory) => path.join(directory, 'dist')),
    path.join(repoRoot, 'packages/elements/custom-elements.json'),
  ];
  for (const target of targets) rmSync(target, { recursive: true, force: true });
}

function findExampleDirectories() {
  const examples = path.join(repoRoot, 'examples');
  if (!existsSync(examples)) return [];
  return [
    ...new Set([
      ...globFiles('examples/*/src/main.ts').map((file) => path.dirname(path.dirname(file))),
      ...globFiles('examples/*/vite.config.mjs').map((file) => path.dirname(file)),
    ]),
  ].filter((directory) => existsSync(path.join(directory, 'index.html')));
}

/** Runs one rollup configuration and writes its output. */
async function runRollup(options) {
  const bundle = await rollup({ ...options, output: undefined });
  try {
    await bundle.write(options.output);
  } finally {
    await bundle.close();
  }
}

/**
 * Type declarations for every package with one tsc pass over the export entry points (packages
 * reference each other's sources through the `source` condition, so a single program sees them all,
 * and only modules reachable from an export get a declaration — as only those get JS), emitted into a
 * scratch directory and copied to packages/<pkg>/dist.
 */
async function emitDeclarations(packages) {
  const outDirectory = path.join(cacheDirectory, 'types');
  rmSync(outDirectory, { recursive: true, force: true });
  mkdirSync(cacheDirectory, { recursive: true });
  const configFile = path.join(cacheDirectory, 'tsconfig.declarations.json');
  writeFileSync(
    configFile,
    JSON.stringify(
      {
        extends: path.join(repoRoot, 'tsconfig.json'),
        compilerOptions: {
          noEmit: false,
          declaration: true,
          emitDeclarationOnly: true,
          incremental: false,
          rootDir: path.join(repoRoot, 'packages'),
          outDir: outDirectory,
        },
        files: packages.flatMap((pkg) => exportEntries(pkg).map((entry) => entry.source)).filter((file) => existsSync(file)),
        // Hand-written ambient declarations in a package's sources take part in the check.
        include: packages.map((pkg) => path.join(pkg.directory, 'src/**/*.d.ts')),
      },
      null,
      2,
    ),
  );
  const result = await runNode([binPath('typescript', 'tsc'), '-p', configFile, '--pretty', String(Boolean(process.stdout.isTTY))], { capture: true });
  if (!result.ok) {
    throw new BuildError(`Type declarations: tsc reported errors (the declarations would be wrong):\n${result.output.trim()}`);
  }
  let copied = 0;
  for (const pkg of packages) {
    const sourceDirectory = path.join(pkg.directory, 'src');
    const emitted = path.join(outDirectory, path.relative(path.join(repoRoot, 'packages'), sourceDirectory));
    for (const declaration of findFiles(emitted, (relative) => relative.endsWith('.d.ts'))) {
      const relative = path.relative(emitted, declaration);
      if (isExcludedDeclaration(relative)) continue; // a test or story reachable from an export would be a mistake, not an API
      const target = path.join(pkg.directory, 'dist', relative);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(declaration, target);
      copied++;
    }
  }
  return copied;
}

/** The custom-elements manifest (skipped when the elements package has no sources yet). */
async function analyzeElements() {
  if (findFiles(path.join(repoRoot, 'packages/elements/src'), (relative) => relative.endsWith('.ts')).length === 0) {
    return 'skipped: packages/elements/src has no .ts files yet';
  }
  const result = await runNode([binPath('@custom-elements-manifest/analyzer', 'cem'), 'analyze', '--config', 'custom-elements-manifest.config.mjs'], {
    capture: true,
  });
  const manifest = path.join(repoRoot, 'packages/elements/custom-elements.json');
  if (!result.ok || !existsSync(manifest)) {
    throw new BuildError(`Custom elements manifest: cem analyze failed:\n${result.output.trim()}`);
  }
  const parsed = JSON.parse(readFileSync(manifest, 'utf8'));
  const declarations = parsed.modules.flatMap((module) => module.declarations ?? []);
  // The typed JSX (src/jsx-types.ts) is generated from the manifest and committed; a stale copy fails CI
  // and warns elsewhere (`npm run analyze` rewrites it).
  const jsxCurrent = existsSync(jsxTypesFile) && readFileSync(jsxTypesFile, 'utf8') === jsxTypesFromManifest(parsed);
  if (!jsxCurrent) {
    const message = 'packages/elements/src/jsx-types.ts is out of date with the elements: run `npm run analyze` and commit it.';
    if (process.env.CI) throw new BuildError(message);
    console.warn(`warning: ${message}`);
  }
  return `${declarations.filter((declaration) => declaration.customElement).length} custom elements${jsxCurrent ? '' : ' (jsx-types.ts stale)'}`;
}

/** Theme CSS for npm users (dist/theme.css) and for CDN users (dist/cdn/theme.css). */
function copyTheme() {
  const elements = path.join(repoRoot, 'packages/elements');
  const theme = path.join(elements, 'src/theme/theme.css');
  if (!existsSync(theme)) return 'no src/theme/theme.css';
  for (const target of ['dist/theme.css', 'dist/cdn/theme.css']) {
    mkdirSync(path.dirname(path.join(elements, target)), { recursive: true });
    copyFileSync(theme, path.join(elements, target));
  }
  return 'dist/theme.css, dist/cdn/theme.css';
}

/** Every target the exports maps promise must exist after the build. */
function verifyExports(packages, { types }) {
  const problems = [];
  const warnings = [];
  for (const pkg of packages) {
    for (const entry of exportEntries(pkg)) {
      for (const [condition, file] of Object.entries({ default: entry.default, ...(types ? { types: entry.types } : {}) })) {
        if (file && !existsSync(file)) problems.push(`${pkg.name} "${entry.subpath}" ${condition} → ${relativeToRoot(file)} was not produced`);
      }
    }
    for (const { subpath, file } of fileExports(pkg)) {
      if (!existsSync(file)) warnings.push(`${pkg.name} "${subpath}" → ${relativeToRoot(file)} does not exist (export points at nothing)`);
    }
  }
  return { problems, warnings };
}

/** Checks that a browser bundle has no leftover `process.env` (it would throw in a browser). */
function checkBrowserBundle(file, directory) {
  const files = directory ? findFiles(directory, (relative) => relative.endsWith('.js')) : [file];
  let total = 0;
  let totalGzip = 0;
  for (const each of files) {
    const code = readFileSync(each, 'utf8');
    if (/\bprocess\.env\b/.test(code)) {
      throw new BuildError(`${relativeToRoot(each)} still reads process.env, which does not exist in browsers.`);
    }
    total += statSync(each).size;
    totalGzip += gzipSync(code, { level: 9 }).length;
  }
  const entry = `${relativeToRoot(file)}: ${(statSync(file).size / 1000).toFixed(1)} kB min, ${(gzipSync(readFileSync(file), { level: 9 }).length / 1000).toFixed(1)} kB gzip`;
  return files.length > 1
    ? `${entry}; with its ${files.length - 1} lazily loaded chunks ${(total / 1000).toFixed(1)} kB min, ${(totalGzip / 1000).toFixed(1)} kB gzip`
    : entry;
}

/** A readable message: ours as is, rollup's with its location and code frame, anything else with a stack. */
function describeError(error) {
  if (error instanceof BuildError || error?.code === 'MENTORKIT_CONFIGURATION') return error.message;
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' && 'message' in error) {
    const where = error.loc
      ? `${relativeToRoot(error.loc.file ?? error.id ?? '')}:${error.loc.line}:${error.loc.column}`
      : error.id
        ? relativeToRoot(error.id)
        : '';
    const message = error.message.startsWith('[plugin ') ? error.message : `[${error.plugin ?? 'rollup'}] ${error.message}`;
    return [message, where && `  at ${where}`, error.frame].filter(Boolean).join('\n');
  }
  return error?.stack ?? String(error);
}

/**
 * Builds everything. Resolves with a list of report lines; rejects with an Error whose message says
 * what failed. `log` receives progress lines.
 */
export async function build({ types = true, manifest = true, log = console.log } = {}) {
  const started = performance.now();
  const packages = workspacePackages();
  clean(packages);

  const label = (name, promise) =>
    timed(() => promise).then(
      ({ value, milliseconds }) => {
        log(`  ✓ ${name} (${formatDuration(milliseconds)})${value ? ` — ${value}` : ''}`);
        return value;
      },
      (error) => {
        log(`  ✗ ${name}`);
        throw error;
      },
    );

  const browserBundles = [...cdnBundle(), ...exampleBundles()];
  const steps = [
    // Declarations and the manifest run in child processes, in parallel with rollup in this one.
    types
      ? label(
          'type declarations (tsc)',
          emitDeclarations(packages).then((count) => `${count} .d.ts files`),
        )
      : null,
    manifest ? label('custom-elements manifest (cem)', analyzeElements()) : null,
    label(
      `npm builds (${packages.map((pkg) => pkg.name).join(', ')})`,
      Promise.all(packages.map((pkg) => Promise.resolve().then(() => runRollup(packageBuild(pkg))))).then(() => ''),
    ),
    ...browserBundles.map((options) =>
      label(
        `bundle ${relativeToRoot(options.output.file ?? path.join(options.output.dir, options.output.entryFileNames))}`,
        runRollup(options).then(() =>
          checkBrowserBundle(options.output.file ?? path.join(options.output.dir, options.output.entryFileNames), options.output.dir),
        ),
      ),
    ),
  ].filter(Boolean);

  const results = await Promise.allSettled(steps);
  const failures = results.filter((result) => result.status === 'rejected').map((result) => result.reason);
  if (failures.length > 0) {
    throw new BuildError(failures.map(describeError).join('\n\n'));
  }
  log(`  ✓ theme CSS — ${copyTheme()}`);
  if (browserBundles.length === 0) log('  - no CDN bundle or examples to bundle yet (packages/elements/src/define-all.ts, examples/*/src/main.ts)');

  const { problems, warnings } = verifyExports(packages, { types });
  for (const warning of warnings) log(`  ! ${warning}`);
  if (problems.length > 0) throw new BuildError(`The exports maps promise files the build did not produce:\n  ${problems.join('\n  ')}`);
  log(`  ✓ every exports target exists`);

  // Framework host examples (examples/<name>/vite.config.mjs) build with Vite, after the packages,
  // so they consume @mentorkit/* as published (dist/ through the exports maps).
  for (const config of globFiles('examples/*/vite.config.mjs')) {
    const example = relativeToRoot(path.dirname(config));
    await label(
      `vite build ${example}`,
      runNode([binPath('vite'), 'build', '--config', config], { capture: true, env: { ...process.env, NODE_ENV: 'production' } }).then((result) => {
        if (!result.ok) throw new BuildError(`${example}: vite build failed:\n${result.output.trim()}`);
        return `${example}/dist`;
      }),
    );
  }
  return { milliseconds: performance.now() - started };
}

if (isMainModule(import.meta.url)) {
  const args = new Set(process.argv.slice(2));
  for (const arg of args) {
    if (!['--no-types', '--no-manifest'].includes(arg)) {
      console.error(`Unknown option ${arg}. Usage: node scripts/build.mjs [--no-types] [--no-manifest]`);
      process.exit(2);
    }
  }
  console.log('Building MentorKit…');
  try {
    const { milliseconds } = await build({ types: !args.has('--no-types'), manifest: !args.has('--no-manifest') });
    console.log(`Build finished in ${formatDuration(milliseconds)}.`);
  } catch (error) {
    console.error(`\nBuild failed:\n${describeError(error)}`);
    process.exit(1);
  }
}

/**
 * For the scripts that serve a demo: builds, saying so and how long it took; on failure prints why the
 * demo cannot work without it (`whatFails`, e.g. "there is nothing to serve") and exits with status 1.
 */
export async function buildOrExit(whatFails) {
  console.log('Building MentorKit…');
  try {
    const { milliseconds } = await build();
    console.log(`Build finished in ${formatDuration(milliseconds)}.\n`);
  } catch (error) {
    console.error(`\nBuild failed, so ${whatFails}:\n${error?.message ?? error}`);
    process.exit(1);
  }
}
