// docs/theming.md lists every design token with its values: keep it in step with the source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { darkColors, lightColors, sharedTokens } from '../../packages/elements/src/theme/tokens.ts';

// Table cells compared with their padding folded (Prettier aligns the columns of Markdown tables).
const docs = readFileSync(new URL('../../docs/theming.md', import.meta.url), 'utf8').replace(/ *\| */g, ' | ');

test('docs/theming.md lists every token with its light and dark values', () => {
  for (const [name, value] of Object.entries(lightColors)) {
    assert.ok(
      docs.includes(`| \`${name}\` | \`${value}\` | \`${darkColors[name]}\` |`),
      `${name} (light ${value}, dark ${darkColors[name]}) is missing or out of date in docs/theming.md`,
    );
  }
  for (const [name, value] of Object.entries(sharedTokens)) {
    assert.ok(docs.includes(`| \`${name}\` | \`${value.replace(/\|/g, '\\|')}\` |`), `${name} (${value}) is missing or out of date in docs/theming.md`);
  }
});
