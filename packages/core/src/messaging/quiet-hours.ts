import { MentorKitError } from '../model/errors.js';
import { isInstant, parseTimeRange, type WorkingHours } from '../model/formats.js';
import { availabilityAt, localTimeOf, type Availability, type LocalTime } from '../time/local-time.js';

/** What quiet hours need to know about a recipient (a `Person` has all of it). */
export interface QuietHoursPerson {
  id: string;
  timeZone: string;
  workingHours?: WorkingHours | undefined;
  offLimitsDays?: readonly number[] | undefined;
  offLimitsDates?: readonly string[] | undefined;
}

export interface QuietHours {
  personId: string;
  timeZone: string;
  /** The recipient's wall clock at that instant. */
  local: LocalTime;
  availability: Availability;
  /** Outside their working hours or on an off-limits day (never true when they set no working hours). */
  outsideWorkingHours: boolean;
  /** When their next working hour starts (the instant itself when they are working; undefined without working hours). */
  nextWorkingStart?: string | undefined;
  /** Their wall clock at `nextWorkingStart`. */
  nextWorkingLocal?: LocalTime | undefined;
}

/** How far ahead the next working hour is looked for. */
export const NEXT_WORKING_SEARCH_DAYS = 21;

const DAY_MS = 86_400_000;

function rangesOn(workingHours: WorkingHours | undefined, weekday: number): Array<[number, number]> {
  const ranges = (workingHours as Record<string, string[] | undefined> | undefined)?.[String(weekday)] ?? [];
  return ranges
    .map((range) => parseTimeRange(range))
    .filter((range): range is [number, number] => range !== undefined)
    .sort((a, b) => a[0] - b[0]);
}

/**
 * The instant (ms) when the wall clock in `timeZone` shows `date` at `minuteOfDay`: the earlier
 * reading when the clock shows it twice (autumn), the moment after the gap when it never does (spring).
 */
export function zonedWallClockToEpoch(timeZone: string, date: string, minuteOfDay: number): number {
  const guess = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 0, minuteOfDay);
  const offsets = new Set<number>();
  for (const probe of [guess - DAY_MS / 2, guess, guess + DAY_MS / 2]) offsets.add(localTimeOf(timeZone, new Date(probe)).offsetMinutes);
  const candidates = [...offsets].map((offset) => guess - offset * 60_000).sort((a, b) => a - b);
  const wanted = `${date} ${Math.floor(minuteOfDay / 60)}:${minuteOfDay % 60}`;
  for (const candidate of candidates) {
    const local = localTimeOf(timeZone, new Date(candidate));
    if (`${local.date} ${Math.floor(local.minuteOfDay / 60)}:${local.minuteOfDay % 60}` === wanted) return candidate;
  }
  // In a gap: the wall clock jumps over this time; the first instant after the gap.
  return candidates[candidates.length - 1]!;
}

const addDays = (date: string, days: number) =>
  new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The start of the person's next working hour at or after `instant`: `instant` itself when they are
 * working, otherwise the first range start ahead on a day that is not off-limits. `undefined` when
 * they set no working hours (or none within `NEXT_WORKING_SEARCH_DAYS`).
 */
export function nextWorkingStart(person: QuietHoursPerson, instant: string): string | undefined {
  const local = localTimeOf(person.timeZone, instant);
  const availability = availabilityAt(local, person);
  if (availability === 'working') return new Date(instant).toISOString();
  if (availability === 'no-hours') return undefined;
  const instantMs = Date.parse(instant);
  for (let dayOffset = 0; dayOffset <= NEXT_WORKING_SEARCH_DAYS; dayOffset++) {
    const date = addDays(local.date, dayOffset);
    const weekday = ((local.weekday - 1 + dayOffset) % 7) + 1;
    if (person.offLimitsDays?.includes(weekday) || person.offLimitsDates?.includes(date)) continue;
    for (const [start] of rangesOn(person.workingHours, weekday)) {
      const epoch = zonedWallClockToEpoch(person.timeZone, date, start);
      if (epoch > instantMs) return new Date(epoch).toISOString();
    }
  }
  return undefined;
}

/**
 * Whether `instant` falls outside the person's working hours (or on an off-limits day), their local
 * time then, and when their next working hour starts — what a sender sees before sending
 * ("it is 23:10 for Kenji; they will be notified at 08:00") and when a notification is delivered.
 */
export function quietHoursFor(person: QuietHoursPerson, instant: string): QuietHours {
  if (typeof person !== 'object' || person === null || typeof person.id !== 'string')
    throw new MentorKitError('invalid-input', '`person` must be a profile with `id`, `timeZone` and `workingHours`.', { path: 'person' });
  if (!isInstant(instant))
    throw new MentorKitError('invalid-input', `\`instant\` must be an ISO 8601 instant (got ${JSON.stringify(instant)}).`, { path: 'instant' });
  const local = localTimeOf(person.timeZone, instant);
  const availability = availabilityAt(local, person);
  const outsideWorkingHours = availability === 'outside' || availability === 'off-limits';
  const next = outsideWorkingHours ? nextWorkingStart(person, instant) : availability === 'working' ? new Date(instant).toISOString() : undefined;
  return {
    personId: person.id,
    timeZone: person.timeZone,
    local,
    availability,
    outsideWorkingHours,
    ...(next ? { nextWorkingStart: next, nextWorkingLocal: localTimeOf(person.timeZone, next) } : {}),
  };
}

/** When to notify each recipient of a message sent at `sentAt`: now when they are working, else at their next working hour. */
export interface NotificationPlanEntry {
  recipientId: string;
  deliverAt: string;
  /** True when delivery waits for their working hours. */
  deferred: boolean;
  quietHours: QuietHours;
}

export function notificationPlan(sentAt: string, recipients: readonly QuietHoursPerson[]): NotificationPlanEntry[] {
  return recipients.map((recipient) => {
    const quietHours = quietHoursFor(recipient, sentAt);
    const deliverAt = quietHours.outsideWorkingHours && quietHours.nextWorkingStart ? quietHours.nextWorkingStart : new Date(sentAt).toISOString();
    return { recipientId: recipient.id, deliverAt, deferred: deliverAt !== new Date(sentAt).toISOString(), quietHours };
  });
}
