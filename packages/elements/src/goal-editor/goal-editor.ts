import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml } from 'lit/static-html.js';
import { TEXT_LIMITS, isMentorKitError, type MentorKit } from '@mentorkit/core';
import {
  SKILL_CATALOGUE,
  SMART_CRITERIA,
  SMART_RULES,
  bundledGoalMessages,
  checkSmartGoal,
  goalDraftProblems,
  goalVisibilityFor,
  goalsOf,
  mayMakePrivate,
  type Goal,
  type GoalChanges,
  type GoalDraft,
  type GoalDraftProblem,
  type GoalMessages,
  type GoalsApi,
  type SmartCheck,
} from '@mentorkit/core/goals';
import { emit } from '../internal/emit.js';
import { LocaleController } from '../internal/localize.js';
import { headingTag } from '../internal/heading.js';
import { MkElement } from '../internal/mk-element.js';
import { StoreController } from '../internal/store-controller.js';
import { describedByWithCounter, renderTextCounter, textLimit, textLimitMessage, textLimitStyles, type TextLimit } from '../text-limit/text-limit.js';
import { errorText, issueText } from '../field-errors/field-errors.js';
import { goalEditorLanguages, goalEditorMessages } from './goal-editor.messages.js';
import { goalEditorStyles } from './goal-editor.styles.js';

export interface MkGoalSaveDetail {
  goalId: string;
  /** `true` for a new goal, `false` for an edit. */
  created: boolean;
}

export interface MkGoalCancelDetail {
  /** The goal whose edit was cancelled. */
  goalId: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-goal-save': CustomEvent<MkGoalSaveDetail>;
    'mk-goal-cancel': CustomEvent<MkGoalCancelDetail>;
  }
}

interface MilestoneRow {
  key: number;
  id?: string | undefined;
  title: string;
  dueDate: string;
  done: boolean;
  doneAt?: string | undefined;
}

interface FormState {
  title: string;
  description: string;
  skill: string;
  metricName: string;
  metricUnit: string;
  metricStart: string;
  metricTarget: string;
  metricCurrent: string;
  startDate: string;
  dueDate: string;
  milestones: MilestoneRow[];
  private: boolean;
}

type FocusField = 'title' | 'dueDate' | 'target';
const FOCUS_IDS: Record<FocusField, string> = { title: 'title', dueDate: 'due-date', target: 'metric-target' };

const emptyForm = (): FormState => ({
  title: '',
  description: '',
  skill: '',
  metricName: '',
  metricUnit: '',
  metricStart: '',
  metricTarget: '',
  metricCurrent: '',
  startDate: '',
  dueDate: '',
  milestones: [],
  private: false,
});

const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The length limit of each text field, by control id, from core's schema (`TEXT_LIMITS.goal`). Milestone titles: `TEXT_LIMITS.goal.milestoneTitle`. */
const FIELD_LIMITS: Readonly<Record<string, { field: 'title' | 'description' | 'skill' | 'metricName' | 'metricUnit'; max: number }>> = {
  title: { field: 'title', max: TEXT_LIMITS.goal.title },
  description: { field: 'description', max: TEXT_LIMITS.goal.description },
  skill: { field: 'skill', max: TEXT_LIMITS.goal.skill },
  'metric-name': { field: 'metricName', max: TEXT_LIMITS.goal.metricName },
  'metric-unit': { field: 'metricUnit', max: TEXT_LIMITS.goal.metricUnit },
};

/** Maps a path of a draft problem (`metric.target`), or of an error of the goals commands (`goal.metric.target`), to the form field it concerns. */
function fieldOfPath(path: string, rowKeys: number[]): string {
  const key = path.replace(/^goal\./, '');
  const milestone = /^milestones\[(\d+)\]\.(title|dueDate)/.exec(key);
  if (milestone) return `milestone-${rowKeys[Number(milestone[1])] ?? 0}-${milestone[2] === 'title' ? 'title' : 'due'}`;
  const map: Record<string, string> = {
    title: 'title',
    description: 'description',
    skill: 'skill',
    'metric.name': 'metric-name',
    'metric.unit': 'metric-unit',
    'metric.start': 'metric-start',
    'metric.target': 'metric-target',
    'metric.current': 'metric-current',
    metric: 'metric-target',
    startDate: 'start-date',
    dueDate: 'due-date',
  };
  return map[key] ?? '';
}

/** The form's own words for a problem of a field (`invalid.<id>`); other problems are worded from core's rule (`issueText`). */
const OWN_WORDS: Readonly<Record<string, string>> = {
  title: 'invalid.title',
  'metric-name': 'invalid.metric-name',
  'metric-target': 'invalid.metric-target',
  'metric-start': 'invalid.metric-start',
  'metric-current': 'invalid.metric-current',
  milestone: 'invalid.milestone-title',
};

/** Where each SMART letter is fixed in the form (for "Keep editing"). */
const FIELD_OF_CRITERION: Readonly<Record<string, string>> = {
  specific: 'title',
  measurable: 'metric-name',
  achievable: 'due-date',
  relevant: 'skill',
  'time-bound': 'due-date',
};

/**
 * @summary Create or edit a goal, with a live SMART checklist beside the form that explains what
 * each letter needs and what the draft still misses.
 *
 * @description Without `goal-id` it sets a new goal in `pairing-id` (default: the person's first
 * active pairing); with `goal-id` (or after `edit(id)`) it edits that goal, based on the revision it
 * loaded — if someone else changed the goal meanwhile, saving says so and keeps your edits. The
 * checklist runs core's `checkSmartGoal` on every keystroke (the SMART texts come from the goals
 * message catalogue, `kit.goals.messagesFor(locale)`: core's Spanish on a Spanish page unless the
 * host set its own); missing letters are advice, not a blocker — but a draft that meets fewer than
 * `SMART_RULES.confirmBelowMet` (3) letters asks before it saves ("Save anyway" or "Keep editing", which
 * goes to the first letter it misses). The editor's own words are in
 * English and Spanish (`goal-editor.messages.ts`, Spanish loaded on first use), following the nearest `lang`. Errors from core appear inline
 * next to their field — every field core refuses, at once. Text fields (title, details, skill, what you
 * count, unit, milestone titles) show a counter from 80 % of their limit (core's `TEXT_LIMITS.goal`);
 * over it a field is marked invalid and saving waits — a pasted text is kept whole, never cut, and
 * the rest of the editor keeps working. Everything works from the keyboard: Enter saves, Escape
 * cancels an edit.
 *
 * A mentee can keep a goal private (only they see it); goals a mentor sets are shared.
 *
 * @fires {CustomEvent<MkGoalSaveDetail>} mk-goal-save - A goal was saved: `detail.goalId`, `detail.created`.
 * @fires {CustomEvent<MkGoalCancelDetail>} mk-goal-cancel - The person cancelled an edit.
 *
 * @csspart base - The editor (form and checklist).
 * @csspart heading - The heading ("New goal" / "Edit goal").
 * @csspart pairing-with - "with Lucía Fernández": whose pairing it shows, in the heading.
 * @csspart form - The form.
 * @csspart field - Every label + control group.
 * @csspart input - Every text, number and date control.
 * @csspart field-error - An inline error under a control.
 * @csspart counter - A text field's character counter (`data-state="near"` or `"over"`).
 * @csspart form-error - An error about the whole form (`role="alert"`).
 * @csspart milestones - The milestone rows.
 * @csspart add-milestone - The "Add milestone" button.
 * @csspart remove-milestone - A row's remove button.
 * @csspart save - The save button.
 * @csspart cancel - The cancel button.
 * @csspart checklist - The SMART checklist.
 * @csspart summary - "3 of 5 SMART letters met" (a polite live region).
 * @csspart confirm - The question before saving a vague draft ("This goal meets 1 of 5 SMART letters…").
 * @csspart confirm-save - Its "Save anyway" button.
 * @csspart confirm-keep - Its "Keep editing" button.
 * @csspart criterion - One letter; carries `data-criterion` and `data-met`.
 * @csspart letter - The letter badge.
 * @csspart verdict - What the draft misses for this letter, or that it is met.
 * @csspart status - The "saved" announcement.
 *
 * @cssprop [--mk-goal-editor-background=var(--mk-color-surface)] - Background.
 * @cssprop [--mk-goal-editor-checklist-background=var(--mk-color-surface-raised)] - Background of the checklist.
 * @cssprop [--mk-goal-editor-border-color=var(--mk-color-border)] - Border colour.
 * @cssprop [--mk-goal-editor-radius=var(--mk-radius-lg)] - Corner radius.
 * @cssprop [--mk-goal-editor-padding=var(--mk-space-5)] - Inner spacing.
 */
export class MkGoalEditor extends MkElement {
  static override styles = [MkElement.styles, textLimitStyles, goalEditorStyles];

  private readonly i18n = new LocaleController(this, 'mk-goal-editor', goalEditorMessages, goalEditorLanguages);
  private readonly pairings = new StoreController(this, () => this.currentKit?.$pairings);
  private readonly goals = new StoreController(this, () => (this.currentKit ? goalsOf(this.currentKit).$allGoals : undefined));
  @state() private form: FormState = emptyForm();
  @state() private errors: Record<string, string> = {};
  /** A form-wide error: one of this element's messages (re-translated on a language change), or a text from core. */
  @state() private formError: { id: string; parameters?: Record<string, string> } | { text: string } | undefined;
  @state() private announcement = '';
  @state() private saving = false;
  /** The draft meets too few SMART letters: saving asks first ("Save anyway" or "Keep editing"). */
  @state() private confirmingWeakDraft = false;
  /** The goal and revision the form was loaded from (edit mode). */
  private loadedFrom: { id: string; revision: number } | undefined;
  private pendingFocus: FocusField | undefined;
  private nextRowKey = 1;

  /** The pairing `startNew({ pairingId })` asked for, for this one new goal. */
  private startedFor: string | undefined;

  /** Edit this goal (by id); without it the editor sets a new goal. */
  @property({ attribute: 'goal-id', reflect: true }) goalId?: string | undefined;

  /** The pairing a new goal belongs to. Default: the client's current pairing (`kit.$currentPairingId`). */
  @property({ attribute: 'pairing-id', reflect: true }) pairingId?: string | undefined;

  /** Level of the heading (1–6). */
  @property({ attribute: 'heading-level', type: Number, reflect: true }) headingLevel = 2;

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.goalId === undefined) {
      if (this.loadedFrom) this.resetForm();
      return;
    }
    if (this.loadedFrom?.id !== this.goalId) this.loadGoal(this.goalId);
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.pendingFocus && (this.goalId === undefined || this.loadedFrom)) {
      const id = FOCUS_IDS[this.pendingFocus];
      this.pendingFocus = undefined;
      const target = this.shadowRoot?.getElementById(id) ?? this.shadowRoot?.getElementById('title');
      (target as HTMLElement | null)?.focus();
    }
  }

  private get api(): GoalsApi | undefined {
    const kit = this.currentKit;
    return kit ? goalsOf(kit) : undefined;
  }

  private get messages(): GoalMessages {
    const locale = this.i18n.locale;
    return this.api?.messagesFor(locale) ?? bundledGoalMessages(locale);
  }

  private loadGoal(goalId: string): void {
    const goal = (this.goals.value ?? []).find((candidate) => candidate.id === goalId);
    if (!goal) return; // not loaded yet (or not visible): tried again on the next update
    this.fillFrom(goal);
  }

  private fillFrom(goal: Goal): void {
    const text = (value: number | undefined) => (value === undefined ? '' : String(value));
    this.form = {
      title: goal.title,
      description: goal.description ?? '',
      skill: goal.skill ?? '',
      metricName: goal.metric?.name ?? '',
      metricUnit: goal.metric?.unit ?? '',
      metricStart: text(goal.metric?.start),
      metricTarget: text(goal.metric?.target),
      metricCurrent: text(goal.metric?.current),
      startDate: goal.startDate ?? '',
      dueDate: goal.dueDate ?? '',
      milestones: goal.milestones.map((milestone) => ({
        key: this.nextRowKey++,
        id: milestone.id!,
        title: milestone.title,
        dueDate: milestone.dueDate ?? '',
        done: milestone.done,
        ...(milestone.doneAt ? { doneAt: milestone.doneAt } : {}),
      })),
      private: goal.visibility === 'private',
    };
    this.loadedFrom = { id: goal.id, revision: goal.revision };
    this.errors = {};
    this.formError = undefined;
  }

  private resetForm(): void {
    this.confirmingWeakDraft = false;
    this.startedFor = undefined;
    this.form = emptyForm();
    this.loadedFrom = undefined;
    this.errors = {};
    this.formError = undefined;
  }

  /** The pairing a new goal goes to, and whether the viewer is its mentee. */
  private targetPairing(kit: MentorKit) {
    const id = this.startedFor ?? this.shownPairingId;
    return (this.pairings.value ?? kit.$pairings.get()).find((candidate) => candidate.id === id);
  }

  /** The milestone rows a draft carries: those with a title, or with a date (then a missing title is a problem to show). */
  private draftRows(): MilestoneRow[] {
    return this.form.milestones.filter((row) => row.title.trim() !== '' || row.dueDate !== '');
  }

  /**
   * The draft as core sees it. `strict` (to check and save): every field as typed, so core can say what
   * is wrong with it — a number that is not one, a measure without a name or target, a dated milestone
   * without a title. Otherwise (for the checklist) lenient about half-typed numbers: a metric only once
   * it has a valid target, milestones only with a title.
   */
  private draft(strict = false): GoalDraft {
    const form = this.form;
    const start = numberOrUndefined(form.metricStart) ?? 0;
    const target = numberOrUndefined(form.metricTarget);
    const current = numberOrUndefined(form.metricCurrent);
    const name = form.metricName.trim();
    const hasMetric = strict
      ? name !== '' || form.metricTarget.trim() !== '' || form.metricStart.trim() !== ''
      : (name !== '' || form.metricTarget.trim() !== '') && target !== undefined && Number.isFinite(target) && Number.isFinite(start);
    return {
      title: form.title,
      ...(form.description.trim() ? { description: form.description } : {}),
      ...(form.skill.trim() ? { skill: form.skill.trim() } : {}),
      ...(hasMetric
        ? {
            metric: {
              name: strict ? name : name || 'progress',
              ...(form.metricUnit.trim() ? { unit: form.metricUnit.trim() } : {}),
              start,
              target: target!, // strict: a missing target is core's `required`
              ...(current !== undefined && (strict || Number.isFinite(current)) ? { current } : {}),
            },
          }
        : {}),
      ...(form.startDate ? { startDate: form.startDate } : {}),
      ...(form.dueDate ? { dueDate: form.dueDate } : {}),
      milestones: (strict ? this.draftRows() : form.milestones.filter((row) => row.title.trim() !== '')).map((row) => ({
        ...(row.id ? { id: row.id } : {}),
        title: row.title.trim(),
        ...(row.dueDate ? { dueDate: row.dueDate } : {}),
        done: row.done,
        ...(row.doneAt ? { doneAt: row.doneAt } : {}),
      })),
    };
  }

  /**
   * The SMART checklist of the draft. Never throws — it runs on every keystroke, and a throw here
   * would stop the whole editor: a draft core cannot judge (a half-typed date…) is judged on its title
   * alone, and failing that on nothing.
   */
  private check(): SmartCheck {
    const draft = this.draft();
    const api = this.api;
    try {
      if (api && this.loadState === 'ready') return api.check(draft, { ...(this.loadedFrom ? { goalId: this.loadedFrom.id } : {}), messages: this.messages });
      return checkSmartGoal(draft, { messages: this.messages });
    } catch {
      try {
        return checkSmartGoal({ title: draft.title }, { messages: this.messages });
      } catch {
        return checkSmartGoal({ title: '' }, { messages: this.messages });
      }
    }
  }

  /** How a text field stands against its limit (`undefined` for fields without one). */
  private limitOf(id: string): TextLimit | undefined {
    const limit = FIELD_LIMITS[id];
    if (limit) return textLimit(this.form[limit.field], limit.max);
    const row = /^milestone-(\d+)-title$/.exec(id);
    const milestone = row ? this.form.milestones.find((candidate) => candidate.key === Number(row[1])) : undefined;
    return milestone ? textLimit(milestone.title, TEXT_LIMITS.goal.milestoneTitle) : undefined;
  }

  /** What core says is wrong with the draft (`goalDraftProblems`: the schema and rules of `create`/`update`). */
  private problems(): GoalDraftProblem[] {
    return goalDraftProblems(this.draft(true));
  }

  /**
   * The problems in the form's words, by field id. A field over its limit gets no words here: its
   * counter says by how much (and the form says to shorten the fields marked).
   */
  private fieldErrors(problems: GoalDraftProblem[], rowKeys: number[]): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const problem of problems) {
      const field = fieldOfPath(problem.path, rowKeys);
      if (!field || errors[field] !== undefined || problem.code === 'too-long') continue;
      const own = problem.code === 'before-start' ? 'invalid.due-date' : OWN_WORDS[/^milestone-\d+-title$/.test(field) ? 'milestone' : field];
      errors[field] = own ? this.i18n.t(own) : issueText(problem, this.i18n.locale);
    }
    return errors;
  }

  private update_(changes: Partial<FormState>): void {
    this.confirmingWeakDraft = false;
    this.form = { ...this.form, ...changes };
    this.announcement = '';
  }

  private input(field: keyof FormState) {
    return (event: Event) => {
      this.update_({ [field]: (event.target as HTMLInputElement).value } as Partial<FormState>);
      const id = (event.target as HTMLElement).id;
      if (this.errors[id]) this.errors = { ...this.errors, [id]: '' };
    };
  }

  private updateRow(key: number, changes: Partial<MilestoneRow>): void {
    this.update_({ milestones: this.form.milestones.map((row) => (row.key === key ? { ...row, ...changes } : row)) });
  }

  private addRow(): void {
    const key = this.nextRowKey++;
    this.update_({ milestones: [...this.form.milestones, { key, title: '', dueDate: '', done: false }] });
    void this.updateComplete.then(() => (this.shadowRoot?.getElementById(`milestone-${key}-title`) as HTMLInputElement | null)?.focus());
  }

  private removeRow(key: number): void {
    const index = this.form.milestones.findIndex((row) => row.key === key);
    this.update_({ milestones: this.form.milestones.filter((row) => row.key !== key) });
    void this.updateComplete.then(() => {
      const rows = this.form.milestones;
      const next = rows[Math.min(index, rows.length - 1)];
      (this.shadowRoot?.getElementById(next ? `milestone-${next.key}-title` : 'add-milestone') as HTMLElement | null)?.focus();
    });
  }

  private async handleSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    const kit = this.currentKit;
    const api = this.api;
    this.formError = undefined;
    // Every problem at once, as core sees the draft: the fields over their limit (their counters say by how much) and the others, in words.
    const problems = this.problems();
    this.errors = this.fieldErrors(
      problems,
      this.draftRows().map((row) => row.key),
    );
    if (problems.some((problem) => problem.code === 'too-long')) this.formError = { id: 'limit.blocked' };
    if (problems.length > 0) {
      await this.updateComplete;
      (this.shadowRoot?.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
      return;
    }
    if (!kit || !api) {
      this.formError = { id: 'error.not-connected' };
      return;
    }
    // A vague draft (e.g. 1 of 5 letters) saves only once the person says so; the second submit is that answer.
    if (!this.confirmingWeakDraft && SMART_CRITERIA.length - this.check().issues.length < SMART_RULES.confirmBelowMet) {
      this.confirmingWeakDraft = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="confirm-keep"]')?.focus();
      return;
    }
    this.confirmingWeakDraft = false;
    const draft = this.draft(true);
    const rowKeys = this.draftRows().map((row) => row.key);
    this.saving = true;
    try {
      let saved: Goal;
      const editing = this.loadedFrom;
      if (editing) {
        const goal = (this.goals.value ?? []).find((candidate) => candidate.id === editing.id);
        const changes: GoalChanges = { ...draft, visibility: goal ? goalVisibilityFor(goal, kit.user.id, this.form.private) : 'pairing' };
        for (const key of ['description', 'skill', 'metric', 'startDate', 'dueDate'] as const) if (!(key in draft)) changes[key] = undefined;
        saved = await api.update(editing.id, changes, { expectedRevision: editing.revision });
      } else {
        const pairing = this.targetPairing(kit);
        if (!pairing) {
          this.formError = { id: 'error.no-pairing' };
          return;
        }
        saved = await api.create({ ...draft, pairingId: pairing.id, visibility: goalVisibilityFor(pairing, kit.user.id, this.form.private) });
      }
      this.announcement = this.i18n.t(editing ? 'saved' : 'created', { goal: saved.title });
      const wasEditing = editing !== undefined;
      this.goalId = undefined;
      this.resetForm();
      this.pendingFocus = 'title';
      emit(this, 'mk-goal-save', { goalId: saved.id, created: !wasEditing });
    } catch (error) {
      if (isMentorKitError(error, 'conflict')) {
        this.formError = { id: 'error.conflict' };
        const latest = (this.goals.value ?? []).find((candidate) => candidate.id === this.loadedFrom?.id);
        if (latest && this.loadedFrom) this.loadedFrom = { id: latest.id, revision: latest.revision };
      } else if (isMentorKitError(error)) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of error.issues) {
          const field = fieldOfPath(issue.path, rowKeys);
          if (field && !fieldErrors[field]) fieldErrors[field] = issueText(issue, this.i18n.locale);
        }
        this.errors = fieldErrors;
        if (Object.keys(fieldErrors).length === 0) this.formError = { text: errorText(error, this.i18n.locale) };
        await this.updateComplete;
        (this.shadowRoot?.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
      } else {
        this.formError = { id: 'error.failed', parameters: { reason: String(error) } };
      }
    } finally {
      this.saving = false;
    }
  }

  private handleCancel(): void {
    const id = this.loadedFrom?.id;
    this.goalId = undefined;
    this.resetForm();
    this.pendingFocus = 'title';
    if (id) emit(this, 'mk-goal-cancel', { goalId: id });
  }

  private handleLoadLatest(): void {
    const goal = (this.goals.value ?? []).find((candidate) => candidate.id === this.loadedFrom?.id);
    if (goal) this.fillFrom(goal);
  }

  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.loadedFrom) {
      event.preventDefault();
      this.handleCancel();
    }
  };

  /** The error shown under a field: none while it is over its limit (its counter says so, in the page's language). */
  private errorOf(id: string): string | undefined {
    return this.limitOf(id)?.over ? undefined : this.errors[id] || undefined;
  }

  private field(id: string, label: string, control: TemplateResult, hint?: string): TemplateResult {
    const error = this.errorOf(id);
    const limit = this.limitOf(id);
    return html`<div part="field" class="field">
      <label for=${id}>${label}</label>
      ${control}
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${limit ? renderTextCounter(id, limit, this.i18n.locale) : nothing}
      ${error ? html`<p part="field-error" class="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
    </div>`;
  }

  private describedBy(id: string, hint = false): string | typeof nothing {
    const own = [hint ? `${id}-hint` : undefined, this.errorOf(id) ? `${id}-error` : undefined];
    const limit = this.limitOf(id);
    const ids = limit ? describedByWithCounter(id, limit, ...own) : own.filter(Boolean).join(' ');
    return ids || nothing;
  }

  private invalid(id: string): 'true' | 'false' {
    return this.errorOf(id) || this.limitOf(id)?.over ? 'true' : 'false';
  }

  private textInput(
    id: string,
    field: keyof FormState,
    options: {
      type?: string | undefined;
      required?: boolean | undefined;
      hint?: boolean | undefined;
      list?: string | undefined;
      step?: string | undefined;
    } = {},
  ): TemplateResult {
    return html`<input
      part="input"
      id=${id}
      type=${options.type ?? 'text'}
      .value=${String(this.form[field])}
      @input=${this.input(field)}
      aria-invalid=${this.invalid(id)}
      aria-describedby=${this.describedBy(id, options.hint)}
      ?required=${options.required ?? false}
      list=${options.list ?? nothing}
      step=${options.step ?? nothing}
      inputmode=${options.type === 'number' ? 'decimal' : nothing}
    />`;
  }

  private renderChecklist(): TemplateResult {
    const result = this.check();
    const messages = this.messages;
    const missing = new Map(result.issues.map((issue) => [issue.criterion, issue.message]));
    const met = SMART_CRITERIA.length - missing.size;
    return html`<aside part="checklist" class="checklist" aria-labelledby="checklist-heading">
      <h3 id="checklist-heading">${this.i18n.t('checklist.heading')}</h3>
      <p part="summary" class="hint" aria-live="polite">${this.i18n.t('checklist.summary', { met, total: SMART_CRITERIA.length })}</p>
      <ul class="criteria">
        ${SMART_CRITERIA.map((criterion) => {
          const text = messages.criteria[criterion];
          const issue = missing.get(criterion);
          return html`<li part="criterion" class="criterion" data-criterion=${criterion} ?data-met=${!issue}>
            <span part="letter" class="letter" aria-hidden="true">${text.letter}</span>
            <span class="criterion-name">${text.name}<span class="visually-hidden">: ${this.i18n.t(issue ? 'criterion.missing' : 'criterion.met')}</span></span>
            <span class="hint">${text.explain}</span>
            <span part="verdict" class="verdict">${issue ?? this.i18n.t('verdict.met')}</span>
          </li>`;
        })}
      </ul>
    </aside>`;
  }

  private renderMilestones(): TemplateResult {
    return html`<fieldset>
      <legend>${this.i18n.t('milestones.legend')}</legend>
      <p class="hint">${this.i18n.t('milestones.hint')}</p>
      <ul part="milestones" class="milestones">
        ${repeat(
          this.form.milestones,
          (row) => row.key,
          (row, index) => {
            const titleId = `milestone-${row.key}-title`;
            const dueId = `milestone-${row.key}-due`;
            return html`<li class="milestone-row">
              ${this.field(titleId, this.i18n.t('milestone.label', { number: index + 1 }), html`<input part="input" id=${titleId} type="text" .value=${row.title} aria-invalid=${this.invalid(titleId)} aria-describedby=${this.describedBy(titleId)} @input=${(event: Event) => this.updateRow(row.key, { title: (event.target as HTMLInputElement).value })} />`)}
              ${this.field(dueId, this.i18n.t('milestone.due'), html`<input part="input" id=${dueId} type="date" .value=${row.dueDate} aria-invalid=${this.invalid(dueId)} aria-describedby=${this.describedBy(dueId)} @input=${(event: Event) => this.updateRow(row.key, { dueDate: (event.target as HTMLInputElement).value })} />`)}
              <button part="remove-milestone" class="secondary" type="button" @click=${() => this.removeRow(row.key)}>${this.i18n.t('milestone.remove')}<span class="visually-hidden"> ${this.i18n.t('milestone.remove-which', { number: index + 1 })}</span></button>
            </li>`;
          },
        )}
      </ul>
      <div><button part="add-milestone" id="add-milestone" class="secondary" type="button" @click=${this.addRow}>${this.i18n.t('milestone.add')}</button></div>
    </fieldset>`;
  }

  /** "This goal meets 1 of 5 SMART letters…": save anyway, or keep editing at the first letter it misses. */
  private renderConfirm(): TemplateResult {
    const check = this.check();
    const met = SMART_CRITERIA.length - check.issues.length;
    const keepEditing = () => {
      this.confirmingWeakDraft = false;
      const field = FIELD_OF_CRITERION[check.issues[0]?.criterion ?? 'specific'] ?? 'title';
      void this.updateComplete.then(() => (this.shadowRoot?.getElementById(field) as HTMLElement | null)?.focus());
    };
    return html`<div part="confirm" class="confirm" role="group" aria-labelledby="confirm-text">
      <p id="confirm-text">${this.i18n.t('confirm.weak', { met, total: SMART_CRITERIA.length })}</p>
      <div class="actions">
        <button part="confirm-save" class="primary" type="submit">${this.i18n.t('confirm.save')}</button>
        <button part="confirm-keep" class="secondary" type="button" @click=${keepEditing}>${this.i18n.t('confirm.keep')}</button>
      </div>
    </div>`;
  }

  /** Starts a new goal (clears the form and focuses the title). */
  startNew(options: { pairingId?: string | undefined; splitFrom?: string | undefined } = {}): void {
    this.goalId = undefined;
    this.resetForm();
    this.startedFor = options.pairingId;
    const from = options.splitFrom ? (this.goals.value ?? []).find((goal) => goal.id === options.splitFrom) : undefined;
    if (from?.skill) this.form = { ...this.form, skill: from.skill };
    this.pendingFocus = 'title';
    this.requestUpdate();
  }

  /** Loads a goal into the form, focusing the title (or `focus`: the due date, the target). */
  edit(goalId: string, options: { focus?: FocusField | undefined } = {}): void {
    this.goalId = goalId;
    this.loadedFrom = undefined;
    this.pendingFocus = options.focus ?? 'title';
    this.requestUpdate();
  }

  override render(): TemplateResult {
    const kit = this.currentKit;
    const editing = this.goalId !== undefined;
    const ready = kit !== undefined && this.loadState === 'ready';
    const goal = editing ? (this.goals.value ?? []).find((candidate) => candidate.id === this.goalId) : undefined;
    const pairing = kit && ready ? (editing ? kit.$pairings.get().find((candidate) => candidate.id === goal?.pairingId) : this.targetPairing(kit)) : undefined;
    // The private box is for whoever may keep the goal to themselves: its owner (for a new goal, the pairing's mentee).
    const subject = editing ? goal : pairing;
    const mayKeepPrivate = kit !== undefined && subject !== undefined && mayMakePrivate(subject, kit.user.id);
    const heading = headingTag(this.headingLevel);
    const notFound = editing && ready && !this.loadedFrom;
    const t = (id: string) => this.i18n.t(id);
    // "Some text is too long" goes away once every field fits again.
    const stale =
      this.formError !== undefined &&
      'id' in this.formError &&
      this.formError.id === 'limit.blocked' &&
      !this.problems().some((problem) => problem.code === 'too-long');
    const formError =
      this.formError &&
      !stale &&
      ('text' in this.formError
        ? this.formError.text
        : this.formError.id === 'limit.blocked'
          ? textLimitMessage('limit.blocked', this.i18n.locale)
          : this.i18n.t(this.formError.id, this.formError.parameters));
    const conflicted = this.formError !== undefined && 'id' in this.formError && this.formError.id === 'error.conflict';
    return html`
      <div part="base" class="editor" @keydown=${this.handleKeydown}>
        <form part="form" novalidate @submit=${this.handleSubmit} aria-labelledby="heading">
          ${staticHtml`<${heading} part="heading" class="heading" id="heading">${t(editing ? 'heading.edit' : 'heading.new')}${this.renderPairingWith(pairing?.id, this.i18n.locale, (names) => this.i18n.t('with', { names }))}</${heading}>`}
          ${notFound ? html`<p part="form-error" class="form-error" role="alert">${t('not-found')}</p>` : nothing}
          ${
            formError
              ? html`<div part="form-error" class="form-error" role="alert">${formError} ${this.loadedFrom && conflicted ? html`<button class="secondary" type="button" @click=${this.handleLoadLatest}>${t('load-latest')}</button>` : nothing}</div>`
              : nothing
          }
          ${this.field('title', t('title.label'), this.textInput('title', 'title', { required: true, hint: true }), t('title.hint'))}
          ${this.field('description', t('description.label'), html`<textarea part="input" id="description" rows="2" .value=${this.form.description} @input=${this.input('description')} aria-invalid=${this.invalid('description')} aria-describedby=${this.describedBy('description')}></textarea>`)}
          ${this.field('skill', t('skill.label'), this.textInput('skill', 'skill', { list: 'skills', hint: true }), t('skill.hint'))}
          <datalist id="skills">${SKILL_CATALOGUE.map((skill) => html`<option value=${skill.name}></option>`)}</datalist>
          <fieldset>
            <legend>${t('measure.legend')}</legend>
            <div class="row">
              ${this.field('metric-name', t('metric-name.label'), this.textInput('metric-name', 'metricName'))}
              ${this.field('metric-unit', t('metric-unit.label'), this.textInput('metric-unit', 'metricUnit'))}
            </div>
            <div class="row">
              ${this.field('metric-start', t('metric-start.label'), this.textInput('metric-start', 'metricStart', { type: 'number', step: 'any' }))}
              ${this.field('metric-target', t('metric-target.label'), this.textInput('metric-target', 'metricTarget', { type: 'number', step: 'any' }))}
              ${editing ? this.field('metric-current', t('metric-current.label'), this.textInput('metric-current', 'metricCurrent', { type: 'number', step: 'any' })) : nothing}
            </div>
          </fieldset>
          <div class="row">
            ${this.field('start-date', t('start-date.label'), this.textInput('start-date', 'startDate', { type: 'date' }))}
            ${this.field('due-date', t('due-date.label'), this.textInput('due-date', 'dueDate', { type: 'date' }))}
          </div>
          ${this.renderMilestones()}
          ${
            mayKeepPrivate
              ? html`<label class="check"><input type="checkbox" .checked=${this.form.private} @change=${(event: Event) => this.update_({ private: (event.target as HTMLInputElement).checked })} /> ${t('private')}</label>`
              : nothing
          }
          ${this.confirmingWeakDraft ? this.renderConfirm() : nothing}
          <div class="actions">
            <button part="save" class="primary" type="submit" ?disabled=${this.saving || notFound}>${t(editing ? 'save' : 'create')}</button>
            ${editing ? html`<button part="cancel" class="secondary" type="button" @click=${this.handleCancel}>${t('cancel')}</button>` : nothing}
            <p part="status" class="hint" role="status">${this.announcement}</p>
          </div>
        </form>
        ${this.renderChecklist()}
      </div>
    `;
  }
}
