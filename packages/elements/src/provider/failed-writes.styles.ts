import { css } from 'lit';

/**
 * Styles of `<mk-provider>`'s notice of changes that were not saved, adopted when the notice first
 * loads. Looks come from the `--mk-*` tokens and the `--mk-provider-notice-*` properties (see the
 * provider's `@cssprop`s); its position is the provider's own (`.region`).
 */
export const failedWritesStyles = css`
  .failed-writes,
  .done {
    box-sizing: border-box;
    margin: 0;
    padding: var(--mk-provider-notice-padding, var(--mk-space-4));
    color: var(--mk-color-text);
    background: var(--mk-provider-notice-background, var(--mk-color-surface));
    border: 1px solid var(--mk-provider-notice-border-color, var(--mk-color-border));
    border-inline-start: 4px solid var(--mk-provider-notice-accent-color, var(--mk-color-danger));
    border-radius: var(--mk-provider-notice-radius, var(--mk-radius-md));
    box-shadow: var(--mk-provider-notice-shadow, 0 4px 16px rgb(0 0 0 / 0.18));
    font-family: var(--mk-font-family);
    font-size: var(--mk-font-size-md);
    line-height: var(--mk-font-line-height);
    color-scheme: var(--mk-color-scheme, light);
  }

  .failed-writes {
    display: grid;
    gap: var(--mk-space-3);
    max-block-size: var(--mk-provider-notice-max-height, 60vh);
    overflow-y: auto;
  }

  .heading {
    margin: 0;
    font-weight: var(--mk-font-weight-strong);
  }

  .list {
    display: grid;
    gap: var(--mk-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .item {
    display: grid;
    gap: var(--mk-space-1);
    justify-items: start;
    padding-block-start: var(--mk-space-3);
    border-block-start: 1px solid var(--mk-color-border);
  }

  .item:first-child {
    padding-block-start: 0;
    border-block-start: 0;
  }

  .what,
  .reason {
    margin: 0;
    overflow-wrap: anywhere;
    unicode-bidi: plaintext;
  }

  .reason {
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
  }

  button {
    padding: var(--mk-space-1) var(--mk-space-3);
    color: var(--mk-color-text);
    background: var(--mk-color-surface);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-md);
    font: inherit;
    font-size: var(--mk-font-size-sm);
    cursor: pointer;
  }

  button:hover {
    background: var(--mk-color-surface-raised);
  }

  .dismiss-all {
    justify-self: end;
  }

  :focus-visible {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
    outline-offset: 2px;
  }
`;
