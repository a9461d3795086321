import { css } from 'lit';

/** Styles of `<mk-goal-tracker>`. Looks come from `--mk-*` tokens and the `--mk-goal-tracker-*` properties. */
export const goalTrackerStyles = css`
  .tracker {
    display: grid;
    gap: var(--mk-space-4);
    padding: var(--mk-goal-tracker-padding, var(--mk-space-5));
    background: var(--mk-goal-tracker-background, var(--mk-color-surface));
    border: 1px solid var(--mk-goal-tracker-border-color, var(--mk-color-border));
    border-radius: var(--mk-goal-tracker-radius, var(--mk-radius-lg));
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--mk-space-3);
  }

  .heading {
    flex: 1 1 auto;
    margin: 0;
    font-size: var(--mk-font-size-xl);
    font-weight: var(--mk-font-weight-strong);
    line-height: 1.25;
  }

  p,
  ul {
    margin: 0;
  }

  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--mk-radius-md);
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .primary {
    padding: var(--mk-space-2) var(--mk-space-4);
    color: var(--mk-color-accent-contrast);
    background: var(--mk-color-accent);
    border: 1px solid var(--mk-color-accent);
    font-weight: var(--mk-font-weight-strong);
  }

  .secondary,
  .filter {
    padding: var(--mk-space-1) var(--mk-space-3);
    color: var(--mk-color-text);
    background: var(--mk-color-surface);
    border: 1px solid var(--mk-color-border);
  }

  .filters {
    display: inline-flex;
    flex-wrap: wrap;
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-md);
    overflow: hidden;
  }

  .filter {
    border: 0;
    border-radius: 0;
  }

  .filter + .filter {
    border-inline-start: 1px solid var(--mk-color-border);
  }

  .filter[aria-pressed='true'] {
    color: var(--mk-color-accent-contrast);
    background: var(--mk-color-accent);
    font-weight: var(--mk-font-weight-strong);
  }

  .muted,
  .loading {
    color: var(--mk-color-text-muted);
  }

  .error {
    padding: var(--mk-space-3) var(--mk-space-4);
    color: var(--mk-color-danger);
    border: 1px solid var(--mk-color-danger);
    border-inline-start-width: 4px;
    border-radius: var(--mk-radius-md);
    background: var(--mk-goal-tracker-item-background, var(--mk-color-surface-raised));
  }

  .empty {
    display: grid;
    justify-items: start;
    gap: var(--mk-space-2);
    padding: var(--mk-space-5);
    border: 1px dashed var(--mk-color-border);
    border-radius: var(--mk-radius-md);
    background: var(--mk-goal-tracker-item-background, var(--mk-color-surface-raised));
  }

  .empty-title {
    font-size: var(--mk-font-size-lg);
    font-weight: var(--mk-font-weight-strong);
  }

  /* Block flow, not grid: a changed row re-lays out itself, not a 1,000-row grid. */
  .list {
    padding: 0;
    list-style: none;
  }

  .goal + .goal {
    margin-block-start: var(--mk-goal-tracker-gap, var(--mk-space-3));
  }

  .goal {
    display: grid;
    gap: var(--mk-space-2);
    padding: var(--mk-space-3) var(--mk-space-4);
    background: var(--mk-goal-tracker-item-background, var(--mk-color-surface-raised));
    border: 1px solid var(--mk-goal-tracker-border-color, var(--mk-color-border));
    border-radius: var(--mk-radius-md);
    /* Rows off screen skip layout and paint: a thousand goals stay smooth. */
    content-visibility: auto;
    contain-intrinsic-size: auto 9rem;
  }

  .goal-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--mk-space-2);
  }

  .goal-title {
    flex: 1 1 12rem;
    font-size: var(--mk-font-size-lg);
    font-weight: var(--mk-font-weight-strong);
  }

  .status {
    padding: 0 var(--mk-space-2);
    font-size: var(--mk-font-size-sm);
    font-weight: var(--mk-font-weight-strong);
    border: 1px solid currentColor;
    border-radius: var(--mk-radius-full);
  }

  .status[data-status='on-track'],
  .status[data-status='achieved'] {
    color: var(--mk-color-success);
  }

  .status[data-status='at-risk'],
  .status[data-status='behind'] {
    color: var(--mk-color-warning);
  }

  .status[data-status='missed'] {
    color: var(--mk-color-danger);
  }

  .status[data-status='not-started'] {
    color: var(--mk-color-text-muted);
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-1) var(--mk-space-3);
    font-size: var(--mk-font-size-sm);
    color: var(--mk-color-text-muted);
  }

  .progress {
    position: relative;
    block-size: var(--mk-goal-tracker-bar-height, 0.625rem);
    background: var(--mk-color-surface);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-full);
    overflow: hidden;
  }

  .progress-fill {
    block-size: 100%;
    background: var(--mk-goal-tracker-bar-color, var(--mk-color-accent));
    transition: inline-size var(--mk-duration-fast) ease-out;
  }

  .goal[data-status='achieved'] .progress-fill {
    background: var(--mk-color-success);
  }

  .progress-expected {
    position: absolute;
    inset-block: 0;
    inline-size: 2px;
    background: var(--mk-color-text);
  }

  .milestones {
    display: grid;
    gap: var(--mk-space-1);
    padding: 0;
    list-style: none;
  }

  .milestone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--mk-space-2);
  }

  .milestone label {
    display: inline-flex;
    align-items: center;
    gap: var(--mk-space-2);
    cursor: pointer;
  }

  .milestone input {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: var(--mk-color-success);
  }

  .milestone[data-done] .milestone-title {
    text-decoration: line-through;
    color: var(--mk-color-text-muted);
  }

  .milestone[data-overdue] time {
    color: var(--mk-color-danger);
  }

  .reassurance {
    display: grid;
    gap: var(--mk-space-2);
    padding: var(--mk-space-3);
    background: var(--mk-color-surface);
    border-inline-start: 4px solid var(--mk-color-accent);
    border-radius: var(--mk-radius-sm);
  }

  .replan {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2);
    padding: 0;
    list-style: none;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2);
  }
`;
