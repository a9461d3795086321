// The intranet developer's goal tracker: a plain HTML page with one script tag of the CDN bundle,
// <mk-provider user-id storage="indexeddb"> and <mk-goal-tracker> + <mk-goal-editor>, no build step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { eventually, screenshots, useDemoAndBrowser } from './support.mjs';

const demo = useDemoAndBrowser();

test('one script tag, a provider and two elements: set a goal, tick a milestone, and it persists', async () => {
  const context = await demo.browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 1000 } });
  await context.clock.setFixedTime(new Date('2026-10-14T10:00:00Z'));
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await page.goto(`${demo.server.url}/examples/intranet-goal-tracker/`);
  const tracker = page.locator('mk-goal-tracker');
  const editor = page.locator('mk-goal-editor');
  await tracker.getByText('No goals yet — set your first one').waitFor();
  await tracker.getByRole('button', { name: 'Set your first goal' }).click();
  await editor.getByLabel('What do you want to achieve?').fill('Close the month in 3 working days');
  await editor.getByLabel('Skill or development area').fill('time management');
  await editor.getByLabel('What you count').fill('days to close');
  await editor.getByLabel('Start', { exact: true }).fill('6');
  await editor.getByLabel('Target').fill('3');
  await editor.getByLabel('Due date').fill('2026-12-31');
  await editor.getByRole('button', { name: 'Add milestone' }).click();
  await editor.getByLabel('Milestone 1').fill('Automate the bank reconciliation');
  await eventually(
    () => editor.locator('[part~="summary"]').innerText(),
    (text) => text === '5 of 5 SMART letters met',
    'the SMART summary says 5 of 5',
  );
  await editor.getByRole('button', { name: 'Set goal' }).click();
  const goal = tracker.locator('[part~="goal"]').filter({ hasText: 'Close the month in 3 working days' });
  await goal.waitFor();
  await goal
    .locator('[part~="measure"]')
    .filter({ hasText: /days to close: 6 → 3/ })
    .waitFor();
  await goal.getByRole('checkbox', { name: 'Automate the bank reconciliation' }).check();
  await tracker.locator('mk-celebration [part~="moment"]').waitFor();
  await page.screenshot({ path: path.join(screenshots, 'intranet-goal-tracker.png'), fullPage: true });
  await page.reload();
  await goal.waitFor();
  await eventually(
    () => goal.getByRole('checkbox', { name: 'Automate the bank reconciliation' }).isChecked(),
    (checked) => checked === true,
    'the milestone stays ticked after a reload',
  );
  await eventually(
    () => tracker.locator('[part~="goal"]').count(),
    (count) => count === 1,
    'one goal',
  );
  await eventually(
    () => page.evaluate(() => getComputedStyle(document.querySelector('mk-goal-tracker')).getPropertyValue('--mk-color-accent').trim()),
    (accent) => accent === '#6a3fb5',
    'the intranet brand reaches the element',
  );
  assert.deepEqual(problems, []);
  await context.close();
});

test('a page with only the tracker loads the commands on demand; offline it says nothing was saved, and the next tick saves', async () => {
  const context = await demo.browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 900 } });
  await context.clock.setFixedTime(new Date('2026-10-14T10:00:00Z'));
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const example = `${demo.server.url}/examples/intranet-goal-tracker/`;
  // Set a goal with the editor first (it brings the commands with it).
  await page.goto(example);
  const tracker = page.locator('mk-goal-tracker');
  await tracker.getByRole('button', { name: 'Set your first goal' }).click();
  const editor = page.locator('mk-goal-editor');
  await editor.getByLabel('What do you want to achieve?').fill('Close the month in 3 working days');
  await editor.getByLabel('Skill or development area').fill('time management');
  await editor.getByLabel('Due date').fill('2026-12-31');
  await editor.getByRole('button', { name: 'Add milestone' }).click();
  await editor.getByLabel('Milestone 1').fill('Automate the bank reconciliation');
  await editor.getByRole('button', { name: 'Add milestone' }).click();
  await editor.getByLabel('Milestone 2').fill('Close November in 4 days');
  await editor.getByRole('button', { name: 'Set goal' }).click();
  await tracker.locator('[part~="goal"]').waitFor();

  // The same page without the editor: only the tracker, and the network drops the commands' chunk.
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.route('**/examples/intranet-goal-tracker/', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace(/<mk-goal-editor[^>]*><\/mk-goal-editor>/, '') });
  });
  const commands = '**/dist/cdn/shared/feature-*.js';
  await page.route(commands, (route) => route.abort('internetdisconnected'));
  await page.reload();
  const goal = tracker.locator('[part~="goal"]');
  await goal.waitFor();
  await eventually(
    () => page.locator('mk-goal-editor').count(),
    (count) => count === 0,
    'the page has no editor',
  );
  assert.ok(!requested.some((file) => file.includes('/elements/goal-editor')), 'the editor is not loaded');
  const box = goal.getByRole('checkbox', { name: 'Automate the bank reconciliation' });
  await box.click();
  await tracker
    .locator('[part~="error"]')
    .filter({ hasText: 'This change could not be saved. Check your connection and try again; if it keeps failing, reload the page.' })
    .waitFor();
  await eventually(
    () => box.isChecked(),
    (checked) => checked === false,
    'the box goes back: nothing was saved',
  );
  assert.ok(
    requested.some((file) => /\/shared\/feature-[^/]+\.js$/.test(file)),
    'the commands were asked for on demand',
  );
  await page.screenshot({ path: path.join(screenshots, 'intranet-goal-tracker-offline.png') });

  // Back online: the next tick fetches the commands again and saves. Browsers that keep a failed
  // dynamic import for the page's lifetime (Chromium 150 does) fail it again, with the same words,
  // which tell the person to reload; after a reload the tick saves.
  await page.unroute(commands);
  await box.click();
  const celebration = tracker.locator('mk-celebration [part~="moment"]');
  const saved = await celebration.waitFor({ timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  if (!saved) {
    await tracker.locator('[part~="error"]').waitFor();
    await page.reload();
    await goal.waitFor();
    const again = goal.getByRole('checkbox', { name: 'Automate the bank reconciliation' });
    if (!(await again.isChecked())) {
      await again.click();
      await celebration.waitFor();
    }
  }
  await eventually(
    () => box.isChecked(),
    (checked) => checked === true,
    'the box is ticked',
  );
  await eventually(
    () => tracker.locator('[part~="error"]').count(),
    (count) => count === 0,
    'no error left',
  );
  await page.reload();
  await goal.waitFor();
  await eventually(
    () => goal.getByRole('checkbox', { name: 'Automate the bank reconciliation' }).isChecked(),
    (checked) => checked === true,
    'saved in IndexedDB',
  );
  assert.deepEqual(pageErrors, []);
  await context.close();
});
