import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml } from 'lit/static-html.js';
import {
  counterparts,
  availabilityAt,
  availabilityOf,
  daysBetween,
  isHttpUrl,
  localTimeOf,
  roleInPairing,
  type LocalTime,
  isMentorKitError,
  type MentorAvailability,
  type Pairing,
  type PairingRole,
  type Person,
} from '@mentorkit/core';
import { unreadCountsOf } from '@mentorkit/core/messaging';
import { ClockController } from '../internal/clock-controller.js';
import { emit } from '../internal/emit.js';
import {
  browserTimeZone,
  formatCalendarDate,
  formatList,
  formatLongCalendarDate,
  formatRelativeDays,
  formatWallClock,
  initialsOf,
} from '../internal/format.js';
import { LocaleController } from '../internal/localize.js';
import { headingTag } from '../internal/heading.js';
import { MkElement } from '../internal/mk-element.js';
import { StoreController } from '../internal/store-controller.js';
import { pairingCardLanguages, pairingCardMessages } from './pairing-card.messages.js';
import { pairingCardStyles } from './pairing-card.styles.js';

export interface MkPairingSelectDetail {
  /** Id of the pairing the user activated. */
  pairingId: string;
}

export interface MkAvailabilityChangeDetail {
  /** The signed-in mentor's availability as saved. */
  availability: MentorAvailability;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-pairing-select': CustomEvent<MkPairingSelectDetail>;
    'mk-availability-change': CustomEvent<MkAvailabilityChangeDetail>;
  }
}

type AvailabilityDraft = { status: MentorAvailability['status']; until: string; note: string };

/** Icons beside a mentor's availability (decorative: the text beside them says it). */
const MENTORING_ICONS: Record<'taking-mentees' | 'not-taking-mentees' | 'away' | 'back', SVGTemplateResult> = {
  'taking-mentees': svg`<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M5 8.2l2 2 4-4.2" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/>`,
  back: svg`<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M5 8.2l2 2 4-4.2" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/>`,
  'not-taking-mentees': svg`<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M4.5 8h7" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/>`,
  away: svg`<rect x="2" y="3" width="12" height="11" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M2 6.5h12M5.5 1.5v3M10.5 1.5v3" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/>`,
};

/**
 * @summary The signed-in person's mentoring pairings: who they are paired with, in which role, and
 * what time it is for each of them right now.
 *
 * @description Lists the pairings of the current user (`kit.$myPairings`), active ones first.
 * For each pairing it shows the status (proposed, active, paused, closed), the kind (official or
 * informal), the programme and the other members — mentee, mentor and co-mentor — with their time
 * zone, UTC offset and local time, updated every minute and formatted in the viewer's locale: the
 * weekday appears when their day differs from the viewer's, and a note says whether it is within
 * their working hours ("23:10 · outside working hours"). Mentors also show whether they take mentees
 * (the person's `availability`, read with core's `availabilityOf` on their own calendar): "Taking
 * mentees", "Not taking mentees", "Away until Tuesday 12 January" or, the day after, "Back today".
 *
 * Unread messages show where they are: "2 unread messages" on the pairing (its conversation and, for
 * mentors, the mentors' notes) and "1 unread" beside the person who wrote them — core's counts
 * (`unreadCountsOf(kit)` from `@mentorkit/core/messaging`), without loading the messaging commands.
 *
 * Each pairing's name is a button: activating it (click, Enter or Space) fires
 * `mk-pairing-select` (cancelable) and makes it the client's current pairing (`kit.selectPairing`),
 * which every MentorKit element without its own `pairing-id` follows; the current one carries
 * `aria-current="true"` and a "Shown in every panel" badge (`part="current"`, and `data-current` on the
 * pairing) when there is more than one. Set `pairing-id` to show one
 * pairing only. The element gets its client from an enclosing `<mk-provider>` or its `.kit`.
 *
 * A signed-in mentor also sees their own availability above the list, with a "Change" button that
 * opens a small form (taking mentees, not taking mentees, or away — until a last day or until further
 * notice — and a short note) saved to their profile (`kit.people.save`); matching reads it.
 *
 * @fires {CustomEvent<MkPairingSelectDetail>} mk-pairing-select - The user activated a pairing: `detail.pairingId`. Cancelable: prevents making it the current pairing.
 * @fires {CustomEvent<MkAvailabilityChangeDetail>} mk-availability-change - The signed-in mentor saved their availability: `detail.availability`.
 *
 * @csspart base - The card.
 * @csspart heading - The card's heading.
 * @csspart loading - The loading message.
 * @csspart skeleton - A placeholder row shown while loading.
 * @csspart error - The error box (`role="alert"`).
 * @csspart error-message - The error's own message inside the error box.
 * @csspart empty - The box shown when there is nothing to list.
 * @csspart empty-title - The main sentence of the empty box.
 * @csspart hint - The hint under it.
 * @csspart list - The list of pairings.
 * @csspart pairing - One pairing (a list item); carries `data-status`.
 * @csspart pairing-heading - The heading of a pairing.
 * @csspart pairing-button - The button that selects a pairing (the other members' names).
 * @csspart pairing-meta - The line with badges, programme, dates and your role.
 * @csspart badge - Every badge (status and kind).
 * @csspart status - The status badge; carries `data-status`.
 * @csspart kind - The kind badge (official or informal).
 * @csspart current - The "Shown in every panel" badge of the current pairing.
 * @csspart unread - "2 unread messages": the pairing's unread messages (conversation and, for mentors, the mentors' notes).
 * @csspart program - The programme name.
 * @csspart since - When the pairing started or ended.
 * @csspart your-role - "You are the mentee", …
 * @csspart people - The list of the other members.
 * @csspart person - One member (a list item); carries `data-role`.
 * @csspart avatar - The member's picture, or their initials.
 * @csspart person-details - Everything next to the avatar.
 * @csspart person-name - The member's name.
 * @csspart person-role - The member's role badge (mentee, mentor, co-mentor).
 * @csspart person-unread - "2 unread": messages from this person you have not read.
 * @csspart person-headline - The member's headline (job title).
 * @csspart facts - The local time and time-zone list of a member.
 * @csspart fact-label - A label in that list ("Local time", "Time zone").
 * @csspart local-time - The `<time>` with the member's local time.
 * @csspart day - "tomorrow" / "yesterday" when their day differs from yours.
 * @csspart availability - Within / outside working hours, or an off-limits day; carries `data-availability`.
 * @csspart mentoring - A mentor's availability for mentees: "Taking mentees", "Not taking mentees", "Away until Tuesday 12 January", "Back today" (and their note); carries `data-status` (`taking-mentees`, `not-taking-mentees`, `away`, `back`).
 * @csspart mentoring-icon - The icon before it (decorative; the text carries the meaning).
 * @csspart my-availability - The signed-in mentor's own availability (mentors only; not with `pairing-id`).
 * @csspart availability-change - Its "Change" button (`aria-expanded`).
 * @csspart availability-form - The form that changes it.
 * @csspart availability-save - The form's Save button.
 * @csspart availability-error - Why saving failed (`role="alert"`).
 * @csspart time-zone - The member's time zone.
 * @csspart offset - Their UTC offset.
 *
 * @cssprop [--mk-pairing-card-background=var(--mk-color-surface)] - Background of the card.
 * @cssprop [--mk-pairing-card-item-background=var(--mk-color-surface-raised)] - Background of each pairing.
 * @cssprop [--mk-pairing-card-border-color=var(--mk-color-border)] - Border colour of the card and pairings.
 * @cssprop [--mk-pairing-card-radius=var(--mk-radius-lg)] - Corner radius of the card.
 * @cssprop [--mk-pairing-card-padding=var(--mk-space-5)] - Inner spacing of the card.
 * @cssprop [--mk-pairing-card-gap=var(--mk-space-4)] - Space between pairings.
 * @cssprop [--mk-pairing-card-avatar-size=2.5rem] - Size of the avatars.
 */
export class MkPairingCard extends MkElement {
  static override styles = [MkElement.styles, pairingCardStyles];

  private readonly myPairings = new StoreController(this, () => this.currentKit?.$myPairings);
  private readonly people = new StoreController(this, () => this.currentKit?.$people);
  private readonly programs = new StoreController(this, () => this.currentKit?.$programs);
  private readonly me = new StoreController(this, () => this.currentKit?.$me);
  /** Unread messages per pairing (core's counts, without the messaging commands). */
  private readonly unread = new StoreController(this, () => (this.currentKit ? unreadCountsOf(this.currentKit) : undefined));
  /** Re-renders at every new minute, so local times stay current. */
  private readonly clock = new ClockController(this);
  /** Messages in the element's language; re-renders when `<html lang>` changes. */
  private readonly i18n = new LocaleController(this, 'mk-pairing-card', pairingCardMessages, pairingCardLanguages);

  /** The signed-in mentor's availability form, while it is open. */
  @state() private availabilityDraft: AvailabilityDraft | undefined;
  @state() private availabilitySaving = false;
  @state() private availabilityError = '';

  /** Show only this pairing (by id) instead of all of the user's pairings. */
  @property({ attribute: 'pairing-id', reflect: true }) pairingId?: string | undefined;

  /** Level of the card's heading (1–6); each pairing's heading is one level below. */
  @property({ attribute: 'heading-level', type: Number, reflect: true }) headingLevel = 2;

  /** Text of the card's heading. Default: "Your pairings" (or "Your pairing" with `pairing-id`). */
  @property() label?: string | undefined;

  /** BCP 47 locale for times and dates, e.g. `en-GB`. Default: the nearest `lang` attribute, else the browser's. */
  @property() locale?: string | undefined;

  private openAvailability(): void {
    const current = this.me.value?.availability;
    this.availabilityError = '';
    this.availabilityDraft = { status: current?.status ?? 'taking-mentees', until: current?.until ?? '', note: current?.note ?? '' };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('[part~="availability-form"] input[name="status"]:checked')?.focus());
  }

  private closeAvailability(): void {
    this.availabilityDraft = undefined;
    this.availabilityError = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('[part~="availability-change"]')?.focus());
  }

  private readonly onAvailabilitySubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const kit = this.currentKit;
    const me = this.me.value;
    const draft = this.availabilityDraft;
    if (!kit || !me || !draft || this.availabilitySaving) return;
    const note = draft.note.trim();
    const availability: MentorAvailability = {
      status: draft.status,
      ...(draft.status === 'away' && draft.until ? { until: draft.until } : {}),
      ...(note ? { note } : {}),
    };
    this.availabilitySaving = true;
    this.availabilityError = '';
    try {
      const saved = await kit.people.save({ ...me, availability });
      emit(this, 'mk-availability-change', { availability: saved.availability ?? availability });
      this.closeAvailability();
    } catch (error) {
      this.availabilityError = isMentorKitError(error) ? error.message : String(error);
    } finally {
      this.availabilitySaving = false;
    }
  };

  /** Makes the pairing the client's current one (every panel follows it), unless the host cancels `mk-pairing-select`. */
  private handleSelect(pairingId: string): void {
    if (emit(this, 'mk-pairing-select', { pairingId }, { cancelable: true }).defaultPrevented) return;
    this.currentKit?.selectPairing(pairingId);
  }

  private get visiblePairings(): readonly Pairing[] {
    const pairings = this.myPairings.value ?? [];
    return this.pairingId === undefined ? pairings : pairings.filter((pairing) => pairing.id === this.pairingId);
  }

  private renderHeading(text: string): TemplateResult {
    return staticHtml`<${headingTag(this.headingLevel)} part="heading" class="heading" id="heading">${text}</${headingTag(this.headingLevel)}>`;
  }

  /** Loading: the text and two skeleton rows shaped like pairings (its own, not the base's frame). */
  private renderLoadingCard(): TemplateResult {
    return html`
      <p part="loading" class="loading">${this.i18n.t('loading')}</p>
      <div part="skeleton" class="skeleton" aria-hidden="true"></div>
      <div part="skeleton" class="skeleton" aria-hidden="true"></div>
    `;
  }

  /** The client could not load: the problem in the card's own error look (`part="error-message"`). */
  private renderErrorCard(message: string | undefined): TemplateResult {
    return html`
      <div part="error" class="error" role="alert">
        <p class="error-title">${this.i18n.t('error.title')}</p>
        <p part="error-message" class="error-message">${message ?? this.i18n.t('error.fallback')}</p>
      </div>
    `;
  }

  private renderEmpty(): TemplateResult {
    if (this.pairingId !== undefined) {
      return html`
        <div part="empty" class="empty">
          <p part="empty-title" class="empty-title">${this.i18n.t('empty.one.title')}</p>
          <p part="hint" class="hint">${this.i18n.t('empty.one.hint')}</p>
        </div>
      `;
    }
    return html`
      <div part="empty" class="empty">
        <p part="empty-title" class="empty-title">${this.i18n.t('empty.all.title')}</p>
        <p part="hint" class="hint">${this.i18n.t('empty.all.hint')}</p>
      </div>
    `;
  }

  /** A mentor's availability for mentees, as text with a decorative icon. */
  private renderMentoring(
    person: Person,
    local: LocalTime | undefined,
    context: { instant: string; viewerDate: string; locale: string | undefined },
  ): TemplateResult {
    const now = availabilityOf(person, context.instant);
    const backToday = now.back === true && now.until !== undefined && local !== undefined && daysBetween(now.until, local.date) === 1;
    const status = backToday ? 'back' : now.status;
    const label =
      status === 'back'
        ? this.i18n.t('mentoring.back-today')
        : now.status === 'away'
          ? now.until !== undefined
            ? this.i18n.t('mentoring.away-until', { date: formatLongCalendarDate(now.until, context.locale, context.viewerDate.slice(0, 4)) })
            : this.i18n.t('mentoring.away')
          : this.i18n.t(`mentoring.${now.status}`);
    return html`<p part="mentoring" class="mentoring" data-status=${status}>
      <svg part="mentoring-icon" class="mentoring-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${MENTORING_ICONS[status]}</svg>
      <span>${label}</span>${now.note ? html`<span class="separator" aria-hidden="true"> · </span><span class="mentoring-note">${now.note}</span>` : nothing}
    </p>`;
  }

  /** The signed-in mentor's own availability, and the form that changes it. */
  private renderMyAvailability(me: Person, context: { instant: string; viewerDate: string; locale: string | undefined }): TemplateResult {
    const draft = this.availabilityDraft;
    let local: LocalTime | undefined;
    try {
      local = localTimeOf(me.timeZone, context.instant);
    } catch {
      local = undefined;
    }
    const statuses = ['taking-mentees', 'not-taking-mentees', 'away'] as const;
    const update = (changes: Partial<AvailabilityDraft>) => (this.availabilityDraft = { ...this.availabilityDraft!, ...changes });
    return html`<section part="my-availability" class="my-availability" aria-labelledby="my-availability-label">
      <div class="my-availability-row">
        <span id="my-availability-label" class="my-availability-label">${this.i18n.t('mine.label')}</span>
        ${this.renderMentoring(me, local, context)}
        <button type="button" part="availability-change" class="availability-change" aria-expanded=${draft ? 'true' : 'false'} aria-controls="availability-form" @click=${() => (draft ? this.closeAvailability() : this.openAvailability())}>
          ${this.i18n.t('mine.change')}<span class="visually-hidden"> ${this.i18n.t('mine.label')}</span>
        </button>
      </div>
      ${
        draft
          ? html`<form id="availability-form" part="availability-form" class="availability-form" @submit=${this.onAvailabilitySubmit} aria-busy=${this.availabilitySaving ? 'true' : 'false'}>
            <fieldset>
              <legend>${this.i18n.t('mine.legend')}</legend>
              ${statuses.map(
                (status) => html`<label class="choice">
                  <input type="radio" name="status" value=${status} .checked=${draft.status === status} @change=${() => update({ status })} />
                  ${this.i18n.t(status === 'away' ? 'mine.away' : `mentoring.${status}`)}
                </label>`,
              )}
            </fieldset>
            ${
              draft.status === 'away'
                ? html`<label class="field">${this.i18n.t('mine.until')}
                  <input type="date" name="until" .value=${draft.until} aria-describedby="availability-until-hint" @change=${(event: Event) => update({ until: (event.target as HTMLInputElement).value })} />
                </label>
                <p id="availability-until-hint" class="hint">${this.i18n.t('mine.until-hint')}</p>`
                : nothing
            }
            <label class="field">${this.i18n.t('mine.note')}
              <input type="text" name="note" maxlength="200" .value=${draft.note} @input=${(event: Event) => update({ note: (event.target as HTMLInputElement).value })} />
            </label>
            ${this.availabilityError ? html`<p part="availability-error" class="error-message" role="alert">${this.availabilityError}</p>` : nothing}
            <div class="form-actions">
              <button type="submit" part="availability-save" aria-disabled=${this.availabilitySaving ? 'true' : 'false'}>${this.i18n.t('mine.save')}</button>
              <button type="button" @click=${() => this.closeAvailability()}>${this.i18n.t('mine.cancel')}</button>
            </div>
          </form>`
          : nothing
      }
    </section>`;
  }

  private renderPerson(personId: string, role: PairingRole, context: { instant: string; viewerDate: string; locale: string | undefined }): TemplateResult {
    const person = this.people.value?.[personId];
    const displayName = person?.displayName ?? this.i18n.t('person.unknown');
    let local: LocalTime | undefined;
    try {
      local = person ? localTimeOf(person.timeZone, context.instant) : undefined;
    } catch {
      local = undefined;
    }
    const dayOffset = local ? daysBetween(context.viewerDate, local.date) : 0;
    const availability = person && local ? availabilityAt(local, person) : 'no-hours';
    // Messages from this person you have not read (core's counts per author).
    const unreadFrom = this.unread.value?.people[personId] ?? 0;
    const avatar =
      person?.avatarUrl && isHttpUrl(person.avatarUrl)
        ? html`<img part="avatar" class="avatar" src=${person.avatarUrl} alt="" width="40" height="40" loading="lazy" referrerpolicy="no-referrer" />`
        : html`<span part="avatar" class="avatar initials" aria-hidden="true">${initialsOf(displayName)}</span>`;
    return html`
      <li part="person" class="person" data-role=${role}>
        ${avatar}
        <div part="person-details" class="person-details">
          <p class="person-title">
            <span part="person-name" class="person-name">${displayName}</span>
            <span part="person-role" class="person-role" data-role=${role}>${this.i18n.t(`role.${role}`)}</span>
            ${unreadFrom > 0 ? html`<span part="person-unread" class="person-unread">${this.i18n.t('person.unread', { count: unreadFrom })}</span>` : nothing}
          </p>
          ${person?.headline ? html`<p part="person-headline" class="person-headline">${person.headline}</p>` : nothing}
          ${person && role !== 'mentee' && person.roles.includes('mentor') ? this.renderMentoring(person, local, context) : nothing}
          ${
            person && local
              ? html`
                <dl part="facts" class="facts">
                  <div class="fact">
                    <dt part="fact-label" class="fact-label">${this.i18n.t('fact.local-time')}</dt>
                    <dd class="fact-value">
                      <time part="local-time" class="local-time" datetime=${`${local.date}T${local.time}${local.offset}`}>${formatWallClock(context.instant, person.timeZone, context.locale, { weekday: dayOffset !== 0 })}</time>
                      ${dayOffset !== 0 ? html` <span part="day" class="day">(${formatRelativeDays(dayOffset, context.locale)})</span>` : nothing}
                      ${
                        availability !== 'no-hours'
                          ? html`<span class="separator" aria-hidden="true"> · </span><span part="availability" class="availability" data-availability=${availability}>${this.i18n.t(`availability.${availability}`)}</span>`
                          : nothing
                      }
                    </dd>
                  </div>
                  <div class="fact">
                    <dt part="fact-label" class="fact-label">${this.i18n.t('fact.time-zone')}</dt>
                    <dd class="fact-value">
                      <span part="time-zone" class="time-zone">${person.timeZone.replaceAll('_', ' ')}</span>
                      <span class="separator" aria-hidden="true"> · </span><span part="offset" class="offset">UTC${local.offset}</span>
                    </dd>
                  </div>
                </dl>
              `
              : nothing
          }
        </div>
      </li>
    `;
  }

  private renderPairing(
    pairing: Pairing,
    index: number,
    context: { instant: string; viewerDate: string; locale: string | undefined; viewerId: string; current: string | undefined },
  ): TemplateResult {
    const others = counterparts(pairing, context.viewerId);
    const names = others.map(({ personId }) => this.people.value?.[personId]?.displayName ?? this.i18n.t('person.unknown'));
    const myRole = roleInPairing(pairing, context.viewerId);
    const program = this.programs.value?.find((candidate) => candidate.id === pairing.programId);
    const metaId = `pairing-${index}-meta`;
    const since =
      pairing.status === 'closed' && pairing.endedOn
        ? this.i18n.t('ended', { date: formatCalendarDate(pairing.endedOn, context.locale) })
        : pairing.startedOn && pairing.status !== 'proposed'
          ? this.i18n.t('since', { date: formatCalendarDate(pairing.startedOn, context.locale) })
          : undefined;
    const subheadingTag = headingTag(Math.min(this.headingLevel + 1, 6));
    const current = pairing.id === context.current;
    const unread = this.unread.value?.pairings[pairing.id]?.total ?? 0;
    return html`
      <li part="pairing" class="pairing" data-status=${pairing.status} ?data-current=${current}>
        ${staticHtml`<${subheadingTag} part="pairing-heading" class="pairing-heading">
          <button part="pairing-button" class="pairing-button" type="button" aria-current=${current ? 'true' : nothing} aria-describedby=${metaId} @click=${() => this.handleSelect(pairing.id)}>${formatList(names, context.locale)}</button>
        </${subheadingTag}>`}
        <p part="pairing-meta" class="pairing-meta" id=${metaId}>
          ${current ? html`<span part="badge current" class="badge current">${this.i18n.t('current')}</span>` : nothing}
          ${unread > 0 ? html`<span part="badge unread" class="badge unread">${this.i18n.t('unread', { count: unread })}</span>` : nothing}
          <span part="badge status" class="badge status" data-status=${pairing.status}>${this.i18n.t(`status.${pairing.status}`)}</span>
          <span part="badge kind" class="badge kind">${this.i18n.t(`kind.${pairing.kind}`)}</span>
          ${program ? html`<span part="program" class="program">${program.name}</span>` : nothing}
          ${since ? html`<span part="since" class="since">${since}</span>` : nothing}
          ${myRole ? html`<span part="your-role" class="your-role">${this.i18n.t(`you-are.${myRole}`)}</span>` : nothing}
        </p>
        <ul part="people" class="people" role="list">
          ${others.map(({ personId, role }) => this.renderPerson(personId, role, context))}
        </ul>
      </li>
    `;
  }

  private renderPairings(pairings: readonly Pairing[]): TemplateResult {
    const kit = this.currentKit;
    if (!kit) return this.renderLoadingCard();
    const instant = kit.now();
    const viewerZone = this.me.value?.timeZone ?? browserTimeZone();
    // Which pairing every panel shows, marked when there is a choice.
    const current = pairings.length > 1 ? this.shownPairingId : undefined;
    const context = { instant, viewerDate: localTimeOf(viewerZone, instant).date, locale: this.i18n.locale, viewerId: kit.user.id, current };
    return html`
      <ul part="list" class="list" role="list" aria-labelledby="heading">
        ${pairings.map((pairing, index) => this.renderPairing(pairing, index, context))}
      </ul>
    `;
  }

  override render(): TemplateResult {
    const status = this.loadState;
    const pairings = status === 'ready' ? this.visiblePairings : [];
    const headingText = this.label ?? this.i18n.t(this.pairingId === undefined ? 'heading.all' : 'heading.one');
    let content: TemplateResult;
    if (status === 'loading') content = this.renderLoadingCard();
    else if (status === 'error') content = this.renderErrorCard(this.loadErrorMessage);
    else if (pairings.length === 0) content = this.renderEmpty();
    else content = this.renderPairings(pairings);
    const me = this.me.value;
    const kit = this.currentKit;
    let mine: TemplateResult | typeof nothing = nothing;
    if (status === 'ready' && kit && me && me.roles.includes('mentor') && this.pairingId === undefined) {
      const instant = kit.now();
      mine = this.renderMyAvailability(me, { instant, viewerDate: localTimeOf(me.timeZone, instant).date, locale: this.i18n.locale });
    }
    return html`
      <div part="base" class="card" data-state=${status === 'ready' ? (pairings.length === 0 ? 'empty' : 'ready') : status} aria-busy=${status === 'loading' ? 'true' : 'false'}>
        ${this.renderHeading(headingText)} ${mine} ${content}
      </div>
    `;
  }
}
