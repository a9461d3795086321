// The report suites' records and a seeded generated programme, shared by packages/core/test/report.test.ts
// and bench/report.bench.ts (the report over 5,000 pairings and 50,000 sessions).
import type { Feedback, Goal, Pairing, Person, Program, Session } from '@mentorkit/core';
import type { ProgrammeReportInput } from '@mentorkit/core/report';

export const META = { revision: 1, updatedAt: '2026-01-01T00:00:00Z' };
export const program = (id: string, name: string): Program => ({ ...META, id, name, adminIds: ['priya'], defaultCoachingModel: 'grow' }) as Program;
export const person = (id: string, displayName: string, roles: Array<'mentee' | 'mentor' | 'admin'>, extra: Partial<Person> = {}): Person =>
  ({ ...META, id, displayName, roles, timeZone: 'UTC', workingHours: {}, programIds: ['prog'], ...extra }) as Person;
export const pairing = (id: string, menteeId: string, mentorIds: string[], status: Pairing['status'], extra: Partial<Pairing> = {}): Pairing =>
  ({ ...META, id, programId: 'prog', menteeId, mentorIds, status, kind: 'official', reasons: [], ...extra }) as Pairing;
export const session = (id: string, pairingId: string, start: string, minutes: number, status: Session['status'], extra: Partial<Session> = {}): Session =>
  ({
    ...META,
    id,
    pairingId,
    title: `Session ${id}`,
    start,
    end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
    timeZone: 'America/New_York',
    status,
    ...extra,
  }) as Session;
export const goal = (id: string, pairingId: string, ownerId: string, extra: Partial<Goal> = {}): Goal =>
  ({ ...META, id, pairingId, ownerId, title: `Goal ${id}`, visibility: 'pairing', archived: false, milestones: [], ...extra }) as Goal;
export const note = (id: string, pairingId: string, sessionId: string, authorId: string, rating: number, submittedAt: string): Feedback =>
  ({ ...META, id, pairingId, sessionId, authorId, rating, tags: [], revealWhenBothSubmitted: false, anonymity: 'named', submittedAt }) as Feedback;
export const message = (id: string, pairingId: string, authorId: string, sentAt: string, threadId?: string) => ({
  id,
  pairingId,
  authorId,
  sentAt,
  ...(threadId ? { threadId } : {}),
});

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded programme: `pairCount` pairings with `sessionsPerPair` sessions each, co-mentors, closed and future pairs. */
export function generated(pairCount: number, sessionsPerPair: number, seed = 7): ProgrammeReportInput {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const instant = (fromMs: number, toMs: number) => new Date(Math.floor((fromMs + next() * (toMs - fromMs)) / 60_000) * 60_000).toISOString();
  const windowFrom = Date.parse('2025-12-01T00:00:00Z');
  const windowTo = Date.parse('2026-06-30T00:00:00Z');
  const mentorCount = Math.max(3, Math.floor(pairCount / 3));
  const people: Person[] = [];
  for (let i = 0; i < mentorCount; i += 1)
    people.push(person(`mentor-${i}`, `Mentor ${String(i).padStart(4, '0')}`, ['mentor'], i % 4 === 0 ? {} : { capacity: 1 + (i % 5) }));
  const pairings: Pairing[] = [];
  const sessions: Session[] = [];
  const goals: Goal[] = [];
  const feedback: Feedback[] = [];
  const messages: ReturnType<typeof message>[] = [];
  const concerns: Array<{ pairingId?: string; status: string }> = [];
  for (let i = 0; i < pairCount; i += 1) {
    const menteeId = `mentee-${i}`;
    people.push(person(menteeId, `Mentee ${String(pairCount - i).padStart(5, '0')}`, ['mentee']));
    const lead = `mentor-${Math.floor(next() * mentorCount)}`;
    const co = `mentor-${Math.floor(next() * mentorCount)}`;
    const mentorIds = next() < 0.2 && co !== lead ? [lead, co] : [lead];
    const startedOn = instant(windowFrom - 90 * 86_400_000, windowTo).slice(0, 10);
    const extra: Partial<Pairing> = next() < 0.8 ? { startedOn } : { createdAt: instant(windowFrom - 90 * 86_400_000, windowTo) };
    if (next() < 0.2) extra.endedOn = instant(Date.parse(startedOn), windowTo + 86_400_000).slice(0, 10);
    const id = `pair-${i}`;
    pairings.push({
      ...pairing(id, menteeId, mentorIds, pick(['proposed', 'active', 'active', 'active', 'paused', 'closed'] as const), extra),
      programId: next() < 0.95 ? 'prog' : 'other',
    });
    for (let s = 0; s < sessionsPerPair; s += 1) {
      const start = instant(windowFrom, windowTo);
      const status = pick(['held', 'held', 'held', 'missed', 'cancelled', 'scheduled'] as const);
      const record = session(
        `${id}-s${s}`,
        id,
        start,
        pick([30, 45, 60, 90]),
        status,
        status === 'held' && next() < 0.4 ? { heldMinutes: 1 + Math.floor(next() * 120) } : {},
      );
      sessions.push(record);
      if (status === 'held' && next() < 0.7)
        feedback.push(
          note(
            `${record.id}-f`,
            id,
            record.id,
            next() < 0.85 ? menteeId : lead,
            1 + Math.floor(next() * 5),
            instant(Date.parse(record.end), Date.parse(record.end) + 10 * 86_400_000),
          ),
        );
    }
    for (let g = 0; g < 3; g += 1) {
      const extraGoal: Partial<Goal> = { createdAt: instant(windowFrom, windowTo), visibility: next() < 0.3 ? 'private' : 'pairing' };
      const fate = next();
      if (fate < 0.3) extraGoal.achievedAt = instant(windowFrom, windowTo);
      else if (fate < 0.5) extraGoal.missedAt = instant(windowFrom, windowTo);
      goals.push(goal(`${id}-g${g}`, id, menteeId, extraGoal));
    }
    const messageCount = Math.floor(next() * 8);
    for (let m = 0; m < messageCount; m += 1)
      messages.push(message(`${id}-m${m}`, id, next() < 0.5 ? menteeId : pick(mentorIds), instant(windowFrom, windowTo), next() < 0.2 ? 'side' : undefined));
    if (next() < 0.1) concerns.push({ pairingId: id, status: pick(['open', 'in-review', 'closed']) });
  }
  return {
    programId: 'prog',
    period: { from: '2026-02-15', to: '2026-05-10' },
    timeZone: 'Australia/Lord_Howe',
    now: '2026-05-20T08:00:00Z',
    programs: [program('prog', 'Generated'), program('other', 'Other')],
    people,
    pairings,
    sessions,
    goals,
    feedback,
    messages,
    concerns,
  };
}
