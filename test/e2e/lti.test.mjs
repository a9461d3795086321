// MentorKit as an LTI 1.3 tool (issue 17), end to end: real launches through MentorKit's HTTP server
// (real PostgreSQL) from the test LMS of examples/lti-platform, in Chromium, the tool in the LMS's
// iframe. The setup is the one `npm run demo:lti` runs (scripts/lib/lti-demo.mjs): the LMS registered
// with the service token, the course opened once by its teacher, its roster synced, Amara paired with
// Tomás and given a goal. A teacher places the pairing board with Deep Linking (by keyboard); Amara
// launches the goal tracker and sees her goal; Tomás opens MentorKit's home page; the teacher's placed
// link opens the pairing board; a replayed launch shows a clear page. Every check waits for its condition (2-core machine).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { LTI_DEMO_GOAL_TITLE, LTI_DEMO_PEOPLE, startLtiDemo } from '../../scripts/lib/lti-demo.mjs';
import { postgresUnavailableReason } from '../../scripts/lib/postgres.mjs';
import { eventually, launchBrowser, newContext, screenshots } from './support.mjs';

const skip = postgresUnavailableReason();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Launches go through the LMS's login, the tool, the LMS's authentication and back: room on a busy machine. */
const LAUNCH = 20_000;

let demo;
let browser;

/**
 * axe violations inside the tool's frame. The tool's pages have a strict CSP (scripts only with the
 * page's nonce), so axe cannot be added as a script tag (support.mjs' axeViolations): it is evaluated
 * through the DevTools protocol instead, which the page's CSP does not govern.
 */
async function axeViolationsIn(frame) {
  await frame.evaluate(`${axeSource}\n;undefined`);
  return frame.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  });
}

/** The tool's frame of the LMS page, once it shows a page of the tool (`path` under /lti/). */
async function toolFrame(page, what) {
  return eventually(
    () => page.frames().find((frame) => frame !== page.mainFrame() && frame.url().startsWith(`${demo.toolUrl}/lti/`)),
    Boolean,
    `${what}: the LMS's iframe shows MentorKit`,
    LAUNCH,
  );
}

describe('LTI 1.3: MentorKit launched from an LMS, in Chromium', { skip: skip ?? false }, () => {
  before(async () => {
    demo = await startLtiDemo();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  test('a teacher places the pairing board in the course with Deep Linking, by keyboard', async () => {
    const { context, problems } = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(demo.courseUrl(LTI_DEMO_PEOPLE.teacher.sub, { deepLink: true }));
      const frame = page.frameLocator('iframe[title="MentorKit"]');
      await frame.getByRole('heading', { level: 1, name: 'Add MentorKit to the course' }).waitFor({ timeout: LAUNCH });
      const first = frame.getByRole('radio', { name: /^Mentoring —/ });
      const board = frame.getByRole('radio', { name: /^Pairing board —/ });
      assert.equal(await first.isChecked(), true, 'the first widget is chosen to begin with');
      assert.equal(await frame.getByRole('radio').count(), 8, 'every widget is offered');

      const picker = await toolFrame(page, 'the picker');
      assert.deepEqual(await axeViolationsIn(picker), [], 'the picker has no axe violations');
      await page.screenshot({ path: path.join(screenshots, 'lti-deep-link-picker-1280.png') });

      // Keyboard only: focus the chosen radio, arrow to the next one, Tab to the button, Enter.
      await first.focus();
      await page.keyboard.press('ArrowDown');
      await eventually(
        () => board.isChecked(),
        (checked) => checked === true,
        'ArrowDown chooses the pairing board',
      );
      await page.keyboard.press('Tab');
      await eventually(
        () => frame.getByRole('button', { name: 'Add to the course' }).evaluate((button) => button === document.activeElement),
        Boolean,
        'Tab reaches "Add to the course"',
      );
      await page.keyboard.press('Enter');

      // The tool posts the signed response back to the LMS, which shows what was added.
      await frame.getByRole('heading', { name: 'Added to the course' }).waitFor({ timeout: LAUNCH });
      await frame.getByRole('listitem').filter({ hasText: 'MentorKit: Pairing board' }).waitFor();
      const link = await eventually(() => demo.platform.state.deepLinks.at(-1), Boolean, 'the LMS received the content item');
      assert.equal(link.type, 'ltiResourceLink');
      assert.equal(link.custom?.mentorkit_widget, 'pairing-board');
      assert.equal(link.url, `${demo.toolUrl}/lti/launch`);
      assert.equal(link.data, 'opaque-dl-data-42', "the LMS's data comes back unchanged");
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('Amara launches the goal tracker: her goal with Tomás, MentorKit started, no errors, no axe violations', async () => {
    const { context, problems } = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(demo.courseUrl(LTI_DEMO_PEOPLE.learner.sub, { widget: 'goal-tracker' }));
      const frame = page.frameLocator('iframe[title="MentorKit"]');
      await frame.getByRole('heading', { level: 1, name: 'Goal tracker · Leadership 101' }).waitFor({ timeout: LAUNCH });
      await frame.locator('mk-goal-tracker').getByRole('heading', { name: LTI_DEMO_GOAL_TITLE }).waitFor({ timeout: LAUNCH });
      await frame.locator('mk-goal-tracker').getByText(`with ${LTI_DEMO_PEOPLE.mentor.name}`).waitFor();
      // The status line: "Loading…" until the client is up, then empty (nothing to say); never "could not start".
      const status = await eventually(
        () => frame.locator('#mentorkit-status').textContent(),
        (text) => text !== 'Loading…',
        'the launch page finished starting',
        LAUNCH,
      );
      assert.doesNotMatch(status, /could not start|not paired/, 'MentorKit started, and Amara is paired');
      assert.equal(status.trim(), '');
      // The roster brought Amara in before she ever launched (with UTC): her browser's zone is saved now.
      const amaraId = (await demo.course()).personIds[LTI_DEMO_PEOPLE.learner.sub];
      await eventually(
        async () => (await demo.call('GET', `/collections/people/records/${encodeURIComponent(amaraId)}`)).timeZone,
        (zone) => zone === 'Europe/Madrid',
        "Amara's time zone is her browser's",
        LAUNCH,
      );

      const launched = await toolFrame(page, 'the launch');
      assert.deepEqual(await axeViolationsIn(launched), [], 'the launched page has no axe violations');
      assert.deepEqual(problems, [], 'no page errors, no console errors');

      // Screenshots of the launched page in the LMS, wide and narrow (people look at them: .test-results/e2e).
      await page.screenshot({ path: path.join(screenshots, 'lti-goal-tracker-1280.png') });
      await page.setViewportSize({ width: 320, height: 800 });
      await eventually(
        () => launched.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
        (overflow) => overflow <= 0,
        'nothing wider than the frame at 320 px',
      );
      await page.screenshot({ path: path.join(screenshots, 'lti-goal-tracker-320.png') });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test("Tomás launches MentorKit's home page: his pairing with Amara, her goal, no errors", async () => {
    const { context, problems } = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(demo.courseUrl(LTI_DEMO_PEOPLE.mentor.sub));
      const frame = page.frameLocator('iframe[title="MentorKit"]');
      await frame.getByRole('heading', { level: 1, name: 'Mentoring · Leadership 101' }).waitFor({ timeout: LAUNCH });
      await frame.locator('mk-pairing-card').getByText(LTI_DEMO_PEOPLE.learner.name).first().waitFor({ timeout: LAUNCH });
      await frame.locator('mk-goal-tracker').getByRole('heading', { name: LTI_DEMO_GOAL_TITLE }).waitFor({ timeout: LAUNCH });
      const status = await eventually(
        () => frame.locator('#mentorkit-status').textContent(),
        (text) => text !== 'Loading…',
        'the launch page finished starting',
        LAUNCH,
      );
      assert.equal(status.trim(), '', 'MentorKit started and Tomás is paired');
      await page.screenshot({ path: path.join(screenshots, 'lti-mentor-home-1280.png'), fullPage: true });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test("the teacher opens the placed link: the pairing board, Tomás's seat taken by Amara", async () => {
    const { context, problems } = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(demo.courseUrl(LTI_DEMO_PEOPLE.teacher.sub, { widget: 'pairing-board' }));
      const frame = page.frameLocator('iframe[title="MentorKit"]');
      await frame.getByRole('heading', { level: 1, name: 'Pairing board · Leadership 101' }).waitFor({ timeout: LAUNCH });
      // Tomás's one seat is taken by the pairing with Amara (so no mentee is waiting).
      await frame.locator('mk-pairing-board').getByText(`${LTI_DEMO_PEOPLE.mentor.name} · 1 of 1 seats`).waitFor({ timeout: LAUNCH });
      await frame.locator('mk-pairing-board').getByText('0 mentees waiting').waitFor();
      const status = await eventually(
        () => frame.locator('#mentorkit-status').textContent(),
        (text) => text !== 'Loading…',
        'the launch page finished starting',
        LAUNCH,
      );
      assert.doesNotMatch(status, /could not start/);
      await page.screenshot({ path: path.join(screenshots, 'lti-pairing-board-1280.png') });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('a replayed launch is refused with a clear page, shown in the iframe', async () => {
    // A genuine launch, used once (as the browser would post it)…
    const started = await fetch(demo.platform.loginUrl(LTI_DEMO_PEOPLE.learner.sub), { redirect: 'manual' });
    assert.equal(started.status, 302);
    const authorized = await demo.platform.authorize(started.headers.get('location'));
    const form = new URLSearchParams({ id_token: authorized.idToken, state: authorized.state });
    const first = await fetch(`${demo.toolUrl}/lti/launch`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    assert.equal(first.status, 200);
    await first.text();

    // …then posted again into an iframe, from a page on this machine (Chromium's local network access
    // checks refuse a loopback form post from a page Playwright fulfils, so a real server serves it).
    const escape = (text) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
    const replayPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Replay</title><link rel="icon" href="data:,"></head><body>
<iframe name="tool" title="MentorKit" style="width:100%;height:80vh"></iframe>
<form method="post" target="tool" action="${escape(`${demo.toolUrl}/lti/launch`)}">${[...form].map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join('')}</form>
<script>document.forms[0].submit()</script></body></html>`;
    const replayServer = http.createServer((request, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(replayPage));
    await new Promise((resolve) => replayServer.listen(0, '127.0.0.1', resolve));
    const replayUrl = `http://127.0.0.1:${replayServer.address().port}/replay`;
    const { context, problems } = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(replayUrl);
      const frame = page.frameLocator('iframe[title="MentorKit"]');
      await frame.getByRole('heading', { level: 1, name: 'This launch has expired or was already used' }).waitFor({ timeout: LAUNCH });
      await frame.getByRole('alert').filter({ hasText: 'already used' }).waitFor();
      await frame.getByText('Open MentorKit from the course again.').waitFor();
      assert.equal(await frame.locator('#mentorkit-launch').count(), 0, 'no token handed out');
      const refused = await toolFrame(page, 'the refused launch');
      assert.deepEqual(await axeViolationsIn(refused), [], 'the refusal page has no axe violations');
      await page.screenshot({ path: path.join(screenshots, 'lti-refused-1280.png') });
      // The document answered 401, which Chromium reports as a failed resource; nothing else.
      assert.deepEqual(
        problems.filter((problem) => !/status of 401/.test(problem)),
        [],
      );
    } finally {
      await context.close();
      await new Promise((resolve) => replayServer.close(resolve));
    }
  });
});
