import { computed, type ReadableAtom } from 'nanostores';
import type { MentorKit } from '../client/client.js';
import { Collections } from '../model/collections.js';
import { isMentorKitError } from '../model/errors.js';
import { invalidInput } from '../model/validate.js';
import type { Goal } from '../model/goal.js';
import { languageCatalogue } from '../model/languages.js';
import type { StoredRecord } from '../storage/adapter.js';
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
    const $raw = kit.internals.track(Collections.goals) as unknown as ReadableAtom<readonly Goal[]>;
    const $allGoals = computed($raw, (list) => [...list].sort(dueThenTitle) as readonly Goal[]);
    stores = { $allGoals, $goals: computed($allGoals, (list) => list.filter((goal) => !goal.archived)) };
    storesByKit.set(kit, stores);
  }
  return stores;
}

/**
 * Whether the signed-in user may change a goal. Asks the client's policy (`internals.authorize`)
 * rather than importing the policy module, so a page showing goals does not ship the policy twice.
 */
export function mayUpdate(internals: MentorKit['internals'], goal: Goal): boolean {
  try {
    internals.authorize('update', Collections.goals, goal as unknown as StoredRecord, goal as unknown as StoredRecord);
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
      mayUpdate(kit.internals, goal),
  );
}

/** `kit.goals` when the goals feature is installed on this client. */
export const installedGoals = (kit: MentorKit): GoalsApi | undefined => {
  const installed = (kit as unknown as { goals?: GoalsApi }).goals;
  return installed && typeof installed.create === 'function' ? installed : undefined;
};

const requireKit = (kit: unknown): MentorKit => {
  if (typeof kit !== 'object' || kit === null || typeof (kit as Partial<MentorKit>).internals?.track !== 'function') invalidInput('kit', 'Pass the MentorKit client from createMentorKit() (or a provider\'s `kit`).');
  return kit as MentorKit;
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
    mayUpdate: (goal) => mayUpdate(kit.internals, goal),
  };
  viewsByKit.set(kit, view);
  return view;
}

/**
 * The full goals API of a client (`kit.goals`: the commands, the SMART check), importing the write
 * path on first use. Resolves at once when it is already installed; otherwise installs `goalsFeature`.
 * Call it early (e.g. when the page is idle) to have it ready before the first change.
 */
export async function loadGoals(kit: MentorKit): Promise<GoalsApi> {
  requireKit(kit);
  const installed = installedGoals(kit);
  if (installed) return installed;
  const { goalsOf } = await import('./feature.js');
  return goalsOf(kit);
}
