/**
 * Data for the planning stories (<mk-agreement>, <mk-scheduler>, <mk-checkin>): the demo programme
 * with a working agreement for Lucía and Kenji as in the demo's story — Lucía working from Tokyo,
 * Kenji from New York with off-limits Fridays, a fortnightly cadence — at STORY_NOW.
 */
import { createMemoryStorage, createMentorKit, type MentorKit } from '@mentorkit/core';
import { agreementsFeature, type AgreementProposal } from '@mentorkit/core/agreements';
import { sessionsFeature } from '@mentorkit/core/scheduling';
import { seedDemoProgram } from '../examples/shared/demo-program.js';
import { STORY_NOW } from './support.js';

export const PLANNING_PAIRING = 'pairing-lucia';
const weekdays = (ranges: string[]) => ({ 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges });

export const tokyoNewYorkAgreement: AgreementProposal = {
  pairingId: PLANNING_PAIRING,
  cadence: 'fortnightly',
  sessionMinutes: 60,
  channels: [{ kind: 'video' }, { kind: 'chat', detail: 'Slack #mentoring' }],
  responseTimeHours: 48,
  participants: [
    { personId: 'lucia-fernandez', timeZone: 'Asia/Tokyo', workingHours: weekdays(['07:00-10:00', '19:00-22:00']) },
    { personId: 'kenji-watanabe', timeZone: 'America/New_York', workingHours: weekdays(['08:00-10:00', '17:00-21:00']), offLimitsDays: [5] },
  ],
  meetingUrl: 'https://meet.example.com/lucia-kenji',
  sharedDocumentsUrl: 'https://drive.example.com/lucia-kenji',
  coachingModel: 'grow',
  checkInLevel: 'regular',
};

export interface PlanningOptions {
  viewer?: string | undefined;
  /** none: no agreement; pending: proposed by Lucía; confirmed: by both; changed: Kenji changed it afterwards. */
  agreement?: 'none' | 'pending' | 'confirmed' | 'changed' | undefined;
  notes?: string | undefined;
  /** Sessions to book (held ones are marked held). */
  sessions?: Array<{ start: string; end: string; status?: 'held' }> | undefined;
  /** Feedback ratings by Lucía. */
  ratings?: number[] | undefined;
  now?: string | undefined;
}

export async function planningKit(options: PlanningOptions = {}): Promise<MentorKit> {
  const storage = createMemoryStorage();
  await seedDemoProgram(storage);
  const at = (now: string, user: string) => createMentorKit({ storage, user, now: () => now });
  const state = options.agreement ?? 'confirmed';
  if (state !== 'none') {
    const lucia = at('2026-09-20T09:00:00Z', 'lucia-fernandez');
    await lucia.ready;
    await lucia.use(agreementsFeature).propose({ ...tokyoNewYorkAgreement, ...(options.notes ? { notes: options.notes } : {}) });
    if (state !== 'pending') {
      const kenji = at('2026-09-21T14:00:00Z', 'kenji-watanabe');
      await kenji.ready;
      kenji.use(agreementsFeature);
      await kenji.refresh();
      await kenji.use(agreementsFeature).confirm(`${PLANNING_PAIRING}.agreement`);
      if (state === 'changed')
        await kenji.use(agreementsFeature).update(`${PLANNING_PAIRING}.agreement`, { cadence: 'weekly', offLimitsDates: ['2026-12-24', '2026-12-25'] });
    }
  }
  for (const session of options.sessions ?? []) {
    const kenji = at(new Date(Date.parse(session.end) + 60_000).toISOString(), 'kenji-watanabe');
    await kenji.ready;
    const sessions = kenji.use(sessionsFeature);
    const booked = await sessions.book({
      pairingId: PLANNING_PAIRING,
      start: session.start,
      end: session.end,
      timeZone: 'America/New_York',
      participantIds: ['lucia-fernandez', 'kenji-watanabe'],
    });
    if (session.status === 'held') await sessions.markHeld(booked.id);
  }
  let index = 0;
  for (const rating of options.ratings ?? []) {
    index++;
    await storage.put(
      'feedback',
      {
        id: `story-feedback-${index}`,
        pairingId: PLANNING_PAIRING,
        sessionId: `story-session-${index}`,
        authorId: 'lucia-fernandez',
        rating,
        tags: [],
        revealWhenBothSubmitted: false,
        submittedAt: `2026-10-0${index}T10:00:00Z`,
      },
      { expectedRevision: null },
    );
  }
  const kit = createMentorKit({ storage, user: options.viewer ?? 'kenji-watanabe', now: () => options.now ?? STORY_NOW });
  await kit.ready;
  return kit;
}
