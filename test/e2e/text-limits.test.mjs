// End-to-end: length limits in the built LMS demo on a 320 px wide screen (headless Chromium, real
// IndexedDB). A paste over a field's limit is kept whole (no maxlength cuts it), the field shows a
// counter and is marked invalid, and the form refuses to go on with a message — in the feedback form,
// the goal editor, a coaching step, the scheduler, the working agreement and the thread. Screenshots of
// each over-limit state are written for people to look at.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { axeViolations, eventually, screenshots, useDemoAndBrowser, watchPage } from './support.mjs';

const demo = useDemoAndBrowser();

/** A phone-sized page (320 × 720 CSS pixels) viewing the demo as `viewAs`, with its errors collected. */
async function phoneAs(viewAs) {
  const context = await demo.browser.newContext({ viewport: { width: 320, height: 720 }, locale: 'en-GB', timezoneId: 'Europe/Madrid' });
  const problems = [];
  const page = await context.newPage();
  watchPage(page, problems);
  await page.goto(`${demo.server.demoUrl}?as=${viewAs}`);
  await page.getByRole('status').filter({ hasText: 'Viewing as' }).waitFor();
  return { context, page, problems };
}

/**
 * Pastes `text` into `field` as a person would (an input event of the browser's own, which a
 * `maxlength` would cut), then checks it is all there, marked invalid, with a counter over the limit.
 */
async function pasteOverLimit(page, field, text) {
  await field.click();
  await field.press('Control+A');
  await page.keyboard.insertText(text);
  await eventually(
    async () => (await field.inputValue()).length,
    (length) => length === text.length,
    `the paste is kept whole (${text.length} characters)`,
  );
  await eventually(
    () => field.getAttribute('aria-invalid'),
    (invalid) => invalid === 'true',
    'the field is marked invalid',
  );
  await eventually(
    async () => (await field.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('-counter')),
    (counterId) => Boolean(counterId),
    'the counter describes the field',
  );
}

/** Neither the widget nor anything in it reaches past the right edge of the column the page gives it. */
async function fitsTheWidth(page, widget) {
  const overflowing = () =>
    widget.evaluate((host) => {
      const right = host.parentElement.getBoundingClientRect().right;
      return [host, ...host.shadowRoot.querySelectorAll('*')]
        .filter((node) => node.getClientRects().length > 0 && node.getBoundingClientRect().right > right + 1)
        .map((node) => `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.getAttribute('part') ? `[part=${node.getAttribute('part')}]` : ''}`);
    });
  await eventually(overflowing, (nodes) => nodes.length === 0, 'nothing overflows its column on a 320 px page');
}

const shoot = (widget, name) => widget.screenshot({ path: path.join(screenshots, `limits-320-${name}.png`) });

describe('length limits at 320 px', () => {
  test('feedback, goal editor and coaching: over the limit, kept whole, marked, refused with a message', async () => {
    const { context, page, problems } = await phoneAs('mentee');

    // Feedback: "What helped?" over 2,000 characters.
    await page.getByRole('button', { name: 'Log a session that just ended (demo)' }).click();
    const feedback = page.locator('mk-session-feedback');
    await feedback.getByRole('heading', { name: 'How did the session go?' }).waitFor();
    await feedback.getByLabel('4 · Very good').check();
    const helped = feedback.getByLabel('What helped?');
    await pasteOverLimit(page, helped, `It helped ${'a'.repeat(2000)}`);
    await feedback.getByRole('button', { name: 'Send feedback' }).click();
    await feedback.locator('[part~="error"]').filter({ hasText: 'Shorten the fields marked' }).waitFor();
    await feedback.locator('[part~="counter"][data-state="over"]').filter({ hasText: '10 characters too many' }).waitFor();
    assert.deepEqual(await axeViolations(page, 'mk-session-feedback'), []);
    await fitsTheWidth(page, feedback);
    await shoot(feedback, 'session-feedback');

    // Goal editor: a pasted title over 200 characters; the other buttons still work.
    const editor = page.locator('mk-goal-editor');
    const title = editor.getByLabel('What do you want to achieve?');
    await pasteOverLimit(page, title, `Run three team retrospectives ${'t'.repeat(200)}`);
    await editor.locator('[part~="summary"]').filter({ hasText: 'SMART letters met' }).waitFor();
    await editor.getByRole('button', { name: 'Add milestone' }).click();
    await editor.getByLabel('Milestone 1').waitFor();
    await editor.getByRole('button', { name: 'Set goal' }).click();
    await editor.locator('[part~="form-error"]').filter({ hasText: 'Shorten the fields marked' }).waitFor();
    await editor.locator('#title-counter').filter({ hasText: '30 characters too many: the most is 200' }).waitFor();
    assert.deepEqual(await axeViolations(page, 'mk-goal-editor'), []);
    await fitsTheWidth(page, editor);
    await shoot(editor, 'goal-editor');

    // Coaching: an answer over 4,000 characters blocks Next.
    const flow = page.locator('mk-coaching-flow');
    await flow.getByRole('button', { name: 'Start a new GROW session' }).click();
    await flow.locator('[part~="step"][data-step="goal"]').waitFor();
    const goal = flow.locator('#prompt-goal-what');
    await pasteOverLimit(page, goal, `Lead the design review ${'g'.repeat(4000)}`);
    await flow.locator('[part~="next-button"]').click();
    await flow.locator('[part~="step-error"]').filter({ hasText: 'Shorten the fields marked' }).waitFor();
    await flow.locator('[part~="step"][data-step="goal"]').waitFor();
    await flow.locator('[part~="save-status"]').filter({ hasText: 'Not saved: an answer is too long.' }).waitFor();
    assert.deepEqual(await axeViolations(page, 'mk-coaching-flow'), []);
    await fitsTheWidth(page, flow);
    await shoot(flow, 'coaching-flow');

    assert.deepEqual(problems, []);
    await context.close();
  });

  test('scheduler, agreement and thread: over the limit, kept whole, marked, refused with a message', async () => {
    const { context, page, problems } = await phoneAs('mentee');

    // Working agreement: notes over 2,000 characters.
    const agreement = page.locator('mk-agreement');
    await agreement.getByRole('button', { name: /Draft an agreement/ }).click();
    const notes = agreement.getByLabel('Other agreements');
    await pasteOverLimit(page, notes, `Camera on ${'n'.repeat(2000)}`);
    await agreement.locator('[part~="save-button"]').click();
    await agreement.locator('[part~="error"]').filter({ hasText: 'Shorten the fields marked' }).waitFor();
    assert.deepEqual(await axeViolations(page, 'mk-agreement'), []);
    await fitsTheWidth(page, agreement);
    await notes.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, 'limits-320-agreement-notes.png') });
    await agreement.locator('[part~="cancel-button"]').click();

    // Scheduler: a title over 200 characters and an agenda over 4,000.
    const scheduler = page.locator('mk-scheduler');
    await scheduler.locator('input[name="slot"]').first().check();
    await pasteOverLimit(page, scheduler.getByLabel('Title'), `Design review ${'s'.repeat(200)}`);
    await pasteOverLimit(page, scheduler.getByLabel('Agenda'), 'a'.repeat(4001));
    await scheduler.locator('[part~="book-button"]').click();
    await scheduler.locator('[part~="error"]').filter({ hasText: 'Shorten the fields marked' }).waitFor();
    assert.deepEqual(await axeViolations(page, 'mk-scheduler'), []);
    await fitsTheWidth(page, scheduler);
    await scheduler.locator('[part~="booking"]').screenshot({ path: path.join(screenshots, 'limits-320-scheduler-booking.png') });

    // Thread: a message over 10,000 characters.
    const thread = page.locator('mk-thread');
    const message = thread.getByLabel('Message', { exact: true });
    await pasteOverLimit(page, message, `Long note ${'m'.repeat(10_000)}`);
    await thread.getByRole('button', { name: 'Send', exact: true }).click();
    await thread.locator('[part~="error"]').filter({ hasText: 'Shorten the fields marked' }).waitFor();
    await eventually(
      () => thread.locator('[part~="message"]').count(),
      (count) => count === 0,
      'nothing sent',
    );
    assert.deepEqual(await axeViolations(page, 'mk-thread'), []);
    await fitsTheWidth(page, thread);
    await thread.locator('[part~="composer"]').screenshot({ path: path.join(screenshots, 'limits-320-thread-composer.png') });

    assert.deepEqual(problems, []);
    await context.close();
  });
});
