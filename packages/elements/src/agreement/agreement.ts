import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { TEXT_LIMITS, isHttpUrl, isMentorKitError, type MentorKitError, type Pairing, type Person } from '@mentorkit/core';
import {
  AGREEMENT_MESSAGES,
  agreementsFeature,
  agreementStatus,
  changesSinceConfirmed,
  type Agreement,
  type AgreementChange,
  type AgreementInput,
  type AgreementMessages,
  type AgreementTermKey,
} from '@mentorkit/core/agreements';
import { emit } from '../internal/emit.js';
import { formatCalendarDate, formatList } from '../internal/format.js';
import { LocaleController } from '../internal/localize.js';
import { agreementLanguages, agreementMessages } from './agreement.messages.js';
import { headingLevel } from '../internal/heading-level.js';
import { renderLoading } from '../internal/frame.js';
import { MkElement } from '../internal/mk-element.js';
import { nameOf, pairingById } from '../internal/people.js';
import { StoreController } from '../internal/store-controller.js';
import { agreementStyles } from './agreement.styles.js';
import { panelStyles } from '../internal/panel.styles.js';
import { errorText, issueText, issuesAt } from '../field-errors/field-errors.js';
import { describedByWithCounter, renderTextCounter, textLimit, textLimitMessage, textLimitStyles } from '../text-limit/text-limit.js';

export interface MkAgreementEventDetail {
  agreementId: string;
  pairingId: string;
  /** The version after the action. */
  version: number;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-agreement-proposed': CustomEvent<MkAgreementEventDetail>;
    'mk-agreement-changed': CustomEvent<MkAgreementEventDetail>;
    'mk-agreement-confirmed': CustomEvent<MkAgreementEventDetail>;
  }
}

type Draft = AgreementInput & { participants: Array<AgreementInput['participants'][number] & { offLimitsDays?: number[] | undefined }> };

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const CADENCES = ['weekly', 'fortnightly', 'monthly', 'ad-hoc'] as const;
const CHANNELS = ['video', 'chat', 'email', 'phone', 'in-person'] as const;
const LEVELS = ['high-touch', 'regular', 'light-touch'] as const;

let timeZoneList: string[] | undefined;
function timeZones(current: string[]): string[] {
  timeZoneList ??= (() => {
    try {
      return (Intl as unknown as { supportedValuesOf(key: string): string[] }).supportedValuesOf('timeZone');
    } catch {
      return ['UTC'];
    }
  })();
  const extra = current.filter((zone) => !timeZoneList!.includes(zone));
  return [...extra, ...timeZoneList];
}

/**
 * @summary The pair's working agreement: fill it in, review it, confirm it, and see what changed
 * since the last version everyone confirmed.
 *
 * @description For one pairing (`pairing-id`): meeting cadence and session length, channels, the
 * expected response time, off-limits days and dates (for everyone and per person), each person's
 * time zone and the hours they offer for mentoring, the meeting link and the one shared place for
 * documents (http/https only), the coaching model and the check-in level. Without an agreement it
 * offers a draft filled in from the profiles. Every change makes a new version that the mentee and
 * the lead mentor confirm again; the review lists the changes since the last confirmed version.
 * Logic comes from `@mentorkit/core/agreements`; text follows the page language (English, and Spanish
 * loaded on first use: `agreement.messages.ts`, `.es.ts`; weekday names from `Intl`). Setting `.messages` to your own
 * catalogue replaces the term, cadence, channel, level and weekday words with yours. The notes show a
 * counter from 80 % of their limit (core's `TEXT_LIMITS.agreement.notes`); over it they are marked,
 * kept whole (never cut) and saving waits with a message.
 *
 * @fires {CustomEvent<MkAgreementEventDetail>} mk-agreement-proposed - The user proposed the first version.
 * @fires {CustomEvent<MkAgreementEventDetail>} mk-agreement-changed - The user saved changes (a new version).
 * @fires {CustomEvent<MkAgreementEventDetail>} mk-agreement-confirmed - The user confirmed the current version.
 *
 * @csspart base - The card.
 * @csspart heading - The heading.
 * @csspart pairing-with - "with Lucía Fernández": whose pairing it shows, in the heading.
 * @csspart loading - The loading message.
 * @csspart error - An error box (`role="alert"`).
 * @csspart empty - The box shown when there is no agreement yet.
 * @csspart status - The version and who confirmed it; carries `data-confirmed`.
 * @csspart confirm-button - "Confirm version N".
 * @csspart edit-button - "Change the agreement" / "Draft an agreement".
 * @csspart terms - The list of terms.
 * @csspart changes - The changes since the last confirmed version.
 * @csspart change - One change.
 * @csspart form - The form.
 * @csspart participant - One person's fieldset in the form.
 * @csspart counter - The notes' character counter (`data-state="near"` or `"over"`).
 * @csspart save-button - Save / propose.
 * @csspart cancel-button - Leave the form without saving.
 *
 * @cssprop [--mk-panel-background=var(--mk-color-surface)] - Background of the card.
 * @cssprop [--mk-panel-border-color=var(--mk-color-border)] - Border colour of the card.
 * @cssprop [--mk-panel-radius=var(--mk-radius-lg)] - Corner radius of the card.
 * @cssprop [--mk-panel-padding=var(--mk-space-5)] - Inner spacing of the card.
 * @cssprop [--mk-panel-gap=var(--mk-space-4)] - Space between sections.
 */
export class MkAgreement extends MkElement {
  static override styles = [MkElement.styles, panelStyles, textLimitStyles, agreementStyles];

  private readonly agreements = new StoreController(this, () => (this.currentKit ? this.currentKit.use(agreementsFeature).$agreements : undefined));
  private readonly people = new StoreController(this, () => this.currentKit?.$people);
  private readonly pairings = new StoreController(this, () => this.currentKit?.$pairings);
  /** Messages in the element's language; re-renders when `<html lang>` changes. */
  private readonly i18n = new LocaleController(this, 'mk-agreement', agreementMessages, agreementLanguages);

  @state() private draft: Draft | undefined;
  /** Co-mentors left out of the sessions (unticked in the form). */
  @state() private excluded: string[] = [];
  @state() private busy = false;
  @state() private error: MentorKitError | undefined;
  /** The people of the last submitted draft in order: core's `participants[i]` paths index this list. */
  private submittedPersonIds: string[] = [];
  @state() private notice: string | undefined;
  /** The notes as typed (for their counter); `undefined` until the person types. */
  @state() private notesText: string | undefined;
  /** Saving was refused because the notes are over their limit. */
  @state() private limitBlocked = false;

  /** The pairing shown at the last update: a draft belongs to it. */
  private followedPairingId: string | undefined;

  /** The pairing whose agreement to show. Default: the client's current pairing (`kit.$currentPairingId`). */
  @property({ attribute: 'pairing-id', reflect: true }) pairingId?: string | undefined;

  /** Level of the heading (1–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** BCP 47 locale for dates. Default: the nearest `lang`, else the browser's. */
  @property() locale?: string | undefined;

  /** Words shown (labels of terms, cadences, channels…); defaults to core's `AGREEMENT_MESSAGES`. */
  @property({ attribute: false }) messages: AgreementMessages = AGREEMENT_MESSAGES;

  protected override willUpdate(): void {
    // Another pairing: a draft, a message or an error of the previous one does not carry over.
    if (this.shownPairingId === this.followedPairingId) return;
    this.followedPairingId = this.shownPairingId;
    this.draft = undefined;
    this.excluded = [];
    this.error = undefined;
    this.notice = undefined;
    this.notesText = undefined;
    this.limitBlocked = false;
  }

  /** Core's words as a catalogue: the host's `.messages` when set, else the bundled translations. */
  private get words(): AgreementMessages {
    if (this.messages !== AGREEMENT_MESSAGES) return this.messages;
    const t = (id: string) => this.i18n.t(id);
    const map = <K extends string>(keys: readonly K[], prefix: string) =>
      Object.fromEntries(keys.map((key) => [key, t(`${prefix}.${key}`)])) as Record<K, string>;
    const weekdays = new Intl.DateTimeFormat(this.i18n.locale, { weekday: 'long', timeZone: 'UTC' });
    return {
      fields: map(Object.keys(AGREEMENT_MESSAGES.fields) as AgreementTermKey[], 'field'),
      participantFields: map(['timeZone', 'workingHours', 'offLimitsDays', 'offLimitsDates'] as const, 'participant-field'),
      cadences: map(CADENCES, 'cadence'),
      channels: map(CHANNELS, 'channel'),
      checkInLevels: map(LEVELS, 'level'),
      // 2024-01-01 was a Monday (ISO weekday 1).
      weekdays: Object.fromEntries(WEEKDAYS.map((day) => [day, weekdays.format(Date.UTC(2024, 0, day))])) as AgreementMessages['weekdays'],
    };
  }

  private get agreement(): Agreement | undefined {
    return this.agreements.value?.find((agreement) => agreement.pairingId === this.shownPairingId);
  }

  private handleStartEditing(): void {
    const kit = this.currentKit;
    const pairing = pairingById(this.pairings.value, this.shownPairingId);
    if (!kit || !pairing) return;
    const agreement = this.agreement;
    const draft = agreement
      ? (structuredClone({ ...agreement }) as unknown as Draft)
      : (kit.use(agreementsFeature).draftFor(pairing.id, { includeCoMentor: false }) as Draft);
    // Every member gets a row; co-mentors not in the agreement start unticked, with their profile's hours.
    const members = [pairing.menteeId, ...pairing.mentorIds];
    this.excluded = members.filter((personId) => !draft.participants.some((participant) => participant.personId === personId));
    draft.participants = members.map((personId) => {
      const existing = draft.participants.find((participant) => participant.personId === personId);
      if (existing) return existing;
      const person: Person | undefined = this.people.value?.[personId];
      return {
        personId,
        timeZone: person?.timeZone ?? 'UTC',
        workingHours: structuredClone(person?.workingHours ?? {}) as Record<string, string[]>,
        offLimitsDays: [...(person?.offLimitsDays ?? [])],
      };
    }) as Draft['participants'];
    this.draft = draft;
    this.error = undefined;
    this.notice = undefined;
    this.notesText = undefined;
    this.limitBlocked = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-autofocus]')?.focus());
  }

  private handleCancel(): void {
    this.draft = undefined;
    this.error = undefined;
    this.notesText = undefined;
    this.limitBlocked = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="edit-button"]')?.focus());
  }

  private handleToggleParticipant(personId: string, included: boolean): void {
    this.excluded = included ? this.excluded.filter((id) => id !== personId) : [...this.excluded, personId];
  }

  private readForm(form: HTMLFormElement): Draft {
    const data = new FormData(form);
    const draft = structuredClone(this.draft!);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    draft.cadence = text('cadence') as Draft['cadence'];
    draft.sessionMinutes = Number(text('sessionMinutes'));
    draft.responseTimeHours = Number(text('responseTimeHours'));
    // Optional: left empty, the programme's number applies (certificates of participation).
    if (text('plannedSessions') === '') delete draft.plannedSessions;
    else draft.plannedSessions = Number(text('plannedSessions'));
    const previousChannels = new Map((draft.channels ?? []).map((channel) => [channel.kind, channel]));
    draft.channels = CHANNELS.filter((kind) => data.getAll('channels').includes(kind)).map((kind) => previousChannels.get(kind) ?? { kind });
    draft.offLimitsDays = data.getAll('offLimitsDays').map(Number) as Draft['offLimitsDays'];
    draft.offLimitsDates = text('offLimitsDates')
      .split(/[\s,]+/)
      .filter(Boolean);
    const optional = (name: 'meetingUrl' | 'sharedDocumentsUrl' | 'notes' | 'coachingModel') => {
      const value = text(name);
      if (value === '') delete draft[name];
      else draft[name] = value;
    };
    optional('meetingUrl');
    optional('sharedDocumentsUrl');
    optional('notes');
    optional('coachingModel');
    draft.checkInLevel = text('checkInLevel') as Draft['checkInLevel'];
    draft.participants = draft.participants.map((participant) => {
      const hours: Record<string, string[]> = {};
      for (const day of WEEKDAYS) {
        const ranges = text(`hours.${participant.personId}.${day}`)
          .split(/[\s,;]+/)
          .filter(Boolean);
        if (ranges.length > 0) hours[String(day)] = ranges;
      }
      return {
        ...participant,
        timeZone: text(`timeZone.${participant.personId}`),
        workingHours: hours,
        offLimitsDays: data.getAll(`offLimitsDays.${participant.personId}`).map(Number) as Draft['offLimitsDays'],
      };
    });
    return draft;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const kit = this.currentKit;
    const pairing = pairingById(this.pairings.value, this.shownPairingId);
    if (!kit || !pairing || !this.draft || this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    // Notes over their limit (core's TEXT_LIMITS.agreement.notes) refuse to save: the text stays whole, marked, with a message.
    if (textLimit(String(new FormData(form).get('notes') ?? ''), TEXT_LIMITS.agreement.notes).over) {
      this.limitBlocked = true;
      this.error = undefined;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[name="notes"]')?.focus();
      return;
    }
    this.limitBlocked = false;
    this.draft = this.readForm(form);
    const draft = { ...this.draft, participants: this.draft.participants.filter((participant) => !this.excluded.includes(participant.personId)) };
    this.submittedPersonIds = draft.participants.map((participant) => participant.personId);
    this.busy = true;
    this.error = undefined;
    const api = kit.use(agreementsFeature);
    try {
      const existing = this.agreement;
      if (existing) {
        const {
          id: _id,
          pairingId: _pairingId,
          version: _version,
          confirmations: _confirmations,
          proposedBy: _proposedBy,
          lastConfirmed: _lastConfirmed,
          history: _history,
          revision: _revision,
          updatedAt: _updatedAt,
          ...terms
        } = draft as Draft & Partial<Agreement>;
        const {
          createdAt: _createdAt,
          updatedBy: _updatedBy,
          ...changes
        } = terms as typeof terms & { createdAt?: string | undefined; updatedBy?: string | undefined };
        const stored = await api.update(existing.id, changes, { expectedRevision: existing.revision });
        this.notice = stored.version === existing.version ? this.i18n.t('notice.unchanged') : this.i18n.t('notice.saved', { version: stored.version });
        if (stored.version !== existing.version)
          emit(this, 'mk-agreement-changed', { agreementId: stored.id, pairingId: stored.pairingId, version: stored.version });
      } else {
        const { id: _id, version: _version, confirmations: _confirmations, ...proposal } = draft;
        const stored = await api.propose(proposal);
        this.notice = this.i18n.t('notice.proposed');
        emit(this, 'mk-agreement-proposed', { agreementId: stored.id, pairingId: stored.pairingId, version: stored.version });
      }
      this.draft = undefined;
      this.notesText = undefined;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="notice"]')?.focus();
    } catch (error) {
      this.error = isMentorKitError(error)
        ? error
        : (Object.assign(new Error(String(error)), { code: 'storage-error', path: '', issues: [] }) as unknown as MentorKitError);
      await this.updateComplete;
      // Every invalid field is marked at once; focus goes to the first, else to the message above the form.
      this.renderRoot.querySelector<HTMLElement>('form [aria-invalid="true"]:not([disabled])')?.focus();
      if (!this.renderRoot.querySelector('form [aria-invalid="true"]:focus')) this.renderRoot.querySelector<HTMLElement>('[part~="error"]')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private async handleConfirm(agreement: Agreement): Promise<void> {
    const kit = this.currentKit;
    if (!kit || this.busy) return;
    this.busy = true;
    this.error = undefined;
    try {
      const stored = await kit.use(agreementsFeature).confirm(agreement.id, { version: agreement.version });
      this.notice = this.i18n.t('notice.confirmed', { version: stored.version });
      emit(this, 'mk-agreement-confirmed', { agreementId: stored.id, pairingId: stored.pairingId, version: stored.version });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="notice"]')?.focus();
    } catch (error) {
      this.error = isMentorKitError(error)
        ? error
        : (Object.assign(new Error(String(error)), { code: 'storage-error', path: '', issues: [] }) as unknown as MentorKitError);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="error"]')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private formatValue(field: AgreementTermKey | string, value: unknown, locale: string | undefined): string {
    const m = this.words;
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return '—';
    switch (field) {
      case 'cadence':
        return m.cadences[value as keyof typeof m.cadences] ?? String(value);
      case 'sessionMinutes':
        return this.i18n.t('value.minutes', { minutes: String(value) });
      case 'responseTimeHours':
        return this.i18n.t('value.response', { hours: String(value) });
      case 'channels':
        return formatList(
          (value as Array<{ kind: keyof typeof m.channels; detail?: string | undefined }>).map(
            (channel) => `${m.channels[channel.kind] ?? channel.kind}${channel.detail ? ` (${channel.detail})` : ''}`,
          ),
          locale,
        );
      case 'offLimitsDays':
        return formatList(
          (value as number[]).map((day) => m.weekdays[day as 1] ?? String(day)),
          locale,
        );
      case 'offLimitsDates':
        return formatList(
          (value as string[]).map((date) => formatCalendarDate(date, locale)),
          locale,
        );
      case 'checkInLevel':
        return m.checkInLevels[value as keyof typeof m.checkInLevels] ?? String(value);
      case 'workingHours': {
        // Consecutive days with the same hours are grouped: "Mon–Fri 07:00-10:00, 19:00-22:00".
        const hours = value as Record<string, string[] | undefined>;
        const groups: Array<{ from: number; to: number; text: string }> = [];
        for (const day of WEEKDAYS) {
          const ranges = hours[day] ?? hours[String(day)] ?? [];
          if (ranges.length === 0) continue;
          const text = ranges.join(', ');
          const last = groups[groups.length - 1];
          if (last && last.to === day - 1 && last.text === text) last.to = day;
          else groups.push({ from: day, to: day, text });
        }
        const shortNames = this.messages === AGREEMENT_MESSAGES ? new Intl.DateTimeFormat(this.i18n.locale, { weekday: 'short', timeZone: 'UTC' }) : undefined;
        const short = (day: number) => (shortNames ? shortNames.format(Date.UTC(2024, 0, day)) : (m.weekdays[day as 1] ?? String(day)).slice(0, 3));
        return groups.length === 0
          ? this.i18n.t('value.no-hours')
          : groups.map((group) => `${group.from === group.to ? short(group.from) : `${short(group.from)}–${short(group.to)}`} ${group.text}`).join('; ');
      }
      case 'participants':
        return formatList(
          (value as Array<{ personId: string }>).map((participant) => nameOf(this.people.value, participant.personId)),
          locale,
        );
      default:
        return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
    }
  }

  private describeChange(change: AgreementChange, locale: string | undefined): string {
    const m = this.words;
    if (change.personId) {
      const name = nameOf(this.people.value, change.personId);
      if (change.kind === 'added') return this.i18n.t('change.joins', { name });
      if (change.kind === 'removed') return this.i18n.t('change.leaves', { name });
      const key = change.path.split('.').pop() as keyof typeof m.participantFields;
      return this.i18n.t('change.person', {
        name,
        field: m.participantFields[key] ?? key,
        before: this.formatValue(key, change.before, locale),
        after: this.formatValue(key, change.after, locale),
      });
    }
    const label = m.fields[change.field] ?? change.field;
    if (change.kind === 'added') return this.i18n.t('change.added', { label, after: this.formatValue(change.field, change.after, locale) });
    if (change.kind === 'removed') return this.i18n.t('change.removed', { label, before: this.formatValue(change.field, change.before, locale) });
    return this.i18n.t('change.changed', {
      label,
      before: this.formatValue(change.field, change.before, locale),
      after: this.formatValue(change.field, change.after, locale),
    });
  }

  private renderHeading(text: string): TemplateResult {
    const level = headingLevel(this.headingLevel);
    return html`<div part="heading" class="heading" role="heading" aria-level=${level} id="heading">${text}${this.renderPairingWith(this.shownPairingId, this.i18n.locale, (names) => this.i18n.t('with', { names }))}</div>`;
  }

  private renderErrorBox(title: string, text: string): TemplateResult {
    return html`<div part="error" class="notice" data-tone="danger" role="alert" tabindex="-1">
      <p class="notice-title">${title}</p>
      <p>${text}</p>
    </div>`;
  }

  private renderTerms(agreement: Agreement, locale: string | undefined): TemplateResult {
    const m = this.words;
    const link = (url: string | undefined) => (url && isHttpUrl(url) ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${url}</a>` : '—');
    return html`<dl part="terms" class="facts">
      <dt>${m.fields.cadence}</dt><dd data-term="cadence">${this.formatValue('cadence', agreement.cadence, locale)} · ${this.formatValue('sessionMinutes', agreement.sessionMinutes, locale)}</dd>
      <dt>${m.fields.channels}</dt><dd data-term="channels">${this.formatValue('channels', agreement.channels, locale)}</dd>
      <dt>${m.fields.responseTimeHours}</dt><dd data-term="responseTimeHours">${this.formatValue('responseTimeHours', agreement.responseTimeHours, locale)}</dd>
      ${agreement.plannedSessions !== undefined ? html`<dt>${m.fields.plannedSessions}</dt><dd data-term="plannedSessions">${this.formatValue('plannedSessions', agreement.plannedSessions, locale)}</dd>` : nothing}
      <dt>${m.fields.offLimitsDays}</dt><dd data-term="offLimitsDays">${this.formatValue('offLimitsDays', agreement.offLimitsDays, locale)}</dd>
      <dt>${m.fields.offLimitsDates}</dt><dd data-term="offLimitsDates">${this.formatValue('offLimitsDates', agreement.offLimitsDates, locale)}</dd>
      ${agreement.participants.map(
        (participant) => html`<dt>${nameOf(this.people.value, participant.personId)}</dt>
          <dd data-term="participant" data-person=${participant.personId}>
            ${participant.timeZone.replaceAll('_', ' ')} · ${this.formatValue('workingHours', participant.workingHours, locale)}${participant.offLimitsDays && participant.offLimitsDays.length > 0 ? html` · ${this.i18n.t('value.off-limits', { days: this.formatValue('offLimitsDays', participant.offLimitsDays, locale) })}` : nothing}
          </dd>`,
      )}
      <dt>${m.fields.meetingUrl}</dt><dd data-term="meetingUrl">${link(agreement.meetingUrl)}</dd>
      <dt>${m.fields.sharedDocumentsUrl}</dt><dd data-term="sharedDocumentsUrl">${link(agreement.sharedDocumentsUrl)}</dd>
      <dt>${m.fields.coachingModel}</dt><dd data-term="coachingModel">${(agreement.coachingModel ?? '').toUpperCase()}</dd>
      <dt>${m.fields.checkInLevel}</dt><dd data-term="checkInLevel">${this.formatValue('checkInLevel', agreement.checkInLevel, locale)}</dd>
      ${agreement.notes ? html`<dt>${m.fields.notes}</dt><dd data-term="notes" class="notes">${agreement.notes}</dd>` : nothing}
    </dl>`;
  }

  private renderReview(agreement: Agreement, pairing: Pairing, locale: string | undefined): TemplateResult {
    const kit = this.currentKit!;
    const status = agreementStatus(agreement, pairing);
    const changes = changesSinceConfirmed(agreement);
    const mustConfirm =
      status.waitingFor.includes(kit.user.id) || (!status.confirmedBy.includes(kit.user.id) && [pairing.menteeId, ...pairing.mentorIds].includes(kit.user.id));
    const member = [pairing.menteeId, ...pairing.mentorIds].includes(kit.user.id);
    return html`
      <div part="status" class="notice" data-tone=${status.confirmed ? 'success' : 'warning'} data-confirmed=${String(status.confirmed)}>
        <p class="notice-title">${this.i18n.t(status.confirmed ? 'status.title.confirmed' : 'status.title.pending', { version: agreement.version })}</p>
        <p>
          ${
            status.confirmedBy.length > 0
              ? this.i18n.t('status.confirmed-by', {
                  names: formatList(
                    status.confirmedBy.map((id) => nameOf(this.people.value, id)),
                    locale,
                  ),
                })
              : this.i18n.t('status.nobody')
          }
          ${
            status.waitingFor.length > 0
              ? ` ${this.i18n.t('status.waiting-for', {
                  names: formatList(
                    status.waitingFor.map((id) => nameOf(this.people.value, id)),
                    locale,
                  ),
                })}`
              : nothing
          }
        </p>
      </div>
      ${
        agreement.lastConfirmed === undefined || changes.length > 0
          ? html`<section class="changes-section" aria-labelledby="changes-heading">
            <h3 class="subheading" id="changes-heading">${agreement.lastConfirmed ? this.i18n.t('changes.since', { version: agreement.lastConfirmed.version }) : this.i18n.t('changes.new')}</h3>
            <ul part="changes" class="changes">
              ${(agreement.lastConfirmed ? changes : []).map((change) => html`<li part="change" class="change" data-path=${change.path}>${this.describeChange(change, locale)}</li>`)}
              ${agreement.lastConfirmed ? nothing : html`<li part="change" class="change">${this.i18n.t('changes.to-review', { count: changes.length })}</li>`}
            </ul>
          </section>`
          : nothing
      }
      ${this.renderTerms(agreement, locale)}
      ${
        member
          ? html`<div class="actions">
            ${mustConfirm ? html`<button part="confirm-button" class="button" type="button" ?disabled=${this.busy} @click=${() => this.handleConfirm(agreement)}>${this.i18n.t('action.confirm', { version: agreement.version })}</button>` : nothing}
            <button part="edit-button" class="button secondary" type="button" ?disabled=${this.busy} @click=${this.handleStartEditing}>${this.i18n.t('action.change')}</button>
          </div>`
          : nothing
      }
    `;
  }

  /**
   * What to say under a field: every issue of core's error at `path` (in the form's words: `cadence`,
   * `participants.<personId>.timeZone`…), worded for people; `undefined` when the field is fine. Core
   * reports proposals under `agreement.` and edits under `changes.`, and a person at their place in the
   * submitted list (`participants[1]`).
   */
  private fieldError(path: string): string | undefined {
    const participant = /^participants\.([^.]+)(.*)$/.exec(path);
    const corePath = participant ? `participants[${this.submittedPersonIds.indexOf(participant[1]!)}]${participant[2]}` : path;
    const issues = [...issuesAt(this.error, `agreement.${corePath}`), ...issuesAt(this.error, `changes.${corePath}`)];
    if (issues.length === 0 || (participant && !this.submittedPersonIds.includes(participant[1]!))) return undefined;
    return [...new Set(issues.map((issue) => issueText(issue, this.i18n.locale)))].join(' ');
  }

  /** Issues about the list of participants as a whole (e.g. a person listed twice), not about one person's field. */
  private participantsError(): string | undefined {
    const issues = [...issuesAt(this.error, 'agreement.participants'), ...issuesAt(this.error, 'changes.participants')].filter((issue) =>
      /participants$/.test(issue.path),
    );
    return issues.length > 0 ? issues.map((issue) => issueText(issue, this.i18n.locale)).join(' ') : undefined;
  }

  private renderField(
    path: string,
    label: string,
    control: (attributes: { id: string; invalid: boolean; describedBy: string | undefined }) => TemplateResult,
    hint?: string,
  ): TemplateResult {
    const id = `field-${path.replaceAll('.', '-')}`;
    const message = this.fieldError(path);
    const describedBy = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${control({ id, invalid: message !== undefined, describedBy })}
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${message ? html`<p class="field-error" id=${`${id}-error`}>${message}</p>` : nothing}
    </div>`;
  }

  private notesOverLimit(draft: Draft): boolean {
    return textLimit(this.notesText ?? draft.notes ?? '', TEXT_LIMITS.agreement.notes).over;
  }

  /** The notes: no `maxlength` (a paste is never cut), a counter from 80 % of the limit, marked invalid over it. */
  private renderNotes(draft: Draft): TemplateResult {
    const value = this.notesText ?? draft.notes ?? '';
    const limit = textLimit(value, TEXT_LIMITS.agreement.notes);
    return this.renderField(
      'notes',
      this.words.fields.notes,
      ({ id, invalid, describedBy }) => html`<textarea id=${id} name="notes" rows="3" .value=${live(value)}
        aria-invalid=${String(invalid || limit.over)} aria-describedby=${describedByWithCounter(id, limit, describedBy) ?? nothing}
        @input=${(event: Event) => (this.notesText = (event.target as HTMLTextAreaElement).value)}></textarea>
      ${renderTextCounter(id, limit, this.i18n.locale)}`,
    );
  }

  private renderParticipant(participant: Draft['participants'][number], pairing: Pairing, included: boolean): TemplateResult {
    const m = this.words;
    const name = nameOf(this.people.value, participant.personId);
    const optional = pairing.mentorIds.indexOf(participant.personId) >= 1;
    const zones = timeZones([participant.timeZone]);
    const hours = participant.workingHours as Record<string, string[] | undefined>;
    return html`<fieldset part="participant" class="participant" data-person=${participant.personId}>
      <legend>${name}</legend>
      ${
        optional
          ? html`<label class="choice"><input type="checkbox" name=${`include.${participant.personId}`} value="1" .checked=${included}
              @change=${(event: Event) => this.handleToggleParticipant(participant.personId, (event.target as HTMLInputElement).checked)} /> ${this.i18n.t('form.joins-sessions', { name })}</label>`
          : nothing
      }
      ${this.renderField(
        `participants.${participant.personId}.timeZone`,
        this.i18n.t('form.time-zone-of', { name }),
        ({
          id,
          invalid,
          describedBy,
        }) => html`<select id=${id} name=${`timeZone.${participant.personId}`} .value=${participant.timeZone} aria-invalid=${String(invalid)} aria-describedby=${describedBy ?? nothing}>
        ${zones.map((zone) => html`<option value=${zone} ?selected=${zone === participant.timeZone}>${zone.replaceAll('_', ' ')}</option>`)}
      </select>`,
      )}
      <div class="hours" role="group" aria-label=${this.i18n.t('form.hours-of', { name })}>
        ${WEEKDAYS.map((day) => {
          const id = `hours-${participant.personId}-${day}`;
          const error = this.fieldError(`participants.${participant.personId}.workingHours.${day}`);
          return html`<div class="hours-day">
            <label for=${id}>${m.weekdays[day]}</label>
            <input id=${id} type="text" inputmode="numeric" name=${`hours.${participant.personId}.${day}`} .value=${(hours[day] ?? hours[String(day)] ?? []).join(', ')} placeholder=${this.i18n.t('form.hours-placeholder')} aria-label=${this.i18n.t('form.day-hours', { day: m.weekdays[day], name })}
              aria-invalid=${String(error !== undefined)} aria-describedby=${error ? `${id}-error` : nothing} />
            ${error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
          </div>`;
        })}
      </div>
      <fieldset class="nested">
        <legend>${this.i18n.t('form.own-off-limits', { name })}</legend>
        <div class="choices">${WEEKDAYS.map((day) => html`<label class="choice"><input type="checkbox" name=${`offLimitsDays.${participant.personId}`} value=${day} .checked=${(participant.offLimitsDays ?? []).includes(day)} /> ${m.weekdays[day]}</label>`)}</div>
      </fieldset>
    </fieldset>`;
  }

  private renderForm(draft: Draft, pairing: Pairing): TemplateResult {
    const m = this.words;
    const rows = draft.participants.map((participant) => ({ participant, included: !this.excluded.includes(participant.personId) }));
    return html`<form part="form" class="form" novalidate @submit=${this.handleSubmit} aria-labelledby="heading">
      ${
        this.limitBlocked && this.notesOverLimit(draft)
          ? this.renderErrorBox(this.i18n.t('error.save'), textLimitMessage('limit.blocked', this.i18n.locale))
          : this.error
            ? this.renderErrorBox(this.i18n.t('error.save'), errorText(this.error, this.i18n.locale))
            : nothing
      }
      <div class="grid">
        ${this.renderField(
          'cadence',
          m.fields.cadence,
          ({
            id,
            invalid,
            describedBy,
          }) => html`<select id=${id} name="cadence" data-autofocus aria-invalid=${String(invalid)} aria-describedby=${describedBy ?? nothing}>
          ${CADENCES.map((cadence) => html`<option value=${cadence} ?selected=${draft.cadence === cadence}>${m.cadences[cadence]}</option>`)}
        </select>`,
        )}
        ${this.renderField('sessionMinutes', this.i18n.t('form.minutes', { label: m.fields.sessionMinutes }), ({ id, invalid, describedBy }) => html`<input id=${id} name="sessionMinutes" type="number" min="15" max="240" step="5" .value=${String(draft.sessionMinutes ?? 60)} aria-invalid=${String(invalid)} aria-describedby=${describedBy ?? nothing} />`)}
        ${this.renderField('responseTimeHours', this.i18n.t('form.hours', { label: m.fields.responseTimeHours }), ({ id, invalid, describedBy }) => html`<input id=${id} name="responseTimeHours" type="number" min="1" max="336" .value=${String(draft.responseTimeHours)} aria-invalid=${String(invalid)} aria-describedby=${describedBy ?? nothing} />`)}
        ${this.renderField('plannedSessions', m.fields.plannedSessions, ({ id, invalid, describedBy }) => html`<input id=${id} name="plannedSessions" type="number" min="1" max="100" .value=${draft.plannedSessions === undefined ? '' : String(draft.plannedSessions)} aria-invalid=${String(invalid)} aria-describedby=${describedBy ?? nothing} />`, this.i18n.t('form.planned-hint'))}
      </div>
      <fieldset>
        <legend>${m.fields.channels}</legend>
        <div class="choices">${CHANNELS.map((kind) => html`<label class="choice"><input type="checkbox" name="channels" value=${kind} .checked=${draft.channels.some((channel) => channel.kind === kind)} /> ${m.channels[kind]}</label>`)}</div>
        ${this.fieldError('channels') ? html`<p class="field-error">${this.fieldError('channels')}</p>` : nothing}
      </fieldset>
      <fieldset>
        <legend>${this.i18n.t('form.for-everyone', { label: m.fields.offLimitsDays })}</legend>
        <div class="choices">${WEEKDAYS.map((day) => html`<label class="choice"><input type="checkbox" name="offLimitsDays" value=${day} .checked=${(draft.offLimitsDays ?? []).includes(day)} /> ${m.weekdays[day]}</label>`)}</div>
      </fieldset>
      ${this.renderField('offLimitsDates', m.fields.offLimitsDates, ({ id, invalid, describedBy }) => html`<input id=${id} name="offLimitsDates" type="text" .value=${(draft.offLimitsDates ?? []).join(', ')} placeholder="2026-12-25, 2027-01-01" aria-invalid=${String(invalid)} aria-describedby=${describedBy ?? nothing} />`, this.i18n.t('form.dates-hint'))}
      <section class="participants" aria-label=${m.fields.participants}>
        ${rows.map((row) => this.renderParticipant(row.participant, pairing, row.included))}
        ${this.participantsError() ? html`<p class="field-error">${this.participantsError()}</p>` : nothing}
      </section>
      ${this.renderField('meetingUrl', m.fields.meetingUrl, ({ id, invalid, describedBy }) => html`<input id=${id} name="meetingUrl" type="url" .value=${draft.meetingUrl ?? ''} placeholder="https://meet.example.com/…" aria-invalid=${String(invalid)} aria-describedby=${describedBy ?? nothing} />`)}
      ${this.renderField('sharedDocumentsUrl', m.fields.sharedDocumentsUrl, ({ id, invalid, describedBy }) => html`<input id=${id} name="sharedDocumentsUrl" type="url" .value=${draft.sharedDocumentsUrl ?? ''} placeholder="https://drive.example.com/…" aria-invalid=${String(invalid)} aria-describedby=${describedBy ?? nothing} />`, this.i18n.t('form.documents-hint'))}
      ${this.renderField(
        'coachingModel',
        m.fields.coachingModel,
        ({ id, invalid, describedBy }) => html`<select id=${id} name="coachingModel" aria-invalid=${String(invalid)} aria-describedby=${describedBy ?? nothing}>
        ${[...new Set(['grow', 'oskar', draft.coachingModel ?? 'grow'])].map((model) => html`<option value=${model} ?selected=${(draft.coachingModel ?? 'grow') === model}>${model.toUpperCase()}</option>`)}
      </select>`,
      )}
      <fieldset>
        <legend>${m.fields.checkInLevel}</legend>
        <div class="choices">${LEVELS.map((level) => html`<label class="choice"><input type="radio" name="checkInLevel" value=${level} .checked=${(draft.checkInLevel ?? 'regular') === level} /> ${m.checkInLevels[level]}</label>`)}</div>
      </fieldset>
      ${this.renderNotes(draft)}
      <div class="actions">
        <button part="save-button" class="button" type="submit" ?disabled=${this.busy}>${this.i18n.t(this.agreement ? 'action.save' : 'action.propose')}</button>
        <button part="cancel-button" class="button secondary" type="button" @click=${this.handleCancel}>${this.i18n.t('action.cancel')}</button>
      </div>
    </form>`;
  }

  /** Opens the form (a draft from the profiles when there is no agreement yet), as the edit button does. */
  edit(): void {
    this.handleStartEditing();
  }

  override render(): TemplateResult {
    const kit = this.currentKit;
    const status = this.loadState;
    const locale = this.i18n.locale;
    let content: TemplateResult;
    let state: string = status;
    if (status === 'loading') content = renderLoading(this.i18n.t('loading'), { skeleton: true });
    else if (status === 'error') content = this.renderErrorBox(this.i18n.t('error.load'), this.loadErrorMessage ?? this.i18n.t('error.fallback'));
    else {
      const pairing = pairingById(this.pairings.value, this.shownPairingId);
      const agreement = this.agreement;
      if (!pairing) {
        state = 'not-found';
        content = html`<div part="empty" class="empty"><p class="notice-title">${this.i18n.t('not-found.title')}</p><p class="hint">${this.i18n.t('not-found.hint')}</p></div>`;
      } else if (this.draft) {
        state = 'editing';
        content = this.renderForm(this.draft, pairing);
      } else if (!agreement) {
        state = 'empty';
        const member = [pairing.menteeId, ...pairing.mentorIds].includes(kit!.user.id);
        content = html`<div part="empty" class="empty">
          <p class="notice-title">${this.i18n.t('empty.title')}</p>
          <p class="hint">${this.i18n.t('empty.hint')}</p>
          ${member ? html`<button part="edit-button" class="button" type="button" @click=${this.handleStartEditing}>${this.i18n.t('empty.draft')}</button>` : nothing}
        </div>`;
      } else {
        state = agreementStatus(agreement, pairing).confirmed ? 'confirmed' : 'pending';
        content = this.renderReview(agreement, pairing, locale);
      }
    }
    return html`<div part="base" class="card" data-state=${state} aria-busy=${status === 'loading' || this.busy ? 'true' : 'false'}>
      ${this.renderHeading(this.i18n.t('heading'))}
      ${this.notice && !this.draft ? html`<p part="notice" class="notice" data-tone="success" role="status" tabindex="-1">${this.notice}</p>` : nothing}
      ${this.error && !this.draft ? this.renderErrorBox(this.i18n.t('error.action'), errorText(this.error, this.i18n.locale)) : nothing}
      ${content}
    </div>`;
  }
}
