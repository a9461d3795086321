import * as v from 'valibot';
import { IdSchema, longText, shortText } from './primitives.js';
import type { RecordMeta } from './collections.js';

/** Asynchronous messages and voice notes. */

export const MessageInputSchema = v.pipe(
  v.object({
    id: IdSchema,
    pairingId: IdSchema,
    authorId: IdSchema,
    kind: v.picklist(['text', 'voice'], 'must be "text" or "voice"'),
    text: v.optional(longText(10_000)),
    voice: v.optional(v.object({ blobId: IdSchema, durationSeconds: v.pipe(v.number(), v.minValue(0), v.maxValue(60 * 30)), contentType: shortText(100) })),
    /** Visible only to the pairing's mentors (co-mentor shared notes). */
    mentorsOnly: v.optional(v.boolean(), false),
  }),
  v.check((message) => (message.kind === 'text' ? typeof message.text === 'string' && message.text.trim() !== '' : message.voice !== undefined), 'a text message needs `text`; a voice message needs `voice`'),
);
export type MessageInput = v.InferInput<typeof MessageInputSchema>;
export type MessageData = v.InferOutput<typeof MessageInputSchema>;

/** A stored message record. */
export type Message = MessageData & RecordMeta & { sentAt?: string };
