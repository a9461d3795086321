import { css } from 'lit';

/** Styles of `<mk-certificate>` on top of the shared panel styles. */
export const certificateStyles = css`
  .members, .missing, .goals {
    display: grid;
    gap: var(--mk-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
    min-width: 0;
  }
  .missing, .goals {
    padding-inline-start: var(--mk-space-4);
    list-style: disc;
  }
  .member {
    display: grid;
    gap: var(--mk-space-2);
    padding: var(--mk-space-3);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-md);
    min-width: 0;
  }
  .member-name {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2);
    align-items: center;
  }
  .verify {
    overflow-wrap: anywhere;
  }
  .verify a {
    color: var(--mk-color-primary);
  }
  textarea {
    width: 100%;
    box-sizing: border-box;
    min-height: 4rem;
    resize: vertical;
  }
  .status {
    margin: 0;
  }
  .status[data-tone='success'] {
    color: var(--mk-color-success, inherit);
  }
`;
