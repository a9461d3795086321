#!/usr/bin/env node
// `npm run size:report` (after `npm run build`): where the CDN's bytes go, by source file and by area.
//
// size-limit says how big each check is; this says what the bytes are. For every chunk of the CDN's
// English page (`dist/cdn/*.js`, `elements/`, `shared/`, as size-limit's "every element" check counts
// them) it maps each piece of minified output back to its source file with the chunk's source map,
// then shares the chunk's gzipped size among its sources in proportion to their minified bytes. Those
// shares are estimates (gzip does not compress every source equally) that add up to the measured total.
//
//   node scripts/size-report.mjs                  by area, then the 25 largest source files
//   node scripts/size-report.mjs --files 60       …the 60 largest
//   node scripts/size-report.mjs --chunk runtime  only chunks whose name contains "runtime"
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { SourceMapConsumer } from 'source-map-js';
import { repoRoot } from './lib/workspace.mjs';

const { values: options } = parseArgs({ options: { files: { type: 'string', default: '25' }, chunk: { type: 'string' } } });
const cdn = path.join(repoRoot, 'packages/elements/dist/cdn');
if (!existsSync(path.join(cdn, 'mentorkit.js'))) {
  console.error('size-report: packages/elements/dist/cdn/mentorkit.js is missing; run `npm run build` first.');
  process.exit(1);
}

const chunks = ['.', 'elements', 'shared']
  .flatMap((folder) =>
    readdirSync(path.join(cdn, folder))
      .filter((file) => file.endsWith('.js'))
      .map((file) => path.join(folder, file)),
  )
  .filter((chunk) => options.chunk === undefined || chunk.includes(options.chunk));

/** A source path from a map, shortened to `node_modules/<package>/…` or `packages/<package>/…`. */
function sourceName(source, chunk) {
  const absolute = path.resolve(path.dirname(path.join(cdn, chunk)), source ?? '?');
  const relative = path.relative(repoRoot, absolute).split(path.sep).join('/');
  const dependency = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(relative);
  return dependency ? `node_modules/${dependency[1]}` : relative;
}

/** The area a source belongs to, for the summary. */
function areaOf(source) {
  if (source.startsWith('node_modules/')) {
    const name = source.slice('node_modules/'.length);
    return /^(lit|lit-html|lit-element|@lit\/)/.test(name) ? 'library: lit and @lit/context' : `library: ${name}`;
  }
  if (/^packages\/core\/src\/(client|policy|model|storage|time)\//.test(source)) return 'core: client, access rules, model';
  if (source.startsWith('packages/core/')) return 'core: features (pairing, scheduling, goals, coaching…)';
  if (source.startsWith('packages/storage-indexeddb/')) return 'storage-indexeddb';
  if (/^packages\/elements\/src\/(internal|provider|theme|cdn)\//.test(source)) return 'elements: base, provider, theme, autoloader';
  if (/\.styles\.ts$/.test(source)) return 'elements: styles';
  if (/\.messages\.ts$/.test(source)) return 'elements: English messages';
  if (source.startsWith('packages/elements/')) return 'elements: element code';
  return 'other';
}

const bySource = new Map();
let measured = 0;
for (const chunk of chunks) {
  const code = readFileSync(path.join(cdn, chunk), 'utf8');
  const gzipped = gzipSync(code, { level: 9 }).length;
  measured += gzipped;
  const mapFile = path.join(cdn, `${chunk}.map`);
  const minified = new Map();
  if (existsSync(mapFile)) {
    const lines = code.split('\n');
    const mappings = [];
    new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8'))).eachMapping((mapping) => mappings.push(mapping), null, SourceMapConsumer.GENERATED_ORDER);
    mappings.forEach((mapping, index) => {
      const next = mappings[index + 1];
      const line = lines[mapping.generatedLine - 1] ?? '';
      const end = next && next.generatedLine === mapping.generatedLine ? next.generatedColumn : line.length;
      const source = sourceName(mapping.source, chunk);
      minified.set(source, (minified.get(source) ?? 0) + Math.max(0, end - mapping.generatedColumn));
    });
  }
  if (minified.size === 0) minified.set(`(no source map) ${chunk}`, 1);
  const all = [...minified.values()].reduce((sum, bytes) => sum + bytes, 0);
  for (const [source, bytes] of minified) {
    const entry = bySource.get(source) ?? { bytes: 0, chunks: new Set() };
    entry.bytes += (gzipped * bytes) / all;
    entry.chunks.add(chunk.replace(/^(shared\/.+)-[\w-]{8}\.js$/, '$1').replace(/\.js$/, ''));
    bySource.set(source, entry);
  }
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1).padStart(6)} kB`;
const byArea = new Map();
for (const [source, { bytes }] of bySource) byArea.set(areaOf(source), (byArea.get(areaOf(source)) ?? 0) + bytes);

console.log(`${chunks.length} chunks, ${kB(measured).trim()} gzipped file by file${options.chunk ? ` (chunks matching "${options.chunk}")` : ''}\n\nBy area:`);
for (const [area, bytes] of [...byArea].sort((left, right) => right[1] - left[1])) console.log(`${kB(bytes)}  ${area}`);
console.log(`\nThe ${options.files} largest sources (chunks they are in):`);
for (const [source, { bytes, chunks: inChunks }] of [...bySource].sort((left, right) => right[1].bytes - left[1].bytes).slice(0, Number(options.files)))
  console.log(`${kB(bytes)}  ${source}  (${[...inChunks].join(', ')})`);
