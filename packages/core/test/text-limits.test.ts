import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as v from 'valibot';
import {
  AgreementInputSchema,
  FeedbackNoteSchema,
  GoalDraftSchema,
  MessageInputSchema,
  SessionInputSchema,
  TEXT_LIMITS,
  createMemoryStorage,
  createMentorKit,
  type MentorKit,
} from '@mentorkit/core';
import { COACHING_LIMITS, GROW, answer, checkAnswerLength, defineCoachingModel, startFlow, type CoachingPrompt } from '@mentorkit/core/coaching';
import { currentFeedbackRequest, feedbackFeature, feedbackRequests, type FeedbackRequest } from '@mentorkit/core/feedback';
import { checkSmartGoal } from '@mentorkit/core/goals';

const text = (length: number) => 'x'.repeat(length);
const accepts = (schema: v.GenericSchema, input: unknown) => v.safeParse(schema, input).success;

describe('TEXT_LIMITS: the schemas enforce exactly the published limits', () => {
  const session = { id: 's', pairingId: 'p', title: 'Review', start: '2026-03-29T09:00:00Z', end: '2026-03-29T10:00:00Z', timeZone: 'UTC' };
  const agreement = {
    id: 'a',
    pairingId: 'p',
    cadence: 'weekly',
    channels: [{ kind: 'video' }],
    responseTimeHours: 24,
    participants: [
      { personId: 'a', timeZone: 'UTC', workingHours: {} },
      { personId: 'b', timeZone: 'UTC', workingHours: {} },
    ],
  };
  const cases: Array<[string, v.GenericSchema, (value: string) => unknown, number]> = [
    ['goal.title', GoalDraftSchema, (value) => ({ title: value }), TEXT_LIMITS.goal.title],
    ['goal.description', GoalDraftSchema, (value) => ({ title: 'Ship it', description: value }), TEXT_LIMITS.goal.description],
    ['goal.skill', GoalDraftSchema, (value) => ({ title: 'Ship it', skill: value }), TEXT_LIMITS.goal.skill],
    ['goal.metricName', GoalDraftSchema, (value) => ({ title: 'Ship it', metric: { name: value, start: 0, target: 3 } }), TEXT_LIMITS.goal.metricName],
    [
      'goal.metricUnit',
      GoalDraftSchema,
      (value) => ({ title: 'Ship it', metric: { name: 'talks', unit: value, start: 0, target: 3 } }),
      TEXT_LIMITS.goal.metricUnit,
    ],
    ['goal.milestoneTitle', GoalDraftSchema, (value) => ({ title: 'Ship it', milestones: [{ title: value }] }), TEXT_LIMITS.goal.milestoneTitle],
    ['feedback.helped', FeedbackNoteSchema, (value) => ({ rating: 4, helped: value }), TEXT_LIMITS.feedback.helped],
    ['feedback.missed', FeedbackNoteSchema, (value) => ({ rating: 4, missed: value }), TEXT_LIMITS.feedback.missed],
    ['feedback.toolSuggestion', FeedbackNoteSchema, (value) => ({ rating: 4, toolSuggestion: value }), TEXT_LIMITS.feedback.toolSuggestion],
    ['feedback.other', FeedbackNoteSchema, (value) => ({ rating: 4, other: value }), TEXT_LIMITS.feedback.other],
    ['session.title', SessionInputSchema, (value) => ({ ...session, title: value }), TEXT_LIMITS.session.title],
    ['session.agenda', SessionInputSchema, (value) => ({ ...session, agenda: value }), TEXT_LIMITS.session.agenda],
    ['agreement.notes', AgreementInputSchema, (value) => ({ ...agreement, notes: value }), TEXT_LIMITS.agreement.notes],
    ['message.text', MessageInputSchema, (value) => ({ id: 'm', pairingId: 'p', authorId: 'a', kind: 'text', text: value }), TEXT_LIMITS.message.text],
  ];
  for (const [name, schema, input, limit] of cases) {
    test(`${name}: ${limit} characters pass, ${limit + 1} are refused`, () => {
      assert.equal(accepts(schema, input(text(limit))), true);
      assert.equal(accepts(schema, input(text(limit + 1))), false);
    });
  }
  test('is plain data (a form can read it without importing a schema)', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(TEXT_LIMITS)), TEXT_LIMITS);
  });
});

describe('checkAnswerLength (coaching answers as typed)', () => {
  const textPrompt = GROW.steps[0]!.prompts.find((prompt) => prompt.kind === 'text')!;
  const listPrompt: CoachingPrompt = defineCoachingModel({
    id: 'lists',
    name: 'Lists',
    steps: [{ id: 'one', title: 'One', purpose: 'p', prompts: [{ id: 'items', kind: 'list', text: 'Items?' }] }],
  }).steps[0]!.prompts[0]!;

  test('text: the length against COACHING_LIMITS.textAnswer; over it is a problem, never a throw', () => {
    assert.deepEqual(checkAnswerLength(textPrompt, text(COACHING_LIMITS.textAnswer)), { length: 4000, max: 4000, problems: [] });
    assert.deepEqual(checkAnswerLength(textPrompt, text(4001)).problems, [{ kind: 'too-long', length: 4001, max: 4000 }]);
  });

  test('the same judgement as answer(): what it reports as fine, answer accepts; what it refuses, answer refuses', () => {
    const flow = startFlow(GROW, { at: '2026-03-30T09:00:00Z' });
    assert.doesNotThrow(() => answer(flow, textPrompt.id, text(4000)));
    assert.throws(() => answer(flow, textPrompt.id, text(4001)), /4001 characters/);
  });

  test('lists: the longest trimmed item, every item too long (with its line), and too many items', () => {
    const value = ['short', '', `  ${text(501)}  `, text(500), text(600)].join('\n');
    const check = checkAnswerLength(listPrompt, value);
    assert.equal(check.length, 600);
    assert.equal(check.max, COACHING_LIMITS.listItem);
    assert.equal(check.items, 4);
    assert.deepEqual(check.problems, [
      { kind: 'item-too-long', item: 2, line: 3, length: 501, max: 500 },
      { kind: 'item-too-long', item: 4, line: 5, length: 600, max: 500 },
    ]);
    const many = checkAnswerLength(listPrompt, Array.from({ length: 51 }, (_, index) => `item ${index}`).join('\n'));
    assert.deepEqual(many.problems, [{ kind: 'too-many-items', count: 51, max: 50 }]);
  });

  test('refuses what is not a prompt and text', () => {
    assert.throws(() => checkAnswerLength(textPrompt, 42 as unknown as string), /must be the text/);
  });
});

describe('checkSmartGoal with a title over the save limit', () => {
  test('still answers (the length is refused when saving, not while typing)', () => {
    const check = checkSmartGoal({ title: `Run three team retrospectives ${text(300)}` }, { today: '2026-03-30' });
    assert.equal(
      check.issues.some((issue) => issue.criterion === 'specific'),
      false,
    );
  });
});

describe('feedback stays in view after a reload', () => {
  const seed = () =>
    createMemoryStorage({
      seed: {
        programs: [{ id: 'prog', name: 'Mentoring 2026', adminIds: [] }],
        people: ['ana', 'kenji'].map((id) => ({
          id,
          displayName: id,
          roles: [id === 'ana' ? 'mentee' : 'mentor'],
          timeZone: 'UTC',
          programIds: ['prog'],
          workingHours: { 1: ['09:00-17:00'] },
        })),
        pairings: [{ id: 'p', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji'], status: 'active', kind: 'official', reasons: [] }],
        sessions: [
          { id: 'old', pairingId: 'p', title: 'Old', start: '2026-03-01T09:00:00Z', end: '2026-03-01T10:00:00Z', timeZone: 'UTC', status: 'held' },
          { id: 'new', pairingId: 'p', title: 'New', start: '2026-03-29T09:00:00Z', end: '2026-03-29T10:00:00Z', timeZone: 'UTC', status: 'held' },
        ],
      },
    });
  const kitAt = async (storage: ReturnType<typeof seed>, user: string, now: string) => {
    const kit: MentorKit = createMentorKit({ storage, user, now: () => now });
    await kit.ready;
    const feedback = kit.use(feedbackFeature);
    await feedback.ready;
    return { kit, feedback };
  };

  test('currentFeedbackRequest: the newest open request, else the newest submitted one, else none', () => {
    const request = (sessionId: string, status: FeedbackRequest['status']) => ({ sessionId, status }) as FeedbackRequest;
    assert.equal(currentFeedbackRequest([request('a', 'closed'), request('b', 'submitted'), request('c', 'open')])?.sessionId, 'c');
    assert.equal(currentFeedbackRequest([request('a', 'closed'), request('b', 'submitted'), request('c', 'submitted')])?.sessionId, 'b');
    assert.equal(currentFeedbackRequest([request('a', 'closed')]), undefined);
    assert.equal(currentFeedbackRequest([]), undefined);
  });

  test('a new client on the same storage shows the submitted note, editable until editableUntil, then read-only', async () => {
    const storage = seed();
    const first = await kitAt(storage, 'ana', '2026-03-29T12:00:00Z');
    const note = await first.feedback.submit({ sessionId: 'new', rating: 4, helped: 'Clear plan', revealWhenBothSubmitted: true });
    await first.kit.dispose();

    const reloaded = await kitAt(storage, 'ana', '2026-03-29T12:05:00Z');
    const current = currentFeedbackRequest(reloaded.feedback.$requests.get());
    assert.equal(current?.sessionId, 'new', 'the submitted note, not the closed old request');
    const view = reloaded.feedback.forSession('new');
    assert.equal(view.mine?.id, note.id);
    assert.equal(view.editable, true);
    assert.equal(view.editableUntil, note.editableUntil);
    assert.equal(view.waitingForOthers, true);
    await reloaded.kit.dispose();

    const late = await kitAt(storage, 'ana', '2026-04-10T00:00:00Z');
    const after = late.feedback.forSession('new');
    assert.equal(after.mine?.id, note.id, 'still shown after the deadline');
    assert.equal(after.editable, false);
    assert.equal(after.editableUntil, note.editableUntil);
    await late.kit.dispose();
  });

  test('the pure requests agree: the submitted request is editable until its deadline', () => {
    const requests = feedbackRequests({
      sessions: [
        {
          id: 'new',
          pairingId: 'p',
          title: 'New',
          start: '2026-03-29T09:00:00Z',
          end: '2026-03-29T10:00:00Z',
          timeZone: 'UTC',
          status: 'held',
          revision: 1,
          updatedAt: '2026-03-29T10:00:00Z',
        },
      ] as never,
      pairings: [{ id: 'p', menteeId: 'ana', mentorIds: ['kenji'] }],
      feedback: [{ id: 'f', sessionId: 'new', authorId: 'ana' }],
      now: '2026-03-29T12:00:00Z',
      personId: 'ana',
    });
    assert.equal(currentFeedbackRequest(requests)?.editable, true);
  });
});
