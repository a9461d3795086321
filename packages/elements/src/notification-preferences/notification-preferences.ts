/* eslint-disable lit-a11y/role-has-required-aria-attrs -- its switches are <input type="checkbox" role="switch">, whose checked state is their aria-checked (ARIA in HTML) */
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  isMentorKitError,
  type ManagerDigestChange,
  type ManagerDigestSettings,
  type MentorKit,
  type NotificationDelivery,
  type NotificationPreferences,
  type NotificationPreferencesChange,
  type NotificationsService,
} from '@mentorkit/core';
import { emit } from '../internal/emit.js';
import { browserTimeZone, formatDayTime } from '../internal/format.js';
import { LocaleController } from '../internal/localize.js';
import { headingLevel } from '../internal/heading-level.js';
import { renderLoadError, renderLoading } from '../internal/frame.js';
import { MkElement } from '../internal/mk-element.js';
import { panelStyles } from '../internal/panel.styles.js';
import { notificationPreferencesLanguages, notificationPreferencesMessages } from './notification-preferences.messages.js';
import { notificationPreferencesStyles } from './notification-preferences.styles.js';

export interface MkNotificationPreferencesChangeDetail {
  /** The preferences as the server now keeps them. */
  preferences: NotificationPreferences;
  /** What the person changed. */
  change: NotificationPreferencesChange;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-notification-preferences-change': CustomEvent<MkNotificationPreferencesChangeDetail>;
  }
}

type Digest = NotificationPreferences['digest'];
const DIGESTS: readonly Digest[] = ['none', 'daily', 'weekly'];

/** The nudge kinds by what they are about, in the order shown; kinds the server adds go under "Other". */
const KIND_GROUPS = [
  { id: 'check-ins', kinds: ['check-in-due-soon', 'check-in-overdue'] },
  { id: 'quiet', kinds: ['pair-inactive', 'pair-at-risk', 'pairing-closing', 'pairing-closed'] },
  { id: 'sessions', kinds: ['session-soon', 'feedback-requested'] },
  { id: 'goals', kinds: ['goal-due', 'goal-missed'] },
] as const;
const GROUPED_KINDS: ReadonlySet<string> = new Set(KIND_GROUPS.flatMap((group) => group.kinds));

/** One change waiting for the server: `key` names the control (`email`, `kind:<id>`, `digest`). */
interface PendingSave {
  key: string;
  change: NotificationPreferencesChange;
}

function messageOf(error: unknown): string {
  if (isMentorKitError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function applyChange(preferences: NotificationPreferences, change: NotificationPreferencesChange): NotificationPreferences {
  return {
    ...preferences,
    ...(change.email === undefined ? {} : { email: change.email }),
    ...(change.digest === undefined ? {} : { digest: change.digest }),
    kinds: { ...preferences.kinds, ...change.kinds },
  };
}

/** The manager's-summary form as the person is filling it in. */
interface ManagerDraft {
  enabled: boolean;
  email: string;
  name: string;
  language: 'en' | 'es';
}

const draftOf = (settings: ManagerDigestSettings): ManagerDraft => ({
  enabled: settings.enabled,
  email: settings.managerEmail ?? '',
  name: settings.managerName ?? '',
  language: settings.language,
});

/** A safe id fragment for a kind id from the server. */
const idOf = (kind: string) => kind.replace(/[^a-zA-Z0-9_-]/g, '_');

/**
 * @summary The signed-in person's reminder settings — email on or off, each kind of reminder, one
 * email per reminder or a summary — and the list of reminders sent to them.
 *
 * @description Reads and changes the person's preferences through the storage adapter's optional
 * `notifications` service (`kit.storage.notifications`; the MentorKit server's `/notifications`,
 * offered by `@mentorkit/storage-rest`). Without it (memory, IndexedDB) the element says reminders by
 * email need the server. Each change is saved at once, in order, with "Saving…" beside the control
 * (which stays usable, so focus is never lost) and a polite "Saved: …" announcement; a change the
 * server refuses (a digest it does not offer yet, say) goes back to what it was, visibly, with the
 * server's words at the control — it is never announced as saved. The kinds shown are the ones the
 * server lists, grouped (check-ins, quiet pairs, sessions and feedback, goals), each with a one-line
 * explanation; a kind without words here shows its id. "Sent to you" lists what was queued for the
 * person, newest first: status, kind, subject, the time on their clock, and why when it was not sent.
 * Where the server offers it (`notifications.managerDigest`), "A summary for your manager" lets a mentee
 * send their manager a summary every other Monday — sessions held, time in sessions, the goals their
 * mentor can see that they reached — with a preview of exactly what the manager would read; it is saved
 * with its own button (an address is typed, not toggled), a refused field says why at the field, and
 * a summary the manager stopped says so.
 * Text follows the page language (English, and Spanish loaded on first use).
 *
 * @fires {CustomEvent<MkNotificationPreferencesChangeDetail>} mk-notification-preferences-change - The server saved a change the person made.
 *
 * @csspart base - The card; carries `data-state` (`loading`, `unavailable`, `error`, `ready`).
 * @csspart heading - The heading.
 * @csspart loading - The loading message.
 * @csspart error - An error box (`role="alert"`).
 * @csspart unavailable - Said when the storage has no notifications service (no server).
 * @csspart email - The email switch's row.
 * @csspart switch - The email switch (a checkbox with `role="switch"`).
 * @csspart kinds - The groups of reminder kinds.
 * @csspart kind - One kind's row; carries `data-kind`.
 * @csspart digest - The "How often" choice.
 * @csspart saving - "Saving…" beside a control while its change is on its way.
 * @csspart field-error - A refused change's message at its control.
 * @csspart sent - The "Sent to you" section.
 * @csspart sent-list - The list of reminders sent.
 * @csspart delivery - One reminder sent; carries `data-status` and `data-kind`.
 * @csspart status - A reminder's status; carries `data-status`.
 * @csspart empty - Said when nothing was sent yet.
 * @csspart announcement - The polite live region that says what was saved.
 * @csspart manager - The "A summary for your manager" section (a form).
 * @csspart manager-preview - What the manager would read for the last two weeks.
 *
 * @cssprop [--mk-panel-background=var(--mk-color-surface)] - Background of the card.
 * @cssprop [--mk-panel-border-color=var(--mk-color-border)] - Border colour of the card.
 * @cssprop [--mk-panel-radius=var(--mk-radius-lg)] - Corner radius of the card.
 * @cssprop [--mk-panel-padding=var(--mk-space-5)] - Inner spacing of the card.
 * @cssprop [--mk-panel-gap=var(--mk-space-4)] - Space between sections.
 */
export class MkNotificationPreferences extends MkElement {
  static override styles = [MkElement.styles, panelStyles, notificationPreferencesStyles];

  private readonly i18n = new LocaleController(this, 'mk-notification-preferences', notificationPreferencesMessages, notificationPreferencesLanguages);

  @state() private phase: 'loading' | 'unavailable' | 'error' | 'ready' = 'loading';
  @state() private loadError: string | undefined;
  /** What the server last confirmed. */
  @state() private confirmed: NotificationPreferences | undefined;
  /** Changes on their way, oldest first (shown over `confirmed`). */
  @state() private pending: PendingSave[] = [];
  /** A refused change's message, by control key. */
  @state() private refusals: Record<string, string> = {};
  @state() private deliveries: NotificationDelivery[] | undefined;
  @state() private sentError: string | undefined;
  @state() private sentLoading = false;
  @state() private announcement = '';
  /** The manager's summary as the server keeps it; undefined while loading or where the server has none. */
  @state() private manager: ManagerDigestSettings | undefined;
  @state() private managerDraft: ManagerDraft | undefined;
  @state() private managerSaving = false;
  /** A refused save: the server's words, and the field it named. */
  @state() private managerRefusal: { message: string; field: string | undefined } | undefined;
  @state() private managerLoadError: string | undefined;
  private loadedFor: MentorKit | undefined;
  /** Saves go one after another, so the server ends with the person's last choice. */
  private saving: Promise<void> = Promise.resolve();

  /** Level of the heading (1–6); the sections' headings are one level below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** BCP 47 locale for times and dates. Default: the nearest `lang`, else the browser's. */
  @property() locale?: string | undefined;

  /** How many reminders "Sent to you" lists (1–200). */
  @property({ attribute: 'sent-limit', type: Number }) sentLimit = 20;

  protected override willUpdate(): void {
    const kit = this.currentKit;
    if (kit && kit !== this.loadedFor) {
      this.loadedFor = kit;
      void this.load(kit);
    }
  }

  private get service(): NotificationsService | undefined {
    return this.currentKit?.storage.notifications;
  }

  private async load(kit: MentorKit): Promise<void> {
    const service = kit.storage.notifications;
    if (!service) {
      this.phase = 'unavailable';
      return;
    }
    this.phase = 'loading';
    this.loadError = undefined;
    try {
      const preferences = await service.preferences();
      if (kit !== this.loadedFor) return;
      this.confirmed = preferences;
      this.pending = [];
      this.refusals = {};
      this.phase = 'ready';
    } catch (error) {
      if (kit !== this.loadedFor) return;
      this.loadError = messageOf(error);
      this.phase = 'error';
      return;
    }
    await Promise.all([this.loadSent(kit), this.loadManager(kit)]);
  }

  private async loadManager(kit: MentorKit): Promise<void> {
    const service = kit.storage.notifications;
    if (!service?.managerDigest) return;
    this.managerLoadError = undefined;
    try {
      const settings = await service.managerDigest();
      if (kit !== this.loadedFor) return;
      this.manager = settings;
      this.managerDraft = draftOf(settings);
    } catch (error) {
      if (kit === this.loadedFor) this.managerLoadError = messageOf(error);
    }
  }

  private readonly handleManagerInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const draft = this.managerDraft;
    if (!draft) return;
    if (target.name === 'manager-enabled') this.managerDraft = { ...draft, enabled: (target as HTMLInputElement).checked };
    else if (target.name === 'manager-email') this.managerDraft = { ...draft, email: target.value };
    else if (target.name === 'manager-name') this.managerDraft = { ...draft, name: target.value };
    else if (target.name === 'manager-language') this.managerDraft = { ...draft, language: target.value === 'es' ? 'es' : 'en' };
  };

  /** Saves the form; a refusal keeps what the person typed and says why at the field the server named. */
  private readonly handleManagerSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const service = this.service;
    const kit = this.loadedFor;
    const draft = this.managerDraft;
    if (!service?.setManagerDigest || !draft || this.managerSaving) return;
    const change: ManagerDigestChange = { enabled: draft.enabled, language: draft.language, managerName: draft.name.trim() === '' ? null : draft.name.trim() };
    if (draft.email.trim() !== '') change.managerEmail = draft.email.trim();
    this.managerSaving = true;
    this.managerRefusal = undefined;
    try {
      const settings = await service.setManagerDigest(change);
      if (kit !== this.loadedFor) return;
      this.manager = settings;
      this.managerDraft = draftOf(settings);
      this.announcement = this.i18n.t(settings.enabled ? 'saved.manager-on' : 'saved.manager-off');
    } catch (error) {
      if (kit !== this.loadedFor) return;
      const field = isMentorKitError(error) ? error.path : undefined;
      this.managerRefusal = { message: this.i18n.t('manager.refused', { message: messageOf(error) }), field };
      this.announcement = '';
      await this.updateComplete;
      const target = field === 'managerEmail' ? 'manager-email' : field === 'managerName' ? 'manager-name' : undefined;
      if (target) this.renderRoot.querySelector<HTMLElement>(`[name="${target}"]`)?.focus();
    } finally {
      if (kit === this.loadedFor) this.managerSaving = false;
    }
  };

  /** Turns it off and forgets the address; focus goes to the section's heading (the button goes away). */
  private readonly handleManagerRemove = async (): Promise<void> => {
    const service = this.service;
    const kit = this.loadedFor;
    if (!service?.removeManagerDigest || this.managerSaving) return;
    this.managerSaving = true;
    this.managerRefusal = undefined;
    try {
      const settings = await service.removeManagerDigest();
      if (kit !== this.loadedFor) return;
      this.manager = settings;
      this.managerDraft = draftOf(settings);
      this.announcement = this.i18n.t('saved.manager-removed');
    } catch (error) {
      if (kit === this.loadedFor) this.managerRefusal = { message: this.i18n.t('manager.refused', { message: messageOf(error) }), field: undefined };
    } finally {
      if (kit === this.loadedFor) this.managerSaving = false;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[name="manager-enabled"]')?.focus();
  };

  private async loadSent(kit: MentorKit): Promise<void> {
    const service = kit.storage.notifications;
    if (!service) return;
    this.sentLoading = true;
    this.sentError = undefined;
    try {
      const limit = Math.min(Math.max(Math.trunc(this.sentLimit) || 20, 1), 200);
      const deliveries = await service.sent({ limit });
      if (kit === this.loadedFor) this.deliveries = deliveries;
    } catch (error) {
      if (kit === this.loadedFor) this.sentError = messageOf(error);
    } finally {
      if (kit === this.loadedFor) this.sentLoading = false;
    }
  }

  /** Try again: the error box goes, so focus moves to the heading (never lost to the page). */
  private readonly handleRetry = async (): Promise<void> => {
    const kit = this.currentKit;
    if (!kit) return;
    void this.load(kit);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="heading"]')?.focus();
  };

  private readonly handleRefreshSent = (): void => {
    const kit = this.currentKit;
    if (kit) void this.loadSent(kit);
  };

  /** The preferences as the person sees them: the server's, with the changes on their way. */
  private get shown(): NotificationPreferences | undefined {
    return this.confirmed && this.pending.reduce((preferences, save) => applyChange(preferences, save.change), this.confirmed);
  }

  private kindLabel(kind: string): string {
    const id = `kind.${kind}`;
    const label = this.i18n.t(id);
    return label === id ? kind : label;
  }

  private kindHint(kind: string): string | undefined {
    const id = `kind.${kind}.hint`;
    const hint = this.i18n.t(id);
    return hint === id ? undefined : hint;
  }

  /** Queues one change: shown at once, saved after the ones before it. */
  private change(key: string, change: NotificationPreferencesChange): void {
    const save: PendingSave = { key, change };
    this.pending = [...this.pending, save];
    if (this.refusals[key]) {
      const { [key]: _cleared, ...rest } = this.refusals;
      this.refusals = rest;
    }
    this.saving = this.saving.then(() => this.save(save));
  }

  private async save(save: PendingSave): Promise<void> {
    const service = this.service;
    const kit = this.loadedFor;
    if (!service) return;
    try {
      const preferences = await service.setPreferences(save.change);
      if (kit !== this.loadedFor) return;
      this.confirmed = preferences;
      this.pending = this.pending.filter((candidate) => candidate !== save);
      this.announcement = this.savedMessage(save.change);
      emit(this, 'mk-notification-preferences-change', { preferences, change: save.change });
    } catch (error) {
      if (kit !== this.loadedFor) return;
      // Not kept: the control goes back to what the server has, and says why.
      this.pending = this.pending.filter((candidate) => candidate !== save);
      this.refusals = { ...this.refusals, [save.key]: this.i18n.t('refused', { message: messageOf(error) }) };
      this.announcement = '';
    }
  }

  private savedMessage(change: NotificationPreferencesChange): string {
    if (change.email !== undefined) return this.i18n.t(change.email ? 'saved.email-on' : 'saved.email-off');
    if (change.digest !== undefined) return this.i18n.t('saved.digest', { label: this.i18n.t(`digest.${change.digest}`) });
    const [kind, on] = Object.entries(change.kinds ?? {})[0] ?? ['', false];
    return this.i18n.t(on ? 'saved.kind-on' : 'saved.kind-off', { label: this.kindLabel(kind) });
  }

  private isSaving(key: string): boolean {
    return this.pending.some((save) => save.key === key);
  }

  private get level(): number {
    return headingLevel(this.headingLevel);
  }

  private renderSubheading(id: string, text: string): TemplateResult {
    return html`<div class="subheading" role="heading" aria-level=${Math.min(this.level + 1, 6)} id=${id}>${text}</div>`;
  }

  private renderSaving(key: string): TemplateResult | typeof nothing {
    return this.isSaving(key)
      ? html`<span part="saving" class="saving muted"><span class="spinner" aria-hidden="true"></span>${this.i18n.t('saving')}</span>`
      : nothing;
  }

  private renderRefusal(key: string, id: string): TemplateResult | typeof nothing {
    const refusal = this.refusals[key];
    return refusal ? html`<p part="field-error" class="field-error" id=${id} role="alert">${refusal}</p>` : nothing;
  }

  private describedBy(...ids: Array<string | false | undefined>): string | typeof nothing {
    const present = ids.filter((id): id is string => Boolean(id));
    return present.length > 0 ? present.join(' ') : nothing;
  }

  private renderEmail(preferences: NotificationPreferences): TemplateResult {
    const refused = Boolean(this.refusals.email);
    return html`<div part="email" class="email-row" aria-busy=${this.isSaving('email') ? 'true' : 'false'}>
      <label class="switch-label">
        <input part="switch" class="switch" type="checkbox" role="switch" name="email" .checked=${live(preferences.email)} aria-describedby=${this.describedBy('email-hint', refused && 'email-error')}
          @change=${(event: Event) => this.change('email', { email: (event.target as HTMLInputElement).checked })} />
        <span>${this.i18n.t('email')}</span>
      </label>
      ${this.renderSaving('email')}
      <p class="hint" id="email-hint">${this.i18n.t('email.hint')}</p>
      ${this.renderRefusal('email', 'email-error')}
    </div>`;
  }

  private renderKind(kind: string, on: boolean): TemplateResult {
    const key = `kind:${kind}`;
    const safe = idOf(kind);
    const hint = this.kindHint(kind);
    const refused = Boolean(this.refusals[key]);
    return html`<li part="kind" class="kind" data-kind=${kind} aria-busy=${this.isSaving(key) ? 'true' : 'false'}>
      <label class="choice">
        <input type="checkbox" name=${`kind-${kind}`} .checked=${live(on)} aria-describedby=${this.describedBy(hint && `kind-${safe}-hint`, refused && `kind-${safe}-error`)}
          @change=${(event: Event) => this.change(key, { kinds: { [kind]: (event.target as HTMLInputElement).checked } })} />
        <span class="kind-label">${this.kindLabel(kind)}</span>
      </label>
      ${this.renderSaving(key)}
      ${hint ? html`<p class="hint kind-hint" id=${`kind-${safe}-hint`}>${hint}</p>` : nothing}
      ${this.renderRefusal(key, `kind-${safe}-error`)}
    </li>`;
  }

  private renderKinds(preferences: NotificationPreferences): TemplateResult {
    const offered = Object.keys(preferences.kinds);
    const groups = [
      ...KIND_GROUPS.map((group) => ({ id: group.id, kinds: group.kinds.filter((kind) => offered.includes(kind)) as string[] })),
      { id: 'other', kinds: offered.filter((kind) => !GROUPED_KINDS.has(kind)) },
    ].filter((group) => group.kinds.length > 0);
    return html`<section part="kinds" class="kinds" aria-labelledby="kinds-heading">
      ${this.renderSubheading('kinds-heading', this.i18n.t('kinds.heading'))}
      ${preferences.email ? nothing : html`<p class="hint">${this.i18n.t('email.off-note')}</p>`}
      ${groups.map(
        (group) => html`<fieldset class="group">
          <legend>${this.i18n.t(`group.${group.id}`)}</legend>
          <ul class="kind-list" role="list">${group.kinds.map((kind) => this.renderKind(kind, preferences.kinds[kind] === true))}</ul>
        </fieldset>`,
      )}
    </section>`;
  }

  private renderDigest(preferences: NotificationPreferences): TemplateResult {
    const refused = Boolean(this.refusals.digest);
    return html`<fieldset part="digest" class="digest" aria-busy=${this.isSaving('digest') ? 'true' : 'false'} aria-describedby=${this.describedBy(refused && 'digest-error')}>
      <legend>${this.i18n.t('digest.legend')}</legend>
      <div class="choices">
        ${DIGESTS.map(
          (digest) => html`<label class="choice"><input type="radio" name="digest" value=${digest} .checked=${live(preferences.digest === digest)}
            @change=${(event: Event) => (event.target as HTMLInputElement).checked && this.change('digest', { digest })} /> ${this.i18n.t(`digest.${digest}`)}</label>`,
        )}
      </div>
      ${this.renderSaving('digest')}
      ${this.renderRefusal('digest', 'digest-error')}
    </fieldset>`;
  }

  private renderDelivery(delivery: NotificationDelivery): TemplateResult {
    const locale = this.i18n.locale;
    const now = this.currentKit?.now() ?? new Date().toISOString();
    const zone = this.currentKit?.$me.get()?.timeZone ?? browserTimeZone();
    const instant = delivery.status === 'sent' && delivery.sentAt ? delivery.sentAt : delivery.sendAt;
    const time = html`<time datetime=${instant}>${formatDayTime(instant, zone, locale, now)}</time>`;
    const whenId = delivery.status === 'sent' ? 'when.sent' : delivery.status === 'queued' || delivery.status === 'sending' ? 'when.queued' : 'when.other';
    const statusId = `status.${delivery.status}`;
    const statusText = this.i18n.t(statusId);
    const channel = this.i18n.t(delivery.channel === 'email' ? 'channel.email' : 'channel.webhook');
    return html`<li part="delivery" class="delivery" data-status=${delivery.status} data-kind=${delivery.kind}>
      <p class="delivery-top">
        <span part="status" class="badge status" data-status=${delivery.status}>${statusText === statusId ? delivery.status : statusText}</span>
        <span class="delivery-kind">${this.kindLabel(delivery.kind)}</span>
        <span class="muted">· ${channel}</span>
      </p>
      <p class="subject">${delivery.subject ? html`<bdi>${delivery.subject}</bdi>` : html`<span class="muted">${this.i18n.t('sent.no-subject')}</span>`}</p>
      <p class="muted">${this.renderWithTime(whenId, time)}</p>
      ${delivery.status === 'skipped' && delivery.reason ? html`<p class="reason">${this.i18n.t('reason.skipped', { reason: delivery.reason })}</p>` : nothing}
      ${delivery.status === 'failed' && delivery.error ? html`<p class="reason">${this.i18n.t('reason.failed', { error: delivery.error })}</p>` : nothing}
    </li>`;
  }

  private renderManagerPreview(settings: ManagerDigestSettings): TemplateResult {
    const { preview } = settings;
    const hours = Math.floor(preview.mentoringMinutes / 60);
    const minutes = preview.mentoringMinutes % 60;
    const time =
      hours === 0
        ? this.i18n.t('manager.minutes', { minutes })
        : minutes === 0
          ? this.i18n.t('manager.hours', { hours })
          : this.i18n.t('manager.hours-minutes', { hours, minutes });
    return html`<div part="manager-preview" class="manager-preview">
      <p class="hint">${this.i18n.t('manager.preview')}</p>
      <ul class="preview-list">
        <li>${this.i18n.t('manager.sessions', { count: preview.sessionsHeld })}</li>
        <li>${this.i18n.t('manager.time', { time })}</li>
        <li>
          ${preview.goalsReached.length === 0 ? this.i18n.t('manager.no-goals') : this.i18n.t('manager.goals', { count: preview.goalsReached.length })}
          ${preview.goalsReached.length > 0 ? html`<ul class="preview-goals">${preview.goalsReached.map((title) => html`<li><bdi>${title}</bdi></li>`)}</ul>` : nothing}
        </li>
      </ul>
      <p class="hint">${this.i18n.t('manager.never')}</p>
    </div>`;
  }

  private renderManager(): TemplateResult | typeof nothing {
    if (!this.service?.managerDigest) return nothing;
    const settings = this.manager;
    const draft = this.managerDraft;
    let body: TemplateResult;
    if (this.managerLoadError)
      body = html`<p part="error" class="field-error" role="alert">${this.i18n.t('manager.error', { message: this.managerLoadError })}</p>`;
    else if (!settings || !draft) body = html`<p class="loading">${this.i18n.t('manager.loading')}</p>`;
    else {
      const refusal = this.managerRefusal;
      const emailError = refusal?.field === 'managerEmail';
      const nameError = refusal?.field === 'managerName';
      const zone = this.currentKit?.$me.get()?.timeZone ?? browserTimeZone();
      const now = this.currentKit?.now() ?? new Date().toISOString();
      body = html`<form class="manager-form" novalidate @submit=${this.handleManagerSubmit} @input=${this.handleManagerInput} @change=${this.handleManagerInput} aria-busy=${this.managerSaving ? 'true' : 'false'}>
        <label class="switch-label">
          <input class="switch" type="checkbox" role="switch" name="manager-enabled" .checked=${live(draft.enabled)} aria-describedby="manager-hint" />
          <span>${this.i18n.t('manager.enabled')}</span>
        </label>
        ${
          settings.stoppedBy === 'manager' && settings.stoppedAt
            ? html`<p class="notice" data-tone="warning">${this.renderWithTime('manager.stopped-by-manager', html`<time datetime=${settings.stoppedAt}>${formatDayTime(settings.stoppedAt, zone, this.i18n.locale, now)}</time>`)}</p>`
            : nothing
        }
        ${settings.enabled && settings.nextSendAt ? html`<p class="muted">${this.renderWithTime('manager.next', html`<time datetime=${settings.nextSendAt}>${formatDayTime(settings.nextSendAt, zone, this.i18n.locale, now)}</time>`)}</p>` : nothing}
        <div class="field">
          <label for="manager-email">${this.i18n.t('manager.email')}</label>
          <input id="manager-email" name="manager-email" type="email" autocomplete="off" maxlength="254" .value=${live(draft.email)} aria-invalid=${emailError ? 'true' : 'false'} aria-describedby=${this.describedBy(emailError && 'manager-error')} />
        </div>
        <div class="field">
          <label for="manager-name">${this.i18n.t('manager.name')}</label>
          <input id="manager-name" name="manager-name" type="text" autocomplete="off" maxlength="120" .value=${live(draft.name)} aria-invalid=${nameError ? 'true' : 'false'} aria-describedby=${this.describedBy(nameError && 'manager-error')} />
        </div>
        <div class="field">
          <label for="manager-language">${this.i18n.t('manager.language')}</label>
          <select id="manager-language" name="manager-language" .value=${live(draft.language)}>
            <option value="en" ?selected=${draft.language === 'en'} lang="en">English</option>
            <option value="es" ?selected=${draft.language === 'es'} lang="es">Español</option>
          </select>
        </div>
        ${refusal ? html`<p part="field-error" class="field-error" id="manager-error" role="alert">${refusal.message}</p>` : nothing}
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.managerSaving}>${this.i18n.t('manager.save')}</button>
          ${settings.managerEmail ? html`<button class="button secondary" type="button" data-action="remove-manager" ?disabled=${this.managerSaving} @click=${this.handleManagerRemove}>${this.i18n.t('manager.remove')}</button>` : nothing}
          ${this.managerSaving ? html`<span part="saving" class="saving muted"><span class="spinner" aria-hidden="true"></span>${this.i18n.t('saving')}</span>` : nothing}
        </div>
        ${this.renderManagerPreview(settings)}
      </form>`;
    }
    return html`<section part="manager" class="manager" aria-labelledby="manager-heading">
      ${this.renderSubheading('manager-heading', this.i18n.t('manager.heading'))}
      <p class="hint" id="manager-hint">${this.i18n.t('manager.intro')}</p>
      ${body}
    </section>`;
  }

  /** A message with a `{when}` placeholder, the time element put in its place. */
  private renderWithTime(id: string, when: TemplateResult): TemplateResult {
    const [before, after] = this.i18n.t(id, { when: '\u0000' }).split('\u0000');
    return html`${before}${when}${after ?? ''}`;
  }

  private renderSent(): TemplateResult {
    const deliveries = this.deliveries;
    let body: TemplateResult;
    if (this.sentError) body = html`<p part="error" class="field-error" role="alert">${this.i18n.t('sent.error', { message: this.sentError })}</p>`;
    else if (deliveries === undefined) body = html`<p class="loading">${this.i18n.t('sent.loading')}</p>`;
    else if (deliveries.length === 0) body = html`<p part="empty" class="empty-note">${this.i18n.t('sent.empty')}</p>`;
    else body = html`<ul part="sent-list" class="sent-list" role="list">${deliveries.map((delivery) => this.renderDelivery(delivery))}</ul>`;
    return html`<section part="sent" class="sent" aria-labelledby="sent-heading" aria-busy=${this.sentLoading ? 'true' : 'false'}>
      ${this.renderSubheading('sent-heading', this.i18n.t('sent.heading'))}
      <p class="hint">${this.i18n.t('sent.intro')}</p>
      ${body}
      <div class="actions"><button class="button secondary" type="button" data-action="refresh-sent" @click=${this.handleRefreshSent}>${this.i18n.t('sent.refresh')}</button></div>
    </section>`;
  }

  override render(): TemplateResult {
    const kit = this.currentKit;
    const phase = kit ? this.phase : 'loading';
    const preferences = this.shown;
    let content: TemplateResult;
    if (phase === 'loading') content = renderLoading(this.i18n.t('loading'), { skeleton: true });
    else if (phase === 'unavailable') content = html`<div part="unavailable" class="empty"><p>${this.i18n.t('unavailable')}</p></div>`;
    else if (phase === 'error' || !preferences)
      content = renderLoadError(this.i18n.t('error.title'), this.loadError, { retry: { label: this.i18n.t('error.retry'), onClick: this.handleRetry } });
    else
      content = html`${this.renderEmail(preferences)} ${this.renderKinds(preferences)} ${this.renderDigest(preferences)} ${this.renderManager()} ${this.renderSent()}`;
    return html`<div part="base" class="card" data-state=${phase} aria-busy=${phase === 'loading' ? 'true' : 'false'}>
      <div part="heading" class="heading" role="heading" aria-level=${this.level} id="heading" tabindex="-1">${this.i18n.t('heading')}</div>
      ${phase === 'unavailable' ? nothing : html`<p class="hint">${this.i18n.t('intro')}</p>`}
      ${content}
      <p part="announcement" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }
}
