import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  isMentorKitError,
  type EscalationSettings,
  type EscalationStage,
  type MentorKit,
  type NotificationsService,
  type PairEscalation,
  type ProgramEscalations,
} from '@mentorkit/core';
import { emit } from '../internal/emit.js';
import { browserTimeZone, formatDayTime, formatList } from '../internal/format.js';
import { LocaleController } from '../internal/localize.js';
import { headingLevel } from '../internal/heading-level.js';
import { renderLoadError, renderLoading } from '../internal/frame.js';
import { MkElement } from '../internal/mk-element.js';
import { StoreController } from '../internal/store-controller.js';
import { nameOf } from '../internal/people.js';
import { panelStyles } from '../internal/panel.styles.js';
import { escalationLadderLanguages, escalationLadderMessages } from './escalation-ladder.messages.js';
import { escalationLadderStyles } from './escalation-ladder.styles.js';
import { sentenceWithParts } from '../internal/with-parts.js';

export interface MkEscalationSettingsChangeDetail {
  programId: string;
  /** The ladder as the server now keeps it. */
  settings: EscalationSettings;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-escalation-settings-change': CustomEvent<MkEscalationSettingsChangeDetail>;
  }
}

type FormField = 'quietDays' | 'alertAdminDays' | 'close' | 'afterDays' | 'noticeDays';
const FORM_FIELDS: readonly FormField[] = ['quietDays', 'alertAdminDays', 'close', 'afterDays', 'noticeDays'];
const STAGES: readonly EscalationStage[] = ['active', 'nudged', 'admin-alerted', 'closing', 'closed-due'];
const CLOSING_STAGES: ReadonlySet<EscalationStage> = new Set(['closing', 'closed-due']);

function messageOf(error: unknown): string {
  if (isMentorKitError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** The form field a server error's `path` names (`close.afterDays` → `afterDays`), if any. */
function fieldOfPath(path: string): FormField | undefined {
  const last = path.replace(/^settings\./, '');
  if (last === 'close.afterDays') return 'afterDays';
  if (last === 'close.noticeDays') return 'noticeDays';
  return FORM_FIELDS.find((field) => last === field || last.startsWith(`${field}.`));
}

/**
 * @summary A programme admin's escalation ladder for quiet pairs: its settings (nudge both, alert the
 * admins, optionally close with notice) and where each quiet pair is on it, worst first.
 *
 * @description Reads and changes the ladder through the storage adapter's optional `notifications`
 * service (`kit.storage.notifications`; the MentorKit server's `/programs/<id>/escalation` and
 * `/escalations`, offered by `@mentorkit/storage-rest`). Without it (memory, IndexedDB) the element
 * says the ladder needs the server. The settings show as facts with "Change the ladder", which opens
 * a form: the server validates it; a refusal is said at the field it names (else above the form),
 * focus goes there and everything typed stays. Each quiet pair is a list item: names from the
 * client's people, days quiet and the last activity, the step as text and as a list of steps with
 * `aria-current="step"` (marked by shape as well as colour), the next step and when, when it closes,
 * the steps so far in a disclosure, and a suggested new match. Text follows the page language
 * (English, and Spanish loaded on first use); the server's messages are shown as it words them.
 *
 * @fires {CustomEvent<MkEscalationSettingsChangeDetail>} mk-escalation-settings-change - The admin saved new ladder settings.
 *
 * @csspart base - The card; carries `data-state` (`loading`, `unavailable`, `error`, `empty`, `list`).
 * @csspart heading - The heading.
 * @csspart loading - The loading message.
 * @csspart error - An error box (`role="alert"`).
 * @csspart unavailable - Said when the storage has no notifications service (no server).
 * @csspart settings - The ladder's settings (facts, or the form).
 * @csspart edit - The "Change the ladder" button.
 * @csspart form - The settings form.
 * @csspart form-error - The form's error above its fields (`role="alert"`).
 * @csspart field-error - A field's error.
 * @csspart submit - The Save button.
 * @csspart progress - "Saving…" while the server saves.
 * @csspart empty - Said when no pair is quiet.
 * @csspart list - The quiet pairs.
 * @csspart pair - One pair; carries `data-pairing-id` and `data-stage`.
 * @csspart steps - A pair's steps of the ladder (an ordered list).
 * @csspart step - One step; carries `data-stage` and `data-state` (`done`, `current`, `to-come`).
 * @csspart history - A pair's steps so far (a disclosure).
 * @csspart suggestion - A pair's suggested new match.
 * @csspart announcement - The polite live region that says what just happened.
 *
 * @cssprop [--mk-panel-background=var(--mk-color-surface)] - Background of the card.
 * @cssprop [--mk-panel-border-color=var(--mk-color-border)] - Border colour of the card.
 * @cssprop [--mk-panel-radius=var(--mk-radius-lg)] - Corner radius of the card.
 * @cssprop [--mk-panel-padding=var(--mk-space-5)] - Inner spacing of the card.
 * @cssprop [--mk-panel-gap=var(--mk-space-4)] - Space between sections.
 */
export class MkEscalationLadder extends MkElement {
  static override styles = [MkElement.styles, panelStyles, escalationLadderStyles];

  private readonly i18n = new LocaleController(this, 'mk-escalation-ladder', escalationLadderMessages, escalationLadderLanguages);
  private readonly people = new StoreController(this, () => this.currentKit?.$people);

  @state() private phase: 'loading' | 'unavailable' | 'error' | 'ready' = 'loading';
  @state() private loadError: string | undefined;
  @state() private escalations: ProgramEscalations | undefined;
  @state() private settings: EscalationSettings | undefined;
  @state() private editing = false;
  @state() private values: Record<Exclude<FormField, 'close'>, string> = { quietDays: '', alertAdminDays: '', afterDays: '', noticeDays: '' };
  @state() private closeOn = false;
  @state() private submitting = false;
  @state() private refreshing = false;
  @state() private formError: string | undefined;
  @state() private fieldErrors: Partial<Record<FormField, string | undefined>> = {};
  @state() private announcement = '';
  /** The client and programme shown (either changing loads again). */
  private loadedFor: { kit: MentorKit; programId: string } | undefined;

  /** The programme whose ladder is shown. */
  @property({ attribute: 'program-id' }) programId = '';

  /** Level of the heading (1–6); the sections' headings are one level below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** BCP 47 locale for times and dates. Default: the nearest `lang`, else the browser's. */
  @property() locale?: string | undefined;

  protected override willUpdate(): void {
    const kit = this.currentKit;
    if (kit && this.programId && (kit !== this.loadedFor?.kit || this.programId !== this.loadedFor.programId)) {
      this.loadedFor = { kit, programId: this.programId };
      void this.load();
    }
  }

  private get service(): NotificationsService | undefined {
    return this.currentKit?.storage.notifications;
  }

  private isCurrent(loaded: typeof this.loadedFor): boolean {
    return loaded === this.loadedFor;
  }

  private async load(): Promise<void> {
    const loaded = this.loadedFor;
    const service = loaded?.kit.storage.notifications;
    if (!loaded) return;
    if (!service) {
      this.phase = 'unavailable';
      return;
    }
    this.phase = 'loading';
    this.loadError = undefined;
    this.editing = false;
    try {
      const [settings, escalations] = await Promise.all([service.escalationSettings(loaded.programId), service.escalations(loaded.programId)]);
      if (!this.isCurrent(loaded)) return;
      this.settings = { quietDays: settings.quietDays, alertAdminDays: settings.alertAdminDays, close: settings.close };
      this.escalations = escalations;
      this.phase = 'ready';
    } catch (error) {
      if (!this.isCurrent(loaded)) return;
      this.loadError = messageOf(error);
      this.phase = 'error';
    }
  }

  private async reloadPairs(announce: boolean): Promise<void> {
    const loaded = this.loadedFor;
    const service = this.service;
    if (!loaded || !service || this.refreshing) return;
    this.refreshing = true;
    try {
      const escalations = await service.escalations(loaded.programId);
      if (!this.isCurrent(loaded)) return;
      this.escalations = escalations;
      if (announce) this.announcement = this.i18n.t('announce.refreshed');
    } catch (error) {
      if (this.isCurrent(loaded)) {
        this.loadError = messageOf(error);
        this.phase = 'error';
      }
    } finally {
      this.refreshing = false;
    }
  }

  /** Try again: the error box goes, so focus moves to the heading (never lost to the page). */
  private readonly handleRetry = (): void => {
    void this.load();
    void this.focusAfterUpdate('[part~="heading"]');
  };
  private readonly handleRefresh = (): void => void this.reloadPairs(true);

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private readonly handleEdit = (): void => {
    const settings = this.settings;
    if (!settings) return;
    this.values = {
      quietDays: String(settings.quietDays),
      alertAdminDays: String(settings.alertAdminDays),
      afterDays: settings.close ? String(settings.close.afterDays) : '90',
      noticeDays: settings.close ? String(settings.close.noticeDays) : '7',
    };
    this.closeOn = settings.close !== null;
    this.fieldErrors = {};
    this.formError = undefined;
    this.editing = true;
    void this.focusAfterUpdate('[name="quietDays"]');
  };

  private readonly handleCancel = (): void => {
    this.editing = false;
    void this.focusAfterUpdate('[part~="edit"]');
  };

  private readonly handleFormKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && !this.submitting) {
      event.preventDefault();
      this.handleCancel();
    }
  };

  private handleInput(field: Exclude<FormField, 'close'>, event: Event): void {
    this.values = { ...this.values, [field]: (event.target as HTMLInputElement).value };
    if (this.fieldErrors[field]) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
  }

  private readonly handleCloseToggle = (event: Event): void => {
    this.closeOn = (event.target as HTMLInputElement).checked;
    if (this.fieldErrors.close) this.fieldErrors = { ...this.fieldErrors, close: undefined };
  };

  private readonly handleSave = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const service = this.service;
    const loaded = this.loadedFor;
    if (!service || !loaded || this.submitting) return;
    // Only what cannot be sent is checked here (a number); the server says what it accepts.
    const fields: Array<Exclude<FormField, 'close'>> = this.closeOn
      ? ['quietDays', 'alertAdminDays', 'afterDays', 'noticeDays']
      : ['quietDays', 'alertAdminDays'];
    const errors: Partial<Record<FormField, string | undefined>> = {};
    for (const field of fields) if (!/^\s*-?\d+\s*$/.test(this.values[field])) errors[field] = this.i18n.t('form.whole-number');
    this.formError = undefined;
    this.fieldErrors = errors;
    const firstInvalid = FORM_FIELDS.find((field) => errors[field]);
    if (firstInvalid) return this.focusAfterUpdate(`[name="${firstInvalid}"]`);
    const number = (field: Exclude<FormField, 'close'>) => Number(this.values[field].trim());
    const settings: EscalationSettings = {
      quietDays: number('quietDays'),
      alertAdminDays: number('alertAdminDays'),
      close: this.closeOn ? { afterDays: number('afterDays'), noticeDays: number('noticeDays') } : null,
    };
    this.submitting = true;
    try {
      const saved = await service.setEscalationSettings(loaded.programId, settings);
      if (!this.isCurrent(loaded)) return;
      this.settings = { quietDays: saved.quietDays, alertAdminDays: saved.alertAdminDays, close: saved.close };
      this.editing = false;
      this.submitting = false;
      this.announcement = this.i18n.t('announce.saved');
      emit(this, 'mk-escalation-settings-change', { programId: loaded.programId, settings: this.settings });
      await this.focusAfterUpdate('[part~="edit"]');
      void this.reloadPairs(false);
    } catch (error) {
      this.submitting = false;
      const field = isMentorKitError(error) ? fieldOfPath(error.path) : undefined;
      const visible = field && (field === 'afterDays' || field === 'noticeDays' ? this.closeOn : true);
      if (field && visible) {
        this.fieldErrors = { [field]: messageOf(error) };
        await this.focusAfterUpdate(`[name="${field}"]`);
      } else {
        this.formError = messageOf(error);
        await this.focusAfterUpdate('[part~="form-error"]');
      }
    }
  };

  private get level(): number {
    return headingLevel(this.headingLevel);
  }

  private renderSubheading(id: string, text: string): TemplateResult {
    return html`<div class="subheading" role="heading" aria-level=${Math.min(this.level + 1, 6)} id=${id}>${text}</div>`;
  }

  private when(instant: string): TemplateResult {
    const now = this.currentKit?.now() ?? new Date().toISOString();
    const zone = this.currentKit?.$me.get()?.timeZone ?? browserTimeZone();
    return html`<time datetime=${instant}>${formatDayTime(instant, zone, this.i18n.locale, now)}</time>`;
  }

  /** A message with placeholders, some of them filled with templates (times). */
  private withParts(id: string, text: Record<string, string | number>, parts: Record<string, TemplateResult>): TemplateResult {
    return sentenceWithParts((markers) => this.i18n.t(id, { ...text, ...markers }), parts);
  }

  private stageLabel(stage: string): string {
    const id = `stage.${stage}`;
    const label = this.i18n.t(id);
    return label === id ? stage : label;
  }

  private renderSettings(): TemplateResult {
    const settings = this.settings!;
    if (this.editing) return this.renderForm();
    return html`<section part="settings" class="settings" aria-labelledby="settings-heading">
      ${this.renderSubheading('settings-heading', this.i18n.t('settings.heading'))}
      <dl class="facts">
        <dt>${this.i18n.t('settings.quiet')}</dt><dd>${this.i18n.t('settings.quiet-value', { days: settings.quietDays })}</dd>
        <dt>${this.i18n.t('settings.alert')}</dt><dd>${this.i18n.t('settings.alert-value', { days: settings.alertAdminDays })}</dd>
        <dt>${this.i18n.t('settings.close')}</dt><dd>${settings.close ? this.i18n.t('settings.close-value', { days: settings.close.afterDays, notice: settings.close.noticeDays }) : this.i18n.t('settings.close-off')}</dd>
      </dl>
      <div class="actions"><button part="edit" class="button secondary" type="button" @click=${this.handleEdit}>${this.i18n.t('settings.edit')}</button></div>
    </section>`;
  }

  private renderNumber(field: Exclude<FormField, 'close'>, hidden = false): TemplateResult {
    const error = this.fieldErrors[field];
    return html`<div class="field" ?hidden=${hidden}>
      <label for=${`ladder-${field}`}>${this.i18n.t(`form.${field}`)}</label>
      <input id=${`ladder-${field}`} name=${field} type="text" inputmode="numeric" autocomplete="off" class="days" .value=${live(this.values[field])}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `ladder-${field}-error` : nothing} ?readonly=${this.submitting}
        @input=${(event: Event) => this.handleInput(field, event)} />
      ${error ? html`<p part="field-error" class="field-error" id=${`ladder-${field}-error`}>${error}</p>` : nothing}
    </div>`;
  }

  private renderForm(): TemplateResult {
    const closeError = this.fieldErrors.close;
    return html`<form part="settings form" class="form settings" novalidate aria-labelledby="settings-heading" aria-busy=${this.submitting ? 'true' : 'false'} @submit=${this.handleSave} @keydown=${this.handleFormKeydown}>
      ${this.renderSubheading('settings-heading', this.i18n.t('settings.heading'))}
      ${
        this.formError
          ? html`<div part="form-error error" class="notice" data-tone="danger" role="alert" tabindex="-1"><p class="notice-title">${this.i18n.t('form.error')}</p><p>${this.formError}</p></div>`
          : nothing
      }
      <div class="inline">${this.renderNumber('quietDays')} ${this.renderNumber('alertAdminDays')}</div>
      <div class="field">
        <label class="choice"><input type="checkbox" name="close" .checked=${live(this.closeOn)} ?disabled=${this.submitting} aria-describedby=${closeError ? 'ladder-close-hint ladder-close-error' : 'ladder-close-hint'} @change=${this.handleCloseToggle} /> ${this.i18n.t('form.close')}</label>
        <p class="hint" id="ladder-close-hint">${this.i18n.t('form.close-hint')}</p>
        ${closeError ? html`<p part="field-error" class="field-error" id="ladder-close-error">${closeError}</p>` : nothing}
      </div>
      <div class="inline">${this.renderNumber('afterDays', !this.closeOn)} ${this.renderNumber('noticeDays', !this.closeOn)}</div>
      <div class="actions">
        <button part="submit" class="button" type="submit" aria-disabled=${this.submitting ? 'true' : 'false'}>${this.i18n.t('form.save')}</button>
        <button class="button secondary" type="button" data-action="cancel" ?disabled=${this.submitting} @click=${this.handleCancel}>${this.i18n.t('form.cancel')}</button>
        ${this.submitting ? html`<span part="progress" class="muted progress" role="status"><span class="spinner" aria-hidden="true"></span>${this.i18n.t('form.saving')}</span>` : nothing}
      </div>
    </form>`;
  }

  private renderSteps(pair: PairEscalation): TemplateResult {
    const withClosing = this.settings?.close != null || CLOSING_STAGES.has(pair.stage);
    const stages = STAGES.filter((stage) => withClosing || !CLOSING_STAGES.has(stage));
    const current = stages.indexOf(pair.stage);
    return html`<ol part="steps" class="steps" aria-label=${this.i18n.t('steps.label')}>
      ${stages.map((stage, index) => {
        const stepState = index < current ? 'done' : index === current ? 'current' : 'to-come';
        return html`<li part="step" class="step" data-stage=${stage} data-state=${stepState} aria-current=${stepState === 'current' ? 'step' : nothing}>
          <span class="marker" aria-hidden="true">${stepState === 'done' ? '✓' : stepState === 'current' ? '●' : '○'}</span>
          <span class="step-label">${this.stageLabel(stage)}</span>${stepState === 'done' ? html`<span class="visually-hidden"> (${this.i18n.t('step.done')})</span>` : nothing}
        </li>`;
      })}
    </ol>`;
  }

  private renderPair(pair: PairEscalation): TemplateResult {
    const locale = this.i18n.locale;
    const mentors = formatList(
      pair.mentorIds.map((id) => nameOf(this.people.value, id)),
      locale,
    );
    const titleId = `pair-${pair.pairingId.replace(/[^a-zA-Z0-9_-]/g, '_')}-title`;
    const activityId = `activity.${pair.lastActivityKind ?? ''}`;
    const activity = this.i18n.t(activityId);
    return html`<li part="pair" class="pair" data-pairing-id=${pair.pairingId} data-stage=${pair.stage} aria-labelledby=${titleId}>
      <p class="pair-name" id=${titleId}>${this.withParts('pair.title', {}, { mentee: html`<bdi>${nameOf(this.people.value, pair.menteeId)}</bdi>`, mentors: html`<bdi>${mentors}</bdi>` })}</p>
      <p class="quiet">
        <strong>${this.i18n.t('pair.quiet', { days: pair.quietDays })}</strong> ·
        ${
          pair.lastActivityAt
            ? this.withParts(
                'pair.last',
                { what: activity === activityId ? (pair.lastActivityKind ?? '') : activity },
                { when: this.when(pair.lastActivityAt) },
              )
            : this.i18n.t('pair.never')
        }
      </p>
      ${this.renderSteps(pair)}
      <dl class="facts">
        <dt>${this.i18n.t('pair.stage')}</dt>
        <dd>${this.withParts('pair.stage-since', { stage: this.stageLabel(pair.stage) }, { when: this.when(pair.stageSince) })}</dd>
        <dt>${this.i18n.t('pair.next')}</dt>
        <dd>${pair.next ? this.withParts('pair.next-value', { stage: this.stageLabel(pair.next.stage) }, { when: this.when(pair.next.at) }) : this.i18n.t('pair.next-none')}</dd>
        ${pair.closesAt && !pair.closedAt ? html`<dt>${this.i18n.t('pair.closes')}</dt><dd>${this.when(pair.closesAt)}</dd>` : nothing}
        ${pair.closedAt ? html`<dt>${this.i18n.t('pair.closed')}</dt><dd>${this.when(pair.closedAt)}</dd>` : nothing}
        ${
          pair.suggestion
            ? html`<dt>${this.i18n.t('pair.suggestion')}</dt>
              <dd part="suggestion">${this.withParts(
                'pair.suggestion-value',
                {},
                {
                  mentee: html`<bdi>${nameOf(this.people.value, pair.suggestion.menteeId)}</bdi>`,
                  mentors: html`<bdi>${formatList(
                    pair.suggestion.mentorIds.map((id) => nameOf(this.people.value, id)),
                    locale,
                  )}</bdi>`,
                },
              )}</dd>`
            : nothing
        }
      </dl>
      <details part="history" class="history">
        <summary>${this.i18n.t('pair.history')} (${pair.history.length})</summary>
        ${
          pair.history.length === 0
            ? html`<p class="muted">${this.i18n.t('pair.history-empty')}</p>`
            : html`<ol class="history-list">${pair.history.map((step) => html`<li>${this.stageLabel(step.stage)} — ${this.when(step.at)}</li>`)}</ol>`
        }
        ${
          pair.members.length > 0
            ? html`<p class="muted members-heading">${this.i18n.t('pair.members')}</p>
              <ul class="members" role="list">
                ${pair.members.map((member) =>
                  member.lastActiveAt
                    ? html`<li>${this.withParts('pair.member-last', {}, { name: html`<bdi>${nameOf(this.people.value, member.personId)}</bdi>`, when: this.when(member.lastActiveAt) })}</li>`
                    : html`<li>${this.withParts('pair.member-never', {}, { name: html`<bdi>${nameOf(this.people.value, member.personId)}</bdi>` })}</li>`,
                )}
              </ul>`
            : nothing
        }
      </details>
    </li>`;
  }

  private renderPairs(quiet: PairEscalation[], activeCount: number): TemplateResult {
    const escalations = this.escalations!;
    return html`<section class="pairs" aria-labelledby="pairs-heading" aria-busy=${this.refreshing ? 'true' : 'false'}>
      ${this.renderSubheading('pairs-heading', this.i18n.t('pairs.heading'))}
      <p class="hint">${this.withParts('pairs.as-of', {}, { when: this.when(escalations.asOf) })}</p>
      ${quiet.length === 0 ? html`<p part="empty" class="empty-note">${this.i18n.t('empty')}</p>` : html`<ul part="list" class="list" role="list">${quiet.map((pair) => this.renderPair(pair))}</ul>`}
      ${activeCount > 0 ? html`<p class="muted">${this.i18n.t('pairs.active-count', { count: activeCount })}</p>` : nothing}
      <div class="actions"><button class="button secondary" type="button" data-action="refresh" aria-disabled=${this.refreshing ? 'true' : 'false'} @click=${this.handleRefresh}>${this.i18n.t('pairs.refresh')}</button></div>
    </section>`;
  }

  override render(): TemplateResult {
    const kit = this.currentKit;
    const phase = kit && this.programId ? this.phase : 'loading';
    let content: TemplateResult;
    let state: string = phase;
    if (phase === 'loading') content = renderLoading(this.i18n.t('loading'), { skeleton: true });
    else if (phase === 'unavailable') content = html`<div part="unavailable" class="empty"><p>${this.i18n.t('unavailable')}</p></div>`;
    else if (phase === 'error' || !this.escalations || !this.settings)
      content = renderLoadError(this.i18n.t('error.title'), this.loadError, { retry: { label: this.i18n.t('error.retry'), onClick: this.handleRetry } });
    else {
      const quiet = this.escalations.pairs.filter((pair) => pair.stage !== 'active');
      state = quiet.length === 0 ? 'empty' : 'list';
      content = html`${this.renderSettings()} ${this.renderPairs(quiet, this.escalations.pairs.length - quiet.length)}`;
    }
    return html`<div part="base" class="card" data-state=${state} aria-busy=${phase === 'loading' ? 'true' : 'false'}>
      <div part="heading" class="heading" role="heading" aria-level=${this.level} id="heading" tabindex="-1">${this.i18n.t('heading')}</div>
      ${phase === 'unavailable' ? nothing : html`<p class="hint">${this.i18n.t('intro')}</p>`}
      ${content}
      <p part="announcement" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }
}
