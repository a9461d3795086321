import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { html as staticHtml } from 'lit/static-html.js';
import { TEXT_LIMITS, isMentorKitError, toMentorKitError, type Feedback, type FeedbackAnonymity, type MentorKitError } from '@mentorkit/core';
import {
  FEEDBACK_TAGS,
  currentFeedbackRequest,
  defaultFeedbackText,
  feedbackFeature,
  tagLabel,
  type FeedbackApi,
  type FeedbackRequest,
} from '@mentorkit/core/feedback';
import { ClockController } from '../internal/clock-controller.js';
import { emit } from '../internal/emit.js';
import { browserTimeZone } from '../internal/format.js';
import { LocaleController } from '../internal/localize.js';
import { headingTag } from '../internal/heading.js';
import { renderLoading } from '../internal/frame.js';
import { MkElement } from '../internal/mk-element.js';
import { StoreController } from '../internal/store-controller.js';
import { describedByWithCounter, renderTextCounter, textLimit, textLimitMessage, textLimitStyles } from '../text-limit/text-limit.js';
import { errorText, issueText } from '../field-errors/field-errors.js';
import { sessionFeedbackLanguages, sessionFeedbackMessages } from './session-feedback.messages.js';
import { sessionFeedbackStyles } from './session-feedback.styles.js';

export interface MkFeedbackSubmitDetail {
  feedbackId: string;
  sessionId: string;
  rating: number;
  /** True when an earlier note was changed. */
  edited: boolean;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-feedback-submit': CustomEvent<MkFeedbackSubmitDetail>;
  }
}

const RATINGS = [1, 2, 3, 4, 5] as const;
const ANONYMITY_CHOICES: readonly FeedbackAnonymity[] = ['named', 'anonymous', 'numbers-only'];
/** The free-text boxes, with their limits from core's schema (`TEXT_LIMITS.feedback`). */
const FIELDS = [
  { name: 'helped', max: TEXT_LIMITS.feedback.helped },
  { name: 'missed', max: TEXT_LIMITS.feedback.missed },
  { name: 'toolSuggestion', max: TEXT_LIMITS.feedback.toolSuggestion },
  { name: 'other', max: TEXT_LIMITS.feedback.other },
] as const;
type FieldName = (typeof FIELDS)[number]['name'];
type ViewState = 'loading' | 'error' | 'empty' | 'unavailable' | 'not-ended' | 'not-requested' | 'form' | 'submitted' | 'closed';

/**
 * @summary The quick note after a session: a rating, what helped, what was missed, a tool that
 * would help, anything else, and tags — in under a minute, with the keyboard alone.
 *
 * @description Shows the feedback request of `session-id`, or, without it, the signed-in person's
 * first open request (`kit.feedback.$requests`). The form is native controls (a radio group for the
 * rating, checkboxes for tags), validated by core; errors are announced and point at the field.
 * After sending, a thank-you state summarises the note and offers editing until the deadline
 * (`editableUntil`); then the note stays on show, read-only, with the date it became final. Without
 * `session-id` the element shows the newest open request, else the person's newest note — so a
 * note sent earlier is there again after a reload. Each text box shows a counter from 80 % of its
 * limit (core's `TEXT_LIMITS.feedback`); a box over it is marked invalid and sending waits, with
 * the text kept whole — nothing is cut.
 * "Reveal when both submit" holds the note from the other side until they have sent theirs; then
 * both see both. The author chooses how the note may appear in programme reports (named,
 * anonymous, numbers only).
 *
 * @fires {CustomEvent<MkFeedbackSubmitDetail>} mk-feedback-submit - The person sent or edited their note.
 *
 * @csspart base - The card.
 * @csspart heading - The heading.
 * @csspart pairing-with - "with Lucía Fernández": whose pairing it shows, in the heading.
 * @csspart loading - The loading message.
 * @csspart error - An error box (`role="alert"`).
 * @csspart empty - The message when nothing is asked.
 * @csspart session - The line naming the session and the deadline.
 * @csspart form - The form.
 * @csspart rating - The rating radio group.
 * @csspart tags - The tag checkboxes.
 * @csspart field - A text field (label + textarea).
 * @csspart reveal - The "reveal when both submit" checkbox.
 * @csspart anonymity - The programme-report choice.
 * @csspart submit - The send button.
 * @csspart thanks - The thank-you box.
 * @csspart summary - The summary of a sent note.
 * @csspart held - The notice that a note is held until both submitted.
 * @csspart others - The other side's notes, once visible.
 * @csspart edit - The edit button.
 * @csspart final - The line saying until when the note could be changed, once it is final.
 * @csspart counter - A text box's character counter (`data-state="near"` or `"over"`).
 *
 * @cssprop [--mk-session-feedback-background=var(--mk-color-surface)] - Card background.
 * @cssprop [--mk-session-feedback-border-color=var(--mk-color-border)] - Card border colour.
 * @cssprop [--mk-session-feedback-radius=var(--mk-radius-lg)] - Card corner radius.
 * @cssprop [--mk-session-feedback-padding=var(--mk-space-5)] - Card inner spacing.
 */
export class MkSessionFeedback extends MkElement {
  static override styles = [MkElement.styles, textLimitStyles, sessionFeedbackStyles];

  private readonly me = new StoreController(this, () => this.currentKit?.$me);
  private readonly people = new StoreController(this, () => this.currentKit?.$people);
  private readonly requests = new StoreController(this, () => this.api?.$requests);
  private readonly records = new StoreController(this, () => this.api?.$feedback);
  private readonly featureStatus = new StoreController(this, () => this.api?.$status);
  private readonly clock = new ClockController(this);
  private readonly i18n = new LocaleController(this, 'mk-session-feedback', sessionFeedbackMessages, sessionFeedbackLanguages);

  @state() private pinnedSessionId: string | undefined;
  @state() private editing = false;
  @state() private busy = false;
  @state() private formError: MentorKitError | undefined;
  /** Problems per field from core's validation (`issues`), shown at their fields, all at once. */
  @state() private fieldErrors: Readonly<Record<string, string>> = {};
  /** What is typed in the text boxes (for their counters); cleared when the form closes. */
  @state() private texts: Readonly<Partial<Record<FieldName, string>>> = {};
  /** Sending was refused because a box is over its limit. */
  @state() private limitBlocked = false;

  /** The session to give feedback on. Default: your first open request. */
  @property({ attribute: 'session-id', reflect: true }) sessionId?: string | undefined;

  /** Level of the heading (1–6). */
  @property({ attribute: 'heading-level', type: Number, reflect: true }) headingLevel = 2;

  /** BCP 47 locale for texts and dates, e.g. `en-GB`, `es`. Default: the nearest `lang`, else the browser's. */
  @property() locale?: string | undefined;

  private get api(): FeedbackApi | undefined {
    return this.currentKit?.use(feedbackFeature);
  }

  /** A tag's label: the host's wording from core when it reworded it, else this element's catalogue; people's own words as written. */
  private tagText(tag: string): string {
    const configured = tagLabel(tag, this.api?.text);
    if (!(tag in defaultFeedbackText.tagLabels) || configured !== defaultFeedbackText.tagLabels[tag]) return configured;
    return this.i18n.t(`tag.${tag}`);
  }

  private ratingLabel(rating: number): string {
    return RATINGS.includes(rating as (typeof RATINGS)[number]) ? this.i18n.t(`rating.${rating}`) : '';
  }

  private get targetSessionId(): string | undefined {
    if (this.sessionId) return this.sessionId;
    if (this.pinnedSessionId) return this.pinnedSessionId;
    // The newest open request of the current pairing, else its newest note already sent (so it stays in view after a reload).
    const pairingId = this.shownPairingId;
    return currentFeedbackRequest((this.requests.value ?? []).filter((request) => !pairingId || request.pairingId === pairingId))?.sessionId;
  }

  private textOf(name: FieldName, mine: Feedback | undefined): string {
    return this.texts[name] ?? mine?.[name] ?? '';
  }

  private handleTextInput(name: FieldName, event: Event): void {
    this.texts = { ...this.texts, [name]: (event.target as HTMLTextAreaElement).value };
    if (this.fieldErrors[name]) {
      const { [name]: _fixed, ...rest } = this.fieldErrors;
      this.fieldErrors = rest;
    }
  }

  /** Closes the form's editing state: typed text, errors. */
  private resetForm(): void {
    this.texts = {};
    this.fieldErrors = {};
    this.formError = undefined;
    this.limitBlocked = false;
  }

  private async handleSubmit(event: SubmitEvent, request: FeedbackRequest, mine: Feedback | undefined): Promise<void> {
    event.preventDefault();
    const api = this.api;
    if (!api || this.busy) return;
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' && value.trim() !== '' ? value : undefined;
    };
    // A box over its limit refuses to send, keeping every word (nothing is cut), and says which.
    const tooLong = FIELDS.filter((field) => textLimit(String(data.get(field.name) ?? ''), field.max).over);
    if (tooLong.length > 0) {
      this.texts = Object.fromEntries(FIELDS.map((field) => [field.name, String(data.get(field.name) ?? '')]));
      this.limitBlocked = true;
      this.formError = undefined;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[name="${tooLong[0]!.name}"]`)?.focus();
      return;
    }
    this.limitBlocked = false;
    const rating = data.get('rating');
    const note = {
      rating: typeof rating === 'string' ? Number(rating) : (undefined as unknown as number),
      helped: text('helped') ?? '',
      missed: text('missed') ?? '',
      toolSuggestion: text('toolSuggestion') ?? '',
      other: text('other') ?? '',
      tags: data.getAll('tags').filter((tag): tag is string => typeof tag === 'string'),
      revealWhenBothSubmitted: data.get('reveal') === 'on',
      anonymity: (data.get('anonymity') as FeedbackAnonymity | null) ?? 'named',
    };
    this.busy = true;
    this.formError = undefined;
    this.fieldErrors = {};
    try {
      const saved = mine ? await api.edit(mine.id, note) : await api.submit({ ...note, sessionId: request.sessionId });
      this.pinnedSessionId = request.sessionId;
      this.editing = false;
      this.resetForm();
      emit(this, 'mk-feedback-submit', { feedbackId: saved.id, sessionId: saved.sessionId, rating: saved.rating, edited: mine !== undefined });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="heading"]')?.focus();
    } catch (error) {
      this.formError = isMentorKitError(error) ? error : toMentorKitError(error);
      this.fieldErrors = this.fieldErrorsOf(this.formError);
      await this.updateComplete;
      const field = this.fieldOfError();
      const target = field ? this.renderRoot.querySelector<HTMLElement>(`[name="${field}"]`) : null;
      (target ?? this.renderRoot.querySelector<HTMLElement>('[part~="error"]'))?.focus();
    } finally {
      this.busy = false;
    }
  }

  private handleEdit(): void {
    this.editing = true;
    this.resetForm();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name="rating"]:checked, input[name="rating"]')?.focus());
  }

  /** The form field a core error path concerns (`feedback.helped`, `changes.rating`…). */
  private fieldOfPath(path: string): string | undefined {
    const match = /^feedback\.(\w+)/.exec(path) ?? /^changes\.(\w+)/.exec(path);
    return match?.[1] === 'revealWhenBothSubmitted' ? 'reveal' : match?.[1];
  }

  private fieldOfError(): string | undefined {
    return this.fieldOfPath(this.formError?.path ?? '');
  }

  /** Every issue of a core error at its field (the first one per field). */
  private fieldErrorsOf(error: MentorKitError): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const issue of error.issues) {
      const field = this.fieldOfPath(issue.path);
      if (field && errors[field] === undefined)
        errors[field] = issueText(issue, this.i18n.locale, field === 'rating' || field === 'anonymity' ? 'choice' : undefined);
    }
    return errors;
  }

  private formatInstant(instant: string): string {
    const timeZone = this.me.value?.timeZone ?? browserTimeZone();
    return new Intl.DateTimeFormat(this.i18n.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(instant));
  }

  private viewState(): ViewState {
    const kit = this.currentKit;
    const status = this.loadState;
    if (status === 'error' || this.featureStatus.value === 'error') return 'error';
    if (status === 'loading' || this.featureStatus.value !== 'ready') return 'loading';
    const id = this.targetSessionId;
    if (!id) return 'empty';
    const view = this.api!.forSession(id);
    if (!view.session) return 'unavailable';
    if (view.mine && !this.editing) return 'submitted';
    if (!view.request) return Date.parse(view.session.end) > Date.parse(kit!.now()) && view.session.status !== 'held' ? 'not-ended' : 'not-requested';
    if (view.request.status === 'closed') return 'closed';
    return 'form';
  }

  private renderHeading(text: string, pairingId: string | undefined): TemplateResult {
    return staticHtml`<${headingTag(this.headingLevel)} part="heading" class="heading" id="heading" tabindex="-1">${text}${this.renderPairingWith(pairingId, this.i18n.locale, (names) => this.i18n.t('with', { names }))}</${headingTag(this.headingLevel)}>`;
  }

  private renderNoteSummary(note: Feedback): TemplateResult {
    const t = this.i18n;
    const rows: Array<[string, string]> = [[t.t('summary.rating'), t.t('rating.value', { rating: note.rating, label: this.ratingLabel(note.rating) })]];
    if (note.tags.length > 0) rows.push([t.t('summary.tags'), note.tags.map((tag) => this.tagText(tag)).join(', ')]);
    for (const field of FIELDS) if (note[field.name]) rows.push([t.t(`field.${field.name}`), note[field.name]!]);
    return html`<dl part="summary" class="summary">${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>`;
  }

  private renderForm(request: FeedbackRequest, mine: Feedback | undefined): TemplateResult {
    const t = this.i18n;
    const invalid = this.fieldOfError();
    const fieldError = (name: string) => this.fieldErrors[name] ?? (invalid === name && this.formError ? errorText(this.formError, t.locale) : undefined);
    const errorFor = (name: string) => {
      const message = fieldError(name);
      return message ? html`<p class="field-error" id=${`${name}-error`}>${message}</p>` : nothing;
    };
    const chosen = new Set(mine?.tags ?? []);
    const customTags = (mine?.tags ?? []).filter((tag) => !FEEDBACK_TAGS.some((known) => known.id === tag));
    return html`
      <p part="session" class="muted">
        ${t.t('session-line', { title: request.sessionTitle, time: this.formatInstant(request.dueBy) })}
      </p>
      ${
        this.limitBlocked
          ? html`<div part="error" class="error" role="alert" tabindex="-1"><p class="error-title">${t.t('error.not-sent')}</p><p>${textLimitMessage('limit.blocked', t.locale)}</p></div>`
          : this.formError && !invalid
            ? html`<div part="error" class="error" role="alert" tabindex="-1"><p class="error-title">${t.t('error.not-sent')}</p><p>${errorText(this.formError, t.locale)}</p></div>`
            : nothing
      }
      <form part="form" novalidate @submit=${(event: SubmitEvent) => this.handleSubmit(event, request, mine)}>
        <fieldset part="rating" role="radiogroup" aria-required="true" aria-invalid=${fieldError('rating') ? 'true' : 'false'} aria-describedby=${ifDefined(fieldError('rating') ? 'rating-error' : undefined)}>
          <legend>${t.t('rating.legend')}</legend>
          <div class="rating">
            ${RATINGS.map(
              (value) =>
                html`<label><input type="radio" name="rating" value=${value} ?checked=${mine?.rating === value} required />${value} · ${this.ratingLabel(value)}</label>`,
            )}
          </div>
          ${errorFor('rating')}
        </fieldset>
        <fieldset part="tags">
          <legend>${t.t('tags.legend')} <span class="hint">${t.t('optional')}</span></legend>
          <div class="tags">
            ${FEEDBACK_TAGS.map((tag) => html`<label><input type="checkbox" name="tags" value=${tag.id} ?checked=${chosen.has(tag.id)} />${this.tagText(tag.id)}</label>`)}
            ${customTags.map((tag) => html`<label><input type="checkbox" name="tags" value=${tag} checked />${tag}</label>`)}
          </div>
          ${errorFor('tags')}
        </fieldset>
        <div class="fields">
          ${FIELDS.map((field) => {
            const id = `field-${field.name}`;
            const value = this.textOf(field.name, mine);
            const limit = textLimit(value, field.max);
            const error = fieldError(field.name);
            // No maxlength: a paste over the limit is kept whole; the counter says by how much, and sending waits.
            return html`<div part="field" class="field">
              <label class="field-label" for=${id}>${t.t(`field.${field.name}`)} <span class="hint">${t.t('optional')}</span></label>
              <textarea id=${id} name=${field.name} rows="2" aria-invalid=${limit.over || error ? 'true' : 'false'} aria-describedby=${ifDefined(describedByWithCounter(id, limit, error ? `${field.name}-error` : undefined))} .value=${live(value)} @input=${(event: Event) => this.handleTextInput(field.name, event)}></textarea>
              ${renderTextCounter(id, limit, t.locale)}
              ${limit.over ? nothing : errorFor(field.name)}
            </div>`;
          })}
        </div>
        <div class="options">
          <label part="reveal" class="check"><input type="checkbox" name="reveal" ?checked=${mine?.revealWhenBothSubmitted ?? false} aria-describedby="reveal-hint" /><span>${t.t('reveal')} <span class="hint" id="reveal-hint">${t.t('reveal.hint')}</span></span></label>
          <div part="anonymity" class="field">
            <label class="field-label" for="anonymity">${t.t('anonymity.label')}</label>
            <select id="anonymity" name="anonymity">
              ${ANONYMITY_CHOICES.map((value) => html`<option value=${value} ?selected=${(mine?.anonymity ?? 'named') === value}>${t.t(`anonymity.${value}`)}</option>`)}
            </select>
          </div>
        </div>
        <div class="actions">
          <button part="submit" class="primary" type="submit" ?disabled=${this.busy}>${t.t(mine ? 'save' : 'send')}</button>
          ${mine ? html`<button class="secondary" type="button" @click=${() => ((this.editing = false), this.resetForm())}>${t.t('cancel')}</button>` : nothing}
        </div>
      </form>
    `;
  }

  private renderSubmitted(sessionId: string): TemplateResult {
    const api = this.api!;
    const view = api.forSession(sessionId);
    const mine = view.mine!;
    const people = this.people.value ?? {};
    const t = this.i18n;
    return html`
      <div part="thanks" class="notice thanks">
        <p><strong>${t.t('thanks')}</strong></p>
        <p class="muted">${view.session?.title ?? ''}</p>
      </div>
      ${this.renderNoteSummary(mine)}
      ${view.waitingForOthers ? html`<p part="held" class="notice">${t.t('held')}</p>` : nothing}
      ${
        view.others.length > 0
          ? html`<section part="others" aria-labelledby="others-heading">
            <p id="others-heading"><strong>${t.t('others')}</strong></p>
            ${view.others.map((note) => html`<p class="muted">${people[note.authorId]?.displayName ?? t.t('someone')}</p>${this.renderNoteSummary(note)}`)}
          </section>`
          : nothing
      }
      ${
        view.editable
          ? html`<div class="actions"><button part="edit" class="secondary" type="button" aria-describedby=${ifDefined(view.editableUntil ? 'edit-until' : undefined)} @click=${this.handleEdit}>${t.t('edit')}</button>${view.editableUntil ? html`<p class="hint" id="edit-until">${t.t('edit.until', { time: this.formatInstant(view.editableUntil) })}</p>` : nothing}</div>`
          : view.editableUntil
            ? html`<p part="final" class="hint">${t.t('edit.closed', { time: this.formatInstant(view.editableUntil) })}</p>`
            : nothing
      }
    `;
  }

  override render(): TemplateResult {
    const state = this.viewState();
    const api = this.api;
    const id = this.targetSessionId;
    const view = api && id && state !== 'loading' && state !== 'error' ? api.forSession(id) : undefined;
    const t = this.i18n;
    let heading = t.t('heading');
    let content: TemplateResult;
    switch (state) {
      case 'loading':
        content = renderLoading(t.t('loading'), { skeleton: true, className: 'muted' });
        break;
      case 'error':
        content = html`<div part="error" class="error" role="alert"><p class="error-title">${t.t('error.title')}</p><p>${this.loadErrorMessage ?? t.t('error.fallback')}</p></div>`;
        break;
      case 'empty':
        content = html`<p part="empty" class="muted">${t.t('empty')}</p>`;
        break;
      case 'unavailable':
        content = html`<p part="empty" class="muted">${t.t('unavailable')}</p>`;
        break;
      case 'not-ended':
        content = html`<p part="empty" class="muted">${t.t('not-ended', { title: view!.session!.title, time: this.formatInstant(view!.session!.end) })}</p>`;
        break;
      case 'not-requested':
        content = html`<p part="empty" class="muted">${t.t('not-requested', { title: view!.session!.title })}</p>`;
        break;
      case 'closed':
        content = html`<p part="empty" class="muted">${t.t('closed', { title: view!.request!.sessionTitle, time: this.formatInstant(view!.request!.dueBy) })}</p>`;
        break;
      case 'submitted':
        heading = t.t('heading.thanks');
        content = this.renderSubmitted(id!);
        break;
      case 'form':
        heading = t.t(view!.mine ? 'heading.edit' : 'heading.form');
        content = this.renderForm(view!.request!, view!.mine);
        break;
    }
    return html`<section part="base" class="card" data-state=${state} aria-labelledby="heading" aria-busy=${state === 'loading' ? 'true' : 'false'}>${this.renderHeading(heading, view?.session?.pairingId ?? view?.request?.pairingId ?? this.shownPairingId)} ${content}</section>`;
  }
}
