// End-to-end: a mentee in Asia/Tokyo and a mentor in America/New_York with off-limits Fridays agree on
// a fortnightly cadence in the working agreement, find a slot, book a series, download an .ics that
// carries the organiser's TZID and local times, and the mentor's view shows when the next check-in is
// due. Headless Chromium against the built LMS demo (fresh profile: empty IndexedDB, seeded demo).
//
// The demo seeds Lucía in Madrid and Kenji in Tokyo; in this story each states where they work from
// in the agreement (Lucía from Tokyo, Kenji from New York), which is what scheduling uses.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { axeViolations, eventually, screenshots, useDemoAndBrowser, watchPage } from './support.mjs';

const demo = useDemoAndBrowser();

async function openAs(context, viewAs) {
  const page = await context.newPage();
  await page.goto(`${demo.server.demoUrl}?as=${viewAs}`);
  await page.getByRole('status').filter({ hasText: 'Viewing as' }).waitFor();
  await page.locator('#schedule-panel mk-agreement [part~="base"]:not([data-state="loading"])').waitFor();
  return page;
}

const WEEKDAYS = [1, 2, 3, 4, 5];

describe('Scheduling across time zones in the demo', () => {
  test('agree a fortnightly cadence (Tokyo + New York, off-limits Fridays), book a series, download the .ics, see the next check-in', async () => {
    const context = await demo.browser.newContext({
      viewport: { width: 1280, height: 1000 },
      locale: 'en-GB',
      timezoneId: 'Europe/Madrid',
      acceptDownloads: true,
    });
    const problems = [];
    context.on('page', (page) => watchPage(page, problems));

    // 1. The mentee drafts the agreement: she works from Tokyo, early mornings and evenings.
    const mentee = await openAs(context, 'mentee');
    const agreement = mentee.locator('#schedule-panel mk-agreement');
    await agreement.getByRole('button', { name: 'Draft an agreement' }).click();
    await agreement.locator('form').waitFor();
    await eventually(
      () => agreement.locator('select[name="cadence"]').inputValue(),
      (value) => value === 'fortnightly',
      'the cadence starts fortnightly',
    );
    await eventually(
      () => agreement.locator('input[name="include.arjun-shrestha"]').isChecked(),
      (checked) => checked === false,
      'the co-mentor does not join these sessions by default',
    );
    await agreement.locator('select[name="timeZone.lucia-fernandez"]').selectOption('Asia/Tokyo');
    for (const day of WEEKDAYS) await agreement.locator(`input[name="hours.lucia-fernandez.${day}"]`).fill('07:00-10:00, 19:00-22:00');
    await agreement.locator('input[name="sharedDocumentsUrl"]').fill('https://drive.example.com/lucia-kenji');
    await agreement.locator('input[name="meetingUrl"]').fill('https://meet.example.com/lucia-kenji');
    await mentee.locator('#schedule-panel').screenshot({ path: path.join(screenshots, 'scheduling-1-mentee-drafts.png') });
    await agreement.getByRole('button', { name: 'Propose this agreement' }).click();
    await mentee.waitForFunction(
      () => document.querySelector('#schedule-panel mk-agreement')?.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('data-state') === 'pending',
    );
    await eventually(
      () => agreement.locator('[part~="status"]').innerText(),
      (text) => /Version 1[\s\S]*Waiting for Kenji Watanabe/.test(text),
      'version 1 waits for Kenji',
    );

    // 2. The mentor states where he works from: New York, with off-limits Fridays (a new version).
    const mentor = await openAs(context, 'mentor');
    // Kenji mentors Daniel too: he picks his pairing with Lucía.
    await mentor.locator('[data-testid="current-pairing"]').selectOption('pairing-lucia');
    const mentorAgreement = mentor.locator('#schedule-panel mk-agreement');
    await mentorAgreement.getByRole('button', { name: 'Confirm version 1' }).waitFor();
    await mentorAgreement.getByRole('button', { name: 'Change the agreement' }).click();
    await mentorAgreement.locator('select[name="timeZone.kenji-watanabe"]').selectOption('America/New_York');
    for (const day of WEEKDAYS) await mentorAgreement.locator(`input[name="hours.kenji-watanabe.${day}"]`).fill('08:00-10:00, 17:00-21:00');
    await mentorAgreement.locator('input[name="offLimitsDays.kenji-watanabe"][value="5"]').check();
    await mentorAgreement.getByRole('button', { name: 'Save as a new version' }).click();
    await mentorAgreement.locator('[part~="status"]').filter({ hasText: 'Version 2' }).waitFor();
    await eventually(
      () => mentorAgreement.locator('[part~="status"]').innerText(),
      (text) => /Waiting for Lucía Fernández/.test(text),
      'version 2 waits for Lucía',
    );

    // 3. The mentee reviews version 2 and confirms: both have now confirmed.
    await mentee.reload();
    await mentee.locator('#schedule-panel mk-agreement [part~="base"][data-state="pending"]').waitFor();
    const terms = () => agreement.locator('[part~="terms"]').innerText();
    await eventually(terms, (text) => /Every two weeks/.test(text), 'the terms say every two weeks');
    await eventually(terms, (text) => /America\/New York[\s\S]*off-limits Friday/.test(text), 'the terms give Kenji in New York with off-limits Fridays');
    await agreement.getByRole('button', { name: 'Confirm version 2' }).click();
    await mentee.locator('#schedule-panel mk-agreement [part~="base"][data-state="confirmed"]').waitFor();
    await eventually(
      () => agreement.locator('[part~="status"]').innerText(),
      (text) => /confirmed by everyone/.test(text),
      'the agreement is confirmed by everyone',
    );
    await mentee.locator('#schedule-panel').screenshot({ path: path.join(screenshots, 'scheduling-2-agreement-confirmed.png') });

    // 4. The mentor finds a slot: each suggestion shows both local times; none is on a New York Friday.
    await mentor.reload();
    await mentor.locator('[data-testid="current-pairing"]').selectOption('pairing-lucia');
    const scheduler = mentor.locator('#schedule-panel mk-scheduler');
    await scheduler.locator('[part~="slot"]').first().waitFor();
    await eventually(
      () => scheduler.locator('[part~="clock"]').allInnerTexts(),
      (clocks) =>
        clocks.length === 2 &&
        /Lucía Fernández[\s\S]*Asia\/Tokyo · UTC\+09:00/.test(clocks[0]) &&
        /Kenji Watanabe[\s\S]*America\/New York · UTC-0[45]:00/.test(clocks[1]),
      'two clocks: Lucía in Asia/Tokyo (UTC+09:00), then Kenji in America/New York',
    );
    /** Why a suggested start does not fit Kenji (a Friday in New York, outside his evening hours), or nothing. */
    const misfit = (start) => {
      const newYork = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'America/New_York',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).formatToParts(new Date(start));
      const get = (type) => newYork.find((part) => part.type === type).value;
      if (get('weekday') === 'Fri') return `${start} is a Friday in New York`;
      const minutes = Number(get('hour')) * 60 + Number(get('minute'));
      return minutes >= 17 * 60 && minutes + 60 <= 21 * 60 ? undefined : `${start} is outside Kenji's evening hours`;
    };
    await eventually(
      () => scheduler.locator('[part~="slot"]').evaluateAll((slots) => slots.map((slot) => slot.getAttribute('data-start'))),
      (starts) => starts.length > 0 && starts.every((start) => misfit(start) === undefined),
      "there are suggestions, none on a New York Friday, all within Kenji's evening hours",
    );
    const first = scheduler.locator('[part~="slot"]').first();
    const chosenStart = await first.getAttribute('data-start');
    await first.locator('input[type="radio"]').check();
    await eventually(
      () => scheduler.getByRole('button', { name: 'Book 6 sessions' }).isEnabled(),
      (enabled) => enabled === true,
      '"Book 6 sessions" is enabled',
    );
    await mentor.locator('#schedule-panel').screenshot({ path: path.join(screenshots, 'scheduling-3-slot-picked.png') });

    // 5. Book the series (fortnightly, from the agreement) and download the .ics.
    await scheduler.getByRole('button', { name: 'Book 6 sessions' }).click();
    await scheduler.locator('[part~="booked"]').waitFor();
    await eventually(
      () => scheduler.locator('[part~="booked"]').innerText(),
      (text) => /6 sessions booked: Every other \w+day at \d\d:\d\d \(America\/New York\)/.test(text),
      '6 sessions booked every other week at a New York time',
    );
    const [download] = await Promise.all([mentor.waitForEvent('download'), scheduler.locator('[part~="booked"] [part~="download"]').click()]);
    assert.equal(download.suggestedFilename(), 'mentoring-series.ics');
    const ics = readFileSync(await download.path(), 'utf8');
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'), 'an iCalendar file with CRLF lines');
    assert.match(ics, /BEGIN:VTIMEZONE\r\nTZID:America\/New_York\r\n/);
    const starts = [...ics.matchAll(/DTSTART;TZID=America\/New_York:(\d{8})T(\d{6})/g)];
    assert.equal(starts.length, 6, 'six sessions');
    const localTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .format(new Date(chosenStart))
      .replace(':', '');
    const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(new Date(chosenStart))
      .replaceAll('-', '');
    assert.equal(starts[0][1], localDate, 'the first session on its New York date');
    for (const [, , time] of starts) assert.equal(time, `${localTime}00`, 'every session at the same New York wall-clock time');
    // Fortnightly: 14 days between consecutive local dates.
    const days = starts.map(([, date]) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))) / 86_400_000);
    for (let index = 1; index < days.length; index++) assert.equal(days[index] - days[index - 1], 14);
    assert.match(ics, /URL;VALUE=URI:https:\/\/meet\.example\.com\/lucia-kenji/);
    assert.match(ics, /ATTENDEE|DESCRIPTION/);

    // 6. The mentor's view shows when the next check-in is due (regular level, fortnightly: 14 days from the agreement).
    const checkin = mentor.locator('#schedule-panel mk-checkin');
    await checkin.locator('[part~="due"]').waitFor();
    const daysUntilDue = async () => (Date.parse(await checkin.locator('[part~="due-date"]').getAttribute('datetime')) - Date.now()) / 86_400_000;
    await eventually(daysUntilDue, (fromNow) => fromNow > 13 && fromNow <= 14, 'due in about 14 days');
    const dueText = () => checkin.locator('[part~="due"]').innerText();
    await eventually(dueText, (text) => /Due \w{3}, [\w ]+\d{1,2}, \d\d:\d\d/.test(text), 'the check-in says when it is due');
    await eventually(dueText, (text) => /in 1[34] days|in 2 weeks/.test(text), 'the check-in is due in 13 or 14 days, or 2 weeks');
    await eventually(dueText, (text) => /Next session: [\s\S]*covers this check-in/.test(text), 'the check-in says the next session covers it');
    assert.deepEqual(await axeViolations(mentor, '#schedule-panel'), [], 'the panel passes axe');
    await checkin.scrollIntoViewIfNeeded();
    await mentor.locator('#schedule-panel').screenshot({ path: path.join(screenshots, 'scheduling-4-mentor-booked-checkin.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
