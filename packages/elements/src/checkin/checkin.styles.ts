import { css } from 'lit';

/** Styles of `<mk-checkin>` on top of the shared panel styles. */
export const checkinStyles = css`
  .due, .level, .nudges-section {
    display: grid;
    gap: var(--mk-space-2);
  }
  .due-line {
    font-size: var(--mk-font-size-lg);
  }
  .due[data-overdue='true'] .due-line time {
    color: var(--mk-color-danger);
    font-weight: var(--mk-font-weight-strong);
  }
  .reasons, .nudges {
    display: grid;
    gap: var(--mk-space-1);
    padding-inline-start: var(--mk-space-5);
  }
  .nudge-who {
    font-weight: var(--mk-font-weight-strong);
  }
  [part~='notice']:focus, [part~='error']:focus {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
  }
`;
