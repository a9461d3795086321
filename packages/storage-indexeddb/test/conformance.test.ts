import { expect } from '@open-wc/testing';
import { storageConformanceCases } from '@mentorkit/core/testing';
import { indexedDbConformanceOptions } from './helpers.js';

describe('IndexedDB storage: the storage conformance suite', () => {
  const cases = storageConformanceCases(indexedDbConformanceOptions());

  it('applies every case (reopen and second-instance cases included)', () => {
    expect(cases.filter((conformanceCase) => conformanceCase.skip !== undefined).map((conformanceCase) => conformanceCase.name)).to.deep.equal([]);
  });

  for (const conformanceCase of cases) {
    it(conformanceCase.name, async function () {
      // Optional capabilities the adapter claims (watch, blobs) must never be skipped here.
      await conformanceCase.run({ skip: (reason) => expect.fail(`The IndexedDB adapter must support this case, but it skipped: ${reason}`) });
    });
  }
});
