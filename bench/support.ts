// Shared helpers for bench/*.bench.ts: medians, timing, and one line per figure beside its reference.
// A bench file calls `budget(...)` for each case; `finish()` sets the exit code when any broke.
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns the median milliseconds and the last result. */
export async function measure<T>(fn: () => T | Promise<T>, { runs = 5, warmup = 1 } = {}): Promise<{ milliseconds: number; samples: number[]; result: T }> {
  let result!: T;
  for (let index = 0; index < warmup; index++) result = await fn();
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    (globalThis as { gc?: () => void }).gc?.();
    const started = performance.now();
    result = await fn();
    samples.push(performance.now() - started);
  }
  return { milliseconds: median(samples), samples, result };
}

export const formatMs = (milliseconds: number) =>
  milliseconds < 1 ? `${(milliseconds * 1000).toFixed(0)} µs` : milliseconds < 1000 ? `${milliseconds.toFixed(1)} ms` : `${(milliseconds / 1000).toFixed(2)} s`;

let broken = 0;

/**
 * Prints one case: our figure, the reference's, the ratio and the budget; counts a broken budget.
 * `limit` is the largest allowed ratio (ours / reference), or use `maxMilliseconds` for an absolute budget.
 * `same` says whether both gave the same answer (an unequal answer breaks the budget too).
 */
export function budget(entry: {
  name: string;
  ours: number;
  reference?: { name: string; milliseconds: number };
  limit?: number;
  maxMilliseconds?: number;
  same?: boolean;
  note?: string;
}): boolean {
  const parts = [`${entry.name}: ours ${formatMs(entry.ours)}`];
  let ok = true;
  if (entry.reference) {
    const ratio = entry.ours / entry.reference.milliseconds;
    parts.push(`${entry.reference.name} ${formatMs(entry.reference.milliseconds)}`, `ratio ${ratio.toFixed(2)}×`);
    if (entry.limit !== undefined) {
      parts.push(`budget ≤ ${entry.limit}×`);
      if (!(ratio <= entry.limit)) ok = false;
    }
  }
  if (entry.maxMilliseconds !== undefined) {
    parts.push(`budget ≤ ${formatMs(entry.maxMilliseconds)}`);
    if (!(entry.ours <= entry.maxMilliseconds)) ok = false;
  }
  if (entry.same !== undefined) {
    parts.push(entry.same ? 'same result' : 'DIFFERENT RESULT');
    if (!entry.same) ok = false;
  }
  if (entry.note) parts.push(entry.note);
  console.log(`${ok ? '  ok  ' : '  OVER'}  ${parts.join(' · ')}`);
  if (!ok) broken++;
  return ok;
}

/** Prints a skipped comparison (e.g. Python/scipy absent) without failing. */
export function skipped(name: string, why: string): void {
  console.log(`  skip  ${name}: ${why}`);
}

/** Call last: exit code 1 when any budget broke. */
export function finish(): void {
  if (broken > 0) {
    console.log(`${broken} budget(s) broken`);
    process.exitCode = 1;
  }
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32): every run of a bench uses the same inputs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
