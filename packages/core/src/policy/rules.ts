import { Collections } from '../model/collections.js';
import { pairingMembers } from '../pairings/index.js';
import { isProgramAdmin, type PolicyContext, type PolicyPairing, type PolicyRole } from './context.js';

/**
 * The access rules of every collection MentorKit stores, one declarative description each: who may
 * read, create, update and delete (mentee, mentor, co-mentor, programme admin), the field that scopes
 * a record, and the fields that never change once written. `decide` (policy.ts) applies the parts
 * every collection shares — the scope, unchanging fields, closed pairings — then the collection's
 * own rule. The same descriptions run in the browser and on the server.
 *
 * | collection     | read                                                      | write                                                               |
 * |----------------|-----------------------------------------------------------|---------------------------------------------------------------------|
 * | people         | self; people sharing a pairing; admins of their programmes | self; admins of their programmes (programme membership and the admin role: admins only, for their own programmes) |
 * | programs       | members and admins                                        | create: a person with the admin role, listing themself; else its admins |
 * | pairings       | its members; admins of its programme                      | admins of its programme; members may pause, resume or close an active one |
 * | agreements, sessions, coaching-runs, rapport | members; admins (read)      | members                                                             |
 * | goals          | owner; shared goals: members and admins                  | owner; mentors of the pairing when shared                            |
 * | feedback       | author; admins; other members (held notes: once revealed, or once they submitted theirs) | author, a member, until `editableUntil`; a member who submitted theirs may reveal a held note |
 * | messages       | members (`mentorsOnly`: mentors only)                     | create: a member as author; edit/delete: the author                  |
 * | message-reads  | members                                                   | a member, their own marker only                                      |
 * | pairing-rounds | admins of its programme                                   | admins of its programme                                              |
 * | anything else  | nobody, until a rule is registered (`registerCollectionPolicy`) |                                                                |
 *
 * Shared by every collection: a pairing-scoped record needs a pairing the actor has a role in, and
 * cannot be written once its pairing is closed; the scoping field (`pairingId`, `programId`) and the
 * fields listed as `immutable` never change; `setOnce` fields never change once set; `appendOnly`
 * lists keep every earlier entry; `removableOnly` fields may go but never change.
 */

export type PolicyAction = 'read' | 'create' | 'update' | 'delete';
export type PolicyRecord = { id: string; [key: string]: unknown };

/** What a collection's rule is told. */
export interface PolicyFacts {
  readonly context: PolicyContext;
  readonly actorId: string;
  readonly action: PolicyAction;
  /** The record read or deleted, or the new version written. */
  readonly record: PolicyRecord;
  /** The stored version (update, delete). */
  readonly previous: PolicyRecord | undefined;
  /** `previous ?? record`: the record whose scope counts. */
  readonly target: PolicyRecord;
  /** The actor's roles in the scoping pairing, plus `admin` for an admin of the scoping programme. */
  readonly roles: readonly PolicyRole[];
  /** The scoping pairing (pairing-scoped collections; the record itself for `pairings`). */
  readonly pairing: PolicyPairing | undefined;
}

/** `true` allows; a string refuses, with the reason a person is shown. */
export type PolicyRule = (facts: PolicyFacts) => true | string;

export interface CollectionPolicy {
  readonly collection: string;
  /**
   * What scopes a record: `pairing` (its `pairingId`: roles come from that pairing), `program` (its
   * `programId`: `admin` for that programme's admins), or `none` (the rule scopes it itself: people,
   * programmes). The scoping field never changes.
   */
  readonly scope: 'pairing' | 'program' | 'none';
  /** Fields that never change once the record exists. */
  readonly immutable?: readonly string[];
  /** Fields that may be set once and then never change or go. */
  readonly setOnce?: readonly string[];
  /** Lists that only grow at their end (audit trails). */
  readonly appendOnly?: readonly string[];
  /** Fields that may be removed but never changed to another value. */
  readonly removableOnly?: readonly string[];
  /** `false`: the id of a deleted record is never used again (servers refuse the re-create). Default true. */
  readonly reusableIds?: boolean;
  /** Fields (dotted paths) that hold attachment ids, and the field naming who attached them (the uploader). */
  readonly attachments?: { readonly fields: readonly string[]; readonly uploaderField: string };
  /** Records of other collections a decision needs through `context.find`; a server loads them first. */
  readonly needs?: (action: PolicyAction, record: PolicyRecord, previous: PolicyRecord | undefined, actorId: string) => Array<{ collection: string; where: Record<string, string | number | boolean> }>;
  readonly read: PolicyRule;
  readonly create: PolicyRule;
  readonly update: PolicyRule;
  readonly delete: PolicyRule;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const isMember = (roles: readonly PolicyRole[]) => roles.some((role) => role !== 'admin');
const isMentor = (roles: readonly PolicyRole[]) => roles.includes('mentor') || roles.includes('co-mentor');

/** Deep equality of JSON values (key order ignored). */
export function sameValue(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null || Array.isArray(left) !== Array.isArray(right)) return false;
  const leftKeys = Object.keys(left).filter((key) => (left as Record<string, unknown>)[key] !== undefined);
  const rightKeys = Object.keys(right).filter((key) => (right as Record<string, unknown>)[key] !== undefined);
  return leftKeys.length === rightKeys.length && leftKeys.every((key) => sameValue((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]));
}

/** Fields other than `allowed` that differ between two versions (storage metadata ignored). */
export const changedFields = (previous: PolicyRecord, record: PolicyRecord, allowed: readonly string[]): string[] =>
  Object.keys({ ...previous, ...record }).filter((key) => !['revision', 'updatedAt', 'updatedBy', 'createdAt', ...allowed].includes(key) && !sameValue(previous[key], record[key]));

/** Programmes a person belongs to: their `programIds` and the programmes of their pairings. */
function programmesOf(context: PolicyContext, person: PolicyRecord): Set<string> {
  const programIds = new Set(strings(person.programIds));
  for (const pairing of context.pairingsOf(person.id)) programIds.add(pairing.programId);
  return programIds;
}

const administersPerson = (context: PolicyContext, actorId: string, person: PolicyRecord) => [...programmesOf(context, person)].some((programId) => isProgramAdmin(context, actorId, programId));

/** Whether the person is enrolled in the programme (unknown people are not; a context without people cannot tell and lets it pass). */
function enrolled(context: PolicyContext, personId: unknown, programId: unknown): boolean {
  if (!context.getPerson) return true;
  return typeof personId === 'string' && strings(context.getPerson(personId)?.programIds).includes(programId as string);
}

/** Who may change a person's programme membership: admins of the programmes added or removed (a person may leave one). */
function membershipChange(context: PolicyContext, actorId: string, person: PolicyRecord, before: PolicyRecord | undefined): true | string {
  const old = strings(before?.programIds);
  const next = strings(person.programIds);
  for (const programId of next) if (!old.includes(programId) && !isProgramAdmin(context, actorId, programId)) return `Only an admin of programme "${programId}" can add people to it.`;
  for (const programId of old) if (!next.includes(programId) && person.id !== actorId && !isProgramAdmin(context, actorId, programId)) return `Only an admin of programme "${programId}" (or the person) can remove someone from it.`;
  return true;
}

const grantsAdmin = (person: PolicyRecord, before: PolicyRecord | undefined) => strings(person.roles).includes('admin') && !strings(before?.roles).includes('admin');

const people: CollectionPolicy = {
  collection: Collections.people,
  scope: 'none',
  read: ({ context, actorId, record }) =>
    record.id === actorId || context.pairingsOf(actorId).some((pairing) => pairingMembers(pairing).some((member) => member.personId === record.id)) || administersPerson(context, actorId, record)
      ? true
      : 'You can see only yourself, the people you are paired with, and people in programmes you administer.',
  create: ({ context, actorId, record }) => {
    if (record.id !== actorId && !strings(record.programIds).some((programId) => isProgramAdmin(context, actorId, programId))) return 'You can create only your own profile, or profiles in programmes you administer.';
    if (grantsAdmin(record, undefined) && record.id === actorId) return 'You cannot make yourself an admin; a programme admin must do it.';
    return membershipChange(context, actorId, record, undefined);
  },
  update: ({ context, actorId, record, previous }) => {
    const admin = administersPerson(context, actorId, previous!);
    if (record.id !== actorId && !admin) return 'You can change only your own profile, or profiles in programmes you administer.';
    if (grantsAdmin(record, previous) && (record.id === actorId || !admin)) return 'You cannot make yourself an admin; a programme admin must do it.';
    return membershipChange(context, actorId, record, previous);
  },
  delete: ({ context, actorId, previous }) => {
    const programmes = [...programmesOf(context, previous!)];
    return programmes.length > 0 && programmes.every((programId) => isProgramAdmin(context, actorId, programId)) ? true : 'Only an admin of every programme this person is in can remove their profile.';
  },
};

const programs: CollectionPolicy = {
  collection: Collections.programs,
  scope: 'none',
  reusableIds: false,
  read: ({ context, actorId, record }) =>
    isProgramAdmin(context, actorId, record.id) || strings(record.adminIds).includes(actorId) || strings(context.getPerson?.(actorId)?.programIds).includes(record.id) || context.pairingsOf(actorId).some((pairing) => pairing.programId === record.id)
      ? true
      : 'You can see only programmes you belong to.',
  create: ({ context, actorId, record }) => {
    if (!strings(record.adminIds).includes(actorId)) return 'A new programme must list you in `adminIds`.';
    return context.getPerson?.(actorId)?.roles?.includes('admin') ? true : 'Only people with the admin role can create programmes.';
  },
  update: ({ context, actorId, record }) => {
    if (!isProgramAdmin(context, actorId, record.id)) return 'Only admins of this programme can change it.';
    return strings(record.adminIds).length > 0 ? true : 'A programme needs at least one admin.';
  },
  delete: ({ context, actorId, record }) => (isProgramAdmin(context, actorId, record.id) ? true : 'Only admins of this programme can remove it.'),
};

/** Whether the person is the mentee or a mentor of a pairing record. */
const memberOf = (pairing: PolicyRecord, personId: string) => pairing.menteeId === personId || strings(pairing.mentorIds).includes(personId);

/** A new or changed pairing may name only people enrolled in its programme. */
function membersEnrolled(context: PolicyContext, record: PolicyRecord): true | string {
  for (const personId of [record.menteeId, ...strings(record.mentorIds)]) if (!enrolled(context, personId, record.programId)) return `${String(personId)} is not in programme "${String(record.programId)}"; add them to it first.`;
  return true;
}

const pairings: CollectionPolicy = {
  collection: Collections.pairings,
  scope: 'program',
  immutable: ['menteeId'],
  reusableIds: false,
  read: ({ roles, target, actorId }) => (roles.includes('admin') || memberOf(target, actorId) ? true : 'You can see only your own pairings.'),
  create: ({ context, roles, record }) => (roles.includes('admin') ? membersEnrolled(context, record) : 'Only a programme admin can create or remove pairings.'),
  update: ({ context, roles, record, previous, actorId }) => {
    if (previous!.status === 'closed' && record.status !== 'closed') return 'A closed pairing cannot be reopened; propose a new one.';
    if (roles.includes('admin')) return membersEnrolled(context, record);
    if (!memberOf(previous!, actorId)) return 'You can change only your own pairings.';
    if (previous!.status === 'closed') return 'This pairing is closed: it can still be read, but no longer changed.';
    const changed = changedFields(previous!, record, ['status', 'startedOn', 'endedOn']);
    if (changed.length > 0) return `Only a programme admin can change ${changed.map((key) => `\`${key}\``).join(', ')} of a pairing.`;
    if (previous!.status === 'proposed' || record.status === 'proposed') return 'Only a programme admin can propose, activate or withdraw a proposed pairing.';
    return true;
  },
  delete: ({ roles }) => (roles.includes('admin') ? true : 'Only a programme admin can create or remove pairings.'),
};

const NOT_MEMBER = 'Only the mentee and mentors of this pairing can change it.';
const membersWrite: PolicyRule = ({ roles }) => (isMember(roles) ? true : NOT_MEMBER);
const pairingRecords = (collection: string, immutable: readonly string[] = []): CollectionPolicy => ({
  collection,
  scope: 'pairing',
  immutable,
  read: () => true,
  create: membersWrite,
  update: membersWrite,
  delete: membersWrite,
});

const goals: CollectionPolicy = {
  collection: Collections.goals,
  scope: 'pairing',
  immutable: ['ownerId'],
  read: ({ actorId, target, record }) => (target.ownerId === actorId || (record.visibility !== 'private' && target.visibility !== 'private') ? true : 'This goal is private to its owner.'),
  create: ({ actorId, roles, record }) => {
    if (record.ownerId === actorId && roles.includes('mentee')) return true;
    if (isMentor(roles) && record.visibility !== 'private') return true; // a mentor sets a shared goal with the mentee
    return 'Goals are created by the mentee of the pairing, or shared by one of its mentors.';
  },
  update: ({ actorId, roles, record, target }) => {
    if (target.ownerId === actorId) return true;
    const shared = record.visibility !== 'private' && target.visibility !== 'private';
    return shared && isMentor(roles) ? true : shared ? 'Only the goal owner and the pairing mentors can change this goal.' : 'This goal is private to its owner.';
  },
  delete: ({ actorId, roles, target }) => (target.ownerId === actorId || (target.visibility !== 'private' && isMentor(roles)) ? true : 'Only the goal owner and the pairing mentors can remove this goal.'),
};

const REVEAL_FIELDS = ['revealedAt', 'revealedBy'] as const;
/** Whether the actor has submitted a note of their own on the same session of the same pairing (`context.find`; without it, no). */
const submittedOwn = (context: PolicyContext, actorId: string, note: PolicyRecord) =>
  (context.find?.(Collections.feedback, { authorId: actorId }) ?? []).some((own) => own.id !== note.id && own.sessionId === note.sessionId && own.pairingId === note.pairingId);
const feedback: CollectionPolicy = {
  collection: Collections.feedback,
  scope: 'pairing',
  immutable: ['sessionId', 'authorId', 'authorRole', 'submittedAt', 'editableUntil'],
  setOnce: REVEAL_FIELDS,
  // Held notes open to a member once they have submitted theirs for the same session: their own notes.
  needs: (action, record, previous, actorId) => ((previous ?? record).revealWhenBothSubmitted === true ? [{ collection: Collections.feedback, where: { authorId: actorId } }] : []),
  read: ({ context, actorId, roles, target }) => {
    if (target.authorId === actorId || roles.includes('admin')) return true;
    if (!isMember(roles)) return 'You can see only feedback of your own pairings.';
    if (target.revealWhenBothSubmitted !== true || typeof target.revealedAt === 'string' || submittedOwn(context, actorId, target)) return true;
    return 'This feedback is shown once both sides have submitted theirs.';
  },
  create: ({ actorId, roles, record }) => {
    if (record.authorId !== actorId) return 'You can write only your own feedback.';
    if (!isMember(roles)) return 'Only members of this pairing can give feedback on its sessions.';
    return record.authorRole === undefined || roles.includes(record.authorRole as PolicyRole) ? true : `You are not the ${String(record.authorRole)} of this pairing.`;
  },
  update: ({ context, actorId, roles, record, previous }) => {
    const revealOnly = changedFields(previous!, record, REVEAL_FIELDS).length === 0;
    if (previous!.authorId !== actorId) {
      // Revealing a held note once both sides submitted: another member adds `revealedAt`/`revealedBy` (as themself) and changes nothing else.
      if (!isMember(roles) || !revealOnly || typeof record.revealedAt !== 'string' || record.revealedBy !== actorId || previous!.revealWhenBothSubmitted !== true) return 'You can write only your own feedback.';
      return submittedOwn(context, actorId, previous!) ? true : 'This feedback is revealed only once you have submitted yours for the same session.';
    }
    if (!isMember(roles)) return 'Only members of this pairing can give feedback on its sessions.';
    const deadline = previous!.editableUntil;
    const now = context.now?.() ?? new Date().toISOString();
    return revealOnly || typeof deadline !== 'string' || Date.parse(now) < Date.parse(deadline) ? true : `This feedback could be edited until ${deadline}.`;
  },
  delete: ({ actorId, roles, target }) => (target.authorId === actorId && isMember(roles) ? true : 'You can remove only your own feedback.'),
};

const messages: CollectionPolicy = {
  collection: Collections.messages,
  scope: 'pairing',
  immutable: ['authorId', 'kind', 'sentAt'],
  appendOnly: ['history'],
  removableOnly: ['voice'],
  attachments: { fields: ['voice.blobId'], uploaderField: 'authorId' },
  read: ({ roles, target }) => (target.mentorsOnly === true ? (isMentor(roles) ? true : 'This note is shared only between the mentors.') : isMember(roles) ? true : 'You can read only the conversations of your own pairings.'),
  create: ({ actorId, roles, record }) => {
    if (record.mentorsOnly === true && !isMentor(roles)) return 'Only mentors can write notes shared between mentors.';
    return isMember(roles) && record.authorId === actorId ? true : 'You can post only as yourself, in the conversations of your own pairings.';
  },
  update: ({ actorId, roles, target, record }) => {
    if (target.authorId !== actorId || !isMember(roles)) return 'Only the author can edit or delete a message.';
    // A mentors' note may be shared with the mentee; a message the mentee could read never becomes a mentors' note.
    return target.mentorsOnly === true || record.mentorsOnly !== true ? true : 'A message cannot be hidden from the mentee once posted.';
  },
  delete: ({ actorId, roles, target }) => (target.authorId === actorId && isMember(roles) ? true : 'Only the author can edit or delete a message.'),
};

const ownMarker: PolicyRule = ({ actorId, roles, target, record }) => (isMember(roles) && target.personId === actorId && record.personId === actorId ? true : 'You can mark messages as read only for yourself, in your own pairings.');
const messageReads: CollectionPolicy = {
  collection: 'message-reads',
  scope: 'pairing',
  immutable: ['personId'],
  read: ({ roles }) => (isMember(roles) ? true : 'You can see only the read markers of your own pairings.'),
  create: ownMarker,
  update: ownMarker,
  delete: ownMarker,
};

const adminsOnly: PolicyRule = ({ roles }) => (roles.includes('admin') ? true : 'Only admins of this programme can see or change its matching rounds.');
const pairingRounds: CollectionPolicy = { collection: Collections.pairingRounds, scope: 'program', read: adminsOnly, create: adminsOnly, update: adminsOnly, delete: adminsOnly };

/** The built-in descriptions, by collection. */
export const BUILT_IN_POLICIES: readonly CollectionPolicy[] = [
  people,
  programs,
  pairings,
  pairingRecords(Collections.agreements),
  pairingRecords(Collections.sessions),
  pairingRecords(Collections.coachingRuns, ['startedBy', 'startedAt']),
  pairingRecords(Collections.rapport),
  goals,
  feedback,
  messages,
  messageReads,
  pairingRounds,
];
