import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { availabilityOf, isMentorKitError, type Person } from '@mentorkit/core';
import {
  CRITERIA,
  DEFAULT_WEIGHTS,
  explainPairing,
  pairingFeature,
  type MatchAssignment,
  type MatchWeights,
  type PairingApi,
  type PairingCohort,
  type PairingRound,
  type RoundAdjustment,
} from '@mentorkit/core/pairing';
import { emit } from '../internal/emit.js';
import { formatList, formatLongCalendarDate } from '../internal/format.js';
import { focusInstead } from '../internal/focus.js';
import { LocaleController } from '../internal/localize.js';
import { MkElement } from '../internal/mk-element.js';
import { nameOf } from '../internal/people.js';
import { StoreController } from '../internal/store-controller.js';
import { pairingBoardLanguages, pairingBoardMessages } from './pairing-board.messages.js';
import { pairingBoardStyles } from './pairing-board.styles.js';

export interface MkPairingRoundActivateDetail {
  roundId: string;
  /** The pairings created, one per proposed pair. */
  pairingIds: string[];
}
export interface MkPairingRoundChangeDetail {
  roundId: string;
  /** What the admin did: `propose`, `weights`, `pin`, `unpin`, `veto` or `swap`. */
  action: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-pairing-round-activate': CustomEvent<MkPairingRoundActivateDetail>;
    'mk-pairing-round-change': CustomEvent<MkPairingRoundChangeDetail>;
  }
}

/** Milliseconds a slider must rest before the matching re-runs (keeps dragging smooth). */
const WEIGHT_DEBOUNCE_MS = 200;

/**
 * @summary The programme admin's matching board: tune the weights, run the whole-cohort matching,
 * review every proposed pair with its breakdown and reasons, pin, veto or swap, and approve.
 *
 * @description Loads the mentees of `program-id` who wait for a mentor and the mentors with free
 * seats (`kit.pairing.cohort`). "Run matching" stores a draft round (`kit.pairing.propose`); moving a
 * weight slider re-runs it (debounced). Each proposed pair shows its score, a meter per criterion and
 * the reasons from core; Pin keeps a pair on re-runs, Veto forbids it and re-runs at once, Swap
 * exchanges the mentors of two mentees. Mentees left out are listed with the reason, and each mentor's
 * seat use is shown, with mentors who are away or not taking mentees said so ("Away until Tuesday 12
 * January", their `availability` on the day the pairings start): matching does not propose them, and a
 * pair that names one anyway (a pin) carries a warning ("Kenji Watanabe is away until Tuesday 12
 * January"). "Approve and activate" creates the pairings and notifies both sides.
 * Only admins of the programme can use it; others see why. Every control is a native button, select or
 * range input, so the whole board works from the keyboard.
 *
 * @fires {CustomEvent<MkPairingRoundChangeDetail>} mk-pairing-round-change - The admin proposed or adjusted a round.
 * @fires {CustomEvent<MkPairingRoundActivateDetail>} mk-pairing-round-activate - The admin approved the round and its pairings were created.
 *
 * @csspart base - The board.
 * @csspart heading - The board's heading.
 * @csspart cohort - The line counting waiting mentees and free seats.
 * @csspart weights - The fieldset of weight sliders.
 * @csspart weight - One slider with its label and value.
 * @csspart actions - The row with Run matching and Approve.
 * @csspart starts-on - The date the pairings start: the next run computes availability and the clock times in the reasons for that week (default: today).
 * @csspart run - The Run matching button.
 * @csspart approve - The Approve and activate button.
 * @csspart status - The live status line.
 * @csspart error - The error box (`role="alert"`).
 * @csspart proposal - The list of proposed pairs.
 * @csspart pair - One proposed pair; carries `data-mentee`.
 * @csspart score - A pair's score.
 * @csspart breakdown - A pair's per-criterion meters.
 * @csspart reasons - A pair's reasons.
 * @csspart pin - A pair's Pin toggle.
 * @csspart veto - A pair's Veto button.
 * @csspart swap - A pair's swap controls.
 * @csspart unmatched - The list of mentees without a proposed mentor, with why.
 * @csspart capacity - The mentors' seat use.
 * @csspart mentor-availability - "Away until …" or "Not taking mentees" beside a mentor in that list; carries `data-status`.
 * @csspart warning - A pair's warning that its mentor is away or not taking mentees.
 *
 * @cssprop --mk-pairing-board-gap - Space between the board's sections.
 * @cssprop --mk-pairing-board-padding - Padding of the board.
 * @cssprop --mk-pairing-board-background - Background of the board.
 * @cssprop --mk-pairing-board-item-background - Background of a proposed pair.
 */
export class MkPairingBoard extends MkElement {
  static override styles = [...(Array.isArray(MkElement.styles) ? MkElement.styles : [MkElement.styles]), pairingBoardStyles];

  private readonly i18n = new LocaleController(this, 'mk-pairing-board', pairingBoardMessages, pairingBoardLanguages);
  private readonly people = new StoreController(this, () => this.currentKit?.$people);
  private readonly pairings = new StoreController(this, () => this.currentKit?.$pairings);
  private readonly rounds = new StoreController(this, () => this.api?.$rounds);

  /** Slider values not yet applied (while the admin drags). */
  @state() private draftWeights: MatchWeights | undefined;
  @state() private busy = false;
  @state() private statusText = '';
  @state() private errorText = '';
  @state() private swapChoice: Readonly<Record<string, string>> = {};
  /** When the pairings start (`YYYY-MM-DD`): the next run computes availability and reasons for that week. */
  @state() private startsOn: string | undefined;
  /** Reasons re-worded for the board's language when the round's are in another one, per round revision. */
  private rewordedReasons: { key: string; byMentee: Map<string, string[]> } | undefined;
  private weightTimer: ReturnType<typeof setTimeout> | undefined;

  /** Id of the programme whose cohort to match. */
  @property({ attribute: 'program-id' }) programId = '';
  /** BCP 47 locale of the labels. Default: the nearest `lang` attribute, else the browser's. */
  @property() locale?: string | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.weightTimer);
  }

  private get api(): PairingApi | undefined {
    return this.currentKit?.use(pairingFeature);
  }

  private get round(): PairingRound | undefined {
    return this.rounds.value?.find((round) => round.programId === this.programId && (round.status === 'draft' || round.status === 'approved'));
  }

  /** A mentor's availability on `on` (a date or an instant), when they are not taking mentees then. */
  private unavailability(id: string, on: string): { status: 'away' | 'not-taking-mentees'; until?: string | undefined } | undefined {
    const person = this.people.value?.[id] as Person | undefined;
    if (!person?.availability) return undefined;
    const now = availabilityOf(person, on);
    return now.status === 'taking-mentees' ? undefined : { status: now.status, ...(now.until !== undefined ? { until: now.until } : {}) };
  }

  private dateText(date: string): string {
    return formatLongCalendarDate(date, this.i18n.locale, this.currentKit?.now().slice(0, 4));
  }

  /**
   * Runs one action at a time. While it runs the buttons say they are unavailable (`aria-disabled`)
   * rather than being disabled, which would throw keyboard focus out of the board. When the action
   * takes the focused control away (a vetoed mentee left without a mentor, Approve once the round is
   * activated), focus moves to the pair that took its place, else the proposal's heading.
   */
  private async perform(action: () => Promise<unknown>, success: () => string): Promise<boolean> {
    if (this.busy) return false;
    const focused = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    const pairs = [...this.renderRoot.querySelectorAll('[part~="pair"]')];
    const pairIndex = focused ? pairs.findIndex((pair) => pair.contains(focused)) : -1;
    this.busy = true;
    this.errorText = '';
    try {
      await action();
      this.statusText = success();
      return true;
    } catch (error) {
      this.errorText = isMentorKitError(error) ? error.message : String(error);
      this.statusText = '';
      return false;
    } finally {
      this.busy = false;
      if (focused) {
        await this.updateComplete;
        if (!focused.isConnected) {
          const now = this.renderRoot.querySelectorAll('[part~="pair"] .pair-names');
          focusInstead(this.renderRoot, pairIndex < 0 ? undefined : now[Math.min(pairIndex, now.length - 1)], '#proposal-heading');
        }
      }
    }
  }

  /** Core's reasons in the page's language (stored with the round; English when the language is unknown). */
  private words(): { locale?: string | undefined } {
    const locale = this.i18n.locale;
    return locale ? { locale } : {};
  }

  private async adjust(adjustment: RoundAdjustment, action: string, success: () => string): Promise<void> {
    const round = this.round;
    const api = this.api;
    if (!round || !api) return;
    if (await this.perform(() => api.adjust(round.id, adjustment, this.words()), success)) emit(this, 'mk-pairing-round-change', { roundId: round.id, action });
  }

  private readonly onRun = async () => {
    const api = this.api;
    if (!api || this.busy) return;
    clearTimeout(this.weightTimer);
    let roundId = '';
    const current = this.round;
    const weights = this.draftWeights ?? current?.weights;
    // a re-run keeps the admin's pins and vetoes (carried over from the draft) on the current cohort
    const ok = await this.perform(
      async () =>
        (roundId = (
          await api.propose({
            programId: this.programId,
            ...(weights ? { weights } : {}),
            ...(current?.status === 'draft' ? { carryOverFrom: current.id } : {}),
            ...(this.startsOn ? { startsOn: this.startsOn } : {}),
            ...this.words(),
          })
        ).id),
      () => this.i18n.t('proposed.status', { pairs: this.round?.proposal.assignments.length ?? 0 }),
    );
    this.draftWeights = undefined;
    if (ok) emit(this, 'mk-pairing-round-change', { roundId, action: 'propose' });
  };

  private readonly onApprove = async () => {
    const api = this.api;
    const round = this.round;
    if (!api || !round || this.busy) return;
    let created: string[] = [];
    const ok = await this.perform(
      async () => {
        if (round.status === 'draft') await api.approve(round.id);
        created = (await api.activate(round.id)).pairings.map((pairing) => pairing.id);
      },
      () => this.i18n.t('done', { count: created.length }),
    );
    if (ok) emit(this, 'mk-pairing-round-activate', { roundId: round.id, pairingIds: created });
  };

  private onWeight(criterion: keyof MatchWeights, event: Event): void {
    const value = Number((event.target as HTMLInputElement).value);
    this.draftWeights = { ...(this.draftWeights ?? this.round?.weights ?? DEFAULT_WEIGHTS), [criterion]: value };
    clearTimeout(this.weightTimer);
    if (!this.round || this.round.status !== 'draft') return;
    this.weightTimer = setTimeout(() => {
      const weights = this.draftWeights;
      if (!weights) return;
      void this.adjust({ weights }, 'weights', () => this.i18n.t('proposed.status', { pairs: this.round?.proposal.assignments.length ?? 0 })).then(() => {
        if (this.draftWeights === weights) this.draftWeights = undefined;
      });
    }, WEIGHT_DEBOUNCE_MS);
  }

  private renderWeights(round: PairingRound | undefined): TemplateResult {
    const weights = this.draftWeights ?? round?.weights ?? DEFAULT_WEIGHTS;
    return html`<fieldset part="weights" class="weights">
      <legend>${this.i18n.t('weights')}</legend>
      <p class="hint muted">${this.i18n.t('weights.hint')}</p>
      ${CRITERIA.map(
        (criterion) => html`<div part="weight" class="weight">
          <label for="weight-${criterion}">${this.i18n.t(`criterion.${criterion}`)}</label>
          <input id="weight-${criterion}" type="range" min="0" max="10" step="1" .value=${String(weights[criterion])} aria-valuetext=${String(weights[criterion])} @input=${(event: Event) => this.onWeight(criterion, event)} />
          <output for="weight-${criterion}" aria-hidden="true">${weights[criterion]}</output>
        </div>`,
      )}
    </fieldset>`;
  }

  /**
   * The pair's reasons in the board's language: the round's own when it was worded in it, else worded
   * again from the profiles for the week the round starts (core's `explainPairing`), once per revision.
   */
  private reasonsOf(round: PairingRound, assignment: MatchAssignment): string[] {
    const locale = this.i18n.locale;
    const language = (tag: string | undefined) => (tag ?? 'en').toLowerCase().split(/[-_]/)[0];
    if (language(round.locale) === language(locale ?? navigator.language)) return assignment.reasons;
    const key = `${round.id}|${round.revision}|${locale}`;
    if (this.rewordedReasons?.key !== key) this.rewordedReasons = { key, byMentee: new Map() };
    let reasons = this.rewordedReasons.byMentee.get(assignment.menteeId);
    if (!reasons) {
      const people = this.people.value ?? {};
      const mentee = people[assignment.menteeId];
      const mentors = assignment.mentorIds.map((id) => people[id]);
      reasons =
        mentee && mentors.every(Boolean)
          ? explainPairing({
              mentee,
              mentors: mentors as Person[],
              weekOf: round.startsOn ?? round.updatedAt.slice(0, 10),
              weights: round.weights,
              ...(locale ? { locale } : {}),
            })
          : assignment.reasons;
      this.rewordedReasons.byMentee.set(assignment.menteeId, reasons);
    }
    return reasons;
  }

  private renderPair(round: PairingRound, assignment: MatchAssignment, index: number, others: readonly MatchAssignment[]): TemplateResult {
    const mentee = nameOf(this.people.value, assignment.menteeId);
    const mentors = formatList(
      assignment.mentorIds.map((id) => nameOf(this.people.value, id)),
      this.i18n.locale,
    );
    const lead = assignment.mentorIds[0]!;
    const pinned = round.pins.some((pin) => pin[0] === assignment.menteeId && pin[1] === lead);
    const draft = round.status === 'draft';
    const label = this.i18n.t('pair.label', { mentee, mentors });
    const swapWith = this.swapChoice[assignment.menteeId] ?? '';
    return html`<li part="pair" class="pair" data-mentee=${assignment.menteeId} aria-labelledby="pair-${index}">
      <div class="pair-head">
        <h4 id="pair-${index}" class="pair-names">${label}</h4>
        <span part="score" class="score">${this.i18n.t('score', { percent: Math.round((assignment.score / assignment.mentorIds.length) * 100) })}</span>
      </div>
      <div part="breakdown" class="breakdown">
        ${Object.entries(assignment.breakdown).map(
          ([criterion, value]) => html`<div>
            <span>${this.i18n.t(`criterion.${criterion}`)}</span><span class="muted">${Math.round(value * 100)} %</span>
            <meter min="0" max="1" .value=${value} aria-label=${`${this.i18n.t(`criterion.${criterion}`)}: ${Math.round(value * 100)} %`}></meter>
          </div>`,
        )}
      </div>
      ${assignment.mentorIds.map((id) => {
        const away = this.unavailability(id, round.startsOn ?? this.currentKit?.now() ?? new Date().toISOString());
        if (!away) return nothing;
        const name = nameOf(this.people.value, id);
        const warning =
          away.status === 'not-taking-mentees'
            ? this.i18n.t('warning.not-taking', { name })
            : away.until
              ? this.i18n.t('warning.away-until', { name, date: this.dateText(away.until) })
              : this.i18n.t('warning.away', { name });
        return html`<p part="warning" class="warning" data-mentor=${id}><span aria-hidden="true">⚠ </span>${warning}</p>`;
      })}
      <details>
        <summary>${this.i18n.t('why')}</summary>
        <ul part="reasons" class="reasons">${this.reasonsOf(round, assignment).map((reason) => html`<li>${reason}</li>`)}</ul>
      </details>
      ${
        draft
          ? html`<div class="pair-actions">
            <button type="button" part="pin" aria-pressed=${pinned ? 'true' : 'false'} aria-disabled=${this.busy ? 'true' : 'false'}
              @click=${() => this.adjust(pinned ? { unpin: [assignment.menteeId, lead] } : { pin: [assignment.menteeId, lead] }, pinned ? 'unpin' : 'pin', () => this.i18n.t(pinned ? 'unpinned.status' : 'pinned.status', { mentee, mentor: nameOf(this.people.value, lead) }))}>
              ${this.i18n.t(pinned ? 'pinned' : 'pin')}<span class="visually-hidden"> ${label}</span>
            </button>
            <button type="button" part="veto" class="danger" aria-disabled=${this.busy ? 'true' : 'false'}
              @click=${() => this.adjust({ veto: [assignment.menteeId, lead] }, 'veto', () => this.i18n.t('vetoed', { mentee, mentor: nameOf(this.people.value, lead) }))}>
              ${this.i18n.t('veto')}<span class="visually-hidden"> ${label}</span>
            </button>
            ${
              others.length > 1
                ? html`<span part="swap" class="pair-actions">
                  <label for="swap-${index}" class="visually-hidden">${this.i18n.t('swap.label')} (${mentee})</label>
                  <select id="swap-${index}" .value=${swapWith} @change=${(event: Event) => (this.swapChoice = { ...this.swapChoice, [assignment.menteeId]: (event.target as HTMLSelectElement).value })}>
                    <option value="">${this.i18n.t('swap.label')}…</option>
                    ${others.filter((other) => other.menteeId !== assignment.menteeId && other.mentorIds[0] !== lead).map((other) => html`<option value=${other.menteeId} ?selected=${other.menteeId === swapWith}>${nameOf(this.people.value, other.menteeId)} (${nameOf(this.people.value, other.mentorIds[0]!)})</option>`)}
                  </select>
                  <button type="button" ?disabled=${!swapWith} aria-disabled=${this.busy ? 'true' : 'false'}
                    @click=${() => this.adjust({ swap: [assignment.menteeId, swapWith] }, 'swap', () => this.i18n.t('swapped', { first: mentee, second: nameOf(this.people.value, swapWith) }))}>
                    ${this.i18n.t('swap')}<span class="visually-hidden"> ${label}</span>
                  </button>
                </span>`
                : nothing
            }
          </div>`
          : nothing
      }
    </li>`;
  }

  private renderCapacity(cohort: PairingCohort, round: PairingRound | undefined, on: string): TemplateResult {
    const proposed: Record<string, number> = {};
    for (const assignment of round?.proposal.assignments ?? []) for (const id of assignment.mentorIds) proposed[id] = (proposed[id] ?? 0) + 1;
    return html`<section aria-labelledby="capacity-heading">
      <h3 id="capacity-heading">${this.i18n.t('capacity.heading')}</h3>
      <ul part="capacity" class="capacity">
        ${repeat(
          cohort.mentors,
          (mentor) => mentor.id,
          (mentor) => {
            const total = cohort.capacity[mentor.id] ?? 0;
            const used = (cohort.used[mentor.id] ?? 0) + (proposed[mentor.id] ?? 0);
            const text = this.i18n.t('capacity.used', { used, total });
            const away = this.unavailability(mentor.id, on);
            const availability = away
              ? away.status === 'not-taking-mentees'
                ? this.i18n.t('availability.not-taking')
                : away.until
                  ? this.i18n.t('availability.away-until', { date: this.dateText(away.until) })
                  : this.i18n.t('availability.away')
              : '';
            return html`<li data-mentor=${mentor.id}>
              <span>${mentor.displayName} · <span class="muted">${text}</span>${away ? html` · <span part="mentor-availability" class="mentor-availability" data-status=${away.status}><span aria-hidden="true">⏸ </span>${availability}</span>` : nothing}</span>
              <meter min="0" max=${Math.max(total, 1)} .value=${used} aria-label=${`${mentor.displayName}: ${text}`}></meter>
            </li>`;
          },
        )}
      </ul>
    </section>`;
  }

  override render(): TemplateResult {
    const kit = this.currentKit;
    const status = this.loadState;
    if (!kit || status === 'loading' || status === undefined) {
      return html`<div part="base" class="board" aria-busy="true"><h2 part="heading">${this.i18n.t('heading')}</h2><p class="muted">${this.i18n.t('loading')}</p></div>`;
    }
    if (status === 'error') {
      return html`<div part="base" class="board"><h2 part="heading">${this.i18n.t('heading')}</h2>
        <div part="error" class="error" role="alert"><p>${this.i18n.t('error.title')}</p><p>${this.loadErrorMessage ?? ''}</p></div></div>`;
    }
    void this.pairings.value; // re-render when pairings change (the cohort depends on them)
    let cohort: PairingCohort | undefined;
    let problem = '';
    if (!this.programId) problem = this.i18n.t('no-program');
    else {
      try {
        cohort = this.api!.cohort(this.programId);
      } catch (error) {
        problem = isMentorKitError(error, 'forbidden') ? this.i18n.t('forbidden') : isMentorKitError(error) ? error.message : String(error);
      }
    }
    if (!cohort) {
      return html`<div part="base" class="board"><h2 part="heading">${this.i18n.t('heading')}</h2><p part="error" class="error" role="alert">${problem}</p></div>`;
    }
    const round = this.round;
    // The day the next run reads mentors' availability on: the chosen start, the round's, else now.
    const on = this.startsOn ?? round?.startsOn ?? kit.now();
    const available = cohort.mentors.filter((mentor) => !this.unavailability(mentor.id, on));
    const seats = available.reduce((sum, mentor) => sum + mentor.capacity, 0);
    const assignments = round?.proposal.assignments ?? [];
    return html`<div part="base" class="board" aria-busy=${this.busy ? 'true' : 'false'}>
      <h2 part="heading">${this.i18n.t('heading')}</h2>
      <p part="cohort" class="muted">${this.i18n.t('cohort', { mentees: cohort.mentees.length, mentors: available.filter((mentor) => mentor.capacity > 0).length, seats })}</p>
      ${this.renderWeights(round)}
      <div part="actions" class="actions">
        <label class="starts-on">${this.i18n.t('starts-on')}
          <input part="starts-on" type="date" .value=${this.startsOn ?? round?.startsOn ?? ''} @change=${(event: Event) => (this.startsOn = (event.target as HTMLInputElement).value || undefined)} />
        </label>
        <button type="button" part="run" class=${round ? '' : 'primary'} ?disabled=${cohort.mentees.length === 0} aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.onRun}>${this.i18n.t(round ? 'rerun' : 'run')}</button>
        ${round && assignments.length > 0 ? html`<button type="button" part="approve" class="primary" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.onApprove}>${this.i18n.t('approve')}</button>` : nothing}
      </div>
      <p part="status" class="status" role="status">${this.busy ? this.i18n.t('working') : this.statusText}</p>
      ${this.errorText ? html`<p part="error" class="error" role="alert">${this.errorText}</p>` : nothing}
      <section aria-labelledby="proposal-heading">
        <h3 id="proposal-heading">${this.i18n.t('proposal.heading')}</h3>
        ${
          !round
            ? html`<p class="muted">${this.i18n.t('proposal.empty')}</p>`
            : assignments.length === 0
              ? html`<p class="muted">${this.i18n.t('proposal.none')}</p>`
              : html`<p class="muted">${this.i18n.t('proposal.summary', { pairs: assignments.length, total: round.proposal.totalScore.toFixed(2) })}</p>
                <ul part="proposal" class="pairs">${repeat(
                  assignments,
                  (assignment) => assignment.menteeId,
                  (assignment, index) => this.renderPair(round, assignment, index, assignments),
                )}</ul>`
        }
      </section>
      ${
        round
          ? html`<section aria-labelledby="unmatched-heading">
            <h3 id="unmatched-heading">${this.i18n.t('unmatched.heading')}</h3>
            ${
              round.proposal.unmatched.length === 0
                ? html`<p class="muted">${this.i18n.t('unmatched.none')}</p>`
                : html`<ul part="unmatched" class="unmatched">${round.proposal.unmatched.map((entry) => html`<li data-mentee=${entry.menteeId}><strong>${nameOf(this.people.value, entry.menteeId)}</strong><span class="muted">${entry.reason}</span></li>`)}</ul>`
            }
          </section>`
          : nothing
      }
      ${this.renderCapacity(cohort, round, on)}
    </div>`;
  }
}
