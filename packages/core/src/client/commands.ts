/**
 * The client's people, programme and pairing write commands, with what they validate by (valibot and
 * the entity schemas). `createMentorKit` imports this module on first use (and prefetches it once the
 * first load is done), so a page that only shows data does not ship the write path in its first load.
 * The checks that need no schema (arguments, revisions) run in the client before this loads.
 */
import { Collections } from '../model/collections.js';
import { MentorKitError } from '../model/errors.js';
import type { Pairing } from '../model/pairing.js';
import { PairingInputSchema } from '../model/pairing.js';
import type { Person } from '../model/person.js';
import { PersonInputSchema } from '../model/person.js';
import type { Program } from '../model/program.js';
import { ProgramInputSchema } from '../model/program.js';
import { invalidInput, parseOrThrow } from '../model/validate.js';
import type { StorageAdapter, StoredRecord } from '../storage/adapter.js';
import { canRead, type PolicyContext } from '../policy/policy.js';
import type { MentorKitUser, WriteOptions } from './client.js';
import type { MentorKitInternals } from './internals.js';

/** What the commands use of the client that created them. */
export interface CommandContext {
  readonly user: MentorKitUser;
  readonly storage: StorageAdapter;
  readonly loading: ReadonlyMap<string, Promise<void>>;
  readonly rawOf: (collection: string) => Map<string, StoredRecord>;
  readonly write: MentorKitInternals['write'];
  readonly emit: MentorKitInternals['emit'];
  readonly newId: () => string;
  readonly now: () => string;
  readonly policyContext: PolicyContext;
  /** Which status each status may become. */
  readonly transitions: Readonly<Record<string, readonly string[]>>;
}

/** Today's calendar date (YYYY-MM-DD) in a zone; the person's stored zone is already validated. */
const todayIn = (timeZone: string | undefined, instant: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en', { timeZone: timeZone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
};

const strip = (record: StoredRecord): Record<string, unknown> => {
  const { revision: _revision, updatedAt: _updatedAt, createdAt: _createdAt, updatedBy: _updatedBy, ...rest } = record;
  return rest;
};

export function clientCommands(context: CommandContext) {
  const { user, storage, loading, rawOf, write, emit, newId, now, policyContext, transitions } = context;
  /** In the cache, or in storage when the cache is behind (write() then loads it before updating). */
  const recordExists = async (collection: string, id: string) => rawOf(collection).has(id) || (await storage.get(collection, id)) !== undefined;
  const myToday = () => todayIn(rawOf(Collections.people).get(user.id)?.timeZone as string | undefined, now());

  const checkPairingReferences = (pairing: { programId: string; menteeId: string; mentorIds: string[] }) => {
    if (!rawOf(Collections.programs).has(pairing.programId))
      throw new MentorKitError('not-found', `Programme "${pairing.programId}" does not exist.`, { path: 'pairing.programId' });
    if (!rawOf(Collections.people).has(pairing.menteeId))
      throw new MentorKitError('not-found', `Mentee "${pairing.menteeId}" has no profile; save their profile first.`, { path: 'pairing.menteeId' });
    pairing.mentorIds.forEach((mentorId, index) => {
      if (!rawOf(Collections.people).has(mentorId))
        throw new MentorKitError('not-found', `Mentor "${mentorId}" has no profile; save their profile first.`, { path: `pairing.mentorIds[${index}]` });
    });
  };

  return {
    async savePerson(input: unknown, writeOptions: WriteOptions): Promise<Person> {
      const person = parseOrThrow(PersonInputSchema, input, 'person');
      await loading.get(Collections.people);
      const exists = await recordExists(Collections.people, person.id);
      const stored = (await write(Collections.people, person, {
        action: exists ? 'update' : 'create',
        expectedRevision: writeOptions.expectedRevision,
      })) as Person;
      emit({ type: 'profile-saved', collection: Collections.people, recordId: stored.id, revision: stored.revision, data: { created: !exists } });
      return stored;
    },

    async saveProgram(input: unknown, writeOptions: WriteOptions): Promise<Program> {
      const program = parseOrThrow(ProgramInputSchema, input, 'program');
      if (program.startDate && program.endDate && program.endDate < program.startDate)
        invalidInput('program.endDate', '`endDate` must not be before `startDate`.');
      await loading.get(Collections.programs);
      const exists = await recordExists(Collections.programs, program.id);
      const stored = (await write(Collections.programs, program, {
        action: exists ? 'update' : 'create',
        expectedRevision: writeOptions.expectedRevision,
      })) as Program;
      emit({
        type: 'program-saved',
        collection: Collections.programs,
        recordId: stored.id,
        revision: stored.revision,
        programId: stored.id,
        data: { created: !exists },
      });
      return stored;
    },

    async createPairing(input: object): Promise<Pairing> {
      const pairing = parseOrThrow(PairingInputSchema, { ...input, id: (input as { id?: unknown }).id ?? newId() }, 'pairing');
      await Promise.all([...loading.values()]);
      checkPairingReferences(pairing);
      if (pairing.status === 'paused' || pairing.status === 'closed') invalidInput('pairing.status', 'A new pairing starts as "proposed" or "active".');
      const record = { ...pairing, ...(pairing.status === 'active' && !pairing.startedOn ? { startedOn: myToday() } : {}) };
      const stored = (await write(Collections.pairings, record, { action: 'create' })) as Pairing;
      emit({
        type: stored.status === 'active' ? 'pairing-started' : 'pairing-proposed',
        collection: Collections.pairings,
        recordId: stored.id,
        revision: stored.revision,
        pairingId: stored.id,
        programId: stored.programId,
        data: { menteeId: stored.menteeId, mentorIds: stored.mentorIds },
      });
      return stored;
    },

    async updatePairing(pairingId: string, changes: object, writeOptions: WriteOptions): Promise<Pairing> {
      await Promise.all([...loading.values()]);
      const current = rawOf(Collections.pairings).get(pairingId);
      if (!current) throw new MentorKitError('not-found', `There is no pairing "${pairingId}".`, { path: 'id' });
      const pairing = parseOrThrow(PairingInputSchema, { ...strip(current), ...changes, id: pairingId, status: current.status }, 'pairing');
      checkPairingReferences(pairing);
      const stored = (await write(Collections.pairings, pairing, { action: 'update', expectedRevision: writeOptions.expectedRevision })) as Pairing;
      emit({
        type: 'pairing-updated',
        collection: Collections.pairings,
        recordId: stored.id,
        revision: stored.revision,
        pairingId: stored.id,
        programId: stored.programId,
        data: { changed: Object.keys(changes) },
      });
      return stored;
    },

    async setPairingStatus(pairingId: string, status: Pairing['status'], writeOptions: WriteOptions): Promise<Pairing> {
      await Promise.all([...loading.values()]);
      const currentRecord = rawOf(Collections.pairings).get(pairingId);
      if (!currentRecord || !canRead(policyContext, user, Collections.pairings, currentRecord))
        throw new MentorKitError('not-found', `No pairing "${pairingId}" is visible to you.`, { path: 'id' });
      const current = currentRecord as Pairing;
      if (writeOptions.expectedRevision !== undefined && writeOptions.expectedRevision !== current.revision) {
        throw new MentorKitError(
          'conflict',
          `Pairing "${pairingId}" was changed by someone else (you had revision ${writeOptions.expectedRevision}, it is now ${current.revision}). Reload and try again.`,
          { path: 'expectedRevision', details: { expectedRevision: writeOptions.expectedRevision, actualRevision: current.revision } },
        );
      }
      if (current.status === status) return current;
      const allowed = transitions[current.status] ?? [];
      if (!allowed.includes(status)) {
        invalidInput(
          'status',
          `The pairing is ${current.status}, so it cannot become ${status}; it can become: ${allowed.join(' or ') || 'nothing (closed is final)'}.`,
        );
      }
      const today = myToday();
      const next = {
        ...strip(currentRecord),
        id: pairingId,
        status,
        ...(status === 'active' && !current.startedOn ? { startedOn: today } : {}),
        ...(status === 'closed' ? { endedOn: today } : {}),
      };
      const stored = (await write(Collections.pairings, next, {
        action: 'update',
        expectedRevision: writeOptions.expectedRevision ?? current.revision,
      })) as Pairing;
      const type =
        status === 'active'
          ? current.status === 'paused'
            ? 'pairing-resumed'
            : 'pairing-started'
          : status === 'paused'
            ? 'pairing-paused'
            : status === 'closed'
              ? 'pairing-closed'
              : 'pairing-updated';
      emit({
        type,
        collection: Collections.pairings,
        recordId: stored.id,
        revision: stored.revision,
        pairingId: stored.id,
        programId: stored.programId,
        data: { from: current.status, to: status },
      });
      return stored;
    },
  };
}
