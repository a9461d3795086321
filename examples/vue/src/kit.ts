/**
 * The host's MentorKit client: the browser's IndexedDB (as a real host would use by default, or its
 * own adapter), seeded once with the sample programme, the signed-in person, and the goals feature.
 * The client belongs to the host; the Vue app hands it to <mk-provider> and disposes it on unmount.
 */
import { createMentorKit, type MentorKit } from '@mentorkit/core';
import { goalsFeature, type GoalsApi } from '@mentorkit/core/goals';
import { createIndexedDbStorage } from '@mentorkit/storage-indexeddb';
import { seedDemoProgram } from '../../shared/demo-program.js';

/** This example's own database, apart from the LMS demo's. */
export const DATABASE_NAME = 'mentorkit-vue-example';
/** Who is signed in: the sample programme's mentee. */
export const VIEWER = { id: 'lucia-fernandez', label: 'Lucía Fernández (mentee)' } as const;

export interface HostKit {
  kit: MentorKit;
  /** `kit.use(goalsFeature)`: the goals commands and stores, typed. */
  goals: GoalsApi;
  /** Disposes the client, then the storage it was built on. */
  dispose(): Promise<void>;
}

export async function startKit(): Promise<HostKit> {
  const storage = createIndexedDbStorage({ databaseName: DATABASE_NAME });
  // Writes the programme unless it is already there (a reload keeps what the person did).
  await seedDemoProgram(storage);
  const kit = createMentorKit({ storage, user: VIEWER.id });
  const goals = kit.use(goalsFeature);
  await kit.ready;
  return {
    kit,
    goals,
    async dispose() {
      await kit.dispose();
      await storage.dispose();
    },
  };
}
