import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryStorage, createMentorKit, isMentorKitError } from '@mentorkit/core';
import { pairingMessagesEs, registerSpanish } from '@mentorkit/core/es';
import {
  matchMentors,
  pairingFeature,
  pairingMessages,
  pairingMessagesFor,
  scoreMatch,
  withMessages,
  type MenteeProfile,
  type MentorProfile,
  type PairingMessages,
} from '@mentorkit/core/pairing';
import { DEMO_PROGRAM_ID, seedDemoProgram } from '../../../examples/shared/demo-program.js';

/** Every entry of the catalogue as text: strings as they are, functions called with sample values. */
function rendered(messages: PairingMessages): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'function') {
      const samples: Record<string, unknown[][]> = {
        priority: [[1], [2], [3]],
        level: [[1], [2], [3], [4], [5]],
        skillHeld: [['Kenji', 'Python', 'P', 'L', 4]],
        skillMissing: [['Kenji', ['Go', 'Rust']]],
        noWantedSkills: [['Ana']],
        overlap: [['4.5', 'W']],
        overlapWindow: [
          ['D', '09:00–11:00', 'Madrid', '16:00–18:00', 'Tokyo', 1],
          ['D', 'a', 'b', 'c', 'd', -1],
          ['D', 'a', 'b', 'c', 'd', 0],
        ],
        moreWindows: [[1], [3]],
        noOverlap: [['Ana', 'Kenji']],
        noCommonDay: [['Sat, Sun']],
        sharedLanguages: [[['es']], [['es', 'en']]],
        noSharedLanguage: [
          [['es'], ['ja']],
          [[], []],
        ],
        sharedInterests: [[['chess']]],
        complementary: [[['UX']]],
        hostScore: [[0.5], [1]],
        groupTheme: [['Data']],
        unmatchedNoCandidate: [['X']],
        minScore: [[0.4]],
      };
      const name = path.split('.').pop()!;
      (samples[name] ?? [[]]).forEach((args, index) => out.set(`${path}(${index})`, (value as (...args: unknown[]) => string)(...args)));
    } else if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`));
    else for (const [key, item] of Object.entries(value as object)) walk(item, path ? `${path}.${key}` : key);
  };
  walk(messages, '');
  return out;
}

const mentee: MenteeProfile = {
  id: 'ana',
  displayName: 'Ana',
  timeZone: 'Europe/Madrid',
  workingHours: { 1: ['09:00-17:00'], 2: ['09:00-17:00'] },
  languages: ['es', 'en'],
  interests: ['chess'],
  wantsToLearn: [
    { name: 'Python', priority: 3 },
    { name: 'Go', priority: 1 },
  ],
};
const mentor: MentorProfile = {
  id: 'kenji',
  displayName: 'Kenji',
  timeZone: 'Europe/Lisbon',
  workingHours: { 1: ['10:00-18:00'], 2: ['10:00-18:00'] },
  languages: ['en'],
  interests: ['chess'],
  skills: [{ name: 'Python', level: 5 }],
  capacity: 1,
};

describe('Spanish pairing messages', () => {
  test('complete: the same entries, each translated, with the values it is given', () => {
    const en = rendered(pairingMessages);
    const es = rendered(pairingMessagesEs);
    assert.deepEqual([...es.keys()].sort(), [...en.keys()].sort());
    for (const [key, text] of en) {
      const spanish = es.get(key)!;
      if (!/^weekdays\[[14]\]$/.test(key) && !/^moreWindows/.test(key) && key !== 'overlapWindow(2)')
        assert.notEqual(spanish, text, `${key} is not translated`);
      for (const value of ['Kenji', 'Ana', 'Python', 'Go', 'Rust', '4.5', 'Madrid', 'Tokyo', 'chess', 'UX', 'Data', '0.4', '0.500']) {
        if (text.includes(value)) assert.ok(spanish.includes(value), `${key} drops "${value}"`);
      }
    }
  });

  test('English until @mentorkit/core/es is registered; English reasons unchanged', () => {
    assert.equal(pairingMessagesFor('es'), pairingMessages);
    assert.equal(withMessages(undefined, 'es'), pairingMessages);
    const reasons = scoreMatch(mentee, mentor, undefined, { locale: 'es' }).reasons;
    assert.deepEqual(reasons, scoreMatch(mentee, mentor).reasons);
    assert.equal(reasons[0], 'Wants Python (must have): Kenji is expert (5/5)');
  });

  test('after registerSpanish: scoreMatch, matchMentors and the pairing feature give Spanish reasons', async () => {
    registerSpanish();
    assert.equal(pairingMessagesFor('es-MX'), pairingMessagesEs);
    assert.equal(pairingMessagesFor('en'), pairingMessages);
    const english = scoreMatch(mentee, mentor);
    const spanish = scoreMatch(mentee, mentor, undefined, { locale: 'es' });
    assert.equal(spanish.score, english.score);
    assert.deepEqual(spanish.breakdown, english.breakdown);
    assert.deepEqual(spanish.reasons, [
      'Quiere Python (imprescindible): el nivel de Kenji es experto (5/5)',
      '12 h/semana en común: lun, mar 11:00–17:00 Madrid = 10:00–16:00 Lisbon',
      'Idioma en común: en',
      'Intereses en común: chess',
    ]);
    // Host overrides still win over the language.
    assert.equal(scoreMatch(mentee, mentor, undefined, { locale: 'es', messages: { sharedInterests: () => 'Gustos' } }).reasons.at(-1), 'Gustos');

    const match = matchMentors({ mentees: [mentee, { ...mentee, id: 'bo', displayName: 'Bo' }], mentors: [mentor], messages: pairingMessagesFor('es') });
    assert.match(match.assignments[0]!.reasons[0]!, /^Quiere Python/);
    assert.match(match.unmatched[0]!.reason, /^Todos los mentores compatibles/);
    // The same with `locale`; the reasons cache keeps languages apart for the same profiles.
    const byLocale = matchMentors({ mentees: [mentee, { ...mentee, id: 'bo', displayName: 'Bo' }], mentors: [mentor], locale: 'es-MX' });
    assert.deepEqual(byLocale.assignments[0]!.reasons, match.assignments[0]!.reasons);
    assert.match(byLocale.unmatched[0]!.reason, /^Todos los mentores compatibles/);
    assert.equal(matchMentors({ mentees: [mentee], mentors: [mentor] }).assignments[0]!.reasons[0], 'Wants Python (must have): Kenji is expert (5/5)');
    assert.throws(
      () => matchMentors({ mentees: [mentee], mentors: [mentor], locale: 3 as never }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && error.path === 'locale',
    );

    const storage = createMemoryStorage();
    await seedDemoProgram(storage);
    const kit = createMentorKit({ storage, user: 'priya-raman', now: () => '2026-10-14T09:00:00Z' });
    await kit.ready;
    const pairing = kit.use(pairingFeature);
    const englishRound = await pairing.propose({ programId: DEMO_PROGRAM_ID });
    assert.equal(englishRound.locale, undefined);
    let round = await pairing.propose({ programId: DEMO_PROGRAM_ID, locale: 'es', carryOverFrom: englishRound.id });
    assert.equal(round.locale, 'es');
    assert.deepEqual(
      round.proposal.assignments.map((assignment) => [assignment.menteeId, assignment.mentorIds]),
      englishRound.proposal.assignments.map((assignment) => [assignment.menteeId, assignment.mentorIds]),
      'the language does not change the proposal',
    );
    assert.ok(round.proposal.assignments.every((assignment) => assignment.reasons.some((reason) => /en común|Quiere|no indica|Ningún/.test(reason))));
    assert.match(round.proposal.unmatched[0]!.reason, /mentor/i);
    assert.notEqual(round.proposal.unmatched[0]!.reason, englishRound.proposal.unmatched[0]!.reason);
    // Re-runs keep the round's language; adjust can change it.
    round = await pairing.adjust(round.id, { weights: { availability: 2 } });
    assert.equal(round.locale, 'es');
    assert.ok(round.proposal.assignments[0]!.reasons.some((reason) => /en común|Quiere/.test(reason)));
    round = await pairing.adjust(round.id, { weights: { availability: 1 } }, { locale: 'en' });
    assert.ok(round.proposal.assignments.every((assignment) => !assignment.reasons.some((reason) => /en común|Quiere/.test(reason))));
    await assert.rejects(pairing.propose({ programId: DEMO_PROGRAM_ID, locale: 'not a locale!' }), (error: unknown) =>
      isMentorKitError(error, 'invalid-input'),
    );
    await assert.rejects(pairing.adjust(round.id, { weights: {} }, { locale: 42 as never }), (error: unknown) => isMentorKitError(error, 'invalid-input'));
  });
});
