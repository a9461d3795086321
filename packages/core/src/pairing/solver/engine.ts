/**
 * The shared engine: augmenting row reduction, then one shortest augmenting path search per row still
 * free — over a dense cost matrix or over candidate edges (compressed sparse rows). Reference:
 * R. Jonker, A. Volgenant, "A shortest augmenting path algorithm for dense and sparse linear assignment
 * problems", Computing 38 (1987) 325–340; the capacities and the lexicographic "unmatched" rule are
 * described in `index.ts`.
 *
 * Written as plain functions over typed arrays with the hot loops in small functions called once per
 * row: they are optimised within the first rows of a solve and stay optimised across solves (no
 * per-call closures, classes or megamorphic sites for the JIT to specialise on and then throw away),
 * so the timing does not depend on how fast a busy machine gets round to compiling a big function.
 */
import { createAssignmentState } from './assignment-state.js';
import { augment } from './augment.js';
import { searchDense } from './dense-search.js';
import type { CostProblem, EngineResult } from './problem.js';
import { reduceRows } from './row-reduction.js';
import { createSearchState } from './search-state.js';
import { resetSparseSearch, searchSparse } from './sparse-search.js';

/** Solves a cost problem (dense when `problem.denseCosts` is set, otherwise compressed sparse rows). */
export function solveCosts(problem: CostProblem): EngineResult {
  const { rowCount, columnCount, capacity, denseCosts } = problem;
  const sparse = denseCosts === undefined;
  const rowStart = problem.rowStart ?? new Int32Array(0);
  const columnIndex = problem.columnIndex ?? new Int32Array(0);
  const edgeCost = problem.edgeCost ?? new Float64Array(0);
  const state = createAssignmentState(rowCount, columnCount, capacity);

  // ---- 1. augmenting row reduction ----------------------------------------------------------------
  const remainingRows = reduceRows(state, rowCount, columnCount, sparse, denseCosts, rowStart, columnIndex, edgeCost);

  // ---- 2. shortest augmenting paths for the rows still free --------------------------------------
  if (remainingRows.length > 0) {
    const search = createSearchState(rowCount, columnCount, sparse);
    for (let index = 0; index < remainingRows.length; index++) {
      const freeRow = remainingRows[index]!;
      if (state.unmatchedForGood[freeRow]) continue;
      if (sparse) searchSparse(state, freeRow, rowStart, columnIndex, edgeCost, search);
      else searchDense(state, columnCount, freeRow, denseCosts, search);
      augment(state, freeRow, sparse, search);
      if (sparse) resetSparseSearch(search);
    }
  }
  return { columnOfRow: state.columnOfRow, edgeOfRow: state.edgeOfRow, rowDual: state.rowDual, columnDual: state.columnDual };
}
