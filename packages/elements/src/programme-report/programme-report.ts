import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { ReadableAtom } from 'nanostores';
import { Collections, installedFeature, isMentorKitError, type MentorKit, type StoredRecord } from '@mentorkit/core';
import type { ProgrammeReport, ReportPeriod, ReportTable } from '@mentorkit/core/report';
import { emit } from '../internal/emit.js';
import { browserTimeZone, formatCalendarDate } from '../internal/format.js';
import { LocaleController } from '../internal/localize.js';
import { headingLevel } from '../internal/heading-level.js';
import { renderLoadError, renderLoading } from '../internal/frame.js';
import { MkElement } from '../internal/mk-element.js';
import { StoreController } from '../internal/store-controller.js';
import { panelStyles } from '../internal/panel.styles.js';
import { PERIOD_PRESETS, isCalendarDateText, presetPeriod, todayIn, type PeriodPreset } from './period.js';
import { programmeReportLanguages, programmeReportMessages } from './programme-report.messages.js';
import { programmeReportStyles } from './programme-report.styles.js';
import type { ChartName, ReportViewContext } from './programme-report.view.js';
import { sentenceWithParts } from '../internal/with-parts.js';

export interface MkPairOpenDetail {
  pairingId: string;
  /** The link from `pair-href`, when one is set. */
  href?: string | undefined;
}

export interface MkReportExportDetail {
  format: 'csv' | 'json';
  /** The CSV's table (absent for JSON). */
  table?: ReportTable | undefined;
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
type ReportModule = typeof import('@mentorkit/core/report');
type ConcernMeta = { pairingId?: string | undefined; status: string };

type ViewModule = typeof import('./programme-report.view.js');

/** Core's report module, loaded on first use (it brings time-zone arithmetic the first load does without). */
let reportModule: Promise<ReportModule> | undefined;
const loadReportModule = (): Promise<ReportModule> => (reportModule ??= import('@mentorkit/core/report'));
/** The report's body (figures, charts, tables, exports), loaded with the first report: the element's first load is its shell. */
let viewModule: Promise<ViewModule> | undefined;
const loadView = (): Promise<ViewModule> => (viewModule ??= import('./programme-report.view.js'));

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
  @state() private customErrors: { from?: string | undefined; to?: string | undefined } = {};
  @state() private applied: ReportPeriod | undefined;
  @state() private tables: Record<ChartName, boolean> = { trend: false, sessions: false };
  @state() private announcement = '';
  @state() private view: ViewModule | undefined;
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
  @property() from?: string | undefined;

  /** End of a custom period (`YYYY-MM-DD`, included). */
  @property() to?: string | undefined;

  /** IANA zone the period's dates are read in. Default: the signed-in person's zone, else the browser's. */
  @property({ attribute: 'time-zone' }) timeZone?: string | undefined;

  /** Where a pair opens: a URL template whose `{id}` becomes the pairing's id, e.g. `#pair={id}`. Without it pairs are buttons (listen to `mk-pair-open`). */
  @property({ attribute: 'pair-href' }) pairHref?: string | undefined;

  /** Level of the heading (1–6); sections are one level below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** BCP 47 locale for texts, dates and numbers. Default: the nearest `lang`, else the browser's. */
  @property() locale?: string | undefined;

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

  /** True while the report is computed here (no `reports` service on the storage). */
  private get local(): boolean {
    const kit = this.currentKit;
    return Boolean(kit && this.programId && !kit.storage.reports);
  }

  private tracked(collection: string): ReadableAtom<readonly StoredRecord[]> | undefined {
    return this.local ? this.currentKit?.collection(collection).$records : undefined;
  }

  private get concernsStore(): ReadableAtom<readonly ConcernMeta[]> | undefined {
    return this.currentKit ? installedFeature<{ $concerns?: ReadableAtom<readonly ConcernMeta[]> }>(this.currentKit, 'concerns')?.$concerns : undefined;
  }

  private get zone(): string {
    return this.timeZone || this.me.value?.timeZone || browserTimeZone();
  }

  private get level(): number {
    return headingLevel(this.headingLevel);
  }

  /** The period of the chosen preset (the applied custom dates for `custom`). */
  private currentPeriod(): ReportPeriod | undefined {
    if (this.preset === 'custom') return this.applied;
    const kit = this.currentKit;
    if (!kit) return undefined;
    return presetPeriod(this.preset, todayIn(kit.now(), this.zone));
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
        const [report, view] = await Promise.all([service.programme(this.programId, period, { timeZone: this.zone }), loadView()]);
        if (requested !== this.requested) return;
        this.view = view;
        this.report = report;
        this.phase = 'ready';
        return;
      }
      this.recordsReady = false;
      this.recordsLoaded ??= Promise.all([
        kit.ready,
        ...[Collections.sessions, Collections.goals, Collections.feedback, Collections.agreements].map((collection) => kit.collection(collection).loaded()),
      ]).then(() => undefined);
      const [, , view] = await Promise.all([this.recordsLoaded, loadReportModule(), loadView()]);
      if (requested !== this.requested) return;
      this.view = view;
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
    const inputs = [
      program,
      this.pairings.value,
      this.people.value,
      this.sessions.value,
      this.goals.value,
      this.feedback.value,
      this.agreements.value,
      this.concerns.value,
      period.from,
      period.to,
      this.zone,
    ];
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
    const errors: { from?: string | undefined; to?: string | undefined } = {};
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

  // ─── rendering ───────────────────────────────────────────────────────────────────────────────

  /** A message whose placeholders are filled with templates. */
  private withParts(id: string, parts: Record<string, TemplateResult>): TemplateResult {
    return sentenceWithParts((markers) => this.i18n.t(id, markers), parts);
  }

  private viewContext(): ReportViewContext {
    return {
      t: (id, parameters) => this.i18n.t(id, parameters),
      locale: this.i18n.locale,
      zone: this.zone,
      now: this.currentKit?.now() ?? new Date().toISOString(),
      level: this.level,
      rtl: getComputedStyle(this).direction === 'rtl',
      people: this.currentKit?.$people.get() ?? {},
      tables: this.tables,
      toggleTable: (chart) => this.toggleTable(chart),
      hrefOf: (pairingId) => this.hrefOf(pairingId),
      openPair: (event, pairingId) => this.openPair(event, pairingId),
      exportReport: (format, table) => this.exportReport(format, table),
    };
  }

  private renderPeriod(): TemplateResult {
    const t = this.i18n;
    const busy = this.phase === 'loading';
    return html`<fieldset part="period" class="period">
      <legend>${t.t('period.legend')}</legend>
      <div class="presets">
        ${PERIOD_PRESETS.map(
          (preset) =>
            html`<label class="preset"><input type="radio" name="period" .value=${preset} .checked=${live(this.preset === preset)} @change=${this.handlePreset} /> ${t.t(`period.${preset}`)}</label>`,
        )}
      </div>
      ${
        this.preset === 'custom'
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
          : nothing
      }
      <p class="hint">${t.t('period.zone', { zone: this.zone })}</p>
    </fieldset>`;
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
      content = renderLoadError(t.t('error.title'), this.loadError, { retry: { label: t.t('error.retry'), onClick: this.handleRetry, action: 'retry' } });
    else if (state === 'choosing') content = nothing;
    else if (phase === 'loading' && !report) content = renderLoading(t.t('loading'), { skeleton: true, role: 'status' });
    else if (report) {
      state = phase === 'loading' ? 'loading' : report.totals.pairs.total === 0 ? 'empty' : 'ready';
      content = this.view ? this.view.renderReportView(this.viewContext(), report) : nothing;
    }
    const showPicker = phase !== 'not-admin';
    const source = kit?.storage.reports ? 'server' : 'local';
    return html`<div part="base" class="card" data-state=${state} data-source=${source} aria-busy=${phase === 'loading' ? 'true' : 'false'}>
      <div class="head">
        <div part="heading" class="heading" role="heading" aria-level=${this.level} id="heading" tabindex="-1">${t.t('heading')}</div>
        ${
          report && phase !== 'not-admin'
            ? html`<p part="subtitle" class="subtitle">${this.withParts('subtitle', { programme: html`<bdi>${report.programName}</bdi>`, from: html`${formatCalendarDate(report.period.from, t.locale)}`, to: html`${formatCalendarDate(report.period.to, t.locale)}` })}</p>`
            : nothing
        }
        ${report && phase !== 'not-admin' && phase !== 'error' ? html`<p class="hint">${t.t(source === 'server' ? 'source.server' : 'source.local')}</p>` : nothing}
      </div>
      ${showPicker ? this.renderPeriod() : nothing}
      ${phase === 'loading' && report ? renderLoading(t.t('loading'), { role: 'status' }) : nothing}
      ${content}
      <p part="announcement" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }
}
