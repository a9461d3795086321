/** Names of MentorKit's DOM events, as declared in `GlobalEventHandlersEventMap`. */
export type MkEventName = Extract<keyof GlobalEventHandlersEventMap, `mk-${string}`>;

/** The `detail` type declared for an event name. */
export type MkEventDetail<TName extends MkEventName> = GlobalEventHandlersEventMap[TName] extends CustomEvent<infer TDetail> ? TDetail : never;

export interface EmitOptions {
  /** Whether a listener may call `preventDefault()`. Default `false`. */
  cancelable?: boolean | undefined;
}

/**
 * Dispatches a MentorKit event from `host`: a `CustomEvent` that bubbles and is composed (it
 * crosses shadow roots, so a host page can listen on any ancestor). The name and the detail are
 * type-checked against the `GlobalEventHandlersEventMap` declaration of the event.
 *
 * Returns the event, so a caller can check `defaultPrevented` for cancelable events.
 */
export function emit<TName extends MkEventName>(
  host: EventTarget,
  name: TName,
  detail: MkEventDetail<TName>,
  options: EmitOptions = {},
): CustomEvent<MkEventDetail<TName>> {
  const event = new CustomEvent<MkEventDetail<TName>>(name, {
    bubbles: true,
    composed: true,
    cancelable: options.cancelable ?? false,
    detail,
  });
  host.dispatchEvent(event);
  return event;
}
