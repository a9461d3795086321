// The dense fast path (best candidates per row, solved sparsely, then certified on the whole matrix)
// against the full dense engine, on instance families built to break it: massive ties, columns every
// row prefers (the certificate fails and edges are added, or rows stay unmatched and the dense engine
// takes over), low-rank scores, forbidden entries and capacity-0 columns. Also `matchMentors` reading
// a host `scoreMatrix` in place against the full conversion.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isMentorKitError } from '@mentorkit/core';
import { DENSE_CANDIDATES_PER_ROW, matchMentors, solveDenseAssignment, solveSparseAssignment, type AssignmentSolution } from '@mentorkit/core/pairing';

function seeded(seed: number) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

type Family = (random: () => number, i: number, j: number) => number;
const families: Record<string, Family> = {
  uniform: (random) => random(),
  'integer 0–2 (ties everywhere)': (random) => Math.floor(random() * 3),
  'all equal': () => 1,
  'popular columns': (random, _i, j) => (j % 7 === 0 ? 1 : 0) + 0.05 * random(),
  'column gradient': (random, _i, j) => j / 100 + 0.3 * random(),
  'low rank': (random, i, j) => (((i % 13) + 1) * ((j % 11) + 1)) / 143 + 1e-3 * random(),
  'band (i ≈ j)': (random, i, j) => -Math.abs(i - j) + 0.1 * random(),
  'large magnitudes': (random) => (random() - 0.5) * 1e9,
};

/** Checks a solution is feasible and its total is the sum of its edges. */
function checkFeasible(solution: AssignmentSolution, scores: Float64Array, n: number, m: number, capacity: number[]) {
  const load = new Array<number>(m).fill(0);
  let total = 0;
  let matched = 0;
  for (let i = 0; i < n; i++) {
    const j = solution.colOfRow[i]!;
    if (j < 0) continue;
    assert.ok(scores[i * m + j] !== -Infinity, `row ${i} got a forbidden column ${j}`);
    load[j]!++;
    total += scores[i * m + j]!;
    matched++;
  }
  for (let j = 0; j < m; j++) assert.ok(load[j]! <= capacity[j]!, `column ${j} over capacity`);
  assert.equal(solution.matched, matched);
  assert.ok(Math.abs(solution.total - total) <= 1e-9 * Math.max(1, Math.abs(total)));
}

describe('dense fast path (candidates + certificate)', () => {
  for (const [name, family] of Object.entries(families)) {
    test(`agrees with the full dense engine and the sparse engine: ${name}`, () => {
      const random = seeded(name.length * 7919 + 17);
      for (let run = 0; run < 12; run++) {
        const n = 2 * DENSE_CANDIDATES_PER_ROW + Math.floor(random() * 90);
        const m = 2 * DENSE_CANDIDATES_PER_ROW + 1 + Math.floor(random() * 90);
        const scores = new Float64Array(n * m);
        const forbidShare = run % 3 === 0 ? 0.3 : 0;
        for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) scores[i * m + j] = random() < forbidShare ? -Infinity : family(random, i, j);
        const capacity = Array.from({ length: m }, () => (random() < 0.1 ? 0 : random() < 0.6 ? 1 : 1 + Math.floor(random() * 3)));
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
        for (const solution of [auto, dense, sparse]) checkFeasible(solution, scores, n, m, capacity);
        const tolerance = 1e-9 * Math.max(1, Math.abs(dense.total));
        assert.equal(auto.matched, dense.matched, `${name} ${n}×${m}: matched`);
        assert.ok(Math.abs(auto.total - dense.total) <= tolerance, `${name} ${n}×${m}: ${auto.total} vs ${dense.total}`);
        assert.equal(sparse.matched, dense.matched);
        assert.ok(Math.abs(sparse.total - dense.total) <= tolerance);
      }
    });
  }

  test('is deterministic', () => {
    const random = seeded(99);
    const n = 120;
    const m = 90;
    const scores = new Float64Array(n * m).map(() => Math.floor(random() * 4));
    const first = solveDenseAssignment({ rows: n, cols: m, scores, capacity: 2 });
    const second = solveDenseAssignment({ rows: n, cols: m, scores: Float64Array.from(scores), capacity: 2 });
    assert.deepEqual([...first.colOfRow], [...second.colOfRow]);
  });
});

describe('matchMentors with a host scoreMatrix read in place', () => {
  const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index}` }));

  test('same optimum and reasons as the full conversion (forced by a minScore below every score)', () => {
    const random = seeded(4242);
    for (let run = 0; run < 10; run++) {
      const n = 40 + Math.floor(random() * 60);
      const m = 40 + Math.floor(random() * 60);
      const family = Object.values(families)[run % Object.keys(families).length]!;
      const matrix = Array.from({ length: n }, (_, i) =>
        Array.from({ length: m }, (_, j): number | null => {
          const roll = random();
          if (run % 2 === 0 && roll < 0.1) return null;
          if (run % 2 === 0 && roll < 0.15) return -Infinity;
          return family(random, i, j);
        }),
      );
      // some rows with nothing allowed, some mentors without capacity
      if (run % 2 === 0) matrix[3] = matrix[3]!.map(() => null);
      const mentors = ids('t', m).map((mentor, j) => ({ ...mentor, capacity: j % 9 === 0 ? 0 : 1 + (j % 3) }));
      const mentees = ids('e', n);
      const inPlace = matchMentors({ mentees, mentors, scoreMatrix: matrix });
      const converted = matchMentors({ mentees, mentors, scoreMatrix: matrix, minScore: -1e12 });
      assert.equal(inPlace.assignments.length, converted.assignments.length);
      assert.ok(Math.abs(inPlace.totalScore - converted.totalScore) <= 1e-9 * Math.max(1, Math.abs(converted.totalScore)));
      assert.deepEqual(inPlace.unmatched.map((entry) => entry.menteeId).sort(), converted.unmatched.map((entry) => entry.menteeId).sort());
      for (const entry of inPlace.unmatched) assert.equal(entry.reason, converted.unmatched.find((other) => other.menteeId === entry.menteeId)!.reason);
      for (const assignment of inPlace.assignments) {
        const i = Number(assignment.menteeId.slice(1));
        const j = Number(assignment.mentorIds[0]!.slice(1));
        assert.equal(assignment.score, matrix[i]![j]);
        assert.equal(assignment.breakdown.host, assignment.score);
      }
    }
  });

  test('an invalid entry deep in a large matrix is still reported with its path, and nothing is matched', () => {
    const n = 60;
    const m = 70;
    const random = seeded(7);
    for (const bad of [Number.NaN, Infinity, '3', undefined]) {
      const matrix: unknown[][] = Array.from({ length: n }, () => Array.from({ length: m }, () => random()));
      matrix[41]![7] = bad;
      assert.throws(
        () => matchMentors({ mentees: ids('e', n), mentors: ids('t', m), scoreMatrix: matrix as number[][] }),
        (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'scoreMatrix[41][7]',
      );
    }
    const short: number[][] = Array.from({ length: n }, () => Array.from({ length: m }, () => random()));
    short[50] = short[50]!.slice(1);
    assert.throws(
      () => matchMentors({ mentees: ids('e', n), mentors: ids('t', m), scoreMatrix: short }),
      (error: unknown) => isMentorKitError(error, 'invalid-input') && (error as { path: string }).path === 'scoreMatrix[50]',
    );
  });

  test('required pairs, co-mentoring and topK still work on a large host matrix', () => {
    const n = 50;
    const m = 60;
    const random = seeded(11);
    const matrix = Array.from({ length: n }, () => Array.from({ length: m }, () => random()));
    const mentees = ids('e', n);
    const mentors = ids('t', m).map((mentor) => ({ ...mentor, capacity: 2 }));
    const reference = matchMentors({ mentees, mentors, scoreMatrix: matrix, minScore: -1 });
    const required = matchMentors({ mentees, mentors, scoreMatrix: matrix, required: [['e0', 't5']] });
    assert.ok(required.assignments.some((a) => a.menteeId === 'e0' && a.mentorIds[0] === 't5' && a.required));
    assert.ok(required.totalScore <= reference.totalScore + 1e-12);
    const co = matchMentors({ mentees, mentors, scoreMatrix: matrix, mentorsPerMentee: 2 });
    for (const assignment of co.assignments) assert.equal(new Set(assignment.mentorIds).size, 2);
    const top = matchMentors({ mentees, mentors, scoreMatrix: matrix, topK: 5 });
    assert.equal(top.assignments.length, n);
  });
});
