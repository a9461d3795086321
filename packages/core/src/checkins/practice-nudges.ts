// The nudges of the mentoring practice beside the check-in ones (issue 15): a session in 24 h and in
// 1 h, feedback asked for after a session, a goal due soon or missed. Pure functions over plain
// records, in the shape of `checkInNudges`' nudges plus a `period` (what one nudge is about, for
// dedupe). They reuse the modules that own each rule: `feedbackRequests` (who is asked for feedback
// and until when), `goalProgress` (when a goal is achieved or missed), `sensibleSendTime` (when a
// non-urgent nudge goes out). See docs/reminders.md ("What is sent").
import type { Session } from '../model/session.js';
import type { Pairing } from '../model/pairing.js';
import type { WorkingHours } from '../model/formats.js';
import { isCalendarDate } from '../model/formats.js';
import { invalidInput } from '../model/validate.js';
import { feedbackRequests, type FeedbackPolicyOptions } from '../feedback/requests.js';
import { goalProgress, type ProgressInput } from '../goals/progress.js';
import { pairingMembers } from '../model/pairing-roles.js';
import { zonedWallClockToEpoch } from '../messaging/quiet-hours.js';
import { availabilityAt, localTimeOf } from '../time/local-time.js';
import { instantOfEpochMinute, localIsoOf } from '../scheduling/slots.js';
import { checkInMessagesFor, fillTemplate, type CheckInMessages } from './messages.js';
import { sensibleSendTime, type Nudge, type NudgePerson } from './nudge.js';

export const PRACTICE_NUDGE_KINDS = ['session-soon', 'feedback-requested', 'goal-due', 'goal-missed'] as const;
export type PracticeNudgeKind = (typeof PRACTICE_NUDGE_KINDS)[number];

/** A nudge of the practice: `checkInNudges`' shape with its own kinds, plus the period it is about. */
export interface PracticeNudge extends Omit<Nudge, 'kind'> {
  kind: PracticeNudgeKind;
  /**
   * What this one nudge is about, stable across scans, so a sender sends it once: `<sessionId>@<start>/24h`
   * (or `/1h`) for a session reminder (a rescheduled session gets new reminders), the session id for feedback,
   * `<goalId>@<dueDate>` for a goal (a new due date can be due and missed again).
   */
  period: string;
}

/** Session reminders: the code, how long before the start, and how late a reminder may still go (the scan may have been late, or the session booked just now). */
export const SESSION_REMINDERS = [
  { code: 'session-in-24h', minutesBefore: 24 * 60, lateByMinutes: 12 * 60 },
  { code: 'session-in-1h', minutesBefore: 60, lateByMinutes: 30 },
] as const;

/**
 * The night on everyone's clock (22:00–07:00). A session reminder due then moves to the nearer edge of
 * it — 21:00 the evening before or 07:00 that morning (not when 07:00 leaves less than 15 minutes
 * before the start) — unless the person works then (their working hours), or the session itself is
 * in their night and starts within 2 hours (they will be up for it).
 */
export const SESSION_REMINDER_NIGHT = {
  from: 22 * 60,
  until: 7 * 60,
  eveningBefore: 21 * 60,
  minimumNoticeMinutes: 15,
  awakeBeforeNightSessionMinutes: 120,
} as const;

/** A goal's due-date nudge goes this many days (on the owner's calendar) before it is due, or less. */
export const GOAL_DUE_SOON_DAYS = 3;
/** A missed goal is mentioned only this many days after its due date; older misses are not news. */
export const GOAL_MISSED_WITHIN_DAYS = 7;
/** Session reminders are returned this many minutes before they are to be sent, so a sender can queue them to go out on time. */
export const SESSION_REMINDER_LOOKAHEAD_MINUTES = 60;

export interface PracticeSession {
  id: string;
  pairingId?: string | undefined;
  title?: string | undefined;
  start: string;
  end: string;
  status?: 'scheduled' | 'held' | 'cancelled' | 'missed' | undefined;
  /** Who attends; every member of the pairing when absent. */
  participantIds?: readonly string[] | undefined;
  meetingUrl?: string | undefined;
}

export interface PracticeFeedback {
  id?: string | undefined;
  sessionId: string;
  authorId: string;
}

export interface PracticeGoal extends ProgressInput {
  id: string;
  pairingId?: string | undefined;
  ownerId: string;
  title: string;
  /** `private`: only the owner hears about it; `pairing` (default): the owner and the pairing's mentors. */
  visibility?: 'private' | 'pairing' | undefined;
  archived?: boolean | undefined;
}

export interface PracticeNudgeRequest {
  pairing: Pick<Pairing, 'id' | 'menteeId' | 'mentorIds'>;
  /** Everyone who may get a nudge, with zone and hours (`pairingCheckIn(...).people` fits); others get none. */
  people: NudgePerson[];
  sessions?: PracticeSession[] | undefined;
  feedback?: PracticeFeedback[] | undefined;
  goals?: PracticeGoal[] | undefined;
  now: string;
  /** Who is asked for feedback and for how long (`@mentorkit/core/feedback`'s options: the mentee only by default, 7 days). */
  feedbackOptions?: FeedbackPolicyOptions | undefined;
  /** Default `GOAL_DUE_SOON_DAYS` (3). */
  goalDueSoonDays?: number | undefined;
  /** Default `GOAL_MISSED_WITHIN_DAYS` (7). */
  goalMissedWithinDays?: number | undefined;
  /** Default `SESSION_REMINDER_LOOKAHEAD_MINUTES` (60): at least the time between two scans of the sender. */
  lookaheadMinutes?: number | undefined;
  messages?: CheckInMessages | undefined;
  /** The language of the nudges, e.g. `es`; `messages` win. Default English. */
  locale?: string | undefined;
}

const MINUTE = 60_000;

function requireWholeNumber(value: unknown, path: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    invalidInput(path, `\`${path}\` must be a whole number from ${min} to ${max}.`);
  return value;
}

function prepare(request: PracticeNudgeRequest) {
  if (typeof request !== 'object' || request === null || typeof request.pairing !== 'object' || request.pairing === null)
    invalidInput('pairing', 'practiceNudges needs { pairing, people, sessions?, feedback?, goals?, now }.');
  const now = Date.parse(request.now);
  if (typeof request.now !== 'string' || !Number.isFinite(now)) invalidInput('now', '`now` must be an ISO 8601 instant, e.g. "2026-10-14T21:10:00Z".');
  if (!Array.isArray(request.people)) invalidInput('people', '`people` must be a list.');
  for (const key of ['sessions', 'feedback', 'goals'] as const)
    if (request[key] !== undefined && !Array.isArray(request[key])) invalidInput(key, `\`${key}\` must be a list.`);
  const byId = new Map(request.people.map((person) => [person.personId, person]));
  const catalogue = request.messages ?? checkInMessagesFor(request.locale);
  const name = (personId: string) => byId.get(personId)?.displayName ?? personId;
  const members = pairingMembers(request.pairing).map((member) => member.personId);
  // Names joined the language's way ("A and B", "A y B"), as `checkInNudges` does.
  const joinNames = (names: string[]) => {
    try {
      return new Intl.ListFormat(request.locale || 'en', { type: 'conjunction' }).format(names);
    } catch {
      return names.join(' and ');
    }
  };
  const others = (personId: string, among: readonly string[]) => joinNames(among.filter((id) => id !== personId).map(name));
  const ofPairing = <T extends { pairingId?: string | undefined }>(list: T[] | undefined) =>
    (list ?? []).filter((entry) => entry.pairingId === undefined || entry.pairingId === request.pairing.id);
  const nudge = (
    kind: PracticeNudgeKind,
    person: NudgePerson,
    code: Nudge['code'],
    params: Record<string, string | number>,
    when: { sendAt: string; localSendAt: string },
    period: string,
  ): PracticeNudge => ({
    kind,
    personId: person.personId,
    pairingId: request.pairing.id,
    sendAt: when.sendAt,
    localSendAt: when.localSendAt,
    message: fillTemplate(catalogue.nudges[code], params),
    code,
    params,
    period,
  });
  return { now, byId, name, members, others, ofPairing, nudge };
}

// The same form as `sensibleSendTime`'s (`2026-10-20T14:15:00Z`).
const localWhen = (person: NudgePerson, epochMs: number) => ({
  sendAt: instantOfEpochMinute(Math.floor(epochMs / MINUTE)),
  localSendAt: localIsoOf(person.timeZone, Math.floor(epochMs / MINUTE)),
});

/** Whether `epochMs` is in the person's night (22:00–07:00 on their clock) and they are not working then. */
function inNight(person: NudgePerson, epochMs: number): boolean {
  const local = localTimeOf(person.timeZone, new Date(epochMs));
  const night = local.minuteOfDay >= SESSION_REMINDER_NIGHT.from || local.minuteOfDay < SESSION_REMINDER_NIGHT.until;
  return night && availabilityAt(local, { workingHours: person.workingHours as WorkingHours, offLimitsDays: [], offLimitsDates: [] }) !== 'working';
}

/**
 * When a session reminder goes to a person: `at` itself, unless it falls in their night — then the
 * nearer of 21:00 the evening before and 07:00 that morning (see `SESSION_REMINDER_NIGHT`), neither
 * before `notBefore` (a late reminder cannot go back in time). Not moved to working hours: a 1 h
 * reminder at 07:00 for an 08:00 session is right. `undefined` when no time fits.
 */
export function sessionReminderTime(person: NudgePerson, sessionStart: string, at: number, notBefore = Number.NEGATIVE_INFINITY): number | undefined {
  const start = Date.parse(sessionStart);
  if (!inNight(person, at)) return at;
  if (inNight(person, start) && start - at <= SESSION_REMINDER_NIGHT.awakeBeforeNightSessionMinutes * MINUTE) return at;
  const local = localTimeOf(person.timeZone, new Date(at));
  const lateEvening = local.minuteOfDay >= SESSION_REMINDER_NIGHT.from;
  const morning = zonedWallClockToEpoch(
    person.timeZone,
    lateEvening ? localTimeOf(person.timeZone, new Date(at + 12 * 3_600_000)).date : local.date,
    SESSION_REMINDER_NIGHT.until,
  );
  const evening = zonedWallClockToEpoch(
    person.timeZone,
    lateEvening ? local.date : localTimeOf(person.timeZone, new Date(at - 12 * 3_600_000)).date,
    SESSION_REMINDER_NIGHT.eveningBefore,
  );
  const candidates = [evening, ...(morning <= start - SESSION_REMINDER_NIGHT.minimumNoticeMinutes * MINUTE ? [morning] : [])].filter(
    (candidate) => candidate >= notBefore,
  );
  return candidates.sort((a, b) => Math.abs(a - at) - Math.abs(b - at))[0];
}

/**
 * A reminder 24 h and 1 h before each scheduled session (not cancelled, held or missed), to each of its
 * participants (the session's `participantIds`, else the pairing's members). Returned from
 * `lookaheadMinutes` before its time until it is sent or too late (`SESSION_REMINDERS[].lateByMinutes`
 * after its time, and never once the session started); a late one goes now (night rule applied).
 * Params: `other`, `title`, `date` and `time` of the start on the recipient's clock (`YYYY-MM-DD`,
 * `HH:MM`), `start` (the instant), `minutes`/`hours` from the send time to the start, `sessionId`,
 * `meetingUrl` when the session has one.
 */
export function sessionReminderNudges(request: PracticeNudgeRequest): PracticeNudge[] {
  const { now, byId, others, ofPairing, nudge, members } = prepare(request);
  const lookahead = requireWholeNumber(request.lookaheadMinutes, 'lookaheadMinutes', 1, 24 * 60, SESSION_REMINDER_LOOKAHEAD_MINUTES) * MINUTE;
  const nudges: PracticeNudge[] = [];
  for (const session of ofPairing(request.sessions)) {
    if ((session.status ?? 'scheduled') !== 'scheduled') continue;
    const start = Date.parse(session.start);
    if (!Number.isFinite(start) || start <= now) continue;
    const participants = session.participantIds && session.participantIds.length > 0 ? [...session.participantIds] : members;
    for (const personId of participants) {
      const person = byId.get(personId);
      if (!person) continue;
      for (const reminder of SESSION_REMINDERS) {
        const planned = sessionReminderTime(person, session.start, start - reminder.minutesBefore * MINUTE);
        if (planned === undefined) continue;
        let sendAt: number | undefined;
        if (now <= planned) {
          if (planned - now > lookahead) continue; // not yet: a later scan queues it
          sendAt = planned;
        } else {
          if (now >= planned + reminder.lateByMinutes * MINUTE) continue; // sent already, or too late to be news
          // Now (its minute): a reminder computed again a moment after its time still says "in 60 minutes".
          sendAt = sessionReminderTime(person, session.start, now, now);
          if (sendAt === undefined || sendAt >= planned + reminder.lateByMinutes * MINUTE) continue;
        }
        if (sendAt >= start) continue;
        const local = localTimeOf(person.timeZone, session.start);
        const minutes = Math.round((start - sendAt) / MINUTE);
        const period = `${session.id}@${new Date(start).toISOString()}/${reminder.minutesBefore / 60}h`;
        nudges.push(
          nudge(
            'session-soon',
            person,
            reminder.code,
            {
              other: others(personId, participants),
              title: session.title ?? '',
              date: local.date,
              time: local.time,
              start: new Date(start).toISOString(),
              minutes,
              hours: Math.round(minutes / 60),
              sessionId: session.id,
              ...(session.meetingUrl ? { meetingUrl: session.meetingUrl } : {}),
            },
            localWhen(person, sendAt),
            period,
          ),
        );
      }
    }
  }
  return nudges;
}

/**
 * Feedback asked for after a session ends (held, or still `scheduled` after its end; not missed or
 * cancelled), to whoever `feedbackRequests` asks (the mentee; mentors too with `askMentors`) and who
 * attended, while their request is open (no feedback given, the edit window not over), at their next
 * sensible time (`sensibleSendTime`) — not when that would be after the deadline. Once per session
 * and person (`period` is the session id). Params: `other`, `title`, `date` (the deadline's date on
 * their clock), `dueBy` (the instant), `sessionId`.
 */
export function feedbackRequestNudges(request: PracticeNudgeRequest): PracticeNudge[] {
  const { now, byId, others, ofPairing, nudge, members } = prepare(request);
  const sessions = ofPairing(request.sessions).filter((session) => session.status !== 'missed' && session.status !== 'cancelled');
  const sessionsById = new Map(sessions.map((session) => [session.id, session]));
  // feedbackRequests reads a session's id, pairingId, title, start, end and status only.
  const asSessions = sessions.map((session) => ({ ...session, pairingId: request.pairing.id, title: session.title ?? '' }) as unknown as Session);
  const feedback = (request.feedback ?? []).map((note) => ({
    id: note.id ?? `${note.sessionId}:${note.authorId}`,
    sessionId: note.sessionId,
    authorId: note.authorId,
  }));
  const requests = feedbackRequests({
    sessions: asSessions,
    pairings: [request.pairing],
    feedback,
    now: new Date(now).toISOString(),
    ...(request.feedbackOptions ? { options: request.feedbackOptions } : {}),
  });
  const nudges: PracticeNudge[] = [];
  for (const asked of requests) {
    if (asked.status !== 'open') continue;
    const session = sessionsById.get(asked.sessionId)!;
    const participants = session.participantIds && session.participantIds.length > 0 ? [...session.participantIds] : members;
    const person = byId.get(asked.personId);
    if (!person || !participants.includes(asked.personId)) continue;
    const when = sensibleSendTime(person, new Date(now).toISOString());
    if (Date.parse(when.sendAt) >= Date.parse(asked.dueBy)) continue;
    nudges.push(
      nudge(
        'feedback-requested',
        person,
        'feedback-requested',
        {
          other: others(asked.personId, participants),
          title: asked.sessionTitle,
          date: localTimeOf(person.timeZone, asked.dueBy).date,
          dueBy: asked.dueBy,
          sessionId: asked.sessionId,
        },
        when,
        asked.sessionId,
      ),
    );
  }
  return nudges;
}

/**
 * A goal due within `goalDueSoonDays` (3) or missed within `goalMissedWithinDays` (7), counted on the
 * owner's calendar by the goal tracker's own rule (`goalProgress`: achieved at 100 %, missed once the
 * due date has passed); archived and achieved goals get none. To the owner (`goal-due`, `goal-missed`),
 * and, unless the goal is private, to the pairing's mentors (`goal-due-mentor`, `goal-missed-mentor`),
 * at their next sensible time. Once per goal and due date (`period`). Params: `goal` (title), `date`
 * (the due date), `days` (days left, 0 today; days since, for a missed goal), `owner` (name), `goalId`.
 */
export function goalNudges(request: PracticeNudgeRequest): PracticeNudge[] {
  const { now, byId, name, ofPairing, nudge } = prepare(request);
  const dueSoonDays = requireWholeNumber(request.goalDueSoonDays, 'goalDueSoonDays', 0, 60, GOAL_DUE_SOON_DAYS);
  const missedWithinDays = requireWholeNumber(request.goalMissedWithinDays, 'goalMissedWithinDays', 1, 365, GOAL_MISSED_WITHIN_DAYS);
  const at = new Date(now).toISOString();
  const nudges: PracticeNudge[] = [];
  for (const goal of ofPairing(request.goals)) {
    if (goal.archived || !isCalendarDate(goal.dueDate)) continue;
    const owner = byId.get(goal.ownerId);
    const progress = goalProgress(goal, at, { timeZone: owner?.timeZone ?? 'UTC' });
    let which: 'goal-due' | 'goal-missed';
    if (progress.status === 'achieved') continue;
    if (progress.status === 'missed') {
      if (-progress.daysLeft > missedWithinDays) continue;
      which = 'goal-missed';
    } else if (progress.daysLeft <= dueSoonDays) which = 'goal-due';
    else continue;
    const recipients = [goal.ownerId, ...(goal.visibility === 'private' ? [] : request.pairing.mentorIds.filter((id) => id !== goal.ownerId))];
    for (const personId of recipients) {
      const person = byId.get(personId);
      if (!person) continue;
      const code: Nudge['code'] = personId === goal.ownerId ? which : `${which}-mentor`;
      nudges.push(
        nudge(
          which,
          person,
          code,
          { goal: goal.title, date: goal.dueDate, days: Math.abs(progress.daysLeft), owner: name(goal.ownerId), goalId: goal.id },
          sensibleSendTime(person, at),
          `${goal.id}@${goal.dueDate}`,
        ),
      );
    }
  }
  return nudges;
}

/** Every practice nudge of one pairing: session reminders, feedback requests and goal nudges (see each function). */
export function practiceNudges(request: PracticeNudgeRequest): PracticeNudge[] {
  return [...sessionReminderNudges(request), ...feedbackRequestNudges(request), ...goalNudges(request)];
}
