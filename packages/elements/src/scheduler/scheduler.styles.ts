import { css } from 'lit';

/** Styles of `<mk-scheduler>` on top of the shared panel styles. */
export const schedulerStyles = css`
  .clocks {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(12rem, 100%), 1fr));
    gap: var(--mk-space-3);
    padding: 0;
    list-style: none;
  }
  .clock {
    display: grid;
    gap: 2px;
    padding: var(--mk-space-3);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-md);
    background: var(--mk-color-surface-raised);
  }
  .clock-name, .slot-name, .upcoming-title {
    font-weight: var(--mk-font-weight-strong);
  }
  .clock-time {
    font-size: var(--mk-font-size-lg);
  }
  .controls, .inline {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-3);
    align-items: end;
  }
  .slots {
    display: grid;
    gap: var(--mk-space-2);
    padding: 0;
    list-style: none;
  }
  .slot {
    display: flex;
    gap: var(--mk-space-3);
    align-items: flex-start;
    padding: var(--mk-space-3);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-md);
  }
  .slot[data-selected='true'] {
    border-color: var(--mk-color-accent);
    background: var(--mk-color-surface-raised);
  }
  .slot input {
    margin-top: 0.3rem;
  }
  .slot-label {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(11rem, 100%), 1fr));
    gap: var(--mk-space-1) var(--mk-space-4);
    flex: 1;
    font-weight: var(--mk-font-weight-normal);
    cursor: pointer;
  }
  .slot-local {
    display: grid;
  }
  .slot-note {
    grid-column: 1 / -1;
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
  }
  .booking {
    border-top: 1px solid var(--mk-color-border);
    padding-top: var(--mk-space-4);
  }
  .booked-list, .upcoming {
    display: grid;
    gap: var(--mk-space-1);
    padding-inline-start: var(--mk-space-5);
  }
  .upcoming-section {
    display: grid;
    gap: var(--mk-space-2);
  }
  .download {
    text-decoration: none;
    display: inline-flex;
    align-items: center;
  }
  .upcoming-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-1) var(--mk-space-3);
    align-items: center;
    justify-content: space-between;
  }
  .upcoming-row > span, .confirm p {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .confirm {
    display: grid;
    gap: var(--mk-space-2);
    margin-block: var(--mk-space-2);
    padding: var(--mk-space-3);
    border: 1px solid var(--mk-color-danger);
    border-radius: var(--mk-radius-md);
    background: var(--mk-color-surface-raised);
  }
  .confirm textarea {
    box-sizing: border-box;
    width: 100%;
  }
  .button.danger {
    background: var(--mk-color-surface);
    color: var(--mk-color-danger);
    border-color: var(--mk-color-danger);
  }
  .upcoming button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  [part~='booked']:focus, [part~='error']:focus, [part~='cancel-error']:focus, #upcoming-heading:focus {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
  }
  .calendar-note {
    display: grid;
    gap: var(--mk-space-1);
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
    overflow-wrap: anywhere;
  }
  .calendar-blocked-list {
    display: grid;
    gap: 2px;
    padding-inline-start: var(--mk-space-5);
  }
  .calendar-failing {
    overflow-wrap: anywhere;
  }
  .past > li {
    display: grid;
    gap: var(--mk-space-2);
    padding-block: var(--mk-space-2);
  }
  .attendance {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2) var(--mk-space-3);
    align-items: center;
  }
  .attendance-buttons {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2);
  }
  .attendance button[aria-pressed='true'] {
    background: var(--mk-color-accent);
    color: var(--mk-color-accent-contrast);
    border-color: var(--mk-color-accent);
  }
  .attendance button[aria-disabled='true'], .length-field button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .length-field input {
    width: 6rem;
  }
  .length-field .hint {
    margin: 0;
  }
  [part~='past-error']:focus {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
  }
`;
