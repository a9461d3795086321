/**
 * One shortest augmenting path search over candidate edges (compressed sparse rows): Dijkstra on
 * reduced costs from a free row to the nearest column with room, with an indexed binary heap of
 * columns (distance, then columns with room first, then lower id) so a search costs
 * O(edges reached · log columns) and memory stays O(candidates).
 *
 * The heap lives in this file on purpose: its functions are called inside the relaxation loop and
 * stay small and monomorphic next to it.
 */
import type { AssignmentState } from './assignment-state.js';
import { HEAP_SIZE, SCANNED_COLUMN_COUNT, SCANNED_ROW_COUNT, TOUCHED_COLUMN_COUNT, type SearchState } from './search-state.js';

/** Heap order: distance, then columns with room first, then lower id. */
function heapLess(distance: Float64Array, columnIsFull: Uint8Array, first: number, second: number): boolean {
  const firstDistance = distance[first]!;
  const secondDistance = distance[second]!;
  if (firstDistance !== secondDistance) return firstDistance < secondDistance;
  const firstIsFull = columnIsFull[first]!;
  const secondIsFull = columnIsFull[second]!;
  if (firstIsFull !== secondIsFull) return firstIsFull < secondIsFull;
  return first < second;
}

/** Inserts `column` (or moves it up after its key decreased); returns the heap size. */
function heapUpsert(items: Int32Array, position: Int32Array, distance: Float64Array, columnIsFull: Uint8Array, size: number, column: number): number {
  let index = position[column]!;
  if (index < 0) index = size++;
  while (index > 0) {
    const parent = (index - 1) >> 1;
    const above = items[parent]!;
    if (!heapLess(distance, columnIsFull, column, above)) break;
    items[index] = above;
    position[above] = index;
    index = parent;
  }
  items[index] = column;
  position[column] = index;
  return size;
}

/** Removes the top of a heap of `size` items (size >= 1) and returns it. */
function heapPop(items: Int32Array, position: Int32Array, distance: Float64Array, columnIsFull: Uint8Array, size: number): number {
  const top = items[0]!;
  position[top] = -1;
  size--;
  const last = items[size]!;
  if (size > 0) {
    let index = 0;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= size) break;
      if (child + 1 < size && heapLess(distance, columnIsFull, items[child + 1]!, items[child]!)) child++;
      if (!heapLess(distance, columnIsFull, items[child]!, last)) break;
      const moved = items[child]!;
      items[index] = moved;
      position[moved] = index;
      index = child;
    }
    items[index] = last;
    position[last] = index;
  }
  return top;
}

/** Relaxes the edges of `row` into the heap. */
function relaxSparse(
  start: number,
  end: number,
  columnIndex: Int32Array,
  edgeCost: Float64Array,
  dualOfRow: number,
  base: number,
  row: number,
  columnDual: Float64Array,
  search: SearchState,
  columnIsFull: Uint8Array,
): void {
  const { distance, predecessorRow, predecessorEdge, isScanned, touchedColumns, heapItems, heapPosition, counters } = search;
  let touchedCount = counters[TOUCHED_COLUMN_COUNT]!;
  let size = counters[HEAP_SIZE]!;
  for (let edge = start; edge < end; edge++) {
    const column = columnIndex[edge]!;
    if (isScanned[column] === 1) continue;
    const throughRow = base + edgeCost[edge]! - dualOfRow - columnDual[column]!;
    const columnDistance = distance[column]!;
    if (throughRow < columnDistance) {
      if (columnDistance === Infinity) touchedColumns[touchedCount++] = column;
      distance[column] = throughRow;
      predecessorRow[column] = row;
      predecessorEdge[column] = edge;
      size = heapUpsert(heapItems, heapPosition, distance, columnIsFull, size, column);
    }
  }
  counters[TOUCHED_COLUMN_COUNT] = touchedCount;
  counters[HEAP_SIZE] = size;
}

/** Dijkstra with a heap from free row `freeRow` over the candidate edges, to the nearest column with room. */
export function searchSparse(
  state: AssignmentState,
  freeRow: number,
  rowStart: Int32Array,
  columnIndex: Int32Array,
  edgeCost: Float64Array,
  search: SearchState,
): void {
  const { rowDual, columnDual, columnIsFull, slotStart, usedSlots, rowInSlot } = state;
  const { distance, scannedColumns, scannedRows, rowQueue, isScanned, heapItems, heapPosition, counters } = search;
  counters[TOUCHED_COLUMN_COUNT] = 0;
  counters[HEAP_SIZE] = 0;
  let scannedColumnCount = 0;
  let scannedRowCount = 0;
  let sinkColumn = -1;
  let sinkDistance = 0;
  let row = freeRow;
  let base = 0;
  let queueHead = 0;
  let queueTail = 0;
  for (;;) {
    relaxSparse(rowStart[row]!, rowStart[row + 1]!, columnIndex, edgeCost, rowDual[row]!, base, row, columnDual, search, columnIsFull);
    if (queueHead < queueTail) {
      row = rowQueue[queueHead++]!;
      scannedRows[scannedRowCount++] = row;
      continue;
    }
    const size: number = counters[HEAP_SIZE]!;
    if (size === 0) break; // exhausted
    const column = heapPop(heapItems, heapPosition, distance, columnIsFull, size);
    counters[HEAP_SIZE] = size - 1;
    isScanned[column] = 1;
    scannedColumns[scannedColumnCount++] = column;
    if (columnIsFull[column] === 0) {
      sinkColumn = column;
      sinkDistance = distance[column]!;
      break;
    }
    base = distance[column]!;
    queueHead = queueTail = 0;
    for (let slot = slotStart[column]!, end = slot + usedSlots[column]!; slot < end; slot++) rowQueue[queueTail++] = rowInSlot[slot]!;
    row = rowQueue[queueHead++]!;
    scannedRows[scannedRowCount++] = row;
  }
  // empty the heap (distances are reset after the updates, which read them)
  const left = counters[HEAP_SIZE]!;
  for (let index = 0; index < left; index++) heapPosition[heapItems[index]!] = -1;
  counters[HEAP_SIZE] = 0;
  counters[SCANNED_COLUMN_COUNT] = scannedColumnCount;
  counters[SCANNED_ROW_COUNT] = scannedRowCount;
  search.sinkColumn = sinkColumn;
  search.sinkDistance = sinkDistance;
}

/** After a sparse search has updated the duals: resets the distances and scanned flags it touched. */
export function resetSparseSearch(search: SearchState): void {
  const { distance, isScanned, touchedColumns } = search;
  for (let index = 0, end = search.counters[TOUCHED_COLUMN_COUNT]!; index < end; index++) {
    const column = touchedColumns[index]!;
    distance[column] = Infinity;
    isScanned[column] = 0;
  }
}
