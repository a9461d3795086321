/** Options, environment checks and lifecycle of createIndexedDbStorage. */
import { expect } from '@open-wc/testing';
import { isMentorKitError } from '@mentorkit/core/model';
import { createIndexedDbStorage } from '@mentorkit/storage-indexeddb';
import { deleteDatabase, uniqueDatabaseName } from './helpers.js';

async function rejection(action: () => unknown): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

async function databaseExists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((database) => database.name === name);
}

describe('IndexedDB storage: options and lifecycle', () => {
  it('has documented defaults and does not open the database until first use', async () => {
    const storage = createIndexedDbStorage();
    expect(storage.name).to.equal('indexeddb');
    expect(storage.databaseName).to.equal('mentorkit');
    expect(storage.channelName).to.equal('mentorkit:mentorkit');
    await storage.dispose();
    expect(await databaseExists('mentorkit'), 'creating and disposing an adapter must not create the database').to.equal(false);
    const named = createIndexedDbStorage({ databaseName: 'x', name: 'local', channelName: 'sync' });
    expect([named.name, named.databaseName, named.channelName]).to.deep.equal(['local', 'x', 'sync']);
    await named.dispose();
  });

  it('refuses bad options with invalid-input', () => {
    for (const options of [{ databaseName: '' }, { databaseName: 42 }, { name: '' }, { channelName: '' }, { channelName: 7 }, { now: 'today' }, 'mentorkit']) {
      let failure: unknown;
      try {
        createIndexedDbStorage(options as never);
      } catch (error) {
        failure = error;
      }
      expect(isMentorKitError(failure, 'invalid-input'), `options ${JSON.stringify(options)}: ${String(failure)}`).to.equal(true);
    }
  });

  it('throws unsupported, telling the host to pass another adapter, when IndexedDB is missing', () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
    expect(descriptor, 'indexedDB is an own property of the window').to.not.equal(undefined);
    Object.defineProperty(globalThis, 'indexedDB', { configurable: true, get: () => undefined });
    let failure: unknown;
    try {
      createIndexedDbStorage({ databaseName: uniqueDatabaseName('unsupported') });
    } catch (error) {
      failure = error;
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', descriptor!);
    }
    expect(isMentorKitError(failure, 'unsupported'), String(failure)).to.equal(true);
    expect((failure as Error).message).to.contain('Pass another storage adapter');
  });

  it('throws unsupported when the browser refuses access to IndexedDB', () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
    Object.defineProperty(globalThis, 'indexedDB', {
      configurable: true,
      get: () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    });
    let failure: unknown;
    try {
      createIndexedDbStorage({ databaseName: uniqueDatabaseName('refused') });
    } catch (error) {
      failure = error;
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', descriptor!);
    }
    expect(isMentorKitError(failure, 'unsupported'), String(failure)).to.equal(true);
  });

  it('refuses values structured clone would accept before it opens anything', async () => {
    const name = uniqueDatabaseName('refuse-before-open');
    const storage = createIndexedDbStorage({ databaseName: name });
    try {
      for (const record of [
        { id: 'g1', due: new Date() },
        { id: 'g1', lookup: new Map() },
        { id: 'g1', bytes: new Uint8Array(1) },
        { id: 'g1', score: Number.NaN },
      ]) {
        expect(isMentorKitError(await rejection(() => storage.put('goals', record)), 'invalid-input')).to.equal(true);
      }
      expect(await databaseExists(name), 'refused writes must not even open the database').to.equal(false);
    } finally {
      await storage.dispose();
      await deleteDatabase(name);
    }
  });

  it('after dispose, every operation fails with storage-error; dispose is idempotent', async () => {
    const name = uniqueDatabaseName('disposed');
    const storage = createIndexedDbStorage({ databaseName: name });
    await storage.put('goals', { id: 'g1' });
    await storage.dispose();
    await storage.dispose();
    for (const action of [
      () => storage.get('goals', 'g1'),
      () => storage.query('goals'),
      () => storage.put('goals', { id: 'g2' }),
      () => storage.delete('goals', 'g1'),
      () => storage.getBlob('b1'),
      () => storage.watch(() => undefined),
    ]) {
      const failure = await rejection(action);
      expect(isMentorKitError(failure, 'storage-error'), String(failure)).to.equal(true);
      expect((failure as Error).message).to.contain('disposed');
    }
    const reopened = createIndexedDbStorage({ databaseName: name });
    expect((await reopened.get('goals', 'g1'))?.revision).to.equal(1);
    await reopened.dispose();
    await deleteDatabase(name);
  });

  it('uses the injected clock for updatedAt', async () => {
    const name = uniqueDatabaseName('clock');
    const storage = createIndexedDbStorage({ databaseName: name, now: () => new Date('2030-01-02T03:04:05.000Z') });
    try {
      expect((await storage.put('goals', { id: 'g1' })).updatedAt).to.equal('2030-01-02T03:04:05.000Z');
    } finally {
      await storage.dispose();
      await deleteDatabase(name);
    }
  });
});
