import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isMentorKitError, type MentorKitError } from '@mentorkit/core';
import {
  CHECKIN_MESSAGES,
  checkInReasonText,
  checkInsFeature,
  fillTemplate,
  type CheckInLevel,
  type CheckInMessages,
  type CheckInReason,
  type CheckInView,
  type CheckInViewNudge,
  type ReadyCheckInView,
} from '@mentorkit/core/checkins';
import { emit } from '../internal/emit.js';
import { formatCalendarDate, formatDayTime, formatRelativeDays } from '../internal/format.js';
import { LocaleController } from '../internal/localize.js';
import { errorText } from '../field-errors/field-errors.js';
import { checkinLanguages, checkinMessages } from './checkin.messages.js';
import { headingLevel } from '../internal/heading-level.js';
import { renderLoadError, renderLoading } from '../internal/frame.js';
import { MkElement } from '../internal/mk-element.js';
import { StoreController } from '../internal/store-controller.js';
import { panelStyles } from '../internal/panel.styles.js';
import { checkinStyles } from './checkin.styles.js';

export interface MkCheckInLevelChangeDetail {
  pairingId: string;
  level: CheckInLevel;
  /** The agreement version that now carries the level (to be confirmed by the others). */
  version: number;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-checkin-level-change': CustomEvent<MkCheckInLevelChangeDetail>;
  }
}

/**
 * @summary When the pair's next check-in is due, warnings when it is overdue or the pair has gone
 * quiet, and a suggested check-in level with the reasons for it.
 *
 * @description Reads the pairing's working agreement (cadence and check-in level), its sessions,
 * messages, goal updates and feedback, and shows: when the next check-in is due (in the viewer's
 * time, relative too), what the last check-in was, whether the next booked session covers it, an
 * overdue warning, an inactivity warning (no session, message or goal update for `inactive-after-days`
 * days), the nudges MentorKit would send and when (at a sensible local hour for each person), and a
 * suggested level — more hand-holding when feedback or goals say so, less when the mentee is
 * thriving — always explained. Members can adopt the suggestion (a new agreement version) or keep
 * their level. Core computes all of it, for the signed-in person (`kit.checkins.viewFor(pairingId)`
 * from `checkInsFeature` in `@mentorkit/core/checkins`, which the element installs on its client);
 * the element words and shows it. Text follows the page language (English, and Spanish loaded on first use: `checkin.messages.ts`, `.es.ts`;
 * reasons and nudges are core's codes, worded here); setting `.messages` to your own catalogue
 * replaces the level names, reasons and nudges with core's sentences from it.
 *
 * @fires {CustomEvent<MkCheckInLevelChangeDetail>} mk-checkin-level-change - The user adopted the suggested level.
 *
 * @csspart base - The card.
 * @csspart heading - The heading.
 * @csspart pairing-with - "with Lucía Fernández": whose pairing it shows, in the heading.
 * @csspart loading - The loading message.
 * @csspart error - An error box (`role="alert"`).
 * @csspart empty - The box shown without an agreement (or pairing).
 * @csspart due - The next check-in; carries `data-overdue`.
 * @csspart due-date - The `<time>` of the due date.
 * @csspart overdue - The overdue warning.
 * @csspart inactive - The inactivity warning.
 * @csspart level - The suggested level section; carries `data-change`.
 * @csspart reasons - Why that level.
 * @csspart adopt-button - "Switch to …".
 * @csspart keep-button - "Keep …".
 * @csspart nudges - The nudges that would be sent.
 *
 * @cssprop [--mk-panel-background=var(--mk-color-surface)] - Background of the card.
 * @cssprop [--mk-panel-border-color=var(--mk-color-border)] - Border colour of the card.
 * @cssprop [--mk-panel-radius=var(--mk-radius-lg)] - Corner radius of the card.
 * @cssprop [--mk-panel-padding=var(--mk-space-5)] - Inner spacing of the card.
 * @cssprop [--mk-panel-gap=var(--mk-space-4)] - Space between sections.
 */
export class MkCheckin extends MkElement {
  static override styles = [MkElement.styles, panelStyles, checkinStyles];

  /** Messages in the element's language; re-renders when `<html lang>` changes. */
  private readonly i18n = new LocaleController(this, 'mk-checkin', checkinMessages, checkinLanguages);
  /** The pairing's check-in view, computed by core (`kit.checkins.viewFor`), which installs the feature on the client. */
  private readonly view = new StoreController(this, () => this.viewStore());

  @state() private kept: CheckInLevel | undefined;
  @state() private busy = false;
  @state() private error: MentorKitError | undefined;
  @state() private notice: string | undefined;

  /** The pairing shown at the last update. */
  private followedPairingId: string | undefined;

  /** The pairing to show. Default: the client's current pairing (`kit.$currentPairingId`). */
  @property({ attribute: 'pairing-id', reflect: true }) pairingId?: string | undefined;

  /** Days without a session, message or goal update before the pair counts as inactive. */
  @property({ attribute: 'inactive-after-days', type: Number }) inactiveAfterDays = 21;

  /** Level of the heading (1–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** BCP 47 locale for dates. Default: the nearest `lang`, else the browser's. */
  @property() locale?: string | undefined;

  /** Words (reasons, nudges, level names); defaults to core's `CHECKIN_MESSAGES`. */
  @property({ attribute: false }) messages: CheckInMessages = CHECKIN_MESSAGES;

  protected override willUpdate(): void {
    // Another pairing: a choice, a message or an error of the previous one does not carry over.
    if (this.shownPairingId === this.followedPairingId) return;
    this.followedPairingId = this.shownPairingId;
    this.kept = undefined;
    this.error = undefined;
    this.notice = undefined;
  }

  /** The view's store for the shown pairing, the attribute's days (1–365, else 21), the kept level and the page language; none without a client or pairing. */
  private viewStore() {
    const kit = this.currentKit;
    const pairingId = this.shownPairingId;
    if (!kit || !pairingId) return undefined;
    try {
      return kit.use(checkInsFeature).viewFor(pairingId, {
        inactiveAfterDays: Math.min(365, Math.max(1, Math.trunc(this.inactiveAfterDays) || 21)),
        ...(this.kept ? { keptLevel: this.kept } : {}),
        ...(this.i18n.locale ? { locale: this.i18n.locale } : {}),
      });
    } catch (error) {
      // A `pairing-id` no pairing can have (e.g. longer than any id) shows as not found.
      if (isMentorKitError(error, 'invalid-input')) return undefined;
      throw error;
    }
  }

  /** A host catalogue set through `.messages` wins over the bundled translations. */
  private get customMessages(): boolean {
    return this.messages !== CHECKIN_MESSAGES;
  }

  private levelName(level: CheckInLevel): string {
    return this.customMessages ? this.messages.levels[level] : this.i18n.t(`level.${level}`);
  }

  private reasonText(reason: CheckInReason): string {
    if (this.customMessages) return checkInReasonText(reason, this.messages);
    const params =
      reason.code === 'overridden'
        ? { level: this.levelName(reason.params.level as CheckInLevel), suggested: this.levelName(reason.params.suggested as CheckInLevel) }
        : typeof reason.params.average === 'number'
          ? { ...reason.params, average: new Intl.NumberFormat(this.i18n.locale, { maximumFractionDigits: 1 }).format(reason.params.average) }
          : reason.params;
    return this.i18n.t(`reason.${reason.code}`, params);
  }

  private nudgeText(nudge: CheckInViewNudge): string {
    if (this.customMessages) return fillTemplate(this.messages.nudges[nudge.code], nudge.params);
    const params = typeof nudge.params.date === 'string' ? { ...nudge.params, date: formatCalendarDate(nudge.params.date, this.i18n.locale) } : nudge.params;
    return this.i18n.t(`nudge.${nudge.code}`, params);
  }

  private async handleAdopt(view: ReadyCheckInView, level: CheckInLevel): Promise<void> {
    const kit = this.currentKit;
    if (!kit || this.busy) return;
    this.busy = true;
    this.error = undefined;
    try {
      const stored = await kit.use(checkInsFeature).adoptLevel(view.pairingId, level, { expectedRevision: view.agreement.revision });
      this.notice = this.i18n.t('notice.adopted', { level: this.levelName(level), version: stored.version });
      this.kept = undefined;
      emit(this, 'mk-checkin-level-change', { pairingId: view.pairingId, level, version: stored.version });
    } catch (error) {
      this.error = error as MentorKitError;
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.error ? '[part~="error"]' : '[part~="notice"]')?.focus();
  }

  private handleKeep(level: CheckInLevel): void {
    this.kept = level;
    this.notice = this.i18n.t('notice.kept', { level: this.levelName(level) });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="notice"]')?.focus());
  }

  private renderHeading(): TemplateResult {
    const level = headingLevel(this.headingLevel);
    return html`<div part="heading" class="heading" role="heading" aria-level=${level} id="heading">${this.i18n.t('heading')}${this.renderPairingWith(this.shownPairingId, this.i18n.locale, (names) => this.i18n.t('with', { names }))}</div>`;
  }

  private renderReady(view: ReadyCheckInView, locale: string | undefined): TemplateResult {
    const { next: checkIn, activity, suggestion, agreement, nudges, now, timeZone } = view;
    const t = (id: string, parameters?: Record<string, string | number>) => this.i18n.t(id, parameters);
    const levelName = (level: CheckInLevel) => this.levelName(level);
    const reasons = suggestion.reasonCodes.map((reason) => this.reasonText(reason));
    return html`
      <section part="due" class="due" data-overdue=${String(checkIn.overdue)} aria-labelledby="due-heading">
        <h3 class="subheading" id="due-heading">${t('due.heading')}</h3>
        <p class="due-line">
          ${t(checkIn.overdue ? 'due.was-due' : 'due.due')} <time part="due-date" datetime=${checkIn.dueAt}>${formatDayTime(checkIn.dueAt, timeZone, locale, now)}</time>
          <span class="muted">(${formatRelativeDays(checkIn.dueInDays, locale)})</span>
        </p>
        <p class="muted">
          ${t('interval', { level: levelName(checkIn.level), days: checkIn.intervalDays })}
          ${checkIn.lastCheckInAt ? t(checkIn.lastCheckInKind === 'session' ? 'last.session' : 'last.message', { date: formatDayTime(checkIn.lastCheckInAt, timeZone, locale, now) }) : t('last.none')}
        </p>
        ${checkIn.nextSession ? html`<p class="muted">${t(checkIn.coveredByNextSession ? 'next-session.covers' : 'next-session', { date: formatDayTime(checkIn.nextSession.start, timeZone, locale, now) })}</p>` : nothing}
      </section>
      ${
        checkIn.overdue
          ? html`<div part="overdue" class="notice" data-tone="danger"><p class="notice-title">${t('overdue.title', { days: checkIn.overdueDays })}</p><p>${t('overdue.hint')}</p></div>`
          : checkIn.dueSoon
            ? html`<div part="due-soon" class="notice" data-tone="warning"><p class="notice-title">${t('due-soon.title')}</p></div>`
            : nothing
      }
      ${
        activity.inactive
          ? html`<div part="inactive" class="notice" data-tone="warning"><p class="notice-title">${t('inactive.title', { days: activity.daysInactive })}</p><p>${t('inactive.hint', { date: formatDayTime(activity.lastActivityAt!, timeZone, locale, now) })}</p></div>`
          : nothing
      }
      <section part="level" class="level" data-change=${suggestion.change} aria-labelledby="level-heading">
        <h3 class="subheading" id="level-heading">${t('level.heading')}</h3>
        <p>${t('level.agreed')} <strong>${levelName(agreement.checkInLevel)}</strong>${suggestion.suggested !== agreement.checkInLevel ? html` · ${t('level.suggested')} <strong>${levelName(suggestion.suggested)}</strong>` : html` · ${t('level.keep-it')}`}</p>
        <ul part="reasons" class="reasons">${reasons.map((reason) => html`<li>${reason}</li>`)}</ul>
        ${
          view.canAdopt
            ? html`<div class="actions">
              <button part="adopt-button" class="button" type="button" ?disabled=${this.busy} @click=${() => this.handleAdopt(view, suggestion.suggested)}>${t('level.adopt', { level: levelName(suggestion.suggested) })}</button>
              <button part="keep-button" class="button secondary" type="button" ?disabled=${this.busy} @click=${() => this.handleKeep(agreement.checkInLevel)}>${t('level.keep', { level: levelName(agreement.checkInLevel) })}</button>
            </div>`
            : nothing
        }
      </section>
      ${
        nudges.length > 0
          ? html`<section class="nudges-section" aria-labelledby="nudges-heading">
            <h3 class="subheading" id="nudges-heading">${t('nudges.heading')}</h3>
            <ul part="nudges" class="nudges">
              ${nudges.map(
                (nudge) =>
                  html`<li data-kind=${nudge.kind} data-person=${nudge.personId}><span class="nudge-who">${nudge.displayName}</span>, ${t('nudges.when', { time: formatDayTime(nudge.sendAt, nudge.timeZone, locale, now) })} <span class="nudge-text">${this.nudgeText(nudge)}</span></li>`,
              )}
            </ul>
          </section>`
          : nothing
      }
    `;
  }

  override render(): TemplateResult {
    const locale = this.i18n.locale;
    // Without a client or a pairing to show there is no view: the client's state, else not found.
    const view: CheckInView | undefined = this.view.value;
    const state = view ? view.state : this.loadState === 'ready' ? 'not-found' : this.loadState;
    let content: TemplateResult;
    if (state === 'loading') content = renderLoading(this.i18n.t('loading'), { skeleton: true });
    else if (state === 'error') {
      const failure = view?.state === 'error' ? view.error : undefined;
      content = renderLoadError(
        this.i18n.t('error.title'),
        failure ? errorText(failure, locale, false) : (this.loadErrorMessage ?? this.i18n.t('error.fallback')),
      );
    } else if (state === 'not-found')
      content = html`<div part="empty" class="empty"><p class="notice-title">${this.i18n.t('not-found.title')}</p><p class="hint">${this.i18n.t('not-found.hint')}</p></div>`;
    else if (state === 'no-agreement' || view?.state !== 'ready')
      content = html`<div part="empty" class="empty"><p class="notice-title">${this.i18n.t('no-agreement.title')}</p><p class="hint">${this.i18n.t('no-agreement.hint')}</p></div>`;
    else content = this.renderReady(view, locale);
    return html`<div part="base" class="card" data-state=${state} aria-busy=${state === 'loading' || this.busy ? 'true' : 'false'}>
      ${this.renderHeading()}
      ${this.notice ? html`<p part="notice" class="notice" data-tone="success" role="status" tabindex="-1">${this.notice}</p>` : nothing}
      ${this.error ? html`<div part="error" class="notice" data-tone="danger" role="alert" tabindex="-1"><p class="notice-title">${this.i18n.t('error.action')}</p><p>${errorText(this.error, this.i18n.locale, false)}</p></div>` : nothing}
      ${content}
    </div>`;
  }
}
