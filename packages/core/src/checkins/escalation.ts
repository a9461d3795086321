// The escalation ladder for silent pairs (issue 15, docs/reminders.md "Silent pairs: the escalation
// ladder"): a pair quiet for `quietDays` is nudged, at `alertAdminDays` its programme's admins are
// alerted, and — only when a programme turns closing on — the pairing is closed `close.afterDays`
// after its last activity, never before both members had `close.noticeDays` of notice. Pure
// functions over instants: the server (and an admin view) decide with the same rules.
import { invalidInput } from '../model/validate.js';
import { isInstant } from '../model/formats.js';
import type { PairActivity } from './index.js';

export interface EscalationSettings {
  /** Days without a session, message or goal update after which both sides are nudged. */
  quietDays: number;
  /** Days without activity after which the programme's admins are alerted (more than `quietDays`). */
  alertAdminDays: number;
  /** Closing silent pairings: off (`null`, the default), or after `afterDays` quiet with `noticeDays` of notice. */
  close: null | { afterDays: number; noticeDays: number };
}

/** 21 days to the nudge, 35 to the admin alert; closing is off unless a programme turns it on. */
export const DEFAULT_ESCALATION_SETTINGS: Readonly<EscalationSettings> = Object.freeze({ quietDays: 21, alertAdminDays: 35, close: null });

/** The rungs, in order. `closed-due`: the notice has run out and nothing happened; the server closes the pairing. */
export const ESCALATION_STAGES = ['active', 'nudged', 'admin-alerted', 'closing', 'closed-due'] as const;
export type EscalationStageName = (typeof ESCALATION_STAGES)[number];

export interface EscalationRequest {
  /** The pair's activity (`pairActivity`, or `pairingCheckIn(...).activity`): only `lastActivityAt` is read. */
  activity: Pick<PairActivity, 'lastActivityAt'>;
  settings: EscalationSettings;
  now: string;
  /** When the closing notice went out in this quiet spell (a notice from before `lastActivityAt` does not count). */
  noticeSentAt?: string;
}

export interface EscalationStage {
  stage: EscalationStageName;
  /** Whole days since the last activity (0 when there is none to count from). */
  quietDays: number;
  /** When the pair reached this stage (absent for `active`). */
  stageSince?: string;
  /** The next rung and when it is reached if nothing happens (absent at the top, or at `admin-alerted` with closing off). */
  next?: { stage: EscalationStageName; at: string };
  /**
   * From `closing` on: when the pairing closes if nothing happens — the later of `afterDays` after the
   * last activity and `noticeDays` after the notice (after `now` while no notice has gone out yet).
   */
  closesAt?: string;
}

const DAY = 86_400_000;

function wholeNumber(value: unknown, path: string, min: number, max: number, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    invalidInput(
      path,
      `\`${path}\` must be a whole number of days from ${min} to ${max} (${what}); got ${typeof value === 'number' ? String(value) : typeof value}.`,
    );
  return value as number;
}

/**
 * Checks a programme's ladder and returns it as a plain, fresh object. Throws `invalid-input` with
 * the field's `path`: whole days; `quietDays` 1–365; `alertAdminDays` above `quietDays`, at most
 * 730; with closing on, `close.afterDays` above `alertAdminDays`, at most 1095, and `close.noticeDays`
 * 1–60 with the notice starting no earlier than the admin alert (`afterDays − noticeDays ≥ alertAdminDays`).
 * Unknown fields are refused (a typo must not silently leave a default in place).
 */
export function validateEscalationSettings(input: unknown): EscalationSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    invalidInput('', 'Escalation settings must be an object: { quietDays, alertAdminDays, close: null | { afterDays, noticeDays } }.');
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record))
    if (!['quietDays', 'alertAdminDays', 'close'].includes(key))
      invalidInput(key.slice(0, 50), `\`${key.slice(0, 50)}\` is not an escalation setting; the settings are quietDays, alertAdminDays and close.`);
  const quietDays = wholeNumber(record.quietDays, 'quietDays', 1, 365, 'how long a pair may be quiet before both are nudged');
  const alertAdminDays = wholeNumber(record.alertAdminDays, 'alertAdminDays', 1, 730, 'when the admins are alerted');
  if (alertAdminDays <= quietDays)
    invalidInput(
      'alertAdminDays',
      `\`alertAdminDays\` (${alertAdminDays}) must be more than \`quietDays\` (${quietDays}): the pair is nudged first, the admins alerted later.`,
    );
  if (record.close === null || record.close === undefined) {
    if (record.close === undefined) invalidInput('close', '`close` is required: null (never close silent pairings) or { afterDays, noticeDays }.');
    return { quietDays, alertAdminDays, close: null };
  }
  if (typeof record.close !== 'object' || Array.isArray(record.close))
    invalidInput('close', '`close` must be null (never close silent pairings) or { afterDays, noticeDays }.');
  const close = record.close as Record<string, unknown>;
  for (const key of Object.keys(close))
    if (!['afterDays', 'noticeDays'].includes(key))
      invalidInput(`close.${key.slice(0, 50)}`, `\`close.${key.slice(0, 50)}\` is not a closing setting; send afterDays and noticeDays.`);
  const afterDays = wholeNumber(close.afterDays, 'close.afterDays', 1, 1095, 'when a silent pairing is closed');
  if (afterDays <= alertAdminDays)
    invalidInput(
      'close.afterDays',
      `\`close.afterDays\` (${afterDays}) must be more than \`alertAdminDays\` (${alertAdminDays}): the admins hear of a silent pair before it is closed.`,
    );
  const noticeDays = wholeNumber(close.noticeDays, 'close.noticeDays', 1, 60, 'the notice both members get before closing');
  if (afterDays - noticeDays < alertAdminDays)
    invalidInput(
      'close.noticeDays',
      `\`close.noticeDays\` (${noticeDays}) is too long: the notice would start on day ${afterDays - noticeDays}, before the admins are alerted on day ${alertAdminDays}; at most ${afterDays - alertAdminDays} days here.`,
    );
  return { quietDays, alertAdminDays, close: { afterDays, noticeDays } };
}

/**
 * Where a pair stands on the ladder at `now`, counted in whole days (of 24 h, between instants: time
 * zones do not matter) since its last activity:
 *
 * - `active` below `quietDays`; `nudged` from `quietDays`; `admin-alerted` from `alertAdminDays`;
 * - with closing on, `closing` from `afterDays − noticeDays` (the notice goes out), and `closed-due`
 *   once `afterDays` have passed **and** the notice went out at least `noticeDays` ago — a pairing
 *   is never closed without the full notice, however late it was given.
 *
 * A pair with no activity to count from (no start date, nothing recorded) is `active`.
 */
export function escalationStage(request: EscalationRequest): EscalationStage {
  if (typeof request !== 'object' || request === null) invalidInput('', 'escalationStage needs { activity, settings, now, noticeSentAt? }.');
  if (!isInstant(request.now)) invalidInput('now', '`now` must be an ISO 8601 instant, e.g. "2026-10-14T21:10:00Z".');
  const now = Date.parse(request.now);
  if (typeof request.activity !== 'object' || request.activity === null)
    invalidInput('activity', "`activity` must be the pair's activity ({ lastActivityAt? }, as pairActivity gives it).");
  const settings = validateEscalationSettings(request.settings);
  const lastActivityAt = request.activity.lastActivityAt;
  if (lastActivityAt !== undefined && !isInstant(lastActivityAt))
    invalidInput('activity.lastActivityAt', '`activity.lastActivityAt` must be an ISO 8601 instant.');
  if (request.noticeSentAt !== undefined && !isInstant(request.noticeSentAt)) invalidInput('noticeSentAt', '`noticeSentAt` must be an ISO 8601 instant.');
  if (lastActivityAt === undefined) return { stage: 'active', quietDays: 0 };
  const since = Date.parse(lastActivityAt);
  const quietMs = Math.max(0, now - since);
  const quietDays = Math.floor(quietMs / DAY);
  const at = (days: number) => new Date(since + days * DAY).toISOString();
  if (quietMs < settings.quietDays * DAY) return { stage: 'active', quietDays, next: { stage: 'nudged', at: at(settings.quietDays) } };
  if (quietMs < settings.alertAdminDays * DAY)
    return { stage: 'nudged', quietDays, stageSince: at(settings.quietDays), next: { stage: 'admin-alerted', at: at(settings.alertAdminDays) } };
  const close = settings.close;
  const noticeFrom = close ? close.afterDays - close.noticeDays : Number.POSITIVE_INFINITY;
  if (!close || quietMs < noticeFrom * DAY) {
    return {
      stage: 'admin-alerted',
      quietDays,
      stageSince: at(settings.alertAdminDays),
      ...(close ? { next: { stage: 'closing' as const, at: at(noticeFrom) } } : {}),
    };
  }
  // A notice counts only when it belongs to this quiet spell (given after the last activity).
  const notice = request.noticeSentAt !== undefined && Date.parse(request.noticeSentAt) >= since ? Date.parse(request.noticeSentAt) : undefined;
  const closes = Math.max(since + close.afterDays * DAY, (notice ?? now) + close.noticeDays * DAY);
  const closesAt = new Date(closes).toISOString();
  if (notice !== undefined && now >= closes) return { stage: 'closed-due', quietDays, stageSince: closesAt, closesAt };
  return { stage: 'closing', quietDays, stageSince: at(noticeFrom), next: { stage: 'closed-due', at: closesAt }, closesAt };
}

/** The rank of a stage on the ladder (0 = active … 4 = closed-due), for sorting worst first and "reached at least". */
export function escalationRank(stage: EscalationStageName): number {
  return ESCALATION_STAGES.indexOf(stage);
}
