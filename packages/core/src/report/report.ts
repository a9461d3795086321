import { isInstant } from '../model/formats.js';
import { invalidInput } from '../model/validate.js';
import type { Feedback } from '../model/feedback.js';
import type { Goal } from '../model/goal.js';
import type { Pairing, PairingStatus } from '../model/pairing.js';
import type { Person } from '../model/person.js';
import type { Session } from '../model/session.js';
import { sessionMinutesHeld } from './hours.js';
import { checkPeriod, checkTimeZone, monthIndexOf, periodBounds, startOfLocalDay } from './period.js';
import type {
  AtRiskCode,
  AtRiskReason,
  ProgrammeReport,
  ProgrammeReportInput,
  ReportAtRiskPair,
  ReportConcernMeta,
  ReportMentorRow,
  ReportMessageMeta,
  ReportPairRow,
} from './types.js';

const DAY = 86_400_000;

/** Days without a held session, message or feedback before an active pair counts as quiet. */
export const QUIET_AFTER_DAYS = 21;
/** Missed sessions in the period from which a pair is at risk. */
export const MISSED_SESSIONS_AT_RISK = 2;
/** A pair whose mentee's average rating in the period is at or below this (over at least `LOW_RATING_MIN_NOTES` notes) is at risk. */
export const LOW_RATING_AT_RISK = 2.5;
export const LOW_RATING_MIN_NOTES = 2;
/** Concern statuses that make a pair at risk. */
export const OPEN_CONCERN_STATUSES: readonly string[] = ['open', 'in-review'];
/** The order reasons are listed in. */
const REASON_ORDER: readonly AtRiskCode[] = ['concern-open', 'quiet', 'sessions-missed', 'low-rating', 'goals-missed'];

const round2 = (value: number) => Math.round(value * 100) / 100;
const average = (sum: number, count: number): number | null => (count === 0 ? null : round2(sum / count));

function requireList<T>(value: unknown, path: string, optional = false): readonly T[] {
  if (value === undefined && optional) return [];
  if (!Array.isArray(value)) invalidInput(path, `\`${path}\` must be a list of records${optional ? ' (or left out)' : ''}.`);
  return value as readonly T[];
}

function requireRecord(record: unknown, path: string): Record<string, unknown> {
  if (typeof record !== 'object' || record === null || typeof (record as { id?: unknown }).id !== 'string')
    invalidInput(path, `\`${path}\` must be a record with an \`id\`.`);
  return record as Record<string, unknown>;
}

/** An optional instant field of a record: NaN when absent; invalid-input when present but not an instant. */
function instantField(record: Record<string, unknown>, field: string, path: string): number {
  const value = record[field];
  if (value === undefined || value === null) return Number.NaN;
  if (!isInstant(value)) invalidInput(`${path}.${field}`, `\`${path}.${field}\` must be an ISO 8601 instant (got ${JSON.stringify(value)}).`);
  return Date.parse(value);
}

interface PairAccumulator {
  pairing: Pairing;
  held: number;
  missed: number;
  minutes: number;
  goalsSet: number;
  goalsAchieved: number;
  goalsMissed: number;
  ratingSum: number;
  notes: number;
  lastActivity: number;
  openConcerns: number;
}

/**
 * The programme report: every figure of a programme over a period, from its records. Pure and
 * deterministic (same input, same report); every number on screen and in every export comes from here.
 * See docs/programme-report.md for what each figure means.
 */
export function programmeReport(input: ProgrammeReportInput): ProgrammeReport {
  if (typeof input !== 'object' || input === null)
    invalidInput('', 'programmeReport needs { programId, period, now, programs, people, pairings, sessions, goals, feedback }.');
  const { programId } = input;
  if (typeof programId !== 'string' || programId === '') invalidInput('programId', '`programId` must be the id of the programme to report on.');
  const period = checkPeriod(input.period);
  const timeZone = checkTimeZone(input.timeZone);
  if (!isInstant(input.now)) invalidInput('now', `\`now\` must be an ISO 8601 instant such as "2026-10-14T21:10:00Z" (got ${JSON.stringify(input.now)}).`);
  const now = Date.parse(input.now);
  const programs = requireList<ProgrammeReportInput['programs'][number]>(input.programs, 'programs');
  const people = requireList<Person>(input.people, 'people');
  const allPairings = requireList<Pairing>(input.pairings, 'pairings');
  const sessions = requireList<Session>(input.sessions, 'sessions');
  const goals = requireList<Goal>(input.goals, 'goals');
  const feedback = requireList<Feedback>(input.feedback, 'feedback');
  requireList(input.agreements, 'agreements', true);
  const messages = input.messages === undefined ? undefined : requireList<ReportMessageMeta>(input.messages, 'messages');
  const concerns = requireList<ReportConcernMeta>(input.concerns, 'concerns', true);

  const program = programs.find((candidate, index) => requireRecord(candidate, `programs[${index}]`).id === programId);
  if (!program) invalidInput('programId', `There is no programme "${programId}" in \`programs\`.`);

  const { fromMs, toMs, months } = periodBounds(period, timeZone);
  const inPeriod = (at: number) => at >= fromMs && at < toMs;

  const personById = new Map<string, Person>();
  people.forEach((person, index) => personById.set(requireRecord(person, `people[${index}]`).id as string, person));
  const nameOf = (id: string) => personById.get(id)?.displayName ?? '';

  // The report's pairings: the programme's pairings that existed during the period.
  const pairs = new Map<string, PairAccumulator>();
  // Mentor load is now: the programme's active pairings, whatever the period.
  const activeMenteesOf = new Map<string, number>();
  allPairings.forEach((pairing, index) => {
    const record = requireRecord(pairing, `pairings[${index}]`);
    if (record.programId !== programId) return;
    if (typeof pairing.menteeId !== 'string' || !Array.isArray(pairing.mentorIds))
      invalidInput(`pairings[${index}]`, `\`pairings[${index}]\` must have a \`menteeId\` and \`mentorIds\`.`);
    if (pairing.status === 'active') for (const mentorId of pairing.mentorIds) activeMenteesOf.set(mentorId, (activeMenteesOf.get(mentorId) ?? 0) + 1);
    const created = instantField(record, 'createdAt', `pairings[${index}]`);
    const began = typeof pairing.startedOn === 'string' ? startOfLocalDay(pairing.startedOn, timeZone) : created;
    if (began >= toMs) return; // started after the period
    if (typeof pairing.endedOn === 'string' && pairing.endedOn < period.from) return; // ended before it
    pairs.set(pairing.id, {
      pairing,
      held: 0,
      missed: 0,
      minutes: 0,
      goalsSet: 0,
      goalsAchieved: 0,
      goalsMissed: 0,
      ratingSum: 0,
      notes: 0,
      lastActivity: Number.NaN,
      openConcerns: 0,
    });
  });
  const noteActivity = (pair: PairAccumulator, at: number) => {
    if (Number.isFinite(at) && at <= now && !(at <= pair.lastActivity)) pair.lastActivity = at;
  };

  const totals: ProgrammeReport['totals'] = {
    pairs: { total: 0, proposed: 0, active: 0, paused: 0, closed: 0 },
    sessions: { held: 0, missed: 0, cancelled: 0, scheduled: 0 },
    mentoringMinutes: 0,
    goals: { set: 0, achieved: 0, missed: 0 },
    feedback: { notes: 0, averageRating: null },
    responseTime: null,
    pairsAtRisk: 0,
  };
  for (const { pairing } of pairs.values()) {
    const status = (pairing.status ?? 'proposed') as PairingStatus;
    totals.pairs.total += 1;
    if (status in totals.pairs) totals.pairs[status] += 1;
  }

  // Mentors: every mentor of the report's pairings or of a pairing active now. Ratings come from the mentees' notes.
  interface MentorAccumulator {
    mentorId: string;
    held: number;
    minutes: number;
    ratingSum: number;
    notes: number;
  }
  const mentors = new Map<string, MentorAccumulator>();
  const mentorIds = [...[...pairs.values()].flatMap(({ pairing }) => pairing.mentorIds), ...activeMenteesOf.keys()];
  for (const mentorId of mentorIds) if (!mentors.has(mentorId)) mentors.set(mentorId, { mentorId, held: 0, minutes: 0, ratingSum: 0, notes: 0 });

  // Sessions whose start falls in the period.
  const sessionPairing = new Map<string, string>();
  sessions.forEach((session, index) => {
    const record = requireRecord(session, `sessions[${index}]`);
    const pair = pairs.get(session.pairingId);
    if (!pair) return;
    sessionPairing.set(session.id, session.pairingId);
    const start = instantField(record, 'start', `sessions[${index}]`);
    const end = instantField(record, 'end', `sessions[${index}]`);
    if (!Number.isFinite(start) || !Number.isFinite(end)) invalidInput(`sessions[${index}]`, `\`sessions[${index}]\` must have a \`start\` and an \`end\`.`);
    const status = session.status ?? 'scheduled';
    if (status === 'held') noteActivity(pair, Math.min(end, now));
    if (!inPeriod(start)) return;
    switch (status) {
      case 'held': {
        const minutes = sessionMinutesHeld(session);
        totals.sessions.held += 1;
        totals.mentoringMinutes += minutes;
        pair.held += 1;
        pair.minutes += minutes;
        for (const mentorId of pair.pairing.mentorIds) {
          const mentor = mentors.get(mentorId)!;
          mentor.held += 1;
          mentor.minutes += minutes;
        }
        break;
      }
      case 'missed':
        totals.sessions.missed += 1;
        pair.missed += 1;
        break;
      case 'cancelled':
        totals.sessions.cancelled += 1;
        break;
      default:
        totals.sessions.scheduled += 1;
    }
  });

  // Goals of the report's pairings (private ones included: numbers only).
  goals.forEach((goal, index) => {
    const record = requireRecord(goal, `goals[${index}]`);
    const pair = pairs.get(goal.pairingId);
    if (!pair) return;
    if (inPeriod(instantField(record, 'createdAt', `goals[${index}]`))) {
      totals.goals.set += 1;
      pair.goalsSet += 1;
    }
    if (inPeriod(instantField(record, 'achievedAt', `goals[${index}]`))) {
      totals.goals.achieved += 1;
      pair.goalsAchieved += 1;
    }
    if (inPeriod(instantField(record, 'missedAt', `goals[${index}]`))) {
      totals.goals.missed += 1;
      pair.goalsMissed += 1;
    }
  });

  // Feedback: the mentees' notes submitted in the period.
  const trend = months.map((entry) => ({ month: entry.month, notes: 0, sum: 0 }));
  let ratingSum = 0;
  feedback.forEach((note, index) => {
    const record = requireRecord(note, `feedback[${index}]`);
    const pairingId = typeof note.pairingId === 'string' ? note.pairingId : sessionPairing.get(note.sessionId);
    const pair = pairingId === undefined ? undefined : pairs.get(pairingId);
    if (!pair) return;
    let submitted = instantField(record, 'submittedAt', `feedback[${index}]`);
    if (!Number.isFinite(submitted)) submitted = instantField(record, 'createdAt', `feedback[${index}]`);
    noteActivity(pair, submitted);
    if (note.authorId !== pair.pairing.menteeId || !inPeriod(submitted)) return;
    const rating = note.rating;
    if (typeof rating !== 'number' || !Number.isFinite(rating))
      invalidInput(`feedback[${index}].rating`, `\`feedback[${index}].rating\` must be a rating from 1 to 5.`);
    totals.feedback.notes += 1;
    ratingSum += rating;
    pair.notes += 1;
    pair.ratingSum += rating;
    for (const mentorId of pair.pairing.mentorIds) {
      const mentor = mentors.get(mentorId)!;
      mentor.notes += 1;
      mentor.ratingSum += rating;
    }
    const month = trend[monthIndexOf(months, submitted)]!;
    month.notes += 1;
    month.sum += rating;
  });
  totals.feedback.averageRating = average(ratingSum, totals.feedback.notes);

  // Messages: activity, and response times of replies sent in the period.
  if (messages !== undefined) {
    const threads = new Map<string, Array<{ at: number; authorId: string }>>();
    messages.forEach((message, index) => {
      const record = requireRecord(message, `messages[${index}]`);
      const pair = pairs.get(message.pairingId);
      if (!pair) return;
      let at = instantField(record, 'sentAt', `messages[${index}]`);
      if (!Number.isFinite(at)) at = instantField(record, 'createdAt', `messages[${index}]`);
      if (!Number.isFinite(at)) return; // a draft that was never sent
      noteActivity(pair, at);
      const key = `${message.pairingId}\u0000${message.threadId ?? ''}`;
      let thread = threads.get(key);
      if (!thread) threads.set(key, (thread = []));
      thread.push({ at, authorId: String(message.authorId) });
    });
    const replyMinutes: number[] = [];
    for (const thread of threads.values()) {
      thread.sort((a, b) => a.at - b.at);
      for (let i = 1; i < thread.length; i += 1) {
        const previous = thread[i - 1]!;
        const reply = thread[i]!;
        if (reply.authorId !== previous.authorId && inPeriod(reply.at)) replyMinutes.push((reply.at - previous.at) / 60_000);
      }
    }
    replyMinutes.sort((a, b) => a - b);
    const middle = replyMinutes.length >> 1;
    const median =
      replyMinutes.length === 0 ? null : replyMinutes.length % 2 === 1 ? replyMinutes[middle]! : (replyMinutes[middle - 1]! + replyMinutes[middle]!) / 2;
    totals.responseTime = { medianMinutes: median === null ? null : Math.round(median), replies: replyMinutes.length };
  }

  concerns.forEach((concern, index) => {
    if (typeof concern !== 'object' || concern === null || typeof concern.status !== 'string')
      invalidInput(`concerns[${index}]`, `\`concerns[${index}]\` must be { pairingId?, status }.`);
    if (concern.pairingId === undefined || !OPEN_CONCERN_STATUSES.includes(concern.status)) return;
    const pair = pairs.get(concern.pairingId);
    if (pair) pair.openConcerns += 1;
  });

  // At risk: active pairings only.
  const atRisk: Array<ReportAtRiskPair & { quietDays: number }> = [];
  const pairRows: ReportPairRow[] = [];
  for (const pair of pairs.values()) {
    const { pairing } = pair;
    const reasons: AtRiskReason[] = [];
    let quietDays = 0;
    if (pairing.status === 'active') {
      const since = Number.isFinite(pair.lastActivity)
        ? pair.lastActivity
        : typeof pairing.startedOn === 'string'
          ? startOfLocalDay(pairing.startedOn, timeZone)
          : Date.parse(String(pairing.createdAt ?? ''));
      if (Number.isFinite(since)) quietDays = Math.max(0, Math.floor((now - since) / DAY));
      if (pair.openConcerns > 0) reasons.push({ code: 'concern-open', count: pair.openConcerns });
      if (quietDays >= QUIET_AFTER_DAYS) reasons.push({ code: 'quiet', days: quietDays });
      if (pair.missed >= MISSED_SESSIONS_AT_RISK) reasons.push({ code: 'sessions-missed', count: pair.missed });
      const pairAverage = average(pair.ratingSum, pair.notes);
      if (pair.notes >= LOW_RATING_MIN_NOTES && pairAverage !== null && pairAverage <= LOW_RATING_AT_RISK)
        reasons.push({ code: 'low-rating', averageRating: pairAverage, count: pair.notes });
      if (pair.goalsMissed >= 1) reasons.push({ code: 'goals-missed', count: pair.goalsMissed });
      reasons.sort((a, b) => REASON_ORDER.indexOf(a.code) - REASON_ORDER.indexOf(b.code));
      if (reasons.length > 0)
        atRisk.push({
          pairingId: pairing.id,
          menteeId: pairing.menteeId,
          mentorIds: [...pairing.mentorIds],
          reasons,
          quietDays: reasons.some((reason) => reason.code === 'quiet') ? quietDays : 0,
        });
    }
    pairRows.push({
      pairingId: pairing.id,
      status: (pairing.status ?? 'proposed') as PairingStatus,
      menteeId: pairing.menteeId,
      menteeName: nameOf(pairing.menteeId),
      mentorIds: [...pairing.mentorIds],
      mentorNames: pairing.mentorIds.map(nameOf),
      sessionsHeld: pair.held,
      sessionsMissed: pair.missed,
      mentoringMinutes: pair.minutes,
      goalsSet: pair.goalsSet,
      goalsAchieved: pair.goalsAchieved,
      goalsMissed: pair.goalsMissed,
      averageRating: average(pair.ratingSum, pair.notes),
      lastActivityAt: Number.isFinite(pair.lastActivity) ? new Date(pair.lastActivity).toISOString() : null,
      atRisk: reasons.map((reason) => reason.code),
    });
  }
  atRisk.sort((a, b) => b.reasons.length - a.reasons.length || b.quietDays - a.quietDays || compareText(a.pairingId, b.pairingId));
  totals.pairsAtRisk = atRisk.length;
  pairRows.sort((a, b) => compareText(a.menteeName, b.menteeName) || compareText(a.pairingId, b.pairingId));

  const mentorRows: ReportMentorRow[] = [...mentors.values()]
    .map((mentor) => ({
      mentorId: mentor.mentorId,
      name: nameOf(mentor.mentorId),
      activeMentees: activeMenteesOf.get(mentor.mentorId) ?? 0,
      capacity: personById.get(mentor.mentorId)?.capacity ?? 1,
      sessionsHeld: mentor.held,
      mentoringMinutes: mentor.minutes,
      averageRating: average(mentor.ratingSum, mentor.notes),
      notes: mentor.notes,
    }))
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.mentorId, b.mentorId));

  return {
    programId,
    programName: String(program.name ?? ''),
    period,
    timeZone,
    generatedAt: new Date(now).toISOString(),
    totals,
    ratingTrend: trend.map((month) => ({ month: month.month, notes: month.notes, averageRating: average(month.sum, month.notes) })),
    atRisk: atRisk.map(({ quietDays: _quietDays, ...pair }) => pair),
    mentors: mentorRows,
    pairs: pairRows,
  };
}

/** Plain code-unit order, so the same records give the same order in every runtime and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
