// The intranet developer's path: a plain HTML page with one script tag of the CDN bundle and two
// elements, no build step and no framework, on the IndexedDB default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, useDemoAndBrowser } from './support.mjs';

const demo = useDemoAndBrowser();

test('one script tag and <mk-provider user-id> show the pairing card, live, and it persists', async () => {
  const context = await demo.browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await page.goto(`${demo.server.url}/examples/plain-html/`);
  // The page seeds through a second adapter; the provider's client sees it through BroadcastChannel.
  const entry = page.locator('mk-pairing-card [part~="pairing"]').filter({ has: page.getByRole('button', { name: 'Mira Kapoor' }) });
  await entry.waitFor();
  for (const expected of [/Asia\/Kolkata/, /UTC\+05:30/, /Informal/])
    await eventually(
      () => entry.innerText(),
      (text) => expected.test(text),
      `the pairing shows ${expected}`,
    );
  await page.reload();
  await entry.waitFor();
  await eventually(
    () => page.locator('mk-pairing-card [part~="pairing"]').count(),
    (count) => count === 1,
    'seeding is not repeated on reload',
  );
  await eventually(
    () => page.evaluate(() => getComputedStyle(document.querySelector('mk-pairing-card')).getPropertyValue('--mk-color-accent').trim()),
    (accent) => accent === '#006d5b',
    'the host brand reaches the element through --mk-* tokens',
  );
  assert.deepEqual(problems, []);
  await context.close();
});
