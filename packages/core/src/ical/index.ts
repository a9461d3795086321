// @mentorkit/core/ical — sessions as iCalendar (RFC 5545) for people's own calendars.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { invalidInput } from '../model/validate.js';
import { isHttpUrl, isInstant, isTimeZone } from '../model/formats.js';
import { formatOffset } from '../time/local-time.js';
import { isKnownZone, offsetAt, offsetTransitions } from '../scheduling/zone-offsets.js';

/** A session as `toICalendar` takes it (a stored `Session` fits, plus attendees). */
export interface ICalSession {
  id: string;
  title: string;
  /** Instants. */
  start: string;
  end: string;
  /** The organiser's IANA zone, written as TZID (with its VTIMEZONE). */
  timeZone: string;
  /** The agenda, or any description. */
  description?: string;
  /** Alias of `description` used by stored sessions; `description` wins when both are set. */
  agenda?: string | undefined;
  /** The video-call link (http: or https:), written as URL and LOCATION and in the description. */
  meetingUrl?: string | undefined;
  attendees?: Array<{ name: string; email?: string }>;
  /** `cancelled` sessions are written with STATUS:CANCELLED so calendars remove them. */
  status?: 'scheduled' | 'held' | 'cancelled' | 'missed' | undefined;
  /** Bumps SEQUENCE so calendars take the update (e.g. the stored record's revision). */
  revision?: number;
}

export interface ICalOptions {
  /** Calendar name (X-WR-CALNAME). Default "Mentoring sessions". */
  name?: string;
  /** PRODID. Default `-//MentorKit//MentorKit//EN`. */
  productId?: string;
  /** Domain appended to session ids to make UIDs globally unique. Default `mentorkit.invalid`. */
  uidDomain?: string;
  /** DTSTAMP of every event (an instant). Default: now. */
  stamp?: string;
  /** Organiser written on every event (ORGANIZER needs an email). */
  organizer?: { name: string; email: string };
  /**
   * METHOD: `PUBLISH` (default, a calendar to import) or `REQUEST` (an invitation); `null` writes
   * none, as a calendar object stored on a CalDAV server must not have one (RFC 4791, 4.1).
   */
  method?: 'PUBLISH' | 'REQUEST' | null;
  /**
   * Instants each VTIMEZONE covers at least (besides a day around every session). Calendar servers
   * keep one VTIMEZONE per TZID when they join separately stored events (a CalDAV collection read
   * whole): events written one by one should each carry a zone that covers the others' times too —
   * e.g. from a year ago to three years ahead.
   */
  timeZoneSpan?: { from: string; to: string };
}

const MAX_SESSIONS = 1000;
const pad = (value: number) => String(value).padStart(2, '0');
/** `YYYYMMDDTHHMMSS` of an epoch minute read as UTC wall-clock. */
const icalWallClock = (epochMinute: number) => {
  const date = new Date(epochMinute * 60_000);
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}00`;
};
const icalOffset = (minutes: number) => formatOffset(minutes).replace(':', '');

/**
 * A VTIMEZONE for `timeZone` covering `[fromMinute, toMinute)`, built from luxon's zone rules: one
 * STANDARD or DAYLIGHT observance per offset change in the range (explicit DTSTARTs, no RRULE, so
 * it is right even for zones whose rules changed), and one for the offset in force at the start.
 * ical-generator calls this as its timezone generator.
 */
export function vtimezone(timeZone: string, fromMinute: number, toMinute: number): string {
  const start = offsetAt(timeZone, fromMinute);
  const transitions = offsetTransitions(timeZone, fromMinute, toMinute);
  // The standard offset is the smaller of the offsets seen (Europe/Dublin's "negative DST" aside).
  const offsets = [start, ...transitions.map((transition) => transition.to)];
  const year = new Date(fromMinute * 60_000).getUTCFullYear();
  const january = offsetAt(timeZone, Date.UTC(year, 0, 1) / 60_000);
  const july = offsetAt(timeZone, Date.UTC(year, 6, 1) / 60_000);
  const standard = Math.min(january, july, ...offsets);
  const abbreviation = (epochMinute: number) => {
    const name = DateTime.fromMillis(epochMinute * 60_000, { zone: timeZone }).offsetNameShort ?? '';
    return /^[A-Za-z0-9+:-]{1,12}$/.test(name) ? name : `UTC${formatOffset(offsetAt(timeZone, epochMinute))}`;
  };
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', at: number, from: number, to: number) => [
    `BEGIN:${kind}`,
    `DTSTART:${icalWallClock(at + from)}`,
    `TZOFFSETFROM:${icalOffset(from)}`,
    `TZOFFSETTO:${icalOffset(to)}`,
    `TZNAME:${abbreviation(at)}`,
    `END:${kind}`,
  ];
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, `X-LIC-LOCATION:${timeZone}`];
  lines.push(...observance(start > standard ? 'DAYLIGHT' : 'STANDARD', fromMinute, start, start));
  for (const transition of transitions)
    lines.push(...observance(transition.to > standard ? 'DAYLIGHT' : 'STANDARD', transition.at, transition.from, transition.to));
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** Whether the wall-clock time of `epochMinute` in the zone also happened earlier (a repeated hour). */
export function isSecondOccurrence(timeZone: string, epochMinute: number): boolean {
  const offset = offsetAt(timeZone, epochMinute);
  const local = epochMinute + offset;
  for (const other of new Set([offsetAt(timeZone, epochMinute - 1440), offsetAt(timeZone, epochMinute + 1440)])) {
    if (other === offset) continue;
    const earlier = local - other;
    if (earlier < epochMinute && offsetAt(timeZone, earlier) === other) return true;
  }
  return false;
}

function validateSessions(sessions: unknown): ICalSession[] {
  if (!Array.isArray(sessions)) invalidInput('sessions', '`sessions` must be a list of sessions { id, title, start, end, timeZone }.');
  if (sessions.length > MAX_SESSIONS) invalidInput('sessions', `\`sessions\` must have at most ${MAX_SESSIONS} sessions; export in parts.`);
  return sessions.map((session: unknown, index: number) => {
    const path = `sessions[${index}]`;
    if (typeof session !== 'object' || session === null) invalidInput(path, `\`${path}\` must be a session { id, title, start, end, timeZone }.`);
    const value = session as Partial<ICalSession>;
    if (typeof value.id !== 'string' || value.id.trim() === '' || value.id.length > 200) invalidInput(`${path}.id`, `\`${path}.id\` must be the session's id.`);
    if (typeof value.title !== 'string' || value.title.trim() === '' || value.title.length > 500)
      invalidInput(`${path}.title`, `\`${path}.title\` must be a non-empty title of at most 500 characters.`);
    if (!isInstant(value.start)) invalidInput(`${path}.start`, `\`${path}.start\` must be an ISO 8601 instant, e.g. "2026-10-06T22:00:00Z".`);
    if (!isInstant(value.end)) invalidInput(`${path}.end`, `\`${path}.end\` must be an ISO 8601 instant.`);
    if (Date.parse(value.end) <= Date.parse(value.start)) invalidInput(`${path}.end`, `\`${path}.end\` must be after its start.`);
    if (!isTimeZone(value.timeZone) || !isKnownZone(value.timeZone))
      invalidInput(`${path}.timeZone`, `\`${path}.timeZone\` must be the organiser's IANA time-zone name, e.g. "America/New_York".`);
    for (const key of ['description', 'agenda'] as const) {
      if (value[key] !== undefined && (typeof value[key] !== 'string' || value[key].length > 10_000))
        invalidInput(`${path}.${key}`, `\`${path}.${key}\` must be text of at most 10,000 characters.`);
    }
    if (value.meetingUrl !== undefined && !isHttpUrl(value.meetingUrl))
      invalidInput(`${path}.meetingUrl`, `\`${path}.meetingUrl\` must be an absolute http: or https: URL.`);
    if (value.attendees !== undefined) {
      if (!Array.isArray(value.attendees) || value.attendees.length > 50)
        invalidInput(`${path}.attendees`, `\`${path}.attendees\` must be a list of at most 50 { name, email? }.`);
      value.attendees.forEach((attendee, attendeeIndex) => {
        const attendeePath = `${path}.attendees[${attendeeIndex}]`;
        if (typeof attendee?.name !== 'string' || attendee.name.trim() === '' || attendee.name.length > 200)
          invalidInput(`${attendeePath}.name`, `\`${attendeePath}.name\` must be a name.`);
        if (attendee.email !== undefined && (typeof attendee.email !== 'string' || !/^[^\s@<>"]+@[^\s@<>"]+$/.test(attendee.email)))
          invalidInput(`${attendeePath}.email`, `\`${attendeePath}.email\` must be an email address.`);
      });
    }
    return value as ICalSession;
  });
}

/**
 * Sessions as an iCalendar file (RFC 5545) that calendar clients import: one VEVENT per session
 * with DTSTART/DTEND in the organiser's zone (`TZID=…` and a VTIMEZONE generated from luxon's rules,
 * so each person's calendar shows their own local time), the title, the agenda, the meeting link
 * (URL, LOCATION and in the description) and the attendees. Built with ical-generator.
 *
 * ```ts
 * const text = toICalendar(kit.sessions.forPairing('pairing-1'), { name: 'Mentoring with Sarah' });
 * download(new Blob([text], { type: 'text/calendar' }), 'mentoring.ics');
 * ```
 */
export function toICalendar(sessions: ICalSession[], options: ICalOptions = {}): string {
  const list = validateSessions(sessions);
  if (typeof options !== 'object' || options === null) invalidInput('options', '`options` must be an object such as { name: "Mentoring" }.');
  if (options.name !== undefined && (typeof options.name !== 'string' || options.name.length > 200))
    invalidInput('options.name', '`options.name` must be text of at most 200 characters.');
  if (options.productId !== undefined && (typeof options.productId !== 'string' || !/^[^\r\n]{1,200}$/.test(options.productId)))
    invalidInput('options.productId', '`options.productId` must be one line of text.');
  if (options.uidDomain !== undefined && (typeof options.uidDomain !== 'string' || !/^[A-Za-z0-9.-]{1,200}$/.test(options.uidDomain)))
    invalidInput('options.uidDomain', '`options.uidDomain` must be a domain name such as "lms.example.com".');
  if (options.stamp !== undefined && !isInstant(options.stamp)) invalidInput('options.stamp', '`options.stamp` must be an ISO 8601 instant.');
  if (options.method !== undefined && options.method !== null && options.method !== 'PUBLISH' && options.method !== 'REQUEST')
    invalidInput('options.method', '`options.method` must be "PUBLISH", "REQUEST" or null (none).');
  if (
    options.timeZoneSpan !== undefined &&
    (typeof options.timeZoneSpan !== 'object' ||
      options.timeZoneSpan === null ||
      !isInstant(options.timeZoneSpan.from) ||
      !isInstant(options.timeZoneSpan.to) ||
      Date.parse(options.timeZoneSpan.to) < Date.parse(options.timeZoneSpan.from) ||
      Date.parse(options.timeZoneSpan.to) - Date.parse(options.timeZoneSpan.from) > 20 * 366 * 86_400_000)
  ) {
    invalidInput('options.timeZoneSpan', '`options.timeZoneSpan` must be { from, to }: two instants, `to` not before `from`, at most 20 years apart.');
  }
  if (
    options.organizer !== undefined &&
    (typeof options.organizer?.name !== 'string' ||
      options.organizer.name.trim() === '' ||
      typeof options.organizer.email !== 'string' ||
      !/^[^\s@<>"]+@[^\s@<>"]+$/.test(options.organizer.email))
  )
    invalidInput('options.organizer', '`options.organizer` must be { name, email }.');

  // Each zone's VTIMEZONE covers its sessions, from a day before the first to a day after the last.
  const ranges = new Map<string, [number, number]>();
  for (const session of list) {
    const start = Math.floor(Date.parse(session.start) / 60_000) - 1440;
    const end = Math.ceil(Date.parse(session.end) / 60_000) + 1440;
    const range = ranges.get(session.timeZone);
    ranges.set(session.timeZone, range ? [Math.min(range[0], start), Math.max(range[1], end)] : [start, end]);
  }
  if (options.timeZoneSpan) {
    const spanFrom = Math.floor(Date.parse(options.timeZoneSpan.from) / 60_000);
    const spanTo = Math.ceil(Date.parse(options.timeZoneSpan.to) / 60_000);
    for (const [zone, [from, to]] of ranges) ranges.set(zone, [Math.min(from, spanFrom), Math.max(to, spanTo)]);
  }
  const calendar = ical({
    prodId: options.productId ?? '//MentorKit//MentorKit//EN',
    name: options.name ?? 'Mentoring sessions',
    ...(options.method === null ? {} : { method: options.method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.PUBLISH }),
    // name: null keeps DTSTAMP/CREATED in UTC; the generator writes a VTIMEZONE per TZID used.
    timezone: { name: null, generator: (timeZone) => (ranges.has(timeZone) ? vtimezone(timeZone, ...ranges.get(timeZone)!) : null) },
  });
  const stamp = options.stamp ? new Date(options.stamp) : new Date();
  const uidDomain = options.uidDomain ?? 'mentorkit.invalid';
  for (const session of list) {
    // A local time in the repeated hour of a change back to standard time means its first
    // occurrence (RFC 5545, 3.3.5). A session starting or ending in the second one is written in UTC.
    const startMinute = Math.floor(Date.parse(session.start) / 60_000);
    const endMinute = Math.floor(Date.parse(session.end) / 60_000);
    const utcOnly = isSecondOccurrence(session.timeZone, startMinute) || isSecondOccurrence(session.timeZone, endMinute);
    const description = session.description ?? session.agenda;
    const withoutEmail = (session.attendees ?? []).filter((attendee) => !attendee.email).map((attendee) => attendee.name);
    const text = [
      description,
      session.meetingUrl ? `Join: ${session.meetingUrl}` : undefined,
      withoutEmail.length > 0 ? `With: ${withoutEmail.join(', ')}` : undefined,
    ]
      .filter((part) => part !== undefined && part !== '')
      .join('\n\n');
    calendar.createEvent({
      id: `${session.id}@${uidDomain}`,
      sequence: session.revision !== undefined && Number.isInteger(session.revision) && session.revision > 0 ? session.revision - 1 : 0,
      ...(utcOnly
        ? { start: new Date(session.start), end: new Date(session.end) }
        : {
            start: DateTime.fromISO(session.start, { setZone: true }).setZone(session.timeZone),
            end: DateTime.fromISO(session.end, { setZone: true }).setZone(session.timeZone),
            timezone: session.timeZone,
          }),
      stamp,
      summary: session.title,
      ...(text ? { description: text } : {}),
      ...(session.meetingUrl ? { url: session.meetingUrl, location: session.meetingUrl } : {}),
      ...(options.organizer ? { organizer: options.organizer } : {}),
      status: session.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      attendees: (session.attendees ?? []).filter((attendee) => attendee.email).map((attendee) => ({ name: attendee.name, email: attendee.email! })),
    });
  }
  return calendar.toString();
}
