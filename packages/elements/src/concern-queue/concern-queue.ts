import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { TEXT_LIMITS, toMentorKitError, type Concern, type ConcernStatus, type MentorKitError } from '@mentorkit/core';
import { CONCERN_STATUSES, concernsFeature } from '@mentorkit/core/concerns';
import { emit } from '../internal/emit.js';
import { browserTimeZone, formatDayTime, formatList } from '../internal/format.js';
import { LocaleController } from '../internal/localize.js';
import { headingLevel } from '../internal/heading-level.js';
import { renderLoadError, renderLoading } from '../internal/frame.js';
import { MkElement } from '../internal/mk-element.js';
import { nameOf } from '../internal/people.js';
import { StoreController } from '../internal/store-controller.js';
import { errorText } from '../field-errors/field-errors.js';
import { panelStyles } from '../internal/panel.styles.js';
import { describedByWithCounter, renderTextCounter, textLimit, textLimitStyles } from '../text-limit/text-limit.js';
import { concernQueueLanguages, concernQueueMessages } from './concern-queue.messages.js';
import { concernQueueStyles } from './concern-queue.styles.js';

export interface MkConcernChangeDetail {
  concernId: string;
  /** `status`: moved to `status` (with a note or not); `note`: a note added. */
  change: 'status' | 'note';
  status: ConcernStatus;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-concern-change': CustomEvent<MkConcernChangeDetail>;
  }
}

/**
 * @summary The programme admin's queue of concerns — open first — with who raised each, about which
 * pair, the quoted message, what happened, status changes with an optional note, and the audit trail.
 *
 * @description Lists the concerns the person may read (`kit.concerns.$concerns`): an admin sees
 * those raised in their programmes' pairings (except pairings they are in themselves); anyone else
 * sees the concerns they raised ("Your concerns"), and may add to them. Admins move a concern
 * between open, in review and closed, each change with an optional note; every change goes into the
 * concern's trail, which nobody can rewrite. Text people wrote is shown as text. English, and
 * Spanish loaded on first use.
 *
 * @fires {CustomEvent<MkConcernChangeDetail>} mk-concern-change - The person changed a concern's status or added a note.
 *
 * @csspart base - The card; carries `data-state` (loading, error, empty, list).
 * @csspart heading - The heading.
 * @csspart summary - How many are open, in review and closed.
 * @csspart loading - The loading message.
 * @csspart error - An error box (`role="alert"`).
 * @csspart empty - The empty state.
 * @csspart list - The list of concerns.
 * @csspart concern - One concern; carries `data-status` and `data-concern-id`.
 * @csspart status - A concern's status badge.
 * @csspart pause - "Pause requested" / "Pairing paused".
 * @csspart quote - The reported message, quoted.
 * @csspart text - What happened, in the reporter's words.
 * @csspart trail - The audit trail.
 * @csspart form - The status change (admins) or note (the reporter) form.
 * @csspart item-error - An error of one concern's form (`role="alert"`).
 * @csspart announcement - What was just saved (`role="status"`).
 *
 * @cssprop [--mk-panel-background=var(--mk-color-surface)] - Background of the card.
 * @cssprop [--mk-panel-border-color=var(--mk-color-border)] - Border colour of the card.
 * @cssprop [--mk-panel-radius=var(--mk-radius-lg)] - Corner radius of the card.
 * @cssprop [--mk-panel-padding=var(--mk-space-5)] - Inner spacing of the card.
 * @cssprop [--mk-panel-gap=var(--mk-space-4)] - Space between sections.
 */
export class MkConcernQueue extends MkElement {
  static override styles = [MkElement.styles, panelStyles, textLimitStyles, concernQueueStyles];

  private readonly concerns = new StoreController(this, () => (this.currentKit ? this.currentKit.use(concernsFeature).$concerns : undefined));
  private readonly people = new StoreController(this, () => this.currentKit?.$people);
  private readonly pairings = new StoreController(this, () => this.currentKit?.$pairings);
  private readonly concernStatus = new StoreController(this, () => (this.currentKit ? this.currentKit.use(concernsFeature).$status : undefined));
  private readonly programs = new StoreController(this, () => this.currentKit?.$programs);
  private readonly i18n = new LocaleController(this, 'mk-concern-queue', concernQueueMessages, concernQueueLanguages);

  @state() private notes: Record<string, string> = {};
  @state() private chosen: Record<string, ConcernStatus> = {};
  @state() private busyId: string | undefined;
  @state() private errors: Record<string, MentorKitError | string> = {};
  @state() private announcement = '';

  /** Show only the concerns of this programme. Default: every programme the person administers (or their own concerns). */
  @property({ attribute: 'program-id', reflect: true }) programId?: string | undefined;

  /** Level of the heading (1–6); each concern's title is one level below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** BCP 47 locale for dates. Default: the nearest `lang`, else the browser's. */
  @property() locale?: string | undefined;

  private get isAdmin(): boolean {
    const userId = this.currentKit?.user.id;
    return (
      userId !== undefined &&
      (this.programs.value ?? []).some((program) => program.adminIds.includes(userId) && (!this.programId || program.id === this.programId))
    );
  }

  private statusName(status: ConcernStatus): string {
    return this.i18n.t(`status.${status}`);
  }

  private async handleSave(event: Event, concern: Concern, handles: boolean): Promise<void> {
    event.preventDefault();
    const kit = this.currentKit;
    if (!kit || this.busyId) return;
    const note = (this.notes[concern.id] ?? '').trim() === '' ? undefined : this.notes[concern.id];
    const status = handles ? (this.chosen[concern.id] ?? concern.status) : concern.status;
    const { [concern.id]: _dropped, ...otherErrors } = this.errors;
    this.errors = otherErrors;
    if (status === concern.status && note === undefined) {
      this.errors = { ...this.errors, [concern.id]: this.i18n.t('form.nothing') };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-concern-id="${CSS.escape(concern.id)}"] [part~="item-error"]`)?.focus();
      return;
    }
    this.busyId = concern.id;
    try {
      const concerns = kit.use(concernsFeature);
      if (status !== concern.status) await concerns.setStatus(concern.id, status, note === undefined ? {} : { note });
      else await concerns.addNote(concern.id, note!);
      const change = status !== concern.status ? 'status' : 'note';
      this.announcement = change === 'status' ? this.i18n.t('done.status', { status: this.statusName(status) }) : this.i18n.t('done.note');
      const { [concern.id]: _note, ...notes } = this.notes;
      const { [concern.id]: _status, ...chosen } = this.chosen;
      this.notes = notes;
      this.chosen = chosen;
      emit(this, 'mk-concern-change', { concernId: concern.id, change, status });
    } catch (error) {
      this.errors = { ...this.errors, [concern.id]: toMentorKitError(error) };
    } finally {
      this.busyId = undefined;
    }
    await this.updateComplete;
    const failed = this.errors[concern.id] !== undefined;
    this.renderRoot
      .querySelector<HTMLElement>(failed ? `[data-concern-id="${CSS.escape(concern.id)}"] [part~="item-error"]` : '[part~="announcement"]')
      ?.focus();
  }

  private renderHeading(admin: boolean): TemplateResult {
    const level = headingLevel(this.headingLevel);
    return html`<div part="heading" class="heading" role="heading" aria-level=${level} id="heading">${this.i18n.t(admin ? 'heading' : 'heading.mine')}</div>`;
  }

  private renderTrail(concern: Concern, zone: string, now: string): TemplateResult {
    const t = (id: string, parameters?: Record<string, string | number>) => this.i18n.t(id, parameters);
    const locale = this.i18n.locale;
    return html`<details part="trail">
      <summary>${t('trail.count', { count: concern.history.length })}</summary>
      <ol class="trail">
        ${concern.history.map((entry) => {
          const name = nameOf(this.people.value, entry.by);
          const what =
            entry.action === 'status' && entry.status
              ? t('trail.status', { name, status: this.statusName(entry.status) })
              : t(`trail.${entry.action}`, { name });
          return html`<li data-action=${entry.action}><time datetime=${entry.at}>${formatDayTime(entry.at, zone, locale, now)}</time> — ${what}${entry.note ? html`<div class="trail-note">${entry.note}</div>` : nothing}</li>`;
        })}
      </ol>
    </details>`;
  }

  private renderForm(concern: Concern, handles: boolean, index: number): TemplateResult {
    const t = (id: string, parameters?: Record<string, string | number>) => this.i18n.t(id, parameters);
    const noteId = `note-${index}`;
    const statusId = `status-${index}`;
    const note = this.notes[concern.id] ?? '';
    const limit = textLimit(note, TEXT_LIMITS.concern.note);
    const error = this.errors[concern.id];
    const busy = this.busyId === concern.id;
    return html`<form part="form" class="form" novalidate @submit=${(event: Event) => this.handleSave(event, concern, handles)}>
      ${
        handles
          ? html`<div class="field">
            <label for=${statusId}>${t('form.status')}</label>
            <select id=${statusId} name="status" @change=${(event: Event) => (this.chosen = { ...this.chosen, [concern.id]: (event.target as HTMLSelectElement).value as ConcernStatus })}>
              ${CONCERN_STATUSES.map((status) => html`<option value=${status} ?selected=${(this.chosen[concern.id] ?? concern.status) === status}>${status === concern.status ? t('form.keep', { status: this.statusName(status) }) : t('form.move', { status: this.statusName(status) })}</option>`)}
            </select>
          </div>`
          : nothing
      }
      <div class="field">
        <label for=${noteId}>${t(handles ? 'form.note' : 'form.note.reporter')}</label>
        <textarea id=${noteId} name="note" .value=${note} aria-invalid=${limit.over ? 'true' : 'false'} aria-describedby=${describedByWithCounter(noteId, limit, error !== undefined && `error-${index}`) ?? nothing}
          @input=${(event: Event) => (this.notes = { ...this.notes, [concern.id]: (event.target as HTMLTextAreaElement).value })}></textarea>
        ${renderTextCounter(noteId, limit, this.i18n.locale)}
      </div>
      ${
        error !== undefined
          ? html`<p part="item-error" class="notice" data-tone="danger" role="alert" tabindex="-1" id=${`error-${index}`}>${typeof error === 'string' ? error : html`<span class="notice-title">${t('error.action')}</span> ${errorText(error, this.i18n.locale, false)}`}</p>`
          : nothing
      }
      <div class="actions"><button class="button" type="submit" ?disabled=${busy || limit.over}>${busy ? t('form.saving') : t(handles ? 'form.save' : 'form.add')}</button></div>
    </form>`;
  }

  private renderConcern(concern: Concern, index: number, zone: string, now: string): TemplateResult {
    const t = (id: string, parameters?: Record<string, string | number>) => this.i18n.t(id, parameters);
    const kit = this.currentKit!;
    const locale = this.i18n.locale;
    const pairing = (this.pairings.value ?? []).find((candidate) => candidate.id === concern.pairingId);
    const mentee = nameOf(this.people.value, pairing?.menteeId ?? '?');
    const mentors = formatList(
      (pairing?.mentorIds ?? []).map((id) => nameOf(this.people.value, id)),
      locale,
    );
    const title =
      concern.about === 'message' && concern.quote
        ? t('title.message', { author: nameOf(this.people.value, concern.quote.authorId), mentee, mentors })
        : t('title.pairing', { mentee, mentors });
    const level = headingLevel(this.headingLevel, 1);
    const titleId = `concern-${index}`;
    const handles = kit.use(concernsFeature).canHandle(concern.id);
    const mine = concern.reporterId === kit.user.id;
    const paused = concern.history.some((entry) => entry.action === 'paused');
    const raisedAt = formatDayTime(concern.raisedAt, zone, locale, now);
    return html`<li>
      <article part="concern" class="concern" data-status=${concern.status} data-concern-id=${concern.id} aria-labelledby=${titleId}>
        <div class="concern-title" role="heading" aria-level=${level} id=${titleId}>${title}</div>
        <div class="badges">
          <span part="status" class="badge" data-tone=${concern.status === 'closed' ? 'success' : 'warning'}>${this.statusName(concern.status)}</span>
          ${concern.pauseRequested ? html`<span part="pause" class="badge">${t(paused ? 'pause.done' : 'pause.requested')}</span>` : nothing}
        </div>
        <p class="muted">${mine ? t('raised-by.you', { time: raisedAt }) : t('raised-by', { name: nameOf(this.people.value, concern.reporterId), time: raisedAt })}</p>
        ${
          concern.quote
            ? html`<figure part="quote" class="field" aria-label=${t('quote.label')}>
              <figcaption class="muted quote-by">${t('quote.by', { name: nameOf(this.people.value, concern.quote.authorId), time: formatDayTime(concern.quote.sentAt, zone, locale, now) })}</figcaption>
              <blockquote class="quote" tabindex="0">${concern.quote.text === '' ? t('quote.voice') : concern.quote.text}</blockquote>
            </figure>`
            : nothing
        }
        <div class="field">
          <p class="label-line">${t('text.label')}</p>
          <p part="text" class="what">${concern.text}</p>
        </div>
        ${this.renderTrail(concern, zone, now)}
        ${handles || mine ? this.renderForm(concern, handles, index) : nothing}
      </article>
    </li>`;
  }

  override render(): TemplateResult {
    const kit = this.currentKit;
    const status = kit ? (this.loadState === 'ready' ? (this.concernStatus.value ?? 'loading') : this.loadState) : 'loading';
    const admin = this.isAdmin;
    let content: TemplateResult;
    let shown: string = status;
    if (status === 'loading') content = renderLoading(this.i18n.t('loading'));
    else if (status === 'error') content = renderLoadError(this.i18n.t('error.title'), this.loadErrorMessage ?? this.i18n.t('error.fallback'));
    else {
      const concerns = (this.concerns.value ?? []).filter((concern) => !this.programId || concern.programId === this.programId);
      if (concerns.length === 0) {
        shown = 'empty';
        content = html`<div part="empty" class="empty"><p class="notice-title">${this.i18n.t('empty.title')}</p><p class="hint">${this.i18n.t(admin ? 'empty.admin' : 'empty.mine')}</p></div>`;
      } else {
        shown = 'list';
        const count = (wanted: ConcernStatus) => concerns.filter((concern) => concern.status === wanted).length;
        const zone = kit!.$me.get()?.timeZone ?? browserTimeZone();
        const now = kit!.now();
        content = html`<p part="summary" class="muted">${this.i18n.t('summary', { open: count('open'), review: count('in-review'), closed: count('closed') })}</p>
          <ul part="list" class="list" aria-labelledby="heading">
            ${repeat(
              concerns,
              (concern) => concern.id,
              (concern, index) => this.renderConcern(concern, index, zone, now),
            )}
          </ul>`;
      }
    }
    return html`<div part="base" class="card" data-state=${shown} aria-busy=${status === 'loading' || this.busyId !== undefined ? 'true' : 'false'}>
      ${this.renderHeading(admin)}
      <p part="announcement" class=${this.announcement ? 'notice' : 'visually-hidden'} data-tone="success" role="status" tabindex="-1">${this.announcement}</p>
      ${content}
    </div>`;
  }
}
