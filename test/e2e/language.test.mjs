// Switching the demo to Spanish translates every widget on the page, live (the elements follow
// <html lang>), and the choice survives a reload. Axe stays clean in Spanish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { eventually, screenshots, useDemoAndBrowser } from './support.mjs';

const require = createRequire(import.meta.url);
const axeSource = require.resolve('axe-core/axe.min.js');
const demo = useDemoAndBrowser();

/** Headings rendered inside each MentorKit element's shadow root. */
const widgetHeadings = (page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll(
        'mk-pairing-card, mk-goal-tracker, mk-goal-editor, mk-icebreaker, mk-agreement, mk-scheduler, mk-checkin, mk-thread, mk-session-feedback',
      ),
    ].map((element) => {
      // A native heading, or one with role="heading" (the goal tracker's, the check-in's and the scheduler's).
      const heading = element.shadowRoot?.querySelector('h1, h2, h3, h4, [role="heading"]');
      return `${element.localName}: ${heading?.textContent?.trim() ?? ''}`;
    }),
  );

test('the language switch translates every widget live, and the choice survives a reload', async () => {
  const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Madrid' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${demo.server.demoUrl}?as=mentee`);
  await page.getByRole('status').filter({ hasText: 'Viewing as' }).waitFor();
  await page.locator('mk-goal-tracker').getByRole('button', { name: 'Set your first goal' }).waitFor();
  // Most widgets have a heading to compare: wait until at least six have rendered theirs.
  const headed = (lines) => lines.filter((line) => !line.endsWith(': '));
  const english = await eventually(
    () => widgetHeadings(page),
    (lines) => headed(lines).length >= 6,
    'most widgets have a heading to compare (six or more)',
  );

  await page.getByLabel('Language').selectOption('es');
  await page.locator('mk-goal-tracker').getByRole('button', { name: 'Fija tu primera meta' }).waitFor();
  await page.locator('mk-pairing-card').getByText('Tus emparejamientos').waitFor();
  const pairs = (spanish) => english.map((line, index) => [line, spanish[index]]).filter(([line]) => !line.endsWith(': '));
  await eventually(
    () => widgetHeadings(page),
    (spanish) => spanish.length === english.length && pairs(spanish).every(([before, after]) => after !== before),
    `every widget with a heading is translated (English: ${headed(english).join('; ')})`,
  );
  await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () =>
    (await globalThis.axe.run(document, { resultTypes: ['violations'] })).violations.map((violation) => violation.id),
  );
  assert.deepEqual(violations, []);
  await page.screenshot({ path: path.join(screenshots, 'demo-spanish.png'), fullPage: true });

  await page.reload();
  await page.locator('mk-pairing-card').getByRole('heading', { name: 'Tus emparejamientos' }).waitFor();
  await eventually(
    () => page.evaluate(() => document.documentElement.lang),
    (lang) => lang === 'es',
    'the page stays in Spanish after a reload',
  );
  assert.deepEqual(problems, []);
  await context.close();
});
