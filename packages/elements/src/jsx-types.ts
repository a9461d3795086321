// Generated from custom-elements.json by `npm run analyze` (scripts/lib/jsx-types.mjs). Do not edit.
import type { MkPairingSelectDetail } from './pairing-card/pairing-card.js';
import type { MkErrorDetail, MkReadyDetail } from './provider/provider.js';
import type { MentorKit } from '@mentorkit/core';

/**
 * Every MentorKit element with its attributes (as written in markup), properties and events
 * (`on` + event name, as React 19 attaches listeners to custom elements). Framework bindings build on
 * it: `@mentorkit/elements/react` declares these tags for React's JSX.
 */
export interface MentorKitElements {
  /** The signed-in person's mentoring pairings: who they are paired with, in which role, and what time it is for each of them right now. */
  'mk-pairing-card': {
    /** Show only this pairing (by id) instead of all of the user's pairings. */
    'pairing-id'?: string | undefined;
    /** Level of the card's heading (1–6); each pairing's heading is one level below. */
    'heading-level'?: number | string;
    /** Text of the card's heading. Default: "Your pairings" (or "Your pairing" with `pairing-id`). */
    label?: string | undefined;
    /** BCP 47 locale for times and dates, e.g. `en-GB`. Default: the nearest `lang` attribute, else the browser's. */
    locale?: string | undefined;
    /** Show only this pairing (by id) instead of all of the user's pairings. */
    pairingId?: string | undefined;
    /** Level of the card's heading (1–6); each pairing's heading is one level below. */
    headingLevel?: number;
    /** The MentorKit client this element uses. Takes precedence over the client of an enclosing `<mk-provider>`; leave it unset to use the provider's. */
    kit?: MentorKit | undefined;
    /** The user activated a pairing: `detail.pairingId`. */
    'onmk-pairing-select'?: (event: CustomEvent<MkPairingSelectDetail>) => void;
  };
  /** Owns a MentorKit client and hands it to every MentorKit element inside it. */
  'mk-provider': {
    /** Id of the signed-in person. Required unless `.kit` is set. */
    'user-id'?: string | undefined;
    /** Where a client built from attributes stores data: `indexeddb` (default, persists) or `memory`. */
    storage?: string;
    /** IndexedDB database name, to keep several independent data sets on one origin. Default: the adapter's own. */
    'database-name'?: string | undefined;
    /** Id of the signed-in person. Required unless `.kit` is set. */
    userId?: string | undefined;
    /** IndexedDB database name, to keep several independent data sets on one origin. Default: the adapter's own. */
    databaseName?: string | undefined;
    /** A client the host created (with its own storage adapter). When set, the attributes are ignored and the provider neither builds nor disposes a client. */
    kit?: MentorKit | undefined;
    /** The client finished loading: `detail.kit`. */
    'onmk-ready'?: (event: CustomEvent<MkReadyDetail>) => void;
    /** The client could not be built or loaded (e.g. no `user-id`): `detail.error`, a `MentorKitError`. The message is also logged to the console. */
    'onmk-error'?: (event: CustomEvent<MkErrorDetail>) => void;
  };
}
