import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { isMentorKitError } from '@mentorkit/core';
import { matchMentors, scoreMatch, solveDenseAssignment, solveSparseAssignment, weeklyOverlap, type MatchResult } from '@mentorkit/core/pairing';

/** Exhaustive optimum: every mentee picks a mentor (with room, allowed) or none; lexicographic (count, total). */
function bruteForce(matrix: Array<Array<number | null>>, capacity: number[], minScore?: number): { matched: number; total: number } {
  const n = matrix.length;
  const m = capacity.length;
  const load = new Array<number>(m).fill(0);
  let best = { matched: -1, total: -Infinity };
  const visit = (i: number, matched: number, total: number) => {
    if (i === n) {
      if (matched > best.matched || (matched === best.matched && total > best.total + 1e-9)) best = { matched, total };
      return;
    }
    visit(i + 1, matched, total);
    for (let j = 0; j < m; j++) {
      const score = matrix[i]![j];
      if (score === null || score === undefined || score === -Infinity || load[j]! >= capacity[j]! || (minScore !== undefined && score < minScore)) continue;
      load[j]!++;
      visit(i + 1, matched + 1, total + score);
      load[j]!--;
    }
  };
  visit(0, 0, 0);
  return best;
}

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index}` }));

function assertValid(result: MatchResult, matrix: Array<Array<number | null>>, capacity: number[]) {
  const load = new Map<string, number>();
  let total = 0;
  for (const assignment of result.assignments) {
    const i = Number(assignment.menteeId.slice(1));
    for (const mentorId of assignment.mentorIds) {
      const j = Number(mentorId.slice(1));
      assert.notEqual(matrix[i]![j], null, 'assigned a forbidden pair');
      load.set(mentorId, (load.get(mentorId) ?? 0) + 1);
      assert.ok(load.get(mentorId)! <= capacity[j]!, 'capacity exceeded');
    }
    total += assignment.score;
  }
  assert.ok(Math.abs(total - result.totalScore) < 1e-9);
}

const instance = fc.record({ n: fc.integer({ min: 0, max: 6 }), m: fc.integer({ min: 0, max: 4 }), integer: fc.boolean() }).chain(({ n, m, integer }) =>
  fc.record({
    matrix: fc.array(
      fc.array(
        fc.oneof(
          { weight: 1, arbitrary: fc.constant(null) },
          { weight: 4, arbitrary: integer ? fc.integer({ min: -2, max: 3 }) : fc.double({ min: -5, max: 5, noNaN: true }) },
        ),
        { minLength: m, maxLength: m },
      ),
      { minLength: n, maxLength: n },
    ),
    capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }),
    minScore: fc.option(fc.integer({ min: -1, max: 2 }), { nil: undefined }),
  }),
);

describe('matchMentors: optimality', () => {
  test('equals brute force on small random instances (matched count, then total)', () => {
    fc.assert(
      fc.property(instance, ({ matrix, capacity, minScore }) => {
        const mentors = capacity.map((value, index) => ({ id: `t${index}`, capacity: value }));
        const result = matchMentors({ mentees: ids('e', matrix.length), mentors, scoreMatrix: matrix, minScore });
        const best = bruteForce(matrix, capacity, minScore);
        assertValid(result, matrix, capacity);
        assert.equal(result.assignments.length, best.matched);
        assert.ok(Math.abs(result.totalScore - best.total) < 1e-9, `total ${result.totalScore} vs brute force ${best.total}`);
        assert.equal(result.assignments.length + result.unmatched.length, matrix.length);
      }),
      { numRuns: 1500 },
    );
  });

  test('forbidden and required pairs hold, and the rest is optimal', () => {
    fc.assert(
      fc.property(instance, fc.nat(), ({ matrix, capacity }, seed) => {
        if (matrix.length === 0 || capacity.length === 0) return;
        const n = matrix.length;
        const m = capacity.length;
        const forbidden: Array<[string, string]> = [[`e${seed % n}`, `t${seed % m}`]];
        const constrained = matrix.map((row, i) => row.map((score, j) => (i === seed % n && j === seed % m ? null : score)));
        const result = matchMentors({
          mentees: ids('e', n),
          mentors: capacity.map((value, index) => ({ id: `t${index}`, capacity: value })),
          scoreMatrix: matrix,
          forbidden,
        });
        const best = bruteForce(constrained, capacity);
        assert.equal(result.assignments.length, best.matched);
        assert.ok(Math.abs(result.totalScore - best.total) < 1e-9);
        assert.ok(!result.assignments.some((a) => a.menteeId === forbidden[0]![0] && a.mentorIds.includes(forbidden[0]![1])));
      }),
      { numRuns: 500 },
    );
  });

  test('known instance: the cheaper of two rivals for one seat wins even when listed last', () => {
    // Row-by-row greedy would keep e0; the optimum gives the seat to e1.
    const result = matchMentors({ mentees: ids('e', 2), mentors: [{ id: 't0' }], scoreMatrix: [[1], [10]] });
    assert.deepEqual(
      result.assignments.map((a) => [a.menteeId, a.mentorIds[0]]),
      [['e1', 't0']],
    );
    assert.equal(result.unmatched[0]!.menteeId, 'e0');
    assert.match(result.unmatched[0]!.reason, /capacity/);
  });

  test('known instance: cardinality first, even at a lower total', () => {
    // e0 alone on t0 scores 10; matching both (e0→t1, e1→t0) scores 2 but matches two.
    const result = matchMentors({
      mentees: ids('e', 2),
      mentors: ids('t', 2),
      scoreMatrix: [
        [10, 1],
        [1, null],
      ],
    });
    assert.equal(result.assignments.length, 2);
    assert.equal(result.totalScore, 2);
  });

  test('known instance: classic 4×4 assignment', () => {
    const matrix = [
      [82, 83, 69, 92],
      [77, 37, 49, 92],
      [11, 69, 5, 86],
      [8, 9, 98, 23],
    ].map((row) => row.map((cost) => -cost));
    const result = matchMentors({ mentees: ids('e', 4), mentors: ids('t', 4), scoreMatrix: matrix });
    assert.equal(result.totalScore, -140); // the minimum-cost assignment costs 140
  });

  test('dense (certified candidates and full engine) and sparse agree on medium instances', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        let state = seed;
        const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
        const n = 20 + Math.floor(random() * 50);
        const m = 26 + Math.floor(random() * 40);
        const integer = random() < 0.5;
        const scores = new Float64Array(n * m).map(() => (random() < 0.2 ? -Infinity : integer ? Math.floor(random() * 5) : random()));
        const capacity = Array.from({ length: m }, () => Math.floor(random() * 3));
        const auto = solveDenseAssignment({ rows: n, cols: m, scores, capacity });
        const dense = solveDenseAssignment({ rows: n, cols: m, scores, capacity }, { method: 'dense' });
        const rowStart = [0];
        const colIndex: number[] = [];
        const edgeScores: number[] = [];
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < m; j++) if (scores[i * m + j] !== -Infinity) (colIndex.push(j), edgeScores.push(scores[i * m + j]!));
          rowStart.push(colIndex.length);
        }
        const sparse = solveSparseAssignment({ rows: n, cols: m, rowStart, colIndex, scores: edgeScores, capacity });
        for (const other of [dense, sparse]) {
          assert.equal(other.matched, auto.matched);
          assert.ok(Math.abs(other.total - auto.total) < 1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('matches scipy linear_sum_assignment on random instances with capacity (skipped without python3 + scipy)', (t) => {
    const probe = spawnSync('python3', ['-c', 'import scipy.optimize, numpy'], { encoding: 'utf8' });
    if (probe.status !== 0) return t.skip('python3 with numpy and scipy is not available');
    const cases: Array<{ matrix: number[][]; capacity: number[] }> = [];
    let state = 7;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let c = 0; c < 40; c++) {
      const n = 5 + Math.floor(random() * 40);
      const m = 2 + Math.floor(random() * 15);
      cases.push({
        matrix: Array.from({ length: n }, () => Array.from({ length: m }, () => (random() < 0.25 ? -1 : Math.floor(random() * 100)))),
        capacity: Array.from({ length: m }, () => 1 + Math.floor(random() * 3)),
      });
    }
    // -1 = forbidden. Integer scores make the big-M reference exact: unmatched costs M > any total.
    const script = `
import json, sys, numpy as np
from scipy.optimize import linear_sum_assignment
out = []
for case in json.load(sys.stdin):
    s = np.array(case['matrix'], dtype=float); n, m = s.shape
    cols = np.repeat(np.arange(m), case['capacity'])
    e = s[:, cols]; M = 1e7
    cost = np.where(e < 0, 1e12, M - e)
    cost = np.hstack([cost, np.full((n, n), 2 * M)])
    r, c = linear_sum_assignment(cost)
    real = c < len(cols)
    out.append([int(real.sum()), float(e[r[real], c[real]].sum())])
print(json.dumps(out))`;
    const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const expected = JSON.parse(run.stdout) as Array<[number, number]>;
    cases.forEach((item, index) => {
      const result = matchMentors({
        mentees: ids('e', item.matrix.length),
        mentors: item.capacity.map((value, j) => ({ id: `t${j}`, capacity: value })),
        scoreMatrix: item.matrix.map((row) => row.map((score) => (score < 0 ? null : score))),
      });
      assert.deepEqual([result.assignments.length, result.totalScore], expected[index], `case ${index}`);
    });
  });

  test('is deterministic, and ties or integer scores do not slow it down', () => {
    const n = 600;
    const matrix = Array.from({ length: n }, () => Array.from({ length: n }, () => 1));
    // How fast ties are solved is measured in `npm run bench` (bench/pairing.bench.ts, "dense 600×600 all
    // ties", against the same solver on uniform random scores), not timed here: a wall-clock limit fails
    // on a loaded machine.
    const first = matchMentors({ mentees: ids('e', n), mentors: ids('t', n), scoreMatrix: matrix });
    const second = matchMentors({ mentees: ids('e', n), mentors: ids('t', n), scoreMatrix: matrix });
    assert.equal(first.totalScore, n);
    assert.deepEqual(first, second);
  });
});

describe('matchMentors: modes', () => {
  test('co-mentoring gives two distinct mentors within capacity, or reports the mentee', () => {
    // A wants {x,y}, B {y,z}, C {x,z}, every mentor has one seat: only one mentee can get two.
    const matrix = [
      [1, 1, null],
      [null, 1, 1],
      [1, null, 1],
    ];
    const result = matchMentors({ mentees: ids('e', 3), mentors: ids('t', 3), scoreMatrix: matrix, mentorsPerMentee: 2 });
    assert.equal(result.assignments.length, 1);
    assert.equal(new Set(result.assignments[0]!.mentorIds).size, 2);
    assert.equal(result.unmatched.length, 2);
    for (const entry of result.unmatched) assert.match(entry.reason, /two different mentors|compatible/);
  });

  test('co-mentoring rewards a co-mentor who adds what the lead lacks', () => {
    const mentee = {
      id: 'ana',
      languages: ['en'],
      wantsToLearn: [
        { name: 'TypeScript', priority: 3 },
        { name: 'leadership', priority: 3 },
      ],
    };
    const mentors = [
      { id: 'lead', languages: ['en'], skills: [{ name: 'TypeScript', level: 5 }] },
      { id: 'same', languages: ['en'], skills: [{ name: 'TypeScript', level: 5 }] },
      { id: 'other', languages: ['en'], skills: [{ name: 'leadership', level: 4 }] },
    ];
    const result = matchMentors({ mentees: [mentee], mentors, mentorsPerMentee: 2 });
    assert.ok(result.assignments[0]!.mentorIds.includes('other'));
    assert.ok(result.assignments[0]!.reasons.some((reason) => reason.includes('adds')));
  });

  test('group mode forms circles of mentees who share the mentor’s theme', () => {
    const mentors = [
      { id: 'lead', languages: ['en'], skills: [{ name: 'leadership', level: 5 }], capacity: 3 },
      { id: 'sec', languages: ['en'], skills: [{ name: 'security', level: 5 }], capacity: 3 },
    ];
    const mentees = ['leadership', 'security', 'leadership', 'cooking'].map((skill, index) => ({
      id: `e${index}`,
      languages: ['en'],
      wantsToLearn: [{ name: skill, priority: 3 }],
    }));
    const result = matchMentors({ mentees, mentors, mode: 'group' });
    assert.deepEqual(result.groups, [
      { mentorId: 'lead', theme: 'leadership', menteeIds: ['e0', 'e2'] },
      { mentorId: 'sec', theme: 'security', menteeIds: ['e1'] },
    ]);
    assert.match(result.unmatched[0]!.reason, /theme/);
  });

  test('large mode on candidate lists (top-k) matches every mentee that can be', () => {
    const n = 2000;
    const m = 500;
    const candidates = Array.from({ length: n }, (_, i) =>
      Array.from({ length: 10 }, (_, k) => [(i * 7 + k * 53) % m, ((i * 31 + k * 17) % 97) / 97] as [number, number]),
    );
    const result = matchMentors({
      mentees: ids('e', n),
      mentors: Array.from({ length: m }, (_, j) => ({ id: `t${j}`, capacity: 4 })),
      scoreCandidates: candidates,
    });
    assert.equal(result.assignments.length, n);
  });
});

describe('matchMentors: invalid input', () => {
  const expectInvalid = (request: unknown, path: string) => {
    assert.throws(
      () => matchMentors(request as never),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === path,
    );
  };
  const base = {
    mentees: ids('e', 2),
    mentors: ids('t', 2),
    scoreMatrix: [
      [1, 2],
      [3, 4],
    ],
  };
  test('duplicate ids', () => expectInvalid({ ...base, mentees: [{ id: 'e0' }, { id: 'e0' }] }, 'mentees[1].id'));
  test('unknown ids in constraints', () => {
    expectInvalid({ ...base, forbidden: [['e0', 'nobody']] }, 'forbidden[0][1]');
    expectInvalid({ ...base, required: [['ghost', 't0']] }, 'required[0][0]');
  });
  test('NaN and bad shapes in the score matrix', () => {
    expectInvalid(
      {
        ...base,
        scoreMatrix: [
          [1, Number.NaN],
          [3, 4],
        ],
      },
      'scoreMatrix[0][1]',
    );
    expectInvalid({ ...base, scoreMatrix: [[1, 2]] }, 'scoreMatrix');
    expectInvalid({ ...base, scoreMatrix: [[1, 2], [3]] }, 'scoreMatrix[1]');
    expectInvalid(
      {
        ...base,
        scoreMatrix: [
          [1, Infinity],
          [3, 4],
        ],
      },
      'scoreMatrix[0][1]',
    );
  });
  test('required pairs that break capacity or are forbidden', () => {
    expectInvalid(
      {
        ...base,
        required: [
          ['e0', 't0'],
          ['e1', 't0'],
        ],
      },
      'required[1]',
    );
    expectInvalid({ ...base, required: [['e0', 't0']], forbidden: [['e0', 't0']] }, 'required[0]');
    expectInvalid(
      {
        ...base,
        scoreMatrix: [
          [null, 2],
          [3, 4],
        ],
        required: [['e0', 't0']],
      },
      'required[0]',
    );
    expectInvalid(
      {
        ...base,
        required: [
          ['e0', 't0'],
          ['e0', 't1'],
        ],
      },
      'required[1]',
    );
  });
  test('impossible options', () => {
    expectInvalid({ ...base, mentorsPerMentee: 3 }, 'mentorsPerMentee');
    expectInvalid({ ...base, minScore: Number.NaN }, 'minScore');
    expectInvalid({ ...base, weights: { skills: -1 } }, 'weights.skills');
    expectInvalid({ mentees: [{ id: 'e0', timeZone: 'Mars/Base' }], mentors: [] }, 'mentees[0].timeZone');
  });
  test('required pairs are kept and reported', () => {
    const result = matchMentors({ ...base, required: [['e0', 't1']] });
    assert.deepEqual(
      result.assignments.map((a) => [a.menteeId, a.mentorIds[0], a.required ?? false]),
      [
        ['e0', 't1', true],
        ['e1', 't0', false],
      ],
    );
  });
});

describe('scoreMatch', () => {
  const weekdays = (ranges: string[]) => ({ 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges });
  test('explains the real weekly overlap across zones', () => {
    const ana = {
      id: 'ana',
      displayName: 'Ana',
      timeZone: 'America/New_York',
      workingHours: { 2: ['08:00-17:00'], 3: ['08:00-17:00'], 4: ['08:00-17:00'] },
      languages: ['en'],
    };
    const kenji = {
      id: 'kenji',
      displayName: 'Kenji',
      timeZone: 'Asia/Tokyo',
      workingHours: weekdays(['09:00-18:00', '21:00-22:00']),
      languages: ['ja', 'en'],
    };
    const result = scoreMatch(ana, kenji);
    assert.ok(result.reasons.includes('3 h/week overlap: Tue–Thu 08:00–09:00 New York = 21:00–22:00 Tokyo'), result.reasons.join('\n'));
    assert.equal(result.breakdown.availability, 1);
    assert.equal(result.allowed, true);
  });

  test('Kathmandu’s +05:45 and a Sunday evening in New York meeting Monday in Tokyo', () => {
    const overlap = weeklyOverlap(
      { timeZone: 'Asia/Kathmandu', workingHours: { 1: ['09:00-10:00'] } },
      { timeZone: 'UTC', workingHours: { 1: ['03:00-04:00'] } },
    );
    assert.equal(overlap.minutes, 45); // 09:00–10:00 Kathmandu = 03:15–04:15 UTC
    const wrap = weeklyOverlap(
      { timeZone: 'America/New_York', workingHours: { 7: ['19:00-21:00'] } },
      { timeZone: 'Asia/Tokyo', workingHours: { 1: ['08:00-10:00'] } },
    );
    assert.equal(wrap.minutes, 120);
  });

  test('off-limits days that leave no common day score zero availability with a reason', () => {
    const a = { id: 'a', timeZone: 'Europe/Paris', workingHours: { 5: ['09:00-17:00'] }, languages: ['fr'] };
    const b = { id: 'b', timeZone: 'Europe/Paris', workingHours: weekdays(['09:00-17:00']), offLimitsDays: [5], languages: ['fr'] };
    const result = scoreMatch(a, b);
    assert.equal(result.breakdown.availability, 0);
    assert.ok(
      result.reasons.some((reason) => reason.startsWith('No common working day')),
      result.reasons.join('\n'),
    );
  });

  test('no shared language forbids the pair by default', () => {
    const result = scoreMatch({ id: 'a', languages: ['pt-BR'] }, { id: 'b', languages: ['de'] });
    assert.equal(result.allowed, false);
    assert.equal(result.blockedBy, 'language');
    assert.equal(scoreMatch({ id: 'a', languages: ['pt-BR'] }, { id: 'b', languages: ['pt'] }).breakdown.language, 1);
    assert.equal(scoreMatch({ id: 'a', languages: ['pt'] }, { id: 'b', languages: ['de'] }, undefined, { languageRequired: false }).allowed, true);
  });

  test('weights move the score; messages can be translated', () => {
    const mentee = { id: 'a', wantsToLearn: [{ name: 'Go', priority: 3 }], interests: ['chess'] };
    const mentor = { id: 'b', displayName: 'Bo', skills: [{ name: 'go', level: 5 }], interests: ['Chess'] };
    assert.equal(scoreMatch(mentee, mentor, { skills: 1, availability: 0, language: 0, interests: 0, rules: 0 }).score, 1);
    const translated = scoreMatch(mentee, mentor, undefined, { messages: { sharedInterests: (list: string[]) => `Intereses: ${list.join(', ')}` } });
    assert.ok(translated.reasons.includes('Intereses: chess'));
  });

  test('matchMentors scores agree with scoreMatch', () => {
    const mentees = [
      { id: 'a', timeZone: 'Europe/Madrid', workingHours: weekdays(['09:00-17:00']), languages: ['es'], wantsToLearn: [{ name: 'x', priority: 3 }] },
    ];
    const mentors = [{ id: 'b', timeZone: 'Asia/Tokyo', workingHours: weekdays(['08:00-18:00']), languages: ['es'], skills: [{ name: 'x', level: 3 }] }];
    const result = matchMentors({ mentees, mentors });
    assert.ok(Math.abs(result.totalScore - scoreMatch(mentees[0]!, mentors[0]!).score) < 1e-12);
  });
});
