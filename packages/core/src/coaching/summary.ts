import * as v from 'valibot';
import { GoalDraftSchema, type GoalDraft } from '../model/goal.js';
import { invalidInput } from '../model/validate.js';
import { isCalendarDate } from '../model/formats.js';
import { isFinished, type CoachingAnswerValue, type CoachingFlow } from './flow.js';
import { coachingModelIn } from './languages.js';
import { withMessages, type CoachingMessages } from './messages.js';
import type { CoachingPromptKind } from './model.js';

export interface CoachingSummaryAnswer {
  promptId: string;
  question: string;
  kind: CoachingPromptKind;
  value: CoachingAnswerValue;
  /** The answer as one readable line (lists joined with "; ", scales as "7 on a scale of 0 to 10"). */
  text: string;
  answeredBy?: string | undefined;
  answeredAt: string;
}

export interface CoachingSummary {
  modelId: string;
  modelName: string;
  /** e.g. "GROW session: Lead the design review" (the topic prompt's answer when there is one). */
  title: string;
  topic?: string | undefined;
  startedAt: string;
  finishedAt?: string | undefined;
  finished: boolean;
  /** Every step, with its answered prompts in order (steps without answers have an empty list). */
  steps: Array<{ id: string; title: string; purpose: string; answers: CoachingSummaryAnswer[] }>;
  /** Items of the action lists (GROW's Will, OSKAR's Action), in order. */
  actions: string[];
  /** The whole summary as plain text (headings, one answer per line), e.g. for an email or a note. */
  text: string;
}

const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

function topicOf(flow: CoachingFlow): string | undefined {
  const id = flow.model.topicPromptId;
  const value = id === undefined ? undefined : flow.answers[id]?.value;
  if (value === undefined) return undefined;
  return oneLine(Array.isArray(value) ? value.join('; ') : String(value));
}

/** The action items of a flow: the answers to list prompts marked `actions: true`, in order. */
export function flowActions(flow: CoachingFlow): string[] {
  const actions: string[] = [];
  for (const step of flow.model.steps) {
    for (const prompt of step.prompts) {
      const value = flow.answers[prompt.id]?.value;
      if (prompt.actions && Array.isArray(value)) actions.push(...value);
    }
  }
  return actions;
}

/**
 * A readable summary of a flow (finished or not): every step with its answers, the actions, and the
 * same as plain text. Sentences come from the catalogue (`messages` overrides them).
 */
export function summarize(
  flow: CoachingFlow,
  options: { messages?: Partial<CoachingMessages> | undefined; locale?: string | undefined } = {},
): CoachingSummary {
  if (typeof flow !== 'object' || flow === null || typeof flow.model !== 'object')
    invalidInput('flow', '`flow` must be a coaching flow from startFlow or restoreFlow.');
  const messages = withMessages(options.messages, options.locale);
  // The model's words in the summary's language (GROW and OSKAR; ids and answers are unchanged).
  const model = options.locale === undefined ? flow.model : coachingModelIn(flow.model, options.locale);
  const topic = topicOf(flow);
  const steps = model.steps.map((step) => ({
    id: step.id,
    title: step.title,
    purpose: step.purpose,
    answers: step.prompts.flatMap((prompt): CoachingSummaryAnswer[] => {
      const entry = flow.answers[prompt.id];
      if (!entry) return [];
      const text =
        prompt.kind === 'scale'
          ? messages.scaleValue(entry.value as number, prompt.min ?? 0, prompt.max ?? 10)
          : Array.isArray(entry.value)
            ? (entry.value as string[]).join('; ')
            : String(entry.value);
      return [
        {
          promptId: prompt.id,
          question: prompt.text,
          kind: prompt.kind,
          value: entry.value,
          text,
          ...(entry.answeredBy !== undefined ? { answeredBy: entry.answeredBy } : {}),
          answeredAt: entry.answeredAt,
        },
      ];
    }),
  }));
  const actions = flowActions(flow);
  const finished = isFinished(flow);
  const title = messages.summaryTitle(model.name, topic);
  const lines = [title, finished && flow.finishedAt ? messages.finishedOn(flow.finishedAt.slice(0, 10)) : messages.inProgress(), ''];
  for (const step of steps) {
    if (step.answers.length === 0) continue;
    lines.push(step.title);
    for (const item of step.answers) {
      if (item.kind === 'list') {
        lines.push(`- ${item.question}`);
        for (const entry of item.value as string[]) lines.push(`  • ${oneLine(entry)}`);
      } else lines.push(`- ${item.question} ${oneLine(item.text)}`);
    }
    lines.push('');
  }
  if (actions.length > 0) {
    lines.push(messages.actionsHeading());
    for (const action of actions) lines.push(`- ${oneLine(action)}`);
  }
  return {
    modelId: flow.model.id,
    modelName: model.name,
    title,
    ...(topic !== undefined ? { topic } : {}),
    startedAt: flow.startedAt,
    ...(flow.finishedAt !== undefined ? { finishedAt: flow.finishedAt } : {}),
    finished,
    steps,
    actions,
    text: lines.join('\n').trimEnd(),
  };
}

export interface ActionsFromFlowOptions {
  /** `goals` (default): one goal per action. `milestones`: one goal (named after the topic) with each action as a milestone. */
  as?: 'goals' | 'milestones' | undefined;
  /** A development area the goals serve (GoalDraft `skill`). */
  skill?: string | undefined;
  /** Due date for the goals (`YYYY-MM-DD`). */
  dueDate?: string | undefined;
  messages?: Partial<CoachingMessages> | undefined;
  /** The language of the drafts' descriptions (and of the title of the one goal of `milestones`), e.g. `es`; default English. */
  locale?: string | undefined;
}

const clip = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`);

/**
 * Turns the actions of a flow (GROW's Will, OSKAR's Action; any list prompt with `actions: true`)
 * into `GoalDraft`s — the hand-off to the goals module: pass each to `kit.goals.create(...)` (or let
 * `kit.coaching.turnIntoGoals(runId, create)` do it and record the hand-off). Returns `[]` when
 * there are no actions. Each draft is valid against `GoalDraftSchema`.
 */
export function actionsFromFlow(flow: CoachingFlow, options: ActionsFromFlowOptions = {}): GoalDraft[] {
  if (typeof flow !== 'object' || flow === null || typeof flow.model !== 'object')
    invalidInput('flow', '`flow` must be a coaching flow from startFlow or restoreFlow.');
  if (typeof options !== 'object' || options === null) invalidInput('options', '`options` must be an object such as { as: "milestones" }.');
  const as = options.as ?? 'goals';
  if (as !== 'goals' && as !== 'milestones') invalidInput('options.as', '`options.as` must be "goals" or "milestones".');
  if (options.dueDate !== undefined && !isCalendarDate(options.dueDate))
    invalidInput('options.dueDate', '`options.dueDate` must be a calendar date YYYY-MM-DD.');
  if (options.skill !== undefined && (typeof options.skill !== 'string' || options.skill.trim() === '' || options.skill.length > 100))
    invalidInput('options.skill', '`options.skill` must be a short text such as "time management".');
  const messages = withMessages(options.messages, options.locale);
  const actions = flowActions(flow);
  if (actions.length === 0) return [];
  const topic = topicOf(flow);
  const date = (flow.finishedAt ?? flow.startedAt).slice(0, 10);
  const modelName = options.locale === undefined ? flow.model.name : coachingModelIn(flow.model, options.locale).name;
  const description = clip(messages.actionGoalDescription(modelName, date, topic), 4000);
  const common = { ...(options.skill !== undefined ? { skill: options.skill } : {}), ...(options.dueDate !== undefined ? { dueDate: options.dueDate } : {}) };
  const drafts: GoalDraft[] =
    as === 'goals'
      ? actions.map((action) => ({ title: clip(oneLine(action), 200), description, ...common }))
      : [
          {
            title: clip(topic ?? messages.milestoneGoalTitle(modelName, date), 200),
            description,
            ...common,
            milestones: actions.map((action) => ({ title: clip(oneLine(action), 200) })),
          },
        ];
  for (const draft of drafts) v.parse(GoalDraftSchema, draft);
  return drafts;
}
