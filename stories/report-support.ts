/**
 * Data for the programme report stories: the demo programme with a quarter of activity (sessions held,
 * missed and cancelled, feedback, goals set, achieved and missed, and message metadata), and a stand-in
 * for the MentorKit server's `GET /programs/<id>/report` that answers core's `programmeReport` over the
 * same records, messages included (so response time is available, as on the server).
 */
import {
  MentorKitError,
  createMemoryStorage,
  createMentorKit,
  type MentorKit,
  type Person,
  type Program,
  type ReportsService,
  type StorageAdapter,
} from '@mentorkit/core';
import { programmeReport, type ReportMessageMeta, type ReportPeriod } from '@mentorkit/core/report';
import { DEMO_PROGRAM_ID, seedDemoProgram } from '../examples/shared/demo-program.js';
import { giveAwkwardNames, STORY_NOW } from './support.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Sessions every week from 7 September for the demo's active pairs; some missed or cancelled; feedback after most; goals. */
export async function seedReportActivity(storage: StorageAdapter): Promise<ReportMessageMeta[]> {
  const pairings = (await storage.query('pairings', { programId: DEMO_PROGRAM_ID })).filter((pairing) => pairing.status !== 'proposed');
  const now = Date.parse(STORY_NOW);
  const messages: ReportMessageMeta[] = [];
  let index = 0;
  for (const pairing of pairings) {
    index++;
    const menteeId = pairing.menteeId as string;
    const mentorIds = pairing.mentorIds as string[];
    // Each pair's own rhythm, so the figures differ: the 4th pair misses sessions, the 6th goes quiet, the 9th rates low.
    const weeks = pairing.status === 'paused' ? 2 : index === 6 ? 3 : 5 + (index % 4);
    for (let week = 0; week < weeks; week++) {
      const start = Date.parse('2026-09-08T09:00:00Z') + week * 7 * DAY + (index % 5) * HOUR;
      if (start > now) break;
      const status = index === 4 && week >= weeks - 3 ? 'missed' : week === 2 && index % 3 === 0 ? 'cancelled' : 'held';
      const id = `story-session-${pairing.id}-${week}`;
      await storage.put('sessions', {
        id,
        pairingId: pairing.id,
        title: `Session ${week + 1}`,
        start: new Date(start).toISOString(),
        end: new Date(start + HOUR).toISOString(),
        timeZone: 'UTC',
        status,
        ...(status === 'held' && week % 2 === 1 ? { heldMinutes: 45 } : {}),
        statusChangedAt: new Date(start + HOUR).toISOString(),
        createdAt: '2026-09-01T09:00:00Z',
      });
      if (status === 'held' && week % 3 !== 2) {
        const rating = index === 9 ? 2 : 3 + ((index + week) % 3);
        await storage.put('feedback', {
          id: `story-feedback-${pairing.id}-${week}`,
          pairingId: pairing.id,
          sessionId: id,
          authorId: menteeId,
          authorRole: 'mentee',
          rating,
          tags: [],
          revealWhenBothSubmitted: false,
          anonymity: 'named',
          submittedAt: new Date(start + 2 * HOUR).toISOString(),
          createdAt: new Date(start + 2 * HOUR).toISOString(),
        });
      }
      // A message from the mentee and an answer from a mentor, some hours later.
      const asked = start + DAY;
      messages.push({ id: `story-message-${pairing.id}-${week}-a`, pairingId: pairing.id, authorId: menteeId, sentAt: new Date(asked).toISOString() });
      messages.push({
        id: `story-message-${pairing.id}-${week}-b`,
        pairingId: pairing.id,
        authorId: mentorIds[0]!,
        sentAt: new Date(asked + ((index % 4) + 1) * HOUR + week * 7 * 60_000).toISOString(),
      });
    }
    await storage.put('goals', {
      id: `story-goal-${pairing.id}`,
      pairingId: pairing.id,
      ownerId: menteeId,
      title: 'Lead a design review',
      visibility: 'pairing',
      milestones: [],
      createdAt: '2026-09-10T09:00:00Z',
      dueDate: '2026-10-09',
      ...(index % 3 === 0 ? { achievedAt: '2026-10-02T12:00:00Z' } : index % 4 === 0 ? { missedAt: '2026-10-10T00:00:00Z', missedDueDate: '2026-10-09' } : {}),
    });
  }
  return messages;
}

export interface StoryReportsOptions {
  /** Wait this long before answering (the loading state). */
  delayMs?: number | undefined;
  /** Refuse every request with this error. */
  failWith?: MentorKitError | undefined;
}

/** The server's report in memory: core's `programmeReport` over everything `storage` holds, messages included. */
export function storyReports(storage: StorageAdapter, messages: readonly ReportMessageMeta[], options: StoryReportsOptions = {}): ReportsService {
  return {
    async programme(programId: string, period: ReportPeriod, request?: { timeZone?: string }) {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (options.failWith) throw options.failWith;
      const programs = (await storage.query('programs')) as unknown as Program[];
      if (!programs.some((program) => program.id === programId))
        throw new MentorKitError('not-found', `There is no programme "${programId}".`, { path: 'programId' });
      const read = async (collection: string) => (await storage.query(collection)) as never[];
      return programmeReport({
        programId,
        period,
        timeZone: request?.timeZone ?? 'UTC',
        now: STORY_NOW,
        programs,
        people: (await storage.query('people')) as unknown as Person[],
        pairings: await read('pairings'),
        sessions: await read('sessions'),
        goals: await read('goals'),
        feedback: await read('feedback'),
        agreements: await read('agreements'),
        messages,
        concerns: [{ pairingId: 'pairing-james', status: 'open' }],
      });
    },
  };
}

/**
 * A ready client for `viewer` on the demo programme with a quarter of activity. `server: true` gives its
 * storage the `reports` service (as on the MentorKit server); otherwise the element computes locally.
 */
export async function reportKit(viewer: string, options: { server?: boolean; awkwardNames?: boolean } & StoryReportsOptions = {}): Promise<MentorKit> {
  const memory = createMemoryStorage();
  await seedDemoProgram(memory);
  const messages = await seedReportActivity(memory);
  if (options.awkwardNames) await giveAwkwardNames(memory);
  const storage = options.server ? Object.assign(memory, { reports: storyReports(memory, messages, options) }) : memory;
  const kit = createMentorKit({ storage, user: { id: viewer }, now: () => STORY_NOW });
  await kit.ready;
  return kit;
}

export { DEMO_PROGRAM_ID };
