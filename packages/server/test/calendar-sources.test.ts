/**
 * Calendar sources (src/calendars/sources.ts) on real servers: a real Radicale (scripts/lib/radicale.mjs)
 * for CalDAV — discovery, busy times from events with RRULE/EXDATE/overrides/TRANSP/STATUS, our own
 * sessions left out by UID, write-back PUT/update/delete — and a node:http server on 127.0.0.1 serving
 * an iCalendar feed (ETag/Last-Modified → 304, 401/403/404/503, a web page, oversized, a redirect to a
 * private address). Every request goes through the outbound guard with 127.0.0.1 allowlisted.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { getBasicAuthHeaders, makeCalendar } from 'tsdav';
import { isMentorKitError } from '@mentorkit/core';
import { busyFromICalendar } from '@mentorkit/core/calendar';
import { radicaleUnavailableReason, startRadicale, type RunningRadicale } from '../../../scripts/lib/radicale.mjs';
import {
  deleteCalDavEvent,
  discoverCalendar,
  feedRequestUrl,
  fetchBusy,
  putCalDavEvent,
  withoutUidSuffix,
  type CaldavSource,
} from '../src/calendars/sources.js';
import { createOutboundFetch, isOutboundRefused } from '../src/outbound.js';

const guarded = createOutboundFetch({ allowHosts: ['127.0.0.1'] });
const WINDOW = { from: '2026-12-07T00:00:00Z', to: '2026-12-14T00:00:00Z' };
const OWN = '@mentoring.example.edu';

const calendar = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//MentorKit tests//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
const vevent = (uid: string, lines: string[]) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261201T000000Z', ...lines, 'END:VEVENT'].join('\r\n');

/** A daily 09:00 UTC series, the 9th excluded, the 10th moved to 14:00. */
const SERIES = calendar(
  vevent('daily-standup@example.com', [
    'DTSTART:20261207T090000Z',
    'DTEND:20261207T100000Z',
    'RRULE:FREQ=DAILY;COUNT=5',
    'EXDATE:20261209T090000Z',
    'SUMMARY:Stand-up',
  ]),
  vevent('daily-standup@example.com', ['RECURRENCE-ID:20261210T090000Z', 'DTSTART:20261210T140000Z', 'DTEND:20261210T150000Z', 'SUMMARY:Stand-up (moved)']),
);
const FREE_TIME = calendar(vevent('focus@example.com', ['DTSTART:20261208T120000Z', 'DTEND:20261208T130000Z', 'TRANSP:TRANSPARENT', 'SUMMARY:Focus (free)']));
const CANCELLED = calendar(vevent('cancelled@example.com', ['DTSTART:20261208T150000Z', 'DTEND:20261208T160000Z', 'STATUS:CANCELLED']));
const OUTSIDE = calendar(vevent('later@example.com', ['DTSTART:20270110T090000Z', 'DTEND:20270110T100000Z']));
const ownSession = (sequence: number, start: string, end: string, status = 'CONFIRMED') =>
  calendar(vevent(`session-1${OWN}`, [`SEQUENCE:${sequence}`, `DTSTART:${start}`, `DTEND:${end}`, `STATUS:${status}`, 'SUMMARY:Mentoring']));

const EXPECTED_OTHERS = [
  { start: '2026-12-07T09:00:00Z', end: '2026-12-07T10:00:00Z' },
  { start: '2026-12-08T09:00:00Z', end: '2026-12-08T10:00:00Z' },
  { start: '2026-12-10T14:00:00Z', end: '2026-12-10T15:00:00Z' },
  { start: '2026-12-11T09:00:00Z', end: '2026-12-11T10:00:00Z' },
];
const OWN_BUSY = { start: '2026-12-12T10:00:00Z', end: '2026-12-12T11:00:00Z' };

async function rejectsWith(promise: Promise<unknown>, code: string, message?: RegExp) {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(isMentorKitError(caught), `expected MentorKitError ${code}, got ${caught instanceof Error ? caught.message : String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  if (message) assert.match(caught.message, message);
  return caught;
}

describe('calendar sources: CalDAV on a real Radicale', { skip: radicaleUnavailableReason() }, () => {
  let radicale: RunningRadicale;
  let ana: CaldavSource;
  let workUrl: string;
  before(async () => {
    radicale = await startRadicale({ users: { ana: 'ana-password', kenji: 'kenji-password' } });
    const headers = getBasicAuthHeaders({ username: 'ana', password: 'ana-password' });
    // A tasks-only calendar first (alphabetically): discovery must skip it for the one with events.
    const tasks = await makeCalendar({
      url: `${radicale.url}ana/a-tasks/`,
      props: { 'd:displayname': 'Tasks', 'c:supported-calendar-component-set': { 'c:comp': { _attributes: { name: 'VTODO' } } } },
      headers,
      fetch: guarded,
    });
    assert.equal(tasks[0]?.status, 201, radicale.log());
    workUrl = `${radicale.url}ana/work/`;
    const work = await makeCalendar({ url: workUrl, props: { 'd:displayname': 'Work' }, headers, fetch: guarded });
    assert.equal(work[0]?.status, 201, radicale.log());
    ana = { kind: 'caldav', url: radicale.url, username: 'ana', password: 'ana-password' };
    for (const [uid, ics] of [
      ['daily-standup@example.com', SERIES],
      ['focus@example.com', FREE_TIME],
      ['cancelled@example.com', CANCELLED],
      ['later@example.com', OUTSIDE],
      [`session-1${OWN}`, ownSession(0, '20261212T100000Z', '20261212T110000Z')],
    ] as const) {
      await putCalDavEvent({ ...ana, calendarUrl: workUrl }, { uid, ics }, { fetch: guarded });
    }
  });
  after(() => radicale?.stop());

  it('finds the calendar with events from the server root, the principal or the collection itself', async () => {
    for (const url of [radicale.url, `${radicale.url}ana/`, workUrl, workUrl.slice(0, -1)]) {
      assert.equal(await discoverCalendar({ ...ana, url }, { fetch: guarded }), workUrl, url);
    }
  });

  it('busy times: RRULE, EXDATE and an override count, transparent, cancelled and out-of-window events do not', async () => {
    for (const url of [radicale.url, workUrl]) {
      const result = await fetchBusy({ ...ana, url }, WINDOW, { fetch: guarded, busyFromICalendar });
      assert.equal(result.status, 'fetched');
      assert.equal(result.calendarUrl, workUrl);
      assert.deepEqual(result.intervals, [...EXPECTED_OTHERS, OWN_BUSY]);
      // Radicale 3.1.8 answers a free-busy REPORT with an empty 207: the events are read instead.
      assert.equal(result.method, 'calendar-query');
    }
    await rejectsWith(
      fetchBusy({ ...ana, url: workUrl }, WINDOW, { fetch: guarded, busyFromICalendar, caldavMode: 'free-busy' }),
      'unsupported',
      /does not answer free\/busy queries/,
    );
  });

  it('our own sessions (UID suffix) are not busy', async () => {
    const result = await fetchBusy({ ...ana, url: workUrl }, WINDOW, { fetch: guarded, busyFromICalendar, ignoreUidSuffix: OWN });
    assert.deepEqual(result.intervals, EXPECTED_OTHERS);
    assert.equal(result.method, 'calendar-query');
  });

  it("wrong password, someone else's calendar, a missing calendar: clear errors", async () => {
    await rejectsWith(
      fetchBusy({ ...ana, password: 'wrong' }, WINDOW, { fetch: guarded, busyFromICalendar }),
      'forbidden',
      /refused the user name or password \(401\)/,
    );
    await rejectsWith(
      fetchBusy({ kind: 'caldav', url: workUrl, username: 'kenji', password: 'kenji-password' }, WINDOW, { fetch: guarded, busyFromICalendar }),
      'forbidden',
      /\(403\)/,
    );
    await rejectsWith(
      fetchBusy({ ...ana, url: `${radicale.url}ana/no-such-calendar/` }, WINDOW, { fetch: guarded, busyFromICalendar }),
      'not-found',
      /no calendar at this address/,
    );
    const kenjiHasNone = await rejectsWith(
      fetchBusy({ kind: 'caldav', url: radicale.url, username: 'kenji', password: 'kenji-password' }, WINDOW, { fetch: guarded, busyFromICalendar }),
      'not-found',
      /no calendar with events/,
    );
    assert.doesNotMatch(kenjiHasNone.message, /kenji-password/);
  });

  it('the outbound guard applies: without the allowlist, Radicale on loopback is refused', async () => {
    const error = await fetchBusy(ana, WINDOW, { fetch: createOutboundFetch(), busyFromICalendar }).catch((caught: unknown) => caught);
    assert.ok(isOutboundRefused(error, 'address'), String(error));
  });

  it('write-back: PUT stores the event, a higher SEQUENCE moves it, CANCELLED frees the time, DELETE removes it (twice is fine)', async () => {
    const uid = `session-2${OWN}`;
    const source = { ...ana, url: `${radicale.url}ana/` };
    // Without calendarUrl: discovered.
    const stored = await putCalDavEvent(
      source,
      { uid, ics: calendar(vevent(uid, ['SEQUENCE:0', 'DTSTART:20261213T080000Z', 'DTEND:20261213T090000Z', 'SUMMARY:Mentoring'])) },
      { fetch: guarded },
    );
    assert.equal(stored.url, `${workUrl}session-2%40mentoring.example.edu.ics`);
    assert.ok(stored.etag);
    const readBack = await guarded(stored.url, { headers: getBasicAuthHeaders({ username: 'ana', password: 'ana-password' }) });
    assert.equal(readBack.status, 200);
    assert.match(await readBack.text(), new RegExp(`UID:${uid}`));
    const busyNow = async () => (await fetchBusy({ ...ana, url: workUrl }, WINDOW, { fetch: guarded, busyFromICalendar })).intervals;
    assert.ok((await busyNow()).some((interval) => interval.start === '2026-12-13T08:00:00Z'));

    const moved = await putCalDavEvent(
      { ...ana, calendarUrl: workUrl },
      { uid, ics: calendar(vevent(uid, ['SEQUENCE:1', 'DTSTART:20261213T160000Z', 'DTEND:20261213T170000Z', 'SUMMARY:Mentoring'])) },
      { fetch: guarded },
    );
    assert.equal(moved.url, stored.url);
    assert.notEqual(moved.etag, stored.etag);
    let busy = await busyNow();
    assert.ok(busy.some((interval) => interval.start === '2026-12-13T16:00:00Z' && interval.end === '2026-12-13T17:00:00Z'));
    assert.ok(!busy.some((interval) => interval.start === '2026-12-13T08:00:00Z'), 'one object per UID: the old time is gone');

    await putCalDavEvent(
      { ...ana, calendarUrl: workUrl },
      { uid, ics: calendar(vevent(uid, ['SEQUENCE:2', 'DTSTART:20261213T160000Z', 'DTEND:20261213T170000Z', 'STATUS:CANCELLED'])) },
      { fetch: guarded },
    );
    busy = await busyNow();
    assert.ok(!busy.some((interval) => interval.start.startsWith('2026-12-13')));

    await deleteCalDavEvent({ ...ana, calendarUrl: workUrl }, uid, { fetch: guarded });
    assert.equal((await guarded(stored.url, { headers: getBasicAuthHeaders({ username: 'ana', password: 'ana-password' }) })).status, 404);
    await deleteCalDavEvent({ ...ana, calendarUrl: workUrl }, uid, { fetch: guarded });
    await deleteCalDavEvent(source, `never-written${OWN}`, { fetch: guarded });
    assert.deepEqual(await busyNow(), [...EXPECTED_OTHERS, OWN_BUSY]);

    await rejectsWith(
      putCalDavEvent(
        { ...ana, password: 'wrong', calendarUrl: workUrl },
        { uid, ics: ownSession(3, '20261213T160000Z', '20261213T170000Z') },
        { fetch: guarded },
      ),
      'forbidden',
    );
    await rejectsWith(
      deleteCalDavEvent({ kind: 'caldav', url: workUrl, username: 'kenji', password: 'kenji-password', calendarUrl: workUrl }, `session-1${OWN}`, {
        fetch: guarded,
      }),
      'forbidden',
    );
  });
});

describe('calendar sources: CalDAV free-busy REPORT (a server that supports it)', () => {
  // Radicale 3.1.8 does not answer free-busy queries; this node:http server answers the two
  // requests the free-busy path makes (PROPFIND Depth 0 on the collection, REPORT free-busy-query)
  // as RFC 4791 7.10 describes, to cover parsing the VFREEBUSY reply.
  let server: http.Server;
  let base: string;
  const reports: string[] = [];
  before(async () => {
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        if (request.headers.authorization !== getBasicAuthHeaders({ username: 'ana', password: 'pw' }).authorization) {
          response.writeHead(401, { 'www-authenticate': 'Basic realm="cal"' }).end();
        } else if (request.method === 'PROPFIND') {
          response.writeHead(207, { 'content-type': 'application/xml; charset=utf-8' });
          response.end(
            `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:response><d:href>${request.url}</d:href><d:propstat><d:prop><d:resourcetype><d:collection/><c:calendar/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>`,
          );
        } else if (request.method === 'REPORT' && body.includes('free-busy-query')) {
          reports.push(body);
          response.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
          response.end(
            calendar(
              [
                'BEGIN:VFREEBUSY',
                'DTSTAMP:20261205T000000Z',
                'DTSTART:20261207T000000Z',
                'DTEND:20261214T000000Z',
                'FREEBUSY;FBTYPE=BUSY:20261207T090000Z/20261207T100000Z,20261208T090000Z/PT1H',
                'FREEBUSY;FBTYPE=FREE:20261209T090000Z/20261209T100000Z',
                'FREEBUSY;FBTYPE=BUSY-TENTATIVE:20261210T140000Z/20261210T150000Z',
                'END:VFREEBUSY',
              ].join('\r\n'),
            ),
          );
        } else {
          response.writeHead(501).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads VFREEBUSY busy periods (not FREE) when no UID filter is asked for', async () => {
    const result = await fetchBusy({ kind: 'caldav', url: `${base}/cal/ana/`, username: 'ana', password: 'pw' }, WINDOW, { fetch: guarded, busyFromICalendar });
    assert.equal(result.method, 'free-busy');
    assert.deepEqual(result.intervals, [EXPECTED_OTHERS[0], EXPECTED_OTHERS[1], EXPECTED_OTHERS[2]]);
    assert.match(reports.at(-1) ?? '', /time-range start="20261207T000000Z" end="20261214T000000Z"/);
  });
});

describe('calendar sources: iCalendar feeds', () => {
  let server: http.Server;
  let base: string;
  const feed = calendar(
    vevent('daily-standup@example.com', ['DTSTART:20261207T090000Z', 'DTEND:20261207T100000Z', 'RRULE:FREQ=DAILY;COUNT=5', 'EXDATE:20261209T090000Z']),
    vevent('daily-standup@example.com', ['RECURRENCE-ID:20261210T090000Z', 'DTSTART:20261210T140000Z', 'DTEND:20261210T150000Z']),
    vevent('focus@example.com', ['DTSTART:20261208T120000Z', 'DTEND:20261208T130000Z', 'TRANSP:TRANSPARENT']),
    vevent(`session-1${OWN}`, ['DTSTART:20261212T100000Z', 'DTEND:20261212T110000Z']),
  );
  const LAST_MODIFIED = 'Sat, 05 Dec 2026 08:00:00 GMT';
  before(async () => {
    server = http.createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (path === '/private/abc123secret/basic.ics') {
        if (request.headers['if-none-match'] === '"v1"' || request.headers['if-modified-since'] === LAST_MODIFIED) {
          response.writeHead(304, { etag: '"v1"' }).end();
          return;
        }
        response.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag: '"v1"', 'last-modified': LAST_MODIFIED });
        response.end(feed);
      } else if (path === '/plain.ics') {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        response.end(`\uFEFF${feed}`);
      } else if (path === '/revoked.ics') response.writeHead(401).end('no');
      else if (path === '/forbidden.ics') response.writeHead(403).end('no');
      else if (path === '/gone.ics') response.writeHead(404).end('not here');
      else if (path === '/down.ics') response.writeHead(503).end('later');
      else if (path === '/broken.ics') response.writeHead(200, { 'content-type': 'text/calendar' }).end('BEGIN:VCALENDAR\r\nthis is not a property\r\n');
      else if (path === '/page') response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Calendar settings</title>');
      else if (path === '/huge.ics') {
        response.writeHead(200, { 'content-type': 'text/calendar' });
        response.end(
          calendar(
            ...Array.from({ length: 20_000 }, (_, index) =>
              vevent(`e${index}@example.com`, ['DTSTART:20261207T090000Z', 'DTEND:20261207T100000Z', `DESCRIPTION:${'x'.repeat(300)}`]),
            ),
          ),
        );
      } else if (path === '/moved.ics') response.writeHead(301, { location: 'http://10.0.0.5/private/feed.ics' }).end();
      else if (path === '/metadata.ics') response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches busy times with ETag and Last-Modified; an unchanged feed is a 304 (not-modified)', async () => {
    const url = `${base}/private/abc123secret/basic.ics`;
    const first = await fetchBusy({ kind: 'ics-feed', url }, WINDOW, { fetch: guarded, busyFromICalendar });
    assert.deepEqual(first, { status: 'fetched', etag: '"v1"', lastModified: LAST_MODIFIED, intervals: [...EXPECTED_OTHERS, OWN_BUSY] });
    const again = await fetchBusy({ kind: 'ics-feed', url }, WINDOW, { fetch: guarded, busyFromICalendar, etag: first.etag! });
    assert.deepEqual(again, { status: 'not-modified', etag: '"v1"', intervals: [] });
    const bySince = await fetchBusy({ kind: 'ics-feed', url }, WINDOW, { fetch: guarded, busyFromICalendar, lastModified: LAST_MODIFIED });
    assert.equal(bySince.status, 'not-modified');
    assert.equal(bySince.lastModified, LAST_MODIFIED);
  });

  it('our own sessions (UID suffix) are not busy; any content type is fine when the text is a calendar', async () => {
    const own = await fetchBusy({ kind: 'ics-feed', url: `${base}/private/abc123secret/basic.ics` }, WINDOW, {
      fetch: guarded,
      busyFromICalendar,
      ignoreUidSuffix: OWN,
    });
    assert.deepEqual(own.intervals, EXPECTED_OTHERS);
    const plain = await fetchBusy({ kind: 'ics-feed', url: `${base}/plain.ics` }, WINDOW, { fetch: guarded, busyFromICalendar });
    assert.deepEqual(plain.intervals, [...EXPECTED_OTHERS, OWN_BUSY]);
  });

  it('HTTP errors become errors a person can act on, naming the host only', async () => {
    const revoked = await rejectsWith(
      fetchBusy({ kind: 'ics-feed', url: `${base}/revoked.ics?token=abc123secret` }, WINDOW, { fetch: guarded, busyFromICalendar }),
      'forbidden',
      /the calendar address is no longer valid/i,
    );
    await rejectsWith(
      fetchBusy({ kind: 'ics-feed', url: `${base}/forbidden.ics` }, WINDOW, { fetch: guarded, busyFromICalendar }),
      'forbidden',
      /no longer valid \(127\.0\.0\.1:\d+ answered 403\)/,
    );
    await rejectsWith(
      fetchBusy({ kind: 'ics-feed', url: `${base}/gone.ics` }, WINDOW, { fetch: guarded, busyFromICalendar }),
      'not-found',
      /no calendar at this address/,
    );
    await rejectsWith(fetchBusy({ kind: 'ics-feed', url: `${base}/down.ics` }, WINDOW, { fetch: guarded, busyFromICalendar }), 'storage-error', /try later/);
    await rejectsWith(
      fetchBusy({ kind: 'ics-feed', url: `${base}/page` }, WINDOW, { fetch: guarded, busyFromICalendar }),
      'invalid-input',
      /sent a web page, not a calendar/,
    );
    await rejectsWith(
      fetchBusy({ kind: 'ics-feed', url: `${base}/broken.ics` }, WINDOW, { fetch: guarded, busyFromICalendar }),
      'invalid-input',
      /^127\.0\.0\.1:\d+ sent something that could not be read as a calendar \(.*line 2/,
    );
    await rejectsWith(
      fetchBusy({ kind: 'ics-feed', url: 'ftp://calendar.example.com/feed.ics' }, WINDOW, { fetch: guarded, busyFromICalendar }),
      'invalid-input',
      /https:\/\/ or webcal:\/\//,
    );
    assert.doesNotMatch(revoked.message, /abc123secret/);
    assert.equal(revoked.path, 'source.url');
  });

  it('an oversized feed and a redirect to a private address are refused by the guard', async () => {
    const small = createOutboundFetch({ allowHosts: ['127.0.0.1'], maxBytes: 1024 * 1024 });
    const tooBig = await fetchBusy({ kind: 'ics-feed', url: `${base}/huge.ics` }, WINDOW, { fetch: small, busyFromICalendar }).catch((error: unknown) => error);
    assert.ok(isOutboundRefused(tooBig, 'too-large'), String(tooBig));
    for (const path of ['/moved.ics', '/metadata.ics']) {
      const refused = await fetchBusy({ kind: 'ics-feed', url: `${base}${path}` }, WINDOW, { fetch: guarded, busyFromICalendar }).catch(
        (error: unknown) => error,
      );
      assert.ok(isOutboundRefused(refused, 'address'), String(refused));
      assert.doesNotMatch((refused as Error).message, /private\/feed|meta-data/);
    }
    // Without the allowlist the feed server itself (loopback) is refused.
    const loopback = await fetchBusy({ kind: 'ics-feed', url: `${base}/private/abc123secret/basic.ics` }, WINDOW, {
      fetch: createOutboundFetch(),
      busyFromICalendar,
    }).catch((error: unknown) => error);
    assert.ok(isOutboundRefused(loopback, 'address'), String(loopback));
    assert.doesNotMatch((loopback as Error).message, /abc123secret/);
  });

  it('webcal:// is read as https://; withoutUidSuffix drops every VEVENT of our UIDs, folded lines included', () => {
    assert.equal(feedRequestUrl('webcal://p01-caldav.icloud.com/published/2/abc'), 'https://p01-caldav.icloud.com/published/2/abc');
    assert.equal(feedRequestUrl('webcals://calendar.example.com/x.ics'), 'https://calendar.example.com/x.ics');
    assert.equal(feedRequestUrl(' https://calendar.example.com/x.ics '), 'https://calendar.example.com/x.ics');
    const folded = calendar(
      vevent('keep@example.com', ['DTSTART:20261207T090000Z']),
      [
        'BEGIN:VEVENT',
        'UID:session-9@mentoring.exam',
        ' ple.edu',
        'DTSTART:20261207T100000Z',
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'END:VALARM',
        'END:VEVENT',
      ].join('\r\n'),
    );
    const filtered = withoutUidSuffix(folded, OWN);
    assert.match(filtered, /UID:keep@example\.com/);
    assert.doesNotMatch(filtered, /session-9|VALARM/);
    assert.match(filtered, /END:VCALENDAR/);
    assert.equal(withoutUidSuffix(folded, undefined), folded);
  });
});
