/**
 * Storage conformance cases — Deletion: delete returns true then false, stale deletes conflict,
 * revisions never repeat after a re-create. Part of the suite assembled in `index.ts`; the rules are
 * DESIGN.md's "The storage adapter contract".
 */
import { check, checkEqual, checkRefused, describeError, failConformance, formatValue } from '../assertions.js';
import { dataOf, checkStoredRecord } from './checks.js';
import type { CaseDefinition } from './session.js';

export const deletionCases: CaseDefinition[] = [
  {
    name: 'delete: returns true, then false; the record is gone from get and query',
    async body({ adapter }) {
      await adapter.put('goals', { id: 'g1', owner: 'ana' });
      await adapter.put('goals', { id: 'g2', owner: 'ana' });
      check((await adapter.delete('goals', 'g1')) === true, 'delete of an existing record must resolve to true.');
      check((await adapter.get('goals', 'g1')) === undefined, 'After delete, get must resolve to undefined.');
      checkEqual(
        (await adapter.query('goals')).map((record) => record.id),
        ['g2'],
        'After delete, query must no longer return the record.',
        'ids',
      );
      checkEqual(
        (await adapter.query('goals', { owner: 'ana' })).map((record) => record.id),
        ['g2'],
        'After delete, a filtered query must no longer return the record.',
        'ids',
      );
      check((await adapter.delete('goals', 'g1')) === false, 'Deleting the same record again must resolve to false.');
      check((await adapter.delete('goals', 'never-existed')) === false, 'delete of a record that never existed must resolve to false.');
      check((await adapter.delete('notes', 'g2')) === false, 'delete in another collection must not find the record (and resolve to false).');
      check((await adapter.get('goals', 'g2')) !== undefined, 'delete in another collection must not delete goals/g2.');
    },
  },
  {
    name: 'delete: a stale expectedRevision is a conflict and keeps the record',
    async body({ adapter }) {
      await adapter.put('goals', { id: 'g1', title: 'v1' });
      const current = await adapter.put('goals', { id: 'g1', title: 'v2' });
      await checkRefused(
        () => adapter.delete('goals', 'g1', { expectedRevision: 1 }),
        'conflict',
        'delete with expectedRevision 1 of a record at revision 2 must be refused with "conflict"',
      );
      checkEqual(await adapter.get('goals', 'g1'), current, 'A delete refused for a stale revision must keep the record unchanged.', 'record');
      await checkRefused(
        () => adapter.delete('goals', 'g1', { expectedRevision: 3 }),
        'conflict',
        'delete with expectedRevision 3 of a record at revision 2 must be refused with "conflict"',
      );
      checkEqual(await adapter.get('goals', 'g1'), current, 'A delete refused for a future revision must keep the record unchanged.', 'record');
      await checkRefused(
        () => adapter.delete('goals', 'missing', { expectedRevision: 1 }),
        'conflict',
        'delete with expectedRevision of a record that does not exist must be refused with "conflict"',
      );
      check(
        (await adapter.delete('goals', 'g1', { expectedRevision: 2 })) === true,
        'delete with the matching expectedRevision must delete and resolve to true.',
      );
      check((await adapter.get('goals', 'g1')) === undefined, 'After a delete with the matching expectedRevision the record must be gone.');
    },
  },
  {
    name: 'delete: a deleted id can be created again with expectedRevision null',
    async body({ adapter }) {
      await adapter.put('goals', { id: 'g1', title: 'old' });
      await adapter.put('goals', { id: 'g1', title: 'old, edited' });
      await adapter.delete('goals', 'g1');
      const recreated = await adapter
        .put('goals', { id: 'g1', title: 'new' }, { expectedRevision: null })
        .catch((error: unknown) =>
          failConformance(`After delete, put with expectedRevision null must create the record again; got ${describeError(error)}.`, error),
        );
      check(
        Number.isInteger(recreated.revision) && recreated.revision >= 1,
        `A recreated record must have a positive integer revision, got ${formatValue(recreated.revision)}.`,
      );
      const fetched = await adapter.get('goals', 'g1');
      check(fetched !== undefined, 'get must find the recreated record.');
      checkEqual(dataOf(fetched), { id: 'g1', title: 'new' }, 'The recreated record must hold only the new data.', 'record');
    },
  },
  {
    name: 'revisions never repeat after delete and re-create: a stale writer gets conflict',
    async body({ adapter }) {
      await adapter.put('goals', { id: 'g1', title: 'v1', owner: 'ana' });
      await adapter.put('goals', { id: 'g1', title: 'v2', owner: 'ana' });
      // Clients still hold revision 1 or 2 of this record when someone else deletes and re-creates it.
      check((await adapter.delete('goals', 'g1', { expectedRevision: 2 })) === true, 'delete with the matching expectedRevision 2 must resolve to true.');
      check(
        (await adapter.get('goals', 'g1')) === undefined,
        'After delete, get must resolve to undefined (whatever the adapter remembers about a deleted id is not a record).',
      );
      checkEqual(await adapter.query('goals'), [], 'After delete, query must not return the deleted record (nor anything remembered about it).', 'records');
      checkEqual(await adapter.query('goals', { owner: 'ana' }), [], 'After delete, a filtered query must not return the deleted record.', 'records');
      const recreated = await adapter
        .put('goals', { id: 'g1', title: 'new' }, { expectedRevision: null })
        .catch((error: unknown) =>
          failConformance(`After delete, put with expectedRevision null must create the record again (it does not exist); got ${describeError(error)}.`, error),
        );
      checkStoredRecord(
        recreated,
        { id: 'g1', title: 'new' },
        3,
        'A re-created record must continue from the deleted revision + 1 (deleted at 2, so 3): revisions of an id never repeat, or a client still holding revision 1 or 2 of the old record could overwrite the new one. Keep a tombstone with the last revision of every deleted id',
      );
      for (const stale of [1, 2]) {
        await checkRefused(
          () => adapter.put('goals', { id: 'g1', title: `stale writer holding revision ${stale}` }, { expectedRevision: stale }),
          'conflict',
          `put with expectedRevision ${stale} (a revision of the deleted record) on the re-created record at revision 3 must be refused with "conflict"`,
        );
        await checkRefused(
          () => adapter.delete('goals', 'g1', { expectedRevision: stale }),
          'conflict',
          `delete with expectedRevision ${stale} (a revision of the deleted record) of the re-created record at revision 3 must be refused with "conflict"`,
        );
      }
      checkEqual(await adapter.get('goals', 'g1'), recreated, 'Refused stale writes must leave the re-created record unchanged.', 'record');
      checkStoredRecord(
        await adapter.put('goals', { id: 'g1', title: 'new, edited' }, { expectedRevision: 3 }),
        { id: 'g1', title: 'new, edited' },
        4,
        "put with the re-created record's revision 3 must write revision 4",
      );

      // A second life: refused writes and a repeated delete in between change nothing, an unconditional put continues too.
      check((await adapter.delete('goals', 'g1')) === true, 'delete of the re-created record must resolve to true.');
      await checkRefused(
        () => adapter.put('goals', { id: 'g1', title: 'stale' }, { expectedRevision: 4 }),
        'conflict',
        'put with expectedRevision 4 of a record deleted at revision 4 must be refused with "conflict" (it no longer exists)',
      );
      check((await adapter.get('goals', 'g1')) === undefined, 'A put refused because the record was deleted must not create it.');
      check((await adapter.delete('goals', 'g1')) === false, 'Deleting an already deleted record must resolve to false.');
      checkStoredRecord(
        await adapter.put('goals', { id: 'g1', title: 'third life' }),
        { id: 'g1', title: 'third life' },
        5,
        'An unconditional put after the second delete must continue from the deleted revision + 1 (deleted at 4, so 5)',
      );

      // What is remembered belongs to one id in one collection.
      checkStoredRecord(
        await adapter.put('notes', { id: 'g1' }, { expectedRevision: null }),
        { id: 'g1' },
        1,
        'Deleting goals/g1 must not change the revisions of notes/g1 (a new id there starts at 1)',
      );
      checkStoredRecord(
        await adapter.put('goals', { id: 'g2' }, { expectedRevision: null }),
        { id: 'g2' },
        1,
        'Deleting goals/g1 must not change the revisions of another id (goals/g2 starts at 1)',
      );
    },
  },
];
