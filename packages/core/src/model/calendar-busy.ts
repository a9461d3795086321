import * as v from 'valibot';
import { IdSchema, InstantSchema, shortText } from './primitives.js';
import type { RecordMeta } from './collections.js';

/**
 * Busy times from a person's own calendars (collection `calendar-busy`, one record per person, its id
 * the person's id). Written only by the MentorKit server (a trusted service) after it fetched the
 * person's connected calendars; read by the person and the people they are paired with, so the
 * scheduler can leave those times out. Only intervals are kept: no titles, attendees or descriptions
 * ever reach this record.
 */
export const CALENDAR_BUSY_LIMITS = {
  /** Intervals kept per person (merged, for the window the server refreshes). */
  intervals: 5_000,
  /** Connected calendars per person. */
  calendars: 5,
  /** A calendar's label, as the person named it ("Work"). */
  label: 80,
  /** A calendar's last problem, in words. */
  problem: 300,
} as const;

export const CalendarKindSchema = v.picklist(['ics-feed', 'caldav'], 'must be "ics-feed" or "caldav"');

const BusyIntervalSchema = v.pipe(
  v.object({ start: InstantSchema, end: InstantSchema }),
  v.forward(
    v.check((interval) => Date.parse(interval.end) > Date.parse(interval.start), 'must be after `start`'),
    ['end'],
  ),
);

export const CalendarBusyInputSchema = v.pipe(
  v.object({
    id: IdSchema,
    /** Whose busy times these are (equal to `id`). */
    personId: IdSchema,
    /** Merged busy intervals (instants), sorted, inside `[from, to)`. */
    intervals: v.pipe(
      v.array(BusyIntervalSchema, 'must be a list of { start, end } instants'),
      v.maxLength(CALENDAR_BUSY_LIMITS.intervals, `must have at most ${CALENDAR_BUSY_LIMITS.intervals} intervals`),
    ),
    /** The window the intervals cover: outside it, nothing is known. */
    from: InstantSchema,
    to: InstantSchema,
    /** The calendars these times come from — how each is doing, never what is in it. */
    calendars: v.pipe(
      v.array(
        v.object({
          id: IdSchema,
          kind: CalendarKindSchema,
          label: shortText(CALENDAR_BUSY_LIMITS.label),
          /** `ok` when the last refresh worked; `failing` keeps the intervals of the last refresh that did. */
          status: v.picklist(['ok', 'failing'], 'must be "ok" or "failing"'),
          /** When it was last tried. */
          checkedAt: InstantSchema,
          /** When it was last read successfully (while failing: since when its busy times are not current). */
          readAt: v.optional(InstantSchema),
          problem: v.optional(shortText(CALENDAR_BUSY_LIMITS.problem)),
        }),
        'must be a list of calendars',
      ),
      v.maxLength(CALENDAR_BUSY_LIMITS.calendars, `must have at most ${CALENDAR_BUSY_LIMITS.calendars} calendars`),
    ),
  }),
  v.forward(
    v.check((record) => record.personId === record.id, 'must equal `id` (one record per person)'),
    ['personId'],
  ),
  v.forward(
    v.check((record) => Date.parse(record.to) > Date.parse(record.from), 'must be after `from`'),
    ['to'],
  ),
);
export type CalendarBusyInput = v.InferInput<typeof CalendarBusyInputSchema>;
export type CalendarBusyData = v.InferOutput<typeof CalendarBusyInputSchema>;

/** A stored `calendar-busy` record. */
export type CalendarBusy = CalendarBusyData & RecordMeta;
