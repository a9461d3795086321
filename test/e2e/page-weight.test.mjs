// What the intranet page (examples/intranet-goal-tracker: one script tag of the CDN bundle, a provider,
// <mk-goal-tracker> and <mk-goal-editor>, which brings <mk-celebration>) downloads as JavaScript, measured
// the way docs/DESIGN.md's bundle budget states it: in Chromium, every JavaScript response the page
// receives until it is idle, each gzipped on its own (level 9, as size-limit does). The bytes are
// those of the build, so the figure is the same on every run and machine: this is a size check, not a
// timing.
//
// DESIGN's budget is 45 kB and is NOT met (CONTRIBUTING, "Size budgets", says where the bytes go). The
// ceiling below only stops further growth, like the ceilings in .size-limit.mjs; lower it when the
// page gets lighter, and never raise it without a dated reason here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { useDemoAndBrowser } from './support.mjs';

const demo = useDemoAndBrowser();

/** 2026-12-06 (issue 20): 70.87 kB measured — the runtime chunk 42.8 kB, the goal editor 8.0 kB, the goals write path 6.2 kB. */
const CEILING_BYTES = 71_000;
const DESIGN_BUDGET_BYTES = 45_000;

test('the intranet page (goal tracker, editor, celebration) downloads at most its ceiling of JavaScript, gzipped', async () => {
  const context = await demo.browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 1000 } });
  await context.clock.setFixedTime(new Date('2026-10-14T10:00:00Z'));
  const page = await context.newPage();
  const scripts = new Map();
  const reading = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!/\.m?js$/.test(url.pathname)) return;
    reading.push(
      response.body().then(
        (body) => scripts.set(url.pathname, gzipSync(body, { level: 9 }).length),
        () => undefined,
      ),
    );
  });
  try {
    await page.goto(`${demo.server.url}/examples/intranet-goal-tracker/`);
    // The tracker has drawn its goals (or its empty state) and the editor its SMART checklist, which
    // needs the goals rules: everything the page shows is there.
    await page.locator('mk-goal-tracker').getByText('No goals yet — set your first one').waitFor();
    await page.locator('mk-goal-editor').locator('[part~="summary"]').waitFor();
    // What the page fetches once idle (the tracker prefetches the goals write path) counts too.
    await page.waitForLoadState('networkidle');
    await Promise.all(reading);
    const total = [...scripts.values()].reduce((sum, size) => sum + size, 0);
    const lines = [...scripts]
      .sort((left, right) => right[1] - left[1])
      .map(([file, size]) => `  ${(size / 1000).toFixed(2).padStart(6)} kB  ${file.replace(/^.*\/dist\/cdn\//, 'dist/cdn/')}`);
    console.log(
      `intranet page: ${(total / 1000).toFixed(2)} kB of JavaScript, gzipped file by file (DESIGN's budget ${DESIGN_BUDGET_BYTES / 1000} kB; ceiling ${CEILING_BYTES / 1000} kB)\n${lines.join('\n')}`,
    );
    assert.ok(
      [...scripts.keys()].some((file) => /\/dist\/cdn\/shared\/runtime-[\w-]+\.js$/.test(file)),
      `the page loads the CDN's runtime chunk: ${[...scripts.keys()].join(', ')}`,
    );
    assert.ok(
      total <= CEILING_BYTES,
      `the intranet page loads ${total} bytes of JavaScript (gzipped), over its ceiling of ${CEILING_BYTES}:\n${lines.join('\n')}`,
    );
  } finally {
    await context.close();
  }
});
