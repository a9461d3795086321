/**
 * One case's adapters: the session that opens (createAdapter, reopen, openSecondInstance) and cleans up
 * every adapter a case holds, and the error a case body throws when the adapter lacks an optional
 * capability.
 */
import type { StorageAdapter } from '../../storage/adapter.js';
import { check, formatValue } from '../assertions.js';
import type { StorageConformanceOptions } from './types.js';

/** Thrown inside a case body when the adapter lacks an optional capability. */
export class CaseNotApplicable extends Error {
  override readonly name = 'CaseNotApplicable';
}

/** The adapters one case has opened, so they can all be cleaned up. */
export class AdapterSession {
  adapter!: StorageAdapter;
  private readonly liveAdapters: StorageAdapter[] = [];

  constructor(private readonly options: StorageConformanceOptions) {}

  /** How long to wait for an expected watch event: the configured timeout, else `fallback`. */
  watchTimeout(fallback = 2000): number {
    return this.options.watchTimeoutMilliseconds ?? fallback;
  }

  async start(): Promise<void> {
    const adapter = await this.options.createAdapter();
    checkAdapterShape(adapter, 'createAdapter()');
    this.adapter = adapter;
    this.liveAdapters.push(adapter);
  }

  /** Disposes the current adapter through `options.reopen` and continues with the reopened one. */
  async reopen(): Promise<StorageAdapter> {
    const reopen = this.options.reopen;
    if (!reopen) throw new CaseNotApplicable('the adapter has no `reopen` option');
    const previous = this.adapter;
    const index = this.liveAdapters.indexOf(previous);
    if (index >= 0) this.liveAdapters.splice(index, 1);
    const reopened = await reopen(previous);
    checkAdapterShape(reopened, 'reopen()');
    this.adapter = reopened;
    this.liveAdapters.push(reopened);
    return reopened;
  }

  async openSecondInstance(): Promise<StorageAdapter> {
    const open = this.options.openSecondInstance;
    if (!open) throw new CaseNotApplicable('the adapter has no `openSecondInstance` option');
    const second = await open(this.adapter);
    checkAdapterShape(second, 'openSecondInstance()');
    this.liveAdapters.push(second);
    return second;
  }

  /** Cleans up every live adapter (last opened first); returns the first cleanup error, if any. */
  async close(): Promise<unknown> {
    let firstError: unknown;
    for (const adapter of [...this.liveAdapters].reverse()) {
      try {
        if (this.options.cleanup) await this.options.cleanup(adapter);
        else await adapter.dispose?.();
      } catch (error) {
        firstError ??= error;
      }
    }
    this.liveAdapters.length = 0;
    return firstError;
  }
}

/** One case as a rule-group file lists it. */
export interface CaseDefinition {
  name: string;
  /** Options the case cannot run without. */
  requires?: 'reopen' | 'openSecondInstance';
  body(session: AdapterSession): Promise<void>;
}

export function checkAdapterShape(adapter: unknown, source: string): asserts adapter is StorageAdapter {
  check(typeof adapter === 'object' && adapter !== null, `${source} must return an adapter object (got ${formatValue(adapter)}).`);
  const candidate = adapter as Record<string, unknown>;
  for (const method of ['get', 'query', 'put', 'delete'] as const) {
    check(
      typeof candidate[method] === 'function',
      `${source} returned an adapter without a \`${method}\` method; every adapter implements get, query, put and delete.`,
    );
  }
}
