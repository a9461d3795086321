import { html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { ReadableAtom } from 'nanostores';
import { Collections, isMentorKitError, type MentorKit, type StoredRecord } from '@mentorkit/core';
import type { AtRiskReason, ProgrammeReport, ReportPeriod, ReportTable } from '@mentorkit/core/report';
import { emit } from '../base/emit.js';
import { browserTimeZone, formatCalendarDate, formatDayTime, formatList } from '../base/format.js';
import { LocaleController } from '../base/localize.js';
import { MkElement } from '../base/mk-element.js';
import { StoreController } from '../base/store-controller.js';
import { panelStyles } from '../agreement/panel.styles.js';
import { PERIOD_PRESETS, isCalendarDateText, presetPeriod, todayIn, type PeriodPreset } from './period.js';
import { programmeReportLanguages, programmeReportMessages } from './programme-report.messages.js';
import { programmeReportStyles } from './programme-report.styles.js';

export interface MkPairOpenDetail {
  pairingId: string;
  /** The link from `pair-href`, when one is set. */
  href?: string;
}

export interface MkReportExportDetail {
  format: 'csv' | 'json';
  /** The CSV's table (absent for JSON). */
  table?: ReportTable;
  /** `<programme>-<table>-<from>-<to>.csv`, or `<programme>-report-<from>-<to>.json`. */
  filename: string;
  /** The file's text (core's `reportCsv` / `reportJson`). */
  content: string;
}

export interface MkReportPeriodChangeDetail {
  preset: PeriodPreset;
  period: ReportPeriod;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-pair-open': CustomEvent<MkPairOpenDetail>;
    'mk-report-export': CustomEvent<MkReportExportDetail>;
    'mk-report-period-change': CustomEvent<MkReportPeriodChangeDetail>;
  }
}

type Phase = 'loading' | 'error' | 'not-admin' | 'ready';
type ChartName = 'trend' | 'sessions';
type ReportModule = typeof import('@mentorkit/core/report');
type ConcernMeta = { pairingId?: string; status: string };

const EXPORT_TABLES: readonly ReportTable[] = ['summary', 'pairs', 'mentors', 'at-risk', 'rating-trend'];
const RISK_CODES = ['quiet', 'sessions-missed', 'low-rating', 'goals-missed', 'concern-open'] as const;

/** Core's report module, loaded on first use (it brings time-zone arithmetic the first load does without). */
let reportModule: Promise<ReportModule> | undefined;
const loadReportModule = (): Promise<ReportModule> => (reportModule ??= import('@mentorkit/core/report'));

function messageOf(error: unknown): string {
  if (isMentorKitError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** A file name part from a programme's name: lowercase letters, digits and dashes. */
function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

const idPart = (id: string) => id.replace(/[^a-zA-Z0-9_-]/g, '_');

/**
 * @summary A programme admin's report for HR: pairs by status, sessions held and missed, mentoring
 * hours, goals, feedback ratings by month, response time, the pairs at risk and why, mentor load and
 * every pair — for a period they choose — with CSV and JSON exports.
 *
 * @description Every figure comes from one computation, core's `programmeReport`
 * (`@mentorkit/core/report`; docs/programme-report.md). When the storage adapter offers a `reports`
 * service (`kit.storage.reports`, the MentorKit server's `GET /programs/<id>/report` through
 * `@mentorkit/storage-rest`), the server computes it over every record, so the median response time
 * is there. Otherwise the element computes it in the browser over the records the client holds for
 * the admin (pairings, people, sessions, goals, feedback, agreements, and concerns when the host
 * installed the concerns feature), and says response time is not available here and why (an admin
 * cannot read the pairs' messages in the browser). A person who is not an admin of the programme
 * sees only that.
 *
 * The period picker is a radio group of presets (this month, last month, this quarter, last quarter,
 * year to date) and custom dates (a form with two date fields), read in `time-zone` (default: the
 * signed-in person's zone). Charts are SVG with `role="img"`, a title and a description that reads
 * the data; each has a "Show as table" button. At-risk reasons are words (and a mark), never colour
 * alone; each pair links to `pair-href` with `{id}` replaced, or is a button, and fires
 * `mk-pair-open`. Wide tables scroll sideways inside a focusable region on narrow screens.
 * Exports use core's `reportCsv` (one file per table, RFC 4180, safe from spreadsheet formulas) and
 * `reportJson`, downloaded as `<programme>-<table>-<from>-<to>.csv`.
 *
 * @fires {CustomEvent<MkReportPeriodChangeDetail>} mk-report-period-change - The admin chose another period.
 * @fires {CustomEvent<MkPairOpenDetail>} mk-pair-open - The admin opened a pair from the at-risk list or the pairs table. Cancelable: `preventDefault()` keeps the link from being followed.
 * @fires {CustomEvent<MkReportExportDetail>} mk-report-export - The admin exported a table or the report. Cancelable: `preventDefault()` stops the download (the host saves `content` itself).
 *
 * @csspart base - The card; carries `data-state` (`loading`, `error`, `not-admin`, `empty`, `ready`) and `data-source` (`server`, `local`).
 * @csspart heading - The heading.
 * @csspart subtitle - The programme's name and the period.
 * @csspart period - The period picker (a fieldset).
 * @csspart custom - The custom dates form.
 * @csspart loading - The loading message.
 * @csspart error - The error box (`role="alert"`).
 * @csspart not-admin - Said to someone who is not an admin of the programme.
 * @csspart empty - Said when no pairing existed in the period.
 * @csspart tiles - The figures.
 * @csspart tile - One figure; carries `data-figure`.
 * @csspart chart - A chart (SVG); carries `data-chart` (`trend`, `sessions`).
 * @csspart chart-table - A chart as a table; carries `data-chart`.
 * @csspart chart-toggle - A chart's "Show as table" button.
 * @csspart at-risk - The at-risk list.
 * @csspart risk-pair - One pair at risk; carries `data-pairing-id`.
 * @csspart pair-link - The link (or button) that opens a pair.
 * @csspart mentors - The mentor load table.
 * @csspart pairs - The pairs table.
 * @csspart exports - The export buttons.
 * @csspart announcement - The polite live region.
 *
 * @cssprop [--mk-panel-background=var(--mk-color-surface)] - Background of the card.
 * @cssprop [--mk-panel-border-color=var(--mk-color-border)] - Border colour of the card.
 * @cssprop [--mk-panel-radius=var(--mk-radius-lg)] - Corner radius of the card.
 * @cssprop [--mk-panel-padding=var(--mk-space-5)] - Inner spacing of the card.
 * @cssprop [--mk-programme-report-held-color=var(--mk-color-success)] - Bar of sessions held.
 * @cssprop [--mk-programme-report-missed-color=var(--mk-color-warning)] - Bar of sessions missed.
 * @cssprop [--mk-programme-report-cancelled-color=var(--mk-color-text-muted)] - Bar of sessions cancelled.
 * @cssprop [--mk-programme-report-line-color=var(--mk-color-accent)] - The rating line.
 */
export class MkProgrammeReport extends MkElement {
  static override styles = [MkElement.styles, panelStyles, programmeReportStyles];

  private readonly i18n = new LocaleController(this, 'mk-programme-report', programmeReportMessages, programmeReportLanguages);
  private readonly me = new StoreController(this, () => this.currentKit?.$me);
  private readonly kitStatus = new StoreController(this, () => (this.local ? this.currentKit?.$status : undefined));
  private readonly programs = new StoreController(this, () => (this.local ? this.currentKit?.$programs : undefined));
  private readonly pairings = new StoreController(this, () => (this.local ? this.currentKit?.$pairings : undefined));
  private readonly people = new StoreController(this, () => (this.local ? this.currentKit?.$people : undefined));
  private readonly sessions = new StoreController(this, () => this.tracked(Collections.sessions));
  private readonly goals = new StoreController(this, () => this.tracked(Collections.goals));
  private readonly feedback = new StoreController(this, () => this.tracked(Collections.feedback));
  private readonly agreements = new StoreController(this, () => this.tracked(Collections.agreements));
  private readonly concerns = new StoreController(this, () => (this.local ? this.concernsStore : undefined));

  @state() private phase: Phase = 'loading';
  @state() private loadError: string | undefined;
  @state() private report: ProgrammeReport | undefined;
  @state() private preset: PeriodPreset = 'this-quarter';
  @state() private customFrom = '';
  @state() private customTo = '';
  @state() private customErrors: { from?: string; to?: string } = {};
  @state() private applied: ReportPeriod | undefined;
  @state() private tables: Record<ChartName, boolean> = { trend: false, sessions: false };
  @state() private announcement = '';
  /** What was asked for last (a newer request makes an older answer stale). */
  private requested: { kit: MentorKit; key: string } | undefined;
  /** Local mode: the records the last computation used (recomputed when any changes). */
  private computedFrom: readonly unknown[] = [];
  private recordsLoaded: Promise<void> | undefined;
  private recordsReady = false;

  /** The programme reported on. */
  @property({ attribute: 'program-id' }) programId = '';

  /** The period shown first: a preset, or `custom` with `from` and `to`. */
  @property() period: PeriodPreset = 'this-quarter';

  /** Start of a custom period (`YYYY-MM-DD`, with `period="custom"`). */
  @property() from?: string;

  /** End of a custom period (`YYYY-MM-DD`, included). */
  @property() to?: string;

  /** IANA zone the period's dates are read in. Default: the signed-in person's zone, else the browser's. */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  /** Where a pair opens: a URL template whose `{id}` becomes the pairing's id, e.g. `#pair={id}`. Without it pairs are buttons (listen to `mk-pair-open`). */
  @property({ attribute: 'pair-href' }) pairHref?: string;

  /** Level of the heading (1–6); sections are one level below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** BCP 47 locale for texts, dates and numbers. Default: the nearest `lang`, else the browser's. */
  @property() locale?: string;

  /** True while the report is computed here (no `reports` service on the storage). */
  private get local(): boolean {
    const kit = this.currentKit;
    return Boolean(kit && this.programId && !kit.storage.reports);
  }

  private tracked(collection: string): ReadableAtom<readonly StoredRecord[]> | undefined {
    return this.local ? this.currentKit?.internals.track(collection) : undefined;
  }

  private get concernsStore(): ReadableAtom<readonly ConcernMeta[]> | undefined {
    return (this.currentKit as unknown as { concerns?: { $concerns?: ReadableAtom<readonly ConcernMeta[]> } } | undefined)?.concerns?.$concerns;
  }

  private get zone(): string {
    return this.timeZone || this.me.value?.timeZone || browserTimeZone();
  }

  private get level(): number {
    return Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 1), 6);
  }

  /** The period of the chosen preset (the applied custom dates for `custom`). */
  private currentPeriod(): ReportPeriod | undefined {
    if (this.preset === 'custom') return this.applied;
    const kit = this.currentKit;
    if (!kit) return undefined;
    return presetPeriod(this.preset, todayIn(kit.now(), this.zone));
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('period') || changed.has('from') || changed.has('to')) {
      const preset = (PERIOD_PRESETS as readonly string[]).includes(this.period) ? this.period : 'this-quarter';
      this.preset = preset;
      if (preset === 'custom') {
        this.customFrom = this.from ?? '';
        this.customTo = this.to ?? '';
        this.applied = isCalendarDateText(this.from) && isCalendarDateText(this.to) && this.from <= this.to ? { from: this.from, to: this.to } : undefined;
      }
    }
    const kit = this.currentKit;
    const period = this.currentPeriod();
    if (!kit || !this.programId || !period) return;
    const key = JSON.stringify([this.programId, period.from, period.to, this.zone, Boolean(kit.storage.reports)]);
    if (kit !== this.requested?.kit || key !== this.requested.key) {
      this.requested = { kit, key };
      this.computedFrom = [];
      void this.load();
    } else if (this.local && this.recordsReady) this.computeLocal();
  }

  private async load(): Promise<void> {
    const requested = this.requested;
    const kit = requested?.kit;
    const period = this.currentPeriod();
    if (!kit || !period) return;
    if (!this.report || this.phase !== 'ready') this.phase = 'loading';
    this.loadError = undefined;
    const service = kit.storage.reports;
    try {
      if (service) {
        const report = await service.programme(this.programId, period, { timeZone: this.zone });
        if (requested !== this.requested) return;
        this.report = report;
        this.phase = 'ready';
        return;
      }
      this.recordsReady = false;
      this.recordsLoaded ??= Promise.all([kit.ready, ...[Collections.sessions, Collections.goals, Collections.feedback, Collections.agreements].map((collection) => kit.internals.loaded(collection))]).then(() => undefined);
      await Promise.all([this.recordsLoaded, loadReportModule()]);
      if (requested !== this.requested) return;
      this.recordsReady = true;
      this.computeLocal();
    } catch (error) {
      if (requested !== this.requested) return;
      this.recordsLoaded = undefined;
      if (isMentorKitError(error) && error.code === 'not-found' && service) {
        this.phase = 'not-admin';
        return;
      }
      this.loadError = messageOf(error);
      this.phase = 'error';
    }
  }

  /** Local mode: computes the report with core over the client's records (again only when they changed). */
  private computeLocal(): void {
    const kit = this.currentKit;
    const period = this.currentPeriod();
    if (!kit || !period || !reportModule) return;
    const program = this.programs.value?.find((candidate) => candidate.id === this.programId);
    if (!program || !program.adminIds.includes(kit.user.id)) {
      // Programmes load with the client: until then say nothing, after that the person is not an admin.
      if (this.kitStatus.value === 'ready') this.phase = 'not-admin';
      return;
    }
    const inputs = [program, this.pairings.value, this.people.value, this.sessions.value, this.goals.value, this.feedback.value, this.agreements.value, this.concerns.value, period.from, period.to, this.zone];
    if (this.phase === 'ready' && inputs.length === this.computedFrom.length && inputs.every((input, index) => input === this.computedFrom[index])) return;
    this.computedFrom = inputs;
    void reportModule.then((module) => {
      if (inputs !== this.computedFrom) return;
      try {
        this.report = module.programmeReport({
          programId: this.programId,
          period,
          timeZone: this.zone,
          now: kit.now(),
          programs: [program],
          people: Object.values(this.people.value ?? {}),
          pairings: (this.pairings.value ?? []).filter((pairing) => pairing.programId === this.programId),
          sessions: (this.sessions.value ?? []) as never,
          goals: (this.goals.value ?? []) as never,
          feedback: (this.feedback.value ?? []) as never,
          agreements: (this.agreements.value ?? []) as never,
          ...(this.concerns.value ? { concerns: this.concerns.value } : {}),
        });
        this.phase = 'ready';
      } catch (error) {
        this.loadError = messageOf(error);
        this.phase = 'error';
      }
    });
  }

  // ─── handlers ────────────────────────────────────────────────────────────────────────────────

  private readonly handlePreset = (event: Event): void => {
    const preset = (event.target as HTMLInputElement).value as PeriodPreset;
    const previous = this.currentPeriod();
    this.preset = preset;
    this.customErrors = {};
    if (preset === 'custom') {
      // Custom dates start from the period chosen until now.
      const current = previous ?? this.report?.period;
      if (!this.customFrom && current) this.customFrom = current.from;
      if (!this.customTo && current) this.customTo = current.to;
      return;
    }
    const period = this.currentPeriod();
    if (period) emit(this, 'mk-report-period-change', { preset, period });
  };

  private readonly handleCustom = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const errors: { from?: string; to?: string } = {};
    if (!isCalendarDateText(this.customFrom)) errors.from = this.i18n.t('period.missing');
    if (!isCalendarDateText(this.customTo)) errors.to = this.i18n.t('period.missing');
    else if (!errors.from && this.customTo < this.customFrom) errors.to = this.i18n.t('period.order');
    this.customErrors = errors;
    if (errors.from || errors.to) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(errors.from ? '[name="from"]' : '[name="to"]')?.focus();
      return;
    }
    this.applied = { from: this.customFrom, to: this.customTo };
    emit(this, 'mk-report-period-change', { preset: 'custom', period: this.applied });
  };

  private readonly handleRetry = (): void => {
    this.requested = undefined;
    this.recordsLoaded = undefined;
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="heading"]')?.focus());
  };

  private toggleTable(chart: ChartName): void {
    this.tables = { ...this.tables, [chart]: !this.tables[chart] };
  }

  private hrefOf(pairingId: string): string | undefined {
    if (!this.pairHref) return undefined;
    const href = this.pairHref.split('{id}').join(encodeURIComponent(pairingId));
    try {
      const url = new URL(href, document.baseURI);
      return url.protocol === 'http:' || url.protocol === 'https:' ? href : undefined;
    } catch {
      return undefined;
    }
  }

  private openPair(event: Event, pairingId: string): void {
    const href = this.hrefOf(pairingId);
    const opened = emit(this, 'mk-pair-open', { pairingId, ...(href ? { href } : {}) }, { cancelable: true });
    if (opened.defaultPrevented) event.preventDefault();
  }

  private fileBase(report: ProgrammeReport): string {
    return slug(report.programName) || slug(report.programId) || 'programme';
  }

  private async exportReport(format: 'csv' | 'json', table?: ReportTable): Promise<void> {
    const report = this.report;
    if (!report) return;
    try {
      const module = await loadReportModule();
      const content = format === 'json' ? module.reportJson(report) : module.reportCsv(report, table!);
      const filename = `${this.fileBase(report)}-${format === 'json' ? 'report' : table}-${report.period.from}-${report.period.to}.${format}`;
      const exported = emit(this, 'mk-report-export', { format, ...(table ? { table } : {}), filename, content }, { cancelable: true });
      if (!exported.defaultPrevented) {
        const url = URL.createObjectURL(new Blob([content], { type: format === 'json' ? 'application/json' : 'text/csv;charset=utf-8' }));
        const link = document.createElement('a');
        link.href = url;
        link.download = filename;
        link.hidden = true;
        this.renderRoot.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
      this.announcement = this.i18n.t('export.done', { file: filename });
    } catch (error) {
      this.announcement = this.i18n.t('export.failed', { reason: messageOf(error) });
    }
  }

  // ─── formatting ──────────────────────────────────────────────────────────────────────────────

  private number(value: number, fractionDigits = 0): string {
    return new Intl.NumberFormat(this.i18n.locale, { maximumFractionDigits: fractionDigits }).format(value);
  }

  private rating(value: number | null): string {
    return value === null ? this.i18n.t('none') : new Intl.NumberFormat(this.i18n.locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
  }

  private hours(minutes: number): string {
    return this.number(minutes / 60, 1);
  }

  private duration(minutes: number): string {
    const whole = Math.round(minutes);
    if (whole < 60) return this.i18n.t('duration.minutes', { minutes: this.number(whole) });
    if (whole < 24 * 60) return this.i18n.t('duration.hours', { hours: Math.floor(whole / 60), minutes: whole % 60 });
    return this.i18n.t('duration.days', { days: Math.floor(whole / 1440), hours: Math.floor((whole % 1440) / 60) });
  }

  private month(month: string): string {
    const [year, number] = month.split('-').map(Number);
    if (!year || !number) return month;
    return new Intl.DateTimeFormat(this.i18n.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, number - 1, 1)));
  }

  private pairName(menteeName: string, mentorNames: readonly string[]): TemplateResult {
    const mentee = html`<bdi>${menteeName}</bdi>`;
    if (mentorNames.length === 0) return this.withParts('pair.no-mentor', { mentee });
    return this.withParts('pair.name', { mentee, mentors: html`<bdi>${formatList(mentorNames, this.i18n.locale)}</bdi>` });
  }

  /** A message whose placeholders are filled with templates. */
  private withParts(id: string, parts: Record<string, TemplateResult>): TemplateResult {
    const names = Object.keys(parts);
    const marked = this.i18n.t(id, Object.fromEntries(names.map((name, index) => [name, `\u0000${index}\u0000`])));
    const pieces = marked.split(/\u0000(\d+)\u0000/);
    return html`${pieces.map((piece, index) => (index % 2 === 1 ? parts[names[Number(piece)]!] : piece))}`;
  }

  private reasonText(reason: AtRiskReason): string {
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

  // ─── rendering ───────────────────────────────────────────────────────────────────────────────

  private sub(id: string, text: string): TemplateResult {
    return html`<div class="subheading" role="heading" aria-level=${Math.min(this.level + 1, 6)} id=${id}>${text}</div>`;
  }

  private renderPeriod(): TemplateResult {
    const t = this.i18n;
    const busy = this.phase === 'loading';
    return html`<fieldset part="period" class="period">
      <legend>${t.t('period.legend')}</legend>
      <div class="presets">
        ${PERIOD_PRESETS.map(
          (preset) => html`<label class="preset"><input type="radio" name="period" .value=${preset} .checked=${live(this.preset === preset)} @change=${this.handlePreset} /> ${t.t(`period.${preset}`)}</label>`,
        )}
      </div>
      ${this.preset === 'custom'
        ? html`<form part="custom" class="custom" novalidate @submit=${this.handleCustom}>
            ${(['from', 'to'] as const).map((field) => {
              const error = this.customErrors[field];
              return html`<div class="field">
                <label for=${`report-${field}`}>${t.t(`period.${field}`)}</label>
                <input id=${`report-${field}`} name=${field} type="date" .value=${live(field === 'from' ? this.customFrom : this.customTo)}
                  aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `report-${field}-error` : nothing}
                  @input=${(event: Event) => {
                    const value = (event.target as HTMLInputElement).value;
                    if (field === 'from') this.customFrom = value;
                    else this.customTo = value;
                  }} />
                ${error ? html`<p class="field-error" id=${`report-${field}-error`}>${error}</p>` : nothing}
              </div>`;
            })}
            <div class="actions"><button class="button" type="submit" aria-disabled=${busy ? 'true' : 'false'}>${t.t('period.apply')}</button></div>
          </form>`
        : nothing}
      <p class="hint">${t.t('period.zone', { zone: this.zone })}</p>
    </fieldset>`;
  }

  private renderTile(figure: string, label: string, value: string, detail: string): TemplateResult {
    return html`<div part="tile" class="tile" data-figure=${figure}>
      <dt class="tile-label">${label}</dt>
      <dd class="tile-value">${value}</dd>
      <dd class="tile-detail">${detail}</dd>
    </div>`;
  }

  private renderTiles(report: ProgrammeReport): TemplateResult {
    const t = this.i18n;
    const { pairs, sessions, goals, feedback, responseTime } = report.totals;
    const n = (value: number) => this.number(value);
    const response = responseTime === null
      ? this.renderTile('response-time', t.t('tile.response'), t.t('tile.response-unavailable'), t.t('tile.response-unavailable-detail'))
      : responseTime.medianMinutes === null
        ? this.renderTile('response-time', t.t('tile.response'), t.t('tile.response-none'), t.t('tile.response-none-detail'))
        : this.renderTile('response-time', t.t('tile.response'), this.duration(responseTime.medianMinutes), t.t('tile.response-detail', { replies: n(responseTime.replies), count: responseTime.replies }));
    return html`<section class="figures" aria-labelledby="figures-heading">
      ${this.sub('figures-heading', t.t('figures.heading'))}
      <dl part="tiles" class="tiles">
        ${this.renderTile('pairs', t.t('tile.pairs'), n(pairs.total), t.t('tile.pairs-detail', { active: n(pairs.active), paused: n(pairs.paused), proposed: n(pairs.proposed), closed: n(pairs.closed) }))}
        ${this.renderTile('sessions', t.t('tile.sessions'), n(sessions.held), t.t('tile.sessions-detail', { missed: n(sessions.missed), cancelled: n(sessions.cancelled), scheduled: n(sessions.scheduled) }))}
        ${this.renderTile('hours', t.t('tile.hours'), t.t('tile.hours-value', { hours: this.hours(report.totals.mentoringMinutes) }), t.t('tile.hours-detail', { minutes: n(report.totals.mentoringMinutes), count: report.totals.mentoringMinutes }))}
        ${this.renderTile('goals', t.t('tile.goals'), n(goals.achieved), t.t('tile.goals-detail', { set: n(goals.set), missed: n(goals.missed) }))}
        ${feedback.averageRating === null
          ? this.renderTile('rating', t.t('tile.rating'), t.t('tile.rating-none'), t.t('tile.rating-none-detail'))
          : this.renderTile('rating', t.t('tile.rating'), t.t('tile.rating-value', { rating: this.rating(feedback.averageRating) }), t.t('tile.rating-detail', { notes: n(feedback.notes), count: feedback.notes }))}
        ${response}
        ${this.renderTile('at-risk', t.t('tile.at-risk'), n(report.totals.pairsAtRisk), t.t('tile.at-risk-detail', { active: pairs.active }))}
      </dl>
    </section>`;
  }

  private renderChartToggle(chart: ChartName, labelledBy: string): TemplateResult {
    const showingTable = this.tables[chart];
    return html`<button part="chart-toggle" class="button secondary small" type="button" data-chart=${chart} aria-describedby=${labelledBy} @click=${() => this.toggleTable(chart)}>
      ${this.i18n.t(showingTable ? 'chart.show-chart' : 'chart.show-table')}
    </button>`;
  }

  private renderTrend(report: ProgrammeReport): TemplateResult {
    const t = this.i18n;
    const months = report.ratingTrend;
    const rated = months.filter((month) => month.averageRating !== null);
    let body: TemplateResult;
    if (rated.length === 0) body = html`<p class="muted">${t.t('trend.empty')}</p>`;
    else if (this.tables.trend)
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
      const rtl = getComputedStyle(this).direction === 'rtl';
      const at = (x: number) => (rtl ? width - x : x);
      const x = (index: number) => at(months.length === 1 ? (left + width - right) / 2 : left + (index * (width - left - right)) / (months.length - 1));
      const y = (value: number) => top + ((5 - value) * (height - top - bottom)) / 4;
      const description = t.t('trend.description', {
        months: months
          .map((month) => (month.averageRating === null ? t.t('trend.month-none', { month: this.month(month.month) }) : t.t('trend.month', { month: this.month(month.month), rating: this.rating(month.averageRating), notes: this.number(month.notes) })))
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

  private renderSessionsChart(report: ProgrammeReport): TemplateResult {
    const t = this.i18n;
    const { held, missed, cancelled } = report.totals.sessions;
    const rows = [
      { outcome: 'held', count: held },
      { outcome: 'missed', count: missed },
      { outcome: 'cancelled', count: cancelled },
    ] as const;
    let body: TemplateResult;
    if (this.tables.sessions)
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
      const rtl = getComputedStyle(this).direction === 'rtl';
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

  private renderPairLink(pairingId: string, label: TemplateResult): TemplateResult {
    const href = this.hrefOf(pairingId);
    return href
      ? html`<a part="pair-link" class="pair-link" href=${href} @click=${(event: Event) => this.openPair(event, pairingId)}>${label}</a>`
      : html`<button part="pair-link" class="pair-link link-button" type="button" @click=${(event: Event) => this.openPair(event, pairingId)}>${label}</button>`;
  }

  private namesOf(report: ProgrammeReport, pairingId: string, menteeId: string, mentorIds: readonly string[]): { mentee: string; mentors: string[] } {
    const row = report.pairs.find((pair) => pair.pairingId === pairingId);
    if (row) return { mentee: row.menteeName, mentors: row.mentorNames };
    const people = this.currentKit?.$people.get() ?? {};
    return { mentee: people[menteeId]?.displayName ?? menteeId, mentors: mentorIds.map((id) => people[id]?.displayName ?? id) };
  }

  private renderAtRisk(report: ProgrammeReport): TemplateResult {
    const t = this.i18n;
    return html`<section class="section" aria-labelledby="at-risk-heading">
      ${this.sub('at-risk-heading', t.t('at-risk.heading'))}
      ${report.atRisk.length === 0
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
            </ol>`}
    </section>`;
  }

  /** A wide table in a region that scrolls sideways on narrow screens (focusable, so keyboards scroll it). */
  private scrollRegion(label: string, table: TemplateResult): TemplateResult {
    return html`<div class="table-scroll" role="region" tabindex="0" aria-label=${this.i18n.t('table.scroll', { table: label })}>${table}</div>`;
  }

  private renderMentors(report: ProgrammeReport): TemplateResult {
    const t = this.i18n;
    const heading = t.t('mentors.heading');
    return html`<section class="section" aria-labelledby="mentors-heading">
      ${this.sub('mentors-heading', heading)}
      ${report.mentors.length === 0
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
          )}
    </section>`;
  }

  private renderPairs(report: ProgrammeReport): TemplateResult {
    const t = this.i18n;
    const heading = t.t('pairs.heading');
    const zone = this.zone;
    const now = this.currentKit?.now() ?? new Date().toISOString();
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
              <td>${pair.atRisk.length === 0 ? t.t('pairs.no-risk') : html`<span class="mark" aria-hidden="true">⚠</span> ${formatList(pair.atRisk.filter((code) => (RISK_CODES as readonly string[]).includes(code)).map((code) => t.t(`risk.${code}`)), t.locale)}`}</td>
            </tr>`,
          )}</tbody>
        </table>`,
      )}
    </section>`;
  }

  private renderExports(): TemplateResult {
    const t = this.i18n;
    return html`<section class="section" aria-labelledby="export-heading">
      ${this.sub('export-heading', t.t('export.heading'))}
      <p class="hint">${t.t('export.hint')}</p>
      <div part="exports" class="actions exports">
        ${EXPORT_TABLES.map((table) => html`<button class="button secondary" type="button" data-export=${table} @click=${() => void this.exportReport('csv', table)}>${t.t(`export.${table}`)}</button>`)}
        <button class="button secondary" type="button" data-export="json" @click=${() => void this.exportReport('json')}>${t.t('export.json')}</button>
      </div>
    </section>`;
  }

  private renderReport(report: ProgrammeReport): TemplateResult {
    const t = this.i18n;
    if (report.totals.pairs.total === 0)
      return html`<div part="empty" class="empty"><p>${t.t('empty')}</p><p class="muted">${t.t('empty.hint')}</p></div>`;
    return html`${this.renderTiles(report)}
      <section class="section" aria-labelledby="charts-heading">
        ${this.sub('charts-heading', t.t('charts.heading'))}
        <div class="charts">${this.renderTrend(report)} ${this.renderSessionsChart(report)}</div>
      </section>
      ${this.renderAtRisk(report)} ${this.renderMentors(report)} ${this.renderPairs(report)} ${this.renderExports()}`;
  }

  override render(): TemplateResult {
    const t = this.i18n;
    const kit = this.currentKit;
    const phase: Phase = kit && this.programId ? this.phase : 'loading';
    const report = this.report;
    let content: TemplateResult | typeof nothing = nothing;
    let state: string = phase;
    if (kit && this.programId && !report && phase === 'loading' && !this.currentPeriod()) state = 'choosing';
    if (phase === 'not-admin') content = html`<div part="not-admin" class="empty"><p>${t.t('not-admin')}</p></div>`;
    else if (phase === 'error')
      content = html`<div part="error" class="notice" data-tone="danger" role="alert"><p class="notice-title">${t.t('error.title')}</p><p>${this.loadError}</p><div class="actions"><button class="button secondary" type="button" data-action="retry" @click=${this.handleRetry}>${t.t('error.retry')}</button></div></div>`;
    else if (state === 'choosing') content = nothing;
    else if (phase === 'loading' && !report) content = html`<p part="loading" class="loading" role="status">${t.t('loading')}</p><div class="skeleton" aria-hidden="true"></div>`;
    else if (report) {
      state = phase === 'loading' ? 'loading' : report.totals.pairs.total === 0 ? 'empty' : 'ready';
      content = this.renderReport(report);
    }
    const showPicker = phase !== 'not-admin';
    const source = kit?.storage.reports ? 'server' : 'local';
    return html`<div part="base" class="card" data-state=${state} data-source=${source} aria-busy=${phase === 'loading' ? 'true' : 'false'}>
      <div class="head">
        <div part="heading" class="heading" role="heading" aria-level=${this.level} id="heading" tabindex="-1">${t.t('heading')}</div>
        ${report && phase !== 'not-admin'
          ? html`<p part="subtitle" class="subtitle">${this.withParts('subtitle', { programme: html`<bdi>${report.programName}</bdi>`, from: html`${formatCalendarDate(report.period.from, t.locale)}`, to: html`${formatCalendarDate(report.period.to, t.locale)}` })}</p>`
          : nothing}
        ${report && phase !== 'not-admin' && phase !== 'error' ? html`<p class="hint">${t.t(source === 'server' ? 'source.server' : 'source.local')}</p>` : nothing}
      </div>
      ${showPicker ? this.renderPeriod() : nothing}
      ${phase === 'loading' && report ? html`<p part="loading" class="loading" role="status">${t.t('loading')}</p>` : nothing}
      ${content}
      <p part="announcement" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }
}
