// End-to-end (issue 19, item 2): unread counts in the built LMS demo. The mentee writes; the mentor's open
// tab shows "1 unread message" on the pairing card, beside Lucía, in the "Working with" picker and on the
// thread — and the message stays unread until the thread is actually scrolled into view. Every assertion
// waits for its condition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { axeViolations, newContext, screenshots, throughout, useDemoAndBrowser } from './support.mjs';

const demo = useDemoAndBrowser();

const unreadIn = (page) =>
  page.evaluate(async () => {
    const thread = document.querySelector('mk-thread');
    return thread?.shadowRoot?.querySelector('[part~="unread-count"]')?.textContent?.trim() ?? '';
  });

test('the mentor sees unread messages on the card, the picker and the thread; they are marked read only when seen', async () => {
  const { context, problems } = await newContext(demo.browser);
  const mentor = await demo.openAs(context, 'mentor');
  await mentor.locator('[data-testid="current-pairing"]').selectOption('pairing-lucia');
  await mentor.locator('mk-thread [part~="heading"]').filter({ hasText: 'Conversation with Lucía Fernández and Arjun Shrestha' }).waitFor();

  // Lucía writes from her own tab.
  const mentee = await demo.openAs(context, 'mentee');
  const composer = mentee.locator('mk-thread textarea[name="message"]');
  await composer.fill('Could we look at the ADR before Thursday?');
  await mentee.locator('mk-thread').getByRole('button', { name: 'Send' }).click();
  await mentee.locator('mk-thread [part~="message"]').filter({ hasText: 'Could we look at the ADR before Thursday?' }).waitFor();

  // Kenji's tab, scrolled to the top: the count shows on the card, beside Lucía, and in the picker.
  await mentor.bringToFront();
  await mentor.evaluate(() => window.scrollTo(0, 0));
  const lucia = mentor.locator('mk-pairing-card [part~="pairing"]').filter({ has: mentor.getByRole('button', { name: 'Lucía Fernández and Arjun Shrestha' }) });
  await lucia.locator('[part~="unread"]').filter({ hasText: '1 unread message' }).waitFor({ timeout: 15_000 });
  await lucia.locator('[part~="person-unread"]').filter({ hasText: '1 unread' }).waitFor();
  await mentor
    .locator('#current-pairing option[value="pairing-lucia"]')
    .filter({ hasText: 'Lucía Fernández and Arjun Shrestha (1 unread)' })
    .waitFor({ state: 'attached' });
  await mentor.waitForFunction(() => document.querySelector('mk-thread')?.shadowRoot?.querySelector('[part~="unread-count"]')?.textContent?.trim() === '1');
  // The thread is far below the fold: it has not been seen, so nothing is marked read.
  await throughout(
    () => unreadIn(mentor),
    (count) => count === '1',
    'still unread while the thread is out of view',
    600,
  );
  assert.deepEqual(await axeViolations(mentor, 'mk-pairing-card'), []);
  await mentor.locator('#my-pairings').screenshot({ path: path.join(screenshots, 'unread-pairing-card.png') });

  // Scrolled to the thread: seen, marked read, and every count goes.
  await mentor.locator('mk-thread [part~="message"]').filter({ hasText: 'Could we look at the ADR before Thursday?' }).scrollIntoViewIfNeeded();
  await mentor.waitForFunction(() => !document.querySelector('mk-thread')?.shadowRoot?.querySelector('[part~="unread-count"]'));
  await lucia.locator('[part~="unread"]').waitFor({ state: 'detached' });
  await mentor
    .locator('#current-pairing option[value="pairing-lucia"]')
    .filter({ hasText: /^Lucía Fernández and Arjun Shrestha$/ })
    .waitFor({ state: 'attached' });
  assert.deepEqual(problems, []);
  await context.close();
});
