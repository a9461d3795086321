/**
 * Storage conformance cases — Watch (optional): puts and deletes reported once, failed writes report
 * nothing, unsubscribing stops events. Part of the suite assembled in `index.ts`; the rules are
 * DESIGN.md's "The storage adapter contract".
 */
import type { StorageChange } from '../../storage/adapter.js';
import { check, checkEqual, formatValue, pause, waitUntil } from '../assertions.js';
import { requireWatch, copyJson } from './checks.js';
import type { CaseDefinition } from './session.js';

export const watchCases: CaseDefinition[] = [
  {
    name: 'watch: reports puts with the stored record and deletes without one',
    async body(session) {
      const { adapter } = session;
      requireWatch(adapter);
      const changes: StorageChange[] = [];
      const unsubscribe = adapter.watch((change) => changes.push(change));
      check(typeof unsubscribe === 'function', `watch must return an unsubscribe function, got ${formatValue(unsubscribe)}.`);
      try {
        const stored = await adapter.put('goals', { id: 'g1', title: 'watched', tags: ['x'] });
        await waitUntil(() => changes.length >= 1, session.watchTimeout(), 'watch must report a put (no event arrived)');
        const putChange = changes[0]!;
        checkEqual(
          { collection: putChange.collection, id: putChange.id },
          { collection: 'goals', id: 'g1' },
          'The put event must name the collection and id.',
          'change',
        );
        checkEqual(putChange.record, stored, 'The put event must carry the stored record (with its revision and updatedAt).', 'change.record');
        const storedSnapshot = copyJson(stored);
        (putChange.record!.tags as string[]).push('mutated by listener');
        putChange.record!.title = 'mutated by listener';
        checkEqual(
          await adapter.get('goals', 'g1'),
          storedSnapshot,
          'Mutating the record in a watch event must not change storage (give listeners copies).',
          'record',
        );
        const updated = await adapter.put('goals', { id: 'g1', title: 'watched again' });
        await waitUntil(() => changes.length >= 2, session.watchTimeout(), 'watch must report a second put of the same record');
        checkEqual(changes[1]?.record, updated, 'The second put event must carry revision 2.', 'change.record');
        check((await adapter.delete('goals', 'g1')) === true, 'delete of the watched record must resolve to true.');
        await waitUntil(() => changes.length >= 3, session.watchTimeout(), 'watch must report a delete');
        const deleteChange = changes[2]!;
        checkEqual(
          { collection: deleteChange.collection, id: deleteChange.id },
          { collection: 'goals', id: 'g1' },
          'The delete event must name the collection and id.',
          'change',
        );
        check(deleteChange.record === undefined, `The delete event must have no record (record: undefined), got ${formatValue(deleteChange.record)}.`);
      } finally {
        unsubscribe();
      }
    },
  },
  {
    name: 'watch: each change is reported once, failed writes report nothing, unsubscribing stops events',
    async body(session) {
      const { adapter } = session;
      requireWatch(adapter);
      const stopped: StorageChange[] = [];
      const kept: StorageChange[] = [];
      const stop = adapter.watch((change) => stopped.push(change));
      const stopKept = adapter.watch((change) => kept.push(change));
      try {
        await adapter.put('goals', { id: 'g1' });
        await waitUntil(() => stopped.length >= 1 && kept.length >= 1, session.watchTimeout(), 'Every listener must receive the put event');
        stop();
        await adapter.put('goals', { id: 'g1' }, { expectedRevision: null }).catch(() => undefined);
        await adapter.put('goals', { id: 'g1', when: new Date() }).catch(() => undefined);
        await adapter.delete('goals', 'missing');
        await adapter.delete('goals', 'g1', { expectedRevision: 7 }).catch(() => undefined);
        await adapter.put('goals', { id: 'g2' });
        await waitUntil(() => kept.some((change) => change.id === 'g2'), session.watchTimeout(), 'The remaining listener must receive the put of g2');
        await pause(50);
        checkEqual(
          kept.map((change) => `${change.collection}/${change.id}@${change.record?.revision ?? 'deleted'}`),
          ['goals/g1@1', 'goals/g2@1'],
          'A listener must receive each change exactly once, and refused writes (conflict, invalid input) and deletes of missing records must report nothing.',
          'events',
        );
        check(
          stopped.length === 1,
          `After unsubscribe a listener must receive no more events; it received ${stopped.length - 1} more: ${formatValue(stopped.slice(1))}.`,
        );
        stop();
      } finally {
        stopKept();
      }
    },
  },
];
