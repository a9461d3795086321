/**
 * The typed home of a feature module: `defineFeature({ name, collections, policy, install })`. A
 * feature brings the access rules of its collections (`policy`, registered with the policy when it is
 * installed), and its `install(kit, host)` gets typed collections (stores, load status, and writes
 * that validate their options, strip stored-only fields and check revisions in one place), typed
 * domain events, the policy and id helpers — everything core's own features build their commands on.
 * See CONTRIBUTING.md, "Adding a feature".
 */
import type { ReadableAtom } from 'nanostores';
import { MentorKitError } from '../model/errors.js';
import { invalidInput } from '../model/validate.js';
import type { CollectionRecords, RecordMeta } from '../model/collections.js';
import type { Pairing } from '../model/pairing.js';
import type { CollectionPolicy, PolicyAction, PolicyContext } from '../policy/policy.js';
import { registerFeaturePolicies } from '../policy/registry.js';
import type { StoredRecord } from '../storage/adapter.js';
import type { LoadStatus, MentorKit, MentorKitFeature, MentorKitWith, WriteOptions } from './client.js';
import type { DomainEvent, DomainEventData, DomainEventMap, DomainEventName } from './events.js';
import { internalsOf, isMentorKitClient } from './internals.js';
import { validateWriteOptions } from './write-options.js';

/** A record as a collection stores it: an `id`, and the fields storage adds (`revision`, `updatedAt`…). */
export type StoredShape = { id: string } & RecordMeta;
/** What a feature writes: the record without the fields storage and the client add. */
export type RecordFields<TRecord> = Omit<TRecord, keyof RecordMeta> & { id: string };

/** One collection, typed, as a feature sees it (`host.collection('goals')`). */
export interface TypedCollection<TRecord extends StoredShape> {
  readonly name: string;
  /** The records the user may read, by id. */
  readonly $records: ReadableAtom<readonly TRecord[]>;
  /** This collection's own load status. */
  readonly $status: ReadableAtom<LoadStatus>;
  /** Resolves once this collection is loaded (reads it again after a failed load). */
  loaded(): Promise<void>;
  /** The last-seen record, readable or not (for policy checks and default revisions). */
  cached(id: string): TRecord | undefined;
  /** The cached record when the policy lets the user read it. */
  readable(id: string): TRecord | undefined;
  /** Checks the policy and creates the record (a `conflict` when the id exists). `record` is validated by the caller. */
  create(record: RecordFields<TRecord>): Promise<TRecord>;
  /**
   * Checks `options`, strips the stored-only fields (so `{ ...current, ...changes }` is fine), checks
   * the policy and writes with `expectedRevision` (default: the revision the client last saw).
   */
  update(record: RecordFields<TRecord>, options?: WriteOptions): Promise<TRecord>;
  /** Checks the policy and deletes, with `expectedRevision` (default: the cached one). */
  remove(id: string, options?: WriteOptions): Promise<boolean>;
}

/** A domain event as a feature emits it: the client adds `at` and `actorId`. */
export type DomainEventInput<TType extends DomainEventName> = Omit<DomainEvent, 'at' | 'actorId' | 'type' | 'data'> & {
  type: TType;
  data: DomainEventMap[TType];
};

/** What `install(kit, host)` receives: the plumbing a feature builds its commands on. */
export interface FeatureHost {
  readonly policyContext: PolicyContext;
  /** A typed collection (tracked from now on). Collections MentorKit knows are typed by name. */
  collection<TName extends keyof CollectionRecords>(name: TName): TypedCollection<CollectionRecords[TName] & StoredShape>;
  collection<TRecord extends StoredShape>(name: string): TypedCollection<TRecord>;
  /** Emits a domain event (typed by `DomainEventMap`) after a write; returns it with `at` and `actorId`. */
  emit<TType extends DomainEventName>(event: DomainEventInput<TType>): DomainEvent<TType>;
  /** Checks the policy without writing. Throws `forbidden`. */
  authorize(action: PolicyAction, collection: string, record: { id: string }, previous?: { id: string }): void;
  /** Whether the policy lets the user read this record. */
  canRead(collection: string, record: { id: string }): boolean;
  /** A new record id (the client's `generateId`). */
  newId(): string;
  /** Waits for the first load (never rejects: a load error is in `kit.$status`), then the pairing the user may read, else `not-found`. */
  readablePairing(pairingId: unknown, path?: string): Promise<Pairing>;
  /** The API of another feature when it is installed on this client (no duck-typing). */
  installed<TApi = unknown>(name: string): TApi | undefined;
}

/** Checks a record id argument: a non-empty string of at most 200 characters, else `invalid-input` at `path`. */
export function requireId(value: unknown, path = 'id'): string {
  if (typeof value !== 'string' || value === '' || value.length > 200) invalidInput(path, `\`${path}\` must be an id (a non-empty string).`);
  return value;
}

/** Checks the `{ expectedRevision }` options every write command takes. */
export { validateWriteOptions };

/** The record without the fields storage and the client add (`revision`, `updatedAt`, `createdAt`, `updatedBy`). */
export function stripStored<TRecord extends object>(record: TRecord): Omit<TRecord, keyof RecordMeta> {
  const { revision: _revision, updatedAt: _updatedAt, createdAt: _createdAt, updatedBy: _updatedBy, ...rest } = record as TRecord & Partial<RecordMeta>;
  return rest;
}

/** Storage's records are plain objects; the typed collection is the one place they meet their entity type. */
const typed = <TRecord>(record: StoredRecord | undefined) => record as TRecord | undefined;

const hosts = new WeakMap<MentorKit, FeatureHost>();

/** The feature host of a client (made once per client). For core's own modules; features get it in `install`. */
export function featureHost(kit: MentorKit): FeatureHost {
  let host = hosts.get(kit);
  if (host) return host;
  const internals = internalsOf(kit);
  const readableBy = (collection: string, record: StoredRecord | undefined) => (record && internals.canRead(collection, record) ? record : undefined);
  const collections = new Map<string, unknown>();
  const collection = <TRecord extends StoredShape>(name: string): TypedCollection<TRecord> => {
    const existing = collections.get(name);
    if (existing) return existing as TypedCollection<TRecord>;
    const made: TypedCollection<TRecord> = {
      name,
      $records: internals.track(name) as ReadableAtom<readonly StoredRecord[]> as ReadableAtom<readonly never[]>,
      $status: internals.status(name),
      loaded: () => internals.loaded(name),
      cached: (id) => typed<TRecord>(internals.cached(name, id)),
      readable: (id) => typed<TRecord>(readableBy(name, internals.cached(name, id))),
      create: async (record) => typed<TRecord>(await internals.write(name, stripStored(record) as { id: string }, { action: 'create' }))!,
      async update(record, options) {
        const { expectedRevision } = validateWriteOptions(options);
        return typed<TRecord>(
          await internals.write(name, stripStored(record) as { id: string }, {
            action: 'update',
            ...(expectedRevision !== undefined ? { expectedRevision } : {}),
          }),
        )!;
      },
      async remove(id, options) {
        const { expectedRevision } = validateWriteOptions(options);
        return internals.remove(name, requireId(id), expectedRevision !== undefined ? { expectedRevision } : {});
      },
    };
    collections.set(name, made);
    return made;
  };
  host = {
    policyContext: internals.policyContext,
    collection,
    emit: (event: Omit<DomainEvent, 'at' | 'actorId'>) => internals.emit(event),
    authorize: (action, name, record, previous) => internals.authorize(action, name, record, previous),
    canRead: (name, record) => internals.canRead(name, record),
    newId: () => internals.newId(),
    async readablePairing(pairingId, path = 'pairingId') {
      if (typeof pairingId !== 'string' || pairingId === '') invalidInput(path, `\`${path}\` must be the id of one of your pairings.`);
      await kit.ready.catch(() => undefined);
      const pairing = collection<Pairing>('pairings').readable(pairingId);
      if (!pairing) throw new MentorKitError('not-found', `No pairing "${pairingId}" is visible to you.`, { path });
      return pairing;
    },
    installed: <TApi>(name: string) => internals.installed(name) as TApi | undefined,
  } as FeatureHost;
  hosts.set(kit, host);
  return host;
}

/**
 * A feature's access rule for one of its collections: a `CollectionPolicy` (the policy model's
 * description: scope, read/create/update/delete rules, unchanging fields…), whose `collection` may be
 * left out — it is the key it stands under in `policy`.
 */
export type FeaturePolicy<TCollection extends string = string> = Omit<CollectionPolicy, 'collection'> & { readonly collection?: TCollection };

/** What `defineFeature` takes. */
export interface FeatureDefinition<TName extends string, TApi, TCollection extends string = string> {
  /** The property the API gets on the client (`kit.goals`); unique per client. */
  readonly name: TName;
  /** The collections the feature reads: tracked on install, so `kit.ready` covers them. */
  readonly collections?: readonly TCollection[];
  /**
   * The access rules the feature brings, by collection — only collections it declares in
   * `collections`, and only ones that have no rule yet (built-in, the host's, another feature's):
   * registered with the policy when the feature is installed, so the client (and anything else that
   * asks the policy in this page or process) checks that collection's reads and writes with them.
   */
  readonly policy?: { readonly [TKey in NoInfer<TCollection>]?: FeaturePolicy<TKey> };
  /** Builds the feature's API on this client, once. */
  install(kit: MentorKit, host: FeatureHost): TApi;
}

/**
 * A feature's `policy`, checked once: a rule for each of its declared collections, as the description
 * the policy registers — the rule itself when it names its collection (the concerns rule stays the
 * built-in one), else a copy under its key. Kept small: it ships in the CDN's runtime chunk with the
 * client; the rules' shape is checked by their type.
 */
function featurePolicies(name: string, collections: readonly string[], policy: object | undefined): CollectionPolicy[] {
  return Object.entries(policy ?? {}).map(([collection, rule]: [string, FeaturePolicy]) => {
    if (!collections.includes(collection))
      invalidInput(`feature.policy.${collection}`, `The feature "${name}" brings an access rule for "${collection}", which is not one of its \`collections\`.`);
    return (rule.collection === collection ? rule : { ...rule, collection }) as CollectionPolicy;
  });
}

/**
 * Defines a feature module: a `MentorKitFeature` that hosts install with `features: [...]` or
 * `kit.use(feature)`, whose `install` receives the typed `FeatureHost`. The access rules in `policy`
 * are checked here and registered with the policy on install, before `install` runs (a `conflict`
 * when a collection already has another rule installs nothing).
 *
 * ```ts
 * export const notesFeature = defineFeature({
 *   name: 'notes',
 *   collections: ['notes'],
 *   policy: {
 *     notes: {
 *       scope: 'none',
 *       immutable: ['authorId'],
 *       read: ({ actorId, target }) => target.authorId === actorId || 'Notes are private.',
 *       create: ({ actorId, record }) => record.authorId === actorId || 'You write only your own notes.',
 *       update: ({ actorId, target }) => target.authorId === actorId || 'Only the author changes a note.',
 *       delete: ({ actorId, target }) => target.authorId === actorId || 'Only the author removes a note.',
 *     },
 *   },
 *   install(kit, host) {
 *     const notes = host.collection<Note>('notes');
 *     return { $notes: notes.$records, add: async (text: string) => notes.create({ id: host.newId(), authorId: kit.user.id, text }) };
 *   },
 * });
 * ```
 */
export function defineFeature<TName extends string, TApi, TCollection extends string = string>(
  definition: FeatureDefinition<TName, TApi, TCollection>,
): MentorKitFeature<TName, TApi> {
  if (
    typeof definition !== 'object' ||
    definition === null ||
    typeof definition.name !== 'string' ||
    definition.name === '' ||
    typeof definition.install !== 'function'
  ) {
    invalidInput('feature', 'defineFeature needs { name, install(kit, host) }.');
  }
  const collections: readonly string[] = definition.collections ?? [];
  const rules = featurePolicies(definition.name, collections, definition.policy as object | undefined);
  return {
    name: definition.name,
    install(kit) {
      const host = featureHost(kit);
      registerFeaturePolicies(definition.name, rules);
      for (const name of collections) host.collection(name);
      return definition.install(kit, host);
    },
  };
}

/**
 * Installs features (once each, like `kit.use`) and returns the same client, typed with their APIs:
 * `const kit2 = withFeatures(kit, goalsFeature); kit2.goals.create(…)`.
 */
export function withFeatures<TKit extends MentorKit, const TFeatures extends readonly MentorKitFeature[]>(
  kit: TKit,
  ...features: TFeatures
): TKit & MentorKitWith<TFeatures> {
  for (const feature of features) kit.use(feature);
  return kit as TKit & MentorKitWith<TFeatures>;
}

/** The API of the feature installed on `kit` under `name`, or `undefined` (also for anything but a client); the client knows what it installed. */
export function installedFeature<TApi = unknown>(kit: MentorKit, name: string): TApi | undefined {
  return isMentorKitClient(kit) ? (internalsOf(kit).installed(name) as TApi | undefined) : undefined;
}

/** Types re-exported for feature authors. */
export type { DomainEventData, DomainEventName };
