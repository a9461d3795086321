/**
 * Dense mode: every (row, column) score given, as a row-major matrix. The problem is first solved on
 * each row's best candidates and certified on the whole matrix (`certify.ts`); anything not certified
 * is solved by the engine on the full matrix (`engine.ts`, the dense Jonker–Volgenant search).
 */
import { selectCostRows, usesCandidates } from './candidates.js';
import { solveCertified } from './certify.js';
import { solveCosts } from './engine.js';
import { capacities, summariseSolution, type AssignmentSolution, type DenseAssignmentInput } from './problem.js';

/**
 * Solves a dense instance (scores row-major, `-Infinity` = forbidden).
 *
 * Fast path: the problem is first solved on each row's best `DENSE_CANDIDATES_PER_ROW` edges (the
 * sparse engine), and that answer is then *certified* on the whole matrix with its duals: when every
 * row is matched and no edge has a negative reduced cost, complementary slackness proves it optimal
 * for the full problem. Edges that fail the check are added and the candidates re-solved (up to three
 * rounds); anything still uncertified — e.g. an instance where some rows must stay unmatched — is
 * solved by the dense engine on the full matrix. Either way the result is the exact optimum.
 */
export function solveDenseAssignment(input: DenseAssignmentInput, options: { method?: 'auto' | 'dense' } = {}): AssignmentSolution {
  const { rows: rowCount, cols: columnCount, scores } = input;
  if (scores.length !== rowCount * columnCount) throw new RangeError(`scores must have rows × cols = ${rowCount * columnCount} entries (got ${scores.length})`);
  const denseCosts = new Float64Array(rowCount * columnCount);
  let largest = 0;
  for (let index = 0; index < denseCosts.length; index++) {
    const score = scores[index]!;
    if (Number.isNaN(score) || score === Infinity) throw new RangeError(`score ${index} is ${String(score)}; scores must be finite or -Infinity (forbidden)`);
    denseCosts[index] = -score;
    if (score !== -Infinity && Math.abs(score) > largest) largest = Math.abs(score);
  }
  return solveDenseCosts(rowCount, columnCount, denseCosts, capacities(input.capacity, columnCount, rowCount), largest, options);
}

/**
 * Dense mode on a cost matrix the caller hands over (`-score`, `Infinity` = forbidden; it is modified).
 * `largest` is the largest absolute finite score (for the certificate's float tolerance).
 * @internal used by `matchMentors` to avoid a second copy of the matrix.
 */
export function solveDenseCosts(
  rowCount: number,
  columnCount: number,
  denseCosts: Float64Array,
  capacity: Int32Array,
  largest: number,
  options: { method?: 'auto' | 'dense' } = {},
): AssignmentSolution {
  // a column without capacity can take nobody: forbid its edges, so no search ever stops on it
  for (let column = 0; column < columnCount; column++) {
    if (capacity[column] === 0) for (let row = 0; row < rowCount; row++) denseCosts[row * columnCount + column] = Infinity;
  }
  const scoreOf = (row: number, column: number) => -denseCosts[row * columnCount + column]!;
  if (options.method !== 'dense' && usesCandidates(rowCount, columnCount, capacity)) {
    const candidates = selectCostRows(rowCount, columnCount, denseCosts);
    const certified = solveCertified(rowCount, columnCount, capacity, candidates, largest, (row) =>
      denseCosts.subarray(row * columnCount, (row + 1) * columnCount),
    );
    if (certified) return certified;
  }
  return summariseSolution(rowCount, solveCosts({ rowCount, columnCount, capacity, denseCosts }).columnOfRow, scoreOf);
}
