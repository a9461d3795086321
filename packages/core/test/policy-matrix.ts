/**
 * The access matrix, written out by hand: every collection × role × operation, and every change of
 * a field that scopes a record or must never change. It is the specification the policy is held to,
 * independent of the policy's own descriptions, and it runs three ways: against `decide` directly,
 * through clients on the memory adapter (packages/core/test/policy-matrix.test.ts), and over HTTP
 * against the server on PostgreSQL (packages/server/test/policy-matrix.test.ts).
 *
 * The world: programme `prog-p` (admin priya) and `prog-q` (admin olga). Pairing `pair-a` (active):
 * mentee ana, mentor kenji, co-mentor arjun. Pairing `pair-b` (active): mentee dan, mentor maria.
 * Pairing `pair-closed` (closed): mentee ana, mentor maria.
 */
import type { PolicyAction } from '@mentorkit/core';

export type MatrixRole = 'mentee' | 'mentor' | 'co-mentor' | 'admin' | 'other-admin' | 'other-pair';
export const ACTORS: Readonly<Record<MatrixRole, string>> = {
  mentee: 'ana',
  mentor: 'kenji',
  'co-mentor': 'arjun',
  admin: 'priya',
  'other-admin': 'olga',
  'other-pair': 'dan',
};
export const ROLES = Object.keys(ACTORS) as MatrixRole[];
type AnyRecord = { id: string; [key: string]: unknown };

// Times are relative to when the tests run (the server checks new records' times against its own clock).
const START = Date.now();
/** An instant `days` from now (fractions for hours). */
const at = (days: number) => new Date(START + Math.round(days * 24 * 60) * 60_000).toISOString();
export const NOW = at(0);
const hours = { 1: ['09:00-17:00'], 2: ['09:00-17:00'], 3: ['09:00-17:00'] };
const person = (id: string, roles: string[], programIds: string[]) => ({
  id,
  displayName: id[0]!.toUpperCase() + id.slice(1),
  roles,
  timeZone: 'Europe/Madrid',
  programIds,
});

/** The records every case starts from, by collection. */
export function world(): Record<string, AnyRecord[]> {
  return {
    programs: [
      { id: 'prog-p', name: 'Programme P', adminIds: ['priya'] },
      { id: 'prog-q', name: 'Programme Q', adminIds: ['olga'] },
    ],
    people: [
      person('ana', ['mentee'], ['prog-p']),
      person('kenji', ['mentor'], ['prog-p']),
      person('arjun', ['mentor'], ['prog-p']),
      person('dan', ['mentee'], ['prog-p']),
      person('maria', ['mentor'], ['prog-p']),
      person('priya', ['admin'], ['prog-p']),
      person('olga', ['admin'], ['prog-q']),
      person('quinn', ['mentee'], ['prog-q']),
    ],
    pairings: [
      { id: 'pair-a', programId: 'prog-p', menteeId: 'ana', mentorIds: ['kenji', 'arjun'], status: 'active', startedOn: '2026-09-01' },
      { id: 'pair-b', programId: 'prog-p', menteeId: 'dan', mentorIds: ['maria'], status: 'active', startedOn: '2026-09-01' },
      { id: 'pair-closed', programId: 'prog-p', menteeId: 'ana', mentorIds: ['maria'], status: 'closed', startedOn: '2026-01-01', endedOn: '2026-06-30' },
    ],
    'calendar-busy': [busyOf('ana')],
    ...Object.fromEntries(
      Object.entries(SAMPLES).map(([collection, make]) => [collection, [make('pair-a'), ...(collection in PAIRING_SCOPED ? [make('pair-closed')] : [])]]),
    ),
  };
}

const agreement = (pairingId: string, id = `agreement-${pairingId}`, by = 'ana') => ({
  id,
  pairingId,
  cadence: 'weekly',
  channels: [{ kind: 'video' }],
  responseTimeHours: 24,
  participants:
    pairingId === 'pair-closed'
      ? [
          { personId: 'ana', timeZone: 'Europe/Madrid', workingHours: hours },
          { personId: 'maria', timeZone: 'Europe/Madrid', workingHours: hours },
        ]
      : [
          { personId: 'ana', timeZone: 'Europe/Madrid', workingHours: hours },
          { personId: 'kenji', timeZone: 'Asia/Tokyo', workingHours: hours },
        ],
  notes: 'We meet on Mondays.',
  version: 1,
  confirmations: [],
  history: [{ version: 1, at: at(-7), by, changed: ['cadence', 'notes'] }],
  proposedBy: by,
});

/** A person's busy times from their connected calendars (only the server writes these). */
const busyOf = (personId: string) => ({
  id: personId,
  personId,
  intervals: [{ start: at(1), end: at(1 + 1 / 24) }],
  from: at(-1),
  to: at(41),
  calendars: [{ id: `cal-${personId}`, kind: 'ics-feed', label: 'Work', status: 'ok', checkedAt: at(-0.01) }],
});

/** One record of each pairing-scoped collection in a pairing, written by its natural author (ana, the mentee). */
const SAMPLES: Record<string, (pairingId: string) => AnyRecord> = {
  agreements: (pairingId) => agreement(pairingId),
  sessions: (pairingId) => ({ id: `session-${pairingId}`, pairingId, title: 'Monthly review', start: at(-7), end: at(-7 + 1 / 24), timeZone: 'Europe/Madrid' }),
  'coaching-runs': (pairingId) => ({ id: `run-${pairingId}`, pairingId, modelId: 'grow', state: {}, startedBy: 'ana', startedAt: at(-7) }),
  rapport: (pairingId) => ({ id: `rapport-${pairingId}`, pairingId, dealt: [{ promptId: 'two-truths', at: at(-7), by: 'ana' }] }),
  goals: (pairingId) => ({ id: `goal-${pairingId}`, pairingId, ownerId: 'ana', title: 'Run the design review', visibility: 'pairing' }),
  feedback: (pairingId) => ({
    id: `feedback-${pairingId}`,
    pairingId,
    sessionId: `session-${pairingId}`,
    authorId: 'ana',
    authorRole: 'mentee',
    rating: 4,
    helped: 'Clear examples',
    submittedAt: at(-7 + 65 / 1440),
    editableUntil: at(200),
  }),
  messages: (pairingId) => ({
    id: `message-${pairingId}`,
    pairingId,
    authorId: 'ana',
    kind: 'text',
    text: 'Thanks for today!',
    sentAt: at(-7 + 70 / 1440),
    editedAt: at(-7 + 71 / 1440),
    history: [{ action: 'edited', at: at(-7 + 71 / 1440), by: 'ana', previousText: 'Thanks!' }],
  }),
  'message-reads': (pairingId) => ({ id: `${pairingId}~ana`, pairingId, personId: 'ana', lastReadAt: at(-7 + 70 / 1440) }),
};
const PAIRING_SCOPED: Record<string, true> = Object.fromEntries(Object.keys(SAMPLES).map((key) => [key, true]));

const ROUND = {
  id: 'round-p',
  programId: 'prog-p',
  status: 'draft',
  menteeIds: ['dan'],
  mentorIds: ['kenji'],
  seats: { kenji: 1 },
  weights: { skills: 1 },
  mentorsPerMentee: 1,
  pins: [],
  vetoes: [],
  forbidden: [],
  proposal: { assignments: [], unmatched: [], totalScore: 0 },
};

export interface MatrixCase {
  /** e.g. `goals: update (title)`. */
  name: string;
  collection: string;
  action: PolicyAction;
  /** The record the actor reads, creates or writes; for update and delete, `previous` is the stored one. */
  record: (actorId: string) => AnyRecord;
  /** The stored version (update, delete, and reads of records not in `world()`). */
  previous?: AnyRecord | undefined;
  /** Roles that may; every other role is refused. */
  allowed: readonly MatrixRole[];
  /** Records the case needs stored besides `world()` (e.g. a private goal). */
  extra?: Array<{ collection: string; record: AnyRecord }>;
}

const M: readonly MatrixRole[] = ['mentee', 'mentor', 'co-mentor'];
const MA: readonly MatrixRole[] = [...M, 'admin'];
const stored = (collection: string, pairingId = 'pair-a'): AnyRecord => (collection in SAMPLES ? SAMPLES[collection]!(pairingId) : world()[collection]![0]!);

/** A benign change per collection, and a new record created "as" the actor. */
const CHANGE: Record<string, (record: AnyRecord, actorId: string) => AnyRecord> = {
  agreements: (record, actorId) => ({
    ...record,
    notes: 'We meet on Tuesdays.',
    version: 2,
    history: [...(record.history as unknown[]), { version: 2, at: at(-0.1), by: actorId, changed: ['notes'] }],
  }),
  sessions: (record) => ({ ...record, title: 'Quarterly review' }),
  'coaching-runs': (record) => ({ ...record, state: { goal: 'Lead a review' } }),
  rapport: (record, actorId) => ({ ...record, dealt: [...(record.dealt as unknown[]), { promptId: 'desert-island', at: at(-0.1), by: actorId }] }),
  goals: (record) => ({ ...record, title: 'Run two design reviews' }),
  feedback: (record) => ({ ...record, helped: 'Clear examples and time to ask' }),
  messages: (record, actorId) => ({
    ...record,
    text: 'Thanks for today, really!',
    editedAt: at(-0.1),
    history: [...(record.history as unknown[]), { action: 'edited', at: at(-0.1), by: actorId, previousText: 'Thanks for today!' }],
  }),
  'message-reads': (record) => ({ ...record, lastReadAt: at(-0.1) }),
  'pairing-rounds': (record) => ({ ...record, weights: { skills: 2 } }),
  pairings: (record) => ({ ...record, reasons: ['Both work on design systems'] }),
  programs: (record) => ({ ...record, name: 'Programme P (autumn)' }),
  people: (record) => ({ ...record, displayName: 'Ana F.' }),
  'calendar-busy': (record) => ({ ...record, intervals: [] }),
};
const CREATE: Record<string, (actorId: string) => AnyRecord> = {
  agreements: (actorId) => agreement('pair-a', 'agreement-new', actorId),
  sessions: () => ({ ...SAMPLES.sessions!('pair-a'), id: 'session-new' }),
  'coaching-runs': (actorId) => ({ ...SAMPLES['coaching-runs']!('pair-a'), id: 'run-new', startedBy: actorId }),
  rapport: (actorId) => ({ id: 'deck-new', pairingId: 'pair-a', dealt: [{ promptId: 'two-truths', at: at(-0.1), by: actorId }] }),
  goals: (actorId) => ({ ...SAMPLES.goals!('pair-a'), id: 'goal-new', ownerId: actorId }),
  feedback: (actorId) => {
    const { authorRole: _role, submittedAt: _submittedAt, editableUntil: _editableUntil, ...note } = SAMPLES.feedback!('pair-a');
    return { ...note, id: 'feedback-new', authorId: actorId };
  },
  messages: (actorId) => ({ id: 'message-new', pairingId: 'pair-a', authorId: actorId, kind: 'text', text: 'Hello', sentAt: at(-0.1) }),
  'message-reads': (actorId) => ({ id: `marker-${actorId}`, pairingId: 'pair-a', personId: actorId, lastReadAt: at(-0.1) }),
  'pairing-rounds': () => ({ ...ROUND, id: 'round-new' }),
  pairings: () => ({ id: 'pair-new', programId: 'prog-p', menteeId: 'dan', mentorIds: ['kenji'], status: 'proposed' }),
  programs: (actorId) => ({ id: 'prog-new', name: 'New programme', adminIds: [actorId] }),
  people: () => person('newbie', ['mentee'], ['prog-p']),
  'calendar-busy': () => busyOf('newbie'), // (each actor's own is refused alike: nobody but the server writes these)
};

const ALLOWED: Record<string, Record<PolicyAction, readonly MatrixRole[]>> = {
  agreements: { read: MA, create: M, update: M, delete: M },
  sessions: { read: MA, create: M, update: M, delete: M },
  'coaching-runs': { read: MA, create: M, update: M, delete: M },
  rapport: { read: MA, create: M, update: M, delete: M },
  goals: { read: MA, create: M, update: M, delete: M },
  feedback: { read: MA, create: M, update: ['mentee'], delete: [] }, // a sent note stays (a draft may go: see the variants)
  messages: { read: M, create: M, update: ['mentee'], delete: [] }, // never removed: deleting blanks a message (an update)
  'message-reads': { read: M, create: M, update: ['mentee'], delete: ['mentee'] },
  'pairing-rounds': { read: ['admin'], create: ['admin'], update: ['admin'], delete: ['admin'] },
  pairings: { read: MA, create: ['admin'], update: ['admin'], delete: ['admin'] },
  programs: { read: [...MA, 'other-pair'], create: ['admin', 'other-admin'], update: ['admin'], delete: ['admin'] },
  people: { read: MA, create: ['admin'], update: ['mentee', 'admin'], delete: ['admin'] },
  'calendar-busy': { read: M, create: [], update: [], delete: [] }, // ana's: hers and her current partners' to see; the server's to write
};

export const COLLECTIONS = Object.keys(ALLOWED);

/** Every collection × operation of the sample record (× every role, by the runner). */
export function baseCases(): MatrixCase[] {
  const cases: MatrixCase[] = [];
  for (const collection of COLLECTIONS) {
    const sample = collection === 'pairing-rounds' ? ROUND : stored(collection);
    const extra = collection === 'pairing-rounds' ? [{ collection, record: ROUND }] : undefined;
    const allowed = ALLOWED[collection]!;
    cases.push({ name: `${collection}: read`, collection, action: 'read', record: () => sample, allowed: allowed.read, ...(extra ? { extra } : {}) });
    cases.push({
      name: `${collection}: create`,
      collection,
      action: 'create',
      record: CREATE[collection]!,
      allowed: allowed.create,
      ...(extra ? { extra } : {}),
    });
    cases.push({
      name: `${collection}: update`,
      collection,
      action: 'update',
      record: (actorId) => CHANGE[collection]!(sample, actorId),
      previous: sample,
      allowed: allowed.update,
      ...(extra ? { extra } : {}),
    });
    cases.push({
      name: `${collection}: delete`,
      collection,
      action: 'delete',
      record: () => sample,
      previous: sample,
      allowed: allowed.delete,
      ...(extra ? { extra } : {}),
    });
  }
  return cases;
}

/** Records with their own rules: private goals, held feedback, mentors' notes, members pausing. */
export function variantCases(): MatrixCase[] {
  const privateGoal = { ...stored('goals'), id: 'goal-private', visibility: 'private' };
  const held = { ...stored('feedback'), id: 'feedback-held', revealWhenBothSubmitted: true };
  const { submittedAt: _submittedAt, editableUntil: _editableUntil, ...unsent } = stored('feedback');
  const draft = { ...unsent, id: 'feedback-draft' };
  const note = {
    id: 'note-kenji',
    pairingId: 'pair-a',
    authorId: 'kenji',
    kind: 'text',
    text: 'Ana is ready for more',
    mentorsOnly: true,
    sentAt: at(-7 + 2 / 24),
  };
  const pairing = stored('pairings');
  return [
    {
      name: 'goals: read a private goal',
      collection: 'goals',
      action: 'read',
      record: () => privateGoal,
      allowed: ['mentee'],
      extra: [{ collection: 'goals', record: privateGoal }],
    },
    {
      name: 'goals: update a private goal',
      collection: 'goals',
      action: 'update',
      record: () => ({ ...privateGoal, title: 'Mine' }),
      previous: privateGoal,
      allowed: ['mentee'],
      extra: [{ collection: 'goals', record: privateGoal }],
    },
    {
      name: 'goals: make a shared goal private',
      collection: 'goals',
      action: 'update',
      record: () => ({ ...stored('goals'), visibility: 'private' }),
      previous: stored('goals'),
      allowed: ['mentee'],
    },
    {
      name: 'feedback: read a held note',
      collection: 'feedback',
      action: 'read',
      record: () => held,
      allowed: ['mentee', 'admin'],
      extra: [{ collection: 'feedback', record: held }],
    },
    {
      name: "feedback: read a held note once one's own is in",
      collection: 'feedback',
      action: 'read',
      record: () => held,
      allowed: ['mentee', 'mentor', 'admin'],
      extra: [
        { collection: 'feedback', record: held },
        {
          collection: 'feedback',
          record: { id: 'feedback-kenji', pairingId: 'pair-a', sessionId: 'session-pair-a', authorId: 'kenji', rating: 5, submittedAt: at(-6) },
        },
      ],
    },
    {
      name: "feedback: reveal a held note once one's own is in",
      collection: 'feedback',
      action: 'update',
      record: (actorId) => ({ ...held, revealedAt: NOW, revealedBy: actorId }),
      previous: held,
      allowed: ['mentee', 'mentor'],
      extra: [
        { collection: 'feedback', record: held },
        {
          collection: 'feedback',
          record: { id: 'feedback-kenji', pairingId: 'pair-a', sessionId: 'session-pair-a', authorId: 'kenji', rating: 5, submittedAt: at(-6) },
        },
      ],
    },
    {
      name: 'feedback: remove a draft',
      collection: 'feedback',
      action: 'delete',
      record: () => draft,
      previous: draft,
      allowed: ['mentee'],
      extra: [{ collection: 'feedback', record: draft }],
    },
    {
      name: "feedback: reveal a held note without one's own",
      collection: 'feedback',
      action: 'update',
      record: (actorId) => ({ ...held, revealedAt: NOW, revealedBy: actorId }),
      previous: held,
      allowed: ['mentee'],
      extra: [{ collection: 'feedback', record: held }],
    },
    {
      name: "messages: read the mentors' note",
      collection: 'messages',
      action: 'read',
      record: () => note,
      allowed: ['mentor', 'co-mentor'],
      extra: [{ collection: 'messages', record: note }],
    },
    {
      name: "messages: post a mentors' note",
      collection: 'messages',
      action: 'create',
      record: (actorId) => ({ ...note, id: 'note-new', authorId: actorId }),
      allowed: ['mentor', 'co-mentor'],
    },
    { name: 'pairings: pause', collection: 'pairings', action: 'update', record: () => ({ ...pairing, status: 'paused' }), previous: pairing, allowed: MA },
    {
      name: "calendar-busy: read another pair's mentee's",
      collection: 'calendar-busy',
      action: 'read',
      record: () => busyOf('dan'),
      allowed: ['other-pair'],
      extra: [{ collection: 'calendar-busy', record: busyOf('dan') }],
    },
    {
      name: "calendar-busy: read a former partner's (ana and maria: closed pairing; dan: active)",
      collection: 'calendar-busy',
      action: 'read',
      record: () => busyOf('maria'),
      allowed: ['other-pair'],
      extra: [{ collection: 'calendar-busy', record: busyOf('maria') }],
    },
    {
      name: 'people: update own working hours',
      collection: 'people',
      action: 'update',
      record: (actorId) => ({ ...world().people!.find((entry) => entry.id === actorId)!, workingHours: hours }),
      previous: undefined,
      allowed: ROLES,
    },
  ];
}

/**
 * Changes of a scoping or unchanging field: refused for every role, the author included.
 * (The stored record is the sample; the change keeps everything else.)
 */
export function fieldChangeCases(): MatrixCase[] {
  const changes: Array<[collection: string, what: string, change: (record: AnyRecord) => AnyRecord]> = [
    ...Object.keys(SAMPLES).map((collection): [string, string, (record: AnyRecord) => AnyRecord] => [
      collection,
      'pairingId → another pairing',
      (record) => ({ ...record, pairingId: 'pair-b' }),
    ]),
    ...Object.keys(SAMPLES).map((collection): [string, string, (record: AnyRecord) => AnyRecord] => [
      collection,
      'pairingId → the closed pairing',
      (record) => ({ ...record, pairingId: 'pair-closed' }),
    ]),
    ['goals', 'ownerId', (record) => ({ ...record, ownerId: 'kenji' })],
    ['feedback', 'sessionId', (record) => ({ ...record, sessionId: 'session-pair-b' })],
    ['feedback', 'authorId', (record) => ({ ...record, authorId: 'kenji' })],
    ['feedback', 'authorRole', (record) => ({ ...record, authorRole: 'mentor' })],
    ['feedback', 'submittedAt (backdated)', (record) => ({ ...record, submittedAt: at(-300) })],
    ['feedback', 'editableUntil (moved)', (record) => ({ ...record, editableUntil: at(400) })],
    ['messages', 'authorId', (record) => ({ ...record, authorId: 'kenji' })],
    ['messages', 'sentAt (backdated)', (record) => ({ ...record, sentAt: at(-300) })],
    ['messages', 'history (wiped)', (record) => ({ ...record, history: [] })],
    [
      'messages',
      'history (rewritten)',
      (record) => ({ ...record, history: [{ action: 'edited', at: at(-7 + 71 / 1440), by: 'ana', previousText: 'Something else' }] }),
    ],
    ['messages', 'kind', (record) => ({ ...record, kind: 'voice', voice: { blobId: 'someone-elses-audio', durationSeconds: 3, contentType: 'audio/webm' } })],
    ['messages', 'mentorsOnly (hidden from the mentee)', (record) => ({ ...record, mentorsOnly: true })],
    ['message-reads', 'personId', (record) => ({ ...record, personId: 'kenji' })],
    ['coaching-runs', 'startedBy', (record) => ({ ...record, startedBy: 'kenji' })],
    ['pairing-rounds', 'programId', (record) => ({ ...record, programId: 'prog-q' })],
    ['pairings', 'programId', (record) => ({ ...record, programId: 'prog-q' })],
    ['pairings', 'menteeId', (record) => ({ ...record, menteeId: 'dan' })],
    ['pairings', 'mentorIds → someone outside the programme', (record) => ({ ...record, mentorIds: ['olga'] })],
    ['people', 'programIds + a programme one does not administer', (record) => ({ ...record, programIds: ['prog-p', 'prog-q'] })],
    ['people', 'roles + admin', (record) => ({ ...record, roles: ['mentee', 'admin'] })],
  ];
  return changes.map(([collection, what, change]) => {
    const previous = collection === 'pairing-rounds' ? ROUND : collection === 'people' ? world().people![0]! : stored(collection);
    const allowed: readonly MatrixRole[] = collection === 'people' && what === 'roles + admin' ? ['admin'] : [];
    return {
      name: `${collection}: change ${what}`,
      collection,
      action: 'update' as const,
      record: () => change(previous),
      previous,
      allowed,
      ...(collection === 'pairing-rounds' ? { extra: [{ collection, record: ROUND }] } : {}),
    };
  });
}

/** A closed pairing's records: members and admins read them; nobody creates, changes or removes them, nor reopens the pairing. */
export function closedPairingCases(): MatrixCase[] {
  const cases: MatrixCase[] = [];
  for (const collection of Object.keys(SAMPLES)) {
    const sample = stored(collection, 'pair-closed');
    const readers: readonly MatrixRole[] = collection === 'messages' || collection === 'message-reads' ? ['mentee'] : ['mentee', 'admin'];
    cases.push({ name: `${collection} of a closed pairing: read`, collection, action: 'read', record: () => sample, allowed: readers });
    cases.push({
      name: `${collection} of a closed pairing: create`,
      collection,
      action: 'create',
      record: (actorId) => ({ ...CREATE[collection]!(actorId), pairingId: 'pair-closed' }),
      allowed: [],
    });
    cases.push({
      name: `${collection} of a closed pairing: update`,
      collection,
      action: 'update',
      record: (actorId) => CHANGE[collection]!(sample, actorId),
      previous: sample,
      allowed: [],
    });
    cases.push({ name: `${collection} of a closed pairing: delete`, collection, action: 'delete', record: () => sample, previous: sample, allowed: [] });
  }
  const closed = world().pairings!.find((pairing) => pairing.id === 'pair-closed')!;
  cases.push({
    name: 'pairings: reopen a closed pairing',
    collection: 'pairings',
    action: 'update',
    record: () => ({ ...closed, status: 'active' }),
    previous: closed,
    allowed: [],
  });
  return cases;
}

export function allCases(): MatrixCase[] {
  return [...baseCases(), ...variantCases(), ...fieldChangeCases(), ...closedPairingCases()];
}
