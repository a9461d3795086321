import { computed, type ReadableAtom } from 'nanostores';
import type { MentorKitFeature } from '../client/client.js';
import { defineFeature, stripStored } from '../client/feature-host.js';
import { concernsPolicy } from '../policy/concerns-rule.js';
import { Collections } from '../model/collections.js';
import { CONCERN_STATUSES, ConcernInputSchema, type Concern, type ConcernHistoryEntry, type ConcernStatus } from '../model/concern.js';
import { MentorKitError, isMentorKitError } from '../model/errors.js';
import { TEXT_LIMITS } from '../model/limits.js';
import type { Message } from '../model/message.js';
import type { Pairing } from '../model/pairing.js';
import { IdSchema } from '../model/primitives.js';
import { invalidInput, parseOrThrow } from '../model/validate.js';
import { roleInPairing } from '../model/pairing-roles.js';

/**
 * Domain events of the concerns module. They say what happened and to which pairing — never the
 * concern's text or the quoted message — and they are not learning records (`isXapiEventType` is
 * false for both, so an xAPI forwarder leaves them alone).
 */
declare module '../client/events.js' {
  interface DomainEventMap {
    'concern-raised': { about: 'pairing' | 'message'; pauseRequested: boolean };
    'concern-status-changed': { from: ConcernStatus; to: ConcernStatus };
  }
}

export const ConcernEventType = {
  concernRaised: 'concern-raised',
  concernStatusChanged: 'concern-status-changed',
} as const;

/** What happened to the pause the reporter asked for. */
export type ConcernPauseOutcome = 'not-requested' | 'paused' | 'already-paused' | 'refused';

export interface RaisedConcern {
  concern: Concern;
  /** `refused`: the concern was raised, but the pairing could not be paused (`pauseRefusal` says why). */
  pause: ConcernPauseOutcome;
  pauseRefusal?: string | undefined;
}

export interface RaiseConcernInput {
  pairingId: string;
  /** What happened, in the reporter's words. */
  text: string;
  /** Pause the pairing at once. */
  pause?: boolean | undefined;
}

export interface ReportMessageInput {
  messageId: string;
  text: string;
  pause?: boolean | undefined;
}

export interface ConcernsApi {
  /** Concerns the user may read (those they raised; admins: those of their programmes' pairings they are not in): open first, then in review, then closed; newest first within each. */
  readonly $concerns: ReadableAtom<readonly Concern[]>;
  /** `loading` until the concerns are loaded; `error` until a failed load is read again (`kit.ready`, `kit.refresh()`, a command). The concerns collection's own status. */
  readonly $status: ReadableAtom<'loading' | 'ready' | 'error'>;
  /** Resolves once the concerns are first loaded (rejects with the load error). */
  readonly ready: Promise<void>;
  /** Raises a concern about a pairing the user is a member of (also a closed one). Emits `concern-raised`. */
  raise(input: RaiseConcernInput): Promise<RaisedConcern>;
  /** Reports a message someone else wrote in one of the user's pairings; the concern keeps a copy of it (`quote`), since admins cannot read conversations. Emits `concern-raised`. */
  reportMessage(input: ReportMessageInput): Promise<RaisedConcern>;
  /** Whether the user may report this message (someone else's, not deleted, in a pairing they are in). */
  canReport(message: Pick<Message, 'pairingId' | 'authorId'> & { deletedAt?: string | undefined }): boolean;
  /** Admins: moves a concern to another status, with an optional note. Emits `concern-status-changed`. */
  setStatus(id: string, status: ConcernStatus, options?: { note?: string | undefined }): Promise<Concern>;
  /** Adds a note to the trail (the programme's admins, or the person who raised it). */
  addNote(id: string, note: string): Promise<Concern>;
  get(id: string): Concern;
  /** Whether the user handles this concern (may change its status). */
  canHandle(id: string): boolean;
}

const STATUS_RANK: Record<string, number> = { open: 0, 'in-review': 1, closed: 2 };
const byQueueOrder = (a: Concern, b: Concern) =>
  (STATUS_RANK[a.status] ?? 3) - (STATUS_RANK[b.status] ?? 3) || (a.raisedAt < b.raisedAt ? 1 : a.raisedAt > b.raisedAt ? -1 : 0) || (a.id < b.id ? -1 : 1);

/** The reporter's words: text, not blank, within the limit. */
function reporterText(value: unknown, path: string, max: number): string {
  if (typeof value !== 'string') invalidInput(path, 'Say what happened, in a few words.');
  if (value.trim() === '') invalidInput(path, 'Say what happened, in a few words.');
  if (value.length > max) invalidInput(path, `This is ${value.length} characters long; keep it to ${max}.`);
  return value;
}
function pauseFlag(value: unknown, path: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') invalidInput(path, '`pause` must be true or false.');
  return value;
}

/**
 * A safe place to raise a concern: a person reports a message or raises a concern about their
 * pairing; it goes to the programme's admins and only them, with a status (open, in review,
 * closed) and an audit trail; the reporter may ask to pause the pairing at once (docs/concerns.md).
 *
 * ```ts
 * import { concernsFeature } from '@mentorkit/core/concerns';
 * const concerns = kit.use(concernsFeature);
 * const { concern, pause } = await concerns.raise({ pairingId: 'p1', text: 'Our sessions keep being cancelled at the last minute.', pause: true });
 * ```
 */
export const concernsFeature: MentorKitFeature<'concerns', ConcernsApi> = defineFeature({
  name: 'concerns',
  collections: [Collections.concerns],
  // The feature brings the concerns rule: it is not in every client's first load (policy/concerns-rule.ts).
  policy: { [Collections.concerns]: concernsPolicy },
  install(kit, host) {
    const userId = kit.user.id;
    const concerns = host.collection(Collections.concerns);
    /** Tracked on first report only: a page that lists concerns does not load the messages. */
    const messages = () => host.collection(Collections.messages);
    const $records = concerns.$records;
    const $concerns = computed($records, (list) => [...list].sort(byQueueOrder) as readonly Concern[]);
    // One collection: its load status and first load are the feature's (no atom of its own). The
    // commands wait with `concerns.loaded()`, which reads a failed collection again.
    const $status = concerns.$status;
    const ready = concerns.loaded();

    const requireId = (value: unknown, path: string) => parseOrThrow(IdSchema, value, path);
    const find = (id: string): Concern => {
      const concern = $records.get().find((candidate) => candidate.id === id);
      if (!concern) throw new MentorKitError('not-found', `No concern "${id}" is visible to you.`, { path: 'id' });
      return concern;
    };
    const memberPairing = (pairingId: string, path: string): Pairing => {
      const pairing = kit.$pairings.get().find((candidate) => candidate.id === pairingId);
      if (!pairing || !roleInPairing(pairing, userId))
        throw new MentorKitError('forbidden', 'You can raise a concern only about a pairing you are in.', { path });
      return pairing;
    };

    /** Pauses the pairing for the concern when asked; a refusal leaves the concern raised. */
    const pauseFor = async (concern: Concern, pairing: Pairing): Promise<RaisedConcern> => {
      if (pairing.status === 'paused') return { concern, pause: 'already-paused' };
      try {
        await kit.pairings.setStatus(pairing.id, 'paused');
      } catch (error) {
        return { concern, pause: 'refused', pauseRefusal: isMentorKitError(error) ? error.message : 'The pairing could not be paused.' };
      }
      try {
        const updated = await append(concern, { at: kit.now(), by: userId, action: 'paused' });
        return { concern: updated, pause: 'paused' };
      } catch {
        // The pairing is paused; only the trail entry is missing (another write came first).
        return { concern: find(concern.id), pause: 'paused' };
      }
    };

    const append = async (concern: Concern, entry: ConcernHistoryEntry, status?: ConcernStatus): Promise<Concern> => {
      const record = parseOrThrow(
        ConcernInputSchema,
        { ...stripStored(concern), ...(status ? { status } : {}), history: [...concern.history, entry] },
        'concern',
      );
      return concerns.update(record, { expectedRevision: concern.revision });
    };

    const create = async (
      pairing: Pairing,
      fields: { about: 'pairing' | 'message'; messageId?: string | undefined; quote?: Concern['quote'] | undefined; text: string; pause: boolean },
    ): Promise<RaisedConcern> => {
      const now = kit.now();
      const record = parseOrThrow(
        ConcernInputSchema,
        {
          id: host.newId(),
          programId: pairing.programId,
          pairingId: pairing.id,
          reporterId: userId,
          about: fields.about,
          ...(fields.messageId ? { messageId: fields.messageId } : {}),
          ...(fields.quote ? { quote: fields.quote } : {}),
          text: fields.text,
          pauseRequested: fields.pause,
          status: 'open',
          raisedAt: now,
          history: [{ at: now, by: userId, action: 'raised' }],
        },
        'concern',
      );
      const stored = await concerns.create(record);
      host.emit({
        type: ConcernEventType.concernRaised,
        collection: Collections.concerns,
        recordId: stored.id,
        revision: stored.revision,
        pairingId: pairing.id,
        programId: pairing.programId,
        data: { about: stored.about, pauseRequested: stored.pauseRequested },
      });
      return fields.pause ? pauseFor(stored, pairing) : { concern: stored, pause: 'not-requested' };
    };

    const validateInput = (input: unknown, shape: string): Record<string, unknown> => {
      if (typeof input !== 'object' || input === null) invalidInput('concern', `A concern needs ${shape}.`);
      return input as Record<string, unknown>;
    };

    const api: ConcernsApi = {
      $concerns,
      $status,
      ready,

      async raise(input) {
        const fields = validateInput(input, '{ pairingId, text, pause? }');
        const pairingId = requireId(fields.pairingId, 'concern.pairingId');
        const text = reporterText(fields.text, 'concern.text', TEXT_LIMITS.concern.text);
        const pause = pauseFlag(fields.pause, 'concern.pause');
        await kit.ready;
        return create(memberPairing(pairingId, 'concern.pairingId'), { about: 'pairing', text, pause });
      },

      async reportMessage(input) {
        const fields = validateInput(input, '{ messageId, text, pause? }');
        const messageId = requireId(fields.messageId, 'concern.messageId');
        const text = reporterText(fields.text, 'concern.text', TEXT_LIMITS.concern.text);
        const pause = pauseFlag(fields.pause, 'concern.pause');
        await messages().loaded();
        await kit.ready;
        const message = messages().readable(messageId);
        if (!message) throw new MentorKitError('not-found', `No message "${messageId}" is visible to you.`, { path: 'concern.messageId' });
        if (message.authorId === userId) invalidInput('concern.messageId', 'This is your own message; to raise a concern about your pairing, use raise().');
        if (message.deletedAt !== undefined)
          invalidInput('concern.messageId', 'This message was deleted; raise a concern about the pairing and say what it said.');
        const pairing = memberPairing(message.pairingId, 'concern.messageId');
        const quote = { authorId: message.authorId, sentAt: message.sentAt ?? message.createdAt ?? message.updatedAt, text: message.text ?? '' };
        return create(pairing, { about: 'message', messageId, quote, text, pause });
      },

      canReport(message) {
        if (typeof message !== 'object' || message === null) return false;
        if (message.authorId === userId || message.deletedAt !== undefined) return false;
        const pairing = kit.$pairings.get().find((candidate) => candidate.id === message.pairingId);
        return pairing !== undefined && roleInPairing(pairing, userId) !== undefined;
      },

      async setStatus(id, status, options) {
        const concernId = requireId(id, 'id');
        if (!(CONCERN_STATUSES as readonly string[]).includes(status))
          invalidInput('status', `\`status\` must be "open", "in-review" or "closed" (got ${JSON.stringify(status)}).`);
        if (options !== undefined && (typeof options !== 'object' || options === null))
          invalidInput('options', 'Options must be an object such as { note: "Spoke to both" }.');
        const note = options?.note === undefined || options.note === '' ? undefined : reporterText(options.note, 'options.note', TEXT_LIMITS.concern.note);
        await concerns.loaded();
        const concern = find(concernId);
        if (concern.status === status) invalidInput('status', `This concern is already ${status === 'in-review' ? 'in review' : status}.`);
        const updated = await append(concern, { at: kit.now(), by: userId, action: 'status', status, ...(note === undefined ? {} : { note }) }, status);
        host.emit({
          type: ConcernEventType.concernStatusChanged,
          collection: Collections.concerns,
          recordId: updated.id,
          revision: updated.revision,
          pairingId: updated.pairingId,
          programId: updated.programId,
          data: { from: concern.status, to: status },
        });
        return updated;
      },

      async addNote(id, note) {
        const concernId = requireId(id, 'id');
        const text = reporterText(note, 'note', TEXT_LIMITS.concern.note);
        await concerns.loaded();
        return append(find(concernId), { at: kit.now(), by: userId, action: 'note', note: text });
      },

      get(id) {
        return find(requireId(id, 'id'));
      },

      canHandle(id) {
        const concern = $records.get().find((candidate) => candidate.id === id);
        if (!concern || concern.reporterId === userId) return false;
        const pairing = kit.$pairings.get().find((candidate) => candidate.id === concern.pairingId);
        const adminIds = kit.$programs.get().find((program) => program.id === (pairing?.programId ?? concern.programId))?.adminIds ?? [];
        return adminIds.includes(userId) && (pairing === undefined || roleInPairing(pairing, userId) === undefined);
      },
    };
    return api;
  },
});
