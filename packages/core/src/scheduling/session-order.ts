import type { Session } from '../model/session.js';

/** Sessions by start, then id: the order `kit.sessions.$sessions` lists them in (and the check-ins view reads them in). */
export const bySessionStart = (a: Session, b: Session): number => Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
