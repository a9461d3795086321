// Typed JSX for MentorKit's elements, generated from the custom-elements manifest.
//
// `jsxTypesFromManifest(manifest)` returns the text of packages/elements/src/jsx-types.ts: one interface,
// `MentorKitElements`, mapping every tag to its attributes (kebab-case, as written in markup), its public
// properties (camelCase, which React 19 and other frameworks set as properties) and its events (`on` + the
// event name, the way React 19 attaches listeners to custom elements). Framework bindings (src/react.ts)
// build on it. `npm run analyze` regenerates the file; the build fails when the committed file is stale.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findFiles, repoRoot } from './workspace.mjs';

export const jsxTypesFile = path.join(repoRoot, 'packages/elements/src/jsx-types.ts');

const BUILT_IN_TYPES = new Set([
  'CustomEvent',
  'Event',
  'Record',
  'Array',
  'Partial',
  'Readonly',
  'ReadonlyArray',
  'HTMLElement',
  'Element',
  'Promise',
  'Map',
  'Set',
  'Date',
  'Blob',
  'File',
  'String',
  'Number',
  'Boolean',
  'Object',
  'Function',
  'KeyboardEvent',
  'MouseEvent',
  'FocusEvent',
  'Pick',
  'Omit',
  'Required',
  'NonNullable',
]);

/** Where each exported type name of core and elements is declared, as an import specifier. */
function typeDeclarations() {
  const declarations = new Map();
  const exportPattern = /export\s+(?:declare\s+)?(?:interface|type|class|const|enum|function)\s+([A-Za-z_$][\w$]*)/g;
  const corePackage = JSON.parse(readFileSync(path.join(repoRoot, 'packages/core/package.json'), 'utf8'));
  const coreSubpaths = new Set(Object.keys(corePackage.exports ?? {}));
  for (const file of findFiles(path.join(repoRoot, 'packages/core/src'), (relative) => relative.endsWith('.ts') && !relative.endsWith('.test.ts'))) {
    const folder = path.relative(path.join(repoRoot, 'packages/core/src'), file).split(path.sep)[0];
    const specifier = coreSubpaths.has(`./${folder}`) && folder !== 'model' ? `@mentorkit/core/${folder}` : '@mentorkit/core';
    for (const match of readFileSync(file, 'utf8').matchAll(exportPattern)) if (!declarations.has(match[1])) declarations.set(match[1], specifier);
  }
  const elementsSource = path.join(repoRoot, 'packages/elements/src');
  for (const file of findFiles(
    elementsSource,
    (relative) => relative.endsWith('.ts') && !relative.endsWith('.test.ts') && !relative.endsWith('jsx-types.ts'),
  )) {
    const specifier = `./${path.relative(elementsSource, file).split(path.sep).join('/').replace(/\.ts$/, '.js')}`;
    for (const match of readFileSync(file, 'utf8').matchAll(exportPattern)) declarations.set(match[1], specifier);
  }
  return declarations;
}

const quote = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const docComment = (text, indent) =>
  text
    ? `${indent}/** ${String(text)
        .replace(/\*\//g, '*\\/')
        .replace(/\s*\n\s*/g, ' ')} */\n`
    : '';

export function jsxTypesFromManifest(manifest) {
  const declarations = typeDeclarations();
  const imports = new Map(); // specifier → Set of names
  const unresolved = new Set();
  /** A type text with every referenced name imported; unknown names make the whole type `unknown`. */
  const typeText = (text) => {
    if (!text) return 'unknown';
    const names = [...text.matchAll(/\b[A-Z][\w$]*\b/g)].map((match) => match[0]).filter((name) => !BUILT_IN_TYPES.has(name));
    for (const name of names) {
      if (!declarations.has(name)) {
        unresolved.add(name);
        return 'unknown';
      }
    }
    for (const name of names) {
      const specifier = declarations.get(name);
      if (!imports.has(specifier)) imports.set(specifier, new Set());
      imports.get(specifier).add(name);
    }
    return text;
  };

  const elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));

  const blocks = elements.map((element) => {
    const lines = [];
    const seen = new Set();
    for (const attribute of element.attributes ?? []) {
      if (seen.has(attribute.name)) continue;
      seen.add(attribute.name);
      const type =
        attribute.type?.text && /^(string|number|boolean)/.test(attribute.type.text) ? attribute.type.text.replace(/\bnumber\b/g, 'number | string') : 'string';
      lines.push(`${docComment(attribute.description, '    ')}    ${quote(attribute.name)}?: ${type};`);
    }
    for (const member of element.members ?? []) {
      if (
        member.kind !== 'field' ||
        member.static ||
        member.privacy === 'private' ||
        member.privacy === 'protected' ||
        member.readonly ||
        member.name.startsWith('_') ||
        seen.has(member.name)
      )
        continue;
      seen.add(member.name);
      lines.push(`${docComment(member.description, '    ')}    ${quote(member.name)}?: ${typeText(member.type?.text)};`);
    }
    for (const event of element.events ?? []) {
      if (!event.name || seen.has(`on${event.name}`)) continue;
      seen.add(`on${event.name}`);
      const type = event.type?.text ? typeText(event.type.text) : 'Event';
      lines.push(`${docComment(event.description, '    ')}    ${quote(`on${event.name}`)}?: (event: ${type === 'unknown' ? 'Event' : type}) => void;`);
    }
    return `${docComment(element.summary ?? element.description, '  ')}  '${element.tagName}': {\n${lines.join('\n')}\n  };`;
  });

  const importLines = [...imports.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([specifier, names]) => `import type { ${[...names].sort().join(', ')} } from '${specifier}';`);

  return `// Generated from custom-elements.json by \`npm run analyze\` (scripts/lib/jsx-types.mjs). Do not edit.
${importLines.join('\n')}

/**
 * Every MentorKit element with its attributes (as written in markup), properties and events
 * (\`on\` + event name, as React 19 attaches listeners to custom elements). Framework bindings build on
 * it: \`@mentorkit/elements/react\` declares these tags for React's JSX.
 */
export interface MentorKitElements {
${blocks.join('\n')}
}
${unresolved.size ? `\n// Types not found in core or elements (typed as unknown): ${[...unresolved].sort().join(', ')}\n` : ''}`;
}
