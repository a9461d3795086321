// End-to-end: feedback after a session, insights, quiet hours and voice notes in the built LMS demo
// (headless Chromium, real IndexedDB, the fake microphone of --use-fake-device-for-media-stream).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { eventually, screenshots, useDemoAndBrowser } from './support.mjs';

const require = createRequire(import.meta.url);
const axeSource = require.resolve('axe-core/axe.min.js');

const demo = useDemoAndBrowser();

async function newContext() {
  const context = await demo.browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB', timezoneId: 'Europe/Madrid' });
  const problems = [];
  context.on('page', (page) => {
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
  });
  return { context, problems };
}

async function openAs(context, viewAs, { at } = {}) {
  const page = await context.newPage();
  // Tuesday 24 November 2026, 14:00 UTC: 15:00 in Madrid, 23:00 in Tokyo, 19:45 in Kathmandu.
  if (at) await page.clock.setFixedTime(new Date(at));
  await page.goto(`${demo.server.demoUrl}?as=${viewAs}`);
  await page.getByRole('status').filter({ hasText: 'Viewing as' }).waitFor();
  return page;
}

async function axeViolations(page, selector) {
  await page.addScriptTag({ path: axeSource });
  return page.evaluate(async (include) => {
    const result = await globalThis.axe.run(include ? { include: [[include]] } : document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  }, selector);
}

const stat = (page, name) => page.locator(`mk-feedback-insights [data-stat="${name}"] dd`);

describe('conversation and feedback in the LMS demo', () => {
  test('a session ends: the mentee sends feedback, and the mentor sees the insight change', async () => {
    const { context, problems } = await newContext();
    const mentor = await openAs(context, 'mentor');
    const insights = mentor.locator('mk-feedback-insights');
    await eventually(
      () => insights.locator('[part~="empty"]').innerText(),
      (text) => /No session has ended yet/.test(text),
      'the insights say no session has ended yet',
    );

    const mentee = await openAs(context, 'mentee');
    const form = mentee.locator('mk-session-feedback');
    await form.locator('[part~="empty"]').waitFor();
    await mentee.getByRole('button', { name: 'Log a session that just ended (demo)' }).click();
    await form.getByRole('heading', { name: 'How did the session go?' }).waitFor();
    assert.deepEqual(await axeViolations(mentee, 'mk-session-feedback'), [], 'the form passes axe');
    await form.getByLabel('4 · Very good').check();
    await form.getByLabel('Ran out of time').check();
    await form.getByLabel('What was missed or forgotten?').fill('We ran out of time before the design review.');
    await form.getByLabel('A tool or resource that would help').fill('A shared Excalidraw board');
    await form.getByRole('button', { name: 'Send feedback' }).click();
    await form.getByRole('heading', { name: 'Thank you for your feedback' }).waitFor();
    await eventually(
      () => form.locator('[part~="summary"]').innerText(),
      (text) => /4 of 5/.test(text),
      'the sent feedback says 4 of 5',
    );
    await mentee.screenshot({ path: path.join(screenshots, 'conversation-mentee-feedback.png'), fullPage: true });

    // The mentor's open tab updates live (cross-tab change from IndexedDB).
    await stat(mentor, 'feedback').filter({ hasText: '1 of 1' }).waitFor({ timeout: 15_000 });
    await eventually(
      () => stat(mentor, 'average').innerText(),
      (text) => text === '4.0 / 5',
      'the average is 4.0 / 5',
    );
    await eventually(
      () => stat(mentor, 'response-rate').innerText(),
      (text) => text === '100%',
      'the response rate is 100%',
    );
    await eventually(
      () => insights.locator('[part~="themes-chart"] desc').textContent(),
      (text) => /Ran out of time: 1/.test(text),
      'the themes chart counts "Ran out of time" once',
    );
    assert.deepEqual(await axeViolations(mentor, 'mk-feedback-insights'), [], 'insights pass axe');
    await insights.scrollIntoViewIfNeeded();
    await mentor.screenshot({ path: path.join(screenshots, 'conversation-mentor-insights.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('at 23:00 for the mentor, the mentee sees the quiet-hours notice before sending', async () => {
    const { context, problems } = await newContext();
    const mentee = await openAs(context, 'mentee', { at: '2026-11-24T14:00:00Z' });
    const thread = mentee.locator('mk-thread');
    const notice = thread.locator('[part~="quiet-hours"]');
    await notice.waitFor();
    const noticeText = async () => (await notice.innerText()).replace(/\s+/g, ' ');
    // The page is `lang="en"`: Chromium formats 23:00 as 11:00 PM there.
    await eventually(
      noticeText,
      (text) =>
        /It is (23:00|11:00 PM) for Kenji Watanabe — outside their working hours\. They will be notified at Wed (08:00|08:00 AM) their time\./.test(text),
      'the notice says it is 23:00 for Kenji, notified at 08:00 on Wednesday',
    );
    await eventually(
      noticeText,
      (text) => /It is (19:45|07:45 PM) for Arjun Shrestha — outside their working hours/.test(text),
      'the notice says it is 19:45 for Arjun',
    );
    await eventually(
      () => notice.getAttribute('data-outside'),
      (value) => value === '',
      'the notice is marked data-outside',
    );
    await thread
      .getByLabel('Message', { exact: true })
      .fill('Late idea: could we look at <img src=x onerror=alert(1)> javascript:alert(1) and https://docs.example.org/adr-12 tomorrow?');
    await thread.getByRole('button', { name: 'Send', exact: true }).click();
    const message = thread.locator('[part~="message"]').last();
    await message.waitFor();
    await eventually(
      () => message.innerText(),
      (text) => /Late idea/.test(text),
      'the message sent is shown',
    );
    await eventually(
      () => message.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
      (hrefs) => isDeepStrictEqual(hrefs, ['https://docs.example.org/adr-12']),
      'only the https link is a link',
    );
    await eventually(
      () => message.locator('img').count(),
      (count) => count === 0,
      'the <img> is text, not an image',
    );
    assert.deepEqual(await axeViolations(mentee, 'mk-thread'), [], 'the thread passes axe');
    await thread.scrollIntoViewIfNeeded();
    await mentee.screenshot({ path: path.join(screenshots, 'conversation-quiet-hours.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a voice note recorded in the browser plays back after a reload', async () => {
    const { context, problems } = await newContext();
    const mentee = await openAs(context, 'mentee');
    const thread = mentee.locator('mk-thread');
    await thread.getByRole('button', { name: 'Record a voice note' }).click();
    await thread.locator('[part~="recording"]').waitFor();
    await mentee.waitForTimeout(1600);
    await thread.getByRole('button', { name: 'Stop recording' }).click();
    await thread.locator('[part~="voice-preview"]').waitFor();
    await thread.getByRole('button', { name: 'Send voice note' }).click();
    await thread.locator('[part~="voice"] audio').waitFor();

    await mentee.reload();
    await mentee.getByRole('status').filter({ hasText: 'Viewing as' }).waitFor();
    const audio = mentee.locator('mk-thread [part~="voice"] audio').last();
    await audio.waitFor();
    await eventually(
      () => audio.getAttribute('src'),
      (src) => /^blob:/.test(src),
      'the voice note plays from a blob: URL',
    );
    await eventually(
      () => mentee.locator('mk-thread [part~="duration"]').last().innerText(),
      (text) => /0:0[1-3]/.test(text),
      'the voice note lasts 1 to 3 seconds',
    );
    await audio.evaluate(async (element) => {
      element.muted = true;
      await element.play();
    });
    // Playing, or failed: the clock moves on, or the element reports an error.
    const played = await eventually(
      () => audio.evaluate((element) => ({ currentTime: element.currentTime, error: element.error?.message ?? null })),
      (state) => state.error !== null || state.currentTime > 0,
      'the voice note plays (or reports why not)',
    );
    assert.equal(played.error, null);
    assert.ok(played.currentTime > 0, `the voice note plays (currentTime ${played.currentTime})`);
    await thread.scrollIntoViewIfNeeded();
    await mentee.screenshot({ path: path.join(screenshots, 'conversation-voice-note.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
