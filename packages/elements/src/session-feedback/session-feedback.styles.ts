import { css } from 'lit';

/** Styles of `<mk-session-feedback>`. Looks come from `--mk-*` tokens and the `--mk-session-feedback-*` properties. */
export const sessionFeedbackStyles = css`
  .card {
    display: grid;
    gap: var(--mk-space-4);
    padding: var(--mk-session-feedback-padding, var(--mk-space-5));
    background: var(--mk-session-feedback-background, var(--mk-color-surface));
    border: 1px solid var(--mk-session-feedback-border-color, var(--mk-color-border));
    border-radius: var(--mk-session-feedback-radius, var(--mk-radius-lg));
  }
  .heading {
    margin: 0;
    font-size: var(--mk-font-size-xl);
    font-weight: var(--mk-font-weight-strong);
    line-height: 1.25;
  }
  .heading:focus {
    outline: none;
  }
  .heading:focus-visible {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
  }
  p {
    margin: 0;
  }
  .muted,
  .hint {
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
  }
  form {
    display: grid;
    gap: var(--mk-space-4);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: grid;
    gap: var(--mk-space-2);
  }
  legend,
  label.field-label {
    padding: 0;
    font-weight: var(--mk-font-weight-strong);
  }
  .rating {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2);
  }
  .rating label,
  .tags label {
    display: inline-flex;
    align-items: center;
    gap: var(--mk-space-1);
    padding: var(--mk-space-1) var(--mk-space-3);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-full);
    background: var(--mk-color-surface-raised);
    cursor: pointer;
  }
  .rating label:has(input:checked),
  .tags label:has(input:checked) {
    border-color: var(--mk-color-accent);
    box-shadow: inset 0 0 0 1px var(--mk-color-accent);
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2);
  }
  .fields {
    display: grid;
    gap: var(--mk-space-3);
    grid-template-columns: repeat(auto-fit, minmax(min(16rem, 100%), 1fr));
  }
  .field {
    display: grid;
    gap: var(--mk-space-1);
  }
  textarea,
  select {
    width: 100%;
    font: inherit;
    color: var(--mk-color-text);
    background: var(--mk-color-surface);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-md);
    padding: var(--mk-space-2);
  }
  textarea {
    /* What people write takes its own direction (English in an Arabic page, and the reverse). */
    unicode-bidi: plaintext;
    min-height: 4.5rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--mk-color-danger);
  }
  .options {
    display: grid;
    gap: var(--mk-space-2);
  }
  .check {
    display: flex;
    gap: var(--mk-space-2);
    align-items: flex-start;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--mk-space-2);
  }
  .actions .hint {
    margin: 0;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--mk-radius-md);
    padding: var(--mk-space-2) var(--mk-space-4);
    border: 1px solid var(--mk-color-accent);
  }
  .primary {
    background: var(--mk-color-accent);
    color: var(--mk-color-accent-contrast);
  }
  .secondary {
    background: transparent;
    color: var(--mk-color-accent);
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  .error {
    padding: var(--mk-space-3) var(--mk-space-4);
    border: 1px solid var(--mk-color-danger);
    border-inline-start-width: 4px;
    border-radius: var(--mk-radius-md);
  }
  .error-title,
  .field-error {
    color: var(--mk-color-danger);
  }
  .field-error {
    font-size: var(--mk-font-size-sm);
  }
  .notice {
    padding: var(--mk-space-3) var(--mk-space-4);
    border-radius: var(--mk-radius-md);
    background: var(--mk-color-surface-raised);
    border: 1px solid var(--mk-color-border);
  }
  .thanks {
    border-color: var(--mk-color-success);
    border-inline-start-width: 4px;
  }
  dl.summary {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--mk-space-1) var(--mk-space-3);
    margin: 0;
  }
  dl.summary dt {
    color: var(--mk-color-text-muted);
  }
  dl.summary dd {
    margin: 0;
    white-space: pre-wrap;
  }
  .skeleton {
    height: 6rem;
    border-radius: var(--mk-radius-md);
    background: var(--mk-color-surface-raised);
    animation: mk-pulse 1.4s ease-in-out infinite;
  }
  @keyframes mk-pulse {
    50% {
      opacity: 0.55;
    }
  }
`;
