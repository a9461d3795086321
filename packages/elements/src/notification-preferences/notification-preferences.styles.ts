import { css } from 'lit';

/** Styles of `<mk-notification-preferences>` on top of the shared panel styles. */
export const notificationPreferencesStyles = css`
  .email-row, .kinds, .sent {
    display: grid;
    gap: var(--mk-space-2);
    grid-template-columns: minmax(0, 1fr);
    min-width: 0;
  }
  .manager, .manager-form, .field {
    display: grid;
    gap: var(--mk-space-2);
    grid-template-columns: minmax(0, 1fr);
    min-width: 0;
  }
  .field input, .field select {
    font: inherit;
    padding: var(--mk-space-2);
    border: 1px solid var(--mk-color-border-strong, var(--mk-color-text-muted));
    border-radius: var(--mk-radius-md);
    background: var(--mk-color-surface);
    color: var(--mk-color-text);
    min-width: 0;
    max-width: 100%;
  }
  .field input:focus-visible, .field select:focus-visible {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
    outline-offset: 2px;
  }
  .field input[aria-invalid='true'] {
    border-color: var(--mk-color-danger);
  }
  .manager-preview {
    padding: var(--mk-space-3);
    border: 1px dashed var(--mk-color-border);
    border-radius: var(--mk-radius-md);
    overflow-wrap: anywhere;
  }
  .preview-list, .preview-goals {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .kinds, .digest, .manager, .sent {
    border-top: 1px solid var(--mk-color-border);
    padding-top: var(--mk-space-4);
  }
  .switch-label {
    display: inline-flex;
    gap: var(--mk-space-2);
    align-items: center;
    font-weight: var(--mk-font-weight-strong);
    cursor: pointer;
  }
  /* A switch that says its state by its shape and position, not colour alone; the native checkbox keeps keyboard and screen readers. */
  .switch {
    appearance: none;
    flex: none;
    position: relative;
    width: 2.5rem;
    height: 1.4rem;
    margin: 0;
    border: 2px solid var(--mk-color-text-muted);
    border-radius: 999px;
    background: var(--mk-color-surface);
    cursor: pointer;
    transition: background-color 120ms ease;
  }
  .switch::before {
    content: '';
    position: absolute;
    top: 2px;
    inset-inline-start: 2px;
    width: calc(1.4rem - 8px);
    height: calc(1.4rem - 8px);
    border-radius: 50%;
    background: var(--mk-color-text-muted);
    transition: inset-inline-start 120ms ease;
  }
  .switch:checked {
    background: var(--mk-color-accent);
    border-color: var(--mk-color-accent);
  }
  .switch:checked::before {
    inset-inline-start: calc(2.5rem - 1.4rem + 2px);
    background: var(--mk-color-accent-contrast);
  }
  .switch:focus-visible {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
    outline-offset: 2px;
  }
  .group {
    display: grid;
    gap: var(--mk-space-2);
    min-width: 0;
  }
  .kind-list, .sent-list {
    display: grid;
    gap: var(--mk-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .kind {
    display: grid;
    gap: var(--mk-space-1);
    min-width: 0;
  }
  .kind-hint {
    padding-inline-start: 1.75rem;
  }
  .kind-label, .subject, .reason, .delivery-kind, .field-error {
    overflow-wrap: anywhere;
  }
  .saving {
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
  .delivery {
    display: grid;
    gap: var(--mk-space-1);
    padding: var(--mk-space-3);
    border: 1px solid var(--mk-color-border);
    border-inline-start-width: 4px;
    border-radius: var(--mk-radius-md);
    min-width: 0;
  }
  .delivery[data-status='failed'], .delivery[data-status='skipped'] {
    border-inline-start-style: dashed;
  }
  .delivery-top {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2);
    align-items: baseline;
  }
  .delivery-kind {
    font-weight: var(--mk-font-weight-strong);
  }
  @media (prefers-reduced-motion: reduce) {
    .switch, .switch::before {
      transition: none;
    }
    .spinner {
      animation: none;
    }
  }
  .heading:focus {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
    outline-offset: 2px;
  }
`;
