import * as v from 'valibot';
import { IdSchema, LanguageSchema, TimeZoneSchema, WeekdaySchema, WorkingHoursSchema, isCalendarDate } from '../model/primitives.js';
import { SkillSchema, WantedSkillSchema } from '../model/person.js';
import { invalidInput, parseOrThrow } from '../model/validate.js';
import { MentorAvailabilitySchema, availabilityOf } from '../model/availability.js';
import { isInstant } from '../model/formats.js';
import { languageCatalogue, languageOf } from '../model/languages.js';
import { withMessages, type PairingMessages } from './messages.js';
import {
  CRITERIA,
  computeMatch,
  resolveWeights,
  skillsComponent,
  type MatchScore,
  type MatchWeights,
  type MenteeProfile,
  type MentorProfile,
  type ProgramRule,
} from './score.js';
import { capacities, selectScoreRows, solveCertified, solveDenseCosts, solveSparseCosts, usesCandidates, type DenseCandidates } from './solver/index.js';

export interface MatchRequest {
  mentees: MenteeProfile[];
  mentors: MentorProfile[];
  weights?: Partial<MatchWeights> | undefined;
  /** Host-computed compatibility `[menteeIndex][mentorIndex]`, higher is better; `null`/`-Infinity` forbid. Replaces the built-in scoring. */
  scoreMatrix?: ReadonlyArray<ReadonlyArray<number | null>> | undefined;
  /**
   * Large mode: only these candidate mentors per mentee, as `[mentorIndex, score]` (e.g. a host's
   * top-k). No dense matrix is built; memory is O(candidates). Replaces the built-in scoring.
   */
  scoreCandidates?: ReadonlyArray<ReadonlyArray<readonly [mentorIndex: number, score: number | null]>> | undefined;
  /** Keep only each mentee's best `topK` allowed mentors and solve sparsely (exact on those candidates). */
  topK?: number | undefined;
  /** 1 (default) or 2 for co-mentoring. */
  mentorsPerMentee?: number | undefined;
  forbidden?: ReadonlyArray<readonly [menteeId: string, mentorId: string]> | undefined;
  required?: ReadonlyArray<readonly [menteeId: string, mentorId: string]> | undefined;
  /** Pairs scoring below this are not allowed. */
  minScore?: number | undefined;
  /** `pairs` (default): one-to-one or co-mentoring; `group`: each mentor leads one circle of mentees who want its theme. */
  mode?: 'pairs' | 'group' | undefined;
  /** Group mode: mentees per circle (default: each mentor's capacity). */
  groupSize?: number | undefined;
  /**
   * The day the pairings start (`YYYY-MM-DD`) or an instant (each mentor's own calendar day there) at
   * which mentors' `availability` is read: a mentor who is `not-taking-mentees`, or `away` and not back
   * by then, is not proposed (unmatched cause: unavailable) — only a `required` pair can still name
   * them. Default: now.
   */
  availableOn?: string | undefined;
  /** Scoring options (built-in scoring only): see `scoreMatch`. */
  referenceWeek?: string | undefined;
  overlapTargetHours?: number | undefined;
  languageRequired?: boolean | undefined;
  rules?: readonly ProgramRule[] | undefined;
  messages?: Partial<PairingMessages> | undefined;
  /**
   * Language of the reasons and unmatched explanations (`es`, `es-MX`…): the catalogue registered for
   * it (Spanish once `registerSpanish()` from `@mentorkit/core/es` ran), else English; `messages` override it.
   */
  locale?: string | undefined;
}

export interface MatchAssignment {
  menteeId: string;
  /** One mentor, or two (lead first) for co-mentoring. */
  mentorIds: string[];
  score: number;
  breakdown: Record<string, number>;
  reasons: string[];
  /** True when it came from `required`. */
  required?: boolean | undefined;
}

export interface MatchResult {
  assignments: MatchAssignment[];
  unmatched: Array<{ menteeId: string; reason: string }>;
  totalScore: number;
  /** Group mode: the circles. */
  groups?: Array<{ mentorId: string; theme: string; menteeIds: string[] }> | undefined;
}

const ProfileSchema = v.object({
  id: IdSchema,
  displayName: v.optional(v.string('must be text')),
  timeZone: v.optional(TimeZoneSchema),
  workingHours: v.optional(WorkingHoursSchema),
  offLimitsDays: v.optional(v.array(WeekdaySchema, 'must be a list of ISO weekdays 1–7')),
  languages: v.optional(v.array(LanguageSchema, 'must be a list of language tags such as "en"')),
  skills: v.optional(v.array(SkillSchema, 'must be a list of { name, level }')),
  wantsToLearn: v.optional(v.array(WantedSkillSchema, 'must be a list of { name, priority }')),
  interests: v.optional(v.array(v.string('must be text'), 'must be a list of interests')),
  capacity: v.optional(v.pipe(v.number('must be a whole number'), v.integer('must be a whole number'), v.minValue(0, 'must be 0 or more'))),
  circleTheme: v.optional(v.string('must be text')),
  availability: v.optional(MentorAvailabilitySchema),
});

type Cause = 'forbidden' | 'minScore' | 'language' | 'rules' | 'unavailable' | 'capacity' | 'candidates' | 'theme';

const fail = (path: string, message: string): never => invalidInput(path, message);

function checkProfiles(list: unknown, path: 'mentees' | 'mentors', full: boolean): MentorProfile[] {
  if (!Array.isArray(list)) fail(path, `\`${path}\` must be a list of profiles such as [{ id: "ana", timeZone: "Europe/Madrid" }].`);
  const seen = new Map<string, number>();
  (list as unknown[]).forEach((profile, index) => {
    if (full) parseOrThrow(ProfileSchema, profile, `${path}[${index}]`);
    else {
      if (typeof profile !== 'object' || profile === null) fail(`${path}[${index}]`, `\`${path}[${index}]\` must be a profile object with an \`id\`.`);
      const id = (profile as { id?: unknown }).id;
      if (typeof id !== 'string' || id === '' || id.length > 200) fail(`${path}[${index}].id`, `\`${path}[${index}].id\` must be a non-empty string id.`);
      const capacity = (profile as { capacity?: unknown }).capacity;
      if (capacity !== undefined && !(Number.isInteger(capacity) && (capacity as number) >= 0))
        fail(`${path}[${index}].capacity`, `\`${path}[${index}].capacity\` must be a whole number 0 or more.`);
      const availability = (profile as { availability?: unknown }).availability;
      if (availability !== undefined) parseOrThrow(MentorAvailabilitySchema, availability, `${path}[${index}].availability`);
    }
    const id = (profile as { id: string }).id;
    const previous = seen.get(id);
    if (previous !== undefined)
      fail(`${path}[${index}].id`, `\`${path}[${index}].id\` repeats "${id}" (already at ${path}[${previous}]); every id must be unique.`);
    seen.set(id, index);
  });
  return list as MentorProfile[];
}

function checkPairs(
  list: unknown,
  path: 'forbidden' | 'required',
  menteeIndex: Map<string, number>,
  mentorIndex: Map<string, number>,
): Array<[number, number]> {
  if (list === undefined) return [];
  if (!Array.isArray(list)) fail(path, `\`${path}\` must be a list of [menteeId, mentorId] pairs.`);
  return (list as unknown[]).map((pair, index) => {
    if (!Array.isArray(pair) || pair.length !== 2) fail(`${path}[${index}]`, `\`${path}[${index}]\` must be a [menteeId, mentorId] pair.`);
    const [menteeId, mentorId] = pair as [unknown, unknown];
    const i = typeof menteeId === 'string' ? menteeIndex.get(menteeId) : undefined;
    if (i === undefined) fail(`${path}[${index}][0]`, `\`${path}[${index}][0]\` names ${JSON.stringify(menteeId)}, which is not one of the mentees.`);
    const j = typeof mentorId === 'string' ? mentorIndex.get(mentorId) : undefined;
    if (j === undefined) fail(`${path}[${index}][1]`, `\`${path}[${index}][1]\` names ${JSON.stringify(mentorId)}, which is not one of the mentors.`);
    return [i!, j!] as [number, number];
  });
}

/** A score from the host, checked: finite, or null/-Infinity for a forbidden pair. */
function hostScore(value: unknown, path: string): number {
  if (value === null || value === -Infinity) return -Infinity;
  if (typeof value !== 'number' || Number.isNaN(value) || value === Infinity)
    fail(path, `\`${path}\` must be a finite number, or null/-Infinity for a forbidden pair (got ${String(value)}).`);
  return value as number;
}

/** The theme of the circle a mentor leads (group mode). */
export function circleThemeOf(mentor: MentorProfile): string | undefined {
  if (mentor.circleTheme && mentor.circleTheme.trim()) return mentor.circleTheme.trim();
  let best: { name: string; level: number } | undefined;
  for (const skill of mentor.skills ?? []) if (!best || skill.level > best.level) best = skill;
  return best?.name;
}

interface CachedComponents {
  key: string;
  values: number[];
  blockedBy: MatchScore['blockedBy'];
}
const componentCache = new WeakMap<object, WeakMap<object, CachedComponents>>();
const explanationCache = new WeakMap<object, WeakMap<object, { key: string; explained: MatchScore }>>();

interface Prepared {
  n: number;
  m: number;
  /** score lookup for an allowed pair (or -Infinity) */
  scoreOf(i: number, j: number): number;
  /** the built-in explanation of a pair, when built-in scoring is used */
  explain?(i: number, j: number): MatchScore;
  /** why a mentee has no allowed mentor at all */
  causes: Array<Set<Cause>>;
  /** dense costs (-score) or sparse CSR */
  dense?: Float64Array | undefined;
  /**
   * `scoreMatrix` taken as it is (no cost matrix built up front): each row's best candidates, the
   * host's rows (read again only for the certificate's rare full-row checks), and `dense` built on demand.
   */
  candidates?: DenseCandidates | undefined;
  rowCosts?: ((i: number) => Float64Array) | undefined;
  rowStart?: Int32Array | undefined;
  colIndex?: Int32Array | undefined;
  cost?: Float64Array | undefined;
  largest: number;
}

/**
 * Matches mentees with mentors for a whole cohort. The objective is lexicographic and exact: first
 * as many mentees matched as capacities and constraints allow, then the largest total score.
 * See docs/pairing.md for the modes (one-to-one, co-mentoring, group circles, large sparse mode).
 *
 * ```ts
 * const { assignments, unmatched } = matchMentors({ mentees, mentors, weights: { availability: 5 } });
 * ```
 */
export function matchMentors(request: MatchRequest): MatchResult {
  if (typeof request !== 'object' || request === null) fail('', 'matchMentors needs a request: { mentees, mentors }.');
  const hostScored = request.scoreMatrix !== undefined || request.scoreCandidates !== undefined;
  if (request.scoreMatrix !== undefined && request.scoreCandidates !== undefined)
    fail('scoreCandidates', 'Give either `scoreMatrix` or `scoreCandidates`, not both.');
  const mentees = checkProfiles(request.mentees, 'mentees', !hostScored);
  const mentors = checkProfiles(request.mentors, 'mentors', !hostScored);
  const n = mentees.length;
  const m = mentors.length;
  let weights: MatchWeights;
  try {
    weights = resolveWeights(request.weights);
  } catch (error) {
    return fail((error as Error).message, `\`${(error as Error).message}\` must be a finite number 0 or more, and at least one weight must be above 0.`);
  }
  const perMentee = request.mentorsPerMentee ?? 1;
  if (perMentee !== 1 && perMentee !== 2) fail('mentorsPerMentee', '`mentorsPerMentee` must be 1 (one-to-one) or 2 (co-mentoring).');
  const mode = request.mode ?? 'pairs';
  if (mode !== 'pairs' && mode !== 'group') fail('mode', '`mode` must be "pairs" or "group".');
  if (mode === 'group' && perMentee !== 1) fail('mentorsPerMentee', 'Group mode has one mentor per circle; leave `mentorsPerMentee` at 1.');
  if (request.groupSize !== undefined && !(Number.isInteger(request.groupSize) && request.groupSize >= 1))
    fail('groupSize', '`groupSize` must be a whole number 1 or more.');
  if (request.minScore !== undefined && (typeof request.minScore !== 'number' || !Number.isFinite(request.minScore)))
    fail('minScore', '`minScore` must be a finite number.');
  if (request.topK !== undefined && !(Number.isInteger(request.topK) && request.topK >= 1)) fail('topK', '`topK` must be a whole number 1 or more.');
  if (request.referenceWeek !== undefined && !isCalendarDate(request.referenceWeek))
    fail('referenceWeek', '`referenceWeek` must be a calendar date YYYY-MM-DD, e.g. the programme start.');
  if (
    request.overlapTargetHours !== undefined &&
    !(typeof request.overlapTargetHours === 'number' && request.overlapTargetHours > 0 && Number.isFinite(request.overlapTargetHours))
  )
    fail('overlapTargetHours', '`overlapTargetHours` must be a number above 0.');
  if (request.locale !== undefined && typeof request.locale !== 'string') fail('locale', '`locale` must be a language such as "es" or "pt-BR".');
  const messages = withMessages(request.messages, request.locale);
  const menteeIndex = new Map(mentees.map((profile, index) => [profile.id, index]));
  const mentorIndex = new Map(mentors.map((profile, index) => [profile.id, index]));
  const forbiddenPairs = checkPairs(request.forbidden, 'forbidden', menteeIndex, mentorIndex);
  const requiredPairs = checkPairs(request.required, 'required', menteeIndex, mentorIndex);
  const minScore = request.minScore;
  if (request.availableOn !== undefined && !isCalendarDate(request.availableOn) && !isInstant(request.availableOn))
    fail('availableOn', '`availableOn` must be the day pairings start, YYYY-MM-DD, or an ISO instant.');
  // Mentors who are away (and not back by then) or not taking mentees: never proposed; a required pair may still name them.
  const availableOn = request.availableOn ?? new Date().toISOString();
  const unavailable = mentors.map((mentor) => mentor.availability !== undefined && availabilityOf(mentor, availableOn).status !== 'taking-mentees');
  const anyUnavailable = unavailable.includes(true);
  const groupCapacity = mode === 'group' && request.groupSize !== undefined ? request.groupSize : undefined;
  const cap = capacities(
    mentors.map((mentor) => groupCapacity ?? mentor.capacity ?? 1),
    m,
    Math.max(n, 1),
  );
  const themes = mode === 'group' ? mentors.map(circleThemeOf) : [];

  // ---- scores -------------------------------------------------------------------------------------
  const forbiddenSet = new Set(forbiddenPairs.map(([i, j]) => i * m + j));
  const requiredSet = new Set(requiredPairs.map(([i, j]) => i * m + j));
  const scoreOptions = {
    referenceWeek: request.referenceWeek,
    overlapTargetHours: request.overlapTargetHours,
    languageRequired: request.languageRequired,
    rules: request.rules,
    messages: request.messages,
    locale: request.locale,
  };
  const causes: Array<Set<Cause>> = Array.from({ length: n }, () => new Set<Cause>());
  const themeWanted = (i: number, j: number) => {
    const theme = themes[j];
    return theme !== undefined && (mentees[i]!.wantsToLearn ?? []).some((want) => want.name.trim().toLowerCase() === theme.toLowerCase());
  };
  /** The allowed score of a pair, or -Infinity with its cause recorded. */
  const filter = (i: number, j: number, score: number, blockedBy?: MatchScore['blockedBy']): number => {
    let cause: Cause | undefined;
    if (unavailable[j] && !requiredSet.has(i * m + j)) cause = 'unavailable';
    else if (cap[j] === 0) cause = 'capacity';
    else if (forbiddenSet.has(i * m + j) || score === -Infinity) cause = 'forbidden';
    else if (blockedBy) cause = blockedBy;
    else if (mode === 'group' && !themeWanted(i, j)) cause = 'theme';
    else if (minScore !== undefined && score < minScore) cause = 'minScore';
    if (cause) {
      causes[i]!.add(cause);
      return -Infinity;
    }
    return score;
  };

  // Components do not depend on the weights: cache them per profile pair, so re-running with other
  // weights (the board's sliders) costs only the weighted sums and the solve. Not with custom rules.
  const weightList = CRITERIA.map((criterion) => weights[criterion]);
  const weightSum = weightList.reduce((sum, value) => sum + value, 0);
  const optionsKey = `${request.referenceWeek ?? ''}|${request.overlapTargetHours ?? ''}|${request.languageRequired ?? ''}`;
  const componentsOf = (mentee: MenteeProfile, mentor: MentorProfile): CachedComponents => {
    const cacheable = !request.rules || request.rules.length === 0;
    let perMentor = cacheable ? componentCache.get(mentee) : undefined;
    const hit = perMentor?.get(mentor);
    if (hit && hit.key === optionsKey) return hit;
    const numbers = computeMatch(mentee, mentor, weights, scoreOptions, false);
    const entry: CachedComponents = {
      key: optionsKey,
      values: CRITERIA.map((criterion) => numbers.breakdown[criterion] ?? 0),
      blockedBy: numbers.allowed ? undefined : numbers.blockedBy,
    };
    if (cacheable) {
      if (!perMentor) componentCache.set(mentee, (perMentor = new WeakMap()));
      perMentor.set(mentor, entry);
    }
    return entry;
  };

  // Breakdown and reasons do not depend on the weights either (the assignment's score is recomputed).
  // Reasons depend on the language too, and on whether its catalogue is registered yet.
  const explanationKey = `${optionsKey}${JSON.stringify(request.messages ?? null)}|${languageOf(request.locale)}${languageCatalogue('pairing', request.locale) ? '+' : ''}`;
  const explain = (i: number, j: number): MatchScore => {
    const cacheable = !request.rules || request.rules.length === 0;
    const mentee = mentees[i]!;
    const mentor = mentors[j]!;
    let perMentor = cacheable ? explanationCache.get(mentee) : undefined;
    const hit = perMentor?.get(mentor);
    if (hit && hit.key === explanationKey) return hit.explained;
    const explained = computeMatch(mentee, mentor, weights, scoreOptions, true);
    if (cacheable) {
      if (!perMentor) explanationCache.set(mentee, (perMentor = new WeakMap()));
      perMentor.set(mentor, { key: explanationKey, explained });
    }
    return explained;
  };

  let prepared: Prepared;
  let fast: Prepared | undefined;
  let largest = 0;
  if (request.scoreCandidates !== undefined) {
    const candidates = request.scoreCandidates;
    if (!Array.isArray(candidates) || candidates.length !== n)
      fail(
        'scoreCandidates',
        `\`scoreCandidates\` must have one list per mentee (${n}), got ${Array.isArray(candidates) ? candidates.length : typeof candidates}.`,
      );
    let edges = 0;
    for (let i = 0; i < n; i++) {
      if (!Array.isArray(candidates[i])) fail(`scoreCandidates[${i}]`, `\`scoreCandidates[${i}]\` must be a list of [mentorIndex, score].`);
      edges += candidates[i]!.length;
    }
    const rowStart = new Int32Array(n + 1);
    const colIndex = new Int32Array(edges);
    const cost = new Float64Array(edges);
    const seen = new Int32Array(m).fill(-1);
    let e = 0;
    for (let i = 0; i < n; i++) {
      const list = candidates[i]!;
      for (let k = 0; k < list.length; k++) {
        const entry = list[k];
        if (!Array.isArray(entry) || entry.length !== 2) fail(`scoreCandidates[${i}][${k}]`, `\`scoreCandidates[${i}][${k}]\` must be [mentorIndex, score].`);
        const j = entry![0];
        if (!Number.isInteger(j) || j < 0 || j >= m)
          fail(`scoreCandidates[${i}][${k}][0]`, `\`scoreCandidates[${i}][${k}][0]\` must be a mentor index 0–${m - 1} (got ${String(j)}).`);
        if (seen[j] === i) fail(`scoreCandidates[${i}][${k}][0]`, `Mentee ${i} lists mentor ${j} twice in \`scoreCandidates\`.`);
        seen[j] = i;
        const score = filter(i, j, hostScore(entry![1], `scoreCandidates[${i}][${k}][1]`));
        if (score !== -Infinity) {
          colIndex[e] = j;
          cost[e++] = -score;
          if (Math.abs(score) > largest) largest = Math.abs(score);
        }
      }
      if (list.length === 0) causes[i]!.add('candidates');
      rowStart[i + 1] = e;
    }
    prepared = { n, m, causes, rowStart, colIndex: colIndex.subarray(0, e), cost: cost.subarray(0, e), largest, scoreOf: () => -Infinity };
    const lookup = (i: number, j: number) => {
      for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) if (colIndex[k] === j) return -cost[k]!;
      return -Infinity;
    };
    prepared.scoreOf = lookup;
  } else if (
    request.scoreMatrix !== undefined &&
    forbiddenSet.size === 0 &&
    minScore === undefined &&
    mode === 'pairs' &&
    !anyUnavailable &&
    (request.topK === undefined || request.topK >= m) &&
    Array.isArray(request.scoreMatrix) &&
    request.scoreMatrix.length === n &&
    usesCandidates(n, m, cap) &&
    (fast = fromScoreRows(request.scoreMatrix, n, m, cap, causes)) !== undefined
  ) {
    // host scores used in place: checked and each row's best candidates kept in one pass
    prepared = fast;
  } else {
    const dense = new Float64Array(n * m);
    if (request.scoreMatrix !== undefined) {
      const matrix = request.scoreMatrix;
      if (!Array.isArray(matrix) || matrix.length !== n)
        fail('scoreMatrix', `\`scoreMatrix\` must have one row per mentee (${n} rows), got ${Array.isArray(matrix) ? matrix.length : typeof matrix}.`);
      const noConstraints = forbiddenSet.size === 0 && minScore === undefined && mode === 'pairs' && !anyUnavailable;
      for (let i = 0; i < n; i++) {
        const row = matrix[i];
        if (!Array.isArray(row) || row.length !== m)
          fail(`scoreMatrix[${i}]`, `\`scoreMatrix[${i}]\` must have one score per mentor (${m}), got ${Array.isArray(row) ? row.length : typeof row}.`);
        const offset = i * m;
        for (let j = 0; j < m; j++) {
          const value = row![j];
          let score: number;
          // one pass: check, filter and negate into costs
          if (typeof value === 'number' && value === value && value !== Infinity && value !== -Infinity && (noConstraints ? cap[j] !== 0 : true)) {
            score = noConstraints ? value : filter(i, j, value);
          } else score = filter(i, j, hostScore(value, `scoreMatrix[${i}][${j}]`));
          if (score === -Infinity) dense[offset + j] = Infinity;
          else {
            dense[offset + j] = -score;
            if (score > largest) largest = score;
            else if (-score > largest) largest = -score;
          }
        }
      }
    } else {
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) {
          const numbers = componentsOf(mentees[i]!, mentors[j]!);
          let weighted = 0;
          for (let c = 0; c < CRITERIA.length; c++) weighted += weightList[c]! * numbers.values[c]!;
          const score = filter(i, j, weighted / weightSum, numbers.blockedBy);
          if (score !== -Infinity && Math.abs(score) > largest) largest = Math.abs(score);
          dense[i * m + j] = -score;
        }
      }
    }
    prepared = { n, m, causes, dense, largest, scoreOf: (i, j) => -dense[i * m + j]! };
    if (!hostScored) prepared.explain = explain;
    if (request.topK !== undefined && request.topK < m) prepared = keepTopK(prepared, request.topK);
  }

  // ---- required pairs ------------------------------------------------------------------------------
  const remaining = Int32Array.from(cap);
  const requiredOf = new Map<number, number[]>();
  requiredPairs.forEach(([i, j], index) => {
    const mentee = mentees[i]!;
    const mentor = mentors[j]!;
    const score = prepared.scoreOf(i, j);
    if (score === -Infinity) {
      const cause = forbiddenSet.has(i * m + j)
        ? 'it is also in `forbidden`'
        : hostScored
          ? 'its score marks it forbidden or it is not a candidate'
          : 'it is not allowed (no shared language, a programme rule, minScore or the circle theme)';
      fail(`required[${index}]`, `The required pair ${mentee.id} – ${mentor.id} is impossible: ${cause}.`);
    }
    const list = requiredOf.get(i) ?? [];
    if (list.includes(j)) fail(`required[${index}]`, `The pair ${mentee.id} – ${mentor.id} is required twice.`);
    if (list.length >= perMentee) fail(`required[${index}]`, `${mentee.id} is required with more mentors than mentorsPerMentee (${perMentee}) allows.`);
    list.push(j);
    requiredOf.set(i, list);
    remaining[j]!--;
    if (remaining[j]! < 0) fail(`required[${index}]`, `Required pairs give ${mentor.id} more mentees than their capacity (${cap[j]}).`);
  });

  const result =
    perMentee === 2
      ? solveCoMentoring(prepared, remaining, requiredOf, mentees, mentors, weights, messages)
      : solveOneToOne(prepared, remaining, requiredOf, mentees, mentors, messages);
  if (mode === 'group') {
    const circles = new Map<number, string[]>();
    for (const assignment of result.assignments) {
      const j = mentorIndex.get(assignment.mentorIds[0]!)!;
      assignment.reasons.unshift(messages.groupTheme(themes[j]!));
      const list = circles.get(j) ?? [];
      list.push(assignment.menteeId);
      circles.set(j, list);
    }
    result.groups = [...circles.entries()].sort((a, b) => a[0] - b[0]).map(([j, menteeIds]) => ({ mentorId: mentors[j]!.id, theme: themes[j]!, menteeIds }));
  }
  return result;
}

/**
 * `scoreMatrix` without constraints, read in place: one pass checks every entry and keeps each row's
 * best candidates; the cost matrix is only built if something needs it (e.g. an uncertified answer).
 * `undefined` when an entry is invalid (the full conversion then reports it).
 */
function fromScoreRows(
  matrix: ReadonlyArray<ReadonlyArray<number | null>>,
  n: number,
  m: number,
  cap: Int32Array,
  causes: Array<Set<Cause>>,
): Prepared | undefined {
  const selected = selectScoreRows(n, m, matrix, cap);
  if (!selected) return undefined;
  let closed = false;
  for (let j = 0; j < m; j++) if (cap[j] === 0) closed = true;
  for (let i = 0; i < n; i++) {
    if (closed) causes[i]!.add('capacity');
    if (selected.forbiddenRows[i]) causes[i]!.add('forbidden');
  }
  const scoreOf = (i: number, j: number): number => {
    const score = matrix[i]![j];
    return typeof score === 'number' && cap[j] !== 0 ? score : -Infinity;
  };
  const row = new Float64Array(m);
  const rowCosts = (i: number) => {
    const scores = matrix[i]!;
    for (let j = 0; j < m; j++) {
      const score = scores[j];
      row[j] = typeof score === 'number' && cap[j] !== 0 ? -score : Infinity;
    }
    return row;
  };
  let dense: Float64Array | undefined;
  return {
    n,
    m,
    causes,
    largest: selected.largest,
    candidates: selected.candidates,
    rowCosts,
    scoreOf,
    get dense() {
      if (!dense) {
        dense = new Float64Array(n * m);
        for (let i = 0; i < n; i++) dense.set(rowCosts(i), i * m);
      }
      return dense;
    },
  };
}

/** Large mode from a dense score table: each mentee's best `k` allowed mentors, as CSR (exact on those candidates). */
function keepTopK(prepared: Prepared, k: number): Prepared {
  const { n, m, dense } = prepared;
  const rowStart = new Int32Array(n + 1);
  const colIndex: number[] = [];
  const cost: number[] = [];
  for (let i = 0; i < n; i++) {
    const order: number[] = [];
    for (let j = 0; j < m; j++) if (dense![i * m + j]! !== Infinity) order.push(j);
    order.sort((a, b) => dense![i * m + a]! - dense![i * m + b]! || a - b);
    for (const j of order.slice(0, k).sort((a, b) => a - b)) {
      colIndex.push(j);
      cost.push(dense![i * m + j]!);
    }
    rowStart[i + 1] = colIndex.length;
  }
  const columns = Int32Array.from(colIndex);
  const costs = Float64Array.from(cost);
  const scoreOf = (i: number, j: number) => {
    for (let x = rowStart[i]!; x < rowStart[i + 1]!; x++) if (columns[x] === j) return -costs[x]!;
    return -Infinity;
  };
  const result: Prepared = { n, m, causes: prepared.causes, rowStart, colIndex: columns, cost: costs, largest: prepared.largest, scoreOf };
  if (prepared.explain) result.explain = prepared.explain;
  return result;
}

/** Runs the solver over the rows in `rows` (indices into the prepared problem) with column capacities `cap`. */
function solveRows(prepared: Prepared, rows: readonly number[], cap: Int32Array, scoreOf: (i: number, j: number) => number): Int32Array {
  const { m } = prepared;
  const k = rows.length;
  const answer = new Int32Array(prepared.n).fill(-1);
  if (k === 0 || m === 0) return answer;
  if (prepared.rowStart && prepared.colIndex && prepared.cost) {
    // sparse: slice the rows' candidate edges
    let edges = 0;
    for (const i of rows) edges += prepared.rowStart[i + 1]! - prepared.rowStart[i]!;
    const rowStart = new Int32Array(k + 1);
    const colIndex = new Int32Array(edges);
    const cost = new Float64Array(edges);
    let e = 0;
    rows.forEach((i, r) => {
      for (let x = prepared.rowStart![i]!; x < prepared.rowStart![i + 1]!; x++) {
        const j = prepared.colIndex![x]!;
        const score = scoreOf(i, j);
        if (score === -Infinity) continue;
        colIndex[e] = j;
        cost[e++] = -score;
      }
      rowStart[r + 1] = e;
    });
    const solution = solveSparseCosts(k, m, rowStart, colIndex.subarray(0, e), cost.subarray(0, e), Int32Array.from(cap));
    rows.forEach((i, r) => (answer[i] = solution.colOfRow[r]!));
    return answer;
  }
  if (k === prepared.n && scoreOf === prepared.scoreOf) {
    if (prepared.candidates && prepared.rowCosts && usesCandidates(k, m, cap)) {
      const certified = solveCertified(k, m, Int32Array.from(cap), prepared.candidates, prepared.largest, prepared.rowCosts);
      if (certified) return certified.colOfRow;
      return solveDenseCosts(k, m, prepared.dense!, Int32Array.from(cap), prepared.largest, { method: 'dense' }).colOfRow;
    }
    return solveDenseCosts(k, m, prepared.dense!, Int32Array.from(cap), prepared.largest).colOfRow;
  }
  const dense = new Float64Array(k * m);
  rows.forEach((i, r) => {
    for (let j = 0; j < m; j++) dense[r * m + j] = -scoreOf(i, j);
  });
  const solution = solveDenseCosts(k, m, dense, Int32Array.from(cap), prepared.largest * 2 + 1);
  rows.forEach((i, r) => (answer[i] = solution.colOfRow[r]!));
  return answer;
}

function unmatchedReason(prepared: Prepared, i: number, messages: PairingMessages, minScore?: number): string {
  let hasEdge = false;
  if (prepared.rowStart) hasEdge = prepared.rowStart[i + 1]! > prepared.rowStart[i]!;
  else for (let j = 0; j < prepared.m && !hasEdge; j++) hasEdge = prepared.scoreOf(i, j) !== -Infinity;
  if (hasEdge) return messages.unmatchedCapacity;
  const causes = prepared.causes[i]!;
  if (prepared.m === 0) return messages.unmatchedNoCandidate(messages.unmatchedFiltered.capacity);
  const order: Cause[] = ['language', 'rules', 'theme', 'minScore', 'forbidden', 'unavailable', 'capacity', 'candidates'];
  const words = order
    .filter((cause) => causes.has(cause))
    .map((cause) => (cause === 'minScore' ? messages.unmatchedFiltered.minScore(minScore ?? 0) : messages.unmatchedFiltered[cause]));
  return messages.unmatchedNoCandidate(words.join('; ') || messages.unmatchedFiltered.candidates);
}

function assignmentFor(
  prepared: Prepared,
  mentees: MenteeProfile[],
  mentors: MentorProfile[],
  i: number,
  j: number,
  messages: PairingMessages,
  required: boolean,
): MatchAssignment {
  const score = prepared.scoreOf(i, j);
  const explained = prepared.explain?.(i, j);
  const assignment: MatchAssignment = explained
    ? { menteeId: mentees[i]!.id, mentorIds: [mentors[j]!.id], score, breakdown: { ...explained.breakdown }, reasons: [...explained.reasons] }
    : { menteeId: mentees[i]!.id, mentorIds: [mentors[j]!.id], score, breakdown: { host: score }, reasons: [messages.hostScore(score)] };
  if (required) assignment.required = true;
  return assignment;
}

function solveOneToOne(
  prepared: Prepared,
  remaining: Int32Array,
  requiredOf: Map<number, number[]>,
  mentees: MenteeProfile[],
  mentors: MentorProfile[],
  messages: PairingMessages,
): MatchResult {
  const rows: number[] = [];
  for (let i = 0; i < prepared.n; i++) if (!requiredOf.has(i)) rows.push(i);
  const answer = solveRows(prepared, rows, remaining, prepared.scoreOf);
  const assignments: MatchAssignment[] = [];
  const unmatched: MatchResult['unmatched'] = [];
  let totalScore = 0;
  for (let i = 0; i < prepared.n; i++) {
    const required = requiredOf.get(i);
    const j = required ? required[0]! : answer[i]!;
    if (j < 0) {
      unmatched.push({ menteeId: mentees[i]!.id, reason: unmatchedReason(prepared, i, messages) });
      continue;
    }
    const assignment = assignmentFor(prepared, mentees, mentors, i, j, messages, required !== undefined);
    totalScore += assignment.score;
    assignments.push(assignment);
  }
  return { assignments, unmatched, totalScore };
}

/**
 * Co-mentoring in two exact stages: (1) a lead mentor per mentee (the one-to-one optimum), (2) a
 * second, different mentor per mentee that got a lead, scored for what the lead does not already
 * cover (built-in scoring: a wanted skill the lead covers counts 75 % less from the co-mentor), on the
 * capacity left. A mentee without a second mentor is reported unmatched — one at a time (several at
 * once when more than five fail), lowest lead score first — and both stages re-run, so their seats go
 * to others. Each stage is exact; the joint problem is not linear once complementarity counts.
 */
function solveCoMentoring(
  prepared: Prepared,
  remaining: Int32Array,
  requiredOf: Map<number, number[]>,
  mentees: MenteeProfile[],
  mentors: MentorProfile[],
  weights: MatchWeights,
  messages: PairingMessages,
): MatchResult {
  const n = prepared.n;
  const dropped = new Set<number>();
  const weightSum = CRITERIA.reduce((sum, criterion) => sum + weights[criterion], 0);
  let lead = new Int32Array(n).fill(-1);
  let second = new Int32Array(n).fill(-1);
  const coScoreCache = new Map<number, number>();
  const coScore = (i: number, leadMentor: number, j: number): number => {
    if (j === leadMentor) return -Infinity;
    const base = prepared.scoreOf(i, j);
    if (base === -Infinity || !prepared.explain) return base;
    const key = (i * prepared.m + j) * (prepared.m + 1) + leadMentor;
    let cached = coScoreCache.get(key);
    if (cached === undefined) {
      const leadCover = skillsComponent(mentees[i]!, mentors[leadMentor]!, messages).covered;
      const explained = prepared.explain(i, j);
      const complementary = skillsComponent(mentees[i]!, mentors[j]!, messages, leadCover).value;
      cached = base + (weights.skills * (complementary - (explained.breakdown.skills ?? 0))) / weightSum;
      coScoreCache.set(key, cached);
    }
    return cached;
  };
  for (let round = 0; round <= n; round++) {
    const capacity = Int32Array.from(remaining);
    lead = new Int32Array(n).fill(-1);
    second = new Int32Array(n).fill(-1);
    const leadRows: number[] = [];
    for (let i = 0; i < n; i++) {
      if (dropped.has(i)) continue;
      const required = requiredOf.get(i);
      if (required) {
        lead[i] = required[0]!;
        if (required[1] !== undefined) second[i] = required[1];
      } else leadRows.push(i);
    }
    const leads = solveRows(prepared, leadRows, capacity, prepared.scoreOf);
    for (const i of leadRows)
      if (leads[i]! >= 0) {
        lead[i] = leads[i]!;
        capacity[lead[i]!]!--;
      }
    const secondRows: number[] = [];
    for (let i = 0; i < n; i++) if (lead[i]! >= 0 && second[i]! < 0) secondRows.push(i);
    const seconds = solveRows(prepared, secondRows, capacity, (i, j) => coScore(i, lead[i]!, j));
    const failures: number[] = [];
    for (const i of secondRows) {
      if (seconds[i]! >= 0) second[i] = seconds[i]!;
      else failures.push(i);
    }
    const droppable = failures.filter((i) => !requiredOf.has(i) || requiredOf.get(i)!.length < 2);
    if (droppable.length === 0) break;
    droppable.sort((a, b) => prepared.scoreOf(a, lead[a]!) - prepared.scoreOf(b, lead[b]!) || b - a);
    const count = droppable.length > 5 ? Math.ceil(droppable.length / 2) : 1;
    for (const i of droppable.slice(0, count)) dropped.add(i);
  }
  const assignments: MatchAssignment[] = [];
  const unmatched: MatchResult['unmatched'] = [];
  let totalScore = 0;
  for (let i = 0; i < n; i++) {
    const a = lead[i]!;
    const b = second[i]!;
    if (a < 0 || b < 0) {
      const reason = a >= 0 || dropped.has(i) ? messages.unmatchedCoMentor : unmatchedReason(prepared, i, messages);
      unmatched.push({ menteeId: mentees[i]!.id, reason });
      continue;
    }
    const first = assignmentFor(prepared, mentees, mentors, i, a, messages, requiredOf.get(i)?.includes(a) ?? false);
    const co = coScore(i, a, b);
    const score = first.score + co;
    const breakdown: Record<string, number> = { ...first.breakdown };
    const reasons = [...first.reasons];
    const explained = prepared.explain?.(i, b);
    if (explained) {
      for (const [key, value] of Object.entries(explained.breakdown)) breakdown[key] = ((breakdown[key] ?? 0) + value) / 2;
      const leadCover = skillsComponent(mentees[i]!, mentors[a]!, messages).covered;
      const added = (mentees[i]!.wantsToLearn ?? [])
        .filter(
          (want) =>
            !leadCover.has(want.name.trim().toLowerCase()) &&
            (mentors[b]!.skills ?? []).some((skill) => skill.name.trim().toLowerCase() === want.name.trim().toLowerCase()),
        )
        .map((want) => want.name);
      const wantedTotal = (mentees[i]!.wantsToLearn ?? []).length;
      breakdown.complementarity = wantedTotal > 0 ? added.length / wantedTotal : 0;
      if (added.length > 0) reasons.push(messages.complementary(added));
      reasons.push(...explained.reasons.map((reason) => `${mentors[b]!.displayName ?? mentors[b]!.id} (co-mentor): ${reason}`).slice(0, 3));
    } else {
      breakdown.host = score;
      reasons.push(messages.hostScore(co));
    }
    totalScore += score;
    assignments.push({
      menteeId: mentees[i]!.id,
      mentorIds: [mentors[a]!.id, mentors[b]!.id],
      score,
      breakdown,
      reasons: reasons.map((reason) => (reason.length > 300 ? `${reason.slice(0, 299)}…` : reason)),
      ...(requiredOf.has(i) ? { required: true } : {}),
    });
  }
  return { assignments, unmatched, totalScore };
}
