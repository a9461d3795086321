// The demo's "Notifications" place on MentorKit's server (`npm run demo:server`, the same setup:
// scripts/lib/server-demo.mjs): a person changes their reminder settings in the page and the server
// keeps them; the programme admin sees
// the quiet pair on the escalation ladder and, when the clock moves on, sees it move up. On IndexedDB
// the same place says it needs the server. Every wait polls for its condition.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SERVER_DEMO, startServerDemo } from '../../scripts/lib/server-demo.mjs';
import { skipReason } from '../../packages/server/test/support.ts';
import { axeViolations, eventually, launchBrowser, newContext, screenshots } from './support.mjs';

const skip = skipReason();
const LUCIA = 'lucia-fernandez'; // the demo's mentee
const DAY = 86_400_000;

describe('the Notifications place in the demo on the server', { skip: skip ?? false, timeout: 4 * 60_000 }, () => {
  let demo;
  let browser;
  const api = async (personId, method, route) => {
    const response = await fetch(`${demo.apiUrl}${route}`, { method, headers: { authorization: `Bearer dev:${personId}` } });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${route} as ${personId} answered ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text);
  };
  /** The `data-state` of an element's card in the Notifications place. */
  const stateOf = (page, tag) =>
    page.evaluate(
      (name) => document.querySelector(`#notifications-panel ${name}`)?.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('data-state') ?? null,
      tag,
    );

  before(async () => {
    // Monday 7 December 2026, 15:00 UTC: Tane and Liam have been quiet for 25 days (nudged at 21, admins alerted at 35).
    demo = await startServerDemo({ at: '2026-12-07T15:00:00Z' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  test('a person turns a reminder off and chooses a daily summary by keyboard, and the server keeps both', async () => {
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(demo.demoUrl('mentee'));
    const preferences = page.locator('#notifications-panel mk-notification-preferences');
    await eventually(
      () => stateOf(page, 'mk-notification-preferences'),
      (state) => state === 'ready',
      'the settings loaded',
      15_000,
    );
    assert.equal(await page.locator('#notifications-panel mk-escalation-ladder').count(), 0, 'the ladder is for admins');

    const quiet = preferences.locator('input[name="kind-pair-inactive"]');
    await quiet.focus();
    await page.keyboard.press('Space');
    await eventually(
      () => api(LUCIA, 'GET', '/notifications/preferences'),
      (body) => body.kinds['pair-inactive'] === false,
      'the server keeps "Pair gone quiet" off',
      10_000,
    );
    await eventually(
      () => preferences.locator('[part~="announcement"]').textContent(),
      (said) => said === 'Saved: “Pair gone quiet” is off.',
      'announced',
    );
    assert.equal(await quiet.evaluate((input) => input.matches(':focus')), true, 'focus stays on the checkbox');

    // One daily summary instead of single mails: arrow keys in the radio group, kept by the server.
    await preferences.locator('input[name="digest"][value="none"]').focus();
    await page.keyboard.press('ArrowDown');
    await eventually(
      () => api(LUCIA, 'GET', '/notifications/preferences'),
      (body) => body.digest === 'daily',
      'the server keeps the daily summary',
      10_000,
    );
    await eventually(
      () => preferences.locator('[part~="announcement"]').textContent(),
      (said) => said === 'Saved: One daily summary.',
      'announced',
    );
    assert.equal(
      await preferences.locator('input[name="digest"][value="daily"]').evaluate((input) => input.checked && input.matches(':focus')),
      true,
      'checked, and focus stays on it',
    );
    assert.deepEqual(await axeViolations(page, '#notifications-panel'), []);
    await page.locator('#notifications-panel').screenshot({ path: path.join(screenshots, 'notifications-preferences.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the admin sees the quiet pair on the ladder, and sees it move up when the clock moves on', async () => {
    await demo.scan();
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(demo.demoUrl('admin'));
    const ladder = page.locator('#notifications-panel mk-escalation-ladder');
    await eventually(
      () => stateOf(page, 'mk-escalation-ladder'),
      (state) => state === 'list',
      'the ladder loaded',
      15_000,
    );
    const pair = ladder.locator(`[part~="pair"][data-pairing-id="${SERVER_DEMO.quiet.pairingId}"]`);
    assert.equal(await pair.getAttribute('data-stage'), 'nudged');
    assert.match(await pair.locator('.pair-name').textContent(), /^Tane Parata with Liam O'Connor$/);
    assert.match((await pair.locator('.quiet').textContent()).replace(/\s+/g, ' '), /Quiet for 25 days/);
    assert.equal(await pair.locator('[aria-current="step"]').getAttribute('data-stage'), 'nudged');
    assert.deepEqual(await axeViolations(page, '#notifications-panel'), []);

    // Eleven days later: 36 days quiet, past the admins' 35.
    demo.advance(11 * DAY);
    await demo.scan();
    await ladder.locator('[data-action="refresh"]').click();
    await eventually(
      () => pair.getAttribute('data-stage'),
      (stage) => stage === 'admin-alerted',
      'the pair moved up to "Admins alerted"',
      10_000,
    );
    assert.equal(await pair.locator('[aria-current="step"]').getAttribute('data-stage'), 'admin-alerted');
    await pair.locator('summary').click();
    assert.deepEqual(
      (await pair.locator('.history-list li').allTextContents()).map((line) => line.split(' — ')[0]),
      ['Both nudged', 'Admins alerted'],
    );
    assert.deepEqual(await axeViolations(page, '#notifications-panel'), []);
    await ladder.screenshot({ path: path.join(screenshots, 'notifications-ladder.png') });
    await page.setViewportSize({ width: 320, height: 900 });
    await ladder.screenshot({ path: path.join(screenshots, 'notifications-ladder-320.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('on IndexedDB the same place says it needs the server', async () => {
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(demo.demoUrl('admin').replace(/\?.*$/, '?as=admin'));
    await eventually(
      () => Promise.all([stateOf(page, 'mk-notification-preferences'), stateOf(page, 'mk-escalation-ladder')]),
      (states) => states.every((state) => state === 'unavailable'),
      'both say they need the server',
      15_000,
    );
    assert.deepEqual(await axeViolations(page, '#notifications-panel'), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
