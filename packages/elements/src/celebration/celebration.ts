import { html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { installedFeature, type MentorKit } from '@mentorkit/core';
import { wordGoalMoment, type GoalMessages, type GoalMoment, type GoalsApi, type ReplanSuggestion } from '@mentorkit/core/goals';
import { emit } from '../internal/emit.js';
import { LocaleController } from '../internal/localize.js';
import { MkElement } from '../internal/mk-element.js';
import { celebrationLanguages, celebrationMessages } from './celebration.messages.js';
import { celebrationStyles } from './celebration.styles.js';

export interface MkGoalReplanDetail {
  goalId: string;
  /** Which re-plan the person chose: split the goal, move the date, or lower the target. */
  suggestion: ReplanSuggestion;
}

export interface MkCelebrationCloseDetail {
  goalId: string;
  kind: GoalMoment['kind'];
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-goal-replan': CustomEvent<MkGoalReplanDetail>;
    'mk-celebration-close': CustomEvent<MkCelebrationCloseDetail>;
  }
}

const STAR = svg`<path d="M12 2.5l2.9 6 6.6.9-4.8 4.6 1.2 6.5L12 17.4l-5.9 3.1 1.2-6.5L2.5 9.4l6.6-.9z" fill="currentColor"/>`;
const SPROUT = svg`<path d="M12 21v-8M12 13c0-4 3-7 8-7 0 4-3 7-8 7zM12 15c0-3-2.5-5.5-7-5.5 0 3 2.5 5.5 7 5.5z" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;
const ICONS: Record<GoalMoment['kind'], SVGTemplateResult> = { celebration: STAR, achievement: STAR, reassurance: SPROUT };
const headingIn = (messages: GoalMessages, kind: GoalMoment['kind']) =>
  kind === 'celebration' ? messages.celebration.heading : kind === 'achievement' ? messages.celebration.achievedHeading : messages.reassurance.heading;

/**
 * The moment in the catalogue for `locale` (`kit.goals.messagesFor`), when it came from the client's
 * own catalogue and that differs (e.g. a Spanish page with the English default): core re-words it
 * from the codes and values it carries (`wordGoalMoment`). Moments a host wrote itself show as given.
 */
function localizeMoment(moment: GoalMoment, kit: MentorKit | undefined, locale: string | undefined): GoalMoment {
  const goals = kit ? installedFeature<GoalsApi>(kit, 'goals') : undefined;
  if (!goals) return moment;
  const messages = goals.messagesFor(locale);
  if (messages === goals.messages || moment.heading !== headingIn(goals.messages, moment.kind)) return moment;
  return wordGoalMoment(moment, messages);
}

/**
 * @summary The moment after a milestone is ticked (a celebration) or a goal slips past its date
 * (reassurance with ways to re-plan) — a polite, non-blocking toast.
 *
 * @description Call `show(moment)` with a `GoalMoment` from `@mentorkit/core/goals` (the result of
 * `completeMilestone`, or `reviewDueGoals`), or set `auto` to show the moments of the client's own
 * `milestone-completed`, `goal-achieved` and `goal-missed` events. All text comes from the goals
 * message catalogue, so hosts translate it there; on a Spanish page (`lang="es"`) moments from the
 * client's default catalogue show in core's Spanish (`kit.goals.messagesFor`). Moments shown while
 * one is open wait their turn.
 *
 * The toast is a labelled region inside a polite live region: screen readers announce it without
 * moving focus. Celebrations close themselves after `duration` milliseconds (not while pointer or
 * focus is inside); reassurance stays until closed, because it offers choices. Escape closes it
 * wherever focus is on the page (unless something else already handled that Escape, such as an open
 * dialog or menu). When the moment closes with focus inside it and nothing follows, focus goes back
 * to where it was before it entered the toast, so it never falls to the page's `<body>`.
 * Its entrance animation is off when the person prefers reduced motion.
 *
 * `<mk-goal-tracker>` has one built in; use this element on its own when milestones are completed
 * elsewhere in your page.
 *
 * @fires {CustomEvent<MkGoalReplanDetail>} mk-goal-replan - The person chose a re-plan suggestion (split, move-date, lower-target).
 * @fires {CustomEvent<MkCelebrationCloseDetail>} mk-celebration-close - The person closed the moment.
 *
 * @csspart region - The live region that holds the moment.
 * @csspart moment - The toast; carries `data-kind` (celebration, achievement, reassurance).
 * @csspart icon - The decorative icon.
 * @csspart heading - The heading.
 * @csspart message - The message.
 * @csspart suggestions - The list of re-plan suggestions.
 * @csspart suggestion - One suggestion button; carries `data-suggestion`.
 * @csspart close - The close button.
 *
 * @cssprop [--mk-celebration-position=fixed] - `fixed` (corner of the viewport) or `static` (in the flow).
 * @cssprop [--mk-celebration-offset=var(--mk-space-5)] - Distance from the viewport corner.
 * @cssprop [--mk-celebration-background=var(--mk-color-surface-raised)] - Background of the toast.
 * @cssprop [--mk-celebration-accent=var(--mk-color-success)] - Edge colour of celebrations.
 * @cssprop [--mk-celebration-reassurance-accent=var(--mk-color-accent)] - Edge colour of reassurance.
 * @cssprop [--mk-celebration-z-index=1000] - Stacking order.
 */
export class MkCelebration extends MkElement {
  static override styles = [MkElement.styles, celebrationStyles];

  private readonly i18n = new LocaleController(this, 'mk-celebration', celebrationMessages, celebrationLanguages);
  @state() private current: GoalMoment | undefined;
  private readonly queue: GoalMoment[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private paused = false;
  private unsubscribe: (() => void) | undefined;
  private subscribedKit: MentorKit | undefined;
  /** Where focus was before it entered the toast: it goes back there when the toast closes under it. */
  private focusOrigin: HTMLElement | undefined;

  /** Show the moments of the client's own goal events automatically. */
  @property({ type: Boolean, reflect: true }) auto = false;

  /** How long a celebration stays, in milliseconds (0: until closed). Reassurance always stays until closed. */
  @property({ type: Number }) duration = 8000;

  override connectedCallback(): void {
    super.connectedCallback();
    // Escape anywhere on the page closes the toast: it appears without taking focus, so a keyboard
    // user must be able to dismiss it from where they are (WCAG 1.4.13).
    this.ownerDocument.addEventListener('keydown', this.handleKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.ownerDocument.removeEventListener('keydown', this.handleKeydown);
    this.follow(undefined);
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.follow(this.auto ? this.currentKit : undefined);
  }

  private follow(kit: MentorKit | undefined): void {
    if (kit === this.subscribedKit) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedKit = kit;
    if (!kit) return;
    const offs = (['milestone-completed', 'goal-achieved', 'goal-missed'] as const).map((type) =>
      kit.on(type, (event) => {
        if (event.actorId !== kit.user.id) return;
        const moment = 'celebration' in event.data ? event.data.celebration : event.data.reassurance;
        if (moment) this.show(moment);
      }),
    );
    this.unsubscribe = () => offs.forEach((off) => off());
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.current || this.current.kind === 'reassurance' || this.duration <= 0 || this.paused) return;
    this.timer = setTimeout(() => this.advance(), this.duration);
  }

  private advance(): void {
    clearTimeout(this.timer);
    this.current = this.queue.shift();
    this.schedule();
  }

  private handleClose(): void {
    const closed = this.current;
    const focusWasInside = this.matches(':focus-within');
    this.advance();
    if (closed) emit(this, 'mk-celebration-close', { goalId: closed.goalId, kind: closed.kind });
    if (focusWasInside) this.refocusAfterClose();
  }

  /**
   * The focused control went away with the moment: focus the next moment's close button, or go back
   * to where focus was before the toast (when that is still on the page and enabled).
   */
  private refocusAfterClose(): void {
    const origin = this.focusOrigin;
    if (!this.current) this.focusOrigin = undefined;
    void this.updateComplete.then(() => {
      // Something else took focus meanwhile (a re-plan opened an editor): leave it there.
      const active = this.ownerDocument.activeElement;
      if (active && active !== this.ownerDocument.body && active !== this) return;
      const close = this.current ? this.shadowRoot?.querySelector<HTMLElement>('.close') : undefined;
      if (close) close.focus();
      else if (origin?.isConnected && !origin.matches(':disabled')) origin.focus();
    });
  }

  private handleSuggestion(suggestion: ReplanSuggestion): void {
    const moment = this.current;
    if (!moment) return;
    const focusWasInside = this.matches(':focus-within');
    this.advance();
    emit(this, 'mk-goal-replan', { goalId: moment.goalId, suggestion });
    if (focusWasInside) this.refocusAfterClose();
  }

  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.current || event.defaultPrevented) return;
    // An Escape meant for an open modal dialog (or a menu inside one) is not ours.
    const target = event.composedPath()[0];
    if (target instanceof Element && target.closest('dialog[open]')) return;
    this.handleClose();
  };

  private readonly handleFocusin = (event: FocusEvent): void => {
    this.pause();
    const from = event.relatedTarget;
    // Focus coming from outside the toast (not moving between its own buttons): remember where from.
    if (from instanceof HTMLElement && !this.shadowRoot?.contains(from) && from !== this) this.focusOrigin = from;
  };

  private readonly pause = (): void => {
    this.paused = true;
    clearTimeout(this.timer);
  };

  private readonly resume = (): void => {
    this.paused = false;
    this.schedule();
  };

  /** Shows a moment now, or after the one already showing. */
  show(moment: GoalMoment): void {
    if (!moment || typeof moment.heading !== 'string' || typeof moment.message !== 'string')
      throw new TypeError('<mk-celebration>.show needs a GoalMoment from @mentorkit/core/goals.');
    if (this.current) this.queue.push(moment);
    else {
      this.current = moment;
      this.schedule();
    }
  }

  /** Closes the moment showing (the next one, if any, follows). */
  close(): void {
    this.advance();
  }

  /** The moment showing now, if any. */
  get moment(): GoalMoment | undefined {
    return this.current;
  }

  override render(): TemplateResult {
    const moment = this.current && localizeMoment(this.current, this.currentKit, this.i18n.locale);
    return html`
      <div part="region" role="status" aria-live="polite" @pointerenter=${this.pause} @pointerleave=${this.resume} @focusin=${this.handleFocusin} @focusout=${this.resume}>
        ${
          moment
            ? html`
              <section part="moment" class="moment" data-kind=${moment.kind} aria-labelledby="heading">
                <div class="top">
                  <svg part="icon" class="icon" aria-hidden="true" viewBox="0 0 24 24" width="28" height="28">${ICONS[moment.kind] ?? STAR}</svg>
                  <h2 part="heading" id="heading">${moment.heading}</h2>
                  <button part="close" class="close" type="button" aria-label=${this.i18n.t('close')} @click=${this.handleClose}>✕</button>
                </div>
                <p part="message">${moment.message}</p>
                ${
                  moment.suggestions.length > 0
                    ? html`<ul part="suggestions">
                      ${moment.suggestions.map((suggestion) => html`<li><button part="suggestion" class="suggestion" type="button" data-suggestion=${suggestion.kind} @click=${() => this.handleSuggestion(suggestion.kind)}>${suggestion.text}</button></li>`)}
                    </ul>`
                    : nothing
                }
              </section>
            `
            : nothing
        }
      </div>
    `;
  }
}
