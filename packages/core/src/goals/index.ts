/**
 * @mentorkit/core/goals — SMART goals: the SMART check, progress and status, milestones with
 * celebration, reassurance when a goal is missed, a skill catalogue, and the client feature with
 * the commands and the `$goals` store — and its read side (`goalsViewOf`), which shows goals without
 * the write path and loads it on first use (`loadGoals`). See docs/goals.md.
 */
export { checkSmartGoal, PACE_UNIT_DAYS, SMART_RULES, SMART_CRITERIA } from './smart.js';
export type { SmartCheck, SmartCheckOptions, SmartIssue } from './smart.js';
export { goalProgress, metricFraction, PROGRESS_THRESHOLDS, STATUS_RANK } from './progress.js';
export type { GoalProgress, GoalStatus, ProgressInput } from './progress.js';
export { createGoalMessages, defaultGoalMessages, formatGoalMessage } from './messages.js';
export { goalMessagesEs } from './messages-es.js';
export type { GoalMessageOverrides, GoalMessages, GoalStatusName, ReplanSuggestion, SmartCriterion } from './messages.js';
export { SKILL_CATALOGUE, findSkill } from './skills.js';
export type { SkillEntry } from './skills.js';
export { bundledGoalMessages, createGoalsFeature, goalsFeature, goalsOf, GoalEventType } from './feature.js';
export type { GoalChanges, GoalCreateInput, GoalsApi, GoalWriteOptions, MilestoneCompletion } from './feature.js';
export { goalsViewOf, mayUpdate } from './view.js';
export { loadGoals } from './load.js';
export { watchDueGoals } from './review.js';
export { goalDraftProblems, goalVisibilityFor, mayMakePrivate } from './draft.js';
export type { GoalDraftCode, GoalDraftProblem, GoalOwnerOf } from './draft.js';
export type { DueGoalsWatchOptions } from './review.js';
export type { GoalsView } from './view.js';
export { englishGoalViewMessages, wordGoalMoment } from './moments.js';
export type { GoalMoment, GoalViewMessages } from './moments.js';
export { addDays, dayDiff } from './dates.js';
export type { Goal, GoalDraft, GoalMetric, Milestone, GoalVisibility } from '../model/goal.js';
