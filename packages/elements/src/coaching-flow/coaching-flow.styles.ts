import { css } from 'lit';

/** Styles of `<mk-coaching-flow>`. Looks come from `--mk-*` tokens and the `--mk-coaching-flow-*` properties. */
export const coachingFlowStyles = css`
  .card {
    display: grid;
    gap: var(--mk-coaching-flow-gap, var(--mk-space-4));
    padding: var(--mk-coaching-flow-padding, var(--mk-space-5));
    background: var(--mk-coaching-flow-background, var(--mk-color-surface));
    color: var(--mk-color-text);
    border: 1px solid var(--mk-coaching-flow-border-color, var(--mk-color-border));
    border-radius: var(--mk-coaching-flow-radius, var(--mk-radius-lg));
  }

  h1, h2, h3, h4, h5, h6, p, ol, ul, dl, dd, fieldset {
    margin: 0;
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--mk-space-2);
  }

  .heading {
    font-size: var(--mk-font-size-xl);
    font-weight: var(--mk-font-weight-strong);
    line-height: 1.25;
  }

  .save-status,
  .muted,
  .hint,
  .answered-by {
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
  }

  .save-status[data-state='error'] {
    color: var(--mk-color-danger);
  }

  /* Stepper */
  .stepper {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2);
    padding: 0;
    list-style: none;
    counter-reset: step;
  }

  .stepper-item {
    display: inline-flex;
    align-items: center;
    gap: var(--mk-space-2);
    padding: var(--mk-space-1) var(--mk-space-3);
    border: 1px solid var(--mk-coaching-flow-border-color, var(--mk-color-border));
    border-radius: var(--mk-radius-full);
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
  }

  .stepper-item[data-state='done'] {
    color: var(--mk-color-text);
  }

  .stepper-item[aria-current='step'] {
    border-color: var(--mk-coaching-flow-accent, var(--mk-color-accent));
    background: var(--mk-coaching-flow-accent, var(--mk-color-accent));
    color: var(--mk-color-accent-contrast);
    font-weight: var(--mk-font-weight-strong);
  }

  .stepper-number {
    font-variant-numeric: tabular-nums;
  }

  /* Step */
  .step,
  .summary,
  .intro {
    display: grid;
    gap: var(--mk-space-3);
  }

  .step-title {
    font-size: var(--mk-font-size-lg);
    font-weight: var(--mk-font-weight-strong);
  }

  .step-title:focus {
    outline: none;
  }

  .step-title:focus-visible {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
  }

  .purpose {
    color: var(--mk-color-text-muted);
  }

  form {
    display: grid;
    gap: var(--mk-space-4);
  }

  .field {
    display: grid;
    gap: var(--mk-space-1);
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  .label,
  legend {
    padding: 0;
    font-weight: var(--mk-font-weight-strong);
  }

  .required {
    color: var(--mk-color-text-muted);
    font-weight: var(--mk-font-weight-normal);
    font-size: var(--mk-font-size-sm);
  }

  textarea {
    /* What people write takes its own direction (English in an Arabic page, and the reverse). */
    unicode-bidi: plaintext;
    inline-size: 100%;
    min-block-size: 4.5rem;
    padding: var(--mk-space-2) var(--mk-space-3);
    border: 1px solid var(--mk-coaching-flow-border-color, var(--mk-color-border));
    border-radius: var(--mk-radius-md);
    background: var(--mk-coaching-flow-field-background, var(--mk-color-surface));
    color: var(--mk-color-text);
    font: inherit;
    resize: vertical;
  }

  /* The questions before actions become goals: their date and skill. */
  .hand-off {
    gap: var(--mk-space-3);
    padding: var(--mk-space-3) var(--mk-space-4);
    border: 1px solid var(--mk-coaching-flow-border-color, var(--mk-color-border));
    border-radius: var(--mk-radius-md);
  }

  .hand-off-title {
    margin: 0;
    font-weight: var(--mk-font-weight-strong);
  }

  .hand-off input {
    max-inline-size: 100%;
    padding: var(--mk-space-2) var(--mk-space-3);
    border: 1px solid var(--mk-coaching-flow-border-color, var(--mk-color-border));
    border-radius: var(--mk-radius-md);
    background: var(--mk-coaching-flow-field-background, var(--mk-color-surface));
    color: var(--mk-color-text);
    font: inherit;
  }

  .field-error {
    margin: 0;
    color: var(--mk-color-danger);
    font-size: var(--mk-font-size-sm);
  }

  textarea[aria-invalid='true'],
  .hand-off input[aria-invalid='true'],
  .scale[data-invalid] .scale-options {
    border-color: var(--mk-color-danger);
    box-shadow: 0 0 0 1px var(--mk-color-danger);
  }

  .scale-options {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-1);
    border: 1px solid transparent;
    border-radius: var(--mk-radius-md);
  }

  .scale-option {
    position: relative;
  }

  .scale-option input {
    position: absolute;
    inset: 0;
    opacity: 0;
    margin: 0;
    cursor: pointer;
  }

  .scale-option span {
    display: inline-grid;
    place-items: center;
    min-inline-size: 2.5rem;
    block-size: 2.5rem;
    border: 1px solid var(--mk-coaching-flow-border-color, var(--mk-color-border));
    border-radius: var(--mk-radius-md);
    font-variant-numeric: tabular-nums;
  }

  .scale-option input:checked + span {
    background: var(--mk-coaching-flow-accent, var(--mk-color-accent));
    border-color: var(--mk-coaching-flow-accent, var(--mk-color-accent));
    color: var(--mk-color-accent-contrast);
    font-weight: var(--mk-font-weight-strong);
  }

  .scale-option input:focus-visible + span {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
    outline-offset: 2px;
  }

  .alert {
    padding: var(--mk-space-3) var(--mk-space-4);
    border: 1px solid var(--mk-color-danger);
    border-inline-start-width: 4px;
    border-radius: var(--mk-radius-md);
    background: var(--mk-coaching-flow-panel-background, var(--mk-color-surface-raised));
  }

  .previous {
    display: grid;
    gap: var(--mk-space-2);
    padding: var(--mk-space-3) var(--mk-space-4);
    border-radius: var(--mk-radius-md);
    background: var(--mk-coaching-flow-panel-background, var(--mk-color-surface-raised));
  }

  .previous-heading,
  .summary-step-title {
    font-size: var(--mk-font-size-md);
    font-weight: var(--mk-font-weight-strong);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2);
  }

  button {
    min-block-size: 2.5rem;
    padding: var(--mk-space-2) var(--mk-space-4);
    border: 1px solid var(--mk-coaching-flow-accent, var(--mk-color-accent));
    border-radius: var(--mk-radius-md);
    background: var(--mk-coaching-flow-accent, var(--mk-color-accent));
    color: var(--mk-color-accent-contrast);
    font: inherit;
    font-weight: var(--mk-font-weight-strong);
    cursor: pointer;
  }

  button.secondary {
    background: transparent;
    color: var(--mk-color-text);
    border-color: var(--mk-coaching-flow-border-color, var(--mk-color-border));
  }

  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }

  .answers {
    display: grid;
    gap: var(--mk-space-2);
  }

  .answers dt {
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
  }

  .answers dd + dt {
    margin-block-start: var(--mk-space-1);
  }

  .answer-text {
    unicode-bidi: plaintext;
    white-space: pre-wrap;
  }

  ul.items {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .intro-steps {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .handed-off {
    color: var(--mk-color-success);
    font-weight: var(--mk-font-weight-strong);
  }
`;
