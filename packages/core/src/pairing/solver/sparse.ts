/**
 * Sparse (large) mode: only the candidate edges of each row, in compressed sparse rows (`rowStart`,
 * `colIndex`, `scores`). The engine searches them with an indexed binary heap (`sparse-search.ts`),
 * so memory is O(rows + columns + edges) — the mode for 20,000 × 5,000 with a few dozen candidates a row.
 */
import { solveCosts } from './engine.js';
import { capacities, summariseSolution, type AssignmentSolution, type SparseAssignmentInput } from './problem.js';

/** Solves a sparse instance given as candidate edges per row (CSR). Memory is O(rows + cols + edges). */
export function solveSparseAssignment(input: SparseAssignmentInput): AssignmentSolution {
  const { rows: rowCount, cols: columnCount } = input;
  const rowStart = Int32Array.from(input.rowStart);
  const columnIndex = Int32Array.from(input.colIndex);
  if (rowStart.length !== rowCount + 1 || rowStart[0] !== 0 || rowStart[rowCount] !== columnIndex.length || input.scores.length !== columnIndex.length) {
    throw new RangeError('rowStart must have rows + 1 entries from 0 to the number of edges, and scores one per edge');
  }
  const edgeCost = new Float64Array(columnIndex.length);
  const lastRowOfColumn = new Int32Array(columnCount).fill(-1);
  for (let row = 0; row < rowCount; row++) {
    if (rowStart[row + 1]! < rowStart[row]!) throw new RangeError(`rowStart must not decrease (row ${row})`);
    for (let edge = rowStart[row]!; edge < rowStart[row + 1]!; edge++) {
      const column = columnIndex[edge]!;
      if (!(column >= 0 && column < columnCount)) throw new RangeError(`colIndex ${edge} is out of range (${column})`);
      if (lastRowOfColumn[column] === row) throw new RangeError(`row ${row} lists column ${column} twice`);
      lastRowOfColumn[column] = row;
      const score = input.scores[edge]!;
      if (Number.isNaN(score) || score === Infinity)
        throw new RangeError(`score of edge ${edge} is ${String(score)}; scores must be finite or -Infinity (forbidden)`);
      edgeCost[edge] = -score;
    }
  }
  return solveSparseCosts(rowCount, columnCount, rowStart, columnIndex, edgeCost, capacities(input.capacity, columnCount, rowCount));
}

/** Sparse mode on prepared CSR costs (`-score`, modified). @internal used by `matchMentors`. */
export function solveSparseCosts(
  rowCount: number,
  columnCount: number,
  rowStart: Int32Array,
  columnIndex: Int32Array,
  edgeCost: Float64Array,
  capacity: Int32Array,
): AssignmentSolution {
  for (let edge = 0; edge < edgeCost.length; edge++) if (capacity[columnIndex[edge]!] === 0) edgeCost[edge] = Infinity;
  const result = solveCosts({ rowCount, columnCount, capacity, rowStart, columnIndex, edgeCost });
  return summariseSolution(rowCount, result.columnOfRow, (row) => -edgeCost[result.edgeOfRow[row]!]!);
}
