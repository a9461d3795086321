/** Attachments (voice notes) in the blobs store: they survive a reopen and are shared between instances. */
import { expect } from '@open-wc/testing';
import { createIndexedDbStorage } from '@mentorkit/storage-indexeddb';
import { deleteDatabase, uniqueDatabaseName } from './helpers.js';

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += 65536) crypto.getRandomValues(bytes.subarray(offset, Math.min(length, offset + 65536)));
  return bytes;
}

async function bytesOf(blob: Blob | undefined): Promise<Uint8Array> {
  expect(blob, 'expected a blob').to.be.instanceOf(Blob);
  return new Uint8Array(await blob!.arrayBuffer());
}

describe('IndexedDB storage: blobs', () => {
  it('a reopened adapter keeps blobs (bytes and type), and records beside them', async () => {
    const name = uniqueDatabaseName('blobs-reopen');
    const voiceNote = randomBytes(1_000_000);
    let storage = createIndexedDbStorage({ databaseName: name });
    try {
      const info = await storage.putBlob('voice-note-1', new Blob([voiceNote], { type: 'audio/webm;codecs=opus' }));
      expect(info).to.deep.equal({ id: 'voice-note-1', size: 1_000_000, type: 'audio/webm;codecs=opus' });
      await storage.put('messages', { id: 'msg-1', kind: 'voice', attachmentId: 'voice-note-1' });
      await storage.dispose();

      storage = createIndexedDbStorage({ databaseName: name });
      const message = await storage.get('messages', 'msg-1');
      expect(message?.attachmentId).to.equal('voice-note-1');
      const restored = await storage.getBlob('voice-note-1');
      expect(restored?.type).to.equal('audio/webm;codecs=opus');
      expect(restored?.size).to.equal(1_000_000);
      const restoredBytes = await bytesOf(restored);
      expect(
        restoredBytes.every((byte, index) => byte === voiceNote[index]),
        'every byte must survive the reopen',
      ).to.equal(true);
    } finally {
      await storage.dispose();
      await deleteDatabase(name);
    }
  });

  it('a blob written by one instance is read and deleted by another', async () => {
    const name = uniqueDatabaseName('blobs-shared');
    const first = createIndexedDbStorage({ databaseName: name });
    const second = createIndexedDbStorage({ databaseName: name });
    try {
      await first.putBlob('file-1', new Blob(['shared notes'], { type: 'text/plain' }));
      expect(new TextDecoder().decode(await bytesOf(await second.getBlob('file-1')))).to.equal('shared notes');
      expect(await second.deleteBlob('file-1')).to.equal(true);
      expect(await first.getBlob('file-1')).to.equal(undefined);
    } finally {
      await first.dispose();
      await second.dispose();
      await deleteDatabase(name);
    }
  });
});
