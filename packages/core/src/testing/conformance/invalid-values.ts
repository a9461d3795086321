/**
 * Storage conformance cases — Values that cannot be stored: non-JSON values, bad ids, collection
 * names, filters and revisions are refused and nothing is written. Part of the suite assembled in
 * `index.ts`; the rules are DESIGN.md's "The storage adapter contract".
 */
import type { DeleteOptions, PutOptions, RecordInput, StorageAdapter } from '../../storage/adapter.js';
import { check, checkEqual, checkRefused, describeError, failConformance, formatValue } from '../assertions.js';
import { dataOf, checkStoredRecord, collectionIsEmpty } from './checks.js';
import type { CaseDefinition } from './session.js';

export const invalidValueCases: CaseDefinition[] = [
  {
    name: 'invalid input: functions, symbols and bigints are refused and nothing is written',
    async body({ adapter }) {
      const values: Array<[string, unknown]> = [
        ['an arrow function', { id: 'bad', callback: () => 1 }],
        ['a method in a nested object', { id: 'bad', nested: { method() {} } }],
        ['a function in a list', { id: 'bad', list: [function named() {}] }],
        ['a toJSON method (JSON.stringify would call it)', { id: 'bad', value: { toJSON: () => 'sneaky' } }],
        ['a symbol', { id: 'bad', symbol: Symbol('s') }],
        ['a bigint', { id: 'bad', count: BigInt(10) }],
        ['a bigint in a list', { id: 'bad', counts: [1, BigInt(2)] }],
      ];
      await refuseRecords(adapter, values);
    },
  },
  {
    name: 'invalid input: NaN and Infinity are refused and nothing is written',
    async body({ adapter }) {
      await refuseRecords(adapter, [
        ['NaN', { id: 'bad', score: Number.NaN }],
        ['Infinity', { id: 'bad', score: Number.POSITIVE_INFINITY }],
        ['-Infinity', { id: 'bad', score: Number.NEGATIVE_INFINITY }],
        ['NaN in a list', { id: 'bad', scores: [1, Number.NaN] }],
        ['Infinity deep inside', { id: 'bad', a: { b: [{ c: Number.POSITIVE_INFINITY }] } }],
      ]);
    },
  },
  {
    name: 'invalid input: Date, Map, Set, typed arrays, Blob and class instances are refused and nothing is written',
    async body({ adapter }) {
      class Milestone {
        title = 'a class instance';
      }
      const values: Array<[string, unknown]> = [
        ['a Date (store dates as ISO strings)', { id: 'bad', dueDate: new Date('2025-01-01T00:00:00Z') }],
        ['a nested Date', { id: 'bad', meta: { when: new Date() } }],
        ['a Map', { id: 'bad', lookup: new Map([['a', 1]]) }],
        ['a Set', { id: 'bad', tags: new Set(['a']) }],
        ['a Uint8Array', { id: 'bad', bytes: new Uint8Array([1, 2]) }],
        ['an ArrayBuffer', { id: 'bad', buffer: new ArrayBuffer(2) }],
        ['a RegExp', { id: 'bad', pattern: /x/ }],
        ['an Error', { id: 'bad', error: new Error('x') }],
        ['a boxed String', { id: 'bad', text: Object('x') as unknown }],
        ['a class instance', { id: 'bad', milestone: new Milestone() }],
        ['a class instance in a list', { id: 'bad', milestones: [new Milestone()] }],
      ];
      if (typeof Blob === 'function') values.push(['a Blob inside a record (use putBlob)', { id: 'bad', audio: new Blob(['x']) }]);
      await refuseRecords(adapter, values);
    },
  },
  {
    name: 'invalid input: text with half a character (a lone UTF-16 surrogate) is refused and nothing is written; whole emoji and CJK are fine',
    async body({ adapter }) {
      await refuseRecords(adapter, [
        ['a lone high surrogate in a value', { id: 'bad', text: 'note \uD83D' }],
        ['a lone low surrogate in a nested value', { id: 'bad', nested: { list: ['ok', '\uDE00 tail'] } }],
        ['a reversed pair', { id: 'bad', text: '\uDE00\uD83D' }],
        ['a lone surrogate in a field name', { id: 'bad', ['key\uD800']: 1 }],
      ]);
      const stored = await adapter.put('goals', { id: 'whole', text: '😀 目標を達成する 🎉' });
      checkEqual(stored.text, '😀 目標を達成する 🎉', 'Whole characters (emoji, CJK) must round-trip.');
    },
  },
  {
    name: 'invalid input: cycles are refused and nothing is written (a value shared twice is fine)',
    async body({ adapter }) {
      const selfReferencing: Record<string, unknown> = { id: 'bad' };
      selfReferencing.self = selfReferencing;
      const listCycle: unknown[] = [];
      listCycle.push(listCycle);
      const deepCycle: Record<string, unknown> = { id: 'bad', a: { b: {} } };
      ((deepCycle.a as Record<string, unknown>).b as Record<string, unknown>).back = deepCycle.a;
      await refuseRecords(adapter, [
        ['an object that refers to itself', selfReferencing],
        ['a list that contains itself', { id: 'bad', list: listCycle }],
        ['a nested object that refers to its parent', deepCycle],
      ]);
      const shared = { value: 1 };
      const stored = await adapter
        .put('goals', { id: 'shared', first: shared, second: shared, list: [shared, shared] })
        .catch((error: unknown) =>
          failConformance(`A value referenced twice without a cycle is valid JSON and must be stored; got ${describeError(error)}.`, error),
        );
      checkEqual(
        dataOf(stored),
        { id: 'shared', first: { value: 1 }, second: { value: 1 }, list: [{ value: 1 }, { value: 1 }] },
        'A value referenced twice must be stored as two equal copies.',
        'record',
      );
    },
  },
  {
    name: 'invalid input: undefined and holes in lists are refused and nothing is written',
    async body({ adapter }) {
      const holes: unknown[] = new Array(3);
      holes[0] = 1;
      holes[2] = 3;
      await refuseRecords(adapter, [
        ['undefined in a list (JSON would turn it into null)', { id: 'bad', list: [1, undefined] }],
        ['a hole in a list', { id: 'bad', list: holes }],
        ['undefined in a nested list', { id: 'bad', matrix: [[undefined]] }],
      ]);
    },
  },
  {
    name: 'invalid input: records that are not plain objects with a valid id are refused',
    async body({ adapter }) {
      class GoalEntity {
        id = 'bad';
      }
      await refuseRecords(adapter, [
        ['null', null],
        ['undefined', undefined],
        ['a string', 'goal'],
        ['a number', 42],
        ['an array', [{ id: 'bad' }]],
        ['a class instance with an id', new GoalEntity()],
        ['a Map with an id', new Map([['id', 'bad']])],
        ['a record without id', { title: 'no id' }],
        ['an empty id', { id: '' }],
        ['a number id', { id: 42 }],
        ['a null id', { id: null }],
        ['an undefined id', { id: undefined }],
        ['a list as id', { id: ['bad'] }],
        ['an object as id', { id: { value: 'bad' } }],
        ['an id of 201 characters', { id: 'x'.repeat(201) }],
      ]);
      const badIds: unknown[] = ['', 42, null, undefined, {}, 'x'.repeat(201)];
      for (const id of badIds) {
        await checkRefused(
          () => adapter.get('goals', id as string),
          'invalid-input',
          `get with the id ${formatValue(id)} must be refused with "invalid-input"`,
        );
        await checkRefused(
          () => adapter.delete('goals', id as string),
          'invalid-input',
          `delete with the id ${formatValue(id)} must be refused with "invalid-input"`,
        );
      }
    },
  },
  {
    name: 'invalid input: bad collection names are refused and nothing is written',
    async body({ adapter }) {
      const names: unknown[] = [
        '',
        'Goals',
        '1goals',
        '-goals',
        'goals/x',
        'goals x',
        '../goals',
        'goals_x',
        'gõals',
        'goals\n',
        `a${'b'.repeat(64)}`,
        42,
        null,
        undefined,
        ['goals'],
      ];
      for (const name of names) {
        const collection = name as string;
        await checkRefused(
          () => adapter.put(collection, { id: 'g1' }),
          'invalid-input',
          `put into the collection ${formatValue(name)} must be refused with "invalid-input" (names are lowercase letters, digits and dashes, starting with a letter, at most 64 characters)`,
        );
        await checkRefused(
          () => adapter.get(collection, 'g1'),
          'invalid-input',
          `get from the collection ${formatValue(name)} must be refused with "invalid-input"`,
        );
        await checkRefused(
          () => adapter.query(collection),
          'invalid-input',
          `query of the collection ${formatValue(name)} must be refused with "invalid-input"`,
        );
        await checkRefused(
          () => adapter.delete(collection, 'g1'),
          'invalid-input',
          `delete from the collection ${formatValue(name)} must be refused with "invalid-input"`,
        );
      }
      await collectionIsEmpty(adapter, 'goals', 'put into a bad collection name');
    },
  },
  {
    name: 'invalid input: bad query filters are refused',
    async body({ adapter }) {
      await adapter.put('goals', { id: 'g1', owner: 'ana' });
      const filters: Array<[string, unknown]> = [
        ['a null value', { owner: null }],
        ['an undefined value', { owner: undefined }],
        ['NaN', { count: Number.NaN }],
        ['Infinity', { count: Number.POSITIVE_INFINITY }],
        ['a list value', { tags: ['a'] }],
        ['an object value', { owner: { name: 'ana' } }],
        ['a Date value', { when: new Date() }],
        ['a function value', { owner: () => 'ana' }],
        ['a bigint value', { count: BigInt(1) }],
        ['a string filter', 'owner=ana'],
        ['a list filter', ['owner']],
        ['null as filter', null],
      ];
      for (const [label, where] of filters) {
        await checkRefused(
          () => adapter.query('goals', where as Record<string, string>),
          'invalid-input',
          `query with ${label} (${formatValue(where)}) must be refused with "invalid-input"; filters map field names to strings, finite numbers or booleans`,
        );
      }
    },
  },
  {
    name: 'invalid input: bad expectedRevision values are refused and nothing is written',
    async body({ adapter }) {
      const badPutRevisions: unknown[] = [0, -1, 1.5, '1', Number.NaN, Number.POSITIVE_INFINITY, true, {}, []];
      for (const expectedRevision of badPutRevisions) {
        await checkRefused(
          () => adapter.put('goals', { id: 'g1' }, { expectedRevision } as PutOptions),
          'invalid-input',
          `put with expectedRevision ${formatValue(expectedRevision)} must be refused with "invalid-input" (use null or a revision of 1 or more)`,
        );
      }
      for (const options of ['x', 42, null]) {
        await checkRefused(
          () => adapter.put('goals', { id: 'g1' }, options as PutOptions),
          'invalid-input',
          `put with the options ${formatValue(options)} must be refused with "invalid-input"`,
        );
      }
      await collectionIsEmpty(adapter, 'goals', 'put with a bad expectedRevision');
      await adapter.put('goals', { id: 'g1', title: 'kept' });
      const badDeleteRevisions: unknown[] = [null, 0, -1, 1.5, '1', Number.NaN];
      for (const expectedRevision of badDeleteRevisions) {
        await checkRefused(
          () => adapter.delete('goals', 'g1', { expectedRevision } as DeleteOptions),
          'invalid-input',
          `delete with expectedRevision ${formatValue(expectedRevision)} must be refused with "invalid-input" (a revision of 1 or more)`,
        );
      }
      checkStoredRecord(await adapter.get('goals', 'g1'), { id: 'g1', title: 'kept' }, 1, 'A delete refused for a bad expectedRevision must keep the record');
    },
  },
  {
    name: 'invalid input: a refused update leaves the existing record unchanged',
    async body({ adapter }) {
      const original = await adapter.put('goals', { id: 'g1', title: 'kept', tags: ['a'] });
      const cycle: Record<string, unknown> = { id: 'g1', title: 'cyclic' };
      cycle.self = cycle;
      await checkRefused(
        () => adapter.put('goals', { id: 'g1', title: 'changed', dueDate: new Date() }),
        'invalid-input',
        'An update containing a Date must be refused with "invalid-input"',
      );
      await checkRefused(
        () => adapter.put('goals', cycle as RecordInput),
        'invalid-input',
        'An update containing a cycle must be refused with "invalid-input"',
      );
      await checkRefused(
        () => adapter.put('goals', { id: 'g1', title: 'changed' }, { expectedRevision: 0 }),
        'invalid-input',
        'An update with expectedRevision 0 must be refused with "invalid-input"',
      );
      await checkRefused(
        () => adapter.put('goals', { id: 'g1', tags: ['a', undefined] }),
        'invalid-input',
        'An update with undefined in a list must be refused with "invalid-input"',
      );
      checkEqual(
        await adapter.get('goals', 'g1'),
        original,
        'Refused updates must leave the stored record exactly as it was (data, revision and updatedAt).',
        'record',
      );
      checkStoredRecord(
        await adapter.put('goals', { id: 'g1', title: 'valid update' }),
        { id: 'g1', title: 'valid update' },
        2,
        'The next valid update after refused ones must get revision 2 (refused writes must not consume revisions)',
      );
    },
  },
];

async function refuseRecords(adapter: StorageAdapter, values: Array<[string, unknown]>): Promise<void> {
  for (const [label, record] of values) {
    await checkRefused(
      () => adapter.put('goals', record as RecordInput),
      'invalid-input',
      `put of a record with ${label} must be refused with "invalid-input"; records hold JSON values only`,
    );
    await checkRefused(
      () => adapter.put('goals', record as RecordInput, { expectedRevision: null }),
      'invalid-input',
      `put (expectedRevision null) of a record with ${label} must be refused with "invalid-input"`,
    );
  }
  check((await adapter.get('goals', 'bad')) === undefined, 'A refused put must write nothing, but goals/bad exists.');
  await collectionIsEmpty(adapter, 'goals', 'A refused put');
}
