/**
 * The state of one solve — assignment, duals and column slots — and the three moves on it.
 *
 * Capacities without duplicated columns: a column of capacity `c` is ONE column with `c` slots
 * sharing one dual. Column `column` owns slots `slotStart[column] .. slotStart[column] + capacity[column] - 1`;
 * the first `usedSlots[column]` of them hold rows. Its assigned rows are all tight, so a shortest-path
 * search that reaches the column reaches all of them at the same distance.
 */

/** Assignment, duals and column slots of one solve. */
export interface AssignmentState {
  capacity: Int32Array;
  rowDual: Float64Array;
  columnDual: Float64Array;
  columnOfRow: Int32Array;
  /** Sparse: index of the assigned edge. */
  edgeOfRow: Int32Array;
  /** Column `c` owns slots `slotStart[c] .. slotStart[c] + capacity[c] - 1`; the first `usedSlots[c]` are used. */
  slotStart: Int32Array;
  rowInSlot: Int32Array;
  slotOfRow: Int32Array;
  usedSlots: Int32Array;
  /** 1 when the column has no room left (a capacity-0 column is always full). */
  columnIsFull: Uint8Array;
  /** Rows that stay unmatched for good (no reachable room and no better swap). */
  unmatchedForGood: Uint8Array;
}

/** A fresh state: nothing assigned, duals 0, capacity-0 columns full. */
export function createAssignmentState(rowCount: number, columnCount: number, capacity: Int32Array): AssignmentState {
  const slotStart = new Int32Array(columnCount + 1);
  for (let column = 0; column < columnCount; column++) slotStart[column + 1] = slotStart[column]! + capacity[column]!;
  const columnIsFull = new Uint8Array(columnCount);
  for (let column = 0; column < columnCount; column++) columnIsFull[column] = capacity[column]! === 0 ? 1 : 0;
  return {
    capacity,
    rowDual: new Float64Array(rowCount),
    columnDual: new Float64Array(columnCount),
    columnOfRow: new Int32Array(rowCount).fill(-1),
    edgeOfRow: new Int32Array(rowCount).fill(-1),
    slotStart,
    rowInSlot: new Int32Array(slotStart[columnCount]!),
    slotOfRow: new Int32Array(rowCount).fill(-1),
    usedSlots: new Int32Array(columnCount),
    columnIsFull,
    unmatchedForGood: new Uint8Array(rowCount),
  };
}

/** Puts `row` in `slot` of `column`. */
export function placeRow(state: AssignmentState, row: number, column: number, slot: number): void {
  state.rowInSlot[slot] = row;
  state.slotOfRow[row] = slot;
  state.columnOfRow[row] = column;
}

/** Takes `row` out of its column (its slot is reused by whoever takes its place). */
export function unplaceRow(state: AssignmentState, row: number): void {
  state.columnOfRow[row] = -1;
  state.slotOfRow[row] = -1;
  state.edgeOfRow[row] = -1;
}

/** Opens the next free slot of `column`, marking the column full when it was its last. */
export function openSlot(state: AssignmentState, column: number): number {
  const slot = state.slotStart[column]! + state.usedSlots[column]!;
  state.usedSlots[column] = state.usedSlots[column]! + 1;
  if (state.usedSlots[column] === state.capacity[column]) state.columnIsFull[column] = 1;
  return slot;
}
