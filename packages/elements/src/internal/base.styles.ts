import { css } from 'lit';

/**
 * Styles every MentorKit element starts from: the `--mk-*` tokens for type and colour, a block
 * `:host` that honours `hidden`, text that wraps anywhere rather than overflow (a 200-character word,
 * name or link stays inside a 320 px column; buttons keep their words whole), a visible focus ring for
 * keyboard users, a visually-hidden helper,
 * the "with …" line under a heading (`.pairing-with`), and no motion when the user asks for reduced motion.
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--mk-color-text);
    font-family: var(--mk-font-family);
    font-size: var(--mk-font-size-md);
    line-height: var(--mk-font-line-height);
    color-scheme: var(--mk-color-scheme, light);
    /* Long words, names and URLs wrap rather than push the layout sideways (inherited by all text). */
    overflow-wrap: anywhere;
  }

  /* A button's words break only when one cannot fit a line (never "Achiev|ed" in a narrow row); buttons that
     show people's text (a name, a title) set overflow-wrap: anywhere again. */
  button {
    overflow-wrap: break-word;
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
    outline-offset: 2px;
  }

  /* "with Lucía Fernández": whose pairing a panel shows, a second line of its heading. */
  .pairing-with {
    display: block;
    font-size: var(--mk-font-size-sm);
    font-weight: var(--mk-font-weight-normal);
    color: var(--mk-color-text-muted);
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;
