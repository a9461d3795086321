import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInMessagesEs, registerSpanish } from '@mentorkit/core/es';
import { CHECKIN_MESSAGES, checkInMessagesFor, checkInNudges, nextCheckIn, pairActivity, suggestCheckInLevel } from '@mentorkit/core/checkins';
import { leaves, placeholders } from './catalogue-checks.js';

const agreement = { cadence: 'fortnightly' as const, checkInLevel: 'regular' as const, since: '2026-09-07T09:00:00Z' };
const now = '2026-10-14T21:10:00Z';
const people = [
  {
    personId: 'hana',
    displayName: 'Hana',
    timeZone: 'Asia/Tokyo',
    workingHours: { 1: ['10:00-18:00'], 2: ['10:00-18:00'], 3: ['10:00-18:00'], 4: ['10:00-18:00'], 5: ['10:00-18:00'] },
  },
  {
    personId: 'sarah',
    displayName: 'Sarah',
    timeZone: 'America/New_York',
    workingHours: { 1: ['08:00-17:00'], 2: ['08:00-17:00'], 3: ['08:00-17:00'], 4: ['08:00-17:00'], 5: ['08:00-17:00'] },
  },
  { personId: 'omar', displayName: 'Omar', timeZone: 'Europe/Madrid' },
];

describe('Spanish check-in messages', () => {
  test('complete: same keys and placeholders, every text translated (but "Regular")', () => {
    const en = leaves(CHECKIN_MESSAGES);
    const es = leaves(checkInMessagesEs);
    assert.deepEqual([...es.keys()].sort(), [...en.keys()].sort());
    for (const [key, text] of en) {
      assert.deepEqual(placeholders(es.get(key)!), placeholders(text), key);
      if (key !== 'levels.regular') assert.notEqual(es.get(key), text, `${key} is not translated`);
    }
  });

  test('English until @mentorkit/core/es is registered', () => {
    assert.equal(checkInMessagesFor('es'), CHECKIN_MESSAGES);
    assert.deepEqual(suggestCheckInLevel({ current: 'regular', locale: 'es' }).reasons, ['Not enough feedback or goal updates yet to suggest a change.']);
  });

  test('after registerSpanish: reasons and nudges in Spanish, English stays the default', () => {
    registerSpanish();
    assert.equal(checkInMessagesFor('es-AR'), checkInMessagesEs);
    assert.equal(checkInMessagesFor('en'), CHECKIN_MESSAGES);
    const overridden = suggestCheckInLevel({
      current: 'regular',
      feedback: [{ rating: 5 }, { rating: 5 }],
      goals: [{ status: 'on-track' }],
      override: 'regular',
      locale: 'es',
    });
    assert.equal(overridden.reasons.at(-1), 'Se mantiene en Regular por decisión propia (la sugerencia era Ligero).');
    assert.equal(
      suggestCheckInLevel({ current: 'regular', feedback: [{ rating: 2 }, { rating: 2 }, { rating: 3 }], locale: 'es' }).reasons[0],
      'Las valoraciones recientes de las sesiones promedian 2.3 de 5.',
    );
    assert.deepEqual(suggestCheckInLevel({ current: 'regular' }).reasons, ['Not enough feedback or goal updates yet to suggest a change.']);
    assert.equal(
      suggestCheckInLevel({ current: 'regular', locale: 'es', messages: CHECKIN_MESSAGES }).reasons[0],
      'Not enough feedback or goal updates yet to suggest a change.',
      'a host catalogue wins',
    );

    const checkIn = nextCheckIn({ agreement, sessions: [{ start: '2026-09-08T22:00:00Z', end: '2026-09-08T23:00:00Z', status: 'held' }], now });
    const [toMentor] = checkInNudges({ pairingId: 'p1', menteeId: 'hana', mentorIds: ['sarah'], people, checkIn, now, locale: 'es' });
    assert.equal(toMentor!.message, 'Tu seguimiento con Hana lleva 22 días de retraso. Un mensaje corto hoy mantiene las cosas en marcha.');
    assert.equal(toMentor!.code, 'check-in-overdue');

    // A quiet pair with co-mentors: the other names joined the language's way.
    const activity = pairActivity({ startedAt: '2026-09-01T00:00:00Z', now });
    const quiet = checkInNudges({ pairingId: 'p1', menteeId: 'hana', mentorIds: ['sarah', 'omar'], people, activity, now, locale: 'es' });
    assert.equal(quiet.find((nudge) => nudge.personId === 'hana')!.params.other, 'Sarah y Omar');
    assert.match(quiet[0]!.message, /^Ninguna sesión, mensaje ni avance de metas con Sarah y Omar desde hace \d+ días\. ¿Va todo bien\?$/);
    const english = checkInNudges({ pairingId: 'p1', menteeId: 'hana', mentorIds: ['sarah', 'omar'], people, activity, now });
    assert.equal(english.find((nudge) => nudge.personId === 'hana')!.params.other, 'Sarah and Omar');
    assert.match(english[0]!.message, /^No sessions, messages or goal updates with Sarah and Omar/);
  });
});
