// The access matrix (policy-matrix.ts) against the policy itself and through clients on the memory
// adapter: every collection × role × operation, every change of a scoping or unchanging field, and a
// closed pairing's records. The same cases run over HTTP against PostgreSQL in packages/server/test.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  createMemoryStorage,
  createMentorKit,
  createPolicyContext,
  decide,
  matchesWhere,
  prepareRecord,
  type PolicyContext,
  type PolicyPairing,
  type PolicyPerson,
  type PolicyProgram,
  type StoredRecord,
} from '@mentorkit/core';
import { ACTORS, NOW, ROLES, allCases, world, type MatrixCase } from './policy-matrix.js';
import { internalsOf } from '../src/client/internals.js';

type AnyRecord = { id: string; [key: string]: unknown };

function contextOf(records: Record<string, AnyRecord[]>): PolicyContext {
  return createPolicyContext({
    pairings: records.pairings as unknown as PolicyPairing[],
    programs: records.programs as unknown as PolicyProgram[],
    people: records.people as unknown as PolicyPerson[],
    now: () => NOW,
    find: (collection, where) => (records[collection] ?? []).filter((record) => matchesWhere(record as StoredRecord, where)),
  });
}

/** The world plus the case's extra records. */
function worldFor(matrixCase: MatrixCase): Record<string, AnyRecord[]> {
  const records = world();
  for (const { collection, record } of matrixCase.extra ?? [])
    records[collection] = [...(records[collection] ?? []).filter((entry) => entry.id !== record.id), record];
  return records;
}

/** The stored version a write is judged against: the case's, else the world's record with that id. */
export function previousOf(matrixCase: MatrixCase, actorId: string, records: Record<string, AnyRecord[]>): AnyRecord | undefined {
  if (matrixCase.previous) return matrixCase.previous;
  const id = matrixCase.record(actorId).id;
  return records[matrixCase.collection]?.find((record) => record.id === id);
}

const cases = allCases();

describe('access matrix: the cases are real records', () => {
  test("every stored record and every record written passes its collection's schema (so refusals over HTTP are the policy, not validation)", () => {
    for (const [collection, records] of Object.entries(world())) for (const record of records) prepareRecord(collection, record);
    for (const matrixCase of cases) {
      for (const { collection, record } of matrixCase.extra ?? []) prepareRecord(collection, record);
      if (matrixCase.action === 'create' || matrixCase.action === 'update')
        for (const actorId of Object.values(ACTORS)) prepareRecord(matrixCase.collection, matrixCase.record(actorId));
    }
  });
  test(`${cases.length} cases × ${ROLES.length} roles`, () => {
    assert.ok(cases.length > 100);
  });
});

describe('access matrix: decide()', () => {
  for (const matrixCase of cases) {
    test(matrixCase.name, () => {
      const records = worldFor(matrixCase);
      const context = contextOf(records);
      const outcome = ROLES.map((role) => {
        const actorId = ACTORS[role];
        const previous = matrixCase.action === 'update' || matrixCase.action === 'delete' ? previousOf(matrixCase, actorId, records) : undefined;
        return [role, decide(context, { id: actorId }, matrixCase.action, matrixCase.collection, matrixCase.record(actorId), previous).allowed] as const;
      });
      assert.deepEqual(
        outcome.filter(([, allowed]) => allowed).map(([role]) => role),
        [...matrixCase.allowed].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)),
      );
    });
  }
});

describe('access matrix: clients on the memory adapter', () => {
  for (const matrixCase of cases) {
    test(matrixCase.name, async () => {
      const allowedRoles: string[] = [];
      for (const role of ROLES) {
        const actorId = ACTORS[role];
        const records = worldFor(matrixCase);
        const storage = createMemoryStorage();
        for (const [collection, list] of Object.entries(records)) for (const record of list) await storage.put(collection, record);
        const kit = createMentorKit({ storage, user: actorId, now: () => NOW });
        await kit.ready;
        const list = internalsOf(kit).track(matrixCase.collection);
        await kit.refresh();
        const record = matrixCase.record(actorId);
        let allowed: boolean;
        if (matrixCase.action === 'read') allowed = list.get().some((entry) => entry.id === record.id);
        else {
          const before = await storage.get(matrixCase.collection, record.id);
          try {
            if (matrixCase.action === 'delete') await internalsOf(kit).remove(matrixCase.collection, record.id);
            else
              await internalsOf(kit).write(matrixCase.collection, record, {
                action: matrixCase.action,
                ...(matrixCase.action === 'create' ? { expectedRevision: null } : {}),
              });
            allowed = true;
          } catch (error) {
            assert.equal((error as { code?: string }).code, 'forbidden', `${role}: ${String(error)}`);
            assert.deepEqual(await storage.get(matrixCase.collection, record.id), before, `${role}: a refused write changes nothing`);
            allowed = false;
          }
        }
        if (allowed) allowedRoles.push(role);
        await kit.dispose();
      }
      assert.deepEqual(
        allowedRoles,
        [...matrixCase.allowed].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)),
      );
    });
  }
});
