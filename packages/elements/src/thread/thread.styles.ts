import { css } from 'lit';

/** Styles of `<mk-thread>`. Looks come from `--mk-*` tokens and the `--mk-thread-*` properties. */
export const threadStyles = css`
  .card {
    display: grid;
    /* Children may be narrower than their content on a 320 px screen (the search field, long names). */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--mk-space-3);
    padding: var(--mk-thread-padding, var(--mk-space-4));
    background: var(--mk-thread-background, var(--mk-color-surface));
    border: 1px solid var(--mk-thread-border-color, var(--mk-color-border));
    border-radius: var(--mk-thread-radius, var(--mk-radius-lg));
  }
  p {
    margin: 0;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--mk-space-2);
  }
  .heading {
    margin: 0;
    font-size: var(--mk-font-size-lg);
    font-weight: var(--mk-font-weight-strong);
  }
  .badge {
    display: inline-block;
    min-width: 1.5em;
    padding: 0 var(--mk-space-2);
    border-radius: var(--mk-radius-full);
    background: var(--mk-color-accent);
    color: var(--mk-color-accent-contrast);
    font-size: var(--mk-font-size-sm);
    text-align: center;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2);
    align-items: center;
  }
  .muted,
  .hint {
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--mk-radius-md);
    padding: var(--mk-space-1) var(--mk-space-3);
    border: 1px solid var(--mk-color-accent);
    background: transparent;
    color: var(--mk-color-accent);
  }
  button.primary,
  button[aria-pressed='true'] {
    background: var(--mk-color-accent);
    color: var(--mk-color-accent-contrast);
  }
  button.link {
    border: 0;
    padding: 0 var(--mk-space-1);
    text-decoration: underline;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  input[type='search'] {
    min-width: 0;
    max-width: 100%;
  }
  input[type='search'],
  textarea {
    /* What people write takes its own direction (English in an Arabic page, and the reverse). */
    unicode-bidi: plaintext;
    font: inherit;
    color: var(--mk-color-text);
    background: var(--mk-color-surface);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-md);
    padding: var(--mk-space-2);
  }
  textarea {
    width: 100%;
    min-height: 3.5rem;
    resize: vertical;
  }
  .log {
    max-height: var(--mk-thread-height, 28rem);
    overflow-y: auto;
    overscroll-behavior: contain;
    display: grid;
    gap: var(--mk-space-2);
    align-content: start;
    padding: var(--mk-space-2);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-md);
    background: var(--mk-thread-log-background, var(--mk-color-surface-raised));
  }
  .feed {
    display: grid;
    gap: var(--mk-space-2);
  }
  .message {
    display: grid;
    gap: var(--mk-space-1);
    max-width: 85%;
    padding: var(--mk-space-2) var(--mk-space-3);
    border-radius: var(--mk-radius-md);
    background: var(--mk-thread-bubble-background, var(--mk-color-surface));
    border: 1px solid var(--mk-color-border);
    justify-self: start;
  }
  .message[data-mine] {
    justify-self: end;
    border-color: var(--mk-color-accent);
  }
  .message[data-deleted] {
    font-style: italic;
    color: var(--mk-color-text-muted);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2);
    font-size: var(--mk-font-size-sm);
    color: var(--mk-color-text-muted);
  }
  .author {
    font-weight: var(--mk-font-weight-strong);
    color: var(--mk-color-text);
  }
  .text {
    unicode-bidi: plaintext;
    white-space: pre-wrap;
  }
  .text a {
    color: var(--mk-color-accent);
  }
  mark {
    background: transparent;
    color: inherit;
    font-weight: var(--mk-font-weight-strong);
    text-decoration: underline 2px var(--mk-color-warning);
    text-underline-offset: 0.15em;
  }
  .voice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--mk-space-2);
  }
  audio {
    max-width: 100%;
    height: 2.25rem;
  }
  .unread-divider {
    display: flex;
    align-items: center;
    gap: var(--mk-space-2);
    color: var(--mk-color-danger);
    font-size: var(--mk-font-size-sm);
    font-weight: var(--mk-font-weight-strong);
  }
  .unread-divider::before,
  .unread-divider::after {
    content: '';
    flex: 1;
    border-top: 1px solid currentColor;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-1);
  }
  .quiet-hours {
    display: grid;
    gap: var(--mk-space-1);
    padding: var(--mk-space-2) var(--mk-space-3);
    border-radius: var(--mk-radius-md);
    border: 1px solid var(--mk-color-border);
    font-size: var(--mk-font-size-sm);
  }
  .quiet-hours[data-outside] {
    border-color: var(--mk-color-warning);
    border-inline-start-width: 4px;
  }
  .composer {
    display: grid;
    gap: var(--mk-space-2);
  }
  .composer-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2);
    align-items: center;
  }
  .recording {
    display: inline-flex;
    gap: var(--mk-space-2);
    align-items: center;
  }
  .recording-dot {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
    background: var(--mk-color-danger);
    animation: mk-blink 1s steps(2, start) infinite;
  }
  @keyframes mk-blink {
    to {
      visibility: hidden;
    }
  }
  .error {
    padding: var(--mk-space-2) var(--mk-space-3);
    border: 1px solid var(--mk-color-danger);
    border-inline-start-width: 4px;
    border-radius: var(--mk-radius-md);
    color: var(--mk-color-text);
  }
  .skeleton {
    height: 8rem;
    border-radius: var(--mk-radius-md);
    background: var(--mk-color-surface-raised);
    animation: mk-pulse 1.4s ease-in-out infinite;
  }
  @keyframes mk-pulse {
    50% {
      opacity: 0.55;
    }
  }
  /* The report dialog: the raise-concern form, as wide as the screen allows (320 px friendly). */
  .report-dialog {
    width: min(40rem, calc(100vw - 2 * var(--mk-space-3)));
    max-height: calc(100vh - 2 * var(--mk-space-3));
    box-sizing: border-box;
    padding: var(--mk-space-3);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-lg);
    background: var(--mk-color-surface);
    color: var(--mk-color-text);
    overflow: auto;
  }
  .report-dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .report-dialog-header {
    display: flex;
    justify-content: flex-end;
    margin-block-end: var(--mk-space-2);
  }
`;
