import { createContext } from '@lit/context';
import type { MentorKit } from '@mentorkit/core';

/**
 * The context `<mk-provider>` provides and MentorKit elements consume. It carries only the client;
 * domain state is read from the client's stores. The key is a global symbol, so elements from two
 * copies of the library on one page still find each other's provider.
 */
export const mentorKitContext = createContext<MentorKit | undefined>(Symbol.for('mentorkit.kit'));
export type MentorKitContext = typeof mentorKitContext;
