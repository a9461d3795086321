import { onScopeDispose, shallowRef, type ShallowRef } from 'vue';
import type { ReadableAtom } from 'nanostores';

/**
 * A nanostore as a read-only Vue ref: MentorKit's stores (`kit.$myPairings`, `kit.goals.$goals`, …)
 * drive Vue rendering like any other reactive state. Call it in `setup` (or any effect scope): it
 * subscribes at once and unsubscribes when the component unmounts. (`@nanostores/vue` does the same;
 * these few lines avoid the extra dependency.)
 */
export function useStore<T>(store: ReadableAtom<T>): Readonly<ShallowRef<T>> {
  const state = shallowRef(store.get());
  const unsubscribe = store.subscribe((value) => {
    state.value = value;
  });
  onScopeDispose(unsubscribe);
  return state;
}
