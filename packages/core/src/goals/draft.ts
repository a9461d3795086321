// The rules of a goal draft that a form applies before saving — the same ones `create` and `update` apply.
import { isMentorKitError, type MentorKitErrorIssue } from '../model/errors.js';
import { isCalendarDate } from '../model/formats.js';
import { GoalDraftSchema, type Goal, type GoalDraft, type GoalVisibility } from '../model/goal.js';
import type { Pairing } from '../model/pairing.js';
import { invalidInput, parseOrThrow } from '../model/validate.js';
import { requireId } from '../client/feature-host.js';

/**
 * What is wrong with a field of a draft, for a form to word:
 * - `required`: missing, or text that is empty;
 * - `too-long`: text over its limit (`requirement` is the limit, core's `TEXT_LIMITS.goal`);
 * - `not-a-number`: a metric value that is not a finite number;
 * - `not-a-date`: not a calendar date `YYYY-MM-DD`;
 * - `before-start`: the due date is before the start date;
 * - `invalid`: anything else (`message` says what, for a developer).
 */
export type GoalDraftCode = 'required' | 'too-long' | 'not-a-number' | 'not-a-date' | 'before-start' | 'invalid';

/** One problem of a draft: core's issue (`path` such as `title`, `metric.target`, `milestones[1].title`; rule; message) and its `code`. */
export interface GoalDraftProblem extends MentorKitErrorIssue {
  code: GoalDraftCode;
}

/** Removes keys whose value is `undefined` (storage refuses them), at the top level, in the metric and in milestones. */
export function dropUndefined(input: Record<string, unknown>): Record<string, unknown> {
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(clean);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, entry]) => entry !== undefined)
        .map(([key, entry]) => [key, key === 'milestones' || key === 'metric' ? clean(entry) : entry]),
    );
  };
  return clean(input) as Record<string, unknown>;
}

/**
 * The rules of a goal beyond its schema, which `create`, `update` and `goalDraftProblems` share:
 * milestone ids used once, and a due date not before the start date. `path` prefixes the paths (`goal`).
 */
export function goalRuleIssues(
  goal: Pick<GoalDraft, 'startDate' | 'dueDate'> & { milestones?: ReadonlyArray<{ id?: string | undefined }> | undefined },
  path = '',
): GoalDraftProblem[] {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  const problems: GoalDraftProblem[] = [];
  const seen = new Set<unknown>();
  // The goal may not have passed its schema yet (goalDraftProblems reports both at once): look only at what is well formed.
  (Array.isArray(goal.milestones) ? goal.milestones : []).forEach((milestone: { id?: unknown } | null, index) => {
    const id = milestone?.id;
    if (typeof id !== 'string') return;
    if (seen.has(id)) problems.push({ path: at(`milestones[${index}].id`), message: `Milestone id "${id}" is used twice in this goal.`, code: 'invalid' });
    seen.add(id);
  });
  if (isCalendarDate(goal.startDate) && isCalendarDate(goal.dueDate) && goal.dueDate < goal.startDate)
    problems.push({ path: at('dueDate'), message: 'The due date must not be before the start date.', code: 'before-start' });
  return problems;
}

/** The code of each of the schema's rules (`MentorKitErrorIssue.rule`); its one `check` on text is "not empty". */
const CODES: Readonly<Record<string, GoalDraftCode>> = {
  required: 'required',
  check: 'required',
  max_length: 'too-long',
  number: 'not-a-number',
  finite: 'not-a-number',
  'calendar-date': 'not-a-date',
};

/** A milestone's id (its checks) and the list of milestones (at most 100) are `invalid`, not text. */
const codeOf = ({ rule = '', path }: MentorKitErrorIssue): GoalDraftCode => (/\.id$|^milestones$/.test(path) ? 'invalid' : (CODES[rule] ?? 'invalid'));

/**
 * Every problem of a goal draft, as `kit.goals.create` and `update` would refuse it — the same schema
 * (`GoalDraftSchema`, with its text limits) and the same rules (`goalRuleIssues`) — each with a `code` a
 * form words for its field. Empty when the draft may be saved. The SMART check (`checkSmartGoal`) is
 * advice on top of this, not a problem. A draft that is not an object is refused with `invalid-input`.
 *
 * ```ts
 * goalDraftProblems({ title: '', metric: { name: 'talks', start: 0, target: Number.NaN } });
 * // [{ path: 'title', code: 'required', … }, { path: 'metric.target', code: 'not-a-number', … }]
 * ```
 */
export function goalDraftProblems(draft: GoalDraft): GoalDraftProblem[] {
  if (typeof draft !== 'object' || draft === null || Array.isArray(draft))
    invalidInput('draft', 'Pass the goal draft as an object such as { title: "Run 3 retrospectives" }.');
  let problems: GoalDraftProblem[] = [];
  try {
    parseOrThrow(GoalDraftSchema, dropUndefined(draft as Record<string, unknown>));
  } catch (error) {
    if (!isMentorKitError(error, 'invalid-input')) throw error;
    problems = error.issues.map((issue) => ({ ...issue, code: codeOf(issue) }));
  }
  // The rules beyond the schema too, at once (create applies them once the schema passes): one problem per field.
  return [...problems, ...goalRuleIssues(draft).filter((rule) => !problems.some((problem) => problem.path === rule.path))];
}

/** Whose goal it is: a stored goal (its `ownerId`), or the pairing of a new one (its mentee, whom `create` makes the owner). */
export type GoalOwnerOf = Pick<Goal, 'ownerId'> | Pick<Pairing, 'menteeId'>;

/**
 * Whether `userId` may keep this goal — or a new goal in this pairing — private (only its owner sees
 * it): only its owner may, so for a new goal the pairing's mentee; never a mentor or co-mentor, whose
 * goals are shared with the mentee. The rule the access policy applies to `create` and `update`.
 */
export function mayMakePrivate(goalOrPairing: GoalOwnerOf, userId: string): boolean {
  const source = goalOrPairing as Partial<Pick<Goal, 'ownerId'> & Pick<Pairing, 'menteeId'>> | null | undefined;
  const ownerId = source?.ownerId ?? source?.menteeId;
  if (typeof ownerId !== 'string') invalidInput('goalOrPairing', 'Pass the goal (its `ownerId`), or the pairing of a new goal (its `menteeId`).');
  return ownerId === requireId(userId, 'userId');
}

/** The visibility to save: `private` when the person asked for it and may (`mayMakePrivate`), else `pairing`. */
export function goalVisibilityFor(goalOrPairing: GoalOwnerOf, userId: string, wantsPrivate: boolean): GoalVisibility {
  const allowed = mayMakePrivate(goalOrPairing, userId);
  if (typeof wantsPrivate !== 'boolean') invalidInput('wantsPrivate', '`wantsPrivate` must be true or false.');
  return wantsPrivate && allowed ? 'private' : 'pairing';
}
