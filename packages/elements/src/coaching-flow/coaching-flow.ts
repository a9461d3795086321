import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { html as staticHtml } from 'lit/static-html.js';
import { TEXT_LIMITS, isMentorKitError, localTimeOf, type MentorKitError } from '@mentorkit/core';
import {
  actionsFromFlow,
  answersOverLimit,
  checkAnswerLength,
  coachingFeature,
  coachingModelIn,
  summarize,
  type AnswerLengthCheck,
  type CoachingApi,
  type CoachingFlow,
  type CoachingModel,
  type CoachingPrompt,
  type CoachingRun,
  type CoachingStep,
  type GoalDraft,
  type GoalHandOffContext,
} from '@mentorkit/core/coaching';
import { emit } from '../internal/emit.js';
import { formatCalendarDate } from '../internal/format.js';
import { LocaleController } from '../internal/localize.js';
import { errorText } from '../field-errors/field-errors.js';
import { headingTag } from '../internal/heading.js';
import { renderLoadError } from '../internal/frame.js';
import { MkElement } from '../internal/mk-element.js';
import { nameOf } from '../internal/people.js';
import { StoreController } from '../internal/store-controller.js';
import { counterId, describedByWithCounter, lengthLimit, renderTextCounter, textLimit, textLimitMessage, textLimitStyles } from '../text-limit/text-limit.js';
import { coachingFlowLanguages, coachingFlowMessages } from './coaching-flow.messages.js';
import { coachingFlowStyles } from './coaching-flow.styles.js';

export interface MkTurnIntoGoalsDetail {
  runId: string;
  pairingId: string;
  modelId: string;
  /** The run's actions as goal drafts (`actionsFromFlow`), with the due date and skill the person gave. */
  drafts: GoalDraft[];
  /** The date the goals are due (`YYYY-MM-DD`), asked before they are made: pass it to `kit.coaching.turnIntoGoals`. */
  dueDate: string;
  /** The skill or development area they serve, asked too. */
  skill: string;
}

export interface MkCoachingRunDetail {
  runId: string;
  pairingId: string;
  modelId: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-turn-into-goals': CustomEvent<MkTurnIntoGoalsDetail>;
    'mk-coaching-run-start': CustomEvent<MkCoachingRunDetail>;
    'mk-coaching-run-complete': CustomEvent<MkCoachingRunDetail>;
  }
}

/** How long typing pauses before an answer is saved (a blur saves at once). */
const AUTOSAVE_DELAY_MS = 600;
type SaveState = { state: 'idle' | 'saving' | 'saved' | 'too-long' } | { state: 'error'; message: string };

/**
 * @summary A coaching session walked through GROW, OSKAR or an organisation's own model: one step
 * at a time, every answer saved as you go, resumable anywhere, ending in a summary whose actions
 * become goals.
 *
 * @description Shows a stepper (a list with `aria-current="step"`), the current step's purpose
 * and its prompts as fields — text, a list (one item per line) or a 0–10 scale (a radio group,
 * arrow keys move the choice) — with Back and Next. Every answer is saved through
 * `kit.coaching` (`coachingFeature`) shortly after typing pauses and at once when a field loses
 * focus, with the run's revision, so the session resumes where it was left, on any device, for
 * both members of the pairing. Next refuses to leave a step while a required question is empty and
 * says which. Answers have length limits (core's `COACHING_LIMITS`: 4,000 characters for a text
 * answer, 500 per list item, 50 items): a counter shows from 80 % of the limit, and an answer over it
 * is marked invalid, kept whole in its field (nothing is cut, Back and Next keep it) and not saved;
 * Next and Finish wait until it is shortened. The summary lists every answer and the actions; **Turn into goals** fires
 * `mk-turn-into-goals` with the actions as goal drafts, and — when `.createGoal` is set — hands
 * them to it through `kit.coaching.turnIntoGoals`, which records the hand-off on the run.
 *
 * Without `run-id`, the element resumes the pairing's unfinished run of the model, or offers to
 * start one. Custom models render with no extra code: pass them in `.models` (or register them
 * with `kit.coaching.registerModel`) and name one in `model`.
 *
 * @fires {CustomEvent<MkTurnIntoGoalsDetail>} mk-turn-into-goals - The user asked to turn the actions into goals: `detail.drafts`. Cancelable: `preventDefault()` stops the element's own `.createGoal` hand-off.
 * @fires {CustomEvent<MkCoachingRunDetail>} mk-coaching-run-start - The user started a run.
 * @fires {CustomEvent<MkCoachingRunDetail>} mk-coaching-run-complete - The user finished a run.
 *
 * @csspart base - The card.
 * @csspart heading - The card's heading ("GROW session").
 * @csspart pairing-with - "with Lucía Fernández": whose pairing it shows, in the heading.
 * @csspart save-status - "Saving…" / "Saved" / "Not saved: …" (a live region).
 * @csspart loading - The loading message.
 * @csspart error - An error box (`role="alert"`).
 * @csspart unavailable - The message shown when there is no pairing, model or run to show.
 * @csspart intro - The screen that starts a session.
 * @csspart start-button - Its start button.
 * @csspart stepper - The list of steps.
 * @csspart stepper-item - One step in it; carries `data-state` (done, current, upcoming).
 * @csspart step - The current step.
 * @csspart step-title - Its heading.
 * @csspart purpose - Its purpose line.
 * @csspart previous - OSKAR's Review: what the previous run said.
 * @csspart field - One prompt with its label and input.
 * @csspart label - A prompt's question.
 * @csspart hint - A prompt's help text.
 * @csspart textarea - A text or list input.
 * @csspart scale - A scale prompt (the radio group).
 * @csspart scale-option - One value of the scale.
 * @csspart counter - An answer's character counter (`data-state="near"` or `"over"`, with what is too long).
 * @csspart answered-by - Who gave the answer, when it was someone else.
 * @csspart step-error - The message that required questions are unanswered, or that an answer is too long.
 * @csspart back-button - Back.
 * @csspart next-button - Next / Finish.
 * @csspart summary - The summary screen.
 * @csspart summary-step - One step of the summary.
 * @csspart summary-actions - The actions list.
 * @csspart turn-into-goals-button - The hand-off button.
 * @csspart handed-off - "Turned into 2 goals on …".
 * @csspart new-session-button - Start a new session.
 *
 * @cssprop [--mk-coaching-flow-background=var(--mk-color-surface)] - Background of the card.
 * @cssprop [--mk-coaching-flow-panel-background=var(--mk-color-surface-raised)] - Background of panels (previous run, alerts).
 * @cssprop [--mk-coaching-flow-field-background=var(--mk-color-surface)] - Background of text fields.
 * @cssprop [--mk-coaching-flow-border-color=var(--mk-color-border)] - Borders.
 * @cssprop [--mk-coaching-flow-accent=var(--mk-color-accent)] - The current step, the chosen scale value and buttons.
 * @cssprop [--mk-coaching-flow-radius=var(--mk-radius-lg)] - Corner radius of the card.
 * @cssprop [--mk-coaching-flow-padding=var(--mk-space-5)] - Inner spacing of the card.
 * @cssprop [--mk-coaching-flow-gap=var(--mk-space-4)] - Space between the card's parts.
 */
export class MkCoachingFlow extends MkElement {
  static override styles = [MkElement.styles, textLimitStyles, coachingFlowStyles];

  private readonly runs = new StoreController(this, () => this.coaching?.$runs);
  private readonly people = new StoreController(this, () => this.currentKit?.$people);
  private readonly pairings = new StoreController(this, () => this.currentKit?.$pairings);
  private readonly loaded = new StoreController(this, () => this.coaching?.$loaded);
  private readonly i18n = new LocaleController(this, 'mk-coaching-flow', coachingFlowMessages, coachingFlowLanguages);

  /** The run on screen when `run-id` is not set: the one started or resumed here. */
  @state() private activeRunId: string | undefined;
  /** Unsaved text typed per prompt id (saved after a pause or on blur). */
  @state() private drafts: Readonly<Record<string, string>> = {};
  @state() private save: SaveState = { state: 'idle' };
  @state() private stepError: MentorKitError | undefined;
  /** The step whose Next (or Finish) was refused because an answer is over its length limit. */
  @state() private limitBlockedStepId: string | undefined;
  @state() private actionError: MentorKitError | undefined;
  @state() private busy = false;
  /** "Turn into goals" asks first for the date and the skill the goals serve (SMART's T and R). */
  @state() private handOff: { dueDate: string; skill: string; errors: { dueDate?: string | undefined; skill?: string | undefined } } | undefined;

  /** The pairing shown at the last update (to start afresh when it changes). */
  private followedPairingId: string | undefined;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private focusAfterUpdate: string | undefined;

  /** `grow`, `oskar`, or the id of a custom model (from `.models` or `kit.coaching.registerModel`). */
  @property({ reflect: true }) model = 'grow';

  /** The pairing the session belongs to. Default: the client's current pairing (`kit.$currentPairingId`). */
  @property({ attribute: 'pairing-id', reflect: true }) pairingId?: string | undefined;

  /** Show this run (e.g. from a link); otherwise the pairing's unfinished run of the model is resumed. */
  @property({ attribute: 'run-id', reflect: true }) runId?: string | undefined;

  /** Custom coaching models (from `defineCoachingModel`), looked up by `model` before the client's registry. */
  @property({ attribute: false }) models: readonly CoachingModel[] = [];

  /**
   * The hand-off to goals: called with each goal draft when the user turns the actions into goals,
   * e.g. `(draft, { pairingId }) => kit.goals.create({ ...draft, pairingId })`. Without it the
   * element only fires `mk-turn-into-goals` and the host does the rest.
   */
  @property({ attribute: false }) createGoal?: (draft: GoalDraft, context: GoalHandOffContext) => Promise<unknown> | unknown;

  /** Level of the card's heading (1–6); steps are one level below. */
  @property({ attribute: 'heading-level', type: Number, reflect: true }) headingLevel = 2;

  /** BCP 47 locale for dates and messages. Default: the nearest `lang`, else the browser's. */
  @property() locale?: string | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Typing not yet saved is saved now rather than lost.
    for (const promptId of [...this.timers.keys()]) void this.flush(promptId);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another pairing (its own `pairing-id`, or the client's current pairing it follows), model or run: start from that one's state.
    const pairingId = this.shownPairingId;
    const otherPairing = this.followedPairingId !== undefined && pairingId !== this.followedPairingId;
    this.followedPairingId = pairingId;
    if (otherPairing || changed.get('model') !== undefined || changed.get('runId') !== undefined) {
      // Typing not yet saved goes to the run it was typed in before the switch.
      for (const promptId of [...this.timers.keys()]) void this.flush(promptId);
      this.activeRunId = undefined;
      this.drafts = {};
      this.stepError = undefined;
      this.limitBlockedStepId = undefined;
    }
    // Resume the pairing's unfinished run of this model once runs are loaded.
    if (!this.runId && !this.activeRunId && this.loaded.value && pairingId && this.coaching) {
      const open = this.coaching.openRun(pairingId, this.resolvedModel?.id ?? this.model);
      if (open) this.activeRunId = open.id;
    }
  }

  protected override updated(): void {
    if (this.focusAfterUpdate) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterUpdate);
      this.focusAfterUpdate = undefined;
      target?.focus();
    }
  }

  private get coaching(): CoachingApi | undefined {
    return this.currentKit?.use(coachingFeature);
  }

  private get resolvedModel(): CoachingModel | undefined {
    return this.models.find((candidate) => candidate.id === this.model) ?? this.coaching?.findModel(this.model);
  }

  private get run(): CoachingRun | undefined {
    const id = this.runId ?? this.activeRunId;
    return id === undefined ? undefined : this.runs.value?.find((run) => run.id === id);
  }

  private flowOf(run: CoachingRun): CoachingFlow | undefined {
    try {
      return this.coaching?.flowOf(run);
    } catch {
      return undefined;
    }
  }

  private date(instant: string | undefined): string {
    return instant ? formatCalendarDate(instant.slice(0, 10), this.i18n.locale) : '';
  }

  // ---- handlers ------------------------------------------------------------------------------

  private async saveAnswer(promptId: string, value: string | number | null): Promise<void> {
    const run = this.run;
    const coaching = this.coaching;
    if (!run || !coaching) return;
    this.save = { state: 'saving' };
    try {
      // Core queues every write on the run after the ones before it, so this starts from the latest revision.
      await coaching.answer(run.id, promptId, value);
      // "Saved" only while no typed answer waits for being too long.
      this.save = { state: this.hasOverLimitDraft() ? 'too-long' : 'saved' };
    } catch (error) {
      this.save = { state: 'error', message: isMentorKitError(error) ? error.message : String(error) };
      throw error;
    }
  }

  /** The run's saved flow (its model's ids), for core's checks of what is typed. */
  private savedFlow(): CoachingFlow | undefined {
    const run = this.run;
    return run ? this.flowOf(run) : undefined;
  }

  /** The draft's length problems (core's `checkAnswerLength`), none when there is no draft. */
  private lengthOf(prompt: CoachingPrompt, value: string): AnswerLengthCheck {
    return checkAnswerLength(prompt, value);
  }

  /**
   * Saves the draft of one prompt now (cancelling its pending timer): `saved` when nothing is left
   * unsaved, `failed` when the save failed (the save status says why), `too-long` when the draft is
   * over its length limit — then it stays in the field, whole, and is not sent (core would refuse it).
   */
  private async flush(promptId: string): Promise<'saved' | 'too-long' | 'failed'> {
    const timer = this.timers.get(promptId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(promptId);
    const draft = this.drafts[promptId];
    if (draft === undefined) return 'saved';
    const flow = this.savedFlow();
    if (flow && answersOverLimit(flow, { [promptId]: draft }).length > 0) {
      this.save = { state: 'too-long' };
      return 'too-long';
    }
    try {
      await this.saveAnswer(promptId, draft);
      if (this.drafts[promptId] === draft) {
        const { [promptId]: _saved, ...rest } = this.drafts;
        this.drafts = rest;
      }
      return 'saved';
    } catch {
      /* shown in save-status; the draft stays in the field */
      return 'failed';
    }
  }

  /**
   * Saves every draft; `false` when a save failed. Drafts over their limit stay unsaved in their
   * fields (Next checks the current step's before it gets here; another step's wait for that step).
   */
  private async flushAll(): Promise<boolean> {
    const results = await Promise.all(Object.keys(this.drafts).map((promptId) => this.flush(promptId)));
    return !results.includes('failed');
  }

  private hasOverLimitDraft(): boolean {
    const flow = this.savedFlow();
    return flow !== undefined && answersOverLimit(flow, this.drafts).length > 0;
  }

  /** Prompts of `step` whose typed answer is over a length limit (core's `answersOverLimit`). */
  private overLimitPrompts(step: CoachingStep): CoachingPrompt[] {
    const flow = this.savedFlow();
    return flow ? answersOverLimit(flow, this.drafts, step.id) : [];
  }

  private handleInput(promptId: string, event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.drafts = { ...this.drafts, [promptId]: value };
    if (this.limitBlockedStepId !== undefined) {
      const step = this.currentStepOf();
      if (!step || this.overLimitPrompts(step).length === 0) this.limitBlockedStepId = undefined;
    }
    const timer = this.timers.get(promptId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.set(
      promptId,
      setTimeout(() => void this.flush(promptId), AUTOSAVE_DELAY_MS),
    );
  }

  private handleScale(promptId: string, value: number): void {
    void this.saveAnswer(promptId, value).catch(() => undefined);
  }

  private async act(task: () => Promise<unknown>, focus?: string): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.actionError = undefined;
    try {
      await task();
      if (focus) this.focusAfterUpdate = focus;
      return true;
    } catch (error) {
      this.actionError = isMentorKitError(error) ? error : undefined;
      if (!isMentorKitError(error)) this.save = { state: 'error', message: String(error) };
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async handleStart(model: CoachingModel): Promise<void> {
    const coaching = this.coaching;
    const pairingId = this.shownPairingId;
    if (!coaching || !pairingId) return;
    await this.act(async () => {
      const run = await coaching.start({ pairingId, model: this.models.includes(model) ? model : model.id });
      this.activeRunId = run.id;
      this.drafts = {};
      this.stepError = undefined;
      emit(this, 'mk-coaching-run-start', { runId: run.id, pairingId, modelId: model.id });
    }, '#step-title');
  }

  private async handleNext(event: Event, flow: CoachingFlow): Promise<void> {
    event.preventDefault();
    const run = this.run;
    const coaching = this.coaching;
    if (!run || !coaching || this.busy) return;
    const last = flow.stepIndex === flow.model.steps.length - 1;
    const step = flow.model.steps[flow.stepIndex];
    this.stepError = undefined;
    this.actionError = undefined;
    // An answer over its limit blocks Next and Finish: the text stays whole in its field, marked, and nothing moves on.
    const tooLong = step ? this.overLimitPrompts(step) : [];
    if (tooLong.length > 0) {
      this.limitBlockedStepId = step!.id;
      this.focusAfterUpdate = `#prompt-${tooLong[0]!.id}`;
      return;
    }
    this.limitBlockedStepId = undefined;
    this.busy = true;
    try {
      // A save that failed (the save status says why) keeps the session on this step, so no answer is left behind.
      if (!(await this.flushAll())) return;
      if (last) {
        await coaching.complete(run.id, { locale: this.i18n.locale });
        emit(this, 'mk-coaching-run-complete', { runId: run.id, pairingId: run.pairingId, modelId: run.modelId });
        this.focusAfterUpdate = '#summary-title';
      } else {
        await coaching.next(run.id, { locale: this.i18n.locale });
        this.focusAfterUpdate = '#step-title';
      }
    } catch (error) {
      if (isMentorKitError(error, 'invalid-input') && Array.isArray(error.details.missingPromptIds)) {
        this.stepError = error;
        this.focusAfterUpdate = `#prompt-${(error.details.missingPromptIds as string[])[0]}`;
      } else this.actionError = isMentorKitError(error) ? error : undefined;
    } finally {
      this.busy = false;
    }
  }

  private async handleBack(): Promise<void> {
    const run = this.run;
    const coaching = this.coaching;
    if (!run || !coaching) return;
    this.stepError = undefined;
    this.limitBlockedStepId = undefined;
    // Back keeps every draft, an answer over its limit too: it is still in its field when the step comes back.
    await this.act(async () => {
      await this.flushAll();
      await coaching.back(run.id, { locale: this.i18n.locale });
    }, '#step-title');
  }

  private async handleComplete(run: CoachingRun): Promise<void> {
    const coaching = this.coaching;
    if (!coaching) return;
    await this.act(() => coaching.complete(run.id, { locale: this.i18n.locale }), '#summary-title');
  }

  /** Opens the questions before the hand-off: a due date (four weeks ahead) and the skill (the mentee's first learning wish, if any). */
  private openHandOff(run: CoachingRun): void {
    const today = localTimeOf(this.currentKit?.$me.get()?.timeZone ?? 'UTC', this.currentKit?.now() ?? new Date().toISOString()).date;
    const inFourWeeks = new Date(Date.parse(`${today}T00:00:00Z`) + 28 * 86_400_000).toISOString().slice(0, 10);
    const mentee = this.currentKit?.$pairings.get().find((pairing) => pairing.id === run.pairingId)?.menteeId;
    const wish = mentee ? this.people.value?.[mentee]?.wantsToLearn?.[0]?.name : undefined;
    this.handOff = { dueDate: inFourWeeks, skill: wish ?? '', errors: {} };
    this.focusAfterUpdate = '#hand-off-due';
  }

  private async handleTurnIntoGoals(event: SubmitEvent, run: CoachingRun, flow: CoachingFlow): Promise<void> {
    event.preventDefault();
    const handOff = this.handOff;
    if (!handOff || this.busy) return;
    const today = localTimeOf(this.currentKit?.$me.get()?.timeZone ?? 'UTC', this.currentKit?.now() ?? new Date().toISOString()).date;
    const skill = handOff.skill.trim();
    // Every field that needs an answer, at once.
    const errors = {
      ...(!/^\d{4}-\d{2}-\d{2}$/.test(handOff.dueDate) || handOff.dueDate < today ? { dueDate: this.i18n.t('hand-off.error.due') } : {}),
      ...(skill === ''
        ? { skill: this.i18n.t('hand-off.error.skill') }
        : textLimit(skill, TEXT_LIMITS.goal.skill).over
          ? { skill: textLimitMessage('limit.blocked', this.i18n.locale) }
          : {}),
    };
    if (Object.keys(errors).length > 0) {
      this.handOff = { ...handOff, errors };
      this.focusAfterUpdate = errors.dueDate ? '#hand-off-due' : '#hand-off-skill';
      return;
    }
    const options = { locale: this.i18n.locale, dueDate: handOff.dueDate, skill };
    const drafts = actionsFromFlow(flow, options);
    const fired = emit(
      this,
      'mk-turn-into-goals',
      { runId: run.id, pairingId: run.pairingId, modelId: run.modelId, drafts, dueDate: handOff.dueDate, skill },
      { cancelable: true },
    );
    const create = this.createGoal;
    const coaching = this.coaching;
    if (fired.defaultPrevented || !create || !coaching) {
      this.handOff = undefined;
      return;
    }
    await this.act(async () => {
      await coaching.turnIntoGoals(run.id, create, options);
      this.handOff = undefined;
    }, '#handed-off');
  }

  private renderHandOff(run: CoachingRun, flow: CoachingFlow, count: number): TemplateResult {
    const handOff = this.handOff!;
    const t = (id: string, parameters?: Record<string, string | number>) => this.i18n.t(id, parameters);
    // The skill becomes each goal's skill: core's limit for it, with the counter every form shows near it.
    const skillLimit = textLimit(handOff.skill.trim(), TEXT_LIMITS.goal.skill);
    // From the state at the time of typing, not of this render (two fields may change before the next one).
    const set = (changes: Partial<{ dueDate: string; skill: string }>) => (this.handOff = { ...this.handOff!, ...changes, errors: {} });
    return html`<form part="hand-off" class="hand-off" novalidate aria-labelledby="hand-off-title" @submit=${(event: SubmitEvent) => void this.handleTurnIntoGoals(event, run, flow)}>
      <p id="hand-off-title" class="hand-off-title">${t('hand-off.title', { count })}</p>
      <div class="field">
        <label for="hand-off-due">${t('hand-off.due')}</label>
        <input id="hand-off-due" type="date" .value=${live(handOff.dueDate)} aria-invalid=${handOff.errors.dueDate ? 'true' : 'false'} aria-describedby=${handOff.errors.dueDate ? 'hand-off-due-error' : nothing} @input=${(event: Event) => set({ dueDate: (event.target as HTMLInputElement).value })} />
        ${handOff.errors.dueDate ? html`<p class="field-error" id="hand-off-due-error">${handOff.errors.dueDate}</p>` : nothing}
      </div>
      <div class="field">
        <label for="hand-off-skill">${t('hand-off.skill')}</label>
        <input id="hand-off-skill" type="text" .value=${live(handOff.skill)} aria-invalid=${String(!!handOff.errors.skill || skillLimit.over)}
          aria-describedby=${describedByWithCounter('hand-off-skill', skillLimit, handOff.errors.skill ? 'hand-off-skill-error' : 'hand-off-skill-hint')!} @input=${(event: Event) => set({ skill: (event.target as HTMLInputElement).value })} />
        ${renderTextCounter('hand-off-skill', skillLimit, this.i18n.locale)}
        ${handOff.errors.skill ? html`<p class="field-error" id="hand-off-skill-error">${handOff.errors.skill}</p>` : html`<p class="muted" id="hand-off-skill-hint">${t('hand-off.skill-hint')}</p>`}
      </div>
      <div class="actions">
        <button part="hand-off-create" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t('summary.handing-off') : t('hand-off.create', { count })}</button>
        <button part="hand-off-cancel" class="secondary" type="button" @click=${() => {
          this.handOff = undefined;
          this.focusAfterUpdate = '[part~="turn-into-goals-button"]';
        }}>${t('hand-off.cancel')}</button>
      </div>
    </form>`;
  }

  /** The step on screen, if any. */
  private currentStepOf(): CoachingStep | undefined {
    const run = this.run;
    const flow = run ? this.flowOf(run) : undefined;
    return flow ? flow.model.steps[flow.stepIndex] : undefined;
  }

  private handleNewSession(): void {
    this.limitBlockedStepId = undefined;
    this.activeRunId = undefined;
    this.runId = undefined;
    this.drafts = {};
    this.stepError = undefined;
    this.actionError = undefined;
    this.save = { state: 'idle' };
    this.focusAfterUpdate = '[part~="start-button"]';
  }

  // ---- rendering -----------------------------------------------------------------------------

  private renderHeading(text: string): TemplateResult {
    const tag = headingTag(this.headingLevel);
    return staticHtml`<${tag} part="heading" class="heading" id="heading">${text}${this.renderPairingWith(this.shownPairingId, this.i18n.locale, (names) => this.i18n.t('with', { names }))}</${tag}>`;
  }

  private subheading(id: string, part: string, text: string, levelOffset = 1): TemplateResult {
    const tag = headingTag(this.headingLevel + levelOffset);
    return staticHtml`<${tag} part=${part} class=${part} id=${id} tabindex="-1">${text}</${tag}>`;
  }

  private renderSaveStatus(): TemplateResult {
    const save = this.save;
    const text =
      save.state === 'saving'
        ? this.i18n.t('save.saving')
        : save.state === 'saved'
          ? this.i18n.t('save.saved')
          : save.state === 'too-long'
            ? this.i18n.t('save.too-long')
            : save.state === 'error'
              ? this.i18n.t('save.failed', { message: save.message })
              : '';
    return html`<p part="save-status" class="save-status" role="status" data-state=${save.state}>${text}</p>`;
  }

  private renderActionError(): TemplateResult | typeof nothing {
    return this.actionError ? html`<div part="error" class="alert" role="alert">${errorText(this.actionError, this.i18n.locale, false)}</div>` : nothing;
  }

  private renderStepper(flow: CoachingFlow): TemplateResult {
    const total = flow.model.steps.length;
    return html`
      <ol part="stepper" class="stepper" aria-label=${this.i18n.t('stepper')}>
        ${flow.model.steps.map((step, index) => {
          const stateName = index < flow.stepIndex ? 'done' : index === flow.stepIndex ? 'current' : 'upcoming';
          return html`<li part="stepper-item" class="stepper-item" data-state=${stateName} aria-current=${index === flow.stepIndex ? 'step' : nothing}>
            <span class="stepper-number" aria-hidden="true">${index + 1}</span><span>${step.title}</span>
          </li>`;
        })}
        <li part="stepper-item" class="stepper-item" data-state=${flow.stepIndex >= total ? 'current' : 'upcoming'} aria-current=${flow.stepIndex >= total ? 'step' : nothing}>
          <span>${this.i18n.t('stepper.summary')}</span>
        </li>
      </ol>
    `;
  }

  private renderAnsweredBy(flow: CoachingFlow, prompt: CoachingPrompt): TemplateResult | typeof nothing {
    const entry = flow.answers[prompt.id];
    if (!entry?.answeredBy || entry.answeredBy === this.currentKit?.user.id) return nothing;
    return html`<p part="answered-by" class="answered-by">${this.i18n.t('answered-by', { name: nameOf(this.people.value, entry.answeredBy) })}</p>`;
  }

  /**
   * The counter under a text or list answer: characters left from 80 % of the limit, and what is too
   * long once over it (for lists: each item too long, by line, and too many items). Nothing below 80 %.
   */
  private renderLengthCounter(id: string, prompt: CoachingPrompt, length: AnswerLengthCheck): TemplateResult | typeof nothing {
    const t = (messageId: string, parameters?: Record<string, string | number>) => this.i18n.t(messageId, parameters);
    const locale = this.i18n.locale;
    if (prompt.kind === 'text') return renderTextCounter(id, lengthLimit(length.length, length.max), locale);
    const number = new Intl.NumberFormat(locale);
    const lines = length.problems.map((problem) =>
      problem.kind === 'item-too-long'
        ? t('limit.item-over', { line: number.format(problem.line), excess: number.format(problem.length - problem.max), max: number.format(problem.max) })
        : problem.kind === 'too-many-items'
          ? t('limit.items-over', { count: number.format(problem.count), max: number.format(problem.max), excess: number.format(problem.count - problem.max) })
          : textLimitMessage('limit.over', locale, { excess: number.format(problem.length - problem.max), max: number.format(problem.max) }),
    );
    if (lines.length > 0)
      return html`<p part="counter" class="counter" id=${counterId(id)} data-state="over">${lines.map((line, index) => html`${index > 0 ? html`<br />` : nothing}${line}`)}</p>`;
    return lengthLimit(length.length, length.max).shown
      ? html`<p part="counter" class="counter" id=${counterId(id)} data-state="near">${t('limit.item-left', { left: number.format(length.max - length.length) })}</p>`
      : nothing;
  }

  private renderPrompt(flow: CoachingFlow, prompt: CoachingPrompt, missing: ReadonlySet<string>): TemplateResult {
    const id = `prompt-${prompt.id}`;
    const invalid = missing.has(prompt.id);
    const required = prompt.required ? html` <span class="required">(${this.i18n.t('required')})</span>` : nothing;
    const stored = flow.answers[prompt.id]?.value;
    if (prompt.kind === 'scale') {
      const min = prompt.min ?? 0;
      const max = prompt.max ?? 10;
      const values = Array.from({ length: max - min + 1 }, (_, index) => min + index);
      const ends =
        prompt.minLabel && prompt.maxLabel ? this.i18n.t('scale.ends', { min, max, minLabel: prompt.minLabel, maxLabel: prompt.maxLabel }) : undefined;
      const describedBy = [prompt.help ? `${id}-help` : '', ends ? `${id}-ends` : '', invalid ? 'step-error' : ''].filter(Boolean).join(' ');
      return html`
        <fieldset part="field scale" class="field scale" ?data-invalid=${invalid} aria-describedby=${describedBy || nothing}>
          <legend part="label" class="label">${prompt.text}${required}</legend>
          ${prompt.help ? html`<p part="hint" class="hint" id=${`${id}-help`}>${prompt.help}</p>` : nothing}
          ${ends ? html`<p part="hint" class="hint" id=${`${id}-ends`}>${ends}</p>` : nothing}
          <div class="scale-options">
            ${values.map(
              (value, index) => html`<label part="scale-option" class="scale-option">
                <input type="radio" name=${prompt.id} id=${index === 0 ? id : `${id}-${value}`} .value=${String(value)} .checked=${live(stored === value)} @change=${() => this.handleScale(prompt.id, value)} />
                <span>${value}</span>
              </label>`,
            )}
          </div>
          ${this.renderAnsweredBy(flow, prompt)}
        </fieldset>
      `;
    }
    const value = this.drafts[prompt.id] ?? (Array.isArray(stored) ? stored.join('\n') : typeof stored === 'string' ? stored : '');
    // List prompts say how to enter items: the prompt's own help when it has one, else the generic hint.
    const hint = prompt.help ?? (prompt.kind === 'list' ? this.i18n.t('list.hint') : undefined);
    const length = this.lengthOf(prompt, value);
    const counter = this.renderLengthCounter(id, prompt, length);
    const tooLong = length.problems.length > 0;
    const describedBy = [
      hint ? `${id}-help` : '',
      counter === nothing ? '' : counterId(id),
      invalid || (tooLong && this.limitBlockedStepId !== undefined) ? 'step-error' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return html`
      <div part="field" class="field">
        <label part="label" class="label" for=${id}>${prompt.text}${required}</label>
        ${hint ? html`<p part="hint" class="hint" id=${`${id}-help`}>${hint}</p>` : nothing}
        <textarea
          part="textarea"
          id=${id}
          name=${prompt.id}
          rows=${prompt.kind === 'list' ? 4 : 3}
          aria-required=${prompt.required ? 'true' : 'false'}
          aria-invalid=${invalid || tooLong ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          .value=${live(value)}
          @input=${(event: Event) => this.handleInput(prompt.id, event)}
          @change=${() => void this.flush(prompt.id)}
        ></textarea>
        ${counter}
        ${this.renderAnsweredBy(flow, prompt)}
      </div>
    `;
  }

  private renderPrevious(flow: CoachingFlow): TemplateResult | typeof nothing {
    const previousId = flow.previousRunId;
    if (!previousId) return nothing;
    const previous = this.runs.value?.find((run) => run.id === previousId);
    const previousFlow = previous ? this.flowOf(previous) : undefined;
    if (!previous || !previousFlow) return nothing;
    const summary = summarize(previousFlow, { locale: this.i18n.locale });
    const scales = summary.steps.flatMap((step) => step.answers.filter((answer) => answer.kind === 'scale'));
    return html`
      <section part="previous" class="previous" aria-labelledby="previous-heading">
        ${this.subheading('previous-heading', 'previous-heading', this.i18n.t('previous.heading', { date: this.date(previous.completedAt ?? previous.startedAt) }), 2)}
        <p>${summary.title}</p>
        ${scales.length > 0 ? html`<ul class="items">${scales.map((answer) => html`<li>${answer.question} ${answer.text}</li>`)}</ul>` : nothing}
        ${
          summary.actions.length > 0
            ? html`<p class="muted">${this.i18n.t('previous.actions')}</p>
              <ul class="items">${summary.actions.map((action) => html`<li>${action}</li>`)}</ul>`
            : nothing
        }
      </section>
    `;
  }

  private renderStep(run: CoachingRun, flow: CoachingFlow, step: CoachingStep): TemplateResult {
    const index = flow.stepIndex;
    const total = flow.model.steps.length;
    const following = flow.model.steps[index + 1];
    const missing = new Set<string>(this.stepError?.details.stepId === step.id ? (this.stepError.details.missingPromptIds as string[]) : []);
    return html`
      ${this.renderStepper(flow)}
      <section part="step" class="step" aria-labelledby="step-title" data-step=${step.id}>
        <p class="muted">${this.i18n.t('step.count', { n: index + 1, total })}</p>
        ${this.subheading('step-title', 'step-title', step.title)}
        <p part="purpose" class="purpose">${step.purpose}</p>
        ${step.reviewsPreviousRun ? this.renderPrevious(flow) : nothing}
        <form novalidate @submit=${(event: Event) => void this.handleNext(event, flow)}>
          ${step.prompts.map((prompt) => this.renderPrompt(flow, prompt, missing))}
          ${
            this.limitBlockedStepId === step.id
              ? html`<div part="step-error" class="alert" id="step-error" role="alert">${textLimitMessage('limit.blocked', this.i18n.locale)}</div>`
              : this.stepError
                ? html`<div part="step-error" class="alert" id="step-error" role="alert">${this.stepError.message}</div>`
                : nothing
          }
          ${this.renderActionError()}
          <div class="actions">
            ${index > 0 ? html`<button part="back-button" class="secondary" type="button" @click=${() => void this.handleBack()}>${this.i18n.t('back')}</button>` : nothing}
            <button part="next-button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${following ? this.i18n.t('next', { step: following.title }) : this.i18n.t('finish')}</button>
          </div>
        </form>
      </section>
      <p class="muted">${run.startedBy ? html`<bdi>${nameOf(this.people.value, run.startedBy)}</bdi> · <bdi>${this.date(run.startedAt)}</bdi>` : this.date(run.startedAt)}</p>
    `;
  }

  private renderSummary(run: CoachingRun, flow: CoachingFlow): TemplateResult {
    const summary = summarize(flow, { locale: this.i18n.locale });
    const drafts = actionsFromFlow(flow, { locale: this.i18n.locale });
    return html`
      ${this.renderStepper(flow)}
      <section part="summary" class="summary" aria-labelledby="summary-title">
        ${this.subheading('summary-title', 'step-title', this.i18n.t('summary.heading'))}
        <p><strong>${summary.title}</strong></p>
        <p class="muted">${run.completedAt ? this.i18n.t('summary.finished', { date: this.date(run.completedAt) }) : this.i18n.t('summary.in-progress')}</p>
        ${summary.steps.map(
          (step) => html`
            <section part="summary-step" class="summary-step" aria-labelledby=${`summary-${step.id}`}>
              ${this.subheading(`summary-${step.id}`, 'summary-step-title', step.title, 2)}
              ${
                step.answers.length === 0
                  ? html`<p class="muted">${this.i18n.t('summary.no-answers')}</p>`
                  : html`<dl class="answers">
                    ${step.answers.map(
                      (answer) => html`<dt>${answer.question}</dt>
                        <dd>${answer.kind === 'list' ? html`<ul class="items">${(answer.value as string[]).map((item) => html`<li>${item}</li>`)}</ul>` : html`<span class="answer-text">${answer.text}</span>`}</dd>`,
                    )}
                  </dl>`
              }
            </section>
          `,
        )}
        ${
          summary.actions.length > 0
            ? html`<section part="summary-actions" aria-labelledby="summary-actions-title">
              ${this.subheading('summary-actions-title', 'summary-step-title', this.i18n.t('summary.actions'), 2)}
              <ul class="items">${summary.actions.map((action) => html`<li>${action}</li>`)}</ul>
            </section>`
            : nothing
        }
        ${this.renderActionError()}
        <div class="actions">
          ${
            !run.completedAt
              ? html`<button part="back-button" class="secondary" type="button" @click=${() => void this.handleBack()}>${this.i18n.t('summary.edit')}</button>
                <button part="complete-button" type="button" @click=${() => void this.handleComplete(run)}>${this.i18n.t('summary.complete')}</button>`
              : nothing
          }
          ${
            drafts.length > 0 && !run.actionsHandedOffAt && !this.handOff
              ? html`<button part="turn-into-goals-button" type="button" @click=${() => this.openHandOff(run)}>${this.i18n.t('summary.turn-into-goals')}</button>`
              : nothing
          }
          ${run.completedAt ? html`<button part="new-session-button" class="secondary" type="button" @click=${() => this.handleNewSession()}>${this.i18n.t('summary.new-session')}</button>` : nothing}
        </div>
        ${this.handOff && drafts.length > 0 && !run.actionsHandedOffAt ? this.renderHandOff(run, flow, drafts.length) : nothing}
        ${
          run.actionsHandedOffAt
            ? html`<p part="handed-off" class="handed-off" id="handed-off" tabindex="-1">${this.i18n.t('summary.handed-off', { count: run.actionsHandedOffCount ?? drafts.length, date: this.date(run.actionsHandedOffAt) })}</p>`
            : nothing
        }
      </section>
    `;
  }

  private renderIntro(model: CoachingModel): TemplateResult {
    const previous = this.shownPairingId && this.coaching ? this.coaching.previousRun(this.shownPairingId, model.id) : undefined;
    const words = coachingModelIn(model, this.i18n.locale);
    return html`
      <section part="intro" class="intro" aria-labelledby="intro-steps">
        ${words.description ? html`<p>${words.description}</p>` : nothing}
        ${this.subheading('intro-steps', 'summary-step-title', this.i18n.t('intro.steps'))}
        <ol class="intro-steps">
          ${words.steps.map((step) => html`<li><strong>${step.title}</strong>: ${step.purpose}</li>`)}
        </ol>
        ${previous ? html`<p class="muted">${this.i18n.t('intro.previous', { model: model.name, date: this.date(previous.completedAt) })}</p>` : nothing}
        ${this.renderActionError()}
        <div class="actions">
          <button part="start-button" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => void this.handleStart(model)}>${this.i18n.t('intro.start', { model: model.name })}</button>
        </div>
      </section>
    `;
  }

  private renderMessage(part: string, text: string): TemplateResult {
    return html`<p part=${part} class="muted">${text}</p>`;
  }

  override render(): TemplateResult {
    const status = this.loadState;
    const model = this.resolvedModel;
    const run = this.run;
    const saved = run ? this.flowOf(run) : undefined;
    // GROW's and OSKAR's words in the page's language (same ids, so answers and saving are unaffected).
    const flow = saved && { ...saved, model: coachingModelIn(saved.model, this.i18n.locale) };
    const title = this.i18n.t('heading', { model: flow?.model.name ?? model?.name ?? this.model });
    let state = 'loading';
    let content: TemplateResult;
    if (status === 'error') {
      state = 'error';
      content = renderLoadError(this.i18n.t('error.title'), this.loadErrorMessage ?? this.i18n.t('error.fallback'), { look: 'alert' });
    } else if (status === 'loading' || !this.loaded.value) {
      content = this.renderMessage('loading', this.i18n.t('loading'));
    } else if (!this.shownPairingId || !this.pairings.value?.some((pairing) => pairing.id === this.shownPairingId)) {
      state = 'unavailable';
      content = this.renderMessage('unavailable', this.i18n.t('unavailable.pairing'));
    } else if ((this.runId || this.activeRunId) && (!run || !flow)) {
      state = 'unavailable';
      content = this.renderMessage('unavailable', this.i18n.t('unavailable.run'));
    } else if (run && flow) {
      const step = flow.model.steps[flow.stepIndex];
      state = step ? 'step' : 'summary';
      content = step ? this.renderStep(run, flow, step) : this.renderSummary(run, flow);
    } else if (!model) {
      state = 'unavailable';
      content = this.renderMessage('unavailable', this.i18n.t('unavailable.model', { model: this.model }));
    } else {
      state = 'intro';
      content = this.renderIntro(model);
    }
    return html`
      <div part="base" class="card" data-state=${state} aria-busy=${state === 'loading' ? 'true' : 'false'}>
        <div class="header">${this.renderHeading(title)} ${state === 'step' || state === 'summary' ? this.renderSaveStatus() : nothing}</div>
        ${content}
      </div>
    `;
  }
}
