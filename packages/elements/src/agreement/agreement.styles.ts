import { css } from 'lit';

/** Styles of `<mk-agreement>` on top of the shared panel styles. */
export const agreementStyles = css`
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(12rem, 100%), 1fr));
    gap: var(--mk-space-4);
  }
  .participants {
    display: grid;
    gap: var(--mk-space-3);
  }
  .hours {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(13rem, 100%), 1fr));
    gap: var(--mk-space-2);
  }
  .hours-day {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--mk-space-1);
    font-weight: var(--mk-font-weight-normal);
    font-size: var(--mk-font-size-sm);
  }
  .nested {
    border-style: dashed;
  }
  .changes {
    display: grid;
    gap: var(--mk-space-1);
    padding-inline-start: var(--mk-space-5);
  }
  .changes-section {
    display: grid;
    gap: var(--mk-space-2);
  }
  .notes {
    white-space: pre-wrap;
  }
  [part~='notice']:focus, [part~='error']:focus {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
  }
`;
