import type * as v from 'valibot';
import { AgreementInputSchema } from '../model/agreement.js';
import { CalendarBusyInputSchema } from '../model/calendar-busy.js';
import { CoachingRunInputSchema } from '../model/coaching-run.js';
import { ConcernInputSchema } from '../model/concern.js';
import { Collections } from '../model/collections.js';
import { MentorKitError } from '../model/errors.js';
import { FeedbackInputSchema } from '../model/feedback.js';
import { GoalInputSchema } from '../model/goal.js';
import { MessageInputSchema, MessageReadInputSchema } from '../model/message.js';
import { PairingInputSchema } from '../model/pairing.js';
import { PairingRoundSchema } from '../model/pairing-round.js';
import { PersonInputSchema } from '../model/person.js';
import { ProgramInputSchema } from '../model/program.js';
import { RapportRecordSchema } from '../model/rapport.js';
import { SessionInputSchema } from '../model/session.js';
import { parseOrThrow, type AnySchema } from '../model/validate.js';

/**
 * What a stored record of each collection is: the entity schemas. A server passes every record a
 * person writes through `prepareRecord`, so what it stores is the validated record and nothing more
 * (unknown fields are dropped; storage metadata — `createdAt`, `updatedBy` — is the server's to set).
 * Kept apart from the rules (rules.ts) so browsers that only check access do not load every schema.
 */
const RECORD_SCHEMAS = new Map<string, AnySchema>([
  [Collections.people, PersonInputSchema],
  [Collections.programs, ProgramInputSchema],
  [Collections.pairings, PairingInputSchema],
  [Collections.agreements, AgreementInputSchema],
  [Collections.sessions, SessionInputSchema],
  [Collections.goals, GoalInputSchema],
  [Collections.coachingRuns, CoachingRunInputSchema],
  [Collections.feedback, FeedbackInputSchema],
  [Collections.messages, MessageInputSchema],
  [Collections.rapport, RapportRecordSchema],
  [Collections.pairingRounds, PairingRoundSchema],
  ['message-reads', MessageReadInputSchema],
  [Collections.calendarBusy, CalendarBusyInputSchema],
  [Collections.concerns, ConcernInputSchema],
] as Array<[string, AnySchema]>);

/** Registers what a stored record of the host's own collection is (with `registerCollectionPolicy` for who may use it). */
export function registerRecordSchema(collection: string, schema: v.GenericSchema<unknown, unknown>): void {
  if (typeof collection !== 'string' || collection === '')
    throw new MentorKitError('invalid-input', '`collection` must be a collection name.', { path: 'collection' });
  if (RECORD_SCHEMAS.has(collection)) throw new MentorKitError('conflict', `Collection "${collection}" already has a record schema.`, { path: 'collection' });
  if (typeof schema !== 'object' || schema === null || (schema as { kind?: unknown }).kind !== 'schema')
    throw new MentorKitError('invalid-input', '`schema` must be a valibot schema.', { path: 'schema' });
  RECORD_SCHEMAS.set(collection, schema);
}

/** The schema of a collection's records, or undefined. */
export function recordSchemaOf(collection: string): AnySchema | undefined {
  return RECORD_SCHEMAS.get(collection);
}

/**
 * Validates a record for storage: returns what its collection's schema makes of it (unknown fields
 * dropped, defaults filled in). Throws `invalid-input` with every problem, or when the collection
 * has no schema (nothing unvalidated is stored for a person).
 */
export function prepareRecord(collection: string, record: unknown): { id: string; [key: string]: unknown } {
  const schema = RECORD_SCHEMAS.get(collection);
  if (!schema)
    throw new MentorKitError(
      'invalid-input',
      `Collection "${collection}" has no record schema, so nothing can be stored in it; register one with registerRecordSchema.`,
      { path: 'collection' },
    );
  return parseOrThrow(schema, record, collection) as { id: string; [key: string]: unknown };
}
