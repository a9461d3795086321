/**
 * Records over HTTP: reading one record or a collection (with the writes still queued applied on top,
 * so a reader sees what the server will hold once they are replayed), sending one write with its
 * revision as `If-Match`/`If-None-Match` and its `Idempotency-Key`, and the `put`/`delete` methods
 * that check their input and hand the write to the write path (`offline-queue.ts`).
 */
import {
  assertCollectionName,
  assertDeleteOptions,
  assertPutOptions,
  assertRecordId,
  assertStorableRecord,
  assertWhereClause,
  matchesWhere,
  type DeleteOptions,
  type PutOptions,
  type RecordInput,
  type StoredRecord,
} from '@mentorkit/core';
import { jsonCopy, randomKey, recordKeyOf, recordPath, utf8LengthOver } from './encoding.js';
import { TransportFailure, errorFromResponse, recordTooLarge } from './errors.js';
import { discardBody, type HttpClient, type Safety } from './http.js';
import type { PendingWrite } from './options.js';
import { learnRevision, type RestStorageState } from './state.js';

export interface RecordRequests {
  /** Sends one write; resolves to the stored record (put) or whether something was deleted. Rejects with MentorKitError or TransportFailure. */
  send(write: PendingWrite, attempts?: number): Promise<StoredRecord | boolean>;
  get(collection: string, id: string): Promise<StoredRecord | undefined>;
  query(collection: string, where?: Record<string, string | number | boolean>): Promise<StoredRecord[]>;
}

export function createRecordRequests(http: HttpClient, state: RestStorageState, maxRecordBytes: number): RecordRequests {
  const { request, requestOrStorageError } = http;
  const { knownRevisions, queue } = state;

  const send: RecordRequests['send'] = async (write, attempts) => {
    const conditional = write.expectedRevision !== undefined;
    const headers: Record<string, string> = { 'Idempotency-Key': write.key };
    if (typeof write.expectedRevision === 'number') headers['If-Match'] = `"${write.expectedRevision}"`;
    if (write.expectedRevision === null) headers['If-None-Match'] = '*';
    const safety: Safety = conditional ? 'conditional-write' : 'unconditional-write';
    if (write.kind === 'put') {
      headers['Content-Type'] = 'application/json';
      const body = JSON.stringify(write.record);
      const oversize = utf8LengthOver(body, maxRecordBytes);
      let response: Response;
      try {
        response = await request('PUT', recordPath(write.collection, write.id), {
          body,
          headers,
          safety,
          ...(oversize !== undefined ? { attempts: 1 } : attempts === undefined ? {} : { attempts }),
        });
      } catch (error) {
        // A body over the limit whose sending failed: the server cut it off (no 413 answer). Repeating it cannot help.
        if (oversize !== undefined && error instanceof TransportFailure && error.mayHaveApplied)
          throw recordTooLarge(write.collection, write.id, oversize, maxRecordBytes, error.message);
        throw error;
      }
      if (!response.ok) throw await errorFromResponse(response);
      const stored = (await response.json()) as StoredRecord;
      learnRevision(state, write.collection, stored);
      return stored;
    }
    const response = await request('DELETE', recordPath(write.collection, write.id), { headers, safety, ...(attempts === undefined ? {} : { attempts }) });
    if (response.status === 404) {
      const error = await errorFromResponse(response);
      if (error.code !== 'not-found') throw error;
      knownRevisions.delete(recordKeyOf(write.collection, write.id));
      return false;
    }
    if (!response.ok) throw await errorFromResponse(response);
    await discardBody(response);
    knownRevisions.set(recordKeyOf(write.collection, write.id), 0);
    return true;
  };

  /** Pending writes of one record, applied to what the server returned. */
  const overlay = (collection: string, id: string, fromServer: StoredRecord | undefined): StoredRecord | undefined => {
    let current = fromServer;
    for (const pending of queue) {
      if (pending.collection !== collection || pending.id !== id) continue;
      current =
        pending.kind === 'delete'
          ? undefined
          : ({ ...jsonCopy(pending.record!), id, revision: (current?.revision ?? 0) + 1, updatedAt: pending.queuedAt } as StoredRecord);
    }
    return current;
  };

  const get: RecordRequests['get'] = async (collection, id) => {
    assertCollectionName(collection);
    assertRecordId(id);
    const response = await requestOrStorageError('GET', recordPath(collection, id), { safety: 'read' }, `Reading ${collection}/${id} failed`);
    if (response.status === 404) {
      const error = await errorFromResponse(response);
      if (error.code !== 'not-found') throw error;
      return overlay(collection, id, undefined);
    }
    if (!response.ok) throw await errorFromResponse(response);
    const record = (await response.json()) as StoredRecord;
    learnRevision(state, collection, record);
    return overlay(collection, id, record);
  };

  const query: RecordRequests['query'] = async (collection, where) => {
    assertCollectionName(collection);
    assertWhereClause(where);
    const search = Object.entries(where ?? {})
      .map(([field, value]) => `${encodeURIComponent(field)}=${encodeURIComponent(JSON.stringify(value))}`)
      .join('&');
    const response = await requestOrStorageError(
      'GET',
      `/collections/${encodeURIComponent(collection)}/records${search ? `?${search}` : ''}`,
      { safety: 'read' },
      `Querying ${collection} failed`,
    );
    if (!response.ok) throw await errorFromResponse(response);
    const { records } = (await response.json()) as { records: StoredRecord[] };
    for (const record of records) learnRevision(state, collection, record);
    if (search === '') state.readWhole.add(collection);
    if (!queue.some((pending) => pending.collection === collection)) return records;
    // Writes still queued: answer what the server will hold once they are replayed.
    const ids = new Set(records.map((record) => record.id));
    for (const pending of queue) if (pending.collection === collection) ids.add(pending.id);
    const result: StoredRecord[] = [];
    for (const id of ids) {
      const current = overlay(
        collection,
        id,
        records.find((record) => record.id === id),
      );
      if (current && matchesWhere(current, where)) result.push(current);
    }
    return result.sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
  };

  return { send, get, query };
}

/** `put` and `delete`: check the input, then hand the write to `write` (the server, or the offline queue). */
export function createRecordWriteMethods(maxRecordBytes: number, write: (pending: PendingWrite) => Promise<StoredRecord | boolean>) {
  return {
    async put(collection: string, record: RecordInput, putOptions?: PutOptions): Promise<StoredRecord> {
      assertCollectionName(collection);
      assertStorableRecord(record);
      assertPutOptions(putOptions);
      const json = JSON.stringify(record);
      const oversize = utf8LengthOver(json, maxRecordBytes);
      if (oversize !== undefined) throw recordTooLarge(collection, record.id, oversize, maxRecordBytes);
      const pending: PendingWrite = {
        key: randomKey(),
        kind: 'put',
        collection,
        id: record.id,
        record: JSON.parse(json) as RecordInput,
        queuedAt: new Date().toISOString(),
      };
      if (putOptions?.expectedRevision !== undefined) pending.expectedRevision = putOptions.expectedRevision;
      return (await write(pending)) as StoredRecord;
    },

    async delete(collection: string, id: string, deleteOptions?: DeleteOptions): Promise<boolean> {
      assertCollectionName(collection);
      assertRecordId(id);
      assertDeleteOptions(deleteOptions);
      const pending: PendingWrite = { key: randomKey(), kind: 'delete', collection, id, queuedAt: new Date().toISOString() };
      if (deleteOptions?.expectedRevision !== undefined) pending.expectedRevision = deleteOptions.expectedRevision;
      return (await write(pending)) as boolean;
    },
  };
}
