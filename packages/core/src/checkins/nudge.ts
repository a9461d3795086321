// Who a nudge goes to and when: the first sensible moment on the person's own clock.
import { invalidInput } from '../model/validate.js';
import { isTimeZone } from '../model/formats.js';
import { findCommonSlots, localIsoOf } from '../scheduling/slots.js';
import type { CheckInMessages } from './messages.js';

const DAY = 86_400_000;

export interface NudgePerson {
  personId: string;
  displayName?: string | undefined;
  timeZone: string;
  workingHours?: Record<string, readonly string[]> | Partial<Record<number, readonly string[]>> | undefined;
  offLimitsDays?: readonly number[] | undefined;
  offLimitsDates?: readonly string[] | undefined;
}

/**
 * A person as nudges need them, from their profile (`Person`, or the server's record of one): name
 * (else their id), zone (else UTC), working hours and off-limits days; an unknown person gets the
 * defaults.
 */
export function nudgePersonOf(
  personId: string,
  person?:
    | {
        displayName?: string | undefined;
        timeZone?: string | undefined;
        workingHours?: NudgePerson['workingHours'];
        offLimitsDays?: readonly number[] | undefined;
        offLimitsDates?: readonly string[] | undefined;
      }
    | undefined,
): NudgePerson & { displayName: string } {
  return {
    personId,
    displayName: person?.displayName ?? personId,
    timeZone: person?.timeZone ?? 'UTC',
    workingHours: person?.workingHours ?? {},
    offLimitsDays: person?.offLimitsDays ?? [],
    offLimitsDates: person?.offLimitsDates ?? [],
  };
}

export interface Nudge {
  kind: 'check-in-due-soon' | 'check-in-overdue' | 'pair-inactive';
  /** Who receives it. */
  personId: string;
  pairingId: string;
  /** When to send it: the first moment from now that is within their working hours and 09:00–18:00 local. */
  sendAt: string;
  /** `sendAt` on their wall clock, with offset. */
  localSendAt: string;
  message: string;
  /** The message's id in `CHECKIN_MESSAGES.nudges` and its parameters, for hosts and elements that word it themselves (`date` is `YYYY-MM-DD`, `other` the other people's names joined). */
  code: keyof CheckInMessages['nudges'];
  params: Record<string, string | number>;
}

/** Sensible hours for a nudge: 09:00-18:00 local, within working hours, not on off-limits days. */
export const NUDGE_HOURS = '09:00-18:00';

/** The first sensible local moment (15-minute grid) at or after `now` for a person. */
export function sensibleSendTime(person: NudgePerson, now: string): { sendAt: string; localSendAt: string } {
  if (!isTimeZone(person.timeZone)) invalidInput('person.timeZone', '`timeZone` must be an IANA time-zone name.');
  const from = new Date(Math.ceil(Date.parse(now) / 60_000) * 60_000).toISOString();
  const to = new Date(Date.parse(now) + 15 * DAY).toISOString();
  const everyDay = { 1: [NUDGE_HOURS], 2: [NUDGE_HOURS], 3: [NUDGE_HOURS], 4: [NUDGE_HOURS], 5: [NUDGE_HOURS], 6: [NUDGE_HOURS], 7: [NUDGE_HOURS] };
  const hasHours = Object.values(person.workingHours ?? {}).some((ranges) => Array.isArray(ranges) && ranges.length > 0);
  const sensible = { id: 'sensible', timeZone: person.timeZone, workingHours: everyDay };
  const own = {
    id: 'person',
    timeZone: person.timeZone,
    workingHours: (hasHours ? person.workingHours : { 1: [NUDGE_HOURS], 2: [NUDGE_HOURS], 3: [NUDGE_HOURS], 4: [NUDGE_HOURS], 5: [NUDGE_HOURS] }) as never,
    offLimitsDays: [...(person.offLimitsDays ?? [])],
    offLimitsDates: [...(person.offLimitsDates ?? [])],
  };
  // Within their hours if they have any in the next two weeks, else simply 09:00-18:00 local.
  const slot =
    findCommonSlots({ participants: [own, sensible], from, to, durationMinutes: 15, stepMinutes: 15, limit: 1 })[0] ??
    findCommonSlots({ participants: [sensible], from, to, durationMinutes: 15, stepMinutes: 15, limit: 1 })[0];
  const start = slot ? slot.start : from;
  return { sendAt: start, localSendAt: localIsoOf(person.timeZone, Math.floor(Date.parse(start) / 60_000)) };
}
