/**
 * Augmenting row reduction: the auction-like start of Jonker & Volgenant's algorithm
 * (R. Jonker, A. Volgenant, "A shortest augmenting path algorithm for dense and sparse linear
 * assignment problems", Computing 38, 1987), adapted to columns with several slots. It assigns most
 * rows cheaply; the rows it leaves free go to the shortest augmenting path phase.
 */
import { openSlot, placeRow, unplaceRow, type AssignmentState } from './assignment-state.js';

// bestTwo[]: the best and second-best reduced cost (cost - columnDual) of a row, with their columns and edges
const BEST_COST = 0;
const SECOND_COST = 1;
const BEST_COLUMN = 2;
const SECOND_COLUMN = 3;
const BEST_EDGE = 4;
const SECOND_EDGE = 5;

function bestTwoDense(
  denseCosts: Float64Array,
  offset: number,
  columnCount: number,
  columnDual: Float64Array,
  columnIsFull: Uint8Array,
  bestTwo: Float64Array,
): void {
  let bestCost = Infinity;
  let secondCost = Infinity;
  let bestColumn = -1;
  let secondColumn = -1;
  for (let column = 0; column < columnCount; column++) {
    const reducedCost = denseCosts[offset + column]! - columnDual[column]!;
    if (reducedCost < secondCost || (reducedCost === secondCost && secondColumn >= 0 && columnIsFull[secondColumn] === 1 && columnIsFull[column] === 0)) {
      if (reducedCost > bestCost || (reducedCost === bestCost && (bestColumn < 0 || columnIsFull[bestColumn] === 0 || columnIsFull[column] === 1))) {
        secondCost = reducedCost;
        secondColumn = column;
      } else {
        secondCost = bestCost;
        secondColumn = bestColumn;
        bestCost = reducedCost;
        bestColumn = column;
      }
    }
  }
  bestTwo[BEST_COST] = bestCost;
  bestTwo[SECOND_COST] = secondCost;
  bestTwo[BEST_COLUMN] = bestColumn;
  bestTwo[SECOND_COLUMN] = secondColumn;
  bestTwo[BEST_EDGE] = -1;
  bestTwo[SECOND_EDGE] = -1;
}

function bestTwoSparse(
  start: number,
  end: number,
  columnIndex: Int32Array,
  edgeCost: Float64Array,
  columnDual: Float64Array,
  columnIsFull: Uint8Array,
  bestTwo: Float64Array,
): void {
  let bestCost = Infinity;
  let secondCost = Infinity;
  let bestColumn = -1;
  let secondColumn = -1;
  let bestEdge = -1;
  let secondEdge = -1;
  for (let edge = start; edge < end; edge++) {
    const column = columnIndex[edge]!;
    const reducedCost = edgeCost[edge]! - columnDual[column]!;
    if (reducedCost < secondCost || (reducedCost === secondCost && secondColumn >= 0 && columnIsFull[secondColumn] === 1 && columnIsFull[column] === 0)) {
      if (reducedCost > bestCost || (reducedCost === bestCost && (bestColumn < 0 || columnIsFull[bestColumn] === 0 || columnIsFull[column] === 1))) {
        secondCost = reducedCost;
        secondColumn = column;
        secondEdge = edge;
      } else {
        secondCost = bestCost;
        secondColumn = bestColumn;
        secondEdge = bestEdge;
        bestCost = reducedCost;
        bestColumn = column;
        bestEdge = edge;
      }
    }
  }
  bestTwo[BEST_COST] = bestCost;
  bestTwo[SECOND_COST] = secondCost;
  bestTwo[BEST_COLUMN] = bestColumn;
  bestTwo[SECOND_COLUMN] = secondColumn;
  bestTwo[BEST_EDGE] = bestEdge;
  bestTwo[SECOND_EDGE] = secondEdge;
}

/**
 * Augmenting row reduction, two passes over the free rows. Returns the rows still free, ascending.
 */
export function reduceRows(
  state: AssignmentState,
  rowCount: number,
  columnCount: number,
  sparse: boolean,
  denseCosts: Float64Array | undefined,
  rowStart: Int32Array,
  columnIndex: Int32Array,
  edgeCost: Float64Array,
): Int32Array {
  const { rowDual, columnDual, capacity, columnIsFull, unmatchedForGood, slotStart, rowInSlot, edgeOfRow } = state;
  const bestTwo = new Float64Array(6);
  let freeRows = new Int32Array(rowCount);
  let freeCount = 0;
  for (let row = 0; row < rowCount; row++) freeRows[freeCount++] = row;
  for (let pass = 0; pass < 2 && freeCount > 0; pass++) {
    let cursor = 0;
    const rowsThisPass = freeCount;
    let budget = 8 * rowCount + 1000; // guards against long tie chains; leftovers go to the exact phase
    const nextFreeRows = new Int32Array(rowCount);
    let nextFreeCount = 0;
    while (cursor < rowsThisPass) {
      const row = freeRows[cursor++]!;
      if (budget-- <= 0) {
        nextFreeRows[nextFreeCount++] = row;
        continue;
      }
      if (sparse) bestTwoSparse(rowStart[row]!, rowStart[row + 1]!, columnIndex, edgeCost, columnDual, columnIsFull, bestTwo);
      else bestTwoDense(denseCosts!, row * columnCount, columnCount, columnDual, columnIsFull, bestTwo);
      let bestCost = bestTwo[BEST_COST]!;
      let secondCost = bestTwo[SECOND_COST]!;
      let bestColumn = bestTwo[BEST_COLUMN]!;
      let secondColumn = bestTwo[SECOND_COLUMN]!;
      let bestEdge = bestTwo[BEST_EDGE]!;
      let secondEdge = bestTwo[SECOND_EDGE]!;
      // among a tie for the best, prefer the column with room
      if (bestCost === secondCost && secondColumn >= 0 && columnIsFull[bestColumn] === 1 && columnIsFull[secondColumn] === 0) {
        const swapColumn = bestColumn;
        bestColumn = secondColumn;
        secondColumn = swapColumn;
        const swapEdge = bestEdge;
        bestEdge = secondEdge;
        secondEdge = swapEdge;
        const swapCost = bestCost;
        bestCost = secondCost;
        secondCost = swapCost;
      }
      if (bestColumn < 0 || bestCost === Infinity) {
        unmatchedForGood[row] = 1; // no allowed edge at all
        continue;
      }
      if (columnIsFull[bestColumn] === 0) {
        // room in the best column: take it; its dual stays as it is (columns with room keep a dual of 0)
        placeRow(state, row, bestColumn, openSlot(state, bestColumn));
        if (sparse) edgeOfRow[row] = bestEdge;
        rowDual[row] = bestCost;
        continue;
      }
      if (capacity[bestColumn] !== 1) {
        // a full multi-slot column: lowering its one dual would disturb its other rows; use the tie if any
        if (bestCost === secondCost && secondColumn >= 0 && columnIsFull[secondColumn] === 0) {
          placeRow(state, row, secondColumn, openSlot(state, secondColumn));
          if (sparse) edgeOfRow[row] = secondEdge;
          rowDual[row] = secondCost;
        } else nextFreeRows[nextFreeCount++] = row;
        continue;
      }
      // bestColumn is a full single-slot column: bid for it (JV)
      if (bestCost < secondCost) {
        if (secondCost === Infinity) {
          nextFreeRows[nextFreeCount++] = row;
          continue;
        }
        columnDual[bestColumn] = columnDual[bestColumn]! - (secondCost - bestCost);
        const slot = slotStart[bestColumn]!;
        const displacedRow = rowInSlot[slot]!;
        unplaceRow(state, displacedRow);
        placeRow(state, row, bestColumn, slot);
        if (sparse) edgeOfRow[row] = bestEdge;
        rowDual[row] = secondCost;
        freeRows[--cursor] = displacedRow; // re-bid at once
      } else {
        // tie: take the second column instead, displacing its row (if single-slot) or using its room
        if (secondColumn < 0) {
          nextFreeRows[nextFreeCount++] = row;
          continue;
        }
        if (columnIsFull[secondColumn] === 0) {
          placeRow(state, row, secondColumn, openSlot(state, secondColumn));
          if (sparse) edgeOfRow[row] = secondEdge;
          rowDual[row] = secondCost;
        } else if (capacity[secondColumn] === 1) {
          const slot = slotStart[secondColumn]!;
          const displacedRow = rowInSlot[slot]!;
          unplaceRow(state, displacedRow);
          placeRow(state, row, secondColumn, slot);
          if (sparse) edgeOfRow[row] = secondEdge;
          rowDual[row] = secondCost;
          nextFreeRows[nextFreeCount++] = displacedRow;
        } else nextFreeRows[nextFreeCount++] = row;
      }
    }
    freeRows = nextFreeRows;
    freeCount = nextFreeCount;
  }
  return freeRows.slice(0, freeCount).sort();
}
