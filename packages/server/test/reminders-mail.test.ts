// The reminder emails' words and the reminders' settings, without a database: languages, the local
// time of the next step, hostile names as text, and the scan interval's cron.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkInNudges, nextCheckIn, pairActivity } from '@mentorkit/core/checkins';
import { registerSpanish } from '@mentorkit/core/es';
import pg from 'pg';
import { ServerConfigurationError } from '../src/identity.js';
import { createMentorKitServer } from '../src/server.js';
import { composeReminderMail, escapeHtml, formatLocalTime, mailLanguageOf } from '../src/reminders/mail.js';
import { dedupeKeyOf, reminderCron } from '../src/reminders/service.js';

registerSpanish();
const now = '2026-10-14T14:59:57Z';
const hostile = '<script>alert("x")</script> & Co';
const people = [
  { personId: 'mentor', displayName: 'Ana', timeZone: 'Asia/Kathmandu' },
  { personId: 'mentee', displayName: hostile, timeZone: 'Australia/Lord_Howe' },
];
const checkIn = nextCheckIn({
  agreement: { cadence: 'weekly', checkInLevel: 'regular', since: '2026-10-01T10:00:00Z' },
  mentorIds: ['mentor'],
  now,
  timeZone: 'Asia/Kathmandu',
});
const nudge = (locale: string) => checkInNudges({ pairingId: 'p', menteeId: 'mentee', mentorIds: ['mentor'], people, checkIn, now, locale })[0]!;

describe('reminder mail', () => {
  test('the language: Spanish for a first language es…, English otherwise', () => {
    assert.equal(mailLanguageOf(['es']), 'es');
    assert.equal(mailLanguageOf(['es-MX', 'en']), 'es');
    assert.equal(mailLanguageOf(['en', 'es']), 'en');
    assert.equal(mailLanguageOf(['est']), 'en');
    assert.equal(mailLanguageOf([]), 'en');
    assert.equal(mailLanguageOf(undefined), 'en');
  });

  test("text and HTML say the same, the hostile name only as text, the due time on the recipient's clock (+05:45)", () => {
    const mail = composeReminderMail({
      nudge: nudge('en'),
      recipient: { displayName: 'Ana', timeZone: 'Asia/Kathmandu', language: 'en' },
      checkIn,
      appUrl: 'https://m.example/',
      unsubscribeUrl: 'https://m.example/notifications/unsubscribe?token=a.b',
    });
    assert.equal(mail.subject, `Your check-in with ${hostile} is overdue`);
    assert.ok(mail.text.includes(`Your check-in with ${hostile} is 6 days overdue.`), mail.text);
    // Due 8 October 10:00 UTC: 15:45 in Kathmandu.
    assert.ok(mail.text.includes('It was due: Thursday, 8 October 2026 at 15:45 (Nepal Time, Kathmandu)'), mail.text);
    assert.ok(!mail.html.includes('<script>'));
    assert.ok(mail.html.includes(escapeHtml(hostile)));
    assert.ok(mail.html.includes('href="https://m.example/notifications/unsubscribe?token=a.b"'));
  });

  test('Spanish words throughout, including dates', () => {
    const mail = composeReminderMail({
      nudge: nudge('es'),
      recipient: { displayName: 'Ana', timeZone: 'Asia/Kathmandu', language: 'es' },
      checkIn,
      appUrl: 'https://m.example/',
      unsubscribeUrl: 'https://m.example/u',
    });
    assert.match(mail.text, /^Hola, Ana:/);
    assert.ok(mail.text.includes('lleva 6 días de retraso'), mail.text);
    assert.ok(mail.text.includes('Estaba previsto para: jueves, 8 de octubre de 2026, 15:45'), mail.text);
    assert.ok(mail.html.startsWith('<!doctype html>\n<html lang="es">'));
  });

  test('a quiet pair that never did anything: the day it started, not a time of day', () => {
    const activity = pairActivity({ startedAt: '2026-09-07T00:00:00Z', now });
    const [quiet] = checkInNudges({ pairingId: 'p', menteeId: 'mentee', mentorIds: ['mentor'], people, activity, now });
    const mail = composeReminderMail({
      nudge: quiet!,
      recipient: { displayName: 'Ana', timeZone: 'Asia/Kathmandu', language: 'en' },
      activity,
      appUrl: 'https://m.example/',
      unsubscribeUrl: 'https://m.example/u',
    });
    assert.ok(mail.text.includes('Nothing recorded since your pairing started on Monday, 7 September 2026.'), mail.text);
    assert.equal(dedupeKeyOf(quiet!, activity.lastActivityAt!), 'pair-inactive|p|mentee|2026-09-07T00:00:00.000Z');
  });

  test('formatLocalTime across a DST change (Lord Howe: 30 minutes)', () => {
    assert.match(
      formatLocalTime('2026-10-03T12:00:00Z', 'Australia/Lord_Howe', 'en'),
      /Saturday, 3 October 2026 at 22:30 \(Lord Howe Time, Lord Howe\)/,
      '+10:30',
    );
    assert.match(formatLocalTime('2026-10-05T12:00:00Z', 'Australia/Lord_Howe', 'en'), /Monday, 5 October 2026 at 23:00/, '+11:00 after the change');
  });
});

describe('reminder settings', () => {
  test('the scan interval becomes a cron, or is refused with what would work', () => {
    assert.equal(reminderCron(15), '*/15 * * * *');
    assert.equal(reminderCron(60), '0 * * * *');
    assert.equal(reminderCron(1), '*/1 * * * *');
    assert.equal(reminderCron(360), '0 */6 * * *');
    for (const bad of [0, 7, 45, 90, 1.5, 2880]) assert.throws(() => reminderCron(bad), ServerConfigurationError, String(bad));
  });

  test('without SMTP or without a public URL, reminders are off and one line says why', async () => {
    // The pool connects on first use: these servers never query it.
    const pool = new pg.Pool({ connectionString: 'postgres://127.0.0.1:9/none' });
    for (const [extra, why] of [
      [{}, 'MENTORKIT_SMTP_URL (smtpUrl) is not set'],
      [{ smtpUrl: 'smtp://127.0.0.1:2525' }, 'MENTORKIT_PUBLIC_URL (publicUrl) is not set'],
    ] as const) {
      const lines: string[] = [];
      const server = createMentorKitServer({ pool, jwtSecret: 'a-secret-of-at-least-32-characters-0123456789', ...extra, log: (line) => lines.push(line) });
      assert.equal(server.reminders.enabled, false);
      assert.deepEqual(
        lines.filter((line) => line.includes('reminders')),
        [
          `[mentorkit-server] reminders by email are off: ${why}${why.startsWith('MENTORKIT_PUBLIC_URL') ? ' (every mail links to the app and to its unsubscribe page)' : ''}`,
        ],
      );
      await assert.rejects(server.reminders.runNow(), /Reminders by email are off/);
      await server.close();
    }
    await pool.end();
    assert.throws(
      () => createMentorKitServer({ pool, jwtSecret: 'a-secret-of-at-least-32-characters-0123456789', reminderIntervalMinutes: 45 }),
      ServerConfigurationError,
    );
  });
});
