import type { Session } from '../model/session.js';

/**
 * The hours rule: how many minutes of mentoring a session counts for. A held session counts its
 * recorded `heldMinutes` when set, else its booked length (`end − start`) in whole minutes;
 * a session that was not held (scheduled, missed, cancelled) counts 0.
 */
export function sessionMinutesHeld(session: Pick<Session, 'status' | 'start' | 'end'> & { heldMinutes?: number | undefined }): number {
  if (!session || typeof session !== 'object') return 0;
  if (session.status !== 'held') return 0;
  if (typeof session.heldMinutes === 'number' && Number.isInteger(session.heldMinutes) && session.heldMinutes > 0) return session.heldMinutes;
  const booked = Math.floor((Date.parse(session.end) - Date.parse(session.start)) / 60_000);
  return Number.isFinite(booked) && booked > 0 ? booked : 0;
}
