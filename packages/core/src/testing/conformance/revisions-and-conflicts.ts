/**
 * Storage conformance cases — Revisions and conflicts: every put increments the revision;
 * expectedRevision creates or conflicts. Part of the suite assembled in `index.ts`; the rules are
 * DESIGN.md's "The storage adapter contract".
 */
import { check, checkEqual, checkRefused, describeError, formatValue } from '../assertions.js';
import { dataOf, checkStoredRecord, collectionIsEmpty } from './checks.js';
import type { CaseDefinition } from './session.js';

export const revisionAndConflictCases: CaseDefinition[] = [
  {
    name: 'revisions: every put increments the revision by exactly 1',
    async body({ adapter }) {
      for (let expected = 1; expected <= 5; expected++) {
        const stored = await adapter.put('goals', { id: 'g1', step: expected });
        checkStoredRecord(stored, { id: 'g1', step: expected }, expected, `put number ${expected} of the same record`);
        checkStoredRecord(await adapter.get('goals', 'g1'), { id: 'g1', step: expected }, expected, `get after put number ${expected}`);
      }
      const withExpected = await adapter.put('goals', { id: 'g1', step: 6 }, { expectedRevision: 5 });
      checkStoredRecord(withExpected, { id: 'g1', step: 6 }, 6, 'put with the matching expectedRevision 5');
    },
  },
  {
    name: 'revisions: concurrent unconditional puts each increment the revision (no lost update)',
    async body({ adapter }) {
      await adapter.put('goals', { id: 'g1', writer: -1 });
      const writers = Array.from({ length: 10 }, (_, writer) => adapter.put('goals', { id: 'g1', writer }));
      const results = await Promise.allSettled(writers);
      const failures = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      check(
        failures.length === 0,
        `Unconditional puts (no expectedRevision) must all succeed; ${failures.length} failed, e.g. ${describeError(failures[0]?.reason)}.`,
      );
      const revisions = results.map((result) => (result.status === 'fulfilled' ? result.value.revision : 0)).sort((left, right) => left - right);
      checkEqual(
        revisions,
        [2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
        'Ten concurrent puts on a record at revision 1 must return revisions 2 to 11, each once: read, increment and write must be one atomic step.',
        'revisions',
      );
      const stored = await adapter.get('goals', 'g1');
      check(stored !== undefined && stored.revision === 11, `After ten concurrent puts the stored revision must be 11, got ${formatValue(stored?.revision)}.`);
      const last = results.find((result) => result.status === 'fulfilled' && result.value.revision === 11);
      check(last?.status === 'fulfilled', 'One of the concurrent puts must have returned revision 11.');
      checkEqual(dataOf(stored), dataOf(last.value), 'The stored record must be the data of the put that returned the highest revision.', 'record');
    },
  },
  {
    name: 'expectedRevision null: creates, then conflicts on an existing record',
    async body({ adapter }) {
      const created = await adapter.put('goals', { id: 'g1', title: 'first' }, { expectedRevision: null });
      checkStoredRecord(created, { id: 'g1', title: 'first' }, 1, 'put with expectedRevision null on a new id must create the record at revision 1');
      await checkRefused(
        () => adapter.put('goals', { id: 'g1', title: 'second' }, { expectedRevision: null }),
        'conflict',
        'put with expectedRevision null ("must not exist yet") on an existing record must be refused with "conflict"',
      );
      checkEqual(await adapter.get('goals', 'g1'), created, 'A refused create must leave the existing record exactly as it was.', 'record');
    },
  },
  {
    name: 'expectedRevision: a stale or future revision is a conflict and changes nothing',
    async body({ adapter }) {
      await adapter.put('goals', { id: 'g1', title: 'v1' });
      const current = await adapter.put('goals', { id: 'g1', title: 'v2' });
      await checkRefused(
        () => adapter.put('goals', { id: 'g1', title: 'stale' }, { expectedRevision: 1 }),
        'conflict',
        'put with expectedRevision 1 on a record at revision 2 must be refused with "conflict"',
      );
      checkEqual(
        await adapter.get('goals', 'g1'),
        current,
        'A put refused for a stale revision must leave the stored record unchanged (data, revision and updatedAt).',
        'record',
      );
      await checkRefused(
        () => adapter.put('goals', { id: 'g1', title: 'future' }, { expectedRevision: 3 }),
        'conflict',
        'put with expectedRevision 3 on a record at revision 2 must be refused with "conflict"',
      );
      checkEqual(await adapter.get('goals', 'g1'), current, 'A put refused for a future revision must leave the stored record unchanged.', 'record');
      checkStoredRecord(
        await adapter.put('goals', { id: 'g1', title: 'v3' }, { expectedRevision: 2 }),
        { id: 'g1', title: 'v3' },
        3,
        'put with the matching expectedRevision 2 must write revision 3',
      );
    },
  },
  {
    name: 'expectedRevision on a missing record is a conflict and creates nothing',
    async body({ adapter }) {
      await checkRefused(
        () => adapter.put('goals', { id: 'ghost', title: 'x' }, { expectedRevision: 1 }),
        'conflict',
        'put with expectedRevision 1 on a record that does not exist must be refused with "conflict" (someone deleted it)',
      );
      check((await adapter.get('goals', 'ghost')) === undefined, 'A put refused because the record does not exist must not create it.');
      await collectionIsEmpty(adapter, 'goals', 'put with expectedRevision on a missing record');
    },
  },
];
