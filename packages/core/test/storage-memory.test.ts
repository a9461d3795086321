/**
 * The memory adapter against the storage conformance suite, and the suite against adapters that are
 * broken on purpose: every rule the suite claims to check must make some case fail when it is broken.
 *
 * Run: node --conditions=source --import tsx --test packages/core/test/storage-memory.test.ts
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertCollectionName,
  assertDeleteOptions,
  assertPutOptions,
  assertRecordId,
  assertStorableRecord,
  assertWhereClause,
  byId,
  createMemoryStorage,
  matchesWhere,
  revisionConflict,
  type BlobInfo,
  type StorageAdapter,
  type StorageChange,
  type StoredRecord,
} from '@mentorkit/core/storage';
import { MentorKitError } from '@mentorkit/core/model';
import { storageConformanceCases, type StorageConformanceOptions } from '@mentorkit/core/testing';

describe('memory storage passes the conformance suite', () => {
  for (const conformanceCase of storageConformanceCases({ createAdapter: () => createMemoryStorage() })) {
    test(conformanceCase.name, { skip: conformanceCase.skip ?? false }, (t) => conformanceCase.run({ skip: (reason) => t.skip(reason) }));
  }
});

// ─── Watch listeners that throw ───────────────────────────────────────────────────────────────

/**
 * Runs `body` and returns every uncaught exception and unhandled rejection the process saw meanwhile,
 * including a few macrotasks afterwards, so an error rethrown later (queueMicrotask, setTimeout) is caught too.
 */
async function uncaughtDuring(body: () => Promise<void>): Promise<unknown[]> {
  const uncaught: unknown[] = [];
  const collect = (error: unknown) => uncaught.push(error);
  process.on('uncaughtException', collect);
  process.on('unhandledRejection', collect);
  try {
    await body();
    for (let round = 0; round < 3; round++) await new Promise((resolve) => setTimeout(resolve, 5));
  } finally {
    process.off('uncaughtException', collect);
    process.off('unhandledRejection', collect);
  }
  return uncaught;
}

/** Runs `body` with `globalThis.reportError` replaced by `replacement` (or removed), restoring it afterwards. */
async function withReportError(replacement: ((error: unknown) => void) | undefined, body: () => Promise<void>): Promise<void> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'reportError');
  if (replacement) Object.defineProperty(globalThis, 'reportError', { configurable: true, writable: true, value: replacement });
  else delete (globalThis as { reportError?: unknown }).reportError;
  try {
    await body();
  } finally {
    if (descriptor) Object.defineProperty(globalThis, 'reportError', descriptor);
    else delete (globalThis as { reportError?: unknown }).reportError;
  }
}

describe('memory storage: a throwing watch listener', () => {
  const listenerBug = new Error('listener bug');

  /** A storage with a throwing listener between two good ones; puts and deletes one record and returns what the good listeners saw. */
  async function writeWithThrowingListener(): Promise<{ before: string[]; after: string[]; stored: StoredRecord; deleted: boolean }> {
    const storage = createMemoryStorage();
    const describeChange = (change: StorageChange) => `${change.collection}/${change.id}@${change.record?.revision ?? 'deleted'}`;
    const before: string[] = [];
    const after: string[] = [];
    storage.watch!((change) => before.push(describeChange(change)));
    storage.watch!(() => {
      throw listenerBug;
    });
    storage.watch!((change) => after.push(describeChange(change)));
    const stored = await storage.put('goals', { id: 'g1', title: 'kept' });
    const deleted = await storage.delete('goals', 'g1');
    await storage.dispose!();
    return { before, after, stored, deleted };
  }

  test('without reportError (Node): the put succeeds, the other listeners get the change, console.error says [mentorkit], no uncaught exception', async (t) => {
    const consoleError = t.mock.method(console, 'error', () => undefined);
    let outcome: Awaited<ReturnType<typeof writeWithThrowingListener>> | undefined;
    const uncaught = await uncaughtDuring(() =>
      withReportError(undefined, async () => {
        outcome = await writeWithThrowingListener();
      }),
    );
    assert.deepEqual(uncaught, [], 'a throwing listener must not become an uncaught exception (it would crash a Node process)');
    assert.ok(outcome);
    assert.equal(outcome.stored.revision, 1, 'the put must succeed');
    assert.equal(outcome.deleted, true, 'the delete must succeed');
    assert.deepEqual(outcome.before, ['goals/g1@1', 'goals/g1@deleted'], 'listeners registered before the throwing one get every change');
    assert.deepEqual(outcome.after, ['goals/g1@1', 'goals/g1@deleted'], 'listeners registered after the throwing one get every change');
    assert.equal(consoleError.mock.callCount(), 2, 'each throw is reported once');
    const [message, error] = consoleError.mock.calls[0]!.arguments as [unknown, unknown];
    assert.equal(typeof message, 'string');
    assert.match(message as string, /^\[mentorkit\] .*watch listener threw.*goals\/g1/);
    assert.equal(error, listenerBug, "the listener's own error is reported, with its stack");
  });

  test('with reportError (browsers, Deno): the error goes to reportError, not the console, and the write still succeeds', async (t) => {
    const consoleError = t.mock.method(console, 'error', () => undefined);
    const reported: unknown[] = [];
    let outcome: Awaited<ReturnType<typeof writeWithThrowingListener>> | undefined;
    const uncaught = await uncaughtDuring(() =>
      withReportError(
        (error) => reported.push(error),
        async () => {
          outcome = await writeWithThrowingListener();
        },
      ),
    );
    assert.deepEqual(uncaught, []);
    assert.equal(outcome?.stored.revision, 1);
    assert.deepEqual(outcome?.after, ['goals/g1@1', 'goals/g1@deleted']);
    assert.deepEqual(reported, [listenerBug, listenerBug]);
    assert.equal(consoleError.mock.callCount(), 0);
  });

  test('a reportError that throws itself falls back to console.error and still breaks nothing', async (t) => {
    const consoleError = t.mock.method(console, 'error', () => undefined);
    let outcome: Awaited<ReturnType<typeof writeWithThrowingListener>> | undefined;
    const uncaught = await uncaughtDuring(() =>
      withReportError(
        () => {
          throw new Error('broken reportError');
        },
        async () => {
          outcome = await writeWithThrowingListener();
        },
      ),
    );
    assert.deepEqual(uncaught, []);
    assert.equal(outcome?.stored.revision, 1);
    assert.deepEqual(outcome?.after, ['goals/g1@1', 'goals/g1@deleted']);
    assert.equal(consoleError.mock.callCount(), 2);
    assert.equal(consoleError.mock.calls[0]!.arguments[1], listenerBug);
  });
});

// ─── A reference adapter with switchable bugs ─────────────────────────────────────────────────

/** The bugs `createFlawedStorage` can have. With none it is a correct adapter. */
const Flaw = {
  ignoresExpectedRevision: 'ignores-expected-revision',
  deleteIgnoresExpectedRevision: 'delete-ignores-expected-revision',
  nonAtomicCompareAndSet: 'non-atomic-compare-and-set',
  returnsInternalReferences: 'returns-internal-references',
  neverIncrementsRevision: 'never-increments-revision',
  keepsInputRevision: 'keeps-input-revision',
  queryIgnoresWhere: 'query-ignores-where',
  queryUnsorted: 'query-unsorted',
  missingIsNull: 'missing-is-null',
  storesDatesSilently: 'stores-dates-silently',
  writesBeforeValidating: 'writes-before-validating',
  unsubscribeDoesNothing: 'unsubscribe-does-nothing',
  watchReportsTwice: 'watch-reports-twice',
  watchLocalOnly: 'watch-local-only',
  reopenLosesData: 'reopen-loses-data',
  blobLosesType: 'blob-loses-type',
  restartsRevisionsAfterDelete: 'restarts-revisions-after-delete',
  keepsTombstonesPerInstance: 'keeps-tombstones-per-instance',
} as const;
type Flaw = (typeof Flaw)[keyof typeof Flaw];

type Listener = (change: StorageChange) => void;

/** The shared "disk" behind every instance opened on the same store. */
interface FlawedBackend {
  collections: Map<string, Map<string, StoredRecord>>;
  /** `<collection>/<id>` → the revision the record had when it was deleted. */
  tombstones: Map<string, number>;
  blobs: Map<string, Blob>;
  instances: Set<Set<Listener>>;
}

const createBackend = (): FlawedBackend => ({ collections: new Map(), tombstones: new Map(), blobs: new Map(), instances: new Set() });
const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A small adapter over a shared backend, written from scratch (not by wrapping the memory adapter)
 * so each rule of the contract can be broken on its own. Instances on the same backend behave like
 * two tabs on one database.
 */
function createFlawedStorage(flaws: readonly Flaw[], backend: FlawedBackend = createBackend()): StorageAdapter {
  const has = (flaw: Flaw) => flaws.includes(flaw);
  const listeners = new Set<Listener>();
  backend.instances.add(listeners);
  // Correct: tombstones live in the shared backend. The flaw keeps them in this instance only (lost on reopen, unseen by other instances).
  const tombstones = has(Flaw.keepsTombstonesPerInstance) ? new Map<string, number>() : backend.tombstones;
  const copyOut = <T>(value: T): T => (has(Flaw.returnsInternalReferences) ? value : structuredClone(value));
  const collectionOf = (name: string) => {
    let collection = backend.collections.get(name);
    if (!collection) backend.collections.set(name, (collection = new Map()));
    return collection;
  };
  const notify = (change: StorageChange) => {
    const targets = has(Flaw.watchLocalOnly) ? [listeners] : [...backend.instances];
    const times = has(Flaw.watchReportsTwice) ? 2 : 1;
    for (const target of targets)
      for (const listener of [...target])
        for (let time = 0; time < times; time++) listener(change.record ? { ...change, record: copyOut(change.record) } : change);
  };

  return {
    name: `flawed(${flaws.join(', ') || 'none'})`,

    async get(collection, id) {
      assertCollectionName(collection);
      assertRecordId(id);
      const record = backend.collections.get(collection)?.get(id);
      if (!record) return has(Flaw.missingIsNull) ? (null as unknown as undefined) : undefined;
      return copyOut(record);
    },

    async query(collection, where) {
      assertCollectionName(collection);
      assertWhereClause(where);
      let records = [...(backend.collections.get(collection)?.values() ?? [])];
      if (!has(Flaw.queryIgnoresWhere)) records = records.filter((record) => matchesWhere(record, where));
      if (!has(Flaw.queryUnsorted)) records.sort(byId);
      return records.map(copyOut);
    },

    async put(collection, record, options) {
      assertCollectionName(collection);
      if (has(Flaw.writesBeforeValidating) && typeof record === 'object' && record !== null && typeof record.id === 'string' && record.id !== '') {
        // Writes first (as an adapter handing the raw value to its backend would), validates afterwards.
        // A valid record is then written again below, over this copy, with the right revision.
        const previous = collectionOf(collection).get(record.id);
        collectionOf(collection).set(record.id, { ...record, id: record.id, revision: (previous?.revision ?? 0) + 1, updatedAt: new Date().toISOString() });
        assertStorableRecord(record);
        assertPutOptions(options);
        if (previous) collectionOf(collection).set(record.id, previous);
        else collectionOf(collection).delete(record.id);
      }
      if (has(Flaw.storesDatesSilently)) assertRecordId((record as { id?: unknown } | null)?.id, 'record.id');
      else assertStorableRecord(record);
      assertPutOptions(options);
      const store = collectionOf(collection);
      const current = store.get(record.id);
      if (has(Flaw.nonAtomicCompareAndSet)) await nextTick();
      const expected = options?.expectedRevision;
      if (!has(Flaw.ignoresExpectedRevision)) {
        if (expected === null && current !== undefined) throw revisionConflict(collection, record.id, null, current.revision);
        if (typeof expected === 'number' && current?.revision !== expected) throw revisionConflict(collection, record.id, expected, current?.revision);
      }
      const deletedRevision = has(Flaw.restartsRevisionsAfterDelete) ? undefined : tombstones.get(`${collection}/${record.id}`);
      let revision = has(Flaw.neverIncrementsRevision) ? 1 : (current?.revision ?? deletedRevision ?? 0) + 1;
      let updatedAt = new Date().toISOString();
      if (has(Flaw.keepsInputRevision)) {
        if (typeof record.revision === 'number') revision = record.revision;
        if (typeof record.updatedAt === 'string') updatedAt = record.updatedAt;
      }
      const data = has(Flaw.returnsInternalReferences) ? { ...record } : has(Flaw.storesDatesSilently) ? structuredClone(record) : jsonCopy(record);
      const stored: StoredRecord = { ...data, id: record.id, revision, updatedAt };
      store.set(record.id, stored);
      tombstones.delete(`${collection}/${record.id}`);
      notify({ collection, id: record.id, record: stored });
      return copyOut(stored);
    },

    async delete(collection, id, options) {
      assertCollectionName(collection);
      assertRecordId(id);
      assertDeleteOptions(options);
      const store = backend.collections.get(collection);
      const current = store?.get(id);
      const expected = options?.expectedRevision;
      if (!has(Flaw.deleteIgnoresExpectedRevision) && !has(Flaw.ignoresExpectedRevision) && expected !== undefined && current?.revision !== expected) {
        throw revisionConflict(collection, id, expected, current?.revision);
      }
      if (!store || !current) return false;
      store.delete(id);
      tombstones.set(`${collection}/${id}`, current.revision);
      notify({ collection, id });
      return true;
    },

    watch(listener) {
      listeners.add(listener);
      return () => {
        if (!has(Flaw.unsubscribeDoesNothing)) listeners.delete(listener);
      };
    },

    async dispose() {
      listeners.clear();
      backend.instances.delete(listeners);
    },

    async putBlob(id, blob): Promise<BlobInfo> {
      assertRecordId(id);
      if (!(blob instanceof Blob)) throw new MentorKitError('invalid-input', '`blob` must be a Blob.', { path: 'blob' });
      const stored = has(Flaw.blobLosesType) ? new Blob([blob]) : blob;
      backend.blobs.set(id, stored);
      return { id, size: stored.size, type: blob.type };
    },

    async getBlob(id) {
      assertRecordId(id);
      return backend.blobs.get(id);
    },

    async deleteBlob(id) {
      assertRecordId(id);
      return backend.blobs.delete(id);
    },
  };
}

/** Suite options for the flawed adapter: reopen and second instances share the backend ("the same database"). */
function flawedOptions(flaws: readonly Flaw[]): StorageConformanceOptions {
  const backends = new WeakMap<StorageAdapter, FlawedBackend>();
  const open = (backend: FlawedBackend) => {
    const adapter = createFlawedStorage(flaws, backend);
    backends.set(adapter, backend);
    return adapter;
  };
  return {
    createAdapter: () => open(createBackend()),
    async reopen(previous) {
      await previous.dispose?.();
      return open(flaws.includes(Flaw.reopenLosesData) ? createBackend() : backends.get(previous)!);
    },
    async openSecondInstance(first) {
      return open(backends.get(first)!);
    },
    // Short: most broken adapters fail by never delivering an event.
    watchTimeoutMilliseconds: 300,
  };
}

interface SuiteOutcome {
  passed: string[];
  failed: Map<string, string>;
  skipped: string[];
}

async function runWholeSuite(options: StorageConformanceOptions): Promise<SuiteOutcome> {
  const outcome: SuiteOutcome = { passed: [], failed: new Map(), skipped: [] };
  for (const conformanceCase of storageConformanceCases(options)) {
    let skipped = conformanceCase.skip !== undefined;
    try {
      await conformanceCase.run({ skip: () => (skipped = true) });
      (skipped ? outcome.skipped : outcome.passed).push(conformanceCase.name);
    } catch (error) {
      outcome.failed.set(conformanceCase.name, error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error));
    }
  }
  return outcome;
}

describe('the suite catches broken adapters', () => {
  test('the flawed adapter without flaws passes every case, none skipped (so the failures below come from the flaws)', async () => {
    const outcome = await runWholeSuite(flawedOptions([]));
    if (outcome.failed.size > 0 || outcome.skipped.length > 0) {
      throw new Error(
        `Expected every case to pass. Failed: ${[...outcome.failed].map(([name, message]) => `\n  ${name}: ${message}`).join('')}\nSkipped: ${outcome.skipped.join(', ')}`,
      );
    }
  });

  /** For each flaw: cases (by name prefix) that must fail. */
  const expectations: Array<[Flaw, string[]]> = [
    [
      Flaw.ignoresExpectedRevision,
      [
        'expectedRevision null: creates',
        'expectedRevision: a stale',
        'expectedRevision on a missing record',
        'concurrency: of two writers',
        'concurrency: of many creates',
        'delete: a stale expectedRevision',
        'cross-instance: of two instances writing',
      ],
    ],
    [Flaw.deleteIgnoresExpectedRevision, ['delete: a stale expectedRevision']],
    [Flaw.nonAtomicCompareAndSet, ['concurrency: of two writers', 'concurrency: of many creates', 'cross-instance: of two instances writing']],
    [Flaw.returnsInternalReferences, ['copies:', 'watch: reports puts']],
    [
      Flaw.neverIncrementsRevision,
      ['revisions: every put increments', 'revisions: concurrent unconditional puts', 'put: revision and updatedAt in the input are ignored'],
    ],
    [Flaw.keepsInputRevision, ['put: revision and updatedAt in the input are ignored']],
    [Flaw.queryIgnoresWhere, ['query: equality filters', 'query: several filter keys', 'query: no match']],
    [Flaw.queryUnsorted, ['query: without a filter', 'round-trip: unusual ids']],
    [Flaw.missingIsNull, ['get: a missing record is undefined']],
    [Flaw.storesDatesSilently, ['invalid input: Date, Map, Set', 'round-trip: -0 is stored as 0']],
    [
      Flaw.writesBeforeValidating,
      ['invalid input: functions', 'invalid input: NaN', 'invalid input: Date', 'invalid input: cycles', 'invalid input: a refused update'],
    ],
    [Flaw.unsubscribeDoesNothing, ['watch: each change is reported once']],
    [Flaw.watchReportsTwice, ['watch: each change is reported once', 'cross-instance: each instance reports every change exactly once']],
    [Flaw.watchLocalOnly, ["cross-instance: a second instance's watch", 'cross-instance: each instance reports every change exactly once']],
    [Flaw.reopenLosesData, ['reopen: records, revisions and deletions survive', 'reopen: revisions continue', 'blobs: blobs survive a reopen']],
    [Flaw.blobLosesType, ['blobs: putBlob and getBlob round-trip bytes and type']],
    [
      Flaw.restartsRevisionsAfterDelete,
      [
        'revisions never repeat after delete and re-create: a stale writer gets conflict',
        'reopen: the revision of a deleted id is remembered',
        'cross-instance: a record deleted and re-created',
      ],
    ],
    [Flaw.keepsTombstonesPerInstance, ['reopen: the revision of a deleted id is remembered', 'cross-instance: a record deleted and re-created']],
  ];

  for (const [flaw, mustFail] of expectations) {
    test(`an adapter that ${flaw.replaceAll('-', ' ')} fails: ${mustFail.join('; ')}`, async (t) => {
      const outcome = await runWholeSuite(flawedOptions([flaw]));
      const failedNames = [...outcome.failed.keys()];
      for (const [name, message] of outcome.failed) t.diagnostic(`failed as it should: ${name} — ${message}`);
      if (failedNames.length === 0) throw new Error(`The suite did not catch an adapter that ${flaw}: every case passed.`);
      const missed = mustFail.filter((prefix) => !failedNames.some((name) => name.startsWith(prefix)));
      if (missed.length > 0) {
        throw new Error(`The suite did not catch an adapter that ${flaw} in: ${missed.join('; ')}.\nIt failed only: ${failedNames.join('; ')}`);
      }
      if (outcome.skipped.length > 0) throw new Error(`No case should be skipped for the flawed adapter, but these were: ${outcome.skipped.join('; ')}`);
    });
  }

  test('a failure message names the rule that was broken', async () => {
    const [staleCase] = storageConformanceCases(flawedOptions([Flaw.ignoresExpectedRevision])).filter((conformanceCase) =>
      conformanceCase.name.startsWith('expectedRevision: a stale'),
    );
    if (!staleCase) throw new Error('The case "expectedRevision: a stale …" is missing from the suite.');
    const error = await staleCase.run().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    if (!(error instanceof Error) || error.name !== 'ConformanceFailure') throw new Error(`Expected a ConformanceFailure, got ${String(error)}`);
    if (!error.message.includes('expectedRevision 1') || !error.message.includes('"conflict"')) {
      throw new Error(`The message should name the broken rule (expectedRevision 1 … "conflict"), got: ${error.message}`);
    }
  });

  test('cases that need reopen or a second instance are skipped with a reason when those options are missing', () => {
    const cases = storageConformanceCases({ createAdapter: () => createMemoryStorage() });
    const skipped = cases.filter((conformanceCase) => conformanceCase.skip !== undefined).map((conformanceCase) => conformanceCase.name);
    const expectedPrefixes = ['reopen:', 'cross-instance:', 'blobs: blobs survive a reopen'];
    for (const name of skipped) {
      if (!expectedPrefixes.some((prefix) => name.startsWith(prefix))) throw new Error(`Unexpected static skip: ${name}`);
    }
    if (skipped.length !== 9)
      throw new Error(`Expected 9 statically skipped cases (3 reopen, 5 cross-instance, 1 blob reopen), got ${skipped.length}: ${skipped.join('; ')}`);
    const names = new Set(cases.map((conformanceCase) => conformanceCase.name));
    if (names.size !== cases.length) throw new Error('Case names must be unique so runners can tell them apart.');
  });

  test('an adapter without watch and blobs skips those cases at run time instead of passing them silently', async () => {
    const withoutOptionalParts = (): StorageAdapter => {
      const inner = createMemoryStorage();
      return { name: 'bare', get: inner.get, query: inner.query, put: inner.put, delete: inner.delete };
    };
    const outcome = await runWholeSuite({ createAdapter: withoutOptionalParts });
    const skippedAtRunTime = outcome.skipped.filter((name) => name.startsWith('watch:') || (name.startsWith('blobs:') && !name.includes('reopen')));
    if (skippedAtRunTime.length !== 5) throw new Error(`Expected the 2 watch and 3 blob cases to skip, got: ${skippedAtRunTime.join('; ')}`);
    if (outcome.failed.size > 0) throw new Error(`A bare but correct adapter must not fail: ${[...outcome.failed.keys()].join('; ')}`);
  });

  test('an adapter with only part of the blob methods fails instead of skipping', async () => {
    const partial = (): StorageAdapter => {
      const inner = createMemoryStorage();
      return { name: 'half-blobs', get: inner.get, query: inner.query, put: inner.put, delete: inner.delete, putBlob: inner.putBlob!, getBlob: inner.getBlob! };
    };
    const outcome = await runWholeSuite({ createAdapter: partial });
    const blobFailures = [...outcome.failed.entries()].filter(([name]) => name.startsWith('blobs:'));
    if (blobFailures.length !== 3 || !blobFailures.every(([, message]) => message.includes('all or nothing'))) {
      throw new Error(`Expected the 3 blob cases to fail with "all or nothing", got: ${JSON.stringify(blobFailures)}`);
    }
  });
});
