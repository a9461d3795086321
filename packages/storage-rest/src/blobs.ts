/**
 * Attachments (voice notes and the like) over HTTP: `PUT`, `GET` and `DELETE /blobs/<id>`. Uploads and
 * deletes carry an `Idempotency-Key` and are never repeated when their outcome is unknown.
 */
import { MentorKitError, assertRecordId, type BlobInfo } from '@mentorkit/core';
import { encodeIdSegment, randomKey } from './encoding.js';
import { errorFromResponse } from './errors.js';
import { discardBody, type HttpClient } from './http.js';

export function createBlobMethods(http: HttpClient) {
  const { requestOrStorageError } = http;
  return {
    async putBlob(id: string, blob: Blob): Promise<BlobInfo> {
      assertRecordId(id);
      if (typeof Blob === 'undefined' || !(blob instanceof Blob))
        throw new MentorKitError('invalid-input', '`blob` must be a Blob (e.g. a recorded voice note).', { path: 'blob' });
      const response = await requestOrStorageError(
        'PUT',
        `/blobs/${encodeIdSegment(id)}`,
        { body: blob, headers: { 'Idempotency-Key': randomKey(), ...(blob.type ? { 'Content-Type': blob.type } : {}) }, safety: 'unconditional-write' },
        `Uploading attachment ${id} failed`,
      );
      if (!response.ok) throw await errorFromResponse(response);
      await discardBody(response);
      return { id, size: blob.size, type: blob.type };
    },

    async getBlob(id: string): Promise<Blob | undefined> {
      assertRecordId(id);
      const response = await requestOrStorageError('GET', `/blobs/${encodeIdSegment(id)}`, { safety: 'read' }, `Downloading attachment ${id} failed`);
      if (response.status === 404) {
        await discardBody(response);
        return undefined;
      }
      if (!response.ok) throw await errorFromResponse(response);
      return new Blob([await response.arrayBuffer()], { type: response.headers.get('content-type') ?? '' });
    },

    async deleteBlob(id: string): Promise<boolean> {
      assertRecordId(id);
      const response = await requestOrStorageError(
        'DELETE',
        `/blobs/${encodeIdSegment(id)}`,
        { headers: { 'Idempotency-Key': randomKey() }, safety: 'unconditional-write' },
        `Deleting attachment ${id} failed`,
      );
      if (response.status === 404) {
        await discardBody(response);
        return false;
      }
      if (!response.ok) throw await errorFromResponse(response);
      await discardBody(response);
      return true;
    },
  };
}
