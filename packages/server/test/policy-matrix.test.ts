// The access matrix (packages/core/test/policy-matrix.ts) over real HTTP against the server on a real
// PostgreSQL: every collection × role × operation, every change of a scoping or unchanging field, and a
// closed pairing's records — as a tampered browser would send them. Reads the actor may not make
// answer 404 (by id, and the record is left out of queries); refused writes change nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ACTORS, ROLES, allCases, world, type MatrixCase } from '../../core/test/policy-matrix.js';
import { createPostgresStorage } from '../src/store.js';
import { as, skipReason, startTestBackend, type TestBackend } from './support.js';

type AnyRecord = { id: string; [key: string]: unknown };
const skip = skipReason();

describe('access matrix over HTTP on PostgreSQL', { skip: skip ?? false }, () => {
  let backend: TestBackend;
  let seeded = '';

  before(async () => {
    backend = await startTestBackend();
  });
  after(async () => {
    await backend?.close();
  });

  const worldFor = (matrixCase: MatrixCase): Record<string, AnyRecord[]> => {
    const records = world();
    for (const { collection, record } of matrixCase.extra ?? [])
      records[collection] = [...(records[collection] ?? []).filter((entry) => entry.id !== record.id), record];
    return records;
  };

  /** Stores the case's world (again only when the last attempt may have changed it). */
  const seed = async (matrixCase: MatrixCase, force: boolean) => {
    const key = JSON.stringify(matrixCase.extra ?? []);
    if (!force && seeded === key) return;
    await backend.reset();
    const database = createPostgresStorage(backend.pool);
    for (const [collection, records] of Object.entries(worldFor(matrixCase))) for (const record of records) await database.put(collection, record);
    seeded = key;
  };

  const request = async (method: string, path: string, actorId: string, headers: Record<string, string> = {}, body?: unknown) => {
    const response = await fetch(`${backend.url}${path}`, {
      method,
      headers: { ...as(actorId), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };

  for (const matrixCase of allCases()) {
    test(matrixCase.name, async () => {
      const allowedRoles: string[] = [];
      let changed = true;
      for (const role of ROLES) {
        const actorId = ACTORS[role];
        await seed(matrixCase, changed);
        changed = false;
        const record = matrixCase.record(actorId);
        const path = `/collections/${matrixCase.collection}/records/${encodeURIComponent(record.id)}`;
        const database = createPostgresStorage(backend.pool);
        const before = await database.get(matrixCase.collection, record.id);
        let allowed: boolean;
        if (matrixCase.action === 'read') {
          const byId = await request('GET', path, actorId);
          const listed = await request('GET', `/collections/${matrixCase.collection}/records`, actorId);
          const inQuery = (listed.json.records as AnyRecord[]).some((entry) => entry.id === record.id);
          allowed = byId.status === 200;
          assert.ok(byId.status === 200 || byId.status === 404, `${role}: read answered ${byId.status}`);
          assert.equal(inQuery, allowed, `${role}: the query agrees with the read by id`);
        } else {
          const precondition: Record<string, string> = matrixCase.action === 'create' ? { 'if-none-match': '*' } : { 'if-match': `"${before?.revision ?? 1}"` };
          const answer =
            matrixCase.action === 'delete' ? await request('DELETE', path, actorId, precondition) : await request('PUT', path, actorId, precondition, record);
          allowed = answer.status === 200 || answer.status === 201;
          if (allowed) changed = true;
          else {
            assert.ok(
              [403, 404, 412].includes(answer.status),
              `${role}: a refusal is 403, or 404/412 for a record one may not see (got ${answer.status}: ${String(answer.json.message)})`,
            );
            assert.deepEqual(await database.get(matrixCase.collection, record.id), before, `${role}: a refused write changes nothing`);
            // A record the actor may not read is never revealed: deleting it is "not found", and no refusal quotes its rules.
            const visible = before !== undefined && (await request('GET', path, actorId)).status === 200;
            if (matrixCase.action === 'delete' && !visible) {
              const missing = await request('DELETE', `${path}-missing`, actorId, precondition);
              assert.deepEqual(
                [answer.status, answer.json.code],
                [missing.status, missing.json.code],
                `${role}: deleting a record one may not see answers like deleting one that does not exist`,
              );
            }
            if (!visible)
              assert.doesNotMatch(
                String(answer.json.message),
                /private|held|mentors only|shared only/i,
                `${role}: the refusal does not describe a record one may not see`,
              );
          }
        }
        if (allowed) allowedRoles.push(role);
      }
      assert.deepEqual(
        allowedRoles,
        [...matrixCase.allowed].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)),
      );
    });
  }
});
