import { css } from 'lit';

/** Styles of `<mk-calendar-connections>` on top of the shared panel styles. */
export const calendarConnectionsStyles = css`
  .connected, .feed {
    display: grid;
    gap: var(--mk-space-2);
    grid-template-columns: minmax(0, 1fr);
  }
  .connect, .feed {
    border-top: 1px solid var(--mk-color-border);
    padding-top: var(--mk-space-4);
  }
  .list {
    display: grid;
    gap: var(--mk-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .calendar {
    display: grid;
    gap: var(--mk-space-1);
    grid-template-columns: minmax(0, 1fr);
    padding: var(--mk-space-3);
    border: 1px solid var(--mk-color-border);
    border-inline-start-width: 4px;
    border-radius: var(--mk-radius-md);
    min-width: 0;
  }
  .calendar[data-status='failing'] {
    border-inline-start-color: var(--mk-color-warning);
  }
  .calendar:focus {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
    outline-offset: 2px;
  }
  .calendar-name {
    font-weight: var(--mk-font-weight-strong);
  }
  .calendar-name, .where, .status, .confirm p {
    overflow-wrap: anywhere;
  }
  .status-failing {
    /* The warning border says it; a long problem stays readable in the normal weight. */
    color: var(--mk-color-text);
  }
  .confirm {
    display: grid;
    gap: var(--mk-space-2);
    padding: var(--mk-space-3);
    border: 1px solid var(--mk-color-danger);
    border-radius: var(--mk-radius-md);
    background: var(--mk-color-surface-raised);
  }
  .button.danger {
    background: var(--mk-color-surface);
    color: var(--mk-color-danger);
    border-color: var(--mk-color-danger);
  }
  .inline {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(14rem, 100%), 1fr));
    gap: var(--mk-space-3);
  }
  input[type='url'], input[type='text'], input[type='password'] {
    width: 100%;
  }
  [part~='feed-url'] {
    font-family: var(--mk-font-family-mono, ui-monospace, monospace);
    font-size: var(--mk-font-size-sm);
  }
  .progress {
    display: inline-flex;
    gap: var(--mk-space-2);
    align-items: center;
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid var(--mk-color-border);
    border-top-color: var(--mk-color-accent);
    border-radius: 50%;
    animation: mk-spin 0.8s linear infinite;
  }
  @keyframes mk-spin {
    to {
      transform: rotate(360deg);
    }
  }
  [part~='form-error']:focus, [part~='feed-error']:focus, .subheading:focus {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
  }
`;
