// Recording missed goals while a page shows them: when to review, and loading the write path only then.
import type { MentorKit } from '../client/client.js';
import type { Goal } from '../model/goal.js';
import { invalidInput } from '../model/validate.js';
import { loadGoals } from './load.js';
import type { GoalMoment } from './moments.js';
import { goalsViewOf } from './view.js';

export interface DueGoalsWatchOptions {
  /** Only this pairing's goals. Default: every goal the user may change. */
  pairingId?: string | undefined;
  /** The goals this review recorded as missed, each with its reassurance (called only when there is at least one). */
  onMissed(missed: Array<{ goal: Goal; reassurance: GoalMoment }>): void;
  /** The write path could not be loaded, or a write failed. Default: `console.error`. */
  onError?: ((error: unknown) => void) | undefined;
}

/**
 * Records goals that slipped past their due date (`reviewDueGoals`) while a page shows them: once the
 * client has loaded, when the goals change, and when the hour turns — at most once per hour and number
 * of goals for this client (so its user) and pairing. The write path (`loadGoals`) loads only when a
 * goal is due (`dueForReview`): a page whose goals are on time never fetches it for this. Returns a
 * function that stops watching; no callback runs after it.
 *
 * ```ts
 * const stop = watchDueGoals(kit, { pairingId, onMissed: (missed) => missed.forEach(({ reassurance }) => show(reassurance)) });
 * ```
 */
export function watchDueGoals(kit: MentorKit, options: DueGoalsWatchOptions): () => void {
  const view = goalsViewOf(kit); // checks `kit`
  const { pairingId, onMissed, onError = console.error } = (options ?? {}) as Partial<DueGoalsWatchOptions>;
  for (const [name, value] of Object.entries({ onMissed, onError }))
    if (typeof value !== 'function') invalidInput(`options.${name}`, `\`${name}\` must be a function.`);
  if (pairingId !== undefined && (typeof pairingId !== 'string' || !pairingId))
    invalidInput('options.pairingId', '`pairingId` must be a pairing id, or left out.');
  const filter = pairingId ? { pairingId } : {};
  let reviewed: string | undefined;
  let watching = true;
  const check = () => {
    const key = `${kit.now().slice(0, 13)}|${view.$goals.get().length}`;
    if (watching && key !== reviewed && kit.$status.get() === 'ready' && ((reviewed = key), view.dueForReview(filter).length > 0))
      loadGoals(kit)
        .then((goals) => goals.reviewDueGoals(filter))
        .then((missed) => watching && missed.length > 0 && onMissed!(missed))
        .catch((error: unknown) => watching && onError(error));
  };
  // Now, on every change of the goals and of the client's status, and each minute for the hour to turn.
  const stops = [view.$goals.listen(check), kit.$status.listen(check), clearInterval.bind(undefined, setInterval(check, 60_000))];
  check();
  return () => {
    watching = false;
    for (const stop of stops) stop();
  };
}
