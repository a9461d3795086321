/**
 * The pairing solver: an exact, lexicographic assignment with mentor capacities.
 *
 * Objective, in this order: (1) as many rows (mentees) matched as the capacities and allowed edges
 * permit, (2) among those, the largest total score. Both exactly: no "big constant" is added to the
 * scores, so float scores of any magnitude are never rounded into each other.
 *
 * Method — shortest augmenting paths (Jonker–Volgenant style) on typed arrays:
 *
 * 1. Costs are `-score`; row duals `u`, column duals `v`; reduced cost `c - u - v >= 0` on every edge,
 *    `= 0` on every assigned edge; columns with room left keep `v = 0` (the rectangular optimality
 *    condition).
 * 2. Augmenting row reduction (JV's auction-like start) assigns most rows cheaply. A column of
 *    capacity `c` is ONE column with `c` slots sharing one dual (no duplicated columns): its assigned
 *    rows are all tight, so a Dijkstra that reaches it reaches all of them at the same distance.
 * 3. Each remaining row runs a Dijkstra on reduced costs to the nearest column with room (ties prefer
 *    columns with room, so integer scores end searches early), then duals and the path are updated.
 * 4. When no column with room is reachable, the row either stays unmatched or — if that raises the
 *    total — takes the place of a reachable row, which then becomes unmatched. This is exactly the
 *    step a row-by-row SAP would take on the problem extended with one private "unmatched" column per
 *    row of infinite cost, which is why the result is the lexicographic optimum: max cardinality
 *    first, then max total.
 *
 * Dense mode keeps an `n × m` Float64Array; sparse mode (CSR: `rowStart`, `colIndex`, `scores`)
 * keeps only the candidate edges and uses an indexed binary heap, so memory is O(candidates).
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
interface CostProblem {
  n: number;
  m: number;
  cap: Int32Array;
  /** Dense costs (row-major) … */
  dense?: Float64Array;
  /** … or CSR. */
  rowStart?: Int32Array;
  colIndex?: Int32Array;
  cost?: Float64Array;
}

/** Capacities as an Int32Array (clamped to the row count). @internal */
export function capacities(capacity: ArrayLike<number> | number | undefined, m: number, n: number): Int32Array {
  const cap = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    const value = capacity === undefined ? 1 : typeof capacity === 'number' ? capacity : capacity[j]!;
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`capacity of column ${j} must be a whole number 0 or more (got ${String(value)})`);
    cap[j] = Math.min(value, n);
  }
  return cap;
}

/** Candidate edges per row tried first in dense mode before the dense engine (see `solveDenseAssignment`). */
export const DENSE_CANDIDATES_PER_ROW = 16;

/**
 * Solves a dense instance (scores row-major, `-Infinity` = forbidden).
 *
 * Fast path: the problem is first solved on each row's best `DENSE_CANDIDATES_PER_ROW` edges (the
 * sparse engine), and that answer is then *certified* on the whole matrix with its duals: when every
 * row is matched and no edge has a negative reduced cost, complementary slackness proves it optimal
 * for the full problem. Edges that fail the check are added and the candidates re-solved (up to three
 * rounds); anything still uncertified — e.g. an instance where some rows must stay unmatched — is
 * solved by the dense engine on the full matrix. Either way the result is the exact optimum.
 */
export function solveDenseAssignment(input: DenseAssignmentInput, options: { method?: 'auto' | 'dense' } = {}): AssignmentSolution {
  const { rows: n, cols: m, scores } = input;
  if (scores.length !== n * m) throw new RangeError(`scores must have rows × cols = ${n * m} entries (got ${scores.length})`);
  const dense = new Float64Array(n * m);
  let largest = 0;
  for (let index = 0; index < dense.length; index++) {
    const score = scores[index]!;
    if (Number.isNaN(score) || score === Infinity) throw new RangeError(`score ${index} is ${String(score)}; scores must be finite or -Infinity (forbidden)`);
    dense[index] = -score;
    if (score !== -Infinity && Math.abs(score) > largest) largest = Math.abs(score);
  }
  return solveDenseCosts(n, m, dense, capacities(input.capacity, m, n), largest, options);
}

/**
 * Dense mode on a cost matrix the caller hands over (`-score`, `Infinity` = forbidden; it is modified).
 * `largest` is the largest absolute finite score (for the certificate's float tolerance).
 * @internal used by `matchMentors` to avoid a second copy of the matrix.
 */
export function solveDenseCosts(n: number, m: number, dense: Float64Array, cap: Int32Array, largest: number, options: { method?: 'auto' | 'dense' } = {}): AssignmentSolution {
  // a column without capacity can take nobody: forbid its edges, so no search ever stops on it
  for (let j = 0; j < m; j++) if (cap[j] === 0) for (let i = 0; i < n; i++) dense[i * m + j] = Infinity;
  const scoreOf = (i: number, j: number) => -dense[i * m + j]!;
  if (options.method !== 'dense' && usesCandidates(n, m, cap)) {
    const certified = solveCertified(n, m, cap, selectCostRows(n, m, dense), largest, (i) => dense.subarray(i * m, (i + 1) * m));
    if (certified) return certified;
  }
  return finish(n, solveCosts({ n, m, cap, dense }).colOfRow, scoreOf);
}

function finish(n: number, colOfRow: Int32Array, scoreOf: (i: number, j: number) => number): AssignmentSolution {
  let matched = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const j = colOfRow[i]!;
    if (j < 0) continue;
    matched++;
    total += scoreOf(i, j);
  }
  return { colOfRow, matched, total };
}

/**
 * Each row's best candidate edges for dense mode's fast path (see `solveDenseAssignment`).
 * @internal
 */
export interface DenseCandidates {
  /** Block size: row `i`'s candidates are at `i * k … i * k + count[i] - 1`, by ascending column. */
  k: number;
  columns: Int32Array;
  /** Their costs (`-score`). */
  costs: Float64Array;
  count: Int32Array;
  /**
   * The cost of row `i`'s k-th candidate: every edge of the row outside its candidates costs at least
   * that. Infinity when the row has fewer than k allowed edges (all of them are candidates).
   */
  worst: Float64Array;
}

/** Whether dense mode tries the candidate fast path first (enough columns, rows all fit). @internal */
export function usesCandidates(n: number, m: number, cap: Int32Array): boolean {
  let totalCapacity = 0;
  for (let j = 0; j < m; j++) totalCapacity += cap[j]!;
  return m > 2 * DENSE_CANDIDATES_PER_ROW && n * m >= 1024 && totalCapacity >= n;
}

// Candidate selection keeps each row's k cheapest edges in a small buffer sorted by cost; most entries
// fail the first comparison (`c < limit`), so it costs about one read per entry. Plain functions over
// typed arrays, one call per row: they are optimised after a few rows and stay optimised (no
// per-call closures or objects for the JIT to specialise on).

function allocateCandidates(n: number, m: number): DenseCandidates {
  const k = Math.min(DENSE_CANDIDATES_PER_ROW, m);
  return { k, columns: new Int32Array(n * k), costs: new Float64Array(n * k), count: new Int32Array(n), worst: new Float64Array(n) };
}

/** Inserts column `j` at cost `c` into the buffer of `size` entries (at most `k`); returns the new size. */
function insertCandidate(bufferCost: Float64Array, bufferCol: Int32Array, size: number, k: number, j: number, c: number): number {
  let position = size < k ? size++ : k - 1;
  while (position > 0 && bufferCost[position - 1]! > c) {
    bufferCost[position] = bufferCost[position - 1]!;
    bufferCol[position] = bufferCol[position - 1]!;
    position--;
  }
  bufferCost[position] = c;
  bufferCol[position] = j;
  return size;
}

/** Stores the buffer as row `i`'s candidates, by ascending column. */
function commitCandidates(columns: Int32Array, costs: Float64Array, count: Int32Array, worst: Float64Array, k: number, i: number, size: number, bufferCost: Float64Array, bufferCol: Int32Array): void {
  const base = i * k;
  for (let a = 0; a < size; a++) {
    const j = bufferCol[a]!;
    const c = bufferCost[a]!;
    let b = base + a;
    while (b > base && columns[b - 1]! > j) {
      columns[b] = columns[b - 1]!;
      costs[b] = costs[b - 1]!;
      b--;
    }
    columns[b] = j;
    costs[b] = c;
  }
  count[i] = size;
  worst[i] = size === k ? bufferCost[k - 1]! : Infinity;
}

/** One row of a dense cost matrix into the buffer; returns the buffer size. */
function selectCostRow(dense: Float64Array, offset: number, m: number, k: number, bufferCost: Float64Array, bufferCol: Int32Array): number {
  let size = 0;
  let limit = Infinity;
  for (let j = 0; j < m; j++) {
    const c = dense[offset + j]!;
    if (c < limit) {
      size = insertCandidate(bufferCost, bufferCol, size, k, j, c);
      if (size === k) limit = bufferCost[k - 1]!;
    }
  }
  return size;
}

/** Candidates from a dense cost matrix (Infinity = forbidden). */
function selectCostRows(n: number, m: number, dense: Float64Array): DenseCandidates {
  const candidates = allocateCandidates(n, m);
  const { k, columns, costs, count, worst } = candidates;
  const bufferCost = new Float64Array(k);
  const bufferCol = new Int32Array(k);
  for (let i = 0; i < n; i++) commitCandidates(columns, costs, count, worst, k, i, selectCostRow(dense, i * m, m, k, bufferCost, bufferCol), bufferCost, bufferCol);
  return candidates;
}

/**
 * One row of host scores into the buffer: returns the buffer size, or -1 when an entry is not a
 * finite number, `null` or `-Infinity`. `state` keeps the highest and lowest allowed score so far
 * (`[0]`, `[1]`); `state[2]` is set to 1 when the row forbids an entry of a column with capacity.
 * `closed`: some column has capacity 0 (its entries are left out).
 */
function selectScoreRow(row: ArrayLike<unknown>, m: number, cap: Int32Array, closed: boolean, k: number, bufferCost: Float64Array, bufferCol: Int32Array, state: Float64Array): number {
  let size = 0;
  let limit = Infinity;
  let high = state[0]!;
  let low = state[1]!;
  for (let j = 0; j < m; j++) {
    const s = row[j];
    if (typeof s !== 'number') {
      if (s !== null) return -1;
      if (!closed || cap[j] !== 0) state[2] = 1;
      continue;
    }
    if (s - s !== 0) {
      // NaN, Infinity or -Infinity (forbidden)
      if (s !== -Infinity) return -1;
      if (!closed || cap[j] !== 0) state[2] = 1;
      continue;
    }
    if (closed && cap[j] === 0) continue;
    if (s > high) high = s;
    if (s < low) low = s;
    const c = -s;
    if (c < limit) {
      size = insertCandidate(bufferCost, bufferCol, size, k, j, c);
      if (size === k) limit = bufferCost[k - 1]!;
    }
  }
  state[0] = high;
  state[1] = low;
  return size;
}

/**
 * Candidates straight from a host's score rows (higher is better; `null`/`-Infinity` forbid; columns
 * with capacity 0 are left out), checking every entry on the way: no cost matrix is built. Returns
 * `undefined` when a row is not an array of `m` entries or an entry is not a finite number, `null` or
 * `-Infinity` (the caller then reports it). `forbiddenRows[i]` is 1 when row `i` forbids an entry.
 * @internal used by `matchMentors` for `scoreMatrix`.
 */
export function selectScoreRows(n: number, m: number, scoreRows: ReadonlyArray<unknown>, cap: Int32Array): { candidates: DenseCandidates; largest: number; forbiddenRows: Uint8Array } | undefined {
  const candidates = allocateCandidates(n, m);
  const { k, columns, costs, count, worst } = candidates;
  const bufferCost = new Float64Array(k);
  const bufferCol = new Int32Array(k);
  const forbiddenRows = new Uint8Array(n);
  let closed = false;
  for (let j = 0; j < m; j++) if (cap[j] === 0) closed = true;
  const state = Float64Array.of(0, 0, 0);
  for (let i = 0; i < n; i++) {
    const row = scoreRows[i];
    if (!Array.isArray(row) || row.length !== m) return undefined;
    state[2] = 0;
    const size = selectScoreRow(row, m, cap, closed, k, bufferCost, bufferCol, state);
    if (size < 0) return undefined;
    if (state[2]) forbiddenRows[i] = 1;
    commitCandidates(columns, costs, count, worst, k, i, size, bufferCost, bufferCol);
  }
  return { candidates, largest: Math.max(state[0]!, -state[1]!), forbiddenRows };
}

/**
 * Whether a row passes the certificate without reading it in full: its solved edges have reduced
 * cost >= -tolerance, and `bound` (a lower bound of the reduced cost of all its other edges) too.
 */
function rowSettled(start: number, end: number, colIndex: Int32Array, cost: Float64Array, ui: number, v: Float64Array, bound: number, tolerance: number): boolean {
  for (let x = start; x < end; x++) if (cost[x]! - ui - v[colIndex[x]!]! < -tolerance) return false;
  return bound >= -tolerance;
}

/** Appends a row's candidates (at `from`, `size` of them) to the CSR arrays at `e`; returns the new end. */
function copyCandidates(columns: Int32Array, costs: Float64Array, from: number, size: number, cap: Int32Array, colIndex: Int32Array, cost: Float64Array, e: number): number {
  for (let x = from, end = from + size; x < end; x++) {
    const j = columns[x]!;
    colIndex[e] = j;
    cost[e++] = cap[j] === 0 ? Infinity : costs[x]!;
  }
  return e;
}

/** Counts a row's edges with reduced cost below -tolerance, noting them in `found` when given. */
function rowViolations(row: ArrayLike<number>, m: number, ui: number, v: Float64Array, tolerance: number, i: number, found: Map<number, Map<number, number>> | undefined): number {
  let violations = 0;
  for (let j = 0; j < m; j++) {
    const c = row[j]!;
    if (c - ui - v[j]! < -tolerance) {
      violations++;
      if (found) {
        let list = found.get(i);
        if (!list) found.set(i, (list = new Map()));
        list.set(j, c);
      }
    }
  }
  return violations;
}

/**
 * The candidate-then-certify fast path of dense mode: solves the candidate edges with the sparse
 * engine, then checks the answer's duals against every edge (`rowCosts(i)` gives row `i`'s `m` costs,
 * read only for rows the cheap bound cannot settle). `undefined` when it cannot certify.
 * @internal
 */
export function solveCertified(n: number, m: number, cap: Int32Array, candidates: DenseCandidates, largest: number, rowCosts: (i: number) => ArrayLike<number>): AssignmentSolution | undefined {
  const { k, columns, costs, count, worst } = candidates;
  const tolerance = 1e-10 * (largest + 1);
  /** Edges found violating the certificate (row → column → cost), added in the next round (rare). */
  let extra: Map<number, Map<number, number>> | undefined;
  for (let round = 0; round < 4; round++) {
    let edges = 0;
    for (let i = 0; i < n; i++) edges += count[i]! + (extra?.get(i)?.size ?? 0);
    const rowStart = new Int32Array(n + 1);
    const colIndex = new Int32Array(edges);
    const cost = new Float64Array(edges);
    let e = 0;
    for (let i = 0; i < n; i++) {
      const added = extra?.get(i);
      if (added) {
        const merged = new Map(added);
        for (let x = i * k, end = x + count[i]!; x < end; x++) merged.set(columns[x]!, costs[x]!);
        for (const j of Int32Array.from(merged.keys()).sort()) {
          colIndex[e] = j;
          cost[e++] = cap[j] === 0 ? Infinity : merged.get(j)!;
        }
      } else e = copyCandidates(columns, costs, i * k, count[i]!, cap, colIndex, cost, e);
      rowStart[i + 1] = e;
    }
    const result = solveCosts({ n, m, cap, rowStart, colIndex, cost });
    for (let i = 0; i < n; i++) if (result.colOfRow[i]! < 0) return undefined; // some row unmatched: no certificate
    // Certificate: no edge may have a negative reduced cost c - u - v. The solved edges are checked
    // one by one; for all other edges of a row, c >= worst[i] and v <= max(v) give the bound
    // worst[i] - u[i] - max(v), and only a row where that bound is not enough is read in full.
    const { u, v } = result;
    let highest = -Infinity;
    for (let j = 0; j < m; j++) if (v[j]! > highest) highest = v[j]!;
    const found = new Map<number, Map<number, number>>();
    let violations = 0;
    for (let i = 0; i < n; i++) {
      const ui = u[i]!;
      if (rowSettled(rowStart[i]!, rowStart[i + 1]!, colIndex, cost, ui, v, worst[i]! - ui - highest, tolerance)) continue;
      violations += rowViolations(rowCosts(i), m, ui, v, tolerance, i, round < 3 ? found : undefined);
    }
    if (violations === 0) {
      let total = 0;
      for (let i = 0; i < n; i++) total -= cost[result.edgeOfRow[i]!]!;
      return { colOfRow: result.colOfRow, matched: n, total };
    }
    if (extra) for (const [i, list] of extra) found.set(i, new Map([...list, ...(found.get(i) ?? [])]));
    extra = found;
  }
  return undefined;
}

/** Solves a sparse instance given as candidate edges per row (CSR). Memory is O(rows + cols + edges). */
export function solveSparseAssignment(input: SparseAssignmentInput): AssignmentSolution {
  const { rows: n, cols: m } = input;
  const rowStart = Int32Array.from(input.rowStart);
  const colIndex = Int32Array.from(input.colIndex);
  if (rowStart.length !== n + 1 || rowStart[0] !== 0 || rowStart[n] !== colIndex.length || input.scores.length !== colIndex.length) {
    throw new RangeError('rowStart must have rows + 1 entries from 0 to the number of edges, and scores one per edge');
  }
  const cost = new Float64Array(colIndex.length);
  const seen = new Int32Array(m).fill(-1);
  for (let i = 0; i < n; i++) {
    if (rowStart[i + 1]! < rowStart[i]!) throw new RangeError(`rowStart must not decrease (row ${i})`);
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      const j = colIndex[e]!;
      if (!(j >= 0 && j < m)) throw new RangeError(`colIndex ${e} is out of range (${j})`);
      if (seen[j] === i) throw new RangeError(`row ${i} lists column ${j} twice`);
      seen[j] = i;
      const score = input.scores[e]!;
      if (Number.isNaN(score) || score === Infinity) throw new RangeError(`score of edge ${e} is ${String(score)}; scores must be finite or -Infinity (forbidden)`);
      cost[e] = -score;
    }
  }
  return solveSparseCosts(n, m, rowStart, colIndex, cost, capacities(input.capacity, m, n));
}

/** Sparse mode on prepared CSR costs (`-score`, modified). @internal used by `matchMentors`. */
export function solveSparseCosts(n: number, m: number, rowStart: Int32Array, colIndex: Int32Array, cost: Float64Array, cap: Int32Array): AssignmentSolution {
  for (let e = 0; e < cost.length; e++) if (cap[colIndex[e]!] === 0) cost[e] = Infinity;
  const result = solveCosts({ n, m, cap, rowStart, colIndex, cost });
  return finish(n, result.colOfRow, (i) => -cost[result.edgeOfRow[i]!]!);
}

interface EngineResult {
  colOfRow: Int32Array;
  /** Sparse mode: the index of each matched row's edge. */
  edgeOfRow: Int32Array;
  /** Final duals: reduced cost `c - u - v` is >= 0 on every edge of a row that can still move, 0 on assigned edges. */
  u: Float64Array;
  v: Float64Array;
}

// ---- the engine --------------------------------------------------------------------------------
// Written as plain functions over typed arrays with the hot loops in small functions called once per
// row: they are optimised within the first rows of a solve and stay optimised across solves (no
// per-call closures, classes or megamorphic sites for the JIT to specialise on and then throw away),
// so the timing does not depend on how fast a busy machine gets round to compiling a big function.

/** Assignment, duals and column slots of one solve. */
interface Work {
  cap: Int32Array;
  u: Float64Array;
  v: Float64Array;
  colOfRow: Int32Array;
  /** Sparse: index of the assigned edge. */
  edgeOfRow: Int32Array;
  /** Column j owns slots slotStart[j] .. slotStart[j] + cap[j] - 1; the first load[j] are used. */
  slotStart: Int32Array;
  rowInSlot: Int32Array;
  slotOfRow: Int32Array;
  load: Int32Array;
  /** 1 when the column has no room left (a capacity-0 column is always full). */
  full: Uint8Array;
  /** Rows that stay unmatched for good (no reachable room and no better swap). */
  frozen: Uint8Array;
}

function place(w: Work, i: number, j: number, slot: number): void {
  w.rowInSlot[slot] = i;
  w.slotOfRow[i] = slot;
  w.colOfRow[i] = j;
}

function unplace(w: Work, r: number): void {
  w.colOfRow[r] = -1;
  w.slotOfRow[r] = -1;
  w.edgeOfRow[r] = -1;
}

function newSlot(w: Work, j: number): number {
  const slot = w.slotStart[j]! + w.load[j]!;
  w.load[j] = w.load[j]! + 1;
  if (w.load[j] === w.cap[j]) w.full[j] = 1;
  return slot;
}

// best[]: the best and second-best reduced cost (c - v) of a row, with their columns and edges
const U1 = 0;
const U2 = 1;
const J1 = 2;
const J2 = 3;
const E1 = 4;
const E2 = 5;

function bestTwoDense(dense: Float64Array, offset: number, m: number, v: Float64Array, full: Uint8Array, best: Float64Array): void {
  let u1 = Infinity;
  let u2 = Infinity;
  let j1 = -1;
  let j2 = -1;
  for (let j = 0; j < m; j++) {
    const h = dense[offset + j]! - v[j]!;
    if (h < u2 || (h === u2 && j2 >= 0 && full[j2] === 1 && full[j] === 0)) {
      if (h > u1 || (h === u1 && (j1 < 0 || full[j1] === 0 || full[j] === 1))) {
        u2 = h;
        j2 = j;
      } else {
        u2 = u1;
        j2 = j1;
        u1 = h;
        j1 = j;
      }
    }
  }
  best[U1] = u1;
  best[U2] = u2;
  best[J1] = j1;
  best[J2] = j2;
  best[E1] = -1;
  best[E2] = -1;
}

function bestTwoSparse(start: number, end: number, ci: Int32Array, ec: Float64Array, v: Float64Array, full: Uint8Array, best: Float64Array): void {
  let u1 = Infinity;
  let u2 = Infinity;
  let j1 = -1;
  let j2 = -1;
  let e1 = -1;
  let e2 = -1;
  for (let e = start; e < end; e++) {
    const j = ci[e]!;
    const h = ec[e]! - v[j]!;
    if (h < u2 || (h === u2 && j2 >= 0 && full[j2] === 1 && full[j] === 0)) {
      if (h > u1 || (h === u1 && (j1 < 0 || full[j1] === 0 || full[j] === 1))) {
        u2 = h;
        j2 = j;
        e2 = e;
      } else {
        u2 = u1;
        j2 = j1;
        e2 = e1;
        u1 = h;
        j1 = j;
        e1 = e;
      }
    }
  }
  best[U1] = u1;
  best[U2] = u2;
  best[J1] = j1;
  best[J2] = j2;
  best[E1] = e1;
  best[E2] = e2;
}

/**
 * Augmenting row reduction (JV's auction-like start), two passes over the free rows. Returns the
 * rows still free, ascending.
 */
function reduceRows(w: Work, n: number, m: number, sparse: boolean, dense: Float64Array | undefined, rs: Int32Array, ci: Int32Array, ec: Float64Array): Int32Array {
  const { u, v, cap, full, frozen, slotStart, rowInSlot, edgeOfRow } = w;
  const best = new Float64Array(6);
  let free = new Int32Array(n);
  let freeCount = 0;
  for (let i = 0; i < n; i++) free[freeCount++] = i;
  for (let pass = 0; pass < 2 && freeCount > 0; pass++) {
    let k = 0;
    const previous = freeCount;
    let budget = 8 * n + 1000; // guards against long tie chains; leftovers go to the exact phase
    const next = new Int32Array(n);
    let nextCount = 0;
    while (k < previous) {
      const i = free[k++]!;
      if (budget-- <= 0) {
        next[nextCount++] = i;
        continue;
      }
      if (sparse) bestTwoSparse(rs[i]!, rs[i + 1]!, ci, ec, v, full, best);
      else bestTwoDense(dense!, i * m, m, v, full, best);
      let u1 = best[U1]!;
      let u2 = best[U2]!;
      let j1 = best[J1]!;
      let j2 = best[J2]!;
      let e1 = best[E1]!;
      let e2 = best[E2]!;
      // among a tie for the best, prefer the column with room
      if (u1 === u2 && j2 >= 0 && full[j1] === 1 && full[j2] === 0) {
        const swapJ = j1;
        j1 = j2;
        j2 = swapJ;
        const swapE = e1;
        e1 = e2;
        e2 = swapE;
        const swapU = u1;
        u1 = u2;
        u2 = swapU;
      }
      if (j1 < 0 || u1 === Infinity) {
        frozen[i] = 1; // no allowed edge at all
        continue;
      }
      if (full[j1] === 0) {
        // room in the best column: take it; its dual stays as it is (columns with room keep v = 0)
        place(w, i, j1, newSlot(w, j1));
        if (sparse) edgeOfRow[i] = e1;
        u[i] = u1;
        continue;
      }
      if (cap[j1] !== 1) {
        // a full multi-slot column: lowering its one dual would disturb its other rows; use the tie if any
        if (u1 === u2 && j2 >= 0 && full[j2] === 0) {
          place(w, i, j2, newSlot(w, j2));
          if (sparse) edgeOfRow[i] = e2;
          u[i] = u2;
        } else next[nextCount++] = i;
        continue;
      }
      // j1 is a full single-slot column: bid for it (JV)
      if (u1 < u2) {
        if (u2 === Infinity) {
          next[nextCount++] = i;
          continue;
        }
        v[j1] = v[j1]! - (u2 - u1);
        const slot = slotStart[j1]!;
        const previousRow = rowInSlot[slot]!;
        unplace(w, previousRow);
        place(w, i, j1, slot);
        if (sparse) edgeOfRow[i] = e1;
        u[i] = u2;
        free[--k] = previousRow; // re-bid at once
      } else {
        // tie: take the second column instead, displacing its row (if single-slot) or using its room
        if (j2 < 0) {
          next[nextCount++] = i;
          continue;
        }
        if (full[j2] === 0) {
          place(w, i, j2, newSlot(w, j2));
          if (sparse) edgeOfRow[i] = e2;
          u[i] = u2;
        } else if (cap[j2] === 1) {
          const slot = slotStart[j2]!;
          const previousRow = rowInSlot[slot]!;
          unplace(w, previousRow);
          place(w, i, j2, slot);
          if (sparse) edgeOfRow[i] = e2;
          u[i] = u2;
          next[nextCount++] = previousRow;
        } else next[nextCount++] = i;
      }
    }
    free = next;
    freeCount = nextCount;
  }
  return free.slice(0, freeCount).sort();
}

/** Scratch arrays and the outcome of one shortest-path search. */
interface Search {
  d: Float64Array;
  pred: Int32Array;
  predEdge: Int32Array;
  scannedCols: Int32Array;
  scannedRows: Int32Array;
  rowQueue: Int32Array;
  /** Dense: columns not yet scanned. */
  todo: Int32Array;
  /** Sparse: columns whose distance was set (to reset), heap, and scanned flags. */
  touched: Int32Array;
  heapItems: Int32Array;
  heapPosition: Int32Array;
  isScanned: Uint8Array;
  counts: Int32Array;
  /** The sink column (-1: none reachable) and its distance. */
  sink: number;
  minVal: number;
}
// counts[]
const COLS = 0;
const ROWS = 1;
const TOUCHED = 2;
const HEAP = 3;

/** Relaxes the not yet scanned columns from `row`; returns the index (in `todo`) of the nearest, ties to room, or -1. */
function relaxDense(dense: Float64Array, offset: number, ur: number, base: number, row: number, todo: Int32Array, remaining: number, v: Float64Array, d: Float64Array, pred: Int32Array, full: Uint8Array): number {
  let lowest = Infinity;
  let lowIndex = -1;
  let lowFull = 1;
  for (let k = 0; k < remaining; k++) {
    const j = todo[k]!;
    const h = base + dense[offset + j]! - ur - v[j]!;
    let dj = d[j]!;
    if (h < dj) {
      d[j] = dj = h;
      pred[j] = row;
    }
    if (dj < lowest || (dj === lowest && lowFull === 1 && full[j] === 0)) {
      lowest = dj;
      lowIndex = k;
      lowFull = full[j]!;
    }
  }
  return lowIndex;
}

/** Dijkstra on reduced costs from free row `i` over the dense matrix, to the nearest column with room. */
function searchDense(w: Work, m: number, i: number, dense: Float64Array, s: Search): void {
  const { u, v, full, slotStart, load, rowInSlot } = w;
  const { d, pred, todo, scannedCols, scannedRows, rowQueue } = s;
  let remaining = m;
  for (let j = 0; j < m; j++) {
    todo[j] = j;
    d[j] = Infinity;
  }
  let colCount = 0;
  let rowCount = 0;
  let sink = -1;
  let minVal = 0;
  let row = i;
  let base = 0;
  let queueHead = 0;
  let queueTail = 0;
  for (;;) {
    const lowIndex = relaxDense(dense, row * m, u[row]!, base, row, todo, remaining, v, d, pred, full);
    if (queueHead < queueTail) {
      row = rowQueue[queueHead++]!;
      scannedRows[rowCount++] = row;
      continue;
    }
    if (lowIndex < 0) break; // exhausted
    const j = todo[lowIndex]!;
    const lowest = d[j]!;
    if (lowest === Infinity) break;
    todo[lowIndex] = todo[--remaining]!;
    scannedCols[colCount++] = j;
    if (full[j] === 0) {
      sink = j;
      minVal = lowest;
      break;
    }
    base = lowest;
    queueHead = queueTail = 0;
    for (let slot = slotStart[j]!, end = slot + load[j]!; slot < end; slot++) rowQueue[queueTail++] = rowInSlot[slot]!;
    row = rowQueue[queueHead++]!;
    scannedRows[rowCount++] = row;
  }
  s.counts[COLS] = colCount;
  s.counts[ROWS] = rowCount;
  s.sink = sink;
  s.minVal = minVal;
}

/** Heap order: distance, then columns with room first, then lower id. */
function heapLess(d: Float64Array, full: Uint8Array, a: number, b: number): boolean {
  const da = d[a]!;
  const db = d[b]!;
  if (da !== db) return da < db;
  const fa = full[a]!;
  const fb = full[b]!;
  if (fa !== fb) return fa < fb;
  return a < b;
}

/** Inserts `j` (or moves it up after its key decreased); returns the heap size. */
function heapUpsert(items: Int32Array, position: Int32Array, d: Float64Array, full: Uint8Array, size: number, j: number): number {
  let index = position[j]!;
  if (index < 0) index = size++;
  while (index > 0) {
    const parent = (index - 1) >> 1;
    const above = items[parent]!;
    if (!heapLess(d, full, j, above)) break;
    items[index] = above;
    position[above] = index;
    index = parent;
  }
  items[index] = j;
  position[j] = index;
  return size;
}

/** Removes the top of a heap of `size` items (size >= 1) and returns it. */
function heapPop(items: Int32Array, position: Int32Array, d: Float64Array, full: Uint8Array, size: number): number {
  const top = items[0]!;
  position[top] = -1;
  size--;
  const last = items[size]!;
  if (size > 0) {
    let index = 0;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= size) break;
      if (child + 1 < size && heapLess(d, full, items[child + 1]!, items[child]!)) child++;
      if (!heapLess(d, full, items[child]!, last)) break;
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

/** Relaxes the edges of `row` (sparse) into the heap. */
function relaxSparse(start: number, end: number, ci: Int32Array, ec: Float64Array, ur: number, base: number, row: number, v: Float64Array, s: Search, full: Uint8Array): void {
  const { d, pred, predEdge, isScanned, touched, heapItems, heapPosition, counts } = s;
  let touchedCount = counts[TOUCHED]!;
  let size = counts[HEAP]!;
  for (let e = start; e < end; e++) {
    const j = ci[e]!;
    if (isScanned[j] === 1) continue;
    const h = base + ec[e]! - ur - v[j]!;
    const dj = d[j]!;
    if (h < dj) {
      if (dj === Infinity) touched[touchedCount++] = j;
      d[j] = h;
      pred[j] = row;
      predEdge[j] = e;
      size = heapUpsert(heapItems, heapPosition, d, full, size, j);
    }
  }
  counts[TOUCHED] = touchedCount;
  counts[HEAP] = size;
}

/** Dijkstra with a heap from free row `i` over the candidate edges, to the nearest column with room. */
function searchSparse(w: Work, i: number, rs: Int32Array, ci: Int32Array, ec: Float64Array, s: Search): void {
  const { u, v, full, slotStart, load, rowInSlot } = w;
  const { d, scannedCols, scannedRows, rowQueue, isScanned, heapItems, heapPosition, counts } = s;
  counts[TOUCHED] = 0;
  counts[HEAP] = 0;
  let colCount = 0;
  let rowCount = 0;
  let sink = -1;
  let minVal = 0;
  let row = i;
  let base = 0;
  let queueHead = 0;
  let queueTail = 0;
  for (;;) {
    relaxSparse(rs[row]!, rs[row + 1]!, ci, ec, u[row]!, base, row, v, s, full);
    if (queueHead < queueTail) {
      row = rowQueue[queueHead++]!;
      scannedRows[rowCount++] = row;
      continue;
    }
    const size: number = counts[HEAP]!;
    if (size === 0) break; // exhausted
    const j = heapPop(heapItems, heapPosition, d, full, size);
    counts[HEAP] = size - 1;
    isScanned[j] = 1;
    scannedCols[colCount++] = j;
    if (full[j] === 0) {
      sink = j;
      minVal = d[j]!;
      break;
    }
    base = d[j]!;
    queueHead = queueTail = 0;
    for (let slot = slotStart[j]!, end = slot + load[j]!; slot < end; slot++) rowQueue[queueTail++] = rowInSlot[slot]!;
    row = rowQueue[queueHead++]!;
    scannedRows[rowCount++] = row;
  }
  // empty the heap (distances are reset after the updates, which read them)
  const left = counts[HEAP]!;
  for (let index = 0; index < left; index++) heapPosition[heapItems[index]!] = -1;
  counts[HEAP] = 0;
  counts[COLS] = colCount;
  counts[ROWS] = rowCount;
  s.sink = sink;
  s.minVal = minVal;
}

/**
 * After a search from row `i`: either augments along the path to the sink, or — no column with room
 * reachable — lets `i` take the place of a reached row when that raises the total (that row becomes
 * unmatched), or leaves `i` unmatched for good.
 */
function augment(w: Work, i: number, sparse: boolean, s: Search): void {
  const { u, v, colOfRow, slotOfRow, edgeOfRow, frozen } = w;
  const { d, pred, predEdge, scannedRows, scannedCols, counts } = s;
  const rowCount = counts[ROWS]!;
  const colCount = counts[COLS]!;
  let sink = s.sink;
  let minVal = s.minVal;
  let evicted = -1;
  if (sink < 0) {
    // Either i stays unmatched, or it takes the place of a reached row r (which becomes unmatched)
    // when that raises the total: change = d(col r) + u_i - u_r < 0.
    let best = 0;
    const ui = u[i]!;
    for (let k = 0; k < rowCount; k++) {
      const r = scannedRows[k]!;
      const change = d[colOfRow[r]!]! + ui - u[r]!;
      const tolerance = 1e-12 * (Math.abs(ui) + Math.abs(u[r]!) + Math.abs(d[colOfRow[r]!]!) + 1);
      if (change < best - tolerance) {
        best = change;
        evicted = r;
      }
    }
    if (evicted < 0) {
      frozen[i] = 1;
      return;
    }
    sink = colOfRow[evicted]!;
    minVal = d[sink]!;
  }

  // dual update on everything reached closer than the sink
  u[i] = u[i]! + minVal;
  for (let k = 0; k < rowCount; k++) {
    const r = scannedRows[k]!;
    const shift = minVal - d[colOfRow[r]!]!;
    if (shift > 0) u[r] = u[r]! + shift;
  }
  for (let k = 0; k < colCount; k++) {
    const j = scannedCols[k]!;
    const shift = minVal - d[j]!;
    if (shift > 0) v[j] = v[j]! - shift;
  }

  // augment along the path ending in `sink`
  let j = sink;
  let slot: number;
  if (evicted >= 0) {
    slot = slotOfRow[evicted]!;
    unplace(w, evicted);
    frozen[evicted] = 1;
  } else slot = newSlot(w, j);
  for (;;) {
    const r = pred[j]!;
    const previousCol = colOfRow[r]!;
    const previousSlot = slotOfRow[r]!;
    place(w, r, j, slot);
    if (sparse) edgeOfRow[r] = predEdge[j]!;
    if (r === i) break;
    j = previousCol;
    slot = previousSlot;
  }
}

/** The shared engine (dense when `problem.dense` is set, otherwise CSR). */
function solveCosts(problem: CostProblem): EngineResult {
  const { n, m, cap, dense } = problem;
  const sparse = dense === undefined;
  const rs = problem.rowStart ?? new Int32Array(0);
  const ci = problem.colIndex ?? new Int32Array(0);
  const ec = problem.cost ?? new Float64Array(0);
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = slotStart[j]! + cap[j]!;
  const full = new Uint8Array(m);
  for (let j = 0; j < m; j++) full[j] = cap[j]! === 0 ? 1 : 0;
  const w: Work = {
    cap,
    u: new Float64Array(n),
    v: new Float64Array(m),
    colOfRow: new Int32Array(n).fill(-1),
    edgeOfRow: new Int32Array(n).fill(-1),
    slotStart,
    rowInSlot: new Int32Array(slotStart[m]!),
    slotOfRow: new Int32Array(n).fill(-1),
    load: new Int32Array(m),
    full,
    frozen: new Uint8Array(n),
  };

  // ---- 1. augmenting row reduction ----------------------------------------------------------------
  const remainingRows = reduceRows(w, n, m, sparse, dense, rs, ci, ec);

  // ---- 2. shortest augmenting paths for the rows still free --------------------------------------
  if (remainingRows.length > 0) {
    const s: Search = {
      d: new Float64Array(m).fill(Infinity),
      pred: new Int32Array(m).fill(-1),
      predEdge: new Int32Array(m).fill(-1),
      scannedCols: new Int32Array(m),
      scannedRows: new Int32Array(n),
      rowQueue: new Int32Array(n),
      todo: new Int32Array(sparse ? 0 : m),
      touched: new Int32Array(sparse ? m : 0),
      heapItems: new Int32Array(sparse ? m : 0),
      heapPosition: new Int32Array(sparse ? m : 0).fill(-1),
      isScanned: new Uint8Array(sparse ? m : 0),
      counts: new Int32Array(4),
      sink: -1,
      minVal: 0,
    };
    for (let index = 0; index < remainingRows.length; index++) {
      const i = remainingRows[index]!;
      if (w.frozen[i]) continue;
      if (sparse) searchSparse(w, i, rs, ci, ec, s);
      else searchDense(w, m, i, dense, s);
      augment(w, i, sparse, s);
      if (sparse) {
        const { d, isScanned, touched } = s;
        for (let k = 0, end = s.counts[TOUCHED]!; k < end; k++) {
          const j = touched[k]!;
          d[j] = Infinity;
          isScanned[j] = 0;
        }
      }
    }
  }
  return { colOfRow: w.colOfRow, edgeOfRow: w.edgeOfRow, u: w.u, v: w.v };
}
