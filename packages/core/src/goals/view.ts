import { computed, type ReadableAtom } from 'nanostores';
import type { MentorKit } from '../client/client.js';
import { Collections } from '../model/collections.js';
import { isMentorKitError } from '../model/errors.js';
import { invalidInput } from '../model/validate.js';
import type { Goal } from '../model/goal.js';
import { languageCatalogue } from '../model/languages.js';
import { internalsOf, isMentorKitClient } from '../client/internals.js';
import { installedFeature } from '../client/feature-host.js';
import { localTimeOf } from '../time/local-time.js';
import type { GoalsApi } from './feature.js';
import { englishGoalViewMessages, reassuranceMoment, type GoalMoment, type GoalViewMessages } from './moments.js';
import { goalProgress } from './progress.js';

/**
 * The read side of the goals module: what a page needs to *show* goals — the stores, progress,
 * status names and reassurance — without the write path (the goal schemas that validate every
 * write, the SMART check and its hints, the commands). `goalsViewOf(kit)` is small and synchronous;
 * `loadGoals(kit)` imports the write path on first use and resolves to the full `GoalsApi`
 * (`kit.goals`), so an element that lists goals ships the commands only to a page that changes one.
 *
 * ```ts
 * const view = goalsViewOf(kit);
 * view.$goals.subscribe(render);                        // the same store as kit.goals.$goals
 * button.onclick = async () => (await loadGoals(kit)).completeMilestone(goalId, milestoneId);
 * ```
 */
export interface GoalsView {
  /** Goals visible to the user, not archived; soonest due first (`kit.goals.$goals`). */
  readonly $goals: ReadableAtom<readonly Goal[]>;
  /** Like `$goals`, archived goals included. */
  readonly $allGoals: ReadableAtom<readonly Goal[]>;
  /** Status names and reassurance for a page language: the host's (when `kit.goals` is installed), else the bundled ones. */
  messagesFor(locale: string | undefined): GoalViewMessages;
  /** The date today for a person (their time zone; the signed-in user's, else UTC, when unknown). */
  today(personId?: string): string;
  /** Reassurance for a missed goal, in `messages` (default: English, or the host's catalogue). */
  reassuranceFor(goal: Goal, messages?: GoalViewMessages): GoalMoment;
  /** Goals that `kit.goals.reviewDueGoals(options)` would record as missed now (none means it has nothing to do). */
  dueForReview(options?: { pairingId?: string }): Goal[];
  /** Whether the signed-in user may change this goal (the client's policy). */
  mayUpdate(goal: Goal): boolean;
}

interface GoalStores {
  $allGoals: ReadableAtom<readonly Goal[]>;
  $goals: ReadableAtom<readonly Goal[]>;
}

const storesByKit = new WeakMap<MentorKit, GoalStores>();
const viewsByKit = new WeakMap<MentorKit, GoalsView>();

const dueThenTitle = (a: Goal, b: Goal) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1);

/** The goal stores of a client, made once per client and shared by the view and the feature. */
export function goalStoresOf(kit: MentorKit): GoalStores {
  let stores = storesByKit.get(kit);
  if (!stores) {
    const $raw = kit.collection(Collections.goals).$records;
    const $allGoals = computed($raw, (list) => [...list].sort(dueThenTitle) as readonly Goal[]);
    stores = { $allGoals, $goals: computed($allGoals, (list) => list.filter((goal) => !goal.archived)) };
    storesByKit.set(kit, stores);
  }
  return stores;
}

/**
 * Whether the signed-in user may change a goal. Asks the client's own policy check (the one its
 * writes use) rather than importing the policy module, so a page showing goals does not ship it twice.
 */
export function mayUpdate(kit: MentorKit, goal: Goal): boolean {
  try {
    internalsOf(kit).authorize('update', Collections.goals, goal, goal);
    return true;
  } catch (error) {
    if (isMentorKitError(error, 'forbidden')) return false;
    throw error;
  }
}

/** The date today for a person on this client: their time zone, else the signed-in user's, else UTC. */
export function todayFor(kit: MentorKit, personId: string | undefined): string {
  const people = kit.$people.get();
  const zone = (personId ? people[personId]?.timeZone : undefined) ?? people[kit.user.id]?.timeZone ?? 'UTC';
  return localTimeOf(zone, kit.now()).date;
}

/** Goals past their due date, unfinished, not yet recorded for that date, that the user may change. */
export function goalsDueForReview(kit: MentorKit, goals: readonly Goal[], pairingId: string | undefined): Goal[] {
  return goals.filter(
    (goal) =>
      (pairingId === undefined || goal.pairingId === pairingId) &&
      goal.dueDate !== undefined &&
      goal.missedDueDate !== goal.dueDate &&
      goalProgress(goal, todayFor(kit, goal.ownerId)).status === 'missed' &&
      mayUpdate(kit, goal),
  );
}

/** `kit.goals` when the goals feature is installed on this client (the client knows what it installed). */
export const installedGoals = (kit: MentorKit): GoalsApi | undefined => installedFeature<GoalsApi>(kit, 'goals');

export const requireKit = (kit: unknown): MentorKit => {
  if (!isMentorKitClient(kit)) invalidInput('kit', "Pass the MentorKit client from createMentorKit() (or a provider's `kit`).");
  return kit;
};

/** The read side of a client's goals (see `GoalsView`); made once per client. */
export function goalsViewOf(kit: MentorKit): GoalsView {
  requireKit(kit);
  let view = viewsByKit.get(kit);
  if (view) return view;
  const { $goals, $allGoals } = goalStoresOf(kit);
  const defaultMessages = (): GoalViewMessages => installedGoals(kit)?.messages ?? englishGoalViewMessages;
  view = {
    $goals,
    $allGoals,
    messagesFor: (locale) => installedGoals(kit)?.messagesFor(locale) ?? languageCatalogue<GoalViewMessages>('goals', locale) ?? englishGoalViewMessages,
    today: (personId) => todayFor(kit, personId),
    reassuranceFor: (goal, messages = defaultMessages()) => reassuranceMoment(goal, goalProgress(goal, todayFor(kit, goal.ownerId)).percent, messages),
    dueForReview: (options = {}) => goalsDueForReview(kit, $goals.get(), options.pairingId),
    mayUpdate: (goal) => mayUpdate(kit, goal),
  };
  viewsByKit.set(kit, view);
  return view;
}
