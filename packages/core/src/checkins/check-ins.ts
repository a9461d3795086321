// The check-in rules: when the next check-in is due, overdue and inactive pairs, nudges at a sensible
// local hour, and a suggested check-in level that adapts to feedback and goals. Pure functions over
// plain data (sessions, messages, goals, feedback passed in); re-exported by `index.ts`. See docs/scheduling.md.
import { CHECK_IN_LEVELS } from '../model/agreement.js';
import { invalidInput } from '../model/validate.js';
import { isInstant, isTimeZone } from '../model/formats.js';
import type { CheckInAgreement } from '../agreements/agreements.js';
import { localTimeOf } from '../time/local-time.js';
import { CADENCE_DAYS, CHECK_IN_INTERVAL_DAYS, DEFAULT_INACTIVE_AFTER_DAYS, DUE_SOON_DAYS, type CheckInLevel } from './levels.js';
import { CHECKIN_MESSAGES, checkInMessagesFor, fillTemplate, joinNames, type CheckInMessages } from './messages.js';
import { sensibleSendTime, type Nudge, type NudgePerson } from './nudge.js';

const DAY = 86_400_000;

export interface CheckInSession {
  id?: string;
  start: string;
  end: string;
  status?: 'scheduled' | 'held' | 'cancelled' | 'missed';
}
export interface CheckInMessage {
  authorId: string;
  /** When it was sent (`sentAt`, else `createdAt`). */
  sentAt?: string;
  createdAt?: string;
}
export interface CheckInGoal {
  /** Last change (the stored record's `updatedAt`). */
  updatedAt?: string;
  /** From `goalProgress`: not-started, on-track, at-risk, behind, achieved, missed. */
  status?: string;
  archived?: boolean;
}
export interface CheckInFeedback {
  rating: number;
  submittedAt?: string;
  createdAt?: string;
  updatedAt?: string;
}

const timeOf = (value: string | undefined): number => (value !== undefined && isInstant(value) ? Date.parse(value) : Number.NaN);

function requireNow(now: unknown): number {
  if (!isInstant(now)) invalidInput('now', '`now` must be an ISO 8601 instant, e.g. "2026-10-14T21:10:00Z".');
  return Date.parse(now);
}

function requireLevel(level: unknown, path: string): CheckInLevel {
  if (!(CHECK_IN_LEVELS as readonly unknown[]).includes(level)) invalidInput(path, `\`${path}\` must be "high-touch", "regular" or "light-touch".`);
  return level as CheckInLevel;
}

function requireList<T>(value: unknown, path: string): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) invalidInput(path, `\`${path}\` must be a list.`);
  return value as T[];
}

/** Whether a session counts as held at `now`: marked held, or still `scheduled` after its end. */
export function sessionHeld(session: CheckInSession, now: number): boolean {
  return session.status === 'held' || ((session.status === undefined || session.status === 'scheduled') && timeOf(session.end) <= now);
}

export interface NextCheckInRequest {
  agreement: Pick<CheckInAgreement, 'cadence' | 'checkInLevel' | 'since'>;
  /** Use this level instead of the agreement's (e.g. an accepted suggestion). */
  level?: CheckInLevel;
  sessions?: CheckInSession[];
  /** Messages of the pair; those by `mentorIds` count as check-ins. */
  messages?: CheckInMessage[];
  mentorIds?: string[];
  /** When the pairing started (used when there was no check-in yet). */
  startedAt?: string;
  now: string;
  /** The viewer's IANA zone: days are counted on their calendar (`dueInDays`, `overdueDays`). Default `UTC`. */
  timeZone?: string;
}

export interface NextCheckIn {
  level: CheckInLevel;
  intervalDays: number;
  /** The last check-in: a held session's end or a mentor's message. */
  lastCheckInAt?: string | undefined;
  lastCheckInKind?: 'session' | 'message' | undefined;
  /** When the next check-in is due (instant). */
  dueAt: string;
  /** Due within `DUE_SOON_DAYS`. */
  dueSoon: boolean;
  overdue: boolean;
  /**
   * Calendar days from today to the due date, on the viewer's calendar (`timeZone`): 0 today, 1
   * tomorrow, -2 two days ago. What "was due 2 days ago" says — and `overdueDays` is the same count.
   */
  dueInDays: number;
  /** Calendar days overdue, `-dueInDays` (0 when not overdue, or overdue since earlier today). */
  overdueDays: number;
  /** The next scheduled session, if any. */
  nextSession?: { id?: string | undefined; start: string };
  /** The next scheduled session starts before the check-in falls due, so it takes care of it. */
  coveredByNextSession: boolean;
}

/**
 * When the next check-in is due for a pair: the last check-in (a held session, or a message from a
 * mentor) plus the interval — the shorter of the check-in level's (7, 14 or 28 days) and the cadence's
 * (7, 14, 31 days; none for ad hoc). Without any check-in yet, it counts from the agreement (or the
 * pairing's start). Overdue once `now` passes the due time; how many days early or late is counted
 * once, on the viewer's calendar (`dueInDays`, `overdueDays`), so "was due 2 days ago" and "overdue by
 * 2 days" never disagree.
 */
export function nextCheckIn(request: NextCheckInRequest): NextCheckIn {
  if (typeof request !== 'object' || request === null) invalidInput('', 'nextCheckIn needs { agreement, sessions?, messages?, now }.');
  const now = requireNow(request.now);
  if (typeof request.agreement !== 'object' || request.agreement === null)
    invalidInput('agreement', '`agreement` must give at least { cadence, checkInLevel }.');
  const level =
    request.level === undefined ? requireLevel(request.agreement.checkInLevel ?? 'regular', 'agreement.checkInLevel') : requireLevel(request.level, 'level');
  const cadenceDays = CADENCE_DAYS[request.agreement.cadence as keyof typeof CADENCE_DAYS];
  if (cadenceDays === undefined) invalidInput('agreement.cadence', '`agreement.cadence` must be "weekly", "fortnightly", "monthly" or "ad-hoc".');
  const intervalDays = Math.min(CHECK_IN_INTERVAL_DAYS[level], cadenceDays);
  const sessions = requireList<CheckInSession>(request.sessions, 'sessions');
  const messages = requireList<CheckInMessage>(request.messages, 'messages');
  const mentorIds = new Set(requireList<string>(request.mentorIds, 'mentorIds'));

  let last = Number.NaN;
  let lastKind: 'session' | 'message' | undefined;
  for (const session of sessions) {
    if (!sessionHeld(session, now)) continue;
    const end = Math.min(timeOf(session.end), now);
    if (!(end <= last)) {
      last = end;
      lastKind = 'session';
    }
  }
  for (const message of messages) {
    if (!mentorIds.has(message.authorId)) continue;
    const sent = timeOf(message.sentAt ?? message.createdAt);
    if (sent <= now && !(sent <= last)) {
      last = sent;
      lastKind = 'message';
    }
  }
  const base = Number.isFinite(last) ? last : ([timeOf(request.agreement.since), timeOf(request.startedAt)].find(Number.isFinite) ?? now);
  const due = base + intervalDays * DAY;
  const upcoming = sessions
    .filter((session) => (session.status ?? 'scheduled') === 'scheduled' && timeOf(session.start) > now)
    .sort((a, b) => timeOf(a.start) - timeOf(b.start))[0];
  const overdue = now > due;
  const timeZone = request.timeZone ?? 'UTC';
  if (!isTimeZone(timeZone)) invalidInput('timeZone', '`timeZone` must be an IANA time-zone name such as "Europe/Madrid".');
  // One count of days for every sentence about it: calendar days on the viewer's calendar.
  const dueInDays = Math.round(
    (Date.parse(localTimeOf(timeZone, new Date(due).toISOString()).date) - Date.parse(localTimeOf(timeZone, new Date(now).toISOString()).date)) / DAY,
  );
  return {
    level,
    intervalDays,
    ...(Number.isFinite(last) ? { lastCheckInAt: new Date(last).toISOString(), lastCheckInKind: lastKind } : {}),
    dueAt: new Date(due).toISOString(),
    dueSoon: !overdue && due - now <= DUE_SOON_DAYS * DAY,
    overdue,
    dueInDays,
    overdueDays: overdue ? Math.max(0, -dueInDays) : 0,
    ...(upcoming ? { nextSession: { ...(upcoming.id ? { id: upcoming.id } : {}), start: upcoming.start } } : {}),
    coveredByNextSession: upcoming !== undefined && timeOf(upcoming.start) <= due,
  };
}

export interface PairActivityRequest {
  sessions?: CheckInSession[];
  messages?: CheckInMessage[];
  goals?: CheckInGoal[];
  /** When the pairing started: a pair that never did anything is inactive from there. */
  startedAt?: string;
  now: string;
  /** Days without activity before a pair counts as inactive. Default 21. */
  inactiveAfterDays?: number;
}

export interface PairActivity {
  lastActivityAt?: string | undefined;
  lastActivityKind?: 'session' | 'message' | 'goal' | 'start' | undefined;
  daysInactive: number;
  inactive: boolean;
  inactiveAfterDays: number;
}

/** The last session held, message or goal update of a pair, and whether it has gone quiet. */
export function pairActivity(request: PairActivityRequest): PairActivity {
  if (typeof request !== 'object' || request === null) invalidInput('', 'pairActivity needs { sessions?, messages?, goals?, now }.');
  const now = requireNow(request.now);
  const threshold = request.inactiveAfterDays ?? DEFAULT_INACTIVE_AFTER_DAYS;
  if (typeof threshold !== 'number' || !Number.isInteger(threshold) || threshold < 1 || threshold > 365)
    invalidInput('inactiveAfterDays', '`inactiveAfterDays` must be a whole number of days from 1 to 365.');
  let last = Number.NaN;
  let kind: PairActivity['lastActivityKind'];
  const consider = (at: number, what: NonNullable<PairActivity['lastActivityKind']>) => {
    if (Number.isFinite(at) && at <= now && !(at <= last)) {
      last = at;
      kind = what;
    }
  };
  for (const session of requireList<CheckInSession>(request.sessions, 'sessions')) if (sessionHeld(session, now)) consider(timeOf(session.end), 'session');
  for (const message of requireList<CheckInMessage>(request.messages, 'messages')) consider(timeOf(message.sentAt ?? message.createdAt), 'message');
  for (const goal of requireList<CheckInGoal>(request.goals, 'goals')) consider(timeOf(goal.updatedAt), 'goal');
  if (!Number.isFinite(last)) consider(timeOf(request.startedAt), 'start');
  const daysInactive = Number.isFinite(last) ? Math.floor((now - last) / DAY) : 0;
  return {
    ...(Number.isFinite(last) ? { lastActivityAt: new Date(last).toISOString(), lastActivityKind: kind } : {}),
    daysInactive,
    inactive: Number.isFinite(last) && daysInactive >= threshold,
    inactiveAfterDays: threshold,
  };
}

/** Pairs that have gone quiet or whose check-in is overdue, worst first (for admins' health view). */
export function relationshipHealth<TPair extends { pairingId: string }>(
  pairs: ReadonlyArray<TPair & { activity: PairActivity; checkIn?: NextCheckIn }>,
): Array<TPair & { activity: PairActivity; checkIn?: NextCheckIn; attention: boolean }> {
  return pairs
    .map((pair) => ({ ...pair, attention: pair.activity.inactive || (pair.checkIn?.overdue ?? false) }))
    .sort(
      (a, b) =>
        Number(b.attention) - Number(a.attention) ||
        b.activity.daysInactive - a.activity.daysInactive ||
        (b.checkIn?.overdueDays ?? 0) - (a.checkIn?.overdueDays ?? 0),
    );
}

/** A reason for a level suggestion as a stable code (a key of `CHECKIN_MESSAGES.reasons`) and its parameters (`level`/`suggested` are level ids). */
export interface CheckInReason {
  code: keyof CheckInMessages['reasons'];
  params: Record<string, string | number>;
}

/**
 * A reason in a catalogue's words (`CHECKIN_MESSAGES` or a host's own with the same keys): the
 * sentence `suggestCheckInLevel` puts in `reasons`, with the levels of `overridden` named by the catalogue.
 */
export function checkInReasonText(reason: CheckInReason, catalogue: CheckInMessages = CHECKIN_MESSAGES): string {
  return fillTemplate(
    catalogue.reasons[reason.code],
    reason.code === 'overridden'
      ? { level: catalogue.levels[reason.params.level as CheckInLevel], suggested: catalogue.levels[reason.params.suggested as CheckInLevel] }
      : reason.params,
  );
}

export interface NudgeRequest {
  pairingId: string;
  menteeId: string;
  mentorIds: string[];
  /** Everyone who may get a nudge, with zone and hours (the agreement's participants fit). */
  people: NudgePerson[];
  checkIn?: NextCheckIn;
  activity?: PairActivity;
  now: string;
  messages?: CheckInMessages;
  /** The language of the nudges, e.g. `es` (the registered catalogue, and names joined the language's way); `messages` win. Default English. */
  locale?: string;
}

/**
 * Nudges for the right person at a sensible local hour: a check-in due soon or overdue goes to the
 * lead mentor (who owns check-ins); once it is overdue by a whole interval the mentee is nudged too,
 * to suggest a time; a pair gone quiet nudges everyone in it.
 */
export function checkInNudges(request: NudgeRequest): Nudge[] {
  if (typeof request !== 'object' || request === null)
    invalidInput('', 'checkInNudges needs { pairingId, menteeId, mentorIds, people, checkIn?, activity?, now }.');
  requireNow(request.now);
  const catalogue = request.messages ?? checkInMessagesFor(request.locale);
  const byId = new Map(requireList<NudgePerson>(request.people, 'people').map((person) => [person.personId, person]));
  const name = (id: string) => byId.get(id)?.displayName ?? id;
  const leadMentor = request.mentorIds[0];
  const nudges: Nudge[] = [];
  const add = (kind: Nudge['kind'], personId: string | undefined, code: Nudge['code'], params: Nudge['params']) => {
    const person = personId ? byId.get(personId) : undefined;
    if (!person || nudges.some((nudge) => nudge.personId === personId && nudge.kind === kind)) return;
    nudges.push({
      kind,
      personId: person.personId,
      pairingId: request.pairingId,
      ...sensibleSendTime(person, request.now),
      message: fillTemplate(catalogue.nudges[code], params),
      code,
      params,
    });
  };
  const checkIn = request.checkIn;
  if (checkIn && leadMentor && !checkIn.coveredByNextSession) {
    if (checkIn.overdue) {
      add('check-in-overdue', leadMentor, 'check-in-overdue', { other: name(request.menteeId), days: checkIn.overdueDays });
      if (checkIn.overdueDays >= checkIn.intervalDays) add('check-in-overdue', request.menteeId, 'check-in-overdue-mentee', { other: name(leadMentor) });
    } else if (checkIn.dueSoon) {
      add('check-in-due-soon', leadMentor, 'check-in-due-soon', { other: name(request.menteeId), date: checkIn.dueAt.slice(0, 10) });
    }
  }
  if (request.activity?.inactive) {
    for (const personId of [request.menteeId, ...request.mentorIds]) {
      const others = joinNames([request.menteeId, ...request.mentorIds].filter((id) => id !== personId).map(name), request.locale);
      add('pair-inactive', personId, 'pair-inactive', { other: others, days: request.activity.daysInactive });
    }
  }
  return nudges;
}

export interface SuggestLevelRequest {
  current: CheckInLevel;
  /** Feedback on recent sessions (the latest `recentCount` count). */
  feedback?: CheckInFeedback[];
  /** The mentee's goals with their status from `goalProgress`. */
  goals?: CheckInGoal[];
  /** Recent sessions (missed ones count against). */
  sessions?: CheckInSession[];
  /** A level chosen by the pair or an admin: it wins, the suggestion is still explained. */
  override?: CheckInLevel;
  messages?: CheckInMessages;
  /** The language of the reasons, e.g. `es` (the registered catalogue); `messages` win. Default English. */
  locale?: string;
  /** How many of the latest ratings and sessions count. Default 3. */
  recentCount?: number;
}

export interface LevelSuggestion {
  /** The level to use: `override` when given, else `suggested`. */
  level: CheckInLevel;
  suggested: CheckInLevel;
  current: CheckInLevel;
  change: 'more' | 'less' | 'keep';
  overridden: boolean;
  /** Why, in words (from the catalogue). */
  reasons: string[];
  /** The same reasons as codes and parameters, in the same order (for translating elsewhere). */
  reasonCodes: CheckInReason[];
}

const LEVEL_ORDER: readonly CheckInLevel[] = ['light-touch', 'regular', 'high-touch'];

/**
 * Suggests a check-in level, always explained and overridable. More hand-holding when the latest
 * ratings average 2.5 or less, a goal is behind or missed, half the open goals are at risk, or two
 * of the latest sessions were missed; less when at least two latest ratings average 4.5 or more,
 * every open goal is on track (or achieved) and no session was missed; otherwise keep.
 */
export function suggestCheckInLevel(request: SuggestLevelRequest): LevelSuggestion {
  if (typeof request !== 'object' || request === null) invalidInput('', 'suggestCheckInLevel needs { current, feedback?, goals?, sessions?, override? }.');
  const current = requireLevel(request.current, 'current');
  const override = request.override === undefined ? undefined : requireLevel(request.override, 'override');
  const catalogue = request.messages ?? checkInMessagesFor(request.locale);
  const recentCount = request.recentCount ?? 3;
  if (!Number.isInteger(recentCount) || recentCount < 1 || recentCount > 50) invalidInput('recentCount', '`recentCount` must be a whole number from 1 to 50.');
  const feedback = requireList<CheckInFeedback>(request.feedback, 'feedback');
  feedback.forEach((entry, index) => {
    if (typeof entry?.rating !== 'number' || !Number.isFinite(entry.rating) || entry.rating < 1 || entry.rating > 5)
      invalidInput(`feedback[${index}].rating`, `\`feedback[${index}].rating\` must be a rating from 1 to 5.`);
  });
  const when = (entry: CheckInFeedback) => timeOf(entry.submittedAt ?? entry.createdAt ?? entry.updatedAt);
  const recent = [...feedback].sort((a, b) => (when(b) || 0) - (when(a) || 0)).slice(0, recentCount);
  const average = recent.length > 0 ? Math.round((recent.reduce((sum, entry) => sum + entry.rating, 0) / recent.length) * 10) / 10 : undefined;
  const goals = requireList<CheckInGoal>(request.goals, 'goals').filter((goal) => !goal.archived);
  const open = goals.filter((goal) => goal.status !== 'achieved' && goal.status !== 'missed');
  const behind = goals.filter((goal) => goal.status === 'behind' || goal.status === 'missed').length;
  const atRisk = open.filter((goal) => goal.status === 'at-risk').length;
  const sessions = requireList<CheckInSession>(request.sessions, 'sessions')
    .filter((session) => session.status === 'held' || session.status === 'missed')
    .sort((a, b) => timeOf(b.start) - timeOf(a.start))
    .slice(0, recentCount);
  const missed = sessions.filter((session) => session.status === 'missed').length;

  const more: CheckInReason[] = [];
  if (average !== undefined && average <= 2.5) more.push({ code: 'lowRatings', params: { average } });
  if (behind > 0) more.push({ code: 'goalsBehind', params: { count: behind } });
  if (open.length > 0 && atRisk * 2 >= open.length) more.push({ code: 'goalsAtRisk', params: {} });
  if (missed >= 2) more.push({ code: 'missedSessions', params: { count: missed } });
  const thriving =
    more.length === 0 &&
    average !== undefined &&
    recent.length >= 2 &&
    average >= 4.5 &&
    missed === 0 &&
    goals.length > 0 &&
    open.every((goal) => goal.status === 'on-track');

  const index = LEVEL_ORDER.indexOf(current);
  let suggested = current;
  let change: LevelSuggestion['change'] = 'keep';
  const reasonCodes: CheckInReason[] = [];
  if (more.length > 0) {
    reasonCodes.push(...more);
    if (index < LEVEL_ORDER.length - 1) {
      suggested = LEVEL_ORDER[index + 1]!;
      change = 'more';
    } else reasonCodes.push({ code: 'alreadyHighest', params: {} });
  } else if (thriving) {
    reasonCodes.push({ code: 'thriving', params: { average: average! } });
    if (index > 0) {
      suggested = LEVEL_ORDER[index - 1]!;
      change = 'less';
    } else reasonCodes.push({ code: 'alreadyLightest', params: {} });
  } else {
    reasonCodes.push({ code: average === undefined && goals.length === 0 ? 'noData' : 'steady', params: {} });
  }
  if (override !== undefined && override !== suggested) reasonCodes.push({ code: 'overridden', params: { level: override, suggested } });
  const reasons = reasonCodes.map((reason) => checkInReasonText(reason, catalogue));
  return { level: override ?? suggested, suggested, current, change, overridden: override !== undefined && override !== suggested, reasons, reasonCodes };
}

export interface PairingCheckInRequest {
  pairing: { id: string; menteeId: string; mentorIds: readonly string[]; startedOn?: string };
  /** The pair's agreement as `agreementCheckInInput` gives it; without one there is no check-in schedule (only activity). */
  agreement?: CheckInAgreement;
  /** The pair's sessions, messages and goals (others are ignored by `pairingId` when they carry one). */
  sessions?: Array<CheckInSession & { pairingId?: string | undefined }>;
  messages?: Array<CheckInMessage & { pairingId?: string | undefined }>;
  goals?: Array<CheckInGoal & { pairingId?: string | undefined }>;
  /** Profiles of the pair's members (zone, hours, off-limits days, name): used for those the agreement does not list. */
  people?: NudgePerson[];
  now: string;
  inactiveAfterDays?: number;
  /** Language of the nudges (see `checkInNudges`). */
  locale?: string;
  catalogue?: CheckInMessages;
}

export interface PairingCheckIn {
  checkIn?: NextCheckIn;
  activity: PairActivity;
  /** Everyone in the pair with the zone and hours nudges are timed by: the agreement's terms first, else their profile (UTC when unknown). */
  people: NudgePerson[];
  nudges: Nudge[];
}

/**
 * The people a pairing's check-in nudges go to: the agreement's participants with their agreed zones,
 * hours and off-limits days (names from `profiles`), then the pairing's other members (a co-mentor
 * who does not join sessions) as `profiles` has them, else in UTC. Used by `pairingCheckIn` (the
 * server's reminders) and the check-ins view.
 */
export function checkInPeople(
  pairing: { menteeId: string; mentorIds: readonly string[] },
  participants: CheckInAgreement['participants'],
  profiles: ReadonlyMap<string, NudgePerson>,
): NudgePerson[] {
  return [
    ...participants.map((participant) => ({
      personId: participant.personId,
      ...(profiles.get(participant.personId)?.displayName !== undefined ? { displayName: profiles.get(participant.personId)!.displayName! } : {}),
      timeZone: participant.timeZone,
      workingHours: participant.workingHours as NudgePerson['workingHours'],
      offLimitsDays: participant.offLimitsDays,
      offLimitsDates: participant.offLimitsDates,
    })),
    ...[pairing.menteeId, ...pairing.mentorIds]
      .filter((personId) => !participants.some((participant) => participant.personId === personId))
      .map((personId) => profiles.get(personId) ?? { personId, timeZone: 'UTC' }),
  ];
}

/**
 * Everything the check-in view and the server's reminders compute for one pairing, from its records:
 * the next check-in (when there is an agreement; days counted on the lead mentor's calendar, who gets
 * the check-in nudges), the pair's activity, and the nudges. The pairing's start (`startedOn`) counts
 * as the start of the first interval and of the quiet period when nothing happened yet.
 */
export function pairingCheckIn(request: PairingCheckInRequest): PairingCheckIn {
  if (typeof request !== 'object' || request === null || typeof request.pairing !== 'object' || request.pairing === null)
    invalidInput('pairing', 'pairingCheckIn needs { pairing, agreement?, sessions?, messages?, goals?, people?, now }.');
  const { pairing } = request;
  const ofPair = <T extends { pairingId?: string | undefined }>(list: T[] | undefined, path: string) =>
    requireList<T>(list, path).filter((entry) => entry.pairingId === undefined || entry.pairingId === pairing.id);
  const sessions = ofPair(request.sessions, 'sessions');
  const messages = ofPair(request.messages, 'messages');
  const goals = ofPair(request.goals, 'goals');
  const startedAt = pairing.startedOn ? `${pairing.startedOn}T00:00:00Z` : undefined;
  const profiles = new Map(requireList<NudgePerson>(request.people, 'people').map((person) => [person.personId, person]));
  const people = checkInPeople(pairing, request.agreement?.participants ?? [], profiles);
  const leadZone = people.find((person) => person.personId === pairing.mentorIds[0])?.timeZone ?? 'UTC';
  const checkIn = request.agreement
    ? nextCheckIn({
        agreement: request.agreement,
        sessions,
        messages,
        mentorIds: [...pairing.mentorIds],
        ...(startedAt ? { startedAt } : {}),
        now: request.now,
        timeZone: leadZone,
      })
    : undefined;
  const activity = pairActivity({
    sessions,
    messages,
    goals,
    ...(startedAt ? { startedAt } : {}),
    now: request.now,
    ...(request.inactiveAfterDays !== undefined ? { inactiveAfterDays: request.inactiveAfterDays } : {}),
  });
  const nudges = checkInNudges({
    pairingId: pairing.id,
    menteeId: pairing.menteeId,
    mentorIds: [...pairing.mentorIds],
    people,
    ...(checkIn ? { checkIn } : {}),
    activity,
    now: request.now,
    ...(request.catalogue ? { messages: request.catalogue } : {}),
    ...(request.locale ? { locale: request.locale } : {}),
  });
  return { ...(checkIn ? { checkIn } : {}), activity, people, nudges };
}
