/**
 * One shortest augmenting path search over a dense cost matrix: Dijkstra on reduced costs from a
 * free row to the nearest column with room, scanning the not yet scanned columns in a plain array
 * (O(columns) per step, the classic dense Jonker–Volgenant search). Ties prefer columns with room, so
 * integer scores end searches early.
 */
import type { AssignmentState } from './assignment-state.js';
import { SCANNED_COLUMN_COUNT, SCANNED_ROW_COUNT, type SearchState } from './search-state.js';

/** Relaxes the not yet scanned columns from `row`; returns the index (in `unscannedColumns`) of the nearest, ties to room, or -1. */
function relaxDense(
  denseCosts: Float64Array,
  offset: number,
  dualOfRow: number,
  base: number,
  row: number,
  unscannedColumns: Int32Array,
  remaining: number,
  columnDual: Float64Array,
  distance: Float64Array,
  predecessorRow: Int32Array,
  columnIsFull: Uint8Array,
): number {
  let lowest = Infinity;
  let lowestIndex = -1;
  let lowestIsFull = 1;
  for (let index = 0; index < remaining; index++) {
    const column = unscannedColumns[index]!;
    const throughRow = base + denseCosts[offset + column]! - dualOfRow - columnDual[column]!;
    let columnDistance = distance[column]!;
    if (throughRow < columnDistance) {
      distance[column] = columnDistance = throughRow;
      predecessorRow[column] = row;
    }
    if (columnDistance < lowest || (columnDistance === lowest && lowestIsFull === 1 && columnIsFull[column] === 0)) {
      lowest = columnDistance;
      lowestIndex = index;
      lowestIsFull = columnIsFull[column]!;
    }
  }
  return lowestIndex;
}

/** Dijkstra on reduced costs from free row `freeRow` over the dense matrix, to the nearest column with room. */
export function searchDense(state: AssignmentState, columnCount: number, freeRow: number, denseCosts: Float64Array, search: SearchState): void {
  const { rowDual, columnDual, columnIsFull, slotStart, usedSlots, rowInSlot } = state;
  const { distance, predecessorRow, unscannedColumns, scannedColumns, scannedRows, rowQueue } = search;
  let remaining = columnCount;
  for (let column = 0; column < columnCount; column++) {
    unscannedColumns[column] = column;
    distance[column] = Infinity;
  }
  let scannedColumnCount = 0;
  let scannedRowCount = 0;
  let sinkColumn = -1;
  let sinkDistance = 0;
  let row = freeRow;
  let base = 0;
  let queueHead = 0;
  let queueTail = 0;
  for (;;) {
    const lowestIndex = relaxDense(
      denseCosts,
      row * columnCount,
      rowDual[row]!,
      base,
      row,
      unscannedColumns,
      remaining,
      columnDual,
      distance,
      predecessorRow,
      columnIsFull,
    );
    if (queueHead < queueTail) {
      row = rowQueue[queueHead++]!;
      scannedRows[scannedRowCount++] = row;
      continue;
    }
    if (lowestIndex < 0) break; // exhausted
    const column = unscannedColumns[lowestIndex]!;
    const lowest = distance[column]!;
    if (lowest === Infinity) break;
    unscannedColumns[lowestIndex] = unscannedColumns[--remaining]!;
    scannedColumns[scannedColumnCount++] = column;
    if (columnIsFull[column] === 0) {
      sinkColumn = column;
      sinkDistance = lowest;
      break;
    }
    base = lowest;
    queueHead = queueTail = 0;
    for (let slot = slotStart[column]!, end = slot + usedSlots[column]!; slot < end; slot++) rowQueue[queueTail++] = rowInSlot[slot]!;
    row = rowQueue[queueHead++]!;
    scannedRows[scannedRowCount++] = row;
  }
  search.counters[SCANNED_COLUMN_COUNT] = scannedColumnCount;
  search.counters[SCANNED_ROW_COUNT] = scannedRowCount;
  search.sinkColumn = sinkColumn;
  search.sinkDistance = sinkDistance;
}
