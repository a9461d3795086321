// The element table (src/elements.ts) is the one list of elements: every element folder has its row,
// and the files generated from it (define-all, the CDN autoloader's map, the catalogue list, the
// Spanish entry) are up to date. Read as text, so this runs without a DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ELEMENTS, SHARED_CATALOGUES } from '../src/elements.js';
import { generatedRegions, withRegion } from '../src/generate-elements.js';

const source = fileURLToPath(new URL('../src/', import.meta.url));
const read = (file: string) => readFileSync(`${source}${file}`, 'utf8');

test('the generated element lists are up to date (run `npx tsx packages/elements/src/generate-elements.ts`)', () => {
  for (const [file, region] of Object.entries(generatedRegions())) {
    const text = read(file);
    assert.equal(withRegion(text, region, file), text, `${file} is out of date: run \`npx tsx packages/elements/src/generate-elements.ts\``);
  }
});

test('every element folder (one with a define.ts) has its row, under the tag and class its define.ts registers', () => {
  const folders = readdirSync(source).filter((folder) => existsSync(`${source}${folder}/define.ts`));
  assert.deepEqual(ELEMENTS.map((element) => element.folder).sort(), folders.sort());
  for (const element of ELEMENTS) {
    const define = read(`${element.folder}/define.ts`);
    assert.match(
      define,
      new RegExp(`customElements\\.define\\('${element.tag}', ${element.className}\\)`),
      `${element.folder}/define.ts defines ${element.tag} as ${element.className}`,
    );
    assert.match(
      read(`${element.folder}/${element.folder}.ts`),
      new RegExp(`export class ${element.className} extends`),
      `${element.folder}/${element.folder}.ts exports ${element.className}`,
    );
  }
});

test("every element's class is exported from the package's index.ts", () => {
  const index = read('index.ts');
  for (const element of ELEMENTS)
    assert.match(
      index,
      new RegExp(`export \\{[^}]*\\b${element.className}\\b[^}]*\\} from '\\./${element.folder}/${element.folder}\\.js'`),
      `index.ts exports ${element.className}`,
    );
});

test('catalogue names and Spanish files match the table', () => {
  for (const row of [...ELEMENTS, ...SHARED_CATALOGUES]) {
    const messages = read(`${row.folder}/${row.folder}.messages.ts`);
    assert.match(messages, new RegExp(`export const ${row.catalogue}Messages\\b`), `${row.folder}.messages.ts exports ${row.catalogue}Messages`);
    assert.match(messages, new RegExp(`export const ${row.catalogue}Languages\\b`), `${row.folder}.messages.ts exports ${row.catalogue}Languages`);
    const spanishFile = `${row.folder}/${row.folder}.messages.es.ts`;
    assert.equal(
      existsSync(`${source}${spanishFile}`),
      row.spanish,
      `${row.tag}: spanish is ${row.spanish}, ${spanishFile} ${row.spanish ? 'is missing' : 'exists'}`,
    );
    if (row.spanish)
      assert.match(read(spanishFile), new RegExp(`export const ${row.catalogue}MessagesEs\\b`), `${spanishFile} exports ${row.catalogue}MessagesEs`);
  }
});
