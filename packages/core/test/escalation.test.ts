import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isMentorKitError } from '@mentorkit/core';
import {
  DEFAULT_ESCALATION_SETTINGS,
  escalationRank,
  escalationStage,
  pairActivity,
  validateEscalationSettings,
  type EscalationSettings,
} from '@mentorkit/core/checkins';

const DAY = 86_400_000;
const last = '2026-09-01T10:00:00Z';
const plus = (days: number, ms = 0) => new Date(Date.parse(last) + days * DAY + ms).toISOString();
const closing: EscalationSettings = { quietDays: 14, alertAdminDays: 28, close: { afterDays: 60, noticeDays: 7 } };

function refusedAt(run: () => unknown, path: string, message?: RegExp) {
  assert.throws(run, (error: unknown) => {
    assert.ok(isMentorKitError(error), String(error));
    assert.equal(error.code, 'invalid-input');
    assert.equal(error.path, path, error.message);
    if (message) assert.match(error.message, message);
    return true;
  });
}

describe('validateEscalationSettings', () => {
  test('the defaults: 21 days to the nudge, 35 to the admin, closing off', () => {
    assert.deepEqual(DEFAULT_ESCALATION_SETTINGS, { quietDays: 21, alertAdminDays: 35, close: null });
    assert.deepEqual(validateEscalationSettings(DEFAULT_ESCALATION_SETTINGS), DEFAULT_ESCALATION_SETTINGS);
    assert.ok(Object.isFrozen(DEFAULT_ESCALATION_SETTINGS));
  });

  test('returns a fresh plain copy of valid settings, at the limits too', () => {
    const input = { quietDays: 14, alertAdminDays: 28, close: { afterDays: 60, noticeDays: 7 } };
    const output = validateEscalationSettings(input);
    assert.deepEqual(output, input);
    assert.notEqual(output.close, input.close);
    assert.deepEqual(validateEscalationSettings({ quietDays: 1, alertAdminDays: 2, close: null }), { quietDays: 1, alertAdminDays: 2, close: null });
    assert.deepEqual(validateEscalationSettings({ quietDays: 365, alertAdminDays: 730, close: { afterDays: 1095, noticeDays: 60 } }).close, {
      afterDays: 1095,
      noticeDays: 60,
    });
    // The notice may start on the very day the admins are alerted.
    assert.deepEqual(validateEscalationSettings({ quietDays: 14, alertAdminDays: 28, close: { afterDays: 35, noticeDays: 7 } }).close, {
      afterDays: 35,
      noticeDays: 7,
    });
  });

  test('every bad field is refused with its path and a sentence saying what is allowed', () => {
    refusedAt(() => validateEscalationSettings(null), '', /must be an object/);
    refusedAt(() => validateEscalationSettings([]), '');
    refusedAt(() => validateEscalationSettings({ quietDays: 0, alertAdminDays: 35, close: null }), 'quietDays', /from 1 to 365/);
    refusedAt(() => validateEscalationSettings({ quietDays: 366, alertAdminDays: 400, close: null }), 'quietDays');
    refusedAt(() => validateEscalationSettings({ quietDays: 7.5, alertAdminDays: 35, close: null }), 'quietDays', /whole number/);
    refusedAt(() => validateEscalationSettings({ quietDays: '21', alertAdminDays: 35, close: null }), 'quietDays', /got string/);
    refusedAt(() => validateEscalationSettings({ quietDays: Number.NaN, alertAdminDays: 35, close: null }), 'quietDays');
    refusedAt(() => validateEscalationSettings({ quietDays: 21, alertAdminDays: 21, close: null }), 'alertAdminDays', /more than `quietDays`/);
    refusedAt(() => validateEscalationSettings({ quietDays: 21, alertAdminDays: 731, close: null }), 'alertAdminDays', /to 730/);
    refusedAt(() => validateEscalationSettings({ quietDays: 21, alertAdminDays: 35 }), 'close', /required/);
    refusedAt(() => validateEscalationSettings({ quietDays: 21, alertAdminDays: 35, close: true }), 'close');
    refusedAt(() => validateEscalationSettings({ quietDays: 21, alertAdminDays: 35, close: [] }), 'close');
    refusedAt(
      () => validateEscalationSettings({ quietDays: 21, alertAdminDays: 35, close: { afterDays: 35, noticeDays: 7 } }),
      'close.afterDays',
      /more than `alertAdminDays`/,
    );
    refusedAt(() => validateEscalationSettings({ quietDays: 21, alertAdminDays: 35, close: { afterDays: 1096, noticeDays: 7 } }), 'close.afterDays', /to 1095/);
    refusedAt(
      () => validateEscalationSettings({ quietDays: 21, alertAdminDays: 35, close: { afterDays: 90, noticeDays: 0 } }),
      'close.noticeDays',
      /from 1 to 60/,
    );
    refusedAt(() => validateEscalationSettings({ quietDays: 21, alertAdminDays: 35, close: { afterDays: 90, noticeDays: 61 } }), 'close.noticeDays');
    refusedAt(
      () => validateEscalationSettings({ quietDays: 21, alertAdminDays: 35, close: { afterDays: 40, noticeDays: 7 } }),
      'close.noticeDays',
      /before the admins are alerted on day 35; at most 5 days/,
    );
    refusedAt(() => validateEscalationSettings({ quietDays: 21, alertAdminDays: 35, close: { afterDays: 90 } }), 'close.noticeDays');
    refusedAt(() => validateEscalationSettings({ quietDays: 21, alertAdminDays: 35, close: null, quietdays: 3 }), 'quietdays', /not an escalation setting/);
    refusedAt(() => validateEscalationSettings({ quietDays: 21, alertAdminDays: 35, close: { afterDays: 90, noticeDays: 7, after: 1 } }), 'close.after');
  });
});

describe('escalationStage', () => {
  test('climbs the ladder at exactly quietDays and alertAdminDays (closing off: it stops at the admin alert)', () => {
    const settings = DEFAULT_ESCALATION_SETTINGS;
    const stage = (now: string) => escalationStage({ activity: { lastActivityAt: last }, settings, now });
    assert.deepEqual(stage(plus(0)), { stage: 'active', quietDays: 0, next: { stage: 'nudged', at: plus(21) } });
    assert.deepEqual(stage(plus(21, -1)), { stage: 'active', quietDays: 20, next: { stage: 'nudged', at: plus(21) } });
    assert.deepEqual(stage(plus(21)), { stage: 'nudged', quietDays: 21, stageSince: plus(21), next: { stage: 'admin-alerted', at: plus(35) } });
    assert.equal(stage(plus(35, -1)).stage, 'nudged');
    assert.deepEqual(stage(plus(35)), { stage: 'admin-alerted', quietDays: 35, stageSince: plus(35) });
    assert.deepEqual(stage(plus(900)), { stage: 'admin-alerted', quietDays: 900, stageSince: plus(35) }, 'never closed while closing is off');
  });

  test('closing on: the notice from afterDays − noticeDays, closed only after the full notice', () => {
    const stage = (now: string, noticeSentAt?: string) =>
      escalationStage({ activity: { lastActivityAt: last }, settings: closing, now, ...(noticeSentAt ? { noticeSentAt } : {}) });
    assert.deepEqual(stage(plus(28)), { stage: 'admin-alerted', quietDays: 28, stageSince: plus(28), next: { stage: 'closing', at: plus(53) } });
    assert.equal(stage(plus(53, -1)).stage, 'admin-alerted');
    // Day 53: closing. Without a notice yet, it would close noticeDays after one sent now: day 60.
    assert.deepEqual(stage(plus(53)), {
      stage: 'closing',
      quietDays: 53,
      stageSince: plus(53),
      next: { stage: 'closed-due', at: plus(60) },
      closesAt: plus(60),
    });
    // The notice went out on day 53: closed-due on day 60, not a millisecond before.
    assert.equal(stage(plus(60, -1), plus(53)).stage, 'closing');
    assert.deepEqual(stage(plus(60), plus(53)), { stage: 'closed-due', quietDays: 60, stageSince: plus(60), closesAt: plus(60) });
    // Never without a notice: day 200 with no notice is still `closing`, closing noticeDays from now.
    assert.deepEqual(stage(plus(200)), {
      stage: 'closing',
      quietDays: 200,
      stageSince: plus(53),
      next: { stage: 'closed-due', at: plus(207) },
      closesAt: plus(207),
    });
    // A late notice (day 58, e.g. the server was down) still gives the full 7 days: closes on day 65.
    assert.equal(stage(plus(64), plus(58)).stage, 'closing');
    assert.equal(stage(plus(64), plus(58)).closesAt, plus(65));
    assert.equal(stage(plus(65), plus(58)).stage, 'closed-due');
    // A notice from an earlier quiet spell (before the last activity) does not count.
    assert.equal(stage(plus(61), plus(-10)).stage, 'closing');
    // A notice stamped in the future (another instance's clock ahead) is not yet a notice given.
    assert.equal(stage(plus(61), plus(62)).stage, 'closing');
  });

  test('the notice may start on the admin-alert day: then admin-alerted is skipped, never closing before it', () => {
    const settings = { quietDays: 14, alertAdminDays: 28, close: { afterDays: 35, noticeDays: 7 } };
    assert.equal(escalationStage({ activity: { lastActivityAt: last }, settings, now: plus(28, -1) }).stage, 'nudged');
    assert.equal(escalationStage({ activity: { lastActivityAt: last }, settings, now: plus(28) }).stage, 'closing');
  });

  test('counts whole days between instants: the same answer whatever the offset the instants are written in', () => {
    const settings = DEFAULT_ESCALATION_SETTINGS;
    // 2026-09-01T10:00Z written in Kathmandu (+05:45) and in Los Angeles (-07:00); now across the
    // October/November DST changes in Europe and America.
    for (const lastActivityAt of ['2026-09-01T10:00:00Z', '2026-09-01T15:45:00+05:45', '2026-09-01T03:00:00-07:00']) {
      for (const [now, expected] of [
        ['2026-09-22T09:59:59Z', 'active'],
        ['2026-09-22T10:00:00Z', 'nudged'],
        ['2026-09-22T12:00:00+02:00', 'nudged'],
        ['2026-10-06T09:59:59Z', 'nudged'],
        ['2026-10-06T05:00:00-05:00', 'admin-alerted'],
      ] as const) {
        assert.equal(escalationStage({ activity: { lastActivityAt }, settings, now }).stage, expected, `${lastActivityAt} → ${now}`);
      }
    }
    // Over a DST change a "day" is still 24 hours of elapsed time (Europe/Berlin falls back on 25 October 2026).
    const overDst = escalationStage({ activity: { lastActivityAt: '2026-10-20T10:00:00+02:00' }, settings, now: '2026-11-10T09:00:00+01:00' });
    assert.deepEqual([overDst.stage, overDst.quietDays], ['nudged', 21]);
  });

  test('works on what pairActivity gives, and a pair with nothing to count from is active', () => {
    const activity = pairActivity({ messages: [{ authorId: 'ana', sentAt: last }], now: plus(30) });
    assert.equal(escalationStage({ activity, settings: DEFAULT_ESCALATION_SETTINGS, now: plus(30) }).stage, 'nudged');
    assert.deepEqual(escalationStage({ activity: {}, settings: closing, now: plus(300) }), { stage: 'active', quietDays: 0 });
    // Activity "in the future" of now (clock skew) counts as none elapsed.
    assert.equal(escalationStage({ activity: { lastActivityAt: plus(1) }, settings: closing, now: plus(0) }).quietDays, 0);
  });

  test('bad requests are refused with a path', () => {
    refusedAt(() => escalationStage(undefined as never), '');
    refusedAt(() => escalationStage({ activity: { lastActivityAt: last }, settings: closing, now: 'yesterday' }), 'now');
    refusedAt(() => escalationStage({ activity: null as never, settings: closing, now: plus(1) }), 'activity');
    refusedAt(() => escalationStage({ activity: { lastActivityAt: '2026-09-01' }, settings: closing, now: plus(1) }), 'activity.lastActivityAt');
    refusedAt(() => escalationStage({ activity: { lastActivityAt: last }, settings: { ...closing, quietDays: 0 }, now: plus(1) }), 'quietDays');
    refusedAt(() => escalationStage({ activity: { lastActivityAt: last }, settings: closing, now: plus(1), noticeSentAt: 'soon' }), 'noticeSentAt');
  });

  test('escalationRank orders the rungs', () => {
    assert.deepEqual((['closed-due', 'active', 'closing', 'nudged', 'admin-alerted'] as const).map(escalationRank), [4, 0, 3, 1, 2]);
  });
});
