// Check-in levels and cadences: how often a pair is expected to check in.
import type { CHECK_IN_LEVELS } from '../model/agreement.js';

export type CheckInLevel = (typeof CHECK_IN_LEVELS)[number];

/** Days between check-ins for each level (documented constants). */
export const CHECK_IN_INTERVAL_DAYS: Readonly<Record<CheckInLevel, number>> = { 'high-touch': 7, regular: 14, 'light-touch': 28 };
/** Days between meetings for each cadence. A meeting is a check-in, so the interval is the shorter of the two. */
export const CADENCE_DAYS = { weekly: 7, fortnightly: 14, monthly: 31, 'ad-hoc': Number.POSITIVE_INFINITY } as const;
/** Default number of days without a session, message or goal update after which a pair counts as inactive. */
export const DEFAULT_INACTIVE_AFTER_DAYS = 21;
/** A nudge is sent this many days before a check-in falls due. */
export const DUE_SOON_DAYS = 2;
