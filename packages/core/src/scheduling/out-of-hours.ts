import { parseTimeRange, WEEKDAYS } from '../model/formats.js';
import { invalidInput } from '../model/validate.js';
import { resolveOptions, suggestMeetingTimes, type SuggestedSlot, type SuggestMeetingTimesRequest } from './fairness.js';
import { commonFreeMinutes, findCommonSlots, instantMs, type SlotParticipant } from './slots.js';

/**
 * Out-of-hours suggestions (documented in docs/scheduling.md, "When there is no common working time").
 *
 * When two people's working hours never overlap (Tokyo and New York on ordinary days), nobody should
 * have to widen their hours by hand to see an option. Each person's **reachable day** is then their
 * working hours widened to `earliest`–`latest` (07:00–22:00 by default) on the weekdays they work —
 * never at night (22:00–06:00), never on a day they do not work, an off-limits day or date, or a busy
 * time. The common slots of those reachable days are ranked by the same fairness score as
 * `suggestMeetingTimes`, so the early and late hours are shared, and each slot says who would meet
 * outside their own working hours.
 */
export const OUT_OF_HOURS_REACH = { earliest: '07:00', latest: '22:00' } as const;

export interface OutOfHoursReach {
  /** Local `HH:MM` from which someone may be asked to meet on a working day. Default `07:00`. */
  earliest?: string;
  /** Local `HH:MM` (exclusive) until which someone may be asked to meet; `24:00` allowed. Default `22:00`. */
  latest?: string;
}

export interface FairSlot extends SuggestedSlot {
  /** Ids of the people for whom this slot is outside their own working hours (empty within everyone's hours). */
  outsideWorkingHours: string[];
}

export interface MeetingTimesOrOutOfHours {
  slots: FairSlot[];
  /** True when there was no common working time in the window and `slots` are out-of-hours suggestions. */
  outOfHours: boolean;
}

function reachRange(reach: OutOfHoursReach | undefined): string {
  if (reach !== undefined && (typeof reach !== 'object' || reach === null)) invalidInput('reach', '`reach` must be { earliest: "07:00", latest: "22:00" }.');
  const range = `${reach?.earliest ?? OUT_OF_HOURS_REACH.earliest}-${reach?.latest ?? OUT_OF_HOURS_REACH.latest}`;
  if (!parseTimeRange(range))
    invalidInput(
      'reach',
      '`reach.earliest` and `reach.latest` must be local times "HH:MM", earliest before latest, e.g. { earliest: "07:00", latest: "22:00" }.',
    );
  return range;
}

/**
 * The participants with their working hours widened to the reachable day (`reach`, 07:00–22:00 by
 * default) on each weekday they work; off-limits days, dates and busy times stay as they are.
 */
export function widenToReach(participants: readonly SlotParticipant[], reach?: OutOfHoursReach): SlotParticipant[] {
  const range = reachRange(reach);
  if (!Array.isArray(participants)) invalidInput('participants', '`participants` must be a list of people { id, timeZone, workingHours }.');
  return participants.map((participant) => {
    const hours = (participant?.workingHours ?? {}) as Record<string, readonly string[] | undefined>;
    const widened: Record<number, string[]> = {};
    for (const day of WEEKDAYS) {
      const ranges = hours[day] ?? hours[String(day)];
      if (Array.isArray(ranges) && ranges.length > 0) widened[day] = [...ranges, range];
    }
    return { ...participant, workingHours: widened };
  });
}

/** Whether `[start, start + duration)` (epoch minutes) is inside each participant's own working hours, as free stretches per person. */
function outsideWorkingHoursOf(request: SuggestMeetingTimesRequest): (start: number, duration: number) => string[] {
  const from = instantMs(request.from);
  const to = instantMs(request.to);
  const own = request.participants.map((participant) => ({
    id: participant.id,
    free: commonFreeMinutes({
      participants: [{ ...participant, busy: [] }],
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      durationMinutes: request.durationMinutes,
      stepMinutes: 1,
    }).free,
  }));
  return (start, duration) =>
    own
      .filter(({ free }) => {
        for (let index = 0; index < free.length; index += 2) if (free[index]! <= start && start + duration <= free[index + 1]!) return false;
        return true;
      })
      .map(({ id }) => id);
}

/** Ids of the people for whom `[start, start + durationMinutes)` is outside their own working hours (or off-limits). */
export function outsideWorkingHoursAt(participants: readonly SlotParticipant[], start: string, durationMinutes: number): string[] {
  const end = new Date(Date.parse(start) + durationMinutes * 60_000).toISOString();
  return participants
    .filter(
      (participant) => findCommonSlots({ participants: [{ ...participant, busy: [] }], from: start, to: end, durationMinutes, stepMinutes: 1 }).length === 0,
    )
    .map((participant) => participant.id);
}

/**
 * The fairest slots outside working hours (see `OUT_OF_HOURS_REACH`): the common slots of everyone's
 * reachable day, ranked like `suggestMeetingTimes` (`history` counts), each with `outsideWorkingHours`.
 * Slots inside everyone's working hours come too when there are any (then `outsideWorkingHours` is empty).
 */
export function suggestOutOfHoursTimes(request: SuggestMeetingTimesRequest & { reach?: OutOfHoursReach }): FairSlot[] {
  if (typeof request !== 'object' || request === null) invalidInput('', 'suggestOutOfHoursTimes needs a request { participants, from, to, durationMinutes }.');
  resolveOptions(request.options);
  const slots = suggestMeetingTimes({ ...request, participants: widenToReach(request.participants, request.reach) });
  const outside = outsideWorkingHoursOf(request);
  return slots.map((slot) => {
    const start = Math.floor(Date.parse(slot.start) / 60_000);
    return { ...slot, outsideWorkingHours: outside(start, Math.round((Date.parse(slot.end) - Date.parse(slot.start)) / 60_000)) };
  });
}

/**
 * What the scheduler offers: the fair slots within everyone's working hours (`suggestMeetingTimes`), or,
 * when there are none in the window, the fairest out-of-hours slots (`suggestOutOfHoursTimes`) — by
 * itself, without anyone widening their hours by hand.
 */
export function suggestMeetingTimesOrOutOfHours(request: SuggestMeetingTimesRequest & { reach?: OutOfHoursReach }): MeetingTimesOrOutOfHours {
  const within = suggestMeetingTimes(request);
  if (within.length > 0) return { slots: within.map((slot) => ({ ...slot, outsideWorkingHours: [] })), outOfHours: false };
  reachRange(request.reach);
  return { slots: suggestOutOfHoursTimes(request), outOfHours: true };
}
