/**
 * The conformance suite's shapes: the options a test passes in, the context a runner hands to a case,
 * and the cases it gets back.
 */
import type { StorageAdapter } from '../../storage/adapter.js';

/** How the suite obtains, reopens and disposes the adapter under test. */
export interface StorageConformanceOptions {
  /** Returns a fresh, EMPTY adapter (each case gets its own). */
  createAdapter(): StorageAdapter | Promise<StorageAdapter>;
  /** Persistent adapters only: dispose `previous` and open the same store again. Enables the reopen cases. */
  reopen?(previous: StorageAdapter): Promise<StorageAdapter>;
  /** Adapters whose store can be opened twice at once (second tab, second process): a second live instance on the same store. Enables cross-instance watch cases. */
  openSecondInstance?(first: StorageAdapter): Promise<StorageAdapter>;
  /**
   * Clean up after a case (close, delete database). Called once for every adapter the case still
   * holds — second instances first, then the main one (after a reopen: the reopened one; `reopen`
   * disposed the previous one). Without it the suite calls `dispose()` where the adapter has one.
   */
  cleanup?(adapter: StorageAdapter): Promise<void>;
  /** How long to wait for an expected watch event. Default 2000 ms (5000 ms across instances). */
  watchTimeoutMilliseconds?: number;
}

/** What a runner passes to `ConformanceCase.run` so a case can skip itself once it has seen the adapter. */
export interface ConformanceRunContext {
  /**
   * Marks the running case as skipped. Map it to the runner's own mechanism: node:test's `t.skip(reason)`,
   * mocha's `this.skip()`. Called when the adapter lacks an optional capability (watch, blobs).
   */
  skip?(reason: string): void;
}

/** One named, self-contained check of the storage contract. */
export interface ConformanceCase {
  name: string;
  /** reason, when the case does not apply to this adapter */
  skip?: string;
  /**
   * Runs the case against a fresh adapter and cleans up afterwards. Rejects with a
   * `ConformanceFailure` whose message names the rule that was broken. Resolves without checking
   * anything when `skip` is set; when the adapter turns out to lack an optional capability, calls
   * `context.skip(reason)` (if given) and resolves.
   */
  run(context?: ConformanceRunContext): Promise<void>;
}
