// The monorepo as the build and test scripts see it: the workspace packages, the entry points their
// `exports` maps declare, their dependencies, and file finding (tinyglobby; Node 20 has no fs.glob).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync } from 'tinyglobby';

/** Absolute path of the repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Reads and parses a JSON file. */
export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** A path relative to the repository root, with forward slashes, for messages. */
export function relativeToRoot(file) {
  return path.relative(repoRoot, file).split(path.sep).join('/');
}

/** Folders no script looks into. */
const ignoredDirectories = ['node_modules', 'dist', '.git', 'storybook-static', '.test-results'].map((name) => `**/${name}/**`);

/**
 * Every file below `directory` (recursively, skipping node_modules, dist and .git) whose path relative
 * to `directory` — with forward slashes — satisfies `accept`. Sorted, absolute paths.
 */
export function findFiles(directory, accept = () => true) {
  if (!existsSync(directory)) return [];
  return globSync('**/*', { cwd: directory, ignore: ignoredDirectories, dot: true })
    .filter((relative) => accept(relative))
    .map((relative) => path.join(directory, relative))
    .sort();
}

/** Files matching a repository-relative glob such as `packages/*\/test/**\/*.test.ts` (tinyglobby). Sorted, absolute paths. */
export function globFiles(glob, { cwd = repoRoot } = {}) {
  return globSync(glob, { cwd, ignore: ignoredDirectories, absolute: true, dot: true })
    .map((file) => path.normalize(file))
    .sort();
}

/** The workspace packages named in the root package.json, in dependency order (dependencies first). */
export function workspacePackages() {
  const rootManifest = readJson(path.join(repoRoot, 'package.json'));
  const packages = (rootManifest.workspaces ?? [])
    .flatMap((pattern) => (pattern.includes('*') ? globFiles(`${pattern}/package.json`).map((file) => path.dirname(file)) : [path.join(repoRoot, pattern)]))
    .filter((directory) => existsSync(path.join(directory, 'package.json')))
    .map((directory) => {
      const manifest = readJson(path.join(directory, 'package.json'));
      return { name: manifest.name, directory, manifest };
    });
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const ordered = [];
  const visiting = new Set();
  const visit = (pkg) => {
    if (ordered.includes(pkg) || visiting.has(pkg)) return;
    visiting.add(pkg);
    for (const dependency of Object.keys(dependenciesOf(pkg.manifest))) {
      if (byName.has(dependency)) visit(byName.get(dependency));
    }
    ordered.push(pkg);
  };
  packages.forEach(visit);
  return ordered;
}

/** dependencies + peerDependencies + optionalDependencies of a manifest. */
export function dependenciesOf(manifest) {
  return { ...manifest.optionalDependencies, ...manifest.peerDependencies, ...manifest.dependencies };
}

/**
 * A predicate for rollup's `external`: true for every dependency/peer of the package and anything
 * below it (`lit`, `lit/decorators.js`, `@mentorkit/core/model`), and for Node built-ins.
 */
export function externalsOf(manifest) {
  const names = Object.keys(dependenciesOf(manifest));
  return (id) => id.startsWith('node:') || names.some((name) => id === name || id.startsWith(`${name}/`));
}

/**
 * The entry points of a package, derived from the `source` conditions of its `exports` map.
 * Patterns (`./*\/define.js` → `./src/*\/define.ts`) are expanded against the files that exist.
 * Returns [{ subpath, source, types, default }] with absolute paths.
 */
export function exportEntries(pkg) {
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.manifest.exports ?? {})) {
    if (typeof target !== 'object' || target === null || typeof target.source !== 'string') continue;
    if (!target.source.includes('*')) {
      entries.push({
        subpath,
        source: path.join(pkg.directory, target.source),
        types: target.types && path.join(pkg.directory, target.types),
        default: target.default && path.join(pkg.directory, target.default),
      });
      continue;
    }
    // Node's `*` in exports matches any string, including slashes.
    const [before, after] = target.source.split('*');
    const escape = (text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    const matcher = new RegExp(`^${escape(before.replace(/^\.\//, ''))}(.+)${escape(after)}$`);
    const searchRoot = path.join(pkg.directory, before.slice(0, before.lastIndexOf('/') + 1));
    const searchPrefix = path.relative(pkg.directory, searchRoot).split(path.sep).join('/');
    for (const file of findFiles(searchRoot)) {
      const relative = path.relative(pkg.directory, file).split(path.sep).join('/');
      const match = matcher.exec(relative);
      if (!match || !relative.startsWith(searchPrefix)) continue;
      const fill = (template) => template && path.join(pkg.directory, template.replace('*', match[1]));
      entries.push({ subpath: subpath.replace('*', match[1]), source: file, types: fill(target.types), default: fill(target.default) });
    }
  }
  return entries;
}

/** Plain-file exports (`"./theme.css": "./dist/theme.css"`) as [{ subpath, file }]. */
export function fileExports(pkg) {
  return Object.entries(pkg.manifest.exports ?? {})
    .filter(([subpath, target]) => typeof target === 'string' && subpath !== './package.json' && !target.includes('*'))
    .map(([subpath, target]) => ({ subpath, file: path.join(pkg.directory, target) }));
}
