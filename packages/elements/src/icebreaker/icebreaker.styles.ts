import { css } from 'lit';

/** Styles of `<mk-icebreaker>`. Looks come from `--mk-*` tokens and the `--mk-icebreaker-*` properties. */
export const icebreakerStyles = css`
  .card {
    display: grid;
    gap: var(--mk-space-3);
    padding: var(--mk-icebreaker-padding, var(--mk-space-5));
    background: var(--mk-icebreaker-background, var(--mk-color-surface));
    border: 1px solid var(--mk-icebreaker-border-color, var(--mk-color-border));
    border-radius: var(--mk-icebreaker-radius, var(--mk-radius-lg));
  }

  h1, h2, h3, h4, h5, h6, p, ul, ol {
    margin: 0;
  }

  .heading {
    font-size: var(--mk-font-size-lg);
    font-weight: var(--mk-font-weight-strong);
  }

  .prompt {
    font-size: var(--mk-icebreaker-prompt-size, var(--mk-font-size-xl));
    line-height: 1.35;
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2);
    padding: 0;
    list-style: none;
  }

  .tag {
    padding: 0 var(--mk-space-2);
    border: 1px solid var(--mk-icebreaker-border-color, var(--mk-color-border));
    border-radius: var(--mk-radius-full);
    font-size: var(--mk-font-size-sm);
  }

  .muted {
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--mk-space-3);
  }

  label {
    display: grid;
    gap: var(--mk-space-1);
    font-size: var(--mk-font-size-sm);
  }

  select {
    min-block-size: 2.5rem;
    padding: var(--mk-space-1) var(--mk-space-2);
    border: 1px solid var(--mk-icebreaker-border-color, var(--mk-color-border));
    border-radius: var(--mk-radius-md);
    background: var(--mk-color-surface);
    color: var(--mk-color-text);
    font: inherit;
  }

  button {
    min-block-size: 2.5rem;
    padding: var(--mk-space-2) var(--mk-space-4);
    border: 1px solid var(--mk-icebreaker-accent, var(--mk-color-accent));
    border-radius: var(--mk-radius-md);
    background: var(--mk-icebreaker-accent, var(--mk-color-accent));
    color: var(--mk-color-accent-contrast);
    font: inherit;
    font-weight: var(--mk-font-weight-strong);
    cursor: pointer;
  }

  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }

  .alert {
    padding: var(--mk-space-3) var(--mk-space-4);
    border: 1px solid var(--mk-color-danger);
    border-inline-start-width: 4px;
    border-radius: var(--mk-radius-md);
  }

  details {
    border-block-start: 1px solid var(--mk-icebreaker-border-color, var(--mk-color-border));
    padding-block-start: var(--mk-space-3);
  }

  summary {
    cursor: pointer;
    font-weight: var(--mk-font-weight-strong);
  }

  .formats {
    display: grid;
    gap: var(--mk-space-3);
    margin-block-start: var(--mk-space-3);
    padding: 0;
    list-style: none;
  }

  .format-name {
    font-weight: var(--mk-font-weight-strong);
  }

  .format ol {
    padding-inline-start: 1.25rem;
  }
`;
