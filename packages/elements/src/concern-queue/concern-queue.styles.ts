import { css } from 'lit';

/** Styles of `<mk-concern-queue>` on top of the shared panel styles. */
export const concernQueueStyles = css`
  :host {
    display: block;
  }
  .list {
    display: grid;
    gap: var(--mk-space-4);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .concern {
    display: grid;
    gap: var(--mk-space-3);
    grid-template-columns: minmax(0, 1fr);
    padding: var(--mk-space-4);
    border: 1px solid var(--mk-color-border);
    border-inline-start-width: 4px;
    border-radius: var(--mk-radius-md);
  }
  .concern[data-status='open'] {
    border-inline-start-color: var(--mk-color-danger);
  }
  .concern[data-status='in-review'] {
    border-inline-start-color: var(--mk-color-warning);
  }
  .concern-title {
    margin: 0;
    font-size: var(--mk-font-size-lg);
    font-weight: var(--mk-font-weight-strong);
    overflow-wrap: anywhere;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2);
  }
  .quote, .what {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .quote {
    padding: var(--mk-space-2) var(--mk-space-3);
    border-inline-start: 4px solid var(--mk-color-border);
    background: var(--mk-color-surface-raised);
    border-radius: var(--mk-radius-md);
    max-height: 12rem;
    overflow: auto;
  }
  .label-line {
    font-weight: var(--mk-font-weight-strong);
  }
  .trail {
    display: grid;
    gap: var(--mk-space-1);
    padding-inline-start: var(--mk-space-5);
  }
  .trail li, .muted, .quote-by {
    overflow-wrap: anywhere;
  }
  .trail-note {
    white-space: pre-wrap;
  }
  summary {
    cursor: pointer;
    font-weight: var(--mk-font-weight-strong);
  }
  textarea {
    min-height: 4rem;
    resize: vertical;
    width: 100%;
    box-sizing: border-box;
  }
  select {
    max-width: 100%;
  }
  [part~='announcement']:focus, [part~='item-error']:focus {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
  }
`;
