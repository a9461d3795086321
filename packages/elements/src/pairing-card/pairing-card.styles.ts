import { css } from 'lit';

/** Styles of `<mk-pairing-card>`. Looks come from `--mk-*` tokens and the `--mk-pairing-card-*` properties. */
export const pairingCardStyles = css`
  .card {
    display: grid;
    gap: var(--mk-pairing-card-gap, var(--mk-space-4));
    padding: var(--mk-pairing-card-padding, var(--mk-space-5));
    background: var(--mk-pairing-card-background, var(--mk-color-surface));
    color: var(--mk-color-text);
    border: 1px solid var(--mk-pairing-card-border-color, var(--mk-color-border));
    border-radius: var(--mk-pairing-card-radius, var(--mk-radius-lg));
  }

  .heading {
    margin: 0;
    font-size: var(--mk-font-size-xl);
    font-weight: var(--mk-font-weight-strong);
    line-height: 1.25;
  }

  p,
  dl,
  dd {
    margin: 0;
  }

  /* Loading */
  .loading {
    color: var(--mk-color-text-muted);
  }

  .skeleton {
    height: 4.5rem;
    border-radius: var(--mk-radius-md);
    background: var(--mk-pairing-card-item-background, var(--mk-color-surface-raised));
    animation: mk-pulse 1.4s ease-in-out infinite;
  }

  @keyframes mk-pulse {
    50% {
      opacity: 0.55;
    }
  }

  /* Error and empty */
  .error {
    display: grid;
    gap: var(--mk-space-1);
    padding: var(--mk-space-3) var(--mk-space-4);
    border: 1px solid var(--mk-color-danger);
    border-inline-start-width: 4px;
    border-radius: var(--mk-radius-md);
    background: var(--mk-pairing-card-item-background, var(--mk-color-surface-raised));
  }

  .error-title {
    color: var(--mk-color-danger);
    font-weight: var(--mk-font-weight-strong);
  }

  .empty {
    display: grid;
    gap: var(--mk-space-1);
    padding: var(--mk-space-4);
    border: 1px dashed var(--mk-pairing-card-border-color, var(--mk-color-border));
    border-radius: var(--mk-radius-md);
  }

  .empty-title {
    font-weight: var(--mk-font-weight-strong);
  }

  .hint {
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
  }

  /* Pairings */
  .list,
  .people {
    display: grid;
    gap: var(--mk-pairing-card-gap, var(--mk-space-4));
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .pairing {
    display: grid;
    gap: var(--mk-space-3);
    padding: var(--mk-space-4);
    border: 1px solid var(--mk-pairing-card-border-color, var(--mk-color-border));
    border-radius: var(--mk-radius-md);
    background: var(--mk-pairing-card-item-background, var(--mk-color-surface-raised));
  }

  /* The pairing every panel shows: an accent edge beside its "Shown in every panel" badge. */
  .pairing[data-current] {
    border-color: var(--mk-color-accent);
    box-shadow: inset 4px 0 0 var(--mk-color-accent);
  }

  .badge.current,
  .badge.unread {
    color: var(--mk-color-accent);
  }

  .person-unread {
    font-size: var(--mk-font-size-sm);
    font-weight: var(--mk-font-weight-strong);
    color: var(--mk-color-accent);
  }

  .pairing[data-status='paused'],
  .pairing[data-status='closed'] {
    border-style: dashed;
  }

  .pairing-heading {
    margin: 0;
    font-size: var(--mk-font-size-lg);
    font-weight: var(--mk-font-weight-strong);
    line-height: 1.3;
  }

  .pairing-button {
    display: inline;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--mk-color-accent);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    text-decoration-thickness: 1px;
    text-underline-offset: 0.2em;
    cursor: pointer;
    border-radius: var(--mk-radius-sm);
    /* People's names: they wrap anywhere, as all text does (buttons of the interface keep their words whole). */
    overflow-wrap: anywhere;
  }

  .pairing-button:hover {
    text-decoration-thickness: 2px;
  }

  .pairing-meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--mk-space-2);
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
  }

  .badge {
    display: inline-block;
    padding: 0 var(--mk-space-2);
    border: 1px solid currentColor;
    border-radius: var(--mk-radius-full);
    font-size: var(--mk-font-size-sm);
    font-weight: var(--mk-font-weight-strong);
    line-height: 1.6;
  }

  .status[data-status='active'] {
    color: var(--mk-color-success);
  }

  .status[data-status='paused'],
  .status[data-status='proposed'] {
    color: var(--mk-color-warning);
  }

  .status[data-status='closed'],
  .kind {
    color: var(--mk-color-text-muted);
  }

  .person {
    display: grid;
    grid-template-columns: var(--mk-pairing-card-avatar-size, 2.5rem) minmax(0, 1fr);
    gap: var(--mk-space-3);
    align-items: start;
  }

  .avatar {
    display: grid;
    place-items: center;
    width: var(--mk-pairing-card-avatar-size, 2.5rem);
    height: var(--mk-pairing-card-avatar-size, 2.5rem);
    border-radius: var(--mk-radius-full);
    object-fit: cover;
  }

  .initials {
    background: var(--mk-color-accent);
    color: var(--mk-color-accent-contrast);
    font-size: var(--mk-font-size-sm);
    font-weight: var(--mk-font-weight-strong);
  }

  .person-details {
    display: grid;
    gap: var(--mk-space-1);
    min-width: 0;
  }

  .person-title {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--mk-space-2);
  }

  .person-name {
    font-weight: var(--mk-font-weight-strong);
  }

  .person-role {
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
  }

  .person-headline {
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
  }

  .mentoring {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--mk-space-1);
    margin: 0;
    font-size: var(--mk-font-size-sm);
  }

  .mentoring-icon {
    flex: none;
    width: 1em;
    height: 1em;
  }

  .mentoring[data-status='taking-mentees'] .mentoring-icon,
  .mentoring[data-status='back'] .mentoring-icon {
    color: var(--mk-color-success);
  }

  .mentoring[data-status='away'] .mentoring-icon,
  .mentoring[data-status='not-taking-mentees'] .mentoring-icon {
    color: var(--mk-color-warning);
  }

  .my-availability {
    margin-block-end: var(--mk-pairing-card-gap, var(--mk-space-4));
    padding: var(--mk-space-3);
    border: 1px solid var(--mk-pairing-card-border-color, var(--mk-color-border));
    border-radius: var(--mk-radius-md);
    background: var(--mk-pairing-card-item-background, var(--mk-color-surface-raised));
  }

  .my-availability-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--mk-space-2);
  }

  .my-availability-label {
    font-weight: var(--mk-font-weight-strong);
    font-size: var(--mk-font-size-sm);
  }

  .availability-change,
  .form-actions button {
    font: inherit;
    font-size: var(--mk-font-size-sm);
    padding: var(--mk-space-1) var(--mk-space-3);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-md);
    background: var(--mk-color-surface);
    color: var(--mk-color-text);
    cursor: pointer;
  }

  .form-actions button[type='submit'] {
    background: var(--mk-color-accent);
    border-color: var(--mk-color-accent);
    color: var(--mk-color-accent-contrast);
  }

  .availability-form {
    display: grid;
    gap: var(--mk-space-2);
    margin-block-start: var(--mk-space-3);
    font-size: var(--mk-font-size-sm);
  }

  .availability-form fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2) var(--mk-space-4);
    margin: 0;
    padding: var(--mk-space-2) var(--mk-space-3);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-md);
  }

  .availability-form .field {
    display: grid;
    gap: var(--mk-space-1);
    max-width: 24rem;
  }

  .availability-form input[type='text'],
  .availability-form input[type='date'] {
    font: inherit;
    padding: var(--mk-space-1) var(--mk-space-2);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-sm);
    background: var(--mk-color-surface);
    color: var(--mk-color-text);
  }

  .availability-form .hint {
    margin: 0;
    color: var(--mk-color-text-muted);
  }

  .form-actions {
    display: flex;
    gap: var(--mk-space-2);
  }

  .mentoring-note {
    color: var(--mk-color-text-muted);
  }

  .facts {
    display: grid;
    gap: var(--mk-space-1);
    font-size: var(--mk-font-size-sm);
  }

  .fact {
    display: flex;
    flex-wrap: wrap;
    column-gap: var(--mk-space-2);
  }

  .fact-label {
    color: var(--mk-color-text-muted);
    min-width: 6.5em;
  }

  .local-time {
    font-weight: var(--mk-font-weight-strong);
    font-variant-numeric: tabular-nums;
  }

  .availability[data-availability='working'] {
    color: var(--mk-color-success);
  }

  .availability[data-availability='outside'],
  .availability[data-availability='off-limits'] {
    color: var(--mk-color-warning);
  }

  .offset {
    font-variant-numeric: tabular-nums;
  }

  @media (forced-colors: active) {
    .badge,
    .pairing,
    .card {
      border-color: CanvasText;
    }
  }
`;
