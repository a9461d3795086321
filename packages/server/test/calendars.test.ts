// Calendars both ways (issue 16) on the real server, a real PostgreSQL, a real CalDAV server
// (Radicale) and a real HTTP server serving an iCalendar feed: people connect their calendars, only
// busy intervals leave the server, the outbound guard refuses private addresses, booked sessions are
// written into CalDAV calendars and published as a signed, revocable feed.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { Collections } from '@mentorkit/core';
import { seedDemoProgram } from '../../../examples/shared/demo-program.js';
import { radicaleUnavailableReason, startRadicale } from '../../../scripts/lib/radicale.mjs';
import { createMentorKitServer, type MentorKitServer } from '../src/server.js';
import { createPostgresStorage } from '../src/store.js';
import { as, asService, eventually, skipReason, startTestBackend, type TestBackend } from './support.js';

const skip = skipReason() ?? radicaleUnavailableReason();
const LUCIA = 'lucia-fernandez'; // mentee of pairing-lucia (mentors kenji-watanabe, arjun-shrestha)
const KENJI = 'kenji-watanabe';
const DANIEL = 'daniel-kim'; // another pair's mentee

const stamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const DAY = 86_400_000;
/** Tomorrow 10:00 UTC (an instant inside the server's busy window). */
const tomorrowAt = (hour: number) => Math.floor(Date.now() / DAY) * DAY + DAY + hour * 3_600_000;

function icsWith(events: Array<{ uid: string; start: number; end: number; summary: string; transparent?: boolean }>) {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//feed//EN',
    ...events.flatMap((event) => [
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp(Date.now())}`,
      `DTSTART:${stamp(event.start)}`,
      `DTEND:${stamp(event.end)}`,
      `SUMMARY:${event.summary}`,
      ...(event.transparent ? ['TRANSP:TRANSPARENT'] : []),
      'ATTENDEE;CN=Dr Secret:mailto:dr.secret@clinic.example',
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** A calendar app's "secret address": an HTTP server with ETags, whose answer the test changes. */
async function startFeedServer() {
  const state = { body: '', etag: '"1"', status: 200, delayMs: 0, requests: [] as Array<{ url: string; ifNoneMatch?: string }> };
  const server = http.createServer(async (request, response) => {
    if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    state.requests.push({ url: request.url ?? '', ...(request.headers['if-none-match'] ? { ifNoneMatch: String(request.headers['if-none-match']) } : {}) });
    if (state.status !== 200) {
      response.writeHead(state.status).end('no');
      return;
    }
    if (request.headers['if-none-match'] === state.etag) {
      response.writeHead(304, { ETag: state.etag }).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8', ETag: state.etag }).end(state.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/calendar/private-5f2a9c/basic.ics`;
  return { state, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('calendars on the server: import, write-back and the session feed', { skip: skip ?? false }, () => {
  let backend: TestBackend;
  let radicale: Awaited<ReturnType<typeof startRadicale>>;
  let feed: Awaited<ReturnType<typeof startFeedServer>>;
  const secretKey = randomBytes(32).toString('base64');

  before(async () => {
    radicale = await startRadicale({ users: { lucia: 'lucia-caldav-password', kenji: 'kenji-caldav-password' } });
    feed = await startFeedServer();
    backend = await startTestBackend({ secretKey, fetchAllowHosts: ['127.0.0.1'], calendarWorkIntervalMs: 500, publicUrl: 'https://mentoring.example.edu' });
    assert.equal(await seedDemoProgram(createPostgresStorage(backend.pool)), true);
  });
  after(async () => {
    await backend?.close();
    await radicale?.stop();
    await feed?.close();
  });

  const call = async (personId: string | 'service' | undefined, method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = {
      ...(personId === 'service' ? asService : personId ? as(personId) : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    };
    const response = await fetch(`${backend.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json, text, headers: response.headers };
  };
  const busyOf = (reader: string, personId: string) => call(reader, 'GET', `/collections/${Collections.calendarBusy}/records/${personId}`);

  test('an iCalendar address: busy intervals only, read by the person and their partners; stored encrypted', async () => {
    const start = tomorrowAt(10);
    feed.state.body = icsWith([
      { uid: 'dentist-1', start, end: start + 3_600_000, summary: 'Dentist appointment' },
      { uid: 'free-1', start: start + 4 * 3_600_000, end: start + 5 * 3_600_000, summary: 'Focus time', transparent: true },
    ]);
    const connected = await call(LUCIA, 'POST', '/calendars', { kind: 'ics-feed', url: feed.url, label: 'Personal' });
    assert.equal(connected.status, 201, connected.text);
    assert.equal(connected.json.busyCount, 1);
    assert.equal(connected.json.label, 'Personal');
    assert.equal(connected.json.where, 'http://127.0.0.1:' + new URL(feed.url).port + '/…', 'the secret part of the address is never shown');
    assert.equal(connected.text.includes('private-5f2a9c'), false);

    const asKenji = await busyOf(KENJI, LUCIA);
    assert.equal(asKenji.status, 200);
    assert.deepEqual(asKenji.json.intervals, [
      { start: new Date(start).toISOString().replace('.000Z', 'Z'), end: new Date(start + 3_600_000).toISOString().replace('.000Z', 'Z') },
    ]);
    assert.equal(asKenji.json.calendars[0].status, 'ok');
    for (const secret of ['Dentist', 'dr.secret', 'Focus', 'private-5f2a9c'])
      assert.equal(asKenji.text.includes(secret), false, `${secret} must not leave the server`);
    assert.equal((await busyOf(DANIEL, LUCIA)).status, 404, 'someone not paired with Lucía does not see her busy times (and cannot tell they exist)');

    const { rows } = await backend.pool.query<{ secret: string; intervals: unknown }>(
      'SELECT secret, intervals FROM mk_calendar_connections WHERE person_id = $1',
      [LUCIA],
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.secret.includes('private-5f2a9c'), false, 'the address is stored encrypted');
    assert.equal(JSON.stringify(rows[0]).includes('Dentist'), false);

    // Nobody writes busy times by hand: not Lucía, not Kenji.
    const forged = { ...asKenji.json, intervals: [] };
    assert.equal((await call(LUCIA, 'PUT', `/collections/${Collections.calendarBusy}/records/${LUCIA}`, forged)).status, 403);
  });

  test('refreshing asks with the ETag (an unchanged calendar costs a 304), picks up changes, and keeps the last busy times while failing', async () => {
    const list = await call(LUCIA, 'GET', '/calendars');
    const id = list.json.calendars[0].id as string;
    await backend.pool.query("UPDATE mk_calendar_connections SET checked_at = now() - interval '1 hour'");
    const before = feed.state.requests.length;
    const same = await call(LUCIA, 'POST', `/calendars/${id}/refresh`);
    assert.equal(same.status, 200, same.text);
    assert.equal(feed.state.requests.at(-1)!.ifNoneMatch, '"1"');
    assert.equal(feed.state.requests.length, before + 1);
    assert.equal(same.json.busyCount, 1);

    const start = tomorrowAt(13);
    feed.state.body = icsWith([
      { uid: 'lunch', start, end: start + 1_800_000, summary: 'Lunch with the board' },
      { uid: 'dentist-1', start: tomorrowAt(10), end: tomorrowAt(11), summary: 'Dentist' },
    ]);
    feed.state.etag = '"2"';
    await backend.pool.query("UPDATE mk_calendar_connections SET checked_at = now() - interval '1 hour'");
    const changed = await call(LUCIA, 'POST', `/calendars/${id}/refresh`);
    assert.equal(changed.json.busyCount, 2);
    assert.equal((await busyOf(KENJI, LUCIA)).json.intervals.length, 2);

    feed.state.status = 500;
    await backend.pool.query("UPDATE mk_calendar_connections SET checked_at = now() - interval '1 hour'");
    const failing = await call(LUCIA, 'POST', `/calendars/${id}/refresh`);
    assert.equal(failing.json.status, 'failing');
    assert.match(failing.json.problem, /\S/);
    assert.equal(failing.json.busyCount, 2, 'the busy times of the last good read stay');
    const record = (await busyOf(KENJI, LUCIA)).json;
    assert.equal(record.calendars[0].status, 'failing');
    assert.equal(record.intervals.length, 2);
    feed.state.status = 200;
    assert.ok(
      backend.logs.some((line) => line.includes('could not be read') && !line.includes('private-5f2a9c')),
      'the operator is told, without the secret address',
    );
  });

  test('the background work re-reads calendars due for it', async () => {
    const start = tomorrowAt(15);
    feed.state.body = icsWith([{ uid: 'late', start, end: start + 3_600_000, summary: 'Late meeting' }]);
    feed.state.etag = '"3"';
    await backend.pool.query("UPDATE mk_calendar_connections SET checked_at = now() - interval '2 hours'");
    await eventually(
      () => busyOf(KENJI, LUCIA),
      (answer) => answer.json?.intervals?.length === 1 && answer.json.calendars[0].status === 'ok',
      'the calendar is read again by itself',
    );
  });

  test('the guard: private and loopback addresses are refused unless allowed, and other schemes never', async () => {
    const strict: MentorKitServer = createMentorKitServer({
      pool: backend.pool,
      jwtSecret: 'test-jwt-secret-shared-with-the-host-0123456789',
      secretKey,
      calendarWorkIntervalMs: 2_000_000_000,
    });
    const url = await strict.listen(0);
    try {
      for (const address of [
        feed.url,
        'http://localhost:9/x.ics',
        'http://169.254.169.254/latest/meta-data/',
        'http://[::1]/x.ics',
        'http://10.0.0.8/cal.ics',
        'http://2130706433/x.ics',
        'http://[::ffff:127.0.0.1]/x.ics',
      ]) {
        const response = await fetch(`${url}/calendars`, {
          method: 'POST',
          headers: { ...as(DANIEL), 'Content-Type': 'application/json' },
          body: JSON.stringify({ kind: 'ics-feed', url: address }),
        });
        const body = (await response.json()) as { message: string };
        assert.equal(response.status, 422, `${address}: ${JSON.stringify(body)}`);
        assert.match(body.message, /could not be read/i);
      }
      for (const address of [
        'file:///etc/passwd',
        'ftp://example.com/x.ics',
        'gopher://127.0.0.1:6379/_INFO',
        'javascript:alert(1)',
        'https://user:pass@calendar.example.com/x.ics',
      ]) {
        const response = await fetch(`${url}/calendars`, {
          method: 'POST',
          headers: { ...as(DANIEL), 'Content-Type': 'application/json' },
          body: JSON.stringify({ kind: 'ics-feed', url: address }),
        });
        assert.equal(response.status, 400, address);
      }
      const { rows } = await backend.pool.query('SELECT 1 FROM mk_calendar_connections WHERE person_id = $1', [DANIEL]);
      assert.equal(rows.length, 0, 'nothing is kept of a calendar that could not be read');
    } finally {
      await strict.close();
    }
  });

  test("calendars are each person's own: others cannot see, refresh or remove them; services have none; bad input is refused in words", async () => {
    const id = (await call(LUCIA, 'GET', '/calendars')).json.calendars[0].id as string;
    assert.deepEqual((await call(KENJI, 'GET', '/calendars')).json, { calendars: [] });
    assert.equal((await call(KENJI, 'POST', `/calendars/${id}/refresh`)).status, 404);
    assert.equal((await call(KENJI, 'DELETE', `/calendars/${id}`)).status, 404);
    assert.equal((await call('service', 'GET', '/calendars')).status, 403);
    assert.equal((await call(undefined, 'GET', '/calendars')).status, 401);
    const refused = async (body: unknown, path: string) => {
      const answer = await call(KENJI, 'POST', '/calendars', body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(answer.json.path, path, JSON.stringify(answer.json));
    };
    await refused({ kind: 'google', url: feed.url }, 'kind');
    await refused({ kind: 'ics-feed' }, 'url');
    await refused({ kind: 'ics-feed', url: `${feed.url}?${'x'.repeat(3000)}` }, 'url');
    await refused({ kind: 'caldav', url: radicale.url }, 'username');
    await refused({ kind: 'ics-feed', url: feed.url, writeBack: true }, 'writeBack');
    await refused({ kind: 'ics-feed', url: feed.url, label: 'a\nb' }, 'label');
    assert.equal((await call(KENJI, 'POST', '/calendars', '{"kind": "ics-feed", "url": ' + '['.repeat(50) + ']'.repeat(50) + '}')).status, 400);
    const hostile = await call(KENJI, 'POST', '/calendars', { kind: 'ics-feed', url: feed.url, label: '<img src=x onerror=alert(1)>' });
    assert.equal(hostile.status, 201);
    assert.equal(hostile.json.label, '<img src=x onerror=alert(1)>', 'kept as text; the elements show it as text');
    assert.equal((await call(KENJI, 'DELETE', `/calendars/${hostile.json.id}`)).status, 200);
    assert.equal((await busyOf(KENJI, KENJI)).status, 404, 'no calendar left: no busy record');
  });

  test('CalDAV (Radicale): busy times read, booked sessions written, moved with a higher SEQUENCE, cancelled, removed', async () => {
    const auth = `Basic ${Buffer.from('lucia:lucia-caldav-password').toString('base64')}`;
    const calendarUrl = `${radicale.url}/lucia/work/`;
    const made = await fetch(calendarUrl, { method: 'MKCALENDAR', headers: { Authorization: auth } });
    assert.ok(made.status === 201 || made.status === 405, `MKCALENDAR answered ${made.status}`);
    const start = tomorrowAt(8);
    const put = await fetch(`${calendarUrl}standup.ics`, {
      method: 'PUT',
      headers: { Authorization: auth, 'Content-Type': 'text/calendar; charset=utf-8' },
      body: icsWith([{ uid: 'standup', start, end: start + 1_800_000, summary: 'Team stand-up' }]),
    });
    assert.ok(put.ok, `PUT answered ${put.status}`);

    const wrong = await call(LUCIA, 'POST', '/calendars', { kind: 'caldav', url: calendarUrl, username: 'lucia', password: 'wrong' });
    assert.equal(wrong.status, 422, wrong.text);
    assert.equal(wrong.text.includes('wrong'), false, 'the password is never echoed');

    const connected = await call(LUCIA, 'POST', '/calendars', {
      kind: 'caldav',
      url: calendarUrl,
      username: 'lucia',
      password: 'lucia-caldav-password',
      label: 'Work',
      writeBack: true,
    });
    assert.equal(connected.status, 201, connected.text);
    assert.equal(connected.json.busyCount, 1);
    assert.equal(connected.json.writeBack, true);
    const { rows } = await backend.pool.query<{ secret: string }>("SELECT secret FROM mk_calendar_connections WHERE kind = 'caldav'");
    assert.equal(rows[0]!.secret.includes('lucia-caldav-password'), false, 'the CalDAV password is stored encrypted');
    assert.ok((await busyOf(KENJI, LUCIA)).json.intervals.some((interval: { start: string }) => Date.parse(interval.start) === start));

    // Lucía books a session: it appears in her CalDAV calendar.
    const sessionStart = tomorrowAt(14);
    const session = {
      id: 'session-caldav',
      pairingId: 'pairing-lucia',
      title: 'Mentoring with Kenji',
      start: new Date(sessionStart).toISOString(),
      end: new Date(sessionStart + 3_600_000).toISOString(),
      timeZone: 'Europe/Madrid',
      organizerId: LUCIA,
    };
    const booked = await call(LUCIA, 'PUT', `/collections/sessions/records/${session.id}`, session);
    assert.equal(booked.status, 201, booked.text);
    const readCalendar = async () => {
      const response = await fetch(calendarUrl, { headers: { Authorization: auth } });
      return response.text();
    };
    const eventOf = (text: string) => {
      const component = new ICAL.Component(ICAL.parse(text));
      return component.getAllSubcomponents('vevent').find((event) => String(event.getFirstPropertyValue('uid')).startsWith('session-caldav@'));
    };
    const written = eventOf(await eventually(readCalendar, (text) => eventOf(text) !== undefined, 'the booked session is written into Radicale'))!;
    assert.equal(String(written.getFirstPropertyValue('uid')), 'session-caldav@mentoring.example.edu');
    assert.equal(String(written.getFirstPropertyValue('summary')), 'Mentoring with Kenji');
    const firstSequence = Number(written.getFirstPropertyValue('sequence'));

    // Moved: the same event, a higher SEQUENCE, the new time.
    const moved = { ...booked.json, start: new Date(sessionStart + 3_600_000).toISOString(), end: new Date(sessionStart + 7_200_000).toISOString() };
    assert.equal((await call(LUCIA, 'PUT', `/collections/sessions/records/${session.id}`, moved)).status, 200);
    const movedEvent = eventOf(
      await eventually(readCalendar, (text) => Number(eventOf(text)?.getFirstPropertyValue('sequence')) > firstSequence, 'the moved session is rewritten'),
    )!;
    assert.equal((movedEvent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime(), sessionStart + 3_600_000);

    // Cancelled: STATUS:CANCELLED, so calendars take it off.
    const stored = (await call(LUCIA, 'GET', `/collections/sessions/records/${session.id}`)).json;
    assert.equal(
      (await call(LUCIA, 'PUT', `/collections/sessions/records/${session.id}`, { ...stored, status: 'cancelled', statusChangedAt: new Date().toISOString() }))
        .status,
      200,
    );
    await eventually(
      readCalendar,
      (text) => String(eventOf(text)?.getFirstPropertyValue('status')) === 'CANCELLED',
      'the cancelled session is marked cancelled in Radicale',
    );

    // Removed: the event goes.
    assert.equal((await call(LUCIA, 'DELETE', `/collections/sessions/records/${session.id}`)).status, 200);
    await eventually(readCalendar, (text) => eventOf(text) === undefined, 'the removed session is deleted from Radicale');
    const { rows: queued } = await backend.pool.query('SELECT * FROM mk_calendar_writes');
    assert.equal(queued.length, 0, 'nothing is left waiting');
  });

  test('write-back follows who takes part: never a stranger, and a person left out gets the event removed', async () => {
    const auth = `Basic ${Buffer.from('lucia:lucia-caldav-password').toString('base64')}`;
    const calendarUrl = `${radicale.url}/lucia/work/`;
    const readCalendar = async () => (await fetch(calendarUrl, { headers: { Authorization: auth } })).text();
    const has = (text: string, id: string) => text.includes(`UID:${id}@`);
    const start = tomorrowAt(17);
    const session = {
      id: 'session-participants',
      pairingId: 'pairing-lucia',
      title: 'Mentors only',
      start: new Date(start).toISOString(),
      end: new Date(start + 1_800_000).toISOString(),
      timeZone: 'Asia/Tokyo',
      organizerId: KENJI,
      participantIds: [KENJI, 'arjun-shrestha'],
    };
    // A stranger as a participant is refused by the policy: nobody can make the server write into Daniel's calendar.
    const stranger = await call(KENJI, 'PUT', `/collections/sessions/records/${session.id}`, { ...session, participantIds: [KENJI, DANIEL] });
    assert.equal(stranger.status, 403, stranger.text);
    assert.match(stranger.json.message, /Only people of this pairing/);
    // Lucía does not take part: nothing is written into her calendar.
    const created = await call(KENJI, 'PUT', `/collections/sessions/records/${session.id}`, session);
    assert.equal(created.status, 201, created.text);
    await eventually(
      async () => (await backend.pool.query('SELECT 1 FROM mk_calendar_writes')).rows.length,
      (left) => left === 0,
      'the queue is empty',
    );
    assert.equal(has(await readCalendar(), session.id), false);
    // She is added: the event appears; she is left out again: it goes.
    const withLucia = await call(KENJI, 'PUT', `/collections/sessions/records/${session.id}`, { ...created.json, participantIds: [KENJI, LUCIA] });
    assert.equal(withLucia.status, 200, withLucia.text);
    await eventually(readCalendar, (text) => has(text, session.id), 'the session is written once Lucía takes part');
    assert.equal((await call(KENJI, 'PUT', `/collections/sessions/records/${session.id}`, { ...withLucia.json, participantIds: [KENJI] })).status, 200);
    await eventually(readCalendar, (text) => !has(text, session.id), 'the event is removed once she no longer takes part');
  });

  test('the session feed: a signed address that works without signing in, valid iCalendar, revocable', async () => {
    const sessionStart = tomorrowAt(16);
    const session = {
      id: 'session-feed',
      pairingId: 'pairing-lucia',
      title: 'Feed session',
      start: new Date(sessionStart).toISOString(),
      end: new Date(sessionStart + 3_600_000).toISOString(),
      timeZone: 'Europe/Madrid',
      organizerId: LUCIA,
    };
    assert.equal((await call(LUCIA, 'PUT', `/collections/sessions/records/${session.id}`, session)).status, 201);
    assert.deepEqual((await call(LUCIA, 'GET', '/calendars/feed')).json, { url: null }, 'reading makes no address');
    const first = await call(LUCIA, 'POST', '/calendars/feed');
    assert.equal(first.status, 200, first.text);
    assert.match(first.json.url, /^https:\/\/mentoring\.example\.edu\/feeds\/[A-Za-z0-9_-]{24}\.[A-Za-z0-9_-]{22}\.ics$/);
    assert.equal((await call(LUCIA, 'POST', '/calendars/feed')).json.url, first.json.url, 'asking again gives the same address');
    assert.equal((await call(LUCIA, 'GET', '/calendars/feed')).json.url, first.json.url);
    const path = new URL(first.json.url).pathname;
    const fetched = await fetch(`${backend.url}${path}`);
    assert.equal(fetched.status, 200);
    assert.match(fetched.headers.get('content-type') ?? '', /^text\/calendar/);
    const text = await fetched.text();
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    const mine = events.find((event) => String(event.getFirstPropertyValue('uid')) === 'session-feed@mentoring.example.edu');
    assert.ok(mine, 'the booked session is in the feed');
    assert.equal((mine!.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime(), sessionStart);
    // Kenji, a mentor of the pairing, gets it in his own feed; Daniel does not.
    const kenjiFeed = await fetch(`${backend.url}${new URL((await call(KENJI, 'POST', '/calendars/feed')).json.url).pathname}`);
    assert.ok((await kenjiFeed.text()).includes('session-feed@'));
    const danielFeed = await fetch(`${backend.url}${new URL((await call(DANIEL, 'POST', '/calendars/feed')).json.url).pathname}`);
    assert.equal((await danielFeed.text()).includes('session-feed@'), false);

    // Each event of the feed, with its time zone, is a calendar object a real CalDAV server accepts.
    const auth = `Basic ${Buffer.from('kenji:kenji-caldav-password').toString('base64')}`;
    await fetch(`${radicale.url}/kenji/imported/`, { method: 'MKCALENDAR', headers: { Authorization: auth } });
    const feedCalendar = new ICAL.Component(ICAL.parse(text));
    for (const [index, event] of events.entries()) {
      const object = new ICAL.Component('vcalendar');
      object.addPropertyWithValue('version', '2.0');
      object.addPropertyWithValue('prodid', String(feedCalendar.getFirstPropertyValue('prodid')));
      for (const zone of feedCalendar.getAllSubcomponents('vtimezone')) object.addSubcomponent(zone);
      object.addSubcomponent(event);
      const accepted = await fetch(`${radicale.url}/kenji/imported/event-${index}.ics`, {
        method: 'PUT',
        headers: { Authorization: auth, 'Content-Type': 'text/calendar; charset=utf-8' },
        body: object.toString(),
      });
      assert.ok(accepted.status === 201 || accepted.status === 204, `Radicale refused event ${index} of the feed: ${accepted.status} ${await accepted.text()}`);
    }

    const [idPart, signature] = path
      .split('/')
      .pop()!
      .replace(/\.ics$/, '')
      .split('.');
    const tampered = `/feeds/${idPart}.${signature!.slice(0, -1)}${signature!.endsWith('A') ? 'B' : 'A'}.ics`;
    assert.equal((await fetch(`${backend.url}${tampered}`)).status, 404, 'a changed signature does not work');
    assert.equal((await fetch(`${backend.url}/feeds/nonsense.ics`)).status, 404);

    const rotated = await call(LUCIA, 'POST', '/calendars/feed/rotate');
    assert.notEqual(rotated.json.url, first.json.url);
    assert.equal((await fetch(`${backend.url}${path}`)).status, 404, 'the old address stops working');
    assert.equal((await fetch(`${backend.url}${new URL(rotated.json.url).pathname}`)).status, 200);
    assert.equal((await call(LUCIA, 'DELETE', '/calendars/feed')).status, 200);
    assert.equal((await fetch(`${backend.url}${new URL(rotated.json.url).pathname}`)).status, 404, 'a stopped feed does not work');
  });

  test('reads a person starts are limited: one at a time, ten connection attempts in ten minutes', async () => {
    const ARJUN = 'arjun-shrestha';
    feed.state.delayMs = 3000;
    const [first, second] = await Promise.all([
      call(ARJUN, 'POST', '/calendars', { kind: 'ics-feed', url: feed.url }),
      new Promise((resolve) => setTimeout(resolve, 300)).then(() => call(ARJUN, 'POST', '/calendars', { kind: 'ics-feed', url: feed.url })),
    ]);
    feed.state.delayMs = 0;
    assert.deepEqual([first.status, second.status].sort(), [201, 429], 'a second read while one runs waits its turn');
    assert.match((first.status === 429 ? first : second).json.message, /being read right now/);
    feed.state.status = 404;
    for (let index = 0; index < 9; index++) assert.equal((await call(ARJUN, 'POST', '/calendars', { kind: 'ics-feed', url: feed.url })).status, 422);
    const eleventh = await call(ARJUN, 'POST', '/calendars', { kind: 'ics-feed', url: feed.url });
    feed.state.status = 200;
    assert.equal(eleventh.status, 429);
    assert.match(eleventh.json.message, /10 calendars in the last 10 minutes/);
    assert.equal((await call(ARJUN, 'POST', '/calendars', { kind: 'ics-feed' })).status, 400, 'input errors are still said at once');
  });

  test('five calendars at most', async () => {
    for (let index = 0; index < 5; index++)
      assert.equal((await call(DANIEL, 'POST', '/calendars', { kind: 'ics-feed', url: feed.url, label: `Feed ${index}` })).status, 201);
    const sixth = await call(DANIEL, 'POST', '/calendars', { kind: 'ics-feed', url: feed.url });
    assert.equal(sixth.status, 409);
    assert.match(sixth.json.message, /disconnect one first/);
  });
});
