/**
 * A realistic mentoring programme for the demo, Storybook and end-to-end tests:
 * "Acme Learning — Engineering Mentoring 2026" with 2 admins, 10 mentors and 22 mentees across
 * 24 time zones (Asia/Kathmandu +05:45 and Pacific/Auckland +13:00 among them), someone with
 * off-limits Fridays, a co-mentored pairing, a paused and a proposed pairing, mentees still waiting
 * for a match, a mentor away until 12 January 2027 (Kenji) and one not taking mentees (Tom). All records are plain JSON, written through any StorageAdapter.
 *
 * `@mentorkit/server/demo-program` (browser-safe: it needs only `@mentorkit/core`); `mentorkit-server
 * --seed-demo` writes it into PostgreSQL, and the browser examples (examples/shared/demo-program.ts)
 * re-export it.
 */
import {
  AgreementInputSchema,
  Collections,
  FeedbackInputSchema,
  GoalInputSchema,
  PairingInputSchema,
  PersonInputSchema,
  ProgramInputSchema,
  SessionInputSchema,
  parseOrThrow,
  type AnySchema,
  type PairingInput,
  type PersonInput,
  type ProgramInput,
  type StorageAdapter,
} from '@mentorkit/core';

export const DEMO_PROGRAM_ID = 'acme-eng-2026';
/** The people the demo's "view as" switcher offers. */
export const DEMO_VIEWERS = {
  mentee: 'lucia-fernandez',
  mentor: 'kenji-watanabe',
  admin: 'priya-raman',
} as const;

const weekdays = (ranges: string[]) => ({ 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges });
const officeHours = weekdays(['09:00-12:30', '13:30-17:30']);

type Seed = Omit<PersonInput, 'roles' | 'programIds'>;

const mentors: Seed[] = [
  {
    id: 'kenji-watanabe',
    displayName: 'Kenji Watanabe',
    headline: 'Principal engineer, platform',
    timeZone: 'Asia/Tokyo',
    workingHours: weekdays(['08:00-12:00', '13:00-18:00']),
    languages: ['ja', 'en'],
    skills: [
      { name: 'TypeScript', level: 5 },
      { name: 'system design', level: 5 },
      { name: 'code review', level: 4 },
    ],
    interests: ['open source', 'running'],
    capacity: 3,
    availability: { status: 'away', until: '2027-01-12', note: 'Parental leave' },
  },
  {
    id: 'maria-gonzalez',
    displayName: 'María González',
    headline: 'Director of product',
    timeZone: 'America/Mexico_City',
    workingHours: officeHours,
    languages: ['es', 'en'],
    skills: [
      { name: 'product management', level: 5 },
      { name: 'public speaking', level: 4 },
      { name: 'stakeholder management', level: 4 },
    ],
    interests: ['design', 'cycling'],
    capacity: 3,
  },
  {
    id: 'aisha-bello',
    displayName: 'Aisha Bello',
    headline: 'Engineering manager, payments',
    timeZone: 'Africa/Lagos',
    workingHours: officeHours,
    languages: ['en', 'yo'],
    skills: [
      { name: 'leadership', level: 5 },
      { name: 'stakeholder management', level: 4 },
      { name: 'self-management', level: 4 },
    ],
    interests: ['chess', 'mentoring circles'],
    capacity: 2,
  },
  {
    id: 'tom-becker',
    displayName: 'Tom Becker',
    headline: 'Agile coach',
    timeZone: 'Europe/Berlin',
    workingHours: weekdays(['08:30-16:30']),
    languages: ['de', 'en'],
    skills: [
      { name: 'agility', level: 5 },
      { name: 'time management', level: 5 },
      { name: 'facilitation', level: 4 },
    ],
    interests: ['board games', 'hiking'],
    capacity: 2,
    availability: { status: 'not-taking-mentees', note: 'Full until the spring cohort' },
  },
  {
    id: 'sarah-cohen',
    displayName: 'Sarah Cohen',
    headline: 'Staff data scientist',
    timeZone: 'America/New_York',
    workingHours: officeHours,
    languages: ['en', 'he'],
    skills: [
      { name: 'data science', level: 5 },
      { name: 'Python', level: 5 },
      { name: 'writing', level: 4 },
    ],
    interests: ['photography'],
    capacity: 2,
  },
  {
    id: 'arjun-shrestha',
    displayName: 'Arjun Shrestha',
    headline: 'Senior SRE',
    timeZone: 'Asia/Kathmandu',
    workingHours: { 1: ['10:00-17:00'], 2: ['10:00-17:00'], 3: ['10:00-17:00'], 4: ['10:00-17:00'], 5: ['10:00-17:00'] },
    offLimitsDays: [6],
    languages: ['ne', 'en', 'hi'],
    skills: [
      { name: 'reliability engineering', level: 5 },
      { name: 'incident management', level: 4 },
      { name: 'time management', level: 3 },
    ],
    interests: ['trekking', 'tea'],
    capacity: 2,
  },
  {
    id: 'olivia-martin',
    displayName: 'Olivia Martin',
    headline: 'Head of design systems',
    timeZone: 'Australia/Sydney',
    workingHours: weekdays(['08:30-17:00']),
    languages: ['en'],
    skills: [
      { name: 'accessibility', level: 5 },
      { name: 'design systems', level: 5 },
      { name: 'public speaking', level: 3 },
    ],
    interests: ['surfing', 'typography'],
    capacity: 2,
  },
  {
    id: 'youssef-el-amrani',
    displayName: 'Youssef El Amrani',
    headline: 'Security architect',
    timeZone: 'Africa/Casablanca',
    workingHours: { 1: ['09:00-17:00'], 2: ['09:00-17:00'], 3: ['09:00-17:00'], 4: ['09:00-17:00'], 7: ['10:00-14:00'] },
    offLimitsDays: [5],
    languages: ['ar', 'fr', 'en'],
    skills: [
      { name: 'security', level: 5 },
      { name: 'threat modelling', level: 5 },
      { name: 'leadership', level: 3 },
    ],
    interests: ['football', 'calligraphy'],
    capacity: 2,
  },
  {
    id: 'liam-oconnor',
    displayName: "Liam O'Connor",
    headline: 'Engineering lead, mobile',
    timeZone: 'Europe/Dublin',
    workingHours: officeHours,
    languages: ['en', 'ga'],
    skills: [
      { name: 'mobile development', level: 5 },
      { name: 'code review', level: 4 },
      { name: 'agility', level: 3 },
    ],
    interests: ['rugby', 'music'],
    capacity: 2,
  },
  {
    id: 'chen-wei',
    displayName: 'Chen Wei',
    headline: 'Machine-learning lead',
    timeZone: 'Asia/Shanghai',
    workingHours: weekdays(['09:00-12:00', '13:00-18:00']),
    languages: ['zh', 'en'],
    skills: [
      { name: 'machine learning', level: 5 },
      { name: 'Python', level: 4 },
      { name: 'research', level: 5 },
    ],
    interests: ['go (the game)', 'cooking'],
    capacity: 2,
  },
];

const mentees: Seed[] = [
  {
    id: 'lucia-fernandez',
    displayName: 'Lucía Fernández',
    headline: 'Frontend engineer',
    timeZone: 'Europe/Madrid',
    workingHours: weekdays(['09:00-14:00', '15:00-18:00']),
    languages: ['es', 'en'],
    wantsToLearn: [
      { name: 'system design', priority: 3 },
      { name: 'TypeScript', priority: 2 },
      { name: 'reliability engineering', priority: 1 },
    ],
    interests: ['open source', 'climbing'],
  },
  {
    id: 'daniel-kim',
    displayName: 'Daniel Kim',
    headline: 'Backend engineer',
    timeZone: 'America/Los_Angeles',
    workingHours: officeHours,
    languages: ['en', 'ko'],
    wantsToLearn: [
      { name: 'system design', priority: 3 },
      { name: 'code review', priority: 2 },
    ],
    interests: ['running'],
  },
  {
    id: 'fatima-al-sayed',
    displayName: 'Fatima Al-Sayed',
    headline: 'QA engineer',
    timeZone: 'Asia/Dubai',
    workingHours: { 1: ['09:00-17:00'], 2: ['09:00-17:00'], 3: ['09:00-17:00'], 4: ['09:00-17:00'], 7: ['09:00-17:00'] },
    offLimitsDays: [5],
    languages: ['ar', 'en'],
    wantsToLearn: [
      { name: 'security', priority: 3 },
      { name: 'leadership', priority: 2 },
    ],
    interests: ['calligraphy'],
  },
  {
    id: 'sanjay-gupta',
    displayName: 'Sanjay Gupta',
    headline: 'Data analyst',
    timeZone: 'Asia/Kolkata',
    workingHours: weekdays(['09:30-18:00']),
    languages: ['hi', 'en'],
    wantsToLearn: [
      { name: 'data science', priority: 3 },
      { name: 'Python', priority: 2 },
      { name: 'public speaking', priority: 1 },
    ],
    interests: ['cricket'],
  },
  {
    id: 'binita-thapa',
    displayName: 'Binita Thapa',
    headline: 'Junior SRE',
    timeZone: 'Asia/Kathmandu',
    workingHours: weekdays(['10:00-17:00']),
    offLimitsDays: [6],
    languages: ['ne', 'en'],
    wantsToLearn: [
      { name: 'incident management', priority: 3 },
      { name: 'time management', priority: 2 },
    ],
    interests: ['trekking'],
  },
  {
    id: 'ana-souza',
    displayName: 'Ana Souza',
    headline: 'Product designer',
    timeZone: 'America/Sao_Paulo',
    workingHours: officeHours,
    languages: ['pt', 'en', 'es'],
    wantsToLearn: [
      { name: 'design systems', priority: 3 },
      { name: 'accessibility', priority: 3 },
      { name: 'public speaking', priority: 1 },
    ],
    interests: ['typography'],
  },
  {
    id: 'james-wilson',
    displayName: 'James Wilson',
    headline: 'Support engineer',
    timeZone: 'Europe/London',
    workingHours: officeHours,
    languages: ['en'],
    wantsToLearn: [
      { name: 'time management', priority: 3 },
      { name: 'self-management', priority: 2 },
    ],
    interests: ['football'],
  },
  {
    id: 'mei-lin',
    displayName: 'Mei Lin',
    headline: 'ML engineer',
    timeZone: 'Asia/Singapore',
    workingHours: officeHours,
    languages: ['zh', 'en'],
    wantsToLearn: [
      { name: 'machine learning', priority: 3 },
      { name: 'research', priority: 2 },
    ],
    interests: ['cooking'],
  },
  {
    id: 'tane-parata',
    displayName: 'Tane Parata',
    headline: 'Mobile developer',
    timeZone: 'Pacific/Auckland',
    workingHours: officeHours,
    languages: ['en', 'mi'],
    wantsToLearn: [
      { name: 'mobile development', priority: 3 },
      { name: 'agility', priority: 1 },
    ],
    interests: ['rugby'],
  },
  {
    id: 'chloe-dubois',
    displayName: 'Chloé Dubois',
    headline: 'Security analyst',
    timeZone: 'Europe/Paris',
    workingHours: officeHours,
    languages: ['fr', 'en'],
    wantsToLearn: [
      { name: 'threat modelling', priority: 3 },
      { name: 'security', priority: 2 },
    ],
    interests: ['cinema'],
  },
  {
    id: 'emeka-okafor',
    displayName: 'Emeka Okafor',
    headline: 'Backend engineer',
    timeZone: 'Africa/Lagos',
    workingHours: officeHours,
    languages: ['en', 'ig'],
    wantsToLearn: [
      { name: 'leadership', priority: 3 },
      { name: 'stakeholder management', priority: 2 },
    ],
    interests: ['chess'],
  },
  {
    id: 'sofia-rossi',
    displayName: 'Sofia Rossi',
    headline: 'Scrum master',
    timeZone: 'Europe/Rome',
    workingHours: officeHours,
    languages: ['it', 'en'],
    wantsToLearn: [
      { name: 'facilitation', priority: 3 },
      { name: 'agility', priority: 2 },
    ],
    interests: ['hiking'],
  },
  {
    id: 'noah-johnson',
    displayName: 'Noah Johnson',
    headline: 'Product manager',
    timeZone: 'America/Chicago',
    workingHours: officeHours,
    languages: ['en'],
    wantsToLearn: [
      { name: 'product management', priority: 3 },
      { name: 'stakeholder management', priority: 2 },
    ],
    interests: ['cycling'],
  },
  {
    id: 'hana-sato',
    displayName: 'Hana Sato',
    headline: 'Frontend engineer',
    timeZone: 'Asia/Tokyo',
    workingHours: weekdays(['09:30-18:30']),
    languages: ['ja', 'en'],
    wantsToLearn: [
      { name: 'accessibility', priority: 3 },
      { name: 'TypeScript', priority: 2 },
    ],
    interests: ['photography'],
  },
  {
    id: 'omar-haddad',
    displayName: 'Omar Haddad',
    headline: 'DevOps engineer',
    timeZone: 'Asia/Dubai',
    workingHours: { 1: ['08:00-16:00'], 2: ['08:00-16:00'], 3: ['08:00-16:00'], 4: ['08:00-16:00'], 7: ['08:00-16:00'] },
    offLimitsDays: [5, 6],
    languages: ['ar', 'en'],
    wantsToLearn: [
      { name: 'reliability engineering', priority: 3 },
      { name: 'incident management', priority: 2 },
    ],
    interests: ['football'],
  },
  {
    id: 'isabella-garcia',
    displayName: 'Isabella García',
    headline: 'UX researcher',
    timeZone: 'America/Bogota',
    workingHours: officeHours,
    languages: ['es', 'en'],
    wantsToLearn: [
      { name: 'public speaking', priority: 3 },
      { name: 'writing', priority: 2 },
    ],
    interests: ['dance'],
  },
  {
    id: 'lukas-schmidt',
    displayName: 'Lukas Schmidt',
    headline: 'Junior developer',
    timeZone: 'Europe/Berlin',
    workingHours: weekdays(['08:00-16:00']),
    languages: ['de', 'en'],
    wantsToLearn: [
      { name: 'code review', priority: 3 },
      { name: 'time management', priority: 2 },
    ],
    interests: ['board games'],
  },
  {
    id: 'grace-mensah',
    displayName: 'Grace Mensah',
    headline: 'Data engineer',
    timeZone: 'Africa/Accra',
    workingHours: officeHours,
    languages: ['en'],
    wantsToLearn: [
      { name: 'data science', priority: 2 },
      { name: 'leadership', priority: 2 },
    ],
    interests: ['music'],
  },
  {
    id: 'ravi-patel',
    displayName: 'Ravi Patel',
    headline: 'Platform engineer',
    timeZone: 'Asia/Kolkata',
    workingHours: weekdays(['10:00-19:00']),
    languages: ['en', 'hi', 'gu'],
    wantsToLearn: [
      { name: 'system design', priority: 3 },
      { name: 'reliability engineering', priority: 2 },
    ],
    interests: ['open source'],
  },
  {
    id: 'ella-brown',
    displayName: 'Ella Brown',
    headline: 'Technical writer',
    timeZone: 'Australia/Sydney',
    workingHours: weekdays(['09:00-15:00']),
    languages: ['en'],
    wantsToLearn: [
      { name: 'writing', priority: 3 },
      { name: 'public speaking', priority: 2 },
    ],
    interests: ['surfing'],
  },
  {
    id: 'mateo-silva',
    displayName: 'Mateo Silva',
    headline: 'Graduate engineer',
    timeZone: 'America/Sao_Paulo',
    workingHours: officeHours,
    languages: ['pt', 'es'],
    wantsToLearn: [
      { name: 'self-management', priority: 3 },
      { name: 'agility', priority: 2 },
    ],
    interests: ['football'],
  },
  {
    id: 'zara-ahmed',
    displayName: 'Zara Ahmed',
    headline: 'Security engineer',
    timeZone: 'Europe/London',
    workingHours: officeHours,
    languages: ['en', 'ur'],
    wantsToLearn: [
      { name: 'threat modelling', priority: 2 },
      { name: 'leadership', priority: 3 },
    ],
    interests: ['climbing'],
  },
];

const admins: Seed[] = [
  {
    id: 'priya-raman',
    displayName: 'Priya Raman',
    headline: 'Programme lead, Acme Learning',
    timeZone: 'Europe/London',
    workingHours: officeHours,
    languages: ['en', 'ta'],
  },
  { id: 'marcus-lee', displayName: 'Marcus Lee', headline: 'L&D partner', timeZone: 'America/Toronto', workingHours: officeHours, languages: ['en', 'fr'] },
];

export const demoProgram: ProgramInput = {
  id: DEMO_PROGRAM_ID,
  name: 'Engineering Mentoring 2026',
  description: 'Six-month remote mentoring programme for Acme engineers, designers and analysts across 24 time zones.',
  startDate: '2026-09-01',
  endDate: '2027-02-28',
  adminIds: admins.map((admin) => admin.id),
  defaultCoachingModel: 'grow',
};

export const demoPeople: PersonInput[] = [
  ...admins.map((person) => ({ ...person, roles: ['admin' as const], programIds: [DEMO_PROGRAM_ID] })),
  ...mentors.map((person) => ({ ...person, roles: ['mentor' as const], programIds: [DEMO_PROGRAM_ID] })),
  ...mentees.map((person) => ({ ...person, roles: ['mentee' as const], programIds: [DEMO_PROGRAM_ID] })),
];

const pair = (id: string, menteeId: string, mentorIds: string[], status: PairingInput['status'], extra: Partial<PairingInput> = {}): PairingInput => ({
  id,
  programId: DEMO_PROGRAM_ID,
  menteeId,
  mentorIds,
  status,
  kind: 'official',
  ...(status === 'active' || status === 'paused' ? { startedOn: '2026-09-07' } : {}),
  ...extra,
});

export const demoPairings: PairingInput[] = [
  pair('pairing-lucia', 'lucia-fernandez', ['kenji-watanabe', 'arjun-shrestha'], 'active', {
    reasons: ['Wants system design and TypeScript: Kenji is an expert in both', 'Co-mentor Arjun brings reliability engineering'],
  }),
  pair('pairing-daniel', 'daniel-kim', ['kenji-watanabe'], 'active'),
  pair('pairing-hana', 'hana-sato', ['olivia-martin'], 'active'),
  pair('pairing-fatima', 'fatima-al-sayed', ['youssef-el-amrani'], 'active'),
  pair('pairing-sanjay', 'sanjay-gupta', ['sarah-cohen'], 'active'),
  pair('pairing-binita', 'binita-thapa', ['arjun-shrestha'], 'active'),
  pair('pairing-ana', 'ana-souza', ['olivia-martin'], 'active'),
  pair('pairing-james', 'james-wilson', ['tom-becker'], 'active'),
  pair('pairing-mei', 'mei-lin', ['chen-wei'], 'active'),
  pair('pairing-tane', 'tane-parata', ['liam-oconnor'], 'active'),
  pair('pairing-emeka', 'emeka-okafor', ['aisha-bello'], 'active'),
  pair('pairing-noah', 'noah-johnson', ['maria-gonzalez'], 'active'),
  pair('pairing-sofia', 'sofia-rossi', ['tom-becker'], 'paused'),
  pair('pairing-ravi', 'ravi-patel', ['kenji-watanabe'], 'proposed', { reasons: ['Wants system design: Kenji is an expert'] }),
  pair('pairing-isabella', 'isabella-garcia', ['maria-gonzalez'], 'active', { kind: 'informal' }),
];

/**
 * Writes the demo programme into `storage` unless it is already there. Returns `true` when it
 * seeded. Writes are creates (`expectedRevision: null`), so two tabs seeding at once cannot
 * duplicate or overwrite anything: the loser's creates fail with `conflict` and are ignored.
 */
export async function seedDemoProgram(storage: StorageAdapter): Promise<boolean> {
  if (await storage.get(Collections.programs, DEMO_PROGRAM_ID)) return false;
  const create = async (collection: string, schema: AnySchema, input: { id: string }) => {
    // Seeds go through the same schemas as commands, so stored records carry every default.
    const record = parseOrThrow(schema, input, collection) as { id: string };
    try {
      await storage.put(collection, { ...record, createdAt: '2026-08-20T09:00:00Z', updatedBy: 'seed' }, { expectedRevision: null });
    } catch (error) {
      if ((error as { code?: string }).code !== 'conflict') throw error;
    }
  };
  for (const person of demoPeople) await create(Collections.people, PersonInputSchema, person);
  for (const pairing of demoPairings) await create(Collections.pairings, PairingInputSchema, pairing);
  // The programme goes last: its presence marks a complete seed.
  await create(Collections.programs, ProgramInputSchema, demoProgram);
  return true;
}

/** The demo's finished pairing: Lucía's public-speaking mentoring with Aisha Bello, closed with its six planned sessions. */
export const DEMO_FINISHED_PAIRING_ID = 'pairing-lucia-speaking';

/**
 * A finished (closed) pairing for certificates of participation: Lucía Fernández and Aisha Bello met
 * weekly for six sessions (their agreement planned six), both gave feedback after each, and Lucía
 * reached her goal — so both can download a certificate (`<mk-certificate>`). Not part of
 * `seedDemoProgram` (the browser demo and the tests that count the programme's pairs stay as they
 * are): `mentorkit-server --seed-demo` and `npm run demo:server` add it. Idempotent: records that are
 * there already are left alone. Returns `true` when it wrote the pairing.
 */
export async function seedFinishedPairing(storage: StorageAdapter): Promise<boolean> {
  const created = '2026-09-04T09:00:00Z';
  let wrote = false;
  const create = async (collection: string, schema: AnySchema, input: { id: string; [field: string]: unknown }, createdAt = created) => {
    const record = parseOrThrow(schema, input, collection) as { id: string };
    try {
      await storage.put(collection, { ...record, createdAt, updatedBy: 'seed' }, { expectedRevision: null });
      if (collection === Collections.pairings) wrote = true;
    } catch (error) {
      if ((error as { code?: string }).code !== 'conflict') throw error;
    }
  };
  const pairingId = DEMO_FINISHED_PAIRING_ID;
  const mentee = 'lucia-fernandez';
  const mentor = 'aisha-bello';
  await create(Collections.pairings, PairingInputSchema, {
    id: pairingId,
    programId: DEMO_PROGRAM_ID,
    menteeId: mentee,
    mentorIds: [mentor],
    status: 'closed',
    kind: 'official',
    startedOn: '2026-09-07',
    endedOn: '2026-10-23',
    reasons: ['Wants to speak with confidence at the all-hands: Aisha coaches public speaking'],
  });
  const hours = (ranges: string[]) => ({ 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges });
  await create(Collections.agreements, AgreementInputSchema, {
    id: `${pairingId}.agreement`,
    pairingId,
    cadence: 'weekly',
    channels: [{ kind: 'video' }],
    responseTimeHours: 48,
    plannedSessions: 6,
    sessionMinutes: 60,
    participants: [
      { personId: mentee, timeZone: 'Europe/Madrid', workingHours: hours(['09:00-14:00', '15:00-18:00']) },
      { personId: mentor, timeZone: 'Africa/Lagos', workingHours: hours(['09:00-17:00']) },
    ],
    version: 1,
    proposedBy: mentor,
    confirmations: [
      { personId: mentor, version: 1, at: '2026-09-07T10:00:00Z' },
      { personId: mentee, version: 1, at: '2026-09-07T11:00:00Z' },
    ],
    history: [{ version: 1, at: '2026-09-07T10:00:00Z', by: mentor, changed: ['cadence', 'plannedSessions', 'participants'] }],
  });
  const topics = [
    'Your story in three minutes',
    'Slides that support you',
    'Breathing and pace',
    'Rehearsal with questions',
    'Handling nerves on the day',
    'Looking back at the talk',
  ];
  for (const [index, topic] of topics.entries()) {
    const day = new Date(Date.UTC(2026, 8, 14 + 7 * index, 14, 0));
    const start = day.toISOString();
    const end = new Date(day.getTime() + 60 * 60_000).toISOString();
    const sessionId = `${pairingId}-session-${index + 1}`;
    await create(
      Collections.sessions,
      SessionInputSchema,
      {
        id: sessionId,
        pairingId,
        title: topic,
        start,
        end,
        timeZone: 'Europe/Madrid',
        status: 'held',
        organizerId: mentor,
        statusChangedAt: end,
        ...(index === 3 ? { heldMinutes: 75 } : {}),
      },
      start,
    );
    const submittedAt = new Date(day.getTime() + 3 * 3_600_000).toISOString();
    await create(
      Collections.feedback,
      FeedbackInputSchema,
      {
        id: `${sessionId}-feedback-${mentee}`,
        pairingId,
        sessionId,
        authorId: mentee,
        authorRole: 'mentee',
        rating: index === 1 ? 4 : 5,
        helped: 'Practising out loud with someone who listens.',
        submittedAt,
      },
      submittedAt,
    );
    await create(
      Collections.feedback,
      FeedbackInputSchema,
      { id: `${sessionId}-feedback-${mentor}`, pairingId, sessionId, authorId: mentor, authorRole: 'mentor', rating: 5, submittedAt },
      submittedAt,
    );
  }
  await create(Collections.goals, GoalInputSchema, {
    id: `${pairingId}-goal-talk`,
    pairingId,
    ownerId: mentee,
    visibility: 'pairing',
    title: 'Give a ten-minute talk at the engineering all-hands',
    skill: 'communication',
    startDate: '2026-09-07',
    dueDate: '2026-10-16',
    achievedAt: '2026-10-15T16:00:00Z',
    milestones: [
      { id: 'outline', title: 'Outline the talk', done: true },
      { id: 'rehearse', title: 'Rehearse twice with Aisha', done: true },
      { id: 'deliver', title: 'Give the talk', done: true },
    ],
  });
  return wrote;
}
