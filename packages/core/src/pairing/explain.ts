import { isCalendarDate } from '../model/formats.js';
import { invalidInput } from '../model/validate.js';
import { computeMatch, resolveWeights, type MatchWeights, type MenteeProfile, type MentorProfile, type ScoreOptions } from './score.js';

/**
 * Why a pair fits, for the weeks it actually runs and in the language it is read in.
 *
 * Reasons quote local clock times ("Mon–Fri 13:30–16:30 London = 14:30–17:30 Lagos"), and those
 * depend on the zone rules of the week: the same working hours overlap differently in June and in
 * December when only one of the two zones changes its clocks. So reasons are computed for a real week
 * — the Monday of `weekOf` (the week a round's pairings start, or the week they are read) — rather than
 * a fixed reference week, and worded when they are shown (`locale`), not frozen in one language.
 */

/** The Monday (`YYYY-MM-DD`) of the ISO week containing `date`. */
export function mondayOf(date: string): string {
  if (!isCalendarDate(date)) invalidInput('weekOf', '`weekOf` must be a calendar date YYYY-MM-DD, e.g. the date the pairing starts.');
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(year, month - 1, day);
  const weekday = (new Date(utc).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(utc - weekday * 86_400_000).toISOString().slice(0, 10);
}

export interface ExplainPairingRequest {
  mentee: MenteeProfile;
  /** The lead mentor first; a co-mentor second. */
  mentors: readonly MentorProfile[];
  /** A date in the week the reasons speak of: the pairing's start, or today when it is read. */
  weekOf: string;
  /** The language of the reasons (`es` once `registerSpanish()` has run); English by default. */
  locale?: string;
  weights?: Partial<MatchWeights>;
  /** Other scoring options of the programme (overlap target, rules, messages). */
  options?: Omit<ScoreOptions, 'referenceWeek' | 'locale'>;
}

/**
 * The reasons a pair fits, as `scoreMatch` gives them, for the week of `weekOf` and in `locale`. A
 * co-mentor's reasons follow the lead's, each starting with the co-mentor's name.
 */
export function explainPairing(request: ExplainPairingRequest): string[] {
  if (typeof request !== 'object' || request === null) invalidInput('', 'explainPairing needs { mentee, mentors, weekOf }.');
  if (!Array.isArray(request.mentors) || request.mentors.length === 0)
    invalidInput('mentors', '`mentors` must list the lead mentor (and a co-mentor, if any).');
  const options: ScoreOptions = {
    ...request.options,
    referenceWeek: mondayOf(request.weekOf),
    ...(request.locale !== undefined ? { locale: request.locale } : {}),
  };
  const weights = resolveWeights(request.weights);
  const [lead, ...others] = request.mentors;
  const reasons = [...computeMatch(request.mentee, lead!, weights, options, true).reasons];
  for (const other of others) {
    const name = other.displayName ?? other.id;
    reasons.push(
      ...computeMatch(request.mentee, other, weights, options, true)
        .reasons.slice(0, 3)
        .map((reason) => `${name}: ${reason}`),
    );
  }
  return reasons;
}
