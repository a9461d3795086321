/**
 * The step after a shortest-path search: the dual update, then the augmentation along the path —
 * or, when no column with room is reachable, the lexicographic rule (max cardinality first, then max
 * total): the free row takes the place of a reached row when that raises the total (that row becomes
 * unmatched for good), or stays unmatched for good itself. This is exactly the step a row-by-row
 * shortest augmenting path would take on the problem extended with one private "unmatched" column per
 * row of infinite cost.
 */
import { openSlot, placeRow, unplaceRow, type AssignmentState } from './assignment-state.js';
import { SCANNED_COLUMN_COUNT, SCANNED_ROW_COUNT, type SearchState } from './search-state.js';

/**
 * After a search from `freeRow`: either augments along the path to the sink, or — no column with room
 * reachable — lets `freeRow` take the place of a reached row when that raises the total (that row becomes
 * unmatched), or leaves `freeRow` unmatched for good.
 */
export function augment(state: AssignmentState, freeRow: number, sparse: boolean, search: SearchState): void {
  const { rowDual, columnDual, columnOfRow, slotOfRow, edgeOfRow, unmatchedForGood } = state;
  const { distance, predecessorRow, predecessorEdge, scannedRows, scannedColumns, counters } = search;
  const scannedRowCount = counters[SCANNED_ROW_COUNT]!;
  const scannedColumnCount = counters[SCANNED_COLUMN_COUNT]!;
  let sinkColumn = search.sinkColumn;
  let sinkDistance = search.sinkDistance;
  let evictedRow = -1;
  if (sinkColumn < 0) {
    // Either freeRow stays unmatched, or it takes the place of a reached row (which becomes unmatched)
    // when that raises the total: change = distance(column of reached row) + dual(freeRow) - dual(reached row) < 0.
    let bestChange = 0;
    const freeRowDual = rowDual[freeRow]!;
    for (let index = 0; index < scannedRowCount; index++) {
      const reachedRow = scannedRows[index]!;
      const change = distance[columnOfRow[reachedRow]!]! + freeRowDual - rowDual[reachedRow]!;
      const tolerance = 1e-12 * (Math.abs(freeRowDual) + Math.abs(rowDual[reachedRow]!) + Math.abs(distance[columnOfRow[reachedRow]!]!) + 1);
      if (change < bestChange - tolerance) {
        bestChange = change;
        evictedRow = reachedRow;
      }
    }
    if (evictedRow < 0) {
      unmatchedForGood[freeRow] = 1;
      return;
    }
    sinkColumn = columnOfRow[evictedRow]!;
    sinkDistance = distance[sinkColumn]!;
  }

  // dual update on everything reached closer than the sink
  rowDual[freeRow] = rowDual[freeRow]! + sinkDistance;
  for (let index = 0; index < scannedRowCount; index++) {
    const reachedRow = scannedRows[index]!;
    const shift = sinkDistance - distance[columnOfRow[reachedRow]!]!;
    if (shift > 0) rowDual[reachedRow] = rowDual[reachedRow]! + shift;
  }
  for (let index = 0; index < scannedColumnCount; index++) {
    const column = scannedColumns[index]!;
    const shift = sinkDistance - distance[column]!;
    if (shift > 0) columnDual[column] = columnDual[column]! - shift;
  }

  // augment along the path ending in `sinkColumn`
  let column = sinkColumn;
  let slot: number;
  if (evictedRow >= 0) {
    slot = slotOfRow[evictedRow]!;
    unplaceRow(state, evictedRow);
    unmatchedForGood[evictedRow] = 1;
  } else slot = openSlot(state, column);
  for (;;) {
    const pathRow = predecessorRow[column]!;
    const previousColumn = columnOfRow[pathRow]!;
    const previousSlot = slotOfRow[pathRow]!;
    placeRow(state, pathRow, column, slot);
    if (sparse) edgeOfRow[pathRow] = predecessorEdge[column]!;
    if (pathRow === freeRow) break;
    column = previousColumn;
    slot = previousSlot;
  }
}
