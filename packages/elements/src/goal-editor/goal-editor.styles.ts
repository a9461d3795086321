import { css } from 'lit';

/** Styles of `<mk-goal-editor>`. */
export const goalEditorStyles = css`
  .editor {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(14rem, 2fr);
    gap: var(--mk-space-5);
    padding: var(--mk-goal-editor-padding, var(--mk-space-5));
    background: var(--mk-goal-editor-background, var(--mk-color-surface));
    border: 1px solid var(--mk-goal-editor-border-color, var(--mk-color-border));
    border-radius: var(--mk-goal-editor-radius, var(--mk-radius-lg));
  }

  @container (max-width: 40rem) {
    .editor {
      grid-template-columns: minmax(0, 1fr);
    }
  }


  :host {
    container-type: inline-size;
  }

  form,
  fieldset {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    min-width: 0;
    gap: var(--mk-space-3);
    align-content: start;
  }

  fieldset {
    margin: 0;
    padding: var(--mk-space-3);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-md);
  }

  legend {
    padding: 0 var(--mk-space-1);
    font-weight: var(--mk-font-weight-strong);
  }

  .heading {
    margin: 0;
    font-size: var(--mk-font-size-xl);
    font-weight: var(--mk-font-weight-strong);
  }

  p,
  ol,
  ul {
    margin: 0;
  }

  .field {
    display: grid;
    gap: var(--mk-space-1);
  }

  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(8rem, 100%), 1fr));
    gap: var(--mk-space-3);
  }

  label,
  .label {
    font-weight: var(--mk-font-weight-strong);
    font-size: var(--mk-font-size-sm);
  }

  input,
  textarea {
    font: inherit;
    padding: var(--mk-space-2);
    color: var(--mk-color-text);
    background: var(--mk-color-surface);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-sm);
    min-inline-size: 0;
  }

  input[type='text'],
  textarea {
    /* What people write takes its own direction (English in an Arabic page, and the reverse). */
    unicode-bidi: plaintext;
  }

  input[type='checkbox'] {
    inline-size: 1.125rem;
    block-size: 1.125rem;
  }

  [aria-invalid='true'] {
    border-color: var(--mk-color-danger);
    border-width: 2px;
  }

  .field-error,
  .form-error {
    color: var(--mk-color-danger);
    font-size: var(--mk-font-size-sm);
  }

  .form-error {
    padding: var(--mk-space-2) var(--mk-space-3);
    border: 1px solid var(--mk-color-danger);
    border-radius: var(--mk-radius-md);
  }

  .hint {
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
  }

  .milestone-row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 10rem auto;
    gap: var(--mk-space-2);
    align-items: end;
  }

  /* A phone: a milestone's title, date and remove button stack instead of squeezing side by side. */
  @container (max-width: 24rem) {
    .milestone-row {
      grid-template-columns: minmax(0, 1fr);
      align-items: stretch;
    }
    .milestone-row [part~='remove-milestone'] {
      justify-self: start;
    }
  }

  .milestones {
    display: grid;
    gap: var(--mk-space-2);
    padding: 0;
    list-style: none;
  }

  .check {
    display: flex;
    gap: var(--mk-space-2);
    align-items: center;
    font-weight: var(--mk-font-weight-normal);
    font-size: var(--mk-font-size-md);
  }

  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--mk-radius-md);
    padding: var(--mk-space-2) var(--mk-space-4);
  }

  .primary {
    color: var(--mk-color-accent-contrast);
    background: var(--mk-color-accent);
    border: 1px solid var(--mk-color-accent);
    font-weight: var(--mk-font-weight-strong);
  }

  .secondary {
    color: var(--mk-color-text);
    background: var(--mk-color-surface);
    border: 1px solid var(--mk-color-border);
  }

  .confirm {
    display: grid;
    gap: var(--mk-space-2);
    padding: var(--mk-space-3) var(--mk-space-4);
    border: 1px solid var(--mk-color-warning);
    border-inline-start-width: 4px;
    border-radius: var(--mk-radius-md);
  }

  .confirm p {
    margin: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2);
    align-items: center;
  }

  .checklist {
    display: grid;
    gap: var(--mk-space-3);
    align-content: start;
    padding: var(--mk-space-4);
    background: var(--mk-goal-editor-checklist-background, var(--mk-color-surface-raised));
    border-radius: var(--mk-radius-md);
  }

  .checklist h3 {
    margin: 0;
    font-size: var(--mk-font-size-lg);
  }

  .criteria {
    display: grid;
    gap: var(--mk-space-3);
    padding: 0;
    list-style: none;
  }

  .criterion {
    display: grid;
    grid-template-columns: 2rem 1fr;
    gap: var(--mk-space-1) var(--mk-space-2);
  }

  .letter {
    grid-row: span 3;
    display: grid;
    place-items: center;
    inline-size: 2rem;
    block-size: 2rem;
    font-weight: var(--mk-font-weight-strong);
    border: 2px solid var(--mk-color-warning);
    color: var(--mk-color-warning);
    border-radius: var(--mk-radius-full);
  }

  .criterion[data-met] .letter {
    border-color: var(--mk-color-success);
    color: var(--mk-color-success);
  }

  .criterion-name {
    font-weight: var(--mk-font-weight-strong);
  }

  .verdict {
    font-size: var(--mk-font-size-sm);
    color: var(--mk-color-warning);
  }

  .criterion[data-met] .verdict {
    color: var(--mk-color-success);
  }
`;
