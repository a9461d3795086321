import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { actionsFromFlow, answer, currentStep, defineCoachingModel, isFinished, next, restoreFlow, startFlow, summarize } from '@mentorkit/core/coaching';

/** The first ```json block of docs/coaching.md: the custom three-step model the README points to. */
function modelFromDocs(): unknown {
  const markdown = readFileSync(fileURLToPath(new URL('../../../docs/coaching.md', import.meta.url)), 'utf8');
  const match = /```json\n([\s\S]*?)\n```/.exec(markdown);
  assert.ok(match, 'docs/coaching.md has a ```json block');
  return JSON.parse(match[1]!);
}

describe('docs/coaching.md', () => {
  test('the custom model in the docs is three steps of JSON that defines and runs', () => {
    const model = defineCoachingModel(modelFromDocs() as never);
    assert.equal(model.steps.length, 3);
    let flow = startFlow(model, { by: 'lucia', at: '2026-03-30T09:00:00Z' });
    assert.throws(() => next(flow), /What went well this week/);
    flow = next(answer(flow, 'wins', 'Shipped the importer\nMet the design team'));
    assert.equal(currentStep(flow)!.id, 'energy');
    flow = next(answer(flow, 'energy', 4));
    flow = next(answer(flow, 'try', ['Pair on the release']));
    assert.equal(isFinished(flow), true);
    assert.deepEqual(restoreFlow(JSON.parse(JSON.stringify(flow))), flow);
    assert.match(summarize(flow).text, /How is your energy\? 4 on a scale of 1 to 5/);
    assert.deepEqual(
      actionsFromFlow(flow).map((draft) => draft.title),
      ['Pair on the release'],
    );
  });
});
