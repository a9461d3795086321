/**
 * Storage conformance cases — Persistence (adapters with `reopen`): records, revisions and deletions
 * survive a reopen. Part of the suite assembled in `index.ts`; the rules are DESIGN.md's "The storage
 * adapter contract".
 */
import { check, checkEqual, checkRefused, describeError, failConformance } from '../assertions.js';
import { checkStoredRecord, HOSTILE_TEXT, nestedSampleRecord } from './checks.js';
import type { CaseDefinition } from './session.js';

export const persistenceCases: CaseDefinition[] = [
  {
    name: 'reopen: records, revisions and deletions survive a reopen',
    requires: 'reopen',
    async body(session) {
      const first = session.adapter;
      await first.put('goals', { id: 'g1', title: 'v1' });
      await first.put('goals', { id: 'g1', title: 'v2' });
      await first.put('goals', { id: 'g1', title: 'v3', tags: ['x'] });
      await first.put('goals', { id: 'g2', title: 'to delete' });
      await first.put('goals', nestedSampleRecord());
      await first.put('notes', { id: 'n1', body: HOSTILE_TEXT });
      await first.delete('goals', 'g2');
      const before = await first.query('goals');
      const notesBefore = await first.query('notes');
      const reopened = await session.reopen();
      checkEqual(
        await reopened.get('goals', 'g1'),
        before.find((record) => record.id === 'g1'),
        'After a reopen, a record must come back with the same data, revision (3) and updatedAt.',
        'record',
      );
      check((await reopened.get('goals', 'g2')) === undefined, 'After a reopen, a deleted record must stay deleted.');
      checkEqual(await reopened.query('goals'), before, 'After a reopen, query must return the same records (data, revisions, updatedAt, order).', 'records');
      checkEqual(await reopened.query('notes'), notesBefore, 'After a reopen, every collection must be intact.', 'records');
      checkEqual(
        await reopened.query('goals', { title: 'v3' }),
        before.filter((record) => record.title === 'v3'),
        'After a reopen, filtered queries must work.',
        'records',
      );
    },
  },
  {
    name: 'reopen: revisions continue and conflicts are detected after a reopen',
    requires: 'reopen',
    async body(session) {
      await session.adapter.put('goals', { id: 'g1', title: 'v1' });
      await session.adapter.put('goals', { id: 'g1', title: 'v2' });
      let adapter = await session.reopen();
      await checkRefused(
        () => adapter.put('goals', { id: 'g1', title: 'stale' }, { expectedRevision: 1 }),
        'conflict',
        'After a reopen, a stale expectedRevision must still be refused with "conflict"',
      );
      await checkRefused(
        () => adapter.put('goals', { id: 'g1', title: 'create' }, { expectedRevision: null }),
        'conflict',
        'After a reopen, creating an existing record must still be refused with "conflict"',
      );
      checkStoredRecord(
        await adapter.put('goals', { id: 'g1', title: 'v3' }, { expectedRevision: 2 }),
        { id: 'g1', title: 'v3' },
        3,
        'After a reopen, the revision must continue from the stored one',
      );
      adapter = await session.reopen();
      checkStoredRecord(await adapter.get('goals', 'g1'), { id: 'g1', title: 'v3' }, 3, 'A write made after a reopen must survive the next reopen');
    },
  },
  {
    name: 'reopen: the revision of a deleted id is remembered, so a re-create after a reopen does not repeat revisions',
    requires: 'reopen',
    async body(session) {
      await session.adapter.put('goals', { id: 'g1', title: 'v1' });
      await session.adapter.put('goals', { id: 'g1', title: 'v2' });
      await session.adapter.put('goals', { id: 'g1', title: 'v3' });
      check((await session.adapter.delete('goals', 'g1')) === true, 'delete of goals/g1 must resolve to true.');
      let adapter = await session.reopen();
      check((await adapter.get('goals', 'g1')) === undefined, 'After a reopen, a deleted record must stay deleted.');
      checkEqual(await adapter.query('goals'), [], 'After a reopen, query must not return the deleted record (nor anything remembered about it).', 'records');
      await checkRefused(
        () => adapter.put('goals', { id: 'g1', title: 'stale' }, { expectedRevision: 3 }),
        'conflict',
        'After a reopen, put with the deleted record\'s revision 3 must be refused with "conflict"',
      );
      const recreated = await adapter
        .put('goals', { id: 'g1', title: 'new' }, { expectedRevision: null })
        .catch((error: unknown) =>
          failConformance(`After a reopen, put with expectedRevision null must create a deleted record again; got ${describeError(error)}.`, error),
        );
      checkStoredRecord(
        recreated,
        { id: 'g1', title: 'new' },
        4,
        'After a reopen, a re-created record must continue from the deleted revision + 1 (deleted at 3, so 4): the tombstone must be persisted with the data',
      );
      adapter = await session.reopen();
      checkEqual(await adapter.get('goals', 'g1'), recreated, 'The re-created record must survive the next reopen with its revision 4.', 'record');
      for (const stale of [1, 2, 3]) {
        await checkRefused(
          () => adapter.put('goals', { id: 'g1', title: 'stale' }, { expectedRevision: stale }),
          'conflict',
          `After a reopen, put with expectedRevision ${stale} (a revision of the deleted record) on the re-created record must be refused with "conflict"`,
        );
      }
    },
  },
];
