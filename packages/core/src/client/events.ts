/**
 * Domain events: what happened, in the past tense, emitted by the client after a write succeeded
 * (and `write-failed` when storage reports that a change it had accepted was refused later).
 * Hosts listen with `kit.on(type, listener)` (e.g. to forward xAPI statements or send
 * notifications). Later modules add their own types (`goal-set`, `milestone-completed`, …).
 */
export const DomainEventType = {
  profileSaved: 'profile-saved',
  programSaved: 'program-saved',
  pairingProposed: 'pairing-proposed',
  pairingStarted: 'pairing-started',
  pairingPaused: 'pairing-paused',
  pairingResumed: 'pairing-resumed',
  pairingClosed: 'pairing-closed',
  pairingUpdated: 'pairing-updated',
  /**
   * A change storage had accepted early (an offline queue) was refused by its backend for good and
   * is not kept. `data`: `{ kind: 'put' | 'delete', code, message, queuedAt }` (the error's code and
   * message); the failure itself is in `kit.$failedWrites`. Not a learning record.
   */
  writeFailed: 'write-failed',
} as const;
export type KnownDomainEventType = (typeof DomainEventType)[keyof typeof DomainEventType];

/**
 * The `data` of each domain event, by type. Each feature module adds its own types by declaration
 * merging, so `kit.on('goal-set', (event) => event.data.title)` is typed:
 *
 * ```ts
 * declare module '../client/events.js' {
 *   interface DomainEventMap { 'goal-set': { title: string; ownerId: string } }
 * }
 * ```
 * A type that is not in the map (a host's own) carries `Record<string, unknown>`.
 */
export interface DomainEventMap {
  'profile-saved': { created: boolean };
  'program-saved': { created: boolean };
  'pairing-proposed': { menteeId: string; mentorIds: string[] };
  'pairing-started': { menteeId?: string; mentorIds?: string[]; from?: string; to?: string };
  'pairing-paused': { from: string; to: string };
  'pairing-resumed': { from: string; to: string };
  'pairing-closed': { from: string; to: string };
  'pairing-updated': { changed?: string[]; from?: string; to?: string };
  'write-failed': { kind: 'put' | 'delete'; code: string; message: string; queuedAt?: string };
}

/** A domain event type some installed feature declared (see `DomainEventMap`). */
export type DomainEventName = keyof DomainEventMap & string;

/** The `data` of an event type: declared in `DomainEventMap`, else a plain record. */
export type DomainEventData<TType extends string> = TType extends DomainEventName ? DomainEventMap[TType] : Record<string, unknown>;

export interface DomainEvent<TType extends string = string> {
  type: TType;
  /** ISO instant of the event (the client's clock). */
  at: string;
  /** Who did it. */
  actorId: string;
  collection: string;
  recordId: string;
  /** Revision of the record after the write. */
  revision: number;
  pairingId?: string;
  programId?: string;
  /** Event-specific facts, e.g. `{ from: 'proposed', to: 'active' }` (typed by `DomainEventMap`). */
  data: DomainEventData<TType>;
}

export type DomainEventListener<TType extends string = string> = (event: DomainEvent<TType>) => void;

/** Receives errors thrown by listeners. The default logs them with `console.error`. */
export type ListenerErrorHandler = (error: unknown, event: DomainEvent) => void;

const logListenerError: ListenerErrorHandler = (error, event) => {
  console.error(`[mentorkit] a listener for "${event.type}" threw; the command itself succeeded.`, error);
};

/** A tiny typed emitter; a failing listener never breaks the command or other listeners. */
export class DomainEventEmitter {
  private readonly listeners = new Map<string, Set<DomainEventListener>>();

  constructor(private readonly onListenerError: ListenerErrorHandler = logListenerError) {}

  on(type: string, listener: DomainEventListener): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit(event: DomainEvent): void {
    for (const listener of [...(this.listeners.get(event.type) ?? []), ...(this.listeners.get('*') ?? [])]) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error, event);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
