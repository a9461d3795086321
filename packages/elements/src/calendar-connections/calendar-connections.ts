import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { isMentorKitError, type CalendarConnection, type CalendarConnections, type ConnectCalendarInput, type MentorKit } from '@mentorkit/core';
import { emit } from '../internal/emit.js';
import { browserTimeZone, formatDayTime } from '../internal/format.js';
import { LocaleController } from '../internal/localize.js';
import { ClockController } from '../internal/clock-controller.js';
import { headingLevel } from '../internal/heading-level.js';
import { renderLoadError, renderLoading } from '../internal/frame.js';
import { MkElement } from '../internal/mk-element.js';
import { panelStyles } from '../internal/panel.styles.js';
import { calendarConnectionsLanguages, calendarConnectionsMessages } from './calendar-connections.messages.js';
import { calendarConnectionsStyles } from './calendar-connections.styles.js';

export interface MkCalendarConnectedDetail {
  /** The calendar as the server now keeps it (never its secret address or password). */
  calendar: CalendarConnection;
}
export interface MkCalendarDisconnectedDetail {
  calendarId: string;
  label: string;
}
export interface MkCalendarFeedChangedDetail {
  /** `rotated`: a new address, the old one stopped working; `stopped`: no address works; `started`: a new address after a stop. */
  action: 'rotated' | 'stopped' | 'started';
  /** The address that works now (absent when stopped). */
  url?: string | undefined;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-calendar-connected': CustomEvent<MkCalendarConnectedDetail>;
    'mk-calendar-disconnected': CustomEvent<MkCalendarDisconnectedDetail>;
    'mk-calendar-feed-changed': CustomEvent<MkCalendarFeedChangedDetail>;
  }
}

type Kind = ConnectCalendarInput['kind'];
type FormField = 'url' | 'username' | 'password' | 'label';
const FORM_FIELDS: readonly FormField[] = ['url', 'username', 'password', 'label'];
type Confirming = { kind: 'disconnect'; id: string } | { kind: 'rotate' } | { kind: 'revoke' };

const MINUTE = 60_000;

/** A message a person can read for anything thrown: a `MentorKitError`'s own message (the server words them), else the error's text. */
function messageOf(error: unknown): string {
  if (isMentorKitError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** "5 minutes ago", "yesterday"… for `instant` seen from `now`, in the locale. */
function relativeTime(instant: string, now: string, locale: string | undefined): string {
  const minutes = Math.round((Date.parse(instant) - Date.parse(now)) / MINUTE);
  const formatter = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (minutes === 0) return formatter.format(0, 'second');
  if (Math.abs(minutes) < 60) return formatter.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return formatter.format(hours, 'hour');
  return formatter.format(Math.round(hours / 24), 'day');
}

/** `webcal://` (Apple's and Outlook's subscription links) is fetched over https. */
function normaliseUrl(typed: string): string {
  const trimmed = typed.trim();
  return /^webcals?:\/\//i.test(trimmed) ? `https://${trimmed.replace(/^webcals?:\/\//i, '')}` : trimmed;
}

function isHttpAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * @summary The signed-in person's own calendars: connect an iCalendar address or a CalDAV account so
 * the scheduler leaves out the times they are busy, and subscribe to a feed of their booked sessions.
 *
 * @description Reads and changes the person's calendars through the storage adapter's optional
 * `calendars` service (`kit.storage.calendars`; the MentorKit server's `/calendars`, offered by
 * `@mentorkit/storage-rest`). The server fetches each calendar — never the browser — and keeps only
 * when the person is busy. Without that service (memory, IndexedDB) the element says connecting needs
 * the server and shows no form. Each connected calendar shows its name, kind, where it is (never its
 * secret part), whether it could be read (the problem in words when not), when it was last read and
 * how many busy times it holds, with Refresh and Disconnect (which asks first: focus goes to "Keep it",
 * Escape cancels and returns focus to Disconnect). The connect form (an iCalendar link, or a CalDAV
 * account with user name, password and "Write booked sessions into this calendar") shows its progress,
 * says what went wrong at the field or above the form and keeps everything typed; on success focus
 * goes to the new calendar's row. The feed section shows the person's subscribable address with Copy
 * (the clipboard, or the address selected where the clipboard is not allowed), New address and Stop
 * the feed, both confirmed first. Text follows the page language (English, and Spanish loaded on first
 * use: `calendar-connections.messages.ts`, `.es.ts`); messages from the server are shown as it words them.
 *
 * @fires {CustomEvent<MkCalendarConnectedDetail>} mk-calendar-connected - The person connected a calendar.
 * @fires {CustomEvent<MkCalendarDisconnectedDetail>} mk-calendar-disconnected - The person disconnected a calendar.
 * @fires {CustomEvent<MkCalendarFeedChangedDetail>} mk-calendar-feed-changed - The person made a new feed address, stopped the feed or started it again.
 *
 * @csspart base - The card; carries `data-state` (`loading`, `unavailable`, `error`, `empty`, `list`).
 * @csspart heading - The heading.
 * @csspart loading - The loading message.
 * @csspart error - An error box (`role="alert"`).
 * @csspart unavailable - Said when the storage has no calendar service (no server).
 * @csspart empty - Said when no calendar is connected yet.
 * @csspart list - The connected calendars.
 * @csspart calendar - One connected calendar; carries `data-id` and `data-status`.
 * @csspart status - A calendar's health and when it was last read; carries `data-status`.
 * @csspart refresh - A calendar's Refresh button.
 * @csspart disconnect - A calendar's Disconnect button.
 * @csspart confirm - A question asked before disconnecting or changing the feed (a group with its two buttons).
 * @csspart form - The connect form.
 * @csspart form-error - The connect form's error above its fields (`role="alert"`).
 * @csspart field-error - A field's error.
 * @csspart submit - The Connect button.
 * @csspart progress - "Connecting…" while the server reads the calendar.
 * @csspart feed - The feed section.
 * @csspart feed-url - The read-only field with the feed address.
 * @csspart announcement - The polite live region that says what just happened.
 *
 * @cssprop [--mk-panel-background=var(--mk-color-surface)] - Background of the card.
 * @cssprop [--mk-panel-border-color=var(--mk-color-border)] - Border colour of the card.
 * @cssprop [--mk-panel-radius=var(--mk-radius-lg)] - Corner radius of the card.
 * @cssprop [--mk-panel-padding=var(--mk-space-5)] - Inner spacing of the card.
 * @cssprop [--mk-panel-gap=var(--mk-space-4)] - Space between sections.
 */
export class MkCalendarConnections extends MkElement {
  static override styles = [MkElement.styles, panelStyles, calendarConnectionsStyles];

  private readonly clock = new ClockController(this);
  /** Messages in the element's language; re-renders when `<html lang>` changes. */
  private readonly i18n = new LocaleController(this, 'mk-calendar-connections', calendarConnectionsMessages, calendarConnectionsLanguages);

  @state() private phase: 'loading' | 'unavailable' | 'error' | 'ready' = 'loading';
  @state() private loadError: string | undefined;
  @state() private calendars: CalendarConnection[] = [];
  /** The feed address; `null` once stopped (until a new one is made); `undefined` while unknown. */
  @state() private feedUrl: string | null | undefined;
  @state() private feedError: string | undefined;
  @state() private feedBusy = false;
  @state() private confirming: Confirming | undefined;
  /** The calendar being read again or disconnected. */
  @state() private rowBusy: string | undefined;
  @state() private rowError: { id: string; message: string } | undefined;
  @state() private kind: Kind = 'ics-feed';
  @state() private url = '';
  @state() private username = '';
  @state() private password = '';
  @state() private label = '';
  @state() private writeBack = false;
  @state() private submitting = false;
  @state() private formError: string | undefined;
  @state() private fieldErrors: Partial<Record<FormField, string>> = {};
  @state() private announcement = '';
  /** The client whose calendars are shown (a new client loads them again). */
  private loadedFor: MentorKit | undefined;

  /** Level of the heading (1–6); the sections' headings are one level below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** BCP 47 locale for times and dates. Default: the nearest `lang`, else the browser's. */
  @property() locale?: string | undefined;

  protected override willUpdate(): void {
    const kit = this.currentKit;
    if (kit && kit !== this.loadedFor) {
      this.loadedFor = kit;
      void this.load(kit);
    }
  }

  private get service(): CalendarConnections | undefined {
    return this.currentKit?.storage.calendars;
  }

  private async load(kit: MentorKit): Promise<void> {
    const service = kit.storage.calendars;
    if (!service) {
      this.phase = 'unavailable';
      return;
    }
    this.phase = 'loading';
    this.loadError = undefined;
    try {
      const calendars = await service.list();
      if (kit !== this.loadedFor) return;
      this.calendars = calendars;
      this.phase = 'ready';
    } catch (error) {
      if (kit !== this.loadedFor) return;
      this.loadError = messageOf(error);
      this.phase = 'error';
      return;
    }
    try {
      // Reading makes no address: a feed exists only once the person asks for one.
      const current = await service.feed();
      if (kit === this.loadedFor) this.feedUrl = current?.url ?? null;
    } catch (error) {
      if (kit === this.loadedFor) this.feedError = this.i18n.t('feed.load-error', { message: messageOf(error) });
    }
  }

  private readonly handleRetry = (): void => {
    const kit = this.currentKit;
    if (kit) void this.load(kit);
  };

  /** Focuses what `selector` finds once the element has rendered. */
  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private readonly handleKind = (event: Event): void => {
    this.kind = (event.target as HTMLInputElement).value as Kind;
    this.fieldErrors = {};
  };

  private handleInput(field: FormField, event: Event): void {
    this[field] = (event.target as HTMLInputElement).value;
    if (this.fieldErrors[field]) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
  }

  /** Checks what can be checked here; the server says the rest (a private address, a refused password…). */
  private validate(): Partial<Record<FormField, string>> {
    const errors: Partial<Record<FormField, string>> = {};
    const url = normaliseUrl(this.url);
    if (url === '') errors.url = this.i18n.t('form.required-url');
    else if (!isHttpAddress(url)) errors.url = this.i18n.t('form.invalid-url');
    if (this.kind === 'caldav') {
      if (this.username.trim() === '') errors.username = this.i18n.t('form.required-username');
      if (this.password === '') errors.password = this.i18n.t('form.required-password');
    }
    return errors;
  }

  private readonly handleConnect = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const service = this.service;
    if (!service || this.submitting) return;
    const errors = this.validate();
    this.formError = undefined;
    this.fieldErrors = errors;
    const firstInvalid = FORM_FIELDS.find((field) => errors[field]);
    if (firstInvalid) {
      await this.focusAfterUpdate(`[name="${firstInvalid}"]`);
      return;
    }
    const url = normaliseUrl(this.url);
    const label = this.label.trim();
    const input: ConnectCalendarInput =
      this.kind === 'caldav'
        ? { kind: 'caldav', url, username: this.username.trim(), password: this.password, writeBack: this.writeBack, ...(label ? { label } : {}) }
        : { kind: 'ics-feed', url, ...(label ? { label } : {}) };
    this.submitting = true;
    try {
      const calendar = await service.connect(input);
      this.calendars = [...this.calendars.filter((existing) => existing.id !== calendar.id), calendar];
      this.url = '';
      this.username = '';
      this.password = '';
      this.label = '';
      this.writeBack = false;
      this.announcement = this.i18n.t('announce.connected', { label: calendar.label });
      emit(this, 'mk-calendar-connected', { calendar });
      await this.focusAfterUpdate(`[part~="calendar"][data-id="${CSS.escape(calendar.id)}"]`);
    } catch (error) {
      // Everything typed stays; the message goes to its field when the server names one, else above the form.
      const field = isMentorKitError(error) ? FORM_FIELDS.find((candidate) => error.path === candidate || error.path.startsWith(`${candidate}.`)) : undefined;
      const visible = field && (field !== 'username' && field !== 'password' ? true : this.kind === 'caldav');
      if (field && visible) {
        this.fieldErrors = { [field]: messageOf(error) };
        await this.focusAfterUpdate(`[name="${field}"]`);
      } else {
        this.formError = messageOf(error);
        await this.focusAfterUpdate('[part~="form-error"]');
      }
    } finally {
      this.submitting = false;
    }
  };

  private async refresh(calendar: CalendarConnection): Promise<void> {
    const service = this.service;
    if (!service || this.rowBusy) return;
    this.rowBusy = calendar.id;
    this.rowError = undefined;
    try {
      const updated = await service.refresh(calendar.id);
      this.calendars = this.calendars.map((existing) => (existing.id === updated.id ? updated : existing));
      this.announcement = this.i18n.t('announce.refreshed', { label: updated.label, count: updated.busyCount });
    } catch (error) {
      this.rowError = { id: calendar.id, message: messageOf(error) };
    } finally {
      this.rowBusy = undefined;
    }
    await this.focusAfterUpdate(`[part~="calendar"][data-id="${CSS.escape(calendar.id)}"] [part~="refresh"]`);
  }

  /** Asks before disconnecting: the least destructive answer ("Keep it") gets focus (WAI-ARIA APG, alert dialog). */
  private askDisconnect(calendar: CalendarConnection): void {
    this.confirming = { kind: 'disconnect', id: calendar.id };
    this.rowError = undefined;
    void this.focusAfterUpdate('[part~="confirm"] [data-action="cancel"]');
  }

  /** Cancel or Escape: the question goes, focus returns to the button that asked it. */
  private cancelConfirm(): void {
    const confirming = this.confirming;
    this.confirming = undefined;
    if (!confirming) return;
    if (confirming.kind === 'disconnect') void this.focusAfterUpdate(`[part~="calendar"][data-id="${CSS.escape(confirming.id)}"] [part~="disconnect"]`);
    else void this.focusAfterUpdate(`[data-action="${confirming.kind}"]`);
  }

  private readonly handleConfirmKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.cancelConfirm();
    }
  };

  private async disconnect(calendar: CalendarConnection): Promise<void> {
    const service = this.service;
    if (!service || this.rowBusy) return;
    const index = this.calendars.findIndex((existing) => existing.id === calendar.id);
    this.rowBusy = calendar.id;
    this.rowError = undefined;
    try {
      await service.disconnect(calendar.id);
      this.confirming = undefined;
      this.calendars = this.calendars.filter((existing) => existing.id !== calendar.id);
      this.announcement = this.i18n.t('announce.disconnected', { label: calendar.label });
      emit(this, 'mk-calendar-disconnected', { calendarId: calendar.id, label: calendar.label });
      // Focus goes to the calendar now in its place (the next, else the one before), else to the list's heading.
      const neighbour = this.calendars[Math.min(index, this.calendars.length - 1)];
      this.rowBusy = undefined;
      await this.focusAfterUpdate(neighbour ? `[part~="calendar"][data-id="${CSS.escape(neighbour.id)}"]` : '#list-heading');
    } catch (error) {
      this.confirming = undefined;
      this.rowError = { id: calendar.id, message: messageOf(error) };
      this.rowBusy = undefined;
      await this.focusAfterUpdate(`[part~="calendar"][data-id="${CSS.escape(calendar.id)}"] [part~="disconnect"]`);
    }
  }

  private readonly handleCopy = async (): Promise<void> => {
    const field = this.renderRoot.querySelector<HTMLInputElement>('[part~="feed-url"]');
    const url = this.feedUrl;
    if (!field || !url) return;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      this.announcement = this.i18n.t('feed.copied');
    } catch {
      // Where the clipboard is not allowed (an iframe without permission, an old browser), the address is selected to copy by hand.
      field.focus();
      field.select();
      this.announcement = this.i18n.t('feed.copy-fallback');
    }
  };

  private askFeed(kind: 'rotate' | 'revoke'): void {
    this.confirming = { kind };
    this.feedError = undefined;
    void this.focusAfterUpdate('[part~="confirm"] [data-action="cancel"]');
  }

  private async changeFeed(action: 'rotate' | 'revoke' | 'start'): Promise<void> {
    const service = this.service;
    if (!service || this.feedBusy) return;
    this.feedBusy = true;
    this.feedError = undefined;
    try {
      if (action === 'revoke') {
        await service.revokeFeed();
        this.feedUrl = null;
        this.announcement = this.i18n.t('announce.stopped');
        emit(this, 'mk-calendar-feed-changed', { action: 'stopped' });
      } else {
        const { url } = action === 'rotate' ? await service.rotateFeed() : await service.startFeed();
        this.feedUrl = url;
        this.announcement = this.i18n.t(action === 'rotate' ? 'announce.rotated' : 'announce.started');
        emit(this, 'mk-calendar-feed-changed', { action: action === 'rotate' ? 'rotated' : 'started', url });
      }
      this.confirming = undefined;
      this.feedBusy = false;
      await this.focusAfterUpdate(action === 'revoke' ? '[data-action="start"]' : '[part~="feed-url"]');
    } catch (error) {
      this.confirming = undefined;
      this.feedBusy = false;
      this.feedError = this.i18n.t('feed.error', { message: messageOf(error) });
      await this.focusAfterUpdate('[part~="feed-error"]');
    }
  }

  private get level(): number {
    return headingLevel(this.headingLevel);
  }

  private renderSubheading(id: string, text: string): TemplateResult {
    return html`<div class="subheading" role="heading" aria-level=${Math.min(this.level + 1, 6)} id=${id} tabindex="-1">${text}</div>`;
  }

  /** A question asked before something that cannot be undone, with the safe answer first in focus. */
  private renderConfirm(question: string, confirmLabel: string, cancelLabel: string, onConfirm: () => void, busy: boolean): TemplateResult {
    return html`<div part="confirm" class="confirm" role="group" aria-labelledby="confirm-question" @keydown=${this.handleConfirmKeydown}>
      <p id="confirm-question">${question}</p>
      <div class="actions">
        <button class="button danger" type="button" data-action="confirm" ?disabled=${busy} @click=${onConfirm}>${confirmLabel}</button>
        <button class="button secondary" type="button" data-action="cancel" @click=${() => this.cancelConfirm()}>${cancelLabel}</button>
      </div>
    </div>`;
  }

  private renderCalendar(calendar: CalendarConnection): TemplateResult {
    const locale = this.i18n.locale;
    const now = this.currentKit?.now() ?? new Date().toISOString();
    // The person's own zone from their profile, else the browser's.
    const zone = this.currentKit?.$me.get()?.timeZone ?? browserTimeZone();
    const busy = this.rowBusy === calendar.id;
    // "Read …": the last good read (while failing, its busy times date from then).
    const readAt = calendar.readAt ?? calendar.checkedAt;
    const when = readAt
      ? html`<time datetime=${readAt} title=${formatDayTime(readAt, zone, locale, now)}>${relativeTime(readAt, now, locale)} (${formatDayTime(readAt, zone, locale, now)})</time>`
      : undefined;
    const confirming = this.confirming?.kind === 'disconnect' && this.confirming.id === calendar.id;
    const error = this.rowError?.id === calendar.id ? this.rowError.message : undefined;
    const nameId = `calendar-${calendar.id}-name`;
    return html`<li part="calendar" class="calendar" data-id=${calendar.id} data-status=${calendar.status} tabindex="-1" aria-labelledby=${nameId} aria-busy=${busy ? 'true' : 'false'}>
      <p class="calendar-name" id=${nameId}><bdi>${calendar.label}</bdi></p>
      <p class="muted">${this.i18n.t(`kind.${calendar.kind}`)} · <bdi class="where">${calendar.where}</bdi></p>
      <div part="status" class="status" data-status=${calendar.status}>
        ${
          calendar.status === 'failing'
            ? html`<p class="status-failing">${calendar.problem ? this.i18n.t('status.failing', { problem: calendar.problem }) : this.i18n.t('status.failing-unknown')}</p>
              ${when ? html`<p class="muted">${this.renderWithTime('status.failing-when', when)}</p>` : nothing}`
            : html`<p>${when ? this.renderWithTime('status.ok', when) : this.i18n.t('status.never')} · ${this.i18n.t('busy-count', { count: calendar.busyCount })}</p>`
        }
      </div>
      ${calendar.writeBack ? html`<p class="muted">${this.i18n.t('write-back')}</p>` : nothing}
      ${error ? html`<p class="field-error" role="alert">${this.i18n.t('row.error', { label: calendar.label, message: error })}</p>` : nothing}
      ${
        confirming
          ? this.renderConfirm(
              this.i18n.t('disconnect.question', { label: calendar.label }),
              this.i18n.t('disconnect.confirm'),
              this.i18n.t('disconnect.keep'),
              () => void this.disconnect(calendar),
              busy,
            )
          : html`<div class="actions">
            <button part="refresh" class="button secondary" type="button" ?disabled=${busy} @click=${() => void this.refresh(calendar)} aria-describedby=${nameId}>${busy ? this.i18n.t('refreshing') : this.i18n.t('refresh')}</button>
            <button part="disconnect" class="button secondary" type="button" ?disabled=${busy} @click=${() => this.askDisconnect(calendar)} aria-describedby=${nameId}>${this.i18n.t('disconnect')}</button>
          </div>`
      }
    </li>`;
  }

  /** A message with a `{when}` placeholder, the time element put in its place. */
  private renderWithTime(id: string, when: TemplateResult): TemplateResult {
    const [before, after] = this.i18n.t(id, { when: '\u0000' }).split('\u0000');
    return html`${before}${when}${after ?? ''}`;
  }

  private renderField(field: FormField, label: string, input: TemplateResult, hint?: string): TemplateResult {
    const error = this.fieldErrors[field];
    return html`<div class="field">
      <label for=${`connect-${field}`}>${label}</label>
      ${hint ? html`<p class="hint" id=${`connect-${field}-hint`}>${hint}</p>` : nothing}
      ${input}
      ${error ? html`<p part="field-error" class="field-error" id=${`connect-${field}-error`}>${error}</p>` : nothing}
    </div>`;
  }

  private describedBy(field: FormField, hint: boolean): string | typeof nothing {
    const ids = [hint ? `connect-${field}-hint` : '', this.fieldErrors[field] ? `connect-${field}-error` : ''].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : nothing;
  }

  private renderForm(): TemplateResult {
    const caldav = this.kind === 'caldav';
    const invalid = (field: FormField) => (this.fieldErrors[field] ? 'true' : 'false');
    return html`<form part="form" class="form connect" novalidate aria-labelledby="form-heading" aria-busy=${this.submitting ? 'true' : 'false'} @submit=${this.handleConnect}>
      ${this.renderSubheading('form-heading', this.i18n.t('form.heading'))}
      ${
        this.formError
          ? html`<div part="form-error error" class="notice" data-tone="danger" role="alert" tabindex="-1"><p class="notice-title">${this.i18n.t('form.error')}</p><p>${this.formError}</p></div>`
          : nothing
      }
      <fieldset>
        <legend>${this.i18n.t('form.kind')}</legend>
        <div class="choices">
          ${(['ics-feed', 'caldav'] as const).map(
            (kind) =>
              html`<label class="choice"><input type="radio" name="kind" value=${kind} .checked=${live(this.kind === kind)} ?disabled=${this.submitting} @change=${this.handleKind} /> ${this.i18n.t(`kind.${kind}`)}</label>`,
          )}
        </div>
      </fieldset>
      ${this.renderField(
        'url',
        this.i18n.t('form.url'),
        html`<input id="connect-url" name="url" type="url" inputmode="url" autocomplete="off" spellcheck="false" .value=${live(this.url)} aria-invalid=${invalid('url')} aria-describedby=${this.describedBy('url', true)} ?readonly=${this.submitting} @input=${(event: Event) => this.handleInput('url', event)} />`,
        this.i18n.t(`form.url-hint.${this.kind}`),
      )}
      ${
        caldav
          ? html`<div class="inline">
            ${this.renderField(
              'username',
              this.i18n.t('form.username'),
              html`<input id="connect-username" name="username" type="text" autocomplete="off" spellcheck="false" .value=${live(this.username)} aria-invalid=${invalid('username')} aria-describedby=${this.describedBy('username', false)} ?readonly=${this.submitting} @input=${(event: Event) => this.handleInput('username', event)} />`,
            )}
            ${this.renderField(
              'password',
              this.i18n.t('form.password'),
              html`<input id="connect-password" name="password" type="password" autocomplete="new-password" .value=${live(this.password)} aria-invalid=${invalid('password')} aria-describedby=${this.describedBy('password', true)} ?readonly=${this.submitting} @input=${(event: Event) => this.handleInput('password', event)} />`,
              this.i18n.t('form.password-hint'),
            )}
          </div>`
          : nothing
      }
      ${this.renderField(
        'label',
        this.i18n.t('form.label'),
        html`<input id="connect-label" name="label" type="text" autocomplete="off" .value=${live(this.label)} aria-invalid=${invalid('label')} aria-describedby=${this.describedBy('label', true)} ?readonly=${this.submitting} @input=${(event: Event) => this.handleInput('label', event)} />`,
        this.i18n.t('form.label-hint'),
      )}
      ${
        caldav
          ? html`<label class="choice"><input type="checkbox" name="writeBack" .checked=${live(this.writeBack)} ?disabled=${this.submitting} @change=${(event: Event) => (this.writeBack = (event.target as HTMLInputElement).checked)} /> ${this.i18n.t('form.write-back')}</label>`
          : nothing
      }
      <div class="actions">
        <button part="submit" class="button" type="submit" aria-disabled=${this.submitting ? 'true' : 'false'}>${this.i18n.t('form.submit')}</button>
        ${this.submitting ? html`<span part="progress" class="muted progress" role="status"><span class="spinner" aria-hidden="true"></span>${this.i18n.t('form.submitting')}</span>` : nothing}
      </div>
    </form>`;
  }

  private renderFeed(): TemplateResult {
    const confirming = this.confirming?.kind === 'rotate' || this.confirming?.kind === 'revoke' ? this.confirming.kind : undefined;
    return html`<section part="feed" class="feed" aria-labelledby="feed-heading">
      ${this.renderSubheading('feed-heading', this.i18n.t('feed.heading'))}
      <p class="hint">${this.i18n.t('feed.intro')}</p>
      ${this.feedError ? html`<p part="feed-error" class="field-error" role="alert" tabindex="-1">${this.feedError}</p>` : nothing}
      ${
        this.feedUrl === null
          ? html`<p>${this.i18n.t('feed.stopped')}</p>
            <div class="actions"><button class="button secondary" type="button" data-action="start" ?disabled=${this.feedBusy} @click=${() => void this.changeFeed('start')}>${this.i18n.t('feed.start')}</button></div>`
          : this.feedUrl === undefined
            ? nothing
            : html`<div class="field">
                <label for="feed-url">${this.i18n.t('feed.url')}</label>
                <input part="feed-url" id="feed-url" type="text" readonly spellcheck="false" .value=${this.feedUrl} @focus=${(event: Event) => (event.target as HTMLInputElement).select()} />
              </div>
              ${
                confirming
                  ? this.renderConfirm(
                      this.i18n.t(`feed.${confirming}.question`),
                      this.i18n.t(`feed.${confirming}.confirm`),
                      this.i18n.t('feed.cancel'),
                      () => void this.changeFeed(confirming),
                      this.feedBusy,
                    )
                  : html`<div class="actions">
                    <button class="button secondary" type="button" data-action="copy" @click=${this.handleCopy}>${this.i18n.t('feed.copy')}</button>
                    <button class="button secondary" type="button" data-action="rotate" ?disabled=${this.feedBusy} @click=${() => this.askFeed('rotate')}>${this.i18n.t('feed.rotate')}</button>
                    <button class="button secondary" type="button" data-action="revoke" ?disabled=${this.feedBusy} @click=${() => this.askFeed('revoke')}>${this.i18n.t('feed.revoke')}</button>
                  </div>`
              }`
      }
    </section>`;
  }

  private renderReady(): TemplateResult {
    return html`<section class="connected" aria-labelledby="list-heading">
        ${this.renderSubheading('list-heading', this.i18n.t('list.heading'))}
        ${
          this.calendars.length === 0
            ? html`<p part="empty" class="empty-note">${this.i18n.t('empty')}</p>`
            : html`<ul part="list" class="list" role="list">${this.calendars.map((calendar) => this.renderCalendar(calendar))}</ul>`
        }
      </section>
      ${this.renderForm()} ${this.renderFeed()}`;
  }

  override render(): TemplateResult {
    const kit = this.currentKit;
    const phase = kit ? this.phase : 'loading';
    let content: TemplateResult;
    let state: string = phase;
    if (phase === 'loading') content = renderLoading(this.i18n.t('loading'), { skeleton: true });
    else if (phase === 'unavailable') content = html`<div part="unavailable" class="empty"><p>${this.i18n.t('unavailable')}</p></div>`;
    else if (phase === 'error')
      content = renderLoadError(this.i18n.t('error.title'), this.loadError, { retry: { label: this.i18n.t('error.retry'), onClick: this.handleRetry } });
    else {
      state = this.calendars.length === 0 ? 'empty' : 'list';
      content = this.renderReady();
    }
    return html`<div part="base" class="card" data-state=${state} aria-busy=${phase === 'loading' ? 'true' : 'false'}>
      <div part="heading" class="heading" role="heading" aria-level=${this.level} id="heading">${this.i18n.t('heading')}</div>
      ${phase === 'unavailable' ? nothing : html`<p class="hint">${this.i18n.t('intro')}</p>`}
      ${content}
      <p part="announcement" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }
}
