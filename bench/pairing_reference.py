"""Reference solvers for bench/pairing.bench.ts: scipy on exactly the inputs the bench generated.

Usage: python3 bench/pairing_reference.py spec.json  ->  prints one JSON object
  spec: {"kind": "dense"|"sparse", "n", "m", "capacity", "runs", "scores": path (float64),
         "colIndex": path (int32, sparse only; k candidates per row, row-major)}
Only the solve is timed (loading, column expansion and weight conversion are not).

dense:  scipy.optimize.linear_sum_assignment(maximize=True) on the matrix with each mentor's column
        repeated `capacity` times (scipy has no capacities).
sparse: scipy.sparse.csgraph.min_weight_full_bipartite_matching on the candidate graph with mentor
        columns expanded the same way, weights (1 + max) - score > 0. It needs a matching that covers
        every mentee; when none exists we add one private dummy column per mentee with a weight above
        any real total, so unmatched mentees land there (the same lexicographic objective as ours).
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching


def timed(solve, runs):
    samples = []
    result = None
    for _ in range(runs):
        started = time.perf_counter()
        result = solve()
        samples.append((time.perf_counter() - started) * 1000)
    ordered = sorted(samples)
    return ordered[len(ordered) // 2], result, samples


def main():
    spec = json.load(open(sys.argv[1]))
    n, m, cap, runs = spec["n"], spec["m"], spec["capacity"], spec["runs"]
    scores = np.fromfile(spec["scores"], dtype=np.float64)
    if spec["kind"] == "dense":
        matrix = scores.reshape(n, m)
        expanded = np.repeat(matrix, cap, axis=1)
        milliseconds, (rows, cols), samples = timed(lambda: linear_sum_assignment(expanded, maximize=True), runs)
        print(json.dumps({"milliseconds": milliseconds, "samples": samples, "matched": int(len(rows)), "total": float(expanded[rows, cols].sum())}))
        return
    cols = np.fromfile(spec["colIndex"], dtype=np.int32)
    k = len(cols) // n
    rows = np.repeat(np.arange(n), k)
    top = float(scores.max()) + 1.0
    exp_rows = np.repeat(rows, cap)
    exp_cols = (cols.astype(np.int64)[:, None] * cap + np.arange(cap)[None, :]).ravel()
    exp_weights = np.repeat(top - scores, cap)
    graph = csr_matrix((exp_weights, (exp_rows, exp_cols)), shape=(n, m * cap))
    dummy = False
    try:
        milliseconds, (r, c), samples = timed(lambda: min_weight_full_bipartite_matching(graph), runs)
    except ValueError:
        dummy = True
        big = top * (n + 1) * 2
        graph = csr_matrix(
            (np.concatenate([exp_weights, np.full(n, big)]), (np.concatenate([exp_rows, np.arange(n)]), np.concatenate([exp_cols, m * cap + np.arange(n)]))),
            shape=(n, m * cap + n),
        )
        milliseconds, (r, c), samples = timed(lambda: min_weight_full_bipartite_matching(graph), runs)
    real = c < m * cap
    weights = np.asarray(graph[r[real], c[real]]).ravel()
    print(json.dumps({"milliseconds": milliseconds, "samples": samples, "matched": int(real.sum()), "total": float((top - weights).sum()), "dummyColumns": dummy}))


main()
