import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMentorKit, isMentorKitError, type DomainEvent, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { coachingFeature, defineCoachingModel, summarize, type GoalDraft } from '@mentorkit/core/coaching';
import { londonStorage } from './programme-fixtures.js';

const storageWithPairs = () => londonStorage({ danPaired: true });

let minute = 0;
const clock = () => new Date(Date.UTC(2026, 2, 30, 9, minute++)).toISOString();
const kitFor = (storage: StorageAdapter, user: string) => createMentorKit({ storage, user, now: clock, features: [coachingFeature] });
const coachingOf = (kit: MentorKit) => kit.use(coachingFeature);

async function rejectsWith(promise: Promise<unknown>, code: string, path?: string, pattern?: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isMentorKitError(error, code as never), `expected ${code}, got ${String(error)}`);
    if (path !== undefined) assert.equal((error as { path: string }).path, path, (error as Error).message);
    if (pattern) assert.match((error as Error).message, pattern);
    return true;
  });
}

describe('coachingFeature', () => {
  test('a GROW run: start, autosave each answer, refuse to skip required ones, complete, hand the Will items to goals', async () => {
    const storage = storageWithPairs();
    const ana = kitFor(storage, 'ana');
    const events: DomainEvent[] = [];
    ana.on('*', (event) => events.push(event));
    const coaching = coachingOf(ana);
    await coaching.ready;
    assert.equal(coaching.$loaded.get(), true);
    const run = await coaching.start({ pairingId: 'p-ana', model: 'grow' });
    assert.equal(run.modelId, 'grow');
    assert.equal(run.startedBy, 'ana');
    assert.equal(run.revision, 1);
    assert.equal(coaching.openRun('p-ana', 'grow')!.id, run.id);

    await rejectsWith(coaching.next(run.id), 'invalid-input', 'answers.goal-what', /What do you want to achieve/);
    const saved = await coaching.answer(run.id, 'goal-what', 'Lead a design review');
    assert.equal(saved.revision, 2, 'saved after the answer');
    assert.equal((await storage.get('coaching-runs', run.id))!.revision, 2, 'in storage');
    await coaching.next(run.id);
    await coaching.answer(run.id, 'reality-now', 'I have never led one');
    await coaching.next(run.id);
    await coaching.answer(run.id, 'options-list', ['Shadow Kenji', 'Read the RFC guide']);
    await coaching.next(run.id);
    await coaching.answer(run.id, 'will-actions', ['Shadow Kenji on 14 April', 'Draft a checklist']);
    const completed = await coaching.complete(run.id);
    assert.ok(completed.completedAt);
    assert.equal(coaching.flowOf(completed).stepIndex, 4);
    assert.equal(summarize(coaching.flowOf(run.id)).actions.length, 2);
    await rejectsWith(coaching.answer(run.id, 'goal-what', 'changed'), 'invalid-input', 'runId', /completed/);
    assert.equal((await coaching.complete(run.id)).revision, completed.revision, 'complete is idempotent');

    const created: Array<GoalDraft & { pairingId: string }> = [];
    const result = await coaching.turnIntoGoals(run.id, (draft, context) => {
      created.push({ ...draft, pairingId: context.pairingId });
      return `goal-${context.index}`;
    });
    assert.deepEqual(result.results, ['goal-0', 'goal-1']);
    assert.deepEqual(
      created.map((goal) => [goal.title, goal.pairingId]),
      [
        ['Shadow Kenji on 14 April', 'p-ana'],
        ['Draft a checklist', 'p-ana'],
      ],
    );
    const handedOff = coaching.get(run.id);
    assert.ok(handedOff.actionsHandedOffAt);
    assert.equal(handedOff.actionsHandedOffCount, 2);
    await rejectsWith(
      coaching.turnIntoGoals(run.id, () => undefined),
      'conflict',
      'runId',
      /already became goals/,
    );
    assert.deepEqual(
      events.map((event) => event.type),
      ['coaching-run-started', 'coaching-run-completed', 'coaching-actions-handed-off'],
    );
    assert.equal(events[1]!.data.actions, 2);
    await ana.dispose();
  });

  test('resume on another device: the mentor sees the run, continues it; the answers record who answered', async () => {
    const storage = storageWithPairs();
    const ana = kitFor(storage, 'ana');
    const run = await coachingOf(ana).start({ pairingId: 'p-ana', model: 'oskar' });
    await coachingOf(ana).answer(run.id, 'outcome-what', 'Speak up in meetings');
    await coachingOf(ana).next(run.id);
    await ana.dispose();

    const kenji = kitFor(storage, 'kenji');
    const coaching = coachingOf(kenji);
    await coaching.ready;
    const open = coaching.openRun('p-ana', 'oskar')!;
    assert.equal(open.id, run.id);
    assert.equal(coaching.flowOf(open).stepIndex, 1);
    await coaching.answer(run.id, 'scaling-now', 4);
    const flow = coaching.flowOf(run.id);
    assert.equal(flow.answers['outcome-what']!.answeredBy, 'ana');
    assert.equal(flow.answers['scaling-now']!.answeredBy, 'kenji');
    await kenji.dispose();
  });

  test('two people answering at once: different prompts both land; the same prompt is a conflict, never a silent overwrite', async () => {
    const storage = storageWithPairs();
    const ana = kitFor(storage, 'ana');
    const kenji = kitFor(storage, 'kenji');
    const run = await coachingOf(ana).start({ pairingId: 'p-ana', model: 'oskar' });
    await coachingOf(kenji).ready;
    await Promise.all([coachingOf(ana).answer(run.id, 'outcome-what', 'Speak up'), coachingOf(kenji).answer(run.id, 'outcome-today', 'A plan for Monday')]);
    const after = coachingOf(ana).flowOf((await storage.get('coaching-runs', run.id)) as never);
    assert.equal(after.answers['outcome-what']!.value, 'Speak up');
    assert.equal(after.answers['outcome-today']!.value, 'A plan for Monday');

    const results = await Promise.allSettled([
      coachingOf(ana).answer(run.id, 'outcome-miracle', 'I would just talk'),
      coachingOf(kenji).answer(run.id, 'outcome-miracle', 'She would lead the stand-up'),
    ]);
    const refused = results.filter((result) => result.status === 'rejected');
    assert.equal(refused.length, 1, 'one of the two same-prompt saves is refused');
    assert.ok(isMentorKitError((refused[0] as PromiseRejectedResult).reason, 'conflict'));

    // An explicit revision is strict.
    const latest = (await storage.get('coaching-runs', run.id))!;
    await rejectsWith(coachingOf(ana).answer(run.id, 'outcome-today', 'x', { expectedRevision: latest.revision - 1 }), 'conflict');
    await Promise.all([ana.dispose(), kenji.dispose()]);
  });

  test('OSKAR review links the previous completed OSKAR run of the pair', async () => {
    const storage = storageWithPairs();
    const ana = kitFor(storage, 'ana');
    const coaching = coachingOf(ana);
    const first = await coaching.start({ pairingId: 'p-ana', model: 'oskar' });
    assert.equal(first.previousRunId, undefined);
    await coaching.answer(first.id, 'outcome-what', 'Speak up');
    await coaching.next(first.id);
    await coaching.answer(first.id, 'scaling-now', 3);
    await coaching.answer(first.id, 'scaling-target', 5);
    await coaching.next(first.id);
    await coaching.answer(first.id, 'know-how-working', 'Preparing notes');
    await coaching.next(first.id);
    await coaching.answer(first.id, 'action-steps', ['Ask one question per stand-up']);
    await coaching.next(first.id);
    await coaching.complete(first.id);
    const grow = await coaching.start({ pairingId: 'p-ana', model: 'grow' });
    assert.equal(grow.previousRunId, undefined, 'GROW has no review step');
    const second = await coaching.start({ pairingId: 'p-ana', model: 'oskar' });
    assert.equal(second.previousRunId, first.id);
    assert.equal(coaching.flowOf(second).previousRunId, first.id);
    assert.equal(coaching.previousRun('p-ana', 'oskar', second.id)!.id, first.id);
    assert.deepEqual(
      coaching.runsOf('p-ana').map((run) => run.id),
      [second.id, grow.id, first.id],
      'newest first',
    );
    assert.deepEqual(
      coaching.runsOf('p-ana', { status: 'completed' }).map((run) => run.id),
      [first.id],
    );
    await ana.dispose();
  });

  test('custom models: registered by id, or passed as an object; a different model with a taken id is refused', async () => {
    const storage = storageWithPairs();
    const ana = kitFor(storage, 'ana');
    const coaching = coachingOf(ana);
    const retro = coaching.registerModel({
      id: 'retro',
      name: 'Retro',
      steps: [
        { id: 'wins', title: 'Wins', purpose: 'Start well.', prompts: [{ id: 'wins', kind: 'list', text: 'What went well?', actions: true, required: true }] },
      ],
    });
    assert.equal(coaching.getModel('retro'), retro);
    assert.deepEqual(
      coaching.listModels().map((model) => model.id),
      ['grow', 'oskar', 'retro'],
    );
    assert.throws(
      () => coaching.registerModel({ ...retro, name: 'Other', steps: [...retro.steps] } as never),
      (error: unknown) => isMentorKitError(error, 'conflict'),
    );
    assert.throws(
      () => coaching.getModel('nope'),
      (error: unknown) => isMentorKitError(error, 'not-found'),
    );
    const run = await coaching.start({ pairingId: 'p-ana', model: 'retro' });
    await coaching.answer(run.id, 'wins', 'Shipped it\nMet the team');
    const done = await coaching.complete(run.id);
    assert.ok(done.completedAt);
    const adHoc = defineCoachingModel({
      id: 'one-question',
      name: 'One question',
      steps: [{ id: 'q', title: 'Q', purpose: 'Ask.', prompts: [{ id: 'q', text: 'Anything?' }] }],
    });
    const adHocRun = await coaching.start({ pairingId: 'p-ana', model: adHoc });
    assert.equal(adHocRun.modelId, 'one-question');
    await ana.dispose();
  });

  test('policy and validation: only members start and answer; admins read; bad input writes nothing', async () => {
    const storage = storageWithPairs();
    const ana = kitFor(storage, 'ana');
    const run = await coachingOf(ana).start({ pairingId: 'p-ana' });
    const before = JSON.stringify(await storage.query('coaching-runs'));
    const dan = kitFor(storage, 'dan');
    await rejectsWith(coachingOf(dan).start({ pairingId: 'p-ana' }), 'not-found', 'pairingId');
    await coachingOf(dan).ready;
    assert.throws(
      () => coachingOf(dan).get(run.id),
      (error: unknown) => isMentorKitError(error, 'not-found'),
    );
    const priya = kitFor(storage, 'priya');
    await coachingOf(priya).ready;
    assert.equal(coachingOf(priya).get(run.id).id, run.id, 'admins read');
    await rejectsWith(coachingOf(priya).answer(run.id, 'goal-what', 'x'), 'forbidden');
    await rejectsWith(coachingOf(ana).answer(run.id, 'goal-what', 42 as never), 'invalid-input', 'value');
    await rejectsWith(coachingOf(ana).answer(run.id, 'nope', 'x'), 'invalid-input', 'promptId');
    await rejectsWith(coachingOf(ana).start({ pairingId: 'p-ana', model: 'nope' }), 'not-found', 'model');
    await rejectsWith(coachingOf(ana).start(undefined as never), 'invalid-input');
    await rejectsWith(coachingOf(ana).complete(run.id), 'invalid-input', 'runId', /at Goal/);
    await rejectsWith(
      coachingOf(ana).turnIntoGoals(run.id, () => undefined),
      'invalid-input',
      'runId',
      /no actions/,
    );
    await rejectsWith(coachingOf(ana).answer(run.id, 'goal-what', 'x', { expectedRevision: 0 }), 'invalid-input', 'options.expectedRevision');
    assert.equal(JSON.stringify(await storage.query('coaching-runs')), before, 'nothing written');
    await Promise.all([ana.dispose(), dan.dispose(), priya.dispose()]);
  });

  test('save() stores a flow advanced with the pure functions; back and goTo move the saved run', async () => {
    const storage = storageWithPairs();
    const ana = kitFor(storage, 'ana');
    const coaching = coachingOf(ana);
    const { answer, next } = await import('@mentorkit/core/coaching');
    const run = await coaching.start({ pairingId: 'p-ana', model: 'grow' });
    const flow = next(answer(coaching.flowOf(run.id), 'goal-what', 'Offline answer', { by: 'ana' }));
    await coaching.save(run.id, JSON.parse(JSON.stringify(flow)));
    assert.equal(coaching.flowOf(run.id).stepIndex, 1);
    await coaching.back(run.id);
    assert.equal(coaching.flowOf(run.id).stepIndex, 0);
    await coaching.goTo(run.id, 'reality');
    assert.equal(coaching.flowOf(run.id).stepIndex, 1);
    const other = await coaching.start({ pairingId: 'p-ana', model: 'oskar' });
    await rejectsWith(coaching.save(run.id, coaching.flowOf(other.id)), 'invalid-input', 'flow.model.id');
    await ana.dispose();
  });
});
