/**
 * Storage conformance cases — Queries: filters, sorting by id, empty results, collections isolated
 * from each other. Part of the suite assembled in `index.ts`; the rules are DESIGN.md's "The storage
 * adapter contract".
 */
import type { RecordInput } from '../../storage/adapter.js';
import { check, checkEqual, describeError, failConformance, formatValue } from '../assertions.js';
import { dataOf, checkStoredRecord } from './checks.js';
import type { CaseDefinition } from './session.js';

export const queryCases: CaseDefinition[] = [
  {
    name: 'query: without a filter returns every record of the collection, sorted by id',
    async body({ adapter }) {
      const ids = ['b', 'B', 'a', '10', '9', '_', 'é', 'a-2', 'a1', 'Z'];
      for (const id of ids) await adapter.put('goals', { id, label: `label ${id}` });
      await adapter.put('notes', { id: 'other-collection' });
      const expectedIds = ['10', '9', 'B', 'Z', '_', 'a', 'a-2', 'a1', 'b', 'é'];
      const listed = await adapter.query('goals');
      checkEqual(
        listed.map((record) => record.id),
        expectedIds,
        'query without a filter must return every record of the collection sorted by id in code-unit order (like `a < b`, not localeCompare).',
        'ids',
      );
      for (const record of listed)
        checkStoredRecord(record, { id: record.id, label: `label ${record.id}` }, 1, `query must return whole stored records (${record.id})`);
      const withEmptyFilter = await adapter.query('goals', {});
      checkEqual(
        withEmptyFilter.map((record) => record.id),
        expectedIds,
        'query with an empty filter {} must return every record, sorted by id.',
        'ids',
      );
      checkEqual(await adapter.query('never-written'), [], 'query of a collection never written must return [].', 'records');
    },
  },
  {
    name: 'query: equality filters on strings, numbers and booleans are strict',
    async body({ adapter }) {
      const records: RecordInput[] = [
        { id: 'r1', owner: 'ana', count: 1, done: true },
        { id: 'r2', owner: 'ben', count: 2, done: false },
        { id: 'r3', owner: 'ana', count: '1', done: 'true' },
        { id: 'r4', owner: 'Ana', count: 0, done: 0 },
        { id: 'r5' },
        { id: 'r6', owner: ['ana'], count: [1], done: [true] },
        { id: 'r7', owner: 'ana ', count: 1.5, done: null },
        { id: 'r8', owner: { name: 'ana' }, count: null, done: 'false' },
      ];
      for (const record of records) await adapter.put('goals', record);
      const expectations: Array<[Record<string, string | number | boolean>, string[], string]> = [
        [{ owner: 'ana' }, ['r1', 'r3'], 'a string filter matches only equal strings (not "Ana", "ana ", ["ana"] or { name: "ana" })'],
        [{ count: 1 }, ['r1'], 'a number filter matches only equal numbers (not "1" or [1])'],
        [{ count: '1' }, ['r3'], 'a string filter "1" does not match the number 1'],
        [{ count: 0 }, ['r4'], 'the number 0 matches only 0 (not false, null or a missing field)'],
        [{ count: 1.5 }, ['r7'], 'a fractional number filter matches'],
        [{ done: true }, ['r1'], 'a boolean filter matches only the boolean (not "true" or [true])'],
        [{ done: false }, ['r2'], 'false matches only false (not 0, null, "false" or a missing field)'],
        [{ id: 'r2' }, ['r2'], 'the id field can be filtered like any other'],
      ];
      for (const [where, expectedIds, rule] of expectations) {
        const listed = await adapter.query('goals', where);
        checkEqual(
          listed.map((record) => record.id),
          expectedIds,
          `query(${formatValue(where)}): ${rule}.`,
          'ids',
        );
      }
    },
  },
  {
    name: 'query: several filter keys must all match',
    async body({ adapter }) {
      await adapter.put('goals', { id: 'g1', owner: 'ana', status: 'open', priority: 1 });
      await adapter.put('goals', { id: 'g2', owner: 'ana', status: 'done', priority: 1 });
      await adapter.put('goals', { id: 'g3', owner: 'ben', status: 'open', priority: 1 });
      await adapter.put('goals', { id: 'g4', owner: 'ana', status: 'open', priority: 2 });
      const cases: Array<[Record<string, string | number | boolean>, string[]]> = [
        [{ owner: 'ana', status: 'open' }, ['g1', 'g4']],
        [{ owner: 'ana', status: 'open', priority: 1 }, ['g1']],
        [{ owner: 'ben', status: 'done' }, []],
        [{ status: 'open', priority: 2 }, ['g4']],
      ];
      for (const [where, expectedIds] of cases) {
        const listed = await adapter.query('goals', where);
        checkEqual(
          listed.map((record) => record.id),
          expectedIds,
          `query(${formatValue(where)}) must return only records matching every key (AND, not OR).`,
          'ids',
        );
      }
    },
  },
  {
    name: 'query: no match gives an empty list',
    async body({ adapter }) {
      await adapter.put('goals', { id: 'g1', owner: 'ana' });
      checkEqual(await adapter.query('goals', { owner: 'nobody' }), [], 'query with a filter that matches nothing must return [].', 'records');
      checkEqual(await adapter.query('goals', { missingField: 'x' }), [], 'query on a field no record has must return [].', 'records');
      checkEqual(await adapter.query('notes', { owner: 'ana' }), [], 'query of an empty collection must return [].', 'records');
    },
  },
  {
    name: 'collections are isolated from each other',
    async body({ adapter }) {
      await adapter.put('goals', { id: 'same', kind: 'goal' });
      await adapter.put('notes', { id: 'same', kind: 'note' });
      checkStoredRecord(await adapter.get('goals', 'same'), { id: 'same', kind: 'goal' }, 1, 'The same id in two collections must be two records (goals/same)');
      checkStoredRecord(await adapter.get('notes', 'same'), { id: 'same', kind: 'note' }, 1, 'The same id in two collections must be two records (notes/same)');
      await adapter.put('notes', { id: 'same', kind: 'note', edited: true });
      checkStoredRecord(await adapter.get('goals', 'same'), { id: 'same', kind: 'goal' }, 1, 'Updating notes/same must not change goals/same');
      checkEqual(
        (await adapter.query('goals')).map(dataOf),
        [{ id: 'same', kind: 'goal' }],
        'query must return records of its own collection only.',
        'records',
      );
      await adapter.put('goals', { id: 'only-goal' });
      await adapter
        .put('notes', { id: 'only-goal' }, { expectedRevision: null })
        .catch((error: unknown) =>
          failConformance(
            `Creating notes/only-goal with expectedRevision null must succeed although goals/only-goal exists (revisions are per collection); got ${describeError(error)}.`,
            error,
          ),
        );
      check((await adapter.delete('goals', 'same')) === true, 'delete of goals/same must return true.');
      checkStoredRecord(await adapter.get('notes', 'same'), { id: 'same', kind: 'note', edited: true }, 2, 'Deleting goals/same must not delete notes/same');
    },
  },
];
