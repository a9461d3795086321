// End-to-end journeys through the built LMS demo (npm start's page) in headless Chromium, on the
// real IndexedDB default: first visit seeds the programme, the three views, keyboard use, axe,
// a change in one tab seen live in another, persistence across a reload, and the reset.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { axeViolations, eventually, newContext, screenshots, useDemoAndBrowser } from './support.mjs';

const demo = useDemoAndBrowser();

/** The pairing card's entry for a pairing whose button names these people. */
const pairingEntry = (page, names) => page.locator('mk-pairing-card [part~="pairing"]').filter({ has: page.getByRole('button', { name: names }) });

describe('LMS demo', () => {
  test('"Why this pairing" quotes this week\'s clocks (December, not June) and follows the page language', async () => {
    const { context, problems } = await newContext(demo.browser);
    const page = await context.newPage();
    await page.goto(`${demo.server.demoUrl}?as=mentee&now=2026-12-09T10:00:00Z`);
    await page.getByRole('status').filter({ hasText: 'Viewing as' }).waitFor();
    await page.locator('mk-pairing-card').getByRole('button', { name: 'Kenji Watanabe and Arjun Shrestha' }).click();
    const reasons = page.getByTestId('details-reasons');
    // Madrid is UTC+1 in December (UTC+2 in June, when it read "10 h/week … 09:00–11:00 Madrid = 16:00–18:00 Tokyo").
    await reasons.locator('li').filter({ hasText: '5 h/week overlap: Mon–Fri 09:00–10:00 Madrid = 17:00–18:00 Tokyo' }).waitFor();
    await page.locator('#language').selectOption('es');
    await reasons.locator('li').filter({ hasText: '09:00–10:00' }).filter({ hasNotText: 'overlap' }).first().waitFor();
    await page.locator('#details').screenshot({ path: path.join(screenshots, 'demo-why-this-pairing-es.png') });
    await page.locator('#language').selectOption('en');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a mentor with two mentees picks one on the pairing card and every panel follows, saying whose it is', async () => {
    const { context, problems } = await newContext(demo.browser);
    const page = await demo.openAs(context, 'mentor');
    const withLine = (tag) => page.locator(`${tag} [part~="pairing-with"]`).first();
    const followers = [
      'mk-goal-tracker',
      'mk-goal-editor',
      'mk-icebreaker',
      'mk-coaching-flow',
      'mk-agreement',
      'mk-scheduler',
      'mk-checkin',
      'mk-session-feedback',
    ];
    // Kenji's first pairing is Daniel's: every panel says so.
    for (const tag of followers) await withLine(tag).filter({ hasText: 'with Daniel Kim' }).waitFor();
    await page.locator('mk-thread [part~="heading"]').filter({ hasText: 'Conversation with Daniel Kim' }).waitFor();
    // He picks Lucía on the pairing card: every panel follows, and the "Working with" picker too.
    await page.locator('mk-pairing-card').getByRole('button', { name: 'Lucía Fernández and Arjun Shrestha' }).click();
    for (const tag of followers) await withLine(tag).filter({ hasText: 'with Lucía Fernández and Arjun Shrestha' }).waitFor();
    await page.locator('mk-thread [part~="heading"]').filter({ hasText: 'Conversation with Lucía Fernández and Arjun Shrestha' }).waitFor();
    await page.waitForFunction(() => document.querySelector('#current-pairing')?.value === 'pairing-lucia');
    await pairingEntry(page, 'Lucía Fernández and Arjun Shrestha').locator('[part~="current"]').filter({ hasText: 'Shown in every panel' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: path.join(screenshots, 'demo-mentor-current-pairing.png'), fullPage: true });
    // And back through the "Working with" picker.
    await page.locator('[data-testid="current-pairing"]').selectOption('pairing-daniel');
    for (const tag of followers) await withLine(tag).filter({ hasText: 'with Daniel Kim' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('first visit seeds the programme; the mentee sees both mentors with their local time', async () => {
    const { context, problems } = await newContext(demo.browser);
    const page = await demo.openAs(context, 'mentee');
    const entry = pairingEntry(page, 'Kenji Watanabe and Arjun Shrestha');
    await entry.waitFor();
    for (const expected of ['Mentor', 'Co-mentor', 'Asia/Tokyo', 'Asia/Kathmandu', 'UTC+09:00', 'UTC+05:45', 'Active'])
      await eventually(
        () => entry.innerText(),
        (text) => text.includes(expected),
        `the pairing shows "${expected}"`,
      );
    await eventually(
      () => entry.locator('time').evaluateAll((elements) => elements.map((element) => element.getAttribute('datetime'))),
      (times) => times.length === 2 && /\+09:00$/.test(times[0]) && /\+05:45$/.test(times[1]),
      'two local times: Tokyo (+09:00), then Kathmandu (+05:45)',
    );
    await page.screenshot({ path: path.join(screenshots, 'demo-mentee.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('keyboard only: Tab to the pairing, Enter opens its details', async () => {
    const { context, problems } = await newContext(demo.browser);
    const page = await demo.openAs(context, 'mentee');
    await pairingEntry(page, 'Kenji Watanabe and Arjun Shrestha').waitFor();
    const deepFocus = () =>
      page.evaluate(() => {
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        return element ? `${element.tagName.toLowerCase()}:${element.textContent.trim()}` : '';
      });
    let focused = '';
    for (let presses = 0; presses < 15 && !focused.startsWith('button:Kenji'); presses++) {
      await page.keyboard.press('Tab');
      focused = await deepFocus();
    }
    assert.equal(focused, 'button:Kenji Watanabe and Arjun Shrestha', 'the pairing is reachable with Tab');
    await page.keyboard.press('Enter');
    const details = page.locator('#details');
    await details.waitFor({ state: 'visible' });
    await eventually(
      () => details.innerText(),
      (text) => /Lucía Fernández · Europe\/Madrid/.test(text),
      'the details show Lucía in Europe/Madrid',
    );
    await eventually(deepFocus, (focus) => focus === 'h2:Pairing details', 'focus moves to the details');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('axe finds no violations as mentee, mentor and admin, light and dark', async () => {
    const { context, problems } = await newContext(demo.browser);
    for (const viewAs of ['mentee', 'mentor', 'admin']) {
      const page = await demo.openAs(context, viewAs);
      await page
        .locator(viewAs === 'admin' ? '#overview-body table' : 'mk-pairing-card [part~="pairing"]')
        .first()
        .waitFor();
      assert.deepEqual(await axeViolations(page), [], `${viewAs}, light`);
      await page.screenshot({ path: path.join(screenshots, `demo-${viewAs}-light.png`), fullPage: true });
      await page.getByRole('button', { name: 'Dark theme' }).click();
      await page.locator('html[data-mk-theme="dark"]').waitFor({ state: 'attached' });
      assert.deepEqual(await axeViolations(page), [], `${viewAs}, dark`);
      await page.screenshot({ path: path.join(screenshots, `demo-${viewAs}-dark.png`), fullPage: true });
      await page.getByRole('button', { name: 'Dark theme' }).click();
      await page.close();
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an admin activates a pairing: the mentor’s other tab updates live, and a reload keeps it', async () => {
    const { context, problems } = await newContext(demo.browser);
    const mentorTab = await demo.openAs(context, 'mentor');
    const ravi = pairingEntry(mentorTab, 'Ravi Patel');
    await ravi.waitFor();
    await eventually(
      () => ravi.getAttribute('data-status'),
      (status) => status === 'proposed',
      "Ravi's pairing is proposed",
    );
    await mentorTab.getByRole('button', { name: 'Ravi Patel' }).click();
    await mentorTab.getByTestId('details-status').filter({ hasText: 'proposed' }).waitFor();
    await eventually(
      () => mentorTab.locator('#details [data-action]').count(),
      (count) => count === 0,
      'only an admin acts on a proposal',
    );

    const adminTab = await demo.openAs(context, 'admin');
    await adminTab.getByRole('button', { name: 'Details of Ravi Patel’s pairing' }).click();
    await adminTab.getByRole('button', { name: 'Activate pairing' }).click();
    await adminTab.getByRole('status').filter({ hasText: 'Activate pairing: done.' }).waitFor();
    await eventually(
      () => adminTab.getByTestId('count-active').innerText(),
      (text) => text === '14',
      '14 active pairings',
    );
    await adminTab.screenshot({ path: path.join(screenshots, 'demo-admin.png'), fullPage: true });

    // The other tab was not touched: BroadcastChannel + IndexedDB bring the change.
    await mentorTab.locator('mk-pairing-card [part~="pairing"][data-status="active"]').filter({ hasText: 'Ravi Patel' }).waitFor({ timeout: 5000 });
    await mentorTab.reload();
    await pairingEntry(mentorTab, 'Ravi Patel').waitFor();
    await eventually(
      () => pairingEntry(mentorTab, 'Ravi Patel').getAttribute('data-status'),
      (status) => status === 'active',
      'still active after a reload',
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a mentee pauses and resumes her pairing; refused actions are explained', async () => {
    const { context, problems } = await newContext(demo.browser);
    const page = await demo.openAs(context, 'mentee');
    await page.getByRole('button', { name: 'Kenji Watanabe and Arjun Shrestha' }).click();
    await page.getByRole('button', { name: 'Pause pairing' }).click();
    await page.getByTestId('details-status').filter({ hasText: 'paused' }).waitFor();
    await pairingEntry(page, 'Kenji Watanabe and Arjun Shrestha').and(page.locator('[data-status="paused"]')).waitFor();
    await page.getByRole('button', { name: 'Resume pairing' }).click();
    await page.getByTestId('details-status').filter({ hasText: 'active' }).waitFor();
    await eventually(
      () => page.getByRole('button', { name: 'Activate pairing' }).count(),
      (count) => count === 0,
      'a mentee cannot activate pairings',
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('switching the view re-renders for the new person; reset restores the sample programme', async () => {
    const { context, problems } = await newContext(demo.browser);
    const page = await demo.openAs(context, 'admin');
    await page.getByRole('button', { name: 'Details of Sofia Rossi’s pairing' }).click();
    await page.getByRole('button', { name: 'Resume pairing' }).click();
    await page.getByTestId('count-paused').filter({ hasText: '0' }).waitFor();

    await page.getByLabel('View as').selectOption('mentor');
    await page.getByRole('status').filter({ hasText: 'Viewing as Kenji Watanabe' }).waitFor();
    await eventually(
      () => page.url(),
      (url) => /as=mentor/.test(url),
      'the address says as=mentor',
    );
    await pairingEntry(page, 'Daniel Kim').waitFor();

    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Reset demo data' }).click();
    await page.waitForEvent('load');
    await page.getByRole('status').filter({ hasText: 'Viewing as Kenji Watanabe' }).waitFor();
    await page.getByLabel('View as').selectOption('admin');
    await page.getByTestId('count-paused').filter({ hasText: '1' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
