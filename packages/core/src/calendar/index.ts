// @mentorkit/core/calendar — people's own calendars: busy times from iCalendar. See docs/calendars.md.
export { busyFromICalendar, readICalendarBusy, formatBusyInstant, ICALENDAR_BUSY_LIMITS } from './ics-busy.js';
export type { BusyFromICalendarOptions, BusyInterval, BusyWindow, ICalendarBusyNote, ICalendarBusyResult } from './ics-busy.js';
export { WINDOWS_ZONES } from './zones.js';
