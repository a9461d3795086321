/**
 * Certification of optimality for dense mode's fast path: the problem is solved on each row's
 * candidate edges only, and the answer's duals are then checked against every edge of the full matrix.
 * When every row is matched and no edge has a negative reduced cost `cost - rowDual - columnDual`,
 * complementary slackness (LP duality for the assignment problem; see e.g. Burkard, Dell'Amico,
 * Martello, "Assignment Problems", SIAM 2009, §4.1) proves the answer optimal for the full problem.
 * Edges that fail the check are added and the candidates re-solved (up to three rounds).
 */
import type { DenseCandidates } from './candidates.js';
import { solveCosts } from './engine.js';
import type { AssignmentSolution } from './problem.js';

/**
 * Whether a row passes the certificate without reading it in full: its solved edges have reduced
 * cost >= -tolerance, and `bound` (a lower bound of the reduced cost of all its other edges) too.
 */
function rowSettled(
  start: number,
  end: number,
  columnIndex: Int32Array,
  edgeCost: Float64Array,
  dualOfRow: number,
  columnDual: Float64Array,
  bound: number,
  tolerance: number,
): boolean {
  for (let edge = start; edge < end; edge++) if (edgeCost[edge]! - dualOfRow - columnDual[columnIndex[edge]!]! < -tolerance) return false;
  return bound >= -tolerance;
}

/** Appends a row's candidates (at `from`, `size` of them) to the CSR arrays at `edge`; returns the new end. */
function copyCandidates(
  columns: Int32Array,
  costs: Float64Array,
  from: number,
  size: number,
  capacity: Int32Array,
  columnIndex: Int32Array,
  edgeCost: Float64Array,
  edge: number,
): number {
  for (let position = from, end = from + size; position < end; position++) {
    const column = columns[position]!;
    columnIndex[edge] = column;
    edgeCost[edge++] = capacity[column] === 0 ? Infinity : costs[position]!;
  }
  return edge;
}

/** Counts a row's edges with reduced cost below -tolerance, noting them in `found` when given. */
function rowViolations(
  rowCosts: ArrayLike<number>,
  columnCount: number,
  dualOfRow: number,
  columnDual: Float64Array,
  tolerance: number,
  row: number,
  found: Map<number, Map<number, number>> | undefined,
): number {
  let violations = 0;
  for (let column = 0; column < columnCount; column++) {
    const cost = rowCosts[column]!;
    if (cost - dualOfRow - columnDual[column]! < -tolerance) {
      violations++;
      if (found) {
        let columnsOfRow = found.get(row);
        if (!columnsOfRow) found.set(row, (columnsOfRow = new Map()));
        columnsOfRow.set(column, cost);
      }
    }
  }
  return violations;
}

/**
 * The candidate-then-certify fast path of dense mode: solves the candidate edges with the sparse
 * engine, then checks the answer's duals against every edge (`rowCosts(row)` gives the row's
 * `columnCount` costs, read only for rows the cheap bound cannot settle). `undefined` when it cannot certify.
 * @internal
 */
export function solveCertified(
  rowCount: number,
  columnCount: number,
  capacity: Int32Array,
  candidates: DenseCandidates,
  largest: number,
  rowCosts: (row: number) => ArrayLike<number>,
): AssignmentSolution | undefined {
  const { perRow, columns, costs, countOfRow, worstCostOfRow } = candidates;
  const tolerance = 1e-10 * (largest + 1);
  /** Edges found violating the certificate (row → column → cost), added in the next round (rare). */
  let extraEdges: Map<number, Map<number, number>> | undefined;
  for (let round = 0; round < 4; round++) {
    let edgeCount = 0;
    for (let row = 0; row < rowCount; row++) edgeCount += countOfRow[row]! + (extraEdges?.get(row)?.size ?? 0);
    const rowStart = new Int32Array(rowCount + 1);
    const columnIndex = new Int32Array(edgeCount);
    const edgeCost = new Float64Array(edgeCount);
    let edge = 0;
    for (let row = 0; row < rowCount; row++) {
      const added = extraEdges?.get(row);
      if (added) {
        const merged = new Map(added);
        for (let position = row * perRow, end = position + countOfRow[row]!; position < end; position++) merged.set(columns[position]!, costs[position]!);
        for (const column of Int32Array.from(merged.keys()).sort()) {
          columnIndex[edge] = column;
          edgeCost[edge++] = capacity[column] === 0 ? Infinity : merged.get(column)!;
        }
      } else edge = copyCandidates(columns, costs, row * perRow, countOfRow[row]!, capacity, columnIndex, edgeCost, edge);
      rowStart[row + 1] = edge;
    }
    const result = solveCosts({ rowCount, columnCount, capacity, rowStart, columnIndex, edgeCost });
    for (let row = 0; row < rowCount; row++) if (result.columnOfRow[row]! < 0) return undefined; // some row unmatched: no certificate
    // Certificate: no edge may have a negative reduced cost. The solved edges are checked one by one;
    // for all other edges of a row, cost >= worstCostOfRow and columnDual <= max(columnDual) give the
    // bound worstCostOfRow - rowDual - max(columnDual), and only a row where that bound is not enough
    // is read in full.
    const { rowDual, columnDual } = result;
    let highestColumnDual = -Infinity;
    for (let column = 0; column < columnCount; column++) if (columnDual[column]! > highestColumnDual) highestColumnDual = columnDual[column]!;
    const found = new Map<number, Map<number, number>>();
    let violations = 0;
    for (let row = 0; row < rowCount; row++) {
      const dualOfRow = rowDual[row]!;
      if (
        rowSettled(
          rowStart[row]!,
          rowStart[row + 1]!,
          columnIndex,
          edgeCost,
          dualOfRow,
          columnDual,
          worstCostOfRow[row]! - dualOfRow - highestColumnDual,
          tolerance,
        )
      )
        continue;
      violations += rowViolations(rowCosts(row), columnCount, dualOfRow, columnDual, tolerance, row, round < 3 ? found : undefined);
    }
    if (violations === 0) {
      let total = 0;
      for (let row = 0; row < rowCount; row++) total -= edgeCost[result.edgeOfRow[row]!]!;
      return { colOfRow: result.columnOfRow, matched: rowCount, total };
    }
    if (extraEdges) for (const [row, columnsOfRow] of extraEdges) found.set(row, new Map([...columnsOfRow, ...(found.get(row) ?? [])]));
    extraEdges = found;
  }
  return undefined;
}
