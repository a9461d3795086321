// The missed-goal review's loop (watchDueGoals in review.ts starts it): loaded on demand, so a page
// that shows goals does not carry it in its first load.
import type { MentorKit } from '../client/client.js';
import { loadGoals } from './load.js';
import type { DueGoalsWatchOptions } from './review.js';
import { goalsViewOf } from './view.js';

/** Runs the review for `watchDueGoals` (its options already checked); returns the function that stops it. */
export function runDueGoalsWatch(kit: MentorKit, { pairingId, onMissed, onError = console.error }: DueGoalsWatchOptions): () => void {
  const view = goalsViewOf(kit);
  const filter = pairingId ? { pairingId } : {};
  let reviewed: string | undefined;
  let watching = true;
  const check = () => {
    const key = `${kit.now().slice(0, 13)}|${view.$goals.get().length}`;
    if (watching && key !== reviewed && kit.$status.get() === 'ready' && ((reviewed = key), view.dueForReview(filter).length > 0))
      loadGoals(kit)
        .then((goals) => goals.reviewDueGoals(filter))
        .then((missed) => watching && missed.length > 0 && onMissed(missed))
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
