/**
 * Typed JSX for React 19: importing this module (types only; it has no runtime code) declares every
 * MentorKit tag in React's `JSX.IntrinsicElements`, with its attributes, properties and typed events.
 *
 * ```tsx
 * import '@mentorkit/elements/define-all.js';
 * import type {} from '@mentorkit/elements/react';
 *
 * <mk-provider kit={kit}>
 *   <mk-pairing-card onmk-pairing-select={(event) => open(event.detail.pairingId)} />
 * </mk-provider>
 * ```
 *
 * React 19 sets known properties (such as `kit`) as properties and attaches `on<event-name>` props as
 * listeners for that exact event name, so `onmk-pairing-select` receives `mk-pairing-select`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { MentorKitElements } from './jsx-types.js';

/** A MentorKit element's own props plus React's usual HTML props (class, style, ref, key, children …). */
export type MentorKitReactProps<TTag extends keyof MentorKitElements> = MentorKitElements[TTag] &
  Omit<DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement>, keyof MentorKitElements[TTag]> & { class?: string };

type MentorKitIntrinsicElements = { [TTag in keyof MentorKitElements]: MentorKitReactProps<TTag> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends MentorKitIntrinsicElements {}
  }
}

export type { MentorKitElements } from './jsx-types.js';
