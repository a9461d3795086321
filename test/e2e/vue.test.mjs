// The Vue 3 host example (examples/vue, built by `npm run build` with Vite) in headless Chromium: the
// elements render inside the Vue app and get the client through `:kit.prop`; a goal set in the editor
// shows in the tracker and in Vue-rendered state (from the kit's nanostores through `useStore` and
// from the `@mk-goal-save` / `@mk-milestone-toggle` listeners); a ticked milestone is celebrated; a
// reload finds everything again in IndexedDB.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { axeViolations, eventually, newContext, screenshots, useDemoAndBrowser } from './support.mjs';

const demo = useDemoAndBrowser();

describe('Vue host example', () => {
  test('elements render in Vue, a goal set in the editor reaches the tracker and Vue state, a milestone is celebrated, a reload keeps it', async () => {
    const { context, problems } = await newContext(demo.browser);
    // A fixed date inside the programme, so due dates and "in N days" do not depend on today.
    await context.clock.setFixedTime(new Date('2026-10-14T10:00:00Z'));
    const page = await context.newPage();
    await page.goto(new URL('/examples/vue/dist/index.html', demo.server.url).href);

    await page.getByRole('heading', { name: 'MentorKit in Vue 3' }).waitFor();
    const pairing = page.locator('#app mk-provider mk-pairing-card').getByRole('button', { name: 'Kenji Watanabe and Arjun Shrestha' });
    await pairing.waitFor();
    // The client went in as a property (`:kit.prop`), not as a stringified attribute.
    await eventually(
      () =>
        page.evaluate(() => {
          const provider = document.querySelector('mk-provider');
          return { attribute: provider.hasAttribute('kit'), property: typeof provider.kit?.use };
        }),
      (kit) => isDeepStrictEqual(kit, { attribute: false, property: 'function' }),
      'the provider has the client as a property, not an attribute',
    );

    const selected = page.getByTestId('selected-pairing');
    const lastEvent = page.getByTestId('last-event');
    const goalsHeading = page.getByRole('heading', { name: /^Your goals/ });
    await pairing.click();
    await eventually(
      () => selected.innerText(),
      (text) => text === 'Pairing pairing-lucia: active, 2 mentor(s)',
      'Vue shows the selected pairing',
    );
    await eventually(
      () => goalsHeading.innerText(),
      (text) => text === 'Your goals (0)',
      'Vue counts no goals yet',
    );
    await eventually(
      () => lastEvent.innerText(),
      (text) => /None yet/.test(text),
      'Vue has had no goal event yet',
    );

    // A goal through the editor (the tracker's empty-state button opens it).
    const tracker = page.locator('mk-goal-tracker');
    const editor = page.locator('mk-goal-editor');
    await tracker.getByRole('button', { name: 'Set your first goal' }).click();
    await page.waitForFunction(() => document.querySelector('mk-goal-editor')?.shadowRoot?.activeElement?.id === 'title');
    await editor.getByLabel('What do you want to achieve?').fill('Run 3 team retrospectives');
    await editor.getByLabel('Skill or development area').fill('facilitation');
    await editor.getByLabel('Due date').fill('2026-11-30');
    await editor.getByRole('button', { name: 'Add milestone' }).click();
    await editor.getByLabel('Milestone 1').fill('Book a room');
    await editor.getByRole('button', { name: 'Add milestone' }).click();
    await editor.getByLabel('Milestone 2').fill('Run the first retro');
    await editor.getByRole('button', { name: 'Set goal' }).click();

    const goal = tracker.locator('[part~="goal"]').filter({ hasText: 'Run 3 team retrospectives' });
    await goal.waitFor();
    // Vue state followed: the event listener and the $goals store.
    await page.waitForFunction(() => document.querySelector('[data-testid="last-event"]')?.textContent?.includes('mk-goal-save'));
    await eventually(
      () => lastEvent.innerText(),
      (text) => text === 'mk-goal-save: “Run 3 team retrospectives” created',
      'Vue heard mk-goal-save',
    );
    await eventually(
      () => goalsHeading.innerText(),
      (text) => text === 'Your goals (1)',
      'Vue counts one goal',
    );
    await eventually(
      () => page.getByTestId('goal-summary').innerText(),
      (text) => text === 'Run 3 team retrospectives — 0 of 2 milestones',
      "Vue's goal summary: 0 of 2 milestones",
    );

    // Tick a milestone in the tracker: celebrated there, reported to Vue.
    await goal.getByRole('checkbox', { name: 'Book a room' }).check();
    const moment = tracker.locator('mk-celebration [part~="moment"]');
    await moment.waitFor();
    await eventually(
      () => moment.innerText(),
      (text) => /Milestone reached!/.test(text),
      'the celebration says Milestone reached!',
    );
    await page.waitForFunction(() => document.querySelector('[data-testid="last-event"]')?.textContent?.includes('mk-milestone-toggle'));
    await eventually(
      () => lastEvent.innerText(),
      (text) => text === 'mk-milestone-toggle: “Book a room” done',
      'Vue heard mk-milestone-toggle',
    );
    await eventually(
      () => page.getByTestId('goal-summary').innerText(),
      (text) => text === 'Run 3 team retrospectives — 1 of 2 milestones',
      "Vue's goal summary: 1 of 2 milestones",
    );
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: path.join(screenshots, 'vue-goal-celebrated.png'), fullPage: true });

    // A reload builds a new client on the same IndexedDB: the goal and its ticked milestone are there.
    await page.reload();
    await goal.waitFor();
    await eventually(
      () => goal.getByRole('checkbox', { name: 'Book a room' }).isChecked(),
      (checked) => checked === true,
      '"Book a room" is still ticked after a reload',
    );
    await eventually(
      () => goal.getByRole('checkbox', { name: 'Run the first retro' }).isChecked(),
      (checked) => checked === false,
      '"Run the first retro" is still not ticked after a reload',
    );
    await page.getByTestId('goal-summary').waitFor();
    await eventually(
      () => page.getByTestId('goal-summary').innerText(),
      (text) => text === 'Run 3 team retrospectives — 1 of 2 milestones',
      "Vue's goal summary after a reload: 1 of 2 milestones",
    );
    await eventually(
      () => goalsHeading.innerText(),
      (text) => text === 'Your goals (1)',
      'Vue counts one goal after a reload',
    );
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: path.join(screenshots, 'vue-after-reload.png'), fullPage: true });

    assert.deepEqual(problems, []);
    await context.close();
  });
});
