// What the end-to-end tests share: Debian's Chromium through playwright-core, the screenshot folder,
// a fresh browser context that collects page errors, and axe.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/lib/chromium.mjs';
import { repoRoot } from '../../scripts/lib/workspace.mjs';

const require = createRequire(import.meta.url);
const axeSource = require.resolve('axe-core/axe.min.js');

/** Where the tests write the screenshots people look at. */
export const screenshots = path.join(repoRoot, '.test-results', 'e2e');
mkdirSync(screenshots, { recursive: true });

/** Headless Chromium (CHROME_PATH, or the usual places) with the project's flags. */
export async function launchBrowser() {
  const executablePath = process.env.CHROME_PATH || findChromium();
  assert.ok(executablePath, 'no Chromium found: run `npm test`, which installs one, or set CHROME_PATH');
  return chromium.launch({ executablePath, args: chromiumArgs() });
}

/** Collects uncaught page errors and console errors of `page` into `problems`. */
export function watchPage(page, problems) {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
}

/** A fresh browser profile (empty IndexedDB), Madrid time, en-GB; every page's errors land in `problems`. */
export async function newContext(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Madrid' });
  const problems = [];
  context.on('page', (page) => watchPage(page, problems));
  return { context, problems };
}

/** axe violations of the whole page, or of the part matching `selector`, as readable lines. */
export async function axeViolations(page, selector) {
  await page.addScriptTag({ path: axeSource });
  return page.evaluate(async (include) => {
    const result = await globalThis.axe.run(include ? { include: [[include]] } : document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  }, selector);
}
