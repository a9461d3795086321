// @mentorkit/core/coaching — coaching models (GROW, OSKAR, custom), the flow engine, summaries,
// the hand-off of actions to goals, the model questionnaire, and coachingFeature for runs.
export { CoachingPromptKind, COACHING_LIMITS, BUILT_IN_MODEL_IDS, defineCoachingModel, parseCoachingModel, findStep, findPrompt } from './model.js';
export type { CoachingModel, CoachingModelDefinition, CoachingPrompt, CoachingStep } from './model.js';
export { GROW, OSKAR, BUILT_IN_MODELS } from './builtin.js';
export {
  COACHING_FLOW_FORMAT,
  startFlow,
  answer,
  next,
  back,
  goTo,
  currentStep,
  isFinished,
  answerOf,
  missingRequired,
  answersOverLimit,
  reachableStepIndex,
  normaliseAnswer,
  checkAnswerLength,
  restoreFlow,
} from './flow.js';
export type { AnswerLengthCheck, AnswerLengthProblem, CoachingAnswer, CoachingAnswerValue, CoachingFlow, FlowActionOptions, StartFlowOptions } from './flow.js';
export { summarize, actionsFromFlow, flowActions } from './summary.js';
export type { ActionsFromFlowOptions, CoachingSummary, CoachingSummaryAnswer } from './summary.js';
export { coachingMessages, coachingMessagesFor, withMessages } from './messages.js';
export type { CoachingMessages } from './messages.js';
export { coachingModelIn, coachingModelTexts, localizedBuiltInModels, translateCoachingModel } from './languages.js';
export type { CoachingModelTexts } from './languages.js';
export {
  COACHING_QUESTIONNAIRE,
  coachingQuestionnaireIn,
  coachingRecommendMessages,
  coachingRecommendMessagesFor,
  recommendCoachingModel,
} from './recommend.js';
export type { CoachingQuestion, CoachingQuestionnaireAnswers, CoachingRecommendation, CoachingRecommendMessages } from './recommend.js';
export { coachingFeature, CoachingEventType } from './feature.js';
export type { CoachingApi, CoachingCommandOptions, GoalHandOffContext, StartCoachingRunInput } from './feature.js';
export type { CoachingRun } from '../model/coaching-run.js';
export type { GoalDraft } from '../model/goal.js';
