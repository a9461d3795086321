import { invalidInput } from '../model/validate.js';
import { commonFreeMinutes, slotAt, slotStarts, type CommonSlot, type FindCommonSlotsRequest } from './slots.js';
import { offsetPieces } from './zone-offsets.js';

/**
 * Fairness scoring (documented in docs/scheduling.md).
 *
 * Each minute of a meeting costs a participant points by their local wall-clock time:
 * - inside the comfortable day (09:00–18:00 by default): 0;
 * - early (before 09:00) or late (from 18:00): 1 point per hour away from the comfortable day
 *   (a minute at 07:00 costs 2 points per hour, at 20:30 2.5);
 * - night (before 06:00 or from 22:00) costs 3 more on top.
 * A slot's inconvenience for a person is the average cost over its minutes (points per hour of
 * meeting, rounded to 0.01). A meeting 08:00–09:00 is 0.5; 22:00–23:00 is 7.5.
 *
 * Over a series, inconvenience adds up. A slot's score is the largest running total after the slot
 * (`history` + this slot, the worst-off person first: minimax), plus a quarter of the slot's total
 * across everyone (so, among equally fair slots, the one that costs least overall wins), then
 * earlier first. Lower is better. Feed back the totals (`burdenAfter`) as `history` for the next
 * session and the early/late burden rotates between time zones instead of landing on one person.
 */
export interface InconvenienceOptions {
  /** Start of the comfortable day, minutes since local midnight. Default 540 (09:00). */
  comfortStartMinute?: number;
  /** End of the comfortable day (exclusive). Default 1080 (18:00). */
  comfortEndMinute?: number;
  /** Start of the night. Default 1320 (22:00). */
  nightStartMinute?: number;
  /** End of the night (exclusive). Default 360 (06:00). */
  nightEndMinute?: number;
  /** Extra points per hour at night. Default 3. */
  nightPenalty?: number;
  /** Weight of the total across everyone, next to the worst-off person's running total. Default 0.25. */
  totalWeight?: number;
}

export const DEFAULT_INCONVENIENCE: Required<InconvenienceOptions> = {
  comfortStartMinute: 540,
  comfortEndMinute: 1080,
  nightStartMinute: 1320,
  nightEndMinute: 360,
  nightPenalty: 3,
  totalWeight: 0.25,
};

export interface SuggestMeetingTimesRequest extends FindCommonSlotsRequest {
  /**
   * Inconvenience already carried by each participant in this series (the `burdenAfter` of the
   * previous session, or the sum of `inconvenienceOf` over past sessions). Default: 0 for everyone.
   */
  history?: Record<string, number>;
  options?: InconvenienceOptions;
}

export interface InconvenienceNote {
  participantId: string;
  kind: 'early' | 'late' | 'night';
  /** Local start `HH:MM`. */
  localStart: string;
}

export interface SuggestedSlot extends CommonSlot {
  /** Lower is better. */
  score: number;
  /** This slot's inconvenience per participant (points per hour of meeting). */
  inconvenience: Record<string, number>;
  /** Running totals after this slot (history + inconvenience): pass as `history` next time. */
  burdenAfter: Record<string, number>;
  /** Who gets an early, late or night meeting, for explaining the ranking. */
  notes: InconvenienceNote[];
}

/** The scoring options with their defaults, validated (`invalid-input` with the offending `options.*` path). */
export function resolveOptions(options: InconvenienceOptions | undefined): Required<InconvenienceOptions> {
  if (options === undefined) return DEFAULT_INCONVENIENCE;
  if (typeof options !== 'object' || options === null) invalidInput('options', '`options` must be an object such as { comfortStartMinute: 480 }.');
  const resolved = { ...DEFAULT_INCONVENIENCE };
  for (const key of Object.keys(DEFAULT_INCONVENIENCE) as Array<keyof InconvenienceOptions>) {
    const value = options[key];
    if (value === undefined) continue;
    const max = key === 'nightPenalty' || key === 'totalWeight' ? 100 : 1440;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max)
      invalidInput(`options.${key}`, `\`options.${key}\` must be a number from 0 to ${max}.`);
    resolved[key] = value;
  }
  if (resolved.comfortStartMinute >= resolved.comfortEndMinute)
    invalidInput('options.comfortEndMinute', '`options.comfortEndMinute` must be after `comfortStartMinute`.');
  return resolved;
}

/** Points for one minute at local minute-of-day `minute`. */
export function minuteCost(minute: number, options: Required<InconvenienceOptions> = DEFAULT_INCONVENIENCE): number {
  let cost = 0;
  // Measured at the middle of the minute, so an hour 08:00-09:00 averages exactly 0.5.
  if (minute < options.comfortStartMinute) cost = (options.comfortStartMinute - minute - 0.5) / 60;
  else if (minute >= options.comfortEndMinute) cost = (minute - options.comfortEndMinute + 0.5) / 60;
  if (isNightMinute(minute, options)) cost += options.nightPenalty;
  return cost;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Inconvenience (points per hour of meeting) of `[start, start + duration)` epoch minutes for someone in `timeZone`. */
export function inconvenienceAt(timeZone: string, start: number, duration: number, options: Required<InconvenienceOptions> = DEFAULT_INCONVENIENCE): number {
  let total = 0;
  for (const piece of offsetPieces(timeZone, start, start + duration)) {
    for (let minute = piece.start; minute < piece.end; minute++) {
      const local = (((minute + piece.offset) % 1440) + 1440) % 1440;
      total += minuteCost(local, options);
    }
  }
  return round(total / duration);
}

/**
 * The inconvenience of an existing session for each participant (to build `history` from the
 * sessions already held in a series).
 */
export function inconvenienceOf(
  session: { start: string; end: string },
  participants: ReadonlyArray<{ id: string; timeZone: string }>,
  options?: InconvenienceOptions,
): Record<string, number> {
  const resolved = resolveOptions(options);
  const start = Date.parse(session.start);
  const end = Date.parse(session.end);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start)
    invalidInput('session', '`session` needs ISO instants `start` and `end`, end after start.');
  const result: Record<string, number> = {};
  const startMinute = Math.floor(start / 60_000);
  const duration = Math.max(1, Math.ceil(end / 60_000) - startMinute);
  for (const participant of participants) result[participant.id] = inconvenienceAt(participant.timeZone, startMinute, duration, resolved);
  return result;
}

/**
 * The slots of `findCommonSlots`, ranked so that early-morning and late-evening inconvenience is
 * shared fairly across time zones over a series (see the scoring above). `limit` keeps the best
 * ranked, not the earliest.
 */
export function suggestMeetingTimes(request: SuggestMeetingTimesRequest): SuggestedSlot[] {
  const options = resolveOptions((request as { options?: InconvenienceOptions } | undefined)?.options);
  const { free, compiled } = commonFreeMinutes({ ...request, limit: undefined });
  const history = request.history ?? {};
  if (typeof history !== 'object' || history === null || Array.isArray(history))
    invalidInput('history', '`history` must map participant ids to inconvenience points, e.g. { kenji: 2.5 }.');
  const ids = new Set(compiled.participants.map((participant) => participant.id));
  for (const [id, value] of Object.entries(history)) {
    if (!ids.has(id)) invalidInput(`history.${id}`, `\`history\` names "${id}", who is not a participant.`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      invalidInput(`history.${id}`, `\`history.${id}\` must be a number of points, 0 or more.`);
  }
  const limitInput = (request as { limit?: unknown }).limit;
  if (limitInput !== undefined && (typeof limitInput !== 'number' || !Number.isInteger(limitInput) || limitInput < 0))
    invalidInput('limit', '`limit` must be a whole number of suggestions, 0 or more.');
  const limit = limitInput === undefined ? Number.POSITIVE_INFINITY : (limitInput as number);
  const starts = slotStarts(free, { ...compiled, limit: Number.POSITIVE_INFINITY });
  const ranked = starts.map((start) => {
    const inconvenience: Record<string, number> = {};
    const burdenAfter: Record<string, number> = {};
    const notes: InconvenienceNote[] = [];
    let worst = 0;
    let total = 0;
    for (const participant of compiled.participants) {
      const cost = inconvenienceAt(participant.timeZone, start, compiled.duration, options);
      const after = round((history[participant.id] ?? 0) + cost);
      Object.defineProperty(inconvenience, participant.id, { value: cost, enumerable: true, writable: true, configurable: true });
      Object.defineProperty(burdenAfter, participant.id, { value: after, enumerable: true, writable: true, configurable: true });
      worst = Math.max(worst, after);
      total += cost;
    }
    return { start, inconvenience, burdenAfter, notes, score: round(worst + options.totalWeight * total) };
  });
  ranked.sort((a, b) => a.score - b.score || a.start - b.start);
  return ranked.slice(0, limit).map(({ start, inconvenience, burdenAfter, score }) => {
    const slot = slotAt(start, compiled.duration, compiled.participants);
    return { ...slot, score, inconvenience, burdenAfter, notes: notesAt(start, compiled.duration, compiled.participants, options) };
  });
}

/** True when `minute` (since local midnight) is in the night, `nightStartMinute`–`nightEndMinute` (22:00–06:00 by default). */
export function isNightMinute(minute: number, options: Required<InconvenienceOptions> = DEFAULT_INCONVENIENCE): boolean {
  return options.nightStartMinute > options.nightEndMinute
    ? minute >= options.nightStartMinute || minute < options.nightEndMinute
    : minute >= options.nightStartMinute && minute < options.nightEndMinute;
}

/**
 * Who gets an early, late or night meeting in `[start, start + duration)` (epoch minutes), each by their
 * own wall clock: `night` when any minute of the meeting falls in the night (22:00–06:00 by default, so a
 * meeting 21:00–22:00 is late, not night), else `early` when it starts before the comfortable day
 * (09:00), else `late` when any of it falls from the end of the comfortable day (18:00).
 */
export function notesAt(
  start: number,
  duration: number,
  participants: ReadonlyArray<{ id: string; timeZone: string }>,
  options: Required<InconvenienceOptions> = DEFAULT_INCONVENIENCE,
): InconvenienceNote[] {
  const notes: InconvenienceNote[] = [];
  for (const participant of participants) {
    let night = false;
    let early = false;
    let late = false;
    let first: number | undefined;
    for (const piece of offsetPieces(participant.timeZone, start, start + duration)) {
      for (let minute = piece.start; minute < piece.end; minute++) {
        const local = (((minute + piece.offset) % 1440) + 1440) % 1440;
        first ??= local;
        if (options.nightPenalty > 0 && isNightMinute(local, options)) night = true;
        else if (local < options.comfortStartMinute) early = true;
        else if (local >= options.comfortEndMinute) late = true;
      }
    }
    const localStart = `${String(Math.floor((first ?? 0) / 60)).padStart(2, '0')}:${String((first ?? 0) % 60).padStart(2, '0')}`;
    const kind = night ? 'night' : early ? 'early' : late ? 'late' : undefined;
    if (kind) notes.push({ participantId: participant.id, kind, localStart });
  }
  return notes;
}
