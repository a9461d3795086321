/**
 * For the server tests that go through `@mentorkit/storage-rest` (what a browser would use): adapters
 * signed in as a person, and the MentorKitError a call is refused with.
 */
import assert from 'node:assert/strict';
import { isMentorKitError, type MentorKitError } from '@mentorkit/core';
import { createRestStorage, type RestStorage } from '@mentorkit/storage-rest';
import { as, type TestBackend } from './support.js';

/** The error `promise` rejects with; fails when it resolves or rejects with something that is not a MentorKitError. */
export async function refusal(promise: Promise<unknown>): Promise<MentorKitError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isMentorKitError(error), `a MentorKitError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a refusal');
}

/**
 * REST adapters against the backend `backend()` returns (read when an adapter is made, so it may be
 * started in `before`), each signed in as one person, without retries or a change stream.
 * `disposeAll()` closes every adapter made.
 */
export function restAdapters(backend: () => TestBackend): { as(personId: string): RestStorage; disposeAll(): Promise<void> } {
  const adapters: RestStorage[] = [];
  return {
    as(personId) {
      const adapter = createRestStorage({ baseUrl: backend().url, headers: as(personId), retry: false, watch: false });
      adapters.push(adapter);
      return adapter;
    },
    async disposeAll() {
      await Promise.all(adapters.map((adapter) => adapter.dispose()));
    },
  };
}
