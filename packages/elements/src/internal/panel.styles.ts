import { css } from 'lit';

/**
 * Shared looks of the panel widgets (`<mk-agreement>`, `<mk-scheduler>`, `<mk-checkin>`, the concern,
 * certificate, calendar-connection, notification and report panels): a card, headings, notices, forms
 * and buttons, all from `--mk-*` tokens and `--mk-panel-*` properties.
 */
export const panelStyles = css`
  .card {
    display: grid;
    gap: var(--mk-panel-gap, var(--mk-space-4));
    padding: var(--mk-panel-padding, var(--mk-space-5));
    background: var(--mk-panel-background, var(--mk-color-surface));
    color: var(--mk-color-text);
    border: 1px solid var(--mk-panel-border-color, var(--mk-color-border));
    border-radius: var(--mk-panel-radius, var(--mk-radius-lg));
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
  p, dl, dd, ul, ol, fieldset {
    margin: 0;
  }
  .muted, .hint {
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
  }
  .loading {
    color: var(--mk-color-text-muted);
  }
  .skeleton {
    height: 3.5rem;
    border-radius: var(--mk-radius-md);
    background: var(--mk-color-surface-raised);
    animation: mk-pulse 1.4s ease-in-out infinite;
  }
  @keyframes mk-pulse {
    50% {
      opacity: 0.55;
    }
  }
  .notice {
    display: grid;
    gap: var(--mk-space-1);
    padding: var(--mk-space-3) var(--mk-space-4);
    border: 1px solid var(--mk-color-border);
    border-inline-start-width: 4px;
    border-radius: var(--mk-radius-md);
    background: var(--mk-color-surface-raised);
  }
  .notice[data-tone='danger'] {
    border-color: var(--mk-color-danger);
  }
  .notice[data-tone='warning'] {
    border-color: var(--mk-color-warning);
  }
  .notice[data-tone='success'] {
    border-color: var(--mk-color-success);
  }
  .notice-title {
    font-weight: var(--mk-font-weight-strong);
  }
  .empty {
    display: grid;
    gap: var(--mk-space-2);
    padding: var(--mk-space-4);
    border: 1px dashed var(--mk-color-border);
    border-radius: var(--mk-radius-md);
    justify-items: start;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2);
    align-items: center;
  }
  .button {
    font: inherit;
    min-height: 2.5rem;
    padding: var(--mk-space-2) var(--mk-space-4);
    border-radius: var(--mk-radius-md);
    border: 1px solid var(--mk-color-accent);
    background: var(--mk-color-accent);
    color: var(--mk-color-accent-contrast);
    font-weight: var(--mk-font-weight-strong);
    cursor: pointer;
  }
  .button.secondary {
    background: transparent;
    color: var(--mk-color-text);
    border-color: var(--mk-color-border);
  }
  .button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .form {
    display: grid;
    gap: var(--mk-space-4);
  }
  /* One-column grids whose children may be narrower than their content (a 320 px screen): long
     time-zone names, inputs and rows of choices narrow or wrap instead of widening the card. */
  .card, .form, .field, fieldset {
    grid-template-columns: minmax(0, 1fr);
  }
  .field {
    display: grid;
    gap: var(--mk-space-1);
  }
  label, legend {
    font-weight: var(--mk-font-weight-strong);
  }
  fieldset {
    display: grid;
    gap: var(--mk-space-2);
    padding: var(--mk-space-3);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-md);
    min-width: 0;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2) var(--mk-space-4);
  }
  .choice {
    display: inline-flex;
    gap: var(--mk-space-1);
    align-items: center;
    font-weight: var(--mk-font-weight-normal);
  }
  input[type='text'], input[type='url'], textarea {
    /* What people write takes its own direction (English in an Arabic page, and the reverse). */
    unicode-bidi: plaintext;
  }
  input:not([type='checkbox']):not([type='radio']), select, textarea {
    font: inherit;
    color: var(--mk-color-text);
    background: var(--mk-color-surface);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-sm);
    padding: var(--mk-space-2);
    min-height: 2.5rem;
    max-width: 100%;
  }
  input[aria-invalid='true'], select[aria-invalid='true'], textarea[aria-invalid='true'] {
    border-color: var(--mk-color-danger);
  }
  .field-error {
    color: var(--mk-color-danger);
    font-size: var(--mk-font-size-sm);
  }
  .facts {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: var(--mk-space-2) var(--mk-space-4);
  }
  .facts dt {
    color: var(--mk-color-text-muted);
  }
  .badge {
    display: inline-block;
    padding: 0 var(--mk-space-2);
    border-radius: var(--mk-radius-full);
    border: 1px solid var(--mk-color-border);
    font-size: var(--mk-font-size-sm);
  }
  .badge[data-tone='success'] {
    border-color: var(--mk-color-success);
  }
  .badge[data-tone='warning'] {
    border-color: var(--mk-color-warning);
  }
  a {
    color: var(--mk-color-accent);
  }
`;
