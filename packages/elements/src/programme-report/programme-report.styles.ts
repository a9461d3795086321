import { css } from 'lit';

/** Styles of `<mk-programme-report>` on top of the shared panel styles. */
export const programmeReportStyles = css`
  :host {
    --mk-programme-report-held-color: var(--mk-color-success);
    --mk-programme-report-missed-color: var(--mk-color-warning);
    --mk-programme-report-cancelled-color: var(--mk-color-text-muted);
    --mk-programme-report-line-color: var(--mk-color-accent);
  }
  .card {
    container-type: inline-size;
    min-width: 0;
  }
  .head {
    display: grid;
    gap: var(--mk-space-1);
    min-width: 0;
  }
  .heading:focus {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
    outline-offset: 2px;
  }
  .subtitle, .risk-name, .name, .notice p, .tile-detail, .empty p {
    overflow-wrap: anywhere;
  }
  .section, .figures {
    display: grid;
    gap: var(--mk-space-2);
    grid-template-columns: minmax(0, 1fr);
    min-width: 0;
    border-top: 1px solid var(--mk-color-border);
    padding-top: var(--mk-space-4);
  }
  .period {
    min-width: 0;
  }
  .presets {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-2) var(--mk-space-3);
  }
  .preset {
    display: inline-flex;
    gap: var(--mk-space-1);
    align-items: center;
    font-weight: var(--mk-font-weight-normal);
    min-height: 2rem;
  }
  .preset input {
    margin: 0;
  }
  .custom {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(11rem, 100%), 1fr));
    gap: var(--mk-space-3);
    align-items: end;
  }
  .custom .actions {
    align-self: end;
  }
  input:focus-visible, button:focus-visible, a:focus-visible, .table-scroll:focus-visible {
    outline: var(--mk-focus-ring-width) solid var(--mk-color-focus);
    outline-offset: 2px;
  }
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(11rem, 100%), 1fr));
    gap: var(--mk-space-3);
  }
  .tile {
    display: grid;
    align-content: start;
    gap: var(--mk-space-1);
    padding: var(--mk-space-3);
    border: 1px solid var(--mk-color-border);
    border-radius: var(--mk-radius-md);
    background: var(--mk-color-surface-raised);
    min-width: 0;
  }
  .tile dd {
    margin: 0;
  }
  .tile-label {
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
  }
  .tile-value {
    font-size: var(--mk-font-size-xl);
    font-weight: var(--mk-font-weight-strong);
    line-height: 1.2;
    overflow-wrap: anywhere;
  }
  .tile-detail {
    color: var(--mk-color-text-muted);
    font-size: var(--mk-font-size-sm);
  }
  .tile[data-figure='at-risk'] {
    border-inline-start: 4px solid var(--mk-color-warning);
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(18rem, 100%), 1fr));
    gap: var(--mk-space-4);
  }
  .chart-box {
    display: grid;
    gap: var(--mk-space-2);
    margin: 0;
    min-width: 0;
    align-content: start;
  }
  .chart-caption {
    font-weight: var(--mk-font-weight-strong);
  }
  .chart {
    width: 100%;
    max-width: 28rem;
    height: auto;
  }
  .chart .grid {
    stroke: var(--mk-color-border);
    stroke-width: 1;
  }
  .chart .axis {
    fill: var(--mk-color-text-muted);
    font-size: 11px;
  }
  .chart .line {
    fill: none;
    stroke: var(--mk-programme-report-line-color);
    stroke-width: 2;
  }
  .chart .point {
    fill: var(--mk-programme-report-line-color);
  }
  .chart .bar.held {
    fill: var(--mk-programme-report-held-color);
  }
  .chart .bar.missed {
    fill: var(--mk-programme-report-missed-color);
  }
  .chart .bar.cancelled {
    fill: var(--mk-programme-report-cancelled-color);
  }
  .button.small {
    min-height: 2.25rem;
    padding: var(--mk-space-1) var(--mk-space-3);
    font-size: var(--mk-font-size-sm);
  }
  table {
    border-collapse: collapse;
    font-size: var(--mk-font-size-sm);
  }
  th, td {
    text-align: start;
    padding: var(--mk-space-1) var(--mk-space-2);
    border-bottom: 1px solid var(--mk-color-border);
    vertical-align: top;
  }
  thead th {
    color: var(--mk-color-text-muted);
    font-weight: var(--mk-font-weight-strong);
  }
  tbody th {
    font-weight: var(--mk-font-weight-normal);
  }
  .table-scroll {
    overflow-x: auto;
    max-width: 100%;
    border-radius: var(--mk-radius-sm);
  }
  table.data {
    min-width: 100%;
  }
  /* Figures and headings keep their words whole (the region scrolls sideways); only names wrap anywhere. */
  table.data th, table.data td {
    overflow-wrap: normal;
    word-break: normal;
  }
  table.data td:not(.name) {
    white-space: nowrap;
  }
  table.data thead th {
    min-width: 4rem;
  }
  table.data .name {
    min-width: 8rem;
    max-width: 16rem;
    overflow-wrap: anywhere;
  }
  td[data-over='true'] {
    font-weight: var(--mk-font-weight-strong);
  }
  .risk-list {
    display: grid;
    gap: var(--mk-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .risk-pair {
    display: grid;
    gap: var(--mk-space-1);
    padding: var(--mk-space-3);
    border: 1px solid var(--mk-color-border);
    border-inline-start: 4px solid var(--mk-color-warning);
    border-radius: var(--mk-radius-md);
    min-width: 0;
  }
  .risk-name {
    font-weight: var(--mk-font-weight-strong);
  }
  .reasons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mk-space-1) var(--mk-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--mk-font-size-sm);
  }
  .mark {
    color: var(--mk-color-warning);
  }
  .pair-link {
    color: var(--mk-color-accent);
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .link-button {
    font: inherit;
    font-weight: inherit;
    padding: 0;
    border: 0;
    background: none;
    cursor: pointer;
    text-align: start;
  }
  .exports .button {
    white-space: normal;
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
