/**
 * Test fixtures for the planning elements (<mk-agreement>, <mk-scheduler>, <mk-checkin>): the
 * element fixtures' programme plus a working agreement for Daniel (Los Angeles) and Kenji (Tokyo).
 * Not part of the public API.
 */
import { createMentorKit, type MentorKit, type MentorKitError, type StorageAdapter } from '@mentorkit/core';
import { agreementsFeature, type AgreementProposal } from '@mentorkit/core/agreements';
import { sessionsFeature } from '@mentorkit/core/scheduling';
import { FIXED_NOW, HOSTILE_NAME, seededStorage } from './fixtures.js';

export { FIXED_NOW, HOSTILE_NAME };

const weekdays = (ranges: string[]) => ({ 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges });

/** Daniel (mentee, Los Angeles) and Kenji (mentor, Tokyo): fortnightly, off-limits Fridays for Kenji. */
export const danielAgreement: AgreementProposal = {
  pairingId: 'p-daniel',
  cadence: 'fortnightly',
  sessionMinutes: 60,
  channels: [{ kind: 'video' }, { kind: 'chat', detail: 'Slack #mentoring' }],
  responseTimeHours: 48,
  offLimitsDates: ['2026-04-07'],
  participants: [
    { personId: 'daniel', timeZone: 'America/Los_Angeles', workingHours: weekdays(['09:00-18:00']) },
    { personId: 'kenji', timeZone: 'Asia/Tokyo', workingHours: weekdays(['07:00-12:00', '13:00-18:00']), offLimitsDays: [5] },
  ],
  meetingUrl: 'https://meet.example.com/daniel-kenji',
  sharedDocumentsUrl: 'https://drive.example.com/daniel-kenji',
  coachingModel: 'grow',
  checkInLevel: 'regular',
};

export async function kitOn(storage: StorageAdapter, userId: string, now = FIXED_NOW): Promise<MentorKit> {
  const kit = createMentorKit({ storage, user: { id: userId }, now: () => now });
  await kit.ready;
  return kit;
}

/**
 * The fixture programme with Daniel's agreement: proposed by Daniel, and (unless `confirmed: false`)
 * confirmed by Kenji; `changed: true` then has Kenji change the cadence (version 2, Daniel asked again).
 */
export async function planningStorage(
  options: {
    agreement?: boolean | undefined;
    confirmed?: boolean | undefined;
    changed?: boolean | undefined;
    notes?: string | undefined;
    sessions?: Array<{ start: string; end: string; status?: 'held' | 'missed' | undefined }>;
  } = {},
): Promise<StorageAdapter> {
  const storage = await seededStorage();
  if (options.agreement === false) return storage;
  const daniel = await kitOn(storage, 'daniel', '2026-03-10T09:00:00Z');
  await daniel.use(agreementsFeature).propose({ ...danielAgreement, ...(options.notes ? { notes: options.notes } : {}) });
  const kenji = await kitOn(storage, 'kenji', '2026-03-10T10:00:00Z');
  await kenji.use(agreementsFeature);
  await new Promise((resolve) => setTimeout(resolve, 0));
  await kenji.refresh();
  if (options.confirmed !== false) await kenji.use(agreementsFeature).confirm('p-daniel.agreement');
  if (options.changed) await kenji.use(agreementsFeature).update('p-daniel.agreement', { cadence: 'weekly', offLimitsDays: [6] });
  for (const session of options.sessions ?? []) {
    const booked = await kenji.use(sessionsFeature).book({ pairingId: 'p-daniel', start: session.start, end: session.end, timeZone: 'Asia/Tokyo' });
    if (session.status) {
      const later = await kitOn(storage, 'kenji', new Date(Date.parse(session.end) + 60_000).toISOString());
      await later.use(sessionsFeature);
      await new Promise((resolve) => setTimeout(resolve, 0));
      await later.refresh();
      await (session.status === 'held' ? later.use(sessionsFeature).markHeld(booked.id) : later.use(sessionsFeature).markMissed(booked.id));
      await later.dispose();
    }
  }
  await daniel.dispose();
  await kenji.dispose();
  return storage;
}

/** The storage with its session writes refused while `refusal` is set (as a server answering 412 or 503 would). */
export function refusingStorage(storage: StorageAdapter): { storage: StorageAdapter; refuse(error: MentorKitError | undefined): void } {
  let refusal: MentorKitError | undefined;
  return {
    storage: {
      ...storage,
      name: 'refusing',
      put: async (collection, record, options) => {
        if (refusal && collection === 'sessions') throw refusal;
        return storage.put(collection, record, options);
      },
    },
    refuse: (error) => (refusal = error),
  };
}
