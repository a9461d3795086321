import { css } from 'lit';

/** Styles of `<mk-celebration>`. */
export const celebrationStyles = css`
  :host {
    position: var(--mk-celebration-position, fixed);
    inset-block-end: var(--mk-celebration-offset, var(--mk-space-5));
    inset-inline-end: var(--mk-celebration-offset, var(--mk-space-5));
    z-index: var(--mk-celebration-z-index, 1000);
    max-inline-size: min(28rem, calc(100vw - 2 * var(--mk-space-4)));
  }

  .moment {
    display: grid;
    gap: var(--mk-space-2);
    padding: var(--mk-space-4) var(--mk-space-5);
    background: var(--mk-celebration-background, var(--mk-color-surface-raised));
    color: var(--mk-color-text);
    border: 1px solid var(--mk-color-border);
    border-inline-start: 6px solid var(--mk-celebration-accent, var(--mk-color-success));
    border-radius: var(--mk-radius-lg);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
    animation: mk-celebrate 420ms cubic-bezier(0.2, 1.4, 0.4, 1) both;
  }

  .moment[data-kind='reassurance'] {
    border-inline-start-color: var(--mk-celebration-reassurance-accent, var(--mk-color-accent));
    animation-name: mk-arrive;
  }

  .top {
    display: flex;
    align-items: start;
    gap: var(--mk-space-3);
  }

  .icon {
    flex: none;
    color: var(--mk-celebration-accent, var(--mk-color-success));
  }

  .moment[data-kind='reassurance'] .icon {
    color: var(--mk-celebration-reassurance-accent, var(--mk-color-accent));
  }

  .moment[data-kind='celebration'] .icon,
  .moment[data-kind='achievement'] .icon {
    animation: mk-sparkle 900ms ease-in-out 2;
  }

  h2 {
    flex: 1;
    margin: 0;
    font-size: var(--mk-font-size-lg);
    font-weight: var(--mk-font-weight-strong);
  }

  p,
  ul {
    margin: 0;
  }

  ul {
    display: grid;
    gap: var(--mk-space-2);
    padding: 0;
    list-style: none;
  }

  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--mk-radius-md);
  }

  .suggestion {
    inline-size: 100%;
    text-align: start;
    padding: var(--mk-space-2) var(--mk-space-3);
    color: var(--mk-color-text);
    background: var(--mk-color-surface);
    border: 1px solid var(--mk-color-border);
  }

  .suggestion:hover {
    border-color: var(--mk-color-accent);
  }

  .close {
    padding: var(--mk-space-1) var(--mk-space-2);
    color: var(--mk-color-text);
    background: transparent;
    border: 1px solid transparent;
  }

  .close:hover {
    border-color: var(--mk-color-border);
  }

  @keyframes mk-celebrate {
    from {
      opacity: 0;
      transform: translateY(12px) scale(0.92);
    }
  }

  @keyframes mk-arrive {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }

  @keyframes mk-sparkle {
    50% {
      transform: rotate(-12deg) scale(1.25);
    }
  }
`;
