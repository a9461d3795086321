/**
 * Storage conformance cases — A second live instance on the same store (second tab or process): reads,
 * watch and conflicts across instances. Part of the suite assembled in `index.ts`; the rules are
 * DESIGN.md's "The storage adapter contract".
 */
import type { StorageChange, StoredRecord } from '../../storage/adapter.js';
import { check, checkEqual, checkRefused, formatValue, pause, waitUntil } from '../assertions.js';
import { requireWatch, dataOf, checkStoredRecord, checkConflict } from './checks.js';
import type { CaseDefinition } from './session.js';

export const secondInstanceCases: CaseDefinition[] = [
  {
    name: "cross-instance: a second instance reads the first instance's writes and the other way round",
    requires: 'openSecondInstance',
    async body(session) {
      const first = session.adapter;
      const second = await session.openSecondInstance();
      const stored = await first.put('goals', { id: 'g1', title: 'from first' });
      checkEqual(await second.get('goals', 'g1'), stored, 'A second instance must read a record the first one wrote.', 'record');
      const updated = await second.put('goals', { id: 'g1', title: 'from second' }, { expectedRevision: 1 });
      checkEqual(await first.get('goals', 'g1'), updated, "The first instance must read the second instance's update (revision 2).", 'record');
      await first.delete('goals', 'g1');
      check((await second.get('goals', 'g1')) === undefined, 'A record deleted by the first instance must be gone for the second.');
    },
  },
  {
    name: 'cross-instance: a record deleted and re-created by one instance refuses a stale writer in the other',
    requires: 'openSecondInstance',
    async body(session) {
      const first = session.adapter;
      const second = await session.openSecondInstance();
      await first.put('goals', { id: 'g1', title: 'v1' });
      await first.put('goals', { id: 'g1', title: 'v2' });
      const held = await second.get('goals', 'g1');
      check(held?.revision === 2, `The second instance must read revision 2, got ${formatValue(held?.revision)}.`);
      check((await first.delete('goals', 'g1')) === true, 'delete by the first instance must resolve to true.');
      const recreated = await first.put('goals', { id: 'g1', title: 'new' }, { expectedRevision: null });
      checkStoredRecord(recreated, { id: 'g1', title: 'new' }, 3, 'A record re-created by the first instance must continue from the deleted revision + 1 (3)');
      await checkRefused(
        () => second.put('goals', { id: 'g1', title: 'stale edit from the second instance' }, { expectedRevision: 2 }),
        'conflict',
        'The second instance, still holding revision 2 of the deleted record, must be refused with "conflict" when it writes over the re-created one',
      );
      checkEqual(await second.get('goals', 'g1'), recreated, 'The refused stale write must leave the re-created record unchanged.', 'record');
      check(
        (await second.delete('goals', 'g1', { expectedRevision: 3 })) === true,
        'delete by the second instance with the matching revision 3 must resolve to true.',
      );
      checkStoredRecord(
        await first.put('goals', { id: 'g1', title: 'again' }),
        { id: 'g1', title: 'again' },
        4,
        'A record deleted by the second instance and re-created by the first must continue from revision 3 + 1: tombstones live in the shared store, not in one instance',
      );
      await checkRefused(
        () => second.put('goals', { id: 'g1', title: 'stale' }, { expectedRevision: 3 }),
        'conflict',
        'The second instance writing with the deleted revision 3 must be refused with "conflict"',
      );
    },
  },
  {
    name: "cross-instance: a second instance's watch reports the first instance's puts and deletes, and the other way round",
    requires: 'openSecondInstance',
    async body(session) {
      const first = session.adapter;
      const second = await session.openSecondInstance();
      requireWatch(first);
      requireWatch(second);
      const seenBySecond: StorageChange[] = [];
      const seenByFirst: StorageChange[] = [];
      const stopSecond = second.watch((change) => seenBySecond.push(change));
      const stopFirst = first.watch((change) => seenByFirst.push(change));
      try {
        const stored = await first.put('goals', { id: 'g1', title: 'from first' });
        await waitUntil(
          () => seenBySecond.some((change) => change.id === 'g1' && change.record !== undefined),
          session.watchTimeout(5000),
          "The second instance's watch must report a put made by the first instance",
        );
        checkEqual(
          seenBySecond.find((change) => change.id === 'g1')?.record,
          stored,
          'The cross-instance put event must carry the stored record.',
          'change.record',
        );
        await first.delete('goals', 'g1');
        await waitUntil(
          () => seenBySecond.some((change) => change.id === 'g1' && change.record === undefined),
          session.watchTimeout(5000),
          "The second instance's watch must report a delete made by the first instance",
        );
        const fromSecond = await second.put('goals', { id: 'g2', title: 'from second' });
        await waitUntil(
          () => seenByFirst.some((change) => change.id === 'g2'),
          session.watchTimeout(5000),
          "The first instance's watch must report a put made by the second instance",
        );
        checkEqual(
          seenByFirst.find((change) => change.id === 'g2')?.record,
          fromSecond,
          'The cross-instance put event must carry the stored record.',
          'change.record',
        );
      } finally {
        stopSecond();
        stopFirst();
      }
    },
  },
  {
    name: 'cross-instance: each instance reports every change exactly once',
    requires: 'openSecondInstance',
    async body(session) {
      const first = session.adapter;
      const second = await session.openSecondInstance();
      requireWatch(first);
      requireWatch(second);
      const seenByFirst: string[] = [];
      const seenBySecond: string[] = [];
      const describeChange = (change: StorageChange) => `${change.collection}/${change.id}@${change.record?.revision ?? 'deleted'}`;
      const stopFirst = first.watch((change) => seenByFirst.push(describeChange(change)));
      const stopSecond = second.watch((change) => seenBySecond.push(describeChange(change)));
      try {
        await first.put('goals', { id: 'g1' });
        await waitUntil(() => seenBySecond.length >= 1, session.watchTimeout(5000), "The second instance must report the first instance's put");
        await second.put('goals', { id: 'g1' }, { expectedRevision: 1 });
        await waitUntil(() => seenByFirst.length >= 2, session.watchTimeout(5000), "The first instance must report the second instance's update");
        await first.delete('goals', 'g1');
        await waitUntil(() => seenBySecond.length >= 3, session.watchTimeout(5000), "The second instance must report the first instance's delete");
        await pause(150);
        const expected = ['goals/g1@1', 'goals/g1@2', 'goals/g1@deleted'];
        checkEqual(
          seenByFirst,
          expected,
          "The first instance must report each change once: its own changes locally (not again via the other instance) and the other instance's changes once.",
          'events',
        );
        checkEqual(seenBySecond, expected, 'The second instance must report each change once.', 'events');
      } finally {
        stopFirst();
        stopSecond();
      }
    },
  },
  {
    name: 'cross-instance: of two instances writing with the same expectedRevision exactly one wins',
    requires: 'openSecondInstance',
    async body(session) {
      const first = session.adapter;
      const second = await session.openSecondInstance();
      await first.put('goals', { id: 'g1', title: 'start' });
      for (let round = 1; round <= 3; round++) {
        const results = await Promise.allSettled([
          first.put('goals', { id: 'g1', title: `first, round ${round}` }, { expectedRevision: round }),
          second.put('goals', { id: 'g1', title: `second, round ${round}` }, { expectedRevision: round }),
        ]);
        const winners = results.filter((result): result is PromiseFulfilledResult<StoredRecord> => result.status === 'fulfilled');
        check(
          winners.length === 1,
          `Round ${round}: two instances writing with expectedRevision ${round} must give exactly one success; ${winners.length} succeeded. The compare-and-set must be atomic across instances (one transaction).`,
        );
        for (const result of results) if (result.status === 'rejected') checkConflict(result, `Round ${round}: the losing instance`);
        checkStoredRecord(await second.get('goals', 'g1'), dataOf(winners[0]!.value), round + 1, `Round ${round}: the stored record must be the winner`);
      }
    },
  },
];
