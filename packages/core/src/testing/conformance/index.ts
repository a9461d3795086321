/**
 * The storage conformance suite (`@mentorkit/core/testing`): every rule of the `StorageAdapter`
 * contract as a named case, grouped by rule group in the files beside this one and assembled here in
 * one list, in the same order every time.
 */
import { describeError, failConformance } from '../assertions.js';
import { roundTripCases } from './round-trips.js';
import { queryCases } from './queries.js';
import { revisionAndConflictCases } from './revisions-and-conflicts.js';
import { concurrentWriterCases } from './concurrent-writers.js';
import { deletionCases } from './deletion.js';
import { watchCases } from './watch.js';
import { invalidValueCases } from './invalid-values.js';
import { persistenceCases } from './persistence.js';
import { secondInstanceCases } from './second-instance.js';
import { blobCases } from './blobs.js';
import { AdapterSession, CaseNotApplicable, type CaseDefinition } from './session.js';
import type { ConformanceCase, ConformanceRunContext, StorageConformanceOptions } from './types.js';

export type { ConformanceCase, ConformanceRunContext, StorageConformanceOptions } from './types.js';

/** Every case, in the suite's order (rule group by rule group). */
const definitions: CaseDefinition[] = [
  ...roundTripCases,
  ...queryCases,
  ...revisionAndConflictCases,
  ...concurrentWriterCases,
  ...deletionCases,
  ...watchCases,
  ...invalidValueCases,
  ...persistenceCases,
  ...secondInstanceCases,
  ...blobCases,
];

/**
 * The storage conformance suite: every rule of the `StorageAdapter` contract as a named case that
 * any test runner can register. Each case gets a fresh adapter from `createAdapter()`, cleans it up
 * afterwards, and fails with a `ConformanceFailure` naming the rule that was broken. Cases that need
 * `reopen` or `openSecondInstance` are marked `skip` when those options are missing; cases for the
 * optional `watch` and blob methods skip themselves at run time when the adapter lacks them.
 *
 * Documented choices the suite holds every adapter to: records are JSON values, so `-0` comes back as
 * `0` and `undefined` object properties are dropped; `query` sorts by `id` in code-unit order; a
 * delete with `expectedRevision` of a missing record is a `conflict`; watch listeners get copies;
 * revisions of an id never repeat, so a record re-created after a delete continues from the deleted
 * revision + 1.
 *
 * With node:test:
 * ```ts
 * import { test } from 'node:test';
 * import { storageConformanceCases } from '@mentorkit/core/testing';
 *
 * for (const conformanceCase of storageConformanceCases({ createAdapter: () => createMyStorage() })) {
 *   test(conformanceCase.name, { skip: conformanceCase.skip ?? false }, (t) => conformanceCase.run({ skip: (reason) => t.skip(reason) }));
 * }
 * ```
 *
 * With mocha (e.g. @web/test-runner in the browser):
 * ```ts
 * describe('my storage adapter', () => {
 *   for (const conformanceCase of storageConformanceCases({ createAdapter, reopen, openSecondInstance, cleanup })) {
 *     (conformanceCase.skip ? it.skip : it)(conformanceCase.name, function () {
 *       return conformanceCase.run({ skip: () => this.skip() });
 *     });
 *   }
 * });
 * ```
 */
export function storageConformanceCases(options: StorageConformanceOptions): ConformanceCase[] {
  if (typeof options !== 'object' || options === null || typeof options.createAdapter !== 'function') {
    throw new TypeError('storageConformanceCases needs { createAdapter() } returning a fresh, empty adapter.');
  }
  return definitions.map((definition): ConformanceCase => {
    const skip =
      definition.requires === 'reopen' && !options.reopen
        ? 'the adapter is not persistent (no `reopen` option given)'
        : definition.requires === 'openSecondInstance' && !options.openSecondInstance
          ? 'the store cannot be opened twice at once (no `openSecondInstance` option given)'
          : undefined;
    return {
      name: definition.name,
      ...(skip === undefined ? {} : { skip }),
      async run(context?: ConformanceRunContext): Promise<void> {
        if (skip !== undefined) {
          context?.skip?.(skip);
          return;
        }
        const session = new AdapterSession(options);
        let bodyFailed = false;
        let bodyError: unknown;
        let notApplicable: string | undefined;
        try {
          await session.start();
          await definition.body(session);
        } catch (error) {
          if (error instanceof CaseNotApplicable) notApplicable = error.message;
          else {
            bodyFailed = true;
            bodyError = error;
          }
        }
        const cleanupError = await session.close();
        if (bodyFailed) throw bodyError;
        if (cleanupError !== undefined) failConformance(`The case passed but cleaning up the adapter failed: ${describeError(cleanupError)}`, cleanupError);
        if (notApplicable !== undefined) context?.skip?.(notApplicable);
      },
    };
  });
}
