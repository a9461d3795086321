import { css } from 'lit';

/** Styles of `<mk-escalation-ladder>` on top of the shared panel styles. */
export const escalationLadderStyles = css`
  .settings, .pairs {
    display: grid;
    gap: var(--mk-space-2);
    grid-template-columns: minmax(0, 1fr);
    min-width: 0;
  }
  .pairs {
    border-top: 1px solid var(--mk-color-border);
    padding-top: var(--mk-space-4);
  }
  .inline {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(14rem, 100%), 1fr));
    gap: var(--mk-space-3);
    align-items: start;
  }
  .field {
    align-content: start;
  }
  .field[hidden] {
    display: none;
  }
  .field input.days {
    width: 100%;
    max-width: 10rem;
  }
  .list, .members {
    display: grid;
    gap: var(--mk-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .pair {
    display: grid;
    gap: var(--mk-space-2);
    grid-template-columns: minmax(0, 1fr);
    padding: var(--mk-space-3);
    border: 1px solid var(--mk-color-border);
    border-inline-start-width: 4px;
    border-radius: var(--mk-radius-md);
    min-width: 0;
  }
  .pair[data-stage='admin-alerted'], .pair[data-stage='closing'], .pair[data-stage='closed-due'] {
    border-inline-start-color: var(--mk-color-warning);
  }
  .pair-name {
    font-weight: var(--mk-font-weight-strong);
  }
  .pair-name, .quiet, .history, .field-error, .notice p {
    overflow-wrap: anywhere;
  }
  .facts {
    grid-template-columns: minmax(min(8rem, 40%), max-content) minmax(0, 1fr);
  }
  .facts dd {
    overflow-wrap: break-word;
    min-width: 0;
  }
  /* Narrow (a phone, a sidebar): each fact's term above its value, so values are not squeezed into a sliver. */
  .card {
    container-type: inline-size;
  }
  @container (max-width: 28rem) {
    .facts {
      grid-template-columns: minmax(0, 1fr);
      row-gap: 0;
    }
    .facts dd + dt {
      margin-top: var(--mk-space-2);
    }
  }
  /* The steps say where the pair is by a mark and weight as well as colour: ✓ done, ● now, ○ to come. */
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-1) var(--mk-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--mk-font-size-sm);
  }
  .step {
    display: inline-flex;
    gap: var(--mk-space-1);
    align-items: baseline;
    color: var(--mk-color-text-muted);
  }
  .step[data-state='done'] {
    color: var(--mk-color-text);
  }
  .step[data-state='current'] {
    color: var(--mk-color-text);
    font-weight: var(--mk-font-weight-strong);
    text-decoration: underline;
    text-underline-offset: 3px;
  }
  .marker {
    font-size: 0.9em;
  }
  .history summary {
    cursor: pointer;
    width: fit-content;
  }
  .history summary:focus-visible {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
    outline-offset: 2px;
  }
  .history-list {
    margin: var(--mk-space-2) 0;
    padding-inline-start: var(--mk-space-5);
  }
  .members-heading {
    margin-top: var(--mk-space-2);
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
  [part~='form-error']:focus {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  .heading:focus {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
    outline-offset: 2px;
  }
`;
