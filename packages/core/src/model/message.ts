import * as v from 'valibot';
import { IdSchema, InstantSchema, longText, shortText } from './primitives.js';
import { TEXT_LIMITS } from './limits.js';
import type { RecordMeta } from './collections.js';

/** Asynchronous messages and voice notes. */

/** Attachment of a voice note: the audio lives in the adapter's blob store under `blobId`. */
export const VoiceAttachmentSchema = v.object({
  blobId: IdSchema,
  durationSeconds: v.pipe(
    v.number('must be a number of seconds'),
    v.finite('must be a finite number'),
    v.minValue(0, 'must be 0 or more'),
    v.maxValue(60 * 30, 'must be at most 30 minutes (1800 seconds)'),
  ),
  contentType: v.pipe(shortText(100), v.regex(/^audio\/[a-z0-9.+-]+(;.*)?$/i, 'must be an audio type such as "audio/webm;codecs=opus"')),
});
export type VoiceAttachment = v.InferOutput<typeof VoiceAttachmentSchema>;

/** One entry of a message's audit trail. Edits keep the previous text; deletes keep who and when. */
export const MessageHistoryEntrySchema = v.object({
  action: v.picklist(['edited', 'deleted', 'shared'], 'must be "edited", "deleted" or "shared"'),
  at: InstantSchema,
  by: IdSchema,
  /** The text before an edit. */
  previousText: v.optional(longText(TEXT_LIMITS.message.text)),
});
export type MessageHistoryEntry = v.InferOutput<typeof MessageHistoryEntrySchema>;

export const MessageInputSchema = v.pipe(
  v.object({
    id: IdSchema,
    pairingId: IdSchema,
    authorId: IdSchema,
    kind: v.picklist(['text', 'voice'], 'must be "text" or "voice"'),
    text: v.optional(longText(TEXT_LIMITS.message.text)),
    voice: v.optional(VoiceAttachmentSchema),
    /** Visible only to the pairing's mentors (co-mentor shared notes). */
    mentorsOnly: v.optional(v.boolean(), false),
    sentAt: v.optional(InstantSchema),
    editedAt: v.optional(InstantSchema),
    /** A deleted message keeps its place and its audit trail; its text and audio are gone. */
    deletedAt: v.optional(InstantSchema),
    history: v.optional(v.pipe(v.array(MessageHistoryEntrySchema, 'must be a list of history entries'), v.maxLength(200, 'must have at most 200 entries')), []),
  }),
  v.check(
    (message) =>
      message.deletedAt !== undefined ||
      (message.kind === 'text' ? typeof message.text === 'string' && message.text.trim() !== '' : message.voice !== undefined),
    'a text message needs `text`; a voice message needs `voice`',
  ),
);
export type MessageInput = v.InferInput<typeof MessageInputSchema>;
export type MessageData = v.InferOutput<typeof MessageInputSchema>;

/** A stored message record. */
export type Message = MessageData & RecordMeta & { sentAt?: string | undefined };

/** Collection of read markers: one record per person and pairing (`message-reads`). */
export const MESSAGE_READS_COLLECTION = 'message-reads';

/** How far a person has read a pairing's conversation (and, separately, the mentors' notes). */
export const MessageReadInputSchema = v.object({
  /** `<pairingId>~<personId>` */
  id: IdSchema,
  pairingId: IdSchema,
  personId: IdSchema,
  /** Messages sent at or before this instant are read. */
  lastReadAt: InstantSchema,
  /** The same for the mentors' shared notes. */
  notesLastReadAt: v.optional(InstantSchema),
});
export type MessageReadInput = v.InferInput<typeof MessageReadInputSchema>;
export type MessageRead = v.InferOutput<typeof MessageReadInputSchema> & RecordMeta;
