import { localTimeOf } from '../time/local-time.js';
import { isCalendarDate } from './formats.js';
import type { MentorAvailability, MentorAvailabilityStatus } from './availability.js';

// Reading a person's availability needs no validation library: pages that only show it (the pairing
// card) load this, not the schema in availability.ts.

/** What `availabilityOf` answers. */
export interface MentorAvailabilityNow {
  /** `taking-mentees` also when an absence is over. */
  status: MentorAvailabilityStatus;
  /** `away`: the last day away, when known. After a finished absence: the last day it lasted. */
  until?: string | undefined;
  /** True when the person was `away` until a date that has passed: they take mentees again. */
  back?: boolean | undefined;
  /** The person's note, when there is one and it still applies. */
  note?: string | undefined;
}

/**
 * A person's availability for mentoring at `now`: an instant (read on the person's own calendar, in
 * their `timeZone`) or a calendar date `YYYY-MM-DD` (e.g. the day pairings start). No `availability`
 * means taking mentees (records from before the field existed). `away` with an `until` before that
 * day is treated as taking mentees again, with `back: true`.
 *
 * ```ts
 * availabilityOf(kenji, '2027-01-13T08:00:00Z'); // { status: 'taking-mentees', until: '2027-01-12', back: true }
 * ```
 */
export function availabilityOf(
  person: { timeZone?: string | undefined; availability?: MentorAvailability | undefined },
  now: string | Date,
): MentorAvailabilityNow {
  const availability = person.availability;
  if (!availability) return { status: 'taking-mentees' };
  const note = availability.note !== undefined ? { note: availability.note } : {};
  if (availability.status !== 'away') return { status: availability.status, ...note };
  if (availability.until === undefined) return { status: 'away', ...note };
  const today = typeof now === 'string' && isCalendarDate(now) ? now : localTimeOf(person.timeZone ?? 'UTC', now).date;
  if (availability.until < today) return { status: 'taking-mentees', until: availability.until, back: true };
  return { status: 'away', until: availability.until, ...note };
}

/** Whether matching may propose this mentor on `now` (an instant or a date, as for `availabilityOf`). */
export function takesMenteesOn(person: { timeZone?: string | undefined; availability?: MentorAvailability | undefined }, now: string | Date): boolean {
  return availabilityOf(person, now).status === 'taking-mentees';
}
