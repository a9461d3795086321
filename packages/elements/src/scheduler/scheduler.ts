import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { TEXT_LIMITS, isHttpUrl, isMentorKitError, localTimeOf, type MentorKitError, type Pairing, type Session } from '@mentorkit/core';
import { agreementsFeature, agreementSlotParticipants, type Agreement } from '@mentorkit/core/agreements';
import {
  OUT_OF_HOURS_REACH,
  calendarBlockedSlots,
  calendarBusyFeature,
  sessionsFeature,
  suggestMeetingTimesOrOutOfHours,
  withCalendarBusy,
  type CalendarBlockedSlot,
  type FairSlot,
  type InconvenienceLedger,
  type SlotParticipant,
} from '@mentorkit/core/scheduling';
import { emit } from '../internal/emit.js';
import { focusInstead } from '../internal/focus.js';
import { browserTimeZone, formatDateList, formatDayTime, formatList } from '../internal/format.js';
import { LocaleController } from '../internal/localize.js';
import { errorText } from '../field-errors/field-errors.js';
import { schedulerLanguages, schedulerMessages } from './scheduler.messages.js';
import { ClockController } from '../internal/clock-controller.js';
import { headingLevel } from '../internal/heading-level.js';
import { renderLoadError, renderLoading } from '../internal/frame.js';
import { MkElement } from '../internal/mk-element.js';
import { nameOf, pairingById } from '../internal/people.js';
import { StoreController } from '../internal/store-controller.js';
import { panelStyles } from '../internal/panel.styles.js';
import { describedByWithCounter, renderTextCounter, textLimit, textLimitMessage, textLimitStyles } from '../text-limit/text-limit.js';
import { schedulerStyles } from './scheduler.styles.js';

export interface MkSessionBookedDetail {
  pairingId: string;
  sessionIds: string[];
  /** Set when a recurring series was booked. */
  seriesId?: string | undefined;
}
export interface MkSessionCancelledDetail {
  sessionId: string;
}
export interface MkSessionAttendanceDetail {
  sessionId: string;
  /** What the person said: it took place (`held`) or did not (`missed`). */
  status: 'held' | 'missed';
  /** Set when they recorded how long it lasted. */
  minutes?: number | undefined;
}
export interface MkCalendarDownloadDetail {
  pairingId: string;
  sessionIds: string[];
  fileName: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-session-booked': CustomEvent<MkSessionBookedDetail>;
    'mk-calendar-download': CustomEvent<MkCalendarDownloadDetail>;
    'mk-session-cancelled': CustomEvent<MkSessionCancelledDetail>;
    'mk-session-attendance': CustomEvent<MkSessionAttendanceDetail>;
  }
}

type Cadence = 'weekly' | 'fortnightly' | 'monthly';
const DAY = 86_400_000;
/** Blocked slots counted for the calendar note (it says "more than" beyond). */
const BLOCKED_SLOT_LIMIT = 500;
/** Blocked stretches listed by time in the calendar note; the rest are counted. */
const BLOCKED_LISTED = 3;
/** Past sessions listed (the most recent first); the rest are counted. */
const PAST_LISTED = 6;
/** The longest a session may be recorded as lasting (core's `MAX_HELD_MINUTES`). */
const MAX_LENGTH_MINUTES = 600;

/** A session's booked length in whole minutes. */
const bookedMinutes = (session: Session): number => Math.max(1, Math.floor((Date.parse(session.end) - Date.parse(session.start)) / 60_000));

/** A stretch of consecutive suggested times one set of people's calendars holds. */
interface BlockedStretch {
  start: string;
  end: string;
  blockedBy: string[];
}

/**
 * Merges consecutive blocked slots (overlapping, held by the same calendars) into stretches, each
 * narrowed to the part those calendars hold: a one-hour event blocks the four slots that start in it
 * and the three before it, and the person reads the hour, not the 105 minutes of slots.
 */
function blockedStretches(
  slots: readonly CalendarBlockedSlot[],
  busyByPerson: Readonly<Record<string, ReadonlyArray<{ start: string; end: string }>>>,
): BlockedStretch[] {
  const merged: BlockedStretch[] = [];
  for (const slot of slots) {
    const last = merged[merged.length - 1];
    if (last && Date.parse(slot.start) <= Date.parse(last.end) && last.blockedBy.join('\u0000') === slot.blockedBy.join('\u0000')) last.end = slot.end;
    else merged.push({ start: slot.start, end: slot.end, blockedBy: [...slot.blockedBy] });
  }
  return merged.map((stretch) => {
    const from = Date.parse(stretch.start);
    const to = Date.parse(stretch.end);
    let start = to;
    let end = from;
    for (const personId of stretch.blockedBy) {
      for (const interval of busyByPerson[personId] ?? []) {
        const busyStart = Date.parse(interval.start);
        const busyEnd = Date.parse(interval.end);
        if (busyStart < to && busyEnd > from) {
          start = Math.min(start, Math.max(from, busyStart));
          end = Math.max(end, Math.min(to, busyEnd));
        }
      }
    }
    return end > start ? { ...stretch, start: new Date(start).toISOString(), end: new Date(end).toISOString() } : stretch;
  });
}

/** A MentorKitError as it is, anything else as a `storage-error` with `message` (default: its own words). */
const asError = (error: unknown, message = String(error)): MentorKitError =>
  isMentorKitError(error) ? error : (Object.assign(new Error(message), { code: 'storage-error', path: '' }) as unknown as MentorKitError);

const formatterCache = new Map<string, Intl.DateTimeFormat>();
/** A local `HH:MM` in the locale's way of writing times ("07:00", "7:00 AM"). */
function formatWallClockTime(time: string, locale: string | undefined): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(new Date(`1970-01-01T${time}:00Z`));
}
/** The time of `instant`, with the weekday, day and month (and the year when it is not this year) when `withDay`. */
function format(instant: string, timeZone: string, locale: string | undefined, withDay: boolean, now: string): string {
  if (withDay) return formatDayTime(instant, timeZone, locale, now);
  const key = `${locale}|${timeZone}`;
  let formatter = formatterCache.get(key);
  if (!formatter) formatterCache.set(key, (formatter = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' })));
  return formatter.format(new Date(instant));
}

/**
 * @summary Find a time that suits everyone in a pairing, across time zones, and book it — once or
 * as a recurring series — then download it as an `.ics` file.
 *
 * @description Shows each participant's local time now side by side, then the common free times in
 * the search window, ranked so early and late hours are shared fairly between time zones
 * (`suggestMeetingTimes`), each with every person's own local time and a note when it is early,
 * late or at night (22:00–06:00) for someone. When there is no common working time in the window it
 * offers the fairest times outside working hours by itself (`suggestMeetingTimesOrOutOfHours`:
 * 07:00–22:00 on working days, never at night) and says so. The participants, their hours and
 * off-limits days come from the pair's working agreement (or their profiles when there is none);
 * booked sessions count as busy. Pick a time (a radio group: arrow keys move), choose once or a
 * series following the agreed cadence (anchored in the organiser's zone, skipping off-limits dates;
 * or, with "Take turns with the early and late times" — on by default for a time outside someone's
 * working hours — a rotating series that gives each session to whoever stretched less so far, from
 * the pair's ledger), book, and download the sessions for any calendar. Each upcoming session has "Cancel…", which turns its
 * row into an inline confirmation (an optional reason the others see, "Cancel the session", "Keep it"; focus goes to
 * "Keep it", as in `<mk-calendar-connections>`; Escape or "Keep it" returns focus to "Cancel…"); a cancelled session
 * leaves the list, a polite announcement says so and focus goes to the next session's "Cancel…" (else the one before,
 * else the list's heading); a refusal stays in the confirmation, worded, with the reason kept. "Past sessions" lists
 * the pair's sessions that have started (the most recent six): "Did it take place?" with two toggle buttons, "Held" and
 * "Didn't happen" (`aria-pressed`; `kit.sessions.markHeld` / `markMissed`), and for a held one "How long? (minutes)",
 * the booked length until someone records another (1–600, saved with "Save length" or Enter: `recordLength`),
 * changeable later by either member; people outside the pairing read what was recorded. Busy times from the participants'
 * own calendars (`calendarBusyFeature`, fetched by the MentorKit server) are left out of every search —
 * the suggestions, the out-of-hours times and a rotating series — and a note below the suggestions says
 * which times that leaves out and whose calendar holds them ("busy in Kenji Watanabe's calendar"), never
 * what is in it; a calendar the server could not read lately gets a quiet note. The title and agenda show a counter from 80 % of their limits (core's
 * `TEXT_LIMITS.session`); over a limit the field is marked, the text kept whole (no `maxlength` cuts a
 * paste) and booking waits with a message. Text follows the page language (English, and Spanish loaded on first use:
 * `scheduler.messages.ts`, `.es.ts`); times and dates use the locale's formats.
 *
 * @fires {CustomEvent<MkSessionBookedDetail>} mk-session-booked - The user booked a session or a series.
 * @fires {CustomEvent<MkCalendarDownloadDetail>} mk-calendar-download - The user downloaded an .ics file.
 * @fires {CustomEvent<MkSessionCancelledDetail>} mk-session-cancelled - The user cancelled an upcoming session (only that one, also in a series).
 * @fires {CustomEvent<MkSessionAttendanceDetail>} mk-session-attendance - The user said a past session took place or not, or recorded how long it lasted.
 *
 * @csspart base - The card.
 * @csspart heading - The heading.
 * @csspart pairing-with - "with Lucía Fernández": whose pairing it shows, in the heading.
 * @csspart loading - The loading message.
 * @csspart error - An error box (`role="alert"`).
 * @csspart empty - The box shown when there is nothing to schedule.
 * @csspart clocks - The participants' local times now.
 * @csspart clock - One participant's local time; carries `data-person`.
 * @csspart controls - Duration, start date and window.
 * @csspart slots - The suggested times (a radio group).
 * @csspart calendar-blocked - Below the suggestions: the times left out because someone's calendar is busy then (whose, never what).
 * @csspart calendar-failing - A quiet note: someone's calendar could not be read lately; its last known busy times are used. Carries `data-person`.
 * @csspart slot - One suggested time; carries `data-start`.
 * @csspart slot-local - One person's local time within a slot.
 * @csspart slot-note - "early for …" / "late for …".
 * @csspart no-slots - Shown when no common time exists in the window, not even outside working hours.
 * @csspart out-of-hours - Says the suggestions are outside working hours (there is no common working time).
 * @csspart rotate - The "Take turns with the early and late times" choice.
 * @csspart ledger - After a rotating series: the early and late turns so far.
 * @csspart booking - The booking form.
 * @csspart book-button - The book button.
 * @csspart counter - The title's or agenda's character counter (`data-state="near"` or `"over"`).
 * @csspart booked - The confirmation after booking.
 * @csspart download - A button that downloads an .ics file.
 * @csspart upcoming - The list of upcoming sessions.
 * @csspart cancel - An upcoming session's "Cancel…" button (a disclosure: it opens the confirmation in its row).
 * @csspart cancel-confirm - The inline confirmation in a row (a group: the optional reason, "Cancel the session" and "Keep it").
 * @csspart cancel-reason - The reason field (optional; the others see it).
 * @csspart cancel-error - Why the session could not be cancelled (`role="alert"`), in the confirmation.
 * @csspart announcement - The polite live region that says a session was cancelled, or a past one recorded.
 * @csspart past - The list of past sessions (started ones, the most recent first); each item carries `data-session` and `data-status`.
 * @csspart attendance - A past session's "Did it take place?" group.
 * @csspart held-button - "Held" (a toggle button, `aria-pressed`).
 * @csspart missed-button - "Didn't happen" (a toggle button, `aria-pressed`).
 * @csspart length - A held session's "How long? (minutes)" field.
 * @csspart length-save - "Save length".
 * @csspart past-status - What was recorded, for people who only read it.
 * @csspart past-error - Why a past session's answer or length was not saved (`role="alert"`).
 *
 * @cssprop [--mk-panel-background=var(--mk-color-surface)] - Background of the card.
 * @cssprop [--mk-panel-border-color=var(--mk-color-border)] - Border colour of the card.
 * @cssprop [--mk-panel-radius=var(--mk-radius-lg)] - Corner radius of the card.
 * @cssprop [--mk-panel-padding=var(--mk-space-5)] - Inner spacing of the card.
 * @cssprop [--mk-panel-gap=var(--mk-space-4)] - Space between sections.
 */
export class MkScheduler extends MkElement {
  static override styles = [MkElement.styles, panelStyles, textLimitStyles, schedulerStyles];

  private readonly agreements = new StoreController(this, () => (this.currentKit ? this.currentKit.use(agreementsFeature).$agreements : undefined));
  private readonly people = new StoreController(this, () => this.currentKit?.$people);
  private readonly pairings = new StoreController(this, () => this.currentKit?.$pairings);
  private readonly sessions = new StoreController(this, () => (this.currentKit ? this.currentKit.use(sessionsFeature).$sessions : undefined));
  /** Busy times from people's own calendars (the server's `calendar-busy` records). */
  private readonly calendarBusy = new StoreController(this, () => (this.currentKit ? this.currentKit.use(calendarBusyFeature).$calendarBusy : undefined));
  private readonly busyByPerson = new StoreController(this, () => (this.currentKit ? this.currentKit.use(calendarBusyFeature).$busyByPerson : undefined));
  private readonly clock = new ClockController(this);
  /** Messages in the element's language; re-renders when `<html lang>` changes. */
  private readonly i18n = new LocaleController(this, 'mk-scheduler', schedulerMessages, schedulerLanguages);

  @state() private durationMinutes: number | undefined;
  @state() private fromDate: string | undefined;
  @state() private weeks = 2;
  @state() private order: 'fairest' | 'earliest' = 'fairest';
  @state() private shown = 8;
  @state() private selectedStart: string | undefined;
  @state() private repeat: 'once' | 'series' = 'series';
  @state() private cadence: Cadence | undefined;
  @state() private count = 6;
  /** Take turns with the early and late times (`undefined`: yes when the chosen time is outside someone's working hours). */
  @state() private rotate: boolean | undefined;
  @state() private busy = false;
  @state() private error: MentorKitError | undefined;
  /** The session title as typed (`undefined`: the default title, in the page's language). */
  @state() private bookingTitle: string | undefined;
  @state() private bookingAgenda = '';
  /** Booking was refused because the title or agenda is over its limit. */
  @state() private limitBlocked = false;
  @state() private booked:
    | {
        sessions: Session[];
        description?: string | undefined;
        cadence?: Cadence | undefined;
        skipped: string[];
        noTime: string[];
        ledger?: InconvenienceLedger | undefined;
      }
    | undefined;
  /** The upcoming session whose row asks "Cancel …?", with the reason typed, while it is cancelled, and why it was not. */
  @state() private cancelling:
    { id: string; reason: string; busy?: boolean | undefined; error?: MentorKitError | undefined; limitBlocked?: boolean | undefined } | undefined;
  /** What the live region last said (a session cancelled). */
  @state() private announcement = '';
  /** A cancellation emptied the list: its heading stays (with "No upcoming sessions."), to hold focus. */
  @state() private upcomingEmptied = false;
  /** The past session whose answer or length is being saved, or was refused (`error`), or whose typed length is not a number of minutes (`invalid`). */
  @state() private recording: { id: string; busy?: boolean | undefined; error?: MentorKitError | undefined; invalid?: boolean | undefined } | undefined;
  /** Lengths as typed in the "How long?" fields, by session id, until saved. */
  @state() private typedLengths: Readonly<Record<string, string>> = {};
  private downloadUrls: string[] = [];
  /** The pairing shown at the last update. */
  private followedPairingId: string | undefined;

  /** The pairing to schedule for. Default: the client's current pairing (`kit.$currentPairingId`). */
  @property({ attribute: 'pairing-id', reflect: true }) pairingId?: string | undefined;

  /** Level of the heading (1–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** BCP 47 locale for times and dates. Default: the nearest `lang`, else the browser's. */
  @property() locale?: string | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const url of this.downloadUrls) URL.revokeObjectURL(url);
    this.downloadUrls = [];
  }

  protected override willUpdate(): void {
    // Another pairing (its own `pairing-id`, or the client's current pairing it follows): nothing chosen or booked there yet.
    if (this.shownPairingId !== this.followedPairingId) {
      this.followedPairingId = this.shownPairingId;
      this.selectedStart = undefined;
      this.booked = undefined;
      this.rotate = undefined;
      this.cancelling = undefined;
      this.upcomingEmptied = false;
      this.recording = undefined;
      this.typedLengths = {};
    }
  }

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private get agreement(): Agreement | undefined {
    return this.agreements.value?.find((agreement) => agreement.pairingId === this.shownPairingId);
  }

  /**
   * Participants from the agreement, else from the members' profiles; booked sessions are busy, and so
   * are the times their own calendars hold (`withCalendarBusy`). Every search uses these: the
   * suggestions, the out-of-hours times and a rotating series.
   */
  private participantsFor(pairing: Pairing, agreement: Agreement | undefined): SlotParticipant[] {
    return withCalendarBusy(this.participantsWithoutCalendars(pairing, agreement), this.busyByPerson.value ?? {});
  }

  /** The participants before their calendars' busy times are added (to tell which times those leave out). */
  private participantsWithoutCalendars(pairing: Pairing, agreement: Agreement | undefined): SlotParticipant[] {
    const now = Date.parse(this.currentKit!.now());
    const busy = (this.sessions.value ?? [])
      .filter((session) => session.pairingId === pairing.id && session.status === 'scheduled' && Date.parse(session.end) > now)
      .map((session) => ({ start: session.start, end: session.end }));
    if (agreement) return agreementSlotParticipants(agreement).map((participant) => ({ ...participant, busy }));
    return [pairing.menteeId, ...pairing.mentorIds].map((personId) => {
      const person = this.people.value?.[personId];
      return {
        id: personId,
        timeZone: person?.timeZone ?? 'UTC',
        workingHours: person?.workingHours ?? {},
        offLimitsDays: person?.offLimitsDays ?? [],
        offLimitsDates: person?.offLimitsDates ?? [],
        busy,
      };
    });
  }

  private viewerZone(participants: SlotParticipant[]): string {
    const kit = this.currentKit!;
    return participants.find((participant) => participant.id === kit.user.id)?.timeZone ?? kit.$me.get()?.timeZone ?? browserTimeZone();
  }

  /**
   * The fair suggestions in the window: within everyone's working hours, or — when there is no common
   * working time — the fairest times outside it (`suggestMeetingTimesOrOutOfHours`), never at night.
   */
  private suggestionsFor(
    participants: SlotParticipant[],
    duration: number,
    today: string,
  ): { slots: FairSlot[]; outOfHours: boolean; error?: MentorKitError | undefined } {
    try {
      const { slots, outOfHours } = suggestMeetingTimesOrOutOfHours({ participants, ...this.searchWindow(today), durationMinutes: duration, stepMinutes: 15 });
      if (this.order === 'earliest') slots.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
      return { slots, outOfHours };
    } catch (error) {
      return { slots: [], outOfHours: false, error: error as MentorKitError };
    }
  }

  /** The search window: from the chosen day (a day early, for zones ahead), never before now, for the chosen weeks. */
  private searchWindow(today: string): { from: string; to: string } {
    const fromDate = this.fromDate ?? today;
    const start = Math.max(Date.parse(`${fromDate}T00:00:00Z`) - DAY, Date.parse(this.currentKit!.now()));
    const to = Date.parse(`${fromDate}T00:00:00Z`) + this.weeks * 7 * DAY + DAY;
    return { from: new Date(start).toISOString(), to: new Date(Math.max(to, start)).toISOString() };
  }

  /**
   * The times within everyone's working hours in the window that only someone's own calendar holds,
   * merged into stretches (`calendarBlockedSlots` on the participants without their calendars).
   */
  private blockedFor(pairing: Pairing, agreement: Agreement | undefined, duration: number, today: string): { stretches: BlockedStretch[]; more: boolean } {
    const busyByPerson = this.busyByPerson.value ?? {};
    const participants = this.participantsWithoutCalendars(pairing, agreement);
    if (!participants.some((participant) => (busyByPerson[participant.id]?.length ?? 0) > 0)) return { stretches: [], more: false };
    try {
      const slots = calendarBlockedSlots(
        { participants, ...this.searchWindow(today), durationMinutes: duration, stepMinutes: 15, limit: BLOCKED_SLOT_LIMIT },
        busyByPerson,
      );
      return { stretches: blockedStretches(slots, busyByPerson), more: slots.length >= BLOCKED_SLOT_LIMIT };
    } catch {
      // The suggestions say what is wrong with the search; the note only adds to them.
      return { stretches: [], more: false };
    }
  }

  /** "Kenji Watanabe's calendar and your calendar". */
  private calendarsOf(personIds: readonly string[], locale: string | undefined): string {
    const viewer = this.currentKit?.user.id;
    return formatList(
      personIds.map((id) => (id === viewer ? this.i18n.t('calendar.yours') : this.i18n.t('calendar.whose', { name: nameOf(this.people.value, id) }))),
      locale,
    );
  }

  /**
   * Below the suggestions: which times are left out because someone's calendar is busy then — how many
   * stretches, the first few by time in the viewer's zone, and whose calendar; never what is in it.
   */
  private renderCalendarBlocked(
    pairing: Pairing,
    agreement: Agreement | undefined,
    duration: number,
    today: string,
    viewerZone: string,
    locale: string | undefined,
  ): TemplateResult | typeof nothing {
    const { stretches, more } = this.blockedFor(pairing, agreement, duration, today);
    if (stretches.length === 0) return nothing;
    const people = [...new Set(stretches.flatMap((stretch) => stretch.blockedBy))];
    const now = this.currentKit!.now();
    return html`<div part="calendar-blocked" class="calendar-note">
      <p>${this.i18n.t('calendar.blocked', { count: stretches.length, more: more ? 1 : 0, calendars: this.calendarsOf(people, locale) })}</p>
      <ul class="calendar-blocked-list">
        ${stretches.slice(0, BLOCKED_LISTED).map((stretch) => html`<li data-start=${stretch.start}>${this.i18n.t('calendar.blocked-time', { time: `${format(stretch.start, viewerZone, locale, true, now)}–${format(stretch.end, viewerZone, locale, false, now)}`, calendars: this.calendarsOf(stretch.blockedBy, locale) })}</li>`)}
      </ul>
    </div>`;
  }

  /** A quiet note for each participant whose calendar the server could not read lately: the last known busy times are used. */
  private renderCalendarFailing(participants: SlotParticipant[], viewerZone: string, locale: string | undefined): TemplateResult | typeof nothing {
    const records = this.calendarBusy.value ?? [];
    const viewer = this.currentKit!.user.id;
    const notes = participants.flatMap((participant) => {
      const failing = records.find((record) => record.personId === participant.id)?.calendars.filter((calendar) => calendar.status === 'failing') ?? [];
      if (failing.length === 0) return [];
      const since = failing.map((calendar) => calendar.readAt ?? calendar.checkedAt).sort()[0]!;
      const parameters = { name: nameOf(this.people.value, participant.id), since: formatDayTime(since, viewerZone, locale, this.currentKit!.now()) };
      return [
        {
          personId: participant.id,
          text: participant.id === viewer ? this.i18n.t('calendar.failing-yours', parameters) : this.i18n.t('calendar.failing', parameters),
        },
      ];
    });
    if (notes.length === 0) return nothing;
    return html`${notes.map((note) => html`<p part="calendar-failing" class="hint calendar-failing" data-person=${note.personId}>${note.text}</p>`)}`;
  }

  /**
   * While the number is typed, the Book button says how many sessions would be booked now (the typed
   * number within 2–26); leaving the field writes that number into it.
   */
  private readonly handleCountInput = (event: Event): void => {
    const typed = (event.target as HTMLInputElement).valueAsNumber;
    if (Number.isFinite(typed)) this.count = Math.min(26, Math.max(2, Math.round(typed)));
  };

  private readonly handleCountChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    if (!Number.isFinite(input.valueAsNumber)) this.count = 6;
    input.value = String(this.count);
  };

  private handleSelect(start: string): void {
    this.selectedStart = start;
  }

  private async handleBook(
    event: SubmitEvent,
    pairing: Pairing,
    agreement: Agreement | undefined,
    participants: SlotParticipant[],
    duration: number,
    rotate: boolean,
  ): Promise<void> {
    event.preventDefault();
    const kit = this.currentKit;
    if (!kit || !this.selectedStart || this.busy) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    // A title or agenda over its limit (core's TEXT_LIMITS.session) refuses to book: the text stays whole, marked, with a message.
    const tooLong = (['title', 'agenda'] as const).filter((name) => textLimit(String(data.get(name) ?? ''), TEXT_LIMITS.session[name]).over);
    if (tooLong.length > 0) {
      this.limitBlocked = true;
      this.error = undefined;
      await this.focusAfterUpdate(`[name="${tooLong[0]}"]`);
      return;
    }
    this.limitBlocked = false;
    const title = String(data.get('title') ?? '').trim() || this.i18n.t('booking.default-title');
    const agenda = String(data.get('agenda') ?? '').trim();
    const meetingUrl = String(data.get('meetingUrl') ?? '').trim();
    const organiserZone = this.viewerZone(participants);
    const api = kit.use(sessionsFeature);
    this.busy = true;
    this.error = undefined;
    try {
      const common = {
        pairingId: pairing.id,
        title,
        timeZone: organiserZone,
        participantIds: participants.map((participant) => participant.id),
        ...(agenda ? { agenda } : {}),
        ...(meetingUrl ? { meetingUrl } : {}),
      };
      if (this.repeat === 'series') {
        const cadence = this.cadence ?? (agreement && agreement.cadence !== 'ad-hoc' ? agreement.cadence : 'fortnightly');
        const series = await api.bookSeries({
          ...common,
          firstStart: this.selectedStart,
          durationMinutes: duration,
          cadence,
          count: this.count,
          // Taking turns needs everyone's hours and busy times (each session is found on its own day).
          participants: rotate
            ? participants
            : participants.map((participant) => ({
                id: participant.id,
                timeZone: participant.timeZone,
                offLimitsDays: participant.offLimitsDays ?? [],
                offLimitsDates: participant.offLimitsDates ?? [],
              })),
          ...(rotate ? { rotate, stepMinutes: 15, ...(this.i18n.locale ? { locale: this.i18n.locale } : {}) } : {}),
        });
        this.booked = {
          sessions: series.sessions,
          description: series.description,
          cadence,
          skipped: series.skipped.filter((skip) => skip.reason !== 'no-common-time').map((skip) => skip.localDate),
          noTime: series.skipped.filter((skip) => skip.reason === 'no-common-time').map((skip) => skip.localDate),
          ...(series.ledger ? { ledger: series.ledger } : {}),
        };
        emit(this, 'mk-session-booked', { pairingId: pairing.id, sessionIds: series.sessions.map((session) => session.id), seriesId: series.seriesId });
      } else {
        const session = await api.book({ ...common, start: this.selectedStart, durationMinutes: duration });
        this.booked = { sessions: [session], skipped: [], noTime: [] };
        emit(this, 'mk-session-booked', { pairingId: pairing.id, sessionIds: [session.id] });
      }
      this.selectedStart = undefined;
      this.bookingTitle = undefined;
      this.bookingAgenda = '';
      await this.focusAfterUpdate('[part~="booked"]');
    } catch (error) {
      this.error = asError(error);
      await this.focusAfterUpdate('[part~="error"]');
    } finally {
      this.busy = false;
    }
  }

  /**
   * Builds the sessions' .ics (ical-generator is loaded on first download, so it is not part of the
   * element's first load) and saves it through a temporary link; the object URL is revoked when the
   * element leaves the page.
   */
  private async handleDownload(sessions: readonly Session[], pairing: Pairing, fileName: string): Promise<void> {
    const kit = this.currentKit;
    if (!kit) return;
    const people = this.people.value ?? {};
    try {
      const { toICalendar } = await import('@mentorkit/core/ical');
      const text = toICalendar(
        sessions.map((session) => ({
          id: session.id,
          title: session.title,
          start: session.start,
          end: session.end,
          timeZone: session.timeZone,
          ...(session.agenda ? { agenda: session.agenda } : {}),
          ...(session.meetingUrl && isHttpUrl(session.meetingUrl) ? { meetingUrl: session.meetingUrl } : {}),
          status: session.status,
          revision: session.revision,
          attendees: (session.participantIds ?? []).map((id) => ({
            name: people[id]?.displayName ?? id,
            ...(people[id]?.email ? { email: people[id]!.email! } : {}),
          })),
        })),
        { name: this.i18n.t('calendar.name'), stamp: kit.now() },
      );
      const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
      this.downloadUrls.push(url);
      if (this.downloadUrls.length > 20) URL.revokeObjectURL(this.downloadUrls.shift()!);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.hidden = true;
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
      emit(this, 'mk-calendar-download', { pairingId: pairing.id, sessionIds: sessions.map((session) => session.id), fileName });
    } catch (error) {
      this.error = asError(error, this.i18n.t('download.error', { reason: String(error) }));
    }
  }

  private renderDownload(sessions: readonly Session[], pairing: Pairing, label: string, fileName: string): TemplateResult | typeof nothing {
    if (sessions.length === 0) return nothing;
    return html`<button part="download" class="button secondary download" type="button" data-file=${fileName} @click=${() => this.handleDownload(sessions, pairing, fileName)}>${label}</button>`;
  }

  private renderHeading(): TemplateResult {
    const level = headingLevel(this.headingLevel);
    return html`<div part="heading" class="heading" role="heading" aria-level=${level} id="heading">${this.i18n.t('heading')}${this.renderPairingWith(this.shownPairingId, this.i18n.locale, (names) => this.i18n.t('with', { names }))}</div>`;
  }

  private renderClocks(participants: SlotParticipant[], locale: string | undefined): TemplateResult {
    const now = this.currentKit!.now();
    return html`<ul part="clocks" class="clocks" aria-label=${this.i18n.t('clocks.label')}>
      ${participants.map((participant) => {
        const local = localTimeOf(participant.timeZone, now);
        return html`<li part="clock" class="clock" data-person=${participant.id}>
          <span class="clock-name">${nameOf(this.people.value, participant.id)}</span>
          <time class="clock-time" datetime=${`${local.date}T${local.time}${local.offset}`}>${format(now, participant.timeZone, locale, true, this.currentKit!.now())}</time>
          <span class="muted">${participant.timeZone.replaceAll('_', ' ')} · UTC${local.offset}</span>
        </li>`;
      })}
    </ul>`;
  }

  private renderSlot(slot: FairSlot, participants: SlotParticipant[], locale: string | undefined, index: number): TemplateResult {
    const id = `slot-${index}`;
    const checked = this.selectedStart === slot.start;
    const notes = slot.notes.map((note) => this.i18n.t(`note.${note.kind}`, { name: nameOf(this.people.value, note.participantId) }));
    return html`<li part="slot" class="slot" data-start=${slot.start} data-selected=${String(checked)}>
      <input type="radio" name="slot" id=${id} value=${slot.start} .checked=${checked} @change=${() => this.handleSelect(slot.start)} />
      <label for=${id} class="slot-label">
        ${participants.map(
          (participant) => html`<span part="slot-local" class="slot-local" data-person=${participant.id}>
            <span class="slot-name">${nameOf(this.people.value, participant.id)}</span>
            <span>${format(slot.start, participant.timeZone, locale, true, this.currentKit!.now())}–${format(slot.end, participant.timeZone, locale, false, this.currentKit!.now())}</span>
          </span>`,
        )}
        ${notes.length > 0 ? html`<span part="slot-note" class="slot-note">${formatList(notes, locale)}</span>` : html`<span part="slot-note" class="slot-note" data-fair="true">${this.i18n.t('note.fair')}</span>`}
      </label>
    </li>`;
  }

  private renderBooking(
    pairing: Pairing,
    agreement: Agreement | undefined,
    participants: SlotParticipant[],
    duration: number,
    selected: FairSlot | undefined,
  ): TemplateResult {
    const cadence = this.cadence ?? (agreement && agreement.cadence !== 'ad-hoc' ? agreement.cadence : 'fortnightly');
    // Turns are offered when the chosen time is early, late or outside working hours for someone, and
    // on by default when it is outside someone's working hours (inside them, everyone agreed to it).
    const stretches = selected !== undefined && (selected.notes.length > 0 || selected.outsideWorkingHours.length > 0);
    const rotate = this.repeat === 'series' && stretches && (this.rotate ?? selected.outsideWorkingHours.length > 0);
    return html`<form part="booking" class="form booking" @submit=${(event: SubmitEvent) => this.handleBook(event, pairing, agreement, participants, duration, rotate)} aria-label=${this.i18n.t('booking.label')}>
      <fieldset>
        <legend>${this.i18n.t('booking.how-often')}</legend>
        <div class="choices">
          <label class="choice"><input type="radio" name="repeat" value="once" .checked=${this.repeat === 'once'} @change=${() => (this.repeat = 'once')} /> ${this.i18n.t('booking.once')}</label>
          <label class="choice"><input type="radio" name="repeat" value="series" .checked=${this.repeat === 'series'} @change=${() => (this.repeat = 'series')} /> ${this.i18n.t('booking.series')}</label>
        </div>
        ${
          this.repeat === 'series'
            ? html`<div class="inline">
              <label class="field">${this.i18n.t('booking.cadence')}
                <select name="cadence" @change=${(event: Event) => (this.cadence = (event.target as HTMLSelectElement).value as Cadence)}>
                  ${(['weekly', 'fortnightly', 'monthly'] as const).map((value) => html`<option value=${value} ?selected=${value === cadence}>${this.i18n.t(`cadence.${value}`)}</option>`)}
                </select>
              </label>
              <label class="field">${this.i18n.t('booking.count')}
                <input name="count" type="number" min="2" max="26" .value=${live(String(this.count))} @input=${this.handleCountInput} @change=${this.handleCountChange} />
              </label>
            </div>
            ${
              stretches
                ? html`<label part="rotate" class="choice">
                  <input type="checkbox" name="rotate" .checked=${rotate} aria-describedby="rotate-hint" @change=${(event: Event) => (this.rotate = (event.target as HTMLInputElement).checked)} />
                  ${this.i18n.t('booking.rotate')}
                </label>
                <p class="hint" id="rotate-hint">${this.i18n.t('booking.rotate-hint')}</p>`
                : nothing
            }`
            : nothing
        }
      </fieldset>
      ${this.renderTextField('title', this.bookingTitle ?? this.i18n.t('booking.default-title'), (value) => (this.bookingTitle = value))}
      ${this.renderTextField('agenda', this.bookingAgenda, (value) => (this.bookingAgenda = value))}
      <label class="field">${this.i18n.t('booking.meeting-url')} <input name="meetingUrl" type="url" .value=${agreement?.meetingUrl ?? ''} placeholder="https://meet.example.com/…" /></label>
      ${
        this.limitBlocked && this.overLimit()
          ? html`<div part="error" class="notice" data-tone="danger" role="alert" tabindex="-1"><p class="notice-title">${this.i18n.t('booking.error')}</p><p>${textLimitMessage('limit.blocked', this.i18n.locale)}</p></div>`
          : this.error
            ? html`<div part="error" class="notice" data-tone="danger" role="alert" tabindex="-1"><p class="notice-title">${this.i18n.t('booking.error')}</p><p>${errorText(this.error, this.i18n.locale, false)}</p></div>`
            : nothing
      }
      <div class="actions"><button part="book-button" class="button" type="submit" ?disabled=${this.busy || !selected}>${this.repeat === 'series' ? this.i18n.t('booking.book-series', { count: this.count }) : this.i18n.t('booking.book-once')}</button></div>
    </form>`;
  }

  /** Whether the typed title or agenda is over its limit. */
  private overLimit(): boolean {
    return textLimit(this.bookingTitle ?? '', TEXT_LIMITS.session.title).over || textLimit(this.bookingAgenda, TEXT_LIMITS.session.agenda).over;
  }

  /**
   * The session's title or agenda: no `maxlength` (a paste is never cut), a counter from 80 % of core's
   * `TEXT_LIMITS.session` limit, marked invalid over it.
   */
  private renderTextField(name: 'title' | 'agenda', value: string, onInput: (value: string) => void): TemplateResult {
    const id = `booking-${name}`;
    const limit = textLimit(value, TEXT_LIMITS.session[name]);
    const describedBy = describedByWithCounter(id, limit);
    const handleInput = (event: Event) => onInput((event.target as HTMLInputElement | HTMLTextAreaElement).value);
    return html`<div class="field">
      <label for=${id}>${this.i18n.t(`booking.${name}`)}</label>
      ${
        name === 'title'
          ? html`<input id=${id} name="title" type="text" .value=${live(value)} aria-invalid=${limit.over ? 'true' : 'false'} aria-describedby=${describedBy ?? nothing} @input=${handleInput} />`
          : html`<textarea id=${id} name="agenda" rows="2" .value=${live(value)} aria-invalid=${limit.over ? 'true' : 'false'} aria-describedby=${describedBy ?? nothing} @input=${handleInput}></textarea>`
      }
      ${renderTextCounter(id, limit, this.i18n.locale)}
    </div>`;
  }

  /** The series in words: core's English description, or the catalogue's wording in other languages. */
  /** "Kenji 3 sessions, Sarah 3 sessions": how many of the pair's sessions were early, late or at night for each person. */
  private ledgerText(ledger: InconvenienceLedger, locale: string | undefined): string {
    return formatList(
      Object.entries(ledger).map(([id, entry]) =>
        this.i18n.t('ledger.person', { name: nameOf(this.people.value, id), count: entry.early + entry.late + entry.night }),
      ),
      locale,
    );
  }

  private seriesDescription(booked: NonNullable<MkScheduler['booked']>): string | undefined {
    const first = booked.sessions[0];
    // A series that takes turns has no one time: core words it, in the page's language.
    if (!booked.description || !booked.cadence || !first || booked.ledger) return booked.description;
    const language = (this.i18n.locale ?? navigator.language ?? 'en').toLowerCase().split('-')[0];
    if (language === 'en') return booked.description;
    const local = new Date(first.start);
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat(this.i18n.locale, {
        timeZone: first.timeZone,
        weekday: 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(local)
        .map((part) => [part.type, part.value]),
    );
    const nth = Math.min(5, Math.ceil(Number(parts.day) / 7));
    return this.i18n.t(`series.${booked.cadence}`, {
      weekday: parts.weekday ?? '',
      time: `${parts.hour}:${parts.minute}`,
      zone: first.timeZone.replaceAll('_', ' '),
      nth: this.i18n.t(`series.nth.${nth}`),
    });
  }

  private renderBooked(pairing: Pairing, locale: string | undefined, participants: SlotParticipant[]): TemplateResult | typeof nothing {
    const booked = this.booked;
    if (!booked) return nothing;
    const organiserZone = booked.sessions[0]?.timeZone ?? 'UTC';
    return html`<div part="booked" class="notice" data-tone="success" role="status" tabindex="-1">
      <p class="notice-title">${booked.sessions.length === 1 ? this.i18n.t('booked.one') : this.i18n.t('booked.many', { count: booked.sessions.length })}${booked.description ? html`: ${this.seriesDescription(booked)}` : nothing}</p>
      <ul class="booked-list">
        ${booked.sessions.map((session) => {
          const others = participants
            .filter((participant) => participant.timeZone !== organiserZone)
            .map(
              (participant) =>
                `${nameOf(this.people.value, participant.id)}: ${format(session.start, participant.timeZone, locale, true, this.currentKit!.now())}`,
            );
          return html`<li data-session=${session.id}>${[`${format(session.start, organiserZone, locale, true, this.currentKit!.now())} (${organiserZone.replaceAll('_', ' ')})`, ...others].join(' · ')}</li>`;
        })}
      </ul>
      ${booked.skipped.length > 0 ? html`<p>${this.i18n.t('booked.skipped', { dates: formatDateList(booked.skipped, locale) })}</p>` : nothing}
      ${booked.noTime.length > 0 ? html`<p>${this.i18n.t('booked.no-time', { dates: formatDateList(booked.noTime, locale) })}</p>` : nothing}
      ${booked.ledger ? html`<p part="ledger">${this.i18n.t('booked.ledger', { people: this.ledgerText(booked.ledger, locale) })}</p>` : nothing}
      <div class="actions">${this.renderDownload(booked.sessions, pairing, this.i18n.t('download.booked'), booked.sessions.length === 1 ? 'mentoring-session.ics' : 'mentoring-series.ics')}</div>
    </div>`;
  }

  private renderUpcoming(pairing: Pairing, participants: SlotParticipant[], locale: string | undefined): TemplateResult | typeof nothing {
    const upcoming = this.upcomingSessions(pairing);
    if (upcoming.length === 0 && !this.upcomingEmptied) return nothing;
    const viewerZone = this.viewerZone(participants);
    const now = this.currentKit!.now();
    return html`<section class="upcoming-section" aria-labelledby="upcoming-heading">
      <h3 class="subheading" id="upcoming-heading" tabindex="-1">${this.i18n.t('upcoming.heading')}</h3>
      ${upcoming.length === 0 ? html`<p class="hint">${this.i18n.t('upcoming.none')}</p>` : nothing}
      <ul part="upcoming" class="upcoming">
        ${upcoming.slice(0, 12).map((session) => {
          const when = format(session.start, viewerZone, locale, true, now);
          const open = this.cancelling?.id === session.id;
          return html`<li data-session=${session.id}>
            <div class="upcoming-row">
              <span><bdi class="upcoming-title">${session.title}</bdi> · <bdi>${when}–${format(session.end, viewerZone, locale, false, now)}</bdi></span>
              <button part="cancel" class="button secondary" type="button" aria-label=${this.i18n.t('cancel.open-label', { when })} aria-expanded=${open ? 'true' : 'false'} aria-controls=${open ? 'cancel-confirm' : nothing} aria-disabled=${open && this.cancelling?.busy ? 'true' : 'false'} @click=${() => this.toggleCancel(session.id)}>${this.i18n.t('cancel.open')}</button>
            </div>
            ${open ? this.renderCancelConfirm(session, when, pairing) : nothing}
          </li>`;
        })}
      </ul>
      ${upcoming.length > 12 ? html`<p class="hint">${this.i18n.t('upcoming.more', { count: upcoming.length - 12 })}</p>` : nothing}
      <div class="actions">${this.renderDownload(upcoming, pairing, this.i18n.t('download.upcoming'), 'mentoring-upcoming.ics')}</div>
    </section>`;
  }

  /** The pairing's scheduled sessions that have not ended, as the upcoming list shows them. */
  private upcomingSessions(pairing: Pairing): Session[] {
    const now = Date.parse(this.currentKit!.now());
    return (this.sessions.value ?? []).filter((session) => session.pairingId === pairing.id && session.status === 'scheduled' && Date.parse(session.end) > now);
  }

  /** "Cancel…" opens its row's confirmation (focus on "Keep it", the safe answer); pressed again, or Keep it / Escape, closes it. */
  private async toggleCancel(id: string): Promise<void> {
    if (this.cancelling?.busy) return;
    if (this.cancelling?.id === id) return this.closeCancel();
    this.cancelling = { id, reason: '' };
    await this.focusAfterUpdate('[part~="cancel-confirm"] [data-action="keep"]');
  }

  private async closeCancel(): Promise<void> {
    const id = this.cancelling?.id;
    if (!id || this.cancelling?.busy) return;
    this.cancelling = undefined;
    await this.focusAfterUpdate(`li[data-session="${CSS.escape(id)}"] [part~="cancel"]`);
  }

  private readonly handleCancelKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    void this.closeCancel();
  };

  /**
   * Cancels that one session (also in a series) with the reason when one was typed. On success the row
   * leaves, the live region says so and focus goes to the next row's "Cancel…", else the previous one's,
   * else the list's heading; on failure the confirmation stays, with why and the reason as typed.
   */
  private async confirmCancel(session: Session, when: string, pairing: Pairing): Promise<void> {
    const kit = this.currentKit;
    const cancelling = this.cancelling;
    if (!kit || !cancelling || cancelling.busy) return;
    const reason = cancelling.reason.trim();
    if (textLimit(reason, TEXT_LIMITS.session.cancellationReason).over) {
      this.cancelling = { id: session.id, reason: cancelling.reason, limitBlocked: true };
      await this.focusAfterUpdate('[part~="cancel-reason"]');
      return;
    }
    const upcoming = this.upcomingSessions(pairing).slice(0, 12);
    const index = upcoming.findIndex((candidate) => candidate.id === session.id);
    const neighbour = upcoming[index + 1] ?? upcoming[index - 1];
    this.cancelling = { id: session.id, reason: cancelling.reason, busy: true };
    try {
      await kit.use(sessionsFeature).cancel(session.id, { expectedRevision: session.revision, ...(reason ? { reason } : {}) });
    } catch (error) {
      this.cancelling = { id: session.id, reason: cancelling.reason, error: asError(error) };
      await this.focusAfterUpdate('[part~="cancel-error"]');
      return;
    }
    this.cancelling = undefined;
    this.upcomingEmptied = true;
    this.announcement = this.i18n.t('cancel.done', { when });
    emit(this, 'mk-session-cancelled', { sessionId: session.id });
    await this.updateComplete;
    focusInstead(
      this.renderRoot,
      neighbour ? this.renderRoot.querySelector(`li[data-session="${CSS.escape(neighbour.id)}"] [part~="cancel"]`) : undefined,
      '#upcoming-heading',
    );
  }

  private renderCancelConfirm(session: Session, when: string, pairing: Pairing): TemplateResult {
    const cancelling = this.cancelling!;
    const limit = textLimit(cancelling.reason, TEXT_LIMITS.session.cancellationReason);
    const busy = cancelling.busy ? 'true' : 'false';
    return html`<div part="cancel-confirm" class="confirm" id="cancel-confirm" role="group" aria-labelledby="cancel-question" aria-busy=${busy} @keydown=${this.handleCancelKeydown}>
      <p id="cancel-question">${this.i18n.t('cancel.question', { title: session.title, when })}</p>
      <div class="field">
        <label for="cancel-reason">${this.i18n.t('cancel.reason')}</label>
        <textarea part="cancel-reason" id="cancel-reason" name="reason" rows="2" .value=${live(cancelling.reason)} ?readonly=${cancelling.busy} aria-invalid=${limit.over ? 'true' : 'false'} aria-describedby=${describedByWithCounter('cancel-reason', limit) ?? nothing} @input=${(event: Event) => (this.cancelling = { ...cancelling, reason: (event.target as HTMLTextAreaElement).value })}></textarea>
        ${renderTextCounter('cancel-reason', limit, this.i18n.locale)}
      </div>
      ${
        cancelling.error || (cancelling.limitBlocked && limit.over)
          ? html`<div part="cancel-error" class="notice" data-tone="danger" role="alert" tabindex="-1"><p class="notice-title">${this.i18n.t('cancel.error')}</p><p>${cancelling.error ? errorText(cancelling.error, this.i18n.locale, false) : textLimitMessage('limit.blocked', this.i18n.locale)}</p></div>`
          : nothing
      }
      <div class="actions">
        <button class="button danger" type="button" data-action="confirm" aria-disabled=${busy} @click=${() => this.confirmCancel(session, when, pairing)}>${this.i18n.t('cancel.confirm')}</button>
        <button class="button secondary" type="button" data-action="keep" aria-disabled=${busy} @click=${() => this.closeCancel()}>${this.i18n.t('cancel.keep')}</button>
      </div>
    </div>`;
  }

  /** The pairing's sessions that have started and were not cancelled, the most recent first. */
  private pastSessions(pairing: Pairing): Session[] {
    const now = Date.parse(this.currentKit!.now());
    return (this.sessions.value ?? [])
      .filter((session) => session.pairingId === pairing.id && session.status !== 'cancelled' && Date.parse(session.start) <= now)
      .sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  }

  private pastRowSelector(session: Session, part: string): string {
    return `[part~="past"] li[data-session="${CSS.escape(session.id)}"] [part~="${part}"]`;
  }

  /** "Held" / "Didn't happen": marks the session so with its revision (core checks it has started); a refusal stays in the row, worded. */
  private async recordAttendance(session: Session, status: 'held' | 'missed', when: string): Promise<void> {
    const kit = this.currentKit;
    if (!kit || this.recording?.busy || session.status === status) return;
    this.recording = { id: session.id, busy: true };
    try {
      const sessions = kit.use(sessionsFeature);
      await (status === 'held'
        ? sessions.markHeld(session.id, { expectedRevision: session.revision })
        : sessions.markMissed(session.id, { expectedRevision: session.revision }));
    } catch (error) {
      this.recording = { id: session.id, error: asError(error) };
      await this.focusAfterUpdate(this.pastRowSelector(session, 'past-error'));
      return;
    }
    this.recording = undefined;
    this.announcement = this.i18n.t(status === 'held' ? 'past.held-done' : 'past.missed-done', { when });
    emit(this, 'mk-session-attendance', { sessionId: session.id, status });
  }

  /** "Save length" (or Enter in the field): a whole number of minutes from 1 to 600, written with the session's revision. */
  private async saveLength(session: Session, when: string): Promise<void> {
    const kit = this.currentKit;
    if (!kit || this.recording?.busy) return;
    const typed = (this.typedLengths[session.id] ?? String(session.heldMinutes ?? bookedMinutes(session))).trim();
    const minutes = Number(typed);
    if (typed === '' || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_LENGTH_MINUTES) {
      this.recording = { id: session.id, invalid: true };
      await this.focusAfterUpdate(this.pastRowSelector(session, 'length'));
      return;
    }
    this.recording = { id: session.id, busy: true };
    try {
      await kit.use(sessionsFeature).recordLength(session.id, minutes, { expectedRevision: session.revision });
    } catch (error) {
      this.recording = { id: session.id, error: asError(error) };
      await this.focusAfterUpdate(this.pastRowSelector(session, 'past-error'));
      return;
    }
    const { [session.id]: _saved, ...others } = this.typedLengths;
    this.typedLengths = others;
    this.recording = undefined;
    this.announcement = this.i18n.t('past.length-done', { when, minutes });
    emit(this, 'mk-session-attendance', { sessionId: session.id, status: 'held', minutes });
  }

  private renderPast(pairing: Pairing, participants: SlotParticipant[], locale: string | undefined): TemplateResult | typeof nothing {
    const past = this.pastSessions(pairing);
    if (past.length === 0) return nothing;
    const kit = this.currentKit!;
    const member = kit.user.id === pairing.menteeId || pairing.mentorIds.includes(kit.user.id);
    const viewerZone = this.viewerZone(participants);
    const now = kit.now();
    return html`<section class="upcoming-section" aria-labelledby="past-heading">
      <h3 class="subheading" id="past-heading">${this.i18n.t('past.heading')}</h3>
      <ul part="past" class="upcoming past">
        ${past.slice(0, PAST_LISTED).map((session, index) => this.renderPastSession(session, index, member, viewerZone, locale, now))}
      </ul>
      ${past.length > PAST_LISTED ? html`<p class="hint">${this.i18n.t('upcoming.more', { count: past.length - PAST_LISTED })}</p>` : nothing}
    </section>`;
  }

  private renderPastSession(session: Session, index: number, member: boolean, viewerZone: string, locale: string | undefined, now: string): TemplateResult {
    const when = format(session.start, viewerZone, locale, true, now);
    const status = session.status ?? 'scheduled';
    const recording = this.recording?.id === session.id ? this.recording : undefined;
    const busy = recording?.busy ? 'true' : 'false';
    const booked = bookedMinutes(session);
    const title = html`<span id=${`past-${index}-title`}><bdi class="upcoming-title">${session.title}</bdi> · <bdi>${when}–${format(session.end, viewerZone, locale, false, now)}</bdi></span>`;
    if (!member) {
      const said =
        status === 'held'
          ? this.i18n.t('past.status.held', { minutes: session.heldMinutes ?? booked })
          : status === 'missed'
            ? this.i18n.t('past.status.missed')
            : this.i18n.t('past.status.scheduled');
      return html`<li data-session=${session.id} data-status=${status}><div class="upcoming-row">${title}<span part="past-status" class="hint">${said}</span></div></li>`;
    }
    const errorId = `past-${index}-error`;
    const hintId = `past-${index}-length-hint`;
    const typed = this.typedLengths[session.id];
    return html`<li data-session=${session.id} data-status=${status}>
      <div class="upcoming-row">${title}</div>
      <div part="attendance" class="attendance" role="group" aria-labelledby=${`past-${index}-question past-${index}-title`} aria-busy=${busy}>
        <span id=${`past-${index}-question`} class="attendance-question">${this.i18n.t('past.question')}</span>
        <span class="attendance-buttons">
          <button part="held-button" class="button secondary" type="button" aria-pressed=${status === 'held' ? 'true' : 'false'} aria-disabled=${busy} @click=${() => this.recordAttendance(session, 'held', when)}>${this.i18n.t('past.held')}</button>
          <button part="missed-button" class="button secondary" type="button" aria-pressed=${status === 'missed' ? 'true' : 'false'} aria-disabled=${busy} @click=${() => this.recordAttendance(session, 'missed', when)}>${this.i18n.t('past.missed')}</button>
        </span>
      </div>
      ${
        status === 'held'
          ? html`<div class="field length-field">
            <label for=${`past-${index}-length`}>${this.i18n.t('past.length')}</label>
            <div class="inline">
              <input part="length" id=${`past-${index}-length`} type="number" inputmode="numeric" min="1" max=${MAX_LENGTH_MINUTES} step="1"
                .value=${live(typed ?? String(session.heldMinutes ?? booked))} ?readonly=${recording?.busy === true}
                aria-invalid=${recording?.invalid ? 'true' : 'false'} aria-describedby=${recording?.invalid ? `${errorId} ${hintId}` : hintId}
                @input=${(event: Event) => (this.typedLengths = { ...this.typedLengths, [session.id]: (event.target as HTMLInputElement).value })}
                @keydown=${(event: KeyboardEvent) => {
                  if (event.key !== 'Enter') return;
                  event.preventDefault();
                  void this.saveLength(session, when);
                }} />
              <button part="length-save" class="button secondary" type="button" aria-disabled=${busy} @click=${() => this.saveLength(session, when)}>${this.i18n.t('past.length-save')}</button>
            </div>
            <p class="hint" id=${hintId}>${session.heldMinutes === undefined ? this.i18n.t('past.length-booked', { minutes: booked }) : this.i18n.t('past.length-recorded', { minutes: session.heldMinutes, booked })}</p>
          </div>`
          : nothing
      }
      ${
        recording?.error || recording?.invalid
          ? html`<div part="past-error" class="notice" data-tone="danger" role="alert" tabindex="-1" id=${errorId}><p class="notice-title">${this.i18n.t('past.error')}</p><p>${recording.error ? errorText(recording.error, this.i18n.locale, false) : this.i18n.t('past.length-invalid', { max: MAX_LENGTH_MINUTES })}</p></div>`
          : nothing
      }
    </li>`;
  }

  private renderReady(pairing: Pairing, locale: string | undefined): TemplateResult {
    const agreement = this.agreement;
    const participants = this.participantsFor(pairing, agreement);
    const duration = this.durationMinutes ?? agreement?.sessionMinutes ?? 60;
    const viewerZone = this.viewerZone(participants);
    const today = localTimeOf(viewerZone, this.currentKit!.now()).date;
    const { slots, outOfHours, error } = this.suggestionsFor(participants, duration, today);
    const shown = slots.slice(0, this.shown);
    const selected = this.selectedStart === undefined ? undefined : slots.find((slot) => slot.start === this.selectedStart);
    return html`
      ${agreement ? nothing : html`<p class="hint" part="hint">${this.i18n.t('no-agreement')}</p>`}
      ${this.renderClocks(participants, locale)}
      ${this.renderBooked(pairing, locale, participants)}
      <div part="controls" class="controls">
        <label class="field">${this.i18n.t('controls.length')}
          <select @change=${(event: Event) => (this.durationMinutes = Number((event.target as HTMLSelectElement).value))}>
            ${[...new Set([30, 45, 60, 90, duration])].sort((a, b) => a - b).map((minutes) => html`<option value=${minutes} ?selected=${minutes === duration}>${this.i18n.t('controls.minutes', { minutes })}</option>`)}
          </select>
        </label>
        <label class="field">${this.i18n.t('controls.from')}
          <input type="date" .value=${this.fromDate ?? today} min=${today} @change=${(event: Event) => (this.fromDate = (event.target as HTMLInputElement).value || undefined)} />
        </label>
        <label class="field">${this.i18n.t('controls.search')}
          <select @change=${(event: Event) => (this.weeks = Number((event.target as HTMLSelectElement).value))}>
            ${[1, 2, 4, 8].map((weeks) => html`<option value=${weeks} ?selected=${weeks === this.weeks}>${this.i18n.t('controls.weeks', { weeks })}</option>`)}
          </select>
        </label>
        <label class="field">${this.i18n.t('controls.order')}
          <select @change=${(event: Event) => (this.order = (event.target as HTMLSelectElement).value as 'fairest' | 'earliest')}>
            <option value="fairest" ?selected=${this.order === 'fairest'}>${this.i18n.t('order.fairest')}</option>
            <option value="earliest" ?selected=${this.order === 'earliest'}>${this.i18n.t('order.earliest')}</option>
          </select>
        </label>
      </div>
      ${
        error
          ? html`<div part="error" class="notice" data-tone="danger" role="alert"><p class="notice-title">${this.i18n.t('search.error')}</p><p>${errorText(error, this.i18n.locale, false)}</p></div>`
          : slots.length === 0
            ? html`<div part="no-slots" class="empty"><p class="notice-title">${this.i18n.t('no-slots.title')}</p><p class="hint">${this.i18n.t('no-slots.hint', { minutes: duration })}</p></div>`
            : html`${
                outOfHours
                  ? html`<div part="out-of-hours" class="notice" data-tone="warning"><p class="notice-title">${this.i18n.t('out-of-hours.title')}</p><p>${this.i18n.t('out-of-hours.hint', { earliest: formatWallClockTime(OUT_OF_HOURS_REACH.earliest, locale), latest: formatWallClockTime(OUT_OF_HOURS_REACH.latest, locale) })}</p></div>`
                  : nothing
              }
            <fieldset class="slots-fieldset">
              <legend>${this.i18n.t('slots.legend', { count: slots.length, fairest: this.order === 'fairest' ? 1 : 0 })}</legend>
              <ul part="slots" class="slots" role="list">${shown.map((slot, index) => this.renderSlot(slot, participants, locale, index))}</ul>
              ${slots.length > shown.length ? html`<div class="actions"><button class="button secondary" type="button" @click=${() => (this.shown += 8)}>${this.i18n.t('slots.more')}</button></div>` : nothing}
            </fieldset>
            ${this.renderCalendarBlocked(pairing, agreement, duration, today, viewerZone, locale)}
            ${this.renderBooking(pairing, agreement, participants, duration, selected)}`
      }
      ${error || slots.length > 0 ? nothing : this.renderCalendarBlocked(pairing, agreement, duration, today, viewerZone, locale)}
      ${this.renderCalendarFailing(participants, viewerZone, locale)}
      ${this.renderUpcoming(pairing, participants, locale)}
      ${this.renderPast(pairing, participants, locale)}
    `;
  }

  override render(): TemplateResult {
    const status = this.loadState;
    const locale = this.i18n.locale;
    let content: TemplateResult;
    let state: string = status;
    if (status === 'loading') content = renderLoading(this.i18n.t('loading'), { skeleton: true });
    else if (status === 'error') content = renderLoadError(this.i18n.t('error.title'), this.loadErrorMessage ?? this.i18n.t('error.fallback'));
    else {
      const pairing = pairingById(this.pairings.value, this.shownPairingId);
      if (!pairing) {
        state = 'not-found';
        content = html`<div part="empty" class="empty"><p class="notice-title">${this.i18n.t('not-found.title')}</p><p class="hint">${this.i18n.t('not-found.hint')}</p></div>`;
      } else {
        state = this.booked ? 'booked' : 'ready';
        content = this.renderReady(pairing, locale);
      }
    }
    return html`<div part="base" class="card" data-state=${state} aria-busy=${status === 'loading' || this.busy ? 'true' : 'false'}>${this.renderHeading()} ${content}
      <p part="announcement" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }
}
