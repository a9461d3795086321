// The storage conformance suite against the REST adapter talking to the reference backend
// (examples/rest-backend) on a real PostgreSQL, as a trusted service (no policy: the raw contract).
import { after, before, describe, test } from 'node:test';
import { storageConformanceCases } from '@mentorkit/core/testing';
import { createRestStorage, type RestStorage } from '@mentorkit/storage-rest';
import { asService, skipReason, startTestBackend, type TestBackend } from '../../server/test/support.js';

const skip = skipReason();

describe('REST storage: the conformance suite against the PostgreSQL reference backend', { skip: skip ?? false }, () => {
  let backend: TestBackend;
  before(async () => {
    backend = await startTestBackend();
  });
  after(async () => {
    await backend?.close();
  });

  const open = async (): Promise<RestStorage> => {
    const storage = createRestStorage({ baseUrl: backend.url, headers: asService, retry: { attempts: 2, baseDelayMs: 20 } });
    await storage.watching();
    return storage;
  };

  const cases = storageConformanceCases({
    async createAdapter() {
      await backend.reset();
      return open();
    },
    async reopen(previous) {
      await previous.dispose?.();
      return open();
    },
    openSecondInstance: () => open(),
  });
  for (const conformanceCase of cases) {
    test(conformanceCase.name, { skip: conformanceCase.skip ?? false }, (t) => conformanceCase.run({ skip: (reason) => t.skip(reason) }));
  }
});
