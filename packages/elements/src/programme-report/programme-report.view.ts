import { html, nothing, svg, type TemplateResult } from 'lit';
import type { AtRiskReason, ProgrammeReport, ReportTable } from '@mentorkit/core/report';
import type { Person } from '@mentorkit/core';
import { formatDayTime, formatList } from '../internal/format.js';
import type { MessageParameters } from '../internal/localize.js';
import { sentenceWithParts } from '../internal/with-parts.js';

/**
 * The body of `<mk-programme-report>` once a report is there — figures, charts and their tables, the
 * pairs at risk, mentor load, pairs and exports — loaded on demand with the first report, so a page
 * that shows the element pays only for its shell (heading, period picker, loading) at first.
 * Not part of the public API.
 */

export type ChartName = 'trend' | 'sessions';

/** What the view needs from the element. */
export interface ReportViewContext {
  t(id: string, parameters?: MessageParameters): string;
  locale: string | undefined;
  /** The zone times are shown in. */
  zone: string;
  /** The client's now (instant). */
  now: string;
  /** The element's heading level (sections are one below). */
  level: number;
  rtl: boolean;
  people: Readonly<Record<string, Person>>;
  /** Which charts show as tables. */
  tables: Readonly<Record<ChartName, boolean>>;
  toggleTable(chart: ChartName): void;
  hrefOf(pairingId: string): string | undefined;
  openPair(event: Event, pairingId: string): void;
  exportReport(format: 'csv' | 'json', table?: ReportTable): Promise<void>;
}

const EXPORT_TABLES: readonly ReportTable[] = ['summary', 'pairs', 'mentors', 'at-risk', 'rating-trend'];
const RISK_CODES = ['quiet', 'sessions-missed', 'low-rating', 'goals-missed', 'concern-open'] as const;
const idPart = (id: string) => id.replace(/[^a-zA-Z0-9_-]/g, '_');

/** Renders a report for the element (see `ReportViewContext`). */
export function renderReportView(context: ReportViewContext, report: ProgrammeReport): TemplateResult {
  return new ReportView(context).render(report);
}

class ReportView {
  constructor(readonly c: ReportViewContext) {}

  get i18n(): { t: ReportViewContext['t']; locale: string | undefined } {
    return { t: (id, parameters) => this.c.t(id, parameters), locale: this.c.locale };
  }

  number(value: number, fractionDigits = 0): string {
    return new Intl.NumberFormat(this.i18n.locale, { maximumFractionDigits: fractionDigits }).format(value);
  }

  rating(value: number | null): string {
    return value === null ? this.i18n.t('none') : new Intl.NumberFormat(this.i18n.locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
  }

  hours(minutes: number): string {
    return this.number(minutes / 60, 1);
  }

  duration(minutes: number): string {
    const whole = Math.round(minutes);
    if (whole < 60) return this.i18n.t('duration.minutes', { minutes: this.number(whole) });
    if (whole < 24 * 60) return this.i18n.t('duration.hours', { hours: Math.floor(whole / 60), minutes: whole % 60 });
    return this.i18n.t('duration.days', { days: Math.floor(whole / 1440), hours: Math.floor((whole % 1440) / 60) });
  }

  month(month: string): string {
    const [year, number] = month.split('-').map(Number);
    if (!year || !number) return month;
    return new Intl.DateTimeFormat(this.i18n.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, number - 1, 1)));
  }

  pairName(menteeName: string, mentorNames: readonly string[]): TemplateResult {
    const mentee = html`<bdi>${menteeName}</bdi>`;
    if (mentorNames.length === 0) return this.withParts('pair.no-mentor', { mentee });
    return this.withParts('pair.name', { mentee, mentors: html`<bdi>${formatList(mentorNames, this.i18n.locale)}</bdi>` });
  }

  /** A message whose placeholders are filled with templates. */
  withParts(id: string, parts: Record<string, TemplateResult>): TemplateResult {
    return sentenceWithParts((markers) => this.i18n.t(id, markers), parts);
  }

  reasonText(reason: AtRiskReason): string {
    switch (reason.code) {
      case 'quiet':
        return this.i18n.t('reason.quiet', { days: reason.days ?? 0 });
      case 'sessions-missed':
      case 'goals-missed':
        return this.i18n.t(`reason.${reason.code}`, { count: reason.count ?? 0 });
      case 'low-rating':
        return this.i18n.t('reason.low-rating', { rating: this.rating(reason.averageRating ?? null) });
      default:
        return this.i18n.t(`reason.${reason.code}`);
    }
  }

  sub(id: string, text: string): TemplateResult {
    return html`<div class="subheading" role="heading" aria-level=${Math.min(this.c.level + 1, 6)} id=${id}>${text}</div>`;
  }

  renderTile(figure: string, label: string, value: string, detail: string): TemplateResult {
    return html`<div part="tile" class="tile" data-figure=${figure}>
      <dt class="tile-label">${label}</dt>
      <dd class="tile-value">${value}</dd>
      <dd class="tile-detail">${detail}</dd>
    </div>`;
  }

  renderTiles(report: ProgrammeReport): TemplateResult {
    const t = this.i18n;
    const { pairs, sessions, goals, feedback, responseTime } = report.totals;
    const n = (value: number) => this.number(value);
    const response =
      responseTime === null
        ? this.renderTile('response-time', t.t('tile.response'), t.t('tile.response-unavailable'), t.t('tile.response-unavailable-detail'))
        : responseTime.medianMinutes === null
          ? this.renderTile('response-time', t.t('tile.response'), t.t('tile.response-none'), t.t('tile.response-none-detail'))
          : this.renderTile(
              'response-time',
              t.t('tile.response'),
              this.duration(responseTime.medianMinutes),
              t.t('tile.response-detail', { replies: n(responseTime.replies), count: responseTime.replies }),
            );
    return html`<section class="figures" aria-labelledby="figures-heading">
      ${this.sub('figures-heading', t.t('figures.heading'))}
      <dl part="tiles" class="tiles">
        ${this.renderTile('pairs', t.t('tile.pairs'), n(pairs.total), t.t('tile.pairs-detail', { active: n(pairs.active), paused: n(pairs.paused), proposed: n(pairs.proposed), closed: n(pairs.closed) }))}
        ${this.renderTile('sessions', t.t('tile.sessions'), n(sessions.held), t.t('tile.sessions-detail', { missed: n(sessions.missed), cancelled: n(sessions.cancelled), scheduled: n(sessions.scheduled) }))}
        ${this.renderTile('hours', t.t('tile.hours'), t.t('tile.hours-value', { hours: this.hours(report.totals.mentoringMinutes) }), t.t('tile.hours-detail', { minutes: n(report.totals.mentoringMinutes), count: report.totals.mentoringMinutes }))}
        ${this.renderTile('goals', t.t('tile.goals'), n(goals.achieved), t.t('tile.goals-detail', { set: n(goals.set), missed: n(goals.missed) }))}
        ${
          feedback.averageRating === null
            ? this.renderTile('rating', t.t('tile.rating'), t.t('tile.rating-none'), t.t('tile.rating-none-detail'))
            : this.renderTile(
                'rating',
                t.t('tile.rating'),
                t.t('tile.rating-value', { rating: this.rating(feedback.averageRating) }),
                t.t('tile.rating-detail', { notes: n(feedback.notes), count: feedback.notes }),
              )
        }
        ${response}
        ${this.renderTile('at-risk', t.t('tile.at-risk'), n(report.totals.pairsAtRisk), t.t('tile.at-risk-detail', { active: pairs.active }))}
      </dl>
    </section>`;
  }

  renderChartToggle(chart: ChartName, labelledBy: string): TemplateResult {
    const showingTable = this.c.tables[chart];
    return html`<button part="chart-toggle" class="button secondary small" type="button" data-chart=${chart} aria-describedby=${labelledBy} @click=${() => this.c.toggleTable(chart)}>
      ${this.i18n.t(showingTable ? 'chart.show-chart' : 'chart.show-table')}
    </button>`;
  }

  renderTrend(report: ProgrammeReport): TemplateResult {
    const t = this.i18n;
    const months = report.ratingTrend;
    const rated = months.filter((month) => month.averageRating !== null);
    let body: TemplateResult;
    if (rated.length === 0) body = html`<p class="muted">${t.t('trend.empty')}</p>`;
    else if (this.c.tables.trend)
      body = html`<table part="chart-table" data-chart="trend">
        <caption class="visually-hidden">${t.t('trend.title')}</caption>
        <thead><tr><th scope="col">${t.t('trend.col.month')}</th><th scope="col">${t.t('trend.col.notes')}</th><th scope="col">${t.t('trend.col.rating')}</th></tr></thead>
        <tbody>${months.map((month) => html`<tr><th scope="row">${this.month(month.month)}</th><td>${this.number(month.notes)}</td><td>${this.rating(month.averageRating)}</td></tr>`)}</tbody>
      </table>`;
    else {
      const width = 320;
      const height = 150;
      const left = 22;
      const right = 10;
      const top = 10;
      const bottom = 26;
      const rtl = this.c.rtl;
      const at = (x: number) => (rtl ? width - x : x);
      const x = (index: number) => at(months.length === 1 ? (left + width - right) / 2 : left + (index * (width - left - right)) / (months.length - 1));
      const y = (value: number) => top + ((5 - value) * (height - top - bottom)) / 4;
      const description = t.t('trend.description', {
        months: months
          .map((month) =>
            month.averageRating === null
              ? t.t('trend.month-none', { month: this.month(month.month) })
              : t.t('trend.month', { month: this.month(month.month), rating: this.rating(month.averageRating), notes: this.number(month.notes) }),
          )
          .join('; '),
      });
      const points = months.map((month, index) => ({ month, index })).filter(({ month }) => month.averageRating !== null);
      body = html`<svg part="chart" data-chart="trend" class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="trend-title trend-desc">
        <title id="trend-title">${t.t('trend.title')}</title>
        <desc id="trend-desc">${description}</desc>
        ${[1, 2, 3, 4, 5].map((value) => svg`<line class="grid" x1=${at(left)} x2=${at(width - right)} y1=${y(value)} y2=${y(value)}></line><text class="axis" x=${at(4)} y=${y(value) + 3}>${value}</text>`)}
        ${points.length > 1 ? svg`<polyline class="line" points=${points.map(({ month, index }) => `${x(index)},${y(month.averageRating!)}`).join(' ')}></polyline>` : nothing}
        ${points.map(({ month, index }) => svg`<circle class="point" cx=${x(index)} cy=${y(month.averageRating!)} r="4"></circle>`)}
        ${months.map((month, index) => (months.length <= 6 || index === 0 || index === months.length - 1 ? svg`<text class="axis month" x=${x(index)} y=${height - 8} text-anchor="middle">${this.month(month.month)}</text>` : nothing))}
      </svg>`;
    }
    return html`<figure class="chart-box">
      <figcaption class="chart-caption" id="trend-caption">${t.t('trend.title')}</figcaption>
      ${body}
      ${rated.length === 0 ? nothing : html`<div class="actions">${this.renderChartToggle('trend', 'trend-caption')}</div>`}
    </figure>`;
  }

  renderSessionsChart(report: ProgrammeReport): TemplateResult {
    const t = this.i18n;
    const { held, missed, cancelled } = report.totals.sessions;
    const rows = [
      { outcome: 'held', count: held },
      { outcome: 'missed', count: missed },
      { outcome: 'cancelled', count: cancelled },
    ] as const;
    let body: TemplateResult;
    if (this.c.tables.sessions)
      body = html`<table part="chart-table" data-chart="sessions">
        <caption class="visually-hidden">${t.t('sessions.title')}</caption>
        <thead><tr><th scope="col">${t.t('sessions.col.outcome')}</th><th scope="col">${t.t('sessions.col.count')}</th></tr></thead>
        <tbody>${rows.map((row) => html`<tr><th scope="row">${t.t(`outcome.${row.outcome}`)}</th><td>${this.number(row.count)}</td></tr>`)}</tbody>
      </table>`;
    else {
      const width = 320;
      const rowHeight = 30;
      const labelWidth = 96;
      const max = Math.max(1, held, missed, cancelled);
      const rtl = this.c.rtl;
      const at = (x: number) => (rtl ? width - x : x);
      body = html`<svg part="chart" data-chart="sessions" class="chart" viewBox="0 0 ${width} ${rows.length * rowHeight}" role="img" aria-labelledby="sessions-title sessions-desc">
        <title id="sessions-title">${t.t('sessions.title')}</title>
        <desc id="sessions-desc">${t.t('sessions.description', { held: this.number(held), missed: this.number(missed), cancelled: this.number(cancelled) })}</desc>
        ${rows.map((row, index) => {
          const barWidth = row.count === 0 ? 0 : Math.max(3, ((width - labelWidth - 44) * row.count) / max);
          const x0 = labelWidth;
          return svg`<text class="axis bar-label" x=${at(0)} y=${index * rowHeight + 19}>${t.t(`outcome.${row.outcome}`)}</text>
            <rect class=${`bar ${row.outcome}`} x=${rtl ? width - x0 - barWidth : x0} y=${index * rowHeight + 6} width=${barWidth} height="18" rx="3"></rect>
            <text class="axis bar-value" x=${at(x0 + barWidth + 6)} y=${index * rowHeight + 19}>${this.number(row.count)}</text>`;
        })}
      </svg>`;
    }
    return html`<figure class="chart-box">
      <figcaption class="chart-caption" id="sessions-caption">${t.t('sessions.title')}</figcaption>
      ${body}
      <div class="actions">${this.renderChartToggle('sessions', 'sessions-caption')}</div>
    </figure>`;
  }

  renderPairLink(pairingId: string, label: TemplateResult): TemplateResult {
    const href = this.c.hrefOf(pairingId);
    return href
      ? html`<a part="pair-link" class="pair-link" href=${href} @click=${(event: Event) => this.c.openPair(event, pairingId)}>${label}</a>`
      : html`<button part="pair-link" class="pair-link link-button" type="button" @click=${(event: Event) => this.c.openPair(event, pairingId)}>${label}</button>`;
  }

  namesOf(report: ProgrammeReport, pairingId: string, menteeId: string, mentorIds: readonly string[]): { mentee: string; mentors: string[] } {
    const row = report.pairs.find((pair) => pair.pairingId === pairingId);
    if (row) return { mentee: row.menteeName, mentors: row.mentorNames };
    const people = this.c.people;
    return { mentee: people[menteeId]?.displayName ?? menteeId, mentors: mentorIds.map((id) => people[id]?.displayName ?? id) };
  }

  renderAtRisk(report: ProgrammeReport): TemplateResult {
    const t = this.i18n;
    return html`<section class="section" aria-labelledby="at-risk-heading">
      ${this.sub('at-risk-heading', t.t('at-risk.heading'))}
      ${
        report.atRisk.length === 0
          ? html`<p class="muted">${t.t('at-risk.none')}</p>`
          : html`<p class="hint">${t.t('at-risk.hint')}</p>
            <ol part="at-risk" class="risk-list">
              ${report.atRisk.map((pair) => {
                const names = this.namesOf(report, pair.pairingId, pair.menteeId, pair.mentorIds);
                const reasonsId = `risk-${idPart(pair.pairingId)}-reasons`;
                return html`<li part="risk-pair" class="risk-pair" data-pairing-id=${pair.pairingId}>
                  <p class="risk-name">${this.renderPairLink(pair.pairingId, this.pairName(names.mentee, names.mentors))}</p>
                  <ul class="reasons" id=${reasonsId} aria-label=${t.t('reasons.label')}>
                    ${pair.reasons.map((reason) => html`<li class="reason" data-code=${reason.code}><span class="mark" aria-hidden="true">⚠</span> ${this.reasonText(reason)}</li>`)}
                  </ul>
                </li>`;
              })}
            </ol>`
      }
    </section>`;
  }

  /** A wide table in a region that scrolls sideways on narrow screens (focusable, so keyboards scroll it). */
  scrollRegion(label: string, table: TemplateResult): TemplateResult {
    return html`<div class="table-scroll" role="region" tabindex="0" aria-label=${this.i18n.t('table.scroll', { table: label })}>${table}</div>`;
  }

  renderMentors(report: ProgrammeReport): TemplateResult {
    const t = this.i18n;
    const heading = t.t('mentors.heading');
    return html`<section class="section" aria-labelledby="mentors-heading">
      ${this.sub('mentors-heading', heading)}
      ${
        report.mentors.length === 0
          ? html`<p class="muted">${t.t('mentors.none')}</p>`
          : this.scrollRegion(
              heading,
              html`<table part="mentors" class="data">
              <caption class="visually-hidden">${heading}</caption>
              <thead><tr>
                <th scope="col">${t.t('mentors.col.mentor')}</th><th scope="col">${t.t('mentors.col.load')}</th><th scope="col">${t.t('mentors.col.held')}</th>
                <th scope="col">${t.t('mentors.col.hours')}</th><th scope="col">${t.t('mentors.col.rating')}</th><th scope="col">${t.t('mentors.col.notes')}</th>
              </tr></thead>
              <tbody>${report.mentors.map(
                (mentor) => html`<tr data-mentor-id=${mentor.mentorId}>
                  <th scope="row" class="name"><bdi>${mentor.name}</bdi></th>
                  <td data-over=${mentor.activeMentees > mentor.capacity ? 'true' : 'false'}>${t.t('mentors.load', { active: this.number(mentor.activeMentees), capacity: this.number(mentor.capacity) })}${mentor.activeMentees > mentor.capacity ? html` <span class="badge" data-tone="warning">${t.t('mentors.over')}</span>` : nothing}</td>
                  <td>${this.number(mentor.sessionsHeld)}</td>
                  <td>${this.hours(mentor.mentoringMinutes)}</td>
                  <td>${this.rating(mentor.averageRating)}</td>
                  <td>${this.number(mentor.notes)}</td>
                </tr>`,
              )}</tbody>
            </table>`,
            )
      }
    </section>`;
  }

  renderPairs(report: ProgrammeReport): TemplateResult {
    const t = this.i18n;
    const heading = t.t('pairs.heading');
    const zone = this.c.zone;
    const now = this.c.now;
    return html`<section class="section" aria-labelledby="pairs-heading">
      ${this.sub('pairs-heading', heading)}
      ${this.scrollRegion(
        heading,
        html`<table part="pairs" class="data">
          <caption class="visually-hidden">${heading}</caption>
          <thead><tr>
            <th scope="col">${t.t('pairs.col.mentee')}</th><th scope="col">${t.t('pairs.col.mentors')}</th><th scope="col">${t.t('pairs.col.status')}</th>
            <th scope="col">${t.t('pairs.col.held')}</th><th scope="col">${t.t('pairs.col.missed')}</th><th scope="col">${t.t('pairs.col.hours')}</th>
            <th scope="col">${t.t('pairs.col.goals')}</th><th scope="col">${t.t('pairs.col.rating')}</th><th scope="col">${t.t('pairs.col.last')}</th><th scope="col">${t.t('pairs.col.risk')}</th>
          </tr></thead>
          <tbody>${report.pairs.map(
            (pair) => html`<tr data-pairing-id=${pair.pairingId}>
              <th scope="row" class="name">${this.renderPairLink(pair.pairingId, html`<bdi>${pair.menteeName}</bdi>`)}</th>
              <td class="name"><bdi>${formatList(pair.mentorNames, t.locale)}</bdi></td>
              <td>${t.t(`status.${pair.status}`)}</td>
              <td>${this.number(pair.sessionsHeld)}</td>
              <td>${this.number(pair.sessionsMissed)}</td>
              <td>${this.hours(pair.mentoringMinutes)}</td>
              <td>${t.t('pairs.goals', { set: this.number(pair.goalsSet), achieved: this.number(pair.goalsAchieved), missed: this.number(pair.goalsMissed) })}</td>
              <td>${this.rating(pair.averageRating)}</td>
              <td>${pair.lastActivityAt ? html`<time datetime=${pair.lastActivityAt}>${formatDayTime(pair.lastActivityAt, zone, t.locale, now)}</time>` : t.t('pairs.never')}</td>
              <td>${
                pair.atRisk.length === 0
                  ? t.t('pairs.no-risk')
                  : html`<span class="mark" aria-hidden="true">⚠</span> ${formatList(
                      pair.atRisk.filter((code) => (RISK_CODES as readonly string[]).includes(code)).map((code) => t.t(`risk.${code}`)),
                      t.locale,
                    )}`
              }</td>
            </tr>`,
          )}</tbody>
        </table>`,
      )}
    </section>`;
  }

  renderExports(): TemplateResult {
    const t = this.i18n;
    return html`<section class="section" aria-labelledby="export-heading">
      ${this.sub('export-heading', t.t('export.heading'))}
      <p class="hint">${t.t('export.hint')}</p>
      <div part="exports" class="actions exports">
        ${EXPORT_TABLES.map((table) => html`<button class="button secondary" type="button" data-export=${table} @click=${() => void this.c.exportReport('csv', table)}>${t.t(`export.${table}`)}</button>`)}
        <button class="button secondary" type="button" data-export="json" @click=${() => void this.c.exportReport('json')}>${t.t('export.json')}</button>
      </div>
    </section>`;
  }

  render(report: ProgrammeReport): TemplateResult {
    const t = this.i18n;
    if (report.totals.pairs.total === 0) return html`<div part="empty" class="empty"><p>${t.t('empty')}</p><p class="muted">${t.t('empty.hint')}</p></div>`;
    return html`${this.renderTiles(report)}
      <section class="section" aria-labelledby="charts-heading">
        ${this.sub('charts-heading', t.t('charts.heading'))}
        <div class="charts">${this.renderTrend(report)} ${this.renderSessionsChart(report)}</div>
      </section>
      ${this.renderAtRisk(report)} ${this.renderMentors(report)} ${this.renderPairs(report)} ${this.renderExports()}`;
  }
}
