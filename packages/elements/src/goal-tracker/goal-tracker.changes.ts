// The tracker's changes to a goal (tick or untick a milestone, archive), loaded on the first change
// together with the goals write path: a page that only shows goals never fetches them (DESIGN's
// 20 kB budget for the tracker's first load).
import type { MentorKit } from '@mentorkit/core';
import { loadGoals, type Goal, type GoalMoment } from '@mentorkit/core/goals';
import { emit } from '../internal/emit.js';
import { focusInstead } from '../internal/focus.js';

/** What a change needs from the tracker. */
export interface ChangeContext {
  tracker: HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment; readonly updateComplete: Promise<boolean> };
  kit: MentorKit;
  /** Shows what went wrong (undefined: clears the last error). */
  showError(error: unknown): void;
  showMoment(moment: GoalMoment): void;
}

/** A change: a milestone ticked (`done: true`) or unticked, or the goal archived (`milestoneId` left out). */
export interface GoalChange {
  goal: Goal;
  control: Element;
  milestoneId?: string | undefined;
  done?: boolean | undefined;
}

/**
 * Runs a change from one of a goal's controls. When the change takes that goal off the list with
 * focus in it (achieved under "Active", archived), focus moves to the goal that took its place, else
 * the one before, else "New goal" — never to the page's <body> (WAI-ARIA APG). A milestone change that
 * fails puts its checkbox back to what is stored: nothing was saved.
 */
export async function changeGoal(context: ChangeContext, { goal, control, milestoneId, done = false }: GoalChange): Promise<void> {
  const { tracker } = context;
  const row = control.closest('.goal')!;
  const neighbour = row.nextElementSibling ?? row.previousElementSibling;
  context.showError(undefined);
  try {
    if (milestoneId === undefined) {
      await (await loadGoals(context.kit)).archive(goal.id);
    } else {
      try {
        const goals = await loadGoals(context.kit); // offline, the write path may not load: nothing is saved either
        if (done) {
          const result = await goals.completeMilestone(goal.id, milestoneId);
          context.showMoment(result.celebration);
          if (result.achievement) context.showMoment(result.achievement);
        } else {
          await goals.reopenMilestone(goal.id, milestoneId);
        }
        emit(tracker, 'mk-milestone-toggle', { goalId: goal.id, milestoneId, done });
      } catch (error) {
        (control as HTMLInputElement).checked = !done;
        throw error;
      }
    }
  } catch (error) {
    context.showError(error);
  }
  await tracker.updateComplete;
  if (!row.isConnected) focusInstead(tracker.renderRoot, neighbour?.querySelector('.goal-title'), '[part~="new-goal"]');
}
