import { languageCatalogue } from '../model/languages.js';

/**
 * The sentences the coaching module produces for people (errors, summaries, goal descriptions,
 * recommendation reasons). Hosts translate or reword them by passing `messages` (a partial
 * catalogue) to the functions that produce text; widgets show what core gives them.
 *
 * Languages: pass `locale` (e.g. `'es'`) to the same functions to start from the catalogue registered
 * for that language (Spanish once `registerSpanish()` from `@mentorkit/core/es` has run), English
 * otherwise; `messages` still win over it.
 */
export interface CoachingMessages {
  /** `next` was refused: these required questions of the step are unanswered. */
  requiredMissing(stepTitle: string, questions: readonly string[]): string;
  /** `next` on a finished flow. */
  alreadyFinished(): string;
  /** `back` on the first step. */
  atFirstStep(): string;
  /** `goTo` a step that cannot be reached yet. */
  stepNotReachable(stepTitle: string, blockingStepTitle: string): string;
  /** The summary's heading line. */
  summaryTitle(modelName: string, topic: string | undefined): string;
  /** How a scale answer reads in a summary, e.g. "7 on a scale of 0 to 10". */
  scaleValue(value: number, min: number, max: number): string;
  /** The summary's actions heading. */
  actionsHeading(): string;
  /** The description of a goal drafted from an action. */
  actionGoalDescription(modelName: string, date: string, topic: string | undefined): string;
  /** The title of the one goal that holds the actions as milestones, when there is no topic answer. */
  milestoneGoalTitle(modelName: string, date: string): string;
  /** Status words. */
  inProgress(): string;
  finishedOn(date: string): string;
}

const quoteList = (questions: readonly string[]) => questions.map((question) => `“${question}”`).join(', ');

/** The default (English) catalogue. */
export const coachingMessages: CoachingMessages = {
  requiredMissing: (stepTitle, questions) =>
    `Before leaving ${stepTitle}, answer ${questions.length === 1 ? 'this question' : `these ${questions.length} questions`}: ${quoteList(questions)}.`,
  alreadyFinished: () => 'This session is finished. Go back to change an answer, or start a new session.',
  atFirstStep: () => 'This is the first step; there is no step before it.',
  stepNotReachable: (stepTitle, blockingStepTitle) => `${stepTitle} opens once the required questions of ${blockingStepTitle} are answered.`,
  summaryTitle: (modelName, topic) => (topic ? `${modelName} session: ${topic}` : `${modelName} session`),
  scaleValue: (value, min, max) => `${value} on a scale of ${min} to ${max}`,
  actionsHeading: () => 'Actions',
  actionGoalDescription: (modelName, date, topic) => `Agreed in a ${modelName} coaching session on ${date}${topic ? `, working towards: ${topic}` : ''}.`,
  milestoneGoalTitle: (modelName, date) => `Actions from the ${modelName} session of ${date}`,
  inProgress: () => 'In progress',
  finishedOn: (date) => `Finished on ${date}`,
};

/** The catalogue for a locale: the one registered for its language (`registerSpanish()`), else English. */
export function coachingMessagesFor(locale: string | undefined): CoachingMessages {
  return languageCatalogue<CoachingMessages>('coaching', locale) ?? coachingMessages;
}

/** The default catalogue (or the one of `locale`'s language) with the host's overrides on top. */
export function withMessages(overrides: Partial<CoachingMessages> | undefined, locale?: string): CoachingMessages {
  const base = locale === undefined ? coachingMessages : coachingMessagesFor(locale);
  return overrides ? { ...base, ...overrides } : base;
}
