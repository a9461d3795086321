/**
 * Storage conformance cases — Concurrent writers on one instance: of writers racing with the same
 * expectedRevision exactly one wins. Part of the suite assembled in `index.ts`; the rules are
 * DESIGN.md's "The storage adapter contract".
 */
import type { StoredRecord } from '../../storage/adapter.js';
import { check, formatValue } from '../assertions.js';
import { dataOf, checkStoredRecord, checkConflict } from './checks.js';
import type { CaseDefinition } from './session.js';

export const concurrentWriterCases: CaseDefinition[] = [
  {
    name: 'concurrency: of two writers with the same expectedRevision exactly one wins',
    async body({ adapter }) {
      await adapter.put('goals', { id: 'g1', title: 'start' });
      const results = await Promise.allSettled([
        adapter.put('goals', { id: 'g1', title: 'writer A' }, { expectedRevision: 1 }),
        adapter.put('goals', { id: 'g1', title: 'writer B' }, { expectedRevision: 1 }),
      ]);
      const winners = results.filter((result): result is PromiseFulfilledResult<StoredRecord> => result.status === 'fulfilled');
      check(
        winners.length === 1,
        `Two concurrent puts with expectedRevision 1 must give exactly one success and one "conflict"; ${winners.length} succeeded. Compare and write inside one atomic step (one transaction or lock).`,
      );
      const loser = results.find((result) => result.status === 'rejected');
      check(loser !== undefined, 'One of the two concurrent writers must be refused.');
      checkConflict(loser, 'The losing concurrent writer');
      const winner = winners[0]!.value;
      check(winner.revision === 2, `The winning concurrent writer must get revision 2, got ${formatValue(winner.revision)}.`);
      const stored = await adapter.get('goals', 'g1');
      checkStoredRecord(stored, dataOf(winner), 2, 'After two concurrent writers the stored record must be the winner at revision 2 (+1 only)');
    },
  },
  {
    name: 'concurrency: of many creates with expectedRevision null on one id exactly one wins',
    async body({ adapter }) {
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, writer) => adapter.put('goals', { id: 'same', writer }, { expectedRevision: null })),
      );
      const winners = results.filter((result): result is PromiseFulfilledResult<StoredRecord> => result.status === 'fulfilled');
      check(winners.length === 1, `Twelve concurrent creates (expectedRevision null) of one id must give exactly one success; ${winners.length} succeeded.`);
      for (const result of results) if (result.status === 'rejected') checkConflict(result, 'A losing concurrent create');
      checkStoredRecord(
        await adapter.get('goals', 'same'),
        dataOf(winners[0]!.value),
        1,
        'After concurrent creates the stored record must be the winner at revision 1',
      );
    },
  },
];
