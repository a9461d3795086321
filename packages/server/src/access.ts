import type { Pool, PoolClient } from 'pg';
import {
  MentorKitError,
  attachmentFields,
  collectionPolicy,
  createPolicyContext,
  decide,
  idsReusable,
  isProgramAdmin,
  matchesWhere,
  mayReadAttachment,
  policyNeeds,
  prepareRecord,
  revisionConflict,
  type PolicyAction,
  type PolicyContext,
  type PolicyPairing,
  type PolicyPerson,
  type PolicyProgram,
  type PolicyRecord,
  type RecordInput,
  type StoredRecord,
} from '@mentorkit/core';
import type { Caller } from './identity.js';
import { HttpError } from './input.js';
import { getBlobOwner, queryRecords, type CurrentRow } from './store.js';

/**
 * Access decisions of the server: who may read and write what. The rules are core's policy — one
 * declarative description per collection, the same the browser runs (`decide`) — over a
 * `PolicyContext` read from the database; this file adds what only a server can know: what is
 * stored (deleted ids, records hidden from the caller, who uploaded an attachment).
 *
 * - A record the caller may not read answers exactly like one that does not exist: 404 on read and
 *   delete; a write to its id is judged as the create it would be at a free id (same refusal and
 *   reason), and only when that create would be allowed does it answer 412 "this id is taken" — the
 *   one thing a person can learn, and only about ids they could have used themselves.
 * - Stored records are the validated record (`prepareRecord`: the collection's schema, unknown
 *   fields dropped) plus `createdAt` (kept from the first write) and `updatedBy` (the caller).
 * - Ids of deleted pairings and programmes are never used again (`idsReusable`).
 * - Attachments are read through the records that reference them (`mayReadAttachment`).
 */

type Queryable = Pool | PoolClient;
export type Need = { collection: string; where: Record<string, string | number | boolean> };

/** The rows every policy decision reads: pairings, programmes and people (well-formed ones only). */
export interface PolicyBase {
  pairings: PolicyPairing[];
  programs: PolicyProgram[];
  people: PolicyPerson[];
  /** Their indexes, built once per version of these rows (without `now` and `find`). */
  context?: PolicyContext;
}

/**
 * The policy base of each database, by the version of its pairings, programmes and people: a trigger
 * on mk_records counts every change to them (whoever writes: any instance, a service, SQL), in the
 * writing transaction, so a request reads one small row instead of every pairing, programme and
 * person — and reads them all again only after one changed.
 */
const cachedBases = new Map<string, { version: string; base: Promise<PolicyBase> }>();

/** Reads the pairings, programmes and people the policy decides with (from the cache while none changed). */
export async function loadPolicyBase(client: Queryable): Promise<PolicyBase> {
  const { rows } = await client.query<{ n: string; database_id: string }>('SELECT n, database_id FROM mk_policy_version');
  const version = rows[0];
  if (!version) return readPolicyBase(client);
  const cached = cachedBases.get(version.database_id);
  if (cached && cached.version === version.n) return cached.base;
  // Read after the version: a change committed in between is in what is read, and the next request
  // sees a newer version and reads again (never the other way round).
  const base = readPolicyBase(client).then((read) => ({ ...read, context: createPolicyContext(read) }));
  cachedBases.set(version.database_id, { version: version.n, base });
  base.catch(() => {
    if (cachedBases.get(version.database_id)?.base === base) cachedBases.delete(version.database_id);
  });
  return base;
}

async function readPolicyBase(client: Queryable): Promise<PolicyBase> {
  const { rows } = await client.query<{ collection: string; data: Record<string, unknown> }>(
    "SELECT collection, data FROM mk_records WHERE collection IN ('pairings', 'programs', 'people') AND NOT deleted",
  );
  const pairings: PolicyPairing[] = [];
  const programs: PolicyProgram[] = [];
  const people: PolicyPerson[] = [];
  for (const { collection, data } of rows) {
    // Rows a service wrote may have any shape: keep only well-formed ones, so the policy never sees junk.
    if (
      collection === 'pairings' &&
      typeof data.id === 'string' &&
      typeof data.programId === 'string' &&
      typeof data.menteeId === 'string' &&
      Array.isArray(data.mentorIds) &&
      data.mentorIds.every((id) => typeof id === 'string')
    ) {
      pairings.push(data as unknown as PolicyPairing);
    } else if (collection === 'programs' && typeof data.id === 'string' && Array.isArray(data.adminIds)) programs.push(data as unknown as PolicyProgram);
    else if (collection === 'people' && typeof data.id === 'string') {
      people.push({
        id: data.id,
        roles: Array.isArray(data.roles) ? (data.roles as string[]) : [],
        programIds: Array.isArray(data.programIds) ? (data.programIds as string[]) : [],
      });
    }
  }
  return { pairings, programs, people };
}

/**
 * The policy's view from an already-loaded base plus the related records `needs` names, taken from
 * `loaded` (records of those collections, a superset is fine: each need keeps only what matches it,
 * so the context is the one `loadPolicyContext(client, needs)` would read).
 */
export function withNeeds(base: PolicyBase, needs: readonly Need[], loaded: ReadonlyMap<string, readonly StoredRecord[]>): PolicyContext {
  const related = new Map<string, StoredRecord[]>();
  for (const need of needs)
    related.set(need.collection, [
      ...(related.get(need.collection) ?? []),
      ...(loaded.get(need.collection) ?? []).filter((record) => matchesWhere(record, need.where)),
    ]);
  return contextOf(base, related);
}

/** A context over the base's indexes (built once) with the related records and the clock of this decision. */
function contextOf(base: PolicyBase, related: ReadonlyMap<string, StoredRecord[]>): PolicyContext {
  const indexes = base.context ?? createPolicyContext(base);
  return {
    ...indexes,
    now: () => new Date().toISOString(),
    find: (collection, where) => (related.get(collection) ?? []).filter((record) => matchesWhere(record, where)),
  };
}

/** The policy's view of the world, read from the database (pairings, programmes, people, and the related records `needs` names). */
export async function loadPolicyContext(client: Queryable, needs: readonly Need[] = []): Promise<PolicyContext> {
  const base = await loadPolicyBase(client);
  const related = new Map<string, StoredRecord[]>();
  for (const need of needs)
    related.set(need.collection, [...(related.get(need.collection) ?? []), ...(await queryRecords(client, need.collection, need.where))]);
  return contextOf(base, related);
}

/** The related records deciding whether `personId` may read these records needs (once each). */
export function readNeeds(personId: string, collection: string, records: readonly (StoredRecord | RecordInput)[]): Need[] {
  const needs = new Map<string, Need>();
  for (const record of records)
    for (const need of policyNeeds(collection, 'read', record as PolicyRecord, undefined, personId)) needs.set(JSON.stringify(need), need);
  return [...needs.values()];
}

/** The policy's view for deciding whether `personId` may read these records. */
export const readContext = (client: Queryable, personId: string, collection: string, records: readonly (StoredRecord | RecordInput)[]) =>
  loadPolicyContext(client, readNeeds(personId, collection, records));

/** Whether the person may take the action on the record (a malformed record: no). */
export function allowed(
  context: PolicyContext,
  personId: string,
  action: PolicyAction,
  collection: string,
  record: StoredRecord | RecordInput,
  previous?: StoredRecord,
): { allowed: boolean; reason: string } {
  try {
    return decide(context, { id: personId }, action, collection, record as PolicyRecord, previous as PolicyRecord | undefined);
  } catch {
    return { allowed: false, reason: 'This record is malformed, so no access rule can allow it.' };
  }
}

const forbidden = (reason: string, action: PolicyAction, collection: string, id: string) =>
  new MentorKitError('forbidden', reason, { path: collection, details: { action, collection, id } });

/**
 * What a person's write body becomes before any decision: refused at once in a collection without
 * access rules, else validated by its schema with unknown fields dropped (`validate: false` keeps the
 * body as sent, for hosts that validate themselves).
 */
export function preparePersonRecord(collection: string, record: RecordInput, validate = true): RecordInput {
  if (!collectionPolicy(collection)) throw forbidden(`No access rule covers the collection "${collection}".`, 'create', collection, record.id);
  return validate ? (prepareRecord(collection, record) as RecordInput) : record;
}

/** The stored record as its collection's schema makes it (storage metadata kept), or as stored when it does not pass. */
function normalised(collection: string, stored: StoredRecord): StoredRecord {
  try {
    const { revision, updatedAt, createdAt, updatedBy } = stored;
    return {
      ...prepareRecord(collection, stored),
      revision,
      updatedAt,
      ...(createdAt === undefined ? {} : { createdAt }),
      ...(updatedBy === undefined ? {} : { updatedBy }),
    } as StoredRecord;
  } catch {
    return stored;
  }
}

/**
 * Decides a person's PUT inside the record's transaction and returns what to store. Throws
 * `forbidden` (with the policy's reason) or `conflict` (a taken or retired id); see the file comment
 * for how records the person may not read are kept hidden.
 */
export async function authorizePersonPut(
  client: PoolClient,
  personId: string,
  collection: string,
  record: RecordInput,
  current: CurrentRow,
  expectedRevision: number | null | undefined,
): Promise<RecordInput> {
  const stored = current.record;
  const context = await loadPolicyContext(client, [
    ...readNeeds(personId, collection, stored ? [stored] : []),
    ...policyNeeds(collection, stored ? 'update' : 'create', record as PolicyRecord, stored as PolicyRecord | undefined, personId),
  ]);
  const hidden = stored !== undefined && !allowed(context, personId, 'read', collection, stored).allowed;
  // Compared as its schema makes it, like the new version (defaults filled in), so a record stored
  // before a default existed does not look changed where the writer changed nothing.
  const previous = hidden ? undefined : stored && normalised(collection, stored);
  // A change based on another revision is a conflict, whatever it changes (the rules compare it with
  // the version it was made from, which is not the one stored); only for records the caller may read.
  if (previous && expectedRevision === null) throw revisionConflict(collection, record.id, null, previous.revision);
  if (previous && typeof expectedRevision === 'number' && expectedRevision !== previous.revision)
    throw revisionConflict(collection, record.id, expectedRevision, previous.revision);
  const action: PolicyAction = previous ? 'update' : 'create';
  // The server, not the browser, says who wrote it and when it was created.
  const toStore: RecordInput = {
    ...record,
    updatedBy: personId,
    createdAt: typeof previous?.createdAt === 'string' ? previous.createdAt : new Date().toISOString(),
  };
  const decision = allowed(context, personId, action, collection, toStore, previous);
  if (!decision.allowed) throw forbidden(decision.reason, action, collection, record.id);
  if (hidden) {
    if (typeof expectedRevision === 'number') throw revisionConflict(collection, record.id, expectedRevision, undefined); // what a free id answers
    throw new MentorKitError('conflict', `The id "${record.id}" is already taken in ${collection}; choose another id for a new record.`, {
      path: 'id',
      details: { collection, id: record.id },
    });
  }
  if (!previous && current.tombstoneRevision !== undefined && !idsReusable(collection)) {
    throw new MentorKitError(
      'conflict',
      `The id "${record.id}" belonged to a deleted record of ${collection}; such ids are never used again, so records of the old one cannot be inherited. Choose a new id.`,
      { path: 'id', details: { collection, id: record.id } },
    );
  }
  return toStore;
}

/** Live records that reference the attachment `blobId`, with their collections. */
async function recordsReferencing(client: Queryable, blobId: string): Promise<Array<{ collection: string; record: PolicyRecord }>> {
  const found: Array<{ collection: string; record: PolicyRecord }> = [];
  for (const { collection, fields } of attachmentFields()) {
    for (const field of fields) {
      const { rows } = await client.query<{ data: PolicyRecord }>(
        'SELECT data FROM mk_records WHERE collection = $1 AND NOT deleted AND data #>> $2::text[] = $3',
        [collection, field.split('.'), blobId],
      );
      for (const row of rows) found.push({ collection, record: row.data });
    }
  }
  return found;
}

/**
 * Whether the caller may read or write the attachment `id`: services always; an id nobody uploaded
 * yet, anyone (to upload it); otherwise only its uploader writes, and reading goes through the
 * records that reference it (`mayReadAttachment`): the uploader, or a person who may read a record
 * that its uploader wrote and that references it.
 */
export async function blobOwnerCheck(pool: Pool, caller: Caller, id: string, action: 'read' | 'write'): Promise<boolean> {
  if (caller.kind === 'service') return true;
  const owner = await getBlobOwner(pool, id);
  if (owner === undefined) return true;
  const uploaderId = owner.startsWith('person:') ? owner.slice('person:'.length) : undefined;
  if (action === 'write') return uploaderId === caller.personId;
  if (uploaderId === caller.personId) return true;
  const referencing = await recordsReferencing(pool, id);
  if (referencing.length === 0) return false;
  const needs = referencing.flatMap(({ collection, record }) => readNeeds(caller.personId, collection, [record]));
  return mayReadAttachment(await loadPolicyContext(pool, needs), { id: caller.personId }, { id, uploaderId }, referencing);
}

/**
 * For routes only a programme's admins (or a service) may use: anyone else is refused with 403, saying
 * what only an admin may do (`what`, e.g. "manages its webhooks"); an unknown programme is 404.
 */
export async function requireProgramAdmin(pool: Pool, caller: Caller, programId: string, what: string): Promise<void> {
  const { rows } = await pool.query("SELECT 1 FROM mk_records WHERE collection = 'programs' AND id = $1 AND NOT deleted", [programId]);
  if (caller.kind === 'person' && !isProgramAdmin(await loadPolicyContext(pool), caller.personId, programId)) {
    throw new HttpError(
      403,
      new MentorKitError('forbidden', `Only an admin of programme "${programId.slice(0, 100)}" (or a service) ${what}.`, { path: 'programId' }),
    );
  }
  if (rows.length === 0)
    throw new HttpError(404, new MentorKitError('not-found', `There is no programme "${programId.slice(0, 100)}".`, { path: 'programId' }));
}
