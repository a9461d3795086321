import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as v from 'valibot';
import { isMentorKitError } from '@mentorkit/core';
import { GoalDraftSchema } from '@mentorkit/core/model';
import {
  GROW,
  OSKAR,
  actionsFromFlow,
  answer,
  back,
  currentStep,
  defineCoachingModel,
  goTo,
  isFinished,
  missingRequired,
  next,
  recommendCoachingModel,
  restoreFlow,
  startFlow,
  summarize,
  COACHING_QUESTIONNAIRE,
  type CoachingFlow,
  type CoachingModelDefinition,
} from '@mentorkit/core/coaching';

const AT = '2026-03-30T09:00:00.000Z';
const later = (minutes: number) => new Date(Date.parse(AT) + minutes * 60_000).toISOString();

function throwsInvalid(action: () => unknown, path: string, pattern?: RegExp) {
  assert.throws(action, (error: unknown) => {
    assert.ok(isMentorKitError(error, 'invalid-input'), `expected invalid-input, got ${String(error)}`);
    assert.equal((error as { path: string }).path, path, (error as Error).message);
    if (pattern) assert.match((error as Error).message, pattern);
    return true;
  });
}

const retro: CoachingModelDefinition = {
  id: 'retro',
  name: 'Retrospective',
  steps: [
    {
      id: 'went-well',
      title: 'What went well',
      purpose: 'Start from strengths.',
      prompts: [{ id: 'wins', kind: 'list', text: 'What went well?', required: true }],
    },
    {
      id: 'confidence',
      title: 'Confidence',
      purpose: 'Take a reading.',
      prompts: [{ id: 'confidence', kind: 'scale', text: 'How confident are you?', min: 1, max: 5 }],
    },
    { id: 'next', title: 'Next', purpose: 'Commit.', prompts: [{ id: 'tries', kind: 'list', text: 'What will you try?', actions: true }] },
  ],
};

/** A whole GROW run with every required answer. */
function completeGrow(): CoachingFlow {
  let flow = startFlow(GROW, { by: 'lucia', at: AT });
  flow = answer(flow, 'goal-what', 'Lead the design review of the payments API', { by: 'lucia', at: later(1) });
  flow = next(flow, { at: later(2) });
  flow = answer(flow, 'reality-now', 'I review code but have never led a design review', { by: 'lucia', at: later(3) });
  flow = answer(flow, 'reality-position', 3, { by: 'kenji', at: later(4) });
  flow = next(flow, { at: later(5) });
  flow = answer(flow, 'options-list', ['Shadow Kenji at the next review', 'Write a review checklist', ''], { by: 'lucia', at: later(6) });
  flow = next(flow, { at: later(7) });
  flow = answer(flow, 'will-actions', 'Shadow Kenji on 14 April\n  Draft the checklist by Friday  \n', { by: 'lucia', at: later(8) });
  flow = answer(flow, 'will-commitment', 8, { by: 'lucia', at: later(9) });
  return next(flow, { at: later(10) });
}

describe('built-in models', () => {
  test('GROW and OSKAR have the documented step ids, purposes and several prompts per step', () => {
    assert.deepEqual(
      GROW.steps.map((step) => step.id),
      ['goal', 'reality', 'options', 'will'],
    );
    assert.deepEqual(
      OSKAR.steps.map((step) => step.id),
      ['outcome', 'scaling', 'know-how', 'affirm-action', 'review'],
    );
    for (const model of [GROW, OSKAR]) {
      for (const step of model.steps) {
        assert.ok(step.purpose.length > 20, `${model.id}/${step.id} has a purpose line`);
        assert.ok(step.prompts.length >= 3, `${model.id}/${step.id} has several prompts`);
      }
      assert.ok(Object.isFrozen(model) && Object.isFrozen(model.steps[0]!.prompts[0]), 'frozen');
    }
  });

  test('OSKAR scaling asks 0–10 now and where the mentee wants to be; review asks what is better and links to the previous run', () => {
    const scaling = OSKAR.steps.find((step) => step.id === 'scaling')!;
    const scales = scaling.prompts.filter((prompt) => prompt.kind === 'scale');
    assert.deepEqual(
      scales.map((prompt) => [prompt.id, prompt.min, prompt.max, prompt.required]),
      [
        ['scaling-now', 0, 10, true],
        ['scaling-target', 0, 10, true],
      ],
    );
    assert.match(scales[1]!.text, /want to be/);
    const review = OSKAR.steps.find((step) => step.id === 'review')!;
    assert.equal(review.reviewsPreviousRun, true);
    assert.match(review.prompts[0]!.text, /better since last time/);
  });

  test('actions: GROW’s Will and OSKAR’s Action lists', () => {
    const actionPrompts = (model: typeof GROW) =>
      model.steps.flatMap((step) => step.prompts.filter((prompt) => prompt.actions).map((prompt) => `${step.id}/${prompt.id}`));
    assert.deepEqual(actionPrompts(GROW), ['will/will-actions']);
    assert.deepEqual(actionPrompts(OSKAR), ['affirm-action/action-steps']);
  });
});

describe('defineCoachingModel', () => {
  test('accepts a small custom model and fills defaults', () => {
    const model = defineCoachingModel({
      id: 'check-in',
      name: 'Check-in',
      steps: [
        {
          id: 'how',
          title: 'How are you',
          purpose: 'Open.',
          prompts: [
            { id: 'mood', text: 'How are you today?' },
            { id: 'energy', kind: 'scale', text: 'Energy?' },
          ],
        },
      ],
    });
    assert.deepEqual(model.steps[0]!.prompts[0], { id: 'mood', kind: 'text', text: 'How are you today?', required: false });
    assert.deepEqual(model.steps[0]!.prompts[1], { id: 'energy', kind: 'scale', text: 'Energy?', required: false, min: 0, max: 10 });
    assert.ok(Object.isFrozen(model.steps));
    assert.deepEqual(
      defineCoachingModel(retro).steps.map((step) => step.id),
      ['went-well', 'confidence', 'next'],
    );
  });

  test('refuses bad models with a clear error at the right path', () => {
    const base = () => structuredClone(retro) as CoachingModelDefinition;
    throwsInvalid(() => defineCoachingModel(undefined as never), '');
    throwsInvalid(() => defineCoachingModel({ ...base(), steps: [] }), 'steps', /at least one step/);
    throwsInvalid(() => defineCoachingModel({ ...base(), name: '  ' }), 'name', /must not be empty/);
    throwsInvalid(() => defineCoachingModel({ ...base(), id: 'grow' }), 'id', /built-in/);
    throwsInvalid(() => defineCoachingModel({ ...base(), id: 'has space' }), 'id');
    const duplicateStep = base();
    duplicateStep.steps[2]!.id = 'went-well';
    throwsInvalid(() => defineCoachingModel(duplicateStep), 'steps[2].id', /already the id of steps\[0\]/);
    const duplicatePrompt = base();
    duplicatePrompt.steps[2]!.prompts[0]!.id = 'wins';
    throwsInvalid(() => defineCoachingModel(duplicatePrompt), 'steps[2].prompts[0].id', /unique across the whole model/);
    const badKind = base();
    (badKind.steps[1]!.prompts[0] as { kind: string }).kind = 'slider';
    throwsInvalid(() => defineCoachingModel(badKind), 'steps[1].prompts[0].kind', /"text", "list" or "scale"/);
    const badBounds = base();
    badBounds.steps[1]!.prompts[0]!.min = 5;
    throwsInvalid(() => defineCoachingModel(badBounds), 'steps[1].prompts[0].max', /greater than `min`/);
    const tooWide = base();
    tooWide.steps[1]!.prompts[0]!.max = 100;
    throwsInvalid(() => defineCoachingModel(tooWide), 'steps[1].prompts[0].max', /at most 21/);
    const fractional = base();
    fractional.steps[1]!.prompts[0]!.max = 4.5;
    throwsInvalid(() => defineCoachingModel(fractional), 'steps[1].prompts[0].max', /whole number/);
    const boundsOnText = base();
    boundsOnText.steps[0]!.prompts.push({ id: 'why', text: 'Why?', max: 3 });
    throwsInvalid(() => defineCoachingModel(boundsOnText), 'steps[0].prompts[1].max', /only to scale prompts/);
    const actionsOnText = base();
    actionsOnText.steps[0]!.prompts.push({ id: 'why', text: 'Why?', actions: true });
    throwsInvalid(() => defineCoachingModel(actionsOnText), 'steps[0].prompts[1].actions', /only to list prompts/);
    const badRequired = base();
    (badRequired.steps[0]!.prompts[0] as { required: unknown }).required = 'yes';
    throwsInvalid(() => defineCoachingModel(badRequired), 'steps[0].prompts[0].required', /true or false/);
    const typo = base() as unknown as { steps: Array<{ prompts: Array<Record<string, unknown>> }> };
    typo.steps[0]!.prompts[0]!.requierd = true;
    throwsInvalid(() => defineCoachingModel(typo as never), 'steps[0].prompts[0].requierd', /not a field of a coaching prompt/);
    const noPrompts = base();
    noPrompts.steps[1]!.prompts = [];
    throwsInvalid(() => defineCoachingModel(noPrompts), 'steps[1].prompts', /at least one prompt/);
    throwsInvalid(() => defineCoachingModel({ ...base(), topicPromptId: 'nope' }), 'topicPromptId', /not the id of any prompt/);
  });

  test('lists every problem in issues', () => {
    const model = structuredClone(retro);
    model.steps[0]!.id = 'next';
    (model.steps[1]!.prompts[0] as { kind: string }).kind = 'slider';
    try {
      defineCoachingModel(model);
      assert.fail('should throw');
    } catch (error) {
      assert.ok(isMentorKitError(error, 'invalid-input'));
      assert.ok((error as { issues: unknown[] }).issues.length >= 1);
      assert.match((error as Error).message, /steps\[1\]\.prompts\[0\]\.kind|steps\[2\]\.id/);
    }
  });
});

describe('flow engine', () => {
  test('walks GROW from goal to will, recording who answered and when', () => {
    const flow = completeGrow();
    assert.equal(isFinished(flow), true);
    assert.equal(currentStep(flow), undefined);
    assert.equal(flow.finishedAt, later(10));
    assert.deepEqual(flow.answers['reality-position'], { value: 3, answeredBy: 'kenji', answeredAt: later(4) });
    assert.deepEqual(flow.answers['options-list']!.value, ['Shadow Kenji at the next review', 'Write a review checklist']);
    assert.deepEqual(flow.answers['will-actions']!.value, ['Shadow Kenji on 14 April', 'Draft the checklist by Friday']);
    assert.equal(flow.startedBy, 'lucia');
  });

  test('is immutable: every function returns a new frozen flow and leaves its argument alone', () => {
    const start = startFlow(GROW, { at: AT });
    const before = JSON.stringify(start);
    const answered = answer(start, 'goal-what', 'x', { at: AT });
    assert.notEqual(answered, start);
    assert.equal(JSON.stringify(start), before);
    assert.ok(Object.isFrozen(answered) && Object.isFrozen(answered.answers) && Object.isFrozen(answered.answers['goal-what']));
    assert.throws(() => {
      (answered as { stepIndex: number }).stepIndex = 3;
    });
    assert.equal(answer(answered, 'goal-what', 'x', { at: later(5) }), answered, 'same value: same flow (nothing to save)');
  });

  test('next refuses to leave a step whose required prompts are empty, and says which', () => {
    const flow = startFlow(GROW, { at: AT });
    assert.throws(
      () => next(flow),
      (error: unknown) => {
        assert.ok(isMentorKitError(error, 'invalid-input'));
        assert.equal((error as { path: string }).path, 'answers.goal-what');
        assert.match((error as Error).message, /Before leaving Goal, answer this question: “What do you want to achieve\?”/);
        assert.deepEqual((error as unknown as { details: { missingPromptIds: string[] } }).details.missingPromptIds, ['goal-what']);
        return true;
      },
    );
    const oskar = next(answer(startFlow(OSKAR, { at: AT }), 'outcome-what', 'Speak up in meetings'));
    assert.throws(
      () => next(oskar),
      (error: unknown) => {
        assert.equal((error as { path: string }).path, 'answers.scaling-now');
        assert.match((error as Error).message, /these 2 questions/);
        assert.equal((error as { issues: unknown[] }).issues.length, 2);
        return true;
      },
    );
    assert.deepEqual(
      missingRequired(oskar).map((prompt) => prompt.id),
      ['scaling-now', 'scaling-target'],
    );
    // Whitespace is no answer.
    throwsInvalid(() => next(answer(flow, 'goal-what', '   ')), 'answers.goal-what');
    // Messages can be translated.
    assert.throws(() => next(flow, { messages: { requiredMissing: (step) => `Falta responder en ${step}` } }), /Falta responder en Goal/);
  });

  test('back keeps answers and un-finishes; goTo reaches only steps whose predecessors are complete', () => {
    const done = completeGrow();
    const will = back(done);
    assert.equal(currentStep(will)!.id, 'will');
    assert.equal(will.finishedAt, undefined);
    assert.equal(will.answers['goal-what']!.value, 'Lead the design review of the payments API');
    assert.equal(currentStep(goTo(done, 'reality'))!.id, 'reality');
    throwsInvalid(() => back(startFlow(GROW)), 'flow.stepIndex', /first step/);
    throwsInvalid(() => goTo(startFlow(GROW), 'options'), 'stepId', /Options opens once the required questions of Goal are answered/);
    throwsInvalid(() => goTo(done, 'nope'), 'stepId');
    throwsInvalid(() => next(done), 'flow.stepIndex', /finished/);
  });

  test('answers are checked against their prompt kind', () => {
    const flow = startFlow(OSKAR);
    throwsInvalid(() => answer(flow, 'scaling-now', 11), 'value', /whole number from 0 to 10/);
    throwsInvalid(() => answer(flow, 'scaling-now', 2.5), 'value');
    throwsInvalid(() => answer(flow, 'scaling-now', '7' as never), 'value');
    throwsInvalid(() => answer(flow, 'outcome-what', ['a'] as never), 'value', /text/);
    throwsInvalid(() => answer(flow, 'action-steps', [1] as never), 'value', /list/);
    throwsInvalid(() => answer(flow, 'outcome-what', 'x'.repeat(4001)), 'value', /4000/);
    throwsInvalid(() => answer(flow, 'nope', 'x'), 'promptId', /no prompt "nope"/);
    throwsInvalid(() => answer(flow, 'outcome-what', 'x', { at: 'yesterday' }), 'options.at');
    throwsInvalid(() => answer({} as never, 'outcome-what', 'x'), 'flow');
    const answered = answer(flow, 'scaling-now', 0);
    assert.equal(answered.answers['scaling-now']!.value, 0, 'zero is an answer');
    assert.equal(answer(answered, 'scaling-now', null).answers['scaling-now'], undefined, 'null clears');
  });

  test('serialises and resumes: restoreFlow(JSON) equals the flow and carries on', () => {
    const halfway = answer(
      next(answer(startFlow(OSKAR, { by: 'lucia', at: AT, previousRunId: 'run-1' }), 'outcome-what', 'Speak up', { by: 'lucia', at: AT })),
      'scaling-now',
      4,
      { by: 'kenji', at: AT },
    );
    const resumed = restoreFlow(JSON.parse(JSON.stringify(halfway)));
    assert.deepEqual(resumed, halfway);
    assert.equal(currentStep(resumed)!.id, 'scaling');
    assert.equal(resumed.previousRunId, 'run-1');
    const carried = next(answer(resumed, 'scaling-target', 6));
    assert.equal(currentStep(carried)!.id, 'know-how');
  });

  test('restoreFlow refuses what is not a saved flow, with a path', () => {
    const saved = JSON.parse(JSON.stringify(completeGrow()));
    throwsInvalid(() => restoreFlow('x'), 'flow');
    throwsInvalid(() => restoreFlow({ ...saved, format: 'v0' }), 'flow.format');
    throwsInvalid(() => restoreFlow({ ...saved, stepIndex: 9 }), 'flow.stepIndex');
    throwsInvalid(() => restoreFlow({ ...saved, finishedAt: undefined }), 'flow.finishedAt');
    throwsInvalid(
      () => restoreFlow({ ...saved, answers: { ...saved.answers, 'reality-position': { value: 42, answeredAt: AT } } }),
      'flow.answers.reality-position.value',
    );
    throwsInvalid(() => restoreFlow({ ...saved, answers: { ghost: { value: 'x', answeredAt: AT } } }), 'flow.answers.ghost');
    throwsInvalid(() => restoreFlow({ ...saved, model: { ...saved.model, steps: [] } }), 'flow.model.steps');
  });

  test('a custom model runs with no extra code', () => {
    let flow = startFlow(defineCoachingModel(retro), { at: AT });
    flow = next(answer(flow, 'wins', ['Shipped the importer']));
    throwsInvalid(() => answer(flow, 'confidence', 0), 'value', /from 1 to 5/);
    flow = next(answer(flow, 'confidence', 4));
    flow = next(answer(flow, 'tries', ['Pair on the next release']));
    assert.equal(isFinished(flow), true);
    assert.deepEqual(
      actionsFromFlow(flow).map((draft) => draft.title),
      ['Pair on the next release'],
    );
  });
});

describe('summarize and actionsFromFlow', () => {
  test('summarize gives a readable summary with every answered prompt and the actions', () => {
    const summary = summarize(completeGrow());
    assert.equal(summary.title, 'GROW session: Lead the design review of the payments API');
    assert.equal(summary.finished, true);
    assert.deepEqual(summary.actions, ['Shadow Kenji on 14 April', 'Draft the checklist by Friday']);
    assert.deepEqual(
      summary.steps.map((step) => step.answers.length),
      [1, 2, 1, 2],
    );
    assert.equal(summary.steps[1]!.answers[1]!.text, '3 on a scale of 0 to 10');
    assert.equal(summary.steps[1]!.answers[1]!.answeredBy, 'kenji');
    assert.match(
      summary.text,
      /^GROW session: Lead the design review of the payments API\nFinished on 2026-03-30\n\nGoal\n- What do you want to achieve\? Lead the design review/,
    );
    assert.match(summary.text, /Actions\n- Shadow Kenji on 14 April\n- Draft the checklist by Friday$/);
    const partial = summarize(startFlow(OSKAR, { at: AT }));
    assert.equal(partial.title, 'OSKAR session');
    assert.equal(partial.finished, false);
    assert.match(partial.text, /In progress/);
  });

  test('actionsFromFlow turns Will items into valid GoalDrafts, or milestones of one goal', () => {
    const flow = completeGrow();
    const goals = actionsFromFlow(flow, { skill: 'leadership', dueDate: '2026-05-01' });
    assert.deepEqual(
      goals.map((goal) => goal.title),
      ['Shadow Kenji on 14 April', 'Draft the checklist by Friday'],
    );
    assert.equal(goals[0]!.description, 'Agreed in a GROW coaching session on 2026-03-30, working towards: Lead the design review of the payments API.');
    assert.equal(goals[0]!.skill, 'leadership');
    assert.equal(goals[0]!.dueDate, '2026-05-01');
    const [one] = actionsFromFlow(flow, { as: 'milestones' });
    assert.equal(one!.title, 'Lead the design review of the payments API');
    assert.deepEqual(
      one!.milestones!.map((milestone) => milestone.title),
      ['Shadow Kenji on 14 April', 'Draft the checklist by Friday'],
    );
    for (const draft of [...goals, one!]) assert.ok(v.safeParse(GoalDraftSchema, draft).success);
    assert.deepEqual(actionsFromFlow(startFlow(GROW)), []);
    throwsInvalid(() => actionsFromFlow(flow, { as: 'tasks' as never }), 'options.as');
    throwsInvalid(() => actionsFromFlow(flow, { dueDate: '2026-02-30' }), 'options.dueDate');
  });

  test('OSKAR Action items become goals too; long items are clipped to a valid title', () => {
    let flow = startFlow(OSKAR, { at: AT });
    flow = answer(flow, 'action-steps', ['Ask one question in every stand-up', 'x'.repeat(400)]);
    const drafts = actionsFromFlow(flow);
    assert.equal(drafts[0]!.title, 'Ask one question in every stand-up');
    assert.equal(drafts[1]!.title.length, 200);
    assert.ok(drafts[1]!.title.endsWith('…'));
  });
});

describe('recommendCoachingModel', () => {
  test('structure and a clear goal point to GROW; exploration and affirmation to OSKAR; reasons explain', () => {
    const grow = recommendCoachingModel({ structure: 5, affirmation: 2, goalClarity: 'yes' });
    assert.equal(grow.modelId, 'grow');
    assert.equal(grow.alternativeId, 'oskar');
    assert.equal(grow.strength, 'clear');
    assert.equal(grow.reasons.length, 3);
    const oskar = recommendCoachingModel({ structure: 2, affirmation: 5 });
    assert.equal(oskar.modelId, 'oskar');
    assert.equal(oskar.score, -3);
    assert.match(oskar.reasons.join(' '), /Affirmation helps you/);
    const tie = recommendCoachingModel({ structure: 3, affirmation: 3 });
    assert.equal(tie.modelId, 'grow');
    assert.equal(tie.strength, 'slight');
    assert.match(tie.reasons.at(-1)!, /balance out/);
    throwsInvalid(() => recommendCoachingModel({ structure: 6, affirmation: 3 }), 'answers.structure');
    throwsInvalid(() => recommendCoachingModel({ structure: 3, affirmation: 3, goalClarity: 'maybe' as never }), 'answers.goalClarity');
    assert.deepEqual(
      COACHING_QUESTIONNAIRE.map((question) => question.id),
      ['structure', 'affirmation', 'goalClarity'],
    );
  });
});

describe('properties', () => {
  const growAnswer = fc.constantFrom(
    ['goal-what', fc.string({ maxLength: 40 })] as const,
    ['reality-now', fc.string({ maxLength: 40 })] as const,
    ['reality-position', fc.integer({ min: 0, max: 10 })] as const,
    ['options-list', fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 })] as const,
    ['will-actions', fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 })] as const,
  );
  const operation = fc.oneof(
    growAnswer.chain(([promptId, value]) => (value as fc.Arbitrary<unknown>).map((answerValue) => ({ kind: 'answer' as const, promptId, value: answerValue }))),
    fc.constant({ kind: 'next' as const }),
    fc.constant({ kind: 'back' as const }),
  );

  test('any sequence of operations gives a flow that survives JSON and resumes identically', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 30 }), (operations) => {
        let flow = startFlow(GROW, { by: 'lucia', at: AT });
        for (const operation of operations) {
          try {
            if (operation.kind === 'answer') flow = answer(flow, operation.promptId, operation.value as never, { by: 'lucia', at: AT });
            else if (operation.kind === 'next') flow = next(flow, { at: AT });
            else flow = back(flow);
          } catch (error) {
            assert.ok(isMentorKitError(error, 'invalid-input'), String(error));
          }
          const resumed = restoreFlow(JSON.parse(JSON.stringify(flow)));
          assert.deepEqual(resumed, flow);
          // Invariants: the step index is in range, and every step before it has its required answers.
          assert.ok(flow.stepIndex >= 0 && flow.stepIndex <= GROW.steps.length);
          for (const step of GROW.steps.slice(0, flow.stepIndex)) assert.deepEqual(missingRequired(flow, step.id), [], `${step.id} was left complete`);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('a refused operation changes nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 20 }), fc.string(), (scale, promptId) => {
        const flow = startFlow(OSKAR, { at: AT });
        const before = JSON.stringify(flow);
        try {
          answer(flow, 'scaling-now', scale);
        } catch {
          /* refused */
        }
        try {
          answer(flow, promptId, 'x');
        } catch {
          /* refused */
        }
        assert.equal(JSON.stringify(flow), before);
      }),
    );
  });
});
