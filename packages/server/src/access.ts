import type { Pool, PoolClient } from 'pg';
import {
  AgreementInputSchema,
  CoachingRunInputSchema,
  Collections,
  FeedbackInputSchema,
  GoalInputSchema,
  MessageInputSchema,
  PairingInputSchema,
  PersonInputSchema,
  ProgramInputSchema,
  SessionInputSchema,
  createPolicyContext,
  decide,
  isProgramAdmin,
  pairingMembers,
  type AnySchema,
  type PolicyAction,
  type PolicyContext,
  type PolicyPairing,
  type PolicyPerson,
  type PolicyProgram,
  type RecordInput,
  type StoredRecord,
} from '@mentorkit/core';
import type { Caller } from './identity.js';
import { getBlobOwner } from './store.js';

/**
 * Access decisions of the server: who may read and write what. server.ts asks these functions and
 * acts on their answers; the rules themselves are core's policy (`decide`) over a `PolicyContext`
 * read from the database.
 */

/** Entity schemas a person's writes must satisfy (other collections: JSON values only). */
export const SCHEMAS: Readonly<Record<string, AnySchema>> = {
  [Collections.people]: PersonInputSchema as AnySchema,
  [Collections.programs]: ProgramInputSchema as AnySchema,
  [Collections.pairings]: PairingInputSchema as AnySchema,
  [Collections.agreements]: AgreementInputSchema as AnySchema,
  [Collections.sessions]: SessionInputSchema as AnySchema,
  [Collections.goals]: GoalInputSchema as AnySchema,
  [Collections.coachingRuns]: CoachingRunInputSchema as AnySchema,
  [Collections.feedback]: FeedbackInputSchema as AnySchema,
  [Collections.messages]: MessageInputSchema as AnySchema,
};

/** The policy's view of the world, read from the database (pairings, programmes, people). */
export async function loadPolicyContext(client: Pool | PoolClient): Promise<PolicyContext> {
  const { rows } = await client.query<{ collection: string; data: Record<string, unknown> }>(
    "SELECT collection, data FROM mk_records WHERE collection IN ('pairings', 'programs', 'people') AND NOT deleted",
  );
  const pairings: PolicyPairing[] = [];
  const programs: PolicyProgram[] = [];
  const people: PolicyPerson[] = [];
  for (const { collection, data } of rows) {
    // Rows a service wrote may have any shape: keep only well-formed ones, so the policy never sees junk.
    if (collection === 'pairings' && typeof data.id === 'string' && typeof data.programId === 'string' && typeof data.menteeId === 'string' && Array.isArray(data.mentorIds) && data.mentorIds.every((id) => typeof id === 'string')) {
      pairings.push(data as unknown as PolicyPairing);
    } else if (collection === 'programs' && typeof data.id === 'string' && Array.isArray(data.adminIds)) programs.push(data as unknown as PolicyProgram);
    else if (collection === 'people' && typeof data.id === 'string') {
      people.push({ id: data.id, roles: Array.isArray(data.roles) ? (data.roles as string[]) : [], programIds: Array.isArray(data.programIds) ? (data.programIds as string[]) : [] });
    }
  }
  return createPolicyContext({ pairings, programs, people });
}

/** Whether the person may take the action on the record (a malformed record: no). */
export function allowed(context: PolicyContext, personId: string, action: PolicyAction, collection: string, record: StoredRecord | RecordInput, previous?: StoredRecord): { allowed: boolean; reason: string } {
  try {
    return decide(context, { id: personId }, action, collection, record, previous);
  } catch {
    return { allowed: false, reason: 'This record is malformed, so no access rule can allow it.' };
  }
}

/** Blobs: the uploader, people who share a pairing with them, and admins of their programmes may read. */
export function mayReadBlob(context: PolicyContext, personId: string, owner: string): boolean {
  if (owner === personId) return true;
  for (const pairing of context.pairingsOf(owner)) {
    if (pairingMembers(pairing).some((member) => member.personId === personId)) return true;
    if (isProgramAdmin(context, personId, pairing.programId)) return true;
  }
  return false;
}

/**
 * Whether the caller may read or write the blob `id`: services always; a blob nobody uploaded yet,
 * anyone; otherwise only its uploader writes, and `mayReadBlob` decides who reads.
 */
export async function blobOwnerCheck(pool: Pool, caller: Caller, id: string, action: 'read' | 'write'): Promise<boolean> {
  if (caller.kind === 'service') return true;
  const owner = await getBlobOwner(pool, id);
  if (owner === undefined) return true;
  if (action === 'write') return owner === `person:${caller.personId}`;
  return owner.startsWith('person:') && mayReadBlob(await loadPolicyContext(pool), caller.personId, owner.slice('person:'.length));
}
