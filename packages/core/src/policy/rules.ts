import { AGREEMENT_TERM_KEYS } from '../model/agreement-terms.js';
import { Collections } from '../model/collections.js';
import { pairingMembers } from '../model/pairing-roles.js';
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
 * | calendar-busy  | the person; people sharing a pairing with them that is not closed | nobody: the MentorKit server (a service) writes it from connected calendars |
 * | concerns       | its reporter; admins of its programme who are not members of the pairing — never the other members | create: a member, as reporter (open, history starting with `raised`), also once the pairing is closed; update: those admins (status, notes), the reporter (notes, `paused`), one history entry at a time; delete: nobody |
 * | anything else  | nobody, until a rule is registered (`registerCollectionPolicy`) |                                                                |
 *
 * Shared by every collection: a pairing-scoped record needs a pairing the actor has a role in, and
 * cannot be written once its pairing is closed (unless its description says `writableWhenClosed`:
 * concerns, which people raise after a pairing ended); the scoping field (`pairingId`, `programId`) and the
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
  /** `true`: records of a closed pairing may still be created and changed (concerns: people report after a pairing ends). Default false. */
  readonly writableWhenClosed?: boolean;
  /** `false`: the id of a deleted record is never used again (servers refuse the re-create). Default true. */
  readonly reusableIds?: boolean;
  /** Fields (dotted paths) that hold attachment ids, and the field naming who attached them (the uploader). */
  readonly attachments?: { readonly fields: readonly string[]; readonly uploaderField: string };
  /** Records of other collections a decision needs through `context.find`; a server loads them first. */
  readonly needs?: (
    action: PolicyAction,
    record: PolicyRecord,
    previous: PolicyRecord | undefined,
    actorId: string,
  ) => Array<{ collection: string; where: Record<string, string | number | boolean> }>;
  readonly read: PolicyRule;
  readonly create: PolicyRule;
  readonly update: PolicyRule;
  readonly delete: PolicyRule;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
export const isMember = (roles: readonly PolicyRole[]) => roles.some((role) => role !== 'admin');
const isMentor = (roles: readonly PolicyRole[]) => roles.includes('mentor') || roles.includes('co-mentor');

const DAY = 24 * 60 * 60 * 1000;
const nowOf = (context: PolicyContext) => Date.parse(context.now?.() ?? new Date().toISOString());
/** Whether an instant a person stamps on a new record is plausible: not before `pastDays` ago, not more than a day ahead. */
export const plausibleInstant = (context: PolicyContext, value: unknown, pastDays = 30) => {
  if (value === undefined) return true;
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  const now = nowOf(context);
  return at >= now - pastDays * DAY && at <= now + DAY;
};

/**
 * The entries appended to a list that keeps its earlier ones, in order (once it holds `limit`
 * entries, the oldest may drop off the front); undefined when an earlier entry was changed, removed
 * or moved.
 */
export function appendedEntries(before: unknown, after: unknown, limit = Number.POSITIVE_INFINITY): unknown[] | undefined {
  const old = Array.isArray(before) ? before : [];
  const next = Array.isArray(after) ? after : [];
  for (let dropped = 0; dropped <= old.length; dropped++) {
    const kept = old.slice(dropped);
    if (kept.length > next.length || !kept.every((entry, index) => sameValue(entry, next[index]))) continue;
    const added = next.length - kept.length;
    // The oldest go only to make room: exactly as many as the new ones push past the limit.
    if (dropped === 0 || dropped === old.length + added - limit) return next.slice(kept.length);
  }
  return undefined;
}

/** Deep equality of JSON values (key order ignored). */
export function sameValue(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null || Array.isArray(left) !== Array.isArray(right)) return false;
  const leftKeys = Object.keys(left).filter((key) => (left as Record<string, unknown>)[key] !== undefined);
  const rightKeys = Object.keys(right).filter((key) => (right as Record<string, unknown>)[key] !== undefined);
  return (
    leftKeys.length === rightKeys.length && leftKeys.every((key) => sameValue((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]))
  );
}

/** Fields other than `allowed` that differ between two versions (storage metadata ignored). */
export const changedFields = (previous: PolicyRecord, record: PolicyRecord, allowed: readonly string[]): string[] =>
  Object.keys({ ...previous, ...record }).filter(
    (key) => !['revision', 'updatedAt', 'updatedBy', 'createdAt', ...allowed].includes(key) && !sameValue(previous[key], record[key]),
  );

/** Programmes a person belongs to: their `programIds` and the programmes of their pairings. */
function programmesOf(context: PolicyContext, person: PolicyRecord): Set<string> {
  const programIds = new Set(strings(person.programIds));
  for (const pairing of context.pairingsOf(person.id)) programIds.add(pairing.programId);
  return programIds;
}

const administersPerson = (context: PolicyContext, actorId: string, person: PolicyRecord) =>
  [...programmesOf(context, person)].some((programId) => isProgramAdmin(context, actorId, programId));

/** Whether the person is enrolled in the programme (unknown people are not; a context without people cannot tell and lets it pass). */
function enrolled(context: PolicyContext, personId: unknown, programId: unknown): boolean {
  if (!context.getPerson) return true;
  return typeof personId === 'string' && strings(context.getPerson(personId)?.programIds).includes(programId as string);
}

/** Who may change a person's programme membership: admins of the programmes added or removed (a person may leave one). */
function membershipChange(context: PolicyContext, actorId: string, person: PolicyRecord, before: PolicyRecord | undefined): true | string {
  const wasInactive = strings(before?.inactiveProgramIds);
  const inactive = strings(person.inactiveProgramIds);
  for (const programId of [...inactive.filter((id) => !wasInactive.includes(id)), ...wasInactive.filter((id) => !inactive.includes(id))]) {
    if (!isProgramAdmin(context, actorId, programId))
      return `Only an admin of programme "${programId}" (or its LMS roster) marks people active or inactive in it.`;
  }
  const old = strings(before?.programIds);
  const next = strings(person.programIds);
  for (const programId of next)
    if (!old.includes(programId) && !isProgramAdmin(context, actorId, programId)) return `Only an admin of programme "${programId}" can add people to it.`;
  for (const programId of old)
    if (!next.includes(programId) && person.id !== actorId && !isProgramAdmin(context, actorId, programId))
      return `Only an admin of programme "${programId}" (or the person) can remove someone from it.`;
  return true;
}

const grantsAdmin = (person: PolicyRecord, before: PolicyRecord | undefined) =>
  strings(person.roles).includes('admin') && !strings(before?.roles).includes('admin');

const people: CollectionPolicy = {
  collection: Collections.people,
  scope: 'none',
  read: ({ context, actorId, record }) =>
    record.id === actorId ||
    context.pairingsOf(actorId).some((pairing) => pairingMembers(pairing).some((member) => member.personId === record.id)) ||
    administersPerson(context, actorId, record)
      ? true
      : 'You can see only yourself, the people you are paired with, and people in programmes you administer.',
  create: ({ context, actorId, record }) => {
    if (record.id !== actorId && !strings(record.programIds).some((programId) => isProgramAdmin(context, actorId, programId)))
      return 'You can create only your own profile, or profiles in programmes you administer.';
    if (grantsAdmin(record, undefined) && record.id === actorId) return 'You cannot make yourself an admin; a programme admin must do it.';
    if (record.id === actorId && strings(record.roles).some((role) => role !== 'mentee'))
      return 'A new profile of your own starts as a mentee; a programme admin gives the mentor and admin roles.';
    return membershipChange(context, actorId, record, undefined);
  },
  update: ({ context, actorId, record, previous }) => {
    if (record.id !== actorId) {
      if (!administersPerson(context, actorId, previous!)) return 'You can change only your own profile, or profiles in programmes you administer.';
      // Programme membership is each programme's admins' to change; everything else about a person
      // (roles, which count in every programme, name, email) only an admin of all their programmes may change.
      const onlyMembership = changedFields(previous!, record, ['programIds', 'inactiveProgramIds']).length === 0;
      if (!onlyMembership && ![...programmesOf(context, previous!)].every((programId) => isProgramAdmin(context, actorId, programId)))
        return 'This person is also in programmes you do not administer: only they, or an admin of every programme they are in, can change their profile.';
    } else {
      if (grantsAdmin(record, previous)) return 'You cannot make yourself an admin; a programme admin must do it.';
      if (!sameValue(strings(record.roles).sort(), strings(previous!.roles).sort())) return 'Your roles (mentee, mentor, admin) are set by a programme admin.';
    }
    return membershipChange(context, actorId, record, previous);
  },
  delete: ({ context, actorId, previous }) => {
    const programmes = [...programmesOf(context, previous!)];
    return programmes.length > 0 && programmes.every((programId) => isProgramAdmin(context, actorId, programId))
      ? true
      : 'Only an admin of every programme this person is in can remove their profile.';
  },
};

const programs: CollectionPolicy = {
  collection: Collections.programs,
  scope: 'none',
  reusableIds: false,
  read: ({ context, actorId, record }) =>
    isProgramAdmin(context, actorId, record.id) ||
    strings(record.adminIds).includes(actorId) ||
    strings(context.getPerson?.(actorId)?.programIds).includes(record.id) ||
    context.pairingsOf(actorId).some((pairing) => pairing.programId === record.id)
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

/** Whether the person has the role (unknown people have none; a context without people cannot tell and lets it pass). */
const hasRole = (context: PolicyContext, personId: unknown, role: string) =>
  !context.getPerson || (typeof personId === 'string' && strings(context.getPerson(personId)?.roles).includes(role));

/**
 * A new or changed pairing names only people enrolled in its programme, a mentee with the mentee role
 * and mentors with the mentor role — and never adds the admin making the change (an admin who puts
 * themself into a pairing would read its conversation: another admin must do it).
 */
function pairingMembersAllowed(context: PolicyContext, actorId: string, record: PolicyRecord, previous: PolicyRecord | undefined): true | string {
  const mentorIds = strings(record.mentorIds);
  for (const personId of [record.menteeId, ...mentorIds])
    if (!enrolled(context, personId, record.programId)) return `${String(personId)} is not in programme "${String(record.programId)}"; add them to it first.`;
  if (!hasRole(context, record.menteeId, 'mentee')) return `${String(record.menteeId)} does not have the mentee role.`;
  for (const mentorId of mentorIds) if (!hasRole(context, mentorId, 'mentor')) return `${mentorId} does not have the mentor role.`;
  if (memberOf(record, actorId) && !(previous && memberOf(previous, actorId)))
    return 'You cannot add yourself to a pairing; another programme admin must do it.';
  return true;
}

const pairings: CollectionPolicy = {
  collection: Collections.pairings,
  scope: 'program',
  immutable: ['menteeId'],
  reusableIds: false,
  read: ({ roles, target, actorId }) => (roles.includes('admin') || memberOf(target, actorId) ? true : 'You can see only your own pairings.'),
  create: ({ context, roles, record, actorId }) => {
    if (!roles.includes('admin')) return 'Only a programme admin can create or remove pairings.';
    if (record.status === 'closed' || record.status === 'paused') return 'A new pairing starts as proposed or active.';
    return pairingMembersAllowed(context, actorId, record, undefined);
  },
  update: ({ context, roles, record, previous, actorId }) => {
    if (previous!.status === 'closed')
      return record.status === 'closed'
        ? 'A closed pairing is final: it can still be read, but no longer changed.'
        : 'A closed pairing cannot be reopened; propose a new one.';
    if (roles.includes('admin')) return pairingMembersAllowed(context, actorId, record, previous);
    if (!memberOf(previous!, actorId)) return 'You can change only your own pairings.';
    const changed = changedFields(previous!, record, ['status', 'startedOn', 'endedOn']);
    if (changed.length > 0) return `Only a programme admin can change ${changed.map((key) => `\`${key}\``).join(', ')} of a pairing.`;
    if (previous!.status === 'proposed' || record.status === 'proposed') return 'Only a programme admin can propose, activate or withdraw a proposed pairing.';
    return true;
  },
  delete: ({ roles }) => (roles.includes('admin') ? true : 'Only a programme admin can create or remove pairings.'),
};

const NOT_MEMBER = 'Only the mentee and mentors of this pairing can change it.';
const membersWrite: PolicyRule = ({ roles }) => (isMember(roles) ? true : NOT_MEMBER);

/** The ids derived from a pairing (one agreement, one rapport record, one read marker per person): only that pairing's. */
function derivedId(record: PolicyRecord, expected: string, shape: RegExp): true | string {
  return record.id === expected || !shape.test(record.id) ? true : `The id "${record.id}" belongs to another pairing's record; this one is "${expected}".`;
}

const termsOf = (record: PolicyRecord) => Object.fromEntries(AGREEMENT_TERM_KEYS.filter((key) => record[key] !== undefined).map((key) => [key, record[key]]));
type Confirmation = { personId?: unknown; version?: unknown };

/**
 * A working agreement: members propose and change it; each confirms only for themself; every change
 * is in its history under its author's name (the oldest of 100 entries may drop off); `lastConfirmed`
 * records terms everyone confirmed, and nothing else.
 */
function agreementChange(
  context: PolicyContext,
  actorId: string,
  record: PolicyRecord,
  previous: PolicyRecord | undefined,
  pairing: PolicyPairing | undefined,
): true | string {
  const added = appendedEntries(previous?.history, record.history, 100);
  if (!added || added.length > 1) return 'An agreement keeps its history: earlier entries cannot be changed or removed, and each change adds one.';
  if (added.some((entry) => (entry as { by?: unknown }).by !== actorId)) return 'History entries are written under your own name.';
  const versionBefore = typeof previous?.version === 'number' ? previous.version : 0;
  const version = typeof record.version === 'number' ? record.version : 1;
  if (previous && version !== versionBefore && version !== versionBefore + 1) return "An agreement's version goes up by one at a time.";
  if (!previous && version !== 1) return 'A new agreement starts at version 1.';
  if (previous && version === versionBefore && !sameValue(termsOf(previous), termsOf(record)))
    return 'Changing the terms makes a new version, which everyone confirms again.';
  const before = (Array.isArray(previous?.confirmations) ? previous.confirmations : []) as Confirmation[];
  const after = (Array.isArray(record.confirmations) ? record.confirmations : []) as Confirmation[];
  if (after.some((entry) => entry.personId !== actorId && !before.some((old) => sameValue(old, entry))))
    return 'Each person confirms the agreement for themself.';
  if (version === versionBefore && before.some((old) => old.personId !== actorId && !after.some((entry) => sameValue(old, entry))))
    return "Another person's confirmation goes only when the agreement changes.";
  if (previous?.lastConfirmed !== undefined && record.lastConfirmed === undefined) return '`lastConfirmed` stays: it is what everyone last confirmed.';
  if (!sameValue(previous?.lastConfirmed, record.lastConfirmed) && record.lastConfirmed !== undefined) {
    const confirmed = record.lastConfirmed as { version?: unknown; terms?: unknown };
    const members = pairing ? [pairing.menteeId, ...pairing.mentorIds.slice(0, 1)] : []; // the mentee and the lead mentor confirm
    const everyone = members.length > 0 && members.every((personId) => after.some((entry) => entry.personId === personId && entry.version === version));
    if (confirmed.version !== version || !everyone || !sameValue(confirmed.terms, termsOf(record)))
      return '`lastConfirmed` records the current terms once everyone has confirmed them.';
  }
  if (!previous && (record.proposedBy ?? actorId) !== actorId) return 'You propose an agreement under your own name.';
  return derivedId(record, `${String(record.pairingId)}.agreement`, /\.agreement$/);
}

const agreements: CollectionPolicy = {
  collection: Collections.agreements,
  scope: 'pairing',
  immutable: ['proposedBy'],
  read: () => true,
  create: ({ context, actorId, roles, record, pairing }) => (isMember(roles) ? agreementChange(context, actorId, record, undefined, pairing) : NOT_MEMBER),
  update: ({ context, actorId, roles, record, previous, pairing }) =>
    isMember(roles) ? agreementChange(context, actorId, record, previous, pairing) : NOT_MEMBER,
  delete: membersWrite,
};

/**
 * A session's `participantIds` name people of its pairing only (their calendars get it written into them).
 * On an update, people already listed may stay (a co-mentor who left the pairing does not block cancelling
 * its sessions; the server writes only to current members' calendars).
 */
const pairingParticipants = (record: PolicyRecord, pairing: PolicyPairing | undefined, previous?: PolicyRecord): boolean => {
  const members = pairing ? pairingMembers(pairing).map((member) => member.personId) : [];
  const listed = previous ? strings(previous.participantIds) : [];
  return strings(record.participantIds).every((personId) => members.includes(personId) || listed.includes(personId));
};
const NOT_PARTICIPANTS = 'Only people of this pairing can take part in its sessions.';
const sessions: CollectionPolicy = {
  collection: Collections.sessions,
  scope: 'pairing',
  immutable: ['organizerId'],
  read: () => true,
  create: ({ actorId, roles, record, pairing }) =>
    !isMember(roles)
      ? NOT_MEMBER
      : (record.organizerId ?? actorId) !== actorId
        ? 'You organise a session under your own name.'
        : pairingParticipants(record, pairing)
          ? true
          : NOT_PARTICIPANTS,
  update: (facts) => (!pairingParticipants(facts.record, facts.pairing, facts.previous) ? NOT_PARTICIPANTS : membersWrite(facts)),
  delete: membersWrite,
};

const coachingRuns: CollectionPolicy = {
  collection: Collections.coachingRuns,
  scope: 'pairing',
  immutable: ['startedBy', 'startedAt'],
  read: () => true,
  create: ({ context, actorId, roles, record }) => {
    if (!isMember(roles)) return NOT_MEMBER;
    if ((record.startedBy ?? actorId) !== actorId) return 'You start a coaching session under your own name.';
    return plausibleInstant(context, record.startedAt) ? true : '`startedAt` must be about now.';
  },
  update: membersWrite,
  delete: membersWrite,
};

/** Prompts dealt to the pair: new ones under the dealer's own name, earlier ones kept (the oldest of 1,000 may drop off). */
const dealt: PolicyRule = ({ actorId, roles, record, previous }) => {
  if (!isMember(roles)) return NOT_MEMBER;
  const added = appendedEntries(previous?.dealt, record.dealt, 1000);
  if (!added || added.length > 1) return 'Prompts already dealt stay as they were; one is dealt at a time.';
  if (added.some((entry) => (entry as { by?: unknown }).by !== actorId)) return 'You deal prompts under your own name.';
  return previous ? true : derivedId(record, `rapport-${String(record.pairingId)}`, /^rapport-/);
};
const rapport: CollectionPolicy = { collection: Collections.rapport, scope: 'pairing', read: () => true, create: dealt, update: dealt, delete: membersWrite };

const goals: CollectionPolicy = {
  collection: Collections.goals,
  scope: 'pairing',
  immutable: ['ownerId'],
  read: ({ actorId, target, record }) =>
    target.ownerId === actorId || (record.visibility !== 'private' && target.visibility !== 'private') ? true : 'This goal is private to its owner.',
  create: ({ actorId, roles, record }) => {
    if (record.ownerId === actorId && roles.includes('mentee')) return true;
    if (isMentor(roles) && record.visibility !== 'private') return true; // a mentor sets a shared goal with the mentee
    return 'Goals are created by the mentee of the pairing, or shared by one of its mentors.';
  },
  update: ({ actorId, roles, record, target }) => {
    if (target.ownerId === actorId) return true;
    const shared = record.visibility !== 'private' && target.visibility !== 'private';
    return shared && isMentor(roles)
      ? true
      : shared
        ? 'Only the goal owner and the pairing mentors can change this goal.'
        : 'This goal is private to its owner.';
  },
  delete: ({ actorId, roles, target }) =>
    target.ownerId === actorId || (target.visibility !== 'private' && isMentor(roles))
      ? true
      : 'Only the goal owner and the pairing mentors can remove this goal.',
};

const REVEAL_FIELDS = ['revealedAt', 'revealedBy'] as const;
/** Whether the actor has submitted a note of their own on the same session of the same pairing (`context.find`; without it, no). */
const submittedOwn = (context: PolicyContext, actorId: string, note: PolicyRecord) =>
  (context.find?.(Collections.feedback, { authorId: actorId }) ?? []).some(
    (own) => own.id !== note.id && own.sessionId === note.sessionId && own.pairingId === note.pairingId && typeof own.submittedAt === 'string',
  );
const feedback: CollectionPolicy = {
  collection: Collections.feedback,
  scope: 'pairing',
  immutable: ['sessionId', 'authorId', 'authorRole', 'submittedAt', 'editableUntil'],
  setOnce: REVEAL_FIELDS,
  // Held notes open to a member once they have submitted theirs for the same session: their own notes.
  needs: (action, record, previous, actorId) =>
    (previous ?? record).revealWhenBothSubmitted === true ? [{ collection: Collections.feedback, where: { authorId: actorId } }] : [],
  read: ({ context, actorId, roles, target }) => {
    if (target.authorId === actorId || roles.includes('admin')) return true;
    if (!isMember(roles)) return 'You can see only feedback of your own pairings.';
    if (target.revealWhenBothSubmitted !== true || typeof target.revealedAt === 'string' || submittedOwn(context, actorId, target)) return true;
    return 'This feedback is shown once both sides have submitted theirs.';
  },
  create: ({ context, actorId, roles, record }) => {
    if (record.authorId !== actorId) return 'You can write only your own feedback.';
    if (!isMember(roles)) return 'Only members of this pairing can give feedback on its sessions.';
    if (record.authorRole !== undefined && !roles.includes(record.authorRole as PolicyRole))
      return `You are not the ${String(record.authorRole)} of this pairing.`;
    if (record.revealedAt !== undefined || record.revealedBy !== undefined) return 'A new note is not revealed yet.';
    if (!plausibleInstant(context, record.submittedAt)) return '`submittedAt` must be about now.';
    const from = typeof record.submittedAt === 'string' ? Date.parse(record.submittedAt) : nowOf(context);
    return record.editableUntil === undefined || (typeof record.editableUntil === 'string' && Date.parse(record.editableUntil) <= from + 60 * DAY)
      ? true
      : '`editableUntil` can be at most 60 days after the note is sent.';
  },
  update: ({ context, actorId, roles, record, previous }) => {
    const revealOnly = changedFields(previous!, record, REVEAL_FIELDS).length === 0;
    if (previous!.authorId !== actorId) {
      // Revealing a held note once both sides submitted: another member adds `revealedAt`/`revealedBy` (as themself) and changes nothing else.
      if (
        !isMember(roles) ||
        !revealOnly ||
        typeof record.revealedAt !== 'string' ||
        record.revealedBy !== actorId ||
        previous!.revealWhenBothSubmitted !== true
      )
        return 'You can write only your own feedback.';
      return submittedOwn(context, actorId, previous!) ? true : 'This feedback is revealed only once you have submitted yours for the same session.';
    }
    if (!isMember(roles)) return 'Only members of this pairing can give feedback on its sessions.';
    if (previous!.revealedBy === undefined && record.revealedBy !== undefined && record.revealedBy !== actorId)
      return 'You reveal feedback under your own name.';
    // A sent note without a deadline of its own can be edited for 60 days (drafts, never sent, stay editable).
    const deadline =
      typeof previous!.editableUntil === 'string'
        ? previous!.editableUntil
        : typeof previous!.submittedAt === 'string'
          ? new Date(Date.parse(previous!.submittedAt) + 60 * DAY).toISOString()
          : undefined;
    return revealOnly || deadline === undefined || nowOf(context) < Date.parse(deadline) ? true : `This feedback could be edited until ${deadline}.`;
  },
  // A sent note stays (the other side may have been shown theirs because of it); a draft may go.
  delete: ({ actorId, roles, target }) =>
    target.authorId !== actorId || !isMember(roles)
      ? 'You can remove only your own feedback.'
      : typeof target.submittedAt === 'string'
        ? 'Sent feedback cannot be removed; you can edit it until its deadline.'
        : true,
};

const messages: CollectionPolicy = {
  collection: Collections.messages,
  scope: 'pairing',
  immutable: ['authorId', 'kind'],
  setOnce: ['deletedAt'],
  appendOnly: ['history'],
  removableOnly: ['voice'],
  reusableIds: false,
  attachments: { fields: ['voice.blobId'], uploaderField: 'authorId' },
  read: ({ roles, target }) =>
    target.mentorsOnly === true
      ? isMentor(roles)
        ? true
        : 'This note is shared only between the mentors.'
      : isMember(roles)
        ? true
        : 'You can read only the conversations of your own pairings.',
  create: ({ context, actorId, roles, record }) => {
    if (record.mentorsOnly === true && !isMentor(roles)) return 'Only mentors can write notes shared between mentors.';
    if (!isMember(roles) || record.authorId !== actorId) return 'You can post only as yourself, in the conversations of your own pairings.';
    if (listOf(record.history).length > 0 || record.editedAt !== undefined || record.deletedAt !== undefined) return 'A new message has no history yet.';
    return plausibleInstant(context, record.sentAt, 7) ? true : '`sentAt` must be about now (at most a week ago, for a message sent from an offline queue).';
  },
  update: ({ context, actorId, roles, target, record }) => {
    if (target.authorId !== actorId || !isMember(roles)) return 'Only the author can edit or delete a message.';
    return messageChange(context, actorId, target, record);
  },
  // A message keeps its place and its trail: deleting one blanks it (an update with a `deleted` entry).
  delete: () => 'Messages are never removed: deleting one blanks its text and audio, and its place and history stay.',
};

export const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * A message changes only through its audit trail: every change adds one history entry under the
 * author's name, and the entry says what may change — `edited` the text (keeping the previous text),
 * `deleted` its content (for good), `shared` a mentors' note with the mentee (moving it to now).
 */
const INVISIBLE = /^[\s\u200B-\u200D\u2060\uFEFF]*$/;

function messageChange(context: PolicyContext, actorId: string, previous: PolicyRecord, record: PolicyRecord): true | string {
  if (previous.deletedAt !== undefined) return 'A deleted message cannot be changed.';
  const added = appendedEntries(previous.history, record.history) ?? [];
  const entry = added[0] as { action?: unknown; by?: unknown; previousText?: unknown; at?: unknown } | undefined;
  if (added.length !== 1 || entry?.by !== actorId) return 'Every change to a message adds one entry to its history, under your own name.';
  if (
    !plausibleInstant(context, entry.at, 7) ||
    !plausibleInstant(context, record.editedAt === previous.editedAt ? undefined : record.editedAt, 7) ||
    !plausibleInstant(context, record.deletedAt, 7)
  )
    return 'A change to a message is stamped about now.';
  const changed = changedFields(previous, record, ['history']);
  const only = (fields: readonly string[]) => changed.every((field) => fields.includes(field));
  switch (entry.action) {
    case 'edited':
      return only(['text', 'editedAt']) &&
        previous.kind === 'text' &&
        typeof record.text === 'string' &&
        !INVISIBLE.test(record.text) &&
        entry.previousText === (previous.text ?? '')
        ? true
        : 'An edit changes the text and keeps the previous text in the history.';
    case 'deleted':
      return only(['text', 'voice', 'deletedAt']) &&
        record.text === undefined &&
        record.voice === undefined &&
        typeof record.deletedAt === 'string' &&
        entry.previousText === undefined
        ? true
        : 'Deleting a message removes its text and audio, and nothing else changes.';
    case 'shared':
      // Earlier wordings of a mentors' note stay between the mentors: an edited note is not shared (post its text anew).
      if (listOf(previous.history).some((old) => (old as { previousText?: unknown }).previousText !== undefined))
        return "A mentors' note that was edited keeps its earlier wording between the mentors: post its text as a new message instead of sharing it.";
      return only(['mentorsOnly', 'sentAt']) &&
        previous.mentorsOnly === true &&
        record.mentorsOnly === false &&
        typeof record.sentAt === 'string' &&
        Date.parse(record.sentAt) >= Date.parse(String(previous.sentAt ?? record.sentAt)) &&
        plausibleInstant(context, record.sentAt, 7)
        ? true
        : "Sharing turns a mentors' note into part of the conversation, and nothing else changes.";
    default:
      return 'Every change to a message adds one entry to its history, under your own name.';
  }
}

const ownMarker: PolicyRule = ({ actorId, roles, target, record, action }) => {
  if (!isMember(roles) || target.personId !== actorId || record.personId !== actorId)
    return 'You can mark messages as read only for yourself, in your own pairings.';
  return action === 'create' ? derivedId(record, `${String(record.pairingId)}~${actorId}`, /~/) : true;
};
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
const pairingRounds: CollectionPolicy = {
  collection: Collections.pairingRounds,
  scope: 'program',
  read: adminsOnly,
  create: adminsOnly,
  update: adminsOnly,
  delete: adminsOnly,
};

/** Busy times from a person's connected calendars: theirs and their current partners' to see, the server's alone to write. */
const serverWritesBusy = () => 'Only the MentorKit server writes busy times, from connected calendars.';
const calendarBusy: CollectionPolicy = {
  collection: Collections.calendarBusy,
  scope: 'none',
  immutable: ['personId'],
  read: ({ context, actorId, record }) =>
    record.id === actorId ||
    context.pairingsOf(actorId).some((pairing) => pairing.status !== 'closed' && pairingMembers(pairing).some((member) => member.personId === record.id))
      ? true
      : "You can see only your and your partners' busy times.",
  create: serverWritesBusy,
  update: serverWritesBusy,
  delete: serverWritesBusy,
};

/**
 * The built-in descriptions a client loads first, by collection. The concerns rule (`concerns-rule.ts`)
 * comes with the concerns feature, which brings it (`defineFeature({ policy })`); `BUILT_IN_POLICIES`
 * (`built-in.ts`) is every one.
 */
export const FIRST_LOAD_POLICIES: readonly CollectionPolicy[] = [
  people,
  programs,
  pairings,
  agreements,
  sessions,
  coachingRuns,
  rapport,
  goals,
  feedback,
  messages,
  messageReads,
  pairingRounds,
  calendarBusy,
];
