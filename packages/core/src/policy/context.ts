import { pairingMembers, type PairingRole } from '../model/pairing-roles.js';

/** The person acting. */
export interface Actor {
  id: string;
}

/** What the policy needs to know about the world; the client builds it from its stores, a server from its database. */
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

/** A role in a pairing, or `admin` of its programme. */
export type PolicyRole = PairingRole | 'admin';

/** Whether `actorId` administers the programme. */
export function isProgramAdmin(context: PolicyContext, actorId: string, programId: unknown): boolean {
  if (typeof programId !== 'string') return false;
  const adminIds = context.getProgram(programId)?.adminIds;
  return Array.isArray(adminIds) && adminIds.includes(actorId);
}

/** Roles of the actor in the pairing, including `admin` when they administer its programme. */
export function rolesInPairing(context: PolicyContext, actorId: string, pairingId: unknown): PolicyRole[] {
  const pairing = typeof pairingId === 'string' ? context.getPairing(pairingId) : undefined;
  if (!pairing) return [];
  const roles: PolicyRole[] = pairingMembers(pairing)
    .filter((member) => member.personId === actorId)
    .map((member) => member.role);
  if (isProgramAdmin(context, actorId, pairing.programId)) roles.push('admin');
  return roles;
}

/** Builds a `PolicyContext` from plain lists (convenient on a server). */
export function createPolicyContext(data: {
  pairings: Iterable<PolicyPairing>;
  programs: Iterable<PolicyProgram>;
  people?: Iterable<PolicyPerson>;
  now?: () => string;
  find?: PolicyContext['find'];
}): PolicyContext {
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
    ...(data.now ? { now: data.now } : {}),
    ...(data.find ? { find: data.find } : {}),
  };
}
