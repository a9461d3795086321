import * as v from 'valibot';
import { MentorKitError, type MentorKitErrorIssue } from '../model/errors.js';
import { issuePath } from '../model/validate.js';

/**
 * Coaching models as data: a model is a list of steps, each with a purpose line and prompts. A prompt
 * is answered with text, a list (one item per line), or a number on a scale (0–10 by default).
 * GROW and OSKAR are built in (see builtin.ts); an organisation defines its own with
 * `defineCoachingModel`, and every widget renders it with no extra code.
 */

/** How a prompt is answered. */
export const CoachingPromptKind = { text: 'text', list: 'list', scale: 'scale' } as const;
export type CoachingPromptKind = (typeof CoachingPromptKind)[keyof typeof CoachingPromptKind];

export interface CoachingPrompt {
  /** Unique within the model (answers are keyed by it); letters, digits, `-` and `_`. */
  readonly id: string;
  readonly kind: CoachingPromptKind;
  /** The question, as the person reads it. */
  readonly text: string;
  /** A hint under the question. */
  readonly help?: string | undefined;
  /** Whether the step can be left without an answer to this prompt. */
  readonly required: boolean;
  /** Scale prompts: the lowest and highest values (integers; default 0 and 10). */
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  /** Scale prompts: what the ends of the scale mean ("Not at all", "Completely"). */
  readonly minLabel?: string | undefined;
  readonly maxLabel?: string | undefined;
  /** List prompts: each item is an action that can become a goal or a milestone (GROW's Will, OSKAR's Action). */
  readonly actions?: boolean | undefined;
}

export interface CoachingStep {
  /** Unique within the model. */
  readonly id: string;
  readonly title: string;
  /** One line saying what the step is for. */
  readonly purpose: string;
  readonly prompts: readonly CoachingPrompt[];
  /** The step looks back at the previous run of the same model for the pairing (OSKAR's Review). */
  readonly reviewsPreviousRun?: boolean | undefined;
}

export interface CoachingModel {
  /** `grow`, `oskar`, or a custom model's id. */
  readonly id: string;
  readonly name: string;
  readonly description?: string | undefined;
  readonly steps: readonly CoachingStep[];
  /** The prompt whose answer names what the session is about (the summary title, and the goal title when actions become milestones). */
  readonly topicPromptId?: string | undefined;
}

/** What `defineCoachingModel` accepts: a `CoachingModel` where `kind` (default `text`) and `required` (default `false`) may be left out. */
export interface CoachingModelDefinition {
  id: string;
  name: string;
  description?: string | undefined;
  topicPromptId?: string | undefined;
  steps: Array<{
    id: string;
    title: string;
    purpose: string;
    reviewsPreviousRun?: boolean | undefined;
    prompts: Array<{
      id: string;
      kind?: CoachingPromptKind | undefined;
      text: string;
      help?: string | undefined;
      required?: boolean | undefined;
      min?: number | undefined;
      max?: number | undefined;
      minLabel?: string | undefined;
      maxLabel?: string | undefined;
      actions?: boolean | undefined;
    }>;
  }>;
}

/** Limits of a model definition (documented in docs/coaching.md). */
export const COACHING_LIMITS = {
  steps: 20,
  promptsPerStep: 20,
  /** A scale has at most this many points (max − min + 1), so it stays a usable radio group. */
  scalePoints: 21,
  textAnswer: 4000,
  listItems: 50,
  listItem: 500,
} as const;

/** Ids of models MentorKit ships; custom models need another id. */
export const BUILT_IN_MODEL_IDS = ['grow', 'oskar'] as const;

const PART_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const partId = v.pipe(
  v.string('must be a string id'),
  v.check(
    (value) => PART_ID.test(value),
    (issue) => `must be 1–64 letters, digits, "-" or "_", starting with a letter or digit (got ${JSON.stringify(issue.input)})`,
  ),
);
const text = (max: number) =>
  v.pipe(
    v.string('must be text'),
    v.check((value) => value.trim().length > 0, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );
const integer = v.pipe(
  v.number('must be a whole number'),
  v.integer('must be a whole number'),
  v.minValue(-1000, 'must be -1000 or more'),
  v.maxValue(1000, 'must be 1000 or less'),
);

const PromptSchema = v.object(
  {
    id: partId,
    kind: v.optional(v.picklist(['text', 'list', 'scale'], 'must be "text", "list" or "scale"'), 'text'),
    text: text(500),
    help: v.optional(text(500)),
    required: v.optional(v.boolean('must be true or false'), false),
    min: v.optional(integer),
    max: v.optional(integer),
    minLabel: v.optional(text(80)),
    maxLabel: v.optional(text(80)),
    actions: v.optional(v.boolean('must be true or false')),
  },
  'must be a prompt such as { "id": "why", "text": "Why does this matter?" }',
);

const StepSchema = v.object(
  {
    id: partId,
    title: text(120),
    purpose: text(500),
    reviewsPreviousRun: v.optional(v.boolean('must be true or false')),
    prompts: v.pipe(
      v.array(PromptSchema, 'must be a list of prompts'),
      v.minLength(1, 'must have at least one prompt'),
      v.maxLength(COACHING_LIMITS.promptsPerStep, `must have at most ${COACHING_LIMITS.promptsPerStep} prompts`),
    ),
  },
  'must be a step such as { "id": "goal", "title": "Goal", "purpose": "…", "prompts": [ … ] }',
);

const ModelSchema = v.object(
  {
    id: v.pipe(
      v.string('must be a string id'),
      v.check(
        (value) => PART_ID.test(value),
        (issue) => `must be 1–64 letters, digits, "-" or "_", starting with a letter or digit (got ${JSON.stringify(issue.input)})`,
      ),
    ),
    name: text(120),
    description: v.optional(text(1000)),
    topicPromptId: v.optional(partId),
    steps: v.pipe(
      v.array(StepSchema, 'must be a list of steps'),
      v.minLength(1, 'must have at least one step'),
      v.maxLength(COACHING_LIMITS.steps, `must have at most ${COACHING_LIMITS.steps} steps`),
    ),
  },
  'must be a coaching model such as { "id": "…", "name": "…", "steps": [ … ] }',
);

const KNOWN_KEYS = {
  model: ['id', 'name', 'description', 'topicPromptId', 'steps'],
  step: ['id', 'title', 'purpose', 'reviewsPreviousRun', 'prompts'],
  prompt: ['id', 'kind', 'text', 'help', 'required', 'min', 'max', 'minLabel', 'maxLabel', 'actions'],
} as const;

function unknownKeys(value: unknown, known: readonly string[], path: string, noun: string, issues: MentorKitErrorIssue[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      const where = path === '' ? key : `${path}.${key}`;
      issues.push({
        path: where,
        message: `\`${where}\` is not a field of a coaching ${noun}; the fields are ${known.map((name) => `\`${name}\``).join(', ')}.`,
      });
    }
  }
}

function fail(issues: MentorKitErrorIssue[]): never {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` There ${issues.length > 2 ? `are ${issues.length - 1} more problems` : 'is 1 more problem'}; see \`issues\`.` : '';
  throw new MentorKitError('invalid-input', first.message + more, { path: first.path, issues });
}

/** Freezes `value` and everything in it (models and flows are shared, never changed in place). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validates a model and returns it normalised (defaults filled, unknown keys refused) and frozen.
 * `allowBuiltInId` is for MentorKit's own models and for restoring saved flows.
 */
export function parseCoachingModel(definition: unknown, options: { allowBuiltInId?: boolean | undefined; rootPath?: string | undefined } = {}): CoachingModel {
  const root = options.rootPath ?? '';
  const join = (path: string) => (root === '' ? path : path === '' ? root : `${root}.${path}`);
  const result = v.safeParse(ModelSchema, definition, { abortPipeEarly: true });
  if (!result.success) {
    fail(
      result.issues.map((issue) => {
        const path = join(issuePath(issue));
        const where = path === '' ? 'The model' : `\`${path}\``;
        const message =
          issue.kind === 'schema' && issue.received === 'undefined' && path !== ''
            ? `${where} is required.`
            : `${where} ${issue.message}${/[.!?)]$/.test(issue.message) ? '' : '.'}`;
        return { path, message };
      }),
    );
  }
  const model = result.output;
  const issues: MentorKitErrorIssue[] = [];
  unknownKeys(definition, KNOWN_KEYS.model, root, 'model', issues);
  const rawSteps = (definition as { steps: unknown[] }).steps;
  rawSteps.forEach((step, stepIndex) => {
    unknownKeys(step, KNOWN_KEYS.step, join(`steps[${stepIndex}]`), 'step', issues);
    const rawPrompts = (step as { prompts: unknown[] }).prompts;
    rawPrompts.forEach((prompt, promptIndex) => unknownKeys(prompt, KNOWN_KEYS.prompt, join(`steps[${stepIndex}].prompts[${promptIndex}]`), 'prompt', issues));
  });

  if (!options.allowBuiltInId && (BUILT_IN_MODEL_IDS as readonly string[]).includes(model.id.toLowerCase())) {
    issues.push({
      path: join('id'),
      message: `\`${join('id')}\` "${model.id}" is the id of a built-in model; give your model its own id, e.g. "${model.id}-acme".`,
    });
  }
  const stepIds = new Map<string, number>();
  const promptIds = new Map<string, string>();
  model.steps.forEach((step, stepIndex) => {
    const stepPath = join(`steps[${stepIndex}]`);
    const seenAt = stepIds.get(step.id);
    if (seenAt !== undefined)
      issues.push({ path: `${stepPath}.id`, message: `\`${stepPath}.id\` "${step.id}" is already the id of steps[${seenAt}]; step ids must be unique.` });
    else stepIds.set(step.id, stepIndex);
    step.prompts.forEach((prompt, promptIndex) => {
      const promptPath = `${stepPath}.prompts[${promptIndex}]`;
      const first = promptIds.get(prompt.id);
      if (first !== undefined)
        issues.push({
          path: `${promptPath}.id`,
          message: `\`${promptPath}.id\` "${prompt.id}" is already used by ${first}; prompt ids must be unique across the whole model (answers are keyed by them).`,
        });
      else promptIds.set(prompt.id, promptPath);
      if (prompt.kind === 'scale') {
        const min = prompt.min ?? 0;
        const max = prompt.max ?? 10;
        if (min >= max) issues.push({ path: `${promptPath}.max`, message: `\`${promptPath}.max\` (${max}) must be greater than \`min\` (${min}).` });
        else if (max - min + 1 > COACHING_LIMITS.scalePoints)
          issues.push({
            path: `${promptPath}.max`,
            message: `\`${promptPath}\` has ${max - min + 1} points; a scale may have at most ${COACHING_LIMITS.scalePoints} (e.g. 0 to 10, or 1 to 5).`,
          });
      } else {
        for (const key of ['min', 'max', 'minLabel', 'maxLabel'] as const) {
          if (prompt[key] !== undefined)
            issues.push({ path: `${promptPath}.${key}`, message: `\`${promptPath}.${key}\` applies only to scale prompts; set "kind": "scale" or remove it.` });
        }
      }
      if (prompt.actions && prompt.kind !== 'list')
        issues.push({
          path: `${promptPath}.actions`,
          message: `\`${promptPath}.actions\` applies only to list prompts (each item becomes an action); set "kind": "list" or remove it.`,
        });
    });
  });
  if (model.topicPromptId !== undefined && !promptIds.has(model.topicPromptId)) {
    issues.push({ path: join('topicPromptId'), message: `\`${join('topicPromptId')}\` "${model.topicPromptId}" is not the id of any prompt of the model.` });
  }
  if (issues.length > 0) fail(issues);

  // Build the normalised model with only the keys that are set (so it serialises compactly and predictably).
  const clean = <T extends Record<string, unknown>>(object: T): T => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
  const normalised: CoachingModel = clean({
    id: model.id,
    name: model.name,
    description: model.description,
    topicPromptId: model.topicPromptId,
    steps: model.steps.map(
      (step) =>
        clean({
          id: step.id,
          title: step.title,
          purpose: step.purpose,
          reviewsPreviousRun: step.reviewsPreviousRun,
          prompts: step.prompts.map(
            (prompt) =>
              clean({
                id: prompt.id,
                kind: prompt.kind,
                text: prompt.text,
                help: prompt.help,
                required: prompt.required,
                ...(prompt.kind === 'scale' ? { min: prompt.min ?? 0, max: prompt.max ?? 10, minLabel: prompt.minLabel, maxLabel: prompt.maxLabel } : {}),
                actions: prompt.actions,
              }) as CoachingPrompt,
          ),
        }) as CoachingStep,
    ),
  });
  return deepFreeze(normalised);
}

/**
 * Validates an organisation's own coaching model ("create your own approach") and returns it
 * normalised and frozen: `kind` defaults to `text`, `required` to `false`, scales to 0–10.
 * Errors are `MentorKitError` `invalid-input` with the `path` of the first problem (e.g.
 * `steps[1].prompts[0].kind`) and every problem in `issues`; unknown fields are refused, so a typo
 * such as `"requierd"` is caught.
 *
 * ```ts
 * const retro = defineCoachingModel({
 *   id: 'retro', name: 'Retrospective',
 *   steps: [
 *     { id: 'went-well', title: 'What went well', purpose: 'Start from strengths.', prompts: [{ id: 'wins', kind: 'list', text: 'What went well?', required: true }] },
 *     { id: 'confidence', title: 'Confidence', purpose: 'Take a reading.', prompts: [{ id: 'confidence', kind: 'scale', text: 'How confident are you?' }] },
 *     { id: 'next', title: 'Next', purpose: 'Commit.', prompts: [{ id: 'actions', kind: 'list', text: 'What will you try?', actions: true }] },
 *   ],
 * });
 * ```
 */
export function defineCoachingModel(definition: CoachingModelDefinition): CoachingModel {
  return parseCoachingModel(definition);
}

/** The step of a model with this id, or `undefined`. */
export function findStep(model: CoachingModel, stepId: string): CoachingStep | undefined {
  return model.steps.find((step) => step.id === stepId);
}

/** The prompt of a model with this id, with its step, or `undefined`. */
export function findPrompt(model: CoachingModel, promptId: string): { step: CoachingStep; prompt: CoachingPrompt } | undefined {
  for (const step of model.steps) {
    const prompt = step.prompts.find((candidate) => candidate.id === promptId);
    if (prompt) return { step, prompt };
  }
  return undefined;
}
