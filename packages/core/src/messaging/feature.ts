import { atom, computed, type ReadableAtom } from 'nanostores';
import type { MentorKitFeature, WriteOptions } from '../client/client.js';
import { defineFeature, stripStored, validateWriteOptions } from '../client/feature-host.js';
import { Collections } from '../model/collections.js';
import { MentorKitError } from '../model/errors.js';
import {
  MESSAGE_READS_COLLECTION,
  MessageInputSchema,
  MessageReadInputSchema,
  type Message,
  type MessageHistoryEntry,
  type MessageRead,
} from '../model/message.js';
import type { Pairing } from '../model/pairing.js';
import type { Person } from '../model/person.js';
import { IdSchema, longText } from '../model/primitives.js';
import { TEXT_LIMITS } from '../model/limits.js';
import { invalidInput, parseOrThrow } from '../model/validate.js';
import { pairingMembers, type PairingRole } from '../model/pairing-roles.js';
import { decide } from '../policy/policy.js';
import { whenCollectionsLoaded } from '../client/collections-loaded.js';
import { notificationPlan, quietHoursFor, type NotificationPlanEntry, type QuietHours } from './quiet-hours.js';
import { compareMessages, lastReadOf, readReceipts, searchMessages, sentAtOf, unreadCount, type MessageSearchHit } from './threads.js';
import { unreadCountsOf, type UnreadCounts } from './unread.js';

/** Domain events of the messaging module. */
declare module '../client/events.js' {
  interface DomainEventMap {
    'message-sent': { kind: string; mentorsOnly: boolean; recipients: Array<{ personId: string; deliverAt: string; deferred: boolean }> };
    'message-edited': MessageChangeEventData;
    'message-deleted': MessageChangeEventData;
    'message-shared': MessageChangeEventData;
    'messages-read': { notes: boolean; upTo: string };
  }
}

declare module '../model/collections.js' {
  interface CollectionRecords {
    'message-reads': MessageRead;
  }
}

/** What `message-edited`, `message-deleted` and `message-shared` carry (never the text). */
export type MessageChangeEventData = { kind: string; mentorsOnly?: boolean | undefined };

export const MessagingEventType = {
  messageSent: 'message-sent',
  messageEdited: 'message-edited',
  messageDeleted: 'message-deleted',
  messageShared: 'message-shared',
  messagesRead: 'messages-read',
} as const;

/** Largest voice note accepted, in bytes (25 MB). */
export const MAX_VOICE_BYTES = 25_000_000;

export interface ThreadMember {
  personId: string;
  role: PairingRole;
}

/** A pairing's conversation as the current user sees it. */
export interface ThreadSummary {
  pairingId: string;
  pairingStatus: Pairing['status'];
  /** Who reads the conversation, from the policy (mentee, mentor, co-mentor). */
  members: ThreadMember[];
  messageCount: number;
  unreadCount: number;
  lastMessage?: Message | undefined;
  /** The mentors' shared notes exist for you (you are a mentor of the pairing). */
  hasNotes: boolean;
  notesCount: number;
  notesUnreadCount: number;
  /** You may post (a member, and the pairing is not closed). */
  canPost: boolean;
}

/** Which part of a pairing's thread: the conversation, or the mentors' shared notes (`mentorsOnly`). */
export interface ChannelOptions {
  notes?: boolean | undefined;
}

export interface MessageNotification {
  message: Message;
  recipientId: string;
  /** When it should reach them: now, or the start of their next working hour. */
  deliverAt: string;
  deferred: boolean;
  quietHours: QuietHours;
}

export interface MessagingApi {
  /** The current user's threads (one per pairing they belong to), most recent activity first. */
  readonly $threads: ReadableAtom<readonly ThreadSummary[]>;
  /** Every message the user may read, oldest first. */
  readonly $messages: ReadableAtom<readonly Message[]>;
  /** Read markers the user may see. */
  readonly $reads: ReadableAtom<readonly MessageRead[]>;
  readonly $status: ReadableAtom<'loading' | 'ready' | 'error'>;
  readonly ready: Promise<void>;
  /** A pairing's conversation (or mentors' notes), oldest first; the store is cached per channel. */
  messages(pairingId: string, options?: ChannelOptions): ReadableAtom<readonly Message[]>;
  thread(pairingId: string): ThreadSummary | undefined;
  /** Members of the channel, from the policy: everyone who may read it. */
  members(pairingId: string, options?: ChannelOptions): ThreadMember[];
  send(input: { pairingId: string; text: string; mentorsOnly?: boolean | undefined }): Promise<Message>;
  /** Stores the audio through the adapter's `putBlob`, then the message. `unsupported` without blob support. */
  sendVoice(input: { pairingId: string; audio: Blob; durationSeconds: number; mentorsOnly?: boolean | undefined }): Promise<Message>;
  /** Changes the text of your message; the previous text goes into its history. */
  edit(messageId: string, text: string, options?: WriteOptions): Promise<Message>;
  /** Deletes the content of your message (and its audio); the message keeps its place and history. */
  delete(messageId: string, options?: WriteOptions): Promise<Message>;
  /** Shares your mentors-only note with the mentee (it joins the conversation). */
  share(messageId: string, options?: WriteOptions): Promise<Message>;
  /**
   * Marks the channel read up to its newest message, or only up to the message `upTo` (its id) — what
   * the person has actually seen: `<mk-thread>` passes the newest message that came into view. A
   * marker never moves back.
   */
  markRead(pairingId: string, options?: ChannelOptions & { upTo?: string | undefined }): Promise<MessageRead | undefined>;
  /** The current user's read marker of the channel. */
  lastRead(pairingId: string, options?: ChannelOptions): string | undefined;
  unreadCount(pairingId: string, options?: ChannelOptions): number;
  /** The signed-in person's unread counts: in total, per pairing (conversation and mentors' notes) and per author (`unreadCountsOf(kit)`). */
  readonly $unread: ReadableAtom<UnreadCounts>;
  /** Who has read a message. */
  readBy(messageId: string): Array<{ personId: string; readUpTo: string }>;
  /** The audio of a voice note. */
  voiceAudio(messageId: string): Promise<Blob | undefined>;
  search(pairingId: string, query: string, options?: ChannelOptions & { limit?: number | undefined }): MessageSearchHit[];
  /** Quiet hours of every other member of the channel at `at` (default now). */
  quietHours(pairingId: string, options?: ChannelOptions & { at?: string | undefined }): QuietHours[];
  /**
   * Calls `listener` for every recipient of a message sent through this client: at the start of the
   * recipient's next working hour when it was sent outside them (`deliver: 'scheduled'`, the
   * default, with timers while this client lives), or right away with `deliverAt` so the host's
   * backend can queue it (`deliver: 'immediately'`). Returns the unsubscribe function (which also
   * cancels pending deliveries).
   */
  onNotify(listener: (notification: MessageNotification) => void, options?: { deliver?: 'scheduled' | 'immediately' | undefined }): () => void;
}

const MAX_TIMER_MS = 2_147_483_647;

/**
 * Asynchronous conversation per pairing: text and voice notes, read markers and unread counts,
 * edits and deletes with an audit trail, search, quiet hours with notification hooks, and the
 * mentors' shared notes (`mentorsOnly`).
 *
 * ```ts
 * import { messagingFeature } from '@mentorkit/core/messaging';
 * const messaging = kit.use(messagingFeature);
 * const [kenji] = messaging.quietHours('pairing-lucia');   // { local: { time: '23:10' }, outsideWorkingHours: true, nextWorkingStart }
 * await messaging.send({ pairingId: 'pairing-lucia', text: 'Slides: https://docs.example.org/deck' });
 * ```
 */
export const messagingFeature: MentorKitFeature<'messaging', MessagingApi> = defineFeature({
  name: 'messaging',
  collections: [Collections.messages, MESSAGE_READS_COLLECTION],
  install(kit, host) {
    const userId = kit.user.id;
    const messages = host.collection(Collections.messages);
    const reads = host.collection(MESSAGE_READS_COLLECTION);
    const $raw = messages.$records;
    const $reads = reads.$records;
    // The feature's own status, kept on purpose: it is `ready` once the messages and the read markers are both
    // loaded, and the people, programmes and pairings its threads and members read (`kit.ready`). A typed collection's
    // `$status`/`loaded()` covers one collection, so neither would say that.
    const $status = atom<'loading' | 'ready' | 'error'>('loading');
    const ready = whenCollectionsLoaded(kit, [Collections.messages, MESSAGE_READS_COLLECTION]).then(
      () => $status.set('ready'),
      (error: unknown) => {
        $status.set('error');
        throw error;
      },
    );
    ready.catch(() => undefined);

    const $messages = computed($raw, (list) => [...list].sort(compareMessages) as readonly Message[]);
    const $byChannel = computed($messages, (list) => {
      const map = new Map<string, Message[]>();
      for (const message of list) {
        const key = `${message.pairingId}\u0000${message.mentorsOnly === true ? 'notes' : 'conversation'}`;
        let bucket = map.get(key);
        if (!bucket) map.set(key, (bucket = []));
        bucket.push(message);
      }
      return map;
    });
    const channelKey = (pairingId: string, notes: boolean) => `${pairingId}\u0000${notes ? 'notes' : 'conversation'}`;
    const EMPTY: readonly Message[] = Object.freeze([]);
    const channelStores = new Map<string, ReadableAtom<readonly Message[]>>();

    const requireId = (value: unknown, path: string) => parseOrThrow(IdSchema, value, path);
    const notesOf = (options: ChannelOptions | undefined, path = 'options.notes'): boolean => {
      if (options === undefined) return false;
      if (typeof options !== 'object' || options === null) invalidInput('options', 'Options must be an object such as { notes: true }.');
      if (options.notes !== undefined && typeof options.notes !== 'boolean') invalidInput(path, '`notes` must be true or false.');
      return options.notes === true;
    };
    const pairingOf = (pairingId: string) => kit.$pairings.get().find((pairing) => pairing.id === pairingId);
    const myRead = (pairingId: string) => $reads.get().find((read) => read.pairingId === pairingId && read.personId === userId);

    const membersOf = (pairing: Pairing, notes: boolean): ThreadMember[] =>
      pairingMembers(pairing).filter(
        (member) =>
          decide(host.policyContext, { id: member.personId }, 'read', Collections.messages, {
            id: 'probe',
            pairingId: pairing.id,
            mentorsOnly: notes,
            authorId: member.personId,
          }).allowed,
      );

    const $threads = computed([kit.$myPairings, $byChannel, $reads], (pairings, byChannel, reads) => {
      const summaries = pairings.map((pairing): ThreadSummary => {
        const conversation = byChannel.get(channelKey(pairing.id, false)) ?? [];
        const notes = byChannel.get(channelKey(pairing.id, true)) ?? [];
        const read = reads.find((candidate) => candidate.pairingId === pairing.id && candidate.personId === userId);
        const members = membersOf(pairing, false);
        const hasNotes = membersOf(pairing, true).some((member) => member.personId === userId);
        const last = conversation[conversation.length - 1];
        return {
          pairingId: pairing.id,
          pairingStatus: pairing.status,
          members,
          messageCount: conversation.length,
          unreadCount: unreadCount(conversation, userId, lastReadOf(read)),
          ...(last ? { lastMessage: last } : {}),
          hasNotes,
          notesCount: hasNotes ? notes.length : 0,
          notesUnreadCount: hasNotes ? unreadCount(notes, userId, lastReadOf(read, true)) : 0,
          canPost: pairing.status !== 'closed' && members.some((member) => member.personId === userId),
        };
      });
      return summaries.sort(
        (a, b) =>
          (b.lastMessage ? Date.parse(sentAtOf(b.lastMessage)) : 0) - (a.lastMessage ? Date.parse(sentAtOf(a.lastMessage)) : 0) ||
          (a.pairingId < b.pairingId ? -1 : 1),
      );
    });

    const messagesStore = (pairingId: string, notes: boolean) => {
      const key = channelKey(pairingId, notes);
      let store = channelStores.get(key);
      if (!store) {
        store = computed($byChannel, (byChannel) => byChannel.get(key) ?? EMPTY);
        channelStores.set(key, store);
      }
      return store;
    };

    const visibleMessage = (messageId: unknown): Message => {
      const id = requireId(messageId, 'messageId');
      const message = $raw.get().find((candidate) => candidate.id === id);
      if (!message) throw new MentorKitError('not-found', `No message "${id}" is visible to you.`, { path: 'messageId' });
      return message;
    };

    /** Checks that the user can post in the channel now. */
    const postable = async (pairingId: unknown, mentorsOnly: unknown): Promise<{ pairing: Pairing; notes: boolean }> => {
      const id = requireId(pairingId, 'message.pairingId');
      if (mentorsOnly !== undefined && typeof mentorsOnly !== 'boolean') invalidInput('message.mentorsOnly', '`mentorsOnly` must be true or false.');
      await ready;
      const pairing = pairingOf(id);
      if (!pairing) throw new MentorKitError('not-found', `No pairing "${id}" is visible to you.`, { path: 'message.pairingId' });
      if (pairing.status === 'closed')
        throw new MentorKitError('forbidden', 'This pairing is closed; its conversation is kept but read-only.', { path: 'message.pairingId' });
      return { pairing, notes: mentorsOnly === true };
    };

    /** A send time after the channel's newest message, so order survives a coarse or fixed clock. */
    const nextSentAt = (pairingId: string, notes: boolean) => {
      const list = messagesStore(pairingId, notes).get();
      const last = list[list.length - 1];
      const now = Date.parse(kit.now());
      return new Date(last ? Math.max(now, Date.parse(sentAtOf(last)) + 1) : now).toISOString();
    };

    type Listener = { listener: (notification: MessageNotification) => void; deliver: 'scheduled' | 'immediately'; timers: Set<ReturnType<typeof setTimeout>> };
    const notifyListeners = new Set<Listener>();

    const recipientsOf = (pairing: Pairing, notes: boolean): Person[] => {
      const people = kit.$people.get();
      return membersOf(pairing, notes)
        .filter((member) => member.personId !== userId)
        .map((member) => people[member.personId])
        .filter((person): person is Person => person !== undefined);
    };

    const notify = (message: Message, plan: NotificationPlanEntry[]) => {
      for (const entry of notifyListeners) {
        for (const step of plan) {
          const notification: MessageNotification = {
            message,
            recipientId: step.recipientId,
            deliverAt: step.deliverAt,
            deferred: step.deferred,
            quietHours: step.quietHours,
          };
          const call = () => {
            try {
              entry.listener(notification);
            } catch (error) {
              console.error('[mentorkit] an onNotify listener threw; the message was sent.', error);
            }
          };
          const wait = Date.parse(step.deliverAt) - Date.parse(kit.now());
          if (entry.deliver === 'immediately' || wait <= 0) call();
          else {
            const timer = setTimeout(
              () => {
                entry.timers.delete(timer);
                call();
              },
              Math.min(wait, MAX_TIMER_MS),
            );
            entry.timers.add(timer);
          }
        }
      }
    };

    const afterSend = (stored: Message, pairing: Pairing, notes: boolean) => {
      const plan = notificationPlan(sentAtOf(stored), recipientsOf(pairing, notes));
      host.emit({
        type: MessagingEventType.messageSent,
        collection: Collections.messages,
        recordId: stored.id,
        revision: stored.revision,
        pairingId: pairing.id,
        programId: pairing.programId,
        data: {
          kind: stored.kind,
          mentorsOnly: notes,
          recipients: plan.map((step) => ({ personId: step.recipientId, deliverAt: step.deliverAt, deferred: step.deferred })),
        },
      });
      notify(stored, plan);
      return stored;
    };

    const ownMessage = async (messageId: unknown, what: string): Promise<Message> => {
      await ready;
      const message = visibleMessage(messageId);
      if (message.authorId !== userId) throw new MentorKitError('forbidden', `Only the author can ${what} a message.`, { path: 'messageId' });
      if (message.deletedAt !== undefined) throw new MentorKitError('invalid-input', 'This message was deleted.', { path: 'messageId' });
      return message;
    };

    const update = async (
      current: Message,
      changes: Record<string, unknown>,
      entry: Omit<MessageHistoryEntry, 'at' | 'by'>,
      options: WriteOptions | undefined,
    ) => {
      const writeOptions = validateWriteOptions(options);
      const at = kit.now();
      const history = [...(current.history ?? []), { ...entry, at, by: userId }];
      const record = parseOrThrow(MessageInputSchema, { ...stripStored(current), ...changes, history }, 'message');
      return messages.update(record, { expectedRevision: writeOptions.expectedRevision ?? current.revision });
    };

    const emitChange = (type: 'message-edited' | 'message-deleted' | 'message-shared', stored: Message) => {
      const pairing = pairingOf(stored.pairingId);
      host.emit({
        type,
        collection: Collections.messages,
        recordId: stored.id,
        revision: stored.revision,
        pairingId: stored.pairingId,
        ...(pairing ? { programId: pairing.programId } : {}),
        data: { kind: stored.kind, mentorsOnly: stored.mentorsOnly },
      });
    };

    const api: MessagingApi = {
      $threads,
      $messages,
      $reads,
      $unread: unreadCountsOf(kit),
      $status,
      ready,

      messages: (pairingId, options) => messagesStore(requireId(pairingId, 'pairingId'), notesOf(options)),

      thread: (pairingId) => $threads.get().find((thread) => thread.pairingId === pairingId),

      members(pairingId, options) {
        const pairing = pairingOf(requireId(pairingId, 'pairingId'));
        return pairing ? membersOf(pairing, notesOf(options)) : [];
      },

      async send(input) {
        if (typeof input !== 'object' || input === null) invalidInput('message', 'A message needs { pairingId, text }.');
        const text = parseOrThrow(longText(TEXT_LIMITS.message.text), input.text, 'message.text');
        if (text.trim() === '') invalidInput('message.text', 'Write something before sending.');
        const { pairing, notes } = await postable(input.pairingId, input.mentorsOnly);
        const record = parseOrThrow(
          MessageInputSchema,
          { id: host.newId(), pairingId: pairing.id, authorId: userId, kind: 'text', text, mentorsOnly: notes, sentAt: nextSentAt(pairing.id, notes) },
          'message',
        );
        const stored = await messages.create(record);
        return afterSend(stored, pairing, notes);
      },

      async sendVoice(input) {
        if (typeof input !== 'object' || input === null) invalidInput('message', 'A voice note needs { pairingId, audio, durationSeconds }.');
        const { storage } = kit;
        if (typeof storage.putBlob !== 'function' || typeof storage.getBlob !== 'function')
          throw new MentorKitError(
            'unsupported',
            `The storage "${storage.name}" cannot keep audio (it has no putBlob/getBlob); voice notes need an adapter with attachments.`,
            { path: 'storage' },
          );
        const audio = input.audio;
        if (typeof Blob !== 'function' || !(audio instanceof Blob)) invalidInput('message.audio', '`audio` must be a Blob, e.g. what MediaRecorder recorded.');
        if (audio.size === 0) invalidInput('message.audio', 'The recording is empty; record again.');
        if (audio.size > MAX_VOICE_BYTES)
          invalidInput('message.audio', `The recording is too large (${Math.round(audio.size / 1e6)} MB); the limit is ${MAX_VOICE_BYTES / 1e6} MB.`);
        const contentType = audio.type || 'audio/webm';
        const id = host.newId();
        const blobId = `voice-${id}`;
        const { pairing, notes } = await postable(input.pairingId, input.mentorsOnly);
        const record = parseOrThrow(
          MessageInputSchema,
          {
            id,
            pairingId: pairing.id,
            authorId: userId,
            kind: 'voice',
            voice: { blobId, durationSeconds: input.durationSeconds, contentType },
            mentorsOnly: notes,
            sentAt: nextSentAt(pairing.id, notes),
          },
          'message',
        );
        host.authorize('create', Collections.messages, record);
        await storage.putBlob(blobId, audio);
        let stored: Message;
        try {
          stored = await messages.create(record);
        } catch (error) {
          await storage.deleteBlob?.(blobId).catch(() => undefined);
          throw error;
        }
        return afterSend(stored, pairing, notes);
      },

      async edit(messageId, text, options) {
        const newText = parseOrThrow(longText(TEXT_LIMITS.message.text), text, 'text');
        if (newText.trim() === '') invalidInput('text', 'A message cannot be empty; delete it instead.');
        const current = await ownMessage(messageId, 'edit');
        if (current.kind !== 'text') invalidInput('messageId', 'Voice notes cannot be edited; delete it and record another.');
        if (current.text === newText) return current;
        const stored = await update(current, { text: newText, editedAt: kit.now() }, { action: 'edited', previousText: current.text ?? '' }, options);
        emitChange(MessagingEventType.messageEdited, stored);
        return stored;
      },

      async delete(messageId, options) {
        const current = await ownMessage(messageId, 'delete');
        const stored = await update(current, { text: undefined, voice: undefined, deletedAt: kit.now() }, { action: 'deleted' }, options);
        if (current.voice) await kit.storage.deleteBlob?.(current.voice.blobId).catch(() => undefined);
        emitChange(MessagingEventType.messageDeleted, stored);
        return stored;
      },

      async share(messageId, options) {
        const current = await ownMessage(messageId, 'share');
        if (current.mentorsOnly !== true) invalidInput('messageId', 'This message is already part of the conversation.');
        const pairing = pairingOf(current.pairingId);
        if (pairing?.status === 'closed')
          throw new MentorKitError('forbidden', 'This pairing is closed; its conversation is read-only.', { path: 'messageId' });
        const stored = await update(current, { mentorsOnly: false, sentAt: nextSentAt(current.pairingId, false) }, { action: 'shared' }, options);
        emitChange(MessagingEventType.messageShared, stored);
        return stored;
      },

      async markRead(pairingId, options) {
        const id = requireId(pairingId, 'pairingId');
        const notes = notesOf(options);
        await ready;
        if (!pairingOf(id)) throw new MentorKitError('not-found', `No pairing "${id}" is visible to you.`, { path: 'pairingId' });
        const list = messagesStore(id, notes).get();
        const upToId = (options as { upTo?: unknown | undefined } | undefined)?.upTo;
        if (upToId !== undefined) requireId(upToId, 'upTo');
        const newest = upToId === undefined ? list[list.length - 1] : list.find((message) => message.id === upToId);
        if (upToId !== undefined && !newest)
          throw new MentorKitError('not-found', `No message "${String(upToId)}" in this ${notes ? "mentors' notes" : 'conversation'}.`, { path: 'upTo' });
        if (!newest) return myRead(id);
        const upTo = sentAtOf(newest);
        const current = myRead(id);
        const previous = lastReadOf(current, notes);
        if (previous !== undefined && Date.parse(previous) >= Date.parse(upTo)) return current;
        const record = parseOrThrow(
          MessageReadInputSchema,
          {
            ...(current ? stripStored(current) : { lastReadAt: notes ? '1970-01-01T00:00:00.000Z' : upTo }),
            id: `${id}~${userId}`,
            pairingId: id,
            personId: userId,
            ...(notes ? { notesLastReadAt: upTo } : { lastReadAt: upTo }),
          },
          'read',
        );
        const stored = current ? await reads.update(record, { expectedRevision: current.revision }) : await reads.create(record);
        const pairing = pairingOf(id);
        host.emit({
          type: MessagingEventType.messagesRead,
          collection: MESSAGE_READS_COLLECTION,
          recordId: stored.id,
          revision: stored.revision,
          pairingId: id,
          ...(pairing ? { programId: pairing.programId } : {}),
          data: { notes, upTo },
        });
        return stored;
      },

      lastRead: (pairingId, options) => lastReadOf(myRead(requireId(pairingId, 'pairingId')), notesOf(options)),

      unreadCount(pairingId, options) {
        const id = requireId(pairingId, 'pairingId');
        const notes = notesOf(options);
        return unreadCount(messagesStore(id, notes).get(), userId, lastReadOf(myRead(id), notes));
      },

      readBy(messageId) {
        const message = visibleMessage(messageId);
        return readReceipts(message, $reads.get());
      },

      async voiceAudio(messageId) {
        await ready;
        const message = visibleMessage(messageId);
        if (!message.voice) return undefined;
        if (typeof kit.storage.getBlob !== 'function')
          throw new MentorKitError('unsupported', `The storage "${kit.storage.name}" cannot keep audio.`, { path: 'storage' });
        return kit.storage.getBlob(message.voice.blobId);
      },

      search(pairingId, query, options = {}) {
        const id = requireId(pairingId, 'pairingId');
        if (typeof query !== 'string') invalidInput('query', '`query` must be text.');
        return searchMessages(messagesStore(id, notesOf(options)).get(), query, options.limit !== undefined ? { limit: options.limit } : {});
      },

      quietHours(pairingId, options = {}) {
        const pairing = pairingOf(requireId(pairingId, 'pairingId'));
        if (!pairing) return [];
        const at = options.at ?? kit.now();
        return recipientsOf(pairing, notesOf(options)).map((person) => quietHoursFor(person, at));
      },

      onNotify(listener, options = {}) {
        if (typeof listener !== 'function') invalidInput('listener', 'onNotify needs a listener function.');
        const deliver = options.deliver ?? 'scheduled';
        if (deliver !== 'scheduled' && deliver !== 'immediately') invalidInput('options.deliver', '`deliver` must be "scheduled" or "immediately".');
        const entry: Listener = { listener, deliver, timers: new Set() };
        notifyListeners.add(entry);
        return () => {
          notifyListeners.delete(entry);
          for (const timer of entry.timers) clearTimeout(timer);
          entry.timers.clear();
        };
      },
    };
    return api;
  },
});
