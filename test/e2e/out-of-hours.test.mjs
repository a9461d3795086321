// End-to-end (issue 19, item 3): Tokyo and New York with ordinary 09:00–17:00 working days have no common
// working time. The scheduler in the built demo offers the fairest times outside working hours by itself
// (never at night), and a series booked from one takes turns with the early and late times. Every
// assertion waits for its condition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { axeViolations, eventually, screenshots, useDemoAndBrowser, watchPage } from './support.mjs';

const demo = useDemoAndBrowser();

const WEEKDAYS = [1, 2, 3, 4, 5];

test('no common working time: fair out-of-hours suggestions by themselves, and a series that takes turns', async () => {
  const context = await demo.browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB', timezoneId: 'Europe/Madrid' });
  const problems = [];
  context.on('page', (page) => watchPage(page, problems));
  await context.clock.setFixedTime(new Date('2026-10-05T09:00:00Z'));
  const page = await context.newPage();
  await page.goto(`${demo.server.demoUrl}?as=mentee`);
  await page.getByRole('status').filter({ hasText: 'Viewing as' }).waitFor();

  // Lucía drafts the agreement: she works from Tokyo, Kenji from New York, both 09:00–17:00.
  const agreement = page.locator('#schedule-panel mk-agreement');
  await agreement.getByRole('button', { name: 'Draft an agreement' }).click();
  await agreement.locator('form').waitFor();
  await agreement.locator('select[name="timeZone.lucia-fernandez"]').selectOption('Asia/Tokyo');
  await agreement.locator('select[name="timeZone.kenji-watanabe"]').selectOption('America/New_York');
  for (const person of ['lucia-fernandez', 'kenji-watanabe'])
    for (const day of WEEKDAYS) await agreement.locator(`input[name="hours.${person}.${day}"]`).fill('09:00-17:00');
  await agreement.getByRole('button', { name: 'Propose this agreement' }).click();
  await page.waitForFunction(
    () => document.querySelector('#schedule-panel mk-agreement')?.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('data-state') === 'pending',
  );

  // The scheduler says there is no common working time and offers the fairest times outside it.
  const scheduler = page.locator('#schedule-panel mk-scheduler');
  await scheduler.locator('[part~="out-of-hours"]').filter({ hasText: 'No common working time in this window' }).waitFor();
  await scheduler.locator('[part~="slot"]').first().waitFor();
  await eventually(
    () => scheduler.locator('[part~="no-slots"]').count(),
    (count) => count === 0,
    'no "no slots" message',
  );
  await eventually(
    () => scheduler.locator('[part~="slot-note"]').allInnerTexts(),
    (notes) => notes.length > 0 && notes.every((note) => !/at night/.test(note)),
    'the suggestions have notes, and none is at night',
  );
  // The fairest first: 18:00 in New York is 08:00 in Tokyo (October: 13 hours apart, so 19:00 is 08:00).
  const first = scheduler.locator('[part~="slot"]').first();
  await first
    .locator('[part~="slot-note"]')
    .filter({ hasText: /early for Lucía Fernández|late for Kenji Watanabe/ })
    .waitFor();
  assert.deepEqual(await axeViolations(page, '#schedule-panel'), []);
  await page.locator('#schedule-panel mk-scheduler').screenshot({ path: path.join(screenshots, 'scheduling-out-of-hours.png') });

  // Book four weekly sessions from it: "Take turns" is on, and the confirmation shows the turns.
  await first.locator('input[type="radio"]').check();
  await scheduler.locator('input[name="rotate"]:checked').waitFor();
  await scheduler.locator('select[name="cadence"]').selectOption('weekly');
  await scheduler.locator('input[name="count"]').fill('4');
  await scheduler.getByRole('button', { name: 'Book 4 sessions' }).click();
  await scheduler
    .locator('[part~="booked"]')
    .filter({ hasText: /4 sessions booked: Every \w+, taking turns with early and late times/ })
    .waitFor();
  await scheduler
    .locator('[part~="ledger"]')
    .filter({ hasText: /^Early and late turns so far: Lucía Fernández \d+ sessions? and Kenji Watanabe \d+ sessions?$/ })
    .waitFor();
  assert.deepEqual(await axeViolations(page, '#schedule-panel'), []);
  await scheduler.screenshot({ path: path.join(screenshots, 'scheduling-taking-turns.png') });

  // At 320 px wide the scheduler still fits.
  await page.setViewportSize({ width: 320, height: 900 });
  await page.waitForFunction(() => {
    const element = document.querySelector('#schedule-panel mk-scheduler');
    const base = element?.shadowRoot?.querySelector('[part~="base"]');
    return base && base.scrollWidth <= base.clientWidth + 1 && element.getBoundingClientRect().right <= window.innerWidth + 1;
  });
  await scheduler.screenshot({ path: path.join(screenshots, 'scheduling-taking-turns-320.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
