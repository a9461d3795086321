// The rules of a goal draft a form applies before saving (goalDraftProblems), and who may keep a goal private.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMentorKit, isMentorKitError, TEXT_LIMITS, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { goalDraftProblems, goalsFeature, goalVisibilityFor, mayMakePrivate, type GoalDraft } from '@mentorkit/core/goals';
import { twoPairingsStorage } from './programme-fixtures.js';

const clock = '2026-10-14T09:00:00Z';
const kitFor = async (storage: StorageAdapter, user: string): Promise<MentorKit> => {
  const kit = createMentorKit({ storage, user, now: () => clock });
  await kit.ready;
  return kit;
};
const problemsOf = (draft: GoalDraft) => goalDraftProblems(draft).map(({ path, code }) => [path, code]);
const refuses = (call: () => unknown, path: string) =>
  assert.throws(call, (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === path);

/** Drafts with problems, and what goalDraftProblems says of each. */
const BAD: Array<[string, GoalDraft, Array<[string, string]>]> = [
  ['an empty title', { title: '  ' }, [['title', 'required']]],
  [
    'a measure without a name or target',
    { title: 'Give talks', metric: { name: '', start: 0 } as never },
    [
      ['metric.name', 'required'],
      ['metric.target', 'required'],
    ],
  ],
  [
    'numbers that are not numbers',
    { title: 'Give talks', metric: { name: 'talks', start: Number.NaN, target: Number.POSITIVE_INFINITY, current: Number.NaN } },
    [
      ['metric.start', 'not-a-number'],
      ['metric.target', 'not-a-number'],
      ['metric.current', 'not-a-number'],
    ],
  ],
  ['a title over its limit', { title: 't'.repeat(TEXT_LIMITS.goal.title + 1) }, [['title', 'too-long']]],
  [
    'every text over its limit',
    {
      title: 'Give talks',
      description: 'd'.repeat(TEXT_LIMITS.goal.description + 1),
      skill: 's'.repeat(TEXT_LIMITS.goal.skill + 1),
      metric: { name: 'n'.repeat(TEXT_LIMITS.goal.metricName + 1), unit: 'u'.repeat(TEXT_LIMITS.goal.metricUnit + 1), start: 0, target: 3 },
      milestones: [{ title: 'm'.repeat(TEXT_LIMITS.goal.milestoneTitle + 1) }],
    },
    [
      ['description', 'too-long'],
      ['skill', 'too-long'],
      ['metric.name', 'too-long'],
      ['metric.unit', 'too-long'],
      ['milestones[0].title', 'too-long'],
    ],
  ],
  [
    'a dated milestone without a title',
    { title: 'Give talks', milestones: [{ title: 'Pick a topic' }, { title: '', dueDate: '2026-11-01' }] },
    [['milestones[1].title', 'required']],
  ],
  ['a due date before the start', { title: 'Give talks', startDate: '2026-11-01', dueDate: '2026-10-01' }, [['dueDate', 'before-start']]],
  [
    'an empty title and a due date before the start: both at once',
    { title: '', startDate: '2026-11-01', dueDate: '2026-10-01' },
    [
      ['title', 'required'],
      ['dueDate', 'before-start'],
    ],
  ],
  [
    'a start date that is not one: no verdict on the order',
    { title: 'Give talks', startDate: '2026-13-01', dueDate: '2026-10-01' },
    [['startDate', 'not-a-date']],
  ],
  [
    'more than 100 milestones',
    { title: 'Give talks', milestones: Array.from({ length: 101 }, (_, index) => ({ title: `Step ${index + 1}` })) },
    [['milestones', 'invalid']],
  ],
  ['a date that is not one', { title: 'Give talks', dueDate: '2026-02-30' }, [['dueDate', 'not-a-date']]],
  [
    'a milestone id used twice',
    {
      title: 'Give talks',
      milestones: [
        { id: 'm-1', title: 'Pick a topic' },
        { id: 'm-1', title: 'Write the abstract' },
      ],
    },
    [['milestones[1].id', 'invalid']],
  ],
];

describe('goalDraftProblems', () => {
  test('a draft core would save has no problems', () => {
    assert.deepEqual(goalDraftProblems({ title: 'Give one lightning talk' }), []);
    assert.deepEqual(
      goalDraftProblems({
        title: 'Run 3 team retrospectives',
        description: 'With the platform team',
        skill: 'facilitation',
        metric: { name: 'retrospectives run', unit: 'retros', start: 0, target: 3, current: 1 },
        startDate: '2026-10-01',
        dueDate: '2026-11-30',
        milestones: [{ title: 'Book a room', dueDate: '2026-10-20' }, { title: 'Run the first retro' }],
      }),
      [],
    );
  });

  for (const [what, draft, expected] of BAD) {
    test(`says which field and why: ${what}`, () => {
      assert.deepEqual(problemsOf(draft), expected);
    });
  }

  test('a text over its limit carries the limit, and every problem carries a message', () => {
    const [problem] = goalDraftProblems({ title: 't'.repeat(201) });
    assert.equal(problem!.requirement, TEXT_LIMITS.goal.title);
    for (const [, draft] of BAD) for (const { message } of goalDraftProblems(draft)) assert.ok(message.length > 0);
  });

  test('the same rules as create: every draft with problems is refused at the same paths, and one without is saved', async () => {
    const storage = twoPairingsStorage();
    const kit = await kitFor(storage, 'ana');
    const goals = kit.use(goalsFeature);
    for (const [what, draft, expected] of BAD) {
      await assert.rejects(
        goals.create({ ...draft, pairingId: 'p-ana' }),
        (error: unknown) => {
          assert.ok(isMentorKitError(error, 'invalid-input'), what);
          // create stops at the schema before it applies the other rules; its paths are the draft's under `goal.`
          assert.ok(
            error.issues.every((issue) => expected.some(([path]) => issue.path === `goal.${path}`)),
            `${what}: ${JSON.stringify(error.issues.map((issue) => issue.path))}`,
          );
          return true;
        },
        what,
      );
    }
    assert.equal((await storage.query('goals')).length, 0, 'nothing was written');
    const draft: GoalDraft = { title: 'Run 3 team retrospectives', metric: { name: 'retros', start: 0, target: 3 }, dueDate: '2026-11-30' };
    assert.deepEqual(goalDraftProblems(draft), []);
    await goals.create({ ...draft, pairingId: 'p-ana' });
  });

  test('a draft that is not an object is refused with invalid-input', () => {
    for (const bad of [undefined, null, 'Give talks', 42, ['title']]) refuses(() => goalDraftProblems(bad as never), 'draft');
  });
});

describe('who may keep a goal private', () => {
  const pairing = { id: 'p-ana', menteeId: 'ana', mentorIds: ['kenji', 'arjun'] };

  test('a new goal: only the mentee, never the mentor or the co-mentor', () => {
    assert.equal(mayMakePrivate(pairing, 'ana'), true);
    assert.equal(mayMakePrivate(pairing, 'kenji'), false, 'mentor');
    assert.equal(mayMakePrivate(pairing, 'arjun'), false, 'co-mentor');
    assert.equal(mayMakePrivate(pairing, 'priya'), false, 'admin');
    assert.equal(goalVisibilityFor(pairing, 'ana', true), 'private');
    assert.equal(goalVisibilityFor(pairing, 'ana', false), 'pairing');
    assert.equal(goalVisibilityFor(pairing, 'kenji', true), 'pairing', 'a mentor asking for private gets a shared goal');
    assert.equal(goalVisibilityFor(pairing, 'arjun', true), 'pairing');
  });

  test('a stored goal: only its owner', () => {
    assert.equal(mayMakePrivate({ ownerId: 'ana' }, 'ana'), true);
    assert.equal(mayMakePrivate({ ownerId: 'ana' }, 'kenji'), false);
    assert.equal(goalVisibilityFor({ ownerId: 'ana' }, 'ana', true), 'private');
    assert.equal(goalVisibilityFor({ ownerId: 'ana' }, 'arjun', true), 'pairing');
  });

  test('the access policy agrees: what goalVisibilityFor gives is saved, and private from a mentor or co-mentor is refused', async () => {
    const storage = twoPairingsStorage();
    for (const user of ['ana', 'kenji', 'arjun']) {
      const goals = (await kitFor(storage, user)).use(goalsFeature);
      const saved = await goals.create({ pairingId: 'p-ana', title: `A goal set by ${user}`, visibility: goalVisibilityFor(pairing, user, true) });
      assert.equal(saved.visibility, user === 'ana' ? 'private' : 'pairing', user);
      if (user !== 'ana')
        await assert.rejects(goals.create({ pairingId: 'p-ana', title: 'Private for Ana', visibility: 'private' }), (error: unknown) =>
          isMentorKitError(error, 'forbidden'),
        );
      const shared = goals.$goals.get().find((goal) => goal.title === `A goal set by ${user}`)!;
      if (user === 'ana') await goals.update(shared.id, { visibility: goalVisibilityFor(shared, user, false) });
    }
  });

  test('invalid input is refused with invalid-input and its path', () => {
    refuses(() => mayMakePrivate(null as never, 'ana'), 'goalOrPairing');
    refuses(() => mayMakePrivate({} as never, 'ana'), 'goalOrPairing');
    refuses(() => mayMakePrivate({ menteeId: 7 } as never, 'ana'), 'goalOrPairing');
    refuses(() => mayMakePrivate(pairing, ''), 'userId');
    refuses(() => mayMakePrivate(pairing, undefined as never), 'userId');
    refuses(() => goalVisibilityFor(pairing, 'ana', 'yes' as never), 'wantsPrivate');
    refuses(() => goalVisibilityFor(undefined as never, 'ana', true), 'goalOrPairing');
  });
});
