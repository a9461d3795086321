// What storage-rest's suites against the real server share: one backend on PostgreSQL for the file,
// started fresh for each test (a test may have cut its HTTP side), and adapters that are disposed after
// each test so none goes on replaying into the next.
import { after, afterEach, before, beforeEach } from 'node:test';
import { createRestStorage, type RestStorage, type RestStorageOptions } from '@mentorkit/storage-rest';
import { createPostgresStorage } from '@mentorkit/server';
import { asService, startTestBackend, type TestBackend } from '../../server/test/support.js';

export interface RestBackendHandle {
  /** The backend, once `before` ran. */
  readonly backend: TestBackend;
  /** An adapter signed in as the service, quick retries, no change stream (override any option). */
  open(options?: Partial<RestStorageOptions>): RestStorage;
  /** What the database really holds, read without the adapter under test. */
  database(): ReturnType<typeof createPostgresStorage>;
}

/** Registers the hooks and returns the handle; call it inside the suite's `describe`. */
export function useRestBackend(): RestBackendHandle {
  let backend: TestBackend | undefined;
  const adapters: RestStorage[] = [];
  before(async () => {
    backend = await startTestBackend();
  });
  after(async () => {
    await backend?.close();
  });
  beforeEach(async () => {
    await backend!.startHttp();
    await backend!.reset();
  });
  afterEach(async () => {
    for (const adapter of adapters.splice(0)) await adapter.dispose();
  });
  return {
    get backend() {
      return backend!;
    },
    open(options = {}) {
      const adapter = createRestStorage({
        baseUrl: backend!.url,
        headers: asService,
        retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 50 },
        watch: false,
        ...options,
      });
      adapters.push(adapter);
      return adapter;
    },
    database: () => createPostgresStorage(backend!.pool),
  };
}
