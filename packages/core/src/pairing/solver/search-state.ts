/**
 * Scratch arrays of the shortest augmenting path phase, allocated once per solve and reused by every
 * search (dense or sparse), and the outcome of the last search.
 */

/** Scratch arrays and the outcome of one shortest-path search. */
export interface SearchState {
  /** Distance of each column from the free row (reduced costs). */
  distance: Float64Array;
  predecessorRow: Int32Array;
  predecessorEdge: Int32Array;
  scannedColumns: Int32Array;
  scannedRows: Int32Array;
  rowQueue: Int32Array;
  /** Dense: columns not yet scanned. */
  unscannedColumns: Int32Array;
  /** Sparse: columns whose distance was set (to reset), heap, and scanned flags. */
  touchedColumns: Int32Array;
  heapItems: Int32Array;
  heapPosition: Int32Array;
  isScanned: Uint8Array;
  /** Counters, indexed by the constants below. */
  counters: Int32Array;
  /** The sink column (-1: none reachable) and its distance. */
  sinkColumn: number;
  sinkDistance: number;
}

// counters[]
export const SCANNED_COLUMN_COUNT = 0;
export const SCANNED_ROW_COUNT = 1;
export const TOUCHED_COLUMN_COUNT = 2;
export const HEAP_SIZE = 3;

export function createSearchState(rowCount: number, columnCount: number, sparse: boolean): SearchState {
  return {
    distance: new Float64Array(columnCount).fill(Infinity),
    predecessorRow: new Int32Array(columnCount).fill(-1),
    predecessorEdge: new Int32Array(columnCount).fill(-1),
    scannedColumns: new Int32Array(columnCount),
    scannedRows: new Int32Array(rowCount),
    rowQueue: new Int32Array(rowCount),
    unscannedColumns: new Int32Array(sparse ? 0 : columnCount),
    touchedColumns: new Int32Array(sparse ? columnCount : 0),
    heapItems: new Int32Array(sparse ? columnCount : 0),
    heapPosition: new Int32Array(sparse ? columnCount : 0).fill(-1),
    isScanned: new Uint8Array(sparse ? columnCount : 0),
    counters: new Int32Array(4),
    sinkColumn: -1,
    sinkDistance: 0,
  };
}
