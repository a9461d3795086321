// Custom Elements Manifest for @mentorkit/elements: `npm run analyze` (also run by `npm run build`).
// Reads the JSDoc headers (@summary, @fires, @slot, @csspart, @cssprop) of every element and writes
// packages/elements/custom-elements.json, which Storybook's docs and editors' hints use.
const packagePrefix = 'packages/elements/';

/** Paths in the manifest are relative to the package (src/…), not to the repository root. */
function packageRelativePaths() {
  const rewrite = (value) => {
    if (Array.isArray(value)) return value.forEach(rewrite);
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof child === 'string' && child.startsWith(packagePrefix)) {
        value[key] = child.slice(packagePrefix.length);
      } else {
        rewrite(child);
      }
    }
  };
  return {
    name: 'mentorkit-package-relative-paths',
    packageLinkPhase({ customElementsManifest }) {
      rewrite(customElementsManifest);
    },
  };
}

export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', '**/stories/**', '**/*.d.ts'],
  outdir: 'packages/elements',
  litelement: true,
  packagejson: false,
  quiet: true,
  plugins: [packageRelativePaths()],
};
