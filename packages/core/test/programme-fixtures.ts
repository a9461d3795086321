// The small programme several client tests run on: Priya administers it; Ana (mentee) has Kenji (Tokyo)
// and Arjun (Kathmandu) as mentors, Dan (Los Angeles) has María (Mexico City).
import { createMemoryStorage, type StorageAdapter } from '@mentorkit/core';

export const PROGRAM = { id: 'prog', name: 'Mentoring 2026', adminIds: ['priya'] };

/** A person of the programme, working Mondays 09:00-17:00 on their own clock. */
export const person = (id: string, roles: Array<'mentee' | 'mentor' | 'admin'>, timeZone: string) => ({
  id,
  displayName: id.toUpperCase(),
  roles,
  timeZone,
  programIds: ['prog'],
  workingHours: { 1: ['09:00-17:00'] },
});

/** The programme in memory, with Ana in `anaTimeZone`. */
export function twoPairingsStorage(anaTimeZone = 'Europe/Madrid'): StorageAdapter {
  return createMemoryStorage({
    seed: {
      programs: [PROGRAM],
      people: [
        person('priya', ['admin'], 'Europe/London'),
        person('ana', ['mentee'], anaTimeZone),
        person('dan', ['mentee'], 'America/Los_Angeles'),
        person('kenji', ['mentor'], 'Asia/Tokyo'),
        person('arjun', ['mentor'], 'Asia/Kathmandu'),
        person('maria', ['mentor'], 'America/Mexico_City'),
      ],
      pairings: [
        { id: 'p-ana', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji', 'arjun'], status: 'active', kind: 'official', reasons: [] },
        { id: 'p-dan', programId: 'prog', menteeId: 'dan', mentorIds: ['maria'], status: 'active', kind: 'official', reasons: [] },
      ],
    },
  });
}

/** Ana (Madrid) and her mentor Kenji (Tokyo), one active pairing `p-ana`, no admin. */
export function anaAndKenjiStorage(): StorageAdapter {
  return createMemoryStorage({
    seed: {
      programs: [{ id: 'prog', name: 'P', adminIds: [] }],
      people: [
        { id: 'ana', displayName: 'Ana', roles: ['mentee'], timeZone: 'Europe/Madrid', programIds: ['prog'] },
        { id: 'kenji', displayName: 'Kenji', roles: ['mentor'], timeZone: 'Asia/Tokyo', programIds: ['prog'] },
      ],
      pairings: [{ id: 'p-ana', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji'], status: 'active', kind: 'official', reasons: [] }],
    },
  });
}

/**
 * Everyone on London time (displayName = id): Priya administers; Ana has Kenji (`p-ana`); Dan is in the
 * programme, with María as his mentor (`p-dan`) when `danPaired`.
 */
export function londonStorage({ danPaired }: { danPaired: boolean }): StorageAdapter {
  const londoner = (id: string, roles: Array<'mentee' | 'mentor' | 'admin'>) => ({ ...person(id, roles, 'Europe/London'), displayName: id });
  return createMemoryStorage({
    seed: {
      programs: [PROGRAM],
      people: [
        londoner('priya', ['admin']),
        londoner('ana', ['mentee']),
        londoner('kenji', ['mentor']),
        londoner('dan', ['mentee']),
        ...(danPaired ? [londoner('maria', ['mentor'])] : []),
      ],
      pairings: [
        { id: 'p-ana', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji'], status: 'active', kind: 'official', reasons: [] },
        ...(danPaired
          ? [{ id: 'p-dan', programId: 'prog', menteeId: 'dan', mentorIds: ['maria'], status: 'active' as const, kind: 'official' as const, reasons: [] }]
          : []),
      ],
    },
  });
}

/** Priya (admin), Ana (mentee) and Kenji (mentor), all in Madrid, with Ana's pairing p-ana, plus the records in `more`. */
export function anaPairingStorage(more: Record<string, ReadonlyArray<{ id: string } & Record<string, unknown>>> = {}): StorageAdapter {
  const madrid = (id: string, roles: Array<'mentee' | 'mentor' | 'admin'>) => person(id, roles, 'Europe/Madrid');
  return createMemoryStorage({
    seed: {
      programs: [PROGRAM],
      people: [madrid('priya', ['admin']), madrid('ana', ['mentee']), madrid('kenji', ['mentor'])],
      pairings: [{ id: 'p-ana', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji'], status: 'active', kind: 'official', reasons: [] }],
      ...more,
    },
  });
}
