import { computed, type ReadableAtom } from 'nanostores';
import type { MentorKit, MentorKitFeature } from '../client/client.js';
import type { CalendarBusy } from '../model/calendar-busy.js';
import { Collections } from '../model/collections.js';
import { isInstant } from '../model/formats.js';
import { invalidInput } from '../model/validate.js';
import { findCommonSlots, type CommonSlot, type FindCommonSlotsRequest, type SlotParticipant } from './slots.js';

/**
 * Busy times from people's own calendars, for the scheduler. The MentorKit server fetches each
 * person's connected calendars (an iCalendar feed or CalDAV) and keeps only merged busy intervals
 * in the `calendar-busy` collection; the person and the people they are paired with read them here.
 * Nothing about an event — title, attendees, description — ever reaches a browser.
 */
export interface CalendarBusyApi {
  /** The busy records you may see (yours and your current partners'), by person id order. */
  readonly $calendarBusy: ReadableAtom<readonly CalendarBusy[]>;
  /** Busy intervals by person id, from those records. */
  readonly $busyByPerson: ReadableAtom<Readonly<Record<string, ReadonlyArray<BusyInterval>>>>;
  /** A person's record, when they connected a calendar and you may see it. */
  forPerson(personId: string): CalendarBusy | undefined;
}

export interface BusyInterval {
  start: string;
  end: string;
}

/** A slot that would suit everyone but for someone's own calendar. */
export interface CalendarBlockedSlot extends CommonSlot {
  /** Whose calendar holds that time (participant ids, in the request's order). Never what is in it. */
  blockedBy: string[];
}

export const calendarBusyFeature: MentorKitFeature<'calendarBusy', CalendarBusyApi> = {
  name: 'calendarBusy',
  install(kit: MentorKit): CalendarBusyApi {
    const $records = kit.collection(Collections.calendarBusy).$records;
    const $calendarBusy = computed($records, (list) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) as readonly CalendarBusy[]);
    const $busyByPerson = computed($calendarBusy, (list) => Object.freeze(Object.fromEntries(list.map((record) => [record.personId, record.intervals]))));
    return {
      $calendarBusy,
      $busyByPerson,
      forPerson(personId: string) {
        if (typeof personId !== 'string' || personId === '') invalidInput('personId', '`personId` must be a person id.');
        return $calendarBusy.get().find((record) => record.personId === personId);
      },
    };
  },
};

/** Epoch-millisecond pairs of a person's intervals, sorted by start (validated). */
function compileIntervals(intervals: unknown, path: string): Array<[number, number]> {
  if (!Array.isArray(intervals)) invalidInput(path, `\`${path}\` must be a list of { start, end } instants.`);
  const result: Array<[number, number]> = [];
  intervals.forEach((interval: unknown, index: number) => {
    const start = (interval as { start?: unknown } | null)?.start;
    const end = (interval as { end?: unknown } | null)?.end;
    if (!isInstant(start)) invalidInput(`${path}[${index}].start`, `\`${path}[${index}].start\` must be an ISO 8601 instant.`);
    if (!isInstant(end)) invalidInput(`${path}[${index}].end`, `\`${path}[${index}].end\` must be an ISO 8601 instant.`);
    const from = Date.parse(start as string);
    const to = Date.parse(end as string);
    if (to > from) result.push([from, to]);
  });
  return result.sort((a, b) => a[0] - b[0]);
}

function compileBusyByPerson(calendarBusy: unknown, participants: readonly SlotParticipant[]): Map<string, Array<[number, number]>> {
  if (typeof calendarBusy !== 'object' || calendarBusy === null || Array.isArray(calendarBusy))
    invalidInput('calendarBusy', '`calendarBusy` must map person ids to lists of { start, end } instants.');
  const compiled = new Map<string, Array<[number, number]>>();
  for (const participant of participants) {
    const intervals = Object.prototype.hasOwnProperty.call(calendarBusy, participant.id)
      ? (calendarBusy as Record<string, unknown>)[participant.id]
      : undefined;
    if (intervals !== undefined) compiled.set(participant.id, compileIntervals(intervals, `calendarBusy.${participant.id}`));
  }
  return compiled;
}

/** Whether any of the sorted intervals overlaps `[start, end)` (binary search on the start). */
function overlaps(sorted: Array<[number, number]>, start: number, end: number, maxLength: number): boolean {
  // The first interval that could reach `start` begins at least `maxLength` before it.
  let low = 0;
  let high = sorted.length;
  const from = start - maxLength;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]![0] < from) low = middle + 1;
    else high = middle;
  }
  for (let index = low; index < sorted.length && sorted[index]![0] < end; index++) if (sorted[index]![1] > start) return true;
  return false;
}

/**
 * Adds each participant's calendar busy times (`calendarBusy[personId]`, e.g. `$busyByPerson`) to the
 * busy times they already have, for `findCommonSlots` and `suggestMeetingTimes`.
 */
export function withCalendarBusy(
  participants: readonly SlotParticipant[],
  calendarBusy: Readonly<Record<string, ReadonlyArray<BusyInterval>>>,
): SlotParticipant[] {
  if (!Array.isArray(participants)) invalidInput('participants', '`participants` must be a list.');
  compileBusyByPerson(calendarBusy, participants);
  return participants.map((participant) => {
    const extra = Object.prototype.hasOwnProperty.call(calendarBusy, participant.id) ? calendarBusy[participant.id]! : [];
    return extra.length === 0 ? participant : { ...participant, busy: [...(participant.busy ?? []), ...extra] };
  });
}

/**
 * The slots that would suit everyone (working hours, off-limits days, the busy times already in the
 * request) but that someone's own calendar holds, each saying whose calendar (`blockedBy`) — so a
 * scheduler can say "busy in Kenji's calendar" without showing anything of the event. Same grid,
 * window and order as `findCommonSlots(request)`; `limit` counts blocked slots.
 */
export function calendarBlockedSlots(
  request: FindCommonSlotsRequest,
  calendarBusy: Readonly<Record<string, ReadonlyArray<BusyInterval>>>,
): CalendarBlockedSlot[] {
  const { limit, ...rest } = request ?? ({} as FindCommonSlotsRequest);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) invalidInput('limit', '`limit` must be a whole number of slots, 1 or more.');
  const candidates = findCommonSlots(rest);
  const compiled = compileBusyByPerson(calendarBusy, request.participants);
  const longest = new Map<string, number>();
  for (const [personId, intervals] of compiled)
    longest.set(
      personId,
      intervals.reduce((max, [from, to]) => Math.max(max, to - from), 0),
    );
  const blocked: CalendarBlockedSlot[] = [];
  for (const slot of candidates) {
    const start = Date.parse(slot.start);
    const end = Date.parse(slot.end);
    const blockedBy = request.participants
      .filter((participant) => {
        const intervals = compiled.get(participant.id);
        return intervals !== undefined && overlaps(intervals, start, end, longest.get(participant.id)!);
      })
      .map((participant) => participant.id);
    if (blockedBy.length > 0) {
      blocked.push({ ...slot, blockedBy });
      if (limit !== undefined && blocked.length >= limit) break;
    }
  }
  return blocked;
}
