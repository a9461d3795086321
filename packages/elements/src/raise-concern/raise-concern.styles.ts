import { css } from 'lit';

/** Styles of `<mk-raise-concern>` on top of the shared panel styles. */
export const raiseConcernStyles = css`
  :host {
    display: block;
  }
  .quote {
    margin: 0;
    padding: var(--mk-space-2) var(--mk-space-3);
    border-inline-start: 4px solid var(--mk-color-border);
    background: var(--mk-color-surface-raised);
    border-radius: var(--mk-radius-md);
    overflow-wrap: anywhere;
    white-space: pre-wrap;
    max-height: 12rem;
    overflow: auto;
  }
  .quote-by {
    font-size: var(--mk-font-size-sm);
    color: var(--mk-color-text-muted);
    overflow-wrap: anywhere;
  }
  textarea {
    min-height: 7rem;
    resize: vertical;
    width: 100%;
    box-sizing: border-box;
  }
  select {
    max-width: 100%;
  }
  .choice {
    align-items: start;
  }
  .choice input {
    margin-block-start: 0.2em;
    flex: none;
  }
  .who {
    display: grid;
    gap: var(--mk-space-1);
  }
  .who p, .choice, label, .hint {
    overflow-wrap: anywhere;
  }
  [part~='done']:focus, [part~='error']:focus {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
  }
`;
