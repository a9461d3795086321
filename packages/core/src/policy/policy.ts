import { MentorKitError } from '../model/errors.js';
import { rolesInPairing, isProgramAdmin, type Actor, type PolicyContext, type PolicyPairing, type PolicyRole } from './context.js';
import { Collections } from '../model/collections.js';
import { FIRST_LOAD_POLICIES, sameValue, type CollectionPolicy, type PolicyAction, type PolicyRecord } from './rules.js';
import { broughtBy, builtIn, onDemandPolicy, policies } from './registry.js';

export { onDemandPolicy, registerFeaturePolicies } from './registry.js';

export * from './context.js';
export type { CollectionPolicy, PolicyAction, PolicyFacts, PolicyRecord, PolicyRule } from './rules.js';

/**
 * Access rules: who may read and change what. Pure functions over plain records, so the same rules
 * run in the browser (the client checks before every write and filters every read) and on a server
 * (which must check them too: the browser is not a security boundary). The rules themselves are one
 * declarative description per collection (rules.ts); hosts add their own collections with
 * `registerCollectionPolicy`.
 */

export interface PolicyDecision {
  allowed: boolean;
  /** Why not, in words a person can act on (empty when allowed). */
  reason: string;
}

const allow: PolicyDecision = { allowed: true, reason: '' };
const deny = (reason: string): PolicyDecision => ({ allowed: false, reason });

// The registry lives in registry.ts (so a feature registers its rules without importing every
// built-in rule); the built-in first-load rules and collection names are put in it here.
for (const policy of FIRST_LOAD_POLICIES) policies.set(policy.collection, policy);
for (const collection of [...policies.keys(), ...Object.values(Collections)]) builtIn.add(collection);

/** Registers built-in rules that load on demand (`BUILT_IN_POLICIES` does, for servers); idempotent. Not for hosts. */
export function addBuiltInPolicy(policy: CollectionPolicy): void {
  policies.set(onDemandPolicy(policy).collection, policy);
}

/** The description of a collection's access rules, or undefined when none is registered. */
export function collectionPolicy(collection: string): CollectionPolicy | undefined {
  return policies.get(collection);
}

/** Every registered description (built-in and the host's). */
export function collectionPolicies(): CollectionPolicy[] {
  return [...policies.values()];
}

const RULES = ['read', 'create', 'update', 'delete'] as const;

/**
 * Adds the access rules of a collection of the host's own (on the client and on the server alike).
 * Collections without a description cannot be read or written by anyone but a trusted service.
 * Built-in collections cannot be replaced, and neither can a rule a feature brought (the same
 * description again is fine: a module both the feature and a server import).
 */
export function registerCollectionPolicy(policy: CollectionPolicy): void {
  const candidate = policy as Partial<CollectionPolicy> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.collection !== 'string' || candidate.collection === '')
    throw new MentorKitError('invalid-input', 'A collection policy needs `collection`, `scope` and read/create/update/delete rules.', { path: 'policy' });
  if (!['pairing', 'program', 'none'].includes(candidate.scope as string))
    throw new MentorKitError('invalid-input', '`scope` must be "pairing", "program" or "none".', { path: 'policy.scope' });
  for (const rule of RULES)
    if (typeof candidate[rule] !== 'function')
      throw new MentorKitError('invalid-input', `\`${rule}\` must be a function returning true or the reason it refuses.`, { path: `policy.${rule}` });
  if (builtIn.has(candidate.collection))
    throw new MentorKitError('conflict', `"${candidate.collection}" is a built-in collection; its rules cannot be replaced.`, { path: 'policy.collection' });
  const feature = broughtBy.get(candidate.collection);
  if (feature !== undefined && policies.get(candidate.collection) !== policy)
    throw new MentorKitError('conflict', `The feature "${feature}" brings the access rule of "${candidate.collection}"; a collection has one rule.`, {
      path: 'policy.collection',
    });
  policies.set(candidate.collection, policy);
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Why an update changes what may not change, or undefined. */
function unchangeable(policy: CollectionPolicy, previous: PolicyRecord, record: PolicyRecord): string | undefined {
  const scopeField = policy.scope === 'pairing' ? 'pairingId' : policy.scope === 'program' ? 'programId' : 'id';
  for (const field of [scopeField, ...(policy.immutable ?? [])]) {
    if (!sameValue(previous[field], record[field]))
      return field === 'pairingId' ? 'A record cannot move to another pairing.' : `\`${field}\` cannot change once the record exists.`;
  }
  for (const field of policy.setOnce ?? [])
    if (previous[field] !== undefined && !sameValue(previous[field], record[field])) return `\`${field}\` cannot change once it is set.`;
  for (const field of policy.removableOnly ?? [])
    if (record[field] !== undefined && !sameValue(previous[field], record[field])) return `\`${field}\` can be removed, but not changed.`;
  for (const field of policy.appendOnly ?? []) {
    const before = listOf(previous[field]);
    const after = listOf(record[field]);
    if (after.length < before.length || before.some((entry, index) => !sameValue(entry, after[index])))
      return `\`${field}\` keeps every earlier entry; new ones go at its end.`;
  }
  return undefined;
}

/**
 * Decides whether `actor` may perform `action` on `record` of `collection`.
 * For `update`, pass the stored record as `previous` and the new one as `record`; both are checked
 * (you may not move a record out of, or into, a pairing you do not belong to), and fields that never
 * change are compared. For `delete`, pass the stored record (as both, or as `record`).
 */
export function decide(
  context: PolicyContext,
  actor: Actor,
  action: PolicyAction,
  collection: string,
  record: PolicyRecord,
  previous?: PolicyRecord,
): PolicyDecision {
  const policy = policies.get(collection);
  if (!policy) return deny(`No access rule covers the collection "${collection}"; register one with registerCollectionPolicy.`);
  const before = action === 'update' || action === 'delete' ? (previous ?? record) : undefined;
  const target = before ?? record;
  if (action === 'update') {
    const problem = unchangeable(policy, before!, record);
    if (problem) return deny(problem);
  }
  let roles: PolicyRole[] = [];
  let pairing: PolicyPairing | undefined;
  if (policy.scope === 'pairing') {
    pairing = typeof target.pairingId === 'string' ? context.getPairing(target.pairingId) : undefined;
    roles = pairing ? rolesInPairing(context, actor.id, pairing.id) : [];
    if (roles.length === 0) return deny(action === 'read' ? 'You can see only your own pairings.' : 'You can change only records of your own pairings.');
    if (action !== 'read' && pairing!.status === 'closed' && policy.writableWhenClosed !== true)
      return deny('This pairing is closed: its records can still be read, but no longer changed.');
  } else if (policy.scope === 'program' && isProgramAdmin(context, actor.id, target.programId)) roles = ['admin'];
  const verdict = policy[action]({ context, actorId: actor.id, action, record, previous: before, target, roles, pairing });
  return verdict === true ? allow : deny(typeof verdict === 'string' && verdict !== '' ? verdict : 'Not allowed.');
}

/** Throws `MentorKitError` code `forbidden` with the policy's reason unless allowed. */
export function assertAllowed(
  context: PolicyContext,
  actor: Actor,
  action: PolicyAction,
  collection: string,
  record: PolicyRecord,
  previous?: PolicyRecord,
): void {
  const decision = decide(context, actor, action, collection, record, previous);
  if (!decision.allowed) {
    throw new MentorKitError('forbidden', decision.reason, { path: collection, details: { action, collection, id: record.id } });
  }
}

/** Whether `actor` may read `record`. */
export function canRead(context: PolicyContext, actor: Actor, collection: string, record: PolicyRecord): boolean {
  return decide(context, actor, 'read', collection, record).allowed;
}

/** Whether a deleted record's id may be used again in this collection (pairings and programmes: never). */
export function idsReusable(collection: string): boolean {
  return policies.get(collection)?.reusableIds !== false;
}

/** Records of other collections `decide` will look up through `context.find` for this write (a server loads them first). */
export function policyNeeds(
  collection: string,
  action: PolicyAction,
  record: PolicyRecord,
  previous: PolicyRecord | undefined,
  actorId: string,
): Array<{ collection: string; where: Record<string, string | number | boolean> }> {
  return policies.get(collection)?.needs?.(action, record, previous, actorId) ?? [];
}

const valueAt = (record: PolicyRecord, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined), record);

/** The attachment ids a record references (a voice note's audio). */
export function attachmentsOf(collection: string, record: PolicyRecord): string[] {
  const fields = policies.get(collection)?.attachments?.fields ?? [];
  return fields.map((field) => valueAt(record, field)).filter((id): id is string => typeof id === 'string');
}

/** Collections whose records reference attachments, with the fields that hold the ids (a server searches them). */
export function attachmentFields(): Array<{ collection: string; fields: readonly string[]; uploaderField: string }> {
  return collectionPolicies().flatMap((policy) => (policy.attachments ? [{ collection: policy.collection, ...policy.attachments }] : []));
}

/**
 * Whether `actor` may read an attachment: its uploader may; anyone else only through a record that
 * references it, was written by its uploader, and that they may read. Referencing someone else's
 * attachment from a record of one's own therefore grants nothing.
 *
 * @param referencing records (with their collections) that reference the attachment
 */
export function mayReadAttachment(
  context: PolicyContext,
  actor: Actor,
  attachment: { id: string; uploaderId: string | undefined },
  referencing: ReadonlyArray<{ collection: string; record: PolicyRecord }>,
): boolean {
  if (attachment.uploaderId !== undefined && attachment.uploaderId === actor.id) return true;
  return referencing.some(({ collection, record }) => {
    const uploaderField = policies.get(collection)?.attachments?.uploaderField;
    return (
      uploaderField !== undefined &&
      record[uploaderField] === attachment.uploaderId &&
      attachmentsOf(collection, record).includes(attachment.id) &&
      canRead(context, actor, collection, record)
    );
  });
}
