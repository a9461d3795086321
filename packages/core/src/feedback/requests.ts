import { MentorKitError } from '../model/errors.js';
import { isInstant } from '../model/formats.js';
import type { Feedback } from '../model/feedback.js';
import type { Pairing } from '../model/pairing.js';
import type { Session } from '../model/session.js';
import { pairingMembers, type PairingRole } from '../model/pairing-roles.js';

/** When feedback is asked for, how long it stays editable, and when people are reminded. */
export interface FeedbackPolicyOptions {
  /** Ask the mentors too (each writes their own note). Default `false`: the mentee only. */
  askMentors?: boolean;
  /** Hours after the session ends during which feedback can be submitted and edited. Default 168 (7 days). */
  editWindowHours?: number;
  /** Reminders, in hours after the request opened, while it is still open. Default `[24, 72]`. */
  reminderHours?: readonly number[];
}

export const DEFAULT_EDIT_WINDOW_HOURS = 168;
export const DEFAULT_REMINDER_HOURS: readonly number[] = [24, 72];

export type FeedbackRequestStatus = 'open' | 'submitted' | 'closed';

/** A request for one person's feedback on one session. */
export interface FeedbackRequest {
  /** `<sessionId>:<personId>` */
  id: string;
  sessionId: string;
  pairingId: string;
  personId: string;
  role: PairingRole;
  sessionTitle: string;
  sessionStart: string;
  sessionEnd: string;
  /** When the request opened: the session's end (or now, for a session marked held before its planned end). */
  openedAt: string;
  /** Feedback can be submitted and edited until this instant. */
  dueBy: string;
  /** `open`: waiting; `submitted`: given (editable until `dueBy`); `closed`: the window passed without feedback. */
  status: FeedbackRequestStatus;
  /** Submitted and still before `dueBy`. */
  editable: boolean;
  /** The person's note, once submitted. */
  feedbackId?: string;
}

export interface FeedbackReminder {
  request: FeedbackRequest;
  /** The reminder that is due: 1 for the first, 2 for the second… */
  number: number;
  /** When it became due. */
  dueAt: string;
}

const HOUR = 3_600_000;

/** Validates the options (throws `invalid-input`) and fills in the defaults. */
export function resolveFeedbackOptions(options: FeedbackPolicyOptions = {}, path = 'options'): Required<FeedbackPolicyOptions> {
  if (typeof options !== 'object' || options === null)
    throw new MentorKitError('invalid-input', 'Feedback options must be an object such as { askMentors: true }.', { path });
  const { askMentors = false, editWindowHours = DEFAULT_EDIT_WINDOW_HOURS, reminderHours = DEFAULT_REMINDER_HOURS } = options;
  if (typeof askMentors !== 'boolean') throw new MentorKitError('invalid-input', '`askMentors` must be true or false.', { path: `${path}.askMentors` });
  if (typeof editWindowHours !== 'number' || !Number.isFinite(editWindowHours) || editWindowHours <= 0 || editWindowHours > 24 * 366) {
    throw new MentorKitError('invalid-input', '`editWindowHours` must be a number of hours above 0 and at most a year (8784).', {
      path: `${path}.editWindowHours`,
    });
  }
  if (
    !Array.isArray(reminderHours) ||
    reminderHours.length > 10 ||
    reminderHours.some((hours) => typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0)
  ) {
    throw new MentorKitError('invalid-input', '`reminderHours` must be a list of at most 10 positive numbers of hours, e.g. [24, 72].', {
      path: `${path}.reminderHours`,
    });
  }
  return { askMentors, editWindowHours, reminderHours: [...reminderHours].sort((a, b) => a - b) };
}

/** Whether a session has ended for feedback: marked `held`, or its end has passed and it was not cancelled. */
export function sessionHasEnded(session: Pick<Session, 'status' | 'end'>, now: string): boolean {
  if (session.status === 'held') return true;
  if (session.status === 'cancelled') return false;
  return Date.parse(session.end) <= Date.parse(now);
}

/**
 * The feedback requests of every ended session: one for the mentee, and one per mentor with
 * `askMentors`. Pass `personId` for one person's requests. Sorted newest session first.
 *
 * Pure: give it the sessions, pairings and feedback you can see, and the current instant.
 */
export function feedbackRequests(input: {
  sessions: readonly Session[];
  pairings: readonly Pick<Pairing, 'id' | 'menteeId' | 'mentorIds'>[];
  feedback: readonly Pick<Feedback, 'id' | 'sessionId' | 'authorId'>[];
  now: string;
  personId?: string;
  options?: FeedbackPolicyOptions;
}): FeedbackRequest[] {
  if (!isInstant(input.now)) throw new MentorKitError('invalid-input', '`now` must be an ISO instant.', { path: 'now' });
  const options = resolveFeedbackOptions(input.options);
  const nowMs = Date.parse(input.now);
  const pairings = new Map(input.pairings.map((pairing) => [pairing.id, pairing]));
  const given = new Map<string, string>();
  for (const note of input.feedback) given.set(`${note.sessionId}:${note.authorId}`, note.id);
  const requests: FeedbackRequest[] = [];
  for (const session of input.sessions) {
    if (!sessionHasEnded(session, input.now)) continue;
    const pairing = pairings.get(session.pairingId);
    if (!pairing) continue;
    const endMs = Date.parse(session.end);
    const openedMs = Math.min(endMs, nowMs);
    const dueMs = openedMs + options.editWindowHours * HOUR;
    for (const member of pairingMembers(pairing)) {
      if (member.role !== 'mentee' && !options.askMentors) continue;
      if (input.personId !== undefined && member.personId !== input.personId) continue;
      const feedbackId = given.get(`${session.id}:${member.personId}`);
      const status: FeedbackRequestStatus = feedbackId ? 'submitted' : nowMs >= dueMs ? 'closed' : 'open';
      requests.push({
        id: `${session.id}:${member.personId}`,
        sessionId: session.id,
        pairingId: session.pairingId,
        personId: member.personId,
        role: member.role,
        sessionTitle: session.title,
        sessionStart: session.start,
        sessionEnd: session.end,
        openedAt: new Date(openedMs).toISOString(),
        dueBy: new Date(dueMs).toISOString(),
        status,
        editable: status === 'submitted' && nowMs < dueMs,
        ...(feedbackId ? { feedbackId } : {}),
      });
    }
  }
  return requests.sort((a, b) => Date.parse(b.sessionEnd) - Date.parse(a.sessionEnd) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The request a feedback form shows when it is not told which session: the open request of the
 * most recent session; else the person's most recent submitted one, so their note stays in view
 * after a reload — editable until its deadline, then read-only. `undefined` when nothing was asked.
 * `requests` as `feedbackRequests` returns them (newest session first).
 */
export function currentFeedbackRequest(requests: readonly FeedbackRequest[]): FeedbackRequest | undefined {
  return requests.find((request) => request.status === 'open') ?? requests.find((request) => request.status === 'submitted');
}

/**
 * The reminders due now for open requests: the latest reminder whose time (`openedAt` +
 * `reminderHours[i]`) has passed. A host sends it (email, LMS notification) and remembers it sent
 * reminder `number` for `request.id`, so it sends each one once.
 */
export function dueFeedbackReminders(requests: readonly FeedbackRequest[], now: string, options: FeedbackPolicyOptions = {}): FeedbackReminder[] {
  if (!isInstant(now)) throw new MentorKitError('invalid-input', '`now` must be an ISO instant.', { path: 'now' });
  const { reminderHours } = resolveFeedbackOptions(options);
  const nowMs = Date.parse(now);
  const reminders: FeedbackReminder[] = [];
  for (const request of requests) {
    if (request.status !== 'open') continue;
    let due: FeedbackReminder | undefined;
    reminderHours.forEach((hours, index) => {
      const at = Date.parse(request.openedAt) + hours * HOUR;
      if (at <= nowMs && at < Date.parse(request.dueBy)) due = { request, number: index + 1, dueAt: new Date(at).toISOString() };
    });
    if (due) reminders.push(due);
  }
  return reminders;
}
