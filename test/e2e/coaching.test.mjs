// End-to-end: coaching sessions in the built LMS demo (headless Chromium, real IndexedDB).
// The mentee runs GROW and the mentor OSKAR: each opens with an icebreaker, leaves halfway, reloads,
// resumes where they were, finishes, and turns the Will / Action items into goals.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { axeViolations, eventually, newContext, screenshots, useDemoAndBrowser } from './support.mjs';

const demo = useDemoAndBrowser();

const flow = (page) => page.locator('mk-coaching-flow');

/** Types an answer and waits until the element says it is saved. */
async function answer(page, promptId, text) {
  const field = flow(page).locator(`#prompt-${promptId}`);
  await field.fill(text);
  await field.blur();
  await flow(page)
    .locator('[part~="save-status"]')
    .filter({ hasText: /^Saved$/ })
    .waitFor();
}

async function next(page, expectedStep) {
  await flow(page).locator('[part~="next-button"]').click();
  if (expectedStep) await flow(page).locator(`[part~="step"][data-step="${expectedStep}"]`).waitFor();
  else await flow(page).locator('[part~="summary"]').waitFor();
}

async function pickScale(page, promptId, value) {
  const group = flow(page).locator(`fieldset:has(#prompt-${promptId})`);
  await group.locator(`label[part~="scale-option"]:has(input[value="${value}"])`).click();
  await flow(page)
    .locator('[part~="save-status"]')
    .filter({ hasText: /^Saved$/ })
    .waitFor();
}

describe('coaching sessions in the LMS demo', () => {
  test('the mentee runs GROW: icebreaker, leave halfway, reload, resume, finish, turn Will into goals', async () => {
    const { context, problems } = await newContext(demo.browser);
    const page = await demo.openAs(context, 'mentee');
    const panel = page.locator('#coaching-panel');
    await panel.waitFor();

    // Rapport first.
    await page.locator('mk-icebreaker').getByRole('button', { name: 'Deal a question' }).click();
    const prompt = page.locator('mk-icebreaker [part~="prompt"]');
    await prompt.waitFor();
    const firstPrompt = await eventually(
      () => prompt.getAttribute('data-prompt'),
      (id) => Boolean(id),
      'the dealt question has an id',
    );
    await page.locator('mk-icebreaker').getByRole('button', { name: 'Another one' }).click();
    await page.waitForFunction(
      (first) => document.querySelector('mk-icebreaker')?.shadowRoot?.querySelector('[part~="prompt"]')?.getAttribute('data-prompt') !== first,
      firstPrompt,
    );

    await page.getByLabel('GROW: start from a goal, end with committed actions').check();
    await flow(page).getByRole('button', { name: 'Start a new GROW session' }).click();
    await flow(page).locator('[part~="step"][data-step="goal"]').waitFor();
    await answer(page, 'goal-what', 'Lead the design review of the payments API');
    await next(page, 'reality');
    await answer(page, 'reality-now', 'I review code but have never led a design review');
    await pickScale(page, 'reality-position', 3);
    assert.deepEqual(await axeViolations(page, '#coaching-panel'), [], 'axe on a GROW step');
    await page.screenshot({ path: path.join(screenshots, 'coaching-grow-step.png'), fullPage: true });

    // Leave halfway: reload. The session resumes at Reality with the answers kept.
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Viewing as' }).waitFor();
    await flow(page).locator('[part~="step"][data-step="reality"]').waitFor();
    await eventually(
      () => flow(page).locator('#prompt-reality-now').inputValue(),
      (value) => value === 'I review code but have never led a design review',
      'the Reality answer is kept',
    );
    await eventually(
      () => flow(page).locator('#prompt-reality-position-3').isChecked(),
      (checked) => checked === true,
      'the scale answer 3 is kept',
    );
    await eventually(
      () => flow(page).locator('[aria-current="step"]').innerText(),
      (text) => /Reality/.test(text),
      'the current step is Reality',
    );

    await next(page, 'options');
    await answer(page, 'options-list', 'Shadow Kenji at the next review\nWrite a review checklist');
    await next(page, 'will');
    // Required answers are enforced.
    await flow(page).locator('[part~="next-button"]').click();
    await flow(page).locator('[part~="step-error"]').filter({ hasText: 'What will you do?' }).waitFor();
    await answer(page, 'will-actions', 'Shadow Kenji at the review on 14 April\nDraft the review checklist');
    await next(page, undefined);
    const summary = () => flow(page).locator('[part~="summary"]').innerText();
    await eventually(
      summary,
      (text) => /GROW session: Lead the design review of the payments API/.test(text),
      'the summary names the GROW session by its goal',
    );
    await eventually(summary, (text) => /3 on a scale of 0 to 10/.test(text), 'the summary gives the scale answer');
    await page.screenshot({ path: path.join(screenshots, 'coaching-grow-summary.png'), fullPage: true });

    // Before they become goals the flow asks when they are due and which skill they serve (prefilled: Lucía's first learning wish).
    await flow(page).getByRole('button', { name: 'Turn into goals' }).click();
    const handOff = flow(page).locator('[part~="hand-off"]');
    await handOff.waitFor();
    await page.waitForFunction(() => document.querySelector('mk-coaching-flow')?.shadowRoot?.querySelector('#hand-off-skill')?.value === 'system design');
    // The date four weeks ahead is offered; keep it.
    const dueDate = await eventually(
      () => handOff.getByLabel('Due date').inputValue(),
      (value) => /^\d{4}-\d{2}-\d{2}$/.test(value),
      'a due date is offered',
    );
    assert.deepEqual(await axeViolations(page, '#coaching-panel'), [], 'axe on the hand-off questions');
    await handOff.screenshot({ path: path.join(screenshots, 'coaching-hand-off.png') });
    await handOff.getByRole('button', { name: 'Create 2 goals' }).click();
    await page.getByRole('status').filter({ hasText: '2 goals created from the session’s actions.' }).waitFor();
    await flow(page).locator('[part~="handed-off"]').filter({ hasText: 'Turned into 2 goals' }).waitFor();
    const tracker = page.locator('mk-goal-tracker');
    await tracker.getByText('Draft the review checklist').first().waitFor();
    await tracker.getByText('Shadow Kenji at the review on 14 April').first().waitFor();
    // Each goal carries the date and the skill it was given.
    await tracker
      .locator('[part~="goal"]')
      .filter({ hasText: 'Draft the review checklist' })
      .locator('[part~="skill"]')
      .filter({ hasText: 'system design' })
      .waitFor();
    await tracker.locator('[part~="goal"]').filter({ hasText: 'Draft the review checklist' }).locator(`[part~="due"] time[datetime="${dueDate}"]`).waitFor();
    assert.deepEqual(await axeViolations(page, '#coaching-panel'), [], 'axe on the summary');
    await page.screenshot({ path: path.join(screenshots, 'coaching-grow-goals.png'), fullPage: true });

    // After a reload the hand-off is remembered: no second "Turn into goals".
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Viewing as' }).waitFor();
    await flow(page).getByRole('button', { name: 'Start a new GROW session' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the mentor runs OSKAR: scaling now and target, leave, reload, resume, finish, turn Action into goals; dark theme passes axe', async () => {
    const { context, problems } = await newContext(demo.browser);
    const page = await demo.openAs(context, 'mentor');
    await page.locator('#coaching-panel').waitFor();
    await page.getByLabel('OSKAR: build on what already works, one step up the scale').check();
    await flow(page).getByRole('button', { name: 'Start a new OSKAR session' }).click();
    await answer(page, 'outcome-what', 'Lucía runs the team’s design reviews with confidence');
    await next(page, 'scaling');
    await pickScale(page, 'scaling-now', 4);
    await pickScale(page, 'scaling-target', 6);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.locator('html[data-mk-theme="dark"]').waitFor({ state: 'attached' });
    assert.deepEqual(await axeViolations(page, '#coaching-panel'), [], 'axe on OSKAR scaling, dark');
    await page.screenshot({ path: path.join(screenshots, 'coaching-oskar-scaling-dark.png'), fullPage: true });
    await page.getByRole('button', { name: 'Dark theme' }).click();

    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Viewing as' }).waitFor();
    await eventually(
      () => page.getByLabel('OSKAR: build on what already works, one step up the scale').isChecked(),
      (checked) => checked === true,
      'the chosen model is remembered',
    );
    await flow(page).locator('[part~="step"][data-step="scaling"]').waitFor();
    await eventually(
      () => flow(page).locator('#prompt-scaling-target-6').isChecked(),
      (checked) => checked === true,
      'the target 6 is kept',
    );
    await next(page, 'know-how');
    await answer(page, 'know-how-working', 'She already prepares thorough notes');
    await next(page, 'affirm-action');
    await answer(page, 'action-steps', 'Co-lead the review on 21 April\nAsk for feedback from two reviewers');
    await next(page, 'review');
    await answer(page, 'review-better', 'First session: nothing to compare yet');
    await next(page, undefined);
    await flow(page).getByRole('button', { name: 'Turn into goals' }).click();
    await flow(page).locator('[part~="hand-off"]').getByRole('button', { name: 'Create 2 goals' }).click();
    await flow(page).locator('[part~="handed-off"]').filter({ hasText: 'Turned into 2 goals' }).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'coaching-oskar-summary.png'), fullPage: true });

    // A new OSKAR session knows the last one (its Review step will look back at it).
    await flow(page).getByRole('button', { name: 'Start a new session' }).click();
    await flow(page).locator('[part~="intro"]').filter({ hasText: 'Your last OSKAR session was on' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
