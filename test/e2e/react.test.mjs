// The React 19 host example (examples/react, built by `npm run build` with Vite) in headless Chromium:
// the elements render inside React, get the client through a `kit` property, and their typed events
// (`onmk-pairing-select`) update React state; switching the signed-in person rebuilds the client.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { eventually, screenshots, useDemoAndBrowser } from './support.mjs';

const require = createRequire(import.meta.url);
const axeSource = require.resolve('axe-core/axe.min.js');

const demo = useDemoAndBrowser();

describe('React host example', () => {
  test('elements render in React, typed events update React state, the viewer switch rebuilds the client', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/Madrid' });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
    await page.goto(new URL('/examples/react/dist/index.html', demo.server.url).href);

    await page.getByRole('heading', { name: 'MentorKit in React 19' }).waitFor();
    const pairing = page.locator('mk-pairing-card').getByRole('button', { name: 'Kenji Watanabe and Arjun Shrestha' });
    await pairing.waitFor();
    await pairing.click();
    await page.getByTestId('selected-pairing').waitFor();
    await eventually(
      () => page.getByTestId('selected-pairing').innerText(),
      (text) => /pairing-lucia: active, 2 mentor\(s\)/.test(text),
      'React shows the selected pairing: pairing-lucia, active, 2 mentors',
    );

    await page.addScriptTag({ path: axeSource });
    const violations = await page.evaluate(async () =>
      (await globalThis.axe.run(document, { resultTypes: ['violations'] })).violations.map((violation) => violation.id),
    );
    assert.deepEqual(violations, []);
    await page.screenshot({ path: path.join(screenshots, 'react-mentee.png'), fullPage: true });

    await page.getByLabel('Signed in as').selectOption('kenji-watanabe');
    await page
      .locator('mk-pairing-card')
      .getByRole('button', { name: /Lucía Fernández/ })
      .first()
      .waitFor();
    await eventually(
      () => page.getByTestId('selected-pairing').count(),
      (count) => count === 0,
      'the selection belongs to the previous client',
    );
    await page.screenshot({ path: path.join(screenshots, 'react-mentor.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
