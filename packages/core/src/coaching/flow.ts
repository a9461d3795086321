import { MentorKitError } from '../model/errors.js';
import { isInstant } from '../model/formats.js';
import { invalidInput } from '../model/validate.js';
import { coachingModelIn } from './languages.js';
import { withMessages, type CoachingMessages } from './messages.js';
import { COACHING_LIMITS, deepFreeze, findPrompt, parseCoachingModel, type CoachingModel, type CoachingPrompt, type CoachingStep } from './model.js';

/**
 * The flow engine: a coaching session walked through a model's steps. A flow is a plain, frozen,
 * JSON-serialisable value — every function returns a new flow and never changes its argument —
 * so a host can save it after every answer (`coachingFeature` does) and resume it on another
 * device with `restoreFlow(JSON.parse(saved))`. The flow carries a copy of its model, so a run
 * resumes with the questions it started with even if the organisation edits its model later.
 */

/** Marks a serialised flow and its format version. */
export const COACHING_FLOW_FORMAT = 'mentorkit.coaching-flow/1';

/** Text for `text` prompts, a list of items for `list` prompts, a whole number for `scale` prompts. */
export type CoachingAnswerValue = string | readonly string[] | number;

export interface CoachingAnswer {
  readonly value: CoachingAnswerValue;
  /** Who gave this answer (the person's id), when known. */
  readonly answeredBy?: string | undefined;
  /** When (ISO instant). */
  readonly answeredAt: string;
}

export interface CoachingFlow {
  readonly format: typeof COACHING_FLOW_FORMAT;
  /** A copy of the model the session follows. */
  readonly model: CoachingModel;
  /** Index of the current step; equal to `model.steps.length` once the flow is finished (the summary). */
  readonly stepIndex: number;
  /** Answers by prompt id (unanswered prompts have none). */
  readonly answers: Readonly<Record<string, CoachingAnswer>>;
  readonly startedAt: string;
  readonly startedBy?: string | undefined;
  /** Set when `next` left the last step; cleared by `back`. */
  readonly finishedAt?: string | undefined;
  /** The run this one follows up (OSKAR's Review looks back at it). */
  readonly previousRunId?: string | undefined;
}

export interface FlowActionOptions {
  /** Who acts (a person id); recorded with answers. */
  by?: string | undefined;
  /** When (ISO instant); default now. */
  at?: string | undefined;
  /** Overrides for the sentences of errors. */
  messages?: Partial<CoachingMessages> | undefined;
  /** The language of the sentences of errors (and of the step titles and questions they quote), e.g. `es`; default English. */
  locale?: string | undefined;
}

export interface StartFlowOptions {
  by?: string | undefined;
  at?: string | undefined;
  previousRunId?: string | undefined;
}

function checkActor(options: { by?: unknown | undefined; at?: unknown | undefined } | undefined, path = 'options'): { by: string | undefined; at: string } {
  if (options !== undefined && (typeof options !== 'object' || options === null))
    invalidInput(path, `\`${path}\` must be an object such as { by: "lucia", at: "2026-03-29T09:00:00Z" }.`);
  const by = options?.by;
  const at = options?.at;
  if (by !== undefined && (typeof by !== 'string' || by.trim() === '' || by.length > 200))
    invalidInput(`${path}.by`, `\`${path}.by\` must be the id of the person acting.`);
  if (at !== undefined && !isInstant(at)) invalidInput(`${path}.at`, `\`${path}.at\` must be an ISO 8601 instant such as "2026-03-29T09:00:00Z".`);
  return { by: by as string | undefined, at: at === undefined ? new Date().toISOString() : new Date(at as string).toISOString() };
}

function checkFlow(flow: unknown, path = 'flow'): asserts flow is CoachingFlow {
  if (
    typeof flow !== 'object' ||
    flow === null ||
    (flow as { format?: unknown | undefined }).format !== COACHING_FLOW_FORMAT ||
    typeof (flow as { model?: unknown | undefined }).model !== 'object'
  ) {
    invalidInput(path, `\`${path}\` must be a coaching flow from startFlow (or restoreFlow for a saved one).`);
  }
}

/**
 * Starts a session on `model` (GROW, OSKAR, or one from `defineCoachingModel`), at its first step.
 *
 * ```ts
 * let flow = startFlow(GROW, { by: 'lucia' });
 * flow = answer(flow, 'goal-what', 'Lead the design review of the payments API', { by: 'lucia' });
 * flow = next(flow);              // on to Reality
 * localStorage.setItem('run', JSON.stringify(flow));
 * ```
 */
export function startFlow(model: CoachingModel, options?: StartFlowOptions): CoachingFlow {
  const checked = parseCoachingModel(model, { allowBuiltInId: true, rootPath: 'model' });
  const { by, at } = checkActor(options);
  const previousRunId = options?.previousRunId;
  if (previousRunId !== undefined && (typeof previousRunId !== 'string' || previousRunId === '' || previousRunId.length > 200))
    invalidInput('options.previousRunId', '`options.previousRunId` must be the id of an earlier run.');
  return deepFreeze({
    format: COACHING_FLOW_FORMAT,
    model: checked,
    stepIndex: 0,
    answers: {},
    startedAt: at,
    ...(by !== undefined ? { startedBy: by } : {}),
    ...(previousRunId !== undefined ? { previousRunId } : {}),
  });
}

/**
 * Checks a value for `prompt` and returns it normalised (text kept as typed, list items trimmed
 * with empty ones dropped), or `undefined` when it is empty (which clears the answer).
 * List prompts also accept one string with an item per line.
 */
export function normaliseAnswer(prompt: CoachingPrompt, value: unknown, path = 'value'): CoachingAnswerValue | undefined {
  if (value === null || value === undefined) return undefined;
  switch (prompt.kind) {
    case 'text': {
      if (typeof value !== 'string') invalidInput(path, `“${prompt.text}” is answered with text (got ${Array.isArray(value) ? 'a list' : typeof value}).`);
      if (value.length > COACHING_LIMITS.textAnswer)
        invalidInput(path, `The answer to “${prompt.text}” is ${value.length} characters long; the most is ${COACHING_LIMITS.textAnswer}.`);
      return value.trim() === '' ? undefined : value;
    }
    case 'list': {
      const items = typeof value === 'string' ? value.split(/\r?\n/) : value;
      if (!Array.isArray(items) || items.some((item) => typeof item !== 'string'))
        invalidInput(path, `“${prompt.text}” is answered with a list of text items (or one text with an item per line).`);
      const kept = (items as string[]).map((item) => item.trim()).filter((item) => item !== '');
      if (kept.length > COACHING_LIMITS.listItems) invalidInput(path, `“${prompt.text}” has ${kept.length} items; the most is ${COACHING_LIMITS.listItems}.`);
      const long = kept.findIndex((item) => item.length > COACHING_LIMITS.listItem);
      if (long !== -1)
        invalidInput(
          `${path}[${long}]`,
          `Item ${long + 1} of “${prompt.text}” is ${kept[long]!.length} characters long; the most is ${COACHING_LIMITS.listItem}.`,
        );
      return kept.length === 0 ? undefined : kept;
    }
    case 'scale': {
      const min = prompt.min ?? 0;
      const max = prompt.max ?? 10;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        invalidInput(path, `“${prompt.text}” is answered with a whole number from ${min} to ${max} (got ${JSON.stringify(value)}).`);
      }
      return value;
    }
  }
}

/** One way a typed answer is too long for its prompt (see `checkAnswerLength`). */
export type AnswerLengthProblem =
  /** A text answer over `COACHING_LIMITS.textAnswer`. */
  | { readonly kind: 'too-long'; readonly length: number; readonly max: number }
  /** One item of a list answer over `COACHING_LIMITS.listItem`: its place among the items and its line in the text (both from 1). */
  | { readonly kind: 'item-too-long'; readonly item: number; readonly line: number; readonly length: number; readonly max: number }
  /** A list answer with more than `COACHING_LIMITS.listItems` items. */
  | { readonly kind: 'too-many-items'; readonly count: number; readonly max: number };

export interface AnswerLengthCheck {
  /** What a counter shows: the length of a text answer, or of the longest item of a list answer (trimmed, as saved). */
  readonly length: number;
  /** The most `length` may be: `COACHING_LIMITS.textAnswer` or `COACHING_LIMITS.listItem`. */
  readonly max: number;
  /** List answers: the items (non-empty lines) and the most allowed. */
  readonly items?: number | undefined;
  readonly maxItems?: number | undefined;
  /** Every problem, in order; empty when `answer` would accept the value. */
  readonly problems: readonly AnswerLengthProblem[];
}

/**
 * Measures a typed answer against the length limits of its prompt, the way `answer` will judge it
 * (list items trimmed, empty lines dropped) — without throwing, so a form can show a counter while
 * the person types and refuse to go on, with every problem at once, before anything is saved.
 * Scale prompts have no length: `{ length: 0, max: 0, problems: [] }`.
 *
 * ```ts
 * checkAnswerLength(prompt, 'x'.repeat(4001)).problems; // [{ kind: 'too-long', length: 4001, max: 4000 }]
 * ```
 */
export function checkAnswerLength(prompt: CoachingPrompt, value: string): AnswerLengthCheck {
  if (typeof prompt !== 'object' || prompt === null) invalidInput('prompt', '`prompt` must be a prompt of a coaching model.');
  if (typeof value !== 'string') invalidInput('value', '`value` must be the text typed for the answer.');
  if (prompt.kind === 'scale') return { length: 0, max: 0, problems: [] };
  if (prompt.kind === 'text') {
    const max = COACHING_LIMITS.textAnswer;
    return { length: value.length, max, problems: value.length > max ? [{ kind: 'too-long', length: value.length, max }] : [] };
  }
  const max = COACHING_LIMITS.listItem;
  const problems: AnswerLengthProblem[] = [];
  let items = 0;
  let longest = 0;
  value.split(/\r?\n/).forEach((line, index) => {
    const item = line.trim();
    if (item === '') return;
    items++;
    longest = Math.max(longest, item.length);
    if (item.length > max) problems.push({ kind: 'item-too-long', item: items, line: index + 1, length: item.length, max });
  });
  if (items > COACHING_LIMITS.listItems) problems.push({ kind: 'too-many-items', count: items, max: COACHING_LIMITS.listItems });
  return { length: longest, max, items, maxItems: COACHING_LIMITS.listItems, problems };
}

const sameValue = (a: CoachingAnswerValue | undefined, b: CoachingAnswerValue | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Records (or, with an empty value, clears) the answer to one prompt, with who answered and when.
 * Any prompt of the model may be answered, whatever the current step. Returns the same flow when
 * the value did not change, so callers can skip a save.
 */
export function answer(flow: CoachingFlow, promptId: string, value: CoachingAnswerValue | null, options?: FlowActionOptions): CoachingFlow {
  checkFlow(flow);
  if (typeof promptId !== 'string') invalidInput('promptId', '`promptId` must be the id of a prompt of the model.');
  const found = findPrompt(flow.model, promptId);
  if (!found) {
    const ids = flow.model.steps.flatMap((step) => step.prompts.map((prompt) => prompt.id));
    invalidInput('promptId', `${flow.model.name} has no prompt "${promptId}"; its prompts are ${ids.map((id) => `"${id}"`).join(', ')}.`);
  }
  const normalised = normaliseAnswer(found.prompt, value);
  const { by, at } = checkActor(options);
  const current = flow.answers[promptId];
  if (sameValue(current?.value, normalised)) return flow;
  // A step already left keeps its required answers (`next` checked them): they can change, not be emptied.
  if (normalised === undefined && found.prompt.required && flow.model.steps.indexOf(found.step) < flow.stepIndex) {
    invalidInput(
      `answers.${promptId}`,
      `"${found.prompt.text}" is required in ${found.step.title}, a step you have already completed: give a new answer instead, or go back to that step first.`,
    );
  }
  const answers: Record<string, CoachingAnswer> = { ...flow.answers };
  if (normalised === undefined) delete answers[promptId];
  else answers[promptId] = { value: normalised, ...(by !== undefined ? { answeredBy: by } : {}), answeredAt: at };
  return deepFreeze({ ...flow, answers });
}

/** The current step, or `undefined` once the flow is finished. */
export function currentStep(flow: CoachingFlow): CoachingStep | undefined {
  checkFlow(flow);
  return flow.model.steps[flow.stepIndex];
}

/** Whether `next` has left the last step (the summary is showing). */
export function isFinished(flow: CoachingFlow): boolean {
  checkFlow(flow);
  return flow.stepIndex >= flow.model.steps.length;
}

/** The answer to a prompt, or `undefined`. */
export function answerOf(flow: CoachingFlow, promptId: string): CoachingAnswerValue | undefined {
  checkFlow(flow);
  return flow.answers[promptId]?.value;
}

/** Required prompts of a step (default: the current one) that have no answer yet. */
export function missingRequired(flow: CoachingFlow, stepId?: string): CoachingPrompt[] {
  checkFlow(flow);
  const step = stepId === undefined ? flow.model.steps[flow.stepIndex] : flow.model.steps.find((candidate) => candidate.id === stepId);
  if (!step) {
    if (stepId === undefined) return [];
    invalidInput('stepId', `${flow.model.name} has no step "${stepId}".`);
  }
  return step.prompts.filter((prompt) => prompt.required && flow.answers[prompt.id] === undefined);
}

/**
 * Prompts of a step (default: every step) whose typed, not yet saved answer is over a length limit
 * (`checkAnswerLength`), in the model's order: what a form must not save and must not move on with.
 * `typed` holds the text typed per prompt id; prompts with nothing typed are never over.
 *
 * ```ts
 * answersOverLimit(flow, { 'goal-what': 'x'.repeat(4001) }).map((prompt) => prompt.id); // ['goal-what']
 * ```
 */
export function answersOverLimit(flow: CoachingFlow, typed: Readonly<Record<string, string>>, stepId?: string): CoachingPrompt[] {
  checkFlow(flow);
  if (typeof typed !== 'object' || typed === null) invalidInput('typed', '`typed` must hold the text typed per prompt id, e.g. { "goal-what": "…" }.');
  const steps = stepId === undefined ? flow.model.steps : flow.model.steps.filter((step) => step.id === stepId);
  if (stepId !== undefined && steps.length === 0) invalidInput('stepId', `${flow.model.name} has no step "${stepId}".`);
  return steps.flatMap((step) =>
    step.prompts.filter((prompt) => {
      const value = Object.hasOwn(typed, prompt.id) ? typed[prompt.id] : undefined;
      return typeof value === 'string' && checkAnswerLength(prompt, value).problems.length > 0;
    }),
  );
}

/** The furthest step index `goTo` may reach: the first step with unanswered required prompts (or the end). */
export function reachableStepIndex(flow: CoachingFlow): number {
  checkFlow(flow);
  const blocked = flow.model.steps.findIndex((step) => step.prompts.some((prompt) => prompt.required && flow.answers[prompt.id] === undefined));
  return blocked === -1 ? flow.model.steps.length : blocked;
}

/**
 * Moves to the next step, or finishes the flow after the last one. Refuses (`invalid-input`, with the
 * `path` `answers.<promptId>` of the first one, every one in `issues`, and `details.missingPromptIds`)
 * while a required prompt of the current step is unanswered.
 */
export function next(flow: CoachingFlow, options?: FlowActionOptions): CoachingFlow {
  checkFlow(flow);
  const messages = withMessages(options?.messages, options?.locale);
  const step = flow.model.steps[flow.stepIndex];
  if (!step) throw new MentorKitError('invalid-input', messages.alreadyFinished(), { path: 'flow.stepIndex' });
  const missing = missingRequired(flow);
  if (missing.length > 0) {
    const words = options?.locale === undefined ? undefined : coachingModelIn(flow.model, options.locale).steps[flow.stepIndex];
    const title = words?.title ?? step.title;
    const textOf = (prompt: CoachingPrompt) => words?.prompts.find((candidate) => candidate.id === prompt.id)?.text ?? prompt.text;
    const message = messages.requiredMissing(title, missing.map(textOf));
    throw new MentorKitError('invalid-input', message, {
      path: `answers.${missing[0]!.id}`,
      issues: missing.map((prompt) => ({ path: `answers.${prompt.id}`, message: messages.requiredMissing(title, [textOf(prompt)]) })),
      details: { stepId: step.id, missingPromptIds: missing.map((prompt) => prompt.id) },
    });
  }
  const { at } = checkActor(options);
  const stepIndex = flow.stepIndex + 1;
  return deepFreeze({ ...flow, stepIndex, ...(stepIndex === flow.model.steps.length ? { finishedAt: at } : {}) });
}

/** Moves to the previous step (from the summary: back to the last step, un-finishing the flow). Answers are kept. */
export function back(flow: CoachingFlow, options?: Pick<FlowActionOptions, 'messages' | 'locale'>): CoachingFlow {
  checkFlow(flow);
  if (flow.stepIndex === 0)
    throw new MentorKitError('invalid-input', withMessages(options?.messages, options?.locale).atFirstStep(), { path: 'flow.stepIndex' });
  const { finishedAt: _finishedAt, ...rest } = flow;
  return deepFreeze({ ...rest, stepIndex: Math.min(flow.stepIndex, flow.model.steps.length) - 1 });
}

/** Jumps to a step by id: any step up to the first one whose required prompts are unanswered. */
export function goTo(flow: CoachingFlow, stepId: string, options?: Pick<FlowActionOptions, 'messages' | 'locale'>): CoachingFlow {
  checkFlow(flow);
  const index = flow.model.steps.findIndex((step) => step.id === stepId);
  if (index === -1)
    invalidInput('stepId', `${flow.model.name} has no step "${String(stepId)}"; its steps are ${flow.model.steps.map((step) => `"${step.id}"`).join(', ')}.`);
  const reachable = reachableStepIndex(flow);
  if (index > reachable) {
    const steps = options?.locale === undefined ? flow.model.steps : coachingModelIn(flow.model, options.locale).steps;
    invalidInput('stepId', withMessages(options?.messages, options?.locale).stepNotReachable(steps[index]!.title, steps[reachable]!.title));
  }
  if (index === flow.stepIndex) return flow;
  const { finishedAt: _finishedAt, ...rest } = flow;
  return deepFreeze({ ...rest, stepIndex: index });
}

/**
 * Checks a saved flow (e.g. `JSON.parse` of what a device stored) and returns it as a frozen flow.
 * Throws `invalid-input` with a path when it is not one: a wrong format, a model that does not
 * validate, a step index out of range, or answers that do not fit their prompts.
 */
export function restoreFlow(saved: unknown, path = 'flow'): CoachingFlow {
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) invalidInput(path, `\`${path}\` must be a saved coaching flow (an object).`);
  const data = saved as Record<string, unknown>;
  if (data.format !== COACHING_FLOW_FORMAT)
    invalidInput(`${path}.format`, `\`${path}.format\` must be "${COACHING_FLOW_FORMAT}" (got ${JSON.stringify(data.format)}).`);
  const model = parseCoachingModel(data.model, { allowBuiltInId: true, rootPath: `${path}.model` });
  const stepIndex = data.stepIndex;
  if (typeof stepIndex !== 'number' || !Number.isInteger(stepIndex) || stepIndex < 0 || stepIndex > model.steps.length) {
    invalidInput(`${path}.stepIndex`, `\`${path}.stepIndex\` must be a whole number from 0 to ${model.steps.length}.`);
  }
  if (!isInstant(data.startedAt)) invalidInput(`${path}.startedAt`, `\`${path}.startedAt\` must be an ISO 8601 instant.`);
  for (const key of ['startedBy', 'previousRunId'] as const) {
    const value = data[key];
    if (value !== undefined && (typeof value !== 'string' || value === '' || value.length > 200))
      invalidInput(`${path}.${key}`, `\`${path}.${key}\` must be an id.`);
  }
  if (data.finishedAt !== undefined && !isInstant(data.finishedAt)) invalidInput(`${path}.finishedAt`, `\`${path}.finishedAt\` must be an ISO 8601 instant.`);
  if ((data.finishedAt !== undefined) !== (stepIndex === model.steps.length))
    invalidInput(`${path}.finishedAt`, `\`${path}.finishedAt\` is set exactly when the flow is past its last step.`);
  const rawAnswers = data.answers;
  if (typeof rawAnswers !== 'object' || rawAnswers === null || Array.isArray(rawAnswers))
    invalidInput(`${path}.answers`, `\`${path}.answers\` must map prompt ids to answers.`);
  const answers: Record<string, CoachingAnswer> = {};
  for (const [promptId, raw] of Object.entries(rawAnswers)) {
    const answerPath = `${path}.answers.${promptId}`;
    const found = findPrompt(model, promptId);
    if (!found) invalidInput(answerPath, `\`${answerPath}\` answers no prompt of ${model.name}.`);
    if (typeof raw !== 'object' || raw === null) invalidInput(answerPath, `\`${answerPath}\` must be { value, answeredAt, answeredBy? }.`);
    const entry = raw as Record<string, unknown>;
    const value = normaliseAnswer(found.prompt, entry.value, `${answerPath}.value`);
    if (value === undefined) invalidInput(`${answerPath}.value`, `\`${answerPath}.value\` must not be empty (an empty answer is left out).`);
    if (!isInstant(entry.answeredAt)) invalidInput(`${answerPath}.answeredAt`, `\`${answerPath}.answeredAt\` must be an ISO 8601 instant.`);
    if (entry.answeredBy !== undefined && (typeof entry.answeredBy !== 'string' || entry.answeredBy === ''))
      invalidInput(`${answerPath}.answeredBy`, `\`${answerPath}.answeredBy\` must be a person id.`);
    answers[promptId] = { value, ...(entry.answeredBy !== undefined ? { answeredBy: entry.answeredBy as string } : {}), answeredAt: entry.answeredAt };
  }
  return deepFreeze({
    format: COACHING_FLOW_FORMAT,
    model,
    stepIndex,
    answers,
    startedAt: data.startedAt,
    ...(data.startedBy !== undefined ? { startedBy: data.startedBy as string } : {}),
    ...(data.finishedAt !== undefined ? { finishedAt: data.finishedAt as string } : {}),
    ...(data.previousRunId !== undefined ? { previousRunId: data.previousRunId as string } : {}),
  });
}
