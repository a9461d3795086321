import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Collections, TEXT_LIMITS, toMentorKitError, type Message, type MentorKitError, type Pairing } from '@mentorkit/core';
import { concernsFeature, type ConcernPauseOutcome, type RaisedConcern } from '@mentorkit/core/concerns';
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
import { raiseConcernLanguages, raiseConcernMessages } from './raise-concern.messages.js';
import { raiseConcernStyles } from './raise-concern.styles.js';

export interface MkConcernRaiseDetail {
  concernId: string;
  pairingId: string;
  about: 'pairing' | 'message';
  /** What happened to the pause the person asked for. */
  pause: ConcernPauseOutcome;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-concern-raise': CustomEvent<MkConcernRaiseDetail>;
  }
}

/**
 * @summary A safe place to raise a concern about one's pairing, or to report a message: it goes to
 * the programme's admins only.
 *
 * @description The form asks what the concern is about (one of the person's pairings — also one that
 * has ended — or, with `message-id`, the message they report, quoted), what happened, and whether to
 * pause the pairing now (saying what pausing does), and says who will see it: only the programme's
 * admins, never the other people of the pairing. Once sent, a confirmation says what happens next
 * and whether the pairing was paused (a refused pause never stops the concern). Errors from core are
 * shown as text. Uses `kit.concerns` (`@mentorkit/core/concerns`); English, and Spanish loaded on
 * first use.
 *
 * @fires {CustomEvent<MkConcernRaiseDetail>} mk-concern-raise - The person sent a concern.
 *
 * @csspart base - The card; carries `data-state` (loading, error, no-pairing, form, done).
 * @csspart heading - The heading.
 * @csspart loading - The loading message.
 * @csspart error - An error box (`role="alert"`).
 * @csspart empty - The box shown when the person is in no pairing.
 * @csspart form - The form.
 * @csspart about - What it is about (the pairing choice, or the message).
 * @csspart quote - The reported message, quoted.
 * @csspart text - The "what happened" field.
 * @csspart counter - The characters-left line under the field, near the limit.
 * @csspart pause - The "pause our pairing now" choice and its explanation.
 * @csspart who - Who will see the concern.
 * @csspart submit - The send button.
 * @csspart done - The confirmation (`role="status"`).
 * @csspart another - "Raise another concern".
 *
 * @cssprop [--mk-panel-background=var(--mk-color-surface)] - Background of the card.
 * @cssprop [--mk-panel-border-color=var(--mk-color-border)] - Border colour of the card.
 * @cssprop [--mk-panel-radius=var(--mk-radius-lg)] - Corner radius of the card.
 * @cssprop [--mk-panel-padding=var(--mk-space-5)] - Inner spacing of the card.
 * @cssprop [--mk-panel-gap=var(--mk-space-4)] - Space between sections.
 */
export class MkRaiseConcern extends MkElement {
  static override styles = [MkElement.styles, panelStyles, textLimitStyles, raiseConcernStyles];

  private readonly myPairings = new StoreController(this, () => this.currentKit?.$myPairings);
  private readonly people = new StoreController(this, () => this.currentKit?.$people);
  private readonly messageStore = new StoreController(this, () =>
    this.currentKit && this.messageId ? this.currentKit.collection(Collections.messages).$records : undefined,
  );
  private readonly i18n = new LocaleController(this, 'mk-raise-concern', raiseConcernMessages, raiseConcernLanguages);

  @state() private text = '';
  @state() private pause = false;
  @state() private chosenPairingId: string | undefined;
  @state() private aboutMessage = true;
  @state() private busy = false;
  @state() private error: MentorKitError | undefined;
  @state() private emptyError = false;
  @state() private result: RaisedConcern | undefined;

  /** The pairing the concern is about. Default: the client's current pairing, if the person is in it (else their first). */
  @property({ attribute: 'pairing-id', reflect: true }) pairingId?: string | undefined;

  /** Report this message (someone else's, in one of the person's pairings): it is quoted for the admins. */
  @property({ attribute: 'message-id', reflect: true }) messageId?: string | undefined;

  /** Level of the heading (1–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** BCP 47 locale for dates. Default: the nearest `lang`, else the browser's. */
  @property() locale?: string | undefined;

  private get message(): Message | undefined {
    if (!this.messageId) return undefined;
    const message = (this.messageStore.value as readonly Message[] | undefined)?.find((candidate) => candidate.id === this.messageId);
    const kit = this.currentKit;
    return message && kit && kit.use(concernsFeature).canReport(message) ? message : undefined;
  }

  private get pairing(): Pairing | undefined {
    const mine = this.myPairings.value ?? [];
    const message = this.message;
    if (message && this.aboutMessage) return mine.find((pairing) => pairing.id === message.pairingId);
    const wanted = this.chosenPairingId ?? message?.pairingId ?? this.shownPairingId;
    return mine.find((pairing) => pairing.id === wanted) ?? mine[0];
  }

  private othersOf(pairing: Pairing): string[] {
    const userId = this.currentKit?.user.id;
    return [pairing.menteeId, ...pairing.mentorIds].filter((id) => id !== userId).map((id) => nameOf(this.people.value, id));
  }

  private async handleSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const kit = this.currentKit;
    const pairing = this.pairing;
    if (!kit || !pairing || this.busy) return;
    if (this.text.trim() === '') {
      this.emptyError = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus();
      return;
    }
    this.busy = true;
    this.error = undefined;
    try {
      const concerns = kit.use(concernsFeature);
      const pause = this.pause && pairing.status === 'active';
      const message = this.message;
      const result =
        message && this.aboutMessage
          ? await concerns.reportMessage({ messageId: message.id, text: this.text, pause })
          : await concerns.raise({ pairingId: pairing.id, text: this.text, pause });
      this.result = result;
      emit(this, 'mk-concern-raise', { concernId: result.concern.id, pairingId: result.concern.pairingId, about: result.concern.about, pause: result.pause });
    } catch (error) {
      this.error = toMentorKitError(error);
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.error ? '[part~="error"]' : '[part~="done"]')?.focus();
  }

  private async handleAnother(): Promise<void> {
    this.result = undefined;
    this.text = '';
    this.pause = false;
    this.emptyError = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  }

  private renderHeading(): TemplateResult {
    const level = headingLevel(this.headingLevel);
    return html`<div part="heading" class="heading" role="heading" aria-level=${level} id="heading">${this.i18n.t('heading')}</div>`;
  }

  private renderAbout(pairing: Pairing, pairings: readonly Pairing[]): TemplateResult {
    const t = (id: string, parameters?: Record<string, string | number>) => this.i18n.t(id, parameters);
    const message = this.message;
    const locale = this.i18n.locale;
    const label = (candidate: Pairing) =>
      `${t('about.pairing-with', { names: formatList(this.othersOf(candidate), locale) })}${candidate.status === 'closed' ? ` ${t('about.closed')}` : candidate.status === 'paused' ? ` ${t('about.paused')}` : ''}`;
    const kit = this.currentKit!;
    const zone = kit.$me.get()?.timeZone ?? browserTimeZone();
    const quote = message
      ? html`<figure part="quote" class="field" aria-label=${t('quote.label')}>
          <figcaption class="quote-by">${t('quote.by', { name: nameOf(this.people.value, message.authorId), time: formatDayTime(message.sentAt ?? message.updatedAt, zone, locale, kit.now()) })}</figcaption>
          <blockquote class="quote" tabindex="0">${message.kind === 'voice' && !message.text ? t('quote.voice') : message.text}</blockquote>
        </figure>`
      : nothing;
    if (message) {
      return html`<fieldset part="about">
        <legend>${t('about.legend')}</legend>
        <div class="choices">
          <label class="choice"><input type="radio" name="about" value="message" .checked=${live(this.aboutMessage)} @change=${() => (this.aboutMessage = true)} />${t('about.message')}</label>
          <label class="choice"><input type="radio" name="about" value="pairing" .checked=${live(!this.aboutMessage)} @change=${() => (this.aboutMessage = false)} />${label(pairing)}</label>
        </div>
        ${this.aboutMessage ? quote : nothing}
      </fieldset>`;
    }
    if (pairings.length === 1)
      return html`<div part="about" class="field"><span class="label-like"><strong>${t('about.legend')}</strong></span><p>${label(pairing)}</p></div>`;
    return html`<div part="about" class="field">
      <label for="pairing">${t('about.legend')}</label>
      <select id="pairing" @change=${(event: Event) => (this.chosenPairingId = (event.target as HTMLSelectElement).value)}>
        ${pairings.map((candidate) => html`<option value=${candidate.id} ?selected=${candidate.id === pairing.id}>${label(candidate)}</option>`)}
      </select>
    </div>`;
  }

  private renderForm(pairing: Pairing, pairings: readonly Pairing[]): TemplateResult {
    const t = (id: string, parameters?: Record<string, string | number>) => this.i18n.t(id, parameters);
    const locale = this.i18n.locale;
    const limit = textLimit(this.text, TEXT_LIMITS.concern.text);
    const others = this.othersOf(pairing);
    const invalid = limit.over || this.emptyError;
    return html`<form part="form" class="form" novalidate aria-labelledby="heading" @submit=${this.handleSubmit}>
      <p class="hint">${t('intro')}</p>
      ${this.renderAbout(pairing, pairings)}
      <div class="field">
        <label for="text">${t('text.label')}</label>
        <p class="hint" id="text-hint">${t('text.hint')}</p>
        <textarea part="text" id="text" name="text" .value=${live(this.text)} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedByWithCounter('text', limit, 'text-hint', this.emptyError && 'text-error') ?? nothing}
          @input=${(event: Event) => {
            this.text = (event.target as HTMLTextAreaElement).value;
            if (this.text.trim() !== '') this.emptyError = false;
          }}></textarea>
        ${this.emptyError ? html`<p class="field-error" id="text-error">${t('error.empty')}</p>` : nothing}
        ${renderTextCounter('text', limit, locale)}
      </div>
      <div part="pause" class="field">
        ${
          pairing.status === 'active'
            ? html`<label class="choice"><input type="checkbox" name="pause" .checked=${live(this.pause)} aria-describedby="pause-hint" @change=${(event: Event) => (this.pause = (event.target as HTMLInputElement).checked)} />${t('pause.label')}</label>
              <p class="hint" id="pause-hint">${t('pause.hint')}</p>`
            : html`<p class="hint">${t(pairing.status === 'closed' ? 'pause.closed' : 'pause.paused')}</p>`
        }
      </div>
      <div part="who" class="notice who">
        <p class="notice-title">${t('who.title')}</p>
        <p>${others.length > 0 ? t('who.admins', { names: formatList(others, locale) }) : t('who.admins-nobody')}</p>
      </div>
      <div class="actions">
        <button part="submit" class="button" type="submit" ?disabled=${this.busy || limit.over} aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t('sending') : t('submit')}</button>
      </div>
    </form>`;
  }

  private renderDone(result: RaisedConcern): TemplateResult {
    const t = (id: string, parameters?: Record<string, string | number>) => this.i18n.t(id, parameters);
    const pause =
      result.pause === 'paused'
        ? t('done.paused')
        : result.pause === 'already-paused'
          ? t('done.already-paused')
          : result.pause === 'refused'
            ? t('done.refused', { reason: result.pauseRefusal ?? '' })
            : '';
    return html`<div part="done" class="notice" data-tone=${result.pause === 'refused' ? 'warning' : 'success'} role="status" tabindex="-1">
        <p class="notice-title">${t('done.title')}</p>
        <p>${t('done.next')}</p>
        ${pause ? html`<p data-pause=${result.pause}>${pause}</p>` : nothing}
      </div>
      <div class="actions"><button part="another" class="button secondary" type="button" @click=${this.handleAnother}>${t('another')}</button></div>`;
  }

  override render(): TemplateResult {
    const status = this.loadState;
    let content: TemplateResult;
    let shown: string = status;
    if (status === 'loading') content = renderLoading(this.i18n.t('loading'));
    else if (status === 'error') content = renderLoadError(this.i18n.t('error.title'), this.loadErrorMessage ?? this.i18n.t('error.fallback'));
    else if (this.result) {
      shown = 'done';
      content = this.renderDone(this.result);
    } else {
      const pairings = this.myPairings.value ?? [];
      const pairing = this.pairing;
      if (!pairing) {
        shown = 'no-pairing';
        content = html`<div part="empty" class="empty"><p class="notice-title">${this.i18n.t('no-pairing.title')}</p><p class="hint">${this.i18n.t('no-pairing.hint')}</p></div>`;
      } else {
        shown = 'form';
        content = this.renderForm(pairing, pairings);
      }
    }
    return html`<div part="base" class="card" data-state=${shown} aria-busy=${status === 'loading' || this.busy ? 'true' : 'false'}>
      ${this.renderHeading()}
      ${this.error ? html`<div part="error" class="notice" data-tone="danger" role="alert" tabindex="-1"><p class="notice-title">${this.i18n.t('error.action')}</p><p>${errorText(this.error, this.i18n.locale, false)}</p></div>` : nothing}
      ${content}
    </div>`;
  }
}
