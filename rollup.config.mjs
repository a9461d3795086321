// Rollup builds for MentorKit.
//
//  1. npm builds — one per workspace package: ESM with preserveModules into packages/<pkg>/dist, one
//     input per `exports` entry (its `source` condition). Every dependency and peer of the package is
//     external, so lit, nanostores, valibot, idb, luxon and @mentorkit/* are NOT bundled.
//     Type declarations come from one `tsc --emitDeclarationOnly` pass run by scripts/build.mjs (it
//     mirrors this layout: src/x/y.ts → dist/x/y.d.ts).
//  2. The CDN bundle — packages/elements/dist/cdn/mentorkit.js: one minified ESM file that registers
//     every element (src/define-all.ts) with everything bundled, in production mode.
//  3. Example bundles — every examples/<name>/src/main.ts → examples/<name>/dist/main.js, self-contained.
//
// `npm run build` (scripts/build.mjs) drives these through rollup's API; `npx rollup -c` works too
// (JS only, without declarations, theme or manifest).
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { existsSync } from 'node:fs';
import path from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { literalsHtmlCssMinifier } from '@literals/rollup-plugin-html-css-minifier';
import { exportEntries, externalsOf, globFiles, relativeToRoot, repoRoot, workspacePackages } from './scripts/lib/workspace.mjs';

const tsconfig = path.join(repoRoot, 'tsconfig.json');
const target = 'es2022';

/** TypeScript → JS with esbuild; reads experimentalDecorators/useDefineForClassFields from tsconfig.json. */
const typescript = () => esbuild({ target, tsconfig, sourceMap: true, minify: false });

/**
 * Minifies the markup and styles inside lit's html`` and css`` literals (whitespace, comments), which
 * JS minifiers leave alone. Only our own sources (lit's and other dependencies' are already minified).
 */
const minifyTemplates = () => literalsHtmlCssMinifier({ include: ['**/packages/*/src/**'], failOnError: true });

/** An error about the repository's configuration: scripts/build.mjs prints its message without a stack. */
function configurationError(message) {
  return Object.assign(new Error(message), { code: 'MENTORKIT_CONFIGURATION' });
}

/** Turns rollup warnings that mean a broken package into errors with an actionable message. */
function strictWarnings(label) {
  return (warning, warn) => {
    if (warning.code === 'UNRESOLVED_IMPORT') {
      throw configurationError(
        `${label}: ${warning.id ? relativeToRoot(warning.id) : 'a module'} imports "${warning.exporter}", ` +
          'which cannot be resolved. Add it to that package\'s "dependencies" (or fix the path).',
      );
    }
    if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
    warn(warning);
  };
}

/** Fails the build when a package reaches into another package's sources by a relative path. */
function stayInside(sourceDirectory, label) {
  const outside = (file) => !file.startsWith(sourceDirectory + path.sep);
  const complain = (context, file, importer) =>
    context.error(
      `${label}: ${importer ? `${relativeToRoot(importer)} imports ` : ''}${relativeToRoot(file)}, which is outside ${relativeToRoot(sourceDirectory)}. ` +
        'Import other packages by name (e.g. "@mentorkit/core/model"), never by a relative path.',
    );
  return {
    name: 'mentorkit-stay-inside-package',
    resolveId(source, importer) {
      if (importer && source.startsWith('.') && outside(path.resolve(path.dirname(importer), source))) {
        complain(this, path.resolve(path.dirname(importer), source), importer);
      }
      return null;
    },
    buildEnd(error) {
      if (error) return;
      for (const id of this.getModuleIds()) {
        const info = this.getModuleInfo(id);
        if (info?.isExternal || id.startsWith('\0')) continue;
        if (outside(id)) complain(this, id);
      }
    },
  };
}

/**
 * A package with a `bin` (e.g. @mentorkit/server's mentorkit-server) runs `dist/cli.js`, built from
 * `src/cli.ts`: an entry of its own, though not in `exports`. Node platform like the rest: its
 * dependencies (pg, jose) and node: built-ins stay external.
 */
function commandSources(pkg) {
  const cli = path.join(pkg.directory, 'src/cli.ts');
  return pkg.manifest.bin && existsSync(cli) ? [cli] : [];
}

/** Rollup options for one workspace package's npm build (JS only). */
export function packageBuild(pkg) {
  const sourceDirectory = path.join(pkg.directory, 'src');
  const entries = exportEntries(pkg);
  const missing = entries.filter((entry) => !existsSync(entry.source));
  if (missing.length > 0) {
    throw configurationError(
      `${pkg.name}: package.json "exports" names source files that do not exist:\n` +
        missing.map((entry) => `  "${entry.subpath}" → ${relativeToRoot(entry.source)}`).join('\n'),
    );
  }
  return {
    input: [...entries.map((entry) => entry.source), ...commandSources(pkg)],
    external: externalsOf(pkg.manifest),
    plugins: [stayInside(sourceDirectory, pkg.name), typescript(), minifyTemplates()],
    onwarn: strictWarnings(pkg.name),
    output: {
      dir: path.join(pkg.directory, 'dist'),
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: sourceDirectory,
      entryFileNames: '[name].js',
      sourcemap: true,
    },
  };
}

/**
 * A self-contained, minified, production-mode ESM bundle for browsers: every import resolved and
 * bundled; workspace packages from their TypeScript sources (the `source` export condition).
 */
export function browserBundle({ input, file, label }) {
  return {
    input,
    plugins: [
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      typescript(),
      minifyTemplates(),
      nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'production'], extensions: ['.mjs', '.js', '.ts', '.json'] }),
      terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } }),
    ],
    onwarn: strictWarnings(label),
    output: { file, format: 'es', sourcemap: true, inlineDynamicImports: true },
  };
}

/**
 * The CDN bundle (packages/elements/src/cdn/index.ts): `dist/cdn/mentorkit.js` defines the provider and
 * loads every other element on first use from `dist/cdn/elements/<folder>.js`; code that several
 * elements share goes into `dist/cdn/shared/*.js`. A page loads only the elements it shows.
 */
const RUNTIME_MODULES = [
  /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element|@lit[\\/]context|nanostores|valibot|idb)[\\/]/,
  /packages[\\/]core[\\/]src[\\/](index\.ts|model|storage|policy|pairings|time|client)[\\/.]/,
  /packages[\\/]storage-indexeddb[\\/]src[\\/]/,
  // The elements' private plumbing, except what only some elements use (shared chunks of their own): the
  // panel styles and the loading/error frame's markup.
  /packages[\\/]elements[\\/]src[\\/](internal|theme|cdn)[\\/](?!panel\.styles\.ts$|frame\.ts$)/,
  // The provider itself; what it loads on demand (its notice of unsaved changes, its languages) stays separate.
  /packages[\\/]elements[\\/]src[\\/]provider[\\/](provider|define)\.ts$/,
];
const isRuntimeModule = (id) => RUNTIME_MODULES.some((pattern) => pattern.test(id));

export function cdnBundle() {
  const elements = path.join(repoRoot, 'packages/elements');
  const input = path.join(elements, 'src/cdn/index.ts');
  if (!existsSync(input)) return [];
  const bundle = browserBundle({ input, file: path.join(elements, 'dist/cdn/mentorkit.js'), label: 'CDN bundle' });
  const elementFolder = (id) => /[\\/]src[\\/]([^\\/]+)[\\/]define\.ts$/.exec(id ?? '')?.[1];
  // Languages other than English load on first use (packages/elements/src/internal/localize.ts):
  // an element's `<name>.messages.es.ts` and core's `@mentorkit/core/es` go to `locales/es/`.
  const language = (id) => /\.messages\.([a-z]{2,3})\.ts$/.exec(id ?? '')?.[1] ?? /packages[\\/]core[\\/]src[\\/]([a-z]{2,3})\.ts$/.exec(id ?? '')?.[1];
  bundle.output = {
    dir: path.join(elements, 'dist/cdn'),
    format: 'es',
    sourcemap: true,
    entryFileNames: 'mentorkit.js',
    chunkFileNames: (chunk) => {
      if (elementFolder(chunk.facadeModuleId)) return `elements/${elementFolder(chunk.facadeModuleId)}.js`;
      // The REST storage, loaded on first use by loadRestStorage() (pages on MentorKit's server, the LTI launch page).
      if (/packages[\\/]storage-rest[\\/]src[\\/]index\.ts$/.test(chunk.facadeModuleId ?? '')) return 'storage/rest-[hash].js';
      if (language(chunk.facadeModuleId)) return `locales/${language(chunk.facadeModuleId)}/[name]-[hash].js`;
      return 'shared/[name]-[hash].js';
    },
    // What every page needs goes into one runtime chunk, loaded with the entry: lit, nanostores,
    // valibot, idb, the client (model, policy, storage) and the provider with the elements' base.
    manualChunks: (id) => (isRuntimeModule(id) ? 'runtime' : undefined),
  };
  return [bundle];
}

/**
 * examples/<name>/src/main.ts → examples/<name>/dist/main.js for every browser example (one with an
 * index.html; a Node example such as examples/rest-backend runs from source and is not bundled).
 */
export function exampleBundles() {
  return globFiles('examples/*/src/main.ts')
    .filter((input) => existsSync(path.join(path.dirname(path.dirname(input)), 'index.html')))
    .map((input) => {
      const exampleDirectory = path.dirname(path.dirname(input));
      return browserBundle({ input, file: path.join(exampleDirectory, 'dist/main.js'), label: relativeToRoot(exampleDirectory) });
    });
}

export default function config() {
  return [...workspacePackages().map(packageBuild), ...cdnBundle(), ...exampleBundles()];
}
