import { atom, computed, type ReadableAtom, type WritableAtom } from 'nanostores';
import { Collections } from '../model/collections.js';
import type { Pairing, PairingInput, PairingStatus } from '../model/pairing.js';
import type { Person, PersonInput } from '../model/person.js';
import type { Program, ProgramInput } from '../model/program.js';
import { MentorKitError, toMentorKitError } from '../model/errors.js';
import { invalidInput } from '../model/validate.js';
import { isInstant } from '../model/formats.js';
import { assertAllowed, canRead, decide, type PolicyContext, type PolicyPairing } from '../policy/policy.js';
import { pairingMembers } from '../model/pairing-roles.js';
import type { StorageAdapter, StorageChange, StorageWriteFailure, StoredRecord } from '../storage/adapter.js';
import { DomainEventEmitter, type DomainEvent, type DomainEventListener, type DomainEventName, type ListenerErrorHandler } from './events.js';
import { registerInternals, type MentorKitInternals } from './internals.js';
import { validateWriteOptions } from './write-options.js';
import type { CollectionRecords } from '../model/collections.js';
import { createFeatureInstaller, FEATURE_HINT, isFeature } from './features.js';

export interface MentorKitUser {
  /** The signed-in person's id (the host authenticates; MentorKit trusts it in the browser). */
  id: string;
}

/**
 * A feature module (goals, coaching, scheduling, …) that adds commands and stores to a client.
 * Feature modules live in subpaths (`@mentorkit/core/goals`) so a page ships only what it uses; install
 * one with the `features` option or later with `kit.use(feature)`. Its API is then `kit[feature.name]`.
 */
export interface MentorKitFeature<TName extends string = string, TApi = unknown> {
  readonly name: TName;
  install(kit: MentorKit): TApi;
}

/** `{ goals: GoalsApi }` for `goalsFeature`: the property a feature adds to the client. */
export type FeatureApiOf<TFeature> = TFeature extends MentorKitFeature<infer TName, infer TApi> ? { readonly [K in TName]: TApi } : never;
type Intersection<T> = (T extends unknown ? (value: T) => void : never) extends (value: infer I) => void ? I : never;
/** A client with the APIs of these features: `MentorKitWith<[typeof goalsFeature]>` has `kit.goals`. */
export type MentorKitWith<TFeatures extends readonly MentorKitFeature[]> = MentorKit &
  ([TFeatures[number]] extends [never] ? unknown : Intersection<FeatureApiOf<TFeatures[number]>>);

export interface MentorKitOptions {
  /** Where records live: `createIndexedDbStorage()`, `createMemoryStorage()`, or the host's adapter. */
  storage: StorageAdapter;
  /** The signed-in person, or their id. */
  user: MentorKitUser | string;
  /** Clock, for tests and demos. Returns a Date or an ISO instant. Defaults to the system clock. */
  now?: () => Date | string;
  /** Id generator for new records. Defaults to `crypto.randomUUID()`. */
  generateId?: () => string;
  /** Called when an event listener throws (the command has already succeeded). Defaults to `console.error`. */
  onListenerError?: ListenerErrorHandler;
  /**
   * Feature modules to install now, e.g. `[goalsFeature, coachingFeature]` (see `kit.use`). The
   * client's type then includes each one's API (`kit.goals`).
   */
  features?: readonly MentorKitFeature[];
}

/**
 * A collection's records the signed-in person may read, as the client holds them (`kit.collection`).
 * For showing and computing over records; changes go through the features' commands.
 */
export interface ReadableCollection<TRecord> {
  /** The records the policy lets the user read, by id; updates after every write and watched change. */
  readonly $records: ReadableAtom<readonly TRecord[]>;
  /** This collection's own load status: `loading`, `ready`, or `error` until it has loaded. */
  readonly $status: ReadableAtom<LoadStatus>;
  /** Resolves once this collection is loaded (reads it again if its last load failed; rejects with the load error). */
  loaded(): Promise<void>;
}

export interface WriteOptions {
  /**
   * The revision your change is based on. Defaults to the revision the client last saw, so an edit
   * made elsewhere in the meantime is refused with `conflict` rather than silently overwritten.
   */
  expectedRevision?: number;
}

export type LoadStatus = 'loading' | 'ready' | 'error';

export interface MentorKit {
  readonly user: MentorKitUser;
  readonly storage: StorageAdapter;
  /**
   * Resolves when every collection tracked so far has loaded: people, programmes and pairings, and
   * the collections of every installed feature — also one installed after the client was created,
   * so `kit.use(goalsFeature); await kit.ready;` finds the goals. Each read returns a promise over
   * what is tracked at that moment (and what gets tracked before it resolves). Rejects with the load
   * error (`$status` says `error`).
   */
  readonly ready: Promise<void>;
  /**
   * `loading` until the first load finished (the client's collections and those of the features
   * installed with the `features` option), then `ready`; `error` once loading any tracked
   * collection failed, until it has loaded (the next `kit.ready` reads it again, and so does
   * `refresh()`). A feature installed later does not turn it back to `loading`: await `kit.ready`
   * for its records.
   */
  readonly $status: ReadableAtom<LoadStatus>;
  readonly $error: ReadableAtom<MentorKitError | undefined>;
  /**
   * Changes storage accepted and its backend later refused for good (a write answered from the REST
   * adapter's offline queue, then refused with `conflict`, `forbidden`…), not dismissed yet, oldest
   * first. Each one was not kept: tell the person which change it was (`<mk-provider>` does). The
   * client also emits `write-failed` and shows the stored version of the record again. Always empty
   * with adapters that answer a write only once it is kept (memory, IndexedDB).
   */
  readonly $failedWrites: ReadableAtom<readonly StorageWriteFailure[]>;
  /** The signed-in person's profile, once loaded (undefined when the host stores none). */
  readonly $me: ReadableAtom<Person | undefined>;
  /** People the user may see, by id: themself, the people they are paired with, and people in programmes they administer. */
  readonly $people: ReadableAtom<Readonly<Record<string, Person>>>;
  /** Programmes the user belongs to or administers, sorted by name. */
  readonly $programs: ReadableAtom<readonly Program[]>;
  /** Pairings the user may see (for admins: every pairing of their programmes), active first. */
  readonly $pairings: ReadableAtom<readonly Pairing[]>;
  /** Pairings the user is a member of (mentee, mentor or co-mentor), active first. */
  readonly $myPairings: ReadableAtom<readonly Pairing[]>;
  /**
   * The pairing the person is working on now, which every element without its own `pairing-id`
   * follows: the one chosen with `selectPairing` while it is visible to them, else their first
   * pairing (active ones first); `undefined` when they have none. A mentor with several mentees
   * switches every panel at once by choosing another.
   */
  readonly $currentPairingId: ReadableAtom<string | undefined>;
  /** Makes a pairing the current one (`<mk-pairing-card>` and `<mk-provider pairing-id>` call it); `undefined` goes back to the default. */
  selectPairing(pairingId: string | undefined): void;
  /** The current time as an ISO instant (the `now` option, or the system clock). */
  now(): string;
  /**
   * Listen to domain events of one type, or `'*'` for all. Returns the unsubscribe function. A type
   * declared in `DomainEventMap` (each feature adds its own) gives the listener typed `event.data`.
   */
  on<TType extends DomainEventName>(type: TType, listener: DomainEventListener<TType>): () => void;
  on(type: string, listener: DomainEventListener): () => void;
  /**
   * The records of a collection the signed-in person may read, tracked from now on (idempotent):
   * `$records`, this collection's `$status`, and `loaded()`. Collections MentorKit knows are typed
   * (`kit.collection('goals').$records` holds `Goal`s).
   */
  collection<TName extends keyof CollectionRecords>(name: TName): ReadableCollection<CollectionRecords[TName]>;
  collection<TRecord = StoredRecord>(name: string): ReadableCollection<TRecord>;
  readonly people: {
    /** Creates or replaces a profile (yourself; admins: people in their programmes). */
    save(input: PersonInput, options?: WriteOptions): Promise<Person>;
    get(id: string): Person;
  };
  readonly programs: {
    save(input: ProgramInput, options?: WriteOptions): Promise<Program>;
    get(id: string): Program;
  };
  readonly pairings: {
    /** Admins: proposes (or directly activates, with `status: 'active'`) a pairing. `id` is generated when omitted. */
    create(input: Omit<PairingInput, 'id'> & { id?: string }): Promise<Pairing>;
    /** Admins: changes mentors, kind, reasons… (not the status; use `setStatus`). */
    update(id: string, changes: Partial<Omit<PairingInput, 'id' | 'status'>>, options?: WriteOptions): Promise<Pairing>;
    /** Moves a pairing through proposed → active ⇄ paused → closed. Members may pause, resume and close. */
    setStatus(id: string, status: PairingStatus, options?: WriteOptions): Promise<Pairing>;
    /** The statuses `setStatus` would accept from you now: the allowed transitions your role may make (for showing only the actions that work). */
    allowedStatusChanges(id: string): PairingStatus[];
    get(id: string): Pairing;
  };
  /**
   * Re-reads every tracked collection from storage. A change this client made (or heard of through
   * `watch`) while the read was under way is kept: the older read never undoes it.
   */
  refresh(): Promise<void>;
  /** Removes one failure from `$failedWrites` (the person has read it). */
  dismissFailedWrite(failure: StorageWriteFailure): void;
  /** Empties `$failedWrites`. */
  dismissAllFailedWrites(): void;
  /** Stops watching storage and drops listeners. Does not dispose the storage adapter (its owner does). */
  dispose(): Promise<void>;
  /**
   * Installs a feature module once and returns its API (also reachable as `kit[feature.name]`).
   * Installing the same feature again returns the same API, so every widget can call it safely.
   *
   * ```ts
   * import { goalsFeature } from '@mentorkit/core/goals';
   * const goals = kit.use(goalsFeature);   // kit.goals from now on
   * ```
   */
  use<TName extends string, TApi>(feature: MentorKitFeature<TName, TApi>): TApi;
}

/** Allowed pairing status changes. */
export const PAIRING_TRANSITIONS: Readonly<Record<PairingStatus, readonly PairingStatus[]>> = {
  proposed: ['active', 'closed'],
  active: ['paused', 'closed'],
  paused: ['active', 'closed'],
  closed: [],
};

const STATUS_ORDER: Record<string, number> = { active: 0, paused: 1, proposed: 2, closed: 3 };
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** The collections the read policy looks at: a change there re-filters every list. */
const POLICY_INPUTS: readonly (string | undefined)[] = [Collections.people, Collections.programs, Collections.pairings];
const byStatusThenId = (a: Pairing, b: Pairing) => (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function defaultId(): string {
  const cryptoObject = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (cryptoObject?.randomUUID) return cryptoObject.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function validateOptions(options: unknown): asserts options is MentorKitOptions {
  if (typeof options !== 'object' || options === null) invalidInput('', 'createMentorKit needs options: { storage, user }.');
  const { storage, user, now, generateId } = options as Partial<MentorKitOptions>;
  if (
    typeof storage !== 'object' ||
    storage === null ||
    typeof storage.get !== 'function' ||
    typeof storage.query !== 'function' ||
    typeof storage.put !== 'function' ||
    typeof storage.delete !== 'function'
  ) {
    invalidInput('storage', '`storage` must be a StorageAdapter with get, query, put and delete, e.g. createIndexedDbStorage() or createMemoryStorage().');
  }
  const userId = typeof user === 'string' ? user : (user as { id?: unknown } | undefined)?.id;
  if (typeof userId !== 'string' || userId.trim() === '' || userId.length > 200) invalidInput('user', "`user` must be the signed-in person's id, or { id }.");
  if (now !== undefined && typeof now !== 'function') invalidInput('now', '`now` must be a function returning a Date or an ISO instant.');
  if (generateId !== undefined && typeof generateId !== 'function') invalidInput('generateId', '`generateId` must be a function returning a string id.');
  const features = (options as Partial<MentorKitOptions>).features;
  if (features !== undefined && (!Array.isArray(features) || !features.every(isFeature))) invalidInput('features', FEATURE_HINT);
  const onListenerError = (options as Partial<MentorKitOptions>).onListenerError;
  if (onListenerError !== undefined && typeof onListenerError !== 'function') invalidInput('onListenerError', '`onListenerError` must be a function.');
}

function requireId(id: unknown, path = 'id'): string {
  if (typeof id !== 'string' || id === '' || id.length > 200) invalidInput(path, `\`${path}\` must be a record id (a non-empty string).`);
  return id;
}

/**
 * Creates a MentorKit client: commands that validate, check the policy and write with revisions;
 * domain events; and nanostores that update after every write, including writes from another tab
 * when the adapter can watch.
 *
 * ```ts
 * const kit = createMentorKit({ storage: createIndexedDbStorage(), user: { id: 'ana' } });
 * await kit.ready;
 * kit.$myPairings.subscribe((pairings) => render(pairings));
 * ```
 */
export function createMentorKit<const TFeatures extends readonly MentorKitFeature[] = []>(
  options: MentorKitOptions & { features?: TFeatures },
): MentorKitWith<TFeatures> {
  validateOptions(options);
  const storage = options.storage;
  const user: MentorKitUser = { id: typeof options.user === 'string' ? options.user : options.user.id };
  const clock = options.now;
  const now = (): string => {
    if (!clock) return new Date().toISOString();
    const value = clock();
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    if (typeof value === 'string' && isInstant(value)) return new Date(value).toISOString();
    throw new MentorKitError('invalid-input', 'The `now` option returned neither a valid Date nor an ISO instant.', { path: 'now' });
  };
  const newId = options.generateId ?? defaultId;
  const events = new DomainEventEmitter(options.onListenerError);

  // Raw records per tracked collection, as storage returned them. Visibility is applied on top.
  const raw = new Map<string, Map<string, StoredRecord>>();
  const visible = new Map<string, WritableAtom<readonly StoredRecord[]>>();
  /** The first load of each tracked collection (a refresh that succeeds replaces a failed one). */
  const loading = new Map<string, Promise<void>>();
  /** Each tracked collection's own load status. */
  const statuses = new Map<string, WritableAtom<LoadStatus>>();
  const statusOf = (collection: string) => {
    let status = statuses.get(collection);
    if (!status) statuses.set(collection, (status = atom<LoadStatus>('loading')));
    return status;
  };
  /**
   * The last change applied to each record (`collection/id`): [its sequence number, the revision the
   * record had when it was deleted (deletes only)]. `read` keeps a change newer than the read over
   * what it returned (see there). One entry per record changed while the client is open.
   */
  const lastChanges = new Map<string, [sequence: number, deletedRevision?: number | undefined]>();
  let changeSequence = 0;
  const $status = atom<LoadStatus>('loading');
  const $error = atom<MentorKitError | undefined>(undefined);
  const $failedWrites = atom<readonly StorageWriteFailure[]>([...(storage.failedWrites?.() ?? [])]);
  let disposed = false;

  // Policy context over the raw caches (pairings by member are indexed lazily per change).
  let pairingsByPerson: Map<string, PolicyPairing[]> | undefined;
  const rawOf = (collection: string) => {
    let map = raw.get(collection);
    if (!map) raw.set(collection, (map = new Map()));
    return map;
  };
  const policyContext: PolicyContext = {
    getPairing: (id) => rawOf(Collections.pairings).get(id) as PolicyPairing | undefined,
    getProgram: (id) => rawOf(Collections.programs).get(id) as Program | undefined,
    getPerson: (id) => rawOf(Collections.people).get(id) as Person | undefined,
    pairingsOf: (personId) => {
      if (!pairingsByPerson) {
        pairingsByPerson = new Map();
        for (const pairing of rawOf(Collections.pairings).values() as Iterable<PolicyPairing>) {
          for (const member of pairingMembers(pairing)) {
            const list = pairingsByPerson.get(member.personId) ?? [];
            list.push(pairing);
            pairingsByPerson.set(member.personId, list);
          }
        }
      }
      return pairingsByPerson.get(personId) ?? [];
    },
    // Rules with deadlines use the client's clock; rules over related records read the cache.
    now: () => now(),
    find: (collection, where) => [...rawOf(collection).values()].filter((record) => Object.entries(where).every(([field, value]) => record[field] === value)),
  };

  const sameRecords = (a: readonly StoredRecord[], b: readonly StoredRecord[]) => a.length === b.length && a.every((record, index) => record === b[index]);

  /**
   * Re-filters every visible list when people, programmes or pairings change (they decide what the
   * policy lets the user read). Any other change re-checks only that record and splices it into
   * its list, which stays sorted by id.
   */
  const recompute = (collection?: string, id?: string) => {
    const store = collection && visible.get(collection);
    if (!store || POLICY_INPUTS.includes(collection)) {
      pairingsByPerson = undefined;
      for (const [name, list] of visible) {
        const records = [...rawOf(name).values()].filter((record) => canRead(policyContext, user, name, record));
        records.sort(byId);
        if (!sameRecords(list.get(), records)) list.set(records);
      }
      return;
    }
    // One policy check and a linear splice (no sort): ~20 µs for 1,000 records.
    const record = rawOf(collection).get(id!);
    const next = store.get().filter((item) => item.id !== id);
    if (record && canRead(policyContext, user, collection, record)) {
      const at = next.findIndex((item) => item.id > id!);
      next.splice(at < 0 ? next.length : at, 0, record);
    }
    if (!sameRecords(store.get(), next)) store.set(next);
  };

  const applyRecord = (collection: string, id: string, record: StoredRecord | undefined): boolean => {
    const map = rawOf(collection);
    const current = map.get(id);
    if (record) {
      if (current && current.revision > record.revision) return false; // stale echo
      if (current && current.revision === record.revision && current.updatedAt === record.updatedAt) return false;
      map.set(id, Object.freeze(record) as StoredRecord);
    } else {
      map.delete(id);
    }
    // A delete of a record not loaded yet outranks any revision a read under way returns.
    lastChanges.set(`${collection}/${id}`, [++changeSequence, record ? undefined : (current?.revision ?? Infinity)]);
    return Boolean(record || current);
  };

  /**
   * Reads a whole collection (or one record) and merges it into the cache by revision. What this
   * client wrote or deleted, or heard of through `watch`, after the read started stays as it is
   * unless the read returned a newer revision: an older read never undoes a change, nor brings a
   * deleted record back. Every other record becomes what storage returned; after a whole-collection
   * read, the ones it did not return are gone.
   */
  const read = async (collection: string, id?: string) => {
    const since = changeSequence;
    const records = id === undefined ? await storage.query(collection) : [await storage.get(collection, id)].filter((record) => record !== undefined);
    const map = rawOf(collection);
    const changedSince = (recordId: string) => {
      const change = lastChanges.get(`${collection}/${recordId}`);
      return change && change[0] > since ? change : undefined;
    };
    const returned = new Set(records.map((record) => record.id));
    for (const recordId of id === undefined ? [...map.keys()] : [id]) if (!returned.has(recordId) && !changedSince(recordId)) map.delete(recordId);
    for (const record of records) {
      const current = map.get(record.id);
      const change = changedSince(record.id);
      if (change && record.revision <= (current ? current.revision : (change[1] ?? Infinity))) continue;
      if (current?.revision === record.revision && current.updatedAt === record.updatedAt) continue; // unchanged: same object
      map.set(record.id, Object.freeze(record) as StoredRecord);
    }
  };

  /** Collections whose load failed: the next `kit.ready` (or `internals.loaded`) reads them again. */
  const failedLoads = new Set<string>();
  /** The promise `kit.ready` last gave, and how many collections it covers. */
  let ready: Promise<void> | undefined;
  let readyCovers = 0;

  const load = (collection: string) => {
    failedLoads.delete(collection);
    ready = undefined;
    const status = statusOf(collection);
    if (status.get() === 'error') status.set('loading');
    const loaded = read(collection).then(
      () => {
        status.set('ready');
        recompute();
        // Loaded after all: the client works again.
        if (failedLoads.size === 0 && $status.get() === 'error') {
          $error.set(undefined);
          $status.set('ready');
        }
      },
      (error: unknown) => {
        status.set('error');
        failedLoads.add(collection);
        const wrapped = toMentorKitError(error, `Loading from ${storage.name} failed`);
        $error.set(wrapped);
        $status.set('error');
        throw wrapped;
      },
    );
    loaded.catch(() => undefined); // reported through $status/$error; awaiting callers still see it
    loading.set(collection, loaded);
  };

  const track = (collection: string): ReadableAtom<readonly StoredRecord[]> => {
    let store = visible.get(collection);
    if (store) return store;
    store = atom<readonly StoredRecord[]>([]);
    visible.set(collection, store);
    load(collection);
    return store;
  };

  /** Every first load tracked so far, including collections tracked while waiting. */
  const whenLoaded = async () => {
    for (let count = -1; count !== loading.size;) {
      count = loading.size;
      await Promise.all(loading.values());
    }
  };
  /** `kit.ready`: reads again what failed, then a promise over every collection tracked so far. */
  const readyPromise = () => {
    for (const collection of failedLoads) load(collection);
    if (!ready || readyCovers !== loading.size) {
      readyCovers = loading.size;
      ready = whenLoaded();
      ready.catch(() => undefined);
    }
    return ready;
  };

  // Cross-tab and cross-instance changes.
  const unwatch = storage.watch?.((change: StorageChange) => {
    if (disposed || !visible.has(change.collection)) return;
    if (applyRecord(change.collection, change.id, change.record)) recompute(change.collection, change.id);
  });

  for (const collection of [Collections.people, Collections.programs, Collections.pairings]) track(collection);

  const ensureOpen = () => {
    if (disposed) throw new MentorKitError('storage-error', 'This MentorKit client was disposed; create a new one.');
  };

  const authorize: MentorKitInternals['authorize'] = (action, collection, record, previous) =>
    assertAllowed(policyContext, user, action, collection, record, previous);

  const write: MentorKitInternals['write'] = async (collection, record, writeOptions) => {
    ensureOpen();
    await loading.get(collection);
    const previous = rawOf(collection).get(record.id);
    if (writeOptions.action === 'update' && !previous) {
      // The cache may be behind; ask storage before saying not-found.
      const stored = await storage.get(collection, record.id);
      if (!stored) throw new MentorKitError('not-found', `There is no ${collection} record "${record.id}" to update.`, { path: 'id' });
      applyRecord(collection, record.id, stored);
      recompute(collection, record.id);
      return write(collection, record, writeOptions);
    }
    if (writeOptions.action === 'create' && previous) {
      throw new MentorKitError('conflict', `A ${collection} record "${record.id}" already exists; update it instead.`, {
        path: 'id',
        details: { collection, id: record.id, actualRevision: previous.revision },
      });
    }
    // A change based on another revision is a conflict, whatever it changes: the access rules compare it
    // with the version it was made from, which is not the one stored.
    if (previous && typeof writeOptions.expectedRevision === 'number' && writeOptions.expectedRevision !== previous.revision) {
      throw new MentorKitError(
        'conflict',
        `The ${collection} record "${record.id}" was changed by someone else (you had revision ${writeOptions.expectedRevision}, it is now ${previous.revision}). Reload and try again.`,
        {
          path: 'expectedRevision',
          details: { collection, id: record.id, expectedRevision: writeOptions.expectedRevision, actualRevision: previous.revision },
        },
      );
    }
    authorize(writeOptions.action, collection, record, previous);
    const stamp = now();
    const toStore = {
      ...record,
      createdAt: (previous?.createdAt as string | undefined) ?? stamp,
      updatedBy: user.id,
    };
    const expectedRevision = writeOptions.action === 'create' ? null : (writeOptions.expectedRevision ?? previous?.revision);
    const stored = await storage.put(collection, toStore, { expectedRevision });
    if (applyRecord(collection, stored.id, stored)) recompute(collection, stored.id);
    return stored;
  };

  const remove: MentorKitInternals['remove'] = async (collection, id, removeOptions = {}) => {
    ensureOpen();
    requireId(id);
    await loading.get(collection);
    const previous = rawOf(collection).get(id) ?? (await storage.get(collection, id));
    if (!previous) throw new MentorKitError('not-found', `There is no ${collection} record "${id}" to delete.`, { path: 'id' });
    authorize('delete', collection, previous, previous);
    const deleted = await storage.delete(collection, id, { expectedRevision: removeOptions.expectedRevision ?? previous.revision });
    if (applyRecord(collection, id, undefined)) recompute(collection, id);
    return deleted;
  };

  const emit: MentorKitInternals['emit'] = (event) => {
    const full: DomainEvent = { ...event, at: now(), actorId: user.id };
    events.emit(full);
    return full;
  };

  const loadedOne = (collection: string) => {
    if (failedLoads.has(collection)) load(collection);
    track(collection);
    return loading.get(collection)!;
  };
  const statusOfTracked = (collection: string) => {
    track(collection);
    return statusOf(collection);
  };
  const features = createFeatureInstaller(recompute);
  const internals: MentorKitInternals = {
    policyContext,
    track,
    loaded: loadedOne,
    status: statusOfTracked,
    cached: (collection, id) => rawOf(collection).get(id),
    write,
    remove,
    authorize,
    canRead: (collection, record) => canRead(policyContext, user, collection, record as StoredRecord),
    emit,
    newId,
    installed: features.installedApi,
  };

  // ---- stores --------------------------------------------------------------------------------
  const $peopleList = track(Collections.people) as ReadableAtom<readonly Person[]>;
  const $programList = track(Collections.programs) as ReadableAtom<readonly Program[]>;
  const $pairingList = track(Collections.pairings) as ReadableAtom<readonly Pairing[]>;
  const $people = computed(
    $peopleList,
    (list) => Object.freeze(Object.fromEntries(list.map((person) => [person.id, person]))) as Readonly<Record<string, Person>>,
  );
  const $me = computed($peopleList, (list) => list.find((person) => person.id === user.id));
  const $programs = computed($programList, (list) => [...list].sort((a, b) => a.name.localeCompare(b.name)) as readonly Program[]);
  const $pairings = computed($pairingList, (list) => [...list].sort(byStatusThenId) as readonly Pairing[]);
  const $myPairings = computed($pairings, (list) => list.filter((pairing) => pairing.menteeId === user.id || pairing.mentorIds.includes(user.id)));
  const $chosenPairingId = atom<string | undefined>(undefined);
  const $currentPairingId = computed([$chosenPairingId, $pairings, $myPairings], (chosen, visible, mine) =>
    visible.some((pairing) => pairing.id === chosen) ? chosen : mine[0]?.id,
  );

  const getVisible = <T extends StoredRecord>(collection: string, id: unknown, what: string): T => {
    const recordId = requireId(id);
    const record = rawOf(collection).get(recordId);
    if (!record || !canRead(policyContext, user, collection, record))
      throw new MentorKitError('not-found', `No ${what} "${recordId}" is visible to you.`, { path: 'id' });
    return record as T;
  };

  /** The write commands with their validation, imported on first use (see commands.ts); a failed import can be tried again. */
  let commandsLoading: Promise<ReturnType<typeof import('./commands.js').clientCommands>> | undefined;
  const commands = () =>
    (commandsLoading ??= import('./commands.js').then(
      ({ clientCommands }) => clientCommands({ user, storage, loading, rawOf, write, emit, newId, now, policyContext, transitions: PAIRING_TRANSITIONS }),
      (error: unknown) => {
        commandsLoading = undefined;
        throw new MentorKitError(
          'storage-error',
          'The code that checks this change could not be loaded (the page may be offline); nothing was saved. Try again.',
          { cause: error },
        );
      },
    ));

  const people: MentorKit['people'] = {
    async save(input, saveOptions) {
      const writeOptions = validateWriteOptions(saveOptions);
      return (await commands()).savePerson(input, writeOptions);
    },
    get: (id) => getVisible<Person>(Collections.people, id, 'person'),
  };

  const programs: MentorKit['programs'] = {
    async save(input, saveOptions) {
      const writeOptions = validateWriteOptions(saveOptions);
      return (await commands()).saveProgram(input, writeOptions);
    },
    get: (id) => getVisible<Program>(Collections.programs, id, 'programme'),
  };

  const pairings: MentorKit['pairings'] = {
    async create(input) {
      if (typeof input !== 'object' || input === null) invalidInput('pairing', 'A pairing needs { programId, menteeId, mentorIds }.');
      return (await commands()).createPairing(input);
    },

    async update(id, changes, updateOptions) {
      const pairingId = requireId(id);
      const writeOptions = validateWriteOptions(updateOptions);
      if (typeof changes !== 'object' || changes === null) invalidInput('changes', 'Changes must be an object such as { mentorIds: ["m1", "m2"] }.');
      if ('status' in changes) invalidInput('changes.status', 'Use pairings.setStatus to change the status, so the transition is checked.');
      if ('id' in changes && (changes as { id?: unknown }).id !== pairingId) invalidInput('changes.id', 'A pairing id cannot change.');
      return (await commands()).updatePairing(pairingId, changes, writeOptions);
    },

    async setStatus(id, status, statusOptions) {
      const pairingId = requireId(id);
      const writeOptions = validateWriteOptions(statusOptions);
      if (!(status in PAIRING_TRANSITIONS))
        invalidInput('status', `\`status\` must be "proposed", "active", "paused" or "closed" (got ${JSON.stringify(status)}).`);
      return (await commands()).setPairingStatus(pairingId, status, writeOptions);
    },

    allowedStatusChanges(id) {
      const current = getVisible<Pairing>(Collections.pairings, id, 'pairing');
      const previous = rawOf(Collections.pairings).get(current.id)!;
      return PAIRING_TRANSITIONS[current.status].filter(
        (status) => decide(policyContext, user, 'update', Collections.pairings, { ...previous, status }, previous).allowed,
      );
    },

    get: (id) => getVisible<Pairing>(Collections.pairings, id, 'pairing'),
  };

  const refresh = async () => {
    ensureOpen();
    const collections = [...visible.keys()];
    await Promise.all(collections.map((collection) => read(collection)));
    // Everything is loaded now, also a collection whose first load failed.
    for (const collection of collections) {
      loading.set(collection, Promise.resolve());
      statusOf(collection).set('ready');
    }
    failedLoads.clear();
    ready = undefined;
    if ($status.get() !== 'ready') {
      $error.set(undefined);
      $status.set('ready');
    }
    recompute();
  };

  const dismissFailedWrite = (failure: StorageWriteFailure) => {
    if (typeof failure !== 'object' || failure === null) invalidInput('failure', 'Pass one of the failures in `$failedWrites`.');
    const failures = $failedWrites.get();
    if (failures.includes(failure)) $failedWrites.set(failures.filter((candidate) => candidate !== failure));
  };

  const kit: MentorKit = {
    user,
    storage,
    get ready() {
      return readyPromise();
    },
    $status,
    $error,
    $failedWrites,
    $me,
    $people,
    $programs,
    $pairings,
    $myPairings,
    $currentPairingId,
    selectPairing: (pairingId) => {
      if (pairingId !== undefined) requireId(pairingId, 'pairingId');
      $chosenPairingId.set(pairingId);
    },
    now,
    on: (type: string, listener: DomainEventListener) => {
      if (typeof type !== 'string' || type === '') invalidInput('type', 'Event type must be a string such as "pairing-started" or "*".');
      if (typeof listener !== 'function') invalidInput('listener', 'The listener must be a function.');
      return events.on(type, listener);
    },
    collection: (name: string) => {
      requireId(name, 'name');
      const $records = track(name);
      return { $records, $status: statusOf(name), loaded: () => loadedOne(name) };
    },
    people,
    programs,
    pairings,
    refresh,
    dismissFailedWrite,
    dismissAllFailedWrites: () => {
      if ($failedWrites.get().length > 0) $failedWrites.set([]);
    },
    async dispose() {
      disposed = true;
      unwatch?.();
      unwatchFailures?.();
      events.clear();
    },
    use: (feature) => features.use(kit, feature),
  };
  registerInternals(kit, internals);
  // Writes storage accepted early (an offline queue) and its backend refused later.
  const unwatchFailures = storage.watchFailures?.((failure: StorageWriteFailure) => {
    if (disposed) return;
    const { collection, id } = failure;
    const error = toMentorKitError(failure.error);
    $failedWrites.set([...$failedWrites.get(), { ...failure, error }]);
    emit({
      type: 'write-failed',
      collection,
      recordId: id,
      revision: rawOf(collection).get(id)?.revision ?? 0,
      data: { kind: failure.kind, code: error.code, message: error.message, queuedAt: failure.queuedAt },
    });
    // The change was not kept: show the stored record again instead of the one answered early. If
    // storage cannot be read now, `watch` or the next refresh brings it.
    if (visible.has(collection))
      read(collection, id).then(
        () => recompute(collection, id),
        () => undefined,
      );
  });

  for (const feature of options.features ?? []) features.use(kit, feature);
  // Ready once the first load finished: the client's collections and those of the features above.
  kit.ready.then(
    () => {
      if ($status.get() === 'loading') $status.set('ready');
      // Fetch the commands' validation now that the page has what it shows, so a first save does not wait for it (or fail offline).
      commands().catch(() => undefined);
    },
    () => undefined,
  );
  return kit as MentorKitWith<TFeatures>;
}
