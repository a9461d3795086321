import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { isMentorKitError, type MentorKit } from '@mentorkit/core';
import {
  goalProgress,
  goalsViewOf,
  loadGoals,
  watchDueGoals,
  type Goal,
  type GoalMoment,
  type GoalViewMessages,
  type GoalsView,
  type ReplanSuggestion,
} from '@mentorkit/core/goals';
import { emit } from '../internal/emit.js';
import { formatCalendarDate, formatRelativeDays } from '../internal/format.js';
import { LocaleController } from '../internal/localize.js';
import { headingLevel } from '../internal/heading-level.js';
import { MkElement } from '../internal/mk-element.js';
import { StoreController } from '../internal/store-controller.js';
import type { MkCelebration, MkGoalReplanDetail } from '../celebration/celebration.js';
import { goalTrackerLanguages, goalTrackerMessages } from './goal-tracker.messages.js';
import { goalTrackerStyles } from './goal-tracker.styles.js';

/** Which goals the tracker lists. */
export const GoalFilter = { active: 'active', achieved: 'achieved', all: 'all' } as const;
export type GoalFilter = (typeof GoalFilter)[keyof typeof GoalFilter];

export interface MkGoalNewDetail {
  /** The pairing the new goal is for (the tracker's `pairing-id`, else the current pairing), if any. */
  pairingId?: string | undefined;
  /** Set when the person chose "split the goal" on a missed goal: the goal to split. */
  splitFrom?: string | undefined;
}

export interface MkGoalEditDetail {
  goalId: string;
  /** The field to start in: `dueDate` after "move the date", `target` after "lower the target". */
  focus?: 'title' | 'dueDate' | 'target' | undefined;
}

export interface MkMilestoneToggleDetail {
  goalId: string;
  milestoneId: string;
  done: boolean;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-goal-new': CustomEvent<MkGoalNewDetail>;
    'mk-goal-edit': CustomEvent<MkGoalEditDetail>;
    'mk-milestone-toggle': CustomEvent<MkMilestoneToggleDetail>;
  }
}

/** What an editor the tracker drives (`editor` attribute) offers; `<mk-goal-editor>` has both. */
interface DrivableEditor extends HTMLElement {
  startNew(options?: { pairingId?: string | undefined; splitFrom?: string | undefined }): void;
  edit(goalId: string, options?: { focus?: 'title' | 'dueDate' | 'target' | undefined }): void;
}

interface RowContext {
  today: string;
  locale: string | undefined;
  messages: GoalViewMessages;
  goals: GoalsView;
  canEdit: boolean;
  /** The owner's name, when it is not the viewer (a mentor's view). */
  ownerName: string | undefined;
}

/** `h1`…`h6` for a level (clamped; 2 when not a number). The tag name comes from this digit only, never from outside text. */
const FILTERS = Object.keys(GoalFilter) as GoalFilter[];

/**
 * @summary A pairing's goals: progress bars, status, due dates, milestones to tick in place,
 * celebration when one is done and reassurance when a goal slips.
 *
 * @description Lists the goals visible to the signed-in person (`kit.goals.$goals`, read through
 * `goalsViewOf`; the commands load on the first change, or when the page is idle) — the mentee's own and, for mentors, the mentee's shared
 * goals — of the client's current pairing (`kit.$currentPairingId`, which `<mk-pairing-card>` and
 * `<mk-provider pairing-id>` set), or of `pairing-id` when set; the heading says whose ("Goals with
 * Lucía Fernández", `part="pairing-with"`). Each goal shows a `role="progressbar"` with
 * percent done and a marker where the calendar says it would be, its status (on track, at risk,
 * behind, achieved, missed), the due date in the viewer's locale, and its milestones as checkboxes:
 * ticking one completes it through core and shows a celebration. Goals that passed their due date
 * unfinished are recorded as missed once (`reviewDueGoals`, unless `manual-review`) and offer
 * reassurance with re-plan choices. Filters: active, achieved, all.
 *
 * "New goal", "Edit" and the re-plan choices fire events; with `editor="<id>"` the tracker also
 * drives that `<mk-goal-editor>` directly. All goal texts come from the goals message catalogue
 * (`kit.goals.messagesFor(locale)`: core's Spanish on a Spanish page unless the host set its own);
 * the tracker's own words are in English and Spanish (`goal-tracker.messages.ts`; Spanish loaded on first use).
 * Rows are keyed and memoised and skip layout off screen, so a thousand goals stay smooth.
 *
 * @fires {CustomEvent<MkGoalNewDetail>} mk-goal-new - The person asked to set a new goal (also when splitting a missed goal). Cancelable: prevents driving the editor.
 * @fires {CustomEvent<MkGoalEditDetail>} mk-goal-edit - The person asked to edit a goal (also "move the date" and "lower the target"). Cancelable.
 * @fires {CustomEvent<MkMilestoneToggleDetail>} mk-milestone-toggle - The person ticked or unticked a milestone (after it was saved).
 * @fires {CustomEvent<MkGoalReplanDetail>} mk-goal-replan - The person chose a re-plan suggestion for a missed goal.
 *
 * @csspart base - The tracker.
 * @csspart heading - The heading.
 * @csspart pairing-with - "with Lucía Fernández": whose pairing it shows, in the heading.
 * @csspart filters - The filter buttons group.
 * @csspart filter - One filter button (`aria-pressed`).
 * @csspart new-goal - The "New goal" button.
 * @csspart loading - The loading message.
 * @csspart error - An error box (`role="alert"`).
 * @csspart empty - The empty state.
 * @csspart empty-title - Its main sentence.
 * @csspart hint - Its hint.
 * @csspart empty-action - Its "Set your first goal" button.
 * @csspart list - The list of goals.
 * @csspart goal - One goal; carries `data-status`.
 * @csspart goal-title - A goal's title.
 * @csspart status - The status badge; carries `data-status`.
 * @csspart meta - Skill, due date and measure line.
 * @csspart owner - Whose goal it is (shown to mentors and admins).
 * @csspart skill - The skill.
 * @csspart due - The due date.
 * @csspart measure - The metric's current value and target.
 * @csspart progress - The progress bar (`role="progressbar"`).
 * @csspart progress-fill - Its filled part.
 * @csspart progress-expected - The marker of the expected progress.
 * @csspart milestones - The milestone list.
 * @csspart milestone - One milestone; `data-done`, `data-overdue`.
 * @csspart milestone-checkbox - Its checkbox.
 * @csspart reassurance - The re-plan box of a missed goal.
 * @csspart replan - A re-plan button; carries `data-suggestion`.
 * @csspart actions - A goal's buttons.
 * @csspart edit - The edit button.
 * @csspart archive - The archive button.
 * @csspart celebration - The built-in `<mk-celebration>` (it shows once `celebration/define.js` is loaded; define-all and the CDN bundle load it).
 *
 * @cssprop [--mk-goal-tracker-background=var(--mk-color-surface)] - Background.
 * @cssprop [--mk-goal-tracker-item-background=var(--mk-color-surface-raised)] - Background of each goal.
 * @cssprop [--mk-goal-tracker-border-color=var(--mk-color-border)] - Borders.
 * @cssprop [--mk-goal-tracker-radius=var(--mk-radius-lg)] - Corner radius.
 * @cssprop [--mk-goal-tracker-padding=var(--mk-space-5)] - Inner spacing.
 * @cssprop [--mk-goal-tracker-gap=var(--mk-space-3)] - Space between goals.
 * @cssprop [--mk-goal-tracker-bar-color=var(--mk-color-accent)] - Fill of the progress bars.
 * @cssprop [--mk-goal-tracker-bar-height=0.625rem] - Height of the progress bars.
 */
export class MkGoalTracker extends MkElement {
  static override styles = [MkElement.styles, goalTrackerStyles];
  // Reactive properties are declared here rather than with decorators, which keeps the decorator
  // runtime out of the tracker's first load (DESIGN's 20 kB budget for this element alone).
  static override properties: PropertyDeclarations = {
    actionError: { state: true, attribute: false }, // attribute: false as well, so the manifest (and JSX types) do not list it
    pairingId: { attribute: 'pairing-id', reflect: true },
    filter: { reflect: true },
    editor: {},
    headingLevel: { attribute: 'heading-level', type: Number, reflect: true },
    label: {},
    locale: {},
    manualReview: { attribute: 'manual-review', type: Boolean },
  };

  private readonly i18n = new LocaleController(this, 'mk-goal-tracker', goalTrackerMessages, goalTrackerLanguages);
  private readonly people = new StoreController(this, () => this.currentKit?.$people);
  private readonly goals = new StoreController(this, () => (this.currentKit ? goalsViewOf(this.currentKit).$goals : undefined));
  /**
   * Re-renders every minute; rows re-render only when their goal or the day changes. The day is all
   * the tracker shows of the clock, so a plain timer does, not `ClockController` (minute-aligned, with
   * a re-render when the tab shows again), which would cost DESIGN's 20 kB first-load budget 0.3 kB.
   */
  private minuteTimer: ReturnType<typeof setInterval> | undefined;
  private actionError: string | undefined;
  /** The review of missed goals running (core's `watchDueGoals`): for this client and pairing, and how to stop it. */
  private review: [MentorKit | undefined, string | undefined, (() => void) | undefined] | undefined;
  /** The client whose write path (`loadGoals`) was asked for ahead of the first change. */
  private prefetchedFor: MentorKit | undefined;

  /** Show this pairing's goals. Default: the client's current pairing (`kit.$currentPairingId`); every visible goal when there is none. */
  pairingId?: string | undefined;

  /** Which goals to list: `active` (default; not yet achieved, missed ones included), `achieved` or `all`. */
  filter: GoalFilter = 'active';

  /** Id of an `<mk-goal-editor>` in the same document (or shadow root) that "New goal" and "Edit" open. */
  editor?: string | undefined;

  /** Level of the heading (1–6); goal titles are one level below. */
  headingLevel = 2;

  /** Text of the heading. Default "Goals". */
  label?: string | undefined;

  /** BCP 47 locale for dates, e.g. `en-GB`. Default: the nearest `lang`, else the browser's. */
  locale?: string | undefined;

  /** Do not record missed goals automatically; the host calls `kit.goals.reviewDueGoals()` itself. */
  manualReview = false;

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.watchReview();
    this.prefetchWritePath();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.minuteTimer = setInterval(() => this.requestUpdate(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.minuteTimer);
    this.review?.[2]?.();
    this.review = undefined;
  }

  /**
   * The commands (validation, the write path) load on the first change; with goals on screen, fetch
   * them once the page is idle so the first tick does not wait for the network.
   */
  private prefetchWritePath(): void {
    const kit = this.currentKit;
    if (!kit || kit === this.prefetchedFor || this.loadState !== 'ready' || (this.goals.value?.length ?? 0) === 0) return;
    this.prefetchedFor = kit;
    // With the code of the changes (goal-tracker.changes.ts); a failed fetch is retried by the change that needs it.
    (globalThis.requestIdleCallback ?? setTimeout)(() => void Promise.all([loadGoals(kit), import('./goal-tracker.changes.js')]).catch(() => undefined));
  }

  /** Core records goals that slipped past their date (`watchDueGoals`, once per goal and date); the tracker shows the reassurance. */
  private watchReview(): void {
    const kit = this.manualReview ? undefined : this.currentKit;
    const pairingId = this.shownPairingId;
    const review = this.review;
    if (review?.[0] === kit && review?.[1] === pairingId) return;
    review?.[2]?.();
    this.review = [
      kit,
      pairingId,
      kit &&
        watchDueGoals(kit, {
          pairingId,
          onMissed: (missed) => missed.forEach(({ reassurance }) => this.showMoment(reassurance)),
          onError: (error) => (this.actionError = this.errorText(error)),
        }),
    ];
  }

  /**
   * What to tell the person when a change failed: core's message for a refused change, ours for a
   * conflict, and for anything else — the commands could not be fetched (offline), storage broke —
   * that nothing was saved (the cause goes to the console for the developer).
   */
  private errorText(error: unknown): string {
    if (isMentorKitError(error, 'conflict')) return this.i18n.t('error.conflict');
    if (isMentorKitError(error)) return error.message;
    console.warn('<mk-goal-tracker> could not save a change:', error);
    return this.i18n.t('error.save');
  }

  private showMoment(moment: GoalMoment): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<MkCelebration>('mk-celebration')?.show(moment));
  }

  /** The `editor` this tracker drives, scrolled into view for what comes next. */
  private editorElement(): DrivableEditor | undefined {
    if (!this.editor) return undefined;
    const root = this.getRootNode() as Document | ShadowRoot;
    const found = root.getElementById?.(this.editor) ?? document.getElementById(this.editor);
    if (!found || typeof (found as Partial<DrivableEditor>).edit !== 'function') return undefined;
    found.scrollIntoView?.({ block: 'nearest' });
    return found as DrivableEditor;
  }

  private handleNew(splitFrom?: string): void {
    const pairingId = this.shownPairingId;
    const detail: MkGoalNewDetail = { ...(pairingId ? { pairingId } : {}), ...(splitFrom ? { splitFrom } : {}) };
    if (emit(this, 'mk-goal-new', detail, { cancelable: true }).defaultPrevented) return;
    this.editorElement()?.startNew(detail);
  }

  private handleEdit(goalId: string, focus?: MkGoalEditDetail['focus']): void {
    const detail: MkGoalEditDetail = { goalId, ...(focus ? { focus } : {}) };
    if (emit(this, 'mk-goal-edit', detail, { cancelable: true }).defaultPrevented) return;
    this.editorElement()?.edit(goalId, focus ? { focus } : {});
  }

  private handleReplan(goalId: string, suggestion: ReplanSuggestion): void {
    emit(this, 'mk-goal-replan', { goalId, suggestion } satisfies MkGoalReplanDetail);
    if (suggestion === 'split') this.handleNew(goalId);
    else this.handleEdit(goalId, suggestion === 'move-date' ? 'dueDate' : 'target');
  }

  private readonly handleCelebrationReplan = (event: CustomEvent<MkGoalReplanDetail>): void => {
    // The built-in toast's choice: act on it as if chosen in the list (the event goes on to the host).
    event.stopPropagation();
    this.handleReplan(event.detail.goalId, event.detail.suggestion);
  };

  /** Ticks or unticks a milestone (`milestoneId`, `done`), or archives the goal; the code loads with the first change (goal-tracker.changes.ts). */
  private async change(goal: Goal, control: Element, milestoneId?: string, done?: boolean): Promise<void> {
    const kit = this.currentKit!;
    const context = {
      tracker: this,
      kit,
      showError: (error: unknown) => (this.actionError = error === undefined ? undefined : this.errorText(error)),
      showMoment: (moment: GoalMoment) => this.showMoment(moment),
    };
    try {
      await (await import('./goal-tracker.changes.js')).changeGoal(context, { goal, control, milestoneId, done });
    } catch (error) {
      context.showError(error); // offline: the code could not be fetched; nothing was saved
      if (milestoneId !== undefined) (control as HTMLInputElement).checked = !done;
    }
  }

  private renderGoal(goal: Goal, context: RowContext): TemplateResult {
    const progress = goalProgress(goal, context.today);
    const { messages } = context;
    const t = (id: string, parameters?: Record<string, string | number>) => this.i18n.t(id, parameters);
    const percent = Math.round(progress.percent);
    const expected = Math.round(progress.expectedPercent);
    const statusLabel = messages.status[progress.status];
    const metric = goal.metric;
    const due = goal.dueDate;
    // The date, and how far off it is until the goal is achieved: "30 Apr 2026 (in 32 days)".
    const dueText =
      due && `${formatCalendarDate(due, context.locale)}${progress.status === 'achieved' ? '' : ` (${formatRelativeDays(progress.daysLeft, context.locale)})`}`;
    const reassurance = progress.status === 'missed' ? context.goals.reassuranceFor(goal, messages) : undefined;
    // Bar widths are set through the `style` property (`.style=`, CSSOM), which a strict
    // Content-Security-Policy allows; a `style` attribute it would block.
    // "Due {date}": the date goes in a <time>, wherever the language puts it.
    const [duePrefix = '', dueSuffix = ''] = t('due', { date: '\u0000' }).split('\u0000');
    return html`
      <li part="goal" class="goal" data-status=${progress.status} data-goal-id=${goal.id}>
        <div class="goal-head">
          <div part="goal-title" class="goal-title" role="heading" aria-level=${headingLevel(this.headingLevel, 1)} dir="auto">${goal.title}</div>
          <span part="status" class="status" data-status=${progress.status}>${statusLabel}</span>
        </div>
        <p part="meta" class="meta">
          ${context.ownerName ? html`<span part="owner">${context.ownerName}</span>` : nothing}
          ${goal.skill ? html`<span part="skill">${goal.skill}</span>` : nothing}
          ${dueText ? html`<span part="due">${duePrefix}<time datetime=${due!}>${dueText}</time>${dueSuffix}</span>` : html`<span part="due">${t('no-due')}</span>`}
          ${metric ? html`<span part="measure">${t('measure', { name: metric.name, current: `${metric.current ?? metric.start}${metric.unit ? ` ${metric.unit}` : ''}`, target: `${metric.target}${metric.unit ? ` ${metric.unit}` : ''}` })}</span>` : nothing}
          ${goal.visibility === 'private' ? html`<span>${t('private')}</span>` : nothing}
        </p>
        <div
          part="progress"
          class="progress"
          role="progressbar"
          aria-label=${t('progress.label', { goal: goal.title })}
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${percent}
          aria-valuetext=${`${due && progress.status !== 'achieved' ? t('progress.value-expected', { percent, expected }) : t('progress.value', { percent })} · ${statusLabel}`}
        >
          <div part="progress-fill" class="progress-fill" .style=${`inline-size: ${percent}%`}></div>
          ${due && progress.status !== 'achieved' ? html`<div part="progress-expected" class="progress-expected" .style=${`inset-inline-start: calc(${expected}% - 1px)`}></div>` : nothing}
        </div>
        ${
          goal.milestones.length > 0
            ? html`<ul part="milestones" class="milestones" aria-label=${t('milestones.label', { goal: goal.title })}>
              ${goal.milestones.map((milestone) => {
                const overdue = !milestone.done && milestone.dueDate !== undefined && milestone.dueDate < context.today;
                return html`<li part="milestone" class="milestone" ?data-done=${milestone.done} ?data-overdue=${overdue}>
                  <label>
                    <input part="milestone-checkbox" type="checkbox" .checked=${milestone.done} ?disabled=${!context.canEdit} @change=${(event: Event) => void this.change(goal, event.target as Element, milestone.id!, (event.target as HTMLInputElement).checked)} />
                    <span class="milestone-title" dir="auto">${milestone.title}</span>
                  </label>
                  ${milestone.dueDate ? html`<time class="muted" datetime=${milestone.dueDate}>${formatCalendarDate(milestone.dueDate, context.locale)}${overdue ? ` · ${t('overdue')}` : ''}</time>` : nothing}
                </li>`;
              })}
            </ul>`
            : nothing
        }
        ${
          reassurance
            ? html`<div part="reassurance" class="reassurance">
              <p>${reassurance.message}</p>
              ${
                context.canEdit
                  ? html`<ul class="replan" aria-label=${t('replan.label')}>
                    ${reassurance.suggestions.map((suggestion) => html`<li><button part="replan" class="secondary" type="button" data-suggestion=${suggestion.kind} @click=${() => this.handleReplan(goal.id, suggestion.kind)}>${suggestion.text}</button></li>`)}
                  </ul>`
                  : nothing
              }
            </div>`
            : nothing
        }
        ${
          context.canEdit
            ? html`<div part="actions" class="actions">
              <button part="edit" class="secondary" type="button" @click=${() => this.handleEdit(goal.id)}>${t('edit')}<span class="visually-hidden"> ${goal.title}</span></button>
              <button part="archive" class="secondary" type="button" @click=${(event: Event) => void this.change(goal, event.target as Element)}>${t('archive')}<span class="visually-hidden"> ${goal.title}</span></button>
            </div>`
            : nothing
        }
      </li>
    `;
  }

  private renderList(kit: MentorKit, all: readonly Goal[]): TemplateResult {
    const goals = goalsViewOf(kit);
    const locale = this.i18n.locale;
    const messages = goals.messagesFor(locale);
    const people = this.people.value ?? {};
    // Today in each owner's time zone, as core decides it (the same day core's review of missed goals uses); once per owner.
    const todayByOwner = new Map<string, string>();
    const todayOf = (ownerId: string) => {
      let today = todayByOwner.get(ownerId);
      if (!today) todayByOwner.set(ownerId, (today = goals.today(ownerId)));
      return today;
    };
    const editable = new Map<string, boolean>();
    const canEdit = (goal: Goal) => {
      const key = `${goal.pairingId}|${goal.ownerId}|${goal.visibility}`;
      let allowed = editable.get(key);
      if (allowed === undefined) editable.set(key, (allowed = goals.mayUpdate(goal)));
      return allowed;
    };
    const shown = all.filter((goal) => {
      if (this.filter === 'all') return true;
      const achieved = goal.achievedAt !== undefined || goalProgress(goal, todayOf(goal.ownerId)).status === 'achieved';
      return this.filter === 'achieved' ? achieved : !achieved;
    });
    if (shown.length === 0) return this.renderEmpty(this.filter === 'achieved' ? 'empty.achieved.' : 'empty.active.');
    return html`
      <ul part="list" class="list" role="list" aria-labelledby="heading">
        ${repeat(
          shown,
          (goal) => goal.id,
          (goal) => {
            const ownerName = goal.ownerId === kit.user.id ? undefined : (people[goal.ownerId]?.displayName ?? goal.ownerId);
            const context: RowContext = { today: todayOf(goal.ownerId), locale, messages, goals, canEdit: canEdit(goal), ownerName };
            // Keyed on the catalogue parts a row uses: they stay the same objects when the write path
            // loads and \`kit.goals\` takes over the catalogue, so rows do not re-render for that.
            return guard([goal, context.today, locale, this.i18n.revision, messages.status, messages.reassurance, context.canEdit, ownerName], () =>
              this.renderGoal(goal, context),
            );
          },
        )}
      </ul>
    `;
  }

  /** No goals at all (with "Set your first goal"), or none under the filter (`empty.active.`, `empty.achieved.`). */
  private renderEmpty(prefix = 'empty.'): TemplateResult {
    return html`
      <div part="empty" class="empty">
        <p part="empty-title" class="empty-title">${this.i18n.t(`${prefix}title`)}</p>
        <p part="hint" class="hint muted">${this.i18n.t(`${prefix}hint`)}</p>
        ${prefix === 'empty.' ? html`<button part="empty-action" class="primary" type="button" @click=${() => this.handleNew()}>${this.i18n.t('empty.action')}</button>` : nothing}
      </div>
    `;
  }

  override render(): TemplateResult {
    const kit = this.currentKit;
    const status = this.loadState;
    const pairingId = this.shownPairingId;
    const all = status === 'ready' ? (this.goals.value ?? []).filter((goal) => !pairingId || goal.pairingId === pairingId) : [];
    let content: TemplateResult;
    if (status === 'loading' || !kit)
      content = html`<p part="loading" class="loading">${this.i18n.t('loading')}</p>`; // frame.ts's renderLoading costs this element's first load more than it saves
    else if (status === 'error') content = html`<div part="error" class="error" role="alert">${this.i18n.t('error.load')} ${this.loadErrorMessage ?? ''}</div>`;
    else if (all.length === 0) content = this.renderEmpty();
    else content = this.renderList(kit, all);
    return html`
      <div part="base" class="tracker" data-state=${status === 'ready' ? (all.length === 0 ? 'empty' : 'ready') : status} aria-busy=${String(status === 'loading')}>
        <div class="toolbar">
          <div part="heading" class="heading" role="heading" aria-level=${headingLevel(this.headingLevel)} id="heading">${this.label ?? this.i18n.t('heading')}${this.renderPairingWith(pairingId, this.i18n.locale, (names) => this.i18n.t('with', { names }))}</div>
          ${
            status === 'ready' && all.length > 0
              ? html`<div part="filters" class="filters" role="group" aria-label=${this.i18n.t('filters.label')}>
                ${FILTERS.map((filter) => html`<button part="filter" class="filter" type="button" aria-pressed=${String(this.filter === filter)} @click=${() => (this.filter = filter)}>${this.i18n.t(`filter.${filter}`)}</button>`)}
              </div>`
              : nothing
          }
          ${status === 'ready' ? html`<button part="new-goal" class="primary" type="button" @click=${() => this.handleNew()}>${this.i18n.t('new-goal')}</button>` : nothing}
        </div>
        ${this.actionError ? html`<div part="error" class="error" role="alert">${this.actionError}</div>` : nothing}
        ${content}
        <mk-celebration part="celebration" lang=${this.locale ?? nothing} exportparts="moment: celebration-moment" .kit=${kit} @mk-goal-replan=${this.handleCelebrationReplan}></mk-celebration>
      </div>
    `;
  }
}
