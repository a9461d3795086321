import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMentorKit, isMentorKitError } from '@mentorkit/core';
import { registerSpanish } from '@mentorkit/core/es';
import {
  bundledGoalMessages,
  checkSmartGoal,
  createGoalMessages,
  createGoalsFeature,
  defaultGoalMessages,
  goalMessagesEs,
  goalsFeature,
  goalsOf,
} from '@mentorkit/core/goals';
import { leaves, placeholders } from './catalogue-checks.js';
import { anaAndKenjiStorage } from './programme-fixtures.js';

const storage = anaAndKenjiStorage;

describe('Spanish goal messages', () => {
  test('complete: the same keys, variant count and placeholders as English, all translated', () => {
    const en = leaves(defaultGoalMessages);
    const es = leaves(goalMessagesEs);
    assert.deepEqual([...es.keys()].sort(), [...en.keys()].sort());
    for (const [key, text] of en) {
      assert.deepEqual(placeholders(es.get(key)!), placeholders(text), key);
      if (!key.endsWith('.letter') && text.length > 3) assert.notEqual(es.get(key), text, `${key} is not translated`);
    }
    // A valid base for host overrides.
    assert.equal(createGoalMessages({ status: { behind: 'Atrasada' } }, goalMessagesEs).status['on-track'], 'Va bien');
  });

  test('English until @mentorkit/core/es is registered, then bundledGoalMessages picks by language', () => {
    // Node runs this file in its own process, so nothing has registered Spanish yet.
    assert.equal(bundledGoalMessages('es'), defaultGoalMessages);
    registerSpanish();
    registerSpanish(); // idempotent
    assert.equal(bundledGoalMessages('es'), goalMessagesEs);
    assert.equal(bundledGoalMessages('es-MX'), goalMessagesEs);
    assert.equal(bundledGoalMessages('en-GB'), defaultGoalMessages);
    assert.equal(bundledGoalMessages('fr'), defaultGoalMessages);
    assert.equal(bundledGoalMessages(undefined), defaultGoalMessages);
  });

  test('the SMART check speaks Spanish with the Spanish catalogue', () => {
    const check = checkSmartGoal({ title: '', milestones: [] }, { today: '2026-10-14', messages: goalMessagesEs });
    assert.match(check.issues[0]!.message, /Escribe qué quieres lograr/);
  });

  test('messagesFor: bundled Spanish by default, English stays the default, host catalogues win', async () => {
    const kit = createMentorKit({ storage: storage(), user: 'ana', now: () => '2026-10-14T09:00:00Z' });
    const goals = kit.use(goalsFeature);
    await kit.ready;
    assert.equal(goals.messages, defaultGoalMessages);
    assert.equal(goals.messagesFor('es-ES'), goalMessagesEs);
    assert.equal(goals.messagesFor('en'), defaultGoalMessages);
    assert.equal(goals.messagesFor(undefined), defaultGoalMessages);

    const goal = await goals.create({ pairingId: 'p-ana', title: 'Dirigir 3 retrospectivas', dueDate: '2026-11-30', milestones: [{ title: 'Reservar sala' }] });
    const { celebration } = await goals.completeMilestone(goal.id, goal.milestones[0]!.id!);
    assert.equal(celebration.heading, 'Milestone reached!', 'commands keep the catalogue in use');
    const done = goals.get(goal.id);
    const es = goals.celebrationFor(done, goal.milestones[0]!.id!, goals.messagesFor('es'));
    assert.equal(es.heading, '¡Hito alcanzado!');
    assert.match(es.message, /«Reservar sala»/);
    assert.equal(goals.achievementFor(done, goalMessagesEs).heading, '¡Meta lograda!');
    assert.equal(goals.reassuranceFor(done, goalMessagesEs).heading, 'Es momento de replanificar');
    assert.match(goals.check({ title: '' }, { messages: goalMessagesEs }).issues[0]!.message, /Escribe/);

    // Per-language host overrides, on top of the bundled Spanish.
    goals.setMessages({ status: { 'on-track': 'En camino' } }, 'es');
    assert.equal(goals.messagesFor('es-AR').status['on-track'], 'En camino');
    assert.equal(goals.messagesFor('es').status.behind, 'Con retraso');
    assert.equal(goals.messagesFor('en').status['on-track'], 'On track');
    assert.throws(
      () => goals.setMessages({}, ''),
      (error: unknown) => isMentorKitError(error, 'invalid-input'),
    );
    // A host-wide catalogue (no locale) wins over the bundled Spanish for every language it did not set.
    goals.setMessages({ status: { 'on-track': 'Going fine' } });
    assert.equal(goals.messagesFor('de').status['on-track'], 'Going fine');
    assert.equal(goals.messagesFor('es').status['on-track'], 'En camino');
  });

  test('a host catalogue given at install wins over the bundled Spanish', () => {
    const kit = createMentorKit({
      storage: storage(),
      user: 'ana',
      features: [createGoalsFeature({ messages: { status: { 'on-track': 'Bien encaminada' } } })],
    });
    assert.equal(goalsOf(kit).messagesFor('es').status['on-track'], 'Bien encaminada');
    assert.equal(goalsOf(kit).messagesFor('es').status.behind, 'Behind');
  });
});
