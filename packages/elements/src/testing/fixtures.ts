/**
 * Test fixtures for the element tests: a small, realistic programme written through the real
 * schemas into a memory adapter, and clients on it. Not part of the public API.
 */
import {
  Collections,
  PairingInputSchema,
  PersonInputSchema,
  ProgramInputSchema,
  createMemoryStorage,
  createMentorKit,
  parseOrThrow,
  type AnySchema,
  type MentorKit,
  type PairingInput,
  type PersonInput,
  type ProgramInput,
  type StorageAdapter,
  type StoredRecord,
} from '@mentorkit/core';

export const PROGRAM_ID = 'spring-2026';
const weekdays = (ranges: string[]) => ({ 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges });

/** A Sunday evening in Europe: 22:10 in London (BST), 06:10 Monday in Tokyo, 02:55 Monday in Kathmandu. */
export const FIXED_NOW = '2026-03-29T21:10:00Z';

export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

export const people: PersonInput[] = [
  { id: 'priya', displayName: 'Priya Raman', roles: ['admin'], timeZone: 'Europe/London', workingHours: weekdays(['09:00-17:30']), programIds: [PROGRAM_ID] },
  {
    id: 'lucia',
    displayName: 'Lucía Fernández',
    headline: 'Frontend engineer',
    roles: ['mentee'],
    timeZone: 'Europe/London',
    workingHours: weekdays(['09:00-18:00']),
    programIds: [PROGRAM_ID],
  },
  {
    id: 'kenji',
    displayName: 'Kenji Watanabe',
    headline: 'Principal engineer',
    roles: ['mentor'],
    timeZone: 'Asia/Tokyo',
    workingHours: weekdays(['08:00-12:00', '13:00-18:00']),
    programIds: [PROGRAM_ID],
    capacity: 3,
  },
  {
    id: 'arjun',
    displayName: 'Arjun Shrestha',
    headline: 'Senior SRE',
    roles: ['mentor'],
    timeZone: 'Asia/Kathmandu',
    workingHours: weekdays(['10:00-17:00']),
    offLimitsDays: [6],
    programIds: [PROGRAM_ID],
  },
  {
    id: 'daniel',
    displayName: 'Daniel Kim',
    headline: 'Backend engineer',
    roles: ['mentee'],
    timeZone: 'America/Los_Angeles',
    workingHours: weekdays(['09:00-17:00']),
    programIds: [PROGRAM_ID],
  },
  {
    id: 'sofia',
    displayName: 'Sofia Rossi',
    headline: 'Scrum master',
    roles: ['mentee'],
    timeZone: 'Europe/Rome',
    workingHours: weekdays(['09:00-17:00']),
    programIds: [PROGRAM_ID],
  },
  {
    id: 'mateo',
    displayName: 'Mateo Silva',
    roles: ['mentee'],
    timeZone: 'America/Sao_Paulo',
    workingHours: weekdays(['09:00-17:00']),
    programIds: [PROGRAM_ID],
  },
  {
    id: 'mallory',
    displayName: HOSTILE_NAME,
    headline: '<script>alert("headline")</script>',
    roles: ['mentee'],
    timeZone: 'Europe/Paris',
    workingHours: weekdays(['09:00-17:00']),
    programIds: [PROGRAM_ID],
  },
];

export const program: ProgramInput = { id: PROGRAM_ID, name: 'Spring Mentoring 2026', adminIds: ['priya'] };

export const pairings: PairingInput[] = [
  // Lucía is co-mentored by Kenji (Tokyo) and Arjun (Kathmandu).
  { id: 'p-lucia', programId: PROGRAM_ID, menteeId: 'lucia', mentorIds: ['kenji', 'arjun'], status: 'active', kind: 'official', startedOn: '2026-03-02' },
  { id: 'p-daniel', programId: PROGRAM_ID, menteeId: 'daniel', mentorIds: ['kenji'], status: 'active', kind: 'informal', startedOn: '2026-03-09' },
  { id: 'p-sofia', programId: PROGRAM_ID, menteeId: 'sofia', mentorIds: ['kenji'], status: 'paused', kind: 'official', startedOn: '2026-02-16' },
  { id: 'p-mallory', programId: PROGRAM_ID, menteeId: 'mallory', mentorIds: ['arjun'], status: 'active', kind: 'official', startedOn: '2026-03-16' },
];

/** A memory adapter holding the fixture programme, written through the real schemas (with their defaults). */
export async function seededStorage(options: { pairings?: PairingInput[] | undefined } = {}): Promise<StorageAdapter> {
  const storage = createMemoryStorage();
  const write = async (collection: string, schema: AnySchema, input: unknown) => {
    const record = parseOrThrow(schema, input, collection) as { id: string };
    await storage.put(collection, { ...record, createdAt: '2026-02-01T09:00:00Z', updatedBy: 'seed' }, { expectedRevision: null });
  };
  for (const person of people) await write(Collections.people, PersonInputSchema, person);
  await write(Collections.programs, ProgramInputSchema, program);
  for (const pairing of options.pairings ?? pairings) await write(Collections.pairings, PairingInputSchema, pairing);
  return storage;
}

/** A ready client for `userId` on `storage`, with the clock fixed at `now`. */
export async function readyKit(storage: StorageAdapter, userId: string, now: string = FIXED_NOW): Promise<MentorKit> {
  const kit = createMentorKit({ storage, user: { id: userId }, now: () => now });
  await kit.ready;
  return kit;
}

/** An adapter whose reads never finish: a client on it stays `loading`. */
export function pendingStorage(): StorageAdapter {
  const never = new Promise<never>(() => undefined);
  return {
    name: 'pending',
    get: () => never,
    query: () => never,
    put: () => never,
    delete: () => never,
  };
}

/** An adapter whose reads fail: a client on it ends in `error` with this message. */
export function failingStorage(message = 'The storage service is unreachable (HTTP 503).'): StorageAdapter {
  const fail = async (): Promise<never> => {
    throw new Error(message);
  };
  return {
    name: 'failing',
    get: fail,
    query: fail as () => Promise<StoredRecord[]>,
    put: fail,
    delete: fail,
  };
}

/** Wraps an adapter so reads wait until `open()` is called: the client stays `loading` until then. */
export function gatedStorage(storage: StorageAdapter): { storage: StorageAdapter; open(): void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    storage: {
      ...storage,
      name: `gated ${storage.name}`,
      get: async (collection, id) => (await gate, storage.get(collection, id)),
      query: async (collection, where) => (await gate, storage.query(collection, where)),
    },
    open,
  };
}

/**
 * Waits until the MentorKit elements in `root` show their language: other languages than English
 * load on first use (`LocaleController`), and each element's `updateComplete` waits for that.
 */
export async function languagesReady(root: Element): Promise<void> {
  const elements = [root, ...root.querySelectorAll('*')].filter((element) => element.localName.startsWith('mk-'));
  await Promise.all(elements.map((element) => (element as Element & { updateComplete?: Promise<unknown> | undefined }).updateComplete));
}

/**
 * Waits for the page's entrance animations (a toast fading in…) to finish, so axe measures colours
 * as the person ends up seeing them rather than half-way through a fade. Looks into shadow roots;
 * endless animations are skipped. Waits a frame first, so an animation that starts with it counts.
 */
export async function animationsFinished(): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const animations = new Set(document.getAnimations());
  const visit = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      if (!element.shadowRoot) continue;
      for (const animation of element.shadowRoot.getAnimations()) animations.add(animation);
      visit(element.shadowRoot);
    }
  };
  visit(document);
  const finite = [...animations].filter((animation) => animation.effect?.getTiming().iterations !== Infinity);
  await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
}
