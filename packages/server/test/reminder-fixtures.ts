// What the reminder suites share: the demo's pairing-noah agreement (María in Mexico City, Noah in Chicago),
// fortnightly check-ins confirmed by both on 10 September 2026.
const MARIA = 'maria-gonzalez';
const NOAH = 'noah-johnson';

/** A fresh copy of the confirmed pairing-noah agreement record. */
export const noahAgreement = () => ({
  id: 'agreement-noah',
  pairingId: 'pairing-noah',
  cadence: 'fortnightly',
  channels: [{ kind: 'video' }],
  responseTimeHours: 48,
  offLimitsDays: [],
  offLimitsDates: [],
  participants: [
    {
      personId: MARIA,
      timeZone: 'America/Mexico_City',
      workingHours: { 1: ['09:00-12:30'], 2: ['09:00-12:30'], 3: ['09:00-12:30'], 4: ['09:00-12:30'], 5: ['09:00-12:30'] },
      offLimitsDays: [],
      offLimitsDates: [],
    },
    {
      personId: NOAH,
      timeZone: 'America/Chicago',
      workingHours: { 1: ['09:00-17:00'], 2: ['09:00-17:00'], 3: ['09:00-17:00'], 4: ['09:00-17:00'], 5: ['09:00-17:00'] },
      offLimitsDays: [],
      offLimitsDates: [],
    },
  ],
  sessionMinutes: 60,
  coachingModel: 'grow',
  checkInLevel: 'regular',
  version: 1,
  proposedBy: MARIA,
  history: [],
  confirmations: [
    { personId: MARIA, version: 1, at: '2026-09-10T15:00:00Z' },
    { personId: NOAH, version: 1, at: '2026-09-10T15:00:00Z' },
  ],
  createdAt: '2026-09-10T14:00:00Z',
});
