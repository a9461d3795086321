/**
 * The pairing solver: an exact, lexicographic assignment with mentor capacities.
 *
 * Objective, in this order: (1) as many rows (mentees) matched as the capacities and allowed edges
 * permit, (2) among those, the largest total score. Both exactly: no "big constant" is added to the
 * scores, so float scores of any magnitude are never rounded into each other.
 *
 * Method — shortest augmenting paths (R. Jonker, A. Volgenant, "A shortest augmenting path algorithm
 * for dense and sparse linear assignment problems", Computing 38, 1987) on typed arrays:
 *
 * 1. Costs are `-score`; row duals and column duals; reduced cost `cost - rowDual - columnDual >= 0` on
 *    every edge, `= 0` on every assigned edge; columns with room left keep a dual of 0 (the
 *    rectangular optimality condition).
 * 2. Augmenting row reduction (JV's auction-like start, `row-reduction.ts`) assigns most rows cheaply.
 *    A column of capacity `c` is ONE column with `c` slots sharing one dual (`assignment-state.ts`).
 * 3. Each remaining row runs a Dijkstra on reduced costs to the nearest column with room
 *    (`dense-search.ts`, `sparse-search.ts`), then duals and the path are updated (`augment.ts`).
 * 4. When no column with room is reachable, the row either stays unmatched or — if that raises the
 *    total — takes the place of a reachable row, which then becomes unmatched (`augment.ts`): the
 *    lexicographic optimum, max cardinality first, then max total.
 *
 * Files: `problem.ts` (shapes), `dense.ts` and `sparse.ts` (the two modes' entry points),
 * `candidates.ts` and `certify.ts` (dense mode's candidate-then-certify fast path), `engine.ts` (the
 * shared engine), and the pieces above. Dense mode keeps a `rows × cols` Float64Array; sparse mode
 * keeps only the candidate edges, so memory is O(candidates).
 */
export type { AssignmentCapacity, AssignmentSolution, DenseAssignmentInput, SparseAssignmentInput } from './problem.js';
export { capacities } from './problem.js';
export { DENSE_CANDIDATES_PER_ROW, selectScoreRows, usesCandidates, type DenseCandidates } from './candidates.js';
export { solveCertified } from './certify.js';
export { solveDenseAssignment, solveDenseCosts } from './dense.js';
export { solveSparseAssignment, solveSparseCosts } from './sparse.js';
