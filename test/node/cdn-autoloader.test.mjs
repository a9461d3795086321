// The CDN autoloader must know every element: each packages/elements/src/<folder>/define.ts (except the
// provider, which the CDN entry defines at once) is listed in ELEMENT_LOADERS under the tag it defines,
// and every listed loader points at a folder that exists. Read as text, so this runs without a DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../scripts/lib/workspace.mjs';

const source = path.join(repoRoot, 'packages/elements/src');
const autoloader = readFileSync(path.join(source, 'cdn/autoloader.ts'), 'utf8');

test('every element is in the CDN autoloader, under the tag its define.ts registers', () => {
  const listed = Object.fromEntries(
    [...autoloader.matchAll(/'(mk-[a-z-]+)': \(\) => import\('\.\.\/([a-z-]+)\/define\.js'\)/g)].map((match) => [match[1], match[2]]),
  );
  const defined = {};
  for (const folder of readdirSync(source)) {
    const define = path.join(source, folder, 'define.ts');
    if (!existsSync(define)) continue;
    const tag = /customElements\.define\('(mk-[a-z-]+)'/.exec(readFileSync(define, 'utf8'))?.[1];
    assert.ok(tag, `${folder}/define.ts registers an mk- tag`);
    if (tag !== 'mk-provider') defined[tag] = folder;
  }
  assert.deepEqual(listed, defined, 'ELEMENT_LOADERS in packages/elements/src/cdn/autoloader.ts must match the element folders');
});
