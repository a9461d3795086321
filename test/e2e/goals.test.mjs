// The goals journey in the built LMS demo (headless Chromium, real IndexedDB), with the page's clock
// pinned by Playwright so a goal can slip past its date: write a goal, see which SMART letters it
// misses, fix it, add milestones, tick one and see the celebration, let the goal slip and see
// reassurance, reload — everything is still there. Then the mentor's view of the same goal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { axeViolations, eventually, screenshots, throughout, useDemoAndBrowser } from './support.mjs';

const demo = useDemoAndBrowser();

const missingLetters = (page) =>
  page.locator('mk-goal-editor [part~="criterion"]:not([data-met])').evaluateAll((items) => items.map((item) => item.dataset.criterion));
/** Waits until the editor's checklist misses exactly `letters`. */
const missesExactly = (page, letters) =>
  eventually(
    () => missingLetters(page),
    (missing) => isDeepStrictEqual(missing, letters),
    `the SMART checklist misses ${letters.length ? letters.join(', ') : 'nothing'}`,
  );

test('a mentee writes a SMART goal, ticks a milestone, lets the goal slip, and finds it all after a reload', async () => {
  const context = await demo.browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB', timezoneId: 'Europe/Madrid' });
  const problems = [];
  context.on('page', (page) => {
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
  });
  await context.clock.setFixedTime(new Date('2026-10-14T10:00:00Z'));
  const page = await demo.openAs(context, 'mentee');
  const panel = page.locator('#goals-panel');
  await panel.waitFor({ state: 'visible' });
  const tracker = page.locator('mk-goal-tracker');
  const editor = page.locator('mk-goal-editor');

  // The empty tracker invites a first goal; its button focuses the editor's title.
  await tracker.getByText('No goals yet — set your first one').waitFor();
  await tracker.getByRole('button', { name: 'Set your first goal' }).click();
  const title = editor.getByLabel('What do you want to achieve?');
  await page.waitForFunction(() => document.querySelector('mk-goal-editor')?.shadowRoot?.activeElement?.id === 'title');

  // A vague goal: the checklist says which letters it misses.
  await title.fill('Get better');
  await missesExactly(page, ['specific', 'measurable', 'relevant', 'time-bound']);
  await eventually(
    () => editor.locator('[data-criterion="relevant"] [part~="verdict"]').innerText(),
    (text) => /Link it to a skill/.test(text),
    'the R verdict asks to link it to a skill',
  );
  await panel.screenshot({ path: path.join(screenshots, 'goals-smart-misses.png') });

  // Fix it: specific, relevant, time-bound, and measurable through milestones.
  await title.fill('Run 3 team retrospectives');
  await editor.getByLabel('Skill or development area').fill('facilitation');
  await editor.getByLabel('Due date').fill('2026-11-30');
  await missesExactly(page, ['measurable']);
  await editor.getByRole('button', { name: 'Add milestone' }).click();
  await editor.getByLabel('Milestone 1').fill('Book a room');
  await editor.getByRole('button', { name: 'Add milestone' }).click();
  await editor.getByLabel('Milestone 2').fill('Run the first retro');
  await editor.locator('input[type="date"]').nth(3).fill('2026-10-28');
  await missesExactly(page, []);
  await eventually(
    () => editor.locator('[part~="summary"]').innerText(),
    (text) => text === '5 of 5 SMART letters met',
    'the SMART summary says 5 of 5',
  );
  await editor.getByRole('button', { name: 'Set goal' }).click();

  const goal = tracker.locator('[part~="goal"]').filter({ hasText: 'Run 3 team retrospectives' });
  await goal.waitFor();
  await eventually(
    () => goal.getByRole('progressbar').getAttribute('aria-valuenow'),
    (value) => value === '0',
    'the new goal is 0% done',
  );
  await eventually(
    () => goal.locator('[part~="due"]').innerText(),
    (text) => /Nov 30, 2026 \(in 47 days\)/.test(text),
    'due Nov 30, 2026 (in 47 days), in the page language (lang="en")',
  );

  // Tick a milestone in place: saved, celebrated.
  await goal.getByRole('checkbox', { name: 'Book a room' }).check();
  const moment = tracker.locator('mk-celebration [part~="moment"]');
  await moment.waitFor();
  await eventually(
    () => moment.innerText(),
    (text) => /Milestone reached!/.test(text),
    'the celebration says Milestone reached!',
  );
  await eventually(
    () => moment.innerText(),
    (text) => /"Book a room"/.test(text),
    'the celebration names "Book a room"',
  );
  await page.waitForFunction(
    () => document.querySelector('mk-goal-tracker')?.shadowRoot?.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') === '50',
  );
  assert.deepEqual(await axeViolations(page, '#goals-panel'), []);
  await page.screenshot({ path: path.join(screenshots, 'goals-celebration.png'), fullPage: false });

  // Escape closes the toast from where focus is (the box just ticked), and focus stays there.
  await page.keyboard.press('Escape');
  await moment.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelector('mk-goal-tracker')?.shadowRoot?.activeElement?.getAttribute('part') === 'milestone-checkbox');

  // Weeks later the goal has slipped past its date: reassurance, not blame.
  await context.clock.setFixedTime(new Date('2026-12-05T10:00:00Z'));
  await page.reload();
  const reassurance = tracker.locator('mk-celebration [part~="moment"][data-kind="reassurance"]');
  await reassurance.waitFor();
  const reassuranceText = () => reassurance.innerText();
  await eventually(reassuranceText, (text) => /Time to re-plan/.test(text), 'the reassurance says it is time to re-plan');
  await eventually(reassuranceText, (text) => /That happens to everyone/.test(text), 'the reassurance says that happens to everyone');
  for (const suggestion of ['Split the goal', 'Move the due date'])
    await eventually(reassuranceText, (text) => text.includes(suggestion), `offers "${suggestion}"`);
  await eventually(
    () => goal.locator('[part~="status"]').innerText(),
    (text) => text === 'Missed',
    'the goal is Missed',
  );
  await eventually(
    () => goal.locator('[part~="reassurance"]').innerText(),
    (text) => /That happens to everyone/.test(text),
    'the goal itself reassures',
  );
  assert.deepEqual(await axeViolations(page, '#goals-panel'), []);
  await page.screenshot({ path: path.join(screenshots, 'goals-reassurance.png'), fullPage: false });

  // "Move the due date" opens the goal in the editor at its due date.
  await reassurance.getByRole('button', { name: /Move the due date/ }).click();
  await page.waitForFunction(() => document.querySelector('mk-goal-editor')?.shadowRoot?.activeElement?.id === 'due-date');
  await eventually(
    () => editor.getByLabel('What do you want to achieve?').inputValue(),
    (value) => value === 'Run 3 team retrospectives',
    'the editor holds the goal',
  );
  await editor.getByRole('button', { name: 'Cancel' }).click();

  // After a reload everything is still there, and the miss is not announced twice.
  await page.reload();
  await goal.waitFor();
  await eventually(
    () => goal.getByRole('checkbox', { name: 'Book a room' }).isChecked(),
    (checked) => checked === true,
    '"Book a room" is still ticked',
  );
  await eventually(
    () => goal.getByRole('checkbox', { name: 'Run the first retro' }).isChecked(),
    (checked) => checked === false,
    '"Run the first retro" is still not ticked',
  );
  await eventually(
    () => goal.locator('[part~="status"]').innerText(),
    (text) => text === 'Missed',
    'the goal is still Missed',
  );
  await throughout(
    () => tracker.locator('mk-celebration [part~="moment"]').count(),
    (count) => count === 0,
    'recorded once, announced once',
    300,
  );

  // The mentor sees Lucía's shared goal, with her name, once he works with her (he mentors Daniel too).
  const mentor = await demo.openAs(context, 'mentor');
  await mentor.locator('[data-testid="current-pairing"]').selectOption('pairing-lucia');
  await mentor.locator('mk-goal-tracker [part~="pairing-with"]').filter({ hasText: 'with Lucía Fernández and Arjun Shrestha' }).waitFor();
  const shared = mentor.locator('mk-goal-tracker [part~="goal"]').filter({ hasText: 'Run 3 team retrospectives' });
  await shared.waitFor();
  await eventually(
    () => shared.locator('[part~="owner"]').innerText(),
    (text) => /Lucía Fernández/.test(text),
    'the shared goal names its owner, Lucía',
  );
  await mentor.locator('#goals-panel').screenshot({ path: path.join(screenshots, 'goals-mentor.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
