import { MentorKitError } from '../model/errors.js';
import { Collections } from '../model/collections.js';
import { pairingMembers, type PairingRole } from '../pairings/index.js';

/**
 * Access rules: who may read and change what. Pure functions over plain records, so the same rules
 * run in the browser (the client checks before every write and filters every read) and in a host's
 * server (which must check them too: the browser is not a security boundary).
 *
 * Roles: `mentee`, `mentor` (lead mentor), `co-mentor` (second mentor) are per pairing;
 * `admin` is per programme (`program.adminIds`).
 *
 * | collection     | read                                                        | write                                                          |
 * |----------------|-------------------------------------------------------------|----------------------------------------------------------------|
 * | people         | self; people sharing a pairing; admins of their programmes  | self (cannot grant themselves admin); admins of their programmes |
 * | programs       | members (person.programIds) and admins                      | admins of that programme                                       |
 * | pairings       | its members; admins of its programme                        | admins; members may pause, resume or close it once it is active |
 * | agreements, sessions, coaching-runs, rapport | pairing members; admins (read) | pairing members                                                |
 * | goals          | owner; if `visibility: 'pairing'`, members and admins       | owner; mentors of the pairing when shared                       |
 * | feedback       | author; other members (held notes: once revealed); admins  | author, who must be a member; a member may only reveal a held note |
 * | messages       | members (`mentorsOnly`: mentors only)                       | create: a member as author; edit/delete: the author             |
 * | message-reads  | pairing members                                             | a member, their own read marker only                            |
 * | anything else  | admins                                                      | admins                                                          |
 */

/** The person acting. */
export interface Actor {
  id: string;
}

/** What the policy needs to know about the world; the client builds it from its stores. */
export interface PolicyContext {
  getPairing(id: string): PolicyPairing | undefined;
  getProgram(id: string): PolicyProgram | undefined;
  /** Pairings the given person belongs to (any status). */
  pairingsOf(personId: string): PolicyPairing[];
  getPerson?(id: string): PolicyPerson | undefined;
  /** The current instant (ISO), for rules with deadlines (a feedback note's `editableUntil`). Defaults to the system clock. */
  now?(): string;
  /**
   * Records of another collection whose top-level fields equal `where`, for rules that look at related
   * records (feedback is revealed only once both sides submitted theirs). The client answers from its
   * cache; a server loads what `policyNeeds` names before deciding. Absent: such rules refuse.
   */
  find?(collection: string, where: Record<string, string | number | boolean>): Array<{ id: string; [key: string]: unknown }>;
}

export interface PolicyPairing {
  id: string;
  programId: string;
  menteeId: string;
  mentorIds: string[];
  status?: string;
}
export interface PolicyProgram {
  id: string;
  adminIds: string[];
}
export interface PolicyPerson {
  id: string;
  roles?: string[];
  programIds?: string[];
}

export type PolicyAction = 'read' | 'create' | 'update' | 'delete';

export interface PolicyDecision {
  allowed: boolean;
  /** Why not, in words a person can act on (empty when allowed). */
  reason: string;
}

const allow: PolicyDecision = { allowed: true, reason: '' };
const deny = (reason: string): PolicyDecision => ({ allowed: false, reason });

type AnyRecord = { id: string; [key: string]: unknown };

/** Whether `actorId` administers the programme. */
export function isProgramAdmin(context: PolicyContext, actorId: string, programId: unknown): boolean {
  if (typeof programId !== 'string') return false;
  return context.getProgram(programId)?.adminIds.includes(actorId) ?? false;
}

/** Whether the actor administers any programme the person belongs to (or any pairing of theirs). */
function administersPerson(context: PolicyContext, actorId: string, person: AnyRecord): boolean {
  const programIds = new Set<string>(Array.isArray(person.programIds) ? (person.programIds as string[]) : []);
  for (const pairing of context.pairingsOf(person.id)) programIds.add(pairing.programId);
  for (const programId of programIds) if (isProgramAdmin(context, actorId, programId)) return true;
  return false;
}

/** Roles of the actor in the pairing, including `admin` when they administer its programme. */
export function rolesInPairing(context: PolicyContext, actorId: string, pairingId: unknown): Array<PairingRole | 'admin'> {
  if (typeof pairingId !== 'string') return [];
  const pairing = context.getPairing(pairingId);
  if (!pairing) return [];
  const roles: Array<PairingRole | 'admin'> = pairingMembers(pairing)
    .filter((member) => member.personId === actorId)
    .map((member) => member.role);
  if (isProgramAdmin(context, actorId, pairing.programId)) roles.push('admin');
  return roles;
}

/** Fields that differ between two versions of a record, ignoring the storage metadata and `allowed`. */
const changedFields = (previous: AnyRecord, record: AnyRecord, allowed: readonly string[]): string[] =>
  Object.keys({ ...previous, ...record }).filter((key) => !['revision', 'updatedAt', 'updatedBy', 'createdAt', ...allowed].includes(key) && JSON.stringify(previous[key]) !== JSON.stringify(record[key]));

const isMember = (roles: Array<PairingRole | 'admin'>) => roles.some((role) => role !== 'admin');
const isMentorRole = (roles: Array<PairingRole | 'admin'>) => roles.includes('mentor') || roles.includes('co-mentor');

function sharesPairing(context: PolicyContext, actorId: string, personId: string): boolean {
  return context.pairingsOf(actorId).some((pairing) => pairingMembers(pairing).some((member) => member.personId === personId));
}

/**
 * Decides whether `actor` may perform `action` on `record` of `collection`.
 * For `update`, pass the stored record as `previous` and the new one as `record`; both are checked
 * (you may not move a record out of, or into, a pairing you do not belong to).
 */
export function decide(context: PolicyContext, actor: Actor, action: PolicyAction, collection: string, record: AnyRecord, previous?: AnyRecord): PolicyDecision {
  const actorId = actor.id;
  switch (collection) {
    case Collections.people: {
      if (action === 'read') {
        if (record.id === actorId || sharesPairing(context, actorId, record.id) || administersPerson(context, actorId, record)) return allow;
        return deny('You can see only yourself, the people you are paired with, and people in programmes you administer.');
      }
      const adminOfPerson = administersPerson(context, actorId, previous ?? record) || (previous !== undefined && administersPerson(context, actorId, record));
      if (record.id === actorId) {
        if (action === 'delete') return adminOfPerson ? allow : deny('Ask a programme admin to remove your profile.');
        const wasAdmin = Array.isArray(previous?.roles) && (previous.roles as string[]).includes('admin');
        const nowAdmin = Array.isArray(record.roles) && (record.roles as string[]).includes('admin');
        if (nowAdmin && !wasAdmin && !adminOfPerson) return deny('You cannot make yourself an admin; a programme admin must do it.');
        return allow;
      }
      return adminOfPerson ? allow : deny('You can change only your own profile, or profiles in programmes you administer.');
    }

    case Collections.programs: {
      const adminIds = Array.isArray(record.adminIds) ? (record.adminIds as string[]) : [];
      const wasAdmin = previous ? isProgramAdmin(context, actorId, previous.id) : false;
      if (action === 'read') {
        const person = context.getPerson?.(actorId);
        if (adminIds.includes(actorId) || person?.programIds?.includes(record.id) || context.pairingsOf(actorId).some((pairing) => pairing.programId === record.id)) return allow;
        return deny('You can see only programmes you belong to.');
      }
      if (action === 'create') {
        const person = context.getPerson?.(actorId);
        if (!adminIds.includes(actorId)) return deny('A new programme must list you in `adminIds`.');
        if (!person?.roles?.includes('admin')) return deny('Only people with the admin role can create programmes.');
        return allow;
      }
      if (!wasAdmin && !isProgramAdmin(context, actorId, record.id)) return deny('Only admins of this programme can change it.');
      if (action === 'update' && !adminIds.includes(actorId) && adminIds.length === 0) return deny('A programme needs at least one admin.');
      return allow;
    }

    case Collections.pairings: {
      const programAdmin = isProgramAdmin(context, actorId, record.programId) && (previous === undefined || isProgramAdmin(context, actorId, previous.programId));
      const memberIds = [record.menteeId, ...(Array.isArray(record.mentorIds) ? (record.mentorIds as unknown[]) : [])];
      const member = memberIds.includes(actorId);
      if (action === 'read') return member || isProgramAdmin(context, actorId, record.programId) ? allow : deny('You can see only your own pairings.');
      if (programAdmin) return allow;
      if (action === 'update' && previous && member) {
        const changed = changedFields(previous, record, ['status', 'startedOn', 'endedOn']);
        if (changed.length > 0) return deny(`Only a programme admin can change ${changed.map((key) => `\`${key}\``).join(', ')} of a pairing.`);
        if (previous.status === 'proposed' || record.status === 'proposed') return deny('Only a programme admin can propose, activate or withdraw a proposed pairing.');
        return allow;
      }
      return deny('Only a programme admin can create or remove pairings.');
    }

    case Collections.agreements:
    case Collections.sessions:
    case Collections.coachingRuns:
    case Collections.rapport: {
      const roles = rolesInPairing(context, actorId, record.pairingId);
      if (previous && previous.pairingId !== record.pairingId) return deny('A record cannot move to another pairing.');
      if (action === 'read') return roles.length > 0 ? allow : deny('You can see only your own pairings.');
      return isMember(roles) ? allow : deny('Only the mentee and mentors of this pairing can change it.');
    }

    case Collections.goals: {
      const target = previous ?? record;
      const roles = rolesInPairing(context, actorId, target.pairingId);
      const owner = target.ownerId === actorId;
      if (previous && (previous.pairingId !== record.pairingId || previous.ownerId !== record.ownerId)) return deny('A goal cannot change owner or pairing; archive it and create a new one.');
      const shared = record.visibility !== 'private' && target.visibility !== 'private';
      if (action === 'read') {
        if (owner) return allow;
        if (shared && roles.length > 0) return allow;
        return deny(shared ? 'You can see only goals of your own pairings.' : 'This goal is private to its owner.');
      }
      if (action === 'create') {
        if (owner && roles.includes('mentee')) return allow;
        if (isMentorRole(roles) && record.visibility !== 'private') return allow; // a mentor sets a shared goal with the mentee
        return deny('Goals are created by the mentee of the pairing, or shared by one of its mentors.');
      }
      if (owner) return allow;
      if (shared && isMentorRole(roles)) return allow;
      return deny(shared ? 'Only the goal owner and the pairing mentors can change this goal.' : 'This goal is private to its owner.');
    }

    case Collections.feedback: {
      const target = previous ?? record;
      const roles = rolesInPairing(context, actorId, target.pairingId);
      if (action === 'read') {
        if (target.authorId === actorId) return allow;
        if (roles.includes('admin')) return allow;
        if (isMember(roles)) return target.revealWhenBothSubmitted === true && typeof target.revealedAt !== 'string' ? deny('This feedback is shown once both sides have submitted theirs.') : allow;
        return deny('You can see only feedback of your own pairings.');
      }
      // Revealing a held note once both sides submitted: another member adds `revealedAt`/`revealedBy` (as themself) and changes nothing else.
      if (action === 'update' && previous && previous.authorId !== actorId && isMember(roles) && previous.revealWhenBothSubmitted === true && previous.revealedAt === undefined && typeof record.revealedAt === 'string' && record.revealedBy === actorId) {
        const changed = changedFields(previous, record, ['revealedAt', 'revealedBy']);
        return changed.length === 0 ? allow : deny('Revealing feedback cannot change it; only its author can.');
      }
      if (record.authorId !== actorId || target.authorId !== actorId) return deny('You can write only your own feedback.');
      return isMember(roles) ? allow : deny('Only members of this pairing can give feedback on its sessions.');
    }

    case Collections.messages: {
      const target = previous ?? record;
      const roles = rolesInPairing(context, actorId, target.pairingId);
      if (action === 'read') {
        if (target.mentorsOnly === true) return isMentorRole(roles) ? allow : deny('This note is shared only between the mentors.');
        return isMember(roles) ? allow : deny('You can read only the conversations of your own pairings.');
      }
      if (target.mentorsOnly === true && !isMentorRole(roles)) return deny('Only mentors can write notes shared between mentors.');
      if (action === 'create') return isMember(roles) && record.authorId === actorId ? allow : deny('You can post only as yourself, in the conversations of your own pairings.');
      return target.authorId === actorId && record.authorId === actorId ? allow : deny('Only the author can edit or delete a message.');
    }

    case 'message-reads': {
      const roles = rolesInPairing(context, actorId, (previous ?? record).pairingId);
      if (previous && (previous.pairingId !== record.pairingId || previous.personId !== record.personId)) return deny('A read marker cannot move to another pairing or person.');
      if (action === 'read') return isMember(roles) ? allow : deny('You can see only the read markers of your own pairings.');
      return isMember(roles) && record.personId === actorId ? allow : deny('You can mark messages as read only for yourself, in your own pairings.');
    }

    default: {
      // Unknown collections: only people who administer some programme, by default.
      const administersAny = context.pairingsOf(actorId).some((pairing) => isProgramAdmin(context, actorId, pairing.programId)) || (context.getPerson?.(actorId)?.roles?.includes('admin') ?? false);
      return administersAny ? allow : deny(`No access rule covers the collection "${collection}"; only admins may use it.`);
    }
  }
}

/** Throws `MentorKitError` code `forbidden` with the policy's reason unless allowed. */
export function assertAllowed(context: PolicyContext, actor: Actor, action: PolicyAction, collection: string, record: AnyRecord, previous?: AnyRecord): void {
  const decision = decide(context, actor, action, collection, record, previous);
  if (!decision.allowed) {
    throw new MentorKitError('forbidden', decision.reason, { path: collection, details: { action, collection, id: record.id } });
  }
}

/** Whether `actor` may read `record`. */
export function canRead(context: PolicyContext, actor: Actor, collection: string, record: AnyRecord): boolean {
  return decide(context, actor, 'read', collection, record).allowed;
}

/** Builds a `PolicyContext` from plain lists (convenient on a server). */
export function createPolicyContext(data: { pairings: Iterable<PolicyPairing>; programs: Iterable<PolicyProgram>; people?: Iterable<PolicyPerson> }): PolicyContext {
  const pairings = new Map<string, PolicyPairing>();
  const byPerson = new Map<string, PolicyPairing[]>();
  for (const pairing of data.pairings) {
    pairings.set(pairing.id, pairing);
    for (const member of pairingMembers(pairing)) {
      const list = byPerson.get(member.personId) ?? [];
      list.push(pairing);
      byPerson.set(member.personId, list);
    }
  }
  const programs = new Map<string, PolicyProgram>();
  for (const program of data.programs) programs.set(program.id, program);
  const people = new Map<string, PolicyPerson>();
  for (const person of data.people ?? []) people.set(person.id, person);
  return {
    getPairing: (id) => pairings.get(id),
    getProgram: (id) => programs.get(id),
    pairingsOf: (personId) => byPerson.get(personId) ?? [],
    getPerson: (id) => people.get(id),
  };
}
