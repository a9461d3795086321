import type { Message, MessageRead } from '../model/message.js';

/** When a message was sent (its `sentAt`, else when it was created). */
export const sentAtOf = (message: Pick<Message, 'sentAt' | 'createdAt' | 'updatedAt'>): string => message.sentAt ?? message.createdAt ?? message.updatedAt;

/** Chronological order: by send time, then id. */
export function compareMessages(a: Message, b: Message): number {
  const at = Date.parse(sentAtOf(a)) - Date.parse(sentAtOf(b));
  return at !== 0 ? at : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The read marker's instant for the conversation or the mentors' notes. */
export const lastReadOf = (read: Pick<MessageRead, 'lastReadAt' | 'notesLastReadAt'> | undefined, notes = false): string | undefined =>
  notes ? read?.notesLastReadAt : read?.lastReadAt;

/** Whether `personId` has not read `message` yet (their own and deleted messages are never unread). */
export function isUnread(message: Message, personId: string, lastReadAt: string | undefined): boolean {
  if (message.authorId === personId || message.deletedAt !== undefined) return false;
  return lastReadAt === undefined || Date.parse(sentAtOf(message)) > Date.parse(lastReadAt);
}

/** How many of `messages` `personId` has not read. */
export function unreadCount(messages: readonly Message[], personId: string, lastReadAt: string | undefined): number {
  let count = 0;
  for (const message of messages) if (isUnread(message, personId, lastReadAt)) count++;
  return count;
}

/** Who (other than the author) has read the message, and when they last marked the thread read. */
export function readReceipts(message: Message, reads: readonly MessageRead[]): Array<{ personId: string; readUpTo: string }> {
  const notes = message.mentorsOnly === true;
  const sent = Date.parse(sentAtOf(message));
  return reads
    .filter((read) => read.pairingId === message.pairingId && read.personId !== message.authorId)
    .map((read) => ({ personId: read.personId, readUpTo: lastReadOf(read, notes) }))
    .filter((entry): entry is { personId: string; readUpTo: string } => entry.readUpTo !== undefined && Date.parse(entry.readUpTo) >= sent)
    .sort((a, b) => (a.personId < b.personId ? -1 : 1));
}

/** Lower case without accents, keeping a map from each folded character back to the original index. */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const character of text) {
    const piece = character.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
    for (let i = 0; i < piece.length; i++) origin.push(index);
    folded += piece;
    index += character.length;
  }
  origin.push(index);
  return { folded, origin };
}

export interface MessageSearchHit {
  message: Message;
  /** `[start, end)` ranges of the matches in `message.text`, for highlighting. */
  ranges: Array<[number, number]>;
}

/**
 * Messages whose text contains every word of `query`, ignoring case and accents ("lucia" finds
 * "Lucía"), newest first. Deleted messages and voice notes (no text) are not searched.
 */
export function searchMessages(messages: readonly Message[], query: string, options: { limit?: number | undefined } = {}): MessageSearchHit[] {
  if (typeof query !== 'string') return [];
  const terms = [...new Set(fold(query).folded.split(/\s+/).filter(Boolean))];
  if (terms.length === 0) return [];
  const hits: MessageSearchHit[] = [];
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index]!;
    if (message.deletedAt !== undefined || !message.text) continue;
    const { folded, origin } = fold(message.text);
    const ranges: Array<[number, number]> = [];
    let every = true;
    for (const term of terms) {
      let from = folded.indexOf(term);
      if (from === -1) {
        every = false;
        break;
      }
      while (from !== -1) {
        ranges.push([origin[from]!, origin[from + term.length]!]);
        from = folded.indexOf(term, from + term.length);
      }
    }
    if (!every) continue;
    ranges.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const range of ranges) {
      const last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push([...range]);
    }
    hits.push({ message, ranges: merged });
    if (options.limit !== undefined && hits.length >= options.limit) break;
  }
  return hits;
}
