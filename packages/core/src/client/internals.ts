/**
 * The client's plumbing for core's own feature modules: not on the public `MentorKit` type, not
 * exported from `@mentorkit/core`. A feature reaches it through `defineFeature`'s host
 * (`feature-host.ts`); core modules that need it directly call `internalsOf(kit)`.
 */
import type { ReadableAtom } from 'nanostores';
import { MentorKitError } from '../model/errors.js';
import type { PolicyAction, PolicyContext } from '../policy/policy.js';
import type { StoredRecord } from '../storage/adapter.js';
import type { LoadStatus, MentorKit } from './client.js';
import type { DomainEvent } from './events.js';

/** Low-level plumbing that feature modules (goals, scheduling, …) build their commands on. */
export interface MentorKitInternals {
  readonly policyContext: PolicyContext;
  /** Starts tracking a collection (idempotent): loads it and keeps it live. Returns the readable records. */
  track(collection: string): ReadableAtom<readonly StoredRecord[]>;
  /** Tracks a collection (idempotent) and resolves once its first load finished (rejects with the load error). */
  loaded(collection: string): Promise<void>;
  /** Tracks a collection (idempotent); its own load status: `loading`, `ready`, or `error` until it has loaded. */
  status(collection: string): ReadableAtom<LoadStatus>;
  /** The last-seen stored record, readable or not (for policy checks and default revisions). */
  cached(collection: string, id: string): StoredRecord | undefined;
  /**
   * Policy check + write with optimistic concurrency + cache update. `record` must already be
   * validated. `expectedRevision` defaults to the cached revision (create: `null`).
   */
  write(
    collection: string,
    record: { id: string; [key: string]: unknown },
    options: { action: 'create' | 'update'; expectedRevision?: number | null | undefined },
  ): Promise<StoredRecord>;
  remove(collection: string, id: string, options?: { expectedRevision?: number }): Promise<boolean>;
  /** Whether the policy lets the user read this record (the client's own policy: features need not import it). */
  canRead(collection: string, record: { id: string }): boolean;
  /** Checks the policy without writing. Throws `forbidden`. */
  authorize(action: PolicyAction, collection: string, record: { id: string; [key: string]: unknown }, previous?: { id: string; [key: string]: unknown }): void;
  emit(event: Omit<DomainEvent, 'at' | 'actorId'>): DomainEvent;
  newId(): string;
  /** The API of the feature installed under `name`, if any. */
  installed(name: string): unknown;
}

const plumbing = new WeakMap<object, MentorKitInternals>();

/** Called once by `createMentorKit` for the client it made. */
export function registerInternals(kit: MentorKit, internals: MentorKitInternals): void {
  plumbing.set(kit, internals);
}

/** The plumbing of a client made by `createMentorKit`; throws `invalid-input` for anything else. */
export function internalsOf(kit: MentorKit): MentorKitInternals {
  const internals = typeof kit === 'object' && kit !== null ? plumbing.get(kit) : undefined;
  if (!internals) throw new MentorKitError('invalid-input', "Pass the MentorKit client from createMentorKit() (or a provider's `kit`).", { path: 'kit' });
  return internals;
}

/** Whether `kit` is a client made by `createMentorKit`. */
export const isMentorKitClient = (kit: unknown): kit is MentorKit => typeof kit === 'object' && kit !== null && plumbing.has(kit);
