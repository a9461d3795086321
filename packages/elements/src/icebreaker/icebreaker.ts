import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml } from 'lit/static-html.js';
import { isMentorKitError, type MentorKitError } from '@mentorkit/core';
import { informalFormatsIn, rapportFeature, type IcebreakerTopic, type RapportApi } from '@mentorkit/core/rapport';
import { emit } from '../internal/emit.js';
import { LocaleController } from '../internal/localize.js';
import { errorText } from '../field-errors/field-errors.js';
import { headingTag } from '../internal/heading.js';
import { renderLoadError } from '../internal/frame.js';
import { MkElement } from '../internal/mk-element.js';
import { StoreController } from '../internal/store-controller.js';
import { icebreakerLanguages, icebreakerMessages } from './icebreaker.messages.js';
import { icebreakerStyles } from './icebreaker.styles.js';

export interface MkIcebreakerDealDetail {
  pairingId: string;
  /** The id of the prompt dealt (in core's `ICEBREAKER_DECK`). */
  promptId: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-icebreaker-deal': CustomEvent<MkIcebreakerDealDetail>;
  }
}

/**
 * @summary A card that opens a meeting with a question for the pair, and deals another one on request.
 *
 * @description Shows the prompt last dealt to the pairing (both members see the same card) with its
 * tags, and **Another one** deals the next through `kit.rapport` (`rapportFeature`): the pair never
 * gets a prompt twice until it has had every prompt of the deck (or of the chosen topic). A topic
 * select narrows the deck to work or non-work prompts. With `show-formats`, a disclosure lists the
 * informal formats (virtual lunch, a team-building game, …) with their short instructions.
 *
 * @fires {CustomEvent<MkIcebreakerDealDetail>} mk-icebreaker-deal - The user dealt a prompt.
 *
 * @csspart base - The card.
 * @csspart heading - The card's heading.
 * @csspart pairing-with - "with Lucía Fernández": whose pairing it shows, in the heading.
 * @csspart prompt - The question (a live region: a new one is announced).
 * @csspart tags - The prompt's tags (topic, tone, kind).
 * @csspart tag - One tag.
 * @csspart dealt-by - Who dealt it, when it was the other person.
 * @csspart round - How many new prompts are left in this round.
 * @csspart topic-select - The topic filter.
 * @csspart deal-button - "Deal a question" / "Another one".
 * @csspart empty - The text shown before the first prompt.
 * @csspart error - An error (`role="alert"`).
 * @csspart formats - The informal formats disclosure.
 * @csspart format - One format.
 *
 * @cssprop [--mk-icebreaker-background=var(--mk-color-surface)] - Background of the card.
 * @cssprop [--mk-icebreaker-border-color=var(--mk-color-border)] - Borders.
 * @cssprop [--mk-icebreaker-accent=var(--mk-color-accent)] - The button.
 * @cssprop [--mk-icebreaker-radius=var(--mk-radius-lg)] - Corner radius.
 * @cssprop [--mk-icebreaker-padding=var(--mk-space-5)] - Inner spacing.
 * @cssprop [--mk-icebreaker-prompt-size=var(--mk-font-size-xl)] - Size of the question.
 */
export class MkIcebreaker extends MkElement {
  static override styles = [MkElement.styles, icebreakerStyles];

  private readonly records = new StoreController(this, () => this.rapport?.$records);
  private readonly people = new StoreController(this, () => this.currentKit?.$people);
  private readonly pairings = new StoreController(this, () => this.currentKit?.$pairings);
  private readonly loaded = new StoreController(this, () => this.rapport?.$loaded);
  private readonly i18n = new LocaleController(this, 'mk-icebreaker', icebreakerMessages, icebreakerLanguages);

  @state() private busy = false;
  @state() private dealError: MentorKitError | undefined;
  @state() private remaining: number | undefined;
  /** The pairing `remaining` counts for (it is another deck once the pairing changes). */
  private remainingFor: string | undefined;

  /** The pairing the card deals for. Default: the client's current pairing (`kit.$currentPairingId`). */
  @property({ attribute: 'pairing-id', reflect: true }) pairingId?: string | undefined;

  /** Deal only prompts about work, or only about other things. Default: any (the user can change it). */
  @property({ reflect: true }) topic: IcebreakerTopic | '' = '';

  /** Show the informal formats (virtual lunch, team-building, …) under the card. */
  @property({ attribute: 'show-formats', type: Boolean, reflect: true }) showFormats = false;

  /** Level of the card's heading (1–6). */
  @property({ attribute: 'heading-level', type: Number, reflect: true }) headingLevel = 3;

  /** BCP 47 locale for messages. Default: the nearest `lang`, else the browser's. */
  @property() locale?: string | undefined;

  private get rapport(): RapportApi | undefined {
    return this.currentKit?.use(rapportFeature);
  }

  private handleTopic(event: Event): void {
    this.topic = (event.target as HTMLSelectElement).value as IcebreakerTopic | '';
    this.remaining = undefined;
  }

  private async handleDeal(): Promise<void> {
    const rapport = this.rapport;
    const pairingId = this.shownPairingId;
    if (!rapport || !pairingId || this.busy) return;
    this.busy = true;
    this.dealError = undefined;
    try {
      const dealt = await rapport.deal(pairingId, this.topic ? { topic: this.topic } : undefined);
      this.remaining = dealt.remaining;
      this.remainingFor = pairingId;
      emit(this, 'mk-icebreaker-deal', { pairingId, promptId: dealt.prompt.id });
    } catch (error) {
      this.dealError = isMentorKitError(error) ? error : undefined;
    } finally {
      this.busy = false;
    }
  }

  private renderFormats(): TemplateResult | typeof nothing {
    if (!this.showFormats || !this.rapport) return nothing;
    return html`
      <details part="formats">
        <summary>${this.i18n.t('formats.heading')}</summary>
        <ul class="formats">
          ${informalFormatsIn(this.i18n.locale).map(
            (format) => html`<li part="format" class="format">
              <p><span class="format-name">${format.name}</span> <span class="muted">· ${this.i18n.t('formats.minutes', { minutes: format.durationMinutes })}</span></p>
              <p>${format.summary}</p>
              <ol>${format.instructions.map((line) => html`<li>${line}</li>`)}</ol>
            </li>`,
          )}
        </ul>
      </details>
    `;
  }

  override render(): TemplateResult {
    const status = this.loadState;
    const tag = headingTag(this.headingLevel);
    const heading = staticHtml`<${tag} part="heading" class="heading" id="heading">${this.i18n.t('heading')}${this.renderPairingWith(this.shownPairingId, this.i18n.locale, (names) => this.i18n.t('with', { names }))}</${tag}>`;
    let stateName = 'loading';
    let content: TemplateResult;
    if (status === 'error') {
      stateName = 'error';
      content = renderLoadError(this.i18n.t('error.title'), this.loadErrorMessage ?? this.i18n.t('error.fallback'), { look: 'alert' });
    } else if (status === 'loading' || !this.loaded.value) {
      content = html`<p class="muted">${this.i18n.t('loading')}</p>`;
    } else if (!this.shownPairingId || !this.pairings.value?.some((pairing) => pairing.id === this.shownPairingId)) {
      stateName = 'unavailable';
      content = html`<p part="empty" class="muted">${this.i18n.t('unavailable')}</p>`;
    } else {
      // Read the records store so the card follows deals made by the other person.
      void this.records.value;
      const current = this.rapport!.current(this.shownPairingId, this.i18n.locale);
      stateName = current ? 'dealt' : 'empty';
      const me = this.currentKit!.user.id;
      content = html`
        <div aria-live="polite">
          ${
            current
              ? html`<p part="prompt" class="prompt" data-prompt=${current.prompt.id}>${current.prompt.text}</p>`
              : html`<p part="empty" class="empty">${this.i18n.t('empty.title')}</p><p class="muted">${this.i18n.t('empty.hint')}</p>`
          }
        </div>
        ${
          current
            ? html`<ul part="tags" class="tags" aria-label=${this.i18n.t('tags')}>
                <li part="tag" class="tag">${this.i18n.t(`topic.${current.prompt.topic}`)}</li>
                <li part="tag" class="tag">${this.i18n.t(`tone.${current.prompt.tone}`)}</li>
                <li part="tag" class="tag">${this.i18n.t(`kind.${current.prompt.kind}`)}</li>
              </ul>
              ${current.by !== me ? html`<p part="dealt-by" class="muted">${this.i18n.t('dealt-by', { name: this.people.value?.[current.by]?.displayName ?? current.by })}</p>` : nothing}`
            : nothing
        }
        ${this.remaining !== undefined && this.remainingFor === this.shownPairingId ? html`<p part="round" class="muted">${this.i18n.t('round', { remaining: this.remaining })}</p>` : nothing}
        ${this.dealError ? html`<div part="error" class="alert" role="alert">${errorText(this.dealError, this.i18n.locale, false)}</div>` : nothing}
        <div class="controls">
          <label>
            ${this.i18n.t('topic.label')}
            <select part="topic-select" .value=${this.topic} @change=${(event: Event) => this.handleTopic(event)}>
              <option value="" ?selected=${this.topic === ''}>${this.i18n.t('topic.any')}</option>
              <option value="work" ?selected=${this.topic === 'work'}>${this.i18n.t('topic.work')}</option>
              <option value="non-work" ?selected=${this.topic === 'non-work'}>${this.i18n.t('topic.non-work')}</option>
            </select>
          </label>
          <button part="deal-button" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => void this.handleDeal()}>
            ${this.busy ? this.i18n.t('dealing') : current ? this.i18n.t('another') : this.i18n.t('deal')}
          </button>
        </div>
        ${this.renderFormats()}
      `;
    }
    return html`<section part="base" class="card" aria-labelledby="heading" data-state=${stateName} aria-busy=${stateName === 'loading' ? 'true' : 'false'}>${heading} ${content}</section>`;
  }
}
