// End-to-end: long text and narrow screens in the built LMS demo (headless Chromium, real IndexedDB).
// A goal whose title, skill and measure are 200, 100 and 120 characters without a space keeps the goal
// tracker inside its card with "New goal" on screen (issue 19: it made the tracker 1,538 px wide in a
// 1,090 px card); the demo's header and pages do not scroll sideways at 390 px or 320 px. Every check
// waits for its condition; screenshots are written for people to look at.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { axeViolations, eventually, screenshots, useDemoAndBrowser, watchPage } from './support.mjs';

const demo = useDemoAndBrowser();

async function openAs(viewAs, width) {
  const context = await demo.browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Madrid' });
  await context.clock.setFixedTime(new Date('2026-10-14T10:00:00Z'));
  const problems = [];
  const page = await context.newPage();
  watchPage(page, problems);
  await page.goto(`${demo.server.demoUrl}?as=${viewAs}`);
  await page.getByRole('status').filter({ hasText: 'Viewing as' }).waitFor();
  return { context, page, problems };
}

/** Waits until the page does not scroll sideways: nothing is wider than the window. */
async function noSidewaysScroll(page, what) {
  try {
    await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, undefined, { timeout: 5000 });
  } catch {
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
    assert.fail(`${what}: the page is ${widths.page} px wide in a ${widths.window} px window`);
  }
}

/**
 * Words of up to 20 letters split across two lines anywhere on the page, in its shadow roots too: long
 * strings may break anywhere, but the words of the interface ("Achieved") must not ("Achiev|ed").
 */
function wordsBrokenMidWord(page) {
  return page.evaluate(() => {
    const broken = [];
    const walk = (root, where) => {
      const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        for (const match of node.textContent.matchAll(/[\p{L}\p{N}’']+/gu)) {
          if (match[0].length < 2 || match[0].length > 20) continue;
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
          if (lines.size > 1) broken.push(`${where}: "${match[0]}"`);
        }
      }
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) walk(element.shadowRoot, element.localName);
    };
    walk(document.body, 'page');
    return broken;
  });
}

/** Waits until the goal tracker fits its column and its "New goal" button is on screen. */
async function trackerFits(page) {
  const fits = () =>
    page.evaluate(() => {
      const tracker = document.querySelector('mk-goal-tracker');
      const base = tracker?.shadowRoot?.querySelector('[part~="base"]');
      const button = tracker?.shadowRoot?.querySelector('[part~="new-goal"]');
      if (!tracker || !base || !button) return { ok: false, why: 'not rendered' };
      const column = tracker.parentElement.getBoundingClientRect();
      const host = tracker.getBoundingClientRect();
      // The card and every goal row in it: as wide as they are given, nothing scrolled inside them.
      const boxes = [base, ...tracker.shadowRoot.querySelectorAll('[part~="goal"]')];
      const scrolled = boxes.filter((box) => box.scrollWidth > box.clientWidth + 1).length;
      const buttonBox = button.getBoundingClientRect();
      return {
        ok: host.right <= column.right + 1 && scrolled === 0 && buttonBox.right <= window.innerWidth + 1,
        why: `the tracker ends at ${Math.round(host.right)} px, its column at ${Math.round(column.right)} px; ${scrolled} box(es) wider than themselves; "New goal" ends at ${Math.round(buttonBox.right)} px of ${window.innerWidth}`,
      };
    });
  const deadline = Date.now() + 5000;
  let last = await fits();
  while (!last.ok && Date.now() < deadline) {
    await page.waitForTimeout(100);
    last = await fits();
  }
  assert.ok(last.ok, last.why);
}

/** Waits until the person's page has rendered its content (the pairings; the admin's overview table), so the checks see it. */
const rendered = (page, viewAs) =>
  page
    .locator(viewAs === 'admin' ? '#overview-body table' : 'mk-pairing-card [part~="pairing"]')
    .first()
    .waitFor();

const TITLE = 'T'.repeat(200);
const SKILL = 'S'.repeat(100);
const MEASURE = 'M'.repeat(120);

describe('long text and narrow screens', () => {
  test('a goal with a 200-character unbroken title, skill and measure stays inside the tracker at 1280 px and 320 px', async () => {
    const { context, page, problems } = await openAs('mentee', 1280);
    const tracker = page.locator('mk-goal-tracker');
    const editor = page.locator('mk-goal-editor');
    await tracker.getByRole('button', { name: 'Set your first goal' }).click();
    await editor.getByLabel('What do you want to achieve?').fill(TITLE);
    await editor.getByLabel('Skill or development area').fill(SKILL);
    await editor.getByLabel('Due date').fill('2026-11-30');
    await editor.getByLabel('What you count').fill(MEASURE);
    await editor.getByLabel('Target').fill('3');
    await editor.getByRole('button', { name: 'Set goal' }).click();
    // A goal scoring low asks before saving (item 9): this one is fine or is confirmed. Wait for one or
    // the other before looking, or a busy machine finds neither yet and never confirms.
    const confirm = editor.getByRole('button', { name: 'Save anyway' });
    const saved = tracker.locator('[part~="goal"]').filter({ hasText: TITLE });
    await saved.or(confirm).first().waitFor();
    if (await confirm.isVisible()) await confirm.click();
    await saved.waitFor();
    await trackerFits(page);
    await noSidewaysScroll(page, 'the demo at 1280 px with the long goal');
    await page.locator('#goals-panel').screenshot({ path: path.join(screenshots, 'long-text-goal-1280.png') });
    assert.deepEqual(await axeViolations(page, 'mk-goal-tracker'), []);

    await page.setViewportSize({ width: 320, height: 900 });
    await trackerFits(page);
    await noSidewaysScroll(page, 'the demo at 320 px with the long goal');
    await eventually(
      async () => (await wordsBrokenMidWord(page)).filter((word) => word.startsWith('mk-goal-tracker')),
      (broken) => broken.length === 0,
      "the tracker's own words stay whole",
    );
    await tracker.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, 'long-text-goal-320.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const width of [390, 320]) {
    test(`the demo's header and page do not scroll sideways at ${width} px, for every person`, async () => {
      const { context, page, problems } = await openAs('mentor', width);
      await rendered(page, 'mentor');
      await noSidewaysScroll(page, `the mentor's page at ${width} px`);
      await eventually(
        () => wordsBrokenMidWord(page),
        (broken) => broken.length === 0,
        'no word is split across lines',
      );
      await page.locator('.lms-header').screenshot({ path: path.join(screenshots, `long-text-header-${width}.png`) });
      for (const viewAs of ['mentee', 'admin']) {
        await page.goto(`${demo.server.demoUrl}?as=${viewAs}`);
        await page.getByRole('status').filter({ hasText: 'Viewing as' }).waitFor();
        await rendered(page, viewAs);
        await noSidewaysScroll(page, `the ${viewAs}'s page at ${width} px`);
        await eventually(
          () => wordsBrokenMidWord(page),
          (broken) => broken.length === 0,
          `no word is split across lines on the ${viewAs}'s page`,
        );
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
