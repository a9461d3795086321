import type { ReadableAtom } from 'nanostores';
import type { MentorKit, MentorKitFeature } from '../client/client.js';
import type { DomainEvent, DomainEventMap } from '../client/events.js';
import { Collections } from '../model/collections.js';
import { MentorKitError, isMentorKitError } from '../model/errors.js';
import { GoalInputSchema, MilestoneSchema, type Goal, type GoalDraft, type GoalVisibility, type Milestone } from '../model/goal.js';
import { invalidInput, parseOrThrow } from '../model/validate.js';
import { defineFeature, requireId, stripStored, validateWriteOptions } from '../client/feature-host.js';
import { createGoalMessages, defaultGoalMessages, type GoalMessageOverrides, type GoalMessages } from './messages.js';
import { achievementMoment, celebrationMoment, reassuranceMoment, type GoalMoment } from './moments.js';
import { goalsDueForReview, goalStoresOf, installedGoals, todayFor } from './view.js';
import { languageCatalogue, languageOf } from '../model/languages.js';
import { goalProgress, type GoalProgress } from './progress.js';
import { checkSmartGoal, type SmartCheck } from './smart.js';
import { dropUndefined, goalRuleIssues } from './draft.js';

/**
 * The bundled catalogue for a BCP 47 locale: a registered one for its language (Spanish once
 * `registerSpanish()` from `@mentorkit/core/es` has run; elements do it on Spanish pages), else English.
 */
export function bundledGoalMessages(locale: string | undefined): GoalMessages {
  return languageCatalogue<GoalMessages>('goals', locale) ?? defaultGoalMessages;
}

export type { GoalMoment };

/** Domain events of the goals module (`kit.on(type, …)`); each carries the goal's `pairingId`. */
export const GoalEventType = {
  goalSet: 'goal-set',
  goalUpdated: 'goal-updated',
  milestoneAdded: 'milestone-added',
  milestoneCompleted: 'milestone-completed',
  milestoneReopened: 'milestone-reopened',
  progressRecorded: 'goal-progress-recorded',
  goalAchieved: 'goal-achieved',
  goalMissed: 'goal-missed',
  goalArchived: 'goal-archived',
} as const;
export type GoalEventType = (typeof GoalEventType)[keyof typeof GoalEventType];

declare module '../client/events.js' {
  interface DomainEventMap {
    'goal-set': { title: string; skill?: string | undefined; dueDate?: string | undefined; visibility: GoalVisibility; ownerId: string };
    'goal-updated': { changed: string[] };
    'milestone-added': { milestoneId: string; title: string; dueDate?: string | undefined };
    'milestone-completed': { milestoneId?: string | undefined; title: string; celebration: GoalMoment };
    'milestone-reopened': { milestoneId?: string | undefined; title: string };
    'goal-progress-recorded': { from: number; to: number; percent: number };
    'goal-achieved': { title: string; celebration: GoalMoment };
    'goal-missed': { title: string; dueDate?: string | undefined; percent: number; reassurance: GoalMoment };
    'goal-archived': { title: string };
  }
}

export interface GoalWriteOptions {
  /** The revision your change is based on (default: the one the client last saw); a stale one is refused with `conflict`. */
  expectedRevision?: number;
}

/** What `create` accepts: a draft, the pairing, and optionally the owner (default: the pairing's mentee), visibility and id. */
export type GoalCreateInput = GoalDraft & { pairingId: string; ownerId?: string; visibility?: GoalVisibility; id?: string };
/** What `update` accepts: any draft field, and visibility. */
export type GoalChanges = Partial<GoalDraft> & { visibility?: GoalVisibility };

export interface MilestoneCompletion {
  goal: Goal;
  milestone: Milestone;
  /** The celebration to show. */
  celebration: GoalMoment;
  /** Present when this milestone completed the goal. */
  achievement?: GoalMoment;
}

export interface GoalsApi {
  /** Goals visible to the user (theirs, and shared goals of pairings they mentor or administer), not archived; soonest due first. */
  readonly $goals: ReadableAtom<readonly Goal[]>;
  /** Like `$goals`, archived goals included. */
  readonly $allGoals: ReadableAtom<readonly Goal[]>;
  /** The message catalogue in use. */
  readonly messages: GoalMessages;
  /**
   * Replaces the catalogue: English with these overrides (e.g. a translation). With `locale`
   * (`'es'`, `'fr'`…), sets that language's catalogue instead — the bundled one for it (Spanish),
   * else English, with these overrides — used by `messagesFor` for pages in that language.
   */
  setMessages(overrides: GoalMessageOverrides, locale?: string): void;
  /**
   * The catalogue for a page language (elements pass their locale): the host's catalogue for that
   * language (`setMessages(…, locale)`), else the host's own catalogue if it set one
   * (`createGoalsFeature({ messages })` or `setMessages(…)`), else the bundled one (Spanish for
   * `es*`, English otherwise).
   */
  messagesFor(locale: string | undefined): GoalMessages;
  get(id: string): Goal;
  /** The date today for the goal's owner (their time zone; UTC when unknown). */
  today(ownerId?: string): string;
  /** `goalProgress` at the client's `now`, in the owner's time zone. */
  progress(goal: Goal | string): GoalProgress;
  /** `checkSmartGoal` for a draft, at today's date, counting the owner's other open goals, in the catalogue's words. */
  check(draft: unknown, context?: { ownerId?: string; goalId?: string; messages?: GoalMessages }): SmartCheck;
  create(input: GoalCreateInput): Promise<Goal>;
  update(id: string, changes: GoalChanges, options?: GoalWriteOptions): Promise<Goal>;
  addMilestone(
    goalId: string,
    milestone: { title: string; dueDate?: string; id?: string },
    options?: GoalWriteOptions,
  ): Promise<{ goal: Goal; milestone: Milestone }>;
  completeMilestone(goalId: string, milestoneId: string, options?: GoalWriteOptions): Promise<MilestoneCompletion>;
  reopenMilestone(goalId: string, milestoneId: string, options?: GoalWriteOptions): Promise<Goal>;
  /** Records the metric's current value. */
  recordProgress(goalId: string, current: number, options?: GoalWriteOptions): Promise<{ goal: Goal; progress: GoalProgress; achievement?: GoalMoment }>;
  archive(goalId: string, options?: GoalWriteOptions): Promise<Goal>;
  /**
   * Finds goals whose due date has passed unfinished and records each once per due date
   * (`missedAt`, `missedDueDate`), emitting `goal-missed` with reassurance. Call it when a page
   * opens and once a day; goals already recorded, archived or not yours to change are skipped.
   */
  reviewDueGoals(options?: { pairingId?: string }): Promise<Array<{ goal: Goal; reassurance: GoalMoment }>>;
  /** The moments, in the catalogue in use or in `messages` (e.g. `messagesFor('es')`). */
  celebrationFor(goal: Goal, milestoneId: string, messages?: GoalMessages): GoalMoment;
  achievementFor(goal: Goal, messages?: GoalMessages): GoalMoment;
  reassuranceFor(goal: Goal, messages?: GoalMessages): GoalMoment;
}

/** Creates the goals feature, optionally with a message catalogue (overrides of the English one). */
export function createGoalsFeature(options: { messages?: GoalMessageOverrides } = {}): MentorKitFeature<'goals', GoalsApi> {
  const initialMessages = options.messages === undefined ? defaultGoalMessages : createGoalMessages(options.messages);
  return defineFeature({
    name: 'goals',
    collections: [Collections.goals],
    install(kit: MentorKit, host): GoalsApi {
      const goals = host.collection(Collections.goals);
      let messages = initialMessages;
      let customised = options.messages !== undefined;
      const byLanguage = new Map<string, GoalMessages>();
      const { $goals, $allGoals } = goalStoresOf(kit);
      const today = (ownerId?: string) => todayFor(kit, ownerId);

      const visibleGoal = (id: unknown): Goal => {
        const goalId = requireId(id, 'goalId');
        const goal = $allGoals.get().find((candidate) => candidate.id === goalId);
        if (!goal) throw new MentorKitError('not-found', `No goal "${goalId}" is visible to you.`, { path: 'goalId' });
        return goal;
      };
      const progressOf = (goal: Goal) => goalProgress(goal, today(goal.ownerId));
      const milestoneOf = (goal: Goal, milestoneId: unknown): Milestone => {
        const id = requireId(milestoneId, 'milestoneId');
        const milestone = goal.milestones.find((candidate) => candidate.id === id);
        if (!milestone) throw new MentorKitError('not-found', `Goal "${goal.title}" has no milestone "${id}".`, { path: 'milestoneId' });
        return milestone;
      };
      const loaded = async () => {
        await kit.ready;
      };

      /** Validates a full goal record, checks its rules (milestone ids, dates), gives milestones ids. */
      const normalise = (input: Record<string, unknown>, path: string) => {
        const goal = parseOrThrow(GoalInputSchema, dropUndefined(input), path);
        const [problem] = goalRuleIssues(goal, path); // the rules goalDraftProblems applies too
        if (problem) invalidInput(problem.path, problem.message);
        goal.milestones = goal.milestones.map((milestone) => ({ ...milestone, id: milestone.id ?? host.newId() }));
        if (goal.metric && goal.metric.current === undefined) goal.metric = { ...goal.metric, current: goal.metric.start };
        return goal;
      };

      const emit = <TType extends GoalEventType>(type: TType, goal: Goal, data: DomainEventMap[TType]): DomainEvent<TType> => {
        const pairing = kit.$pairings.get().find((candidate) => candidate.id === goal.pairingId);
        return host.emit({
          type,
          collection: Collections.goals,
          recordId: goal.id,
          revision: goal.revision,
          pairingId: goal.pairingId,
          ...(pairing ? { programId: pairing.programId } : {}),
          data,
        });
      };

      /** Writes the next version of `previous` (validated), keeping `achievedAt` in step with progress. */
      const save = async (previous: Goal, next: Record<string, unknown>, writeOptions: GoalWriteOptions) => {
        const record = normalise({ ...stripStored(previous), ...next, id: previous.id }, 'goal');
        const wasAchieved = previous.achievedAt !== undefined;
        const nowAchieved = goalProgress(record, today(record.ownerId)).status === 'achieved';
        if (nowAchieved && !wasAchieved) record.achievedAt = kit.now();
        if (!nowAchieved) delete record.achievedAt;
        const stored = await goals.update(record, { expectedRevision: writeOptions.expectedRevision ?? previous.revision });
        return { goal: stored, becameAchieved: nowAchieved && !wasAchieved };
      };

      const celebrationFor = (goal: Goal, milestoneId: string, catalogue: GoalMessages = messages): GoalMoment =>
        celebrationMoment(goal, milestoneOf(goal, milestoneId).id!, catalogue);
      const achievementFor = (goal: Goal, catalogue: GoalMessages = messages): GoalMoment => achievementMoment(goal, catalogue);
      const reassuranceFor = (goal: Goal, catalogue: GoalMessages = messages): GoalMoment => reassuranceMoment(goal, progressOf(goal).percent, catalogue);

      const api: GoalsApi = {
        $goals,
        $allGoals,
        get messages() {
          return messages;
        },
        setMessages(overrides, locale) {
          if (locale === undefined) {
            messages = createGoalMessages(overrides);
            customised = true;
            return;
          }
          if (typeof locale !== 'string' || languageOf(locale) === '') invalidInput('locale', '`locale` must be a language such as "es" or "pt-BR".');
          byLanguage.set(languageOf(locale), createGoalMessages(overrides, bundledGoalMessages(locale)));
        },
        messagesFor(locale) {
          const language = languageOf(locale);
          return byLanguage.get(language) ?? (customised ? messages : bundledGoalMessages(language));
        },
        get: (id) => visibleGoal(id),
        today,
        progress: (goal) => progressOf(typeof goal === 'string' ? visibleGoal(goal) : goal),
        check(draft, context = {}) {
          const ownerId = context.ownerId ?? kit.user.id;
          const openGoals = $goals
            .get()
            .filter((goal) => goal.ownerId === ownerId && goal.id !== context.goalId && !goal.achievedAt && progressOf(goal).status !== 'missed').length;
          return checkSmartGoal(draft, { today: today(ownerId), openGoals, messages: context.messages ?? messages });
        },

        async create(input) {
          if (typeof input !== 'object' || input === null) invalidInput('goal', 'A goal needs at least { title, pairingId }.');
          await loaded();
          const pairingId = requireId((input as { pairingId?: unknown }).pairingId, 'goal.pairingId');
          const pairing = kit.$pairings.get().find((candidate) => candidate.id === pairingId);
          if (!pairing)
            throw new MentorKitError('not-found', `No pairing "${pairingId}" is visible to you; goals belong to one of your pairings.`, {
              path: 'goal.pairingId',
            });
          const ownerId = (input as { ownerId?: string }).ownerId ?? pairing.menteeId;
          const record = normalise({ startDate: today(ownerId), ...input, id: input.id ?? host.newId(), pairingId, ownerId }, 'goal');
          if (goalProgress(record, today(ownerId)).status === 'achieved') record.achievedAt = kit.now();
          const stored = await goals.create(record);
          emit(GoalEventType.goalSet, stored, {
            title: stored.title,
            skill: stored.skill,
            dueDate: stored.dueDate,
            visibility: stored.visibility,
            ownerId: stored.ownerId,
          });
          return stored;
        },

        async update(id, changes, updateOptions) {
          const writeOptions = validateWriteOptions(updateOptions);
          if (typeof changes !== 'object' || changes === null) invalidInput('changes', 'Changes must be an object such as { dueDate: "2026-12-01" }.');
          for (const key of ['id', 'pairingId', 'ownerId'] as const) {
            if (key in changes) invalidInput(`changes.${key}`, `A goal's \`${key}\` cannot change; archive it and create a new one.`);
          }
          for (const key of ['archived', 'achievedAt', 'missedAt', 'missedDueDate'] as const) {
            if (key in changes) invalidInput(`changes.${key}`, `\`${key}\` is managed by the goals commands (archive, completeMilestone, reviewDueGoals).`);
          }
          await loaded();
          const previous = visibleGoal(id);
          const { goal } = await save(previous, changes, writeOptions);
          emit(GoalEventType.goalUpdated, goal, { changed: Object.keys(changes) });
          return goal;
        },

        async addMilestone(goalId, milestone, addOptions) {
          const writeOptions = validateWriteOptions(addOptions);
          const parsed = parseOrThrow(MilestoneSchema, milestone, 'milestone');
          await loaded();
          const previous = visibleGoal(goalId);
          const added = { ...parsed, id: parsed.id ?? host.newId(), done: false };
          delete added.doneAt;
          const { goal } = await save(previous, { milestones: [...previous.milestones, added] }, writeOptions);
          emit(GoalEventType.milestoneAdded, goal, { milestoneId: added.id, title: added.title, dueDate: added.dueDate });
          return { goal, milestone: goal.milestones.find((candidate) => candidate.id === added.id)! };
        },

        async completeMilestone(goalId, milestoneId, completeOptions) {
          const writeOptions = validateWriteOptions(completeOptions);
          await loaded();
          const previous = visibleGoal(goalId);
          const target = milestoneOf(previous, milestoneId);
          if (target.done) {
            // Already done (e.g. ticked in another tab): nothing to write, and nothing new to celebrate twice.
            return { goal: previous, milestone: target, celebration: celebrationFor(previous, target.id!) };
          }
          const stamp = kit.now();
          const { goal, becameAchieved } = await save(
            previous,
            { milestones: previous.milestones.map((milestone) => (milestone.id === target.id ? { ...milestone, done: true, doneAt: stamp } : milestone)) },
            writeOptions,
          );
          const milestone = goal.milestones.find((candidate) => candidate.id === target.id)!;
          const celebration = celebrationFor(goal, milestone.id!);
          emit(GoalEventType.milestoneCompleted, goal, { milestoneId: milestone.id, title: milestone.title, celebration });
          let achievement: GoalMoment | undefined;
          if (becameAchieved) {
            achievement = achievementFor(goal);
            emit(GoalEventType.goalAchieved, goal, { title: goal.title, celebration: achievement });
          }
          return { goal, milestone, celebration, ...(achievement ? { achievement } : {}) };
        },

        async reopenMilestone(goalId, milestoneId, reopenOptions) {
          const writeOptions = validateWriteOptions(reopenOptions);
          await loaded();
          const previous = visibleGoal(goalId);
          const target = milestoneOf(previous, milestoneId);
          if (!target.done) return previous;
          const { goal } = await save(
            previous,
            { milestones: previous.milestones.map((milestone) => (milestone.id === target.id ? { ...milestone, done: false, doneAt: undefined } : milestone)) },
            writeOptions,
          );
          emit(GoalEventType.milestoneReopened, goal, { milestoneId: target.id, title: target.title });
          return goal;
        },

        async recordProgress(goalId, current, progressOptions) {
          const writeOptions = validateWriteOptions(progressOptions);
          if (typeof current !== 'number' || !Number.isFinite(current))
            invalidInput('current', "`current` must be a finite number, the metric's latest value.");
          await loaded();
          const previous = visibleGoal(goalId);
          if (!previous.metric) invalidInput('goalId', `Goal "${previous.title}" has no metric to record progress on; add one with update(id, { metric }).`);
          const { goal, becameAchieved } = await save(previous, { metric: { ...previous.metric, current } }, writeOptions);
          const progress = progressOf(goal);
          emit(GoalEventType.progressRecorded, goal, { from: previous.metric.current ?? previous.metric.start, to: current, percent: progress.percent });
          let achievement: GoalMoment | undefined;
          if (becameAchieved) {
            achievement = achievementFor(goal);
            emit(GoalEventType.goalAchieved, goal, { title: goal.title, celebration: achievement });
          }
          return { goal, progress, ...(achievement ? { achievement } : {}) };
        },

        async archive(goalId, archiveOptions) {
          const writeOptions = validateWriteOptions(archiveOptions);
          await loaded();
          const previous = visibleGoal(goalId);
          if (previous.archived) return previous;
          const { goal } = await save(previous, { archived: true }, writeOptions);
          emit(GoalEventType.goalArchived, goal, { title: goal.title });
          return goal;
        },

        async reviewDueGoals(reviewOptions = {}) {
          if (typeof reviewOptions !== 'object' || reviewOptions === null) invalidInput('options', 'Options must be an object such as { pairingId: "p-1" }.');
          if (reviewOptions.pairingId !== undefined) requireId(reviewOptions.pairingId, 'options.pairingId');
          await loaded();
          const results: Array<{ goal: Goal; reassurance: GoalMoment }> = [];
          for (const candidate of goalsDueForReview(kit, $goals.get(), reviewOptions.pairingId)) {
            try {
              const { goal } = await save(candidate, { missedAt: kit.now(), missedDueDate: candidate.dueDate }, {});
              const reassurance = reassuranceFor(goal);
              emit(GoalEventType.goalMissed, goal, { title: goal.title, dueDate: goal.dueDate, percent: progressOf(goal).percent, reassurance });
              results.push({ goal, reassurance });
            } catch (error) {
              // Someone else (another tab, the mentor) recorded or changed it meanwhile: theirs stands.
              if (!isMentorKitError(error, 'conflict')) throw error;
            }
          }
          return results;
        },

        celebrationFor,
        achievementFor,
        reassuranceFor,
      };
      return api;
    },
  });
}

/** The goals feature with the English messages. `kit.use(goalsFeature)` → `kit.goals`. */
export const goalsFeature: MentorKitFeature<'goals', GoalsApi> = createGoalsFeature();

/**
 * The goals API of a client: the one already installed (whatever catalogue the host chose), or
 * `goalsFeature` installed now. Elements use this, so they work with any client.
 */
export function goalsOf(kit: MentorKit): GoalsApi {
  return installedGoals(kit) ?? kit.use(goalsFeature);
}
