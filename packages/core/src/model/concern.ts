import * as v from 'valibot';
import { IdSchema, InstantSchema, longText } from './primitives.js';
import { TEXT_LIMITS } from './limits.js';
import type { RecordMeta } from './collections.js';

/**
 * A concern raised about a pairing, or about one message of its conversation (docs/concerns.md).
 * Only the person who raised it and the programme's admins ever read it — never the other members
 * of the pairing, never the person it may be about.
 */

export const CONCERN_STATUSES = ['open', 'in-review', 'closed'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

export const CONCERN_ABOUT = ['pairing', 'message'] as const;
export type ConcernAbout = (typeof CONCERN_ABOUT)[number];

export const CONCERN_HISTORY_ACTIONS = ['raised', 'status', 'note', 'paused'] as const;
export type ConcernHistoryAction = (typeof CONCERN_HISTORY_ACTIONS)[number];

const StatusSchema = v.picklist(CONCERN_STATUSES, 'must be "open", "in-review" or "closed"');

/** What happened, in the reporter's words: not empty, within the limit. */
const concernText = (max: number) =>
  v.pipe(
    longText(max),
    v.check((value) => value.trim().length > 0, 'must say what happened'),
  );

/** The reported message as it was when reported (admins cannot read the conversation itself). */
export const ConcernQuoteSchema = v.object({
  authorId: IdSchema,
  sentAt: InstantSchema,
  text: longText(TEXT_LIMITS.message.text),
});
export type ConcernQuote = v.InferOutput<typeof ConcernQuoteSchema>;

/** One entry of a concern's audit trail. */
export const ConcernHistoryEntrySchema = v.object({
  at: InstantSchema,
  by: IdSchema,
  action: v.picklist(CONCERN_HISTORY_ACTIONS, 'must be "raised", "status", "note" or "paused"'),
  /** The status it moved to (`status`). */
  status: v.optional(StatusSchema),
  /** A note from an admin or the reporter (`status`, `note`). */
  note: v.optional(concernText(TEXT_LIMITS.concern.note)),
});
export type ConcernHistoryEntry = v.InferOutput<typeof ConcernHistoryEntrySchema>;

export const ConcernInputSchema = v.pipe(
  v.object({
    id: IdSchema,
    programId: IdSchema,
    pairingId: IdSchema,
    reporterId: IdSchema,
    about: v.picklist(CONCERN_ABOUT, 'must be "pairing" or "message"'),
    messageId: v.optional(IdSchema),
    quote: v.optional(ConcernQuoteSchema),
    text: concernText(TEXT_LIMITS.concern.text),
    /** The reporter asked for the pairing to be paused at once. */
    pauseRequested: v.optional(v.boolean('must be true or false'), false),
    status: v.optional(StatusSchema, 'open'),
    /** When it was raised. */
    raisedAt: InstantSchema,
    history: v.pipe(
      v.array(ConcernHistoryEntrySchema, 'must be a list of history entries'),
      v.minLength(1, 'must start with the "raised" entry'),
      v.maxLength(500, 'must have at most 500 entries'),
    ),
  }),
  v.check(
    (concern) => (concern.about === 'message') === (concern.messageId !== undefined),
    'a concern about a message names `messageId`; a concern about the pairing does not',
  ),
  v.check((concern) => concern.quote === undefined || concern.about === 'message', 'only a concern about a message quotes it'),
);
export type ConcernInput = v.InferInput<typeof ConcernInputSchema>;
export type ConcernData = v.InferOutput<typeof ConcernInputSchema>;

/** A stored concern. */
export type Concern = ConcernData & RecordMeta;
