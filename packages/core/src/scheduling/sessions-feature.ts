import { computed, type ReadableAtom } from 'nanostores';
import { bySessionStart } from './session-order.js';
import type { MentorKit, MentorKitFeature } from '../client/client.js';
import { defineFeature, stripStored } from '../client/feature-host.js';
import { Collections } from '../model/collections.js';
import { MentorKitError } from '../model/errors.js';
import { isHttpUrl, isInstant, isTimeZone } from '../model/formats.js';
import { SessionInputSchema, type Session } from '../model/session.js';
import { invalidInput, parseOrThrow } from '../model/validate.js';
import type { Pairing } from '../model/pairing.js';
import { recurringSessionTimes, schedulingMessagesFor, type RecurrenceRequest } from './recurrence.js';
import { inconvenienceLedger, rotatingSessionTimes, type InconvenienceLedger, type RotatingSkippedOccurrence } from './rotation.js';
import type { SlotParticipant } from './slots.js';

declare module '../client/events.js' {
  interface DomainEventMap {
    'session-booked': { start: string; end: string; seriesId?: string | undefined };
    'session-series-booked': { seriesId: string; count: number; cadence: unknown; description: string; skipped: string[]; rotating?: boolean | undefined };
    'session-cancelled': SessionStatusEventData;
    'session-held': SessionStatusEventData;
    'session-missed': SessionStatusEventData;
    'session-length-recorded': { start: string; end: string; minutes: number; previousMinutes?: number | undefined };
  }
}

/** What `session-held`, `session-missed` and `session-cancelled` carry. */
export type SessionStatusEventData = {
  start: string;
  end: string;
  seriesId?: string | undefined;
  from?: string | undefined;
  heldMinutes?: number | undefined;
  reason?: string | undefined;
};

/** Domain events of the sessions feature. */
export const SessionEventType = {
  booked: 'session-booked',
  seriesBooked: 'session-series-booked',
  cancelled: 'session-cancelled',
  held: 'session-held',
  missed: 'session-missed',
  lengthRecorded: 'session-length-recorded',
} as const;

/** The longest a held session may be recorded as lasting, in minutes (10 hours). */
export const MAX_HELD_MINUTES = 600;

export interface BookSessionInput {
  pairingId: string;
  /** Default: "Mentoring session" (in the language of `locale` when one is registered). */
  title?: string;
  /** The language of the default title (and of a series' description), e.g. `es` once `registerSpanish()` has run. Default English. */
  locale?: string;
  start: string;
  /** Either `end` or `durationMinutes`. */
  end?: string;
  durationMinutes?: number;
  /** Organiser's IANA zone (written as TZID in .ics). Default: the signed-in person's profile zone. */
  timeZone?: string;
  meetingUrl?: string;
  agenda?: string;
  /** Who attends; default every member of the pairing. */
  participantIds?: string[];
  id?: string;
}

export interface BookSeriesInput
  extends Omit<BookSessionInput, 'start' | 'end' | 'id' | 'durationMinutes'>, Omit<RecurrenceRequest, 'timeZone' | 'participants'> {
  timeZone?: string;
  /**
   * Everyone else's zone and off-limits days and dates (a session touching one is skipped). With
   * `rotate`, everyone's working hours and busy times too (`SlotParticipant`, e.g. from
   * `agreementSlotParticipants(agreement)`).
   */
  participants?: ReadonlyArray<RecurrenceParticipant & Partial<Pick<SlotParticipant, 'workingHours' | 'busy'>>>;
  /**
   * Take turns with the early and late hours (`rotatingSessionTimes`): the first session is `firstStart`;
   * each next one goes to the fairest time that day given the pair's ledger — the sessions it already has
   * (`ledger(pairingId, participants)`) plus this series so far. Needs `participants` with working hours.
   */
  rotate?: boolean;
  /** With `rotate`: the grid of candidate starts, in minutes. Default 15. */
  stepMinutes?: number;
}

type RecurrenceParticipant = NonNullable<RecurrenceRequest['participants']>[number];

export interface BookedSeries {
  seriesId: string;
  sessions: Session[];
  skipped: RotatingSkippedOccurrence[];
  description: string;
  /** With `rotate`: the pair's ledger after this series (who carried how much early and late time). */
  ledger?: InconvenienceLedger;
}

export interface SessionsApi {
  /** Sessions of the pairings you may see, by start time. */
  readonly $sessions: ReadableAtom<readonly Session[]>;
  /** A pairing's sessions, by start time. */
  forPairing(pairingId: string): Session[];
  get(id: string): Session;
  /** Books one session (members of the pairing). Emits `session-booked`. */
  book(input: BookSessionInput): Promise<Session>;
  /**
   * Books a recurring series from a cadence, anchored in the organiser's wall-clock time and
   * skipping off-limits days and dates (see `recurringSessionTimes`). Emits `session-series-booked`
   * and a `session-booked` per session. If a write fails, the sessions already written are removed.
   */
  bookSeries(input: BookSeriesInput): Promise<BookedSeries>;
  /**
   * The pair's ledger of inconvenience: for each participant, the points carried and how many of the
   * pairing's scheduled and held sessions were early, late or at night by their own clock
   * (`inconvenienceLedger`). `participants` gives everyone's zone (e.g. `agreementSlotParticipants`).
   */
  ledger(pairingId: string, participants: ReadonlyArray<{ id: string; timeZone: string }>): InconvenienceLedger;
  /** Cancels a scheduled session. Emits `session-cancelled`. */
  cancel(id: string, options?: { reason?: string; expectedRevision?: number }): Promise<Session>;
  /** Cancels the scheduled sessions of a series that start at or after `from` (default: now). */
  cancelSeries(seriesId: string, options?: { from?: string; reason?: string }): Promise<Session[]>;
  /**
   * Marks a session held (once it has started), with how long it really lasted when `minutes` is given
   * (a whole number from 1 to 600; otherwise its booked length counts — see `sessionMinutesHeld` in
   * `@mentorkit/core/report`). Emits `session-held`, which opens a feedback request; on a session already
   * held, `minutes` records its length instead (as `recordLength`).
   */
  markHeld(id: string, options?: { minutes?: number; expectedRevision?: number }): Promise<Session>;
  /** Marks a session missed (once it has started); a length recorded while it was held is dropped. Emits `session-missed`. */
  markMissed(id: string, options?: { expectedRevision?: number }): Promise<Session>;
  /**
   * Records (or corrects) how long a held session really lasted, in whole minutes from 1 to 600. Either
   * member may do it, any time after the session; admins only read. Emits `session-length-recorded`
   * with `{ minutes, previousMinutes }`.
   */
  recordLength(id: string, minutes: number, options?: { expectedRevision?: number }): Promise<Session>;
}

const strip = stripStored<Session>;

/**
 * Booking sessions: `kit.use(sessionsFeature)` adds `kit.sessions` with `$sessions` and the
 * commands above. Sessions live in the `sessions` collection; the policy lets the members of a
 * pairing book and change them and its programme admins read them.
 */
export const sessionsFeature: MentorKitFeature<'sessions', SessionsApi> = defineFeature({
  name: 'sessions',
  collections: [Collections.sessions],
  install(kit: MentorKit, host): SessionsApi {
    const sessions = host.collection(Collections.sessions);
    const $records = sessions.$records;
    const $sessions = computed($records, (list) => [...list].sort(bySessionStart) as readonly Session[]);

    const visiblePairing = (pairingId: unknown, path = 'pairingId'): Promise<Pairing> => host.readablePairing(pairingId, path);

    const organiserZone = (timeZone: unknown): string => {
      if (timeZone === undefined) return kit.$me.get()?.timeZone ?? 'UTC';
      if (!isTimeZone(timeZone)) invalidInput('timeZone', '`timeZone` must be the organiser\'s IANA time-zone name, e.g. "America/New_York".');
      return timeZone;
    };

    const common = (input: Omit<BookSessionInput, 'start' | 'end'>, pairing: Pairing) => {
      if (input.meetingUrl !== undefined && !isHttpUrl(input.meetingUrl))
        invalidInput('meetingUrl', '`meetingUrl` must be an absolute http: or https: URL, e.g. "https://meet.example.com/abc".');
      const members = [pairing.menteeId, ...pairing.mentorIds];
      input.participantIds?.forEach((id, index) => {
        if (!members.includes(id)) invalidInput(`participantIds[${index}]`, `"${id}" is not a member of this pairing.`);
      });
      return {
        pairingId: pairing.id,
        title: input.title ?? schedulingMessagesFor(input.locale).sessionTitle,
        timeZone: organiserZone(input.timeZone),
        organizerId: kit.user.id,
        ...(input.meetingUrl !== undefined ? { meetingUrl: input.meetingUrl } : {}),
        ...(input.agenda !== undefined ? { agenda: input.agenda } : {}),
        participantIds: input.participantIds ?? members,
        status: 'scheduled' as const,
      };
    };

    const current = (id: unknown, fallback?: unknown): Session => {
      if (typeof id !== 'string' || id === '') invalidInput('id', '`id` must be a session id.');
      const record = sessions.cached(id) ?? (fallback as Session | undefined);
      if (!record || !host.canRead(Collections.sessions, record))
        throw new MentorKitError('not-found', `No session "${id}" is visible to you.`, { path: 'id' });
      return record;
    };

    /** The session as stored: the sessions collection may still be loading, so fall back to storage. */
    const load = async (id: string): Promise<Session> => {
      await kit.ready.catch(() => undefined);
      return current(id, typeof id === 'string' && id !== '' && !sessions.cached(id) ? await kit.storage.get(Collections.sessions, id) : undefined);
    };

    const checkMinutes = (minutes: unknown, path: string): number => {
      if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_HELD_MINUTES)
        invalidInput(path, `\`${path}\` must be how long the session lasted, in whole minutes from 1 to ${MAX_HELD_MINUTES} (got ${JSON.stringify(minutes)}).`);
      return minutes;
    };

    const writeLength = async (session: Session, minutes: number, expectedRevision: number | undefined): Promise<Session> => {
      if (session.status !== 'held') invalidInput('id', `This session is ${session.status ?? 'scheduled'}; mark it held before recording how long it lasted.`);
      if (session.heldMinutes === minutes) return session;
      const next = parseOrThrow(SessionInputSchema, { ...strip(session), heldMinutes: minutes }, 'session');
      const stored = await sessions.update(next, { expectedRevision: expectedRevision ?? session.revision });
      host.emit({
        type: SessionEventType.lengthRecorded,
        collection: Collections.sessions,
        recordId: stored.id,
        revision: stored.revision,
        pairingId: stored.pairingId,
        data: { start: stored.start, end: stored.end, minutes, ...(session.heldMinutes !== undefined ? { previousMinutes: session.heldMinutes } : {}) },
      });
      return stored;
    };

    const setStatus = async (
      id: string,
      status: 'held' | 'missed' | 'cancelled',
      options: { reason?: string; minutes?: number; expectedRevision?: number } = {},
    ): Promise<Session> => {
      const session = await load(id);
      if (options.reason !== undefined && (typeof options.reason !== 'string' || options.reason.length > 500))
        invalidInput('reason', '`reason` must be text of at most 500 characters.');
      const minutes = options.minutes === undefined ? undefined : checkMinutes(options.minutes, 'minutes');
      if (session.status === 'cancelled') invalidInput('id', 'This session was cancelled; book a new one instead.');
      if (status === 'cancelled' && session.status !== 'scheduled')
        invalidInput('id', `This session was already marked ${session.status}; only scheduled sessions can be cancelled.`);
      if (status !== 'cancelled' && Date.parse(kit.now()) < Date.parse(session.start))
        invalidInput('id', `A session can be marked ${status} once it has started.`);
      if (session.status === status) return minutes === undefined ? session : writeLength(session, minutes, options.expectedRevision);
      const { heldMinutes: _heldMinutes, ...rest } = strip(session);
      const next = parseOrThrow(
        SessionInputSchema,
        {
          ...rest,
          status,
          statusChangedAt: kit.now(),
          ...(minutes !== undefined ? { heldMinutes: minutes } : {}),
          ...(options.reason ? { cancellationReason: options.reason } : {}),
        },
        'session',
      );
      const stored = await sessions.update(next, { expectedRevision: options.expectedRevision ?? session.revision });
      host.emit({
        type: status === 'held' ? SessionEventType.held : status === 'missed' ? SessionEventType.missed : SessionEventType.cancelled,
        collection: Collections.sessions,
        recordId: stored.id,
        revision: stored.revision,
        pairingId: stored.pairingId,
        data: {
          start: stored.start,
          end: stored.end,
          seriesId: stored.seriesId,
          from: session.status,
          ...(stored.heldMinutes !== undefined ? { heldMinutes: stored.heldMinutes } : {}),
          ...(options.reason ? { reason: options.reason } : {}),
        },
      });
      return stored;
    };

    const api: SessionsApi = {
      $sessions,
      forPairing: (pairingId) => $sessions.get().filter((session) => session.pairingId === pairingId),
      get: (id) => current(id),

      async book(input) {
        if (typeof input !== 'object' || input === null) invalidInput('', 'book needs { pairingId, start, end or durationMinutes }.');
        if (!isInstant(input.start)) invalidInput('start', '`start` must be an ISO 8601 instant, e.g. "2026-10-06T22:00:00Z".');
        let end = input.end;
        if (end === undefined) {
          if (
            typeof input.durationMinutes !== 'number' ||
            !Number.isInteger(input.durationMinutes) ||
            input.durationMinutes < 5 ||
            input.durationMinutes > 1440
          )
            invalidInput('durationMinutes', 'Give `end`, or `durationMinutes` as a whole number from 5 to 1440.');
          end = new Date(Date.parse(input.start) + input.durationMinutes * 60_000).toISOString();
        }
        const pairing = await visiblePairing(input.pairingId);
        const session = parseOrThrow(SessionInputSchema, { id: input.id ?? host.newId(), ...common(input, pairing), start: input.start, end }, 'session');
        const stored = await sessions.create(session);
        host.emit({
          type: SessionEventType.booked,
          collection: Collections.sessions,
          recordId: stored.id,
          revision: stored.revision,
          pairingId: stored.pairingId,
          data: { start: stored.start, end: stored.end },
        });
        return stored;
      },

      async bookSeries(input) {
        if (typeof input !== 'object' || input === null) invalidInput('', 'bookSeries needs { pairingId, firstStart, durationMinutes, cadence, count? }.');
        const timeZone = organiserZone(input.timeZone);
        let times: {
          occurrences: Array<{ start: string; end: string }>;
          skipped: RotatingSkippedOccurrence[];
          description: string;
          ledger?: InconvenienceLedger;
        };
        let pairing: Pairing;
        if (input.rotate) {
          const participants = input.participants;
          if (
            !Array.isArray(participants) ||
            participants.length === 0 ||
            participants.some((participant) => typeof participant?.workingHours !== 'object' || participant.workingHours === null)
          )
            invalidInput(
              'participants',
              "Taking turns needs everyone's working hours: pass `participants` with `workingHours`, e.g. agreementSlotParticipants(agreement).",
            );
          pairing = await visiblePairing(input.pairingId);
          const withHours = participants as readonly SlotParticipant[];
          times = rotatingSessionTimes({ ...input, participants: withHours, timeZone, ledger: inconvenienceLedger(api.forPairing(pairing.id), withHours) });
        } else {
          times = recurringSessionTimes({ ...input, timeZone });
        }
        if (times.occurrences.length === 0) invalidInput('firstStart', 'Every date of this series falls on an off-limits day or date; choose another time.');
        pairing ??= await visiblePairing(input.pairingId);
        const seriesId = host.newId();
        const base = common({ ...input, timeZone }, pairing);
        const records = times.occurrences.map((occurrence, index) =>
          parseOrThrow(
            SessionInputSchema,
            {
              id: host.newId(),
              ...base,
              title: input.title ?? schedulingMessagesFor(input.locale).sessionTitle,
              start: occurrence.start,
              end: occurrence.end,
              seriesId,
              sequence: index + 1,
            },
            'session',
          ),
        );
        const written: Session[] = [];
        try {
          for (const record of records) written.push(await sessions.create(record));
        } catch (error) {
          for (const session of written) await sessions.remove(session.id).catch(() => undefined);
          throw error;
        }
        for (const stored of written)
          host.emit({
            type: SessionEventType.booked,
            collection: Collections.sessions,
            recordId: stored.id,
            revision: stored.revision,
            pairingId: stored.pairingId,
            data: { start: stored.start, end: stored.end, seriesId },
          });
        host.emit({
          type: SessionEventType.seriesBooked,
          collection: Collections.sessions,
          recordId: seriesId,
          revision: 1,
          pairingId: pairing.id,
          data: {
            seriesId,
            count: written.length,
            cadence: input.cadence,
            description: times.description,
            skipped: times.skipped.map((skip) => skip.localDate),
            ...(input.rotate ? { rotating: true } : {}),
          },
        });
        return { seriesId, sessions: written, skipped: times.skipped, description: times.description, ...(times.ledger ? { ledger: times.ledger } : {}) };
      },

      ledger: (pairingId, participants) => inconvenienceLedger(api.forPairing(pairingId), participants),

      cancel: (id, options) => setStatus(id, 'cancelled', options),

      async cancelSeries(seriesId, options = {}) {
        if (typeof seriesId !== 'string' || seriesId === '') invalidInput('seriesId', '`seriesId` must be the id of a booked series.');
        if (options.from !== undefined && !isInstant(options.from)) invalidInput('from', '`from` must be an ISO 8601 instant.');
        const from = Date.parse(options.from ?? kit.now());
        const inSeries = (await kit.storage.query(Collections.sessions, { seriesId })).filter((record) =>
          host.canRead(Collections.sessions, record),
        ) as Session[];
        const targets = inSeries.filter((session) => session.seriesId === seriesId && session.status === 'scheduled' && Date.parse(session.start) >= from);
        if (inSeries.length === 0) throw new MentorKitError('not-found', `No series "${seriesId}" is visible to you.`, { path: 'seriesId' });
        const cancelled: Session[] = [];
        for (const session of targets) cancelled.push(await setStatus(session.id, 'cancelled', { ...(options.reason ? { reason: options.reason } : {}) }));
        return cancelled;
      },

      markHeld: (id, options) => setStatus(id, 'held', options),
      markMissed: (id, options) =>
        setStatus(id, 'missed', { ...(options?.expectedRevision !== undefined ? { expectedRevision: options.expectedRevision } : {}) }),

      async recordLength(id, minutes, options = {}) {
        const checked = checkMinutes(minutes, 'minutes');
        if (options.expectedRevision !== undefined && (typeof options.expectedRevision !== 'number' || !Number.isInteger(options.expectedRevision)))
          invalidInput('expectedRevision', '`expectedRevision` must be the revision of the session you read.');
        return writeLength(await load(id), checked, options.expectedRevision);
      },
    };
    return api;
  },
});
