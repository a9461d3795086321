import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/**
 * A store, or a function that picks one (evaluated before every update of the host, so the
 * controller follows a store that belongs to a client that can change, e.g.
 * `() => this.currentKit?.$myPairings`).
 */
export type StoreSource<TValue> = ReadableAtom<TValue> | (() => ReadableAtom<TValue> | undefined);

/**
 * Reads a nanostores store for a lit element: subscribes while the host is connected and asks the
 * host to update whenever the value changes. `value` is the store's current value (`undefined`
 * when the source picks no store).
 *
 * ```ts
 * class MkGoals extends MkElement {
 *   private readonly goals = new StoreController(this, () => this.currentKit?.$goals);
 *   override render() { return html`${this.goals.value?.length ?? 0} goals`; }
 * }
 * ```
 */
export class StoreController<TValue> implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly source: StoreSource<TValue>;
  private subscribedStore: ReadableAtom<TValue> | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;

  constructor(host: ReactiveControllerHost, source: StoreSource<TValue>) {
    this.host = host;
    this.source = source;
    host.addController(this);
  }

  /** The store the source currently picks. */
  get store(): ReadableAtom<TValue> | undefined {
    return typeof this.source === 'function' ? this.source() : this.source;
  }

  /** The current value of the store, or `undefined` when there is no store. */
  get value(): TValue | undefined {
    return this.store?.get();
  }

  hostConnected(): void {
    this.connected = true;
    this.follow(this.store);
  }

  hostUpdate(): void {
    // The source may now pick another store (e.g. the element got another client).
    if (this.connected) this.follow(this.store);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.follow(undefined);
  }

  private follow(store: ReadableAtom<TValue> | undefined): void {
    if (store === this.subscribedStore) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedStore = store;
    // `listen` (not `subscribe`): a new store's first value is read by the update already under way
    // or requested here; later changes request another update.
    if (store) {
      this.unsubscribe = store.listen(() => this.host.requestUpdate());
      this.host.requestUpdate();
    }
  }
}
