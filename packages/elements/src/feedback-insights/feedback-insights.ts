import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { html as staticHtml } from 'lit/static-html.js';
import { isHttpUrl } from '@mentorkit/core';
import {
  defaultFeedbackText,
  feedbackFeature,
  tagLabel,
  type DetectedNeed,
  type FeedbackApi,
  type FeedbackInsights,
  type InsightScope,
  type ThemeCount,
} from '@mentorkit/core/feedback';
import { browserTimeZone, formatList } from '../internal/format.js';
import { LocaleController } from '../internal/localize.js';
import { headingTag } from '../internal/heading.js';
import { renderLoadError, renderLoading } from '../internal/frame.js';
import { MkElement } from '../internal/mk-element.js';
import { StoreController } from '../internal/store-controller.js';
import { feedbackInsightsLanguages, feedbackInsightsMessages } from './feedback-insights.messages.js';
import { feedbackInsightsStyles } from './feedback-insights.styles.js';

/** An x coordinate of a chart `width` wide, mirrored when the chart is drawn right to left. */
const mirror = (rtl: boolean, width: number, x: number): number => (rtl ? width - x : x);

/**
 * @summary What feedback says over time — for a mentor, a pairing or a whole programme: rating
 * trend, response rate, recurring themes, sessions without feedback, and mentor training
 * recommended from the host's catalogue with the reason shown.
 *
 * @description Set one of `program-id` (admins' roll-up, with a row per mentor), `pairing-id`, or
 * `person-id` (a mentor; default: the signed-in person). Charts are SVG with `role="img"`, a title
 * and a description that reads the data; "Show as table" switches every chart to a data table.
 * Insights are computed by core (`kit.feedback.insights`) over the notes the viewer may read;
 * recommended courses come from `kit.feedback.configure({ courses })` and link only to http(s) URLs.
 *
 * @csspart base - The card.
 * @csspart heading - The heading.
 * @csspart loading - The loading message.
 * @csspart error - The error box.
 * @csspart empty - The message when no session has ended yet.
 * @csspart stats - The summary figures.
 * @csspart stat - One figure; carries `data-stat`.
 * @csspart view-toggle - The "Show as table / as charts" button.
 * @csspart trend-chart - The rating trend chart (SVG).
 * @csspart trend-table - The rating trend as a table.
 * @csspart themes-chart - The themes chart (SVG).
 * @csspart themes-table - The themes as a table.
 * @csspart recommendations - The recommended training.
 * @csspart recommendation - One course; contains its link and reasons.
 * @csspart needs - Needs found without a matching course.
 * @csspart missing - Sessions without feedback.
 * @csspart mentors - The per-mentor table of a programme.
 *
 * @cssprop [--mk-feedback-insights-background=var(--mk-color-surface)] - Card background.
 * @cssprop [--mk-feedback-insights-border-color=var(--mk-color-border)] - Card border colour.
 * @cssprop [--mk-feedback-insights-radius=var(--mk-radius-lg)] - Card corner radius.
 * @cssprop [--mk-feedback-insights-padding=var(--mk-space-5)] - Card inner spacing.
 * @cssprop [--mk-feedback-insights-line-color=var(--mk-color-accent)] - Colour of the trend line.
 * @cssprop [--mk-feedback-insights-bar-color=var(--mk-color-accent)] - Colour of theme bars.
 */
export class MkFeedbackInsights extends MkElement {
  static override styles = [MkElement.styles, feedbackInsightsStyles];

  private readonly programs = new StoreController(this, () => this.currentKit?.$programs);
  private readonly people = new StoreController(this, () => this.currentKit?.$people);
  private readonly pairings = new StoreController(this, () => this.currentKit?.$pairings);
  private readonly me = new StoreController(this, () => this.currentKit?.$me);
  private readonly records = new StoreController(this, () => this.api?.$feedback);
  private readonly sessions = new StoreController(this, () => this.api?.$sessions);
  private readonly catalogue = new StoreController(this, () => this.api?.$catalogue);
  private readonly featureStatus = new StoreController(this, () => this.api?.$status);
  private readonly i18n = new LocaleController(this, 'mk-feedback-insights', feedbackInsightsMessages, feedbackInsightsLanguages);

  /** Show charts (default) or data tables. */
  @property({ reflect: true }) view: 'chart' | 'table' = 'chart';

  /** A mentor's insights (default: the signed-in person). */
  @property({ attribute: 'person-id', reflect: true }) personId?: string | undefined;

  /** One pairing's insights. */
  @property({ attribute: 'pairing-id', reflect: true }) pairingId?: string | undefined;

  /** A programme's roll-up (admins). */
  @property({ attribute: 'program-id', reflect: true }) programId?: string | undefined;

  /** Level of the heading (1–6); sections are one level below. */
  @property({ attribute: 'heading-level', type: Number, reflect: true }) headingLevel = 2;

  /** BCP 47 locale for texts, dates and numbers, e.g. `es`. Default: the nearest `lang`, else the browser's. */
  @property() locale?: string | undefined;

  private get api(): FeedbackApi | undefined {
    return this.currentKit?.use(feedbackFeature);
  }

  private get scope(): InsightScope | undefined {
    if (this.programId) return { kind: 'program', id: this.programId };
    if (this.pairingId) return { kind: 'pairing', id: this.pairingId };
    const id = this.personId ?? this.currentKit?.user.id;
    return id ? { kind: 'mentor', id } : undefined;
  }

  private nameOrSomeone(personId: string): string {
    return this.people.value?.[personId]?.displayName ?? this.i18n.t('someone');
  }

  private titleFor(scope: InsightScope): string {
    const t = this.i18n;
    if (scope.kind === 'program') {
      const name = this.programs.value?.find((program) => program.id === scope.id)?.name;
      return name ? t.t('title.program', { name }) : t.t('title.program.unknown');
    }
    if (scope.kind === 'pairing') {
      const pairing = this.pairings.value?.find((candidate) => candidate.id === scope.id);
      return pairing ? t.t('title.pairing', { name: this.nameOrSomeone(pairing.menteeId) }) : t.t('title.pairing.unknown');
    }
    return scope.id === this.currentKit?.user.id ? t.t('title.mine') : t.t('title.mentor', { name: this.nameOrSomeone(scope.id) });
  }

  private number(value: number | null | undefined, style: 'decimal' | 'percent' = 'decimal'): string {
    if (value === null || value === undefined) return '–';
    return new Intl.NumberFormat(
      this.i18n.locale,
      style === 'percent' ? { style: 'percent', maximumFractionDigits: 0 } : { minimumFractionDigits: 1, maximumFractionDigits: 1 },
    ).format(value);
  }

  private rating(value: number | null): string {
    return value === null ? '–' : this.i18n.t('rating.value', { rating: this.number(value) });
  }

  private trendLabel(direction: FeedbackInsights['trend']['direction']): string {
    return this.i18n.t(`trend.${direction}`);
  }

  /** A need's reason: the host's wording from core when it reworded it, else this element's catalogue, filled from core's evidence. */
  private reasonOf(need: DetectedNeed): string {
    if (this.api?.text.needReasons[need.need] !== defaultFeedbackText.needReasons[need.need]) return need.reason;
    const { mentions, considered, recentAverage, previousAverage } = need.evidence;
    return this.i18n.t(`reason.${need.need}`, { mentions, considered, recent: this.number(recentAverage), previous: this.number(previousAverage) });
  }

  /** A theme's label: a known tag in the element's language (unless the host reworded it in core), a word as written. */
  private themeLabel(theme: ThemeCount): string {
    if (
      !(theme.term in defaultFeedbackText.tagLabels) ||
      theme.label !== defaultFeedbackText.tagLabels[theme.term] ||
      tagLabel(theme.term, this.api?.text) !== theme.label
    )
      return theme.label;
    return this.i18n.t(`tag.${theme.term}`);
  }

  private formatDate(instant: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale, { dateStyle: 'medium', timeZone: this.me.value?.timeZone ?? browserTimeZone() }).format(new Date(instant));
  }

  private sub(text: string, id: string): TemplateResult {
    const tag = headingTag(Math.min(this.headingLevel + 1, 6));
    return staticHtml`<${tag} class="subheading" id=${id}>${text}</${tag}>`;
  }

  private renderTrendChart(insights: FeedbackInsights): TemplateResult {
    const points = insights.ratingTrend;
    const width = 320;
    const height = 140;
    const left = 24;
    const right = 8;
    const top = 8;
    const bottom = 20;
    // Right to left, time runs from the right and the scale sits on the right (text anchors follow `direction`).
    const rtl = getComputedStyle(this).direction === 'rtl';
    const x = (index: number) =>
      mirror(rtl, width, points.length === 1 ? left + (width - left - right) / 2 : left + (index * (width - left - right)) / (points.length - 1));
    const y = (value: number) => top + ((5 - value) * (height - top - bottom)) / 4;
    const t = this.i18n;
    const ratingFormat = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 2 });
    const description = t.t('trend.description', {
      count: points.length,
      ratings: points.map((point) => ratingFormat.format(point.rating)).join(ratingFormat.format(1.5).includes(',') ? '; ' : ', '),
      trend: this.trendLabel(insights.trend.direction),
    });
    const grid: SVGTemplateResult[] = [1, 2, 3, 4, 5].map(
      (value) =>
        svg`<line class="axis" x1=${mirror(rtl, width, left)} x2=${mirror(rtl, width, width - right)} y1=${y(value)} y2=${y(value)}></line><text class="axis-label" x=${mirror(rtl, width, 4)} y=${y(value) + 3}>${value}</text>`,
    );
    return html`<svg part="trend-chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="trend-title trend-desc">
      <title id="trend-title">${t.t('trend.title')}</title>
      <desc id="trend-desc">${description}</desc>
      ${grid}
      ${points.length > 1 ? svg`<polyline class="line" points=${points.map((point, index) => `${x(index)},${y(point.rating)}`).join(' ')}></polyline>` : nothing}
      ${points.map((point, index) => svg`<circle class="point" cx=${x(index)} cy=${y(point.rating)} r="4"></circle>`)}
    </svg>`;
  }

  private renderTrendTable(insights: FeedbackInsights): TemplateResult {
    const t = this.i18n;
    return html`<table part="trend-table">
      <caption class="visually-hidden">${t.t('trend.caption')}</caption>
      <thead><tr><th scope="col">${t.t('table.session')}</th><th scope="col">${t.t('table.date')}</th><th scope="col">${t.t('table.rating')}</th></tr></thead>
      <tbody>${insights.ratingTrend.map((point) => html`<tr><td>${point.sessionTitle}</td><td>${this.formatDate(point.at)}</td><td>${point.rating}</td></tr>`)}</tbody>
    </table>`;
  }

  private renderThemesChart(themes: readonly ThemeCount[]): TemplateResult {
    const rowHeight = 22;
    const width = 320;
    const labelWidth = 130;
    const max = Math.max(1, ...themes.map((theme) => theme.count));
    const rtl = getComputedStyle(this).direction === 'rtl';
    const description = themes.map((theme) => `${this.themeLabel(theme)}: ${theme.count}`).join('; ');
    return html`<svg part="themes-chart" viewBox="0 0 ${width} ${themes.length * rowHeight}" role="img" aria-labelledby="themes-title themes-desc">
      <title id="themes-title">${this.i18n.t('themes.title')}</title>
      <desc id="themes-desc">${description}</desc>
      ${themes.map((theme, index) => {
        const label = this.themeLabel(theme);
        const barWidth = Math.max(2, ((width - labelWidth - 24) * theme.count) / max);
        return svg`<text class="bar-label" x=${mirror(rtl, width, 0)} y=${index * rowHeight + 15}>${Array.from(label).length > 22 ? `${Array.from(label).slice(0, 21).join('')}…` : label}</text>
          <rect class="bar" x=${rtl ? width - labelWidth - barWidth : labelWidth} y=${index * rowHeight + 4} height="14" width=${barWidth} rx="3"></rect>
          <text class="bar-label" x=${mirror(rtl, width, labelWidth + 6 + ((width - labelWidth - 24) * theme.count) / max)} y=${index * rowHeight + 15}>${theme.count}</text>`;
      })}
    </svg>`;
  }

  private renderThemesTable(themes: readonly ThemeCount[]): TemplateResult {
    const t = this.i18n;
    return html`<table part="themes-table">
      <caption class="visually-hidden">${t.t('themes.caption')}</caption>
      <thead><tr><th scope="col">${t.t('table.theme')}</th><th scope="col">${t.t('table.notes')}</th></tr></thead>
      <tbody>${themes.map((theme) => html`<tr><td>${this.themeLabel(theme)}</td><td>${theme.count}</td></tr>`)}</tbody>
    </table>`;
  }

  private renderRecommendations(insights: FeedbackInsights): TemplateResult {
    const api = this.api!;
    const t = this.i18n;
    if (insights.needs.length === 0) return html``;
    const recommendations = api.recommendations(insights).filter((entry) => isHttpUrl(entry.course.url));
    const covered = new Set(recommendations.flatMap((entry) => entry.because.map((need) => need.need)));
    const uncovered = insights.needs.filter((need) => !covered.has(need.need));
    return html`<section aria-labelledby="training-heading">
      ${this.sub(t.t(recommendations.length > 0 ? 'training.heading' : 'training.heading.none'), 'training-heading')}
      ${
        recommendations.length > 0
          ? html`<ul part="recommendations">
            ${recommendations.map(
              (entry) => html`<li part="recommendation" class="recommendation">
                <a href=${entry.course.url} target="_blank" rel="noopener noreferrer">${entry.course.title}</a>${entry.course.durationMinutes ? html` <span class="muted">· ${t.t('training.minutes', { minutes: entry.course.durationMinutes })}</span>` : nothing}
                ${entry.because.map((need) => html`<p class="muted">${t.t('training.why', { reason: this.reasonOf(need) })}</p>`)}
              </li>`,
            )}
          </ul>`
          : nothing
      }
      ${uncovered.length > 0 ? html`<ul part="needs">${uncovered.map((need) => html`<li>${this.reasonOf(need)}</li>`)}</ul>` : nothing}
    </section>`;
  }

  private renderInsights(insights: FeedbackInsights, scope: InsightScope): TemplateResult {
    const api = this.api!;
    const table = this.view === 'table';
    const themes = [
      ...insights.themes.tags,
      ...insights.themes.words.filter((word) => !insights.themes.tags.some((tag) => tag.label.toLocaleLowerCase() === word.label)),
    ].slice(0, 10);
    const rollup = scope.kind === 'program' ? api.programRollup(scope.id) : undefined;
    const t = this.i18n;
    return html`
      <dl part="stats" class="stats">
        <div part="stat" class="stat" data-stat="average"><dt>${t.t('stat.average')}</dt><dd>${this.rating(insights.averageRating)}</dd></div>
        <div part="stat" class="stat" data-stat="trend"><dt>${t.t('stat.trend')}</dt><dd>${this.trendLabel(insights.trend.direction)}</dd></div>
        <div part="stat" class="stat" data-stat="response-rate"><dt>${t.t('stat.response-rate')}</dt><dd>${this.number(insights.responseRate, 'percent')}</dd></div>
        <div part="stat" class="stat" data-stat="feedback"><dt>${t.t('stat.feedback')}</dt><dd>${insights.requests.answered + insights.requests.closed === 0 ? '–' : t.t('stat.feedback.value', { count: insights.requests.answered, total: insights.requests.answered + insights.requests.closed })}${insights.requests.open > 0 ? html` <span class="stat-note">${t.t('stat.feedback.open', { count: insights.requests.open })}</span>` : nothing}</dd></div>
      </dl>
      <div class="section-header">
        <p class="muted">${t.t('based-on', { count: insights.feedbackCount })}</p>
        <button part="view-toggle" type="button" aria-pressed=${table ? 'true' : 'false'} @click=${() => (this.view = table ? 'chart' : 'table')}>${t.t('view.table')}</button>
      </div>
      ${
        insights.ratingTrend.length > 0
          ? html`<section aria-labelledby="trend-heading">${this.sub(t.t('trend.heading'), 'trend-heading')}${table ? this.renderTrendTable(insights) : this.renderTrendChart(insights)}</section>`
          : nothing
      }
      ${
        themes.length > 0
          ? html`<section aria-labelledby="themes-heading">${this.sub(t.t('themes.heading'), 'themes-heading')}${table ? this.renderThemesTable(themes) : this.renderThemesChart(themes)}</section>`
          : nothing
      }
      ${this.renderRecommendations(insights)}
      ${
        insights.sessionsWithoutFeedback.length > 0
          ? html`<section aria-labelledby="missing-heading">
            ${this.sub(t.t('missing.heading', { count: insights.sessionsWithoutFeedback.length }), 'missing-heading')}
            <ul part="missing">
              ${insights.sessionsWithoutFeedback.slice(0, 5).map((entry) => html`<li><bdi>${entry.title}</bdi> · <bdi>${this.formatDate(entry.end)}</bdi> · <span class="muted">${t.t(entry.status === 'open' ? 'missing.open' : 'missing.closed')}</span></li>`)}
            </ul>
          </section>`
          : nothing
      }
      ${
        rollup && rollup.mentors.length > 0
          ? html`<section aria-labelledby="mentors-heading">
            ${this.sub(t.t('mentors.heading'), 'mentors-heading')}
            <table part="mentors">
              <caption class="visually-hidden">${t.t('mentors.caption')}</caption>
              <thead><tr><th scope="col">${t.t('table.mentor')}</th><th scope="col">${t.t('table.average')}</th><th scope="col">${t.t('table.trend')}</th><th scope="col">${t.t('table.response-rate')}</th><th scope="col">${t.t('table.needs')}</th></tr></thead>
              <tbody>
                ${rollup.mentors.map(
                  (row) =>
                    html`<tr><th scope="row">${this.nameOrSomeone(row.mentorId)}</th><td>${this.rating(row.insights.averageRating)}</td><td>${this.trendLabel(row.insights.trend.direction)}</td><td>${this.number(row.insights.responseRate, 'percent')}</td><td>${
                      row.insights.needs.length > 0
                        ? formatList(
                            row.insights.needs.map((need) => t.t(`need.${need.need}`)),
                            t.locale,
                          )
                        : '–'
                    }</td></tr>`,
                )}
              </tbody>
            </table>
          </section>`
          : nothing
      }
    `;
  }

  override render(): TemplateResult {
    const kit = this.currentKit;
    const status = this.loadState;
    const featureStatus = this.featureStatus.value ?? 'loading';
    const scope = this.scope;
    void [this.records.value, this.sessions.value, this.catalogue.value];
    let state = 'ready';
    let content: TemplateResult;
    const t = this.i18n;
    let title = t.t('heading');
    if (status === 'error' || featureStatus === 'error') {
      state = 'error';
      content = renderLoadError(t.t('error.title'), this.loadErrorMessage ?? t.t('error.fallback'), { look: 'error' });
    } else if (!kit || status === 'loading' || featureStatus !== 'ready' || !scope) {
      state = 'loading';
      content = renderLoading(t.t('loading'), { skeleton: true, className: 'muted' });
    } else {
      title = this.titleFor(scope);
      const insights = this.api!.insights(scope);
      if (insights.sessionsEnded === 0) {
        state = 'empty';
        content = html`<p part="empty" class="muted">${t.t('empty')}</p>`;
      } else {
        content = this.renderInsights(insights, scope);
      }
    }
    return html`<section part="base" class="card" data-state=${state} aria-labelledby="heading" aria-busy=${state === 'loading' ? 'true' : 'false'}>
      ${staticHtml`<${headingTag(this.headingLevel)} part="heading" class="heading" id="heading">${title}</${headingTag(this.headingLevel)}>`}
      ${content}
    </section>`;
  }
}
