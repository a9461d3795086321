/**
 * @mentorkit/core/goals — SMART goals: the SMART check, progress and status, milestones with
 * celebration, reassurance when a goal is missed, a skill catalogue, and the client feature with
 * the commands and the `$goals` store. See docs/goals.md.
 */
export { checkSmartGoal, SMART_RULES, SMART_CRITERIA } from './smart.js';
export type { SmartCheck, SmartCheckOptions, SmartIssue } from './smart.js';
export { goalProgress, metricFraction, PROGRESS_THRESHOLDS, STATUS_RANK } from './progress.js';
export type { GoalProgress, GoalStatus, ProgressInput } from './progress.js';
export { createGoalMessages, defaultGoalMessages, formatGoalMessage } from './messages.js';
export { goalMessagesEs } from './messages-es.js';
export type { GoalMessageOverrides, GoalMessages, GoalStatusName, ReplanSuggestion, SmartCriterion } from './messages.js';
export { SKILL_CATALOGUE, findSkill } from './skills.js';
export type { SkillEntry } from './skills.js';
export { bundledGoalMessages, createGoalsFeature, goalsFeature, goalsOf, GoalEventType, mayUpdate } from './feature.js';
export type { GoalChanges, GoalCreateInput, GoalMoment, GoalsApi, GoalWriteOptions, MilestoneCompletion } from './feature.js';
export { addDays, dayDiff } from './dates.js';
export type { Goal, GoalDraft, GoalMetric, Milestone, GoalVisibility } from '../model/goal.js';
