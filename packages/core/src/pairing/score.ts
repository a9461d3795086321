import type { MentorAvailability } from '../model/availability.js';
import { withMessages, type PairingMessages } from './messages.js';
import { DEFAULT_REFERENCE_WEEK, weeklyOverlap, weeklyUtcIntervals, type AvailabilityProfile } from './overlap.js';

/** A person as the matcher sees them: the person fields of `@mentorkit/core` (only `id` is required). */
export interface MatchProfile extends AvailabilityProfile {
  id: string;
  displayName?: string | undefined;
  /** IANA zone; default `UTC`. */
  timeZone?: string | undefined;
  workingHours?: Partial<Record<number | string, readonly string[]>> | undefined;
  offLimitsDays?: readonly number[] | undefined;
  /** BCP 47 tags; `pt-BR` and `pt` count as shared. */
  languages?: readonly string[] | undefined;
  /** Mentors: skills held, level 1 (beginner) … 5 (expert). */
  skills?: ReadonlyArray<{ name: string; level: number }> | undefined;
  /** Mentees: skills wanted, priority 1 (nice to have) … 3 (must have), default 2. */
  wantsToLearn?: ReadonlyArray<{ name: string; priority?: number }> | undefined;
  interests?: readonly string[] | undefined;
  /** Mentors: how many mentees at once (default 1). */
  capacity?: number | undefined;
  /** Mentors: whether they take mentees now (`matchMentors` leaves out those away or not taking mentees on `availableOn`). */
  availability?: MentorAvailability | undefined;
  programIds?: readonly string[] | undefined;
  /** Mentors, group mode: the theme of the circle they lead (default: their strongest skill). */
  circleTheme?: string | undefined;
}
export type MenteeProfile = MatchProfile;
export type MentorProfile = MatchProfile;

/** Relative weight of each criterion (any non-negative numbers; the score divides by their sum). */
export interface MatchWeights {
  skills: number;
  availability: number;
  language: number;
  interests: number;
  rules: number;
}

export const DEFAULT_WEIGHTS: Readonly<MatchWeights> = Object.freeze({ skills: 4, availability: 3, language: 1, interests: 1, rules: 1 });
export const CRITERIA = ['skills', 'availability', 'language', 'interests', 'rules'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** A programme rule: scores a pair 0..1 and/or forbids it, with a reason people can read. */
export interface ProgramRule {
  id: string;
  evaluate(mentee: MenteeProfile, mentor: MentorProfile): { score?: number; forbid?: boolean; reason?: string } | undefined | void;
}

export interface ScoreOptions {
  /** Monday (`YYYY-MM-DD`) of the week whose zone rules convert working hours; default `2026-06-15`. Use the programme's start. */
  referenceWeek?: string | undefined;
  /** Hours of overlap per week that count as full availability (default 3). */
  overlapTargetHours?: number | undefined;
  /** A pair without a shared language is forbidden (default `true`); `false` makes language a plain criterion. */
  languageRequired?: boolean | undefined;
  rules?: readonly ProgramRule[] | undefined;
  messages?: Partial<PairingMessages> | undefined;
  /** The language of the reasons, e.g. `es` (once `registerSpanish()` from `@mentorkit/core/es` has run); default English. `messages` win over it. */
  locale?: string | undefined;
}

export interface MatchScore {
  /** Weighted mean of the components, 0..1. */
  score: number;
  /** Each criterion's component, 0..1. */
  breakdown: Record<string, number>;
  reasons: string[];
  /** `false` when a hard rule forbids the pair (no shared language, a programme rule). */
  allowed: boolean;
  /** Why it is forbidden, when it is. */
  blockedBy?: 'language' | 'rules' | undefined;
}

const normal = (text: string) => text.trim().toLowerCase();
const nameOf = (profile: MatchProfile) => profile.displayName ?? profile.id;
const placeOf = (timeZone: string | undefined) => (timeZone ?? 'UTC').split('/').pop()!.replace(/_/g, ' ');
const primaryLanguage = (tag: string) => normal(tag).split('-')[0]!;

/** Weights with defaults filled in; throws `RangeError` (callers turn it into invalid-input) for bad ones. */
export function resolveWeights(weights?: Partial<MatchWeights>): MatchWeights {
  const resolved = { ...DEFAULT_WEIGHTS, ...(weights ?? {}) };
  let sum = 0;
  for (const criterion of CRITERIA) {
    const value = resolved[criterion];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new RangeError(`weights.${criterion}`);
    sum += value;
  }
  if (sum <= 0) throw new RangeError('weights');
  return resolved;
}

function dayList(days: number[], messages: PairingMessages): string {
  const names = messages.weekdays;
  const parts: string[] = [];
  let index = 0;
  while (index < days.length) {
    let end = index;
    while (end + 1 < days.length && days[end + 1] === days[end]! + 1) end++;
    parts.push(
      end - index >= 2
        ? `${names[days[index]! - 1]}–${names[days[end]! - 1]}`
        : days
            .slice(index, end + 1)
            .map((day) => names[day - 1])
            .join(', '),
    );
    index = end + 1;
  }
  return parts.join(', ');
}

/** The skills component: priority-weighted coverage of what the mentee wants by the mentor's levels (level 4+ covers fully). */
export function skillsComponent(
  mentee: MenteeProfile,
  mentor: MentorProfile,
  messages: PairingMessages,
  coveredAlready?: ReadonlyMap<string, number>,
  explain = true,
): { value: number; reasons: string[]; covered: Map<string, number> } {
  const wanted = mentee.wantsToLearn ?? [];
  const covered = new Map<string, number>();
  if (wanted.length === 0) return { value: 0.5, reasons: [messages.noWantedSkills(nameOf(mentee))], covered };
  const held = new Map<string, { name: string; level: number }>();
  for (const skill of mentor.skills ?? []) held.set(normal(skill.name), skill);
  let weighted = 0;
  let total = 0;
  const hits: Array<{ priority: number; text: string }> = [];
  const missing: string[] = [];
  for (const want of wanted) {
    const priority = want.priority ?? 2;
    const skill = held.get(normal(want.name));
    const level = skill?.level ?? 0;
    let coverage = Math.min(level, 4) / 4;
    // co-mentoring: a skill the lead mentor already covers is worth less from the second mentor
    const already = coveredAlready?.get(normal(want.name)) ?? 0;
    coverage = Math.max(0, coverage - already * 0.75);
    weighted += priority * coverage;
    total += priority;
    if (!explain) continue;
    if (skill) {
      covered.set(normal(want.name), Math.min(level, 4) / 4);
      hits.push({ priority, text: messages.skillHeld(nameOf(mentor), want.name, messages.priority(priority), messages.level(level), level) });
    } else if (priority >= 2) missing.push(want.name);
  }
  hits.sort((a, b) => b.priority - a.priority);
  const reasons = hits.slice(0, 3).map((hit) => hit.text);
  if (missing.length > 0) reasons.push(messages.skillMissing(nameOf(mentor), missing));
  return { value: total > 0 ? weighted / total : 0, reasons, covered };
}

/**
 * How well a mentor fits a mentee, with each criterion's 0..1 component and reasons a person can read:
 *
 * - `skills`: priority-weighted coverage of the mentee's `wantsToLearn` by the mentor's `skills`
 *   (level 4 or 5 covers a skill fully, 3 → 0.75, 2 → 0.5, 1 → 0.25); 0.5 when the mentee lists none.
 * - `availability`: real weekly overlap of working hours across time zones (off-limits weekdays
 *   removed) over `overlapTargetHours` (default 3 h/week), capped at 1.
 * - `language`: 1 with a shared language; without one the pair is forbidden (unless
 *   `languageRequired: false`, then 0); 0.5 when either lists none.
 * - `interests`: shared interests over the smaller list (0 when either is empty).
 * - `rules`: mean of the programme rules' scores (1 without rules); a rule may forbid the pair.
 *
 * `score` is the weighted mean `Σ weight × component / Σ weight`.
 */
export function scoreMatch(mentee: MenteeProfile, mentor: MentorProfile, weights?: Partial<MatchWeights>, options: ScoreOptions = {}): MatchScore {
  return computeMatch(mentee, mentor, resolveWeights(weights), options, true);
}

/** `scoreMatch` with resolved weights; without reasons (`explain: false`) it skips the text and the local-time windows. @internal */
export function computeMatch(mentee: MenteeProfile, mentor: MentorProfile, resolved: MatchWeights, options: ScoreOptions, explain: boolean): MatchScore {
  const messages = withMessages(options.messages, options.locale);
  const reasons: string[] = [];
  const breakdown: Record<string, number> = {};
  let allowed = true;
  let blockedBy: MatchScore['blockedBy'];

  // skills
  const skills = skillsComponent(mentee, mentor, messages, undefined, explain);
  breakdown.skills = skills.value;
  reasons.push(...skills.reasons);

  // availability
  const referenceWeek = options.referenceWeek ?? DEFAULT_REFERENCE_WEEK;
  const target = options.overlapTargetHours ?? 3;
  const overlap = weeklyOverlap(mentee, mentor, referenceWeek, { windows: explain });
  const hours = overlap.minutes / 60;
  breakdown.availability = Math.min(1, hours / target);
  if (!explain) {
    // numbers only
  } else if (overlap.minutes > 0) {
    const first = overlap.windows[0]!;
    const window = messages.overlapWindow(
      dayList(first.weekdays, messages),
      `${first.first.start}–${first.first.end}`,
      placeOf(mentee.timeZone),
      `${first.second.start}–${first.second.end}`,
      placeOf(mentor.timeZone),
      first.second.dayShift,
    );
    const more = overlap.windows.length > 1 ? messages.moreWindows(overlap.windows.length - 1) : '';
    reasons.push(messages.overlap(Number.isInteger(hours) ? String(hours) : hours.toFixed(1), window + more));
  } else {
    const offDays = [...new Set([...(mentee.offLimitsDays ?? []), ...(mentor.offLimitsDays ?? [])])].sort((a, b) => a - b);
    const withoutOff = weeklyOverlap({ ...mentee, offLimitsDays: [] }, { ...mentor, offLimitsDays: [] }, referenceWeek);
    if (offDays.length > 0 && withoutOff.minutes > 0) reasons.push(messages.noCommonDay(dayList(offDays, messages)));
    else if (weeklyUtcIntervals(mentee, referenceWeek).length > 0 && weeklyUtcIntervals(mentor, referenceWeek).length > 0)
      reasons.push(messages.noOverlap(nameOf(mentee), nameOf(mentor)));
  }

  // language
  const menteeLanguages = mentee.languages ?? [];
  const mentorLanguages = mentor.languages ?? [];
  if (menteeLanguages.length === 0 || mentorLanguages.length === 0) {
    breakdown.language = 0.5;
    reasons.push(messages.languagesUnknown);
  } else {
    const mentorPrimary = new Set(mentorLanguages.map(primaryLanguage));
    const shared = menteeLanguages.filter((tag) => mentorPrimary.has(primaryLanguage(tag)));
    breakdown.language = shared.length > 0 ? 1 : 0;
    if (shared.length > 0) reasons.push(messages.sharedLanguages(shared));
    else {
      reasons.unshift(messages.noSharedLanguage([...menteeLanguages], [...mentorLanguages]));
      if (options.languageRequired !== false) {
        allowed = false;
        blockedBy = 'language';
      }
    }
  }

  // interests
  const menteeInterests = mentee.interests ?? [];
  const mentorInterests = new Set((mentor.interests ?? []).map(normal));
  const sharedInterests = menteeInterests.filter((interest) => mentorInterests.has(normal(interest)));
  const smaller = Math.min(menteeInterests.length, mentorInterests.size);
  breakdown.interests = smaller > 0 ? Math.min(1, sharedInterests.length / smaller) : 0;
  if (sharedInterests.length > 0) reasons.push(messages.sharedInterests(sharedInterests));

  // programme rules
  const rules = options.rules ?? [];
  let ruleSum = 0;
  let ruleCount = 0;
  for (const rule of rules) {
    const outcome = rule.evaluate(mentee, mentor);
    if (!outcome) continue;
    if (outcome.forbid) {
      allowed = false;
      blockedBy ??= 'rules';
    }
    if (typeof outcome.score === 'number' && Number.isFinite(outcome.score)) {
      ruleSum += Math.min(1, Math.max(0, outcome.score));
      ruleCount++;
    }
    if (outcome.reason) reasons.push(outcome.reason);
  }
  breakdown.rules = ruleCount > 0 ? ruleSum / ruleCount : 1;

  let weighted = 0;
  let weightSum = 0;
  for (const criterion of CRITERIA) {
    weighted += resolved[criterion] * breakdown[criterion]!;
    weightSum += resolved[criterion];
  }
  const result: MatchScore = {
    score: weighted / weightSum,
    breakdown,
    reasons: reasons.map((reason) => (reason.length > 300 ? `${reason.slice(0, 299)}…` : reason)),
    allowed,
  };
  if (blockedBy) result.blockedBy = blockedBy;
  return result;
}
