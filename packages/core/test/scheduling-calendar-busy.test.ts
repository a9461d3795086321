// Issue 16: busy times from people's own calendars join the scheduler, and a time someone's calendar
// holds says whose calendar — never what is in it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryStorage, createMentorKit, isMentorKitError, prepareRecord } from '@mentorkit/core';
import { calendarBlockedSlots, calendarBusyFeature, findCommonSlots, offsetAt, offsetTransitions, withCalendarBusy } from '@mentorkit/core/scheduling';

const WEEKDAYS_9_TO_5 = { 1: ['09:00-17:00'], 2: ['09:00-17:00'], 3: ['09:00-17:00'], 4: ['09:00-17:00'], 5: ['09:00-17:00'] };
const lucia = { id: 'lucia', timeZone: 'Europe/Madrid', workingHours: WEEKDAYS_9_TO_5 };
const kenji = { id: 'kenji', timeZone: 'Europe/Madrid', workingHours: WEEKDAYS_9_TO_5 };
// Monday 2026-12-07, Madrid is UTC+1: working hours 08:00–16:00 UTC.
const day = { from: '2026-12-07T00:00:00Z', to: '2026-12-08T00:00:00Z', durationMinutes: 60, stepMinutes: 60 };

describe('withCalendarBusy and calendarBlockedSlots', () => {
  const calendars = {
    kenji: [{ start: '2026-12-07T09:00:00Z', end: '2026-12-07T10:30:00Z' }],
    lucia: [
      { start: '2026-12-07T10:00:00Z', end: '2026-12-07T11:00:00Z' },
      { start: '2026-12-07T14:00:00Z', end: '2026-12-07T14:15:00Z' },
    ],
  };

  test('free slots leave out every time a calendar holds; the blocked ones say whose calendar', () => {
    const all = findCommonSlots({ participants: [lucia, kenji], ...day }).map((slot) => slot.start.slice(11, 16));
    assert.deepEqual(all, ['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00']);
    const free = findCommonSlots({ participants: withCalendarBusy([lucia, kenji], calendars), ...day }).map((slot) => slot.start.slice(11, 16));
    assert.deepEqual(free, ['08:00', '11:00', '12:00', '13:00', '15:00']);
    const blocked = calendarBlockedSlots({ participants: [lucia, kenji], ...day }, calendars).map((slot) => [slot.start.slice(11, 16), slot.blockedBy]);
    assert.deepEqual(blocked, [
      ['09:00', ['kenji']],
      ['10:00', ['lucia', 'kenji']],
      ['14:00', ['lucia']],
    ]);
    // Together they are exactly the slots without calendars.
    assert.deepEqual([...free, ...blocked.map(([start]) => start)].sort(), all);
  });

  test('busy times already in the request stay busy and are not blamed on a calendar; limit counts blocked slots', () => {
    const booked = { ...lucia, busy: [{ start: '2026-12-07T09:00:00Z', end: '2026-12-07T10:00:00Z' }] };
    const blocked = calendarBlockedSlots({ participants: [booked, kenji], ...day }, calendars);
    assert.deepEqual(
      blocked.map((slot) => slot.start.slice(11, 16)),
      ['10:00', '14:00'],
    );
    assert.equal(calendarBlockedSlots({ participants: [booked, kenji], ...day, limit: 1 }, calendars).length, 1);
    assert.ok(blocked[0]!.local.lucia, "each blocked slot keeps everyone's local times");
  });

  test('a person without a connected calendar blocks nothing; touching intervals do not block', () => {
    const touching = {
      kenji: [
        { start: '2026-12-07T07:00:00Z', end: '2026-12-07T08:00:00Z' },
        { start: '2026-12-07T09:00:00Z', end: '2026-12-07T09:00:00Z' },
      ],
    };
    assert.deepEqual(calendarBlockedSlots({ participants: [lucia, kenji], ...day }, touching), []);
    assert.deepEqual(calendarBlockedSlots({ participants: [lucia, kenji], ...day }, {}), []);
  });

  test('a long calendar event found by the binary search, however many short ones come before it', () => {
    const many = Array.from({ length: 200 }, (_, index) => ({
      start: new Date(Date.parse('2026-12-01T00:00:00Z') + index * 60_000).toISOString(),
      end: new Date(Date.parse('2026-12-01T00:00:00Z') + index * 60_000 + 30_000).toISOString(),
    }));
    const week = [{ start: '2026-12-06T00:00:00Z', end: '2026-12-07T12:00:00Z' }, ...many].sort((a, b) => a.start.localeCompare(b.start));
    const blocked = calendarBlockedSlots({ participants: [lucia, kenji], ...day }, { kenji: week });
    assert.deepEqual(
      blocked.map((slot) => slot.start.slice(11, 16)),
      ['08:00', '09:00', '10:00', '11:00'],
    );
  });

  test('bad input is refused with a path', () => {
    const refused = (run: () => unknown, path: string) =>
      assert.throws(run, (error: unknown) => isMentorKitError(error) && error.code === 'invalid-input' && error.path === path);
    refused(() => withCalendarBusy([lucia], { lucia: [{ start: 'tomorrow', end: '2026-12-07T10:00:00Z' }] }), 'calendarBusy.lucia[0].start');
    refused(() => withCalendarBusy([lucia], null as never), 'calendarBusy');
    refused(() => calendarBlockedSlots({ participants: [lucia], ...day }, { lucia: 'busy' as never }), 'calendarBusy.lucia');
    refused(() => calendarBlockedSlots({ participants: [lucia], ...day, limit: 0 }, {}), 'limit');
  });
});

describe('the calendar-busy collection', () => {
  const busy = (personId: string) => ({
    id: personId,
    personId,
    intervals: [{ start: '2026-12-07T09:00:00Z', end: '2026-12-07T10:00:00Z' }],
    from: '2026-12-01T00:00:00Z',
    to: '2027-01-12T00:00:00Z',
    calendars: [{ id: `cal-${personId}`, kind: 'caldav', label: 'Work', status: 'ok', checkedAt: '2026-12-05T08:00:00Z' }],
  });
  const storage = () =>
    createMemoryStorage({
      seed: {
        programs: [{ id: 'prog', name: 'P', adminIds: ['priya'] }],
        people: ['ana', 'kenji', 'dan', 'priya'].map((id) => ({
          id,
          displayName: id,
          roles: [id === 'priya' ? 'admin' : id === 'kenji' ? 'mentor' : 'mentee'],
          timeZone: 'Europe/Madrid',
          programIds: ['prog'],
        })),
        pairings: [
          { id: 'p-ana', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji'], status: 'active', kind: 'official', reasons: [] },
          { id: 'p-dan', programId: 'prog', menteeId: 'dan', mentorIds: ['priya'], status: 'closed', kind: 'official', reasons: [] },
        ],
        'calendar-busy': [busy('ana'), busy('kenji'), busy('dan')],
      },
    });

  test("a person sees their own and their current partners' busy times, not a former partner's or a stranger's", async () => {
    const shared = storage();
    const asKenji = createMentorKit({ storage: shared, user: 'kenji', features: [calendarBusyFeature] });
    await asKenji.ready;
    assert.deepEqual(
      asKenji
        .use(calendarBusyFeature)
        .$calendarBusy.get()
        .map((record) => record.id),
      ['ana', 'kenji'],
    );
    assert.deepEqual(Object.keys(asKenji.use(calendarBusyFeature).$busyByPerson.get()), ['ana', 'kenji']);
    assert.equal(asKenji.use(calendarBusyFeature).forPerson('dan'), undefined);
    const asPriya = createMentorKit({ storage: shared, user: 'priya', features: [calendarBusyFeature] });
    await asPriya.ready;
    assert.deepEqual(
      asPriya
        .use(calendarBusyFeature)
        .$calendarBusy.get()
        .map((record) => record.id),
      [],
      'a closed pairing shares no calendars; an admin role alone does not either',
    );
  });

  test('the record keeps busy intervals and calendar health only; unknown fields are dropped, a mismatched person is refused', () => {
    const stored = prepareRecord('calendar-busy', {
      ...busy('ana'),
      titles: ['Dentist'],
      intervals: [{ start: '2026-12-07T09:00:00Z', end: '2026-12-07T10:00:00Z', summary: 'Dentist' }],
    });
    assert.equal(JSON.stringify(stored).includes('Dentist'), false);
    assert.throws(
      () => prepareRecord('calendar-busy', { ...busy('ana'), personId: 'kenji' }),
      (error: unknown) => isMentorKitError(error) && error.code === 'invalid-input',
    );
    assert.throws(
      () => prepareRecord('calendar-busy', { ...busy('ana'), intervals: [{ start: '2026-12-07T10:00:00Z', end: '2026-12-07T09:00:00Z' }] }),
      (error: unknown) => isMentorKitError(error) && error.code === 'invalid-input',
    );
  });
});

describe('zone offsets refuse minutes that are not finite', () => {
  // A calendar with DURATION:P99999999W once sent NaN here, and the transition search never ended.
  test('NaN and Infinity are invalid input, at once', () => {
    const refused = (run: () => unknown) => assert.throws(run, (error: unknown) => isMentorKitError(error) && error.code === 'invalid-input');
    refused(() => offsetAt('Europe/Madrid', Number.NaN));
    refused(() => offsetAt('Europe/Madrid', Number.POSITIVE_INFINITY));
    refused(() => offsetTransitions('Europe/Madrid', 0, Number.NaN));
    assert.equal(offsetAt('Europe/Madrid', Date.parse('2026-07-01T00:00:00Z') / 60_000), 120);
  });
});
