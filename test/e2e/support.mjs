// What the end-to-end tests share: Debian's Chromium through playwright-core, the screenshot folder,
// a fresh browser context that collects page errors, axe, and `eventually` (every assertion on what a
// page shows waits for its condition: issue 19).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/lib/chromium.mjs';
import { startServer } from '../../scripts/lib/serve.mjs';
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

/** The built demo served on a free port and a headless Chromium: what most files start in `before`. */
export async function startDemoAndBrowser() {
  const server = await startServer();
  try {
    return { server, browser: await launchBrowser() };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** Closes what `startDemoAndBrowser` started (either may be missing when `before` failed). */
export async function closeDemoAndBrowser({ server, browser }) {
  await browser?.close();
  await server?.close();
}

/**
 * For a test file on the built demo: registers `before`/`after` hooks that start the demo's server and
 * Chromium and close them; the returned object's `server` and `browser` are there once `before` ran.
 */
export function useDemoAndBrowser() {
  const demo = {
    /** Opens the served demo as `viewAs` in `context` (see `openDemoAs`). */
    openAs: (context, viewAs, options) => openDemoAs(context, demo.server.demoUrl, viewAs, options),
  };
  before(async () => Object.assign(demo, await startDemoAndBrowser()));
  after(() => closeDemoAndBrowser(demo));
  return demo;
}

/** Opens the demo at `demoUrl` as `viewAs` (optionally with the page's clock fixed at `at`) and waits for its "Viewing as" status. */
export async function openDemoAs(context, demoUrl, viewAs, { at } = {}) {
  const page = await context.newPage();
  if (at) await page.clock.setFixedTime(new Date(at));
  await page.goto(`${demoUrl}?as=${viewAs}`);
  await page.getByRole('status').filter({ hasText: 'Viewing as' }).waitFor();
  return page;
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

/**
 * Waits until `read()` gives a value `holds` accepts (polling; an element may not have rendered yet on a
 * busy machine), then returns it; fails with the last value read after `timeout` ms. A read that throws
 * (an element re-rendered away mid-read, a page still navigating) counts as not holding yet; if the
 * last try threw, the failure says so.
 */
export async function eventually(read, holds, what, timeout = 5000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    let value;
    let failure;
    try {
      value = await read();
      if (holds(value)) return value;
    } catch (error) {
      failure = error;
    }
    if (Date.now() >= deadline) {
      const last = failure
        ? `last try failed: ${String(failure.message ?? failure).split('\n')[0]}`
        : `last read: ${value === undefined ? 'undefined' : JSON.stringify(value)}`;
      assert.fail(`${what} (${last})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Checks that `read()` keeps giving values `holds` accepts for `duration` ms (polling), for what must
 * not happen at all, such as an announcement made twice: `eventually` would let a toast that shows and
 * then goes pass. Fails at the first value it does not accept.
 */
export async function throughout(read, holds, what, duration) {
  const until = Date.now() + duration;
  for (;;) {
    const value = await read();
    assert.ok(holds(value), `${what} (read: ${value === undefined ? 'undefined' : JSON.stringify(value)})`);
    if (Date.now() >= until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
