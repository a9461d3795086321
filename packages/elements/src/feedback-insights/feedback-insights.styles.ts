import { css } from 'lit';

/** Styles of `<mk-feedback-insights>`. Looks come from `--mk-*` tokens and the `--mk-feedback-insights-*` properties. */
export const feedbackInsightsStyles = css`
  .card {
    display: grid;
    gap: var(--mk-space-4);
    padding: var(--mk-feedback-insights-padding, var(--mk-space-5));
    background: var(--mk-feedback-insights-background, var(--mk-color-surface));
    border: 1px solid var(--mk-feedback-insights-border-color, var(--mk-color-border));
    border-radius: var(--mk-feedback-insights-radius, var(--mk-radius-lg));
  }
  .heading {
    margin: 0;
    font-size: var(--mk-font-size-xl);
    font-weight: var(--mk-font-weight-strong);
    line-height: 1.25;
  }
  .subheading {
    margin: 0;
    font-size: var(--mk-font-size-lg);
    font-weight: var(--mk-font-weight-strong);
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
  }
  .stats {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: var(--mk-space-3);
    margin: 0;
  }
  .stat {
    display: grid;
    gap: var(--mk-space-1);
    padding: var(--mk-space-3);
    border-radius: var(--mk-radius-md);
    background: var(--mk-color-surface-raised);
  }
  .stat dt {
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
  }
  .stat dd {
    margin: 0;
    font-size: var(--mk-font-size-lg);
    font-weight: var(--mk-font-weight-strong);
  }

  .stat-note {
    display: block;
    font-size: var(--mk-font-size-sm);
    font-weight: var(--mk-font-weight-normal);
    color: var(--mk-color-text-muted);
  }
  section {
    display: grid;
    gap: var(--mk-space-2);
  }
  .section-header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--mk-space-2);
  }
  svg {
    width: 100%;
    max-width: 36rem;
    height: auto;
    overflow: visible;
  }
  .axis {
    stroke: var(--mk-color-border);
    stroke-width: 1;
  }
  .axis-label {
    fill: var(--mk-color-text-muted);
    font-size: 10px;
  }
  .line {
    fill: none;
    stroke: var(--mk-feedback-insights-line-color, var(--mk-color-accent));
    stroke-width: 2;
  }
  .point {
    fill: var(--mk-feedback-insights-line-color, var(--mk-color-accent));
  }
  .bar {
    fill: var(--mk-feedback-insights-bar-color, var(--mk-color-accent));
  }
  .bar-label {
    fill: var(--mk-color-text);
    font-size: 11px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: var(--mk-font-size-sm);
  }
  th,
  td {
    text-align: start;
    padding: var(--mk-space-1) var(--mk-space-2);
    border-bottom: 1px solid var(--mk-color-border);
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--mk-radius-md);
    padding: var(--mk-space-1) var(--mk-space-3);
    border: 1px solid var(--mk-color-accent);
    background: transparent;
    color: var(--mk-color-accent);
  }
  ul {
    margin: 0;
    padding-inline-start: var(--mk-space-5);
    display: grid;
    gap: var(--mk-space-2);
  }
  .recommendation a {
    color: var(--mk-color-accent);
    font-weight: var(--mk-font-weight-strong);
  }
  .error {
    padding: var(--mk-space-3) var(--mk-space-4);
    border: 1px solid var(--mk-color-danger);
    border-inline-start-width: 4px;
    border-radius: var(--mk-radius-md);
  }
  .skeleton {
    height: 8rem;
    border-radius: var(--mk-radius-md);
    background: var(--mk-color-surface-raised);
    animation: mk-pulse 1.4s ease-in-out infinite;
  }
  @keyframes mk-pulse {
    50% {
      opacity: 0.55;
    }
  }
`;
