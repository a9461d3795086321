import { DateTime } from 'luxon';
import { isInstant } from '../model/formats.js';
import { invalidInput } from '../model/validate.js';
import { inconvenienceAt, notesAt, resolveOptions, type InconvenienceNote, type InconvenienceOptions } from './fairness.js';
import { outsideWorkingHoursAt, suggestMeetingTimesOrOutOfHours, type OutOfHoursReach } from './out-of-hours.js';
import {
  MAX_SERIES_LENGTH,
  recurringSessionTimes,
  SCHEDULING_MESSAGES,
  schedulingMessagesFor,
  type Occurrence,
  type RecurringCadence,
  type SkippedOccurrence,
} from './recurrence.js';
import { localIsoOf, type SlotParticipant } from './slots.js';

/**
 * Taking turns with the early and late hours (documented in docs/scheduling.md, "Taking turns").
 *
 * A series booked at one wall-clock time puts the same person at the same early or late hour every
 * time — for a year, if nobody thinks about it. A **rotating series** keeps a per-pair **ledger** of the
 * inconvenience each person has carried (points, as `inconvenienceAt` counts them, and how many early,
 * late and night meetings) and gives each session to the time that is fairest given that ledger:
 *
 * 1. Dates follow the cadence in the organiser's calendar, exactly as `recurringSessionTimes` (the first
 *    session's weekday; monthly by weekday of the month).
 * 2. On each date, the candidates are the slots that start that local day within everyone's working
 *    hours — or, when there are none that day, within everyone's reachable day (`OUT_OF_HOURS_REACH`,
 *    never at night) — that are not busy or off-limits for anyone.
 * 3. The session goes to the candidate with the lowest fairness score given the ledger so far (the
 *    worst-off person's running total, plus a quarter of the slot's total: `suggestMeetingTimes` with
 *    `history`); among equal scores, the one closest to the first session's wall-clock time, then the
 *    earliest. So a time that costs nobody anything stays put, and when someone has to stretch, the
 *    person who stretched less so far stretches next — the early and late turns alternate.
 * 4. Its inconvenience is added to the ledger; a date with no candidate is skipped (`no-common-time`).
 *
 * The first session is the one chosen (`firstStart`), as chosen.
 */

export interface LedgerEntry {
  /** Inconvenience points carried (the sum of `inconvenienceAt` over the sessions). */
  points: number;
  /** Sessions that were early, late or at night for this person (`notesAt`). */
  early: number;
  late: number;
  night: number;
  /** Sessions counted for this person. */
  sessions: number;
}

export type InconvenienceLedger = Record<string, LedgerEntry>;

const round = (value: number) => Math.round(value * 100) / 100;
const emptyEntry = (): LedgerEntry => ({ points: 0, early: 0, late: 0, night: 0, sessions: 0 });

function checkParticipantZones(participants: unknown): ReadonlyArray<{ id: string; timeZone: string }> {
  if (!Array.isArray(participants) || participants.length === 0) invalidInput('participants', '`participants` must be a list of people { id, timeZone }.');
  return participants as ReadonlyArray<{ id: string; timeZone: string }>;
}

/** Adds one meeting to a ledger (in place) and returns it. */
export function addToLedger(
  ledger: InconvenienceLedger,
  start: number,
  duration: number,
  participants: ReadonlyArray<{ id: string; timeZone: string }>,
  options?: InconvenienceOptions,
): InconvenienceLedger {
  const resolved = resolveOptions(options);
  const notes = notesAt(start, duration, participants, resolved);
  for (const participant of participants) {
    const entry = Object.hasOwn(ledger, participant.id)
      ? ledger[participant.id]!
      : (Object.defineProperty(ledger, participant.id, { value: emptyEntry(), enumerable: true, writable: true, configurable: true }), ledger[participant.id]!);
    entry.points = round(entry.points + inconvenienceAt(participant.timeZone, start, duration, resolved));
    entry.sessions += 1;
    const note = notes.find((candidate) => candidate.participantId === participant.id);
    if (note) entry[note.kind] += 1;
  }
  return ledger;
}

/**
 * A pair's ledger from its sessions: for each person, the points they carried and how many of the
 * sessions were early, late or at night by their own clock. Scheduled and held sessions count;
 * cancelled and missed ones do not. When a session lists `participantIds`, only those people carried it.
 */
export function inconvenienceLedger(
  sessions: ReadonlyArray<{ start: string; end: string; status?: string | undefined; participantIds?: readonly string[] | undefined }>,
  participants: ReadonlyArray<{ id: string; timeZone: string }>,
  options?: InconvenienceOptions,
): InconvenienceLedger {
  checkParticipantZones(participants);
  if (!Array.isArray(sessions)) invalidInput('sessions', '`sessions` must be a list of sessions { start, end }.');
  const ledger: InconvenienceLedger = {};
  for (const participant of participants)
    Object.defineProperty(ledger, participant.id, { value: emptyEntry(), enumerable: true, writable: true, configurable: true });
  sessions.forEach((session, index) => {
    if (session.status === 'cancelled' || session.status === 'missed') return;
    if (!isInstant(session.start) || !isInstant(session.end) || Date.parse(session.end) <= Date.parse(session.start))
      invalidInput(`sessions[${index}]`, `\`sessions[${index}]\` needs ISO instants \`start\` and \`end\`, end after start.`);
    const present = session.participantIds ? participants.filter((participant) => session.participantIds!.includes(participant.id)) : participants;
    const start = Math.floor(Date.parse(session.start) / 60_000);
    addToLedger(ledger, start, Math.max(1, Math.ceil(Date.parse(session.end) / 60_000) - start), present, options);
  });
  return ledger;
}

/** The points of a ledger, as `history` for `suggestMeetingTimes`. */
export const ledgerPoints = (ledger: InconvenienceLedger): Record<string, number> =>
  Object.fromEntries(Object.entries(ledger).map(([id, entry]) => [id, entry.points]));

export interface RotatingSeriesRequest {
  /** Everyone's zone, working hours, off-limits days and dates, busy times (`SlotParticipant`). */
  participants: readonly SlotParticipant[];
  /** The first session, as chosen (instant). */
  firstStart: string;
  durationMinutes: number;
  /** The organiser's IANA zone: the dates follow the cadence in their calendar. */
  timeZone: string;
  cadence: RecurringCadence;
  /** Sessions to produce. Default 6; at most 104. */
  count?: number;
  /** Last local date (organiser's calendar, inclusive). */
  until?: string;
  monthlyWeek?: 1 | 2 | 3 | 4 | -1;
  /** The pair's ledger before this series (`inconvenienceLedger` of its sessions). Default: nobody has carried anything. */
  ledger?: InconvenienceLedger;
  /** Grid of candidate starts in minutes since the Unix epoch. Default 15. */
  stepMinutes?: number;
  reach?: OutOfHoursReach;
  options?: InconvenienceOptions;
  /** The language of `description`. */
  locale?: string;
}

export interface RotatingOccurrence extends Occurrence {
  /** This session's inconvenience per person (points). */
  inconvenience: Record<string, number>;
  notes: InconvenienceNote[];
  /** True when it is outside someone's working hours (there was no common working time that day). */
  outOfHours: boolean;
}

export interface RotatingSkippedOccurrence extends Omit<SkippedOccurrence, 'reason'> {
  reason: SkippedOccurrence['reason'] | 'no-common-time';
}

export interface RotatingSeriesResult {
  occurrences: RotatingOccurrence[];
  skipped: RotatingSkippedOccurrence[];
  /** The ledger after the series (the one given, plus every session of it). */
  ledger: InconvenienceLedger;
  /** The rule in words, e.g. "Every Tuesday, taking turns with early and late times (America/New York)". */
  description: string;
}

/**
 * A recurring series whose sessions take turns with the early and late hours (the rule above). Every
 * session fits everyone's hours (working hours, or the reachable day when there is no common working
 * time that day), is never at night, and never on an off-limits day or a busy time.
 */
export function rotatingSessionTimes(request: RotatingSeriesRequest): RotatingSeriesResult {
  if (typeof request !== 'object' || request === null)
    invalidInput('', 'rotatingSessionTimes needs { participants, firstStart, durationMinutes, timeZone, cadence, count? }.');
  const participants = checkParticipantZones(request.participants) as readonly SlotParticipant[];
  const options = resolveOptions(request.options);
  const count = request.count ?? (request.until === undefined ? 6 : MAX_SERIES_LENGTH);
  if (!Number.isInteger(count) || count < 1 || count > MAX_SERIES_LENGTH)
    invalidInput('count', `\`count\` must be a whole number of sessions from 1 to ${MAX_SERIES_LENGTH}.`);
  // The dates of the cadence in the organiser's calendar (validates firstStart, duration, zone, cadence, until).
  const dates = recurringSessionTimes({
    firstStart: request.firstStart,
    durationMinutes: request.durationMinutes,
    timeZone: request.timeZone,
    cadence: request.cadence,
    count: MAX_SERIES_LENGTH,
    ...(request.until !== undefined ? { until: request.until } : {}),
    ...(request.monthlyWeek !== undefined ? { monthlyWeek: request.monthlyWeek } : {}),
  }).occurrences;
  const ledger: InconvenienceLedger = {};
  for (const participant of participants)
    Object.defineProperty(ledger, participant.id, {
      value: { ...emptyEntry(), ...(request.ledger?.[participant.id] ?? {}) },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  const duration = request.durationMinutes;
  const first = DateTime.fromISO(request.firstStart, { setZone: true }).setZone(request.timeZone);
  const anchorMinute = first.hour * 60 + first.minute;
  const occurrences: RotatingOccurrence[] = [];
  const skipped: RotatingSkippedOccurrence[] = [];
  const booked: Array<{ start: string; end: string }> = [];
  const take = (start: number, localDate: string, outOfHours: boolean) => {
    const inconvenience: Record<string, number> = {};
    for (const participant of participants)
      Object.defineProperty(inconvenience, participant.id, {
        value: inconvenienceAt(participant.timeZone, start, duration, options),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    addToLedger(ledger, start, duration, participants, options);
    const startIso = new Date(start * 60_000).toISOString().replace('.000Z', 'Z');
    const endIso = new Date((start + duration) * 60_000).toISOString().replace('.000Z', 'Z');
    booked.push({ start: startIso, end: endIso });
    occurrences.push({
      start: startIso,
      end: endIso,
      localStart: localIsoOf(request.timeZone, start),
      localDate,
      shifted: false,
      inconvenience,
      notes: notesAt(start, duration, participants, options),
      outOfHours,
    });
  };
  for (const date of dates) {
    if (occurrences.length >= count) break;
    if (occurrences.length === 0) {
      take(Math.floor(Date.parse(request.firstStart) / 60_000), date.localDate, outsideWorkingHoursAt(participants, request.firstStart, duration).length > 0);
      continue;
    }
    const dayStart = DateTime.fromISO(date.localDate, { zone: request.timeZone }).startOf('day');
    const from = dayStart.toUTC().toISO()!;
    const to = new Date(dayStart.plus({ days: 1 }).toMillis() + duration * 60_000).toISOString();
    const lastStart = Math.floor(dayStart.plus({ days: 1 }).toMillis() / 60_000);
    const { slots, outOfHours } = suggestMeetingTimesOrOutOfHours({
      participants: participants.map((participant) => ({ ...participant, busy: [...(participant.busy ?? []), ...booked] })),
      from,
      to,
      durationMinutes: duration,
      ...(request.stepMinutes !== undefined ? { stepMinutes: request.stepMinutes } : {}),
      ...(request.reach !== undefined ? { reach: request.reach } : {}),
      options,
      history: ledgerPoints(ledger),
    });
    const onThatDay = slots.filter((slot) => Date.parse(slot.start) / 60_000 < lastStart);
    const best =
      onThatDay.length === 0
        ? undefined
        : onThatDay.reduce((winner, slot) => {
            if (slot.score !== winner.score) return slot.score < winner.score ? slot : winner;
            const distance = (candidate: typeof slot) => {
              const local = DateTime.fromISO(candidate.start).setZone(request.timeZone);
              return Math.abs(local.hour * 60 + local.minute - anchorMinute);
            };
            const a = distance(slot);
            const b = distance(winner);
            return a < b || (a === b && slot.start < winner.start) ? slot : winner;
          });
    if (!best) {
      skipped.push({ localDate: date.localDate, start: date.start, reason: 'no-common-time' });
      continue;
    }
    take(Math.floor(Date.parse(best.start) / 60_000), date.localDate, outOfHours || best.outsideWorkingHours.length > 0);
  }
  const series = schedulingMessagesFor(request.locale);
  const words = series.rotating ?? SCHEDULING_MESSAGES.rotating;
  const ordinal = Math.ceil(first.day / 7) >= 5 || request.monthlyWeek === -1 ? 'last' : String(request.monthlyWeek ?? Math.ceil(first.day / 7));
  const description = words[request.cadence].replace(
    /\{(\w+)\}/g,
    (whole, key: string) =>
      ({ weekday: series.weekdays[first.weekday] ?? '', ordinal: series.ordinals[ordinal as '1'] ?? '', zone: request.timeZone.replaceAll('_', ' ') })[key] ??
      whole,
  );
  return { occurrences, skipped, ledger, description };
}
