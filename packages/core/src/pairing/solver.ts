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
  let totalCapacity = 0;
  for (let j = 0; j < m; j++) totalCapacity += cap[j]!;
  if (options.method !== 'dense' && m > 2 * DENSE_CANDIDATES_PER_ROW && n * m >= 1024 && totalCapacity >= n) {
    const certified = solveByCertifiedCandidates(n, m, cap, dense, largest);
    if (certified) return finish(n, certified.colOfRow, scoreOf);
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

/** The candidate-then-certify fast path of dense mode; `undefined` when it cannot certify. */
function solveByCertifiedCandidates(n: number, m: number, cap: Int32Array, dense: Float64Array, largest: number): EngineResult | undefined {
  const k = Math.min(DENSE_CANDIDATES_PER_ROW, m);
  // Per row: its k cheapest finite edges, via a small buffer sorted by cost (most entries fail the
  // first comparison), then stored sorted by column. `worst[i]` is the cost of the row's k-th
  // candidate: every other edge of the row costs at least that much. A row with fewer than k finite
  // edges has all of them as candidates (`worst` = Infinity: nothing outside can violate).
  const candidates = new Int32Array(n * k);
  const count = new Int32Array(n);
  const worst = new Float64Array(n);
  const bufferCost = new Float64Array(k);
  const bufferCol = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const offset = i * m;
    let size = 0;
    let limit = Infinity;
    for (let j = 0; j < m; j++) {
      const c = dense[offset + j]!;
      if (c >= limit) continue;
      let position = size < k ? size++ : k - 1;
      while (position > 0 && bufferCost[position - 1]! > c) {
        bufferCost[position] = bufferCost[position - 1]!;
        bufferCol[position] = bufferCol[position - 1]!;
        position--;
      }
      bufferCost[position] = c;
      bufferCol[position] = j;
      if (size === k) limit = bufferCost[k - 1]!;
    }
    worst[i] = size === k ? bufferCost[k - 1]! : Infinity;
    count[i] = size;
    // insertion sort by column into the row's block
    const base = i * k;
    for (let a = 0; a < size; a++) {
      const j = bufferCol[a]!;
      let b = a;
      while (b > 0 && candidates[base + b - 1]! > j) {
        candidates[base + b] = candidates[base + b - 1]!;
        b--;
      }
      candidates[base + b] = j;
    }
  }
  const tolerance = 1e-10 * (largest + 1);
  /** Edges found violating the certificate, added in the next round (rare). */
  let extra: Map<number, number[]> | undefined;
  for (let round = 0; round < 4; round++) {
    let edges = 0;
    for (let i = 0; i < n; i++) edges += count[i]! + (extra?.get(i)?.length ?? 0);
    const rowStart = new Int32Array(n + 1);
    const colIndex = new Int32Array(edges);
    const cost = new Float64Array(edges);
    let e = 0;
    for (let i = 0; i < n; i++) {
      const offset = i * m;
      const added = extra?.get(i);
      if (added) {
        const merged = Int32Array.from(new Set([...candidates.subarray(i * k, i * k + count[i]!), ...added])).sort();
        for (let index = 0; index < merged.length; index++) {
          const j = merged[index]!;
          colIndex[e] = j;
          cost[e++] = dense[offset + j]!;
        }
      } else {
        for (let x = i * k, end = x + count[i]!; x < end; x++) {
          const j = candidates[x]!;
          colIndex[e] = j;
          cost[e++] = dense[offset + j]!;
        }
      }
      rowStart[i + 1] = e;
    }
    const result = solveCosts({ n, m, cap, rowStart, colIndex, cost });
    for (let i = 0; i < n; i++) if (result.colOfRow[i]! < 0) return undefined; // some row unmatched: no certificate
    // Certificate: no edge may have a negative reduced cost c - u - v. The solved edges are checked
    // one by one; for all other edges of a row, c >= worst[i] and v <= max(v) give the bound
    // worst[i] - u[i] - max(v), and only a row where that bound is not enough is scanned in full.
    const { u, v } = result;
    let highest = -Infinity;
    for (let j = 0; j < m; j++) if (v[j]! > highest) highest = v[j]!;
    const found = new Map<number, number[]>();
    let violations = 0;
    for (let i = 0; i < n; i++) {
      const ui = u[i]!;
      let ok = true;
      for (let x = rowStart[i]!, end = rowStart[i + 1]!; x < end; x++) if (cost[x]! - ui - v[colIndex[x]!]! < -tolerance) ok = false;
      if (ok && worst[i]! - ui - highest >= -tolerance) continue;
      const offset = i * m;
      for (let j = 0; j < m; j++) {
        if (dense[offset + j]! - ui - v[j]! < -tolerance) {
          violations++;
          if (round < 3) {
            const list = found.get(i);
            if (list) list.push(j);
            else found.set(i, [j]);
          }
        }
      }
    }
    if (violations === 0) return result;
    if (extra) for (const [i, list] of extra) found.set(i, [...list, ...(found.get(i) ?? [])]);
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

/** An indexed binary min-heap over column ids keyed by `key[j]`, ties: columns with room first, then lower id. */
class ColumnHeap {
  readonly items: Int32Array;
  readonly position: Int32Array;
  size = 0;
  constructor(
    m: number,
    private readonly key: Float64Array,
    private readonly full: Uint8Array,
  ) {
    this.items = new Int32Array(m);
    this.position = new Int32Array(m).fill(-1);
  }
  private less(a: number, b: number): boolean {
    const ka = this.key[a]!;
    const kb = this.key[b]!;
    if (ka !== kb) return ka < kb;
    const fa = this.full[a]!;
    const fb = this.full[b]!;
    if (fa !== fb) return fa < fb;
    return a < b;
  }
  /** Inserts `j`, or moves it up after its key decreased. */
  upsert(j: number): void {
    let index = this.position[j]!;
    if (index < 0) {
      index = this.size++;
      this.items[index] = j;
      this.position[j] = index;
    }
    const items = this.items;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const above = items[parent]!;
      if (!this.less(j, above)) break;
      items[index] = above;
      this.position[above] = index;
      index = parent;
    }
    items[index] = j;
    this.position[j] = index;
  }
  pop(): number {
    const items = this.items;
    const top = items[0]!;
    this.position[top] = -1;
    const last = items[--this.size]!;
    if (this.size > 0) {
      let index = 0;
      const size = this.size;
      for (;;) {
        let child = 2 * index + 1;
        if (child >= size) break;
        if (child + 1 < size && this.less(items[child + 1]!, items[child]!)) child++;
        if (!this.less(items[child]!, last)) break;
        items[index] = items[child]!;
        this.position[items[index]!] = index;
        index = child;
      }
      items[index] = last;
      this.position[last] = index;
    }
    return top;
  }
  clear(): void {
    for (let index = 0; index < this.size; index++) this.position[this.items[index]!] = -1;
    this.size = 0;
  }
}

interface EngineResult {
  colOfRow: Int32Array;
  /** Sparse mode: the index of each matched row's edge. */
  edgeOfRow: Int32Array;
  /** Final duals: reduced cost `c - u - v` is >= 0 on every edge of a row that can still move, 0 on assigned edges. */
  u: Float64Array;
  v: Float64Array;
}

/** The shared engine (dense when `problem.dense` is set, otherwise CSR). */
function solveCosts(problem: CostProblem): EngineResult {
  const { n, m, cap, dense, rowStart, colIndex, cost } = problem;
  const u = new Float64Array(n);
  const v = new Float64Array(m);
  const colOfRow = new Int32Array(n).fill(-1);
  const edgeOfRow = new Int32Array(n).fill(-1); // sparse: index of the assigned edge
  // Slots: column j owns slots slotStart[j] .. slotStart[j] + cap[j] - 1; the first load[j] are used.
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = slotStart[j]! + cap[j]!;
  const rowInSlot = new Int32Array(slotStart[m]!);
  const slotOfRow = new Int32Array(n).fill(-1);
  const load = new Int32Array(m);
  /** 1 when the column has no room left (a capacity-0 column is always full). */
  const full = new Uint8Array(m);
  for (let j = 0; j < m; j++) full[j] = cap[j]! === 0 ? 1 : 0;
  /** Rows that stay unmatched for good (no reachable room and no better swap). */
  const frozen = new Uint8Array(n);

  const place = (i: number, j: number, slot: number) => {
    rowInSlot[slot] = i;
    slotOfRow[i] = slot;
    colOfRow[i] = j;
  };
  const newSlot = (j: number) => {
    const slot = slotStart[j]! + load[j]!;
    load[j]!++;
    if (load[j] === cap[j]) full[j] = 1;
    return slot;
  };

  // ---- 1. augmenting row reduction (two passes over the free rows) -------------------------------
  let free = new Int32Array(n);
  let freeCount = 0;
  for (let i = 0; i < n; i++) free[freeCount++] = i;
  const sparse = dense === undefined;
  const rs = rowStart!;
  const ci = colIndex!;
  const ec = cost!;

  for (let pass = 0; pass < 2 && freeCount > 0; pass++) {
    let k = 0;
    const previous = freeCount;
    freeCount = 0;
    let budget = 8 * n + 1000; // guards against long tie chains; leftovers go to the exact phase
    const next = new Int32Array(n);
    let nextCount = 0;
    while (k < previous) {
      const i = free[k++]!;
      if (budget-- <= 0) {
        next[nextCount++] = i;
        continue;
      }
      // best and second-best reduced cost (c - v) over the row
      let u1 = Infinity;
      let u2 = Infinity;
      let j1 = -1;
      let j2 = -1;
      let e1 = -1;
      let e2 = -1;
      if (sparse) {
        for (let e = rs[i]!, end = rs[i + 1]!; e < end; e++) {
          const j = ci[e]!;
          const h = ec[e]! - v[j]!;
          if (h < u2 || (h === u2 && full[j2]! && !full[j])) {
            if (h > u1 || (h === u1 && (!full[j1]! || full[j]!))) {
              u2 = h; j2 = j; e2 = e;
            } else {
              u2 = u1; j2 = j1; e2 = e1;
              u1 = h; j1 = j; e1 = e;
            }
          }
        }
      } else {
        const offset = i * m;
        for (let j = 0; j < m; j++) {
          const h = dense[offset + j]! - v[j]!;
          if (h < u2 || (h === u2 && full[j2]! && !full[j])) {
            if (h > u1 || (h === u1 && (!full[j1]! || full[j]!))) {
              u2 = h; j2 = j;
            } else {
              u2 = u1; j2 = j1;
              u1 = h; j1 = j;
            }
          }
        }
      }
      // among a tie for the best, prefer the column with room
      if (u1 === u2 && j2 >= 0 && full[j1] && !full[j2]) {
        const swapJ = j1; j1 = j2; j2 = swapJ;
        const swapE = e1; e1 = e2; e2 = swapE;
      }
      if (j1 < 0 || u1 === Infinity) {
        frozen[i] = 1; // no allowed edge at all
        continue;
      }
      if (!full[j1]) {
        // room in the best column: take it; its dual stays as it is (columns with room keep v = 0)
        place(i, j1, newSlot(j1));
        if (sparse) edgeOfRow[i] = e1;
        u[i] = u1;
        continue;
      }
      if (cap[j1] !== 1) {
        // a full multi-slot column: lowering its one dual would disturb its other rows; use the tie if any
        if (u1 === u2 && j2 >= 0 && !full[j2]) {
          place(i, j2, newSlot(j2));
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
        colOfRow[previousRow] = -1;
        slotOfRow[previousRow] = -1;
        edgeOfRow[previousRow] = -1;
        place(i, j1, slot);
        if (sparse) edgeOfRow[i] = e1;
        u[i] = u2;
        free[--k] = previousRow; // re-bid at once
      } else {
        // tie: take the second column instead, displacing its row (if single-slot) or using its room
        if (j2 < 0) {
          next[nextCount++] = i;
          continue;
        }
        if (!full[j2]) {
          place(i, j2, newSlot(j2));
          if (sparse) edgeOfRow[i] = e2;
          u[i] = u2;
        } else if (cap[j2] === 1) {
          const slot = slotStart[j2]!;
          const previousRow = rowInSlot[slot]!;
          colOfRow[previousRow] = -1;
          slotOfRow[previousRow] = -1;
          edgeOfRow[previousRow] = -1;
          place(i, j2, slot);
          if (sparse) edgeOfRow[i] = e2;
          u[i] = u2;
          next[nextCount++] = previousRow;
        } else next[nextCount++] = i;
      }
    }
    free = next;
    freeCount = nextCount;
  }

  // ---- 2. shortest augmenting paths for the rows still free --------------------------------------
  const remainingRows = Array.from(free.subarray(0, freeCount)).sort((a, b) => a - b);
  const d = new Float64Array(m).fill(Infinity);
  const pred = new Int32Array(m).fill(-1);
  const predEdge = new Int32Array(m).fill(-1);
  const scannedCols = new Int32Array(m);
  const scannedRows = new Int32Array(n);
  const todo = new Int32Array(m);
  const touched = new Int32Array(m);
  const heap = sparse ? new ColumnHeap(m, d, full) : undefined;
  const isScanned = sparse ? new Uint8Array(m) : undefined;
  const rowQueue = new Int32Array(n);
  let touchedLength = 0;
  const resetSparse = () => {
    for (let k = 0; k < touchedLength; k++) {
      const j = touched[k]!;
      d[j] = Infinity;
      isScanned![j] = 0;
    }
    touchedLength = 0;
  };

  for (const i of remainingRows) {
    if (frozen[i]) continue;
    let scannedColCount = 0;
    let scannedRowCount = 0;
    let sink = -1;
    let minVal = 0;

    if (!sparse) {
      let remaining = m;
      for (let j = 0; j < m; j++) {
        todo[j] = j;
        d[j] = Infinity;
      }
      let row = i;
      let base = 0;
      let queueHead = 0;
      let queueTail = 0;
      for (;;) {
        const offset = row * m;
        const ur = u[row]!;
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
          if (dj < lowest || (dj === lowest && lowFull && !full[j])) {
            lowest = dj;
            lowIndex = k;
            lowFull = full[j]!;
          }
        }
        if (queueHead < queueTail) {
          row = rowQueue[queueHead++]!;
          scannedRows[scannedRowCount++] = row;
          continue;
        }
        if (lowest === Infinity) break; // exhausted
        const j = todo[lowIndex]!;
        todo[lowIndex] = todo[--remaining]!;
        scannedCols[scannedColCount++] = j;
        if (!full[j]) {
          sink = j;
          minVal = lowest;
          break;
        }
        base = lowest;
        queueHead = queueTail = 0;
        for (let s = slotStart[j]!, end = s + load[j]!; s < end; s++) rowQueue[queueTail++] = rowInSlot[s]!;
        row = rowQueue[queueHead++]!;
        scannedRows[scannedRowCount++] = row;
      }
    } else {
      const h0 = heap!;
      let touchedCount = 0;
      let row = i;
      let base = 0;
      let queueHead = 0;
      let queueTail = 0;
      for (;;) {
        const ur = u[row]!;
        for (let e = rs[row]!, end = rs[row + 1]!; e < end; e++) {
          const j = ci[e]!;
          if (isScanned![j]) continue;
          const h = base + ec[e]! - ur - v[j]!;
          const dj = d[j]!;
          if (h < dj) {
            if (dj === Infinity) touched[touchedCount++] = j;
            d[j] = h;
            pred[j] = row;
            predEdge[j] = e;
            h0.upsert(j);
          }
        }
        if (queueHead < queueTail) {
          row = rowQueue[queueHead++]!;
          scannedRows[scannedRowCount++] = row;
          continue;
        }
        if (h0.size === 0) break; // exhausted
        const j = h0.pop();
        isScanned![j] = 1;
        scannedCols[scannedColCount++] = j;
        if (!full[j]) {
          sink = j;
          minVal = d[j]!;
          break;
        }
        base = d[j]!;
        queueHead = queueTail = 0;
        for (let s = slotStart[j]!, end = s + load[j]!; s < end; s++) rowQueue[queueTail++] = rowInSlot[s]!;
        row = rowQueue[queueHead++]!;
        scannedRows[scannedRowCount++] = row;
      }
      h0.clear();
      touchedLength = touchedCount; // cleared after the updates below, which read d
    }

    let evicted = -1;
    if (sink < 0) {
      // No column with room is reachable. Either i stays unmatched, or it takes the place of a reached
      // row r (which becomes unmatched) when that raises the total: change = d(col r) + u_i - u_r < 0.
      let best = 0;
      const ui = u[i]!;
      for (let k = 0; k < scannedRowCount; k++) {
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
        if (sparse) resetSparse();
        continue;
      }
      sink = colOfRow[evicted]!;
      minVal = d[sink]!;
    }

    // dual update on everything reached closer than the sink
    u[i] = u[i]! + minVal;
    for (let k = 0; k < scannedRowCount; k++) {
      const r = scannedRows[k]!;
      const shift = minVal - d[colOfRow[r]!]!;
      if (shift > 0) u[r] = u[r]! + shift;
    }
    for (let k = 0; k < scannedColCount; k++) {
      const j = scannedCols[k]!;
      const shift = minVal - d[j]!;
      if (shift > 0) v[j] = v[j]! - shift;
    }

    // augment along the path ending in `sink`
    let j = sink;
    let slot: number;
    if (evicted >= 0) {
      slot = slotOfRow[evicted]!;
      colOfRow[evicted] = -1;
      slotOfRow[evicted] = -1;
      edgeOfRow[evicted] = -1;
      frozen[evicted] = 1;
    } else slot = newSlot(j);
    for (;;) {
      const r = pred[j]!;
      const previousCol = colOfRow[r]!;
      const previousSlot = slotOfRow[r]!;
      place(r, j, slot);
      if (sparse) edgeOfRow[r] = predEdge[j]!;
      if (r === i) break;
      j = previousCol;
      slot = previousSlot;
    }
    if (sparse) resetSparse();
  }

  return { colOfRow, edgeOfRow, u, v };
}
