/**
 * Checks and sample data shared by the rule groups: optional-capability guards (watch, blobs), stored
 * record and conflict checks, and the hostile and deeply nested sample record.
 */
import type { RecordInput, StorageAdapter, StoredRecord } from '../../storage/adapter.js';
import { isMentorKitError } from '../../model/errors.js';
import { check, checkEqual, describeError, failConformance, formatValue } from '../assertions.js';
import { CaseNotApplicable } from './session.js';

export const hasWatch = (adapter: StorageAdapter): adapter is StorageAdapter & Required<Pick<StorageAdapter, 'watch'>> => typeof adapter.watch === 'function';

export function requireWatch(adapter: StorageAdapter): asserts adapter is StorageAdapter & Required<Pick<StorageAdapter, 'watch'>> {
  if (!hasWatch(adapter)) throw new CaseNotApplicable('the adapter has no watch() (optional)');
}

export type BlobAdapter = StorageAdapter & Required<Pick<StorageAdapter, 'putBlob' | 'getBlob' | 'deleteBlob'>>;

export function requireBlobs(adapter: StorageAdapter): asserts adapter is BlobAdapter {
  const present = (['putBlob', 'getBlob', 'deleteBlob'] as const).filter((method) => typeof adapter[method] === 'function');
  if (present.length === 0) throw new CaseNotApplicable('the adapter has no blob support (putBlob/getBlob/deleteBlob are optional)');
  check(
    present.length === 3,
    `Blob support is all or nothing: the adapter has ${present.join(', ')} but not ${(['putBlob', 'getBlob', 'deleteBlob'] as const).filter((method) => !present.includes(method)).join(', ')}.`,
  );
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function checkIsoInstant(value: unknown, rule: string): void {
  check(
    typeof value === 'string' && ISO_INSTANT.test(value) && Number.isFinite(Date.parse(value)),
    `${rule}: \`updatedAt\` must be an ISO 8601 instant such as 2025-03-01T09:30:00.000Z (got ${formatValue(value)}).`,
  );
}

/** The record without `revision` and `updatedAt`. */
export function dataOf(record: StoredRecord): Record<string, unknown> {
  const { revision: _revision, updatedAt: _updatedAt, ...data } = record;
  return data;
}

/**
 * Checks that `actual` is a stored record holding exactly `expectedData` (plus `revision` and
 * `updatedAt`) at `expectedRevision`.
 */
export function checkStoredRecord(
  actual: StoredRecord | undefined,
  expectedData: Record<string, unknown>,
  expectedRevision: number,
  rule: string,
): asserts actual is StoredRecord {
  check(typeof actual === 'object' && actual !== null, `${rule}: expected a stored record, got ${formatValue(actual)}.`);
  check(actual.revision === expectedRevision, `${rule}: expected revision ${expectedRevision}, got ${formatValue(actual.revision)}.`);
  checkIsoInstant(actual.updatedAt, rule);
  checkEqual(dataOf(actual), expectedData, `${rule}: the stored data differs from what was written.`, 'record');
}

/** Checks that a settled write was refused with `conflict`. */
export function checkConflict(result: PromiseSettledResult<unknown>, rule: string): void {
  if (result.status === 'fulfilled')
    failConformance(`${rule}: the write succeeded (returned ${formatValue(result.value)}) but should have been refused with "conflict".`);
  check(isMentorKitError(result.reason, 'conflict'), `${rule}: expected a MentorKitError with code "conflict", got ${describeError(result.reason)}.`);
}

export const collectionIsEmpty = async (adapter: StorageAdapter, collection: string, rule: string): Promise<void> => {
  const records = await adapter.query(collection);
  check(Array.isArray(records) && records.length === 0, `${rule}: nothing may be written, but ${collection} now holds ${formatValue(records)}.`);
};

export const HOSTILE_TEXT = `<img src=x onerror="alert('mk')"><script>alert(1)</script></textarea>"'\`\\ \${injection} {{template}} <!-- --> &amp; &lt;`;

/** A record exercising every kind of JSON value. */
export function nestedSampleRecord(): RecordInput {
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
    numbers: {
      zero: 0,
      one: 1,
      negative: -42,
      fraction: 0.1 + 0.2,
      large: 1e308,
      tiny: 5e-324,
      maxSafe: Number.MAX_SAFE_INTEGER,
      minSafe: Number.MIN_SAFE_INTEGER,
      exponent: -1.5e-7,
    },
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

export const copyJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
