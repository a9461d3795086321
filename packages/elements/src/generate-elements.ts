/**
 * Writes the element lists that bundlers must see as literal imports, from the table in
 * `elements.ts`: the region between `@generated` markers in `define-all.ts`, `cdn/autoloader.ts`,
 * `testing/catalogues.ts` and `locales/es.ts`. Run it after changing the table (a test fails while a
 * file is out of date):
 *
 *   npx tsx packages/elements/src/generate-elements.ts
 *
 * `generatedRegions()` is pure (no file system), so the test compares without writing.
 */
import { ELEMENTS, SHARED_CATALOGUES } from './elements.js';

const START = '// @generated:start — from src/elements.ts by src/generate-elements.ts; do not edit by hand';
const END = '// @generated:end';

const widgets = ELEMENTS.filter((element) => !element.provider);
const byTag = <T extends { tag: string }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => a.tag.localeCompare(b.tag));

/** File (relative to `src/`) → the text between its markers. */
export function generatedRegions(): Record<string, string> {
  const withCatalogue = byTag(widgets);
  // Table order, not by tag: the bundle of the Spanish entry compresses as it did before the table.
  const spanish = widgets.filter((element) => element.spanish);
  const sharedSpanish = SHARED_CATALOGUES.filter((shared) => shared.spanish);
  return {
    'define-all.ts': ELEMENTS.map((element) => `import './${element.folder}/define.js';`).join('\n'),
    'cdn/autoloader.ts': [
      '/** Tag → the module that defines it (every element but the provider, which the CDN entry defines at once). */',
      'export const ELEMENT_LOADERS: Readonly<Record<string, () => Promise<unknown>>> = {',
      ...byTag(widgets).map((element) => `  '${element.tag}': () => import('../${element.folder}/define.js'),`),
      '};',
      '',
      '/**',
      ' * Elements another element renders inside its shadow root without importing them (so that npm users',
      ' * who do not want them do not pay for them); the autoloader cannot see into shadow roots, so it loads',
      ' * them together.',
      ' */',
      'export const ELEMENT_COMPANIONS: Readonly<Record<string, readonly string[]>> = {',
      ...byTag(ELEMENTS.filter((element) => element.companions?.length)).map(
        (element) => `  '${element.tag}': [${element.companions!.map((tag) => `'${tag}'`).join(', ')}],`,
      ),
      '};',
    ].join('\n'),
    'testing/catalogues.ts': [
      "import type { CatalogueLoaders, ElementMessages } from '../internal/localize.js';",
      ...withCatalogue.map(
        (element) => `import { ${element.catalogue}Languages, ${element.catalogue}Messages } from '../${element.folder}/${element.folder}.messages.js';`,
      ),
      '',
      'export const ELEMENT_CATALOGUES: Readonly<Record<string, { messages: ElementMessages; languages: CatalogueLoaders }>> = {',
      ...withCatalogue.map((element) => `  '${element.tag}': { messages: ${element.catalogue}Messages, languages: ${element.catalogue}Languages },`),
      '};',
    ].join('\n'),
    'locales/es.ts': [
      ...[...spanish, ...sharedSpanish].map((row) => `import { ${row.catalogue}MessagesEs } from '../${row.folder}/${row.folder}.messages.es.js';`),
      '',
      "/** Every element's Spanish catalogue, by tag (a test holds it to the elements that have one). */",
      'export const elementCataloguesEs = {',
      ...spanish.map((element) => `  '${element.tag}': ${element.catalogue}MessagesEs,`),
      '} as const;',
      '',
      '/** Catalogues several elements share, by the tag they are registered under (the length counters of every form). */',
      'export const sharedCataloguesEs = {',
      ...sharedSpanish.map((shared) => `  '${shared.tag}': ${shared.catalogue}MessagesEs,`),
      '} as const;',
    ].join('\n'),
  };
}

/** `text` with the region between its markers replaced by `region`; throws when the markers are missing. */
export function withRegion(text: string, region: string, file: string): string {
  const start = text.indexOf(START);
  const end = text.indexOf(END, start);
  if (start === -1 || end === -1) throw new Error(`${file} has no generated region: add the lines\n${START}\n${END}`);
  return `${text.slice(0, start + START.length)}\n${region}\n${text.slice(end)}`;
}

// Run as a script: rewrite the files.
if (typeof process !== 'undefined' && process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  for (const [file, region] of Object.entries(generatedRegions())) {
    const target = fileURLToPath(new URL(`./${file}`, import.meta.url));
    const before = readFileSync(target, 'utf8');
    const after = withRegion(before, region, file);
    if (after !== before) writeFileSync(target, after);
    console.log(`${after === before ? 'Up to date' : 'Wrote'} ${target}`);
  }
}
