// End-to-end: core's validation errors said for people in the built LMS demo (headless Chromium, real
// IndexedDB). The working agreement with bad hours on two days, a bad date and a bad link marks every one
// of those fields at once, each with words of its own and no developer paths ("`agreement.participants[0]
// .workingHours.1[0]` … see `issues`", issue 19), in English and in Spanish. Every check waits for its
// condition; screenshots at 320 px are written for people to look at.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { axeViolations, eventually, screenshots, useDemoAndBrowser, watchPage } from './support.mjs';

const demo = useDemoAndBrowser();

/** The `name`s of the agreement's fields marked invalid, in the order of the form. */
const invalidFields = (agreement) =>
  agreement.locator('form [aria-invalid="true"]').evaluateAll((controls) => controls.map((control) => control.getAttribute('name')));

describe("field errors in people's words", () => {
  test('the working agreement marks every invalid field at once, worded, in English and Spanish (320 px)', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 320, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Madrid' });
    const problems = [];
    const page = await context.newPage();
    watchPage(page, problems);
    await page.goto(`${demo.server.demoUrl}?as=mentee`);
    await page.getByRole('status').filter({ hasText: 'Viewing as' }).waitFor();

    const agreement = page.locator('mk-agreement');
    await agreement.getByRole('button', { name: /Draft an agreement/ }).click();
    const form = agreement.locator('[part~="form"]');
    await form.waitFor();
    const person = await eventually(
      () => agreement.locator('[part~="participant"]').first().getAttribute('data-person'),
      (id) => Boolean(id),
      'the first participant names its person',
    );
    await form.locator(`input[name="hours.${person}.1"]`).fill('9-17');
    await form.locator(`input[name="hours.${person}.3"]`).fill('18:00-09:00');
    await form.locator('input[name="offLimitsDates"]').fill('2026-13-45');
    await form.locator('input[name="meetingUrl"]').fill('meet.example.com');
    await agreement.locator('[part~="save-button"]').click();

    const expected = ['offLimitsDates', `hours.${person}.1`, `hours.${person}.3`, 'meetingUrl'];
    await eventually(
      () => invalidFields(agreement),
      (names) => isDeepStrictEqual(names, expected),
      `the four invalid fields are marked at once: ${expected.join(', ')}`,
    );
    await agreement.locator('[part~="error"]').filter({ hasText: '4 fields need your attention: they are marked below.' }).waitFor();
    await agreement.locator(`#hours-${person}-1-error`).filter({ hasText: 'Write working hours as 09:00-17:30, start before end' }).waitFor();
    await agreement.locator('#field-meetingUrl-error').filter({ hasText: 'Give a full link starting with https://' }).waitFor();
    await page.waitForFunction(() => document.querySelector('mk-agreement')?.shadowRoot?.activeElement?.getAttribute('name') === 'offLimitsDates');
    await eventually(
      () => agreement.locator('[part~="base"]').innerText(),
      (shown) => !/`|see issues|agreement\.|participants\[/.test(shown),
      'no developer wording',
    );
    assert.deepEqual(await axeViolations(page, 'mk-agreement'), []);
    await agreement.locator(`input[name="hours.${person}.1"]`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, 'field-errors-agreement-320.png') });

    // The same in Spanish: the page's language switch re-words the marks in place.
    await page.getByLabel('Language').selectOption('es');
    await agreement.locator('[part~="error"]').filter({ hasText: '4 campos necesitan tu atención: están marcados abajo.' }).waitFor();
    await agreement.locator(`#hours-${person}-1-error`).filter({ hasText: 'Escribe el horario como 09:00-17:30' }).waitFor();
    await agreement.locator('#field-meetingUrl-error').filter({ hasText: 'Escribe un enlace completo que empiece por https://' }).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'field-errors-agreement-320-es.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
