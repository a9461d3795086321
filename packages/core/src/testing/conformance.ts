import type { DeleteOptions, PutOptions, RecordInput, StorageAdapter, StorageChange, StoredRecord } from '../storage/adapter.js';
import { isMentorKitError } from '../model/errors.js';
import { check, checkEqual, checkRefused, describeError, failConformance, formatValue, pause, waitUntil } from './assertions.js';

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

/** Thrown inside a case body when the adapter lacks an optional capability. */
class CaseNotApplicable extends Error {
  override readonly name = 'CaseNotApplicable';
}

/** The adapters one case has opened, so they can all be cleaned up. */
class AdapterSession {
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

interface CaseDefinition {
  name: string;
  /** Options the case cannot run without. */
  requires?: 'reopen' | 'openSecondInstance';
  body(session: AdapterSession): Promise<void>;
}

function checkAdapterShape(adapter: unknown, source: string): asserts adapter is StorageAdapter {
  check(typeof adapter === 'object' && adapter !== null, `${source} must return an adapter object (got ${formatValue(adapter)}).`);
  const candidate = adapter as Record<string, unknown>;
  for (const method of ['get', 'query', 'put', 'delete'] as const) {
    check(typeof candidate[method] === 'function', `${source} returned an adapter without a \`${method}\` method; every adapter implements get, query, put and delete.`);
  }
}

const hasWatch = (adapter: StorageAdapter): adapter is StorageAdapter & Required<Pick<StorageAdapter, 'watch'>> => typeof adapter.watch === 'function';

function requireWatch(adapter: StorageAdapter): asserts adapter is StorageAdapter & Required<Pick<StorageAdapter, 'watch'>> {
  if (!hasWatch(adapter)) throw new CaseNotApplicable('the adapter has no watch() (optional)');
}

type BlobAdapter = StorageAdapter & Required<Pick<StorageAdapter, 'putBlob' | 'getBlob' | 'deleteBlob'>>;

function requireBlobs(adapter: StorageAdapter): asserts adapter is BlobAdapter {
  const present = (['putBlob', 'getBlob', 'deleteBlob'] as const).filter((method) => typeof adapter[method] === 'function');
  if (present.length === 0) throw new CaseNotApplicable('the adapter has no blob support (putBlob/getBlob/deleteBlob are optional)');
  check(present.length === 3, `Blob support is all or nothing: the adapter has ${present.join(', ')} but not ${(['putBlob', 'getBlob', 'deleteBlob'] as const).filter((method) => !present.includes(method)).join(', ')}.`);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function checkIsoInstant(value: unknown, rule: string): void {
  check(typeof value === 'string' && ISO_INSTANT.test(value) && Number.isFinite(Date.parse(value)), `${rule}: \`updatedAt\` must be an ISO 8601 instant such as 2025-03-01T09:30:00.000Z (got ${formatValue(value)}).`);
}

/** The record without `revision` and `updatedAt`. */
function dataOf(record: StoredRecord): Record<string, unknown> {
  const { revision: _revision, updatedAt: _updatedAt, ...data } = record;
  return data;
}

/**
 * Checks that `actual` is a stored record holding exactly `expectedData` (plus `revision` and
 * `updatedAt`) at `expectedRevision`.
 */
function checkStoredRecord(actual: StoredRecord | undefined, expectedData: Record<string, unknown>, expectedRevision: number, rule: string): asserts actual is StoredRecord {
  check(typeof actual === 'object' && actual !== null, `${rule}: expected a stored record, got ${formatValue(actual)}.`);
  check(actual.revision === expectedRevision, `${rule}: expected revision ${expectedRevision}, got ${formatValue(actual.revision)}.`);
  checkIsoInstant(actual.updatedAt, rule);
  checkEqual(dataOf(actual), expectedData, `${rule}: the stored data differs from what was written.`, 'record');
}

/** Checks that a settled write was refused with `conflict`. */
function checkConflict(result: PromiseSettledResult<unknown>, rule: string): void {
  if (result.status === 'fulfilled') failConformance(`${rule}: the write succeeded (returned ${formatValue(result.value)}) but should have been refused with "conflict".`);
  check(isMentorKitError(result.reason, 'conflict'), `${rule}: expected a MentorKitError with code "conflict", got ${describeError(result.reason)}.`);
}

const collectionIsEmpty = async (adapter: StorageAdapter, collection: string, rule: string): Promise<void> => {
  const records = await adapter.query(collection);
  check(Array.isArray(records) && records.length === 0, `${rule}: nothing may be written, but ${collection} now holds ${formatValue(records)}.`);
};

const HOSTILE_TEXT = `<img src=x onerror="alert('mk')"><script>alert(1)</script></textarea>"'\`\\ \${injection} {{template}} <!-- --> &amp; &lt;`;

/** A record exercising every kind of JSON value. */
function nestedSampleRecord(): RecordInput {
  let deep: Record<string, unknown> = { bottom: true };
  for (let level = 0; level < 64; level++) deep = { level, child: deep };
  return {
    id: 'goal-1',
    title: 'Lead the onboarding pilot',
    unicode: 'Grüße · 你好 · مرحبا · नमस्ते · e\u0301 · \u202Ereversed\u202C · Ωmega',
    emoji: '🎯 👩🏽‍💻 🏳️‍🌈 🧑‍🤝‍🧑 ✔︎',
    hostile: HOSTILE_TEXT,
    controlCharacters: 'line 1\nline 2\r\n\ttab \u0000 nul \u2028 \u2029 \u0007',
    empty: '',
    longText: 'mentoring '.repeat(5000),
    numbers: { zero: 0, one: 1, negative: -42, fraction: 0.1 + 0.2, large: 1e308, tiny: 5e-324, maxSafe: Number.MAX_SAFE_INTEGER, minSafe: Number.MIN_SAFE_INTEGER, exponent: -1.5e-7 },
    booleans: [true, false],
    nothing: null,
    emptyObject: {},
    emptyArray: [],
    matrix: [
      [1, 2],
      [3, [4, [5, []]]],
    ],
    mixedList: ['a', 1, true, null, { inside: [{}] }, [[]]],
    milestones: [
      { id: 'm1', title: 'Draft plan', done: true, dueDate: '2025-04-01' },
      { id: 'm2', title: 'Review with mentor', done: false, dueDate: null },
    ],
    deep,
    'key with spaces': 1,
    'dotted.key': 2,
    '': 'empty key',
    'ключ 🔑': 'unicode key',
    // Field names an adapter might use internally (envelope fields, prototype names).
    collection: 'not-the-collection',
    key: 'not-the-key',
    record: { id: 'not-the-id', revision: 42 },
    constructor: 'a field named constructor',
    hasOwnProperty: 'a field named hasOwnProperty',
  };
}

const copyJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const definitions: CaseDefinition[] = [
  // ─── round-trips ────────────────────────────────────────────────────────────────────────────
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
      checkEqual(dataOf(fetched), { id: 'g1', zero: 0, list: [0, 1], nested: { zero: 0 } }, 'Records are JSON values and JSON has no -0: -0 must come back as 0 (copy the record through JSON, as nextStoredRecord does).', 'record');
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
      check(Object.prototype.hasOwnProperty.call(fetched, '__proto__'), 'A field named "__proto__" must come back as an own data field (build records with JSON.parse or spread, never by assigning keys one by one).');
      checkEqual(dataOf(fetched), JSON.parse('{"id":"g1","__proto__":{"polluted":"yes"},"nested":{"__proto__":{"polluted":"yes"}}}') as unknown, 'The record with "__proto__" fields must round-trip unchanged.', 'record');
      check(Object.getPrototypeOf(fetched) === Object.prototype || Object.getPrototypeOf(fetched) === null, 'A returned record must be a plain object; a "__proto__" field must not change its prototype.');
      check(!('polluted' in {}), 'Storing a "__proto__" field polluted Object.prototype.');
    },
  },
  {
    name: 'round-trip: unusual ids and the longest collection names work',
    async body({ adapter }) {
      const ids = ['a', 'A', '0', 'goal/2025/1', 'with space', 'ünïcødé-😀', '..', '.', '__proto__', 'constructor', '<script>alert(1)</script>', `quote'"\``, 'x'.repeat(200)];
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
      check((await adapter.get('goals', 'missing')) === undefined, 'get of a record in a collection never written must resolve to undefined (not null, not an error).');
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
      checkStoredRecord(await adapter.get('goals', 'g1'), original, 1, 'Changing the input object after put must not change the stored record (copy it on the way in)');
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
      check(second.revision === 2, `The second put must store revision 2 whatever the input says (input had revision -5, got ${formatValue(second.revision)}).`);
      checkIsoInstant(second.updatedAt, 'put must set updatedAt');
      checkStoredRecord(await adapter.get('goals', 'g1'), { id: 'g1', title: 'b' }, 2, 'get after put with a bogus revision/updatedAt in the input');
    },
  },

  // ─── queries ────────────────────────────────────────────────────────────────────────────────
  {
    name: 'query: without a filter returns every record of the collection, sorted by id',
    async body({ adapter }) {
      const ids = ['b', 'B', 'a', '10', '9', '_', 'é', 'a-2', 'a1', 'Z'];
      for (const id of ids) await adapter.put('goals', { id, label: `label ${id}` });
      await adapter.put('notes', { id: 'other-collection' });
      const expectedIds = ['10', '9', 'B', 'Z', '_', 'a', 'a-2', 'a1', 'b', 'é'];
      const listed = await adapter.query('goals');
      checkEqual(listed.map((record) => record.id), expectedIds, 'query without a filter must return every record of the collection sorted by id in code-unit order (like `a < b`, not localeCompare).', 'ids');
      for (const record of listed) checkStoredRecord(record, { id: record.id, label: `label ${record.id}` }, 1, `query must return whole stored records (${record.id})`);
      const withEmptyFilter = await adapter.query('goals', {});
      checkEqual(withEmptyFilter.map((record) => record.id), expectedIds, 'query with an empty filter {} must return every record, sorted by id.', 'ids');
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
        checkEqual(listed.map((record) => record.id), expectedIds, `query(${formatValue(where)}): ${rule}.`, 'ids');
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
        checkEqual(listed.map((record) => record.id), expectedIds, `query(${formatValue(where)}) must return only records matching every key (AND, not OR).`, 'ids');
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
      checkEqual((await adapter.query('goals')).map(dataOf), [{ id: 'same', kind: 'goal' }], 'query must return records of its own collection only.', 'records');
      await adapter.put('goals', { id: 'only-goal' });
      await adapter.put('notes', { id: 'only-goal' }, { expectedRevision: null }).catch((error: unknown) => failConformance(`Creating notes/only-goal with expectedRevision null must succeed although goals/only-goal exists (revisions are per collection); got ${describeError(error)}.`, error));
      check((await adapter.delete('goals', 'same')) === true, 'delete of goals/same must return true.');
      checkStoredRecord(await adapter.get('notes', 'same'), { id: 'same', kind: 'note', edited: true }, 2, 'Deleting goals/same must not delete notes/same');
    },
  },

  // ─── revisions and conflicts ────────────────────────────────────────────────────────────────
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
      check(failures.length === 0, `Unconditional puts (no expectedRevision) must all succeed; ${failures.length} failed, e.g. ${describeError(failures[0]?.reason)}.`);
      const revisions = results.map((result) => (result.status === 'fulfilled' ? result.value.revision : 0)).sort((left, right) => left - right);
      checkEqual(revisions, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 'Ten concurrent puts on a record at revision 1 must return revisions 2 to 11, each once: read, increment and write must be one atomic step.', 'revisions');
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
      await checkRefused(() => adapter.put('goals', { id: 'g1', title: 'second' }, { expectedRevision: null }), 'conflict', 'put with expectedRevision null ("must not exist yet") on an existing record must be refused with "conflict"');
      checkEqual(await adapter.get('goals', 'g1'), created, 'A refused create must leave the existing record exactly as it was.', 'record');
    },
  },
  {
    name: 'expectedRevision: a stale or future revision is a conflict and changes nothing',
    async body({ adapter }) {
      await adapter.put('goals', { id: 'g1', title: 'v1' });
      const current = await adapter.put('goals', { id: 'g1', title: 'v2' });
      await checkRefused(() => adapter.put('goals', { id: 'g1', title: 'stale' }, { expectedRevision: 1 }), 'conflict', 'put with expectedRevision 1 on a record at revision 2 must be refused with "conflict"');
      checkEqual(await adapter.get('goals', 'g1'), current, 'A put refused for a stale revision must leave the stored record unchanged (data, revision and updatedAt).', 'record');
      await checkRefused(() => adapter.put('goals', { id: 'g1', title: 'future' }, { expectedRevision: 3 }), 'conflict', 'put with expectedRevision 3 on a record at revision 2 must be refused with "conflict"');
      checkEqual(await adapter.get('goals', 'g1'), current, 'A put refused for a future revision must leave the stored record unchanged.', 'record');
      checkStoredRecord(await adapter.put('goals', { id: 'g1', title: 'v3' }, { expectedRevision: 2 }), { id: 'g1', title: 'v3' }, 3, 'put with the matching expectedRevision 2 must write revision 3');
    },
  },
  {
    name: 'expectedRevision on a missing record is a conflict and creates nothing',
    async body({ adapter }) {
      await checkRefused(() => adapter.put('goals', { id: 'ghost', title: 'x' }, { expectedRevision: 1 }), 'conflict', 'put with expectedRevision 1 on a record that does not exist must be refused with "conflict" (someone deleted it)');
      check((await adapter.get('goals', 'ghost')) === undefined, 'A put refused because the record does not exist must not create it.');
      await collectionIsEmpty(adapter, 'goals', 'put with expectedRevision on a missing record');
    },
  },
  {
    name: 'concurrency: of two writers with the same expectedRevision exactly one wins',
    async body({ adapter }) {
      await adapter.put('goals', { id: 'g1', title: 'start' });
      const results = await Promise.allSettled([
        adapter.put('goals', { id: 'g1', title: 'writer A' }, { expectedRevision: 1 }),
        adapter.put('goals', { id: 'g1', title: 'writer B' }, { expectedRevision: 1 }),
      ]);
      const winners = results.filter((result): result is PromiseFulfilledResult<StoredRecord> => result.status === 'fulfilled');
      check(winners.length === 1, `Two concurrent puts with expectedRevision 1 must give exactly one success and one "conflict"; ${winners.length} succeeded. Compare and write inside one atomic step (one transaction or lock).`);
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
      const results = await Promise.allSettled(Array.from({ length: 12 }, (_, writer) => adapter.put('goals', { id: 'same', writer }, { expectedRevision: null })));
      const winners = results.filter((result): result is PromiseFulfilledResult<StoredRecord> => result.status === 'fulfilled');
      check(winners.length === 1, `Twelve concurrent creates (expectedRevision null) of one id must give exactly one success; ${winners.length} succeeded.`);
      for (const result of results) if (result.status === 'rejected') checkConflict(result, 'A losing concurrent create');
      checkStoredRecord(await adapter.get('goals', 'same'), dataOf(winners[0]!.value), 1, 'After concurrent creates the stored record must be the winner at revision 1');
    },
  },

  // ─── deletion ───────────────────────────────────────────────────────────────────────────────
  {
    name: 'delete: returns true, then false; the record is gone from get and query',
    async body({ adapter }) {
      await adapter.put('goals', { id: 'g1', owner: 'ana' });
      await adapter.put('goals', { id: 'g2', owner: 'ana' });
      check((await adapter.delete('goals', 'g1')) === true, 'delete of an existing record must resolve to true.');
      check((await adapter.get('goals', 'g1')) === undefined, 'After delete, get must resolve to undefined.');
      checkEqual((await adapter.query('goals')).map((record) => record.id), ['g2'], 'After delete, query must no longer return the record.', 'ids');
      checkEqual((await adapter.query('goals', { owner: 'ana' })).map((record) => record.id), ['g2'], 'After delete, a filtered query must no longer return the record.', 'ids');
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
      await checkRefused(() => adapter.delete('goals', 'g1', { expectedRevision: 1 }), 'conflict', 'delete with expectedRevision 1 of a record at revision 2 must be refused with "conflict"');
      checkEqual(await adapter.get('goals', 'g1'), current, 'A delete refused for a stale revision must keep the record unchanged.', 'record');
      await checkRefused(() => adapter.delete('goals', 'g1', { expectedRevision: 3 }), 'conflict', 'delete with expectedRevision 3 of a record at revision 2 must be refused with "conflict"');
      checkEqual(await adapter.get('goals', 'g1'), current, 'A delete refused for a future revision must keep the record unchanged.', 'record');
      await checkRefused(() => adapter.delete('goals', 'missing', { expectedRevision: 1 }), 'conflict', 'delete with expectedRevision of a record that does not exist must be refused with "conflict"');
      check((await adapter.delete('goals', 'g1', { expectedRevision: 2 })) === true, 'delete with the matching expectedRevision must delete and resolve to true.');
      check((await adapter.get('goals', 'g1')) === undefined, 'After a delete with the matching expectedRevision the record must be gone.');
    },
  },
  {
    name: 'delete: a deleted id can be created again with expectedRevision null',
    async body({ adapter }) {
      await adapter.put('goals', { id: 'g1', title: 'old' });
      await adapter.put('goals', { id: 'g1', title: 'old, edited' });
      await adapter.delete('goals', 'g1');
      const recreated = await adapter.put('goals', { id: 'g1', title: 'new' }, { expectedRevision: null }).catch((error: unknown) => failConformance(`After delete, put with expectedRevision null must create the record again; got ${describeError(error)}.`, error));
      check(Number.isInteger(recreated.revision) && recreated.revision >= 1, `A recreated record must have a positive integer revision, got ${formatValue(recreated.revision)}.`);
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
      check((await adapter.get('goals', 'g1')) === undefined, 'After delete, get must resolve to undefined (whatever the adapter remembers about a deleted id is not a record).');
      checkEqual(await adapter.query('goals'), [], 'After delete, query must not return the deleted record (nor anything remembered about it).', 'records');
      checkEqual(await adapter.query('goals', { owner: 'ana' }), [], 'After delete, a filtered query must not return the deleted record.', 'records');
      const recreated = await adapter.put('goals', { id: 'g1', title: 'new' }, { expectedRevision: null }).catch((error: unknown) => failConformance(`After delete, put with expectedRevision null must create the record again (it does not exist); got ${describeError(error)}.`, error));
      checkStoredRecord(recreated, { id: 'g1', title: 'new' }, 3, 'A re-created record must continue from the deleted revision + 1 (deleted at 2, so 3): revisions of an id never repeat, or a client still holding revision 1 or 2 of the old record could overwrite the new one. Keep a tombstone with the last revision of every deleted id');
      for (const stale of [1, 2]) {
        await checkRefused(() => adapter.put('goals', { id: 'g1', title: `stale writer holding revision ${stale}` }, { expectedRevision: stale }), 'conflict', `put with expectedRevision ${stale} (a revision of the deleted record) on the re-created record at revision 3 must be refused with "conflict"`);
        await checkRefused(() => adapter.delete('goals', 'g1', { expectedRevision: stale }), 'conflict', `delete with expectedRevision ${stale} (a revision of the deleted record) of the re-created record at revision 3 must be refused with "conflict"`);
      }
      checkEqual(await adapter.get('goals', 'g1'), recreated, 'Refused stale writes must leave the re-created record unchanged.', 'record');
      checkStoredRecord(await adapter.put('goals', { id: 'g1', title: 'new, edited' }, { expectedRevision: 3 }), { id: 'g1', title: 'new, edited' }, 4, 'put with the re-created record\'s revision 3 must write revision 4');

      // A second life: refused writes and a repeated delete in between change nothing, an unconditional put continues too.
      check((await adapter.delete('goals', 'g1')) === true, 'delete of the re-created record must resolve to true.');
      await checkRefused(() => adapter.put('goals', { id: 'g1', title: 'stale' }, { expectedRevision: 4 }), 'conflict', 'put with expectedRevision 4 of a record deleted at revision 4 must be refused with "conflict" (it no longer exists)');
      check((await adapter.get('goals', 'g1')) === undefined, 'A put refused because the record was deleted must not create it.');
      check((await adapter.delete('goals', 'g1')) === false, 'Deleting an already deleted record must resolve to false.');
      checkStoredRecord(await adapter.put('goals', { id: 'g1', title: 'third life' }), { id: 'g1', title: 'third life' }, 5, 'An unconditional put after the second delete must continue from the deleted revision + 1 (deleted at 4, so 5)');

      // What is remembered belongs to one id in one collection.
      checkStoredRecord(await adapter.put('notes', { id: 'g1' }, { expectedRevision: null }), { id: 'g1' }, 1, 'Deleting goals/g1 must not change the revisions of notes/g1 (a new id there starts at 1)');
      checkStoredRecord(await adapter.put('goals', { id: 'g2' }, { expectedRevision: null }), { id: 'g2' }, 1, 'Deleting goals/g1 must not change the revisions of another id (goals/g2 starts at 1)');
    },
  },

  // ─── watch ──────────────────────────────────────────────────────────────────────────────────
  {
    name: 'watch: reports puts with the stored record and deletes without one',
    async body(session) {
      const { adapter } = session;
      requireWatch(adapter);
      const changes: StorageChange[] = [];
      const unsubscribe = adapter.watch((change) => changes.push(change));
      check(typeof unsubscribe === 'function', `watch must return an unsubscribe function, got ${formatValue(unsubscribe)}.`);
      try {
        const stored = await adapter.put('goals', { id: 'g1', title: 'watched', tags: ['x'] });
        await waitUntil(() => changes.length >= 1, session.watchTimeout(), 'watch must report a put (no event arrived)');
        const putChange = changes[0]!;
        checkEqual({ collection: putChange.collection, id: putChange.id }, { collection: 'goals', id: 'g1' }, 'The put event must name the collection and id.', 'change');
        checkEqual(putChange.record, stored, 'The put event must carry the stored record (with its revision and updatedAt).', 'change.record');
        const storedSnapshot = copyJson(stored);
        (putChange.record!.tags as string[]).push('mutated by listener');
        putChange.record!.title = 'mutated by listener';
        checkEqual(await adapter.get('goals', 'g1'), storedSnapshot, 'Mutating the record in a watch event must not change storage (give listeners copies).', 'record');
        const updated = await adapter.put('goals', { id: 'g1', title: 'watched again' });
        await waitUntil(() => changes.length >= 2, session.watchTimeout(), 'watch must report a second put of the same record');
        checkEqual(changes[1]?.record, updated, 'The second put event must carry revision 2.', 'change.record');
        check((await adapter.delete('goals', 'g1')) === true, 'delete of the watched record must resolve to true.');
        await waitUntil(() => changes.length >= 3, session.watchTimeout(), 'watch must report a delete');
        const deleteChange = changes[2]!;
        checkEqual({ collection: deleteChange.collection, id: deleteChange.id }, { collection: 'goals', id: 'g1' }, 'The delete event must name the collection and id.', 'change');
        check(deleteChange.record === undefined, `The delete event must have no record (record: undefined), got ${formatValue(deleteChange.record)}.`);
      } finally {
        unsubscribe();
      }
    },
  },
  {
    name: 'watch: each change is reported once, failed writes report nothing, unsubscribing stops events',
    async body(session) {
      const { adapter } = session;
      requireWatch(adapter);
      const stopped: StorageChange[] = [];
      const kept: StorageChange[] = [];
      const stop = adapter.watch((change) => stopped.push(change));
      const stopKept = adapter.watch((change) => kept.push(change));
      try {
        await adapter.put('goals', { id: 'g1' });
        await waitUntil(() => stopped.length >= 1 && kept.length >= 1, session.watchTimeout(), 'Every listener must receive the put event');
        stop();
        await adapter.put('goals', { id: 'g1' }, { expectedRevision: null }).catch(() => undefined);
        await adapter.put('goals', { id: 'g1', when: new Date() }).catch(() => undefined);
        await adapter.delete('goals', 'missing');
        await adapter.delete('goals', 'g1', { expectedRevision: 7 }).catch(() => undefined);
        await adapter.put('goals', { id: 'g2' });
        await waitUntil(() => kept.some((change) => change.id === 'g2'), session.watchTimeout(), 'The remaining listener must receive the put of g2');
        await pause(50);
        checkEqual(
          kept.map((change) => `${change.collection}/${change.id}@${change.record?.revision ?? 'deleted'}`),
          ['goals/g1@1', 'goals/g2@1'],
          'A listener must receive each change exactly once, and refused writes (conflict, invalid input) and deletes of missing records must report nothing.',
          'events',
        );
        check(stopped.length === 1, `After unsubscribe a listener must receive no more events; it received ${stopped.length - 1} more: ${formatValue(stopped.slice(1))}.`);
        stop();
      } finally {
        stopKept();
      }
    },
  },

  // ─── values that cannot be stored ───────────────────────────────────────────────────────────
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
      const stored = await adapter.put('goals', { id: 'shared', first: shared, second: shared, list: [shared, shared] }).catch((error: unknown) =>
        failConformance(`A value referenced twice without a cycle is valid JSON and must be stored; got ${describeError(error)}.`, error),
      );
      checkEqual(dataOf(stored), { id: 'shared', first: { value: 1 }, second: { value: 1 }, list: [{ value: 1 }, { value: 1 }] }, 'A value referenced twice must be stored as two equal copies.', 'record');
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
        await checkRefused(() => adapter.get('goals', id as string), 'invalid-input', `get with the id ${formatValue(id)} must be refused with "invalid-input"`);
        await checkRefused(() => adapter.delete('goals', id as string), 'invalid-input', `delete with the id ${formatValue(id)} must be refused with "invalid-input"`);
      }
    },
  },
  {
    name: 'invalid input: bad collection names are refused and nothing is written',
    async body({ adapter }) {
      const names: unknown[] = ['', 'Goals', '1goals', '-goals', 'goals/x', 'goals x', '../goals', 'goals_x', 'gõals', 'goals\n', `a${'b'.repeat(64)}`, 42, null, undefined, ['goals']];
      for (const name of names) {
        const collection = name as string;
        await checkRefused(() => adapter.put(collection, { id: 'g1' }), 'invalid-input', `put into the collection ${formatValue(name)} must be refused with "invalid-input" (names are lowercase letters, digits and dashes, starting with a letter, at most 64 characters)`);
        await checkRefused(() => adapter.get(collection, 'g1'), 'invalid-input', `get from the collection ${formatValue(name)} must be refused with "invalid-input"`);
        await checkRefused(() => adapter.query(collection), 'invalid-input', `query of the collection ${formatValue(name)} must be refused with "invalid-input"`);
        await checkRefused(() => adapter.delete(collection, 'g1'), 'invalid-input', `delete from the collection ${formatValue(name)} must be refused with "invalid-input"`);
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
        await checkRefused(() => adapter.query('goals', where as Record<string, string>), 'invalid-input', `query with ${label} (${formatValue(where)}) must be refused with "invalid-input"; filters map field names to strings, finite numbers or booleans`);
      }
    },
  },
  {
    name: 'invalid input: bad expectedRevision values are refused and nothing is written',
    async body({ adapter }) {
      const badPutRevisions: unknown[] = [0, -1, 1.5, '1', Number.NaN, Number.POSITIVE_INFINITY, true, {}, []];
      for (const expectedRevision of badPutRevisions) {
        await checkRefused(() => adapter.put('goals', { id: 'g1' }, { expectedRevision } as PutOptions), 'invalid-input', `put with expectedRevision ${formatValue(expectedRevision)} must be refused with "invalid-input" (use null or a revision of 1 or more)`);
      }
      for (const options of ['x', 42, null]) {
        await checkRefused(() => adapter.put('goals', { id: 'g1' }, options as PutOptions), 'invalid-input', `put with the options ${formatValue(options)} must be refused with "invalid-input"`);
      }
      await collectionIsEmpty(adapter, 'goals', 'put with a bad expectedRevision');
      await adapter.put('goals', { id: 'g1', title: 'kept' });
      const badDeleteRevisions: unknown[] = [null, 0, -1, 1.5, '1', Number.NaN];
      for (const expectedRevision of badDeleteRevisions) {
        await checkRefused(() => adapter.delete('goals', 'g1', { expectedRevision } as DeleteOptions), 'invalid-input', `delete with expectedRevision ${formatValue(expectedRevision)} must be refused with "invalid-input" (a revision of 1 or more)`);
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
      await checkRefused(() => adapter.put('goals', { id: 'g1', title: 'changed', dueDate: new Date() }), 'invalid-input', 'An update containing a Date must be refused with "invalid-input"');
      await checkRefused(() => adapter.put('goals', cycle as RecordInput), 'invalid-input', 'An update containing a cycle must be refused with "invalid-input"');
      await checkRefused(() => adapter.put('goals', { id: 'g1', title: 'changed' }, { expectedRevision: 0 }), 'invalid-input', 'An update with expectedRevision 0 must be refused with "invalid-input"');
      await checkRefused(() => adapter.put('goals', { id: 'g1', tags: ['a', undefined] }), 'invalid-input', 'An update with undefined in a list must be refused with "invalid-input"');
      checkEqual(await adapter.get('goals', 'g1'), original, 'Refused updates must leave the stored record exactly as it was (data, revision and updatedAt).', 'record');
      checkStoredRecord(await adapter.put('goals', { id: 'g1', title: 'valid update' }), { id: 'g1', title: 'valid update' }, 2, 'The next valid update after refused ones must get revision 2 (refused writes must not consume revisions)');
    },
  },

  // ─── persistence ────────────────────────────────────────────────────────────────────────────
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
      checkEqual(await reopened.get('goals', 'g1'), before.find((record) => record.id === 'g1'), 'After a reopen, a record must come back with the same data, revision (3) and updatedAt.', 'record');
      check((await reopened.get('goals', 'g2')) === undefined, 'After a reopen, a deleted record must stay deleted.');
      checkEqual(await reopened.query('goals'), before, 'After a reopen, query must return the same records (data, revisions, updatedAt, order).', 'records');
      checkEqual(await reopened.query('notes'), notesBefore, 'After a reopen, every collection must be intact.', 'records');
      checkEqual(await reopened.query('goals', { title: 'v3' }), before.filter((record) => record.title === 'v3'), 'After a reopen, filtered queries must work.', 'records');
    },
  },
  {
    name: 'reopen: revisions continue and conflicts are detected after a reopen',
    requires: 'reopen',
    async body(session) {
      await session.adapter.put('goals', { id: 'g1', title: 'v1' });
      await session.adapter.put('goals', { id: 'g1', title: 'v2' });
      let adapter = await session.reopen();
      await checkRefused(() => adapter.put('goals', { id: 'g1', title: 'stale' }, { expectedRevision: 1 }), 'conflict', 'After a reopen, a stale expectedRevision must still be refused with "conflict"');
      await checkRefused(() => adapter.put('goals', { id: 'g1', title: 'create' }, { expectedRevision: null }), 'conflict', 'After a reopen, creating an existing record must still be refused with "conflict"');
      checkStoredRecord(await adapter.put('goals', { id: 'g1', title: 'v3' }, { expectedRevision: 2 }), { id: 'g1', title: 'v3' }, 3, 'After a reopen, the revision must continue from the stored one');
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
      await checkRefused(() => adapter.put('goals', { id: 'g1', title: 'stale' }, { expectedRevision: 3 }), 'conflict', 'After a reopen, put with the deleted record\'s revision 3 must be refused with "conflict"');
      const recreated = await adapter.put('goals', { id: 'g1', title: 'new' }, { expectedRevision: null }).catch((error: unknown) => failConformance(`After a reopen, put with expectedRevision null must create a deleted record again; got ${describeError(error)}.`, error));
      checkStoredRecord(recreated, { id: 'g1', title: 'new' }, 4, 'After a reopen, a re-created record must continue from the deleted revision + 1 (deleted at 3, so 4): the tombstone must be persisted with the data');
      adapter = await session.reopen();
      checkEqual(await adapter.get('goals', 'g1'), recreated, 'The re-created record must survive the next reopen with its revision 4.', 'record');
      for (const stale of [1, 2, 3]) {
        await checkRefused(() => adapter.put('goals', { id: 'g1', title: 'stale' }, { expectedRevision: stale }), 'conflict', `After a reopen, put with expectedRevision ${stale} (a revision of the deleted record) on the re-created record must be refused with "conflict"`);
      }
    },
  },

  // ─── second live instance (second tab or process) ───────────────────────────────────────────
  {
    name: 'cross-instance: a second instance reads the first instance\'s writes and the other way round',
    requires: 'openSecondInstance',
    async body(session) {
      const first = session.adapter;
      const second = await session.openSecondInstance();
      const stored = await first.put('goals', { id: 'g1', title: 'from first' });
      checkEqual(await second.get('goals', 'g1'), stored, 'A second instance must read a record the first one wrote.', 'record');
      const updated = await second.put('goals', { id: 'g1', title: 'from second' }, { expectedRevision: 1 });
      checkEqual(await first.get('goals', 'g1'), updated, 'The first instance must read the second instance\'s update (revision 2).', 'record');
      await first.delete('goals', 'g1');
      check((await second.get('goals', 'g1')) === undefined, 'A record deleted by the first instance must be gone for the second.');
    },
  },
  {
    name: 'cross-instance: a record deleted and re-created by one instance refuses a stale writer in the other',
    requires: 'openSecondInstance',
    async body(session) {
      const first = session.adapter;
      const second = await session.openSecondInstance();
      await first.put('goals', { id: 'g1', title: 'v1' });
      await first.put('goals', { id: 'g1', title: 'v2' });
      const held = await second.get('goals', 'g1');
      check(held?.revision === 2, `The second instance must read revision 2, got ${formatValue(held?.revision)}.`);
      check((await first.delete('goals', 'g1')) === true, 'delete by the first instance must resolve to true.');
      const recreated = await first.put('goals', { id: 'g1', title: 'new' }, { expectedRevision: null });
      checkStoredRecord(recreated, { id: 'g1', title: 'new' }, 3, 'A record re-created by the first instance must continue from the deleted revision + 1 (3)');
      await checkRefused(() => second.put('goals', { id: 'g1', title: 'stale edit from the second instance' }, { expectedRevision: 2 }), 'conflict', 'The second instance, still holding revision 2 of the deleted record, must be refused with "conflict" when it writes over the re-created one');
      checkEqual(await second.get('goals', 'g1'), recreated, 'The refused stale write must leave the re-created record unchanged.', 'record');
      check((await second.delete('goals', 'g1', { expectedRevision: 3 })) === true, 'delete by the second instance with the matching revision 3 must resolve to true.');
      checkStoredRecord(await first.put('goals', { id: 'g1', title: 'again' }), { id: 'g1', title: 'again' }, 4, 'A record deleted by the second instance and re-created by the first must continue from revision 3 + 1: tombstones live in the shared store, not in one instance');
      await checkRefused(() => second.put('goals', { id: 'g1', title: 'stale' }, { expectedRevision: 3 }), 'conflict', 'The second instance writing with the deleted revision 3 must be refused with "conflict"');
    },
  },
  {
    name: 'cross-instance: a second instance\'s watch reports the first instance\'s puts and deletes, and the other way round',
    requires: 'openSecondInstance',
    async body(session) {
      const first = session.adapter;
      const second = await session.openSecondInstance();
      requireWatch(first);
      requireWatch(second);
      const seenBySecond: StorageChange[] = [];
      const seenByFirst: StorageChange[] = [];
      const stopSecond = second.watch((change) => seenBySecond.push(change));
      const stopFirst = first.watch((change) => seenByFirst.push(change));
      try {
        const stored = await first.put('goals', { id: 'g1', title: 'from first' });
        await waitUntil(() => seenBySecond.some((change) => change.id === 'g1' && change.record !== undefined), session.watchTimeout(5000), 'The second instance\'s watch must report a put made by the first instance');
        checkEqual(seenBySecond.find((change) => change.id === 'g1')?.record, stored, 'The cross-instance put event must carry the stored record.', 'change.record');
        await first.delete('goals', 'g1');
        await waitUntil(() => seenBySecond.some((change) => change.id === 'g1' && change.record === undefined), session.watchTimeout(5000), 'The second instance\'s watch must report a delete made by the first instance');
        const fromSecond = await second.put('goals', { id: 'g2', title: 'from second' });
        await waitUntil(() => seenByFirst.some((change) => change.id === 'g2'), session.watchTimeout(5000), 'The first instance\'s watch must report a put made by the second instance');
        checkEqual(seenByFirst.find((change) => change.id === 'g2')?.record, fromSecond, 'The cross-instance put event must carry the stored record.', 'change.record');
      } finally {
        stopSecond();
        stopFirst();
      }
    },
  },
  {
    name: 'cross-instance: each instance reports every change exactly once',
    requires: 'openSecondInstance',
    async body(session) {
      const first = session.adapter;
      const second = await session.openSecondInstance();
      requireWatch(first);
      requireWatch(second);
      const seenByFirst: string[] = [];
      const seenBySecond: string[] = [];
      const describeChange = (change: StorageChange) => `${change.collection}/${change.id}@${change.record?.revision ?? 'deleted'}`;
      const stopFirst = first.watch((change) => seenByFirst.push(describeChange(change)));
      const stopSecond = second.watch((change) => seenBySecond.push(describeChange(change)));
      try {
        await first.put('goals', { id: 'g1' });
        await waitUntil(() => seenBySecond.length >= 1, session.watchTimeout(5000), 'The second instance must report the first instance\'s put');
        await second.put('goals', { id: 'g1' }, { expectedRevision: 1 });
        await waitUntil(() => seenByFirst.length >= 2, session.watchTimeout(5000), 'The first instance must report the second instance\'s update');
        await first.delete('goals', 'g1');
        await waitUntil(() => seenBySecond.length >= 3, session.watchTimeout(5000), 'The second instance must report the first instance\'s delete');
        await pause(150);
        const expected = ['goals/g1@1', 'goals/g1@2', 'goals/g1@deleted'];
        checkEqual(seenByFirst, expected, 'The first instance must report each change once: its own changes locally (not again via the other instance) and the other instance\'s changes once.', 'events');
        checkEqual(seenBySecond, expected, 'The second instance must report each change once.', 'events');
      } finally {
        stopFirst();
        stopSecond();
      }
    },
  },
  {
    name: 'cross-instance: of two instances writing with the same expectedRevision exactly one wins',
    requires: 'openSecondInstance',
    async body(session) {
      const first = session.adapter;
      const second = await session.openSecondInstance();
      await first.put('goals', { id: 'g1', title: 'start' });
      for (let round = 1; round <= 3; round++) {
        const results = await Promise.allSettled([
          first.put('goals', { id: 'g1', title: `first, round ${round}` }, { expectedRevision: round }),
          second.put('goals', { id: 'g1', title: `second, round ${round}` }, { expectedRevision: round }),
        ]);
        const winners = results.filter((result): result is PromiseFulfilledResult<StoredRecord> => result.status === 'fulfilled');
        check(winners.length === 1, `Round ${round}: two instances writing with expectedRevision ${round} must give exactly one success; ${winners.length} succeeded. The compare-and-set must be atomic across instances (one transaction).`);
        for (const result of results) if (result.status === 'rejected') checkConflict(result, `Round ${round}: the losing instance`);
        checkStoredRecord(await second.get('goals', 'g1'), dataOf(winners[0]!.value), round + 1, `Round ${round}: the stored record must be the winner`);
      }
    },
  },

  // ─── blobs ──────────────────────────────────────────────────────────────────────────────────
  {
    name: 'blobs: putBlob and getBlob round-trip bytes and type',
    async body({ adapter }) {
      requireBlobs(adapter);
      const bytes = new Uint8Array(512);
      for (let index = 0; index < bytes.length; index++) bytes[index] = index % 256;
      const voiceNote = new Blob([bytes], { type: 'audio/webm;codecs=opus' });
      const info = await adapter.putBlob('voice-1', voiceNote);
      checkEqual(info, { id: 'voice-1', size: 512, type: 'audio/webm;codecs=opus' }, 'putBlob must resolve to { id, size, type } of the stored blob.', 'info');
      await checkBlob(await adapter.getBlob('voice-1'), bytes, 'audio/webm;codecs=opus', 'getBlob must return the bytes and type that were stored');
      await adapter.putBlob('empty', new Blob([]));
      await checkBlob(await adapter.getBlob('empty'), new Uint8Array(0), '', 'An empty blob without a type must round-trip');
      const text = new TextEncoder().encode('Grüße 🎯');
      await adapter.putBlob('ünïcødé/😀', new Blob([text], { type: 'text/plain' }));
      await checkBlob(await adapter.getBlob('ünïcødé/😀'), text, 'text/plain', 'A blob with an unusual id must round-trip');
    },
  },
  {
    name: 'blobs: a missing blob is undefined; putBlob overwrites; deleteBlob returns true, then false',
    async body({ adapter }) {
      requireBlobs(adapter);
      check((await adapter.getBlob('missing')) === undefined, 'getBlob of a missing id must resolve to undefined.');
      await adapter.putBlob('note', new Blob(['first'], { type: 'text/plain' }));
      await adapter.putBlob('note', new Blob(['second version'], { type: 'text/markdown' }));
      await checkBlob(await adapter.getBlob('note'), new TextEncoder().encode('second version'), 'text/markdown', 'putBlob with an existing id must replace the blob');
      check((await adapter.deleteBlob('note')) === true, 'deleteBlob of a stored blob must resolve to true.');
      check((await adapter.getBlob('note')) === undefined, 'After deleteBlob, getBlob must resolve to undefined.');
      check((await adapter.deleteBlob('note')) === false, 'deleteBlob of a missing blob must resolve to false.');
      check((await adapter.get('goals', 'note')) === undefined, 'Blobs must not appear as records.');
    },
  },
  {
    name: 'blobs: non-Blob values and bad ids are refused',
    async body({ adapter }) {
      requireBlobs(adapter);
      const notBlobs: unknown[] = ['text', new ArrayBuffer(4), new Uint8Array(4), { size: 1, type: 'audio/webm' }, null, undefined];
      for (const value of notBlobs) {
        await checkRefused(() => adapter.putBlob('voice-1', value as Blob), 'invalid-input', `putBlob with ${formatValue(value)} must be refused with "invalid-input" (only Blob values)`);
      }
      check((await adapter.getBlob('voice-1')) === undefined, 'A refused putBlob must store nothing.');
      for (const id of ['', 42, null, 'x'.repeat(201)] as unknown[]) {
        await checkRefused(() => adapter.putBlob(id as string, new Blob(['x'])), 'invalid-input', `putBlob with the id ${formatValue(id)} must be refused with "invalid-input"`);
        await checkRefused(() => adapter.getBlob(id as string), 'invalid-input', `getBlob with the id ${formatValue(id)} must be refused with "invalid-input"`);
        await checkRefused(() => adapter.deleteBlob(id as string), 'invalid-input', `deleteBlob with the id ${formatValue(id)} must be refused with "invalid-input"`);
      }
    },
  },
  {
    name: 'blobs: blobs survive a reopen',
    requires: 'reopen',
    async body(session) {
      requireBlobs(session.adapter);
      const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
      await session.adapter.putBlob('voice-1', new Blob([bytes], { type: 'audio/ogg' }));
      await session.adapter.putBlob('voice-2', new Blob(['deleted']));
      await session.adapter.deleteBlob('voice-2');
      const reopened = await session.reopen();
      requireBlobs(reopened);
      await checkBlob(await reopened.getBlob('voice-1'), bytes, 'audio/ogg', 'After a reopen, getBlob must return the stored bytes and type');
      check((await reopened.getBlob('voice-2')) === undefined, 'After a reopen, a deleted blob must stay deleted.');
    },
  },
];

async function refuseRecords(adapter: StorageAdapter, values: Array<[string, unknown]>): Promise<void> {
  for (const [label, record] of values) {
    await checkRefused(() => adapter.put('goals', record as RecordInput), 'invalid-input', `put of a record with ${label} must be refused with "invalid-input"; records hold JSON values only`);
    await checkRefused(() => adapter.put('goals', record as RecordInput, { expectedRevision: null }), 'invalid-input', `put (expectedRevision null) of a record with ${label} must be refused with "invalid-input"`);
  }
  check((await adapter.get('goals', 'bad')) === undefined, 'A refused put must write nothing, but goals/bad exists.');
  await collectionIsEmpty(adapter, 'goals', 'A refused put');
}

async function checkBlob(actual: Blob | undefined, expectedBytes: Uint8Array, expectedType: string, rule: string): Promise<void> {
  check(actual !== undefined && actual !== null && typeof (actual as Blob).arrayBuffer === 'function', `${rule}: expected a Blob, got ${formatValue(actual)}.`);
  check(actual.type === expectedType, `${rule}: expected the type ${JSON.stringify(expectedType)}, got ${JSON.stringify(actual.type)}.`);
  check(actual.size === expectedBytes.length, `${rule}: expected ${expectedBytes.length} bytes, got ${actual.size}.`);
  const actualBytes = new Uint8Array(await actual.arrayBuffer());
  const firstDifference = actualBytes.findIndex((byte, index) => byte !== expectedBytes[index]);
  check(firstDifference === -1, `${rule}: byte ${firstDifference} differs (expected ${expectedBytes[firstDifference]}, got ${actualBytes[firstDifference]}).`);
}

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
