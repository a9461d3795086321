/**
 * The solver's problem and answer shapes: the public inputs (dense scores or candidate edges in
 * compressed sparse rows, with column capacities) and solution, the internal cost problem the engine
 * reads, the engine's raw result, and the two helpers every mode shares (capacities as an Int32Array,
 * and summing a solution).
 *
 * Method and references: see `index.ts` (shortest augmenting paths, Jonker & Volgenant 1987).
 */

export interface AssignmentCapacity {
  /** Per-column capacity (how many rows a column takes), or one number for all. Default 1. */
  capacity?: ArrayLike<number> | number;
}

/** Scores for every (row, column) pair, row-major; `-Infinity` marks a forbidden pair. */
export interface DenseAssignmentInput extends AssignmentCapacity {
  rows: number;
  cols: number;
  scores: Float64Array | ArrayLike<number>;
}

/** Candidate edges only (compressed sparse rows): row `i`'s edges are `rowStart[i] .. rowStart[i+1]-1`. */
export interface SparseAssignmentInput extends AssignmentCapacity {
  rows: number;
  cols: number;
  rowStart: Int32Array | ArrayLike<number>;
  colIndex: Int32Array | ArrayLike<number>;
  scores: Float64Array | ArrayLike<number>;
}

export interface AssignmentSolution {
  /** The column of each row, or -1 when the row is unmatched. */
  colOfRow: Int32Array;
  /** How many rows are matched. */
  matched: number;
  /** Sum of the scores of the chosen edges. */
  total: number;
}

/** Internal problem, in costs (`-score`, `Infinity` = forbidden). */
export interface CostProblem {
  rowCount: number;
  columnCount: number;
  capacity: Int32Array;
  /** Dense costs (row-major) … */
  denseCosts?: Float64Array;
  /** … or compressed sparse rows: row `r`'s edges are `rowStart[r] .. rowStart[r + 1] - 1`. */
  rowStart?: Int32Array;
  columnIndex?: Int32Array;
  edgeCost?: Float64Array;
}

/** What the engine hands back: the assignment and the final duals. */
export interface EngineResult {
  columnOfRow: Int32Array;
  /** Sparse mode: the index of each matched row's edge. */
  edgeOfRow: Int32Array;
  /** Final duals: reduced cost `c - rowDual - columnDual` is >= 0 on every edge of a row that can still move, 0 on assigned edges. */
  rowDual: Float64Array;
  columnDual: Float64Array;
}

/** Capacities as an Int32Array (clamped to the row count). @internal */
export function capacities(capacity: ArrayLike<number> | number | undefined, columnCount: number, rowCount: number): Int32Array {
  const capacityOfColumn = new Int32Array(columnCount);
  for (let column = 0; column < columnCount; column++) {
    const value = capacity === undefined ? 1 : typeof capacity === 'number' ? capacity : capacity[column]!;
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`capacity of column ${column} must be a whole number 0 or more (got ${String(value)})`);
    capacityOfColumn[column] = Math.min(value, rowCount);
  }
  return capacityOfColumn;
}

/** Counts the matched rows and sums the scores of their edges. */
export function summariseSolution(rowCount: number, columnOfRow: Int32Array, scoreOf: (row: number, column: number) => number): AssignmentSolution {
  let matched = 0;
  let total = 0;
  for (let row = 0; row < rowCount; row++) {
    const column = columnOfRow[row]!;
    if (column < 0) continue;
    matched++;
    total += scoreOf(row, column);
  }
  return { colOfRow: columnOfRow, matched, total };
}
