import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Collections, type MentorKitError, type Pairing, type StoredRecord } from '@mentorkit/core';
import { agreementCheckInInput, agreementsFeature, type Agreement } from '@mentorkit/core/agreements';
import { sessionsFeature } from '@mentorkit/core/scheduling';
import {
  CHECKIN_MESSAGES,
  checkInNudges,
  nextCheckIn,
  pairActivity,
  suggestCheckInLevel,
  type CheckInLevel,
  type CheckInMessages,
  type CheckInReason,
  type Nudge,
} from '@mentorkit/core/checkins';
import { emit } from '../internal/emit.js';
import { browserTimeZone, formatCalendarDate, formatDayTime, formatRelativeDays } from '../internal/format.js';
import { LocaleController } from '../internal/localize.js';
import { errorText } from '../field-errors/field-errors.js';
import { checkinLanguages, checkinMessages } from './checkin.messages.js';
import { ClockController } from '../internal/clock-controller.js';
import { headingLevel } from '../internal/heading-level.js';
import { renderLoadError, renderLoading } from '../internal/frame.js';
import { MkElement } from '../internal/mk-element.js';
import { nameOf, pairingById } from '../internal/people.js';
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
 * their level. Text follows the page language (English, and Spanish loaded on first use: `checkin.messages.ts`, `.es.ts`;
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

  private readonly agreements = new StoreController(this, () => (this.currentKit ? this.currentKit.use(agreementsFeature).$agreements : undefined));
  private readonly people = new StoreController(this, () => this.currentKit?.$people);
  private readonly pairings = new StoreController(this, () => this.currentKit?.$pairings);
  private readonly sessions = new StoreController(this, () => (this.currentKit ? this.currentKit.use(sessionsFeature).$sessions : undefined));
  private readonly messagesStore = new StoreController(this, () => this.currentKit?.collection(Collections.messages).$records);
  private readonly goals = new StoreController(this, () => this.currentKit?.collection(Collections.goals).$records);
  private readonly feedback = new StoreController(this, () => this.currentKit?.collection(Collections.feedback).$records);
  private readonly clock = new ClockController(this);
  /** Messages in the element's language; re-renders when `<html lang>` changes. */
  private readonly i18n = new LocaleController(this, 'mk-checkin', checkinMessages, checkinLanguages);

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

  /** A host catalogue set through `.messages` wins over the bundled translations. */
  private get customMessages(): boolean {
    return this.messages !== CHECKIN_MESSAGES;
  }

  private levelName(level: CheckInLevel): string {
    return this.customMessages ? this.messages.levels[level] : this.i18n.t(`level.${level}`);
  }

  private reasonText(reason: CheckInReason): string {
    const params =
      reason.code === 'overridden'
        ? { level: this.levelName(reason.params.level as CheckInLevel), suggested: this.levelName(reason.params.suggested as CheckInLevel) }
        : typeof reason.params.average === 'number'
          ? { ...reason.params, average: new Intl.NumberFormat(this.i18n.locale, { maximumFractionDigits: 1 }).format(reason.params.average) }
          : reason.params;
    return this.i18n.t(`reason.${reason.code}`, params);
  }

  private nudgeText(nudge: Nudge): string {
    if (this.customMessages) return nudge.message;
    const params = typeof nudge.params.date === 'string' ? { ...nudge.params, date: formatCalendarDate(nudge.params.date, this.i18n.locale) } : nudge.params;
    return this.i18n.t(`nudge.${nudge.code}`, params);
  }

  private get agreement(): Agreement | undefined {
    return this.agreements.value?.find((agreement) => agreement.pairingId === this.shownPairingId);
  }

  private ofPairing(records: readonly StoredRecord[] | undefined): Array<StoredRecord & Record<string, unknown>> {
    return (records ?? []).filter((record) => record.pairingId === this.shownPairingId) as Array<StoredRecord & Record<string, unknown>>;
  }

  private async handleAdopt(agreement: Agreement, level: CheckInLevel): Promise<void> {
    const kit = this.currentKit;
    if (!kit || this.busy) return;
    this.busy = true;
    this.error = undefined;
    try {
      const stored = await kit.use(agreementsFeature).update(agreement.id, { checkInLevel: level }, { expectedRevision: agreement.revision });
      this.notice = this.i18n.t('notice.adopted', { level: this.levelName(level), version: stored.version });
      this.kept = undefined;
      emit(this, 'mk-checkin-level-change', { pairingId: agreement.pairingId, level, version: stored.version });
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

  private renderReady(pairing: Pairing, agreement: Agreement, locale: string | undefined): TemplateResult {
    const kit = this.currentKit!;
    const now = kit.now();
    const input = agreementCheckInInput(agreement);
    const viewerZone = input.participants.find((participant) => participant.personId === kit.user.id)?.timeZone ?? kit.$me.get()?.timeZone ?? browserTimeZone();
    const sessions = (this.sessions.value ?? []).filter((session) => session.pairingId === pairing.id);
    const messages = this.ofPairing(this.messagesStore.value).map((message) => ({
      authorId: String(message.authorId),
      ...(typeof message.sentAt === 'string' ? { sentAt: message.sentAt } : {}),
      ...(typeof message.createdAt === 'string' ? { createdAt: message.createdAt } : {}),
    }));
    const goals = this.ofPairing(this.goals.value).map((goal) => ({
      updatedAt: goal.updatedAt,
      ...(typeof goal.status === 'string' ? { status: goal.status } : {}),
      archived: goal.archived === true,
    }));
    const feedback = this.ofPairing(this.feedback.value)
      .filter((entry) => typeof entry.rating === 'number')
      .map((entry) => ({ rating: entry.rating as number, updatedAt: entry.updatedAt }));
    const checkIn = nextCheckIn({
      agreement: input,
      sessions,
      messages,
      mentorIds: pairing.mentorIds,
      ...(pairing.startedOn ? { startedAt: `${pairing.startedOn}T00:00:00Z` } : {}),
      now,
      timeZone: viewerZone,
    });
    const activity = pairActivity({
      sessions,
      messages,
      goals,
      ...(pairing.startedOn ? { startedAt: `${pairing.startedOn}T00:00:00Z` } : {}),
      now,
      inactiveAfterDays: Math.min(365, Math.max(1, Math.trunc(this.inactiveAfterDays) || 21)),
    });
    const suggestion = suggestCheckInLevel({
      current: agreement.checkInLevel,
      feedback,
      goals,
      sessions,
      messages: this.messages,
      ...(this.kept ? { override: this.kept } : {}),
    });
    // The agreement's people with their agreed zones and hours; other members (a co-mentor who does not join sessions) from their profiles.
    const people = [
      ...input.participants.map((participant) => ({
        personId: participant.personId,
        displayName: nameOf(this.people.value, participant.personId),
        timeZone: participant.timeZone,
        workingHours: participant.workingHours as Record<string, string[]>,
        offLimitsDays: participant.offLimitsDays,
        offLimitsDates: participant.offLimitsDates,
      })),
      ...[pairing.menteeId, ...pairing.mentorIds]
        .filter((personId) => !input.participants.some((participant) => participant.personId === personId))
        .map((personId) => {
          const person = this.people.value?.[personId];
          return {
            personId,
            displayName: nameOf(this.people.value, personId),
            timeZone: person?.timeZone ?? 'UTC',
            workingHours: (person?.workingHours ?? {}) as Record<string, string[]>,
            offLimitsDays: person?.offLimitsDays ?? [],
            offLimitsDates: person?.offLimitsDates ?? [],
          };
        }),
    ];
    const nudges = checkInNudges({
      pairingId: pairing.id,
      menteeId: pairing.menteeId,
      mentorIds: pairing.mentorIds,
      people,
      checkIn,
      activity,
      now,
      messages: this.messages,
      ...(this.i18n.locale ? { locale: this.i18n.locale } : {}),
    });
    const member = [pairing.menteeId, ...pairing.mentorIds].includes(kit.user.id);
    const t = (id: string, parameters?: Record<string, string | number>) => this.i18n.t(id, parameters);
    const levelName = (level: CheckInLevel) => this.levelName(level);
    const reasons = this.customMessages ? suggestion.reasons : suggestion.reasonCodes.map((reason) => this.reasonText(reason));
    return html`
      <section part="due" class="due" data-overdue=${String(checkIn.overdue)} aria-labelledby="due-heading">
        <h3 class="subheading" id="due-heading">${t('due.heading')}</h3>
        <p class="due-line">
          ${t(checkIn.overdue ? 'due.was-due' : 'due.due')} <time part="due-date" datetime=${checkIn.dueAt}>${formatDayTime(checkIn.dueAt, viewerZone, locale, now)}</time>
          <span class="muted">(${formatRelativeDays(checkIn.dueInDays, locale)})</span>
        </p>
        <p class="muted">
          ${t('interval', { level: levelName(checkIn.level), days: checkIn.intervalDays })}
          ${checkIn.lastCheckInAt ? t(checkIn.lastCheckInKind === 'session' ? 'last.session' : 'last.message', { date: formatDayTime(checkIn.lastCheckInAt, viewerZone, locale, now) }) : t('last.none')}
        </p>
        ${checkIn.nextSession ? html`<p class="muted">${t(checkIn.coveredByNextSession ? 'next-session.covers' : 'next-session', { date: formatDayTime(checkIn.nextSession.start, viewerZone, locale, now) })}</p>` : nothing}
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
          ? html`<div part="inactive" class="notice" data-tone="warning"><p class="notice-title">${t('inactive.title', { days: activity.daysInactive })}</p><p>${t('inactive.hint', { date: formatDayTime(activity.lastActivityAt!, viewerZone, locale, now) })}</p></div>`
          : nothing
      }
      <section part="level" class="level" data-change=${suggestion.change} aria-labelledby="level-heading">
        <h3 class="subheading" id="level-heading">${t('level.heading')}</h3>
        <p>${t('level.agreed')} <strong>${levelName(agreement.checkInLevel)}</strong>${suggestion.suggested !== agreement.checkInLevel ? html` · ${t('level.suggested')} <strong>${levelName(suggestion.suggested)}</strong>` : html` · ${t('level.keep-it')}`}</p>
        <ul part="reasons" class="reasons">${reasons.map((reason) => html`<li>${reason}</li>`)}</ul>
        ${
          member && suggestion.suggested !== agreement.checkInLevel && this.kept === undefined
            ? html`<div class="actions">
              <button part="adopt-button" class="button" type="button" ?disabled=${this.busy} @click=${() => this.handleAdopt(agreement, suggestion.suggested)}>${t('level.adopt', { level: levelName(suggestion.suggested) })}</button>
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
              ${nudges.map((nudge) => {
                const zone = people.find((person) => person.personId === nudge.personId)?.timeZone ?? 'UTC';
                return html`<li data-kind=${nudge.kind} data-person=${nudge.personId}><span class="nudge-who">${nameOf(this.people.value, nudge.personId)}</span>, ${t('nudges.when', { time: formatDayTime(nudge.sendAt, zone, locale, now) })} <span class="nudge-text">${this.nudgeText(nudge)}</span></li>`;
              })}
            </ul>
          </section>`
          : nothing
      }
    `;
  }

  override render(): TemplateResult {
    const status = this.loadState;
    const locale = this.i18n.locale;
    let content: TemplateResult;
    let state: string = status;
    if (status === 'loading') content = renderLoading(this.i18n.t('loading'), { skeleton: true });
    else if (status === 'error') content = renderLoadError(this.i18n.t('error.title'), this.loadErrorMessage ?? this.i18n.t('error.fallback'));
    else {
      const pairing = pairingById(this.pairings.value, this.shownPairingId);
      const agreement = this.agreement;
      if (!pairing) {
        state = 'not-found';
        content = html`<div part="empty" class="empty"><p class="notice-title">${this.i18n.t('not-found.title')}</p><p class="hint">${this.i18n.t('not-found.hint')}</p></div>`;
      } else if (!agreement) {
        state = 'no-agreement';
        content = html`<div part="empty" class="empty"><p class="notice-title">${this.i18n.t('no-agreement.title')}</p><p class="hint">${this.i18n.t('no-agreement.hint')}</p></div>`;
      } else {
        content = this.renderReady(pairing, agreement, locale);
        state = 'ready';
      }
    }
    return html`<div part="base" class="card" data-state=${state} aria-busy=${status === 'loading' || this.busy ? 'true' : 'false'}>
      ${this.renderHeading()}
      ${this.notice ? html`<p part="notice" class="notice" data-tone="success" role="status" tabindex="-1">${this.notice}</p>` : nothing}
      ${this.error ? html`<div part="error" class="notice" data-tone="danger" role="alert" tabindex="-1"><p class="notice-title">${this.i18n.t('error.action')}</p><p>${errorText(this.error, this.i18n.locale, false)}</p></div>` : nothing}
      ${content}
    </div>`;
  }
}
