import { css } from 'lit';

/** Styles of `<mk-pairing-board>`. Looks come from `--mk-*` tokens and the `--mk-pairing-board-*` properties. */
export const pairingBoardStyles = css`
  .board {
    display: grid;
    gap: var(--mk-pairing-board-gap, var(--mk-space-5));
    padding: var(--mk-pairing-board-padding, var(--mk-space-5));
    background: var(--mk-pairing-board-background, var(--mk-color-surface));
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-lg);
  }
  h2,
  h3,
  h4,
  p,
  ul,
  dl,
  dd,
  fieldset {
    margin: 0;
  }
  h2 {
    font-size: var(--mk-font-size-xl);
    font-weight: var(--mk-font-weight-strong);
  }
  h3 {
    font-size: var(--mk-font-size-lg);
    font-weight: var(--mk-font-weight-strong);
  }
  .muted {
    color: var(--mk-color-text-muted);
  }
  ul {
    padding: 0;
    list-style: none;
  }
  .weights {
    display: grid;
    gap: var(--mk-space-3);
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-md);
    padding: var(--mk-space-4);
  }
  .weights legend {
    font-weight: var(--mk-font-weight-strong);
    padding: 0 var(--mk-space-2);
  }
  .weights .hint {
    grid-column: 1 / -1;
  }
  .weight {
    display: grid;
    gap: var(--mk-space-1);
  }
  .weight input {
    accent-color: var(--mk-color-accent);
    width: 100%;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-3);
    align-items: center;
  }
  .starts-on {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2);
    align-items: center;
  }
  .starts-on input {
    font: inherit;
    padding: var(--mk-space-1) var(--mk-space-2);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-md);
    background: var(--mk-color-surface);
    color: var(--mk-color-text);
  }
  button,
  select {
    font: inherit;
    min-height: 2.25rem;
    border-radius: var(--mk-radius-md);
    border: 1px solid var(--mk-color-border);
    background: var(--mk-color-surface-raised);
    color: var(--mk-color-text);
    padding: 0 var(--mk-space-3);
    cursor: pointer;
  }
  button.primary {
    background: var(--mk-color-accent);
    color: var(--mk-color-accent-contrast);
    border-color: var(--mk-color-accent);
    font-weight: var(--mk-font-weight-strong);
  }
  button[aria-pressed='true'] {
    background: var(--mk-color-accent);
    color: var(--mk-color-accent-contrast);
  }
  button.danger {
    color: var(--mk-color-danger);
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .pairs {
    display: grid;
    gap: var(--mk-space-3);
  }
  .pair {
    display: grid;
    gap: var(--mk-space-2);
    padding: var(--mk-space-3) var(--mk-space-4);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-md);
    background: var(--mk-pairing-board-item-background, var(--mk-color-surface-raised));
    content-visibility: auto;
    contain-intrinsic-size: auto 7rem;
  }
  .pair-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2) var(--mk-space-4);
    align-items: baseline;
    justify-content: space-between;
  }
  .pair-names {
    font-weight: var(--mk-font-weight-strong);
  }
  .breakdown {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
    gap: var(--mk-space-1) var(--mk-space-3);
    font-size: var(--mk-font-size-sm);
  }
  .breakdown div {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--mk-space-2);
    align-items: center;
  }
  .breakdown meter {
    grid-column: 1 / -1;
    width: 100%;
    height: 0.5rem;
  }
  .reasons {
    list-style: disc;
    padding-inline-start: var(--mk-space-5);
    font-size: var(--mk-font-size-sm);
  }
  details summary {
    cursor: pointer;
    font-size: var(--mk-font-size-sm);
  }
  .pair-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2);
    align-items: center;
  }
  .unmatched li,
  .capacity li {
    display: grid;
    gap: var(--mk-space-1);
    padding: var(--mk-space-2) 0;
    border-bottom: 1px solid var(--mk-color-border);
  }
  .capacity {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0 var(--mk-space-4);
  }
  .capacity meter {
    width: 100%;
  }
  .warning {
    margin: 0;
    padding: var(--mk-space-2) var(--mk-space-3);
    border-inline-start: 4px solid var(--mk-color-warning);
    border-radius: var(--mk-radius-sm);
    font-size: var(--mk-font-size-sm);
  }
  .status {
    min-height: 1.5em;
  }
  .error {
    padding: var(--mk-space-3);
    border: 1px solid var(--mk-color-danger);
    border-radius: var(--mk-radius-md);
    color: var(--mk-color-text);
  }
`;
