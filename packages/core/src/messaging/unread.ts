import { computed, type ReadableAtom } from 'nanostores';
import type { MentorKit } from '../client/client.js';
import { Collections } from '../model/collections.js';
import type { Message, MessageRead } from '../model/message.js';
import { isUnread, lastReadOf } from './threads.js';

/**
 * Unread counts for the signed-in person, without the messaging commands: what a pairing card, a
 * picker or a badge in the host's menu needs (`unreadCountsOf(kit)`), as light as the goals view. The
 * counts are the messaging module's own (`kit.messaging.unreadCount` agrees): a message is unread when
 * someone else wrote it, it is not deleted, and it was sent after the person's read marker of its
 * channel (the conversation, or the mentors' notes for a mentor).
 */
export interface PairingUnreadCounts {
  /** Unread in the pair's conversation. */
  conversation: number;
  /** Unread in the mentors' notes (mentors only; 0 otherwise). */
  notes: number;
  /** Both. */
  total: number;
}

export interface UnreadCounts {
  /** Everything the person has not read, in all their pairings. */
  total: number;
  /** By pairing id: every pairing of the person's, 0 included. */
  pairings: Readonly<Record<string, PairingUnreadCounts>>;
  /** By who wrote the unread messages (person id): "3 from Kenji". */
  people: Readonly<Record<string, number>>;
}

/** The read markers' collection (`MESSAGE_READS_COLLECTION` in the message model). */
const READS = 'message-reads';

const stores = new WeakMap<MentorKit, ReadableAtom<UnreadCounts>>();

const define = <T>(target: Record<string, T>, key: string, value: T) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

/** Counts unread messages of `personId` from the messages and read markers they may see (pure; the store below uses it). */
export function countUnread(messages: readonly Message[], reads: readonly MessageRead[], pairingIds: readonly string[], personId: string): UnreadCounts {
  const pairings: Record<string, PairingUnreadCounts> = {};
  const people: Record<string, number> = {};
  for (const id of pairingIds) define(pairings, id, { conversation: 0, notes: 0, total: 0 });
  const markers = new Map(reads.filter((read) => read.personId === personId).map((read) => [read.pairingId, read]));
  let total = 0;
  for (const message of messages) {
    const counts = Object.hasOwn(pairings, message.pairingId) ? pairings[message.pairingId] : undefined;
    const notes = message.mentorsOnly === true;
    if (!counts || !isUnread(message, personId, lastReadOf(markers.get(message.pairingId), notes))) continue;
    if (notes) counts.notes++;
    else counts.conversation++;
    counts.total++;
    total++;
    define(people, message.authorId, (Object.hasOwn(people, message.authorId) ? people[message.authorId]! : 0) + 1);
  }
  return { total, pairings, people };
}

/**
 * The signed-in person's unread counts as a store (made once per client): `total`, per pairing (the
 * conversation and the mentors' notes) and per author. Tracks the messages and read markers the person
 * may read; updates when a message arrives or a read marker moves.
 */
export function unreadCountsOf(kit: MentorKit): ReadableAtom<UnreadCounts> {
  let store = stores.get(kit);
  if (!store) {
    const $messages = kit.collection(Collections.messages).$records;
    const $reads = kit.collection<MessageRead>(READS).$records;
    store = computed([$messages, $reads, kit.$myPairings], (messages, reads, mine) =>
      countUnread(
        messages,
        reads,
        mine.map((pairing) => pairing.id),
        kit.user.id,
      ),
    );
    stores.set(kit, store);
  }
  return store;
}
