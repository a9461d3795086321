// End-to-end: feedback held until both sides have sent theirs, in the built LMS demo (headless Chromium,
// real IndexedDB). The mentee sends a held note, reloads and finds it again with Edit; the mentor gets a
// form for the same session, sends theirs, and both see each other's note.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { axeViolations, eventually, newContext, screenshots, useDemoAndBrowser } from './support.mjs';

const demo = useDemoAndBrowser();

/** The feedback element of a page, and the parts the journey looks at (each a locator: assertions wait on them). */
const feedbackOf = (page) => {
  const form = page.locator('mk-session-feedback');
  return {
    form,
    heading: (name) => form.getByRole('heading', { name }),
    summary: form.locator('[part~="summary"]').first(),
    held: form.locator('[part~="held"]'),
    others: form.locator('[part~="others"]'),
    edit: form.getByRole('button', { name: 'Edit feedback' }),
    session: form.locator('[part~="session"]'),
  };
};

describe('feedback revealed after both sides send theirs, in the LMS demo', () => {
  test('the mentee sends a held note, finds it after a reload with Edit; the mentor sends theirs; both see both', async () => {
    const { context, problems } = await newContext(demo.browser);

    // The mentee: a session ends, she sends a note held until the other side has sent theirs.
    const mentee = await demo.openAs(context, 'mentee');
    const menteeFeedback = feedbackOf(mentee);
    await menteeFeedback.form.locator('[part~="empty"]').waitFor();
    await mentee.getByRole('button', { name: 'Log a session that just ended (demo)' }).click();
    await menteeFeedback.heading('How did the session go?').waitFor();
    const sessionLine = await eventually(
      async () => (await menteeFeedback.session.innerText()).split(' · ')[0],
      (line) => /^Mentoring session, /.test(line),
      'the form names the session that just ended',
    );
    await menteeFeedback.form.getByLabel('3 · Good').check();
    await menteeFeedback.form.getByLabel('What helped?').fill('Walking through the <img src=x onerror=alert(1)> ADR together');
    await menteeFeedback.form.getByLabel(/Reveal when both submit/).check();
    await menteeFeedback.form.getByRole('button', { name: 'Send feedback' }).click();
    await menteeFeedback.heading('Thank you for your feedback').waitFor();
    await menteeFeedback.held.waitFor();

    // Reload: the note is still there, with Edit until its deadline.
    await mentee.reload();
    await mentee.getByRole('status').filter({ hasText: 'Viewing as' }).waitFor();
    await menteeFeedback.heading('Thank you for your feedback').waitFor();
    await menteeFeedback.summary.filter({ hasText: '3 of 5' }).filter({ hasText: 'Walking through the <img src=x onerror=alert(1)> ADR together' }).waitFor();
    await eventually(
      () => menteeFeedback.form.locator('img').count(),
      (count) => count === 0,
      'hostile text is text',
    );
    await menteeFeedback.edit.waitFor();
    await menteeFeedback.form.getByText(/You can change it until/).waitFor();
    await menteeFeedback.held.waitFor();
    await eventually(
      () => menteeFeedback.others.count(),
      (count) => count === 0,
      'nothing to reveal yet',
    );
    assert.deepEqual(await axeViolations(mentee, 'mk-session-feedback'), [], 'the sent note after a reload passes axe');
    await menteeFeedback.form.scrollIntoViewIfNeeded();
    await menteeFeedback.form.screenshot({ path: path.join(screenshots, 'feedback-mentee-after-reload.png') });

    // The mentor: a form of his own for the same session; the mentee's note stays hidden until he sends his.
    const mentor = await demo.openAs(context, 'mentor');
    // Kenji mentors Daniel too: he works with Lucía, and every panel follows.
    await mentor.locator('[data-testid="current-pairing"]').selectOption('pairing-lucia');
    const mentorFeedback = feedbackOf(mentor);
    await mentorFeedback.heading('How did the session go?').waitFor();
    await mentorFeedback.session.filter({ hasText: sessionLine }).waitFor();
    await eventually(
      () => mentorFeedback.others.count(),
      (count) => count === 0,
      'the held note is not shown before he sends his',
    );
    assert.deepEqual(await axeViolations(mentor, 'mk-session-feedback'), [], "the mentor's form passes axe");
    await mentorFeedback.form.getByLabel('5 · Excellent').check();
    await mentorFeedback.form.getByLabel('What helped?').fill('Lucía came with a clear question');
    await mentorFeedback.form.getByRole('button', { name: 'Send feedback' }).click();
    await mentorFeedback.heading('Thank you for your feedback').waitFor();
    await mentorFeedback.others.filter({ hasText: 'Lucía Fernández' }).filter({ hasText: '3 of 5' }).waitFor();
    assert.deepEqual(await axeViolations(mentor, 'mk-session-feedback'), [], 'both notes pass axe');
    await mentorFeedback.form.scrollIntoViewIfNeeded();
    await mentorFeedback.form.screenshot({ path: path.join(screenshots, 'feedback-mentor-both-notes.png') });

    // The mentee's open tab follows (IndexedDB change across tabs): her note is no longer held, his is shown.
    await menteeFeedback.others
      .filter({ hasText: 'Kenji Watanabe' })
      .filter({ hasText: '5 of 5' })
      .filter({ hasText: 'Lucía came with a clear question' })
      .waitFor({ timeout: 15_000 });
    await menteeFeedback.held.waitFor({ state: 'detached' });
    // And after a reload too.
    await mentee.reload();
    await mentee.getByRole('status').filter({ hasText: 'Viewing as' }).waitFor();
    await menteeFeedback.others.filter({ hasText: 'Kenji Watanabe' }).filter({ hasText: '5 of 5' }).waitFor();
    await menteeFeedback.edit.waitFor();
    await eventually(
      () => menteeFeedback.held.count(),
      (count) => count === 0,
      'her note is no longer held after a reload',
    );
    assert.deepEqual(await axeViolations(mentee, 'mk-session-feedback'), [], 'both notes pass axe for the mentee');
    await menteeFeedback.form.scrollIntoViewIfNeeded();
    await menteeFeedback.form.screenshot({ path: path.join(screenshots, 'feedback-mentee-both-notes.png') });

    assert.deepEqual(problems, []);
    await context.close();
  });
});
