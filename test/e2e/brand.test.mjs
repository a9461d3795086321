// "Bring your brand" (examples/brand): a handful of --mk-* tokens on one ancestor and three ::part rules
// restyle every element; switching the brand off returns the default look. Axe stays clean either way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { eventually, screenshots, useDemoAndBrowser } from './support.mjs';

const require = createRequire(import.meta.url);
const axeSource = require.resolve('axe-core/axe.min.js');
const demo = useDemoAndBrowser();

test('tokens and ::part rules restyle every element; the default look comes back without them', async () => {
  const page = await demo.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await page.goto(`${demo.server.url}/examples/brand/`);
  const newGoal = page.locator('mk-goal-tracker').getByRole('button', { name: 'New goal' });
  await newGoal.waitFor();
  await page
    .locator('mk-pairing-card')
    .getByRole('button', { name: /Kenji Watanabe/ })
    .waitFor();

  const look = () =>
    page.evaluate(() => {
      const tracker = document.querySelector('mk-goal-tracker');
      const button = tracker.shadowRoot.querySelector('[part~="new-goal"]');
      const heading = document.querySelector('mk-pairing-card').shadowRoot.querySelector('[part~="heading"]');
      const style = getComputedStyle(button);
      return {
        background: style.backgroundColor,
        radius: style.borderTopLeftRadius,
        transform: style.textTransform,
        font: getComputedStyle(heading).fontFamily,
        variant: getComputedStyle(heading).fontVariantCaps,
      };
    });
  const branded = await eventually(look, (style) => style.background === 'rgb(122, 31, 61)', 'the accent token reaches inside the shadow root');
  await eventually(look, (style) => style.radius === '0px', 'the radius token squares the corners');
  await eventually(look, (style) => style.transform === 'uppercase', '::part(new-goal)');
  await eventually(look, (style) => /Georgia/.test(style.font), 'the font token sets Georgia');
  await eventually(look, (style) => style.variant === 'small-caps', '::part(heading)');
  await page.addScriptTag({ path: axeSource });
  const violations = () =>
    page.evaluate(async () =>
      (await globalThis.axe.run(document, { resultTypes: ['violations'] })).violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      ),
    );
  assert.deepEqual(await violations(), [], 'branded');
  await page.screenshot({ path: path.join(screenshots, 'brand-northwind.png') });

  await page.getByLabel('Northwind brand').uncheck();
  await eventually(look, (style) => style.background !== branded.background, 'the default accent comes back');
  await eventually(look, (style) => style.radius !== '0px', 'the default rounded corners come back');
  await eventually(look, (style) => style.transform === 'none', 'the ::part rule no longer applies');
  assert.deepEqual(await violations(), [], 'default look');
  await page.screenshot({ path: path.join(screenshots, 'brand-default.png') });
  assert.deepEqual(problems, []);
  await page.close();
});
