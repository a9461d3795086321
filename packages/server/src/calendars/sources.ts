import { MentorKitError, isMentorKitError } from '@mentorkit/core';
import { calendarQuery, createAccount, fetchCalendars, freeBusyQuery, getBasicAuthHeaders, propfind, type DAVResponse } from 'tsdav';

/**
 * Reading busy times from a person's own calendar (issue 16), and writing sessions into a CalDAV
 * calendar. Every request goes through the `fetch` given — the server passes the outbound guard's
 * (outbound.ts), so a calendar address can never reach a private target. Nothing here keeps state.
 *
 * - `ics-feed`: an iCalendar address ("secret address" from Google, Outlook, Apple; `webcal://` is
 *   read as `https://`), fetched with If-None-Match / If-Modified-Since (304 → `not-modified`).
 * - `caldav`: a CalDAV server (tsdav over the given fetch, Basic auth). The URL may be the calendar
 *   collection itself, or the server / principal, whose first calendar holding events is used. Busy
 *   times come from a free-busy-query REPORT when the server supports it and no `ignoreUidSuffix` is
 *   set (free-busy cannot tell our own sessions apart), otherwise from a calendar-query REPORT with
 *   a time range (the events themselves, our own filtered out by UID).
 *
 * Errors are `MentorKitError`s (path `source.url`) a person can act on; messages name the host only,
 * never the path or query (a feed's secret token lives there).
 */

export type CalendarSource = { kind: 'ics-feed'; url: string } | { kind: 'caldav'; url: string; username: string; password: string };

export type CaldavSource = Extract<CalendarSource, { kind: 'caldav' }>;

export interface BusyWindow {
  from: string;
  to: string;
}

export interface BusyIntervalText {
  start: string;
  end: string;
}

export type BusyFromICalendar = (ics: string, window: BusyWindow, options?: { timeZone?: string }) => BusyIntervalText[];

export interface FetchBusyOptions {
  /** The guarded fetch (`createOutboundFetch`). */
  fetch: typeof fetch;
  /** `busyFromICalendar` of `@mentorkit/core/calendar` (a parameter so this module does not load ical.js itself). */
  busyFromICalendar: BusyFromICalendar;
  /** IANA zone for floating times and all-day events (the person's). */
  timeZone?: string;
  /** From the last fetch of an ICS feed: sent as If-None-Match. */
  etag?: string;
  /** From the last fetch of an ICS feed: sent as If-Modified-Since. */
  lastModified?: string;
  /** Events whose UID ends with this (sessions MentorKit wrote, e.g. `@mentoring.example.edu`) are not busy. */
  ignoreUidSuffix?: string;
  /** CalDAV: skip the free-busy REPORT and read the events (calendar-query). Implied by `ignoreUidSuffix`. */
  caldavMode?: 'auto' | 'calendar-query' | 'free-busy';
}

export interface FetchBusyResult {
  status: 'fetched' | 'not-modified';
  etag?: string;
  lastModified?: string;
  /** Busy intervals, merged, sorted, clipped to the window (empty when not-modified). */
  intervals: BusyIntervalText[];
  /** CalDAV: the calendar collection read (store it: the next reads skip discovery). */
  calendarUrl?: string;
  /** CalDAV: how the busy times were read. */
  method?: 'free-busy' | 'calendar-query';
}

const PATH = 'source.url';

/** `calendar.example.com` — all an error message may show of a calendar's address. */
const hostOf = (url: string) => {
  try {
    return new URL(url).host || 'the calendar server';
  } catch {
    return 'the calendar server';
  }
};

/** The feed URL to request: `webcal://` / `webcals://` → `https://`; anything else must be http(s). */
export function feedRequestUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new MentorKitError('invalid-input', 'The calendar address is not a valid web address: copy the secret iCal address from your calendar app.', {
      path: PATH,
    });
  }
  if (parsed.protocol === 'webcal:' || parsed.protocol === 'webcals:') parsed = new URL(`https:${parsed.href.slice(parsed.protocol.length)}`);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new MentorKitError('invalid-input', `The calendar address must start with https:// or webcal://, not ${parsed.protocol}//.`, { path: PATH });
  }
  return parsed.href;
}

/** A refusal for an HTTP status from a calendar server, worded for the person. */
function statusError(status: number, url: string, kind: 'feed' | 'caldav'): MentorKitError {
  const host = hostOf(url);
  const details = { status, host };
  if (status === 401 || status === 403) {
    return kind === 'feed'
      ? new MentorKitError(
          'forbidden',
          `The calendar address is no longer valid (${host} answered ${status}): copy the secret address again from your calendar app and reconnect.`,
          { path: PATH, details },
        )
      : new MentorKitError(
          'forbidden',
          `${host} refused the user name or password (${status}): check them (many providers need an app password) and reconnect.`,
          { path: PATH, details },
        );
  }
  if (status === 404 || status === 410) {
    return new MentorKitError(
      'not-found',
      `There is no calendar at this address on ${host} any more (${status}): it may have been deleted or its secret address reset. Copy the address again and reconnect.`,
      { path: PATH, details },
    );
  }
  if (status === 429 || status >= 500) {
    return new MentorKitError('storage-error', `${host} is not answering properly right now (${status}); MentorKit will try later.`, { path: PATH, details });
  }
  return new MentorKitError('invalid-input', `${host} did not give a calendar (HTTP ${status}): check the address.`, { path: PATH, details });
}

// ─── iCalendar text ──────────────────────────────────────────────────────────────────────────────

/** Unfolds content lines (RFC 5545 3.1). */
const unfold = (text: string) => text.replace(/\r?\n[ \t]/g, '');

/**
 * `ics` without the VEVENTs whose UID ends with `suffix` (all their occurrences and overrides),
 * everything else kept. Lines come back unfolded, joined with CRLF.
 */
export function withoutUidSuffix(ics: string, suffix: string | undefined): string {
  if (!suffix) return ics;
  const lines = unfold(ics).split(/\r?\n/);
  const kept: string[] = [];
  let block: string[] | undefined;
  let depth = 0;
  for (const line of lines) {
    const upper = line.toUpperCase();
    if (block) {
      block.push(line);
      if (upper.startsWith('BEGIN:')) depth += 1;
      else if (upper.startsWith('END:')) depth -= 1;
      if (depth === 0) {
        const uidLine = block.find((candidate, index) => index > 0 && /^UID[;:]/i.test(candidate));
        const uid = uidLine?.slice(uidLine.indexOf(':') + 1).trim() ?? '';
        if (!uid.endsWith(suffix)) kept.push(...block);
        block = undefined;
      }
      continue;
    }
    if (upper === 'BEGIN:VEVENT') {
      block = [line];
      depth = 1;
      continue;
    }
    kept.push(line);
  }
  if (block) kept.push(...block);
  return kept.join('\r\n');
}

/** Union of interval lists (UTC instants), sorted and merged where they touch or overlap. */
function mergeIntervals(lists: BusyIntervalText[][]): BusyIntervalText[] {
  const all = lists
    .flat()
    .map(({ start, end }) => ({ start, end, from: Date.parse(start), to: Date.parse(end) }))
    .sort((left, right) => left.from - right.from || left.to - right.to);
  const merged: Array<{ start: string; end: string; to: number }> = [];
  for (const interval of all) {
    const last = merged.at(-1);
    if (last && interval.from <= last.to) {
      if (interval.to > last.to) {
        last.to = interval.to;
        last.end = interval.end;
      }
    } else merged.push({ start: interval.start, end: interval.end, to: interval.to });
  }
  return merged.map(({ start, end }) => ({ start, end }));
}

/** Parses `ics` with `busyFromICalendar`, re-worded when it is not a calendar. */
function busyOf(ics: string, window: BusyWindow, options: FetchBusyOptions, url: string): BusyIntervalText[] {
  try {
    return options.busyFromICalendar(withoutUidSuffix(ics, options.ignoreUidSuffix), window, options.timeZone ? { timeZone: options.timeZone } : {});
  } catch (error) {
    if (isMentorKitError(error, 'invalid-input') && error.path.startsWith('window')) throw error;
    throw new MentorKitError(
      'invalid-input',
      `${hostOf(url)} sent something that could not be read as a calendar (${error instanceof Error ? error.message : String(error)}).`,
      { path: PATH, cause: error },
    );
  }
}

// ─── ICS feeds ───────────────────────────────────────────────────────────────────────────────────

const looksLikeCalendar = (text: string) => /^\uFEFF?\s*BEGIN:VCALENDAR/i.test(text);

async function fetchFeed(url: string, window: BusyWindow, options: FetchBusyOptions): Promise<FetchBusyResult> {
  const requestUrl = feedRequestUrl(url);
  const headers: Record<string, string> = { accept: 'text/calendar, application/ics;q=0.9, text/plain;q=0.5, */*;q=0.1' };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const response = await options.fetch(requestUrl, { headers });
  const cache = {
    ...(response.headers.get('etag') ? { etag: response.headers.get('etag')! } : options.etag && response.status === 304 ? { etag: options.etag } : {}),
    ...(response.headers.get('last-modified')
      ? { lastModified: response.headers.get('last-modified')! }
      : options.lastModified && response.status === 304
        ? { lastModified: options.lastModified }
        : {}),
  };
  if (response.status === 304) {
    await response.arrayBuffer().catch(() => undefined);
    return { status: 'not-modified', ...cache, intervals: [] };
  }
  if (!response.ok) {
    await response.arrayBuffer().catch(() => undefined);
    throw statusError(response.status, requestUrl, 'feed');
  }
  const text = await response.text();
  if (!looksLikeCalendar(text)) {
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const hint = type === 'text/html' ? 'a web page' : type ? `"${type}"` : 'something else';
    throw new MentorKitError(
      'invalid-input',
      `${hostOf(requestUrl)} sent ${hint}, not a calendar: use the calendar's secret iCal address (it usually ends in .ics).`,
      { path: PATH, details: { contentType: type } },
    );
  }
  return { status: 'fetched', ...cache, intervals: busyOf(text, window, options, requestUrl) };
}

// ─── CalDAV ─────────────────────────────────────────────────────────────────────────────────────

/** A fetch that remembers the status of the last response (tsdav turns HTTP errors into empty results). */
function recordingFetch(base: typeof fetch) {
  const state = { status: 0 };
  const recorded = (async (input: string | URL | Request, init?: RequestInit) => {
    const response = await base(input, init);
    state.status = response.status;
    return response;
  }) as typeof fetch;
  return { fetch: recorded, state };
}

const ensureSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

const caldavUrl = (source: CaldavSource): string => {
  let parsed: URL;
  try {
    parsed = new URL(source.url.trim());
  } catch {
    throw new MentorKitError('invalid-input', 'The CalDAV address is not a valid web address (such as https://caldav.example.com/).', { path: PATH });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new MentorKitError('invalid-input', `The CalDAV address must start with https://, not ${parsed.protocol}//.`, { path: PATH });
  return parsed.href;
};

/** Wraps what tsdav throws (plain Errors whose text may hold URLs) for the person. */
function caldavFailure(error: unknown, url: string, what: string): MentorKitError {
  if (isMentorKitError(error)) return error;
  return new MentorKitError('storage-error', `${hostOf(url)} did not answer as a CalDAV server while ${what}; check the address.`, {
    path: PATH,
    cause: error,
  });
}

function throwForStatus(state: { status: number }, url: string) {
  if (state.status === 401 || state.status === 403 || state.status === 404 || state.status === 410 || state.status === 429 || state.status >= 500)
    throw statusError(state.status, url, 'caldav');
}

const resourceTypes = (response: DAVResponse | undefined) => Object.keys((response?.props?.resourcetype as Record<string, unknown> | undefined) ?? {});

/**
 * The calendar collection to read or write: `source.url` itself when it is one, otherwise the first
 * calendar holding events of the account it belongs to (server root or principal).
 */
export async function discoverCalendar(source: CaldavSource, options: { fetch: typeof fetch }): Promise<string> {
  const url = caldavUrl(source);
  const headers = getBasicAuthHeaders({ username: source.username, password: source.password });
  const { fetch: recorded, state } = recordingFetch(options.fetch);
  let probe: DAVResponse[];
  try {
    probe = await propfind({ url, props: { 'd:resourcetype': {}, 'c:supported-calendar-component-set': {} }, depth: '0', headers, fetch: recorded });
  } catch (error) {
    throw caldavFailure(error, url, 'looking at the address');
  }
  throwForStatus(state, url);
  if (resourceTypes(probe[0]).includes('calendar')) return ensureSlash(url);
  try {
    const account = await createAccount({
      account: { serverUrl: url, accountType: 'caldav', credentials: { username: source.username, password: source.password } },
      headers,
      fetch: recorded,
    });
    const calendars = await fetchCalendars({ account, headers, fetch: recorded });
    throwForStatus(state, url);
    const calendar = calendars.find((candidate) => !candidate.components?.length || candidate.components.includes('VEVENT'));
    if (!calendar)
      throw new MentorKitError('not-found', `${hostOf(url)} has no calendar with events for this account: create one, or give the calendar's own address.`, {
        path: PATH,
      });
    return ensureSlash(calendar.url);
  } catch (error) {
    throwForStatus(state, url);
    throw caldavFailure(error, url, 'finding your calendars');
  }
}

const davTime = (instant: string) => `${new Date(instant).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

async function fetchCaldav(source: CaldavSource, window: BusyWindow, options: FetchBusyOptions): Promise<FetchBusyResult> {
  const calendarUrl = await discoverCalendar(source, options);
  const headers = getBasicAuthHeaders({ username: source.username, password: source.password });
  const timeRange = { start: window.from, end: window.to };
  const mode = options.caldavMode ?? 'auto';

  if (mode === 'free-busy' || (mode === 'auto' && !options.ignoreUidSuffix)) {
    const { fetch: recorded, state } = recordingFetch(options.fetch);
    let answer: DAVResponse | undefined;
    try {
      answer = await freeBusyQuery({ url: calendarUrl, timeRange, depth: '1', headers, fetch: recorded });
    } catch (error) {
      if (mode === 'free-busy') throw caldavFailure(error, calendarUrl, 'asking for free/busy times');
    }
    if (state.status === 401 || state.status === 403 || state.status === 429 || state.status >= 500) throwForStatus(state, calendarUrl);
    const raw = typeof answer?.raw === 'string' ? answer.raw : '';
    if (answer?.ok && looksLikeCalendar(raw)) {
      return { status: 'fetched', intervals: busyOf(raw, window, options, calendarUrl), calendarUrl, method: 'free-busy' };
    }
    if (mode === 'free-busy')
      throw new MentorKitError('unsupported', `${hostOf(calendarUrl)} does not answer free/busy queries (HTTP ${state.status}).`, {
        path: PATH,
        details: { status: state.status },
      });
    // Not supported (403/405/501, or no VFREEBUSY): read the events instead.
  }

  const { fetch: recorded, state } = recordingFetch(options.fetch);
  let responses: DAVResponse[];
  try {
    responses = await calendarQuery({
      url: calendarUrl,
      props: { 'd:getetag': {}, 'c:calendar-data': {} },
      filters: {
        'comp-filter': {
          _attributes: { name: 'VCALENDAR' },
          'comp-filter': { _attributes: { name: 'VEVENT' }, 'time-range': { _attributes: { start: davTime(window.from), end: davTime(window.to) } } },
        },
      },
      depth: '1',
      headers,
      fetch: recorded,
    });
  } catch (error) {
    throw caldavFailure(error, calendarUrl, 'reading your events');
  }
  throwForStatus(state, calendarUrl);
  if (state.status !== 207)
    throw new MentorKitError('storage-error', `${hostOf(calendarUrl)} did not answer the calendar query (HTTP ${state.status}).`, {
      path: PATH,
      details: { status: state.status },
    });
  const lists: BusyIntervalText[][] = [];
  for (const response of responses) {
    const data = response.props?.calendarData as unknown;
    const text =
      typeof data === 'string'
        ? data
        : typeof (data as { _cdata?: unknown } | undefined)?._cdata === 'string'
          ? (data as { _cdata: string })._cdata
          : undefined;
    if (!text || !looksLikeCalendar(text)) continue;
    lists.push(busyOf(text, window, options, calendarUrl));
  }
  return { status: 'fetched', intervals: mergeIntervals(lists), calendarUrl, method: 'calendar-query' };
}

/** Busy times of `source` within `window`; see the module comment. */
export async function fetchBusy(source: CalendarSource, window: BusyWindow, options: FetchBusyOptions): Promise<FetchBusyResult> {
  if (source.kind === 'ics-feed') return fetchFeed(source.url, window, options);
  if (source.kind === 'caldav') return fetchCaldav(source, window, options);
  throw new MentorKitError('invalid-input', `Unknown calendar kind "${String((source as { kind?: unknown }).kind)}".`, { path: 'source.kind' });
}

// ─── write-back ──────────────────────────────────────────────────────────────────────────────────

const objectUrl = (calendarUrl: string, uid: string) => `${ensureSlash(calendarUrl)}${encodeURIComponent(uid)}.ics`;

/**
 * Stores one event (a whole VCALENDAR text with one UID, no METHOD) as `<calendar>/<uid>.ics`,
 * overwriting what is there. The calendar is `source.calendarUrl`, or discovered from `source.url`.
 */
export async function putCalDavEvent(
  source: CaldavSource & { calendarUrl?: string },
  event: { uid: string; ics: string },
  options: { fetch: typeof fetch },
): Promise<{ url: string; etag?: string }> {
  if (!event.uid) throw new MentorKitError('invalid-input', 'The event needs a UID.', { path: 'event.uid' });
  if (!looksLikeCalendar(event.ics))
    throw new MentorKitError('invalid-input', 'The event must be an iCalendar text (BEGIN:VCALENDAR …).', { path: 'event.ics' });
  const calendarUrl = source.calendarUrl ?? (await discoverCalendar(source, options));
  const url = objectUrl(calendarUrl, event.uid);
  const response = await options.fetch(url, {
    method: 'PUT',
    headers: { ...getBasicAuthHeaders({ username: source.username, password: source.password }), 'content-type': 'text/calendar; charset=utf-8' },
    body: event.ics,
  });
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    if (response.status === 412 || response.status === 409 || response.status === 415 || response.status === 400) {
      throw new MentorKitError(
        'invalid-input',
        `${hostOf(url)} did not accept the event (HTTP ${response.status}${text ? `: ${text.slice(0, 200).replace(/\s+/g, ' ')}` : ''}).`,
        { path: 'event.ics', details: { status: response.status } },
      );
    }
    throw statusError(response.status, url, 'caldav');
  }
  const etag = response.headers.get('etag');
  return { url, ...(etag ? { etag } : {}) };
}

/** Deletes `<calendar>/<uid>.ics`; one that is already gone (404/410) is fine. */
export async function deleteCalDavEvent(source: CaldavSource & { calendarUrl?: string }, uid: string, options: { fetch: typeof fetch }): Promise<void> {
  if (!uid) throw new MentorKitError('invalid-input', 'The event needs a UID.', { path: 'uid' });
  const calendarUrl = source.calendarUrl ?? (await discoverCalendar(source, options));
  const url = objectUrl(calendarUrl, uid);
  const response = await options.fetch(url, { method: 'DELETE', headers: getBasicAuthHeaders({ username: source.username, password: source.password }) });
  await response.arrayBuffer().catch(() => undefined);
  if (response.ok || response.status === 404 || response.status === 410) return;
  throw statusError(response.status, url, 'caldav');
}
