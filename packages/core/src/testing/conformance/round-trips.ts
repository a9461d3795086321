/**
 * Storage conformance cases — Round-trips: JSON values come back equal from put, get and query;
 * copies; what put ignores. Part of the suite assembled in `index.ts`; the rules are DESIGN.md's "The
 * storage adapter contract".
 */
import type { RecordInput } from '../../storage/adapter.js';
import { check, checkEqual, formatValue } from '../assertions.js';
import { checkIsoInstant, dataOf, checkStoredRecord, nestedSampleRecord, copyJson } from './checks.js';
import type { CaseDefinition } from './session.js';

export const roundTripCases: CaseDefinition[] = [
  {
    name: 'round-trip: nested JSON values come back equal from put, get and query, with revision 1 and an ISO updatedAt',
    async body({ adapter }) {
      const input = nestedSampleRecord();
      const expected = copyJson(input);
      const stored = await adapter.put('goals', input);
      checkStoredRecord(stored, expected, 1, 'put must return the stored record (the input plus revision 1 and updatedAt)');
      const fetched = await adapter.get('goals', 'goal-1');
      checkStoredRecord(fetched, expected, 1, 'get must return the record exactly as written');
      checkEqual(fetched, stored, 'get must return exactly what put returned (same revision and updatedAt).', 'record');
      const listed = await adapter.query('goals');
      check(Array.isArray(listed) && listed.length === 1, `query must return the one stored record, got ${formatValue(listed)}.`);
      checkEqual(listed[0], stored, 'query must return records exactly as get does.', 'record');
    },
  },
  {
    name: 'round-trip: -0 is stored as 0, as in JSON',
    async body({ adapter }) {
      await adapter.put('goals', { id: 'g1', zero: -0, list: [-0, 1], nested: { zero: -0 } });
      const fetched = await adapter.get('goals', 'g1');
      check(fetched !== undefined, 'get must find the record just written.');
      // JSON has no negative zero, so every adapter returns 0; adapters built on nextStoredRecord do this already.
      checkEqual(
        dataOf(fetched),
        { id: 'g1', zero: 0, list: [0, 1], nested: { zero: 0 } },
        'Records are JSON values and JSON has no -0: -0 must come back as 0 (copy the record through JSON, as nextStoredRecord does).',
        'record',
      );
    },
  },
  {
    name: 'round-trip: undefined object properties are dropped, as in JSON',
    async body({ adapter }) {
      const stored = await adapter.put('goals', { id: 'g1', kept: 1, dropped: undefined, nested: { kept: 2, dropped: undefined } });
      const expected = { id: 'g1', kept: 1, nested: { kept: 2 } };
      checkEqual(dataOf(stored), expected, 'put must drop properties whose value is undefined (as JSON does) rather than store them.', 'record');
      const fetched = await adapter.get('goals', 'g1');
      check(fetched !== undefined, 'get must find the record just written.');
      checkEqual(dataOf(fetched), expected, 'get must not return properties that were undefined when written.', 'record');
    },
  },
  {
    name: 'round-trip: a field named __proto__ is kept as plain data and pollutes nothing',
    async body({ adapter }) {
      const input = JSON.parse('{"id":"g1","__proto__":{"polluted":"yes"},"nested":{"__proto__":{"polluted":"yes"}}}') as RecordInput;
      await adapter.put('goals', input);
      const fetched = await adapter.get('goals', 'g1');
      check(fetched !== undefined, 'get must find the record just written.');
      check(
        Object.prototype.hasOwnProperty.call(fetched, '__proto__'),
        'A field named "__proto__" must come back as an own data field (build records with JSON.parse or spread, never by assigning keys one by one).',
      );
      checkEqual(
        dataOf(fetched),
        JSON.parse('{"id":"g1","__proto__":{"polluted":"yes"},"nested":{"__proto__":{"polluted":"yes"}}}') as unknown,
        'The record with "__proto__" fields must round-trip unchanged.',
        'record',
      );
      check(
        Object.getPrototypeOf(fetched) === Object.prototype || Object.getPrototypeOf(fetched) === null,
        'A returned record must be a plain object; a "__proto__" field must not change its prototype.',
      );
      check(!('polluted' in {}), 'Storing a "__proto__" field polluted Object.prototype.');
    },
  },
  {
    name: 'round-trip: unusual ids and the longest collection names work',
    async body({ adapter }) {
      const ids = [
        'a',
        'A',
        '0',
        'goal/2025/1',
        'with space',
        'ünïcødé-😀',
        '..',
        '.',
        '__proto__',
        'constructor',
        '<script>alert(1)</script>',
        `quote'"\``,
        'x'.repeat(200),
      ];
      const collections = ['a', 'coaching-runs', `a${'b0-'.repeat(21)}`];
      check(collections[2]?.length === 64, 'internal: the longest collection name has 64 characters');
      for (const collection of collections) {
        for (const [index, id] of ids.entries()) await adapter.put(collection, { id, index });
      }
      for (const collection of collections) {
        for (const [index, id] of ids.entries()) {
          const fetched = await adapter.get(collection, id);
          check(fetched !== undefined, `get(${JSON.stringify(collection)}, ${JSON.stringify(id)}) must find the record just written.`);
          checkEqual(dataOf(fetched), { id, index }, `The record ${collection}/${id} must come back unchanged.`, 'record');
        }
        const listed = await adapter.query(collection);
        checkEqual(
          listed.map((record) => record.id),
          [...ids].sort((left, right) => (left < right ? -1 : left > right ? 1 : 0)),
          `query(${JSON.stringify(collection)}) must return every record, sorted by id in code-unit order.`,
          'ids',
        );
      }
    },
  },
  {
    name: 'get: a missing record is undefined',
    async body({ adapter }) {
      check(
        (await adapter.get('goals', 'missing')) === undefined,
        'get of a record in a collection never written must resolve to undefined (not null, not an error).',
      );
      await adapter.put('goals', { id: 'present' });
      check((await adapter.get('goals', 'missing')) === undefined, 'get of a missing id must resolve to undefined.');
      check((await adapter.get('notes', 'present')) === undefined, 'get must not find a record of another collection with the same id.');
    },
  },
  {
    name: 'copies: mutating a returned record or the input after put never changes storage',
    async body(session) {
      const { adapter } = session;
      const input = { id: 'g1', title: 'original', tags: ['a'], nested: { count: 1 } };
      const stored = await adapter.put('goals', input);
      const original = { id: 'g1', title: 'original', tags: ['a'], nested: { count: 1 } };
      input.title = 'changed input';
      input.tags.push('changed input');
      input.nested.count = 99;
      checkStoredRecord(
        await adapter.get('goals', 'g1'),
        original,
        1,
        'Changing the input object after put must not change the stored record (copy it on the way in)',
      );
      stored.title = 'changed result';
      (stored.tags as string[]).push('changed result');
      (stored.nested as { count: number }).count = 7;
      stored.revision = 50;
      checkStoredRecord(await adapter.get('goals', 'g1'), original, 1, 'Changing the record returned by put must not change storage (return a copy)');
      const fetched = await adapter.get('goals', 'g1');
      check(fetched !== undefined, 'get must find the record just written.');
      fetched.title = 'changed get';
      (fetched.tags as string[]).push('changed get');
      (fetched.nested as { count: number }).count = 8;
      checkStoredRecord(await adapter.get('goals', 'g1'), original, 1, 'Changing the record returned by get must not change storage (return a copy)');
      const listed = await adapter.query('goals');
      const first = listed[0];
      check(first !== undefined, 'query must return the record just written.');
      first.title = 'changed query';
      (first.nested as { count: number }).count = 9;
      listed.push({ id: 'intruder', revision: 1, updatedAt: new Date().toISOString() });
      checkStoredRecord(await adapter.get('goals', 'g1'), original, 1, 'Changing a record returned by query must not change storage (return copies)');
      const relisted = await adapter.query('goals');
      checkEqual(relisted.map(dataOf), [original], 'Changing the list returned by query must not change what the next query returns.', 'records');
    },
  },
  {
    name: 'put: revision and updatedAt in the input are ignored',
    async body({ adapter }) {
      const first = await adapter.put('goals', { id: 'g1', title: 'a', revision: 99, updatedAt: '1999-01-01T00:00:00.000Z' });
      check(first.revision === 1, `A new record must get revision 1 whatever the input says (input had revision 99, got ${formatValue(first.revision)}).`);
      check(first.updatedAt !== '1999-01-01T00:00:00.000Z', 'put must set updatedAt itself, not keep the one from the input.');
      checkIsoInstant(first.updatedAt, 'put must set updatedAt');
      const second = await adapter.put('goals', { id: 'g1', title: 'b', revision: -5, updatedAt: 'not a date' });
      check(
        second.revision === 2,
        `The second put must store revision 2 whatever the input says (input had revision -5, got ${formatValue(second.revision)}).`,
      );
      checkIsoInstant(second.updatedAt, 'put must set updatedAt');
      checkStoredRecord(await adapter.get('goals', 'g1'), { id: 'g1', title: 'b' }, 2, 'get after put with a bogus revision/updatedAt in the input');
    },
  },
];
