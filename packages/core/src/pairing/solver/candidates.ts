/**
 * Candidate edges for dense mode's fast path: each row's `DENSE_CANDIDATES_PER_ROW` cheapest edges,
 * picked from a cost matrix or straight from a host's score rows (checking every entry on the way).
 *
 * Candidate selection keeps each row's best edges in a small buffer sorted by cost; most entries fail
 * the first comparison (`cost < limit`), so it costs about one read per entry. Plain functions over
 * typed arrays, one call per row: they are optimised after a few rows and stay optimised (no per-call
 * closures or objects for the JIT to specialise on).
 */

/** Candidate edges per row tried first in dense mode before the dense engine (see `solveDenseAssignment`). */
export const DENSE_CANDIDATES_PER_ROW = 16;

/**
 * Each row's best candidate edges for dense mode's fast path (see `solveDenseAssignment`).
 * @internal
 */
export interface DenseCandidates {
  /** Block size: row `r`'s candidates are at `r * perRow … r * perRow + countOfRow[r] - 1`, by ascending column. */
  perRow: number;
  columns: Int32Array;
  /** Their costs (`-score`). */
  costs: Float64Array;
  countOfRow: Int32Array;
  /**
   * The cost of row `r`'s last (`perRow`-th) candidate: every edge of the row outside its candidates
   * costs at least that. Infinity when the row has fewer than `perRow` allowed edges (all of them are
   * candidates).
   */
  worstCostOfRow: Float64Array;
}

/** Whether dense mode tries the candidate fast path first (enough columns, rows all fit). @internal */
export function usesCandidates(rowCount: number, columnCount: number, capacity: Int32Array): boolean {
  let totalCapacity = 0;
  for (let column = 0; column < columnCount; column++) totalCapacity += capacity[column]!;
  return columnCount > 2 * DENSE_CANDIDATES_PER_ROW && rowCount * columnCount >= 1024 && totalCapacity >= rowCount;
}

function allocateCandidates(rowCount: number, columnCount: number): DenseCandidates {
  const perRow = Math.min(DENSE_CANDIDATES_PER_ROW, columnCount);
  return {
    perRow,
    columns: new Int32Array(rowCount * perRow),
    costs: new Float64Array(rowCount * perRow),
    countOfRow: new Int32Array(rowCount),
    worstCostOfRow: new Float64Array(rowCount),
  };
}

/** Inserts `column` at `cost` into the buffer of `size` entries (at most `perRow`); returns the new size. */
function insertCandidate(bufferCost: Float64Array, bufferColumn: Int32Array, size: number, perRow: number, column: number, cost: number): number {
  let position = size < perRow ? size++ : perRow - 1;
  while (position > 0 && bufferCost[position - 1]! > cost) {
    bufferCost[position] = bufferCost[position - 1]!;
    bufferColumn[position] = bufferColumn[position - 1]!;
    position--;
  }
  bufferCost[position] = cost;
  bufferColumn[position] = column;
  return size;
}

/** Stores the buffer as `row`'s candidates, by ascending column. */
function commitCandidates(
  columns: Int32Array,
  costs: Float64Array,
  countOfRow: Int32Array,
  worstCostOfRow: Float64Array,
  perRow: number,
  row: number,
  size: number,
  bufferCost: Float64Array,
  bufferColumn: Int32Array,
): void {
  const base = row * perRow;
  for (let bufferIndex = 0; bufferIndex < size; bufferIndex++) {
    const column = bufferColumn[bufferIndex]!;
    const cost = bufferCost[bufferIndex]!;
    let position = base + bufferIndex;
    while (position > base && columns[position - 1]! > column) {
      columns[position] = columns[position - 1]!;
      costs[position] = costs[position - 1]!;
      position--;
    }
    columns[position] = column;
    costs[position] = cost;
  }
  countOfRow[row] = size;
  worstCostOfRow[row] = size === perRow ? bufferCost[perRow - 1]! : Infinity;
}

/** One row of a dense cost matrix into the buffer; returns the buffer size. */
function selectCostRow(
  denseCosts: Float64Array,
  offset: number,
  columnCount: number,
  perRow: number,
  bufferCost: Float64Array,
  bufferColumn: Int32Array,
): number {
  let size = 0;
  let limit = Infinity;
  for (let column = 0; column < columnCount; column++) {
    const cost = denseCosts[offset + column]!;
    if (cost < limit) {
      size = insertCandidate(bufferCost, bufferColumn, size, perRow, column, cost);
      if (size === perRow) limit = bufferCost[perRow - 1]!;
    }
  }
  return size;
}

/** Candidates from a dense cost matrix (Infinity = forbidden). @internal */
export function selectCostRows(rowCount: number, columnCount: number, denseCosts: Float64Array): DenseCandidates {
  const candidates = allocateCandidates(rowCount, columnCount);
  const { perRow, columns, costs, countOfRow, worstCostOfRow } = candidates;
  const bufferCost = new Float64Array(perRow);
  const bufferColumn = new Int32Array(perRow);
  for (let row = 0; row < rowCount; row++) {
    const size = selectCostRow(denseCosts, row * columnCount, columnCount, perRow, bufferCost, bufferColumn);
    commitCandidates(columns, costs, countOfRow, worstCostOfRow, perRow, row, size, bufferCost, bufferColumn);
  }
  return candidates;
}

// scoreRowState[]: what `selectScoreRow` carries from row to row
const HIGHEST_SCORE = 0;
const LOWEST_SCORE = 1;
const ROW_FORBIDS_AN_ENTRY = 2;

/**
 * One row of host scores into the buffer: returns the buffer size, or -1 when an entry is not a
 * finite number, `null` or `-Infinity`. `state` keeps the highest and lowest allowed score so far;
 * its `ROW_FORBIDS_AN_ENTRY` slot is set to 1 when the row forbids an entry of a column with capacity.
 * `someColumnClosed`: some column has capacity 0 (its entries are left out).
 */
function selectScoreRow(
  scoreRow: ArrayLike<unknown>,
  columnCount: number,
  capacity: Int32Array,
  someColumnClosed: boolean,
  perRow: number,
  bufferCost: Float64Array,
  bufferColumn: Int32Array,
  state: Float64Array,
): number {
  let size = 0;
  let limit = Infinity;
  let highest = state[HIGHEST_SCORE]!;
  let lowest = state[LOWEST_SCORE]!;
  for (let column = 0; column < columnCount; column++) {
    const score = scoreRow[column];
    if (typeof score !== 'number') {
      if (score !== null) return -1;
      if (!someColumnClosed || capacity[column] !== 0) state[ROW_FORBIDS_AN_ENTRY] = 1;
      continue;
    }
    if (score - score !== 0) {
      // NaN, Infinity or -Infinity (forbidden)
      if (score !== -Infinity) return -1;
      if (!someColumnClosed || capacity[column] !== 0) state[ROW_FORBIDS_AN_ENTRY] = 1;
      continue;
    }
    if (someColumnClosed && capacity[column] === 0) continue;
    if (score > highest) highest = score;
    if (score < lowest) lowest = score;
    const cost = -score;
    if (cost < limit) {
      size = insertCandidate(bufferCost, bufferColumn, size, perRow, column, cost);
      if (size === perRow) limit = bufferCost[perRow - 1]!;
    }
  }
  state[HIGHEST_SCORE] = highest;
  state[LOWEST_SCORE] = lowest;
  return size;
}

/**
 * Candidates straight from a host's score rows (higher is better; `null`/`-Infinity` forbid; columns
 * with capacity 0 are left out), checking every entry on the way: no cost matrix is built. Returns
 * `undefined` when a row is not an array of `columnCount` entries or an entry is not a finite number,
 * `null` or `-Infinity` (the caller then reports it). `forbiddenRows[r]` is 1 when row `r` forbids an entry.
 * @internal used by `matchMentors` for `scoreMatrix`.
 */
export function selectScoreRows(
  rowCount: number,
  columnCount: number,
  scoreRows: ReadonlyArray<unknown>,
  capacity: Int32Array,
): { candidates: DenseCandidates; largest: number; forbiddenRows: Uint8Array } | undefined {
  const candidates = allocateCandidates(rowCount, columnCount);
  const { perRow, columns, costs, countOfRow, worstCostOfRow } = candidates;
  const bufferCost = new Float64Array(perRow);
  const bufferColumn = new Int32Array(perRow);
  const forbiddenRows = new Uint8Array(rowCount);
  let someColumnClosed = false;
  for (let column = 0; column < columnCount; column++) if (capacity[column] === 0) someColumnClosed = true;
  const state = Float64Array.of(0, 0, 0);
  for (let row = 0; row < rowCount; row++) {
    const scoreRow = scoreRows[row];
    if (!Array.isArray(scoreRow) || scoreRow.length !== columnCount) return undefined;
    state[ROW_FORBIDS_AN_ENTRY] = 0;
    const size = selectScoreRow(scoreRow, columnCount, capacity, someColumnClosed, perRow, bufferCost, bufferColumn, state);
    if (size < 0) return undefined;
    if (state[ROW_FORBIDS_AN_ENTRY]) forbiddenRows[row] = 1;
    commitCandidates(columns, costs, countOfRow, worstCostOfRow, perRow, row, size, bufferCost, bufferColumn);
  }
  return { candidates, largest: Math.max(state[HIGHEST_SCORE]!, -state[LOWEST_SCORE]!), forbiddenRows };
}
