/**
 * `@mentorkit/storage-rest`'s `notifications` service against the real server on PostgreSQL: the
 * signed-in person's reminder preferences and what was sent to them (`/notifications`), and a
 * programme admin's escalation ladder (`/programs/<id>/escalation(s)`) — what the elements
 * `<mk-notification-preferences>` and `<mk-escalation-ladder>` read and write. Errors arrive as
 * `MentorKitError` with the server's words and the field it names.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { DEMO_PROGRAM_ID, seedDemoProgram } from '../../../examples/shared/demo-program.js';
import { createPostgresStorage } from '../src/store.js';
import { refusal, restAdapters } from './rest-support.js';
import { skipReason, startTestBackend, type TestBackend } from './support.js';

const skip = skipReason();
const LUCIA = 'lucia-fernandez';
const KENJI = 'kenji-watanabe';
const PRIYA = 'priya-raman'; // the demo programme's admin

describe('storage-rest notifications: preferences, what was sent, the escalation ladder', { skip: skip ?? false }, () => {
  let backend: TestBackend;
  const rest = restAdapters(() => backend);
  const restAs = rest.as;

  before(async () => {
    backend = await startTestBackend();
    await seedDemoProgram(createPostgresStorage(backend.pool));
  });
  after(async () => {
    await rest.disposeAll();
    await backend?.close();
  });

  test('preferences: read, change one kind, a refused digest comes back in the server’s words with its field, nothing changed', async () => {
    const lucia = restAs(LUCIA).notifications;
    const initial = await lucia.preferences();
    assert.equal(initial.personId, LUCIA);
    assert.equal(initial.email, true);
    assert.equal(initial.digest, 'none');
    for (const kind of ['check-in-due-soon', 'check-in-overdue', 'pair-inactive']) assert.equal(initial.kinds[kind], true, kind);

    const changed = await lucia.setPreferences({ kinds: { 'pair-inactive': false } });
    assert.equal(changed.kinds['pair-inactive'], false);
    assert.equal(changed.kinds['check-in-overdue'], true, 'only the kind sent changes');
    assert.match(changed.updatedAt ?? '', /Z$/);

    assert.equal((await lucia.setPreferences({ digest: 'daily' })).digest, 'daily');
    const hourly = await refusal(lucia.setPreferences({ digest: 'hourly' as never }));
    assert.equal(hourly.code, 'invalid-input');
    assert.equal(hourly.path, 'digest');
    assert.match(hourly.message, /digest/);
    const unknownKind = await refusal(lucia.setPreferences({ kinds: { 'carrier-pigeon': true } }));
    assert.equal(unknownKind.path, 'kinds.carrier-pigeon');
    const after = await lucia.preferences();
    assert.equal(after.digest, 'daily', 'the refused change left the daily summary as it was');
    assert.equal(after.kinds['pair-inactive'], false);

    const off = await lucia.setPreferences({ email: false });
    assert.equal(off.email, false);
    assert.equal((await restAs(KENJI).notifications.preferences()).email, true, 'each person’s own');
    await refusal(lucia.setPreferences(null as never));
  });

  test('sent: the person’s own deliveries, newest first, with the reason a skipped one gives; the limit is checked before sending', async () => {
    const insert = (personId: string, kind: string, status: string, createdAt: string, extra: { subject?: string; reason?: string; sentAt?: string } = {}) =>
      backend.pool.query(
        `INSERT INTO mk_notification_deliveries (id, dedupe_key, person_id, pairing_id, kind, code, channel, period, send_at, status, attempts, subject, skipped_reason, created_at, sent_at)
         VALUES ($1, $2, $3, 'pairing-lucia', $4, $4, 'email', $10, $5, $6, 1, $7, $8, $5, $9)`,
        [randomUUID(), randomUUID(), personId, kind, createdAt, status, extra.subject ?? null, extra.reason ?? null, extra.sentAt ?? null, createdAt],
      );
    await insert(LUCIA, 'check-in-due-soon', 'sent', '2026-10-01T07:00:00Z', {
      subject: 'Tu revisión con Kenji Watanabe toca el jueves',
      sentAt: '2026-10-01T07:00:02Z',
    });
    await insert(LUCIA, 'pair-inactive', 'skipped', '2026-10-05T07:00:00Z', { reason: 'pair-inactive turned off' });
    await insert(KENJI, 'check-in-overdue', 'sent', '2026-10-06T07:00:00Z', { subject: 'Not Lucía’s' });

    const lucia = restAs(LUCIA).notifications;
    const sent = await lucia.sent();
    assert.deepEqual(
      sent.map((delivery) => [delivery.kind, delivery.status]),
      [
        ['pair-inactive', 'skipped'],
        ['check-in-due-soon', 'sent'],
      ],
    );
    const [skipped, mailed] = sent;
    assert.equal(skipped!.reason, 'pair-inactive turned off');
    assert.equal(skipped!.subject, null);
    assert.equal(mailed!.subject, 'Tu revisión con Kenji Watanabe toca el jueves');
    assert.equal(mailed!.sentAt, '2026-10-01T07:00:02.000Z');
    assert.equal(mailed!.channel, 'email');
    assert.equal(mailed!.pairingId, 'pairing-lucia');
    assert.deepEqual(
      (await lucia.sent({ limit: 1 })).map((delivery) => delivery.kind),
      ['pair-inactive'],
    );
    assert.equal((await refusal(lucia.sent({ limit: 0 }))).path, 'limit');
    assert.equal((await refusal(lucia.sent({ limit: 201 }))).path, 'limit');
  });

  test('the escalation ladder: an admin reads and sets it (the server names the field it refuses), and sees every pair worst first; others are refused', async () => {
    const priya = restAs(PRIYA).notifications;
    const settings = await priya.escalationSettings(DEMO_PROGRAM_ID);
    assert.equal(settings.programId, DEMO_PROGRAM_ID);
    assert.equal(typeof settings.quietDays, 'number');
    assert.equal(typeof settings.alertAdminDays, 'number');
    assert.equal(settings.close, null, 'closing is off by default');

    const backwards = await refusal(priya.setEscalationSettings(DEMO_PROGRAM_ID, { quietDays: 30, alertAdminDays: 10, close: null }));
    assert.equal(backwards.code, 'invalid-input');
    assert.equal(backwards.path, 'alertAdminDays');
    const badNotice = await refusal(
      priya.setEscalationSettings(DEMO_PROGRAM_ID, { quietDays: 14, alertAdminDays: 28, close: { afterDays: 60, noticeDays: 0 } }),
    );
    assert.equal(badNotice.path, 'close.noticeDays');
    assert.equal((await priya.escalationSettings(DEMO_PROGRAM_ID)).close, null, 'nothing kept from a refusal');

    const saved = await priya.setEscalationSettings(DEMO_PROGRAM_ID, { quietDays: 14, alertAdminDays: 28, close: { afterDays: 60, noticeDays: 7 } });
    assert.deepEqual(
      { quietDays: saved.quietDays, alertAdminDays: saved.alertAdminDays, close: saved.close },
      { quietDays: 14, alertAdminDays: 28, close: { afterDays: 60, noticeDays: 7 } },
    );
    assert.match(saved.updatedAt ?? '', /Z$/);

    const ladder = await priya.escalations(DEMO_PROGRAM_ID);
    assert.equal(ladder.programId, DEMO_PROGRAM_ID);
    assert.deepEqual(ladder.settings, { quietDays: 14, alertAdminDays: 28, close: { afterDays: 60, noticeDays: 7 } });
    assert.ok(ladder.pairs.length > 0);
    const ranks = ['active', 'nudged', 'admin-alerted', 'closing', 'closed-due'];
    const ranked = ladder.pairs.map((pair) => ranks.indexOf(pair.stage));
    assert.ok(
      ranked.every((rank) => rank >= 0),
      `known stages: ${ladder.pairs.map((pair) => pair.stage).join(', ')}`,
    );
    assert.deepEqual(
      ranked,
      [...ranked].sort((left, right) => right - left),
      'worst first',
    );
    const lucias = ladder.pairs.find((pair) => pair.pairingId === 'pairing-lucia')!;
    assert.equal(lucias.menteeId, LUCIA);
    assert.deepEqual(
      lucias.members.map((member) => member.personId),
      [LUCIA, KENJI, 'arjun-shrestha'],
    );
    assert.ok(Array.isArray(lucias.history));
    assert.equal(typeof lucias.quietDays, 'number');

    const notAdmin = await refusal(restAs(LUCIA).notifications.escalations(DEMO_PROGRAM_ID));
    assert.equal(notAdmin.code, 'forbidden');
    assert.match(notAdmin.message, /admin/);
    assert.equal(
      (await refusal(restAs(KENJI).notifications.setEscalationSettings(DEMO_PROGRAM_ID, { quietDays: 1, alertAdminDays: 2, close: null }))).code,
      'forbidden',
    );
    assert.equal((await refusal(priya.escalations('no-such-programme'))).code, 'forbidden', 'not an admin of a programme that does not exist either');
    assert.equal((await refusal(priya.escalations(''))).path, 'programId', 'checked before sending');
  });

  test('the summary for a manager: off at first, turned on with an address, refused in the server’s words with its field, turned off and forgotten', async () => {
    const lucia = restAs(LUCIA).notifications; // the mentee of pairing-lucia
    const initial = await lucia.managerDigest!();
    assert.equal(initial.enabled, false);
    assert.equal(typeof initial.preview.sessionsHeld, 'number');
    const noAddress = await refusal(lucia.setManagerDigest!({ enabled: true }));
    assert.equal(noAddress.code, 'invalid-input');
    assert.equal(noAddress.path, 'managerEmail');
    const on = await lucia.setManagerDigest!({ enabled: true, managerEmail: 'manager@example.org', managerName: 'Dana Lee', language: 'es' });
    assert.equal(on.enabled, true);
    assert.equal(on.managerEmail, 'manager@example.org');
    assert.equal(on.language, 'es');
    assert.match(on.nextSendAt ?? '', /Z$/);
    const badAddress = await refusal(lucia.setManagerDigest!({ managerEmail: 'nope' }));
    assert.equal(badAddress.path, 'managerEmail');
    assert.equal((await lucia.managerDigest!()).managerEmail, 'manager@example.org', 'the refused change kept nothing');
    const off = await lucia.setManagerDigest!({ enabled: false });
    assert.equal(off.stoppedBy, 'mentee');
    const removed = await lucia.removeManagerDigest!();
    assert.equal(removed.managerEmail, undefined);
    await refusal(lucia.setManagerDigest!(null as never));
  });
});
