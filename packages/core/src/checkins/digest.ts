import { DateTime } from 'luxon';
import { invalidInput } from '../model/validate.js';
import { isInstant, isTimeZone } from '../model/formats.js';
import { sensibleSendTime, type NudgePerson } from './nudge.js';

/** How a person takes their reminders by email: one mail each, or one mail a day or a week with all of them. */
export type DigestFrequency = 'none' | 'daily' | 'weekly';

export const DIGEST_FREQUENCIES: readonly DigestFrequency[] = ['none', 'daily', 'weekly'];

export interface DigestSlot {
  /** The digest this reminder goes into: its first day on the person's calendar (`YYYY-MM-DD`; a Monday for weekly digests). */
  period: string;
  /** When that digest is sent: the first sensible moment of that day (or week) on the person's clock (`sensibleSendTime`). */
  sendAt: string;
}

/**
 * The digest a reminder due at `dueAt` goes into, for a person who takes a daily or weekly digest.
 *
 * A daily digest is sent at the first sensible moment of each day on the person's clock (within their
 * working hours and 09:00–18:00, never on an off-limits day: `sensibleSendTime` from that day's
 * midnight); a weekly one at the first sensible moment from Monday's midnight. A reminder due before
 * its day's (or week's) digest goes out goes into it; one due after goes into the next day's (week's).
 * A day without a sensible moment (a weekend without working hours) has no digest of its own: its
 * reminders go into the next one. Two reminders of one person with the same `period` are one mail.
 *
 * @example
 * digestSlot({ personId: 'maria', timeZone: 'America/Mexico_City', workingHours: { 1: ['09:00-17:00'], 2: ['09:00-17:00'], 3: ['09:00-17:00'], 4: ['09:00-17:00'], 5: ['09:00-17:00'] } }, '2026-12-08T20:00:00Z', 'daily')
 * // → { period: '2026-12-09', sendAt: '2026-12-09T15:00:00.000Z' } (09:00 the next morning in Mexico City)
 */
export function digestSlot(person: NudgePerson, dueAt: string, frequency: Exclude<DigestFrequency, 'none'>): DigestSlot {
  if (frequency !== 'daily' && frequency !== 'weekly') invalidInput('frequency', '`frequency` must be "daily" or "weekly".');
  if (!isTimeZone(person.timeZone)) invalidInput('person.timeZone', '`timeZone` must be an IANA time-zone name.');
  if (!isInstant(dueAt)) invalidInput('dueAt', '`dueAt` must be an ISO 8601 instant with an offset, e.g. 2026-12-08T20:00:00Z.');
  const due = DateTime.fromISO(dueAt, { zone: person.timeZone });
  let start = due.startOf('day');
  if (frequency === 'weekly') start = start.minus({ days: start.weekday - 1 });
  const step = frequency === 'weekly' ? { weeks: 1 } : { days: 1 };
  // The first digest that has not gone out yet when the reminder is due (at most two steps on).
  let sendAt = sensibleSendTime(person, start.toUTC().toISO()!).sendAt;
  for (let tries = 0; tries < 2 && Date.parse(sendAt) < Date.parse(dueAt); tries++) {
    start = start.plus(step);
    sendAt = sensibleSendTime(person, start.toUTC().toISO()!).sendAt;
  }
  // Named by the day it is sent (a Saturday's and a Sunday's reminders share Monday's digest), or by
  // the Monday of the week it is sent.
  const sent = DateTime.fromISO(sendAt, { zone: person.timeZone }).startOf('day');
  const period = frequency === 'weekly' ? sent.minus({ days: sent.weekday - 1 }) : sent;
  return { period: period.toISODate()!, sendAt };
}
