import { isMentorKitError, type ErrorCode, type MentorKitError } from '../model/errors.js';

/**
 * The error a conformance case throws when an adapter breaks a rule. Framework-agnostic: node:test,
 * mocha, vitest and jest all report any thrown error as a failure, so no assertion library is needed.
 */
export class ConformanceFailure extends Error {
  override readonly name = 'ConformanceFailure';
}

/** Throws a `ConformanceFailure` with `message`. */
export function failConformance(message: string, cause?: unknown): never {
  throw new ConformanceFailure(message, cause === undefined ? undefined : { cause });
}

/** Throws a `ConformanceFailure` with `message` unless `condition` is truthy. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) failConformance(message);
}

/**
 * Throws unless `actual` and `expected` are structurally equal (see `findDifference`).
 * The message says where they differ and shows both values.
 */
export function checkEqual(actual: unknown, expected: unknown, message: string, path = 'value'): void {
  const difference = findDifference(actual, expected, path);
  if (difference !== undefined) failConformance(`${message}\n  ${difference}\n  expected: ${formatValue(expected)}\n  actual:   ${formatValue(actual)}`);
}

/**
 * Runs `action` and checks that it is refused with a `MentorKitError` of `code` (checked with
 * `isMentorKitError`, so errors from another bundle copy count). A synchronous throw counts as a
 * refusal too. Returns the error for further checks.
 */
export async function checkRefused(action: () => unknown, code: ErrorCode, message: string): Promise<MentorKitError> {
  let outcome: { settled: 'fulfilled'; value: unknown } | { settled: 'rejected'; error: unknown };
  try {
    outcome = { settled: 'fulfilled', value: await action() };
  } catch (error) {
    outcome = { settled: 'rejected', error };
  }
  if (outcome.settled === 'fulfilled') {
    failConformance(`${message}\n  expected a MentorKitError with code "${code}", but the call succeeded and returned ${formatValue(outcome.value)}`);
  }
  if (!isMentorKitError(outcome.error, code)) {
    failConformance(`${message}\n  expected a MentorKitError with code "${code}", got ${describeError(outcome.error)}`, outcome.error);
  }
  return outcome.error;
}

/** A one-line description of a thrown value, for failure messages. */
export function describeError(error: unknown): string {
  if (isMentorKitError(error)) return `MentorKitError code "${error.code}": ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `a thrown ${formatValue(error)}`;
}

/**
 * Where `actual` differs from `expected`, or `undefined` when they are equal. Equality is structural
 * and strict: numbers by `Object.is` (so `-0` differs from `0`), the same own enumerable keys in any
 * order, arrays of the same length, plain objects only compared with plain objects.
 */
export function findDifference(actual: unknown, expected: unknown, path = 'value'): string | undefined {
  if (typeof expected !== 'object' || expected === null || typeof actual !== 'object' || actual === null) {
    return Object.is(actual, expected) ? undefined : `at ${path}: expected ${formatValue(expected)}, got ${formatValue(actual)}`;
  }
  if (Array.isArray(expected) !== Array.isArray(actual)) {
    return `at ${path}: expected ${Array.isArray(expected) ? 'an array' : 'an object'}, got ${formatValue(actual)}`;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return `at ${path}: expected ${expected.length} items, got ${actual.length}`;
    for (let index = 0; index < expected.length; index++) {
      const difference = findDifference(actual[index], expected[index], `${path}[${index}]`);
      if (difference !== undefined) return difference;
    }
    return undefined;
  }
  const actualPrototype = Object.getPrototypeOf(actual) as unknown;
  if (actualPrototype !== Object.prototype && actualPrototype !== null) {
    return `at ${path}: expected a plain object, got ${formatValue(actual)}`;
  }
  const expectedKeys = Object.keys(expected).sort();
  const actualKeys = Object.keys(actual).sort();
  const missing = expectedKeys.filter((key) => !Object.prototype.hasOwnProperty.call(actual, key));
  if (missing.length > 0) return `at ${path}: missing key(s) ${missing.map((key) => JSON.stringify(key)).join(', ')}`;
  const extra = actualKeys.filter((key) => !Object.prototype.hasOwnProperty.call(expected, key));
  if (extra.length > 0) return `at ${path}: unexpected key(s) ${extra.map((key) => JSON.stringify(key)).join(', ')}`;
  for (const key of expectedKeys) {
    const difference = findDifference((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
    if (difference !== undefined) return difference;
  }
  return undefined;
}

/** A short, JSON-like rendering of any value that also shows -0, undefined, NaN, bigints, functions and class instances. */
export function formatValue(value: unknown, limit = 400): string {
  const seen = new Set<object>();
  const render = (current: unknown, depth: number): string => {
    switch (typeof current) {
      case 'string':
        return JSON.stringify(current.length > 80 ? `${current.slice(0, 80)}…` : current);
      case 'number':
        return Object.is(current, -0) ? '-0' : String(current);
      case 'bigint':
        return `${current}n`;
      case 'boolean':
      case 'undefined':
        return String(current);
      case 'symbol':
        return current.toString();
      case 'function':
        return `[function ${current.name || 'anonymous'}]`;
      default: {
        if (current === null) return 'null';
        const object = current as object;
        if (seen.has(object)) return '[cycle]';
        if (depth > 6) return '[…]';
        seen.add(object);
        try {
          if (Array.isArray(object)) return `[${object.map((item) => render(item, depth + 1)).join(', ')}]`;
          const prototype = Object.getPrototypeOf(object) as { constructor?: { name?: string } } | null;
          if (prototype !== Object.prototype && prototype !== null) return `[${prototype.constructor?.name ?? 'object'}]`;
          const entries = Object.entries(object).map(([key, entry]) => `${JSON.stringify(key)}: ${render(entry, depth + 1)}`);
          return `{${entries.join(', ')}}`;
        } finally {
          seen.delete(object);
        }
      }
    }
  };
  const text = render(value, 0);
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/** Resolves after `milliseconds`. */
export function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/**
 * Polls `condition` every few milliseconds until it is true; fails with `message` after `timeoutMilliseconds`.
 * For asynchronous effects such as watch events.
 */
export async function waitUntil(condition: () => boolean, timeoutMilliseconds: number, message: string): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  while (!condition()) {
    if (Date.now() > deadline) failConformance(`${message} (waited ${timeoutMilliseconds} ms)`);
    await pause(5);
  }
}
