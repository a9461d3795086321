import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryStorage, createMentorKit } from '@mentorkit/core';
import { agreementMessagesEs, registerSpanish, schedulingMessagesEs } from '@mentorkit/core/es';
import { AGREEMENT_MESSAGES, agreementMessagesFor } from '@mentorkit/core/agreements';
import { SCHEDULING_MESSAGES, recurringSessionTimes, schedulingMessagesFor, sessionsFeature } from '@mentorkit/core/scheduling';
import { leaves, placeholders } from './catalogue-checks.js';

function complete(en: object, es: object, same: readonly string[] = []) {
  const english = leaves(en);
  const spanish = leaves(es);
  assert.deepEqual([...spanish.keys()].sort(), [...english.keys()].sort());
  for (const [key, text] of english) {
    assert.deepEqual(placeholders(spanish.get(key)!), placeholders(text), key);
    if (!same.includes(key)) assert.notEqual(spanish.get(key), text, `${key} is not translated`);
  }
}

const fortnightly = { firstStart: '2026-10-06T22:00:00Z', durationMinutes: 60, timeZone: 'America/New_York', cadence: 'fortnightly', count: 2 } as const;
const monthly = { firstStart: '2026-10-13T16:00:00Z', durationMinutes: 60, timeZone: 'Europe/Berlin', cadence: 'monthly', count: 2 } as const;

describe('Spanish scheduling and agreement words', () => {
  test('complete: same keys and placeholders, translated', () => {
    complete(SCHEDULING_MESSAGES, schedulingMessagesEs);
    complete(AGREEMENT_MESSAGES, agreementMessagesEs, ['channels.chat', 'checkInLevels.regular']);
  });

  test('English until @mentorkit/core/es is registered', () => {
    assert.equal(schedulingMessagesFor('es'), SCHEDULING_MESSAGES);
    assert.equal(agreementMessagesFor('es'), AGREEMENT_MESSAGES);
    assert.equal(recurringSessionTimes({ ...fortnightly, locale: 'es' }).description, 'Every other Tuesday at 18:00 (America/New York)');
  });

  test('after registerSpanish: series descriptions and default titles in Spanish; English unchanged', async () => {
    registerSpanish();
    assert.equal(schedulingMessagesFor('es-MX'), schedulingMessagesEs);
    assert.equal(agreementMessagesFor('es'), agreementMessagesEs);
    assert.equal(agreementMessagesFor('en'), AGREEMENT_MESSAGES);
    assert.equal(recurringSessionTimes({ ...fortnightly, locale: 'es' }).description, 'Cada dos semanas, el martes a las 18:00 (America/New York)');
    assert.equal(recurringSessionTimes({ ...fortnightly, cadence: 'weekly', locale: 'es' }).description, 'Cada martes a las 18:00 (America/New York)');
    assert.equal(recurringSessionTimes({ ...monthly, locale: 'es' }).description, 'El segundo martes de cada mes a las 18:00 (Europe/Berlin)');
    assert.equal(recurringSessionTimes({ ...monthly, monthlyWeek: -1, locale: 'es' }).description, 'El último martes de cada mes a las 18:00 (Europe/Berlin)');
    assert.equal(recurringSessionTimes(monthly).description, 'Every 2nd Tuesday of the month at 18:00 (Europe/Berlin)');
    assert.equal(recurringSessionTimes({ ...monthly, monthlyWeek: -1 }).description, 'Every last Tuesday of the month at 18:00 (Europe/Berlin)');

    const kit = createMentorKit({
      storage: createMemoryStorage({
        seed: {
          programs: [{ id: 'prog', name: 'P', adminIds: [] }],
          people: [
            { id: 'hana', displayName: 'Hana', roles: ['mentee'], timeZone: 'Asia/Tokyo', programIds: ['prog'], workingHours: {} },
            { id: 'sarah', displayName: 'Sarah', roles: ['mentor'], timeZone: 'America/New_York', programIds: ['prog'], workingHours: {} },
          ],
          pairings: [{ id: 'p1', programId: 'prog', menteeId: 'hana', mentorIds: ['sarah'], status: 'active', kind: 'official', reasons: [] }],
        },
      }),
      user: 'sarah',
      now: () => '2026-10-01T12:00:00Z',
    });
    const sessions = kit.use(sessionsFeature);
    await kit.ready;
    const series = await sessions.bookSeries({
      pairingId: 'p1',
      firstStart: '2026-10-13T22:00:00Z',
      durationMinutes: 60,
      cadence: 'fortnightly',
      count: 2,
      locale: 'es',
    });
    assert.equal(series.description, 'Cada dos semanas, el martes a las 18:00 (America/New York)');
    assert.ok(series.sessions.every((session) => session.title === 'Sesión de mentoría'));
    assert.ok(!('locale' in series.sessions[0]!), 'the language is not stored');
    const one = await sessions.book({ pairingId: 'p1', start: '2026-11-06T22:00:00Z', durationMinutes: 45 });
    assert.equal(one.title, 'Mentoring session');
  });
});
