import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { isMentorKitError, type CertificatesService, type IssuedCertificate, type MentorKit, type PairingCertificateEntry } from '@mentorkit/core';
import { emit } from '../internal/emit.js';
import { formatCalendarDate, formatList } from '../internal/format.js';
import { LocaleController } from '../internal/localize.js';
import { headingLevel } from '../internal/heading-level.js';
import { renderLoadError, renderLoading } from '../internal/frame.js';
import { MkElement } from '../internal/mk-element.js';
import { StoreController } from '../internal/store-controller.js';
import { nameOf } from '../internal/people.js';
import { panelStyles } from '../internal/panel.styles.js';
import { certificateLanguages, certificateMessages } from './certificate.messages.js';
import { certificateStyles } from './certificate.styles.js';

export interface MkCertificateIssueDetail {
  pairingId: string;
  personId: string;
  certificate: IssuedCertificate;
  /** True when an admin issued it by hand (with a reason). */
  byHand: boolean;
}
export interface MkCertificateRevokeDetail {
  pairingId: string;
  personId: string;
  certificateId: string;
}
export interface MkCertificateDownloadDetail {
  pairingId: string;
  personId: string;
  certificateId: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-certificate-issue': CustomEvent<MkCertificateIssueDetail>;
    'mk-certificate-revoke': CustomEvent<MkCertificateRevokeDetail>;
    'mk-certificate-download': CustomEvent<MkCertificateDownloadDetail>;
  }
}

function messageOf(error: unknown): string {
  if (isMentorKitError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

const idPart = (text: string) => text.replace(/[^a-zA-Z0-9_-]/g, '_');

/**
 * @summary A pairing's certificates of participation: for the signed-in member, their own (download
 * it with its verification link, or what is still missing); for a programme admin, every member's,
 * with "Issue by hand" (with a reason) and "Revoke".
 *
 * @description Works through the storage adapter's optional `certificates` service
 * (`kit.storage.certificates`; the MentorKit server's `/pairings/<id>/certificates`, offered by
 * `@mentorkit/storage-rest`). Without it (memory, IndexedDB) the element says certificates need the
 * MentorKit server. Whether someone is eligible is core's `certificateEligibility`, computed by the
 * server: the pairing is closed and enough held sessions carry the person's own feedback (the
 * agreement's `plannedSessions`, else the programme's `certificateSessions`, else 6). What is missing
 * is worded from its codes. "Download certificate" issues the certificate when needed, fetches the
 * PDF (signed in) and saves it; the verification page is a plain link. Text follows the page language
 * (English, and Spanish loaded on first use); the PDF is asked for in the same language.
 *
 * @fires {CustomEvent<MkCertificateIssueDetail>} mk-certificate-issue - A certificate was issued (by its holder, or by an admin).
 * @fires {CustomEvent<MkCertificateRevokeDetail>} mk-certificate-revoke - An admin revoked a certificate.
 * @fires {CustomEvent<MkCertificateDownloadDetail>} mk-certificate-download - The PDF was fetched and handed to the browser to save.
 *
 * @csspart base - The card; carries `data-state` (`loading`, `unavailable`, `error`, `ready`, `eligible`, `not-yet`, `admin`).
 * @csspart heading - The heading.
 * @csspart loading - The loading message.
 * @csspart error - An error box (`role="alert"`).
 * @csspart unavailable - Said when the storage has no certificates service (no server).
 * @csspart status - What the member's certificate stands at.
 * @csspart missing - The list of what is still missing.
 * @csspart facts - The facts of the certificate (sessions, hours, goals).
 * @csspart download - A "Download certificate" button.
 * @csspart verify - The verification link.
 * @csspart members - The admin's list of members.
 * @csspart member - One member; carries `data-person-id` and `data-state` (`issued`, `eligible`, `not-yet`).
 * @csspart issue - An admin's "Issue certificate" / "Issue by hand" button.
 * @csspart revoke - An admin's "Revoke" button.
 * @csspart reason-form - The "Issue by hand" form with its reason.
 * @csspart action-error - A refused action (`role="alert"`).
 * @csspart announcement - The polite live region that says what just happened.
 *
 * @cssprop [--mk-panel-background=var(--mk-color-surface)] - Background of the card.
 * @cssprop [--mk-panel-border-color=var(--mk-color-border)] - Border colour of the card.
 * @cssprop [--mk-panel-radius=var(--mk-radius-lg)] - Corner radius of the card.
 * @cssprop [--mk-panel-padding=var(--mk-space-5)] - Inner spacing of the card.
 * @cssprop [--mk-panel-gap=var(--mk-space-4)] - Space between sections.
 */
export class MkCertificate extends MkElement {
  static override styles = [MkElement.styles, panelStyles, certificateStyles];

  private readonly i18n = new LocaleController(this, 'mk-certificate', certificateMessages, certificateLanguages);
  private readonly people = new StoreController(this, () => this.currentKit?.$people);

  @state() private phase: 'loading' | 'unavailable' | 'error' | 'ready' = 'loading';
  @state() private loadError: string | undefined;
  @state() private entries: PairingCertificateEntry[] = [];
  /** The person an action is under way for (one at a time). */
  @state() private busyFor: string | undefined;
  /** The member whose "Issue by hand" form is open. */
  @state() private reasonFor: string | undefined;
  @state() private reason = '';
  @state() private reasonError: string | undefined;
  @state() private actionError: { personId: string; message: string } | undefined;
  @state() private announcement = '';
  private loadedFor: { kit: MentorKit; pairingId: string } | undefined;

  /** The pairing whose certificates are shown. */
  @property({ attribute: 'pairing-id' }) pairingId = '';

  /** Level of the heading (1–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** BCP 47 locale for dates. Default: the nearest `lang`, else the browser's. */
  @property() locale?: string | undefined;

  protected override willUpdate(): void {
    const kit = this.currentKit;
    if (kit && this.pairingId && (kit !== this.loadedFor?.kit || this.pairingId !== this.loadedFor.pairingId)) {
      this.loadedFor = { kit, pairingId: this.pairingId };
      void this.load();
    }
  }

  private get service(): CertificatesService | undefined {
    return this.currentKit?.storage.certificates;
  }

  private async load(): Promise<void> {
    const loaded = this.loadedFor;
    if (!loaded) return;
    const service = loaded.kit.storage.certificates;
    if (!service) {
      this.phase = 'unavailable';
      return;
    }
    this.phase = 'loading';
    this.loadError = undefined;
    try {
      const entries = await service.list(loaded.pairingId);
      if (loaded !== this.loadedFor) return;
      this.entries = entries;
      this.phase = 'ready';
    } catch (error) {
      if (loaded !== this.loadedFor) return;
      this.loadError = messageOf(error);
      this.phase = 'error';
    }
  }

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private readonly handleRetry = (): void => {
    void this.load();
    void this.focusAfterUpdate('[part~="heading"]');
  };

  private get pdfLanguage(): 'en' | 'es' {
    return (this.i18n.locale ?? '').toLowerCase().startsWith('es') ? 'es' : 'en';
  }

  private replaceEntry(personId: string, certificate: IssuedCertificate | undefined): void {
    this.entries = this.entries.map((entry) => {
      if (entry.personId !== personId) return entry;
      const { certificate: _old, ...rest } = entry;
      return certificate ? { ...rest, certificate } : rest;
    });
  }

  private async act(personId: string, action: () => Promise<void>, focusAfter: string): Promise<void> {
    if (this.busyFor) return;
    this.busyFor = personId;
    this.actionError = undefined;
    try {
      await action();
    } catch (error) {
      this.actionError = { personId, message: messageOf(error) };
      this.busyFor = undefined;
      await this.focusAfterUpdate('[part~="action-error"]');
      return;
    }
    this.busyFor = undefined;
    await this.focusAfterUpdate(focusAfter);
  }

  /** Saves a PDF the browser holds as a file (a temporary object URL, released at once). */
  private save(blob: Blob, certificateId: string): void {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `certificate-${certificateId}.pdf`;
    link.rel = 'noopener';
    link.style.display = 'none';
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  private download(entry: PairingCertificateEntry): void {
    const service = this.service;
    const loaded = this.loadedFor;
    if (!service || !loaded) return;
    void this.act(
      entry.personId,
      async () => {
        let certificate = entry.certificate;
        if (!certificate) {
          certificate = await service.issue(loaded.pairingId, entry.personId);
          this.replaceEntry(entry.personId, certificate);
          emit(this, 'mk-certificate-issue', { pairingId: loaded.pairingId, personId: entry.personId, certificate, byHand: false });
        }
        const blob = await service.download(certificate.id, { language: this.pdfLanguage });
        this.save(blob, certificate.id);
        this.announcement = this.i18n.t('announce.downloaded');
        emit(this, 'mk-certificate-download', { pairingId: loaded.pairingId, personId: entry.personId, certificateId: certificate.id });
      },
      `[data-person-id="${CSS.escape(entry.personId)}"] [part~="download"], [part~="download"]`,
    );
  }

  private issue(entry: PairingCertificateEntry, reason?: string): void {
    const service = this.service;
    const loaded = this.loadedFor;
    if (!service || !loaded) return;
    void this.act(
      entry.personId,
      async () => {
        const certificate = await service.issue(loaded.pairingId, entry.personId, reason === undefined ? {} : { reason });
        this.replaceEntry(entry.personId, certificate);
        this.reasonFor = undefined;
        this.announcement = this.i18n.t('announce.issued', { name: nameOf(this.people.value, entry.personId) });
        emit(this, 'mk-certificate-issue', { pairingId: loaded.pairingId, personId: entry.personId, certificate, byHand: reason !== undefined });
      },
      `[data-person-id="${CSS.escape(entry.personId)}"] [part~="download"]`,
    );
  }

  private revoke(entry: PairingCertificateEntry): void {
    const service = this.service;
    const loaded = this.loadedFor;
    const certificate = entry.certificate;
    if (!service || !loaded || !certificate) return;
    void this.act(
      entry.personId,
      async () => {
        await service.revoke(certificate.id);
        this.replaceEntry(entry.personId, undefined);
        this.announcement = this.i18n.t('announce.revoked', { name: nameOf(this.people.value, entry.personId) });
        emit(this, 'mk-certificate-revoke', { pairingId: loaded.pairingId, personId: entry.personId, certificateId: certificate.id });
      },
      `[data-person-id="${CSS.escape(entry.personId)}"] [part~="issue"]`,
    );
  }

  private openReason(entry: PairingCertificateEntry): void {
    this.reasonFor = entry.personId;
    this.reason = '';
    this.reasonError = undefined;
    this.actionError = undefined;
    void this.focusAfterUpdate(`#reason-${idPart(entry.personId)}`);
  }

  private closeReason(personId: string): void {
    this.reasonFor = undefined;
    void this.focusAfterUpdate(`[data-person-id="${CSS.escape(personId)}"] [part~="issue"]`);
  }

  private submitReason(event: SubmitEvent, entry: PairingCertificateEntry): void {
    event.preventDefault();
    const reason = this.reason.trim();
    if (reason === '') {
      this.reasonError = this.i18n.t('admin.reason-required');
      void this.focusAfterUpdate(`#reason-${idPart(entry.personId)}`);
      return;
    }
    this.reasonError = undefined;
    this.issue(entry, reason);
  }

  private get level(): number {
    return headingLevel(this.headingLevel);
  }

  private get isAdminView(): boolean {
    const me = this.currentKit?.user.id;
    return this.entries.length > 1 || (this.entries.length === 1 && this.entries[0]!.personId !== me);
  }

  private hours(minutes: number): string {
    return new Intl.NumberFormat(this.i18n.locale, { maximumFractionDigits: 1 }).format(Math.round(minutes / 6) / 10);
  }

  private renderMissing(entry: PairingCertificateEntry, own: boolean): TemplateResult {
    const { eligibility } = entry;
    return html`<ul part="missing" class="missing">
      ${eligibility.missing.map((code) => {
        if (code === 'sessions') return html`<li>${this.i18n.t('missing.sessions', { held: eligibility.sessionsHeld, required: eligibility.required })}</li>`;
        if (code === 'feedback')
          return html`<li>${this.i18n.t(own ? 'missing.feedback' : 'missing.feedback-other', { given: eligibility.sessionsWithFeedback, required: eligibility.required })}</li>`;
        return html`<li>${this.i18n.t(`missing.${code}`)}</li>`;
      })}
    </ul>`;
  }

  private renderFacts(entry: PairingCertificateEntry): TemplateResult {
    const { eligibility, certificate } = entry;
    return html`<dl part="facts" class="facts">
      <dt>${this.i18n.t('facts.sessions')}</dt><dd>${eligibility.sessionsHeld}</dd>
      <dt>${this.i18n.t('facts.hours')}</dt><dd>${this.i18n.t('facts.hours-value', { hours: this.hours(eligibility.mentoringMinutes) })}</dd>
      ${eligibility.goalsAchieved.length > 0 ? html`<dt>${this.i18n.t('facts.goals')}</dt><dd>${formatList(eligibility.goalsAchieved, this.i18n.locale)}</dd>` : nothing}
      ${certificate ? html`<dt>${this.i18n.t('facts.issued')}</dt><dd>${formatCalendarDate(certificate.issuedAt.slice(0, 10), this.i18n.locale)}</dd>` : nothing}
      ${certificate?.reason ? html`<dt>${this.i18n.t('facts.reason')}</dt><dd>${certificate.reason}</dd>` : nothing}
    </dl>`;
  }

  private renderVerify(certificate: IssuedCertificate): TemplateResult {
    return html`<p part="verify" class="verify"><a href=${certificate.verifyUrl} target="_blank" rel="noopener noreferrer">${this.i18n.t('verify')}</a> — <span class="muted">${this.i18n.t('verify-hint')}</span></p>`;
  }

  private renderProgress(personId: string): TemplateResult | typeof nothing {
    return this.busyFor === personId
      ? html`<span class="muted progress" role="status"><span class="spinner" aria-hidden="true"></span>${this.i18n.t('working')}</span>`
      : nothing;
  }

  private renderActionError(personId: string): TemplateResult | typeof nothing {
    return this.actionError?.personId === personId
      ? html`<div part="action-error error" class="notice" data-tone="danger" role="alert" tabindex="-1"><p class="notice-title">${this.i18n.t('action.error')}</p><p>${this.actionError.message}</p></div>`
      : nothing;
  }

  private renderOwn(entry: PairingCertificateEntry): TemplateResult {
    const { eligibility, certificate } = entry;
    const busy = this.busyFor !== undefined;
    if (!certificate && !eligibility.eligible) {
      return html`<p part="status" class="status">${this.i18n.t('own.not-yet')}</p>${this.renderMissing(entry, true)}`;
    }
    return html`<p part="status" class="status" data-tone="success">${this.i18n.t(certificate ? 'own.ready' : 'own.eligible')}</p>
      ${this.renderFacts(entry)}
      ${this.renderActionError(entry.personId)}
      <div class="actions" data-person-id=${entry.personId}>
        <button part="download" class="button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && this.download(entry)}>${this.i18n.t('download')}</button>
        ${this.renderProgress(entry.personId)}
      </div>
      ${certificate ? this.renderVerify(certificate) : nothing}`;
  }

  private renderReasonForm(entry: PairingCertificateEntry): TemplateResult {
    const id = `reason-${idPart(entry.personId)}`;
    const busy = this.busyFor !== undefined;
    return html`<form part="reason-form" class="form" novalidate aria-busy=${busy ? 'true' : 'false'}
      @submit=${(event: SubmitEvent) => this.submitReason(event, entry)}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape' && !busy) {
          event.preventDefault();
          this.closeReason(entry.personId);
        }
      }}>
      <div class="field">
        <label for=${id}>${this.i18n.t('admin.reason')}</label>
        <textarea id=${id} name="reason" maxlength="500" .value=${live(this.reason)} aria-invalid=${this.reasonError ? 'true' : 'false'}
          aria-describedby=${this.reasonError ? `${id}-hint ${id}-error` : `${id}-hint`} ?readonly=${busy}
          @input=${(event: Event) => {
            this.reason = (event.target as HTMLTextAreaElement).value;
            this.reasonError = undefined;
          }}></textarea>
        <p class="hint" id=${`${id}-hint`}>${this.i18n.t('admin.reason-hint')}</p>
        ${this.reasonError ? html`<p part="field-error" class="field-error" id=${`${id}-error`}>${this.reasonError}</p>` : nothing}
      </div>
      <div class="actions">
        <button class="button" type="submit" data-action="confirm" aria-disabled=${busy ? 'true' : 'false'}>${this.i18n.t('admin.confirm')}</button>
        <button class="button secondary" type="button" data-action="cancel" ?disabled=${busy} @click=${() => this.closeReason(entry.personId)}>${this.i18n.t('admin.cancel')}</button>
        ${this.renderProgress(entry.personId)}
      </div>
    </form>`;
  }

  private renderMember(entry: PairingCertificateEntry): TemplateResult {
    const { eligibility, certificate } = entry;
    const name = nameOf(this.people.value, entry.personId);
    const memberState = certificate ? 'issued' : eligibility.eligible ? 'eligible' : 'not-yet';
    const titleId = `member-${idPart(entry.personId)}`;
    const busy = this.busyFor !== undefined;
    return html`<li part="member" class="member" data-person-id=${entry.personId} data-state=${memberState} aria-labelledby=${titleId}>
      <p class="member-name" id=${titleId}><bdi>${name}</bdi></p>
      ${
        certificate
          ? html`<p class="status" data-tone="success">${this.i18n.t('admin.issued', { date: formatCalendarDate(certificate.issuedAt.slice(0, 10), this.i18n.locale) })}</p>`
          : eligibility.eligible
            ? html`<p class="status">${this.i18n.t('admin.eligible')}</p>`
            : html`<p class="status">${this.i18n.t('admin.not-yet')}</p>${this.renderMissing(entry, false)}`
      }
      ${this.renderFacts(entry)}
      ${this.renderActionError(entry.personId)}
      ${
        this.reasonFor === entry.personId
          ? this.renderReasonForm(entry)
          : html`<div class="actions">
            ${
              certificate
                ? html`<button part="download" class="button" type="button" aria-describedby=${titleId} aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && this.download(entry)}>${this.i18n.t('download')}</button>
                  <button part="revoke" class="button secondary" type="button" aria-describedby=${titleId} aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && this.revoke(entry)}>${this.i18n.t('admin.revoke')}</button>`
                : eligibility.eligible
                  ? html`<button part="issue" class="button" type="button" aria-describedby=${titleId} aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && this.issue(entry)}>${this.i18n.t('admin.issue')}</button>`
                  : html`<button part="issue" class="button secondary" type="button" aria-describedby=${titleId} aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && this.openReason(entry)}>${this.i18n.t('admin.by-hand')}</button>`
            }
            ${this.renderProgress(entry.personId)}
          </div>`
      }
      ${certificate ? this.renderVerify(certificate) : nothing}
    </li>`;
  }

  override render(): TemplateResult {
    const kit = this.currentKit;
    const phase = kit && this.pairingId ? this.phase : 'loading';
    let content: TemplateResult;
    let state: string = phase;
    if (phase === 'loading') content = renderLoading(this.i18n.t('loading'), { skeleton: true });
    else if (phase === 'unavailable') content = html`<div part="unavailable" class="empty"><p>${this.i18n.t('unavailable')}</p></div>`;
    else if (phase === 'error')
      content = renderLoadError(this.i18n.t('error.title'), this.loadError, { retry: { label: this.i18n.t('error.retry'), onClick: this.handleRetry } });
    else if (this.isAdminView) {
      state = 'admin';
      content = html`<p class="hint">${this.i18n.t('admin.intro')}</p><ul part="members" class="members" role="list">${this.entries.map((entry) => this.renderMember(entry))}</ul>`;
    } else {
      const own = this.entries[0];
      state = !own ? 'not-yet' : own.certificate ? 'ready' : own.eligibility.eligible ? 'eligible' : 'not-yet';
      content = own ? this.renderOwn(own) : html`<p part="status" class="status">${this.i18n.t('own.not-yet')}</p>`;
    }
    return html`<section part="base" class="card" data-state=${state} aria-busy=${phase === 'loading' ? 'true' : 'false'} aria-labelledby="heading">
      <div part="heading" class="heading" role="heading" aria-level=${this.level} id="heading" tabindex="-1">${this.i18n.t('heading')}</div>
      ${content}
      <p part="announcement" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }
}
