// End-to-end: the programme admin matches the seeded cohort on the pairing board, reads why each pair
// was proposed, vetoes one, re-runs, approves — and the mentee then sees the new pairing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { axeViolations, eventually, screenshots, useDemoAndBrowser } from './support.mjs';

const demo = useDemoAndBrowser();

describe('pairing board in the LMS demo', () => {
  test('the admin matches the cohort, vetoes a pair, re-runs and approves; the mentee sees the new pairing', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Madrid' });
    const problems = [];
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await page.goto(`${demo.server.demoUrl}?as=admin`);
    await page.getByRole('status').filter({ hasText: 'Viewing as' }).waitFor();

    // Lucía's relationship ends, so she joins the waiting cohort.
    await page.getByRole('button', { name: 'Details of Lucía Fernández’s pairing' }).click();
    page.once('dialog', (dialog) => dialog.accept());
    await page.locator('#details').getByRole('button', { name: 'Close pairing' }).click();
    await page.locator('#details [data-testid="details-status"]').filter({ hasText: 'closed' }).waitFor();

    const board = page.locator('mk-pairing-board');
    await board.getByText('8 mentees waiting').waitFor();
    await board.getByRole('button', { name: 'Run matching', exact: true }).click();
    await board.getByRole('status').filter({ hasText: 'Matching done' }).waitFor();

    // Lucía's proposed pair, with the reasons
    const luciaPair = board.locator('[part~="pair"][data-mentee="lucia-fernandez"]');
    await luciaPair.waitFor();
    const mentorOf = async (pair) => (await pair.locator('h4').innerText()).replace('Lucía Fernández with ', '');
    const firstMentor = await eventually(
      () => mentorOf(luciaPair),
      (name) => name.length > 0,
      "Lucía's proposed pair names her mentor",
    );
    await luciaPair.getByText('Why this pair').click();
    const reasons = () => luciaPair.locator('[part~="reasons"]').innerText();
    await eventually(reasons, (text) => /h\/week overlap: /.test(text), 'the reasons give the weekly overlap');
    await eventually(reasons, (text) => /Wants system design \(must have\)|Shared language/.test(text), 'the reasons give the wish or the shared language');
    await page.screenshot({ path: path.join(screenshots, 'pairing-board-proposed.png'), fullPage: true });
    assert.deepEqual(await axeViolations(page), []);

    // Veto it: matching runs again without that pair
    await luciaPair.getByRole('button', { name: /^Veto/ }).click();
    await board.getByRole('status').filter({ hasText: 'Vetoed' }).waitFor();
    const vetoedMentor = firstMentor;
    await board.getByRole('button', { name: 'Run matching again' }).click();
    await board.getByRole('status').filter({ hasText: 'Matching done' }).waitFor();
    const newPair = board.locator('[part~="pair"][data-mentee="lucia-fernandez"]');
    await newPair.waitFor();
    const newMentor = await eventually(
      () => mentorOf(newPair),
      (name) => name.length > 0 && name !== vetoedMentor,
      `the vetoed mentor (${vetoedMentor}) is not proposed again after the re-run`,
    );
    // 8 waiting, 8 seats (closing Lucía's co-mentored pairing freed two): everyone still has a mentor
    await eventually(
      () => board.locator('section').filter({ hasText: 'Not matched' }).innerText(),
      (text) => /Everyone waiting has a proposed mentor|No compatible mentor|at capacity/.test(text),
      'the "Not matched" section says everyone has a mentor, or why not',
    );
    await page.screenshot({ path: path.join(screenshots, 'pairing-board-vetoed.png'), fullPage: true });

    await board.getByRole('button', { name: 'Approve and activate' }).click();
    await board.getByRole('status').filter({ hasText: 'activated' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'new pairings activated' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: path.join(screenshots, 'pairing-board-approved.png'), fullPage: true });

    // The mentee's view shows the new, active pairing
    await page.getByLabel('View as').selectOption('mentee');
    await page.getByRole('status').filter({ hasText: 'Viewing as Lucía' }).waitFor();
    const card = page.locator('mk-pairing-card [part~="pairing"]').filter({ has: page.getByRole('button', { name: newMentor }) });
    await card.waitFor();
    await eventually(
      () => card.innerText(),
      (text) => text.includes('Active'),
      'the new pairing is Active',
    );
    await eventually(
      () => page.locator('#pairing-board-panel').isHidden(),
      (hidden) => hidden === true,
      'the board is for admins only',
    );
    await page.screenshot({ path: path.join(screenshots, 'pairing-board-mentee.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
