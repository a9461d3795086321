// What the xAPI tests share: the options, a lookup over a tiny programme, and one domain event of every
// supported type as the feature modules emit them.
import type { DomainEvent } from '@mentorkit/core';
import type { XapiLookup } from '@mentorkit/core/xapi';

export const options = { homePage: 'https://lms.example.com', activityBase: 'https://lms.example.com/xapi/mentoring' };
export const lookup: XapiLookup = {
  pairing: (id) =>
    id === 'p1'
      ? { menteeId: 'lucia', mentorIds: ['kenji'], programId: 'prog' }
      : id === 'p2'
        ? { menteeId: 'ravi', mentorIds: ['kenji', 'arjun'], programId: 'prog' }
        : undefined,
  person: (id) => ({ lucia: { displayName: 'Lucía Fernández' }, kenji: { displayName: 'Kenji Watanabe' } })[id],
  goal: (id) => (id === 'g1' ? { title: 'Lead the design review', milestones: [{ id: 'm1', title: 'Draft the agenda' }] } : undefined),
  session: (id) => (id === 's1' ? { title: 'Weekly check-in', start: '2026-10-01T09:00:00Z', end: '2026-10-01T10:30:00Z' } : undefined),
};

export const event = (type: string, overrides: Partial<DomainEvent> = {}): DomainEvent => ({
  type,
  at: '2026-10-01T10:30:00.000Z',
  actorId: 'lucia',
  collection: 'goals',
  recordId: 'g1',
  revision: 3,
  pairingId: 'p1',
  data: {},
  ...overrides,
});

/** One event of every supported type, as the feature modules emit them. */
export const everyEvent: Record<string, DomainEvent> = {
  'agreement-confirmed': event('agreement-confirmed', { collection: 'agreements', recordId: 'a1', data: { version: 2, by: 'lucia', fullyConfirmed: true } }),
  'session-held': event('session-held', {
    actorId: 'kenji',
    collection: 'sessions',
    recordId: 's1',
    data: { start: '2026-10-01T09:00:00Z', end: '2026-10-01T10:30:00Z' },
  }),
  'goal-set': event('goal-set', { data: { title: 'Lead the design review', ownerId: 'lucia' } }),
  'milestone-completed': event('milestone-completed', { data: { milestoneId: 'm1', title: 'Draft the agenda' } }),
  'goal-progress-recorded': event('goal-progress-recorded', { data: { from: 0, to: 4, percent: 40 } }),
  'goal-achieved': event('goal-achieved', { data: { title: 'Lead the design review' } }),
  'goal-missed': event('goal-missed', { data: { title: 'Lead the design review', percent: 60 } }),
  'feedback-given': event('feedback-given', { collection: 'feedback', recordId: 'f1', data: { sessionId: 's1', rating: 4 } }),
  'coaching-run-completed': event('coaching-run-completed', { collection: 'coaching-runs', recordId: 'run1', data: { modelId: 'grow', actions: 2 } }),
  'pairing-started': event('pairing-started', {
    actorId: 'priya',
    collection: 'pairings',
    recordId: 'p1',
    pairingId: 'p1',
    data: { from: 'proposed', to: 'active' },
  }),
};
