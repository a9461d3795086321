// Loading the goals write path on demand: the view (goalsViewOf) stays small, and the commands come
// with the first change.
import type { MentorKit } from '../client/client.js';
import type { GoalsApi } from './feature.js';
import { installedGoals, requireKit } from './view.js';

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
