/**
 * Storage conformance cases — Blobs (optional): putBlob/getBlob/deleteBlob round-trip bytes and type,
 * refuse bad input, survive a reopen. Part of the suite assembled in `index.ts`; the rules are
 * DESIGN.md's "The storage adapter contract".
 */
import { check, checkEqual, checkRefused, formatValue } from '../assertions.js';
import { requireBlobs } from './checks.js';
import type { CaseDefinition } from './session.js';

export const blobCases: CaseDefinition[] = [
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
      await checkBlob(
        await adapter.getBlob('note'),
        new TextEncoder().encode('second version'),
        'text/markdown',
        'putBlob with an existing id must replace the blob',
      );
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
        await checkRefused(
          () => adapter.putBlob('voice-1', value as Blob),
          'invalid-input',
          `putBlob with ${formatValue(value)} must be refused with "invalid-input" (only Blob values)`,
        );
      }
      check((await adapter.getBlob('voice-1')) === undefined, 'A refused putBlob must store nothing.');
      for (const id of ['', 42, null, 'x'.repeat(201)] as unknown[]) {
        await checkRefused(
          () => adapter.putBlob(id as string, new Blob(['x'])),
          'invalid-input',
          `putBlob with the id ${formatValue(id)} must be refused with "invalid-input"`,
        );
        await checkRefused(() => adapter.getBlob(id as string), 'invalid-input', `getBlob with the id ${formatValue(id)} must be refused with "invalid-input"`);
        await checkRefused(
          () => adapter.deleteBlob(id as string),
          'invalid-input',
          `deleteBlob with the id ${formatValue(id)} must be refused with "invalid-input"`,
        );
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

async function checkBlob(actual: Blob | undefined, expectedBytes: Uint8Array, expectedType: string, rule: string): Promise<void> {
  check(actual !== undefined && actual !== null && typeof (actual as Blob).arrayBuffer === 'function', `${rule}: expected a Blob, got ${formatValue(actual)}.`);
  check(actual.type === expectedType, `${rule}: expected the type ${JSON.stringify(expectedType)}, got ${JSON.stringify(actual.type)}.`);
  check(actual.size === expectedBytes.length, `${rule}: expected ${expectedBytes.length} bytes, got ${actual.size}.`);
  const actualBytes = new Uint8Array(await actual.arrayBuffer());
  const firstDifference = actualBytes.findIndex((byte, index) => byte !== expectedBytes[index]);
  check(firstDifference === -1, `${rule}: byte ${firstDifference} differs (expected ${expectedBytes[firstDifference]}, got ${actualBytes[firstDifference]}).`);
}
