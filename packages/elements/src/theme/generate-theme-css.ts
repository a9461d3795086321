/**
 * Writes `theme.css` from the tokens in `tokens.ts`, the single source of truth. Run it after
 * changing a token (a test fails while the file is out of date):
 *
 *   npx tsx packages/elements/src/theme/generate-theme-css.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { themeCssText } from './tokens.js';

const target = fileURLToPath(new URL('./theme.css', import.meta.url));
writeFileSync(target, themeCssText);
console.log(`Wrote ${target}`);
